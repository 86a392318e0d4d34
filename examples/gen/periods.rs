//! Periods: the library's, with the ND09 cut-off and the default `han_nop` (the number of
//! days after a period's end that a report is due).

use baocao::model::config::SubmissionDays;
use baocao::model::period::{CutOff, Period};
use chrono::NaiveDate;

/// A `--periods` entry; years outside 2001..=2099 are refused.
pub fn parse_period(s: &str) -> Option<Period> {
    Period::parse(s)
        .ok()
        .filter(|p| (2001..=2099).contains(&p.year))
}

/// The last day a report is on time, with `han_nop` as config_yaml writes it.
pub fn deadline(p: Period) -> NaiveDate {
    p.submission_deadline(
        CutOff::Nd09,
        SubmissionDays::default().days(p.report_kind()),
    )
}

/// Length of the data window in months.
pub fn months(p: Period) -> f64 {
    (p.end(CutOff::Nd09) - p.start(CutOff::Nd09)).num_days() as f64 / 30.4
}
