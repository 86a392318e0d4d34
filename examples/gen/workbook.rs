//! `--workbooks`: a submission written as the unit's filled workbook form
//! (`nop/<unit>/<name>.xlsx`) instead of YAML, with the same answers, laid out as
//! `baocao::model::form` says and as `baocao forms` makes the form (render::form_xlsx): the
//! guide; the tasks sheet with the header answers right of their labels (label over A:B,
//! answer in C) and one row per task of the unit (a task not reported left blank); the
//! documents sheet with its open rows; the indicators; the four narrative sheets with their
//! numbered open rows; and the hidden sheet. What the form shows is locked and each sheet
//! protected without a password, as in the form a clerk fills in.
//!
//! The answers are typed as a clerk's spreadsheet types them, drawn from the seed (stream
//! `S_BOOK`, so the YAML files do not change): the report date a date cell or the text
//! "12/03/2024", numbers as number cells or as text ("1200" in a text cell), statuses as the
//! drop-down's labels or typed in another case, document dates as text. Only files without
//! an injected fault become workbooks (faults.rs), so that the list of expected errors stays
//! true.

use crate::indicators::INDICATORS;
use crate::periods::deadline;
use crate::rng::{Rng, S_BOOK};
use crate::submissions::{Entry, Sub, World};
use baocao::input::values;
use baocao::model::form::{self, Col, Column};
use baocao::model::period::{CutOff, Period};
use baocao::model::status::Status;
use baocao::render::format::{short_date, shorten, upper, upper_first};
use baocao::render::forms::PREVIOUS_WORDS;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatBorder,
    Formula, ProtectionOptions, Workbook, Worksheet, XlsxError,
};

/// The name of the workbook that takes a YAML file's place: the same name, `.xlsx`
/// (`nam-2024/2024-Q1.yml` → `nam-2024/2024-Q1.xlsx`).
pub fn xlsx_name(yaml: &str) -> String {
    let (dir, file) = match yaml.rsplit_once('/') {
        Some((d, f)) => (format!("{d}/"), f),
        None => (String::new(), yaml),
    };
    let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
    format!("{dir}{stem}.xlsx")
}

/// The workbook of unit `u`'s submission `sub` for period `p`.
pub fn workbook(w: &World, u: usize, p: usize, sub: &Sub) -> Vec<u8> {
    build(w, u, p, sub).unwrap_or_else(|e| {
        eprintln!("gen: workbook of {} {}: {e}", w.units[u].id, sub.ky);
        std::process::exit(1);
    })
}

type Res = Result<(), XlsxError>;

/// The cell formats of the form: shown cells shaded and locked, answer cells framed and
/// unlocked; a text format where the form keeps what is typed.
struct Formats {
    title: Format,
    line: Format,
    head: Format,
    shown: Format,
    previous: Format,
    answer: Format,
    /// Kept as typed (Excel's built-in text format): ids, numbers, dates of documents.
    typed: Format,
    whole: Format,
    /// A date cell, as a clerk's spreadsheet makes it of a typed date.
    date: Format,
}

impl Formats {
    fn new() -> Formats {
        let shown = Format::new()
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_background_color(Color::RGB(0xF2F2F2));
        let answer = Format::new()
            .set_text_wrap()
            .set_border(FormatBorder::Thin)
            .set_unlocked();
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            line: Format::new().set_italic(),
            head: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(0xDDEBF7)),
            previous: shown.clone().set_italic().set_font_color(Color::Gray),
            shown,
            typed: answer.clone().set_num_format_index(49),
            whole: answer.clone().set_num_format_index(1),
            date: answer.clone().set_num_format("dd/mm/yyyy"),
            answer,
        }
    }
}

/// How one clerk types: the draws of one workbook.
struct Clerk(Rng);

impl Clerk {
    /// A number: a number cell, or the same digits as text (typed into a text cell, or
    /// pasted from a document).
    fn number(&mut self, ws: &mut Worksheet, r: u32, c: u16, x: i64, f: &Formats) -> Res {
        if self.0.chance(0.3) {
            ws.write_string_with_format(r, c, x.to_string(), &f.typed)?;
        } else {
            ws.write_number_with_format(r, c, x as f64, &f.whole)?;
        }
        Ok(())
    }

    /// A status as the drop-down writes it, or typed in another case.
    fn status(&mut self, s: Status) -> String {
        let label = s.label();
        match self.0.below(20) {
            0 | 1 => label.to_lowercase(),
            2 => label.to_uppercase(),
            3 if s == Status::Done => format!("Đã {}", label.to_lowercase()),
            _ => label.to_string(),
        }
    }
}

/// One workbook being written: the submission, what the form shows beside it, and the
/// clerk's draws.
struct Form<'a> {
    w: &'a World,
    u: usize,
    sub: &'a Sub,
    period: Period,
    date: NaiveDate,
    /// The tasks of the unit in the plan (lead or coordinator), in plan order.
    tasks: Vec<usize>,
    /// The unit's report of the previous period, for the "Kỳ trước" columns.
    previous: Option<(Period, Sub)>,
    clerk: Clerk,
    f: Formats,
}

fn build(w: &World, u: usize, p: usize, sub: &Sub) -> Result<Vec<u8>, XlsxError> {
    let period = w.periods[p];
    let date = values::date(&sub.date, "ngay_bao_cao").expect("a generated date");
    let mut form = Form {
        w,
        u,
        sub,
        period,
        date,
        tasks: w.tasks_of(u, period.year),
        previous: previous(w, u, p),
        clerk: Clerk(Rng::stream(w.seed, &[S_BOOK, u as u64, p as u64])),
        f: Formats::new(),
    };
    let mut wb = Workbook::new();
    wb.set_default_format(
        &Format::new()
            .set_font_name("Times New Roman")
            .set_font_size(11),
        20,
        64,
    )?;
    // The form's creation time is its period's end (as `baocao forms` writes it): the same
    // arguments give the same bytes.
    let end = period.end(CutOff::Nd09);
    wb.set_properties(&DocProperties::new().set_creation_datetime(&excel_date(end)?));
    guide_sheet(wb.add_worksheet(), &form)?;
    form.tasks_sheet(wb.add_worksheet())?;
    form.docs_sheet(wb.add_worksheet())?;
    form.indicators_sheet(wb.add_worksheet())?;
    for (name, key) in form::NARRATIVE_SHEETS {
        let rows: &[String] = match key {
            "chi_dao_dieu_hanh" => std::slice::from_ref(&sub.chi_dao),
            "kho_khan" => &sub.kho_khan,
            "kien_nghi" => &sub.kien_nghi,
            "phuong_huong" => &sub.phuong_huong,
            k => unreachable!("a narrative sheet the generator does not fill: {k}"),
        };
        form.narrative_sheet(wb.add_worksheet(), name, rows)?;
    }
    meta_sheet(wb.add_worksheet(), sub, period)?;
    wb.save_to_buffer()
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The unit's report of the period before `p` in the same plan year, if it sent one.
fn previous(w: &World, u: usize, p: usize) -> Option<(Period, Sub)> {
    let period = w.periods[p];
    let end = period.end(CutOff::Nd09);
    let before = (0..w.periods.len())
        .filter(|&q| {
            let o = w.periods[q];
            o.year == period.year && o.end(CutOff::Nd09) < end
        })
        .max_by_key(|&q| w.periods[q].end(CutOff::Nd09))?;
    (!w.missing(u, before)).then(|| (w.periods[before], w.submission(u, before)))
}

/// Protection without a password; rows and columns can be resized.
fn protect(ws: &mut Worksheet) {
    ws.protect_with_options(&ProtectionOptions {
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    });
}

/// The text of the previous-report columns when there is none.
const NO_PREVIOUS: &str = "Chưa có báo cáo kỳ trước";

fn guide_sheet(ws: &mut Worksheet, form: &Form) -> Res {
    let f = &form.f;
    ws.set_name(form::GUIDE_SHEET)?;
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 100)?;
    ws.write_with_format(0, 0, "HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO", &f.title)?;
    let unit = &form.w.units[form.u];
    ws.write(2, 0, "Đơn vị:")?;
    ws.write(2, 1, unit.name.as_str())?;
    ws.write(3, 0, "Kỳ báo cáo:")?;
    ws.write(3, 1, form.period.display_name())?;
    ws.write(4, 0, "Hạn gửi:")?;
    ws.write(4, 1, short_date(deadline(form.period)))?;
    let steps = [
        "Chỉ điền vào các ô nền trắng có khung; các ô nền xám là nội dung của kế hoạch, đã khóa.",
        "Trang “Nhiệm vụ”: ghi ngày báo cáo, người lập, số ký hiệu báo cáo; với mỗi nhiệm vụ chọn Tình trạng, ghi Tiến độ (%), Kết quả thực hiện, Khó khăn, vướng mắc.",
        "Trang “Văn bản”: mỗi văn bản đã ban hành ghi một dòng, chọn mã nhiệm vụ trong danh sách.",
        "Ngày ghi dạng 12/03/2024 (ngày/tháng/năm).",
        "Trang “Chỉ tiêu”: ghi số nguyên, không có dấu chấm, dấu phẩy ngăn cách hàng nghìn.",
        "Các trang còn lại: mỗi ý ghi một dòng.",
        "Không đổi tên, xóa hay thêm trang; không xóa, chèn hay di chuyển cột.",
    ];
    for (r, (n, s)) in (6u32..).zip((1..).zip(steps)) {
        ws.write(r, 0, format!("Bước {n}"))?;
        ws.write_with_format(r, 1, s, &f.line)?;
    }
    protect(ws);
    Ok(())
}

/// The row of the tasks sheet's table header (0-based): after the title, the unit, the
/// period, the three header fields and a blank row.
const TASK_HEADER: u32 = form::PERIOD_ROW + form::HEADER_FIELDS.len() as u32 + 1;
/// The header row of the other sheets (0-based): after the title and a line of what to write.
const HEAD: u32 = 2;

fn header_row(ws: &mut Worksheet, r: u32, cols: &[Column], f: &Formats) -> Res {
    for (c, col) in (0u16..).zip(cols) {
        ws.write_with_format(r, c, col.label, &f.head)?;
    }
    Ok(())
}

impl Form<'_> {
    fn tasks_sheet(&mut self, ws: &mut Worksheet) -> Res {
        let unit = &self.w.units[self.u];
        ws.set_name(form::TASKS_SHEET)?;
        let title = format!(
            "BÁO CÁO KẾT QUẢ THỰC HIỆN CCHC {}",
            upper(&self.period.display_name())
        );
        ws.write_with_format(0, 0, title, &self.f.title)?;
        ws.write(form::UNIT_ROW - 1, 0, format!("Đơn vị: {}", unit.name))?;
        let line = format!(
            "Kỳ báo cáo: {} (số liệu từ ngày {} đến ngày {}); hạn gửi: ngày {}.",
            self.period.display_name(),
            short_date(self.period.start(CutOff::Nd09)),
            short_date(self.period.end(CutOff::Nd09)),
            short_date(deadline(self.period))
        );
        ws.write(form::PERIOD_ROW - 1, 0, line)?;
        self.header_answers(ws)?;
        header_row(ws, TASK_HEADER, &form::TASK_COLUMNS, &self.f)?;
        let tasks = self.tasks.clone();
        for (r, &t) in (TASK_HEADER + 1..).zip(&tasks) {
            self.task_row(ws, r, t)?;
        }
        if !tasks.is_empty() {
            self.task_validations(ws, TASK_HEADER + 1, TASK_HEADER + tasks.len() as u32)?;
        }
        for (c, col) in (0u16..).zip(&form::TASK_COLUMNS) {
            let width = match col.col {
                Col::Key => 8,
                Col::Answer("ket_qua") => 40,
                Col::Answer(_) => 14,
                Col::Shown => 24,
            };
            ws.set_column_width(c, width)?;
        }
        protect(ws);
        Ok(())
    }

    /// The header block: each label over A:B, the answer over C:E (in C).
    fn header_answers(&mut self, ws: &mut Worksheet) -> Res {
        for (r, (label, key)) in (form::PERIOD_ROW..).zip(form::HEADER_FIELDS) {
            ws.merge_range(r, 0, r, 1, label, &Format::new().set_bold())?;
            ws.merge_range(r, 2, r, 4, "", &self.f.typed)?;
            match key {
                "ngay_bao_cao" if self.clerk.0.chance(0.5) => {
                    ws.write_datetime_with_format(r, 2, excel_date(self.date)?, &self.f.date)?;
                }
                "ngay_bao_cao" => {
                    ws.write_string_with_format(r, 2, short_date(self.date), &self.f.typed)?;
                }
                "nguoi_lap" => {
                    ws.write_string_with_format(r, 2, &self.sub.nguoi_lap, &self.f.typed)?;
                }
                "so_ky_hieu" => {
                    ws.write_string_with_format(r, 2, &self.sub.so_ky_hieu, &self.f.typed)?;
                }
                k => unreachable!("a header field the generator does not fill: {k}"),
            }
        }
        Ok(())
    }

    /// The row of task `t` of the plan: what the form shows, and the unit's answers when it
    /// reported the task (a task not reported is a row left blank).
    fn task_row(&mut self, ws: &mut Worksheet, r: u32, t: usize) -> Res {
        let (w, sub) = (self.w, self.sub);
        let task = &w.plans[&self.period.year][t];
        let entry = sub.tasks.iter().find(|e| e.ma == task.id);
        let before = self.previous_task(&task.id);
        for (c, col) in (0u16..).zip(&form::TASK_COLUMNS) {
            match col.col {
                Col::Key => {
                    ws.write_string_with_format(r, c, &task.id, &self.f.shown)?;
                }
                Col::Shown if col.label == "Kỳ trước (để tham khảo)" => {
                    ws.write_string_with_format(r, c, &before, &self.f.previous)?;
                }
                Col::Shown => {
                    let text = match col.label {
                        "Nhiệm vụ" => task.content.clone(),
                        "Vai trò" => match task.role(self.u, &w.units[self.u]) {
                            Some(true) => form::ROLE_LEAD.to_string(),
                            _ => form::ROLE_COORDINATOR.to_string(),
                        },
                        "Sản phẩm theo kế hoạch" => task.product.to_string(),
                        "Thời hạn" => task
                            .due(self.period.year)
                            .map(short_date)
                            .unwrap_or_else(|| "Trong năm".to_string()),
                        _ => String::new(),
                    };
                    ws.write_string_with_format(r, c, text, &self.f.shown)?;
                }
                Col::Answer(k) => match entry {
                    Some(e) => self.task_answer(ws, r, c, k, e)?,
                    None => {
                        ws.write_blank(r, c, &self.f.answer)?;
                    }
                },
            }
        }
        Ok(())
    }

    /// "Quý I năm 2024: Đang thực hiện, 40% — Đã ban hành …": the previous report on a task.
    fn previous_task(&self, id: &str) -> String {
        let Some((period, sub)) = &self.previous else {
            return NO_PREVIOUS.to_string();
        };
        let period = upper_first(&period.display_name());
        let Some(e) = sub.tasks.iter().find(|e| e.ma == id) else {
            return format!("{period}: không báo cáo nhiệm vụ này");
        };
        let label = Status::REPORTABLE[e.state].label();
        let status = match e.tien_do {
            Some(p) => format!("{label}, {p}%"),
            None => label.to_string(),
        };
        format!(
            "{period}: {status} — {}",
            shorten(&e.ket_qua, PREVIOUS_WORDS)
        )
    }

    fn task_answer(&mut self, ws: &mut Worksheet, r: u32, c: u16, key: &str, e: &Entry) -> Res {
        let f = &self.f;
        match key {
            "trang_thai" => {
                let s = self.clerk.status(Status::REPORTABLE[e.state]);
                ws.write_string_with_format(r, c, s, &f.answer)?;
            }
            "tien_do" => match e.tien_do {
                Some(p) => self.clerk.number(ws, r, c, p, f)?,
                None => {
                    ws.write_blank(r, c, &f.answer)?;
                }
            },
            "ket_qua" => {
                ws.write_string_with_format(r, c, &e.ket_qua, &f.answer)?;
            }
            "kho_khan" => match &e.kho_khan {
                Some(k) => {
                    ws.write_string_with_format(r, c, k, &f.answer)?;
                }
                None => {
                    ws.write_blank(r, c, &f.answer)?;
                }
            },
            k => unreachable!("a task column the generator does not fill: {k}"),
        }
        Ok(())
    }

    /// The status drop-down and the progress rule over the task rows.
    fn task_validations(&self, ws: &mut Worksheet, first: u32, last: u32) -> Res {
        let at = |key| {
            form::TASK_COLUMNS
                .iter()
                .position(|c| c.col == Col::Answer(key))
                .map(|i| i as u16)
        };
        if let Some(c) = at("trang_thai") {
            let list = DataValidation::new().allow_list_strings(&form::status_labels())?;
            ws.add_data_validation(first, c, last, c, &list)?;
        }
        if let Some(c) = at("tien_do") {
            let rule =
                DataValidation::new().allow_decimal_number(DataValidationRule::Between(0.0, 100.0));
            ws.add_data_validation(first, c, last, c, &rule)?;
        }
        Ok(())
    }

    /// The title and the line of what to write, above a header row at [`HEAD`].
    fn top(&self, ws: &mut Worksheet, title: &str, line: &str, cols: &[Column]) -> Res {
        ws.write_with_format(0, 0, title, &self.f.title)?;
        let unit = &self.w.units[self.u];
        let line = format!("{}, {}. {line}", unit.name, self.period.display_name());
        ws.write_with_format(1, 0, line, &self.f.line)?;
        header_row(ws, HEAD, cols, &self.f)
    }

    /// The documents sheet: one row per document, its date typed as text, then the open rows
    /// the form leaves (to [`form::DOC_ROWS`]).
    fn docs_sheet(&self, ws: &mut Worksheet) -> Res {
        let f = &self.f;
        ws.set_name(form::DOCS_SHEET)?;
        self.top(
            ws,
            "VĂN BẢN ĐÃ BAN HÀNH ĐỂ THỰC HIỆN NHIỆM VỤ",
            "Mỗi văn bản ghi một dòng; ngày ghi dạng 12/03/2024.",
            &form::DOC_COLUMNS,
        )?;
        let docs: Vec<(&String, &(String, NaiveDate, String))> = self
            .sub
            .tasks
            .iter()
            .flat_map(|t| t.san_pham.iter().map(move |d| (&t.ma, d)))
            .collect();
        let rows = (docs.len() as u32).max(form::DOC_ROWS);
        for (i, r) in (HEAD + 1..=HEAD + rows).enumerate() {
            for (c, col) in (0u16..).zip(&form::DOC_COLUMNS) {
                let fmt = match col.col {
                    Col::Answer("trich_yeu") => &f.answer,
                    _ => &f.typed,
                };
                let Some((ma, (so, date, trich))) = docs.get(i) else {
                    ws.write_blank(r, c, fmt)?;
                    continue;
                };
                let text = match col.col {
                    Col::Answer("ma") => ma.to_string(),
                    Col::Answer("so_ky_hieu") => so.clone(),
                    Col::Answer("ngay") => short_date(*date),
                    Col::Answer("trich_yeu") => trich.clone(),
                    _ => unreachable!(
                        "a document column the generator does not fill: {}",
                        col.label
                    ),
                };
                ws.write_string_with_format(r, c, text, fmt)?;
            }
        }
        // The task ids offered in the id column: the ids of the tasks sheet.
        let id_col = form::DOC_COLUMNS
            .iter()
            .position(|c| c.col == Col::Answer("ma"))
            .map(|i| i as u16);
        let key_col = form::TASK_COLUMNS
            .iter()
            .position(|c| c.col == Col::Key)
            .map(|i| i as u16);
        if let (Some(c), Some(k), false) = (id_col, key_col, self.tasks.is_empty()) {
            let range = rust_xlsxwriter::worksheet_range_absolute(
                form::TASKS_SHEET,
                TASK_HEADER + 1,
                k,
                TASK_HEADER + self.tasks.len() as u32,
                k,
            );
            let ids = DataValidation::new().allow_list_formula(Formula::new(format!("={range}")));
            ws.add_data_validation(HEAD + 1, c, HEAD + rows, c, &ids)?;
        }
        ws.set_column_width(3, 70)?;
        protect(ws);
        Ok(())
    }

    /// The indicators sheet: the unit's indicators in catalogue order, with its values and
    /// the previous period's beside them.
    fn indicators_sheet(&mut self, ws: &mut Worksheet) -> Res {
        ws.set_name(form::INDICATORS_SHEET)?;
        self.top(
            ws,
            "SỐ LIỆU CÁC CHỈ TIÊU",
            "Ghi số nguyên, không dấu chấm, dấu phẩy ngăn cách hàng nghìn.",
            &form::INDICATOR_COLUMNS,
        )?;
        let sub = self.sub;
        for (r, (ma, v)) in (HEAD + 1..).zip(&sub.chi_tieu) {
            let ind = INDICATORS.iter().find(|x| x.ma == *ma);
            for (c, col) in (0u16..).zip(&form::INDICATOR_COLUMNS) {
                let shown = &self.f.shown;
                match (col.col, col.label) {
                    (Col::Key, _) => {
                        ws.write_string_with_format(r, c, *ma, shown)?;
                    }
                    (Col::Answer("gia_tri"), _) => {
                        let x: i64 = v.parse().expect("a generated count");
                        self.clerk.number(ws, r, c, x, &self.f)?;
                    }
                    (Col::Shown, "Chỉ tiêu") => {
                        ws.write_string_with_format(r, c, ind.map_or("", |x| x.ten), shown)?;
                    }
                    (Col::Shown, "Đơn vị tính") => {
                        ws.write_string_with_format(r, c, ind.map_or("", |x| x.dvt), shown)?;
                    }
                    (Col::Shown, _) => {
                        let before = self.previous_value(ma);
                        ws.write_string_with_format(r, c, before, &self.f.previous)?;
                    }
                    (Col::Answer(k), _) => {
                        unreachable!("an indicator column the generator does not fill: {k}")
                    }
                }
            }
        }
        if let Some(c) = form::INDICATOR_COLUMNS
            .iter()
            .position(|c| c.col == Col::Answer("gia_tri"))
            && !sub.chi_tieu.is_empty()
        {
            let whole = DataValidation::new()
                .allow_whole_number(DataValidationRule::GreaterThanOrEqualTo(0));
            let last = HEAD + sub.chi_tieu.len() as u32;
            ws.add_data_validation(HEAD + 1, c as u16, last, c as u16, &whole)?;
        }
        ws.set_column_width(1, 60)?;
        ws.set_column_width(3, 28)?;
        protect(ws);
        Ok(())
    }

    /// "Quý I năm 2024: 1200": an indicator's value in the previous report.
    fn previous_value(&self, ma: &str) -> String {
        let Some((period, sub)) = &self.previous else {
            return NO_PREVIOUS.to_string();
        };
        let period = upper_first(&period.display_name());
        match sub.chi_tieu.iter().find(|(m, _)| *m == ma) {
            Some((_, v)) => format!("{period}: {v}"),
            None => format!("{period}: không báo cáo"),
        }
    }

    /// A narrative sheet: one point per row in the numbered rows the form leaves open (to
    /// [`form::NARRATIVE_ROWS`]).
    fn narrative_sheet(&self, ws: &mut Worksheet, name: &str, points: &[String]) -> Res {
        let f = &self.f;
        ws.set_name(name)?;
        self.top(
            ws,
            &upper(name),
            "Mỗi ý ghi một dòng.",
            &form::NARRATIVE_COLUMNS,
        )?;
        let points: Vec<&String> = points.iter().filter(|s| !s.trim().is_empty()).collect();
        let rows = (points.len() as u32).max(form::NARRATIVE_ROWS);
        for n in 1..=rows {
            for (c, col) in (0u16..).zip(&form::NARRATIVE_COLUMNS) {
                match (col.col, points.get(n as usize - 1)) {
                    (Col::Answer(_), Some(text)) => {
                        ws.write_string_with_format(HEAD + n, c, *text, &f.answer)?
                    }
                    (Col::Answer(_), None) => ws.write_blank(HEAD + n, c, &f.answer)?,
                    _ => ws.write_number_with_format(HEAD + n, c, n, &f.shown)?,
                };
            }
        }
        ws.set_column_width(1, 110)?;
        protect(ws);
        Ok(())
    }
}

/// The hidden sheet: what the form was made for.
fn meta_sheet(ws: &mut Worksheet, sub: &Sub, period: Period) -> Res {
    ws.set_name(form::META_SHEET)?;
    ws.write_string(0, 0, form::META_TITLE)?;
    ws.write_string(1, 0, form::META_VERSION)?;
    ws.write_number(1, 1, form::VERSION)?;
    ws.write_string(2, 0, form::META_UNIT)?;
    ws.write_string(2, 1, &sub.don_vi)?;
    ws.write_string(3, 0, form::META_PERIOD)?;
    ws.write_string(3, 1, &sub.ky)?;
    ws.write_string(4, 0, form::META_YEAR)?;
    ws.write_number(4, 1, period.year)?;
    ws.set_hidden(true);
    protect(ws);
    Ok(())
}
