//! The reader on small workbooks laid out as `model::form` says, written here cell by cell
//! (the form writer's own output is tested through the binary in tests/it/).

use super::*;
use crate::input::submission::{Reference, read_workbook_submission};
use crate::model::form::{self, Column};
use crate::model::submission::{Placement, Submission};
use rust_xlsxwriter::{Format, Workbook, Worksheet};

/// A filled form: what goes into each cell, by sheet.
struct Fill {
    header: Vec<(&'static str, Cell)>,
    tasks: Vec<Vec<Cell>>,
    docs: Vec<Vec<Cell>>,
    indicators: Vec<Vec<Cell>>,
    narratives: Vec<(&'static str, Vec<Cell>)>,
    meta: Vec<(&'static str, Cell)>,
    /// Layout columns left out of the tasks sheet (a deleted column).
    drop_task_column: Option<&'static str>,
}

#[derive(Clone)]
enum Cell {
    Empty,
    Text(&'static str),
    Num(f64),
    Date(u16, u8, u8),
    Formula(&'static str, f64),
}

use Cell::*;

impl Fill {
    fn new() -> Fill {
        Fill {
            header: vec![("Ngày báo cáo:", Text("12/03/2024"))],
            tasks: vec![
                vec![
                    Text("1.a"),
                    Text("Nâng cao…"),
                    Text("Chủ trì"),
                    Empty,
                    Empty,
                    Empty,
                    Text("Đang thực hiện"),
                    Num(40.0),
                    Text("Đã thẩm định 03 dự thảo."),
                    Empty,
                ],
                vec![
                    Text("1.b"),
                    Text("Công bố…"),
                    Text("Chủ trì"),
                    Empty,
                    Empty,
                    Empty,
                    Empty,
                    Empty,
                    Empty,
                    Empty,
                ],
            ],
            docs: vec![],
            indicators: vec![vec![Text("hs_tiep_nhan"), Empty, Empty, Empty, Num(1200.0)]],
            narratives: vec![],
            meta: vec![
                (form::META_VERSION, Num(f64::from(form::VERSION))),
                (form::META_UNIT, Text("phong-tu-phap")),
                (form::META_PERIOD, Text("2024-Q1")),
                (form::META_YEAR, Num(2024.0)),
            ],
            drop_task_column: None,
        }
    }

    fn bytes(&self) -> Vec<u8> {
        let mut wb = Workbook::new();
        let date = Format::new().set_num_format("dd/mm/yyyy");
        let ws = wb.add_worksheet().set_name(form::TASKS_SHEET).unwrap();
        ws.write(0, 0, "BÁO CÁO").unwrap();
        ws.write(form::UNIT_ROW - 1, 0, "Đơn vị: Phòng Tư pháp")
            .unwrap();
        for (i, (label, cell)) in self.header.iter().enumerate() {
            let r = 3 + i as u32;
            ws.write(r, 0, *label).unwrap();
            put(ws, r, 2, cell, &date);
        }
        let cols: Vec<Column> = form::TASK_COLUMNS
            .into_iter()
            .filter(|c| Some(c.label) != self.drop_task_column)
            .collect();
        table(ws, 7, &cols, &self.tasks_without_dropped(), &date);
        let ws = wb.add_worksheet().set_name(form::DOCS_SHEET).unwrap();
        table(ws, 0, &form::DOC_COLUMNS, &self.docs, &date);
        let ws = wb.add_worksheet().set_name(form::INDICATORS_SHEET).unwrap();
        table(ws, 0, &form::INDICATOR_COLUMNS, &self.indicators, &date);
        for (name, rows) in &self.narratives {
            let ws = wb.add_worksheet().set_name(*name).unwrap();
            let rows: Vec<Vec<Cell>> = rows.iter().map(|c| vec![Empty, c.clone()]).collect();
            table(ws, 0, &form::NARRATIVE_COLUMNS, &rows, &date);
        }
        let ws = wb.add_worksheet().set_name(form::META_SHEET).unwrap();
        ws.write(0, 0, form::META_TITLE).unwrap();
        for (i, (label, cell)) in self.meta.iter().enumerate() {
            ws.write(1 + i as u32, 0, *label).unwrap();
            put(ws, 1 + i as u32, 1, cell, &date);
        }
        ws.set_hidden(true);
        wb.save_to_buffer().unwrap()
    }

    fn tasks_without_dropped(&self) -> Vec<Vec<Cell>> {
        let Some(drop) = self.drop_task_column else {
            return self.tasks.clone();
        };
        let at = form::TASK_COLUMNS
            .iter()
            .position(|c| c.label == drop)
            .unwrap();
        self.tasks
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.remove(at);
                r
            })
            .collect()
    }
}

fn table(ws: &mut Worksheet, header: u32, cols: &[Column], rows: &[Vec<Cell>], date: &Format) {
    for (c, col) in cols.iter().enumerate() {
        ws.write(header, c as u16, col.label).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            put(ws, header + 1 + r as u32, c as u16, cell, date);
        }
    }
}

fn put(ws: &mut Worksheet, r: u32, c: u16, cell: &Cell, date: &Format) {
    match cell {
        Empty => {}
        Text(s) => {
            ws.write_string(r, c, *s).unwrap();
        }
        Num(x) => {
            ws.write_number(r, c, *x).unwrap();
        }
        Date(y, m, d) => {
            let dt = rust_xlsxwriter::ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
            ws.write_datetime_with_format(r, c, &dt, date).unwrap();
        }
        Formula(f, v) => {
            ws.write_formula(
                r,
                c,
                rust_xlsxwriter::Formula::new(*f).set_result(v.to_string()),
            )
            .unwrap();
        }
    }
}

fn base() -> crate::model::dataset::DataSet {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base");
    crate::input::load_data(&dir).expect("the base fixture loads")
}

fn submit(fill: &Fill) -> Submission {
    let data = base();
    let placement = Placement {
        folder_unit: data.registry.find_unit("phong-tu-phap"),
        at_root: false,
    };
    read_workbook_submission(
        "nop/phong-tu-phap/bao-cao.xlsx",
        &fill.bytes(),
        placement,
        &Reference::of(&data),
    )
}

fn codes(s: &Submission) -> Vec<(&'static str, Option<String>)> {
    s.diags.iter().map(|d| (d.code, d.cell.clone())).collect()
}

#[test]
fn a_filled_form_reads_as_the_yaml_report_would() {
    let s = submit(&Fill::new());
    assert!(s.diags.is_empty(), "{:#?}", s.diags);
    assert_eq!(s.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 12));
    assert_eq!(s.tasks.len(), 1, "the blank row 1.b is not a report");
    assert_eq!(
        s.tasks[0].progress,
        Some(crate::model::number::Num::Int(40))
    );
    assert_eq!(
        s.tasks[0].result.as_deref(),
        Some("Đã thẩm định 03 dự thảo.")
    );
    assert_eq!(s.indicators.len(), 1);
}

#[test]
fn dates_as_date_cells_numbers_as_text_statuses_typed_in_any_case() {
    let mut f = Fill::new();
    f.header = vec![
        ("Ngày báo cáo:", Date(2024, 3, 12)),
        ("Người lập:", Text("Nguyễn Văn A")),
    ];
    f.tasks[0][6] = Text("đã hoàn thành");
    f.tasks[0][7] = Text("100");
    f.indicators[0][4] = Text("1200");
    f.docs = vec![vec![
        Text("1.a"),
        Text("12/2024/QĐ-UBND"),
        Date(2024, 2, 20),
        Text("Ban hành Quy chế"),
    ]];
    let s = submit(&f);
    assert!(s.diags.is_empty(), "{:#?}", s.diags);
    assert_eq!(s.date, chrono::NaiveDate::from_ymd_opt(2024, 3, 12));
    assert_eq!(s.preparer.as_deref(), Some("Nguyễn Văn A"));
    assert_eq!(s.tasks[0].products.len(), 1);
    assert_eq!(
        s.tasks[0].products[0].date,
        chrono::NaiveDate::from_ymd_opt(2024, 2, 20)
    );
}

#[test]
fn problems_name_the_sheet_and_the_cell_in_the_form_s_words() {
    let mut f = Fill::new();
    f.header = vec![("Ngày báo cáo:", Text("31/02/2024"))];
    f.tasks[1][8] = Text("Đã làm một phần"); // a filled row without a status
    f.indicators[0][4] = Text("1.250");
    let s = submit(&f);
    let c = codes(&s);
    assert!(
        c.contains(&("ngay-khong-ton-tai", Some("Nhiệm vụ!C4".into()))),
        "{c:?}"
    );
    assert!(
        c.contains(&("chua-dien", Some("Nhiệm vụ!G10".into()))),
        "{c:?}"
    );
    assert!(
        c.contains(&("so-ngan-cach", Some("Chỉ tiêu!E2".into()))),
        "{c:?}"
    );
    let chua = s.diags.iter().find(|d| d.code == "chua-dien").unwrap();
    assert!(chua.message.contains("(Tình trạng)"), "{}", chua.message);
    assert!(chua.hint.as_deref().unwrap().contains("Đang thực hiện"));
    assert!(s.diags.iter().all(|d| !d.message.contains("trang_thai")));
}

#[test]
fn a_percent_cell_and_a_number_turned_into_a_date_are_errors_that_say_so() {
    let mut f = Fill::new();
    f.tasks[0][7] = Num(0.4);
    f.indicators[0][4] = Date(2024, 5, 1);
    let s = submit(&f);
    let c = codes(&s);
    assert!(
        c.contains(&("tien-do-sai", Some("Nhiệm vụ!H9".into()))),
        "{c:?}"
    );
    assert!(c.contains(&("sai-so", Some("Chỉ tiêu!E2".into()))), "{c:?}");
    let pct = s.diags.iter().find(|d| d.code == "tien-do-sai").unwrap();
    assert!(
        pct.hint.as_deref().unwrap().contains("gõ 40"),
        "{:?}",
        pct.hint
    );
}

#[test]
fn formulas_give_their_value_and_error_cells_are_named() {
    let mut f = Fill::new();
    f.tasks[0][7] = Formula("=20*2", 40.0);
    f.indicators[0][4] = Formula("=1/0", 0.0);
    let mut bytes = f.bytes();
    // A cached error value, as Excel stores it: <c t="e"><v>#DIV/0!</v></c>.
    bytes = replace_in_sheet(
        &bytes,
        "xl/worksheets/sheet3.xml",
        "<v>0</v>",
        "<v>#DIV/0!</v>",
        "t=\"e\" ",
    );
    let data = base();
    let s = read_workbook_submission(
        "nop/phong-tu-phap/bao-cao.xlsx",
        &bytes,
        Placement {
            folder_unit: data.registry.find_unit("phong-tu-phap"),
            at_root: false,
        },
        &Reference::of(&data),
    );
    assert_eq!(
        s.tasks.first().and_then(|t| t.progress),
        Some(crate::model::number::Num::Int(40))
    );
    let c = codes(&s);
    assert!(c.contains(&("o-loi", Some("Chỉ tiêu!E2".into()))), "{c:?}");
}

/// Rewrites one part of a workbook: `from` → `to` inside it, and `attr` added to the cell.
fn replace_in_sheet(bytes: &[u8], part: &str, from: &str, to: &str, attr: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        let mut data = Vec::new();
        e.read_to_end(&mut data).unwrap();
        if name == part {
            let text = String::from_utf8(data).unwrap();
            let at = text.find(from).expect("value in part");
            let open = text[..at].rfind("<c ").unwrap();
            let mut t = text.clone();
            t.replace_range(at..at + from.len(), to);
            t.insert_str(open + 3, attr);
            data = t.into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_deleted_answer_column_or_a_missing_hidden_sheet_is_not_the_form() {
    let mut f = Fill::new();
    f.drop_task_column = Some("Tiến độ (%)");
    let s = submit(&f);
    assert_eq!(codes(&s), vec![("khong-phai-bieu-mau", None)]);
    assert!(
        s.diags[0].message.contains("Tiến độ (%)"),
        "{}",
        s.diags[0].message
    );
    let mut f = Fill::new();
    f.meta.clear();
    let s = submit(&f);
    assert_eq!(codes(&s), vec![("khong-phai-bieu-mau", None)]);
}

#[test]
fn a_deleted_shown_column_is_no_problem() {
    let mut f = Fill::new();
    f.drop_task_column = Some("Kỳ trước (để tham khảo)");
    let s = submit(&f);
    assert!(s.diags.is_empty(), "{:#?}", s.diags);
    assert_eq!(s.tasks.len(), 1);
}

#[test]
fn a_newer_form_says_to_update_and_garbage_says_what_to_do() {
    let mut f = Fill::new();
    f.meta[0].1 = Num(f64::from(form::VERSION + 1));
    let s = submit(&f);
    assert!(s.diags[0].hint.as_deref().unwrap().contains("Cập nhật"));
    let data = base();
    let refs = Reference::of(&data);
    let place = Placement::default();
    for (bytes, want) in [
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest".to_vec(), "mật khẩu"),
        (b"PK\x03\x04 broken".to_vec(), "bị hỏng"),
        (b"not a workbook".to_vec(), "bị hỏng"),
    ] {
        let s = read_workbook_submission("nop/x/2024-Q1.xlsx", &bytes, place, &refs);
        assert_eq!(s.diags.len(), 1);
        assert_eq!(s.diags[0].code, "bang-tinh-hong");
        assert!(s.diags[0].message.contains(want), "{}", s.diags[0].message);
        assert_eq!(
            s.period.map(|p| p.code()),
            Some("2024-Q1".into()),
            "counted by its name"
        );
    }
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_inflated() {
    use std::io::Write;
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    z.start_file(
        "xl/worksheets/sheet1.xml",
        zip::write::SimpleFileOptions::default(),
    )
    .unwrap();
    z.write_all(b"<x/>").unwrap();
    let mut bytes = z.finish().unwrap().into_inner();
    // The central directory says the part inflates to 4 GB, as a zip bomb's does.
    let cd = bytes.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    bytes[cd + 24..cd + 28].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
    let e = read("nop/x/a.xlsx", &bytes).err().unwrap();
    assert_eq!(e.code, "bang-tinh-hong");
    assert!(e.message.contains("quá lớn"), "{}", e.message);
}

#[test]
fn huge_text_and_several_documents_per_task() {
    let mut f = Fill::new();
    let long: &'static str = Box::leak("Kết quả. ".repeat(3_640).into_boxed_str());
    f.tasks[0][8] = Text(long);
    f.docs = vec![
        vec![Text("1.a"), Text("1/QĐ"), Text("01/02/2024"), Text("Một")],
        vec![Empty, Empty, Empty, Empty],
        vec![Text("1.A"), Text("2/QĐ"), Text("02/02/2024"), Text("Hai")],
        vec![Text("1.b"), Text("3/QĐ"), Empty, Empty],
    ];
    let s = submit(&f);
    // 1.b has a document but no status: its row is not filled in.
    let c = codes(&s);
    assert!(
        c.contains(&("chua-dien", Some("Văn bản!A5".into()))),
        "{c:?}"
    );
    let data = base();
    let _ = data;
    let mut ok = f;
    ok.docs.pop();
    let s = submit(&ok);
    assert!(s.diags.is_empty(), "{:#?}", s.diags);
    assert_eq!(s.tasks[0].products.len(), 2);
    assert_eq!(
        s.tasks[0].result.as_deref().map(str::len),
        Some(long.trim().len())
    );
}

#[test]
fn a_date_stored_as_a_day_count_is_an_error_with_both_readings() {
    let mut f = Fill::new();
    // 12/03/2024 typed on a computer set to month/day: 3 December 2024, day 45629.
    f.header = vec![("Ngày báo cáo:", Num(45_629.0))];
    let s = submit(&f);
    assert_eq!(codes(&s), vec![("sai-ngay", Some("Nhiệm vụ!C4".into()))]);
    let m = &s.diags[0].message;
    assert!(m.contains("03/12/2024") && m.contains("12/03/2024"), "{m}");
    assert!(m.contains("(Ngày báo cáo)"), "{m}");
}
