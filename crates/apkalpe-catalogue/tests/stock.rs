//! Stock and availability on the sample catalogue.

use apkalpe_catalogue::{Availability, StockError};

use crate::support::{date, qty, sample, sku};

#[test]
fn answers_for_the_sample() {
    let file = sample();
    let stock = file.stock();
    let day = date(2026, 12, 7);
    assert_eq!(
        stock.availability(&sku("LAP-E14-G5"), qty(2), day),
        Availability::InStock { free: qty(4) }
    );
    assert_eq!(
        stock.availability(&sku("LAP-MBA-M3"), qty(2), day),
        Availability::AvailableFrom {
            date: date(2026, 12, 14)
        }
    );
    assert_eq!(
        stock.availability(&sku("LAP-DELL-5440"), qty(3), day),
        Availability::Partial {
            now: qty(1),
            rest: qty(2),
            from: date(2026, 12, 21)
        }
    );
    assert_eq!(
        stock.availability(&sku("LAP-DELL-5440"), qty(7), day),
        Availability::Unavailable {
            now: qty(1),
            expected_total: qty(6)
        }
    );
    assert_eq!(stock.on_hand(&sku("LAP-HP-250")), qty(10));
}

#[test]
fn reserve_fulfil_release_and_typed_errors() {
    let mut file = sample();
    let stock = file.stock_mut();
    let day = date(2026, 12, 7);
    let laptop = sku("LAP-DELL-5440");
    // 1 on hand + 5 incoming: 6 can be promised.
    stock
        .reserve(
            "PAS-1".parse().unwrap(),
            &laptop,
            qty(4),
            day,
            date(2026, 12, 31),
        )
        .unwrap();
    let error = stock
        .reserve(
            "PAS-2".parse().unwrap(),
            &laptop,
            qty(3),
            day,
            date(2026, 12, 31),
        )
        .unwrap_err();
    assert_eq!(
        error,
        StockError::InsufficientStock {
            sku: laptop.clone(),
            requested: qty(3),
            available: qty(2)
        }
    );
    // The goods are not in Riga yet: fulfilling 4 would drive stock below zero.
    let riga = "riga-central".parse().unwrap();
    let error = stock
        .fulfil(&"PAS-1".parse().unwrap(), &riga, day)
        .unwrap_err();
    assert_eq!(error.code(), "stock.insufficient_at_location");
    stock
        .receive_supply(&"PO-2026-121".parse().unwrap())
        .unwrap();
    stock
        .fulfil(&"PAS-1".parse().unwrap(), &riga, date(2026, 12, 21))
        .unwrap();
    assert_eq!(stock.on_hand(&laptop), qty(2));
    assert_eq!(stock.reserved(&laptop), qty(0));
    stock
        .reserve("PAS-3".parse().unwrap(), &laptop, qty(2), day, day)
        .unwrap();
    assert_eq!(
        stock.release(&"PAS-3".parse().unwrap()).unwrap().quantity(),
        qty(2)
    );
    assert_eq!(
        stock
            .cancel_supply(&"PO-2026-121".parse().unwrap())
            .unwrap_err()
            .code(),
        "stock.unknown_supply"
    );
}
