//! Orders and delivery (apkalpe-catalogue, with apkalpe-accounting's waybills): reservations,
//! the carrier's schedule, waybills that take the goods out of stock, and loading a new
//! catalogue (T1.4, T1.5, T4.1, S31, S32).

use std::collections::BTreeMap;

use apkalpe_accounting::{DraftWaybill, ItemLine as WaybillLine, render_waybill_in};
use apkalpe_catalogue::{
    CarrierId, CatalogueFile, LocationId, OrderReference, Quantity as CatalogueQuantity, Sku,
    StockError,
};
use apkalpe_clients::{NeedId, NeedStatus, Sku as ClientSku};
use apkalpe_core::Language;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use uuid::Uuid;

use super::{
    History, ItemLine, Office, OfficeError, Order, Outcome, WAYBILL_SERIES, cases, config,
};

impl Office {
    /// [`super::Operation::ReserveOrder`]: every line reserved and one delivery scheduled,
    /// or nothing. The delivery is promised before anything is reserved; a line that cannot
    /// be reserved releases the lines reserved before it.
    pub(super) fn reserve_order(
        &mut self,
        client: Uuid,
        lines: &[ItemLine],
        carrier: &str,
        hold_working_days: u32,
        need: Option<Uuid>,
        (today, at): (NaiveDate, DateTime<Utc>),
    ) -> Result<Outcome, OfficeError> {
        let client = self.client_id(client)?;
        // The need the order answers: the client's, still pending, offered the ordered
        // products and accepted. Tried on a copy of the one need first.
        let answered = match need {
            Some(id) => {
                let id = NeedId::new(id);
                let mut copy = self
                    .registry
                    .need(id)
                    .filter(|n| n.client() == client)
                    .cloned()
                    .ok_or_else(|| OfficeError::Unknown {
                        what: "need of this client",
                        number: id.as_uuid().to_string(),
                    })?;
                let skus = lines
                    .iter()
                    .map(|line| ClientSku::try_new(&line.sku))
                    .collect::<Result<Vec<_>, _>>()?;
                if matches!(copy.status(), NeedStatus::Open) {
                    copy.offer(skus.clone(), at)?;
                }
                copy.accept(at)?;
                Some((id, skus))
            }
            None => None,
        };
        if lines.is_empty() {
            return Err(OfficeError::Input {
                field: "lines",
                message: "an order needs at least one line".into(),
                latvian: "pasūtījumā jābūt vismaz vienai rindai".into(),
            });
        }
        let calendar = &config()?.calendar;
        let carrier: CarrierId = carrier.parse()?;
        let year = today.year();
        let sequence = self
            .counters
            .orders
            .get(&year)
            .copied()
            .unwrap_or(0)
            .saturating_add(1);
        let reference: OrderReference = format!("PAS-{year}/{sequence:04}").parse()?;
        let expires = calendar.add_working_days(today, hold_working_days)?;
        // Every line checked, and the day all of it is ready, before anything is reserved.
        let mut ready = today;
        let mut planned = Vec::with_capacity(lines.len());
        for (position, line) in lines.iter().enumerate() {
            let sku: Sku = line.sku.parse()?;
            let quantity = CatalogueQuantity::from_whole(line.quantity);
            let availability = self.catalogue.stock().availability(&sku, quantity, today);
            let line_ready = availability
                .ready_on(today)
                .ok_or_else(|| OfficeError::Input {
                    field: "lines",
                    message: format!("{sku} × {}: {availability}", line.quantity),
                    latvian: format!("{sku} × {}: {availability}", line.quantity),
                })?;
            ready = ready.max(line_ready);
            // One reservation per line, each under the order's reference and line number.
            let line_reference: OrderReference = format!("{reference}.{}", position + 1).parse()?;
            planned.push((line_reference, sku, quantity));
        }
        // The carrier's promise, without booking: an unknown carrier or no capacity refuses
        // the order before any stock is held.
        self.catalogue
            .delivery()
            .promise(calendar, &carrier, ready)?;
        let mut reservations = Vec::with_capacity(planned.len());
        for (line_reference, sku, quantity) in &planned {
            let reserved = self.catalogue.stock_mut().reserve(
                line_reference.clone(),
                sku,
                *quantity,
                today,
                expires.max(ready),
            );
            match reserved {
                Ok(reservation) => reservations.push(reservation.clone()),
                Err(error) => {
                    // Two lines of one product may fit apart and not together: what this
                    // order reserved so far is released, and the office is as it was.
                    self.release(&reservations)?;
                    return Err(error.into());
                }
            }
        }
        let delivery = match self.catalogue.delivery_mut().schedule(
            calendar,
            reference.clone(),
            &carrier,
            ready,
        ) {
            Ok(delivery) => delivery,
            Err(error) => {
                self.release(&reservations)?;
                return Err(error.into());
            }
        };
        if let Some((id, skus)) = answered
            && let Some(need) = self.registry.need_mut(id)
        {
            // The copy above accepted the same steps.
            if matches!(need.status(), NeedStatus::Open) {
                need.offer(skus, at)
                    .map_err(|error| OfficeError::internal("offering to a need")(error.into()))?;
            }
            need.accept(at)
                .map_err(|error| OfficeError::internal("accepting a need")(error.into()))?;
        }
        self.counters.orders.insert(year, sequence);
        let order = Order {
            client,
            lines: lines.to_vec(),
            delivery,
            dispatched: None,
        };
        self.orders.insert(reference.to_string(), order.clone());
        Ok(Outcome::Order {
            reference,
            reservations,
            order,
        })
    }

    /// Releases reservations made moments ago by a refused order.
    fn release(
        &mut self,
        reservations: &[apkalpe_catalogue::Reservation],
    ) -> Result<(), OfficeError> {
        for reservation in reservations {
            self.catalogue
                .stock_mut()
                .release(reservation.reference())
                .map_err(|error| OfficeError::internal("releasing a reservation")(error.into()))?;
        }
        Ok(())
    }

    /// [`super::Operation::IssueWaybill`]: the invoice's lines, priced without VAT, carried
    /// by the seller; numbered from the waybill series and filed in the invoices' case. An
    /// order named takes its goods out of stock, once.
    pub(super) fn issue_waybill(
        &mut self,
        number: &str,
        vehicle: &str,
        dispatch: NaiveDate,
        order: Option<&str>,
        today: NaiveDate,
        history: &dyn History,
    ) -> Result<Outcome, OfficeError> {
        let file = self.invoice_file(number, history)?;
        let invoice = &file.invoice;
        let case = Office::case(cases::INVOICES)?;
        let seller = &config()?.seller;
        let buyer = invoice.content().buyer();
        // The seller carries the goods in its own vehicle, from its address to the buyer's.
        let mut draft = DraftWaybill::new(seller.clone(), buyer.clone())
            .with_carrier(seller.clone())
            .try_with_vehicle(vehicle)?
            .with_loading_address(seller.address().clone())
            .with_unloading_address(buyer.address().clone())
            .with_dispatch_date(dispatch);
        for line in invoice.content().lines() {
            draft = draft.with_line(
                WaybillLine::try_new(line.item(), line.quantity(), line.unit())?
                    .with_unit_price(line.unit_price()),
            );
        }
        let mut series = self.take_waybill_series()?;
        let waybill = draft.issue(&mut series, today)?;
        let waybill_number = waybill.number().as_str().to_owned();
        let text = render_waybill_in(&waybill, Language::Latvian);
        // The order's goods leave stock on hand: each reservation is fulfilled from the
        // first location that holds it. All of it is checked before any of it happens.
        let mut taking = Vec::new();
        if let Some(reference) = order {
            let earlier;
            let taken = match self.orders.get(reference) {
                Some(order) => order,
                None => {
                    earlier = history.order(reference)?;
                    earlier.as_ref().ok_or_else(|| OfficeError::Unknown {
                        what: "order",
                        number: reference.to_owned(),
                    })?
                }
            };
            if let Some(waybill) = &taken.dispatched {
                return Err(OfficeError::Input {
                    field: "order",
                    message: format!("order {reference} left already with waybill {waybill}"),
                    latvian: format!(
                        "pasūtījums {reference} jau ir nosūtīts ar pavadzīmi {waybill}"
                    ),
                });
            }
            taking = self.plan_fulfilment(reference, &taken.lines, dispatch)?;
        }
        let filing = self.prepare_filing(&case, today)?;
        for (line_reference, location) in &taking {
            self.catalogue
                .stock_mut()
                .fulfil(line_reference, location, dispatch)
                .map_err(|error| OfficeError::internal("fulfilling a reservation")(error.into()))?;
        }
        let filed = self.file(filing, waybill_number.clone(), "waybill", None)?;
        if let Some(reference) = order {
            let mut taken = match self.orders.remove(reference) {
                Some(order) => order,
                None => history.order(reference)?.ok_or(OfficeError::Internal {
                    step: "dispatching an order",
                    code: "office.unknown",
                    message: format!("order {reference} vanished"),
                })?,
            };
            taken.dispatched = Some(waybill_number.clone());
            self.orders.insert(reference.to_owned(), taken);
        }
        self.series.insert(WAYBILL_SERIES.0.to_owned(), series);
        Ok(Outcome::Waybill {
            waybill,
            filed,
            text,
            order: order.map(str::to_owned),
        })
    }

    /// The waybill series as it stands, or a new one.
    fn take_waybill_series(&self) -> Result<apkalpe_core::NumberSeries, OfficeError> {
        let pattern: apkalpe_core::NumberPattern =
            WAYBILL_SERIES.1.parse().map_err(super::input("pattern"))?;
        match self.series.get(WAYBILL_SERIES.0) {
            Some(series) => Ok(series.clone()),
            None => Ok(apkalpe_core::NumberSeries::try_new(
                WAYBILL_SERIES.0,
                pattern,
                apkalpe_core::YearReset::EachYear,
            )?),
        }
    }

    /// Where each reserved line of an order is taken from: the first location holding it
    /// (counting what the order's earlier lines take there). Changes nothing.
    fn plan_fulfilment(
        &self,
        reference: &str,
        lines: &[ItemLine],
        dispatch: NaiveDate,
    ) -> Result<Vec<(OrderReference, LocationId)>, OfficeError> {
        let stock = self.catalogue.stock();
        let mut taken: BTreeMap<(String, String), CatalogueQuantity> = BTreeMap::new();
        let mut plan = Vec::with_capacity(lines.len());
        for (position, line) in lines.iter().enumerate() {
            let line_reference: OrderReference = format!("{reference}.{}", position + 1).parse()?;
            let sku: Sku = line.sku.parse()?;
            let quantity = CatalogueQuantity::from_whole(line.quantity);
            let location = stock
                .levels(&sku)
                .into_iter()
                .find(|(location, on_hand)| {
                    let already = taken
                        .get(&(sku.to_string(), location.to_string()))
                        .copied()
                        .unwrap_or(CatalogueQuantity::ZERO);
                    already
                        .checked_add(quantity)
                        .is_some_and(|needed| *on_hand >= needed)
                })
                .map(|(location, _)| location.clone())
                .ok_or_else(|| OfficeError::Input {
                    field: "order",
                    message: format!("{sku} × {}: not on hand at any location", line.quantity),
                    latvian: format!("{sku} × {}: nav pieejams nevienā vietā", line.quantity),
                })?;
            // As `Stock::fulfil` would refuse it, before anything is taken.
            let reservation = stock
                .reservations(&sku)
                .iter()
                .find(|r| r.reference() == &line_reference)
                .ok_or_else(|| StockError::UnknownReservation {
                    reference: line_reference.clone(),
                })?;
            if !reservation.is_active_on(dispatch) {
                return Err(StockError::ReservationExpired {
                    reference: line_reference,
                    expires: reservation.expires(),
                }
                .into());
            }
            let key = (sku.to_string(), location.to_string());
            let already = taken.get(&key).copied().unwrap_or(CatalogueQuantity::ZERO);
            taken.insert(key, already.checked_add(quantity).unwrap_or(already));
            plan.push((line_reference, location));
        }
        Ok(plan)
    }

    /// [`super::Operation::LoadCatalogue`]: the file becomes the desk's catalogue, with the
    /// reservations still open carried over; refused while a delivery is still to come.
    pub(super) fn load_catalogue(
        &mut self,
        json: &str,
        today: NaiveDate,
    ) -> Result<Outcome, OfficeError> {
        if let Some((reference, order)) = self
            .orders
            .iter()
            .find(|(_, order)| order.delivery.promised() >= today)
        {
            return Err(OfficeError::Input {
                field: "catalogue",
                message: format!(
                    "order {reference} is still to be delivered on {}; load the catalogue after it",
                    order.delivery.promised()
                ),
                latvian: format!(
                    "pasūtījums {reference} vēl jāpiegādā {}; ielādējiet katalogu pēc tam",
                    order.delivery.promised()
                ),
            });
        }
        let mut file = CatalogueFile::from_json(json)?;
        let mut carried = 0;
        for sku in self.catalogue.stock().skus() {
            for reservation in self.catalogue.stock().reservations(sku) {
                if !reservation.is_active_on(today) {
                    continue;
                }
                file.stock_mut().reserve(
                    reservation.reference().clone(),
                    reservation.sku(),
                    reservation.quantity(),
                    today,
                    reservation.expires(),
                )?;
                carried += 1;
            }
        }
        let products = file.catalogue().products().len();
        self.catalogue = file;
        Ok(Outcome::CatalogueLoaded {
            products,
            reservations: carried,
        })
    }
}
