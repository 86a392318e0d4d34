//! Every cell format of the workbook, made once: Times New Roman 11, thin borders, the number
//! formats, and the tints of statuses.

use super::{FONT, SIZE};
use crate::model::status::Status;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

pub(super) const GRAY: u32 = 0xD9D9D9;
pub(super) const LIGHT: u32 = 0xF2F2F2;
pub(super) const GOOD: (u32, u32) = (0xC6EFCE, 0x006100);
pub(super) const BAD: (u32, u32) = (0xFFC7CE, 0x9C0006);
pub(super) const NEUTRAL: (u32, u32) = (0xFFEB9C, 0x9C5700);

/// Every cell format of the workbook, made once.
pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) subtitle: Format,
    pub(super) label: Format,
    pub(super) plain_date: Format,
    pub(super) header: Format,
    pub(super) text: Format,
    pub(super) center: Format,
    pub(super) int: Format,
    pub(super) count: Format,
    pub(super) dec: Format,
    /// Completion rates (centred, like the counts beside them).
    pub(super) pct: Format,
    /// Indicator ratios (right-aligned, like the figures beside them).
    pub(super) ratio: Format,
    pub(super) date: Format,
    pub(super) total_text: Format,
    pub(super) total_int: Format,
    pub(super) total_count: Format,
    pub(super) total_dec: Format,
    pub(super) total_pct: Format,
    pub(super) total_ratio: Format,
    pub(super) good: Format,
    pub(super) bad: Format,
    pub(super) neutral: Format,
    pub(super) bad_bold: Format,
}

pub(super) fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(SIZE)
}

impl Styles {
    pub(super) fn new() -> Styles {
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

    pub(super) fn status(&self, s: Status) -> &Format {
        match s {
            Status::Done => &self.good,
            Status::Behind => &self.bad,
            Status::NotReported => &self.neutral,
            Status::InProgress | Status::NotStarted => &self.center,
        }
    }
}
