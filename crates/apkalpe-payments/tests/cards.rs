//! Cards: validation, brands, masking, the payment state machine on the simulated terminal.

use apkalpe_core::{Currency, Money};
use apkalpe_payments::{
    CardBrand, CardNumber, CardPayment, CardPaymentStatus, DeclineReason, IdempotencyKey,
    MaskedPan, SimulatedTerminal,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::{card_number, cents, day, eur};

fn key(text: &str) -> IdempotencyKey {
    IdempotencyKey::try_new(text).unwrap()
}

#[test]
fn desk_check_card_lines() {
    // The `desk check card` contract: valid<TAB>canonical / invalid<TAB>code<TAB>message.
    let line = |text: &str| match text.parse::<CardNumber>() {
        Ok(card) => format!("valid\t{} {}", card.masked(), card.brand()),
        Err(error) => format!("invalid\t{}\t{error}", error.code()),
    };
    let lines: Vec<String> = [
        "4111 1111 1111 1111",
        "5555-5555-5555-4444",
        "2223 0000 4841 0010",
        "3782 822463 10005",
        "6011 1111 1111 1117",
        "3530 1113 3330 0000",
        "6200 0000 0000 0005",
        "3056 9309 0259 04",
        "6759 6498 2643 8453",
        "4111 1111 1111 1112",
        "4111-xxxx",
        "",
        "9111111111111110",
        "4111 1111 1111 116",
    ]
    .iter()
    .map(|t| line(t))
    .collect();
    assert_eq!(lines[0], "valid\t411111******1111 Visa");
    insta::assert_snapshot!("cards__desk_check_card", lines.join("\n"));
}

#[test]
fn a_decline_and_a_refund_story() {
    let mut terminal =
        SimulatedTerminal::new().declining_card_ending_in("0002", DeclineReason::InsufficientFunds);
    let today = day(2026, 11, 27);
    let mut declined = CardPayment::try_new(eur(dec!(12))).unwrap();
    let error = declined
        .authorise(
            &mut terminal,
            "4000000000000002".parse().unwrap(),
            "01/28".parse().unwrap(),
            &key("d-1"),
            today,
        )
        .unwrap_err();
    assert_eq!(error.code(), "terminal.declined");
    assert_eq!(declined.status(), CardPaymentStatus::Declined);

    let mut payment = CardPayment::try_new(eur(dec!(45.90))).unwrap();
    payment
        .authorise(
            &mut terminal,
            "5555555555554444".parse().unwrap(),
            "01/28".parse().unwrap(),
            &key("p-1"),
            today,
        )
        .unwrap();
    payment
        .capture(&mut terminal, eur(dec!(45.90)), &key("p-2"))
        .unwrap();
    payment
        .refund(&mut terminal, eur(dec!(45.90)), &key("p-3"))
        .unwrap();
    assert_eq!(payment.status(), CardPaymentStatus::Refunded);
    let json = serde_json::to_value(&payment).unwrap();
    let text = json.to_string();
    assert!(text.contains("555555******4444"));
    assert!(!text.contains("5555555555554444"));
    insta::assert_json_snapshot!("cards__refunded_payment_json", json);
}

#[derive(Debug, Clone)]
enum Op {
    Capture(Decimal),
    Refund(Decimal),
    Void,
    Repeat,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        cents(6000).prop_map(Op::Capture),
        cents(6000).prop_map(Op::Refund),
        cents(3000).prop_map(Op::Refund),
        Just(Op::Void),
        Just(Op::Repeat),
    ]
}

proptest! {
    #[test]
    fn valid_numbers_parse_and_mask_to_six_plus_four(number in card_number()) {
        let card: CardNumber = number.parse().unwrap();
        let masked = card.masked();
        let digits = masked.as_str().chars().filter(char::is_ascii_digit).count();
        prop_assert!(digits <= 10);
        prop_assert_eq!(masked.as_str().len(), number.len());
        prop_assert_eq!(&masked.as_str()[..6], &number[..6]);
        let debug = format!("{:?}", card);
        prop_assert!(!debug.contains(&number));
        prop_assert!(MaskedPan::try_new(masked.as_str()).is_ok());
        prop_assert!(CardBrand::ALL.contains(&card.brand()));
    }

    #[test]
    fn one_changed_digit_is_caught(number in card_number(), position in 0usize..19, bump in 1u8..10) {
        let position = position % number.len();
        let mut bytes = number.into_bytes();
        bytes[position] = b'0' + (bytes[position] - b'0' + bump) % 10;
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert!(changed.parse::<CardNumber>().is_err());
    }

    #[test]
    fn masked_pans_never_hold_more_than_ten_digits(text in "[0-9*]{0,22}") {
        if let Ok(masked) = MaskedPan::try_new(&text) {
            prop_assert!(masked.as_str().chars().filter(char::is_ascii_digit).count() <= 10);
        }
    }

    #[test]
    fn card_parser_never_panics(text in "\\PC{0,40}") {
        if let Err(error) = text.parse::<CardNumber>() {
            // Errors never echo the digits.
            let digits: String = text.chars().filter(char::is_ascii_digit).collect();
            if digits.len() >= 6 {
                prop_assert!(!error.to_string().contains(&digits));
            }
        }
    }

    #[test]
    fn refunds_never_exceed_captures(amount in cents(5000), ops in proptest::collection::vec(op(), 1..12)) {
        let mut terminal = SimulatedTerminal::new();
        let mut payment = CardPayment::try_new(eur(amount)).unwrap();
        payment.authorise(&mut terminal, "4111111111111111".parse().unwrap(), "12/30".parse().unwrap(), &key("a"), day(2026, 11, 27)).unwrap();
        let mut last: Option<(Op, IdempotencyKey)> = None;
        for (i, op) in ops.into_iter().enumerate() {
            let fresh = key(&format!("k{i}"));
            let (op, k) = match op {
                Op::Repeat => match last.clone() { Some(l) => l, None => continue },
                other => (other, fresh),
            };
            let before = payment.clone();
            let result = match &op {
                Op::Capture(x) => payment.capture(&mut terminal, Money::new(*x, Currency::EUR), &k),
                Op::Refund(x) => payment.refund(&mut terminal, Money::new(*x, Currency::EUR), &k),
                Op::Void => payment.void(&mut terminal, &k),
                Op::Repeat => unreachable!(),
            };
            if result.is_err() {
                prop_assert_eq!(&payment, &before, "a failed request changes nothing");
            }
            if last.as_ref().is_some_and(|(_, lk)| *lk == k) {
                prop_assert_eq!(&payment, &before, "a repeated key changes nothing");
            }
            prop_assert!(payment.refunded().amount() <= payment.captured().amount());
            prop_assert!(payment.captured().amount() <= amount);
            last = Some((op, k));
        }
    }
}
