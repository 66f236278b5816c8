//! The records a stock holds: levels on hand, incoming supplies and reservations.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize};

#[cfg(feature = "serde")]
use super::positive;
use crate::code::{LocationId, OrderReference, Sku};
use crate::unit::Quantity;

/// Stock on hand of one SKU at one location, as a catalogue file lists it.
///
/// The crate reads it from a file (the `"stock"` list of a [`CatalogueFile`](crate::CatalogueFile),
/// the `"levels"` of a saved [`Stock`](crate::Stock)); read it through its getters. A caller
/// changes stock through [`Stock`](crate::Stock)'s operations, not with this record.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Quantity, StockLevel};
///
/// let level: StockLevel = serde_json::from_str(r#"{"sku": "PEN-1", "location": "shop", "on_hand": "10"}"#)?;
/// assert_eq!(level.on_hand(), Quantity::from_whole(10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StockLevel {
    /// The SKU.
    pub(crate) sku: Sku,
    /// The location.
    pub(crate) location: LocationId,
    /// The quantity on hand.
    pub(crate) on_hand: Quantity,
}

impl StockLevel {
    /// Returns the SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::StockLevel;
    ///
    /// let level: StockLevel = serde_json::from_str(r#"{"sku": "PEN-1", "location": "shop", "on_hand": "10"}"#)?;
    /// assert_eq!(level.sku().as_str(), "PEN-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sku(&self) -> &Sku {
        &self.sku
    }

    /// Returns the location.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::StockLevel;
    ///
    /// let level: StockLevel = serde_json::from_str(r#"{"sku": "PEN-1", "location": "shop", "on_hand": "10"}"#)?;
    /// assert_eq!(level.location().as_str(), "shop");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn location(&self) -> &LocationId {
        &self.location
    }

    /// Returns the quantity on hand.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Quantity, StockLevel};
    ///
    /// let level: StockLevel = serde_json::from_str(r#"{"sku": "PEN-1", "location": "shop", "on_hand": "10"}"#)?;
    /// assert_eq!(level.on_hand(), Quantity::from_whole(10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn on_hand(&self) -> Quantity {
        self.on_hand
    }
}

/// A supply on its way (*gaidāmā piegāde*): a purchase order or transfer expected on a date.
///
/// A plain record the caller fills in, with public fields: [`Stock::expect_supply`](crate::Stock::expect_supply)
/// checks it (a quantity above zero, a reference not expected yet).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::CatalogueFile;
/// use apkalpe_core::Calendar;
///
/// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let stock = file.stock();
/// let supply = &stock.supplies(&"LAP-DELL-5440".parse()?)[0];
/// assert_eq!(supply.expected, Calendar::date(2026, 12, 21)?);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct IncomingSupply {
    /// The reference of the supply (purchase order number).
    pub reference: OrderReference,
    /// The SKU.
    pub sku: Sku,
    /// The location it will arrive at.
    pub location: LocationId,
    /// The quantity expected.
    pub quantity: Quantity,
    /// The expected arrival date.
    pub expected: NaiveDate,
}

/// A reservation (*rezervācija*): a quantity held for an order until its last day.
///
/// Saved as `{"reference", "sku", "quantity", "expires"}`; deserialising refuses a quantity of
/// zero, as [`Stock::reserve`](crate::Stock::reserve) does, with a [`RestoreError`](apkalpe_core::RestoreError).
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{CatalogueFile, LocationId, Quantity, Sku};
/// use apkalpe_core::Calendar;
///
/// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
/// let stock = file.stock_mut();
/// let laptop: Sku = "LAP-E14-G5".parse()?;
/// let riga: LocationId = "riga-central".parse()?;
/// let _ = (&riga, Quantity::ZERO, Calendar::latvia());
/// stock.reserve("PAS-1".parse()?, &laptop, Quantity::from_whole(1), Calendar::date(2026, 12, 7)?, Calendar::date(2026, 12, 14)?)?;
/// let reservation = &stock.reservations(&laptop)[0];
/// assert!(reservation.is_active_on(Calendar::date(2026, 12, 14)?));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ReservationRecord"))]
pub struct Reservation {
    pub(super) reference: OrderReference,
    pub(super) sku: Sku,
    pub(super) quantity: Quantity,
    pub(super) expires: NaiveDate,
}

#[cfg(feature = "serde")]
/// The saved form of a [`Reservation`], as read back.
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
struct ReservationRecord {
    reference: OrderReference,
    sku: Sku,
    quantity: Quantity,
    expires: NaiveDate,
}

#[cfg(feature = "serde")]
impl TryFrom<ReservationRecord> for Reservation {
    type Error = RestoreError;

    fn try_from(record: ReservationRecord) -> Result<Self, Self::Error> {
        positive(&record.sku, record.quantity)
            .map_err(|error| RestoreError::invalid("Reservation", "quantity", error))?;
        Ok(Reservation {
            reference: record.reference,
            sku: record.sku,
            quantity: record.quantity,
            expires: record.expires,
        })
    }
}

impl Reservation {
    /// Returns the order reference.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, LocationId, Quantity, Sku};
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock_mut();
    /// let laptop: Sku = "LAP-E14-G5".parse()?;
    /// let riga: LocationId = "riga-central".parse()?;
    /// let _ = (&riga, Quantity::ZERO, Calendar::latvia());
    /// stock.reserve("PAS-1".parse()?, &laptop, Quantity::from_whole(1), Calendar::date(2026, 12, 7)?, Calendar::date(2026, 12, 14)?)?;
    /// assert_eq!(stock.reservations(&laptop)[0].reference().as_str(), "PAS-1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reference(&self) -> &OrderReference {
        &self.reference
    }

    /// Returns the SKU.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, LocationId, Quantity, Sku};
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock_mut();
    /// let laptop: Sku = "LAP-E14-G5".parse()?;
    /// let riga: LocationId = "riga-central".parse()?;
    /// let _ = (&riga, Quantity::ZERO, Calendar::latvia());
    /// stock.reserve("PAS-1".parse()?, &laptop, Quantity::from_whole(1), Calendar::date(2026, 12, 7)?, Calendar::date(2026, 12, 14)?)?;
    /// assert_eq!(stock.reservations(&laptop)[0].sku(), &laptop);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn sku(&self) -> &Sku {
        &self.sku
    }

    /// Returns the quantity.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, LocationId, Quantity, Sku};
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock_mut();
    /// let laptop: Sku = "LAP-E14-G5".parse()?;
    /// let riga: LocationId = "riga-central".parse()?;
    /// let _ = (&riga, Quantity::ZERO, Calendar::latvia());
    /// stock.reserve("PAS-1".parse()?, &laptop, Quantity::from_whole(1), Calendar::date(2026, 12, 7)?, Calendar::date(2026, 12, 14)?)?;
    /// assert_eq!(stock.reservations(&laptop)[0].quantity(), Quantity::from_whole(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the last day the reservation holds.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, LocationId, Quantity, Sku};
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock_mut();
    /// let laptop: Sku = "LAP-E14-G5".parse()?;
    /// let riga: LocationId = "riga-central".parse()?;
    /// let _ = (&riga, Quantity::ZERO, Calendar::latvia());
    /// stock.reserve("PAS-1".parse()?, &laptop, Quantity::from_whole(1), Calendar::date(2026, 12, 7)?, Calendar::date(2026, 12, 14)?)?;
    /// assert_eq!(stock.reservations(&laptop)[0].expires(), Calendar::date(2026, 12, 14)?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expires(&self) -> NaiveDate {
        self.expires
    }

    /// Tells whether the reservation holds on `date`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, LocationId, Quantity, Sku};
    /// use apkalpe_core::Calendar;
    ///
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock_mut();
    /// let laptop: Sku = "LAP-E14-G5".parse()?;
    /// let riga: LocationId = "riga-central".parse()?;
    /// let _ = (&riga, Quantity::ZERO, Calendar::latvia());
    /// stock.reserve("PAS-1".parse()?, &laptop, Quantity::from_whole(1), Calendar::date(2026, 12, 7)?, Calendar::date(2026, 12, 14)?)?;
    /// let reservation = &stock.reservations(&laptop)[0];
    /// assert!(reservation.is_active_on(Calendar::date(2026, 12, 14)?));
    /// assert!(!reservation.is_active_on(Calendar::date(2026, 12, 15)?));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        date <= self.expires
    }
}
