//! The workbook form, filled by other programs the way a clerk fills it, gives the same JSON
//! as the YAML report with the same answers: filled and saved by LibreOffice Calc (through
//! its UNO interface, typing each answer into its cell) and by the openpyxl library
//! (`tests/tools/fill-form.py`). The files those two programs saved are kept under
//! `tests/cases/bang-tinh-*` so that the reader is tested on them without either program;
//! the `#[ignore]`d tests make them anew from the form `baocao forms` writes today.

use crate::common::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

const UNIT: &str = "phong-tu-phap";
const KY: &str = "2024-Q1";

/// The answers, for the filling script: a date is a date cell for openpyxl and typed text for
/// Calc; a number is a number cell, a string of digits a text cell.
fn answers() -> Value {
    json!({
        "header": {
            "Ngày báo cáo:": {"date": "2024-03-12", "typed": "12/03/2024"},
            "Người lập:": "Nguyễn Văn A",
            "Số, ký hiệu báo cáo:": "25/BC-TP"
        },
        "tasks": {
            "1.a": {
                "Tình trạng": "Đang thực hiện",
                "Tiến độ (%)": 40,
                "Kết quả thực hiện": "Đã thẩm định 03 dự thảo văn bản QPPL; \"đúng hạn\" 100%.",
                "Khó khăn, vướng mắc": "Thiếu cán bộ pháp chế."
            },
            "1.b": {
                "Tình trạng": "Hoàn thành",
                "Tiến độ (%)": 100,
                "Kết quả thực hiện": "Đã ban hành Quyết định công bố danh mục."
            }
        },
        "documents": [
            ["1.b", "05/QĐ-UBND", "20/01/2024", "Công bố danh mục văn bản hết hiệu lực"],
            ["1.a", "12/2024/QĐ-UBND", "20/02/2024", "Ban hành Quy chế phối hợp"],
            ["1.a", "15/KH-UBND", "01/03/2024", "Kế hoạch kiểm tra văn bản"]
        ],
        "indicators": {"hs_tiep_nhan": 1200, "hs_dung_han": "1150"},
        "narratives": {
            "Chỉ đạo điều hành": ["Ban hành Kế hoạch CCHC năm 2024 của phòng."],
            "Khó khăn": ["Thiếu kinh phí.", "Máy móc cũ."],
            "Kiến nghị": ["Bổ sung biên chế."],
            "Phương hướng": ["Hoàn thành rà soát văn bản trong quý II."]
        }
    })
}

/// The same answers as a YAML report.
const YAML: &str = r#"don_vi: phong-tu-phap
ky_bao_cao: 2024-Q1
ngay_bao_cao: 2024-03-12
nguoi_lap: "Nguyễn Văn A"
so_ky_hieu: "25/BC-TP"
nhiem_vu:
  - ma: "1.a"
    trang_thai: dang_thuc_hien
    tien_do: 40
    ket_qua: "Đã thẩm định 03 dự thảo văn bản QPPL; \"đúng hạn\" 100%."
    kho_khan: "Thiếu cán bộ pháp chế."
    san_pham:
      - so_ky_hieu: "12/2024/QĐ-UBND"
        ngay: 2024-02-20
        trich_yeu: "Ban hành Quy chế phối hợp"
      - so_ky_hieu: "15/KH-UBND"
        ngay: 2024-03-01
        trich_yeu: "Kế hoạch kiểm tra văn bản"
  - ma: "1.b"
    trang_thai: hoan_thanh
    tien_do: 100
    ket_qua: "Đã ban hành Quyết định công bố danh mục."
    san_pham:
      - so_ky_hieu: "05/QĐ-UBND"
        ngay: 2024-01-20
        trich_yeu: "Công bố danh mục văn bản hết hiệu lực"
chi_tieu:
  hs_tiep_nhan: 1200
  hs_dung_han: 1150
chi_dao_dieu_hanh: "Ban hành Kế hoạch CCHC năm 2024 của phòng."
kho_khan: ["Thiếu kinh phí.", "Máy móc cũ."]
kien_nghi: ["Bổ sung biên chế."]
phuong_huong: ["Hoàn thành rà soát văn bản trong quý II."]
"#;

/// The JSON of the period with the unit's report given as `file` (relative to the unit's
/// folder) holding `bytes`, with paths normalised to `.yaml`.
fn json_with(file: &str, bytes: &[u8]) -> Value {
    let c = Case::base();
    c.write(&format!("nop/{UNIT}/{file}"), bytes);
    let j = c.build_json(KY);
    let text = serde_json::to_string(&j)
        .unwrap()
        .replace(".xlsx\"", ".yaml\"");
    serde_json::from_str(&text).unwrap()
}

fn assert_same_as_yaml(xlsx: &[u8], who: &str) {
    let from_yaml = json_with("2024-Q1.yaml", YAML.as_bytes());
    let diags = &from_yaml["chan_doan"];
    assert_eq!(diags, &json!([]), "the YAML twin is clean");
    let from_xlsx = json_with("2024-Q1.xlsx", xlsx);
    assert_eq!(
        from_xlsx["chan_doan"], *diags,
        "{who}: diagnostics of the workbook"
    );
    assert_eq!(from_xlsx, from_yaml, "{who}: the whole JSON");
    let u = unit(&from_xlsx, UNIT);
    assert_eq!(u["hop_le"], true);
}

/// A Python that can import `module`: the system one has LibreOffice's `uno`.
fn python_with(module: &str) -> PathBuf {
    for p in ["python3", "/usr/bin/python3"] {
        let ok = Command::new(p)
            .args(["-c", &format!("import {module}")])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return PathBuf::from(p);
        }
    }
    panic!("no python3 with {module}: install it (CI: .ci/run)");
}

/// The form `baocao forms` writes for the unit, filled by `engine`.
fn filled_by(engine: &str, module: &str) -> Vec<u8> {
    let c = Case::base();
    let out = c.out();
    assert_ok(&c.run("forms", &["--ky", KY, "--out", out.to_str().unwrap()]));
    let form = out.join(KY).join("bieu-mau").join(format!("{UNIT}.xlsx"));
    let answers = c.tmp.path().join("answers.json");
    std::fs::write(&answers, answers_text()).unwrap();
    let filled = c.tmp.path().join("filled.xlsx");
    let o = Command::new(python_with(module))
        .arg(root().join("tests/tools/fill-form.py"))
        .args([Path::new(engine), &form, &answers, &filled])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
    std::fs::read(&filled).unwrap()
}

fn answers_text() -> String {
    serde_json::to_string_pretty(&answers()).unwrap()
}

fn fixture(case: &str) -> Vec<u8> {
    let p = root()
        .join("tests/cases")
        .join(case)
        .join(format!("nop/{UNIT}/2024-Q1.xlsx"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

#[test]
fn forms_saved_by_libreoffice_calc_and_by_openpyxl_read_as_their_yaml() {
    for case in ["bang-tinh-calc", "bang-tinh-openpyxl"] {
        assert_same_as_yaml(&fixture(case), case);
    }
}

#[test]
#[ignore = "needs LibreOffice with Python's uno module (CI installs them)"]
fn the_form_of_today_filled_and_saved_by_libreoffice_calc_reads_as_its_yaml() {
    let bytes = filled_by("calc", "uno");
    keep_fixture("bang-tinh-calc", &bytes);
    assert_same_as_yaml(&bytes, "calc");
}

#[test]
#[ignore = "needs Python's openpyxl (CI installs it)"]
fn the_form_of_today_filled_by_openpyxl_reads_as_its_yaml() {
    let bytes = filled_by("openpyxl", "openpyxl");
    keep_fixture("bang-tinh-openpyxl", &bytes);
    assert_same_as_yaml(&bytes, "openpyxl");
}

/// With `BAOCAO_KEEP_FIXTURES=1`, the filled form replaces the kept fixture (after a change
/// of the form that the reader must follow).
fn keep_fixture(case: &str, bytes: &[u8]) {
    if std::env::var_os("BAOCAO_KEEP_FIXTURES").is_some() {
        let p = root()
            .join("tests/cases")
            .join(case)
            .join(format!("nop/{UNIT}/2024-Q1.xlsx"));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, bytes).unwrap();
    }
}

/// What each hostile workbook of `tests/cases/bang-tinh-*` (made by
/// `tests/tools/make-workbook-cases.py`) gives: its diagnostics (code, cell) and whether the
/// unit's report is valid. The unit always counts as having sent something.
#[test]
fn hostile_workbooks_never_stop_the_run_and_each_gets_its_diagnostic() {
    let file = format!("nop/{UNIT}/2024-Q1.xlsx");
    for (case, want, valid) in [
        ("bang-tinh-mat-khau", vec![("bang-tinh-hong", None)], false),
        ("bang-tinh-hong", vec![("bang-tinh-hong", None)], false),
        ("bang-tinh-khac", vec![("khong-phai-bieu-mau", None)], false),
        (
            "bang-tinh-thieu-cot",
            vec![("khong-phai-bieu-mau", None)],
            false,
        ),
        (
            "bang-tinh-o-loi",
            vec![("o-loi", Some("Nhiệm vụ!H9"))],
            false,
        ),
        ("bang-tinh-cong-thuc", vec![], true),
        ("bang-tinh-o-gop", vec![], true),
        ("bang-tinh-chu-dai", vec![], true),
    ] {
        let c = Case::new(case);
        let j = c.build_json(KY);
        let got: Vec<(String, Option<String>)> = diags_of(&j, &file)
            .iter()
            .map(|d| {
                let cell = d["o"].as_str().map(str::to_string);
                (d["ma_loi"].as_str().unwrap().to_string(), cell)
            })
            .collect();
        let want: Vec<(String, Option<String>)> = want
            .into_iter()
            .map(|(c, o)| (c.to_string(), o.map(str::to_string)))
            .collect();
        assert_eq!(got, want, "{case}");
        let u = unit(&j, UNIT);
        assert_eq!(u["da_nop"], true, "{case}");
        assert_eq!(u["hop_le"], valid, "{case}");
    }
}

#[test]
fn formulas_give_their_values_and_text_that_looks_like_a_formula_stays_text() {
    let c = Case::new("bang-tinh-cong-thuc");
    let j = c.build_json(KY);
    let reports = |id: &str| task(&j, id)["bao_cao"][0].clone();
    assert_eq!(reports("1.a")["tien_do"], json!(40));
    assert_eq!(reports("1.b")["ket_qua"], json!("Đã ban hành"));
    let typed = "=HYPERLINK(\"http://x\";\"bấm\")";
    assert_eq!(reports("1.a")["ket_qua"], json!(typed));
    // The text typed into a cell stays text in every output: no formula reaches the appendix.
    let xlsx = c.out().join(KY).join(format!("phu-luc-cchc-{KY}.xlsx"));
    let sheet = zip_part(&xlsx, "xl/worksheets/sheet2.xml");
    assert!(!sheet.contains("<f>"), "a formula in the appendix");
    let strings = zip_part(&xlsx, "xl/sharedStrings.xml");
    assert!(
        strings.contains("=HYPERLINK("),
        "the text is a string of the appendix"
    );
    let docx = c.out().join(KY).join(format!("bao-cao-cchc-{KY}.docx"));
    let body = zip_part(&docx, "word/document.xml");
    assert!(body.contains("=HYPERLINK("), "the text is kept literally");
}
