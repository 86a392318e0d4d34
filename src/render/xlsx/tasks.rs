//! `Nhiem vu`: one row per task of the plan, with what its lead units reported in short
//! (printed) and every unit's report in full (not printed).

use super::fit::{CellText, SEE_PLAN, SEE_UNIT, fit};
use super::sheet::{HEAD, Layout, Sheet};
use super::styles::Styles;
use super::{SHEETS, SIZE};
use crate::model::plan::Role;
use crate::model::report::{PeriodReport, TaskResult, UnitReport};
use crate::model::status::{Status, StatusCounts};
use crate::render::format;
use crate::render::view::lists::{MAX_NAMES, citation, cut};
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn tasks_sheet(
    ws: &mut Worksheet,
    r: &PeriodReport,
    st: &Styles,
) -> Result<(), XlsxError> {
    let widths = vec![
        12.0, 6.0, 30.0, 16.0, 19.0, 13.0, 11.0, 12.0, 12.0, 8.0, 38.0, 90.0,
    ];
    let mut s = Sheet::new(ws, SHEETS[1], widths)?;
    // Titles span the printed columns (the full results in column L are not printed).
    s.banner_cols = 11;
    s.banner(
        0,
        "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CỦA KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH",
        &st.title,
        14.0,
    )?;
    s.banner(
        1,
        &format!(
            "Kỳ báo cáo: {} (số liệu từ ngày {} đến ngày {})",
            r.period.display_name(),
            format::short_date(r.start),
            format::short_date(r.end)
        ),
        &st.subtitle,
        SIZE,
    )?;
    s.header(
        HEAD,
        &[
            "Lĩnh vực",
            "Mã",
            "Nội dung nhiệm vụ",
            "Đơn vị chủ trì",
            "Sản phẩm",
            "Thời hạn",
            "Hạn hoàn thành",
            "Trạng thái",
            "Trạng thái kỳ trước",
            "Quá hạn",
            "Tóm tắt kết quả",
            "Kết quả thực hiện của các đơn vị (toàn văn, không in)",
        ],
        &st.header,
    )?;
    let areas: Vec<String> = r.plan.area_ids().map(|a| r.plan.area_label(a)).collect();
    for (i, t) in r.tasks.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let task = r.task(t);
        let area = &areas[task.area.index()];
        let leads = fit(&task.lead_names(&r.data.registry).join(";\n"), SEE_PLAN);
        let content = fit(&task.content, SEE_PLAN);
        let product = fit(&task.product, SEE_PLAN);
        let limit = fit(&task.time_limit.text, SEE_PLAN);
        let results = results_text(r, t);
        let summary = summary_text(r, t);
        s.text(row, 0, area, &st.text)?;
        s.text(row, 1, &task.id, &st.center)?;
        s.text(row, 2, &content, &st.text)?;
        s.text(row, 3, &leads, &st.text)?;
        s.text(row, 4, &product, &st.text)?;
        s.text(row, 5, &limit, &st.text)?;
        match t.due {
            Some(d) => s.date(row, 6, d, &st.date)?,
            None => s.blank(row, 6, &st.date)?,
        }
        s.text(row, 7, t.status.label(), st.status(t.status))?;
        match r.previous_status(t.task) {
            Some(p) => s.text(row, 8, p.label(), &st.center)?,
            None => s.blank(row, 8, &st.center)?,
        }
        if t.overdue {
            s.text(row, 9, "Quá hạn", &st.bad_bold)?;
        } else {
            s.blank(row, 9, &st.center)?;
        }
        s.text(row, 10, &summary, &st.text)?;
        s.text(row, 11, &results, &st.text)?;
        // Rows fit the printed columns; the full results (column K) can be far longer than
        // a row can show, so they stay in the cell and out of the print area.
        s.fit_row(
            row,
            &[
                (0, area),
                (2, &content),
                (3, &leads),
                (4, &product),
                (5, &limit),
                (7, t.status.label()),
                (10, &summary),
            ],
        )?;
    }
    let last = HEAD + r.tasks.len() as u32;
    s.ws.set_print_area(0, 0, last, 10)?;
    s.finish(
        r.period,
        "Kết quả thực hiện các nhiệm vụ CCHC",
        Layout {
            head: (HEAD, HEAD),
            filter_to: Some(last),
            keep: 0,
            repeat: true,
        },
    )
}

/// What the lead units reported, in one sentence at the top of the cell (so that it shows
/// even when the cell is taller than its row), then what each unit reported, one unit per
/// line in registry order; cut at the cell limit.
fn results_text(r: &PeriodReport, t: &TaskResult) -> String {
    let mut c = CellText::new(SEE_UNIT);
    let digest = lead_digest(r, t);
    c.push(&digest);
    for rep in &t.reports {
        if !c.buf.is_empty() {
            c.push("\n");
        }
        c.push(&report_line(r, rep));
    }
    if c.buf.is_empty() {
        c.push("Chưa có đơn vị nào báo cáo.");
    }
    c.finish()
}

/// The printed summary of a task's results: the lead units' digest, and what the lead unit
/// reported, in short, when the plan names one.
fn summary_text(r: &PeriodReport, t: &TaskResult) -> String {
    let mut parts = vec![lead_digest(r, t)];
    let leads = &r.task(t).leads;
    for rep in t
        .reports
        .iter()
        .filter(|rep| rep.role == Role::Lead)
        .take(2)
    {
        if leads.len() > 2 {
            break;
        }
        let item = r.item(rep);
        let text = item
            .result
            .as_deref()
            .map(|s| format::shorten(s, 45))
            .unwrap_or_default();
        parts.push(format!(
            "{} – {}{}{}",
            r.unit(rep.unit).name,
            item.status.label(),
            if text.is_empty() { "" } else { ": " },
            text
        ));
    }
    let s: Vec<String> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    if s.is_empty() {
        "Chưa có đơn vị nào báo cáo.".to_string()
    } else {
        fit(&s.join("\n"), SEE_UNIT)
    }
}

/// "Đơn vị chủ trì: 23; đã báo cáo: 21 (hoàn thành 5, đang thực hiện 16); chưa báo cáo: 2
/// (UBND xã A, UBND xã B)." for several lead units; "Đơn vị chủ trì chưa báo cáo: Phòng X."
/// for one; nothing when the only lead unit reported.
fn lead_digest(r: &PeriodReport, t: &TaskResult) -> String {
    let leads = r.task(t).leads.len();
    let missing = || {
        let (mut names, more) = cut(
            t.missing.iter().map(|&u| r.unit(u).name.as_str()),
            MAX_NAMES,
        );
        let more =
            (more > 0).then(|| format!("và {} đơn vị khác", format::number(more as f64, Some(0))));
        names.extend(more.as_deref());
        names.join(", ")
    };
    if leads == 0 || (leads == 1 && t.missing.is_empty()) {
        return String::new();
    }
    if leads == 1 {
        return format!("Đơn vị chủ trì chưa báo cáo: {}.", missing());
    }
    let by_status = StatusCounts::of(
        t.reports
            .iter()
            .filter(|rep| rep.role == Role::Lead)
            .map(|rep| r.item(rep).status),
    );
    let reported = by_status.total();
    let n = |x: usize| format::number(x as f64, Some(0));
    let mut s = format!("Đơn vị chủ trì: {}; đã báo cáo: {}", n(leads), n(reported));
    let parts: Vec<String> = by_status
        .non_zero(&Status::REPORTABLE)
        .map(|(st, k)| format!("{} {}", st.text(), n(k)))
        .collect();
    if !parts.is_empty() {
        s.push_str(&format!(" ({})", parts.join(", ")));
    }
    if !t.missing.is_empty() {
        s.push_str(&format!(
            "; chưa báo cáo: {} ({})",
            n(t.missing.len()),
            missing()
        ));
    }
    s.push('.');
    s
}

/// "• Phòng Tư pháp (chủ trì) – Đang thực hiện, 40%: … Văn bản: … Khó khăn: …".
fn report_line(r: &PeriodReport, rep: &UnitReport) -> String {
    let item = r.item(rep);
    let mut line = format!(
        "• {} ({}) – {}",
        r.unit(rep.unit).name,
        rep.role.label(),
        item.status.label()
    );
    if let Some(p) = item.progress {
        line.push_str(&format!(", {}%", format::number(p.as_f64(), None)));
    }
    if let Some(res) = item
        .result
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        line.push_str(": ");
        line.push_str(res);
    }
    if !item.products.is_empty() {
        line.push_str(if line.ends_with(['.', ';']) {
            " "
        } else {
            ". "
        });
        line.push_str("Văn bản: ");
        let cited: Vec<String> = item
            .products
            .iter()
            .map(|p| citation(&p.number, p.date, &p.summary))
            .collect();
        line.push_str(&cited.join("; "));
    }
    if let Some(k) = item
        .difficulties
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        line.push_str(if line.ends_with(['.', ';']) {
            " "
        } else {
            ". "
        });
        line.push_str("Khó khăn: ");
        line.push_str(k);
    }
    line
}
