//! Search: four languages, case and diacritics, filters, pagination, rendering.

use apkalpe_catalogue::{
    AttributeCondition, AttributeRequirement, Page, SearchQuery, StatusFilter,
};
use apkalpe_core::{Currency, Language, Money};
use rust_decimal_macros::dec;

use crate::support::{date, sample};

fn skus(results: &apkalpe_catalogue::SearchResults<'_>) -> Vec<String> {
    results
        .hits()
        .iter()
        .map(|h| h.product().sku().to_string())
        .collect()
}

#[test]
fn finds_in_every_language_ignoring_case_and_diacritics() {
    let catalogue = sample().into_parts().0;
    for text in [
        "KLEPJDATORS lenovo",
        "laptop lenovo",
        "notebook LENOVO",
        "ноутбук",
        "НОУТБУК lenovo",
    ] {
        let results = catalogue.search(&SearchQuery::text(text));
        assert_eq!(skus(&results), ["LAP-E14-G5"], "{text}");
    }
    let apples = catalogue.search(&SearchQuery::text("ABOLI"));
    assert_eq!(skus(&apples), ["FRU-APPLE-KG"]);
    for text in ["Äpfel", "apfel", "ЯБЛОКИ"] {
        assert_eq!(
            skus(&catalogue.search(&SearchQuery::text(text))),
            ["FRU-APPLE-KG"],
            "{text}"
        );
    }
}

#[test]
fn prefixes_sku_parts_and_exact_sku_first() {
    let catalogue = sample().into_parts().0;
    let results = catalogue.search(&SearchQuery::text("pap a4"));
    assert_eq!(skus(&results), ["PAP-A4-80"]);
    let results = catalogue.search(&SearchQuery::text("lap-e14-g5"));
    assert_eq!(skus(&results)[0], "LAP-E14-G5");
}

#[test]
fn filters_by_category_attribute_catalogue_and_price() {
    let catalogue = sample().into_parts().0;
    let day = date(2026, 12, 7);
    let query = SearchQuery::text("")
        .in_category("it".parse().unwrap())
        .with_attribute(AttributeRequirement::new(
            "ram_gb".parse().unwrap(),
            AttributeCondition::AtLeast(dec!(16)),
        ))
        .priced_between(None, Some(Money::new(dec!(900), Currency::EUR)), day, None);
    let results = catalogue.search(&query);
    // Laptops with 16 GB at most 900 EUR net after the winter promotion:
    // E14 674.10, Dell 809.10; the MacBook (1079.10) is over.
    assert_eq!(skus(&results), ["LAP-DELL-5440", "LAP-E14-G5"]);
    assert_eq!(
        results.hits()[1].unit_price().unwrap().amount(),
        dec!(674.10)
    );
    let partner =
        catalogue.search(&SearchQuery::text("").in_catalogue("ergo-partner".parse().unwrap()));
    assert_eq!(partner.total(), 5);
    insta::assert_snapshot!("search__it_16gb_en", results.render(Language::English));
}

#[test]
fn discontinued_only_on_request() {
    let catalogue = sample().into_parts().0;
    assert_eq!(catalogue.search(&SearchQuery::text("vivobook")).total(), 0);
    let all = SearchQuery::text("vivobook").with_statuses(StatusFilter::All);
    assert_eq!(catalogue.search(&all).total(), 1);
}

#[test]
fn pages_are_stable_and_cover_everything_once() {
    let catalogue = sample().into_parts().0;
    let everything =
        catalogue.search(&SearchQuery::text("").on_page(Page::try_new(1, 500).unwrap()));
    let mut paged = Vec::new();
    for number in 1..=everything.total().div_ceil(7) {
        let page =
            catalogue.search(&SearchQuery::text("").on_page(Page::try_new(number, 7).unwrap()));
        assert_eq!(page.total(), everything.total());
        paged.extend(skus(&page));
    }
    assert_eq!(paged, skus(&everything));
    assert_eq!(everything.total(), 30);
    let page = catalogue.search(&SearchQuery::text("laptop").on_page(Page::try_new(1, 2).unwrap()));
    insta::assert_snapshot!("search__laptop_page_lv", page.render(Language::Latvian));
}
