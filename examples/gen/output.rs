//! Writing the data folder: preparing it, the NFC check, and writing the fixed files and
//! every unit's submissions (in parallel), counting files and bytes.

use crate::faults::{Fault, files_of};
use crate::fixed_files::{catalogue_yaml, config_yaml, plan_yaml, registry_yaml};
use crate::submissions::World;
use baocao::model::period::Period;
use baocao::model::status::Status;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

pub fn prepare_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let non_empty = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_some();
        if non_empty {
            if !dir.join(".gen").is_file() {
                return Err(format!(
                    "{} is not empty and was not written by gen; refusing to replace it",
                    dir.display()
                ));
            }
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    std::fs::create_dir_all(dir.join("ke-hoach")).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(dir.join(".gen"), "incomplete\n").map_err(|e| e.to_string())?;
    Ok(())
}

/// The generator's sources: their literals are most of the text of the files it writes.
/// Every module is listed here, so that check_nfc() sees all of them.
const SOURCES: [&str; 14] = [
    include_str!("main.rs"),
    include_str!("args.rs"),
    include_str!("faults.rs"),
    include_str!("fixed_files.rs"),
    include_str!("indicators.rs"),
    include_str!("output.rs"),
    include_str!("periods.rs"),
    include_str!("plan.rs"),
    include_str!("plan_text.rs"),
    include_str!("registry.rs"),
    include_str!("rng.rs"),
    include_str!("submissions.rs"),
    include_str!("text.rs"),
    include_str!("workbook.rs"),
];

/// Files must be NFC, as baocao expects of its input. Their text is the literals of
/// SOURCES and the library's period names and status labels, cut and joined, with digits,
/// ASCII and `upper_first` (slug() keeps ASCII only). If each of those characters has
/// combining class 0 and NFC_Quick_Check=Yes, every concatenation of them is NFC, so
/// checking them once here stands in for checking every file (the debug_assert in
/// Output::put still does, in debug builds).
pub fn check_nfc(periods: &[Period]) {
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};
    let safe = |c: char| {
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    };
    let names: Vec<String> = periods.iter().map(Period::display_name).collect();
    let texts = SOURCES
        .into_iter()
        .chain(names.iter().map(String::as_str))
        .chain(Status::REPORTABLE.iter().map(|s| s.label()));
    for text in texts {
        if let Some(c) = text
            .chars()
            .find(|&c| !(safe(c) && c.to_uppercase().all(safe)))
        {
            panic!(
                "U+{:04X} in {text:.40?} could make a file not NFC",
                c as u32
            );
        }
    }
}

pub fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        eprintln!("gen: {}: {e}", path.display());
        std::process::exit(1);
    }
}

/// Writes files, counting them and their bytes; safe to share between threads.
#[derive(Default)]
pub struct Output {
    bytes: AtomicU64,
    files: AtomicU64,
}

impl Output {
    pub fn put(&self, path: &Path, content: &[u8]) {
        debug_assert!(
            std::str::from_utf8(content).map_or(true, unicode_normalization::is_nfc),
            "not NFC: {}",
            path.display()
        );
        write(path, content);
        self.bytes
            .fetch_add(content.len() as u64, Ordering::Relaxed);
        self.files.fetch_add(1, Ordering::Relaxed);
    }

    /// Files written so far.
    pub fn files(&self) -> u64 {
        self.files.load(Ordering::Relaxed)
    }

    /// Bytes written so far.
    pub fn bytes(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }
}

/// Writes the configuration, the registry, the catalogue and the plan of each year.
pub fn write_fixed_files(out: &Output, dir: &Path, world: &World) {
    out.put(&dir.join("cau-hinh.yaml"), config_yaml().as_bytes());
    out.put(
        &dir.join("don-vi.yaml"),
        registry_yaml(&world.units).as_bytes(),
    );
    out.put(&dir.join("chi-tieu.yaml"), catalogue_yaml().as_bytes());
    let mut years: Vec<&i32> = world.plans.keys().collect();
    years.sort();
    for y in years {
        out.put(
            &dir.join("ke-hoach").join(format!("{y}.yaml")),
            plan_yaml(&world.plans[y], *y, &world.units).as_bytes(),
        );
    }
}

/// Writes every unit's files under `dir/nop/<unit>/`, units in parallel.
pub fn write_submissions(
    out: &Output,
    dir: &Path,
    world: &World,
    faults: &HashMap<(usize, usize), Fault>,
) {
    let nop = dir.join("nop");
    (0..world.units.len()).into_par_iter().for_each(|u| {
        let folder = nop.join(&world.units[u].id);
        let mut made = false;
        for p in 0..world.periods.len() {
            if world.missing(u, p) {
                continue;
            }
            let fault = faults.get(&(u, p)).copied();
            let mut written = Vec::new();
            for (rel, content) in files_of(world, u, p, fault) {
                let path = folder.join(&rel);
                if !made || rel.contains('/') {
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap_or_else(|e| {
                        eprintln!("gen: {}: {e}", folder.display());
                        std::process::exit(1);
                    });
                    made = true;
                }
                out.put(&path, &content);
                written.push(path);
            }
            if fault == Some(Fault::Tie) {
                same_mtime(&written);
            }
        }
    });
}

/// Gives the files of a tie the modification time of the first: baocao breaks a tie of
/// dates by the time a file was saved, and two files written one after the other get the
/// same time only when the clock did not tick in between (on a busy machine it sometimes
/// does, and the tie was then no tie).
fn same_mtime(paths: &[std::path::PathBuf]) {
    let Some(first) = paths.first() else { return };
    let set = || -> std::io::Result<()> {
        let t = std::fs::metadata(first)?.modified()?;
        for p in &paths[1..] {
            std::fs::File::options()
                .write(true)
                .open(p)?
                .set_modified(t)?;
        }
        Ok(())
    };
    if let Err(e) = set() {
        eprintln!("gen: {}: {e}", first.display());
        std::process::exit(1);
    }
}
