//! The replacement journal (`<out>/.baocao/giao-dich.json`): before a run renames its first
//! file into place, it writes (and syncs) the list of every replacement it is about to make:
//! the temporary file, its target, where the previous file goes, and the new file's hash.
//! It removes the journal after the last step. A run that finds a journal was killed in
//! between: it puts every new file in place (`forward`), or, when that cannot be done, every
//! previous file back (`back`). Both steps can be run again after a kill of their own.

use super::hook;
use super::manifest::Record;
use super::staging::{sync_dir, temp_file};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// One replacement; paths relative to the output folder, with `/`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Entry {
    /// The temporary file that holds the new content.
    pub tam: String,
    /// The target.
    pub dich: String,
    /// Where the previous file goes; none when there was none.
    pub de_ra: Option<String>,
    /// Whether that is a copy kept for the clerk (else a backup, removed at the end).
    pub giu_lai: bool,
    /// The new file.
    pub moi: Record,
}

/// The journal file.
#[derive(Debug, Serialize, Deserialize)]
pub struct Journal {
    pub phien_ban: u32,
    /// The process that wrote it.
    pub tien_trinh: u32,
    pub tep: Vec<Entry>,
}

pub fn path(meta: &Path) -> PathBuf {
    meta.join("giao-dich.json")
}

/// Writes the journal durably: a temporary file, synced, renamed into place, the folder
/// synced.
pub fn write(meta: &Path, entries: &[Entry]) -> std::io::Result<()> {
    let j = Journal {
        phien_ban: 1,
        tien_trinh: std::process::id(),
        tep: entries.to_vec(),
    };
    let bytes = serde_json::to_vec_pretty(&j).map_err(std::io::Error::other)?;
    write_durably(meta, &path(meta), &bytes)
}

/// Writes `bytes` to `target` in `dir` through a synced temporary file.
pub fn write_durably(dir: &Path, target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = temp_file(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

/// Reads the journal left by an interrupted run, if there is one; the error says why not, in
/// Vietnamese.
pub fn read(meta: &Path) -> Result<Option<Journal>, String> {
    match std::fs::read(path(meta)) {
        Ok(b) => serde_json::from_slice(&b)
            .map(Some)
            .map_err(|_| "nội dung bị hỏng hoặc bị cắt cụt".to_string()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(crate::oserror::explain(&e).0),
    }
}

pub fn remove(meta: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path(meta)) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(e),
        _ => {
            sync_dir(meta);
            Ok(())
        }
    }
}

pub fn abs(out: &Path, rel: &str) -> PathBuf {
    out.join(rel)
}

/// Whether every new file is still at hand: its temporary file is there, or it is in place
/// already.
pub fn can_go_forward(out: &Path, entries: &[Entry]) -> bool {
    entries
        .iter()
        .all(|e| abs(out, &e.tam).is_file() || holds(&abs(out, &e.dich), &e.moi))
}

/// Whether `path` holds exactly the recorded file.
pub fn holds(path: &Path, r: &Record) -> bool {
    match std::fs::metadata(path) {
        Ok(m) if m.is_file() && r.same_stat(&m) => true,
        Ok(m) if m.is_file() && m.len() == r.kich_thuoc => {
            super::manifest::sha256_file(path).is_ok_and(|h| h == r.sha256)
        }
        _ => false,
    }
}

/// What failed: the target whose step failed, and why.
pub type StepError = (PathBuf, std::io::Error);

/// Puts every new file in place; the previous ones go where the journal says.
pub fn forward(out: &Path, entries: &[Entry], renamed: fn()) -> Result<(), StepError> {
    for e in entries {
        let (tmp, target) = (abs(out, &e.tam), abs(out, &e.dich));
        if !tmp.exists() {
            continue;
        }
        if let Some(aside) = &e.de_ra {
            let aside = abs(out, aside);
            // Not yet moved aside (a file there is the previous file, moved already).
            if target.exists() && !aside.is_file() {
                std::fs::rename(&target, &aside).map_err(|e| (target.clone(), e))?;
                renamed();
            }
        }
        std::fs::rename(&tmp, &target).map_err(|e| (target.clone(), e))?;
        renamed();
    }
    sync_dirs(out, entries);
    Ok(())
}

/// Puts every previous file back, removes the new files that had none before them, and the
/// temporary files.
pub fn back(out: &Path, entries: &[Entry], renamed: fn()) -> Result<(), StepError> {
    for e in entries.iter().rev() {
        let (tmp, target) = (abs(out, &e.tam), abs(out, &e.dich));
        let failed = |err| (target.clone(), err);
        match &e.de_ra {
            Some(aside) if abs(out, aside).is_file() => {
                std::fs::rename(abs(out, aside), &target).map_err(failed)?;
                renamed();
            }
            None if !tmp.exists() && holds(&target, &e.moi) => {
                std::fs::remove_file(&target).map_err(failed)?;
            }
            _ => {}
        }
        if tmp.exists() {
            std::fs::remove_file(&tmp).map_err(failed)?;
        }
    }
    sync_dirs(out, entries);
    Ok(())
}

/// Removes the previous files that were only backups.
pub fn drop_backups(out: &Path, entries: &[Entry]) {
    for e in entries {
        if let (Some(aside), false) = (&e.de_ra, e.giu_lai) {
            let _ = std::fs::remove_file(abs(out, aside));
        }
    }
    sync_dirs(out, entries);
}

fn sync_dirs(out: &Path, entries: &[Entry]) {
    let mut dirs: Vec<PathBuf> = entries
        .iter()
        .filter_map(|e| abs(out, &e.dich).parent().map(Path::to_path_buf))
        .collect();
    dirs.sort();
    dirs.dedup();
    for d in dirs {
        sync_dir(&d);
    }
}

/// The hook's rename counter for a replacement, or for a recovery.
pub fn count_rename() {
    hook::renamed();
}

pub fn count_recovery_rename() {
    hook::recovery_renamed();
}
