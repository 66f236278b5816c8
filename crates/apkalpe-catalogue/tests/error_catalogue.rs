//! The error catalogue: every code with a sample message.

use apkalpe_catalogue::{
    CatalogueError, CatalogueFile, DeliveryError, ImportError, PaymentTermsError, PricingError,
    ProductError, QuantityError, QuoteError, StockError,
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
    // Saved values edited into an illegal state, refused as real restores refuse them: a
    // catalogue file whose supplies, reservations or deliveries break the stock's or the
    // planner's invariants.
    let mut file: serde_json::Value = serde_json::from_str(crate::support::CATALOGUE_JSON).unwrap();
    file["reservations"] = serde_json::json!([
        {"reference": "PAS-1", "sku": "LAP-E14-G5", "quantity": "1", "expires": "2026-12-14"}
    ]);
    let restore = |edit: &dyn Fn(&mut serde_json::Value)| -> CatalogueError {
        let mut edited = file.clone();
        edit(&mut edited);
        CatalogueFile::from_json(&edited.to_string()).unwrap_err()
    };
    errors.push(restore(&|f| f["incoming"][0]["quantity"] = "0".into()));
    errors.push(restore(&|f| {
        let first = f["incoming"][0].clone();
        f["incoming"].as_array_mut().unwrap().push(first);
    }));
    errors.push(restore(&|f| {
        f["open_deliveries"] = serde_json::json!([{
            "order": "PAS-1", "carrier": "drone", "ready": "2026-12-07", "dispatch": "2026-12-07",
            "promised": "2026-12-08", "window": {"from": "09:00:00", "until": "18:00:00"}
        }]);
    }));
    errors.push(restore(&|f| f["reservations"][0]["quantity"] = "40".into()));
    let lines: Vec<String> = errors.iter().map(|e| line(e.code(), e)).collect();
    insta::assert_snapshot!("errors__catalogue", lines.join("\n"));
    assert_eq!(errors[0].code(), "code.empty");
}
