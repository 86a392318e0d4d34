//! `baocao status`: the submission status of every unit in a period, and every file each
//! unit sent with what became of it, as an aligned table for the terminal or as JSON for
//! other programs.

use crate::model::report::{FileRole, PeriodReport, UnitResult, UnitState};
use crate::render::format::{iso_date, short_date};
use crate::render::json::UnitJson;
use serde::Serialize;

const HEADER: [&str; 7] = [
    "STT",
    "Đơn vị",
    "Nộp",
    "Ngày báo cáo",
    "Đúng hạn",
    "Tình trạng",
    "Nhiệm vụ",
];

/// A unit's state in the table: "Không hợp lệ (2 lỗi)", "Không hợp lệ (không phải báo cáo
/// theo biểu mẫu)".
fn state_text(r: &PeriodReport, u: &UnitResult) -> String {
    match u.state {
        UnitState::Invalid => {
            let errors = r.unit_tally(u).errors;
            if errors > 0 {
                format!("Không hợp lệ ({errors} lỗi)")
            } else {
                "Không hợp lệ (không phải báo cáo theo biểu mẫu)".to_string()
            }
        }
        s => s.label().to_string(),
    }
}

/// The table's cells of one unit.
fn row(r: &PeriodReport, i: usize, u: &UnitResult) -> [String; 7] {
    let on_time = match u.state {
        UnitState::Valid if u.on_time => "đúng hạn",
        UnitState::Valid => "nộp trễ",
        _ => "",
    };
    [
        (i + 1).to_string(),
        r.unit(u.unit).name.clone(),
        if u.submitted() { "rồi" } else { "chưa" }.into(),
        r.shown(u)
            .and_then(|s| s.date)
            .map(short_date)
            .unwrap_or_default(),
        on_time.to_string(),
        state_text(r, u),
        r.used(u)
            .map_or(String::new(), |s| s.tasks.len().to_string()),
    ]
}

/// The submission status of every unit in a period, as an aligned table with totals; under
/// each unit that sent files, one line per file saying what became of it.
pub fn status_table(r: &PeriodReport, color: bool) -> String {
    let rows: Vec<[String; 7]> = r
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| row(r, i, u))
        .collect();
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = HEADER.iter().map(|h| width(h)).collect();
    for cells in &rows {
        for (w, c) in widths.iter_mut().zip(cells) {
            *w = (*w).max(width(c));
        }
    }
    let line = |cells: &[String]| -> String {
        let parts: Vec<String> = cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| {
                let pad = " ".repeat(w - width(c));
                if i == 0 || i == 6 {
                    format!("{pad}{c}")
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect();
        parts.join("  ").trim_end().to_string()
    };
    let paint = |s: String, code: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s
        }
    };
    let mut out = format!(
        "Tình hình nộp báo cáo {} (hạn nộp {}):\n\n",
        r.period.display_name(),
        short_date(r.submission_deadline)
    );
    out.push_str(&paint(line(&HEADER.map(String::from)), "1"));
    out.push('\n');
    out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
    out.push('\n');
    let indent = " ".repeat(widths[0] + 2);
    for (cells, u) in rows.iter().zip(&r.units) {
        let text = line(cells);
        let text = match u.state {
            UnitState::Valid if u.is_late() => paint(text, "33"),
            UnitState::Valid => text,
            UnitState::NotSubmitted => paint(text, "2"),
            UnitState::Invalid | UnitState::Conflict => paint(text, "31"),
        };
        out.push_str(&text);
        out.push('\n');
        for &f in &u.files {
            let role = u.role(f, r.inbox);
            out.push_str(&format!(
                "{indent}tệp {}: {}\n",
                r.file(f).file,
                role.label()
            ));
        }
    }
    let c = r.unit_counts();
    out.push_str(&format!(
        "\nTổng số {} đơn vị: {} đã nộp ({} hợp lệ đúng hạn, {} nộp trễ, {} không hợp lệ, {} mâu thuẫn), {} chưa nộp.\n",
        c.tong, c.da_nop, c.dung_han, c.nop_tre, c.khong_hop_le, c.mau_thuan, c.chua_nop,
    ));
    out
}

/// One file a unit sent, in `status --json`.
#[derive(Serialize)]
struct FileJson<'a> {
    tep: &'a str,
    /// `duoc_dung`, `bi_thay_the`, `mau_thuan`, `co_loi`, `khong_phai_bao_cao`.
    vai_tro: &'static str,
    so_loi: usize,
    so_canh_bao: usize,
}

fn role_code(role: FileRole) -> &'static str {
    match role {
        FileRole::Used => "duoc_dung",
        FileRole::Replaced => "bi_thay_the",
        FileRole::Tied => "mau_thuan",
        FileRole::Broken => "co_loi",
        FileRole::NotAReport => "khong_phai_bao_cao",
    }
}

/// A unit's entry of `status --json`: its standing, its files' errors and warnings, and
/// every file it sent.
#[derive(Serialize)]
struct StatusUnit<'a> {
    #[serde(flatten)]
    unit: UnitJson<'a>,
    so_loi: usize,
    so_canh_bao: usize,
    tep_nhan: Vec<FileJson<'a>>,
}

/// The submission status of every unit, as JSON for other programs.
pub fn status_json(r: &PeriodReport) -> String {
    let units: Vec<StatusUnit> = r
        .units
        .iter()
        .map(|u| {
            let tally = r.unit_tally(u);
            let tep_nhan = u
                .files
                .iter()
                .map(|&f| {
                    let t = crate::diagnostics::Tally::of(r.diagnostics_of(&r.file(f).file));
                    FileJson {
                        tep: &r.file(f).file,
                        vai_tro: role_code(u.role(f, r.inbox)),
                        so_loi: t.errors,
                        so_canh_bao: t.warnings,
                    }
                })
                .collect();
            StatusUnit {
                unit: UnitJson::of(r, u),
                so_loi: tally.errors,
                so_canh_bao: tally.warnings,
                tep_nhan,
            }
        })
        .collect();
    let c = r.unit_counts();
    let v = serde_json::json!({
        "ky": r.period.code(),
        "han_nop": iso_date(r.submission_deadline),
        "tong": {
            "don_vi": c.tong,
            "da_nop": c.da_nop,
            "hop_le_dung_han": c.dung_han,
            "nop_tre": c.nop_tre,
            "khong_hop_le": c.khong_hop_le,
            "mau_thuan": c.mau_thuan,
            "chua_nop": c.chua_nop,
        },
        "don_vi": units,
    });
    serde_json::to_string_pretty(&v).expect("JSON")
}
