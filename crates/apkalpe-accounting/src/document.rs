//! What invoices and credit notes share: kinds, payment, VAT exemption wording, the content.

use std::fmt;

use apkalpe_core::{CreditorReference, Currency, Money, Party, RestoreError, VatCategory};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::Deserialize;

use crate::error::LineError;
use crate::exchange::ExchangeRate;
use crate::line::{DocumentAdjustment, InvoiceLine, MAX_TEXT_CHARS, RoundingPolicy, check_text};

#[cfg(feature = "serde")]
pub(crate) mod saved;

/// The longest note, payment terms or reference, in characters.
pub(crate) const MAX_NOTE_CHARS: usize = 1000;

/// The kind of a primary accounting document (*attaisnojuma dokuments*), with its Latvian
/// name, the retention period of the accounting law and a stable code.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::DocumentKind;
///
/// assert_eq!(DocumentKind::CashReceiptOrder.latvian_name(), "kases ieņēmumu orderis");
/// assert_eq!(DocumentKind::Invoice.code(), "invoice");
/// assert_eq!(DocumentKind::Invoice.retention().minimum_years(), 5);
/// assert_eq!(DocumentKind::CashBook.retention().minimum_years(), 10);
/// ```
///
/// # Name
///
/// Another Apkalpe crate has a type of the same name: `apkalpe_documents::DocumentKind` (a kind of
/// record in the records register). Import this one as
/// [`prelude::AccountingDocumentKind`](crate::prelude::AccountingDocumentKind) (`use
/// apkalpe_accounting::prelude::*;`), or write `apkalpe_accounting::DocumentKind`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DocumentKind {
    /// VAT invoice (*PVN rēķins*).
    Invoice,
    /// Simplified invoice (*vienkāršotais rēķins*).
    SimplifiedInvoice,
    /// Advance (prepayment) invoice (*avansa rēķins*).
    AdvanceInvoice,
    /// Credit note (*kredītrēķins*).
    CreditNote,
    /// Waybill (*preču pavadzīme*).
    Waybill,
    /// Acceptance–transfer act for services (*pieņemšanas–nodošanas akts*).
    AcceptanceAct,
    /// Purchase order (*pasūtījums*).
    PurchaseOrder,
    /// Goods receipt note (*preču pieņemšanas akts*).
    GoodsReceiptNote,
    /// Cash receipt order (*kases ieņēmumu orderis*, KIO).
    CashReceiptOrder,
    /// Cash disbursement order (*kases izdevumu orderis*, KIzO).
    CashDisbursementOrder,
    /// Cash book (*kases grāmata*), an accounting register.
    CashBook,
}

impl DocumentKind {
    /// Every kind.
    pub const ALL: [DocumentKind; 11] = [
        DocumentKind::Invoice,
        DocumentKind::SimplifiedInvoice,
        DocumentKind::AdvanceInvoice,
        DocumentKind::CreditNote,
        DocumentKind::Waybill,
        DocumentKind::AcceptanceAct,
        DocumentKind::PurchaseOrder,
        DocumentKind::GoodsReceiptNote,
        DocumentKind::CashReceiptOrder,
        DocumentKind::CashDisbursementOrder,
        DocumentKind::CashBook,
    ];

    /// Returns the stable snake_case code, as serialised.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(DocumentKind::CashBook.code(), "cash_book");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            DocumentKind::Invoice => "invoice",
            DocumentKind::SimplifiedInvoice => "simplified_invoice",
            DocumentKind::AdvanceInvoice => "advance_invoice",
            DocumentKind::CreditNote => "credit_note",
            DocumentKind::Waybill => "waybill",
            DocumentKind::AcceptanceAct => "acceptance_act",
            DocumentKind::PurchaseOrder => "purchase_order",
            DocumentKind::GoodsReceiptNote => "goods_receipt_note",
            DocumentKind::CashReceiptOrder => "cash_receipt_order",
            DocumentKind::CashDisbursementOrder => "cash_disbursement_order",
            DocumentKind::CashBook => "cash_book",
        }
    }

    /// Returns the document type name printed on the document (GL art. 11(5): the document
    /// type name is a requisite).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(DocumentKind::Waybill.latvian_name(), "preču pavadzīme");
    /// ```
    pub const fn latvian_name(self) -> &'static str {
        match self {
            DocumentKind::Invoice => "PVN rēķins",
            DocumentKind::SimplifiedInvoice => "vienkāršotais PVN rēķins",
            DocumentKind::AdvanceInvoice => "avansa rēķins",
            DocumentKind::CreditNote => "kredītrēķins",
            DocumentKind::Waybill => "preču pavadzīme",
            DocumentKind::AcceptanceAct => "pieņemšanas–nodošanas akts",
            DocumentKind::PurchaseOrder => "pasūtījums",
            DocumentKind::GoodsReceiptNote => "preču pieņemšanas akts",
            DocumentKind::CashReceiptOrder => "kases ieņēmumu orderis",
            DocumentKind::CashDisbursementOrder => "kases izdevumu orderis",
            DocumentKind::CashBook => "kases grāmata",
        }
    }

    /// Returns the document type name as a title, capitalised.
    pub(crate) const fn latvian_name_capitalised(self) -> &'static str {
        match self {
            DocumentKind::Invoice => "PVN rēķins",
            DocumentKind::SimplifiedInvoice => "Vienkāršotais PVN rēķins",
            DocumentKind::AdvanceInvoice => "Avansa rēķins",
            DocumentKind::CreditNote => "Kredītrēķins",
            DocumentKind::Waybill => "Preču pavadzīme",
            DocumentKind::AcceptanceAct => "Pieņemšanas–nodošanas akts",
            DocumentKind::PurchaseOrder => "Pasūtījums",
            DocumentKind::GoodsReceiptNote => "Preču pieņemšanas akts",
            DocumentKind::CashReceiptOrder => "Kases ieņēmumu orderis",
            DocumentKind::CashDisbursementOrder => "Kases izdevumu orderis",
            DocumentKind::CashBook => "Kases grāmata",
        }
    }

    /// Returns the retention rule of the accounting law for the kind.
    ///
    /// # Legal basis
    ///
    /// Grāmatvedības likums art. 28 (sources §3c): accounting registers (the cash book) 10 years
    /// (C) \[I9\]; other supporting documents until the transaction can no longer need
    /// tracing, at least 5 years (L) \[I13\]\[I3\]. The 5-year row is *likely*: callers with
    /// a stricter policy pass their own [`RetentionRule`] to their retention engine;
    /// [`RetentionRule::obligations`] states the rule in core's retention model.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(DocumentKind::CashBook.retention().minimum_years(), 10);
    /// assert_eq!(DocumentKind::Invoice.retention().minimum_years(), 5);
    /// ```
    pub const fn retention(self) -> RetentionRule {
        match self {
            DocumentKind::CashBook => RetentionRule {
                kind: self,
                minimum_years: 10,
                until_transaction_traceable: false,
                legal_basis: "Grāmatvedības likums, 28. pants (grāmatvedības reģistri)",
            },
            _ => RetentionRule {
                kind: self,
                minimum_years: 5,
                until_transaction_traceable: true,
                legal_basis: "Grāmatvedības likums, 28. pants (attaisnojuma dokumenti)",
            },
        }
    }
}

impl fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// How long a kind of document is kept (*glabāšanas termiņš*), as data for a retention
/// engine: a minimum in years, and whether it is kept longer while the transaction may still
/// need tracing.
///
/// Core's retention model (decision 0008) decides with these facts:
/// [`RetentionRule::obligation`] and [`RetentionRule::obligations`] state the rule for one
/// document as [`RetentionObligation`](apkalpe_core::RetentionObligation)s, the years counted
/// from 1 January after the document's date.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{retention_rules, DocumentKind};
///
/// let rules = retention_rules();
/// assert_eq!(rules.len(), DocumentKind::ALL.len());
/// assert!(rules.iter().all(|rule| rule.minimum_years() >= 5));
/// ```
///
/// # Saved form
///
/// `{"kind", "minimum_years", "until_transaction_traceable", "legal_basis"}`. The rule of a
/// kind is fixed by law, so a saved rule deserialises only when every field equals
/// [`DocumentKind::retention`] of its kind (`restore.inconsistent` names the field that does
/// not).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct RetentionRule {
    kind: DocumentKind,
    minimum_years: u16,
    until_transaction_traceable: bool,
    legal_basis: &'static str,
}

impl RetentionRule {
    /// Returns the document kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(DocumentKind::Invoice.retention().kind(), DocumentKind::Invoice);
    /// ```
    pub const fn kind(&self) -> DocumentKind {
        self.kind
    }

    /// Returns the minimum number of years the document is kept.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(DocumentKind::CreditNote.retention().minimum_years(), 5);
    /// ```
    pub const fn minimum_years(&self) -> u16 {
        self.minimum_years
    }

    /// Tells whether the document is kept beyond the minimum while the transaction may still
    /// need tracing.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// assert!(DocumentKind::Invoice.retention().is_kept_while_traceable());
    /// assert!(!DocumentKind::CashBook.retention().is_kept_while_traceable());
    /// ```
    pub const fn is_kept_while_traceable(&self) -> bool {
        self.until_transaction_traceable
    }

    /// Returns the legal basis, in Latvian.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::DocumentKind;
    /// assert!(DocumentKind::CashBook.retention().legal_basis().starts_with("Grāmatvedības likums"));
    /// ```
    pub const fn legal_basis(&self) -> &'static str {
        self.legal_basis
    }
}

#[cfg(feature = "serde")]
/// The saved form of a [`RetentionRule`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct RetentionRuleRecord {
    kind: DocumentKind,
    minimum_years: u16,
    until_transaction_traceable: bool,
    legal_basis: String,
}

#[cfg(feature = "serde")]
// By hand: serde's derive would borrow the `&'static str` legal basis from the input.
impl<'de> Deserialize<'de> for RetentionRule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RetentionRule::try_from(RetentionRuleRecord::deserialize(deserializer)?)
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "serde")]
impl TryFrom<RetentionRuleRecord> for RetentionRule {
    type Error = RestoreError;

    fn try_from(record: RetentionRuleRecord) -> Result<Self, Self::Error> {
        let rule = record.kind.retention();
        let differs = |field: &'static str, saved: &dyn fmt::Display, law: &dyn fmt::Display| {
            RestoreError::inconsistent(
                "RetentionRule",
                field,
                format_args!("saved {saved}, the rule for {} is {law}", rule.kind),
            )
            .with_latvian_reason(format_args!(
                "saglabāts {saved}, bet dokumentam {} noteikts {law}",
                rule.kind
            ))
        };
        if record.minimum_years != rule.minimum_years {
            return Err(differs(
                "minimum_years",
                &record.minimum_years,
                &rule.minimum_years,
            ));
        }
        if record.until_transaction_traceable != rule.until_transaction_traceable {
            return Err(differs(
                "until_transaction_traceable",
                &record.until_transaction_traceable,
                &rule.until_transaction_traceable,
            ));
        }
        if record.legal_basis != rule.legal_basis {
            return Err(differs(
                "legal_basis",
                &format_args!("{:?}", record.legal_basis),
                &format_args!("{:?}", rule.legal_basis),
            ));
        }
        Ok(rule)
    }
}

/// Returns the retention rule of every document kind, in [`DocumentKind::ALL`] order.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{retention_rules, DocumentKind};
/// let rules = retention_rules();
/// assert_eq!(rules.len(), DocumentKind::ALL.len());
/// assert!(rules.iter().all(|rule| rule.minimum_years() >= 5));
/// ```
pub fn retention_rules() -> Vec<RetentionRule> {
    DocumentKind::ALL
        .iter()
        .map(|kind| kind.retention())
        .collect()
}

/// The kind of an invoice, with its UNTDID 1001 type code (BT-3).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::InvoiceKind;
///
/// assert_eq!(InvoiceKind::Advance.type_code(), "386");
/// assert_eq!(InvoiceKind::Simplified.type_code(), "380");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum InvoiceKind {
    /// A full VAT invoice (380).
    Invoice,
    /// A simplified invoice (380): the buyer's VAT number and identification are not
    /// required, and the total is capped (see [`IssueOptions`](crate::IssueOptions)).
    Simplified,
    /// An advance (prepayment) invoice (386), issued before the supply for a payment
    /// received; the final invoice deducts it as a prepaid amount.
    Advance,
}

impl InvoiceKind {
    /// Returns the UNTDID 1001 code: 380 commercial invoice, 386 prepayment invoice.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::InvoiceKind;
    /// assert_eq!(InvoiceKind::Invoice.type_code(), "380");
    /// assert_eq!(InvoiceKind::Advance.type_code(), "386");
    /// ```
    pub const fn type_code(self) -> &'static str {
        match self {
            InvoiceKind::Invoice | InvoiceKind::Simplified => "380",
            InvoiceKind::Advance => "386",
        }
    }

    /// Returns the document kind.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::{DocumentKind, InvoiceKind};
    /// assert_eq!(InvoiceKind::Advance.document_kind(), DocumentKind::AdvanceInvoice);
    /// ```
    pub const fn document_kind(self) -> DocumentKind {
        match self {
            InvoiceKind::Invoice => DocumentKind::Invoice,
            InvoiceKind::Simplified => DocumentKind::SimplifiedInvoice,
            InvoiceKind::Advance => DocumentKind::AdvanceInvoice,
        }
    }
}

/// How the amount due is paid (UNCL 4461 code, BT-81).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::PaymentMeans;
///
/// assert_eq!(PaymentMeans::CreditTransfer.code(), "30");
/// assert!(PaymentMeans::SepaCreditTransfer.needs_account());
/// assert!(!PaymentMeans::Cash.needs_account());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum PaymentMeans {
    /// Credit transfer to the seller's account (30), the default.
    #[default]
    CreditTransfer,
    /// SEPA credit transfer (58).
    SepaCreditTransfer,
    /// Cash (10).
    Cash,
    /// Payment card (48).
    PaymentCard,
}

impl PaymentMeans {
    /// Returns the UNCL 4461 code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::PaymentMeans;
    /// assert_eq!(PaymentMeans::Cash.code(), "10");
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            PaymentMeans::CreditTransfer => "30",
            PaymentMeans::SepaCreditTransfer => "58",
            PaymentMeans::Cash => "10",
            PaymentMeans::PaymentCard => "48",
        }
    }

    /// Tells whether the payment goes to the seller's bank account (so the invoice shows
    /// the IBAN).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::PaymentMeans;
    /// assert!(PaymentMeans::CreditTransfer.needs_account());
    /// assert!(!PaymentMeans::Cash.needs_account());
    /// ```
    pub const fn needs_account(self) -> bool {
        matches!(
            self,
            PaymentMeans::CreditTransfer | PaymentMeans::SepaCreditTransfer
        )
    }

    #[cfg(feature = "xml")]
    /// Returns the means for a UNCL 4461 code this crate writes.
    pub(crate) fn from_code(code: &str) -> Option<Self> {
        [
            PaymentMeans::CreditTransfer,
            PaymentMeans::SepaCreditTransfer,
            PaymentMeans::Cash,
            PaymentMeans::PaymentCard,
        ]
        .into_iter()
        .find(|means| means.code() == code)
    }
}

/// The special wording of a VAT category that is not taxed at a positive rate: the reason
/// text (BT-120) and the VATEX code (BT-121) printed in the VAT breakdown.
///
/// [`VatExemption::standard_for`] gives the wording for reverse charge, intra-Community
/// supply, export and supplies outside the scope of VAT. An exempt supply (`E`) must name
/// the article of the VAT law that exempts it, so it has no default.
///
/// # Legal basis
///
/// sources §3a row 15 and §2 \[I2\]: "nodokļa apgrieztā maksāšana" / reverse charge; a 0 %
/// intra-EU supply cites Directive 2006/112/EC art. 138(1).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::VatExemption;
/// use apkalpe_core::VatCategory;
///
/// let reverse = VatExemption::standard_for(VatCategory::ReverseCharge).ok_or("no wording")?;
/// assert_eq!(reverse.code(), Some("VATEX-EU-AE"));
/// assert!(reverse.text().starts_with("Nodokļa apgrieztā maksāšana"));
/// assert!(VatExemption::standard_for(VatCategory::Exempt).is_none());
///
/// let medical = VatExemption::try_new(VatCategory::Exempt, None, "PVN likuma 52. panta pirmās daļas 1. punkts")?;
/// assert_eq!(medical.category(), VatCategory::Exempt);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "VatExemptionFields"))]
#[cfg_attr(feature = "serde", serde(into = "VatExemptionFields"))]
pub struct VatExemption {
    category: VatCategory,
    code: Option<String>,
    text: String,
}

/// The serialised shape of [`VatExemption`].
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct VatExemptionFields {
    category: VatCategory,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    code: Option<String>,
    text: String,
}

impl TryFrom<VatExemptionFields> for VatExemption {
    type Error = RestoreError;

    fn try_from(fields: VatExemptionFields) -> Result<Self, Self::Error> {
        VatExemption::try_new(fields.category, fields.code.as_deref(), &fields.text).map_err(
            |error| {
                let field = match error {
                    LineError::Text {
                        field: "exemption code",
                        ..
                    } => "code",
                    _ => "text",
                };
                RestoreError::invalid("VatExemption", field, error)
            },
        )
    }
}

impl From<VatExemption> for VatExemptionFields {
    fn from(exemption: VatExemption) -> Self {
        VatExemptionFields {
            category: exemption.category,
            code: exemption.code,
            text: exemption.text,
        }
    }
}

impl VatExemption {
    /// Creates the wording of a category.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank text or one above 200 characters, or a code that is
    /// not `VATEX-` followed by 1–20 letters, digits and hyphens.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::VatExemption;
    /// use apkalpe_core::VatCategory;
    /// let exempt = VatExemption::try_new(VatCategory::Exempt, Some("VATEX-EU-132-1I"), "Izglītības pakalpojumi, PVN likuma 52. pants")?;
    /// assert_eq!(exempt.code(), Some("VATEX-EU-132-1I"));
    /// assert!(VatExemption::try_new(VatCategory::Exempt, Some("EX"), "x").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        category: VatCategory,
        code: Option<&str>,
        text: &str,
    ) -> Result<Self, LineError> {
        let text = check_text(text, "exemption text", MAX_TEXT_CHARS)?;
        let code = match code.map(str::trim).filter(|code| !code.is_empty()) {
            Some(code) => {
                let valid = code.strip_prefix("VATEX-").is_some_and(|rest| {
                    (1..=20).contains(&rest.len())
                        && rest
                            .bytes()
                            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
                });
                if !valid {
                    return Err(LineError::Text {
                        field: "exemption code",
                        max: 26,
                    });
                }
                Some(code.to_owned())
            }
            None => None,
        };
        Ok(VatExemption {
            category,
            code,
            text,
        })
    }

    /// Returns the standard wording of reverse charge (`AE`), intra-Community supply (`K`),
    /// export (`G`) and outside the scope of VAT (`O`); `None` for other categories.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::VatExemption;
    /// use apkalpe_core::VatCategory;
    /// let reverse = VatExemption::standard_for(VatCategory::ReverseCharge).ok_or("none")?;
    /// assert_eq!(reverse.code(), Some("VATEX-EU-AE"));
    /// assert!(VatExemption::standard_for(VatCategory::Standard).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn standard_for(category: VatCategory) -> Option<Self> {
        let (code, text) = match category {
            VatCategory::ReverseCharge => (
                "VATEX-EU-AE",
                "Nodokļa apgrieztā maksāšana (reverse charge)",
            ),
            VatCategory::IntraCommunitySupply => (
                "VATEX-EU-IC",
                "Preču piegāde Kopienas iekšienē, Direktīvas 2006/112/EK 138. panta 1. punkts (intra-Community supply, Directive 2006/112/EC art. 138(1))",
            ),
            VatCategory::Export => (
                "VATEX-EU-G",
                "Preču eksports, Direktīvas 2006/112/EK 146. pants (export outside the EU)",
            ),
            VatCategory::OutsideScope => (
                "VATEX-EU-O",
                "Darījums nav PVN apliekams (not subject to VAT)",
            ),
            _ => return None,
        };
        Some(VatExemption {
            category,
            code: Some(code.to_owned()),
            text: text.to_owned(),
        })
    }

    /// Returns the category.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::VatExemption;
    /// use apkalpe_core::VatCategory;
    /// let export = VatExemption::standard_for(VatCategory::Export).ok_or("none")?;
    /// assert_eq!(export.category(), VatCategory::Export);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn category(&self) -> VatCategory {
        self.category
    }

    /// Returns the VATEX code, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::VatExemption;
    /// use apkalpe_core::VatCategory;
    /// assert_eq!(VatExemption::try_new(VatCategory::Exempt, None, "Atbrīvots")?.code(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// Returns the reason text.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::VatExemption;
    /// use apkalpe_core::VatCategory;
    /// assert_eq!(VatExemption::try_new(VatCategory::Exempt, None, "Atbrīvots")?.text(), "Atbrīvots");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A reference to an earlier invoice: its number and issue date (EN 16931 BG-3). Credit
/// notes reference the invoice they correct; a final invoice references its advance
/// invoices.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::InvoiceReference;
/// use chrono::NaiveDate;
///
/// let date = NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("bad date")?;
/// let reference = InvoiceReference::try_new("INV2026-00001", Some(date))?;
/// assert_eq!(reference.number(), "INV2026-00001");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "InvoiceReferenceFields"))]
#[cfg_attr(feature = "serde", serde(into = "InvoiceReferenceFields"))]
pub struct InvoiceReference {
    number: String,
    issue_date: Option<NaiveDate>,
}

/// The serialised shape of [`InvoiceReference`].
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct InvoiceReferenceFields {
    number: String,
    #[cfg_attr(feature = "serde", serde(default))]
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    issue_date: Option<NaiveDate>,
}

impl TryFrom<InvoiceReferenceFields> for InvoiceReference {
    type Error = RestoreError;

    fn try_from(fields: InvoiceReferenceFields) -> Result<Self, Self::Error> {
        InvoiceReference::try_new(&fields.number, fields.issue_date)
            .map_err(|error| RestoreError::invalid("InvoiceReference", "number", error))
    }
}

impl From<InvoiceReference> for InvoiceReferenceFields {
    fn from(reference: InvoiceReference) -> Self {
        InvoiceReferenceFields {
            number: reference.number,
            issue_date: reference.issue_date,
        }
    }
}

impl InvoiceReference {
    /// Creates a reference.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank number or one above 200 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::InvoiceReference;
    /// use chrono::NaiveDate;
    /// let advance = InvoiceReference::try_new("AV2026-0003", NaiveDate::from_ymd_opt(2026, 2, 1))?;
    /// assert_eq!(advance.number(), "AV2026-0003");
    /// assert!(InvoiceReference::try_new(" ", None).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(number: &str, issue_date: Option<NaiveDate>) -> Result<Self, LineError> {
        Ok(InvoiceReference {
            number: check_text(number, "invoice number", MAX_TEXT_CHARS)?,
            issue_date,
        })
    }

    /// Creates a reference to a number our series issued (never blank).
    pub(crate) fn from_issued(
        number: &apkalpe_core::DocumentNumber,
        issue_date: NaiveDate,
    ) -> Self {
        InvoiceReference {
            number: number.as_str().to_owned(),
            issue_date: Some(issue_date),
        }
    }

    /// Returns the referenced invoice's number.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::InvoiceReference;
    /// assert_eq!(InvoiceReference::try_new("INV2026-00001", None)?.number(), "INV2026-00001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns its issue date, if known.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::InvoiceReference;
    /// assert_eq!(InvoiceReference::try_new("INV2026-00001", None)?.issue_date(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn issue_date(&self) -> Option<NaiveDate> {
        self.issue_date
    }
}

/// The content of an invoice or credit note: parties, dates, payment, references, lines,
/// document allowances and charges, VAT wording and the prepaid amount.
///
/// Drafts build it with setters; issued and received documents hand it out read-only.
///
/// # Saved form
///
/// Every field by name: `currency`, `seller`, `buyer`, `supply_date`, `due_date`,
/// `payment_terms`, `payment_means`, `payment_reference`, `buyer_reference`,
/// `order_reference`, `note` (absent ones `null`), `lines`, `adjustments`, `exemptions`,
/// `prepaid`, `preceding_invoices`, `rounding`, and `exchange_rate` (left out when there is
/// none, see [`ExchangeRate`](crate::ExchangeRate)). It deserialises through the checks of the
/// setters: texts as the draft's setters check them, each line, allowance, party and wording
/// through its own constructor, at most one wording per VAT category. The requisites are
/// checked by the issued document that holds the content, as of its issue date.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "InvoiceContentRecord"))]
pub struct InvoiceContent {
    pub(crate) currency: Currency,
    pub(crate) seller: Party,
    pub(crate) buyer: Party,
    pub(crate) supply_date: Option<NaiveDate>,
    pub(crate) due_date: Option<NaiveDate>,
    pub(crate) payment_terms: Option<String>,
    pub(crate) payment_means: PaymentMeans,
    pub(crate) payment_reference: Option<CreditorReference>,
    pub(crate) buyer_reference: Option<String>,
    pub(crate) order_reference: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) lines: Vec<InvoiceLine>,
    pub(crate) adjustments: Vec<DocumentAdjustment>,
    pub(crate) exemptions: Vec<VatExemption>,
    pub(crate) prepaid: Option<Money>,
    pub(crate) preceding_invoices: Vec<InvoiceReference>,
    pub(crate) rounding: RoundingPolicy,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub(crate) exchange_rate: Option<ExchangeRate>,
}

#[cfg(feature = "serde")]
/// The saved form of [`InvoiceContent`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub(crate) struct InvoiceContentRecord {
    currency: Currency,
    seller: Party,
    buyer: Party,
    supply_date: Option<NaiveDate>,
    due_date: Option<NaiveDate>,
    payment_terms: Option<String>,
    payment_means: PaymentMeans,
    payment_reference: Option<CreditorReference>,
    buyer_reference: Option<String>,
    order_reference: Option<String>,
    note: Option<String>,
    lines: Vec<InvoiceLine>,
    adjustments: Vec<DocumentAdjustment>,
    exemptions: Vec<VatExemption>,
    prepaid: Option<Money>,
    preceding_invoices: Vec<InvoiceReference>,
    rounding: RoundingPolicy,
    #[cfg_attr(feature = "serde", serde(default))]
    exchange_rate: Option<ExchangeRate>,
}

#[cfg(feature = "serde")]
impl TryFrom<InvoiceContentRecord> for InvoiceContent {
    type Error = RestoreError;

    fn try_from(record: InvoiceContentRecord) -> Result<Self, Self::Error> {
        InvoiceContent::restore(record, "InvoiceContent")
    }
}

impl InvoiceContent {
    #[cfg(feature = "serde")]
    /// Restores saved content for `what` (the document holding it), as the setters check it.
    pub(crate) fn restore(
        record: InvoiceContentRecord,
        what: &'static str,
    ) -> Result<Self, RestoreError> {
        for (index, exemption) in record.exemptions.iter().enumerate() {
            let earlier = record.exemptions.iter().take(index);
            if earlier
                .into_iter()
                .any(|other| other.category() == exemption.category())
            {
                return Err(RestoreError::duplicate(
                    what,
                    format!("exemptions[{index}].category"),
                    exemption.category(),
                ));
            }
        }
        Ok(InvoiceContent {
            currency: record.currency,
            seller: record.seller,
            buyer: record.buyer,
            supply_date: record.supply_date,
            due_date: record.due_date,
            payment_terms: saved::optional_note(
                what,
                "payment_terms",
                record.payment_terms,
                "payment terms",
            )?,
            payment_means: record.payment_means,
            payment_reference: record.payment_reference,
            buyer_reference: saved::optional_text(
                what,
                "buyer_reference",
                record.buyer_reference,
                "buyer reference",
            )?,
            order_reference: saved::optional_text(
                what,
                "order_reference",
                record.order_reference,
                "order reference",
            )?,
            note: saved::optional_note(what, "note", record.note, "note")?,
            lines: record.lines,
            adjustments: record.adjustments,
            exemptions: record.exemptions,
            prepaid: record.prepaid,
            preceding_invoices: record.preceding_invoices,
            rounding: record.rounding,
            exchange_rate: record.exchange_rate,
        })
    }

    /// Creates content with parties and currency and nothing else.
    pub(crate) fn new(seller: Party, buyer: Party, currency: Currency) -> Self {
        InvoiceContent {
            currency,
            seller,
            buyer,
            supply_date: None,
            due_date: None,
            payment_terms: None,
            payment_means: PaymentMeans::default(),
            payment_reference: None,
            buyer_reference: None,
            order_reference: None,
            note: None,
            lines: Vec::new(),
            adjustments: Vec::new(),
            exemptions: Vec::new(),
            prepaid: None,
            preceding_invoices: Vec::new(),
            rounding: RoundingPolicy::EN_16931,
            exchange_rate: None,
        }
    }

    /// Returns the document currency (BT-5).
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
    /// assert_eq!(invoice.content().currency(), Currency::EUR);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn currency(&self) -> Currency {
        self.currency
    }

    /// Returns the seller (*piegādātājs*, BG-4).
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
    /// assert_eq!(invoice.content().seller().name(), draft.content().seller().name());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn seller(&self) -> &Party {
        &self.seller
    }

    /// Returns the buyer (*saņēmējs*, BG-7).
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
    /// assert!(invoice.content().buyer().vat_identifier().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn buyer(&self) -> &Party {
        &self.buyer
    }

    /// Returns the supply date (BT-72), when given.
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
    /// assert_eq!(invoice.content().supply_date(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn supply_date(&self) -> Option<NaiveDate> {
        self.supply_date
    }

    /// Returns the payment due date (BT-9), when given.
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
    /// assert_eq!(invoice.content().due_date(), NaiveDate::from_ymd_opt(2026, 3, 16));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn due_date(&self) -> Option<NaiveDate> {
        self.due_date
    }

    /// Returns the payment terms (BT-20), when given.
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
    /// assert_eq!(invoice.content().payment_terms(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn payment_terms(&self) -> Option<&str> {
        self.payment_terms.as_deref()
    }

    /// Returns the payment means (BT-81).
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
    /// use apkalpe_accounting::PaymentMeans;
    /// assert_eq!(invoice.content().payment_means(), PaymentMeans::CreditTransfer);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn payment_means(&self) -> PaymentMeans {
        self.payment_means
    }

    /// Returns the structured creditor reference for the payment (BT-83), when given; without
    /// one, the payment reference is the document number.
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
    /// assert!(invoice.content().payment_reference().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn payment_reference(&self) -> Option<&CreditorReference> {
        self.payment_reference.as_ref()
    }

    /// Returns the buyer reference (BT-10), when given.
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
    /// assert_eq!(invoice.content().buyer_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn buyer_reference(&self) -> Option<&str> {
        self.buyer_reference.as_deref()
    }

    /// Returns the purchase order reference (BT-13), when given.
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
    /// assert_eq!(invoice.content().order_reference(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn order_reference(&self) -> Option<&str> {
        self.order_reference.as_deref()
    }

    /// Returns the note (BT-22), when given.
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
    /// assert_eq!(invoice.content().note(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// Returns the lines.
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
    /// assert_eq!(invoice.content().lines(), [chair]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[InvoiceLine] {
        &self.lines
    }

    /// Returns the document allowances and charges.
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
    /// assert!(invoice.content().adjustments().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn adjustments(&self) -> &[DocumentAdjustment] {
        &self.adjustments
    }

    /// Returns the VAT wording set for categories (see [`InvoiceContent::exemption_for`] for
    /// the wording actually printed).
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
    /// assert!(invoice.content().exemptions().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exemptions(&self) -> &[VatExemption] {
        &self.exemptions
    }

    /// Returns the wording printed for a category: the one set, else the standard one.
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
    /// assert!(invoice.content().exemption_for(VatCategory::Exempt).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exemption_for(&self, category: VatCategory) -> Option<VatExemption> {
        self.exemptions
            .iter()
            .find(|exemption| exemption.category() == category)
            .cloned()
            .or_else(|| VatExemption::standard_for(category))
    }

    /// Returns the prepaid amount (BT-113), when any.
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
    /// assert_eq!(invoice.content().prepaid(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn prepaid(&self) -> Option<Money> {
        self.prepaid
    }

    /// Returns the preceding invoices referenced (advance invoices, BG-3).
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
    /// assert!(invoice.content().preceding_invoices().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn preceding_invoices(&self) -> &[InvoiceReference] {
        &self.preceding_invoices
    }

    /// Returns the rounding policy of the totals.
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
    /// use apkalpe_accounting::RoundingPolicy;
    /// assert_eq!(invoice.content().rounding(), RoundingPolicy::default());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rounding(&self) -> RoundingPolicy {
        self.rounding
    }

    /// Returns the exchange rate of a document in a currency other than the euro, when
    /// given.
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
    /// assert!(invoice.content().exchange_rate().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn exchange_rate(&self) -> Option<&ExchangeRate> {
        self.exchange_rate.as_ref()
    }

    /// Returns an amount of the document in euro: itself in a euro document; converted with
    /// the exchange rate, rounded with the VAT rounding, in a document in another currency;
    /// `None` there without a rate.
    pub(crate) fn in_euro(&self, amount: Money) -> Result<Option<Money>, apkalpe_core::MoneyError> {
        if amount.currency() == apkalpe_core::Currency::EUR {
            return Ok(Some(amount));
        }
        self.exchange_rate
            .map(|rate| rate.to_euro(amount, self.rounding.vat()))
            .transpose()
    }

    /// Computes the totals.
    pub(crate) fn totals(&self) -> Result<crate::DocumentTotals, apkalpe_core::MoneyError> {
        crate::DocumentTotals::compute(
            self.currency,
            &self.lines,
            &self.adjustments,
            self.prepaid,
            &self.rounding,
        )
    }
}

/// Checks a note-like text (1–1000 characters, no control characters but line breaks).
pub(crate) fn check_note(text: &str, field: &'static str) -> Result<String, LineError> {
    let trimmed = text.trim();
    let length = trimmed.chars().count();
    if length == 0
        || length > MAX_NOTE_CHARS
        || trimmed
            .chars()
            .any(|character| character.is_control() && character != '\n')
    {
        return Err(LineError::Text {
            field,
            max: MAX_NOTE_CHARS,
        });
    }
    Ok(trimmed.to_owned())
}
