//! A worksheet being written: column widths, banners and header rows sized to their text,
//! rows fitted to their wrapped text, and the freeze, filter, print and page set-up every sheet
//! shares.

use super::fit::{SEE_PLAN, fit, row_height, wrapped_lines};
use super::{FIT_COLUMNS, SIZE, excel_date};
use crate::model::period::Period;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// A worksheet being written, with its column widths (to size rows to their wrapped text).
pub(in crate::render) struct Sheet<'w> {
    pub(in crate::render) ws: &'w mut Worksheet,
    widths: Vec<f64>,
    /// Heights set so far, by row (others are 15 pt).
    heights: std::collections::BTreeMap<u32, f64>,
    /// Columns a title row spans: the whole table, or what fits on the first page of a very
    /// wide one.
    pub(in crate::render) banner_cols: u16,
}

impl<'w> Sheet<'w> {
    pub(in crate::render) fn new(
        ws: &'w mut Worksheet,
        name: &str,
        widths: Vec<f64>,
    ) -> Result<Sheet<'w>, XlsxError> {
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

    pub(in crate::render) fn set_height(&mut self, row: u32, height: f64) -> Result<(), XlsxError> {
        self.ws.set_row_height(row, height)?;
        self.heights.insert(row, height);
        Ok(())
    }

    /// The height of rows `0..row`, in points.
    pub(in crate::render) fn height_above(&self, row: u32) -> f64 {
        let set: f64 = self.heights.range(..row).map(|(_, h)| h).sum();
        set + 15.0 * (row as usize - self.heights.range(..row).count()) as f64
    }

    /// The table's width in pixels.
    pub(in crate::render) fn width_px(&self) -> f64 {
        self.widths.iter().map(|w| w * 7.0 + 5.0).sum()
    }

    pub(in crate::render) fn ncols(&self) -> u16 {
        self.widths.len() as u16
    }

    /// A title row merged across the table, and its height.
    pub(in crate::render) fn banner(
        &mut self,
        row: u32,
        text: &str,
        f: &Format,
        size: f64,
    ) -> Result<(), XlsxError> {
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
    pub(in crate::render) fn header(
        &mut self,
        row: u32,
        names: &[&str],
        f: &Format,
    ) -> Result<(), XlsxError> {
        let mut lines = 1;
        for (c, name) in names.iter().enumerate() {
            self.ws.write_string_with_format(row, c as u16, *name, f)?;
            lines = lines.max(wrapped_lines(name, self.widths[c], SIZE, true));
        }
        self.set_height(row, row_height(lines, SIZE))
    }

    /// A row of wrapped cells: sets its height from the texts written in it.
    pub(in crate::render) fn fit_row(
        &mut self,
        row: u32,
        texts: &[(u16, &str)],
    ) -> Result<(), XlsxError> {
        let lines = texts
            .iter()
            .map(|(c, t)| wrapped_lines(t, self.widths[*c as usize], SIZE, false))
            .max()
            .unwrap_or(1);
        self.set_height(row, row_height(lines, SIZE))
    }

    pub(in crate::render) fn text(
        &mut self,
        row: u32,
        col: u16,
        s: &str,
        f: &Format,
    ) -> Result<(), XlsxError> {
        self.ws.write_string_with_format(row, col, s, f)?;
        Ok(())
    }

    pub(in crate::render) fn number(
        &mut self,
        row: u32,
        col: u16,
        x: f64,
        f: &Format,
    ) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(row, col, x, f)?;
        Ok(())
    }

    pub(in crate::render) fn date(
        &mut self,
        row: u32,
        col: u16,
        d: NaiveDate,
        f: &Format,
    ) -> Result<(), XlsxError> {
        self.ws
            .write_date_with_format(row, col, excel_date(d)?, f)?;
        Ok(())
    }

    pub(in crate::render) fn blank(
        &mut self,
        row: u32,
        col: u16,
        f: &Format,
    ) -> Result<(), XlsxError> {
        self.ws.write_blank(row, col, f)?;
        Ok(())
    }

    /// Header rows frozen (and repeated on every printed page when `repeat`), an autofilter
    /// over the table down to `filter_to`, A4 landscape one page wide (or, for very wide
    /// sheets, the first `keep` columns repeated on every page), and a header and footer with
    /// the title and page numbers.
    pub(in crate::render) fn finish(
        &mut self,
        period: Period,
        title: &str,
        layout: Layout,
    ) -> Result<(), XlsxError> {
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
        let right = esc(&period.display_name(), 60);
        let font = "&\"Times New Roman,Regular\"&9";
        self.ws
            .set_header(format!("&L{font}{left}&R{font}Kỳ báo cáo: {right}"));
        self.ws.set_footer(format!("&C{font}Trang &P/&N"));
        Ok(())
    }
}

/// Where a sheet's table is, for freezing, filtering and printing.
pub(in crate::render) struct Layout {
    /// First and last header row.
    pub(in crate::render) head: (u32, u32),
    /// The last row the autofilter covers, if the table has rows.
    pub(in crate::render) filter_to: Option<u32>,
    /// Columns frozen (and, on very wide sheets, repeated on every page).
    pub(in crate::render) keep: u16,
    /// Repeat the header rows on every printed page.
    pub(in crate::render) repeat: bool,
}

/// The header row of the data sheets (a title and a subtitle above it).
pub(in crate::render) const HEAD: u32 = 2;

/// Left and right print margins, in inches.
pub(in crate::render) const MARGIN_SIDE: f64 = 0.4;
/// The printable width of an A4 landscape page, in Excel pixels (96 per inch).
pub(in crate::render) const PRINT_WIDTH_PX: f64 = (11.69 - 2.0 * MARGIN_SIDE) * 96.0;
/// The printable height of an A4 landscape page, in points.
pub(in crate::render) const PRINT_HEIGHT_PT: f64 = (8.27 - 1.2) * 72.0;

/// The fraction `part / whole`, or none when `whole` is 0.
pub(in crate::render) fn rate(part: usize, whole: usize) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}
