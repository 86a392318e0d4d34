//! The appendix workbook (`phu-luc-cchc-<KY>.xlsx`): the merged period in, the bytes
//! of an XLSX workbook out. Five sheets in a fixed order: `Tong hop` (tasks by area and status,
//! with a chart), `Nhiem vu` (one row per task), `Don vi` (one row per unit), `Chi tieu` (one
//! column per indicator) and `Kiem tra` (every diagnostic).
//!
//! Every number is the one the JSON summary gives; percentages are stored as fractions and
//! shown with `0.0%`. Text from the data folder is always written as a string (never as a
//! formula) and cut, with a note, at Excel's 32,767-character cell limit. Row heights are
//! computed from the text, because neither Excel nor LibreOffice grows a row on load. The
//! document's creation date is the period's end date, so the same inputs give the same bytes.

mod checks;
pub(in crate::render) mod fit;
mod indicators;
pub(in crate::render) mod sheet;
pub(in crate::render) mod styles;
mod summary;
mod tasks;
mod units;

use crate::model::report::PeriodReport;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, XlsxError};
use styles::Styles;

/// The sheet names, in order (docs/du-lieu.md, "Kết quả").
pub const SHEETS: [&str; 5] = ["Tong hop", "Nhiem vu", "Don vi", "Chi tieu", "Kiem tra"];
/// Excel's limit on the length of a cell's text, in UTF-16 code units.
pub const CELL_LIMIT: usize = 32_767;
/// Room kept at the end of a cut cell for the note saying what was left out.
pub(in crate::render) const NOTE_ROOM: usize = 120;
/// Excel's tallest row, in points.
pub(in crate::render) const MAX_ROW_HEIGHT: f64 = 409.0;
pub(in crate::render) const FONT: &str = "Times New Roman";
/// Body text size, in points.
pub(in crate::render) const SIZE: f64 = 11.0;
/// Sheets with at most this many columns print one page wide; wider ones repeat their first
/// columns on every page instead of shrinking to an unreadable size.
pub(in crate::render) const FIT_COLUMNS: u16 = 16;

/// Why the workbook could not be made.
#[derive(Debug)]
pub struct WorkbookError {
    /// The period's code, which names the file.
    pub period: String,
    pub cause: XlsxError,
}

impl std::fmt::Display for WorkbookError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(
            f,
            "Không tạo được phụ lục XLSX (phu-luc-cchc-{}.xlsx): {}",
            self.period,
            explain(&self.cause)
        )
    }
}

impl std::error::Error for WorkbookError {}

/// Renders the appendix workbook of one period.
pub fn render_xlsx(r: &PeriodReport) -> Result<Vec<u8>, WorkbookError> {
    build(r).map_err(|cause| WorkbookError {
        period: r.period.code(),
        cause,
    })
}

/// The library's error, in Vietnamese where it is one a user can meet.
pub(in crate::render) fn explain(e: &XlsxError) -> String {
    match e {
        XlsxError::RowColumnLimitError => {
            "bảng vượt quá giới hạn của Excel (1.048.576 dòng, 16.384 cột).".into()
        }
        XlsxError::MaxStringLengthExceeded => "một ô vượt quá 32.767 ký tự.".into(),
        XlsxError::ParameterError(msg) => format!("{msg}."),
        other => format!("lỗi khi ghi tệp ({other})."),
    }
}

fn build(r: &PeriodReport) -> Result<Vec<u8>, XlsxError> {
    let title = format!("Phụ lục kết quả thực hiện CCHC {}", r.period.display_name());
    let mut wb = new_workbook(&title, &r.plan.title, &r.data.config.body_name, r.end)?;
    let st = Styles::new();
    summary::summary_sheet(wb.add_worksheet(), r, &st)?;
    tasks::tasks_sheet(wb.add_worksheet(), r, &st)?;
    // The sheets with a row per unit or per diagnostic can hold tens of thousands of rows: they
    // are written row by row and flushed to a temporary file as they go ("constant memory"),
    // so that a province's workbook does not have to sit in memory.
    units::units_sheet(wb.add_worksheet_with_constant_memory()?, r, &st)?;
    indicators::indicators_sheet(wb.add_worksheet_with_constant_memory()?, r, &st)?;
    checks::diagnostics_sheet(wb.add_worksheet_with_constant_memory()?, r, &st)?;
    wb.save_to_buffer()
}

/// A workbook in Times New Roman 11 (which has Calibri 11's metrics in Excel's terms:
/// 64-pixel columns, 20-pixel rows), its properties dated `date` (the period's end: the same
/// inputs give the same bytes).
pub(in crate::render) fn new_workbook(
    title: &str,
    subject: &str,
    author: &str,
    date: NaiveDate,
) -> Result<Workbook, XlsxError> {
    let mut wb = Workbook::new();
    wb.set_default_format(
        &Format::new().set_font_name(FONT).set_font_size(SIZE),
        20,
        64,
    )?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_subject(subject)
            .set_author(author)
            .set_creation_datetime(&excel_date(date)?),
    );
    Ok(wb)
}

pub(in crate::render) fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| {
        XlsxError::ParameterError(format!("năm {} nằm ngoài phạm vi của Excel", d.year()))
    })?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}
