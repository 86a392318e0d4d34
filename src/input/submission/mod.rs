//! Reads one unit's progress report for one period (`nop/**/<tệp>.yaml`) into a
//! [`Submission`], checked against the registry, the plan of its year and the indicator
//! catalogue. Every problem becomes a diagnostic on the file; any error rejects the whole file.

mod indicators;
mod tasks;

use crate::diagnostics::{Diagnostic, clip, code};
use crate::input::hint;
use crate::input::reader::{Ctx, date, fields, id_text, list};
use crate::input::yaml::{self, Limits, Node, Value};
use crate::model::catalogue::Catalogue;
use crate::model::ids::UnitIdx;
use crate::model::period::CutOff;
use crate::model::period::Period;
use crate::model::plan::Plan;
use crate::model::registry::Registry;
use crate::model::submission::{Placement, Submission};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What a submission is checked against.
pub struct Reference<'a> {
    pub registry: &'a Registry,
    pub plans: &'a BTreeMap<i32, Plan>,
    pub catalogue: &'a Catalogue,
    /// How periods are drawn, to check a report's date against its period.
    pub cutoff: CutOff,
}

impl<'a> Reference<'a> {
    pub fn of(data: &'a crate::model::dataset::DataSet) -> Reference<'a> {
        Reference {
            registry: &data.registry,
            plans: &data.plans,
            catalogue: &data.catalogue,
            cutoff: data.config.cutoff,
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
            sub.period = period_in_name(file, refs);
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
            sub.period = period_in_name(file, refs);
            return sub;
        }
    };
    let mut ctx = Ctx::new(file, Some(text_));
    ctx.diags = diags;
    read_root(&mut ctx, &root, refs, &mut sub);
    sub.diags = ctx.diags;
    sub.shrink();
    sub
}

/// Reads and checks one workbook form (docs/bieu-mau-excel.md): its cells become the tree a
/// YAML report gives, checked by the same reader; the messages speak of cells and columns.
pub fn read_workbook_submission(
    file: &str,
    bytes: &[u8],
    placement: Placement,
    refs: &Reference,
) -> Submission {
    let mut sub = Submission {
        file: file.to_string(),
        placement,
        ..Default::default()
    };
    match crate::input::workbook::read(file, bytes) {
        Ok(read) => {
            let mut ctx = Ctx::new(file, None);
            ctx.diags = read.diags;
            read_root(&mut ctx, &read.root, refs, &mut sub);
            crate::input::workbook::relabel(&mut ctx.diags);
            sub.diags = ctx.diags;
            sub.shrink();
        }
        Err(d) => {
            sub.diags = vec![d];
            sub.period = period_in_name(file, refs);
        }
    }
    sub
}

fn read_root(ctx: &mut Ctx, root: &Node, refs: &Reference, sub: &mut Submission) {
    let Some(mut f) = fields(ctx, root, WHAT) else {
        sub.period = period_in_name(ctx.file, refs);
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
    let period = f
        .required(ctx, "ky_bao_cao", "kỳ báo cáo")
        .and_then(|n| read_period(ctx, n, refs));
    let plan = match period {
        Some(p) => {
            sub.period = refs.plans.contains_key(&p.year).then_some(p);
            refs.plans.get(&p.year)
        }
        // A file whose period cannot be read counts for the period its name carries.
        None => {
            sub.period = period_in_name(ctx.file, refs);
            None
        }
    };
    sub.date = f
        .required(ctx, "ngay_bao_cao", "ngày báo cáo")
        .and_then(|n| {
            let d = date(ctx, n, "ngay_bao_cao")?;
            check_report_date(ctx, n, d, period, refs)
        });
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
    // An empty report is worth a word only when nothing else is wrong with the file.
    if sub.tasks.is_empty() && sub.indicators.is_empty() && !ctx.has_errors() {
        ctx.warn(
            code::BAO_CAO_TRONG,
            root.pos,
            "Báo cáo trống: không có nhiệm vụ nào và không có số liệu chỉ tiêu nào.".into(),
            Some("Điền kết quả các nhiệm vụ (nhiem_vu) và số liệu (chi_tieu) theo biểu mẫu do Phòng Nội vụ gửi.".into()),
        );
    }
}

/// The period code in a file's name, when its year has a plan.
fn period_in_name(file: &str, refs: &Reference) -> Option<Period> {
    let name = file.rsplit('/').next().unwrap_or(file);
    Period::find_in(name).filter(|p| refs.plans.contains_key(&p.year))
}

/// `ngay_bao_cao` lies on or after the period's start and at most a year after its end.
fn check_report_date(
    ctx: &mut Ctx,
    n: &Node,
    d: NaiveDate,
    period: Option<Period>,
    refs: &Reference,
) -> Option<NaiveDate> {
    let Some(p) = period else { return Some(d) };
    let rule = refs.cutoff;
    let (start, end) = (p.start(rule), p.end(rule));
    let fmt = |x: NaiveDate| x.format("%d/%m/%Y").to_string();
    let message = if d < start {
        format!(
            "Ngày báo cáo {} ở trước ngày bắt đầu kỳ {} ({}).",
            fmt(d),
            p.display_name(),
            fmt(start)
        )
    } else if d > end + chrono::Months::new(12) {
        format!(
            "Ngày báo cáo {} muộn hơn một năm sau ngày cuối kỳ {} ({}).",
            fmt(d),
            p.display_name(),
            fmt(end)
        )
    } else {
        return Some(d);
    };
    ctx.error(
        code::NGAY_BAO_CAO_SAI,
        n.pos,
        message,
        Some("Kiểm tra lại ngày lập báo cáo (ngay_bao_cao) và kỳ báo cáo (ky_bao_cao).".into()),
    );
    None
}

/// `ky_bao_cao`: the period it reads as (an error when its year has no plan). A period that
/// differs from the code in the file's name is a warning: the file counts for `ky_bao_cao`.
fn read_period(ctx: &mut Ctx, n: &Node, refs: &Reference) -> Option<Period> {
    let raw = id_text(ctx, n, "ky_bao_cao", "Kỳ báo cáo")?;
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
    if !refs.plans.contains_key(&p.year) {
        // The error says to check the year; the file's name is not compared then.
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
        return Some(p);
    }
    let name = ctx.file.rsplit('/').next().unwrap_or(ctx.file).to_string();
    if let Some(named) = Period::find_in(&name).filter(|q| *q != p) {
        ctx.warn(
            code::KY_KHAC_TEN_TEP,
            n.pos,
            format!(
                "Tên tệp '{}' ghi kỳ {} nhưng ky_bao_cao là {}; tệp được tính cho kỳ {}.",
                clip(&name),
                named.code(),
                p.code(),
                p.code()
            ),
            Some(format!(
                "Nếu đây là báo cáo {}, sửa ky_bao_cao thành {}; nếu không, đổi tên tệp cho khớp.",
                named.display_name(),
                named.code()
            )),
        );
    }
    Some(p)
}

fn read_unit(ctx: &mut Ctx, n: &Node, reg: &Registry, placement: Placement) -> Option<UnitIdx> {
    let raw = id_text(ctx, n, "don_vi", "Mã đơn vị")?;
    let id = raw.as_str();
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
