//! The feedback note of one unit for one period (`phan-hoi/<đơn vị>.txt`): written for a
//! commune clerk who reads it on a phone. The files received, the one used, each problem
//! with its line or cell and how to fix it, and what to send back. Plain text; the caller
//! writes it as UTF-8 with a byte-order mark and Windows line ends, so that Notepad and
//! phones show it right.

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::report::{FileRole, PeriodReport, UnitResult, UnitState};
use crate::render::format::{short_date, two_digits, upper};
use crate::render::problems::file_name;
use std::fmt::Write;

/// Whether a unit gets a note: it sent something, and something about it is not right.
pub fn needs_note(r: &PeriodReport, u: &UnitResult) -> bool {
    u.submitted()
        && (u.state != UnitState::Valid
            || u.files
                .iter()
                .any(|&f| !r.diagnostics_of(&r.file(f).file).is_empty()))
}

/// "dòng 5, cột 9", "trang Nhiệm vụ, ô E12", or nothing.
fn place(d: &Diagnostic) -> String {
    d.place().unwrap_or_default()
}

/// The note of a unit, when it needs one (see [`needs_note`]).
pub fn note(r: &PeriodReport, u: &UnitResult) -> Option<String> {
    if !needs_note(r, u) {
        return None;
    }
    let unit = r.unit(u.unit);
    let mut o = String::new();
    let _ = writeln!(
        o,
        "PHIẾU PHẢN HỒI BÁO CÁO CẢI CÁCH HÀNH CHÍNH {}",
        upper(&r.period.display_name())
    );
    let _ = writeln!(o, "Đơn vị: {}", unit.name);
    let _ = writeln!(o, "Hạn nộp: {}", short_date(r.submission_deadline));
    o.push('\n');
    let verdict = match u.state {
        UnitState::Valid if u.on_time => {
            "Báo cáo HỢP LỆ, đã được tổng hợp; có điểm cần lưu ý dưới đây."
        }
        UnitState::Valid => {
            "Báo cáo HỢP LỆ, đã được tổng hợp, nhưng NỘP TRỄ; có điểm cần lưu ý dưới đây."
        }
        UnitState::Conflict => {
            "CHƯA TỔNG HỢP ĐƯỢC: có nhiều báo cáo cùng ngày, không biết bản nào là bản chính thức."
        }
        _ => "CHƯA TỔNG HỢP ĐƯỢC: chưa có báo cáo hợp lệ.",
    };
    let _ = writeln!(o, "{verdict}\n");
    let _ = writeln!(o, "Các tệp đã nhận ({}):", two_digits(u.files.len() as i64));
    for (i, &f) in u.files.iter().enumerate() {
        let _ = writeln!(
            o,
            "{}. {} - {}",
            i + 1,
            r.file(f).file,
            u.role(f, r.inbox).label()
        );
    }
    o.push('\n');
    problems(&mut o, r, u);
    let _ = writeln!(o, "VIỆC CẦN LÀM:");
    o.push_str(&what_to_do(r, u));
    Some(o)
}

/// Each file's problems, errors first, with where they are and how to fix them.
fn problems(o: &mut String, r: &PeriodReport, u: &UnitResult) {
    for &f in &u.files {
        let path = &r.file(f).file;
        let mut diags: Vec<&Diagnostic> = r.diagnostics_of(path).iter().collect();
        if diags.is_empty() {
            continue;
        }
        diags.sort_by_key(|d| d.severity);
        let _ = writeln!(o, "Tệp {}:", file_name(path));
        for d in diags {
            let kind = match d.severity {
                Severity::Error => "LỖI",
                Severity::Warning => "Lưu ý",
            };
            let at = place(d);
            let at = if at.is_empty() {
                String::new()
            } else {
                format!(" ({at})")
            };
            let _ = writeln!(o, "- {kind}{at}: {}", d.message);
            if let Some(h) = &d.hint {
                let _ = writeln!(o, "  Cách sửa: {h}");
            }
        }
        o.push('\n');
    }
}

/// What to send back, by the unit's state.
fn what_to_do(r: &PeriodReport, u: &UnitResult) -> String {
    let folder = format!("nop/{}/", r.unit(u.unit).id);
    match u.state {
        UnitState::Valid => format!(
            "Không cần gửi lại. Nếu muốn sửa các điểm lưu ý, sửa tệp {} rồi chép đè vào thư mục {folder}.\n",
            r.used(u).map_or("", |s| file_name(&s.file))
        ),
        UnitState::Conflict => format!(
            "Chỉ để lại một báo cáo (bản cuối cùng) trong thư mục {folder}; xóa các bản còn lại.\n"
        ),
        _ => {
            let broken: Vec<&str> = u
                .files
                .iter()
                .filter(|&&f| u.role(f, r.inbox) == FileRole::Broken)
                .map(|&f| file_name(&r.file(f).file))
                .collect();
            if broken.is_empty() {
                format!(
                    "Làm theo phần 'Cách sửa' ở trên để có tệp báo cáo theo biểu mẫu (tệp .yaml do Phòng Nội vụ gửi), điền đủ rồi chép vào thư mục {folder}.\n"
                )
            } else {
                format!(
                    "Sửa các LỖI nêu trên trong tệp {}, lưu lại, rồi chép đè vào thư mục {folder}.\n",
                    broken.join(", ")
                )
            }
        }
    }
}

/// A note as it is written to disk: UTF-8 with a byte-order mark, Windows line ends.
pub fn to_bytes(note: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(note.len() + 64);
    out.extend_from_slice(b"\xEF\xBB\xBF");
    for (i, line) in note.split('\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(line.trim_end_matches('\r').as_bytes());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn notes_are_utf8_with_bom_and_crlf() {
        assert_eq!(super::to_bytes("a\nb\n"), b"\xEF\xBB\xBFa\r\nb\r\n");
        assert_eq!(super::to_bytes("\nb"), b"\xEF\xBB\xBF\r\nb");
    }
}
