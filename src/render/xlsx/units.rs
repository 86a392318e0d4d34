//! `Don vi`: one row per unit: whether and when it submitted, whether its report is valid and
//! on time, its tasks done of those assigned, and its file.

use super::fit::{SEE_JSON, SEE_PLAN, fit, fit_width};
use super::sheet::{HEAD, Layout, Sheet, rate};
use super::styles::Styles;
use super::{SHEETS, SIZE};
use crate::model::plan::Role;
use crate::model::report::{PeriodReport, UnitResult, UnitState};
use crate::model::status::Status;
use crate::render::format;
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn units_sheet(
    ws: &mut Worksheet,
    r: &PeriodReport,
    st: &Styles,
) -> Result<(), XlsxError> {
    let reg = &r.data.registry;
    let widths = vec![
        5.0,
        fit_width(reg.units().iter().map(|u| u.name.as_str()), 20.0, 40.0),
        8.0,
        14.0,
        11.0,
        10.0,
        8.0,
        7.0,
        10.0,
        10.0,
        10.0,
        10.0,
        fit_width(
            r.units
                .iter()
                .filter_map(|u| r.shown(u))
                .map(|s| s.file.as_str()),
            16.0,
            46.0,
        ),
    ];
    let mut s = Sheet::new(ws, SHEETS[2], widths)?;
    s.banner(
        0,
        "TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC CƠ QUAN, ĐƠN VỊ, ĐỊA PHƯƠNG",
        &st.title,
        14.0,
    )?;
    s.banner(
        1,
        &format!(
            "Kỳ báo cáo: {}; hạn nộp báo cáo: {}",
            r.period.display_name(),
            format::short_date(r.submission_deadline)
        ),
        &st.subtitle,
        SIZE,
    )?;
    s.header(
        HEAD,
        &[
            "STT",
            "Tên đơn vị",
            "Đã nộp",
            "Tình trạng báo cáo",
            "Ngày báo cáo",
            "Đúng hạn",
            "Hợp lệ",
            "Số tệp",
            "Nhiệm vụ được giao (chủ trì, phối hợp)",
            "Nhiệm vụ đã báo cáo",
            "Nhiệm vụ đã hoàn thành",
            "Tỷ lệ hoàn thành",
            "Tệp báo cáo",
        ],
        &st.header,
    )?;

    // Tasks each unit leads or coordinates, in one pass over the plan.
    let mut assigned = vec![0usize; reg.len()];
    for t in r.plan.tasks() {
        for u in t.leads.iter().chain(&t.coordinators) {
            assigned[u.index()] += 1;
        }
    }
    for (i, u) in r.units.iter().enumerate() {
        unit_row(&mut s, r, st, i, u, assigned[u.unit.index()])?;
    }
    let last = HEAD + r.units.len() as u32;
    s.finish(
        r.period,
        "Tình hình gửi báo cáo của các đơn vị",
        Layout {
            head: (HEAD, HEAD),
            filter_to: Some(last),
            keep: 0,
            repeat: true,
        },
    )
}

/// The row of one unit; `assigned` is how many tasks it leads or coordinates.
fn unit_row(
    s: &mut Sheet,
    r: &PeriodReport,
    st: &Styles,
    i: usize,
    u: &UnitResult,
    assigned: usize,
) -> Result<(), XlsxError> {
    let row = HEAD + 1 + i as u32;
    let unit = r.unit(u.unit);
    let shown = r.shown(u);
    let used = r.used(u);
    let done = used.map_or(0, |sub| {
        sub.tasks
            .iter()
            .filter(|t| t.status == Status::Done && r.plan[t.task].role_of(u.unit) != Role::Other)
            .count()
    });
    let name = fit(&unit.name, SEE_PLAN);
    let file = fit(shown.map_or("", |s| s.file.as_str()), SEE_JSON);
    let submitted = u.submitted();
    let valid = u.state == UnitState::Valid;
    s.number(row, 0, (i + 1) as f64, &st.center)?;
    s.text(row, 1, &name, &st.text)?;
    s.text(
        row,
        2,
        if submitted { "Có" } else { "Chưa" },
        if submitted { &st.center } else { &st.neutral },
    )?;
    let state_format = match u.state {
        UnitState::Valid => &st.center,
        UnitState::NotSubmitted => &st.neutral,
        UnitState::Invalid | UnitState::Conflict => &st.bad,
    };
    s.text(row, 3, u.state.label(), state_format)?;
    match shown.and_then(|s| s.date) {
        Some(d) => s.date(row, 4, d, &st.date)?,
        None => s.blank(row, 4, &st.date)?,
    }
    match (u.used.is_some(), u.on_time) {
        (true, true) => s.text(row, 5, "Đúng hạn", &st.center)?,
        (true, false) => s.text(row, 5, "Nộp trễ", &st.neutral)?,
        (false, _) => s.blank(row, 5, &st.center)?,
    }
    s.text(
        row,
        6,
        if valid { "Có" } else { "Không" },
        if valid || !submitted {
            &st.center
        } else {
            &st.bad
        },
    )?;
    s.number(row, 7, u.files.len() as f64, &st.count)?;
    s.number(row, 8, assigned as f64, &st.count)?;
    s.number(row, 9, used.map_or(0, |s| s.tasks.len()) as f64, &st.count)?;
    s.number(row, 10, done as f64, &st.count)?;
    match rate(done, assigned).filter(|_| used.is_some()) {
        Some(x) => s.number(row, 11, x, &st.pct)?,
        None => s.blank(row, 11, &st.pct)?,
    }
    s.text(row, 12, &file, &st.text)?;
    s.fit_row(row, &[(1, &name), (3, u.state.label()), (12, &file)])?;
    Ok(())
}
