//! The statistics as a text table for people.

use std::fmt;

use rust_decimal::Decimal;

use super::SurveyStats;
use super::question::QuestionDetail;
use super::scale::ScaleSummary;

/// Formats an optional decimal, `—` for none.
fn show(value: Option<Decimal>) -> String {
    value.map_or_else(|| "—".to_owned(), |value| value.to_string())
}

impl fmt::Display for SurveyStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "survey {}: {}", self.survey, self.title)?;
        match (self.invited, self.response_rate) {
            (Some(invited), Some(rate)) => writeln!(
                f,
                "responses {} of {invited} invited ({rate} %)",
                self.responses
            )?,
            _ => writeln!(f, "responses {}", self.responses)?,
        }
        for question in &self.questions {
            writeln!(f)?;
            writeln!(f, "[{}] {}", question.question, question.text)?;
            writeln!(
                f,
                "    answered {}, skipped {}",
                question.answered, question.skipped
            )?;
            match &question.detail {
                QuestionDetail::Choice { options } => {
                    writeln!(f, "    {:<28} {:>7} {:>9}", "option", "count", "share %")?;
                    for option in options {
                        let label = format!("{} ({})", option.text, option.option);
                        writeln!(
                            f,
                            "    {:<28} {:>7} {:>9}",
                            label,
                            option.count,
                            show(option.share)
                        )?;
                    }
                }
                QuestionDetail::Rating { summary } => write_summary(f, summary)?,
                QuestionDetail::Nps {
                    summary,
                    promoters,
                    passives,
                    detractors,
                    score,
                } => {
                    write_summary(f, summary)?;
                    writeln!(
                        f,
                        "    promoters {promoters}, passives {passives}, detractors {detractors}, nps {}",
                        show(*score)
                    )?;
                }
                QuestionDetail::FreeText => {}
            }
        }
        if !self.segments.is_empty() {
            writeln!(f)?;
            writeln!(f, "by segment")?;
            write!(f, "    {:<16} {:>9}", "segment", "responses")?;
            if let Some(first) = self.segments.first() {
                for score in &first.scores {
                    // "satisfaction mean"; an NPS question called "nps" is just "nps".
                    let question = score.question.to_string();
                    let header = if question == score.measure {
                        question
                    } else {
                        format!("{question} {}", score.measure)
                    };
                    write!(f, " {header:>20}")?;
                }
            }
            writeln!(f)?;
            for segment in &self.segments {
                let name = segment
                    .segment
                    .as_ref()
                    .map_or("(none)", |segment| segment.as_str());
                write!(f, "    {:<16} {:>9}", name, segment.responses)?;
                for score in &segment.scores {
                    write!(f, " {:>20}", show(score.value))?;
                }
                writeln!(f)?;
            }
        }
        Ok(())
    }
}

fn write_summary(f: &mut fmt::Formatter<'_>, summary: &ScaleSummary) -> fmt::Result {
    let distribution: Vec<String> = (u32::from(summary.min)..)
        .zip(&summary.counts)
        .map(|(value, count)| format!("{value}:{count}"))
        .collect();
    writeln!(f, "    distribution {}", distribution.join(" "))?;
    writeln!(
        f,
        "    mean {}, median {}, std deviation {}",
        show(summary.mean),
        show(summary.median),
        show(summary.std_deviation)
    )
}
