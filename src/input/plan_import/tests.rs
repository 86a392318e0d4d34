//! The import as a whole on hostile and random documents: it never panics and never takes
//! long (that what it makes reads back is tested in `pipeline/import.rs`, with the writer).

use super::*;
use crate::model::registry::{Group, Unit};
use proptest::prelude::*;

pub(crate) fn registry() -> Registry {
    Registry::new(
        vec![Unit {
            id: "phong-tu-phap".into(),
            name: "Phòng Tư pháp".into(),
            groups: Vec::new(),
            other_names: vec!["Phòng Tư pháp thành phố".into()],
        }],
        vec![Group {
            id: "xa-phuong".into(),
            name: "UBND các xã, phường".into(),
            other_names: vec!["UBND xã, phường".into()],
        }],
    )
}

/// Pieces plans are made of, and some they are not.
pub(crate) const FRAGMENTS: [&str; 24] = [
    "II. NHIỆM VỤ",
    "III. TỔ CHỨC",
    "1. Cải cách thể chế:",
    "a) Rà soát",
    "c) Lặp",
    "- đ) Công bố",
    "- Cơ quan chủ trì: ",
    "- Cơ quan phối hợp: ",
    "- Cơ quan thực hiện: ",
    "- Sản phẩm: ",
    "- Thời gian thực hiện: ",
    "Phòng Tư pháp",
    "UBND xã, phường",
    " và các cơ quan, đơn vị có liên quan",
    "; ",
    ", ",
    "quý I/2024",
    "tháng 6 và tháng 12/",
    "chậm nhất ngày 31/01/2024",
    "Hoàn thành trong năm",
    "İ̇ẞ\u{301}",
    "|",
    "Số: ",
    "KẾ HOẠCH",
];

/// A random document: fragments of plan text, each on its own line or not, then noise.
pub fn document(parts: &[(usize, bool)], noise: &str) -> String {
    let mut text = String::new();
    for &(i, newline) in parts {
        text.push_str(FRAGMENTS[i]);
        if newline {
            text.push('\n');
        }
    }
    text.push_str(noise);
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256)
    ))]

    #[test]
    fn random_documents_never_panic(parts in prop::collection::vec((0..FRAGMENTS.len(), any::<bool>()), 0..60), noise in "\\PC{0,20}") {
        let text = document(&parts, &noise);
        let reg = registry();
        for name in ["k.txt", "k.md"] {
            if let Ok(imported) = import_plan(name, text.clone().into_bytes(), Some(2024), &reg) {
                prop_assert!(!imported.plan.tasks().is_empty());
            }
        }
    }
}

#[test]
fn hostile_fields_stay_fast() {
    let many = "Phòng A, các đơn vị liên quan, ".repeat(20_000);
    let text = format!(
        "II. NHIỆM VỤ\n1. Lĩnh vực\na) Việc\n- Cơ quan chủ trì: {many}\n- Cơ quan phối hợp: {many}\n\
         - Thời gian thực hiện: {}\n",
        "tháng 6 và quý I ".repeat(20_000)
    );
    let start = std::time::Instant::now();
    let imported = import_plan("k.txt", text.into_bytes(), Some(2024), &registry()).unwrap();
    assert_eq!(imported.plan.tasks().len(), 1);
    assert!(start.elapsed().as_secs() < 20, "{:?}", start.elapsed());
}

#[test]
fn areas_without_tasks_are_reported_not_dropped_in_silence() {
    let text = "KẾ HOẠCH\nCCHC năm 2025\nII. NHIỆM VỤ\n1. Cải cách thể chế\nRà soát văn bản.\n\
                2. Cải cách TTHC\na) Niêm yết.\n- Cơ quan chủ trì: Phòng Tư pháp.\n";
    let imported = import_plan("k.txt", text.into(), None, &registry()).unwrap();
    assert_eq!(imported.plan.year, 2025);
    assert_eq!(imported.plan.areas().len(), 1);
    let notes: Vec<&str> = imported
        .review
        .iter()
        .filter(|r| r.place == ReviewPlace::Plan && r.field == "linh_vuc")
        .map(|r| r.note.as_str())
        .collect();
    assert!(
        notes
            .iter()
            .any(|n| n.contains("\"1. Cải cách thể chế\" không có nhiệm vụ")),
        "{notes:?}"
    );
    let stray = imported
        .review
        .iter()
        .find(|r| r.note.contains("Rà soát văn bản."))
        .expect("the text of the area without tasks is on the review list");
    assert_eq!(stray.place_label(), "lĩnh-vực-1");
}
