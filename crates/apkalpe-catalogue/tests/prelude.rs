//! The prelude: the way to import the crate, without clashing with the names other Apkalpe
//! crates use.

/// Stand-ins for the clashing names of the other crates (`apkalpe_accounting::Quantity`,
/// `apkalpe_payments::Discount`), glob-imported as their preludes would be.
mod others {
    pub struct Quantity;
    pub enum Discount {
        Amount,
    }
}

mod together {
    // Both globs: a name exported by both would be ambiguous at its use and fail to compile.
    use apkalpe_catalogue::prelude::*;
    use rust_decimal_macros::dec;

    use super::others::*;

    #[test]
    fn the_preludes_import_together() {
        let _theirs = (Quantity, Discount::Amount);
        let ours: apkalpe_catalogue::Quantity = CatalogueQuantity::from_whole(2);
        assert_eq!(ours.value(), dec!(2));
        let promotion: apkalpe_catalogue::Discount = PromotionDiscount::Percent(dec!(10));
        assert_eq!(promotion, apkalpe_catalogue::Discount::Percent(dec!(10)));
        let sku: Sku = "LAP-1".parse().unwrap();
        assert_eq!(sku.as_str(), "LAP-1");
    }

    #[test]
    fn the_prelude_brings_the_error_trait() {
        let error = "LAP 1".parse::<Sku>().unwrap_err();
        // `message_in` is a method of `LocalizedError`, in scope through the prelude.
        assert_eq!(
            error.message_in(apkalpe_core::Language::Latvian),
            "SKU pozīcijā 3 ir neatļauta rakstzīme ' '"
        );
        let boxed: Box<dyn std::error::Error> = Box::new(error);
        assert_eq!(
            apkalpe_core::find_localized(&*boxed, &[downcast_error]).map(|e| e.code()),
            Some("code.invalid_character")
        );
    }
}
