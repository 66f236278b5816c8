//! The cash register: receipts, returns, X and Z reports.

use apkalpe_core::{CountryCode, Money, VatRate};
use apkalpe_payments::{
    CashCount, CashMovement, CashMovementKind, Denomination, Discount, FiscalDevice,
    FiscalDeviceError, PaymentMethod, Receipt, ReceiptKind, ReceiptLine, RegisterError,
    RegisterIdentity, ShiftEvent, ShiftTotals, Tender, XReport, ZReport,
};
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

use crate::support::{at, cents, eur, register};

fn rate(p: Decimal) -> VatRate {
    VatRate::try_new(p).unwrap()
}

fn float() -> CashCount {
    CashCount::new()
        .with(Denomination::Euro10, 5)
        .unwrap()
        .with(Denomination::Euro1, 10)
        .unwrap()
        .with(Denomination::Cent5, 20)
        .unwrap()
}

#[test]
fn a_day_at_a_lithuanian_outlet() {
    let mut shift = register(CountryCode::LT)
        .open_shift("Anna Liepa", float(), at(8, 0))
        .unwrap();
    let coffee = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), rate(dec!(21))).unwrap();
    let apples =
        ReceiptLine::try_new("Āboli, kg", dec!(1.235), eur(dec!(1.49)), rate(dec!(12))).unwrap();
    let sale = shift
        .sell(
            vec![coffee, apples],
            &[Tender::Cash {
                tendered: eur(dec!(10)),
            }],
            at(9, 15),
        )
        .unwrap();
    // 3.98 + 1.84 = 5.82, rounded in cash to 5.80.
    assert_eq!(sale.total(), eur(dec!(5.82)));
    assert_eq!(sale.rounding(), eur(dec!(-0.02)));
    assert_eq!(sale.change(), eur(dec!(4.20)));
    let identity = shift.register().identity().clone();
    insta::assert_snapshot!("register__receipt_cash_lt", sale.render(&identity));

    let book = ReceiptLine::try_new("Grāmata", dec!(1), eur(dec!(14.70)), rate(dec!(5))).unwrap();
    let mixed = shift
        .sell(
            vec![book],
            &[
                Tender::Card {
                    amount: eur(dec!(10.00)),
                    reference: "411111******1111".into(),
                },
                Tender::Cash {
                    tendered: eur(dec!(5.00)),
                },
            ],
            at(10, 2),
        )
        .unwrap();
    assert_eq!(mixed.payments()[0].method(), PaymentMethod::Cash);
    assert_eq!(mixed.payments()[0].amount(), eur(dec!(4.70)));
    assert_eq!(mixed.single_method(), None);
    shift.record_cash_movement(
        CashMovement::try_new(
            CashMovementKind::Payout,
            eur(dec!(20)),
            "kurjera pakalpojums",
            "KIzO-2026-0012",
        )
        .unwrap(),
    );
    let returned =
        ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(1.99)), rate(dec!(21))).unwrap();
    let refund = shift
        .refund(
            sale.number(),
            vec![returned],
            &[Tender::Cash {
                tendered: eur(dec!(1.99)),
            }],
            at(11, 0),
        )
        .unwrap();
    assert_eq!(refund.payments()[0].amount(), eur(dec!(2.00)));
    insta::assert_snapshot!("register__return_receipt", refund.render(&identity));
    let x = shift.x_report(at(12, 0)).unwrap();
    insta::assert_snapshot!("register__x_report", x.render());
    let counted = float()
        .with(Denomination::Euro5, 1)
        .unwrap()
        .with(Denomination::Euro2, 1)
        .unwrap();
    let (register, z) = shift.close(counted, at(20, 0)).unwrap();
    assert_eq!(z.number(), 1);
    assert_eq!(register.last_receipt(), 3);
    // Float 61.00 + cash 5.80 + 4.70 − 2.00 − payout 20.00 = 49.50 expected; 68.00 counted.
    assert_eq!(z.totals().expected_cash(), eur(dec!(49.50)));
    assert_eq!(z.over_short(), eur(dec!(18.50)));
    assert_eq!(x.totals(), z.totals());
    insta::assert_snapshot!("register__z_report", z.render());
    insta::assert_json_snapshot!("register__z_report_json", z);
}

#[test]
fn a_latvian_outlet_rounds_nothing_and_tenders_must_settle() {
    let mut shift = register(CountryCode::LV)
        .open_shift("Jānis", float(), at(8, 0))
        .unwrap();
    let line = ReceiptLine::try_new("Maize", dec!(1), eur(dec!(1.23)), rate(dec!(12))).unwrap();
    let sale = shift
        .sell(
            vec![line.clone()],
            &[Tender::Cash {
                tendered: eur(dec!(2)),
            }],
            at(9, 0),
        )
        .unwrap();
    assert!(sale.rounding().is_zero());
    assert_eq!(sale.change(), eur(dec!(0.77)));
    let short = shift.sell(
        vec![line.clone()],
        &[Tender::Card {
            amount: eur(dec!(1)),
            reference: "x".into(),
        }],
        at(9, 1),
    );
    assert_eq!(short.unwrap_err().code(), "register.tenders");
    let little = shift.sell(
        vec![line],
        &[Tender::Cash {
            tendered: eur(dec!(1)),
        }],
        at(9, 2),
    );
    assert_eq!(little.unwrap_err().code(), "cash.insufficient_tender");
    assert_eq!(
        shift.sell(vec![], &[], at(9, 3)).unwrap_err().code(),
        "register.no_lines"
    );
    // Failed sales take no number.
    assert_eq!(shift.register().last_receipt(), 1);
}

#[test]
fn a_sale_with_discounts_prints_them_in_money_and_the_z_report_counts_them() {
    let mut shift = register(CountryCode::LV)
        .open_shift("Anna Liepa", float(), at(8, 0))
        .unwrap();
    let coffee = ReceiptLine::try_new("Kafija", dec!(3), eur(dec!(1.99)), rate(dec!(21)))
        .unwrap()
        .with_discount(Discount::Percent(dec!(10)), "klienta karte")
        .unwrap();
    let chair = ReceiptLine::try_new("Krēsls", dec!(1), eur(dec!(49.00)), rate(dec!(21)))
        .unwrap()
        .with_discount(Discount::Amount(eur(dec!(5.00))), "skrāpējums")
        .unwrap();
    let bread = ReceiptLine::try_new("Maize", dec!(1), eur(dec!(1.23)), rate(dec!(12))).unwrap();
    // 5.97 − 0.60 = 5.37; 49.00 − 5.00 = 44.00; 1.23: total 50.60, discounts 5.60.
    let sale = shift
        .sell(
            vec![coffee, chair, bread],
            &[Tender::Cash {
                tendered: eur(dec!(60)),
            }],
            at(9, 0),
        )
        .unwrap();
    assert_eq!(sale.total(), eur(dec!(50.60)));
    assert_eq!(sale.discounts(), eur(dec!(5.60)));
    // VAT per rate on the discounted amounts: A 49.37 × 21/121 = 8.568… → 8.57.
    assert_eq!(sale.vat()[0].gross(), eur(dec!(49.37)));
    assert_eq!(sale.vat()[0].vat(), eur(dec!(8.57)));
    let identity = shift.register().identity().clone();
    let text = sale.render(&identity);
    assert!(text.contains("Atlaide 10\u{a0}%: klienta karte"));
    // Amounts the Latvian way: a decimal comma.
    assert!(
        text.contains("KOPĀ EUR                           50,60"),
        "{text}"
    );
    insta::assert_snapshot!("register__receipt_discount", text);
    insta::assert_json_snapshot!("register__receipt_discount_lines_json", sale.lines());
    let returned = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(1.99)), rate(dec!(21)))
        .unwrap()
        .with_discount(Discount::Percent(dec!(10)), "klienta karte")
        .unwrap();
    let refund = shift
        .refund(
            sale.number(),
            vec![returned],
            &[Tender::Cash {
                tendered: eur(dec!(1.79)),
            }],
            at(10, 0),
        )
        .unwrap();
    assert_eq!(refund.total(), eur(dec!(1.79)));
    let (_, z) = shift.close(float(), at(20, 0)).unwrap();
    assert_eq!(z.totals().sales_discounts(), eur(dec!(5.60)));
    assert_eq!(z.totals().returns_discounts(), eur(dec!(0.20)));
    assert_eq!(z.totals().sales_total(), eur(dec!(50.60)));
    insta::assert_snapshot!("register__z_report_discount", z.render());
}

#[test]
fn a_discount_never_makes_a_line_negative() {
    let line = || ReceiptLine::try_new("Prece", dec!(2), eur(dec!(1.50)), rate(dec!(21))).unwrap();
    let code = |d: Discount| line().with_discount(d, "x").unwrap_err().code();
    assert_eq!(
        code(Discount::Amount(eur(dec!(3.01)))),
        "register.discount_amount"
    );
    assert_eq!(
        code(Discount::Amount(eur(dec!(0)))),
        "register.discount_amount"
    );
    assert_eq!(
        code(Discount::Amount(eur(dec!(-1)))),
        "register.discount_amount"
    );
    assert_eq!(
        code(Discount::Percent(dec!(100.01))),
        "register.discount_percent"
    );
    assert_eq!(
        code(Discount::Percent(dec!(0))),
        "register.discount_percent"
    );
    assert_eq!(
        code(Discount::Amount(Money::new(
            dec!(1),
            apkalpe_core::Currency::USD
        ))),
        "register.currency"
    );
    assert_eq!(
        line()
            .with_discount(Discount::Percent(dec!(5)), " ")
            .unwrap_err()
            .code(),
        "register.empty"
    );
    let long = line()
        .with_discount(
            Discount::Percent(dec!(5)),
            &"ļoti gara atlaides pamatojuma teksts ".repeat(3),
        )
        .unwrap();
    let mut shift = register(CountryCode::LV)
        .open_shift("Anna", float(), at(8, 0))
        .unwrap();
    let sale = shift
        .sell(
            vec![long],
            &[Tender::Card {
                amount: eur(dec!(2.85)),
                reference: "c".into(),
            }],
            at(9, 0),
        )
        .unwrap();
    let text = sale.render(shift.register().identity());
    let discount_line = text
        .lines()
        .find(|l| l.contains("Atlaide 5\u{a0}%"))
        .unwrap();
    assert_eq!(discount_line.chars().count(), 40);
    assert!(discount_line.ends_with(" -0,15  "));
    // The whole line may be given away.
    let free = line()
        .with_discount(Discount::Amount(eur(dec!(3.00))), "dāvana")
        .unwrap();
    assert!(free.amount().is_zero());
}

fn discount() -> impl Strategy<Value = Option<Discount>> {
    prop_oneof![
        2 => Just(None),
        1 => (1i64..=10_000).prop_map(|bp| Some(Discount::Percent(Decimal::new(bp, 2)))),
        1 => cents(5_000).prop_map(|c| Some(Discount::Amount(eur(c)))),
    ]
}

fn line() -> impl Strategy<Value = ReceiptLine> {
    (
        1u32..5,
        cents(5_000),
        prop_oneof![Just(dec!(21)), Just(dec!(12)), Just(dec!(5)), Just(dec!(0))],
        discount(),
    )
        .prop_map(|(q, price, r, discount)| {
            let line =
                ReceiptLine::try_new("Prece", Decimal::from(q), eur(price), rate(r)).unwrap();
            match discount {
                // A discount above the line amount is refused; the line stays undiscounted.
                Some(d) => line.clone().with_discount(d, "akcija").unwrap_or(line),
                None => line,
            }
        })
}

proptest! {
    #[test]
    fn z_totals_equal_the_sum_of_receipts(
        sales in proptest::collection::vec((proptest::collection::vec(line(), 1..4), 0u8..3, any::<bool>()), 1..20),
        country in prop_oneof![Just(CountryCode::LV), Just(CountryCode::LT)],
    ) {
        let mut shift = register(country).open_shift("Anna", float(), at(8, 0)).unwrap();
        let mut receipts = Vec::new();
        for (i, (lines, method, is_return)) in sales.into_iter().enumerate() {
            let total = Money::try_sum(apkalpe_core::Currency::EUR, lines.iter().map(|l| l.amount())).unwrap();
            let tenders = match method {
                // A receipt given away in full by discounts needs no payment.
                _ if total.is_zero() => vec![],
                0 => vec![Tender::Cash { tendered: total.checked_add(eur(dec!(5))).unwrap() }],
                1 => vec![Tender::Card { amount: total, reference: "c".into() }],
                _ => vec![Tender::Transfer { amount: total, reference: "t".into() }],
            };
            // A return gives back part of receipt 1, so receipt 1 is always a sale.
            let receipt = if is_return && i > 0 {
                shift.refund(1, lines, &tenders, at(9, i as u32 % 60))
            } else {
                shift.sell(lines, &tenders, at(9, i as u32 % 60))
            }.unwrap();
            // Per-receipt invariants.
            let vat_sum = Money::try_sum(apkalpe_core::Currency::EUR, receipt.vat().iter().map(|v| v.gross())).unwrap();
            prop_assert_eq!(vat_sum, receipt.total());
            let paid = Money::try_sum(apkalpe_core::Currency::EUR, receipt.payments().iter().map(|p| p.amount())).unwrap();
            prop_assert_eq!(paid, receipt.total_paid().unwrap());
            receipts.push(receipt);
        }
        let (_, z) = shift.close(float(), at(20, 0)).unwrap();
        let sum = |ret: bool| Money::try_sum(apkalpe_core::Currency::EUR, receipts.iter()
            .filter(|r| matches!(r.kind(), apkalpe_payments::ReceiptKind::Return { .. }) == ret)
            .map(|r| r.total())).unwrap();
        prop_assert_eq!(z.totals().sales_total(), sum(false));
        prop_assert_eq!(z.totals().returns_total(), sum(true));
        let discounts = |ret: bool| Money::try_sum(apkalpe_core::Currency::EUR, receipts.iter()
            .filter(|r| matches!(r.kind(), ReceiptKind::Return { .. }) == ret)
            .flat_map(|r| r.lines().iter().filter_map(|l| l.discount().map(|d| d.amount())))).unwrap();
        prop_assert_eq!(z.totals().sales_discounts(), discounts(false));
        prop_assert_eq!(z.totals().returns_discounts(), discounts(true));
        let by_rate = Money::try_sum(apkalpe_core::Currency::EUR, z.totals().rates().iter().map(|r| r.sales().gross())).unwrap();
        prop_assert_eq!(by_rate, z.totals().sales_total());
        let by_method = Money::try_sum(apkalpe_core::Currency::EUR, z.totals().methods().iter().map(|m| m.sales())).unwrap();
        prop_assert_eq!(by_method, z.totals().sales_total().checked_add(z.totals().sales_rounding()).unwrap());
        prop_assert_eq!(z.totals().sale_count() + z.totals().return_count(), receipts.len() as u64);
        // X and Z are one computation.
        let events: Vec<ShiftEvent> = receipts.into_iter().map(ShiftEvent::Receipt).collect();
        prop_assert_eq!(ShiftTotals::compute(float().total(), &events).unwrap(), z.totals().clone());
    }
}

proptest! {
    #[test]
    fn a_discount_is_in_money_between_zero_and_the_line_amount(
        q in 1u32..1000,
        price in cents(100_000),
        discount in prop_oneof![
            (-20_000i64..=20_000).prop_map(|bp| Discount::Percent(Decimal::new(bp, 2))),
            (-10_000_000i64..=10_000_000).prop_map(|c| Discount::Amount(eur(Decimal::new(c, 2)))),
        ],
    ) {
        let line = ReceiptLine::try_new("Prece", Decimal::from(q), eur(price), rate(dec!(21))).unwrap();
        let before = line.amount();
        match line.with_discount(discount, "akcija") {
            Ok(discounted) => {
                let given = discounted.discount().unwrap().amount();
                prop_assert!(!discounted.amount().is_negative());
                prop_assert!(!given.is_negative());
                prop_assert_eq!(discounted.amount().checked_add(given).unwrap(), before);
                prop_assert_eq!(discounted.amount_before_discount(), before);
            }
            Err(error) => {
                let code = error.code();
                prop_assert!(code == "register.discount_amount" || code == "register.discount_percent", "{}", code);
            }
        }
    }
}

/// A fiscal device for the tests: online or not, and what it registered and printed.
#[derive(Default)]
struct Device {
    offline: bool,
    receipts: Vec<u64>,
    x_reports: usize,
    z_reports: Vec<u64>,
}

impl FiscalDevice for Device {
    fn register_receipt(
        &mut self,
        _identity: &RegisterIdentity,
        receipt: &Receipt,
    ) -> Result<(), FiscalDeviceError> {
        if self.offline {
            return Err(FiscalDeviceError::Unavailable);
        }
        self.receipts.push(receipt.number());
        Ok(())
    }

    fn print_x_report(&mut self, _report: &XReport) -> Result<(), FiscalDeviceError> {
        if self.offline {
            return Err(FiscalDeviceError::Unavailable);
        }
        self.x_reports += 1;
        Ok(())
    }

    fn close_day(&mut self, report: &ZReport) -> Result<(), FiscalDeviceError> {
        if self.offline {
            return Err(FiscalDeviceError::Rejected {
                reason: "paper out".into(),
            });
        }
        self.z_reports.push(report.number());
        Ok(())
    }
}

fn coffee() -> ReceiptLine {
    ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(1.99)), rate(dec!(21))).unwrap()
}

fn cash(amount: Decimal) -> [Tender; 1] {
    [Tender::Cash {
        tendered: eur(amount),
    }]
}

#[test]
fn an_offline_fiscal_device_refuses_and_changes_nothing() {
    let mut device = Device {
        offline: true,
        ..Device::default()
    };
    let mut shift = register(CountryCode::LV)
        .open_shift("Anna", float(), at(8, 0))
        .unwrap();
    let before = shift.clone();
    let error = shift
        .sell_on(&mut device, vec![coffee()], &cash(dec!(5)), at(9, 0))
        .unwrap_err();
    assert_eq!(
        error,
        RegisterError::FiscalDevice(FiscalDeviceError::Unavailable)
    );
    assert_eq!(error.code(), "fiscal_device.unavailable");
    assert_eq!(shift, before, "no receipt numbered, no event recorded");
    let error = shift.x_report_on(&mut device, at(9, 0)).unwrap_err();
    assert_eq!(error.code(), "fiscal_device.unavailable");

    device.offline = false;
    let sale = shift
        .sell_on(&mut device, vec![coffee()], &cash(dec!(5)), at(9, 1))
        .unwrap();
    assert_eq!(sale.number(), 1);
    // The device is offline for the return: refused, nothing recorded.
    device.offline = true;
    let before = shift.clone();
    let error = shift
        .refund_on(&mut device, 1, vec![coffee()], &cash(dec!(0)), at(9, 2))
        .unwrap_err();
    assert_eq!(error.code(), "fiscal_device.unavailable");
    assert_eq!(shift, before);
    device.offline = false;
    let back = shift
        .refund_on(&mut device, 1, vec![coffee()], &cash(dec!(0)), at(9, 3))
        .unwrap();
    assert_eq!(device.receipts, [1, back.number()]);
    shift.x_report_on(&mut device, at(9, 4)).unwrap();
    assert_eq!(device.x_reports, 1);

    // Closing when the device refuses gives the shift back, still open and unchanged.
    device.offline = true;
    let before = shift.clone();
    let (shift, error) = shift.close_on(&mut device, float(), at(18, 0)).unwrap_err();
    assert_eq!(error.code(), "fiscal_device.rejected");
    assert_eq!(*shift, before);
    device.offline = false;
    let (register, z) = shift.close_on(&mut device, float(), at(18, 1)).unwrap();
    assert_eq!(device.z_reports, [z.number()]);
    assert_eq!(register.last_z(), 1);
}

#[test]
fn a_cash_refund_ignores_the_amount_tendered() {
    let mut shift = register(CountryCode::LT)
        .open_shift("Anna", float(), at(8, 0))
        .unwrap();
    shift
        .sell(vec![coffee(), coffee()], &cash(dec!(5)), at(9, 0))
        .unwrap();
    // The docs say the amount of a cash refund is not used: 0 and 100 give the same receipt.
    let with = |amount| {
        shift
            .preview_refund(1, vec![coffee()], &cash(amount), at(9, 5))
            .unwrap()
    };
    let zero = with(dec!(0));
    assert_eq!(zero, with(dec!(100)));
    assert_eq!(zero, with(dec!(1.99)));
    // 1.99 paid back in cash in Lithuania is rounded to 2.00.
    assert_eq!(zero.payments()[0].amount(), eur(dec!(2.00)));
    assert_eq!(zero.change(), eur(dec!(0)));
    assert_eq!(zero.cash_tendered(), None);
    // A sale still needs a positive cash tender.
    let error = shift
        .sell(vec![coffee()], &cash(dec!(0)), at(9, 6))
        .unwrap_err();
    assert_eq!(error.code(), "register.tender");
}

#[test]
fn a_return_names_a_sale_the_register_issued() {
    let mut shift = register(CountryCode::LV)
        .open_shift("Anna", float(), at(8, 0))
        .unwrap();
    let refund = |shift: &mut apkalpe_payments::OpenShift, original| {
        shift.refund(original, vec![coffee()], &cash(dec!(0)), at(9, 0))
    };
    // A fresh register has issued nothing: no receipt can be returned.
    let before = shift.clone();
    assert_eq!(
        refund(&mut shift, 1).unwrap_err(),
        RegisterError::UnknownOriginal {
            original: 1,
            last: 0
        }
    );
    assert_eq!(shift, before);
    shift
        .sell(vec![coffee()], &cash(dec!(2)), at(9, 1))
        .unwrap();
    assert_eq!(
        refund(&mut shift, 2).unwrap_err(),
        RegisterError::UnknownOriginal {
            original: 2,
            last: 1
        }
    );
    assert_eq!(
        refund(&mut shift, 0).unwrap_err().code(),
        "register.unknown_original"
    );
    let back = refund(&mut shift, 1).unwrap();
    assert_eq!(back.number(), 2);
    // The next shift still knows receipt 2 is a return, and receipt 1 a sale.
    let (register, _) = shift.close(float(), at(18, 0)).unwrap();
    let saved = serde_json::to_value(&register).unwrap();
    assert_eq!(saved["returns"], serde_json::json!([2]));
    let register: apkalpe_payments::CashRegister = serde_json::from_value(saved).unwrap();
    let mut shift = register.open_shift("Ilze", float(), at(8, 0)).unwrap();
    assert_eq!(
        refund(&mut shift, 2).unwrap_err(),
        RegisterError::ReturnOriginal { original: 2 }
    );
    assert_eq!(refund(&mut shift, 1).unwrap().number(), 3);
    // A saved shift with its return restores, and lists it.
    let saved = serde_json::to_value(&shift).unwrap();
    assert_eq!(saved["register"]["returns"], serde_json::json!([2, 3]));
    let back: apkalpe_payments::OpenShift = serde_json::from_value(saved).unwrap();
    assert_eq!(back, shift);
}

/// The prelude's names for the names other Apkalpe crates use too are the crate's own types.
#[test]
fn the_prelude_names_the_clashing_types() {
    use apkalpe_payments::prelude as p;
    let line: p::CashReceiptLine = coffee();
    let _: apkalpe_payments::ReceiptLine = line;
    let discount: p::ReceiptDiscount = Discount::Percent(dec!(10));
    assert_eq!(discount, apkalpe_payments::Discount::Percent(dec!(10)));
    let error: p::CashRegisterError = RegisterError::NoLines;
    assert_eq!(p::LocalizedError::code(&error), "register.no_lines");
    let cash: p::CashHandlingError = apkalpe_payments::CashError::Overflow;
    assert_eq!(cash.code(), "cash.overflow");
    let _: p::CashLimitDirection = apkalpe_payments::CashDirection::Paid;
    let party = p::CashLimitCounterparty::private("C-1", "Jānis").unwrap();
    let _: apkalpe_payments::CashCounterparty = party;
}
