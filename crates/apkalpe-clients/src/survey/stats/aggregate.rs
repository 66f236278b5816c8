//! Counting responses into statistics: the tallies and [`Survey::aggregate`].

use std::collections::HashMap;

use super::question::{OptionStats, QuestionDetail, QuestionStats};
use super::scale::{nps_groups, nps_score, percent, summarize};
use super::{AggregateOptions, SegmentScore, SegmentStats, SurveyStats};
use super::{Answer, QuestionKind, Response, Survey, check_answer};
use crate::error::ResponseError;
use crate::error::SurveyError;
use crate::text::{OptionId, Segment};

/// Raw counts of one question.
#[derive(Debug, Clone)]
enum Tally {
    Choice(Vec<u64>),
    Scale { min: u8, counts: Vec<u64> },
    Text,
}

/// Raw counts of all questions over some responses.
#[derive(Debug, Clone)]
struct Tallies {
    responses: u64,
    answered: Vec<u64>,
    tallies: Vec<Tally>,
    /// Scratch: which questions the current response answered.
    seen: Vec<bool>,
}

impl Tallies {
    fn new(survey: &Survey) -> Tallies {
        let tallies = survey
            .questions
            .iter()
            .map(|question| match &question.kind {
                QuestionKind::SingleChoice { options }
                | QuestionKind::MultipleChoice { options } => Tally::Choice(vec![0; options.len()]),
                kind => match kind.range() {
                    Some((min, max)) => Tally::Scale {
                        min,
                        counts: vec![0; usize::from(max.saturating_sub(min)).saturating_add(1)],
                    },
                    None => Tally::Text,
                },
            })
            .collect();
        Tallies {
            responses: 0,
            answered: vec![0; survey.questions.len()],
            tallies,
            seen: vec![false; survey.questions.len()],
        }
    }

    /// Checks a response and counts its answers, in one pass; reports the first problem in
    /// the order [`Survey::validate`] lists them.
    fn add(&mut self, survey: &Survey, response: &Response) -> Result<(), ResponseError> {
        self.seen.iter_mut().for_each(|seen| *seen = false);
        for (question_id, answer) in &response.answers {
            let Some((position, question)) = survey
                .questions
                .iter()
                .enumerate()
                .find(|(_, question)| &question.id == question_id)
            else {
                return Err(ResponseError::UnknownQuestion {
                    question: question_id.to_string(),
                });
            };
            check_answer(question, answer)?;
            if answer.is_empty() {
                continue;
            }
            let (Some(seen), Some(slot), Some(tally)) = (
                self.seen.get_mut(position),
                self.answered.get_mut(position),
                self.tallies.get_mut(position),
            ) else {
                continue;
            };
            *seen = true;
            *slot = slot.saturating_add(1);
            let options = question.kind.options();
            let bump_option = |counts: &mut Vec<u64>, option: &OptionId| {
                if let Some(index) = options.iter().position(|known| &known.id == option)
                    && let Some(cell) = counts.get_mut(index)
                {
                    *cell = cell.saturating_add(1);
                }
            };
            match (tally, answer) {
                (Tally::Choice(counts), Answer::Choice(option)) => bump_option(counts, option),
                (Tally::Choice(counts), Answer::Choices(chosen)) => {
                    for option in chosen {
                        bump_option(counts, option);
                    }
                }
                (Tally::Scale { min, counts }, Answer::Scale(value)) => {
                    if let Some(cell) = counts.get_mut(usize::from(value.saturating_sub(*min))) {
                        *cell = cell.saturating_add(1);
                    }
                }
                _ => {}
            }
        }
        for (question, seen) in survey.questions.iter().zip(&self.seen) {
            if question.required && !seen {
                return Err(ResponseError::MissingRequired {
                    question: question.id.to_string(),
                });
            }
        }
        self.responses = self.responses.saturating_add(1);
        Ok(())
    }

    /// Adds another group's counts.
    fn merge(&mut self, other: &Tallies) {
        self.responses = self.responses.saturating_add(other.responses);
        for (mine, theirs) in self.answered.iter_mut().zip(&other.answered) {
            *mine = mine.saturating_add(*theirs);
        }
        for (mine, theirs) in self.tallies.iter_mut().zip(&other.tallies) {
            if let (
                Tally::Choice(mine) | Tally::Scale { counts: mine, .. },
                Tally::Choice(theirs) | Tally::Scale { counts: theirs, .. },
            ) = (mine, theirs)
            {
                for (cell, add) in mine.iter_mut().zip(theirs) {
                    *cell = cell.saturating_add(*add);
                }
            }
        }
    }
}

impl Survey {
    /// Aggregates responses (T5.8): per question how many answered and skipped; per option
    /// the count and share; for rating and NPS questions the distribution, mean, median and
    /// sample standard deviation; for NPS the promoters, passives, detractors and score; the
    /// response rate when the invitation count is given; and per segment the NPS scores and
    /// rating means. Every share, statistic and rate is rounded with the options' rounding.
    ///
    /// # Errors
    ///
    /// [`SurveyError::InvalidResponse`] with the first problem of the first response that
    /// does not fit the survey.
    ///
    /// # Examples
    ///
    /// ```
    /// use apkalpe_clients::{AggregateOptions, Answer, QuestionId, Response, ResponseId, Survey};
    /// use rust_decimal::Decimal;
    ///
    /// let survey: Survey = serde_json::from_str(r#"{"id": "s", "title": {"en": "S"},
    ///     "questions": [{"id": "nps", "text": {"en": "Recommend?"}, "kind": {"type": "nps"}}]}"#)?;
    /// let nps = QuestionId::try_new("nps")?;
    /// let responses: Vec<Response> = [10, 9, 8, 3].iter().enumerate().map(|(i, score)| {
    ///     Response::new(ResponseId::try_new(&format!("r{i}")).unwrap()).with_answer(nps.clone(), Answer::Scale(*score))
    /// }).collect();
    /// let stats = survey.aggregate(&responses, &AggregateOptions::default().with_invited(10))?;
    /// assert_eq!(stats.response_rate(), Some(Decimal::new(4000, 2)));
    /// let apkalpe_clients::QuestionDetail::Nps { score, .. } = stats.questions()[0].detail() else { unreachable!() };
    /// assert_eq!(*score, Some(Decimal::new(2500, 2)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn aggregate(
        &self,
        responses: &[Response],
        options: &AggregateOptions,
    ) -> Result<SurveyStats, SurveyError> {
        let mut groups: Vec<(Option<&Segment>, Tallies)> = Vec::new();
        let mut positions: HashMap<Option<&Segment>, usize> = HashMap::new();
        for response in responses {
            let segment = response.segment.as_ref();
            let position = match positions.get(&segment) {
                Some(position) => *position,
                None => {
                    groups.push((segment, Tallies::new(self)));
                    let position = groups.len().saturating_sub(1);
                    positions.insert(segment, position);
                    position
                }
            };
            if let Some((_, tallies)) = groups.get_mut(position) {
                tallies
                    .add(self, response)
                    .map_err(|source| SurveyError::InvalidResponse {
                        response: response.id.to_string(),
                        source,
                    })?;
            }
        }
        groups.sort_by(|a, b| a.0.cmp(&b.0));
        let mut all = Tallies::new(self);
        for (_, tallies) in &groups {
            all.merge(tallies);
        }
        let rounding = options.rounding;
        let questions = self.question_stats(&all, options);
        let segments = groups
            .iter()
            .map(|(segment, tallies)| {
                let scores = self
                    .questions
                    .iter()
                    .zip(&tallies.tallies)
                    .zip(&tallies.answered)
                    .filter_map(|((question, tally), answered)| {
                        let Tally::Scale { min, counts } = tally else {
                            return None;
                        };
                        let (measure, value) = if question.kind == QuestionKind::Nps {
                            let (promoters, _, detractors) = nps_groups(counts);
                            ("nps", nps_score(promoters, detractors, *answered, rounding))
                        } else {
                            ("mean", summarize(*min, counts, rounding).mean)
                        };
                        Some(SegmentScore {
                            question: question.id.clone(),
                            measure,
                            value,
                        })
                    })
                    .collect();
                SegmentStats {
                    segment: segment.cloned(),
                    responses: tallies.responses,
                    scores,
                }
            })
            .collect();
        Ok(SurveyStats {
            survey: self.id.clone(),
            title: self.title.get(options.language).to_owned(),
            responses: all.responses,
            invited: options.invited,
            response_rate: options
                .invited
                .and_then(|invited| percent(all.responses, invited, rounding)),
            questions,
            segments,
        })
    }

    fn question_stats(&self, all: &Tallies, options: &AggregateOptions) -> Vec<QuestionStats> {
        let rounding = options.rounding;
        self.questions
            .iter()
            .zip(&all.tallies)
            .zip(&all.answered)
            .map(|((question, tally), answered)| {
                let detail = match tally {
                    Tally::Choice(counts) => QuestionDetail::Choice {
                        options: question
                            .kind
                            .options()
                            .iter()
                            .zip(counts)
                            .map(|(option, count)| OptionStats {
                                option: option.id.clone(),
                                text: option.text.get(options.language).to_owned(),
                                count: *count,
                                share: percent(*count, *answered, rounding),
                            })
                            .collect(),
                    },
                    Tally::Scale { min, counts } => {
                        let summary = summarize(*min, counts, rounding);
                        if question.kind == QuestionKind::Nps {
                            let (promoters, passives, detractors) = nps_groups(counts);
                            QuestionDetail::Nps {
                                summary,
                                promoters,
                                passives,
                                detractors,
                                score: nps_score(promoters, detractors, *answered, rounding),
                            }
                        } else {
                            QuestionDetail::Rating { summary }
                        }
                    }
                    Tally::Text => QuestionDetail::FreeText,
                };
                QuestionStats {
                    question: question.id.clone(),
                    text: question.text.get(options.language).to_owned(),
                    answered: *answered,
                    skipped: all.responses.saturating_sub(*answered),
                    detail,
                }
            })
            .collect()
    }
}
