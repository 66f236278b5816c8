//! Short validated codes: the SKU of a product and the ids of catalogues, segments, price
//! lists, promotions, locations, carriers and orders.
//!
//! Every code is a newtype over its canonical `String`; the only way in is `try_new` (also
//! behind `FromStr`, `TryFrom<String>` and serde), which checks the length and the characters.
//! Ids are lowercase (`retail`, `winter-2026`); a SKU keeps the case it is printed in
//! (`LAP-E14-G5`).

use std::fmt;
use std::str::FromStr;

use apkalpe_core::{Language, LocalizedError, TextRuleError, TokenLetters, TokenRule};

use crate::error::latvian::{self, noun};
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

/// The error returned when a code (a SKU or an id) is not well formed.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{ParseCodeError, Sku};
///
/// let error = "LAP 001".parse::<Sku>().unwrap_err();
/// assert_eq!(error.code(), "code.invalid_character");
/// assert_eq!(error.to_string(), "sku has an invalid character ' ' at position 3");
/// assert_eq!("".parse::<Sku>().unwrap_err(), ParseCodeError::Empty { what: "sku" });
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseCodeError {
    /// The code is empty (or only white space).
    #[error("{what} is empty")]
    Empty {
        /// What the code names: `sku`, `catalogue id`, `segment`, …
        what: &'static str,
    },
    /// The code is longer than allowed.
    #[error("{what} is {found} characters long, at most {max} are allowed")]
    TooLong {
        /// What the code names.
        what: &'static str,
        /// The longest length allowed.
        max: usize,
        /// The length found.
        found: usize,
    },
    /// The code has a character outside its alphabet.
    #[error("{what} has an invalid character {character:?} at position {position}")]
    InvalidCharacter {
        /// What the code names.
        what: &'static str,
        /// The character.
        character: char,
        /// Its position, counted in characters from 0.
        position: usize,
    },
}

impl ParseCodeError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::Sku;
    ///
    /// assert_eq!("".parse::<Sku>().unwrap_err().code(), "code.empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ParseCodeError::Empty { .. } => "code.empty",
            ParseCodeError::TooLong { .. } => "code.too_long",
            ParseCodeError::InvalidCharacter { .. } => "code.invalid_character",
        }
    }
}

impl LocalizedError for ParseCodeError {
    fn code(&self) -> &'static str {
        ParseCodeError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            ParseCodeError::Empty { what } => write!(f, "trūkst {}", noun(what).genitive),
            ParseCodeError::TooLong {
                what: "category depth",
                max,
                found,
            } => write!(
                f,
                "kategorijas ceļā ir {}, atļauti ne vairāk kā {max}",
                LEVELS.count_of(Language::Latvian, *found)
            ),
            ParseCodeError::TooLong { what, max, found } => write!(
                f,
                "{} garums ir {}, atļautas ne vairāk kā {max}",
                noun(what).genitive,
                latvian::CHARACTERS.count_of(Language::Latvian, *found)
            ),
            ParseCodeError::InvalidCharacter {
                what,
                character,
                position,
            } => write!(
                f,
                "{} pozīcijā {position} ir neatļauta rakstzīme {character:?}",
                noun(what).genitive
            ),
        }
    }
}

/// Levels of a category path: "7 līmeņi".
const LEVELS: apkalpe_core::CountNoun<'static> = apkalpe_core::CountNoun::new("līmenis", "līmeņi");

/// Which characters a code may hold.
#[derive(Clone, Copy)]
enum Alphabet {
    /// `A–Z a–z 0–9 - _ . /`: SKUs and supplier references as printed.
    Printed,
    /// `a–z 0–9 - _`: ids, always lowercase.
    Lowercase,
}

impl Alphabet {
    /// The rule of a code of this alphabet and at most `max` characters.
    const fn rule(self, max: usize) -> TokenRule {
        match self {
            Alphabet::Printed => TokenRule::new(max, TokenLetters::Ascii, "-_./"),
            Alphabet::Lowercase => TokenRule::new(max, TokenLetters::AsciiLowercase, "-_"),
        }
    }
}

/// Trims and checks a code by its [`TokenRule`]; positions count the text as given, leading
/// white space included.
fn validate(
    text: &str,
    what: &'static str,
    max: usize,
    alphabet: Alphabet,
) -> Result<String, ParseCodeError> {
    alphabet.rule(max).check(text).map_err(|error| match error {
        TextRuleError::Blank => ParseCodeError::Empty { what },
        TextRuleError::TooLong { max, found } => ParseCodeError::TooLong { what, max, found },
        TextRuleError::ControlCharacter {
            found,
            input_position,
            ..
        }
        | TextRuleError::NotAllowed {
            found,
            input_position,
            ..
        } => ParseCodeError::InvalidCharacter {
            what,
            character: found,
            position: input_position,
        },
        // `TextRuleError` is non-exhaustive; `TokenRule` returns only the variants above.
        other => ParseCodeError::InvalidCharacter {
            what,
            character: char::REPLACEMENT_CHARACTER,
            position: other.position().unwrap_or_default(),
        },
    })
}

macro_rules! code_type {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal, $max:literal, $alphabet:expr, $example:literal
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
        #[cfg_attr(feature = "serde", serde(try_from = "String", into = "String"))]
        pub struct $name(String);

        impl $name {
            #[doc = concat!("The longest ", $what, " allowed, in characters.")]
            pub const MAX_LENGTH: usize = $max;

            #[doc = concat!("Creates a ", $what, " from text; surrounding white space is removed.")]
            ///
            /// # Errors
            ///
            /// [`ParseCodeError::Empty`], [`ParseCodeError::TooLong`] or
            /// [`ParseCodeError::InvalidCharacter`].
            ///
            /// # Examples
            ///
            /// ```
            #[doc = concat!("use apkalpe_catalogue::", stringify!($name), ";")]
            ///
            #[doc = concat!("let code = ", stringify!($name), "::try_new(\" ", $example, " \")?;")]
            #[doc = concat!("assert_eq!(code.as_str(), \"", $example, "\");")]
            /// # Ok::<(), apkalpe_catalogue::ParseCodeError>(())
            /// ```
            pub fn try_new(text: &str) -> Result<Self, ParseCodeError> {
                validate(text, $what, $max, $alphabet).map($name)
            }

            /// Returns the code as text.
            ///
            /// # Examples
            ///
            /// ```
            /// let sku: apkalpe_catalogue::Sku = " LAP-E14-G5 ".parse()?;
            /// assert_eq!(sku.as_str(), "LAP-E14-G5");
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl FromStr for $name {
            type Err = ParseCodeError;

            fn from_str(text: &str) -> Result<Self, Self::Err> {
                $name::try_new(text)
            }
        }

        impl TryFrom<String> for $name {
            type Error = ParseCodeError;

            fn try_from(text: String) -> Result<Self, Self::Error> {
                $name::try_new(&text)
            }
        }

        impl From<$name> for String {
            fn from(code: $name) -> Self {
                code.0
            }
        }
    };
}

code_type!(
    /// A stock-keeping unit (*preces kods*, SKU): the code that names one product or service in
    /// the catalogue, as printed on price lists and invoices. 1–40 characters of
    /// `A–Z a–z 0–9 - _ . /`; case is kept and matters.
    ///
    /// **Name clash:** `apkalpe-clients` has a `Sku` too (a product code a client's need or an
    /// offer names, as free text); its prelude exports that one as `NeedSku`. This is the
    /// catalogue's own code, `Sku` in this crate's [`prelude`](crate::prelude).
    ///
    /// Serves: T1.2, T1.4.
    Sku, "sku", 40, Alphabet::Printed, "LAP-E14-G5"
);

code_type!(
    /// The supplier's own code for a product (*piegādātāja preces kods*): 1–40 characters of
    /// `A–Z a–z 0–9 - _ . /`.
    SupplierReference, "supplier reference", 40, Alphabet::Printed, "21JR0001MH"
);

code_type!(
    /// The id of one catalogue (*katalogs*): the organisation's own, a partner's or a
    /// supplier's. 1–32 characters of `a–z 0–9 - _`.
    ///
    /// Serves: T1.4, T1.8.
    CatalogueId, "catalogue id", 32, Alphabet::Lowercase, "own"
);

code_type!(
    /// A client segment (*klientu segments*) that a price list or promotion is for, such as
    /// `retail` or `wholesale`. 1–32 characters of `a–z 0–9 - _`.
    ///
    /// Serves: T1.3.
    ClientSegment, "segment", 32, Alphabet::Lowercase, "wholesale"
);

code_type!(
    /// The key of a product attribute (*īpašība*), such as `ram_gb` or `colour`. 1–32
    /// characters of `a–z 0–9 - _`.
    AttributeKey, "attribute key", 32, Alphabet::Lowercase, "ram_gb"
);

code_type!(
    /// The id of a price list (*cenrādis*). 1–32 characters of `a–z 0–9 - _`.
    PriceListId, "price list id", 32, Alphabet::Lowercase, "base-2026"
);

code_type!(
    /// The id of a promotion (*akcija*). 1–32 characters of `a–z 0–9 - _`.
    PromotionId, "promotion id", 32, Alphabet::Lowercase, "winter-2026"
);

code_type!(
    /// A stock location (*noliktava*): a warehouse or a shop. 1–32 characters of
    /// `a–z 0–9 - _`.
    LocationId, "location id", 32, Alphabet::Lowercase, "riga-main"
);

code_type!(
    /// A carrier (*pārvadātājs*) that delivers orders. 1–32 characters of `a–z 0–9 - _`.
    CarrierId, "carrier id", 32, Alphabet::Lowercase, "courier"
);

code_type!(
    /// The reference of an order or a reservation (*pasūtījuma numurs*), supplied by the
    /// caller. 1–40 characters of `A–Z a–z 0–9 - _ . /`.
    OrderReference, "order reference", 40, Alphabet::Printed, "PAS-2026/0042"
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sku_keeps_case_and_trims() {
        let sku = Sku::try_new("  Lap-01 ").unwrap();
        assert_eq!(sku.as_str(), "Lap-01");
        assert_ne!(sku, Sku::try_new("LAP-01").unwrap());
    }

    #[test]
    fn ids_are_lowercase_only() {
        let error = ClientSegment::try_new("Retail").unwrap_err();
        assert_eq!(
            error,
            ParseCodeError::InvalidCharacter {
                what: "segment",
                character: 'R',
                position: 0
            }
        );
    }

    #[test]
    fn lengths_are_counted_in_characters() {
        let long = "a".repeat(33);
        assert_eq!(
            CatalogueId::try_new(&long).unwrap_err(),
            ParseCodeError::TooLong {
                what: "catalogue id",
                max: 32,
                found: 33
            }
        );
        assert!(CatalogueId::try_new(&"a".repeat(32)).is_ok());
    }

    #[test]
    fn position_counts_leading_space() {
        let error = Sku::try_new("  AB C").unwrap_err();
        assert_eq!(
            error,
            ParseCodeError::InvalidCharacter {
                what: "sku",
                character: ' ',
                position: 4
            }
        );
    }

    #[test]
    fn control_characters_are_invalid_characters_where_typed() {
        assert_eq!(
            LocationId::try_new(" riga\u{0}").unwrap_err(),
            ParseCodeError::InvalidCharacter {
                what: "location id",
                character: '\u{0}',
                position: 5
            }
        );
        assert_eq!(
            OrderReference::try_new("\n\t ").unwrap_err(),
            ParseCodeError::Empty {
                what: "order reference"
            }
        );
        assert!(SupplierReference::try_new("Ā1").is_err());
    }

    #[test]
    fn serde_goes_through_the_constructor() {
        let sku: Sku = serde_json::from_str("\"LAP-1\"").unwrap();
        assert_eq!(serde_json::to_string(&sku).unwrap(), "\"LAP-1\"");
        assert!(serde_json::from_str::<Sku>("\"LAP 1\"").is_err());
    }
}
