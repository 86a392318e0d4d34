//! The report as DOCX, laid out by the state format (Nghị định 30/2020/NĐ-CP, Phụ lục I; see
//! `../shared/spec/ND30.md`): letterhead, title, body from the rendered template, recipients
//! and signature, and a landscape appendix with the task table and the indicator table.
//! docx-rs builds the package; [`crate::render::ooxml::finish_docx`] makes it schema-valid,
//! compressed and byte-identical across runs.

use crate::input::config::Config;
use crate::render::context::{AreaView, IndicatorView, ReportContext, TaskView};
use crate::render::format;
use crate::render::markup::{Block, Document, Inline};
use crate::render::ooxml;
use chrono::NaiveDate;
use docx_rs::{
    AlignmentType, BorderType, Docx, Header, LineSpacing, LineSpacingType, PageMargin, PageNumType,
    PageOrientationType, PageSize, Paragraph, ParagraphBorder, ParagraphBorderPosition,
    ParagraphBorders, Run, RunFonts, SectionProperty, SpecialIndentType, Table, TableBorders,
    TableCell, TableCellBorders, TableCellMargins, TableLayoutType, TableRow, VAlignType,
    WidthType,
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
/// Landscape appendix: 20 mm all round.
const L_MARGIN: i32 = 1134;
const L_TEXT_W: usize = (PAGE_H as i32 - 2 * L_MARGIN) as usize;
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

/// A cell of a bordered data table.
fn data_cell(width: usize, paragraphs: Vec<Paragraph>) -> TableCell {
    let mut c = TableCell::new()
        .width(width, WidthType::Dxa)
        .vertical_align(VAlignType::Top);
    for p in paragraphs {
        c = c.add_paragraph(p);
    }
    c
}

fn cell_text(text: &str, bold: bool, align: AlignmentType) -> Paragraph {
    let mut p = Paragraph::new()
        .align(align)
        .line_spacing(spacing(20, 20, 240));
    for (i, line) in text.split('\n').enumerate() {
        let r = if i == 0 {
            Run::new()
        } else {
            Run::new().add_break(docx_rs::BreakType::TextWrapping)
        };
        let r = r.add_text(line).size(PT12).fonts(fonts());
        p = p.add_run(if bold { r.bold() } else { r });
    }
    p
}

/// A bordered table with a bold header row that repeats on every page and rows kept whole.
fn data_table(widths: &[usize], header: &[&str], rows: Vec<TableRow>) -> Table {
    let head = TableRow::new(
        header
            .iter()
            .zip(widths)
            .map(|(h, w)| {
                data_cell(*w, vec![cell_text(h, true, AlignmentType::Center)])
                    .vertical_align(VAlignType::Center)
            })
            .collect(),
    )
    .cant_split();
    let mut t = Table::new(vec![ooxml::header_row(head)])
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .set_borders(TableBorders::new());
    for r in rows {
        t = t.add_row(r);
    }
    t
}

/// What the appendix prints as the result of a task: the lead units' count, the first
/// result in short, and the documents cited by number and date.
fn task_result_text(t: &TaskView) -> String {
    let mut parts = Vec::new();
    if t.so_chu_tri > 1 {
        parts.push(format!(
            "Đã báo cáo: {}/{} đơn vị chủ trì; hoàn thành: {}.",
            t.so_chu_tri_bao_cao, t.so_chu_tri, t.so_chu_tri_hoan_thanh
        ));
    }
    if let Some(s) = t.ket_qua.iter().find(|s| !s.noi_dung.is_empty()) {
        let who = if t.so_chu_tri > 1 {
            format!("{}: ", s.don_vi)
        } else {
            String::new()
        };
        parts.push(format!("{who}{}", format::shorten(&s.noi_dung, 30)));
    }
    if !t.san_pham.is_empty() {
        let cites: Vec<String> = t
            .san_pham
            .iter()
            .take(2)
            .map(|p| match &p.ngay {
                Some(d) => format!("{} ngày {}", p.so_ky_hieu, iso_to_short(d)),
                None => p.so_ky_hieu.clone(),
            })
            .collect();
        let more = t.san_pham.len().saturating_sub(2) + t.san_pham_con_lai;
        let mut s = format!("Văn bản: {}", cites.join("; "));
        if more > 0 {
            s.push_str(&format!(
                " và {} văn bản khác",
                format::two_digits(more as i64)
            ));
        }
        parts.push(s + ".");
    }
    parts.join("\n")
}

fn iso_to_short(d: &str) -> String {
    NaiveDate::parse_from_str(d, "%Y-%m-%d")
        .map(format::short_date)
        .unwrap_or_else(|_| d.to_string())
}

/// The appendix title block: "Phụ lục I", its title, the "(Kèm theo …)" line and a rule.
fn appendix_title(number: &str, title: &str, cfg: &Config, year: i32) -> Vec<Paragraph> {
    let reference = format!(
        "(Kèm theo Báo cáo số      /{} ngày      tháng      năm {} của {})",
        cfg.doc_code, year, cfg.body_name
    );
    vec![
        centered().add_run(run(&format!("Phụ lục {number}"), PT14).bold()),
        centered()
            .line_spacing(spacing(60, 0, 240))
            .add_run(run(&title.to_uppercase(), PT14).bold()),
        centered()
            .line_spacing(spacing(60, 0, 240))
            .add_run(run(&reference, PT14).italic()),
        rule(L_TEXT_W as i32, 3000),
        Paragraph::new().line_spacing(spacing(0, 120, 240)),
    ]
}

/// The plan's areas in plan order: areas are numbered "1", "2", …; others keep their order,
/// last.
fn areas_in_order(ctx: &ReportContext) -> Vec<&AreaView> {
    let mut areas: Vec<&AreaView> = ctx.linh_vuc_chi_dao.iter().chain(&ctx.linh_vuc).collect();
    areas.sort_by_key(|a| a.ma.parse::<u32>().unwrap_or(u32::MAX));
    areas
}

fn task_table(ctx: &ReportContext) -> Table {
    let widths = [600, 3900, 1800, 2100, 1500, 3670, 1000];
    debug_assert_eq!(widths.iter().sum::<usize>(), L_TEXT_W);
    let header = [
        "STT",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Sản phẩm",
        "Thời hạn",
        "Kết quả thực hiện",
        "Tình trạng",
    ];
    let mut rows = Vec::new();
    for a in areas_in_order(ctx) {
        rows.push(
            TableRow::new(vec![
                data_cell(
                    widths[0],
                    vec![cell_text(&a.ma, true, AlignmentType::Center)],
                ),
                data_cell(
                    widths[1..].iter().sum(),
                    vec![cell_text(&a.ten, true, AlignmentType::Left)],
                )
                .grid_span(6),
            ])
            .cant_split(),
        );
        for t in &a.nhiem_vu {
            let mut state = format::upper_first(&t.trang_thai_ten);
            if t.qua_han {
                state.push_str("\n(quá hạn)");
            }
            if let Some(before) = &t.trang_thai_ky_truoc {
                state.push_str(&format!("\n(kỳ trước: {before})"));
            }
            let cells = vec![
                data_cell(
                    widths[0],
                    vec![cell_text(&t.nhan, false, AlignmentType::Center)],
                ),
                data_cell(
                    widths[1],
                    vec![cell_text(&t.noi_dung, false, AlignmentType::Both)],
                ),
                data_cell(
                    widths[2],
                    vec![cell_text(&t.chu_tri, false, AlignmentType::Left)],
                ),
                data_cell(
                    widths[3],
                    vec![cell_text(&t.san_pham_ke_hoach, false, AlignmentType::Both)],
                ),
                data_cell(
                    widths[4],
                    vec![cell_text(&t.thoi_han, false, AlignmentType::Left)],
                ),
                data_cell(
                    widths[5],
                    vec![cell_text(&task_result_text(t), false, AlignmentType::Both)],
                ),
                data_cell(
                    widths[6],
                    vec![cell_text(&state, t.qua_han, AlignmentType::Center)],
                ),
            ];
            rows.push(TableRow::new(cells).cant_split());
        }
    }
    data_table(&widths, &header, rows)
}

/// The indicators, grouped under the plan's areas (indicators of no known area last).
fn indicator_table(ctx: &ReportContext) -> Table {
    let widths = [800, 8770, 2000, 3000];
    debug_assert_eq!(widths.iter().sum::<usize>(), L_TEXT_W);
    let header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"];
    let areas = areas_in_order(ctx);
    let mut groups: Vec<(String, Vec<&IndicatorView>)> = areas
        .iter()
        .map(|a| (format!("{}. {}", a.ma, a.ten), a.chi_tieu.iter().collect()))
        .collect();
    let other: Vec<_> = ctx
        .chi_tieu
        .iter()
        .filter(|c| !areas.iter().any(|a| a.ma == c.linh_vuc))
        .collect();
    groups.push(("Chỉ tiêu khác".to_string(), other));
    let mut rows = Vec::new();
    let mut n = 0;
    for (title, items) in groups.into_iter().filter(|(_, items)| !items.is_empty()) {
        rows.push(
            TableRow::new(vec![
                data_cell(
                    widths.iter().sum(),
                    vec![cell_text(&title, true, AlignmentType::Left)],
                )
                .grid_span(4),
            ])
            .cant_split(),
        );
        for c in items {
            n += 1;
            let value = match c.gia_tri {
                None => "Chưa có số liệu".to_string(),
                Some(v) if c.la_ty_le => format::percent(v, 2),
                Some(v) => format::number(v, None),
            };
            rows.push(
                TableRow::new(vec![
                    data_cell(
                        widths[0],
                        vec![cell_text(&n.to_string(), false, AlignmentType::Center)],
                    ),
                    data_cell(
                        widths[1],
                        vec![cell_text(&c.ten, false, AlignmentType::Left)],
                    ),
                    data_cell(
                        widths[2],
                        vec![cell_text(&c.don_vi_tinh, false, AlignmentType::Center)],
                    ),
                    data_cell(
                        widths[3],
                        vec![cell_text(&value, false, AlignmentType::Right)],
                    ),
                ])
                .cant_split(),
            );
        }
    }
    data_table(&widths, &header, rows)
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
        .top(L_MARGIN)
        .bottom(L_MARGIN)
        .left(L_MARGIN)
        .right(L_MARGIN)
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

/// Builds the report. `date` is the period's end date: the month and year of the place-and-
/// date line and the document's fixed metadata date.
pub fn render_docx(
    cfg: &Config,
    ctx: &ReportContext,
    doc: &Document,
    date: NaiveDate,
) -> Result<Vec<u8>, String> {
    use chrono::Datelike;
    let trich_yeu = doc
        .setting("trich_yeu")
        .unwrap_or("Kết quả thực hiện công tác cải cách hành chính")
        .to_string();
    let mut d = new_document(date).add_table(letterhead(
        cfg,
        &cfg.doc_code,
        None,
        date.month(),
        date.year(),
    ));

    // Title block.
    d = d
        .add_paragraph(
            centered()
                .line_spacing(spacing(360, 0, 240))
                .add_run(run("BÁO CÁO", PT14).bold()),
        )
        .add_paragraph(
            centered()
                .line_spacing(spacing(0, 0, 240))
                .add_run(run(&trich_yeu, PT14).bold()),
        );
    let title_w = text_width(&trich_yeu, PT14, true).min(TEXT_W as i32);
    d = d.add_paragraph(rule(TEXT_W as i32, (title_w * 2 / 5).max(1500)));
    if let Some(to) = &cfg.addressee {
        d = d.add_paragraph(
            centered()
                .line_spacing(spacing(240, 0, 240))
                .add_run(run(&format!("Kính gửi: {to}"), PT14)),
        );
    }
    let mut recipients: Vec<String> = Vec::new();
    if cfg.addressee.is_some() {
        recipients.push("Như trên".into());
    }
    recipients.extend(cfg.recipients.iter().cloned());
    d = add_body_and_signature(d, doc, cfg, &recipients);

    // Close the portrait section; the header is inherited by the sections that follow.
    let portrait = SectionProperty::new()
        .page_size(PageSize::new().size(PAGE_W, PAGE_H))
        .page_margin(portrait_margin())
        .title_pg()
        .header(Header::new(), "rIdHeader1");
    d = d.add_paragraph(section_end(portrait));

    // Appendix I: the tasks (landscape, pages numbered from 1).
    let appendix_title_text = doc
        .setting("phu_luc_nhiem_vu")
        .unwrap_or("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH")
        .to_string();
    for p in appendix_title("I", &appendix_title_text, cfg, date.year()) {
        d = d.add_paragraph(p);
    }
    d = d.add_table(task_table(ctx));
    let landscape_tasks = SectionProperty::new()
        .page_size(
            PageSize::new()
                .size(PAGE_H, PAGE_W)
                .orient(PageOrientationType::Landscape),
        )
        .page_margin(landscape_margin())
        .page_num_type(PageNumType::new().start(1))
        .title_pg()
        .header(Header::new(), "rIdHeader1");
    d = d.add_paragraph(section_end(landscape_tasks));

    // Appendix II: the indicators.
    let indicators_title = doc
        .setting("phu_luc_chi_tieu")
        .unwrap_or("CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH")
        .to_string();
    for p in appendix_title("II", &indicators_title, cfg, date.year()) {
        d = d.add_paragraph(p);
    }
    d = d
        .add_table(indicator_table(ctx))
        .add_paragraph(Paragraph::new().size(2))
        .page_size(PAGE_H, PAGE_W)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(landscape_margin())
        .page_num_type(PageNumType::new().start(1))
        .title_pg();
    pack(d, date)
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
pub(crate) fn pack(d: Docx, date: NaiveDate) -> Result<Vec<u8>, String> {
    let mut raw = std::io::Cursor::new(Vec::new());
    d.build()
        .pack(&mut raw)
        .map_err(|e| format!("Không tạo được tệp DOCX: {e}"))?;
    ooxml::finish_docx(&raw.into_inner(), date).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn motto_width_matches_the_measured_recipe() {
        // crates-and-recipes.md: the motto at 14 pt bold is about 3400–3450 twips.
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
