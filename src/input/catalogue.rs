//! Reads `chi-tieu.yaml` into a [`Catalogue`]: the numeric indicators, sums and ratios of
//! sums.

use crate::diagnostics::{Pos, code};
use crate::input::hint;
use crate::input::reader::{Ctx, fields, list, text};
use crate::input::registry::read_refs;
use crate::input::yaml::Node;
use crate::model::catalogue::{Catalogue, Indicator, Method};
use crate::model::ids::IndicatorIdx;
use crate::model::registry::Registry;

const WHAT: &str = "danh mục chỉ tiêu";

/// A ratio's operand as written: the indicator id and where it is.
type Operand = Option<(String, Pos)>;

/// Reads the catalogue; problems go to `ctx`.
pub fn read_catalogue(ctx: &mut Ctx, root: &Node, reg: &Registry) -> Option<Catalogue> {
    let mut f = fields(ctx, root, WHAT)?;
    let items = f
        .required(ctx, "chi_tieu", "danh sách chỉ tiêu")
        .and_then(|n| list(ctx, n, "chi_tieu"))
        .unwrap_or_default();
    f.finish(ctx, WHAT);
    // First pass: every indicator with its ratio operands still as ids.
    let mut read: Vec<(Indicator, Operand, Operand)> = Vec::new();
    for item in items {
        if let Some(entry) = read_indicator(ctx, item, reg) {
            if read.iter().any(|(i, ..)| i.id == entry.0.id) {
                ctx.error(
                    code::MA_TRUNG,
                    item.pos,
                    format!("Mã chỉ tiêu '{}' bị lặp lại.", entry.0.id),
                    None,
                );
                continue;
            }
            read.push(entry);
        }
    }
    Some(Catalogue::new(resolve_ratios(ctx, read)))
}

fn read_indicator(
    ctx: &mut Ctx,
    item: &Node,
    reg: &Registry,
) -> Option<(Indicator, Operand, Operand)> {
    let mut g = fields(ctx, item, "chỉ tiêu")?;
    let mut t = |ctx: &mut Ctx, key: &'static str, what: &str, required: bool| {
        let n = if required {
            g.required(ctx, key, what)
        } else {
            g.get(key)
        };
        n.and_then(|n| text(ctx, n, key).map(|s| (s.trim().to_string(), n.pos)))
    };
    let id = t(ctx, "ma", "mã chỉ tiêu", true);
    let name = t(ctx, "ten", "tên chỉ tiêu", true);
    let measure = t(ctx, "don_vi_tinh", "đơn vị tính", false);
    let area = t(ctx, "linh_vuc", "lĩnh vực", false);
    let method = t(ctx, "cach_tinh", "cách tính", true);
    let num = t(ctx, "tu_so", "chỉ tiêu tử số", false);
    let den = t(ctx, "mau_so", "chỉ tiêu mẫu số", false);
    let reporters = g.get("don_vi_bao_cao").map(|n| {
        let refs = read_refs(ctx, reg, Some(n), "don_vi_bao_cao");
        reg.expand(&refs, &[])
    });
    g.finish(ctx, "chỉ tiêu");
    let ((id, _), (name, _), (method, mpos)) = (id?, name?, method?);
    let method = match method.as_str() {
        "tong" => Method::Sum,
        "ty_le" if num.is_none() || den.is_none() => {
            ctx.error(
                code::THIEU_KHOA,
                item.pos,
                format!("Chỉ tiêu tỷ lệ '{id}' cần cả 'tu_so' và 'mau_so'."),
                None,
            );
            return None;
        }
        // The operands are resolved once every indicator is known.
        "ty_le" => Method::Ratio {
            numerator: IndicatorIdx::new(usize::MAX),
            denominator: IndicatorIdx::new(usize::MAX),
        },
        other => {
            ctx.error(
                code::GIA_TRI_LA,
                mpos,
                format!("Cách tính '{other}' không hợp lệ."),
                Some("Dùng 'tong' (cộng số liệu các đơn vị) hoặc 'ty_le' (tỷ lệ giữa hai chỉ tiêu tổng).".into()),
            );
            return None;
        }
    };
    let is_ratio = matches!(method, Method::Ratio { .. });
    let ind = Indicator {
        id,
        name,
        measure: measure.map(|u| u.0).unwrap_or_default(),
        area: area.map(|a| a.0).unwrap_or_default(),
        method,
        reporters,
    };
    Some((ind, num.filter(|_| is_ratio), den.filter(|_| is_ratio)))
}

/// Second pass: resolves ratio operands, which must be `tong` indicators.
fn resolve_ratios(ctx: &mut Ctx, read: Vec<(Indicator, Operand, Operand)>) -> Vec<Indicator> {
    let ids: Vec<String> = read.iter().map(|(i, ..)| i.id.clone()).collect();
    let sums: Vec<bool> = read.iter().map(|(i, ..)| i.method == Method::Sum).collect();
    let resolve = |ctx: &mut Ctx, (op, pos): (String, Pos)| match ids.iter().position(|x| *x == op)
    {
        Some(i) if sums[i] => Some(IndicatorIdx::new(i)),
        Some(_) => {
            ctx.error(
                code::TY_LE_SAI,
                pos,
                format!("'{op}' là chỉ tiêu tỷ lệ; tử số và mẫu số phải là chỉ tiêu tổng (tong)."),
                None,
            );
            None
        }
        None => {
            ctx.error(
                code::CHI_TIEU_LA,
                pos,
                format!("Chỉ tiêu '{op}' không có trong danh mục."),
                hint::did_you_mean(&op, ids.iter().map(String::as_str)),
            );
            None
        }
    };
    let mut out = Vec::new();
    for (mut ind, num, den) in read {
        if let (Some(num), Some(den)) = (num, den) {
            // On an error the indicator keeps unresolved operands; the error stops the run.
            if let (Some(n), Some(d)) = (resolve(ctx, num), resolve(ctx, den)) {
                ind.method = Method::Ratio {
                    numerator: n,
                    denominator: d,
                };
            }
        }
        out.push(ind);
    }
    out
}
