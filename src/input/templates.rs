//! Finding and reading the report templates' files: from the folder given with `--templates`
//! (which must hold them), else from `templates/` in the data folder, else from `templates/`
//! in the working directory (a folder counts when it holds `base.txt`), else none (the
//! renderer then uses its built-in copies).

use std::fmt;
use std::path::{Path, PathBuf};

/// Template files read from a folder: each name with its text.
#[derive(Debug)]
pub struct TemplateFiles {
    pub dir: PathBuf,
    pub files: Vec<(&'static str, String)>,
}

/// Why the templates' folder could not be used.
#[derive(Debug)]
pub enum TemplateFileError {
    /// The folder given has no `base.txt`.
    Missing {
        dir: PathBuf,
        names: Vec<&'static str>,
    },
    /// A file could not be read.
    Unreadable { path: PathBuf, reason: String },
    /// A file's bytes are not text we can read.
    Encoding { path: PathBuf, message: String },
}

impl fmt::Display for TemplateFileError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            TemplateFileError::Missing { dir, names } => write!(
                f,
                "Thư mục mẫu báo cáo {} không có tệp base.txt (cần đủ các tệp {}).",
                dir.display(),
                names.join(", ")
            ),
            TemplateFileError::Unreadable { path, reason } => {
                write!(f, "Không đọc được mẫu báo cáo {}: {reason}", path.display())
            }
            TemplateFileError::Encoding { path, message } => {
                write!(f, "Mẫu báo cáo {}: {message}", path.display())
            }
        }
    }
}

/// Reads the template files `names` from the folder given, or from `templates/` in the data
/// folder, or from `templates/` in the working directory; `None` when none applies.
pub fn read_templates(
    given: Option<&Path>,
    data_dir: &Path,
    names: &[&'static str],
) -> Result<Option<TemplateFiles>, TemplateFileError> {
    let dir = match given {
        // A mistyped --templates must not silently print the built-in wording.
        Some(d) if !d.join("base.txt").is_file() => {
            return Err(TemplateFileError::Missing {
                dir: d.to_path_buf(),
                names: names.to_vec(),
            });
        }
        Some(d) => d.to_path_buf(),
        None => {
            let found = [data_dir.join("templates"), PathBuf::from("templates")]
                .into_iter()
                .find(|d| d.join("base.txt").is_file());
            match found {
                Some(d) => d,
                None => return Ok(None),
            }
        }
    };
    let mut files = Vec::new();
    for &name in names {
        let path = dir.join(name);
        let bytes = std::fs::read(&path).map_err(|e| TemplateFileError::Unreadable {
            path: path.clone(),
            reason: crate::oserror::explain(&e).0,
        })?;
        // Decoded like every input file (BOM, UTF-16, NFC, characters XML forbids removed),
        // so that a template saved by any editor writes clean document text.
        let (text, _) = crate::input::decode::decode_owned(name, bytes).map_err(|d| {
            TemplateFileError::Encoding {
                path: path.clone(),
                message: d.message,
            }
        })?;
        files.push((name, text));
    }
    Ok(Some(TemplateFiles { dir, files }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_files_are_decoded_like_input_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("base.txt"), "x").unwrap();
        // Notepad's BOM, a decomposed "ế", a control character.
        std::fs::write(
            dir.path().join("don-doc.txt"),
            "\u{FEFF}Kính gửi: {{ ten }}\u{1}. Ke\u{302}\u{301}t thúc",
        )
        .unwrap();
        let read = read_templates(Some(dir.path()), dir.path(), &["base.txt", "don-doc.txt"])
            .unwrap()
            .unwrap();
        assert_eq!(read.files[1].1, "Kính gửi: {{ ten }}. Kết thúc");
    }

    #[test]
    fn a_folder_without_base_txt_is_an_error_that_names_the_files() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_templates(Some(dir.path()), dir.path(), &["base.txt", "quy.txt"]).unwrap_err();
        assert!(e.to_string().contains("base.txt, quy.txt"), "{e}");
    }
}
