//! A price quote as text in a language.

use std::fmt::{self, Write as _};

use apkalpe_core::{Language, Money};

use super::PriceQuote;
use crate::code::ClientSegment;

struct Labels {
    quote: &'static str,
    segment: &'static str,
    list_price: &'static str,
    per: &'static str,
    from: &'static str,
    until: &'static str,
    unit_price: &'static str,
    net: &'static str,
    vat: &'static str,
    gross: &'static str,
    all_clients: &'static str,
}

fn labels(language: Language) -> Labels {
    match language {
        Language::Latvian => Labels {
            quote: "Cenas piedāvājums",
            segment: "segments",
            list_price: "Cenrāža cena",
            per: "par",
            from: "no",
            until: "līdz",
            unit_price: "Vienības cena",
            net: "Summa bez PVN",
            vat: "PVN",
            gross: "Summa ar PVN",
            all_clients: "visi klienti",
        },
        Language::German => Labels {
            quote: "Preisangebot",
            segment: "Segment",
            list_price: "Listenpreis",
            per: "je",
            from: "ab",
            until: "bis",
            unit_price: "Einzelpreis",
            net: "Netto",
            vat: "MwSt.",
            gross: "Brutto",
            all_clients: "alle Kunden",
        },
        Language::Russian => Labels {
            quote: "Ценовое предложение",
            segment: "сегмент",
            list_price: "Цена по прейскуранту",
            per: "за",
            from: "от",
            until: "до",
            unit_price: "Цена за единицу",
            net: "Сумма без НДС",
            vat: "НДС",
            gross: "Сумма с НДС",
            all_clients: "все клиенты",
        },
        _ => Labels {
            quote: "Quote",
            segment: "segment",
            list_price: "List price",
            per: "per",
            from: "from",
            until: "until",
            unit_price: "Unit price",
            net: "Net",
            vat: "VAT",
            gross: "Gross",
            all_clients: "all clients",
        },
    }
}

impl PriceQuote {
    /// Renders the quote as text for a client, labels in `language`, amounts and rates as
    /// people in `language` write them (`1 234,56 €` and `21 %` in Latvian, see
    /// [`Money::to_localized_string`]), dates ISO 8601.
    ///
    /// # Examples
    ///
    /// See [`crate::Catalogue::quote`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{CatalogueFile, Quantity};
    /// use apkalpe_core::{Calendar, Language};
    ///
    /// let file = CatalogueFile::from_json(include_str!("../../tests/fixtures/catalogue.json"))?;
    /// let laptop = file.catalogue().quote(&"LAP-E14-G5".parse()?, Quantity::from_whole(1), None, Calendar::date(2026, 12, 7)?)?;
    /// let text = laptop.render(Language::Latvian);
    /// assert!(text.contains("815,66\u{a0}€"), "{text}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, language: Language) -> String {
        let l = labels(language);
        let money = |m: Money| m.to_localized_string(language);
        let unit = self.unit.short_name(language);
        let mut out = String::new();
        let segment = self
            .segment
            .as_ref()
            .map_or(l.all_clients, ClientSegment::as_str);
        let _ = writeln!(
            out,
            "{} {} × {} {unit}, {} ({}: {segment})",
            l.quote, self.sku, self.quantity, self.date, l.segment
        );
        let _ = writeln!(out, "{}", self.name.get(language));
        let quantity_break = if self.source.min_quantity.is_zero() {
            String::new()
        } else {
            format!(", {} {} {unit}", l.from, self.source.min_quantity)
        };
        let _ = writeln!(
            out,
            "{:<22}{:>16} {} {unit} ({} {}{quantity_break})",
            l.list_price,
            money(self.list_unit_price),
            l.per,
            self.source.list,
            self.source.valid_from,
        );
        for discount in &self.discounts {
            let _ = writeln!(
                out,
                "  {} {} ({}, {} {}): -{} {} {unit}, -{}",
                discount.discount.to_localized_string(language),
                discount.name.get(language),
                discount.promotion,
                l.until,
                discount.valid_until,
                money(discount.unit_amount),
                l.per,
                money(discount.line_amount),
            );
        }
        let _ = writeln!(out, "{:<22}{:>16}", l.unit_price, money(self.unit_price));
        let _ = writeln!(out, "{:<22}{:>16}", l.net, money(self.net));
        let vat_label = format!("{} {}", l.vat, self.vat_rate.to_localized_string(language));
        let _ = writeln!(out, "{vat_label:<22}{:>16}", money(self.vat));
        let _ = writeln!(out, "{:<22}{:>16}", l.gross, money(self.gross));
        out
    }
}

impl fmt::Display for PriceQuote {
    /// The English rendering, [`PriceQuote::render`] with [`Language::English`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::English))
    }
}
