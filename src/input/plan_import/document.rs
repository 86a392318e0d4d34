//! A plan document to blocks of text, in document order: a `.docx`'s paragraphs and tables
//! (each table row by row, each cell its paragraphs), a `.txt`'s lines, a `.md`'s lines and
//! pipe tables. What the blocks mean is decided in `layout`.

use crate::input::decode;
use crate::input::plan_import::numbering::{Numbering, ParaNum};
use quick_xml::events::Event;
use std::io::Read;

/// One paragraph (a line of a text file) or one table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A paragraph's text; a line break inside it is `\n`.
    Para(String),
    /// Rows of cells; a cell's paragraphs are joined with `\n`. A cell spanning several
    /// columns is followed by empty cells, so that columns line up.
    Table(Vec<Vec<String>>),
}

/// The kinds of plan document the import reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Docx,
    Text,
    Markdown,
}

impl Format {
    /// The format of a file, by its extension (any case).
    pub fn of(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "docx" => Some(Format::Docx),
            "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// The largest `word/document.xml` read (uncompressed): far above any plan, well below what
/// would exhaust memory.
const MAX_XML: u64 = 64 * 1024 * 1024;

/// Reads a document's bytes into blocks; the error is a Vietnamese message.
pub fn read_blocks(name: &str, bytes: Vec<u8>, format: Format) -> Result<Vec<Block>, String> {
    match format {
        Format::Docx => docx_blocks(&bytes),
        Format::Text | Format::Markdown => {
            let (text, _) = decode::decode_owned(name, bytes).map_err(|d| {
                let mut m = d.message;
                if let Some(h) = d.hint {
                    m.push(' ');
                    m.push_str(&h);
                }
                m
            })?;
            Ok(if format == Format::Markdown {
                markdown_blocks(&text)
            } else {
                text.lines().map(|l| Block::Para(l.to_string())).collect()
            })
        }
    }
}

fn not_docx() -> String {
    "Tệp không phải là văn bản Word (.docx) hợp lệ; hãy mở bằng Word và lưu lại dưới dạng \
     .docx (kiểu Tài liệu Word)."
        .to_string()
}

/// The blocks of a `.docx`: `word/document.xml` read as a stream.
fn docx_blocks(bytes: &[u8]) -> Result<Vec<Block>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|_| not_docx())?;
    let xml = part(&mut zip, "word/document.xml")?.ok_or_else(not_docx)?;
    let numbering = Numbering::read(
        &part(&mut zip, "word/numbering.xml")?.unwrap_or_default(),
        &part(&mut zip, "word/styles.xml")?.unwrap_or_default(),
    );
    let mut walker = DocxWalker {
        numbering,
        ..DocxWalker::default()
    };
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        match reader.read_event().map_err(|_| not_docx())? {
            Event::Start(e) => walker.open(e.local_name().as_ref(), &e),
            Event::Empty(e) => {
                walker.open(e.local_name().as_ref(), &e);
                walker.close(e.local_name().as_ref());
            }
            Event::End(e) => walker.close(e.local_name().as_ref()),
            Event::Text(t) if walker.in_text => {
                walker.push_text(&t.xml10_content().map_err(|_| not_docx())?);
            }
            Event::CData(t) if walker.in_text => {
                walker.push_text(&String::from_utf8_lossy(&t));
            }
            Event::GeneralRef(r) if walker.in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.decode().map_err(|_| not_docx())?.as_ref() {
                        "amp" => Some('&'),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    walker.push_text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(walker
        .blocks
        .into_iter()
        .map(|b| match b {
            Block::Para(p) => Block::Para(clean(&p)),
            Block::Table(rows) => Block::Table(
                rows.into_iter()
                    .map(|r| r.into_iter().map(|c| clean(&c)).collect())
                    .collect(),
            ),
        })
        .collect())
}

/// A part of the package as text; `None` when there is no such part.
fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let Ok(entry) = zip.by_name(name) else {
        return Ok(None);
    };
    let mut xml = String::new();
    entry
        .take(MAX_XML + 1)
        .read_to_string(&mut xml)
        .map_err(|_| not_docx())?;
    if xml.len() as u64 > MAX_XML {
        return Err("Văn bản quá lớn để đọc như một kế hoạch.".to_string());
    }
    Ok(Some(xml))
}

/// NFC, without the characters XML forbids or the invisible ones Word leaves behind.
fn clean(s: &str) -> String {
    crate::text::nfc(
        s.chars()
            .filter(|&c| {
                !crate::text::is_xml_forbidden(c)
                    && !matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{AD}')
            })
            .map(|c| if c == '\u{A0}' { ' ' } else { c })
            .collect(),
    )
}

/// The state of the walk over `document.xml`.
#[derive(Default)]
struct DocxWalker {
    blocks: Vec<Block>,
    /// Open tables, innermost last; only the outermost becomes a block, the text of nested
    /// ones goes into its cell.
    depth: usize,
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: Option<String>,
    /// The cell's `w:gridSpan`.
    span: usize,
    /// Open paragraphs, innermost last (a text box's paragraphs sit inside a paragraph), each
    /// with its numbering.
    paras: Vec<(String, ParaNum)>,
    /// The labels Word draws for numbered paragraphs.
    numbering: Numbering,
    in_text: bool,
    /// Inside `w:pPr`, whose `w:tab` elements are tab stops, not text.
    in_props: bool,
}

impl DocxWalker {
    fn open(&mut self, name: &[u8], e: &quick_xml::events::BytesStart) {
        match name {
            b"tbl" => self.depth += 1,
            b"tr" if self.depth == 1 => self.row.clear(),
            b"tc" if self.depth == 1 => {
                self.cell = Some(String::new());
                self.span = 1;
            }
            b"gridSpan" if self.depth == 1 => {
                self.span = e
                    .attributes()
                    .flatten()
                    .find(|a| a.key.local_name().as_ref() == b"val")
                    .and_then(|a| String::from_utf8_lossy(&a.value).parse().ok())
                    .unwrap_or(1)
                    .clamp(1, 64);
            }
            b"p" => self.paras.push((String::new(), ParaNum::default())),
            b"numId" | b"ilvl" | b"pStyle" if self.in_props => {
                if let Some((_, num)) = self.paras.last_mut() {
                    num.property(e);
                }
            }
            b"t" => self.in_text = true,
            b"pPr" => self.in_props = true,
            b"tab" if !self.in_text && !self.in_props => self.push_text("\t"),
            b"br" | b"cr" => self.push_text("\n"),
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8]) {
        match name {
            b"t" => self.in_text = false,
            b"pPr" => self.in_props = false,
            b"p" => {
                let (text, num) = self.paras.pop().unwrap_or_default();
                let text = text.replace('\t', " ");
                let text = match self.numbering.label(&num) {
                    Some(label) => format!("{label} {text}"),
                    None => text,
                };
                match &mut self.cell {
                    Some(cell) if self.depth > 0 => {
                        if !cell.is_empty() {
                            cell.push('\n');
                        }
                        cell.push_str(&text);
                    }
                    _ => self.blocks.push(Block::Para(text)),
                }
            }
            b"tc" if self.depth == 1 => {
                self.row.push(self.cell.take().unwrap_or_default());
                for _ in 1..self.span {
                    self.row.push(String::new());
                }
            }
            b"tr" if self.depth == 1 => self.rows.push(std::mem::take(&mut self.row)),
            b"tbl" => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 0 {
                    self.blocks
                        .push(Block::Table(std::mem::take(&mut self.rows)));
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, s: &str) {
        if let Some((p, _)) = self.paras.last_mut() {
            p.push_str(s);
        }
    }
}

/// Markdown: a line is a paragraph (heading marks `#` taken off); consecutive lines that
/// start with `|` are a table, its `|---|` line left out. Emphasis is kept as written.
fn markdown_blocks(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut table: Vec<Vec<String>> = Vec::new();
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with('|') {
            let inner = t.trim_start_matches('|');
            let inner = inner.strip_suffix('|').unwrap_or(inner);
            let cells: Vec<String> = split_pipes(inner);
            let rule = cells
                .iter()
                .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
            if !rule {
                table.push(cells);
            }
            continue;
        }
        if !table.is_empty() {
            blocks.push(Block::Table(std::mem::take(&mut table)));
        }
        let t = t.trim_start_matches('#').trim_start();
        blocks.push(Block::Para(unbold(t)));
    }
    if !table.is_empty() {
        blocks.push(Block::Table(table));
    }
    blocks
}

/// Bold marks (`**`, `__`) taken off: they carry nothing a plan file keeps, and they hide
/// labels ("**a)** …", "- **Cơ quan chủ trì:** …"). Single `*` (italics) are kept as written.
fn unbold(s: &str) -> String {
    s.replace("**", "").replace("__", "")
}

/// A table row's cells: split at `|` but not at `\|`; `<br>` is a line break in a cell.
fn split_pipes(s: &str) -> Vec<String> {
    let mut cells = Vec::new();
    let mut cur = String::new();
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cur.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cur)),
            c => cur.push(c),
        }
    }
    cells.push(cur);
    cells
        .into_iter()
        .map(|c| {
            unbold(&c)
                .replace("<br>", "\n")
                .replace("<br/>", "\n")
                .replace("<br />", "\n")
                .trim()
                .to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docx(body: &str) -> Vec<u8> {
        let mut raw = std::io::Cursor::new(Vec::new());
        let mut z = zip::ZipWriter::new(&mut raw);
        z.start_file(
            "word/document.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .unwrap();
        std::io::Write::write_all(
            &mut z,
            format!(
                "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
            )
            .as_bytes(),
        )
        .unwrap();
        z.finish().unwrap();
        raw.into_inner()
    }

    #[test]
    fn docx_paragraphs_and_tables_in_order() {
        let body = "<w:p><w:r><w:t>a) Một </w:t></w:r><w:r><w:t xml:space=\"preserve\">&amp; hai</w:t><w:tab/><w:t>ba</w:t></w:r></w:p>\
            <w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>1. Lĩnh vực</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr>\
            <w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p><w:p><w:r><w:t>y</w:t><w:br/><w:t>z</w:t></w:r></w:p></w:tc><w:tc/></w:tr></w:tbl>\
            <w:p><w:r><w:delText>bỏ</w:delText><w:t>sau</w:t></w:r></w:p>";
        let blocks = read_blocks("k.docx", docx(body), Format::Docx).unwrap();
        assert_eq!(
            blocks,
            [
                Block::Para("a) Một & hai ba".into()),
                Block::Table(vec![
                    vec!["1. Lĩnh vực".into(), "".into(), "".into()],
                    vec!["a".into(), "x\ny\nz".into(), "".into()],
                ]),
                Block::Para("sau".into()),
            ]
        );
    }

    #[test]
    fn not_a_docx_is_a_message() {
        let e = read_blocks("k.docx", b"PK\x03\x04junk".to_vec(), Format::Docx).unwrap_err();
        assert!(e.contains(".docx"), "{e}");
    }

    #[test]
    fn markdown_lines_and_tables() {
        let md = "# KẾ HOẠCH\n\n| STT | Nhiệm vụ |\n|---|:--|\n| a | x \\| y<br>z |\n- **Sản phẩm:** *nghiêng*";
        assert_eq!(
            markdown_blocks(md),
            [
                Block::Para("KẾ HOẠCH".into()),
                Block::Para("".into()),
                Block::Table(vec![
                    vec!["STT".into(), "Nhiệm vụ".into()],
                    vec!["a".into(), "x | y\nz".into()],
                ]),
                Block::Para("- Sản phẩm: *nghiêng*".into()),
            ]
        );
    }

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of("KH 2025.DOCX"), Some(Format::Docx));
        assert_eq!(Format::of("a.md"), Some(Format::Markdown));
        assert_eq!(Format::of("a.txt"), Some(Format::Text));
        assert_eq!(Format::of("a.doc"), None);
        assert_eq!(Format::of("noext"), None);
    }
}
