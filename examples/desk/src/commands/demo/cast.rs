//! Who comes to the desk and what they buy: the fixed cast of the documented day, or a cast
//! drawn from `--seed` with a tiny deterministic generator (splitmix64), so the same seed
//! always gives the same day.
//!
//! Every draw comes from the samples shipped with the crates: companies from the sample
//! Register of Enterprises file (active ones, so the check confirms them), products from the
//! sample catalogue, names from a short list. Personal codes are made with a valid check digit
//! by asking `apkalpe_core::PersonalCode` which of the ten candidates it accepts.

use apkalpe_core::PersonalCode;
use chrono::{Datelike, NaiveDate};

/// The day docs/tour.md and the committed e-invoices follow.
pub(super) const DOCUMENTED_DAY: chrono::NaiveDate =
    match chrono::NaiveDate::from_ymd_opt(2026, 11, 27) {
        Some(day) => day,
        None => chrono::NaiveDate::MIN,
    };

/// splitmix64 (Steele, Lea and Flood 2014): 64 bits of state, one multiply-xorshift per draw.
/// Small, fast and good enough to vary a story; not for anything secret.
#[derive(Debug, Clone)]
pub(super) struct SplitMix64(u64);

impl SplitMix64 {
    /// The generator for `seed`.
    pub(super) fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// The next 64 random bits.
    pub(super) fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0). The modulo bias is below 2⁻⁵⁰ for the
    /// small bounds used here.
    pub(super) fn below(&mut self, bound: u64) -> u64 {
        self.next_u64().checked_rem(bound).unwrap_or(0)
    }

    /// A number in `low..=high`.
    pub(super) fn between(&mut self, low: u32, high: u32) -> u32 {
        let span = u64::from(high.saturating_sub(low)).saturating_add(1);
        low.saturating_add(u32::try_from(self.below(span)).unwrap_or(0))
    }

    /// One of `items` (the first when the slice has one element).
    pub(super) fn pick<T: Copy>(&mut self, items: &[T], fallback: T) -> T {
        let index = usize::try_from(self.below(items.len() as u64)).unwrap_or(0);
        items.get(index).copied().unwrap_or(fallback)
    }

    /// True with probability `percent` / 100.
    pub(super) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// A company from the sample register: the register's own data, so the check confirms it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Company {
    /// The legal form.
    pub(super) form: &'static str,
    /// The name without the legal form.
    pub(super) name: &'static str,
    /// The registration number (its VAT number is `LV` and the same digits).
    pub(super) registration: &'static str,
    /// Street and house.
    pub(super) street: &'static str,
    /// City.
    pub(super) city: &'static str,
    /// Postcode.
    pub(super) postcode: &'static str,
}

/// The active companies of the sample register with the legal forms SIA and AS.
const COMPANIES: [Company; 8] = [
    Company {
        form: "SIA",
        name: "Ziemeļu Rati",
        registration: "40203990007",
        street: "Brīvības iela 101",
        city: "Rīga",
        postcode: "LV-1001",
    },
    Company {
        form: "AS",
        name: "Baltijas Dzirnavas",
        registration: "40203990079",
        street: "Dzirnavu iela 57",
        city: "Rīga",
        postcode: "LV-1010",
    },
    Company {
        form: "SIA",
        name: "Jaunā Osta",
        registration: "40203990280",
        street: "Ostas iela 3",
        city: "Liepāja",
        postcode: "LV-3401",
    },
    Company {
        form: "SIA",
        name: "Ģimenes Aptieka",
        registration: "40203990420",
        street: "Kuldīgas iela 14",
        city: "Ventspils",
        postcode: "LV-3601",
    },
    Company {
        form: "AS",
        name: "Latgales Piens",
        registration: "40203990492",
        street: "Atbrīvošanas aleja 90",
        city: "Rēzekne",
        postcode: "LV-4601",
    },
    Company {
        form: "SIA",
        name: "Šķūņu Serviss",
        registration: "40203990562",
        street: "Brīvības iela 33",
        city: "Ogre",
        postcode: "LV-5001",
    },
    Company {
        form: "SIA",
        name: "Žagatas Grāmatas",
        registration: "40203990702",
        street: "Tērbatas iela 2",
        city: "Rīga",
        postcode: "LV-1011",
    },
    Company {
        form: "SIA",
        name: "Ķekavas Koks",
        registration: "40203990844",
        street: "Rīgas iela 19",
        city: "Ķekava",
        postcode: "LV-2123",
    },
];

/// Given and family names that agree in gender.
const PEOPLE: [(&str, &str); 8] = [
    ("Anna", "Bērziņa"),
    ("Jānis", "Ozols"),
    ("Līga", "Kalniņa"),
    ("Pēteris", "Liepiņš"),
    ("Ilze", "Krūmiņa"),
    ("Mārtiņš", "Zariņš"),
    ("Elīna", "Vītola"),
    ("Andris", "Jansons"),
];

/// What a client may need (T2.3): a catalogue category, how many, the budget for all of
/// them with VAT, and one attribute they would like at least this high.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NeedCast {
    /// The catalogue category.
    pub(super) category: &'static str,
    /// How many.
    pub(super) quantity: u32,
    /// The budget for the whole quantity, with VAT, in whole euro.
    pub(super) budget_eur: i64,
    /// The attribute wanted.
    pub(super) attribute: &'static str,
    /// Its least value.
    pub(super) at_least: i64,
    /// The wish in words, for the client register.
    pub(super) wish: &'static str,
}

/// Needs the sample catalogue can meet from stock.
const NEEDS: [NeedCast; 6] = [
    NeedCast {
        category: "it/laptops",
        quantity: 1,
        budget_eur: 1000,
        attribute: "ram_gb",
        at_least: 16,
        wish: "16 GB RAM",
    },
    NeedCast {
        category: "it/laptops",
        quantity: 2,
        budget_eur: 2000,
        attribute: "ram_gb",
        at_least: 16,
        wish: "16 GB RAM",
    },
    NeedCast {
        category: "it/monitors",
        quantity: 1,
        budget_eur: 450,
        attribute: "screen_in",
        at_least: 27,
        wish: "at least 27 inches",
    },
    NeedCast {
        category: "it/monitors",
        quantity: 2,
        budget_eur: 600,
        attribute: "screen_in",
        at_least: 24,
        wish: "at least 24 inches",
    },
    NeedCast {
        category: "furniture/chairs",
        quantity: 2,
        budget_eur: 700,
        attribute: "max_load_kg",
        at_least: 120,
        wish: "carries at least 120 kg",
    },
    NeedCast {
        category: "furniture/desks",
        quantity: 1,
        budget_eur: 600,
        attribute: "width_cm",
        at_least: 140,
        wish: "at least 140 cm wide",
    },
];

/// Goods a walk-in customer pays for in cash.
const SMALL_GOODS: [&str; 6] = [
    "NOTE-A5",
    "PEN-BIC-BL",
    "PEN-STAB-HL",
    "TEA-GREEN",
    "PAP-A4-80",
    "FRU-APPLE-KG",
];
/// Goods paid by card, one of which comes back with a complaint.
const CARD_GOODS: [&str; 4] = ["ACC-BAG-15", "ACC-MOUSE-MX", "ACC-KB-K120", "ACC-DOCK-USBC"];
/// Larger purchases paid partly by card, partly in cash.
const MIXED_GOODS: [&str; 4] = [
    "MON-DELL-P2423",
    "ACC-DOCK-USBC",
    "CHR-VISIT",
    "DSK-BASIC-120",
];
/// Test card numbers of the simulated terminal (Visa, Mastercard).
const CARDS: [&str; 3] = ["4111111111111111", "5555555555554444", "4012888888881881"];
/// The products a promotion may be quoted for, in order of preference.
pub(super) const PROMOTION_CANDIDATES: [&str; 6] = [
    "PAP-A4-80",
    "CHR-ERGO-1",
    "DSK-BASIC-120",
    "DSK-LIFT-160",
    "LAP-HP-250",
    "MON-DELL-P2423",
];

/// One sale's lines: `(sku, quantity)`.
pub(super) type Lines = Vec<(&'static str, u32)>;

/// A survey answer: satisfaction 1–5 and NPS 0–10.
pub(super) type Scores = (u8, u8);

/// Everything that varies between days.
#[derive(Debug, Clone)]
pub(super) struct Cast {
    /// The walk-in person's given and family name.
    pub(super) person: (&'static str, &'static str),
    /// Their personal code, valid.
    pub(super) personal_code: String,
    /// The same code as the clerk first types it: one digit wrong.
    pub(super) typo: String,
    /// Their phone.
    pub(super) phone: String,
    /// The purposes the person consents to.
    pub(super) person_consents: Vec<&'static str>,
    /// The company that comes with a need.
    pub(super) company: Company,
    /// The regular client with an older, overdue invoice.
    pub(super) regular: Company,
    /// The older invoice's lines.
    pub(super) earlier_lines: Lines,
    /// How many days before today the older invoice was issued.
    pub(super) earlier_days_ago: u32,
    /// The need.
    pub(super) need: NeedCast,
    /// Which promotion candidate to prefer among those on offer (an index).
    pub(super) promotion_pick: u64,
    /// How many units of the promoted product (paper: reams).
    pub(super) promotion_quantity: u32,
    /// The cash sale.
    pub(super) cash_sale: Lines,
    /// How many notes above the smallest one the customer hands over (0 or 1).
    pub(super) bigger_note: bool,
    /// The card sale (one line; it comes back with a complaint).
    pub(super) card_sale: Lines,
    /// The card of the card sale.
    pub(super) card: &'static str,
    /// The mixed sale.
    pub(super) mixed_sale: Lines,
    /// The card of the mixed sale.
    pub(super) mixed_card: &'static str,
    /// Units of the invoice's second line returned against a credit note.
    pub(super) returned: u32,
    /// Whether the bank statement pays the invoice in full (else half of it).
    pub(super) paid_in_full: bool,
    /// The vehicle on the waybill.
    pub(super) vehicle: String,
    /// The survey answers of the person, the company and the regular client.
    pub(super) client_scores: [Scores; 3],
    /// The survey answers of anonymous respondents.
    pub(super) anonymous_scores: Vec<Scores>,
}

impl Cast {
    /// The documented day's cast: the one the snapshot, the docs and the committed e-invoices
    /// follow (on [`DOCUMENTED_DAY`]).
    pub(super) fn documented() -> Cast {
        Cast {
            person: ("Anna", "Bērziņa"),
            personal_code: "161175-19997".into(),
            typo: "161175-19987".into(),
            phone: "+371 2000 0001".into(),
            person_consents: vec!["surveys", "marketing_email"],
            company: COMPANIES[0],
            regular: COMPANIES[1],
            earlier_lines: vec![("PAP-A4-80", 20), ("PEN-BIC-BL", 50)],
            earlier_days_ago: 31,
            need: NeedCast { ..NEEDS[0] },
            promotion_pick: 0,
            promotion_quantity: 10,
            cash_sale: vec![("NOTE-A5", 2), ("PEN-BIC-BL", 3)],
            bigger_note: false,
            card_sale: vec![("ACC-BAG-15", 1)],
            card: CARDS[0],
            mixed_sale: vec![("MON-DELL-P2423", 1), ("TEA-GREEN", 1)],
            mixed_card: CARDS[1],
            returned: 2,
            paid_in_full: true,
            vehicle: "VW Caddy, KA-1234".into(),
            client_scores: [(4, 9), (5, 10), (2, 4)],
            anonymous_scores: vec![(5, 10), (4, 8), (3, 6), (5, 9), (4, 7)],
        }
    }

    /// A day drawn from `seed`.
    pub(super) fn seeded(seed: u64) -> Cast {
        let mut random = SplitMix64::new(seed);
        let person = random.pick(&PEOPLE, PEOPLE[0]);
        let (personal_code, typo) = personal_code(&mut random);
        let company_at = random.below(COMPANIES.len() as u64);
        let regular_at = company_at
            .saturating_add(1)
            .saturating_add(random.below(COMPANIES.len() as u64 - 1))
            .checked_rem(COMPANIES.len() as u64)
            .unwrap_or(1);
        let company = COMPANIES
            .get(usize::try_from(company_at).unwrap_or(0))
            .copied()
            .unwrap_or(COMPANIES[0]);
        let regular = COMPANIES
            .get(usize::try_from(regular_at).unwrap_or(1))
            .copied()
            .unwrap_or(COMPANIES[1]);
        let mut person_consents = vec![];
        for purpose in ["surveys", "marketing_email", "phone_calls"] {
            if random.chance(60) {
                person_consents.push(purpose);
            }
        }
        let earlier_lines = lines(&mut random, &SMALL_GOODS, 1, 2, (5, 40));
        let cash_sale = lines(&mut random, &SMALL_GOODS, 1, 3, (1, 4));
        let card_sale = vec![(random.pick(&CARD_GOODS, CARD_GOODS[0]), 1)];
        let mixed_sale = lines(&mut random, &MIXED_GOODS, 1, 2, (1, 1));
        let scores = |random: &mut SplitMix64| -> Scores {
            let nps = u8::try_from(random.between(0, 10)).unwrap_or(10);
            // Satisfaction follows the NPS roughly, as it does in real answers.
            let satisfaction =
                u8::try_from((u32::from(nps) / 3).clamp(1, 4) + random.between(0, 1)).unwrap_or(5);
            (satisfaction, nps)
        };
        let mut client_scores = [
            scores(&mut random),
            scores(&mut random),
            scores(&mut random),
        ];
        let count = random.between(3, 7);
        let anonymous_scores: Vec<Scores> = (0..count).map(|_| scores(&mut random)).collect();
        // Every day has somebody to call back: the regular client, when nobody else.
        let any_detractor = client_scores
            .iter()
            .chain(&anonymous_scores)
            .any(|(_, nps)| *nps <= 6);
        if !any_detractor {
            client_scores[2].1 = u8::try_from(random.between(0, 6)).unwrap_or(0);
        }
        let plate = random.between(1000, 9999);
        let letters = ["KA", "HZ", "NM", "LB"];
        Cast {
            person,
            personal_code,
            typo,
            phone: format!(
                "+371 2{:03} {:04}",
                random.between(0, 999),
                random.between(0, 9999)
            ),
            person_consents,
            company,
            regular,
            earlier_lines,
            earlier_days_ago: random.between(25, 45),
            need: random.pick(&NEEDS, NEEDS[0]),
            promotion_pick: random.below(8),
            promotion_quantity: random.between(10, 60),
            cash_sale,
            bigger_note: random.chance(40),
            card_sale,
            card: random.pick(&CARDS, CARDS[0]),
            mixed_sale,
            mixed_card: random.pick(&CARDS, CARDS[1]),
            returned: random.between(1, 3),
            paid_in_full: random.chance(65),
            vehicle: format!("VW Caddy, {}-{plate}", random.pick(&letters, "KA")),
            client_scores,
            anonymous_scores,
        }
    }
}

/// `count_low..=count_high` distinct products from `from`, each `quantity` units.
fn lines(
    random: &mut SplitMix64,
    from: &[&'static str],
    count_low: u32,
    count_high: u32,
    quantity: (u32, u32),
) -> Lines {
    let count = random.between(count_low, count_high);
    let mut chosen: Lines = Vec::new();
    while chosen.len() < usize::try_from(count).unwrap_or(1) && chosen.len() < from.len() {
        let sku = random.pick(from, "NOTE-A5");
        if !chosen.iter().any(|(taken, _)| *taken == sku) {
            chosen.push((sku, random.between(quantity.0, quantity.1)));
        }
    }
    chosen
}

/// A valid personal code of the old format (with the birth date) and the same code with one
/// digit mistyped.
fn personal_code(random: &mut SplitMix64) -> (String, String) {
    loop {
        let year = i32::try_from(random.between(1950, 2005)).unwrap_or(1975);
        let born = NaiveDate::from_ymd_opt(year, random.between(1, 12), random.between(1, 28));
        let Some(born) = born else { continue };
        let century = if born.year() >= 2000 { 2 } else { 1 };
        let stem = format!(
            "{:02}{:02}{:02}{century}{:03}",
            born.day(),
            born.month(),
            born.year().rem_euclid(100),
            random.between(0, 999)
        );
        // Exactly one check digit makes the code valid: let core say which.
        let Some(valid) = (0..10)
            .map(|digit| {
                format!(
                    "{}-{}{digit}",
                    stem.get(..6).unwrap_or(""),
                    stem.get(6..).unwrap_or("")
                )
            })
            .find(|candidate| candidate.parse::<PersonalCode>().is_ok())
        else {
            continue;
        };
        let typo = (0..10)
            .map(|digit| {
                format!(
                    "{}{digit}",
                    valid.get(..valid.len().saturating_sub(1)).unwrap_or("")
                )
            })
            .find(|candidate| *candidate != valid && candidate.parse::<PersonalCode>().is_err());
        if let Some(typo) = typo {
            return (valid, typo);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use apkalpe_core::{RegistrationNumber, VatNumber};

    #[test]
    fn the_generator_is_splitmix64() {
        // The reference values of splitmix64 seeded with 0 (Vigna's C implementation).
        let mut random = SplitMix64::new(0);
        assert_eq!(random.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(random.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn seeded_casts_are_reproducible_valid_and_varied() {
        let mut companies = std::collections::BTreeSet::new();
        for seed in 0..200 {
            let cast = Cast::seeded(seed);
            let again = Cast::seeded(seed);
            assert_eq!(cast.personal_code, again.personal_code);
            assert_eq!(cast.cash_sale, again.cash_sale);
            assert!(cast.personal_code.parse::<PersonalCode>().is_ok());
            assert!(cast.typo.parse::<PersonalCode>().is_err());
            assert_ne!(cast.company, cast.regular);
            for company in [cast.company, cast.regular] {
                assert!(RegistrationNumber::try_new(company.registration).is_ok());
                assert!(VatNumber::try_new(&format!("LV{}", company.registration)).is_ok());
            }
            assert!(!cast.cash_sale.is_empty() && !cast.mixed_sale.is_empty());
            let scores = cast.client_scores.iter().chain(&cast.anonymous_scores);
            assert!(scores.clone().any(|(_, nps)| *nps <= 6));
            assert!(
                scores
                    .clone()
                    .all(|(s, nps)| (1..=5).contains(s) && *nps <= 10)
            );
            companies.insert(cast.company.registration);
        }
        assert_eq!(companies.len(), COMPANIES.len());
        assert_ne!(Cast::seeded(1).personal_code, Cast::seeded(2).personal_code);
    }

    #[test]
    fn the_documented_cast_is_valid() {
        let cast = Cast::documented();
        assert!(cast.personal_code.parse::<PersonalCode>().is_ok());
        assert!(cast.typo.parse::<PersonalCode>().is_err());
    }
}
