//! The strict grammar of amounts typed by people.
//!
//! ```text
//! amount   = ["-"] integer [separator fraction]
//! integer  = "0" | nonzero digit* | nonzero digit? digit? (group-sep digit digit digit)+
//! group-sep = " " | U+00A0 no-break space | U+202F narrow no-break space
//! separator = "." | ","
//! fraction = digit+
//! ```
//!
//! `Decimal::from_str` is not used on raw input: it accepts `_` and exponents and rounds
//! digits beyond 28 silently.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

use super::{Currency, Money, ParseCurrencyError};
use crate::localized::latvian;
use crate::{Language, LocalizedError};

/// The most significant digits a `Decimal` holds exactly.
const MAX_DIGITS: usize = 28;

/// The error returned when text is not an amount of money.
///
/// Positions count characters from 0, in the text as given (as the identifier errors do).
///
/// # Examples
///
/// ```
/// use apkalpe_core::{parse_amount, ParseMoneyError};
///
/// assert_eq!(parse_amount("1 23,45"), Err(ParseMoneyError::Grouping { position: 3 }));
/// assert_eq!(parse_amount("12.3x"), Err(ParseMoneyError::UnexpectedCharacter { position: 4, found: 'x' }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseMoneyError {
    /// The text is empty or only white space.
    #[error("amount is empty")]
    Empty,
    /// A character that has no place in an amount.
    #[error("unexpected character {found:?} at position {position}")]
    UnexpectedCharacter {
        /// The character's position, from 0.
        position: usize,
        /// The character.
        found: char,
    },
    /// Digits are missing: after a minus sign, before or after the decimal separator.
    #[error("digits expected at position {position}")]
    MissingDigits {
        /// The position where a digit should be, from 0.
        position: usize,
    },
    /// A thousands group that does not have exactly three digits, or a first group of more
    /// than three.
    #[error("digit group ending at position {position} must have 3 digits")]
    Grouping {
        /// The position of the group's last digit, from 0.
        position: usize,
    },
    /// The integer part starts with a zero followed by more digits ("012").
    #[error("integer part must not start with 0 (position {position})")]
    LeadingZero {
        /// The position of the zero, from 0.
        position: usize,
    },
    /// More than 28 significant digits: a `Decimal` cannot hold the amount exactly.
    #[error("amount has {digits} digits, at most 28 are supported")]
    TooManyDigits {
        /// The number of digits given.
        digits: usize,
    },
    /// More decimals than the currency's minor units ("1,234" is not a euro amount).
    #[error("{found} decimals given, {currency} has {max}")]
    TooManyDecimals {
        /// The number of decimals written.
        found: usize,
        /// The currency's minor units.
        max: u32,
        /// The currency.
        currency: Currency,
    },
    /// `Money::from_str` needs an amount, a space and a currency code ("12.50 EUR").
    #[error("currency code missing: expected an amount, a space and a code such as EUR")]
    MissingCurrency,
    /// The currency code is not in the built-in table.
    #[error(transparent)]
    Currency(#[from] ParseCurrencyError),
}

impl ParseMoneyError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::parse_amount;
    ///
    /// assert_eq!(parse_amount("").unwrap_err().code(), "amount.empty");
    /// assert_eq!(parse_amount("012").unwrap_err().code(), "amount.leading_zero");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseMoneyError::Empty => "amount.empty",
            ParseMoneyError::UnexpectedCharacter { .. } => "amount.unexpected_character",
            ParseMoneyError::MissingDigits { .. } => "amount.missing_digits",
            ParseMoneyError::Grouping { .. } => "amount.grouping",
            ParseMoneyError::LeadingZero { .. } => "amount.leading_zero",
            ParseMoneyError::TooManyDigits { .. } => "amount.too_many_digits",
            ParseMoneyError::TooManyDecimals { .. } => "amount.too_many_decimals",
            ParseMoneyError::MissingCurrency => "amount.missing_currency",
            ParseMoneyError::Currency(error) => error.code(),
        }
    }
}

impl LocalizedError for ParseMoneyError {
    fn code(&self) -> &'static str {
        ParseMoneyError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseMoneyError::Empty => f.write_str("summa nav norādīta"),
            ParseMoneyError::UnexpectedCharacter { position, found } => {
                write!(f, "negaidīta rakstzīme {found:?} pozīcijā {position}")
            }
            ParseMoneyError::MissingDigits { position } => {
                write!(f, "pozīcijā {position} trūkst ciparu")
            }
            ParseMoneyError::Grouping { position } => write!(
                f,
                "ciparu grupā, kas beidzas pozīcijā {position}, jābūt 3 cipariem"
            ),
            ParseMoneyError::LeadingZero { position } => {
                write!(f, "veselā daļa nedrīkst sākties ar 0 (pozīcija {position})")
            }
            ParseMoneyError::TooManyDigits { digits } => write!(
                f,
                "summā ir {}, atbalstīti ne vairāk kā 28",
                latvian::count(latvian::DIGITS, *digits)
            ),
            ParseMoneyError::TooManyDecimals {
                found,
                max,
                currency,
            } => write!(
                f,
                "aiz komata ir {}, {currency} atļauj {max}",
                latvian::count(latvian::DIGITS, *found)
            ),
            ParseMoneyError::MissingCurrency => {
                f.write_str("trūkst valūtas koda: gaidīta summa, atstarpe un kods, piemēram, EUR")
            }
            ParseMoneyError::Currency(error) => error.fmt_in(language, f),
        }
    }
}

/// A parsed amount and the number of decimals that were written.
struct Parsed {
    value: Decimal,
    decimals: usize,
}

fn is_group_separator(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

fn parse(text: &str) -> Result<Parsed, ParseMoneyError> {
    let trimmed = text.trim_matches(|c: char| c == ' ' || c == '\t');
    // Positions are reported in the caller's text, so count the trimmed prefix.
    let offset = text.chars().take_while(|c| *c == ' ' || *c == '\t').count();
    if trimmed.is_empty() {
        return Err(ParseMoneyError::Empty);
    }
    let mut chars = trimmed.chars().enumerate().peekable();
    let position = |index: usize| offset.saturating_add(index);

    let negative = matches!(chars.peek(), Some((_, '-')));
    if negative {
        chars.next();
    }

    let mut mantissa: u128 = 0;
    let mut digits = 0usize;
    let mut significant = 0usize;
    let mut push = |digit: u32, mantissa: &mut u128| {
        digits = digits.saturating_add(1);
        if *mantissa != 0 || digit != 0 {
            significant = significant.saturating_add(1);
        }
        // At most 28 significant digits are accepted below, so this cannot overflow a u128
        // (10^29 < 2^127); saturate anyway rather than trust it.
        *mantissa = mantissa
            .saturating_mul(10)
            .saturating_add(u128::from(digit));
        significant
    };

    // Integer part.
    let mut group_len = 0usize;
    let mut grouped = false;
    let mut first_digit_zero = false;
    let mut integer_digits = 0usize;
    let mut last_index = 0usize;
    let mut separator = None;
    while let Some(&(index, c)) = chars.peek() {
        last_index = index;
        if let Some(digit) = c.to_digit(10) {
            if integer_digits == 0 {
                first_digit_zero = digit == 0;
            } else if first_digit_zero {
                return Err(ParseMoneyError::LeadingZero {
                    position: position(index.saturating_sub(1)),
                });
            }
            integer_digits = integer_digits.saturating_add(1);
            group_len = group_len.saturating_add(1);
            if grouped && group_len > 3 {
                return Err(ParseMoneyError::Grouping {
                    position: position(index),
                });
            }
            if push(digit, &mut mantissa) > MAX_DIGITS {
                return Err(ParseMoneyError::TooManyDigits {
                    digits: trimmed.chars().filter(char::is_ascii_digit).count(),
                });
            }
            chars.next();
        } else if is_group_separator(c) {
            if integer_digits == 0 {
                return Err(ParseMoneyError::UnexpectedCharacter {
                    position: position(index),
                    found: c,
                });
            }
            // The first group has 1 to 3 digits, every later group exactly 3.
            if (!grouped && group_len > 3) || (grouped && group_len != 3) {
                return Err(ParseMoneyError::Grouping {
                    position: position(index.saturating_sub(1)),
                });
            }
            grouped = true;
            group_len = 0;
            chars.next();
            match chars.peek() {
                Some((_, next)) if next.is_ascii_digit() => {}
                Some(&(next_index, next)) => {
                    return Err(ParseMoneyError::UnexpectedCharacter {
                        position: position(next_index),
                        found: next,
                    });
                }
                None => {
                    return Err(ParseMoneyError::MissingDigits {
                        position: position(index.saturating_add(1)),
                    });
                }
            }
        } else if c == '.' || c == ',' {
            separator = Some(index);
            chars.next();
            break;
        } else {
            return Err(ParseMoneyError::UnexpectedCharacter {
                position: position(index),
                found: c,
            });
        }
    }
    if integer_digits == 0 {
        let at = separator.unwrap_or(last_index);
        return Err(ParseMoneyError::MissingDigits {
            position: position(if negative && separator.is_none() {
                at.saturating_add(1)
            } else {
                at
            }),
        });
    }
    if grouped && group_len != 3 {
        return Err(ParseMoneyError::Grouping {
            position: position(separator.map_or(last_index, |s| s.saturating_sub(1))),
        });
    }

    // Fraction part.
    let mut decimals = 0usize;
    if let Some(separator_index) = separator {
        for (index, c) in chars.by_ref() {
            let Some(digit) = c.to_digit(10) else {
                return Err(ParseMoneyError::UnexpectedCharacter {
                    position: position(index),
                    found: c,
                });
            };
            decimals = decimals.saturating_add(1);
            if push(digit, &mut mantissa) > MAX_DIGITS || decimals > MAX_DIGITS {
                return Err(ParseMoneyError::TooManyDigits {
                    digits: trimmed.chars().filter(char::is_ascii_digit).count(),
                });
            }
        }
        if decimals == 0 {
            return Err(ParseMoneyError::MissingDigits {
                position: position(separator_index.saturating_add(1)),
            });
        }
    }

    let signed = i128::try_from(mantissa).map_err(|_| ParseMoneyError::TooManyDigits { digits })?;
    let scale = u32::try_from(decimals).map_err(|_| ParseMoneyError::TooManyDigits { digits })?;
    let mut value = Decimal::try_from_i128_with_scale(signed, scale)
        .map_err(|_| ParseMoneyError::TooManyDigits { digits })?;
    if negative && !value.is_zero() {
        value.set_sign_negative(true);
    }
    Ok(Parsed { value, decimals })
}

/// Parses an amount typed by a person: "12.34", "12,34", "1 234,56", "-0,05".
///
/// Either `.` or `,` is the decimal separator; thousands may be grouped by a space (also a
/// no-break or narrow no-break space) in groups of three. Anything else is an error that says
/// what and where: no exponents, no `_`, no `+`, no leading zeros, no currency symbols, no
/// silent rounding. The number of decimals is not limited here (unit prices may have four);
/// [`Money::parse`] limits them to the currency's minor units.
///
/// # Errors
///
/// Each [`ParseMoneyError`] variant except the currency ones, with the position of the fault.
///
/// # Examples
///
/// ```
/// use apkalpe_core::parse_amount;
/// use rust_decimal_macros::dec;
///
/// assert_eq!(parse_amount("1 234,56")?, dec!(1234.56));
/// assert_eq!(parse_amount("-0,05")?, dec!(-0.05));
/// assert_eq!(parse_amount("12.3400")?, dec!(12.34));
/// assert_eq!(parse_amount("1,234.56").unwrap_err().code(), "amount.unexpected_character");
/// assert_eq!(parse_amount("12 34").unwrap_err().code(), "amount.grouping");
/// # Ok::<(), apkalpe_core::ParseMoneyError>(())
/// ```
pub fn parse_amount(text: &str) -> Result<Decimal, ParseMoneyError> {
    parse(text).map(|parsed| parsed.value)
}

impl Money {
    /// Parses an amount typed by a person in `currency`, with at most the currency's minor
    /// units of decimals. The grammar is that of [`parse_amount`].
    ///
    /// # Errors
    ///
    /// Those of [`parse_amount`], and [`ParseMoneyError::TooManyDecimals`] when more decimals
    /// are written than the currency has ("1,234" is an error for EUR, not 1.23 or 1 234).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    ///
    /// let paid = Money::parse("1 234,5", Currency::EUR)?;
    /// assert_eq!(paid.to_string(), "1234.50 EUR");
    /// let error = Money::parse("1,234", Currency::EUR).unwrap_err();
    /// assert_eq!(error.code(), "amount.too_many_decimals");
    /// # Ok::<(), apkalpe_core::ParseMoneyError>(())
    /// ```
    pub fn parse(text: &str, currency: Currency) -> Result<Money, ParseMoneyError> {
        let parsed = parse(text)?;
        let max = currency.minor_units();
        if parsed.decimals > max as usize {
            return Err(ParseMoneyError::TooManyDecimals {
                found: parsed.decimals,
                max,
                currency,
            });
        }
        Ok(Money::new(parsed.value, currency))
    }
}

/// Parses the [`Display`](std::fmt::Display) form: an amount, a space and an ISO 4217 code
/// ("1234.56 EUR", "-0.05 EUR", "1 234,56 EUR"). Decimals are not limited, so every displayed
/// value parses back to itself.
impl FromStr for Money {
    type Err = ParseMoneyError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let trimmed = s.trim();
        if trimmed.is_empty() {
            return Err(ParseMoneyError::Empty);
        }
        let Some((amount, code)) = trimmed.rsplit_once(' ') else {
            return Err(ParseMoneyError::MissingCurrency);
        };
        if code.is_empty() || code.chars().any(|c| !c.is_ascii_alphabetic()) {
            return Err(ParseMoneyError::MissingCurrency);
        }
        let currency: Currency = code.parse()?;
        Ok(Money::new(parse_amount(amount)?, currency))
    }
}
