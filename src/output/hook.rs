//! A test hook for the fault-injection tests (tests/it/outputs.rs): with
//! `BAOCAO_TEST_PAUSE=<point>` set, a debug build stops at that point of its output work,
//! says so on stderr (`baocao-test: paused at <point>`) and waits for a line (or the end) on
//! its standard input, so that a test can kill it exactly there, or let it go on. Release
//! builds compile it away.
//!
//! Points: `locked` (the output folder's lock is held, nothing looked at yet), `recovered`
//! (an interrupted replacement finished or undone, leftovers removed), `journal` (the
//! replacement journal is on disk, no file renamed yet), `rename-<n>` (just after the n-th
//! rename of a replacement), `renamed` (every file in place, the record of what baocao wrote
//! not yet updated), `recover-<n>` (just after the n-th rename of a recovery).

use std::sync::atomic::{AtomicUsize, Ordering};

static RENAMES: AtomicUsize = AtomicUsize::new(0);
static RECOVERY_RENAMES: AtomicUsize = AtomicUsize::new(0);

/// Stops at `point` when the test hook asks for it.
pub fn pause(point: &str) {
    if !cfg!(debug_assertions) {
        return;
    }
    let Some(wanted) = std::env::var_os("BAOCAO_TEST_PAUSE") else {
        return;
    };
    if wanted != point {
        return;
    }
    use std::io::Write;
    let mut err = std::io::stderr();
    let _ = writeln!(err, "baocao-test: paused at {point}");
    let _ = err.flush();
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
}

/// Counts a rename of a replacement, and stops after it when asked.
pub fn renamed() {
    let n = RENAMES.fetch_add(1, Ordering::SeqCst) + 1;
    pause(&format!("rename-{n}"));
}

/// Counts a rename of a recovery, and stops after it when asked.
pub fn recovery_renamed() {
    let n = RECOVERY_RENAMES.fetch_add(1, Ordering::SeqCst) + 1;
    pause(&format!("recover-{n}"));
}
