//! `build`: every requested period merged, rendered (DOCX, XLSX, JSON) and written as one set.

use super::{Fatal, Loaded, Written, load_templates};
use crate::diagnostics::{Diagnostic, Tally};
use crate::model::period::Period;
use crate::model::report::{PeriodReport, Previous};
use crate::output::{Folder, Staging};
use crate::render;
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

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
