//! Reads one unit's progress report for one period (`nop/**/<tệp>.yaml`) into a
//! [`Submission`], checked against the registry, the plan of its year and the indicator
//! catalogue. Every problem becomes a diagnostic on the file; any error rejects the whole file.

mod indicators;
mod tasks;

use crate::diagnostics::{Diagnostic, clip, code};
use crate::input::decode::legacy_encoding;
use crate::input::hint;
use crate::input::reader::{Ctx, date, fields, list, text};
use crate::input::yaml::{self, Limits, Node, Value};
use crate::model::catalogue::Catalogue;
use crate::model::ids::UnitIdx;
use crate::model::period::Period;
use crate::model::plan::Plan;
use crate::model::registry::Registry;
use crate::model::submission::{Placement, Submission};
use std::collections::BTreeMap;

/// What a submission is checked against.
pub struct Reference<'a> {
    pub registry: &'a Registry,
    pub plans: &'a BTreeMap<i32, Plan>,
    pub catalogue: &'a Catalogue,
}

impl<'a> Reference<'a> {
    pub fn of(data: &'a crate::model::dataset::DataSet) -> Reference<'a> {
        Reference {
            registry: &data.registry,
            plans: &data.plans,
            catalogue: &data.catalogue,
        }
    }
}

const WHAT: &str = "báo cáo";

/// Parses and checks one submission's text.
pub fn read_submission(
    file: &str,
    text_: &str,
    placement: Placement,
    refs: &Reference,
    mut diags: Vec<Diagnostic>,
) -> Submission {
    let mut sub = Submission {
        file: file.to_string(),
        placement,
        ..Default::default()
    };
    let root = match yaml::parse_cleaning(file, text_, Limits::SUBMISSION) {
        Ok((Some(root), cleaned)) => {
            if let Some(&pos) = cleaned.first() {
                diags.push(
                    Diagnostic::warning(
                        code::KY_TU_CAM,
                        file,
                        format!(
                            "{} đoạn chữ chứa ký tự điều khiển (viết bằng mã thoát như \\0, \\u000B) không được phép trong văn bản; các ký tự này đã được loại bỏ.",
                            cleaned.len()
                        ),
                    )
                    .at(Some(pos))
                    .hint(Some("Xóa các mã thoát này khỏi đoạn chữ.".into())),
                );
            }
            root
        }
        Ok((None, _)) => {
            diags.push(
                Diagnostic::error(
                    code::TEP_RONG,
                    file,
                    "Tệp không có nội dung báo cáo (tệp trống hoặc chỉ có dòng chú thích #).",
                )
                    .hint(Some("Điền báo cáo theo biểu mẫu do Phòng Nội vụ gửi (lệnh baocao forms), rồi lưu lại.".into())),
            );
            sub.diags = diags;
            return sub;
        }
        Err(d) => {
            let mut ctx = Ctx::new(file, Some(text_));
            ctx.push(d);
            diags.extend(ctx.diags);
            sub.diags = diags;
            return sub;
        }
    };
    let mut ctx = Ctx::new(file, Some(text_));
    ctx.diags = diags;
    read_root(&mut ctx, &root, refs, &mut sub);
    check_legacy_text(&mut ctx, &root);
    sub.diags = ctx.diags;
    // Thousands of submissions stay in memory: no spare capacity.
    sub.tasks.shrink_to_fit();
    for t in &mut sub.tasks {
        t.products.shrink_to_fit();
    }
    sub.indicators.shrink_to_fit();
    sub
}

fn read_root(ctx: &mut Ctx, root: &Node, refs: &Reference, sub: &mut Submission) {
    let Some(mut f) = fields(ctx, root, WHAT) else {
        if let (Value::Seq(_), Some(d)) = (&root.value, ctx.diags.last_mut()) {
            d.hint = Some("Báo cáo bắt đầu bằng các dòng \"don_vi: ...\", \"ky_bao_cao: ...\", không phải một danh sách \"- ...\".".into());
        }
        return;
    };
    // Unit and its folder.
    if let Some(n) = f.required(ctx, "don_vi", "mã đơn vị báo cáo") {
        sub.unit = read_unit(ctx, n, refs.registry, sub.placement);
    }
    if sub.placement.at_root {
        ctx.push(
            Diagnostic::warning(
                code::NGOAI_THU_MUC,
                ctx.file,
                "Tệp nằm ngay trong thư mục nop/, không nằm trong thư mục của đơn vị.".to_string(),
            )
            .hint(Some(match sub.unit {
                Some(u) => format!("Chuyển tệp vào thư mục nop/{}/.", refs.registry[u].id),
                None => {
                    "Chuyển tệp vào thư mục mang mã của đơn vị, ví dụ nop/phong-tu-phap/.".into()
                }
            })),
        );
    }
    let plan = f
        .required(ctx, "ky_bao_cao", "kỳ báo cáo")
        .and_then(|n| read_period(ctx, n, refs, sub));
    sub.date = f
        .required(ctx, "ngay_bao_cao", "ngày báo cáo")
        .and_then(|n| date(ctx, n, "ngay_bao_cao"));
    sub.preparer = f.opt_text(ctx, "nguoi_lap");
    sub.number = f.opt_text(ctx, "so_ky_hieu");
    if let Some(items) = f.get("nhiem_vu").and_then(|n| list(ctx, n, "nhiem_vu")) {
        tasks::read_tasks(ctx, items, plan, sub);
    }
    if let Some(n) = f.get("chi_tieu") {
        indicators::read_indicators(ctx, n, refs.catalogue, sub);
    }
    sub.direction = f.opt_text(ctx, "chi_dao_dieu_hanh");
    sub.difficulties = f.opt_list(ctx, "kho_khan");
    sub.proposals = f.opt_list(ctx, "kien_nghi");
    sub.next_steps = f.opt_list(ctx, "phuong_huong");
    f.finish(ctx, WHAT);
}

/// `ky_bao_cao`: the period, when it reads as one whose year has a plan; that plan.
fn read_period<'r>(
    ctx: &mut Ctx,
    n: &Node,
    refs: &Reference<'r>,
    sub: &mut Submission,
) -> Option<&'r Plan> {
    let raw = text(ctx, n, "ky_bao_cao")?;
    let p = match Period::parse(&raw) {
        Ok(p) => p,
        Err(e) => {
            ctx.error(
                code::KY_SAI,
                n.pos,
                format!("Kỳ báo cáo không hợp lệ: {e}"),
                Some(crate::model::period::CODE_HELP.into()),
            );
            return None;
        }
    };
    let Some(plan) = refs.plans.get(&p.year) else {
        ctx.error(
            code::KHONG_CO_KE_HOACH,
            n.pos,
            format!(
                "Chưa có kế hoạch CCHC năm {} (tệp ke-hoach/{}.yaml), nên không tổng hợp được báo cáo kỳ {}.",
                p.year,
                p.year,
                p.code()
            ),
            Some(format!(
                "Kiểm tra lại năm trong ky_bao_cao; các năm đã có kế hoạch: {}.",
                refs.plans.keys().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
            )),
        );
        return None;
    };
    sub.period = Some(p);
    Some(plan)
}

fn read_unit(ctx: &mut Ctx, n: &Node, reg: &Registry, placement: Placement) -> Option<UnitIdx> {
    let raw = text(ctx, n, "don_vi")?;
    let id = raw.trim();
    let Some(unit) = reg.find_unit(id) else {
        let folder = placement.folder_unit.map(|u| reg[u].id.as_str());
        let hint = hint::closest(id, reg.units().iter().map(|u| u.id.as_str()))
            .or(folder)
            .map(hint::meant)
            .or_else(|| Some("Mã đơn vị phải đúng như trong danh mục don-vi.yaml.".into()));
        ctx.error(
            code::DON_VI_LA,
            n.pos,
            format!("Đơn vị '{}' không có trong danh mục đơn vị.", clip(id)),
            hint,
        );
        return None;
    };
    if let Some(folder) = placement.folder_unit.filter(|&f| f != unit) {
        ctx.error(
            code::SAI_THU_MUC,
            n.pos,
            format!(
                "Tệp nằm trong thư mục của đơn vị '{}' nhưng ghi don_vi: {}; không đơn vị nào được báo cáo thay đơn vị khác.",
                reg[folder].id, id
            ),
            Some(format!(
                "Nếu đây là báo cáo của {}, chuyển tệp vào thư mục nop/{}/.",
                reg[unit].name, id
            )),
        );
    }
    Some(unit)
}

/// Warns once per file when some text looks typed in a legacy font encoding.
fn check_legacy_text(ctx: &mut Ctx, root: &Node) {
    fn first(n: &Node) -> Option<(&Node, &'static str)> {
        match &n.value {
            Value::Str(s) => legacy_encoding(s).map(|enc| (n, enc)),
            Value::Seq(items) => items.iter().find_map(first),
            Value::Map(entries) => entries.iter().find_map(|(_, v)| first(v)),
            _ => None,
        }
    }
    if let Some((n, enc)) = first(root) {
        let Value::Str(s) = &n.value else { return };
        let sample: String = s.chars().take(40).collect();
        ctx.warn(
            code::BANG_MA_CU,
            n.pos,
            format!("Văn bản \"{sample}\" có vẻ được gõ bằng bảng mã cũ {enc}, sẽ hiển thị sai trong báo cáo."),
            Some("Dùng Unikey (Công cụ chuyển mã) chuyển đoạn văn bản từ bảng mã cũ sang Unicode dựng sẵn, rồi lưu tệp bằng UTF-8.".into()),
        );
    }
}
