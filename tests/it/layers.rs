//! The shape of the house (docs/architecture.md): data flows input → model → render, with
//! `pipeline` above all three. A stage that reached up or sideways would fail here.

use crate::common::root;

/// Every `.rs` file under `src/<dir>`, with its text.
fn sources(dir: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for e in walkdir::WalkDir::new(root().join("src").join(dir)).sort_by_file_name() {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "rs") {
            let text = std::fs::read_to_string(e.path()).unwrap();
            out.push((e.path().display().to_string(), text));
        }
    }
    assert!(!out.is_empty(), "no sources under src/{dir}");
    out
}

fn assert_never_uses(dir: &str, forbidden: &[&str]) {
    for (path, text) in sources(dir) {
        for f in forbidden {
            assert!(!text.contains(f), "{path} uses {f}");
        }
    }
}

#[test]
fn model_and_render_never_import_input() {
    assert_never_uses("model", &["crate::input"]);
    assert_never_uses("render", &["crate::input"]);
}

#[test]
fn the_model_depends_on_no_stage_and_input_not_on_render() {
    assert_never_uses(
        "model",
        &[
            "crate::render",
            "crate::pipeline",
            "crate::output",
            "crate::terminal",
        ],
    );
    assert_never_uses(
        "input",
        &["crate::render", "crate::pipeline", "crate::output"],
    );
    assert_never_uses("render", &["crate::pipeline", "crate::output"]);
}

#[test]
fn comments_cite_the_repository_not_documents_outside_it() {
    for dir in ["", "../tests", "../examples"] {
        for (path, text) in sources(dir) {
            // Spelt in pieces, so that this file does not match itself.
            let outside_docs = [
                concat!("..", "/shared"),
                concat!("shared", "/spec"),
                concat!("shared", "/notes"),
                concat!("SPEC", " §"),
            ];
            for outside in outside_docs {
                assert!(!text.contains(outside), "{path} cites {outside}");
            }
        }
    }
}

#[test]
fn every_diagnostic_code_is_documented_for_users() {
    let src = std::fs::read_to_string(root().join("src/diagnostics.rs")).unwrap();
    let docs = std::fs::read_to_string(root().join("docs/du-lieu.md")).unwrap();
    let codes: Vec<&str> = src
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub const "))
        .filter_map(|l| l.split('"').nth(1))
        .collect();
    assert!(codes.len() > 50, "{codes:?}");
    let missing: Vec<&&str> = codes
        .iter()
        .filter(|c| !docs.contains(&format!("| `{c}` |")))
        .collect();
    assert!(missing.is_empty(), "not in docs/du-lieu.md §7: {missing:?}");
}
