//! Postal addresses.

#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::{Coded, Fields, PartyError, check_text};
use crate::CountryCode;
use crate::Language;
use crate::localized::latvian;

/// The most street lines an address may have.
const MAX_LINES: usize = 3;

/// The longest street line, city or region, in characters.
const MAX_LINE_CHARS: usize = 100;

/// The longest postal code of a country other than Latvia, in characters.
const MAX_POSTAL_CODE_CHARS: usize = 16;

/// A postal address (*pasta adrese*): one to three street lines, city, postal code, optional
/// region (*novads*, state) and country.
///
/// Rules, checked by every constructor:
/// - each street line, the city and the region are 1–100 characters without control
///   characters; surrounding whitespace is dropped;
/// - for Latvia the postal code is required and must be written `LV-NNNN` (`LV-1010`). Other
///   spellings (`1010`, `LV1010`, `lv-1010`) are refused with
///   `address.postal_code_format` rather than rewritten, so stored data is always what the
///   person entered, in the form the post office (*Latvijas Pasts*) prints;
/// - for other countries the postal code is optional, up to 16 letters, digits, spaces and
///   hyphens.
///
/// Serialised as `{"lines", "city", "postal_code", "region", "country"}` (absent values
/// left out) and deserialised through [`AddressInput`].
///
/// # Examples
///
/// ```
/// use apkalpe_core::{Address, CountryCode};
///
/// let address = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// assert_eq!(address.postal_code(), Some("LV-1010"));
///
/// let error = Address::try_new("Brīvības iela 1", "Rīga", Some("1010"), CountryCode::LV).unwrap_err();
/// assert_eq!(error.fields()[0].code(), "address.postal_code_format");
/// assert_eq!(error.fields()[0].field(), "postal_code");
/// # Ok::<(), apkalpe_core::PartyError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AddressInput"))]
pub struct Address {
    lines: Vec<String>,
    city: String,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    postal_code: Option<String>,
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    region: Option<String>,
    country: CountryCode,
}

/// A postal address as entered, before checking: the raw form of [`Address`].
///
/// Blank street lines are skipped, and a blank postal code or region counts as absent. A
/// plain record the caller fills in; [`Address::try_from`] checks it.
///
/// # Examples
///
/// ```
/// # #[cfg(feature = "serde")] {
/// use apkalpe_core::{Address, AddressInput};
///
/// let input: AddressInput = serde_json::from_str(r#"{
///     "lines": ["Brīvības iela 1", "k-2"], "city": "Rīga", "postal_code": "LV-1010", "country": "LV"
/// }"#)?;
/// let address = Address::try_from(input)?;
/// assert_eq!(address.lines(), ["Brīvības iela 1", "k-2"]);
/// # }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct AddressInput {
    /// Street, house, flat: one to three lines.
    pub lines: Vec<String>,
    /// City, town or village (*pilsēta*, *ciems*).
    pub city: String,
    /// Postal code: `LV-NNNN` in Latvia.
    #[cfg_attr(feature = "serde", serde(default))]
    pub postal_code: Option<String>,
    /// Region, municipality or state, if the address needs one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2 country code (`LV`).
    pub country: String,
}

/// Why a postal code was refused.
#[derive(Debug)]
enum PostalCodeProblem {
    /// Latvia without a postal code.
    Missing,
    /// Not `LV-NNNN` in Latvia.
    Latvian,
    /// Not up to 16 letters, digits, spaces and hyphens elsewhere.
    Other,
}

impl Coded for PostalCodeProblem {
    fn code(&self) -> &'static str {
        match self {
            PostalCodeProblem::Missing => "address.postal_code_missing",
            PostalCodeProblem::Latvian | PostalCodeProblem::Other => "address.postal_code_format",
        }
    }

    fn fmt_in(&self, language: Language, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let latvian = language == Language::Latvian;
        f.write_str(match self {
            PostalCodeProblem::Missing if latvian => "Latvijas adresei vajadzīgs pasta indekss",
            PostalCodeProblem::Missing => "a latvian address needs a postal code",
            PostalCodeProblem::Latvian if latvian => {
                "Latvijas pasta indekss jāraksta formā LV-NNNN, piemēram, LV-1010"
            }
            PostalCodeProblem::Latvian => "latvian postal code must be written LV-NNNN, as LV-1010",
            PostalCodeProblem::Other if latvian => {
                "pasta indeksā var būt līdz 16 burtiem, cipariem, atstarpēm un defisēm"
            }
            PostalCodeProblem::Other => {
                "postal code must be up to 16 letters, digits, spaces and hyphens"
            }
        })
    }
}

/// Checks a postal code (already trimmed, blank turned into `None`) for a country.
fn check_postal_code(
    postal_code: Option<&str>,
    country: CountryCode,
) -> Result<Option<String>, PostalCodeProblem> {
    let Some(code) = postal_code else {
        return if country == CountryCode::LV {
            Err(PostalCodeProblem::Missing)
        } else {
            Ok(None)
        };
    };
    if country == CountryCode::LV {
        let digits = code.strip_prefix("LV-").unwrap_or_default();
        if digits.len() != 4 || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
            return Err(PostalCodeProblem::Latvian);
        }
    } else if code.chars().count() > MAX_POSTAL_CODE_CHARS
        || !code
            .chars()
            .all(|character| character.is_ascii_alphanumeric() || matches!(character, ' ' | '-'))
    {
        return Err(PostalCodeProblem::Other);
    }
    Ok(Some(code.to_owned()))
}

/// Trims an optional text and turns a blank one into `None`.
pub(super) fn non_blank(text: Option<&str>) -> Option<&str> {
    text.map(str::trim).filter(|text| !text.is_empty())
}

impl Address {
    /// Creates an address with one street line and no region.
    ///
    /// # Errors
    ///
    /// [`PartyError::Invalid`] listing every field that breaks the rules on the type:
    /// `address.no_street_line` for a blank street (field `lines`); `text.blank`,
    /// `text.too_long`, `text.control_character` (fields `lines[0]`, `city`);
    /// `address.postal_code_missing` and `address.postal_code_format` (`postal_code`).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Address, CountryCode};
    ///
    /// let tallinn = Address::try_new("Narva mnt 7", "Tallinn", Some("10117"), CountryCode::EE)?;
    /// assert_eq!(tallinn.city(), "Tallinn");
    /// assert_eq!(tallinn.country(), CountryCode::EE);
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn try_new(
        street: &str,
        city: &str,
        postal_code: Option<&str>,
        country: CountryCode,
    ) -> Result<Self, PartyError> {
        let mut fields = Fields::new("");
        let address = build(&mut fields, &[street], city, postal_code, None, Ok(country));
        fields.finish(address)
    }

    /// Returns the street lines (one to three).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Address, CountryCode};
    ///
    /// let address = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// assert_eq!(address.lines(), ["Brīvības iela 1"]);
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Returns the city.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Address, CountryCode};
    ///
    /// let address = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// assert_eq!(address.city(), "Rīga");
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn city(&self) -> &str {
        &self.city
    }

    /// Returns the postal code, if the address has one (always for Latvia).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Address, CountryCode};
    ///
    /// let address = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// assert_eq!(address.postal_code(), Some("LV-1010"));
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn postal_code(&self) -> Option<&str> {
        self.postal_code.as_deref()
    }

    /// Returns the region, if any.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Address, CountryCode};
    ///
    /// let address = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// assert_eq!(address.region(), None);
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// Returns the country.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Address, CountryCode};
    ///
    /// let address = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// assert_eq!(address.country(), CountryCode::LV);
    /// # Ok::<(), apkalpe_core::PartyError>(())
    /// ```
    pub fn country(&self) -> CountryCode {
        self.country
    }
}

/// Checks the parts of an address, recording problems in `fields`; `None` if any failed.
pub(super) fn build<S: AsRef<str>>(
    fields: &mut Fields,
    lines: &[S],
    city: &str,
    postal_code: Option<&str>,
    region: Option<&str>,
    country: Result<CountryCode, crate::ParseCountryCodeError>,
) -> Option<Address> {
    let mut checked_lines = Vec::new();
    let mut lines_ok = true;
    for (index, line) in lines.iter().enumerate() {
        let line = line.as_ref();
        if line.trim().is_empty() {
            continue;
        }
        match check_text(line, MAX_LINE_CHARS) {
            Ok(text) => checked_lines.push(text),
            Err(problem) => {
                lines_ok = false;
                fields.push_problem(&format!("lines[{index}]"), &problem);
            }
        }
    }
    if lines_ok && checked_lines.is_empty() {
        lines_ok = false;
        fields.push(
            "lines",
            "address.no_street_line",
            "address needs a street line",
            "adresē jābūt ielas rindai",
        );
    }
    if checked_lines.len() > MAX_LINES {
        lines_ok = false;
        fields.push(
            "lines",
            "address.too_many_lines",
            format!(
                "address has {} street lines, at most {MAX_LINES} are allowed",
                checked_lines.len()
            ),
            format!(
                "adresē ir {}, atļautas ne vairāk kā {MAX_LINES}",
                latvian::count(latvian::STREET_LINES, checked_lines.len())
            ),
        );
    }
    let city = fields.take("city", check_text(city, MAX_LINE_CHARS));
    // A postal code cannot be judged without a valid country.
    let postal_code = match &country {
        Ok(country) => fields.take(
            "postal_code",
            check_postal_code(non_blank(postal_code), *country),
        ),
        Err(_) => None,
    };
    let region = match non_blank(region) {
        Some(region) => fields
            .take("region", check_text(region, MAX_LINE_CHARS))
            .map(Some),
        None => Some(None),
    };
    let country = fields.take("country", country);
    Some(Address {
        lines: lines_ok.then_some(checked_lines)?,
        city: city?,
        postal_code: postal_code?,
        region: region?,
        country: country?,
    })
}

impl TryFrom<AddressInput> for Address {
    type Error = PartyError;

    /// Checks an entered address, reporting every invalid field at once.
    fn try_from(input: AddressInput) -> Result<Self, Self::Error> {
        let mut fields = Fields::new("");
        let country = CountryCode::try_new(input.country.trim());
        let address = build(
            &mut fields,
            &input.lines,
            &input.city,
            input.postal_code.as_deref(),
            input.region.as_deref(),
            country,
        );
        fields.finish(address)
    }
}
