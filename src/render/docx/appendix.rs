//! The report's appendices: the landscape tables of every task of the plan (Phụ lục I) and of
//! the indicators (Phụ lục II), with the title block each starts with.

use crate::model::config::Config;
use crate::render::docx::{L_TEXT_W, PT12, PT14, centered, fonts, rule, run, spacing, text_width};
use crate::render::format;
use crate::render::ooxml;
use crate::render::view::task::TaskView;
use crate::render::view::{AreaView, IndicatorView, ReportContext};
use chrono::NaiveDate;
use docx_rs::{
    AlignmentType, Paragraph, Run, Table, TableBorders, TableCell, TableCellMargins,
    TableLayoutType, TableRow, VAlignType, WidthType,
};

/// Left and right margins inside a data table's cells, in twips (1.5 mm).
pub const DATA_CELL_MARGIN: usize = 85;
/// Room left beside the widest header word, so that a renderer whose widths differ a little
/// from the Times metrics still keeps the word on one line.
const HEADER_SLACK: usize = 60;

/// How a cell's text is aligned (docs/the-thuc.md, "Appendix"): text left, never justified
/// (a narrow justified cell opens wide gaps between words); numbers right or centred.
#[derive(Clone, Copy)]
enum Align {
    Text,
    Number,
    Ordinal,
}

impl Align {
    fn jc(self) -> AlignmentType {
        match self {
            Align::Text => AlignmentType::Left,
            Align::Number => AlignmentType::Right,
            Align::Ordinal => AlignmentType::Center,
        }
    }
}

/// The column widths with every column wide enough for the longest word of its header
/// (bold, 12 pt) on one line, "STT" included; what a column needs is taken from column
/// `flexible`, so the table keeps its width.
fn fit_header(widths: &[usize], header: &[&str], flexible: usize) -> Vec<usize> {
    let mut out = widths.to_vec();
    for (i, h) in header.iter().enumerate() {
        let need = header_word_width(h) + 2 * DATA_CELL_MARGIN + HEADER_SLACK;
        if i != flexible && out[i] < need {
            out[flexible] -= need - out[i];
            out[i] = need;
        }
    }
    out
}

/// The width of the longest word of a header text, bold 12 pt, in twips.
pub fn header_word_width(header: &str) -> usize {
    header
        .split_whitespace()
        .map(|w| text_width(w, PT12, true).max(0) as usize)
        .max()
        .unwrap_or(0)
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

fn cell_text(text: &str, bold: bool, align: Align) -> Paragraph {
    cell_paragraph(text, bold, align.jc())
}

fn cell_paragraph(text: &str, bold: bool, align: AlignmentType) -> Paragraph {
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
                data_cell(*w, vec![cell_paragraph(h, true, AlignmentType::Center)])
                    .vertical_align(VAlignType::Center)
            })
            .collect(),
    )
    .cant_split();
    let mut t = Table::new(vec![ooxml::header_row(head)])
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .margins(TableCellMargins::new().margin(0, DATA_CELL_MARGIN, 0, DATA_CELL_MARGIN))
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
pub(crate) fn appendix_title(number: &str, title: &str, cfg: &Config, year: i32) -> Vec<Paragraph> {
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

pub(crate) fn task_table(ctx: &ReportContext) -> Table {
    let header = [
        "STT",
        "Nhiệm vụ",
        "Đơn vị chủ trì",
        "Sản phẩm",
        "Thời hạn",
        "Kết quả thực hiện",
        "Tình trạng",
    ];
    let widths = fit_header(&[600, 3650, 1800, 2000, 1450, 3570, 1500], &header, 1);
    debug_assert_eq!(widths.iter().sum::<usize>(), L_TEXT_W);
    let mut rows = Vec::new();
    for a in areas_in_order(ctx) {
        rows.push(
            TableRow::new(vec![
                data_cell(widths[0], vec![cell_text(&a.ma, true, Align::Ordinal)]),
                data_cell(
                    widths[1..].iter().sum(),
                    vec![cell_text(&a.ten, true, Align::Text)],
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
                data_cell(widths[0], vec![cell_text(&t.nhan, false, Align::Ordinal)]),
                data_cell(widths[1], vec![cell_text(&t.noi_dung, false, Align::Text)]),
                data_cell(widths[2], vec![cell_text(&t.chu_tri, false, Align::Text)]),
                data_cell(
                    widths[3],
                    vec![cell_text(&t.san_pham_ke_hoach, false, Align::Text)],
                ),
                data_cell(widths[4], vec![cell_text(&t.thoi_han, false, Align::Text)]),
                data_cell(
                    widths[5],
                    vec![cell_text(&task_result_text(t), false, Align::Text)],
                ),
                data_cell(widths[6], vec![cell_text(&state, t.qua_han, Align::Text)]),
            ];
            rows.push(TableRow::new(cells).cant_split());
        }
    }
    data_table(&widths, &header, rows)
}

/// The indicators, grouped under the plan's areas (indicators of no known area last).
pub(crate) fn indicator_table(ctx: &ReportContext) -> Table {
    let header = ["STT", "Chỉ tiêu", "Đơn vị tính", "Kết quả"];
    let widths = fit_header(&[800, 8770, 2000, 3000], &header, 1);
    debug_assert_eq!(widths.iter().sum::<usize>(), L_TEXT_W);
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
                    vec![cell_text(&title, true, Align::Text)],
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
                        vec![cell_text(&n.to_string(), false, Align::Ordinal)],
                    ),
                    data_cell(widths[1], vec![cell_text(&c.ten, false, Align::Text)]),
                    data_cell(
                        widths[2],
                        vec![cell_text(&c.don_vi_tinh, false, Align::Text)],
                    ),
                    data_cell(widths[3], vec![cell_text(&value, false, Align::Number)]),
                ])
                .cant_split(),
            );
        }
    }
    data_table(&widths, &header, rows)
}
