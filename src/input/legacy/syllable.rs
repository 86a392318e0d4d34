//! Whether a word is a Vietnamese syllable: an initial consonant, a vowel group, a final
//! consonant, one tone at most. Good enough to tell which legacy encoding a text was typed in.

use unicode_normalization::UnicodeNormalization;

const ONSETS: [&str; 27] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
];
const CODAS: [&str; 8] = ["ng", "nh", "ch", "c", "m", "n", "p", "t"];
const NUCLEI: [&str; 48] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "âu", "ay", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "oo", "ôi", "ơi", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oay", "oeo", "uây", "uôi",
];
const NUCLEI_MORE: [&str; 7] = ["uya", "uyê", "uyu", "ươi", "ươu", "yêu", "oao"];

/// The word without its tone, lowercase; `None` when it carries two tones.
fn without_tone(word: &str) -> Option<String> {
    let mut tones = 0;
    let mut out = String::new();
    for c in word.to_lowercase().nfd() {
        match c {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tones += 1,
            c => out.push(c),
        }
    }
    (tones <= 1).then(|| out.nfc().collect())
}

/// Whether `word` (letters only) is a Vietnamese syllable.
pub fn is_syllable(word: &str) -> bool {
    let Some(w) = without_tone(word) else {
        return false;
    };
    let onset = ONSETS.iter().find(|o| w.starts_with(**o)).map_or("", |o| o);
    let mut rest = &w[onset.len()..];
    // "gi" and "qu" lend their vowel when nothing else follows ("gì" is gi + i).
    if rest.is_empty() && (onset == "gi" || onset == "qu") {
        rest = &w[1..];
    }
    let coda = CODAS.iter().find(|c| rest.ends_with(**c)).map_or("", |c| c);
    let nucleus = &rest[..rest.len() - coda.len()];
    NUCLEI.contains(&nucleus) || NUCLEI_MORE.contains(&nucleus)
}

/// Whether every word of `text` that has a letter beyond ASCII is a Vietnamese syllable.
pub fn all_vietnamese(text: &str) -> bool {
    let mut any = false;
    for word in text.split(|c: char| !c.is_alphabetic()) {
        if word.is_ascii() {
            continue;
        }
        any = true;
        if !is_syllable(word) {
            return false;
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_syllables_and_others() {
        for w in [
            "người",
            "nghiệp",
            "khuyến",
            "quyết",
            "giêng",
            "gì",
            "của",
            "toàn",
            "thuỷ",
            "thủy",
            "Đường",
            "chính",
            "hoạch",
            "xoong",
            "ở",
            "yêu",
            "khuya",
        ] {
            assert!(is_syllable(w), "{w}");
        }
        for w in ["tieộng", "hµnh", "aë", "qþx", "bàá"] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
