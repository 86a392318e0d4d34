//! What the terminal says around the reports: a reader that goes away, the templates used,
//! a period asked twice, a data folder given one level too deep, the operating system's
//! errors in Vietnamese with what to do.

use crate::common::*;
use std::process::{Command, Stdio};

fn sample() -> Case {
    let c = Case::base();
    copy_tree(&root().join("data"), &c.data());
    c
}

#[test]
fn a_closed_pipe_ends_the_run_quietly() {
    let c = sample();
    for args in [
        vec!["status", "--ky", "2024-Q1"],
        vec!["status", "--ky", "2024-Q1", "--json"],
        vec!["check"],
    ] {
        let mut child = Command::new(BIN)
            .args(&args)
            .arg("--data")
            .arg(c.data())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before a word is written (`baocao status | head -0`).
        drop(child.stdout.take());
        let o = child.wait_with_output().unwrap();
        let err = stderr(&o);
        assert!(
            matches!(o.status.code(), Some(0 | 1)),
            "{args:?}: {:?}",
            o.status
        );
        assert!(
            !err.contains("panicked") && !err.contains("Broken pipe"),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn templates_come_from_the_option_the_data_folder_or_the_working_folder_and_the_run_says_which() {
    let c = sample();
    let outside = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        Command::new(BIN)
            .args(["build", "--ky", "2024-Q1", "--data"])
            .arg(c.data())
            .arg("--out")
            .arg(c.out())
            .args(extra)
            .current_dir(outside.path())
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
    };
    // No templates anywhere: the built-in wording, nothing said.
    let o = run(&[]);
    assert_ok(&o);
    assert!(!stdout(&o).contains("mẫu câu chữ"), "{}", stdout(&o));
    // templates/ in the data folder.
    copy_tree(&root().join("templates"), &c.data().join("templates"));
    let o = run(&[]);
    assert_ok(&o);
    let shown = format!(
        "Dùng mẫu câu chữ trong thư mục {}.",
        c.data().join("templates").display()
    );
    assert!(stdout(&o).contains(&shown), "{}", stdout(&o));
    // --templates wins; a folder without the templates is exit 2 before anything is written.
    let o = run(&["--templates", outside.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("base.txt"), "{}", stderr(&o));
}

#[test]
fn a_period_asked_twice_is_built_once() {
    let c = sample();
    let o = c.run("build", &["--ky", "2024-Q1", "--ky", "2024-q1"]);
    assert_ok(&o);
    let said = stdout(&o).matches("bao-cao-cchc-2024-Q1.docx").count();
    assert_eq!(said, 1, "{}", stdout(&o));
}

#[test]
fn a_data_folder_given_one_level_too_deep_is_named() {
    let c = sample();
    for deep in ["nop", "ke-hoach"] {
        let o = run_on(&c.data().join(deep), &["check"]);
        assert_eq!(o.status.code(), Some(2));
        let want = format!("--data {}", c.data().display());
        assert!(stderr(&o).contains(&want), "{deep}: {}", stderr(&o));
    }
}

#[test]
fn operating_system_errors_are_vietnamese_with_what_to_do() {
    let c = sample();
    // The output folder is a file: a part of the path is not a folder.
    let blocker = c.tmp.path().join("tep-chan");
    std::fs::write(&blocker, "x").unwrap();
    let build_into = |out: &std::path::Path| {
        let args = [
            "build".as_ref(),
            "--ky".as_ref(),
            "2024-Q1".as_ref(),
            "--out".as_ref(),
            out.as_os_str(),
        ];
        run_on(&c.data(), &args)
    };
    let o = build_into(&blocker.join("kq"));
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("tệp hoặc thư mục cùng tên") || err.contains("không phải thư mục"),
        "{err}"
    );
    assert!(err.contains("tep-chan"), "{err}");
    assert!(err.contains("gợi ý:"), "{err}");
    assert!(
        !err.contains("os error") && !err.contains("Not a directory"),
        "{err}"
    );
    // A name longer than the file system allows.
    let long = c.tmp.path().join("a".repeat(300));
    let o = build_into(&long);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("quá dài"), "{err}");
    assert!(!err.contains("os error"), "{err}");
}

#[test]
fn an_option_given_twice_is_said_plainly() {
    let o = Command::new(BIN)
        .args(["build", "--out", "a", "--out", "b"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--out") && stderr(&o).contains("một lần"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn status_without_a_period_says_how_to_ask() {
    let o = Command::new(BIN).args(["status"]).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(err.contains("--ky"), "{err}");
    assert!(err.contains("baocao status --help"), "{err}");
}
