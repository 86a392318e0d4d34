//! The answer sheets after `Nhiệm vụ`, each a title, a line of what to write, a header row
//! and its rows: `Văn bản` (open rows, one per document, the task chosen from the unit's
//! ids), `Chỉ tiêu` (one row per indicator the unit reports, the previous value beside it) and
//! the four narrative sheets (open rows, numbered).

use super::styles::Styles;
use super::tasks::{DATE_HINT, NO_PREVIOUS, id_range};
use super::{Form, cell_text, finish};
use crate::model::form::{
    self, Col, Column, DOC_COLUMNS, DOC_ROWS, INDICATOR_COLUMNS, NARRATIVE_COLUMNS, NARRATIVE_ROWS,
};
use crate::model::ids::IndicatorIdx;
use crate::render::format;
use crate::render::xlsx::SIZE;
use crate::render::xlsx::fit::fit_width;
use crate::render::xlsx::sheet::Sheet;
use rust_xlsxwriter::{DataValidation, DataValidationRule, Formula, Worksheet, XlsxError};

/// The header row of these sheets (0-based): after the title and the line of what to write.
pub(super) const HEAD: u32 = 2;

/// The title, the line of what to write and the header row (the columns the unit fills
/// shaded apart).
fn top(
    s: &mut Sheet,
    st: &Styles,
    title: &str,
    line: &str,
    columns: &[Column],
) -> Result<(), XlsxError> {
    s.banner(0, title, &st.title, 14.0)?;
    s.banner(1, &cell_text(line), &st.subtitle, SIZE)?;
    let labels: Vec<&str> = columns.iter().map(|c| c.label).collect();
    s.header(HEAD, &labels, &st.head)?;
    for (c, column) in columns.iter().enumerate() {
        if matches!(column.col, Col::Answer(_)) {
            s.ws.write_string_with_format(HEAD, c as u16, column.label, &st.head_answer)?;
        }
    }
    Ok(())
}

/// The position of the column that fills a submission key.
fn answer(columns: &[Column], key: &'static str) -> Option<u16> {
    columns
        .iter()
        .position(|c| c.col == Col::Answer(key))
        .map(|i| i as u16)
}

/// `Văn bản`: open rows; the task's id chosen from the unit's ids; the date kept as typed.
pub(super) fn documents_sheet(ws: &mut Worksheet, f: &Form, st: &Styles) -> Result<(), XlsxError> {
    let widths = DOC_COLUMNS
        .iter()
        .map(|c| match c.col {
            Col::Answer("ma") => 12.0,
            Col::Answer("so_ky_hieu") => 22.0,
            Col::Answer("ngay") => 14.0,
            _ => 70.0,
        })
        .collect();
    let mut s = Sheet::new(ws, form::DOCS_SHEET, widths)?;
    let line = format!(
        "{} Mỗi văn bản đã ban hành để thực hiện nhiệm vụ ghi một dòng; chọn mã nhiệm vụ trong danh sách; ngày ghi dạng 12/03/2024.",
        f.unit_and_period()
    );
    top(
        &mut s,
        st,
        "VĂN BẢN ĐÃ BAN HÀNH ĐỂ THỰC HIỆN NHIỆM VỤ",
        &line,
        &DOC_COLUMNS,
    )?;
    let (first, last) = (HEAD + 1, HEAD + DOC_ROWS);
    for row in first..=last {
        for (c, column) in DOC_COLUMNS.iter().enumerate() {
            // Ids, numbers and dates are kept as typed: "1.10" stays a task's id, "12/03/2024"
            // the 12th of March whatever the computer's regional settings.
            let fmt = match column.col {
                Col::Answer("trich_yeu") => &st.answer,
                Col::Answer(_) => &st.answer_typed,
                _ => &st.shown,
            };
            s.blank(row, c as u16, fmt)?;
        }
    }
    if let (Some(c), Some(range)) = (answer(&DOC_COLUMNS, "ma"), id_range(f.tasks.len())) {
        let ids = DataValidation::new()
            .allow_list_formula(Formula::new(format!("={range}")))
            .set_input_title("Mã nhiệm vụ")?
            .set_input_message(
                "Bấm vào mũi tên bên phải ô để chọn mã nhiệm vụ mà văn bản thực hiện.",
            )?
            .set_error_title("Mã nhiệm vụ không đúng")?
            .set_error_message(
                "Chọn mã nhiệm vụ trong danh sách: các nhiệm vụ của trang Nhiệm vụ.",
            )?;
        s.ws.add_data_validation(first, c, last, c, &ids)?;
    }
    if let Some(c) = answer(&DOC_COLUMNS, "ngay") {
        let hint = DataValidation::new()
            .allow_any_value()
            .set_input_title("Ngày ban hành")?
            .set_input_message(DATE_HINT)?;
        s.ws.add_data_validation(first, c, last, c, &hint)?;
    }
    finish(
        &mut s,
        f,
        "Văn bản đã ban hành để thực hiện nhiệm vụ",
        (HEAD, HEAD),
    )
}

/// `Chỉ tiêu`: one row per indicator the unit reports; whole numbers from 0.
pub(super) fn indicators_sheet(ws: &mut Worksheet, f: &Form, st: &Styles) -> Result<(), XlsxError> {
    let rows: Vec<[String; 4]> = f
        .indicators
        .iter()
        .map(|&(i, ind)| {
            [
                cell_text(&ind.id),
                cell_text(&ind.name),
                cell_text(&ind.measure),
                previous_value(f, i),
            ]
        })
        .collect();
    let shown = |k: usize| rows.iter().map(move |r| r[k].as_str());
    let widths = INDICATOR_COLUMNS
        .iter()
        .map(|c| match (c.col, c.label) {
            (Col::Key, _) => fit_width(shown(0), 12.0, 24.0),
            (Col::Shown, "Chỉ tiêu") => 60.0,
            (Col::Shown, "Đơn vị tính") => fit_width(shown(2), 10.0, 16.0),
            (Col::Shown, _) => 28.0,
            (Col::Answer(_), _) => 16.0,
        })
        .collect();
    let mut s = Sheet::new(ws, form::INDICATORS_SHEET, widths)?;
    let line = if rows.is_empty() {
        format!(
            "{} Đơn vị không phải báo cáo chỉ tiêu nào.",
            f.unit_and_period()
        )
    } else {
        format!(
            "{} Ghi số nguyên, không dấu chấm, dấu phẩy ngăn cách hàng nghìn (ghi 1250, không ghi 1.250); chưa có số liệu thì để trống. Các tỷ lệ được tính tự động.",
            f.unit_and_period()
        )
    };
    top(
        &mut s,
        st,
        "SỐ LIỆU CÁC CHỈ TIÊU",
        &line,
        &INDICATOR_COLUMNS,
    )?;
    for (i, r) in rows.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let mut texts: Vec<(u16, &str)> = Vec::new();
        for (c, column) in INDICATOR_COLUMNS.iter().enumerate() {
            let c = c as u16;
            match (column.col, column.label) {
                (Col::Answer(_), _) => s.blank(row, c, &st.answer_whole)?,
                (Col::Key, _) => s.text(row, c, &r[0], &st.shown)?,
                (Col::Shown, "Chỉ tiêu") => {
                    s.text(row, c, &r[1], &st.shown)?;
                    texts.push((c, &r[1]));
                }
                (Col::Shown, "Đơn vị tính") => s.text(row, c, &r[2], &st.shown_center)?,
                (Col::Shown, _) => {
                    s.text(row, c, &r[3], &st.reference)?;
                    texts.push((c, &r[3]));
                }
            }
        }
        s.fit_row(row, &texts)?;
    }
    if let (Some(c), false) = (answer(&INDICATOR_COLUMNS, "gia_tri"), rows.is_empty()) {
        let whole = DataValidation::new()
            .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0))
            .set_input_title("Số liệu")?
            .set_input_message("Số nguyên, không dấu chấm, dấu phẩy ngăn cách hàng nghìn: ghi 1250. Chưa có số liệu thì để trống.")?
            .set_error_title("Số liệu không đúng")?
            .set_error_message("Số liệu là số nguyên từ 0 trở lên, không có phần thập phân, không dấu chấm, dấu phẩy ngăn cách hàng nghìn (ghi 1250, không ghi 1.250).")?;
        let last = HEAD + rows.len() as u32;
        s.ws.add_data_validation(HEAD + 1, c, last, c, &whole)?;
    }
    finish(&mut s, f, "Số liệu các chỉ tiêu", (HEAD, HEAD))
}

/// "Quý I năm 2024: 1200": the indicator's value in the unit's previous report.
fn previous_value(f: &Form, i: IndicatorIdx) -> String {
    let Some(prev) = f.previous else {
        return NO_PREVIOUS.to_string();
    };
    let period = format::upper_first(&prev.period.display_name());
    match prev.indicator(i) {
        Some(v) => format!("{period}: {v}"),
        None => format!("{period}: không báo cáo"),
    }
}

/// A narrative sheet (`i` of `model::form::NARRATIVE_SHEETS`): numbered open rows.
pub(super) fn narrative_sheet(
    ws: &mut Worksheet,
    f: &Form,
    st: &Styles,
    i: usize,
    name: &str,
) -> Result<(), XlsxError> {
    let (title, what) = NARRATIVES[i.min(NARRATIVES.len() - 1)];
    let widths = NARRATIVE_COLUMNS
        .iter()
        .map(|c| if c.col == Col::Shown { 6.0 } else { 110.0 })
        .collect();
    let mut s = Sheet::new(ws, name, widths)?;
    let line = format!("{} {what} Mỗi ý ghi một dòng.", f.unit_and_period());
    top(&mut s, st, title, &line, &NARRATIVE_COLUMNS)?;
    for n in 1..=NARRATIVE_ROWS {
        let row = HEAD + n;
        for (c, column) in NARRATIVE_COLUMNS.iter().enumerate() {
            match column.col {
                Col::Answer(_) => s.blank(row, c as u16, &st.answer)?,
                _ => s.number(row, c as u16, f64::from(n), &st.shown_center)?,
            }
        }
    }
    finish(
        &mut s,
        f,
        &format::upper_first(&title.to_lowercase()),
        (HEAD, HEAD),
    )
}

/// The narrative sheets' titles and what goes in them, in the order of
/// `model::form::NARRATIVE_SHEETS`.
const NARRATIVES: [(&str, &str); 4] = [
    (
        "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH",
        "Việc ban hành kế hoạch, văn bản chỉ đạo, kiểm tra, tuyên truyền về cải cách hành chính của đơn vị trong kỳ.",
    ),
    (
        "KHÓ KHĂN, VƯỚNG MẮC",
        "Khó khăn, vướng mắc chung của đơn vị trong kỳ (khó khăn riêng của từng nhiệm vụ ghi ở trang Nhiệm vụ).",
    ),
    ("ĐỀ XUẤT, KIẾN NGHỊ", "Đề xuất, kiến nghị với cấp trên."),
    (
        "PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
        "Các việc đơn vị sẽ làm trong kỳ tới.",
    ),
];
