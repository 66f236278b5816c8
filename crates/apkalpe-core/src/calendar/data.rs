//! The calendar's built-in yearly data: one-off days off, festival closing days and Cabinet
//! transfer orders, as listed in `docs/sources.md` §13.1 c)–f).
//!
//! Permanent holidays and the weekend rule are code (`holiday.rs`); these days are decreed one
//! at a time, so they are data that a caller extends through the builder methods of
//! [`Calendar`](crate::Calendar).

/// A date of the tables: (year, month, day).
pub(crate) type Ymd = (i32, u32, u32);

/// One-off days off decreed by amendments of the holiday law: (year, month, day, Latvian name,
/// English name). The names follow the wording of the amendments as labelled in the
/// `vacanza/holidays` Latvia module that `docs/sources.md` §13 mirrored.
///
/// # Legal basis
///
/// `docs/sources.md` §13.1 d) \[N7\]\[N8\]: no other one-off day off found for 2000–2026.
pub(crate) const ONE_OFF_DAYS_OFF: [(i32, u32, u32, &str, &str); 2] = [
    // Law amendment of 21 Jun 2018.
    (
        2018,
        9,
        24,
        "Viņa Svētības pāvesta Franciska pastorālās vizītes Latvijā diena",
        "Day of the pastoral visit of His Holiness Pope Francis to Latvia",
    ),
    // Law amendment adopted late on Sun 28 May 2023.
    (
        2023,
        5,
        29,
        "Diena, kad Latvijas hokeja komanda ieguva bronzas medaļu 2023. gada Pasaules hokeja čempionātā",
        "Day the Latvian hockey team won bronze at the 2023 Ice Hockey World Championship",
    ),
];

/// Closing days of the General Latvian Song and Dance Festival (year, month, day). Both were
/// Sundays, so the weekend rule made the Mondays after them (9 Jul 2018, 10 Jul 2023) days off.
///
/// The next festival is planned for 30 Jun – 9 Jul 2028 only in a draft order (`docs/sources.md` §13.1 c,
/// \[N10\], confidence L), so Sun 9 Jul 2028 is deliberately NOT in this table: a calendar that
/// declared Mon 10 Jul 2028 a day off before the Cabinet fixes the date would silently move
/// deadlines. Add it when confirmed with
/// [`Calendar::with_festival_closing_day`](crate::Calendar::with_festival_closing_day).
///
/// # Legal basis
///
/// `docs/sources.md` §13.1 c) and f) \[N9\]\[N3\].
pub(crate) const FESTIVAL_CLOSING_DAYS: [Ymd; 2] = [(2018, 7, 8), (2023, 7, 9)];

/// Cabinet transfer orders (*darba dienu pārcelšana*, Darba likums art. 133(4)) for 2018–2026:
/// (day off, Saturday worked instead), each as (year, month, day). They bind only state-budget
/// institutions and are applied only under `TransferPolicy::Apply`.
///
/// No orders were issued for 2019 and 2022; none was found for 2027 (`docs/sources.md` §13.1 e). The 2020
/// row has confidence L in the facts; the others C.
///
/// # Legal basis
///
/// `docs/sources.md` §13.1 e) and f) \[N11\]\[N12\]\[N13\]\[N14\]\[N32\]\[N3\].
pub(crate) const TRANSFERS: [(Ymd, Ymd); 12] = [
    // MK rīkojums Nr. 211 "Par darbadienas pārcelšanu 2018. gadā".
    ((2018, 4, 30), (2018, 4, 21)),
    // MK rīkojums for 2020 (confidence L).
    ((2020, 6, 22), (2020, 6, 13)),
    // MK rīkojums for 2021.
    ((2021, 5, 3), (2021, 5, 8)),
    ((2021, 6, 25), (2021, 6, 19)),
    ((2021, 11, 19), (2021, 11, 13)),
    // MK rīkojums "Par darba dienas pārcelšanu 2023. gadā".
    ((2023, 5, 5), (2023, 5, 20)),
    // MK rīkojums "Par darba dienu pārcelšanu 2024. gadā".
    ((2024, 12, 23), (2024, 12, 14)),
    ((2024, 12, 30), (2024, 12, 28)),
    // MK rīkojums "Par darba dienu pārcelšanu 2025. gadā".
    ((2025, 5, 2), (2025, 5, 10)),
    ((2025, 11, 17), (2025, 11, 8)),
    // MK rīkojums "Par darba dienu pārcelšanu 2026. gadā" (adopted 10 Jun 2025).
    ((2026, 1, 2), (2026, 1, 17)),
    ((2026, 6, 22), (2026, 6, 27)),
];
