//! The operating system's errors in Vietnamese, each with what to do: no English message of
//! the system ("Permission denied (os error 13)") ever reaches a user.

use std::io::{Error, ErrorKind};

/// Linux's errno for a name too long (ENAMETOOLONG) and for too many symbolic links (ELOOP).
const ENAMETOOLONG: i32 = 36;
const ELOOP: i32 = 40;

/// What went wrong, in a clerk's words, and what to do about it.
pub fn explain(e: &Error) -> (String, String) {
    let (what, todo) = match (e.kind(), e.raw_os_error()) {
        (_, Some(ENAMETOOLONG)) => (
            "tên tệp hoặc đường dẫn quá dài",
            "Đặt thư mục ở chỗ có đường dẫn ngắn hơn hoặc đặt tên tệp ngắn hơn.",
        ),
        (_, Some(ELOOP)) => (
            "liên kết tắt trỏ vòng lại chính nó",
            "Xóa liên kết tắt bị vòng trong thư mục.",
        ),
        (ErrorKind::PermissionDenied, _) => (
            "không có quyền truy cập",
            "Kiểm tra quyền của thư mục dùng chung, hoặc đóng chương trình đang mở tệp (Word, Excel), rồi chạy lại.",
        ),
        (ErrorKind::NotFound, _) => (
            "không tìm thấy tệp hoặc thư mục",
            "Kiểm tra lại đường dẫn; tệp có thể vừa bị xóa hoặc chuyển đi.",
        ),
        (ErrorKind::AlreadyExists, _) => (
            "đã có tệp hoặc thư mục cùng tên",
            "Đổi tên hoặc chuyển tệp đang có cùng tên đi chỗ khác, rồi chạy lại.",
        ),
        (ErrorKind::ReadOnlyFilesystem, _) => (
            "ổ đĩa chỉ cho phép đọc, không ghi được",
            "Chọn thư mục kết quả ở ổ đĩa ghi được bằng --out, hoặc bỏ chế độ chỉ đọc của ổ đĩa (USB có khóa chống ghi).",
        ),
        (ErrorKind::IsADirectory, _) => (
            "đây là một thư mục, không phải tệp",
            "Xóa hoặc đổi tên thư mục trùng tên với tệp cần ghi.",
        ),
        (ErrorKind::NotADirectory, _) => (
            "một phần của đường dẫn là tệp, không phải thư mục",
            "Kiểm tra đường dẫn: có tệp trùng tên với một thư mục trong đường dẫn.",
        ),
        (ErrorKind::StorageFull | ErrorKind::QuotaExceeded, _) => (
            "ổ đĩa đã đầy",
            "Giải phóng dung lượng ổ đĩa rồi chạy lại; các tệp cũ vẫn được giữ nguyên.",
        ),
        (ErrorKind::FileTooLarge, _) => (
            "tệp quá lớn so với ổ đĩa",
            "Ghi kết quả vào ổ đĩa khác bằng --out.",
        ),
        (ErrorKind::DirectoryNotEmpty, _) => (
            "thư mục không trống",
            "Chuyển các tệp trong thư mục đó đi chỗ khác, rồi chạy lại.",
        ),
        (ErrorKind::ResourceBusy | ErrorKind::ExecutableFileBusy, _) => (
            "tệp đang được chương trình khác dùng",
            "Đóng chương trình đang mở tệp (Word, Excel), rồi chạy lại.",
        ),
        (ErrorKind::InvalidFilename, _) => (
            "tên tệp không hợp lệ",
            "Đổi tên tệp: bỏ các ký tự đặc biệt và rút ngắn tên.",
        ),
        (ErrorKind::TimedOut | ErrorKind::Interrupted | ErrorKind::WouldBlock, _) => (
            "thao tác đọc ghi bị gián đoạn",
            "Chạy lại; nếu thư mục nằm trên mạng, kiểm tra kết nối mạng.",
        ),
        (ErrorKind::InvalidData | ErrorKind::UnexpectedEof, _) => (
            "nội dung tệp bị hỏng hoặc bị cắt cụt",
            "Chép lại tệp từ bản gốc.",
        ),
        _ => (
            "lỗi của hệ điều hành",
            "Chạy lại; nếu vẫn lỗi, chép thư mục sang ổ đĩa khác rồi thử lại.",
        ),
    };
    let what = match e.raw_os_error() {
        Some(n) if what == "lỗi của hệ điều hành" => format!("{what} (mã {n})"),
        _ => what.to_string(),
    };
    (what, todo.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_common_error_is_vietnamese_with_what_to_do() {
        for (e, want) in [
            (Error::from_raw_os_error(13), "không có quyền"),
            (Error::from_raw_os_error(30), "chỉ cho phép đọc"),
            (Error::from_raw_os_error(17), "cùng tên"),
            (Error::from_raw_os_error(21), "thư mục"),
            (Error::from_raw_os_error(28), "đầy"),
            (Error::from_raw_os_error(36), "quá dài"),
            (Error::from_raw_os_error(2), "không tìm thấy"),
        ] {
            let (what, todo) = explain(&e);
            assert!(what.contains(want), "{e}: {what}");
            assert!(!todo.is_empty());
            assert!(
                !what.contains("os error") && !what.contains("denied"),
                "{what}"
            );
        }
    }
}
