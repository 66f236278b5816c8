//! Amounts in words (*summa vārdiem*) in Latvian, English, German and Russian.
//!
//! Invoices, cash orders and contracts repeat the total in words so that the figures cannot be
//! changed unnoticed. [`amount_in_words`] writes a [`Money`] amount in one of the four
//! [`Language`]s, choosing the grammatical number and gender of every noun.
//!
//! The grammar of each language is documented on [`amount_in_words`], since this module is
//! private and only its re-exports appear in the crate's documentation.
//!
//! Serves: T4.6 (invoice totals in words), S12 (communication in four languages).

mod de;
mod en;
mod lv;
mod ru;

#[cfg(test)]
mod tests;

use std::fmt;
use std::fmt::Write as _;

use rust_decimal::Decimal;

use crate::{Currency, Language, LocalizedError, Money};

/// The largest whole part that can be written in words: 999 999 999 999.
const MAX_WHOLE: u64 = 999_999_999_999;

/// Writes an amount of money in words (*summa vārdiem*).
///
/// The integer part and, for currencies with minor units, the minor part are both written,
/// each followed by its noun in the right grammatical number and gender. The result starts
/// with a lower-case letter unless [`WordsOptions::capitalization`] says otherwise. The
/// grammar of each language is summarised under *Grammar* below.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{amount_in_words, Currency, Language, Money, WordsOptions};
/// use rust_decimal_macros::dec;
///
/// let total = Money::new(dec!(123.45), Currency::EUR);
/// let options = WordsOptions::default();
/// assert_eq!(
///     amount_in_words(&total, Language::Latvian, &options)?,
///     "viens simts divdesmit trīs euro un četrdesmit pieci centi",
/// );
/// assert_eq!(
///     amount_in_words(&total, Language::English, &options)?,
///     "one hundred twenty-three euro and forty-five cents",
/// );
/// assert_eq!(
///     amount_in_words(&total, Language::German, &options)?,
///     "einhundertdreiundzwanzig Euro und fünfundvierzig Cent",
/// );
/// assert_eq!(
///     amount_in_words(&total, Language::Russian, &options)?,
///     "сто двадцать три евро сорок пять центов",
/// );
/// # Ok::<(), apkalpe_core::WordsError>(())
/// ```
///
/// # Example: the invoice form with cents in figures
///
/// ```
/// use apkalpe_core::{
///     amount_in_words, Capitalization, CentsStyle, Currency, Language, LatvianEuroWord, Money,
///     WordsOptions,
/// };
/// use rust_decimal_macros::dec;
///
/// let options = WordsOptions::default()
///     .with_cents(CentsStyle::Figures)
///     .with_capitalization(Capitalization::FirstLetter);
/// let total = Money::new(dec!(150.00), Currency::EUR);
/// assert_eq!(
///     amount_in_words(&total, Language::Latvian, &options)?,
///     "Viens simts piecdesmit euro un 00 centu",
/// );
///
/// let everyday = options.with_latvian_euro_word(LatvianEuroWord::Eiro);
/// let change = Money::new(dec!(21.01), Currency::EUR);
/// assert_eq!(
///     amount_in_words(&change, Language::Latvian, &everyday)?,
///     "Divdesmit viens eiro un 01 cents",
/// );
/// # Ok::<(), apkalpe_core::WordsError>(())
/// ```
///
/// # Example: errors
///
/// ```
/// use apkalpe_core::{amount_in_words, Currency, Language, Money, WordsError, WordsOptions};
/// use rust_decimal_macros::dec;
///
/// let options = WordsOptions::default();
/// let unrounded = Money::new(dec!(1.005), Currency::EUR);
/// let error = amount_in_words(&unrounded, Language::Latvian, &options).unwrap_err();
/// assert_eq!(error.code(), "words.too_precise");
///
/// let huge = Money::new(dec!(1000000000000), Currency::EUR);
/// let error = amount_in_words(&huge, Language::English, &options).unwrap_err();
/// assert_eq!(error, WordsError::OutOfRange { amount: dec!(1000000000000) });
/// # Ok::<(), apkalpe_core::WordsError>(())
/// ```
///
/// # Grammar, with worked examples
///
/// Every amount of a currency with minor units names both parts, even when one of them is
/// zero, so that nothing can be added in front of or after the text.
///
/// | amount (EUR) | Latvian | English | German | Russian |
/// |---|---|---|---|---|
/// | 0.01 | nulle euro un viens cents | zero euro and one cent | null Euro und ein Cent | ноль евро один цент |
/// | 1.00 | viens euro un nulle centu | one euro and zero cents | ein Euro und null Cent | один евро ноль центов |
/// | 21.22 | divdesmit viens euro un divdesmit divi centi | twenty-one euro and twenty-two cents | einundzwanzig Euro und zweiundzwanzig Cent | двадцать один евро двадцать два цента |
/// | 101.00 | viens simts viens euro un nulle centu | one hundred one euro and zero cents | einhunderteins Euro und null Cent | сто один евро ноль центов |
/// | 123.45 | viens simts divdesmit trīs euro un četrdesmit pieci centi | one hundred twenty-three euro and forty-five cents | einhundertdreiundzwanzig Euro und fünfundvierzig Cent | сто двадцать три евро сорок пять центов |
/// | 21 000.00 | divdesmit viens tūkstotis euro un nulle centu | twenty-one thousand euro and zero cents | einundzwanzigtausend Euro und null Cent | двадцать одна тысяча евро ноль центов |
/// | 2 000 000.00 | divi miljoni euro un nulle centu | two million euro and zero cents | zwei Millionen Euro und null Cent | два миллиона евро ноль центов |
/// | −5.25 | mīnus pieci euro un divdesmit pieci centi | minus five euro and twenty-five cents | minus fünf Euro und fünfundzwanzig Cent | минус пять евро двадцать пять центов |
///
/// ## Latvian
///
/// - Hundreds always carry their count: 100 "viens simts", 101 "viens simts viens",
///   200 "divi simti" (never the bare "simts" or the non-standard "simtu viens").
/// - Nouns follow the number: singular when `n % 10 == 1 && n % 100 != 11` ("viens cents",
///   "divdesmit viens tūkstotis"), the genitive plural for zero ("nulle centu"), otherwise the
///   nominative plural ("divi centi", "vienpadsmit tūkstoši", "viens simts tūkstoši").
/// - The currency word is **euro** (the legal and invoice form) or, with
///   [`LatvianEuroWord::Eiro`], the everyday **eiro**; both are indeclinable (`docs/sources.md` §11).
/// - Feminine nouns take feminine numerals: "viena mārciņa", "divas mārciņas", "divdesmit
///   viena jena".
/// - With [`CentsStyle::Figures`] the cents are two digits and the noun agrees with their value:
///   "un 00 centu", "un 01 cents", "un 45 centi". Some invoices write "un 00 centi"; we follow the
///   agreement rule.
///
/// ## English
///
/// - No "and" inside a number ("one hundred twenty-three", the cheque style); "and" only joins
///   the main unit and the minor unit. Tens and units are hyphenated ("twenty-one").
/// - Short scale: "one million", "one billion" (10⁹); scale words take no plural ("two million").
/// - "euro" is invariable, as in EU legislation (Interinstitutional Style Guide); "cent" takes
///   the plural "cents" for every number but one.
///
/// ## German
///
/// - Numbers below a million are one word ("einhundertdreiundzwanzig", "eintausendeins");
///   hundreds and thousands carry "ein" ("einhundert", "eintausend").
/// - Exactly one is "ein" before the noun ("ein Euro", "ein Cent"); a larger number ending in
///   one ends in the uninflected "eins", as on cheques ("einhunderteins Euro").
/// - "eine Million", "zwei Millionen", "eine Milliarde", "zwei Milliarden", written apart
///   from the rest ("zwei Millionen dreihunderttausend"); a larger count ending in one uses the
///   uninflected "ein" ("einundzwanzig Millionen", "einhundertein Millionen").
/// - "Euro" and "Cent" are invariable in amounts; the two parts are joined by "und".
///
/// ## Russian
///
/// - Nouns: singular after 1, 21, 31… (not 11); genitive singular after 2–4, 22–24… (not
///   12–14); genitive plural otherwise and after zero: "один цент", "два цента", "пять центов",
///   "двадцать один цент", "ноль центов".
/// - Gender: "тысяча" is feminine ("одна тысяча", "две тысячи", "двадцать одна тысяча");
///   "миллион", "миллиард", "евро" (indeclinable), "цент" are masculine.
/// - The two parts are written side by side without "и", as Russian payment documents write
///   roubles and kopecks: "сто двадцать три евро сорок пять центов".
///
/// ## Currencies
///
/// EUR, USD, GBP and JPY have words in every language; any other currency returns
/// [`WordsError::UnsupportedCurrency`]. Currencies without minor units (JPY) have no minor part.
///
/// | currency | Latvian | English | German | Russian |
/// |---|---|---|---|---|
/// | EUR | euro / eiro, cents | euro, cent | Euro, Cent | евро, цент |
/// | USD | dolārs, cents | dollar, cent | Dollar, Cent | доллар, цент |
/// | GBP | mārciņa (feminine), penss | pound, penny / pence | Pfund, Penny / Pence | фунт стерлингов, пенс |
/// | JPY | jena (feminine) | yen | Yen | иена (feminine) |
///
/// # Errors
///
/// Checked in this order:
/// - [`WordsError::UnsupportedCurrency`] when the currency has no words in `language` (only
///   EUR, USD, GBP and JPY have them).
/// - [`WordsError::OutOfRange`] when the whole part is above 999 999 999 999 (either sign).
/// - [`WordsError::TooPrecise`] when the amount has more significant decimal places than the
///   currency's minor units (1.005 EUR). Trailing zeros are not significant: 1.500 EUR is
///   written as 1.50 EUR. The amount is never rounded.
/// - [`WordsError::Internal`] if a table lookup fails, which would be a bug.
///
/// # Legal basis
///
/// `docs/sources.md` §11 (amount in words, "euro"/"eiro", "cents").
///
/// Serves: T4.6, S12.
pub fn amount_in_words(
    money: &Money,
    language: Language,
    options: &WordsOptions,
) -> Result<String, WordsError> {
    let currency = money.currency();
    let nouns = currency_nouns(currency, language, options.latvian_euro_word)
        .ok_or(WordsError::UnsupportedCurrency { currency, language })?;
    let parts = Parts::try_from_amount(money.amount(), currency)?;
    let grammar = Grammar::of(language);

    // The longest text (minus 999 999 999 999.99 GBP in Russian) is about 350 bytes, so one
    // allocation covers every amount.
    let mut out = String::with_capacity(384);
    if parts.negative {
        out.push_str(grammar.minus);
        out.push(' ');
    }
    (grammar.write_number)(&mut out, parts.whole, nouns.major.gender)?;
    out.push(' ');
    out.push_str(nouns.major.form((grammar.plural)(parts.whole)));

    if let (Some(minor), Some(minor_noun)) = (parts.minor, nouns.minor) {
        out.push_str(grammar.separator);
        match options.cents {
            CentsStyle::Words => (grammar.write_number)(&mut out, minor, minor_noun.gender)?,
            CentsStyle::Figures => {
                let width =
                    usize::try_from(currency.minor_units()).map_err(|_| internal("width"))?;
                write!(out, "{minor:0width$}").map_err(|_| internal("figures"))?;
            }
        }
        out.push(' ');
        out.push_str(minor_noun.form((grammar.plural)(minor)));
    }

    match options.capitalization {
        Capitalization::Lowercase => Ok(out),
        Capitalization::FirstLetter => Ok(capitalize_first(&out)),
    }
}

/// Options of [`amount_in_words`]; the default is the legal invoice form in words.
///
/// A plain record of settings the caller fills in; every combination is valid, so nothing
/// checks it.
///
/// The struct is `#[non_exhaustive]`: start from [`WordsOptions::default`] and change fields
/// with the `with_*` methods (or by assignment).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{CentsStyle, Capitalization, LatvianEuroWord, WordsOptions};
///
/// let options = WordsOptions::default();
/// assert_eq!(options.cents, CentsStyle::Words);
/// assert_eq!(options.latvian_euro_word, LatvianEuroWord::Euro);
/// assert_eq!(options.capitalization, Capitalization::Lowercase);
///
/// let invoice = options.with_cents(CentsStyle::Figures);
/// assert_eq!(invoice.cents, CentsStyle::Figures);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub struct WordsOptions {
    /// Whether the minor unit (cents) is written in words or in two figures.
    pub cents: CentsStyle,
    /// The Latvian word for the euro: "euro" (default) or "eiro". Ignored in other languages.
    pub latvian_euro_word: LatvianEuroWord,
    /// Whether the first letter is capitalised.
    pub capitalization: Capitalization,
}

impl WordsOptions {
    /// Returns these options with the minor unit written as `cents` says.
    pub const fn with_cents(mut self, cents: CentsStyle) -> Self {
        self.cents = cents;
        self
    }

    /// Returns these options with the Latvian word for the euro set to `word`.
    pub const fn with_latvian_euro_word(mut self, word: LatvianEuroWord) -> Self {
        self.latvian_euro_word = word;
        self
    }

    /// Returns these options with the first letter handled as `capitalization` says.
    pub const fn with_capitalization(mut self, capitalization: Capitalization) -> Self {
        self.capitalization = capitalization;
        self
    }
}

/// How the minor unit (cents) of an amount in words is written.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{amount_in_words, CentsStyle, Currency, Language, Money, WordsOptions};
/// use rust_decimal_macros::dec;
///
/// let total = Money::new(dec!(123.45), Currency::EUR);
/// let figures = WordsOptions::default().with_cents(CentsStyle::Figures);
/// assert_eq!(
///     amount_in_words(&total, Language::Latvian, &figures)?,
///     "viens simts divdesmit trīs euro un 45 centi",
/// );
/// # Ok::<(), apkalpe_core::WordsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CentsStyle {
    /// In words: "un četrdesmit pieci centi" (the default).
    #[default]
    Words,
    /// In figures, zero-padded to the currency's minor units, the noun agreeing with the
    /// value: "un 45 centi", "un 01 cents", "un 00 centu" (the common invoice form).
    Figures,
}

/// The Latvian word for the euro; both are correct and indeclinable (`docs/sources.md` §11).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{amount_in_words, Currency, Language, LatvianEuroWord, Money, WordsOptions};
/// use rust_decimal_macros::dec;
///
/// let options = WordsOptions::default().with_latvian_euro_word(LatvianEuroWord::Eiro);
/// let total = Money::new(dec!(2), Currency::EUR);
/// assert_eq!(
///     amount_in_words(&total, Language::Latvian, &options)?,
///     "divi eiro un nulle centu",
/// );
/// # Ok::<(), apkalpe_core::WordsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LatvianEuroWord {
    /// "euro": the form of laws, contracts and invoices (the default).
    #[default]
    Euro,
    /// "eiro": the everyday form (MK noteikumi Nr. 564, 2005).
    Eiro,
}

/// Whether an amount in words starts with a capital letter.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{amount_in_words, Capitalization, Currency, Language, Money, WordsOptions};
/// use rust_decimal_macros::dec;
///
/// let options = WordsOptions::default().with_capitalization(Capitalization::FirstLetter);
/// let total = Money::new(dec!(4.00), Currency::EUR);
/// assert_eq!(
///     amount_in_words(&total, Language::Latvian, &options)?,
///     "Četri euro un nulle centu",
/// );
/// assert_eq!(
///     amount_in_words(&total, Language::Russian, &options)?,
///     "Четыре евро ноль центов",
/// );
/// # Ok::<(), apkalpe_core::WordsError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Capitalization {
    /// Starts in lower case, ready to follow "Summa vārdiem: " (the default). German nouns
    /// keep their capital ("ein Euro").
    #[default]
    Lowercase,
    /// Capitalises the first letter, for text that starts a line or a sentence.
    FirstLetter,
}

/// The error returned when an amount cannot be written in words.
///
/// # Examples
///
/// ```
/// use apkalpe_core::{amount_in_words, Currency, Language, Money, WordsError, WordsOptions};
/// use rust_decimal_macros::dec;
///
/// let money = Money::new(dec!(10), Currency::SEK);
/// let error = amount_in_words(&money, Language::Latvian, &WordsOptions::default()).unwrap_err();
/// assert_eq!(
///     error,
///     WordsError::UnsupportedCurrency { currency: Currency::SEK, language: Language::Latvian },
/// );
/// assert_eq!(error.code(), "words.unsupported_currency");
/// assert_eq!(error.to_string(), "no words for currency SEK in language lv");
/// # Ok::<(), apkalpe_core::WordsError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WordsError {
    /// The whole part is above 999 999 999 999 (in either direction).
    #[error(
        "amount {amount} is outside the range of amounts in words (up to 999999999999 whole units either side of zero)"
    )]
    OutOfRange {
        /// The amount that was given.
        amount: Decimal,
    },
    /// The amount has more significant decimal places than the currency's minor units.
    #[error("amount {amount} has more decimal places than the {minor_units} of {currency}")]
    TooPrecise {
        /// The amount that was given.
        amount: Decimal,
        /// Its currency.
        currency: Currency,
        /// The currency's minor units (decimal places).
        minor_units: u32,
    },
    /// The currency has no built-in words in this language.
    #[error("no words for currency {currency} in language {language}")]
    UnsupportedCurrency {
        /// The currency that was given.
        currency: Currency,
        /// The language that was asked for.
        language: Language,
    },
    /// An internal invariant broke (a bug): a table lookup failed.
    #[error("internal error in amounts in words at {place}")]
    Internal {
        /// Where the invariant broke.
        place: &'static str,
    },
}

impl WordsError {
    /// Returns the stable error code: `words.out_of_range`, `words.too_precise`,
    /// `words.unsupported_currency` or `words.internal`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::WordsError;
    /// use rust_decimal_macros::dec;
    ///
    /// let error = WordsError::OutOfRange { amount: dec!(1e12) };
    /// assert_eq!(error.code(), "words.out_of_range");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            WordsError::OutOfRange { .. } => "words.out_of_range",
            WordsError::TooPrecise { .. } => "words.too_precise",
            WordsError::UnsupportedCurrency { .. } => "words.unsupported_currency",
            WordsError::Internal { .. } => "words.internal",
        }
    }
}

impl LocalizedError for WordsError {
    fn code(&self) -> &'static str {
        WordsError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            WordsError::OutOfRange { amount } => write!(
                f,
                "summu {amount} nevar uzrakstīt vārdiem: veselās daļas absolūtā vērtība nedrīkst pārsniegt 999999999999"
            ),
            WordsError::TooPrecise {
                amount,
                currency,
                minor_units,
            } => write!(
                f,
                "summai {amount} ir vairāk decimālzīmju, nekā atļauj {currency} ({minor_units})"
            ),
            WordsError::UnsupportedCurrency { currency, language } => {
                write!(f, "valūtai {currency} nav vārdu valodā {language}")
            }
            WordsError::Internal { place } => {
                write!(f, "iekšēja kļūda, veidojot summu vārdiem, vietā {place}")
            }
        }
    }
}

/// Builds the error of a broken internal invariant, failing debug builds loudly.
fn internal(place: &'static str) -> WordsError {
    debug_assert!(
        false,
        "amounts in words: internal invariant broke at {place}"
    );
    WordsError::Internal { place }
}

/// Returns entry `index` of a word table, or [`WordsError::Internal`].
fn pick(
    table: &'static [&'static str],
    index: u64,
    place: &'static str,
) -> Result<&'static str, WordsError> {
    usize::try_from(index)
        .ok()
        .and_then(|index| table.get(index))
        .copied()
        .ok_or_else(|| internal(place))
}

/// The grammatical gender of a counted noun (numerals agree with it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
}

/// Which form of a noun a number takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PluralForm {
    /// After 1, 21, 31… (not 11): "cents", "цент", "cent".
    One,
    /// Russian 2–4, 22–24…: "цента"; the plural elsewhere: "centi", "cents".
    Few,
    /// Latvian zero, Russian 0 and 5–20…: "centu", "центов"; the plural elsewhere.
    Many,
}

/// A counted noun with its three forms and its gender.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Noun {
    one: &'static str,
    few: &'static str,
    many: &'static str,
    gender: Gender,
}

impl Noun {
    const fn new(one: &'static str, few: &'static str, many: &'static str, gender: Gender) -> Self {
        Noun {
            one,
            few,
            many,
            gender,
        }
    }

    /// A noun that never changes, such as "euro" or "Euro".
    const fn invariable(word: &'static str, gender: Gender) -> Self {
        Noun::new(word, word, word, gender)
    }

    const fn form(&self, form: PluralForm) -> &'static str {
        match form {
            PluralForm::One => self.one,
            PluralForm::Few => self.few,
            PluralForm::Many => self.many,
        }
    }
}

/// The nouns of a currency in one language: the main unit and, if any, the minor unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CurrencyNouns {
    major: Noun,
    minor: Option<Noun>,
}

/// Returns the nouns of `currency` in `language`, or `None` when there are none.
fn currency_nouns(
    currency: Currency,
    language: Language,
    latvian_euro_word: LatvianEuroWord,
) -> Option<CurrencyNouns> {
    let code = currency.code();
    let nouns = match language {
        Language::Latvian => lv::currency_nouns(code, latvian_euro_word),
        Language::English => en::currency_nouns(code),
        Language::German => de::currency_nouns(code),
        Language::Russian => ru::currency_nouns(code),
    }?;
    // A table entry must match the currency: a minor noun exactly when there are minor units.
    (nouns.minor.is_some() == (currency.minor_units() > 0)).then_some(nouns)
}

/// What a language contributes to the shared layout of an amount in words.
#[derive(Debug, Clone, Copy)]
struct Grammar {
    minus: &'static str,
    separator: &'static str,
    plural: fn(u64) -> PluralForm,
    write_number: fn(&mut String, u64, Gender) -> Result<(), WordsError>,
}

impl Grammar {
    const fn of(language: Language) -> Self {
        match language {
            Language::Latvian => Grammar {
                minus: "mīnus",
                separator: " un ",
                plural: lv::plural,
                write_number: lv::write_number,
            },
            Language::English => Grammar {
                minus: "minus",
                separator: " and ",
                plural: en::plural,
                write_number: en::write_number,
            },
            Language::German => Grammar {
                minus: "minus",
                separator: " und ",
                plural: de::plural,
                write_number: de::write_number,
            },
            Language::Russian => Grammar {
                minus: "минус",
                separator: " ",
                plural: ru::plural,
                write_number: ru::write_number,
            },
        }
    }
}

/// An amount split into sign, whole units and minor units, checked for range and precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts {
    negative: bool,
    whole: u64,
    /// `None` for currencies without minor units (JPY, ISK).
    minor: Option<u64>,
}

impl Parts {
    fn try_from_amount(amount: Decimal, currency: Currency) -> Result<Self, WordsError> {
        let minor_units = currency.minor_units();
        let scale = amount.scale();
        let magnitude = amount.mantissa().unsigned_abs();
        let divisor = 10_u128
            .checked_pow(scale)
            .ok_or_else(|| internal("scale"))?;
        let whole = magnitude
            .checked_div(divisor)
            .ok_or_else(|| internal("whole"))?;
        let fraction = magnitude
            .checked_rem(divisor)
            .ok_or_else(|| internal("fraction"))?;

        let whole = u64::try_from(whole)
            .ok()
            .filter(|whole| *whole <= MAX_WHOLE)
            .ok_or(WordsError::OutOfRange { amount })?;

        // `fraction` counts units of 10^-scale; convert it to minor units without rounding.
        let minor = if scale > minor_units {
            let excess = scale
                .checked_sub(minor_units)
                .and_then(|excess| 10_u128.checked_pow(excess))
                .ok_or_else(|| internal("excess"))?;
            if fraction.checked_rem(excess) != Some(0) {
                return Err(WordsError::TooPrecise {
                    amount,
                    currency,
                    minor_units,
                });
            }
            fraction.checked_div(excess)
        } else {
            minor_units
                .checked_sub(scale)
                .and_then(|missing| 10_u128.checked_pow(missing))
                .and_then(|factor| fraction.checked_mul(factor))
        }
        .and_then(|minor| u64::try_from(minor).ok())
        .ok_or_else(|| internal("minor"))?;

        Ok(Parts {
            negative: amount.is_sign_negative() && magnitude != 0,
            whole,
            minor: (minor_units > 0).then_some(minor),
        })
    }
}

/// Returns `text` with its first letter in upper case.
fn capitalize_first(text: &str) -> String {
    let mut chars = text.chars();
    let mut result = String::with_capacity(text.len().saturating_add(4));
    if let Some(first) = chars.next() {
        result.extend(first.to_uppercase());
    }
    result.push_str(chars.as_str());
    result
}
