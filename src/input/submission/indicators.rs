//! The `chi_tieu` mapping of a submission: the unit's figures, checked against the catalogue.

use crate::diagnostics::{Pos, clip, code};
use crate::input::hint;
use crate::input::reader::{Ctx, apply, fields, key_text, scalar};
use crate::input::values;
use crate::input::yaml::{Node, Value};
use crate::model::catalogue::{Catalogue, Method};
use crate::model::ids::IndicatorIdx;
use crate::model::number::Num;
use crate::model::submission::Submission;

/// A figure as read: the indicator, the value, and where it is.
type Figure = (IndicatorIdx, Num, Pos);

/// Reads `chi_tieu` into `sub.indicators`, then warns of numerators above their denominators.
pub(super) fn read_indicators(ctx: &mut Ctx, n: &Node, cat: &Catalogue, sub: &mut Submission) {
    if fields(ctx, n, "chỉ tiêu").is_none() {
        return;
    }
    let Value::Map(entries) = &n.value else {
        return;
    };
    let values: Vec<Figure> = entries
        .iter()
        .filter_map(|(k, v)| read_figure(ctx, cat, sub, k, v))
        .collect();
    check_ratios(ctx, cat, &values);
    sub.indicators = values.into_iter().map(|(i, n, _)| (i, n)).collect();
}

/// One `ma_chi_tieu: số` entry.
fn read_figure(
    ctx: &mut Ctx,
    cat: &Catalogue,
    sub: &Submission,
    k: &Node,
    v: &Node,
) -> Option<Figure> {
    let id = key_text(k);
    let id = id.trim();
    let Some(i) = cat.find(id) else {
        ctx.error(
            code::CHI_TIEU_LA,
            k.pos,
            format!(
                "Chỉ tiêu '{}' không có trong danh mục chỉ tiêu (chi-tieu.yaml).",
                clip(id)
            ),
            hint::did_you_mean(id, cat.items().iter().map(|i| i.id.as_str())),
        );
        return None;
    };
    if let Method::Ratio {
        numerator,
        denominator,
    } = cat[i].method
    {
        let (num, den) = (&cat[numerator].id, &cat[denominator].id);
        ctx.error(
            code::TY_LE_NOP,
            k.pos,
            format!(
                "'{id}' là chỉ tiêu tỷ lệ, được tính tự động từ '{num}' và '{den}'; đơn vị không nộp trực tiếp."
            ),
            Some(format!(
                "Xóa dòng '{id}' và ghi hai số liệu '{num}' và '{den}'."
            )),
        );
        return None;
    }
    if v.value == Value::Null {
        return None;
    }
    let n = apply(ctx, v, values::count(scalar(v), id))?;
    if let Some(u) = sub.unit
        && !cat[i].asked_of(u)
    {
        ctx.warn(
            code::CHI_TIEU_NGOAI,
            k.pos,
            format!(
                "Chỉ tiêu '{id}' không thuộc các chỉ tiêu đơn vị được giao báo cáo (don_vi_bao_cao trong chi-tieu.yaml); số liệu vẫn được cộng vào tổng."
            ),
            Some("Nếu đơn vị không theo dõi chỉ tiêu này, xóa dòng này khỏi báo cáo.".into()),
        );
    }
    Some((i, Num::Int(n), v.pos))
}

/// A numerator larger than its denominator makes a ratio over 100 %: a warning.
fn check_ratios(ctx: &mut Ctx, cat: &Catalogue, values: &[Figure]) {
    for ind in cat.items() {
        let Method::Ratio {
            numerator,
            denominator,
        } = ind.method
        else {
            continue;
        };
        let get = |j: IndicatorIdx| values.iter().find(|(i, ..)| *i == j);
        if let (Some(num), Some(den)) = (get(numerator), get(denominator))
            && num.1.as_f64() > den.1.as_f64()
        {
            ctx.warn(
                code::TU_SO_LON_HON,
                num.2,
                format!(
                    "'{}' ({}) lớn hơn '{}' ({}), nên {} vượt 100%.",
                    cat[numerator].id,
                    num.1,
                    cat[denominator].id,
                    den.1,
                    ind.name.to_lowercase()
                ),
                Some("Kiểm tra lại hai số liệu này.".into()),
            );
        }
    }
}
