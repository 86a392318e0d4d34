//! `--workbooks`: a submission written as the unit's filled workbook form
//! (`nop/<unit>/<name>.xlsx`) instead of YAML, with the same answers, laid out as
//! `baocao::model::form` says: the header answers right of their labels on the tasks sheet,
//! one row per task of the unit (lead or coordinator, a task not reported left blank), the
//! documents, the indicators, the four narrative sheets and the hidden sheet.
//!
//! The cells are typed as a clerk's spreadsheet types them, drawn from the seed (stream
//! `S_BOOK`, so the YAML files do not change): the report date a date cell or the text
//! "12/03/2024", numbers as number cells or as text ("1200" in a text cell), statuses as the
//! drop-down's labels or typed in another case. Only files without an injected fault become
//! workbooks (faults.rs), so that the list of expected errors stays true.

use crate::indicators::INDICATORS;
use crate::rng::{Rng, S_BOOK};
use crate::submissions::{Entry, Sub, World};
use baocao::input::values;
use baocao::model::form::{self, Col, Column};
use baocao::model::period::{CutOff, Period};
use baocao::model::status::Status;
use baocao::render::format::short_date;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    DataValidation, DocProperties, ExcelDateTime, Format, Formula, Workbook, Worksheet, XlsxError,
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

/// The formats of a form.
struct Formats {
    title: Format,
    header: Format,
    wrap: Format,
    date: Format,
    text: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new().set_bold(),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_border(rust_xlsxwriter::FormatBorder::Thin),
            wrap: Format::new().set_text_wrap(),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            // A cell formatted as text: what a clerk's "1200" lands in.
            text: Format::new().set_num_format("@"),
        }
    }
}

/// How one clerk types: the draws of one workbook.
struct Clerk(Rng);

impl Clerk {
    /// A number: a number cell, or the same digits as text.
    fn number(&mut self, ws: &mut Worksheet, r: u32, c: u16, x: i64, f: &Formats) -> Res {
        if self.0.chance(0.3) {
            ws.write_string_with_format(r, c, x.to_string(), &f.text)?;
        } else {
            ws.write_number(r, c, x as f64)?;
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

type Res = Result<(), XlsxError>;

/// One workbook being written: the submission, what the form shows beside it, and the
/// clerk's draws.
struct Form<'a> {
    w: &'a World,
    u: usize,
    sub: &'a Sub,
    period: Period,
    date: NaiveDate,
    /// The unit's report of the previous period, for the "Kỳ trước" columns.
    previous: Option<Sub>,
    clerk: Clerk,
    f: Formats,
}

fn build(w: &World, u: usize, p: usize, sub: &Sub) -> Result<Vec<u8>, XlsxError> {
    let date = values::date(&sub.date, "ngay_bao_cao").expect("a generated date");
    let mut form = Form {
        w,
        u,
        sub,
        period: w.periods[p],
        date,
        previous: previous(w, u, p),
        clerk: Clerk(Rng::stream(w.seed, &[S_BOOK, u as u64, p as u64])),
        f: Formats::new(),
    };
    let mut wb = Workbook::new();
    // A fixed creation time (Excel stores one): the same arguments give the same bytes.
    let created = excel_date(date)?.and_hms(8, 0, 0)?;
    wb.set_properties(&DocProperties::new().set_creation_datetime(&created));
    guide_sheet(wb.add_worksheet(), &form.f)?;
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
        narrative_sheet(wb.add_worksheet(), name, rows, &form.f)?;
    }
    meta_sheet(wb.add_worksheet(), sub, form.period)?;
    wb.save_to_buffer()
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// The unit's report of the period before `p` (same plan year), shown as "Kỳ trước".
fn previous(w: &World, u: usize, p: usize) -> Option<Sub> {
    let period = w.periods[p];
    let end = period.end(CutOff::Nd09);
    let before = (0..w.periods.len())
        .filter(|&q| {
            let o: Period = w.periods[q];
            o.year == period.year && o.end(CutOff::Nd09) < end
        })
        .max_by_key(|&q| w.periods[q].end(CutOff::Nd09))?;
    (!w.missing(u, before)).then(|| w.submission(u, before))
}

fn guide_sheet(ws: &mut Worksheet, f: &Formats) -> Res {
    ws.set_name(form::GUIDE_SHEET)?;
    ws.set_column_width(0, 100)?;
    ws.write_with_format(0, 0, "HƯỚNG DẪN ĐIỀN BIỂU MẪU", &f.title)?;
    let lines = [
        "1. Trang \"Nhiệm vụ\": điền ngày báo cáo, người lập, số ký hiệu; với mỗi nhiệm vụ chọn tình trạng, ghi tiến độ (%), kết quả và khó khăn.",
        "2. Trang \"Văn bản\": mỗi văn bản đã ban hành một dòng, ghi mã nhiệm vụ.",
        "3. Trang \"Chỉ tiêu\": ghi số liệu của kỳ báo cáo, không dùng dấu ngăn cách hàng nghìn.",
        "4. Các trang còn lại: mỗi ý một dòng.",
        "Không đổi tên, không xóa các trang và các cột của biểu mẫu.",
    ];
    for (i, l) in lines.iter().enumerate() {
        ws.write_with_format(i as u32 + 2, 0, *l, &f.wrap)?;
    }
    Ok(())
}

/// The row of the tasks sheet's table header (0-based): below the header answers.
const TASK_HEADER: u32 = 7;

impl Form<'_> {
    fn tasks_sheet(&mut self, ws: &mut Worksheet) -> Res {
        let unit = &self.w.units[self.u];
        ws.set_name(form::TASKS_SHEET)?;
        ws.write_with_format(
            0,
            0,
            "BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
            &self.f.title,
        )?;
        ws.write(form::UNIT_ROW - 1, 0, format!("Đơn vị: {}", unit.name))?;
        ws.write(
            form::PERIOD_ROW - 1,
            0,
            format!("Kỳ báo cáo: {}", self.period.display_name()),
        )?;
        self.header_answers(ws)?;
        header_row(ws, TASK_HEADER, &form::TASK_COLUMNS, &self.f)?;
        let tasks = self.w.tasks_of(self.u, self.period.year);
        for (r, &t) in (TASK_HEADER + 1..).zip(&tasks) {
            self.task_row(ws, r, t)?;
        }
        // The drop-down of the status column, over the task rows.
        if let Some(c) = form::TASK_COLUMNS
            .iter()
            .position(|c| c.col == Col::Answer("trang_thai"))
            && !tasks.is_empty()
        {
            let list = DataValidation::new()
                .allow_list_strings(&form::status_labels())?
                .ignore_blank(true);
            let last = TASK_HEADER + tasks.len() as u32;
            ws.add_data_validation(TASK_HEADER + 1, c as u16, last, c as u16, &list)?;
        }
        ws.set_column_width(1, 50)?;
        ws.set_column_width(8, 60)?;
        Ok(())
    }

    /// The header block: each label over A:B, the answer in C.
    fn header_answers(&mut self, ws: &mut Worksheet) -> Res {
        for (r, (label, key)) in (form::PERIOD_ROW..).zip(form::HEADER_FIELDS) {
            ws.merge_range(r, 0, r, 1, label, &Format::new())?;
            match key {
                "ngay_bao_cao" if self.clerk.0.chance(0.5) => {
                    ws.write_datetime_with_format(r, 2, excel_date(self.date)?, &self.f.date)?;
                }
                "ngay_bao_cao" => {
                    ws.write_string_with_format(r, 2, short_date(self.date), &self.f.text)?;
                }
                "nguoi_lap" => {
                    ws.write_string(r, 2, &self.sub.nguoi_lap)?;
                }
                "so_ky_hieu" => {
                    ws.write_string(r, 2, &self.sub.so_ky_hieu)?;
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
        let before = self
            .previous
            .as_ref()
            .and_then(|s| s.tasks.iter().find(|e| e.ma == task.id))
            .map(shown_status);
        for (c, col) in (0u16..).zip(&form::TASK_COLUMNS) {
            match col.col {
                Col::Key => {
                    ws.write_string(r, c, &task.id)?;
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
                            .unwrap_or_default(),
                        "Kỳ trước (để tham khảo)" => before.clone().unwrap_or_default(),
                        _ => String::new(),
                    };
                    if !text.is_empty() {
                        ws.write_string(r, c, text)?;
                    }
                }
                Col::Answer(k) => {
                    if let Some(e) = entry {
                        self.task_answer(ws, r, c, k, e)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn task_answer(&mut self, ws: &mut Worksheet, r: u32, c: u16, key: &str, e: &Entry) -> Res {
        match key {
            "trang_thai" => {
                ws.write_string(r, c, self.clerk.status(Status::REPORTABLE[e.state]))?;
            }
            "tien_do" => {
                if let Some(p) = e.tien_do {
                    self.clerk.number(ws, r, c, p, &self.f)?;
                }
            }
            "ket_qua" => {
                ws.write_string_with_format(r, c, &e.ket_qua, &self.f.wrap)?;
            }
            "kho_khan" => {
                if let Some(k) = &e.kho_khan {
                    ws.write_string_with_format(r, c, k, &self.f.wrap)?;
                }
            }
            k => unreachable!("a task column the generator does not fill: {k}"),
        }
        Ok(())
    }

    /// The documents sheet: one row per document, its date typed as text.
    fn docs_sheet(&self, ws: &mut Worksheet) -> Res {
        let f = &self.f;
        ws.set_name(form::DOCS_SHEET)?;
        ws.write_with_format(0, 0, "VĂN BẢN ĐÃ BAN HÀNH", &f.title)?;
        let header = 2;
        header_row(ws, header, &form::DOC_COLUMNS, f)?;
        let docs = self
            .sub
            .tasks
            .iter()
            .flat_map(|t| t.san_pham.iter().map(move |d| (&t.ma, d)));
        for (r, (ma, (so, date, trich))) in (header + 1..).zip(docs) {
            for (c, col) in (0u16..).zip(&form::DOC_COLUMNS) {
                match col.col {
                    Col::Answer("ma") => ws.write_string(r, c, ma)?,
                    Col::Answer("so_ky_hieu") => ws.write_string(r, c, so)?,
                    Col::Answer("ngay") => {
                        ws.write_string_with_format(r, c, short_date(*date), &f.text)?
                    }
                    Col::Answer("trich_yeu") => {
                        ws.write_string_with_format(r, c, trich, &f.wrap)?
                    }
                    _ => unreachable!(
                        "a document column the generator does not fill: {}",
                        col.label
                    ),
                };
            }
        }
        // The task ids offered in the id column, over the rows the form leaves open.
        let id_col = form::DOC_COLUMNS
            .iter()
            .position(|c| c.col == Col::Answer("ma"))
            .unwrap_or(0) as u16;
        let n_tasks = self.w.tasks_of(self.u, self.period.year).len().max(1) as u32;
        let ids = DataValidation::new()
            .allow_list_formula(Formula::new(format!(
                "='{}'!$A${}:$A${}",
                form::TASKS_SHEET,
                TASK_HEADER + 2,
                TASK_HEADER + 1 + n_tasks
            )))
            .ignore_blank(true);
        ws.add_data_validation(header + 1, id_col, header + form::DOC_ROWS, id_col, &ids)?;
        ws.set_column_width(3, 60)?;
        Ok(())
    }

    /// The indicators sheet: the unit's indicators in catalogue order, with its values.
    fn indicators_sheet(&mut self, ws: &mut Worksheet) -> Res {
        ws.set_name(form::INDICATORS_SHEET)?;
        ws.write_with_format(0, 0, "SỐ LIỆU CHỈ TIÊU", &self.f.title)?;
        let header = 2;
        header_row(ws, header, &form::INDICATOR_COLUMNS, &self.f)?;
        for (r, (ma, v)) in (header + 1..).zip(&self.sub.chi_tieu) {
            let ind = INDICATORS.iter().find(|x| x.ma == *ma);
            for (c, col) in (0u16..).zip(&form::INDICATOR_COLUMNS) {
                match (col.col, col.label) {
                    (Col::Key, _) => {
                        ws.write_string(r, c, *ma)?;
                    }
                    (Col::Answer("gia_tri"), _) => {
                        let x: i64 = v.parse().expect("a generated count");
                        self.clerk.number(ws, r, c, x, &self.f)?;
                    }
                    (Col::Shown, "Chỉ tiêu") => {
                        let name = ind.map_or("", |x| x.ten);
                        ws.write_string_with_format(r, c, name, &self.f.wrap)?;
                    }
                    (Col::Shown, "Đơn vị tính") => {
                        ws.write_string(r, c, ind.map_or("", |x| x.dvt))?;
                    }
                    (Col::Shown, "Kỳ trước (để tham khảo)") => {
                        let before = self
                            .previous
                            .as_ref()
                            .and_then(|s| s.chi_tieu.iter().find(|(m, _)| m == ma))
                            .and_then(|(_, v)| v.parse::<f64>().ok());
                        if let Some(x) = before {
                            ws.write_number(r, c, x)?;
                        }
                    }
                    (Col::Shown, _) => {}
                    (Col::Answer(k), _) => {
                        unreachable!("an indicator column the generator does not fill: {k}")
                    }
                }
            }
        }
        ws.set_column_width(1, 60)?;
        Ok(())
    }
}

/// "Đang thực hiện (40%)": the previous period's answer, as the form shows it.
fn shown_status(e: &Entry) -> String {
    let label = Status::REPORTABLE[e.state].label();
    match e.tien_do {
        Some(p) => format!("{label} ({p}%)"),
        None => label.to_string(),
    }
}

fn header_row(ws: &mut Worksheet, r: u32, cols: &[Column], f: &Formats) -> Res {
    for (c, col) in (0u16..).zip(cols) {
        ws.write_with_format(r, c, col.label, &f.header)?;
    }
    Ok(())
}

/// A narrative sheet: one point per row, numbered.
fn narrative_sheet(ws: &mut Worksheet, name: &str, rows: &[String], f: &Formats) -> Res {
    ws.set_name(name)?;
    ws.write_with_format(0, 0, name.to_uppercase(), &f.title)?;
    header_row(ws, 1, &form::NARRATIVE_COLUMNS, f)?;
    let rows = rows.iter().filter(|s| !s.trim().is_empty());
    for (n, text) in (1u32..).zip(rows) {
        for (c, col) in (0u16..).zip(&form::NARRATIVE_COLUMNS) {
            match col.col {
                Col::Answer(_) => ws.write_string_with_format(n + 1, c, text, &f.wrap)?,
                _ => ws.write_number(n + 1, c, n)?,
            };
        }
    }
    ws.set_column_width(1, 100)?;
    Ok(())
}

/// The hidden sheet: what the form was made for.
fn meta_sheet(ws: &mut Worksheet, sub: &Sub, period: Period) -> Res {
    ws.set_name(form::META_SHEET)?;
    ws.write(0, 0, form::META_TITLE)?;
    ws.write(1, 0, form::META_VERSION)?;
    ws.write_number(1, 1, f64::from(form::VERSION))?;
    ws.write(2, 0, form::META_UNIT)?;
    ws.write_string(2, 1, &sub.don_vi)?;
    ws.write(3, 0, form::META_PERIOD)?;
    ws.write_string(3, 1, &sub.ky)?;
    ws.write(4, 0, form::META_YEAR)?;
    ws.write_number(4, 1, f64::from(period.year))?;
    ws.set_hidden(true);
    Ok(())
}
