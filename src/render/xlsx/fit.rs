//! Text in cells: Excel's 32,767-character limit (longer text is cut with a note saying where
//! the whole is), and how much room a text takes, to size columns and rows (neither Excel nor
//! LibreOffice grows a row on load).

use super::{CELL_LIMIT, MAX_ROW_HEIGHT, NOTE_ROOM, SIZE};
use crate::render::format;

/// A cell's text, built piece by piece and cut at Excel's limit: once the limit is passed,
/// pieces are only counted, so a cell never holds more than the limit whatever the input.
pub(in crate::render) struct CellText {
    pub(in crate::render) buf: String,
    /// `buf`'s length in UTF-16 code units.
    len16: usize,
    /// Characters dropped after `buf` was full.
    dropped: usize,
    /// Where the reader finds the whole text ("xem báo cáo của đơn vị").
    see: &'static str,
}

impl CellText {
    pub(in crate::render) fn new(see: &'static str) -> CellText {
        CellText {
            buf: String::new(),
            len16: 0,
            dropped: 0,
            see,
        }
    }

    pub(in crate::render) fn push(&mut self, s: &str) {
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
    pub(in crate::render) fn finish(self) -> String {
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
pub(in crate::render) fn fit(s: &str, see: &'static str) -> String {
    let mut c = CellText::new(see);
    c.push(s);
    c.finish()
}

pub(in crate::render) const SEE_UNIT: &str = "xem báo cáo của đơn vị";
pub(in crate::render) const SEE_PLAN: &str = "xem kế hoạch";
pub(in crate::render) const SEE_JSON: &str = "xem tệp tong-hop JSON";

/// The width of a text on one line, in ems.
pub(in crate::render) fn text_em(s: &str, bold: bool) -> f64 {
    crate::render::metrics::em(s, bold)
}

/// How many ems of text fit on one line of a column `width` characters wide, at `size` pt:
/// Excel's column is 7 pixels per character plus 5, less the cell's inner margins, and a
/// little kept back for the difference between Excel and LibreOffice.
pub(in crate::render) fn column_em(width: f64, size: f64) -> f64 {
    let px = (width * 7.0 + 5.0 - 8.0).max(7.0);
    px / (size * 96.0 / 72.0) * 0.97
}

/// Lines a wrapped text takes in a column `width` characters wide.
pub(in crate::render) fn wrapped_lines(text: &str, width: f64, size: f64, bold: bool) -> usize {
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
pub(in crate::render) const LINE: f64 = 1.17;

/// The height of a row whose tallest cell has `lines` lines at `size` pt.
pub(in crate::render) fn row_height(lines: usize, size: f64) -> f64 {
    let h = lines.max(1) as f64 * size * LINE + 4.0;
    h.clamp(15.0, MAX_ROW_HEIGHT)
}

/// The column width (in characters) that shows the longest of `texts` on one line, between
/// `min` and `max` (longer texts wrap).
pub(in crate::render) fn fit_width<'a>(
    texts: impl Iterator<Item = &'a str>,
    min: f64,
    max: f64,
) -> f64 {
    let em_px = SIZE * 96.0 / 72.0;
    let widest = texts
        .flat_map(|t| t.split('\n'))
        .map(|t| text_em(t, false))
        .fold(0.0, f64::max);
    let chars = (widest * em_px + 8.0) / 7.0 / 0.97 + 1.0;
    chars.clamp(min, max).ceil()
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
