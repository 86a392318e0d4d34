//! What was wrong with what a unit sent, in a clerk's words: for the reminder letter (one
//! clause per unit) and the feedback notes.

use crate::diagnostics::Diagnostic;
use crate::model::report::{FileRole, PeriodReport, UnitResult, UnitState};
use crate::render::format::two_digits;

/// Files described one by one in a clause; the rest are counted.
const MAX_FILES: usize = 3;
/// Characters of an error's message quoted in a clause.
const MAX_MESSAGE: usize = 110;

/// The file's name without its folders.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// A message as a clause: its final full stop dropped, cut to a readable length.
fn clause(message: &str) -> String {
    let m = message.trim().trim_end_matches('.');
    if m.chars().count() <= MAX_MESSAGE {
        return m.to_string();
    }
    let cut: String = m.chars().take(MAX_MESSAGE).collect();
    format!("{}…", cut.trim_end())
}

/// "dòng 5: Nhiệm vụ '2.x' không có trong kế hoạch năm 2024" ("trang Nhiệm vụ, ô E12: …").
pub fn located(d: &Diagnostic) -> String {
    let place = match (&d.cell, d.line) {
        (Some(_), _) => format!("{}: ", d.place().unwrap_or_default()),
        (None, Some(l)) => format!("dòng {l}: "),
        (None, None) => String::new(),
    };
    format!("{place}{}", clause(&d.message))
}

/// What was wrong with one file of a unit, as a clause.
fn file_problem(r: &PeriodReport, u: &UnitResult, f: crate::model::ids::FileIdx) -> String {
    let path = &r.file(f).file;
    let name = file_name(path);
    match u.role(f, r.inbox) {
        FileRole::NotAReport => format!("tệp {name} không phải báo cáo theo biểu mẫu"),
        _ => {
            let errors: Vec<&Diagnostic> = r
                .diagnostics_of(path)
                .iter()
                .filter(|d| d.is_error())
                .collect();
            match errors.first() {
                Some(first) => format!(
                    "tệp {name} có {} lỗi (lỗi đầu tiên ở {})",
                    two_digits(errors.len() as i64),
                    located(first)
                ),
                None => format!("tệp {name} chưa dùng được"),
            }
        }
    }
}

/// Why a unit that sent files has no valid report, as a clause for the reminder letter:
/// "tệp 2024-Q1.yaml có 02 lỗi (lỗi đầu tiên ở dòng 5: …)".
pub fn what_was_wrong(r: &PeriodReport, u: &UnitResult) -> String {
    if u.state == UnitState::Conflict {
        let tied: Vec<&str> = u
            .files
            .iter()
            .filter(|&&f| u.role(f, r.inbox) == FileRole::Tied)
            .map(|&f| file_name(&r.file(f).file))
            .collect();
        let date = r
            .shown(u)
            .and_then(|s| s.date)
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_default();
        return format!(
            "gửi {} báo cáo cùng ngày {date} và lưu cùng lúc ({}), chưa xác định được bản chính thức",
            two_digits(tied.len() as i64),
            tied.join(", ")
        );
    }
    let mut parts: Vec<String> = u
        .files
        .iter()
        .take(MAX_FILES)
        .map(|&f| file_problem(r, u, f))
        .collect();
    if u.files.len() > MAX_FILES {
        parts.push(format!(
            "và {} tệp khác",
            two_digits((u.files.len() - MAX_FILES) as i64)
        ));
    }
    parts.join("; ")
}
