//! The JSON form of a draft invoice: raw input checked into a [`DraftInvoice`] with every
//! problem reported at once.

use apkalpe_core::{
    Currency, Language, LocalizedError, Money, Party, PartyInput, VatCategory, VatRate,
};
use chrono::NaiveDate;

use crate::document::{InvoiceKind, PaymentMeans, VatExemption};
use crate::error::{AccountingError, ValidationReport};
use crate::exchange::ExchangeRate;
use crate::invoice::DraftInvoice;
use crate::line::{
    Adjustment, AdjustmentKind, DocumentAdjustment, InvoiceLine, LineVat, Quantity, RoundingPolicy,
    UnitCode,
};

/// A draft invoice as a program or a person writes it in JSON (`desk invoice issue
/// <draft.json>`): the raw form of [`DraftInvoice`]. It is a plain record with public fields
/// that the caller fills in or deserializes; [`DraftInvoice::try_from`] checks it.
///
/// Amounts, quantities and rates are strings in the strict amount grammar ("12,34",
/// "1 234.56"); dates are ISO 8601; parties are core [`PartyInput`]s. Unknown fields are
/// refused. [`DraftInvoice::try_from`] checks everything and reports every problem at once,
/// each finding with a field path (`lines[1].quantity`, `buyer.vat_number`).
///
/// ```text
/// {
///   "kind": "invoice",                    // invoice | simplified | advance
///   "currency": "EUR",                    // optional, EUR by default
///   "exchange_rate": { "per_euro": "1.0856", "date": "2026-02-27" },  // another currency
///   "payable_rounding": { "strategy": "half_away_from_zero", "increment": "1.00" }, // BT-114
///   "seller": { PartyInput }, "buyer": { PartyInput },
///   "supply_date": "2026-02-27",          // optional
///   "due_date": "2026-03-16",             // optional (or payment_terms)
///   "payment_terms": "…", "payment_means": "credit_transfer", "payment_reference": "RF…",
///   "buyer_reference": "…", "order_reference": "…", "note": "…",   // all optional
///   "lines": [{ "item": "…", "seller_item_id": "…", "quantity": "2", "unit": "H87", // "-1": a return
///               "unit_price": "89.90", "vat_category": "S", "vat_rate": "21",
///               "adjustments": [{ "kind": "allowance", "amount": "5.00", "reason": "…" }] }],
///   "adjustments": [{ "kind": "charge", "amount": "9.90", "reason": "Piegāde",
///                     "vat_category": "S", "vat_rate": "21" }],
///   "exemptions": [{ "category": "E", "code": "VATEX-EU-132-1I", "text": "…" }],
///   "prepaid": "100.00"
/// }
/// ```
///
/// The example in `tests/fixtures/draft-invoice.json` is the reference.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DraftInvoice, InvoiceDraftInput};
///
/// let input: InvoiceDraftInput = serde_json::from_str(r#"{
///   "kind": "invoice",
///   "seller": {"kind": "organisation", "name": "SIA Apkalpe", "registration_number": "40003521600",
///              "vat_number": "LV40003521600", "iban": "LV44HABA0551000000001",
///              "address": {"lines": ["Brīvības iela 1"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"}},
///   "buyer": {"kind": "organisation", "name": "SIA Klients", "registration_number": "40103471306",
///             "address": {"lines": ["Valdemāra iela 21"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"}},
///   "due_date": "2026-03-16",
///   "lines": [{"item": "Konsultācija", "quantity": "2", "unit": "HUR", "unit_price": "50,00",
///              "vat_category": "S", "vat_rate": "21"}]
/// }"#)?;
/// let draft = DraftInvoice::try_from(input)?;
/// assert_eq!(draft.totals()?.amount_due().to_string(), "121.00 EUR");
///
/// let broken: InvoiceDraftInput = serde_json::from_str(r#"{
///   "kind": "bill", "seller": {"kind": "person", "name": "", "address": {"lines": ["x"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"}},
///   "buyer": {"kind": "person", "name": "Anna", "address": {"lines": ["x"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"}},
///   "lines": [{"item": "Tēja", "quantity": "0", "unit": "kg", "unit_price": "1", "vat_category": "S", "vat_rate": "0"}]
/// }"#)?;
/// let error = DraftInvoice::try_from(broken).unwrap_err();
/// let fields: Vec<&str> = error.findings().iter().map(|finding| finding.field()).collect();
/// assert_eq!(fields, ["kind", "seller.name", "lines[0].quantity", "lines[0].unit", "lines[0].vat_rate"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct InvoiceDraftInput {
    /// `invoice`, `simplified` or `advance`.
    pub kind: String,
    /// ISO 4217 code; EUR when absent.
    #[cfg_attr(feature = "serde", serde(default))]
    pub currency: Option<String>,
    /// The exchange rate of a document in another currency than the euro.
    #[cfg_attr(feature = "serde", serde(default))]
    pub exchange_rate: Option<ExchangeRateInput>,
    /// The rounding of the amount due (EN 16931 BT-114), a core `Rounding`:
    /// `{"strategy", "increment"}`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub payable_rounding: Option<apkalpe_core::rounding::Rounding>,
    /// The seller.
    pub seller: PartyInput,
    /// The buyer.
    pub buyer: PartyInput,
    /// The supply date, when it differs from the issue date.
    #[cfg_attr(feature = "serde", serde(default))]
    pub supply_date: Option<NaiveDate>,
    /// The payment due date.
    #[cfg_attr(feature = "serde", serde(default))]
    pub due_date: Option<NaiveDate>,
    /// Payment terms.
    #[cfg_attr(feature = "serde", serde(default))]
    pub payment_terms: Option<String>,
    /// `credit_transfer` (default), `sepa_credit_transfer`, `cash` or `payment_card`.
    #[cfg_attr(feature = "serde", serde(default))]
    pub payment_means: Option<String>,
    /// An RF creditor reference.
    #[cfg_attr(feature = "serde", serde(default))]
    pub payment_reference: Option<String>,
    /// The buyer reference.
    #[cfg_attr(feature = "serde", serde(default))]
    pub buyer_reference: Option<String>,
    /// The buyer's purchase order number.
    #[cfg_attr(feature = "serde", serde(default))]
    pub order_reference: Option<String>,
    /// A note.
    #[cfg_attr(feature = "serde", serde(default))]
    pub note: Option<String>,
    /// The lines.
    pub lines: Vec<LineInput>,
    /// Document allowances and charges.
    #[cfg_attr(feature = "serde", serde(default))]
    pub adjustments: Vec<DocumentAdjustmentInput>,
    /// VAT exemption wording.
    #[cfg_attr(feature = "serde", serde(default))]
    pub exemptions: Vec<ExemptionInput>,
    /// A prepaid amount.
    #[cfg_attr(feature = "serde", serde(default))]
    pub prepaid: Option<String>,
}

/// The exchange rate of an [`InvoiceDraftInput`] in another currency than the euro: units of
/// the document currency per euro, and the date of the rate (see [`ExchangeRate`]). A plain
/// record the caller fills in; [`DraftInvoice::try_from`] checks it with the rest of the draft.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::ExchangeRateInput;
/// use chrono::NaiveDate;
///
/// let rate: ExchangeRateInput = serde_json::from_str(r#"{"per_euro": "11.6000", "date": "2026-02-27"}"#)?;
/// let date = NaiveDate::from_ymd_opt(2026, 2, 27).ok_or("date")?;
/// assert_eq!(rate, ExchangeRateInput { per_euro: "11.6000".to_owned(), date });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ExchangeRateInput {
    /// Units of the document currency one euro is worth ("1.0856").
    pub per_euro: String,
    /// The date of the rate.
    pub date: NaiveDate,
}

/// One line of an [`InvoiceDraftInput`]. A plain record the caller fills in;
/// [`DraftInvoice::try_from`] checks it with the rest of the draft.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::LineInput;
///
/// let line: LineInput = serde_json::from_str(r#"{"item": "Konsultācija", "quantity": "2", "unit": "HUR",
///     "unit_price": "50,00", "vat_category": "S", "vat_rate": "21"}"#)?;
/// assert_eq!(line, LineInput {
///     item: "Konsultācija".to_owned(),
///     seller_item_id: None,
///     quantity: "2".to_owned(),
///     unit: "HUR".to_owned(),
///     unit_price: "50,00".to_owned(),
///     vat_category: "S".to_owned(),
///     vat_rate: "21".to_owned(),
///     adjustments: Vec::new(),
/// });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct LineInput {
    /// Item name.
    pub item: String,
    /// Seller's item id.
    #[cfg_attr(feature = "serde", serde(default))]
    pub seller_item_id: Option<String>,
    /// Quantity; a leading `-` makes a negative line (a return or a correction).
    pub quantity: String,
    /// UN/ECE Rec. 20 unit code (`H87`, `HUR`, `KGM`).
    pub unit: String,
    /// Net unit price.
    pub unit_price: String,
    /// VAT category code (`S`, `E`, `AE`, `K`, `G`, `O`, `Z`).
    pub vat_category: String,
    /// VAT rate in percent.
    pub vat_rate: String,
    /// Line allowances and charges.
    #[cfg_attr(feature = "serde", serde(default))]
    pub adjustments: Vec<AdjustmentInput>,
}

/// A line allowance or charge of a [`LineInput`]. A plain record the caller fills in;
/// [`DraftInvoice::try_from`] checks it with the rest of the draft.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::AdjustmentInput;
///
/// let discount: AdjustmentInput =
///     serde_json::from_str(r#"{"kind": "allowance", "amount": "5,00", "reason": "Atlaide"}"#)?;
/// assert_eq!(discount, AdjustmentInput {
///     kind: "allowance".to_owned(),
///     amount: "5,00".to_owned(),
///     reason: "Atlaide".to_owned(),
/// });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AdjustmentInput {
    /// `allowance` or `charge`.
    pub kind: String,
    /// Amount.
    pub amount: String,
    /// Reason.
    pub reason: String,
}

/// A document allowance or charge of an [`InvoiceDraftInput`]. A plain record the caller
/// fills in; [`DraftInvoice::try_from`] checks it with the rest of the draft.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::DocumentAdjustmentInput;
///
/// let delivery: DocumentAdjustmentInput = serde_json::from_str(r#"{"kind": "charge", "amount": "9.90",
///     "reason": "Piegāde", "vat_category": "S", "vat_rate": "21"}"#)?;
/// assert_eq!(delivery, DocumentAdjustmentInput {
///     kind: "charge".to_owned(),
///     amount: "9.90".to_owned(),
///     reason: "Piegāde".to_owned(),
///     vat_category: "S".to_owned(),
///     vat_rate: "21".to_owned(),
/// });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct DocumentAdjustmentInput {
    /// `allowance` or `charge`.
    pub kind: String,
    /// Amount.
    pub amount: String,
    /// Reason.
    pub reason: String,
    /// VAT category code.
    pub vat_category: String,
    /// VAT rate in percent.
    pub vat_rate: String,
}

/// VAT exemption wording of an [`InvoiceDraftInput`]. A plain record the caller fills in;
/// [`DraftInvoice::try_from`] checks it with the rest of the draft.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::ExemptionInput;
///
/// let exemption: ExemptionInput = serde_json::from_str(
///     r#"{"category": "E", "code": "VATEX-EU-132-1I", "text": "Izglītības pakalpojums, atbrīvots no PVN"}"#,
/// )?;
/// assert_eq!(exemption, ExemptionInput {
///     category: "E".to_owned(),
///     code: Some("VATEX-EU-132-1I".to_owned()),
///     text: "Izglītības pakalpojums, atbrīvots no PVN".to_owned(),
/// });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct ExemptionInput {
    /// VAT category code.
    pub category: String,
    /// VATEX code.
    #[cfg_attr(feature = "serde", serde(default))]
    pub code: Option<String>,
    /// Reason text (the exempting article).
    pub text: String,
}

/// Collects findings while parsing fields.
struct Collector {
    report: ValidationReport,
}

impl Collector {
    fn coded<T, E: LocalizedError>(
        &mut self,
        field: &str,
        result: Result<T, E>,
        code: impl Fn(&E) -> &'static str,
    ) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(error) => {
                let code = code(&error);
                self.report
                    .add(field, code, &error, error.message_in(Language::Latvian));
                None
            }
        }
    }

    fn party(&mut self, prefix: &str, input: PartyInput) -> Option<Party> {
        match Party::try_from(input) {
            Ok(party) => Some(party),
            Err(error) => {
                for field in error.fields() {
                    self.report.add(
                        format!("{prefix}.{}", field.field()),
                        field.code(),
                        field.message(),
                        field.message_without_field(Language::Latvian),
                    );
                }
                None
            }
        }
    }

    fn amount(&mut self, field: &str, text: &str, currency: Currency) -> Option<Money> {
        self.coded(field, apkalpe_core::parse_amount(text), |error| {
            error.code()
        })
        .map(|amount| Money::new(amount, currency))
    }

    fn kind(&mut self, field: &str, text: &str) -> Option<AdjustmentKind> {
        match text.trim() {
            "allowance" => Some(AdjustmentKind::Allowance),
            "charge" => Some(AdjustmentKind::Charge),
            _ => {
                self.report.add(
                    field,
                    "draft.adjustment_kind",
                    "kind must be allowance or charge",
                    "veidam jābūt allowance vai charge",
                );
                None
            }
        }
    }

    fn vat(&mut self, prefix: &str, category: &str, rate: &str) -> Option<LineVat> {
        let category = self.coded(
            &format!("{prefix}.vat_category"),
            category.trim().parse::<VatCategory>(),
            |error| error.code(),
        );
        let rate = self.coded(
            &format!("{prefix}.vat_rate"),
            rate.parse::<VatRate>(),
            |error| error.code(),
        );
        let (category, rate) = (category?, rate?);
        self.coded(
            &format!("{prefix}.vat_rate"),
            LineVat::try_new(category, rate),
            |error| error.code(),
        )
    }
}

impl TryFrom<InvoiceDraftInput> for DraftInvoice {
    type Error = AccountingError;

    /// Checks a draft input, reporting every invalid field at once as
    /// [`AccountingError::Invalid`]. The requisite check of [`DraftInvoice::validate`] runs
    /// later, on issue.
    fn try_from(input: InvoiceDraftInput) -> Result<Self, Self::Error> {
        let mut c = Collector {
            report: ValidationReport::default(),
        };
        let kind = match input.kind.trim() {
            "invoice" => Some(InvoiceKind::Invoice),
            "simplified" => Some(InvoiceKind::Simplified),
            "advance" => Some(InvoiceKind::Advance),
            _ => {
                c.report.add(
                    "kind",
                    "draft.kind",
                    "kind must be invoice, simplified or advance",
                    "veidam jābūt invoice, simplified vai advance",
                );
                None
            }
        };
        let currency = match input.currency.as_deref() {
            Some(code) => c.coded("currency", code.trim().parse::<Currency>(), |error| {
                error.code()
            }),
            None => Some(Currency::EUR),
        };
        let seller = c.party("seller", input.seller);
        let buyer = c.party("buyer", input.buyer);
        let currency_or_eur = currency.unwrap_or(Currency::EUR);
        let means = match input.payment_means.as_deref().map(str::trim) {
            None | Some("credit_transfer") => Some(PaymentMeans::CreditTransfer),
            Some("sepa_credit_transfer") => Some(PaymentMeans::SepaCreditTransfer),
            Some("cash") => Some(PaymentMeans::Cash),
            Some("payment_card") => Some(PaymentMeans::PaymentCard),
            Some(_) => {
                c.report.add(
                    "payment_means",
                    "draft.payment_means",
                    "payment means must be credit_transfer, sepa_credit_transfer, cash or payment_card",
                    "maksājuma veidam jābūt credit_transfer, sepa_credit_transfer, cash vai payment_card",
                );
                None
            }
        };
        let reference = input.payment_reference.as_deref().map(|text| {
            c.coded(
                "payment_reference",
                apkalpe_core::CreditorReference::try_new(text),
                |error| error.code(),
            )
        });

        let mut lines = Vec::new();
        for (index, line) in input.lines.iter().enumerate() {
            let prefix = format!("lines[{index}]");
            let (negative, size) = match line.quantity.trim().strip_prefix('-') {
                Some(size) => (true, size),
                None => (false, line.quantity.as_str()),
            };
            let quantity = c.coded(
                &format!("{prefix}.quantity"),
                size.parse::<Quantity>(),
                |error| error.code(),
            );
            let unit = c.coded(
                &format!("{prefix}.unit"),
                UnitCode::try_new(line.unit.trim()),
                |error| error.code(),
            );
            let price = c.amount(
                &format!("{prefix}.unit_price"),
                &line.unit_price,
                currency_or_eur,
            );
            let vat = c.vat(&prefix, &line.vat_category, &line.vat_rate);
            let mut adjustments = Vec::new();
            for (position, adjustment) in line.adjustments.iter().enumerate() {
                let field = format!("{prefix}.adjustments[{position}]");
                let kind = c.kind(&format!("{field}.kind"), &adjustment.kind);
                let amount = c.amount(
                    &format!("{field}.amount"),
                    &adjustment.amount,
                    currency_or_eur,
                );
                if let (Some(kind), Some(amount)) = (kind, amount) {
                    adjustments.push(c.coded(
                        &field,
                        Adjustment::try_new(kind, amount, &adjustment.reason),
                        |error| error.code(),
                    ));
                }
            }
            if let (Some(quantity), Some(unit), Some(price), Some(vat)) =
                (quantity, unit, price, vat)
            {
                let built = InvoiceLine::try_new(&line.item, quantity, unit, price, vat).and_then(
                    |built| match &line.seller_item_id {
                        Some(id) => built.try_with_seller_item_id(id),
                        None => Ok(built),
                    },
                );
                if let Some(mut built) = c.coded(&prefix, built, |error| error.code()) {
                    for adjustment in adjustments.into_iter().flatten() {
                        built = built.with_adjustment(adjustment);
                    }
                    if negative {
                        built = built.negated();
                    }
                    lines.push(built);
                }
            }
        }
        let mut document_adjustments = Vec::new();
        for (index, adjustment) in input.adjustments.iter().enumerate() {
            let prefix = format!("adjustments[{index}]");
            let kind = c.kind(&format!("{prefix}.kind"), &adjustment.kind);
            let amount = c.amount(
                &format!("{prefix}.amount"),
                &adjustment.amount,
                currency_or_eur,
            );
            let vat = c.vat(&prefix, &adjustment.vat_category, &adjustment.vat_rate);
            if let (Some(kind), Some(amount), Some(vat)) = (kind, amount, vat)
                && let Some(built) = c.coded(
                    &prefix,
                    Adjustment::try_new(kind, amount, &adjustment.reason),
                    |error| error.code(),
                )
            {
                document_adjustments.push(DocumentAdjustment::new(built, vat));
            }
        }
        let mut exemptions = Vec::new();
        for (index, exemption) in input.exemptions.iter().enumerate() {
            let prefix = format!("exemptions[{index}]");
            if let Some(category) = c.coded(
                &format!("{prefix}.category"),
                exemption.category.trim().parse::<VatCategory>(),
                |error| error.code(),
            ) && let Some(built) = c.coded(
                &prefix,
                VatExemption::try_new(category, exemption.code.as_deref(), &exemption.text),
                |error| error.code(),
            ) {
                exemptions.push(built);
            }
        }
        let prepaid = input
            .prepaid
            .as_deref()
            .map(|text| c.amount("prepaid", text, currency_or_eur));
        let exchange_rate = input.exchange_rate.as_ref().and_then(|rate| {
            let per_euro = c.coded(
                "exchange_rate.per_euro",
                apkalpe_core::parse_amount(&rate.per_euro),
                |error| error.code(),
            )?;
            c.coded(
                "exchange_rate",
                ExchangeRate::try_new(currency_or_eur, per_euro, rate.date),
                |error| error.code(),
            )
        });
        let rounding = input.payable_rounding.and_then(|rounding| {
            c.coded(
                "payable_rounding",
                RoundingPolicy::EN_16931.try_with_payable(rounding),
                |error| error.code(),
            )
        });

        let (Some(kind), Some(currency), Some(seller), Some(buyer), Some(means)) =
            (kind, currency, seller, buyer, means)
        else {
            return Err(AccountingError::Invalid(c.report));
        };
        let mut draft = DraftInvoice::new(kind, seller, buyer, currency).with_payment_means(means);
        for line in lines {
            draft.push_line(line);
        }
        for adjustment in document_adjustments {
            draft = draft.with_adjustment(adjustment);
        }
        for exemption in exemptions {
            draft = draft.with_exemption(exemption);
        }
        if let Some(date) = input.supply_date {
            draft = draft.with_supply_date(date);
        }
        if let Some(date) = input.due_date {
            draft = draft.with_due_date(date);
        }
        if let Some(Some(reference)) = reference {
            draft = draft.with_payment_reference(reference);
        }
        if let Some(Some(prepaid)) = prepaid {
            draft = draft.with_prepaid(prepaid);
        }
        if let Some(rate) = exchange_rate {
            draft = draft.with_exchange_rate(rate);
        }
        if let Some(policy) = rounding {
            draft = draft.with_rounding_policy(policy);
        }
        let mut texts: Vec<(&str, Option<&String>)> = vec![
            ("payment_terms", input.payment_terms.as_ref()),
            ("buyer_reference", input.buyer_reference.as_ref()),
            ("order_reference", input.order_reference.as_ref()),
            ("note", input.note.as_ref()),
        ];
        for (field, text) in texts.drain(..) {
            let Some(text) = text else { continue };
            let result = match field {
                "payment_terms" => draft.clone().try_with_payment_terms(text),
                "buyer_reference" => draft.clone().try_with_buyer_reference(text),
                "order_reference" => draft.clone().try_with_order_reference(text),
                _ => draft.clone().try_with_note(text),
            };
            if let Some(updated) = c.coded(field, result, |error| error.code()) {
                draft = updated;
            }
        }
        if c.report.is_empty() {
            Ok(draft)
        } else {
            Err(AccountingError::Invalid(c.report))
        }
    }
}
