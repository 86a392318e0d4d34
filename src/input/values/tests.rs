//! One test per row of the value table (docs/du-lieu.md, "Giá trị được chấp nhận").

use super::*;
use crate::diagnostics::code;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn dates_in_every_accepted_form() {
    for raw in [
        "2024-03-12",
        "12/03/2024",
        "12/3/2024",
        "12-03-2024",
        "12.03.2024",
        "12-3-2024",
        " 12.3.2024 ",
    ] {
        assert_eq!(date(raw, "ngay"), Ok(d(2024, 3, 12)), "{raw}");
    }
    assert_eq!(date("15-9-2024", "ngay"), Ok(d(2024, 9, 15)));
    assert_eq!(date("5/1/2024", "ngay"), Ok(d(2024, 1, 5)));
}

#[test]
fn impossible_dates_years_out_of_range_and_other_forms_are_errors() {
    let e = date("2024-02-30", "ngay_bao_cao").unwrap_err();
    assert_eq!(e.code, code::NGAY_KHONG_TON_TAI);
    assert!(e.message.contains("2024-02-30"), "{e:?}");
    // A month over 12: probably written month first; the hint shows the other reading.
    let e = date("03/25/2024", "ngay").unwrap_err();
    assert_eq!(e.code, code::NGAY_KHONG_TON_TAI);
    assert!(e.hint.unwrap().contains("25/03/2024"));
    for raw in ["1899-12-31", "31/12/1899", "01/01/2100", "15/03/1999"] {
        let e = date(raw, "ngay").unwrap_err();
        assert_eq!(e.code, code::NGAY_NGOAI_KHOANG, "{raw}");
        assert!(e.message.contains("2000–2099"), "{raw}");
    }
    for raw in [
        "2024/03/12",
        "2024-3-12",
        "ngày 12 tháng 3",
        "12 03 2024",
        "",
        "12/03",
    ] {
        assert_eq!(date(raw, "ngay").unwrap_err().code, code::SAI_NGAY, "{raw}");
    }
    let e = date("12/03/24", "ngay").unwrap_err();
    assert_eq!(e.code, code::SAI_NGAY);
    assert_eq!(
        e.hint.as_deref(),
        Some("Ghi đủ bốn chữ số của năm: 12/03/2024.")
    );
}

fn ok_count(v: Scalar) -> (i64, Option<Note>) {
    count(v, "hs_tiep_nhan").unwrap()
}

fn err_count(v: Scalar) -> Note {
    count(v, "hs_tiep_nhan").unwrap_err()
}

#[test]
fn counts_integers_silently_quoted_and_leading_zeros_with_a_warning() {
    assert_eq!(ok_count(Scalar::Int(1200, "1200")), (1200, None));
    assert_eq!(ok_count(Scalar::Int(0, "0")), (0, None));
    assert_eq!(ok_count(Scalar::Cell(70.0)), (70, None));
    let (n, w) = ok_count(Scalar::Text("70"));
    assert_eq!(n, 70);
    let w = w.unwrap();
    assert_eq!(w.code, code::DOI_DANG);
    assert_eq!(
        w.hint.as_deref(),
        Some("Ghi số liền, không dấu nháy: hs_tiep_nhan: 70.")
    );
    let (n, w) = ok_count(Scalar::Text("05"));
    assert_eq!(n, 5);
    assert!(w.unwrap().message.contains("chữ số 0 ở đầu"));
    assert_eq!(
        ok_count(Scalar::Int(MAX_COUNT, "1000000000000")).0,
        MAX_COUNT
    );
}

#[test]
fn thousands_separators_are_errors_that_say_write_1250() {
    // "1.250" is what YAML reads as 1.25: one thousand two hundred and fifty, Vietnamese style.
    for v in [
        Scalar::Float(1.25, "1.250"),
        Scalar::Text("1,250"),
        Scalar::Text("1 250"),
        Scalar::Text("1.250"),
    ] {
        let e = err_count(v);
        assert_eq!(e.code, code::SO_NGAN_CACH, "{v:?}");
        assert!(
            e.hint.as_deref().unwrap().contains("ghi 1250"),
            "{v:?}: {e:?}"
        );
    }
    let e = err_count(Scalar::Float(1.25, "1.250"));
    assert!(
        e.message.contains("1250") && e.message.contains("1,250"),
        "both readings: {e:?}"
    );
    let hint = err_count(Scalar::Text("12.500.000")).hint.unwrap();
    assert!(hint.contains("12500000"), "{hint}");
}

#[test]
fn decimals_negatives_other_bases_and_huge_counts_are_errors() {
    assert_eq!(err_count(Scalar::Float(1.5, "1.5")).code, code::SO_LE);
    assert_eq!(err_count(Scalar::Text("85,5")).code, code::SO_LE);
    assert_eq!(err_count(Scalar::Cell(2.5)).code, code::SO_LE);
    assert_eq!(err_count(Scalar::Int(-5, "-5")).code, code::SO_AM);
    assert_eq!(err_count(Scalar::Text("-5")).code, code::SO_AM);
    for v in [
        Scalar::Int(16, "0x10"),
        Scalar::Int(8, "0o10"),
        Scalar::Float(1e308, "1e308"),
        Scalar::Float(f64::INFINITY, ".inf"),
        Scalar::Float(f64::NAN, ".nan"),
        Scalar::Text("1e3"),
    ] {
        assert_eq!(err_count(v).code, code::SAI_SO, "{v:?}");
    }
    let e = err_count(Scalar::Int(MAX_COUNT + 1, "1000000000001"));
    assert_eq!(e.code, code::SAI_SO);
    assert!(e.message.contains("1.000.000.000.000"));
    assert_eq!(err_count(Scalar::Text("mười")).code, code::SAI_SO);
    assert_eq!(err_count(Scalar::Other("một danh sách")).code, code::SAI_SO);
}

fn ok_progress(v: Scalar) -> (Num, Option<Note>) {
    progress(v, "tien_do").unwrap()
}

#[test]
fn progress_from_0_to_100_decimal_comma_quotes_and_percent_with_a_warning() {
    assert_eq!(ok_progress(Scalar::Int(40, "40")), (Num::Int(40), None));
    assert_eq!(
        ok_progress(Scalar::Float(85.5, "85.5")),
        (Num::Float(85.5), None)
    );
    assert_eq!(ok_progress(Scalar::Int(0, "0")).0, Num::Int(0));
    assert_eq!(ok_progress(Scalar::Int(100, "100")).0, Num::Int(100));
    for (raw, want) in [
        ("85,5", Num::Float(85.5)),
        ("70", Num::Int(70)),
        ("85%", Num::Int(85)),
        ("85,5 %", Num::Float(85.5)),
    ] {
        let (n, w) = ok_progress(Scalar::Text(raw));
        assert_eq!(n, want, "{raw}");
        let w = w.unwrap();
        assert_eq!(w.code, code::DOI_DANG, "{raw}");
        assert!(
            w.hint.unwrap().contains(&format!("tien_do: {want}")),
            "{raw}"
        );
    }
}

#[test]
fn progress_outside_0_100_or_not_a_number_is_an_error() {
    for v in [
        Scalar::Int(120, "120"),
        Scalar::Int(-1, "-1"),
        Scalar::Text("101%"),
        Scalar::Float(100.5, "100.5"),
    ] {
        assert_eq!(
            progress(v, "tien_do").unwrap_err().code,
            code::TIEN_DO_SAI,
            "{v:?}"
        );
    }
    for v in [
        Scalar::Text("gần xong"),
        Scalar::Int(16, "0x10"),
        Scalar::Float(1e2, "1e2"),
        Scalar::Other("một danh sách"),
    ] {
        assert_eq!(
            progress(v, "tien_do").unwrap_err().code,
            code::SAI_SO,
            "{v:?}"
        );
    }
}

#[test]
fn statuses_as_codes_and_labels_in_any_case_form_and_with_da() {
    use unicode_normalization::UnicodeNormalization;
    let nfd: String = "Đang Thực Hiện".nfd().collect();
    let cases = [
        ("hoan_thanh", Some(Status::Done)),
        ("HOAN_THANH", Some(Status::Done)),
        ("Hoàn thành", Some(Status::Done)),
        ("HOÀN THÀNH", Some(Status::Done)),
        (" hoàn thành ", Some(Status::Done)),
        ("Đã hoàn thành", Some(Status::Done)),
        ("đã chậm tiến độ", Some(Status::Behind)),
        (nfd.as_str(), Some(Status::InProgress)),
        ("cham_tien_do", Some(Status::Behind)),
        ("Chậm tiến độ", Some(Status::Behind)),
        ("chưa thực hiện", Some(Status::NotStarted)),
        ("chua_bao_cao", None),
        ("Chưa báo cáo", None),
        ("hoan thanh", None),
        ("xong", None),
    ];
    for (input, want) in cases {
        assert_eq!(status(input), want, "{input}");
    }
}
