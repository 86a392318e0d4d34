//! A unit's previous report, which the forms show beside each task and indicator as a
//! reference (docs/bieu-mau-excel.md): for a period, the unit's valid report used in the latest
//! earlier period of the same year in which it has one.

use crate::model::dataset::DataSet;
use crate::model::ids::{IndicatorIdx, TaskIdx};
use crate::model::merge::used_files;
use crate::model::number::Num;
use crate::model::period::Period;
use crate::model::submission::{Inbox, Submission, TaskReport};

/// The report a unit's form shows as the previous one.
#[derive(Debug, Clone, Copy)]
pub struct PreviousReport<'a> {
    /// The period it was used for.
    pub period: Period,
    pub file: &'a Submission,
}

impl<'a> PreviousReport<'a> {
    /// What it says about a task, if it reports it.
    pub fn task(&self, task: TaskIdx) -> Option<&'a TaskReport> {
        self.file.tasks.iter().find(|t| t.task == task)
    }

    /// The value it gives an indicator, if any.
    pub fn indicator(&self, i: IndicatorIdx) -> Option<Num> {
        self.file
            .indicators
            .iter()
            .find(|(id, _)| *id == i)
            .map(|&(_, v)| v)
    }
}

/// Each unit's previous report before `period`, in registry order: among the periods of the
/// same year that end before it and have readable reports (the cycle's order: 6T is preferred
/// to Q2, which ends on the same day), the latest in which the unit has a valid report used
/// (the file [`merge_period`](crate::model::merge::merge_period) would use).
pub fn previous_reports<'a>(
    data: &DataSet,
    period: Period,
    inbox: &'a Inbox,
) -> Vec<Option<PreviousReport<'a>>> {
    let earlier = inbox.periods_before(period, data.config.cutoff);
    let mut found: Vec<Option<PreviousReport>> = vec![None; data.registry.len()];
    for q in earlier {
        if found.iter().all(Option::is_some) {
            break;
        }
        for (slot, used) in found.iter_mut().zip(used_files(data, q, inbox)) {
            if slot.is_none()
                && let Some(f) = used
            {
                *slot = Some(PreviousReport {
                    period: q,
                    file: &inbox[f],
                });
            }
        }
    }
    found
}
