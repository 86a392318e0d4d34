//! The one place that knows the order of the stages: load the data folder, read the inbox,
//! merge each period, render its outputs, write them as one set into the output folder
//! ([`crate::output`]). Every command goes through here.

mod import;

pub use import::{ImportOutcome, ImportSettings, import_plan};

use crate::diagnostics::{self, Diagnostic, Tally, code};
use crate::input::inbox::{self, InboxError};
use crate::input::load_data;
use crate::input::submission::Reference;
use crate::input::templates::{TemplateFileError, read_templates};
use crate::model::dataset::DataSet;
use crate::model::merge::merge_period;
use crate::model::period::Period;
use crate::model::plan::Plan;
use crate::model::previous::previous_reports;
use crate::model::report::{PeriodReport, Previous};
use crate::model::submission::Inbox;
use crate::output::{Committed, Folder, OutputError, OutputFile, Recovery, Staging};
use crate::render::{self, RenderError, templates};
use chrono::NaiveDate;
use std::collections::{BTreeSet, HashMap};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why nothing could be built (exit status 2).
#[derive(Debug)]
pub enum Fatal {
    /// The configuration, registry, catalogue or a plan has errors.
    Data(Vec<Diagnostic>),
    /// No period was asked for and the inbox has no readable report.
    NoPeriods,
    /// The inbox (`nop/`) is missing or cannot be read entirely.
    Inbox(InboxError),
    /// `build` found no submission file at all in the inbox.
    EmptyInbox { dir: PathBuf },
    /// A requested period's year has no plan.
    NoPlan { period: Period, years: Vec<i32> },
    /// The templates' folder cannot be used.
    TemplateFiles(TemplateFileError),
    /// The templates are broken, or an output could not be rendered.
    Render(RenderError),
    /// Outputs could not be written; previous outputs are untouched.
    Output(OutputError),
    /// A plan document could not be imported.
    Import {
        message: String,
        hint: Option<String>,
    },
    /// The year's plan exists and `--ghi-de` was not given.
    PlanExists { path: PathBuf, year: i32 },
    /// The imported plan does not read back as written (a fault of the program).
    ImportCheck(Vec<Diagnostic>),
}

impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            Fatal::Data(diags) => write!(
                f,
                "Dữ liệu gốc có {} lỗi, chưa lập được báo cáo nào.",
                Tally::of(diags).errors
            ),
            Fatal::NoPeriods => f.write_str(
                "Thư mục nop/ chưa có báo cáo nào đọc được kỳ báo cáo, nên không có kỳ nào để lập.",
            ),
            Fatal::Inbox(e) => e.fmt(f),
            Fatal::EmptyInbox { dir } => write!(
                f,
                "Thư mục '{}' không có tệp báo cáo nào của đơn vị, nên không lập báo cáo: một báo cáo không có số liệu của đơn vị nào sẽ thay mất báo cáo đã lập.",
                dir.join("nop").display()
            ),
            Fatal::NoPlan { period, .. } => write!(
                f,
                "Chưa có kế hoạch CCHC năm {} (tệp ke-hoach/{}.yaml) nên không lập được biểu mẫu, báo cáo kỳ {}.",
                period.year,
                period.year,
                period.code()
            ),
            Fatal::TemplateFiles(e) => e.fmt(f),
            Fatal::Render(e) => e.fmt(f),
            Fatal::Output(e) => e.fmt(f),
            Fatal::Import { message, .. } => f.write_str(message),
            Fatal::PlanExists { path, year } => write!(
                f,
                "Đã có kế hoạch năm {year} ('{}'); không ghi đè, không ghi tệp nào.",
                path.display()
            ),
            Fatal::ImportCheck(_) => f.write_str(
                "Kế hoạch vừa lập không đọc lại được như đã ghi (lỗi của chương trình); không ghi tệp nào.",
            ),
        }
    }
}

impl Fatal {
    /// What to do about it, when there is something useful to say.
    pub fn hint(&self) -> Option<String> {
        match self {
            Fatal::NoPeriods => {
                Some("Chỉ định kỳ cần lập bằng --ky, ví dụ: baocao build --ky 2024-Q1".into())
            }
            Fatal::NoPlan { years, .. } => Some(format!(
                "Các năm đã có kế hoạch: {}.",
                years
                    .iter()
                    .map(|y| y.to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            Fatal::Output(e) => e.hint.clone(),
            Fatal::Inbox(e) => Some(e.hint()),
            Fatal::EmptyInbox { .. } => Some("Kiểm tra đường dẫn --data và ổ mạng chứa thư mục dữ liệu đã kết nối chưa; các đơn vị chép báo cáo vào nop/<mã đơn vị>/.".into()),
            Fatal::Import { hint, .. } => hint.clone(),
            Fatal::PlanExists { .. } => Some(
                "Muốn thay kế hoạch đã có bằng kế hoạch nhập từ văn bản, chạy lại với --ghi-de."
                    .into(),
            ),
            Fatal::ImportCheck(_) => {
                Some("Hãy gửi văn bản kế hoạch cho người bảo trì chương trình.".into())
            }
            Fatal::Data(_) | Fatal::TemplateFiles(_) | Fatal::Render(_) => None,
        }
    }
}

impl From<OutputError> for Fatal {
    fn from(e: OutputError) -> Fatal {
        Fatal::Output(e)
    }
}

impl From<RenderError> for Fatal {
    fn from(e: RenderError) -> Fatal {
        Fatal::Render(e)
    }
}

impl From<templates::TemplateError> for Fatal {
    fn from(e: templates::TemplateError) -> Fatal {
        Fatal::Render(RenderError::Template(e))
    }
}

/// Which submissions keep their texts (results, documents, narratives) once read: only those
/// of the periods a run prints, so that memory grows with what is built.
type KeepText<'a> = &'a (dyn Fn(Option<Period>) -> bool + Sync);

/// The data folder and every submission in its inbox, read and checked.
pub struct Loaded {
    pub data: DataSet,
    pub inbox: Inbox,
}

impl Loaded {
    /// Loads the data folder and reads the inbox.
    pub fn load(data_dir: &Path, keep_text: KeepText) -> Result<Loaded, Fatal> {
        let data = load_data(data_dir).map_err(|e| Fatal::Data(e.diags))?;
        let inbox =
            inbox::read_inbox(data_dir, &Reference::of(&data), keep_text).map_err(Fatal::Inbox)?;
        Ok(Loaded { data, inbox })
    }

    /// Merges one period; the plan of its year must exist.
    pub fn merge(&self, period: Period) -> Result<PeriodReport<'_>, Fatal> {
        let plan = plan_of(&self.data, period)?;
        Ok(merge_period(&self.data, plan, period, &self.inbox))
    }

    /// Merges one period with the task statuses of the period before it in the cycle (what
    /// the reports compare with). `known` holds the periods this run has merged already, so
    /// that no period is merged twice; another previous period is merged alongside.
    pub fn merge_with_previous(
        &self,
        period: Period,
        known: &HashMap<Period, Previous>,
    ) -> Result<PeriodReport<'_>, Fatal> {
        let plan = plan_of(&self.data, period)?;
        let merge = |p| merge_period(&self.data, plan, p, &self.inbox);
        let (mut report, before) = match self.previous_period(period) {
            None => (merge(period), None),
            Some(p) => match known.get(&p) {
                Some(before) => (merge(period), Some(before.clone())),
                None => rayon::join(|| merge(period), || Some(Previous::of(&merge(p)))),
            },
        };
        report.previous = before;
        Ok(report)
    }

    /// The period before `p` in the same year's reporting cycle: the latest period with
    /// readable reports that ends before `p` (Q1 → 6T → Q3 → NAM, or Q1 → Q2 → …; 6T is
    /// preferred to Q2, which ends on the same day).
    pub fn previous_period(&self, p: Period) -> Option<Period> {
        let rule = self.data.config.cutoff;
        self.inbox
            .periods()
            .into_iter()
            .filter(|q| q.year == p.year && q.end(rule) < p.end(rule))
            .max()
    }
}

fn plan_of(data: &DataSet, period: Period) -> Result<&Plan, Fatal> {
    data.plans.get(&period.year).ok_or_else(|| Fatal::NoPlan {
        period,
        years: data.plans.keys().copied().collect(),
    })
}

/// The templates, and the folder they came from (`None`: the built-in ones): from the folder
/// given, else `templates/` in the data folder, else in the working directory.
fn load_templates(
    dir: Option<&Path>,
    data_dir: &Path,
) -> Result<(tera::Tera, Option<PathBuf>), Fatal> {
    let folder = read_templates(dir, data_dir, &templates::NAMES).map_err(Fatal::TemplateFiles)?;
    let tera = templates::compile(
        folder
            .as_ref()
            .map(|f| (f.dir.as_path(), f.files.as_slice())),
    )?;
    Ok((tera, folder.map(|f| f.dir)))
}

/// Settings of `build`.
#[derive(Debug, Clone)]
pub struct BuildSettings {
    pub data: PathBuf,
    pub out: PathBuf,
    /// Requested periods; empty means every period found.
    pub periods: Vec<Period>,
    /// The report templates' folder; `None` looks for `templates/`, then uses the built-in
    /// templates.
    pub templates: Option<PathBuf>,
}

/// What one period's build produced.
#[derive(Debug)]
pub struct PeriodOutcome {
    pub period: Period,
    pub files: Vec<PathBuf>,
    pub tally: Tally,
    /// Units with a valid report used, and all units.
    pub valid_units: usize,
    pub total_units: usize,
    /// Files of this period rejected (errors).
    pub rejected_files: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// What a run that writes found in its output folder and did there.
#[derive(Debug, Default)]
pub struct Written {
    /// An interrupted run's replacement settled, leftovers removed.
    pub recovery: Recovery,
    /// Files written, left unchanged, kept.
    pub committed: Committed,
}

/// What `build` did.
#[derive(Debug)]
pub struct Built {
    pub periods: Vec<PeriodOutcome>,
    pub written: Written,
    /// The templates' folder, when not the built-in templates.
    pub templates: Option<PathBuf>,
}

/// Builds the requested periods (or all found) and writes their outputs, all or nothing.
pub fn build(settings: &BuildSettings) -> Result<Built, Fatal> {
    // The templates first: a mistake in them is found before the inbox is read.
    let (tera, templates_dir) = load_templates(settings.templates.as_deref(), &settings.data)?;
    // With --ky, only the requested periods' texts are kept; without, every period is built.
    let wanted = &settings.periods;
    let loaded = Loaded::load(&settings.data, &|p| {
        wanted.is_empty() || p.is_none_or(|p| wanted.contains(&p))
    })?;
    if loaded.inbox.files().is_empty() {
        return Err(Fatal::EmptyInbox {
            dir: settings.data.clone(),
        });
    }
    let periods = if settings.periods.is_empty() {
        loaded.inbox.periods()
    } else {
        // A period asked for twice is built once.
        let mut asked: Vec<Period> = Vec::new();
        for p in &settings.periods {
            if !asked.contains(p) {
                asked.push(*p);
            }
        }
        asked
    };
    if periods.is_empty() {
        return Err(Fatal::NoPeriods);
    }
    let (mut folder, recovery) = Folder::open(&settings.out)?;
    let mut stage = Staging::new();
    let mut outcomes = Vec::new();
    let mut merged = HashMap::new();
    for period in periods {
        let report = loaded.merge_with_previous(period, &merged)?;
        let files = render_period(&report, &tera, &settings.out, &mut stage)?;
        outcomes.push(outcome(&report, files));
        merged.insert(period, Previous::of(&report));
    }
    let committed = folder.commit(stage)?;
    Ok(Built {
        periods: outcomes,
        written: Written {
            recovery,
            committed,
        },
        templates: templates_dir,
    })
}

/// Renders one period's three outputs into the staging area; returns their paths.
fn render_period(
    report: &PeriodReport,
    tera: &tera::Tera,
    out: &Path,
    stage: &mut Staging,
) -> Result<Vec<PathBuf>, Fatal> {
    let code = report.period.code();
    let dir = out.join(&code);
    let json = dir.join(format!("tong-hop-{code}.json"));
    let docx = dir.join(format!("bao-cao-cchc-{code}.docx"));
    let xlsx = dir.join(format!("phu-luc-cchc-{code}.xlsx"));
    // The JSON streams to its file while the report and the workbook render beside it; each
    // output goes to disk as soon as it exists, so none waits in memory.
    let (json_written, (docx_bytes, xlsx_bytes)) = rayon::join(
        || stage.add(&json, |w| render::write_summary(report, w)),
        || {
            rayon::join(
                || render::report_docx(report, tera),
                || render::workbook(report),
            )
        },
    );
    json_written?;
    for (path, bytes) in [(&docx, docx_bytes?), (&xlsx, xlsx_bytes?)] {
        stage.add_bytes(path, &bytes)?;
    }
    Ok(vec![docx, xlsx, json])
}

fn outcome(r: &PeriodReport, files: Vec<PathBuf>) -> PeriodOutcome {
    let rejected: BTreeSet<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.as_str())
        .collect();
    let counts = r.unit_counts();
    PeriodOutcome {
        period: r.period,
        files,
        tally: Tally::of(&r.diagnostics),
        valid_units: counts.hop_le,
        total_units: counts.tong,
        rejected_files: rejected.len(),
        diagnostics: r.diagnostics.clone(),
    }
}

/// What `check` found.
#[derive(Debug)]
pub struct CheckOutcome {
    /// Every problem, sorted; each once.
    pub diagnostics: Vec<Diagnostic>,
    /// Submissions looked at.
    pub files: usize,
    /// Periods looked at.
    pub periods: Vec<Period>,
}

/// Checks every submission (or those of one period, plus the files whose period cannot be
/// read), including ties between a unit's files, without writing anything.
pub fn check(data_dir: &Path, period: Option<Period>) -> Result<CheckOutcome, Fatal> {
    let loaded = Loaded::load(data_dir, &|_| false)?;
    let periods = match period {
        Some(p) => vec![p],
        None => loaded.inbox.periods(),
    };
    let mut diags: Vec<Diagnostic> = loaded.data.warnings.clone();
    let mut files = 0;
    for s in loaded.inbox.files() {
        if s.period.is_none() || period.is_none() || s.period == period {
            files += 1;
            diags.extend(s.diags.iter().cloned());
        }
    }
    // Ties are found when a period is merged; keep only what the files did not already say.
    for &p in &periods {
        let r = loaded.merge(p)?;
        diags.extend(
            r.diagnostics
                .into_iter()
                .filter(|d| d.code == code::BAO_CAO_MAU_THUAN),
        );
    }
    diagnostics::sort(&mut diags);
    Ok(CheckOutcome {
        diagnostics: diags,
        files,
        periods,
    })
}

/// How `status` shows the table.
#[derive(Debug, Clone, Copy)]
pub enum StatusFormat {
    /// An aligned table, coloured when `color`.
    Table { color: bool },
    /// JSON for other programs.
    Json,
}

/// The submission status of every unit for a period, as text.
pub fn status(data_dir: &Path, period: Period, format: StatusFormat) -> Result<String, Fatal> {
    let loaded = Loaded::load(data_dir, &|_| false)?;
    let report = loaded.merge(period)?;
    Ok(match format {
        StatusFormat::Table { color } => render::status_table(&report, color),
        StatusFormat::Json => format!("{}\n", render::status_json(&report)),
    })
}

/// What `forms` wrote.
#[derive(Debug)]
pub struct Forms {
    /// Units with a form (each has two files).
    pub units: usize,
    /// The files, unit by unit: the YAML form, then the workbook form.
    pub files: Vec<PathBuf>,
    pub written: Written,
}

/// Units whose forms are rendered at once (in parallel) before they are written, so that a
/// province's forms never sit in memory together.
const FORMS_AT_ONCE: usize = 64;

/// Writes two pre-filled forms per unit for a period, as one set: the YAML form
/// (`<out>/<KY>/bieu-mau/<đơn vị>.yaml`) and the workbook form (`<đơn vị>.xlsx`), each with
/// what the unit's previous report of the year said (docs/bieu-mau-excel.md).
pub fn forms(data_dir: &Path, out: &Path, period: Period) -> Result<Forms, Fatal> {
    use rayon::prelude::*;
    let data = load_data(data_dir).map_err(|e| Fatal::Data(e.diags))?;
    let plan = plan_of(&data, period)?;
    let inbox = inbox_for_forms(data_dir, &data, period)?;
    let previous = previous_reports(&data, period, &inbox);
    let dir = out.join(period.code()).join("bieu-mau");
    let (mut folder, recovery) = Folder::open(out)?;
    let mut stage = Staging::new();
    let mut files = Vec::new();
    let units: Vec<_> = data.registry.unit_ids().collect();
    for chunk in units.chunks(FORMS_AT_ONCE) {
        let rendered: Vec<_> = chunk
            .par_iter()
            .map(|&u| {
                let prev = previous[u.index()].as_ref();
                (
                    u,
                    render::form_yaml(&data, plan, period, u, prev),
                    render::form_workbook(&data, plan, period, u, prev),
                )
            })
            .collect();
        for (u, yaml, workbook) in rendered {
            let id = &data.registry[u].id;
            let (y, x) = (
                dir.join(format!("{id}.yaml")),
                dir.join(format!("{id}.xlsx")),
            );
            stage.add_bytes(&y, yaml.as_bytes())?;
            stage.add_bytes(&x, &workbook?)?;
            files.extend([y, x]);
        }
    }
    let committed = folder.commit(stage)?;
    Ok(Forms {
        units: units.len(),
        files,
        written: Written {
            recovery,
            committed,
        },
    })
}

/// The inbox, read for the previous reports the forms show: a missing `nop/` is an empty
/// inbox (forms are made before any unit reports); a folder in it that cannot be listed
/// stops the run, as for every command, rather than give a unit a wrong previous report.
/// Only the texts of the period's year are kept.
fn inbox_for_forms(data_dir: &Path, data: &DataSet, period: Period) -> Result<Inbox, Fatal> {
    let keep = |p: Option<Period>| p.is_some_and(|p| p.year == period.year);
    match inbox::read_inbox(data_dir, &Reference::of(data), &keep) {
        Ok(inbox) => Ok(inbox),
        Err(InboxError::Missing { .. }) => Ok(Inbox::default()),
        Err(e) => Err(Fatal::Inbox(e)),
    }
}

/// What `phan-hoi` wrote: the notes, and how many units were fine.
#[derive(Debug)]
pub struct Feedback {
    pub notes: Vec<PathBuf>,
    /// Units that sent files with no problem: no note.
    pub fine: usize,
    /// Units that sent nothing: no note (the reminder letter is for them).
    pub silent: usize,
    /// Notes of earlier runs for units that now have nothing to fix, left because they were
    /// changed by hand.
    pub stale_kept: Vec<PathBuf>,
    pub written: Written,
}

/// Writes one feedback note per unit that sent something with a problem
/// (`<out>/<KY>/phan-hoi/<đơn vị>.txt`), and removes the notes of earlier runs for units that
/// now have none (unless changed by hand).
pub fn feedback(data_dir: &Path, out: &Path, period: Period) -> Result<Feedback, Fatal> {
    let loaded = Loaded::load(data_dir, &|p| p.is_none_or(|p| p == period))?;
    let report = loaded.merge(period)?;
    let dir = out.join(period.code()).join("phan-hoi");
    let note_of = |u| dir.join(format!("{}.txt", report.unit(u).id));
    let files: Vec<OutputFile> = render::feedback_notes(&report)
        .into_iter()
        .map(|(u, bytes)| OutputFile {
            path: note_of(u),
            bytes,
        })
        .collect();
    let stale: Vec<PathBuf> = report
        .units
        .iter()
        .map(|u| note_of(u.unit))
        .filter(|p| !files.iter().any(|f| &f.path == p))
        .collect();
    let (mut folder, recovery) = Folder::open(out)?;
    let mut stage = Staging::new();
    for f in &files {
        stage.add_bytes(&f.path, &f.bytes)?;
    }
    let committed = folder.commit(stage)?;
    let stale_kept = folder.retire(&stale)?;
    let silent = report.units.iter().filter(|u| !u.submitted()).count();
    Ok(Feedback {
        fine: report.units.len() - silent - files.len(),
        silent,
        notes: files.into_iter().map(|f| f.path).collect(),
        stale_kept,
        written: Written {
            recovery,
            committed,
        },
    })
}

/// What `remind` did.
#[derive(Debug)]
pub enum Reminder {
    /// Every unit has a valid report: nothing written.
    NotNeeded { units: usize },
    /// The letter, the units it is addressed to, and what writing it did.
    Written {
        path: PathBuf,
        units: Vec<String>,
        written: Written,
        /// The templates' folder, when not the built-in templates.
        templates: Option<PathBuf>,
    },
}

/// Writes the reminder letter to the units without a valid report for a period
/// (`<out>/<KY>/cong-van-don-doc-<KY>.docx`), unless every unit has reported.
pub fn remind(
    data_dir: &Path,
    out: &Path,
    period: Period,
    templates_dir: Option<&Path>,
    date: NaiveDate,
) -> Result<Reminder, Fatal> {
    // The templates first, even when no letter turns out to be needed: a wrong --templates
    // is said at once.
    let (tera, templates_used) = load_templates(templates_dir, data_dir)?;
    let loaded = Loaded::load(data_dir, &|_| false)?;
    let report = loaded.merge(period)?;
    let units = report.units_without_valid_report();
    if units.is_empty() {
        return Ok(Reminder::NotNeeded {
            units: report.units.len(),
        });
    }
    let bytes = render::reminder_docx(&report, &tera, date)?;
    let path = out
        .join(period.code())
        .join(format!("cong-van-don-doc-{}.docx", period.code()));
    let (recovery, committed) = Folder::write(
        out,
        &[OutputFile {
            path: path.clone(),
            bytes,
        }],
    )?;
    Ok(Reminder::Written {
        path,
        units: units.iter().map(|&u| report.unit(u).name.clone()).collect(),
        templates: templates_used,
        written: Written {
            recovery,
            committed,
        },
    })
}
