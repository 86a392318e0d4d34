//! Unit tests of `names`.

use super::*;
use crate::model::ids::{GroupIdx, UnitIdx};
use crate::model::registry::{Group, Unit};

fn registry() -> Registry {
    let unit = |id: &str, name: &str, other: &[&str]| Unit {
        id: id.into(),
        name: name.into(),
        groups: Vec::new(),
        other_names: other.iter().map(|s| s.to_string()).collect(),
    };
    let group = |id: &str, name: &str, other: &[&str]| Group {
        id: id.into(),
        name: name.into(),
        other_names: other.iter().map(|s| s.to_string()).collect(),
    };
    Registry::new(
        vec![
            unit("phong-tu-phap", "Phòng Tư pháp", &[]),
            unit("van-phong", "Văn phòng HĐND và UBND thành phố", &[]),
            unit(
                "phong-tckh",
                "Phòng Tài chính - Kế hoạch",
                &["Phòng Tài chính - Kế hoạch thành phố"],
            ),
            unit("phong-vhtt", "Phòng Văn hóa và Thông tin", &[]),
        ],
        vec![
            group("xa-phuong", "UBND các xã, phường", &["UBND xã, phường"]),
            group(
                "co-quan-don-vi",
                "Các cơ quan, đơn vị thuộc UBND thành phố",
                &["Các cơ quan, đơn vị thành phố", "Các cơ quan, đơn vị"],
            ),
            group(
                "cq-chuyen-mon",
                "Các cơ quan chuyên môn thuộc UBND thành phố",
                &["Các cơ quan chuyên môn"],
            ),
            group("tthc", "Các cơ quan giải quyết thủ tục hành chính", &[]),
        ],
    )
}

fn ids(index: &NameIndex, m: &Matched) -> Vec<String> {
    m.refs.iter().map(|r| index.id(*r)).collect()
}

#[test]
fn keys_normalise_the_ways_names_are_written() {
    assert_eq!(
        name_key("Văn phòng HĐND&UBND TP."),
        name_key("Văn phòng Hội đồng nhân dân và Uỷ ban nhân dân thành phố")
    );
    assert_eq!(
        name_key("Phòng Tài chính – Kế hoạch"),
        name_key("Phòng Tài chính-Kế hoạch")
    );
    assert_eq!(
        name_key("Các cơ quan , đơn vị"),
        name_key("cơ quan, đơn vị")
    );
    assert_eq!(name_key("Phòng Văn hoá"), name_key("PHÒNG VĂN HÓA"));
    assert_eq!(
        name_key("Các cơ quan giải quyết TTHC"),
        name_key("Các cơ quan giải quyết thủ tục hành chính")
    );
}

#[test]
fn names_groups_and_what_is_left() {
    let reg = registry();
    let index = NameIndex::new(&reg);
    let m = match_names(
        &index,
        "Phòng Tư pháp và các cơ quan, đơn vị thành phố; UBND xã, phường.",
        true,
    );
    assert_eq!(
        ids(&index, &m),
        ["phong-tu-phap", "@co-quan-don-vi", "@xa-phuong"]
    );
    assert_eq!(m.other, None);
    let m = match_names(
        &index,
        "Phòng Tư pháp và các cơ quan, đơn vị có liên quan.",
        false,
    );
    assert_eq!(ids(&index, &m), ["phong-tu-phap"]);
    assert_eq!(m.other.as_deref(), Some("Các cơ quan, đơn vị có liên quan"));
    assert!(m.unmatched.iter().all(|u| u.generic));
    let m = match_names(
        &index,
        "Văn phòng HĐND&UBND thành phố; Phòng Văn hóa và Thông tin",
        false,
    );
    assert_eq!(ids(&index, &m), ["van-phong", "phong-vhtt"]);
    let m = match_names(&index, "Phòng Tài chính – Kế hoạch thành phố.", true);
    assert_eq!(ids(&index, &m), ["phong-tckh"]);
}

#[test]
fn unknown_names_are_kept_with_the_closest() {
    let reg = registry();
    let index = NameIndex::new(&reg);
    let m = match_names(
        &index,
        "Ban Pháp chế HĐND thành phố, các cơ quan, đơn vị có liên quan.",
        false,
    );
    assert!(m.refs.is_empty());
    assert_eq!(
        m.other.as_deref(),
        Some("Ban Pháp chế HĐND thành phố, các cơ quan, đơn vị có liên quan")
    );
    assert_eq!(m.unmatched.len(), 2);
    assert_eq!(m.unmatched[0].text, "Ban Pháp chế HĐND thành phố");
    assert!(!m.unmatched[0].generic);
    assert!(
        m.unmatched[0].closest[0].contains("van-phong"),
        "{:?}",
        m.unmatched[0].closest
    );
    assert!(m.unmatched[1].generic);
    let m = match_names(&index, "Phòng Tư pháq", true);
    assert_eq!(m.other.as_deref(), Some("Phòng Tư pháq"));
    assert!(m.unmatched[0].closest[0].starts_with("Phòng Tư pháp (phong-tu-phap)"));
}

#[test]
fn related_leads_read_as_the_group() {
    let reg = registry();
    let index = NameIndex::new(&reg);
    let m = match_names(&index, "Các cơ quan chuyên môn liên quan.", true);
    assert_eq!(ids(&index, &m), ["@cq-chuyen-mon"]);
    assert_eq!(m.related.len(), 1);
    let m = match_names(&index, "Các cơ quan chuyên môn liên quan.", false);
    assert!(m.refs.is_empty());
    let _ = (UnitIdx::new(0), GroupIdx::new(0));
}
