//! The cell formats of the workbook form, made once: what the form shows is shaded and locked,
//! what the unit fills in is white, framed and unlocked; the previous report is shaded darker
//! and in grey italics so that it never passes for an answer.

use crate::render::xlsx::styles::{GRAY, LIGHT, base, subtitle, title};
use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// The shade of the previous report's column, and its text colour.
const REFERENCE_FILL: u32 = 0xE7E6E6;
const REFERENCE_FONT: u32 = 0x595959;
/// Excel's built-in number formats "@" (text: what is typed is kept as typed) and "0".
const TEXT_FORMAT: u8 = 49;
const WHOLE_FORMAT: u8 = 1;
/// The shade of the header cells of the columns the unit fills in.
const ANSWER_HEAD: u32 = 0xDDEBF7;

/// Every cell format of the form.
pub(super) struct Styles {
    pub(super) title: Format,
    pub(super) subtitle: Format,
    /// A line of the header block: left-aligned, wrapped.
    pub(super) line: Format,
    pub(super) line_bold: Format,
    /// A header field's label, right-aligned beside its answer.
    pub(super) label: Format,
    /// A table header the form fills.
    pub(super) head: Format,
    /// A table header the unit fills.
    pub(super) head_answer: Format,
    /// Shown and locked: wrapped text, and centred short values.
    pub(super) shown: Format,
    pub(super) shown_center: Format,
    /// The previous report: shown, locked, greyed.
    pub(super) reference: Format,
    /// Answers: wrapped text; text kept as typed ("@": dates, ids, numbers of documents);
    /// a centred choice; a number; a whole number.
    pub(super) answer: Format,
    pub(super) answer_typed: Format,
    pub(super) answer_center: Format,
    pub(super) answer_number: Format,
    pub(super) answer_whole: Format,
    /// A header field's answer: kept as typed, on one line.
    pub(super) answer_field: Format,
    /// The guide: a heading, a step's text.
    pub(super) heading: Format,
    /// A step's number, or a status beside its meaning.
    pub(super) step_number: Format,
    pub(super) step: Format,
}

impl Styles {
    pub(super) fn new() -> Styles {
        let framed = || {
            base()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top)
                .set_text_wrap()
        };
        let shown = framed().set_background_color(Color::RGB(LIGHT));
        let answer = framed().set_unlocked();
        let head = framed()
            .set_bold()
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(GRAY));
        let center = |f: Format| f.set_align(FormatAlign::Center);
        Styles {
            title: title(),
            subtitle: subtitle(),
            line: base()
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            line_bold: base()
                .set_bold()
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            label: base()
                .set_bold()
                .set_align(FormatAlign::Right)
                .set_align(FormatAlign::VerticalCenter),
            head_answer: head.clone().set_background_color(Color::RGB(ANSWER_HEAD)),
            head,
            shown_center: center(shown.clone()),
            reference: framed()
                .set_italic()
                .set_font_color(Color::RGB(REFERENCE_FONT))
                .set_background_color(Color::RGB(REFERENCE_FILL)),
            shown,
            answer_typed: answer.clone().set_num_format_index(TEXT_FORMAT),
            answer_center: center(answer.clone()),
            answer_number: center(answer.clone()),
            answer_whole: answer.clone().set_num_format_index(WHOLE_FORMAT),
            answer_field: answer
                .clone()
                .set_num_format_index(TEXT_FORMAT)
                .set_align(FormatAlign::VerticalCenter),
            answer,
            heading: base().set_bold().set_font_size(12),
            step_number: base()
                .set_bold()
                .set_align(FormatAlign::Right)
                .set_align(FormatAlign::Top),
            step: base().set_align(FormatAlign::Top).set_text_wrap(),
        }
    }
}
