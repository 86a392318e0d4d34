//! `Kiem tra`: every diagnostic of the period's files.

use super::SHEETS;
use super::SIZE;
use super::fit::{SEE_JSON, fit, fit_width};
use super::sheet::{HEAD, Layout, Sheet};
use super::styles::Styles;
use crate::diagnostics::Severity;
use crate::model::report::PeriodReport;
use rust_xlsxwriter::{Worksheet, XlsxError};

pub(super) fn diagnostics_sheet(
    ws: &mut Worksheet,
    r: &PeriodReport,
    st: &Styles,
) -> Result<(), XlsxError> {
    let files = r.diagnostics.iter().map(|d| d.file.as_str());
    let widths = vec![
        5.0,
        10.0,
        fit_width(files, 16.0, 36.0),
        6.0,
        6.0,
        14.0,
        60.0,
        40.0,
    ];
    let mut s = Sheet::new(ws, SHEETS[4], widths)?;
    s.banner(
        0,
        "KẾT QUẢ KIỂM TRA CÁC TỆP BÁO CÁO CỦA ĐƠN VỊ",
        &st.title,
        14.0,
    )?;
    s.banner(
        1,
        &format!(
            "Kỳ báo cáo: {}. Tệp có lỗi không được dùng để tổng hợp; tệp chỉ có cảnh báo vẫn được dùng",
            r.period.display_name()
        ),
        &st.subtitle,
        SIZE,
    )?;
    s.header(
        HEAD,
        &[
            "STT",
            "Mức độ",
            "Tệp",
            "Dòng",
            "Cột",
            "Ô (bảng tính)",
            "Nội dung",
            "Gợi ý sửa",
        ],
        &st.header,
    )?;
    for (i, d) in r.diagnostics.iter().enumerate() {
        let row = HEAD + 1 + i as u32;
        let (label, f) = match d.severity {
            Severity::Error => ("Lỗi", &st.bad),
            Severity::Warning => ("Cảnh báo", &st.neutral),
        };
        let file = fit(&d.file, SEE_JSON);
        let message = fit(&d.message, SEE_JSON);
        let hint = fit(d.hint.as_deref().unwrap_or(""), SEE_JSON);
        s.number(row, 0, (i + 1) as f64, &st.center)?;
        s.text(row, 1, label, f)?;
        s.text(row, 2, &file, &st.text)?;
        for (col, v) in [(3, d.line), (4, d.col)] {
            match v {
                Some(n) => s.number(row, col, n as f64, &st.center)?,
                None => s.blank(row, col, &st.center)?,
            }
        }
        s.text(row, 5, d.cell.as_deref().unwrap_or(""), &st.center)?;
        s.text(row, 6, &message, &st.text)?;
        s.text(row, 7, &hint, &st.text)?;
        s.fit_row(row, &[(2, &file), (6, &message), (7, &hint)])?;
    }
    if r.diagnostics.is_empty() {
        let row = HEAD + 1;
        s.ws.merge_range(row, 0, row, 7, "Không có lỗi hoặc cảnh báo nào.", &st.text)?;
    }
    let last = HEAD + r.diagnostics.len() as u32;
    s.finish(
        r.period,
        "Kết quả kiểm tra các tệp báo cáo",
        Layout {
            head: (HEAD, HEAD),
            filter_to: (!r.diagnostics.is_empty()).then_some(last),
            keep: 0,
            repeat: true,
        },
    )
}
