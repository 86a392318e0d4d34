//! Plan + submissions → one merged period (docs/du-lieu.md, "tong-hop"): which file of each
//! unit is used (resubmission, ties), each unit's submission status, each task's city-level
//! status and overdue flag, and the indicators (sums, and ratios of sums).

use crate::diagnostics::{self, Diagnostic, code};
use crate::model::catalogue::Method;
use crate::model::dataset::DataSet;
use crate::model::ids::{FileIdx, UnitIdx};
use crate::model::number::Num;
use crate::model::period::Period;
use crate::model::plan::{Plan, Role};
use crate::model::report::{PeriodReport, TaskResult, UnitReport, UnitResult, UnitState};
use crate::model::status::{Status, StatusCounts};
use crate::model::submission::Inbox;
use chrono::NaiveDate;

/// Merges one period. `inbox` holds every file read; those of other periods are ignored.
pub fn merge_period<'a>(
    data: &'a DataSet,
    plan: &'a Plan,
    period: Period,
    inbox: &'a Inbox,
) -> PeriodReport<'a> {
    let rule = data.config.cutoff;
    let end = period.end(rule);
    let deadline = data.config.submission_deadline(period);
    let n_units = data.registry.len();
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    let units = unit_results(data, period, inbox, &mut diagnostics);

    let year_end = Period::year(plan.year).end(rule);
    let tasks = task_results(plan, &units, inbox, end, year_end, n_units);
    let counts = StatusCounts::of(tasks.iter().map(|t| t.status));
    let overdue = tasks.iter().filter(|t| t.overdue).count();
    let indicators = compute_indicators(data, &units, inbox);
    diagnostics::sort(&mut diagnostics);
    PeriodReport {
        period,
        data,
        plan,
        inbox,
        start: period.start(rule),
        end,
        submission_deadline: deadline,
        tasks,
        counts,
        overdue,
        units,
        indicators,
        diagnostics,
        previous: None,
    }
}

/// Each unit's files for the period and the one it uses, in registry order; the diagnostics
/// of the period's files (and of files whose period cannot be read) and of the choice are
/// added to `diagnostics`.
fn unit_results(
    data: &DataSet,
    period: Period,
    inbox: &Inbox,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<UnitResult> {
    let deadline = data.config.submission_deadline(period);
    // Files of this period, by owning unit.
    let mut by_unit: Vec<Vec<FileIdx>> = vec![Vec::new(); data.registry.len()];
    for (i, s) in inbox.iter() {
        match s.period {
            Some(p) if p == period => {
                diagnostics.extend(s.diags.iter().cloned());
                if let Some(u) = s.owner() {
                    by_unit[u.index()].push(i);
                }
            }
            Some(_) => {}
            None => diagnostics.extend(s.diags.iter().cloned()),
        }
    }
    data.registry
        .unit_ids()
        .zip(by_unit)
        .map(|(u, files)| choose_file(data, u, files, inbox, deadline, diagnostics))
        .collect()
}

/// The file each unit uses for a period (the same choice as [`merge_period`]), in registry
/// order; none for a unit without a valid report, or with tied ones.
pub fn used_files(data: &DataSet, period: Period, inbox: &Inbox) -> Vec<Option<FileIdx>> {
    unit_results(data, period, inbox, &mut Vec::new())
        .into_iter()
        .map(|u| u.used)
        .collect()
}

/// Every task's reports, city-level status, overdue flag and missing lead units.
fn task_results(
    plan: &Plan,
    units: &[UnitResult],
    inbox: &Inbox,
    end: NaiveDate,
    year_end: NaiveDate,
    n_units: usize,
) -> Vec<TaskResult> {
    let mut tasks: Vec<TaskResult> = plan
        .task_ids()
        .map(|t| TaskResult {
            task: t,
            status: Status::NotReported,
            overdue: false,
            due: plan[t].due_date(year_end),
            reports: Vec::new(),
            missing: Vec::new(),
        })
        .collect();
    for ur in units {
        let Some(f) = ur.used else { continue };
        for (item, rep) in inbox[f].tasks.iter().enumerate() {
            tasks[rep.task.index()].reports.push(UnitReport {
                unit: ur.unit,
                role: plan[rep.task].role_of(ur.unit),
                file: f,
                item,
            });
        }
    }
    for tr in &mut tasks {
        let task = &plan[tr.task];
        let lead_statuses: Vec<Status> = tr
            .reports
            .iter()
            .filter(|r| r.role == Role::Lead)
            .map(|r| inbox[r.file].tasks[r.item].status)
            .collect();
        let due = tr.due.is_some_and(|d| d <= end);
        tr.status = city_status(&lead_statuses, task.leads.len(), due);
        tr.overdue = due && tr.status != Status::Done;
        let mut reported = vec![false; n_units];
        for r in &tr.reports {
            reported[r.unit.index()] = true;
        }
        tr.missing = task
            .leads
            .iter()
            .copied()
            .filter(|u| !reported[u.index()])
            .collect();
    }
    tasks
}

/// The city-level status of a task from its lead units' statuses (first rule that applies).
pub fn city_status(lead_statuses: &[Status], lead_count: usize, due: bool) -> Status {
    let any = |s: Status| lead_statuses.contains(&s);
    if lead_statuses.is_empty() {
        Status::NotReported
    } else if lead_statuses.len() == lead_count && lead_statuses.iter().all(|s| *s == Status::Done)
    {
        Status::Done
    } else if any(Status::Behind) || due {
        Status::Behind
    } else if any(Status::InProgress) || any(Status::Done) {
        Status::InProgress
    } else {
        Status::NotStarted
    }
}

/// Which file of a unit is used (docs/du-lieu.md, "Nộp lại"): the valid file with the latest
/// `ngay_bao_cao`; among files of that date, the one modified last, with a warning on each
/// other one naming the file used; only when the modification times are equal too, an error
/// on each tied file and none used. Whether the unit reported on time is decided by its
/// earliest valid file.
fn choose_file(
    data: &DataSet,
    unit: UnitIdx,
    files: Vec<FileIdx>,
    inbox: &Inbox,
    deadline: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> UnitResult {
    // The latest file: by date (a file without a readable date counts as earliest), then path.
    let latest = |cands: &mut dyn Iterator<Item = FileIdx>| {
        cands.max_by(|&a, &b| {
            inbox[a]
                .date
                .cmp(&inbox[b].date)
                .then_with(|| inbox[a].file.cmp(&inbox[b].file))
        })
    };
    let mut result = UnitResult {
        unit,
        state: if files.is_empty() {
            UnitState::NotSubmitted
        } else {
            UnitState::Invalid
        },
        used: None,
        shown: latest(&mut files.iter().copied()),
        on_time: false,
        files,
    };
    let valid: Vec<FileIdx> = result
        .files
        .iter()
        .copied()
        .filter(|&i| inbox[i].is_valid())
        .collect();
    let Some(best_date) = valid.iter().filter_map(|&i| inbox[i].date).max() else {
        return result;
    };
    let earliest = valid.iter().filter_map(|&i| inbox[i].date).min();
    let same_date: Vec<FileIdx> = valid
        .iter()
        .copied()
        .filter(|&i| inbox[i].date == Some(best_date))
        .collect();
    let newest = same_date.iter().map(|&i| inbox[i].modified).max().flatten();
    let tied: Vec<FileIdx> = same_date
        .iter()
        .copied()
        .filter(|&i| inbox[i].modified == newest)
        .collect();
    if let [only] = tied[..] {
        for &other in same_date.iter().filter(|&&i| i != only) {
            diagnostics.push(replaced(&inbox[other].file, &inbox[only].file, best_date));
        }
        result.state = UnitState::Valid;
        result.used = Some(only);
        result.shown = Some(only);
        result.on_time = earliest.is_some_and(|d| d <= deadline);
        return result;
    }
    let names: Vec<&str> = tied.iter().map(|&i| inbox[i].file.as_str()).collect();
    for &i in &tied {
        diagnostics.push(
            Diagnostic::error(
                code::BAO_CAO_MAU_THUAN,
                &inbox[i].file,
                format!(
                    "{} có {} báo cáo hợp lệ cùng ngày {} và cùng thời điểm lưu cho kỳ này ({}); không xác định được báo cáo nào là bản cuối nên không báo cáo nào được dùng.",
                    data.registry[unit].name,
                    tied.len(),
                    best_date.format("%d/%m/%Y"),
                    names.join(", ")
                ),
            )
            .hint(Some("Xóa các bản cũ, chỉ để lại bản cuối cùng trong thư mục của đơn vị.".into())),
        );
    }
    // `shown` stays the unit's latest file of all, as for a unit without a valid file.
    result.state = UnitState::Conflict;
    result
}

/// The warning on a valid file replaced by a file of the same date saved later.
fn replaced(file: &str, used: &str, date: NaiveDate) -> Diagnostic {
    Diagnostic::warning(
        code::BAN_THAY_THE,
        file,
        format!(
            "Báo cáo này cùng ngày {} với tệp {} được lưu sau, nên tệp {} được dùng; tệp này không được dùng.",
            date.format("%d/%m/%Y"),
            used,
            used
        ),
    )
    .hint(Some("Nếu đây mới là bản đúng, sửa ngay_bao_cao cho đúng ngày lập hoặc xóa bản kia.".into()))
}

/// Sums over the accepted submissions, and ratios of sums.
fn compute_indicators(data: &DataSet, units: &[UnitResult], inbox: &Inbox) -> Vec<Option<Num>> {
    let cat = &data.catalogue;
    let mut sums: Vec<Option<Num>> = vec![None; cat.len()];
    for ur in units {
        let Some(f) = ur.used else { continue };
        for &(i, v) in &inbox[f].indicators {
            let slot = &mut sums[i.index()];
            *slot = Some(slot.map_or(v, |s| s + v));
        }
    }
    cat.ids()
        .map(|i| match cat[i].method {
            Method::Sum => sums[i.index()],
            Method::Ratio {
                numerator,
                denominator,
            } => Num::ratio(sums[numerator.index()], sums[denominator.index()]),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn city_status_rules_in_order() {
        // (lead statuses, number of leads, due, expected)
        let cases: &[(&[Status], usize, bool, Status)] = &[
            (&[], 3, false, NotReported),
            (&[], 3, true, NotReported),
            (&[], 0, true, NotReported),
            (&[Done, Done], 2, true, Done),
            (&[Done, Done], 3, false, InProgress),
            (&[Done, Done], 3, true, Behind),
            (&[Done, Behind], 2, false, Behind),
            (&[InProgress], 1, true, Behind),
            (&[NotStarted], 1, true, Behind),
            (&[InProgress, NotStarted], 2, false, InProgress),
            (&[NotStarted, Done], 2, false, InProgress),
            (&[NotStarted, NotStarted], 2, false, NotStarted),
            (&[NotStarted], 3, false, NotStarted),
        ];
        for (leads, n, due, want) in cases {
            assert_eq!(
                city_status(leads, *n, *due),
                *want,
                "{leads:?} of {n}, due {due}"
            );
        }
    }
}
