//! Value added tax (*pievienotās vērtības nodoklis*, PVN): categories, rates and the
//! effective-dated Latvian rate table. The class of a product over time is a
//! [`VatClassSchedule`](crate::VatClassSchedule) (module `vat_schedule`).
//!
//! # Legal basis
//!
//! `docs/sources.md` §2: 21 % standard since 2012-07-01 (22 % from 2011-01-01) \[V7\]; 12 % reduced since
//! 2011-01-01 \[V5\]\[V7\]; 5 % for books and press since 2022 and for fresh produce 2018–2023
//! \[V4\]\[V6\]; 0 % for intra-Community supplies and exports \[V5\]. EN 16931 category codes
//! (UNCL5305 subset).

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use crate::rounding::Rounding;
use crate::{Language, LocalizedError, Money, MoneyError};

/// A VAT category of EN 16931 (business term BT-118 / BT-151), the code every e-invoice line
/// and VAT breakdown carries.
///
/// # Examples
///
/// ```
/// use apkalpe_core::VatCategory;
///
/// let category: VatCategory = "AE".parse()?;
/// assert_eq!(category, VatCategory::ReverseCharge);
/// assert_eq!(VatCategory::Standard.code(), "S");
/// # Ok::<(), apkalpe_core::VatError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "&'static str"))]
pub enum VatCategory {
    /// `S`: standard or reduced rate (21 %, 12 %, 5 % in Latvia).
    Standard,
    /// `Z`: zero-rated goods.
    ZeroRated,
    /// `E`: exempt from VAT (financial, insurance, medical, education services).
    Exempt,
    /// `AE`: VAT reverse charge (*nodokļa apgrieztā maksāšana*).
    ReverseCharge,
    /// `K`: VAT exempt intra-Community supply (Directive 2006/112/EC art. 138).
    IntraCommunitySupply,
    /// `G`: free export item, VAT not charged.
    Export,
    /// `O`: services outside the scope of VAT.
    OutsideScope,
    /// `L`: Canary Islands general indirect tax (IGIC).
    CanaryIslands,
    /// `M`: tax for production, services and importation in Ceuta and Melilla (IPSI).
    CeutaMelilla,
}

impl VatCategory {
    /// All nine categories.
    pub const ALL: [VatCategory; 9] = [
        VatCategory::Standard,
        VatCategory::ZeroRated,
        VatCategory::Exempt,
        VatCategory::ReverseCharge,
        VatCategory::IntraCommunitySupply,
        VatCategory::Export,
        VatCategory::OutsideScope,
        VatCategory::CanaryIslands,
        VatCategory::CeutaMelilla,
    ];

    /// Returns the EN 16931 code: `S`, `Z`, `E`, `AE`, `K`, `G`, `O`, `L` or `M`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatCategory;
    ///
    /// assert_eq!(VatCategory::ReverseCharge.code(), "AE");
    /// assert_eq!("AE".parse::<VatCategory>()?, VatCategory::ReverseCharge);
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub const fn code(self) -> &'static str {
        match self {
            VatCategory::Standard => "S",
            VatCategory::ZeroRated => "Z",
            VatCategory::Exempt => "E",
            VatCategory::ReverseCharge => "AE",
            VatCategory::IntraCommunitySupply => "K",
            VatCategory::Export => "G",
            VatCategory::OutsideScope => "O",
            VatCategory::CanaryIslands => "L",
            VatCategory::CeutaMelilla => "M",
        }
    }

    /// Tells whether EN 16931 requires an exemption reason (BT-120/BT-121) for the category:
    /// every category but `S`, `Z`, `L` and `M`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatCategory;
    ///
    /// assert!(VatCategory::Exempt.needs_exemption_reason());
    /// assert!(!VatCategory::Standard.needs_exemption_reason());
    /// ```
    pub const fn needs_exemption_reason(self) -> bool {
        !matches!(
            self,
            VatCategory::Standard
                | VatCategory::ZeroRated
                | VatCategory::CanaryIslands
                | VatCategory::CeutaMelilla
        )
    }
}

impl fmt::Display for VatCategory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for VatCategory {
    type Err = VatError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        VatCategory::ALL
            .into_iter()
            .find(|category| category.code() == s)
            .ok_or_else(|| VatError::UnknownCategory {
                found: s.chars().take(8).collect(),
            })
    }
}

impl TryFrom<String> for VatCategory {
    type Error = VatError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<VatCategory> for &'static str {
    fn from(category: VatCategory) -> Self {
        category.code()
    }
}

/// A VAT rate in percent, from 0 to 100 inclusive.
///
/// Serialised as a string ("21"), parsed from "21", "21%", "12,5 %".
///
/// # Examples
///
/// ```
/// use apkalpe_core::VatRate;
/// use rust_decimal_macros::dec;
///
/// let rate = VatRate::try_new(dec!(21))?;
/// assert_eq!(rate.to_string(), "21%");
/// assert_eq!(rate.as_fraction(), dec!(0.21));
/// assert!(VatRate::try_new(dec!(101)).is_err());
/// # Ok::<(), apkalpe_core::VatError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
pub struct VatRate(Decimal);

impl VatRate {
    /// 0 %.
    pub const ZERO: VatRate = VatRate(Decimal::ZERO);

    /// Creates a rate from a percentage.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatRate;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(VatRate::try_new(dec!(21))?.to_string(), "21%");
    /// assert_eq!(VatRate::try_new(dec!(101)).unwrap_err().code(), "vat.rate_out_of_range");
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`VatError::RateOutOfRange`] below 0 or above 100.
    pub fn try_new(percent: Decimal) -> Result<Self, VatError> {
        if percent < Decimal::ZERO || percent > Decimal::ONE_HUNDRED {
            return Err(VatError::RateOutOfRange { percent });
        }
        Ok(VatRate(percent.normalize()))
    }

    /// Returns the rate in percent (21 for 21 %).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatRate;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(VatRate::try_new(dec!(12))?.percent(), dec!(12));
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub const fn percent(&self) -> Decimal {
        self.0
    }

    /// Returns the rate as people in `language` write it: "21 %" and "12,5 %" in Latvian,
    /// German and Russian (a no-break space before the sign, a decimal comma), "21%" and
    /// "12.5%" in English. `Display` keeps the plain "21%".
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Language, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let rate = VatRate::try_new(dec!(12.5))?;
    /// assert_eq!(rate.to_localized_string(Language::Latvian), "12,5\u{a0}%");
    /// assert_eq!(rate.to_localized_string(Language::English), "12.5%");
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn to_localized_string(&self, language: crate::Language) -> String {
        let number = self.0.normalize().to_string();
        match language {
            crate::Language::English => format!("{number}%"),
            _ => format!("{}\u{a0}%", number.replace('.', ",")),
        }
    }

    /// Returns the rate as a fraction (0.21 for 21 %).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatRate;
    /// use rust_decimal_macros::dec;
    ///
    /// assert_eq!(VatRate::try_new(dec!(21))?.as_fraction(), dec!(0.21));
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn as_fraction(&self) -> Decimal {
        // Dividing a value of at most 100 by 100 cannot fail.
        self.0.checked_div(Decimal::ONE_HUNDRED).unwrap_or_default()
    }
}

impl fmt::Display for VatRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

impl FromStr for VatRate {
    type Err = VatError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let number = s.trim().trim_end_matches('%').trim_end();
        let percent = crate::parse_amount(number).map_err(|_| VatError::RateFormat {
            found: s.chars().take(16).collect(),
        })?;
        VatRate::try_new(percent)
    }
}

impl TryFrom<String> for VatRate {
    type Error = VatError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        value.parse()
    }
}

impl From<VatRate> for String {
    fn from(rate: VatRate) -> Self {
        rate.0.to_string()
    }
}

/// A class of goods and services that share a VAT rate under the law (the rate of a class can
/// change over time; the class stays).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{VatRateClass, VatRateTable};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
/// assert_eq!(VatRateTable::latvia().rate(VatRateClass::Reduced, day)?.percent(), dec!(12));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum VatRateClass {
    /// The standard rate (*pamatlikme*): 21 % since 2012-07-01.
    Standard,
    /// The reduced rate (*samazinātā likme*) of 12 %: medicines, infant food, domestic
    /// passenger transport, accommodation, heat supply, fresh fruit and vegetables.
    Reduced,
    /// The second reduced rate of 5 %: books and press.
    SecondReduced,
    /// The zero rate: intra-Community supplies, exports.
    Zero,
}

/// One row of a [`VatRateTable`]: the rate of a class from a date, until the next row of the
/// same class.
///
/// A plain record the caller fills in (a table of dated facts, such as a change of law); each
/// field is checked by its own type, and [`VatRateTable::from_entries`] or
/// [`VatRateTable::with_entry`] orders the rows.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{VatCategory, VatRateClass, VatRateTable};
/// use chrono::NaiveDate;
///
/// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
/// let table = VatRateTable::latvia();
/// let entry = table.entry(VatRateClass::Standard, day)?;
/// assert_eq!(entry.category, VatCategory::Standard);
/// assert_eq!(entry.rate.to_string(), "21%");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
pub struct VatRateEntry {
    /// The class.
    pub class: VatRateClass,
    /// The first day the rate applies.
    pub effective_from: NaiveDate,
    /// The rate.
    pub rate: VatRate,
    /// The EN 16931 category invoices use for the class.
    pub category: VatCategory,
}

/// The error returned by VAT lookups, parsing and computations.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{VatError, VatRateClass, VatRateTable};
/// use chrono::NaiveDate;
///
/// let long_ago = NaiveDate::from_ymd_opt(1990, 1, 1).ok_or("date")?;
/// let error = VatRateTable::latvia().rate(VatRateClass::Standard, long_ago).unwrap_err();
/// assert_eq!(error, VatError::RateNotInTable { class: VatRateClass::Standard, date: long_ago });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum VatError {
    /// Not one of the EN 16931 category codes.
    #[error("unknown VAT category {found:?}: expected S, Z, E, AE, K, G, O, L or M")]
    UnknownCategory {
        /// The text given, cut to 8 characters.
        found: String,
    },
    /// A rate below 0 % or above 100 %.
    #[error("VAT rate {percent}% is outside 0 to 100")]
    RateOutOfRange {
        /// The percentage given.
        percent: Decimal,
    },
    /// Text that is not a percentage.
    #[error("VAT rate {found:?} is not a number of percent")]
    RateFormat {
        /// The text given, cut to 16 characters.
        found: String,
    },
    /// The table has no rate for the class on the date: a date before its first row, not a
    /// guess.
    #[error("no {class:?} VAT rate in the table for {date}")]
    RateNotInTable {
        /// The class asked for.
        class: VatRateClass,
        /// The date asked for.
        date: NaiveDate,
    },
    /// Money arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
    /// A [`VatClassSchedule`](crate::VatClassSchedule) has no class for the date: a date
    /// before its first period, not a guess.
    #[error("the VAT class schedule has no class for {date}")]
    ClassNotInSchedule {
        /// The date asked for.
        date: NaiveDate,
    },
    /// A VAT class schedule without periods.
    #[error("a VAT class schedule needs at least one period")]
    ScheduleEmpty,
    /// A period of a VAT class schedule does not start after the one before it (or has no
    /// start and is not the first).
    #[error("period {position} of the VAT class schedule does not start after the one before")]
    ScheduleOrder {
        /// The period's position, from 0.
        position: usize,
    },
    /// Text that is not a VAT class schedule (`standard; reduced from 2026-07-01`).
    #[error("VAT class schedule {found:?} is not `class` or `class from YYYY-MM-DD` joined by `;`")]
    ScheduleFormat {
        /// The text given, cut to 40 characters.
        found: String,
    },
}

impl VatError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatCategory;
    ///
    /// assert_eq!("Q".parse::<VatCategory>().unwrap_err().code(), "vat.unknown_category");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            VatError::UnknownCategory { .. } => "vat.unknown_category",
            VatError::RateOutOfRange { .. } => "vat.rate_out_of_range",
            VatError::RateFormat { .. } => "vat.rate_format",
            VatError::RateNotInTable { .. } => "vat.rate_not_in_table",
            VatError::Money(error) => error.code(),
            VatError::ClassNotInSchedule { .. } => "vat.class_not_in_schedule",
            VatError::ScheduleEmpty => "vat.schedule_empty",
            VatError::ScheduleOrder { .. } => "vat.schedule_order",
            VatError::ScheduleFormat { .. } => "vat.schedule_format",
        }
    }
}

impl LocalizedError for VatError {
    fn code(&self) -> &'static str {
        VatError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            VatError::UnknownCategory { found } => write!(
                f,
                "nezināma PVN kategorija {found:?}: gaidīta S, Z, E, AE, K, G, O, L vai M"
            ),
            VatError::RateOutOfRange { percent } => {
                write!(f, "PVN likme {percent}% nav robežās no 0 līdz 100")
            }
            VatError::RateFormat { found } => {
                write!(f, "PVN likme {found:?} nav procentu skaitlis")
            }
            VatError::RateNotInTable { class, date } => {
                let rate = match class {
                    VatRateClass::Standard => "pamatlikmes",
                    VatRateClass::Reduced => "samazinātās likmes",
                    VatRateClass::SecondReduced => "otrās samazinātās likmes",
                    VatRateClass::Zero => "nulles likmes",
                };
                write!(f, "tabulā nav PVN {rate} datumam {date}")
            }
            VatError::Money(error) => error.fmt_in(language, f),
            VatError::ClassNotInSchedule { date } => {
                write!(f, "PVN klašu grafikā nav klases datumam {date}")
            }
            VatError::ScheduleEmpty => {
                f.write_str("PVN klašu grafikā jābūt vismaz vienam periodam")
            }
            VatError::ScheduleOrder { position } => write!(
                f,
                "PVN klašu grafika periods {position} nesākas pēc iepriekšējā"
            ),
            VatError::ScheduleFormat { found } => write!(
                f,
                "PVN klašu grafiks {found:?} nav pierakstīts kā `klase` vai `klase from GGGG-MM-DD`, atdalot ar `;`"
            ),
        }
    }
}

/// Effective-dated VAT rates per rate class.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{VatRateClass, VatRateTable};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let table = VatRateTable::latvia();
/// let june_2012 = NaiveDate::from_ymd_opt(2012, 6, 30).unwrap();
/// let july_2012 = NaiveDate::from_ymd_opt(2012, 7, 1).unwrap();
/// assert_eq!(table.rate(VatRateClass::Standard, june_2012)?.percent(), dec!(22));
/// assert_eq!(table.rate(VatRateClass::Standard, july_2012)?.percent(), dec!(21));
/// let before = NaiveDate::from_ymd_opt(2010, 12, 31).unwrap();
/// assert!(table.rate(VatRateClass::Standard, before).is_err());
/// # Ok::<(), apkalpe_core::VatError>(())
/// ```
///
/// # Saved form
///
/// `{"entries": [{"class": "standard", "effective_from": "2011-01-01", "rate": "22",
/// "category": "S"}, …]}`. Deserialising goes through [`VatRateTable::from_entries`], so the
/// entries are sorted by class and date as the lookups need them, whatever order they were
/// saved in.
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::VatRateTable;
///
/// let table = VatRateTable::latvia();
/// let json = serde_json::to_string(&table)?;
/// assert_eq!(serde_json::from_str::<VatRateTable>(&json)?, table);
/// # }
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(from = "VatRateTableRecord"))]
pub struct VatRateTable {
    // Sorted by class, then date.
    entries: Vec<VatRateEntry>,
}

/// The saved form of a [`VatRateTable`], as read back.
#[cfg(feature = "serde")]
#[derive(Deserialize)]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct VatRateTableRecord {
    entries: Vec<VatRateEntry>,
}

#[cfg(feature = "serde")]
impl From<VatRateTableRecord> for VatRateTable {
    fn from(record: VatRateTableRecord) -> Self {
        VatRateTable::from_entries(record.entries)
    }
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN)
}

fn percent(value: i64) -> VatRate {
    VatRate(Decimal::from(value))
}

impl VatRateTable {
    /// Returns the Latvian table from the facts, starting on 2011-01-01:
    ///
    /// | class           | from       | rate |
    /// |-----------------|------------|------|
    /// | standard        | 2011-01-01 | 22 % |
    /// | standard        | 2012-07-01 | 21 % |
    /// | reduced         | 2011-01-01 | 12 % |
    /// | second reduced  | 2018-01-01 | 5 %  |
    /// | zero            | 2011-01-01 | 0 %  |
    ///
    /// Which goods belong to which class on a date (fresh produce moved from 5 % to 12 % in
    /// 2024; bread, milk, poultry and eggs are at 12 % from 2026-07-01 to 2027-06-30; books
    /// in a language outside the law's list left 5 % in 2026) is a
    /// [`VatClassSchedule`](crate::VatClassSchedule), which each catalogue product carries:
    /// the class of a product is dated there, the rate of a class here.
    /// [`VatRateTable::entry_for`] puts the two together.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatRateClass, VatRateTable};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let table = VatRateTable::latvia();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).ok_or("date");
    /// assert_eq!(table.rate(VatRateClass::Standard, day(2026, 11, 27)?)?.percent(), dec!(21));
    /// assert_eq!(table.rate(VatRateClass::SecondReduced, day(2026, 11, 27)?)?.percent(), dec!(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn latvia() -> Self {
        VatRateTable::from_entries(vec![
            VatRateEntry {
                class: VatRateClass::Standard,
                effective_from: ymd(2011, 1, 1),
                rate: percent(22),
                category: VatCategory::Standard,
            },
            VatRateEntry {
                class: VatRateClass::Standard,
                effective_from: ymd(2012, 7, 1),
                rate: percent(21),
                category: VatCategory::Standard,
            },
            VatRateEntry {
                class: VatRateClass::Reduced,
                effective_from: ymd(2011, 1, 1),
                rate: percent(12),
                category: VatCategory::Standard,
            },
            VatRateEntry {
                class: VatRateClass::SecondReduced,
                effective_from: ymd(2018, 1, 1),
                rate: percent(5),
                category: VatCategory::Standard,
            },
            VatRateEntry {
                class: VatRateClass::Zero,
                effective_from: ymd(2011, 1, 1),
                rate: VatRate::ZERO,
                category: VatCategory::ZeroRated,
            },
        ])
    }

    /// Creates a table from any entries (another country, a future change of law).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatCategory, VatRate, VatRateClass, VatRateEntry, VatRateTable};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let from = NaiveDate::from_ymd_opt(2025, 7, 1).ok_or("date")?;
    /// let estonia = VatRateTable::from_entries(vec![VatRateEntry {
    ///     class: VatRateClass::Standard,
    ///     effective_from: from,
    ///     rate: VatRate::try_new(dec!(24))?,
    ///     category: VatCategory::Standard,
    /// }]);
    /// assert_eq!(estonia.rate(VatRateClass::Standard, from)?.percent(), dec!(24));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_entries(mut entries: Vec<VatRateEntry>) -> Self {
        entries.sort_by(|a, b| {
            a.class
                .cmp(&b.class)
                .then(a.effective_from.cmp(&b.effective_from))
        });
        VatRateTable { entries }
    }

    /// Returns the table with an entry added; an entry for the same class and date replaces
    /// the old one.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatCategory, VatRate, VatRateClass, VatRateEntry, VatRateTable};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let from = NaiveDate::from_ymd_opt(2030, 1, 1).ok_or("date")?;
    /// let table = VatRateTable::latvia().with_entry(VatRateEntry {
    ///     class: VatRateClass::Standard,
    ///     effective_from: from,
    ///     rate: VatRate::try_new(dec!(22))?,
    ///     category: VatCategory::Standard,
    /// });
    /// assert_eq!(table.rate(VatRateClass::Standard, from)?.percent(), dec!(22));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_entry(mut self, entry: VatRateEntry) -> Self {
        self.entries
            .retain(|e| !(e.class == entry.class && e.effective_from == entry.effective_from));
        self.entries.push(entry);
        VatRateTable::from_entries(self.entries)
    }

    /// Returns every entry, sorted by class and date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::VatRateTable;
    ///
    /// let table = VatRateTable::latvia();
    /// assert!(table.entries().windows(2).all(|pair| (pair[0].class, pair[0].effective_from) <= (pair[1].class, pair[1].effective_from)));
    /// ```
    pub fn entries(&self) -> &[VatRateEntry] {
        &self.entries
    }

    /// Returns the entry in force for `class` on `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatRateClass, VatRateTable};
    /// use chrono::NaiveDate;
    ///
    /// let table = VatRateTable::latvia();
    /// let entry = table.entry(VatRateClass::Standard, NaiveDate::from_ymd_opt(2026, 1, 1).ok_or("date")?)?;
    /// assert_eq!(entry.effective_from, NaiveDate::from_ymd_opt(2012, 7, 1).ok_or("date")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`VatError::RateNotInTable`] for a date before the class's first entry.
    pub fn entry(&self, class: VatRateClass, date: NaiveDate) -> Result<&VatRateEntry, VatError> {
        self.entries
            .iter()
            .rfind(|entry| entry.class == class && entry.effective_from <= date)
            .ok_or(VatError::RateNotInTable { class, date })
    }

    /// Returns the entry in force on `date` for the class a product's `schedule` gives on
    /// that date: the class of the supply date, then that class's rate on the same date.
    ///
    /// # Errors
    ///
    /// [`VatError::ClassNotInSchedule`] for a date the schedule has no class for;
    /// [`VatError::RateNotInTable`] as [`VatRateTable::entry`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{PublicationLanguage, VatClassSchedule, VatRateTable};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let book = VatClassSchedule::latvian_book(PublicationLanguage::Other);
    /// let table = VatRateTable::latvia();
    /// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert_eq!(table.entry_for(&book, day(2025, 12, 31))?.rate.percent(), dec!(5));
    /// assert_eq!(table.entry_for(&book, day(2026, 1, 2))?.rate.percent(), dec!(21));
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn entry_for(
        &self,
        schedule: &crate::VatClassSchedule,
        date: NaiveDate,
    ) -> Result<&VatRateEntry, VatError> {
        self.entry(schedule.class_on(date)?, date)
    }

    /// Returns the rate in force for `class` on `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{VatRateClass, VatRateTable};
    /// use chrono::NaiveDate;
    /// use rust_decimal_macros::dec;
    ///
    /// let day = NaiveDate::from_ymd_opt(2026, 11, 27).ok_or("date")?;
    /// assert_eq!(VatRateTable::latvia().rate(VatRateClass::Standard, day)?.percent(), dec!(21));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`VatRateTable::entry`].
    pub fn rate(&self, class: VatRateClass, date: NaiveDate) -> Result<VatRate, VatError> {
        self.entry(class, date).map(|entry| entry.rate)
    }
}

/// A net amount, its VAT and the gross amount, with `net + vat == gross` exactly.
///
/// The VAT is rounded once, with the rounding the caller names: per line, per VAT rate or per
/// document is the caller's choice of *where* to call it (EN 16931 rounds the VAT of each
/// rate's taxable amount, BR-CO-17).
///
/// # Examples
///
/// ```
/// use apkalpe_core::rounding::Rounding;
/// use apkalpe_core::{Currency, Money, VatAmounts, VatRate};
/// use rust_decimal_macros::dec;
///
/// let rate = VatRate::try_new(dec!(21))?;
/// let cents = Rounding::CENTS_HALF_AWAY_FROM_ZERO;
/// let from_net = VatAmounts::from_net(Money::new(dec!(100.00), Currency::EUR), rate, cents)?;
/// assert_eq!(from_net.vat().to_string(), "21.00 EUR");
/// assert_eq!(from_net.gross().to_string(), "121.00 EUR");
///
/// let from_gross = VatAmounts::from_gross(Money::new(dec!(10.00), Currency::EUR), rate, cents)?;
/// assert_eq!(from_gross.vat().to_string(), "1.74 EUR");
/// assert_eq!(from_gross.net().to_string(), "8.26 EUR");
/// # Ok::<(), apkalpe_core::VatError>(())
/// ```
///
/// Computed by [`VatAmounts::from_net`] or [`VatAmounts::from_gross`]: its fields are read
/// through getters. It deserialises from the form it serialises to (`{"net", "vat", "gross",
/// "rate"}`), each field through its own type's checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct VatAmounts {
    /// The amount without VAT (the taxable amount).
    pub(crate) net: Money,
    /// The VAT.
    pub(crate) vat: Money,
    /// The amount with VAT.
    pub(crate) gross: Money,
    /// The rate applied.
    pub(crate) rate: VatRate,
}

impl VatAmounts {
    /// Returns the amount without VAT (the taxable amount).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{Currency, Money, VatAmounts, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let bill = VatAmounts::from_net(eur(dec!(100)), VatRate::try_new(dec!(21))?, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
    /// assert_eq!(bill.net(), eur(dec!(100)));
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn net(&self) -> Money {
        self.net
    }

    /// Returns the VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{Currency, Money, VatAmounts, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let bill = VatAmounts::from_net(eur(dec!(100)), VatRate::try_new(dec!(21))?, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
    /// assert_eq!(bill.vat(), eur(dec!(21.00)));
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn vat(&self) -> Money {
        self.vat
    }

    /// Returns the amount with VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{Currency, Money, VatAmounts, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let bill = VatAmounts::from_net(eur(dec!(100)), VatRate::try_new(dec!(21))?, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
    /// assert_eq!(bill.gross(), eur(dec!(121.00)));
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn gross(&self) -> Money {
        self.gross
    }

    /// Returns the rate applied.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{Currency, Money, VatAmounts, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let eur = |amount| Money::new(amount, Currency::EUR);
    /// let bill = VatAmounts::from_net(eur(dec!(100)), VatRate::try_new(dec!(21))?, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
    /// assert_eq!(bill.rate().percent(), dec!(21));
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    pub fn rate(&self) -> VatRate {
        self.rate
    }

    /// Computes VAT on a net amount: `vat = round(net × rate / 100)`, `gross = net + vat`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{Currency, Money, VatAmounts, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let net = Money::new(dec!(100), Currency::EUR);
    /// let bill = VatAmounts::from_net(net, VatRate::try_new(dec!(21))?, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
    /// assert_eq!((bill.vat().to_string(), bill.gross().to_string()), ("21.00 EUR".to_owned(), "121.00 EUR".to_owned()));
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`VatError::Money`] on overflow or a rounding failure.
    pub fn from_net(net: Money, rate: VatRate, rounding: Rounding) -> Result<Self, VatError> {
        let vat = net.checked_mul(rate.as_fraction())?.round(rounding)?;
        let gross = net.checked_add(vat)?;
        Ok(VatAmounts {
            net,
            vat,
            gross,
            rate,
        })
    }

    /// Takes VAT out of a gross amount (a shelf price with VAT):
    /// `vat = round(gross × rate / (100 + rate))`, `net = gross − vat`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::rounding::Rounding;
    /// use apkalpe_core::{Currency, Money, VatAmounts, VatRate};
    /// use rust_decimal_macros::dec;
    ///
    /// let gross = Money::new(dec!(12.10), Currency::EUR);
    /// let bill = VatAmounts::from_gross(gross, VatRate::try_new(dec!(21))?, Rounding::CENTS_HALF_AWAY_FROM_ZERO)?;
    /// assert_eq!(bill.net().to_string(), "10.00 EUR");
    /// assert_eq!(bill.vat().to_string(), "2.10 EUR");
    /// # Ok::<(), apkalpe_core::VatError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`VatError::Money`] on overflow or a rounding failure.
    pub fn from_gross(gross: Money, rate: VatRate, rounding: Rounding) -> Result<Self, VatError> {
        let divisor =
            Decimal::ONE_HUNDRED
                .checked_add(rate.percent())
                .ok_or(MoneyError::Overflow {
                    operation: "divide",
                })?;
        let vat = gross
            .checked_mul(rate.percent())?
            .checked_div(divisor)?
            .round(rounding)?;
        let net = gross.checked_sub(vat)?;
        Ok(VatAmounts {
            net,
            vat,
            gross,
            rate,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use crate::rounding::RoundingStrategy;
    use rust_decimal_macros::dec;

    fn eur(amount: Decimal) -> Money {
        Money::new(amount, Currency::EUR)
    }

    #[test]
    fn latvian_table_rows_and_edges() {
        let table = VatRateTable::latvia();
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            table.rate(VatRateClass::Standard, on(2011, 1, 1)).unwrap(),
            percent(22)
        );
        assert_eq!(
            table
                .rate(VatRateClass::Standard, on(2026, 11, 27))
                .unwrap(),
            percent(21)
        );
        assert_eq!(
            table.rate(VatRateClass::Reduced, on(2026, 11, 27)).unwrap(),
            percent(12)
        );
        assert_eq!(
            table
                .rate(VatRateClass::SecondReduced, on(2026, 11, 27))
                .unwrap(),
            percent(5)
        );
        assert_eq!(
            table
                .entry(VatRateClass::Zero, on(2026, 1, 1))
                .unwrap()
                .category,
            VatCategory::ZeroRated
        );
        assert_eq!(
            table.rate(VatRateClass::SecondReduced, on(2017, 12, 31)),
            Err(VatError::RateNotInTable {
                class: VatRateClass::SecondReduced,
                date: on(2017, 12, 31)
            })
        );
    }

    #[test]
    fn a_change_of_law_is_one_entry() {
        let on = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let table = VatRateTable::latvia().with_entry(VatRateEntry {
            class: VatRateClass::Reduced,
            effective_from: on(2030, 1, 1),
            rate: percent(10),
            category: VatCategory::Standard,
        });
        assert_eq!(
            table.rate(VatRateClass::Reduced, on(2029, 12, 31)).unwrap(),
            percent(12)
        );
        assert_eq!(
            table.rate(VatRateClass::Reduced, on(2030, 1, 1)).unwrap(),
            percent(10)
        );
    }

    #[test]
    fn categories_and_rates_parse() {
        for category in VatCategory::ALL {
            assert_eq!(category.code().parse::<VatCategory>().unwrap(), category);
        }
        assert_eq!(
            "s".parse::<VatCategory>().unwrap_err().code(),
            "vat.unknown_category"
        );
        assert_eq!("12,5 %".parse::<VatRate>().unwrap().percent(), dec!(12.5));
        assert_eq!(
            "abc".parse::<VatRate>().unwrap_err().code(),
            "vat.rate_format"
        );
        assert_eq!(
            "-1".parse::<VatRate>().unwrap_err().code(),
            "vat.rate_out_of_range"
        );
        assert!(VatCategory::ReverseCharge.needs_exemption_reason());
        assert!(!VatCategory::Standard.needs_exemption_reason());
    }

    #[test]
    fn net_vat_gross_always_add_up() {
        let rate = percent(21);
        let half_even = Rounding::to_cents(RoundingStrategy::HalfEven);
        let a = VatAmounts::from_net(eur(dec!(0.50)), rate, Rounding::CENTS_HALF_AWAY_FROM_ZERO)
            .unwrap();
        assert_eq!(a.vat, eur(dec!(0.11))); // 0.105 half away from zero
        let b = VatAmounts::from_net(eur(dec!(0.50)), rate, half_even).unwrap();
        assert_eq!(b.vat, eur(dec!(0.10))); // 0.105 half even
        let c = VatAmounts::from_gross(eur(dec!(1.21)), rate, half_even).unwrap();
        assert_eq!((c.net, c.vat), (eur(dec!(1.00)), eur(dec!(0.21))));
        assert_eq!(c.net.checked_add(c.vat).unwrap(), c.gross);
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_forms() {
        assert_eq!(
            serde_json::to_string(&VatCategory::ReverseCharge).unwrap(),
            r#""AE""#
        );
        assert_eq!(serde_json::to_string(&percent(21)).unwrap(), r#""21""#);
        assert_eq!(
            serde_json::from_str::<VatRate>(r#""5""#).unwrap(),
            percent(5)
        );
        assert!(serde_json::from_str::<VatRate>(r#""500""#).is_err());
    }
}
