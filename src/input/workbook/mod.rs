//! A unit's workbook form (`nop/<đơn vị>/<tệp>.xlsx`, made by `baocao forms`) read into the
//! same tree a YAML report gives, so that one reader checks both with the same value table
//! (docs/du-lieu.md, docs/bieu-mau-excel.md). Every node carries its cell
//! ([`Pos::cell`](crate::diagnostics::Pos::cell)), so diagnostics name the sheet and the cell.
//!
//! ```text
//! bytes ─ open (zip checked, calamine) ─▶ hidden sheet: version, unit, period
//!       ─ sheet (tables found by their header labels) ─▶ tree ─▶ submission reader
//! ```
//!
//! Only cached values are read: a formula's text never reaches an output.

mod cells;
mod labels;
mod sheet;
mod tree;

use crate::diagnostics::{Diagnostic, code};
use crate::input::yaml::Node;
use crate::model::form;
use calamine::{Data, Range, Reader, Xlsx};
use std::io::Cursor;

pub use labels::relabel;

/// The most a workbook may hold once unzipped: a form of a few hundred tasks is a few
/// megabytes; a "zip bomb" is refused before any part of it is inflated.
const MAX_UNZIPPED: u64 = 200 * 1024 * 1024;
/// The most parts a workbook may have.
const MAX_PARTS: usize = 5_000;

/// The first bytes of an OLE compound file: an `.xls` renamed `.xlsx`, or an encrypted
/// (password-protected) workbook, which Excel stores that way.
const OLE_MAGIC: [u8; 4] = [0xD0, 0xCF, 0x11, 0xE0];

/// A workbook read into a report tree, with the problems found in its cells.
pub struct Read {
    pub root: Node,
    pub diags: Vec<Diagnostic>,
}

/// Reads a workbook form. `Err` when it cannot be read as one at all: the diagnostic says
/// what to do (use the form, remove the password, save as `.xlsx`).
pub fn read(file: &str, bytes: &[u8]) -> Result<Read, Diagnostic> {
    let mut book = open(file, bytes)?;
    let meta = meta(file, &mut book)?;
    let mut diags = Vec::new();
    let root = tree::build(file, &mut book, &meta, &mut diags)?;
    Ok(Read { root, diags })
}

/// What the hidden sheet says.
pub(crate) struct Meta {
    pub unit: String,
    pub period: String,
}

fn open<'b>(file: &str, bytes: &'b [u8]) -> Result<Xlsx<Cursor<&'b [u8]>>, Diagnostic> {
    if bytes.starts_with(&OLE_MAGIC) {
        return Err(Diagnostic::error(
            code::BANG_TINH_HONG,
            file,
            "Bảng tính được đặt mật khẩu, hoặc là tệp Excel cũ (.xls) đổi tên thành .xlsx; không đọc được.",
        )
        .hint(Some(
            "Mở tệp bằng Excel: nếu có mật khẩu, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hóa bằng mật khẩu, xóa mật khẩu); rồi lưu lại kiểu Sổ làm việc Excel (.xlsx) và gửi lại.".into(),
        )));
    }
    let corrupt = || {
        Diagnostic::error(
            code::BANG_TINH_HONG,
            file,
            "Tệp bảng tính bị hỏng hoặc không phải tệp .xlsx, không mở được.",
        )
        .hint(Some(
            "Mở tệp bằng Excel hoặc LibreOffice; nếu mở được, lưu lại kiểu .xlsx rồi gửi lại; nếu không, điền lại biểu mẫu Excel do Phòng Nội vụ gửi.".into(),
        ))
    };
    check_zip(bytes).map_err(|too_big| match too_big {
        true => Diagnostic::error(
            code::BANG_TINH_HONG,
            file,
            "Bảng tính khi giải nén quá lớn so với một biểu mẫu báo cáo; không đọc.",
        )
        .hint(Some(
            "Điền lại biểu mẫu Excel do Phòng Nội vụ gửi; không dán hình ảnh hay dữ liệu khác vào biểu mẫu.".into(),
        )),
        false => corrupt(),
    })?;
    Xlsx::new(Cursor::new(bytes)).map_err(|_| corrupt())
}

/// Checks the zip's directory before anything is inflated: `Err(true)` when it would unzip
/// to more than a form ever holds, `Err(false)` when it is no zip at all.
fn check_zip(bytes: &[u8]) -> Result<(), bool> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| false)?;
    if z.len() > MAX_PARTS {
        return Err(true);
    }
    let mut total: u64 = 0;
    for i in 0..z.len() {
        let e = z.by_index_raw(i).map_err(|_| false)?;
        total = total.saturating_add(e.size());
    }
    if total > MAX_UNZIPPED {
        return Err(true);
    }
    Ok(())
}

/// The error of a workbook that is not the form, with what to do.
pub(crate) fn not_the_form(file: &str, why: &str) -> Diagnostic {
    Diagnostic::error(
        code::KHONG_PHAI_BIEU_MAU,
        file,
        format!("Bảng tính không phải biểu mẫu báo cáo do baocao lập ({why}), nên không đọc được số liệu."),
    )
    .hint(Some(
        "Điền báo cáo vào biểu mẫu Excel do Phòng Nội vụ gửi (tệp <mã đơn vị>.xlsx lập bằng lệnh baocao forms), không đổi tên hay xóa các trang, các cột của biểu mẫu, rồi gửi lại.".into(),
    ))
}

/// Reads the hidden sheet: the form's version, unit and period.
fn meta(file: &str, book: &mut Xlsx<Cursor<&[u8]>>) -> Result<Meta, Diagnostic> {
    let Ok(range) = book.worksheet_range(form::META_SHEET) else {
        return Err(not_the_form(
            file,
            "thiếu trang ẩn ghi đơn vị và kỳ báo cáo",
        ));
    };
    let value = |label: &str| meta_value(&range, label);
    let version = value(form::META_VERSION).and_then(|d| match d {
        Data::Float(f) => Some(f as i64),
        Data::Int(i) => Some(i),
        Data::String(s) => s.trim().parse().ok(),
        _ => None,
    });
    match version {
        Some(v) if v == i64::from(form::VERSION) => {}
        Some(v) if v > i64::from(form::VERSION) => {
            return Err(Diagnostic::error(
                code::KHONG_PHAI_BIEU_MAU,
                file,
                format!(
                    "Biểu mẫu phiên bản {v} mới hơn phiên bản chương trình này đọc được ({}).",
                    form::VERSION
                ),
            )
            .hint(Some(
                "Cập nhật baocao lên bản mới nhất rồi chạy lại.".into(),
            )));
        }
        _ => return Err(not_the_form(file, "trang ẩn không ghi phiên bản biểu mẫu")),
    }
    let text = |label: &str| {
        value(label).and_then(|d| match d {
            Data::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => None,
        })
    };
    match (text(form::META_UNIT), text(form::META_PERIOD)) {
        (Some(unit), Some(period)) => Ok(Meta { unit, period }),
        _ => Err(not_the_form(
            file,
            "trang ẩn không ghi đơn vị hoặc kỳ báo cáo",
        )),
    }
}

/// The value beside `label` in column A of the hidden sheet.
fn meta_value(range: &Range<Data>, label: &str) -> Option<Data> {
    let (r0, _) = range.start()?;
    let (r1, _) = range.end()?;
    (r0..=r1).find_map(|r| {
        let key = range.get_value((r, 0))?;
        match key {
            Data::String(s) if s.trim() == label => {
                Some(range.get_value((r, 1)).cloned().unwrap_or(Data::Empty))
            }
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests;
