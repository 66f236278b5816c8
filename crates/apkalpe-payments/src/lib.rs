//! Cash, payment cards, bank transfers, the cash register with X and Z reports, allocation and bank statement reconciliation (being written).
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]
