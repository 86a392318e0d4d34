//! One cell as the submission reader sees a YAML value: text as text, a number cell as a
//! number ([`Value::Cell`]), a date cell as the date written `2024-03-12`, an empty cell as
//! nothing. An error cell (`#REF!`, `#DIV/0!`) is an error that names it; a formula gives
//! its last computed value, never its text.

use crate::diagnostics::{Diagnostic, Pos, code};
use crate::input::yaml::Value;
use calamine::Data;

/// Whether a cell holds nothing a clerk typed (empty, or only spaces).
pub fn is_blank(d: &Data) -> bool {
    match d {
        Data::Empty => true,
        Data::String(s) => s.trim().is_empty(),
        _ => false,
    }
}

/// The value of a cell.
pub fn value(d: &Data, pos: Pos, file: &str, diags: &mut Vec<Diagnostic>) -> Value {
    match d {
        Data::Empty => Value::Null,
        Data::String(s) if s.trim().is_empty() => Value::Null,
        Data::String(s) => Value::Str(crate::text::nfc_str(s)),
        Data::Int(i) => Value::Cell(*i as f64),
        Data::Float(f) => Value::Cell(*f),
        Data::Bool(b) => Value::Bool(*b, if *b { "ĐÚNG" } else { "SAI" }.to_string()),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) if dt.is_datetime() => Value::Str(t.date().format("%Y-%m-%d").to_string()),
            _ => Value::Cell(dt.as_f64()),
        },
        Data::DateTimeIso(s) => Value::Str(s.get(..10).unwrap_or(s).to_string()),
        Data::DurationIso(s) => Value::Str(s.clone()),
        Data::Error(e) => {
            diags.push(
                Diagnostic::error(
                    code::O_LOI,
                    file,
                    format!("Ô có giá trị lỗi của công thức ({e}), không đọc được."),
                )
                .at(Some(pos))
                .hint(Some(
                    "Xóa công thức trong ô và gõ trực tiếp giá trị.".into(),
                )),
            );
            Value::Null
        }
    }
}

/// A number typed as text in a number column ("1200" in a cell formatted as text), read as
/// the number a spreadsheet would have made of it: only plain digits, with one decimal point
/// when `decimal`. Anything else ("1.250", "85,5", "40%") stays text for the value table to
/// judge.
pub fn number_text(v: Value, decimal: bool) -> Value {
    let Value::Str(s) = &v else { return v };
    let t = s.trim();
    let (int, frac) = match t.split_once('.') {
        Some((i, f)) if decimal => (i, Some(f)),
        Some(_) => return v,
        None => (t, None),
    };
    let digits = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
    if digits(int) && frac.is_none_or(digits) && t.len() <= 15 {
        t.parse().map_or(v, Value::Cell)
    } else {
        v
    }
}
