//! The error catalogue: every code with a sample message.

use apkalpe_catalogue::{
    CatalogueError, DeliveryError, ImportError, PaymentTermsError, PricingError, ProductError,
    QuantityError, QuoteError, StockError,
};

fn line(code: &str, message: impl std::fmt::Display) -> String {
    format!("{code}\t{message}")
}

#[test]
fn error_catalogue() {
    let sku = || "LAP-1".parse().unwrap();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 7).unwrap();
    let q = |n| apkalpe_catalogue::Quantity::from_whole(n);
    let mut errors: Vec<CatalogueError> = vec![
        "".parse::<apkalpe_catalogue::Sku>().unwrap_err().into(),
        "x".repeat(41)
            .parse::<apkalpe_catalogue::Sku>()
            .unwrap_err()
            .into(),
        "a b".parse::<apkalpe_catalogue::Sku>().unwrap_err().into(),
        "PCS"
            .parse::<apkalpe_catalogue::UnitOfMeasure>()
            .unwrap_err()
            .into(),
        QuantityError::Negative {
            found: rust_decimal_macros::dec!(-1),
        }
        .into(),
        "1,0005"
            .parse::<apkalpe_catalogue::Quantity>()
            .unwrap_err()
            .into(),
        "x".parse::<apkalpe_catalogue::Quantity>()
            .unwrap_err()
            .into(),
        ProductError::MissingLatvianName { sku: sku() }.into(),
        ProductError::MissingLatvianDescription { sku: sku() }.into(),
        ProductError::EmptyAttributeValue {
            sku: sku(),
            key: "ram_gb".parse().unwrap(),
        }
        .into(),
        ProductError::InvalidTag { sku: sku() }.into(),
        ProductError::DurationOnGoods { sku: sku() }.into(),
        PricingError::NegativePrice {
            list: "base".parse().unwrap(),
            sku: sku(),
        }
        .into(),
        PricingError::TooPrecise {
            list: "base".parse().unwrap(),
            sku: sku(),
        }
        .into(),
        PricingError::EmptyTarget {
            promotion: "p".parse().unwrap(),
        }
        .into(),
        PricingError::InvalidAmount {
            promotion: "p".parse().unwrap(),
        }
        .into(),
        PricingError::MissingLatvianName {
            promotion: "p".parse().unwrap(),
        }
        .into(),
        QuoteError::UnknownProduct { sku: sku() }.into(),
        QuoteError::Discontinued { sku: sku() }.into(),
        QuoteError::ZeroQuantity { sku: sku() }.into(),
        QuoteError::NoPrice {
            sku: sku(),
            date: day,
            segment: None,
        }
        .into(),
        StockError::ZeroQuantity { sku: sku() }.into(),
        StockError::InsufficientStock {
            sku: sku(),
            requested: q(3),
            available: q(2),
        }
        .into(),
        StockError::UnknownReservation {
            reference: "PAS-1".parse().unwrap(),
        }
        .into(),
        StockError::DuplicateReservation {
            reference: "PAS-1".parse().unwrap(),
        }
        .into(),
        StockError::ReservationExpired {
            reference: "PAS-1".parse().unwrap(),
            expires: day,
        }
        .into(),
        StockError::UnknownSupply {
            reference: "PO-1".parse().unwrap(),
        }
        .into(),
        StockError::DuplicateSupply {
            reference: "PO-1".parse().unwrap(),
        }
        .into(),
        DeliveryError::ZeroDuration.into(),
        DeliveryError::UnknownCarrier {
            carrier: "courier".parse().unwrap(),
        }
        .into(),
        DeliveryError::UnknownOrder {
            order: "PAS-1".parse().unwrap(),
        }
        .into(),
        PaymentTermsError::ZeroInterval.into(),
        PaymentTermsError::MissingDeliveryDate.into(),
        PaymentTermsError::NegativeTotal.into(),
        CatalogueError::DuplicateSku { sku: sku() },
        CatalogueError::UnknownCatalogue {
            sku: sku(),
            catalogue: "own".parse().unwrap(),
        },
        CatalogueError::InvalidPage {
            number: 0,
            size: 20,
        },
        CatalogueError::Json {
            line: 3,
            column: 7,
            reason: "unknown field `extra`".into(),
        },
    ];
    let csv_error: ImportError = apkalpe_catalogue::import_products_csv(
        &b"sku,kind,catalogue,category,name_lv\nA,x,own,it,Lv\n"[..],
        &apkalpe_catalogue::CsvOptions::default(),
    )
    .unwrap_err();
    errors.push(csv_error.into());
    let lines: Vec<String> = errors.iter().map(|e| line(e.code(), e)).collect();
    insta::assert_snapshot!("errors__catalogue", lines.join("\n"));
    assert_eq!(errors[0].code(), "code.empty");
}
