//! `TextRule` and `TokenRule`: the checks never panic, accept exactly what they promise and
//! refuse everything else with the first fact that is wrong; the error codes and messages.

use apkalpe_core::{TextRule, TextRuleError, TokenCase, TokenLetters, TokenRule};
use proptest::prelude::*;

/// Characters near the rules' edges: white space of several kinds, control characters
/// (including the line breaks and tab a multi-line text allows), ASCII and Latvian letters,
/// both cases, digits, the punctuation tokens allow and some they do not, and letters whose
/// lower case is special (`İ` becomes two characters, `Σ` has a final form).
fn edgy_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            ' ', '\u{a0}', '\u{3000}', '\u{2028}', '\t', '\n', '\r', '\u{0}', '\u{7}', '\u{1b}',
            '\u{7f}', '\u{85}', '\u{9f}', '-', '_', '.', '/', ',', '\'', '"', '#', 'İ', 'Σ', 'ß',
            '\u{307}', '\u{200b}', '\u{feff}',
        ]),
        prop::char::range('a', 'z'),
        prop::char::range('A', 'Z'),
        prop::char::range('0', '9'),
        prop::sample::select("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ".chars().collect::<Vec<_>>()),
        any::<char>(),
    ]
}

/// Token-like text: letters (some with special lower cases), digits and token punctuation,
/// now and then with surrounding white space, so that many inputs pass the rules.
fn token_like_text() -> impl Strategy<Value = String> {
    let inner = prop::collection::vec(
        prop_oneof![
            4 => prop::char::range('a', 'z'),
            2 => prop::char::range('A', 'Z'),
            2 => prop::char::range('0', '9'),
            2 => prop::sample::select(vec!['-', '_', '.', '/', ' ']),
            1 => prop::sample::select("āčēŅŠŽİΣßǅ".chars().collect::<Vec<_>>()),
        ],
        0..45,
    );
    (
        prop::sample::select(vec!["", " ", "\u{a0}\t"]),
        inner,
        prop::sample::select(vec!["", "\n", " \u{3000}"]),
    )
        .prop_map(|(before, inner, after)| {
            format!("{before}{}{after}", inner.into_iter().collect::<String>())
        })
}

/// Strings mostly of edge characters, from empty to past the longest limits used below.
fn edgy_text() -> impl Strategy<Value = String> {
    prop_oneof![
        token_like_text(),
        prop::collection::vec(edgy_char(), 0..48).prop_map(|chars| chars.into_iter().collect()),
        any::<String>(),
    ]
}

fn text_rule() -> impl Strategy<Value = TextRule> {
    (0usize..40, any::<bool>()).prop_map(|(max, multiline)| {
        if multiline {
            TextRule::multiline(max)
        } else {
            TextRule::single_line(max)
        }
    })
}

fn token_rule() -> impl Strategy<Value = TokenRule> {
    (
        0usize..40,
        prop::sample::select(vec![
            TokenLetters::Unicode,
            TokenLetters::Ascii,
            TokenLetters::AsciiLowercase,
        ]),
        prop::sample::select(vec!["", "-_", "-_./", " -"]),
        prop::sample::select(vec![TokenCase::Keep, TokenCase::Lower]),
    )
        .prop_map(|(max, letters, punctuation, case)| {
            TokenRule::new(max, letters, punctuation).with_case(case)
        })
}

/// The leading white space of `text`, in characters.
fn leading(text: &str) -> usize {
    text.chars().take_while(|c| c.is_whitespace()).count()
}

/// What `TextRule::check` promises, written out plainly: the expected outcome.
fn text_oracle(rule: TextRule, text: &str) -> Result<String, TextRuleError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(TextRuleError::Blank);
    }
    let allowed = |c: char| !c.is_control() || (rule.is_multiline() && "\n\r\t".contains(c));
    if let Some((position, found)) = trimmed.chars().enumerate().find(|(_, c)| !allowed(*c)) {
        return Err(TextRuleError::ControlCharacter {
            found,
            position,
            input_position: leading(text) + position,
        });
    }
    let found = trimmed.chars().count();
    if found > rule.max_chars() {
        return Err(TextRuleError::TooLong {
            max: rule.max_chars(),
            found,
        });
    }
    Ok(trimmed.to_owned())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn text_rule_accepts_exactly_what_it_promises(rule in text_rule(), text in edgy_text()) {
        let checked = rule.check(&text).map(str::to_owned);
        prop_assert_eq!(&checked, &text_oracle(rule, &text));
        if let Ok(accepted) = checked {
            // The promise itself, restated on the output.
            prop_assert_eq!(accepted.as_str(), accepted.trim());
            prop_assert!(!accepted.is_empty());
            prop_assert!(accepted.chars().count() <= rule.max_chars());
            prop_assert!(accepted.chars().all(|c| rule.allows(c)));
            prop_assert!(
                accepted.chars().all(|c| !c.is_control() || rule.is_multiline())
            );
            prop_assert_eq!(rule.check(&accepted), Ok(accepted.as_str()));
        }
    }

    #[test]
    fn token_rule_accepts_exactly_what_it_promises(rule in token_rule(), text in edgy_text()) {
        match rule.check(&text) {
            Ok(token) => {
                let trimmed = text.trim();
                let expected = match rule.case() {
                    TokenCase::Lower => trimmed.to_lowercase(),
                    _ => trimmed.to_owned(),
                };
                prop_assert_eq!(&token, &expected);
                prop_assert!(!token.is_empty());
                prop_assert!(token.chars().count() <= rule.max_chars());
                prop_assert!(token.chars().all(|c| !c.is_control()));
                prop_assert!(token.chars().all(|c| rule.allows(c)));
                // Idempotent: a stored token reads back as itself (serde goes through here).
                prop_assert_eq!(rule.check(&token), Ok(token.clone()));
            }
            Err(TextRuleError::Blank) => prop_assert!(text.trim().is_empty()),
            Err(TextRuleError::ControlCharacter { found, position, input_position })
            | Err(TextRuleError::NotAllowed { found, position, input_position }) => {
                let trimmed = text.trim();
                // The first refused character, found where the error says.
                prop_assert_eq!(trimmed.chars().nth(position), Some(found));
                prop_assert_eq!(text.chars().nth(input_position), Some(found));
                prop_assert_eq!(input_position, leading(&text) + position);
                prop_assert!(!rule.allows(found));
                prop_assert!(trimmed.chars().take(position).all(|c| rule.allows(c)));
                prop_assert_eq!(found.is_control(), rule.check(&text).unwrap_err().code() == "text.control_character");
            }
            Err(TextRuleError::TooLong { max, found }) => {
                let trimmed = text.trim();
                prop_assert!(trimmed.chars().all(|c| rule.allows(c)));
                prop_assert_eq!(max, rule.max_chars());
                prop_assert_eq!(found, trimmed.chars().count());
                prop_assert!(found > max);
            }
            Err(other) => {
                return Err(TestCaseError::fail(format!("unexpected error {other:?}")));
            }
        }
    }

    #[test]
    fn rules_never_panic_on_any_string(text in any::<String>(), max in 0usize..100) {
        let _ = TextRule::single_line(max).check(&text);
        let _ = TextRule::multiline(max).check(&text);
        for letters in [TokenLetters::Unicode, TokenLetters::Ascii, TokenLetters::AsciiLowercase] {
            for case in [TokenCase::Keep, TokenCase::Lower] {
                let _ = TokenRule::new(max, letters, "-_./").with_case(case).check(&text);
            }
        }
    }
}

#[test]
fn text_rule_error_catalogue() {
    let single = TextRule::single_line(5);
    let id = TokenRule::new(32, TokenLetters::AsciiLowercase, "-_");
    let samples = [
        single.check(" \t ").unwrap_err(),
        single.check("a\u{7}b").unwrap_err(),
        id.check(" Riga").unwrap_err(),
        single.check("Liepāja").unwrap_err(),
    ];
    let lines: Vec<String> = samples
        .iter()
        .map(|error| format!("{}\t{error}", error.code()))
        .collect();
    // A fact example: a capital letter in an id is refused where it stands, not folded.
    assert_eq!(
        id.check(" Riga").unwrap_err(),
        TextRuleError::NotAllowed {
            found: 'R',
            position: 0,
            input_position: 1
        }
    );
    insta::assert_snapshot!("text__error_catalogue", lines.join("\n"));
}
