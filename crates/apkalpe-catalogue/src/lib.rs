//! Products and services, catalogues, prices and promotions, payment terms, stock, delivery schedules and recommendations (being written).
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]
