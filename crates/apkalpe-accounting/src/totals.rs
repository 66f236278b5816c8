//! Document totals and the VAT breakdown, computed the EN 16931 way.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::rounding::Rounding;
use apkalpe_core::{Currency, Money, MoneyError, VatCategory, VatRate};
use rust_decimal::Decimal;

use crate::line::{AdjustmentKind, DocumentAdjustment, InvoiceLine, LineVat, RoundingPolicy};

/// One row of the VAT breakdown (EN 16931 BG-23): the taxable amount and the VAT of one VAT
/// category and rate.
///
/// `taxable_amount` = the line net amounts of the category and rate − document allowances +
/// document charges of the same category and rate (BR-S-08 and its siblings); `vat_amount`
/// = `taxable_amount × rate / 100`, rounded to the cent once, with the policy's VAT
/// rounding.
///
/// # Saved form
///
/// `{"vat": {"category", "rate"}, "taxable_amount", "vat_amount"}`. It deserialises through
/// its checks: both amounts in one currency and in cents, and the VAT amount within two cents
/// of `taxable_amount × rate / 100` (half a cent of rounding with any strategy, plus the one
/// cent a credit note's cumulative rounding may move it, EN 16931 BR-CO-17).
///
/// # Examples
///
/// See [`DocumentTotals`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "VatBreakdownRecord"))]
pub struct VatBreakdown {
    vat: LineVat,
    taxable_amount: Money,
    vat_amount: Money,
}

impl VatBreakdown {
    /// Returns the VAT category.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_core::VatCategory;
    /// assert_eq!(invoice.totals().vat_breakdown()[0].category(), VatCategory::Standard);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn category(&self) -> VatCategory {
        self.vat.category()
    }

    /// Returns the rate.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().vat_breakdown()[0].rate(), VatRate::try_new(dec!(21))?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rate(&self) -> VatRate {
        self.vat.rate()
    }

    /// Returns the category and rate together.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().vat_breakdown()[0].vat(), chair.vat());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat(&self) -> LineVat {
        self.vat
    }

    /// Returns the taxable amount (BT-116).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().vat_breakdown()[0].taxable_amount(), Money::new(dec!(179.80), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn taxable_amount(&self) -> Money {
        self.taxable_amount
    }

    /// Returns the VAT amount (BT-117).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// // 21 % of 179.80 = 37.758 → 37.76.
    /// assert_eq!(invoice.totals().vat_breakdown()[0].vat_amount(), Money::new(dec!(37.76), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_amount(&self) -> Money {
        self.vat_amount
    }
}

/// The totals of an invoice or credit note (EN 16931 BG-22), with the VAT breakdown.
///
/// Where rounding happens, and nowhere else:
/// 1. each line net amount: `round(quantity × unit price)` to the cent (policy line
///    rounding), then line allowances and charges, already in cents;
/// 2. each VAT breakdown row: `round(taxable amount × rate / 100)` to the cent (policy VAT
///    rounding).
///
/// Everything else is an exact sum: BT-106 = Σ line nets; BT-109 = BT-106 − BT-107 +
/// BT-108; BT-110 = Σ row VAT; BT-112 = BT-109 + BT-110; BT-115 = BT-112 − BT-113 + BT-114.
/// The rounding amount BT-114 is zero unless the policy rounds the amount due
/// ([`RoundingPolicy::try_with_payable`]): then BT-115 is `BT-112 − BT-113` rounded with it,
/// and BT-114 the difference.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DocumentTotals, InvoiceLine, LineVat, Quantity, RoundingPolicy, UnitCode};
/// use apkalpe_core::{Currency, Money, VatRate};
/// use rust_decimal_macros::dec;
///
/// let eur = |amount| Money::new(amount, Currency::EUR);
/// let vat21 = LineVat::standard(VatRate::try_new(dec!(21))?)?;
/// let vat12 = LineVat::standard(VatRate::try_new(dec!(12))?)?;
/// let lines = [
///     InvoiceLine::try_new("Kafija", Quantity::try_new(dec!(3))?, UnitCode::PIECE, eur(dec!(2.15)), vat21)?,
///     InvoiceLine::try_new("Maize", Quantity::try_new(dec!(1))?, UnitCode::PIECE, eur(dec!(1.05)), vat12)?,
/// ];
/// let totals = DocumentTotals::compute(Currency::EUR, &lines, &[], None, &RoundingPolicy::EN_16931)?;
/// assert_eq!(totals.line_total().to_string(), "7.50 EUR");
/// // 6.45 × 21 % = 1.3545 → 1.35; 1.05 × 12 % = 0.126 → 0.13
/// assert_eq!(totals.vat_total().to_string(), "1.48 EUR");
/// assert_eq!(totals.amount_due().to_string(), "8.98 EUR");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// The fields above by name (`line_nets`, `line_total`, `allowance_total`, `charge_total`,
/// `tax_exclusive`, `vat_breakdown`, `vat_total`, `tax_inclusive`, `prepaid`, `rounding`,
/// `amount_due`), amounts as `{"amount", "currency"}`; `rounding` is left out when it is zero.
/// It deserialises through its checks: every amount in one currency, the rounding in
/// cents; each exact sum above holds (`restore.inconsistent` names the total that does
/// not, e.g. `amount_due`); the breakdown has one row per category and rate, in order, each
/// row valid (see [`VatBreakdown`]), and its taxable amounts add up to BT-109; allowances and
/// charges are not negative. An invoice or credit note restores its totals by recomputing
/// them from its lines instead.
///
/// ```
/// # use apkalpe_accounting::{DocumentTotals, InvoiceLine, LineVat, Quantity, RoundingPolicy, UnitCode};
/// # use apkalpe_core::{Currency, Money, VatRate};
/// # use rust_decimal_macros::dec;
/// # let vat21 = LineVat::standard(VatRate::try_new(dec!(21))?)?;
/// # let lines = [InvoiceLine::try_new("Kafija", Quantity::try_new(dec!(3))?, UnitCode::PIECE, Money::new(dec!(2.15), Currency::EUR), vat21)?];
/// let totals = DocumentTotals::compute(Currency::EUR, &lines, &[], None, &RoundingPolicy::EN_16931)?;
/// let json = serde_json::to_string(&totals)?;
/// assert_eq!(serde_json::from_str::<DocumentTotals>(&json)?, totals);
///
/// let edited = json.replace(r#""amount_due":{"amount":"7.80""#, r#""amount_due":{"amount":"7.81""#);
/// let error = serde_json::from_str::<DocumentTotals>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.inconsistent: cannot restore DocumentTotals: amount_due:"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DocumentTotalsRecord"))]
pub struct DocumentTotals {
    line_nets: Vec<Money>,
    line_total: Money,
    allowance_total: Money,
    charge_total: Money,
    tax_exclusive: Money,
    vat_breakdown: Vec<VatBreakdown>,
    vat_total: Money,
    tax_inclusive: Money,
    prepaid: Money,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Money::is_zero"))]
    rounding: Money,
    amount_due: Money,
}

/// How far a VAT breakdown row's VAT amount (BT-117) may lie from `round(taxable × rate /
/// 100)`: one cent. EN 16931 BR-CO-17 (fatal) accepts up to ±1 of the currency unit; one cent
/// is all that cumulative rounding across credit notes ever needs.
pub(crate) const ROW_VAT_TOLERANCE: Decimal = Decimal::from_parts(1, 0, 0, false, 2);

#[cfg(feature = "serde")]
/// How far a breakdown row's VAT amount may lie from the exact `taxable × rate / 100`: less
/// than a cent of rounding with any strategy, plus [`ROW_VAT_TOLERANCE`].
const ROW_VAT_EXACT_TOLERANCE: Decimal = Decimal::from_parts(2, 0, 0, false, 2);

#[cfg(feature = "serde")]
/// The most decimal places of a rounded amount: totals are rounded to the cent.
const CENT_PLACES: u32 = 2;

#[cfg(feature = "serde")]
/// The saved form of a [`VatBreakdown`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct VatBreakdownRecord {
    vat: LineVat,
    taxable_amount: Money,
    vat_amount: Money,
}

#[cfg(feature = "serde")]
impl TryFrom<VatBreakdownRecord> for VatBreakdown {
    type Error = RestoreError;

    fn try_from(record: VatBreakdownRecord) -> Result<Self, Self::Error> {
        let row = VatBreakdown::from_record(record);
        row.check("VatBreakdown")?;
        Ok(row)
    }
}

impl VatBreakdown {
    #[cfg(feature = "serde")]
    /// Takes a saved row as it is, unchecked.
    fn from_record(record: VatBreakdownRecord) -> Self {
        VatBreakdown {
            vat: record.vat,
            taxable_amount: record.taxable_amount,
            vat_amount: record.vat_amount,
        }
    }

    #[cfg(feature = "serde")]
    /// Checks a restored row for `what` (the value holding it): one currency, cents, VAT
    /// within tolerance of the exact amount.
    fn check(&self, what: &'static str) -> Result<(), RestoreError> {
        if self.vat_amount.currency() != self.taxable_amount.currency() {
            return Err(RestoreError::inconsistent(
                what,
                "vat_amount",
                format_args!(
                    "in {}, the taxable amount in {}",
                    self.vat_amount.currency(),
                    self.taxable_amount.currency()
                ),
            )
            .with_latvian_reason(format_args!(
                "valūtā {}, bet apliekamā summa valūtā {}",
                self.vat_amount.currency(),
                self.taxable_amount.currency()
            )));
        }
        for (field, amount) in [
            ("taxable_amount", self.taxable_amount),
            ("vat_amount", self.vat_amount),
        ] {
            if amount.amount().normalize().scale() > CENT_PLACES {
                return Err(RestoreError::inconsistent(
                    what,
                    field,
                    format_args!("{amount} is not rounded to the cent"),
                )
                .with_latvian_reason(format_args!("{amount} nav noapaļots līdz centam")));
            }
        }
        let exact = self
            .taxable_amount
            .amount()
            .checked_mul(self.vat.rate().as_fraction());
        let deviation = exact.and_then(|exact| self.vat_amount.amount().checked_sub(exact));
        if deviation.is_none_or(|deviation| deviation.abs() > ROW_VAT_EXACT_TOLERANCE) {
            return Err(RestoreError::inconsistent(
                what,
                "vat_amount",
                format_args!(
                    "{} is not {} × {} rounded",
                    self.vat_amount,
                    self.taxable_amount,
                    self.vat.rate()
                ),
            )
            .with_latvian_reason(format_args!(
                "{} nav noapaļots reizinājums {} × {}",
                self.vat_amount,
                self.taxable_amount,
                self.vat.rate()
            )));
        }
        Ok(())
    }
}

#[cfg(feature = "serde")]
/// The saved form of [`DocumentTotals`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct DocumentTotalsRecord {
    line_nets: Vec<Money>,
    line_total: Money,
    allowance_total: Money,
    charge_total: Money,
    tax_exclusive: Money,
    vat_breakdown: Vec<VatBreakdownRecord>,
    vat_total: Money,
    tax_inclusive: Money,
    prepaid: Money,
    #[cfg_attr(feature = "serde", serde(default))]
    rounding: Option<Money>,
    amount_due: Money,
}

#[cfg(feature = "serde")]
impl TryFrom<DocumentTotalsRecord> for DocumentTotals {
    type Error = RestoreError;

    fn try_from(record: DocumentTotalsRecord) -> Result<Self, Self::Error> {
        let totals = DocumentTotals::from_record(record);
        totals.check()?;
        Ok(totals)
    }
}

impl DocumentTotals {
    #[cfg(feature = "serde")]
    /// Takes saved totals as they are, unchecked: a document compares them with the totals
    /// its lines give.
    pub(crate) fn from_record(record: DocumentTotalsRecord) -> Self {
        DocumentTotals {
            line_nets: record.line_nets,
            line_total: record.line_total,
            allowance_total: record.allowance_total,
            charge_total: record.charge_total,
            tax_exclusive: record.tax_exclusive,
            vat_breakdown: record
                .vat_breakdown
                .into_iter()
                .map(VatBreakdown::from_record)
                .collect(),
            vat_total: record.vat_total,
            tax_inclusive: record.tax_inclusive,
            prepaid: record.prepaid,
            rounding: record
                .rounding
                .unwrap_or_else(|| Money::zero(record.amount_due.currency())),
            amount_due: record.amount_due,
        }
    }

    #[cfg(feature = "serde")]
    /// Checks restored totals on their own: one currency, every exact sum, the breakdown.
    fn check(&self) -> Result<(), RestoreError> {
        const WHAT: &str = "DocumentTotals";
        let currency = self.line_total.currency();
        let amounts = self
            .line_nets
            .iter()
            .enumerate()
            .map(|(index, net)| (format!("line_nets[{index}]"), *net))
            .chain(
                self.vat_breakdown
                    .iter()
                    .enumerate()
                    .flat_map(|(index, row)| {
                        [
                            (
                                format!("vat_breakdown[{index}].taxable_amount"),
                                row.taxable_amount,
                            ),
                            (format!("vat_breakdown[{index}].vat_amount"), row.vat_amount),
                        ]
                    }),
            )
            .chain(
                [
                    ("allowance_total", self.allowance_total),
                    ("charge_total", self.charge_total),
                    ("tax_exclusive", self.tax_exclusive),
                    ("vat_total", self.vat_total),
                    ("tax_inclusive", self.tax_inclusive),
                    ("prepaid", self.prepaid),
                    ("rounding", self.rounding),
                    ("amount_due", self.amount_due),
                ]
                .map(|(field, amount)| (field.to_owned(), amount)),
            );
        for (field, amount) in amounts {
            if amount.currency() != currency {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    field,
                    format_args!("in {}, the document in {currency}", amount.currency()),
                )
                .with_latvian_reason(format_args!(
                    "valūtā {}, bet dokuments valūtā {currency}",
                    amount.currency()
                )));
            }
        }
        for (field, amount) in [
            ("allowance_total", self.allowance_total),
            ("charge_total", self.charge_total),
        ] {
            if amount.is_negative() {
                return Err(RestoreError::inconsistent(
                    WHAT,
                    field,
                    format_args!("{amount} is negative"),
                )
                .with_latvian_reason(format_args!("{amount} ir negatīva summa")));
            }
        }
        fn sum(
            field: &'static str,
            amounts: impl Iterator<Item = Decimal>,
        ) -> Result<Decimal, RestoreError> {
            let mut total = Decimal::ZERO;
            for amount in amounts {
                total = total.checked_add(amount).ok_or_else(|| {
                    RestoreError::inconsistent("DocumentTotals", field, "the sum overflows")
                        .with_latvian_reason("summa ir pārāk liela")
                })?;
            }
            Ok(total)
        }
        let equal = |field: &'static str, saved: Money, expected: Option<Decimal>| match expected {
            Some(expected) if expected == saved.amount() => Ok(()),
            Some(expected) => Err(RestoreError::inconsistent(
                WHAT,
                field,
                format_args!(
                    "saved {saved}, the amounts give {}",
                    Money::new(expected, currency)
                ),
            )
            .with_latvian_reason(format_args!(
                "saglabāts {saved}, bet pēc summām sanāk {}",
                Money::new(expected, currency)
            ))),
            None => Err(RestoreError::inconsistent(WHAT, field, "the sum overflows")
                .with_latvian_reason("summa ir pārāk liela")),
        };
        let nets = sum("line_total", self.line_nets.iter().map(Money::amount))?;
        equal("line_total", self.line_total, Some(nets))?;
        equal(
            "tax_exclusive",
            self.tax_exclusive,
            self.line_total
                .amount()
                .checked_sub(self.allowance_total.amount())
                .and_then(|amount| amount.checked_add(self.charge_total.amount())),
        )?;
        for (index, row) in self.vat_breakdown.iter().enumerate() {
            row.check(WHAT)
                .map_err(|error| error.within(format_args!("vat_breakdown[{index}]")))?;
            if let Some(previous) = index
                .checked_sub(1)
                .and_then(|previous| self.vat_breakdown.get(previous))
            {
                let ordered = previous
                    .category()
                    .code()
                    .cmp(row.category().code())
                    .then(row.rate().cmp(&previous.rate()));
                if ordered != std::cmp::Ordering::Less {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        format!("vat_breakdown[{index}].vat"),
                        "rows are one per category and rate, by category code, then rate from the highest",
                    )
                    .with_latvian_reason(
                        "pa vienai rindai katrai kategorijai un likmei, pēc kategorijas koda, tad pēc likmes no augstākās",
                    ));
                }
            }
        }
        let taxable = sum(
            "tax_exclusive",
            self.vat_breakdown
                .iter()
                .map(|row| row.taxable_amount.amount()),
        )?;
        equal("tax_exclusive", self.tax_exclusive, Some(taxable))?;
        let vat = sum(
            "vat_total",
            self.vat_breakdown.iter().map(|row| row.vat_amount.amount()),
        )?;
        equal("vat_total", self.vat_total, Some(vat))?;
        equal(
            "tax_inclusive",
            self.tax_inclusive,
            self.tax_exclusive
                .amount()
                .checked_add(self.vat_total.amount()),
        )?;
        if self.rounding.amount().normalize().scale() > CENT_PLACES {
            return Err(RestoreError::inconsistent(
                WHAT,
                "rounding",
                format_args!("{} is not in cents", self.rounding),
            )
            .with_latvian_reason(format_args!("{} nav veselos centos", self.rounding)));
        }
        equal(
            "amount_due",
            self.amount_due,
            self.tax_inclusive
                .amount()
                .checked_sub(self.prepaid.amount())
                .and_then(|amount| amount.checked_add(self.rounding.amount())),
        )?;
        Ok(())
    }
}

/// The running sums of one VAT category and rate.
struct Group {
    vat: LineVat,
    /// The category and the rate's bytes: rates are normalised, so equal rates have equal
    /// bytes, and comparing bytes is cheaper than comparing decimals.
    key: (VatCategory, [u8; 16]),
    taxable: Decimal,
}

/// Adds `amount` to the group of `vat`, creating it when new. Few groups exist, so a linear
/// search beats a map.
fn add_to_group(groups: &mut Vec<Group>, vat: LineVat, amount: Decimal) -> Result<(), MoneyError> {
    let overflow = MoneyError::Overflow { operation: "sum" };
    let key = (vat.category(), vat.rate().percent().serialize());
    match groups.iter_mut().find(|group| group.key == key) {
        Some(group) => {
            group.taxable = group.taxable.checked_add(amount).ok_or(overflow)?;
        }
        None => groups.push(Group {
            vat,
            key,
            taxable: amount,
        }),
    }
    Ok(())
}

impl DocumentTotals {
    /// Computes the totals of lines and document allowances and charges, minus a prepaid
    /// amount (BT-113).
    ///
    /// The breakdown is ordered by category code, then by rate from the highest.
    ///
    /// # Errors
    ///
    /// [`MoneyError::CurrencyMismatch`] when an amount is not in `currency`;
    /// [`MoneyError::Overflow`] when a sum does not fit.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// use apkalpe_accounting::{DocumentTotals, RoundingPolicy};
    /// let totals = DocumentTotals::compute(Currency::EUR, &[chair], &[], None, &RoundingPolicy::default())?;
    /// assert_eq!(&totals, invoice.totals());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn compute(
        currency: Currency,
        lines: &[InvoiceLine],
        adjustments: &[DocumentAdjustment],
        prepaid: Option<Money>,
        policy: &RoundingPolicy,
    ) -> Result<Self, MoneyError> {
        let overflow = MoneyError::Overflow { operation: "sum" };
        let check = |money: Money, operation| {
            if money.currency() == currency {
                Ok(money.amount())
            } else {
                Err(MoneyError::CurrencyMismatch {
                    operation,
                    left: currency,
                    right: money.currency(),
                })
            }
        };
        let mut groups: Vec<Group> = Vec::new();
        let mut line_nets = Vec::with_capacity(lines.len());
        let mut line_total = Decimal::ZERO;
        for line in lines {
            check(line.unit_price(), "sum")?;
            let net = line.net_amount(policy)?;
            let amount = check(net, "sum")?;
            line_total = line_total.checked_add(amount).ok_or(overflow.clone())?;
            add_to_group(&mut groups, line.vat(), amount)?;
            line_nets.push(net);
        }
        let mut allowance_total = Decimal::ZERO;
        let mut charge_total = Decimal::ZERO;
        for document_adjustment in adjustments {
            let adjustment = document_adjustment.adjustment();
            let amount = check(adjustment.amount(), "sum")?;
            let total = match adjustment.kind() {
                AdjustmentKind::Allowance => &mut allowance_total,
                AdjustmentKind::Charge => &mut charge_total,
            };
            *total = total.checked_add(amount).ok_or(overflow.clone())?;
            add_to_group(
                &mut groups,
                document_adjustment.vat(),
                adjustment.signed_amount().amount(),
            )?;
        }
        groups.sort_by(|a, b| {
            a.vat
                .category()
                .code()
                .cmp(b.vat.category().code())
                .then(b.vat.rate().cmp(&a.vat.rate()))
        });
        let mut vat_total = Decimal::ZERO;
        let mut vat_breakdown = Vec::with_capacity(groups.len());
        for group in groups {
            let taxable = Money::new(group.taxable, currency);
            let vat = taxable
                .checked_mul(group.vat.rate().as_fraction())?
                .round(policy.vat())?;
            vat_total = vat_total
                .checked_add(vat.amount())
                .ok_or(overflow.clone())?;
            vat_breakdown.push(VatBreakdown {
                vat: group.vat,
                taxable_amount: taxable.round(policy.line_net())?,
                vat_amount: vat,
            });
        }
        let tax_exclusive = line_total
            .checked_sub(allowance_total)
            .and_then(|amount| amount.checked_add(charge_total))
            .ok_or(overflow.clone())?;
        let tax_inclusive = tax_exclusive
            .checked_add(vat_total)
            .ok_or(overflow.clone())?;
        let prepaid = match prepaid {
            Some(prepaid) => check(prepaid, "subtract")?,
            None => Decimal::ZERO,
        };
        let (rounding, amount_due) = payable(
            currency,
            tax_inclusive.checked_sub(prepaid).ok_or(overflow)?,
            policy.payable(),
        )?;
        let money = |amount| Money::new(amount, currency).round(policy.line_net());
        Ok(DocumentTotals {
            line_nets,
            line_total: money(line_total)?,
            allowance_total: money(allowance_total)?,
            charge_total: money(charge_total)?,
            tax_exclusive: money(tax_exclusive)?,
            vat_breakdown,
            vat_total: money(vat_total)?,
            tax_inclusive: money(tax_inclusive)?,
            prepaid: money(prepaid)?,
            rounding: money(rounding)?,
            amount_due: money(amount_due)?,
        })
    }

    /// Replaces the VAT amount of every breakdown row by `vat_of(row)` and recomputes the
    /// sums that depend on it, each an exact sum: BT-110 = Σ row VAT, BT-112 = BT-109 +
    /// BT-110, BT-115 = BT-112 − BT-113.
    ///
    /// Used where a row's VAT legitimately differs from `round(taxable × rate / 100)` by a
    /// cent: cumulatively rounded credit notes, and documents read back from UBL (EN 16931
    /// BR-CO-17).
    pub(crate) fn try_with_row_vat<E: From<MoneyError>>(
        mut self,
        payable_rounding: Option<Rounding>,
        mut vat_of: impl FnMut(&VatBreakdown) -> Result<Money, E>,
    ) -> Result<Self, E> {
        let overflow = || MoneyError::Overflow { operation: "sum" };
        let currency = self.vat_total.currency();
        let mut vat_total = Decimal::ZERO;
        for row in &mut self.vat_breakdown {
            let vat = vat_of(row)?;
            if vat.currency() != currency {
                return Err(MoneyError::CurrencyMismatch {
                    operation: "sum",
                    left: currency,
                    right: vat.currency(),
                }
                .into());
            }
            row.vat_amount = vat;
            vat_total = vat_total.checked_add(vat.amount()).ok_or_else(overflow)?;
        }
        let tax_inclusive = self
            .tax_exclusive
            .amount()
            .checked_add(vat_total)
            .ok_or_else(overflow)?;
        let (rounding, amount_due) = payable(
            currency,
            tax_inclusive
                .checked_sub(self.prepaid.amount())
                .ok_or_else(overflow)?,
            payable_rounding,
        )?;
        self.vat_total = Money::new(vat_total, currency);
        self.tax_inclusive = Money::new(tax_inclusive, currency);
        self.rounding = Money::new(rounding, currency);
        self.amount_due = Money::new(amount_due, currency);
        Ok(self)
    }

    #[cfg(feature = "xml")]
    /// Takes the rounding amount (BT-114) as a document states it, the amount due following
    /// it: BT-115 = BT-112 − BT-113 + BT-114. Used where the rule that rounded is not known
    /// (a UBL document read back).
    pub(crate) fn try_with_stated_rounding(mut self, rounding: Money) -> Result<Self, MoneyError> {
        let due = self
            .tax_inclusive
            .checked_sub(self.prepaid)?
            .checked_add(rounding)?;
        self.rounding = rounding;
        self.amount_due = due;
        Ok(self)
    }

    /// Returns the net amount of each line, in line order (BT-131).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().line_nets(), [Money::new(dec!(179.80), Currency::EUR)]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn line_nets(&self) -> &[Money] {
        &self.line_nets
    }

    /// Returns the sum of line net amounts (BT-106).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().line_total(), Money::new(dec!(179.80), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn line_total(&self) -> Money {
        self.line_total
    }

    /// Returns the sum of document allowances (BT-107).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert!(invoice.totals().allowance_total().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn allowance_total(&self) -> Money {
        self.allowance_total
    }

    /// Returns the sum of document charges (BT-108).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert!(invoice.totals().charge_total().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn charge_total(&self) -> Money {
        self.charge_total
    }

    /// Returns the total without VAT (BT-109).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().tax_exclusive(), Money::new(dec!(179.80), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn tax_exclusive(&self) -> Money {
        self.tax_exclusive
    }

    /// Returns the VAT breakdown (BG-23).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().vat_breakdown().len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_breakdown(&self) -> &[VatBreakdown] {
        &self.vat_breakdown
    }

    /// Returns the total VAT (BT-110).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().vat_total(), Money::new(dec!(37.76), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_total(&self) -> Money {
        self.vat_total
    }

    /// Returns the total with VAT (BT-112).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().tax_inclusive(), Money::new(dec!(217.56), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn tax_inclusive(&self) -> Money {
        self.tax_inclusive
    }

    /// Returns the prepaid amount (BT-113), zero when nothing was prepaid.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert!(invoice.totals().prepaid().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn prepaid(&self) -> Money {
        self.prepaid
    }

    /// Returns the rounding amount (BT-114): what rounding the amount due added to it (negative
    /// when it rounded down), zero when the policy does not round it.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert!(invoice.totals().rounding().is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rounding(&self) -> Money {
        self.rounding
    }

    /// Returns the amount due for payment (BT-115).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftInvoice, InvoiceKind, InvoiceLine, LineVat, Quantity, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, VatRate, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let seller = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?
    /// #     .try_with_vat_number("LV40003521600".parse()?)?
    /// #     .with_iban("LV44HABA0551000000001".parse()?);
    /// # let buyer = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?
    /// #     .try_with_vat_number("LV40103471306".parse()?)?;
    /// # let chair = InvoiceLine::try_new("Biroja krēsls", Quantity::try_new(dec!(2))?, UnitCode::PIECE,
    /// #     Money::new(dec!(89.90), Currency::EUR), LineVat::standard(VatRate::try_new(dec!(21))?)?)?;
    /// # let mut series = NumberSeries::try_new("invoices", "INV{year}-{seq:5}".parse()?, YearReset::EachYear)?;
    /// # let day = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    /// # let draft = DraftInvoice::new(InvoiceKind::Invoice, seller, buyer, Currency::EUR)
    /// #     .with_line(chair.clone())
    /// #     .with_due_date(NaiveDate::from_ymd_opt(2026, 3, 16).ok_or("date")?);
    /// # let invoice = draft.clone().issue(&mut series, day)?;
    /// # let _ = (&draft, &invoice, &chair, &series);
    /// assert_eq!(invoice.totals().amount_due(), Money::new(dec!(217.56), Currency::EUR));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn amount_due(&self) -> Money {
        self.amount_due
    }
}

/// Rounds the amount due `BT-112 − BT-113` with the policy's payable rounding, if any:
/// returns the rounding amount (BT-114) and the amount due (BT-115).
fn payable(
    currency: Currency,
    due: Decimal,
    rounding: Option<Rounding>,
) -> Result<(Decimal, Decimal), MoneyError> {
    let Some(rounding) = rounding else {
        return Ok((Decimal::ZERO, due));
    };
    let rounded = Money::new(due, currency).round(rounding)?.amount();
    let difference = rounded
        .checked_sub(due)
        .ok_or(MoneyError::Overflow { operation: "sum" })?;
    Ok((difference, rounded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line::{Adjustment, Quantity, UnitCode};
    use rust_decimal_macros::dec;

    #[test]
    fn document_allowance_lowers_only_its_own_rate() {
        let eur = |amount| Money::new(amount, Currency::EUR);
        let vat = |percent| LineVat::standard(VatRate::try_new(percent).unwrap()).unwrap();
        let lines = [
            InvoiceLine::try_new(
                "a",
                Quantity::ONE,
                UnitCode::PIECE,
                eur(dec!(100)),
                vat(dec!(21)),
            )
            .unwrap(),
            InvoiceLine::try_new(
                "b",
                Quantity::ONE,
                UnitCode::PIECE,
                eur(dec!(100)),
                vat(dec!(12)),
            )
            .unwrap(),
        ];
        let allowance = DocumentAdjustment::new(
            Adjustment::try_new(AdjustmentKind::Allowance, eur(dec!(10)), "atlaide").unwrap(),
            vat(dec!(12)),
        );
        let totals = DocumentTotals::compute(
            Currency::EUR,
            &lines,
            &[allowance],
            Some(eur(dec!(50))),
            &RoundingPolicy::EN_16931,
        )
        .unwrap();
        let rows: Vec<(Decimal, Decimal)> = totals
            .vat_breakdown()
            .iter()
            .map(|row| (row.taxable_amount().amount(), row.vat_amount().amount()))
            .collect();
        assert_eq!(rows, [(dec!(100), dec!(21)), (dec!(90), dec!(10.80))]);
        assert_eq!(totals.tax_exclusive().amount(), dec!(190));
        assert_eq!(totals.amount_due().amount(), dec!(171.80));
        let usd = Money::new(dec!(1), Currency::USD);
        assert!(
            DocumentTotals::compute(
                Currency::EUR,
                &lines,
                &[],
                Some(usd),
                &RoundingPolicy::EN_16931
            )
            .is_err()
        );
    }
}
