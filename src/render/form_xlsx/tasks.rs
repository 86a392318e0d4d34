//! `Nhiệm vụ`: the title, the unit and the period, the header fields the unit fills in (date,
//! author, number of its report), then one row per task of the unit: what the plan says and
//! what the unit's previous report said, locked; status (a drop-down list), progress (0–100),
//! result and difficulties, open.

use super::styles::Styles;
use super::{Form, cell_text, finish};
use crate::model::form::{self, Col, Column, HEADER_FIELDS, PERIOD_ROW, TASK_COLUMNS, UNIT_ROW};
use crate::model::ids::TaskIdx;
use crate::model::plan::Role;
use crate::render::format;
use crate::render::forms::{previous_result, status_progress};
use crate::render::xlsx::SIZE;
use crate::render::xlsx::fit::fit_width;
use crate::render::xlsx::sheet::Sheet;
use rust_xlsxwriter::{DataValidation, DataValidationRule, Worksheet, XlsxError};

/// The first row of the header fields (0-based; the rows of `model::form` are 1-based).
const FIELDS: u32 = PERIOD_ROW;
/// The table's header row (0-based): after the header fields and one blank row.
pub(super) const HEAD: u32 = FIELDS + HEADER_FIELDS.len() as u32 + 1;
/// Columns of the header fields: the label over A:B, the answer over C:E (read from C).
const ANSWER_COL: u16 = 2;
const ANSWER_LAST: u16 = 4;

/// The text of the previous-report column for a task.
pub(super) const NO_PREVIOUS: &str = "Chưa có báo cáo kỳ trước";

/// What a column of the tasks sheet holds, by its label or answer key in `model::form`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Id,
    Content,
    Role,
    Product,
    Limit,
    Previous,
    Status,
    Progress,
    /// A text answer (result, difficulties).
    Text,
    /// A column this writer does not know: left empty and locked.
    Unknown,
}

fn kind(c: &Column) -> Kind {
    match (c.col, c.label) {
        (Col::Key, _) => Kind::Id,
        (Col::Answer("trang_thai"), _) => Kind::Status,
        (Col::Answer("tien_do"), _) => Kind::Progress,
        (Col::Answer(_), _) => Kind::Text,
        (Col::Shown, "Nhiệm vụ") => Kind::Content,
        (Col::Shown, "Vai trò") => Kind::Role,
        (Col::Shown, "Sản phẩm theo kế hoạch") => Kind::Product,
        (Col::Shown, "Thời hạn") => Kind::Limit,
        (Col::Shown, "Kỳ trước (để tham khảo)") => Kind::Previous,
        (Col::Shown, _) => Kind::Unknown,
    }
}

/// The position of the first column of a kind.
fn col(k: Kind) -> Option<u16> {
    TASK_COLUMNS
        .iter()
        .position(|c| kind(c) == k)
        .map(|i| i as u16)
}

pub(super) fn tasks_sheet(ws: &mut Worksheet, f: &Form, st: &Styles) -> Result<(), XlsxError> {
    let rows: Vec<TaskRow> = f
        .tasks
        .iter()
        .map(|&(i, _, role)| TaskRow::of(f, i, role))
        .collect();
    let widths = TASK_COLUMNS
        .iter()
        .map(|c| match kind(c) {
            Kind::Id => fit_width(rows.iter().map(|r| r.id.as_str()), 8.0, 12.0),
            Kind::Content => 36.0,
            Kind::Role => fit_width(
                [form::ROLE_LEAD, form::ROLE_COORDINATOR].into_iter(),
                9.0,
                12.0,
            ),
            Kind::Product => 22.0,
            Kind::Limit => 13.0,
            Kind::Previous => 24.0,
            Kind::Status => fit_width(form::status_labels().into_iter(), 12.0, 16.0),
            Kind::Progress => 9.0,
            Kind::Text if c.col == Col::Answer("ket_qua") => 30.0,
            Kind::Text | Kind::Unknown => 20.0,
        })
        .collect();
    let mut s = Sheet::new(ws, form::TASKS_SHEET, widths)?;
    header_block(&mut s, f, st)?;
    let labels: Vec<&str> = TASK_COLUMNS.iter().map(|c| c.label).collect();
    s.header(HEAD, &labels, &st.head)?;
    for (c, column) in TASK_COLUMNS.iter().enumerate() {
        if matches!(column.col, Col::Answer(_)) {
            s.ws.write_string_with_format(HEAD, c as u16, column.label, &st.head_answer)?;
        }
    }
    for (i, r) in rows.iter().enumerate() {
        task_row(&mut s, st, HEAD + 1 + i as u32, r)?;
    }
    if !rows.is_empty() {
        validations(s.ws, HEAD + 1, HEAD + rows.len() as u32)?;
    }
    let title = format!("Báo cáo kết quả thực hiện CCHC – {}", f.unit.name);
    finish(&mut s, f, &title, (HEAD, HEAD))?;
    // The cursor starts on the first answer: the report's date.
    s.ws.set_selection(FIELDS, ANSWER_COL, FIELDS, ANSWER_COL)?;
    Ok(())
}

/// One task's row, as tall as its longest shown text.
fn task_row(s: &mut Sheet, st: &Styles, row: u32, r: &TaskRow) -> Result<(), XlsxError> {
    let mut texts: Vec<(u16, &str)> = Vec::new();
    for (c, column) in TASK_COLUMNS.iter().enumerate() {
        let c = c as u16;
        match kind(column) {
            Kind::Id => s.text(row, c, &r.id, &st.shown_center)?,
            Kind::Role => s.text(row, c, r.role, &st.shown_center)?,
            Kind::Content => {
                s.text(row, c, &r.content, &st.shown)?;
                texts.push((c, &r.content));
            }
            Kind::Product => {
                s.text(row, c, &r.product, &st.shown)?;
                texts.push((c, &r.product));
            }
            Kind::Limit => {
                s.text(row, c, &r.limit, &st.shown)?;
                texts.push((c, &r.limit));
            }
            Kind::Previous => {
                s.text(row, c, &r.previous, &st.reference)?;
                texts.push((c, &r.previous));
            }
            Kind::Status => s.blank(row, c, &st.answer_center)?,
            Kind::Progress => s.blank(row, c, &st.answer_number)?,
            Kind::Text => s.blank(row, c, &st.answer)?,
            Kind::Unknown => s.blank(row, c, &st.shown)?,
        }
    }
    s.fit_row(row, &texts)
}

/// The cells of the tasks' ids on this sheet ("'Nhiệm vụ'!$A$9:$A$36"), which the documents
/// sheet offers as a list; none without tasks.
pub(super) fn id_range(tasks: usize) -> Option<String> {
    let c = col(Kind::Id)?;
    (tasks > 0).then(|| {
        rust_xlsxwriter::worksheet_range_absolute(
            form::TASKS_SHEET,
            HEAD + 1,
            c,
            HEAD + tasks as u32,
            c,
        )
    })
}

/// What one task's row shows.
struct TaskRow {
    id: String,
    content: String,
    role: &'static str,
    product: String,
    limit: String,
    previous: String,
}

impl TaskRow {
    fn of(f: &Form, task: TaskIdx, role: Role) -> TaskRow {
        let t = &f.plan[task];
        TaskRow {
            id: cell_text(&t.id),
            content: cell_text(&t.content),
            role: match role {
                Role::Lead => form::ROLE_LEAD,
                _ => form::ROLE_COORDINATOR,
            },
            product: cell_text(&t.product),
            limit: cell_text(&t.time_limit.text),
            previous: cell_text(&previous_text(f, task)),
        }
    }
}

/// "Quý I năm 2024: Đang thực hiện, 40% — Đã ban hành …": what the unit's previous report
/// said of a task.
pub(super) fn previous_text(f: &Form, task: TaskIdx) -> String {
    let Some(prev) = f.previous else {
        return NO_PREVIOUS.to_string();
    };
    let period = format::upper_first(&prev.period.display_name());
    match prev.task(task) {
        None => format!("{period}: không báo cáo nhiệm vụ này"),
        Some(t) => match previous_result(t) {
            Some(result) => format!("{period}: {} — {result}", status_progress(t)),
            None => format!("{period}: {}", status_progress(t)),
        },
    }
}

/// The title, the unit, the period and the header fields.
fn header_block(s: &mut Sheet, f: &Form, st: &Styles) -> Result<(), XlsxError> {
    let title = format!(
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CCHC {}",
        format::upper(&f.period.display_name())
    );
    s.banner(0, &cell_text(&title), &st.title, 14.0)?;
    s.banner(
        UNIT_ROW - 1,
        &cell_text(&format!("Đơn vị: {}", f.unit.name)),
        &st.line_bold,
        SIZE,
    )?;
    let period = format!(
        "Kỳ báo cáo: {}; hạn gửi: ngày {}.",
        f.period_and_range(),
        format::short_date(f.deadline)
    );
    s.banner(PERIOD_ROW - 1, &period, &st.line, SIZE)?;
    for (i, (label, key)) in HEADER_FIELDS.iter().enumerate() {
        let row = FIELDS + i as u32;
        s.ws.merge_range(row, 0, row, 1, label, &st.label)?;
        // The report's date is pre-filled with the deadline, as text (like the YAML form);
        // every answer here is kept as typed.
        let value = if *key == "ngay_bao_cao" {
            format::short_date(f.deadline)
        } else {
            String::new()
        };
        s.ws.merge_range(row, ANSWER_COL, row, ANSWER_LAST, &value, &st.answer_field)?;
        s.set_height(row, 20.0)?;
        if *key == "ngay_bao_cao" {
            let hint = DataValidation::new()
                .allow_any_value()
                .set_input_title("Ngày báo cáo")?
                .set_input_message(DATE_HINT)?;
            s.ws.add_data_validation(row, ANSWER_COL, row, ANSWER_COL, &hint)?;
        }
    }
    Ok(())
}

/// The input message of every date cell.
pub(super) const DATE_HINT: &str = "Ghi ngày dạng 12/03/2024 (ngày/tháng/năm).";

/// Status from the list; progress a number from 0 to 100.
fn validations(ws: &mut Worksheet, first: u32, last: u32) -> Result<(), XlsxError> {
    let labels = form::status_labels();
    let status = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_input_title("Tình trạng")?
        .set_input_message("Bấm vào mũi tên bên phải ô để chọn tình trạng của nhiệm vụ.")?
        .set_error_title("Tình trạng không đúng")?
        .set_error_message(format!(
            "Chọn một trong bốn tình trạng trong danh sách: {}.",
            labels.join(", ")
        ))?;
    if let Some(c) = col(Kind::Status) {
        ws.add_data_validation(first, c, last, c, &status)?;
    }
    let progress = DataValidation::new()
        .allow_decimal_number(DataValidationRule::Between(0.0, 100.0))
        .set_input_title("Tiến độ (%)")?
        .set_input_message("Phần trăm khối lượng công việc đã làm: một số từ 0 đến 100, không ghi dấu %.")?
        .set_error_title("Tiến độ không đúng")?
        .set_error_message(
            "Tiến độ là một số từ 0 đến 100 (phần trăm khối lượng công việc đã làm), không ghi dấu %.",
        )?;
    if let Some(c) = col(Kind::Progress) {
        ws.add_data_validation(first, c, last, c, &progress)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_of_the_contract_is_known() {
        for c in &TASK_COLUMNS {
            assert_ne!(kind(c), Kind::Unknown, "{}", c.label);
        }
        for k in [Kind::Id, Kind::Status, Kind::Progress, Kind::Previous] {
            assert!(col(k).is_some(), "{k:?}");
        }
    }
}
