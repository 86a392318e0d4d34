//! The one place that knows the order of the stages: load the data folder, read the inbox,
//! merge each period, render its outputs, write them as one set into the output folder
//! ([`crate::output`]). Every command goes through here.

mod build;
mod forms;
mod import;
mod inspect;
mod letters;

pub use build::{BuildSettings, Built, PeriodOutcome, build};
pub use forms::{Forms, forms};
pub use import::{ImportOutcome, ImportSettings, import_plan};
pub use inspect::{CheckOutcome, StatusFormat, check, status};
pub use letters::{Feedback, Reminder, feedback, remind};

use crate::diagnostics::{Diagnostic, Tally};
use crate::input::inbox::{self, InboxError};
use crate::input::load_data;
use crate::input::submission::Reference;
use crate::input::templates::{TemplateFileError, read_templates};
use crate::model::dataset::DataSet;
use crate::model::merge::merge_period;
use crate::model::period::Period;
use crate::model::plan::Plan;
use crate::model::report::{PeriodReport, Previous};
use crate::model::submission::Inbox;
use crate::output::{Committed, OutputError, Recovery};
use crate::render::{RenderError, templates};
use std::collections::HashMap;
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
        let before = self.inbox.periods_before(p, self.data.config.cutoff);
        before.first().copied()
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

/// What a run that writes found in its output folder and did there.
#[derive(Debug, Default)]
pub struct Written {
    /// An interrupted run's replacement settled, leftovers removed.
    pub recovery: Recovery,
    /// Files written, left unchanged, kept.
    pub committed: Committed,
}
