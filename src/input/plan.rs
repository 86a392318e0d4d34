//! `ke-hoach/<năm>.yaml`: one year's reform plan: areas (lĩnh vực), tasks (nhiệm vụ) with
//! their lead and coordinating units, product and time limit. Group references (`@nhom`) are
//! expanded against the registry here, once.

use crate::diagnostics::Pos;
use crate::input::reader::{Ctx, date, fields, list, number, text};
use crate::input::registry::Registry;
use crate::input::yaml::{Node, Value};
use chrono::NaiveDate;
use std::collections::HashMap;

/// A year's plan.
#[derive(Debug, Clone)]
pub struct Plan {
    /// `nam`: the year the plan covers.
    pub year: i32,
    /// `so_ky_hieu`: the plan's number ("/KH-UBND" when left blank).
    pub number: String,
    /// `trich_yeu`: the plan's title.
    pub title: String,
    /// `ngay_ban_hanh`: the date it was issued, if given.
    pub issued: Option<NaiveDate>,
    /// `linh_vuc`: areas in plan order.
    pub areas: Vec<Area>,
    /// Every task, in plan order (area by area).
    pub tasks: Vec<Task>,
    task_index: HashMap<String, usize>,
}

/// An area of the plan (its numbered section).
#[derive(Debug, Clone)]
pub struct Area {
    /// `ma`: "1" … "7".
    pub id: String,
    /// `ten`: "Cải cách thể chế".
    pub name: String,
}

/// One task of the plan.
#[derive(Debug, Clone)]
pub struct Task {
    /// `ma`: unique id ("1.a", "1.đ").
    pub id: String,
    /// `nhan`: display label ("a)"); defaults to the id's letter and ")".
    pub label: String,
    /// Index into [`Plan::areas`].
    pub area: usize,
    /// `noi_dung`: the task text.
    pub content: String,
    /// `chu_tri`: lead units and groups as written (ids, `@groups`).
    pub lead_refs: Vec<String>,
    /// `chu_tri_khac`: lead text the registry cannot express.
    pub lead_other: Option<String>,
    /// `phoi_hop`: coordinating units and groups as written.
    pub coord_refs: Vec<String>,
    /// `phoi_hop_khac`: free-text coordinators.
    pub coord_other: Option<String>,
    /// `san_pham`: the expected product.
    pub product: String,
    /// `thoi_han`: the time limit.
    pub deadline: Deadline,
    /// Lead units expanded (groups in registry order), in plan order, each once: registry
    /// positions.
    pub leads: Vec<usize>,
    /// Coordinating units expanded the same way, without the leads.
    pub coordinators: Vec<usize>,
    /// The role of every registry unit in this task, by registry position.
    roles: Vec<Role>,
}

/// A task's time limit.
#[derive(Debug, Clone, Default)]
pub struct Deadline {
    /// `mo_ta`: printed verbatim in reports.
    pub text: String,
    /// `thuong_xuyen`: recurring through the year.
    pub recurring: bool,
    /// `moc`: dated milestones.
    pub milestones: Vec<Milestone>,
}

/// A dated milestone of a task.
#[derive(Debug, Clone)]
pub struct Milestone {
    /// `ngay`.
    pub date: NaiveDate,
    /// `viec`: what is due on that day.
    pub what: String,
}

impl Task {
    /// The task's due date: its last milestone; for a recurring task without milestones, the
    /// end of the annual period (`year_end`); otherwise none (SPEC §2.2).
    pub fn due_date(&self, year_end: NaiveDate) -> Option<NaiveDate> {
        match self.deadline.milestones.iter().map(|m| m.date).max() {
            Some(d) => Some(d),
            None if self.deadline.recurring => Some(year_end),
            None => None,
        }
    }

    /// The role of a unit in this task.
    pub fn role_of(&self, unit: usize) -> Role {
        self.roles.get(unit).copied().unwrap_or(Role::Other)
    }
}

/// What a unit is to a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Lead,
    Coordinator,
    Other,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Lead => "chu_tri",
            Role::Coordinator => "phoi_hop",
            Role::Other => "khac",
        }
    }
}

impl Plan {
    /// The plan position of a task id.
    pub fn task(&self, id: &str) -> Option<usize> {
        self.task_index.get(id).copied()
    }
}

const WHAT: &str = "kế hoạch";

/// Reads a plan file; `file_year` is the year in the file name (`2024.yaml`).
pub fn read_plan(ctx: &mut Ctx, root: &Node, file_year: i32, reg: &Registry) -> Option<Plan> {
    let mut f = fields(ctx, root, WHAT)?;
    let year = match f.required(ctx, "nam", "năm của kế hoạch") {
        Some(n) => {
            match number(ctx, n, "nam") {
                Some(crate::input::reader::Num::Int(y)) if y == file_year as i64 => Some(file_year),
                Some(_) => {
                    ctx.error(
                    "nam-khong-khop",
                    n.pos,
                    format!("Năm của kế hoạch phải là {file_year}, đúng với tên tệp {file_year}.yaml."),
                    None,
                );
                    None
                }
                None => None,
            }
        }
        None => None,
    };
    let number_ = f
        .get("so_ky_hieu")
        .and_then(|n| text(ctx, n, "so_ky_hieu"))
        .unwrap_or_default();
    let title = f
        .required(ctx, "trich_yeu", "tên kế hoạch")
        .and_then(|n| text(ctx, n, "trich_yeu"))
        .unwrap_or_default();
    let issued = f
        .get("ngay_ban_hanh")
        .and_then(|n| date(ctx, n, "ngay_ban_hanh"));
    let mut areas = Vec::new();
    let mut tasks: Vec<Task> = Vec::new();
    let area_nodes = f
        .required(ctx, "linh_vuc", "các lĩnh vực")
        .and_then(|n| list(ctx, n, "linh_vuc"))
        .unwrap_or_default();
    for an in area_nodes {
        let Some(mut af) = fields(ctx, an, "lĩnh vực") else {
            continue;
        };
        let id = af
            .required(ctx, "ma", "mã lĩnh vực")
            .and_then(|n| text(ctx, n, "ma"));
        let name = af
            .required(ctx, "ten", "tên lĩnh vực")
            .and_then(|n| text(ctx, n, "ten"));
        let task_nodes = af
            .required(ctx, "nhiem_vu", "các nhiệm vụ")
            .and_then(|n| list(ctx, n, "nhiem_vu"))
            .unwrap_or_default();
        af.finish(ctx, "lĩnh vực");
        let (Some(id), Some(name)) = (id, name) else {
            continue;
        };
        let id = id.trim().to_string();
        if areas.iter().any(|a: &Area| a.id == id) {
            ctx.error(
                "ma-trung",
                an.pos,
                format!("Mã lĩnh vực '{id}' bị lặp lại."),
                None,
            );
            continue;
        }
        let area = areas.len();
        areas.push(Area {
            id,
            name: name.trim().to_string(),
        });
        for tn in task_nodes {
            if let Some(t) = read_task(ctx, tn, area, reg) {
                if tasks.iter().any(|x| x.id == t.id) {
                    ctx.error(
                        "ma-trung",
                        tn.pos,
                        format!("Mã nhiệm vụ '{}' bị lặp lại trong kế hoạch.", t.id),
                        None,
                    );
                    continue;
                }
                tasks.push(t);
            }
        }
    }
    f.finish(ctx, WHAT);
    if tasks.is_empty() && !ctx.has_errors() {
        ctx.error(
            "thieu-nhiem-vu",
            root.pos,
            "Kế hoạch chưa có nhiệm vụ nào.".into(),
            None,
        );
    }
    let task_index = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.id.clone(), i))
        .collect();
    Some(Plan {
        year: year?,
        number: if number_.trim().is_empty() {
            "/KH-UBND".into()
        } else {
            number_.trim().to_string()
        },
        title: title.trim().to_string(),
        issued,
        areas,
        tasks,
        task_index,
    })
}

fn read_task(ctx: &mut Ctx, node: &Node, area: usize, reg: &Registry) -> Option<Task> {
    let mut f = fields(ctx, node, "nhiệm vụ")?;
    let id = f
        .required(ctx, "ma", "mã nhiệm vụ")
        .and_then(|n| text(ctx, n, "ma"));
    let label = f.get("nhan").and_then(|n| text(ctx, n, "nhan"));
    let content = f
        .required(ctx, "noi_dung", "nội dung nhiệm vụ")
        .and_then(|n| text(ctx, n, "noi_dung"));
    let lead_node = f.entry("chu_tri").map(|(_, v)| v);
    let lead_refs = refs(ctx, lead_node, "chu_tri");
    let lead_other = opt_text(ctx, f.get("chu_tri_khac"), "chu_tri_khac");
    let coord_refs = refs(ctx, f.get("phoi_hop"), "phoi_hop");
    let coord_other = opt_text(ctx, f.get("phoi_hop_khac"), "phoi_hop_khac");
    let product = opt_text(ctx, f.get("san_pham"), "san_pham").unwrap_or_default();
    let deadline = f
        .get("thoi_han")
        .map(|n| read_deadline(ctx, n))
        .unwrap_or_default();
    f.finish(ctx, "nhiệm vụ");
    let id = id?.trim().to_string();
    if lead_refs.is_empty() && lead_other.is_none() {
        ctx.error(
            "thieu-chu-tri",
            node.pos,
            format!("Nhiệm vụ '{id}' chưa có đơn vị chủ trì (chu_tri)."),
            Some("Ghi mã đơn vị hoặc nhóm (\"@xa-phuong\") chủ trì thực hiện.".into()),
        );
    }
    let leads = expand(ctx, reg, &lead_refs, &[]);
    let coordinators = expand(ctx, reg, &coord_refs, &leads);
    if leads.is_empty() && lead_other.is_some() {
        ctx.warn(
            "chu-tri-khong-ro",
            node.pos,
            format!("Nhiệm vụ '{id}' không có đơn vị chủ trì nào trong danh mục; nhiệm vụ sẽ luôn ở trạng thái chưa báo cáo."),
            None,
        );
    }
    let mut roles = vec![Role::Other; reg.units.len()];
    for &i in &coordinators {
        roles[i] = Role::Coordinator;
    }
    for &i in &leads {
        roles[i] = Role::Lead;
    }
    let label = label
        .map(|l| l.trim().to_string())
        .unwrap_or_else(|| format!("{})", id.rsplit('.').next().unwrap_or(&id)));
    Some(Task {
        id,
        label,
        area,
        content: content?.trim().to_string(),
        lead_refs: lead_refs.into_iter().map(|(r, _)| r).collect(),
        lead_other,
        coord_refs: coord_refs.into_iter().map(|(r, _)| r).collect(),
        coord_other,
        product,
        deadline,
        leads,
        coordinators,
        roles,
    })
}

fn opt_text(ctx: &mut Ctx, n: Option<&Node>, key: &str) -> Option<String> {
    n.and_then(|n| text(ctx, n, key))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn refs(ctx: &mut Ctx, n: Option<&Node>, key: &str) -> Vec<(String, Pos)> {
    let Some(n) = n else { return Vec::new() };
    match &n.value {
        Value::Null => Vec::new(),
        _ => crate::input::reader::text_list(ctx, n, key)
            .into_iter()
            .map(|(s, p)| (s.trim().to_string(), p))
            .collect(),
    }
}

/// Expands unit ids and `@groups` to registry positions, in the order written, each unit
/// once, leaving out `exclude`.
fn expand(ctx: &mut Ctx, reg: &Registry, refs: &[(String, Pos)], exclude: &[usize]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    let mut taken = vec![false; reg.units.len()];
    for &i in exclude {
        taken[i] = true;
    }
    let mut add = |i: usize, out: &mut Vec<usize>| {
        if !taken[i] {
            taken[i] = true;
            out.push(i);
        }
    };
    for (r, pos) in refs {
        if let Some(g) = r.strip_prefix('@') {
            if reg.group(g).is_some() {
                for i in reg.members(g) {
                    add(i, &mut out);
                }
            } else {
                let hint = reg
                    .suggest_group(g)
                    .map(|s| format!("có phải ý bạn là '@{s}'?"));
                ctx.error(
                    "nhom-la",
                    *pos,
                    format!("Nhóm '@{g}' không có trong danh mục đơn vị (don-vi.yaml)."),
                    hint,
                );
            }
        } else if let Some(i) = reg.unit(r) {
            add(i, &mut out);
        } else {
            let hint = reg
                .suggest_unit(r)
                .map(|s| format!("có phải ý bạn là '{s}'?"))
                .or_else(|| {
                    reg.group(r)
                        .map(|_| format!("'{r}' là một nhóm; viết '@{r}'."))
                });
            ctx.error(
                "don-vi-la",
                *pos,
                format!("Đơn vị '{r}' không có trong danh mục đơn vị (don-vi.yaml)."),
                hint,
            );
        }
    }
    out
}

fn read_deadline(ctx: &mut Ctx, node: &Node) -> Deadline {
    let Some(mut f) = fields(ctx, node, "thời hạn") else {
        return Deadline::default();
    };
    let text_ = opt_text(ctx, f.get("mo_ta"), "mo_ta").unwrap_or_default();
    let recurring = match f.get("thuong_xuyen") {
        None => false,
        Some(Node {
            value: Value::Bool(b, _),
            ..
        }) => *b,
        Some(n) => {
            ctx.error(
                "sai-kieu",
                n.pos,
                "Giá trị của 'thuong_xuyen' phải là true hoặc false.".into(),
                None,
            );
            false
        }
    };
    let mut milestones: Vec<Milestone> = Vec::new();
    if let Some(items) = f.get("moc").and_then(|n| list(ctx, n, "moc")) {
        for item in items {
            let Some(mut mf) = fields(ctx, item, "mốc thời gian") else {
                continue;
            };
            let d = mf
                .required(ctx, "ngay", "ngày của mốc")
                .and_then(|n| date(ctx, n, "ngay"));
            let what = opt_text(ctx, mf.get("viec"), "viec").unwrap_or_default();
            mf.finish(ctx, "mốc thời gian");
            if let Some(d) = d {
                if milestones.last().is_some_and(|m| m.date > d) {
                    ctx.warn(
                        "moc-sai-thu-tu",
                        item.pos,
                        "Các mốc thời gian không theo thứ tự ngày; hạn của nhiệm vụ là mốc muộn nhất.".into(),
                        None,
                    );
                }
                milestones.push(Milestone { date: d, what });
            }
        }
    }
    f.finish(ctx, "thời hạn");
    Deadline {
        text: text_,
        recurring,
        milestones,
    }
}
