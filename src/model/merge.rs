//! Plan + submissions → one merged period (SPEC §5.3): which file of each unit is used
//! (resubmission, ties), each unit's submission status, each task's city-level status and
//! overdue flag, and the indicators (sums, and ratios of sums).

use crate::diagnostics::{self, Diagnostic};
use crate::input::DataSet;
use crate::input::indicators::Method;
use crate::input::plan::{Plan, Role};
use crate::input::reader::Num;
use crate::input::submission::{Submission, TaskReport};
use crate::model::period::{Period, PeriodKind};
use crate::model::status::Status;
use chrono::NaiveDate;

/// One period, merged.
#[derive(Debug)]
pub struct PeriodReport<'a> {
    pub period: Period,
    pub data: &'a DataSet,
    pub plan: &'a Plan,
    /// Every submission read (all periods); the results below index into it.
    pub submissions: &'a [Submission],
    /// First and last day of the data window.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Last day a unit's report is on time.
    pub deadline: NaiveDate,
    /// One per plan task, in plan order.
    pub tasks: Vec<TaskResult>,
    /// Tasks per status, in the order of [`Status::ALL`].
    pub counts: [usize; 5],
    /// Tasks due in the period and not completed.
    pub overdue: usize,
    /// One per registry unit, in registry order.
    pub units: Vec<UnitResult>,
    /// One per catalogue indicator, in catalogue order.
    pub indicators: Vec<Option<Num>>,
    /// Diagnostics of this period's files and of files whose period cannot be read, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The previous period of the same year that has reports, with each task's status then
    /// (by plan position): for "progress since the last period".
    pub previous: Option<Previous>,
}

/// The statuses of the previous period.
#[derive(Debug, Clone)]
pub struct Previous {
    pub period: Period,
    /// City-level status of each task, by plan position.
    pub statuses: Vec<Status>,
    /// Overdue flag of each task, by plan position.
    pub overdue: Vec<bool>,
}

impl Previous {
    pub fn of(r: &PeriodReport) -> Previous {
        Previous {
            period: r.period,
            statuses: r.tasks.iter().map(|t| t.status).collect(),
            overdue: r.tasks.iter().map(|t| t.overdue).collect(),
        }
    }
}

/// A task's city-level result.
#[derive(Debug, Clone)]
pub struct TaskResult {
    /// Plan position.
    pub task: usize,
    pub status: Status,
    /// Due in the period and not completed.
    pub overdue: bool,
    /// The due date, if the task has one.
    pub due: Option<NaiveDate>,
    /// Every unit whose accepted submission reports the task, in registry order.
    pub reports: Vec<UnitReport>,
    /// Lead units without such a report, in lead order.
    pub missing: Vec<usize>,
}

/// One unit's report on one task.
#[derive(Debug, Clone, Copy)]
pub struct UnitReport {
    pub unit: usize,
    pub role: Role,
    /// The submission (index into [`PeriodReport::submissions`]) and the task's position in it.
    pub submission: usize,
    pub item: usize,
}

/// How a unit stands for the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitState {
    /// No file for the period.
    NotSubmitted,
    /// Exactly one valid file was used.
    Valid,
    /// Files, none of them valid.
    Invalid,
    /// Several valid files tie on the latest date: none is used ("báo cáo mâu thuẫn").
    Conflict,
}

impl UnitState {
    pub fn code(self) -> &'static str {
        match self {
            UnitState::NotSubmitted => "chua_nop",
            UnitState::Valid => "hop_le",
            UnitState::Invalid => "khong_hop_le",
            UnitState::Conflict => "mau_thuan",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            UnitState::NotSubmitted => "Chưa nộp",
            UnitState::Valid => "Hợp lệ",
            UnitState::Invalid => "Báo cáo không hợp lệ",
            UnitState::Conflict => "Báo cáo mâu thuẫn",
        }
    }
}

/// A unit's submission status for the period.
#[derive(Debug, Clone)]
pub struct UnitResult {
    pub unit: usize,
    pub state: UnitState,
    /// Its files for the period (indexes into the submissions), in walk order.
    pub files: Vec<usize>,
    /// The file used, when exactly one valid file was used.
    pub used: Option<usize>,
    /// The file shown (`tep`, `ngay_bao_cao`): the one used, else its latest.
    pub shown: Option<usize>,
    /// The file used is on time.
    pub on_time: bool,
}

impl UnitResult {
    /// A valid report sent after the deadline.
    pub fn is_late(&self) -> bool {
        self.state == UnitState::Valid && !self.on_time
    }
}

impl<'a> PeriodReport<'a> {
    /// The task report behind a [`UnitReport`].
    pub fn item(&self, r: &UnitReport) -> &'a TaskReport {
        &self.submissions[r.submission].tasks[r.item]
    }

    /// A task's status at the previous period, if there is one.
    pub fn previous_status(&self, task: usize) -> Option<Status> {
        self.previous
            .as_ref()
            .and_then(|p| p.statuses.get(task).copied())
    }

    /// Tasks completed since the previous period (completed now, not then).
    pub fn completed_since(&self) -> Vec<usize> {
        self.tasks
            .iter()
            .filter(|t| {
                t.status == Status::HoanThanh
                    && self
                        .previous_status(t.task)
                        .is_some_and(|p| p != Status::HoanThanh)
            })
            .map(|t| t.task)
            .collect()
    }

    /// Tasks that fell behind since the previous period: behind schedule or overdue now, and
    /// neither then.
    pub fn fell_behind(&self) -> Vec<usize> {
        let Some(p) = &self.previous else {
            return Vec::new();
        };
        self.tasks
            .iter()
            .filter(|t| {
                let now = t.status == Status::ChamTienDo || t.overdue;
                let then = p.statuses[t.task] == Status::ChamTienDo || p.overdue[t.task];
                now && !then
            })
            .map(|t| t.task)
            .collect()
    }

    pub fn count(&self, s: Status) -> usize {
        self.counts[Status::ALL.iter().position(|x| *x == s).unwrap_or(0)]
    }

    /// How many units are in each submission state.
    pub fn unit_counts(&self) -> UnitCounts {
        let count = |f: &dyn Fn(&UnitResult) -> bool| self.units.iter().filter(|u| f(u)).count();
        UnitCounts {
            tong: self.units.len(),
            da_nop: count(&|u| !u.files.is_empty()),
            hop_le: count(&|u| u.state == UnitState::Valid),
            dung_han: count(&|u| u.state == UnitState::Valid && u.on_time),
            nop_tre: count(&|u| u.is_late()),
            khong_hop_le: count(&|u| u.state == UnitState::Invalid),
            mau_thuan: count(&|u| u.state == UnitState::Conflict),
            chua_nop: count(&|u| u.state == UnitState::NotSubmitted),
        }
    }

    /// The errors and warnings of all a unit's files for the period.
    pub fn unit_tally(&self, u: &UnitResult) -> diagnostics::Tally {
        diagnostics::Tally::of(
            u.files
                .iter()
                .flat_map(|&f| self.submissions[f].diags.iter()),
        )
    }
}

/// The units of a period by submission state (the JSON's `dem_don_vi`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct UnitCounts {
    pub tong: usize,
    pub da_nop: usize,
    pub hop_le: usize,
    pub dung_han: usize,
    pub nop_tre: usize,
    pub khong_hop_le: usize,
    pub mau_thuan: usize,
    pub chua_nop: usize,
}

/// The end of the annual period of a plan year: when a recurring task without milestones is
/// due.
fn year_end(data: &DataSet, year: i32) -> NaiveDate {
    Period {
        year,
        kind: PeriodKind::Year,
    }
    .end(data.config.cutoff)
}

/// Merges one period. `submissions` holds every file read; those of other periods are ignored.
pub fn merge_period<'a>(
    data: &'a DataSet,
    plan: &'a Plan,
    period: Period,
    submissions: &'a [Submission],
) -> PeriodReport<'a> {
    let rule = data.config.cutoff;
    let end = period.end(rule);
    let deadline = data.config.deadline(period);
    let n_units = data.registry.units.len();

    // Files of this period, by owning unit.
    let mut by_unit: Vec<Vec<usize>> = vec![Vec::new(); n_units];
    let mut diagnostics: Vec<Diagnostic> = Vec::new();
    for (i, s) in submissions.iter().enumerate() {
        match s.period {
            Some(p) if p == period => {
                diagnostics.extend(s.diags.iter().cloned());
                if let Some(u) = s.owner() {
                    by_unit[u].push(i);
                }
            }
            Some(_) => {}
            None => diagnostics.extend(s.diags.iter().cloned()),
        }
    }

    // Which file each unit uses.
    let mut units = Vec::with_capacity(n_units);
    for (u, files) in by_unit.into_iter().enumerate() {
        units.push(choose_file(
            data,
            u,
            files,
            submissions,
            deadline,
            &mut diagnostics,
        ));
    }

    // Tasks.
    let ye = year_end(data, plan.year);
    let mut tasks: Vec<TaskResult> = plan
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| TaskResult {
            task: i,
            status: Status::ChuaBaoCao,
            overdue: false,
            due: t.due_date(ye),
            reports: Vec::new(),
            missing: Vec::new(),
        })
        .collect();
    for ur in &units {
        let Some(s) = ur.used else { continue };
        for (item, rep) in submissions[s].tasks.iter().enumerate() {
            tasks[rep.task].reports.push(UnitReport {
                unit: ur.unit,
                role: plan.tasks[rep.task].role_of(ur.unit),
                submission: s,
                item,
            });
        }
    }
    let mut counts = [0usize; 5];
    let mut overdue = 0;
    for tr in &mut tasks {
        let task = &plan.tasks[tr.task];
        let lead_statuses: Vec<Status> = tr
            .reports
            .iter()
            .filter(|r| r.role == Role::Lead)
            .map(|r| submissions[r.submission].tasks[r.item].status)
            .collect();
        let due = tr.due.is_some_and(|d| d <= end);
        tr.status = city_status(&lead_statuses, task.leads.len(), due);
        tr.overdue = due && tr.status != Status::HoanThanh;
        let mut reported = vec![false; n_units];
        for r in &tr.reports {
            reported[r.unit] = true;
        }
        tr.missing = task
            .leads
            .iter()
            .copied()
            .filter(|&u| !reported[u])
            .collect();
        counts[Status::ALL
            .iter()
            .position(|s| *s == tr.status)
            .unwrap_or(0)] += 1;
        overdue += usize::from(tr.overdue);
    }

    let indicators = compute_indicators(data, &units, submissions);
    diagnostics::sort(&mut diagnostics);
    PeriodReport {
        period,
        data,
        plan,
        submissions,
        start: period.start(rule),
        end,
        deadline,
        tasks,
        counts,
        overdue,
        units,
        indicators,
        diagnostics,
        previous: None,
    }
}

/// The city-level status of a task from its lead units' statuses (SPEC §5.3; first rule that
/// applies).
pub fn city_status(lead_statuses: &[Status], lead_count: usize, due: bool) -> Status {
    let any = |s: Status| lead_statuses.contains(&s);
    if lead_statuses.is_empty() {
        Status::ChuaBaoCao
    } else if lead_statuses.len() == lead_count
        && lead_statuses.iter().all(|s| *s == Status::HoanThanh)
    {
        Status::HoanThanh
    } else if any(Status::ChamTienDo) || due {
        Status::ChamTienDo
    } else if any(Status::DangThucHien) || any(Status::HoanThanh) {
        Status::DangThucHien
    } else {
        Status::ChuaThucHien
    }
}

/// Resubmission and ties: the latest valid file wins; valid files tied on the latest date are
/// all errors and none is used.
fn choose_file(
    data: &DataSet,
    unit: usize,
    files: Vec<usize>,
    subs: &[Submission],
    deadline: NaiveDate,
    diagnostics: &mut Vec<Diagnostic>,
) -> UnitResult {
    // The latest file: by date (a file without a readable date counts as earliest), then path.
    let latest = |cands: &mut dyn Iterator<Item = usize>| {
        cands.max_by(|&a, &b| {
            subs[a]
                .date
                .cmp(&subs[b].date)
                .then_with(|| subs[a].file.cmp(&subs[b].file))
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
    let valid: Vec<usize> = result
        .files
        .iter()
        .copied()
        .filter(|&i| subs[i].is_valid())
        .collect();
    let Some(best_date) = valid.iter().filter_map(|&i| subs[i].date).max() else {
        return result;
    };
    let tied: Vec<usize> = valid
        .iter()
        .copied()
        .filter(|&i| subs[i].date == Some(best_date))
        .collect();
    if tied.len() == 1 {
        result.state = UnitState::Valid;
        result.used = Some(tied[0]);
        result.shown = Some(tied[0]);
        result.on_time = best_date <= deadline;
        return result;
    }
    let names: Vec<&str> = tied.iter().map(|&i| subs[i].file.as_str()).collect();
    for &i in &tied {
        diagnostics.push(
            Diagnostic::error(
                "bao-cao-mau-thuan",
                &subs[i].file,
                format!(
                    "{} có {} báo cáo hợp lệ cùng ngày {} cho kỳ này ({}); không xác định được báo cáo nào là bản cuối nên không báo cáo nào được dùng.",
                    data.registry.units[unit].name,
                    tied.len(),
                    best_date.format("%d/%m/%Y"),
                    names.join(", ")
                ),
            )
            .hint(Some("Xóa các bản cũ hoặc sửa ngay_bao_cao của bản bổ sung cho đúng ngày lập.".into())),
        );
    }
    // `shown` stays the unit's latest file of all, as for a unit without a valid file.
    result.state = UnitState::Conflict;
    result
}

/// Sums over the accepted submissions, and ratios of sums.
fn compute_indicators(
    data: &DataSet,
    units: &[UnitResult],
    subs: &[Submission],
) -> Vec<Option<Num>> {
    let cat = &data.catalogue;
    let mut sums: Vec<Option<Num>> = vec![None; cat.items.len()];
    for ur in units {
        let Some(s) = ur.used else { continue };
        for &(i, v) in &subs[s].indicators {
            sums[i] = Some(match (sums[i], v) {
                (None, v) => v,
                (Some(Num::Int(a)), Num::Int(b)) => match a.checked_add(b) {
                    Some(c) => Num::Int(c),
                    None => Num::Float(a as f64 + b as f64),
                },
                (Some(a), b) => Num::Float(a.as_f64() + b.as_f64()),
            });
        }
    }
    cat.items
        .iter()
        .enumerate()
        .map(|(i, ind)| match ind.method {
            Method::Sum => sums[i],
            Method::Ratio {
                numerator,
                denominator,
            } => ratio(sums[numerator], sums[denominator]),
        })
        .collect()
}

/// 100 × num / den rounded to 2 decimals; none when either is missing or den is 0.
pub fn ratio(num: Option<Num>, den: Option<Num>) -> Option<Num> {
    let (n, d) = (num?.as_f64(), den?.as_f64());
    if d == 0.0 {
        return None;
    }
    Some(Num::Float((100.0 * n / d * 100.0).round() / 100.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Status::*;

    #[test]
    fn city_status_rules_in_order() {
        // (lead statuses, number of leads, due, expected)
        let cases: &[(&[Status], usize, bool, Status)] = &[
            (&[], 3, false, ChuaBaoCao),
            (&[], 3, true, ChuaBaoCao),
            (&[], 0, true, ChuaBaoCao),
            (&[HoanThanh, HoanThanh], 2, true, HoanThanh),
            (&[HoanThanh, HoanThanh], 3, false, DangThucHien),
            (&[HoanThanh, HoanThanh], 3, true, ChamTienDo),
            (&[HoanThanh, ChamTienDo], 2, false, ChamTienDo),
            (&[DangThucHien], 1, true, ChamTienDo),
            (&[ChuaThucHien], 1, true, ChamTienDo),
            (&[DangThucHien, ChuaThucHien], 2, false, DangThucHien),
            (&[ChuaThucHien, HoanThanh], 2, false, DangThucHien),
            (&[ChuaThucHien, ChuaThucHien], 2, false, ChuaThucHien),
            (&[ChuaThucHien], 3, false, ChuaThucHien),
        ];
        for (leads, n, due, want) in cases {
            assert_eq!(
                city_status(leads, *n, *due),
                *want,
                "{leads:?} of {n}, due {due}"
            );
        }
    }

    #[test]
    fn ratio_of_sums_not_mean_of_ratios() {
        // Unit A: 9/10 (90%), unit B: 1/90 (1.1%): mean of ratios 45.56%, ratio of sums 10%.
        let num = Some(Num::Int(9 + 1));
        let den = Some(Num::Int(10 + 90));
        assert_eq!(ratio(num, den), Some(Num::Float(10.0)));
        assert_eq!(
            ratio(Some(Num::Int(2)), Some(Num::Int(3))),
            Some(Num::Float(66.67))
        );
        assert_eq!(
            ratio(Some(Num::Int(1150)), Some(Num::Int(1200))),
            Some(Num::Float(95.83))
        );
        assert_eq!(ratio(None, Some(Num::Int(3))), None);
        assert_eq!(ratio(Some(Num::Int(0)), None), None);
        assert_eq!(ratio(Some(Num::Int(0)), Some(Num::Int(0))), None);
        assert_eq!(
            ratio(Some(Num::Float(0.5)), Some(Num::Float(2.0))),
            Some(Num::Float(25.0))
        );
    }
}
