//! The reminder letter (công văn đôn đốc) to the units that have no valid report for a period:
//! a công văn in the ND30 format ("Số:      /UBND-NV" with its "V/v …" line, "Kính gửi:" the
//! units, grouped), worded by `templates/don-doc.txt`.

use crate::model::merge::{PeriodReport, UnitState};
use crate::render::docx::{
    PAGE_H, PAGE_W, PT14, add_body_and_signature, centered, letterhead, new_document, pack,
    portrait_margin, run, spacing,
};
use crate::render::format::iso_date as iso;
use crate::render::markup::Document;
use docx_rs::{AlignmentType, Paragraph, SpecialIndentType};
use serde::Serialize;

/// What the reminder's template can print.
#[derive(Debug, Serialize)]
pub struct ReminderContext {
    pub ky: ReminderPeriod,
    pub co_quan: String,
    pub ke_hoach: String,
    /// Units that sent nothing.
    pub chua_nop: Vec<String>,
    /// Units whose files were all rejected, with their error counts.
    pub khong_hop_le: Vec<Rejected>,
    /// Units whose valid files contradict each other.
    pub mau_thuan: Vec<String>,
    /// Units reminded, and all units.
    pub so_don_vi: usize,
    pub tong_don_vi: usize,
}

#[derive(Debug, Serialize)]
pub struct ReminderPeriod {
    pub ma: String,
    pub ten: String,
    pub tu_ngay: String,
    pub den_ngay: String,
    pub han_nop: String,
}

#[derive(Debug, Serialize)]
pub struct Rejected {
    pub don_vi: String,
    pub so_loi: usize,
    pub tep: String,
}

/// From this many units of one group, the letter names the group once.
const GROUP_FROM: usize = 4;

/// The units to remind: no valid report used for the period.
pub fn units_to_remind(r: &PeriodReport) -> Vec<usize> {
    r.units
        .iter()
        .filter(|u| u.state != UnitState::Valid)
        .map(|u| u.unit)
        .collect()
}

/// The view model of the reminder.
pub fn reminder_context(r: &PeriodReport) -> ReminderContext {
    let reg = &r.data.registry;
    let names = |state: UnitState| -> Vec<String> {
        r.units
            .iter()
            .filter(|u| u.state == state)
            .map(|u| reg.units[u.unit].name.clone())
            .collect()
    };
    let khong_hop_le = r
        .units
        .iter()
        .filter(|u| u.state == UnitState::Invalid)
        .map(|u| {
            let shown = u.shown.map(|s| &r.submissions[s]);
            Rejected {
                don_vi: reg.units[u.unit].name.clone(),
                so_loi: r.unit_tally(u).errors,
                tep: shown.map(|s| s.file.clone()).unwrap_or_default(),
            }
        })
        .collect();
    ReminderContext {
        ky: ReminderPeriod {
            ma: r.period.code(),
            ten: r.period.display_name(),
            tu_ngay: iso(r.start),
            den_ngay: iso(r.end),
            han_nop: iso(r.deadline),
        },
        co_quan: r.data.config.body_name.clone(),
        ke_hoach: format!(
            "Kế hoạch số {} về {}",
            r.plan.number,
            crate::render::format::lower_first(&r.plan.title)
        ),
        chua_nop: names(UnitState::NotSubmitted),
        khong_hop_le,
        mau_thuan: names(UnitState::Conflict),
        so_don_vi: units_to_remind(r).len(),
        tong_don_vi: r.units.len(),
    }
}

/// "Kính gửi" lines: units grouped under their first group when four or more of a group are
/// reminded ("UBND các xã, phường: UBND xã A, UBND xã B, …"), otherwise one line each.
pub fn addressees(r: &PeriodReport, units: &[usize]) -> Vec<String> {
    let reg = &r.data.registry;
    let mut lines: Vec<(usize, String)> = Vec::new();
    let mut done = vec![false; reg.units.len()];
    for &u in units {
        if done[u] {
            continue;
        }
        let group = reg.units[u].groups.first();
        let members: Vec<usize> = match group {
            Some(g) => units
                .iter()
                .copied()
                .filter(|&v| reg.units[v].groups.first() == Some(g))
                .collect(),
            None => vec![u],
        };
        if members.len() >= GROUP_FROM {
            let name = reg
                .group(group.expect("has a group"))
                .map_or("", |g| g.name.as_str());
            let list: Vec<&str> = members
                .iter()
                .map(|&v| reg.units[v].name.as_str())
                .collect();
            for &v in &members {
                done[v] = true;
            }
            lines.push((u, format!("{name}: {}", list.join(", "))));
        } else {
            done[u] = true;
            lines.push((u, reg.units[u].name.clone()));
        }
    }
    lines.into_iter().map(|(_, l)| l).collect()
}

/// Builds the letter. `date` gives the month and year of the place-and-date line and the
/// fixed metadata date.
pub fn render_reminder(r: &PeriodReport, doc: &Document, to: &[String]) -> Result<Vec<u8>, String> {
    use chrono::Datelike;
    let cfg = &r.data.config;
    let date = r.deadline;
    let subject = doc
        .setting("trich_yeu")
        .unwrap_or("V/v đôn đốc báo cáo")
        .to_string();
    let mut d = new_document(date)
        .title_pg()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(portrait_margin())
        .add_table(letterhead(
            cfg,
            &cfg.letter_code,
            Some(&subject),
            date.month(),
            date.year(),
        ));
    d = d.add_paragraph(Paragraph::new().line_spacing(spacing(240, 0, 240)));
    // "Kính gửi:" with one addressee on the same line; several on lines of their own, "- …;",
    // aligned under the colon, the last ending with ".".
    let label = "Kính gửi:";
    let label_w = crate::render::docx::text_width(&format!("{label} "), PT14, false);
    let indent = 1701 - 720;
    match to {
        [one] => {
            d = d.add_paragraph(
                centered()
                    .line_spacing(spacing(0, 120, 276))
                    .add_run(run(&format!("{label} {one}"), PT14)),
            );
        }
        many => {
            d = d.add_paragraph(
                Paragraph::new()
                    .indent(Some(indent), None, None, None)
                    .line_spacing(spacing(0, 0, 276))
                    .add_run(run(label, PT14)),
            );
            for (i, line) in many.iter().enumerate() {
                let end = if i + 1 == many.len() { "." } else { ";" };
                d = d.add_paragraph(
                    Paragraph::new()
                        .align(AlignmentType::Both)
                        .indent(
                            Some(indent + label_w),
                            Some(SpecialIndentType::Hanging(crate::render::docx::text_width(
                                "- ", PT14, false,
                            ))),
                            None,
                            None,
                        )
                        .line_spacing(spacing(0, 0, 276))
                        .add_run(run(&format!("- {line}{end}"), PT14)),
                );
            }
        }
    }
    d = add_body_and_signature(d, doc, cfg, &["Như trên".to_string()]);
    pack(d, date)
}
