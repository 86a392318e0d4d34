//! The appendix workbook (`phu-luc-cchc-<KY>.xlsx`, SPEC §5.2): the merged period in, the bytes
//! of an XLSX workbook out. Five sheets in a fixed order: `Tong hop` (tasks by area and status,
//! with a chart), `Nhiem vu` (one row per task), `Don vi` (one row per unit), `Chi tieu` (one
//! column per indicator) and `Kiem tra` (every diagnostic).
//!
//! Every number is the one the JSON summary gives; percentages are stored as fractions and
//! shown with `0.0%`. Text from the data folder is always written as a string (never as a
//! formula) and cut, with a note, at Excel's 32,767-character cell limit. Row heights are
//! computed from the text, because neither Excel nor LibreOffice grows a row on load. The
//! document's creation date is the period's end date, so the same inputs give the same bytes.

use crate::diagnostics::Severity;
use crate::input::indicators::Method;
use crate::input::plan::Role;
use crate::input::reader::Num;
use crate::model::merge::{PeriodReport, TaskResult, UnitState, ratio};
use crate::model::status::Status;
use crate::render::context::citation;
use crate::render::format;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartDataLabel, ChartFont, ChartLegendPosition, ChartSolidFill,
    ChartType, Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

/// The sheet names, in order (SPEC §5.2).
pub const SHEETS: [&str; 5] = ["Tong hop", "Nhiem vu", "Don vi", "Chi tieu", "Kiem tra"];
/// Excel's limit on the length of a cell's text, in UTF-16 code units.
pub const CELL_LIMIT: usize = 32_767;
/// Room kept at the end of a cut cell for the note saying what was left out.
const NOTE_ROOM: usize = 120;
/// Excel's tallest row, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;
const FONT: &str = "Times New Roman";
/// Body text size, in points.
const SIZE: f64 = 11.0;
/// Sheets with at most this many columns print one page wide; wider ones repeat their first
/// columns on every page instead of shrinking to an unreadable size.
const FIT_COLUMNS: u16 = 16;

/// Renders the appendix workbook of one period.
pub fn render_xlsx(r: &PeriodReport) -> Result<Vec<u8>, String> {
    build(r).map_err(|e| {
        format!(
            "Không tạo được phụ lục XLSX (phu-luc-cchc-{}.xlsx): {}",
            r.period.code(),
            explain(&e)
        )
    })
}

/// The library's error, in Vietnamese where it is one a user can meet.
fn explain(e: &XlsxError) -> String {
    match e {
        XlsxError::RowColumnLimitError => {
            "bảng vượt quá giới hạn của Excel (1.048.576 dòng, 16.384 cột).".into()
        }
        XlsxError::MaxStringLengthExceeded => "một ô vượt quá 32.767 ký tự.".into(),
        XlsxError::ParameterError(msg) => format!("{msg}."),
        other => format!("lỗi khi ghi tệp ({other})."),
    }
}

fn build(r: &PeriodReport) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    // Times New Roman 11 has Calibri 11's metrics in Excel's terms: 64-pixel columns,
    // 20-pixel rows.
    wb.set_default_format(
        &Format::new().set_font_name(FONT).set_font_size(SIZE),
        20,
        64,
    )?;
    let title = format!("Phụ lục kết quả thực hiện CCHC {}", r.period.display_name());
    wb.set_properties(
        &DocProperties::new()
            .set_title(&title)
            .set_subject(&r.plan.title)
            .set_author(&r.data.config.body_name)
            .set_creation_datetime(&excel_date(r.end)?),
    );
    let st = Styles::new();
    summary_sheet(wb.add_worksheet(), r, &st)?;
    tasks_sheet(wb.add_worksheet(), r, &st)?;
    // The sheets with a row per unit or per diagnostic can hold tens of thousands of rows: they
    // are written row by row and flushed to a temporary file as they go ("constant memory"),
    // so that a province's workbook does not have to sit in memory.
    units_sheet(wb.add_worksheet_with_constant_memory()?, r, &st)?;
    indicators_sheet(wb.add_worksheet_with_constant_memory()?, r, &st)?;
    diagnostics_sheet(wb.add_worksheet_with_constant_memory()?, r, &st)?;
    wb.save_to_buffer()
}

fn excel_date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    let year = u16::try_from(d.year()).map_err(|_| {
        XlsxError::ParameterError(format!("năm {} nằm ngoài phạm vi của Excel", d.year()))
    })?;
    ExcelDateTime::from_ymd(year, d.month() as u8, d.day() as u8)
}

// ---------------------------------------------------------------------------------------------
// Formats.

const GRAY: u32 = 0xD9D9D9;
const LIGHT: u32 = 0xF2F2F2;
const GOOD: (u32, u32) = (0xC6EFCE, 0x006100);
const BAD: (u32, u32) = (0xFFC7CE, 0x9C0006);
const NEUTRAL: (u32, u32) = (0xFFEB9C, 0x9C5700);

/// Every cell format of the workbook, made once.
struct Styles {
    title: Format,
    subtitle: Format,
    label: Format,
    plain_date: Format,
    header: Format,
    text: Format,
    center: Format,
    int: Format,
    count: Format,
    dec: Format,
    /// Completion rates (centred, like the counts beside them).
    pct: Format,
    /// Indicator ratios (right-aligned, like the figures beside them).
    ratio: Format,
    date: Format,
    total_text: Format,
    total_int: Format,
    total_count: Format,
    total_dec: Format,
    total_pct: Format,
    total_ratio: Format,
    good: Format,
    bad: Format,
    neutral: Format,
    bad_bold: Format,
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(SIZE)
}

impl Styles {
    fn new() -> Styles {
        let cell = || {
            base()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
        };
        let text = cell().set_text_wrap();
        let center = cell().set_align(FormatAlign::Center).set_text_wrap();
        let int = cell().set_num_format("#,##0");
        let count = int.clone().set_align(FormatAlign::Center);
        let dec = cell().set_num_format("#,##0.00");
        let pct = cell().set_num_format("0.0%");
        let total = |f: Format| f.set_bold().set_background_color(Color::RGB(LIGHT));
        let tinted = |(fill, font): (u32, u32)| {
            center
                .clone()
                .set_background_color(Color::RGB(fill))
                .set_font_color(Color::RGB(font))
        };
        Styles {
            title: base()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            subtitle: base()
                .set_italic()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            label: base().set_align(FormatAlign::Right),
            plain_date: base()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Left),
            header: base()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_border(FormatBorder::Thin)
                .set_background_color(Color::RGB(GRAY)),
            date: cell()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Center),
            total_text: total(text.clone()),
            total_int: total(int.clone()),
            total_count: total(count.clone()),
            total_dec: total(dec.clone()),
            total_pct: total(pct.clone().set_align(FormatAlign::Center)),
            total_ratio: total(pct.clone()),
            good: tinted(GOOD),
            bad: tinted(BAD),
            neutral: tinted(NEUTRAL),
            bad_bold: tinted(BAD).set_bold(),
            text,
            center,
            int,
            count,
            dec,
            ratio: pct.clone(),
            pct: pct.set_align(FormatAlign::Center),
        }
    }

    fn status(&self, s: Status) -> &Format {
        match s {
            Status::HoanThanh => &self.good,
            Status::ChamTienDo => &self.bad,
            Status::ChuaBaoCao => &self.neutral,
            Status::DangThucHien | Status::ChuaThucHien => &self.center,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Text: Excel's cell limit, and how much room text takes.

/// A cell's text, built piece by piece and cut at Excel's limit: once the limit is passed,
/// pieces are only counted, so a cell never holds more than the limit whatever the input.
struct CellText {
    buf: String,
    /// `buf`'s length in UTF-16 code units.
    len16: usize,
    /// Characters dropped after `buf` was full.
    dropped: usize,
    /// Where the reader finds the whole text ("xem báo cáo của đơn vị").
    see: &'static str,
}

impl CellText {
    fn new(see: &'static str) -> CellText {
        CellText {
            buf: String::new(),
            len16: 0,
            dropped: 0,
            see,
        }
    }

    fn push(&mut self, s: &str) {
        if self.len16 > CELL_LIMIT {
            self.dropped += s.chars().count();
            return;
        }
        for (i, c) in s.char_indices() {
            if self.len16 > CELL_LIMIT {
                self.dropped += s[i..].chars().count();
                return;
            }
            self.buf.push(c);
            self.len16 += c.len_utf16();
        }
    }

    /// The text, or, when it is over the limit, its beginning (cut at a space where one is
    /// near) and a note saying how many characters were left out.
    fn finish(self) -> String {
        if self.len16 <= CELL_LIMIT {
            return self.buf;
        }
        let budget = CELL_LIMIT - NOTE_ROOM;
        let mut units = 0;
        let mut cut = self.buf.len();
        for (i, c) in self.buf.char_indices() {
            units += c.len_utf16();
            if units > budget {
                cut = i;
                break;
            }
        }
        // Prefer to cut between words, if a space is within the last 200 bytes.
        if let Some(space) = self.buf[..cut].rfind(char::is_whitespace)
            && cut - space < 200
        {
            cut = space;
        }
        let left_out = self.buf[cut..].chars().count() + self.dropped;
        format!(
            "{}… (còn {} ký tự, {})",
            self.buf[..cut].trim_end(),
            format::number(left_out as f64, Some(0)),
            self.see
        )
    }
}

/// One text, cut at the cell limit.
fn fit(s: &str, see: &'static str) -> String {
    let mut c = CellText::new(see);
    c.push(s);
    c.finish()
}

const SEE_UNIT: &str = "xem báo cáo của đơn vị";
const SEE_PLAN: &str = "xem kế hoạch";
const SEE_JSON: &str = "xem tệp tong-hop JSON";

/// The width of a text on one line, in ems.
fn text_em(s: &str, bold: bool) -> f64 {
    crate::render::metrics::em(s, bold)
}

/// How many ems of text fit on one line of a column `width` characters wide, at `size` pt:
/// Excel's column is 7 pixels per character plus 5, less the cell's inner margins, and a
/// little kept back for the difference between Excel and LibreOffice.
fn column_em(width: f64, size: f64) -> f64 {
    let px = (width * 7.0 + 5.0 - 8.0).max(7.0);
    px / (size * 96.0 / 72.0) * 0.97
}

/// Lines a wrapped text takes in a column `width` characters wide.
fn wrapped_lines(text: &str, width: f64, size: f64, bold: bool) -> usize {
    let cap = column_em(width, size);
    let space = text_em(" ", bold);
    let mut lines = 0;
    for para in text.split('\n') {
        lines += 1;
        let mut cur = 0.0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = text_em(word, bold);
            if cur > 0.0 && cur + space + w <= cap {
                cur += space + w;
                continue;
            }
            if cur > 0.0 {
                lines += 1;
            }
            // A word longer than the line is broken anywhere.
            if w > cap {
                let whole = (w / cap).floor();
                lines += whole as usize;
                cur = w - whole * cap;
                if cur == 0.0 {
                    lines -= 1;
                    cur = cap;
                }
            } else {
                cur = w;
            }
        }
    }
    lines
}

/// Line height over font size: Times New Roman's ascent and descent, rounded up to whole
/// pixels as Excel does (LibreOffice's lines are a little shorter).
const LINE: f64 = 1.17;

/// The height of a row whose tallest cell has `lines` lines at `size` pt.
fn row_height(lines: usize, size: f64) -> f64 {
    let h = lines.max(1) as f64 * size * LINE + 4.0;
    h.clamp(15.0, MAX_ROW_HEIGHT)
}

/// The column width (in characters) that shows the longest of `texts` on one line, between
/// `min` and `max` (longer texts wrap).
fn fit_width<'a>(texts: impl Iterator<Item = &'a str>, min: f64, max: f64) -> f64 {
    let em_px = SIZE * 96.0 / 72.0;
    let widest = texts
        .flat_map(|t| t.split('\n'))
        .map(|t| text_em(t, false))
        .fold(0.0, f64::max);
    let chars = (widest * em_px + 8.0) / 7.0 / 0.97 + 1.0;
    chars.clamp(min, max).ceil()
}

// ---------------------------------------------------------------------------------------------
// Sheet helpers.

/// A worksheet being written, with its column widths (to size rows to their wrapped text).
struct Sheet<'w> {
    ws: &'w mut Worksheet,
    widths: Vec<f64>,
    /// Heights set so far, by row (others are 15 pt).
    heights: std::collections::BTreeMap<u32, f64>,
    /// Columns a title row spans: the whole table, or what fits on the first page of a very
    /// wide one.
    banner_cols: u16,
}

impl<'w> Sheet<'w> {
    fn new(ws: &'w mut Worksheet, name: &str, widths: Vec<f64>) -> Result<Sheet<'w>, XlsxError> {
        ws.set_name(name)?;
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
        }
        let mut banner_cols = widths.len() as u16;
        if banner_cols > FIT_COLUMNS {
            let mut px = 0.0;
            banner_cols = 0;
            for w in &widths {
                px += w * 7.0 + 5.0;
                if px > PRINT_WIDTH_PX {
                    break;
                }
                banner_cols += 1;
            }
        }
        Ok(Sheet {
            ws,
            widths,
            heights: Default::default(),
            banner_cols: banner_cols.max(1),
        })
    }

    fn set_height(&mut self, row: u32, height: f64) -> Result<(), XlsxError> {
        self.ws.set_row_height(row, height)?;
        self.heights.insert(row, height);
        Ok(())
    }

    /// The height of rows `0..row`, in points.
    fn height_above(&self, row: u32) -> f64 {
        let set: f64 = self.heights.range(..row).map(|(_, h)| h).sum();
        set + 15.0 * (row as usize - self.heights.range(..row).count()) as f64
    }

    /// The table's width in pixels.
    fn width_px(&self) -> f64 {
        self.widths.iter().map(|w| w * 7.0 + 5.0).sum()
    }

    fn ncols(&self) -> u16 {
        self.widths.len() as u16
    }

    /// A title row merged across the table, and its height.
    fn banner(&mut self, row: u32, text: &str, f: &Format, size: f64) -> Result<(), XlsxError> {
        let text = fit(text, SEE_PLAN);
        let last = self.banner_cols - 1;
        if last == 0 {
            self.ws.write_string_with_format(row, 0, &text, f)?;
        } else {
            self.ws.merge_range(row, 0, row, last, &text, f)?;
        }
        let width: f64 = self.widths[..self.banner_cols as usize].iter().sum();
        let lines = wrapped_lines(&text, width, size, true);
        self.set_height(row, row_height(lines, size))
    }

    /// The header row: bold, wrapped, and tall enough for its longest heading.
    fn header(&mut self, row: u32, names: &[&str], f: &Format) -> Result<(), XlsxError> {
        let mut lines = 1;
        for (c, name) in names.iter().enumerate() {
            self.ws.write_string_with_format(row, c as u16, *name, f)?;
            lines = lines.max(wrapped_lines(name, self.widths[c], SIZE, true));
        }
        self.set_height(row, row_height(lines, SIZE))
    }

    /// A row of wrapped cells: sets its height from the texts written in it.
    fn fit_row(&mut self, row: u32, texts: &[(u16, &str)]) -> Result<(), XlsxError> {
        let lines = texts
            .iter()
            .map(|(c, t)| wrapped_lines(t, self.widths[*c as usize], SIZE, false))
            .max()
            .unwrap_or(1);
        self.set_height(row, row_height(lines, SIZE))
    }

    fn text(&mut self, row: u32, col: u16, s: &str, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    fn number(&mut self, row: u32, col: u16, x: f64, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(row, col, x, f)?;
        Ok(())
    }

    fn date(&mut self, row: u32, col: u16, d: NaiveDate, f: &Format) -> Result<(), XlsxError> {
        self.ws
            .write_date_with_format(row, col, excel_date(d)?, f)?;
        Ok(())
    }

    fn blank(&mut self, row: u32, col: u16, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_blank(row, col, f)?;
        Ok(())
    }

    /// Header rows frozen (and repeated on every printed page when `repeat`), an autofilter
    /// over the table down to `filter_to`, A4 landscape one page wide (or, for very wide
    /// sheets, the first `keep` columns repeated on every page), and a header and footer with
    /// the title and page numbers.
    fn finish(&mut self, r: &PeriodReport, title: &str, layout: Layout) -> Result<(), XlsxError> {
        let Layout {
            head,
            filter_to,
            keep,
            repeat,
        } = layout;
        self.ws.set_freeze_panes(head.1 + 1, keep)?;
        if let Some(last) = filter_to {
            self.ws
                .autofilter(head.1, 0, last.max(head.1), self.ncols() - 1)?;
        }
        self.ws.set_paper_size(9).set_landscape();
        self.ws
            .set_margins(MARGIN_SIDE, MARGIN_SIDE, 0.6, 0.6, 0.25, 0.25);
        if self.ncols() <= FIT_COLUMNS {
            self.ws.set_print_fit_to_pages(1, 0);
        } else {
            // Pages run down, then over; each repeats the first columns.
            self.ws.set_repeat_columns(0, keep.max(1) - 1)?;
        }
        if repeat {
            self.ws.set_repeat_rows(head.0, head.1)?;
        }
        // Excel allows 255 characters in a header; '&' starts a control code.
        let esc = |s: &str, max: usize| s.chars().take(max).collect::<String>().replace('&', "&&");
        let left = esc(title, 90);
        let right = esc(&r.period.display_name(), 60);
        let font = "&\"Times New Roman,Regular\"&9";
        self.ws
            .set_header(format!("&L{font}{left}&R{font}Kỳ báo cáo: {right}"));
        self.ws.set_footer(format!("&C{font}Trang &P/&N"));
        Ok(())
    }
}

/// Where a sheet's table is, for freezing, filtering and printing.
struct Layout {
    /// First and last header row.
    head: (u32, u32),
    /// The last row the autofilter covers, if the table has rows.
    filter_to: Option<u32>,
    /// Columns frozen (and, on very wide sheets, repeated on every page).
    keep: u16,
    /// Repeat the header rows on every printed page.
    repeat: bool,
}

/// Left and right print margins, in inches.
const MARGIN_SIDE: f64 = 0.4;
/// The printable width of an A4 landscape page, in Excel pixels (96 per inch).
const PRINT_WIDTH_PX: f64 = (11.69 - 2.0 * MARGIN_SIDE) * 96.0;
/// The printable height of an A4 landscape page, in points.
const PRINT_HEIGHT_PT: f64 = (8.27 - 1.2) * 72.0;

fn area_label(r: &PeriodReport, area: usize) -> String {
    let a = &r.plan.areas[area];
    format!("{}. {}", a.id, a.name)
}

/// The fraction `part / whole`, or none when `whole` is 0.
fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

// ---------------------------------------------------------------------------------------------
// Tong hop.

/// Rows of `Tong hop` above the table.
const SUMMARY_HEAD: u32 = 7;

fn summary_sheet(ws: &mut Worksheet, r: &PeriodReport, st: &Styles) -> Result<(), XlsxError> {
    let areas: Vec<String> = (0..r.plan.areas.len()).map(|a| area_label(r, a)).collect();
    let mut widths = vec![5.0, 0.0, 10.0, 11.0, 11.0, 11.0, 11.0, 11.0, 9.0, 11.0];
    widths[1] = fit_width(areas.iter().map(String::as_str), 30.0, 48.0);
    let mut s = Sheet::new(ws, SHEETS[0], widths)?;

    s.banner(
        0,
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH THEO LĨNH VỰC",
        &st.title,
        14.0,
    )?;
    let cfg = &r.data.config;
    s.banner(
        1,
        &format!(
            "(Kèm theo báo cáo kết quả công tác cải cách hành chính {} của {})",
            r.period.display_name(),
            cfg.body_name
        ),
        &st.subtitle,
        SIZE,
    )?;
    s.banner(
        2,
        &format!(
            "Thực hiện {}",
            citation(&r.plan.number, r.plan.issued, &r.plan.title)
        ),
        &st.subtitle,
        SIZE,
    )?;
    let dates = [
        ("Số liệu tính từ ngày:", r.start),
        ("đến ngày:", r.end),
        ("Hạn nộp báo cáo của đơn vị:", r.deadline),
    ];
    for (i, (label, d)) in dates.into_iter().enumerate() {
        let row = 3 + i as u32;
        s.text(row, 1, label, &st.label)?;
        s.date(row, 2, d, &st.plain_date)?;
    }

    let head = SUMMARY_HEAD;
    let mut names: Vec<&str> = vec!["STT", "Lĩnh vực", "Tổng số nhiệm vụ"];
    names.extend(Status::ALL.iter().map(|s| s.label()));
    names.extend(["Quá hạn", "Tỷ lệ hoàn thành"]);
    s.header(head, &names, &st.header)?;

    // Counts per area, in one pass over the tasks.
    let n = r.plan.areas.len();
    let mut counts = vec![[0usize; 5]; n];
    let mut overdue = vec![0usize; n];
    for t in &r.tasks {
        let a = r.plan.tasks[t.task].area;
        counts[a][status_index(t.status)] += 1;
        overdue[a] += usize::from(t.overdue);
    }
    for (a, label) in areas.iter().enumerate() {
        let row = head + 1 + a as u32;
        let total: usize = counts[a].iter().sum();
        s.number(row, 0, (a + 1) as f64, &st.center)?;
        s.text(row, 1, label, &st.text)?;
        s.number(row, 2, total as f64, &st.count)?;
        for (k, c) in counts[a].iter().enumerate() {
            s.number(row, 3 + k as u16, *c as f64, &st.count)?;
        }
        s.number(row, 8, overdue[a] as f64, &st.count)?;
        match rate(counts[a][0], total) {
            Some(x) => s.number(row, 9, x, &st.pct)?,
            None => s.blank(row, 9, &st.pct)?,
        }
        s.fit_row(row, &[(1, label)])?;
    }
    let total_row = head + 1 + n as u32;
    s.blank(total_row, 0, &st.total_text)?;
    s.text(total_row, 1, "Tổng cộng", &st.total_text)?;
    s.number(total_row, 2, r.tasks.len() as f64, &st.total_count)?;
    for (k, status) in Status::ALL.iter().enumerate() {
        s.number(
            total_row,
            3 + k as u16,
            r.count(*status) as f64,
            &st.total_count,
        )?;
    }
    s.number(total_row, 8, r.overdue as f64, &st.total_count)?;
    match rate(r.count(Status::HoanThanh), r.tasks.len()) {
        Some(x) => s.number(total_row, 9, x, &st.total_pct)?,
        None => s.blank(total_row, 9, &st.total_pct)?,
    }
    s.set_height(total_row, row_height(1, SIZE))?;

    // The chart goes under the table, on the first page if it fits there, else on a page of
    // its own. A short table is not repeated on the chart's page.
    let chart_row = total_row + 2;
    if n > 0 {
        let chart = status_chart(r, head + 1, total_row - 1);
        let scale = (PRINT_WIDTH_PX / s.width_px()).min(1.0);
        let needed = s.height_above(chart_row) + 20.0 + chart_height(n) * 0.75;
        if needed * scale > PRINT_HEIGHT_PT {
            s.ws.set_page_breaks(&[chart_row])?;
        }
        s.ws.insert_chart_with_offset(chart_row, 1, &chart, 0, 6)?;
    }
    s.finish(
        r,
        "Tổng hợp kết quả thực hiện nhiệm vụ CCHC",
        Layout {
            head: (head, head),
            filter_to: (n > 0).then(|| total_row - 1),
            keep: 0,
            repeat: n > 15,
        },
    )
}

/// The chart's height in pixels: room for the title, axis and legend, and a bar per area.
fn chart_height(areas: usize) -> f64 {
    (130 + 40 * areas.min(40)) as f64
}

fn status_index(s: Status) -> usize {
    Status::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// A stacked bar of the five statuses, one bar per area, area 1 at the top.
fn status_chart(r: &PeriodReport, first: u32, last: u32) -> Chart {
    let mut chart = Chart::new(ChartType::BarStacked);
    let mut font = ChartFont::new();
    font.set_name(FONT).set_size(10);
    let mut title_font = ChartFont::new();
    title_font.set_name(FONT).set_size(12).set_bold();
    let colors = [0x70AD47, 0x4472C4, 0xC00000, 0xA5A5A5, 0xFFC000];
    for (k, color) in colors.into_iter().enumerate() {
        let col = 3 + k as u16;
        let mut label = ChartDataLabel::new();
        label.show_value().set_num_format("0;;;").set_font(&font);
        let mut fill = ChartSolidFill::new();
        fill.set_color(Color::RGB(color));
        chart
            .add_series()
            .set_name((SHEETS[0], SUMMARY_HEAD, col))
            .set_categories((SHEETS[0], first, 1, last, 1))
            .set_values((SHEETS[0], first, col, last, col))
            .set_format(&mut fill)
            .set_data_label(&label)
            .set_gap(60);
    }
    chart
        .title()
        .set_name(&format!(
            "Tình hình thực hiện nhiệm vụ theo lĩnh vực, {}",
            r.period.display_name()
        ))
        .set_font(&title_font);
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max)
        .set_label_interval(1)
        .set_font(&font);
    chart
        .x_axis()
        .set_name("Số nhiệm vụ")
        .set_name_font(&font)
        .set_font(&font);
    chart
        .legend()
        .set_position(ChartLegendPosition::Bottom)
        .set_font(&font);
    chart
        .set_width(900)
        .set_height(chart_height(r.plan.areas.len()) as u32);
    chart
}

// ---------------------------------------------------------------------------------------------
// Nhiem vu.

/// The header row of the data sheets (a title and a subtitle above it).
const HEAD: u32 = 2;

fn tasks_sheet(ws: &mut Worksheet, r: &PeriodReport, st: &Styles) -> Result<(), XlsxError> {
    let widths = vec![
        12.0, 6.0, 30.0, 16.0, 19.0, 13.0, 11.0, 12.0, 12.0, 8.0, 38.0, 90.0,
    ];
    let mut s = Sheet::new(ws, SHEETS[1], widths)?;
    // Titles span the printed columns (the full results in column L are not printed).
    s.banner_cols = 11;
    s.banner(
        0,
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH",
        &st.title,
        14.0,
    )?;
    s.banner(
        1,
        &format!(
            "Kỳ báo cáo: {} (số liệu từ ngày {} đến ngày {})",
            r.period.display_name(),
            format::short_date(r.start),
            format::short_date(r.end)
        ),
        &st.subtitle,
        SIZE,
    )?;
    s.header(
        HEAD,
        &[
            "Lĩnh vực",
            "Mã",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Sản phẩm",
            "Thời hạn",
            "Hạn hoàn thành",
            "Trạng thái",
            "Trạng thái kỳ trước",
            "Quá hạn",
            "Tóm tắt kết quả",
            "Kết quả thực hiện của các đơn vị (toàn văn, không in)",
        ],
        &st.header,
    )?;
    let areas: Vec<String> = (0..r.plan.areas.len()).map(|a| area_label(r, a)).collect();
    for (i, t) in r.tasks.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let task = &r.plan.tasks[t.task];
        let leads = fit(&lead_names(r, t.task), SEE_PLAN);
        let content = fit(&task.content, SEE_PLAN);
        let product = fit(&task.product, SEE_PLAN);
        let limit = fit(&task.deadline.text, SEE_PLAN);
        let results = results_text(r, t);
        let summary = summary_text(r, t);
        s.text(row, 0, &areas[task.area], &st.text)?;
        s.text(row, 1, &task.id, &st.center)?;
        s.text(row, 2, &content, &st.text)?;
        s.text(row, 3, &leads, &st.text)?;
        s.text(row, 4, &product, &st.text)?;
        s.text(row, 5, &limit, &st.text)?;
        match t.due {
            Some(d) => s.date(row, 6, d, &st.date)?,
            None => s.blank(row, 6, &st.date)?,
        }
        s.text(row, 7, t.status.label(), st.status(t.status))?;
        match r.previous_status(t.task) {
            Some(p) => s.text(row, 8, p.label(), &st.center)?,
            None => s.blank(row, 8, &st.center)?,
        }
        if t.overdue {
            s.text(row, 9, "Quá hạn", &st.bad_bold)?;
        } else {
            s.blank(row, 9, &st.center)?;
        }
        s.text(row, 10, &summary, &st.text)?;
        s.text(row, 11, &results, &st.text)?;
        // Rows fit the printed columns; the full results (column K) can be far longer than
        // a row can show, so they stay in the cell and out of the print area.
        s.fit_row(
            row,
            &[
                (0, &areas[task.area]),
                (2, &content),
                (3, &leads),
                (4, &product),
                (5, &limit),
                (7, t.status.label()),
                (10, &summary),
            ],
        )?;
    }
    let last = HEAD + r.tasks.len() as u32;
    s.ws.set_print_area(0, 0, last, 10)?;
    s.finish(
        r,
        "Kết quả thực hiện các nhiệm vụ CCHC",
        Layout {
            head: (HEAD, HEAD),
            filter_to: Some(last),
            keep: 0,
            repeat: true,
        },
    )
}

/// The plan's lead units as written: a group by its name, a unit by its name, then the free
/// text; one per line.
fn lead_names(r: &PeriodReport, task: usize) -> String {
    let reg = &r.data.registry;
    let t = &r.plan.tasks[task];
    let mut names: Vec<&str> = Vec::with_capacity(t.lead_refs.len() + 1);
    for reference in &t.lead_refs {
        let name = match reference.strip_prefix('@') {
            Some(g) => reg.group(g).map(|g| g.name.as_str()),
            None => reg.unit(reference).map(|u| reg.units[u].name.as_str()),
        };
        names.push(name.unwrap_or(reference));
    }
    if let Some(other) = &t.lead_other {
        names.push(other);
    }
    names.join(";\n")
}

fn role_label(role: Role) -> &'static str {
    match role {
        Role::Lead => "chủ trì",
        Role::Coordinator => "phối hợp",
        Role::Other => "đơn vị khác",
    }
}

/// Lead units named in a digest before the list is cut short.
const MAX_NAMED: usize = 30;

/// What the lead units reported, in one sentence at the top of the cell (so that it shows
/// even when the cell is taller than its row), then what each unit reported, one unit per
/// line in registry order; cut at the cell limit.
fn results_text(r: &PeriodReport, t: &TaskResult) -> String {
    let mut c = CellText::new(SEE_UNIT);
    let digest = lead_digest(r, t);
    c.push(&digest);
    for rep in &t.reports {
        if !c.buf.is_empty() {
            c.push("\n");
        }
        c.push(&report_line(r, rep));
    }
    if c.buf.is_empty() {
        c.push("Chưa có đơn vị nào báo cáo.");
    }
    c.finish()
}

/// The printed summary of a task's results: the lead units' digest, and what the lead unit
/// reported, in short, when the plan names one.
fn summary_text(r: &PeriodReport, t: &TaskResult) -> String {
    let mut parts = vec![lead_digest(r, t)];
    let leads = &r.plan.tasks[t.task].leads;
    for rep in t
        .reports
        .iter()
        .filter(|rep| rep.role == Role::Lead)
        .take(2)
    {
        if leads.len() > 2 {
            break;
        }
        let item = r.item(rep);
        let text = item
            .result
            .as_deref()
            .map(|s| format::shorten(s, 45))
            .unwrap_or_default();
        parts.push(format!(
            "{} – {}{}{}",
            r.data.registry.units[rep.unit].name,
            item.status.label(),
            if text.is_empty() { "" } else { ": " },
            text
        ));
    }
    let s: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    if s.is_empty() {
        "Chưa có đơn vị nào báo cáo.".to_string()
    } else {
        fit(&s.join("\n"), SEE_UNIT)
    }
}

/// "Đơn vị chủ trì: 23; đã báo cáo: 21 (hoàn thành 5, đang thực hiện 16); chưa báo cáo: 2
/// (UBND xã A, UBND xã B)." for several lead units; "Đơn vị chủ trì chưa báo cáo: Phòng X."
/// for one; nothing when the only lead unit reported.
fn lead_digest(r: &PeriodReport, t: &TaskResult) -> String {
    let reg = &r.data.registry;
    let leads = r.plan.tasks[t.task].leads.len();
    let missing = || {
        let mut names: Vec<&str> = t
            .missing
            .iter()
            .take(MAX_NAMED)
            .map(|&u| reg.units[u].name.as_str())
            .collect();
        let more = t.missing.len().saturating_sub(MAX_NAMED);
        let more =
            (more > 0).then(|| format!("và {} đơn vị khác", format::number(more as f64, Some(0))));
        names.extend(more.as_deref());
        names.join(", ")
    };
    if leads == 0 || (leads == 1 && t.missing.is_empty()) {
        return String::new();
    }
    if leads == 1 {
        return format!("Đơn vị chủ trì chưa báo cáo: {}.", missing());
    }
    let mut by_status = [0usize; 5];
    for rep in t.reports.iter().filter(|rep| rep.role == Role::Lead) {
        by_status[status_index(r.item(rep).status)] += 1;
    }
    let reported: usize = by_status.iter().sum();
    let n = |x: usize| format::number(x as f64, Some(0));
    let mut s = format!("Đơn vị chủ trì: {}; đã báo cáo: {}", n(leads), n(reported));
    let parts: Vec<String> = Status::REPORTABLE
        .iter()
        .map(|st| (st, by_status[status_index(*st)]))
        .filter(|(_, n)| *n > 0)
        .map(|(st, k)| format!("{} {}", st.label().to_lowercase(), n(k)))
        .collect();
    if !parts.is_empty() {
        s.push_str(&format!(" ({})", parts.join(", ")));
    }
    if !t.missing.is_empty() {
        s.push_str(&format!(
            "; chưa báo cáo: {} ({})",
            n(t.missing.len()),
            missing()
        ));
    }
    s.push('.');
    s
}

/// "• Phòng Tư pháp (chủ trì) – Đang thực hiện, 40%: … Văn bản: … Khó khăn: …".
fn report_line(r: &PeriodReport, rep: &crate::model::merge::UnitReport) -> String {
    let item = r.item(rep);
    let mut line = format!(
        "• {} ({}) – {}",
        r.data.registry.units[rep.unit].name,
        role_label(rep.role),
        item.status.label()
    );
    if let Some(p) = item.progress {
        line.push_str(&format!(", {}%", format::number(p.as_f64(), None)));
    }
    if let Some(res) = item
        .result
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        line.push_str(": ");
        line.push_str(res);
    }
    if !item.products.is_empty() {
        line.push_str(if line.ends_with(['.', ';']) {
            " "
        } else {
            ". "
        });
        line.push_str("Văn bản: ");
        let cited: Vec<String> = item
            .products
            .iter()
            .map(|p| citation(&p.number, p.date, &p.summary))
            .collect();
        line.push_str(&cited.join("; "));
    }
    if let Some(k) = item
        .difficulties
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        line.push_str(if line.ends_with(['.', ';']) {
            " "
        } else {
            ". "
        });
        line.push_str("Khó khăn: ");
        line.push_str(k);
    }
    line
}

// ---------------------------------------------------------------------------------------------
// Don vi.

fn units_sheet(ws: &mut Worksheet, r: &PeriodReport, st: &Styles) -> Result<(), XlsxError> {
    let reg = &r.data.registry;
    let subs = r.submissions;
    let shown_file = |i: usize| r.units[i].shown.map(|s| subs[s].file.as_str());
    let widths = vec![
        5.0,
        fit_width(reg.units.iter().map(|u| u.name.as_str()), 20.0, 40.0),
        8.0,
        14.0,
        11.0,
        10.0,
        8.0,
        7.0,
        10.0,
        10.0,
        10.0,
        10.0,
        fit_width((0..r.units.len()).filter_map(shown_file), 16.0, 46.0),
    ];
    let mut s = Sheet::new(ws, SHEETS[2], widths)?;
    s.banner(
        0,
        "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG",
        &st.title,
        14.0,
    )?;
    s.banner(
        1,
        &format!(
            "Kỳ báo cáo: {}; hạn nộp báo cáo: {}",
            r.period.display_name(),
            format::short_date(r.deadline)
        ),
        &st.subtitle,
        SIZE,
    )?;
    s.header(
        HEAD,
        &[
            "STT",
            "Tên đơn vị",
            "Đã nộp",
            "Tình trạng báo cáo",
            "Ngày báo cáo",
            "Đúng hạn",
            "Hợp lệ",
            "Số tệp",
            "Nhiệm vụ được giao (chủ trì, phối hợp)",
            "Nhiệm vụ đã báo cáo",
            "Nhiệm vụ đã hoàn thành",
            "Tỷ lệ hoàn thành",
            "Tệp báo cáo",
        ],
        &st.header,
    )?;

    // Tasks each unit leads or coordinates, in one pass over the plan.
    let mut assigned = vec![0usize; reg.units.len()];
    for t in &r.plan.tasks {
        for &u in t.leads.iter().chain(&t.coordinators) {
            assigned[u] += 1;
        }
    }
    for (i, u) in r.units.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let unit = &reg.units[u.unit];
        let shown = u.shown.map(|k| &subs[k]);
        let used = u.used.map(|k| &subs[k]);
        let done = used.map_or(0, |sub| {
            sub.tasks
                .iter()
                .filter(|t| {
                    t.status == Status::HoanThanh
                        && r.plan.tasks[t.task].role_of(u.unit) != Role::Other
                })
                .count()
        });
        let name = fit(&unit.name, SEE_PLAN);
        let file = fit(shown.map_or("", |s| s.file.as_str()), SEE_JSON);
        let submitted = !u.files.is_empty();
        let valid = u.state == UnitState::Valid;
        s.number(row, 0, (i + 1) as f64, &st.center)?;
        s.text(row, 1, &name, &st.text)?;
        s.text(
            row,
            2,
            if submitted { "Có" } else { "Chưa" },
            if submitted { &st.center } else { &st.neutral },
        )?;
        let state_format = match u.state {
            UnitState::Valid => &st.center,
            UnitState::NotSubmitted => &st.neutral,
            UnitState::Invalid | UnitState::Conflict => &st.bad,
        };
        s.text(row, 3, u.state.label(), state_format)?;
        match shown.and_then(|s| s.date) {
            Some(d) => s.date(row, 4, d, &st.date)?,
            None => s.blank(row, 4, &st.date)?,
        }
        match (u.used.is_some(), u.on_time) {
            (true, true) => s.text(row, 5, "Đúng hạn", &st.center)?,
            (true, false) => s.text(row, 5, "Nộp trễ", &st.neutral)?,
            (false, _) => s.blank(row, 5, &st.center)?,
        }
        s.text(
            row,
            6,
            if valid { "Có" } else { "Không" },
            if valid || !submitted {
                &st.center
            } else {
                &st.bad
            },
        )?;
        s.number(row, 7, u.files.len() as f64, &st.count)?;
        s.number(row, 8, assigned[u.unit] as f64, &st.count)?;
        s.number(row, 9, used.map_or(0, |s| s.tasks.len()) as f64, &st.count)?;
        s.number(row, 10, done as f64, &st.count)?;
        match rate(done, assigned[u.unit]).filter(|_| used.is_some()) {
            Some(x) => s.number(row, 11, x, &st.pct)?,
            None => s.blank(row, 11, &st.pct)?,
        }
        s.text(row, 12, &file, &st.text)?;
        s.fit_row(row, &[(1, &name), (3, u.state.label()), (12, &file)])?;
    }
    let last = HEAD + r.units.len() as u32;
    s.finish(
        r,
        "Tình hình gửi báo cáo của các đơn vị",
        Layout {
            head: (HEAD, HEAD),
            filter_to: Some(last),
            keep: 0,
            repeat: true,
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Chi tieu.

/// The width of an indicator's column, in characters.
const INDICATOR_WIDTH: f64 = 12.0;

fn indicators_sheet(ws: &mut Worksheet, r: &PeriodReport, st: &Styles) -> Result<(), XlsxError> {
    let reg = &r.data.registry;
    let cat = &r.data.catalogue.items;
    let mut widths = vec![
        5.0,
        fit_width(reg.units.iter().map(|u| u.name.as_str()), 20.0, 40.0),
    ];
    widths.extend(std::iter::repeat_n(INDICATOR_WIDTH, cat.len()));
    let mut s = Sheet::new(ws, SHEETS[3], widths)?;
    s.banner(
        0,
        "SỐ LIỆU CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH",
        &st.title,
        14.0,
    )?;
    s.banner(
        1,
        &format!(
            "Kỳ báo cáo: {}. Dòng Tổng cộng: tổng của các báo cáo hợp lệ; tỷ lệ tính trên tổng số",
            r.period.display_name()
        ),
        &st.subtitle,
        SIZE,
    )?;
    // Two header rows: the indicator's name, then its unit of measure.
    let mut names: Vec<&str> = vec!["STT", "Đơn vị"];
    names.extend(cat.iter().map(|c| c.name.as_str()));
    let measure: Vec<String> = cat.iter().map(|c| format!("({})", c.unit)).collect();
    s.header(HEAD, &names, &st.header)?;
    s.ws.merge_range(HEAD, 0, HEAD + 1, 0, "STT", &st.header)?;
    s.ws.merge_range(HEAD, 1, HEAD + 1, 1, "Đơn vị", &st.header)?;
    for (k, m) in measure.iter().enumerate() {
        s.text(HEAD + 1, 2 + k as u16, m, &st.header)?;
    }
    let measure_lines = measure
        .iter()
        .map(|m| wrapped_lines(m, INDICATOR_WIDTH, SIZE, true))
        .max()
        .unwrap_or(1);
    s.ws.set_row_height(HEAD + 1, row_height(measure_lines, SIZE))?;

    // A column shows decimals when its total does (some unit gave a decimal figure).
    let decimal: Vec<bool> = r
        .indicators
        .iter()
        .map(|v| matches!(v, Some(Num::Float(_))))
        .collect();
    let is_ratio = |k: usize| matches!(cat[k].method, Method::Ratio { .. });
    let total_row = HEAD + 2;
    s.blank(total_row, 0, &st.total_text)?;
    s.text(total_row, 1, "Tổng cộng", &st.total_text)?;
    for (k, v) in r.indicators.iter().enumerate() {
        let (f, x) = if is_ratio(k) {
            (&st.total_ratio, v.map(|v| v.as_f64() / 100.0))
        } else if decimal[k] {
            (&st.total_dec, v.map(Num::as_f64))
        } else {
            (&st.total_int, v.map(Num::as_f64))
        };
        match x {
            Some(x) => s.number(total_row, 2 + k as u16, x, f)?,
            None => s.blank(total_row, 2 + k as u16, f)?,
        }
    }
    s.ws.set_row_height(total_row, row_height(1, SIZE))?;

    let mut values: Vec<Option<Num>> = vec![None; cat.len()];
    for (i, u) in r.units.iter().enumerate() {
        let row = total_row + 1 + i as u32;
        let name = fit(&reg.units[u.unit].name, SEE_PLAN);
        s.number(row, 0, (i + 1) as f64, &st.center)?;
        s.text(row, 1, &name, &st.text)?;
        values.iter_mut().for_each(|v| *v = None);
        if let Some(k) = u.used {
            for &(ind, v) in &r.submissions[k].indicators {
                values[ind] = Some(v);
            }
        }
        for k in 0..cat.len() {
            let col = 2 + k as u16;
            let (f, x) = match &cat[k].method {
                Method::Ratio {
                    numerator,
                    denominator,
                } if u.used.is_some() => (
                    &st.ratio,
                    ratio(values[*numerator], values[*denominator]).map(|v| v.as_f64() / 100.0),
                ),
                Method::Ratio { .. } => (&st.ratio, None),
                Method::Sum if decimal[k] => (&st.dec, values[k].map(Num::as_f64)),
                Method::Sum => (&st.int, values[k].map(Num::as_f64)),
            };
            match x {
                Some(x) => s.number(row, col, x, f)?,
                None => s.blank(row, col, f)?,
            }
        }
        s.fit_row(row, &[(1, &name)])?;
    }
    let last = total_row + r.units.len() as u32;
    s.finish(
        r,
        "Số liệu các chỉ tiêu CCHC",
        Layout {
            head: (HEAD, HEAD + 1),
            filter_to: Some(last),
            keep: 2,
            repeat: true,
        },
    )
}

// ---------------------------------------------------------------------------------------------
// Kiem tra.

fn diagnostics_sheet(ws: &mut Worksheet, r: &PeriodReport, st: &Styles) -> Result<(), XlsxError> {
    let files = r.diagnostics.iter().map(|d| d.file.as_str());
    let widths = vec![
        5.0,
        10.0,
        fit_width(files, 16.0, 36.0),
        6.0,
        6.0,
        60.0,
        40.0,
    ];
    let mut s = Sheet::new(ws, SHEETS[4], widths)?;
    s.banner(
        0,
        "KẾT QUẢ KIỂM TRA CÁC TỆP BÁO CÁO CỦA ĐƠN VỊ",
        &st.title,
        14.0,
    )?;
    s.banner(
        1,
        &format!(
            "Kỳ báo cáo: {}. Tệp có lỗi không được dùng để tổng hợp; tệp chỉ có cảnh báo vẫn được dùng",
            r.period.display_name()
        ),
        &st.subtitle,
        SIZE,
    )?;
    s.header(
        HEAD,
        &[
            "STT",
            "Mức độ",
            "Tệp",
            "Dòng",
            "Cột",
            "Nội dung",
            "Gợi ý sửa",
        ],
        &st.header,
    )?;
    for (i, d) in r.diagnostics.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let (label, f) = match d.severity {
            Severity::Error => ("Lỗi", &st.bad),
            Severity::Warning => ("Cảnh báo", &st.neutral),
        };
        let file = fit(&d.file, SEE_JSON);
        let message = fit(&d.message, SEE_JSON);
        let hint = fit(d.hint.as_deref().unwrap_or(""), SEE_JSON);
        s.number(row, 0, (i + 1) as f64, &st.center)?;
        s.text(row, 1, label, f)?;
        s.text(row, 2, &file, &st.text)?;
        for (col, v) in [(3, d.line), (4, d.col)] {
            match v {
                Some(n) => s.number(row, col, n as f64, &st.center)?,
                None => s.blank(row, col, &st.center)?,
            }
        }
        s.text(row, 5, &message, &st.text)?;
        s.text(row, 6, &hint, &st.text)?;
        s.fit_row(row, &[(2, &file), (5, &message), (6, &hint)])?;
    }
    if r.diagnostics.is_empty() {
        let row = HEAD + 1;
        s.ws.merge_range(row, 0, row, 6, "Không có lỗi hoặc cảnh báo nào.", &st.text)?;
    }
    let last = HEAD + r.diagnostics.len() as u32;
    s.finish(
        r,
        "Kết quả kiểm tra các tệp báo cáo",
        Layout {
            head: (HEAD, HEAD),
            filter_to: (!r.diagnostics.is_empty()).then_some(last),
            keep: 0,
            repeat: true,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_whole() {
        assert_eq!(fit("=HYPERLINK(\"x\")", SEE_UNIT), "=HYPERLINK(\"x\")");
        let exact = "a".repeat(CELL_LIMIT);
        assert_eq!(fit(&exact, SEE_UNIT), exact);
    }

    #[test]
    fn long_text_is_cut_with_a_note_of_what_was_left_out() {
        let words = "một hai ba ".repeat(4_000); // 44,000 characters
        let out = fit(&words, SEE_UNIT);
        assert!(out.encode_utf16().count() <= CELL_LIMIT);
        assert!(
            out.ends_with("ký tự, xem báo cáo của đơn vị)"),
            "{}",
            &out[out.len() - 80..]
        );
        let kept = out.split("… (còn ").next().unwrap();
        let note = out.split("… (còn ").nth(1).unwrap();
        let left: usize = note
            .split(' ')
            .next()
            .unwrap()
            .replace('.', "")
            .parse()
            .unwrap();
        // What was kept plus what was left out is the whole (the trimmed space included).
        let whole = words.chars().count();
        assert!(kept.chars().count() + left >= whole - 1 && kept.chars().count() + left <= whole);
        assert!(!kept.ends_with(' '));
    }

    #[test]
    fn pieces_past_the_limit_are_counted_not_kept() {
        let mut c = CellText::new(SEE_UNIT);
        for _ in 0..10_000 {
            c.push("abcdefghij");
        }
        assert!(c.buf.len() <= CELL_LIMIT + 1);
        let out = c.finish();
        assert!(out.encode_utf16().count() <= CELL_LIMIT);
        // 100,000 characters, no space to cut at: the budget is kept, the rest counted.
        assert!(out.ends_with("… (còn 67.353 ký tự, xem báo cáo của đơn vị)"));
    }

    #[test]
    fn astral_characters_count_twice_against_the_limit() {
        let s = "😀".repeat(20_000); // 40,000 UTF-16 units
        let out = fit(&s, SEE_UNIT);
        assert!(out.encode_utf16().count() <= CELL_LIMIT);
    }

    #[test]
    fn wrapped_lines_grow_with_text_and_paragraphs() {
        assert_eq!(wrapped_lines("Hoàn thành", 12.0, SIZE, false), 1);
        assert_eq!(wrapped_lines("a\nb\nc", 12.0, SIZE, false), 3);
        let long = "Rà soát, đơn giản hóa thủ tục hành chính ".repeat(10);
        let narrow = wrapped_lines(&long, 20.0, SIZE, false);
        let wide = wrapped_lines(&long, 60.0, SIZE, false);
        assert!(narrow > wide && wide > 1, "{narrow} {wide}");
        assert!(wrapped_lines(&"x".repeat(500), 10.0, SIZE, false) > 10);
        assert_eq!(row_height(1000, SIZE), MAX_ROW_HEIGHT);
    }
}
