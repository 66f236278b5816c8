//! Received e-invoices: what other senders write, read as sent (issue 12).
//!
//! The corpus under `tests/fixtures/received/` (origins in `SOURCES`, the official
//! validator's verdicts in `MANIFEST.tsv`) is read file by file, and what the reader reports
//! is compared with the document's own values through an independent extraction (a small
//! element tree built here with quick-xml, queried by path).

use std::collections::BTreeMap;
use std::path::PathBuf;

use apkalpe_accounting::{
    DocumentPart, ReadInvoiceError, ReceivedFindingKind, ReceivedInvoice, ReceivedInvoiceKind,
    ReceivedVatCategory, read_received_invoice, render_received_invoice_in,
};
use apkalpe_core::Language;
use insta::{assert_json_snapshot, assert_snapshot};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::Value;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/received")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap()
}

/// The manifest: file → (passes the official rules, the fatal rules it breaks).
fn manifest() -> Vec<(String, bool, Vec<String>)> {
    std::fs::read_to_string(fixtures().join("MANIFEST.tsv"))
        .unwrap()
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            assert_eq!(columns.len(), 3, "{line}");
            let rules = if columns[2] == "-" {
                Vec::new()
            } else {
                columns[2].split(',').map(str::to_owned).collect()
            };
            (columns[0].to_owned(), columns[1] == "pass", rules)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// The oracle: an element tree of its own, queried by local-name paths.

#[derive(Debug, Default)]
struct Node {
    name: String,
    attributes: BTreeMap<String, String>,
    text: String,
    children: Vec<Node>,
}

impl Node {
    fn parse(xml: &str) -> Node {
        use quick_xml::events::Event;
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut stack = vec![Node::default()];
        let local = |name: &str| name.rsplit(':').next().unwrap().to_owned();
        loop {
            match reader.read_event().unwrap() {
                Event::Start(start) => {
                    let mut node = Node {
                        name: local(start.name().as_ref()),
                        ..Node::default()
                    };
                    for attribute in start.attributes() {
                        let attribute = attribute.unwrap();
                        node.attributes.insert(
                            local(attribute.key.as_ref()),
                            attribute
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        );
                    }
                    stack.push(node);
                }
                Event::Empty(start) => {
                    let mut node = Node {
                        name: local(start.name().as_ref()),
                        ..Node::default()
                    };
                    for attribute in start.attributes() {
                        let attribute = attribute.unwrap();
                        node.attributes.insert(
                            local(attribute.key.as_ref()),
                            attribute
                                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                                .unwrap()
                                .into_owned(),
                        );
                    }
                    stack.last_mut().unwrap().children.push(node);
                }
                Event::End(_) => {
                    let node = stack.pop().unwrap();
                    stack.last_mut().unwrap().children.push(node);
                }
                Event::Text(text) => stack
                    .last_mut()
                    .unwrap()
                    .text
                    .push_str(&text.xml10_content()),
                Event::GeneralRef(reference) => {
                    let text = match reference.xml10_content().as_ref() {
                        "amp" => "&".to_owned(),
                        "lt" => "<".to_owned(),
                        "gt" => ">".to_owned(),
                        "quot" => "\"".to_owned(),
                        "apos" => "'".to_owned(),
                        _ => reference.resolve_char_ref().unwrap().unwrap().to_string(),
                    };
                    stack.last_mut().unwrap().text.push_str(&text);
                }
                Event::CData(data) => stack
                    .last_mut()
                    .unwrap()
                    .text
                    .push_str(&data.xml10_content()),
                Event::Eof => break,
                _ => {}
            }
        }
        stack.pop().unwrap().children.pop().unwrap()
    }

    /// Every node at a path of local names below this one.
    fn all<'a>(&'a self, path: &str) -> Vec<&'a Node> {
        let mut nodes = vec![self];
        for name in path.split('/') {
            nodes = nodes
                .into_iter()
                .flat_map(|node| node.children.iter().filter(|child| child.name == name))
                .collect();
        }
        nodes
    }

    fn first(&self, path: &str) -> Option<&Node> {
        self.all(path).into_iter().next()
    }

    fn value(&self, path: &str) -> Option<String> {
        self.first(path)
            .map(|node| node.text.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|text| !text.is_empty())
    }
}

/// Compares an amount element with the reader's JSON amount (`{"amount", "currency"}`).
fn same_amount(node: Option<&Node>, json: &Value) -> Result<(), String> {
    match node {
        None if json.is_null() => Ok(()),
        None => Err(format!("document has none, reader says {json}")),
        Some(node) => {
            let stated: Decimal = node.text.trim().parse().map_err(|_| node.text.clone())?;
            let read: Decimal = json["amount"]
                .as_str()
                .ok_or_else(|| format!("reader has no amount: {json}"))?
                .parse()
                .unwrap();
            let currency = node.attributes.get("currencyID").map(String::as_str);
            if stated == read && currency == json["currency"].as_str() {
                Ok(())
            } else {
                Err(format!("document {stated} {currency:?}, reader {json}"))
            }
        }
    }
}

/// Compares the reader's JSON of a document with the document's own values: totals
/// BT-106…BT-115 (and BT-111), every VAT breakdown row, party names, payment means and
/// references. Returns each disagreement.
fn disagreements(xml: &str, json: &Value) -> Vec<String> {
    let root = Node::parse(xml);
    let mut wrong = Vec::new();
    let mut check = |what: &str, result: Result<(), String>| {
        if let Err(error) = result {
            wrong.push(format!("{what}: {error}"));
        }
    };
    let totals = &json["totals"];
    for (element, field) in [
        ("LineExtensionAmount", "line_net_total"),
        ("AllowanceTotalAmount", "allowance_total"),
        ("ChargeTotalAmount", "charge_total"),
        ("TaxExclusiveAmount", "tax_exclusive"),
        ("TaxInclusiveAmount", "tax_inclusive"),
        ("PrepaidAmount", "prepaid"),
        ("PayableRoundingAmount", "rounding"),
        ("PayableAmount", "amount_due"),
    ] {
        check(
            field,
            same_amount(
                root.first(&format!("LegalMonetaryTotal/{element}")),
                &totals[field],
            ),
        );
    }
    let currency = root.value("DocumentCurrencyCode").unwrap();
    let tax_currency = root.value("TaxCurrencyCode");
    let tax_totals = root.all("TaxTotal");
    let in_currency = |code: &str| {
        tax_totals
            .iter()
            .find(|total| {
                total
                    .first("TaxAmount")
                    .and_then(|amount| amount.attributes.get("currencyID"))
                    .is_some_and(|found| found == code)
            })
            .copied()
    };
    let document_total = in_currency(&currency).unwrap();
    check(
        "vat_total",
        same_amount(document_total.first("TaxAmount"), &totals["vat_total"]),
    );
    if let Some(code) = tax_currency.filter(|code| *code != currency) {
        check(
            "vat_total_in_accounting_currency",
            same_amount(
                in_currency(&code).and_then(|total| total.first("TaxAmount")),
                &totals["vat_total_in_accounting_currency"],
            ),
        );
    }
    let rows = document_total.all("TaxSubtotal");
    let json_rows = json["vat_breakdown"].as_array().unwrap();
    check(
        "vat_breakdown rows",
        (rows.len() == json_rows.len()).then_some(()).ok_or(format!(
            "{} in the document, {} read",
            rows.len(),
            json_rows.len()
        )),
    );
    for (row, read) in rows.iter().zip(json_rows) {
        check(
            "BT-116",
            same_amount(row.first("TaxableAmount"), &read["taxable_amount"]),
        );
        check(
            "BT-117",
            same_amount(row.first("TaxAmount"), &read["vat_amount"]),
        );
        check(
            "BT-118",
            (row.value("TaxCategory/ID").as_deref() == read["category"].as_str())
                .then_some(())
                .ok_or(format!(
                    "{:?} vs {}",
                    row.value("TaxCategory/ID"),
                    read["category"]
                )),
        );
        let rate = row
            .value("TaxCategory/Percent")
            .map(|rate| rate.parse::<Decimal>().unwrap());
        let read_rate = read["rate"]
            .as_str()
            .map(|rate| rate.parse::<Decimal>().unwrap());
        check(
            "BT-119",
            (rate == read_rate)
                .then_some(())
                .ok_or(format!("{rate:?} vs {read_rate:?}")),
        );
    }
    for (path, field) in [
        ("AccountingSupplierParty/Party", "seller"),
        ("AccountingCustomerParty/Party", "buyer"),
    ] {
        let party = root.first(path);
        let name = party.and_then(|party| party.value("PartyLegalEntity/RegistrationName"));
        check(
            field,
            (name.as_deref() == json[field]["name"].as_str())
                .then_some(())
                .ok_or(format!("{name:?} vs {}", json[field]["name"])),
        );
        let vat = party.and_then(|party| {
            party
                .all("PartyTaxScheme")
                .into_iter()
                .find(|scheme| {
                    scheme
                        .value("TaxScheme/ID")
                        .is_some_and(|id| id.eq_ignore_ascii_case("VAT"))
                })
                .and_then(|scheme| scheme.value("CompanyID"))
        });
        check(
            &format!("{field} VAT id"),
            (vat.as_deref() == json[field]["vat_id"].as_str())
                .then_some(())
                .ok_or(format!("{vat:?} vs {}", json[field]["vat_id"])),
        );
    }
    let means = root.all("PaymentMeans");
    let json_means = json["payment_means"].as_array().unwrap();
    check(
        "payment means",
        (means.len() == json_means.len())
            .then_some(())
            .ok_or(format!("{} vs {}", means.len(), json_means.len())),
    );
    for (element, read) in means.iter().zip(json_means) {
        for (path, field) in [("PaymentMeansCode", "code"), ("PaymentID", "reference")] {
            let stated = element.value(path);
            check(
                field,
                (stated.as_deref() == read[field].as_str())
                    .then_some(())
                    .ok_or(format!("{stated:?} vs {}", read[field])),
            );
        }
        let accounts: Vec<String> = element
            .all("PayeeFinancialAccount")
            .iter()
            .filter_map(|account| account.value("ID"))
            .collect();
        let read_accounts: Vec<String> = read["accounts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|account| account["id"].as_str().unwrap().to_owned())
            .collect();
        check(
            "BT-84",
            (accounts == read_accounts)
                .then_some(())
                .ok_or(format!("{accounts:?} vs {read_accounts:?}")),
        );
    }
    let line_name = if root.name == "CreditNote" {
        "CreditNoteLine"
    } else {
        "InvoiceLine"
    };
    let lines = root.all(line_name);
    let json_lines = json["lines"].as_array().unwrap();
    check(
        "lines",
        (lines.len() == json_lines.len())
            .then_some(())
            .ok_or(format!("{} vs {}", lines.len(), json_lines.len())),
    );
    for (line, read) in lines.iter().zip(json_lines) {
        check(
            "BT-131",
            same_amount(line.first("LineExtensionAmount"), &read["net_amount"]),
        );
    }
    wrong
}

// ---------------------------------------------------------------------------------------
// The corpus.

#[test]
fn corpus_is_read_and_refused_only_with_a_broken_rule() {
    let manifest = manifest();
    assert!(manifest.len() >= 40, "{} files", manifest.len());
    let (mut read, mut refused, mut wrong_values) = (0, 0, 0);
    for (file, passes, rules) in &manifest {
        let xml = fixture(file);
        match read_received_invoice(&xml) {
            Ok(invoice) => {
                read += 1;
                let json = serde_json::to_value(&invoice).unwrap();
                let wrong = disagreements(&xml, &json);
                if !wrong.is_empty() {
                    wrong_values += 1;
                    eprintln!("{file}: {wrong:#?}");
                }
            }
            Err(error) => {
                assert!(
                    !passes,
                    "{file} passes the official rules but is refused: {error}"
                );
                assert!(
                    rules.iter().any(|rule| rule == error.rule()),
                    "{file} is refused with {} ({error}), the validator names {rules:?}",
                    error.rule()
                );
                refused += 1;
            }
        }
    }
    eprintln!(
        "corpus: {read} read, {refused} refused with the rule, {wrong_values} with wrong values"
    );
    assert_eq!(wrong_values, 0);
    assert_eq!(read + refused, manifest.len());
    // xrechnung 05.01a breaks BR-CO-16 and is the one refused.
    assert_eq!(refused, 1);
}

#[test]
fn official_examples_are_the_harness_files() {
    let harness =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/harness/ubl/examples");
    let Ok(entries) = std::fs::read_dir(&harness) else {
        // The shared folder sits beside the repository on developer machines and in CI.
        return;
    };
    let mut count = 0;
    for entry in entries {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let committed = fixtures().join("official").join(&name);
        assert_eq!(
            std::fs::read(&path).unwrap(),
            std::fs::read(&committed).unwrap_or_default(),
            "{name} differs from tests/fixtures/received/official"
        );
        count += 1;
    }
    assert_eq!(count, 23);
}

#[test]
fn every_corpus_file_has_its_source() {
    let sources = std::fs::read_to_string(fixtures().join("SOURCES")).unwrap();
    let listed: Vec<&str> = sources
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| {
            let columns: Vec<&str> = line.split('\t').collect();
            assert_eq!(columns.len(), 5, "{line}");
            assert_eq!(columns[3].len(), 40, "commit of {line}");
            columns[0]
        })
        .collect();
    for (file, _, _) in manifest() {
        assert!(
            listed.contains(&file.as_str()),
            "{file} has no SOURCES line"
        );
    }
    assert_eq!(listed.len(), manifest().len());
}

#[test]
fn corpus_round_trips_through_its_saved_form() {
    for (file, _, _) in manifest() {
        let Ok(invoice) = read_received_invoice(&fixture(&file)) else {
            continue;
        };
        let json = serde_json::to_string(&invoice).unwrap();
        let restored: ReceivedInvoice = serde_json::from_str(&json).unwrap();
        assert_eq!(restored, invoice, "{file}");
    }
}

// ---------------------------------------------------------------------------------------
// What the issue lists, one variant of a real document each.

/// The Peppol base example, a Swedish seller and buyer.
fn base() -> String {
    fixture("official/base-example.xml")
}

fn read(xml: &str) -> ReceivedInvoice {
    read_received_invoice(xml).unwrap_or_else(|error| panic!("{error}"))
}

#[test]
fn norwegian_and_british_vat_ids_are_kept_without_a_finding() {
    for vat_id in ["NO999999999MVA", "GB123456789"] {
        let xml = base().replace("GB1232434", vat_id);
        let invoice = read(&xml);
        assert_eq!(invoice.seller().vat_id(), Some(vat_id));
        assert!(
            invoice
                .findings()
                .iter()
                .all(|finding| finding.part() != &DocumentPart::Seller),
            "{:?}",
            invoice.findings()
        );
    }
    // A malformed EU one is read, with a finding naming the seller and the term.
    let invoice = read(&base().replace("GB1232434", "LV40003521601"));
    let finding = invoice
        .findings()
        .iter()
        .find(|finding| finding.part() == &DocumentPart::Seller)
        .unwrap();
    assert_eq!(finding.kind(), ReceivedFindingKind::VatId);
    assert!(
        finding
            .to_string()
            .starts_with("seller: BT-31 VAT id \"LV40003521601\""),
        "{finding}"
    );
}

#[test]
fn any_phone_address_with_only_a_country_and_names_with_line_breaks_are_read() {
    let xml = base()
        .replace("<cbc:Telephone>23434234", "<cbc:Telephone>(0)8 234 342 34")
        .replace(
            "<cbc:RegistrationName>SupplierOfficialName Ltd</cbc:RegistrationName>",
            "<cbc:RegistrationName>Supplier\n      Official\tName Ltd</cbc:RegistrationName>",
        );
    let start = xml.find("<cac:AccountingCustomerParty>").unwrap();
    let address_start = start + xml[start..].find("<cac:PostalAddress>").unwrap();
    let address_end = address_start + xml[address_start..].find("</cac:PostalAddress>").unwrap();
    let xml = format!(
        "{}<cac:PostalAddress><cac:Country><cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country>{}",
        &xml[..address_start],
        &xml[address_end..]
    );
    let invoice = read(&xml);
    assert_eq!(invoice.seller().name(), Some("Supplier Official Name Ltd"));
    let buyer = invoice.buyer().address();
    assert_eq!(
        (buyer.lines().len(), buyer.city(), buyer.country()),
        (0, None, Some("DK"))
    );
    let phone = invoice
        .buyer()
        .contact()
        .as_ref()
        .and_then(|contact| contact.phone());
    assert_eq!(phone, Some("(0)8 234 342 34"));
}

#[test]
fn payee_accounts_that_are_not_ibans_are_kept_verbatim() {
    let invoice = read(&base());
    assert_eq!(
        invoice.payment_means()[0].accounts()[0].id(),
        "IBAN32423940"
    );
    assert_eq!(
        invoice.payment_means()[0].accounts()[0].service_provider(),
        Some("BIC324098")
    );
    assert!(
        !invoice
            .findings()
            .iter()
            .any(|finding| finding.kind() == ReceivedFindingKind::Iban)
    );
    // A malformed sample IBAN is a finding on the payee account, not a refusal.
    let invoice = read(&base().replace("IBAN32423940", "SE4550000000058398257467"));
    let finding = invoice
        .findings()
        .iter()
        .find(|finding| finding.kind() == ReceivedFindingKind::Iban)
        .unwrap();
    assert!(
        finding
            .to_string()
            .starts_with("payee account: BT-84 \"SE4550000000058398257467\""),
        "{finding}"
    );
}

#[test]
fn every_payment_means_code_is_read() {
    for code in ["1", "31", "49", "59", "48", "54", "10", "97", "ZZZ"] {
        let xml = base().replace(
            r#"<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>"#,
            &format!("<cbc:PaymentMeansCode>{code}</cbc:PaymentMeansCode>"),
        );
        let invoice = read(&xml);
        assert_eq!(invoice.payment_means()[0].code(), code);
        assert_eq!(
            invoice.payment_means()[0].direct_debit().is_some(),
            matches!(code, "49" | "59"),
            "{code}"
        );
    }
}

#[test]
fn direct_debit_keeps_mandate_creditor_and_debited_account() {
    let invoice = read(&fixture("peppol/direct-debit.xml"));
    let debit = invoice.payment_means()[0].direct_debit().unwrap();
    assert_eq!(invoice.payment_means()[0].code(), "59");
    assert!(debit.mandate().is_some());
    assert!(
        debit.creditor_id().is_some(),
        "BT-90 from the seller's SEPA identifier"
    );
    assert!(debit.debited_account().is_some());
}

#[test]
fn payment_reference_is_kept_as_sent_and_never_replaced_by_the_number() {
    let xml = base().replace(
        "<cbc:PaymentID>Snippet1</cbc:PaymentID>",
        "<cbc:PaymentID>KID 1234 5678 97</cbc:PaymentID>",
    );
    let invoice = read(&xml);
    assert_eq!(
        invoice.payment_means()[0].reference(),
        Some("KID 1234 5678 97")
    );
    let text = render_received_invoice_in(&invoice, Language::Latvian);
    assert!(
        text.contains("Maksājuma atsauce: KID 1234 5678 97\n"),
        "{text}"
    );
    assert!(!text.contains(&format!("Maksājuma atsauce: {}", invoice.number())));
    // A valid RF reference is also kept as written; a broken one is a finding.
    let rf = read(&base().replace(
        "Snippet1</cbc:PaymentID>",
        "RF18 5390 0754 7034</cbc:PaymentID>",
    ));
    assert_eq!(
        rf.payment_means()[0].creditor_reference().unwrap().as_str(),
        "RF18539007547034"
    );
    assert_eq!(
        rf.payment_means()[0].reference(),
        Some("RF18 5390 0754 7034")
    );
    let broken = read(&base().replace(
        "Snippet1</cbc:PaymentID>",
        "RF18 5390 0754 7035</cbc:PaymentID>",
    ));
    assert!(broken.findings().iter().any(|finding| finding.kind()
        == ReceivedFindingKind::CreditorReference
        && finding.to_string().starts_with("payment reference: BT-83")));
    // Without any reference, the text says so.
    let none = read(&base().replace("<cbc:PaymentID>Snippet1</cbc:PaymentID>", ""));
    assert!(
        render_received_invoice_in(&none, Language::Latvian)
            .contains("Maksājuma atsauce: nav norādīta\n")
    );
}

#[test]
fn negative_quantities_and_correction_lines_are_read() {
    let invoice = read(&fixture("official/base-negative-inv-correction.xml"));
    assert!(invoice.lines().iter().any(|line| {
        line.quantity()
            .is_some_and(|quantity| quantity.is_sign_negative())
    }));
    assert!(invoice.totals().amount_due().amount().is_sign_negative());
}

#[test]
fn danish_and_swedish_crowns_are_read_and_words_are_left_out() {
    let invoice = read(&fixture("official/en16931-ubl-tc434-example3.xml"));
    assert_eq!(invoice.currency().as_str(), "DKK");
    let text = render_received_invoice_in(&invoice, Language::Latvian);
    assert!(!text.contains("Summa vārdiem"), "{text}");
    let sek = read(&base().replace("EUR", "SEK"));
    assert_eq!(sek.totals().amount_due().currency().as_str(), "SEK");
    // A currency core's table does not hold is kept as its ISO code.
    let rand = read(&base().replace("EUR", "ZAR"));
    assert_eq!(rand.totals().amount_due().to_string(), "1656.25 ZAR");
    assert!(!render_received_invoice_in(&rand, Language::Latvian).contains("Summa vārdiem"));
    // EUR has words.
    assert!(
        render_received_invoice_in(&read(&base()), Language::Latvian).contains("Summa vārdiem: ")
    );
}

#[test]
fn charge_indicator_may_be_one_or_zero_and_allowances_may_be_zero() {
    let xml = fixture("official/Allowance-example.xml")
        .replace(
            "<cbc:ChargeIndicator>true</cbc:ChargeIndicator>",
            "<cbc:ChargeIndicator>1</cbc:ChargeIndicator>",
        )
        .replace(
            "<cbc:ChargeIndicator>false</cbc:ChargeIndicator>",
            "<cbc:ChargeIndicator>0</cbc:ChargeIndicator>",
        );
    let invoice = read(&xml);
    assert!(!invoice.allowances_charges().is_empty());
    let refused = read_received_invoice(&xml.replacen(
        "<cbc:ChargeIndicator>1<",
        "<cbc:ChargeIndicator>yes<",
        1,
    ))
    .unwrap_err();
    assert_eq!(refused.code(), "received.value");
    // A zero allowance on a line is kept.
    let zero = base().replace(
        "<cac:Price>",
        r#"<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:AllowanceChargeReason>none</cbc:AllowanceChargeReason><cbc:Amount currencyID="EUR">0.00</cbc:Amount></cac:AllowanceCharge><cac:Price>"#,
    );
    let invoice = read(&zero);
    assert!(invoice.lines().iter().any(|line| {
        line.allowances_charges()
            .iter()
            .any(|adjustment| adjustment.amount().amount().is_zero())
    }));
}

#[test]
fn rounding_amount_bt_114_makes_the_totals_add_up() {
    let xml = base()
        .replace(
            r#"<cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>"#,
            r#"<cbc:PayableRoundingAmount currencyID="EUR">-0.25</cbc:PayableRoundingAmount><cbc:PayableAmount currencyID="EUR">1656.00</cbc:PayableAmount>"#,
        );
    let invoice = read(&xml);
    assert_eq!(
        invoice
            .totals()
            .rounding()
            .map(|rounding| rounding.amount()),
        Some(Decimal::new(-25, 2))
    );
    assert_eq!(
        invoice.totals().amount_due().amount(),
        Decimal::new(165600, 2)
    );
    // Without BT-114 the same amount due contradicts BR-CO-16.
    let error = read_received_invoice(&base().replace(
        ">1656.25</cbc:PayableAmount>",
        ">1656.00</cbc:PayableAmount>",
    ))
    .unwrap_err();
    assert_eq!(
        (error.code(), error.rule()),
        ("received.totals_contradict", "BR-CO-16")
    );
}

#[test]
fn every_vat_category_is_known_and_split_payment_is_read() {
    let codes: Vec<&str> = ReceivedVatCategory::ALL
        .iter()
        .map(|category| category.code())
        .collect();
    assert_eq!(codes, ["S", "Z", "E", "AE", "K", "G", "O", "L", "M", "B"]);
    let invoice = read(&fixture(
        "cen/FT-G2G_TD01-con-Allegato-Bonifico-e-Split-Payment.xml",
    ));
    assert!(
        invoice
            .vat_breakdown()
            .iter()
            .any(|row| row.category() == ReceivedVatCategory::SplitPayment)
    );
    assert!(
        invoice
            .supporting_documents()
            .iter()
            .any(|document| document.attachment().is_some())
    );
}

#[test]
fn credit_notes_and_foreign_sellers_are_read() {
    let credit = read(&fixture("official/en16931-ubl-tc434-creditnote1.xml"));
    assert_eq!(credit.kind(), ReceivedInvoiceKind::CreditNote);
    assert_eq!(credit.type_code(), Some("381"));
    let norway = read(&fixture("peppol/national-NO-Norwegian-example-1.xml"));
    assert_eq!(norway.currency().as_str(), "NOK");
    assert_eq!(norway.seller().address().country(), Some("NO"));
}

// ---------------------------------------------------------------------------------------
// The verdict.

#[test]
fn line_net_mismatch_is_a_finding_outside_peppol_and_a_refusal_inside() {
    let invoice = read(&fixture("official/en16931-ubl-tc434-example1.xml"));
    let finding = invoice
        .findings()
        .iter()
        .find(|finding| finding.kind() == ReceivedFindingKind::LineNet)
        .unwrap();
    assert_eq!(finding.rule(), Some("PEPPOL-EN16931-R120"));
    assert!(
        finding
            .to_string()
            .starts_with("line 20: BT-131 -109.98 ≠ quantity × net price"),
        "{finding}"
    );
    read(&fixture("official/en16931-ubl-tc434-example10.xml"));
    // The same mismatch in a Peppol BIS document is refused, naming the Peppol rule.
    let peppol = base().replace(
        r#"<cbc:PriceAmount currencyID="EUR">400</cbc:PriceAmount>"#,
        r#"<cbc:PriceAmount currencyID="EUR">410</cbc:PriceAmount>"#,
    );
    assert_ne!(peppol, base());
    let error = read_received_invoice(&peppol).unwrap_err();
    assert_eq!(error.rule(), "PEPPOL-EN16931-R120");
    assert_eq!(
        error.to_string(),
        "line 1: BT-131 is 2800, PEPPOL-EN16931-R120 gives 2870.00"
    );
    let outside = peppol.replace(
        "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0",
        "urn:cen.eu:en16931:2017",
    );
    let invoice = read(&outside);
    assert!(
        invoice
            .findings()
            .iter()
            .any(|finding| finding.kind() == ReceivedFindingKind::LineNet)
    );
}

#[test]
fn contradicting_totals_are_refused_with_their_rule() {
    let cases = [
        (
            ">1656.25</cbc:TaxInclusiveAmount>",
            ">1656.26</cbc:TaxInclusiveAmount>",
            "BR-CO-15",
        ),
        (
            r#"<cbc:LineExtensionAmount currencyID="EUR">1300</cbc:LineExtensionAmount>"#,
            r#"<cbc:LineExtensionAmount currencyID="EUR">1300.01</cbc:LineExtensionAmount>"#,
            "BR-CO-10",
        ),
    ];
    for (from, to, rule) in cases {
        let xml = base().replacen(from, to, 1);
        assert_ne!(xml, base(), "{from}");
        let error = read_received_invoice(&xml).unwrap_err();
        assert_eq!(error.rule(), rule, "{error}");
        assert_eq!(error.code(), "received.totals_contradict");
    }
}

#[test]
fn vat_row_tolerance_is_the_rules_own() {
    // 1325 × 25 % = 331.25; BR-CO-17 and BR-S-09 accept any VAT within less than one unit.
    let shift = |vat: &str, total: &str| {
        base()
            .replace(
                r#"<cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>"#,
                &format!(r#"<cbc:TaxAmount currencyID="EUR">{vat}</cbc:TaxAmount>"#),
            )
            .replace(">1656.25<", &format!(">{total}<"))
    };
    let xml = base();
    assert!(
        xml.contains(r#"<cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>"#),
        "fixture changed"
    );
    read(&shift("331.99", "1656.99"));
    let error = read_received_invoice(&shift("332.25", "1657.25")).unwrap_err();
    assert_eq!(error.rule(), "BR-CO-17", "{error}");
}

#[test]
fn texts_that_are_not_ubl_are_refused() {
    let cases: [(&str, &str); 6] = [
        ("", "received.xml"),
        ("<Invoice><cbc:ID>1</Invoice>", "received.xml"),
        ("<Invoice/>", "received.not_ubl"),
        (
            r#"<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>"#,
            "received.not_ubl",
        ),
        (
            r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"/>"#,
            "received.missing",
        ),
        (
            r#"<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="c"><cbc:ID>1</cbc:ID><cbc:IssueDate>2.3.2026</cbc:IssueDate></Invoice>"#,
            "received.value",
        ),
    ];
    for (xml, code) in cases {
        let error = read_received_invoice(xml).unwrap_err();
        assert_eq!(error.code(), code, "{xml}: {error}");
    }
    assert_eq!(
        read_received_invoice(&"<a>".repeat(100))
            .unwrap_err()
            .code(),
        "received.too_deep"
    );
    let error = read_received_invoice(
        &base().replace("<cbc:IssueDate>2017-11-13", "<cbc:IssueDate>2017-13-13"),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "document: BT-2 (cbc:IssueDate) holds \"2017-13-13\", expected a date (xs:date) (UBL-2.1-XSD)"
    );
}

#[test]
fn findings_say_whose_data_and_which_term() {
    let invoice = read(&fixture("official/en16931-ubl-tc434-example5.xml"));
    let texts: Vec<String> = invoice.findings().iter().map(ToString::to_string).collect();
    assert_eq!(
        texts,
        [
            "seller: BT-31 VAT id \"NL16356706\": vat number body for NL needs 12 to 12 characters, found 8",
            "direct debit: BT-91 debited account \"DK1212341234123412\" is not a valid IBAN: iban check digits do not match",
        ]
    );
    for finding in invoice.findings() {
        assert!(finding.code().starts_with("received."));
        assert!(finding.term().starts_with("BT-"));
    }
}

#[test]
fn saved_form_refuses_contradicting_amounts() {
    let invoice = read(&base());
    let mut json = serde_json::to_value(&invoice).unwrap();
    json["totals"]["amount_due"]["amount"] = Value::String("1656.26".into());
    let error = serde_json::from_value::<ReceivedInvoice>(json.clone())
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("restore.invalid: cannot restore ReceivedInvoice: totals.amount_due:"),
        "{error}"
    );
    assert!(error.contains("BR-CO-16"), "{error}");
    json["totals"]["amount_due"]["amount"] = Value::String("1656.25".into());
    json["lines"] = Value::Array(Vec::new());
    let error = serde_json::from_value::<ReceivedInvoice>(json)
        .unwrap_err()
        .to_string();
    assert!(
        error.starts_with("restore.missing: cannot restore ReceivedInvoice: lines:"),
        "{error}"
    );
    // Findings are rebuilt from the data, whatever the saved copy says.
    let mut json =
        serde_json::to_value(read(&fixture("official/en16931-ubl-tc434-example5.xml"))).unwrap();
    json["findings"] = Value::Array(Vec::new());
    let restored: ReceivedInvoice = serde_json::from_value(json).unwrap();
    assert_eq!(restored.findings().len(), 2);
}

// ---------------------------------------------------------------------------------------
// Snapshots: the saved JSON form, the Latvian text, the error catalogue.

#[test]
fn received_json_of_a_credit_note() {
    let invoice = read(&fixture("official/base-creditnote-correction.xml"));
    assert_eq!(invoice.kind(), ReceivedInvoiceKind::CreditNote);
    assert_json_snapshot!("received__json_credit_note", invoice);
}

#[test]
fn received_text_of_documents() {
    for (name, file) in [
        (
            "received__text_direct_debit_dkk",
            "official/en16931-ubl-tc434-example5.xml",
        ),
        (
            "received__text_norwegian_nok",
            "peppol/national-NO-Norwegian-example-1.xml",
        ),
        (
            "received__text_negative_correction",
            "official/base-negative-inv-correction.xml",
        ),
        (
            "received__text_credit_note",
            "official/en16931-ubl-tc434-creditnote1.xml",
        ),
    ] {
        let invoice = read(&fixture(file));
        let text = render_received_invoice_in(&invoice, Language::Latvian);
        // A credit note asks nobody to pay; nothing is called a markup; no category code
        // stands in for a rate.
        let due = match invoice.kind() {
            ReceivedInvoiceKind::CreditNote => "Kreditējamā summa:",
            ReceivedInvoiceKind::Invoice => "Summa apmaksai:",
        };
        assert!(text.contains(due), "{text}");
        assert!(!text.to_lowercase().contains("uzcenojums"), "{text}");
        assert!(
            !text.contains("PVN S ") && !text.contains("PVN E "),
            "{text}"
        );
        assert_snapshot!(name, text);
    }
}

#[test]
fn received_error_catalogue() {
    let part = || DocumentPart::Totals;
    let errors = [
        ReadInvoiceError::TooLarge {
            max: 67_108_864,
            found: 70_000_000,
        },
        ReadInvoiceError::Xml { position: 17 },
        ReadInvoiceError::TooDeep { max: 64 },
        ReadInvoiceError::NotUbl {
            found: "Order".into(),
            namespace: "urn:oasis:names:specification:ubl:schema:xsd:Order-2".into(),
        },
        ReadInvoiceError::Missing {
            rule: "UBL-2.1-XSD",
            part: Box::new(DocumentPart::Document),
            term: "BT-1",
            path: "cbc:ID",
        },
        ReadInvoiceError::Value {
            rule: "UBL-2.1-XSD",
            part: Box::new(DocumentPart::Document),
            term: "BT-2",
            path: "cbc:IssueDate",
            expected: "a date (xs:date)",
            found: "2.3.2026".into(),
        },
        ReadInvoiceError::Contradiction {
            rule: "BR-CO-10",
            part: Box::new(part()),
            term: "BT-106",
            stated: Some(Decimal::new(10001, 2)),
            expected: Decimal::new(10000, 2),
        },
        ReadInvoiceError::Breakdown {
            rule: "BR-S-01",
            category: "S".into(),
            found: 0,
            expected: "at least one",
        },
        ReadInvoiceError::Overflow {
            part: Box::new(part()),
            term: "BT-106",
        },
    ];
    let mut lines: Vec<String> = errors
        .iter()
        .map(|error| format!("{}\t{}\t{error}", error.code(), error.rule()))
        .collect();
    for kind in [
        ReceivedFindingKind::MissingTerm,
        ReceivedFindingKind::UnknownCode,
        ReceivedFindingKind::UnknownCurrency,
        ReceivedFindingKind::AmountCurrency,
        ReceivedFindingKind::Decimals,
        ReceivedFindingKind::LineNet,
        ReceivedFindingKind::AllowancePercentage,
        ReceivedFindingKind::NetPrice,
        ReceivedFindingKind::VatId,
        ReceivedFindingKind::RegistrationNumber,
        ReceivedFindingKind::Iban,
        ReceivedFindingKind::AccountNotIban,
        ReceivedFindingKind::CreditorReference,
        ReceivedFindingKind::Email,
        ReceivedFindingKind::BuyerVatIdMissing,
        ReceivedFindingKind::DateOrder,
        ReceivedFindingKind::ExemptionReasonMissing,
    ] {
        lines.push(format!("{}\t(finding)", kind.code()));
    }
    assert_eq!(lines[0].split('\t').next(), Some("received.too_large"));
    assert_snapshot!("received__error_catalogue", lines.join("\n"));
}

// ---------------------------------------------------------------------------------------
// No panic, no hang, whatever the input.

fn corpus_texts() -> Vec<String> {
    [
        "official/base-example.xml",
        "official/en16931-ubl-tc434-example5.xml",
        "official/en16931-ubl-tc434-creditnote1.xml",
    ]
    .iter()
    .map(|file| fixture(file))
    .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = read_received_invoice(&text);
    }

    #[test]
    fn mutated_documents_never_panic_and_what_reads_round_trips(
        which in 0_usize..3,
        cuts in proptest::collection::vec((any::<proptest::sample::Index>(), 0_usize..40, "[-<>/&;\"'=a-zA-Z0-9 .\näü€]{0,6}"), 1..4),
    ) {
        let mut text = corpus_texts()[which].clone();
        for (at, length, insert) in cuts {
            let start = at.index(text.len().max(1));
            let mut start = start.min(text.len());
            while !text.is_char_boundary(start) {
                start -= 1;
            }
            let mut end = (start + length).min(text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            text.replace_range(start..end, &insert);
        }
        if let Ok(invoice) = read_received_invoice(&text) {
            let json = serde_json::to_string(&invoice).unwrap();
            let restored: ReceivedInvoice = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(restored, invoice);
            let _ = render_received_invoice_in(&read_received_invoice(&text).unwrap(), Language::Latvian);
        }
    }
}

#[test]
fn amounts_with_many_digits_are_refused_not_overflowed() {
    let huge = "9".repeat(28);
    let xml = base().replace(
        ">1656.25</cbc:PayableAmount>",
        &format!(">{huge}</cbc:PayableAmount>"),
    );
    assert!(read_received_invoice(&xml).is_err());
    let lines = base().replace(
        r#"<cbc:LineExtensionAmount currencyID= "EUR">2800</cbc:LineExtensionAmount>"#,
        &format!(r#"<cbc:LineExtensionAmount currencyID="EUR">{huge}</cbc:LineExtensionAmount>"#),
    );
    let error = read_received_invoice(&lines).unwrap_err();
    assert!(
        matches!(
            error.code(),
            "received.overflow" | "received.totals_contradict"
        ),
        "{error}"
    );
}

/// The three synthetic documents of the received-invoice model's doc examples
/// (`tests/fixtures/doc-examples/`) pass the official rules (`validate-ubl`, checked when they
/// were written): each is read whole, and the reader finds nothing to report.
#[test]
fn doc_example_documents_are_read_as_sent() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/doc-examples");
    let read = |name: &str| {
        read_received_invoice(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
    };
    let findings = |invoice: &ReceivedInvoice| -> Vec<String> {
        invoice.findings().iter().map(ToString::to_string).collect()
    };
    let invoice = read("received-invoice.xml");
    assert_eq!(findings(&invoice), Vec::<String>::new());
    assert_eq!(invoice.lines().len(), 3);
    assert_eq!(invoice.totals().amount_due().to_string(), "9007.00 NOK");
    let debit = read("received-direct-debit.xml");
    assert_eq!(findings(&debit), Vec::<String>::new());
    assert!(debit.payment_means()[0].direct_debit().is_some());
    let card = read("received-card.xml");
    assert_eq!(card.kind(), ReceivedInvoiceKind::CreditNote);
    assert_eq!(findings(&card), Vec::<String>::new());
    assert!(card.payment_means()[0].card().is_some());
}
