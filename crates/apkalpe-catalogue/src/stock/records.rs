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
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct StockLevel {
    /// The SKU.
    pub sku: Sku,
    /// The location.
    pub location: LocationId,
    /// The quantity on hand.
    pub on_hand: Quantity,
}

/// A supply on its way (*gaidāmā piegāde*): a purchase order or transfer expected on a date.
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
    pub fn reference(&self) -> &OrderReference {
        &self.reference
    }

    /// Returns the SKU.
    pub fn sku(&self) -> &Sku {
        &self.sku
    }

    /// Returns the quantity.
    pub fn quantity(&self) -> Quantity {
        self.quantity
    }

    /// Returns the last day the reservation holds.
    pub fn expires(&self) -> NaiveDate {
        self.expires
    }

    /// Tells whether the reservation holds on `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        date <= self.expires
    }
}
