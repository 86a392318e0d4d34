//! Working with the units: pre-filled forms that round-trip, the status board (table and
//! JSON), the reminder letter, and progress since the previous period.

use crate::common::*;
use serde_json::Value;

/// A copy of the sample data folder with an empty inbox.
fn sample_without_inbox() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    for f in ["cau-hinh.yaml", "don-vi.yaml", "chi-tieu.yaml"] {
        std::fs::create_dir_all(&data).unwrap();
        std::fs::copy(root().join("data").join(f), data.join(f)).unwrap();
    }
    std::fs::create_dir_all(data.join("ke-hoach")).unwrap();
    std::fs::copy(
        root().join("data/ke-hoach/2024.yaml"),
        data.join("ke-hoach/2024.yaml"),
    )
    .unwrap();
    std::fs::create_dir_all(data.join("nop")).unwrap();
    tmp
}

#[test]
fn forms_hold_exactly_each_units_tasks_and_indicators() {
    let tmp = sample_without_inbox();
    let data = tmp.path().join("data");
    let out = tmp.path().join("out");
    let o = run_on(
        &data,
        &["forms", "--ky", "2024-Q1", "--out", out.to_str().unwrap()],
    );
    assert_ok(&o);
    let dir = out.join("2024-Q1/bieu-mau");
    let with_ext = |ext: &str| {
        std::fs::read_dir(&dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == ext)
            .count()
    };
    assert_eq!(with_ext("yaml"), 39, "one YAML form per unit");
    assert_eq!(with_ext("xlsx"), 39, "one workbook form per unit");

    // A ward leads or coordinates the tasks with @xa-phuong; Phòng Tư pháp others.
    let ward = std::fs::read_to_string(dir.join("ubnd-phuong-tran-phu.yaml")).unwrap();
    let dept = std::fs::read_to_string(dir.join("phong-tu-phap.yaml")).unwrap();
    let ids = |form: &str| -> Vec<String> {
        form.lines()
            .filter_map(|l| l.trim().strip_prefix("- ma: "))
            .map(|s| s.trim_matches('"').to_string())
            .collect()
    };
    // The plan: 1.đ is led by Phòng Tư pháp and Văn phòng, not by wards; 2.e by wards.
    assert!(ids(&dept).contains(&"1.đ".to_string()));
    assert!(!ids(&ward).contains(&"1.đ".to_string()));
    assert!(ids(&ward).contains(&"2.e".to_string()));
    assert!(ward.contains("— ĐƠN VỊ CHỦ TRÌ") && ward.contains("— ĐƠN VỊ PHỐI HỢP"));
    assert!(ward.contains("# Thời hạn: Thường xuyên trong năm 2024."));
    assert!(ward.contains("don_vi: ubnd-phuong-tran-phu\nky_bao_cao: 2024-Q1\n"));
    // Indicators: a ward gets dossiers, not the public-service-unit autonomy count.
    assert!(ward.contains("\n  hs_tiep_nhan:\n"));
    assert!(!ward.contains("dvsn_tu_chu"));
    assert!(dept.contains("\n  vbqppl_trai_phap_luat:\n"));
    // Never a ratio.
    assert!(!ward.contains("ty_le_"));

    // Left untouched, a form does not pass: each task is reported as not filled in.
    std::fs::create_dir_all(data.join("nop/ubnd-phuong-tran-phu")).unwrap();
    std::fs::copy(
        dir.join("ubnd-phuong-tran-phu.yaml"),
        data.join("nop/ubnd-phuong-tran-phu/q1.yaml"),
    )
    .unwrap();
    let o = run_on(&data, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(
        err.matches("chưa điền trạng thái").count(),
        ids(&ward).len(),
        "{err}"
    );
    assert!(err.contains("Nhiệm vụ '1.a' chưa điền trạng thái (trang_thai)."));
}

#[test]
fn every_sample_units_form_filled_with_statuses_only_validates_clean() {
    let tmp = sample_without_inbox();
    let data = tmp.path().join("data");
    let out = tmp.path().join("out");
    let o = run_on(
        &data,
        &["forms", "--ky", "2024-Q3", "--out", out.to_str().unwrap()],
    );
    assert_ok(&o);
    let statuses = [
        "hoan_thanh",
        "dang_thuc_hien",
        "cham_tien_do",
        "chua_thuc_hien",
    ];
    // Sorted, so that each unit gets the same status on every run.
    let mut forms: Vec<_> = std::fs::read_dir(out.join("2024-Q3/bieu-mau"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().unwrap() == "yaml")
        .collect();
    forms.sort();
    assert_eq!(forms.len(), 39, "one form per unit");
    for (i, path) in forms.iter().enumerate() {
        let unit = path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .trim_end_matches(".yaml")
            .to_string();
        let form = std::fs::read_to_string(path).unwrap();
        let filled: String = form
            .lines()
            .map(|l| {
                if l.trim_start().starts_with("trang_thai:") {
                    format!("    trang_thai: {}", statuses[i % 4])
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let dest = data.join("nop").join(&unit);
        std::fs::create_dir_all(&dest).unwrap();
        std::fs::write(dest.join("2024-Q3.yaml"), filled).unwrap();
    }
    let o = run_on(&data, &["check", "--ky", "2024-Q3"]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{}{out}", stderr(&o));
    assert!(
        out.contains("Đã kiểm tra 39 tệp báo cáo: không có lỗi hay cảnh báo nào."),
        "{out}"
    );
}

#[test]
fn status_lists_exactly_the_missing_late_and_invalid_units() {
    let data = root().join("data");
    // Q1: two communes did not submit.
    let o = run_on(&data, &["status", "--ky", "2024-Q1", "--json"]);
    assert_ok(&o);
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    let with = |state: &str| -> Vec<String> {
        j["don_vi"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["tinh_trang"] == state)
            .map(|u| u["ma"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(with("chua_nop"), ["ubnd-xa-nghia-ha", "ubnd-xa-tinh-thien"]);
    assert_eq!(j["tong"]["chua_nop"], 2);
    assert_eq!(j["tong"]["hop_le_dung_han"], 37);
    // Q3: one late, two missing.
    let o = run_on(&data, &["status", "--ky", "2024-Q3", "--json"]);
    assert_ok(&o);
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    let late: Vec<&str> = j["don_vi"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| u["hop_le"] == true && u["dung_han"] == false)
        .map(|u| u["ma"].as_str().unwrap())
        .collect();
    assert_eq!(late, ["ubnd-xa-tinh-khe"]);
    assert_eq!(j["tong"]["nop_tre"], 1);
    assert_eq!(j["tong"]["chua_nop"], 2);
    // The table says the same, with totals at the bottom.
    let o = run_on(&data, &["status", "--ky", "2024-Q3"]);
    assert_ok(&o);
    let t = stdout(&o);
    let line = t.lines().find(|l| l.contains("UBND xã Tịnh Khê")).unwrap();
    assert!(
        line.contains("20/09/2024") && line.contains("nộp trễ"),
        "{line}"
    );
    assert!(t.contains("Tổng số 39 đơn vị: 37 đã nộp (36 hợp lệ đúng hạn, 1 nộp trễ, 0 không hợp lệ, 0 mâu thuẫn), 2 chưa nộp."), "{t}");
    // An invalid file shows with its error count.
    let c = Case::new("nop-lai");
    let o = c.run("status", &["--ky", "2024-Q1", "--json"]);
    let j: Value = serde_json::from_slice(&o.stdout).unwrap();
    let vp = unit(&j, "van-phong");
    assert_eq!(
        (vp["tinh_trang"].as_str(), vp["so_loi"].as_u64()),
        (Some("khong_hop_le"), Some(1))
    );
}

#[test]
fn reminder_letter_goes_to_the_units_without_a_valid_report() {
    let c = Case::new("nop-lai");
    // xã B's two reports of the same date were saved at the same moment: a tie.
    let t = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1_710_000_000);
    for f in ["b.yaml", "c.yaml"] {
        std::fs::File::options()
            .write(true)
            .open(c.data().join("nop/ubnd-xa-b").join(f))
            .unwrap()
            .set_modified(t)
            .unwrap();
    }
    let o = c.remind("2024-Q1", "20/03/2024");
    assert_ok(&o);
    let path = c.out().join("2024-Q1/cong-van-don-doc-2024-Q1.docx");
    let ps = paragraphs(&zip_part(&path, "word/document.xml"));
    let texts: Vec<&str> = ps.iter().map(|p| p.text.as_str()).collect();
    // A công văn: number with the office code, its subject under it, no "BÁO CÁO" title.
    assert!(texts.contains(&"Số:      /UBND-NV"), "{texts:?}");
    assert!(texts.contains(
        &"V/v đôn đốc báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2024"
    ));
    assert!(!texts.contains(&"BÁO CÁO"));
    // Kính gửi: the four units without a valid report (invalid, tie, two missing).
    let start = texts
        .iter()
        .position(|t| *t == "Kính gửi:")
        .expect("Kính gửi on its own line");
    assert_eq!(
        texts[start + 1..start + 5],
        [
            "- Phòng Nội vụ;",
            "- Văn phòng HĐND và UBND;",
            "- UBND phường A;",
            "- UBND xã B;"
        ][..],
        "{texts:?}"
    );
    assert!(texts[start + 5].starts_with("- UBND xã C."), "{texts:?}");
    assert!(texts.iter().any(|t| t.contains(
        "Văn phòng HĐND và UBND: đã gửi nhưng chưa tổng hợp được vì tệp 2024-Q1.yaml có 01 lỗi"
    )));
    assert!(texts.iter().any(|t| t.contains(
        "UBND xã B: gửi 02 báo cáo cùng ngày 11/03/2024 và lưu cùng lúc (b.yaml, c.yaml)"
    )));
    assert!(
        texts
            .iter()
            .any(|t| t.contains("chậm nhất ngày 17/03/2024"))
    );
    assert!(
        texts
            .iter()
            .any(|t| t.contains("chậm nhất ngày 25/03/2024"))
    );
    assert!(texts.contains(&"TP. Thử Nghiệm, ngày      tháng 3 năm 2024"));
    assert!(texts.iter().any(|t| t.ends_with("./.")));
    assert!(texts.contains(&"- Như trên;") && texts.contains(&"- Lưu: VT, NV."));
    // Nobody to remind: nothing written, and it says so.
    let c = Case::base();
    for u in BASE_UNITS {
        c.write(
            &format!("nop/{u}/2024-Q2.yaml"),
            format!("don_vi: {u}\nky_bao_cao: 2024-Q2\nngay_bao_cao: 2024-06-10\n"),
        );
    }
    let o = c.run(
        "remind",
        &["--ky", "2024-Q2", "--out", c.out().to_str().unwrap()],
    );
    assert_ok(&o);
    assert!(stdout(&o).contains("không cần công văn đôn đốc"));
    assert!(!c.out().exists());
}

#[test]
#[ignore = "needs python3 with lxml (pip install lxml); CI runs it with --include-ignored"]
fn reminder_letter_is_schema_valid() {
    let c = Case::new("nop-lai");
    let o = c.run(
        "remind",
        &["--ky", "2024-Q1", "--out", c.out().to_str().unwrap()],
    );
    assert_ok(&o);
    assert_schema_valid(&[&c.out().join("2024-Q1/cong-van-don-doc-2024-Q1.docx")]);
}

#[test]
fn progress_since_the_previous_period_matches_both_periods_json() {
    let tmp = tempfile::tempdir().unwrap();
    let o = build(&root().join("data"), tmp.path());
    assert_ok(&o);
    let json = |ky: &str| json_at(tmp.path(), ky);
    for (ky, prev) in [
        ("2024-6T", "2024-Q1"),
        ("2024-Q3", "2024-6T"),
        ("2024-NAM", "2024-Q3"),
    ] {
        let (now, before) = (json(ky), json(prev));
        assert_eq!(now["ky_truoc"], prev, "{ky}");
        let status = |j: &Value| -> Vec<(String, String)> {
            j["nhiem_vu"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    (
                        t["ma"].as_str().unwrap().to_string(),
                        t["trang_thai"].as_str().unwrap().to_string(),
                    )
                })
                .collect()
        };
        let (s_now, s_before) = (status(&now), status(&before));
        for (t, (id, _)) in now["nhiem_vu"].as_array().unwrap().iter().zip(&s_now) {
            let was = &s_before.iter().find(|(i, _)| i == id).unwrap().1;
            assert_eq!(t["trang_thai_ky_truoc"], *was, "{ky} {id}");
        }
        let done_since: Vec<&str> = s_now
            .iter()
            .filter(|(id, st)| {
                st == "hoan_thanh" && s_before.iter().any(|(i, b)| i == id && b != "hoan_thanh")
            })
            .map(|(id, _)| id.as_str())
            .collect();
        assert_eq!(
            now["hoan_thanh_tu_ky_truoc"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap())
                .collect::<Vec<_>>(),
            done_since,
            "{ky}"
        );
        // The report says it, with the same numbers and ids.
        let docx = tmp.path().join(ky).join(format!("bao-cao-cchc-{ky}.docx"));
        let text: String = paragraphs(&zip_part(&docx, "word/document.xml"))
            .into_iter()
            .map(|p| p.text)
            .collect::<Vec<_>>()
            .join("\n");
        let prev_name = match prev {
            "2024-Q1" => "quý I năm 2024",
            "2024-6T" => "6 tháng đầu năm 2024",
            _ => "quý III năm 2024",
        };
        let before_done = s_before.iter().filter(|(_, s)| s == "hoan_thanh").count() as i64;
        let sentence = format!(
            "So với {prev_name} (khi đó đã hoàn thành {} nhiệm vụ), có thêm {} nhiệm vụ hoàn thành (nhiệm vụ {})",
            baocao::render::format::two_digits(before_done),
            baocao::render::format::two_digits(done_since.len() as i64),
            done_since.join(", ")
        );
        assert!(text.contains(&sentence), "{ky}: {sentence}");
    }
    // The first period of the year has nothing before it.
    assert!(json("2024-Q1")["ky_truoc"].is_null());
}
