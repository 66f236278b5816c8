//! The prelude: one glob import for an embedder, which never makes a name ambiguous next to
//! the preludes of other crates.

/// Stands for another Apkalpe crate's prelude: the names that crate shares with this one.
#[allow(dead_code)]
mod other_crate {
    pub struct Quantity;
    pub struct ReceiptLine;
    pub struct DocumentKind;
    pub struct Signatory;
    pub struct CashError;
}

/// Both globs together: if the accounting prelude exported a plain `Quantity` (or another
/// shared name), using it below would not compile ("`Quantity` is ambiguous").
mod both {
    pub use super::other_crate::*;
    #[allow(unused_imports)]
    pub use apkalpe_accounting::prelude::*;

    pub fn shared_names() -> [&'static str; 5] {
        [
            std::any::type_name::<Quantity>(),
            std::any::type_name::<ReceiptLine>(),
            std::any::type_name::<DocumentKind>(),
            std::any::type_name::<Signatory>(),
            std::any::type_name::<CashError>(),
        ]
    }
}

#[test]
fn shared_names_are_prefixed_in_the_prelude() {
    assert!(
        both::shared_names()
            .iter()
            .all(|name| name.contains("other_crate"))
    );
    use apkalpe_accounting::prelude::*;
    assert_eq!(
        std::any::type_name::<AccountingQuantity>(),
        std::any::type_name::<apkalpe_accounting::Quantity>()
    );
    assert_eq!(
        std::any::type_name::<AccountingCashError>(),
        std::any::type_name::<apkalpe_accounting::CashError>()
    );
    assert_eq!(
        std::any::type_name::<AccountingDocumentKind>(),
        std::any::type_name::<apkalpe_accounting::DocumentKind>()
    );
    assert_eq!(
        std::any::type_name::<AccountingReceiptLine>(),
        std::any::type_name::<apkalpe_accounting::ReceiptLine>()
    );
    assert_eq!(
        std::any::type_name::<AccountingSignatory>(),
        std::any::type_name::<apkalpe_accounting::Signatory>()
    );
}

/// What an embedder writes: an invoice issued, written as UBL, read back and rendered, with
/// nothing imported from the crate but the prelude.
#[test]
fn an_invoice_with_the_prelude_alone() {
    use apkalpe_accounting::prelude::*;
    use apkalpe_core::{Currency, Language, Money};
    use rust_decimal_macros::dec;

    let line = InvoiceLine::try_new(
        "Konsultācija",
        AccountingQuantity::try_new(dec!(2)).unwrap(),
        UnitCode::HOUR,
        Money::new(dec!(40), Currency::EUR),
        crate::support::vat(dec!(21)),
    )
    .unwrap();
    let invoice = DraftInvoice::new(
        InvoiceKind::Invoice,
        crate::support::seller(),
        crate::support::company(),
        Currency::EUR,
    )
    .with_line(line)
    .with_due_date(crate::support::day(3, 16))
    .issue(&mut crate::support::invoices(), crate::support::day(3, 2))
    .unwrap();
    let read = read_received_invoice(&write_ubl_invoice(&invoice).unwrap()).unwrap();
    assert_eq!(read.kind(), ReceivedInvoiceKind::Invoice);
    let text = render_invoice_in(&invoice, Language::English).unwrap();
    assert!(text.contains("2 h"), "{text}");
}
