//! Every cell format of the workbook, made once: Times New Roman 11, thin borders, the number
//! formats, and the tints of statuses.

use super::{FONT, SIZE};
use crate::model::status::Status;
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

pub(in crate::render) const GRAY: u32 = 0xD9D9D9;
pub(in crate::render) const LIGHT: u32 = 0xF2F2F2;
pub(in crate::render) const GOOD: (u32, u32) = (0xC6EFCE, 0x006100);
pub(in crate::render) const BAD: (u32, u32) = (0xFFC7CE, 0x9C0006);
pub(in crate::render) const NEUTRAL: (u32, u32) = (0xFFEB9C, 0x9C5700);

/// Every cell format of the workbook, made once.
pub(in crate::render) struct Styles {
    pub(in crate::render) title: Format,
    pub(in crate::render) subtitle: Format,
    pub(in crate::render) label: Format,
    pub(in crate::render) plain_date: Format,
    pub(in crate::render) header: Format,
    pub(in crate::render) text: Format,
    pub(in crate::render) center: Format,
    pub(in crate::render) int: Format,
    pub(in crate::render) count: Format,
    pub(in crate::render) dec: Format,
    /// Completion rates (centred, like the counts beside them).
    pub(in crate::render) pct: Format,
    /// Indicator ratios (right-aligned, like the figures beside them).
    pub(in crate::render) ratio: Format,
    pub(in crate::render) date: Format,
    pub(in crate::render) total_text: Format,
    pub(in crate::render) total_int: Format,
    pub(in crate::render) total_count: Format,
    pub(in crate::render) total_dec: Format,
    pub(in crate::render) total_pct: Format,
    pub(in crate::render) total_ratio: Format,
    pub(in crate::render) good: Format,
    pub(in crate::render) bad: Format,
    pub(in crate::render) neutral: Format,
    pub(in crate::render) bad_bold: Format,
}

pub(in crate::render) fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(SIZE)
}

/// A sheet's title: bold 14, centred.
pub(in crate::render) fn title() -> Format {
    base()
        .set_bold()
        .set_font_size(14)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
}

/// The line under a sheet's title: italic, centred.
pub(in crate::render) fn subtitle() -> Format {
    base()
        .set_italic()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
}

impl Styles {
    pub(in crate::render) fn new() -> Styles {
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
            title: title(),
            subtitle: subtitle(),
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

    pub(in crate::render) fn status(&self, s: Status) -> &Format {
        match s {
            Status::Done => &self.good,
            Status::Behind => &self.bad,
            Status::NotReported => &self.neutral,
            Status::InProgress | Status::NotStarted => &self.center,
        }
    }
}
