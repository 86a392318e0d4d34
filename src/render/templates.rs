//! Tera set-up: the report templates (`templates/*.txt`, one per report kind over
//! `base.txt`), the Vietnamese formatting filters, and escaping that keeps submitted text from
//! changing the document's structure (see [`crate::render::markup`]).
//!
//! Templates are read at run time from a `templates/` folder when there is one (so that Phòng
//! Nội vụ can change the wording without recompiling); otherwise the copies built into the
//! binary are used.

use crate::render::format;
use crate::render::markup;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use tera::{Kwargs, State, Tera, TeraResult};

/// The template files, by name, as built into the binary.
const BUILT_IN: [(&str, &str); 7] = [
    ("base.txt", include_str!("../../templates/base.txt")),
    ("quy.txt", include_str!("../../templates/quy.txt")),
    ("6t.txt", include_str!("../../templates/6t.txt")),
    ("9t.txt", include_str!("../../templates/9t.txt")),
    ("nam.txt", include_str!("../../templates/nam.txt")),
    ("nhiem-vu.txt", include_str!("../../templates/nhiem-vu.txt")),
    ("don-doc.txt", include_str!("../../templates/don-doc.txt")),
];

/// The names of the template files.
pub const NAMES: [&str; 7] = [
    BUILT_IN[0].0,
    BUILT_IN[1].0,
    BUILT_IN[2].0,
    BUILT_IN[3].0,
    BUILT_IN[4].0,
    BUILT_IN[5].0,
    BUILT_IN[6].0,
];

/// A problem with the templates, with Tera's whole cause chain.
#[derive(Debug)]
pub enum TemplateError {
    /// The built-in templates do not compile (a bug).
    BuiltIn(String),
    /// The templates of a folder do not compile.
    Folder { dir: PathBuf, chain: String },
    /// The view model could not be handed to Tera.
    Context(String),
    /// A template failed while it was rendered.
    Render { name: String, chain: String },
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            TemplateError::BuiltIn(chain) => write!(f, "Mẫu báo cáo có sẵn có lỗi: {chain}"),
            TemplateError::Folder { dir, chain } => {
                write!(f, "Mẫu báo cáo trong {} có lỗi: {chain}", dir.display())
            }
            TemplateError::Context(chain) => {
                write!(f, "Không tạo được dữ liệu cho mẫu: {chain}")
            }
            TemplateError::Render { name, chain } => {
                write!(f, "Lỗi khi dùng mẫu {name}: {chain}")
            }
        }
    }
}

impl std::error::Error for TemplateError {}

/// The error and its causes, joined: Tera's top-level error hides the real cause.
fn chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

/// A Tera with the line language's escaping and the Vietnamese filters, and no templates.
fn new_tera() -> Tera {
    let mut tera = Tera::default();
    tera.autoescape_on([".txt"]);
    tera.set_escape_fn(escape_fn);
    register_filters(&mut tera);
    tera
}

/// The templates: those read from a folder (`dir` and its files, every name of [`NAMES`]),
/// else the built-in ones.
pub fn compile(folder: Option<(&Path, &[(&str, String)])>) -> Result<Tera, TemplateError> {
    let mut tera = new_tera();
    match folder {
        Some((dir, files)) => tera
            .add_raw_templates(files.iter().map(|(n, t)| (*n, t.as_str())))
            .map_err(|e| TemplateError::Folder {
                dir: dir.to_path_buf(),
                chain: chain(&e),
            })?,
        None => tera
            .add_raw_templates(BUILT_IN)
            .map_err(|e| TemplateError::BuiltIn(chain(&e)))?,
    }
    Ok(tera)
}

/// The template of a report kind ("quy", "6t", "9t", "nam").
pub fn template_name(kind: &str) -> String {
    format!("{kind}.txt")
}

/// Renders a template with a serialisable context.
pub fn render(
    tera: &Tera,
    name: &str,
    ctx: &impl serde::Serialize,
) -> Result<String, TemplateError> {
    let context =
        tera::Context::from_serialize(ctx).map_err(|e| TemplateError::Context(chain(&e)))?;
    tera.render(name, &context)
        .map_err(|e| TemplateError::Render {
            name: name.to_string(),
            chain: chain(&e),
        })
}

fn escape_fn(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut s = String::with_capacity(input.len());
    markup::escape(input, &mut s);
    out.write_all(s.as_bytes())
}

fn parse_iso(s: &str) -> TeraResult<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| tera::Error::message(format!("'{s}' không phải ngày dạng YYYY-MM-DD")))
}

fn decimals(kwargs: &Kwargs, default: Option<usize>) -> TeraResult<Option<usize>> {
    Ok(kwargs.get::<usize>("thap_phan")?.or(default))
}

/// Registers the filters the templates use (each a thin wrapper over [`format`]).
pub fn register_filters(tera: &mut Tera) {
    // 2024-01-05 → 05/01/2024
    tera.register_filter("ngay", |s: &str, _: Kwargs, _: &State| {
        parse_iso(s).map(format::short_date)
    });
    // 2024-01-05 → ngày 05 tháng 01 năm 2024
    tera.register_filter("ngay_day_du", |s: &str, _: Kwargs, _: &State| {
        parse_iso(s).map(format::full_date)
    });
    // 1234.5 → 1.234,5
    tera.register_filter("so", |x: f64, k: Kwargs, _: &State| {
        Ok::<_, tera::Error>(format::number(x, decimals(&k, None)?))
    });
    // 44.444 → 44,4%
    tera.register_filter("phan_tram", |x: f64, k: Kwargs, _: &State| {
        Ok::<_, tera::Error>(format::percent(x, decimals(&k, Some(1))?.unwrap_or(1)))
    });
    // 2 → 02 (a count; a figure with decimals is printed as `so` prints it)
    tera.register_filter("hai_chu_so", |x: f64, _: Kwargs, _: &State| {
        format::count(x)
    });
    // 4 → IV
    tera.register_filter("la_ma", |n: u32, _: Kwargs, _: &State| format::roman(n));
    // 5 → đ
    tera.register_filter("chu_cai", |n: usize, _: Kwargs, _: &State| {
        format::letter(n)
    });
    // quý I năm 2024 → QUÝ I NĂM 2024
    tera.register_filter("in_hoa", |s: &str, _: Kwargs, _: &State| format::upper(s));
    // Cải cách hành chính → cải cách hành chính (acronyms such as "UBND" stay)
    tera.register_filter("thuong_dau", |s: &str, _: Kwargs, _: &State| {
        format::lower_first(s)
    });
    // hoàn thành → Hoàn thành
    tera.register_filter("hoa_dau", |s: &str, _: Kwargs, _: &State| {
        format::upper_first(s)
    });
    // ["A", "B", "C"] → A, B và C
    tera.register_filter("noi", |v: Vec<String>, _: Kwargs, _: &State| {
        format::join_and(&v)
    });
    // a long text → its first `so_tu` words and "…"
    tera.register_filter("rut_gon", |s: &str, k: Kwargs, _: &State| {
        Ok::<_, tera::Error>(format::shorten(s, k.get::<usize>("so_tu")?.unwrap_or(30)))
    });
    // "Tự kiểm tra ..." ends with "." → no second full stop
    tera.register_filter("cham_cuoi", |s: &str, _: Kwargs, _: &State| {
        format::end_sentence(s)
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(t: &str, ctx: serde_json::Value) -> String {
        let mut tera = new_tera();
        tera.add_raw_template("t.txt", t).unwrap();
        render(&tera, "t.txt", &ctx).unwrap()
    }

    #[test]
    fn filters_format_the_vietnamese_way() {
        let ctx = serde_json::json!({"d": "2024-01-05", "x": 1234.5, "p": 44.444, "n": 2, "v": ["A", "B", "C"]});
        assert_eq!(one("{{ d | ngay }}", ctx.clone()), "05/01/2024");
        assert_eq!(
            one("{{ d | ngay_day_du }}", ctx.clone()),
            "ngày 05 tháng 01 năm 2024"
        );
        assert_eq!(one("{{ x | so }}", ctx.clone()), "1.234,5");
        assert_eq!(one("{{ x | so(thap_phan=0) }}", ctx.clone()), "1.235");
        assert_eq!(one("{{ p | phan_tram }}", ctx.clone()), "44,4%");
        assert_eq!(
            one("{{ p | phan_tram(thap_phan=2) }}", ctx.clone()),
            "44,44%"
        );
        assert_eq!(one("{{ n | hai_chu_so }}", ctx.clone()), "02");
        assert_eq!(one("{{ 7.0 | hai_chu_so }}", ctx.clone()), "07");
        assert_eq!(one("{{ 1234 | hai_chu_so }}", ctx.clone()), "1.234");
        assert_eq!(one("{{ x | hai_chu_so }}", ctx.clone()), "1.234,5");
        assert_eq!(one("{{ 4 | la_ma }}", ctx.clone()), "IV");
        assert_eq!(one("{{ 5 | chu_cai }}", ctx.clone()), "đ");
        assert_eq!(one("{{ v | noi }}", ctx.clone()), "A, B và C");
        assert_eq!(one("{{ \"quý I\" | in_hoa }}", ctx.clone()), "QUÝ I");
    }

    #[test]
    fn printed_values_are_escaped_for_the_line_language() {
        let out = one(
            "Kết quả: {{ s }}",
            serde_json::json!({"s": "# giả\n- dòng"}),
        );
        let doc = markup::parse(&out);
        assert_eq!(doc.blocks.len(), 1);
        assert_eq!(
            markup::inline_text(match &doc.blocks[0] {
                markup::Block::Paragraph(p) => p,
                b => panic!("{b:?}"),
            }),
            "Kết quả: # giả - dòng"
        );
    }

    #[test]
    fn bad_dates_in_filters_are_errors_that_name_the_value() {
        let mut tera = Tera::default();
        register_filters(&mut tera);
        tera.add_raw_template("t.txt", "{{ d | ngay }}").unwrap();
        let e = render(&tera, "t.txt", &serde_json::json!({"d": "14/03/2024"})).unwrap_err();
        assert!(e.to_string().contains("14/03/2024"), "{e}");
    }
}
