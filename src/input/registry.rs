//! `don-vi.yaml`: the units that report (đơn vị) and the groups (nhóm) the plan refers to as
//! `@ma`. Registry order is the order of units everywhere in the outputs.

use crate::input::reader::{Ctx, did_you_mean, fields, list, text, text_list};
use crate::input::yaml::Node;
use std::collections::HashMap;

/// One reporting unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// `ma`: lowercase ASCII id, also the name of its folder in `nop/`.
    pub id: String,
    /// `ten`: the unit's name ("Phòng Tư pháp").
    pub name: String,
    /// `nhom`: ids of the groups it belongs to.
    pub groups: Vec<String>,
}

/// A named group of units.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// `ma`: the id the plan writes as `@ma`.
    pub id: String,
    /// `ten`: its name ("UBND các xã, phường").
    pub name: String,
}

/// All units and groups, with lookups by id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    pub units: Vec<Unit>,
    pub groups: Vec<Group>,
    unit_index: HashMap<String, usize>,
    group_index: HashMap<String, usize>,
}

impl Registry {
    pub fn new(units: Vec<Unit>, groups: Vec<Group>) -> Self {
        let unit_index = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), i))
            .collect();
        let group_index = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.clone(), i))
            .collect();
        Registry {
            units,
            groups,
            unit_index,
            group_index,
        }
    }

    /// The registry position of a unit id.
    pub fn unit(&self, id: &str) -> Option<usize> {
        self.unit_index.get(id).copied()
    }

    pub fn group(&self, id: &str) -> Option<&Group> {
        self.group_index.get(id).map(|&i| &self.groups[i])
    }

    /// Members of a group, in registry order.
    pub fn members<'a>(&'a self, group: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.units
            .iter()
            .enumerate()
            .filter(move |(_, u)| u.groups.iter().any(|g| g == group))
            .map(|(i, _)| i)
    }

    /// The nearest unit id to a mistyped one.
    pub fn suggest_unit(&self, id: &str) -> Option<&str> {
        did_you_mean(id, self.units.iter().map(|u| u.id.as_str()))
    }

    pub fn suggest_group(&self, id: &str) -> Option<&str> {
        did_you_mean(id, self.groups.iter().map(|g| g.id.as_str()))
    }
}

/// A valid id: lowercase ASCII letters, digits and '-', starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

const WHAT: &str = "danh mục đơn vị";

/// Reads the registry; problems go to `ctx`.
pub fn read_registry(ctx: &mut Ctx, root: &Node) -> Option<Registry> {
    let mut f = fields(ctx, root, WHAT)?;
    let mut groups: Vec<Group> = Vec::new();
    if let Some(items) = f.get("nhom").and_then(|n| list(ctx, n, "nhom")) {
        for item in items {
            let Some(mut g) = fields(ctx, item, "nhóm") else {
                continue;
            };
            let id = g
                .required(ctx, "ma", "mã nhóm")
                .and_then(|n| text(ctx, n, "ma"));
            let name = g
                .required(ctx, "ten", "tên nhóm")
                .and_then(|n| text(ctx, n, "ten"));
            g.finish(ctx, "nhóm");
            let (Some(id), Some(name)) = (id, name) else {
                continue;
            };
            let id = id.trim().to_string();
            if !check_id(ctx, item, &id, "nhóm") {
                continue;
            }
            if groups.iter().any(|x| x.id == id) {
                ctx.error(
                    "ma-trung",
                    item.pos,
                    format!("Mã nhóm '{id}' bị khai báo hai lần."),
                    None,
                );
                continue;
            }
            groups.push(Group {
                id,
                name: name.trim().to_string(),
            });
        }
    }
    let mut units: Vec<Unit> = Vec::new();
    let items = f
        .required(ctx, "don_vi", "danh sách đơn vị")
        .and_then(|n| list(ctx, n, "don_vi"));
    for item in items.unwrap_or_default() {
        let Some(mut u) = fields(ctx, item, "đơn vị") else {
            continue;
        };
        let id = u
            .required(ctx, "ma", "mã đơn vị")
            .and_then(|n| text(ctx, n, "ma"));
        let name = u
            .required(ctx, "ten", "tên đơn vị")
            .and_then(|n| text(ctx, n, "ten"));
        let member_of = u
            .get("nhom")
            .map(|n| text_list(ctx, n, "nhom"))
            .unwrap_or_default();
        u.finish(ctx, "đơn vị");
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        let id = id.trim().to_string();
        if !check_id(ctx, item, &id, "đơn vị") {
            continue;
        }
        if units.iter().any(|x| x.id == id) {
            ctx.error(
                "ma-trung",
                item.pos,
                format!("Mã đơn vị '{id}' bị khai báo hai lần."),
                None,
            );
            continue;
        }
        let mut unit_groups = Vec::new();
        for (g, pos) in member_of {
            let g = g.trim().trim_start_matches('@').to_string();
            if !groups.iter().any(|x| x.id == g) {
                let hint = did_you_mean(&g, groups.iter().map(|x| x.id.as_str()))
                    .map(|s| format!("có phải ý bạn là '{s}'?"))
                    .or_else(|| Some("Khai báo nhóm trong mục 'nhom' ở đầu tệp.".into()));
                ctx.error(
                    "nhom-la",
                    pos,
                    format!("Nhóm '{g}' của đơn vị '{id}' chưa được khai báo trong mục 'nhom'."),
                    hint,
                );
            } else if !unit_groups.contains(&g) {
                unit_groups.push(g);
            }
        }
        units.push(Unit {
            id,
            name: name.trim().to_string(),
            groups: unit_groups,
        });
    }
    f.finish(ctx, WHAT);
    if units.is_empty() && !ctx.has_errors() {
        ctx.error(
            "thieu-don-vi",
            root.pos,
            "Danh mục chưa có đơn vị nào.".into(),
            None,
        );
    }
    Some(Registry::new(units, groups))
}

fn check_id(ctx: &mut Ctx, item: &Node, id: &str, what: &str) -> bool {
    if is_valid_id(id) {
        return true;
    }
    ctx.error(
        "ma-sai-dang",
        item.pos,
        format!("Mã {what} '{id}' không hợp lệ."),
        Some(
            "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ 'phong-tu-phap'."
                .into(),
        ),
    );
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("ubnd-xa-tinh-an-tay"));
        assert!(is_valid_id("phong-y-te2"));
        assert!(!is_valid_id("Phong-Y-Te"));
        assert!(!is_valid_id("phòng-y-tế"));
        assert!(!is_valid_id("phong y te"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-x"));
    }
}
