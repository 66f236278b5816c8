//! An integrator's task: a client on the phone needs a laptop within 1 000 EUR by Friday.
//! Load the catalogue file, rank the laptops, quote the first, reserve it, promise a delivery
//! date and tell the payment terms.
//!
//! Run with `cargo run -p apkalpe-catalogue --example recommend_laptop`.

use apkalpe_catalogue::{
    AttributeCondition, AttributeRequirement, Budget, CatalogueFile, NeedQuery, Quantity, recommend,
};
use apkalpe_core::{Calendar, Currency, Language, Money};
use rust_decimal_macros::dec;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    let calendar = Calendar::latvia();
    let today = Calendar::date(2026, 12, 7)?;
    let friday = Calendar::date(2026, 12, 11)?;

    // The need, as the clients crate records it: plain values.
    let need = NeedQuery::new(Quantity::from_whole(1))
        .in_category("it/laptops".parse()?)
        .with_budget(Budget::Gross(Money::new(dec!(1000), Currency::EUR)))
        .needed_by(friday)
        .preferring(AttributeRequirement::new(
            "ram_gb".parse()?,
            AttributeCondition::AtLeast(dec!(16)),
        ));
    let found = recommend(file.catalogue(), file.stock(), &calendar, &need, today, 3)?;
    print!("{}", found.render(Language::Latvian));

    let Some(best) = found.items().first() else {
        println!("nothing fits");
        return Ok(());
    };
    print!("{}", best.quote().render(Language::Latvian));

    // Reserve it for a week and promise a courier delivery.
    let order = "PAS-2026/0042".parse()?;
    file.stock_mut().reserve(
        order,
        best.sku(),
        Quantity::from_whole(1),
        today,
        calendar.add_working_days(today, 5)?,
    )?;
    let ready = best.availability().ready_on(today).unwrap_or(today);
    let delivery = file.delivery_mut().schedule(
        &calendar,
        "PAS-2026/0042".parse()?,
        &"courier".parse()?,
        ready,
    )?;
    println!("piegāde: {delivery}");

    if let Some(terms) = file.payment_terms() {
        let schedule = terms.schedule(
            best.quote().gross(),
            today,
            Some(delivery.promised()),
            &calendar,
        )?;
        println!("apmaksa: {terms}");
        print!("{schedule}");
    }
    Ok(())
}
