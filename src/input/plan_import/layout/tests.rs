//! Unit tests of `layout`.

use super::*;

fn paras(text: &str) -> Vec<Block> {
    text.lines().map(|l| Block::Para(l.to_string())).collect()
}

#[test]
fn text_layout() {
    let plan = read_layout(&paras(
        "Số: 12/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm 2025\nI. MỤC ĐÍCH\n1. Mục đích\n- Nâng cao\n\
         II. NHIỆM VỤ CỤ THỂ\n1. Cải cách thể chế:\n- a) Rà soát văn bản\ncòn tiếp\n\
         - Cơ quan chủ trì thực hiện: Phòng Tư pháp;\n UBND xã, phường.\n - Thời gian hoàn thành: Quý I/2025.\n\
         b) Việc khác\n- Sản phẩm: Báo cáo.\nIII. TỔ CHỨC THỰC HIỆN\n1. Thủ trưởng các cơ quan\n",
    ));
    assert_eq!(plan.number.as_deref(), Some("12/KH-UBND"));
    assert_eq!(plan.title.as_deref(), Some("Cải cách hành chính năm 2025"));
    assert!(plan.section_found);
    assert_eq!(plan.areas.len(), 1);
    let area = &plan.areas[0];
    assert_eq!(
        (area.id.as_str(), area.name.as_str()),
        ("1", "Cải cách thể chế")
    );
    assert_eq!(area.tasks.len(), 2);
    let a = &area.tasks[0];
    assert_eq!(a.label, Label::Letter("a".into()));
    assert_eq!(a.content, "Rà soát văn bản còn tiếp");
    assert_eq!(a.fields[0].kind, FieldKind::Lead);
    assert_eq!(a.fields[0].value, "Phòng Tư pháp; UBND xã, phường.");
    assert_eq!(a.fields[1].kind, FieldKind::Time);
    assert_eq!(area.tasks[1].fields[0].kind, FieldKind::Product);
    assert!(plan.stray.is_empty(), "{:?}", plan.stray);
}

#[test]
fn table_layout() {
    let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
    let blocks = vec![
        Block::Para("II. NHIỆM VỤ".into()),
        Block::Table(vec![
            row(&[
                "STT",
                "Nhiệm vụ",
                "Cơ quan chủ trì",
                "Cơ quan phối hợp",
                "Sản phẩm",
                "Thời gian",
            ]),
            row(&["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"]),
            row(&["I", "Cải cách thể chế", "", "", "", ""]),
            row(&[
                "a",
                "Rà soát",
                "Phòng Tư pháp\nUBND xã, phường",
                "",
                "Báo cáo",
                "Quý I/2025",
            ]),
            row(&["2. Cải cách TTHC:", "", "", "", "", ""]),
            row(&[
                "1.1",
                "Niêm yết",
                "Văn phòng",
                "Các cơ quan",
                "",
                "Thường xuyên",
            ]),
        ]),
    ];
    let plan = read_layout(&blocks);
    assert_eq!(plan.areas.len(), 2);
    assert_eq!(plan.areas[0].id, "1");
    assert_eq!(plan.areas[1].name, "Cải cách TTHC");
    let a = &plan.areas[0].tasks[0];
    assert_eq!(a.label, Label::Letter("a".into()));
    assert_eq!(a.fields[0].value, "Phòng Tư pháp; UBND xã, phường");
    assert_eq!(a.fields.len(), 3);
    assert_eq!(plan.areas[1].tasks[0].label, Label::Other("1.1".into()));
}

#[test]
fn field_labels_in_their_wordings() {
    for (label, kind) in [
        ("Cơ quan chủ trì, tổng hợp", FieldKind::Lead),
        ("Cơ quan chủ trì triển khai tham mưu", FieldKind::Lead),
        ("Cơ quan phối hợp/ thực hiện", FieldKind::Coord),
        ("Cơ quan phối hợp theo dõi", FieldKind::Coord),
        ("Cơ quan thực hiện", FieldKind::Executing),
        ("Thời gian hoàn thành", FieldKind::Time),
        ("Thời gian thực hiện", FieldKind::Time),
        ("Sản phẩm", FieldKind::Product),
    ] {
        assert_eq!(field_kind(label), Some(kind), "{label}");
    }
    assert_eq!(field_kind("Thực hiện kiểm tra"), None);
    assert!(field_line("Văn bản số 12: nội dung").is_none());
}

#[test]
fn labels_headings_and_bullets() {
    assert_eq!(task_label("đ) Công bố"), Some(("đ".into(), "Công bố")));
    assert_eq!(task_label("f) Word"), Some(("f".into(), "Word")));
    assert_eq!(task_label("ă) x"), None);
    assert_eq!(task_label("a)x"), None);
    assert_eq!(strip_bullet(" - k) Đẩy mạnh"), "k) Đẩy mạnh");
    assert_eq!(
        area_heading("2. Cải cách thủ tục hành chính (TTHC)")
            .unwrap()
            .1,
        "Cải cách thủ tục hành chính (TTHC)"
    );
    assert_eq!(area_heading("2. các cơ quan"), None);
    assert_eq!(area_heading("100. X"), None);
    assert!(roman_heading("III. TỔ CHỨC THỰC HIỆN:").is_some());
    assert!(roman_heading("II. Nhiệm vụ của phòng").is_none());
    assert!(roman_heading("In ấn").is_none());
}

#[test]
fn titles_on_two_lines_or_in_the_heading_line() {
    let plan = read_layout(&paras(
        "KẾ HOẠCH\nCải cách hành chính thành phố\nnăm 2025\nThực hiện Quyết định số 1/QĐ-UBND\n",
    ));
    assert_eq!(
        plan.title.as_deref(),
        Some("Cải cách hành chính thành phố năm 2025")
    );
    let plan = read_layout(&paras("KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025\nThực hiện\n"));
    assert_eq!(plan.title.as_deref(), Some("CẢI CÁCH HÀNH CHÍNH NĂM 2025"));
}
