//! The small line language the report templates write, and the escaping that keeps submitted
//! text from ever changing the document's structure.
//!
//! A rendered template is read line by line:
//!
//! | line                 | becomes                                                    |
//! |----------------------|------------------------------------------------------------|
//! | `# I. Tiêu đề`       | section heading, set bold in capitals                       |
//! | `## 1. Tiêu đề`      | heading, bold                                               |
//! | `### a) Tiêu đề`     | point heading, upright (ND30: "điểm")                       |
//! | `- nội dung`         | a dash line ("- nội dung")                                 |
//! | `@khoa giá trị`      | a setting for the renderer (`@trich_yeu …`)                 |
//! | any other text       | a body paragraph; `**…**` inside it is bold                |
//! | blank line           | nothing                                                    |
//!
//! Templates write the numbers themselves (with the `la_ma` and `chu_cai` filters, or the
//! plan's own labels), so that a plan's quirks ("c)" twice) stay as the plan has them.
//!
//! Every value a template prints is passed through [`escape`] first (Tera's escape function):
//! line breaks and every character the language gives a meaning to are replaced by private-use
//! characters, so a value can never start a line, open a heading or turn text bold. After the
//! structure is read, [`Inline`] texts are turned back ([`unescape`]): what a unit typed is
//! printed literally, and its line breaks become line breaks inside the same paragraph.

/// Characters with a meaning in the line language, and their private-use stand-ins.
const SPECIAL: [(char, char); 6] = [
    ('\n', '\u{E000}'),
    ('#', '\u{E001}'),
    ('-', '\u{E002}'),
    ('*', '\u{E003}'),
    ('@', '\u{E004}'),
    ('\r', '\u{E005}'),
];

const PUA_FIRST: char = '\u{E000}';
const PUA_LAST: char = '\u{E0FF}';

/// Escapes a value for the line language (used as Tera's escape function).
pub fn escape(input: &str, out: &mut String) {
    for c in input.chars() {
        if let Some((_, stand_in)) = SPECIAL.iter().find(|(s, _)| *s == c) {
            if c == '\r' {
                continue; // "\r\n" is one line break; a lone "\r" is dropped.
            }
            out.push(*stand_in);
        } else if (PUA_FIRST..=PUA_LAST).contains(&c) || crate::text::is_xml_forbidden(c) {
            // Our stand-ins cannot come from data; characters XML forbids are never printed.
        } else {
            out.push(c);
        }
    }
}

/// One piece of paragraph text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text {
        text: String,
        bold: bool,
    },
    /// A line break inside the paragraph (from a line break in a unit's text).
    Break,
}

/// One block of the document body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A heading of level 1 (I.), 2 (1.) or 3 (a)).
    Heading { level: u8, text: Vec<Inline> },
    /// A body paragraph.
    Paragraph(Vec<Inline>),
    /// A "- " line.
    Dash(Vec<Inline>),
}

/// A parsed document: settings (`@key value`) and blocks.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Document {
    pub settings: Vec<(String, String)>,
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn setting(&self, key: &str) -> Option<&str> {
        self.settings
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// Reads the rendered template text.
pub fn parse(text: &str) -> Document {
    let mut doc = Document::default();
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(rest) = line.strip_prefix('@') {
            let (k, v) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
            doc.settings
                .push((k.to_string(), plain(&unescape_inline(v.trim()))));
            continue;
        }
        let hashes = line.chars().take_while(|&c| c == '#').count();
        if (1..=3).contains(&hashes) && line[hashes..].starts_with(' ') {
            doc.blocks.push(Block::Heading {
                level: hashes as u8,
                text: inlines(line[hashes..].trim()),
            });
        } else if let Some(rest) = line.strip_prefix("- ") {
            doc.blocks.push(Block::Dash(inlines(rest.trim())));
        } else {
            doc.blocks.push(Block::Paragraph(inlines(line)));
        }
    }
    doc
}

/// Splits a line into runs: `**…**` written by the template is bold; escaped data is text.
fn inlines(line: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, part) in line.split("**").enumerate() {
        let bold = i % 2 == 1;
        let mut first = true;
        for piece in unescape_inline(part).split('\n') {
            if !first {
                out.push(Inline::Break);
            }
            first = false;
            if !piece.is_empty() {
                out.push(Inline::Text {
                    text: piece.to_string(),
                    bold,
                });
            }
        }
    }
    out
}

/// Turns stand-ins back into the characters they replaced.
pub fn unescape_inline(s: &str) -> String {
    s.chars()
        .map(|c| {
            SPECIAL
                .iter()
                .find(|(_, stand_in)| *stand_in == c)
                .map_or(c, |(orig, _)| *orig)
        })
        .collect()
}

/// A text on one line: line breaks become spaces.
pub fn plain(s: &str) -> String {
    s.split('\n')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of some inlines, with line breaks as spaces.
pub fn inline_text(v: &[Inline]) -> String {
    v.iter()
        .map(|i| match i {
            Inline::Text { text, .. } => text.as_str(),
            Inline::Break => " ",
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn esc(s: &str) -> String {
        let mut out = String::new();
        escape(s, &mut out);
        out
    }

    fn text(t: &str) -> Inline {
        Inline::Text {
            text: t.into(),
            bold: false,
        }
    }

    #[test]
    fn headings_by_level() {
        let d = parse("# I. Chỉ đạo\n## 1. Kế hoạch\n### c) Một\n#### không phải\n#không phải\n");
        assert_eq!(
            d.blocks,
            [
                Block::Heading {
                    level: 1,
                    text: vec![text("I. Chỉ đạo")]
                },
                Block::Heading {
                    level: 2,
                    text: vec![text("1. Kế hoạch")]
                },
                Block::Heading {
                    level: 3,
                    text: vec![text("c) Một")]
                },
                Block::Paragraph(vec![text("#### không phải")]),
                Block::Paragraph(vec![text("#không phải")]),
            ]
        );
    }

    #[test]
    fn paragraphs_dashes_bold_and_settings() {
        let d = parse(
            "@trich_yeu Kết quả quý I\n\nĐã ban hành **02 kế hoạch** trong kỳ.\n- Phòng Tư pháp: xong;\n",
        );
        assert_eq!(d.setting("trich_yeu"), Some("Kết quả quý I"));
        assert_eq!(
            d.blocks,
            [
                Block::Paragraph(vec![
                    text("Đã ban hành "),
                    Inline::Text {
                        text: "02 kế hoạch".into(),
                        bold: true
                    },
                    text(" trong kỳ.")
                ]),
                Block::Dash(vec![text("Phòng Tư pháp: xong;")]),
            ]
        );
    }

    #[test]
    fn submitted_text_never_changes_the_structure() {
        let hostile = "# Tiêu đề giả\n## 1. Mục giả\n- gạch đầu dòng\n**đậm** @trich_yeu giả\r\n{{ x }} <w:p>&amp; 1. 2.";
        let line = format!("Kết quả: {}", esc(hostile));
        let d = parse(&format!("{line}\n{}\n", esc("# chỉ một dòng")));
        assert_eq!(d.settings, []);
        assert_eq!(d.blocks.len(), 2);
        let Block::Paragraph(p) = &d.blocks[0] else {
            panic!("{:?}", d.blocks[0])
        };
        assert!(
            p.iter()
                .all(|i| !matches!(i, Inline::Text { bold: true, .. }))
        );
        assert_eq!(
            inline_text(p),
            "Kết quả: # Tiêu đề giả ## 1. Mục giả - gạch đầu dòng **đậm** @trich_yeu giả {{ x }} <w:p>&amp; 1. 2."
        );
        assert_eq!(p.iter().filter(|i| **i == Inline::Break).count(), 4);
        let Block::Paragraph(p) = &d.blocks[1] else {
            panic!()
        };
        assert_eq!(inline_text(p), "# chỉ một dòng");
    }

    #[test]
    fn escaping_drops_forbidden_and_private_use_characters() {
        assert_eq!(unescape_inline(&esc("a\u{B}b\u{0}c\u{E001}d")), "abcd");
        assert_eq!(unescape_inline(&esc("2019 - 2023 *")), "2019 - 2023 *");
    }
}
