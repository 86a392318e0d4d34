//! What the units sent: one [`Submission`] per file of the inbox (`nop/`), read and checked,
//! with the problems found in it; the [`Inbox`] holds them all in walk order.

use crate::diagnostics::Diagnostic;
use crate::model::ids::{FileIdx, IndicatorIdx, TaskIdx, UnitIdx};
use crate::model::number::Num;
use crate::model::period::{CutOff, Period};
use crate::model::status::Status;
use chrono::NaiveDate;
use std::ops::Index;

/// Where a file sits in the inbox.
#[derive(Debug, Clone, Copy, Default)]
pub struct Placement {
    /// The unit the file is bound to: the one whose id is the first folder under `nop/`.
    pub folder_unit: Option<UnitIdx>,
    /// The file lies directly in `nop/` (the office's own intake).
    pub at_root: bool,
}

/// What kind of file arrived.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum FileKind {
    /// A YAML report (`.yaml`, `.yml`).
    #[default]
    Yaml,
    /// The workbook form, filled (`.xlsx`).
    Workbook,
    /// Anything else a unit sent (a Word document, a PDF, a picture, a pipe …): counted as
    /// sent, never valid.
    Other,
}

/// A read submission. Fields that could not be read are `None` or empty; `diags` says why.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    /// Path relative to the data folder, with `/`.
    pub file: String,
    pub placement: Placement,
    pub kind: FileKind,
    /// When the file was last modified (the tie-break between two reports of the same date).
    pub modified: Option<std::time::SystemTime>,
    /// `don_vi`.
    pub unit: Option<UnitIdx>,
    /// The period the file counts for: its `ky_bao_cao`, or the period code in its name when
    /// `ky_bao_cao` cannot be read; only a period whose year has a plan.
    pub period: Option<Period>,
    /// `ngay_bao_cao`.
    pub date: Option<NaiveDate>,
    /// `nguoi_lap`.
    pub preparer: Option<String>,
    /// `so_ky_hieu`: the unit's own report number.
    pub number: Option<String>,
    /// `nhiem_vu`: reported tasks, in file order.
    pub tasks: Vec<TaskReport>,
    /// `chi_tieu`: indicator and value, in file order.
    pub indicators: Vec<(IndicatorIdx, Num)>,
    /// `chi_dao_dieu_hanh`.
    pub direction: Option<String>,
    /// `kho_khan`.
    pub difficulties: Vec<String>,
    /// `kien_nghi`.
    pub proposals: Vec<String>,
    /// `phuong_huong`.
    pub next_steps: Vec<String>,
    pub diags: Vec<Diagnostic>,
}

/// One task as a unit reported it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskReport {
    /// The task, in its year's plan.
    pub task: TaskIdx,
    pub status: Status,
    /// `tien_do`: percent 0..100.
    pub progress: Option<Num>,
    /// `ket_qua`.
    pub result: Option<String>,
    /// `san_pham`: documents issued.
    pub products: Vec<Product>,
    /// `kho_khan`.
    pub difficulties: Option<String>,
}

/// A document a unit issued for a task.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// `so_ky_hieu`: "12/2024/QĐ-UBND".
    pub number: String,
    /// `ngay`.
    pub date: Option<NaiveDate>,
    /// `trich_yeu`.
    pub summary: String,
}

impl Submission {
    /// A report, with no error among its diagnostics.
    pub fn is_valid(&self) -> bool {
        self.kind != FileKind::Other && !self.diags.iter().any(Diagnostic::is_error)
    }

    /// The unit a file counts for: its folder's unit, else the unit it names.
    pub fn owner(&self) -> Option<UnitIdx> {
        self.placement.folder_unit.or(self.unit)
    }

    /// Gives back spare capacity: thousands of submissions stay in memory.
    pub fn shrink(&mut self) {
        self.tasks.shrink_to_fit();
        for t in &mut self.tasks {
            t.products.shrink_to_fit();
        }
        self.indicators.shrink_to_fit();
    }

    /// Drops what only the reports of its own period print (results, documents, narratives),
    /// keeping the statuses, progress and figures that other periods' merges use.
    pub fn drop_texts(&mut self) {
        for t in &mut self.tasks {
            t.result = None;
            t.products = Vec::new();
            t.difficulties = None;
        }
        self.direction = None;
        self.difficulties = Vec::new();
        self.proposals = Vec::new();
        self.next_steps = Vec::new();
        self.preparer = None;
    }

    /// A file that failed before its content could be read (encoding, size, I/O).
    pub fn unreadable(file: &str, placement: Placement, diag: Diagnostic) -> Self {
        Submission {
            file: file.to_string(),
            placement,
            diags: vec![diag],
            ..Default::default()
        }
    }
}

/// Every file of the inbox, in walk order.
#[derive(Debug, Default)]
pub struct Inbox {
    files: Vec<Submission>,
}

impl Inbox {
    pub fn new(files: Vec<Submission>) -> Inbox {
        Inbox { files }
    }

    pub fn files(&self) -> &[Submission] {
        &self.files
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }

    /// Every file with its position.
    pub fn iter(&self) -> impl Iterator<Item = (FileIdx, &Submission)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, s)| (FileIdx::new(i), s))
    }

    /// The periods files count for, in order, each once.
    pub fn periods(&self) -> Vec<Period> {
        let set: std::collections::BTreeSet<Period> =
            self.files.iter().filter_map(|s| s.period).collect();
        set.into_iter().collect()
    }

    /// The periods of the same year as `p` that end before it and have readable reports,
    /// latest first (the order of the year's reporting cycle: 6T before Q2, which ends on the
    /// same day).
    pub fn periods_before(&self, p: Period, rule: CutOff) -> Vec<Period> {
        let mut earlier: Vec<Period> = self
            .periods()
            .into_iter()
            .filter(|q| q.year == p.year && q.end(rule) < p.end(rule))
            .collect();
        earlier.sort_unstable_by(|a, b| b.cmp(a));
        earlier
    }

    /// Every file, to add one.
    pub fn push(&mut self, s: Submission) {
        self.files.push(s);
    }
}

impl Index<FileIdx> for Inbox {
    type Output = Submission;
    fn index(&self, i: FileIdx) -> &Submission {
        &self.files[i.index()]
    }
}
