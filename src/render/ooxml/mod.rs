//! Finishing pass for the DOCX files docx-rs 0.4.22 writes.
//!
//! docx-rs puts the children of many WordprocessingML property containers (`w:pPr`, `w:tcPr`,
//! `w:sectPr`, `w:style`, `w:settings`, ...) in an order the schema forbids, writes an
//! undeclared `w:type` on `w:gridCol`, puts `<w:rPr/>` into `w:pPr` elements that may not
//! contain one, stores every zip entry uncompressed and has no API for repeating table header
//! rows. Word may refuse or "repair" such files (LibreOffice does not care). [`finish_docx`]
//! turns its output into the file we ship:
//!
//! - every WordprocessingML part (`document`, `header*`, `footer*`, `styles`, `numbering`,
//!   `settings`, `footnotes`, `endnotes`, `comments`, `fontTable`) gets its element children
//!   stably sorted into schema order ([`order`]), with the small fixes of [`fixes`]
//!   (drop `gridCol/@w:type`; move or drop `w:rPr` in a `w:pPr` outside `w:p`; declare
//!   `mc:Ignorable` for Word extension elements in `w:settings` and put them last; empty the
//!   `w:ins`/`w:del` markers of tracked rows; un-double the braces of `w15:docId`);
//! - the header-row sentinel ([`TBL_HEADER_SENTINEL`], produced by [`header_row`]) becomes
//!   `<w:tblHeader />`;
//! - the `w14:paraId` values are renumbered 1, 2, 3, ... in document order (docx-rs draws them
//!   from a thread-local counter, so they would otherwise depend on what the thread built
//!   before), consistently in every part that refers to them;
//! - `docProps/core.xml` gets fixed creation and modification dates;
//! - the files are re-zipped deflated, in a fixed order, with 1980-01-01 timestamps (the
//!   directory entries docx-rs adds are dropped).
//!
//! Everything else is copied byte for byte: the parts are parsed with quick-xml only to find
//! the element boundaries, and the output is assembled from slices of the input. The pass is
//! idempotent and deterministic.

mod fixes;
mod order;
mod tags;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_docx;
mod tree;

use std::fmt;
use std::io::{Cursor, Read, Write};

use chrono::NaiveDate;
use docx_rs::{HeightRule, TableRow};
use tags::find;
use tree::{ParaIds, Tree};

/// The `w:trHeight` element docx-rs writes for a row built by [`header_row`]. The renderer puts
/// it on the header rows of data tables; [`finish_docx`] replaces it with `<w:tblHeader />`
/// (repeat the row at the top of every page), because docx-rs 0.4.22 has no API for that.
pub const TBL_HEADER_SENTINEL: &str = r#"<w:trHeight w:val="1" w:hRule="auto" />"#;

/// The row height (in twips, with `HeightRule::Auto`) that produces [`TBL_HEADER_SENTINEL`].
/// A 1-twip minimum height has no visible effect, so nothing is lost if the pass is skipped.
pub const TBL_HEADER_SENTINEL_HEIGHT: f32 = 1.0;

/// Marks `row` as a table header row, repeated on every page once [`finish_docx`] has run.
pub fn header_row(row: TableRow) -> TableRow {
    row.row_height(TBL_HEADER_SENTINEL_HEIGHT)
        .height_rule(HeightRule::Auto)
}

/// Why a DOCX file could not be finished.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OoxmlError {
    /// The zip container could not be read or written.
    Zip(String),
    /// A part of the package is not well-formed XML.
    Xml {
        /// The part's name inside the package, e.g. `word/document.xml`.
        part: String,
        /// What the parser reported.
        message: String,
    },
}

impl fmt::Display for OoxmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OoxmlError::Zip(message) => {
                write!(f, "Không xử lý được tệp DOCX: lỗi gói ZIP ({message})")
            }
            OoxmlError::Xml { part, message } => write!(
                f,
                "Không xử lý được tệp DOCX: phần {part} không phải XML hợp lệ ({message})"
            ),
        }
    }
}

impl std::error::Error for OoxmlError {}

fn zip_error(e: impl fmt::Display) -> OoxmlError {
    OoxmlError::Zip(e.to_string())
}

// ---------------------------------------------------------------------------------------------
// Package level
// ---------------------------------------------------------------------------------------------

/// Turns docx-rs output into the file we ship: every WordprocessingML part in schema order
/// with the fixes of [`fixes`], the header-row sentinel turned into `<w:tblHeader/>`,
/// entries deflated with fixed timestamps (1980-01-01) in a fixed order, and
/// `docProps/core.xml` dates set to midnight UTC of `created`.
pub fn finish_docx(raw: &[u8], created: NaiveDate) -> Result<Vec<u8>, OoxmlError> {
    let created = format!("{}T00:00:00Z", crate::render::format::iso_date(created));
    let created = created.as_str();
    let mut archive = zip::ZipArchive::new(Cursor::new(raw)).map_err(zip_error)?;
    let mut entries: Vec<(String, Vec<u8>)> = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).map_err(zip_error)?;
        if file.is_dir() {
            continue;
        }
        let name = file.name().map_err(zip_error)?.into_owned();
        let mut data = Vec::with_capacity(usize::try_from(file.size()).unwrap_or(0));
        file.read_to_end(&mut data).map_err(zip_error)?;
        entries.push((name, data));
    }
    entries.sort_by(|a, b| (entry_group(&a.0), &a.0).cmp(&(entry_group(&b.0), &b.0)));
    if let Some(w) = entries.windows(2).find(|w| w[0].0 == w[1].0) {
        return Err(OoxmlError::Zip(format!("mục {} xuất hiện hai lần", w[0].0)));
    }

    // The main document is processed first so that its paragraphs get the first paraIds.
    let mut work: Vec<usize> = (0..entries.len()).collect();
    work.sort_by_key(|&i| entries[i].0 != "word/document.xml");
    let mut para_ids = ParaIds::default();
    for i in work {
        let (name, data) = &entries[i];
        if let Some(kind) = part_kind(name, data) {
            let out = process_part(name, data, kind, created, &mut para_ids)?;
            entries[i].1 = out;
        }
    }

    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(zip::DateTime::default())
        .system(zip::System::Unix)
        .unix_permissions(0o644);
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(raw.len() / 4)));
    for (name, data) in &entries {
        writer
            .start_file(name.as_str(), options)
            .map_err(zip_error)?;
        writer.write_all(data).map_err(zip_error)?;
    }
    Ok(writer.finish().map_err(zip_error)?.into_inner())
}

/// Entry order in the output: the content types first and the package relationships second,
/// as Word writes them; everything else by name.
fn entry_group(name: &str) -> u8 {
    match name {
        "[Content_Types].xml" => 0,
        "_rels/.rels" => 1,
        _ => 2,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PartKind {
    /// A WordprocessingML part: sort and fix. `settings` marks `word/settings.xml`.
    Wml { settings: bool },
    /// Another part under `word/` that refers to paragraph ids (`commentsExtended.xml`, ...).
    ParaIdsOnly,
    /// `docProps/core.xml`.
    Core,
}

fn part_kind(name: &str, data: &[u8]) -> Option<PartKind> {
    if name == "docProps/core.xml" {
        return Some(PartKind::Core);
    }
    let file = name.strip_prefix("word/")?.strip_suffix(".xml")?;
    let numbered = |prefix: &str| {
        file.strip_prefix(prefix)
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
    };
    match file {
        "settings" => Some(PartKind::Wml { settings: true }),
        "document" | "styles" | "numbering" | "footnotes" | "endnotes" | "comments"
        | "fontTable" => Some(PartKind::Wml { settings: false }),
        _ if numbered("header") || numbered("footer") => Some(PartKind::Wml { settings: false }),
        _ if !file.contains('/') && find(data, b"paraId").is_some() => Some(PartKind::ParaIdsOnly),
        _ => None,
    }
}

fn process_part(
    name: &str,
    data: &[u8],
    kind: PartKind,
    created: &str,
    para_ids: &mut ParaIds,
) -> Result<Vec<u8>, OoxmlError> {
    let mut tree = Tree::parse(data, kind, para_ids).map_err(|message| OoxmlError::Xml {
        part: name.to_owned(),
        message,
    })?;
    match kind {
        PartKind::Wml { settings } => {
            tree.canonicalize(settings);
            if settings {
                tree.declare_ignorable();
            }
        }
        PartKind::Core => tree.set_core_dates(created),
        PartKind::ParaIdsOnly => {}
    }
    Ok(tree.write())
}
