//! The documents in the state format (Nghị định 30/2020/NĐ-CP, Phụ lục I; the rules are in
//! docs/the-thuc.md): the building blocks both documents share (page, fonts, letterhead, body
//! paragraphs, recipients and signature, page numbers), the report ([`report`]) with its
//! landscape appendix ([`appendix`]), and the reminder letter ([`letter`]). docx-rs builds the
//! package; [`crate::render::ooxml::finish_docx`] makes it schema-valid, compressed and
//! byte-identical across runs.

pub mod appendix;
pub mod letter;
pub mod report;

use crate::model::config::Config;
use crate::render::format;
use crate::render::markup::{Block, Document, Inline};
use crate::render::ooxml;
use chrono::NaiveDate;
use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, LineSpacingType, PageMargin, Paragraph,
    ParagraphBorder, ParagraphBorderPosition, ParagraphBorders, Run, RunFonts, SectionProperty,
    SpecialIndentType, Table, TableCell, TableCellBorders, TableCellMargins, TableLayoutType,
    TableRow, WidthType,
};

const TNR: &str = "Times New Roman";

/// A4 portrait, in twips.
pub(crate) const PAGE_W: u32 = 11906;
pub(crate) const PAGE_H: u32 = 16838;
/// ND30 margins: top and bottom 20 mm, left 30 mm, right 15 mm; header at 10 mm.
const MARGIN_TOP: i32 = 1134;
const MARGIN_BOTTOM: i32 = 1134;
const MARGIN_LEFT: i32 = 1701;
const MARGIN_RIGHT: i32 = 850;
const HEADER_DIST: i32 = 567;
/// Text width of a portrait page.
pub(crate) const TEXT_W: usize = (PAGE_W as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
/// Landscape appendix pages are bound along their top edge, which lies along the portrait
/// pages' left edge (docs/the-thuc.md, "Page"): the binding margin (30 mm) goes on top, the
/// portrait right margin (15 mm) at the bottom, and 20 mm left and right.
const L_MARGIN_TOP: i32 = MARGIN_LEFT;
const L_MARGIN_BOTTOM: i32 = MARGIN_RIGHT;
const L_MARGIN_SIDE: i32 = MARGIN_TOP;
pub(crate) const L_TEXT_W: usize = (PAGE_H as i32 - 2 * L_MARGIN_SIDE) as usize;
/// Cell margins of the letterhead and signature tables (left + right).
const CELL_MARGIN: i32 = 108;

/// Font sizes in half-points.
pub(crate) const PT11: usize = 22;
pub(crate) const PT12: usize = 24;
pub(crate) const PT13: usize = 26;
pub(crate) const PT14: usize = 28;
/// First-line indent of body paragraphs: 1,27 cm.
const FIRST_LINE: i32 = 720;

pub(crate) fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(TNR)
        .hi_ansi(TNR)
        .east_asia(TNR)
        .cs(TNR)
}

/// A run of text. Every text is clean by now: input files and templates are decoded and
/// cleaned of the characters XML forbids when they are read.
pub(crate) fn run(text: &str, size: usize) -> Run {
    Run::new().add_text(text).size(size).fonts(fonts())
}

/// Paragraph spacing in twips, line spacing as 240ths of a line.
pub(crate) fn spacing(before: u32, after: u32, line: i32) -> LineSpacing {
    LineSpacing::new()
        .before(before)
        .after(after)
        .line(line)
        .line_rule(LineSpacingType::Auto)
}

/// A centred paragraph without spacing, for the letterhead, title and signature.
pub(crate) fn centered() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 0, 240))
}

/// An empty 5-point paragraph whose bottom border is a solid rule of `rule_w` twips, centred
/// in `width` twips (the height keeps the rule clear of the descenders above it).
pub(crate) fn rule(width: i32, rule_w: i32) -> Paragraph {
    let side = ((width - rule_w) / 2).max(0);
    let mut p = Paragraph::new()
        .indent(Some(side), None, Some(side), None)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(100)
                .line_rule(LineSpacingType::Exact),
        )
        .size(2);
    p.property = p.property.set_borders(
        ParagraphBorders::with_empty().set(
            ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                .val(BorderType::Single)
                .size(6)
                .space(0)
                .color("000000"),
        ),
    );
    p
}

/// The width of a line of text in twips.
pub fn text_width(text: &str, half_points: usize, bold: bool) -> i32 {
    (crate::render::metrics::em(text, bold) * half_points as f64 * 10.0).round() as i32
}

pub(crate) fn no_border_cell(width: usize) -> TableCell {
    TableCell::new()
        .width(width, WidthType::Dxa)
        .set_borders(TableCellBorders::with_empty())
}

/// The issuing body's name in lines: "ỦY BAN NHÂN DÂN" on its own line, as bodies write it;
/// explicit line breaks in the configuration are kept.
fn body_lines(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in name.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let upper = line.to_uppercase();
        let split = ["ỦY BAN NHÂN DÂN ", "UỶ BAN NHÂN DÂN "]
            .iter()
            .find(|p| upper.starts_with(*p) && upper.len() > p.len());
        match split {
            Some(p) => {
                out.push(line[..p.len() - 1].to_string());
                out.push(line[p.len()..].trim().to_string());
            }
            None => out.push(line.to_string()),
        }
    }
    out
}

/// The letterhead: issuing body, number (`Số:      /<code>`), national title and motto, place
/// and date; a công văn carries its subject ("V/v …") under the number.
pub(crate) fn letterhead(
    cfg: &Config,
    code: &str,
    subject: Option<&str>,
    month: u32,
    year: i32,
) -> Table {
    let (lw, rw) = (3686usize, TEXT_W - 3686);
    let mut left = no_border_cell(lw);
    let parent = cfg.parent_body.trim();
    if !parent.is_empty() {
        for l in body_lines(parent) {
            left = left.add_paragraph(centered().add_run(run(&l.to_uppercase(), PT12)));
        }
    }
    let lines = body_lines(&cfg.issuing_body);
    let widest = lines
        .iter()
        .map(|l| text_width(&l.to_uppercase(), PT12, true))
        .max()
        .unwrap_or(0);
    for l in &lines {
        left = left.add_paragraph(centered().add_run(run(&l.to_uppercase(), PT12).bold()));
    }
    // A rule 1/3 to 1/2 of the name's length: 40 %.
    left = left.add_paragraph(rule(lw as i32 - 2 * CELL_MARGIN, widest * 2 / 5));

    let motto = "Độc lập - Tự do - Hạnh phúc";
    let right = no_border_cell(rw)
        .add_paragraph(centered().add_run(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", PT12).bold()))
        .add_paragraph(centered().add_run(run(motto, PT13).bold()))
        .add_paragraph(rule(
            rw as i32 - 2 * CELL_MARGIN,
            text_width(motto, PT13, true),
        ));

    let number = format!("Số:      /{code}");
    let date = format!(
        "{}, ngày      tháng {} năm {}",
        cfg.place,
        format::month(month),
        year
    );
    let mut number_cell = no_border_cell(lw).add_paragraph(
        centered()
            .line_spacing(spacing(120, 0, 240))
            .add_run(run(&number, PT13)),
    );
    if let Some(subject) = subject {
        // ND30: the "V/v" line of a công văn, 12–13 pt, centred under the number, 6 pt below.
        number_cell = number_cell.add_paragraph(
            centered()
                .line_spacing(spacing(120, 0, 240))
                .add_run(run(subject, PT12)),
        );
    }
    let second = TableRow::new(vec![
        number_cell,
        no_border_cell(rw).add_paragraph(
            centered()
                .line_spacing(spacing(120, 0, 240))
                .add_run(run(&date, PT14).italic()),
        ),
    ]);
    Table::without_borders(vec![TableRow::new(vec![left, right]), second])
        .set_grid(vec![lw, rw])
        .width(TEXT_W, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_MARGIN as usize, 0, CELL_MARGIN as usize))
}

/// Body paragraph properties: justified, first line indented, 6 pt after, 1,15 lines.
pub(crate) fn body_paragraph() -> Paragraph {
    Paragraph::new()
        .align(AlignmentType::Both)
        .indent(
            None,
            Some(SpecialIndentType::FirstLine(FIRST_LINE)),
            None,
            None,
        )
        .line_spacing(spacing(0, 120, 276))
}

fn add_inlines(mut p: Paragraph, inlines: &[Inline], bold: bool, upper: bool) -> Paragraph {
    for i in inlines {
        match i {
            Inline::Text { text, bold: b } => {
                let t = if upper {
                    text.to_uppercase()
                } else {
                    text.clone()
                };
                let mut r = run(&t, PT14);
                if bold || *b {
                    r = r.bold();
                }
                p = p.add_run(r);
            }
            Inline::Break => {
                p = p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping));
            }
        }
    }
    p
}

/// The body blocks, with "./." after the last sentence.
pub(crate) fn body(doc: &Document) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let last = doc.blocks.len().saturating_sub(1);
    for (i, b) in doc.blocks.iter().enumerate() {
        let mut inlines = match b {
            Block::Heading { text, .. } | Block::Paragraph(text) | Block::Dash(text) => {
                text.clone()
            }
        };
        if i == last {
            match inlines.last_mut() {
                Some(Inline::Text { text, .. }) => {
                    let t = text
                        .trim_end()
                        .trim_end_matches(['.', ';', ':'])
                        .to_string();
                    *text = format!("{t}./.");
                }
                _ => inlines.push(Inline::Text {
                    text: "./.".into(),
                    bold: false,
                }),
            }
        }
        let p = match b {
            Block::Heading { level, .. } => {
                let p = body_paragraph()
                    .keep_next(true)
                    .line_spacing(spacing(60, 120, 276));
                add_inlines(p, &inlines, *level <= 2, *level == 1)
            }
            Block::Paragraph(_) => add_inlines(body_paragraph(), &inlines, false, false),
            Block::Dash(_) => {
                let mut v = vec![Inline::Text {
                    text: "- ".into(),
                    bold: false,
                }];
                v.extend(inlines);
                add_inlines(body_paragraph(), &v, false, false)
            }
        };
        out.push(p);
    }
    out
}

/// "Nơi nhận" on the left (`recipients`, then "Lưu"), the signature block on the right.
pub(crate) fn signature(cfg: &Config, recipients: &[String]) -> Table {
    let (lw, rw) = (TEXT_W / 2 - 400, TEXT_W / 2 + 400);
    let mut left = no_border_cell(lw).add_paragraph(
        Paragraph::new()
            .line_spacing(spacing(0, 0, 240))
            .add_run(run("Nơi nhận:", PT12).bold().italic()),
    );
    for l in recipients {
        left = left.add_paragraph(
            Paragraph::new()
                .line_spacing(spacing(0, 0, 240))
                .add_run(run(&format!("- {};", l.trim_end_matches(['.', ';'])), PT11)),
        );
    }
    let archive = cfg.archive.trim().trim_end_matches('.');
    left = left.add_paragraph(
        Paragraph::new()
            .line_spacing(spacing(0, 0, 240))
            .add_run(run(&format!("- Lưu: {archive}."), PT11)),
    );
    let s = &cfg.signer;
    let mut right = no_border_cell(rw);
    for l in s.authority.lines().chain(s.title.lines()) {
        right = right.add_paragraph(centered().add_run(run(&l.trim().to_uppercase(), PT14).bold()));
    }
    for _ in 0..4 {
        right = right.add_paragraph(centered().add_run(run("", PT14)));
    }
    right = right.add_paragraph(centered().add_run(run(&s.name, PT14).bold()));
    Table::without_borders(vec![TableRow::new(vec![left, right]).cant_split()])
        .set_grid(vec![lw, rw])
        .width(TEXT_W, WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, CELL_MARGIN as usize, 0, CELL_MARGIN as usize))
}

/// The page-number header: a centred PAGE field, 14 pt.
pub(crate) fn page_header() -> Header {
    let page = Run::new()
        .size(PT14)
        .fonts(fonts())
        .add_field_char(docx_rs::FieldCharType::Begin, false)
        .add_instr_text(docx_rs::InstrText::PAGE(docx_rs::InstrPAGE::new()))
        .add_field_char(docx_rs::FieldCharType::Separate, false)
        .add_text("2")
        .add_field_char(docx_rs::FieldCharType::End, false);
    Header::new().add_paragraph(Paragraph::new().align(AlignmentType::Center).add_run(page))
}

pub(crate) fn portrait_margin() -> PageMargin {
    PageMargin::new()
        .top(MARGIN_TOP)
        .bottom(MARGIN_BOTTOM)
        .left(MARGIN_LEFT)
        .right(MARGIN_RIGHT)
        .header(HEADER_DIST)
        .footer(HEADER_DIST)
        .gutter(0)
}

pub(crate) fn landscape_margin() -> PageMargin {
    PageMargin::new()
        .top(L_MARGIN_TOP)
        .bottom(L_MARGIN_BOTTOM)
        .left(L_MARGIN_SIDE)
        .right(L_MARGIN_SIDE)
        .header(HEADER_DIST)
        .footer(HEADER_DIST)
        .gutter(0)
}

/// A 1-point paragraph that ends a section (the recipe that avoids a spurious blank page).
pub(crate) fn section_end(props: SectionProperty) -> Paragraph {
    Paragraph::new()
        .size(2)
        .line_spacing(
            LineSpacing::new()
                .before(0)
                .after(0)
                .line(20)
                .line_rule(LineSpacingType::Exact),
        )
        .section_property(props)
}

/// A new document with the state-format defaults (Times New Roman 14 pt, the page-number
/// header) whose metadata carries `date`.
pub(crate) fn new_document(date: NaiveDate) -> Docx {
    // docx-rs numbers paragraphs with a thread-local counter; reset it so that every document
    // gets the same ids whatever was built before on this thread.
    let _ = Docx::new().json();
    let stamp = format!("{}T00:00:00Z", format::iso_date(date));
    Docx::new()
        .default_fonts(fonts())
        .default_size(PT14)
        .header(page_header())
        .created_at(&stamp)
        .updated_at(&stamp)
}

/// The body text between a blank line before and after, then the signature block.
pub(crate) fn add_body_and_signature(
    mut d: Docx,
    doc: &Document,
    cfg: &Config,
    recipients: &[String],
) -> Docx {
    d = d.add_paragraph(Paragraph::new().line_spacing(spacing(0, 120, 240)));
    for p in body(doc) {
        d = d.add_paragraph(p);
    }
    d.add_paragraph(Paragraph::new().line_spacing(spacing(0, 0, 240)))
        .add_table(signature(cfg, recipients))
}

/// Packs the document and runs the OOXML post-pass over it.
pub(crate) fn pack(d: Docx, date: NaiveDate) -> Result<Vec<u8>, DocxError> {
    let mut raw = std::io::Cursor::new(Vec::new());
    d.build()
        .pack(&mut raw)
        .map_err(|e| DocxError::Pack(e.to_string()))?;
    ooxml::finish_docx(&raw.into_inner(), date).map_err(DocxError::Finish)
}

/// Why a DOCX could not be made.
#[derive(Debug)]
pub enum DocxError {
    /// docx-rs could not pack the document.
    Pack(String),
    /// The post-pass could not finish it.
    Finish(ooxml::OoxmlError),
}

impl std::fmt::Display for DocxError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            DocxError::Pack(e) => write!(f, "Không tạo được tệp DOCX: {e}"),
            DocxError::Finish(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DocxError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motto_width_matches_the_measured_recipe() {
        // docs/the-thuc.md: the motto at 14 pt bold is about 3,415 twips.
        let w = text_width("Độc lập - Tự do - Hạnh phúc", PT14, true);
        assert!((3350..=3500).contains(&w), "{w}");
    }

    #[test]
    fn body_names_break_after_uy_ban_nhan_dan() {
        assert_eq!(
            body_lines("ỦY BAN NHÂN DÂN THÀNH PHỐ QUẢNG NGÃI"),
            ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ QUẢNG NGÃI"]
        );
        assert_eq!(body_lines("SỞ NỘI VỤ"), ["SỞ NỘI VỤ"]);
        assert_eq!(body_lines("UBND TỈNH A\nSỞ B"), ["UBND TỈNH A", "SỞ B"]);
    }
}
