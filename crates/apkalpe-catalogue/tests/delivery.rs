//! Delivery schedules and service completion on the sample catalogue.

use apkalpe_catalogue::service_completion;
use apkalpe_core::Calendar;

use crate::support::{date, sample, sku};

#[test]
fn freight_capacity_pushes_the_third_order() {
    let mut file = sample();
    let calendar = Calendar::latvia();
    let freight = "freight".parse().unwrap();
    let ready = date(2026, 12, 17); // Thursday
    let planner = file.delivery_mut();
    let mut promised = Vec::new();
    for order in ["PAS-10", "PAS-11", "PAS-12"] {
        let d = planner
            .schedule(&calendar, order.parse().unwrap(), &freight, ready)
            .unwrap();
        promised.push((d.dispatch(), d.promised()));
    }
    // Capacity 2 a day: two leave Thu 17 Dec, the third Fri 18 Dec. Lead time 3 working days:
    // 18, 21, 22 Dec; from the 18th: 21, 22, 23 Dec.
    assert_eq!(
        promised,
        [
            (date(2026, 12, 17), date(2026, 12, 22)),
            (date(2026, 12, 17), date(2026, 12, 22)),
            (date(2026, 12, 18), date(2026, 12, 23)),
        ]
    );
    let list: Vec<String> = planner
        .dispatch_list(ready)
        .iter()
        .map(ToString::to_string)
        .collect();
    insta::assert_snapshot!("delivery__dispatch_list", list.join("\n"));
    let late = planner
        .late_deliveries(&calendar, date(2026, 12, 28))
        .unwrap();
    assert_eq!(late.len(), 3);
    // Promised Tue 22 Dec; working days after it up to Mon 28 Dec: 23 and 28 Dec.
    assert_eq!(late[0].working_days_late(), 2);
}

#[test]
fn service_completion_from_its_duration() {
    let catalogue = sample().into_parts().0;
    let calendar = Calendar::latvia();
    let assembly = catalogue.product(&sku("SRV-DESK-ASSEMBLY")).unwrap();
    // 4 hours fill one working day; ordered Wed 23 Dec → done Wed 23 Dec.
    let done =
        service_completion(&calendar, date(2026, 12, 23), assembly.duration().unwrap()).unwrap();
    assert_eq!(done, date(2026, 12, 23));
    // Ordered on Christmas Eve (a holiday): begins Mon 28 Dec.
    let done =
        service_completion(&calendar, date(2026, 12, 24), assembly.duration().unwrap()).unwrap();
    assert_eq!(done, date(2026, 12, 28));
}
