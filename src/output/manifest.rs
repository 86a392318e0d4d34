//! What baocao wrote into an output folder (`<out>/.baocao/da-ghi.json`): for every file, its
//! SHA-256, size and modification time when baocao put it in place. A file whose content no
//! longer matches was changed by someone else (the clerk edited the report in Word) and is
//! never overwritten (docs/architecture.md, "Outputs").
//!
//! SHA-256 (the `sha2` crate) rather than size and time alone: Word keeps the size of a
//! document now and then, copies and sync tools change times without changing content, and a
//! wrong "unchanged" would lose the clerk's work. Size and time only spare reading a file
//! again when both are exactly as recorded.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

/// One file as baocao wrote it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// SHA-256 of the content, lowercase hexadecimal.
    pub sha256: String,
    /// Size in bytes.
    pub kich_thuoc: u64,
    /// Modification time, nanoseconds since 1970 (0 when the file system has none).
    pub sua_luc_ns: u64,
}

impl Record {
    /// The record of a file's current content, time and size.
    pub fn of_file(path: &Path) -> std::io::Result<Record> {
        let meta = std::fs::metadata(path)?;
        Ok(Record {
            sha256: sha256_file(path)?,
            kich_thuoc: meta.len(),
            sua_luc_ns: mtime_ns(&meta),
        })
    }

    /// Whether size and time say the file is still as recorded (its hash then needs no
    /// reading).
    pub fn same_stat(&self, meta: &std::fs::Metadata) -> bool {
        self.sua_luc_ns != 0 && self.kich_thuoc == meta.len() && self.sua_luc_ns == mtime_ns(meta)
    }
}

/// The record file of an output folder.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// Format version.
    pub phien_ban: u32,
    /// By path relative to the output folder, with `/`.
    pub tep: BTreeMap<String, Record>,
}

impl Manifest {
    /// Reads the record file; a missing or unreadable one is empty (nothing is then known to
    /// be baocao's, so every differing file is kept).
    pub fn read(path: &Path) -> Manifest {
        std::fs::read(path)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut v = serde_json::to_vec_pretty(&Manifest {
            phien_ban: 1,
            tep: self.tep.clone(),
        })
        .unwrap_or_default();
        v.push(b'\n');
        v
    }
}

/// The modification time in nanoseconds since 1970; 0 when unknown.
pub fn mtime_ns(meta: &std::fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(0))
}

/// The SHA-256 of a file, read in blocks.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex(&h.finalize()))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A writer that hashes and counts what passes through it.
pub struct Hashing<W> {
    inner: W,
    hash: Sha256,
    len: u64,
}

impl<W: std::io::Write> Hashing<W> {
    pub fn new(inner: W) -> Hashing<W> {
        Hashing {
            inner,
            hash: Sha256::new(),
            len: 0,
        }
    }

    /// The inner writer, the SHA-256 and the byte count.
    pub fn finish(self) -> (W, String, u64) {
        (self.inner, hex(&self.hash.finalize()), self.len)
    }
}

impl<W: std::io::Write> std::io::Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hash.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn sha256_of_known_text() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x");
        std::fs::write(&p, b"abc").unwrap();
        let want = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assert_eq!(sha256_file(&p).unwrap(), want);
        let mut w = Hashing::new(Vec::new());
        w.write_all(b"a").unwrap();
        w.write_all(b"bc").unwrap();
        let (bytes, hash, len) = w.finish();
        assert_eq!(
            (bytes.as_slice(), hash.as_str(), len),
            (&b"abc"[..], want, 3)
        );
    }

    #[test]
    fn a_broken_record_file_reads_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("da-ghi.json");
        std::fs::write(&p, b"{not json").unwrap();
        assert!(Manifest::read(&p).tep.is_empty());
        assert!(Manifest::read(&dir.path().join("none")).tep.is_empty());
    }
}
