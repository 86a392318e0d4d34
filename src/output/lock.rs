//! The lock that keeps two runs from writing into one output folder at once
//! (`<out>/.baocao/khoa`): an operating-system lock on an open file (`File::try_lock`), so a
//! run that dies, however it dies, lets go of it. The file says which process holds it; a
//! second run waits, saying so, and gives up with exit status 2 after
//! `BAOCAO_CHO_KHOA` seconds (60 by default).

use super::{OutputError, io_error};
use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How long a run waits for another run's lock by default.
const DEFAULT_WAIT: Duration = Duration::from_secs(60);

/// The held lock; dropping it (closing the file) lets go.
#[derive(Debug)]
pub struct Lock {
    file: File,
    path: PathBuf,
}

impl Lock {
    /// Takes the lock of the folder `meta` (`<out>/.baocao`), waiting for another run as long
    /// as `BAOCAO_CHO_KHOA` says.
    pub fn acquire(meta: &Path, out: &Path) -> Result<Lock, OutputError> {
        let path = meta.join("khoa");
        let wait = wait_time();
        let start = Instant::now();
        let mut said = false;
        loop {
            // (Made again if a run that had made it, and failed, removed it meanwhile.)
            let mut file = std::fs::create_dir_all(meta)
                .and_then(|()| open(&path))
                .map_err(|e| io_error(&path, &e))?;
            match file.try_lock() {
                Ok(()) => {
                    // The file may have been removed and made anew while this run waited
                    // on the old one: then the lock is worth nothing; take the new one.
                    if !same_file(&file, &path) {
                        continue;
                    }
                    write_holder(&mut file);
                    return Ok(Lock { file, path });
                }
                Err(TryLockError::Error(e)) if e.kind() == std::io::ErrorKind::Unsupported => {
                    crate::terminal::notice(&format!(
                        "chú ý: ổ đĩa của thư mục kết quả '{}' không hỗ trợ khóa tệp; đừng chạy hai lần baocao cùng lúc vào thư mục này.",
                        out.display()
                    ));
                    return Ok(Lock { file, path });
                }
                Err(TryLockError::Error(e)) => return Err(io_error(&path, &e)),
                Err(TryLockError::WouldBlock) => {}
            }
            let holder = read_holder(&mut file);
            if start.elapsed() >= wait {
                return Err(busy(out, &holder, wait));
            }
            if !said {
                crate::terminal::notice(&format!(
                    "Thư mục kết quả '{}' đang được một lần chạy baocao khác ghi ({holder}); đang chờ lần chạy đó xong (tối đa {} giây)…",
                    out.display(),
                    wait.as_secs()
                ));
                said = true;
            }
            drop(file);
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Removes the lock file (for a run that made the output folder and leaves nothing
    /// behind), then lets go.
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
        drop(self.file);
    }
}

fn busy(out: &Path, holder: &str, wait: Duration) -> OutputError {
    OutputError {
        message: format!(
            "Thư mục kết quả '{}' đang được một lần chạy baocao khác ghi ({holder}); đã chờ {} giây mà lần chạy đó chưa xong, nên lần chạy này dừng, không ghi gì.",
            out.display(),
            wait.as_secs()
        ),
        hint: Some("Đợi lần chạy kia xong (hoặc dừng nó) rồi chạy lại; muốn chờ lâu hơn, đặt biến môi trường BAOCAO_CHO_KHOA (số giây), ví dụ BAOCAO_CHO_KHOA=600.".into()),
    }
}

fn wait_time() -> Duration {
    std::env::var("BAOCAO_CHO_KHOA")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .map_or(DEFAULT_WAIT, Duration::from_secs)
}

fn open(path: &Path) -> std::io::Result<File> {
    let mut o = OpenOptions::new();
    o.read(true).write(true).create(true).truncate(false);
    #[cfg(windows)]
    {
        use std::os::windows::fs::OpenOptionsExt;
        // FILE_ATTRIBUTE_HIDDEN: the clerk's Explorer does not show it.
        o.attributes(0x2);
    }
    o.open(path)
}

/// Whether the open file is still the one at `path`.
#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &File, path: &Path) -> bool {
    path.is_file()
}

/// Writes who holds the lock: process id and start time.
fn write_holder(file: &mut File) {
    let text = format!(
        "tiến trình {}, bắt đầu lúc {}",
        std::process::id(),
        chrono::Local::now().format("%H:%M:%S ngày %d/%m/%Y")
    );
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = file.write_all(text.as_bytes());
    let _ = file.flush();
}

/// Who holds the lock, as its file says (best effort: on Windows a locked file cannot be read).
fn read_holder(file: &mut File) -> String {
    let mut s = String::new();
    let _ = file.rewind();
    let _ = Read::by_ref(file).take(200).read_to_string(&mut s);
    let s = s.trim();
    if s.is_empty() {
        "không rõ tiến trình nào".into()
    } else {
        s.to_string()
    }
}
