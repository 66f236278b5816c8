//! Primary accounting documents, VAT totals, numbering, EN 16931 UBL e-invoices and batches for accounting software (being written).
#![deny(missing_docs)]
#![warn(missing_debug_implementations)]
#![doc(test(attr(deny(warnings))))]
