//! Why a plan document could not be imported at all (exit 2), in Vietnamese with what to do.

/// Why a document could not be imported at all.
#[derive(Debug)]
pub enum ImportError {
    /// Not `.docx`, `.txt` or `.md`.
    Format(String),
    /// The file cannot be read as its format says.
    Unreadable(String),
    /// No task found.
    NoTasks,
    /// No `--nam` and no year in the title.
    NoYear,
    /// Text that looks typed in a legacy font encoding but converts to no Vietnamese; its start.
    Legacy(String),
}

impl ImportError {
    pub fn message(&self, file: &str) -> String {
        match self {
            ImportError::Format(_) => format!(
                "Không đọc được '{file}': chỉ nhập được kế hoạch dạng .docx, .txt hoặc .md."
            ),
            ImportError::Unreadable(why) => format!("Không đọc được '{file}': {why}"),
            ImportError::NoTasks => {
                format!("Không tìm thấy nhiệm vụ nào trong '{file}' nên không lập được kế hoạch.")
            }
            ImportError::NoYear => format!(
                "Không xác định được kế hoạch của năm nào: tên kế hoạch trong '{file}' không ghi năm."
            ),
            ImportError::Legacy(start) => format!(
                "Đoạn chữ \"{start}\" trong '{file}' có vẻ được gõ bằng bảng mã cũ (TCVN3 hoặc VNI) nhưng không chuyển được chắc chắn sang Unicode."
            ),
        }
    }

    pub fn hint(&self) -> Option<String> {
        match self {
            ImportError::Format(ext) if ext == "doc" => Some(
                "Mở tệp .doc bằng Word, lưu lại thành tệp kiểu .docx (Tệp → Lưu Như → kiểu Tài liệu Word), rồi nhập tệp .docx."
                    .into(),
            ),
            ImportError::Format(_) => Some(
                "Lưu kế hoạch thành tệp Word (.docx) hoặc văn bản thuần (.txt, UTF-8) rồi nhập lại."
                    .into(),
            ),
            ImportError::Unreadable(_) => None,
            ImportError::Legacy(_) => Some(
                "Dùng Unikey (Công cụ chuyển mã) chuyển văn bản từ bảng mã cũ sang Unicode dựng sẵn, lưu lại rồi nhập lại."
                    .into(),
            ),
            ImportError::NoTasks => Some(
                "Kế hoạch cần mục nhiệm vụ (II) với các lĩnh vực \"1. …\", nhiệm vụ \"a) …\" và các dòng \
                 \"- Cơ quan chủ trì: …\", hoặc một bảng có cột STT, Nhiệm vụ, Cơ quan chủ trì, … \
                 (xem docs/nhap-ke-hoach.md)."
                    .into(),
            ),
            ImportError::NoYear => {
                Some("Ghi năm của kế hoạch bằng --nam, ví dụ: baocao ke-hoach nhap KH.docx --nam 2025".into())
            }
        }
    }
}
