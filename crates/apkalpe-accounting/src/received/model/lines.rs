//! Notes, references, attachments and the lines of a received document, with their items
//! and prices.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::*;

/// A note (BG-1): an optional UNCL 4451 subject code (BT-21) and the text (BT-22).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let note = &invoice.notes()[0];
/// assert_eq!(note.subject_code(), Some("AAI"));
/// assert_eq!(note.text(), "Delivered from our Riga warehouse.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedNote {
    /// The subject code (BT-21), from the `#AAI#` prefix convention.
    pub(crate) subject_code: Option<String>,
    /// The text, line breaks kept.
    pub(crate) text: String,
}

impl ReceivedNote {
    /// Returns the subject code (BT-21), from the `#AAI#` prefix convention.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // `#AAI#` before the text: general information (UNCL 4451).
    /// assert_eq!(invoice.notes()[0].subject_code(), Some("AAI"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subject_code(&self) -> Option<&str> {
        self.subject_code.as_deref()
    }

    /// Returns the text, line breaks kept.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.notes()[0].text(), "Delivered from our Riga warehouse.");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn text(&self) -> &str {
        &self.text
    }
}

/// A preceding invoice reference (BG-3).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
/// use chrono::NaiveDate;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// // The advance invoice this one settles.
/// let advance = &invoice.preceding_invoices()[0];
/// assert_eq!(advance.number(), "FL-2026-0211");
/// assert_eq!(advance.issue_date(), NaiveDate::from_ymd_opt(2026, 2, 10));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPrecedingInvoice {
    /// The number (BT-25).
    pub(crate) number: String,
    /// The issue date (BT-26).
    pub(crate) issue_date: Option<NaiveDate>,
}

impl ReceivedPrecedingInvoice {
    /// Returns the number (BT-25).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.preceding_invoices()[0].number(), "FL-2026-0211");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn number(&self) -> &str {
        &self.number
    }

    /// Returns the issue date (BT-26).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use chrono::NaiveDate;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.preceding_invoices()[0].issue_date(), NaiveDate::from_ymd_opt(2026, 2, 10));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn issue_date(&self) -> Option<NaiveDate> {
        self.issue_date
    }
}

/// An attached document (BT-125): kept as sent, base64 text without whitespace.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let timesheet = &invoice.supporting_documents()[0];
/// let attachment = timesheet.attachment().ok_or("no attachment")?;
/// assert_eq!(attachment.mime_code(), Some("text/csv"));
/// assert_eq!(attachment.filename(), Some("timesheet-2026-02.csv"));
/// // Sent wrapped over two lines; kept without the whitespace.
/// assert_eq!(attachment.content_base64(), "ZGF0ZTtob3VycwoyMDI2LTAyLTE2OzIKMjAyNi0wMi0xNzsxCg==");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedAttachment {
    /// The MIME code (`application/pdf`).
    pub(crate) mime_code: Option<String>,
    /// The file name.
    pub(crate) filename: Option<String>,
    /// The content, base64 as in the document.
    pub(crate) content_base64: String,
}

impl ReceivedAttachment {
    /// Returns the MIME code (`application/pdf`).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let attachment = invoice.supporting_documents()[0].attachment().ok_or("no attachment")?;
    /// assert_eq!(attachment.mime_code(), Some("text/csv"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mime_code(&self) -> Option<&str> {
        self.mime_code.as_deref()
    }

    /// Returns the file name.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let attachment = invoice.supporting_documents()[0].attachment().ok_or("no attachment")?;
    /// assert_eq!(attachment.filename(), Some("timesheet-2026-02.csv"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn filename(&self) -> Option<&str> {
        self.filename.as_deref()
    }

    /// Returns the content, base64 as in the document.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let attachment = invoice.supporting_documents()[0].attachment().ok_or("no attachment")?;
    /// assert!(attachment.content_base64().starts_with("ZGF0ZTtob3Vycw"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn content_base64(&self) -> &str {
        &self.content_base64
    }
}

/// A supporting document (BG-24), or the invoiced object identifier (BT-18) when its type
/// code is 130.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let [timesheet, declaration] = invoice.supporting_documents() else { return Err("two documents".into()) };
/// assert_eq!(timesheet.id().value(), "TS-2026-02");
/// assert!(timesheet.attachment().is_some());
/// assert_eq!(declaration.description(), Some("Declaration of conformity"));
/// assert_eq!(declaration.uri(), Some("https://fjordlys.example/docs/hl1200.pdf"));
/// // Type code 130 marks the invoiced object (BT-18), which the invoice holds.
/// assert_eq!(invoice.invoiced_object().map(|object| object.value()), Some("SITE-RIX-07"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedSupportingDocument {
    /// The reference (BT-122).
    pub(crate) id: ReceivedIdentifier,
    /// The document type code (130 marks BT-18).
    pub(crate) type_code: Option<String>,
    /// The description (BT-123).
    pub(crate) description: Option<String>,
    /// The external location (BT-124).
    pub(crate) uri: Option<String>,
    /// The attached document (BT-125).
    pub(crate) attachment: Option<ReceivedAttachment>,
}

impl ReceivedSupportingDocument {
    /// Returns the reference (BT-122).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.supporting_documents()[0].id().value(), "TS-2026-02");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn id(&self) -> &ReceivedIdentifier {
        &self.id
    }

    /// Returns the document type code (130 marks BT-18).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // EN 16931 gives a supporting document no type code: 130 marks the invoiced object.
    /// assert_eq!(invoice.supporting_documents()[0].type_code(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn type_code(&self) -> Option<&str> {
        self.type_code.as_deref()
    }

    /// Returns the description (BT-123).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.supporting_documents()[0].description(), Some("Timesheet, February 2026"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Returns the external location (BT-124).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.supporting_documents()[1].uri(), Some("https://fjordlys.example/docs/hl1200.pdf"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn uri(&self) -> Option<&str> {
        self.uri.as_deref()
    }

    /// Returns the attached document (BT-125).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let attachment = invoice.supporting_documents()[0].attachment();
    /// assert_eq!(attachment.and_then(|file| file.filename()), Some("timesheet-2026-02.csv"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn attachment(&self) -> Option<&ReceivedAttachment> {
        self.attachment.as_ref()
    }
}

/// Price details of a line (BG-29).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
/// use rust_decimal_macros::dec;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let price = invoice.lines()[0].price();
/// // 520.00 less a 20.00 price discount: 500.00 a piece.
/// assert_eq!(price.gross().map(|amount| amount.to_string()), Some("520.00 NOK".to_owned()));
/// assert_eq!(price.discount().map(|amount| amount.to_string()), Some("20.00 NOK".to_owned()));
/// assert_eq!(price.net().map(|amount| amount.to_string()), Some("500.00 NOK".to_owned()));
/// assert_eq!(price.base_quantity(), Some(dec!(1)));
/// assert_eq!(price.base_quantity_unit(), Some("H87"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPrice {
    /// The item net price (BT-146).
    pub(crate) net: Option<StatedAmount>,
    /// The item price discount (BT-147).
    pub(crate) discount: Option<StatedAmount>,
    /// The item gross price (BT-148).
    pub(crate) gross: Option<StatedAmount>,
    /// The item price base quantity (BT-149).
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub(crate) base_quantity: Option<Decimal>,
    /// The unit of the base quantity (BT-150).
    pub(crate) base_quantity_unit: Option<String>,
}

impl ReceivedPrice {
    /// Returns the item net price (BT-146).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let net = invoice.lines()[0].price().net();
    /// assert_eq!(net.map(|amount| amount.amount()), Some(dec!(500.00)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn net(&self) -> Option<StatedAmount> {
        self.net
    }

    /// Returns the item price discount (BT-147).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let discount = invoice.lines()[0].price().discount();
    /// assert_eq!(discount.map(|amount| amount.amount()), Some(dec!(20.00)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn discount(&self) -> Option<StatedAmount> {
        self.discount
    }

    /// Returns the item gross price (BT-148).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let gross = invoice.lines()[0].price().gross();
    /// assert_eq!(gross.map(|amount| amount.amount()), Some(dec!(520.00)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn gross(&self) -> Option<StatedAmount> {
        self.gross
    }

    /// Returns the item price base quantity (BT-149).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].price().base_quantity(), Some(dec!(1)));
    /// // The second line states none: the price is per one unit.
    /// assert_eq!(invoice.lines()[1].price().base_quantity(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn base_quantity(&self) -> Option<Decimal> {
        self.base_quantity
    }

    /// Returns the unit of the base quantity (BT-150).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].price().base_quantity_unit(), Some("H87"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn base_quantity_unit(&self) -> Option<&str> {
        self.base_quantity_unit.as_deref()
    }
}

/// An item classification (BT-158) with its list and version.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let classification = &invoice.lines()[0].item().classifications()[0];
/// // Harmonized System 2022, 8513 10: portable electric lamps.
/// assert_eq!(classification.code(), "851310");
/// assert_eq!(classification.list(), Some("HS"));
/// assert_eq!(classification.list_version(), Some("2022"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedClassification {
    /// The code.
    pub(crate) code: String,
    /// The list (`listID`, UNTDID 7143: `STI`, `CV`, …).
    pub(crate) list: Option<String>,
    /// The list version (`listVersionID`).
    pub(crate) list_version: Option<String>,
}

impl ReceivedClassification {
    /// Returns the code.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().classifications()[0].code(), "851310");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Returns the list (`listID`, UNTDID 7143: `STI`, `CV`, …).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().classifications()[0].list(), Some("HS"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn list(&self) -> Option<&str> {
        self.list.as_deref()
    }

    /// Returns the list version (`listVersionID`).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().classifications()[0].list_version(), Some("2022"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn list_version(&self) -> Option<&str> {
        self.list_version.as_deref()
    }
}

/// An item attribute (BG-32).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let attribute = &invoice.lines()[0].item().attributes()[0];
/// assert_eq!((attribute.name(), attribute.value()), ("Colour", "Graphite"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedItemAttribute {
    /// The name (BT-160).
    pub(crate) name: String,
    /// The value (BT-161).
    pub(crate) value: String,
}

impl ReceivedItemAttribute {
    /// Returns the name (BT-160).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().attributes()[0].name(), "Colour");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Returns the value (BT-161).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().attributes()[0].value(), "Graphite");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// The item of a line (BG-31).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let item = invoice.lines()[0].item();
/// assert_eq!(item.name(), Some("Headlamp 1200 lm"));
/// assert_eq!(item.seller_id(), Some("FJ-HL1200"));
/// assert_eq!(item.standard_id().map(|gtin| gtin.value()), Some("7090012345674"));
/// assert_eq!(item.origin_country(), Some("NO"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedItem {
    /// The item name (BT-153).
    pub(crate) name: Option<String>,
    /// The description (BT-154).
    pub(crate) description: Option<String>,
    /// The seller's identifier (BT-155).
    pub(crate) seller_id: Option<String>,
    /// The buyer's identifier (BT-156).
    pub(crate) buyer_id: Option<String>,
    /// The standard identifier (BT-157), such as a GTIN with scheme 0160.
    pub(crate) standard_id: Option<ReceivedIdentifier>,
    /// Classifications (BT-158).
    pub(crate) classifications: Vec<ReceivedClassification>,
    /// The country of origin (BT-159).
    pub(crate) origin_country: Option<String>,
    /// Attributes (BG-32).
    pub(crate) attributes: Vec<ReceivedItemAttribute>,
}

impl ReceivedItem {
    /// Returns the item name (BT-153).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().name(), Some("Headlamp 1200 lm"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Returns the description (BT-154).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().description(), Some("Rechargeable, waterproof (IP67)"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// Returns the seller's identifier (BT-155).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().seller_id(), Some("FJ-HL1200"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn seller_id(&self) -> Option<&str> {
        self.seller_id.as_deref()
    }

    /// Returns the buyer's identifier (BT-156).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().buyer_id(), Some("APK-0457"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn buyer_id(&self) -> Option<&str> {
        self.buyer_id.as_deref()
    }

    /// Returns the standard identifier (BT-157), such as a GTIN with scheme 0160.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let gtin = invoice.lines()[0].item().standard_id().ok_or("no GTIN")?;
    /// // Scheme 0160: a GS1 GTIN.
    /// assert_eq!((gtin.scheme(), gtin.value()), (Some("0160"), "7090012345674"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn standard_id(&self) -> Option<&ReceivedIdentifier> {
        self.standard_id.as_ref()
    }

    /// Returns the classifications (BT-158).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let codes: Vec<&str> = invoice.lines()[0].item().classifications().iter().map(|class| class.code()).collect();
    /// assert_eq!(codes, ["851310"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn classifications(&self) -> &[ReceivedClassification] {
        &self.classifications
    }

    /// Returns the country of origin (BT-159).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].item().origin_country(), Some("NO"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn origin_country(&self) -> Option<&str> {
        self.origin_country.as_deref()
    }

    /// Returns the attributes (BG-32).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let attributes = invoice.lines()[0].item().attributes();
    /// assert_eq!(attributes.len(), 1);
    /// assert_eq!(attributes[0].value(), "Graphite");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn attributes(&self) -> &[ReceivedItemAttribute] {
        &self.attributes
    }
}

/// An invoice line (BG-25), or a credit note line: quantities and amounts may be negative,
/// as EN 16931 permits for corrections and returns.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::{read_received_invoice, ReceivedVatCategory};
/// use rust_decimal_macros::dec;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let line = &invoice.lines()[0];
/// assert_eq!(line.id(), "1");
/// // 10 × 500.00 less a 5 % volume discount of 250.00.
/// assert_eq!(line.quantity(), Some(dec!(10)));
/// assert_eq!(line.net_amount().to_string(), "4750.00 NOK");
/// assert_eq!(line.allowances_charges()[0].amount().to_string(), "250.00 NOK");
/// assert_eq!(line.vat_category(), Some(ReceivedVatCategory::Standard));
/// assert_eq!(line.vat_rate(), Some(dec!(21)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedInvoiceLine {
    /// The line identifier (BT-126).
    pub(crate) id: String,
    /// The line note (BT-127).
    pub(crate) note: Option<String>,
    /// The invoiced object identifier (BT-128).
    pub(crate) object_identifier: Option<ReceivedIdentifier>,
    /// The invoiced quantity (BT-129).
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub(crate) quantity: Option<Decimal>,
    /// The unit of measure code (BT-130), UN/ECE Rec. 20 or 21.
    pub(crate) unit_code: Option<String>,
    /// The line net amount (BT-131).
    pub(crate) net_amount: StatedAmount,
    /// The referenced purchase order line (BT-132).
    pub(crate) order_line_reference: Option<String>,
    /// The buyer's accounting reference (BT-133).
    pub(crate) buyer_accounting_reference: Option<String>,
    /// The line period (BG-26).
    pub(crate) period: Option<ReceivedPeriod>,
    /// Line allowances and charges (BG-27, BG-28).
    pub(crate) allowances_charges: Vec<ReceivedAllowanceCharge>,
    /// Price details (BG-29).
    pub(crate) price: ReceivedPrice,
    /// The VAT category (BT-151).
    pub(crate) vat_category: Option<ReceivedVatCategory>,
    /// The VAT rate (BT-152).
    #[cfg_attr(feature = "serde", serde(with = "decimal_text::option"))]
    pub(crate) vat_rate: Option<Decimal>,
    /// The item (BG-31).
    pub(crate) item: ReceivedItem,
}

impl ReceivedInvoiceLine {
    /// Returns the line identifier (BT-126).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let ids: Vec<&str> = invoice.lines().iter().map(|line| line.id()).collect();
    /// assert_eq!(ids, ["1", "2", "3"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Returns the line note (BT-127).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].note(), Some("Colour as ordered"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
    }

    /// Returns the invoiced object identifier (BT-128).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let object = invoice.lines()[0].object_identifier().ok_or("no object")?;
    /// assert_eq!((object.scheme(), object.value()), (Some("ABZ"), "BATCH-2026-114"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn object_identifier(&self) -> Option<&ReceivedIdentifier> {
        self.object_identifier.as_ref()
    }

    /// Returns the invoiced quantity (BT-129).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[1].quantity(), Some(dec!(3)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn quantity(&self) -> Option<Decimal> {
        self.quantity
    }

    /// Returns the unit of measure code (BT-130), UN/ECE Rec. 20 or 21.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // Hours (UN/ECE Rec. 20 `HUR`).
    /// assert_eq!(invoice.lines()[1].unit_code(), Some("HUR"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn unit_code(&self) -> Option<&str> {
        self.unit_code.as_deref()
    }

    /// Returns the line net amount (BT-131).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[1].net_amount().to_string(), "2850.00 NOK");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn net_amount(&self) -> StatedAmount {
        self.net_amount
    }

    /// Returns the referenced purchase order line (BT-132).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].order_line_reference(), Some("3"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn order_line_reference(&self) -> Option<&str> {
        self.order_line_reference.as_deref()
    }

    /// Returns the buyer's accounting reference (BT-133).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[0].buyer_accounting_reference(), Some("7130"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn buyer_accounting_reference(&self) -> Option<&str> {
        self.buyer_accounting_reference.as_deref()
    }

    /// Returns the line period (BG-26).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use chrono::NaiveDate;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let period = invoice.lines()[1].period().ok_or("no period")?;
    /// assert_eq!(period.start(), NaiveDate::from_ymd_opt(2026, 2, 16));
    /// assert_eq!(period.end(), NaiveDate::from_ymd_opt(2026, 2, 17));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn period(&self) -> Option<ReceivedPeriod> {
        self.period
    }

    /// Returns the line allowances and charges (BG-27, BG-28).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let discount = &invoice.lines()[0].allowances_charges()[0];
    /// assert_eq!(discount.reason(), Some("Volume discount"));
    /// assert_eq!(discount.signed_amount(), dec!(-250.00));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn allowances_charges(&self) -> &[ReceivedAllowanceCharge] {
        &self.allowances_charges
    }

    /// Returns the price details (BG-29).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[1].price().net().map(|price| price.to_string()), Some("950.00 NOK".to_owned()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn price(&self) -> &ReceivedPrice {
        &self.price
    }

    /// Returns the VAT category (BT-151).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::{read_received_invoice, ReceivedVatCategory};
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[2].vat_category(), Some(ReceivedVatCategory::Exempt));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_category(&self) -> Option<ReceivedVatCategory> {
        self.vat_category
    }

    /// Returns the VAT rate (BT-152).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use rust_decimal_macros::dec;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[2].vat_rate(), Some(dec!(0)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn vat_rate(&self) -> Option<Decimal> {
        self.vat_rate
    }

    /// Returns the item (BG-31).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.lines()[1].item().name(), Some("Installation and setup"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn item(&self) -> &ReceivedItem {
        &self.item
    }
}
