//! Every file a unit sends is accounted for (docs/du-lieu.md, "Tệp nào tính cho đơn vị nào,
//! kỳ nào"): binding to the first folder under `nop/`, broken and non-report files counted as
//! sent, periods from `ky_bao_cao` or the file's name, dates that cannot be right,
//! resubmission, and what `status`, the reminder letter and the feedback notes say of it.

use crate::common::*;
use serde_json::Value;
use std::time::{Duration, SystemTime};

/// Sets a file's modification time (the tie-break between two reports of the same date).
fn set_mtime(path: &std::path::Path, t: SystemTime) {
    std::fs::File::options()
        .write(true)
        .open(path)
        .unwrap()
        .set_modified(t)
        .unwrap();
}

fn codes(j: &Value, file: &str) -> Vec<String> {
    diags_of(j, file)
        .iter()
        .map(|d| d["ma_loi"].as_str().unwrap().to_string())
        .collect()
}

fn state(j: &Value, u: &str) -> (bool, bool, String) {
    let u = unit(j, u);
    (
        u["da_nop"].as_bool().unwrap(),
        u["hop_le"].as_bool().unwrap(),
        u["tinh_trang"].as_str().unwrap().to_string(),
    )
}

fn yes_invalid() -> (bool, bool, String) {
    (true, false, "khong_hop_le".into())
}

#[test]
fn files_are_bound_to_the_first_folder_under_nop() {
    let c = Case::new("thu-muc");
    let o = c.run("build", &[]);
    assert_ok(&o);
    let j = c.json("2024-Q1");
    // A first folder that is not a unit id: an error on the file, with the closest id when
    // there is one; the file counts for the unit it names.
    let d = diags_of(&j, "nop/dot-1/van-phong/bao-cao.yaml");
    assert_eq!(d[0]["ma_loi"], "thu-muc-la");
    assert!(d[0]["thong_diep"].as_str().unwrap().contains("'nop/dot-1'"));
    assert_eq!(state(&j, "van-phong"), yes_invalid());
    assert_eq!(
        unit(&j, "van-phong")["tep"],
        "nop/dot-1/van-phong/bao-cao.yaml"
    );
    assert_eq!(codes(&j, "nop/tong-hop/phuong-a.YML"), ["thu-muc-la"]);
    // A sub-folder named after another unit changes nothing: bound to the first folder, and a
    // report in another unit's name is an error that counts against the folder's unit.
    assert_eq!(
        codes(&j, "nop/ubnd-phuong-a/ubnd-xa-c/bao-cao.yaml"),
        ["sai-thu-muc"]
    );
    assert_eq!(state(&j, "ubnd-phuong-a"), yes_invalid());
    assert_eq!(
        unit(&j, "ubnd-phuong-a")["tep_khac"],
        serde_json::json!(["nop/tong-hop/phuong-a.YML"]),
        "both files that name phường A count for it: {}",
        unit(&j, "ubnd-phuong-a")
    );
    assert!(!state(&j, "ubnd-xa-c").0);
    assert_eq!(codes(&j, "nop/phong-tu-phap/2024-Q1.yaml"), ["sai-thu-muc"]);
    assert_eq!(state(&j, "phong-tu-phap"), yes_invalid());
    assert!(
        !state(&j, "ubnd-xa-b").0,
        "nobody files in another unit's name"
    );
    // Directly in nop/: the office's intake, with a warning; it counts for the unit it names.
    assert_eq!(codes(&j, "nop/bao-cao-noi-vu.yaml"), ["ngoai-thu-muc"]);
    assert_eq!(unit(&j, "phong-noi-vu")["hop_le"], true);
    // A note that is not a report is named with the reason, in every period (no code in its
    // name); hidden and lock files are skipped in silence.
    assert_eq!(
        codes(&j, "nop/phong-noi-vu/ghi-chu.txt"),
        ["khong-phai-bao-cao"]
    );
    let all = serde_json::to_string(&j["chan_doan"]).unwrap();
    for skipped in [".luu-tru", ".bao-cao-an", "~$"] {
        assert!(!all.contains(skipped), "{skipped}");
    }
}

#[test]
fn files_that_are_not_reports_count_as_sent_for_the_period_in_their_name() {
    let c = Case::new("tep-khac");
    let j = c.build_json("2024-Q1");
    // A Word file: sent, not valid; the reason names it and says what to send.
    assert_eq!(state(&j, "ubnd-xa-c"), yes_invalid());
    assert_eq!(
        unit(&j, "ubnd-xa-c")["tep"],
        "nop/ubnd-xa-c/bao-cao-2024-Q1.docx"
    );
    let d = &diags_of(&j, "nop/ubnd-xa-c/bao-cao-2024-Q1.docx")[0];
    assert_eq!(
        (d["ma_loi"].as_str(), d["muc_do"].as_str()),
        (Some("khong-phai-bao-cao"), Some("canh_bao"))
    );
    assert!(
        d["thong_diep"].as_str().unwrap().contains("tài liệu Word"),
        "{d}"
    );
    assert!(
        d["goi_y"].as_str().unwrap().contains("nop/ubnd-xa-c/"),
        "{d}"
    );
    // Notepad's ".yaml.txt": the hint gives the right name.
    let d = &diags_of(&j, "nop/ubnd-xa-b/2024-Q1.yaml.txt")[0];
    assert!(
        d["goi_y"].as_str().unwrap().contains("'2024-Q1.yaml'"),
        "{d}"
    );
    assert_eq!(state(&j, "ubnd-xa-b"), yes_invalid());
    // An old Excel file is an error whose hint says to save as .xlsx.
    let d = &diags_of(&j, "nop/van-phong/2024-Q1.xls")[0];
    assert_eq!(d["muc_do"], "loi");
    assert!(d["goi_y"].as_str().unwrap().contains(".xlsx"), "{d}");
    assert_eq!(state(&j, "van-phong"), yes_invalid());
    // A PDF beside a valid report: the report is used, the PDF listed in tep_khac.
    assert_eq!(unit(&j, "ubnd-phuong-a")["hop_le"], true);
    assert_eq!(
        unit(&j, "ubnd-phuong-a")["tep_khac"],
        serde_json::json!(["nop/ubnd-phuong-a/bien-ban-2024-Q1.pdf"])
    );
    // A picture without a period code in its name counts for no period: its warning is in
    // every period built, its unit is not "sent" for any.
    assert_eq!(
        codes(&j, "nop/phong-noi-vu/anh-chup.jpg"),
        ["khong-phai-bao-cao"]
    );
    assert!(!state(&j, "phong-noi-vu").0);
    let j6 = c.build_json("2024-6T");
    assert_eq!(
        codes(&j6, "nop/phong-noi-vu/anh-chup.jpg"),
        ["khong-phai-bao-cao"]
    );
    assert!(diags_of(&j6, "nop/ubnd-xa-c/bao-cao-2024-Q1.docx").is_empty());
    assert!(
        !state(&j6, "ubnd-xa-c").0,
        "Q1's Word file has no effect on 6T"
    );
}

#[test]
fn a_broken_file_counts_for_the_period_in_its_name() {
    let c = Case::base();
    c.write(
        "nop/phong-tu-phap/bao-cao-2024-q1.yaml",
        "don_vi: phong-tu-phap\nky_bao_cao: \"2024-Q1\nngay_bao_cao: 2024-03-12\n",
    );
    let j = c.build_json("2024-Q1");
    assert_eq!(state(&j, "phong-tu-phap"), yes_invalid());
    assert_eq!(j["dem_don_vi"]["da_nop"], 1);
    // A ky_bao_cao that disagrees with the name: a warning; the file counts for ky_bao_cao.
    let c = Case::base();
    c.write(
        "nop/phong-tu-phap/2024-Q1.yaml",
        "don_vi: phong-tu-phap\nky_bao_cao: 2024-6T\nngay_bao_cao: 2024-06-12\nnhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: dang_thuc_hien\n",
    );
    let j = c.build_json("2024-6T");
    let d = diags_of(&j, "nop/phong-tu-phap/2024-Q1.yaml");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0]["ma_loi"], "ky-khac-ten-tep");
    assert_eq!(
        (d[0]["dong"].as_u64(), d[0]["cot"].as_u64()),
        (Some(2), Some(13))
    );
    assert_eq!(unit(&j, "phong-tu-phap")["hop_le"], true);
}

#[test]
fn dates_that_cannot_be_right_are_errors_and_never_stop_a_renderer() {
    let c = Case::new("ngay-sai");
    let o = c.run("build", &[]);
    assert_ok(&o);
    let j = c.json("2024-Q1");
    let d = &diags_of(&j, "nop/phong-tu-phap/2024-Q1.yaml")[0];
    assert_eq!(d["ma_loi"], "ngay-ngoai-khoang");
    assert_eq!((d["dong"].as_u64(), d["cot"].as_u64()), (Some(3), Some(15)));
    let d = &diags_of(&j, "nop/ubnd-xa-b/2024-Q1.yaml")[0];
    assert_eq!(d["ma_loi"], "ngay-bao-cao-sai");
    assert!(
        d["thong_diep"].as_str().unwrap().contains("15/12/2023"),
        "{d}"
    );
    let d = &diags_of(&j, "nop/ubnd-xa-c/2024-Q1.yaml")[0];
    assert_eq!(d["ma_loi"], "ngay-bao-cao-sai");
    assert!(
        d["thong_diep"]
            .as_str()
            .unwrap()
            .contains("muộn hơn một năm"),
        "{d}"
    );
    assert_eq!(
        codes(&j, "nop/van-phong/2024-Q1.yaml"),
        ["ngay-van-ban-sau", "ngay-ngoai-khoang"]
    );
    assert_eq!(
        diags_of(&j, "nop/van-phong/2024-Q1.yaml")[0]["muc_do"],
        "canh_bao"
    );
    // Named 6T, reports Q1: counted for Q1 with a warning; the date "12/3/2024" is fine.
    assert_eq!(
        codes(&j, "nop/phong-noi-vu/2024-6T.yaml"),
        ["ky-khac-ten-tep"]
    );
    assert_eq!(unit(&j, "phong-noi-vu")["ngay_bao_cao"], "2024-03-12");
    for u in ["phong-tu-phap", "ubnd-xa-b", "ubnd-xa-c", "van-phong"] {
        assert_eq!(state(&j, u), yes_invalid(), "{u}");
    }
    // The workbook and the report were written (a date of 1899 stopped the workbook before).
    for f in ["phu-luc-cchc-2024-Q1.xlsx", "bao-cao-cchc-2024-Q1.docx"] {
        assert!(c.out().join("2024-Q1").join(f).is_file(), "{f}");
    }
}

#[test]
fn resubmission_the_latest_date_then_the_file_saved_last() {
    let c = Case::new("nop-lai");
    let base = SystemTime::UNIX_EPOCH + Duration::from_secs(1_710_000_000);
    // Same date, c.yaml saved later: c.yaml is used, b.yaml gets a warning naming it.
    set_mtime(&c.data().join("nop/ubnd-xa-b/b.yaml"), base);
    set_mtime(
        &c.data().join("nop/ubnd-xa-b/c.yaml"),
        base + Duration::from_secs(60),
    );
    let j = c.build_json("2024-Q1");
    let u = unit(&j, "ubnd-xa-b");
    assert_eq!(
        (u["hop_le"].as_bool(), u["tep"].as_str()),
        (Some(true), Some("nop/ubnd-xa-b/c.yaml"))
    );
    assert_eq!(
        u["tep_khac"],
        serde_json::json!(["nop/ubnd-xa-b/a.yaml", "nop/ubnd-xa-b/b.yaml"])
    );
    let d = diags_of(&j, "nop/ubnd-xa-b/b.yaml");
    assert_eq!(
        (d[0]["ma_loi"].as_str(), d[0]["muc_do"].as_str()),
        (Some("ban-thay-the"), Some("canh_bao"))
    );
    assert!(
        d[0]["thong_diep"]
            .as_str()
            .unwrap()
            .contains("nop/ubnd-xa-b/c.yaml")
    );
    assert!(
        diags_of(&j, "nop/ubnd-xa-b/a.yaml").is_empty(),
        "an older date is replaced in silence"
    );
    assert_eq!(task(&j, "1.a")["bao_cao"][0]["trang_thai"], "hoan_thanh");
    // Saved at the same moment too: an error on each, none used.
    set_mtime(&c.data().join("nop/ubnd-xa-b/b.yaml"), base);
    set_mtime(&c.data().join("nop/ubnd-xa-b/c.yaml"), base);
    let j = c.build_json("2024-Q1");
    let u = unit(&j, "ubnd-xa-b");
    assert_eq!(
        (u["tinh_trang"].as_str(), u["dung_han"].as_bool()),
        (Some("mau_thuan"), Some(false))
    );
    for f in ["nop/ubnd-xa-b/b.yaml", "nop/ubnd-xa-b/c.yaml"] {
        assert_eq!(codes(&j, f), ["bao-cao-mau-thuan"], "{f}");
    }
    // An invalid newer file never displaces a valid one; it is listed.
    let u = unit(&j, "phong-tu-phap");
    assert_eq!(u["tep"], "nop/phong-tu-phap/2024-Q1-bo-sung.yaml");
    assert!(
        u["tep_khac"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f == "nop/phong-tu-phap/2024-Q1-sua-lan-2.yaml")
    );
}

#[test]
fn on_time_is_decided_by_the_earliest_valid_file() {
    let c = Case::base();
    let report = |date: &str, status: &str| {
        format!(
            "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: {date}\nnhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: {status}\n"
        )
    };
    c.write(
        "nop/phong-tu-phap/2024-Q1.yaml",
        report("2024-03-15", "dang_thuc_hien"),
    );
    // A correction sent after the deadline (17/03) is used, but the unit reported on time.
    c.write(
        "nop/phong-tu-phap/2024-Q1-sua.yaml",
        report("2024-03-25", "hoan_thanh"),
    );
    let j = c.build_json("2024-Q1");
    let u = unit(&j, "phong-tu-phap");
    assert_eq!(u["tep"], "nop/phong-tu-phap/2024-Q1-sua.yaml");
    assert_eq!(u["dung_han"], true);
    assert_eq!(task(&j, "1.b")["trang_thai"], "hoan_thanh");
    // Only a late file: late.
    let c = Case::base();
    c.write(
        "nop/phong-tu-phap/2024-Q1.yaml",
        report("2024-03-18", "dang_thuc_hien"),
    );
    assert_eq!(
        unit(&c.build_json("2024-Q1"), "phong-tu-phap")["dung_han"],
        false
    );
}

#[test]
fn two_plan_files_for_one_year_stop_everything_naming_both() {
    let c = Case::base();
    let plan = std::fs::read(c.data().join("ke-hoach/2024.yaml")).unwrap();
    c.write("ke-hoach/2024.yml", plan);
    let o = c.run("build", &[]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert!(
        e.contains("ke-hoach/2024.yaml") && e.contains("ke-hoach/2024.yml"),
        "{e}"
    );
    assert!(!c.out().exists());
}

#[cfg(unix)]
#[test]
fn a_pipe_named_like_a_report_is_named_never_opened() {
    let c = Case::new("tron-ven");
    let fifo = c.data().join("nop/phong-tu-phap/chi-tieu-2024-Q1.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Nothing writes to the pipe: opening it would hang the run.
    let j = c.build_json("2024-Q1");
    let d = &diags_of(&j, "nop/phong-tu-phap/chi-tieu-2024-Q1.yaml")[0];
    assert_eq!(
        (d["ma_loi"].as_str(), d["muc_do"].as_str()),
        (Some("khong-phai-tep"), Some("canh_bao"))
    );
    assert!(
        d["thong_diep"].as_str().unwrap().contains("đường ống"),
        "{d}"
    );
}

#[test]
fn status_lists_every_file_received_and_what_became_of_it() {
    let c = Case::new("tep-khac");
    let o = c.run("status", &["--ky", "2024-Q1"]);
    assert_ok(&o);
    let out = stdout(&o);
    for line in [
        "tệp nop/ubnd-phuong-a/2024-Q1.yaml: được dùng",
        "tệp nop/ubnd-phuong-a/bien-ban-2024-Q1.pdf: không phải báo cáo theo biểu mẫu",
        "tệp nop/ubnd-xa-c/bao-cao-2024-Q1.docx: không phải báo cáo theo biểu mẫu",
        "tệp nop/van-phong/2024-Q1.xls: không phải báo cáo theo biểu mẫu",
    ] {
        assert!(out.contains(line), "{line} in {out}");
    }
    let row = out.lines().find(|l| l.contains("UBND xã C")).unwrap();
    assert!(
        row.contains("rồi") && row.contains("Không hợp lệ (không phải báo cáo theo biểu mẫu)"),
        "{row}"
    );
    assert!(out.contains("4 đã nộp"), "{out}");
    let o = c.run("status", &["--ky", "2024-Q1", "--json"]);
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    let files = &unit(&j, "ubnd-phuong-a")["tep_nhan"];
    assert_eq!(files[0]["vai_tro"], "duoc_dung");
    assert_eq!(files[1]["vai_tro"], "khong_phai_bao_cao");
}

#[test]
fn the_reminder_letter_says_what_was_wrong_with_what_arrived() {
    let c = Case::new("tep-khac");
    c.write(
        "nop/phong-tu-phap/2024-Q1.yaml",
        "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nnhiem_vu:\n  - ma: \"1.x\"\n    trang_thai: dang_thuc_hien\n",
    );
    let o = c.remind("2024-Q1", "20/03/2024");
    assert_ok(&o);
    let path = c.out().join("2024-Q1/cong-van-don-doc-2024-Q1.docx");
    let text: Vec<String> = paragraphs(&zip_part(&path, "word/document.xml"))
        .into_iter()
        .map(|p| p.text)
        .collect();
    let has = |s: &str| text.iter().any(|t| t.contains(s));
    assert!(has("- Chưa gửi báo cáo: Phòng Nội vụ."), "{text:#?}");
    assert!(
        has(
            "- UBND xã C: đã gửi nhưng chưa tổng hợp được vì tệp bao-cao-2024-Q1.docx không phải báo cáo theo biểu mẫu."
        ),
        "{text:#?}"
    );
    assert!(
        has(
            "- Phòng Tư pháp: đã gửi nhưng chưa tổng hợp được vì tệp 2024-Q1.yaml có 01 lỗi (lỗi đầu tiên ở dòng 5: Nhiệm vụ '1.x' không có trong kế hoạch năm 2024)."
        ),
        "{text:#?}"
    );
    // The deadline that passed is the last day on time; the letter sets a new one, 5 days on.
    assert!(has("chậm nhất ngày 17/03/2024"), "{text:#?}");
    assert!(has("chậm nhất ngày 25/03/2024 để tổng hợp"), "{text:#?}");
    assert!(has("phiếu phản hồi"), "{text:#?}");
    assert!(
        text.iter()
            .any(|t| t.contains("ngày") && t.contains("tháng 3 năm 2024"))
    );
}

#[test]
fn feedback_notes_for_the_units_with_a_problem_and_none_for_the_others() {
    let c = Case::new("tep-khac");
    c.write(
        "nop/phong-tu-phap/2024-Q1.yaml",
        "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nnhiem_vu:\n  - ma: \"1.x\"\n    trang_thai: dang_thuc_hien\n    tien_do: \"70\"\n",
    );
    // An earlier run wrote a note for Phòng Nội vụ, which then took its file back: the note
    // goes away; the same note changed by hand first is kept, and said.
    let notes = c.out().join("2024-Q1/phan-hoi");
    let note = notes.join("phong-noi-vu.txt");
    let bad = "nop/phong-noi-vu/2024-Q1.yaml";
    let run = || {
        c.run(
            "phan-hoi",
            &["--ky", "2024-Q1", "--out", c.out().to_str().unwrap()],
        )
    };
    for edited in [false, true] {
        c.write(bad, "don_vi: [\n");
        assert_ok(&run());
        assert!(note.is_file());
        if edited {
            std::fs::write(&note, "Đã gọi điện nhắc ngày 14/3.").unwrap();
        }
        std::fs::remove_file(c.data().join(bad)).unwrap();
        let o = run();
        assert_ok(&o);
        assert_eq!(note.is_file(), edited);
        assert_eq!(
            stdout(&o).contains("được giữ lại"),
            edited,
            "{}",
            stdout(&o)
        );
    }
    std::fs::remove_file(&note).unwrap();
    let mut written: Vec<String> = std::fs::read_dir(&notes)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    // phường A: a valid report and a PDF (a note: the PDF is not a report); the others sent
    // something wrong; Phòng Nội vụ sent nothing for Q1: no note.
    assert_eq!(
        written,
        [
            "phong-tu-phap.txt",
            "ubnd-phuong-a.txt",
            "ubnd-xa-b.txt",
            "ubnd-xa-c.txt",
            "van-phong.txt"
        ]
    );
    let bytes = std::fs::read(notes.join("phong-tu-phap.txt")).unwrap();
    assert!(
        bytes.starts_with(b"\xEF\xBB\xBF"),
        "UTF-8 with a byte-order mark"
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.contains("\r\n") && !text.replace("\r\n", "").contains('\n'),
        "CRLF line ends"
    );
    for s in [
        "PHIẾU PHẢN HỒI BÁO CÁO CẢI CÁCH HÀNH CHÍNH QUÝ I NĂM 2024",
        "Đơn vị: Phòng Tư pháp",
        "CHƯA TỔNG HỢP ĐƯỢC",
        "1. nop/phong-tu-phap/2024-Q1.yaml - có lỗi, không dùng",
        "- LỖI (dòng 5, cột 9): Nhiệm vụ '1.x' không có trong kế hoạch năm 2024.",
        "- Lưu ý (dòng 7, cột 14): Tiến độ ghi '70'; đã hiểu là 70.",
        "VIỆC CẦN LÀM:",
        "Sửa các LỖI nêu trên trong tệp 2024-Q1.yaml",
    ] {
        assert!(text.contains(s), "{s} in\n{text}");
    }
    let pdf = std::fs::read_to_string(notes.join("ubnd-phuong-a.txt")).unwrap();
    assert!(
        pdf.contains("HỢP LỆ, đã được tổng hợp") && pdf.contains("Không cần gửi lại"),
        "{pdf}"
    );
    // Everybody fine: no note at all.
    let c = Case::new("tron-ven");
    let o = c.run(
        "phan-hoi",
        &["--ky", "2024-Q1", "--out", c.out().to_str().unwrap()],
    );
    assert_ok(&o);
    assert!(stdout(&o).contains("Đã lập"), "{}", stdout(&o));
}
