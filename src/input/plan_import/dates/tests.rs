//! Unit tests of `dates`.

use super::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dates(text: &str) -> Vec<NaiveDate> {
    read_time_limit(text, 2024, "Nội dung nhiệm vụ.")
        .limit
        .milestones
        .iter()
        .map(|m| m.date)
        .collect()
}

fn recurring(text: &str) -> bool {
    read_time_limit(text, 2024, "").limit.recurring
}

#[test]
fn rule_date() {
    assert_eq!(dates("Chậm nhất là ngày 31/01/2024."), [d(2024, 1, 31)]);
    assert_eq!(dates("chậm nhất ngày 31/01/2024"), [d(2024, 1, 31)]);
    assert_eq!(dates("ngày 31 tháng 01 năm 2024"), [d(2024, 1, 31)]);
    assert_eq!(dates("trước ngày 15.3.2024"), [d(2024, 3, 15)]);
    assert_eq!(dates("trước ngày 01/3"), [d(2024, 3, 1)]);
    assert_eq!(dates("ngày 30/02/2024"), Vec::<NaiveDate>::new());
}

#[test]
fn rule_quarter() {
    assert_eq!(dates("Quý I/2024"), [d(2024, 3, 31)]);
    assert_eq!(dates("quý I năm 2024"), [d(2024, 3, 31)]);
    assert_eq!(dates("trong quý II năm 2024"), [d(2024, 6, 30)]);
    assert_eq!(dates("Quý III năm 2024."), [d(2024, 9, 30)]);
    assert_eq!(dates("Quý IV"), [d(2024, 12, 31)]);
    assert_eq!(dates("quý 2/2025"), [d(2025, 6, 30)]);
}

#[test]
fn rule_month() {
    assert_eq!(dates("tháng 6/2024"), [d(2024, 6, 30)]);
    assert_eq!(dates("tháng 2 năm 2024"), [d(2024, 2, 29)]);
    assert_eq!(
        dates("tháng 6 và tháng 12/2024."),
        [d(2024, 6, 30), d(2024, 12, 31)]
    );
    assert_eq!(dates("trong tháng 9"), [d(2024, 9, 30)]);
}

#[test]
fn rule_months() {
    assert_eq!(dates("6 tháng đầu năm"), [d(2024, 6, 30)]);
    assert_eq!(dates("6 tháng đầu năm 2025"), [d(2025, 6, 30)]);
    assert_eq!(dates("6 tháng cuối năm"), [d(2024, 12, 31)]);
    assert_eq!(dates("9 tháng đầu năm"), [d(2024, 9, 30)]);
    assert_eq!(dates("trong 6 tháng"), Vec::<NaiveDate>::new());
}

#[test]
fn rule_year_end() {
    assert_eq!(dates("Cuối năm 2024"), [d(2024, 12, 31)]);
}

#[test]
fn rule_within_year() {
    assert_eq!(dates("Hoàn thành trong năm 2024."), [d(2024, 12, 31)]);
    assert_eq!(dates("Trong năm 2024."), Vec::<NaiveDate>::new());
    assert!(recurring("Trong năm 2024."));
    assert!(!recurring("Hoàn thành trong năm 2024."));
}

#[test]
fn rule_recurring() {
    assert!(recurring("Thường xuyên trong năm."));
    assert!(recurring("Định kỳ hàng tháng trong năm."));
    assert!(recurring("báo cáo kết quả hằng quý"));
    assert!(recurring(
        "Quý I/2024 ban hành; định kỳ báo cáo kết quả thực hiện."
    ));
    assert!(!recurring(
        "Quý I năm 2024 ban hành kế hoạch; báo cáo kết quả thực hiện."
    ));
}

#[test]
fn undated() {
    for text in [
        "Đầu năm 2024.",
        "theo thời gian quy định của UBND tỉnh.",
        "",
    ] {
        let r = read_time_limit(text, 2024, "");
        assert!(
            r.limit.milestones.is_empty() && !r.limit.recurring,
            "{text}"
        );
    }
}

#[test]
fn what_is_due() {
    let r = read_time_limit(
        "Quyết định công bố chậm nhất ngày 01/3/2024; Báo cáo kết quả hệ thống hóa chậm nhất ngày 20/02/2024.",
        2024,
        "",
    );
    let got: Vec<_> = r
        .limit
        .milestones
        .iter()
        .map(|m| (show(m.date), m.what.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("20/02/2024".into(), "Báo cáo kết quả hệ thống hóa"),
            ("01/03/2024".into(), "Quyết định công bố")
        ]
    );
    assert!(r.sorted);
    let r = read_time_limit(
        "Quý I/2024 ban hành các Kế hoạch; định kỳ báo cáo.",
        2024,
        "",
    );
    assert_eq!(r.limit.milestones[0].what, "Ban hành các Kế hoạch");
    assert!(r.readings[0].what_from_text);
    assert_eq!(r.readings[0].written, "Quý I/2024");
    let r = read_time_limit(
        "Công văn triển khai trong quý I/2024; báo cáo kết quả hàng quý.",
        2024,
        "",
    );
    assert_eq!(r.limit.milestones[0].what, "Công văn triển khai");
    let r = read_time_limit(
        "Hoàn thành quý I/2024.",
        2024,
        "Trình UBND tỉnh phê duyệt Đề án. Khác",
    );
    assert_eq!(
        r.limit.milestones[0].what,
        "Trình UBND tỉnh phê duyệt Đề án"
    );
    assert!(!r.readings[0].what_from_text);
}
