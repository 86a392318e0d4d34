//! Every word a user reads is Vietnamese: every fixture of the suite (and the sample data) is
//! run through every command, and the test fails on any English word in what a user sees:
//! the terminal (stdout, stderr), the report and the letter (DOCX), the workbook (XLSX), the
//! feedback notes, the forms, and the help. Identifiers (keys, codes, file names, flags),
//! acronyms and product names are not words.

use crate::common::*;
use std::collections::BTreeSet;
use std::path::Path;

/// English words a Vietnamese user must not meet. Words that are also Vietnamese without
/// diacritics ("in", "to", "an") and the tool's own names (commands, folders) are not here.
const ENGLISH: &[&str] = &[
    "the",
    "and",
    "with",
    "without",
    "from",
    "this",
    "that",
    "these",
    "those",
    "there",
    "what",
    "when",
    "where",
    "which",
    "while",
    "would",
    "should",
    "could",
    "cannot",
    "does",
    "not",
    "are",
    "was",
    "were",
    "been",
    "has",
    "have",
    "had",
    "into",
    "for",
    "but",
    "your",
    "you",
    "will",
    "must",
    "file",
    "files",
    "folder",
    "directory",
    "line",
    "column",
    "error",
    "errors",
    "warning",
    "warnings",
    "help",
    "hint",
    "invalid",
    "valid",
    "expected",
    "found",
    "unexpected",
    "unknown",
    "missing",
    "required",
    "value",
    "values",
    "key",
    "keys",
    "type",
    "string",
    "number",
    "integer",
    "float",
    "boolean",
    "list",
    "mapping",
    "sequence",
    "scalar",
    "document",
    "stream",
    "token",
    "indentation",
    "quote",
    "quoted",
    "bracket",
    "trailing",
    "content",
    "after",
    "before",
    "character",
    "escape",
    "anchor",
    "alias",
    "limit",
    "budget",
    "depth",
    "nodes",
    "events",
    "permission",
    "denied",
    "exists",
    "already",
    "read",
    "write",
    "written",
    "only",
    "system",
    "device",
    "space",
    "left",
    "name",
    "too",
    "is",
    "of",
    "by",
    "true",
    "false",
    "null",
    "none",
    "failed",
    "fail",
    "failure",
    "panic",
    "panicked",
    "thread",
    "called",
    "unwrap",
    "option",
    "result",
    "usage",
    "options",
    "arguments",
    "argument",
    "command",
    "subcommand",
    "print",
    "version",
    "default",
    "possible",
    "did",
    "mean",
    "try",
    "see",
    "more",
    "information",
    "report",
    "reports",
    "period",
    "unit",
    "units",
    "task",
    "tasks",
    "progress",
    "date",
    "deadline",
    "late",
    "submitted",
    "submission",
    "summary",
    "total",
    "indicator",
    "indicators",
    "plan",
    "area",
    "table",
    "sheet",
    "workbook",
    "page",
    "input",
    "broken",
    "pipe",
    "operating",
    "resource",
    "busy",
    "interrupted",
    "timed",
    "empty",
    "such",
    "entry",
    "other",
    "another",
    "program",
    "process",
    "killed",
    "save",
    "encoding",
    "all",
    "also",
    "can",
    "its",
    "their",
    "our",
];

/// The English words of a text, with where they are.
fn english_words(text: &str, origin: &str) -> Vec<String> {
    let mut found = Vec::new();
    for token in text.split(|c: char| !(c.is_alphanumeric() || "_./-'@$~".contains(c))) {
        if token.starts_with('-') {
            continue; // a flag such as --help
        }
        let t = token.trim_matches(|c: char| "./-'".contains(c));
        let identifier = t.is_empty()
            || t.chars()
                .any(|c| c.is_ascii_digit() || "_./-@$~".contains(c))
            || !t.is_ascii();
        let acronym = t.chars().all(|c| c.is_ascii_uppercase()) && t.len() > 1;
        if identifier || acronym {
            continue;
        }
        if ENGLISH.contains(&t.to_lowercase().as_str()) {
            let at = text.find(token).unwrap_or(0);
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(40)
                .map_or(0, |(i, _)| i);
            let context: String = text[from..].chars().take(90).collect();
            found.push(format!("{origin}: '{t}' in …{context}…"));
        }
    }
    found
}

/// The text of every `<w:t>` or `<t>` element of an office file.
fn office_text(path: &Path) -> String {
    let f = std::fs::File::open(path).unwrap();
    let mut z = zip::ZipArchive::new(f).unwrap();
    let mut all = String::new();
    for i in 0..z.len() {
        let mut e = z.by_index(i).unwrap();
        let name = e.name().unwrap().to_string();
        if !name.ends_with(".xml") || name.contains("docProps") || name.contains("theme") {
            continue;
        }
        let mut xml = String::new();
        std::io::Read::read_to_string(&mut e, &mut xml).unwrap();
        for part in xml.split("<w:t").chain(xml.split("<t")).skip(1) {
            let Some(gt) = part.find('>') else { continue };
            let tag = &part[..gt];
            if !(tag.is_empty() || tag.starts_with(' ') || tag.starts_with("/")) {
                continue;
            }
            let body = &part[gt + 1..];
            let end = body.find('<').unwrap_or(body.len());
            all.push_str(&body[..end].replace("&amp;", "&").replace("&lt;", "<"));
            all.push('\n');
        }
    }
    all
}

/// Every file under `dir` that a user reads: office files, notes, forms.
fn user_files(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if !dir.exists() {
        return out;
    }
    for e in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let e = e.unwrap();
        let ext = e.path().extension().and_then(|x| x.to_str()).unwrap_or("");
        if matches!(ext, "docx" | "xlsx" | "txt" | "yaml") {
            out.push(e.path().to_path_buf());
        }
    }
    out
}

/// Runs every command on a data folder and returns the English words users would see.
fn words_of_every_command(c: &Case, periods: &[&str]) -> Vec<String> {
    let out_dir = c.out();
    let out = out_dir.to_str().unwrap();
    let mut runs: Vec<Vec<&str>> = vec![vec!["build"], vec!["check"]];
    for p in periods {
        runs.push(vec!["status", "--ky", p]);
        runs.push(vec![
            "remind",
            "--ky",
            p,
            "--out",
            out,
            "--ngay",
            "20/03/2024",
        ]);
        runs.push(vec!["phan-hoi", "--ky", p, "--out", out]);
        runs.push(vec!["forms", "--ky", p, "--out", out]);
    }
    let mut found = Vec::new();
    for args in &runs {
        let o = c.run(args[0], &args[1..]);
        let origin = args.join(" ");
        found.extend(english_words(&stdout(&o), &format!("{origin} (stdout)")));
        found.extend(english_words(&stderr(&o), &format!("{origin} (stderr)")));
    }
    for f in user_files(&out_dir) {
        let origin = f.strip_prefix(&out_dir).unwrap().display().to_string();
        let text = match f.extension().and_then(|x| x.to_str()) {
            Some("docx" | "xlsx") => office_text(&f),
            _ => String::from_utf8_lossy(&std::fs::read(&f).unwrap()).into_owned(),
        };
        found.extend(english_words(&text, &origin));
    }
    found
}

#[test]
fn no_english_in_anything_a_user_reads_for_any_fixture() {
    let mut found: BTreeSet<String> = BTreeSet::new();
    let cases = std::fs::read_dir(root().join("tests/cases")).unwrap();
    let mut names: Vec<String> = cases
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for name in &names {
        let c = Case::new(name);
        found.extend(
            words_of_every_command(&c, &["2024-Q1"])
                .into_iter()
                .map(|w| format!("{name}: {w}")),
        );
    }
    assert!(
        found.is_empty(),
        "{} English words:\n{}",
        found.len(),
        found.into_iter().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn no_english_in_the_sample_data_s_outputs_and_the_help() {
    let tmp = tempfile::tempdir().unwrap();
    let c = Case { tmp };
    copy_tree(&root().join("data"), &c.data());
    let mut found = words_of_every_command(&c, &["2024-Q1", "2024-NAM"]);
    for args in [
        vec!["--help"],
        vec!["build", "--help"],
        vec!["check", "--help"],
        vec!["status", "--help"],
        vec!["forms", "--help"],
        vec!["remind", "--help"],
        vec!["phan-hoi", "--help"],
        vec!["ke-hoach", "--help"],
        vec!["ke-hoach", "nhap", "--help"],
        vec!["ke-hoach"],
        vec!["status"],
        vec!["build", "--ky", "2024-Q5"],
        vec!["build", "--ky"],
        vec!["buidl"],
        vec!["build", "--kyy", "2024-Q1"],
    ] {
        let o = std::process::Command::new(BIN)
            .args(&args)
            .output()
            .unwrap();
        let origin = args.join(" ");
        found.extend(english_words(&stdout(&o), &origin));
        found.extend(english_words(&stderr(&o), &origin));
    }
    assert!(
        found.is_empty(),
        "{} English words:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_english_detector_finds_english() {
    let found = english_words("lỗi: File exists (os error 17)\nhelp: gợi ý", "x");
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(
        english_words(
            "Tệp nop/phong-tu-phap/2024-Q1.yaml: ky_bao_cao YAML UTF-8 Word",
            "x"
        )
        .is_empty()
    );
}
