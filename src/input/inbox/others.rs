//! Files in the inbox that are not reports: each is a warning that names it and says what to
//! send instead (an `.xls` workbook is an error), and counts as sent, not valid, for the
//! period whose code its name carries.

use super::{Found, What};
use crate::diagnostics::{Diagnostic, clip, code};
use crate::input::submission::Reference;
use crate::model::period::Period;
use crate::model::submission::{FileKind, Submission};

/// The period code in a file's name, when its year has a plan.
pub(super) fn period_in_name(rel: &str, refs: &Reference) -> Option<Period> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    Period::find_in(name).filter(|p| refs.plans.contains_key(&p.year))
}

/// The entry of a file that is not a report.
pub(super) fn not_a_report(f: &Found, refs: &Reference) -> Submission {
    let name = f.rel.rsplit('/').next().unwrap_or(&f.rel);
    let folder = match f.placement.folder_unit {
        Some(u) => format!("nop/{}/", refs.registry[u].id),
        None => "thư mục của đơn vị trong nop/".to_string(),
    };
    let d = match f.what {
        What::NotAFile(what) => Diagnostic::warning(
            code::KHONG_PHAI_TEP,
            &f.rel,
            format!("'{}' là {what}, không phải một tệp; không đọc.", clip(name)),
        )
        .hint(Some(format!(
            "Xóa mục này và chép tệp báo cáo (.yaml) vào {folder}."
        ))),
        _ => described(name, &f.rel, &folder),
    };
    Submission {
        file: f.rel.clone(),
        placement: f.placement,
        kind: FileKind::Other,
        period: period_in_name(&f.rel, refs),
        modified: std::fs::symlink_metadata(&f.path)
            .and_then(|m| m.modified())
            .ok(),
        diags: vec![d],
        ..Default::default()
    }
}

/// The warning (or, for `.xls`, the error) about a regular file that is not a report.
fn described(name: &str, rel: &str, folder: &str) -> Diagnostic {
    let lower = name.to_lowercase();
    let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
    let send = format!(
        "Gửi báo cáo bằng biểu mẫu do Phòng Nội vụ gửi (tệp .xlsx hoặc .yaml, lập bằng lệnh baocao forms) và đặt vào {folder}; tệp này chỉ được ghi nhận là đơn vị đã gửi."
    );
    let (what, hint) = match ext {
        "yaml.txt" | "txt" if lower.ends_with(".yaml.txt") || lower.ends_with(".yml.txt") => (
            "tệp văn bản có thêm đuôi .txt (Notepad tự thêm khi lưu)".to_string(),
            format!(
                "Đổi tên tệp thành '{}' (bỏ đuôi .txt); khi lưu bằng Notepad, chọn 'Tất cả các tệp' ở mục kiểu tệp.",
                &name[..name.len() - 4]
            ),
        ),
        "xls" => {
            return Diagnostic::error(
                code::KHONG_PHAI_BAO_CAO,
                rel,
                format!(
                    "Tệp '{}' là bảng tính Excel định dạng cũ (.xls), không đọc được.",
                    clip(name)
                ),
            )
            .hint(Some(
                "Mở tệp bằng Excel, chọn Tệp > Lưu thành, chọn kiểu 'Sổ làm việc Excel (*.xlsx)', rồi gửi tệp .xlsx."
                    .into(),
            ));
        }
        "doc" | "docx" | "odt" | "rtf" | "wpd" => ("tài liệu Word".into(), send),
        "pdf" => ("tệp PDF".into(), send),
        "xlsm" | "ods" | "csv" | "xlsb" => (
            "bảng tính không phải dạng .xlsx".into(),
            format!(
                "Điền vào biểu mẫu Excel do Phòng Nội vụ gửi, lưu kiểu Sổ làm việc Excel (.xlsx), rồi chép vào {folder}."
            ),
        ),
        "jpg" | "jpeg" | "png" | "gif" | "bmp" | "tif" | "tiff" | "heic" | "webp" => {
            ("ảnh".into(), send)
        }
        "zip" | "rar" | "7z" | "gz" | "tar" => (
            "tệp nén".into(),
            format!("Giải nén, rồi chép riêng tệp báo cáo (.xlsx hoặc .yaml) vào {folder}."),
        ),
        "txt" => ("tệp văn bản .txt".into(), send),
        "" => ("tệp không có đuôi".into(), send),
        other => (format!("tệp .{other}"), send),
    };
    Diagnostic::warning(
        code::KHONG_PHAI_BAO_CAO,
        rel,
        format!(
            "Tệp '{}' là {what}, không phải báo cáo theo biểu mẫu; tệp không được đọc.",
            clip(name)
        ),
    )
    .hint(Some(hint))
}
