//! Payment instructions, document allowances and charges, the totals and the VAT breakdown
//! of a received document.

use apkalpe_core::CreditorReference;
use rust_decimal::Decimal;

use super::*;

/// A credit transfer account (BG-17).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let account = &invoice.payment_means()[0].accounts()[0];
/// assert_eq!(account.id(), "NO9386011117947");
/// assert_eq!(account.name(), Some("Nordfaktura AS"));
/// assert_eq!(account.service_provider(), Some("DNBANOKK"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedAccount {
    /// The payment account identifier (BT-84): an IBAN or any other account number.
    pub(crate) id: String,
    /// The account name (BT-85).
    pub(crate) name: Option<String>,
    /// The payment service provider identifier (BT-86), a BIC or a national bank code.
    pub(crate) service_provider: Option<String>,
}

impl ReceivedAccount {
    /// Returns the payment account identifier (BT-84): an IBAN or any other account number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // An IBAN here; any other account number is kept as sent too.
    /// assert_eq!(invoice.payment_means()[0].accounts()[0].id(), "NO9386011117947");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Returns the account name (BT-85).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.payment_means()[0].accounts()[0].name(), Some("Nordfaktura AS"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Returns the payment service provider identifier (BT-86), a BIC or a national bank code.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // The BIC of the payee's bank.
    /// assert_eq!(invoice.payment_means()[0].accounts()[0].service_provider(), Some("DNBANOKK"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn service_provider(&self) -> Option<&str> {
        self.service_provider.as_deref()
    }
}

/// Card information (BG-18).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-card.xml");
/// // `xml`: a credit note refunded to a card (`tests/fixtures/doc-examples/received-card.xml`).
/// let credit_note = read_received_invoice(xml)?;
/// // A credit note refunded to the card it names by its last digits.
/// let card = credit_note.payment_means()[0].card().ok_or("no card")?;
/// assert_eq!(card.account_number(), "4417");
/// assert_eq!(card.holder_name(), Some("Ilze Kalniņa"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedCard {
    /// The primary account number (BT-87), as sent: EN 16931 sends only the last 4–6
    /// digits.
    pub(crate) account_number: String,
    /// The card holder name (BT-88).
    pub(crate) holder_name: Option<String>,
}

impl ReceivedCard {
    /// Returns the primary account number (BT-87), as sent: EN 16931 sends only the last 4–6
    /// digits.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-card.xml");
    /// let credit_note = read_received_invoice(xml)?;
    /// let card = credit_note.payment_means()[0].card().ok_or("no card")?;
    /// assert_eq!(card.account_number(), "4417");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn account_number(&self) -> &str {
        &self.account_number
    }

    /// Returns the card holder name (BT-88).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-card.xml");
    /// let credit_note = read_received_invoice(xml)?;
    /// let card = credit_note.payment_means()[0].card().ok_or("no card")?;
    /// assert_eq!(card.holder_name(), Some("Ilze Kalniņa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn holder_name(&self) -> Option<&str> {
        self.holder_name.as_deref()
    }
}

/// A direct debit (BG-19).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-direct-debit.xml");
/// // `xml`: an invoice collected by SEPA direct debit (`tests/fixtures/doc-examples/received-direct-debit.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let debit = invoice.payment_means()[0].direct_debit().ok_or("no direct debit")?;
/// assert_eq!(debit.mandate(), Some("MNDT-2026-0042"));
/// // The seller's identifier of scheme SEPA.
/// assert_eq!(debit.creditor_id(), Some("NO38ZZZ123456785"));
/// assert_eq!(debit.debited_account(), Some("LV44HABA0551000000001"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedDirectDebit {
    /// The mandate reference (BT-89).
    pub(crate) mandate: Option<String>,
    /// The bank assigned creditor identifier (BT-90): the seller's or payee's identifier of
    /// scheme `SEPA`.
    pub(crate) creditor_id: Option<String>,
    /// The debited account (BT-91).
    pub(crate) debited_account: Option<String>,
}

impl ReceivedDirectDebit {
    /// Returns the mandate reference (BT-89).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-direct-debit.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let debit = invoice.payment_means()[0].direct_debit().ok_or("no direct debit")?;
    /// assert_eq!(debit.mandate(), Some("MNDT-2026-0042"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mandate(&self) -> Option<&str> {
        self.mandate.as_deref()
    }

    /// Returns the bank assigned creditor identifier (BT-90): the seller's or payee's identifier of
    /// scheme `SEPA`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-direct-debit.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let debit = invoice.payment_means()[0].direct_debit().ok_or("no direct debit")?;
    /// assert_eq!(debit.creditor_id(), Some("NO38ZZZ123456785"));
    /// // It is not among the seller's identifiers (BT-29).
    /// assert!(invoice.seller().identifiers().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn creditor_id(&self) -> Option<&str> {
        self.creditor_id.as_deref()
    }

    /// Returns the debited account (BT-91).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-direct-debit.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let debit = invoice.payment_means()[0].direct_debit().ok_or("no direct debit")?;
    /// assert_eq!(debit.debited_account(), Some("LV44HABA0551000000001"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn debited_account(&self) -> Option<&str> {
        self.debited_account.as_deref()
    }
}

/// One way of paying (a UBL `PaymentMeans`, BG-16): any UNCL 4461 means.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let means = &invoice.payment_means()[0];
/// assert_eq!(means.code(), "30");
/// assert_eq!(means.latvian_name(), Some("pārskaitījums"));
/// assert_eq!(means.reference(), Some("RF18539007547034"));
/// assert_eq!(means.accounts()[0].id(), "NO9386011117947");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPaymentMeans {
    /// The payment means type code (BT-81), UNCL 4461: 30 credit transfer, 58 SEPA credit
    /// transfer, 49 and 59 direct debit, 48 and 54 card, 10 cash, 1 not defined…
    pub(crate) code: String,
    /// The payment means text (BT-82).
    pub(crate) text: Option<String>,
    /// The remittance information (BT-83), the payment reference exactly as sent.
    pub(crate) reference: Option<String>,
    /// The credit transfer accounts (BG-17).
    pub(crate) accounts: Vec<ReceivedAccount>,
    /// The card (BG-18).
    pub(crate) card: Option<ReceivedCard>,
    /// The direct debit (BG-19).
    pub(crate) direct_debit: Option<ReceivedDirectDebit>,
}

impl ReceivedPaymentMeans {
    /// Returns the payment means type code (BT-81), UNCL 4461: 30 credit transfer, 58 SEPA credit
    /// transfer, 49 and 59 direct debit, 48 and 54 card, 10 cash, 1 not defined…
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // UNCL 4461 code 30: credit transfer.
    /// assert_eq!(invoice.payment_means()[0].code(), "30");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Returns the payment means text (BT-82).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.payment_means()[0].text(), Some("Credit transfer"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// Returns the remittance information (BT-83), the payment reference exactly as sent.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let reference = invoice.payment_means()[0].reference();
    /// assert_eq!(reference, Some("RF18539007547034"));
    /// // Here a valid ISO 11649 creditor reference.
    /// assert!(invoice.payment_means()[0].creditor_reference().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reference(&self) -> Option<&str> {
        self.reference.as_deref()
    }

    /// Returns the credit transfer accounts (BG-17).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let accounts = invoice.payment_means()[0].accounts();
    /// assert_eq!(accounts.len(), 1);
    /// assert_eq!(accounts[0].id(), "NO9386011117947");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn accounts(&self) -> &[ReceivedAccount] {
        &self.accounts
    }

    /// Returns the card (BG-18).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-card.xml");
    /// let credit_note = read_received_invoice(xml)?;
    /// assert_eq!(credit_note.payment_means()[0].card().map(|card| card.account_number()), Some("4417"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn card(&self) -> Option<&ReceivedCard> {
        self.card.as_ref()
    }

    /// Returns the direct debit (BG-19).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-direct-debit.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let debit = invoice.payment_means()[0].direct_debit();
    /// assert_eq!(debit.and_then(|debit| debit.mandate()), Some("MNDT-2026-0042"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn direct_debit(&self) -> Option<&ReceivedDirectDebit> {
        self.direct_debit.as_ref()
    }

    /// Returns the Latvian name of the means (`pārskaitījums`, `tiešais debets`, `karte`…),
    /// or `None` for a code without one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.payment_means()[0].latvian_name(), Some("pārskaitījums"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn latvian_name(&self) -> Option<&'static str> {
        Some(match self.code.as_str() {
            "1" | "ZZZ" => "nav noteikts",
            "10" => "skaidrā naudā",
            "20" => "čeks",
            "30" | "31" | "42" => "pārskaitījums",
            "58" => "SEPA pārskaitījums",
            "49" | "59" => "tiešais debets",
            "48" | "54" | "55" => "maksājumu karte",
            "57" => "pastāvīgais rīkojums",
            "68" => "tiešsaistes maksājums",
            "97" => "ieskaits",
            _ => return None,
        })
    }

    /// Returns the payment reference as an ISO 11649 creditor reference, when it is a valid
    /// one.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let reference = invoice.payment_means()[0].creditor_reference().ok_or("not an RF reference")?;
    /// assert_eq!(reference.as_str(), "RF18539007547034");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn creditor_reference(&self) -> Option<CreditorReference> {
        self.reference
            .as_deref()
            .and_then(|reference| CreditorReference::try_new(reference).ok())
    }
}

/// Whether an allowance or charge lowers or raises the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum AllowanceChargeKind {
    /// An allowance (`ChargeIndicator` false or 0): lowers the amount.
    Allowance,
    /// A charge (`ChargeIndicator` true or 1): raises the amount.
    Charge,
}

/// An allowance or charge: of the document (BG-20, BG-21, with a VAT category) or of a line
/// (BG-27, BG-28, without one). Zero amounts are kept.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{read_received_invoice, AllowanceChargeKind, ReceivedVatCategory};
/// use rust_decimal_macros::dec;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let [discount, freight] = invoice.allowances_charges() else { return Err("two adjustments".into()) };
/// // 2 % of 4750.00, and a freight charge, both at 21 %.
/// assert_eq!(discount.kind(), AllowanceChargeKind::Allowance);
/// assert_eq!(discount.signed_amount(), dec!(-95.00));
/// assert_eq!(freight.kind(), AllowanceChargeKind::Charge);
/// assert_eq!(freight.amount().to_string(), "600.00 NOK");
/// assert_eq!(freight.vat_category(), Some(ReceivedVatCategory::Standard));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedAllowanceCharge {
    /// Allowance or charge.
    pub(crate) kind: AllowanceChargeKind,
    /// The amount (BT-92, BT-99, BT-136, BT-141).
    pub(crate) amount: StatedAmount,
    /// The base amount (BT-93, BT-100, BT-137, BT-142).
    pub(crate) base_amount: Option<StatedAmount>,
    /// The percentage (BT-94, BT-101, BT-138, BT-143).
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub(crate) percentage: Option<Decimal>,
    /// The VAT category (BT-95, BT-102), for document level ones.
    pub(crate) vat_category: Option<ReceivedVatCategory>,
    /// The VAT rate (BT-96, BT-103), for document level ones.
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub(crate) vat_rate: Option<Decimal>,
    /// The reason (BT-97, BT-104, BT-139, BT-144).
    pub(crate) reason: Option<String>,
    /// The reason code (BT-98, BT-105, BT-140, BT-145): UNCL 5189 or 7161.
    pub(crate) reason_code: Option<String>,
}

impl ReceivedAllowanceCharge {
    /// Returns whether it is an allowance or a charge.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{read_received_invoice, AllowanceChargeKind};
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.allowances_charges()[1].kind(), AllowanceChargeKind::Charge);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn kind(&self) -> AllowanceChargeKind {
        self.kind
    }

    /// Returns the amount (BT-92, BT-99, BT-136, BT-141).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.allowances_charges()[0].amount().to_string(), "95.00 NOK");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn amount(&self) -> StatedAmount {
        self.amount
    }

    /// Returns the base amount (BT-93, BT-100, BT-137, BT-142).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let base = invoice.allowances_charges()[0].base_amount();
    /// assert_eq!(base.map(|amount| amount.to_string()), Some("4750.00 NOK".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn base_amount(&self) -> Option<StatedAmount> {
        self.base_amount
    }

    /// Returns the percentage (BT-94, BT-101, BT-138, BT-143).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.allowances_charges()[0].percentage(), Some(dec!(2)));
    /// assert_eq!(invoice.allowances_charges()[1].percentage(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn percentage(&self) -> Option<Decimal> {
        self.percentage
    }

    /// Returns the VAT category (BT-95, BT-102), for document level ones.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{read_received_invoice, ReceivedVatCategory};
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.allowances_charges()[0].vat_category(), Some(ReceivedVatCategory::Standard));
    /// // A line allowance has none.
    /// assert_eq!(invoice.lines()[0].allowances_charges()[0].vat_category(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_category(&self) -> Option<ReceivedVatCategory> {
        self.vat_category
    }

    /// Returns the VAT rate (BT-96, BT-103), for document level ones.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.allowances_charges()[0].vat_rate(), Some(dec!(21)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_rate(&self) -> Option<Decimal> {
        self.vat_rate
    }

    /// Returns the reason (BT-97, BT-104, BT-139, BT-144).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.allowances_charges()[1].reason(), Some("Freight"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason(&self) -> Option<&str> {
        self.reason.as_deref()
    }

    /// Returns the reason code (BT-98, BT-105, BT-140, BT-145): UNCL 5189 or 7161.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // UNCL 7161 FC: freight service.
    /// assert_eq!(invoice.allowances_charges()[1].reason_code(), Some("FC"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reason_code(&self) -> Option<&str> {
        self.reason_code.as_deref()
    }

    /// Returns the amount with its sign in the totals: negative for an allowance.
    ///
    /// # Examples
    ///
    /// ```
    /// # use rust_decimal_macros::dec;
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let [discount, freight] = invoice.allowances_charges() else { return Err("two adjustments".into()) };
    /// assert_eq!(discount.signed_amount(), dec!(-95.00));
    /// assert_eq!(freight.signed_amount(), dec!(600.00));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn signed_amount(&self) -> Decimal {
        match self.kind {
            AllowanceChargeKind::Allowance => -self.amount.amount,
            AllowanceChargeKind::Charge => self.amount.amount,
        }
    }
}

/// The document totals (BG-22) as stated.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let totals = invoice.totals();
/// // 8800.00 of lines, less 95.00, plus 600.00; VAT 1702.05; 2000.00 paid in advance.
/// assert_eq!(totals.tax_exclusive().to_string(), "9305.00 NOK");
/// assert_eq!(totals.tax_inclusive().to_string(), "11007.05 NOK");
/// assert_eq!(totals.rounding().map(|amount| amount.to_string()), Some("-0.05 NOK".to_owned()));
/// assert_eq!(totals.amount_due().to_string(), "9007.00 NOK");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedTotals {
    /// The sum of line net amounts (BT-106).
    pub(crate) line_net_total: StatedAmount,
    /// The sum of document level allowances (BT-107).
    pub(crate) allowance_total: Option<StatedAmount>,
    /// The sum of document level charges (BT-108).
    pub(crate) charge_total: Option<StatedAmount>,
    /// The total without VAT (BT-109).
    pub(crate) tax_exclusive: StatedAmount,
    /// The total VAT (BT-110), in the document currency.
    pub(crate) vat_total: StatedAmount,
    /// The total VAT in the VAT accounting currency (BT-111), when BT-6 is given.
    pub(crate) vat_total_in_accounting_currency: Option<StatedAmount>,
    /// The total with VAT (BT-112).
    pub(crate) tax_inclusive: StatedAmount,
    /// The paid amount (BT-113).
    pub(crate) prepaid: Option<StatedAmount>,
    /// The rounding amount (BT-114).
    pub(crate) rounding: Option<StatedAmount>,
    /// The amount due for payment (BT-115).
    pub(crate) amount_due: StatedAmount,
}

impl ReceivedTotals {
    /// Returns the sum of line net amounts (BT-106).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.totals().line_net_total().to_string(), "8800.00 NOK");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn line_net_total(&self) -> StatedAmount {
        self.line_net_total
    }

    /// Returns the sum of document level allowances (BT-107).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let total = invoice.totals().allowance_total();
    /// assert_eq!(total.map(|amount| amount.to_string()), Some("95.00 NOK".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn allowance_total(&self) -> Option<StatedAmount> {
        self.allowance_total
    }

    /// Returns the sum of document level charges (BT-108).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let total = invoice.totals().charge_total();
    /// assert_eq!(total.map(|amount| amount.to_string()), Some("600.00 NOK".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn charge_total(&self) -> Option<StatedAmount> {
        self.charge_total
    }

    /// Returns the total without VAT (BT-109).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.totals().tax_exclusive().amount(), dec!(9305.00));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn tax_exclusive(&self) -> StatedAmount {
        self.tax_exclusive
    }

    /// Returns the total VAT (BT-110), in the document currency.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.totals().vat_total().to_string(), "1702.05 NOK");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_total(&self) -> StatedAmount {
        self.vat_total
    }

    /// Returns the total VAT in the VAT accounting currency (BT-111), when BT-6 is given.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // The document is in NOK; the VAT is also stated in euro (BT-6 EUR).
    /// let in_euro = invoice.totals().vat_total_in_accounting_currency();
    /// assert_eq!(in_euro.map(|amount| amount.to_string()), Some("146.73 EUR".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_total_in_accounting_currency(&self) -> Option<StatedAmount> {
        self.vat_total_in_accounting_currency
    }

    /// Returns the total with VAT (BT-112).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.totals().tax_inclusive().amount(), dec!(11007.05));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn tax_inclusive(&self) -> StatedAmount {
        self.tax_inclusive
    }

    /// Returns the paid amount (BT-113).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let prepaid = invoice.totals().prepaid();
    /// assert_eq!(prepaid.map(|amount| amount.to_string()), Some("2000.00 NOK".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn prepaid(&self) -> Option<StatedAmount> {
        self.prepaid
    }

    /// Returns the rounding amount (BT-114).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // Rounded to whole kroner.
    /// let rounding = invoice.totals().rounding();
    /// assert_eq!(rounding.map(|amount| amount.amount()), Some(dec!(-0.05)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rounding(&self) -> Option<StatedAmount> {
        self.rounding
    }

    /// Returns the amount due for payment (BT-115).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.totals().amount_due().to_string(), "9007.00 NOK");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn amount_due(&self) -> StatedAmount {
        self.amount_due
    }
}

/// A row of the VAT breakdown (BG-23).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{read_received_invoice, ReceivedVatCategory};
/// use rust_decimal_macros::dec;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let [standard, exempt] = invoice.vat_breakdown() else { return Err("two rows".into()) };
/// assert_eq!(standard.category(), ReceivedVatCategory::Standard);
/// assert_eq!(standard.rate(), Some(dec!(21)));
/// assert_eq!(standard.taxable_amount().to_string(), "8105.00 NOK");
/// assert_eq!(standard.vat_amount().to_string(), "1702.05 NOK");
/// assert_eq!(exempt.exemption_reason_code(), Some("VATEX-EU-132-1I"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedVatBreakdown {
    /// The taxable amount (BT-116).
    pub(crate) taxable_amount: StatedAmount,
    /// The VAT amount (BT-117).
    pub(crate) vat_amount: StatedAmount,
    /// The category (BT-118).
    pub(crate) category: ReceivedVatCategory,
    /// The rate in percent (BT-119); EN 16931 omits it only for category O.
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub(crate) rate: Option<Decimal>,
    /// The exemption reason text (BT-120).
    pub(crate) exemption_reason: Option<String>,
    /// The exemption reason code (BT-121), VATEX.
    pub(crate) exemption_reason_code: Option<String>,
}

impl ReceivedVatBreakdown {
    /// Returns the taxable amount (BT-116).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.vat_breakdown()[1].taxable_amount().to_string(), "1200.00 NOK");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn taxable_amount(&self) -> StatedAmount {
        self.taxable_amount
    }

    /// Returns the VAT amount (BT-117).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.vat_breakdown()[1].vat_amount().amount(), dec!(0.00));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_amount(&self) -> StatedAmount {
        self.vat_amount
    }

    /// Returns the category (BT-118).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{read_received_invoice, ReceivedVatCategory};
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.vat_breakdown()[1].category(), ReceivedVatCategory::Exempt);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn category(&self) -> ReceivedVatCategory {
        self.category
    }

    /// Returns the rate in percent (BT-119); EN 16931 omits it only for category O.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.vat_breakdown()[0].rate(), Some(dec!(21)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn rate(&self) -> Option<Decimal> {
        self.rate
    }

    /// Returns the exemption reason text (BT-120).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.vat_breakdown()[1].exemption_reason(), Some("Vocational training"));
    /// assert_eq!(invoice.vat_breakdown()[0].exemption_reason(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exemption_reason(&self) -> Option<&str> {
        self.exemption_reason.as_deref()
    }

    /// Returns the exemption reason code (BT-121), VATEX.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.vat_breakdown()[1].exemption_reason_code(), Some("VATEX-EU-132-1I"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn exemption_reason_code(&self) -> Option<&str> {
        self.exemption_reason_code.as_deref()
    }
}
