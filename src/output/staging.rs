//! The new files of a run, written to temporary files beside their targets as they are
//! produced (so that no output has to stay in memory), hashed on the way. Dropped without a
//! commit, a staging area deletes its temporary files and the folders it created.

use super::manifest::{Hashing, Record, mtime_ns};
use super::{OutputError, io_error};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The name every temporary file of baocao starts with; with [`TMP_SUFFIX`], what a later
/// run removes when a killed run left it behind.
pub const TMP_PREFIX: &str = ".baocao-";
pub const TMP_SUFFIX: &str = ".tmp";

/// One staged file: its temporary file, its target and the record of its content.
#[derive(Debug)]
pub struct Staged {
    pub tmp: tempfile::TempPath,
    pub target: PathBuf,
    pub record: Record,
}

/// The staged files of a run, committed by [`super::Folder::commit`].
#[derive(Default)]
pub struct Staging {
    pub(super) staged: Vec<Staged>,
    created: Vec<PathBuf>,
    kept_folders: bool,
}

impl Staging {
    pub fn new() -> Staging {
        Staging::default()
    }

    /// Stages `path` with what `write` writes.
    pub fn add(
        &mut self,
        path: &Path,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<(), OutputError> {
        let dir = path.parent().unwrap_or(Path::new("."));
        create_dirs(dir, &mut self.created).map_err(|e| io_error(dir, &e))?;
        let mut tmp = temp_file(dir).map_err(|e| io_error(dir, &e))?;
        let (hash, len) = {
            // Buffered before the hash, so that it hashes large blocks.
            let mut w = std::io::BufWriter::with_capacity(1 << 16, Hashing::new(tmp.as_file_mut()));
            write(&mut w)
                .and_then(|_| w.flush())
                .map_err(|e| io_error(path, &e))?;
            let hashing = w.into_inner().map_err(|e| io_error(path, e.error()))?;
            let (_, hash, len) = hashing.finish();
            (hash, len)
        };
        readable_by_others(tmp.as_file())
            .and_then(|_| tmp.as_file().sync_all())
            .map_err(|e| io_error(path, &e))?;
        let meta = tmp.as_file().metadata().map_err(|e| io_error(path, &e))?;
        self.staged.push(Staged {
            tmp: tmp.into_temp_path(),
            target: path.to_path_buf(),
            record: Record {
                sha256: hash,
                kich_thuoc: len,
                sua_luc_ns: mtime_ns(&meta),
            },
        });
        Ok(())
    }

    pub fn add_bytes(&mut self, path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        self.add(path, |w| w.write_all(bytes))
    }

    /// The staged files, handed over to a commit.
    pub(super) fn take(&mut self) -> Vec<Staged> {
        std::mem::take(&mut self.staged)
    }

    /// Once committed, the folders made for the files stay.
    pub(super) fn keep_folders(&mut self) {
        self.kept_folders = true;
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Temporary files delete themselves; remove the folders this run created (deepest
        // first) if nothing was committed into them and they stayed empty.
        self.staged.clear();
        if !self.kept_folders {
            remove_empty(&self.created);
        }
    }
}

/// Removes folders that are empty, deepest first.
pub(super) fn remove_empty(created: &[PathBuf]) {
    for dir in created.iter().rev() {
        let _ = std::fs::remove_dir(dir);
    }
}

/// A new temporary file in `dir`, named `.baocao-<random>.tmp`.
pub(super) fn temp_file(dir: &Path) -> std::io::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(TMP_PREFIX)
        .suffix(TMP_SUFFIX)
        .tempfile_in(dir)
}

/// Temporary files are private (0600); the reports are for the whole office (0644).
#[cfg(unix)]
fn readable_by_others(f: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    f.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn readable_by_others(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// Creates `dir` and its missing parents, noting each folder made.
pub(super) fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> std::io::Result<()> {
    if dir.as_os_str().is_empty() || dir.is_dir() {
        return Ok(());
    }
    if let Some(parent) = dir.parent() {
        create_dirs(parent, created)?;
    }
    std::fs::create_dir(dir)?;
    created.push(dir.to_path_buf());
    Ok(())
}

/// Makes the renames and removals in `dir` durable (a no-op where folders cannot be opened).
pub(super) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
