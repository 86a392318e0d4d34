//! The `nhiem_vu` list of a submission: each task's id, status, progress, result, documents
//! issued and difficulties.

use crate::diagnostics::{Pos, clip, code};
use crate::input::hint;
use crate::input::reader::{Ctx, date, fields, key_text, list, number, text};
use crate::input::yaml::{Node, Value};
use crate::model::ids::TaskIdx;
use crate::model::plan::{Plan, Role};
use crate::model::status::Status;
use crate::model::submission::{Product, Submission, TaskReport};

/// Reads a status a unit reported: a code or a Vietnamese label, in any case and either
/// Unicode form.
pub fn parse_status(s: &str) -> Option<Status> {
    let f = crate::text::fold(s);
    Status::REPORTABLE
        .into_iter()
        .find(|st| f == st.code() || f == crate::text::fold(st.label()))
}

/// The hint listing the statuses accepted.
pub fn statuses_hint() -> String {
    let list: Vec<String> = Status::REPORTABLE
        .iter()
        .map(|s| format!("{} ({})", s.code(), s.label()))
        .collect();
    format!("Trạng thái hợp lệ: {}.", list.join(", "))
}

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
        .map(|n| read_products(ctx, n))
        .unwrap_or_default();
    let difficulties = f.opt_text(ctx, "kho_khan");
    f.finish(ctx, "nhiệm vụ");

    let task = id_node.and_then(|n| read_task_id(ctx, n, plan?, seen));
    let status = status_node.and_then(|n| read_status(ctx, n));
    let progress = progress_node.and_then(|n| read_progress(ctx, n));
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

/// `ma`: a task of the plan, not reported before in this file.
fn read_task_id(
    ctx: &mut Ctx,
    n: &Node,
    plan: &Plan,
    seen: &mut Vec<(TaskIdx, Pos)>,
) -> Option<TaskIdx> {
    let id = text(ctx, n, "ma")?;
    let id = id.trim();
    let Some(t) = plan.find_task(id) else {
        let hint = hint::did_you_mean(id, plan.tasks().iter().map(|t| t.id.as_str()))
            .or_else(|| task_list_hint(plan, id));
        ctx.error(
            code::NHIEM_VU_LA,
            n.pos,
            format!(
                "Nhiệm vụ '{}' không có trong kế hoạch năm {}.",
                clip(id),
                plan.year
            ),
            hint,
        );
        return None;
    };
    if let Some((_, first)) = seen.iter().find(|(x, _)| *x == t) {
        ctx.error(
            code::NHIEM_VU_LAP,
            n.pos,
            format!(
                "Nhiệm vụ '{id}' được báo cáo hai lần trong tệp (lần đầu ở dòng {}).",
                first.line
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
    let st = parse_status(&raw);
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

/// `tien_do`: a percentage from 0 to 100.
fn read_progress(ctx: &mut Ctx, n: &Node) -> Option<crate::model::number::Num> {
    let v = number(ctx, n, "tien_do")?;
    if !(0.0..=100.0).contains(&v.as_f64()) {
        ctx.error(
            code::TIEN_DO_SAI,
            n.pos,
            format!(
                "Tiến độ {} nằm ngoài khoảng 0 đến 100 (%).",
                clip(&key_text(n))
            ),
            Some("Tiến độ là phần trăm công việc đã làm, từ 0 đến 100.".into()),
        );
        return None;
    }
    Some(v)
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

fn read_products(ctx: &mut Ctx, n: &Node) -> Vec<Product> {
    let Some(items) = list(ctx, n, "san_pham") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let Some(mut f) = fields(ctx, item, "sản phẩm") else {
            continue;
        };
        let number_ = f
            .required(ctx, "so_ky_hieu", "số, ký hiệu văn bản")
            .and_then(|n| text(ctx, n, "so_ky_hieu"));
        let d = f.get("ngay").and_then(|n| date(ctx, n, "ngay"));
        let summary = f
            .get("trich_yeu")
            .and_then(|n| text(ctx, n, "trich_yeu"))
            .unwrap_or_default();
        f.finish(ctx, "sản phẩm");
        if let Some(number_) = number_ {
            out.push(Product {
                number: number_.trim().to_string(),
                date: d,
                summary: summary.trim().to_string(),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn codes_and_labels_in_any_case_and_form() {
        let nfd: String = "Đang Thực Hiện".nfd().collect();
        let cases = [
            ("hoan_thanh", Some(Status::Done)),
            ("HOAN_THANH", Some(Status::Done)),
            ("Hoàn thành", Some(Status::Done)),
            ("HOÀN THÀNH", Some(Status::Done)),
            (" hoàn thành ", Some(Status::Done)),
            (nfd.as_str(), Some(Status::InProgress)),
            ("cham_tien_do", Some(Status::Behind)),
            ("Chậm tiến độ", Some(Status::Behind)),
            ("chưa thực hiện", Some(Status::NotStarted)),
            ("chua_bao_cao", None),
            ("Chưa báo cáo", None),
            ("hoan thanh", None),
            ("xong", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_status(input), want, "{input}");
        }
    }
}
