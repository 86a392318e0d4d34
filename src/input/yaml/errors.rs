//! The parser's errors in a clerk's words: what is wrong, where to look (the line where a
//! quote was opened, the line with the tab), and what to type instead. No parser jargon and
//! no English reaches the user; an error the table does not know is described plainly.

use crate::diagnostics::{Diagnostic, Pos, clip, code};

/// What the parser said, turned into a Vietnamese diagnostic at the place to look.
pub(super) fn translate(file: &str, text: &str, e: &serde_saphyr::Error) -> Diagnostic {
    let pos = e
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| Pos::new(l.line() as u32, l.column() as u32));
    let english = e.without_snippet().to_string();
    let english = english
        .split(" at line ")
        .next()
        .unwrap_or(&english)
        .trim()
        .to_lowercase();
    let ctx = Context { text, pos };
    let (code, message, hint, pos) = describe(&english, &ctx);
    Diagnostic::error(code, file, message).at(pos).hint(hint)
}

/// The text and where the parser stopped.
struct Context<'a> {
    text: &'a str,
    pos: Option<Pos>,
}

impl Context<'_> {
    fn line(&self, n: u32) -> Option<&str> {
        self.text.lines().nth(n.checked_sub(1)? as usize)
    }

    /// The line the parser stopped at.
    fn here(&self) -> Option<&str> {
        self.pos.and_then(|p| self.line(p.line))
    }

    /// The character at the parser's position.
    fn char_here(&self) -> Option<char> {
        let p = self.pos?;
        self.here()?.chars().nth(p.col.checked_sub(1)? as usize)
    }
}

type Described = (&'static str, String, Option<String>, Option<Pos>);

fn describe(english: &str, ctx: &Context) -> Described {
    if let Some(key) = english.strip_prefix("duplicate mapping key: ") {
        let key = key.split(',').next().unwrap_or(key).trim();
        return (
            code::KHOA_TRUNG,
            format!(
                "Khóa '{}' xuất hiện hai lần trong cùng một nhóm.",
                clip(key)
            ),
            Some("Mỗi khóa chỉ được ghi một lần; xóa hoặc gộp dòng bị lặp.".into()),
            ctx.pos,
        );
    }
    if english.contains("tab") {
        return tab(ctx);
    }
    if english.contains("unclosed quote")
        || english.contains("end of stream") && english.contains("quot")
    {
        return unclosed_quote(ctx);
    }
    if english.contains("trailing content after") {
        return trailing_after_quote(ctx, english.contains("single"));
    }
    if english.contains("unclosed bracket")
        || english.contains("flow sequence")
        || english.contains("flow mapping")
    {
        return (
            code::YAML_THIEU_NGOAC,
            "Danh sách viết trên một dòng mở bằng dấu [ (hoặc nhóm mở bằng {) nhưng không đóng lại.".into(),
            Some("Thêm dấu ] (hoặc }) ở cuối, hoặc viết mỗi phần tử trên một dòng bắt đầu bằng \"- \".".into()),
            ctx.pos,
        );
    }
    if let Some(d) = limits(english, ctx) {
        return d;
    }
    if english.contains("multiple documents")
        || english.contains("more than one document")
        || english.contains("document end")
    {
        return (
            code::YAML_NHIEU_TAI_LIEU,
            "Tệp chứa nhiều tài liệu YAML (ngăn cách bởi dòng ---); mỗi tệp chỉ được chứa một báo cáo.".into(),
            Some("Tách thành các tệp riêng hoặc xóa dòng ---.".into()),
            ctx.pos,
        );
    }
    if english.contains("escape")
        || english.contains("surrogate")
        || english.contains("hexadecimal")
    {
        return (
            code::YAML_CU_PHAP,
            "Trong dấu nháy kép, dấu \\ mở đầu một ký tự đặc biệt, nhưng ở đây nó không tạo thành ký tự nào.".into(),
            Some("Viết \\\\ thay cho mỗi dấu \\ (ví dụ đường dẫn D:\\\\CCHC), hoặc bao đoạn chữ bằng dấu nháy đơn ' '.".into()),
            ctx.pos,
        );
    }
    if english.contains("unknown anchor")
        || english.contains("unexpected character")
        || english.contains("cannot start any token")
    {
        let c = ctx
            .char_here()
            .map(|c| format!("'{c}' "))
            .unwrap_or_default();
        return (
            code::YAML_CU_PHAP,
            format!("Giá trị bắt đầu bằng ký tự {c}có nghĩa riêng trong cách ghi của biểu mẫu."),
            Some("Đặt cả giá trị trong dấu nháy kép \"...\".".into()),
            ctx.pos,
        );
    }
    if english.contains("block sequence entries are not allowed") {
        return (
            code::YAML_CU_PHAP,
            "Dòng bắt đầu bằng \"- \" (một mục của danh sách) nằm sai chỗ: nó phải ở dưới một khóa kết thúc bằng dấu hai chấm.".into(),
            Some("Ví dụ:\nkho_khan:\n  - \"Khó khăn thứ nhất\"\n  - \"Khó khăn thứ hai\"".into()),
            ctx.pos,
        );
    }
    if (english.contains("mapping values are not allowed") || english.contains("simple key"))
        && let Some(d) = colon_in_value(ctx)
    {
        return d;
    }
    if english.contains("indent")
        || english.contains("did not find expected key")
        || english.contains("expected '-' indicator")
        || english.contains("block mapping")
        || english.contains("block sequence")
        || english.contains("mapping values")
        || english.contains("mapping keys")
        || english.contains("block collection")
    {
        return indentation(ctx);
    }
    (
        code::YAML_CU_PHAP,
        "Dòng này viết chưa đúng cách ghi của biểu mẫu, nên không đọc được tệp từ đây.".into(),
        Some("So với biểu mẫu: mỗi dòng có dạng \"khóa: giá trị\", các dòng cùng cấp thẳng cột, đoạn chữ có dấu hai chấm hoặc dấu # thì đặt trong dấu nháy kép \"...\".".into()),
        ctx.pos,
    )
}

/// The spaces a line should start with: those of the line above, two more when it opens a
/// list item ("- ") or a group ("khóa:" with nothing after).
fn expected_indent(ctx: &Context, line: u32) -> Option<usize> {
    let above = (1..line)
        .rev()
        .filter_map(|n| ctx.line(n))
        .find(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))?;
    let indent = above.len() - above.trim_start_matches(' ').len();
    let body = above.trim();
    Some(if body.starts_with("- ") || body.ends_with(':') {
        indent + 2
    } else {
        indent
    })
}

fn spaces(n: usize) -> String {
    match n {
        0 => "không có dấu cách nào ở đầu dòng".into(),
        n => format!("{n} dấu cách"),
    }
}

fn tab(ctx: &Context) -> Described {
    // Point at the first tab of the line the parser stopped at, or of the line before.
    let lines = ctx
        .pos
        .map(|p| [p.line, p.line.saturating_sub(1)])
        .unwrap_or_default();
    let found = lines.iter().find_map(|&n| {
        let col = ctx.line(n)?.chars().position(|c| c == '\t')?;
        Some(Pos::span(n, col as u32 + 1, 1))
    });
    let pos = found.or(ctx.pos);
    let want = pos.and_then(|p| expected_indent(ctx, p.line));
    let hint = match want {
        Some(n) => format!(
            "Xóa ký tự Tab ở đầu dòng và gõ {} để thẳng cột với các dòng cùng cấp.",
            spaces(n)
        ),
        None => "Xóa ký tự Tab ở đầu dòng và thụt lề bằng dấu cách (mỗi cấp 2 dấu cách).".into(),
    };
    (
        code::YAML_TAB,
        "Dòng này thụt lề bằng phím Tab; biểu mẫu chỉ cho phép thụt lề bằng dấu cách.".into(),
        Some(hint),
        pos,
    )
}

fn unclosed_quote(ctx: &Context) -> Described {
    let q = match ctx.char_here() {
        Some('\'') => '\'',
        _ => '"',
    };
    let kind = if q == '"' { "kép" } else { "đơn" };
    (
        code::YAML_THIEU_NHAY,
        format!("Đoạn chữ mở bằng dấu nháy {kind} ({q}) ở đây nhưng không có dấu nháy đóng."),
        Some(format!(
            "Thêm dấu {q} ở cuối đoạn chữ, trên cùng dòng. Nếu trong đoạn chữ có dấu {q}, viết {}.",
            if q == '"' {
                "\\\" thay cho nó"
            } else {
                "'' (hai dấu nháy đơn) thay cho nó"
            }
        )),
        ctx.pos,
    )
}

fn trailing_after_quote(ctx: &Context, single: bool) -> Described {
    let (q, other) = if single { ('\'', '"') } else { ('"', '\'') };
    let line = ctx.here().unwrap_or_default();
    let fixed = line.split_once(": ").map(|(key, value)| {
        let inner = value.trim().trim_matches(q);
        format!("{key}: {other}{inner}{other}")
    });
    let rest: String = ctx
        .pos
        .and_then(|p| {
            ctx.here()
                .map(|l| l.chars().skip(p.col as usize - 1).collect())
        })
        .unwrap_or_default();
    (
        code::YAML_CU_PHAP,
        format!(
            "Sau dấu nháy đóng còn chữ '{}': có lẽ trong đoạn chữ có dấu nháy {q} làm nó kết thúc sớm.",
            clip(rest.trim())
        ),
        Some(match fixed {
            Some(f) => format!(
                "Bao cả đoạn chữ bằng dấu nháy {other} khác loại: {}",
                clip(&f)
            ),
            None => format!("Bao cả đoạn chữ bằng dấu nháy {other} khác loại."),
        }),
        ctx.pos,
    )
}

fn colon_in_value(ctx: &Context) -> Option<Described> {
    let line = ctx.here()?;
    let (key, value) = line.split_once(": ")?;
    if !value.contains(": ") && !value.trim_end().ends_with(':') {
        return None;
    }
    let value = value.trim().replace('"', "\\\"");
    Some((
        code::YAML_CU_PHAP,
        "Giá trị có dấu hai chấm và dấu cách (\": \"), nên dòng này đọc thành hai khóa.".into(),
        Some(format!(
            "Đặt cả giá trị trong dấu nháy kép: {}",
            clip(&format!("{key}: \"{value}\""))
        )),
        ctx.pos,
    ))
}

fn indentation(ctx: &Context) -> Described {
    let want = ctx.pos.and_then(|p| expected_indent(ctx, p.line));
    let hint = match want {
        Some(n) => format!(
            "Các khóa cùng cấp phải thẳng cột: dòng này cần {} ở đầu, như dòng cùng cấp ở trên; sau dấu hai chấm cần một dấu cách.",
            spaces(n)
        ),
        None => "Các khóa cùng cấp phải thẳng cột; sau dấu hai chấm cần một dấu cách.".into(),
    };
    (
        code::YAML_CU_PHAP,
        "Dòng này thụt lề không thẳng cột với các dòng cùng cấp, hoặc thiếu dấu cách sau dấu hai chấm.".into(),
        Some(hint),
        ctx.pos,
    )
}

/// Depth, size and alias bombs.
fn limits(english: &str, ctx: &Context) -> Option<Described> {
    if english.contains("budget breached: depth")
        || english.contains("recursion limit")
        || english.contains("nesting")
    {
        return Some((
            code::YAML_QUA_SAU,
            "Tệp có cấu trúc lồng nhau quá sâu, không phải một báo cáo hợp lệ.".into(),
            Some("Báo cáo chỉ có vài cấp thụt lề; hãy lập lại tệp từ biểu mẫu.".into()),
            ctx.pos,
        ));
    }
    if !(english.contains("budget breached")
        || english.contains("alias")
        || english.contains("anchor")
        || english.contains("limit"))
    {
        return None;
    }
    let uses_aliases = english.contains("alias")
        || english.contains("anchor")
        || (ctx.text.contains('&') && ctx.text.contains('*'));
    Some(if uses_aliases && !english.contains("events") {
        (
            code::YAML_QUA_LON,
            "Tệp dùng bí danh (&, *) nhân bản dữ liệu vượt giới hạn cho phép của một báo cáo."
                .into(),
            Some(
                "Không dùng bí danh YAML (& và *) trong báo cáo; ghi trực tiếp từng giá trị."
                    .into(),
            ),
            ctx.pos,
        )
    } else {
        (
            code::YAML_QUA_LON,
            "Tệp có quá nhiều mục (hàng trăm nghìn giá trị), vượt giới hạn cho phép của một báo cáo.".into(),
            Some("Một báo cáo chỉ có vài chục nhiệm vụ và chỉ tiêu; lập lại tệp từ biểu mẫu.".into()),
            ctx.pos,
        )
    })
}
