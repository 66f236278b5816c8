//! Records management: documents and requisites, file plan and cases, registration and flow, complaints, contracts, confidentiality and archive (being written).
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]
