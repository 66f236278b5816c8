//! Payment terms and schedules as text: the clause of a contract or invoice in a language,
//! and a schedule's lines.

use std::fmt::{self, Write as _};

use apkalpe_core::{CountNoun, Language, Period};

use super::{DayCount, DueRule, PaymentSchedule, PaymentTerms};

impl PaymentSchedule {
    /// Renders the schedule as text in `language`: one line per payment with the amount as
    /// people in `language` write it (`1 234,56 €` in Latvian), then the early-payment offer.
    /// German and Russian use the English words.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::{Calendar, Currency, Language, Money};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// let total = Money::new(dec!(1000), Currency::EUR);
    /// let schedule = terms.schedule(total, Calendar::date(2026, 12, 7)?, None, &Calendar::latvia())?;
    /// assert_eq!(
    ///     schedule.render(Language::Latvian),
    ///     "  1. 2026-12-21      1\u{a0}000,00\u{a0}€\n\
    ///      samaksājot 980,00\u{a0}€ līdz 2026-12-14, atlaide 20,00\u{a0}€\n"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn render(&self, language: Language) -> String {
        let mut out = String::new();
        for instalment in &self.instalments {
            let _ = writeln!(
                out,
                "{:>3}. {}  {:>14}",
                instalment.number,
                instalment.due,
                instalment.amount.to_localized_string(language)
            );
        }
        if let Some(early) = &self.early_payment {
            let (pay, discount) = (
                early.pay.to_localized_string(language),
                early.discount.to_localized_string(language),
            );
            let _ = match language {
                Language::Latvian => writeln!(
                    out,
                    "samaksājot {pay} līdz {}, atlaide {discount}",
                    early.pay_by
                ),
                _ => writeln!(out, "pay {pay} by {} (discount {discount})", early.pay_by),
            };
        }
        out
    }
}

impl fmt::Display for PaymentSchedule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        for instalment in &self.instalments {
            let _ = writeln!(
                out,
                "{:>3}. {}  {:>14}",
                instalment.number,
                instalment.due,
                instalment.amount.to_string()
            );
        }
        if let Some(early) = &self.early_payment {
            let _ = writeln!(
                out,
                "pay {} by {} (discount {})",
                early.pay, early.pay_by, early.discount
            );
        }
        f.write_str(&out)
    }
}

impl PaymentTerms {
    /// Returns the terms as the sentence of a Latvian contract or invoice, counted from the
    /// day the invoice is issued, exactly as [`PaymentTerms::schedule`] counts them (a
    /// contract that promised "after the invoice is received" would promise another date):
    /// "Pircējs samaksā 14 dienu laikā no rēķina izrakstīšanas dienas; samaksājot 7 dienu
    /// laikā no rēķina izrakstīšanas dienas, atlaide 2 %." Counts agree in number ("21 dienas
    /// laikā", "14 dienu laikā").
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 14, counting: DayCount::Calendar })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2), 7)?);
    /// assert_eq!(
    ///     terms.to_latvian_clause(),
    ///     "Pircējs samaksā 14 dienu laikā no rēķina izrakstīšanas dienas; samaksājot 7 dienu laikā no rēķina izrakstīšanas dienas, atlaide 2\u{a0}%."
    /// );
    /// let one = PaymentTerms::new(DueRule::Net { days: 21, counting: DayCount::Working });
    /// assert_eq!(one.to_latvian_clause(), "Pircējs samaksā 21 darba dienas laikā no rēķina izrakstīšanas dienas.");
    /// # Ok::<(), apkalpe_catalogue::PaymentTermsError>(())
    /// ```
    pub fn to_latvian_clause(&self) -> String {
        self.clause(Language::Latvian)
    }

    /// Returns the terms as the sentence of a contract or invoice in `language`: Latvian as
    /// [`PaymentTerms::to_latvian_clause`], the other languages in English ("The buyer pays
    /// within 14 days of the invoice date."), counted the same way.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_catalogue::{DayCount, DueRule, EarlyPaymentDiscount, PaymentTerms};
    /// use apkalpe_core::Language;
    /// use rust_decimal_macros::dec;
    ///
    /// let terms = PaymentTerms::new(DueRule::Net { days: 1, counting: DayCount::Working })
    ///     .with_early_payment(EarlyPaymentDiscount::try_new(dec!(2.5), 1)?);
    /// assert_eq!(
    ///     terms.clause(Language::English),
    ///     "The buyer pays within 1 working day of the invoice date; paying within 1 day of the invoice date, a discount of 2.5\u{a0}%."
    /// );
    /// assert_eq!(terms.clause(Language::Latvian), terms.to_latvian_clause());
    /// # Ok::<(), apkalpe_catalogue::PaymentTermsError>(())
    /// ```
    pub fn clause(&self, language: Language) -> String {
        match language {
            Language::Latvian => self.latvian_clause(),
            _ => self.english_clause(),
        }
    }

    /// The clause in English.
    fn english_clause(&self) -> String {
        let en = Language::English;
        let days = CountNoun::new("day", "days");
        let working_days = CountNoun::new("working day", "working days");
        let interval = |period: Period| match period {
            Period::Days(n) => days.count(en, u64::from(n)),
            Period::WorkingDays(n) => working_days.count(en, u64::from(n)),
            Period::Months(n) => CountNoun::new("month", "months").count(en, u64::from(n)),
        };
        let mut text = match &self.due {
            DueRule::Prepayment => {
                "The buyer pays on the day the invoice is issued, before delivery".to_owned()
            }
            DueRule::Net { days: n, counting } => {
                let noun = match counting {
                    DayCount::Calendar => days,
                    DayCount::Working => working_days,
                };
                format!(
                    "The buyer pays within {} of the invoice date",
                    noun.count(en, u64::from(*n))
                )
            }
            DueRule::EndOfMonth { days: n } => format!(
                "The buyer pays within {} after the end of the month of the invoice",
                days.count(en, u64::from(*n))
            ),
            DueRule::CashOnDelivery => {
                "The buyer pays on receiving the goods (cash on delivery)".to_owned()
            }
            DueRule::Instalments(plan) => format!(
                "The buyer pays in {} instalments: the first {} after the invoice date, each \
                 next one {} later",
                plan.count(),
                interval(plan.interval),
                interval(plan.interval)
            ),
        };
        if let Some(early) = &self.early_payment {
            let _ = write!(
                text,
                "; paying within {} of the invoice date, a discount of {}\u{a0}%",
                days.count(en, u64::from(early.within_days)),
                early.percent.normalize()
            );
        }
        text.push('.');
        text
    }

    /// The clause in Latvian.
    fn latvian_clause(&self) -> String {
        let lv = Language::Latvian;
        // Genitive after "laikā": "1 dienas laikā", "14 dienu laikā".
        let days = CountNoun::new("dienas", "dienu");
        let working_days = CountNoun::new("darba dienas", "darba dienu");
        // "pēc" with a number: "pēc 1 mēneša", "pēc 2 mēnešiem".
        let interval = |period: Period| match period {
            Period::Days(n) => CountNoun::new("dienas", "dienām").count(lv, u64::from(n)),
            Period::WorkingDays(n) => {
                CountNoun::new("darba dienas", "darba dienām").count(lv, u64::from(n))
            }
            Period::Months(n) => CountNoun::new("mēneša", "mēnešiem").count(lv, u64::from(n)),
        };
        let from_issue = "no rēķina izrakstīšanas dienas";
        let mut text = match &self.due {
            DueRule::Prepayment => {
                "Pircējs samaksā rēķina izrakstīšanas dienā, pirms piegādes".to_owned()
            }
            DueRule::Net { days: n, counting } => {
                let noun = match counting {
                    DayCount::Calendar => days,
                    DayCount::Working => working_days,
                };
                format!(
                    "Pircējs samaksā {} laikā {from_issue}",
                    noun.count(lv, u64::from(*n))
                )
            }
            DueRule::EndOfMonth { days: n } => format!(
                "Pircējs samaksā {} laikā pēc rēķina izrakstīšanas mēneša beigām",
                days.count(lv, u64::from(*n))
            ),
            DueRule::CashOnDelivery => "Pircējs samaksā, saņemot preci (pēcmaksa)".to_owned(),
            DueRule::Instalments(plan) => format!(
                "Pircējs samaksā {} daļās: pirmo pēc {} {from_issue}, katru nākamo ik pēc {}",
                plan.count(),
                interval(plan.interval),
                interval(plan.interval)
            ),
        };
        if let Some(early) = &self.early_payment {
            let _ = write!(
                text,
                "; samaksājot {} laikā {from_issue}, atlaide {}\u{a0}%",
                days.count(lv, u64::from(early.within_days)),
                early.percent.normalize().to_string().replace('.', ",")
            );
        }
        text.push('.');
        text
    }
}

impl fmt::Display for PaymentTerms {
    /// Describes the terms in English: "net 30 days", "net 1 day", "end of month + 15 days",
    /// "3 instalments, every 1m"; with ", 2 % discount within 10 days".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let en = Language::English;
        let days = CountNoun::new("day", "days");
        match &self.due {
            DueRule::Prepayment => f.write_str("prepayment")?,
            DueRule::Net {
                days: n,
                counting: DayCount::Calendar,
            } => write!(f, "net {}", days.display(en, u64::from(*n)))?,
            DueRule::Net {
                days: n,
                counting: DayCount::Working,
            } => write!(
                f,
                "net {}",
                CountNoun::new("working day", "working days").display(en, u64::from(*n))
            )?,
            DueRule::EndOfMonth { days: n } => {
                write!(f, "end of month + {}", days.display(en, u64::from(*n)))?;
            }
            DueRule::CashOnDelivery => f.write_str("cash on delivery")?,
            DueRule::Instalments(plan) => {
                write!(f, "{} instalments, every {}", plan.count(), plan.interval)?;
            }
        }
        if let Some(early) = &self.early_payment {
            write!(
                f,
                ", {} % discount within {}",
                early.percent.normalize(),
                days.display(en, u64::from(early.within_days))
            )?;
        }
        Ok(())
    }
}
