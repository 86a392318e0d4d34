//! The inbox walk (`nop/`): which files are submissions, which folder binds them to a unit,
//! and reading them in parallel. Hidden and office lock files are skipped; symbolic links to
//! folders are not followed; oversized files are refused before they are read.

use crate::diagnostics::{Diagnostic, code};
use crate::input::decode::decode_owned;
use crate::input::submission::{Reference, read_submission};
use crate::model::period::Period;
use crate::model::registry::Registry;
use crate::model::submission::{Inbox, Placement, Submission};
use crate::terminal::Progress;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Files larger than this are refused before they are read (docs/du-lieu.md).
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// A file found in the inbox, before it is read.
#[derive(Debug, Clone)]
pub struct Found {
    pub path: PathBuf,
    /// Relative to the data folder, with `/`.
    pub rel: String,
    pub placement: Placement,
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
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_skipped_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let rel = e
                    .path()
                    .map(|p| rel_path(data_dir, p))
                    .unwrap_or_else(|| "nop".into());
                let reason = match e.io_error().map(std::io::Error::kind) {
                    Some(std::io::ErrorKind::PermissionDenied) => "không có quyền đọc".into(),
                    _ => e.to_string(),
                };
                unreadable.push((rel, reason));
                continue;
            }
        };
        let ft = entry.file_type();
        let is_file = if ft.is_symlink() {
            // A link to a file is read; a link to a folder is not followed.
            std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file())
        } else {
            ft.is_file()
        };
        if !is_file || !has_yaml_extension(entry.path()) {
            continue;
        }
        let rel = rel_path(data_dir, entry.path());
        let placement = placement_of(&rel, reg);
        found.push(Found {
            path: entry.path().to_path_buf(),
            rel,
            placement,
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

/// Hidden files and folders (`.x`) and office lock files (`~$x`, `.~lock.x#`).
fn is_skipped_name(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("~$")
}

fn has_yaml_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
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

/// Folder binding: the deepest folder between `nop/` and the file whose name is a unit id.
fn placement_of(rel: &str, reg: &Registry) -> Placement {
    let parts: Vec<&str> = rel.split('/').collect();
    // parts[0] == "nop", last is the file name.
    let folders = &parts[1..parts.len() - 1];
    Placement {
        folder_unit: folders.iter().rev().find_map(|f| reg.find_unit(f)),
        at_root: folders.is_empty(),
    }
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
            let mut s = read_one(f, refs);
            if !keep_text(s.period) {
                s.drop_texts();
            }
            progress.tick();
            s
        })
        .collect()
}

fn read_one(f: &Found, refs: &Reference) -> Submission {
    let too_big = |len: u64| {
        Diagnostic::error(
            code::TEP_QUA_LON,
            &f.rel,
            format!(
                "Tệp có dung lượng {:.1} MB, vượt giới hạn 10 MB của một báo cáo; tệp không được đọc.",
                len as f64 / (1024.0 * 1024.0)
            ),
        )
        .hint(Some("Một báo cáo chỉ vài chục KB; kiểm tra xem có dán nhầm dữ liệu lớn vào tệp không.".into()))
    };
    match std::fs::metadata(&f.path) {
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return Submission::unreadable(&f.rel, f.placement, too_big(m.len()));
        }
        Err(e) => {
            return Submission::unreadable(&f.rel, f.placement, read_error(&f.rel, &e));
        }
        Ok(_) => {}
    }
    let bytes = match read_capped(&f.path) {
        Ok(Some(b)) => b,
        Ok(None) => {
            return Submission::unreadable(&f.rel, f.placement, too_big(MAX_FILE_BYTES + 1));
        }
        Err(e) => return Submission::unreadable(&f.rel, f.placement, read_error(&f.rel, &e)),
    };
    match decode_owned(&f.rel, bytes) {
        Ok((text, warnings)) => read_submission(&f.rel, &text, f.placement, refs, warnings),
        Err(d) => Submission::unreadable(&f.rel, f.placement, d),
    }
}

/// Reads at most the size limit (a file may grow between the size check and the read).
fn read_capped(p: &Path) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let mut buf = Vec::new();
    std::fs::File::open(p)?
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)?;
    Ok((buf.len() as u64 <= MAX_FILE_BYTES).then_some(buf))
}

fn read_error(rel: &str, e: &std::io::Error) -> Diagnostic {
    let reason = match e.kind() {
        std::io::ErrorKind::PermissionDenied => "không có quyền đọc tệp".to_string(),
        _ => e.to_string(),
    };
    Diagnostic::error(
        code::KHONG_DOC_DUOC,
        rel,
        format!("Không đọc được tệp: {reason}."),
    )
    .hint(Some(
        "Kiểm tra quyền truy cập tệp, hoặc đóng chương trình đang giữ tệp.".into(),
    ))
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
