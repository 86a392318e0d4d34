//! The appendix workbook (`phu-luc-cchc-<KY>.xlsx`), read back with calamine: the
//! real `baocao` binary on fixture data folders (`tests/fixtures/base/` with a case folder of
//! `tests/cases/` laid over it, or generated files), checked against the JSON summary written
//! beside it, and against the OOXML schemas (`tools/ooxml/check-ooxml`).

use crate::common::*;
use calamine::{Data, Range};
use serde_json::Value;
use std::path::{Path, PathBuf};

const SHEETS: [&str; 5] = ["Tong hop", "Nhiem vu", "Don vi", "Chi tieu", "Kiem tra"];
const LIMIT: usize = 32_767;
const CUT_NOTE: &str = "ký tự, xem báo cáo của đơn vị)";

/// The header row of `Nhiem vu`, `Don vi`, `Chi tieu` and `Kiem tra` (0-based), and of
/// `Tong hop`.
const HEAD: u32 = 2;
const SUMMARY_HEAD: u32 = 7;

fn xlsx_path(out: &Path, ky: &str) -> PathBuf {
    out.join(ky).join(format!("phu-luc-cchc-{ky}.xlsx"))
}

fn num(s: &Range<Data>, row: u32, col: u32) -> Option<f64> {
    match cell(s, row, col) {
        Data::Float(x) => Some(x),
        Data::Int(i) => Some(i as f64),
        Data::Empty => None,
        other => panic!("({row}, {col}) is not a number: {other:?}"),
    }
}

/// A date cell as "yyyy-mm-dd", the way the JSON writes dates.
fn date(s: &Range<Data>, row: u32, col: u32) -> Option<String> {
    match cell(s, row, col) {
        Data::DateTime(d) => {
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            let day = epoch + chrono::Duration::days(d.as_f64() as i64);
            Some(day.format("%Y-%m-%d").to_string())
        }
        Data::Empty => None,
        other => panic!("({row}, {col}) is not a date: {other:?}"),
    }
}

/// A count the Vietnamese way: 1471 → "1.471".
fn vn(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

const STATUSES: [(&str, &str); 5] = [
    ("hoan_thanh", "Hoàn thành"),
    ("dang_thuc_hien", "Đang thực hiện"),
    ("cham_tien_do", "Chậm tiến độ"),
    ("chua_thuc_hien", "Chưa thực hiện"),
    ("chua_bao_cao", "Chưa báo cáo"),
];

fn status_code(label: &str) -> &'static str {
    STATUSES
        .iter()
        .find(|(_, l)| *l == label)
        .unwrap_or_else(|| panic!("unknown status label {label}"))
        .0
}

/// Every figure of the workbook against the JSON written beside it.
fn assert_workbook_matches_json(book: &Book, j: &Value) {
    assert_eq!(book.names, SHEETS, "sheet names and order");
    assert_summary_sheet(book.sheet("Tong hop"), j);
    assert_tasks_sheet(book.sheet("Nhiem vu"), j);
    assert_units_sheet(book.sheet("Don vi"), j);
    assert_indicators_sheet(book.sheet("Chi tieu"), j);
    assert_checks_sheet(book.sheet("Kiem tra"), j);
    assert_no_formula_and_no_cell_over_the_limit(book);
}

/// Tong hop: the period on top, then counts per area and a total row.
fn assert_summary_sheet(s: &Range<Data>, j: &Value) {
    let tasks = j["nhiem_vu"].as_array().unwrap();
    assert_eq!(date(s, 3, 2).as_deref(), j["tu_ngay"].as_str());
    assert_eq!(date(s, 4, 2).as_deref(), j["den_ngay"].as_str());
    assert_eq!(date(s, 5, 2).as_deref(), j["han_nop"].as_str());
    assert_eq!(text(s, SUMMARY_HEAD, 1), "Lĩnh vực");
    let mut row = SUMMARY_HEAD + 1;
    let mut areas_seen = 0;
    while text(s, row, 1) != "Tổng cộng" {
        let label = text(s, row, 1);
        let area = label.split('.').next().unwrap().to_string();
        let of_area: Vec<&Value> = tasks.iter().filter(|t| t["linh_vuc"] == area).collect();
        assert_eq!(num(s, row, 2), Some(of_area.len() as f64), "{label}");
        for (k, (code, _)) in STATUSES.iter().enumerate() {
            let n = of_area.iter().filter(|t| t["trang_thai"] == *code).count();
            assert_eq!(num(s, row, 3 + k as u32), Some(n as f64), "{label} {code}");
        }
        let overdue = of_area.iter().filter(|t| t["qua_han"] == true).count();
        assert_eq!(num(s, row, 8), Some(overdue as f64), "{label} quá hạn");
        let done = of_area
            .iter()
            .filter(|t| t["trang_thai"] == "hoan_thanh")
            .count();
        if !of_area.is_empty() {
            let rate = num(s, row, 9).unwrap();
            assert!(close(rate, done as f64 / of_area.len() as f64), "{label}");
        }
        areas_seen += of_area.len();
        row += 1;
    }
    assert_eq!(areas_seen, tasks.len(), "every task is in one area row");
    let total = j["tong_so_nhiem_vu"].as_f64().unwrap();
    assert_eq!(num(s, row, 2), Some(total));
    for (k, (code, _)) in STATUSES.iter().enumerate() {
        assert_eq!(
            num(s, row, 3 + k as u32),
            j["dem_trang_thai"][code].as_f64(),
            "total {code}"
        );
    }
    assert_eq!(num(s, row, 8), j["qua_han"].as_f64());
    let done = j["dem_trang_thai"]["hoan_thanh"].as_f64().unwrap();
    assert!(close(num(s, row, 9).unwrap(), done / total));
}

/// Nhiem vu: one row per task, in plan order.
fn assert_tasks_sheet(s: &Range<Data>, j: &Value) {
    let tasks = j["nhiem_vu"].as_array().unwrap();
    let unit_name = |id: &str| unit(j, id)["ten"].as_str().unwrap().to_string();
    assert_eq!(text(s, HEAD, 1), "Mã");
    assert_eq!(
        s.end().unwrap().0,
        HEAD + tasks.len() as u32,
        "one row per task"
    );
    for (i, t) in tasks.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let id = t["ma"].as_str().unwrap();
        assert_eq!(text(s, row, 1), id);
        assert!(
            text(s, row, 0).starts_with(&format!("{}. ", t["linh_vuc"].as_str().unwrap())),
            "{id}"
        );
        assert_eq!(status_code(&text(s, row, 7)), t["trang_thai"], "{id}");
        let overdue = if t["qua_han"] == true {
            "Quá hạn"
        } else {
            ""
        };
        assert_eq!(text(s, row, 9), overdue, "{id}");
        match t["trang_thai_ky_truoc"].as_str() {
            Some(code) => assert_eq!(status_code(&text(s, row, 8)), code, "{id}: kỳ trước"),
            None => assert_eq!(text(s, row, 8), "", "{id}: kỳ trước"),
        }
        assert_eq!(date(s, row, 6).as_deref(), t["han"].as_str(), "{id}");
        // The printed summary starts with the lead units' digest.
        let summary = text(s, row, 10);
        assert!(!summary.is_empty(), "{id}");
        let results = text(s, row, 11);
        if results.ends_with(CUT_NOTE) {
            // Cut at the cell limit: the units after the cut are counted in the note.
            continue;
        }
        for rep in t["bao_cao"].as_array().unwrap() {
            let name = unit_name(rep["don_vi"].as_str().unwrap());
            assert!(results.contains(&format!("• {name} (")), "{id}: {name}");
        }
        // Lead units without a report are named at the top of the cell (the first 30).
        let missing = t["chua_bao_cao"].as_array().unwrap();
        for m in missing.iter().take(30) {
            let name = unit_name(m.as_str().unwrap());
            assert!(results.contains(&name), "{id}: {name} chưa báo cáo");
        }
        if missing.len() > 30 {
            let more = format!("và {} đơn vị khác", vn(missing.len() - 30));
            assert!(results.contains(&more), "{id}: {more}");
        }
    }
}

/// Don vi: one row per registry unit, in registry order.
fn assert_units_sheet(s: &Range<Data>, j: &Value) {
    let units = j["don_vi"].as_array().unwrap();
    assert_eq!(text(s, HEAD, 1), "Tên đơn vị");
    assert_eq!(
        s.end().unwrap().0,
        HEAD + units.len() as u32,
        "one row per unit"
    );
    let state_label = |code: &str| match code {
        "chua_nop" => "Chưa nộp",
        "hop_le" => "Hợp lệ",
        "khong_hop_le" => "Báo cáo không hợp lệ",
        "mau_thuan" => "Báo cáo mâu thuẫn",
        other => panic!("{other}"),
    };
    for (i, u) in units.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let id = u["ma"].as_str().unwrap();
        assert_eq!(text(s, row, 1), u["ten"].as_str().unwrap());
        let submitted = if u["da_nop"] == true { "Có" } else { "Chưa" };
        assert_eq!(text(s, row, 2), submitted, "{id}");
        assert_eq!(
            text(s, row, 3),
            state_label(u["tinh_trang"].as_str().unwrap()),
            "{id}"
        );
        assert_eq!(
            date(s, row, 4).as_deref(),
            u["ngay_bao_cao"].as_str(),
            "{id}"
        );
        let on_time = match (u["hop_le"] == true, u["dung_han"] == true) {
            (true, true) => "Đúng hạn",
            (true, false) => "Nộp trễ",
            (false, _) => "",
        };
        assert_eq!(text(s, row, 5), on_time, "{id}");
        let valid = if u["hop_le"] == true { "Có" } else { "Không" };
        assert_eq!(text(s, row, 6), valid, "{id}");
        assert_eq!(num(s, row, 7), u["so_tep"].as_f64(), "{id}");
        assert_eq!(num(s, row, 9), u["so_nhiem_vu_bao_cao"].as_f64(), "{id}");
        // Tasks done never exceed the tasks the unit leads or coordinates.
        assert!(num(s, row, 10).unwrap() <= num(s, row, 8).unwrap(), "{id}");
        assert_eq!(text(s, row, 12), u["tep"].as_str().unwrap_or(""), "{id}");
    }
}

/// Chi tieu: one column per indicator; the city total first, then one row per unit.
fn assert_indicators_sheet(s: &Range<Data>, j: &Value) {
    let units = j["don_vi"].as_array().unwrap();
    let indicators = j["chi_tieu"].as_array().unwrap();
    assert_eq!(
        s.end().unwrap().1,
        1 + indicators.len() as u32,
        "one column each"
    );
    assert_eq!(text(s, HEAD + 2, 1), "Tổng cộng");
    for (k, ind) in indicators.iter().enumerate() {
        let col = 2 + k as u32;
        let id = ind["ma"].as_str().unwrap();
        assert_eq!(text(s, HEAD, col), ind["ten"].as_str().unwrap(), "{id}");
        assert_eq!(
            text(s, HEAD + 1, col),
            format!("({})", ind["don_vi_tinh"].as_str().unwrap()),
            "{id}"
        );
        let got = num(s, HEAD + 2, col);
        match ind["gia_tri"].as_f64() {
            None => assert_eq!(got, None, "{id}"),
            // Ratios are stored as fractions (95.83 → 0.9583, shown as 95.8%).
            Some(v) if ind["cach_tinh"] == "ty_le" => {
                assert!(close(got.unwrap(), v / 100.0), "{id}: {got:?} vs {v}")
            }
            Some(v) => assert_eq!(got, Some(v), "{id}"),
        }
    }
    for (i, u) in units.iter().enumerate() {
        assert_eq!(
            text(s, HEAD + 3 + i as u32, 1),
            u["ten"].as_str().unwrap(),
            "unit rows in registry order"
        );
    }
    assert_eq!(s.end().unwrap().0, HEAD + 2 + units.len() as u32);
}

/// Kiem tra: every diagnostic, in the JSON's order.
fn assert_checks_sheet(s: &Range<Data>, j: &Value) {
    let diags = j["chan_doan"].as_array().unwrap();
    if diags.is_empty() {
        assert_eq!(text(s, HEAD + 1, 0), "Không có lỗi hoặc cảnh báo nào.");
    } else {
        assert_eq!(s.end().unwrap().0, HEAD + diags.len() as u32);
    }
    for (i, d) in diags.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let severity = if d["muc_do"] == "loi" {
            "Lỗi"
        } else {
            "Cảnh báo"
        };
        assert_eq!(text(s, row, 1), severity);
        assert_eq!(text(s, row, 2), d["tep"].as_str().unwrap());
        assert_eq!(num(s, row, 3), d["dong"].as_f64());
        assert_eq!(num(s, row, 4), d["cot"].as_f64());
        assert_eq!(text(s, row, 5), d["o"].as_str().unwrap_or(""));
        assert_eq!(text(s, row, 6), d["thong_diep"].as_str().unwrap());
        assert_eq!(text(s, row, 7), d["goi_y"].as_str().unwrap_or(""));
    }
}

fn assert_no_formula_and_no_cell_over_the_limit(book: &Book) {
    for (name, f) in book.names.iter().zip(&book.formulas) {
        let found: Vec<&String> = f.used_cells().map(|(_, _, v)| v).collect();
        assert!(found.is_empty(), "{name} has formulas: {found:?}");
    }
    for (name, s) in book.names.iter().zip(&book.sheets) {
        for (r, c, v) in s.used_cells() {
            if let Data::String(t) = v {
                let len = t.encode_utf16().count();
                assert!(len <= LIMIT, "{name} ({r}, {c}): {len} characters");
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------

#[test]
fn workbook_sheets_rows_and_figures_equal_the_json() {
    for case in ["tron-ven", "nop-lai"] {
        let c = Case::new(case);
        let out = c.build_into("out");
        let book = Book::open(&xlsx_path(&out, "2024-Q1"));
        assert_workbook_matches_json(&book, &json_at(&out, "2024-Q1"));
    }
}

#[test]
fn sample_data_workbooks_equal_their_json() {
    let tmp = tempfile::tempdir().unwrap();
    assert_ok(&build(&root().join("data"), tmp.path()));
    for ky in ["2024-Q1", "2024-6T", "2024-Q3", "2024-NAM"] {
        let path = xlsx_path(tmp.path(), ky);
        let book = Book::open(&path);
        assert_workbook_matches_json(&book, &json_at(tmp.path(), ky));
    }
}

#[test]
#[ignore = "needs python3 with lxml (pip install lxml); CI runs it with --include-ignored"]
fn sample_workbooks_and_rejected_files_and_ties_pass_the_schema_check() {
    let tmp = tempfile::tempdir().unwrap();
    assert_ok(&build(&root().join("data"), tmp.path()));
    let books: Vec<PathBuf> = ["2024-Q1", "2024-6T", "2024-Q3", "2024-NAM"]
        .iter()
        .map(|ky| xlsx_path(tmp.path(), ky))
        .collect();
    assert_schema_valid(&books.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let c = Case::new("nop-lai");
    let out = c.build_into("out");
    assert_schema_valid(&[&xlsx_path(&out, "2024-Q1")]);
}

#[test]
fn text_that_looks_like_a_formula_is_stored_as_text() {
    let c = Case::new("xlsx-cong-thuc");
    // A unit's name, from the data folder, that starts a cell.
    let registry = std::fs::read_to_string(c.data().join("don-vi.yaml")).unwrap();
    let odd_name = r#"=HYPERLINK("http://x","xa-c")"#;
    assert!(registry.contains("ten: \"UBND xã C\""));
    c.write(
        "don-vi.yaml",
        registry.replace("ten: \"UBND xã C\"", &format!("ten: '{odd_name}'")),
    );
    let out = c.build_into("out");
    let path = xlsx_path(&out, "2024-Q1");
    let book = Book::open(&path);
    assert_workbook_matches_json(&book, &json_at(&out, "2024-Q1"));

    let tasks = book.sheet("Nhiem vu");
    let results: Vec<String> = (0..3).map(|i| text(tasks, HEAD + 1 + i, 11)).collect();
    assert!(
        results[0].contains(r#": =HYPERLINK("http://x","y")"#),
        "{}",
        results[0]
    );
    assert!(results[0].contains("Khó khăn: @SUM(A1)"), "{}", results[0]);
    assert!(results[1].contains(": +1"), "{}", results[1]);
    assert!(results[1].contains("=1+1"), "{}", results[1]);
    assert!(results[2].contains(": -2"), "{}", results[2]);

    let units = book.sheet("Don vi");
    assert_eq!(cell(units, HEAD + 6, 1), Data::String(odd_name.into()));
    let figures = book.sheet("Chi tieu");
    assert_eq!(
        cell(figures, HEAD + 2 + 6, 1),
        Data::String(odd_name.into())
    );

    // No sheet's XML carries a formula element (each of the five sheets is read).
    assert_eq!(book.names.len(), SHEETS.len());
    for n in 1..=SHEETS.len() {
        let name = format!("xl/worksheets/sheet{n}.xml");
        let xml = zip_part(&path, &name);
        assert!(xml.contains("<sheetData"), "{name}");
        assert!(!xml.contains("<f>") && !xml.contains("<f "), "{name}");
    }
}

#[test]
fn a_result_over_the_cell_limit_is_cut_with_a_note() {
    let c = Case::base();
    let words = "Kết quả rất dài của đơn vị ";
    let long: String = words.repeat(40_000 / words.chars().count() + 1);
    let total = long.trim_end().chars().count();
    assert!(total > 40_000);
    c.write(
        "nop/phong-tu-phap/2024-Q1.yaml",
        format!(
            "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nnhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: dang_thuc_hien\n    ket_qua: \"{}\"\n",
            long.trim_end()
        ),
    );
    let out = c.build_into("out");
    let j = json_at(&out, "2024-Q1");
    assert_eq!(
        task(&j, "1.b")["bao_cao"][0]["ket_qua"]
            .as_str()
            .unwrap()
            .chars()
            .count(),
        total,
        "the JSON keeps the whole text"
    );
    let book = Book::open(&xlsx_path(&out, "2024-Q1"));
    assert_workbook_matches_json(&book, &j);
    let cut = text(book.sheet("Nhiem vu"), HEAD + 2, 11);
    assert!(cut.encode_utf16().count() <= LIMIT);
    assert!(
        cut.encode_utf16().count() > LIMIT - 300,
        "cut near the limit"
    );
    assert!(cut.ends_with(CUT_NOTE), "{}", &cut[cut.len() - 100..]);
    let (kept, note) = cut.rsplit_once("… (còn ").unwrap();
    let left_out: usize = note
        .split(' ')
        .next()
        .unwrap()
        .replace('.', "")
        .parse()
        .unwrap();
    // What is kept and what the note counts make up the whole cell text: the line's start
    // ("• Phòng Tư pháp (chủ trì) – Đang thực hiện: ") plus the result.
    let kept_result = kept.split_once(": ").unwrap().1;
    let diff = (kept_result.chars().count() + left_out) as i64 - total as i64;
    assert!((-1..=1).contains(&diff), "kept + left out = whole ({diff})");
}

#[test]
fn thousands_of_units_give_a_workbook_that_opens_with_no_cell_over_the_limit() {
    let c = Case::base();
    let n = 3_000;
    let mut registry = String::from(
        "nhom:\n  - ma: co-quan\n    ten: \"Các cơ quan chuyên môn\"\n  - ma: xa-phuong\n    ten: \"UBND các xã, phường\"\n  - ma: tthc\n    ten: \"Các cơ quan giải quyết TTHC\"\ndon_vi:\n  - ma: phong-noi-vu\n    ten: \"Phòng Nội vụ\"\n    nhom: [co-quan]\n  - ma: phong-tu-phap\n    ten: \"Phòng Tư pháp\"\n    nhom: [co-quan, tthc]\n  - ma: van-phong\n    ten: \"Văn phòng HĐND và UBND\"\n    nhom: [co-quan]\n",
    );
    for i in 0..n {
        registry.push_str(&format!(
            "  - ma: xa-{i:04}\n    ten: \"UBND xã Số {i:04}\"\n    nhom: [xa-phuong]\n"
        ));
        // Every other commune reports on 1.a (led by @xa-phuong) with a paragraph of text.
        if i % 2 == 0 {
            c.write(
                &format!("nop/xa-{i:04}/2024-Q1.yaml"),
                format!(
                    "don_vi: xa-{i:04}\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nnhiem_vu:\n  - ma: \"1.a\"\n    trang_thai: dang_thuc_hien\n    tien_do: 50\n    ket_qua: \"{}\"\nchi_tieu:\n  hs_tiep_nhan: {i}\n  hs_dung_han: {}\n",
                    "Đã rà soát, góp ý dự thảo văn bản quy phạm pháp luật theo đúng quy trình. ".repeat(3).trim_end(),
                    i / 2
                ),
            );
        }
    }
    c.write("don-vi.yaml", &registry);
    let out = c.build_into("out");
    let j = json_at(&out, "2024-Q1");
    let path = xlsx_path(&out, "2024-Q1");
    let book = Book::open(&path);
    assert_workbook_matches_json(&book, &j);
    let results = text(book.sheet("Nhiem vu"), HEAD + 1, 11);
    assert!(results.ends_with(CUT_NOTE), "the 1.a cell is cut");
    assert!(
        results.starts_with(
            "Đơn vị chủ trì: 3.001; đã báo cáo: 1.500 (đang thực hiện 1.500); chưa báo cáo: 1.501 (Phòng Tư pháp, UBND xã Số 0001,"
        ),
        "{}",
        &results[..300]
    );
}

#[test]
fn two_builds_give_byte_identical_workbooks() {
    let c = Case::new("nop-lai");
    let a = c.build_into("a");
    // The document's creation time is the period's end, not the clock.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    let b = c.build_into("b");
    let read = |out: &Path| std::fs::read(xlsx_path(out, "2024-Q1")).unwrap();
    assert_eq!(read(&a), read(&b));
}
