//! The reader's verdict: the refusal ([`ReadInvoiceError`]) and the findings
//! ([`ReceivedFinding`]) a read document carries.

use std::fmt;

use rust_decimal::Decimal;

/// The part of a received document a finding or a refusal is about: whose data it is.
///
/// Displayed the way a person names it ("seller", "line 3", "payee account"); serialized
/// with a `part` tag and the part's position (`{"part": "line", "id": "3", "position": 3}`).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::DocumentPart;
///
/// assert_eq!(DocumentPart::Seller.to_string(), "seller");
/// let line = DocumentPart::Line { id: "3".to_owned(), position: 3 };
/// assert_eq!(line.to_string(), "line 3");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "part", rename_all = "snake_case"))]
#[non_exhaustive]
pub enum DocumentPart {
    /// The document as a whole (number, dates, currency, references).
    Document,
    /// The seller (BG-4).
    Seller,
    /// The buyer (BG-7).
    Buyer,
    /// The payee (BG-10).
    Payee,
    /// The seller's tax representative (BG-11).
    TaxRepresentative,
    /// The delivery information (BG-13).
    Delivery,
    /// The payment instructions (BG-16), one `PaymentMeans` element.
    Payment {
        /// The 1-based position of the `PaymentMeans` element.
        position: usize,
    },
    /// The payee's account (BT-84) of a credit transfer.
    PayeeAccount {
        /// The 1-based position of the `PaymentMeans` element.
        position: usize,
    },
    /// The remittance information (BT-83), the payment reference.
    PaymentReference {
        /// The 1-based position of the `PaymentMeans` element.
        position: usize,
    },
    /// The direct debit (BG-19): mandate, creditor and debited account.
    DirectDebit {
        /// The 1-based position of the `PaymentMeans` element.
        position: usize,
    },
    /// A document level allowance (BG-20) or charge (BG-21).
    AllowanceCharge {
        /// The 1-based position among the document level allowances and charges.
        position: usize,
    },
    /// The document totals (BG-22).
    Totals,
    /// A row of the VAT breakdown (BG-23).
    VatBreakdown {
        /// The VAT category code (BT-118).
        category: String,
        /// The VAT rate (BT-119), if stated.
        #[cfg_attr(feature = "serde", serde(with = "super::model::decimal_text::option"))]
        rate: Option<Decimal>,
    },
    /// A supporting document (BG-24).
    SupportingDocument {
        /// The 1-based position of the document reference.
        position: usize,
    },
    /// An invoice line (BG-25).
    Line {
        /// The line's identifier (BT-126), as the document numbers it.
        id: String,
        /// The 1-based position of the line.
        position: usize,
    },
}

impl fmt::Display for DocumentPart {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocumentPart::Document => f.write_str("document"),
            DocumentPart::Seller => f.write_str("seller"),
            DocumentPart::Buyer => f.write_str("buyer"),
            DocumentPart::Payee => f.write_str("payee"),
            DocumentPart::TaxRepresentative => f.write_str("seller tax representative"),
            DocumentPart::Delivery => f.write_str("delivery"),
            DocumentPart::Payment { .. } => f.write_str("payment means"),
            DocumentPart::PayeeAccount { .. } => f.write_str("payee account"),
            DocumentPart::PaymentReference { .. } => f.write_str("payment reference"),
            DocumentPart::DirectDebit { .. } => f.write_str("direct debit"),
            DocumentPart::AllowanceCharge { position } => {
                write!(f, "document allowance or charge {position}")
            }
            DocumentPart::Totals => f.write_str("totals"),
            DocumentPart::VatBreakdown { category, rate } => match rate {
                Some(rate) => write!(f, "VAT breakdown {category} {}%", rate.normalize()),
                None => write!(f, "VAT breakdown {category}"),
            },
            DocumentPart::SupportingDocument { position } => {
                write!(f, "supporting document {position}")
            }
            DocumentPart::Line { id, .. } => write!(f, "line {id}"),
        }
    }
}

/// What a finding is about: a closed list, each with a stable code.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::ReceivedFindingKind;
///
/// assert_eq!(ReceivedFindingKind::Iban.code(), "received.iban");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum ReceivedFindingKind {
    /// A term EN 16931 requires is absent (a name, a country, an item name…).
    MissingTerm,
    /// A code outside its EN 16931 code list (type code, payment means, country, unit…).
    UnknownCode,
    /// A currency code that is not in ISO 4217.
    UnknownCurrency,
    /// An amount stated in another currency than the document's (BT-5).
    AmountCurrency,
    /// An amount with more decimals than EN 16931 allows (BR-DEC).
    Decimals,
    /// A line net amount (BT-131) other than quantity × net price + charges − allowances
    /// (Peppol's PEPPOL-EN16931-R120, a finding outside Peppol).
    LineNet,
    /// An allowance or charge amount other than base × percentage (PEPPOL-EN16931-R040).
    AllowancePercentage,
    /// A net price (BT-146) other than gross price − discount (PEPPOL-EN16931-R046).
    NetPrice,
    /// A VAT identifier of an EU member state (or Northern Ireland) in the wrong shape or,
    /// for Latvia, with a wrong checksum.
    VatId,
    /// A Latvian registration number (scheme 0218) with a wrong format or checksum.
    RegistrationNumber,
    /// An account that looks like an IBAN but is not one (length, check digits).
    Iban,
    /// A SEPA payment to or from an account that is not an IBAN.
    AccountNotIban,
    /// A payment reference that starts like an ISO 11649 creditor reference (RF) and is not
    /// one.
    CreditorReference,
    /// An e-mail address that is not one.
    Email,
    /// The buyer has no VAT identifier (BT-48), which a Latvian VAT invoice to a VAT payer
    /// states.
    BuyerVatIdMissing,
    /// Dates in the wrong order (a due date before the issue date, a period ending before it
    /// starts).
    DateOrder,
    /// A VAT category without the exemption reason EN 16931 asks for.
    ExemptionReasonMissing,
}

impl ReceivedFindingKind {
    /// Returns the stable code, `received.<kind>`.
    pub const fn code(self) -> &'static str {
        match self {
            ReceivedFindingKind::MissingTerm => "received.missing_term",
            ReceivedFindingKind::UnknownCode => "received.unknown_code",
            ReceivedFindingKind::UnknownCurrency => "received.unknown_currency",
            ReceivedFindingKind::AmountCurrency => "received.amount_currency",
            ReceivedFindingKind::Decimals => "received.decimals",
            ReceivedFindingKind::LineNet => "received.line_net",
            ReceivedFindingKind::AllowancePercentage => "received.allowance_percentage",
            ReceivedFindingKind::NetPrice => "received.net_price",
            ReceivedFindingKind::VatId => "received.vat_id",
            ReceivedFindingKind::RegistrationNumber => "received.registration_number",
            ReceivedFindingKind::Iban => "received.iban",
            ReceivedFindingKind::AccountNotIban => "received.account_not_iban",
            ReceivedFindingKind::CreditorReference => "received.creditor_reference",
            ReceivedFindingKind::Email => "received.email",
            ReceivedFindingKind::BuyerVatIdMissing => "received.buyer_vat_id_missing",
            ReceivedFindingKind::DateOrder => "received.date_order",
            ReceivedFindingKind::ExemptionReasonMissing => "received.exemption_reason_missing",
        }
    }
}

/// Something in a received document that our own policy or Latvian law would not accept
/// when issuing, or that breaks an EN 16931 rule other than a calculation: the document is
/// still read, and the finding says whose data and which business term.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DocumentPart, ReceivedFinding, ReceivedFindingKind};
///
/// let finding = ReceivedFinding::new(
///     ReceivedFindingKind::LineNet,
///     DocumentPart::Line { id: "3".to_owned(), position: 3 },
///     "BT-131",
///     Some("PEPPOL-EN16931-R120"),
///     "10.99 ≠ quantity × net price 24.19",
/// );
/// assert_eq!(finding.to_string(), "line 3: BT-131 10.99 ≠ quantity × net price 24.19 (PEPPOL-EN16931-R120)");
/// assert_eq!(finding.code(), "received.line_net");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ReceivedFinding {
    /// The stable code, `received.<kind>`, repeated for readers of the JSON.
    code: String,
    kind: ReceivedFindingKind,
    part: DocumentPart,
    term: String,
    rule: Option<String>,
    message: String,
}

impl ReceivedFinding {
    /// Makes a finding: what kind, whose data, which business term (`BT-31`), the rule it
    /// breaks if it is a published one, and what is wrong.
    pub fn new(
        kind: ReceivedFindingKind,
        part: DocumentPart,
        term: impl Into<String>,
        rule: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        ReceivedFinding {
            code: kind.code().to_owned(),
            kind,
            part,
            term: term.into(),
            rule: rule.map(str::to_owned),
            message: message.into(),
        }
    }

    /// Returns the stable code.
    pub fn code(&self) -> &'static str {
        self.kind.code()
    }

    /// Returns the kind.
    pub const fn kind(&self) -> ReceivedFindingKind {
        self.kind
    }

    /// Returns whose data the finding is about.
    pub const fn part(&self) -> &DocumentPart {
        &self.part
    }

    /// Returns the business term (`BT-31`, `BG-16`).
    pub fn term(&self) -> &str {
        &self.term
    }

    /// Returns the published rule the finding corresponds to (`BR-06`,
    /// `PEPPOL-EN16931-R120`), if any.
    pub fn rule(&self) -> Option<&str> {
        self.rule.as_deref()
    }

    /// Returns what is wrong, without the part and term.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ReceivedFinding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} {}", self.part, self.term, self.message)?;
        if let Some(rule) = &self.rule {
            write!(f, " ({rule})")?;
        }
        Ok(())
    }
}

/// Why a text is not read as a received invoice: it is not a well-formed UBL 2.1 `Invoice`
/// or `CreditNote`, or its amounts contradict each other under the EN 16931 calculation
/// rules. Everything else is a [`ReceivedFinding`].
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// let error = read_received_invoice("<Order/>").unwrap_err();
/// assert_eq!(error.code(), "received.not_ubl");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReadInvoiceError {
    /// The text is larger than the reader accepts.
    #[error("document has {found} bytes, at most {max} are read")]
    TooLarge {
        /// The limit, in bytes.
        max: usize,
        /// The size of the text.
        found: usize,
    },
    /// The XML is not well formed.
    #[error("xml is not well formed at byte {position}")]
    Xml {
        /// The byte offset where the parser stopped.
        position: u64,
    },
    /// The XML nests deeper than the reader allows.
    #[error("xml nests deeper than {max} levels")]
    TooDeep {
        /// The limit.
        max: usize,
    },
    /// The root element is not a UBL 2.1 `Invoice` or `CreditNote` (name and namespace).
    #[error(
        "root element must be a UBL 2.1 Invoice or CreditNote, found {found:?} in namespace {namespace:?}"
    )]
    NotUbl {
        /// The local name of the root, cut to 32 characters.
        found: String,
        /// The root's namespace, cut to 80 characters (empty when none is declared).
        namespace: String,
    },
    /// An element the schema or the calculation rules need is absent.
    #[error("{part}: {term} ({path}) is missing ({rule})")]
    Missing {
        /// The rule that needs it: `UBL-2.1-XSD`, or a calculation rule (`BR-CO-15`).
        rule: &'static str,
        /// Whose data.
        part: Box<DocumentPart>,
        /// The business term, or the UBL element when it is not one.
        term: &'static str,
        /// The UBL path of the element.
        path: &'static str,
    },
    /// An element's text is not a value of its schema type (a date, a decimal, a boolean,
    /// an amount without its currency).
    #[error("{part}: {term} ({path}) holds {found:?}, expected {expected} ({rule})")]
    Value {
        /// The rule the value breaks: `UBL-2.1-XSD`, or a code list rule (`BR-CL-04`).
        rule: &'static str,
        /// Whose data.
        part: Box<DocumentPart>,
        /// The business term.
        term: &'static str,
        /// The UBL path of the element.
        path: &'static str,
        /// What the schema allows.
        expected: &'static str,
        /// The text, cut to 32 characters.
        found: String,
    },
    /// Amounts contradict each other under an EN 16931 calculation rule (or, in a Peppol
    /// BIS document, a Peppol one), beyond the tolerance the rule gives.
    #[error("{part}: {term} is {}, {rule} gives {expected}", stated.map_or_else(|| "absent".to_owned(), |stated| stated.to_string()))]
    Contradiction {
        /// The rule (`BR-CO-10`, `BR-S-08`, `PEPPOL-EN16931-R120`).
        rule: &'static str,
        /// Whose amount.
        part: Box<DocumentPart>,
        /// The business term of the stated amount (`BT-106`).
        term: &'static str,
        /// The amount the document states, if it states one.
        stated: Option<Decimal>,
        /// The amount the rule computes from the other amounts.
        expected: Decimal,
    },
    /// A VAT category breakdown the rules require is absent or doubled.
    #[error("VAT breakdown has {found} rows of category {category}, {rule} asks for {expected}")]
    Breakdown {
        /// The rule (`BR-CO-18`, `BR-S-01`, `BR-Z-01`…).
        rule: &'static str,
        /// The category code.
        category: String,
        /// The rows found.
        found: usize,
        /// What the rule asks for ("at least one", "exactly one").
        expected: &'static str,
    },
    /// Amounts too large to add up (beyond 28 significant digits).
    #[error("{part}: amounts too large to compute {term}")]
    Overflow {
        /// Whose amounts.
        part: Box<DocumentPart>,
        /// The business term being computed.
        term: &'static str,
    },
}

impl ReadInvoiceError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// See [`ReadInvoiceError`].
    pub fn code(&self) -> &'static str {
        match self {
            ReadInvoiceError::TooLarge { .. } => "received.too_large",
            ReadInvoiceError::Xml { .. } => "received.xml",
            ReadInvoiceError::TooDeep { .. } => "received.too_deep",
            ReadInvoiceError::NotUbl { .. } => "received.not_ubl",
            ReadInvoiceError::Missing { .. } => "received.missing",
            ReadInvoiceError::Value { .. } => "received.value",
            ReadInvoiceError::Contradiction { .. } => "received.totals_contradict",
            ReadInvoiceError::Breakdown { .. } => "received.breakdown",
            ReadInvoiceError::Overflow { .. } => "received.overflow",
        }
    }

    /// Returns the published rule the refusal names: a calculation rule (`BR-CO-10`), the
    /// UBL 2.1 schema (`UBL-2.1-XSD`) for a document that is not well formed, or a code list
    /// rule (`BR-CL-04`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::read_received_invoice;
    ///
    /// assert_eq!(read_received_invoice("<a>").unwrap_err().rule(), "XML-1.0");
    /// ```
    pub fn rule(&self) -> &'static str {
        match self {
            ReadInvoiceError::TooLarge { .. } => "reader-limit",
            ReadInvoiceError::Xml { .. } => "XML-1.0",
            ReadInvoiceError::TooDeep { .. } => "reader-limit",
            ReadInvoiceError::NotUbl { .. } => "UBL-2.1-XSD",
            ReadInvoiceError::Missing { rule, .. }
            | ReadInvoiceError::Value { rule, .. }
            | ReadInvoiceError::Contradiction { rule, .. }
            | ReadInvoiceError::Breakdown { rule, .. } => rule,
            ReadInvoiceError::Overflow { .. } => "reader-limit",
        }
    }
}
