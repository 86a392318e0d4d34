//! `Chi tieu`: one column per indicator, the city total in the first row, then one row per
//! unit.

use super::fit::{SEE_PLAN, fit, fit_width, row_height, wrapped_lines};
use super::sheet::{HEAD, Layout, Sheet};
use super::styles::Styles;
use super::{SHEETS, SIZE};
use crate::model::catalogue::Method;
use crate::model::number::Num;
use crate::model::report::PeriodReport;
use rust_xlsxwriter::{Worksheet, XlsxError};

/// The width of an indicator's column, in characters.
pub(super) const INDICATOR_WIDTH: f64 = 12.0;

pub(super) fn indicators_sheet(
    ws: &mut Worksheet,
    r: &PeriodReport,
    st: &Styles,
) -> Result<(), XlsxError> {
    let reg = &r.data.registry;
    let cat = r.data.catalogue.items();
    let mut widths = vec![
        5.0,
        fit_width(reg.units().iter().map(|u| u.name.as_str()), 20.0, 40.0),
    ];
    widths.extend(std::iter::repeat_n(INDICATOR_WIDTH, cat.len()));
    let mut s = Sheet::new(ws, SHEETS[3], widths)?;
    s.banner(
        0,
        "SỐ LIỆU CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH",
        &st.title,
        14.0,
    )?;
    s.banner(
        1,
        &format!(
            "Kỳ báo cáo: {}. Dòng Tổng cộng: tổng của các báo cáo hợp lệ; tỷ lệ tính trên tổng số",
            r.period.display_name()
        ),
        &st.subtitle,
        SIZE,
    )?;
    // Two header rows: the indicator's name, then its unit of measure.
    let mut names: Vec<&str> = vec!["STT", "Đơn vị"];
    names.extend(cat.iter().map(|c| c.name.as_str()));
    let measure: Vec<String> = cat.iter().map(|c| format!("({})", c.measure)).collect();
    s.header(HEAD, &names, &st.header)?;
    s.ws.merge_range(HEAD, 0, HEAD + 1, 0, "STT", &st.header)?;
    s.ws.merge_range(HEAD, 1, HEAD + 1, 1, "Đơn vị", &st.header)?;
    for (k, m) in measure.iter().enumerate() {
        s.text(HEAD + 1, 2 + k as u16, m, &st.header)?;
    }
    let measure_lines = measure
        .iter()
        .map(|m| wrapped_lines(m, INDICATOR_WIDTH, SIZE, true))
        .max()
        .unwrap_or(1);
    s.ws.set_row_height(HEAD + 1, row_height(measure_lines, SIZE))?;

    // A column shows decimals when its total does (some unit gave a decimal figure).
    let decimal: Vec<bool> = r
        .indicators
        .iter()
        .map(|v| matches!(v, Some(Num::Float(_))))
        .collect();
    let is_ratio = |k: usize| cat[k].is_ratio();
    let total_row = HEAD + 2;
    s.blank(total_row, 0, &st.total_text)?;
    s.text(total_row, 1, "Tổng cộng", &st.total_text)?;
    for (k, v) in r.indicators.iter().enumerate() {
        let (f, x) = if is_ratio(k) {
            (&st.total_ratio, v.map(|v| v.as_f64() / 100.0))
        } else if decimal[k] {
            (&st.total_dec, v.map(Num::as_f64))
        } else {
            (&st.total_int, v.map(Num::as_f64))
        };
        match x {
            Some(x) => s.number(total_row, 2 + k as u16, x, f)?,
            None => s.blank(total_row, 2 + k as u16, f)?,
        }
    }
    s.ws.set_row_height(total_row, row_height(1, SIZE))?;

    let mut values: Vec<Option<Num>> = vec![None; cat.len()];
    for (i, u) in r.units.iter().enumerate() {
        let row = total_row + 1 + i as u32;
        let name = fit(&r.unit(u.unit).name, SEE_PLAN);
        s.number(row, 0, (i + 1) as f64, &st.center)?;
        s.text(row, 1, &name, &st.text)?;
        values.iter_mut().for_each(|v| *v = None);
        if let Some(sub) = r.used(u) {
            for &(ind, v) in &sub.indicators {
                values[ind.index()] = Some(v);
            }
        }
        for (k, ind) in cat.iter().enumerate() {
            let col = 2 + k as u16;
            let (f, x) = match &ind.method {
                Method::Ratio {
                    numerator,
                    denominator,
                } if u.used.is_some() => (
                    &st.ratio,
                    Num::ratio(values[numerator.index()], values[denominator.index()])
                        .map(|v| v.as_f64() / 100.0),
                ),
                Method::Ratio { .. } => (&st.ratio, None),
                Method::Sum if decimal[k] => (&st.dec, values[k].map(Num::as_f64)),
                Method::Sum => (&st.int, values[k].map(Num::as_f64)),
            };
            match x {
                Some(x) => s.number(row, col, x, f)?,
                None => s.blank(row, col, f)?,
            }
        }
        s.fit_row(row, &[(1, &name)])?;
    }
    let last = total_row + r.units.len() as u32;
    s.finish(
        r.period,
        "Số liệu các chỉ tiêu CCHC",
        Layout {
            head: (HEAD, HEAD + 1),
            filter_to: Some(last),
            keep: 2,
            repeat: true,
        },
    )
}
