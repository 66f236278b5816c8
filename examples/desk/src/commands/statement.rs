//! The bank's end-of-day statement as ISO 20022 camt.053.001.08 XML, the shape banks send and
//! `apkalpe_payments::BankStatement::read` reads (see the crate's fixture
//! `tests/fixtures/statement-camt053-001.08.xml`). `desk demo` and `desk bank-statement` play
//! the bank: the statement is built from the desk's own receivables, so it can pay an invoice
//! by its RF reference. Synthetic, and marked so in the file.

use std::fmt::Write as _;

use apkalpe_core::{CreditorReference, Iban, Money};
use chrono::NaiveDate;

/// One booked entry of the statement.
#[derive(Debug, Clone)]
pub(crate) struct Entry {
    /// The amount (positive).
    pub(crate) amount: Money,
    /// Money in (`true`) or out.
    pub(crate) credit: bool,
    /// The payer's (or payee's) name.
    pub(crate) party: Option<String>,
    /// The structured creditor reference.
    pub(crate) reference: Option<CreditorReference>,
    /// The unstructured remittance text.
    pub(crate) text: Option<String>,
}

/// Escapes text for XML element content and attribute values.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The statement of `account` for `day`, opening with `opening` and holding `entries`.
pub(crate) fn camt053(
    account: &Iban,
    owner: &str,
    day: NaiveDate,
    opening: Money,
    entries: &[Entry],
) -> String {
    let date = day.format("%Y-%m-%d");
    let compact = day.format("%Y%m%d");
    let mut xml = String::with_capacity(4096);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <!-- Synthetic statement written by desk (demo or bank-statement): not real bank data. -->\n\
         <Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.08\">\n\
         \x20 <BkToCstmrStmt>\n\
         \x20   <GrpHdr>\n\
         \x20     <MsgId>APKALPE-STMT-{compact}</MsgId>\n\
         \x20     <CreDtTm>{date}T18:00:00</CreDtTm>\n\
         \x20   </GrpHdr>\n\
         \x20   <Stmt>\n\
         \x20     <Id>STMT-{date}</Id>\n\
         \x20     <CreDtTm>{date}T18:00:00</CreDtTm>\n\
         \x20     <FrToDt><FrDtTm>{date}T00:00:00</FrDtTm><ToDtTm>{date}T23:59:59</ToDtTm></FrToDt>\n\
         \x20     <Acct>\n\
         \x20       <Id><IBAN>{}</IBAN></Id>\n\
         \x20       <Ccy>{}</Ccy>\n\
         \x20       <Ownr><Nm>{}</Nm></Ownr>\n\
         \x20     </Acct>\n\
         \x20     <Bal>\n\
         \x20       <Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp>\n\
         \x20       <Amt Ccy=\"{}\">{}</Amt>\n\
         \x20       <CdtDbtInd>CRDT</CdtDbtInd>\n\
         \x20       <Dt><Dt>{date}</Dt></Dt>\n\
         \x20     </Bal>\n",
        account.as_str(),
        opening.currency().code(),
        escape(owner),
        opening.currency().code(),
        opening.amount(),
    );
    for (number, entry) in entries.iter().enumerate() {
        let number = number.saturating_add(1);
        let direction = if entry.credit { "CRDT" } else { "DBIT" };
        let currency = entry.amount.currency().code();
        let service_reference = format!("{compact}{number:08}");
        let _ = write!(
            xml,
            "      <Ntry>\n\
             \x20       <NtryRef>{number}</NtryRef>\n\
             \x20       <Amt Ccy=\"{currency}\">{}</Amt>\n\
             \x20       <CdtDbtInd>{direction}</CdtDbtInd>\n\
             \x20       <Sts><Cd>BOOK</Cd></Sts>\n\
             \x20       <BookgDt><Dt>{date}</Dt></BookgDt>\n\
             \x20       <ValDt><Dt>{date}</Dt></ValDt>\n\
             \x20       <AcctSvcrRef>{service_reference}</AcctSvcrRef>\n\
             \x20       <NtryDtls>\n\
             \x20         <TxDtls>\n\
             \x20           <Refs><AcctSvcrRef>{service_reference}</AcctSvcrRef></Refs>\n",
            entry.amount.amount(),
        );
        if let Some(party) = &entry.party {
            let role = if entry.credit { "Dbtr" } else { "Cdtr" };
            let _ = writeln!(
                xml,
                "            <RltdPties><{role}><Pty><Nm>{}</Nm></Pty></{role}></RltdPties>",
                escape(party)
            );
        }
        match (&entry.reference, &entry.text) {
            (Some(reference), _) => {
                let _ = writeln!(
                    xml,
                    "            <RmtInf><Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry><Issr>ISO</Issr></Tp><Ref>{}</Ref></CdtrRefInf></Strd></RmtInf>",
                    reference.as_str()
                );
            }
            (None, Some(text)) => {
                let _ = writeln!(
                    xml,
                    "            <RmtInf><Ustrd>{}</Ustrd></RmtInf>",
                    escape(text)
                );
            }
            (None, None) => {}
        }
        xml.push_str(
            "          </TxDtls>\n\
             \x20       </NtryDtls>\n\
             \x20     </Ntry>\n",
        );
    }
    xml.push_str("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n");
    xml
}

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_core::Currency;
    use apkalpe_payments::{BankStatement, CreditDebit};
    use rust_decimal::Decimal;

    #[test]
    fn the_statement_reads_back_with_every_entry() {
        let eur = |cents| Money::new(Decimal::new(cents, 2), Currency::EUR);
        let reference = CreditorReference::from_payment_reference("INV202600002").unwrap();
        let entries = [
            Entry {
                amount: eur(94_985),
                credit: true,
                party: Some("SIA \"Ziemeļu Rati\" & Co <LV>".into()),
                reference: Some(reference),
                text: None,
            },
            Entry {
                amount: eur(250),
                credit: false,
                party: None,
                reference: None,
                text: Some("Komisija & <maksa>".into()),
            },
        ];
        let day = NaiveDate::from_ymd_opt(2026, 11, 27).unwrap();
        let xml = camt053(
            &"LV80BANK0000435195001".parse().unwrap(),
            "SIA Apkalpe",
            day,
            eur(100_000),
            &entries,
        );
        let statement = BankStatement::read(xml.as_bytes()).unwrap();
        assert_eq!(statement.entries().len(), 2);
        let first = &statement.entries()[0];
        assert_eq!(first.amount(), eur(94_985));
        assert_eq!(first.direction(), CreditDebit::Credit);
        assert_eq!(first.booking_date(), Some(day));
        let second = &statement.entries()[1];
        assert_eq!(second.direction(), CreditDebit::Debit);
        assert!(xml.contains("<Ref>RF"), "{xml}");
        assert!(
            xml.contains("Ziemeļu Rati&quot; &amp; Co &lt;LV&gt;"),
            "{xml}"
        );
    }
}
