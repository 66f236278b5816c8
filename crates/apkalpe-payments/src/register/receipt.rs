//! The receipt (*kases čeks*): its lines, discounts, tenders, payments and VAT, computed and
//! checked; [`vat_sign`] letters the VAT rates on the printed receipt.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::rounding::Rounding;
use apkalpe_core::{Currency, Money, MoneyError, VatAmounts, VatRate};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::card::CardNumber;
#[cfg(feature = "serde")]
use crate::cash::CashError;

use super::error::*;

/// Returns the VAT sign printed beside a line (`docs/sources.md` §13.2: "a digit, letter or mark showing
/// the rate"): A 21 %, B 12 %, C 5 %, D 0 %, E any other rate. The letters are a common
/// register convention, not law.
///
/// # Examples
///
/// ```
/// use apkalpe_core::VatRate;
/// use apkalpe_payments::vat_sign;
/// use rust_decimal_macros::dec;
///
/// assert_eq!(vat_sign(VatRate::try_new(dec!(21))?), 'A');
/// assert_eq!(vat_sign(VatRate::try_new(dec!(12))?), 'B');
/// assert_eq!(vat_sign(VatRate::try_new(dec!(5))?), 'C');
/// # Ok::<(), apkalpe_core::VatError>(())
/// ```
pub fn vat_sign(rate: VatRate) -> char {
    let percent = rate.percent();
    if percent == Decimal::new(21, 0) {
        'A'
    } else if percent == Decimal::new(12, 0) {
        'B'
    } else if percent == Decimal::new(5, 0) {
        'C'
    } else if percent.is_zero() {
        'D'
    } else {
        'E'
    }
}

/// One line of a receipt: an item or service, quantity, unit price with VAT, VAT rate, and
/// the line amount rounded to the cent (half away from zero, per line).
///
/// `apkalpe-accounting` has a `ReceiptLine` too (a line of a goods receipt note);
/// [`prelude`](crate::prelude) exports this one as `CashReceiptLine`.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::ReceiptLine;
/// use apkalpe_core::{Currency, Money, VatRate};
/// use rust_decimal_macros::dec;
///
/// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(1.99), Currency::EUR), VatRate::try_new(dec!(21))?)?;
/// assert_eq!(line.amount().to_string(), "5.97 EUR");
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// It deserializes through [`ReceiptLine::try_new`] and [`ReceiptLine::with_discount`]: the
/// saved amount and discount must be what they compute.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "LineRecord"))]
pub struct ReceiptLine {
    pub(super) description: String,
    pub(super) quantity: Decimal,
    pub(super) unit_price: Money,
    pub(super) vat_rate: VatRate,
    pub(super) amount: Money,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(super) discount: Option<LineDiscount>,
    /// `quantity × unit_price` rounded to the cent: the amount before any discount.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) before: Money,
}

/// The saved form of a [`ReceiptLine`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct LineRecord {
    pub(super) description: String,
    pub(super) quantity: Decimal,
    pub(super) unit_price: Money,
    pub(super) vat_rate: VatRate,
    pub(super) amount: Money,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) discount: Option<DiscountRecord>,
}

#[cfg(feature = "serde")]
impl TryFrom<LineRecord> for ReceiptLine {
    type Error = RestoreError;

    fn try_from(record: LineRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ReceiptLine";
        let mut line = ReceiptLine::try_new(
            &record.description,
            record.quantity,
            record.unit_price,
            record.vat_rate,
        )
        .map_err(|error| {
            let field = match error {
                RegisterError::Empty { .. } => "description",
                RegisterError::Quantity { .. } => "quantity",
                _ => "unit_price",
            };
            RestoreError::invalid(WHAT, field, error)
        })?;
        let discount = record
            .discount
            .map(LineDiscount::try_from)
            .transpose()
            .map_err(|error| error.within("discount"))?;
        if let Some(saved) = &discount {
            line = line
                .with_discount(saved.given_as, &saved.reason)
                .map_err(|error| RestoreError::invalid(WHAT, "discount", error))?;
            let computed = line.discount.as_ref().map(|d| d.amount);
            if computed != Some(saved.amount) {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "discount.amount",
                    format!(
                        "is {}, but the discount gives {}",
                        saved.amount,
                        computed.unwrap_or(saved.amount)
                    ),
                )
                .with_latvian_reason(format_args!(
                    "ir {}, bet aprēķinātā atlaide ir {}",
                    saved.amount,
                    computed.unwrap_or(saved.amount)
                )));
            }
        }
        if line.amount != record.amount {
            return Err(RestoreError::inconsistent(
                WHAT,
                "amount",
                format!(
                    "is {}, but quantity × unit price{} gives {}",
                    record.amount,
                    if line.discount.is_some() {
                        " less the discount"
                    } else {
                        ""
                    },
                    line.amount
                ),
            )
            .with_latvian_reason(format_args!(
                "ir {}, bet daudzums × vienības cena{} ir {}",
                record.amount,
                if line.discount.is_some() {
                    " mīnus atlaide"
                } else {
                    ""
                },
                line.amount
            )));
        }
        Ok(line)
    }
}

/// How a discount (*atlaide*) is given: a sum of money off the line, or a percentage of the
/// line amount.
///
/// `apkalpe-catalogue` has a `Discount` too (of a price list); [`prelude`](crate::prelude)
/// exports this one as `ReceiptDiscount`.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Currency, Money, VatRate};
/// use apkalpe_payments::{Discount, ReceiptLine};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(2)), VatRate::try_new(dec!(21))?)?;
/// let off = line.clone().with_discount(Discount::Amount(eur(dec!(0.50))), "bojāts iepakojums")?;
/// assert_eq!(off.amount(), eur(dec!(3.50)));
/// let percent = line.with_discount(Discount::Percent(dec!(25)), "akcija")?;
/// assert_eq!(percent.amount(), eur(dec!(3.00)));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(tag = "kind"))]
#[cfg_attr(feature = "serde", serde(content = "value"))]
pub enum Discount {
    /// A sum off the line amount (with VAT), in the line's currency.
    Amount(Money),
    /// A percentage of the line amount, above 0 and at most 100; the discount in money is
    /// rounded to the cent half away from zero.
    Percent(Decimal),
}

/// A discount granted on a receipt line: how it was given, why, and the discount in money
/// that the receipt prints (`docs/sources.md` §13.2: "discounts in money, where granted" \[N17\]).
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{Discount, ReceiptLine};
/// use apkalpe_core::{Currency, Money, VatRate};
/// use rust_decimal_macros::dec;
///
/// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(1.99), Currency::EUR), VatRate::try_new(dec!(21))?)?
///     .with_discount(Discount::Percent(dec!(10)), "lojalitātes karte")?;
/// let discount = line.discount().map(|d| d.amount().to_string());
/// assert_eq!(discount.as_deref(), Some("0.60 EUR")); // 10 % of 5.97 = 0.597 → 0.60
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// It deserializes through its checks (a reason; a sum given positive and equal to the
/// discount in money; a percentage above 0 and at most 100, and a discount in money not
/// negative). Whether the discount fits its line is checked when the line is restored.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DiscountRecord"))]
pub struct LineDiscount {
    pub(super) given_as: Discount,
    pub(super) reason: String,
    pub(super) amount: Money,
}

/// The saved form of a [`LineDiscount`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct DiscountRecord {
    pub(super) given_as: Discount,
    pub(super) reason: String,
    pub(super) amount: Money,
}

#[cfg(feature = "serde")]
impl TryFrom<DiscountRecord> for LineDiscount {
    type Error = RestoreError;

    fn try_from(record: DiscountRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "LineDiscount";
        let reason = non_empty(&record.reason, "discount reason")
            .map_err(|error| RestoreError::invalid(WHAT, "reason", error))?;
        let amount = record.amount;
        match record.given_as {
            Discount::Amount(sum) => {
                if !sum.is_positive() {
                    return Err(RestoreError::invalid(
                        WHAT,
                        "given_as",
                        RegisterError::DiscountAmount {
                            found: sum,
                            line_amount: amount,
                        },
                    ));
                }
                if sum != amount || sum.currency() != amount.currency() {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        "amount",
                        format!("is {amount}, but the discount was given as {sum}"),
                    )
                    .with_latvian_reason(format_args!(
                        "ir {amount}, bet atlaide tika norādīta kā {sum}"
                    )));
                }
            }
            Discount::Percent(percent) => {
                if percent <= Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
                    return Err(RestoreError::invalid(
                        WHAT,
                        "given_as",
                        RegisterError::DiscountPercent { found: percent },
                    ));
                }
                if amount.is_negative() {
                    return Err(RestoreError::invalid(
                        WHAT,
                        "amount",
                        RegisterError::DiscountAmount {
                            found: amount,
                            line_amount: amount,
                        },
                    ));
                }
            }
        }
        Ok(LineDiscount {
            given_as: record.given_as,
            reason,
            amount,
        })
    }
}

impl LineDiscount {
    /// Returns how the discount was given (a sum or a percentage).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// let discount = line.discount().ok_or("no discount")?;
    /// assert_eq!(discount.given_as(), Discount::Percent(dec!(10)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn given_as(&self) -> Discount {
        self.given_as
    }

    /// Returns the reason (a loyalty card, a damaged item, a campaign).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// assert_eq!(line.discount().map(|d| d.reason()), Some("akcija"));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the discount in money (positive or zero, at most the line amount before the
    /// discount).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// // 10 % of 6.00.
    /// assert_eq!(line.discount().map(|d| d.amount()), Some(Money::new(dec!(0.60), Currency::EUR)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

impl ReceiptLine {
    /// Creates a line; the amount is `quantity × unit_price`, rounded to the cent half away
    /// from zero.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Empty`] for a blank description; [`RegisterError::Quantity`] for a
    /// quantity ≤ 0; [`RegisterError::Price`] for a negative price;
    /// [`RegisterError::Money`] on overflow.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::ReceiptLine;
    /// use rust_decimal_macros::dec;
    ///
    /// let price = Money::new(dec!(1.49), Currency::EUR);
    /// let apples = ReceiptLine::try_new("Āboli, kg", dec!(1.235), price, VatRate::try_new(dec!(12))?)?;
    /// // 1.235 × 1.49 = 1.84015, rounded half away from zero per line.
    /// assert_eq!(apples.amount(), Money::new(dec!(1.84), Currency::EUR));
    /// let error = ReceiptLine::try_new("Āboli", dec!(0), price, VatRate::ZERO).unwrap_err();
    /// assert_eq!(error.code(), "register.quantity");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn try_new(
        description: &str,
        quantity: Decimal,
        unit_price: Money,
        vat_rate: VatRate,
    ) -> Result<Self, RegisterError> {
        let description = non_empty(description, "line description")?;
        if quantity <= Decimal::ZERO {
            return Err(RegisterError::Quantity {
                line: 0,
                found: quantity,
            });
        }
        if unit_price.is_negative() {
            return Err(RegisterError::Price {
                line: 0,
                found: unit_price,
            });
        }
        let amount = unit_price
            .checked_mul(quantity)?
            .round(Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
        Ok(ReceiptLine {
            description,
            quantity,
            unit_price,
            vat_rate,
            amount,
            discount: None,
            before: amount,
        })
    }

    /// Grants a discount on the line, with its reason. The line amount becomes the amount
    /// before the discount minus the discount in money; VAT per rate is then computed on the
    /// discounted amount when the line goes on a receipt. A percentage discount is rounded
    /// to the cent half away from zero. Granting a discount on a line that already has one
    /// replaces it (the new one is computed on the amount before any discount).
    ///
    /// # Errors
    ///
    /// [`RegisterError::Empty`] for a blank reason; [`RegisterError::Currency`] for a sum in
    /// another currency than the price; [`RegisterError::DiscountAmount`] for a sum ≤ 0 or
    /// above the line amount (a discount never makes a line negative);
    /// [`RegisterError::DiscountPercent`] for a percentage outside (0, 100];
    /// [`RegisterError::Money`] on overflow.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let line = ReceiptLine::try_new("Krēsls", dec!(1), eur(dec!(49.00)), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Amount(eur(dec!(5.00))), "skrāpējums")?;
    /// assert_eq!(line.amount().to_string(), "44.00 EUR");
    /// assert_eq!(line.amount_before_discount().to_string(), "49.00 EUR");
    /// let too_much = line.with_discount(Discount::Amount(eur(dec!(50))), "x");
    /// assert_eq!(too_much.unwrap_err().code(), "register.discount_amount");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn with_discount(
        mut self,
        discount: Discount,
        reason: &str,
    ) -> Result<Self, RegisterError> {
        let reason = non_empty(reason, "discount reason")?;
        let before = self.amount_before_discount();
        let amount = match discount {
            Discount::Amount(sum) => {
                if sum.currency() != before.currency() {
                    return Err(RegisterError::Currency {
                        expected: before.currency(),
                        found: sum.currency(),
                    });
                }
                if !sum.is_positive() || sum.amount() > before.amount() {
                    return Err(RegisterError::DiscountAmount {
                        found: sum,
                        line_amount: before,
                    });
                }
                sum
            }
            Discount::Percent(percent) => {
                if percent <= Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
                    return Err(RegisterError::DiscountPercent { found: percent });
                }
                before
                    .checked_mul(percent)?
                    .checked_div(Decimal::ONE_HUNDRED)?
                    .round(Rounding::CENTS_HALF_AWAY_FROM_ZERO)?
            }
        };
        self.amount = before.checked_sub(amount)?;
        self.discount = Some(LineDiscount {
            given_as: discount,
            reason,
            amount,
        });
        Ok(self)
    }

    /// Returns the discount granted on the line, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// assert!(line.discount().is_some());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn discount(&self) -> Option<&LineDiscount> {
        self.discount.as_ref()
    }

    /// Returns the line amount before the discount: `quantity × unit_price`, rounded to the
    /// cent.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// assert_eq!(line.amount_before_discount(), Money::new(dec!(6), Currency::EUR));
    /// assert_eq!(line.amount(), Money::new(dec!(5.40), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount_before_discount(&self) -> Money {
        self.before
    }

    /// Returns the description.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// assert_eq!(line.description(), "Kafija");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Returns the quantity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// assert_eq!(line.quantity(), dec!(3));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn quantity(&self) -> Decimal {
        self.quantity
    }

    /// Returns the unit price with VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// assert_eq!(line.unit_price(), Money::new(dec!(2), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn unit_price(&self) -> Money {
        self.unit_price
    }

    /// Returns the VAT rate.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// assert_eq!(line.vat_rate(), VatRate::try_new(dec!(21))?);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn vat_rate(&self) -> VatRate {
        self.vat_rate
    }

    /// Returns the line amount with VAT, after the discount if one was granted.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money, VatRate};
    /// use apkalpe_payments::{Discount, ReceiptLine};
    /// use rust_decimal_macros::dec;
    ///
    /// let line = ReceiptLine::try_new("Kafija", dec!(3), Money::new(dec!(2), Currency::EUR), VatRate::try_new(dec!(21))?)?
    ///     .with_discount(Discount::Percent(dec!(10)), "akcija")?;
    /// // 3 × 2.00 less 10 %.
    /// assert_eq!(line.amount(), Money::new(dec!(5.40), Currency::EUR));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }
}

/// How a tender is paid.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use apkalpe_payments::{CashCount, CashRegister, PaymentMethod, ReceiptLine, RegisterIdentity, Tender};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// assert_eq!(receipt.payments()[0].method(), PaymentMethod::Cash);
/// assert_eq!(receipt.single_method(), Some(PaymentMethod::Cash));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PaymentMethod {
    /// Cash (*skaidra nauda*).
    Cash,
    /// Payment card (*maksājumu karte*).
    Card,
    /// Bank transfer (*pārskaitījums*).
    Transfer,
}

impl PaymentMethod {
    /// Every method, in report order.
    pub const ALL: [PaymentMethod; 3] = [
        PaymentMethod::Cash,
        PaymentMethod::Card,
        PaymentMethod::Transfer,
    ];

    pub(super) const fn index(self) -> usize {
        match self {
            PaymentMethod::Cash => 0,
            PaymentMethod::Card => 1,
            PaymentMethod::Transfer => 2,
        }
    }

    /// Returns the Latvian name printed on receipts.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::PaymentMethod;
    ///
    /// assert_eq!(PaymentMethod::Cash.latvian(), "Skaidra nauda");
    /// assert_eq!(PaymentMethod::Card.latvian(), "Karte");
    /// assert_eq!(PaymentMethod::Transfer.latvian(), "Pārskaitījums");
    /// ```
    pub const fn latvian(self) -> &'static str {
        match self {
            PaymentMethod::Cash => "Skaidra nauda",
            PaymentMethod::Card => "Karte",
            PaymentMethod::Transfer => "Pārskaitījums",
        }
    }
}

/// What the customer pays with: cash handed over, or a card or transfer amount with its
/// reference (the card payment's masked number or the transfer's reference).
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// let card = Tender::Card { amount: eur(dec!(3.98)), reference: "411111******1111".into() };
/// let paid = shift.sell(vec![receipt.lines()[0].clone()], &[card], at)?;
/// assert_eq!(paid.change(), eur(dec!(0)));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[cfg_attr(feature = "serde", serde(tag = "method"))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub enum Tender {
    /// Cash handed over (change is given from it).
    Cash {
        /// The amount handed over.
        tendered: Money,
    },
    /// A captured card payment.
    Card {
        /// The amount.
        amount: Money,
        /// The masked card number or terminal reference.
        reference: String,
    },
    /// A bank transfer (or instant payment) received.
    Transfer {
        /// The amount.
        amount: Money,
        /// The transfer's reference.
        reference: String,
    },
}

/// A payment as recorded on a receipt: the method and the amount that counts toward the total
/// (for cash, the cash due after rounding, not what was handed over). The register records
/// it: its fields are read through getters.
///
/// It serializes and deserializes as its fields, by name, with no rule beyond the fields' own
/// types.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// let payment = &receipt.payments()[0];
/// assert_eq!((payment.amount(), payment.reference()), (eur(dec!(3.98)), None));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct ReceiptPayment {
    /// The method.
    pub(crate) method: PaymentMethod,
    /// The amount.
    pub(crate) amount: Money,
    /// The card or transfer reference.
    pub(crate) reference: Option<String>,
}

impl ReceiptPayment {
    /// Returns the method.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let payment = &receipt.payments()[0];
    /// assert_eq!(payment.method(), PaymentMethod::Cash);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn method(&self) -> PaymentMethod {
        self.method
    }

    /// Returns the amount that counts toward the total (for cash, the cash due after rounding).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let payment = &receipt.payments()[0];
    /// assert_eq!(payment.amount(), eur(dec!(3.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn amount(&self) -> Money {
        self.amount
    }

    /// Returns the card or transfer reference, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let payment = &receipt.payments()[0];
    /// assert_eq!(payment.reference(), None);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }
}

/// The VAT of one rate on a receipt or report: amount without VAT, VAT and total. The
/// register computes it: its fields are read through getters.
///
/// It serializes and deserializes as its fields, by name, with no rule beyond the fields' own
/// types.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// let vat = &receipt.vat()[0];
/// assert_eq!(vat.rate(), VatRate::try_new(dec!(21))?);
/// assert_eq!((vat.net(), vat.vat(), vat.gross()), (eur(dec!(3.29)), eur(dec!(0.69)), eur(dec!(3.98))));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct VatLine {
    /// The rate.
    pub(crate) rate: VatRate,
    /// Without VAT.
    pub(crate) net: Money,
    /// The VAT.
    pub(crate) vat: Money,
    /// With VAT.
    pub(crate) gross: Money,
}

impl VatLine {
    /// Returns the rate.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let vat = &receipt.vat()[0];
    /// assert_eq!(vat.rate(), VatRate::try_new(dec!(21))?);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn rate(&self) -> VatRate {
        self.rate
    }

    /// Returns the amount without VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let vat = &receipt.vat()[0];
    /// assert_eq!(vat.net(), eur(dec!(3.29)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn net(&self) -> Money {
        self.net
    }

    /// Returns the VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let vat = &receipt.vat()[0];
    /// assert_eq!(vat.vat(), eur(dec!(0.69)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn vat(&self) -> Money {
        self.vat
    }

    /// Returns the amount with VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// # use apkalpe_payments::*;
    /// # use chrono::{TimeZone, Utc};
    /// # use rust_decimal_macros::dec;
    /// # let eur = |d| Money::new(d, Currency::EUR);
    /// # let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// # let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// # let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// # let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// let vat = &receipt.vat()[0];
    /// assert_eq!(vat.gross(), eur(dec!(3.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn gross(&self) -> Money {
        self.gross
    }
}

/// Sale or return.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use apkalpe_payments::{CashCount, CashRegister, ReceiptKind, ReceiptLine, RegisterIdentity, Tender};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// assert_eq!(receipt.kind(), ReceiptKind::Sale);
/// let back = shift.refund(receipt.number(), receipt.lines().to_vec(), &[Tender::Cash { tendered: eur(dec!(0)) }], at)?;
/// assert_eq!(back.kind(), ReceiptKind::Return { original: 1 });
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case", tag = "kind"))]
pub enum ReceiptKind {
    /// A sale.
    Sale,
    /// A return (*atgriešana*), with the number of the original receipt.
    Return {
        /// The original sale receipt's number.
        original: u64,
    },
}

/// A numbered receipt (*kases čeks*) of a sale or a return. Amounts are positive; the kind
/// says which way the money went.
///
/// Invariants: the total is the sum of the lines; the VAT lines' gross amounts sum to the
/// total; the payments sum to the total plus the cash rounding difference; `change =
/// tendered − cash payment`.
///
/// # Saved form
///
/// Its fields as named by the accessors (`discounts` only when not zero). It deserializes
/// through its checks: the lines through theirs; the number from 1 and a return's original
/// before it; the VAT per rate, the total and the discounts as the lines give them; the
/// payments positive, cash first and without a reference, cards and transfers with one (a
/// card's never a card number), adding up to the total plus the rounding; what was tendered,
/// the change and the rounding consistent with the cash paid. Whether the rounding is the one
/// the outlet's rule gives is checked where the rule is known: when the shift holding the
/// receipt is restored (see [`OpenShift`](crate::OpenShift)).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let eur = |d| Money::new(d, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
/// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// assert_eq!((receipt.number(), receipt.total()), (1, eur(dec!(3.98))));
/// assert_eq!(receipt.change(), eur(dec!(1.02)));
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ReceiptRecord"))]
pub struct Receipt {
    pub(super) number: u64,
    pub(super) kind: ReceiptKind,
    pub(super) issued_at: DateTime<Utc>,
    pub(super) cashier: String,
    pub(super) lines: Vec<ReceiptLine>,
    pub(super) vat: Vec<VatLine>,
    pub(super) total: Money,
    pub(super) payments: Vec<ReceiptPayment>,
    pub(super) cash_tendered: Option<Money>,
    pub(super) change: Money,
    pub(super) rounding: Money,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Money::is_zero"))]
    pub(super) discounts: Money,
    /// The receipt's figures in whole cents, computed once when it is built, so that
    /// [`ShiftTotals::compute`] adds integers; `None` when an amount is not whole cents.
    #[cfg_attr(feature = "serde", serde(skip))]
    pub(super) tally: Option<Tally>,
}

/// The saved form of a [`Receipt`].
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(super) struct ReceiptRecord {
    pub(super) number: u64,
    pub(super) kind: ReceiptKind,
    pub(super) issued_at: DateTime<Utc>,
    pub(super) cashier: String,
    pub(super) lines: Vec<LineRecord>,
    pub(super) vat: Vec<VatLine>,
    pub(super) total: Money,
    pub(super) payments: Vec<ReceiptPayment>,
    pub(super) cash_tendered: Option<Money>,
    pub(super) change: Money,
    pub(super) rounding: Money,
    #[cfg_attr(feature = "serde", serde(default))]
    pub(super) discounts: Option<Money>,
}

/// Returns whether a text holds what could be a full card number: 12 to 19 digits (spaces
/// and hyphens between them skipped, as card number parsing does) that pass the Luhn check
/// and belong to a card brand.
pub(super) fn holds_card_number(text: &str) -> bool {
    fn check(run: &str) -> bool {
        (0..run.len()).any(|start| {
            (12..=19).any(|len| {
                start
                    .checked_add(len)
                    .and_then(|end| run.get(start..end))
                    .is_some_and(|digits| CardNumber::try_new(digits).is_ok())
            })
        })
    }
    let mut run = String::new();
    for c in text.chars() {
        match c {
            '0'..='9' => run.push(c),
            ' ' | '-' => {}
            _ => {
                if check(&run) {
                    return true;
                }
                run.clear();
            }
        }
    }
    check(&run)
}

#[cfg(feature = "serde")]
impl TryFrom<ReceiptRecord> for Receipt {
    type Error = RestoreError;

    fn try_from(record: ReceiptRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Receipt";
        let currency = record.total.currency();
        let inconsistent =
            |field: &str, saved: &dyn std::fmt::Display, computed: &dyn std::fmt::Display| {
                RestoreError::inconsistent(
                    WHAT,
                    field,
                    format!("is {saved}, but the receipt gives {computed}"),
                )
                .with_latvian_reason(format_args!("ir {saved}, bet pēc čeka sanāk {computed}"))
            };
        if record.number == 0 {
            return Err(
                RestoreError::inconsistent(WHAT, "number", "receipts are numbered from 1")
                    .with_latvian_reason("čekus numurē no 1"),
            );
        }
        if let ReceiptKind::Return { original } = record.kind
            && (original == 0 || original >= record.number)
        {
            return Err(RestoreError::invalid(
                WHAT,
                "kind.original",
                RegisterError::ReturnOriginal { original },
            ));
        }
        let cashier = non_empty(&record.cashier, "cashier")
            .map_err(|error| RestoreError::invalid(WHAT, "cashier", error))?;
        let lines = record
            .lines
            .into_iter()
            .enumerate()
            .map(|(index, line)| {
                ReceiptLine::try_from(line).map_err(|error| error.within(format!("lines[{index}]")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let (vat, total, discounts) = figures(&lines, currency).map_err(|error| {
            let field = match &error {
                RegisterError::NoLines => "lines".to_owned(),
                _ => "lines[*].amount".to_owned(),
            };
            RestoreError::invalid(WHAT, field, error)
        })?;
        if vat != record.vat {
            return Err(RestoreError::inconsistent(
                WHAT,
                "vat",
                "is not the VAT per rate of the lines",
            )
            .with_latvian_reason("nav rindu PVN pa likmēm"));
        }
        if total != record.total {
            return Err(inconsistent("total", &record.total, &total));
        }
        let saved_discounts = record.discounts.unwrap_or(Money::zero(currency));
        if discounts != saved_discounts {
            return Err(inconsistent("discounts", &saved_discounts, &discounts));
        }
        let mut non_cash = Money::zero(currency);
        let mut cash_due = Money::zero(currency);
        for (index, payment) in record.payments.iter().enumerate() {
            let field = |name: &str| format!("payments[{index}].{name}");
            if payment.amount.currency() != currency {
                return Err(RestoreError::invalid(
                    WHAT,
                    field("amount"),
                    RegisterError::Currency {
                        expected: currency,
                        found: payment.amount.currency(),
                    },
                ));
            }
            if !payment.amount.is_positive() {
                return Err(RestoreError::invalid(
                    WHAT,
                    field("amount"),
                    RegisterError::Tender {
                        found: payment.amount,
                    },
                ));
            }
            match (payment.method, &payment.reference) {
                (PaymentMethod::Cash, None) if index == 0 => cash_due = payment.amount,
                (PaymentMethod::Cash, None) => {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        field("method"),
                        "the cash payment is one, and comes first",
                    )
                    .with_latvian_reason(
                        "skaidras naudas maksājums ir tikai viens un ir pirmais",
                    ));
                }
                (PaymentMethod::Cash, Some(_)) => {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        field("reference"),
                        "a cash payment has no reference",
                    )
                    .with_latvian_reason("skaidras naudas maksājumam nav atsauces"));
                }
                (_, None) => {
                    return Err(RestoreError::missing(
                        WHAT,
                        field("reference"),
                        "a card or transfer payment has its reference",
                    )
                    .with_latvian_reason("kartes vai pārskaitījuma maksājumam ir sava atsauce"));
                }
                (method, Some(reference)) => {
                    if method == PaymentMethod::Card && holds_card_number(reference) {
                        return Err(RestoreError::invalid(
                            WHAT,
                            field("reference"),
                            RegisterError::CardReference,
                        ));
                    }
                    non_cash = non_cash
                        .checked_add(payment.amount)
                        .map_err(|error| RestoreError::invalid(WHAT, field("amount"), error))?;
                }
            }
        }
        let arithmetic = |error: MoneyError| RestoreError::invalid(WHAT, "payments", error);
        if non_cash.amount() > total.amount() {
            return Err(RestoreError::inconsistent(
                WHAT,
                "payments",
                format!("cards and transfers of {non_cash} exceed the total of {total}"),
            )
            .with_latvian_reason(format_args!(
                "karšu un pārskaitījumu maksājumi {non_cash} pārsniedz kopsummu {total}"
            )));
        }
        let cash_part = total.checked_sub(non_cash).map_err(arithmetic)?;
        let rounding = cash_due.checked_sub(cash_part).map_err(arithmetic)?;
        if rounding != record.rounding {
            return Err(inconsistent("rounding", &record.rounding, &rounding));
        }
        let cash_given = !cash_due.is_zero() || !cash_part.is_zero();
        let change = match (record.kind, record.cash_tendered) {
            (ReceiptKind::Sale, Some(tendered)) => {
                if !tendered.is_positive() || tendered.currency() != currency {
                    return Err(RestoreError::invalid(
                        WHAT,
                        "cash_tendered",
                        RegisterError::Tender { found: tendered },
                    ));
                }
                if tendered.amount() < cash_due.amount() {
                    return Err(RestoreError::invalid(
                        WHAT,
                        "cash_tendered",
                        CashError::InsufficientTender {
                            due: cash_due,
                            tendered,
                        },
                    ));
                }
                tendered.checked_sub(cash_due).map_err(arithmetic)?
            }
            (ReceiptKind::Sale, None) if cash_given => {
                return Err(RestoreError::missing(
                    WHAT,
                    "cash_tendered",
                    "cash was paid, but what was tendered is missing",
                )
                .with_latvian_reason(
                    "maksāts skaidrā naudā, bet nav norādīts, cik naudas iedots",
                ));
            }
            (ReceiptKind::Return { .. }, Some(_)) => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "cash_tendered",
                    "nothing is tendered for a return",
                )
                .with_latvian_reason("atgriešanas čekā naudu nepieņem"));
            }
            _ => Money::zero(currency),
        };
        if change != record.change {
            return Err(inconsistent("change", &record.change, &change));
        }
        let tally = Tally::of(total, rounding, discounts, &vat, &record.payments);
        Ok(Receipt {
            number: record.number,
            kind: record.kind,
            issued_at: record.issued_at,
            cashier,
            lines,
            vat,
            total,
            payments: record.payments,
            cash_tendered: record.cash_tendered,
            change,
            rounding,
            discounts,
            tally,
        })
    }
}

/// The VAT per rate (highest rate first), the total and the discounts of receipt lines: what
/// composing a receipt and restoring one both compute.
pub(super) fn figures(
    lines: &[ReceiptLine],
    currency: Currency,
) -> Result<(Vec<VatLine>, Money, Money), RegisterError> {
    if lines.is_empty() {
        return Err(RegisterError::NoLines);
    }
    // Per rate gross, then VAT taken out of each rate's gross (VAT per rate, `docs/sources.md` §13.2).
    let mut by_rate: Vec<(VatRate, Money)> = Vec::new();
    for line in lines {
        let amount = line.amount;
        if amount.currency() != currency {
            return Err(RegisterError::Currency {
                expected: currency,
                found: amount.currency(),
            });
        }
        match by_rate.iter_mut().find(|(rate, _)| *rate == line.vat_rate) {
            Some((_, sum)) => *sum = sum.checked_add(amount)?,
            None => by_rate.push((line.vat_rate, amount)),
        }
    }
    by_rate.sort_by_key(|r| std::cmp::Reverse(r.0));
    let vat = by_rate
        .iter()
        .map(|(rate, gross)| {
            let amounts =
                VatAmounts::from_gross(*gross, *rate, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
            Ok(VatLine {
                rate: *rate,
                net: amounts.net(),
                vat: amounts.vat(),
                gross: amounts.gross(),
            })
        })
        .collect::<Result<Vec<_>, RegisterError>>()?;
    let total = Money::try_sum(currency, lines.iter().map(|l| l.amount))?;
    let discounts = Money::try_sum(
        currency,
        lines
            .iter()
            .filter_map(|l| l.discount.as_ref().map(|d| d.amount)),
    )?;
    Ok((vat, total, discounts))
}

/// The whole cents of one VAT rate on a receipt; `key` is the rate's bit pattern (rates are
/// normalised, so equal rates have equal patterns).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct RateCents {
    pub(super) key: [u8; 16],
    pub(super) net: i64,
    pub(super) vat: i64,
    pub(super) gross: i64,
}

/// The most VAT rates a [`Tally`] holds inline (Latvia has four: 21, 12, 5 and 0 %).
pub(super) const TALLY_RATES: usize = 4;

/// A receipt's figures in whole cents: what the Z report adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) struct Tally {
    pub(super) total: i64,
    pub(super) rounding: i64,
    pub(super) discounts: i64,
    pub(super) methods: [i64; 3],
    pub(super) rate_count: usize,
    pub(super) rates: [RateCents; TALLY_RATES],
}

/// Returns an amount of at most two decimals as whole cents, `None` otherwise or when it does
/// not fit an `i64`.
pub(super) fn whole_cents(value: Decimal) -> Option<i64> {
    let factor: i128 = match value.scale() {
        0 => 100,
        1 => 10,
        2 => 1,
        _ => return None,
    };
    i64::try_from(value.mantissa().checked_mul(factor)?).ok()
}

impl Tally {
    pub(super) fn of(
        total: Money,
        rounding: Money,
        discounts: Money,
        vat: &[VatLine],
        payments: &[ReceiptPayment],
    ) -> Option<Tally> {
        let mut tally = Tally {
            total: whole_cents(total.amount())?,
            rounding: whole_cents(rounding.amount())?,
            discounts: whole_cents(discounts.amount())?,
            rate_count: vat.len(),
            ..Tally::default()
        };
        if vat.len() > TALLY_RATES {
            return None;
        }
        for (slot, line) in tally.rates.iter_mut().zip(vat) {
            *slot = RateCents {
                key: line.rate.percent().serialize(),
                net: whole_cents(line.net.amount())?,
                vat: whole_cents(line.vat.amount())?,
                gross: whole_cents(line.gross.amount())?,
            };
        }
        for payment in payments {
            let slot = tally.methods.get_mut(payment.method.index())?;
            *slot = slot.checked_add(whole_cents(payment.amount.amount())?)?;
        }
        Some(tally)
    }
}

impl Receipt {
    /// Returns the receipt number (one sequence for sales and returns).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.number(), 1);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn number(&self) -> u64 {
        self.number
    }

    /// Returns sale or return.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert!(matches!(receipt.kind(), apkalpe_payments::ReceiptKind::Sale));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn kind(&self) -> ReceiptKind {
        self.kind
    }

    /// Returns when it was issued.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.issued_at(), at);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn issued_at(&self) -> DateTime<Utc> {
        self.issued_at
    }

    /// Returns the cashier.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.cashier(), "Anna");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn cashier(&self) -> &str {
        &self.cashier
    }

    /// Returns the lines.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.lines()[0].description(), "Kafija");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn lines(&self) -> &[ReceiptLine] {
        &self.lines
    }

    /// Returns the VAT per rate, highest rate first.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// // 3.98 with 21 % VAT: 3.29 net, 0.69 VAT.
    /// assert_eq!(receipt.vat()[0].vat(), eur(dec!(0.69)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn vat(&self) -> &[VatLine] {
        &self.vat
    }

    /// Returns the total with VAT, before cash rounding.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.total(), eur(dec!(3.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn total(&self) -> Money {
        self.total
    }

    /// Returns the payments.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.payments().len(), 1);
    /// assert_eq!(receipt.payments()[0].amount(), eur(dec!(3.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn payments(&self) -> &[ReceiptPayment] {
        &self.payments
    }

    /// Returns the cash handed over, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.cash_tendered(), Some(eur(dec!(5))));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn cash_tendered(&self) -> Option<Money> {
        self.cash_tendered
    }

    /// Returns the change given.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.change(), eur(dec!(1.02)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn change(&self) -> Money {
        self.change
    }

    /// Returns the cash rounding difference (cash due − unrounded cash part).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// // Latvia rounds cash only when the law says so; here nothing is rounded.
    /// assert!(receipt.rounding().is_zero());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn rounding(&self) -> Money {
        self.rounding
    }

    /// Returns the discounts granted on the receipt's lines, in money (zero when none).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert!(receipt.discounts().is_zero());
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn discounts(&self) -> Money {
        self.discounts
    }

    /// Returns the total paid: total + rounding difference.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] in theory only.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.total_paid()?, eur(dec!(3.98)));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn total_paid(&self) -> Result<Money, MoneyError> {
        self.total.checked_add(self.rounding)
    }

    /// Returns the method printed on the receipt: the one method, or `None` for a mixed
    /// payment.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// assert_eq!(receipt.single_method(), Some(apkalpe_payments::PaymentMethod::Cash));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn single_method(&self) -> Option<PaymentMethod> {
        let first = self.payments.first()?.method;
        self.payments
            .iter()
            .all(|p| p.method == first)
            .then_some(first)
    }
}
