//! `baocao status`: the submission status of every unit in a period, as an aligned table for
//! the terminal or as JSON for other programs.

use crate::model::report::{PeriodReport, UnitState};
use crate::render::format::{iso_date, short_date};
use crate::render::json::UnitJson;
use serde::Serialize;

/// The submission status of every unit in a period, as an aligned table with totals.
pub fn status_table(r: &PeriodReport, color: bool) -> String {
    let header = [
        "STT",
        "Đơn vị",
        "Nộp",
        "Ngày báo cáo",
        "Đúng hạn",
        "Tình trạng",
        "Nhiệm vụ",
    ];
    let mut rows: Vec<([String; 7], UnitState, bool)> = Vec::new();
    for (i, u) in r.units.iter().enumerate() {
        let shown = r.shown(u);
        let errors = r.unit_tally(u).errors;
        let state = match u.state {
            UnitState::Invalid => format!("Không hợp lệ ({errors} lỗi)"),
            s => s.label().to_string(),
        };
        let on_time = match u.state {
            UnitState::Valid if u.on_time => "đúng hạn",
            UnitState::Valid => "nộp trễ",
            _ => "",
        };
        let tasks = r
            .used(u)
            .map_or(String::new(), |s| s.tasks.len().to_string());
        rows.push((
            [
                (i + 1).to_string(),
                r.unit(u.unit).name.clone(),
                if !u.submitted() {
                    "chưa".into()
                } else {
                    "rồi".into()
                },
                shown
                    .and_then(|s| s.date)
                    .map(short_date)
                    .unwrap_or_default(),
                on_time.to_string(),
                state,
                tasks,
            ],
            u.state,
            u.is_late(),
        ));
    }
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for (cells, ..) in &rows {
        for (w, c) in widths.iter_mut().zip(cells) {
            *w = (*w).max(width(c));
        }
    }
    let line = |cells: &[String]| -> String {
        cells
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
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
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
    out.push_str(&paint(line(&header.map(String::from)), "1"));
    out.push('\n');
    out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
    out.push('\n');
    for (cells, state, late) in &rows {
        let text = line(cells);
        let text = match state {
            UnitState::Valid if *late => paint(text, "33"),
            UnitState::Valid => text,
            UnitState::NotSubmitted => paint(text, "2"),
            UnitState::Invalid | UnitState::Conflict => paint(text, "31"),
        };
        out.push_str(&text);
        out.push('\n');
    }
    let c = r.unit_counts();
    out.push_str(&format!(
        "\nTổng số {} đơn vị: {} đã nộp ({} hợp lệ đúng hạn, {} nộp trễ, {} không hợp lệ, {} mâu thuẫn), {} chưa nộp.\n",
        c.tong, c.da_nop, c.dung_han, c.nop_tre, c.khong_hop_le, c.mau_thuan, c.chua_nop,
    ));
    out
}

/// A unit's entry of `status --json`: its standing, and its files' errors and warnings.
#[derive(Serialize)]
struct StatusUnit<'a> {
    #[serde(flatten)]
    unit: UnitJson<'a>,
    so_loi: usize,
    so_canh_bao: usize,
}

/// The submission status of every unit, as JSON for other programs.
pub fn status_json(r: &PeriodReport) -> String {
    let units: Vec<StatusUnit> = r
        .units
        .iter()
        .map(|u| {
            let tally = r.unit_tally(u);
            StatusUnit {
                unit: UnitJson::of(r, u),
                so_loi: tally.errors,
                so_canh_bao: tally.warnings,
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
