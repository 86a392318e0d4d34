//! The reminder letter (công văn đôn đốc) to the units that have no valid report for a period:
//! a công văn in the ND30 format ("Số:      /UBND-NV" with its "V/v …" line, "Kính gửi:" the
//! units, grouped), worded by `templates/don-doc.txt`.

use crate::model::ids::UnitIdx;
use crate::model::report::{PeriodReport, UnitState};
use crate::render::docx::{
    DocxError, PAGE_H, PAGE_W, PT14, add_body_and_signature, centered, letterhead, new_document,
    pack, portrait_margin, run, spacing, text_width,
};
use crate::render::format::iso_date as iso;
use crate::render::markup::Document;
use chrono::NaiveDate;
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
    /// Units that sent files, none of them a valid report, each with what was wrong.
    pub khong_hop_le: Vec<Problem>,
    /// Units whose valid files contradict each other, each with what was wrong.
    pub mau_thuan: Vec<Problem>,
    /// Units reminded, and all units.
    pub so_don_vi: usize,
    pub tong_don_vi: usize,
    /// The letter's date, and the new deadline it sets.
    pub ngay: String,
    pub han_moi: String,
}

#[derive(Debug, Serialize)]
pub struct ReminderPeriod {
    pub ma: String,
    pub ten: String,
    pub tu_ngay: String,
    pub den_ngay: String,
    pub han_nop: String,
}

/// A unit reminded for what it sent: its name and what was wrong, as a clause.
#[derive(Debug, Serialize)]
pub struct Problem {
    pub don_vi: String,
    pub van_de: String,
}

/// From this many units of one group, the letter names the group once.
const GROUP_FROM: usize = 4;

/// The view model of the reminder dated `date`.
pub fn reminder_context(r: &PeriodReport, date: NaiveDate) -> ReminderContext {
    let problems = |state: UnitState| -> Vec<Problem> {
        r.units_in(state)
            .map(|u| Problem {
                don_vi: r.unit(u.unit).name.clone(),
                van_de: crate::render::problems::what_was_wrong(r, u),
            })
            .collect()
    };
    let new_deadline = date + chrono::Days::new(u64::from(r.data.config.reminder_days));
    ReminderContext {
        ky: ReminderPeriod {
            ma: r.period.code(),
            ten: r.period.display_name(),
            tu_ngay: iso(r.start),
            den_ngay: iso(r.end),
            han_nop: iso(r.submission_deadline),
        },
        co_quan: r.data.config.body_name.clone(),
        ke_hoach: format!(
            "Kế hoạch số {} về {}",
            r.plan.number,
            crate::render::format::lower_first(&r.plan.title)
        ),
        chua_nop: r
            .units_in(UnitState::NotSubmitted)
            .map(|u| r.unit(u.unit).name.clone())
            .collect(),
        khong_hop_le: problems(UnitState::Invalid),
        mau_thuan: problems(UnitState::Conflict),
        so_don_vi: r.units_without_valid_report().len(),
        tong_don_vi: r.units.len(),
        ngay: iso(date),
        han_moi: iso(new_deadline),
    }
}

/// "Kính gửi" lines: units grouped under their first group when four or more of a group are
/// reminded ("UBND các xã, phường: UBND xã A, UBND xã B, …"), otherwise one line each.
pub fn addressees(r: &PeriodReport, units: &[UnitIdx]) -> Vec<String> {
    let reg = &r.data.registry;
    let mut lines: Vec<String> = Vec::new();
    let mut done = vec![false; reg.len()];
    for &u in units {
        if done[u.index()] {
            continue;
        }
        let group = reg[u].groups.first().copied();
        let members: Vec<UnitIdx> = match group {
            Some(g) => units
                .iter()
                .copied()
                .filter(|&v| reg[v].groups.first() == Some(&g))
                .collect(),
            None => vec![u],
        };
        match group {
            Some(g) if members.len() >= GROUP_FROM => {
                let list: Vec<&str> = members.iter().map(|&v| reg[v].name.as_str()).collect();
                for v in &members {
                    done[v.index()] = true;
                }
                lines.push(format!("{}: {}", reg[g].name, list.join(", ")));
            }
            _ => {
                done[u.index()] = true;
                lines.push(reg[u].name.clone());
            }
        }
    }
    lines
}

/// Builds the letter. `date` gives the month and year of the place-and-date line and the
/// fixed metadata date.
pub fn render_reminder(
    r: &PeriodReport,
    doc: &Document,
    to: &[String],
    date: NaiveDate,
) -> Result<Vec<u8>, DocxError> {
    use chrono::Datelike;
    let cfg = &r.data.config;
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
    let label_w = text_width(&format!("{label} "), PT14, false);
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
                            Some(SpecialIndentType::Hanging(text_width("- ", PT14, false))),
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
