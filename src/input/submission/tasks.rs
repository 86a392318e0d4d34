//! The `nhiem_vu` list of a submission: each task's id, status, progress, result, documents
//! issued and difficulties, read by the value table (docs/du-lieu.md).

use crate::diagnostics::{Pos, clip, code};
use crate::input::hint;
use crate::input::reader::{Ctx, apply, date, fields, id_text, key_text, list, scalar, text};
use crate::input::values::{self, statuses_hint};
use crate::input::yaml::{Node, Value};
use crate::model::ids::TaskIdx;
use crate::model::number::Num;
use crate::model::plan::{Plan, Role};
use crate::model::status::Status;
use crate::model::submission::{Product, Submission, TaskReport};
use chrono::NaiveDate;

/// Reads the `nhiem_vu` items into `sub.tasks`; `plan` is the plan of the file's period, if it
/// could be read.
pub(super) fn read_tasks(ctx: &mut Ctx, items: &[Node], plan: Option<&Plan>, sub: &mut Submission) {
    let mut seen: Vec<(TaskIdx, Pos)> = Vec::new();
    for item in items {
        if let Some(report) = read_item(ctx, item, plan, sub, &mut seen) {
            sub.tasks.push(report);
        }
    }
}

/// One item of `nhiem_vu`.
fn read_item(
    ctx: &mut Ctx,
    item: &Node,
    plan: Option<&Plan>,
    sub: &Submission,
    seen: &mut Vec<(TaskIdx, Pos)>,
) -> Option<TaskReport> {
    let mut f = fields(ctx, item, "nhiệm vụ")?;
    let id_node = f.required(ctx, "ma", "mã nhiệm vụ");
    let status_node = match f.entry("trang_thai") {
        // A form left blank: say so plainly.
        Some((k, v)) if v.value == Value::Null => {
            let id = id_node.map(key_text).unwrap_or_default();
            ctx.error(
                code::CHUA_DIEN,
                k.pos,
                format!(
                    "Nhiệm vụ '{}' chưa điền trạng thái (trang_thai).",
                    clip(id.trim())
                ),
                Some(statuses_hint()),
            );
            None
        }
        _ => f.required(ctx, "trang_thai", "trạng thái"),
    };
    let progress_node = f.get("tien_do");
    let result = f.opt_text(ctx, "ket_qua");
    let products = f
        .get("san_pham")
        .map(|n| read_products(ctx, n, sub.date))
        .unwrap_or_default();
    let difficulties = f.opt_text(ctx, "kho_khan");
    f.finish(ctx, "nhiệm vụ");

    let task = id_node.and_then(|n| read_task_id(ctx, n, plan?, seen));
    let status = status_node.and_then(|n| read_status(ctx, n));
    let progress =
        progress_node.and_then(|n| apply(ctx, n, values::progress(scalar(n), "tien_do")));
    if let (Some(st), Some(p), Some(n)) = (status, progress, progress_node) {
        check_progress(ctx, n, st, p);
    }
    let (task, status, unit, plan) = (task?, status?, sub.unit?, plan?);
    if plan[task].role_of(unit) == Role::Other {
        ctx.warn(
            code::NGOAI_NHIEM_VU,
            id_node.map_or(item.pos, |n| n.pos),
            format!(
                "Đơn vị không chủ trì cũng không phối hợp thực hiện nhiệm vụ '{}' theo kế hoạch; kết quả vẫn được ghi nhận nhưng không quyết định trạng thái của nhiệm vụ.",
                plan[task].id
            ),
            None,
        );
    }
    Some(TaskReport {
        task,
        status,
        progress,
        result,
        products,
        difficulties,
    })
}

/// `ma`: a task of the plan (in another case or without its dot with a warning), not
/// reported before in this file.
fn read_task_id(
    ctx: &mut Ctx,
    n: &Node,
    plan: &Plan,
    seen: &mut Vec<(TaskIdx, Pos)>,
) -> Option<TaskIdx> {
    let id = id_text(ctx, n, "ma", "Mã nhiệm vụ")?;
    let t = match values::task_id(&id, plan) {
        Some(read) => apply(ctx, n, read)?,
        None => {
            let hint = hint::did_you_mean(&id, plan.tasks().iter().map(|t| t.id.as_str()))
                .or_else(|| task_list_hint(plan, &id));
            ctx.error(
                code::NHIEM_VU_LA,
                n.pos,
                format!(
                    "Nhiệm vụ '{}' không có trong kế hoạch năm {}.",
                    clip(&id),
                    plan.year
                ),
                hint,
            );
            return None;
        }
    };
    if let Some((_, first)) = seen.iter().find(|(x, _)| *x == t) {
        ctx.error(
            code::NHIEM_VU_LAP,
            n.pos,
            format!(
                "Nhiệm vụ '{}' được báo cáo hai lần trong tệp (lần đầu ở dòng {}).",
                plan[t].id, first.line
            ),
            Some("Gộp kết quả vào một mục nhiệm vụ duy nhất.".into()),
        );
        return None;
    }
    seen.push((t, n.pos));
    Some(t)
}

/// `trang_thai`: one of the four statuses, as a code or a label.
fn read_status(ctx: &mut Ctx, n: &Node) -> Option<Status> {
    let raw = text(ctx, n, "trang_thai")?;
    let st = values::status(&raw);
    if st.is_none() {
        let codes = Status::REPORTABLE.map(|s| s.code());
        let hint = hint::did_you_mean(&raw, codes)
            .map(|s| format!("{s} {}", statuses_hint()))
            .unwrap_or_else(statuses_hint);
        ctx.error(
            code::TRANG_THAI_LA,
            n.pos,
            format!("Trạng thái '{}' không hợp lệ.", clip(raw.trim())),
            Some(hint),
        );
    }
    st
}

/// A status that contradicts the progress is a warning: done below 100 %, not started above
/// 0 %.
fn check_progress(ctx: &mut Ctx, n: &Node, status: Status, progress: Num) {
    let p = progress.as_f64();
    let message = match status {
        Status::Done if p < 100.0 => format!(
            "Nhiệm vụ ghi trạng thái hoàn thành nhưng tiến độ là {progress}%, chưa đủ 100%."
        ),
        Status::NotStarted if p > 0.0 => format!(
            "Nhiệm vụ ghi trạng thái chưa thực hiện nhưng tiến độ là {progress}%, lớn hơn 0%."
        ),
        _ => return,
    };
    ctx.warn(
        code::TIEN_DO_MAU_THUAN,
        n.pos,
        message,
        Some("Sửa lại trạng thái hoặc tiến độ cho khớp nhau.".into()),
    );
}

/// Lists the tasks of the area an unknown id seems to belong to ("2.n" → area 2).
fn task_list_hint(plan: &Plan, id: &str) -> Option<String> {
    let area = id.split('.').next()?.trim();
    let a = plan.area_ids().find(|&a| plan[a].id == area)?;
    let ids: Vec<&str> = plan.tasks_of(a).map(|t| plan[t].id.as_str()).collect();
    Some(format!(
        "Các nhiệm vụ của lĩnh vực {} trong kế hoạch: {}.",
        plan[a].id,
        ids.join(", ")
    ))
}

/// `san_pham`: the documents issued; a document dated after the report is a warning.
fn read_products(ctx: &mut Ctx, n: &Node, report_date: Option<NaiveDate>) -> Vec<Product> {
    let Some(items) = list(ctx, n, "san_pham") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let Some(mut f) = fields(ctx, item, "sản phẩm") else {
            continue;
        };
        let number = f
            .required(ctx, "so_ky_hieu", "số, ký hiệu văn bản")
            .and_then(|n| text(ctx, n, "so_ky_hieu"));
        let date_node = f.get("ngay");
        let d = date_node.and_then(|n| date(ctx, n, "ngay"));
        let summary = f
            .get("trich_yeu")
            .and_then(|n| text(ctx, n, "trich_yeu"))
            .unwrap_or_default();
        f.finish(ctx, "sản phẩm");
        if let (Some(d), Some(r), Some(node)) = (d, report_date, date_node)
            && d > r
        {
            ctx.warn(
                code::NGAY_VAN_BAN_SAU,
                node.pos,
                format!(
                    "Văn bản ngày {} ghi sau ngày báo cáo {}.",
                    d.format("%d/%m/%Y"),
                    r.format("%d/%m/%Y")
                ),
                Some("Kiểm tra lại ngày của văn bản hoặc ngày báo cáo (ngay_bao_cao).".into()),
            );
        }
        if let Some(number) = number {
            out.push(Product {
                number: number.trim().to_string(),
                date: d,
                summary: summary.trim().to_string(),
            });
        }
    }
    out
}
