//! The XML Schema data types UBL uses, read as the schema defines them (not as we write
//! them): `xs:decimal`, `xs:date`, `xs:boolean`, and whitespace in texts.

#[cfg(feature = "xml")]
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The most digits a decimal may have: what `rust_decimal` holds exactly.
const MAX_DIGITS: usize = 28;

/// Tells whether a character is XML whitespace (space, tab, line feed, carriage return).
const fn is_xml_space(character: char) -> bool {
    matches!(character, ' ' | '\t' | '\n' | '\r')
}

/// Reads an `xs:decimal`: optional sign, digits with at most one decimal point, surrounding
/// whitespace ignored; no exponent, no grouping. The value keeps the scale as written
/// ("10.50" stays 10.50). `None` for anything else, or more than 28 digits.
pub(crate) fn decimal(text: &str) -> Option<Decimal> {
    let text = text.trim_matches(is_xml_space);
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, text.get(1..)?),
        b'+' => (false, text.get(1..)?),
        _ => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let whole = whole.trim_start_matches('0');
    if whole.len().checked_add(fraction.len())? > MAX_DIGITS {
        return None;
    }
    let mut mantissa: i128 = 0;
    for byte in whole.bytes().chain(fraction.bytes()) {
        if !byte.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(i128::from(byte.checked_sub(b'0')?))?;
    }
    if negative {
        mantissa = mantissa.checked_neg()?;
    }
    let scale = u32::try_from(fraction.len()).ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale).ok()
}

#[cfg(feature = "xml")]
/// Reads an `xs:date`: `YYYY-MM-DD` with an optional time zone (`Z`, `+02:00`), which is
/// dropped: EN 16931 dates are calendar days.
pub(crate) fn date(text: &str) -> Option<NaiveDate> {
    let text = text.trim_matches(is_xml_space);
    let day = text.get(..10)?;
    let zone = text.get(10..)?;
    let zone_ok = zone.is_empty()
        || zone == "Z"
        || (zone.len() == 6
            && matches!(zone.as_bytes().first(), Some(b'+' | b'-'))
            && zone.as_bytes().get(3) == Some(&b':')
            && zone
                .bytes()
                .enumerate()
                .all(|(index, byte)| matches!(index, 0 | 3) || byte.is_ascii_digit()));
    if !zone_ok
        || !day
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'-')
    {
        return None;
    }
    NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
}

#[cfg(feature = "xml")]
/// Reads an `xs:boolean`: `true`, `false`, `1` or `0`.
pub(crate) fn boolean(text: &str) -> Option<bool> {
    match text.trim_matches(is_xml_space) {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

#[cfg(feature = "xml")]
/// Normalises a short text (a name, an identifier, a reference): surrounding whitespace
/// dropped, every run of whitespace inside, line breaks included, made one space.
pub(crate) fn collapse(text: &str) -> String {
    let trimmed = text.trim_matches(is_xml_space);
    let mut previous_space = false;
    let clean = trimmed.chars().all(|character| {
        let space = is_xml_space(character);
        let ok = !(space && (previous_space || character != ' '));
        previous_space = space;
        ok
    });
    if clean {
        return trimmed.to_owned();
    }
    let mut out = String::with_capacity(trimmed.len());
    for (index, word) in trimmed
        .split(is_xml_space)
        .filter(|word| !word.is_empty())
        .enumerate()
    {
        if index > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(feature = "xml")]
/// Normalises a free text (a note, a description, payment terms): line breaks kept, each
/// line's runs of spaces made one and its ends trimmed, blank lines at either end dropped.
pub(crate) fn block(text: &str) -> String {
    let trimmed = text.trim_matches(is_xml_space);
    if !trimmed.contains(['\n', '\r', '\t', ' ']) {
        return trimmed.to_owned();
    }
    let lines: Vec<String> = trimmed
        .split('\n')
        .map(|line| collapse(line.trim_end_matches('\r')))
        .collect();
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn decimals_are_read_as_the_schema_writes_them() {
        assert_eq!(decimal(" 10.50 "), Some(dec!(10.50)));
        assert_eq!(decimal("10.50").map(|value| value.scale()), Some(2));
        assert_eq!(decimal("-3"), Some(dec!(-3)));
        assert_eq!(decimal("+.5"), Some(dec!(0.5)));
        assert_eq!(decimal("7."), Some(dec!(7)));
        assert_eq!(decimal("000000000000000000000000000001.5"), Some(dec!(1.5)));
        for bad in [
            "", "-", ".", "1e3", "1,5", "1_000", "1.2.3", "--1", " ", "0x10", "١",
        ] {
            assert_eq!(decimal(bad), None, "{bad:?}");
        }
        assert_eq!(decimal(&"9".repeat(29)), None);
        assert!(decimal(&"9".repeat(28)).is_some());
    }

    #[test]
    fn dates_may_carry_a_zone() {
        let day = NaiveDate::from_ymd_opt(2017, 11, 13);
        assert_eq!(date("2017-11-13"), day);
        assert_eq!(date("2017-11-13Z"), day);
        assert_eq!(date("2017-11-13+01:00"), day);
        for bad in [
            "13.11.2017",
            "2017-11-31",
            "2017-11-13T10:00",
            "2017-1-13",
            "+2017-11-1",
        ] {
            assert_eq!(date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn booleans_have_four_spellings() {
        assert_eq!(boolean("true"), Some(true));
        assert_eq!(boolean(" 1 "), Some(true));
        assert_eq!(boolean("false"), Some(false));
        assert_eq!(boolean("0"), Some(false));
        assert_eq!(boolean("TRUE"), None);
        assert_eq!(boolean("yes"), None);
    }

    #[test]
    fn whitespace_is_normalised() {
        assert_eq!(collapse("  SIA\n  Klients\t& co "), "SIA Klients & co");
        assert_eq!(collapse("plain"), "plain");
        assert_eq!(collapse("a  b"), "a b");
        assert_eq!(block("\n  First  line \r\n second\n"), "First line\nsecond");
    }
}
