//! The acceptance–transfer act (*pieņemšanas–nodošanas akts*) and its signatories.

use crate::document::DocumentKind;
#[cfg(feature = "serde")]
use crate::document::saved::NumberRecord;
#[cfg(feature = "serde")]
use crate::document::saved::{self};
use crate::error::{AccountingError, LineError, ValidationReport};
use crate::goods::{ItemLine, check_common, lines_value};
#[cfg(feature = "serde")]
use crate::goods::{ItemLineRecord, check_value, restore_lines};
use crate::line::{MAX_TEXT_CHARS, check_text};
#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::{DocumentNumber, Money, NumberSeries, Party};
use chrono::NaiveDate;

/// A person who signs a document (*parakstītājs*): name and position.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::Signatory;
///
/// let signatory = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
/// assert_eq!(signatory.to_string(), "Anna Bērziņa, valdes locekle");
/// # Ok::<(), apkalpe_accounting::LineError>(())
/// ```
///
/// Saved as `{"name", "position"}`; it deserialises through [`Signatory::try_new`].
///
/// # Name
///
/// Another Apkalpe crate has a type of the same name: `apkalpe_documents::Signatory` (a party
/// signing a contract). Import this one as
/// [`prelude::AccountingSignatory`](crate::prelude::AccountingSignatory) (`use
/// apkalpe_accounting::prelude::*;`), or write `apkalpe_accounting::Signatory`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "SignatoryRecord"))]
pub struct Signatory {
    name: String,
    position: String,
}

#[cfg(feature = "serde")]
/// The saved form of a [`Signatory`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct SignatoryRecord {
    name: String,
    position: String,
}

#[cfg(feature = "serde")]
impl TryFrom<SignatoryRecord> for Signatory {
    type Error = RestoreError;

    fn try_from(record: SignatoryRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "Signatory";
        Ok(Signatory {
            name: saved::text(WHAT, "name", &record.name, "signatory name")?,
            position: saved::text(WHAT, "position", &record.position, "signatory position")?,
        })
    }
}

impl Signatory {
    /// Creates a signatory.
    ///
    /// # Errors
    ///
    /// [`LineError::Text`] for a blank name or position, or one above 200 characters.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(anna.name(), "Anna Bērziņa");
    /// assert!(Signatory::try_new("Anna Bērziņa", " ").is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(name: &str, position: &str) -> Result<Self, LineError> {
        Ok(Signatory {
            name: check_text(name, "signatory name", MAX_TEXT_CHARS)?,
            position: check_text(position, "signatory position", MAX_TEXT_CHARS)?,
        })
    }

    /// Returns the given name and surname.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(anna.name(), "Anna Bērziņa");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the position.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(anna.position(), "valdes locekle");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn position(&self) -> &str {
        &self.position
    }
}

impl std::fmt::Display for Signatory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {}", self.name, self.position)
    }
}

/// An acceptance–transfer act being prepared (*pieņemšanas–nodošanas akta sagatave*): the
/// provider hands over services rendered in a period, the client accepts them.
///
/// Serves: S25.
///
/// # Legal basis
///
/// Grāmatvedības likums art. 11(5) (sources §3b \[I4\]): type name, date, number, the author
/// with its registration number, the other party, the services with quantity, unit and value.
/// The signatures are what the act is for; GL art. 11(8) lets an electronic document go
/// without one \[I5\]\[I6\], so the signatories are named and the rendering leaves room to sign.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
/// use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
/// use chrono::NaiveDate;
/// use rust_decimal_macros::dec;
///
/// let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
/// let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
///     .try_with_registration_number("40003521600".parse()?)?;
/// let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
///     .try_with_registration_number("40103471306".parse()?)?;
/// let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
/// let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
///
/// let draft = DraftAcceptanceAct::new(provider, client, start, end)
///     .with_line(ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
///         .with_unit_price(Money::new(dec!(25), Currency::EUR)));
/// assert_eq!(draft.validate().codes(), ["requisite.provider_signatory", "requisite.client_signatory"]);
///
/// let act = draft
///     .with_provider_signatory(Signatory::try_new("Anna Bērziņa", "valdes locekle")?)
///     .with_client_signatory(Signatory::try_new("Jānis Kalniņš", "direktors")?)
///     .issue(&mut NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?, end)?;
/// assert_eq!(act.number().as_str(), "AKTS2026-001");
/// assert_eq!(act.value().map(|value| value.to_string()), Some("1000.00 EUR".to_owned()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Saved form
///
/// `{"provider", "client", "period_start", "period_end", "lines", "provider_signatory",
/// "client_signatory"}` (absent signatories `null`); it deserialises through each line's and
/// signatory's check.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "DraftAcceptanceActRecord"))]
pub struct DraftAcceptanceAct {
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLine>,
    provider_signatory: Option<Signatory>,
    client_signatory: Option<Signatory>,
}

#[cfg(feature = "serde")]
/// The saved form of a [`DraftAcceptanceAct`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct DraftAcceptanceActRecord {
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLineRecord>,
    provider_signatory: Option<Signatory>,
    client_signatory: Option<Signatory>,
}

#[cfg(feature = "serde")]
impl TryFrom<DraftAcceptanceActRecord> for DraftAcceptanceAct {
    type Error = RestoreError;

    fn try_from(record: DraftAcceptanceActRecord) -> Result<Self, Self::Error> {
        Ok(DraftAcceptanceAct {
            provider: record.provider,
            client: record.client,
            period_start: record.period_start,
            period_end: record.period_end,
            lines: restore_lines(record.lines, "DraftAcceptanceAct")?,
            provider_signatory: record.provider_signatory,
            client_signatory: record.client_signatory,
        })
    }
}

impl DraftAcceptanceAct {
    /// Creates an empty act for services rendered from `period_start` to `period_end`
    /// inclusive.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// let empty = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end);
    /// assert_eq!(empty.validate().codes(), ["requisite.lines_missing", "requisite.provider_signatory", "requisite.client_signatory"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(
        provider: Party,
        client: Party,
        period_start: NaiveDate,
        period_end: NaiveDate,
    ) -> Self {
        DraftAcceptanceAct {
            provider,
            client,
            period_start,
            period_end,
            lines: Vec::new(),
            provider_signatory: None,
            client_signatory: None,
        }
    }

    /// Adds a service at the end.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// let more = draft.with_line(hours.clone());
    /// assert!(more.validate().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_line(mut self, line: ItemLine) -> Self {
        self.lines.push(line);
        self
    }

    /// Sets who signs for the provider (*nodeva*).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// let unsigned = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end).with_line(hours.clone());
    /// assert_eq!(unsigned.with_provider_signatory(anna.clone()).validate().codes(), ["requisite.client_signatory"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_provider_signatory(mut self, signatory: Signatory) -> Self {
        self.provider_signatory = Some(signatory);
        self
    }

    /// Sets who signs for the client (*pieņēma*).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// let unsigned = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end).with_line(hours.clone());
    /// assert_eq!(unsigned.with_client_signatory(janis.clone()).validate().codes(), ["requisite.provider_signatory"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_client_signatory(mut self, signatory: Signatory) -> Self {
        self.client_signatory = Some(signatory);
        self
    }

    /// Checks every requisite; an empty report means the act can be issued.
    ///
    /// Codes: `requisite.lines_missing`, `requisite.seller_registration_number`,
    /// `requisite.seller_taxpayer_code`, `requisite.buyer_identification`,
    /// `requisite.line_value`, `line.currency`, `line.negative_price`, `totals.overflow`,
    /// `requisite.period_order`,
    /// `requisite.provider_signatory`, `requisite.client_signatory`.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert!(draft.validate().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> ValidationReport {
        let mut report = ValidationReport::default();
        check_common(
            &mut report,
            ("provider", &self.provider),
            ("client", &self.client),
            &self.lines,
            true,
        );
        if self.period_end < self.period_start {
            report.add(
                "period",
                "requisite.period_order",
                format!(
                    "the period ends on {} before it starts on {}",
                    self.period_end, self.period_start
                ),
                format!(
                    "periods beidzas {}, pirms tas sākas {}",
                    self.period_end, self.period_start
                ),
            );
        }
        if self.provider_signatory.is_none() {
            report.add(
                "provider_signatory",
                "requisite.provider_signatory",
                "the act names who hands the services over",
                "aktā norāda, kas pakalpojumus nodod",
            );
        }
        if self.client_signatory.is_none() {
            report.add(
                "client_signatory",
                "requisite.client_signatory",
                "the act names who accepts the services",
                "aktā norāda, kas pakalpojumus pieņem",
            );
        }
        report
    }

    /// Issues the act with the next number of `series` for `issue_date`.
    ///
    /// # Errors
    ///
    /// - [`AccountingError::Invalid`] with every finding (no number is taken);
    /// - [`AccountingError::NumberSeries`] when the series refuses the date;
    /// - [`AccountingError::Money`] when a sum overflows.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// let second = draft.issue(&mut acts, end)?;
    /// assert_eq!(second.number().as_str(), "AKTS2026-002");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn issue(
        self,
        series: &mut NumberSeries,
        issue_date: NaiveDate,
    ) -> Result<AcceptanceAct, AccountingError> {
        self.validate().into_result()?;
        let (Some(provider_signatory), Some(client_signatory)) =
            (self.provider_signatory, self.client_signatory)
        else {
            return Err(AccountingError::Internal {
                code: "acceptance_act.signatories_checked",
            });
        };
        let value = lines_value(&self.lines)?;
        let number = series.issue(issue_date)?;
        Ok(AcceptanceAct {
            number,
            issue_date,
            provider: self.provider,
            client: self.client,
            period_start: self.period_start,
            period_end: self.period_end,
            lines: self.lines,
            provider_signatory,
            client_signatory,
            value,
        })
    }
}

/// An issued acceptance–transfer act: numbered, with both signatories, no setters.
///
/// # Saved form
///
/// `{"number", "issue_date", "provider", "client", "period_start", "period_end", "lines",
/// "provider_signatory", "client_signatory", "value"}`. It deserialises through what issuing
/// guaranteed: a well-formed number of the issue date's year, every requisite of
/// [`DraftAcceptanceAct::validate`], and the value the lines give.
///
/// # Examples
///
/// See [`DraftAcceptanceAct`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "AcceptanceActRecord"))]
pub struct AcceptanceAct {
    number: DocumentNumber,
    issue_date: NaiveDate,
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLine>,
    provider_signatory: Signatory,
    client_signatory: Signatory,
    value: Option<Money>,
}

#[cfg(feature = "serde")]
/// The saved form of an [`AcceptanceAct`].
#[cfg_attr(feature = "serde", derive(serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct AcceptanceActRecord {
    number: NumberRecord,
    issue_date: NaiveDate,
    provider: Party,
    client: Party,
    period_start: NaiveDate,
    period_end: NaiveDate,
    lines: Vec<ItemLineRecord>,
    provider_signatory: Signatory,
    client_signatory: Signatory,
    value: Option<Money>,
}

#[cfg(feature = "serde")]
impl TryFrom<AcceptanceActRecord> for AcceptanceAct {
    type Error = RestoreError;

    fn try_from(record: AcceptanceActRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "AcceptanceAct";
        let issue_date = record.issue_date;
        let number = saved::number_dated(record.number, WHAT, "number", issue_date, "issue_date")?;
        let draft = DraftAcceptanceAct {
            provider: record.provider,
            client: record.client,
            period_start: record.period_start,
            period_end: record.period_end,
            lines: restore_lines(record.lines, WHAT)?,
            provider_signatory: Some(record.provider_signatory),
            client_signatory: Some(record.client_signatory),
        };
        saved::requisites(WHAT, "", draft.validate())?;
        check_value(WHAT, record.value, &draft.lines)?;
        let (Some(provider_signatory), Some(client_signatory)) =
            (draft.provider_signatory, draft.client_signatory)
        else {
            return Err(
                RestoreError::missing(WHAT, "provider_signatory", "checked above")
                    .with_latvian_reason("pārbaudīts iepriekš"),
            );
        };
        Ok(AcceptanceAct {
            number,
            issue_date,
            provider: draft.provider,
            client: draft.client,
            period_start: draft.period_start,
            period_end: draft.period_end,
            lines: draft.lines,
            provider_signatory,
            client_signatory,
            value: record.value,
        })
    }
}

impl AcceptanceAct {
    /// Returns the number.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.number().as_str(), "AKTS2026-001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn number(&self) -> &DocumentNumber {
        &self.number
    }

    /// Returns the issue date.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.issue_date(), end);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn issue_date(&self) -> NaiveDate {
        self.issue_date
    }

    /// Returns the provider (the author).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.provider(), &provider);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn provider(&self) -> &Party {
        &self.provider
    }

    /// Returns the client.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.client(), &client);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn client(&self) -> &Party {
        &self.client
    }

    /// Returns the first day of the period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.period_start(), start);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn period_start(&self) -> NaiveDate {
        self.period_start
    }

    /// Returns the last day of the period.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.period_end(), end);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn period_end(&self) -> NaiveDate {
        self.period_end
    }

    /// Returns the services.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.lines(), [hours]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[ItemLine] {
        &self.lines
    }

    /// Returns who signs for the provider.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.provider_signatory(), &anna);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn provider_signatory(&self) -> &Signatory {
        &self.provider_signatory
    }

    /// Returns who signs for the client.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.client_signatory(), &janis);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn client_signatory(&self) -> &Signatory {
        &self.client_signatory
    }

    /// Returns the value without VAT.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// assert_eq!(act.value(), Some(Money::new(dec!(1000.00), Currency::EUR)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn value(&self) -> Option<Money> {
        self.value
    }

    /// Returns [`DocumentKind::AcceptanceAct`].
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{DraftAcceptanceAct, ItemLine, Quantity, Signatory, UnitCode};
    /// # use apkalpe_core::{Address, CountryCode, Currency, Money, NumberSeries, Party, PartyName, YearReset};
    /// # use chrono::NaiveDate;
    /// # use rust_decimal_macros::dec;
    /// # let riga = Address::try_new("Brīvības iela 1", "Rīga", Some("LV-1010"), CountryCode::LV)?;
    /// # let provider = Party::organisation(PartyName::try_new("SIA Apkalpe")?, riga.clone())
    /// #     .try_with_registration_number("40003521600".parse()?)?;
    /// # let client = Party::organisation(PartyName::try_new("SIA Klients")?, riga)
    /// #     .try_with_registration_number("40103471306".parse()?)?;
    /// # let start = NaiveDate::from_ymd_opt(2026, 2, 1).ok_or("bad date")?;
    /// # let end = NaiveDate::from_ymd_opt(2026, 2, 28).ok_or("bad date")?;
    /// # let hours = ItemLine::try_new("Klientu apkalpošana", Quantity::try_new(dec!(40))?, UnitCode::HOUR)?
    /// #     .with_unit_price(Money::new(dec!(25), Currency::EUR));
    /// # let anna = Signatory::try_new("Anna Bērziņa", "valdes locekle")?;
    /// # let janis = Signatory::try_new("Jānis Kalniņš", "direktors")?;
    /// # let draft = DraftAcceptanceAct::new(provider.clone(), client.clone(), start, end)
    /// #     .with_line(hours.clone()).with_provider_signatory(anna.clone()).with_client_signatory(janis.clone());
    /// # let mut acts = NumberSeries::try_new("acts", "AKTS{year}-{seq:3}".parse()?, YearReset::EachYear)?;
    /// # let act = draft.clone().issue(&mut acts, end)?;
    /// # let _ = (&draft, &act, &hours, &anna, &janis, &provider, &client, &acts);
    /// use apkalpe_accounting::DocumentKind;
    /// assert_eq!(act.document_kind(), DocumentKind::AcceptanceAct);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn document_kind(&self) -> DocumentKind {
        DocumentKind::AcceptanceAct
    }
}
