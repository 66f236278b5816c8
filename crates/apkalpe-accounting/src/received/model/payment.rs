//! Payment instructions, document allowances and charges, the totals and the VAT breakdown
//! of a received document.

use apkalpe_core::CreditorReference;
use rust_decimal::Decimal;

use super::*;

/// A credit transfer account (BG-17).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedAccount {
    /// The payment account identifier (BT-84): an IBAN or any other account number.
    pub id: String,
    /// The account name (BT-85).
    pub name: Option<String>,
    /// The payment service provider identifier (BT-86), a BIC or a national bank code.
    pub service_provider: Option<String>,
}

/// Card information (BG-18).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedCard {
    /// The primary account number (BT-87), as sent: EN 16931 sends only the last 4–6
    /// digits.
    pub account_number: String,
    /// The card holder name (BT-88).
    pub holder_name: Option<String>,
}

/// A direct debit (BG-19).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedDirectDebit {
    /// The mandate reference (BT-89).
    pub mandate: Option<String>,
    /// The bank assigned creditor identifier (BT-90): the seller's or payee's identifier of
    /// scheme `SEPA`.
    pub creditor_id: Option<String>,
    /// The debited account (BT-91).
    pub debited_account: Option<String>,
}

/// One way of paying (a UBL `PaymentMeans`, BG-16): any UNCL 4461 means.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPaymentMeans {
    /// The payment means type code (BT-81), UNCL 4461: 30 credit transfer, 58 SEPA credit
    /// transfer, 49 and 59 direct debit, 48 and 54 card, 10 cash, 1 not defined…
    pub code: String,
    /// The payment means text (BT-82).
    pub text: Option<String>,
    /// The remittance information (BT-83), the payment reference exactly as sent.
    pub reference: Option<String>,
    /// The credit transfer accounts (BG-17).
    pub accounts: Vec<ReceivedAccount>,
    /// The card (BG-18).
    pub card: Option<ReceivedCard>,
    /// The direct debit (BG-19).
    pub direct_debit: Option<ReceivedDirectDebit>,
}

impl ReceivedPaymentMeans {
    /// Returns the Latvian name of the means (`pārskaitījums`, `tiešais debets`, `karte`…),
    /// or `None` for a code without one.
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
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedAllowanceCharge {
    /// Allowance or charge.
    pub kind: AllowanceChargeKind,
    /// The amount (BT-92, BT-99, BT-136, BT-141).
    pub amount: StatedAmount,
    /// The base amount (BT-93, BT-100, BT-137, BT-142).
    pub base_amount: Option<StatedAmount>,
    /// The percentage (BT-94, BT-101, BT-138, BT-143).
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub percentage: Option<Decimal>,
    /// The VAT category (BT-95, BT-102), for document level ones.
    pub vat_category: Option<ReceivedVatCategory>,
    /// The VAT rate (BT-96, BT-103), for document level ones.
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub vat_rate: Option<Decimal>,
    /// The reason (BT-97, BT-104, BT-139, BT-144).
    pub reason: Option<String>,
    /// The reason code (BT-98, BT-105, BT-140, BT-145): UNCL 5189 or 7161.
    pub reason_code: Option<String>,
}

impl ReceivedAllowanceCharge {
    /// Returns the amount with its sign in the totals: negative for an allowance.
    pub fn signed_amount(&self) -> Decimal {
        match self.kind {
            AllowanceChargeKind::Allowance => -self.amount.amount,
            AllowanceChargeKind::Charge => self.amount.amount,
        }
    }
}

/// The document totals (BG-22) as stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedTotals {
    /// The sum of line net amounts (BT-106).
    pub line_net_total: StatedAmount,
    /// The sum of document level allowances (BT-107).
    pub allowance_total: Option<StatedAmount>,
    /// The sum of document level charges (BT-108).
    pub charge_total: Option<StatedAmount>,
    /// The total without VAT (BT-109).
    pub tax_exclusive: StatedAmount,
    /// The total VAT (BT-110), in the document currency.
    pub vat_total: StatedAmount,
    /// The total VAT in the VAT accounting currency (BT-111), when BT-6 is given.
    pub vat_total_in_accounting_currency: Option<StatedAmount>,
    /// The total with VAT (BT-112).
    pub tax_inclusive: StatedAmount,
    /// The paid amount (BT-113).
    pub prepaid: Option<StatedAmount>,
    /// The rounding amount (BT-114).
    pub rounding: Option<StatedAmount>,
    /// The amount due for payment (BT-115).
    pub amount_due: StatedAmount,
}

/// A row of the VAT breakdown (BG-23).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedVatBreakdown {
    /// The taxable amount (BT-116).
    pub taxable_amount: StatedAmount,
    /// The VAT amount (BT-117).
    pub vat_amount: StatedAmount,
    /// The category (BT-118).
    pub category: ReceivedVatCategory,
    /// The rate in percent (BT-119); EN 16931 omits it only for category O.
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub rate: Option<Decimal>,
    /// The exemption reason text (BT-120).
    pub exemption_reason: Option<String>,
    /// The exemption reason code (BT-121), VATEX.
    pub exemption_reason_code: Option<String>,
}
