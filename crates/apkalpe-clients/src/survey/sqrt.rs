//! The square root of a `Decimal` by Newton's iteration (rust_decimal's own `sqrt` needs the
//! `maths` feature, which the workspace does not enable).

use rust_decimal::Decimal;

/// The most Newton steps taken; from the starting point below the iteration converges
/// quadratically, so real inputs need far fewer (about 10 for values up to 10^6).
const MAX_STEPS: u32 = 200;

/// Returns the square root of `value` computed with `Decimal` arithmetic, or `None` for a
/// negative value.
///
/// Newton's iteration `x ← (x + value / x) / 2` starts at `max(value, 1)`, which is never below
/// the root, so the iterates fall monotonically towards it; it stops when a step no longer
/// decreases `x`. The result is the root to within the precision of `Decimal` (28 significant
/// digits): `|result² − value| ≤ value × 10⁻²⁶` for every input this crate produces. Round the
/// result with a named [`Rounding`](apkalpe_core::Rounding) before showing it.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::decimal_sqrt;
/// use rust_decimal::Decimal;
///
/// assert_eq!(decimal_sqrt(Decimal::from(81)), Some(Decimal::from(9)));
/// let root = decimal_sqrt(Decimal::from(2)).unwrap();
/// assert_eq!(root.to_string().get(..22), Some("1.41421356237309504880"));
/// assert_eq!(decimal_sqrt(Decimal::from(-1)), None);
/// ```
pub fn decimal_sqrt(value: Decimal) -> Option<Decimal> {
    if value.is_sign_negative() && !value.is_zero() {
        return None;
    }
    if value.is_zero() {
        return Some(Decimal::ZERO);
    }
    let two = Decimal::TWO;
    let mut x = value.max(Decimal::ONE);
    for _ in 0..MAX_STEPS {
        let next = x.checked_add(value.checked_div(x)?)?.checked_div(two)?;
        if next >= x {
            break;
        }
        x = next;
    }
    Some(x.normalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn exact_squares_and_small_values() {
        for n in 0_i64..=1000 {
            assert_eq!(decimal_sqrt(Decimal::from(n * n)), Some(Decimal::from(n)));
        }
        assert_eq!(decimal_sqrt(dec!(0.25)), Some(dec!(0.5)));
        assert_eq!(decimal_sqrt(dec!(0.0001)), Some(dec!(0.01)));
    }

    #[test]
    fn precision_is_within_the_documented_bound() {
        for value in [
            dec!(2),
            dec!(3),
            dec!(0.5),
            dec!(8.25),
            dec!(1234567.891),
            dec!(0.000123),
        ] {
            let root = decimal_sqrt(value).unwrap();
            let error = (root * root - value).abs();
            assert!(
                error <= value * dec!(0.00000000000000000000000001),
                "{value}: {error}"
            );
        }
    }
}
