//! Text typed with a legacy Vietnamese font encoding (TCVN3 "ABC" with the .Vn fonts, VNI
//! Windows) inside a Unicode file: "Phßng Néi vô", "Tieáng Vieät". Such text prints as garbage
//! in the report. It is converted to Unicode when exactly one encoding gives real Vietnamese
//! syllables; otherwise the caller reports it as an error (docs/du-lieu.md).

mod syllable;
mod tables;

use std::collections::HashMap;
use std::sync::OnceLock;

/// A legacy encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Tcvn3,
    Vni,
}

impl Encoding {
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI",
        }
    }
}

/// What the legacy check makes of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Legacy {
    /// Ordinary text.
    Unicode,
    /// Typed in `encoding`; its Unicode form.
    Converted { encoding: Encoding, text: String },
    /// Looks typed in a legacy encoding, but no single conversion gives Vietnamese words.
    Unclear,
}

/// Latin-1 characters that Vietnamese Unicode text does not use but the legacy encodings do
/// (the letters à, á, â … that Vietnamese shares with Latin-1 are left out, and so are the
/// symbols ordinary text puts next to digits).
fn is_mark(c: char) -> bool {
    let vietnamese = "àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ";
    let symbol = matches!(
        c,
        '°' | '±' | '²' | '³' | '¼' | '½' | '¾' | '§' | '×' | '÷' | '\u{A0}'
    );
    ('\u{A1}'..='\u{FF}').contains(&c) && !vietnamese.contains(c) && !symbol
}

/// Characters only Unicode Vietnamese has (ă, đ, ơ, ư and the letters with two marks).
fn is_unicode_vietnamese(c: char) -> bool {
    matches!(c, '\u{102}'..='\u{1B0}' | '\u{1EA0}'..='\u{1EF9}')
}

/// Checks a text, converting it when it is unambiguously in one legacy encoding.
pub fn check(s: &str) -> Legacy {
    if s.is_ascii() || s.chars().any(is_unicode_vietnamese) || !has_mark_in_a_word(s) {
        return Legacy::Unicode;
    }
    let plausible = |enc: Encoding| {
        let text = convert(s, enc)?;
        syllable::all_vietnamese(&text).then_some((enc, text))
    };
    match (plausible(Encoding::Tcvn3), plausible(Encoding::Vni)) {
        (Some((encoding, text)), None) | (None, Some((encoding, text))) => {
            Legacy::Converted { encoding, text }
        }
        // A stray symbol or two ("Rà soát¡", "¡a¡") is a slip of the keyboard, not a legacy
        // encoding: legacy text has marks in nearly every word, many inside them.
        _ if marks_in_words(s) < 3 && marks_inside_words(s) < 2 => Legacy::Unicode,
        _ => Legacy::Unclear,
    }
}

/// A legacy mark inside a word (next to a letter): a lone "§" or "×" between digits is not.
fn has_mark_in_a_word(s: &str) -> bool {
    marks_in_words(s) > 0
}

/// How many legacy marks stand between two letters ("Phßng").
fn marks_inside_words(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    (1..chars.len().saturating_sub(1))
        .filter(|&i| {
            is_mark(chars[i]) && chars[i - 1].is_alphabetic() && chars[i + 1].is_alphabetic()
        })
        .count()
}

/// How many legacy marks stand inside words.
fn marks_in_words(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .filter(|&i| {
            is_mark(chars[i])
                && (i.checked_sub(1).is_some_and(|j| chars[j].is_alphabetic())
                    || chars.get(i + 1).is_some_and(|n| n.is_alphabetic()))
        })
        .count()
}

/// The sequences of an encoding, longest first at each starting character.
fn table(enc: Encoding) -> &'static HashMap<char, Vec<(&'static str, char)>> {
    static T: OnceLock<HashMap<char, Vec<(&'static str, char)>>> = OnceLock::new();
    static V: OnceLock<HashMap<char, Vec<(&'static str, char)>>> = OnceLock::new();
    let build = |pairs: &'static [(&'static str, char)]| {
        let mut m: HashMap<char, Vec<(&'static str, char)>> = HashMap::new();
        for &(seq, u) in pairs {
            let first = seq.chars().next().expect("non-empty sequence");
            m.entry(first).or_default().push((seq, u));
        }
        for v in m.values_mut() {
            v.sort_by_key(|(seq, _)| std::cmp::Reverse(seq.chars().count()));
        }
        m
    };
    match enc {
        Encoding::Tcvn3 => T.get_or_init(|| build(&tables::TCVN3)),
        Encoding::Vni => V.get_or_init(|| build(&tables::VNI)),
    }
}

/// The text converted from `enc`; `None` when a mark is left that the encoding does not have.
pub fn convert(s: &str, enc: Encoding) -> Option<String> {
    let t = table(enc);
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    'outer: while let Some(c) = rest.chars().next() {
        if let Some(cands) = t.get(&c) {
            for (seq, u) in cands {
                if rest.starts_with(seq) {
                    out.push(*u);
                    rest = &rest[seq.len()..];
                    continue 'outer;
                }
            }
        }
        if is_mark(c) {
            return None;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converted(s: &str) -> (Encoding, String) {
        match check(s) {
            Legacy::Converted { encoding, text } => (encoding, text),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn tcvn3_and_vni_text_is_converted() {
        assert_eq!(
            converted("Phßng Néi vô"),
            (Encoding::Tcvn3, "Phòng Nội vụ".into())
        );
        assert_eq!(
            converted("TiÕng ViÖt cã 29 ch÷ c¸i"),
            (Encoding::Tcvn3, "Tiếng Việt có 29 chữ cái".into())
        );
        assert_eq!(
            converted("§· ban hµnh 02 kÕ ho¹ch vÒ c¶i c¸ch hµnh chÝnh"),
            (
                Encoding::Tcvn3,
                "Đã ban hành 02 kế hoạch về cải cách hành chính".into()
            )
        );
        assert_eq!(
            converted("Tieáng Vieät coù 29 chöõ caùi"),
            (Encoding::Vni, "Tiếng Việt có 29 chữ cái".into())
        );
        assert_eq!(
            converted("Xin chaøo caùc baïn, ñaõ hoaøn thaønh"),
            (Encoding::Vni, "Xin chào các bạn, đã hoàn thành".into())
        );
    }

    #[test]
    fn unicode_text_and_symbols_are_left_alone() {
        for s in [
            "Phòng Nội vụ đã ban hành 02 kế hoạch",
            "Nhiệt độ 30°C, tỷ lệ 3×4",
            "plain ascii",
            "Điều 5 § 2",
            "Công văn số 12/UBND – «Một cửa»",
            "Rà soát¡",
            "¡a¡",
        ] {
            assert_eq!(check(s), Legacy::Unicode, "{s}");
        }
    }

    #[test]
    fn text_no_encoding_explains_is_unclear() {
        // Marks inside words, but neither encoding gives Vietnamese syllables.
        assert_eq!(check("Qþx ¬¬¬z ®®®w"), Legacy::Unclear);
    }
}
