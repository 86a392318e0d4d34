//! The workbook form (`bieu-mau/<đơn vị>.xlsx`, docs/bieu-mau-excel.md): one unit and one
//! period in, the bytes of an XLSX workbook out, laid out as `model::form` says so that
//! `input::workbook` reads it back. The sheets, in order: `Hướng dẫn` (how to fill it in, shown
//! first), `Nhiệm vụ` (the header fields and one row per task of the unit), `Văn bản`,
//! `Chỉ tiêu`, the four narrative sheets, and the hidden sheet `baocao` (form version, unit,
//! period, plan year).
//!
//! Every sheet is protected without a password: what the form shows is locked, the answer
//! cells are not. The tasks and indicators are exactly those of the YAML form
//! ([`forms::unit_tasks`], [`forms::asked_indicators`]); each shows the unit's previous report
//! in a locked, greyed column. Text from the data folder is always written as a string (never
//! a formula), without the characters XML forbids, cut at Excel's cell limit. The document's
//! dates are the period's end, so the same inputs give the same bytes.

mod guide;
mod styles;
mod tables;
mod tasks;

use crate::model::catalogue::Indicator;
use crate::model::dataset::DataSet;
use crate::model::form;
use crate::model::ids::{IndicatorIdx, TaskIdx, UnitIdx};
use crate::model::period::Period;
use crate::model::plan::{Plan, Role, Task};
use crate::model::previous::PreviousReport;
use crate::model::registry::Unit;
use crate::render::format;
use crate::render::forms;
use crate::render::xlsx::fit::{SEE_PLAN, fit};
use crate::render::xlsx::sheet::{Layout, Sheet};
use crate::render::xlsx::{explain, new_workbook};
use chrono::NaiveDate;
use rust_xlsxwriter::{ProtectionOptions, Worksheet, XlsxError};
use std::borrow::Cow;
use styles::Styles;

/// Why a unit's workbook form could not be made.
#[derive(Debug)]
pub struct FormError {
    /// The unit's id, which names the file.
    pub unit: String,
    pub cause: XlsxError,
}

impl std::fmt::Display for FormError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "Không tạo được biểu mẫu Excel của đơn vị {} ({}.xlsx): {}",
            self.unit,
            self.unit,
            explain(&self.cause)
        )
    }
}

impl std::error::Error for FormError {}

/// What one unit's form is made from.
pub(super) struct Form<'a> {
    pub(super) data: &'a DataSet,
    pub(super) plan: &'a Plan,
    pub(super) period: Period,
    pub(super) unit: &'a Unit,
    pub(super) previous: Option<&'a PreviousReport<'a>>,
    pub(super) tasks: Vec<(TaskIdx, &'a Task, Role)>,
    pub(super) indicators: Vec<(IndicatorIdx, &'a Indicator)>,
    pub(super) start: NaiveDate,
    pub(super) end: NaiveDate,
    pub(super) deadline: NaiveDate,
}

impl Form<'_> {
    /// "quý I năm 2024 (số liệu từ ngày 15/12/2023 đến ngày 14/03/2024)".
    pub(super) fn period_and_range(&self) -> String {
        format!(
            "{} (số liệu từ ngày {} đến ngày {})",
            self.period.display_name(),
            format::short_date(self.start),
            format::short_date(self.end)
        )
    }

    /// "Phòng Tư pháp, quý I năm 2024.": the subtitle of the answer sheets starts with it.
    pub(super) fn unit_and_period(&self) -> String {
        format!("{}, {}.", self.unit.name, self.period.display_name())
    }
}

/// Renders the workbook form of one unit for one period.
pub fn render_form_xlsx(
    data: &DataSet,
    plan: &Plan,
    period: Period,
    unit: UnitIdx,
    previous: Option<&PreviousReport>,
) -> Result<Vec<u8>, FormError> {
    let rule = data.config.cutoff;
    let form = Form {
        data,
        plan,
        period,
        unit: &data.registry[unit],
        previous,
        tasks: forms::unit_tasks(plan, unit),
        indicators: forms::asked_indicators(data, unit),
        start: period.start(rule),
        end: period.end(rule),
        deadline: data.config.submission_deadline(period),
    };
    build(&form).map_err(|cause| FormError {
        unit: form.unit.id.clone(),
        cause,
    })
}

fn build(f: &Form) -> Result<Vec<u8>, XlsxError> {
    let title = format!(
        "Biểu mẫu báo cáo kết quả thực hiện CCHC {} – {}",
        f.period.display_name(),
        f.unit.name
    );
    let mut wb = new_workbook(
        &clean(&title),
        &clean(&f.plan.title),
        &clean(&f.data.config.body_name),
        f.end,
    )?;
    let st = Styles::new();
    guide::guide_sheet(wb.add_worksheet(), f, &st)?;
    tasks::tasks_sheet(wb.add_worksheet(), f, &st)?;
    tables::documents_sheet(wb.add_worksheet(), f, &st)?;
    tables::indicators_sheet(wb.add_worksheet(), f, &st)?;
    for (i, (name, _)) in form::NARRATIVE_SHEETS.iter().enumerate() {
        tables::narrative_sheet(wb.add_worksheet(), f, &st, i, name)?;
    }
    meta_sheet(wb.add_worksheet(), f)?;
    wb.save_to_buffer()
}

/// The hidden sheet the reader trusts for the unit and the period.
fn meta_sheet(ws: &mut Worksheet, f: &Form) -> Result<(), XlsxError> {
    ws.set_name(form::META_SHEET)?;
    ws.write_string(0, 0, form::META_TITLE)?;
    ws.write_string(1, 0, form::META_VERSION)?;
    ws.write_number(1, 1, form::VERSION)?;
    ws.write_string(2, 0, form::META_UNIT)?;
    ws.write_string(2, 1, &f.unit.id)?;
    ws.write_string(3, 0, form::META_PERIOD)?;
    ws.write_string(3, 1, f.period.code())?;
    ws.write_string(4, 0, form::META_YEAR)?;
    ws.write_number(4, 1, f.plan.year)?;
    ws.set_column_width(0, 16)?;
    ws.set_column_width(1, 24)?;
    ws.set_hidden(true);
    protect(ws);
    Ok(())
}

/// Text from the data folder for a cell: without the characters XML forbids, cut at Excel's
/// limit.
pub(super) fn cell_text(s: &str) -> String {
    fit(&clean(s), SEE_PLAN)
}

/// A text without the characters XML forbids (input files are cleaned when read; this keeps
/// the workbook valid whatever reaches it).
pub(super) fn clean(s: &str) -> Cow<'_, str> {
    if s.chars().any(crate::text::is_xml_forbidden) {
        Cow::Owned(
            s.chars()
                .filter(|&c| !crate::text::is_xml_forbidden(c))
                .collect(),
        )
    } else {
        Cow::Borrowed(s)
    }
}

/// Protection without a password: locked cells stay locked, every cell can be selected, and
/// rows and columns can be resized so that a clerk can see a long text whole.
pub(super) fn protect(ws: &mut Worksheet) {
    ws.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
}

/// The page set-up every printed sheet shares (A4 landscape, one page wide, the header rows
/// `head` repeated and frozen, the title in the page header), then the protection.
pub(super) fn finish(
    s: &mut Sheet,
    f: &Form,
    title: &str,
    head: (u32, u32),
) -> Result<(), XlsxError> {
    s.finish(
        f.period,
        &clean(title),
        Layout {
            head,
            filter_to: None,
            keep: 0,
            repeat: true,
        },
    )?;
    protect(s.ws);
    Ok(())
}
