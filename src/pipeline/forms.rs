//! `forms`: one YAML and one workbook form per unit, with its previous report.

use super::{Fatal, Written, plan_of};
use crate::input::inbox::{self, InboxError};
use crate::input::load_data;
use crate::input::submission::Reference;
use crate::model::dataset::DataSet;
use crate::model::period::Period;
use crate::model::previous::previous_reports;
use crate::model::submission::Inbox;
use crate::output::{Folder, Staging};
use crate::render;
use std::path::{Path, PathBuf};

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
