//! Characters a reader cannot see: invisible and direction-changing characters, which are
//! removed from text (an official document must not carry a visual spoof), and characters
//! that look like others, which make an id wrong. Each is named in Vietnamese for messages.

/// Invisible and direction-changing characters (docs/du-lieu.md): removed from text with a
/// warning, errors in ids.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{FEFF}'
    )
}

/// What an invisible character is, in a clerk's words.
fn invisible_name(c: char) -> &'static str {
    match c {
        '\u{200B}' => "khoảng trắng không nhìn thấy",
        '\u{200C}' | '\u{200D}' | '\u{2060}' => "ký tự nối không nhìn thấy",
        '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => {
            "ký tự đổi chiều viết chữ"
        }
        '\u{2028}' => "ký tự xuống dòng đặc biệt",
        '\u{2029}' => "ký tự ngắt đoạn đặc biệt",
        '\u{FEFF}' => "dấu BOM không nhìn thấy",
        _ => "ký tự không nhìn thấy",
    }
}

/// The ASCII character a look-alike stands for, and what it is: Cyrillic and Greek letters,
/// full-width forms, dashes and dots that are not '-' and '.'.
fn lookalike(c: char) -> Option<(char, &'static str)> {
    const CYRILLIC: &[(char, char)] = &[
        ('а', 'a'),
        ('в', 'b'),
        ('е', 'e'),
        ('к', 'k'),
        ('м', 'm'),
        ('н', 'h'),
        ('о', 'o'),
        ('р', 'p'),
        ('с', 'c'),
        ('т', 't'),
        ('у', 'y'),
        ('х', 'x'),
        ('і', 'i'),
        ('ј', 'j'),
        ('ѕ', 's'),
        ('һ', 'h'),
        ('ԁ', 'd'),
        ('ԛ', 'q'),
        ('ԝ', 'w'),
        ('ӏ', 'l'),
    ];
    const GREEK: &[(char, char)] = &[
        ('α', 'a'),
        ('ε', 'e'),
        ('ι', 'i'),
        ('κ', 'k'),
        ('ν', 'v'),
        ('ο', 'o'),
        ('ρ', 'p'),
        ('τ', 't'),
        ('υ', 'u'),
        ('χ', 'x'),
        ('γ', 'y'),
    ];
    let lower: char = c.to_lowercase().next().unwrap_or(c);
    if let Some(&(_, a)) = CYRILLIC.iter().find(|(x, _)| *x == lower) {
        return Some((a, "chữ Kirin"));
    }
    if let Some(&(_, a)) = GREEK.iter().find(|(x, _)| *x == lower) {
        return Some((a, "chữ Hy Lạp"));
    }
    match c {
        '\u{FF01}'..='\u{FF5E}' => {
            char::from_u32(c as u32 - 0xFEE0).map(|a| (a.to_ascii_lowercase(), "ký tự khổ rộng"))
        }
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => Some(('-', "dấu gạch")),
        '\u{2024}' | '\u{3002}' | '\u{FE52}' => Some(('.', "dấu chấm")),
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
            Some((' ', "khoảng trắng đặc biệt"))
        }
        '\u{0131}' => Some(('i', "chữ i không dấu chấm")),
        '\u{00AD}' => Some(('-', "dấu gạch nối ẩn")),
        _ => None,
    }
}

/// "U+200B (khoảng trắng không nhìn thấy)", "U+0430 (chữ Kirin 'а', trông giống chữ 'a')".
pub fn describe(c: char) -> String {
    let what = if is_invisible(c) {
        invisible_name(c).to_string()
    } else if let Some((a, kind)) = lookalike(c) {
        format!("{kind} '{c}', trông giống '{a}'")
    } else {
        format!("'{c}'")
    };
    format!("U+{:04X} ({what})", c as u32)
}

/// A text without its invisible characters: the cleaned text, the first one removed and how
/// many; `None` when there is none.
pub fn remove_invisible(s: &str) -> Option<(String, char, usize)> {
    let first = s.chars().find(|&c| is_invisible(c))?;
    let count = s.chars().filter(|&c| is_invisible(c)).count();
    Some((
        s.chars().filter(|&c| !is_invisible(c)).collect(),
        first,
        count,
    ))
}

/// The first character of an id that is invisible or looks like another, and the id as it
/// was surely meant (look-alikes replaced, invisible characters dropped).
pub fn suspicious_in_id(id: &str) -> Option<(char, String)> {
    let bad = id
        .chars()
        .find(|&c| is_invisible(c) || lookalike(c).is_some())?;
    let meant = id
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| lookalike(c).map_or(c, |(a, _)| a))
        .filter(|&c| c != ' ')
        .collect();
    Some((bad, meant))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_named_in_vietnamese() {
        assert_eq!(
            describe('\u{200B}'),
            "U+200B (khoảng trắng không nhìn thấy)"
        );
        assert_eq!(describe('\u{202E}'), "U+202E (ký tự đổi chiều viết chữ)");
        assert_eq!(describe('а'), "U+0430 (chữ Kirin 'а', trông giống 'a')");
        assert_eq!(describe('–'), "U+2013 (dấu gạch '–', trông giống '-')");
    }

    #[test]
    fn invisible_characters_leave_text_and_spoil_ids() {
        let (clean, first, n) = remove_invisible("Đã\u{200B} ban hành\u{2028}").unwrap();
        assert_eq!((clean.as_str(), first, n), ("Đã ban hành", '\u{200B}', 2));
        assert_eq!(remove_invisible("Đã ban hành"), None);
        assert_eq!(
            suspicious_in_id("phong-tu-ph\u{0430}p"),
            Some(('\u{0430}', "phong-tu-phap".to_string()))
        );
        assert_eq!(
            suspicious_in_id("phong\u{2013}tu-phap\u{200B}"),
            Some(('\u{2013}', "phong-tu-phap".to_string()))
        );
        assert_eq!(suspicious_in_id("1.đ"), None);
        assert_eq!(suspicious_in_id("phong-tu-phap"), None);
    }
}
