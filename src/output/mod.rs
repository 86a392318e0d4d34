//! Writing the outputs so that nothing is ever lost (docs/architecture.md, "Outputs"):
//!
//! - [`Folder::open`] takes the output folder's lock ([`lock`]), finishes or undoes a
//!   replacement that a killed run left half done ([`journal`]) and removes the temporary
//!   files of killed runs;
//! - a [`Staging`] area writes each new file to a temporary file beside its target
//!   ([`staging`]);
//! - [`Folder::commit`] checks every target before it replaces any ([`replace`]), keeps a
//!   file that changed since baocao wrote it ([`manifest`]) beside the new one, writes the
//!   journal, renames the files into place, and puts everything back if a rename fails.

pub mod hook;
pub mod journal;
pub mod lock;
pub mod manifest;
pub mod replace;
pub mod staging;

use journal::Entry;
use lock::Lock;
use manifest::Manifest;
use replace::Fate;
pub use staging::Staging;
use staging::{TMP_PREFIX, TMP_SUFFIX, create_dirs, remove_empty};
use std::path::{Path, PathBuf};

/// baocao's own folder inside an output folder: the lock, the journal, the record of what
/// it wrote.
pub const META_DIR: &str = ".baocao";

/// One output file and its bytes.
#[derive(Debug)]
pub struct OutputFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

/// Why the outputs could not be written, in Vietnamese, naming the file, and what to do.
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

/// What opening an output folder found and did about an earlier run that was killed.
#[derive(Debug, Default)]
pub struct Recovery {
    /// A replacement left half done, finished or undone.
    pub finished: Option<Finished>,
    /// Temporary files of killed runs removed, and their total size.
    pub removed_files: usize,
    pub removed_bytes: u64,
}

/// How an interrupted replacement was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Finished {
    /// Every new file of that run put in place.
    Forward { files: usize },
    /// Every previous file put back.
    Back { files: usize },
}

/// What a commit did.
#[derive(Debug, Default)]
pub struct Committed {
    /// Files written (new or replaced).
    pub written: Vec<PathBuf>,
    /// Targets that already held the new content and were left as they were.
    pub unchanged: Vec<PathBuf>,
    /// Files that were not baocao's own, kept beside the new ones.
    pub kept: Vec<Kept>,
}

/// A file kept instead of overwritten.
#[derive(Debug, Clone)]
pub struct Kept {
    pub target: PathBuf,
    pub copy: PathBuf,
    /// Changed since baocao wrote it (else: nothing recorded who wrote it).
    pub edited: bool,
}

/// An output folder opened for writing: its lock is held until this is dropped.
pub struct Folder {
    out: PathBuf,
    meta: PathBuf,
    lock: Option<Lock>,
    /// Folders made to hold the lock, removed again when nothing is written.
    created: Vec<PathBuf>,
    keep: bool,
    /// The sub-folder for kept copies (see [`replace::plan`]).
    kept_in: Option<&'static str>,
}

impl Folder {
    /// Opens `out` for writing (making it if needed): takes its lock, waiting for another
    /// run; finishes or undoes a replacement a killed run left half done; removes the
    /// temporary files of killed runs.
    pub fn open(out: &Path) -> Result<(Folder, Recovery), OutputError> {
        let meta = out.join(META_DIR);
        let mut folder = Folder {
            out: out.to_path_buf(),
            meta: meta.clone(),
            lock: None,
            created: Vec::new(),
            keep: false,
            kept_in: None,
        };
        create_dirs(&meta, &mut folder.created).map_err(|e| io_error(out, &e))?;
        folder.lock = Some(Lock::acquire(&meta, out)?);
        hook::pause("locked");
        let mut recovery = Recovery {
            finished: recover(out, &meta)?,
            ..Recovery::default()
        };
        folder.keep |= recovery.finished.is_some();
        (recovery.removed_files, recovery.removed_bytes) = remove_leftovers(out);
        announce_recovery(&recovery);
        hook::pause("recovered");
        Ok((folder, recovery))
    }

    /// Kept copies go into the sub-folder `sub` beside their target instead of beside it.
    pub fn keep_copies_in(mut self, sub: &'static str) -> Folder {
        self.kept_in = Some(sub);
        self
    }

    /// Opens `out` and writes `files` into it as one set.
    pub fn write(out: &Path, files: &[OutputFile]) -> Result<(Recovery, Committed), OutputError> {
        let (mut folder, recovery) = Folder::open(out)?;
        let mut stage = Staging::new();
        for f in files {
            stage.add_bytes(&f.path, &f.bytes)?;
        }
        Ok((recovery, folder.commit(stage)?))
    }

    /// Puts every staged file in place as one set, or changes nothing.
    pub fn commit(&mut self, mut stage: Staging) -> Result<Committed, OutputError> {
        let manifest_path = self.meta.join("da-ghi.json");
        let mut manifest = Manifest::read(&manifest_path);
        let stamp = chrono::Local::now().format("%Y-%m-%d %Hh%M").to_string();
        // Every target checked before anything changes; on failure the staging area's drop
        // removes the temporary files.
        let fates = replace::plan(&self.out, &manifest, &stage.staged, &stamp, self.kept_in)?;
        let mut done = Committed::default();
        let mut entries = Vec::new();
        let mut temps = Vec::new();
        for (n, (s, fate)) in stage.take().into_iter().zip(fates).enumerate() {
            let dich = rel(&self.out, &s.target);
            let (de_ra, giu_lai) = match fate {
                Fate::Same(existing) => {
                    manifest.tep.insert(dich, existing);
                    done.unchanged.push(s.target);
                    continue;
                }
                Fate::New => (None, false),
                Fate::Replace => (Some(backup_name(&dich, n)), false),
                Fate::Keep { copy, edited } => {
                    if let Some(dir) = copy.parent() {
                        create_dirs(dir, &mut self.created).map_err(|e| io_error(dir, &e))?;
                    }
                    done.kept.push(Kept {
                        target: s.target.clone(),
                        copy: copy.clone(),
                        edited,
                    });
                    (Some(rel(&self.out, &copy)), true)
                }
            };
            entries.push(Entry {
                tam: sibling(&dich, &s.tmp),
                dich,
                de_ra,
                giu_lai,
                moi: s.record,
            });
            done.written.push(s.target);
            temps.push(s.tmp);
        }
        if !entries.is_empty() {
            journal::write(&self.meta, &entries).map_err(|e| io_error(&self.meta, &e))?;
            // The journal answers for the temporary files from now on.
            for t in temps {
                let _ = t.keep();
            }
            hook::pause("journal");
            self.replace(&entries, &mut manifest, &manifest_path)?;
        } else {
            write_manifest(&self.meta, &manifest_path, &manifest)
                .map_err(|e| io_error(&manifest_path, &e))?;
        }
        stage.keep_folders();
        self.keep = true;
        Ok(done)
    }

    /// Removes outputs of earlier runs that are no longer wanted (a feedback note for a unit
    /// that now has nothing to fix). Only a file that still holds what baocao wrote is
    /// removed; one changed by hand, or not recorded, is left and returned.
    pub fn retire(&mut self, paths: &[PathBuf]) -> Result<Vec<PathBuf>, OutputError> {
        let manifest_path = self.meta.join("da-ghi.json");
        let mut manifest = Manifest::read(&manifest_path);
        let mut left = Vec::new();
        let mut removed = false;
        for path in paths.iter().filter(|p| p.is_file()) {
            let key = rel(&self.out, path);
            match manifest.tep.get(&key) {
                Some(r) if journal::holds(path, r) => {
                    std::fs::remove_file(path).map_err(|e| io_error(path, &e))?;
                    manifest.tep.remove(&key);
                    removed = true;
                }
                _ => left.push(path.clone()),
            }
        }
        if removed {
            write_manifest(&self.meta, &manifest_path, &manifest)
                .map_err(|e| io_error(&manifest_path, &e))?;
            self.keep = true;
        }
        Ok(left)
    }

    /// Renames every file into place and records them; on failure, puts everything back.
    fn replace(
        &self,
        entries: &[Entry],
        manifest: &mut Manifest,
        manifest_path: &Path,
    ) -> Result<(), OutputError> {
        let result = journal::forward(&self.out, entries, journal::count_rename)
            .map_err(|(target, e)| io_error(&target, &e))
            .and_then(|()| {
                hook::pause("renamed");
                for e in entries {
                    manifest.tep.insert(e.dich.clone(), e.moi.clone());
                }
                write_manifest(&self.meta, manifest_path, manifest)
                    .map_err(|e| io_error(manifest_path, &e))
            });
        match result {
            Ok(()) => {
                journal::drop_backups(&self.out, entries);
                let _ = journal::remove(&self.meta);
                Ok(())
            }
            Err(mut err) => {
                let undone = journal::back(&self.out, entries, || {}).is_ok()
                    && journal::remove(&self.meta).is_ok();
                err.message.push_str(if undone {
                    " Các tệp đã thay được trả lại như cũ; không tệp kết quả nào thay đổi."
                } else {
                    " Chưa trả lại được các tệp cũ; lần chạy sau sẽ hoàn tất hoặc trả lại việc thay tệp trước khi làm gì khác."
                });
                Err(err)
            }
        }
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        if self.keep {
            return;
        }
        // Nothing written: a folder this run made is removed again, lock file and all.
        if let Some(lock) = self.lock.take()
            && self.created.contains(&self.meta)
        {
            lock.remove();
        }
        remove_empty(&self.created);
    }
}

/// What a run did about an earlier run that was killed while writing, on stderr, as soon as
/// it is done (before a long build, so that the clerk knows at once).
fn announce_recovery(r: &Recovery) {
    match r.finished {
        Some(Finished::Forward { files }) => crate::terminal::notice(&format!(
            "Lần chạy trước bị dừng giữa lúc thay các tệp kết quả; đã đặt nốt {files} tệp mới của lần chạy đó vào chỗ, nên mỗi kỳ lại có đủ một bộ tệp cùng lần lập."
        )),
        Some(Finished::Back { files }) => crate::terminal::notice(&format!(
            "Lần chạy trước bị dừng giữa lúc thay các tệp kết quả; đã trả lại {files} tệp như trước lần chạy đó."
        )),
        None => {}
    }
    if r.removed_files > 0 {
        crate::terminal::notice(&format!(
            "Đã xóa {} tệp tạm ({:.1} MB) do các lần chạy bị dừng để lại.",
            r.removed_files,
            r.removed_bytes as f64 / 1_000_000.0
        ));
    }
}

/// The relative path of `file`, which lies beside the target `dich` (the temporary file's own
/// path may be absolute, or relative to another working folder).
fn sibling(dich: &str, file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match dich.rsplit_once('/') {
        Some((dir, _)) => format!("{dir}/{name}"),
        None => name,
    }
}

/// A hidden name beside the target for its previous file while it is replaced.
fn backup_name(dich: &str, n: usize) -> String {
    let name = format!("{TMP_PREFIX}{}-{n}-cu{TMP_SUFFIX}", std::process::id());
    sibling(dich, Path::new(&name))
}

/// `path` relative to the output folder, with `/`.
pub(crate) fn rel(out: &Path, path: &Path) -> String {
    let r = path.strip_prefix(out).unwrap_or(path);
    r.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

fn write_manifest(meta: &Path, path: &Path, m: &Manifest) -> std::io::Result<()> {
    journal::write_durably(meta, path, &m.to_bytes())
}

/// Settles a replacement that a killed run left half done: forward when every new file is at
/// hand, else back.
fn recover(out: &Path, meta: &Path) -> Result<Option<Finished>, OutputError> {
    let j = match journal::read(meta) {
        Ok(None) => return Ok(None),
        Ok(Some(j)) => j,
        Err(e) => {
            return Err(OutputError {
                message: format!(
                    "Một lần chạy trước bị dừng giữa lúc thay các tệp kết quả, và nhật ký thay tệp '{}' của nó không đọc được ({e}).",
                    journal::path(meta).display()
                ),
                hint: Some("Xem lại các tệp kết quả trong thư mục (tệp .baocao-*.tmp là bản mới chưa đặt vào chỗ), xóa tệp nhật ký đó rồi chạy lại.".into()),
            });
        }
    };
    let files = j.tep.len();
    let failed = |(path, e): journal::StepError| {
        OutputError {
        message: format!(
            "Một lần chạy trước bị dừng giữa lúc thay các tệp kết quả trong '{}', và chưa hoàn tất được việc đó ('{}': {}).",
            out.display(),
            path.display(),
            crate::oserror::explain(&e).0
        ),
        hint: Some("Đóng các tệp kết quả đang mở trong Word hoặc Excel rồi chạy lại; chưa có tệp nào bị mất.".into()),
    }
    };
    if journal::can_go_forward(out, &j.tep) {
        journal::forward(out, &j.tep, journal::count_recovery_rename).map_err(failed)?;
        let path = meta.join("da-ghi.json");
        let mut m = Manifest::read(&path);
        for e in &j.tep {
            m.tep.insert(e.dich.clone(), e.moi.clone());
        }
        write_manifest(meta, &path, &m).map_err(|e| failed((path.clone(), e)))?;
        journal::drop_backups(out, &j.tep);
        journal::remove(meta).map_err(|e| failed((journal::path(meta), e)))?;
        Ok(Some(Finished::Forward { files }))
    } else {
        journal::back(out, &j.tep, journal::count_recovery_rename).map_err(failed)?;
        journal::remove(meta).map_err(|e| failed((journal::path(meta), e)))?;
        Ok(Some(Finished::Back { files }))
    }
}

/// Removes the temporary files (`.baocao-*.tmp`) that killed runs left in the output folder,
/// its period folders and their subfolders; returns how many and their size.
fn remove_leftovers(out: &Path) -> (usize, u64) {
    let mut n = 0;
    let mut bytes = 0;
    for e in walkdir::WalkDir::new(out)
        .max_depth(3)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
    {
        let name = e.file_name().to_string_lossy();
        if e.file_type().is_file() && name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX) {
            let len = e.metadata().map_or(0, |m| m.len());
            if std::fs::remove_file(e.path()).is_ok() {
                n += 1;
                bytes += len;
            }
        }
    }
    (n, bytes)
}

/// The system's error on writing `path`, in Vietnamese, with what to do.
pub(crate) fn io_error(path: &Path, e: &std::io::Error) -> OutputError {
    let (what, todo) = crate::oserror::explain(e);
    OutputError {
        message: format!("Không ghi được '{}': {what}.", path.display()),
        hint: Some(todo),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: PathBuf, bytes: &[u8]) -> OutputFile {
        OutputFile {
            path,
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn writes_all_files_records_them_and_leaves_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let files = vec![
            file(out.join("a/x.json"), b"1"),
            file(out.join("a/y.json"), b"2"),
        ];
        let (_, done) = Folder::write(&out, &files).unwrap();
        assert_eq!(done.written.len(), 2);
        assert_eq!(std::fs::read(out.join("a/x.json")).unwrap(), b"1");
        let names: Vec<_> = std::fs::read_dir(out.join("a"))
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2);
        let m = Manifest::read(&out.join(".baocao/da-ghi.json"));
        assert_eq!(m.tep.len(), 2);
        assert_eq!(
            m.tep["a/y.json"].sha256,
            manifest::sha256_file(&out.join("a/y.json")).unwrap()
        );
        // The same again: nothing rewritten.
        let (_, done) = Folder::write(&out, &files).unwrap();
        assert_eq!((done.written.len(), done.unchanged.len()), (0, 2));
    }

    #[test]
    fn failure_keeps_previous_outputs_and_removes_new_folders() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        Folder::write(&out, &[file(out.join("old/x.json"), b"previous")]).unwrap();
        // The third target's parent is a file, so its folder cannot be made.
        std::fs::write(out.join("blocker"), b"").unwrap();
        let files = vec![
            file(out.join("old/x.json"), b"new"),
            file(out.join("new/y.json"), b"new"),
            file(out.join("blocker/z.json"), b"new"),
        ];
        assert!(Folder::write(&out, &files).is_err());
        assert_eq!(std::fs::read(out.join("old/x.json")).unwrap(), b"previous");
        assert!(!out.join("new").exists());
        let stray: Vec<_> = std::fs::read_dir(out.join("old")).unwrap().collect();
        assert_eq!(stray.len(), 1);
    }

    #[test]
    fn a_failed_first_run_leaves_no_output_folder() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out");
        let (folder, _) = Folder::open(&out).unwrap();
        assert!(out.join(".baocao/khoa").is_file());
        drop(folder);
        assert!(!out.exists());
    }
}
