//! The report (DOCX) against the state format, Nghị định 30/2020/NĐ-CP (docs/the-thuc.md):
//! one test per rule, read from the XML of the sample data's reports; plus
//! structure-safe text, determinism, templates read at run time, and (with `--ignored`, when
//! LibreOffice and lxml are installed, as in CI) schema validation and a PDF round trip.

use crate::common::*;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The sample data's four periods, built once for all tests of this file.
fn sample() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = tempfile::tempdir().unwrap();
        let templates = root().join("templates");
        let o = build_with(
            &root().join("data"),
            tmp.path(),
            &["--templates".as_ref(), templates.as_os_str()],
        );
        assert_ok(&o);
        tmp
    })
    .path()
}

fn docx(ky: &str) -> PathBuf {
    sample().join(ky).join(format!("bao-cao-cchc-{ky}.docx"))
}

fn json(ky: &str) -> Value {
    json_at(sample(), ky)
}

fn document(ky: &str) -> String {
    zip_part(&docx(ky), "word/document.xml")
}

fn para<'a>(ps: &'a [Para], text: &str) -> &'a Para {
    ps.iter()
        .find(|p| p.text == text)
        .unwrap_or_else(|| panic!("no paragraph {text:?}"))
}

fn para_starting<'a>(ps: &'a [Para], text: &str) -> &'a Para {
    ps.iter()
        .find(|p| p.text.starts_with(text))
        .unwrap_or_else(|| panic!("no paragraph starting {text:?}"))
}

/// Every `<w:sectPr>` of the document, in order.
fn sections(xml: &str) -> Vec<String> {
    xml.match_indices("<w:sectPr")
        .map(|(i, _)| {
            let end = i + xml[i..].find("</w:sectPr>").unwrap() + 11;
            xml[i..end].to_string()
        })
        .collect()
}

fn twips(s: &str, tag: &str, a: &str) -> i64 {
    attr(s, tag, a)
        .unwrap_or_else(|| panic!("{tag}@{a} in {s}"))
        .parse()
        .unwrap()
}

const PERIODS: [&str; 4] = ["2024-Q1", "2024-6T", "2024-Q3", "2024-NAM"];

#[test]
fn page_is_a4_portrait_with_nd30_margins() {
    for ky in PERIODS {
        let s = sections(&document(ky));
        let body = &s[0];
        assert_eq!(twips(body, "w:pgSz", "w:w"), 11906, "{ky}");
        assert_eq!(twips(body, "w:pgSz", "w:h"), 16838, "{ky}");
        assert!(attr(body, "w:pgSz", "w:orient").is_none_or(|o| o == "portrait"));
        let (top, bottom) = (
            twips(body, "w:pgMar", "w:top"),
            twips(body, "w:pgMar", "w:bottom"),
        );
        let (left, right) = (
            twips(body, "w:pgMar", "w:left"),
            twips(body, "w:pgMar", "w:right"),
        );
        assert!(
            (1134..=1417).contains(&top) && (1134..=1417).contains(&bottom),
            "{ky}: {top} {bottom}"
        );
        assert!((1701..=1984).contains(&left), "{ky}: left {left}");
        assert!((850..=1134).contains(&right), "{ky}: right {right}");
    }
}

#[test]
fn times_new_roman_in_all_four_slots_and_nothing_else() {
    let styles = zip_part(&docx("2024-Q1"), "word/styles.xml");
    let defaults =
        &styles[styles.find("<w:docDefaults").unwrap()..styles.find("</w:docDefaults>").unwrap()];
    for slot in ["w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"] {
        assert_eq!(
            attr(defaults, "w:rFonts", slot).as_deref(),
            Some("Times New Roman"),
            "{slot}"
        );
    }
    for part in ["word/document.xml", "word/styles.xml", "word/header1.xml"] {
        let xml = zip_part(&docx("2024-Q1"), part);
        for (i, _) in xml.match_indices("<w:rFonts ") {
            let tag = &xml[i..i + xml[i..].find('>').unwrap()];
            for (j, _) in tag.match_indices("=\"") {
                let v = &tag[j + 2..j + 2 + tag[j + 2..].find('"').unwrap()];
                assert_eq!(v, "Times New Roman", "{part}: {tag}");
            }
        }
    }
}

#[test]
fn page_numbers_are_centred_in_the_header_and_hidden_on_page_one() {
    let path = docx("2024-Q1");
    let header = zip_part(&path, "word/header1.xml");
    assert!(header.contains("PAGE"), "{header}");
    let hp = paragraphs(&header);
    assert!(hp[0].has("<w:jc w:val=\"center\""), "{}", hp[0].xml);
    let size = attr(&header, "w:sz", "w:val").unwrap();
    assert!(["26", "28"].contains(&size.as_str()), "13–14 pt: {size}");
    let doc = document("2024-Q1");
    for s in sections(&doc) {
        assert!(
            s.contains("<w:titlePg"),
            "every section hides the number of its first page: {s}"
        );
        assert!(
            !s.contains("w:type=\"first\""),
            "no first-page header: page 1 stays blank"
        );
    }
}

#[test]
fn letterhead_follows_the_layout() {
    let xml = document("2024-Q1");
    let first_table = &xml[xml.find("<w:tbl>").unwrap()..xml.find("</w:tbl>").unwrap()];
    // No borders: every border of the table is none or nil.
    let props = &first_table[..first_table.find("</w:tblPr>").unwrap()];
    assert!(!props.contains("w:val=\"single\""), "{props}");
    assert!(
        !props.contains("<w:tblStyle"),
        "no style that could bring borders"
    );
    let ps = paragraphs(first_table);
    // Issuing body: capitals, bold, 12–13 pt, centred, with its line broken after "ỦY BAN NHÂN DÂN".
    for line in ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ QUẢNG NGÃI"] {
        let p = para(&ps, line);
        assert!(p.has("<w:b />") || p.has("<w:b/>"), "{line}: bold");
        assert!(p.has("<w:jc w:val=\"center\""), "{line}: centred");
        assert!(
            p.has("<w:sz w:val=\"24\"") || p.has("<w:sz w:val=\"26\""),
            "{line}: 12–13 pt"
        );
    }
    // The rules are paragraph bottom borders; the motto's rule is as long as the motto.
    let rules: Vec<&Para> = ps
        .iter()
        .filter(|p| p.has("<w:bottom w:val=\"single\""))
        .collect();
    assert_eq!(rules.len(), 2);
    let motto = para(&ps, "Độc lập - Tự do - Hạnh phúc");
    assert!(
        motto.has("<w:b />")
            && (motto.has("<w:sz w:val=\"26\"") || motto.has("<w:sz w:val=\"28\""))
    );
    let national = para(&ps, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    assert!(
        national.has("<w:b />")
            && (national.has("<w:sz w:val=\"24\"") || national.has("<w:sz w:val=\"26\""))
    );
    // The body name's rule: 1/3 to 1/2 of the name; the motto's rule: the motto's length.
    let rule_len = |p: &Para, cell: i64| cell - 216 - 2 * twips(&p.xml, "w:ind", "w:left");
    let name_w = baocao::render::docx::text_width("THÀNH PHỐ QUẢNG NGÃI", 24, true) as i64;
    let r0 = rule_len(rules[0], 3686);
    assert!(
        r0 * 3 >= name_w && r0 * 2 <= name_w,
        "rule {r0} for a name of {name_w}"
    );
    let motto_w = baocao::render::docx::text_width("Độc lập - Tự do - Hạnh phúc", 26, true) as i64;
    let r1 = rule_len(rules[1], 9355 - 3686);
    assert!(
        (r1 - motto_w).abs() <= 20,
        "motto rule {r1} vs motto {motto_w}"
    );
    // Number left blank for the clerk, code from the configuration, 13 pt.
    let number = para(&ps, "Số:      /BC-UBND");
    assert!(number.has("<w:sz w:val=\"26\""));
    // Place and date in italics, day left blank, month by the ND30 rule.
    let date = para(&ps, "TP. Quảng Ngãi, ngày      tháng 3 năm 2024");
    assert!(date.has("<w:i />"));
    assert!(date.has("<w:sz w:val=\"26\"") || date.has("<w:sz w:val=\"28\""));
    let nam = paragraphs(&document("2024-NAM"));
    assert!(
        nam.iter()
            .any(|p| p.text == "TP. Quảng Ngãi, ngày      tháng 12 năm 2024")
    );
}

#[test]
fn title_summary_line_rule_and_addressee() {
    let ps = paragraphs(&document("2024-6T"));
    let title = para(&ps, "BÁO CÁO");
    assert!(
        title.has("<w:b />")
            && title.has("<w:jc w:val=\"center\"")
            && title.has("<w:sz w:val=\"28\"")
    );
    let summary = "Tình hình, kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm 2024";
    let i = ps
        .iter()
        .position(|p| p.text == summary)
        .expect("trích yếu");
    assert!(ps[i].has("<w:b />") && ps[i].has("<w:jc w:val=\"center\""));
    // The next paragraph is the short rule: 1/3 to 1/2 of the line.
    let rule = &ps[i + 1];
    assert!(rule.has("<w:bottom w:val=\"single\""), "{}", rule.xml);
    let line = (baocao::render::docx::text_width(summary, 28, true) as i64).min(9355);
    let len = 9355 - 2 * twips(&rule.xml, "w:ind", "w:left");
    assert!(len * 3 >= line && len * 2 <= line, "rule {len} of {line}");
    let to = para(&ps, "Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi");
    assert!(!to.has("<w:b />"));
}

#[test]
fn body_is_justified_indented_and_spaced() {
    let ps = paragraphs(&document("2024-Q1"));
    let start = ps
        .iter()
        .position(|p| p.text.starts_with("Thực hiện Kế hoạch"))
        .unwrap();
    let end = ps
        .iter()
        .position(|p| p.text.starts_with("Trên đây là báo cáo"))
        .unwrap();
    assert!(end - start > 50, "a real body");
    for p in &ps[start..=end] {
        assert!(p.has("<w:jc w:val=\"both\""), "justified: {}", p.text);
        let first = twips(&p.xml, "w:ind", "w:firstLine");
        assert!((567..=720).contains(&first), "1–1,27 cm: {first}");
        let after = twips(&p.xml, "w:spacing", "w:after");
        let before = attr(&p.xml, "w:spacing", "w:before").map_or(0, |v| v.parse::<i64>().unwrap());
        assert!(
            after >= 120 || before >= 120,
            "at least 6 pt between paragraphs"
        );
        let line = twips(&p.xml, "w:spacing", "w:line");
        assert!((240..=360).contains(&line), "single to 1,5 lines: {line}");
        for size in p
            .xml
            .match_indices("<w:sz w:val=\"")
            .map(|(i, _)| &p.xml[i + 13..i + 15])
        {
            assert!(["26", "28"].contains(&size), "13–14 pt: {}", p.text);
        }
    }
    // Lists are "- " dashes, never Word numbering or bullets.
    assert!(!document("2024-Q1").contains("<w:numPr"));
}

#[test]
fn five_sections_with_roman_numerals_in_capitals_and_bold() {
    for ky in PERIODS {
        let ps = paragraphs(&document(ky));
        let heads: Vec<&Para> = ps
            .iter()
            .filter(|p| {
                ["I. ", "II. ", "III. ", "IV. ", "V. "]
                    .iter()
                    .any(|r| p.text.starts_with(r))
            })
            .collect();
        let numbers: Vec<&str> = heads
            .iter()
            .map(|p| p.text.split(' ').next().unwrap())
            .collect();
        assert_eq!(numbers, ["I.", "II.", "III.", "IV.", "V."], "{ky}");
        for h in heads {
            assert_eq!(h.text, h.text.to_uppercase(), "{ky}: capitals");
            assert!(h.has("<w:b />"), "{ky}: bold");
        }
        assert!(
            ps.iter()
                .any(|p| p.text == "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH")
        );
        assert!(
            ps.iter()
                .any(|p| p.text == "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH")
        );
        assert!(ps.iter().any(|p| p.text == "III. ĐÁNH GIÁ CHUNG"));
        assert!(ps.iter().any(|p| p.text == "V. ĐỀ XUẤT, KIẾN NGHỊ"));
    }
    let nam = paragraphs(&document("2024-NAM"));
    assert!(
        nam.iter()
            .any(|p| p.text == "IV. NHIỆM VỤ TRỌNG TÂM NĂM 2025"),
        "the annual report looks at next year"
    );
    let q1 = paragraphs(&document("2024-Q1"));
    assert!(
        q1.iter()
            .any(|p| p.text == "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ II NĂM 2024")
    );
    // Level 2: "1." bold in normal case; level 3: the plan's own labels ("đ)", and "c)" twice).
    let h2 = para(&q1, "1. Cải cách thể chế");
    assert!(h2.has("<w:b />"));
    assert!(
        q1.iter()
            .any(|p| p.text.starts_with("đ) Công bố kết quả hệ thống hóa"))
    );
    assert_eq!(
        q1.iter().filter(|p| p.text.starts_with("c) ")).count(),
        8,
        "areas 1 to 6 have a c), area 7 two"
    );
}

#[test]
fn body_ends_with_the_closing_mark() {
    let ps = paragraphs(&document("2024-Q1"));
    let last = para_starting(&ps, "Trên đây là báo cáo");
    assert!(
        last.text.ends_with("UBND thành phố Quảng Ngãi./."),
        "{}",
        last.text
    );
    assert_eq!(ps.iter().filter(|p| p.text.contains("./.")).count(), 1);
}

#[test]
fn recipients_and_signature_side_by_side() {
    let xml = document("2024-Q1");
    let start = xml.find("Nơi nhận:").unwrap();
    let tbl_start = xml[..start].rfind("<w:tbl>").unwrap();
    let tbl = &xml[tbl_start..start + xml[start..].find("</w:tbl>").unwrap()];
    assert_eq!(tbl.matches("<w:tc>").count(), 2, "two columns");
    assert!(
        !tbl[..tbl.find("</w:tblPr>").unwrap()].contains("w:val=\"single\""),
        "no borders"
    );
    let ps = paragraphs(tbl);
    let label = para(&ps, "Nơi nhận:");
    assert!(label.has("<w:b />") && label.has("<w:i />") && label.has("<w:sz w:val=\"24\""));
    let lines: Vec<&Para> = ps.iter().filter(|p| p.text.starts_with("- ")).collect();
    assert_eq!(
        lines[0].text, "- Như trên;",
        "a report sent upward starts with Như trên"
    );
    for l in &lines[..lines.len() - 1] {
        assert!(l.text.ends_with(';'), "{}", l.text);
        assert!(l.has("<w:sz w:val=\"22\""), "11 pt");
    }
    assert_eq!(lines.last().unwrap().text, "- Lưu: VT, NV.");
    for (text, bold) in [
        ("TM. ỦY BAN NHÂN DÂN", true),
        ("CHỦ TỊCH", true),
        ("Trà Thanh Danh", true),
    ] {
        let p = para(&ps, text);
        assert_eq!(p.has("<w:b />"), bold, "{text}");
        assert!(p.has("<w:jc w:val=\"center\""));
        assert!(
            p.has("<w:sz w:val=\"26\"") || p.has("<w:sz w:val=\"28\""),
            "{text}: 13–14 pt"
        );
    }
    // Space for the signature and seal between the title and the name.
    let title = ps.iter().position(|p| p.text == "CHỦ TỊCH").unwrap();
    let name = ps.iter().position(|p| p.text == "Trà Thanh Danh").unwrap();
    assert!(name - title >= 4);
}

#[test]
fn landscape_appendix_with_repeating_header_rows_and_whole_rows() {
    let xml = document("2024-Q3");
    let s = sections(&xml);
    assert_eq!(s.len(), 3, "body, appendix I, appendix II");
    for a in &s[1..] {
        assert_eq!(attr(a, "w:pgSz", "w:orient").as_deref(), Some("landscape"));
        assert_eq!(twips(a, "w:pgSz", "w:w"), 16838);
        assert_eq!(twips(a, "w:pgSz", "w:h"), 11906);
        // Bound along the top edge (the portrait pages' left): the 30-35 mm binding margin
        // on top, the portrait right margin at the bottom, 20-25 mm at the sides.
        assert!((1701..=1984).contains(&twips(a, "w:pgMar", "w:top")), "{a}");
        assert!(
            (850..=1134).contains(&twips(a, "w:pgMar", "w:bottom")),
            "{a}"
        );
        for side in ["w:left", "w:right"] {
            assert!(
                (1134..=1417).contains(&twips(a, "w:pgMar", side)),
                "{side}: {a}"
            );
        }
        assert_eq!(
            attr(a, "w:pgNumType", "w:start").as_deref(),
            Some("1"),
            "appendix pages numbered on their own"
        );
    }
    let ps = paragraphs(&xml);
    for n in ["Phụ lục I", "Phụ lục II"] {
        let p = para(&ps, n);
        assert!(p.has("<w:b />") && p.has("<w:jc w:val=\"center\"") && p.has("<w:sz w:val=\"28\""));
    }
    let t = para(
        &ps,
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH QUÝ III NĂM 2024",
    );
    assert!(t.has("<w:b />"));
    let refs: Vec<&Para> = ps
        .iter()
        .filter(|p| {
            p.text
                .starts_with("(Kèm theo Báo cáo số      /BC-UBND ngày      tháng")
        })
        .collect();
    assert_eq!(refs.len(), 2);
    assert!(
        refs[0]
            .text
            .ends_with("năm 2024 của UBND thành phố Quảng Ngãi)")
    );
    assert!(refs[0].has("<w:i />"));
    // The two data tables: bordered, a bold header row that repeats, rows that do not split.
    let tables: Vec<&str> = xml.split("<w:tbl>").skip(1).collect();
    assert_eq!(tables.len(), 4, "letterhead, signature, tasks, indicators");
    for t in &tables[2..] {
        let tbl = &t[..t.find("</w:tbl>").unwrap()];
        assert!(
            tbl[..tbl.find("</w:tblPr>").unwrap()].contains("w:val=\"single\""),
            "borders"
        );
        let first_row = &tbl[tbl.find("<w:tr>").unwrap()..tbl.find("</w:tr>").unwrap()];
        assert!(first_row.contains("<w:tblHeader />") || first_row.contains("<w:tblHeader/>"));
        assert_eq!(tbl.matches("<w:tblHeader").count(), 1);
        assert_eq!(
            tbl.matches("<w:tr>").count(),
            tbl.matches("<w:cantSplit").count(),
            "every row kept whole"
        );
    }
    // One row per task (plus one per area) in appendix I.
    let tasks = tables[2];
    assert_eq!(tasks.matches("<w:tr>").count(), 1 + 7 + 40);
}

/// The cells of one table row: each cell's XML.
fn cells(row: &str) -> Vec<&str> {
    row.split("<w:tc>").skip(1).collect()
}

/// The alignment (`w:jc`) of every paragraph of a piece of XML.
fn alignments(xml: &str) -> Vec<String> {
    paragraphs(xml)
        .iter()
        .map(|p| attr(&p.xml, "w:jc", "w:val").unwrap_or_else(|| "left".into()))
        .collect()
}

#[test]
fn appendix_cells_are_left_aligned_numbers_right_and_header_words_whole() {
    let xml = document("2024-Q3");
    let tables: Vec<&str> = xml
        .split("<w:tbl>")
        .skip(1)
        .map(|t| &t[..t.find("</w:tbl>").unwrap()])
        .collect();
    // Column by column: "t" text (left), "c" centred ordinal, "r" number (right).
    for (tbl, kinds) in [(tables[2], "ctttttt"), (tables[3], "cttr")] {
        let kinds: Vec<char> = kinds.chars().collect();
        let grid: Vec<i64> = tbl
            .match_indices("<w:gridCol ")
            .map(|(i, _)| twips(&tbl[i..], "w:gridCol", "w:w"))
            .collect();
        assert_eq!(grid.len(), kinds.len());
        let mar = &tbl[tbl.find("<w:tblCellMar>").unwrap()..tbl.find("</w:tblCellMar>").unwrap()];
        let side = |tag: &str| attr(mar, tag, "w:w").map(|v| v.parse::<i64>().unwrap());
        let inner = side("w:left").or(side("w:start")).unwrap()
            + side("w:right").or(side("w:end")).unwrap();
        let rows: Vec<&str> = tbl.split("<w:tr>").skip(1).collect();
        // The header: centred, bold 12 pt, and every word fits its column on one line.
        let head = cells(rows[0]);
        assert_eq!(head.len(), grid.len());
        for (cell, width) in head.iter().zip(&grid) {
            let p = &paragraphs(cell)[0];
            assert_eq!(alignments(cell), ["center"], "{}", p.text);
            assert!(
                p.has("<w:b />") && p.has("<w:sz w:val=\"24\""),
                "{}",
                p.text
            );
            for word in p.text.split_whitespace() {
                let w = (baocao::render::metrics::em(word, true) * 240.0).ceil() as i64;
                assert!(
                    w + inner < *width,
                    "header word {word:?} ({w} twips) does not fit a {width}-twip cell"
                );
            }
        }
        assert!(head[0].contains(">STT<"), "STT in one run");
        // The body: never justified; each column aligned as its kind says.
        let mut full_rows = 0;
        for row in &rows[1..] {
            let cs = cells(row);
            for c in &cs {
                assert!(!alignments(c).contains(&"both".to_string()), "{c}");
            }
            if cs.len() != kinds.len() {
                continue;
            }
            full_rows += 1;
            for (c, kind) in cs.iter().zip(&kinds) {
                let want = match kind {
                    't' => "left",
                    'c' => "center",
                    _ => "right",
                };
                for jc in alignments(c) {
                    assert_eq!(jc, want, "{c}");
                }
            }
        }
        assert!(full_rows > 10, "{full_rows} rows checked");
    }
}

#[test]
fn numbers_in_the_text_equal_the_json() {
    let mut small_counts_seen = 0;
    for ky in PERIODS {
        let j = json(ky);
        let text: Vec<String> = paragraphs(&document(ky))
            .into_iter()
            .map(|p| p.text)
            .collect();
        let all = text.join("\n");
        let c = &j["dem_trang_thai"];
        let two = |n: &Value| baocao::render::format::two_digits(n.as_i64().unwrap());
        let done = format!(
            "đã hoàn thành {}/{} nhiệm vụ",
            two(&c["hoan_thanh"]),
            two(&j["tong_so_nhiem_vu"])
        );
        assert!(all.contains(&done), "{ky}: {done}");
        let rate =
            100.0 * c["hoan_thanh"].as_f64().unwrap() / j["tong_so_nhiem_vu"].as_f64().unwrap();
        assert!(
            all.contains(&format!("đạt {}", baocao::render::format::percent(rate, 1))),
            "{ky}: rate"
        );
        for (key, phrase) in [
            ("dang_thuc_hien", "nhiệm vụ đang thực hiện"),
            ("cham_tien_do", "nhiệm vụ chậm tiến độ"),
        ] {
            if c[key].as_i64().unwrap() > 0 {
                assert!(
                    all.contains(&format!("{} {phrase}", two(&c[key]))),
                    "{ky}: {key}"
                );
            }
        }
        let units = &j["dem_don_vi"];
        assert!(
            all.contains(&format!(
                "Có {}/{} cơ quan, đơn vị, địa phương gửi báo cáo hợp lệ",
                two(&units["hop_le"]),
                two(&units["tong"])
            )),
            "{ky}"
        );
        if j["qua_han"].as_i64().unwrap() > 0 {
            assert!(
                all.contains(&format!("còn {} nhiệm vụ quá hạn", two(&j["qua_han"]))),
                "{ky}"
            );
        }
        // Every indicator of the JSON, formatted the Vietnamese way, in appendix II.
        for ind in j["chi_tieu"].as_array().unwrap() {
            let shown = match ind["gia_tri"].as_f64() {
                None => "Chưa có số liệu".to_string(),
                Some(v) if ind["cach_tinh"] == "ty_le" => baocao::render::format::percent(v, 2),
                Some(v) => baocao::render::format::number(v, None),
            };
            assert!(text.contains(&shown), "{ky}: {} = {shown}", ind["ma"]);
        }
        // The body's lines of results give counts with two digits below ten (ND30:
        // "ban hành 02 kế hoạch"): "- Số văn bản QPPL được ban hành: 01 văn bản." (every
        // summed indicator of the sample counts things).
        for ind in j["chi_tieu"].as_array().unwrap() {
            let (Some(v), Some("tong")) = (ind["gia_tri"].as_f64(), ind["cach_tinh"].as_str())
            else {
                continue;
            };
            let line = format!("- {}: ", ind["ten"].as_str().unwrap());
            if let Some(at) = all.find(&line) {
                let want = format!(
                    "{line}{} {}.",
                    two_digit_count(v),
                    ind["don_vi_tinh"].as_str().unwrap()
                );
                assert!(all[at..].starts_with(&want), "{ky}: {want}");
                small_counts_seen += usize::from((1.0..10.0).contains(&v));
            }
        }
    }
    assert!(small_counts_seen > 0, "some count below ten was checked");
}

#[test]
fn counts_take_two_digits_in_indicator_lines_and_amounts_do_not() {
    let c = Case::base();
    let catalogue = std::fs::read_to_string(c.data().join("chi-tieu.yaml")).unwrap();
    // The amount in area 2, so that its line is printed beside the counts'.
    c.write(
        "chi-tieu.yaml",
        catalogue.replace("linh_vuc: \"5\"", "linh_vuc: \"2\""),
    );
    c.write(
        "nop/phong-tu-phap/2024-Q1.yaml",
        "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nchi_tieu:\n  hs_tiep_nhan: 3\n  hs_dung_han: 12\n  kinh_phi: 5\n",
    );
    assert_ok(&c.run("build", &["--ky", "2024-Q1"]));
    let doc = zip_part(
        &c.out().join("2024-Q1/bao-cao-cchc-2024-Q1.docx"),
        "word/document.xml",
    );
    let texts: Vec<String> = paragraphs(&doc).into_iter().map(|p| p.text).collect();
    for line in [
        "- Số hồ sơ TTHC tiếp nhận: 03 hồ sơ.",
        "- Số hồ sơ giải quyết đúng hạn: 12 hồ sơ.",
        "- Kinh phí thực hiện CCHC: 5 triệu đồng.",
    ] {
        assert!(texts.iter().any(|t| t == line), "{line}\n{texts:#?}");
    }
}

/// "01" … "09" for whole numbers below ten; others as the JSON has them, Vietnamese style.
fn two_digit_count(v: f64) -> String {
    if v.fract() == 0.0 && (1.0..10.0).contains(&v) {
        format!("0{v}")
    } else {
        baocao::render::format::number(v, None)
    }
}

#[test]
fn submitted_text_cannot_change_the_document_structure() {
    let c = Case::new("tron-ven");
    let hostile = "# Giả đề mục\n## 1. Mục giả\n**đậm giả** 1. 2. - gạch\n{{ ky.ma }} {% if true %}x{% endif %}\n<w:p><w:r><w:t>chèn</w:t></w:r></w:p> & &amp; @trich_yeu giả";
    let yaml = format!(
        "don_vi: phong-tu-phap\nky_bao_cao: 2024-Q1\nngay_bao_cao: 2024-03-12\nnhiem_vu:\n  - ma: \"1.b\"\n    trang_thai: dang_thuc_hien\n    ket_qua: {}\n",
        serde_json::to_string(hostile).unwrap()
    );
    c.write("nop/phong-tu-phap/2024-Q1.yaml", yaml);
    let o = c.run(
        "build",
        &[
            "--ky",
            "2024-Q1",
            "--templates",
            root().join("templates").to_str().unwrap(),
        ],
    );
    assert_ok(&o);
    let path = c.out().join("2024-Q1/bao-cao-cchc-2024-Q1.docx");
    let xml = zip_part(&path, "word/document.xml");
    let ps = paragraphs(&xml);
    // The whole text is in one paragraph, literally, its line breaks as <w:br/>.
    let p = ps
        .iter()
        .find(|p| p.text.contains("Giả đề mục"))
        .expect("the text is there");
    assert_eq!(
        p.text,
        format!("- Phòng Tư pháp: {}.", hostile.trim_end_matches('.'))
    );
    assert_eq!(p.xml.matches("<w:br").count(), 4, "{}", p.xml);
    assert!(!p.xml.contains("<w:b />"), "no bold from **");
    assert!(
        ps.iter()
            .all(|q| q.text != "Giả đề mục" && q.text != "# Giả đề mục")
    );
    assert!(!xml.contains("<w:t>chèn</w:t>"), "markup stays text");
    let heads = ps
        .iter()
        .filter(|p| {
            ["I. ", "II. ", "III. ", "IV. ", "V. "]
                .iter()
                .any(|r| p.text.starts_with(r))
        })
        .count();
    assert_eq!(heads, 5);
    // The summary line is the template's, not the one the submission tried to set.
    para(
        &ps,
        "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024",
    );
}

#[test]
fn same_inputs_same_bytes_in_one_process_or_two() {
    let c = Case::new("tron-ven");
    let (a, b) = (c.tmp.path().join("a"), c.tmp.path().join("b"));
    // All periods in one process, then one period alone.
    assert_ok(&build(&c.data(), &a));
    assert_ok(&build_with(
        &c.data(),
        &b,
        &["--ky".as_ref(), "2024-Q1".as_ref()],
    ));
    let f = "2024-Q1/bao-cao-cchc-2024-Q1.docx";
    assert_eq!(
        std::fs::read(a.join(f)).unwrap(),
        std::fs::read(b.join(f)).unwrap()
    );
    // Compressed, with fixed timestamps.
    let mut z = zip::ZipArchive::new(std::fs::File::open(a.join(f)).unwrap()).unwrap();
    for i in 0..z.len() {
        let e = z.by_index(i).unwrap();
        assert_eq!(
            e.compression(),
            zip::CompressionMethod::Deflated,
            "{:?}",
            e.name()
        );
        let t = e.last_modified().unwrap();
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1));
    }
}

#[test]
fn changing_a_template_changes_the_document_without_recompiling() {
    let c = Case::new("tron-ven");
    let dir = c.tmp.path().join("mau");
    std::fs::create_dir(&dir).unwrap();
    for e in std::fs::read_dir(root().join("templates")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.join(e.file_name())).unwrap();
    }
    let base = std::fs::read_to_string(dir.join("base.txt")).unwrap();
    std::fs::write(
        dir.join("base.txt"),
        base.replace(
            "Trên đây là báo cáo kết quả",
            "Trên đây là báo cáo tổng hợp kết quả",
        ),
    )
    .unwrap();
    std::fs::write(dir.join("quy.txt"), "{% extends \"base.txt\" %}\n{% block trich_yeu %}Báo cáo nhanh công tác cải cách hành chính {{ ky.ten }}{% endblock %}\n").unwrap();
    let o = c.run(
        "build",
        &["--ky", "2024-Q1", "--templates", dir.to_str().unwrap()],
    );
    assert_ok(&o);
    let ps = paragraphs(&zip_part(
        &c.out().join("2024-Q1/bao-cao-cchc-2024-Q1.docx"),
        "word/document.xml",
    ));
    assert!(
        ps.iter()
            .any(|p| p.text == "Báo cáo nhanh công tác cải cách hành chính quý I năm 2024")
    );
    assert!(
        ps.iter()
            .any(|p| p.text.starts_with("Trên đây là báo cáo tổng hợp kết quả"))
    );

    // A broken template stops the run with the template's name and line, and writes nothing.
    std::fs::write(
        dir.join("quy.txt"),
        "{% extends \"base.txt\" %}\n{% block trich_yeu %}{{ ky.ten | khong_co }}{% endblock %}\n",
    )
    .unwrap();
    let c2 = Case::new("tron-ven");
    let o = c2.run(
        "build",
        &["--ky", "2024-Q1", "--templates", dir.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("quy.txt"), "{err}");
    assert!(!c2.out().exists());
}

#[test]
fn a_templates_folder_without_the_templates_is_refused_not_ignored() {
    let c = Case::new("tron-ven");
    let typo = c.tmp.path().join("mau-bao-coa");
    std::fs::create_dir(&typo).unwrap();
    for args in [
        vec!["--ky", "2024-Q1", "--templates", typo.to_str().unwrap()],
        vec!["--templates", "khong-co-thu-muc-nay"],
    ] {
        let o = c.run("build", &args);
        assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
        assert!(
            stderr(&o).contains("không có tệp base.txt"),
            "{}",
            stderr(&o)
        );
        assert!(!c.out().exists());
    }
    let o = c.run(
        "remind",
        &["--ky", "2024-Q1", "--templates", typo.to_str().unwrap()],
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
}

/// Schema validation of every sample report (needs python3 with lxml; run in CI).
#[test]
#[ignore = "needs python3 with lxml (pip install lxml); CI runs it with --include-ignored"]
fn every_sample_report_is_schema_valid() {
    for ky in PERIODS {
        assert_schema_valid(&[&docx(ky)]);
    }
}

/// LibreOffice converts every sample report; the PDF has several pages and holds the title,
/// the five headings and the JSON's numbers (needs LibreOffice and poppler-utils; run in CI).
#[test]
#[ignore = "needs LibreOffice and poppler-utils; CI runs it with --include-ignored"]
fn libreoffice_round_trip() {
    require_tool("soffice", "apt-get install libreoffice-writer-nogui");
    require_tool("pdftotext", "apt-get install poppler-utils");
    let tmp = tempfile::tempdir().unwrap();
    for ky in PERIODS {
        let src = tmp.path().join(format!("{ky}.docx"));
        std::fs::copy(docx(ky), &src).unwrap();
        let o = Command::new("soffice")
            .args(["--headless", "--convert-to", "pdf", "--outdir"])
            .arg(tmp.path())
            .arg(&src)
            .env("HOME", tmp.path())
            .output()
            .unwrap();
        let pdf = tmp.path().join(format!("{ky}.pdf"));
        assert!(pdf.is_file(), "{ky}: {}", stderr(&o));
        let info =
            String::from_utf8(Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
        let pages: u32 = info
            .lines()
            .find(|l| l.starts_with("Pages:"))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(pages > 1, "{ky}: {pages} pages");
        let text = String::from_utf8(
            Command::new("pdftotext")
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap()
                .stdout,
        )
        .unwrap();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        // The appendix header's "STT" on one line, as LibreOffice lays it out.
        assert!(flat.contains("STT Nhiệm vụ"), "{ky}: STT whole");
        assert!(!text.lines().any(|l| l.trim() == "ST"), "{ky}: STT broken");
        for s in [
            "BÁO CÁO",
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
            "II. KẾT QUẢ THỰC HIỆN",
            "III. ĐÁNH GIÁ CHUNG",
            "V. ĐỀ XUẤT, KIẾN NGHỊ",
            "Phụ lục I",
            "Phụ lục II",
        ] {
            assert!(flat.contains(s), "{ky}: {s}");
        }
        let j = json(ky);
        let done = format!(
            "{}/{}",
            baocao::render::format::two_digits(j["dem_trang_thai"]["hoan_thanh"].as_i64().unwrap()),
            j["tong_so_nhiem_vu"]
        );
        assert!(flat.contains(&done), "{ky}: {done}");
        // No page number on page 1; page 2 carries "2" at the top.
        let page = |n: u32| {
            String::from_utf8(
                Command::new("pdftotext")
                    .args(["-f", &n.to_string(), "-l", &n.to_string()])
                    .arg(&pdf)
                    .arg("-")
                    .output()
                    .unwrap()
                    .stdout,
            )
            .unwrap()
        };
        assert!(
            page(1).trim_start().starts_with("ỦY BAN NHÂN DÂN"),
            "{ky}: page 1 starts with the letterhead"
        );
        assert!(
            page(2).trim_start().starts_with('2'),
            "{ky}: page 2 is numbered"
        );
    }
}
