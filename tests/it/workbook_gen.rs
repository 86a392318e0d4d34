//! Workbook forms against YAML at scale: the generator (examples/gen/) writes the same folder
//! twice, once with every submission in YAML and once with `--workbooks` (each submission
//! that carries no injected fault as the unit's filled form, `.xlsx`, cells typed as a
//! spreadsheet types them). Both must build to the same JSON summaries, every field of every
//! period, once a workbook's path is read as the YAML file it replaced; and `check` must say
//! the same.
//!
//! The generator is the example binary that `cargo test` builds next to the test binaries
//! (`target/<profile>/examples/gen`); `cargo test --test it` alone does not build it, so run
//! `cargo build --example gen` first in that case.

use crate::common::{assert_ok, build, json_at, root, run_on, stderr, stdout};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::Command;

const PERIODS: [&str; 2] = ["2024-Q1", "2024-6T"];

/// The example binary `gen`, built by `cargo test` beside the test binaries (as
/// `examples/gen` and `examples/gen-<hash>`: the newest is taken); refused when a source of
/// the generator is newer than it (a stale binary would test old code).
fn gen_binary() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    // target/<profile>/deps/it-<hash> → target/<profile>/examples/
    let examples = exe
        .parent()
        .and_then(Path::parent)
        .unwrap()
        .join("examples");
    let how = "run `cargo test` (which builds the examples) or `cargo build --example gen` first";
    let suffix = std::env::consts::EXE_SUFFIX;
    let (bin, built) = std::fs::read_dir(&examples)
        .unwrap_or_else(|e| panic!("{}: {e}; {how}", examples.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            let name = name.strip_suffix(suffix).filter(|_| !suffix.is_empty());
            let name = name
                .unwrap_or(&p.file_name().unwrap().to_string_lossy())
                .to_string();
            name == "gen" || name.strip_prefix("gen-").is_some_and(|h| !h.contains('.'))
        })
        .map(|p| {
            let t = std::fs::metadata(&p).and_then(|m| m.modified()).unwrap();
            (p, t)
        })
        .max_by_key(|(_, t)| *t)
        .unwrap_or_else(|| panic!("no gen in {}; {how}", examples.display()));
    for dir in ["examples/gen", "src/model"] {
        for e in walkdir::WalkDir::new(root().join(dir)) {
            let e = e.unwrap();
            let newer = e.metadata().unwrap().modified().unwrap() > built;
            assert!(
                !(e.file_type().is_file() && newer),
                "{} is newer than {}; {how}",
                e.path().display(),
                bin.display()
            );
        }
    }
    bin
}

fn generate(dir: &Path, workbooks: bool) {
    let mut cmd = Command::new(gen_binary());
    cmd.args(["--units", "120", "--tasks", "12", "--seed", "3"]);
    if workbooks {
        cmd.arg("--workbooks");
    }
    let o = cmd.arg(dir).output().unwrap();
    assert!(o.status.success(), "gen failed:\n{}", stderr(&o));
}

/// Every file under `nop/`, by path relative to the data folder.
fn files(data: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(data.join("nop"))
        .sort_by_file_name()
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(data).unwrap();
            let rel = rel.to_str().unwrap().replace('\\', "/");
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

fn stem(rel: &str) -> &str {
    rel.rsplit_once('.').map_or(rel, |(s, _)| s)
}

/// The two inboxes correspond file by file: each workbook replaces the YAML file of the same
/// name (`.yaml`, `.yml` or `.YAML`), every other file is the same bytes. Returns the
/// workbook's path → the YAML file's path.
fn workbook_names(yaml: &Path, books: &Path) -> BTreeMap<String, String> {
    let y = files(yaml);
    let b = files(books);
    let mut map = BTreeMap::new();
    let mut replaced = BTreeSet::new();
    for (rel, bytes) in &b {
        if rel.ends_with(".xlsx") {
            let was = y
                .keys()
                .find(|k| stem(k) == stem(rel) && !k.ends_with(".xlsx"))
                .unwrap_or_else(|| panic!("{rel}: no YAML file of that name without --workbooks"));
            assert!(was.to_lowercase().ends_with(".yaml") || was.ends_with(".yml"));
            replaced.insert(was.clone());
            map.insert(rel.clone(), was.clone());
        } else {
            assert_eq!(y.get(rel), Some(bytes), "{rel} differs");
        }
    }
    let kept: BTreeSet<&String> = y.keys().filter(|k| !replaced.contains(*k)).collect();
    let others: BTreeSet<&String> = b.keys().filter(|k| !k.ends_with(".xlsx")).collect();
    assert_eq!(kept, others, "the files that stayed YAML");
    map
}

/// The (period, unit) of every injected fault, from the generator's `.gen` report.
fn faulted(data: &Path) -> BTreeSet<(String, String)> {
    let report = std::fs::read_to_string(data.join(".gen")).unwrap();
    report
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("gen "))
        .map(|l| {
            let mut w = l.split_whitespace();
            let period = w.next().unwrap().to_string();
            let unit = w.nth(1).unwrap();
            let unit = unit.trim_start_matches("nop/").trim_end_matches('/');
            (period, unit.to_string())
        })
        .collect()
}

/// The JSON with each workbook's path replaced by the path of the YAML file it replaced,
/// wherever a text holds it.
fn as_yaml_paths(v: &mut Value, names: &BTreeMap<String, String>) {
    match v {
        Value::String(s) if s.contains(".xlsx") => {
            for (book, yaml) in names {
                if s.contains(book.as_str()) {
                    *s = s.replace(book.as_str(), yaml);
                }
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| as_yaml_paths(x, names)),
        Value::Object(o) => o.values_mut().for_each(|x| as_yaml_paths(x, names)),
        _ => {}
    }
}

/// Where two JSON values differ (JSON pointers), at most `max`.
fn differences(a: &Value, b: &Value, at: &str, out: &mut Vec<String>, max: usize) {
    if out.len() >= max || a == b {
        return;
    }
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            for k in keys {
                let (p, q) = (x.get(k), y.get(k));
                match (p, q) {
                    (Some(p), Some(q)) => differences(p, q, &format!("{at}/{k}"), out, max),
                    _ => out.push(format!("{at}/{k}: {p:?} ≠ {q:?}")),
                }
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (p, q)) in x.iter().zip(y).enumerate() {
                differences(p, q, &format!("{at}/{i}"), out, max);
            }
        }
        _ => {
            let show = |v: &Value| {
                let s = v.to_string();
                s.chars().take(300).collect::<String>()
            };
            out.push(format!("{at}: {} ≠ {}", show(a), show(b)));
        }
    }
}

#[test]
fn workbooks_build_to_the_same_summaries_as_yaml() {
    let tmp = tempfile::tempdir().unwrap();
    let (yaml, books) = (tmp.path().join("yaml"), tmp.path().join("xlsx"));
    generate(&yaml, false);
    generate(&books, true);
    let names = workbook_names(&yaml, &books);
    // About nine in ten of the 2 × 120 units' files: every file without a fault.
    assert!(names.len() > 150, "{} workbooks", names.len());
    let faults = faulted(&books);
    assert!(faults.len() >= 20, "{faults:?}");
    for book in names.keys() {
        let unit = book.split('/').nth(1).unwrap();
        let period = PERIODS.iter().find(|p| book.contains(*p)).unwrap();
        assert!(
            !faults.contains(&(period.to_string(), unit.to_string())),
            "{book} carries an injected fault but was written as a workbook"
        );
    }

    assert_ok(&build(&yaml, &tmp.path().join("out-yaml")));
    assert_ok(&build(&books, &tmp.path().join("out-xlsx")));
    for ky in PERIODS {
        let want = json_at(&tmp.path().join("out-yaml"), ky);
        let mut got = json_at(&tmp.path().join("out-xlsx"), ky);
        // Only files without a fault became workbooks, and those have no diagnostic: the
        // positions of diagnostics (line and column in YAML, sheet and cell in a workbook)
        // never differ.
        let on_books: Vec<&Value> = got["chan_doan"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["tep"].as_str().is_some_and(|f| f.ends_with(".xlsx")))
            .collect();
        assert!(on_books.is_empty(), "{ky}: {on_books:#?}");
        let read_from_books = got["don_vi"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["tep"].as_str().is_some_and(|f| f.ends_with(".xlsx")))
            .count();
        assert!(
            read_from_books > 75,
            "{ky}: {read_from_books} units read from workbooks"
        );
        as_yaml_paths(&mut got, &names);
        let mut diff = Vec::new();
        differences(&want, &got, "", &mut diff, 20);
        assert!(
            diff.is_empty(),
            "{ky}: the summaries differ (YAML ≠ workbooks):\n{}",
            diff.join("\n")
        );
    }

    // `check` says the same, file for file.
    let check_yaml = run_on(&yaml, &["check"]);
    let check_books = run_on(&books, &["check"]);
    assert_eq!(check_yaml.status.code(), Some(1), "{}", stderr(&check_yaml));
    assert_eq!(check_books.status.code(), check_yaml.status.code());
    let mut said = stdout(&check_books) + &stderr(&check_books);
    for (book, was) in &names {
        said = said.replace(book.as_str(), was);
    }
    assert_eq!(said, stdout(&check_yaml) + &stderr(&check_yaml));
}
