//! The statistics of a rating or NPS scale: counts per point, mean, median, standard
//! deviation, and the net promoter score.

#[cfg(feature = "serde")]
use apkalpe_core::RestoreError;
use apkalpe_core::rounding::Rounding;
use rust_decimal::Decimal;
#[cfg(feature = "serde")]
use serde::ser::SerializeSeq;
#[cfg(feature = "serde")]
use serde::{Deserialize, Serialize, Serializer};

use super::decimal_sqrt;

/// Statistics of a rating scale or NPS question.
///
/// # Saved form
///
/// `{"min": 1, "counts": [{"value": 1, "count": 4}, …], "mean": "3.50", "median": "4",
/// "std_deviation": "1.29"}`, one count per point from `min` up. Deserialising also reads
/// `counts` as a bare list of numbers (the form written before issue 13) and checks that the
/// scale is one a question can have (from 0 or 1, 2–11 points), the points run without a gap
/// from `min`, and the mean and median are given exactly when there are answers, the
/// deviation from two answers.
///
/// # Examples
///
/// ```
/// use apkalpe_clients::{AggregateOptions, Answer, Question, QuestionDetail, QuestionId, QuestionKind, Response, ResponseId, Survey, SurveyId};
/// use apkalpe_core::{Language, LocalizedText};
///
/// let text = |t: &str| LocalizedText::new(Language::English, t);
/// let nps = QuestionId::try_new("nps")?;
/// let survey = Survey::try_new(SurveyId::try_new("s")?, text("Service"), vec![Question::new(nps.clone(), text("Recommend?"), QuestionKind::Nps)])?;
/// let responses = [
///     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(10)),
///     Response::new(ResponseId::try_new("r2")?).with_answer(nps.clone(), Answer::Scale(2)),
/// ];
/// let stats = survey.aggregate(&responses, &AggregateOptions::default())?;
/// # let _ = QuestionDetail::FreeText;
/// let QuestionDetail::Nps { summary, .. } = stats.questions()[0].detail() else { return Err("not nps".into()) };
/// assert_eq!(summary.mean(), Some(rust_decimal::Decimal::from(6)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(try_from = "ScaleSummaryRecord"))]
pub struct ScaleSummary {
    pub(super) min: u8,
    pub(super) counts: Vec<u64>,
    pub(super) mean: Option<Decimal>,
    pub(super) median: Option<Decimal>,
    pub(super) std_deviation: Option<Decimal>,
}

#[cfg(feature = "serde")]
impl Serialize for ScaleSummary {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        /// The fields as saved, the counts numbered by their point.
        #[cfg_attr(feature = "serde", derive(Serialize))]
        struct Saved<'a> {
            min: u8,
            counts: Points<'a>,
            #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
            mean: Option<Decimal>,
            #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
            median: Option<Decimal>,
            #[cfg_attr(feature = "serde", serde(with = "rust_decimal::serde::str_option"))]
            std_deviation: Option<Decimal>,
        }

        Saved {
            min: self.min,
            counts: Points {
                min: self.min,
                counts: &self.counts,
            },
            mean: self.mean,
            median: self.median,
            std_deviation: self.std_deviation,
        }
        .serialize(serializer)
    }
}

/// One point of a scale and how many chose it, as saved.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Serialize, Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct PointCount {
    value: u8,
    count: u64,
}

/// The counts of a scale from its lowest point, written as `{"value", "count"}` objects.
#[cfg(feature = "serde")]
struct Points<'a> {
    min: u8,
    counts: &'a [u64],
}

#[cfg(feature = "serde")]
impl Serialize for Points<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.counts.len()))?;
        for (value, count) in (self.min..).zip(self.counts) {
            seq.serialize_element(&PointCount {
                value,
                count: *count,
            })?;
        }
        seq.end()
    }
}

/// A count as read: a named point, or a bare number (the form written before issue 13).
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(untagged))]
#[cfg(feature = "serde")]
enum SavedCount {
    Point(PointCount),
    Bare(u64),
}

/// The saved form of a [`ScaleSummary`], before its checks.
#[derive(Debug)]
#[cfg_attr(feature = "serde", derive(Deserialize))]
#[cfg_attr(feature = "serde", serde(deny_unknown_fields))]
#[cfg(feature = "serde")]
struct ScaleSummaryRecord {
    min: u8,
    counts: Vec<SavedCount>,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::restore::decimal_option")
    )]
    mean: Option<Decimal>,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::restore::decimal_option")
    )]
    median: Option<Decimal>,
    #[cfg_attr(
        feature = "serde",
        serde(default, deserialize_with = "crate::restore::decimal_option")
    )]
    std_deviation: Option<Decimal>,
}

#[cfg(feature = "serde")]
impl TryFrom<ScaleSummaryRecord> for ScaleSummary {
    type Error = RestoreError;

    fn try_from(record: ScaleSummaryRecord) -> Result<Self, Self::Error> {
        const WHAT: &str = "ScaleSummary";
        if record.min > 1 {
            return Err(RestoreError::inconsistent(
                WHAT,
                "min",
                format_args!("a scale starts at 0 or 1, found {}", record.min),
            )
            .with_latvian_reason(format_args!(
                "skala sākas ar 0 vai 1, bet ir {}",
                record.min
            )));
        }
        if !(2..=11).contains(&record.counts.len()) {
            return Err(RestoreError::inconsistent(
                WHAT,
                "counts",
                format_args!("a scale has 2 to 11 points, found {}", record.counts.len()),
            )
            .with_latvian_reason(format_args!(
                "skalā ir no 2 līdz 11 punktiem, bet ir {}",
                record.counts.len()
            )));
        }
        let mut counts = Vec::with_capacity(record.counts.len());
        for ((position, saved), expected) in record.counts.into_iter().enumerate().zip(record.min..)
        {
            counts.push(match saved {
                SavedCount::Bare(count) => count,
                SavedCount::Point(point) if point.value == expected => point.count,
                SavedCount::Point(point) => {
                    return Err(RestoreError::inconsistent(
                        WHAT,
                        format!("counts[{position}].value"),
                        format_args!("expected point {expected}, found {}", point.value),
                    )
                    .with_latvian_reason(format_args!(
                        "vajadzēja punktu {expected}, bet ir {}",
                        point.value
                    )));
                }
            });
        }
        let answers: u64 = counts
            .iter()
            .fold(0, |sum, count| sum.saturating_add(*count));
        let given = |field: &'static str, value: Option<Decimal>, needed: u64| {
            if value.is_some() == (answers >= needed) {
                Ok(())
            } else {
                Err(RestoreError::inconsistent(
                    WHAT,
                    field,
                    format_args!(
                        "given exactly when there are at least {needed} answers, found {answers}"
                    ),
                )
                .with_latvian_reason(format_args!(
                    "norāda tieši tad, ja atbilžu ir vismaz {needed}, bet to ir {answers}"
                )))
            }
        };
        given("mean", record.mean, 1)?;
        given("median", record.median, 1)?;
        given("std_deviation", record.std_deviation, 2)?;
        Ok(ScaleSummary {
            min: record.min,
            counts,
            mean: record.mean,
            median: record.median,
            std_deviation: record.std_deviation,
        })
    }
}

impl ScaleSummary {
    /// Returns the number of answers: the sum of the counts.
    #[cfg(feature = "serde")]
    pub(super) fn answers(&self) -> u64 {
        self.counts
            .iter()
            .fold(0, |sum, count| sum.saturating_add(*count))
    }

    /// Returns how many chose each point, from the lowest point up.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// # let apkalpe_clients::QuestionDetail::Nps { summary, .. } = question.detail() else { return Err("not nps".into()) };
    /// assert_eq!(summary.counts().len(), 11);
    /// assert_eq!(summary.counts()[9], 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Returns the lowest point (1 for a rating, 0 for NPS).
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// # let apkalpe_clients::QuestionDetail::Nps { summary, .. } = question.detail() else { return Err("not nps".into()) };
    /// assert_eq!(summary.min(), 0);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn min(&self) -> u8 {
        self.min
    }

    /// Returns the mean, `None` without answers.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// # let apkalpe_clients::QuestionDetail::Nps { summary, .. } = question.detail() else { return Err("not nps".into()) };
    /// // (9 + 3 + 10) / 3, to 2 places.
    /// assert_eq!(summary.mean(), Some(rust_decimal::Decimal::new(733, 2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn mean(&self) -> Option<Decimal> {
        self.mean
    }

    /// Returns the median, `None` without answers.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// # let apkalpe_clients::QuestionDetail::Nps { summary, .. } = question.detail() else { return Err("not nps".into()) };
    /// assert_eq!(summary.median(), Some(rust_decimal::Decimal::from(9)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn median(&self) -> Option<Decimal> {
        self.median
    }

    /// Returns the sample standard deviation (divisor n − 1), `None` below two answers.
    ///
    /// # Examples
    ///
    /// ```
    /// # use apkalpe_clients::{AggregateOptions, Answer, ChoiceOption, OptionId, Question, QuestionId, QuestionKind, Response, ResponseId, Segment, Survey, SurveyId};
    /// # use apkalpe_core::{Language, LocalizedText};
    /// # let text = |t: &str| LocalizedText::new(Language::English, t);
    /// # let nps = QuestionId::try_new("nps")?;
    /// # let channel = QuestionId::try_new("channel")?;
    /// # let web = OptionId::try_new("web")?;
    /// # let options = vec![ChoiceOption::new(web.clone(), text("Web")), ChoiceOption::new(OptionId::try_new("shop")?, text("Shop"))];
    /// # let survey = Survey::try_new(SurveyId::try_new("service-2026")?, text("Service"), vec![
    /// #     Question::new(nps.clone(), text("Would you recommend us?"), QuestionKind::Nps).required(),
    /// #     Question::new(channel.clone(), text("Where did you buy?"), QuestionKind::SingleChoice { options }),
    /// # ])?;
    /// # let responses = [
    /// #     Response::new(ResponseId::try_new("r1")?).with_answer(nps.clone(), Answer::Scale(9)).with_answer(channel.clone(), Answer::Choice(web.clone())),
    /// #     Response::new(ResponseId::try_new("r2")?).with_segment(Segment::try_new("retail")?).with_answer(nps.clone(), Answer::Scale(3)),
    /// #     Response::new(ResponseId::try_new("r3")?).with_answer(nps.clone(), Answer::Scale(10)),
    /// # ];
    /// # let _ = (&survey, &responses, &channel, &web, &text, &nps, AggregateOptions::default());
    /// # let stats = survey.aggregate(&responses, &AggregateOptions::default().with_language(Language::English))?;
    /// # let question = stats.question("nps").ok_or("no question")?;
    /// # let apkalpe_clients::QuestionDetail::Nps { summary, .. } = question.detail() else { return Err("not nps".into()) };
    /// assert!(summary.std_deviation().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn std_deviation(&self) -> Option<Decimal> {
        self.std_deviation
    }
}

/// `part / whole × 100`, rounded; `None` when `whole` is 0.
pub(super) fn percent(part: u64, whole: u64, rounding: Rounding) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    let value = Decimal::from(part)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(whole))?;
    rounding.apply(value).ok()
}

pub(super) fn summarize(min: u8, counts: &[u64], rounding: Rounding) -> ScaleSummary {
    let mut n: i128 = 0;
    let mut sum: i128 = 0;
    let mut squares: i128 = 0;
    for (offset, count) in (0_i128..).zip(counts) {
        let value = i128::from(min).saturating_add(offset);
        let count = i128::from(*count);
        n = n.saturating_add(count);
        sum = sum.saturating_add(value.saturating_mul(count));
        squares = squares.saturating_add(value.saturating_mul(value).saturating_mul(count));
    }
    let decimal = |value: i128| Decimal::try_from_i128_with_scale(value, 0).ok();
    let mean = (n > 0)
        .then(|| decimal(sum)?.checked_div(decimal(n)?))
        .flatten();
    let median = median(min, counts, n);
    let std_deviation = (n > 1)
        .then(|| {
            let numerator = n.checked_mul(squares)?.checked_sub(sum.checked_mul(sum)?)?;
            let denominator = n.checked_mul(n.checked_sub(1)?)?;
            decimal_sqrt(decimal(numerator)?.checked_div(decimal(denominator)?)?)
        })
        .flatten();
    let round = |value: Option<Decimal>| value.and_then(|value| rounding.apply(value).ok());
    ScaleSummary {
        min,
        counts: counts.to_vec(),
        mean: round(mean),
        median: round(median),
        std_deviation: round(std_deviation),
    }
}

/// The median of a histogram: the middle value, or the mean of the two middle values.
pub(super) fn median(min: u8, counts: &[u64], n: i128) -> Option<Decimal> {
    if n <= 0 {
        return None;
    }
    let value_at = |rank: i128| -> Option<Decimal> {
        let mut seen: i128 = 0;
        for (offset, count) in (0_i64..).zip(counts) {
            seen = seen.saturating_add(i128::from(*count));
            if seen > rank {
                return Some(Decimal::from(i64::from(min).saturating_add(offset)));
            }
        }
        None
    };
    let upper = value_at(n / 2)?;
    if n % 2 == 1 {
        return Some(upper);
    }
    let lower = value_at(n / 2 - 1)?;
    lower.checked_add(upper)?.checked_div(Decimal::TWO)
}

/// Promoters, passives and detractors of NPS counts (index = score).
pub(super) fn nps_groups(counts: &[u64]) -> (u64, u64, u64) {
    let sum = |range: std::ops::Range<usize>| -> u64 {
        counts.get(range).map_or(0, |cells| cells.iter().sum())
    };
    (sum(9..11), sum(7..9), sum(0..7))
}

pub(super) fn nps_score(
    promoters: u64,
    detractors: u64,
    answered: u64,
    rounding: Rounding,
) -> Option<Decimal> {
    if answered == 0 {
        return None;
    }
    let difference = i128::from(promoters) - i128::from(detractors);
    let value = Decimal::try_from_i128_with_scale(difference, 0)
        .ok()?
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(answered))?;
    rounding.apply(value).ok()
}
