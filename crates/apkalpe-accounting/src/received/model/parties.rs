//! The parties of a received document: seller, buyer, payee, tax representative, their
//! identifiers, addresses and contacts, and the delivery.

use chrono::NaiveDate;

/// An identifier with its scheme, as sent: `schemeID` (an ISO 6523 ICD such as `0088`, or a
/// Peppol EAS code such as `9939`) and the value. Checked only where the scheme is one we
/// know (see [`ReceivedFindingKind`](crate::ReceivedFindingKind)).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let registration = invoice.buyer().legal_registration().ok_or("no registration")?;
/// // ICD 0218: a Latvian registration number.
/// assert_eq!(registration.scheme(), Some("0218"));
/// assert_eq!(registration.value(), "40003521600");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedIdentifier {
    /// The scheme (`schemeID`), if stated.
    pub(crate) scheme: Option<String>,
    /// The identifier, whitespace normalised.
    pub(crate) value: String,
}

impl ReceivedIdentifier {
    /// Makes an identifier.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::ReceivedIdentifier;
    ///
    /// // A Latvian registration number under ICD 0218.
    /// let registration = ReceivedIdentifier::new(Some("0218".to_owned()), "40003521600");
    /// assert_eq!(registration.scheme(), Some("0218"));
    /// assert_eq!(registration.value(), "40003521600");
    /// ```
    pub fn new(scheme: Option<String>, value: impl Into<String>) -> Self {
        ReceivedIdentifier {
            scheme,
            value: value.into(),
        }
    }

    /// Returns the scheme (`schemeID`), if stated.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::ReceivedIdentifier;
    ///
    /// let gtin = ReceivedIdentifier::new(Some("0160".to_owned()), "7090012345674");
    /// assert_eq!(gtin.scheme(), Some("0160"));
    /// assert_eq!(ReceivedIdentifier::new(None, "SITE-RIX-07").scheme(), None);
    /// ```
    pub fn scheme(&self) -> Option<&str> {
        self.scheme.as_deref()
    }

    /// Returns the identifier, whitespace normalised.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_accounting::ReceivedIdentifier;
    ///
    /// let gtin = ReceivedIdentifier::new(Some("0160".to_owned()), "7090012345674");
    /// assert_eq!(gtin.value(), "7090012345674");
    /// ```
    pub fn value(&self) -> &str {
        &self.value
    }
}

/// A postal address (BG-5, BG-8, BG-12, BG-15): any part may be absent but the country, and
/// even that is kept as sent.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let address = invoice.seller().address();
/// assert_eq!(address.lines(), ["Strandkaien 12", "Bygg B", "3. etasje"]);
/// assert_eq!(address.postal_code(), Some("5013"));
/// assert_eq!(address.city(), Some("Bergen"));
/// assert_eq!(address.country(), Some("NO"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedAddress {
    /// Address lines 1–3 (BT-35, BT-36, BT-162): street name, additional street name,
    /// address line.
    pub(crate) lines: Vec<String>,
    /// The city (BT-37).
    pub(crate) city: Option<String>,
    /// The post code (BT-38).
    pub(crate) postal_code: Option<String>,
    /// The country subdivision (BT-39).
    pub(crate) subdivision: Option<String>,
    /// The ISO 3166-1 alpha-2 country code (BT-40), as sent.
    pub(crate) country: Option<String>,
}

impl ReceivedAddress {
    /// Returns the address lines 1–3 (BT-35, BT-36, BT-162): street name, additional street
    /// name, address line.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // Street name, additional street name, address line.
    /// assert_eq!(invoice.seller().address().lines(), ["Strandkaien 12", "Bygg B", "3. etasje"]);
    /// assert_eq!(invoice.buyer().address().lines(), ["Brīvības iela 1"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Returns the city (BT-37).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.buyer().address().city(), Some("Rīga"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn city(&self) -> Option<&str> {
        self.city.as_deref()
    }

    /// Returns the post code (BT-38).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.buyer().address().postal_code(), Some("LV-1010"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn postal_code(&self) -> Option<&str> {
        self.postal_code.as_deref()
    }

    /// Returns the country subdivision (BT-39).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.seller().address().subdivision(), Some("Vestland"));
    /// assert_eq!(invoice.buyer().address().subdivision(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn subdivision(&self) -> Option<&str> {
        self.subdivision.as_deref()
    }

    /// Returns the ISO 3166-1 alpha-2 country code (BT-40), as sent.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.buyer().address().country(), Some("LV"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn country(&self) -> Option<&str> {
        self.country.as_deref()
    }
}

/// A contact (BG-6, BG-9): name, phone and e-mail, each any text.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let contact = invoice.seller().contact().ok_or("no contact")?;
/// assert_eq!(contact.name(), Some("Kari Nordmann"));
/// assert_eq!(contact.phone(), Some("+47 55 12 34 56"));
/// assert_eq!(contact.email(), Some("faktura@fjordlys.example"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedContact {
    /// The contact point (BT-41, BT-56).
    pub(crate) name: Option<String>,
    /// The telephone number (BT-42, BT-57), as written.
    pub(crate) phone: Option<String>,
    /// The e-mail address (BT-43, BT-58), as written.
    pub(crate) email: Option<String>,
}

impl ReceivedContact {
    /// Returns the contact point (BT-41, BT-56).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let contact = invoice.buyer().contact().ok_or("no contact")?;
    /// assert_eq!(contact.name(), Some("Iepirkumu nodaļa"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Returns the telephone number (BT-42, BT-57), as written.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let contact = invoice.buyer().contact().ok_or("no contact")?;
    /// assert_eq!(contact.phone(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn phone(&self) -> Option<&str> {
        self.phone.as_deref()
    }

    /// Returns the e-mail address (BT-43, BT-58), as written.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let contact = invoice.buyer().contact().ok_or("no contact")?;
    /// assert_eq!(contact.email(), Some("rekini@apkalpe.example"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn email(&self) -> Option<&str> {
        self.email.as_deref()
    }
}

/// The seller (BG-4) or the buyer (BG-7) of a received document, from any country.
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// let seller = invoice.seller();
/// assert_eq!(seller.name(), Some("Fjordlys Lykter AS"));
/// assert_eq!(seller.trading_name(), Some("Fjordlys"));
/// // A Norwegian VAT id, kept as sent.
/// assert_eq!(seller.vat_id(), Some("NO123456785MVA"));
/// assert_eq!(seller.address().country(), Some("NO"));
/// assert_eq!(invoice.buyer().vat_id(), Some("LV40003521600"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedParty {
    /// The legal name (BT-27, BT-44).
    pub(crate) name: Option<String>,
    /// The trading name (BT-28, BT-45).
    pub(crate) trading_name: Option<String>,
    /// Identifiers (BT-29, BT-46), with their schemes; the SEPA creditor identifier is the
    /// direct debit's (BT-90), not here.
    pub(crate) identifiers: Vec<ReceivedIdentifier>,
    /// The legal registration identifier (BT-30, BT-47).
    pub(crate) legal_registration: Option<ReceivedIdentifier>,
    /// The VAT identifier (BT-31, BT-48), with its country prefix.
    pub(crate) vat_id: Option<String>,
    /// The seller's tax registration identifier (BT-32), a non-VAT tax scheme.
    pub(crate) tax_registration: Option<String>,
    /// Additional legal information (BT-33), such as share capital.
    pub(crate) legal_information: Option<String>,
    /// The electronic address (BT-34, BT-49), with its EAS scheme.
    pub(crate) electronic_address: Option<ReceivedIdentifier>,
    /// The postal address (BG-5, BG-8).
    pub(crate) address: ReceivedAddress,
    /// The contact (BG-6, BG-9).
    pub(crate) contact: Option<ReceivedContact>,
}

impl ReceivedParty {
    /// Returns the legal name (BT-27, BT-44).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.buyer().name(), Some("SIA Apkalpe"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Returns the trading name (BT-28, BT-45).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.buyer().trading_name(), Some("Apkalpe"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn trading_name(&self) -> Option<&str> {
        self.trading_name.as_deref()
    }

    /// Returns the identifiers (BT-29, BT-46), with their schemes; the SEPA creditor
    /// identifier is the direct debit's (BT-90), not here.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let identifiers = invoice.seller().identifiers();
    /// // Scheme 0192: the Norwegian organisation number.
    /// assert_eq!(identifiers.len(), 1);
    /// assert_eq!((identifiers[0].scheme(), identifiers[0].value()), (Some("0192"), "123456785"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn identifiers(&self) -> &[ReceivedIdentifier] {
        &self.identifiers
    }

    /// Returns the legal registration identifier (BT-30, BT-47).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let registration = invoice.seller().legal_registration().ok_or("no registration")?;
    /// assert_eq!(registration.value(), "123456785");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn legal_registration(&self) -> Option<&ReceivedIdentifier> {
        self.legal_registration.as_ref()
    }

    /// Returns the VAT identifier (BT-31, BT-48), with its country prefix.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.seller().vat_id(), Some("NO123456785MVA"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_id(&self) -> Option<&str> {
        self.vat_id.as_deref()
    }

    /// Returns the seller's tax registration identifier (BT-32), a non-VAT tax scheme.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// // Norwegian limited companies name the register on every invoice.
    /// assert_eq!(invoice.seller().tax_registration(), Some("Foretaksregisteret"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn tax_registration(&self) -> Option<&str> {
        self.tax_registration.as_deref()
    }

    /// Returns the additional legal information (BT-33), such as share capital.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.seller().legal_information(), Some("Aksjeselskap, share capital NOK 30 000"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn legal_information(&self) -> Option<&str> {
        self.legal_information.as_deref()
    }

    /// Returns the electronic address (BT-34, BT-49), with its EAS scheme.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let address = invoice.buyer().electronic_address().ok_or("no address")?;
    /// // EAS 9939: a Latvian VAT number.
    /// assert_eq!((address.scheme(), address.value()), (Some("9939"), "LV40003521600"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn electronic_address(&self) -> Option<&ReceivedIdentifier> {
        self.electronic_address.as_ref()
    }

    /// Returns the postal address (BG-5, BG-8).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.seller().address().city(), Some("Bergen"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn address(&self) -> &ReceivedAddress {
        &self.address
    }

    /// Returns the contact (BG-6, BG-9).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.seller().contact().and_then(|contact| contact.name()), Some("Kari Nordmann"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn contact(&self) -> Option<&ReceivedContact> {
        self.contact.as_ref()
    }
}

/// The payee (BG-10), when someone else than the seller is paid (a factoring company).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// // A factoring company is paid instead of the seller.
/// let payee = invoice.payee().ok_or("no payee")?;
/// assert_eq!(payee.name(), Some("Nordfaktura AS"));
/// assert_eq!(payee.legal_registration().map(|id| id.value()), Some("923456783"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPayee {
    /// The payee name (BT-59).
    pub(crate) name: Option<String>,
    /// The payee identifier (BT-60).
    pub(crate) identifier: Option<ReceivedIdentifier>,
    /// The payee legal registration identifier (BT-61).
    pub(crate) legal_registration: Option<ReceivedIdentifier>,
}

impl ReceivedPayee {
    /// Returns the payee name (BT-59).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.payee().and_then(|payee| payee.name()), Some("Nordfaktura AS"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Returns the payee identifier (BT-60).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let identifier = invoice.payee().and_then(|payee| payee.identifier()).ok_or("no identifier")?;
    /// // Scheme 0088: a GS1 global location number.
    /// assert_eq!((identifier.scheme(), identifier.value()), (Some("0088"), "7080001234560"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn identifier(&self) -> Option<&ReceivedIdentifier> {
        self.identifier.as_ref()
    }

    /// Returns the payee legal registration identifier (BT-61).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let registration = invoice.payee().and_then(|payee| payee.legal_registration()).ok_or("no registration")?;
    /// assert_eq!((registration.scheme(), registration.value()), (Some("0192"), "923456783"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn legal_registration(&self) -> Option<&ReceivedIdentifier> {
        self.legal_registration.as_ref()
    }
}

/// The seller's tax representative (BG-11).
///
/// # Examples
///
/// ```
/// use apkalpe_accounting::read_received_invoice;
///
/// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
/// // `xml`: an invoice from a Norwegian seller (`tests/fixtures/doc-examples/received-invoice.xml`).
/// let invoice = read_received_invoice(xml)?;
/// // The Norwegian seller accounts for Latvian VAT through a representative.
/// let representative = invoice.tax_representative().ok_or("no representative")?;
/// assert_eq!(representative.name(), Some("SIA Nodokļu Pārstāvis"));
/// assert_eq!(representative.vat_id(), Some("LV40003584818"));
/// assert_eq!(representative.address().city(), Some("Rīga"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedTaxRepresentative {
    /// The name (BT-62).
    pub(crate) name: Option<String>,
    /// The VAT identifier (BT-63).
    pub(crate) vat_id: Option<String>,
    /// The postal address (BG-12).
    pub(crate) address: ReceivedAddress,
}

impl ReceivedTaxRepresentative {
    /// Returns the name (BT-62).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.tax_representative().and_then(|representative| representative.name()), Some("SIA Nodokļu Pārstāvis"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn name(&self) -> Option<&str> {
        self.name.as_deref()
    }

    /// Returns the VAT identifier (BT-63).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.tax_representative().and_then(|representative| representative.vat_id()), Some("LV40003584818"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn vat_id(&self) -> Option<&str> {
        self.vat_id.as_deref()
    }

    /// Returns the postal address (BG-12).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let representative = invoice.tax_representative().ok_or("no representative")?;
    /// assert_eq!(representative.address().lines(), ["Elizabetes iela 10"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn address(&self) -> &ReceivedAddress {
        &self.address
    }
}

/// A period (BG-14 for the document, BG-26 for a line): start and end dates.
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
/// let period = invoice.invoicing_period().ok_or("no period")?;
/// assert_eq!(period.start(), NaiveDate::from_ymd_opt(2026, 2, 1));
/// assert_eq!(period.end(), NaiveDate::from_ymd_opt(2026, 2, 28));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedPeriod {
    /// The first day (BT-73, BT-134).
    pub(crate) start: Option<NaiveDate>,
    /// The last day (BT-74, BT-135).
    pub(crate) end: Option<NaiveDate>,
}

impl ReceivedPeriod {
    /// Returns the first day (BT-73, BT-134).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use chrono::NaiveDate;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let period = invoice.invoicing_period().ok_or("no period")?;
    /// assert_eq!(period.start(), NaiveDate::from_ymd_opt(2026, 2, 1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn start(&self) -> Option<NaiveDate> {
        self.start
    }

    /// Returns the last day (BT-74, BT-135).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use chrono::NaiveDate;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let period = invoice.invoicing_period().ok_or("no period")?;
    /// assert_eq!(period.end(), NaiveDate::from_ymd_opt(2026, 2, 28));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn end(&self) -> Option<NaiveDate> {
        self.end
    }
}

/// Delivery information (BG-13).
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
/// let delivery = invoice.delivery().ok_or("no delivery")?;
/// assert_eq!(delivery.party_name(), Some("SIA Apkalpe, noliktava"));
/// assert_eq!(delivery.date(), NaiveDate::from_ymd_opt(2026, 2, 16));
/// assert_eq!(delivery.address().and_then(|address| address.city()), Some("Rīga"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub struct ReceivedDelivery {
    /// The deliver-to party name (BT-70).
    pub(crate) party_name: Option<String>,
    /// The deliver-to location identifier (BT-71).
    pub(crate) location: Option<ReceivedIdentifier>,
    /// The actual delivery date (BT-72).
    pub(crate) date: Option<NaiveDate>,
    /// The deliver-to address (BG-15).
    pub(crate) address: Option<ReceivedAddress>,
}

impl ReceivedDelivery {
    /// Returns the deliver-to party name (BT-70).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.delivery().and_then(|delivery| delivery.party_name()), Some("SIA Apkalpe, noliktava"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn party_name(&self) -> Option<&str> {
        self.party_name.as_deref()
    }

    /// Returns the deliver-to location identifier (BT-71).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let location = invoice.delivery().and_then(|delivery| delivery.location()).ok_or("no location")?;
    /// assert_eq!((location.scheme(), location.value()), (Some("0088"), "4750000123457"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn location(&self) -> Option<&ReceivedIdentifier> {
        self.location.as_ref()
    }

    /// Returns the actual delivery date (BT-72).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # use chrono::NaiveDate;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// assert_eq!(invoice.delivery().and_then(|delivery| delivery.date()), NaiveDate::from_ymd_opt(2026, 2, 16));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn date(&self) -> Option<NaiveDate> {
        self.date
    }

    /// Returns the deliver-to address (BG-15).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_accounting::read_received_invoice;
    /// # let xml = include_str!("../../../tests/fixtures/doc-examples/received-invoice.xml");
    /// let invoice = read_received_invoice(xml)?;
    /// let address = invoice.delivery().and_then(|delivery| delivery.address()).ok_or("no address")?;
    /// assert_eq!(address.lines(), ["Ulbrokas iela 19"]);
    /// assert_eq!(address.postal_code(), Some("LV-1021"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const fn address(&self) -> Option<&ReceivedAddress> {
        self.address.as_ref()
    }
}
