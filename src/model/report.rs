//! The merged period: the plan of its year with the units' submissions for it, as every
//! output reads it (docs/du-lieu.md, "tong-hop" for the rules that fix each field).

use crate::diagnostics::{self, Diagnostic};
use crate::model::dataset::DataSet;
use crate::model::ids::{FileIdx, TaskIdx, UnitIdx};
use crate::model::number::Num;
use crate::model::period::Period;
use crate::model::plan::{Plan, Role, Task};
use crate::model::registry::Unit;
use crate::model::status::{Status, StatusCounts};
use crate::model::submission::{FileKind, Inbox, Submission, TaskReport};
use chrono::NaiveDate;

/// One period, merged.
#[derive(Debug)]
pub struct PeriodReport<'a> {
    pub period: Period,
    pub data: &'a DataSet,
    pub plan: &'a Plan,
    /// Every file read (all periods); the results below refer to it.
    pub inbox: &'a Inbox,
    /// First and last day of the data window.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// Last day a unit's report is on time.
    pub submission_deadline: NaiveDate,
    /// One per plan task, in plan order.
    pub tasks: Vec<TaskResult>,
    /// Tasks per city-level status.
    pub counts: StatusCounts,
    /// Tasks due in the period and not completed.
    pub overdue: usize,
    /// One per registry unit, in registry order.
    pub units: Vec<UnitResult>,
    /// One per catalogue indicator, in catalogue order.
    pub indicators: Vec<Option<Num>>,
    /// Diagnostics of this period's files and of files whose period cannot be read, sorted.
    pub diagnostics: Vec<Diagnostic>,
    /// The previous period of the same year that has reports, with each task's status then:
    /// for "progress since the last period".
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
    pub task: TaskIdx,
    pub status: Status,
    /// Due in the period and not completed.
    pub overdue: bool,
    /// The due date, if the task has one.
    pub due: Option<NaiveDate>,
    /// Every unit whose accepted submission reports the task, in registry order.
    pub reports: Vec<UnitReport>,
    /// Lead units without such a report, in lead order.
    pub missing: Vec<UnitIdx>,
}

/// One unit's report on one task.
#[derive(Debug, Clone, Copy)]
pub struct UnitReport {
    pub unit: UnitIdx,
    pub role: Role,
    /// The file and the task's position in it.
    pub file: FileIdx,
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
    /// The code in the JSON (`tinh_trang`).
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

/// What became of one file of a unit for the period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileRole {
    /// The valid file used.
    Used,
    /// A valid file not used: another was newer.
    Replaced,
    /// A valid file tied with another: none used.
    Tied,
    /// A report with errors.
    Broken,
    /// Not a report (a Word document, a PDF …).
    NotAReport,
}

impl FileRole {
    /// The word shown beside the file: "dùng", "thay bằng bản mới hơn", …
    pub fn label(self) -> &'static str {
        match self {
            FileRole::Used => "được dùng",
            FileRole::Replaced => "không dùng, đã có bản mới hơn",
            FileRole::Tied => "không dùng, mâu thuẫn với bản cùng ngày",
            FileRole::Broken => "có lỗi, không dùng",
            FileRole::NotAReport => "không phải báo cáo theo biểu mẫu",
        }
    }
}

/// A unit's submission status for the period.
#[derive(Debug, Clone)]
pub struct UnitResult {
    pub unit: UnitIdx,
    pub state: UnitState,
    /// Its files for the period, in walk order.
    pub files: Vec<FileIdx>,
    /// The file used, when exactly one valid file was used.
    pub used: Option<FileIdx>,
    /// The file shown (`tep`, `ngay_bao_cao`): the one used, else its latest.
    pub shown: Option<FileIdx>,
    /// The file used is on time.
    pub on_time: bool,
}

impl UnitResult {
    /// A valid report sent after the deadline.
    pub fn is_late(&self) -> bool {
        self.state == UnitState::Valid && !self.on_time
    }

    /// The unit sent at least one file for the period.
    pub fn submitted(&self) -> bool {
        !self.files.is_empty()
    }

    /// What became of one of its files.
    pub fn role(&self, f: FileIdx, inbox: &Inbox) -> FileRole {
        let s = &inbox[f];
        if self.used == Some(f) {
            FileRole::Used
        } else if s.kind == FileKind::Other {
            FileRole::NotAReport
        } else if !s.is_valid() {
            FileRole::Broken
        } else if self.state == UnitState::Conflict && self.tied(inbox).contains(&f) {
            FileRole::Tied
        } else {
            FileRole::Replaced
        }
    }

    /// The valid files tied for use: the latest date, saved at the same moment.
    fn tied(&self, inbox: &Inbox) -> Vec<FileIdx> {
        let valid: Vec<FileIdx> = self
            .files
            .iter()
            .copied()
            .filter(|&f| inbox[f].is_valid())
            .collect();
        let best = valid.iter().filter_map(|&f| inbox[f].date).max();
        let same: Vec<FileIdx> = valid
            .into_iter()
            .filter(|&f| best.is_some() && inbox[f].date == best)
            .collect();
        let newest = same.iter().map(|&f| inbox[f].modified).max().flatten();
        same.into_iter()
            .filter(|&f| inbox[f].modified == newest)
            .collect()
    }

    /// Its files other than the one shown (used, else its latest), by path (`tep_khac`).
    pub fn others<'a>(&self, inbox: &'a Inbox) -> Vec<&'a str> {
        let mut v: Vec<&str> = self
            .files
            .iter()
            .filter(|&&f| Some(f) != self.shown)
            .map(|&f| inbox[f].file.as_str())
            .collect();
        v.sort_unstable();
        v
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

impl<'a> PeriodReport<'a> {
    /// The plan task of a result.
    pub fn task(&self, t: &TaskResult) -> &'a Task {
        &self.plan[t.task]
    }

    /// The registry unit of an index.
    pub fn unit(&self, u: UnitIdx) -> &'a Unit {
        &self.data.registry[u]
    }

    /// A file of the inbox.
    pub fn file(&self, f: FileIdx) -> &'a Submission {
        &self.inbox[f]
    }

    /// The task report behind a [`UnitReport`].
    pub fn item(&self, r: &UnitReport) -> &'a TaskReport {
        &self.inbox[r.file].tasks[r.item]
    }

    /// The file a unit's result shows, if any.
    pub fn shown(&self, u: &UnitResult) -> Option<&'a Submission> {
        u.shown.map(|f| &self.inbox[f])
    }

    /// The file a unit's result uses, if any.
    pub fn used(&self, u: &UnitResult) -> Option<&'a Submission> {
        u.used.map(|f| &self.inbox[f])
    }

    /// Whether a task falls due within the period.
    pub fn is_due(&self, t: &TaskResult) -> bool {
        t.due.is_some_and(|d| d <= self.end)
    }

    /// A task's status at the previous period, if there is one.
    pub fn previous_status(&self, task: TaskIdx) -> Option<Status> {
        self.previous
            .as_ref()
            .and_then(|p| p.statuses.get(task.index()).copied())
    }

    /// Tasks completed since the previous period (completed now, not then).
    pub fn completed_since(&self) -> Vec<TaskIdx> {
        self.tasks
            .iter()
            .filter(|t| {
                t.status == Status::Done
                    && self
                        .previous_status(t.task)
                        .is_some_and(|p| p != Status::Done)
            })
            .map(|t| t.task)
            .collect()
    }

    /// Tasks that fell behind since the previous period: behind schedule or overdue now, and
    /// neither then.
    pub fn fell_behind(&self) -> Vec<TaskIdx> {
        let Some(p) = &self.previous else {
            return Vec::new();
        };
        self.tasks
            .iter()
            .filter(|t| {
                let i = t.task.index();
                let now = t.status == Status::Behind || t.overdue;
                let then = p.statuses[i] == Status::Behind || p.overdue[i];
                now && !then
            })
            .map(|t| t.task)
            .collect()
    }

    pub fn count(&self, s: Status) -> usize {
        self.counts.get(s)
    }

    /// How many units are in each submission state.
    pub fn unit_counts(&self) -> UnitCounts {
        let count = |f: &dyn Fn(&UnitResult) -> bool| self.units.iter().filter(|u| f(u)).count();
        UnitCounts {
            tong: self.units.len(),
            da_nop: count(&|u| u.submitted()),
            hop_le: count(&|u| u.state == UnitState::Valid),
            dung_han: count(&|u| u.state == UnitState::Valid && u.on_time),
            nop_tre: count(&|u| u.is_late()),
            khong_hop_le: count(&|u| u.state == UnitState::Invalid),
            mau_thuan: count(&|u| u.state == UnitState::Conflict),
            chua_nop: count(&|u| u.state == UnitState::NotSubmitted),
        }
    }

    /// The diagnostics of one file for the period (those of the file and those the merge
    /// found, such as a tie), in order.
    pub fn diagnostics_of(&self, file: &str) -> &[Diagnostic] {
        let from = self.diagnostics.partition_point(|d| d.file.as_str() < file);
        let to = self
            .diagnostics
            .partition_point(|d| d.file.as_str() <= file);
        &self.diagnostics[from..to]
    }

    /// The errors and warnings of all a unit's files for the period.
    pub fn unit_tally(&self, u: &UnitResult) -> diagnostics::Tally {
        diagnostics::Tally::of(
            u.files
                .iter()
                .flat_map(|&f| self.diagnostics_of(&self.inbox[f].file)),
        )
    }

    /// The units that have no valid report for the period, in registry order.
    pub fn units_without_valid_report(&self) -> Vec<UnitIdx> {
        self.units
            .iter()
            .filter(|u| u.state != UnitState::Valid)
            .map(|u| u.unit)
            .collect()
    }

    /// The units in a state, in registry order.
    pub fn units_in(&self, state: UnitState) -> impl Iterator<Item = &UnitResult> {
        self.units.iter().filter(move |u| u.state == state)
    }
}
