//! What goes back to the units: the feedback notes (`phan-hoi`) and the reminder letter
//! (`remind`).

use super::{Fatal, Loaded, Written, load_templates};
use crate::model::period::Period;
use crate::output::{Folder, OutputFile, Staging};
use crate::render;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

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
