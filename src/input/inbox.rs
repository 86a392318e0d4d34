//! The inbox (`nop/`): every file that arrives is accounted for (docs/du-lieu.md, "Tệp nào
//! tính cho đơn vị nào, kỳ nào"). A file is bound to the unit whose id is the first folder
//! under `nop/`; reports are read in parallel; what is not a report is named with the reason.
//! Skipped in silence are only hidden and temporary files.

use crate::diagnostics::{Diagnostic, clip, code};
use crate::input::decode::decode_owned;
use crate::input::submission::{Reference, read_submission, read_workbook_submission};
use crate::input::{chars, hint};
use crate::model::period::Period;
use crate::model::registry::Registry;
use crate::model::submission::{FileKind, Inbox, Placement, Submission};
use crate::terminal::Progress;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

mod others;

/// Files larger than this are refused before they are read (docs/du-lieu.md).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A file found in the inbox, before it is read.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// Relative to the data folder, with `/`.
    pub rel: String,
    pub placement: Placement,
    pub what: What,
    /// The problem of its folder, when its first folder is not a unit's id.
    pub folder_error: Option<Diagnostic>,
}

/// What kind of entry was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// A YAML report.
    Yaml,
    /// A workbook (`.xlsx`): the form, or an error that says to use it.
    Workbook,
    /// Anything else that is a regular file.
    OtherFile,
    /// A pipe, device, socket or link to a folder: never opened.
    NotAFile(&'static str),
}

/// Why the inbox cannot be read. Nothing built from it could be trusted (a report that misses
/// a folder of submissions says those units sent nothing), so the commands that read it stop
/// with exit status 2 (README.md, "Thư mục dữ liệu").
#[derive(Debug)]
pub enum InboxError {
    /// There is no `nop/` folder (or `nop` is not a folder).
    Missing { dir: PathBuf },
    /// Folders of the inbox that cannot be listed: path relative to the data folder, reason.
    Unreadable { folders: Vec<(String, String)> },
}

impl std::fmt::Display for InboxError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            InboxError::Missing { dir } => write!(
                f,
                "Không tìm thấy thư mục nop/ (báo cáo của các đơn vị) trong thư mục dữ liệu '{}'.",
                dir.display()
            ),
            InboxError::Unreadable { folders } => write!(
                f,
                "Không đọc được {} thư mục báo cáo, nên không biết hết các báo cáo đơn vị đã nộp:\n  - {}",
                folders.len(),
                folders
                    .iter()
                    .map(|(p, why)| format!("{p}: {why}"))
                    .collect::<Vec<_>>()
                    .join("\n  - ")
            ),
        }
    }
}

impl InboxError {
    /// What to do.
    pub fn hint(&self) -> String {
        match self {
            InboxError::Missing { .. } => "Kiểm tra đường dẫn --data và ổ mạng chứa thư mục dữ liệu đã kết nối chưa. Nếu chưa đơn vị nào nộp báo cáo, tạo thư mục nop/ trống (lệnh forms không cần nop/).".into(),
            InboxError::Unreadable { .. } => "Kiểm tra quyền truy cập các thư mục đó trong thư mục dùng chung (hoặc ổ mạng) rồi chạy lại.".into(),
        }
    }
}

/// Every submission file of the inbox, in walk order; an inbox that cannot be read entirely
/// is an error.
pub fn walk(data_dir: &Path, reg: &Registry) -> Result<Vec<Found>, InboxError> {
    let root = data_dir.join("nop");
    let mut found = Vec::new();
    let mut unreadable = Vec::new();
    if !root.is_dir() {
        return Err(InboxError::Missing {
            dir: data_dir.to_path_buf(),
        });
    }
    let walker = walkdir::WalkDir::new(&root)
        .follow_links(false)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !is_skipped_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e
                    .path()
                    .map(|p| rel_path(data_dir, p))
                    .unwrap_or_else(|| "nop".into());
                let reason = match e.io_error() {
                    Some(io) => crate::oserror::explain(io).0,
                    None => "liên kết tắt trỏ vòng lại chính nó".to_string(),
                };
                unreadable.push((rel, reason));
                continue;
            }
        };
        let ft = entry.file_type();
        let what = if ft.is_dir() {
            continue;
        } else if ft.is_symlink() {
            // A link to a file is read; a link to a folder is not followed.
            match std::fs::metadata(entry.path()) {
                Ok(m) if m.is_file() => kind_by_name(entry.path()),
                Ok(m) if m.is_dir() => What::NotAFile("liên kết tắt tới một thư mục"),
                _ => What::NotAFile("liên kết tắt hỏng, không trỏ tới tệp nào"),
            }
        } else if ft.is_file() {
            kind_by_name(entry.path())
        } else {
            What::NotAFile(special_kind(&ft))
        };
        let rel = rel_path(data_dir, entry.path());
        let (placement, folder_error) = placement_of(&rel, reg);
        found.push(Found {
            path: entry.path().to_path_buf(),
            rel,
            placement,
            what,
            folder_error,
        });
    }
    if unreadable.is_empty() {
        Ok(found)
    } else {
        Err(InboxError::Unreadable {
            folders: unreadable,
        })
    }
}

/// Hidden and temporary files: `.x`, `~$x` (Office's lock files), `x~`, `x.tmp`, `x.bak`,
/// `.~lock.x#` (LibreOffice's).
fn is_skipped_name(name: &str) -> bool {
    let lower = name.to_lowercase();
    name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || lower.ends_with(".tmp")
        || lower.ends_with(".bak")
}

fn kind_by_name(p: &Path) -> What {
    let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
    if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") {
        What::Yaml
    } else if ext.eq_ignore_ascii_case("xlsx") {
        What::Workbook
    } else {
        What::OtherFile
    }
}

#[cfg(unix)]
fn special_kind(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "một đường ống (pipe) của hệ điều hành"
    } else if ft.is_socket() {
        "một cổng kết nối (socket) của hệ điều hành"
    } else {
        "một thiết bị của hệ điều hành"
    }
}

#[cfg(not(unix))]
fn special_kind(_: &std::fs::FileType) -> &'static str {
    "một mục đặc biệt của hệ điều hành"
}

/// The path relative to the data folder, with `/`, NFC.
pub fn rel_path(data_dir: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(data_dir).unwrap_or(p);
    let parts: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    crate::text::nfc(parts.join("/"))
}

/// Binding: the unit whose id is the first folder under `nop/`. A first folder that is not a
/// unit id is an error on each file in it, with the closest id.
fn placement_of(rel: &str, reg: &Registry) -> (Placement, Option<Diagnostic>) {
    let parts: Vec<&str> = rel.split('/').collect();
    // parts[0] == "nop", the last is the file name.
    if parts.len() <= 2 {
        let at_root = Placement {
            folder_unit: None,
            at_root: true,
        };
        return (at_root, None);
    }
    let folder = parts[1];
    if let Some(u) = reg.find_unit(folder) {
        let p = Placement {
            folder_unit: Some(u),
            at_root: false,
        };
        return (p, None);
    }
    let error = match chars::suspicious_in_id(folder) {
        Some((bad, meant)) => Diagnostic::error(
            code::KY_TU_GIA,
            rel,
            format!(
                "Tên thư mục 'nop/{}' có ký tự {}.",
                clip(folder),
                chars::describe(bad)
            ),
        )
        .hint(Some(format!("Đổi tên thư mục thành '{}'.", clip(&meant)))),
        None => {
            let near = hint::closest(folder, reg.units().iter().map(|u| u.id.as_str()));
            Diagnostic::error(
                code::THU_MUC_LA,
                rel,
                format!(
                    "Thư mục 'nop/{}' không mang mã của đơn vị nào trong danh mục (don-vi.yaml).",
                    clip(folder)
                ),
            )
            .hint(Some(match near {
                Some(id) => format!(
                    "Có phải là thư mục của đơn vị '{id}'? Đổi tên thư mục thành nop/{id}/."
                ),
                None => {
                    "Mỗi đơn vị nộp vào thư mục mang đúng mã của mình, ví dụ nop/phong-tu-phap/."
                        .into()
                }
            }))
        }
    };
    (Placement::default(), Some(error))
}

/// Reads every found file, in parallel, keeping walk order. The texts of submissions whose
/// period `keep_text` refuses are dropped as soon as the file is checked (their statuses and
/// figures stay), so that memory grows with what is built, not with the whole inbox. A
/// progress bar shows on a terminal when reading takes more than a second.
pub fn read_all(
    found: &[Found],
    refs: &Reference,
    keep_text: &(dyn Fn(Option<Period>) -> bool + Sync),
) -> Vec<Submission> {
    let progress = Progress::new(found.len() as u64, "Đọc báo cáo");
    found
        .par_iter()
        .map(|f| {
            let mut s = match f.what {
                What::Yaml => read_report(f, refs),
                What::Workbook => read_workbook(f, refs),
                What::OtherFile | What::NotAFile(_) => others::not_a_report(f, refs),
            };
            if let Some(d) = &f.folder_error {
                s.diags.insert(0, d.clone());
            }
            if !keep_text(s.period) {
                s.drop_texts();
            }
            progress.tick();
            s
        })
        .collect()
}

/// Reads, decodes and checks one YAML report.
/// Reads a workbook form; it is a submission like a YAML report, and when it is not the
/// form it still counts for the period in its name.
fn read_workbook(f: &Found, refs: &Reference) -> Submission {
    let mut s = match read_stable(&f.path, &FileSystem) {
        Ok((bytes, modified)) => {
            let mut s = read_workbook_submission(&f.rel, &bytes, f.placement, refs);
            s.modified = modified;
            s
        }
        Err(fail) => {
            let mut s = Submission::unreadable(&f.rel, f.placement, fail.diagnostic(&f.rel));
            s.period = others::period_in_name(&f.rel, refs);
            s
        }
    };
    s.kind = FileKind::Workbook;
    s
}

fn read_report(f: &Found, refs: &Reference) -> Submission {
    let unreadable = |d: Diagnostic| {
        let mut s = Submission::unreadable(&f.rel, f.placement, d);
        s.period = others::period_in_name(&f.rel, refs);
        s
    };
    let (bytes, modified) = match read_stable(&f.path, &FileSystem) {
        Ok(read) => read,
        Err(fail) => return unreadable(fail.diagnostic(&f.rel)),
    };
    let mut s = match decode_owned(&f.rel, bytes) {
        Ok((text, warnings)) => read_submission(&f.rel, &text, f.placement, refs, warnings),
        Err(d) => unreadable(d),
    };
    s.kind = FileKind::Yaml;
    s.modified = modified;
    s
}

/// Why a file could not be read.
#[derive(Debug)]
enum ReadFail {
    TooBig(u64),
    Io(std::io::Error),
    /// Its size or modification time changed while it was read, twice.
    Changing,
}

impl ReadFail {
    fn diagnostic(&self, rel: &str) -> Diagnostic {
        match self {
            ReadFail::TooBig(len) => Diagnostic::error(
                code::TEP_QUA_LON,
                rel,
                format!(
                    "Tệp có dung lượng {:.1} MB, vượt giới hạn 10 MB của một báo cáo; tệp không được đọc.",
                    *len as f64 / (1024.0 * 1024.0)
                ),
            )
            .hint(Some("Một báo cáo chỉ vài chục KB; kiểm tra xem có dán nhầm dữ liệu lớn vào tệp không.".into())),
            ReadFail::Io(e) => {
                let (what, todo) = crate::oserror::explain(e);
                Diagnostic::error(
                    code::KHONG_DOC_DUOC,
                    rel,
                    format!("Không đọc được tệp: {what}."),
                )
                .hint(Some(todo))
            }
            ReadFail::Changing => Diagnostic::error(
                code::TEP_DANG_GHI,
                rel,
                "Tệp đang được ghi, hãy chạy lại sau: nội dung tệp thay đổi trong lúc đọc.",
            )
            .hint(Some("Đợi chép xong tệp (hoặc đóng chương trình đang lưu tệp), rồi chạy lại.".into())),
        }
    }
}

/// How a file is looked at and read: the file system, or a stand-in in tests.
trait Files {
    /// Size and modification time.
    fn stat(&self, p: &Path) -> std::io::Result<(u64, Option<std::time::SystemTime>)>;
    /// At most `limit + 1` bytes.
    fn read(&self, p: &Path, limit: u64) -> std::io::Result<Vec<u8>>;
}

struct FileSystem;

impl Files for FileSystem {
    fn stat(&self, p: &Path) -> std::io::Result<(u64, Option<std::time::SystemTime>)> {
        let m = std::fs::metadata(p)?;
        if !m.is_file() {
            return Err(std::io::Error::from(std::io::ErrorKind::InvalidInput));
        }
        Ok((m.len(), m.modified().ok()))
    }

    fn read(&self, p: &Path, limit: u64) -> std::io::Result<Vec<u8>> {
        use std::io::Read;
        let mut buf = Vec::new();
        std::fs::File::open(p)?
            .take(limit + 1)
            .read_to_end(&mut buf)?;
        Ok(buf)
    }
}

/// Reads a file whose size and modification time stay the same while it is read: once more
/// when they changed, then gives up. Only a regular file is opened.
fn read_stable(
    p: &Path,
    fs: &dyn Files,
) -> Result<(Vec<u8>, Option<std::time::SystemTime>), ReadFail> {
    for _ in 0..2 {
        let before = fs.stat(p).map_err(ReadFail::Io)?;
        if before.0 > MAX_FILE_BYTES {
            return Err(ReadFail::TooBig(before.0));
        }
        let bytes = fs.read(p, MAX_FILE_BYTES).map_err(ReadFail::Io)?;
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(ReadFail::TooBig(bytes.len() as u64));
        }
        let after = fs.stat(p).map_err(ReadFail::Io)?;
        if before == after && bytes.len() as u64 == after.0 {
            return Ok((bytes, after.1));
        }
    }
    Err(ReadFail::Changing)
}

/// Walks the inbox and reads every file in it (see [`read_all`] for `keep_text`).
pub fn read_inbox(
    data_dir: &Path,
    refs: &Reference,
    keep_text: &(dyn Fn(Option<Period>) -> bool + Sync),
) -> Result<Inbox, InboxError> {
    let found = walk(data_dir, refs.registry)?;
    Ok(Inbox::new(read_all(&found, refs, keep_text)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    /// A file whose size grows at every look for the first `changes` looks.
    struct Growing {
        looks: Cell<u64>,
        changes: u64,
    }

    impl Files for Growing {
        fn stat(&self, _: &Path) -> std::io::Result<(u64, Option<std::time::SystemTime>)> {
            let n = self.looks.get();
            self.looks.set(n + 1);
            Ok((3 + n.min(self.changes), None))
        }
        fn read(&self, _: &Path, _: u64) -> std::io::Result<Vec<u8>> {
            let n = self.looks.get();
            Ok(vec![
                b'a';
                (3 + n.saturating_sub(1).min(self.changes)) as usize
            ])
        }
    }

    #[test]
    fn a_file_that_changes_is_read_again_then_refused() {
        let steady = Growing {
            looks: Cell::new(0),
            changes: 0,
        };
        assert!(read_stable(Path::new("x"), &steady).is_ok());
        // Changes once: the second reading is used.
        let once = Growing {
            looks: Cell::new(0),
            changes: 1,
        };
        let (bytes, _) = read_stable(Path::new("x"), &once).unwrap();
        assert_eq!(bytes.len(), 4);
        // Keeps changing: refused.
        let always = Growing {
            looks: Cell::new(0),
            changes: 100,
        };
        let fail = read_stable(Path::new("x"), &always).unwrap_err();
        assert!(matches!(fail, ReadFail::Changing));
        let d = fail.diagnostic("nop/a/2024-Q1.yaml");
        assert_eq!(d.code, code::TEP_DANG_GHI);
        assert!(d.message.contains("hãy chạy lại sau"));
    }

    #[test]
    fn hidden_and_temporary_names_are_skipped() {
        for name in [
            ".an",
            "~$bao-cao.docx",
            "bao-cao.yaml~",
            "x.TMP",
            "x.bak",
            ".~lock.a.xlsx#",
        ] {
            assert!(is_skipped_name(name), "{name}");
        }
        for name in ["2024-Q1.yaml", "bao-cao.docx", "2024-Q1.yaml.txt"] {
            assert!(!is_skipped_name(name), "{name}");
        }
    }
}
