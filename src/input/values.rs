//! What each kind of value accepts (docs/du-lieu.md, "Giá trị được chấp nhận"): the forms read
//! silently, the forms read with a warning that shows the normal form, and the errors. The
//! principle: a form with one possible meaning is accepted, and the warning shows the normal
//! form; a form that could mean two things is an error whose hint shows both readings.
//!
//! Each function reads a scalar's text (and, for numbers, what YAML made of it) and returns the
//! value with an optional [`Note`] (a warning), or a [`Note`] that is an error. Positions are
//! added by the caller ([`crate::input::reader`]), so the rules are tested on strings here.

use crate::diagnostics::{clip, code};
use crate::model::ids::TaskIdx;
use crate::model::number::Num;
use crate::model::plan::Plan;
use crate::model::status::Status;
use chrono::{Datelike, NaiveDate};

/// A problem with a value: an error, or (as the second part of [`Read`]) a warning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub code: &'static str,
    pub message: String,
    pub hint: Option<String>,
}

impl Note {
    fn new(code: &'static str, message: String, hint: impl Into<Option<String>>) -> Note {
        Note {
            code,
            message,
            hint: hint.into(),
        }
    }
}

/// A value read, with a warning when its form was not the normal one.
pub type Read<T> = Result<(T, Option<Note>), Note>;

/// Where a scalar came from, as far as the value table cares.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Scalar<'a> {
    /// A YAML integer, as written.
    Int(i64, &'a str),
    /// A YAML float, as written.
    Float(f64, &'a str),
    /// Text: a quoted or plain YAML string, or a text cell.
    Text(&'a str),
    /// A number cell of a workbook.
    Cell(f64),
    /// Anything else (a list, a mapping, true/false): named for the message.
    Other(&'static str),
}

/// The years a date may have.
pub const YEARS: std::ops::RangeInclusive<i32> = 2000..=2099;

const DATE_FORMS: &str = "Ghi ngày theo dạng 12/03/2024 hoặc 2024-03-12.";

/// A workbook's date cell holding a plain number: a spreadsheet that read the typed date by
/// the machine's regional settings (12/03/2024 as 3 December on a US-set computer) and kept
/// its day count. The date is never guessed: the error shows the readings.
pub fn date_number(x: f64, key: &str) -> Note {
    let epoch = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a date");
    let day = (x.fract() == 0.0 && (36_526.0..=73_050.0).contains(&x))
        .then(|| epoch.checked_add_days(chrono::Days::new(x as u64)))
        .flatten();
    let message = match day {
        Some(d) => {
            let counted = d.format("%d/%m/%Y").to_string();
            let swapped = NaiveDate::from_ymd_opt(d.year(), d.day(), d.month())
                .map(|s| s.format("%d/%m/%Y").to_string())
                .filter(|s| *s != counted);
            let readings = match swapped {
                Some(s) => {
                    format!("ngày {counted}, hoặc ngày {s} nếu máy tính đã đảo ngày và tháng")
                }
                None => format!("ngày {counted}"),
            };
            format!(
                "Ô ngày ({key}) chứa số {} do bảng tính tự đổi ngày gõ vào thành số: có thể là {readings}.",
                plain(x)
            )
        }
        None => format!("Ô ngày ({key}) chứa số {}, không phải một ngày.", plain(x)),
    };
    Note::new(
        code::SAI_NGAY,
        message,
        "Đặt định dạng ô là Văn bản (Text), rồi gõ lại ngày dạng 12/03/2024.".to_string(),
    )
}

/// A date: `2024-03-12`, or day, month and year (four digits) separated by `/`, `-` or `.`,
/// with one or two digits for the day and the month.
pub fn date(raw: &str, key: &str) -> Result<NaiveDate, Note> {
    let s = raw.trim();
    let (y, m, d) = match date_parts(s) {
        Some(parts) => parts,
        None => {
            let hint = two_digit_year(s)
                .map(|full| format!("Ghi đủ bốn chữ số của năm: {full}."))
                .unwrap_or_else(|| DATE_FORMS.to_string());
            return Err(Note::new(
                code::SAI_NGAY,
                format!("Không đọc được ngày '{}' ({key}).", clip(s)),
                hint,
            ));
        }
    };
    let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
        // A month over 12 with a day that could be a month: written month first.
        let swapped = (m > 12 && d <= 12)
            .then(|| NaiveDate::from_ymd_opt(y, d, m))
            .flatten()
            .map(|x| format!("có phải ý bạn là {}? ", x.format("%d/%m/%Y")))
            .unwrap_or_default();
        return Err(Note::new(
            code::NGAY_KHONG_TON_TAI,
            format!("Ngày '{}' ({key}) không tồn tại trong lịch.", clip(s)),
            format!(
                "{swapped}Kiểm tra lại ngày và tháng (tháng 2 có 28 hoặc 29 ngày; tháng 4, 6, 9, 11 có 30 ngày)."
            ),
        ));
    };
    if !YEARS.contains(&date.year()) {
        return Err(Note::new(
            code::NGAY_NGOAI_KHOANG,
            format!(
                "Ngày '{}' ({key}) có năm {} nằm ngoài khoảng 2000–2099.",
                clip(s),
                date.year()
            ),
            "Kiểm tra lại năm: ngày trong báo cáo và kế hoạch phải từ năm 2000 đến năm 2099."
                .to_string(),
        ));
    }
    Ok(date)
}

/// Year, month and day of the accepted forms, before the calendar is checked.
fn date_parts(s: &str) -> Option<(i32, u32, u32)> {
    let digits = |p: &str, min: usize, max: usize| {
        (p.len() >= min && p.len() <= max && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    // ISO: exactly YYYY-MM-DD.
    if let [y, m, d] = s.split('-').collect::<Vec<_>>()[..]
        && y.len() == 4
        && m.len() == 2
        && d.len() == 2
        && let (Some(y), Some(m), Some(d)) = (digits(y, 4, 4), digits(m, 2, 2), digits(d, 2, 2))
    {
        return Some((y as i32, m, d));
    }
    for sep in ['/', '-', '.'] {
        if let [d, m, y] = s.split(sep).collect::<Vec<_>>()[..]
            && let (Some(d), Some(m), Some(y)) = (digits(d, 1, 2), digits(m, 1, 2), digits(y, 4, 4))
        {
            return Some((y as i32, m, d));
        }
    }
    None
}

/// "12/03/24" → "12/03/2024": the full form of a date written with a two-digit year.
fn two_digit_year(s: &str) -> Option<String> {
    for sep in ['/', '-', '.'] {
        if let [d, m, y] = s.split(sep).collect::<Vec<_>>()[..]
            && y.len() == 2
            && [d, m, y]
                .iter()
                .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        {
            return Some(format!("{d}{sep}{m}{sep}20{y}"));
        }
    }
    None
}

/// The largest count a unit may report.
pub const MAX_COUNT: i64 = 1_000_000_000_000;

/// A count (`chi_tieu`): an integer from 0 to 10^12. A quoted integer or one with leading
/// zeros is read with a warning; thousands separators, decimals, signs, other bases and
/// exponents are errors.
pub fn count(v: Scalar, key: &str) -> Read<i64> {
    let normal = |n: i64| format!("{key}: {n}");
    match v {
        Scalar::Int(n, raw) => {
            let t = raw.trim();
            if t.starts_with("0x")
                || t.starts_with("0o")
                || t.starts_with("0b")
                || t.starts_with('+')
            {
                return Err(odd_number(key, t, "1200"));
            }
            in_count_range(n, key, t).map(|n| (n, None))
        }
        Scalar::Float(_, raw) => Err(count_text_error(raw.trim(), key)),
        Scalar::Cell(x) => {
            if x.fract() != 0.0 || !x.is_finite() {
                return Err(decimal_count(key, &plain(x)));
            }
            in_count_range(x as i64, key, &plain(x)).map(|n| (n, None))
        }
        Scalar::Text(s) => {
            let t = s.trim();
            if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
                let n: i64 = t.parse().map_err(|_| too_big(key, t))?;
                let n = in_count_range(n, key, t)?;
                let message = if t.len() > 1 && t.starts_with('0') {
                    format!("Số liệu '{key}' ghi '{t}' có chữ số 0 ở đầu; đã hiểu là {n}.")
                } else {
                    format!("Số liệu '{key}' được ghi dưới dạng chữ (\"{t}\"); đã hiểu là số {n}.")
                };
                return Ok((
                    n,
                    Some(Note::new(
                        code::DOI_DANG,
                        message,
                        format!("Ghi số liền, không dấu nháy: {}.", normal(n)),
                    )),
                ));
            }
            Err(count_text_error(t, key))
        }
        Scalar::Other(kind) => Err(Note::new(
            code::SAI_SO,
            format!("Giá trị của '{key}' phải là một số, nhưng ở đây là {kind}."),
            None,
        )),
    }
}

fn in_count_range(n: i64, key: &str, raw: &str) -> Result<i64, Note> {
    if n < 0 {
        return Err(Note::new(
            code::SO_AM,
            format!("Số liệu '{key}' không được âm ({}).", clip(raw)),
            "Số liệu là số lượng đếm được, từ 0 trở lên.".to_string(),
        ));
    }
    if n > MAX_COUNT {
        return Err(too_big(key, raw));
    }
    Ok(n)
}

fn too_big(key: &str, raw: &str) -> Note {
    Note::new(
        code::SAI_SO,
        format!(
            "Số liệu '{key}' ghi '{}' lớn hơn 1.000.000.000.000, không phải một số liệu có thật.",
            clip(raw)
        ),
        "Kiểm tra lại số liệu; có thể đã gõ thừa chữ số.".to_string(),
    )
}

/// `example`: a well-written value of the same kind ("1200" for a count, "85" for progress).
fn odd_number(key: &str, raw: &str, example: &str) -> Note {
    Note::new(
        code::SAI_SO,
        format!(
            "Số liệu '{key}' ghi '{}' không phải cách viết số thông thường.",
            clip(raw)
        ),
        format!("Ghi số bằng các chữ số 0–9, liền nhau, ví dụ {example}."),
    )
}

fn decimal_count(key: &str, raw: &str) -> Note {
    Note::new(
        code::SO_LE,
        format!(
            "Số liệu '{key}' phải là số nguyên, không phải '{}'.",
            clip(raw)
        ),
        "Chỉ tiêu đếm số lượng (hồ sơ, văn bản, cuộc…), nên là số nguyên, ví dụ 1200.".to_string(),
    )
}

/// Why a count written as text (or a YAML float) is refused.
fn count_text_error(t: &str, key: &str) -> Note {
    if let Some((whole, sep)) = thousands(t) {
        let (message, hint) = match sep {
            ' ' => (
                format!(
                    "Số liệu '{key}' ghi '{t}' có dấu cách ngăn cách hàng nghìn (nghĩa là {whole}); số liệu phải ghi liền."
                ),
                format!("ghi {whole}"),
            ),
            _ => {
                let decimal = t.replacen(sep, ",", 1);
                (
                    format!(
                        "Số liệu '{key}' ghi '{t}' có thể hiểu là {whole} (dấu '{sep}' ngăn cách hàng nghìn) hoặc {decimal} (dấu '{sep}' là dấu thập phân); không đoán được."
                    ),
                    format!(
                        "Nếu là {whole}, ghi {whole} (liền, không dấu ngăn cách); số liệu đếm không có phần thập phân."
                    ),
                )
            }
        };
        return Note::new(code::SO_NGAN_CACH, message, hint);
    }
    let lower = t.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        ".inf" | "-.inf" | "+.inf" | ".nan" | "inf" | "nan"
    ) || lower.starts_with("0x")
        || lower.starts_with("0o")
        || lower.starts_with("0b")
        || (lower.contains('e')
            && lower
                .trim_start_matches(['-', '+'])
                .starts_with(|c: char| c.is_ascii_digit()))
    {
        return odd_number(key, t, "1200");
    }
    if let Some(x) = plain_decimal(t) {
        if x < 0.0 {
            return Note::new(
                code::SO_AM,
                format!("Số liệu '{key}' không được âm ({}).", clip(t)),
                "Số liệu là số lượng đếm được, từ 0 trở lên.".to_string(),
            );
        }
        return decimal_count(key, t);
    }
    not_a_number(t, key)
}

fn not_a_number(t: &str, key: &str) -> Note {
    let hint = if t.ends_with('%') {
        format!(
            "Ghi số không kèm dấu %: {}.",
            t.trim_end_matches('%').trim()
        )
    } else {
        "Ghi giá trị bằng chữ số (ví dụ 40), không viết bằng chữ.".to_string()
    };
    Note::new(
        code::SAI_SO,
        format!(
            "Giá trị của '{key}' phải là một số, nhưng ở đây là \"{}\".",
            clip(t)
        ),
        hint,
    )
}

/// "1.250", "12.500.000", "1,250", "1 250": digits in groups of three after the first group
/// (one to three digits), separated by one kind of separator. Returns the number without
/// separators and the separator.
fn thousands(t: &str) -> Option<(String, char)> {
    let sep = t
        .chars()
        .find(|c| matches!(c, '.' | ',' | ' ' | '\u{A0}'))?;
    let groups: Vec<&str> = t.split(sep).collect();
    let ok = groups.len() >= 2
        && (1..=3).contains(&groups[0].len())
        && groups[0] != "0"
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    ok.then(|| (groups.concat(), if sep == '\u{A0}' { ' ' } else { sep }))
}

/// A plain decimal with a dot or a comma ("85.5", "85,5", "-2").
fn plain_decimal(t: &str) -> Option<f64> {
    let body = t.strip_prefix('-').unwrap_or(t);
    let ok = !body.is_empty()
        && body.chars().filter(|c| matches!(c, '.' | ',')).count() <= 1
        && body
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
        && body.bytes().next().is_some_and(|b| b.is_ascii_digit())
        && body.bytes().last().is_some_and(|b| b.is_ascii_digit());
    ok.then(|| t.replace(',', ".").parse().ok()).flatten()
}

/// Progress (`tien_do`): a percentage from 0 to 100, integer or decimal. A decimal comma, a
/// quoted number or a "%" sign is read with a warning.
pub fn progress(v: Scalar, key: &str) -> Read<Num> {
    let (value, shown, note) = match v {
        Scalar::Int(n, raw) => {
            let t = raw.trim();
            if t.starts_with("0x") || t.starts_with("0o") || t.starts_with("0b") {
                return Err(odd_number(key, t, "85"));
            }
            (Num::Int(n), t.to_string(), None)
        }
        Scalar::Float(x, raw) => {
            let t = raw.trim();
            if !x.is_finite() || t.to_ascii_lowercase().contains('e') {
                return Err(odd_number(key, t, "85"));
            }
            (Num::Float(x), t.to_string(), None)
        }
        Scalar::Cell(x) => (cell_num(x), plain(x), None),
        Scalar::Text(s) => {
            let t = s.trim();
            let bare = t.strip_suffix('%').map(str::trim_end).unwrap_or(t);
            let Some(x) = plain_decimal(bare) else {
                return Err(not_a_number(t, key));
            };
            let n = if x.fract() == 0.0 && !bare.contains(['.', ',']) {
                Num::Int(x as i64)
            } else {
                Num::Float(x)
            };
            let normal = n.to_string();
            let note = Note::new(
                code::DOI_DANG,
                format!("Tiến độ ghi '{}'; đã hiểu là {normal}.", clip(t)),
                format!(
                    "Ghi số không dấu nháy, không dấu %, phần thập phân sau dấu chấm: {key}: {normal}"
                ),
            );
            (n, t.to_string(), Some(note))
        }
        Scalar::Other(kind) => {
            return Err(Note::new(
                code::SAI_SO,
                format!("Giá trị của '{key}' phải là một số, nhưng ở đây là {kind}."),
                None,
            ));
        }
    };
    if !(0.0..=100.0).contains(&value.as_f64()) {
        return Err(Note::new(
            code::TIEN_DO_SAI,
            format!("Tiến độ {} nằm ngoài khoảng 0 đến 100 (%).", clip(&shown)),
            "Tiến độ là phần trăm công việc đã làm, từ 0 đến 100.".to_string(),
        ));
    }
    Ok((value, note))
}

/// A number as a program writes it: "70", "85.5".
/// A number cell as a clerk sees it: "1200", "85.5".
pub fn plain(x: f64) -> String {
    cell_num(x).to_string()
}

fn cell_num(x: f64) -> Num {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        Num::Int(x as i64)
    } else {
        Num::Float(x)
    }
}

/// A status a unit reported: a code or a Vietnamese label, in any case and either Unicode
/// form, with or without "Đã" in front ("Đã hoàn thành").
pub fn status(s: &str) -> Option<Status> {
    let f = crate::text::fold(s);
    let f = f.strip_prefix("đã ").map(str::trim_start).unwrap_or(&f);
    Status::REPORTABLE
        .into_iter()
        .find(|st| f == st.code() || f == crate::text::fold(st.label()))
}

/// The hint listing the statuses accepted.
pub fn statuses_hint() -> String {
    let list: Vec<String> = Status::REPORTABLE
        .iter()
        .map(|s| format!("{} ({})", s.code(), s.label()))
        .collect();
    format!("Trạng thái hợp lệ: {}.", list.join(", "))
}

/// A task id (`ma`) as the plan has it; in another case or without its dot ("1.A", "1a")
/// when only one task matches, with a warning. `None` when no task matches at all (the
/// caller says which are close); an error when several do.
pub fn task_id(raw: &str, plan: &Plan) -> Option<Read<TaskIdx>> {
    let id = raw.trim();
    if let Some(t) = plan.find_task(id) {
        return Some(Ok((t, None)));
    }
    let loose = |s: &str| -> String {
        crate::text::nfc_str(s)
            .to_lowercase()
            .chars()
            .filter(|c| !matches!(c, '.' | ' '))
            .collect()
    };
    let want = loose(id);
    let matches: Vec<TaskIdx> = plan
        .task_ids()
        .filter(|&t| loose(&plan[t].id) == want)
        .collect();
    match matches[..] {
        [] => None,
        [t] => Some(Ok((
            t,
            Some(Note::new(
                code::DOI_DANG,
                format!("Mã nhiệm vụ '{}' được hiểu là '{}'.", clip(id), plan[t].id),
                format!("Ghi đúng mã như trong kế hoạch: ma: \"{}\".", plan[t].id),
            )),
        ))),
        _ => {
            let readings: Vec<String> = matches
                .iter()
                .map(|&t| format!("'{}'", plan[t].id))
                .collect();
            Some(Err(Note::new(
                code::NHIEM_VU_LA,
                format!(
                    "Mã nhiệm vụ '{}' có thể là {}; không đoán được.",
                    clip(id),
                    readings.join(" hoặc ")
                ),
                format!(
                    "Ghi đúng mã như trong kế hoạch, ví dụ {}.",
                    readings.join(" hoặc ")
                ),
            )))
        }
    }
}

#[cfg(test)]
mod tests;
