//! Vietnamese formatting of numbers, dates, counts and enumerations, as the state format and
//! administrative custom want them. Pure functions; the Tera filters wrap them.

use chrono::{Datelike, NaiveDate};

/// "ngày 05 tháng 01 năm 2024", "ngày 15 tháng 3 năm 2024": ND30 writes a leading zero on
/// days below 10 and on months 1 and 2 only.
pub fn full_date(d: NaiveDate) -> String {
    format!(
        "ngày {:02} tháng {} năm {}",
        d.day(),
        month(d.month()),
        d.year()
    )
}

/// The month as ND30 writes it in a full date: "01", "02", then "3" … "12".
pub fn month(m: u32) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

/// yyyy-mm-dd, for JSON and the templates' data (the `ngay` filters format it).
pub fn iso_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// dd/mm/yyyy, for running text and tables.
pub fn short_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A number with a thousands dot and a decimal comma: 1234 → "1.234", 95.83 → "95,83".
/// `decimals` fixes the digits after the comma (rounded); `None` prints what the number has,
/// without trailing zeros.
pub fn number(x: f64, decimals: Option<usize>) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = match decimals {
        // Half away from zero, as people round (Rust's formatting rounds half to even).
        Some(d) => {
            let f = 10f64.powi(d as i32);
            format!("{:.*}", d, (x * f).round() / f)
        }
        None => {
            let s = format!("{:.6}", x);
            let s = s.trim_end_matches('0').trim_end_matches('.');
            s.to_string()
        }
    };
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest.to_string()),
        None => (false, s),
    };
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s, None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    let mut out = String::new();
    if neg && (grouped != "0" || frac.as_deref().is_some_and(|f| f.chars().any(|c| c != '0'))) {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac {
        out.push(',');
        out.push_str(&f);
    }
    out
}

/// A percentage with a decimal comma and no space: 44.444 → "44,4%".
pub fn percent(x: f64, decimals: usize) -> String {
    format!("{}%", number(x, Some(decimals)))
}

/// Counts in running text take two digits below ten: 2 → "02", 12 → "12", 0 → "0"... ND30's
/// habit for counts of documents ("ban hành 02 kế hoạch"); zero stays "0".
pub fn two_digits(n: i64) -> String {
    if (1..10).contains(&n) {
        format!("{n:02}")
    } else {
        number(n as f64, Some(0))
    }
}

/// A figure in running text: a whole number as a count ([`two_digits`]: "06 văn bản"), any
/// other as [`number`] prints it ("12,5").
pub fn count(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        two_digits(x as i64)
    } else {
        number(x, None)
    }
}

/// Roman numerals for section numbers and quarters: 1 → "I", 4 → "IV", 14 → "XIV".
pub use crate::text::roman;

/// The Vietnamese letters used to enumerate points: a, b, c, d, đ, e, g, h, i, k, l, m, n, o,
/// p, q, r, s, t, u, v, x, y.
pub const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The n-th letter (1-based); past "y" the sequence continues "aa", "bb", … as some documents
/// do.
pub fn letter(n: usize) -> String {
    if n == 0 {
        return String::new();
    }
    let i = (n - 1) % LETTERS.len();
    LETTERS[i].repeat((n - 1) / LETTERS.len() + 1)
}

/// Capitals for headings and names: "Công tác chỉ đạo" → "CÔNG TÁC CHỈ ĐẠO".
pub fn upper(s: &str) -> String {
    s.to_uppercase()
}

/// The first letter in lower case, unless the word is an acronym ("UBND"):
/// "Tự kiểm tra" → "tự kiểm tra".
pub fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a.is_uppercase() && !b.is_uppercase() => {
            let mut out: String = a.to_lowercase().collect();
            out.push_str(&s[a.len_utf8()..]);
            out
        }
        _ => s.to_string(),
    }
}

/// The first letter in upper case: "hoàn thành" → "Hoàn thành".
pub fn upper_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(a) => a.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// "A", "A và B", "A, B và C".
pub fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

/// The first `words` words of a text, with "…" when something was cut.
pub fn shorten(s: &str, words: usize) -> String {
    let all: Vec<&str> = s.split_whitespace().collect();
    if all.len() <= words {
        return all.join(" ");
    }
    let cut = all[..words].join(" ");
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

/// A sentence without its final full stop, so that a template can end it once:
/// "Đã ban hành." → "Đã ban hành".
pub fn end_sentence(s: &str) -> String {
    s.trim().trim_end_matches(['.', ';']).trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn full_dates_follow_the_leading_zero_rule() {
        assert_eq!(full_date(d(2024, 1, 5)), "ngày 05 tháng 01 năm 2024");
        assert_eq!(full_date(d(2024, 2, 29)), "ngày 29 tháng 02 năm 2024");
        assert_eq!(full_date(d(2024, 3, 15)), "ngày 15 tháng 3 năm 2024");
        assert_eq!(full_date(d(2019, 6, 29)), "ngày 29 tháng 6 năm 2019");
        assert_eq!(full_date(d(2024, 12, 9)), "ngày 09 tháng 12 năm 2024");
        assert_eq!(month(1), "01");
        assert_eq!(month(10), "10");
    }

    #[test]
    fn short_dates() {
        assert_eq!(short_date(d(2024, 3, 5)), "05/03/2024");
        assert_eq!(short_date(d(2024, 12, 31)), "31/12/2024");
    }

    #[test]
    fn numbers_with_thousands_dot_and_decimal_comma() {
        let cases: &[(f64, Option<usize>, &str)] = &[
            (0.0, None, "0"),
            (7.0, None, "7"),
            (999.0, None, "999"),
            (1234.0, None, "1.234"),
            (1234567.0, None, "1.234.567"),
            (95.83, None, "95,83"),
            (1234.5, Some(1), "1.234,5"),
            (44.444, Some(1), "44,4"),
            (44.45, Some(0), "44"),
            (1234.5, Some(0), "1.235"),
            (0.125, Some(2), "0,13"),
            (-1234.0, None, "-1.234"),
            (-0.001, Some(1), "0,0"),
            (100.0, Some(1), "100,0"),
            (1_000_000.25, Some(2), "1.000.000,25"),
        ];
        for (x, dec, want) in cases {
            assert_eq!(number(*x, *dec), *want, "{x} {dec:?}");
        }
        assert_eq!(number(f64::NAN, None), "");
    }

    #[test]
    fn percentages() {
        assert_eq!(percent(44.444, 1), "44,4%");
        assert_eq!(percent(100.0, 1), "100,0%");
        assert_eq!(percent(95.83, 2), "95,83%");
        assert_eq!(percent(0.0, 0), "0%");
    }

    #[test]
    fn counts_have_two_digits_below_ten() {
        assert_eq!(two_digits(0), "0");
        assert_eq!(two_digits(2), "02");
        assert_eq!(two_digits(9), "09");
        assert_eq!(two_digits(10), "10");
        assert_eq!(two_digits(1234), "1.234");
        assert_eq!(count(6.0), "06");
        assert_eq!(count(0.0), "0");
        assert_eq!(count(12.5), "12,5");
        assert_eq!(count(1500.0), "1.500");
    }

    #[test]
    fn roman_numerals() {
        let r: Vec<String> = (1..=12).map(roman).collect();
        assert_eq!(
            r,
            [
                "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"
            ]
        );
        assert_eq!(roman(40), "XL");
        assert_eq!(roman(2024), "MMXXIV");
        assert_eq!(roman(0), "");
    }

    #[test]
    fn vietnamese_letters() {
        let l: Vec<String> = (1..=8).map(letter).collect();
        assert_eq!(l, ["a", "b", "c", "d", "đ", "e", "g", "h"]);
        assert_eq!(letter(13), "n");
        assert_eq!(letter(23), "y");
        assert_eq!(letter(24), "aa");
        assert_eq!(letter(28), "đđ");
        assert_eq!(letter(0), "");
    }

    #[test]
    fn sentence_helpers() {
        assert_eq!(lower_first("Tự kiểm tra"), "tự kiểm tra");
        assert_eq!(lower_first("UBND thành phố"), "UBND thành phố");
        assert_eq!(lower_first("Đề án"), "đề án");
        assert_eq!(upper_first("đang thực hiện"), "Đang thực hiện");
        assert_eq!(join_and(&[]), "");
        assert_eq!(join_and(&["A".into()]), "A");
        assert_eq!(join_and(&["A".into(), "B".into(), "C".into()]), "A, B và C");
        assert_eq!(shorten("một hai ba bốn", 3), "một hai ba…");
        assert_eq!(shorten("một, hai ba", 1), "một…");
        assert_eq!(shorten("một hai", 3), "một hai");
        assert_eq!(end_sentence("Đã ban hành. "), "Đã ban hành");
    }

    #[test]
    fn capitals_keep_diacritics() {
        assert_eq!(
            upper("công tác chỉ đạo, điều hành"),
            "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"
        );
    }
}
