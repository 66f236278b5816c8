//! Carriers and their delivery windows.

use std::fmt;

use apkalpe_core::LocalizedText;
use chrono::NaiveTime;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

use super::DeliveryError;
use crate::code::CarrierId;

/// The hours of the day a carrier delivers (*piegādes laiks*), such as 09:00–17:00.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::DeliveryWindow;
/// use chrono::NaiveTime;
///
/// let window = DeliveryWindow::try_new(
///     NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
///     NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
/// )?;
/// assert_eq!(window.to_string(), "09:00–17:00");
/// # Ok::<(), apkalpe_catalogue::DeliveryError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "WindowFields"))]
pub struct DeliveryWindow {
    pub(super) from: NaiveTime,
    pub(super) until: NaiveTime,
}

#[cfg(feature = "serde")]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct WindowFields {
    from: NaiveTime,
    until: NaiveTime,
}

#[cfg(feature = "serde")]
impl TryFrom<WindowFields> for DeliveryWindow {
    type Error = DeliveryError;

    fn try_from(fields: WindowFields) -> Result<Self, Self::Error> {
        DeliveryWindow::try_new(fields.from, fields.until)
    }
}

impl DeliveryWindow {
    /// Creates a window.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::InvalidWindow`] if `until` is not after `from`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::DeliveryWindow;
    /// use chrono::NaiveTime;
    ///
    /// let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    /// let window = DeliveryWindow::try_new(at(9), at(17))?;
    /// assert_eq!(window.to_string(), "09:00–17:00");
    /// assert_eq!(DeliveryWindow::try_new(at(17), at(9)).unwrap_err().code(), "delivery.invalid_window");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(from: NaiveTime, until: NaiveTime) -> Result<Self, DeliveryError> {
        if until <= from {
            return Err(DeliveryError::InvalidWindow { from, until });
        }
        Ok(DeliveryWindow { from, until })
    }

    /// Returns the start.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let courier = file.delivery().carrier(&"courier".parse()?).ok_or("none")?;
    /// assert_eq!(courier.window().from().to_string(), "09:00:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from(&self) -> NaiveTime {
        self.from
    }

    /// Returns the end.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let courier = file.delivery().carrier(&"courier".parse()?).ok_or("none")?;
    /// assert_eq!(courier.window().until().to_string(), "18:00:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn until(&self) -> NaiveTime {
        self.until
    }
}

impl fmt::Display for DeliveryWindow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}–{}",
            self.from.format("%H:%M"),
            self.until.format("%H:%M")
        )
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct CarrierFields {
    id: CarrierId,
    name: LocalizedText,
    lead_time_working_days: u32,
    capacity_per_day: u32,
    window: DeliveryWindow,
}

#[cfg(feature = "serde")]
impl TryFrom<CarrierFields> for Carrier {
    type Error = DeliveryError;

    fn try_from(fields: CarrierFields) -> Result<Self, Self::Error> {
        Carrier::try_new(
            fields.id,
            fields.name,
            fields.lead_time_working_days,
            fields.capacity_per_day,
            fields.window,
        )
    }
}

/// A carrier (*pārvadātājs*): a lead time in working days from dispatch to delivery, the
/// number of orders it takes per day, and its delivery window.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Carrier, DeliveryWindow};
/// use apkalpe_core::{Language, LocalizedText};
/// use chrono::NaiveTime;
///
/// let window = DeliveryWindow::try_new(
///     NaiveTime::from_hms_opt(9, 0, 0).unwrap(),
///     NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
/// )?;
/// let courier = Carrier::try_new("courier".parse()?, LocalizedText::new(Language::Latvian, "Kurjers"), 2, 20, window)?;
/// assert_eq!(courier.lead_time_working_days(), 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "CarrierFields"))]
pub struct Carrier {
    pub(super) id: CarrierId,
    pub(super) name: LocalizedText,
    pub(super) lead_time_working_days: u32,
    pub(super) capacity_per_day: u32,
    pub(super) window: DeliveryWindow,
}

impl Carrier {
    /// Creates a carrier.
    ///
    /// # Errors
    ///
    /// [`DeliveryError::ZeroCapacity`] for a capacity of 0.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Carrier, DeliveryWindow};
    /// use apkalpe_core::{Language, LocalizedText};
    /// use chrono::NaiveTime;
    ///
    /// let at = |h| NaiveTime::from_hms_opt(h, 0, 0).unwrap();
    /// let van = Carrier::try_new("van".parse()?, LocalizedText::new(Language::Latvian, "Busiņš"), 2, 5, DeliveryWindow::try_new(at(8), at(16))?)?;
    /// assert_eq!(van.capacity_per_day(), 5);
    /// let error = Carrier::try_new("van".parse()?, LocalizedText::new(Language::Latvian, "Busiņš"), 2, 0, van.window()).unwrap_err();
    /// assert_eq!(error.code(), "delivery.zero_capacity");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn try_new(
        id: CarrierId,
        name: LocalizedText,
        lead_time_working_days: u32,
        capacity_per_day: u32,
        window: DeliveryWindow,
    ) -> Result<Self, DeliveryError> {
        if capacity_per_day == 0 {
            return Err(DeliveryError::ZeroCapacity { carrier: id });
        }
        Ok(Carrier {
            id,
            name,
            lead_time_working_days,
            capacity_per_day,
            window,
        })
    }

    /// Returns the id.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let ids: Vec<&str> = file.delivery().carriers().map(|c| c.id().as_str()).collect();
    /// assert_eq!(ids, ["courier", "freight"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &CarrierId {
        &self.id
    }

    /// Returns the name.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    /// use apkalpe_core::Language;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let freight = file.delivery().carrier(&"freight".parse()?).ok_or("none")?;
    /// assert_eq!(freight.name().get(Language::Latvian), "Kravu pārvadājumi");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &LocalizedText {
        &self.name
    }

    /// Returns the lead time in working days.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let freight = file.delivery().carrier(&"freight".parse()?).ok_or("none")?;
    /// assert_eq!(freight.lead_time_working_days(), 3);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lead_time_working_days(&self) -> u32 {
        self.lead_time_working_days
    }

    /// Returns the orders the carrier takes per day.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let freight = file.delivery().carrier(&"freight".parse()?).ok_or("none")?;
    /// assert_eq!(freight.capacity_per_day(), 2);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn capacity_per_day(&self) -> u32 {
        self.capacity_per_day
    }

    /// Returns the delivery window.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let freight = file.delivery().carrier(&"freight".parse()?).ok_or("none")?;
    /// assert_eq!(freight.window().to_string(), "08:00–16:00");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn window(&self) -> DeliveryWindow {
        self.window
    }
}
