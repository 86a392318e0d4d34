//! `check` and `status`: the inbox read and judged, nothing written.

use super::{Fatal, Loaded};
use crate::diagnostics::{self, Diagnostic, code};
use crate::model::period::Period;
use crate::render;
use std::path::Path;

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
