//! Splitting an amount into parts that add up to it exactly.

use rust_decimal::Decimal;

use super::{Money, MoneyError};

impl Money {
    /// Splits the amount into parts proportional to `ratios`, each a whole number of minor
    /// units, whose sum is exactly the amount.
    ///
    /// Method of the largest remainder: each part first gets its proportional share rounded
    /// toward zero to the minor unit; the cents left over go one each to the parts with the
    /// largest remainders, earlier parts first on a tie. A negative amount is split like its
    /// absolute value and every part negated. A zero ratio gets a zero part.
    ///
    /// # Errors
    ///
    /// - [`MoneyError::NotInMinorUnits`]: the amount has fractions of a minor unit.
    /// - [`MoneyError::NoParts`]: `ratios` is empty.
    /// - [`MoneyError::NegativeRatio`]: a ratio is below zero.
    /// - [`MoneyError::ZeroRatios`]: every ratio is zero.
    /// - [`MoneyError::Overflow`]: the amount times a ratio does not fit in 128 bits.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let rent = Money::new(dec!(100.00), Currency::EUR);
    /// let parts = rent.allocate(&[dec!(1), dec!(1), dec!(1)])?;
    /// let shown: Vec<String> = parts.iter().map(ToString::to_string).collect();
    /// assert_eq!(shown, ["33.34 EUR", "33.33 EUR", "33.33 EUR"]);
    ///
    /// let split = Money::new(dec!(0.05), Currency::EUR).allocate(&[dec!(0.7), dec!(0.3)])?;
    /// assert_eq!(split[0].amount(), dec!(0.04));
    /// assert_eq!(split[1].amount(), dec!(0.01));
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn allocate(&self, ratios: &[Decimal]) -> Result<Vec<Money>, MoneyError> {
        if ratios.is_empty() {
            return Err(MoneyError::NoParts);
        }
        if let Some((index, ratio)) = ratios
            .iter()
            .enumerate()
            .find(|(_, r)| r.is_sign_negative() && !r.is_zero())
        {
            return Err(MoneyError::NegativeRatio {
                index,
                ratio: *ratio,
            });
        }
        let minor_units = self.currency().minor_units();
        if !self.is_in_minor_units() {
            return Err(MoneyError::NotInMinorUnits {
                amount: self.amount(),
                currency: self.currency(),
                minor_units,
            });
        }
        let overflow = MoneyError::Overflow {
            operation: "allocate",
        };
        // The total in minor units, as a non-negative integer.
        let mut total = self.amount().abs();
        total.rescale(minor_units);
        let total_units = u128::try_from(total.mantissa()).map_err(|_| overflow.clone())?;

        // Ratios as integers on one common scale.
        let scale = ratios.iter().map(Decimal::scale).max().unwrap_or(0);
        let mut weights = Vec::with_capacity(ratios.len());
        for ratio in ratios {
            let mut scaled = *ratio;
            scaled.rescale(scale);
            weights.push(u128::try_from(scaled.mantissa()).map_err(|_| overflow.clone())?);
        }
        let weight_sum = weights
            .iter()
            .try_fold(0u128, |sum, weight| sum.checked_add(*weight))
            .ok_or_else(|| overflow.clone())?;
        if weight_sum == 0 {
            return Err(MoneyError::ZeroRatios);
        }

        let mut units = Vec::with_capacity(weights.len());
        let mut remainders = Vec::with_capacity(weights.len());
        let mut given = 0u128;
        for (index, weight) in weights.iter().enumerate() {
            let product = total_units
                .checked_mul(*weight)
                .ok_or_else(|| overflow.clone())?;
            let share = product
                .checked_div(weight_sum)
                .ok_or_else(|| overflow.clone())?;
            let remainder = product
                .checked_rem(weight_sum)
                .ok_or_else(|| overflow.clone())?;
            given = given.checked_add(share).ok_or_else(|| overflow.clone())?;
            units.push(share);
            remainders.push((remainder, index));
        }
        // Largest remainder first; on a tie the earlier part.
        remainders.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let left_over = total_units
            .checked_sub(given)
            .ok_or_else(|| overflow.clone())?;
        for (_, index) in remainders
            .iter()
            .take(usize::try_from(left_over).unwrap_or(usize::MAX))
        {
            if let Some(unit) = units.get_mut(*index) {
                *unit = unit.checked_add(1).ok_or_else(|| overflow.clone())?;
            }
        }

        let negative = self.is_negative();
        units
            .into_iter()
            .map(|unit| {
                let signed = i128::try_from(unit).map_err(|_| overflow.clone())?;
                let mut amount = Decimal::try_from_i128_with_scale(signed, minor_units)
                    .map_err(|_| overflow.clone())?;
                if negative && !amount.is_zero() {
                    amount.set_sign_negative(true);
                }
                Ok(Money::new(amount, self.currency()))
            })
            .collect()
    }

    /// Splits the amount into `parts` equal parts, each a whole number of minor units, whose
    /// sum is exactly the amount; the first parts get the left-over cents.
    ///
    /// # Errors
    ///
    /// [`MoneyError::NoParts`] when `parts` is 0, and those of [`Money::allocate`].
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_core::{Currency, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let instalments = Money::new(dec!(100.00), Currency::EUR).allocate_evenly(3)?;
    /// assert_eq!(instalments[0].amount(), dec!(33.34));
    /// assert_eq!(instalments[2].amount(), dec!(33.33));
    /// # Ok::<(), apkalpe_core::MoneyError>(())
    /// ```
    pub fn allocate_evenly(&self, parts: usize) -> Result<Vec<Money>, MoneyError> {
        if parts == 0 {
            return Err(MoneyError::NoParts);
        }
        self.allocate(&vec![Decimal::ONE; parts])
    }
}
