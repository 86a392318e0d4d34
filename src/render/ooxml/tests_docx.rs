//! End-to-end tests of the post-pass: a document with what a Vietnamese report needs, built
//! with docx-rs and the renderer's pieces, then finished, schema-checked and compared.

use super::tests::{DATE, day, entries, part};
use super::*;
use docx_rs::*;

// -----------------------------------------------------------------------------------------
// End to end: a document with what a Vietnamese report needs
// -----------------------------------------------------------------------------------------

use crate::render::docx::{
    centered, fonts, landscape_margin, no_border_cell, page_header, portrait_margin, rule, run,
    section_end,
};

fn cpara(text: &str, size: usize, bold: bool, italic: bool) -> Paragraph {
    let mut r = run(text, size);
    if bold {
        r = r.bold();
    }
    if italic {
        r = r.italic();
    }
    centered().add_run(r)
}

fn letterhead() -> Table {
    let (lw, rw) = (3600usize, 5754usize);
    let left = no_border_cell(lw)
        .add_paragraph(cpara("UBND TỈNH BẮC NINH", 26, false, false))
        .add_paragraph(cpara("SỞ KẾ HOẠCH VÀ ĐẦU TƯ", 26, true, false))
        .add_paragraph(rule(lw as i32 - 216, 1500));
    let right = no_border_cell(rw)
        .add_paragraph(cpara("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 26, true, false))
        .add_paragraph(cpara("Độc lập - Tự do - Hạnh phúc", 28, true, false))
        .add_paragraph(rule(rw as i32 - 216, 3450));
    let row2 = TableRow::new(vec![
        no_border_cell(lw).add_paragraph(cpara("Số: 125/BC-SKHĐT", 26, false, false)),
        no_border_cell(rw).add_paragraph(cpara(
            "Bắc Ninh, ngày 15 tháng 3 năm 2024",
            28,
            false,
            true,
        )),
    ]);
    Table::without_borders(vec![TableRow::new(vec![left, right]), row2])
        .set_grid(vec![lw, rw])
        .width(lw + rw, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, 108, 0, 108))
}

fn data_cell(text: &str, w: usize, bold: bool) -> TableCell {
    let mut run = Run::new().add_text(text).size(26);
    if bold {
        run = run.bold();
    }
    TableCell::new()
        .width(w, WidthType::Dxa)
        .vertical_align(VAlignType::Center)
        .add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(run))
}

fn data_table(rows: usize) -> Table {
    let widths = [700usize, 4654, 2000, 2000];
    let header = ["STT", "Nhiệm vụ", "Kết quả", "Tỷ lệ"];
    let hdr = header_row(TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, w)| data_cell(h, w, true).shading(Shading::new().fill("D9D9D9")))
            .collect(),
    ))
    .cant_split();
    let mut table = Table::new(vec![hdr])
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::new());
    for r in 0..rows {
        let cells = [
            (r + 1).to_string(),
            format!("Rà soát thủ tục hành chính số {}", r + 1),
            "Hoàn thành".to_owned(),
            format!("{},5%", r % 100),
        ];
        table = table.add_row(
            TableRow::new(
                cells
                    .iter()
                    .zip(widths)
                    .map(|(c, w)| data_cell(c, w, false))
                    .collect(),
            )
            .cant_split(),
        );
    }
    table
}

fn body_paragraph(text: &str) -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(None, Some(SpecialIndentType::FirstLine(720)), None, None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(120)
                .line(276)
                .line_rule(LineSpacingType::Auto),
        )
        .add_run(Run::new().add_text("Nội dung: ").bold())
        .add_run(Run::new().add_text(text))
        .add_run(Run::new().add_text(" (đã cập nhật).").italic())
}

/// A report as the renderer builds it, with `paragraphs` body paragraphs and a data table
/// of `rows` rows in the portrait part and another in the landscape appendix.
fn report_docx(paragraphs: usize, rows: usize) -> Vec<u8> {
    let _ = Docx::new().json(); // resets docx-rs's paraId counter (recipes §4)
    let portrait = SectionProperty::new()
        .page_size(PageSize::new().size(11906, 16838))
        .page_margin(portrait_margin())
        .title_pg()
        .header(Header::new(), "rIdHeader1");
    let mut docx = Docx::new()
        .default_fonts(fonts())
        .default_size(28)
        .page_margin(portrait_margin())
        .header(page_header())
        .add_table(letterhead())
        .add_paragraph(cpara("BÁO CÁO", 28, true, false))
        .add_paragraph(cpara(
            "Kết quả thực hiện công tác cải cách hành chính quý I năm 2024",
            28,
            true,
            false,
        ))
        .add_paragraph(rule(9354, 2000));
    for i in 0..paragraphs {
        docx = docx.add_paragraph(body_paragraph(&format!(
            "Đoạn {} về tình hình triển khai nhiệm vụ cải cách hành chính tại đơn vị, \
             bảo đảm đúng tiến độ và chất lượng theo kế hoạch của Ủy ban nhân dân tỉnh.",
            i + 1
        )));
    }
    docx = docx
        .add_table(data_table(rows))
        .add_paragraph(section_end(portrait))
        .add_paragraph(cpara("PHỤ LỤC", 28, true, false))
        .add_table(data_table(rows))
        .page_size(16838, 11906)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(landscape_margin())
        .created_at("1970-01-01T00:00:00Z")
        .updated_at("1970-01-01T00:00:00Z");
    let mut out = Cursor::new(Vec::new());
    docx.build().pack(&mut out).expect("pack");
    out.into_inner()
}

/// Runs tools/ooxml/check-ooxml on `docx`; `None` if the script is not in the repository.
/// Returns (valid, number of schema errors, output).
fn check_ooxml(docx: &[u8], file_name: &str) -> Option<(bool, usize, String)> {
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tools/ooxml/check-ooxml");
    if !script.exists() {
        return None;
    }
    let lxml = std::process::Command::new("python3")
        .args(["-c", "import lxml.etree"])
        .output();
    match lxml {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!(
            "check-ooxml cần lxml, nhưng python3 không import được lxml: \
             chạy `pip install lxml` rồi chạy lại test.\n{}",
            String::from_utf8_lossy(&o.stderr)
        ),
        Err(e) => panic!(
            "check-ooxml cần python3 với lxml, nhưng không chạy được python3 ({e}): \
             cài python3 rồi `pip install lxml`."
        ),
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(file_name);
    std::fs::write(&path, docx).expect("write docx");
    let out = std::process::Command::new("python3")
        .arg(&script)
        .arg(&path)
        .output()
        .expect("run check-ooxml");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let errors = text
        .split_whitespace()
        .zip(text.split_whitespace().skip(1))
        .find(|(_, next)| *next == "schema")
        .and_then(|(n, _)| n.parse().ok())
        .unwrap_or(0);
    Some((out.status.success(), errors, text))
}

#[test]
fn end_to_end_report_is_deflated_and_deterministic() {
    let raw = report_docx(12, 8);
    let done = finish_docx(&raw, day()).expect("finish");

    // Content: the sentinel became exactly one tblHeader per data table, grid columns
    // lost w:type, dates are set.
    let raw_doc = part(&raw, "word/document.xml");
    assert_eq!(raw_doc.matches(TBL_HEADER_SENTINEL).count(), 2);
    let doc = part(&done, "word/document.xml");
    assert_eq!(doc.matches("<w:tblHeader />").count(), 2);
    assert!(!doc.contains(TBL_HEADER_SENTINEL));
    let grid_cols: Vec<&str> = doc
        .split("<w:gridCol ")
        .skip(1)
        .map(|rest| &rest[..rest.find("/>").expect("empty gridCol")])
        .collect();
    assert_eq!(grid_cols.len(), 2 + 4 + 4);
    assert!(
        grid_cols.iter().all(|attrs| !attrs.contains("w:type")),
        "{grid_cols:?}"
    );
    assert!(doc.contains("Độc lập - Tự do - Hạnh phúc"));
    let core = part(&done, "docProps/core.xml");
    assert_eq!(core.matches(DATE).count(), 2, "{core}");
    assert!(!core.contains("1970"));

    // Package: deflated, 1980-01-01, fixed order.
    let mut archive = zip::ZipArchive::new(Cursor::new(&done)).expect("zip");
    let mut names = Vec::new();
    for i in 0..archive.len() {
        let f = archive.by_index(i).expect("entry");
        assert_eq!(
            f.compression(),
            zip::CompressionMethod::Deflated,
            "{:?}",
            f.name()
        );
        assert_eq!(
            f.last_modified(),
            Some(zip::DateTime::default()),
            "{:?}",
            f.name()
        );
        let t = f.last_modified().expect("time");
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1));
        names.push(f.name().expect("name").into_owned());
    }
    assert_eq!(names[0], "[Content_Types].xml");
    assert_eq!(names[1], "_rels/.rels");
    assert!(names[2..].is_sorted(), "{names:?}");
    assert!(done.len() < raw.len(), "{} >= {}", done.len(), raw.len());
    // Same set of files (docx-rs also writes directory entries, which are dropped), and
    // the parts the pass does not touch are unchanged.
    let mut raw_names: Vec<String> = entries(&raw)
        .into_iter()
        .map(|(n, _)| n)
        .filter(|n| !n.ends_with('/'))
        .collect();
    raw_names.sort();
    let mut done_names = names.clone();
    done_names.sort();
    assert_eq!(raw_names, done_names);
    for (name, data) in entries(&raw) {
        if !name.ends_with('/') && part_kind(&name, &data).is_none() {
            assert_eq!(part(&done, &name).as_bytes(), data.as_slice(), "{name}");
        }
    }

    // Deterministic and idempotent.
    assert_eq!(finish_docx(&raw, day()).expect("again"), done);
    assert_eq!(finish_docx(&done, day()).expect("twice"), done);
}

#[test]
#[ignore = "needs python3 with lxml (pip install lxml); CI runs it with --include-ignored"]
fn end_to_end_report_passes_the_schema_check() {
    let raw = report_docx(12, 8);
    let done = finish_docx(&raw, day()).expect("finish");
    let (valid_before, errors_before, _) = check_ooxml(&raw, "raw.docx").expect("checker");
    let (valid, errors, text) = check_ooxml(&done, "report.docx").expect("checker");
    eprintln!(
        "check-ooxml: {errors_before} schema errors before the pass (valid: \
         {valid_before}), {errors} after"
    );
    assert!(valid, "check-ooxml rejects the finished file:\n{text}");
    assert_eq!(errors, 0, "{text}");
}

#[test]
fn output_does_not_depend_on_the_paraid_counter_or_thread() {
    let build = |advance: usize| {
        // Deliberately without resetting the counter: the paragraphs created here first
        // advance it, so the raw paraIds differ.
        for _ in 0..advance {
            let _ = Paragraph::new();
        }
        let mut out = Cursor::new(Vec::new());
        Docx::new()
            .header(page_header())
            .add_paragraph(body_paragraph("một"))
            .add_table(data_table(2))
            .add_paragraph(body_paragraph("hai"))
            .build()
            .pack(&mut out)
            .expect("pack");
        out.into_inner()
    };
    let first = build(0);
    let second = build(7);
    let other_thread = std::thread::spawn(move || build(3)).join().expect("thread");
    assert_ne!(
        part(&first, "word/document.xml"),
        part(&second, "word/document.xml"),
        "the raw paraIds should differ (docx-rs counter)"
    );
    let a = finish_docx(&first, day()).expect("a");
    let b = finish_docx(&second, day()).expect("b");
    let c = finish_docx(&other_thread, day()).expect("c");
    assert_eq!(a, b);
    assert_eq!(a, c);
    let in_threads: Vec<Vec<u8>> = (0..4)
        .map(|_| {
            let raw = first.clone();
            std::thread::spawn(move || finish_docx(&raw, day()).expect("thread"))
        })
        .map(|h| h.join().expect("join"))
        .collect();
    assert!(in_threads.iter().all(|x| *x == a));
}

/// `cargo test --release --lib render::ooxml -- --ignored --nocapture`
#[test]
#[ignore = "timing; run in release"]
fn large_document_timing() {
    // About 500 pages: document.xml is about 5 MB.
    let raw = report_docx(5000, 800);
    let doc_len = part(&raw, "word/document.xml").len();
    let start = std::time::Instant::now();
    let done = finish_docx(&raw, day()).expect("finish");
    let elapsed = start.elapsed();
    eprintln!(
        "finish_docx: document.xml {:.1} MB, docx {:.1} MB -> {:.2} MB in {:?}",
        doc_len as f64 / 1e6,
        raw.len() as f64 / 1e6,
        done.len() as f64 / 1e6,
        elapsed
    );
    if let Some((valid, errors, text)) = check_ooxml(&done, "large.docx") {
        assert!(valid && errors == 0, "{text}");
    }
    if !cfg!(debug_assertions) {
        assert!(elapsed < std::time::Duration::from_secs(1), "{elapsed:?}");
    }
}
