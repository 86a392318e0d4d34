//! The one place that knows the order of the stages: load the data folder, read the inbox,
//! merge each period, render its outputs, write them atomically.

use crate::diagnostics::{self, Diagnostic, Tally};
use crate::input::plan::Plan;
use crate::input::submission::{Placement, Submission};
use crate::input::{DataSet, inbox, load_data};
use crate::model::merge::{PeriodReport, Previous, merge_period};
use crate::model::period::Period;
use crate::render::context::build_context;
use crate::render::docx::render_docx;
use crate::render::json::write_json;
use crate::render::markup;
use crate::render::output::{OutputError, OutputFile, Staging, write_all};
use crate::render::templates;
use crate::render::xlsx::render_xlsx;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

/// Why nothing could be built (exit status 2).
#[derive(Debug)]
pub enum Fatal {
    /// The configuration, registry, catalogue or a plan has errors.
    Data(Vec<Diagnostic>),
    /// A requested period cannot be built.
    Period(String, Option<String>),
    /// Outputs could not be written; previous outputs are untouched.
    Output(String, Option<String>),
    /// The templates are broken, or a report could not be rendered.
    Render(String),
}

impl From<OutputError> for Fatal {
    fn from(e: OutputError) -> Fatal {
        Fatal::Output(e.message, e.hint)
    }
}

impl From<templates::TemplateError> for Fatal {
    fn from(e: templates::TemplateError) -> Fatal {
        Fatal::Render(e.0)
    }
}

/// The data folder and every submission in its inbox, read and checked.
pub struct Loaded {
    pub data: DataSet,
    pub submissions: Vec<Submission>,
}

/// Loads the data folder and reads the inbox.
pub fn load(data_dir: &Path) -> Result<Loaded, Fatal> {
    load_with(data_dir, &|_| true)
}

/// Loads the data folder and reads the inbox, keeping the texts (results, documents,
/// narratives) only of the submissions whose period `keep_text` accepts; the others keep
/// their statuses and figures.
pub fn load_with(
    data_dir: &Path,
    keep_text: &(dyn Fn(Option<Period>) -> bool + Sync),
) -> Result<Loaded, Fatal> {
    let data = load_data(data_dir).map_err(|e| Fatal::Data(e.diags))?;
    let (found, walk_diags) = inbox::walk(data_dir, &data.registry);
    let mut submissions = inbox::read_all_keeping(&found, &data.reference(), keep_text);
    // Problems of the walk itself belong to no period: they are listed in every one.
    for d in walk_diags {
        let file = d.file.clone();
        submissions.push(Submission::unreadable(&file, Placement::default(), d));
    }
    Ok(Loaded { data, submissions })
}

impl Loaded {
    /// Periods of the readable submissions (whose year has a plan), in order.
    pub fn periods_found(&self) -> Vec<Period> {
        let set: BTreeSet<Period> = self.submissions.iter().filter_map(|s| s.period).collect();
        set.into_iter().collect()
    }

    /// Merges one period; the plan of its year must exist.
    pub fn merge(&self, period: Period) -> Result<PeriodReport<'_>, Fatal> {
        let plan = self.plan(period)?;
        Ok(merge_period(&self.data, plan, period, &self.submissions))
    }

    /// Merges one period with the task statuses of the period before it in the cycle (what
    /// the reports compare with). `known` holds the periods this run has merged already, so
    /// that no period is merged twice; another previous period is merged alongside.
    pub fn merge_with_previous(
        &self,
        period: Period,
        known: &HashMap<Period, Previous>,
    ) -> Result<PeriodReport<'_>, Fatal> {
        let plan = self.plan(period)?;
        let merge = |p| merge_period(&self.data, plan, p, &self.submissions);
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

    fn plan(&self, period: Period) -> Result<&Plan, Fatal> {
        self.data
            .plans
            .get(&period.year)
            .ok_or_else(|| no_plan(&self.data, period))
    }

    /// The period before `p` in the same year's reporting cycle: the latest period with
    /// readable reports that ends before `p` (Q1 → 6T → Q3 → NAM, or Q1 → Q2 → …; 6T is
    /// preferred to Q2, which ends on the same day).
    pub fn previous_period(&self, p: Period) -> Option<Period> {
        let rule = self.data.config.cutoff;
        self.periods_found()
            .into_iter()
            .filter(|q| q.year == p.year && q.end(rule) < p.end(rule))
            .max()
    }
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

/// Builds the requested periods (or all found) and writes their outputs, all or nothing.
pub fn build(settings: &BuildSettings) -> Result<Vec<PeriodOutcome>, Fatal> {
    // The templates first: a mistake in them is found before the inbox is read.
    let tera = templates::load(settings.templates.as_deref())?;
    // With --ky, only the requested periods' texts are kept; without, every period is built.
    let wanted = &settings.periods;
    let loaded = load_with(&settings.data, &|p| {
        wanted.is_empty() || p.is_none_or(|p| wanted.contains(&p))
    })?;
    let periods = if settings.periods.is_empty() {
        loaded.periods_found()
    } else {
        settings.periods.clone()
    };
    if periods.is_empty() {
        return Err(Fatal::Period(
            "Thư mục nop/ chưa có báo cáo nào đọc được kỳ báo cáo, nên không có kỳ nào để lập."
                .into(),
            Some("Chỉ định kỳ cần lập bằng --ky, ví dụ: baocao build --ky 2024-Q1".into()),
        ));
    }
    let mut stage = Staging::new();
    let mut outcomes = Vec::new();
    let mut merged = HashMap::new();
    for period in periods {
        let report = loaded.merge_with_previous(period, &merged)?;
        let dir = settings.out.join(period.code());
        let code = period.code();
        let json = dir.join(format!("tong-hop-{code}.json"));
        let docx = dir.join(format!("bao-cao-cchc-{code}.docx"));
        let xlsx = dir.join(format!("phu-luc-cchc-{code}.xlsx"));
        // The JSON streams to its file while the report and the workbook render beside it;
        // each output goes to disk as soon as it exists, so none waits in memory.
        let (json_written, (docx_bytes, xlsx_bytes)) = rayon::join(
            || stage.add(&json, |w| write_json(&report, w)),
            || {
                rayon::join(
                    || report_docx(&tera, &report),
                    || render_xlsx(&report).map_err(Fatal::Render),
                )
            },
        );
        json_written?;
        for (path, bytes) in [(&docx, docx_bytes?), (&xlsx, xlsx_bytes?)] {
            stage.add_bytes(path, &bytes)?;
        }
        outcomes.push(outcome(&report, vec![docx, xlsx, json]));
        merged.insert(period, Previous::of(&report));
    }
    stage.commit()?;
    Ok(outcomes)
}

/// The report of one period: the view model through the template of its kind, then the
/// ND30 layout.
pub fn report_docx(tera: &tera::Tera, r: &PeriodReport) -> Result<Vec<u8>, Fatal> {
    let ctx = build_context(r);
    let name = templates::template_name(r.period.report_kind().key());
    let text = templates::render(tera, &name, &ctx)?;
    let doc = markup::parse(&text);
    render_docx(&r.data.config, &ctx, &doc, r.end).map_err(Fatal::Render)
}

fn outcome(r: &PeriodReport, files: Vec<PathBuf>) -> PeriodOutcome {
    let rejected: BTreeSet<&str> = r
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.file.as_str())
        .collect();
    PeriodOutcome {
        period: r.period,
        files,
        tally: Tally::of(&r.diagnostics),
        valid_units: r.units.iter().filter(|u| u.used.is_some()).count(),
        total_units: r.units.len(),
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
    let loaded = load_with(data_dir, &|_| false)?;
    let periods = match period {
        Some(p) => {
            loaded.merge(p)?;
            vec![p]
        }
        None => loaded.periods_found(),
    };
    let mut diags: Vec<Diagnostic> = loaded.data.warnings.clone();
    let mut files = 0;
    for s in &loaded.submissions {
        if s.period.is_none() || period.is_none() || s.period == period {
            files += 1;
            diags.extend(s.diags.iter().cloned());
        }
    }
    // Ties are found when a period is merged; keep only what the files did not already say.
    for &p in &periods {
        let r = loaded.merge(p)?;
        for d in r.diagnostics {
            if d.code == "bao-cao-mau-thuan" {
                diags.push(d);
            }
        }
    }
    diagnostics::sort(&mut diags);
    Ok(CheckOutcome {
        diagnostics: diags,
        files,
        periods,
    })
}

/// Writes one pre-filled form per unit for a period (`<out>/<KY>/bieu-mau/<đơn vị>.yaml`);
/// returns the paths written.
pub fn forms(data_dir: &Path, out: &Path, period: Period) -> Result<Vec<PathBuf>, Fatal> {
    let data = load_data(data_dir).map_err(|e| Fatal::Data(e.diags))?;
    let plan = data
        .plans
        .get(&period.year)
        .ok_or_else(|| no_plan(&data, period))?;
    let dir = out.join(period.code()).join("bieu-mau");
    let files: Vec<OutputFile> = (0..data.registry.units.len())
        .map(|u| OutputFile {
            path: dir.join(format!("{}.yaml", data.registry.units[u].id)),
            bytes: crate::render::forms::render_form(&data, plan, period, u).into_bytes(),
        })
        .collect();
    write_all(&files)?;
    Ok(files.into_iter().map(|f| f.path).collect())
}

fn no_plan(data: &DataSet, period: Period) -> Fatal {
    Fatal::Period(
        format!(
            "Chưa có kế hoạch CCHC năm {} (tệp ke-hoach/{}.yaml) nên không lập được biểu mẫu, báo cáo kỳ {}.",
            period.year,
            period.year,
            period.code()
        ),
        Some(format!(
            "Các năm đã có kế hoạch: {}.",
            data.plans
                .keys()
                .map(|y| y.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    )
}

/// What `remind` did.
#[derive(Debug)]
pub enum Reminder {
    /// Every unit has a valid report: nothing written.
    NotNeeded { units: usize },
    /// The letter, and the units it is addressed to.
    Written { path: PathBuf, units: Vec<String> },
}

/// Writes the reminder letter to the units without a valid report for a period
/// (`<out>/<KY>/cong-van-don-doc-<KY>.docx`), unless every unit has reported.
pub fn remind(
    data_dir: &Path,
    out: &Path,
    period: Period,
    templates_dir: Option<&Path>,
) -> Result<Reminder, Fatal> {
    use crate::render::letter;
    // The templates first, even when no letter turns out to be needed: a wrong --templates
    // is said at once.
    let tera = templates::load(templates_dir)?;
    let loaded = load_with(data_dir, &|_| false)?;
    let report = loaded.merge(period)?;
    let units = letter::units_to_remind(&report);
    if units.is_empty() {
        return Ok(Reminder::NotNeeded {
            units: report.units.len(),
        });
    }
    let ctx = letter::reminder_context(&report);
    let text = templates::render(&tera, "don-doc.txt", &ctx)?;
    let doc = markup::parse(&text);
    let to = letter::addressees(&report, &units);
    let bytes = letter::render_reminder(&report, &doc, &to).map_err(Fatal::Render)?;
    let path = out
        .join(period.code())
        .join(format!("cong-van-don-doc-{}.docx", period.code()));
    write_all(&[OutputFile {
        path: path.clone(),
        bytes,
    }])?;
    let reg = &loaded.data.registry;
    Ok(Reminder::Written {
        path,
        units: units.iter().map(|&u| reg.units[u].name.clone()).collect(),
    })
}
