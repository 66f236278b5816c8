//! Business letters (*lietišķās vēstules*): salutations and closings per language, and the
//! letter as a document draft.

use apkalpe_core::Language;
use chrono::NaiveDate;

use crate::access_level::AccessLevel;
use crate::latvian_name::{Gender, latvian_genitive, latvian_vocative};
use crate::requisite::{DocumentDraft, DocumentKind, Requisite};

/// Whom a letter greets: a person by name, a person by title and surname, or an unnamed
/// reader.
///
/// In Latvian a person is addressed in the vocative ("Labdien, Jāni Ozol!") or with a title
/// and the surname in the genitive ("Godātais Ozola kungs!", "Godātā Bērziņas kundze!"): the
/// forms come from [`latvian_vocative`] and [`latvian_genitive`]. Where a name's ending leaves
/// the form unsure, the opening falls back to one that is never wrong: "Labdien!" for a
/// name, "Godātais kungs!" or "Godātā kundze!" for a title.
///
/// # Saved form
///
/// `{"to": "named", "name": "Jānis Ozols"}`, `{"to": "titled", "name": {"surname": "Ozols",
/// "gender": "male"}}` or `{"to": "unnamed"}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(tag = "to", content = "name"))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
pub enum Salutation {
    /// A named addressee, given names and surname ("Anna Kalniņa"): greeted by name, in the
    /// vocative in Latvian.
    Named(String),
    /// A person greeted by title and surname: "Godātais Ozola kungs!", "Dear Mr Ozols,".
    Titled {
        /// The surname, in the nominative ("Ozols", "Bērziņa").
        surname: String,
        /// Whether the person is a man (*kungs*) or a woman (*kundze*).
        gender: Gender,
    },
    /// No name known (a company, a department).
    Unnamed,
}

impl Salutation {
    /// Returns the opening line in `language`.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Language;
    /// use apkalpe_documents::{Gender, Salutation};
    ///
    /// let named = Salutation::Named("Jānis Ozols".into());
    /// assert_eq!(named.opening(Language::Latvian), "Labdien, Jāni Ozol!");
    /// assert_eq!(named.opening(Language::English), "Dear Jānis Ozols,");
    /// let anna = Salutation::Named("Anna Kalniņa".into());
    /// assert_eq!(anna.opening(Language::Latvian), "Labdien, Anna Kalniņa!");
    ///
    /// let mr = Salutation::Titled { surname: "Ozols".into(), gender: Gender::Male };
    /// assert_eq!(mr.opening(Language::Latvian), "Godātais Ozola kungs!");
    /// assert_eq!(mr.opening(Language::German), "Sehr geehrter Herr Ozols,");
    /// let ms = Salutation::Titled { surname: "Bērziņa".into(), gender: Gender::Female };
    /// assert_eq!(ms.opening(Language::Latvian), "Godātā Bērziņas kundze!");
    ///
    /// // An ending the rules cannot decline for sure: a form that is never wrong.
    /// let unsure = Salutation::Titled { surname: "Lielais".into(), gender: Gender::Male };
    /// assert_eq!(unsure.opening(Language::Latvian), "Godātais kungs!");
    /// assert_eq!(Salutation::Named("Jonas Petraitis".into()).opening(Language::Latvian), "Labdien!");
    /// assert_eq!(Salutation::Unnamed.opening(Language::German), "Sehr geehrte Damen und Herren,");
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn opening(&self, language: Language) -> String {
        match (self, language) {
            (Salutation::Named(name), Language::Latvian) => match latvian_vocative(name, None) {
                Some(vocative) => format!("Labdien, {vocative}!"),
                None => "Labdien!".to_owned(),
            },
            (Salutation::Titled { surname, gender }, Language::Latvian) => {
                let (honoured, title) = match gender {
                    Gender::Male => ("Godātais", "kungs"),
                    Gender::Female => ("Godātā", "kundze"),
                };
                match latvian_genitive(surname, *gender) {
                    Some(genitive) => format!("{honoured} {genitive} {title}!"),
                    None => format!("{honoured} {title}!"),
                }
            }
            (Salutation::Unnamed, Language::Latvian) => "Labdien!".to_owned(),
            (Salutation::Named(name), Language::English) => format!("Dear {name},"),
            (Salutation::Titled { surname, gender }, Language::English) => match gender {
                Gender::Male => format!("Dear Mr {surname},"),
                Gender::Female => format!("Dear Ms {surname},"),
            },
            (Salutation::Unnamed, Language::English) => "Dear Sir or Madam,".to_owned(),
            (Salutation::Named(name), Language::German) => format!("Guten Tag {name},"),
            (Salutation::Titled { surname, gender }, Language::German) => match gender {
                Gender::Male => format!("Sehr geehrter Herr {surname},"),
                Gender::Female => format!("Sehr geehrte Frau {surname},"),
            },
            (Salutation::Unnamed, Language::German) => "Sehr geehrte Damen und Herren,".to_owned(),
            (Salutation::Named(name), Language::Russian) => format!("Здравствуйте, {name}!"),
            (Salutation::Titled { surname, gender }, Language::Russian) => match gender {
                Gender::Male => format!("Уважаемый господин {surname}!"),
                Gender::Female => format!("Уважаемая госпожа {surname}!"),
            },
            (Salutation::Unnamed, Language::Russian) => "Добрый день!".to_owned(),
        }
    }

    /// Returns the complimentary close in `language`; in English "Yours sincerely" after a
    /// name and "Yours faithfully" after "Dear Sir or Madam".
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::Language;
    /// use apkalpe_documents::Salutation;
    ///
    /// assert_eq!(Salutation::Unnamed.closing(Language::English), "Yours faithfully,");
    /// assert_eq!(Salutation::Unnamed.closing(Language::Latvian), "Ar cieņu");
    /// # Ok::<(), apkalpe_documents::DocumentsError>(())
    /// ```
    pub fn closing(&self, language: Language) -> &'static str {
        match (self, language) {
            (_, Language::Latvian) => "Ar cieņu",
            (Salutation::Named(_) | Salutation::Titled { .. }, Language::English) => {
                "Yours sincerely,"
            }
            (Salutation::Unnamed, Language::English) => "Yours faithfully,",
            (_, Language::German) => "Mit freundlichen Grüßen",
            (_, Language::Russian) => "С уважением,",
        }
    }
}

/// An outgoing business letter: its requisites and text, in one language.
///
/// # Examples
///
/// ```
/// use apkalpe_core::Language;
/// use apkalpe_documents::{Letter, Requisite, Salutation};
/// use chrono::NaiveDate;
///
/// let letter = Letter {
///     language: Language::Latvian,
///     author: "SIA Apkalpe".into(),
///     date: NaiveDate::from_ymd_opt(2026, 3, 10).ok_or("date")?,
///     place: "Rīga".into(),
///     addressee: "Annai Kalniņai\nBrīvības iela 1-5, Rīga, LV-1010".into(),
///     reference: Some("Uz 2026-03-02 iesniegumu Nr. 2.1/14".into()),
///     title: "Par preces apmaiņu".into(),
///     salutation: Salutation::Named("Anna Kalniņa".into()),
///     body: "Jūsu pretenzija ir apmierināta: tējkanna tiks apmainīta.".into(),
///     signatory: "Klientu apkalpošanas speciāliste K. Kalna".into(),
///     preparer: Some("K. Kalna, 67000000".into()),
/// };
/// let document = letter.to_draft().validate()?;
/// assert!(document.get(Requisite::Text).ok_or("text")?.starts_with("Labdien, Anna Kalniņa!\n\n"));
/// assert!(letter.render_text(Some("3.1/7")).contains("Nr. 3.1/7"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A plain record the caller fills in (every field public); it is checked when its draft
/// ([`Letter::to_draft`]) is validated, so it deserialises field by field; unknown fields
/// are refused.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
pub struct Letter {
    /// The letter's language.
    pub language: Language,
    /// The author (the organisation).
    pub author: String,
    /// The date.
    pub date: NaiveDate,
    /// The place of issue.
    pub place: String,
    /// The addressee block (name, address lines).
    pub addressee: String,
    /// The reference to the letter answered, if any.
    pub reference: Option<String>,
    /// The title.
    pub title: String,
    /// Whom the letter greets.
    pub salutation: Salutation,
    /// The body, without salutation and closing.
    pub body: String,
    /// The signature line (position and name).
    pub signatory: String,
    /// The preparer's name and contact, if shown.
    pub preparer: Option<String>,
}

impl Letter {
    /// Returns the full text: salutation, body and closing.
    pub fn text(&self) -> String {
        format!(
            "{}\n\n{}\n\n{}",
            self.salutation.opening(self.language),
            self.body.trim(),
            self.salutation.closing(self.language)
        )
    }

    /// Returns the letter as an outgoing-letter draft (validate it before registering).
    pub fn to_draft(&self) -> DocumentDraft {
        let mut draft = DocumentDraft::new(DocumentKind::OutgoingLetter)
            .with(Requisite::Author, self.author.clone())
            .with_date(self.date)
            .with(Requisite::PlaceOfIssue, self.place.clone())
            .with(Requisite::Addressee, self.addressee.clone())
            .with(Requisite::Title, self.title.clone())
            .with(Requisite::Text, self.text())
            .with(Requisite::Signature, self.signatory.clone())
            .with_access(AccessLevel::Internal);
        if let Some(reference) = &self.reference {
            draft = draft.with(Requisite::ReferenceToReceived, reference.clone());
        }
        if let Some(preparer) = &self.preparer {
            draft = draft.with(Requisite::Preparer, preparer.clone());
        }
        draft
    }

    /// Renders the letter as plain text with its requisites in the usual order; `number` is
    /// the registration number once registered.
    pub fn render_text(&self, number: Option<&str>) -> String {
        let mut text = format!("{}\n\n", self.author);
        text.push_str(&format!("{}, {}", self.place, self.date));
        if let Some(number) = number {
            text.push_str(&format!("   Nr. {number}"));
        }
        text.push('\n');
        if let Some(reference) = &self.reference {
            text.push_str(&format!("{reference}\n"));
        }
        text.push_str(&format!("\n{}\n\n{}\n\n", self.addressee, self.title));
        text.push_str(&self.text());
        text.push_str(&format!("\n\n{}\n", self.signatory));
        if let Some(preparer) = &self.preparer {
            text.push_str(&format!("\n{preparer}\n"));
        }
        text
    }
}
