//! Field-by-field reading of a YAML tree into typed values, collecting one diagnostic per
//! problem: wrong kinds, missing keys, unknown keys (with "did you mean"), numbers and dates.

use crate::diagnostics::{Diagnostic, Pos, clip, code};
use crate::input::hint;
use crate::input::yaml::{Node, Value};
use crate::model::number::Num;
use chrono::NaiveDate;

/// Collects the diagnostics of one file while it is read.
pub struct Ctx<'a> {
    pub file: &'a str,
    text: Option<&'a str>,
    pub diags: Vec<Diagnostic>,
}

impl<'a> Ctx<'a> {
    pub fn new(file: &'a str, text: Option<&'a str>) -> Self {
        Ctx {
            file,
            text,
            diags: Vec::new(),
        }
    }

    /// Adds a diagnostic, attaching the offending line of text for display.
    pub fn push(&mut self, mut d: Diagnostic) {
        if let (Some(text), Some(line)) = (self.text, d.line) {
            // A line of a few hundred characters at most is shown; longer ones are not.
            d.snippet = text
                .lines()
                .nth(line as usize - 1)
                .filter(|l| l.len() <= 400)
                .map(str::to_string);
        }
        self.diags.push(d);
    }

    pub fn error(&mut self, code: &'static str, pos: Pos, msg: String, hint: Option<String>) {
        self.push(
            Diagnostic::error(code, self.file, msg)
                .at(Some(pos))
                .hint(hint),
        );
    }

    pub fn warn(&mut self, code: &'static str, pos: Pos, msg: String, hint: Option<String>) {
        self.push(
            Diagnostic::warning(code, self.file, msg)
                .at(Some(pos))
                .hint(hint),
        );
    }

    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(Diagnostic::is_error)
    }
}

/// The keys of one YAML mapping, read one by one; whatever is left unread at the end is an
/// unknown key.
pub struct Fields<'n> {
    pub pos: Pos,
    entries: &'n [(Node, Node)],
    asked: Vec<&'static str>,
}

/// Reads `node` as a mapping. `what` names it in the message ("báo cáo", "nhiệm vụ").
pub fn fields<'n>(ctx: &mut Ctx, node: &'n Node, what: &str) -> Option<Fields<'n>> {
    match &node.value {
        Value::Map(entries) => Some(Fields {
            pos: node.pos,
            entries,
            asked: Vec::new(),
        }),
        other => {
            ctx.error(
                code::SAI_KIEU,
                node.pos,
                format!(
                    "Mục {what} phải là một nhóm các khóa (dạng \"khóa: giá trị\"), nhưng ở đây là {}.",
                    other.kind_name()
                ),
                None,
            );
            None
        }
    }
}

/// The text of a mapping key (keys are plain words; a numeric key reads as typed).
pub fn key_text(k: &Node) -> String {
    scalar_text(k).unwrap_or_default()
}

fn scalar_text(n: &Node) -> Option<String> {
    match &n.value {
        Value::Str(s) => Some(s.clone()),
        Value::Int(_, raw) | Value::Float(_, raw) | Value::Bool(_, raw) => Some(raw.clone()),
        _ => None,
    }
}

impl<'n> Fields<'n> {
    /// The entry of `key` (key node and value node), marking the key as known.
    pub fn entry(&mut self, key: &'static str) -> Option<&'n (Node, Node)> {
        self.asked.push(key);
        self.entries.iter().find(|(k, _)| key_text(k) == key)
    }

    /// The value of `key`, or `None` when the key is absent or its value is empty.
    pub fn get(&mut self, key: &'static str) -> Option<&'n Node> {
        self.entry(key)
            .map(|(_, v)| v)
            .filter(|v| v.value != Value::Null)
    }

    /// The value of a required key; a diagnostic (at the mapping, or at the key when its value
    /// is empty) when it is absent.
    pub fn required(&mut self, ctx: &mut Ctx, key: &'static str, what: &str) -> Option<&'n Node> {
        match self.entry(key) {
            None => {
                ctx.error(
                    code::THIEU_KHOA,
                    self.pos,
                    format!("Thiếu khóa bắt buộc '{key}' ({what})."),
                    Some(format!("Thêm một dòng \"{key}: ...\" vào mục này.")),
                );
                None
            }
            Some((k, v)) if v.value == Value::Null => {
                ctx.error(
                    code::THIEU_GIA_TRI,
                    k.pos,
                    format!("Khóa '{key}' ({what}) chưa có giá trị."),
                    Some(format!("Ghi giá trị sau dấu hai chấm: \"{key}: ...\".")),
                );
                None
            }
            Some((_, v)) => Some(v),
        }
    }

    /// An optional text, trimmed; `None` when absent or blank.
    pub fn opt_text(&mut self, ctx: &mut Ctx, key: &'static str) -> Option<String> {
        self.get(key).and_then(|n| opt_text(ctx, n, key))
    }

    /// An optional list of texts (one text alone is a list of one), each trimmed, blanks left
    /// out.
    pub fn opt_list(&mut self, ctx: &mut Ctx, key: &'static str) -> Vec<String> {
        self.get(key)
            .map(|n| text_list(ctx, n, key))
            .unwrap_or_default()
            .into_iter()
            .map(|(s, _)| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }

    /// Reports every key that was never asked for as unknown, with the nearest known key.
    pub fn finish(self, ctx: &mut Ctx, what: &str) {
        for (k, _) in self.entries {
            let name = key_text(k);
            if self.asked.contains(&name.as_str()) {
                continue;
            }
            let hint = hint::did_you_mean(&name, self.asked.iter().copied()).unwrap_or_else(|| {
                format!(
                    "Các khóa được dùng trong {what}: {}.",
                    self.asked.join(", ")
                )
            });
            ctx.error(
                code::KHOA_LA,
                k.pos,
                format!("Khóa '{}' không có trong mẫu {what}.", clip(&name)),
                Some(hint),
            );
        }
    }
}

/// Reads a text value. Numbers and booleans read as typed; lists and mappings are errors.
pub fn text(ctx: &mut Ctx, node: &Node, key: &str) -> Option<String> {
    match scalar_text(node) {
        Some(s) => Some(s),
        None => {
            ctx.error(
                code::SAI_KIEU,
                node.pos,
                format!(
                    "Giá trị của '{key}' phải là một đoạn chữ, nhưng ở đây là {}.",
                    node.value.kind_name()
                ),
                Some("Nếu đoạn chữ có dấu hai chấm, dấu thăng (#) hoặc bắt đầu bằng dấu gạch, hãy đặt nó trong dấu nháy kép \"...\".".into()),
            );
            None
        }
    }
}

/// Reads a text value, trimmed; `None` when it is blank.
pub fn opt_text(ctx: &mut Ctx, node: &Node, key: &str) -> Option<String> {
    text(ctx, node, key)
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Reads a list of nodes; a single scalar is an error.
pub fn list<'n>(ctx: &mut Ctx, node: &'n Node, key: &str) -> Option<&'n [Node]> {
    match &node.value {
        Value::Seq(items) => Some(items),
        other => {
            ctx.error(
                code::SAI_KIEU,
                node.pos,
                format!(
                    "Giá trị của '{key}' phải là một danh sách (mỗi phần tử một dòng bắt đầu bằng \"- \"), nhưng ở đây là {}.",
                    other.kind_name()
                ),
                None,
            );
            None
        }
    }
}

/// Reads a list of texts (`["...", "..."]`); one text alone is accepted as a list of one.
pub fn text_list(ctx: &mut Ctx, node: &Node, key: &str) -> Vec<(String, Pos)> {
    match &node.value {
        Value::Seq(items) => items
            .iter()
            .filter(|n| n.value != Value::Null)
            .filter_map(|n| text(ctx, n, key).map(|t| (t, n.pos)))
            .collect(),
        _ => text(ctx, node, key)
            .map(|t| vec![(t, node.pos)])
            .unwrap_or_default(),
    }
}

/// Reads a number. Text is an error, with a hint when it looks like a number written the
/// Vietnamese way ("1.200", "96,5", "40%").
pub fn number(ctx: &mut Ctx, node: &Node, key: &str) -> Option<Num> {
    match &node.value {
        Value::Int(i, _) => Some(Num::Int(*i)),
        Value::Float(f, raw) => {
            if !f.is_finite() {
                ctx.error(
                    code::SAI_SO,
                    node.pos,
                    format!(
                        "Giá trị của '{key}' phải là một số hữu hạn, không phải '{}'.",
                        clip(raw)
                    ),
                    None,
                );
                return None;
            }
            if looks_thousands_dotted(raw) {
                ctx.warn(
                    code::SO_DAU_CHAM,
                    node.pos,
                    format!(
                        "Số '{raw}' được hiểu là {} (dấu chấm là dấu thập phân), không phải {}.",
                        raw.trim_end_matches('0').trim_end_matches('.'),
                        raw.replace('.', "")
                    ),
                    Some(format!(
                        "Nếu là số nguyên, ghi liền không dấu ngăn cách: {}.",
                        raw.replace('.', "")
                    )),
                );
            }
            Some(Num::Float(*f))
        }
        Value::Str(s) => {
            let t = s.trim();
            let hint = if t.ends_with('%') {
                Some(format!(
                    "Ghi số không kèm dấu %: {}.",
                    t.trim_end_matches('%').trim()
                ))
            } else if !t.is_empty()
                && t.chars()
                    .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
            {
                Some(
                    "Ghi số liền, không có dấu chấm ngăn cách hàng nghìn (1200, không phải 1.200); phần thập phân dùng dấu chấm (96.5)."
                        .to_string(),
                )
            } else {
                Some("Ghi giá trị bằng chữ số (ví dụ 40), không viết bằng chữ.".to_string())
            };
            ctx.error(
                code::SAI_SO,
                node.pos,
                format!(
                    "Giá trị của '{key}' phải là một số, nhưng ở đây là \"{}\".",
                    clip(s)
                ),
                hint,
            );
            None
        }
        other => {
            ctx.error(
                code::SAI_SO,
                node.pos,
                format!(
                    "Giá trị của '{key}' phải là một số, nhưng ở đây là {}.",
                    other.kind_name()
                ),
                None,
            );
            None
        }
    }
}

/// "1.200" or "12.500.000": a number with groups of three after each dot.
fn looks_thousands_dotted(raw: &str) -> bool {
    let parts: Vec<&str> = raw.trim().split('.').collect();
    parts.len() == 2
        && (1..=3).contains(&parts[0].len())
        && parts[0].chars().all(|c| c.is_ascii_digit())
        && parts[0] != "0"
        && parts[1].len() == 3
        && parts[1].chars().all(|c| c.is_ascii_digit())
}

/// Reads a date written as a YAML date (2024-03-12) or the Vietnamese way (12/03/2024).
pub fn date(ctx: &mut Ctx, node: &Node, key: &str) -> Option<NaiveDate> {
    let Some(raw) = scalar_text(node) else {
        ctx.error(
            code::SAI_NGAY,
            node.pos,
            format!(
                "Giá trị của '{key}' phải là một ngày, nhưng ở đây là {}.",
                node.value.kind_name()
            ),
            Some("Ghi ngày theo dạng 12/03/2024 hoặc 2024-03-12.".into()),
        );
        return None;
    };
    match parse_date(&raw) {
        Ok(d) => Some(d),
        Err(DateError::Impossible) => {
            ctx.error(
                code::NGAY_KHONG_TON_TAI,
                node.pos,
                format!("Ngày '{}' ({key}) không tồn tại trong lịch.", clip(&raw)),
                Some("Kiểm tra lại ngày và tháng (tháng 2 có 28 hoặc 29 ngày; tháng 4, 6, 9, 11 có 30 ngày).".into()),
            );
            None
        }
        Err(DateError::Format) => {
            ctx.error(
                code::SAI_NGAY,
                node.pos,
                format!("Không đọc được ngày '{}' ({key}).", clip(&raw)),
                Some("Ghi ngày theo dạng 12/03/2024 hoặc 2024-03-12.".into()),
            );
            None
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not a date format we read.
    Format,
    /// Well formed, but no such day (2024-02-30).
    Impossible,
}

/// Parses `YYYY-MM-DD` or `D/M/YYYY` (one or two digits for day and month).
pub fn parse_date(raw: &str) -> Result<NaiveDate, DateError> {
    let s = raw.trim();
    let nums = |parts: Vec<&str>| -> Option<Vec<u32>> {
        parts
            .iter()
            .map(|p| {
                (!p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
                    .then(|| p.parse().ok())
                    .flatten()
            })
            .collect()
    };
    let (y, m, d) = if let Some(n) = nums(s.split('-').collect()).filter(|n| n.len() == 3) {
        let parts: Vec<&str> = s.split('-').collect();
        if parts[0].len() != 4 || parts[1].len() != 2 || parts[2].len() != 2 {
            return Err(DateError::Format);
        }
        (n[0], n[1], n[2])
    } else if let Some(n) = nums(s.split('/').collect()).filter(|n| n.len() == 3) {
        let parts: Vec<&str> = s.split('/').collect();
        if parts[2].len() != 4 || parts[0].len() > 2 || parts[1].len() > 2 {
            return Err(DateError::Format);
        }
        (n[2], n[1], n[0])
    } else {
        return Err(DateError::Format);
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return Err(DateError::Impossible);
    }
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or(DateError::Impossible)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::{Limits, parse};

    #[test]
    fn dates_both_ways_and_impossible_ones() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(parse_date("2024-03-12"), Ok(d(2024, 3, 12)));
        assert_eq!(parse_date("12/03/2024"), Ok(d(2024, 3, 12)));
        assert_eq!(parse_date("5/3/2024"), Ok(d(2024, 3, 5)));
        assert_eq!(parse_date("29/02/2024"), Ok(d(2024, 2, 29)));
        assert_eq!(parse_date("2024-02-30"), Err(DateError::Impossible));
        assert_eq!(parse_date("30/02/2024"), Err(DateError::Impossible));
        assert_eq!(parse_date("29/02/2023"), Err(DateError::Impossible));
        assert_eq!(parse_date("12/13/2024"), Err(DateError::Impossible));
        assert_eq!(parse_date("2024/03/12"), Err(DateError::Format));
        assert_eq!(parse_date("12-03-24"), Err(DateError::Format));
        assert_eq!(parse_date("ngày 12 tháng 3"), Err(DateError::Format));
        assert_eq!(parse_date("2024-3-12"), Err(DateError::Format));
    }

    #[test]
    fn unknown_and_missing_keys() {
        let root = parse("t", "don_vi: a\nky_bao_coa: x\n", Limits::SUBMISSION)
            .unwrap()
            .unwrap();
        let mut ctx = Ctx::new("t", None);
        let mut f = fields(&mut ctx, &root, "báo cáo").unwrap();
        assert!(f.get("don_vi").is_some());
        assert!(f.required(&mut ctx, "ky_bao_cao", "kỳ báo cáo").is_none());
        f.finish(&mut ctx, "báo cáo");
        assert_eq!(ctx.diags.len(), 2);
        assert_eq!(ctx.diags[0].code, "thieu-khoa");
        assert_eq!(ctx.diags[1].code, "khoa-la");
        assert_eq!(ctx.diags[1].line, Some(2));
        assert_eq!(
            ctx.diags[1].hint.as_deref(),
            Some("có phải ý bạn là 'ky_bao_cao'?")
        );
    }

    #[test]
    fn numbers_and_their_lookalikes() {
        let root = parse(
            "t",
            "a: 1200\nb: 96.5\nc: \"40%\"\nd: \"mười\"\ne: 1.200\n",
            Limits::SUBMISSION,
        )
        .unwrap()
        .unwrap();
        let Value::Map(m) = &root.value else { panic!() };
        let mut ctx = Ctx::new("t", None);
        assert_eq!(number(&mut ctx, &m[0].1, "a"), Some(Num::Int(1200)));
        assert_eq!(number(&mut ctx, &m[1].1, "b"), Some(Num::Float(96.5)));
        assert_eq!(number(&mut ctx, &m[2].1, "c"), None);
        assert!(ctx.diags[0].hint.as_ref().unwrap().contains("40"));
        assert_eq!(number(&mut ctx, &m[3].1, "d"), None);
        assert_eq!(number(&mut ctx, &m[4].1, "e"), Some(Num::Float(1.2)));
        assert_eq!(ctx.diags.last().unwrap().code, "so-dau-cham");
        assert!(!ctx.diags.last().unwrap().is_error());
    }
}
