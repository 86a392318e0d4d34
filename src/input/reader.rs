//! Field-by-field reading of a YAML tree into typed values, collecting one diagnostic per
//! problem: wrong kinds, missing keys, unknown keys (with "did you mean"), numbers and dates.

use crate::diagnostics::{Diagnostic, Pos, clip, code};
use crate::input::legacy::{self, Legacy};
use crate::input::values::{self, Scalar};
use crate::input::yaml::{Node, Value};
use crate::input::{chars, hint};
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
        Value::Cell(x) => Some(values::plain(*x)),
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

/// The scalar text of a node as typed; a diagnostic when it is a list or a mapping.
fn raw_text(ctx: &mut Ctx, node: &Node, key: &str) -> Option<String> {
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

/// Reads a text value. Numbers and booleans read as typed; lists and mappings are errors.
/// Invisible and direction-changing characters are removed, with a warning; text typed in a
/// legacy font encoding is converted, with a warning, or is an error when the conversion is
/// not certain.
pub fn text(ctx: &mut Ctx, node: &Node, key: &str) -> Option<String> {
    let mut s = raw_text(ctx, node, key)?;
    if let Some((clean, first, n)) = chars::remove_invisible(&s) {
        let many = if n > 1 {
            format!(
                "{n} ký tự không nhìn thấy (đầu tiên là {})",
                chars::describe(first)
            )
        } else {
            format!("ký tự {}", chars::describe(first))
        };
        ctx.warn(
            code::KY_TU_AN,
            node.pos,
            format!("Giá trị của '{key}' có {many}; đã bỏ ký tự này khỏi báo cáo."),
            Some("Thường gặp khi dán chữ từ trang web, Zalo hoặc tệp PDF; không cần sửa nếu đoạn chữ vẫn đúng.".into()),
        );
        s = clean;
    }
    match legacy::check(&s) {
        Legacy::Unicode => Some(s),
        Legacy::Converted { encoding, text } => {
            let start: String = text.chars().take(60).collect();
            let more = if text.chars().count() > 60 { "…" } else { "" };
            ctx.warn(
                code::BANG_MA_CU,
                node.pos,
                format!(
                    "Giá trị của '{key}' được gõ bằng bảng mã cũ {}; đã chuyển sang Unicode: \"{start}{more}\".",
                    encoding.name()
                ),
                Some("Đọc lại đoạn chữ đã chuyển; lần sau gõ bằng bảng mã Unicode (Unikey: Bảng mã Unicode, kiểu gõ Telex hoặc VNI).".into()),
            );
            Some(text)
        }
        Legacy::Unclear => {
            let start: String = s.chars().take(40).collect();
            ctx.error(
                code::BANG_MA_CU,
                node.pos,
                format!(
                    "Giá trị của '{key}' (\"{}\") có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI) nhưng không chuyển được chắc chắn sang Unicode.",
                    clip(&start)
                ),
                Some("Dùng Unikey (Công cụ chuyển mã) chuyển đoạn chữ từ bảng mã cũ sang Unicode dựng sẵn, rồi lưu tệp bằng UTF-8.".into()),
            );
            None
        }
    }
}

/// Reads an id (a unit's `don_vi`, a task's `ma`, a period's code): an invisible character or
/// one that looks like another is an error that names it.
pub fn id_text(ctx: &mut Ctx, node: &Node, key: &str, what: &str) -> Option<String> {
    let s = raw_text(ctx, node, key)?;
    let id = s.trim();
    if let Some((bad, meant)) = chars::suspicious_in_id(id) {
        ctx.error(
            code::KY_TU_GIA,
            node.pos,
            format!("{what} '{}' có ký tự {}.", clip(id), chars::describe(bad)),
            Some(format!(
                "Gõ lại mã bằng bàn phím (không dán từ nơi khác): {}.",
                clip(&meant)
            )),
        );
        return None;
    }
    Some(id.to_string())
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

/// The scalar of a node as the value table reads it.
pub fn scalar(node: &Node) -> Scalar<'_> {
    match &node.value {
        Value::Int(i, raw) => Scalar::Int(*i, raw),
        Value::Float(f, raw) => Scalar::Float(*f, raw),
        Value::Str(s) => Scalar::Text(s),
        Value::Cell(x) => Scalar::Cell(*x),
        other => Scalar::Other(other.kind_name()),
    }
}

/// Records what the value table said of a value: the warning, or the error.
pub fn apply<T>(ctx: &mut Ctx, node: &Node, read: values::Read<T>) -> Option<T> {
    match read {
        Ok((v, note)) => {
            if let Some(n) = note {
                ctx.warn(n.code, node.pos, n.message, n.hint);
            }
            Some(v)
        }
        Err(n) => {
            ctx.error(n.code, node.pos, n.message, n.hint);
            None
        }
    }
}

/// Reads a whole number of the configuration or the plan (a year, a number of days).
pub fn integer(ctx: &mut Ctx, node: &Node, key: &str) -> Option<i64> {
    match &node.value {
        Value::Int(i, _) => Some(*i),
        _ => {
            ctx.error(
                code::SAI_SO,
                node.pos,
                format!(
                    "Giá trị của '{key}' phải là một số nguyên, nhưng ở đây là \"{}\".",
                    clip(&key_text(node))
                ),
                None,
            );
            None
        }
    }
}

/// Reads a date (docs/du-lieu.md: five forms, years 2000–2099).
pub fn date(ctx: &mut Ctx, node: &Node, key: &str) -> Option<NaiveDate> {
    if let Value::Cell(x) = node.value {
        return apply(ctx, node, Err(values::date_number(x, key)));
    }
    let raw = text(ctx, node, key)?;
    apply(ctx, node, values::date(&raw, key).map(|d| (d, None)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::{Limits, parse};

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
}
