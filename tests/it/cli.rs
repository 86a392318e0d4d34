//! End-to-end tests: the real `baocao` binary on fixture data folders.
//!
//! Every case starts from `tests/fixtures/base/` (configuration, six units in three groups,
//! a six-task plan for 2024, four indicators) and lays the files of `tests/cases/<case>/`
//! over it; a few cases write generated files (odd encodings, huge or binary files) instead.

use crate::common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

// ---------------------------------------------------------------------------------------------
// Bad files: each gives exactly one diagnostic at the right place, in Vietnamese.

const FILE: &str = "nop/phong-tu-phap/2024-Q1.yaml";

struct Bad {
    case: &'static str,
    line: Option<u64>,
    col: Option<u64>,
    code: &'static str,
    message: &'static str,
    hint: &'static str,
}

const fn bad(
    case: &'static str,
    at: Option<(u64, u64)>,
    code: &'static str,
    message: &'static str,
    hint: &'static str,
) -> Bad {
    let (line, col) = match at {
        Some((l, c)) => (Some(l), Some(c)),
        None => (None, None),
    };
    Bad {
        case,
        line,
        col,
        code,
        message,
        hint,
    }
}

const BAD_FILES: &[Bad] = &[
    bad(
        "loi-tab",
        Some((6, 1)),
        "yaml-tab",
        "thụt lề bằng phím Tab",
        "dấu cách",
    ),
    bad(
        "loi-nhay",
        Some((7, 14)),
        "yaml-thieu-nhay",
        "không có dấu nháy đóng",
        "\\\"",
    ),
    bad(
        "loi-khoa-trung",
        Some((4, 1)),
        "khoa-trung",
        "Khóa 'ngay_bao_cao' xuất hiện hai lần",
        "một lần",
    ),
    bad(
        "loi-khoa-la",
        Some((7, 5)),
        "khoa-la",
        "Khóa 'ket_qau' không có trong mẫu nhiệm vụ",
        "có phải ý bạn là 'ket_qua'?",
    ),
    bad(
        "loi-thieu-khoa",
        Some((1, 1)),
        "thieu-khoa",
        "Thiếu khóa bắt buộc 'ngay_bao_cao'",
        "ngay_bao_cao: ...",
    ),
    bad(
        "loi-kieu-so",
        Some((7, 14)),
        "sai-so",
        "'tien_do' phải là một số, nhưng ở đây là \"bốn mươi\"",
        "chữ số",
    ),
    bad(
        "loi-kieu-chu",
        Some((8, 7)),
        "sai-kieu",
        "'ket_qua' phải là một đoạn chữ",
        "dấu nháy kép",
    ),
    bad(
        "loi-don-vi",
        Some((1, 9)),
        "don-vi-la",
        "Đơn vị 'phong-tu-phaq' không có trong danh mục",
        "có phải ý bạn là 'phong-tu-phap'?",
    ),
    bad(
        "loi-nhiem-vu",
        Some((5, 9)),
        "nhiem-vu-la",
        "Nhiệm vụ '2.dd' không có trong kế hoạch năm 2024",
        "có phải ý bạn là '2.đ'?",
    ),
    bad(
        "loi-trang-thai",
        Some((6, 17)),
        "trang-thai-la",
        "Trạng thái 'hoan thanh' không hợp lệ",
        "có phải ý bạn là 'hoan_thanh'?",
    ),
    bad(
        "loi-tien-do",
        Some((7, 14)),
        "tien-do-sai",
        "Tiến độ 150 nằm ngoài khoảng 0 đến 100",
        "phần trăm",
    ),
    bad(
        "loi-tien-do-am",
        Some((7, 14)),
        "tien-do-sai",
        "Tiến độ -5 nằm ngoài khoảng 0 đến 100",
        "phần trăm",
    ),
    bad(
        "loi-ngay-iso",
        Some((3, 15)),
        "ngay-khong-ton-tai",
        "Ngày '2024-02-30' (ngay_bao_cao) không tồn tại",
        "tháng 2",
    ),
    bad(
        "loi-ngay-vn",
        Some((3, 15)),
        "ngay-khong-ton-tai",
        "Ngày '30/02/2024' (ngay_bao_cao) không tồn tại",
        "tháng 2",
    ),
    bad(
        "loi-ky",
        Some((2, 13)),
        "ky-sai",
        "quý Q1 đến Q4",
        "2024-NAM",
    ),
    bad(
        "loi-nam-khong-co-ke-hoach",
        Some((2, 13)),
        "khong-co-ke-hoach",
        "Chưa có kế hoạch CCHC năm 2023",
        "2024",
    ),
    bad(
        "loi-so-am",
        Some((8, 17)),
        "so-am",
        "'hs_tiep_nhan' không được âm",
        "",
    ),
    bad(
        "loi-ty-le",
        Some((9, 3)),
        "ty-le-nop",
        "'ty_le_dung_han' là chỉ tiêu tỷ lệ",
        "'hs_dung_han' và 'hs_tiep_nhan'",
    ),
    bad(
        "loi-nhiem-vu-lap",
        Some((9, 9)),
        "nhiem-vu-lap",
        "Nhiệm vụ '1.b' được báo cáo hai lần trong tệp (lần đầu ở dòng 5)",
        "Gộp",
    ),
    bad(
        "loi-tep-rong",
        None,
        "tep-rong",
        "không có nội dung báo cáo",
        "biểu mẫu",
    ),
    bad(
        "loi-chi-chu-thich",
        None,
        "tep-rong",
        "chỉ có dòng chú thích",
        "biểu mẫu",
    ),
    bad(
        "loi-danh-sach",
        Some((1, 1)),
        "sai-kieu",
        "nhưng ở đây là một danh sách",
        "don_vi: ...",
    ),
    bad(
        "loi-chi-tieu-la",
        Some((8, 3)),
        "chi-tieu-la",
        "Chỉ tiêu 'hs_tiep_nhn' không có trong danh mục",
        "có phải ý bạn là 'hs_tiep_nhan'?",
    ),
    bad("loi-bi-danh", Some((9, 10)), "yaml-qua-lon", "bí danh", "&"),
];

#[test]
fn every_bad_file_gets_one_located_vietnamese_error_and_is_rejected() {
    for b in BAD_FILES {
        let c = Case::new(b.case);
        let o = c.run("build", &["--ky", "2024-Q1"]);
        assert_eq!(
            o.status.code(),
            Some(0),
            "{}: build still writes the report",
            b.case
        );
        let j = c.json("2024-Q1");
        let ds = diags_of(&j, FILE);
        assert_eq!(ds.len(), 1, "{}: {ds:#?}", b.case);
        let d = ds[0];
        assert_eq!(d["muc_do"], "loi", "{}", b.case);
        assert_eq!(d["ma_loi"], b.code, "{}: {d}", b.case);
        assert_eq!(d["dong"].as_u64(), b.line, "{}: line", b.case);
        assert_eq!(d["cot"].as_u64(), b.col, "{}: column", b.case);
        let msg = d["thong_diep"].as_str().unwrap();
        assert!(msg.contains(b.message), "{}: {msg}", b.case);
        let hint = d["goi_y"].as_str().unwrap_or("");
        assert!(hint.contains(b.hint), "{}: {hint}", b.case);
        let u = unit(&j, "phong-tu-phap");
        // The unit sent something: it counts for the period of its ky_bao_cao, or of the
        // code in the file's name when ky_bao_cao cannot be read. A file for a year without a
        // plan counts for that period, which cannot be built.
        let counted = b.case != "loi-nam-khong-co-ke-hoach";
        assert_eq!(u["da_nop"], counted, "{}: da_nop", b.case);
        assert_eq!(u["hop_le"], false, "{}", b.case);
        assert_eq!(u["tep"].is_null(), u["da_nop"] == false, "{}", b.case);

        // `check` lists the same problem with file, line and column, and exits 1.
        let o = c.run("check", &[]);
        assert_eq!(o.status.code(), Some(1), "{}", b.case);
        let err = stderr(&o);
        assert!(err.contains(FILE), "{}: {err}", b.case);
        assert!(err.contains(b.message), "{}: {err}", b.case);
        if let (Some(l), Some(col)) = (b.line, b.col) {
            assert!(
                err.contains(&format!("{FILE}:{l}:{col}")),
                "{}: {err}",
                b.case
            );
        }
    }
}

#[test]
fn warnings_keep_the_file() {
    let cases = [
        (
            "canh-bao-tu-so",
            "tu-so-lon-hon",
            (9, 16),
            "'hs_dung_han' (120) lớn hơn 'hs_tiep_nhan' (100)",
        ),
        ("canh-bao-tcvn3", "bang-ma-cu", (7, 14), "bảng mã cũ TCVN3"),
        ("canh-bao-ky-tu", "ky-tu-cam", (7, 26), "2 ký tự điều khiển"),
        (
            "canh-bao-ngoai-nhiem-vu",
            "ngoai-nhiem-vu",
            (5, 9),
            "không chủ trì cũng không phối hợp thực hiện nhiệm vụ '2.a'",
        ),
    ];
    for (case, code, (line, col), message) in cases {
        let c = Case::new(case);
        let j = c.build_json("2024-Q1");
        let ds = diags_of(&j, FILE);
        assert_eq!(ds.len(), 1, "{case}: {ds:#?}");
        assert_eq!(ds[0]["muc_do"], "canh_bao");
        assert_eq!(ds[0]["ma_loi"], code);
        assert_eq!(
            (ds[0]["dong"].as_u64(), ds[0]["cot"].as_u64()),
            (Some(line), Some(col)),
            "{case}"
        );
        assert!(
            ds[0]["thong_diep"].as_str().unwrap().contains(message),
            "{case}: {}",
            ds[0]
        );
        assert_eq!(unit(&j, "phong-tu-phap")["hop_le"], true, "{case}");
        assert_eq!(
            c.run("check", &[]).status.code(),
            Some(0),
            "{case}: warnings alone pass check"
        );
    }
    // The removed control characters are gone from the output, the text around them kept.
    let c = Case::new("canh-bao-ky-tu");
    let j = c.build_json("2024-Q1");
    let r = &task(&j, "1.b")["bao_cao"][0]["ket_qua"];
    assert_eq!(r, "Đã ban hànhkế hoạch số 12");
    // A report on a task outside the unit's role is listed but does not decide its status.
    let c = Case::new("canh-bao-ngoai-nhiem-vu");
    let j = c.build_json("2024-Q1");
    let t = task(&j, "2.a");
    assert_eq!(t["bao_cao"][0]["don_vi"], "phong-tu-phap");
    assert_eq!(t["bao_cao"][0]["vai_tro"], "khac");
    assert_eq!(t["trang_thai"], "chua_bao_cao");
}

// ---------------------------------------------------------------------------------------------
// Bytes: encodings, binary files, sizes, nesting.

fn valid_text(extra_result: &str) -> String {
    format!(
        "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nnhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: Đang thực hiện\n    ket_qua: \"{extra_result}\"\n"
    )
}

#[test]
fn utf8_bom_and_utf16_with_bom_are_read_and_nfd_is_normalised() {
    use unicode_normalization::UnicodeNormalization;
    let text = valid_text("Đã thẩm định 03 dự thảo");
    let utf16 = |le: bool| {
        let mut b = if le {
            vec![0xFF, 0xFE]
        } else {
            vec![0xFE, 0xFF]
        };
        for u in text.encode_utf16() {
            b.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        b
    };
    let variants: Vec<(&str, Vec<u8>)> = vec![
        (
            "bom",
            [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        ),
        ("utf16le", utf16(true)),
        ("utf16be", utf16(false)),
        ("nfd", text.nfd().collect::<String>().into_bytes()),
    ];
    for (name, bytes) in variants {
        let c = Case::base();
        c.write(FILE, bytes);
        let j = c.build_json("2024-Q1");
        assert!(diags_of(&j, FILE).is_empty(), "{name}: {}", j["chan_doan"]);
        assert_eq!(unit(&j, "phong-tu-phap")["hop_le"], true, "{name}");
        let r = &task(&j, "1.b")["bao_cao"][0];
        assert_eq!(r["ket_qua"], "Đã thẩm định 03 dự thảo", "{name}");
        assert_eq!(r["trang_thai"], "dang_thuc_hien", "{name}");
    }
}

#[test]
fn unreadable_bytes_are_rejected_with_how_to_fix() {
    let windows_1258 = b"don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\n# Pho\xCCng T\xDD pha\xD2p\n".to_vec();
    let utf16_no_bom: Vec<u8> = valid_text("x").bytes().flat_map(|b| [b, 0]).collect();
    type Bytes = (
        &'static str,
        Vec<u8>,
        &'static str,
        &'static str,
        Option<(u64, u64)>,
    );
    let cases: Vec<Bytes> = vec![
        (
            "windows-1258",
            windows_1258,
            "ma-hoa",
            "không được lưu bằng mã UTF-8",
            Some((4, 6)),
        ),
        (
            "pdf",
            b"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj".to_vec(),
            "tep-nhi-phan",
            "tệp PDF",
            None,
        ),
        (
            "docx",
            b"PK\x03\x04\x14\x00\x06\x00".to_vec(),
            "tep-nhi-phan",
            "DOCX",
            None,
        ),
        ("utf16-no-bom", utf16_no_bom, "tep-nhi-phan", "UTF-16", None),
    ];
    for (name, bytes, code, message, at) in cases {
        let c = Case::base();
        c.write(FILE, bytes);
        let j = c.build_json("2024-Q1");
        let ds = diags_of(&j, FILE);
        assert_eq!(ds.len(), 1, "{name}");
        assert_eq!(ds[0]["ma_loi"], code, "{name}");
        assert!(
            ds[0]["thong_diep"].as_str().unwrap().contains(message),
            "{name}: {}",
            ds[0]
        );
        assert!(
            ds[0]["goi_y"].as_str().is_some(),
            "{name}: a hint says how to fix it"
        );
        if let Some((l, col)) = at {
            assert_eq!(
                (ds[0]["dong"].as_u64(), ds[0]["cot"].as_u64()),
                (Some(l), Some(col)),
                "{name}"
            );
            assert!(ds[0]["goi_y"].as_str().unwrap().contains("UTF-8"));
        }
    }
}

#[test]
fn huge_and_deeply_nested_files_are_refused_quickly() {
    let c = Case::base();
    // Just over 10 MiB: refused by its size before it is read.
    let mut big = valid_text("x").into_bytes();
    big.resize(10 * 1024 * 1024 + 1, b'#');
    c.write(FILE, &big);
    c.write(
        "nop/van-phong/2024-Q1.yaml",
        format!(
            "don_vi: van-phong\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nx: {}\n",
            "[".repeat(100_000)
        ),
    );
    let t = std::time::Instant::now();
    let j = c.build_json("2024-Q1");
    assert!(t.elapsed().as_secs() < 30);
    let d = diags_of(&j, FILE);
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["ma_loi"], "tep-qua-lon");
    assert!(d[0]["thong_diep"].as_str().unwrap().contains("10 MB"));
    let d = diags_of(&j, "nop/van-phong/2024-Q1.yaml");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["ma_loi"], "yaml-qua-sau");
}

// ---------------------------------------------------------------------------------------------
// The merge rules (docs/du-lieu.md, "Bản tổng hợp JSON").

#[test]
fn city_level_status_of_each_task_follows_the_rules() {
    let c = Case::new("tron-ven");
    let j = c.build_json("2024-Q1");
    assert_eq!(j["ky"], "2024-Q1");
    assert_eq!(j["tu_ngay"], "2023-12-15");
    assert_eq!(j["den_ngay"], "2024-03-14");
    assert_eq!(j["tong_so_nhiem_vu"], 6);
    // Every lead completed; the coordinator's "đang thực hiện" does not count.
    assert_eq!(task(&j, "1.a")["trang_thai"], "hoan_thanh");
    // Due on 31/01, only in progress: behind schedule and overdue. A non-lead's
    // "hoàn thành" (ubnd-xa-c) changes nothing.
    assert_eq!(task(&j, "1.b")["trang_thai"], "cham_tien_do");
    assert_eq!(task(&j, "1.b")["qua_han"], true);
    // One lead completed, one not started, two silent: in progress.
    assert_eq!(task(&j, "1.c")["trang_thai"], "dang_thuc_hien");
    // The lead reports behind schedule; not yet due (31/03 is after 14/03).
    assert_eq!(task(&j, "2.a")["trang_thai"], "cham_tien_do");
    assert_eq!(task(&j, "2.a")["qua_han"], false);
    // Both leads: not started.
    assert_eq!(task(&j, "2.b")["trang_thai"], "chua_thuc_hien");
    // The lead did not report it (van-phong's report is not a lead's).
    assert_eq!(task(&j, "2.đ")["trang_thai"], "chua_bao_cao");
    assert_eq!(task(&j, "2.đ")["nhan"], "đ)");
    let counts = &j["dem_trang_thai"];
    assert_eq!(counts["hoan_thanh"], 1);
    assert_eq!(counts["dang_thuc_hien"], 1);
    assert_eq!(counts["cham_tien_do"], 2);
    assert_eq!(counts["chua_thuc_hien"], 1);
    assert_eq!(counts["chua_bao_cao"], 1);
    assert_eq!(j["qua_han"], 1);
}

#[test]
fn leads_are_expanded_in_plan_then_registry_order_and_reports_listed_by_registry() {
    let c = Case::new("tron-ven");
    let j = c.build_json("2024-Q1");
    let t = task(&j, "1.c");
    // chu_tri: ["@tthc", "@xa-phuong"]: tthc members in registry order, then the commune
    // and wards not already listed.
    assert_eq!(
        ids(&t["chu_tri"]),
        ["phong-tu-phap", "ubnd-xa-b", "ubnd-phuong-a", "ubnd-xa-c"]
    );
    assert_eq!(ids(&t["chua_bao_cao"]), ["ubnd-phuong-a", "ubnd-xa-c"]);
    let t = task(&j, "1.a");
    assert_eq!(
        ids(&t["chu_tri"]),
        ["phong-tu-phap", "ubnd-phuong-a", "ubnd-xa-b", "ubnd-xa-c"]
    );
    let reporters: Vec<(&str, &str)> = t["bao_cao"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["don_vi"].as_str().unwrap(),
                r["vai_tro"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        reporters,
        [
            ("phong-noi-vu", "phoi_hop"),
            ("phong-tu-phap", "chu_tri"),
            ("ubnd-phuong-a", "chu_tri"),
            ("ubnd-xa-b", "chu_tri"),
            ("ubnd-xa-c", "chu_tri")
        ]
    );
    assert_eq!(t["bao_cao"][1]["tien_do"], 100);
    assert!(
        task(&j, "2.b")["bao_cao"][1]["tien_do"].is_null(),
        "no tien_do in the file: null"
    );
}

#[test]
fn indicators_are_sums_and_ratios_of_sums() {
    let c = Case::new("tron-ven");
    let j = c.build_json("2024-Q1");
    assert_eq!(indicator(&j, "hs_tiep_nhan"), serde_json::json!(1000));
    assert_eq!(indicator(&j, "hs_dung_han"), serde_json::json!(100));
    // 100/1000, not the mean of 90% and 1.1%.
    assert_eq!(indicator(&j, "ty_le_dung_han"), serde_json::json!(10.0));
    // 12 + 10: counts are integers (a decimal count is an error, see the value table).
    assert_eq!(indicator(&j, "kinh_phi"), serde_json::json!(22));
    // Nobody gave it: null; the ratio of nothing is null.
    let c = Case::base();
    c.write(
        "nop/phong-tu-phap/2024-Q2.yaml",
        "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q2\nngay_bao_cao: 2024-06-12\n",
    );
    let j = c.build_json("2024-Q1");
    assert!(indicator(&j, "hs_tiep_nhan").is_null());
    assert!(indicator(&j, "ty_le_dung_han").is_null());
}

#[test]
fn annual_report_due_dates_differ_between_nd09_and_calendar_cut_offs() {
    // ND09: the year closes on 14/12; a recurring task is due then, a 31/12 milestone is not.
    let j = Case::new("ky-nam").build_json("2024-NAM");
    assert_eq!(j["den_ngay"], "2024-12-14");
    assert_eq!(task(&j, "1.a")["trang_thai"], "cham_tien_do");
    assert_eq!(task(&j, "1.a")["qua_han"], true);
    assert_eq!(task(&j, "1.c")["trang_thai"], "dang_thuc_hien");
    assert_eq!(task(&j, "1.c")["qua_han"], false);
    // Calendar: the year closes on 31/12 and both are due.
    let j = Case::new("ky-nam-lich").build_json("2024-NAM");
    assert_eq!(j["tu_ngay"], "2024-01-01");
    assert_eq!(j["den_ngay"], "2024-12-31");
    assert_eq!(task(&j, "1.c")["trang_thai"], "cham_tien_do");
    assert_eq!(task(&j, "1.c")["qua_han"], true);
    // A task without any date is never overdue.
    assert_eq!(task(&j, "2.b")["qua_han"], false);
    assert_eq!(task(&j, "2.b")["han"], Value::Null);
}

#[test]
fn on_time_means_on_or_before_the_deadline_day() {
    let c = Case::new("dung-han");
    let j = c.build_json("2024-Q1");
    assert_eq!(j["han_nop"], "2024-03-17");
    assert_eq!(
        unit(&j, "phong-tu-phap")["dung_han"],
        true,
        "17/03 is the last day"
    );
    assert_eq!(unit(&j, "ubnd-xa-b")["dung_han"], false, "18/03 is late");
    assert_eq!(
        unit(&j, "ubnd-xa-b")["hop_le"],
        true,
        "a late report is still valid"
    );
    assert_eq!(j["dem_don_vi"]["nop_tre"], 1);
    let j = c.build_json("2024-6T");
    assert_eq!(unit(&j, "van-phong")["dung_han"], true);
    let j = c.build_json("2024-NAM");
    assert_eq!(j["han_nop"], "2024-12-19");
    assert_eq!(unit(&j, "phong-noi-vu")["dung_han"], true);
    assert_eq!(unit(&j, "ubnd-xa-c")["dung_han"], false);
}

#[test]
fn files_whose_period_cannot_be_read_are_listed_in_every_period_and_count_for_none() {
    let c = Case::new("ky-khong-doc");
    let o = c.run("build", &[]);
    assert_ok(&o);
    // The periods built are those of readable files whose year has a plan.
    let built: Vec<String> = std::fs::read_dir(c.out())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != ".baocao")
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(built, ["2024-6T", "2024-9T", "2024-Q1"]);
    for ky in ["2024-Q1", "2024-6T", "2024-9T"] {
        let j = c.json(ky);
        let listed: Vec<&str> = j["chan_doan"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["tep"].as_str().unwrap())
            .collect();
        assert_eq!(
            listed,
            [
                "nop/phong-tu-phap/hong.yaml",
                "nop/ubnd-xa-b/q5.yaml",
                "nop/van-phong/2025-Q1.yaml"
            ],
            "{ky}"
        );
        for u in ["phong-tu-phap", "ubnd-xa-b", "van-phong"] {
            assert_eq!(unit(&j, u)["da_nop"], false, "{ky} {u}");
        }
    }
    // The period comes from ky_bao_cao, never the file name; other periods' files have no effect.
    assert_eq!(
        indicator(&c.json("2024-Q1"), "hs_tiep_nhan"),
        serde_json::json!(5)
    );
    assert_eq!(
        indicator(&c.json("2024-6T"), "hs_tiep_nhan"),
        serde_json::json!(50)
    );
    assert_eq!(
        unit(&c.json("2024-9T"), "ubnd-xa-c")["tep"],
        "nop/ubnd-xa-c/ten-tep-ghi-quy-1.yaml"
    );
}

#[test]
fn diagnostics_are_sorted_by_file_line_and_column() {
    let c = Case::new("nop-lai");
    c.write("nop/phong-noi-vu/x.yaml", "don_vi: phong-noi-vu\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nnhiem_vu:\n  - ma: \"9.z\"\n    trang_thai: khong\n    tien_do: 300\n");
    c.write("nop/a.yaml", "");
    let j = c.build_json("2024-Q1");
    let keys: Vec<(String, Option<u64>, Option<u64>)> = j["chan_doan"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["tep"].as_str().unwrap().to_string(),
                d["dong"].as_u64(),
                d["cot"].as_u64(),
            )
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(keys[0].0, "nop/a.yaml");
    let noi_vu: Vec<_> = keys
        .iter()
        .filter(|k| k.0 == "nop/phong-noi-vu/x.yaml")
        .map(|k| (k.1, k.2))
        .collect();
    assert_eq!(
        noi_vu,
        [(Some(5), Some(9)), (Some(6), Some(17)), (Some(7), Some(14))]
    );
}

// ---------------------------------------------------------------------------------------------
// Whole runs: the sample data, determinism, exit statuses, fatal errors, the CLI.

#[test]
fn sample_data_builds_four_periods_without_errors() {
    let tmp = tempfile::tempdir().unwrap();
    assert_ok(&build(&root().join("data"), tmp.path()));
    for ky in ["2024-Q1", "2024-6T", "2024-Q3", "2024-NAM"] {
        let j = json_at(tmp.path(), ky);
        assert_eq!(j["tong_so_nhiem_vu"], 40, "{ky}");
        let counts = &j["dem_trang_thai"];
        let sum: u64 = [
            "hoan_thanh",
            "dang_thuc_hien",
            "cham_tien_do",
            "chua_thuc_hien",
            "chua_bao_cao",
        ]
        .iter()
        .map(|k| counts[k].as_u64().unwrap())
        .sum();
        assert_eq!(sum, 40, "{ky}");
        assert_eq!(j["nhiem_vu"].as_array().unwrap().len(), 40);
        assert_eq!(j["don_vi"].as_array().unwrap().len(), 39);
        let errors = j["chan_doan"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["muc_do"] == "loi")
            .count();
        assert_eq!(errors, 0, "{ky}: {}", j["chan_doan"]);
    }
}

#[test]
fn two_builds_give_byte_identical_json() {
    let c = Case::new("nop-lai");
    let a = c.build_into("a");
    let b = c.build_into("b");
    let read = |p: &Path| std::fs::read(p.join("2024-Q1/tong-hop-2024-Q1.json")).unwrap();
    assert_eq!(read(&a), read(&b));
}

#[test]
fn strict_exits_1_when_a_file_is_rejected_but_still_writes() {
    let c = Case::new("loi-tien-do");
    let o = c.run("build", &["--strict"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(c.out().join("2024-Q1/tong-hop-2024-Q1.json").is_file());
    let c = Case::new("tron-ven");
    assert_eq!(
        c.run("build", &["--strict"]).status.code(),
        Some(0),
        "warnings do not fail --strict"
    );
}

#[test]
fn a_broken_registry_or_plan_stops_everything_with_exit_2_and_no_output() {
    let c = Case::new("tron-ven");
    c.write(
        "don-vi.yaml",
        "nhom: []\ndon_vi:\n  - ma: Phong Noi Vu\n    ten: \"Phòng Nội vụ\"\n",
    );
    let o = c.run("build", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("don-vi.yaml"), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("Mã đơn vị 'Phong Noi Vu' không hợp lệ"),
        "{}",
        stderr(&o)
    );
    assert!(!c.out().exists(), "nothing partial is left behind");

    let c = Case::new("tron-ven");
    let plan = std::fs::read_to_string(c.data().join("ke-hoach/2024.yaml")).unwrap();
    c.write(
        "ke-hoach/2024.yaml",
        plan.replace("chu_tri: [van-phong]", "chu_tri: [van-phong-ubnd]"),
    );
    let o = c.run("check", &[]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("ke-hoach/2024.yaml"), "{err}");
    assert!(
        err.contains("Đơn vị 'van-phong-ubnd' không có trong danh mục"),
        "{err}"
    );
    assert!(err.contains("có phải ý bạn là 'van-phong'?"), "{err}");
}

#[test]
fn a_period_without_a_plan_or_an_unwritable_output_is_fatal() {
    let c = Case::new("tron-ven");
    let o = c.run("build", &["--ky", "2025-Q1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Chưa có kế hoạch CCHC năm 2025"));
    assert!(!c.out().exists());

    // The output folder is a file: nothing can be written; exit 2.
    let c = Case::new("tron-ven");
    std::fs::write(c.out(), b"not a folder").unwrap();
    let o = c.run("build", &[]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("Không ghi được"), "{}", stderr(&o));

    // A failed run leaves the previous outputs untouched.
    let c = Case::new("tron-ven");
    c.run("build", &[]);
    let before = std::fs::read(c.out().join("2024-Q1/tong-hop-2024-Q1.json")).unwrap();
    c.write(
        "nop/phong-noi-vu/2024-6T.yaml",
        "don_vi: phong-noi-vu\nky_bao_cao: 2024-6T\nngay_bao_cao: 2024-06-12\n",
    );
    std::fs::write(c.data().join("cau-hinh.yaml"), "co_quan_ban_hanh: 12\n").unwrap();
    assert_eq!(c.run("build", &[]).status.code(), Some(2));
    assert_eq!(
        std::fs::read(c.out().join("2024-Q1/tong-hop-2024-Q1.json")).unwrap(),
        before
    );
    assert!(!c.out().join("2024-6T").exists());
}

#[test]
fn check_lists_every_problem_and_build_still_uses_the_good_files() {
    let c = Case::new("tron-ven");
    c.write("nop/phong-noi-vu/2024-Q1.yaml", "don_vi: phong-noi-vu\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-11\nnhiem_vu:\n  - ma: \"2.x\"\n    trang_thai: dang_thuc_hien\n    tien_do: 101\n");
    c.write("nop/ubnd-xa-c/2024-Q1.yaml", "don_vi: ubnd-xa-c\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-14\nnhiem_vu:\n\t- ma: 1.a\n");
    let o = c.run("check", &[]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for loc in [
        "nop/phong-noi-vu/2024-Q1.yaml:5:9",
        "nop/phong-noi-vu/2024-Q1.yaml:7:14",
        "nop/ubnd-xa-c/2024-Q1.yaml:5:1",
    ] {
        assert!(err.contains(loc), "{loc} in {err}");
    }
    assert!(
        stdout(&o).contains("Đã kiểm tra 6 tệp báo cáo: 3 lỗi, 1 cảnh báo."),
        "{}",
        stdout(&o)
    );
    let j = c.build_json("2024-Q1");
    assert_eq!(unit(&j, "phong-tu-phap")["hop_le"], true);
    assert_eq!(unit(&j, "phong-noi-vu")["hop_le"], false);
    assert_eq!(unit(&j, "ubnd-xa-c")["hop_le"], false);
    assert_eq!(
        indicator(&j, "hs_tiep_nhan"),
        serde_json::json!(1000),
        "the good files' figures are all there"
    );
}

#[test]
fn help_and_argument_errors_are_in_vietnamese() {
    let o = Command::new(BIN).arg("--help").output().unwrap();
    assert_ok(&o);
    let out = stdout(&o);
    for s in [
        "Cách dùng:",
        "Lệnh",
        "build",
        "check",
        "status",
        "Ví dụ:",
        "baocao status --ky 2024-Q1",
        "Mã thoát",
    ] {
        assert!(out.contains(s), "{s} in {out}");
    }
    let o = Command::new(BIN)
        .args(["build", "--help"])
        .output()
        .unwrap();
    assert!(
        stdout(&o).contains("--ky <KỲ>") && stdout(&o).contains("Ví dụ:"),
        "{}",
        stdout(&o)
    );
    // No clap English left in any command's help: defaults are said in Vietnamese.
    for cmd in ["build", "check", "status", "forms", "remind"] {
        let o = Command::new(BIN).args([cmd, "--help"]).output().unwrap();
        let help = stdout(&o);
        assert!(help.contains("(mặc định: data)"), "{cmd}: {help}");
        for english in ["[default", "Usage", "Options", "possible values"] {
            assert!(!help.contains(english), "{cmd}: {english} in {help}");
        }
    }
    let o = Command::new(BIN)
        .args(["build", "--ky", "2024-Q5"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("quý Q1 đến Q4"), "{}", stderr(&o));
    let o = Command::new(BIN).arg("biuld").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("lệnh 'biuld' không tồn tại"),
        "{}",
        stderr(&o)
    );
    let o = Command::new(BIN).arg("status").output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("thiếu tùy chọn bắt buộc"),
        "{}",
        stderr(&o)
    );
}

/// Generated data folders with hundreds of units, against the independent Python
/// implementation of the merge rules in `tests/differential/` (needs `python3`).
#[test]
fn generated_folders_agree_with_the_independent_oracle() {
    for seed in [7, 19, 31] {
        let tmp = tempfile::tempdir().unwrap();
        let generated = Command::new("python3")
            .arg(root().join("tests/differential/gen.py"))
            .args([
                "--seed",
                &seed.to_string(),
                "--units",
                "250",
                "--tasks",
                "45",
            ])
            .arg(tmp.path())
            .output()
            .expect("python3 is needed for the differential test");
        assert!(generated.status.success(), "{}", stderr(&generated));
        assert_ok(&build(&tmp.path().join("data"), &tmp.path().join("actual")));
        let cmp = Command::new("python3")
            .arg(root().join("tests/differential/compare.py"))
            .arg(tmp.path().join("expected"))
            .arg(tmp.path().join("actual"))
            .output()
            .unwrap();
        assert!(cmp.status.success(), "seed {seed}:\n{}", stdout(&cmp));
    }
}
