//! Before anything is replaced: what becomes of each target. Every target is checked first
//! (a folder in the way, a read-only file, a file open in another program on Windows, a file
//! that cannot be read) and one that cannot be replaced stops the run before any change. A
//! target that differs from what baocao last wrote there is kept beside the new file.

use super::OutputError;
use super::manifest::{Manifest, Record, sha256_file};
use super::staging::Staged;
use std::path::{Path, PathBuf};

/// What happens to one target.
#[derive(Debug)]
pub enum Fate {
    /// Nothing there yet.
    New,
    /// The target already holds the new content: left as it is (with its record).
    Same(Record),
    /// baocao's own previous file: replaced.
    Replace,
    /// A file baocao did not write as it is now (`edited`: it wrote it, and it was changed
    /// since; otherwise nothing says who wrote it): kept as `copy`.
    Keep { copy: PathBuf, edited: bool },
}

/// The fate of every staged file, or, when any target cannot be replaced, why not.
/// `kept_in`: a sub-folder (beside each target) for the kept copies, for folders where a copy
/// beside the target would be read as data (`ke-hoach/`); `None` keeps them beside it.
pub fn plan(
    out: &Path,
    manifest: &Manifest,
    staged: &[Staged],
    stamp: &str,
    kept_in: Option<&str>,
) -> Result<Vec<Fate>, OutputError> {
    let mut fates = Vec::new();
    let mut problems = Vec::new();
    for s in staged {
        match fate(out, manifest, s, stamp, kept_in) {
            Ok(f) => fates.push(f),
            Err(why) => problems.push(format!("'{}': {why}", s.target.display())),
        }
    }
    if problems.is_empty() {
        return Ok(fates);
    }
    Err(OutputError {
        message: format!(
            "Không thay được {} tệp kết quả nên chưa thay tệp nào; các tệp kết quả cũ được giữ nguyên:\n  - {}",
            problems.len(),
            problems.join("\n  - ")
        ),
        hint: Some("Đóng tệp đang mở trong Word hoặc Excel, bỏ thuộc tính chỉ đọc của tệp, dời thư mục trùng tên với tệp kết quả đi chỗ khác, rồi chạy lại.".into()),
    })
}

fn fate(
    out: &Path,
    manifest: &Manifest,
    s: &Staged,
    stamp: &str,
    kept_in: Option<&str>,
) -> Result<Fate, String> {
    let target = &s.target;
    let meta = match std::fs::symlink_metadata(target) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Fate::New),
        Err(e) => {
            return Err(format!(
                "không xem được tệp ({})",
                crate::oserror::explain(&e).0
            ));
        }
        Ok(m) => m,
    };
    if meta.is_dir() {
        return Err("ở chỗ của tệp có một thư mục trùng tên".into());
    }
    if meta.permissions().readonly() {
        return Err("tệp đang đặt chỉ đọc (read-only)".into());
    }
    if let Some(e) = in_use(target) {
        return Err(format!(
            "tệp đang được mở trong chương trình khác, hoặc không có quyền ghi ({})",
            crate::oserror::explain(&e).0
        ));
    }
    let rel = super::rel(out, target);
    let record = manifest.tep.get(&rel);
    let now = match record {
        Some(r) if r.same_stat(&meta) => r.clone(),
        _ => Record {
            sha256: sha256_file(target)
                .map_err(|e| format!("không đọc được tệp ({})", crate::oserror::explain(&e).0))?,
            kich_thuoc: meta.len(),
            sua_luc_ns: super::manifest::mtime_ns(&meta),
        },
    };
    if now.sha256 == s.record.sha256 {
        return Ok(Fate::Same(now));
    }
    if record.is_some_and(|r| r.sha256 == now.sha256) {
        return Ok(Fate::Replace);
    }
    let edited = record.is_some();
    let copy = match kept_in {
        None => kept_name(target, edited, stamp),
        Some(sub) => {
            let dir = target.parent().unwrap_or(Path::new(".")).join(sub);
            kept_name(
                &dir.join(target.file_name().unwrap_or_default()),
                edited,
                stamp,
            )
        }
    };
    Ok(Fate::Keep { copy, edited })
}

/// The name of the copy kept of a file that is not baocao's: "bao-cao-cchc-2024-Q1 (bản đã
/// sửa 2026-12-03 09h15).docx" when it was changed since baocao wrote it, "… (bản cũ …)"
/// when nothing says who wrote it; ", 2", ", 3" … when that name is taken.
pub fn kept_name(target: &Path, edited: bool, stamp: &str) -> PathBuf {
    let stem = target
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ext = target
        .extension()
        .map(|e| format!(".{}", e.to_string_lossy()))
        .unwrap_or_default();
    let label = if edited {
        "bản đã sửa"
    } else {
        "bản cũ"
    };
    let dir = target.parent().unwrap_or(Path::new("."));
    let mut n = 1;
    loop {
        let extra = if n == 1 {
            String::new()
        } else {
            format!(", {n}")
        };
        let p = dir.join(format!("{stem} ({label} {stamp}{extra}){ext}"));
        if std::fs::symlink_metadata(&p).is_err() {
            return p;
        }
        n += 1;
    }
}

/// On Windows, a file open in Word or Excel cannot be renamed or replaced: asking for write
/// and delete access finds out without changing it.
#[cfg(windows)]
fn in_use(path: &Path) -> Option<std::io::Error> {
    use std::os::windows::fs::OpenOptionsExt;
    const DELETE: u32 = 0x0001_0000;
    const FILE_WRITE_DATA: u32 = 0x0002;
    std::fs::OpenOptions::new()
        .access_mode(DELETE | FILE_WRITE_DATA)
        .open(path)
        .err()
}

/// Elsewhere an open file can be replaced; a read-only one is refused above.
#[cfg(not(windows))]
fn in_use(_: &Path) -> Option<std::io::Error> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_copies_say_what_they_are_and_when() {
        let dir = tempfile::tempdir().unwrap();
        let t = dir.path().join("bao-cao-cchc-2024-Q1.docx");
        let p = kept_name(&t, true, "2026-12-03 09h15");
        assert_eq!(
            p.file_name().unwrap(),
            "bao-cao-cchc-2024-Q1 (bản đã sửa 2026-12-03 09h15).docx"
        );
        std::fs::write(&p, b"x").unwrap();
        let p2 = kept_name(&t, true, "2026-12-03 09h15");
        assert_eq!(
            p2.file_name().unwrap(),
            "bao-cao-cchc-2024-Q1 (bản đã sửa 2026-12-03 09h15, 2).docx"
        );
        let old = kept_name(&t, false, "2026-12-03 09h15");
        assert_eq!(
            old.file_name().unwrap(),
            "bao-cao-cchc-2024-Q1 (bản cũ 2026-12-03 09h15).docx"
        );
    }
}
