//! Stock and availability (*krājumi un pieejamība*, S32, T1.5): quantities on hand per
//! location, reservations with an expiry, incoming supplies with expected dates, and the answer
//! to "can I have it, and when?".
//!
//! # Invariants
//!
//! - On hand at a location is never below zero: a fulfilment or write-off that would take more
//!   returns [`StockError`] and changes nothing.
//! - Active reservations of a SKU never exceed its stock on hand plus its incoming supplies:
//!   a reservation may promise goods still on their way, never goods nobody expects.
//!
//! # The availability rule
//!
//! Reservations active on the date take stock on hand first, then incoming supplies in order
//! of expected date. What is left on hand is free now; what is left of each supply becomes free
//! on its expected date (a supply already overdue counts from the asked date, never as stock on
//! hand).
//!
//! The error and the operations are here; the records, the availability answer and the saved
//! form are in the submodules of the same names.

mod availability;
mod records;
#[cfg(feature = "serde")]
mod saved;

pub use availability::Availability;
pub use records::{IncomingSupply, Reservation, StockLevel};
#[cfg(feature = "serde")]
use saved::StockRecord;
#[cfg(feature = "serde")]
pub(crate) use saved::{IncomingView, LevelsView, ReservationsView};

use std::collections::{BTreeMap, HashMap};
use std::fmt;

use apkalpe_core::{Language, LocalizedError};
use chrono::NaiveDate;
#[cfg(feature = "serde")]
use serde::Deserialize;

use crate::code::{LocationId, OrderReference, Sku};
use crate::unit::Quantity;

/// The error returned by stock operations. A failed operation changes nothing.
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
/// let error = stock.reserve("PAS-1".parse()?, &laptop, Quantity::from_whole(9), Calendar::date(2026, 12, 7)?, Calendar::date(2026, 12, 14)?).unwrap_err();
/// assert_eq!(error.code(), "stock.insufficient");
/// assert_eq!(error.to_string(), "cannot reserve 9 of LAP-E14-G5: 4 free on hand and incoming");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum StockError {
    /// An operation on zero units.
    #[error("a stock operation on {sku} needs a quantity above zero")]
    ZeroQuantity {
        /// The SKU.
        sku: Sku,
    },
    /// A reservation would exceed stock on hand plus incoming.
    #[error("cannot reserve {requested} of {sku}: {available} free on hand and incoming")]
    InsufficientStock {
        /// The SKU.
        sku: Sku,
        /// The quantity asked for.
        requested: Quantity,
        /// The quantity free to reserve.
        available: Quantity,
    },
    /// A fulfilment or write-off would take a location below zero.
    #[error("cannot take {requested} of {sku} from {location}: {on_hand} on hand")]
    InsufficientAtLocation {
        /// The SKU.
        sku: Sku,
        /// The location.
        location: LocationId,
        /// The quantity asked for.
        requested: Quantity,
        /// The quantity on hand there.
        on_hand: Quantity,
    },
    /// A write-off or a cancelled supply would leave reservations without stock.
    #[error(
        "removing {requested} of {sku} would leave {reserved} reserved with only {remaining} on hand and incoming"
    )]
    WouldOverReserve {
        /// The SKU.
        sku: Sku,
        /// The quantity to remove.
        requested: Quantity,
        /// The quantity reserved.
        reserved: Quantity,
        /// What would remain on hand and incoming.
        remaining: Quantity,
    },
    /// No open reservation has this reference.
    #[error("no reservation {reference}")]
    UnknownReservation {
        /// The reference.
        reference: OrderReference,
    },
    /// A reservation with this reference is already open.
    #[error("reservation {reference} already exists")]
    DuplicateReservation {
        /// The reference.
        reference: OrderReference,
    },
    /// The reservation expired before the fulfilment date.
    #[error("reservation {reference} expired after {expires}")]
    ReservationExpired {
        /// The reference.
        reference: OrderReference,
        /// Its last day.
        expires: NaiveDate,
    },
    /// The reservation expires before the day it is made.
    #[error("reservation {reference} would expire on {expires}, before {today}")]
    ExpiryInThePast {
        /// The reference.
        reference: OrderReference,
        /// The expiry asked for.
        expires: NaiveDate,
        /// The day of the reservation.
        today: NaiveDate,
    },
    /// No incoming supply has this reference.
    #[error("no incoming supply {reference}")]
    UnknownSupply {
        /// The reference.
        reference: OrderReference,
    },
    /// An incoming supply with this reference already exists.
    #[error("incoming supply {reference} already exists")]
    DuplicateSupply {
        /// The reference.
        reference: OrderReference,
    },
    /// A quantity sum overflowed.
    #[error("the stock of {sku} overflowed")]
    Overflow {
        /// The SKU.
        sku: Sku,
    },
}

impl StockError {
    /// Returns the stable error code.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::StockError;
    ///
    /// assert_eq!(StockError::UnknownReservation { reference: "PAS-1".parse()? }.code(), "stock.unknown_reservation");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            StockError::ZeroQuantity { .. } => "stock.zero_quantity",
            StockError::InsufficientStock { .. } => "stock.insufficient",
            StockError::InsufficientAtLocation { .. } => "stock.insufficient_at_location",
            StockError::WouldOverReserve { .. } => "stock.would_over_reserve",
            StockError::UnknownReservation { .. } => "stock.unknown_reservation",
            StockError::DuplicateReservation { .. } => "stock.duplicate_reservation",
            StockError::ReservationExpired { .. } => "stock.reservation_expired",
            StockError::ExpiryInThePast { .. } => "stock.expiry_in_the_past",
            StockError::UnknownSupply { .. } => "stock.unknown_supply",
            StockError::DuplicateSupply { .. } => "stock.duplicate_supply",
            StockError::Overflow { .. } => "stock.overflow",
        }
    }
}

impl LocalizedError for StockError {
    fn code(&self) -> &'static str {
        StockError::code(self)
    }

    fn fmt_in(&self, language: Language, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if language != Language::Latvian {
            return fmt::Display::fmt(self, f);
        }
        match self {
            StockError::ZeroQuantity { sku } => write!(
                f,
                "krājumu darbībai ar {sku} vajadzīgs daudzums, kas lielāks par nulli"
            ),
            StockError::InsufficientStock {
                sku,
                requested,
                available,
            } => write!(
                f,
                "nevar rezervēt produkta {sku} daudzumu {requested}: brīvā krājumā un \
                 gaidāmajās piegādēs ir {available}"
            ),
            StockError::InsufficientAtLocation {
                sku,
                location,
                requested,
                on_hand,
            } => write!(
                f,
                "nevar paņemt produkta {sku} daudzumu {requested} no vietas {location}: tur ir \
                 {on_hand}"
            ),
            StockError::WouldOverReserve {
                sku,
                requested,
                reserved,
                remaining,
            } => write!(
                f,
                "noņemot produkta {sku} daudzumu {requested}, rezervēti paliktu {reserved}, bet krājumā \
                 un gaidāmajās piegādēs būtu tikai {remaining}"
            ),
            StockError::UnknownReservation { reference } => {
                write!(f, "nav rezervācijas {reference}")
            }
            StockError::DuplicateReservation { reference } => {
                write!(f, "rezervācija {reference} jau ir")
            }
            StockError::ReservationExpired { reference, expires } => {
                write!(f, "rezervācija {reference} bija spēkā tikai līdz {expires}")
            }
            StockError::ExpiryInThePast {
                reference,
                expires,
                today,
            } => write!(
                f,
                "rezervācijas {reference} termiņš {expires} ir pirms rezervēšanas dienas {today}"
            ),
            StockError::UnknownSupply { reference } => {
                write!(f, "nav gaidāmās piegādes {reference}")
            }
            StockError::DuplicateSupply { reference } => {
                write!(f, "gaidāmā piegāde {reference} jau ir")
            }
            StockError::Overflow { sku } => write!(
                f,
                "produkta {sku} krājuma aprēķins iziet ārpus attēlojamo skaitļu robežām"
            ),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct SkuStock {
    on_hand: BTreeMap<LocationId, Quantity>,
    /// Sorted by expected date, then reference.
    incoming: Vec<IncomingSupply>,
    /// Sorted by reference.
    reservations: Vec<Reservation>,
}

impl SkuStock {
    fn on_hand_total(&self) -> Option<Quantity> {
        self.on_hand
            .values()
            .try_fold(Quantity::ZERO, |sum, q| sum.checked_add(*q))
    }

    fn incoming_total(&self) -> Option<Quantity> {
        self.incoming
            .iter()
            .try_fold(Quantity::ZERO, |sum, s| sum.checked_add(s.quantity))
    }

    fn reserved_on(&self, date: NaiveDate) -> Option<Quantity> {
        self.reservations
            .iter()
            .filter(|r| r.is_active_on(date))
            .try_fold(Quantity::ZERO, |sum, r| sum.checked_add(r.quantity))
    }

    /// Every reservation not yet expired, whatever the date: the invariant's left side.
    fn reserved_total(&self) -> Option<Quantity> {
        self.reservations
            .iter()
            .try_fold(Quantity::ZERO, |sum, r| sum.checked_add(r.quantity))
    }

    /// Stock on hand plus incoming: the invariant's right side.
    fn cover(&self) -> Option<Quantity> {
        self.on_hand_total()
            .zip(self.incoming_total())
            .and_then(|(a, b)| a.checked_add(b))
    }

    /// Tells whether nothing is left: no level, supply or reservation.
    fn is_empty(&self) -> bool {
        self.on_hand.is_empty() && self.incoming.is_empty() && self.reservations.is_empty()
    }
}

/// The stock of every SKU: on hand per location, incoming supplies, reservations.
///
/// # Examples
///
/// ```
/// use apkalpe_catalogue::{Availability, IncomingSupply, Quantity, Stock};
/// use chrono::NaiveDate;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
/// let sku = "LAP-1".parse()?;
/// let mut stock = Stock::new();
/// stock.add_on_hand(&sku, &"riga".parse()?, Quantity::from_whole(2))?;
/// stock.expect_supply(IncomingSupply {
///     reference: "PO-7".parse()?,
///     sku: sku.clone(),
///     location: "riga".parse()?,
///     quantity: Quantity::from_whole(10),
///     expected: day(10),
/// })?;
/// assert_eq!(
///     stock.availability(&sku, Quantity::from_whole(5), day(1)),
///     Availability::Partial { now: Quantity::from_whole(2), rest: Quantity::from_whole(3), from: day(10) },
/// );
/// stock.reserve("PAS-1".parse()?, &sku, Quantity::from_whole(2), day(1), day(5))?;
/// assert_eq!(
///     stock.availability(&sku, Quantity::from_whole(5), day(1)),
///     Availability::AvailableFrom { date: day(10) },
/// );
/// let error = stock.reserve("PAS-2".parse()?, &sku, Quantity::from_whole(11), day(1), day(5)).unwrap_err();
/// assert_eq!(error.code(), "stock.insufficient");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Every operation checks everything before it changes anything: an operation that returns an
/// error leaves the stock as it was.
///
/// # Saved form
///
/// `{"levels": [{"sku", "location", "on_hand"}, …], "incoming": [{"reference", "sku",
/// "location", "quantity", "expected"}, …], "reservations": [{"reference", "sku", "quantity",
/// "expires"}, …]}`, each list by SKU (then location, expected date and reference, or
/// reference). The indexes by order reference are rebuilt, not saved. Deserialising checks
/// what the operations guarantee: a location listed once per SKU; supply and reservation
/// references unique; supply and reservation quantities above zero; and for every SKU, the
/// reservations (expired ones included, until [`Stock::expire`] removes them) at most what is
/// on hand plus incoming. Anything else is refused with a [`RestoreError`](apkalpe_core::RestoreError).
///
/// ```
/// use apkalpe_catalogue::{Quantity, Stock};
/// use chrono::NaiveDate;
///
/// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
/// let sku = "LAP-1".parse()?;
/// let mut stock = Stock::new();
/// stock.add_on_hand(&sku, &"riga".parse()?, Quantity::from_whole(2))?;
/// stock.reserve("PAS-1".parse()?, &sku, Quantity::from_whole(2), day(1), day(5))?;
/// let json = serde_json::to_string(&stock)?;
/// assert_eq!(serde_json::from_str::<Stock>(&json)?, stock);
///
/// // Three reserved with two on hand is refused.
/// let edited = json.replace(r#""quantity":"2""#, r#""quantity":"3""#);
/// let error = serde_json::from_str::<Stock>(&edited).unwrap_err();
/// assert!(error.to_string().starts_with("restore.inconsistent: cannot restore Stock: reservations[0]:"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "StockRecord"))]
pub struct Stock {
    items: HashMap<Sku, SkuStock>,
    /// Which SKU each open reservation holds: an index rebuilt on restore, never saved.
    reservation_index: HashMap<OrderReference, Sku>,
    /// Which SKU each incoming supply brings: an index rebuilt on restore, never saved.
    supply_index: HashMap<OrderReference, Sku>,
}

fn positive(sku: &Sku, quantity: Quantity) -> Result<(), StockError> {
    if quantity.is_zero() {
        return Err(StockError::ZeroQuantity { sku: sku.clone() });
    }
    Ok(())
}

impl Stock {
    /// Creates an empty stock.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Quantity, Stock};
    ///
    /// let mut stock = Stock::new();
    /// let pen = "PEN-1".parse()?;
    /// stock.add_on_hand(&pen, &"shop".parse()?, Quantity::from_whole(10))?;
    /// assert_eq!(stock.on_hand(&pen), Quantity::from_whole(10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new() -> Self {
        Stock::default()
    }

    /// Adds goods received at a location.
    ///
    /// # Errors
    ///
    /// [`StockError::ZeroQuantity`], [`StockError::Overflow`]; the stock is unchanged.
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
    /// stock.add_on_hand(&laptop, &riga, Quantity::from_whole(2))?;
    /// assert_eq!(stock.on_hand(&laptop), Quantity::from_whole(6));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn add_on_hand(
        &mut self,
        sku: &Sku,
        location: &LocationId,
        quantity: Quantity,
    ) -> Result<(), StockError> {
        positive(sku, quantity)?;
        let level = self.on_hand_at(sku, location);
        let level = level
            .checked_add(quantity)
            .ok_or_else(|| StockError::Overflow { sku: sku.clone() })?;
        self.items
            .entry(sku.clone())
            .or_default()
            .on_hand
            .insert(location.clone(), level);
        Ok(())
    }

    /// Writes goods off a location (damaged, lost, counted short).
    ///
    /// # Errors
    ///
    /// - [`StockError::ZeroQuantity`].
    /// - [`StockError::InsufficientAtLocation`]: less than `quantity` on hand there.
    /// - [`StockError::WouldOverReserve`]: reservations would exceed what remains.
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
    /// stock.write_off(&laptop, &riga, Quantity::from_whole(1))?;
    /// assert_eq!(stock.on_hand(&laptop), Quantity::from_whole(3));
    /// assert_eq!(stock.write_off(&laptop, &riga, Quantity::from_whole(9)).unwrap_err().code(), "stock.insufficient_at_location");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn write_off(
        &mut self,
        sku: &Sku,
        location: &LocationId,
        quantity: Quantity,
    ) -> Result<(), StockError> {
        positive(sku, quantity)?;
        let item = self.items.get_mut(sku);
        let on_hand = item
            .as_ref()
            .and_then(|i| i.on_hand.get(location).copied())
            .unwrap_or(Quantity::ZERO);
        let Some(item) = item else {
            return Err(insufficient_at(sku, location, quantity, on_hand));
        };
        let left = on_hand
            .checked_sub(quantity)
            .ok_or_else(|| insufficient_at(sku, location, quantity, on_hand))?;
        check_cover(sku, item, quantity)?;
        item.on_hand.insert(location.clone(), left);
        Ok(())
    }

    /// Records a supply on its way.
    ///
    /// # Errors
    ///
    /// [`StockError::ZeroQuantity`], [`StockError::DuplicateSupply`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, LocationId, Quantity, Sku};
    /// use apkalpe_core::Calendar;
    /// use apkalpe_catalogue::IncomingSupply;
    /// let mut file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock_mut();
    /// let laptop: Sku = "LAP-E14-G5".parse()?;
    /// let riga: LocationId = "riga-central".parse()?;
    /// let _ = (&riga, Quantity::ZERO, Calendar::latvia());
    /// stock.expect_supply(IncomingSupply {
    ///     reference: "PO-9".parse()?,
    ///     sku: laptop.clone(),
    ///     location: riga.clone(),
    ///     quantity: Quantity::from_whole(5),
    ///     expected: Calendar::date(2026, 12, 21)?,
    /// })?;
    /// assert_eq!(stock.incoming(&laptop), Quantity::from_whole(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expect_supply(&mut self, supply: IncomingSupply) -> Result<(), StockError> {
        positive(&supply.sku, supply.quantity)?;
        if self.supply_index.contains_key(&supply.reference) {
            return Err(StockError::DuplicateSupply {
                reference: supply.reference,
            });
        }
        self.supply_index
            .insert(supply.reference.clone(), supply.sku.clone());
        let item = self.items.entry(supply.sku.clone()).or_default();
        let at = item
            .incoming
            .partition_point(|s| (s.expected, &s.reference) < (supply.expected, &supply.reference));
        item.incoming.insert(at, supply);
        Ok(())
    }

    /// Receives an incoming supply: its quantity moves to stock on hand at its location.
    ///
    /// # Errors
    ///
    /// [`StockError::UnknownSupply`], [`StockError::Overflow`]; the stock is unchanged.
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
    /// let mac: Sku = "LAP-MBA-M3".parse()?;
    /// stock.receive_supply(&"PO-2026-118".parse()?)?;
    /// assert_eq!(stock.on_hand(&mac), Quantity::from_whole(3));
    /// assert!(stock.incoming(&mac).is_zero());
    /// assert_eq!(stock.on_hand(&laptop), Quantity::from_whole(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn receive_supply(&mut self, reference: &OrderReference) -> Result<(), StockError> {
        let unknown = || StockError::UnknownSupply {
            reference: reference.clone(),
        };
        let sku = self.supply_index.get(reference).ok_or_else(unknown)?;
        let supply = self
            .items
            .get(sku)
            .and_then(|item| item.incoming.iter().find(|s| &s.reference == reference))
            .ok_or_else(unknown)?;
        // Check the sum first: taking the supply and then failing to add it would lose it.
        let level = self
            .on_hand_at(&supply.sku, &supply.location)
            .checked_add(supply.quantity)
            .ok_or_else(|| StockError::Overflow {
                sku: supply.sku.clone(),
            })?;
        let supply = self.take_supply(reference)?;
        self.items
            .entry(supply.sku)
            .or_default()
            .on_hand
            .insert(supply.location, level);
        Ok(())
    }

    /// Cancels an incoming supply.
    ///
    /// # Errors
    ///
    /// [`StockError::UnknownSupply`]; [`StockError::WouldOverReserve`] if reservations rely on
    /// it.
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
    /// let mac: Sku = "LAP-MBA-M3".parse()?;
    /// stock.cancel_supply(&"PO-2026-118".parse()?)?;
    /// assert!(stock.incoming(&mac).is_zero() && stock.on_hand(&mac).is_zero());
    /// assert_eq!(stock.on_hand(&laptop), Quantity::from_whole(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn cancel_supply(&mut self, reference: &OrderReference) -> Result<(), StockError> {
        let sku =
            self.supply_index
                .get(reference)
                .cloned()
                .ok_or_else(|| StockError::UnknownSupply {
                    reference: reference.clone(),
                })?;
        let item = self
            .items
            .get(&sku)
            .ok_or_else(|| StockError::UnknownSupply {
                reference: reference.clone(),
            })?;
        let quantity = item
            .incoming
            .iter()
            .find(|s| &s.reference == reference)
            .map_or(Quantity::ZERO, |s| s.quantity);
        check_cover(&sku, item, quantity)?;
        self.take_supply(reference).map(|_| ())
    }

    fn take_supply(&mut self, reference: &OrderReference) -> Result<IncomingSupply, StockError> {
        let unknown = || StockError::UnknownSupply {
            reference: reference.clone(),
        };
        let sku = self.supply_index.get(reference).ok_or_else(unknown)?;
        let item = self.items.get_mut(sku).ok_or_else(unknown)?;
        let at = item
            .incoming
            .iter()
            .position(|s| &s.reference == reference)
            .ok_or_else(unknown)?;
        let supply = item.incoming.remove(at);
        if item.is_empty() {
            self.items.remove(&supply.sku);
        }
        self.supply_index.remove(reference);
        Ok(supply)
    }

    /// Reserves `quantity` of `sku` for an order on `today`, until `expires` (included).
    ///
    /// # Errors
    ///
    /// - [`StockError::ZeroQuantity`].
    /// - [`StockError::DuplicateReservation`]: the reference is already open.
    /// - [`StockError::ExpiryInThePast`]: `expires` before `today`.
    /// - [`StockError::InsufficientStock`]: the reservation would exceed stock on hand plus
    ///   incoming less the reservations already open.
    ///
    /// The stock is unchanged on an error; [`Stock::release`] undoes a reservation that
    /// succeeded.
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
    /// assert_eq!(stock.reserved(&laptop), Quantity::from_whole(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reserve(
        &mut self,
        reference: OrderReference,
        sku: &Sku,
        quantity: Quantity,
        today: NaiveDate,
        expires: NaiveDate,
    ) -> Result<&Reservation, StockError> {
        positive(sku, quantity)?;
        if self.reservation_index.contains_key(&reference) {
            return Err(StockError::DuplicateReservation { reference });
        }
        if expires < today {
            return Err(StockError::ExpiryInThePast {
                reference,
                expires,
                today,
            });
        }
        let overflow = || StockError::Overflow { sku: sku.clone() };
        let free = match self.items.get(sku) {
            Some(item) => {
                let cover = item.cover().ok_or_else(overflow)?;
                let reserved = item.reserved_total().ok_or_else(overflow)?;
                cover.checked_sub(reserved).unwrap_or(Quantity::ZERO)
            }
            None => Quantity::ZERO,
        };
        if quantity > free {
            return Err(StockError::InsufficientStock {
                sku: sku.clone(),
                requested: quantity,
                available: free,
            });
        }
        let item = self.items.entry(sku.clone()).or_default();
        let at = item
            .reservations
            .partition_point(|r| r.reference < reference);
        item.reservations.insert(
            at,
            Reservation {
                reference: reference.clone(),
                sku: sku.clone(),
                quantity,
                expires,
            },
        );
        self.reservation_index.insert(reference, sku.clone());
        item.reservations.get(at).ok_or_else(overflow)
    }

    fn take_reservation(&mut self, reference: &OrderReference) -> Result<Reservation, StockError> {
        let unknown = || StockError::UnknownReservation {
            reference: reference.clone(),
        };
        let sku = self.reservation_index.get(reference).ok_or_else(unknown)?;
        let item = self.items.get_mut(sku).ok_or_else(unknown)?;
        let at = item
            .reservations
            .binary_search_by(|r| r.reference.cmp(reference))
            .map_err(|_| unknown())?;
        let reservation = item.reservations.remove(at);
        if item.is_empty() {
            self.items.remove(&reservation.sku);
        }
        self.reservation_index.remove(reference);
        Ok(reservation)
    }

    /// Releases a reservation: the order was cancelled, or the reservation was made a moment
    /// ago as part of something that then failed. The undo of [`Stock::reserve`]: reserving
    /// and releasing leave the stock as it was.
    ///
    /// # Errors
    ///
    /// [`StockError::UnknownReservation`] if no open reservation has the reference (never
    /// made, fulfilled, released, or removed by [`Stock::expire`]); the stock is unchanged.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{Quantity, Stock};
    /// use chrono::NaiveDate;
    ///
    /// let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
    /// let sku = "LAP-1".parse()?;
    /// let mut stock = Stock::new();
    /// stock.add_on_hand(&sku, &"riga".parse()?, Quantity::from_whole(2))?;
    /// let before = stock.clone();
    /// stock.reserve("PAS-1".parse()?, &sku, Quantity::from_whole(2), day(1), day(5))?;
    /// let released = stock.release(&"PAS-1".parse()?)?;
    /// assert_eq!(released.quantity(), Quantity::from_whole(2));
    /// assert_eq!(stock, before);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
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
    /// let released = stock.release(&"PAS-1".parse()?)?;
    /// assert_eq!(released.quantity(), Quantity::from_whole(1));
    /// assert!(stock.reserved(&laptop).is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn release(&mut self, reference: &OrderReference) -> Result<Reservation, StockError> {
        self.take_reservation(reference)
    }

    /// Fulfils a reservation on `today`: its quantity leaves stock on hand at `location`.
    ///
    /// # Errors
    ///
    /// - [`StockError::UnknownReservation`].
    /// - [`StockError::ReservationExpired`]: it expired before `today` (release it, or
    ///   reserve again).
    /// - [`StockError::InsufficientAtLocation`]: the goods are not (yet) on hand there.
    ///
    /// The stock is unchanged on an error.
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
    /// stock.fulfil(&"PAS-1".parse()?, &riga, Calendar::date(2026, 12, 8)?)?;
    /// assert_eq!(stock.on_hand(&laptop), Quantity::from_whole(3));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn fulfil(
        &mut self,
        reference: &OrderReference,
        location: &LocationId,
        today: NaiveDate,
    ) -> Result<Reservation, StockError> {
        let unknown = || StockError::UnknownReservation {
            reference: reference.clone(),
        };
        let sku = self
            .reservation_index
            .get(reference)
            .cloned()
            .ok_or_else(unknown)?;
        let item = self.items.get(&sku).ok_or_else(unknown)?;
        let reservation = item
            .reservations
            .iter()
            .find(|r| &r.reference == reference)
            .ok_or_else(unknown)?;
        if !reservation.is_active_on(today) {
            return Err(StockError::ReservationExpired {
                reference: reference.clone(),
                expires: reservation.expires,
            });
        }
        let quantity = reservation.quantity;
        let on_hand = item
            .on_hand
            .get(location)
            .copied()
            .unwrap_or(Quantity::ZERO);
        let left = on_hand
            .checked_sub(quantity)
            .ok_or_else(|| insufficient_at(&sku, location, quantity, on_hand))?;
        let reservation = self.take_reservation(reference)?;
        self.items
            .entry(sku)
            .or_default()
            .on_hand
            .insert(location.clone(), left);
        Ok(reservation)
    }

    /// Removes the reservations that expired before `today` and returns them, by reference.
    ///
    /// This is also the stock's archive operation: fulfilled, released and cancelled things
    /// leave the stock at once, so expired reservations are the only history it keeps. A desk
    /// that runs for years calls it daily. Availability on `today` or later is unchanged
    /// (expired reservations hold nothing from their last day on); what changes is that
    /// [`Stock::reserved`] and [`Stock::reserve`] stop counting them.
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
    /// let expired = stock.expire(Calendar::date(2026, 12, 15)?);
    /// assert_eq!(expired.len(), 1);
    /// assert!(stock.reserved(&laptop).is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn expire(&mut self, today: NaiveDate) -> Vec<Reservation> {
        let mut expired: Vec<OrderReference> = self
            .items
            .values()
            .flat_map(|item| item.reservations.iter())
            .filter(|r| !r.is_active_on(today))
            .map(|r| r.reference.clone())
            .collect();
        expired.sort();
        expired
            .iter()
            .filter_map(|reference| self.take_reservation(reference).ok())
            .collect()
    }

    /// Returns the quantity of `sku` on hand at every location.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// assert_eq!(stock.on_hand(&"LAP-HP-250".parse()?), Quantity::from_whole(10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn on_hand(&self, sku: &Sku) -> Quantity {
        self.items
            .get(sku)
            .and_then(SkuStock::on_hand_total)
            .unwrap_or(Quantity::ZERO)
    }

    /// Returns the quantity of `sku` on hand at `location`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// assert_eq!(stock.on_hand_at(&"LAP-HP-250".parse()?, &"valmiera".parse()?), Quantity::from_whole(4));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn on_hand_at(&self, sku: &Sku, location: &LocationId) -> Quantity {
        self.items
            .get(sku)
            .and_then(|item| item.on_hand.get(location).copied())
            .unwrap_or(Quantity::ZERO)
    }

    /// Returns the quantity of `sku` on its way.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// assert_eq!(stock.incoming(&"LAP-DELL-5440".parse()?), Quantity::from_whole(5));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn incoming(&self, sku: &Sku) -> Quantity {
        self.items
            .get(sku)
            .and_then(SkuStock::incoming_total)
            .unwrap_or(Quantity::ZERO)
    }

    /// Returns the quantity of `sku` held by open reservations (expired or not, until
    /// [`Stock::expire`] removes them).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// assert!(stock.reserved(&"LAP-E14-G5".parse()?).is_zero());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn reserved(&self, sku: &Sku) -> Quantity {
        self.items
            .get(sku)
            .and_then(SkuStock::reserved_total)
            .unwrap_or(Quantity::ZERO)
    }

    /// Returns the quantity of `sku` on hand per location, by location (zero levels
    /// included).
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// let levels = stock.levels(&"LAP-HP-250".parse()?);
    /// let at: Vec<(&str, Quantity)> = levels.iter().map(|(l, q)| (l.as_str(), *q)).collect();
    /// assert_eq!(at, [("riga-central", Quantity::from_whole(6)), ("valmiera", Quantity::from_whole(4))]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn levels(&self, sku: &Sku) -> Vec<(&LocationId, Quantity)> {
        self.items.get(sku).map_or_else(Vec::new, |item| {
            item.on_hand.iter().map(|(l, q)| (l, *q)).collect()
        })
    }

    /// Returns the open reservations of `sku`, by reference.
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
    pub fn reservations(&self, sku: &Sku) -> &[Reservation] {
        self.items
            .get(sku)
            .map_or(&[], |item| item.reservations.as_slice())
    }

    /// Returns the incoming supplies of `sku`, by expected date.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// let supplies = stock.supplies(&"LAP-MBA-M3".parse()?);
    /// assert_eq!(supplies[0].reference.as_str(), "PO-2026-118");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn supplies(&self, sku: &Sku) -> &[IncomingSupply] {
        self.items
            .get(sku)
            .map_or(&[], |item| item.incoming.as_slice())
    }

    /// Returns every SKU with stock, reservations or supplies, in SKU order.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::CatalogueFile;
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let stock = file.stock();
    /// assert_eq!(stock.skus().first().map(|s| s.as_str()), Some("ACC-BAG-15"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn skus(&self) -> Vec<&Sku> {
        let mut skus: Vec<&Sku> = self.items.keys().collect();
        skus.sort();
        skus
    }
}

fn insufficient_at(
    sku: &Sku,
    location: &LocationId,
    requested: Quantity,
    on_hand: Quantity,
) -> StockError {
    StockError::InsufficientAtLocation {
        sku: sku.clone(),
        location: location.clone(),
        requested,
        on_hand,
    }
}

/// Checks that removing `quantity` from on hand or incoming keeps every reservation covered.
fn check_cover(sku: &Sku, item: &SkuStock, quantity: Quantity) -> Result<(), StockError> {
    let overflow = || StockError::Overflow { sku: sku.clone() };
    let cover = item.cover().ok_or_else(overflow)?;
    let reserved = item.reserved_total().ok_or_else(overflow)?;
    let remaining = cover.checked_sub(quantity).unwrap_or(Quantity::ZERO);
    if reserved > remaining {
        return Err(StockError::WouldOverReserve {
            sku: sku.clone(),
            requested: quantity,
            reserved,
            remaining,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn q(n: u32) -> Quantity {
        Quantity::from_whole(n)
    }

    fn setup() -> (Stock, Sku, LocationId) {
        let sku = Sku::try_new("A").unwrap();
        let riga = LocationId::try_new("riga").unwrap();
        let mut stock = Stock::new();
        stock.add_on_hand(&sku, &riga, q(3)).unwrap();
        (stock, sku, riga)
    }

    #[test]
    fn fulfil_takes_from_the_location() {
        let (mut stock, sku, riga) = setup();
        let r = OrderReference::try_new("R1").unwrap();
        stock
            .reserve(r.clone(), &sku, q(2), day(1), day(3))
            .unwrap();
        assert_eq!(
            stock.availability(&sku, q(2), day(1)),
            Availability::Unavailable {
                now: q(1),
                expected_total: q(1)
            }
        );
        let done = stock.fulfil(&r, &riga, day(2)).unwrap();
        assert_eq!(done.quantity(), q(2));
        assert_eq!(stock.on_hand(&sku), q(1));
        assert_eq!(stock.reserved(&sku), q(0));
    }

    #[test]
    fn expired_reservations_free_stock_and_cannot_be_fulfilled() {
        let (mut stock, sku, riga) = setup();
        let r = OrderReference::try_new("R1").unwrap();
        stock
            .reserve(r.clone(), &sku, q(3), day(1), day(2))
            .unwrap();
        assert_eq!(
            stock.availability(&sku, q(3), day(3)),
            Availability::InStock { free: q(3) }
        );
        assert_eq!(
            stock.fulfil(&r, &riga, day(3)).unwrap_err().code(),
            "stock.reservation_expired"
        );
        assert_eq!(stock.expire(day(3)).len(), 1);
        assert_eq!(
            stock.release(&r).unwrap_err().code(),
            "stock.unknown_reservation"
        );
    }

    #[test]
    fn write_off_keeps_reservations_covered() {
        let (mut stock, sku, riga) = setup();
        stock
            .reserve(
                OrderReference::try_new("R1").unwrap(),
                &sku,
                q(2),
                day(1),
                day(9),
            )
            .unwrap();
        assert_eq!(
            stock.write_off(&sku, &riga, q(2)).unwrap_err().code(),
            "stock.would_over_reserve"
        );
        assert_eq!(
            stock.write_off(&sku, &riga, q(4)).unwrap_err().code(),
            "stock.insufficient_at_location"
        );
        stock.write_off(&sku, &riga, q(1)).unwrap();
        assert_eq!(stock.on_hand(&sku), q(2));
    }
}
