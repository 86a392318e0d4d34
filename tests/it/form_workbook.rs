//! The workbook form (`bieu-mau/<đơn vị>.xlsx`), read back with calamine and as XML: the
//! layout `model::form` promises the reader (sheets, hidden sheet, labels, rows), the previous
//! report beside each task (and as a comment in the YAML form), protection, lists and checks
//! on the answer cells, text kept as typed, the page set-up, and the same bytes on every run.

use crate::common::*;
use baocao::model::form::{
    self, Col, DOC_COLUMNS, DOC_ROWS, HEADER_FIELDS, INDICATOR_COLUMNS, NARRATIVE_COLUMNS,
    NARRATIVE_ROWS, NARRATIVE_SHEETS, PERIOD_ROW, TASK_COLUMNS, UNIT_ROW,
};
use calamine::{Data, Range, SheetVisible};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The sheets in the order the form makes them.
fn sheet_order() -> Vec<&'static str> {
    let mut names = vec![
        form::GUIDE_SHEET,
        form::TASKS_SHEET,
        form::DOCS_SHEET,
        form::INDICATORS_SHEET,
    ];
    names.extend(NARRATIVE_SHEETS.iter().map(|(n, _)| *n));
    names.push(form::META_SHEET);
    names
}

/// `forms --ky <ky>` on a case; returns the folder of its forms.
fn forms(c: &Case, ky: &str, out: &str) -> PathBuf {
    let out = c.tmp.path().join(out);
    assert_ok(&c.run("forms", &["--ky", ky, "--out", out.to_str().unwrap()]));
    out.join(ky).join("bieu-mau")
}

/// The case with previous reports, its forms for 2024-Q3: Phòng Tư pháp reported (validly)
/// only in Q1, Văn phòng in Q1, 6T and Q3, UBND xã B only an invalid Q1 report.
fn case_forms() -> (Case, PathBuf) {
    let c = Case::new("bieu-mau-ky-truoc");
    let dir = forms(&c, "2024-Q3", "out");
    (c, dir)
}

/// The (0-based) row whose column A holds `label`, among the first rows.
fn row_of(s: &Range<Data>, label: &str) -> u32 {
    (0..form::HEADER_SEARCH_ROWS)
        .find(|&r| text(s, r, 0) == label)
        .unwrap_or_else(|| panic!("no row with '{label}'"))
}

fn labels(columns: &[form::Column]) -> Vec<&'static str> {
    columns.iter().map(|c| c.label).collect()
}

fn row_texts(s: &Range<Data>, row: u32, n: usize) -> Vec<String> {
    (0..n as u32).map(|c| text(s, row, c)).collect()
}

/// The task rows of the tasks sheet: (id, role, previous report).
fn task_rows(book: &Book) -> Vec<(String, String, String)> {
    let s = book.sheet(form::TASKS_SHEET);
    let head = row_of(s, TASK_COLUMNS[0].label);
    let col = |label: &str| TASK_COLUMNS.iter().position(|c| c.label == label).unwrap() as u32;
    (head + 1..)
        .take_while(|&r| !text(s, r, 0).is_empty())
        .map(|r| {
            (
                text(s, r, 0),
                text(s, r, col("Vai trò")),
                text(s, r, col("Kỳ trước (để tham khảo)")),
            )
        })
        .collect()
}

/// A cell's reference ("G9") from 0-based row and column.
fn cell_ref(row: u32, col: u32) -> String {
    let mut name = String::new();
    let mut c = col + 1;
    while c > 0 {
        name.insert(0, (b'A' + ((c - 1) % 26) as u8) as char);
        c = (c - 1) / 26;
    }
    format!("{name}{}", row + 1)
}

/// The XML part of the n-th sheet (in workbook order, 0-based).
fn sheet_xml(path: &Path, n: usize) -> String {
    zip_part(path, &format!("xl/worksheets/sheet{}.xml", n + 1))
}

/// The cell format (`<xf …>` of `cellXfs`) of a cell.
fn cell_xf(path: &Path, sheet: usize, row: u32, col: u32) -> String {
    let xml = sheet_xml(path, sheet);
    let key = format!("<c r=\"{}\"", cell_ref(row, col));
    let at = xml
        .find(&key)
        .unwrap_or_else(|| panic!("no cell {}", cell_ref(row, col)));
    let head = &xml[at..at + xml[at..].find('>').unwrap()];
    let s: usize = attr(&format!("{head}>"), "c", "s").map_or(0, |s| s.parse().unwrap());
    let styles = zip_part(path, "xl/styles.xml");
    let xfs = &styles[styles.find("<cellXfs").unwrap()..styles.find("</cellXfs>").unwrap()];
    let all: Vec<&str> = xfs.split("<xf ").skip(1).collect();
    all[s].split("</xf>").next().unwrap().to_string()
}

fn unlocked(xf: &str) -> bool {
    xf.contains("<protection locked=\"0\"")
}

#[test]
fn the_sheets_and_the_hidden_sheet_say_which_unit_period_and_year() {
    let (_c, dir) = case_forms();
    let path = dir.join("phong-tu-phap.xlsx");
    let book = Book::open(&path);
    assert_eq!(book.names, sheet_order());
    let hidden: Vec<bool> = book
        .visible
        .iter()
        .map(|v| *v != SheetVisible::Visible)
        .collect();
    let last = hidden.len() - 1;
    assert!(
        hidden[last] && hidden[..last].iter().all(|h| !h),
        "{hidden:?}"
    );
    let wb = zip_part(&path, "xl/workbook.xml");
    assert!(
        wb.contains(&format!(
            "<sheet name=\"{}\" sheetId=\"9\" state=\"hidden\"",
            form::META_SHEET
        )),
        "{wb}"
    );
    // The guide is the sheet that opens.
    assert_eq!(attr(&wb, "workbookView", "activeTab"), None);

    let meta = book.sheet(form::META_SHEET);
    assert_eq!(text(meta, 0, 0), form::META_TITLE);
    let value = |label: &str| {
        let r = (1..6).find(|&r| text(meta, r, 0) == label).unwrap();
        meta.get_value((r, 1)).cloned().unwrap()
    };
    assert_eq!(
        value(form::META_VERSION),
        Data::Float(f64::from(form::VERSION))
    );
    assert_eq!(value(form::META_UNIT), Data::String("phong-tu-phap".into()));
    assert_eq!(value(form::META_PERIOD), Data::String("2024-Q3".into()));
    assert_eq!(value(form::META_YEAR), Data::Float(2024.0));
    assert_eq!(book.formula_count(), 0, "no formula anywhere");
}

#[test]
fn headers_and_rows_are_where_the_contract_says() {
    let (_c, dir) = case_forms();
    let book = Book::open(&dir.join("phong-tu-phap.xlsx"));
    let tasks = book.sheet(form::TASKS_SHEET);
    assert_eq!(text(tasks, UNIT_ROW - 1, 0), "Đơn vị: Phòng Tư pháp");
    let period = text(tasks, PERIOD_ROW - 1, 0);
    assert!(period.contains("quý III năm 2024"), "{period}");
    assert!(period.contains("hạn gửi: ngày 17/09/2024"), "{period}");
    assert!(text(tasks, 0, 0).ends_with("CCHC QUÝ III NĂM 2024"));
    // The header fields: label in A, answer in C; the date pre-filled as text.
    for (label, key) in HEADER_FIELDS {
        let r = row_of(tasks, label);
        let answer = text(tasks, r, 2);
        match key {
            "ngay_bao_cao" => assert_eq!(answer, "17/09/2024"),
            _ => assert_eq!(answer, "", "{key}"),
        }
    }
    let head = row_of(tasks, TASK_COLUMNS[0].label);
    assert_eq!(
        row_texts(tasks, head, TASK_COLUMNS.len()),
        labels(&TASK_COLUMNS)
    );
    // One blank row between the header fields and the table.
    let last_field = row_of(tasks, HEADER_FIELDS[2].0);
    assert_eq!(head, last_field + 2);
    assert!(
        row_texts(tasks, last_field + 1, TASK_COLUMNS.len())
            .iter()
            .all(String::is_empty)
    );

    for (sheet, columns) in [
        (form::DOCS_SHEET, &DOC_COLUMNS[..]),
        (form::INDICATORS_SHEET, &INDICATOR_COLUMNS[..]),
    ] {
        let s = book.sheet(sheet);
        let head = row_of(s, columns[0].label);
        assert_eq!(
            row_texts(s, head, columns.len()),
            labels(columns),
            "{sheet}"
        );
    }
    let ind = book.sheet(form::INDICATORS_SHEET);
    let head = row_of(ind, INDICATOR_COLUMNS[0].label);
    // The indicators the YAML form lists (never the ratio), with the previous value.
    assert_eq!(text(ind, head + 1, 0), "hs_tiep_nhan");
    assert_eq!(text(ind, head + 1, 3), "Quý I năm 2024: 1200");
    assert_eq!(text(ind, head + 2, 0), "hs_dung_han");
    assert_eq!(text(ind, head + 2, 3), "Quý I năm 2024: không báo cáo");
    assert_eq!(text(ind, head + 3, 0), "kinh_phi");
    assert_eq!(text(ind, head + 4, 0), "");

    for (name, _) in NARRATIVE_SHEETS {
        let s = book.sheet(name);
        let head = row_of(s, NARRATIVE_COLUMNS[0].label);
        assert_eq!(row_texts(s, head, 2), labels(&NARRATIVE_COLUMNS), "{name}");
        assert_eq!(s.get_value((head + 1, 0)), Some(&Data::Float(1.0)));
        let last = head + NARRATIVE_ROWS;
        assert_eq!(
            s.get_value((last, 0)),
            Some(&Data::Float(f64::from(NARRATIVE_ROWS)))
        );
    }
}

#[test]
fn each_unit_gets_the_tasks_of_its_yaml_form_with_its_role() {
    let (_c, dir) = case_forms();
    let rows = |unit: &str| task_rows(&Book::open(&dir.join(format!("{unit}.xlsx"))));
    let ids_roles = |unit: &str| -> Vec<(String, String)> {
        rows(unit).into_iter().map(|(i, r, _)| (i, r)).collect()
    };
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    };
    assert_eq!(
        ids_roles("phong-tu-phap"),
        pairs(&[("1.a", "Chủ trì"), ("1.b", "Chủ trì"), ("1.c", "Chủ trì")])
    );
    assert_eq!(
        ids_roles("phong-noi-vu"),
        pairs(&[("1.a", "Phối hợp"), ("2.b", "Chủ trì"), ("2.đ", "Chủ trì")])
    );
    assert_eq!(
        ids_roles("ubnd-xa-b"),
        pairs(&[("1.a", "Chủ trì"), ("1.c", "Chủ trì")])
    );
}

#[test]
fn every_sample_unit_s_workbook_lists_the_tasks_of_its_yaml_form_in_order() {
    let c = Case {
        tmp: tempfile::tempdir().unwrap(),
    };
    copy_tree(&root().join("data"), &c.data());
    let dir = forms(&c, "2024-Q3", "out");
    let mut units = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let path = e.unwrap().path();
        if path.extension().unwrap() != "yaml" {
            continue;
        }
        units += 1;
        let yaml = std::fs::read_to_string(&path).unwrap();
        let yaml_ids: Vec<String> = yaml
            .lines()
            .filter_map(|l| l.trim().strip_prefix("- ma: "))
            .map(|s| s.trim_matches('"').to_string())
            .collect();
        let book = Book::open(&path.with_extension("xlsx"));
        let xlsx_ids: Vec<String> = task_rows(&book).into_iter().map(|r| r.0).collect();
        assert_eq!(xlsx_ids, yaml_ids, "{}", path.display());
        let yaml_indicators: Vec<String> = yaml
            .split("\nchi_tieu:")
            .nth(1)
            .unwrap()
            .lines()
            .take_while(|l| l.is_empty() || l.starts_with("  "))
            .filter(|l| !l.trim_start().starts_with('#') && l.ends_with(':'))
            .map(|l| l.trim().trim_end_matches(':').to_string())
            .collect();
        let ind = book.sheet(form::INDICATORS_SHEET);
        let head = row_of(ind, INDICATOR_COLUMNS[0].label);
        let xlsx_indicators: Vec<String> = (head + 1..)
            .map(|r| text(ind, r, 0))
            .take_while(|t| !t.is_empty())
            .collect();
        assert_eq!(xlsx_indicators, yaml_indicators, "{}", path.display());
    }
    assert_eq!(units, 39);
}

#[test]
fn the_previous_report_is_shown_beside_each_task_never_as_the_answer() {
    let (_c, dir) = case_forms();
    // Phòng Tư pháp: its latest valid report before Q3 is Q1 (it sent nothing for 6T).
    let ptp = task_rows(&Book::open(&dir.join("phong-tu-phap.xlsx")));
    assert_eq!(
        ptp[0].2,
        "Quý I năm 2024: Đang thực hiện, 40% — =SUM(1;2) Đã thẩm định 03 dự thảo văn bản QPPL."
    );
    assert_eq!(ptp[1].2, "Quý I năm 2024: Hoàn thành, 100%");
    assert_eq!(ptp[2].2, "Quý I năm 2024: không báo cáo nhiệm vụ này");
    // Văn phòng: 6T, not Q1 (older) nor Q3 (the period itself).
    let vp = task_rows(&Book::open(&dir.join("van-phong.xlsx")));
    assert_eq!(
        vp[0],
        (
            "2.a".to_string(),
            "Chủ trì".to_string(),
            "6 tháng đầu năm 2024: Hoàn thành, 100% — Kết quả 6 tháng của Văn phòng.".to_string()
        )
    );
    // UBND xã B: its only report is invalid.
    let xb = task_rows(&Book::open(&dir.join("ubnd-xa-b.xlsx")));
    assert!(
        xb.iter().all(|r| r.2 == "Chưa có báo cáo kỳ trước"),
        "{xb:?}"
    );
    // The answer cells stay empty.
    let book = Book::open(&dir.join("phong-tu-phap.xlsx"));
    let s = book.sheet(form::TASKS_SHEET);
    let head = row_of(s, TASK_COLUMNS[0].label);
    for (c, col) in TASK_COLUMNS.iter().enumerate() {
        if matches!(col.col, Col::Answer(_)) {
            for r in head + 1..=head + 3 {
                assert_eq!(text(s, r, c as u32), "", "{}", col.label);
            }
        }
    }
    // The guide names the previous period.
    let guide = book.sheet(form::GUIDE_SHEET);
    let all: Vec<String> = guide.used_cells().map(|(_, _, v)| v.to_string()).collect();
    assert!(
        all.iter()
            .any(|t| t.contains("báo cáo hợp lệ quý I năm 2024 của đơn vị")),
        "{all:?}"
    );
}

#[test]
fn the_yaml_form_has_the_previous_report_as_comments_only() {
    let (_c, dir) = case_forms();
    let ptp = std::fs::read_to_string(dir.join("phong-tu-phap.yaml")).unwrap();
    let block = |id: &str| -> String {
        let at = ptp.find(&format!("- ma: \"{id}\"")).unwrap();
        let from = ptp[..at].rfind("\n\n").unwrap();
        ptp[from..at].to_string()
    };
    assert!(
        block("1.a").contains(
            "  # Kỳ trước (quý I năm 2024): Đang thực hiện, 40%; kết quả: =SUM(1;2) Đã thẩm định 03"
        ),
        "{}",
        block("1.a")
    );
    assert!(block("1.b").contains("  # Kỳ trước (quý I năm 2024): Hoàn thành, 100%.\n"));
    assert!(
        block("1.c").contains("  # Kỳ trước (quý I năm 2024): đơn vị không báo cáo nhiệm vụ này.")
    );
    assert!(ptp.contains("  # Kỳ trước (quý I năm 2024): 1200\n  hs_tiep_nhan:\n"));
    // Never as a value: the answers are still blank.
    assert_eq!(ptp.matches("    trang_thai:               #").count(), 3);
    assert_eq!(ptp.matches("    tien_do:                  #").count(), 3);
    let vp = std::fs::read_to_string(dir.join("van-phong.yaml")).unwrap();
    assert!(
        vp.contains(
            "# Kỳ trước (6 tháng đầu năm 2024): Hoàn thành, 100%; kết quả: Kết quả 6 tháng"
        )
    );
    assert!(!vp.contains("quý III năm 2024): "));
    let xb = std::fs::read_to_string(dir.join("ubnd-xa-b.yaml")).unwrap();
    assert!(!xb.contains("Kỳ trước"), "no previous report, no comment");
}

#[test]
fn sheets_are_protected_without_a_password_and_only_answers_are_open() {
    let (_c, dir) = case_forms();
    let path = dir.join("phong-tu-phap.xlsx");
    for (i, name) in sheet_order().iter().enumerate() {
        let xml = sheet_xml(&path, i);
        let prot = &xml[xml
            .find("<sheetProtection")
            .unwrap_or_else(|| panic!("{name}: no protection"))..];
        let prot = &prot[..prot.find("/>").unwrap()];
        assert!(prot.contains("sheet=\"1\""), "{name}: {prot}");
        assert!(
            !prot.contains("password") && !prot.contains("hashValue"),
            "{name}: {prot}"
        );
        // Rows and columns can be widened.
        assert!(prot.contains("formatColumns=\"0\""), "{name}: {prot}");
        assert!(prot.contains("formatRows=\"0\""), "{name}: {prot}");
    }
    let book = Book::open(&path);
    let tasks = book.sheet(form::TASKS_SHEET);
    let head = row_of(tasks, TASK_COLUMNS[0].label);
    for (c, col) in TASK_COLUMNS.iter().enumerate() {
        let xf = cell_xf(&path, 1, head + 1, c as u32);
        assert_eq!(
            unlocked(&xf),
            matches!(col.col, Col::Answer(_)),
            "{}: {xf}",
            col.label
        );
    }
    for (label, _) in HEADER_FIELDS {
        let r = row_of(tasks, label);
        assert!(!unlocked(&cell_xf(&path, 1, r, 0)), "{label}");
        assert!(unlocked(&cell_xf(&path, 1, r, 2)), "{label}");
    }
    // The previous report: locked and shaded apart from the plan's columns.
    let prev = TASK_COLUMNS
        .iter()
        .position(|c| c.label == "Kỳ trước (để tham khảo)")
        .unwrap();
    let xf = cell_xf(&path, 1, head + 1, prev as u32);
    let plan_xf = cell_xf(&path, 1, head + 1, 1);
    assert!(xf != plan_xf && xf.contains("applyFill=\"1\""), "{xf}");
    for (sheet, columns) in [
        (2, &DOC_COLUMNS[..]),
        (3, &INDICATOR_COLUMNS[..]),
        (4, &NARRATIVE_COLUMNS[..]),
    ] {
        for (c, col) in columns.iter().enumerate() {
            let xf = cell_xf(&path, sheet, 3, c as u32);
            assert_eq!(
                unlocked(&xf),
                matches!(col.col, Col::Answer(_)),
                "{}: {xf}",
                col.label
            );
        }
    }
}

#[test]
fn answers_have_their_lists_and_checks_and_dates_stay_as_typed() {
    let (_c, dir) = case_forms();
    let path = dir.join("phong-tu-phap.xlsx");
    let tasks = sheet_xml(&path, 1);
    // Status: the four labels; progress: a number from 0 to 100, with a message in Vietnamese.
    assert!(
        tasks.contains(
            "<formula1>\"Hoàn thành,Đang thực hiện,Chậm tiến độ,Chưa thực hiện\"</formula1>"
        ),
        "{tasks}"
    );
    assert!(tasks.contains("sqref=\"G9:G11\""), "{tasks}");
    let progress = &tasks[tasks.find("type=\"decimal\"").unwrap()..];
    let progress = &progress[..progress.find("</dataValidation>").unwrap()];
    assert!(progress.contains("sqref=\"H9:H11\""), "{progress}");
    assert!(
        progress.contains("<formula1>0</formula1><formula2>100</formula2>"),
        "{progress}"
    );
    assert!(
        progress.contains("error=\"Tiến độ là một số từ 0 đến 100"),
        "{progress}"
    );
    // The report's date: a hint, and kept as typed (text format "@", built-in format 49).
    assert!(
        tasks.contains("prompt=\"Ghi ngày dạng 12/03/2024"),
        "{tasks}"
    );
    let date_row = HEADER_FIELDS
        .iter()
        .position(|(_, k)| *k == "ngay_bao_cao")
        .unwrap() as u32
        + PERIOD_ROW;
    assert!(cell_xf(&path, 1, date_row, 2).contains("numFmtId=\"49\""));

    let docs = sheet_xml(&path, 2);
    let last = 3 + DOC_ROWS;
    assert!(
        docs.contains(&format!(
            "sqref=\"A4:A{last}\"><formula1>'Nhiệm vụ'!$A$9:$A$11</formula1>"
        )),
        "{docs}"
    );
    assert!(docs.contains(&format!("sqref=\"C4:C{last}\"")), "{docs}");
    assert!(docs.contains("prompt=\"Ghi ngày dạng 12/03/2024"), "{docs}");
    for (c, col) in DOC_COLUMNS.iter().enumerate() {
        let typed = cell_xf(&path, 2, 3, c as u32).contains("numFmtId=\"49\"");
        assert_eq!(typed, col.col != Col::Answer("trich_yeu"), "{}", col.label);
    }
    let indicators = sheet_xml(&path, 3);
    let whole = &indicators[indicators.find("type=\"whole\"").unwrap()..];
    assert!(whole.contains("operator=\"greaterThanOrEqual\""), "{whole}");
    assert!(whole.contains("sqref=\"E4:E6\""), "{whole}");
}

#[test]
fn sheets_print_on_a4_landscape_one_page_wide_with_repeated_headers() {
    let (_c, dir) = case_forms();
    let path = dir.join("phong-tu-phap.xlsx");
    let order = sheet_order();
    for (i, name) in order.iter().enumerate().take(order.len() - 1) {
        let xml = sheet_xml(&path, i);
        assert_eq!(
            attr(&xml, "pageSetup", "paperSize").as_deref(),
            Some("9"),
            "{name}"
        );
        assert_eq!(
            attr(&xml, "pageSetup", "orientation").as_deref(),
            Some("landscape"),
            "{name}"
        );
        // One page wide (fitToWidth 1 is the default); as many pages down as it takes, except
        // the guide, one page.
        assert!(xml.contains("<pageSetUpPr fitToPage=\"1\"/>"), "{name}");
        assert_eq!(attr(&xml, "pageSetup", "fitToWidth"), None, "{name}");
        let down = if i == 0 { None } else { Some("0".to_string()) };
        assert_eq!(attr(&xml, "pageSetup", "fitToHeight"), down, "{name}");
    }
    let wb = zip_part(&path, "xl/workbook.xml");
    assert!(
        wb.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"1\">'Nhiệm vụ'!$8:$8</definedName>"),
        "{wb}"
    );
    for (i, name) in order.iter().enumerate().skip(2).take(order.len() - 3) {
        let titles = format!(
            "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"{i}\">'{name}'!$3:$3</definedName>"
        );
        assert!(wb.contains(&titles), "{titles}\n{wb}");
    }
    // Frozen below the table header.
    let tasks = sheet_xml(&path, 1);
    assert!(tasks.contains("topLeftCell=\"A9\""), "{tasks}");
    let styles = zip_part(&path, "xl/styles.xml");
    assert!(styles.contains("<name val=\"Times New Roman\"/>"));
}

#[test]
fn the_same_inputs_give_the_same_bytes_and_text_is_never_a_formula() {
    let c = Case::new("bieu-mau-ky-truoc");
    // A plan text that looks like a formula.
    let plan = std::fs::read_to_string(c.data().join("ke-hoach/2024.yaml")).unwrap();
    let odd = r#"=HYPERLINK("http://x","bấm")"#;
    c.write(
        "ke-hoach/2024.yaml",
        plan.replace(
            "\"Nâng cao chất lượng xây dựng văn bản quy phạm pháp luật.\"",
            &format!("'{odd}'"),
        ),
    );
    let a = forms(&c, "2024-Q3", "a");
    let b = forms(&c, "2024-Q3", "b");
    for unit in BASE_UNITS {
        for ext in ["xlsx", "yaml"] {
            let name = format!("{unit}.{ext}");
            assert!(
                std::fs::read(a.join(&name)).unwrap() == std::fs::read(b.join(&name)).unwrap(),
                "{name} differs between two runs"
            );
        }
    }
    let book = Book::open(&a.join("phong-tu-phap.xlsx"));
    assert_eq!(book.formula_count(), 0);
    let tasks = book.sheet(form::TASKS_SHEET);
    let head = row_of(tasks, TASK_COLUMNS[0].label);
    assert_eq!(text(tasks, head + 1, 1), odd);
}

/// The forms of the sample data pass the OOXML schema check and LibreOffice opens them (needs
/// python3 with lxml, LibreOffice and poppler-utils; run in CI).
#[test]
#[ignore = "needs python3 with lxml, LibreOffice and poppler-utils; CI runs it with --include-ignored"]
fn sample_forms_pass_the_schema_check_and_convert_in_libreoffice() {
    require_tool("soffice", "apt-get install libreoffice-calc-nogui");
    require_tool("pdftotext", "apt-get install poppler-utils");
    let c = Case {
        tmp: tempfile::tempdir().unwrap(),
    };
    copy_tree(&root().join("data"), &c.data());
    let dir = forms(&c, "2024-Q3", "out");
    let books = [
        dir.join("phong-tu-phap.xlsx"),
        dir.join("ubnd-phuong-tran-phu.xlsx"),
    ];
    assert_schema_valid(&books.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let (_c2, case_dir) = case_forms();
    assert_schema_valid(&[&case_dir.join("ubnd-xa-c.xlsx")]);

    let tmp = tempfile::tempdir().unwrap();
    let src = tmp.path().join("bieu-mau.xlsx");
    std::fs::copy(&books[0], &src).unwrap();
    let o = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(tmp.path())
        .arg(&src)
        .env("HOME", tmp.path())
        .output()
        .unwrap();
    let pdf = tmp.path().join("bieu-mau.pdf");
    assert!(pdf.is_file(), "{}", stderr(&o));
    let text = String::from_utf8(
        Command::new("pdftotext")
            .arg("-layout")
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for s in [
        "HƯỚNG DẪN ĐIỀN BIỂU MẪU",
        "Hạn gửi:",
        "BÁO CÁO KẾT QUẢ THỰC HIỆN CCHC QUÝ III NĂM 2024",
        "Đơn vị: Phòng Tư pháp",
        "Kỳ trước (để tham khảo)",
        "VĂN BẢN ĐÃ BAN HÀNH",
        "SỐ LIỆU CÁC CHỈ TIÊU",
        "PHƯƠNG HƯỚNG",
    ] {
        assert!(text.contains(s), "{s}");
    }
    // The hidden sheet is not printed.
    assert!(!text.contains(form::META_TITLE));
}

#[test]
fn a_unit_without_tasks_gets_a_form_that_says_so() {
    let c = Case::base();
    let registry = std::fs::read_to_string(c.data().join("don-vi.yaml")).unwrap();
    c.write(
        "don-vi.yaml",
        format!("{registry}  - ma: ban-moi\n    ten: \"Ban mới thành lập\"\n"),
    );
    // No nop/ at all: forms are made before anyone reports.
    let dir = forms(&c, "2024-Q1", "out");
    let path = dir.join("ban-moi.xlsx");
    let book = Book::open(&path);
    assert!(task_rows(&book).is_empty());
    let guide: Vec<String> = book
        .sheet(form::GUIDE_SHEET)
        .used_cells()
        .map(|(_, _, v)| v.to_string())
        .collect();
    assert!(
        guide
            .iter()
            .any(|t| t.starts_with("không có nhiệm vụ nào của kế hoạch")),
        "{guide:?}"
    );
    assert!(
        guide
            .iter()
            .any(|t| t == "Đơn vị chưa có báo cáo hợp lệ nào trước kỳ này trong năm 2024."),
        "{guide:?}"
    );
    // No list of task ids to choose from, the date hint still there.
    let docs = sheet_xml(&path, 2);
    assert!(!docs.contains("type=\"list\""), "{docs}");
    assert!(docs.contains("prompt=\"Ghi ngày dạng 12/03/2024"), "{docs}");
    assert!(!sheet_xml(&path, 1).contains("type=\"list\""));
    let yaml = std::fs::read_to_string(dir.join("ban-moi.yaml")).unwrap();
    assert!(yaml.contains("nhiem_vu: []"));
}
