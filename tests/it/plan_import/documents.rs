//! The harness of the plan import's tests: a data folder with only a registry, the import
//! run through the binary, the plan and review list read back; the seed and the table
//! fixture built as Word documents.

use crate::common::{root, run_on, stderr, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

/// A data folder holding only a registry (all the import reads) in a temporary directory.
pub struct Folder {
    pub tmp: tempfile::TempDir,
}

impl Folder {
    /// With the sample data's registry (`data/don-vi.yaml`).
    pub fn sample() -> Folder {
        Folder::with_registry(&root().join("data/don-vi.yaml"))
    }

    /// With the small registry of `tests/fixtures/base/`.
    pub fn base() -> Folder {
        Folder::with_registry(&root().join("tests/fixtures/base/don-vi.yaml"))
    }

    pub fn with_registry(reg: &Path) -> Folder {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(tmp.path().join("data")).unwrap();
        std::fs::copy(reg, tmp.path().join("data/don-vi.yaml")).unwrap();
        Folder { tmp }
    }

    pub fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }

    /// Writes a document beside the data folder; returns its path.
    pub fn doc(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.tmp.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    /// `baocao ke-hoach nhap <file> <extra> --data <data>`.
    pub fn import(&self, file: &Path, extra: &[&str]) -> Output {
        let mut args: Vec<&std::ffi::OsStr> =
            vec!["ke-hoach".as_ref(), "nhap".as_ref(), file.as_os_str()];
        args.extend(extra.iter().map(std::ffi::OsStr::new));
        run_on(&self.data(), &args)
    }

    pub fn plan_text(&self, year: i32) -> String {
        std::fs::read_to_string(self.data().join(format!("ke-hoach/{year}.yaml"))).unwrap()
    }

    /// The plan's YAML without the comment lines of its heading (which name the source file
    /// and count the review list).
    pub fn plan_body(&self, year: i32) -> String {
        self.plan_text(year)
            .lines()
            .filter(|l| !l.starts_with('#'))
            .collect::<Vec<_>>()
            .join("\n")
    }

    pub fn plan(&self, year: i32) -> Value {
        serde_saphyr::from_str(&self.plan_text(year)).unwrap()
    }

    /// The review file's items as (place, field, line).
    pub fn review(&self, year: i32) -> Vec<(String, String, String)> {
        let bytes =
            std::fs::read(self.data().join(format!("ke-hoach/{year}-can-xem-lai.txt"))).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let text = text.strip_prefix('\u{feff}').expect("a BOM for Notepad");
        assert!(
            !text.replace("\r\n", "").contains('\n'),
            "CRLF line ends for Notepad"
        );
        text.split("\r\n")
            .filter_map(|l| {
                let (place, rest) = l.split_once(' ')?;
                let (field, _) = rest.split_once(": ")?;
                let key = field
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.[]".contains(c));
                (key && !field.is_empty()).then(|| (place.into(), field.into(), l.into()))
            })
            .collect()
    }
}

pub fn assert_code(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "{}\n{}", stdout(o), stderr(o));
}

pub fn seed_text() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/ke-hoach-2024.txt")).unwrap()
}

pub fn pack(docx: docx_rs::Docx) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut out).unwrap();
    out.into_inner()
}

/// A paragraph whose text is split over two runs, as Word often stores it.
pub fn para(text: &str) -> docx_rs::Paragraph {
    let cut = text
        .char_indices()
        .nth(text.chars().count() / 2)
        .map_or(text.len(), |(i, _)| i);
    docx_rs::Paragraph::new()
        .add_run(docx_rs::Run::new().add_text(&text[..cut]))
        .add_run(docx_rs::Run::new().add_text(&text[cut..]))
}

/// The seed as a Word document: one paragraph per line.
pub fn seed_docx() -> Vec<u8> {
    let mut d = docx_rs::Docx::new();
    for line in seed_text().lines() {
        d = d.add_paragraph(para(line));
    }
    pack(d)
}

/// The table fixture as a Word document: its paragraphs, and its table with an area row as
/// one cell across the table ("1. Cải cách thể chế") and line breaks as paragraphs.
pub fn table_docx() -> Vec<u8> {
    use docx_rs::{Table, TableCell, TableRow};
    let md = std::fs::read_to_string(root().join("tests/fixtures/ke-hoach-2024-bang.md")).unwrap();
    let mut d = docx_rs::Docx::new();
    let mut rows = Vec::new();
    let roman = ["I", "II", "III", "IV", "V", "VI", "VII"];
    for line in md.lines() {
        if !line.starts_with('|') {
            if !rows.is_empty() {
                d = d.add_table(Table::new(std::mem::take(&mut rows)));
            }
            d = d.add_paragraph(para(line));
            continue;
        }
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        if cells[0].starts_with(":-") {
            continue;
        }
        if let Some(n) = roman.iter().position(|r| *r == cells[0]) {
            let text = format!("{}. {}:", n + 1, cells[1]);
            rows.push(TableRow::new(vec![
                TableCell::new().add_paragraph(para(&text)).grid_span(6),
            ]));
            continue;
        }
        rows.push(TableRow::new(
            cells
                .iter()
                .map(|c| {
                    c.split("<br>")
                        .fold(TableCell::new(), |cell, l| cell.add_paragraph(para(l)))
                })
                .collect(),
        ));
    }
    pack(d)
}
