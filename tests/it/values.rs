//! The value table (docs/du-lieu.md, "Giá trị được chấp nhận") through the real binary: one
//! case per row, each asserting what the JSON holds and the diagnostic the file gets (code,
//! line, column, message, hint).

use crate::common::*;
use serde_json::Value;

const FILE: &str = "nop/phong-tu-phap/2024-Q1.yaml";

/// Builds Q1 with one report of Phòng Tư pháp: its header, then `body` (which starts on
/// line 4).
fn build_with(body: &str) -> Value {
    let c = Case::base();
    c.write(
        FILE,
        format!("don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\n{body}"),
    );
    c.build_json("2024-Q1")
}

/// A task 1.b report with `field` (line 7).
fn task_body(field: &str) -> String {
    format!("nhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: dang_thuc_hien\n    {field}\n")
}

/// The single diagnostic of the file: code, line, column, message, hint.
fn one(j: &Value) -> (String, Option<u64>, Option<u64>, String, String) {
    let ds = diags_of(j, FILE);
    assert_eq!(ds.len(), 1, "{ds:#?}");
    let d = ds[0];
    (
        d["ma_loi"].as_str().unwrap().into(),
        d["dong"].as_u64(),
        d["cot"].as_u64(),
        d["thong_diep"].as_str().unwrap().into(),
        d["goi_y"].as_str().unwrap_or("").into(),
    )
}

fn valid(j: &Value) -> bool {
    unit(j, "phong-tu-phap")["hop_le"] == true
}

#[test]
fn dates_in_the_five_forms_silently_and_impossible_or_other_forms_as_errors() {
    for date in [
        "2024-03-12",
        "12/03/2024",
        "12/3/2024",
        "12-03-2024",
        "12.03.2024",
    ] {
        let c = Case::base();
        c.write(
            FILE,
            format!(
                "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: {date}\n{}",
                task_body("tien_do: 5")
            ),
        );
        let j = c.build_json("2024-Q1");
        assert!(
            diags_of(&j, FILE).is_empty(),
            "{date}: {:?}",
            diags_of(&j, FILE)
        );
        assert_eq!(
            unit(&j, "phong-tu-phap")["ngay_bao_cao"],
            "2024-03-12",
            "{date}"
        );
    }
    let c = Case::base();
    c.write(
        FILE,
        format!(
            "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-02-30\n{}",
            task_body("tien_do: 5")
        ),
    );
    let (code, line, col, msg, _) = one(&c.build_json("2024-Q1"));
    assert_eq!(
        (code.as_str(), line, col),
        ("ngay-khong-ton-tai", Some(3), Some(15))
    );
    assert!(msg.contains("2024-02-30"));
    let c = Case::base();
    c.write(
        FILE,
        format!(
            "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024/03/12\n{}",
            task_body("tien_do: 5")
        ),
    );
    let (code, _, _, _, hint) = one(&c.build_json("2024-Q1"));
    assert_eq!(code, "sai-ngay");
    assert!(
        hint.contains("12/03/2024") && hint.contains("2024-03-12"),
        "{hint}"
    );
}

#[test]
fn counts_integers_silently_quoted_or_leading_zeros_with_a_warning() {
    let j = build_with("chi_tieu:\n  hs_tiep_nhan: 1250\n");
    assert!(diags_of(&j, FILE).is_empty());
    assert_eq!(indicator(&j, "hs_tiep_nhan"), serde_json::json!(1250));
    for (raw, want) in [("\"70\"", 70), ("05", 5)] {
        let j = build_with(&format!("chi_tieu:\n  hs_tiep_nhan: {raw}\n"));
        let (code, line, col, msg, hint) = one(&j);
        assert_eq!(
            (code.as_str(), line, col),
            ("doi-dang", Some(5), Some(17)),
            "{raw}"
        );
        assert!(
            msg.contains(&format!("đã hiểu là {want}"))
                || msg.contains(&format!("đã hiểu là số {want}")),
            "{raw}: {msg}"
        );
        assert!(
            hint.contains(&format!("hs_tiep_nhan: {want}")),
            "{raw}: {hint}"
        );
        assert_eq!(
            indicator(&j, "hs_tiep_nhan"),
            serde_json::json!(want),
            "{raw}"
        );
        assert!(valid(&j));
    }
}

#[test]
fn counts_with_thousands_separators_are_errors_that_say_write_1250() {
    for raw in ["1.250", "\"1,250\"", "1 250"] {
        let j = build_with(&format!("chi_tieu:\n  hs_tiep_nhan: {raw}\n"));
        let (code, line, col, msg, hint) = one(&j);
        assert_eq!(
            (code.as_str(), line, col),
            ("so-ngan-cach", Some(5), Some(17)),
            "{raw}"
        );
        assert!(hint.contains("ghi 1250"), "{raw}: {hint}");
        assert!(msg.contains("1250"), "{raw}: {msg}");
        assert!(!valid(&j), "{raw}");
        assert!(
            indicator(&j, "hs_tiep_nhan").is_null(),
            "a rejected file's figure is not summed"
        );
    }
    // "1.250" reads two ways: both are in the message.
    let j = build_with("chi_tieu:\n  hs_tiep_nhan: 1.250\n");
    let (_, _, _, msg, _) = one(&j);
    assert!(msg.contains("1250") && msg.contains("1,250"), "{msg}");
}

#[test]
fn counts_decimal_negative_other_bases_exponents_and_huge_are_errors() {
    for (raw, code) in [
        ("12.5", "so-le"),
        ("\"85,5\"", "so-le"),
        ("-5", "so-am"),
        ("0x10", "sai-so"),
        ("0o17", "sai-so"),
        ("1e308", "sai-so"),
        (".inf", "sai-so"),
        (".nan", "sai-so"),
        ("1000000000001", "sai-so"),
        ("mười", "sai-so"),
    ] {
        let j = build_with(&format!("chi_tieu:\n  hs_tiep_nhan: {raw}\n"));
        let (got, line, col, _, _) = one(&j);
        assert_eq!(
            (got.as_str(), line, col),
            (code, Some(5), Some(17)),
            "{raw}"
        );
        assert!(!valid(&j), "{raw}");
    }
}

#[test]
fn progress_decimal_comma_quotes_and_percent_with_a_warning() {
    let j = build_with(&task_body("tien_do: 85.5"));
    assert!(diags_of(&j, FILE).is_empty());
    assert_eq!(
        task(&j, "1.b")["bao_cao"][0]["tien_do"],
        serde_json::json!(85.5)
    );
    for (raw, want) in [
        ("85,5", serde_json::json!(85.5)),
        ("\"70\"", serde_json::json!(70)),
        ("85%", serde_json::json!(85)),
    ] {
        let j = build_with(&task_body(&format!("tien_do: {raw}")));
        let (code, line, col, _, hint) = one(&j);
        assert_eq!(
            (code.as_str(), line, col),
            ("doi-dang", Some(7), Some(14)),
            "{raw}"
        );
        assert!(hint.contains(&format!("tien_do: {want}")), "{raw}: {hint}");
        assert_eq!(task(&j, "1.b")["bao_cao"][0]["tien_do"], want, "{raw}");
    }
    for (raw, code) in [
        ("101", "tien-do-sai"),
        ("-1", "tien-do-sai"),
        ("gần xong", "sai-so"),
        ("-.inf", "sai-so"),
        (".nan", "sai-so"),
    ] {
        let j = build_with(&task_body(&format!("tien_do: {raw}")));
        let (got, line, col, _, _) = one(&j);
        assert_eq!(
            (got.as_str(), line, col),
            (code, Some(7), Some(14)),
            "{raw}"
        );
    }
}

#[test]
fn task_ids_in_another_case_or_without_their_dot_with_a_warning() {
    for raw in ["\"1.B\"", "1b", "\"1B\""] {
        let j = build_with(&format!(
            "nhiem_vu:\n  - ma: {raw}\n    trang_thai: dang_thuc_hien\n"
        ));
        let (code, line, col, msg, hint) = one(&j);
        assert_eq!(
            (code.as_str(), line, col),
            ("doi-dang", Some(5), Some(9)),
            "{raw}"
        );
        assert!(msg.contains("được hiểu là '1.b'"), "{raw}: {msg}");
        assert!(hint.contains("ma: \"1.b\""), "{raw}");
        assert_eq!(
            task(&j, "1.b")["bao_cao"][0]["don_vi"],
            "phong-tu-phap",
            "{raw}"
        );
    }
    let j = build_with("nhiem_vu:\n  - ma: \"1.x\"\n    trang_thai: dang_thuc_hien\n");
    let (code, line, col, _, hint) = one(&j);
    assert_eq!(
        (code.as_str(), line, col),
        ("nhiem-vu-la", Some(5), Some(9))
    );
    assert!(hint.contains("1.a, 1.b, 1.c"), "{hint}");
}

#[test]
fn statuses_as_labels_in_any_case_with_or_without_da() {
    for raw in [
        "\"Đã hoàn thành\"",
        "HOÀN THÀNH",
        "hoan_thanh",
        "\"đã hoàn thành\"",
    ] {
        let j = build_with(&format!(
            "nhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: {raw}\n    tien_do: 100\n"
        ));
        assert!(
            diags_of(&j, FILE).is_empty(),
            "{raw}: {:?}",
            diags_of(&j, FILE)
        );
        assert_eq!(task(&j, "1.b")["trang_thai"], "hoan_thanh", "{raw}");
    }
    let j = build_with("nhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: xong\n");
    let (code, line, col, _, hint) = one(&j);
    assert_eq!(
        (code.as_str(), line, col),
        ("trang-thai-la", Some(6), Some(17))
    );
    assert!(
        hint.contains("Hoàn thành") && hint.contains("Chưa thực hiện"),
        "{hint}"
    );
}

#[test]
fn invisible_and_direction_changing_characters_leave_text_and_spoil_ids() {
    let j = build_with(&task_body(
        "ket_qua: \"Đã ban\u{200B}hành 02 kế hoạch\u{202E}\"",
    ));
    let (code, line, col, msg, _) = one(&j);
    assert_eq!((code.as_str(), line, col), ("ky-tu-an", Some(7), Some(14)));
    assert!(
        msg.contains("U+200B (khoảng trắng không nhìn thấy)"),
        "{msg}"
    );
    assert_eq!(
        task(&j, "1.b")["bao_cao"][0]["ket_qua"],
        "Đã banhành 02 kế hoạch",
        "removed from the output"
    );
    // In an id: an error that names the character and gives the id as meant.
    let c = Case::base();
    c.write(
        FILE,
        "don_vi: phong-tu-ph\u{0430}p\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\n",
    );
    let j = c.build_json("2024-Q1");
    let (code, line, col, msg, hint) = one(&j);
    assert_eq!((code.as_str(), line, col), ("ky-tu-gia", Some(1), Some(9)));
    assert!(msg.contains("U+0430") && msg.contains("Kirin"), "{msg}");
    assert!(hint.contains("phong-tu-phap"), "{hint}");
}

#[test]
fn legacy_encoded_text_is_converted_when_unambiguous() {
    let j = build_with(&task_body(
        "ket_qua: \"§· ban hµnh 02 kÕ ho¹ch vÒ c¶i c¸ch hµnh chÝnh\"",
    ));
    let (code, line, _, msg, _) = one(&j);
    assert_eq!((code.as_str(), line), ("bang-ma-cu", Some(7)));
    assert!(
        msg.contains("TCVN3") && msg.contains("Đã ban hành 02 kế hoạch"),
        "{msg}"
    );
    assert_eq!(
        task(&j, "1.b")["bao_cao"][0]["ket_qua"],
        "Đã ban hành 02 kế hoạch về cải cách hành chính"
    );
    assert!(valid(&j));
    let j = build_with(&task_body("ket_qua: \"Qþx ¬¬¬z ®®®w\""));
    let ds = diags_of(&j, FILE);
    assert_eq!(
        (ds[0]["ma_loi"].as_str(), ds[0]["muc_do"].as_str()),
        (Some("bang-ma-cu"), Some("loi"))
    );
}

#[test]
fn contradictions_and_empty_reports_are_warnings() {
    let j = build_with("nhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: hoan_thanh\n    tien_do: 80\n");
    let (code, line, col, _, _) = one(&j);
    assert_eq!(
        (code.as_str(), line, col),
        ("tien-do-mau-thuan", Some(7), Some(14))
    );
    assert!(valid(&j));
    let j = build_with("nhiem_vu: []\nchi_tieu: {}\n");
    let (code, ..) = one(&j);
    assert_eq!(code, "bao-cao-trong");
    assert!(valid(&j));
}
