//! Reads `don-vi.yaml` into a [`Registry`]: the units that report and the groups the plan
//! refers to as `@ma`.

use crate::diagnostics::code;
use crate::input::hint;
use crate::input::reader::{Ctx, fields, list, text};
use crate::input::yaml::Node;
use crate::model::ids::GroupIdx;
use crate::model::registry::{Group, Registry, Unit, is_valid_id};

const WHAT: &str = "danh mục đơn vị";

/// Reads the registry; problems go to `ctx`.
pub fn read_registry(ctx: &mut Ctx, root: &Node) -> Option<Registry> {
    let mut f = fields(ctx, root, WHAT)?;
    let groups = f
        .get("nhom")
        .and_then(|n| list(ctx, n, "nhom"))
        .map(|items| read_groups(ctx, items))
        .unwrap_or_default();
    let mut units: Vec<Unit> = Vec::new();
    let items = f
        .required(ctx, "don_vi", "danh sách đơn vị")
        .and_then(|n| list(ctx, n, "don_vi"));
    for item in items.unwrap_or_default() {
        if let Some(u) = read_unit(ctx, item, &groups, &units) {
            units.push(u);
        }
    }
    f.finish(ctx, WHAT);
    if units.is_empty() && !ctx.has_errors() {
        ctx.error(
            code::THIEU_DON_VI,
            root.pos,
            "Danh mục chưa có đơn vị nào.".into(),
            None,
        );
    }
    Some(Registry::new(units, groups))
}

fn read_groups(ctx: &mut Ctx, items: &[Node]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
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
        let other_names = other_names(ctx, g.get("ten_khac"));
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
                code::MA_TRUNG,
                item.pos,
                format!("Mã nhóm '{id}' bị khai báo hai lần."),
                None,
            );
            continue;
        }
        groups.push(Group {
            id,
            name: name.trim().to_string(),
            other_names,
        });
    }
    groups
}

fn read_unit(ctx: &mut Ctx, item: &Node, groups: &[Group], units: &[Unit]) -> Option<Unit> {
    let mut u = fields(ctx, item, "đơn vị")?;
    let id = u
        .required(ctx, "ma", "mã đơn vị")
        .and_then(|n| text(ctx, n, "ma"));
    let name = u
        .required(ctx, "ten", "tên đơn vị")
        .and_then(|n| text(ctx, n, "ten"));
    let member_of = u
        .get("nhom")
        .map(|n| crate::input::reader::text_list(ctx, n, "nhom"))
        .unwrap_or_default();
    let other_names = other_names(ctx, u.get("ten_khac"));
    u.finish(ctx, "đơn vị");
    let (id, name) = (id?, name?);
    let id = id.trim().to_string();
    if !check_id(ctx, item, &id, "đơn vị") {
        return None;
    }
    if units.iter().any(|x| x.id == id) {
        ctx.error(
            code::MA_TRUNG,
            item.pos,
            format!("Mã đơn vị '{id}' bị khai báo hai lần."),
            None,
        );
        return None;
    }
    let mut unit_groups = Vec::new();
    for (g, pos) in member_of {
        let g = g.trim().trim_start_matches('@').to_string();
        match groups.iter().position(|x| x.id == g).map(GroupIdx::new) {
            None => {
                let hint = hint::did_you_mean(&g, groups.iter().map(|x| x.id.as_str()))
                    .or_else(|| Some("Khai báo nhóm trong mục 'nhom' ở đầu tệp.".into()));
                ctx.error(
                    code::NHOM_LA,
                    pos,
                    format!("Nhóm '{g}' của đơn vị '{id}' chưa được khai báo trong mục 'nhom'."),
                    hint,
                );
            }
            Some(gi) if !unit_groups.contains(&gi) => unit_groups.push(gi),
            Some(_) => {}
        }
    }
    Some(Unit {
        id,
        name: name.trim().to_string(),
        groups: unit_groups,
        other_names,
    })
}

/// `ten_khac`: one name or a list of names, each trimmed; blank ones left out.
fn other_names(ctx: &mut Ctx, node: Option<&Node>) -> Vec<String> {
    let Some(node) = node.filter(|n| n.value != crate::input::yaml::Value::Null) else {
        return Vec::new();
    };
    crate::input::reader::text_list(ctx, node, "ten_khac")
        .into_iter()
        .map(|(s, _)| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn check_id(ctx: &mut Ctx, item: &Node, id: &str, what: &str) -> bool {
    if is_valid_id(id) {
        return true;
    }
    ctx.error(
        code::MA_SAI_DANG,
        item.pos,
        format!("Mã {what} '{id}' không hợp lệ."),
        Some(
            "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ 'phong-tu-phap'."
                .into(),
        ),
    );
    false
}

/// Reads unit ids and `@groups` (the references of a plan's `chu_tri` and `phoi_hop`, or a
/// catalogue's `don_vi_bao_cao`), each checked against the registry; an unknown one is an
/// error with the closest id.
pub fn read_refs(
    ctx: &mut Ctx,
    reg: &Registry,
    node: Option<&Node>,
    key: &str,
) -> Vec<crate::model::registry::UnitRef> {
    use crate::model::registry::UnitRef;
    let Some(node) = node.filter(|n| n.value != crate::input::yaml::Value::Null) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (r, pos) in crate::input::reader::text_list(ctx, node, key) {
        let r = r.trim();
        if let Some(g) = r.strip_prefix('@') {
            match reg.find_group(g) {
                Some(gi) => out.push(UnitRef::Group(gi)),
                None => ctx.error(
                    code::NHOM_LA,
                    pos,
                    format!("Nhóm '@{g}' không có trong danh mục đơn vị (don-vi.yaml)."),
                    hint::closest(g, reg.groups().iter().map(|x| x.id.as_str()))
                        .map(|s| hint::meant(&format!("@{s}"))),
                ),
            }
        } else if let Some(u) = reg.find_unit(r) {
            out.push(UnitRef::Unit(u));
        } else {
            let hint =
                hint::did_you_mean(r, reg.units().iter().map(|u| u.id.as_str())).or_else(|| {
                    reg.find_group(r)
                        .map(|_| format!("'{r}' là một nhóm; viết '@{r}'."))
                });
            ctx.error(
                code::DON_VI_LA,
                pos,
                format!("Đơn vị '{r}' không có trong danh mục đơn vị (don-vi.yaml)."),
                hint,
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::yaml::{Limits, parse};

    fn read(text: &str) -> (Option<Registry>, Vec<crate::diagnostics::Diagnostic>) {
        let root = parse("don-vi.yaml", text, Limits::DATA).unwrap().unwrap();
        let mut ctx = Ctx::new("don-vi.yaml", Some(text));
        let reg = read_registry(&mut ctx, &root);
        (reg, ctx.diags)
    }

    #[test]
    fn other_names_of_units_and_groups() {
        let (reg, diags) = read(
            "nhom:\n  - ma: xa-phuong\n    ten: \"UBND các xã, phường\"\n    ten_khac: \"UBND xã, phường\"\n\
             don_vi:\n  - ma: phong-noi-vu\n    ten: \"Phòng Nội vụ\"\n    ten_khac: [\"Phòng Nội vụ thành phố\", \" \"]\n    nhom: [xa-phuong]\n\
             \x20 - ma: phong-y-te\n    ten: \"Phòng Y tế\"\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let reg = reg.unwrap();
        assert_eq!(reg.groups()[0].other_names, ["UBND xã, phường"]);
        assert_eq!(reg.units()[0].other_names, ["Phòng Nội vụ thành phố"]);
        assert!(reg.units()[1].other_names.is_empty());
    }

    #[test]
    fn other_names_must_be_text() {
        let (_, diags) =
            read("don_vi:\n  - ma: phong-y-te\n    ten: \"Phòng Y tế\"\n    ten_khac: {a: b}\n");
        assert!(
            diags
                .iter()
                .any(|d| d.is_error() && d.message.contains("ten_khac"))
        );
    }
}
