//! Services: the acceptance–transfer act (*pieņemšanas–nodošanas akts*) and the ledger of
//! services rendered (*sniegto pakalpojumu uzskaite*) that bills them into invoices.

mod acceptance;
mod ledger;

pub use acceptance::{AcceptanceAct, DraftAcceptanceAct, Signatory};
pub use ledger::{ServiceBilling, ServiceLedger, ServiceRecord};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::line::{LineVat, Quantity, UnitCode};
    use apkalpe_core::{
        Address, CountryCode, Currency, DocumentNumber, Money, NumberSeries, Party, PartyName,
        VatRate, YearReset,
    };
    use chrono::NaiveDate;
    use rust_decimal_macros::dec;

    fn record(id: &str, client: &str) -> ServiceRecord {
        ServiceRecord::try_new(
            id,
            client,
            "Konsultācija",
            Quantity::try_new(dec!(1)).unwrap(),
            UnitCode::HOUR,
            Money::new(dec!(40), Currency::EUR),
            LineVat::standard(VatRate::try_new(dec!(21)).unwrap()).unwrap(),
            NaiveDate::from_ymd_opt(2026, 3, 4).unwrap(),
        )
        .unwrap()
    }

    fn number(text: &str) -> DocumentNumber {
        let mut series =
            NumberSeries::try_new("x", text.parse().unwrap(), YearReset::Never).unwrap();
        series
            .issue(NaiveDate::from_ymd_opt(2026, 3, 4).unwrap())
            .unwrap()
    }

    fn party() -> Party {
        let address =
            Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV).unwrap();
        Party::organisation(PartyName::try_new("SIA A").unwrap(), address)
    }

    #[test]
    fn the_ledger_reads_back_what_it_wrote() {
        let mut ledger = ServiceLedger::new();
        ledger.record(record("S-1", "K")).unwrap();
        ledger.record(record("S-2", "K")).unwrap();
        ledger
            .mark_billed(&["S-1".to_owned()], &number("A{seq:2}"))
            .unwrap();
        let json = serde_json::to_string(&ledger).unwrap();
        let back: ServiceLedger = serde_json::from_str(&json).unwrap();
        assert_eq!(back, ledger);
        let twice = format!(
            "[{0},{0}]",
            serde_json::to_string(&serde_json::json!({"record": ledger.records().next().unwrap()}))
                .unwrap()
        );
        assert!(serde_json::from_str::<ServiceLedger>(&twice).is_err());
        let blank = json.replace("\"S-2\"", "\" \"");
        assert!(serde_json::from_str::<ServiceLedger>(&blank).is_err());
        let no_number = json.replace("\"A01\"", "\"\"");
        assert!(serde_json::from_str::<ServiceLedger>(&no_number).is_err());
    }

    #[test]
    fn duplicate_ids_are_refused() {
        let mut ledger = ServiceLedger::new();
        ledger.record(record("S-1", "K")).unwrap();
        assert_eq!(
            ledger.record(record("S-1", "L")).unwrap_err().code(),
            "services.duplicate_record"
        );
    }

    #[test]
    fn a_failed_marking_changes_nothing() {
        let mut ledger = ServiceLedger::new();
        ledger.record(record("S-1", "K")).unwrap();
        ledger.record(record("S-2", "K")).unwrap();
        let ids = vec!["S-1".to_owned(), "S-3".to_owned()];
        assert_eq!(
            ledger
                .mark_billed(&ids, &number("A{seq:2}"))
                .unwrap_err()
                .code(),
            "services.unknown_record"
        );
        assert!(ledger.billed_by("S-1").is_none());
        let ids = vec!["S-1".to_owned(), "S-1".to_owned()];
        assert_eq!(
            ledger
                .mark_billed(&ids, &number("A{seq:2}"))
                .unwrap_err()
                .code(),
            "services.repeated_record"
        );
    }

    #[test]
    fn billing_takes_only_the_clients_unbilled_records() {
        let mut ledger = ServiceLedger::new();
        ledger.record(record("S-1", "K")).unwrap();
        ledger.record(record("S-2", "L")).unwrap();
        ledger.record(record("S-3", "K")).unwrap();
        let billing = ledger.bill_client("K", party(), party()).unwrap();
        assert_eq!(billing.record_ids(), ["S-1", "S-3"]);
        assert_eq!(billing.draft().content().lines().len(), 2);
        ledger
            .mark_billed(billing.record_ids(), &number("A{seq:2}"))
            .unwrap();
        let again = ledger.mark_billed(billing.record_ids(), &number("B{seq:2}"));
        assert_eq!(again.unwrap_err().code(), "services.already_billed");
        assert_eq!(ledger.billed_by("S-1"), Some("A01"));
        assert_eq!(ledger.unbilled("L").count(), 1);
    }
}
