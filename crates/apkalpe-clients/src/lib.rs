//! Client registry, needs and requests, contact history, commercial register checks, personal data and surveys (being written).
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]
