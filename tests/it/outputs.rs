//! Never losing the clerk's work (docs/architecture.md, "Outputs"), through the real binary:
//! a run killed at every step of a replacement leaves, once the next run has looked, each
//! period's whole previous set or whole new set; every target is checked before the first
//! replacement; a failed rename puts everything back; two runs never interleave; a file the
//! clerk edited is kept; temporary files of killed runs are removed; an unreadable or missing
//! `nop/` stops the run.
//!
//! Kills land exactly where they must through the debug build's test hook
//! (`BAOCAO_TEST_PAUSE`, src/output/hook.rs): the run stops at a named point and waits; the
//! test kills it there (SIGKILL on Unix, TerminateProcess on Windows) or lets it go on.

use crate::common::*;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const PERIODS: [&str; 2] = ["2024-Q1", "2024-6T"];

/// tron-ven with a six-month period too: every unit's Q1 file again as 2024-6T.
fn two_periods() -> Case {
    let c = Case::new("tron-ven");
    for u in BASE_UNITS {
        let q1 = std::fs::read_to_string(c.data().join(format!("nop/{u}/2024-Q1.yaml"))).unwrap();
        let six = q1
            .replace("ky_bao_cao: 2024-Q1", "ky_bao_cao: 2024-6T")
            .replace("ngay_bao_cao: 2024-03-", "ngay_bao_cao: 2024-06-");
        c.write(&format!("nop/{u}/2024-6T.yaml"), six);
    }
    c
}

/// A late unit's file that changes every output of both periods.
fn late_file(c: &Case) {
    for ky in PERIODS {
        c.write(
            &format!("nop/phong-noi-vu/{ky}-bo-sung.yaml"),
            format!(
                "don_vi: phong-noi-vu\nky_bao_cao: {ky}\nngay_bao_cao: {}\nnhiem_vu:\n  - ma: \"2.đ\"\n    trang_thai: hoan_thanh\n",
                if ky == "2024-Q1" { "2024-03-13" } else { "2024-06-13" }
            ),
        );
    }
}

/// Output files by path relative to the output folder, with their bytes.
type Files = BTreeMap<String, Vec<u8>>;

/// Every output file (not baocao's own folder), by path relative to `out`.
fn snapshot(out: &Path) -> Files {
    walkdir::WalkDir::new(out)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name() != ".baocao")
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(out)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (rel, std::fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Temporary files left anywhere in the output folder.
fn temporaries(out: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(".baocao-"))
        .map(|e| e.path().to_path_buf())
        .collect()
}

fn command(c: &Case, out: &Path, pause: Option<&str>) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.arg("build")
        .arg("--data")
        .arg(c.data())
        .arg("--out")
        .arg(out)
        .env("NO_COLOR", "1")
        .env_remove("BAOCAO_TEST_PAUSE");
    if let Some(p) = pause {
        cmd.env("BAOCAO_TEST_PAUSE", p);
    }
    cmd
}

/// A build that stopped at `point` and waits there; its stderr up to that point.
struct Paused {
    child: Child,
    before: String,
}

impl Paused {
    fn start(cmd: &mut Command, point: &str) -> Paused {
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut before = String::new();
        loop {
            let mut line = String::new();
            let n = err.read_line(&mut line).unwrap();
            assert!(n > 0, "the run ended before {point}:\n{before}");
            if line.starts_with("baocao-test: paused at ") {
                assert_eq!(line.trim_end(), format!("baocao-test: paused at {point}"));
                break;
            }
            before.push_str(&line);
        }
        // Keep reading, so that the run never blocks on a full pipe once it goes on.
        std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
        Paused { child, before }
    }

    /// Kills the run where it stopped, as a power cut or the task manager would.
    fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }

    /// Lets the run go on and returns its exit status.
    fn resume(mut self) -> Option<i32> {
        let mut stdin = self.child.stdin.take().unwrap();
        let _ = stdin.write_all(b"\n");
        drop(stdin);
        self.child.wait().unwrap().code()
    }
}

/// Whether each period's three files are all `a`'s or all `b`'s (by name, as given).
fn each_period_whole(now: &Files, a: &Files, b: &Files) -> Result<(), String> {
    for ky in PERIODS {
        let of = |m: &Files| -> Files {
            m.iter()
                .filter(|(k, _)| k.starts_with(ky))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect()
        };
        let set = of(now);
        if set != of(a) && set != of(b) {
            return Err(format!(
                "{ky} is neither the previous set nor the new one: {:?}",
                set.keys().collect::<Vec<_>>()
            ));
        }
    }
    Ok(())
}

/// The previous outputs (in `<tmp>/old`, with baocao's record) and the new ones (what a
/// clean run gives after the late file), for a case whose data now has the late file.
fn old_and_new() -> (Case, Files, Files) {
    let c = two_periods();
    let old_dir = c.build_into("old");
    late_file(&c);
    let new_dir = c.build_into("new");
    let (old, new) = (snapshot(&old_dir), snapshot(&new_dir));
    assert_eq!(old.len(), 6);
    for k in old.keys() {
        assert_ne!(old[k], new[k], "{k} changes with the late file");
    }
    (c, old, new)
}

#[test]
fn a_run_killed_at_any_step_leaves_whole_sets_once_the_next_run_has_looked() {
    let (c, old, new) = old_and_new();
    // Six files replaced: each moved aside, then its new file renamed into place.
    let mut points = vec!["journal".to_string()];
    points.extend((1..=12).map(|n| format!("rename-{n}")));
    points.push("renamed".into());
    let mut mixed_seen = 0;
    for (i, point) in points.iter().enumerate() {
        let out = c.tmp.path().join(format!("k{i}"));
        copy_tree(&c.tmp.path().join("old"), &out);
        Paused::start(&mut command(&c, &out, Some(point)), point).kill();
        // Killed: the folder may be mixed; the kill must not have been harmless everywhere.
        let killed = snapshot(&out);
        if each_period_whole(&killed, &old, &new).is_err() {
            mixed_seen += 1;
        }
        // The next run, stopped right after it has settled what it found.
        let next = Paused::start(&mut command(&c, &out, Some("recovered")), "recovered");
        let settled = snapshot(&out);
        if let Err(e) = each_period_whole(&settled, &old, &new) {
            panic!("killed at {point}: {e}");
        }
        assert_eq!(settled.len(), 6, "killed at {point}: {:?}", settled.keys());
        assert!(
            temporaries(&out).is_empty(),
            "killed at {point}: {:?}",
            temporaries(&out)
        );
        assert!(!out.join(".baocao/giao-dich.json").exists());
        assert!(
            next.before
                .contains("Lần chạy trước bị dừng giữa lúc thay các tệp kết quả"),
            "killed at {point}: {}",
            next.before
        );
        // Let it finish: the new set, and nothing taken for a clerk's edit.
        assert_eq!(next.resume(), Some(0), "killed at {point}");
        assert_eq!(snapshot(&out), new, "killed at {point}");
        assert!(temporaries(&out).is_empty());
    }
    assert!(
        mixed_seen >= 10,
        "only {mixed_seen} kills left a mixed folder"
    );
}

#[test]
fn a_recovery_killed_in_turn_is_settled_by_the_run_after() {
    let (c, old, new) = old_and_new();
    let out = c.tmp.path().join("k");
    copy_tree(&c.tmp.path().join("old"), &out);
    Paused::start(&mut command(&c, &out, Some("rename-5")), "rename-5").kill();
    Paused::start(&mut command(&c, &out, Some("recover-1")), "recover-1").kill();
    let third = Paused::start(&mut command(&c, &out, Some("recovered")), "recovered");
    each_period_whole(&snapshot(&out), &old, &new).unwrap();
    assert!(temporaries(&out).is_empty());
    assert_eq!(third.resume(), Some(0));
    assert_eq!(snapshot(&out), new);
}

#[test]
fn an_interrupted_folder_is_settled_under_another_path() {
    // As when a colleague's machine reaches the shared folder by another drive letter: the
    // journal names files relative to the output folder.
    // A relative --out, so that the temporary files' own (absolute) paths differ from it.
    let (c, old, new) = old_and_new();
    let mut cmd = command(&c, Path::new("old"), Some("rename-3"));
    Paused::start(cmd.current_dir(c.tmp.path()), "rename-3").kill();
    let moved = c.tmp.path().join("elsewhere");
    std::fs::rename(c.tmp.path().join("old"), &moved).unwrap();
    let mut cmd = command(&c, Path::new("elsewhere"), Some("recovered"));
    let next = Paused::start(cmd.current_dir(c.tmp.path()), "recovered");
    // Every new file was still at hand: the replacement is finished, not undone.
    assert!(
        next.before.contains("đã đặt nốt 6 tệp mới"),
        "{}",
        next.before
    );
    assert_eq!(snapshot(&moved), new);
    assert_ne!(snapshot(&moved), old);
    assert!(temporaries(&moved).is_empty(), "{:?}", temporaries(&moved));
    assert_eq!(next.resume(), Some(0));
    assert_eq!(snapshot(&moved), new);
}

#[test]
fn a_target_that_cannot_be_replaced_stops_the_run_before_any_change() {
    let (c, old, _) = old_and_new();
    let out = c.tmp.path().join("old");
    // The last file of the last period read-only: checked before the first rename.
    let ro = out.join("2024-6T/phu-luc-cchc-2024-6T.xlsx");
    let mut perm = std::fs::metadata(&ro).unwrap().permissions();
    perm.set_readonly(true);
    std::fs::set_permissions(&ro, perm).unwrap();
    let o = command(&c, &out, None).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("chưa thay tệp nào") && err.contains("phu-luc-cchc-2024-6T.xlsx"),
        "{err}"
    );
    assert!(err.contains("chỉ đọc"), "{err}");
    assert_eq!(snapshot(&out), old);
    assert!(temporaries(&out).is_empty());

    // A folder where a report should go: the same.
    let mut perm = std::fs::metadata(&ro).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perm.set_readonly(false);
    std::fs::set_permissions(&ro, perm).unwrap();
    let docx = out.join("2024-6T/bao-cao-cchc-2024-6T.docx");
    std::fs::remove_file(&docx).unwrap();
    std::fs::create_dir(&docx).unwrap();
    std::fs::write(docx.join("x"), b"x").unwrap();
    let before = snapshot(&out);
    let o = command(&c, &out, None).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("thư mục trùng tên"), "{}", stderr(&o));
    assert_eq!(snapshot(&out), before);
    assert!(temporaries(&out).is_empty());
}

#[test]
fn a_rename_that_fails_half_way_puts_every_file_back() {
    let (c, old, _) = old_and_new();
    let out = c.tmp.path().join("old");
    let run = Paused::start(&mut command(&c, &out, Some("rename-2")), "rename-2");
    // The first file is replaced; the second file's place aside is taken by a folder, so
    // that moving it there fails.
    let journal: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join(".baocao/giao-dich.json")).unwrap())
            .unwrap();
    let aside = out.join(journal["tep"][1]["de_ra"].as_str().unwrap());
    std::fs::create_dir(&aside).unwrap();
    std::fs::write(aside.join("x"), b"x").unwrap();
    assert_eq!(run.resume(), Some(2));
    std::fs::remove_dir_all(&aside).unwrap();
    assert_eq!(snapshot(&out), old);
    assert!(temporaries(&out).is_empty());
    assert!(!out.join(".baocao/giao-dich.json").exists());
}

#[test]
fn a_second_run_waits_for_the_first_or_gives_up_with_exit_2() {
    let (c, old, new) = old_and_new();
    let out = c.tmp.path().join("old");
    let first = Paused::start(&mut command(&c, &out, Some("locked")), "locked");
    let pid = first.child.id();
    // No wait allowed: exit 2, a message naming the other run, nothing changed.
    let o = command(&c, &out, None)
        .env("BAOCAO_CHO_KHOA", "0")
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(
        err.contains("đang được một lần chạy baocao khác ghi"),
        "{err}"
    );
    assert!(err.contains(&format!("tiến trình {pid}")), "{err}");
    assert_eq!(snapshot(&out), old);
    // A patient second run says it waits, and goes on once the first is done.
    let mut second = command(&c, &out, None)
        .env("BAOCAO_CHO_KHOA", "600")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut err = BufReader::new(second.stderr.take().unwrap());
    let mut line = String::new();
    while !line.contains("đang chờ") {
        line.clear();
        assert!(err.read_line(&mut line).unwrap() > 0, "no waiting notice");
    }
    assert_eq!(snapshot(&out), old, "the waiting run wrote nothing");
    assert_eq!(first.resume(), Some(0));
    std::thread::spawn(move || std::io::copy(&mut err, &mut std::io::sink()));
    assert_eq!(second.wait().unwrap().code(), Some(0));
    assert_eq!(snapshot(&out), new);
    assert!(temporaries(&out).is_empty());
}

#[test]
fn a_file_edited_since_baocao_wrote_it_is_kept_and_the_run_says_where() {
    let c = two_periods();
    let out = c.build_into("out");
    let docx = out.join("2024-Q1/bao-cao-cchc-2024-Q1.docx");
    let mut edited = std::fs::read(&docx).unwrap();
    edited.extend_from_slice(b"clerk's edit");
    std::fs::write(&docx, &edited).unwrap();
    late_file(&c);
    let o = command(&c, &out, None).output().unwrap();
    assert_ok(&o);
    let kept: Vec<PathBuf> = std::fs::read_dir(out.join("2024-Q1"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("(bản đã sửa "))
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let name = kept[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("bao-cao-cchc-2024-Q1 (bản đã sửa 20") && name.ends_with(").docx"),
        "{name}"
    );
    assert_eq!(std::fs::read(&kept[0]).unwrap(), edited);
    let said = stdout(&o);
    assert!(
        said.contains("đã được sửa sau khi baocao ghi") && said.contains(&name),
        "{said}"
    );
    // The new report is in place, the same as a clean build's.
    let clean = c.build_into("clean");
    assert_eq!(
        snapshot(&out).get("2024-Q1/bao-cao-cchc-2024-Q1.docx"),
        snapshot(&clean).get("2024-Q1/bao-cao-cchc-2024-Q1.docx")
    );
    // Run again with nothing new: nothing rewritten, no second copy.
    let time = std::fs::metadata(&docx).unwrap().modified().unwrap();
    let o = command(&c, &out, None).output().unwrap();
    assert_ok(&o);
    assert!(stdout(&o).contains("không đổi"), "{}", stdout(&o));
    assert!(!stdout(&o).contains("Chú ý"), "{}", stdout(&o));
    assert_eq!(std::fs::metadata(&docx).unwrap().modified().unwrap(), time);
    assert_eq!(snapshot(&out).len(), 7);

    // Without baocao's record, nothing says who wrote a differing file: kept as "bản cũ".
    std::fs::remove_dir_all(out.join(".baocao")).unwrap();
    std::fs::write(out.join("2024-6T/tong-hop-2024-6T.json"), b"{}").unwrap();
    let o = command(&c, &out, None).output().unwrap();
    assert_ok(&o);
    assert!(out.join("2024-6T").read_dir().unwrap().any(|e| {
        e.unwrap()
            .file_name()
            .to_string_lossy()
            .starts_with("tong-hop-2024-6T (bản cũ ")
    }));
    assert_eq!(snapshot(&out).len(), 8, "{:?}", snapshot(&out).keys());
}

#[test]
fn temporary_files_of_killed_runs_are_removed() {
    let c = two_periods();
    let out = c.build_into("out");
    let big = vec![0u8; 3_000_000];
    std::fs::write(out.join("2024-Q1/.baocao-x1y2z3.tmp"), &big).unwrap();
    std::fs::create_dir_all(out.join("2024-Q1/bieu-mau")).unwrap();
    std::fs::write(out.join("2024-Q1/bieu-mau/.baocao-a.tmp"), b"x").unwrap();
    // Forms and the reminder go through the same door.
    let o = c.run(
        "forms",
        &["--ky", "2024-Q1", "--out", out.to_str().unwrap()],
    );
    assert_ok(&o);
    assert!(
        stderr(&o).contains("Đã xóa 2 tệp tạm (3.0 MB)"),
        "{}",
        stderr(&o)
    );
    assert!(temporaries(&out).is_empty());
}

#[test]
fn a_missing_or_empty_inbox_stops_the_commands_that_read_it() {
    let c = Case::new("tron-ven");
    let out = c.build_into("out");
    let before = snapshot(&out);
    let outs = out.to_str().unwrap().to_string();
    std::fs::rename(c.data().join("nop"), c.tmp.path().join("nop-cat")).unwrap();
    // (`build` writes to `c.out()`, which is `out`.)
    for (cmd, args) in [
        ("build", vec!["--ky", "2024-Q1"]),
        ("check", vec![]),
        ("status", vec!["--ky", "2024-Q1"]),
        ("remind", vec!["--ky", "2024-Q1", "--out", &outs]),
    ] {
        let o = c.run(cmd, &args);
        assert_eq!(o.status.code(), Some(2), "{cmd}: {}", stderr(&o));
        assert!(
            stderr(&o).contains("Không tìm thấy thư mục nop/"),
            "{cmd}: {}",
            stderr(&o)
        );
    }
    assert_eq!(snapshot(&out), before);
    // Forms need no inbox: made before anyone has sent anything.
    assert_ok(&c.run("forms", &["--ky", "2024-Q1", "--out", &outs]));
    // `nop` a file: the same as missing.
    std::fs::write(c.data().join("nop"), b"").unwrap();
    assert_eq!(c.run("build", &["--ky", "2024-Q1"]).status.code(), Some(2));
    // An empty nop/: build refuses to put an empty report in place of a good one; status
    // says nobody has sent anything.
    std::fs::remove_file(c.data().join("nop")).unwrap();
    std::fs::create_dir(c.data().join("nop")).unwrap();
    let o = c.run("build", &["--ky", "2024-Q1"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không có tệp báo cáo nào"),
        "{}",
        stderr(&o)
    );
    assert_eq!(
        std::fs::read(out.join("2024-Q1/tong-hop-2024-Q1.json")).unwrap(),
        before["2024-Q1/tong-hop-2024-Q1.json"]
    );
    assert_ok(&c.run("status", &["--ky", "2024-Q1"]));
}

/// A folder of nop/ that cannot be listed (permissions; root reads everything, so the check
/// runs only for other users).
#[cfg(unix)]
#[test]
fn an_unreadable_inbox_folder_is_exit_2() {
    use std::os::unix::fs::PermissionsExt;
    let c = Case::new("tron-ven");
    let dir = c.data().join("nop/ubnd-xa-b");
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&dir).is_ok();
    let o = c.run("build", &["--ky", "2024-Q1"]);
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    if readable {
        eprintln!("skipped: running as root, permissions do not stop reading");
        return;
    }
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("nop/ubnd-xa-b: không có quyền đọc"),
        "{}",
        stderr(&o)
    );
    assert!(!c.out().join("2024-Q1").exists());
}
