//! Public parsers never panic on arbitrary input.

use apkalpe_documents::{
    CaseIndex, DeadlineRegime, FilePlan, Medium, RegistrationPattern, RetentionPeriod,
};
use proptest::prelude::*;

proptest! {
    #[test]
    fn parsers_never_panic(text in any::<String>()) {
        let _ = text.parse::<CaseIndex>();
        let _ = text.parse::<RetentionPeriod>();
        let _ = text.parse::<Medium>();
        let _ = text.parse::<DeadlineRegime>();
        let _ = RegistrationPattern::try_new(&text);
        let _ = FilePlan::from_csv(2026, &text);
    }

    #[test]
    fn csv_rows_never_panic(rows in prop::collection::vec(prop::collection::vec("[^\n]{0,12}", 0..12), 0..8)) {
        let mut text = String::from("indekss;līmeņa nosaukums;lietas nosaukums;glabāšanas termiņš;termiņa pamatojums;atbildīgais;nesējs;saite ar IS;citas ziņas\n");
        for row in rows {
            text.push_str(&row.join(";"));
            text.push('\n');
        }
        if let Ok(plan) = FilePlan::from_csv(2026, &text) {
            prop_assert_eq!(FilePlan::from_csv(2026, &plan.to_csv()).unwrap(), plan);
        }
    }

    #[test]
    fn retention_display_round_trips(years in 1_u16..=999) {
        let period = RetentionPeriod::Years(years);
        prop_assert_eq!(period.to_string().parse::<RetentionPeriod>().unwrap(), period);
    }
}
