//! Document flow: the audit trail replays to the current state.

use apkalpe_documents::{Assignee, DocumentFlow, DocumentId, FlowAction, FlowEvent};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

fn action() -> impl Strategy<Value = FlowAction> {
    prop_oneof![
        (0_u8..3).prop_map(|n| FlowAction::Assign {
            to: Assignee::person(&format!("p{n}")).unwrap()
        }),
        (0_u8..3, proptest::option::of(1_u32..=28)).prop_map(|(n, day)| {
            FlowAction::resolve(
                Assignee::unit(&format!("u{n}")).unwrap(),
                "Sagatavot atbildi",
                day.and_then(|d| NaiveDate::from_ymd_opt(2026, 3, d)),
            )
            .unwrap()
        }),
        Just(FlowAction::Start),
        Just(FlowAction::complete("izpildīts").unwrap()),
        Just(FlowAction::cancel("dublikāts").unwrap()),
    ]
}

fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).single().unwrap()
        + chrono::TimeDelta::minutes(minutes)
}

proptest! {
    #[test]
    fn replaying_the_trail_gives_the_current_state(
        steps in prop::collection::vec((action(), -30_i64..120), 0..40),
        today in 1_u32..=31,
    ) {
        let registered = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let mut flow = DocumentFlow::new(DocumentId::from_u128(7), registered);
        let mut clock = 0_i64;
        for (action, step) in steps {
            clock += step;
            let event = FlowEvent::try_new(at(clock), "lietvede", action).unwrap();
            let before = flow.clone();
            if flow.apply(event).is_err() {
                prop_assert_eq!(&flow, &before, "a refused event changed the flow");
            }
        }
        let replayed = DocumentFlow::replay(flow.document(), registered, flow.events().to_vec()).unwrap();
        prop_assert_eq!(replayed.status(), flow.status());
        let today = NaiveDate::from_ymd_opt(2026, 3, today).unwrap();
        prop_assert_eq!(replayed.is_overdue(today), flow.is_overdue(today));
    }
}
