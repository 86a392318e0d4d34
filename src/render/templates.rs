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

/// A problem with the templates, with Tera's whole cause chain in the message.
#[derive(Debug)]
pub struct TemplateError(pub String);

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

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

/// Loads the templates: from the folder given (which must hold them), else from `templates/`
/// in the working directory when it holds `base.txt`, else the built-in ones.
pub fn load(given: Option<&Path>) -> Result<Tera, TemplateError> {
    if let Some(d) = given
        && !d.join("base.txt").is_file()
    {
        // A mistyped --templates must not silently print the built-in wording.
        return Err(TemplateError(format!(
            "Thư mục mẫu báo cáo {} không có tệp base.txt (cần đủ các tệp {}).",
            d.display(),
            BUILT_IN.map(|(n, _)| n).join(", ")
        )));
    }
    match find_dir(given).filter(|d| d.join("base.txt").is_file()) {
        Some(d) => from_folder(&d),
        None => built_in(),
    }
}

/// The templates built into the binary.
pub fn built_in() -> Result<Tera, TemplateError> {
    let mut tera = new_tera();
    tera.add_raw_templates(BUILT_IN)
        .map_err(|e| TemplateError(format!("Mẫu báo cáo có sẵn có lỗi: {}", chain(&e))))?;
    Ok(tera)
}

fn from_folder(d: &Path) -> Result<Tera, TemplateError> {
    let mut files = Vec::new();
    for (name, _) in BUILT_IN {
        let p = d.join(name);
        let bytes = std::fs::read(&p).map_err(|e| {
            TemplateError(format!("Không đọc được mẫu báo cáo {}: {e}", p.display()))
        })?;
        // Decoded like every input file (BOM, UTF-16, NFC, characters XML forbids removed),
        // so that a template saved by any editor writes clean document text.
        let (text, _) = crate::input::text::decode_owned(name, bytes)
            .map_err(|d| TemplateError(format!("Mẫu báo cáo {}: {}", p.display(), d.message)))?;
        files.push((name, text));
    }
    let mut tera = new_tera();
    tera.add_raw_templates(files.iter().map(|(n, t)| (*n, t.as_str())))
        .map_err(|e| {
            TemplateError(format!(
                "Mẫu báo cáo trong {} có lỗi: {}",
                d.display(),
                chain(&e)
            ))
        })?;
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
    let context = tera::Context::from_serialize(ctx)
        .map_err(|e| TemplateError(format!("Không tạo được dữ liệu cho mẫu: {}", chain(&e))))?;
    tera.render(name, &context)
        .map_err(|e| TemplateError(format!("Lỗi khi dùng mẫu {name}: {}", chain(&e))))
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
    // 2 → 02
    tera.register_filter("hai_chu_so", |n: i64, _: Kwargs, _: &State| {
        format::two_digits(n)
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

/// The templates folder: the one given, else `templates/` in the working directory.
fn find_dir(given: Option<&Path>) -> Option<PathBuf> {
    match given {
        Some(d) => Some(d.to_path_buf()),
        None => {
            let d = PathBuf::from("templates");
            d.join("base.txt").is_file().then_some(d)
        }
    }
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
    fn template_files_are_decoded_like_input_files() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in BUILT_IN {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        // Notepad's BOM, a decomposed "ế", a control character.
        std::fs::write(
            dir.path().join("don-doc.txt"),
            "\u{FEFF}Kính gửi: {{ ten }}\u{1}. Ke\u{302}\u{301}t thúc",
        )
        .unwrap();
        let tera = load(Some(dir.path())).unwrap();
        let out = render(&tera, "don-doc.txt", &serde_json::json!({"ten": "A"})).unwrap();
        assert_eq!(out, "Kính gửi: A. Kết thúc");
    }

    #[test]
    fn bad_dates_in_filters_are_errors_that_name_the_value() {
        let mut tera = Tera::default();
        register_filters(&mut tera);
        tera.add_raw_template("t.txt", "{{ d | ngay }}").unwrap();
        let e = render(&tera, "t.txt", &serde_json::json!({"d": "14/03/2024"})).unwrap_err();
        assert!(e.0.contains("14/03/2024"), "{e}");
    }
}
