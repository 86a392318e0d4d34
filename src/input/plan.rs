//! Reads `ke-hoach/<năm>.yaml` into a [`Plan`]: areas, tasks with their lead and coordinating
//! units (checked against the registry and expanded once, here), product and time limit.

use crate::diagnostics::code;
use crate::input::reader::{Ctx, date, fields, list, opt_text, text};
use crate::input::registry::read_refs;
use crate::input::yaml::{Node, Value};
use crate::model::ids::AreaIdx;
use crate::model::plan::{Area, Milestone, Plan, Task, TaskSpec, TimeLimit};
use crate::model::registry::Registry;

const WHAT: &str = "kế hoạch";

/// Reads a plan file; `file_year` is the year in the file name (`2024.yaml`).
pub fn read_plan(ctx: &mut Ctx, root: &Node, file_year: i32, reg: &Registry) -> Option<Plan> {
    let mut f = fields(ctx, root, WHAT)?;
    let year_node = f.required(ctx, "nam", "năm của kế hoạch");
    let year = year_node.and_then(|n| {
        let y = crate::input::reader::integer(ctx, n, "nam")?;
        if y != i64::from(file_year) {
            ctx.error(
                code::NAM_KHONG_KHOP,
                n.pos,
                format!("Năm của kế hoạch phải là {file_year}, đúng với tên tệp {file_year}.yaml."),
                None,
            );
            return None;
        }
        Some(file_year)
    });
    let number = f.opt_text(ctx, "so_ky_hieu");
    let title = f
        .required(ctx, "trich_yeu", "tên kế hoạch")
        .and_then(|n| text(ctx, n, "trich_yeu"))
        .unwrap_or_default();
    let issued = f
        .get("ngay_ban_hanh")
        .and_then(|n| date(ctx, n, "ngay_ban_hanh"));
    let area_nodes = f
        .required(ctx, "linh_vuc", "các lĩnh vực")
        .and_then(|n| list(ctx, n, "linh_vuc"))
        .unwrap_or_default();
    let mut areas = Vec::new();
    let mut tasks: Vec<Task> = Vec::new();
    for an in area_nodes {
        read_area(ctx, an, reg, &mut areas, &mut tasks);
    }
    f.finish(ctx, WHAT);
    if tasks.is_empty() && !ctx.has_errors() {
        ctx.error(
            code::THIEU_NHIEM_VU,
            root.pos,
            "Kế hoạch chưa có nhiệm vụ nào.".into(),
            None,
        );
    }
    Some(Plan::new(
        year?,
        number.unwrap_or_else(|| "/KH-UBND".into()),
        title.trim().to_string(),
        issued,
        areas,
        tasks,
    ))
}

/// One area and its tasks, appended to `areas` and `tasks`.
fn read_area(
    ctx: &mut Ctx,
    an: &Node,
    reg: &Registry,
    areas: &mut Vec<Area>,
    tasks: &mut Vec<Task>,
) {
    let Some(mut af) = fields(ctx, an, "lĩnh vực") else {
        return;
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
        return;
    };
    let id = id.trim().to_string();
    if areas.iter().any(|a| a.id == id) {
        ctx.error(
            code::MA_TRUNG,
            an.pos,
            format!("Mã lĩnh vực '{id}' bị lặp lại."),
            None,
        );
        return;
    }
    let area = AreaIdx::new(areas.len());
    areas.push(Area {
        id,
        name: name.trim().to_string(),
    });
    for tn in task_nodes {
        let Some(t) = read_task(ctx, tn, area, reg) else {
            continue;
        };
        if tasks.iter().any(|x| x.id == t.id) {
            ctx.error(
                code::MA_TRUNG,
                tn.pos,
                format!("Mã nhiệm vụ '{}' bị lặp lại trong kế hoạch.", t.id),
                None,
            );
            continue;
        }
        tasks.push(t);
    }
}

fn read_task(ctx: &mut Ctx, node: &Node, area: AreaIdx, reg: &Registry) -> Option<Task> {
    let mut f = fields(ctx, node, "nhiệm vụ")?;
    let id = f
        .required(ctx, "ma", "mã nhiệm vụ")
        .and_then(|n| text(ctx, n, "ma"));
    let label = f.get("nhan").and_then(|n| text(ctx, n, "nhan"));
    let content = f
        .required(ctx, "noi_dung", "nội dung nhiệm vụ")
        .and_then(|n| text(ctx, n, "noi_dung"));
    let lead_node = f.entry("chu_tri").map(|(_, v)| v);
    let lead_refs = read_refs(ctx, reg, lead_node, "chu_tri");
    let lead_other = f.opt_text(ctx, "chu_tri_khac");
    let coord_refs = read_refs(ctx, reg, f.get("phoi_hop"), "phoi_hop");
    let coord_other = f.opt_text(ctx, "phoi_hop_khac");
    let product = f.opt_text(ctx, "san_pham").unwrap_or_default();
    let time_limit = f
        .get("thoi_han")
        .map(|n| read_time_limit(ctx, n))
        .unwrap_or_default();
    f.finish(ctx, "nhiệm vụ");
    let id = id?.trim().to_string();
    let written = lead_node.is_some_and(|n| match &n.value {
        Value::Null => false,
        Value::Seq(items) => !items.is_empty(),
        _ => true,
    });
    if !written && lead_other.is_none() {
        ctx.error(
            code::THIEU_CHU_TRI,
            node.pos,
            format!("Nhiệm vụ '{id}' chưa có đơn vị chủ trì (chu_tri)."),
            Some("Ghi mã đơn vị hoặc nhóm (\"@xa-phuong\") chủ trì thực hiện.".into()),
        );
    }
    let label = label
        .map(|l| l.trim().to_string())
        .unwrap_or_else(|| format!("{})", id.rsplit('.').next().unwrap_or(&id)));
    let task = Task::from(TaskSpec {
        id,
        label,
        area,
        content: content?.trim().to_string(),
        lead_refs,
        lead_other,
        coord_refs,
        coord_other,
        product,
        time_limit,
    })
    .with_units(reg);
    if task.leads.is_empty() && task.lead_other.is_some() {
        ctx.warn(
            code::CHU_TRI_KHONG_RO,
            node.pos,
            format!("Nhiệm vụ '{}' không có đơn vị chủ trì nào trong danh mục; nhiệm vụ sẽ luôn ở trạng thái chưa báo cáo.", task.id),
            None,
        );
    }
    Some(task)
}

fn read_time_limit(ctx: &mut Ctx, node: &Node) -> TimeLimit {
    let Some(mut f) = fields(ctx, node, "thời hạn") else {
        return TimeLimit::default();
    };
    let text_ = f.opt_text(ctx, "mo_ta").unwrap_or_default();
    let recurring = match f.get("thuong_xuyen") {
        None => false,
        Some(Node {
            value: Value::Bool(b, _),
            ..
        }) => *b,
        Some(n) => {
            ctx.error(
                code::SAI_KIEU,
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
            let what = mf
                .get("viec")
                .and_then(|n| opt_text(ctx, n, "viec"))
                .unwrap_or_default();
            mf.finish(ctx, "mốc thời gian");
            if let Some(d) = d {
                if milestones.last().is_some_and(|m| m.date > d) {
                    ctx.warn(
                        code::MOC_SAI_THU_TU,
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
    TimeLimit {
        text: text_,
        recurring,
        milestones,
    }
}
