//! Writing the outputs, atomically: every file of a run is first written to a temporary file beside its target,
//! and only when all are written are they renamed into place. A run that fails leaves the
//! previous outputs untouched and no stray files or new empty folders behind.

use std::io::Write;
use std::path::{Path, PathBuf};

/// One output file and its bytes.
#[derive(Debug)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Why the outputs could not be written, in Vietnamese, naming the file.
#[derive(Debug)]
pub struct OutputError {
    pub message: String,
    pub hint: Option<String>,
}

impl std::fmt::Display for OutputError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OutputError {}

impl OutputError {
    /// The system's error on `path`, in Vietnamese, with what to do.
    pub fn of(path: &Path, e: &std::io::Error) -> OutputError {
        io_error(path, e)
    }
}

/// Writes every file or none.
pub fn write_all(files: &[OutputFile]) -> Result<(), OutputError> {
    let mut stage = Staging::new();
    for f in files {
        stage.add_bytes(&f.path, &f.bytes)?;
    }
    stage.commit()
}

/// Output files written to temporary files beside their targets as they are produced (so
/// that no output has to stay in memory), renamed into place together by [`Staging::commit`].
/// Dropped without a commit, it deletes the temporary files and the folders it created.
#[derive(Default)]
pub struct Staging {
    staged: Vec<(tempfile::NamedTempFile, PathBuf)>,
    created: Vec<PathBuf>,
    committed: bool,
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
        let mut tmp = tempfile::Builder::new()
            .prefix(".baocao-")
            .suffix(".tmp")
            .tempfile_in(dir)
            .map_err(|e| io_error(dir, &e))?;
        {
            let mut w = std::io::BufWriter::new(tmp.as_file_mut());
            write(&mut w)
                .and_then(|_| w.flush())
                .map_err(|e| io_error(path, &e))?;
        }
        readable_by_others(tmp.as_file())
            .and_then(|_| tmp.as_file().sync_all())
            .map_err(|e| io_error(path, &e))?;
        self.staged.push((tmp, path.to_path_buf()));
        Ok(())
    }

    pub fn add_bytes(&mut self, path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
        self.add(path, |w| w.write_all(bytes))
    }

    /// Renames every staged file into place.
    pub fn commit(mut self) -> Result<(), OutputError> {
        for (tmp, path) in std::mem::take(&mut self.staged) {
            tmp.persist(&path).map_err(|e| io_error(&path, &e.error))?;
        }
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            // Temporary files delete themselves; remove the folders this run created
            // (deepest first), if they stayed empty.
            self.staged.clear();
            for dir in self.created.iter().rev() {
                let _ = std::fs::remove_dir(dir);
            }
        }
    }
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

fn create_dirs(dir: &Path, created: &mut Vec<PathBuf>) -> std::io::Result<()> {
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

fn io_error(path: &Path, e: &std::io::Error) -> OutputError {
    let (what, todo) = crate::oserror::explain(e);
    OutputError {
        message: format!("Không ghi được '{}': {what}.", path.display()),
        hint: Some(todo),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_all_files_and_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let files = vec![
            OutputFile {
                path: dir.path().join("a/x.json"),
                bytes: b"1".to_vec(),
            },
            OutputFile {
                path: dir.path().join("a/y.json"),
                bytes: b"2".to_vec(),
            },
        ];
        write_all(&files).unwrap();
        assert_eq!(std::fs::read(dir.path().join("a/x.json")).unwrap(), b"1");
        let names: Vec<_> = std::fs::read_dir(dir.path().join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2);
    }

    #[test]
    fn failure_keeps_previous_outputs_and_removes_new_folders() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("old")).unwrap();
        std::fs::write(dir.path().join("old/x.json"), b"previous").unwrap();
        // The second target's parent is a file, so its folder cannot be made.
        std::fs::write(dir.path().join("blocker"), b"").unwrap();
        let files = vec![
            OutputFile {
                path: dir.path().join("old/x.json"),
                bytes: b"new".to_vec(),
            },
            OutputFile {
                path: dir.path().join("new/y.json"),
                bytes: b"new".to_vec(),
            },
            OutputFile {
                path: dir.path().join("blocker/z.json"),
                bytes: b"new".to_vec(),
            },
        ];
        assert!(write_all(&files).is_err());
        assert_eq!(
            std::fs::read(dir.path().join("old/x.json")).unwrap(),
            b"previous"
        );
        assert!(!dir.path().join("new").exists());
        let stray: Vec<_> = std::fs::read_dir(dir.path().join("old")).unwrap().collect();
        assert_eq!(stray.len(), 1);
    }
}
