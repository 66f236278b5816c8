//! Requisite checks of invoices and credit notes: every missing or malformed requisite at
//! once, each with a stable code.
//!
//! | code | field | rule |
//! |---|---|---|
//! | `requisite.lines_missing` | `lines` | a document needs at least one line (VAT art. 125(1) item 8) |
//! | `requisite.seller_registration_number` | `seller.registration_number` | the author's registration number (GL art. 11(5)) |
//! | `requisite.seller_taxpayer_code` | `seller.personal_code` | a self-employed author's taxpayer code (GL art. 11(5)) |
//! | `requisite.seller_vat_number` | `seller.vat_number` | VAT art. 125(1) item 4 |
//! | `requisite.buyer_identification` | `buyer` | an organisation buyer by a registration or VAT number, Latvian or foreign, or another identifier (GL art. 11(5)) |
//! | `requisite.buyer_vat_number` | `buyer.vat_number` | reverse charge and intra-EU supply name the buyer's VAT number |
//! | `requisite.exemption_reason` | `exemptions` | an exempt supply names the exempting article (item 15) |
//! | `requisite.due_date_or_terms` | `due_date` | an amount due needs a due date or terms (EN 16931 BR-CO-25) |
//! | `requisite.due_date_before_issue` | `due_date` | the due date cannot precede the issue date |
//! | `requisite.seller_iban` | `seller.iban` | a credit transfer needs the seller's account |
//! | `requisite.vat_in_euro` | `currency` | VAT amounts are stated in euro (item 14): a document in another currency needs its exchange rate |
//! | `requisite.exchange_rate_currency` | `exchange_rate` | the exchange rate is of the document's currency (none on a euro document) |
//! | `requisite.simplified_over_limit` | `lines` | a simplified invoice above the limit |
//! | `requisite.simplified_not_allowed` | `lines` | no simplified invoice for an intra-EU supply (Directive art. 220(1)(3)) |
//! | `vat.intra_community_buyer_country` | `buyer.vat_number` | an intra-EU supply goes to another member state |
//! | `vat.export_buyer_country` | `buyer.address.country` | an export (`G`) goes to a buyer outside the EU |
//! | `vat.outside_scope_mixed` | `lines` | category `O` cannot be mixed with others (BR-O-11) |
//! | `vat.rate_not_in_table` | `lines[i].vat` | an `S` rate not in force on the supply date |
//! | `line.currency` | `lines[i].unit_price` | an amount in another currency |
//! | `line.negative_net` | `lines[i]` | line allowances above the line amount |
//! | `line.return_net_positive` | `lines[i]` | line charges above the amount a negative line takes back |
//! | `totals.negative_taxable` | `adjustments` | document allowances above a category's lines |
//! | `totals.negative_total` | `lines` | negative lines above the rest: the total with VAT below zero is a credit note's |
//! | `totals.prepaid_exceeds_total` | `prepaid` | prepaid more than the total with VAT |
//! | `totals.overflow` | `lines` | amounts too large to sum |

use apkalpe_core::{Money, PartyKind, VatCategory, VatRateTable};
use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::document::{DocumentKind, InvoiceContent};
use crate::error::ValidationReport;

/// Settings of the requisite check: the simplified-invoice limit and an optional VAT rate
/// table to check standard rates against.
///
/// # Legal basis
///
/// sources §13.4: Directive 2006/112/EC art. 220a lets a simplified invoice be issued up to
/// EUR 100 (C) \[N20\]; a Latvian limit above that was not found (U), so the limit is a
/// setting with the EU floor as its default.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::IssueOptions;
/// use apkalpe_core::VatRateTable;
///
/// let options = IssueOptions::default().with_rate_table(VatRateTable::latvia());
/// assert_eq!(options.simplified_limit().to_string(), "100.00 EUR");
/// assert!(options.rate_table().is_some());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct IssueOptions {
    simplified_limit: Money,
    rate_table: Option<VatRateTable>,
}

impl Default for IssueOptions {
    fn default() -> Self {
        IssueOptions {
            simplified_limit: Money::new(Decimal::new(10000, 2), apkalpe_core::Currency::EUR),
            rate_table: None,
        }
    }
}

impl IssueOptions {
    /// Returns these options with another simplified-invoice limit (total with VAT).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::IssueOptions;
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    /// let options = IssueOptions::default().with_simplified_limit(Money::new(dec!(100), Currency::EUR));
    /// assert_eq!(options.simplified_limit(), Money::new(dec!(100), Currency::EUR));
    /// ```
    #[must_use]
    pub fn with_simplified_limit(mut self, limit: Money) -> Self {
        self.simplified_limit = limit;
        self
    }

    /// Returns these options checking `S` rates against a rate table on the supply date
    /// (the issue date when no supply date is given).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::IssueOptions;
    /// use apkalpe_core::VatRateTable;
    /// let options = IssueOptions::default().with_rate_table(VatRateTable::latvia());
    /// assert!(options.rate_table().is_some());
    /// ```
    #[must_use]
    pub fn with_rate_table(mut self, table: VatRateTable) -> Self {
        self.rate_table = Some(table);
        self
    }

    /// Returns the simplified-invoice limit.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::IssueOptions;
    /// assert!(IssueOptions::default().simplified_limit().is_positive());
    /// ```
    pub const fn simplified_limit(&self) -> Money {
        self.simplified_limit
    }

    /// Returns the rate table checked against, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::IssueOptions;
    /// assert!(IssueOptions::default().rate_table().is_none());
    /// ```
    pub const fn rate_table(&self) -> Option<&VatRateTable> {
        self.rate_table.as_ref()
    }
}

/// Checks an invoice's or credit note's requisites and amounts, returning every finding.
pub(crate) fn check(
    kind: DocumentKind,
    content: &InvoiceContent,
    issue_date: NaiveDate,
    options: &IssueOptions,
) -> ValidationReport {
    let mut report = ValidationReport::default();
    let simplified = kind == DocumentKind::SimplifiedInvoice;
    let categories: Vec<VatCategory> = content
        .lines
        .iter()
        .map(|line| line.vat().category())
        .chain(
            content
                .adjustments
                .iter()
                .map(|adjustment| adjustment.vat().category()),
        )
        .collect();
    let has = |category: VatCategory| categories.contains(&category);
    let only_outside_scope =
        !categories.is_empty() && categories.iter().all(|c| *c == VatCategory::OutsideScope);

    match content.exchange_rate {
        None if content.currency != apkalpe_core::Currency::EUR => report.add(
            "currency",
            "requisite.vat_in_euro",
            format!(
                "vat amounts are stated in euro too: a document in {} needs its exchange rate",
                content.currency
            ),
            format!(
                "PVN summas norāda arī euro: dokumentam valūtā {} vajag valūtas kursu",
                content.currency
            ),
        ),
        Some(rate) if rate.currency() != content.currency => report.add(
            "exchange_rate",
            "requisite.exchange_rate_currency",
            format!(
                "the exchange rate is of {}, the document is in {}",
                rate.currency(),
                content.currency
            ),
            format!(
                "valūtas kurss ir valūtai {}, bet dokuments ir valūtā {}",
                rate.currency(),
                content.currency
            ),
        ),
        _ => {}
    }
    if content.lines.is_empty() {
        report.add(
            "lines",
            "requisite.lines_missing",
            "a document needs at least one line",
            "dokumentā jābūt vismaz vienai rindai",
        );
    }

    // Seller: author of the document (GL art. 11(5)) and VAT payer (VAT art. 125(1) item 4).
    let seller = &content.seller;
    match seller.kind() {
        PartyKind::Organisation if seller.registration_number().is_none() => report.add(
            "seller.registration_number",
            "requisite.seller_registration_number",
            "the seller's registration number is a requisite of every supporting document",
            "pārdevēja reģistrācijas numurs ir katra attaisnojuma dokumenta rekvizīts",
        ),
        PartyKind::Person if seller.personal_code().is_none() && seller.vat_number().is_none() => report.add(
            "seller.personal_code",
            "requisite.seller_taxpayer_code",
            "a self-employed seller's taxpayer code is a requisite of every supporting document",
            "pašnodarbināta pārdevēja nodokļu maksātāja kods ir katra attaisnojuma dokumenta rekvizīts",
        ),
        _ => {}
    }
    if seller.vat_number().is_none() && !only_outside_scope {
        report.add(
            "seller.vat_number",
            "requisite.seller_vat_number",
            "a vat invoice needs the seller's vat number",
            "PVN rēķinā jānorāda pārdevēja PVN numurs",
        );
    }
    if content.payment_means.needs_account() && seller.iban().is_none() {
        report.add(
            "seller.iban",
            "requisite.seller_iban",
            "payment by credit transfer needs the seller's iban",
            "maksājumam ar pārskaitījumu vajag pārdevēja IBAN",
        );
    }

    // Buyer.
    let buyer = &content.buyer;
    if !simplified
        && buyer.kind() == PartyKind::Organisation
        && buyer.registration_number().is_none()
        && buyer.vat_number().is_none()
        && buyer.identifiers().is_empty()
    {
        report.add(
            "buyer",
            "requisite.buyer_identification",
            "an organisation buyer is identified by a registration or vat number, or another identifier",
            "pircēju organizāciju identificē ar reģistrācijas vai PVN numuru vai citu identifikatoru",
        );
    }
    if (has(VatCategory::ReverseCharge) || has(VatCategory::IntraCommunitySupply))
        && buyer.vat_number().is_none()
    {
        report.add(
            "buyer.vat_number",
            "requisite.buyer_vat_number",
            "reverse charge and intra-community supplies need the buyer's vat number",
            "nodokļa apgrieztajai maksāšanai un preču piegādēm Kopienas iekšienē vajag pircēja PVN numuru",
        );
    }
    if has(VatCategory::IntraCommunitySupply) {
        if let Some(vat) = buyer.vat_number() {
            let prefix = vat.country_prefix();
            let member_state =
                apkalpe_core::CountryCode::try_new(if prefix == "EL" { "GR" } else { prefix })
                    .is_ok_and(|country| country.is_eu_member());
            if prefix == "LV" || !member_state {
                report.add(
                    "buyer.vat_number",
                    "vat.intra_community_buyer_country",
                    format!("an intra-community supply goes to a buyer registered in another member state, found {prefix}"),
                    format!("preču piegāde Kopienas iekšienē ir pircējam, kas reģistrēts citā dalībvalstī, bet ir {prefix}"),
                );
            }
        }
        if simplified {
            report.add(
                "lines",
                "requisite.simplified_not_allowed",
                "an intra-community supply needs a full invoice",
                "preču piegādei Kopienas iekšienē vajag pilnu rēķinu",
            );
        }
    }
    if has(VatCategory::Export) && buyer.address().country().is_eu_member() {
        report.add(
            "buyer.address.country",
            "vat.export_buyer_country",
            format!(
                "an export goes to a buyer outside the eu, found {}",
                buyer.address().country()
            ),
            format!(
                "eksports ir pircējam ārpus ES, bet ir {}",
                buyer.address().country()
            ),
        );
    }
    if has(VatCategory::OutsideScope) && !only_outside_scope {
        report.add(
            "lines",
            "vat.outside_scope_mixed",
            "supplies outside the scope of vat need an invoice of their own",
            "piegādēm ārpus PVN piemērošanas jomas vajag atsevišķu rēķinu",
        );
    }
    if has(VatCategory::Exempt) && content.exemption_for(VatCategory::Exempt).is_none() {
        report.add(
            "exemptions",
            "requisite.exemption_reason",
            "an exempt supply must name the article of the vat law that exempts it",
            "no PVN atbrīvotam darījumam jānorāda PVN likuma pants, kas to atbrīvo",
        );
    }

    // Lines.
    let rate_date = content.supply_date.unwrap_or(issue_date);
    let table_rates: Vec<Decimal> = options
        .rate_table
        .as_ref()
        .map(|table| {
            [
                apkalpe_core::VatRateClass::Standard,
                apkalpe_core::VatRateClass::Reduced,
                apkalpe_core::VatRateClass::SecondReduced,
            ]
            .into_iter()
            .filter_map(|class| table.rate(class, rate_date).ok())
            .map(|rate| rate.percent())
            .collect()
        })
        .unwrap_or_default();
    for (index, line) in content.lines.iter().enumerate() {
        if line.unit_price().currency() != content.currency
            || line
                .adjustments()
                .iter()
                .any(|a| a.amount().currency() != content.currency)
        {
            report.add(
                format!("lines[{index}].unit_price"),
                "line.currency",
                format!("line amounts must be in {}", content.currency),
                format!("rindu summām jābūt valūtā {}", content.currency),
            );
            continue;
        }
        match line.net_amount(&content.rounding) {
            Ok(net) if net.is_negative() && !line.is_negative() => report.add(
                format!("lines[{index}]"),
                "line.negative_net",
                format!("line allowances exceed the line amount, net {net}"),
                format!("rindas atlaides pārsniedz rindas summu, summa bez PVN {net}"),
            ),
            Ok(net) if net.is_positive() && line.is_negative() => report.add(
                format!("lines[{index}]"),
                "line.return_net_positive",
                format!("line charges exceed what the negative line takes back, net {net}"),
                format!(
                    "rindas uzcenojumi pārsniedz to, ko negatīvā rinda atņem, summa bez PVN {net}"
                ),
            ),
            _ => {}
        }
        if options.rate_table.is_some()
            && line.vat().category() == VatCategory::Standard
            && !table_rates.contains(&line.vat().rate().percent())
        {
            report.add(
                format!("lines[{index}].vat"),
                "vat.rate_not_in_table",
                format!("rate {} is not in force on {rate_date}", line.vat().rate()),
                format!("likme {} nav spēkā {rate_date}", line.vat().rate()),
            );
        }
    }
    for (index, adjustment) in content.adjustments.iter().enumerate() {
        if adjustment.adjustment().amount().currency() != content.currency {
            report.add(
                format!("adjustments[{index}]"),
                "line.currency",
                format!(
                    "document allowances and charges must be in {}",
                    content.currency
                ),
                format!(
                    "dokumenta atlaidēm un uzcenojumiem jābūt valūtā {}",
                    content.currency
                ),
            );
        }
    }
    if content
        .prepaid
        .is_some_and(|prepaid| prepaid.currency() != content.currency)
    {
        report.add(
            "prepaid",
            "line.currency",
            format!("the prepaid amount must be in {}", content.currency),
            format!("priekšapmaksas summai jābūt valūtā {}", content.currency),
        );
    }
    if report.codes().contains(&"line.currency") {
        // Totals of amounts in mixed currencies would only repeat the findings above.
        return report;
    }

    // Totals.
    match content.totals() {
        Ok(totals) => {
            for row in totals.vat_breakdown() {
                // Negative lines may take a row below zero (a return or a correction of an
                // earlier supply); allowances may not.
                let returns = content
                    .lines
                    .iter()
                    .any(|line| line.vat() == row.vat() && line.is_negative());
                if row.taxable_amount().is_negative() && !returns {
                    report.add(
                        "adjustments",
                        "totals.negative_taxable",
                        format!(
                            "allowances make the taxable amount of {} {} negative ({})",
                            row.category(),
                            row.rate(),
                            row.taxable_amount()
                        ),
                        format!(
                            "atlaižu dēļ {} {} apliekamā summa ir negatīva ({})",
                            row.category(),
                            row.rate(),
                            row.taxable_amount()
                        ),
                    );
                }
            }
            if totals.tax_inclusive().is_negative() {
                report.add(
                    "lines",
                    "totals.negative_total",
                    format!(
                        "the total with vat {} is below zero: issue a credit note instead",
                        totals.tax_inclusive()
                    ),
                    format!(
                        "kopsumma ar PVN {} ir mazāka par nulli: tā vietā izrakstiet kredītrēķinu",
                        totals.tax_inclusive()
                    ),
                );
            } else if totals.amount_due().is_negative() {
                report.add(
                    "prepaid",
                    "totals.prepaid_exceeds_total",
                    format!(
                        "prepaid {} exceeds the total {}",
                        totals.prepaid(),
                        totals.tax_inclusive()
                    ),
                    format!(
                        "priekšapmaksa {} pārsniedz kopsummu {}",
                        totals.prepaid(),
                        totals.tax_inclusive()
                    ),
                );
            }
            if totals.amount_due().is_positive()
                && content.due_date.is_none()
                && content.payment_terms.is_none()
            {
                report.add(
                    "due_date",
                    "requisite.due_date_or_terms",
                    "an amount due needs a due date or payment terms",
                    "maksājamai summai vajag samaksas termiņu vai samaksas noteikumus",
                );
            }
            let total_in_limit_currency =
                if totals.tax_inclusive().currency() == options.simplified_limit.currency() {
                    Some(totals.tax_inclusive())
                } else {
                    content.in_euro(totals.tax_inclusive()).ok().flatten()
                };
            if simplified
                && total_in_limit_currency.is_some_and(|total| {
                    total.currency() == options.simplified_limit.currency()
                        && total.amount() > options.simplified_limit.amount()
                })
            {
                report.add(
                    "lines",
                    "requisite.simplified_over_limit",
                    format!(
                        "a simplified invoice may total at most {}, this one {}",
                        options.simplified_limit,
                        totals.tax_inclusive()
                    ),
                    format!(
                        "vienkāršotā rēķina kopsumma var būt ne vairāk kā {}, šī rēķina kopsumma ir {}",
                        options.simplified_limit,
                        totals.tax_inclusive()
                    ),
                );
            }
        }
        Err(_) => report.add(
            "lines",
            "totals.overflow",
            "the amounts are too large to sum",
            "summas ir pārāk lielas, lai tās saskaitītu",
        ),
    }
    if let Some(due) = content.due_date
        && due < issue_date
    {
        report.add(
            "due_date",
            "requisite.due_date_before_issue",
            format!("the due date {due} is before the issue date {issue_date}"),
            format!("samaksas termiņš {due} ir pirms izrakstīšanas datuma {issue_date}"),
        );
    }
    report
}
