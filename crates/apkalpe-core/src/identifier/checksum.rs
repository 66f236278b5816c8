//! Check-digit arithmetic shared by the identifiers: ISO 7064 MOD 97-10 (IBAN, creditor
//! reference) and weighted sums (Latvian personal code and registration number).
//!
//! Everything streams over bytes: no allocation, no indexing.

/// Returns the remainder mod 97 of alphanumeric text read as one number, with digits as
/// themselves and letters as two-digit numbers (A = 10 … Z = 35), continuing from the
/// remainder `start` of the text before it; `None` if a byte is not an ASCII letter or digit.
///
/// Continuing lets callers chain slices (the IBAN and RF checks move the first four characters
/// to the end) without building a new string: `mod97(mod97(0, tail)?, head)`.
///
/// Speed (the IBAN check has a 150 ns budget): the remainder is a chain where each step waits
/// for the one before, so the loop takes four bytes per step, `r · (s₁s₂s₃s₄) + block`, where
/// the block's own value (`((v₁s₂ + v₂)s₃ + v₃)s₄ + v₄`) does not wait for `r`; and it reduces
/// mod 97 only every eight bytes: below 97, times at most 100⁸, plus less than 100⁸, stays far
/// below `u64::MAX`.
pub(crate) fn mod97(start: u32, bytes: &[u8]) -> Option<u32> {
    let mut remainder = u64::from(start % 97);
    let mut blocks = bytes.chunks_exact(4);
    let mut since_reduction: u32 = 0;
    for block in &mut blocks {
        let (block_scale, block_value) =
            block.iter().try_fold((1, 0), |(scale, value), &byte| {
                let (byte_scale, byte_value) = scale_and_value(byte)?;
                Some((scale * byte_scale, value * byte_scale + byte_value))
            })?;
        remainder = remainder * block_scale + block_value;
        since_reduction += 1;
        if since_reduction == 2 {
            remainder %= 97;
            since_reduction = 0;
        }
    }
    for &byte in blocks.remainder() {
        let (scale, value) = scale_and_value(byte)?;
        remainder = remainder * scale + value;
    }
    // Below 97, so it fits.
    u32::try_from(remainder % 97).ok()
}

/// Returns how a byte extends the number (×10 for a digit, ×100 for a letter) and its value.
fn scale_and_value(byte: u8) -> Option<(u64, u64)> {
    match byte {
        b'0'..=b'9' => Some((10, u64::from(byte - b'0'))),
        b'A'..=b'Z' => Some((100, u64::from(byte - b'A') + 10)),
        b'a'..=b'z' => Some((100, u64::from(byte - b'a') + 10)),
        _ => None,
    }
}

/// Returns the ISO 7064 MOD 97-10 remainder of an IBAN or creditor reference in electronic form:
/// the first four characters are moved to the end before reading the number. A valid text gives 1.
///
/// Returns `None` for text shorter than four bytes or with a byte that is not a letter or digit.
pub(crate) fn mod97_rotated(text: &[u8]) -> Option<u32> {
    let head = text.get(..4)?;
    let tail = text.get(4..)?;
    mod97(mod97(0, tail)?, head)
}

/// Returns the weighted sum of decimal digit values (0–9, not ASCII) with the given weights,
/// pairing them from the left; extra digits or weights are ignored.
pub(crate) fn weighted_sum(digits: &[u8], weights: &[u32]) -> u32 {
    digits
        .iter()
        .zip(weights)
        .map(|(&digit, &weight)| u32::from(digit) * weight)
        .sum()
}

/// Converts 11 ASCII digits to their values 0–9. The caller has checked they are digits; a
/// non-digit byte would become 0 rather than wrap around.
pub(crate) fn digit_values(ascii: &[u8; 11]) -> [u8; 11] {
    ascii.map(|byte| byte.saturating_sub(b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The remainder the slow way: one byte at a time, reducing every step.
    fn reference(text: &str) -> u32 {
        text.chars().fold(0, |remainder, character| {
            let value = character.to_digit(36).unwrap();
            let scale = if value < 10 { 10 } else { 100 };
            (remainder * scale + value) % 97
        })
    }

    #[test]
    fn mod97_matches_the_one_step_reference() {
        let texts = [
            "",
            "0",
            "A",
            "LV80",
            "BANK0000435195001LV80",
            "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ",
        ];
        for text in texts {
            assert_eq!(mod97(0, text.as_bytes()), Some(reference(text)), "{text}");
        }
        let long = "Z9".repeat(500);
        assert_eq!(mod97(0, long.as_bytes()), Some(reference(&long)));
    }

    #[test]
    fn mod97_matches_the_iso_7064_examples() {
        // 3214282912345698765432161182 mod 97 = 1 (the ISO 13616 worked example, GB82 WEST…).
        assert_eq!(mod97_rotated(b"GB82WEST12345698765432"), Some(1));
        assert_eq!(mod97_rotated(b"gb82west12345698765432"), Some(1));
        assert_eq!(mod97_rotated(b"RF18539007547034"), Some(1));
        assert_eq!(mod97(0, b"97"), Some(0));
        assert_eq!(mod97(0, b"A"), Some(10));
        assert_eq!(mod97(0, b""), Some(0));
        // Odd and even lengths, and more than eight bytes between reductions' worth.
        assert_eq!(mod97(0, b"123"), Some(123 % 97));
        assert_eq!(
            mod97(0, b"ZZZZZZZZZZZZZZZZZZ"),
            Some(reference("ZZZZZZZZZZZZZZZZZZ"))
        );
        assert_eq!(
            mod97(0, b"9Z9Z9Z9Z9Z9Z9Z9Z9"),
            Some(reference("9Z9Z9Z9Z9Z9Z9Z9Z9"))
        );
    }

    #[test]
    fn mod97_rejects_other_bytes() {
        assert_eq!(mod97(0, b"12 3"), None);
        assert_eq!(mod97_rotated(b"RF1"), None);
        assert_eq!(mod97_rotated("RF18Ā".as_bytes()), None);
    }

    #[test]
    fn weighted_sum_pairs_from_the_left() {
        assert_eq!(weighted_sum(&[1, 2, 3], &[3, 2]), 7);
        assert_eq!(
            digit_values(b"01234567899"),
            [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9]
        );
    }
}
