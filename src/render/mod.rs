//! Renderers: each turns a merged period into one output's bytes. This module is their
//! contract, one entry point per output; nothing here reads input files or writes any.
//!
//! ```text
//! PeriodReport ─┬─ view::build_context ─▶ ReportContext ─▶ templates (Tera) ─▶ markup ─▶ docx ─▶ report_docx
//!               ├─ docx::letter::reminder_context ─▶ templates ─▶ markup ─▶ docx ───────────▶ reminder_docx
//!               ├─ xlsx ─────────────────────────────────────────────────────────────────▶ workbook
//!               ├─ json ─────────────────────────────────────────────────────────────────▶ write_summary
//!               └─ status ───────────────────────────────────────────────────────────────▶ status_table, status_json
//!               ├─ feedback ─────────────────────────────────────────────────────────────▶ feedback_notes
//! DataSet + Plan ─┬─ forms ─────────────────────────────────────────────────────────────▶ form_yaml
//! + PreviousReport └─ form_xlsx ─────────────────────────────────────────────────────────▶ form_workbook
//! ImportedPlan ──── plan_yaml ───────────────────────────────────────▶ plan_yaml, review_text, review_file
//! ```

pub mod docx;
pub mod feedback;
pub mod form_xlsx;
pub mod format;
pub mod forms;
pub mod json;
pub mod markup;
pub mod metrics;
pub mod ooxml;
pub mod plan_yaml;
pub mod problems;
pub mod status;
pub mod templates;
pub mod view;
pub mod xlsx;

use crate::model::dataset::DataSet;
use crate::model::ids::UnitIdx;
use crate::model::period::Period;
use crate::model::plan::Plan;
use crate::model::previous::PreviousReport;
use crate::model::report::PeriodReport;
use chrono::NaiveDate;
use std::fmt;
use tera::Tera;

pub use plan_yaml::{plan_yaml, review_file, review_text};
pub use status::{status_json, status_table};

/// Why an output could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    Template(templates::TemplateError),
    Docx(docx::DocxError),
    Workbook(xlsx::WorkbookError),
    Form(form_xlsx::FormError),
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            RenderError::Template(e) => e.fmt(f),
            RenderError::Docx(e) => e.fmt(f),
            RenderError::Workbook(e) => e.fmt(f),
            RenderError::Form(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for RenderError {}

impl From<templates::TemplateError> for RenderError {
    fn from(e: templates::TemplateError) -> Self {
        RenderError::Template(e)
    }
}

impl From<docx::DocxError> for RenderError {
    fn from(e: docx::DocxError) -> Self {
        RenderError::Docx(e)
    }
}

/// The report (`bao-cao-cchc-<KY>.docx`): the view model through the template of the period's
/// kind, then the ND30 layout.
pub fn report_docx(r: &PeriodReport, tera: &Tera) -> Result<Vec<u8>, RenderError> {
    let ctx = view::build_context(r);
    let name = templates::template_name(r.period.report_kind().key());
    let text = templates::render(tera, &name, &ctx)?;
    let doc = markup::parse(&text);
    Ok(docx::report::render_docx(
        &r.data.config,
        &ctx,
        &doc,
        r.end,
    )?)
}

/// The reminder letter (`cong-van-don-doc-<KY>.docx`), dated `date`, to the units without a
/// valid report.
pub fn reminder_docx(
    r: &PeriodReport,
    tera: &Tera,
    date: NaiveDate,
) -> Result<Vec<u8>, RenderError> {
    let ctx = docx::letter::reminder_context(r, date);
    let text = templates::render(tera, "don-doc.txt", &ctx)?;
    let doc = markup::parse(&text);
    let to = docx::letter::addressees(r, &r.units_without_valid_report());
    Ok(docx::letter::render_reminder(r, &doc, &to, date)?)
}

/// The appendix workbook (`phu-luc-cchc-<KY>.xlsx`).
pub fn workbook(r: &PeriodReport) -> Result<Vec<u8>, RenderError> {
    xlsx::render_xlsx(r).map_err(RenderError::Workbook)
}

/// The summary (`tong-hop-<KY>.json`), written as it is made.
pub fn write_summary(r: &PeriodReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    json::write_json(r, out)
}

/// The feedback notes of a period (`phan-hoi/<đơn vị>.txt`): each unit that sent something
/// with a problem, and its note's bytes.
pub fn feedback_notes(r: &PeriodReport) -> Vec<(UnitIdx, Vec<u8>)> {
    r.units
        .iter()
        .filter_map(|u| feedback::note(r, u).map(|n| (u.unit, feedback::to_bytes(&n))))
        .collect()
}

/// The pre-filled form of one unit for one period (`bieu-mau/<đơn vị>.yaml`), with what the
/// unit's previous report said as comments.
pub fn form_yaml(
    data: &DataSet,
    plan: &Plan,
    period: Period,
    unit: UnitIdx,
    previous: Option<&PreviousReport>,
) -> String {
    forms::render_form(data, plan, period, unit, previous)
}

/// The workbook form of one unit for one period (`bieu-mau/<đơn vị>.xlsx`), laid out as
/// `model::form` says, with the unit's previous report in a locked column.
pub fn form_workbook(
    data: &DataSet,
    plan: &Plan,
    period: Period,
    unit: UnitIdx,
    previous: Option<&PreviousReport>,
) -> Result<Vec<u8>, RenderError> {
    form_xlsx::render_form_xlsx(data, plan, period, unit, previous).map_err(RenderError::Form)
}
