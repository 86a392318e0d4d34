//! Advance widths of Times New Roman (the Times AFM metrics, in thousandths of an em; Liberation
//! Serif, which LibreOffice uses in its place, has the same widths), to measure text where the
//! layout depends on it: the rules under the letterhead and title, hanging indents, and the
//! heights of wrapped rows in the workbook. Diacritics do not change the width of their base
//! letter.

/// A character's advance width, in thousandths of an em.
pub fn advance(c: char, bold: bool) -> u32 {
    const UPPER_R: [u32; 26] = [
        722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667,
        556, 611, 722, 722, 944, 722, 722, 611,
    ];
    const UPPER_B: [u32; 26] = [
        722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
        556, 667, 722, 722, 1000, 722, 722, 667,
    ];
    const LOWER_R: [u32; 26] = [
        444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333,
        389, 278, 500, 500, 722, 500, 500, 444,
    ];
    const LOWER_B: [u32; 26] = [
        500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444,
        389, 333, 556, 500, 722, 500, 500, 444,
    ];
    let (regular, bold_w) = match base(c) {
        b @ 'A'..='Z' => (
            UPPER_R[b as usize - 'A' as usize],
            UPPER_B[b as usize - 'A' as usize],
        ),
        b @ 'a'..='z' => (
            LOWER_R[b as usize - 'a' as usize],
            LOWER_B[b as usize - 'a' as usize],
        ),
        ' ' | '.' | ',' => (250, 250),
        ':' | ';' => (278, 333),
        '/' | '\\' => (278, 278),
        '!' => (333, 333),
        '-' | '(' | ')' | '[' | ']' | '`' | '\'' | '‘' | '’' => (333, 333),
        '"' | '“' | '”' => (444, 500),
        '?' => (444, 500),
        '|' => (200, 220),
        '%' => (833, 1000),
        '@' => (921, 930),
        '&' => (778, 833),
        '+' | '=' | '<' | '>' => (564, 570),
        '•' => (350, 350),
        '…' | '—' => (1000, 1000),
        // Digits, "–", "*", "#", "$", "_" and anything not listed.
        _ => (500, 500),
    };
    if bold { bold_w } else { regular }
}

/// The width of a line of text, in ems.
pub fn em(text: &str, bold: bool) -> f64 {
    text.chars().map(|c| advance(c, bold)).sum::<u32>() as f64 / 1000.0
}

/// The letter a Vietnamese letter is built on: "ế" → 'e', "Ư" → 'U', "đ" → 'd'.
fn base(c: char) -> char {
    match c {
        'Đ' => 'D',
        'đ' => 'd',
        c if c.is_ascii() => c,
        c => {
            let mut first = None;
            unicode_normalization::char::decompose_canonical(c, |d| {
                first.get_or_insert(d);
            });
            first.unwrap_or(c)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_with_diacritics_take_their_base_width() {
        assert_eq!(advance('ế', false), advance('e', false));
        assert_eq!(advance('Ự', true), advance('U', true));
        assert_eq!(advance('đ', false), 500);
        assert_eq!(advance('Đ', true), 722);
    }

    #[test]
    fn widths_are_the_times_metrics() {
        // Times-Roman and Times-Bold AFM values.
        assert_eq!(advance('m', false), 778);
        assert_eq!(advance('m', true), 833);
        assert_eq!(advance('W', true), 1000);
        assert_eq!(advance('-', false), 333);
        assert_eq!(advance('%', false), 833);
        // "Độc lập - Tự do - Hạnh phúc" in bold, summed by hand from Times-Bold: 12.197 em,
        // 3,415 twips at 14 pt (docs/the-thuc.md; LibreOffice measured 3,400-3,450).
        assert_eq!(
            (em("Độc lập - Tự do - Hạnh phúc", true) * 1000.0).round(),
            12197.0
        );
    }
}
