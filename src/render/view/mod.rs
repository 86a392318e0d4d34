//! The view model of the report: every number, list and name the templates print, computed
//! here from the merged period so that templates only lay text out. Dates are ISO strings
//! (the templates format them with filters); counts and rates are numbers.

pub mod lists;
pub mod task;

use crate::model::ids::{AreaIdx, UnitIdx};
use crate::model::number::Num;
use crate::model::report::{PeriodReport, UnitCounts, UnitResult, UnitState};
use crate::model::status::{Status, StatusCounts};
use crate::model::submission::Submission;
use crate::render::format::iso_date as iso;
use lists::{StatementList, capped, doc_type, statements};
use serde::Serialize;
use std::collections::BTreeMap;
use task::{TaskView, task_view};

/// Everything a report template can print.
#[derive(Debug, Serialize)]
pub struct ReportContext {
    pub ky: PeriodView,
    pub co_quan: BodyView,
    pub ke_hoach: PlanView,
    pub nhiem_vu: TaskCounts,
    pub don_vi: UnitSummary,
    /// Documents the units issued for the plan's tasks, by type ("kế hoạch": 12).
    pub van_ban: Vec<DocCount>,
    pub tong_van_ban: usize,
    /// The plan's area on steering CCHC ("Công tác chỉ đạo, điều hành …"), if it has one.
    pub linh_vuc_chi_dao: Option<AreaView>,
    /// The other areas, in plan order.
    pub linh_vuc: Vec<AreaView>,
    /// What the units leading the steering area wrote about direction (`chi_dao_dieu_hanh`).
    pub chi_dao_dieu_hanh: StatementList,
    /// Tasks due and not completed, and tasks reported behind schedule.
    pub han_che: Vec<TaskView>,
    pub kho_khan: StatementList,
    pub kien_nghi: StatementList,
    pub phuong_huong: StatementList,
    /// Tasks not completed that fall due in the next period.
    pub nhiem_vu_ky_sau: Vec<TaskView>,
    /// The previous period and what changed since, if there is one.
    pub ky_truoc: Option<ProgressView>,
    /// Every task not completed yet (carried over into the next year by the annual report).
    pub nhiem_vu_chua_hoan_thanh: Vec<TaskView>,
    /// Every indicator, in catalogue order.
    pub chi_tieu: Vec<IndicatorView>,
}

#[derive(Debug, Serialize)]
pub struct PeriodView {
    /// "2024-Q1".
    pub ma: String,
    /// "quý I năm 2024".
    pub ten: String,
    /// "quý I", "6 tháng đầu", "9 tháng", "năm".
    pub ten_ngan: String,
    /// "quy", "6t", "9t", "nam".
    pub loai: &'static str,
    pub nam: i32,
    pub tu_ngay: String,
    pub den_ngay: String,
    pub han_nop: String,
    /// The next period: "quý II năm 2024", "6 tháng cuối năm 2024", "năm 2025".
    pub ky_sau: String,
    pub nam_sau: i32,
}

/// Progress since the previous period of the cycle.
#[derive(Debug, Serialize)]
pub struct ProgressView {
    /// "6 tháng đầu năm 2024".
    pub ten: String,
    pub ma: String,
    /// Tasks completed at the previous period.
    pub hoan_thanh: usize,
    /// Tasks completed since then.
    pub hoan_thanh_moi: Vec<TaskView>,
    /// Tasks that fell behind schedule or became overdue since then.
    pub cham_moi: Vec<TaskView>,
}

#[derive(Debug, Serialize)]
pub struct BodyView {
    /// "UBND thành phố Quảng Ngãi".
    pub ten: String,
    /// "ỦY BAN NHÂN DÂN THÀNH PHỐ QUẢNG NGÃI".
    pub ten_in_hoa: String,
    pub dia_danh: String,
    pub kinh_gui: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct PlanView {
    pub so_ky_hieu: String,
    pub trich_yeu: String,
    pub nam: i32,
    pub ngay_ban_hanh: Option<String>,
    pub so_linh_vuc: usize,
}

#[derive(Debug, Default, Serialize)]
pub struct TaskCounts {
    pub tong: usize,
    /// `hoan_thanh`, `dang_thuc_hien`, `cham_tien_do`, `chua_thuc_hien`, `chua_bao_cao`.
    #[serde(flatten)]
    pub dem: StatusCounts,
    /// Completed / total × 100.
    pub ty_le_hoan_thanh: f64,
    /// Due in the period, and of those completed.
    pub den_han: usize,
    pub den_han_hoan_thanh: usize,
    /// Due and not completed.
    pub qua_han: usize,
}

#[derive(Debug, Serialize)]
pub struct UnitSummary {
    /// `tong`, `da_nop`, `hop_le`, `dung_han`, `nop_tre`, `khong_hop_le`, `mau_thuan`,
    /// `chua_nop`.
    #[serde(flatten)]
    pub dem: UnitCounts,
    pub ds_chua_nop: Vec<String>,
    pub ds_nop_tre: Vec<String>,
    pub ds_khong_hop_le: Vec<String>,
    pub ds_mau_thuan: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct DocCount {
    pub loai: String,
    pub so: usize,
}

#[derive(Debug, Serialize)]
pub struct AreaView {
    pub ma: String,
    pub ten: String,
    pub nhiem_vu: Vec<TaskView>,
    pub chi_tieu: Vec<IndicatorView>,
    pub so_nhiem_vu: usize,
    pub hoan_thanh: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    pub ma: String,
    /// The plan area it belongs to (`linh_vuc`).
    pub linh_vuc: String,
    pub ten: String,
    pub don_vi_tinh: String,
    pub gia_tri: Option<f64>,
    pub la_ty_le: bool,
    pub so_nguyen: bool,
    /// A count of things (documents, files, people): a sum whose unit is not money or a
    /// physical measure. Running text writes it with two digits below ten, "01 văn bản"
    /// (docs/the-thuc.md, "Body").
    pub la_dem: bool,
}

/// Builds the view model of one period.
pub fn build_context(r: &PeriodReport) -> ReportContext {
    let indicators = indicator_views(r);
    let task_views: Vec<TaskView> = r.tasks.iter().map(|t| task_view(r, t)).collect();
    let steering = r
        .plan
        .area_ids()
        .find(|&a| crate::text::fold(&r.plan[a].name).contains("chỉ đạo"));
    let area_view = |a: AreaIdx| area_view(r, a, &task_views, &indicators);
    let (van_ban, tong_van_ban) = documents(r);
    let views_where = |keep: &dyn Fn(&crate::model::report::TaskResult) -> bool| -> Vec<TaskView> {
        r.tasks
            .iter()
            .zip(&task_views)
            .filter(|(t, _)| keep(t))
            .map(|(_, v)| v.clone())
            .collect()
    };
    let next_end = r.period.next().end(r.data.config.cutoff);
    ReportContext {
        ky: period_view(r),
        co_quan: body_view(r),
        ke_hoach: plan_view(r),
        nhiem_vu: task_counts(r),
        don_vi: unit_summary(r),
        van_ban,
        tong_van_ban,
        linh_vuc_chi_dao: steering.map(area_view),
        linh_vuc: r
            .plan
            .area_ids()
            .filter(|&a| Some(a) != steering)
            .map(area_view)
            .collect(),
        chi_dao_dieu_hanh: direction(r, steering),
        han_che: views_where(&|t| t.overdue || t.status == Status::Behind),
        kho_khan: narrative(r, |s| &s.difficulties),
        kien_nghi: narrative(r, |s| &s.proposals),
        phuong_huong: narrative(r, |s| &s.next_steps),
        nhiem_vu_ky_sau: views_where(&|t| {
            t.status != Status::Done && t.due.is_some_and(|d| d > r.end && d <= next_end)
        }),
        ky_truoc: progress_view(r, &task_views),
        nhiem_vu_chua_hoan_thanh: views_where(&|t| t.status != Status::Done),
        chi_tieu: indicators,
    }
}

fn period_view(r: &PeriodReport) -> PeriodView {
    PeriodView {
        ma: r.period.code(),
        ten: r.period.display_name(),
        ten_ngan: r.period.kind_name().to_string(),
        loai: r.period.report_kind().key(),
        nam: r.period.year,
        tu_ngay: iso(r.start),
        den_ngay: iso(r.end),
        han_nop: iso(r.submission_deadline),
        ky_sau: r.period.next_name(),
        nam_sau: r.period.next().year,
    }
}

fn body_view(r: &PeriodReport) -> BodyView {
    let cfg = &r.data.config;
    BodyView {
        ten: cfg.body_name.clone(),
        ten_in_hoa: cfg.issuing_body.clone(),
        dia_danh: cfg.place.clone(),
        kinh_gui: cfg.addressee.clone(),
    }
}

fn plan_view(r: &PeriodReport) -> PlanView {
    PlanView {
        so_ky_hieu: r.plan.number.clone(),
        trich_yeu: r.plan.title.clone(),
        nam: r.plan.year,
        ngay_ban_hanh: r.plan.issued.map(iso),
        so_linh_vuc: r.plan.areas().len(),
    }
}

fn task_counts(r: &PeriodReport) -> TaskCounts {
    let due = r.tasks.iter().filter(|t| r.is_due(t));
    TaskCounts {
        tong: r.tasks.len(),
        dem: r.counts,
        ty_le_hoan_thanh: if r.tasks.is_empty() {
            0.0
        } else {
            100.0 * r.count(Status::Done) as f64 / r.tasks.len() as f64
        },
        den_han: due.clone().count(),
        den_han_hoan_thanh: due.filter(|t| t.status == Status::Done).count(),
        qua_han: r.overdue,
    }
}

fn unit_summary(r: &PeriodReport) -> UnitSummary {
    let names = |f: &dyn Fn(&UnitResult) -> bool| -> Vec<String> {
        capped(
            r.units
                .iter()
                .filter(|u| f(u))
                .map(|u| r.unit(u.unit).name.clone())
                .collect(),
        )
    };
    UnitSummary {
        dem: r.unit_counts(),
        ds_chua_nop: names(&|u| u.state == UnitState::NotSubmitted),
        ds_nop_tre: names(&|u| u.is_late()),
        ds_khong_hop_le: names(&|u| u.state == UnitState::Invalid),
        ds_mau_thuan: names(&|u| u.state == UnitState::Conflict),
    }
}

/// Documents issued, by type, counted once per (unit, number); and their total.
fn documents(r: &PeriodReport) -> (Vec<DocCount>, usize) {
    let mut seen = std::collections::HashSet::new();
    let mut by_type: BTreeMap<&'static str, usize> = BTreeMap::new();
    for t in &r.tasks {
        for rep in &t.reports {
            for p in &r.item(rep).products {
                if seen.insert((rep.unit, p.number.as_str())) {
                    *by_type.entry(doc_type(&p.number)).or_default() += 1;
                }
            }
        }
    }
    let total = by_type.values().sum();
    let mut counts: Vec<DocCount> = by_type
        .into_iter()
        .map(|(loai, so)| DocCount {
            loai: loai.to_lowercase(),
            so,
        })
        .collect();
    counts.sort_by(|a, b| b.so.cmp(&a.so).then(a.loai.cmp(&b.loai)));
    (counts, total)
}

fn indicator_views(r: &PeriodReport) -> Vec<IndicatorView> {
    r.data
        .catalogue
        .items()
        .iter()
        .zip(&r.indicators)
        .map(|(ind, v)| IndicatorView {
            ma: ind.id.clone(),
            linh_vuc: ind.area.clone(),
            ten: ind.name.clone(),
            don_vi_tinh: ind.measure.clone(),
            gia_tri: v.map(Num::as_f64),
            la_ty_le: ind.is_ratio(),
            so_nguyen: matches!(v, Some(Num::Int(_))),
            la_dem: !ind.is_ratio() && is_count_unit(&ind.measure),
        })
        .collect()
}

/// Whether a unit of measure counts things ("văn bản", "hồ sơ", "lượt người") rather than
/// measuring an amount ("triệu đồng", "ha", "kg", "%"), whose figures take no leading zero.
fn is_count_unit(measure: &str) -> bool {
    const AMOUNTS: [&str; 16] = [
        "đồng", "%", "ha", "m", "m2", "m²", "m3", "m³", "km", "km2", "kg", "tấn", "lít", "giờ",
        "phút", "kwh",
    ];
    let m = crate::text::nfc(measure.trim().to_lowercase());
    !m.is_empty() && !m.split_whitespace().any(|w| AMOUNTS.contains(&w))
}

fn area_view(
    r: &PeriodReport,
    a: AreaIdx,
    task_views: &[TaskView],
    indicators: &[IndicatorView],
) -> AreaView {
    let area = &r.plan[a];
    let tasks: Vec<TaskView> = r
        .tasks
        .iter()
        .zip(task_views)
        .filter(|(t, _)| r.task(t).area == a)
        .map(|(_, v)| v.clone())
        .collect();
    AreaView {
        ma: area.id.clone(),
        ten: area.name.clone(),
        so_nhiem_vu: tasks.len(),
        hoan_thanh: tasks
            .iter()
            .filter(|t| t.trang_thai == Status::Done.code())
            .count(),
        nhiem_vu: tasks,
        chi_tieu: indicators
            .iter()
            .filter(|i| i.linh_vuc == area.id)
            .cloned()
            .collect(),
    }
}

/// The units with a valid report, each with the file used.
fn used<'r>(r: &'r PeriodReport) -> impl Iterator<Item = (UnitIdx, &'r Submission)> + 'r {
    r.units
        .iter()
        .filter_map(|u| r.used(u).map(|s| (u.unit, s)))
}

/// Direction: what the units leading the steering area's tasks wrote.
fn direction(r: &PeriodReport, steering: Option<AreaIdx>) -> StatementList {
    let mut leads: Vec<UnitIdx> = match steering {
        Some(a) => r
            .plan
            .tasks_of(a)
            .flat_map(|t| r.plan[t].leads.iter().copied())
            .collect(),
        None => Vec::new(),
    };
    leads.sort_unstable();
    leads.dedup();
    statements(
        used(r)
            .filter(|(u, _)| leads.contains(u))
            .filter_map(|(u, s)| s.direction.as_ref().map(|d| (u, d.clone()))),
        r,
    )
}

/// One of the lists every unit may write (difficulties, proposals, next steps).
fn narrative(r: &PeriodReport, list: impl Fn(&Submission) -> &Vec<String>) -> StatementList {
    statements(
        used(r).flat_map(|(u, s)| list(s).iter().map(move |d| (u, d.clone()))),
        r,
    )
}

fn progress_view(r: &PeriodReport, task_views: &[TaskView]) -> Option<ProgressView> {
    let p = r.previous.as_ref()?;
    let views = |ts: Vec<crate::model::ids::TaskIdx>| {
        ts.into_iter()
            .map(|t| task_views[t.index()].clone())
            .collect()
    };
    Some(ProgressView {
        ten: p.period.display_name(),
        ma: p.period.code(),
        hoan_thanh: p.statuses.iter().filter(|s| **s == Status::Done).count(),
        hoan_thanh_moi: views(r.completed_since()),
        cham_moi: views(r.fell_behind()),
    })
}

#[cfg(test)]
mod tests {
    use super::is_count_unit;

    #[test]
    fn counted_things_are_told_from_amounts() {
        for unit in ["văn bản", "hồ sơ", "lượt người", "PAKN", "thủ tục", "ngày"] {
            assert!(is_count_unit(unit), "{unit}");
        }
        for unit in ["triệu đồng", "Đồng", "%", "ha", "m²", "kg", "giờ", ""] {
            assert!(!is_count_unit(unit), "{unit}");
        }
    }
}
