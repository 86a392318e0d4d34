//! YAML text to a tree of positioned nodes (serde-saphyr does the parsing, with its limits on
//! aliases, depth and duplicate keys), and parser errors to Vietnamese diagnostics.
//!
//! Input files are read into this tree first and checked field by field afterwards (see
//! [`crate::input::reader`]), so that one run reports every problem of a file, each at its
//! own line and column, in Vietnamese.

mod errors;

use crate::diagnostics::{Diagnostic, Pos};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

/// A YAML node with the position of its first character.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

/// The value of a node. Plain scalars that YAML types as numbers or booleans keep their
/// source text too, so that a field that expects text (an id such as `1.10`) reads what the
/// user typed, not the number YAML made of it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool, String),
    Int(i64, String),
    Float(f64, String),
    Str(String),
    /// A number cell of a workbook (never made by the YAML parser).
    Cell(f64),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// A short Vietnamese name of the value's kind, for messages ("một danh sách").
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "giá trị rỗng",
            Value::Bool(..) => "giá trị đúng/sai",
            Value::Int(..) | Value::Float(..) | Value::Cell(_) => "một số",
            Value::Str(_) => "một đoạn chữ",
            Value::Seq(_) => "một danh sách",
            Value::Map(_) => "một nhóm khóa (bảng)",
        }
    }
}

/// Limits for one parse. Submissions are small; a plan or registry may be larger.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_depth: usize,
    pub max_nodes: usize,
    pub max_aliases: usize,
}

impl Limits {
    /// A real report has a few thousand nodes at most; the limit bounds memory per file.
    pub const SUBMISSION: Limits = Limits {
        max_depth: 32,
        max_nodes: 100_000,
        max_aliases: 200,
    };
    pub const DATA: Limits = Limits {
        max_depth: 32,
        max_nodes: 2_000_000,
        max_aliases: 1_000,
    };
}

/// Parses one YAML document. `Ok(None)` means the document is empty (only comments or
/// whitespace).
pub fn parse(file: &str, text: &str, limits: Limits) -> Result<Option<Node>, Diagnostic> {
    parse_cleaning(file, text, limits).map(|(node, _)| node)
}

/// [`parse`], also reporting where a string's escapes (`"\0"`, `"\u000B"`, …) produced
/// characters that XML forbids: they are removed from the value, and their positions returned
/// so that the file can be warned about.
pub fn parse_cleaning(
    file: &str,
    text: &str,
    limits: Limits,
) -> Result<(Option<Node>, Vec<Pos>), Diagnostic> {
    let mut options = serde_saphyr::Options::default();
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options.underscored_numbers_as_strings = true;
    // `.inf` and `.nan` reach the value table, which says what is wrong with them.
    options.non_finite_float_policy = serde_saphyr::NonFiniteFloatPolicy::PassThrough;
    options.with_snippet = false;
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = limits.max_depth;
    budget.max_nodes = limits.max_nodes;
    budget.max_aliases = limits.max_aliases;
    budget.max_anchors = limits.max_aliases;
    options.budget = Some(budget);
    match serde_saphyr::from_str_with_options::<Spanned<RawNode>>(text, options) {
        Ok(root) => {
            let mut cleaned = Vec::new();
            let node = convert(root, text, &mut cleaned);
            let node = match node.value {
                Value::Null => None,
                _ => Some(node),
            };
            Ok((node, cleaned))
        }
        Err(e) => Err(errors::translate(file, text, &e)),
    }
}

/// What serde-saphyr gives us: a typed value with spans, before the source text of plain
/// scalars is attached.
#[derive(Debug)]
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<RawNode>>),
    Map(Vec<(Spanned<RawNode>, Spanned<RawNode>)>),
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawNode;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a YAML value")
            }
            fn visit_unit<E>(self) -> Result<RawNode, E> {
                Ok(RawNode::Null)
            }
            fn visit_none<E>(self) -> Result<RawNode, E> {
                Ok(RawNode::Null)
            }
            fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<RawNode, D2::Error> {
                RawNode::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
                Ok(RawNode::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
                Ok(RawNode::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
                Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
            }
            fn visit_i128<E>(self, v: i128) -> Result<RawNode, E> {
                Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
            }
            fn visit_u128<E>(self, v: u128) -> Result<RawNode, E> {
                Ok(i64::try_from(v).map_or(RawNode::Float(v as f64), RawNode::Int))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
                Ok(RawNode::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
                Ok(RawNode::Str(v.to_owned()))
            }
            fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
                Ok(RawNode::Str(v))
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<RawNode, E> {
                Ok(RawNode::Str(String::from_utf8_lossy(v).into_owned()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut a: A) -> Result<RawNode, A::Error> {
                let mut v = Vec::new();
                while let Some(x) = a.next_element::<Spanned<RawNode>>()? {
                    v.push(x);
                }
                Ok(RawNode::Seq(v))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut a: A) -> Result<RawNode, A::Error> {
                let mut v = Vec::new();
                while let Some(k) = a.next_key::<Spanned<RawNode>>()? {
                    let val = a.next_value::<Spanned<RawNode>>()?;
                    v.push((k, val));
                }
                Ok(RawNode::Map(v))
            }
        }
        d.deserialize_any(V)
    }
}

fn convert(n: Spanned<RawNode>, text: &str, cleaned: &mut Vec<Pos>) -> Node {
    let loc = n.referenced;
    let span = loc.span();
    let source = match (span.byte_offset(), span.byte_len()) {
        (Some(off), Some(len)) => text
            .get(off as usize..(off + len) as usize)
            .unwrap_or_default(),
        _ => "",
    };
    // A scalar is underlined on its first line; a list or mapping at its first character.
    let len = match &n.value {
        RawNode::Seq(_) | RawNode::Map(_) => 0,
        _ => source.lines().next().unwrap_or_default().chars().count() as u32,
    };
    let pos = Pos::span(loc.line() as u32, loc.column() as u32, len);
    let raw = || source.to_string();
    let value = match n.value {
        RawNode::Null => Value::Null,
        RawNode::Bool(b) => Value::Bool(b, raw()),
        RawNode::Int(i) => Value::Int(i, raw()),
        RawNode::Float(f) => Value::Float(f, raw()),
        RawNode::Str(s) if s.chars().any(crate::text::is_xml_forbidden) => {
            cleaned.push(pos);
            Value::Str(
                s.chars()
                    .filter(|c| !crate::text::is_xml_forbidden(*c))
                    .collect(),
            )
        }
        RawNode::Str(s) => Value::Str(s),
        RawNode::Seq(items) => Value::Seq(
            items
                .into_iter()
                .map(|x| convert(x, text, cleaned))
                .collect(),
        ),
        RawNode::Map(entries) => Value::Map(
            entries
                .into_iter()
                .map(|(k, v)| (convert(k, text, cleaned), convert(v, text, cleaned)))
                .collect(),
        ),
    };
    Node { value, pos }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Option<Node>, Diagnostic> {
        parse("t.yaml", s, Limits::SUBMISSION)
    }

    #[test]
    fn keeps_positions_and_source_text_of_numbers() {
        let n = p("a: 1.10\nb: \"x\"\nc: 0755\nd: yes\n").unwrap().unwrap();
        let Value::Map(m) = n.value else { panic!() };
        assert_eq!(m[0].1.value, Value::Float(1.1, "1.10".into()));
        assert_eq!(m[0].1.pos, Pos::span(1, 4, 4));
        assert_eq!(m[1].1.value, Value::Str("x".into()));
        assert_eq!(m[1].1.pos, Pos::span(2, 4, 3), "quotes included");
        assert_eq!(m[2].1.value, Value::Str("0755".into()));
        assert_eq!(m[3].1.value, Value::Str("yes".into()));
    }

    #[test]
    fn escapes_that_make_forbidden_characters_are_cleaned_and_located() {
        let (node, cleaned) =
            parse_cleaning("t", "a: \"x\\0y\\u000Bz\"\nb: ok\n", Limits::SUBMISSION).unwrap();
        let Value::Map(m) = node.unwrap().value else {
            panic!()
        };
        assert_eq!(m[0].1.value, Value::Str("xyz".into()));
        assert_eq!(cleaned[0].line, 1);
        assert_eq!(cleaned[0].col, 4);
    }

    #[test]
    fn empty_and_comment_only_documents_are_none() {
        assert_eq!(p("").unwrap(), None);
        assert_eq!(p("# chỉ có chú thích\n\n").unwrap(), None);
        assert_eq!(p("~\n").unwrap(), None);
    }

    #[test]
    fn parser_errors_are_vietnamese_with_positions() {
        let cases = [
            ("a: 1\na: 2\n", "khoa-trung", (2, 1)),
            ("a:\n\tb: 1\n", "yaml-tab", (2, 1)),
            ("a: \"x\nb: 2\n", "yaml-thieu-nhay", (1, 4)),
            ("a: [1, 2\n", "yaml-thieu-ngoac", (1, 4)),
            ("a: b: c\n", "yaml-cu-phap", (1, 5)),
            ("a:\n  - b: 1\n    c: 2\n   d: 3\n", "yaml-cu-phap", (4, 4)),
        ];
        for (src, code, (line, col)) in cases {
            let d = p(src).unwrap_err();
            assert_eq!(d.code, code, "{src:?}: {d:?}");
            assert_eq!((d.line, d.col), (Some(line), Some(col)), "{src:?}");
            assert!(!d.message.is_empty());
            let hint = d.hint.unwrap_or_default();
            assert!(!hint.contains("Chi tiết") && !hint.is_ascii(), "{hint}");
        }
    }

    #[test]
    fn syntax_errors_say_where_to_look_and_what_to_type() {
        // The tab: its line, and the spaces of the line's level.
        let d = p("nhiem_vu:\n  - ma: \"1.a\"\n\t trang_thai: x\n").unwrap_err();
        assert_eq!((d.line, d.col), (Some(3), Some(1)));
        assert!(d.hint.unwrap().contains("gõ 4 dấu cách"));
        // A key out of line with its siblings: the spaces it needs.
        let d = p("nhiem_vu:\n  - ma: \"1.a\"\n    trang_thai: x\n   tien_do: 5\n").unwrap_err();
        assert_eq!(d.line, Some(4));
        assert!(d.hint.unwrap().contains("cần 4 dấu cách"));
        // A quote inside a quoted text: the fix uses the other quote.
        let d = p("ket_qua: \"Ban hành \"Quy chế\" mới\"\n").unwrap_err();
        assert!(
            d.hint.clone().unwrap().contains("ket_qua: 'Ban hành"),
            "{d:?}"
        );
        // An unclosed single quote is named as one, at the line where it opened.
        let d = p("a: 'chưa đóng\nb: 1\n").unwrap_err();
        assert_eq!(d.line, Some(1));
        assert!(d.message.contains("nháy đơn"), "{d:?}");
        // A colon in a value: the whole line, quoted.
        let d = p("ket_qua: Đạt: 100%\n").unwrap_err();
        assert!(d.hint.unwrap().contains("ket_qua: \"Đạt: 100%\""));
    }

    #[test]
    fn hostile_structures_are_refused() {
        let deep = "[".repeat(100_000);
        assert_eq!(p(&deep).unwrap_err().code, "yaml-qua-sau");
        let deep_block: String = (0..100).map(|i| format!("{}a:\n", " ".repeat(i))).collect();
        assert_eq!(p(&deep_block).unwrap_err().code, "yaml-qua-sau");
        let mut bomb = String::from("a0: &a0 [x,x,x,x,x,x,x,x,x]\n");
        for i in 1..10 {
            let p = i - 1;
            bomb.push_str(&format!(
                "a{i}: &a{i} [*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p},*a{p}]\n"
            ));
        }
        assert_eq!(p(&bomb).unwrap_err().code, "yaml-qua-lon");
    }
}
