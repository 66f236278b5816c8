//! Recommendations (*ieteikumi*, S9, T2.3–T2.5): products ranked for a client's need, with the
//! reasons shown.
//!
//! # The recommendation rule
//!
//! 1. **Candidates**: active products in the need's category subtree (every product if it
//!    names none).
//! 2. **Hard filters**, in this order: every required attribute is met; the product has a
//!    price for the quantity, segment and date; the quote (with promotions) is within the
//!    budget; the quantity can be had by the needed-by date (goods: stock on hand or incoming
//!    by then; services: done by then, counted from the date); with no needed-by date, goods
//!    that cannot be had at all are left out.
//! 3. **Score**, each part a reason shown to the client: in stock now +40, or ready by the
//!    needed-by date +20, or partly now +10 (services: +30, "done by"); within budget +20;
//!    each preferred attribute met +10 ("2 of 3 preferred features"); on promotion +5.
//! 4. **Order**: score, highest first; then gross, lowest first; then SKU. Deterministic.

use std::fmt::{self, Write as _};

use apkalpe_core::{Calendar, Language, Money, MoneyError};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::catalogue::Catalogue;
use crate::category::CategoryPath;
use crate::code::{ClientSegment, PromotionId, Sku};
use crate::delivery::{DeliveryError, service_completion};
use crate::error::CatalogueError;
use crate::price::{PriceQuote, QuoteError};

use crate::product::{AttributeRequirement, Product, ProductKind};
use crate::stock::{Availability, Stock};
use crate::unit::Quantity;

/// A budget for the whole quantity.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Budget, CatalogueFile, NeedQuery, Quantity, recommend};
/// use apkalpe_core::{Calendar, Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
/// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
/// let need = need.clone().with_budget(Budget::Gross(Money::new(dec!(500), Currency::EUR)));
/// let cheap = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
/// assert!(cheap.items().len() < found.items().len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Budget {
    /// Compared with the quote's gross (with VAT): what a consumer pays.
    Gross(Money),
    /// Compared with the quote's net (without VAT): what a VAT-registered business counts.
    Net(Money),
}

impl Budget {
    fn limit(self) -> Money {
        match self {
            Budget::Gross(m) | Budget::Net(m) => m,
        }
    }

    fn compared(self, net: Money, gross: Money) -> Money {
        match self {
            Budget::Gross(_) => gross,
            Budget::Net(_) => net,
        }
    }
}

/// A client's need (*klienta vajadzība*, T2.3) as plain values: the same fields a client record
/// keeps, passed in by the caller.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement, Budget, NeedQuery, Quantity};
/// use apkalpe_core::{Currency, Money};
/// use rust_decimal_macros::dec;
///
/// let need = NeedQuery::new(Quantity::from_whole(1))
///     .in_category("it/laptops".parse()?)
///     .with_budget(Budget::Gross(Money::new(dec!(1000), Currency::EUR)))
///     .requiring(AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::AtLeast(dec!(16))))
///     .preferring(AttributeRequirement::new("weight_kg".parse()?, AttributeCondition::AtMost(dec!(1.5))));
/// assert_eq!(need.quantity(), Quantity::from_whole(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct NeedQuery {
    quantity: Quantity,
    #[cfg_attr(feature = "serde", serde(default))]
    category: Option<CategoryPath>,
    #[cfg_attr(feature = "serde", serde(default))]
    budget: Option<Budget>,
    #[cfg_attr(feature = "serde", serde(default))]
    needed_by: Option<NaiveDate>,
    #[cfg_attr(feature = "serde", serde(default))]
    required: Vec<AttributeRequirement>,
    #[cfg_attr(feature = "serde", serde(default))]
    preferred: Vec<AttributeRequirement>,
    #[cfg_attr(feature = "serde", serde(default))]
    segment: Option<ClientSegment>,
}

impl NeedQuery {
    /// A need for `quantity` of anything.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{NeedQuery, Quantity};
    ///
    /// assert_eq!(NeedQuery::new(Quantity::from_whole(2)).quantity(), Quantity::from_whole(2));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(quantity: Quantity) -> Self {
        NeedQuery {
            quantity,
            category: None,
            budget: None,
            needed_by: None,
            required: Vec::new(),
            preferred: Vec::new(),
            segment: None,
        }
    }

    /// Only products in this category or under it.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// assert!(found.items().iter().all(|r| r.sku().as_str().starts_with("LAP-")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn in_category(mut self, category: CategoryPath) -> Self {
        self.category = Some(category);
        self
    }

    /// The budget for the whole quantity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Budget, NeedQuery, Quantity};
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let need = NeedQuery::new(Quantity::from_whole(1)).with_budget(Budget::Net(Money::new(dec!(700), Currency::EUR)));
    /// assert_eq!(need.quantity(), Quantity::from_whole(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_budget(mut self, budget: Budget) -> Self {
        self.budget = Some(budget);
        self
    }

    /// The day the client needs it by.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// let soon = need.clone().needed_by(Calendar::date(2026, 12, 8)?);
    /// let ready = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &soon, Calendar::date(2026, 12, 7)?, 5)?;
    /// assert!(ready.items().len() <= found.items().len());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn needed_by(mut self, date: NaiveDate) -> Self {
        self.needed_by = Some(date);
        self
    }

    /// A requirement every result meets.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement, CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    /// use rust_decimal_macros::dec;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// let big = need.clone().requiring(AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::AtLeast(dec!(16))));
    /// let with_16 = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &big, Calendar::date(2026, 12, 7)?, 5)?;
    /// assert!(with_16.filtered_out() > found.filtered_out());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn requiring(mut self, requirement: AttributeRequirement) -> Self {
        self.required.push(requirement);
        self
    }

    /// A wish that raises the score.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement, CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    /// use rust_decimal_macros::dec;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// let light = need.clone().preferring(AttributeRequirement::new("weight_kg".parse()?, AttributeCondition::AtMost(dec!(1.5))));
    /// let ranked = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &light, Calendar::date(2026, 12, 7)?, 3)?;
    /// assert_eq!(ranked.filtered_out(), found.filtered_out());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn preferring(mut self, requirement: AttributeRequirement) -> Self {
        self.preferred.push(requirement);
        self
    }

    /// The client's segment, for prices.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{NeedQuery, Quantity};
    ///
    /// let need = NeedQuery::new(Quantity::from_whole(50)).for_segment("wholesale".parse()?);
    /// assert_eq!(need.quantity(), Quantity::from_whole(50));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn for_segment(mut self, segment: ClientSegment) -> Self {
        self.segment = Some(segment);
        self
    }

    /// Returns the quantity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{NeedQuery, Quantity};
    ///
    /// assert_eq!(NeedQuery::new(Quantity::from_whole(3)).quantity(), Quantity::from_whole(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }
}

/// Why a product was recommended: each part of its score.
///
/// Serialised with a `reason` tag in snake_case, and read back from the same form.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(
    feature = "serde",
    serde(rename_all = "snake_case", tag = "reason", deny_unknown_fields)
)]
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, RecommendationReason, recommend};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
/// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
/// assert_eq!(found.items()[0].reasons()[0], RecommendationReason::InStock);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[non_exhaustive]
pub enum RecommendationReason {
    /// The whole quantity is in stock now.
    InStock,
    /// The whole quantity is ready by the needed-by date.
    ReadyBy {
        /// When it is ready.
        date: NaiveDate,
    },
    /// Part now, the rest later.
    PartlyInStock {
        /// The quantity now.
        now: Quantity,
        /// When the rest comes.
        rest_from: NaiveDate,
    },
    /// A service done by a date.
    DoneBy {
        /// The completion date.
        date: NaiveDate,
    },
    /// Within the budget.
    WithinBudget {
        /// The compared price.
        price: Money,
        /// The budget.
        budget: Money,
    },
    /// Preferred attributes met.
    PreferredFeatures {
        /// How many are met.
        met: usize,
        /// How many were asked for.
        of: usize,
    },
    /// A promotion lowers the price.
    OnPromotion {
        /// The promotion.
        promotion: PromotionId,
    },
}

impl RecommendationReason {
    /// Returns the points the reason adds to the score.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::RecommendationReason;
    ///
    /// assert_eq!(RecommendationReason::InStock.points(), 40);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn points(&self) -> u32 {
        match self {
            RecommendationReason::InStock => 40,
            RecommendationReason::DoneBy { .. } => 30,
            RecommendationReason::ReadyBy { .. } => 20,
            RecommendationReason::PartlyInStock { .. } => 10,
            RecommendationReason::WithinBudget { .. } => 20,
            RecommendationReason::PreferredFeatures { met, .. } => {
                u32::try_from(*met).unwrap_or(u32::MAX).saturating_mul(10)
            }
            RecommendationReason::OnPromotion { .. } => 5,
        }
    }

    /// Renders the reason in `language` (Latvian or English; German and Russian use
    /// English).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::RecommendationReason;
    /// use apkalpe_core::Language;
    ///
    /// assert_eq!(RecommendationReason::InStock.render(Language::Latvian), "ir noliktavā");
    /// assert_eq!(RecommendationReason::InStock.render(Language::English), "in stock");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, language: Language) -> String {
        let latvian = language == Language::Latvian;
        match self {
            RecommendationReason::InStock if latvian => "ir noliktavā".to_owned(),
            RecommendationReason::InStock => "in stock".to_owned(),
            RecommendationReason::ReadyBy { date } if latvian => format!("pieejams no {date}"),
            RecommendationReason::ReadyBy { date } => format!("available from {date}"),
            RecommendationReason::PartlyInStock { now, rest_from } if latvian => {
                format!("{now} uzreiz, pārējais no {rest_from}")
            }
            RecommendationReason::PartlyInStock { now, rest_from } => {
                format!("{now} now, the rest from {rest_from}")
            }
            RecommendationReason::DoneBy { date } if latvian => format!("izpilde līdz {date}"),
            RecommendationReason::DoneBy { date } => format!("done by {date}"),
            RecommendationReason::WithinBudget { price, budget } if latvian => {
                format!(
                    "budžeta robežās ({} no {})",
                    price.to_localized_string(language),
                    budget.to_localized_string(language)
                )
            }
            RecommendationReason::WithinBudget { price, budget } => {
                format!(
                    "within budget ({} of {})",
                    price.to_localized_string(language),
                    budget.to_localized_string(language)
                )
            }
            RecommendationReason::PreferredFeatures { met, of } if latvian => {
                format!("{met} no {of} vēlamajām īpašībām")
            }
            RecommendationReason::PreferredFeatures { met, of } => {
                format!("{met} of {of} preferred features")
            }
            RecommendationReason::OnPromotion { promotion } if latvian => {
                format!("akcija {promotion}")
            }
            RecommendationReason::OnPromotion { promotion } => format!("on promotion {promotion}"),
        }
    }
}

impl fmt::Display for RecommendationReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::English))
    }
}

/// One recommended product: its score, the reasons, its quote and availability.
///
/// Produced by [`recommend`] inside [`Recommendations`] and read through its getters. It
/// deserialises from the form it serialises to, each field through its own type's checks.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
/// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
/// let best = &found.items()[0];
/// assert_eq!(best.sku().as_str(), "LAP-HP-250");
/// assert_eq!(best.quote().sku(), best.sku());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Recommendation {
    /// The product.
    pub(crate) sku: Sku,
    /// The sum of the reasons' points.
    pub(crate) score: u32,
    /// The reasons, in the order of the rule.
    pub(crate) reasons: Vec<RecommendationReason>,
    /// The quote for the need's quantity.
    pub(crate) quote: PriceQuote,
    /// The availability on the date.
    pub(crate) availability: Availability,
}

impl Recommendation {
    /// Returns the product's SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// let best = &found.items()[0];
    /// assert_eq!(best.sku().as_str(), "LAP-HP-250");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sku(&self) -> &Sku {
        &self.sku
    }

    /// Returns the score: the sum of the reasons' points.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// let best = &found.items()[0];
    /// assert!(best.score() >= found.items()[1].score());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn score(&self) -> u32 {
        self.score
    }

    /// Returns the reasons, in the order of the rule.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// let best = &found.items()[0];
    /// assert!(!best.reasons().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reasons(&self) -> &[RecommendationReason] {
        &self.reasons
    }

    /// Returns the quote for the need's quantity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// let best = &found.items()[0];
    /// assert_eq!(best.quote().sku(), best.sku());
    /// assert_eq!(best.quote().quantity(), Quantity::from_whole(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quote(&self) -> &PriceQuote {
        &self.quote
    }

    /// Returns the availability on the date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Availability, CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// let best = &found.items()[0];
    /// assert!(matches!(best.availability(), Availability::InStock { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn availability(&self) -> &Availability {
        &self.availability
    }
}

/// Recommendations, best first.
///
/// Produced by [`recommend`] and read through its getters. It deserialises from the form it
/// serialises to, each field through its own type's checks.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
/// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
/// assert!(found.items().len() <= 3);
/// assert!(found.items().windows(2).all(|w| w[0].score() >= w[1].score()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Recommendations {
    /// The recommendations.
    pub(crate) items: Vec<Recommendation>,
    /// How many candidates the hard filters left out.
    pub(crate) filtered_out: usize,
}

impl Recommendations {
    /// Returns the recommendations, best first.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// assert_eq!(found.items()[0].sku().as_str(), "LAP-HP-250");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn items(&self) -> &[Recommendation] {
        &self.items
    }

    /// Returns how many candidates the hard filters left out.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::Calendar;
    /// use rust_decimal_macros::dec;
    /// use apkalpe_catalogue::{AttributeCondition, AttributeRequirement};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1))
    ///     .in_category("it/laptops".parse()?)
    ///     .requiring(AttributeRequirement::new("ram_gb".parse()?, AttributeCondition::AtLeast(dec!(16))));
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// assert!(found.filtered_out() > 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn filtered_out(&self) -> usize {
        self.filtered_out
    }

    /// Renders the list as text, names and reasons in `language`, amounts as people in
    /// `language` write them (`815,66 €` in Latvian).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
    /// use apkalpe_core::{Calendar, Language};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
    /// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
    /// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
    /// assert!(found.render(Language::Latvian).starts_with("1. LAP-HP-250"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, language: Language) -> String {
        let mut out = String::new();
        for (place, item) in self.items.iter().enumerate() {
            let reasons: Vec<String> = item.reasons.iter().map(|r| r.render(language)).collect();
            let _ = writeln!(
                out,
                "{}. {} {} — {} (score {}): {}",
                place.saturating_add(1),
                item.sku,
                item.quote.name.get(language),
                item.quote.gross.to_localized_string(language),
                item.score,
                reasons.join("; "),
            );
        }
        out
    }
}

impl fmt::Display for Recommendations {
    /// [`Recommendations::render`] in English.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::English))
    }
}

fn availability_reason(
    product: &Product,
    stock: &Stock,
    calendar: &Calendar,
    need: &NeedQuery,
    date: NaiveDate,
) -> Result<Option<(Availability, RecommendationReason)>, DeliveryError> {
    if product.kind() == ProductKind::Service {
        let done = match product.duration() {
            Some(duration) => service_completion(calendar, date, duration)?,
            None => date,
        };
        if need.needed_by.is_some_and(|by| done > by) {
            return Ok(None);
        }
        return Ok(Some((
            Availability::NotStocked,
            RecommendationReason::DoneBy { date: done },
        )));
    }
    let availability = stock.availability(product.sku(), need.quantity, date);
    let reason = match &availability {
        Availability::InStock { .. } => RecommendationReason::InStock,
        Availability::AvailableFrom { date: from } => RecommendationReason::ReadyBy { date: *from },
        Availability::Partial { now, from, .. } => RecommendationReason::PartlyInStock {
            now: *now,
            rest_from: *from,
        },
        Availability::Unavailable { .. } | Availability::NotStocked => return Ok(None),
    };
    if let (Some(by), Some(ready)) = (need.needed_by, availability.ready_on(date))
        && ready > by
    {
        return Ok(None);
    }
    Ok(Some((availability, reason)))
}

/// Ranks the catalogue's products for `need` on `date` (S9, T2.3–T2.5); see the module's rule.
/// Returns at most `limit` recommendations.
///
/// # Errors
///
/// [`CatalogueError::Quote`] for a quote that fails other than for a missing price (a VAT
/// table without the date); [`CatalogueError::Delivery`] for a date outside the calendar.
///
/// # Examples
///
/// See the crate's example `recommend_laptop` and `tests/recommend.rs`.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, NeedQuery, Quantity, recommend};
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../tests/fixtures/catalogue.json"))?;
/// let need = NeedQuery::new(Quantity::from_whole(1)).in_category("it/laptops".parse()?);
/// let found = recommend(file.catalogue(), file.stock(), &Calendar::latvia(), &need, Calendar::date(2026, 12, 7)?, 3)?;
/// assert_eq!(found.items()[0].sku().as_str(), "LAP-HP-250");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn recommend(
    catalogue: &Catalogue,
    stock: &Stock,
    calendar: &Calendar,
    need: &NeedQuery,
    date: NaiveDate,
    limit: usize,
) -> Result<Recommendations, CatalogueError> {
    let candidates: Vec<&Product> = match &need.category {
        Some(category) => catalogue.products_in(category),
        None => catalogue.products().iter().collect(),
    };
    // Ranked on price summaries; full quotes are built only for the recommendations returned.
    struct Candidate<'a> {
        product: &'a Product,
        score: u32,
        gross: Money,
        reasons: Vec<RecommendationReason>,
        availability: Availability,
    }
    let mut candidates_left: Vec<Candidate<'_>> = Vec::new();
    let mut filtered_out: usize = 0;
    for product in candidates.into_iter().filter(|p| p.is_active()) {
        if !need.required.iter().all(|r| r.is_met_by(product)) {
            filtered_out = filtered_out.saturating_add(1);
            continue;
        }
        let summary =
            match catalogue.price_summary(product, need.quantity, need.segment.as_ref(), date) {
                Ok(summary) => summary,
                Err(
                    QuoteError::NoPrice { .. }
                    | QuoteError::Discontinued { .. }
                    | QuoteError::Quantity(_),
                ) => {
                    filtered_out = filtered_out.saturating_add(1);
                    continue;
                }
                Err(error) => return Err(error.into()),
            };
        let mut reasons = Vec::with_capacity(4);
        if let Some(budget) = need.budget {
            let price = budget.compared(summary.net, summary.gross);
            let within = price
                .try_cmp(&budget.limit())
                .map_err(|e: MoneyError| CatalogueError::Quote(e.into()))?
                != std::cmp::Ordering::Greater;
            if !within {
                filtered_out = filtered_out.saturating_add(1);
                continue;
            }
            reasons.push(RecommendationReason::WithinBudget {
                price,
                budget: budget.limit(),
            });
        }
        let Some((availability, reason)) =
            availability_reason(product, stock, calendar, need, date)?
        else {
            filtered_out = filtered_out.saturating_add(1);
            continue;
        };
        reasons.insert(0, reason);
        if !need.preferred.is_empty() {
            let met = need
                .preferred
                .iter()
                .filter(|r| r.is_met_by(product))
                .count();
            reasons.push(RecommendationReason::PreferredFeatures {
                met,
                of: need.preferred.len(),
            });
        }
        if let Some(promotion) = summary.promotion {
            reasons.push(RecommendationReason::OnPromotion {
                promotion: promotion.id().clone(),
            });
        }
        let score = reasons
            .iter()
            .map(RecommendationReason::points)
            .fold(0_u32, u32::saturating_add);
        candidates_left.push(Candidate {
            product,
            score,
            gross: summary.gross,
            reasons,
            availability,
        });
    }
    let order = |a: &Candidate<'_>, b: &Candidate<'_>| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.gross.amount().cmp(&b.gross.amount()))
            .then_with(|| a.product.sku().cmp(b.product.sku()))
    };
    // The order is total (SKUs are unique), so selecting the first `limit` and sorting them
    // gives the same list as sorting everything.
    if limit < candidates_left.len() {
        candidates_left.select_nth_unstable_by(limit, order);
        candidates_left.truncate(limit);
    }
    candidates_left.sort_unstable_by(order);
    let mut items = Vec::with_capacity(candidates_left.len());
    for candidate in candidates_left {
        let quote = catalogue.quote(
            candidate.product.sku(),
            need.quantity,
            need.segment.as_ref(),
            date,
        )?;
        debug_assert_eq!(quote.gross, candidate.gross);
        items.push(Recommendation {
            sku: candidate.product.sku().clone(),
            score: candidate.score,
            reasons: candidate.reasons,
            quote,
            availability: candidate.availability,
        });
    }
    Ok(Recommendations {
        items,
        filtered_out,
    })
}
