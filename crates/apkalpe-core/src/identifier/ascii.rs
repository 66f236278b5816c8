//! A fixed-capacity upper-case ASCII string, so identifiers keep their canonical form without
//! allocating, and the one normalising loop the variable-length identifiers share.

/// Up to `N` ASCII letters and digits (`N` ≤ 255). Bytes past the length stay zero, so the
/// derived equality and hash see only the text.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct AsciiBuffer<const N: usize> {
    bytes: [u8; N],
    len: u8,
}

impl<const N: usize> AsciiBuffer<N> {
    /// Returns the stored bytes.
    pub(crate) fn as_bytes(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }

    /// Joins ASCII byte strings; `None` if they hold a non-ASCII byte or more than `N` bytes.
    pub(crate) fn from_parts(parts: &[&[u8]]) -> Option<Self> {
        let mut bytes = [0_u8; N];
        let mut len: usize = 0;
        for &byte in parts.iter().flat_map(|part| part.iter()) {
            if !byte.is_ascii() {
                return None;
            }
            *bytes.get_mut(len)? = byte;
            len = len.saturating_add(1);
        }
        Some(AsciiBuffer {
            bytes,
            len: u8::try_from(len).ok()?,
        })
    }

    /// Returns the stored text.
    pub(crate) fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored.
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }
}

impl<const N: usize> std::fmt::Debug for AsciiBuffer<N> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// Text read by [`normalize`].
pub(crate) struct Normalized<const N: usize> {
    /// The first `N` letters and digits, upper-cased.
    pub(crate) buffer: AsciiBuffer<N>,
    /// How many letters and digits the text held in all (may exceed `N`).
    pub(crate) count: usize,
}

/// Reads the ASCII letters and digits of `text`, upper-cased, skipping the characters
/// `is_separator` accepts.
///
/// # Errors
///
/// The first other character, with its position in the text as given (in characters from 0,
/// separators included), as decision 0003 promises.
pub(crate) fn normalize<const N: usize>(
    text: &str,
    is_separator: impl Fn(char) -> bool,
) -> Result<Normalized<N>, (usize, char)> {
    let mut bytes = [0_u8; N];
    let mut count: usize = 0;
    for (position, character) in text.chars().enumerate() {
        if character.is_ascii_alphanumeric() {
            if let Some(slot) = bytes.get_mut(count) {
                // An ASCII character always fits in a byte.
                *slot = u8::try_from(character.to_ascii_uppercase()).unwrap_or_default();
            }
            count = count.saturating_add(1);
        } else if !is_separator(character) {
            return Err((position, character));
        }
    }
    let len = u8::try_from(count.min(N)).unwrap_or(u8::MAX);
    Ok(Normalized {
        buffer: AsciiBuffer { bytes, len },
        count,
    })
}

/// Returns where the letter or digit at `index` of the normalised form (counting letters and
/// digits from 0) stands in `text` as given, in characters from 0, and that character as
/// typed (not upper-cased): what a user can underline in what they typed. `index` and
/// `fallback` when the text has fewer letters and digits (never, for an index the normalised
/// form holds).
pub(crate) fn typed_position(text: &str, index: usize, fallback: char) -> (usize, char) {
    text.chars()
        .enumerate()
        .filter(|(_, character)| character.is_ascii_alphanumeric())
        .nth(index)
        .unwrap_or((index, fallback))
}

/// Builds, at compile time, a direct index of a table sorted by two-letter code: for each code
/// `AA` … `ZZ` (slot `26·first + second`), the table position plus one, or 0 when absent.
///
/// Table codes must be two upper-case ASCII letters and the table shorter than 255 entries;
/// anything else fails the build, since the function only runs in `const` items.
#[allow(clippy::indexing_slicing)] // Runs only in const items: a bad index is a compile error.
pub(crate) const fn letter_index<T>(table: &[(&str, T)]) -> [u8; 676] {
    let mut index = [0_u8; 676];
    let mut position = 0;
    while position < table.len() {
        let code = table[position].0.as_bytes();
        let slot = (code[0] - b'A') as usize * 26 + (code[1] - b'A') as usize;
        index[slot] = position as u8 + 1;
        position += 1;
    }
    index
}

/// Looks a two-letter code up in an index built by [`letter_index`], returning the table
/// position; `None` for a code that is not two upper-case letters or not in the table.
pub(crate) fn look_up(index: &[u8; 676], code: &str) -> Option<usize> {
    let [first, second] = *code.as_bytes() else {
        return None;
    };
    if !first.is_ascii_uppercase() || !second.is_ascii_uppercase() {
        return None;
    }
    let slot = usize::from(first - b'A') * 26 + usize::from(second - b'A');
    let entry = *index.get(slot)?;
    usize::from(entry).checked_sub(1)
}

/// Tells whether an upper-case ASCII letter or digit fits one character of a format template:
/// `n` a digit, `a` a letter, `c` either; any other template character stands for itself.
pub(crate) fn fits_template(class: u8, byte: u8) -> bool {
    match class {
        b'n' => byte.is_ascii_digit(),
        b'a' => byte.is_ascii_uppercase(),
        b'c' => byte.is_ascii_alphanumeric(),
        literal => literal == byte,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_letters_and_digits_upper_cased() {
        let read = normalize::<4>("a b-1", |c| c == ' ' || c == '-').unwrap();
        assert_eq!(read.buffer.as_str(), "AB1");
        assert_eq!(read.count, 3);
        let long = normalize::<2>("abcd", char::is_whitespace).unwrap();
        assert_eq!(long.buffer.as_str(), "AB");
        assert_eq!(long.count, 4);
        assert_eq!(
            normalize::<4>("a bĀ", char::is_whitespace).err(),
            Some((3, 'Ā'))
        );
        assert_eq!(typed_position("a b-1", 2, '?'), (4, '1'));
        assert_eq!(typed_position(" lv80", 0, '?'), (1, 'l'));
        assert_eq!(typed_position("ab", 5, '?'), (5, '?'));
        assert_eq!(
            normalize::<4>("ab", |_| false).unwrap().buffer,
            normalize::<4>("AB", |_| false).unwrap().buffer
        );
    }

    #[test]
    fn joins_parts_within_capacity() {
        let joined = AsciiBuffer::<5>::from_parts(&[b"RF", b"18", b"A"]).unwrap();
        assert_eq!(joined.as_str(), "RF18A");
        assert_eq!(joined, normalize::<5>("rf18a", |_| false).unwrap().buffer);
        assert!(AsciiBuffer::<4>::from_parts(&[b"RF", b"18", b"A"]).is_none());
        assert!(AsciiBuffer::<4>::from_parts(&["Ā".as_bytes()]).is_none());
    }

    #[test]
    fn letter_index_finds_every_code() {
        const TABLE: [(&str, u8); 3] = [("AA", 1), ("LV", 2), ("ZZ", 3)];
        const INDEX: [u8; 676] = letter_index(&TABLE);
        assert_eq!(look_up(&INDEX, "AA"), Some(0));
        assert_eq!(look_up(&INDEX, "LV"), Some(1));
        assert_eq!(look_up(&INDEX, "ZZ"), Some(2));
        assert_eq!(look_up(&INDEX, "LT"), None);
        assert_eq!(look_up(&INDEX, "lv"), None);
        assert_eq!(look_up(&INDEX, "L"), None);
        assert_eq!(look_up(&INDEX, "40"), None);
        assert_eq!(look_up(&INDEX, "ĀA"), None);
    }

    #[test]
    fn template_classes() {
        assert!(fits_template(b'n', b'7') && !fits_template(b'n', b'A'));
        assert!(fits_template(b'a', b'A') && !fits_template(b'a', b'7'));
        assert!(fits_template(b'c', b'A') && fits_template(b'c', b'7'));
        assert!(fits_template(b'B', b'B') && !fits_template(b'B', b'C'));
    }
}
