//! Unicode text helpers every stage uses: NFC normalisation, case folding for comparing
//! labels, the skeleton used to suggest what a user meant, and the characters XML forbids.

use unicode_normalization::{UnicodeNormalization, char::is_combining_mark, is_nfc_quick};

/// NFC-normalises a string, without copying when it already is NFC.
pub fn nfc(s: String) -> String {
    if s.chars().all(surely_nfc)
        || is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes
    {
        s
    } else {
        s.nfc().collect()
    }
}

/// Characters that are NFC whatever surrounds them: no combining mark, no canonical
/// decomposition that NFC undoes. Covers Vietnamese text (precomposed letters, Latin-1, the
/// Latin Extended Additional block, punctuation, ₫) so that the full check, which looks every
/// character up, runs only on unusual text.
fn surely_nfc(c: char) -> bool {
    matches!(c as u32, 0..=0x2FF | 0x1E00..=0x1EFF | 0x2010..=0x206F | 0x20A0..=0x20CF)
}

/// NFC-normalises a borrowed string.
pub fn nfc_str(s: &str) -> String {
    nfc(s.to_string())
}

/// Characters that XML 1.0 forbids: C0 controls except tab, line feed and carriage return,
/// and the non-characters U+FFFE and U+FFFF.
pub fn is_xml_forbidden(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{B}' | '\u{C}' | '\u{E}'..='\u{1F}' | '\u{FFFE}' | '\u{FFFF}')
}

/// Lowercase form used to compare labels ("Hoàn thành" = "HOÀN THÀNH"), after NFC.
pub fn fold(s: &str) -> String {
    nfc_str(s.trim()).to_lowercase()
}

/// Lowercase ASCII skeleton without diacritics ("Đang thực hiện" → "ddang thuc hien"),
/// used only to suggest what a user may have meant.
pub fn skeleton(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd().filter(|c| !is_combining_mark(*c)) {
        match c {
            // As typed in Telex, so that "1.dd" finds "1.đ" rather than "1.d".
            'đ' | 'Đ' => out.push_str("dd"),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Roman numerals for section numbers and quarters: 1 → "I", 4 → "IV", 14 → "XIV".
pub fn roman(n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (v, s) in TABLE {
        // Word's lists number in the thousands at most; the bound keeps a hostile start small.
        while n >= v && out.len() < 32 {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_labels_and_skeletons() {
        let nfd: String = "HOÀN THÀNH".nfd().collect();
        assert_eq!(fold(&nfd), "hoàn thành");
        assert_eq!(skeleton("Đang thực hiện"), "ddang thuc hien");
    }
}
