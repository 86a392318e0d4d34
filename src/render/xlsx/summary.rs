//! `Tong hop`: the tasks of each area by status, with totals and a stacked bar chart.

use super::fit::{fit_width, row_height};
use super::sheet::{Layout, PRINT_HEIGHT_PT, PRINT_WIDTH_PX, Sheet, rate};
use super::styles::Styles;
use super::{FONT, SHEETS, SIZE};
use crate::model::report::PeriodReport;
use crate::model::status::{Status, StatusCounts};
use crate::render::view::lists::citation;
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartDataLabel, ChartFont, ChartLegendPosition, ChartSolidFill,
    ChartType, Color, Worksheet, XlsxError,
};

/// Rows of `Tong hop` above the table.
pub(super) const SUMMARY_HEAD: u32 = 7;

pub(super) fn summary_sheet(
    ws: &mut Worksheet,
    r: &PeriodReport,
    st: &Styles,
) -> Result<(), XlsxError> {
    let areas: Vec<String> = r.plan.area_ids().map(|a| r.plan.area_label(a)).collect();
    let mut widths = vec![5.0, 0.0, 10.0, 11.0, 11.0, 11.0, 11.0, 11.0, 9.0, 11.0];
    widths[1] = fit_width(areas.iter().map(String::as_str), 30.0, 48.0);
    let mut s = Sheet::new(ws, SHEETS[0], widths)?;

    s.banner(
        0,
        "TỔNG HỢP KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH THEO LĨNH VỰC",
        &st.title,
        14.0,
    )?;
    let cfg = &r.data.config;
    s.banner(
        1,
        &format!(
            "(Kèm theo báo cáo kết quả công tác cải cách hành chính {} của {})",
            r.period.display_name(),
            cfg.body_name
        ),
        &st.subtitle,
        SIZE,
    )?;
    s.banner(
        2,
        &format!(
            "Thực hiện {}",
            citation(&r.plan.number, r.plan.issued, &r.plan.title)
        ),
        &st.subtitle,
        SIZE,
    )?;
    let dates = [
        ("Số liệu tính từ ngày:", r.start),
        ("đến ngày:", r.end),
        ("Hạn nộp báo cáo của đơn vị:", r.submission_deadline),
    ];
    for (i, (label, d)) in dates.into_iter().enumerate() {
        let row = 3 + i as u32;
        s.text(row, 1, label, &st.label)?;
        s.date(row, 2, d, &st.plain_date)?;
    }

    let head = SUMMARY_HEAD;
    let mut names: Vec<&str> = vec!["STT", "Lĩnh vực", "Tổng số nhiệm vụ"];
    names.extend(Status::ALL.iter().map(|s| s.label()));
    names.extend(["Quá hạn", "Tỷ lệ hoàn thành"]);
    s.header(head, &names, &st.header)?;

    // Counts per area, in one pass over the tasks.
    let n = areas.len();
    let mut counts = vec![StatusCounts::default(); n];
    let mut overdue = vec![0usize; n];
    for t in &r.tasks {
        let a = r.task(t).area.index();
        counts[a].add(t.status);
        overdue[a] += usize::from(t.overdue);
    }
    for (a, label) in areas.iter().enumerate() {
        let row = head + 1 + a as u32;
        let total = counts[a].total();
        s.number(row, 0, (a + 1) as f64, &st.center)?;
        s.text(row, 1, label, &st.text)?;
        s.number(row, 2, total as f64, &st.count)?;
        for (k, status) in Status::ALL.iter().enumerate() {
            s.number(row, 3 + k as u16, counts[a].get(*status) as f64, &st.count)?;
        }
        s.number(row, 8, overdue[a] as f64, &st.count)?;
        match rate(counts[a].hoan_thanh, total) {
            Some(x) => s.number(row, 9, x, &st.pct)?,
            None => s.blank(row, 9, &st.pct)?,
        }
        s.fit_row(row, &[(1, label)])?;
    }
    let total_row = head + 1 + n as u32;
    s.blank(total_row, 0, &st.total_text)?;
    s.text(total_row, 1, "Tổng cộng", &st.total_text)?;
    s.number(total_row, 2, r.tasks.len() as f64, &st.total_count)?;
    for (k, status) in Status::ALL.iter().enumerate() {
        s.number(
            total_row,
            3 + k as u16,
            r.count(*status) as f64,
            &st.total_count,
        )?;
    }
    s.number(total_row, 8, r.overdue as f64, &st.total_count)?;
    match rate(r.count(Status::Done), r.tasks.len()) {
        Some(x) => s.number(total_row, 9, x, &st.total_pct)?,
        None => s.blank(total_row, 9, &st.total_pct)?,
    }
    s.set_height(total_row, row_height(1, SIZE))?;

    // The chart goes under the table, on the first page if it fits there, else on a page of
    // its own. A short table is not repeated on the chart's page.
    let chart_row = total_row + 2;
    if n > 0 {
        let chart = status_chart(r, head + 1, total_row - 1);
        let scale = (PRINT_WIDTH_PX / s.width_px()).min(1.0);
        let needed = s.height_above(chart_row) + 20.0 + chart_height(n) * 0.75;
        if needed * scale > PRINT_HEIGHT_PT {
            s.ws.set_page_breaks(&[chart_row])?;
        }
        s.ws.insert_chart_with_offset(chart_row, 1, &chart, 0, 6)?;
    }
    s.finish(
        r.period,
        "Tổng hợp kết quả thực hiện nhiệm vụ CCHC",
        Layout {
            head: (head, head),
            filter_to: (n > 0).then(|| total_row - 1),
            keep: 0,
            repeat: n > 15,
        },
    )
}

/// The chart's height in pixels: room for the title, axis and legend, and a bar per area.
pub(super) fn chart_height(areas: usize) -> f64 {
    (130 + 40 * areas.min(40)) as f64
}

/// A stacked bar of the five statuses, one bar per area, area 1 at the top.
pub(super) fn status_chart(r: &PeriodReport, first: u32, last: u32) -> Chart {
    let mut chart = Chart::new(ChartType::BarStacked);
    let mut font = ChartFont::new();
    font.set_name(FONT).set_size(10);
    let mut title_font = ChartFont::new();
    title_font.set_name(FONT).set_size(12).set_bold();
    let colors = [0x70AD47, 0x4472C4, 0xC00000, 0xA5A5A5, 0xFFC000];
    for (k, color) in colors.into_iter().enumerate() {
        let col = 3 + k as u16;
        let mut label = ChartDataLabel::new();
        label.show_value().set_num_format("0;;;").set_font(&font);
        let mut fill = ChartSolidFill::new();
        fill.set_color(Color::RGB(color));
        chart
            .add_series()
            .set_name((SHEETS[0], SUMMARY_HEAD, col))
            .set_categories((SHEETS[0], first, 1, last, 1))
            .set_values((SHEETS[0], first, col, last, col))
            .set_format(&mut fill)
            .set_data_label(&label)
            .set_gap(60);
    }
    chart
        .title()
        .set_name(&format!(
            "Tình hình thực hiện nhiệm vụ theo lĩnh vực, {}",
            r.period.display_name()
        ))
        .set_font(&title_font);
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max)
        .set_label_interval(1)
        .set_font(&font);
    chart
        .x_axis()
        .set_name("Số nhiệm vụ")
        .set_name_font(&font)
        .set_font(&font);
    chart
        .legend()
        .set_position(ChartLegendPosition::Bottom)
        .set_font(&font);
    chart
        .set_width(900)
        .set_height(chart_height(r.plan.areas().len()) as u32);
    chart
}
