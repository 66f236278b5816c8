//! Salutations from the declension rules (issue 15, part 4), tested on real Latvian given
//! names and surnames of every declension, male and female. Each row's expected form is the
//! one the cited grammar gives (`docs/sources.md` §14); `None` marks an ending the rules
//! cannot decline for sure, where the letter falls back to a safe form.

use apkalpe_core::Language;
use apkalpe_documents::{Gender, Salutation, latvian_genitive, latvian_vocative};

/// (name, gender, vocative, genitive): the genitive only for surnames.
const NAMES: &[(&str, Gender, Option<&str>, Option<&str>)] = &[
    // 1st declension, masculine: -s, -š (vocative without the ending, genitive -a).
    ("Roberts", Gender::Male, Some("Robert"), None),
    ("Edgars", Gender::Male, Some("Edgar"), None),
    ("Kaspars", Gender::Male, Some("Kaspar"), None),
    ("Gints", Gender::Male, Some("Gint"), None),
    ("Jēkabs", Gender::Male, Some("Jēkab"), None),
    ("Andrejs", Gender::Male, Some("Andrej"), None),
    ("Inguss", Gender::Male, Some("Ingus"), None),
    ("Matīss", Gender::Male, Some("Matīs"), None),
    ("Ozols", Gender::Male, Some("Ozol"), Some("Ozola")),
    ("Bērziņš", Gender::Male, Some("Bērziņ"), Some("Bērziņa")),
    ("Kalniņš", Gender::Male, Some("Kalniņ"), Some("Kalniņa")),
    ("Krūmiņš", Gender::Male, Some("Krūmiņ"), Some("Krūmiņa")),
    ("Jansons", Gender::Male, Some("Janson"), Some("Jansona")),
    ("Kalējs", Gender::Male, Some("Kalēj"), Some("Kalēja")),
    ("Vilks", Gender::Male, Some("Vilk"), Some("Vilka")),
    ("Krievs", Gender::Male, Some("Kriev"), Some("Krieva")),
    // 2nd declension, masculine: -is (vocative -i; genitive with the consonant change).
    ("Jānis", Gender::Male, Some("Jāni"), Some("Jāņa")),
    ("Kārlis", Gender::Male, Some("Kārli"), Some("Kārļa")),
    ("Juris", Gender::Male, Some("Juri"), Some("Jura")),
    ("Andris", Gender::Male, Some("Andri"), Some("Andra")),
    ("Pēteris", Gender::Male, Some("Pēteri"), Some("Pētera")),
    ("Ansis", Gender::Male, Some("Ansi"), Some("Anša")),
    ("Dāvis", Gender::Male, Some("Dāvi"), Some("Dāvja")),
    ("Dagnis", Gender::Male, Some("Dagni"), Some("Dagņa")),
    ("Lācis", Gender::Male, Some("Lāci"), Some("Lāča")),
    ("Gulbis", Gender::Male, Some("Gulbi"), Some("Gulbja")),
    (
        "Kalnietis",
        Gender::Male,
        Some("Kalnieti"),
        Some("Kalnieša"),
    ),
    ("Sproģis", Gender::Male, Some("Sproģi"), Some("Sproģa")),
    (
        "Visvaldis",
        Gender::Male,
        Some("Visvaldi"),
        Some("Visvalža"),
    ),
    // 2nd declension without the consonant change: two-syllable -tis, -dis; -skis, -ckis.
    ("Gatis", Gender::Male, Some("Gati"), Some("Gata")),
    ("Atis", Gender::Male, Some("Ati"), Some("Ata")),
    ("Guntis", Gender::Male, Some("Gunti"), Some("Gunta")),
    ("Valdis", Gender::Male, Some("Valdi"), Some("Valda")),
    ("Uldis", Gender::Male, Some("Uldi"), Some("Ulda")),
    (
        "Janševskis",
        Gender::Male,
        Some("Janševski"),
        Some("Janševska"),
    ),
    ("Visockis", Gender::Male, Some("Visocki"), Some("Visocka")),
    // 2nd declension diminutives -ītis: vocative without an ending.
    ("Kārlītis", Gender::Male, Some("Kārlīt"), Some("Kārlīša")),
    ("Gailītis", Gender::Male, Some("Gailīt"), Some("Gailīša")),
    ("Eglītis", Gender::Male, Some("Eglīt"), Some("Eglīša")),
    // 3rd declension, masculine: -us (vocative -u, genitive -us).
    ("Mikus", Gender::Male, Some("Miku"), None),
    ("Ingus", Gender::Male, Some("Ingu"), None),
    ("Edžus", Gender::Male, Some("Edžu"), None),
    ("Poškus", Gender::Male, Some("Pošku"), Some("Poškus")),
    // 4th and 5th declension names of men: unchanged vocative, genitive -as, -es.
    ("Liepa", Gender::Male, Some("Liepa"), Some("Liepas")),
    (
        "Zvaigzne",
        Gender::Male,
        Some("Zvaigzne"),
        Some("Zvaigznes"),
    ),
    // Indeclinable.
    ("Oto", Gender::Male, Some("Oto"), Some("Oto")),
    ("Hugo", Gender::Male, Some("Hugo"), None),
    // 4th declension, feminine: -a.
    ("Anna", Gender::Female, Some("Anna"), None),
    ("Laura", Gender::Female, Some("Laura"), None),
    ("Elīna", Gender::Female, Some("Elīna"), None),
    ("Ieva", Gender::Female, Some("Ieva"), None),
    ("Līga", Gender::Female, Some("Līga"), None),
    ("Dagnija", Gender::Female, Some("Dagnija"), None),
    ("Bērziņa", Gender::Female, Some("Bērziņa"), Some("Bērziņas")),
    ("Kalniņa", Gender::Female, Some("Kalniņa"), Some("Kalniņas")),
    ("Ozola", Gender::Female, Some("Ozola"), Some("Ozolas")),
    ("Liepa", Gender::Female, Some("Liepa"), Some("Liepas")),
    ("Kalēja", Gender::Female, Some("Kalēja"), Some("Kalējas")),
    // 5th declension, feminine: -e.
    ("Ilze", Gender::Female, Some("Ilze"), None),
    ("Liene", Gender::Female, Some("Liene"), None),
    ("Kristīne", Gender::Female, Some("Kristīne"), None),
    ("Skaidrīte", Gender::Female, Some("Skaidrīte"), None),
    ("Jansone", Gender::Female, Some("Jansone"), Some("Jansones")),
    ("Eglīte", Gender::Female, Some("Eglīte"), Some("Eglītes")),
    (
        "Zvaigzne",
        Gender::Female,
        Some("Zvaigzne"),
        Some("Zvaigznes"),
    ),
    // A woman's name in -s (6th declension or foreign): unchanged.
    ("Agnes", Gender::Female, Some("Agnes"), Some("Agnes")),
    // Unsure: a definite adjective, a Lithuanian ending, a foreign consonant before -is.
    ("Lielais", Gender::Male, Some("Lielais"), None),
    ("Jonas", Gender::Male, None, None),
    ("Ferhis", Gender::Male, Some("Ferhi"), None),
];

#[test]
fn every_declension_male_and_female() {
    let mut wrong = Vec::new();
    for (name, gender, vocative, genitive) in NAMES {
        let got = latvian_vocative(name, Some(*gender));
        if got.as_deref() != *vocative {
            wrong.push(format!(
                "vocative of {name}: {got:?}, expected {vocative:?}"
            ));
        }
        if let Some(expected) = genitive {
            let got = latvian_genitive(name, *gender);
            if got.as_deref() != Some(*expected) {
                wrong.push(format!("genitive of {name}: {got:?}, expected {expected}"));
            }
        }
    }
    // The unsure genitives are unsure, not guessed.
    for name in ["Lielais", "Jonas", "Ferhis"] {
        let got = latvian_genitive(name, Gender::Male);
        if got.is_some() {
            wrong.push(format!("genitive of {name}: {got:?}, expected None"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_gender_not_given_reads_s_as_masculine() {
    assert_eq!(
        latvian_vocative("Jānis Ozols", None).as_deref(),
        Some("Jāni Ozol")
    );
    // -es is no Latvian masculine ending: unsure without a gender, not "Agne".
    assert_eq!(latvian_vocative("Agnes", None), None);
    assert_eq!(latvian_vocative("Mikus", None).as_deref(), Some("Miku"));
    assert_eq!(
        latvian_vocative("Agnes", Some(Gender::Female)).as_deref(),
        Some("Agnes")
    );
    assert_eq!(
        latvian_vocative("Anna Marija Bērziņa", None).as_deref(),
        Some("Anna Marija Bērziņa")
    );
}

#[test]
fn openings_in_every_language() {
    let salutations = [
        Salutation::Named("Jānis Ozols".into()),
        Salutation::Named("Anna Bērziņa".into()),
        Salutation::Named("Mikus Kalnietis".into()),
        Salutation::Named("Jonas Petraitis".into()),
        Salutation::Titled {
            surname: "Ozols".into(),
            gender: Gender::Male,
        },
        Salutation::Titled {
            surname: "Bērziņa".into(),
            gender: Gender::Female,
        },
        Salutation::Titled {
            surname: "Kalnietis".into(),
            gender: Gender::Male,
        },
        Salutation::Titled {
            surname: "Lielais".into(),
            gender: Gender::Male,
        },
        Salutation::Unnamed,
    ];
    let mut lines = Vec::new();
    for language in Language::ALL {
        for salutation in &salutations {
            lines.push(format!(
                "{language:?}: {} … {}",
                salutation.opening(language),
                salutation.closing(language)
            ));
        }
    }
    // The issue's examples, as facts.
    assert_eq!(
        Salutation::Named("Jānis Ozols".into()).opening(Language::Latvian),
        "Labdien, Jāni Ozol!"
    );
    assert_eq!(
        Salutation::Titled {
            surname: "Bērziņa".into(),
            gender: Gender::Female
        }
        .opening(Language::Latvian),
        "Godātā Bērziņas kundze!"
    );
    insta::assert_snapshot!("salutation__openings", lines.join("\n"));
}

#[test]
fn the_saved_form_names_the_variant() {
    let titled = Salutation::Titled {
        surname: "Ozols".into(),
        gender: Gender::Male,
    };
    let json = serde_json::to_string(&titled).unwrap();
    assert_eq!(
        json,
        r#"{"to":"titled","name":{"surname":"Ozols","gender":"male"}}"#
    );
    assert_eq!(serde_json::from_str::<Salutation>(&json).unwrap(), titled);
    let old: Salutation = serde_json::from_str(r#"{"to":"named","name":"Anna Kalniņa"}"#).unwrap();
    assert_eq!(old, Salutation::Named("Anna Kalniņa".into()));
}

#[test]
fn an_organisation_is_not_declined() {
    for name in [
        "SIA Koks",
        "AS \"Latvijas Gāze\"",
        "Biedrība Ozols",
        "\u{201e}Kurzemes Koks\u{201d}",
        "ik Lācis",
    ] {
        assert_eq!(latvian_vocative(name, None), None, "{name}");
        assert_eq!(latvian_genitive(name, Gender::Male), None, "{name}");
        assert_eq!(
            Salutation::Named(name.into()).opening(Language::Latvian),
            "Labdien!"
        );
    }
    // A person whose name merely contains such letters is declined.
    assert_eq!(
        latvian_vocative("Asnis Sīmanis", None).as_deref(),
        Some("Asni Sīmani")
    );
}
