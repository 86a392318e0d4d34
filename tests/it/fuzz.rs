//! Property tests (proptest) over the submission parser and the structure-safe text path:
//! whatever a unit's file contains, reading it never panics and every diagnostic points inside
//! the file; whatever text a valid report carries, the DOCX stays well-formed and shows the text
//! literally in one paragraph.
//!
//! The default number of cases keeps `cargo test` quick. `PROPTEST_CASES` sets the number of
//! cases of every property (proptest lets it override the configuration); for a long run (the
//! 10-minute fuzz run of BENCHMARKS.md), e.g.:
//! `PROPTEST_CASES=200000 cargo test --release --test it fuzz:: -- --nocapture`
//! and, to check the reports against the OOXML schemas afterwards,
//! `BAOCAO_FUZZ_DUMP=/tmp/fuzz PROPTEST_CASES=3200 cargo test --release --test it fuzz::` (3,200
//! reports), then
//! `python3 tools/ooxml/check-ooxml /tmp/fuzz/*.docx`.

use baocao::input::load_data;
use baocao::input::submission::{Reference, read_submission};
use baocao::model::dataset::DataSet;
use baocao::model::merge::merge_period;
use baocao::model::period::Period;
use baocao::model::submission::{Inbox, Placement};
use baocao::render::{self, markup, templates};
use baocao::text::is_xml_forbidden;
use proptest::prelude::*;
use std::path::PathBuf;
use std::sync::OnceLock;

fn data() -> &'static DataSet {
    static D: OnceLock<DataSet> = OnceLock::new();
    D.get_or_init(|| {
        load_data(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/base"))
            .expect("base fixture")
    })
}

fn tera() -> &'static tera::Tera {
    static T: OnceLock<tera::Tera> = OnceLock::new();
    T.get_or_init(|| templates::compile(None).expect("built-in templates"))
}

fn placement() -> Placement {
    Placement {
        folder_unit: data().registry.find_unit("phong-tu-phap"),
        at_root: false,
    }
}

/// Text as units produce it: Vietnamese, markup-looking characters, line breaks, controls,
/// quotes, private-use and astral characters.
fn nasty_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Phòng Tư pháp đã ban hành".to_string()),
        Just("# ".to_string()),
        Just("## 1. ".to_string()),
        Just("**".to_string()),
        Just("- ".to_string()),
        Just("{{ ky.ma }}".to_string()),
        Just("{% if true %}".to_string()),
        Just("<w:p><w:r><w:t>x</w:t></w:r></w:p>".to_string()),
        Just("&amp; & < > \" '".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\t".to_string()),
        Just("@trich_yeu ".to_string()),
        Just("=HYPERLINK(\"x\")".to_string()),
        Just("\u{0}\u{B}\u{C}\u{1F}".to_string()),
        Just("\u{E001}\u{E000}".to_string()),
        Just("\u{FEFF}\u{FFFE}".to_string()),
        Just("Phßng Néi vô".to_string()),
        Just("\u{1F600}𝔸".to_string()),
        "\\PC{0,12}",
    ];
    prop::collection::vec(piece, 0..12).prop_map(|v| v.concat())
}

/// YAML-ish documents: submission keys with random values, junk keys, broken syntax.
fn yamlish() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("don_vi".to_string()),
        Just("ky_bao_cao".to_string()),
        Just("ngay_bao_cao".to_string()),
        Just("nhiem_vu".to_string()),
        Just("chi_tieu".to_string()),
        Just("kho_khan".to_string()),
        Just("ma".to_string()),
        Just("trang_thai".to_string()),
        Just("tien_do".to_string()),
        Just("ket_qua".to_string()),
        "[a-z_]{1,8}",
    ];
    let value = prop_oneof![
        Just("phong-tu-phap".to_string()),
        Just("2024-Q1".to_string()),
        Just("2024-02-30".to_string()),
        Just("30/02/2024".to_string()),
        Just("hoan_thanh".to_string()),
        Just("\"1.a\"".to_string()),
        Just("[1, 2".to_string()),
        Just("&a [*a]".to_string()),
        Just("*a".to_string()),
        Just("\"unclosed".to_string()),
        Just("-5".to_string()),
        Just("1e999".to_string()),
        Just(".nan".to_string()),
        Just("~".to_string()),
        Just("{a: b}".to_string()),
        "[ -~]{0,10}",
    ];
    let line = (0usize..6, key, value, any::<bool>()).prop_map(|(indent, k, v, dash)| {
        format!(
            "{}{}{k}: {v}",
            " ".repeat(indent * 2),
            if dash { "- " } else { "" }
        )
    });
    prop::collection::vec(line, 0..30).prop_map(|v| v.join("\n"))
}

/// A submission's three header lines, each most often present, then a few YAML-ish lines:
/// often a valid file, sometimes one without its unit, period or date.
fn headed() -> impl Strategy<Value = String> {
    let present = prop::bool::weighted(0.8);
    ([present; 3], prop::collection::vec(yamlish(), 0..2)).prop_map(|(has, tail)| {
        let header = [
            "don_vi: phong-tu-phap",
            "ky_bao_cao: 2024-Q1",
            "ngay_bao_cao: 2024-03-12",
        ];
        let mut lines: Vec<String> = header
            .iter()
            .zip(has)
            .filter(|(_, h)| *h)
            .map(|(l, _)| l.to_string())
            .collect();
        lines.extend(tail);
        lines.join("\n")
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn reading_any_text_never_panics_and_points_inside_the_file(text in prop_oneof![yamlish(), nasty_text(), headed()]) {
        let file = "nop/phong-tu-phap/x.yaml";
        let lines = text.lines().count().max(1) as u32 + 1;
        let s = read_submission(file, &text, placement(), &Reference::of(data()), Vec::new());
        for d in &s.diags {
            prop_assert!(!d.message.is_empty());
            // Every diagnostic is about this file.
            prop_assert_eq!(&d.file, file, "{:?}", d);
            if let Some(l) = d.line {
                prop_assert!(l >= 1 && l <= lines, "line {l} of {lines}: {d:?}");
                prop_assert!(d.col.unwrap_or(1) >= 1);
            }
        }
        // A file passes only when its unit and period were read: a valid submission always
        // says whose report it is and for which period.
        if s.is_valid() {
            prop_assert!(s.unit.is_some() && s.period.is_some(), "{:?}", s);
        }
    }

    #[test]
    fn any_bytes_are_decoded_or_refused_with_a_reason(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        match baocao::input::decode::decode("x.yaml", &bytes) {
            Ok((text, _)) => prop_assert!(!text.chars().any(is_xml_forbidden)),
            Err(d) => prop_assert!(d.is_error() && !d.message.is_empty()),
        }
    }

    #[test]
    fn escaped_text_is_one_paragraph_shown_literally(text in nasty_text()) {
        let mut escaped = String::new();
        markup::escape(&text, &mut escaped);
        let doc = markup::parse(&format!("Kết quả: {escaped}"));
        prop_assert!(doc.settings.is_empty());
        prop_assert_eq!(doc.blocks.len(), 1);
        let markup::Block::Paragraph(p) = &doc.blocks[0] else { panic!("{:?}", doc.blocks[0]) };
        let shown: String = p.iter().map(|i| match i {
            markup::Inline::Text { text, bold } => { assert!(!bold); text.clone() }
            markup::Inline::Break => "\n".into(),
        }).collect();
        let expected: String = text
            .replace("\r\n", "\n")
            .chars()
            .filter(|c| *c != '\r' && !is_xml_forbidden(*c) && !('\u{E000}'..='\u{E0FF}').contains(c))
            .collect();
        // The line's own ends are trimmed, as any paragraph's; a trailing line break of the
        // text stays a (harmless) line break.
        let want = format!("Kết quả: {expected}");
        prop_assert_eq!(shown.trim(), want.trim());
    }
}

proptest! {
    // Rendering a whole report per case is slower: fewer cases by default.
    #![proptest_config(ProptestConfig { cases: 12, failure_persistence: None, .. ProptestConfig::default() })]

    #[test]
    fn any_result_text_keeps_the_report_well_formed(result in nasty_text(), difficulty in nasty_text()) {
        let yaml = format!(
            "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nnhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: dang_thuc_hien\n    ket_qua: {}\nkho_khan: [{}]\n",
            serde_json::to_string(&result).unwrap(),
            serde_json::to_string(&difficulty).unwrap(),
        );
        let (text, warnings) = baocao::input::decode::decode("x.yaml", yaml.as_bytes()).unwrap();
        let sub = read_submission("nop/phong-tu-phap/x.yaml", &text, placement(), &Reference::of(data()), warnings);
        prop_assume!(sub.is_valid());
        let period = Period::parse("2024-Q1").unwrap();
        prop_assert_eq!(sub.unit, data().registry.find_unit("phong-tu-phap"));
        prop_assert_eq!(sub.period, Some(period));
        let inbox = Inbox::new(vec![sub]);
        let plan = &data().plans[&2024];
        let report = merge_period(data(), plan, period, &inbox);
        let bytes = render::report_docx(&report, tera()).unwrap();
        // For the schema check of a long run: BAOCAO_FUZZ_DUMP=DIR keeps every report.
        if let Some(dir) = std::env::var_os("BAOCAO_FUZZ_DUMP") {
            static N: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
            let n = N.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(PathBuf::from(dir).join(format!("fuzz-{n:05}.docx")), &bytes).unwrap();
        }
        let xml = {
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
            let mut e = z.by_name("word/document.xml").unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut e, &mut s).unwrap();
            s
        };
        // No character XML forbids (a YAML escape such as "\0" must not bring one in), and
        // well-formed XML all the way through.
        prop_assert!(!xml.chars().any(is_xml_forbidden));
        let mut r = quick_xml::Reader::from_str(&xml);
        loop {
            match r.read_event() {
                Ok(quick_xml::events::Event::Eof) => break,
                Ok(_) => {}
                Err(e) => prop_assert!(false, "malformed document.xml: {e}"),
            }
        }
        // The five section headings, no more.
        let heads = ["I. CÔNG TÁC", "II. KẾT QUẢ", "III. ĐÁNH GIÁ", "IV. PHƯƠNG HƯỚNG", "V. ĐỀ XUẤT"];
        for h in heads {
            prop_assert_eq!(xml.matches(&format!(">{h}")).count(), 1, "{}", h);
        }
    }
}
