//! `chi-tieu.yaml`: the catalogue of numeric indicators (chỉ tiêu). A `tong` indicator is
//! summed over units; a `ty_le` indicator is computed as the ratio of the sums of two `tong`
//! indicators and is never submitted.

use crate::diagnostics::Pos;
use crate::input::reader::{Ctx, did_you_mean, fields, list, text, text_list};
use crate::input::registry::Registry;
use crate::input::yaml::Node;

/// One indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// `ma`: id used as a key in submissions.
    pub id: String,
    /// `ten`: its name.
    pub name: String,
    /// `don_vi_tinh`: unit of measure ("hồ sơ", "%").
    pub unit: String,
    /// `linh_vuc`: the plan area it belongs to.
    pub area: String,
    /// `cach_tinh`: how the city figure is computed.
    pub method: Method,
    /// `don_vi_bao_cao`: the units that report it (unit ids and `@groups`, expanded to
    /// registry positions); `None` when every unit may (the default).
    pub reporters: Option<Vec<usize>>,
}

impl Indicator {
    /// Whether a unit is asked for this indicator (in its form).
    pub fn asked_of(&self, unit: usize) -> bool {
        matches!(self.method, Method::Sum)
            && self.reporters.as_ref().is_none_or(|r| r.contains(&unit))
    }
}

/// How an indicator's city-level value is computed.
#[derive(Debug, Clone, PartialEq)]
pub enum Method {
    /// `tong`: the sum over accepted submissions.
    Sum,
    /// `ty_le`: 100 × Σ`tu_so` / Σ`mau_so` (indexes into the catalogue).
    Ratio {
        numerator: usize,
        denominator: usize,
    },
}

/// The catalogue, in file order.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    pub items: Vec<Indicator>,
}

impl Catalogue {
    pub fn get(&self, id: &str) -> Option<usize> {
        self.items.iter().position(|i| i.id == id)
    }

    pub fn suggest(&self, id: &str) -> Option<&str> {
        did_you_mean(id, self.items.iter().map(|i| i.id.as_str()))
    }
}

const WHAT: &str = "danh mục chỉ tiêu";

/// Unit ids and `@groups` to registry positions (each once, registry order).
fn expand_refs(ctx: &mut Ctx, reg: &Registry, refs: &[(String, Pos)]) -> Vec<usize> {
    let mut taken = vec![false; reg.units.len()];
    for (r, pos) in refs {
        let r = r.trim();
        match r.strip_prefix('@') {
            Some(g) if reg.group(g).is_some() => reg.members(g).for_each(|u| taken[u] = true),
            Some(g) => ctx.error(
                "nhom-la",
                *pos,
                format!("Nhóm '@{g}' không có trong danh mục đơn vị (don-vi.yaml)."),
                reg.suggest_group(g)
                    .map(|s| format!("có phải ý bạn là '@{s}'?")),
            ),
            None => match reg.unit(r) {
                Some(u) => taken[u] = true,
                None => ctx.error(
                    "don-vi-la",
                    *pos,
                    format!("Đơn vị '{r}' không có trong danh mục đơn vị (don-vi.yaml)."),
                    reg.suggest_unit(r)
                        .map(|s| format!("có phải ý bạn là '{s}'?")),
                ),
            },
        }
    }
    (0..reg.units.len()).filter(|&u| taken[u]).collect()
}

/// Reads the catalogue; problems go to `ctx`.
pub fn read_catalogue(ctx: &mut Ctx, root: &Node, reg: &Registry) -> Option<Catalogue> {
    let mut f = fields(ctx, root, WHAT)?;
    let items = f
        .required(ctx, "chi_tieu", "danh sách chỉ tiêu")
        .and_then(|n| list(ctx, n, "chi_tieu"))
        .unwrap_or_default();
    f.finish(ctx, WHAT);
    // First pass: every indicator with its ratio operands still as ids.
    type Operand = Option<(String, Pos)>;
    let mut read: Vec<(Indicator, Operand, Operand)> = Vec::new();
    for item in items {
        let Some(mut g) = fields(ctx, item, "chỉ tiêu") else {
            continue;
        };
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
        let unit = t(ctx, "don_vi_tinh", "đơn vị tính", false);
        let area = t(ctx, "linh_vuc", "lĩnh vực", false);
        let method = t(ctx, "cach_tinh", "cách tính", true);
        let num = t(ctx, "tu_so", "chỉ tiêu tử số", false);
        let den = t(ctx, "mau_so", "chỉ tiêu mẫu số", false);
        let reporters = g
            .get("don_vi_bao_cao")
            .map(|n| text_list(ctx, n, "don_vi_bao_cao"))
            .map(|refs| expand_refs(ctx, reg, &refs));
        g.finish(ctx, "chỉ tiêu");
        let (Some((id, _)), Some((name, _)), Some((method, mpos))) = (id, name, method) else {
            continue;
        };
        if read.iter().any(|(i, ..)| i.id == id) {
            ctx.error(
                "ma-trung",
                item.pos,
                format!("Mã chỉ tiêu '{id}' bị lặp lại."),
                None,
            );
            continue;
        }
        let method = match method.as_str() {
            "tong" => Method::Sum,
            "ty_le" => {
                if num.is_none() || den.is_none() {
                    ctx.error(
                        "thieu-khoa",
                        item.pos,
                        format!("Chỉ tiêu tỷ lệ '{id}' cần cả 'tu_so' và 'mau_so'."),
                        None,
                    );
                    continue;
                }
                Method::Ratio {
                    numerator: usize::MAX,
                    denominator: usize::MAX,
                }
            }
            other => {
                ctx.error(
                    "gia-tri-la",
                    mpos,
                    format!("Cách tính '{other}' không hợp lệ."),
                    Some("Dùng 'tong' (cộng số liệu các đơn vị) hoặc 'ty_le' (tỷ lệ giữa hai chỉ tiêu tổng).".into()),
                );
                continue;
            }
        };
        let ind = Indicator {
            id,
            name,
            unit: unit.map(|u| u.0).unwrap_or_default(),
            area: area.map(|a| a.0).unwrap_or_default(),
            method,
            reporters,
        };
        let is_ratio = matches!(ind.method, Method::Ratio { .. });
        read.push((ind, num.filter(|_| is_ratio), den.filter(|_| is_ratio)));
    }
    // Second pass: resolve ratio operands, which must be `tong` indicators.
    let ids: Vec<String> = read.iter().map(|(i, ..)| i.id.clone()).collect();
    let sums: Vec<bool> = read.iter().map(|(i, ..)| i.method == Method::Sum).collect();
    let mut out = Vec::new();
    for (mut ind, num, den) in read {
        if let (Some(num), Some(den)) = (num, den) {
            let mut resolve = |(op, pos): (String, Pos)| match ids.iter().position(|x| *x == op) {
                Some(i) if sums[i] => Some(i),
                Some(_) => {
                    ctx.error(
                            "ty-le-sai",
                            pos,
                            format!("'{op}' là chỉ tiêu tỷ lệ; tử số và mẫu số phải là chỉ tiêu tổng (tong)."),
                            None,
                        );
                    None
                }
                None => {
                    let hint = did_you_mean(&op, ids.iter().map(String::as_str))
                        .map(|s| format!("có phải ý bạn là '{s}'?"));
                    ctx.error(
                        "chi-tieu-la",
                        pos,
                        format!("Chỉ tiêu '{op}' không có trong danh mục."),
                        hint,
                    );
                    None
                }
            };
            // On an error the indicator keeps unresolved operands; the error stops the run.
            if let (Some(n), Some(d)) = (resolve(num), resolve(den)) {
                ind.method = Method::Ratio {
                    numerator: n,
                    denominator: d,
                };
            }
        }
        out.push(ind);
    }
    Some(Catalogue { items: out })
}
