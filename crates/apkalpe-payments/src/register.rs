//! The cash register (*kases aparāts*): shifts, numbered sale and return receipts (*čeki*),
//! and the X and Z reports, computed by one pure function over the shift's events.
//!
//! A [`CashRegister`] holds the counters that outlive shifts (the next receipt number, the
//! next Z number, the perpetual grand total). Opening a shift moves the register into an
//! [`OpenShift`]; closing it with a count returns the register and the numbered [`ZReport`]:
//! a register can never have two open shifts, and a closed shift cannot take a sale.
//!
//! # Legal basis
//!
//! `docs/sources.md` §9 (MK noteikumi Nr. 96 and 95; card payments go through the register too; X =
//! interim, Z = day close that zeroes the day counters \[K1\]\[K2\]\[K3\]); `docs/sources.md` §13.2 (receipt
//! elements per VID's restatement of MK 96: taxpayer, "čeks" and number, fiscal module code,
//! date and time, per line name + VAT sign + quantity + price, each VAT rate with net and VAT,
//! grand total, device serial \[N17\]; Z carries its own number and date \[K7\]). The exact X/Z
//! field lists are not public (`docs/sources.md` §13.2, U): the reports carry what peers and VID's receipt
//! list suggest, and say so. Cash rounding only on the cash part (`docs/sources.md` §1 \[S7\]).
//!
//! Serves: T4.4, S35, T4.2, T4.3.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use apkalpe_core::rounding::Rounding;
use apkalpe_core::{
    CashRounding, CountryCode, Currency, Language, Money, MoneyError, RestoreError, VatAmounts,
    VatRate, riga_date, riga_offset,
};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::card::CardNumber;
use crate::cash::{
    CashCount, CashError, CashLimitCheck, CashLimits, CashMovement, CashMovementKind, CashTender,
};

/// The error returned by cash register operations.
///
/// `apkalpe-clients` and `apkalpe-documents` have a `RegisterError` too (the commercial
/// register, the records register); [`prelude`](crate::prelude) exports this one as
/// `CashRegisterError`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum RegisterError {
    /// A required text is empty.
    #[error("the {field} must not be empty")]
    Empty {
        /// The field.
        field: &'static str,
    },
    /// A receipt without lines.
    #[error("a receipt needs at least one line")]
    NoLines,
    /// A quantity of zero or less.
    #[error("line {line}: the quantity must be positive, found {found}")]
    Quantity {
        /// The line, from 0.
        line: usize,
        /// The quantity.
        found: Decimal,
    },
    /// A discount in money that is not positive or exceeds the line amount (a discount never
    /// makes a line negative).
    #[error(
        "a discount must be positive and at most the line amount of {line_amount}, found {found}"
    )]
    DiscountAmount {
        /// The discount asked for.
        found: Money,
        /// The line amount before the discount.
        line_amount: Money,
    },
    /// A discount percentage outside (0, 100].
    #[error("a discount percentage must be above 0 and at most 100, found {found}")]
    DiscountPercent {
        /// The percentage asked for.
        found: Decimal,
    },
    /// A negative unit price.
    #[error("line {line}: the unit price must not be negative, found {found}")]
    Price {
        /// The line, from 0.
        line: usize,
        /// The price.
        found: Money,
    },
    /// An amount in another currency than the register's.
    #[error("the register works in {expected}, found {found}")]
    Currency {
        /// The register's currency.
        expected: Currency,
        /// The currency found.
        found: Currency,
    },
    /// The tenders do not pay the total (non-cash short and no cash tendered), or non-cash
    /// tenders exceed it.
    #[error("the tenders do not settle the total of {total}: non-cash {non_cash}, cash {cash}")]
    Tenders {
        /// The receipt's total.
        total: Money,
        /// The card and transfer tenders.
        non_cash: Money,
        /// The cash tendered.
        cash: Money,
    },
    /// A tender of zero or less.
    #[error("a tender must be positive, found {found}")]
    Tender {
        /// The amount.
        found: Money,
    },
    /// A return of a receipt that is not an earlier sale: the original must be numbered
    /// before the return, and when it is a receipt of the open shift, it must be a sale.
    #[error("receipt {original} is not an earlier sale receipt of this register")]
    ReturnOriginal {
        /// The original receipt's number given.
        original: u64,
    },
    /// A return of a receipt the register never issued: number 0, or a number after its
    /// last receipt.
    #[error("receipt {original} does not exist: the register's last receipt is {last}")]
    UnknownOriginal {
        /// The original receipt's number given.
        original: u64,
        /// The register's last receipt number.
        last: u64,
    },
    /// A card tender whose reference holds what could be a full card number (12 to 19 digits,
    /// spaces and hyphens between them skipped, that pass the Luhn check and belong to a card
    /// brand): receipts keep the masked number or the terminal's reference only.
    #[error(
        "a card tender's reference must be the masked number or a terminal reference, not a card number"
    )]
    CardReference,
    /// A cash counter overflowed (`u64` receipts).
    #[error("the register's {counter} counter overflowed")]
    Counter {
        /// `receipt` or `z report`.
        counter: &'static str,
    },
    /// The cash part of the receipt is over the register's cash cap (Latvia: 7 200 EUR, the
    /// law "Par nodokļiem un nodevām" art. 30; see [`CashLimitLedger`] for deals of several
    /// operations).
    ///
    /// [`CashLimitLedger`]: crate::CashLimitLedger
    #[error(transparent)]
    CashLimit(#[from] crate::CashLimitError),
    /// Cash handling failed (rounding, change, tender).
    #[error(transparent)]
    Cash(#[from] CashError),
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// VAT computation failed.
    #[error(transparent)]
    Vat(#[from] apkalpe_core::VatError),
    /// The fiscal device refused a receipt or report, or cannot be reached
    /// ([`OpenShift::sell_on`] and the other `_on` operations); nothing was recorded.
    #[error(transparent)]
    FiscalDevice(#[from] FiscalDeviceError),
}

impl RegisterError {
    /// Returns the stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            RegisterError::Empty { .. } => "register.empty",
            RegisterError::NoLines => "register.no_lines",
            RegisterError::Quantity { .. } => "register.quantity",
            RegisterError::Price { .. } => "register.price",
            RegisterError::DiscountAmount { .. } => "register.discount_amount",
            RegisterError::DiscountPercent { .. } => "register.discount_percent",
            RegisterError::Currency { .. } => "register.currency",
            RegisterError::Tenders { .. } => "register.tenders",
            RegisterError::Tender { .. } => "register.tender",
            RegisterError::Counter { .. } => "register.counter",
            RegisterError::ReturnOriginal { .. } => "register.return_original",
            RegisterError::UnknownOriginal { .. } => "register.unknown_original",
            RegisterError::CardReference => "register.card_reference",
            RegisterError::CashLimit(error) => error.code(),
            RegisterError::Cash(error) => error.code(),
            RegisterError::Money(error) => error.code(),
            RegisterError::Vat(error) => error.code(),
            RegisterError::FiscalDevice(error) => error.code(),
        }
    }
}

fn non_empty(text: &str, field: &'static str) -> Result<String, RegisterError> {
    let text = text.trim();
    if text.is_empty() {
        Err(RegisterError::Empty { field })
    } else {
        Ok(text.to_owned())
    }
}

/// Who and what the register is: the data every receipt and report prints (`docs/sources.md` §13.2).
///
/// # Examples
///
/// ```
/// use apkalpe_payments::RegisterIdentity;
/// use apkalpe_core::CountryCode;
///
/// let identity = RegisterIdentity::try_new(
///     "SIA Apkalpe Demo", "40003521600", "Brīvības iela 1, Rīga", "KA-000123", "FM-7781", CountryCode::LV,
/// )?;
/// assert_eq!(identity.country(), CountryCode::LV);
/// # Ok::<(), apkalpe_payments::RegisterError>(())
/// ```
///
/// It deserializes through [`RegisterIdentity::try_new`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "IdentityRecord")]
pub struct RegisterIdentity {
    taxpayer_name: String,
    taxpayer_number: String,
    outlet_address: String,
    device_serial: String,
    fiscal_module: String,
    country: CountryCode,
}

/// The saved form of a [`RegisterIdentity`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IdentityRecord {
    taxpayer_name: String,
    taxpayer_number: String,
    outlet_address: String,
    device_serial: String,
    fiscal_module: String,
    country: CountryCode,
}

impl TryFrom<IdentityRecord> for RegisterIdentity {
    type Error = RestoreError;

    fn try_from(record: IdentityRecord) -> Result<Self, Self::Error> {
        RegisterIdentity::try_new(
            &record.taxpayer_name,
            &record.taxpayer_number,
            &record.outlet_address,
            &record.device_serial,
            &record.fiscal_module,
            record.country,
        )
        .map_err(|error| {
            let field = match error {
                RegisterError::Empty {
                    field: "taxpayer name",
                } => "taxpayer_name",
                RegisterError::Empty {
                    field: "taxpayer number",
                } => "taxpayer_number",
                RegisterError::Empty {
                    field: "outlet address",
                } => "outlet_address",
                RegisterError::Empty {
                    field: "device serial number",
                } => "device_serial",
                _ => "fiscal_module",
            };
            RestoreError::invalid("RegisterIdentity", field, error)
        })
    }
}

impl RegisterIdentity {
    /// Creates the identity. `country` picks the cash-rounding rule (the outlet's country).
    ///
    /// # Errors
    ///
    /// [`RegisterError::Empty`] for a blank field.
    pub fn try_new(
        taxpayer_name: &str,
        taxpayer_number: &str,
        outlet_address: &str,
        device_serial: &str,
        fiscal_module: &str,
        country: CountryCode,
    ) -> Result<Self, RegisterError> {
        Ok(RegisterIdentity {
            taxpayer_name: non_empty(taxpayer_name, "taxpayer name")?,
            taxpayer_number: non_empty(taxpayer_number, "taxpayer number")?,
            outlet_address: non_empty(outlet_address, "outlet address")?,
            device_serial: non_empty(device_serial, "device serial number")?,
            fiscal_module: non_empty(fiscal_module, "fiscal module code")?,
            country,
        })
    }

    /// Returns the taxpayer's name.
    pub fn taxpayer_name(&self) -> &str {
        &self.taxpayer_name
    }

    /// Returns the taxpayer's registration or VAT number.
    pub fn taxpayer_number(&self) -> &str {
        &self.taxpayer_number
    }

    /// Returns the outlet's address.
    pub fn outlet_address(&self) -> &str {
        &self.outlet_address
    }

    /// Returns the device's serial (chassis) number.
    pub fn device_serial(&self) -> &str {
        &self.device_serial
    }

    /// Returns the fiscal memory module's code.
    pub fn fiscal_module(&self) -> &str {
        &self.fiscal_module
    }

    /// Returns the outlet's country.
    pub fn country(&self) -> CountryCode {
        self.country
    }
}

/// Returns the VAT sign printed beside a line (`docs/sources.md` §13.2: "a digit, letter or mark showing
/// the rate"): A 21 %, B 12 %, C 5 %, D 0 %, E any other rate. The letters are a common
/// register convention, not law.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "LineRecord")]
pub struct ReceiptLine {
    description: String,
    quantity: Decimal,
    unit_price: Money,
    vat_rate: VatRate,
    amount: Money,
    #[serde(skip_serializing_if = "Option::is_none")]
    discount: Option<LineDiscount>,
    /// `quantity × unit_price` rounded to the cent: the amount before any discount.
    #[serde(skip)]
    before: Money,
}

/// The saved form of a [`ReceiptLine`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LineRecord {
    description: String,
    quantity: Decimal,
    unit_price: Money,
    vat_rate: VatRate,
    amount: Money,
    #[serde(default)]
    discount: Option<DiscountRecord>,
}

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
                ));
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
            ));
        }
        Ok(line)
    }
}

/// How a discount (*atlaide*) is given: a sum of money off the line, or a percentage of the
/// line amount.
///
/// `apkalpe-catalogue` has a `Discount` too (of a price list); [`prelude`](crate::prelude)
/// exports this one as `ReceiptDiscount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "DiscountRecord")]
pub struct LineDiscount {
    given_as: Discount,
    reason: String,
    amount: Money,
}

/// The saved form of a [`LineDiscount`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscountRecord {
    given_as: Discount,
    reason: String,
    amount: Money,
}

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
                    ));
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
    pub fn given_as(&self) -> Discount {
        self.given_as
    }

    /// Returns the reason (a loyalty card, a damaged item, a campaign).
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Returns the discount in money (positive or zero, at most the line amount before the
    /// discount).
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
    pub fn discount(&self) -> Option<&LineDiscount> {
        self.discount.as_ref()
    }

    /// Returns the line amount before the discount: `quantity × unit_price`, rounded to the
    /// cent.
    pub fn amount_before_discount(&self) -> Money {
        self.before
    }

    /// Returns the description.
    pub fn description(&self) -> &str {
        &self.description
    }

    /// Returns the quantity.
    pub fn quantity(&self) -> Decimal {
        self.quantity
    }

    /// Returns the unit price with VAT.
    pub fn unit_price(&self) -> Money {
        self.unit_price
    }

    /// Returns the VAT rate.
    pub fn vat_rate(&self) -> VatRate {
        self.vat_rate
    }

    /// Returns the line amount with VAT, after the discount if one was granted.
    pub fn amount(&self) -> Money {
        self.amount
    }
}

/// How a tender is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

    const fn index(self) -> usize {
        match self {
            PaymentMethod::Cash => 0,
            PaymentMethod::Card => 1,
            PaymentMethod::Transfer => 2,
        }
    }

    /// Returns the Latvian name printed on receipts.
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "method", deny_unknown_fields)]
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
/// (for cash, the cash due after rounding, not what was handed over).
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceiptPayment {
    /// The method.
    pub method: PaymentMethod,
    /// The amount.
    pub amount: Money,
    /// The card or transfer reference.
    pub reference: Option<String>,
}

/// The VAT of one rate on a receipt or report: amount without VAT, VAT and total.
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct VatLine {
    /// The rate.
    pub rate: VatRate,
    /// Without VAT.
    pub net: Money,
    /// The VAT.
    pub vat: Money,
    /// With VAT.
    pub gross: Money,
}

/// Sale or return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
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
/// receipt is restored (see [`OpenShift`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ReceiptRecord")]
pub struct Receipt {
    number: u64,
    kind: ReceiptKind,
    issued_at: DateTime<Utc>,
    cashier: String,
    lines: Vec<ReceiptLine>,
    vat: Vec<VatLine>,
    total: Money,
    payments: Vec<ReceiptPayment>,
    cash_tendered: Option<Money>,
    change: Money,
    rounding: Money,
    #[serde(skip_serializing_if = "Money::is_zero")]
    discounts: Money,
    /// The receipt's figures in whole cents, computed once when it is built, so that
    /// [`ShiftTotals::compute`] adds integers; `None` when an amount is not whole cents.
    #[serde(skip)]
    tally: Option<Tally>,
}

/// The saved form of a [`Receipt`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReceiptRecord {
    number: u64,
    kind: ReceiptKind,
    issued_at: DateTime<Utc>,
    cashier: String,
    lines: Vec<LineRecord>,
    vat: Vec<VatLine>,
    total: Money,
    payments: Vec<ReceiptPayment>,
    cash_tendered: Option<Money>,
    change: Money,
    rounding: Money,
    #[serde(default)]
    discounts: Option<Money>,
}

/// Returns whether a text holds what could be a full card number: 12 to 19 digits (spaces
/// and hyphens between them skipped, as card number parsing does) that pass the Luhn check
/// and belong to a card brand.
fn holds_card_number(text: &str) -> bool {
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
            };
        if record.number == 0 {
            return Err(RestoreError::inconsistent(
                WHAT,
                "number",
                "receipts are numbered from 1",
            ));
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
            ));
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
                    ));
                }
                (PaymentMethod::Cash, Some(_)) => {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        field("reference"),
                        "a cash payment has no reference",
                    ));
                }
                (_, None) => {
                    return Err(RestoreError::missing(
                        WHAT,
                        field("reference"),
                        "a card or transfer payment has its reference",
                    ));
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
            ));
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
                ));
            }
            (ReceiptKind::Return { .. }, Some(_)) => {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    "cash_tendered",
                    "nothing is tendered for a return",
                ));
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
fn figures(
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
                net: amounts.net,
                vat: amounts.vat,
                gross: amounts.gross,
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
struct RateCents {
    key: [u8; 16],
    net: i64,
    vat: i64,
    gross: i64,
}

/// The most VAT rates a [`Tally`] holds inline (Latvia has four: 21, 12, 5 and 0 %).
const TALLY_RATES: usize = 4;

/// A receipt's figures in whole cents: what the Z report adds up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Tally {
    total: i64,
    rounding: i64,
    discounts: i64,
    methods: [i64; 3],
    rate_count: usize,
    rates: [RateCents; TALLY_RATES],
}

/// Returns an amount of at most two decimals as whole cents, `None` otherwise or when it does
/// not fit an `i64`.
fn whole_cents(value: Decimal) -> Option<i64> {
    let factor: i128 = match value.scale() {
        0 => 100,
        1 => 10,
        2 => 1,
        _ => return None,
    };
    i64::try_from(value.mantissa().checked_mul(factor)?).ok()
}

impl Tally {
    fn of(
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
    pub fn number(&self) -> u64 {
        self.number
    }

    /// Returns sale or return.
    pub fn kind(&self) -> ReceiptKind {
        self.kind
    }

    /// Returns when it was issued.
    pub fn issued_at(&self) -> DateTime<Utc> {
        self.issued_at
    }

    /// Returns the cashier.
    pub fn cashier(&self) -> &str {
        &self.cashier
    }

    /// Returns the lines.
    pub fn lines(&self) -> &[ReceiptLine] {
        &self.lines
    }

    /// Returns the VAT per rate, highest rate first.
    pub fn vat(&self) -> &[VatLine] {
        &self.vat
    }

    /// Returns the total with VAT, before cash rounding.
    pub fn total(&self) -> Money {
        self.total
    }

    /// Returns the payments.
    pub fn payments(&self) -> &[ReceiptPayment] {
        &self.payments
    }

    /// Returns the cash handed over, if any.
    pub fn cash_tendered(&self) -> Option<Money> {
        self.cash_tendered
    }

    /// Returns the change given.
    pub fn change(&self) -> Money {
        self.change
    }

    /// Returns the cash rounding difference (cash due − unrounded cash part).
    pub fn rounding(&self) -> Money {
        self.rounding
    }

    /// Returns the discounts granted on the receipt's lines, in money (zero when none).
    pub fn discounts(&self) -> Money {
        self.discounts
    }

    /// Returns the total paid: total + rounding difference.
    ///
    /// # Errors
    ///
    /// [`MoneyError`] in theory only.
    pub fn total_paid(&self) -> Result<Money, MoneyError> {
        self.total.checked_add(self.rounding)
    }

    /// Returns the method printed on the receipt: the one method, or `None` for a mixed
    /// payment.
    pub fn single_method(&self) -> Option<PaymentMethod> {
        let first = self.payments.first()?.method;
        self.payments
            .iter()
            .all(|p| p.method == first)
            .then_some(first)
    }

    /// Renders the receipt as the 40-column text a register prints.
    pub fn render(&self, identity: &RegisterIdentity) -> String {
        let mut out = String::new();
        header(&mut out, identity);
        let title = match self.kind {
            ReceiptKind::Sale => format!("ČEKS Nr. {:08}", self.number),
            ReceiptKind::Return { original } => {
                format!("ATGRIEŠANA Nr. {:08} (čekam {:08})", self.number, original)
            }
        };
        let _ = writeln!(out, "{title}");
        let _ = writeln!(out, "{}", local_time(self.issued_at));
        let _ = writeln!(out, "Kasieris: {}", self.cashier);
        rule(&mut out);
        for line in &self.lines {
            let _ = writeln!(out, "{}", line.description);
            let left = format!(
                "  {} x {}",
                latvian_decimal(line.quantity),
                plain(line.unit_price)
            );
            let right = format!(
                "{} {}",
                plain(line.amount_before_discount()),
                vat_sign(line.vat_rate)
            );
            columns(&mut out, &left, &right);
            if let Some(discount) = &line.discount {
                let label = match discount.given_as {
                    Discount::Amount(_) => format!("  Atlaide: {}", discount.reason),
                    Discount::Percent(percent) => {
                        format!(
                            "  Atlaide {}\u{a0}%: {}",
                            latvian_decimal(percent),
                            discount.reason
                        )
                    }
                };
                let right = format!("-{}  ", plain(discount.amount));
                // A long reason is cut so the amount stays in its column.
                let room = WIDTH
                    .saturating_sub(right.chars().count())
                    .saturating_sub(1);
                let label: String = label.chars().take(room).collect();
                columns(&mut out, &label, &right);
            }
        }
        rule(&mut out);
        for vat in &self.vat {
            let sign = vat_sign(vat.rate);
            columns(
                &mut out,
                &format!(
                    "{sign} PVN {}",
                    vat.rate.to_localized_string(Language::Latvian)
                ),
                "",
            );
            columns(&mut out, "  Summa bez PVN", &plain(vat.net));
            columns(&mut out, "  PVN", &plain(vat.vat));
        }
        columns(&mut out, "KOPĀ EUR", &plain(self.total));
        if !self.discounts.is_zero() {
            columns(&mut out, "t. sk. atlaides", &plain(self.discounts));
        }
        if !self.rounding.is_zero() {
            columns(&mut out, "Noapaļošana", &plain(self.rounding));
        }
        for payment in &self.payments {
            columns(&mut out, payment.method.latvian(), &plain(payment.amount));
        }
        if let Some(tendered) = self.cash_tendered {
            columns(&mut out, "Saņemts", &plain(tendered));
            columns(&mut out, "Atlikums", &plain(self.change));
        }
        rule(&mut out);
        let _ = writeln!(out, "FM {} Nr. {:08}", identity.fiscal_module, self.number);
        let _ = writeln!(out, "Kases aparāts {}", identity.device_serial);
        out
    }
}

const WIDTH: usize = 40;

/// A quantity or percentage the Latvian way: no trailing zeros, a decimal comma ("1,5").
fn latvian_decimal(value: Decimal) -> String {
    value.normalize().to_string().replace('.', ",")
}

/// An amount in a column whose heading names the currency, the Latvian way: "1 234,56".
fn plain(money: Money) -> String {
    money.to_localized_number(Language::Latvian)
}

fn local_time(at: DateTime<Utc>) -> String {
    let local = at
        .naive_utc()
        .checked_add_signed(riga_offset(at))
        .unwrap_or(at.naive_utc());
    local.format("%Y-%m-%d %H:%M:%S").to_string()
}

fn rule(out: &mut String) {
    let _ = writeln!(out, "{}", "-".repeat(WIDTH));
}

fn columns(out: &mut String, left: &str, right: &str) {
    if right.is_empty() {
        let _ = writeln!(out, "{left}");
        return;
    }
    let used = left.chars().count().saturating_add(right.chars().count());
    let pad = WIDTH.saturating_sub(used).max(1);
    let _ = writeln!(out, "{left}{}{right}", " ".repeat(pad));
}

fn header(out: &mut String, identity: &RegisterIdentity) {
    let _ = writeln!(out, "{}", identity.taxpayer_name);
    let _ = writeln!(out, "Reģ. Nr. {}", identity.taxpayer_number);
    let _ = writeln!(out, "{}", identity.outlet_address);
    rule(out);
}

/// Something that happened in a shift, in order. It deserializes through the checks of the
/// receipt or movement it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "EventRecord")]
#[serde(rename_all = "snake_case", tag = "event")]
// Nearly every event is a receipt: boxing it would cost an allocation per sale for nothing.
#[allow(clippy::large_enum_variant)]
pub enum ShiftEvent {
    /// A sale or return receipt.
    Receipt(Receipt),
    /// A cash deposit or payout.
    CashMovement(CashMovement),
}

/// The totals of one direction (sales or returns) for one VAT rate.
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateTotals {
    /// The rate.
    pub rate: VatRate,
    /// Sales without VAT, VAT, with VAT.
    pub sales: VatLine,
    /// Returns without VAT, VAT, with VAT.
    pub returns: VatLine,
}

/// Totals of one payment method.
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MethodTotals {
    /// The method.
    pub method: PaymentMethod,
    /// Received for sales.
    pub sales: Money,
    /// Paid back for returns.
    pub returns: Money,
}

/// The figures of a shift, computed by [`ShiftTotals::compute`]: what both the X and the Z
/// report show.
///
/// Serialized with its fields by name; `receipt_numbers` as `{"first": 1, "last": 3}` (or
/// `null`). Reading also accepts the pair `[1, 3]` that earlier versions wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShiftTotals {
    /// Sale receipts.
    pub sale_count: u64,
    /// Return receipts.
    pub return_count: u64,
    /// The first and last receipt numbers of the shift.
    #[serde(with = "receipt_range")]
    pub receipt_numbers: Option<(u64, u64)>,
    /// Per VAT rate, highest first.
    pub rates: Vec<RateTotals>,
    /// Per payment method: cash, card, transfer.
    pub methods: Vec<MethodTotals>,
    /// Sales with VAT, before rounding.
    pub sales_total: Money,
    /// Returns with VAT, before rounding.
    pub returns_total: Money,
    /// Discounts granted on sale receipts, in money (already deducted from `sales_total`).
    pub sales_discounts: Money,
    /// Discounts on the lines of return receipts, in money (already deducted from
    /// `returns_total`: a discounted item is refunded at its discounted price).
    pub returns_discounts: Money,
    /// Cash rounding differences of sales (+ when rounded up).
    pub sales_rounding: Money,
    /// Cash rounding differences of returns (+ when the refund was rounded up).
    pub returns_rounding: Money,
    /// Cash deposits.
    pub deposits: Money,
    /// Cash payouts.
    pub payouts: Money,
    /// The opening float.
    pub float: Money,
    /// Cash expected in the drawer: float + cash sales − cash returns + deposits − payouts.
    pub expected_cash: Money,
}

/// The saved form of [`ShiftTotals::receipt_numbers`]: `{"first", "last"}`, or the pair
/// `[first, last]` of earlier versions.
mod receipt_range {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Range {
        first: u64,
        last: u64,
    }

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Saved {
        Named(Range),
        Pair(u64, u64),
    }

    #[allow(clippy::ref_option)] // serde's `with` passes the field by reference
    pub(super) fn serialize<S: Serializer>(
        range: &Option<(u64, u64)>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        range
            .map(|(first, last)| Range { first, last })
            .serialize(serializer)
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<(u64, u64)>, D::Error> {
        Ok(
            Option::<Saved>::deserialize(deserializer)?.map(|saved| match saved {
                Saved::Named(Range { first, last }) | Saved::Pair(first, last) => (first, last),
            }),
        )
    }
}

/// A running sum of amounts: whole cents (at most two decimals, what receipts hold) in an
/// `i128`, anything else in a `Decimal`. Adding integers is several times faster than adding
/// `Decimal`s, and the Z report adds millions of them. The value, scale included, is the same
/// as adding the `Decimal`s one by one: amounts of fewer than two decimals never raise the
/// scale above two.
#[derive(Clone, Copy, Default)]
struct Sum {
    cents: i128,
    other: Decimal,
}

const OVERFLOW: MoneyError = MoneyError::Overflow { operation: "sum" };

impl Sum {
    fn add(&mut self, value: Decimal) -> Result<(), MoneyError> {
        match whole_cents(value) {
            Some(cents) => self.add_cents(cents),
            None => {
                self.other = self.other.checked_add(value).ok_or(OVERFLOW)?;
                Ok(())
            }
        }
    }

    #[inline]
    fn add_cents(&mut self, cents: i64) -> Result<(), MoneyError> {
        self.cents = self.cents.checked_add(i128::from(cents)).ok_or(OVERFLOW)?;
        Ok(())
    }

    fn value(&self) -> Result<Decimal, MoneyError> {
        Decimal::try_from_i128_with_scale(self.cents, 2)
            .map_err(|_| OVERFLOW)?
            .checked_add(self.other)
            .ok_or(OVERFLOW)
    }

    fn money(&self, currency: Currency) -> Result<Money, MoneyError> {
        Ok(Money::new(self.value()?, currency))
    }
}

#[derive(Clone, Copy, Default)]
struct Acc {
    net: Sum,
    vat: Sum,
    gross: Sum,
}

impl Acc {
    fn add(&mut self, line: &VatLine) -> Result<(), MoneyError> {
        self.net.add(line.net.amount())?;
        self.vat.add(line.vat.amount())?;
        self.gross.add(line.gross.amount())
    }

    #[inline]
    fn add_cents(&mut self, line: &RateCents) -> Result<(), MoneyError> {
        self.net.add_cents(line.net)?;
        self.vat.add_cents(line.vat)?;
        self.gross.add_cents(line.gross)
    }

    fn line(&self, rate: VatRate, currency: Currency) -> Result<VatLine, MoneyError> {
        Ok(VatLine {
            rate,
            net: self.net.money(currency)?,
            vat: self.vat.money(currency)?,
            gross: self.gross.money(currency)?,
        })
    }
}

/// The sums of one VAT rate over a shift: `[sales, returns]`.
#[derive(Clone, Copy)]
struct RateAcc {
    key: [u8; 16],
    rate: VatRate,
    sides: [Acc; 2],
}

/// The sums of one direction (sales or returns) over a shift.
#[derive(Clone, Copy, Default)]
struct SideAcc {
    count: u64,
    total: Sum,
    rounding: Sum,
    discounts: Sum,
    methods: [Sum; 3],
}

/// Finds the slot of a rate, adding it (sales and returns at zero) when it is new. A shift
/// has a handful of rates, so a linear search beats any map.
#[inline]
fn rate_slot(
    rates: &mut Vec<RateAcc>,
    key: [u8; 16],
    rate: impl FnOnce() -> Option<VatRate>,
) -> Result<&mut RateAcc, MoneyError> {
    let index = match rates.iter().position(|r| r.key == key) {
        Some(index) => index,
        None => {
            rates.push(RateAcc {
                key,
                rate: rate().ok_or(OVERFLOW)?,
                sides: [Acc::default(); 2],
            });
            rates.len().saturating_sub(1)
        }
    };
    rates.get_mut(index).ok_or(OVERFLOW)
}

impl SideAcc {
    /// Adds a receipt from its whole-cent tally: integers only.
    #[inline]
    fn add_tally(
        &mut self,
        side: usize,
        tally: &Tally,
        vat: &[VatLine],
        rates: &mut Vec<RateAcc>,
    ) -> Result<(), MoneyError> {
        self.total.add_cents(tally.total)?;
        self.rounding.add_cents(tally.rounding)?;
        self.discounts.add_cents(tally.discounts)?;
        for (sum, cents) in self.methods.iter_mut().zip(tally.methods) {
            sum.add_cents(cents)?;
        }
        let lines = tally.rates.get(..tally.rate_count).unwrap_or_default();
        for (i, line) in lines.iter().enumerate() {
            let slot = rate_slot(rates, line.key, || vat.get(i).map(|v| v.rate))?;
            if let Some(acc) = slot.sides.get_mut(side) {
                acc.add_cents(line)?;
            }
        }
        Ok(())
    }

    /// Adds a receipt whose amounts are not all whole cents.
    fn add_receipt(
        &mut self,
        side: usize,
        receipt: &Receipt,
        rates: &mut Vec<RateAcc>,
    ) -> Result<(), MoneyError> {
        self.total.add(receipt.total.amount())?;
        self.rounding.add(receipt.rounding.amount())?;
        self.discounts.add(receipt.discounts.amount())?;
        for payment in &receipt.payments {
            if let Some(sum) = self.methods.get_mut(payment.method.index()) {
                sum.add(payment.amount.amount())?;
            }
        }
        for vat in &receipt.vat {
            let slot = rate_slot(rates, vat.rate.percent().serialize(), || Some(vat.rate))?;
            if let Some(acc) = slot.sides.get_mut(side) {
                acc.add(vat)?;
            }
        }
        Ok(())
    }
}

impl ShiftTotals {
    /// Computes the totals of a shift from its opening float and its events, in one pass.
    /// The X report and the Z report both come from here.
    ///
    /// Each receipt carries its figures in whole cents, computed once when it was built, so
    /// this pass adds integers per VAT rate and per payment method and allocates nothing per
    /// receipt; amounts that are not whole cents are added as `Decimal`s, with the same result.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Currency`] when an event is in another currency than the float;
    /// [`RegisterError::Money`] on overflow.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::ShiftTotals;
    /// use apkalpe_core::{Currency, Money};
    ///
    /// let totals = ShiftTotals::compute(Money::zero(Currency::EUR), &[])?;
    /// assert_eq!(totals.sale_count, 0);
    /// assert!(totals.expected_cash.is_zero());
    /// # Ok::<(), apkalpe_payments::RegisterError>(())
    /// ```
    pub fn compute(float: Money, events: &[ShiftEvent]) -> Result<ShiftTotals, RegisterError> {
        let currency = float.currency();
        let check = |m: Money| {
            if m.currency() == currency {
                Ok(m.amount())
            } else {
                Err(RegisterError::Currency {
                    expected: currency,
                    found: m.currency(),
                })
            }
        };
        let mut rates: Vec<RateAcc> = Vec::new();
        let mut sides = [SideAcc::default(); 2];
        let mut numbers: Option<(u64, u64)> = None;
        let (mut deposits, mut payouts) = (Sum::default(), Sum::default());
        for event in events {
            match event {
                ShiftEvent::Receipt(receipt) => {
                    // Every amount of a receipt is in the currency of its total (the receipt
                    // is built that way), so one check per receipt is enough.
                    check(receipt.total)?;
                    let side_index = match receipt.kind {
                        ReceiptKind::Sale => 0,
                        ReceiptKind::Return { .. } => 1,
                    };
                    let Some(side) = sides.get_mut(side_index) else {
                        continue;
                    };
                    side.count = side.count.saturating_add(1);
                    numbers = Some(match numbers {
                        None => (receipt.number, receipt.number),
                        Some((first, last)) => {
                            (first.min(receipt.number), last.max(receipt.number))
                        }
                    });
                    match &receipt.tally {
                        Some(tally) => {
                            side.add_tally(side_index, tally, &receipt.vat, &mut rates)?;
                        }
                        None => side.add_receipt(side_index, receipt, &mut rates)?,
                    }
                }
                ShiftEvent::CashMovement(movement) => {
                    let amount = check(movement.amount())?;
                    match movement.kind() {
                        CashMovementKind::Deposit => deposits.add(amount)?,
                        CashMovementKind::Payout => payouts.add(amount)?,
                    }
                }
            }
        }
        rates.sort_by_key(|r| std::cmp::Reverse(r.rate));
        let money = |sum: Sum| sum.money(currency);
        let [sales, returns] = sides;
        let cash = PaymentMethod::Cash.index();
        let method = |side: &SideAcc, index: usize| {
            side.methods
                .get(index)
                .copied()
                .unwrap_or_default()
                .money(currency)
        };
        let expected = float
            .checked_add(method(&sales, cash)?)?
            .checked_sub(method(&returns, cash)?)?
            .checked_add(money(deposits)?)?
            .checked_sub(money(payouts)?)?;
        Ok(ShiftTotals {
            sale_count: sales.count,
            return_count: returns.count,
            receipt_numbers: numbers,
            rates: rates
                .iter()
                .map(|r| {
                    let [s, ret] = &r.sides;
                    Ok(RateTotals {
                        rate: r.rate,
                        sales: s.line(r.rate, currency)?,
                        returns: ret.line(r.rate, currency)?,
                    })
                })
                .collect::<Result<Vec<_>, MoneyError>>()?,
            methods: PaymentMethod::ALL
                .iter()
                .map(|m| {
                    Ok(MethodTotals {
                        method: *m,
                        sales: method(&sales, m.index())?,
                        returns: method(&returns, m.index())?,
                    })
                })
                .collect::<Result<Vec<_>, MoneyError>>()?,
            sales_total: money(sales.total)?,
            returns_total: money(returns.total)?,
            sales_discounts: money(sales.discounts)?,
            returns_discounts: money(returns.discounts)?,
            sales_rounding: money(sales.rounding)?,
            returns_rounding: money(returns.rounding)?,
            deposits: money(deposits)?,
            payouts: money(payouts)?,
            float,
            expected_cash: expected,
        })
    }

    fn render_body(&self, out: &mut String) {
        let count_line =
            |out: &mut String, label: &str, n: u64| columns(out, label, &n.to_string());
        count_line(out, "Pārdošanas čeki", self.sale_count);
        count_line(out, "Atgriešanas čeki", self.return_count);
        if let Some((first, last)) = self.receipt_numbers {
            columns(out, "Čeki Nr.", &format!("{first:08}-{last:08}"));
        }
        rule(out);
        for rate in &self.rates {
            let sign = vat_sign(rate.rate);
            columns(
                out,
                &format!(
                    "{sign} PVN {}",
                    rate.rate.to_localized_string(Language::Latvian)
                ),
                "",
            );
            columns(out, "  Pārdots bez PVN", &plain(rate.sales.net));
            columns(out, "  PVN", &plain(rate.sales.vat));
            columns(out, "  Pārdots ar PVN", &plain(rate.sales.gross));
            if !rate.returns.gross.is_zero() {
                columns(out, "  Atgriezts bez PVN", &plain(rate.returns.net));
                columns(out, "  Atgriezts PVN", &plain(rate.returns.vat));
                columns(out, "  Atgriezts ar PVN", &plain(rate.returns.gross));
            }
        }
        columns(out, "PĀRDOŠANA KOPĀ", &plain(self.sales_total));
        columns(out, "ATGRIEŠANA KOPĀ", &plain(self.returns_total));
        columns(out, "Atlaides (pārdošana)", &plain(self.sales_discounts));
        columns(out, "Atlaides (atgriešana)", &plain(self.returns_discounts));
        rule(out);
        for method in &self.methods {
            columns(out, method.method.latvian(), &plain(method.sales));
            if !method.returns.is_zero() {
                columns(out, "  atgriezts", &plain(method.returns));
            }
        }
        columns(out, "Noapaļošana (pārdošana)", &plain(self.sales_rounding));
        columns(
            out,
            "Noapaļošana (atgriešana)",
            &plain(self.returns_rounding),
        );
        rule(out);
        columns(out, "Sākuma atlikums", &plain(self.float));
        columns(out, "Iemaksas", &plain(self.deposits));
        columns(out, "Izmaksas", &plain(self.payouts));
        columns(out, "Skaidra nauda kasē", &plain(self.expected_cash));
    }
}

/// The X report (*X atskaite*): the shift's totals so far, without closing anything.
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct XReport {
    /// The register.
    pub identity: RegisterIdentity,
    /// The cashier of the shift.
    pub cashier: String,
    /// When the shift opened.
    pub opened_at: DateTime<Utc>,
    /// When the report was taken.
    pub at: DateTime<Utc>,
    /// The totals.
    pub totals: ShiftTotals,
}

impl XReport {
    /// Renders the report as register text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        header(&mut out, &self.identity);
        let _ = writeln!(out, "X ATSKAITE (starpatskaite)");
        let _ = writeln!(out, "{}", local_time(self.at));
        let _ = writeln!(out, "Maiņa no {}", local_time(self.opened_at));
        let _ = writeln!(out, "Kasieris: {}", self.cashier);
        rule(&mut out);
        self.totals.render_body(&mut out);
        rule(&mut out);
        let _ = writeln!(out, "FM {}", self.identity.fiscal_module);
        let _ = writeln!(out, "Kases aparāts {}", self.identity.device_serial);
        out
    }
}

/// The Z report (*Z atskaite*): the numbered day close, with the count of the drawer and
/// the perpetual grand total.
///
/// A plain record: it serializes and deserializes as its fields, by name, with no rule beyond
/// the fields' own types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZReport {
    /// The Z number (one sequence per register, never reset).
    pub number: u64,
    /// The register.
    pub identity: RegisterIdentity,
    /// The cashier of the shift.
    pub cashier: String,
    /// When the shift opened.
    pub opened_at: DateTime<Utc>,
    /// When the shift closed.
    pub at: DateTime<Utc>,
    /// The totals.
    pub totals: ShiftTotals,
    /// The cash counted at close, by denomination.
    pub counted: CashCount,
    /// Counted − expected: positive over, negative short.
    pub over_short: Money,
    /// The grand total (sales − returns since the register started) after this shift.
    pub grand_total: Money,
}

impl ZReport {
    /// Renders the report as register text.
    pub fn render(&self) -> String {
        let mut out = String::new();
        header(&mut out, &self.identity);
        let _ = writeln!(out, "Z ATSKAITE Nr. {:04}", self.number);
        let _ = writeln!(out, "{}", local_time(self.at));
        let _ = writeln!(out, "Maiņa no {}", local_time(self.opened_at));
        let _ = writeln!(out, "Kasieris: {}", self.cashier);
        rule(&mut out);
        self.totals.render_body(&mut out);
        columns(&mut out, "Saskaitīts", &plain(self.counted.total()));
        let label = if self.over_short.is_negative() {
            "Iztrūkums"
        } else {
            "Pārpalikums"
        };
        columns(&mut out, label, &plain(self.over_short));
        rule(&mut out);
        columns(&mut out, "Kopsumma kopš sākuma", &plain(self.grand_total));
        let _ = writeln!(out, "FM {}", self.identity.fiscal_module);
        let _ = writeln!(out, "Kases aparāts {}", self.identity.device_serial);
        out
    }
}

/// The error a [`FiscalDevice`] returns.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FiscalDeviceError {
    /// The device cannot be reached or has failed (`docs/sources.md` §9: record sales in a revenue
    /// register meanwhile).
    #[error("the fiscal device is unavailable")]
    Unavailable,
    /// The device refused the document.
    #[error("the fiscal device refused the document: {reason}")]
    Rejected {
        /// The device's reason.
        reason: String,
    },
}

impl FiscalDeviceError {
    /// Returns the stable error code.
    pub fn code(&self) -> &'static str {
        match self {
            FiscalDeviceError::Unavailable => "fiscal_device.unavailable",
            FiscalDeviceError::Rejected { .. } => "fiscal_device.rejected",
        }
    }
}

/// The port to a certified fiscal device or cash system (MK 95/96), for integrators: it
/// registers receipts in its fiscal memory and prints X and Z reports. This crate computes
/// the documents; the device records and prints them.
pub trait FiscalDevice {
    /// Registers and prints a receipt.
    ///
    /// # Errors
    ///
    /// [`FiscalDeviceError`].
    fn register_receipt(
        &mut self,
        identity: &RegisterIdentity,
        receipt: &Receipt,
    ) -> Result<(), FiscalDeviceError>;

    /// Prints an X report.
    ///
    /// # Errors
    ///
    /// [`FiscalDeviceError`].
    fn print_x_report(&mut self, report: &XReport) -> Result<(), FiscalDeviceError>;

    /// Closes the day in fiscal memory and prints the Z report.
    ///
    /// # Errors
    ///
    /// [`FiscalDeviceError`].
    fn close_day(&mut self, report: &ZReport) -> Result<(), FiscalDeviceError>;
}

/// A cash register between shifts: its identity, cash-rounding policy and the counters that
/// outlive shifts.
///
/// # Examples
///
/// ```
/// use apkalpe_payments::{CashCount, CashRegister, Denomination, ReceiptLine, RegisterIdentity, Tender};
/// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
/// use chrono::{TimeZone, Utc};
/// use rust_decimal_macros::dec;
///
/// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
/// let register = CashRegister::new(identity, Currency::EUR);
/// let at = Utc.with_ymd_and_hms(2026, 11, 27, 8, 0, 0).unwrap();
/// let float = CashCount::new().with(Denomination::Euro10, 5)?;
/// let mut shift = register.open_shift("Anna", float, at)?;
/// let eur = |d| Money::new(d, Currency::EUR);
/// let line = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.49)), VatRate::try_new(dec!(21))?)?;
/// let receipt = shift.sell(vec![line], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
/// assert_eq!(receipt.change().to_string(), "2.51 EUR");
/// let (_register, z) = shift.close(float, at)?;
/// assert_eq!(z.number, 1);
/// assert_eq!(z.over_short.to_string(), "-2.49 EUR"); // the 2.49 was not counted
/// # Ok::<(), apkalpe_payments::PaymentsError>(())
/// ```
///
/// # Saved form
///
/// `{"identity": {…}, "currency": "EUR", "last_receipt": 41, "last_z": 3, "grand_total":
/// {"amount": "1234.56", "currency": "EUR"}}`. It deserializes through its checks (the
/// identity through its constructor, the grand total in the register's currency).
///
/// The cash-rounding policy is not saved: it is law, and law is program data. A restored
/// register gets the built-in table ([`CashRounding::builtin`]) of the program that restores
/// it, which is what [`CashRegister::new`] gives, so a restored register rounds exactly as the
/// original did, and a row for a new law shipped in a later version applies to registers
/// saved before. A register given another policy with [`CashRegister::with_cash_rounding`]
/// gets it again the same way after restoring (for a restored shift,
/// [`OpenShift::with_cash_rounding`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "RegisterRecord")]
pub struct CashRegister {
    identity: RegisterIdentity,
    currency: Currency,
    #[serde(skip)]
    policy: CashRounding,
    #[serde(skip)]
    cash_limits: Option<CashLimits>,
    last_receipt: u64,
    last_z: u64,
    grand_total: Money,
    /// The numbers of the return receipts this register issued, so a return of one is
    /// refused in a later shift too. Saved only when not empty.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    returns: BTreeSet<u64>,
}

/// The saved form of a [`CashRegister`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterRecord {
    identity: IdentityRecord,
    currency: Currency,
    last_receipt: u64,
    last_z: u64,
    grand_total: Money,
    #[serde(default)]
    returns: Vec<u64>,
}

impl TryFrom<RegisterRecord> for CashRegister {
    type Error = RestoreError;

    fn try_from(record: RegisterRecord) -> Result<Self, Self::Error> {
        let identity = RegisterIdentity::try_from(record.identity)
            .map_err(|error| error.within("identity"))?;
        let mut register = CashRegister::new(identity, record.currency)
            .with_counters(record.last_receipt, record.last_z, record.grand_total)
            .map_err(|error| RestoreError::invalid("CashRegister", "grand_total", error))?;
        for (index, number) in record.returns.into_iter().enumerate() {
            let field = || format!("returns[{index}]");
            if number == 0 || number > register.last_receipt {
                return Err(RestoreError::inconsistent(
                    "CashRegister",
                    field(),
                    format!(
                        "return receipt {number} is not among receipts 1 to {}",
                        register.last_receipt
                    ),
                ));
            }
            if !register.returns.insert(number) {
                return Err(RestoreError::duplicate("CashRegister", field(), number));
            }
        }
        Ok(register)
    }
}

impl CashRegister {
    /// Creates a new register with no receipts yet, the built-in cash-rounding table and
    /// the outlet's country from its identity.
    pub fn new(identity: RegisterIdentity, currency: Currency) -> Self {
        CashRegister {
            cash_limits: None,
            identity,
            currency,
            policy: CashRounding::builtin(),
            last_receipt: 0,
            last_z: 0,
            grand_total: Money::zero(currency),
            returns: BTreeSet::new(),
        }
    }

    /// Continues a register's counters (from its fiscal memory).
    ///
    /// # Errors
    ///
    /// [`RegisterError::Currency`] for a grand total in another currency than the register's.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_payments::{CashRegister, RegisterIdentity};
    /// use apkalpe_core::{CountryCode, Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity, Currency::EUR)
    ///     .with_counters(41, 3, Money::new(dec!(1234.56), Currency::EUR))?;
    /// assert_eq!((register.last_receipt(), register.last_z()), (41, 3));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn with_counters(
        mut self,
        last_receipt: u64,
        last_z: u64,
        grand_total: Money,
    ) -> Result<Self, RegisterError> {
        if grand_total.currency() != self.currency {
            return Err(RegisterError::Currency {
                expected: self.currency,
                found: grand_total.currency(),
            });
        }
        self.last_receipt = last_receipt;
        self.last_z = last_z;
        self.grand_total = grand_total;
        Ok(self)
    }

    /// Replaces the cash-rounding policy (a new law, a test).
    #[must_use]
    pub fn with_cash_rounding(mut self, policy: CashRounding) -> Self {
        self.policy = policy;
        self
    }

    /// Returns the cash-rounding policy.
    pub fn cash_rounding(&self) -> &CashRounding {
        &self.policy
    }

    /// Sets the cap on the cash part of one receipt (`None`: no cap). A new or restored
    /// register has none: an application turns it on for the operations it takes now, with
    /// [`CashLimits::for_country`] of the outlet (Latvia's 7 200 EUR), and decides what a
    /// replay of its own older history does (a journal written before the cap was enforced
    /// may hold a sale over it, which happened and must replay). The cap is not saved.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency};
    /// use apkalpe_payments::{CashLimits, CashRegister, RegisterIdentity};
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let register = CashRegister::new(identity, Currency::EUR);
    /// assert_eq!(register.cash_limits(), None);
    /// let country = register.identity().country();
    /// let register = register.with_cash_limits(CashLimits::for_country(country));
    /// assert_eq!(register.cash_limits(), Some(CashLimits::latvia()));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    #[must_use]
    pub fn with_cash_limits(mut self, limits: Option<CashLimits>) -> Self {
        self.cash_limits = limits;
        self
    }

    /// Returns the cap on the cash part of one receipt, if any.
    pub fn cash_limits(&self) -> Option<CashLimits> {
        self.cash_limits
    }

    /// Returns the currency the register works in.
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns the identity.
    pub fn identity(&self) -> &RegisterIdentity {
        &self.identity
    }

    /// Returns the last receipt number issued (0: none).
    pub fn last_receipt(&self) -> u64 {
        self.last_receipt
    }

    /// Returns the last Z number (0: none).
    pub fn last_z(&self) -> u64 {
        self.last_z
    }

    /// Returns the perpetual grand total.
    pub fn grand_total(&self) -> Money {
        self.grand_total
    }

    /// Opens a shift with a counted float.
    ///
    /// # Errors
    ///
    /// [`RegisterError::Empty`] for a blank cashier; [`RegisterError::Currency`] when the
    /// register does not work in euro (the float is counted in euro notes and coins).
    pub fn open_shift(
        self,
        cashier: &str,
        float: CashCount,
        at: DateTime<Utc>,
    ) -> Result<OpenShift, RegisterError> {
        let cashier = non_empty(cashier, "cashier")?;
        if self.currency != Currency::EUR {
            return Err(RegisterError::Currency {
                expected: Currency::EUR,
                found: self.currency,
            });
        }
        Ok(OpenShift {
            register: self,
            cashier,
            opened_at: at,
            float,
            events: Vec::new(),
            receipts: Vec::new(),
        })
    }
}

/// An open shift (*atvērta maiņa*): takes sales, returns, deposits and payouts; gives X
/// reports; closes into a Z report.
///
/// # Saved form
///
/// ```json
/// {
///   "register": {"identity": {…}, "currency": "EUR", "last_receipt": 42, "last_z": 3,
///                "grand_total": {…}},
///   "cashier": "Anna Liepa",
///   "opened_at": "2026-11-27T08:00:00Z",
///   "float": {"pieces": {"500.00": 0, …}},
///   "events": [{"event": "receipt", "number": 42, "kind": {"kind": "sale"}, …},
///              {"event": "cash_movement", "kind": "payout", …}]
/// }
/// ```
///
/// The register carries the counters as they stand (its last receipt is the shift's last).
/// Restoring replays the events on the register, in order, through the operations that made
/// them ([`OpenShift::sell`], [`OpenShift::refund`],
/// [`OpenShift::record_cash_movement`]), so a restored shift is exactly one the operations
/// can build, and the replay takes time linear in the shift. It refuses, with a
/// [`RestoreError`]: a register or cashier its constructor refuses, a register not in euro;
/// receipts not numbered consecutively up to the register's last receipt; a receipt whose
/// cashier is not the shift's, or whose VAT, total, payments, rounding under the outlet's rule
/// (the built-in table, see [`CashRegister`]), tendered cash or change are not what its lines
/// and tenders give; a return of a receipt that is not an earlier sale (a receipt of the shift
/// must be a sale of it); a card payment whose reference holds a card number; a cash movement
/// its constructor refuses; and events whose totals overflow.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ShiftRecord")]
pub struct OpenShift {
    register: CashRegister,
    cashier: String,
    opened_at: DateTime<Utc>,
    float: CashCount,
    events: Vec<ShiftEvent>,
    /// The index in `events` of each receipt, in number order: the receipt numbered
    /// `first + i` is `events[receipts[i]]`. Rebuilt on restoring.
    #[serde(skip)]
    receipts: Vec<usize>,
}

/// The saved form of an [`OpenShift`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ShiftRecord {
    register: RegisterRecord,
    cashier: String,
    opened_at: DateTime<Utc>,
    float: CashCount,
    events: Vec<EventRecord>,
}

/// The saved form of a [`ShiftEvent`].
#[derive(Deserialize)]
#[serde(rename_all = "snake_case", tag = "event")]
// Read once and converted at once, like `ShiftEvent` itself (nearly every event is a receipt).
#[allow(clippy::large_enum_variant)]
enum EventRecord {
    Receipt(ReceiptRecord),
    CashMovement(crate::cash::CashMovementRecord),
}

impl TryFrom<EventRecord> for ShiftEvent {
    type Error = RestoreError;

    fn try_from(record: EventRecord) -> Result<Self, Self::Error> {
        Ok(match record {
            EventRecord::Receipt(receipt) => ShiftEvent::Receipt(Receipt::try_from(receipt)?),
            EventRecord::CashMovement(movement) => {
                ShiftEvent::CashMovement(CashMovement::try_from(movement)?)
            }
        })
    }
}

/// The tenders that give `receipt` again: its non-cash payments, and the cash tendered (for a
/// return, a cash tender when part of it was paid back in cash; its amount is not used).
fn tenders_of(receipt: &Receipt) -> Vec<Tender> {
    let currency = receipt.total.currency();
    let mut tenders = Vec::with_capacity(receipt.payments.len().saturating_add(1));
    let non_cash = |payment: &ReceiptPayment| {
        let reference = payment.reference.clone().unwrap_or_default();
        match payment.method {
            PaymentMethod::Card => Some(Tender::Card {
                amount: payment.amount,
                reference,
            }),
            PaymentMethod::Transfer => Some(Tender::Transfer {
                amount: payment.amount,
                reference,
            }),
            PaymentMethod::Cash => None,
        }
    };
    match receipt.kind {
        ReceiptKind::Sale => {
            if let Some(tendered) = receipt.cash_tendered {
                tenders.push(Tender::Cash { tendered });
            }
        }
        ReceiptKind::Return { .. } => {
            let paid_in_cash = receipt
                .payments
                .iter()
                .any(|p| p.method == PaymentMethod::Cash)
                || !receipt.rounding.is_zero();
            if paid_in_cash {
                tenders.push(Tender::Cash {
                    tendered: Money::new(Decimal::new(1, 2), currency),
                });
            }
        }
    }
    tenders.extend(receipt.payments.iter().filter_map(non_cash));
    tenders
}

impl TryFrom<ShiftRecord> for OpenShift {
    type Error = RestoreError;

    fn try_from(record: ShiftRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "OpenShift";
        let register =
            CashRegister::try_from(record.register).map_err(|error| error.within("register"))?;
        let events = record
            .events
            .into_iter()
            .enumerate()
            .map(|(index, event)| {
                ShiftEvent::try_from(event)
                    .map_err(|error| error.within(format!("events[{index}]")))
            })
            .collect::<Result<Vec<_>, _>>()?;
        let last = register.last_receipt;
        let receipts = events
            .iter()
            .filter(|e| matches!(e, ShiftEvent::Receipt(_)))
            .count();
        let before = u64::try_from(receipts)
            .ok()
            .and_then(|count| last.checked_sub(count))
            .ok_or_else(|| {
                RestoreError::inconsistent(
                    WHAT,
                    "register.last_receipt",
                    format!(
                        "the shift holds {receipts} receipts, but the register's last receipt is {last}"
                    ),
                )
            })?;
        // The returns of the shift are replayed; a saved form that lists them must list
        // exactly those (one saved before registers remembered returns lists none).
        let saved_returns: BTreeSet<u64> = register
            .returns
            .range(before.saturating_add(1)..)
            .copied()
            .collect();
        let register = CashRegister {
            last_receipt: before,
            returns: register.returns.range(..=before).copied().collect(),
            ..register
        };
        let mut shift = register
            .open_shift(&record.cashier, record.float, record.opened_at)
            .map_err(|error| {
                let field = match error {
                    RegisterError::Empty { .. } => "cashier",
                    _ => "register.currency",
                };
                RestoreError::invalid(WHAT, field, error)
            })?;
        shift.events.reserve(events.len());
        shift.receipts.reserve(receipts);
        for (index, event) in events.into_iter().enumerate() {
            let at = |field: &str| format!("events[{index}].{field}");
            let receipt = match event {
                ShiftEvent::CashMovement(movement) => {
                    shift.record_cash_movement(movement);
                    continue;
                }
                ShiftEvent::Receipt(receipt) => receipt,
            };
            let expected = shift.register.last_receipt.saturating_add(1);
            if receipt.number != expected {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    at("number"),
                    format!(
                        "is {}, but the receipt after {} is {expected}",
                        receipt.number, shift.register.last_receipt
                    ),
                ));
            }
            if receipt.cashier != shift.cashier {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    at("cashier"),
                    format!(
                        "is {:?}, but the shift's cashier is {:?}",
                        receipt.cashier, shift.cashier
                    ),
                ));
            }
            let tenders = tenders_of(&receipt);
            let rebuilt = shift
                .build(
                    receipt.kind,
                    receipt.lines.clone(),
                    &tenders,
                    receipt.issued_at,
                )
                .map_err(|error| {
                    let field = match error {
                        RegisterError::ReturnOriginal { .. }
                        | RegisterError::UnknownOriginal { .. } => "kind.original",
                        RegisterError::CardReference => "payments",
                        RegisterError::Cash(_) | RegisterError::Tenders { .. } => "cash_tendered",
                        _ => "lines",
                    };
                    RestoreError::invalid(WHAT, at(field), error)
                })?;
            let checks = [
                ("rounding", rebuilt.rounding == receipt.rounding),
                ("payments", rebuilt.payments == receipt.payments),
                ("change", rebuilt.change == receipt.change),
                (
                    "cash_tendered",
                    rebuilt.cash_tendered == receipt.cash_tendered,
                ),
            ];
            let wrong = checks
                .iter()
                .find(|(_, same)| !same)
                .map(|(field, _)| at(field))
                .or_else(|| (rebuilt != receipt).then(|| format!("events[{index}]")));
            if let Some(field) = wrong {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    field,
                    "is not what the receipt's lines and tenders give under the outlet's cash-rounding rule",
                ));
            }
        }
        let replayed: BTreeSet<u64> = shift
            .register
            .returns
            .range(before.saturating_add(1)..)
            .copied()
            .collect();
        if !saved_returns.is_empty() && saved_returns != replayed {
            return Err(RestoreError::inconsistent(
                WHAT,
                "register.returns",
                format!(
                    "lists {saved_returns:?} after receipt {before}, but the shift's return receipts are {replayed:?}"
                ),
            ));
        }
        shift
            .totals()
            .map_err(|error| RestoreError::invalid(WHAT, "events", error))?;
        Ok(shift)
    }
}

impl OpenShift {
    /// Returns the register.
    pub fn register(&self) -> &CashRegister {
        &self.register
    }

    /// Returns the shift's events so far.
    pub fn events(&self) -> &[ShiftEvent] {
        &self.events
    }

    /// Returns the opening float.
    pub fn float(&self) -> &CashCount {
        &self.float
    }

    /// Returns the cashier.
    pub fn cashier(&self) -> &str {
        &self.cashier
    }

    /// Returns when the shift opened.
    pub fn opened_at(&self) -> DateTime<Utc> {
        self.opened_at
    }

    /// Returns the receipt of this shift with this number, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity, ReceiptLine, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let line = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.49)), VatRate::try_new(dec!(21))?)?;
    /// let sale = shift.sell(vec![line], &[Tender::Card { amount: eur(dec!(2.49)), reference: "411111******1111".into() }], at)?;
    /// assert_eq!(shift.receipt(sale.number()), Some(&sale));
    /// assert_eq!(shift.receipt(sale.number() + 1), None);
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn receipt(&self, number: u64) -> Option<&Receipt> {
        let count = u64::try_from(self.receipts.len()).ok()?;
        let first = self
            .register
            .last_receipt
            .checked_sub(count)?
            .checked_add(1)?;
        let offset = usize::try_from(number.checked_sub(first)?).ok()?;
        match self.events.get(*self.receipts.get(offset)?)? {
            ShiftEvent::Receipt(receipt) => Some(receipt),
            ShiftEvent::CashMovement(_) => None,
        }
    }

    /// Checks that `original` can be returned: a receipt the register issued, not a return
    /// (of this shift, or of an earlier one the register remembers), and a sale when it is a
    /// receipt of this shift.
    fn check_original(&self, original: u64) -> Result<(), RegisterError> {
        let last = self.register.last_receipt;
        if original == 0 || original > last {
            return Err(RegisterError::UnknownOriginal { original, last });
        }
        let count = u64::try_from(self.receipts.len()).unwrap_or(u64::MAX);
        let first = last.saturating_sub(count).saturating_add(1);
        let sale = if original < first {
            !self.register.returns.contains(&original)
        } else {
            self.receipt(original)
                .is_some_and(|r| r.kind == ReceiptKind::Sale)
        };
        if sale {
            Ok(())
        } else {
            Err(RegisterError::ReturnOriginal { original })
        }
    }

    /// Returns the shift with another cash-rounding policy: for a shift restored from its
    /// saved form whose register had one (see [`CashRegister`]).
    #[must_use]
    pub fn with_cash_rounding(mut self, policy: CashRounding) -> Self {
        self.register.policy = policy;
        self
    }

    /// Returns the shift with a cap on the cash part of one receipt (see
    /// [`CashRegister::with_cash_limits`]): for a shift restored from its saved form, which
    /// has none.
    #[must_use]
    pub fn with_cash_limits(mut self, limits: Option<CashLimits>) -> Self {
        self.register.cash_limits = limits;
        self
    }

    /// Records a receipt [`OpenShift::compose`] made: the counter moves to its number. The
    /// cash cap is not checked: restoring replays saved receipts through here, and a shift
    /// saved before the cap was enforced still restores.
    fn build(
        &mut self,
        kind: ReceiptKind,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.compose(kind, lines, tenders, at)?;
        Ok(self.record(receipt))
    }

    /// The receipt a sale would give, without recording it: the same VAT, cash rounding,
    /// change and number as [`OpenShift::sell`] with the same arguments, which then
    /// cannot fail. An application uses it to check what must hold outside the register
    /// first (that the drawer can give the change, say) without copying the shift.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::sell`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, RegisterIdentity, ReceiptLine, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new(
    ///     "SIA Apkalpe", "40003521600", "Brīvības iela 1, Rīga", "KA-1", "FM-1", CountryCode::LV,
    /// )?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR)
    ///     .open_shift("Ilze Kalna", CashCount::new(), at)?;
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let line = ReceiptLine::try_new("Kafija", dec!(2), eur(dec!(1.99)), VatRate::try_new(dec!(21))?)?;
    /// let tender = [Tender::Cash { tendered: eur(dec!(10)) }];
    /// let preview = shift.preview_sale(vec![line.clone()], &tender, at)?;
    /// assert_eq!(preview.change(), eur(dec!(6.02)));
    /// assert!(shift.events().is_empty(), "nothing recorded");
    /// assert_eq!(shift.sell(vec![line], &tender, at)?, preview);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn preview_sale(
        &self,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        self.within_cash_cap(self.compose(ReceiptKind::Sale, lines, tenders, at)?)
    }

    /// The receipt a return would give, without recording it; as [`OpenShift::preview_sale`]
    /// for [`OpenShift::refund`].
    ///
    /// # Errors
    ///
    /// As [`OpenShift::refund`].
    pub fn preview_refund(
        &self,
        original: u64,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        self.within_cash_cap(self.compose(ReceiptKind::Return { original }, lines, tenders, at)?)
    }

    /// Refuses a receipt whose cash part is over the register's cap: one operation over the
    /// cap is over it whatever it is linked with. Only the cash part counts; a card or
    /// transfer part of the same receipt does not.
    fn within_cash_cap(&self, receipt: Receipt) -> Result<Receipt, RegisterError> {
        let Some(limits) = self.register.cash_limits else {
            return Ok(receipt);
        };
        let Some(operation) = crate::CashOperation::from_receipt(&receipt)? else {
            return Ok(receipt);
        };
        if limits
            .check(operation.cash())
            .map_err(crate::CashLimitError::from)?
            == CashLimitCheck::Forbidden
        {
            return Err(crate::CashLimitError::Exceeded {
                reference: operation.reference().to_owned(),
                cash: operation.cash(),
                deal: operation.cash(),
                cap: limits.cap(),
                linked: 0,
            }
            .into());
        }
        Ok(receipt)
    }

    /// Records a receipt already composed and checked.
    fn record(&mut self, receipt: Receipt) -> Receipt {
        self.register.last_receipt = receipt.number;
        if let ReceiptKind::Return { .. } = receipt.kind {
            self.register.returns.insert(receipt.number);
        }
        self.receipts.push(self.events.len());
        self.events.push(ShiftEvent::Receipt(receipt.clone()));
        receipt
    }

    /// Computes a receipt numbered after the last one; changes nothing.
    fn compose(
        &self,
        kind: ReceiptKind,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let currency = self.register.currency;
        if lines.is_empty() {
            return Err(RegisterError::NoLines);
        }
        if let ReceiptKind::Return { original } = kind {
            self.check_original(original)?;
        }
        let same = |m: Money| {
            if m.currency() == currency {
                Ok(m)
            } else {
                Err(RegisterError::Currency {
                    expected: currency,
                    found: m.currency(),
                })
            }
        };
        let (vat, total, discounts) = figures(&lines, currency)?;
        let mut non_cash = Money::zero(currency);
        let mut cash: Option<Money> = None;
        let mut payments = Vec::new();
        for tender in tenders {
            match tender {
                Tender::Cash { tendered } => {
                    let tendered = same(*tendered)?;
                    // A return pays back the rounded cash part whatever amount is given.
                    if kind == ReceiptKind::Sale && !tendered.is_positive() {
                        return Err(RegisterError::Tender { found: tendered });
                    }
                    cash = Some(match cash {
                        Some(sum) => sum.checked_add(tendered)?,
                        None => tendered,
                    });
                }
                Tender::Card { amount, reference } | Tender::Transfer { amount, reference } => {
                    let amount = same(*amount)?;
                    if !amount.is_positive() {
                        return Err(RegisterError::Tender { found: amount });
                    }
                    if matches!(tender, Tender::Card { .. }) && holds_card_number(reference) {
                        return Err(RegisterError::CardReference);
                    }
                    non_cash = non_cash.checked_add(amount)?;
                    let method = if matches!(tender, Tender::Card { .. }) {
                        PaymentMethod::Card
                    } else {
                        PaymentMethod::Transfer
                    };
                    payments.push(ReceiptPayment {
                        method,
                        amount,
                        reference: Some(reference.clone()),
                    });
                }
            }
        }
        let tenders_error = || RegisterError::Tenders {
            total,
            non_cash,
            cash: cash.unwrap_or(Money::zero(currency)),
        };
        if non_cash.amount() > total.amount() {
            return Err(tenders_error());
        }
        let (change, rounding) = match cash {
            Some(tendered) => {
                let date = riga_date(at);
                let (policy, country) = (&self.register.policy, self.register.identity.country);
                let tender = match kind {
                    ReceiptKind::Sale => {
                        CashTender::settle(policy, country, date, total, non_cash, tendered)?
                    }
                    ReceiptKind::Return { .. } => {
                        // The shop pays back the rounded cash part; nothing is handed over.
                        let settlement = policy
                            .settle(country, date, total, non_cash)
                            .map_err(CashError::from)?;
                        cash = None;
                        CashTender {
                            tendered: settlement.cash_due,
                            change: Money::zero(currency),
                            settlement,
                        }
                    }
                };
                if !tender.settlement.cash_due.is_zero() {
                    payments.insert(
                        0,
                        ReceiptPayment {
                            method: PaymentMethod::Cash,
                            amount: tender.settlement.cash_due,
                            reference: None,
                        },
                    );
                }
                (tender.change, tender.settlement.difference)
            }
            None => {
                if non_cash != total {
                    return Err(tenders_error());
                }
                (Money::zero(currency), Money::zero(currency))
            }
        };
        let number = self
            .register
            .last_receipt
            .checked_add(1)
            .ok_or(RegisterError::Counter { counter: "receipt" })?;
        let tally = Tally::of(total, rounding, discounts, &vat, &payments);
        let receipt = Receipt {
            number,
            kind,
            issued_at: at,
            cashier: self.cashier.clone(),
            lines,
            vat,
            total,
            payments,
            cash_tendered: cash,
            change,
            rounding,
            discounts,
            tally,
        };
        Ok(receipt)
    }

    /// Records a sale: computes VAT per rate, rounds the cash part under the outlet's
    /// cash-rounding rule, computes the change, and numbers the receipt.
    ///
    /// # Errors
    ///
    /// [`RegisterError::NoLines`]; [`RegisterError::Currency`];
    /// [`RegisterError::Tender`] for a tender ≤ 0; [`RegisterError::Tenders`] when the
    /// tenders do not settle the total; [`RegisterError::Cash`] for too little cash
    /// (`cash.insufficient_tender`) or a rounding rule missing for the date;
    /// [`RegisterError::CardReference`] for a card tender whose reference could be a card
    /// number; [`RegisterError::CashLimit`] (`cash_limit.exceeded`) when the register has a
    /// cap ([`CashRegister::with_cash_limits`]) and the cash part is over it (the card part
    /// does not count);
    /// [`RegisterError::Counter`].
    ///
    /// # Example: over the cash cap
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashLimits, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR)
    ///     .with_cash_limits(Some(CashLimits::latvia()))
    ///     .open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let laptops = || ReceiptLine::try_new("Klēpjdators", dec!(12), eur(dec!(815.66)), VatRate::try_new(dec!(21)).unwrap());
    /// let all_cash = shift.sell(vec![laptops()?], &[Tender::Cash { tendered: eur(dec!(9787.92)) }], at);
    /// assert_eq!(all_cash.unwrap_err().code(), "cash_limit.exceeded");
    /// assert!(shift.events().is_empty());
    /// let part_card = [
    ///     Tender::Cash { tendered: eur(dec!(7000)) },
    ///     Tender::Card { amount: eur(dec!(2787.92)), reference: "411111******1111".into() },
    /// ];
    /// assert!(shift.sell(vec![laptops()?], &part_card, at).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sell(
        &mut self,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.preview_sale(lines, tenders, at)?;
        Ok(self.record(receipt))
    }

    /// Records a return of the `lines` of receipt `original` (which may be from an earlier
    /// shift), refunded by the `tenders`. For a cash refund the amount of the
    /// [`Tender::Cash`] is not used, and may be 0 (it must be in the register's currency):
    /// the shop pays back the cash part rounded under the same rule as a sale (`docs/sources.md`
    /// §1: cash refunds are rounded too), and no change arises.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::sell`] (a cash tender of any amount is accepted);
    /// [`RegisterError::UnknownOriginal`] when the register never issued `original` (0, or
    /// after its last receipt); [`RegisterError::ReturnOriginal`] when `original` is a
    /// return receipt (of this shift, or of an earlier shift of this register, since the
    /// register remembers the numbers of its returns).
    ///
    /// A register continued with [`CashRegister::with_counters`], or restored from a form
    /// saved before it remembered its returns, knows nothing of the kind of the receipts
    /// before: they are accepted as originals.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{CashCount, CashRegister, ReceiptLine, RegisterIdentity, Tender};
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let line = || ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.49)), VatRate::try_new(dec!(21)).unwrap());
    /// let sale = shift.sell(vec![line()?], &[Tender::Cash { tendered: eur(dec!(5)) }], at)?;
    /// // The cash amount of a refund is not used: 0 will do.
    /// let back = shift.refund(sale.number(), vec![line()?], &[Tender::Cash { tendered: eur(dec!(0)) }], at)?;
    /// assert_eq!(back.total(), eur(dec!(2.49)));
    /// // Receipt 9 was never issued; receipt 2 is the return itself.
    /// let error = shift.refund(9, vec![line()?], &[Tender::Cash { tendered: eur(dec!(0)) }], at).unwrap_err();
    /// assert_eq!(error.code(), "register.unknown_original");
    /// let error = shift.refund(2, vec![line()?], &[Tender::Cash { tendered: eur(dec!(0)) }], at).unwrap_err();
    /// assert_eq!(error.code(), "register.return_original");
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn refund(
        &mut self,
        original: u64,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.preview_refund(original, lines, tenders, at)?;
        Ok(self.record(receipt))
    }

    /// Records a sale as [`OpenShift::sell`] does, and registers the receipt on the fiscal
    /// device first (MK 96: a receipt is issued by the device): a device that is offline or
    /// refuses leaves the shift unchanged, and the receipt number is not used.
    ///
    /// [`OpenShift::sell`] itself does not call a device: it is for a register whose
    /// receipts the integrator sends to the device by other means, and for tests.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::sell`]; [`RegisterError::FiscalDevice`] with the device's
    /// [`FiscalDeviceError`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{CountryCode, Currency, Money, VatRate};
    /// use apkalpe_payments::{
    ///     CashCount, CashRegister, FiscalDevice, FiscalDeviceError, Receipt, ReceiptLine,
    ///     RegisterIdentity, Tender, XReport, ZReport,
    /// };
    /// use chrono::{TimeZone, Utc};
    /// use rust_decimal_macros::dec;
    ///
    /// /// A device that is online or not, and counts what it registered.
    /// struct Device { online: bool, receipts: u64 }
    /// impl FiscalDevice for Device {
    ///     fn register_receipt(&mut self, _: &RegisterIdentity, _: &Receipt) -> Result<(), FiscalDeviceError> {
    ///         if !self.online { return Err(FiscalDeviceError::Unavailable); }
    ///         self.receipts += 1;
    ///         Ok(())
    ///     }
    ///     fn print_x_report(&mut self, _: &XReport) -> Result<(), FiscalDeviceError> { Ok(()) }
    ///     fn close_day(&mut self, _: &ZReport) -> Result<(), FiscalDeviceError> { Ok(()) }
    /// }
    ///
    /// let identity = RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", CountryCode::LV)?;
    /// let at = Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap();
    /// let mut shift = CashRegister::new(identity, Currency::EUR).open_shift("Anna", CashCount::new(), at)?;
    /// let eur = |d| Money::new(d, Currency::EUR);
    /// let line = || ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.49)), VatRate::try_new(dec!(21)).unwrap());
    /// let card = [Tender::Card { amount: eur(dec!(2.49)), reference: "411111******1111".into() }];
    ///
    /// let mut device = Device { online: false, receipts: 0 };
    /// let error = shift.sell_on(&mut device, vec![line()?], &card, at).unwrap_err();
    /// assert_eq!(error.code(), "fiscal_device.unavailable");
    /// assert_eq!(shift.register().last_receipt(), 0, "no number used");
    ///
    /// device.online = true;
    /// let receipt = shift.sell_on(&mut device, vec![line()?], &card, at)?;
    /// assert_eq!((receipt.number(), device.receipts), (1, 1));
    /// # Ok::<(), apkalpe_payments::PaymentsError>(())
    /// ```
    pub fn sell_on<D: FiscalDevice + ?Sized>(
        &mut self,
        device: &mut D,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.preview_sale(lines, tenders, at)?;
        device.register_receipt(&self.register.identity, &receipt)?;
        Ok(self.record(receipt))
    }

    /// Records a return as [`OpenShift::refund`] does, and registers the receipt on the
    /// fiscal device first; as [`OpenShift::sell_on`], a device that is offline or refuses
    /// leaves the shift unchanged.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::refund`]; [`RegisterError::FiscalDevice`].
    pub fn refund_on<D: FiscalDevice + ?Sized>(
        &mut self,
        device: &mut D,
        original: u64,
        lines: Vec<ReceiptLine>,
        tenders: &[Tender],
        at: DateTime<Utc>,
    ) -> Result<Receipt, RegisterError> {
        let receipt = self.preview_refund(original, lines, tenders, at)?;
        device.register_receipt(&self.register.identity, &receipt)?;
        Ok(self.record(receipt))
    }

    /// Takes an X report as [`OpenShift::x_report`] does and prints it on the fiscal device.
    ///
    /// # Errors
    ///
    /// As [`OpenShift::x_report`]; [`RegisterError::FiscalDevice`].
    pub fn x_report_on<D: FiscalDevice + ?Sized>(
        &self,
        device: &mut D,
        at: DateTime<Utc>,
    ) -> Result<XReport, RegisterError> {
        let report = self.x_report(at)?;
        device.print_x_report(&report)?;
        Ok(report)
    }

    /// Closes the shift as [`OpenShift::close`] does, after the fiscal device has closed the
    /// day with the Z report. When the device is offline or refuses, or the report cannot
    /// be computed, the shift comes back unchanged with the error, still open.
    ///
    /// # Errors
    ///
    /// The shift and, as [`OpenShift::close`], the error, or [`RegisterError::FiscalDevice`].
    pub fn close_on<D: FiscalDevice + ?Sized>(
        self,
        device: &mut D,
        counted: CashCount,
        at: DateTime<Utc>,
    ) -> Result<(CashRegister, ZReport), (Box<OpenShift>, RegisterError)> {
        let (register, report) = match self.clone().close(counted, at) {
            Ok(closed) => closed,
            Err(error) => return Err((Box::new(self), error)),
        };
        match device.close_day(&report) {
            Ok(()) => Ok((register, report)),
            Err(error) => Err((Box::new(self), error.into())),
        }
    }

    /// Records a cash deposit or payout.
    pub fn record_cash_movement(&mut self, movement: CashMovement) {
        self.events.push(ShiftEvent::CashMovement(movement));
    }

    /// Returns the totals so far.
    ///
    /// # Errors
    ///
    /// As [`ShiftTotals::compute`].
    pub fn totals(&self) -> Result<ShiftTotals, RegisterError> {
        ShiftTotals::compute(self.float.total(), &self.events)
    }

    /// Takes an X report: the totals so far; nothing is reset.
    ///
    /// # Errors
    ///
    /// As [`ShiftTotals::compute`].
    pub fn x_report(&self, at: DateTime<Utc>) -> Result<XReport, RegisterError> {
        Ok(XReport {
            identity: self.register.identity.clone(),
            cashier: self.cashier.clone(),
            opened_at: self.opened_at,
            at,
            totals: self.totals()?,
        })
    }

    /// Closes the shift with the cash counted: returns the register (counters moved on) and
    /// the numbered Z report with the over or short amount.
    ///
    /// # Errors
    ///
    /// As [`ShiftTotals::compute`]; [`RegisterError::Counter`].
    pub fn close(
        self,
        counted: CashCount,
        at: DateTime<Utc>,
    ) -> Result<(CashRegister, ZReport), RegisterError> {
        let totals = self.totals()?;
        let mut register = self.register;
        let number = register
            .last_z
            .checked_add(1)
            .ok_or(RegisterError::Counter {
                counter: "z report",
            })?;
        let over_short = counted.total().checked_sub(totals.expected_cash)?;
        let grand_total = register
            .grand_total
            .checked_add(totals.sales_total)?
            .checked_sub(totals.returns_total)?;
        register.last_z = number;
        register.grand_total = grand_total;
        let report = ZReport {
            number,
            identity: register.identity.clone(),
            cashier: self.cashier,
            opened_at: self.opened_at,
            at,
            totals,
            counted,
            over_short,
            grand_total,
        };
        Ok((register, report))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn eur(amount: Decimal) -> Money {
        Money::new(amount, Currency::EUR)
    }

    fn rate(percent: Decimal) -> VatRate {
        VatRate::try_new(percent).unwrap()
    }

    fn shift(country: CountryCode) -> OpenShift {
        let identity =
            RegisterIdentity::try_new("SIA Demo", "40003521600", "Rīga", "KA-1", "FM-1", country)
                .unwrap();
        let at = DateTime::<Utc>::from_timestamp(1_795_000_000, 0).unwrap();
        CashRegister::new(identity, Currency::EUR)
            .open_shift("Anna", CashCount::new(), at)
            .unwrap()
    }

    #[test]
    fn percent_discount_is_rounded_half_away_from_zero_and_vat_is_on_the_discounted_amount() {
        let line = ReceiptLine::try_new("Kafija", dec!(1), eur(dec!(2.50)), rate(dec!(21)))
            .unwrap()
            .with_discount(Discount::Percent(dec!(15)), "akcija")
            .unwrap();
        // 15 % of 2.50 = 0.375 → 0.38; 2.50 − 0.38 = 2.12.
        assert_eq!(line.discount().unwrap().amount(), eur(dec!(0.38)));
        assert_eq!(line.amount(), eur(dec!(2.12)));
        let mut shift = shift(CountryCode::LV);
        let at = shift.opened_at;
        let receipt = shift
            .sell(
                vec![line],
                &[Tender::Card {
                    amount: eur(dec!(2.12)),
                    reference: "c".into(),
                }],
                at,
            )
            .unwrap();
        // VAT on 2.12, not on 2.50: 2.12 × 21/121 = 0.3679 → 0.37.
        let vat = receipt.vat().first().unwrap();
        assert_eq!((vat.net, vat.vat), (eur(dec!(1.75)), eur(dec!(0.37))));
        assert_eq!(receipt.discounts(), eur(dec!(0.38)));
    }

    #[test]
    fn a_second_discount_replaces_the_first() {
        let line = ReceiptLine::try_new("Krēsls", dec!(1), eur(dec!(10)), rate(dec!(21)))
            .unwrap()
            .with_discount(Discount::Amount(eur(dec!(3))), "a")
            .unwrap()
            .with_discount(Discount::Percent(dec!(100)), "b")
            .unwrap();
        assert!(line.amount().is_zero());
        assert_eq!(line.amount_before_discount(), eur(dec!(10.00)));
        assert_eq!(line.discount().unwrap().reason(), "b");
    }

    #[test]
    fn the_cent_tally_and_the_decimal_path_give_the_same_totals() {
        for country in [CountryCode::LV, CountryCode::LT] {
            let mut shift = shift(country);
            let at = shift.opened_at;
            let rates = [dec!(21), dec!(12), dec!(5), dec!(0), dec!(9.5)].map(rate);
            for i in 0..200i64 {
                let price = eur(Decimal::new(7 + i * 37 % 4000, 2));
                let mut line = ReceiptLine::try_new(
                    "Prece",
                    Decimal::new(1 + i % 3, 0),
                    price,
                    *rates.get((i % 5) as usize).unwrap(),
                )
                .unwrap();
                if i % 4 == 0 {
                    line = line
                        .with_discount(Discount::Percent(dec!(12.5)), "akcija")
                        .unwrap();
                }
                let mut lines = vec![line];
                if i % 7 == 0 {
                    // An unscaled price: its amount is whole cents of a lower scale.
                    lines.push(
                        ReceiptLine::try_new("Cita", dec!(1), eur(dec!(3)), rates[0]).unwrap(),
                    );
                }
                let total =
                    Money::try_sum(Currency::EUR, lines.iter().map(|l| l.amount())).unwrap();
                let tenders = match i % 3 {
                    0 => vec![Tender::Cash {
                        tendered: total.checked_add(eur(dec!(5))).unwrap(),
                    }],
                    1 => vec![Tender::Card {
                        amount: total,
                        reference: "c".into(),
                    }],
                    _ => vec![Tender::Transfer {
                        amount: total,
                        reference: "t".into(),
                    }],
                };
                // Receipt 1 (i = 0) is a sale; later returns give part of it back.
                if i % 9 == 0 && i > 0 {
                    shift.refund(1, lines, &tenders, at).unwrap();
                } else {
                    shift.sell(lines, &tenders, at).unwrap();
                }
            }
            shift.record_cash_movement(
                CashMovement::try_new(CashMovementKind::Deposit, eur(dec!(20)), "x", "KIO-1")
                    .unwrap(),
            );
            let float = eur(dec!(50));
            let fast = ShiftTotals::compute(float, shift.events()).unwrap();
            assert!(
                shift
                    .events()
                    .iter()
                    .any(|e| matches!(e, ShiftEvent::Receipt(r) if r.tally.is_some()))
            );
            let slow: Vec<ShiftEvent> = shift
                .events()
                .iter()
                .cloned()
                .map(|e| match e {
                    ShiftEvent::Receipt(mut r) => {
                        r.tally = None;
                        ShiftEvent::Receipt(r)
                    }
                    other => other,
                })
                .collect();
            let slow = ShiftTotals::compute(float, &slow).unwrap();
            assert_eq!(fast, slow);
            // Same scale too, not only the same value.
            assert_eq!(fast.sales_total.to_string(), slow.sales_total.to_string());
            assert_eq!(
                serde_json::to_string(&fast).unwrap(),
                serde_json::to_string(&slow).unwrap()
            );
            assert!(fast.sales_discounts.is_positive());
        }
    }
}
