//! The view model of the report: every number, list and name the templates print, computed
//! here from the merged period so that templates only lay text out. Dates are ISO strings
//! (the templates format them with filters); counts and rates are numbers.

use crate::input::indicators::Method;
use crate::input::plan::{Role, Task};
use crate::input::reader::Num;
use crate::model::merge::{PeriodReport, TaskResult, UnitCounts, UnitState};
use crate::model::period::{Period, PeriodKind};
use crate::model::status::Status;
use crate::render::format::iso_date as iso;
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::BTreeMap;

/// At most this many statements are listed in one list; the rest are counted.
pub const MAX_STATEMENTS: usize = 25;
/// Unit names listed in one sentence; the rest are counted.
pub const MAX_NAMES: usize = 30;
/// Documents cited under a task; the rest are counted.
pub const MAX_PRODUCTS: usize = 4;
/// Coordinators' results listed under a task; the rest are counted.
pub const MAX_COORDINATORS: usize = 3;

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
    pub hoan_thanh: usize,
    pub dang_thuc_hien: usize,
    pub cham_tien_do: usize,
    pub chua_thuc_hien: usize,
    pub chua_bao_cao: usize,
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
pub struct TaskView {
    pub ma: String,
    /// "a)" as the plan labels it.
    pub nhan: String,
    pub noi_dung: String,
    pub trang_thai: &'static str,
    /// "hoàn thành", "đang thực hiện", … (lower case, for running text).
    pub trang_thai_ten: String,
    /// The status at the previous period, lower case, if there was one.
    pub trang_thai_ky_truoc: Option<String>,
    pub qua_han: bool,
    /// Due date, if any.
    pub han: Option<String>,
    /// The time limit as the plan writes it.
    pub thoi_han: String,
    /// The plan's lead units as names ("Phòng Tư pháp; UBND các xã, phường").
    pub chu_tri: String,
    pub san_pham_ke_hoach: String,
    /// Lead units named one by one in the plan, with what each reported.
    pub ket_qua: Vec<Statement>,
    /// Lead units the plan names as a group, summarised.
    pub nhom: Vec<GroupView>,
    /// Coordinating units' reports (the first few).
    pub phoi_hop: Vec<Statement>,
    /// Coordinating units that reported, in all.
    pub so_phoi_hop: usize,
    /// Documents cited by the lead units named one by one, then by the coordinators (the first
    /// few, in that order).
    pub san_pham: Vec<ProductView>,
    /// Documents cited beyond those listed.
    pub san_pham_con_lai: usize,
    /// Lead units named one by one that did not report on the task.
    pub chua_bao_cao: Vec<String>,
    pub kho_khan: Vec<Statement>,
    pub so_chu_tri: usize,
    pub so_chu_tri_bao_cao: usize,
    pub so_chu_tri_hoan_thanh: usize,
}

/// A group of lead units (`@xa-phuong`) summarised in one sentence.
#[derive(Debug, Clone, Serialize)]
pub struct GroupView {
    /// "UBND các xã, phường".
    pub ten: String,
    pub tong: usize,
    pub bao_cao: usize,
    pub hoan_thanh: usize,
    pub dang_thuc_hien: usize,
    pub cham_tien_do: usize,
    pub chua_thuc_hien: usize,
    pub chua_bao_cao: usize,
    /// Members without a report, by name.
    pub ds_chua_bao_cao: Vec<String>,
    /// The non-zero status counts in order ("18 hoàn thành", "5 đang thực hiện"), for a list.
    pub trang_thai_ds: Vec<StatusCount>,
    /// Documents the members cited.
    pub so_van_ban: usize,
    /// Two members' results, as examples.
    pub vi_du: Vec<Statement>,
}

/// How many units reported a status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusCount {
    pub so: usize,
    /// "hoàn thành", "đang thực hiện", …
    pub ten: String,
}

/// What a unit (or several, when they wrote the same) said.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub don_vi: String,
    pub noi_dung: String,
    pub trang_thai_ten: Option<String>,
}

/// A list of statements, capped; `con_lai` counts those left out.
#[derive(Debug, Default, Serialize)]
pub struct StatementList {
    pub ds: Vec<Statement>,
    pub con_lai: usize,
    /// Units that wrote something, in all.
    pub so_don_vi: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    pub so_ky_hieu: String,
    pub ngay: Option<String>,
    pub trich_yeu: String,
    /// "Quyết định", "Kế hoạch", … or "Công văn".
    pub loai: String,
    pub don_vi: String,
    /// The citation as running text: "Kế hoạch số 11/KH-NV ngày 03/04/2024 về tự kiểm tra …".
    pub dan_chieu: String,
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
}

/// The period that follows `p` in its cycle: the next quarter; after the first six months,
/// the second half (which ends with the year, so its `Year` stands in for it); after nine
/// months, the fourth quarter; after the year, the next year.
fn next_period(p: Period) -> Period {
    let (year, kind) = match p.kind {
        PeriodKind::Quarter(q) if q < 4 => (p.year, PeriodKind::Quarter(q + 1)),
        PeriodKind::Quarter(_) => (p.year + 1, PeriodKind::Quarter(1)),
        PeriodKind::SixMonths => (p.year, PeriodKind::Year),
        PeriodKind::NineMonths => (p.year, PeriodKind::Quarter(4)),
        PeriodKind::Year => (p.year + 1, PeriodKind::Year),
    };
    Period { year, kind }
}

/// The next period by name: "quý II năm 2024", "6 tháng cuối năm 2024", "năm 2025".
fn next_period_name(p: Period) -> String {
    match p.kind {
        PeriodKind::SixMonths => format!("6 tháng cuối năm {}", p.year),
        _ => next_period(p).display_name(),
    }
}

/// Document types by the code in a document number ("12/KH-UBND" → Kế hoạch).
pub fn doc_type(number: &str) -> &'static str {
    const TYPES: [(&str, &str); 16] = [
        ("NQ", "Nghị quyết"),
        ("QĐ", "Quyết định"),
        ("CT", "Chỉ thị"),
        ("QC", "Quy chế"),
        ("QyĐ", "Quy định"),
        ("TB", "Thông báo"),
        ("HD", "Hướng dẫn"),
        ("CTr", "Chương trình"),
        ("KH", "Kế hoạch"),
        ("PA", "Phương án"),
        ("ĐA", "Đề án"),
        ("BC", "Báo cáo"),
        ("BB", "Biên bản"),
        ("TTr", "Tờ trình"),
        ("GM", "Giấy mời"),
        ("CĐ", "Công điện"),
    ];
    let after = number.rsplit('/').next().unwrap_or("");
    let code = after.split('-').next().unwrap_or("").trim();
    if !after.contains('-') {
        return "Công văn";
    }
    TYPES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Công văn", |(_, name)| name)
}

/// Builds the view model of one period.
pub fn build_context(r: &PeriodReport) -> ReportContext {
    let data = r.data;
    let reg = &data.registry;
    let cfg = &data.config;
    let next = next_period(r.period);
    let ky = PeriodView {
        ma: r.period.code(),
        ten: r.period.display_name(),
        ten_ngan: r.period.kind_name().to_string(),
        loai: r.period.report_kind().key(),
        nam: r.period.year,
        tu_ngay: iso(r.start),
        den_ngay: iso(r.end),
        han_nop: iso(r.deadline),
        ky_sau: next_period_name(r.period),
        nam_sau: next.year,
    };
    let co_quan = BodyView {
        ten: cfg.body_name.clone(),
        ten_in_hoa: cfg.issuing_body.clone(),
        dia_danh: cfg.place.clone(),
        kinh_gui: cfg.addressee.clone(),
    };
    let ke_hoach = PlanView {
        so_ky_hieu: r.plan.number.clone(),
        trich_yeu: r.plan.title.clone(),
        nam: r.plan.year,
        ngay_ban_hanh: r.plan.issued.map(iso),
        so_linh_vuc: r.plan.areas.len(),
    };

    let due = |t: &TaskResult| t.due.is_some_and(|d| d <= r.end);
    let nhiem_vu = TaskCounts {
        tong: r.tasks.len(),
        hoan_thanh: r.count(Status::HoanThanh),
        dang_thuc_hien: r.count(Status::DangThucHien),
        cham_tien_do: r.count(Status::ChamTienDo),
        chua_thuc_hien: r.count(Status::ChuaThucHien),
        chua_bao_cao: r.count(Status::ChuaBaoCao),
        ty_le_hoan_thanh: if r.tasks.is_empty() {
            0.0
        } else {
            100.0 * r.count(Status::HoanThanh) as f64 / r.tasks.len() as f64
        },
        den_han: r.tasks.iter().filter(|t| due(t)).count(),
        den_han_hoan_thanh: r
            .tasks
            .iter()
            .filter(|t| due(t) && t.status == Status::HoanThanh)
            .count(),
        qua_han: r.overdue,
    };

    let names = |f: &dyn Fn(&crate::model::merge::UnitResult) -> bool| -> Vec<String> {
        r.units
            .iter()
            .filter(|u| f(u))
            .map(|u| reg.units[u.unit].name.clone())
            .collect()
    };
    let don_vi = UnitSummary {
        dem: r.unit_counts(),
        ds_chua_nop: capped(names(&|u| u.state == UnitState::NotSubmitted)),
        ds_nop_tre: capped(names(&|u| u.is_late())),
        ds_khong_hop_le: capped(names(&|u| u.state == UnitState::Invalid)),
        ds_mau_thuan: capped(names(&|u| u.state == UnitState::Conflict)),
    };

    // Documents issued, counted once per (unit, number).
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
    let tong_van_ban = by_type.values().sum();
    let mut van_ban: Vec<DocCount> = by_type
        .into_iter()
        .map(|(loai, so)| DocCount {
            loai: loai.to_lowercase(),
            so,
        })
        .collect();
    van_ban.sort_by(|a, b| b.so.cmp(&a.so).then(a.loai.cmp(&b.loai)));

    let indicators: Vec<IndicatorView> = data
        .catalogue
        .items
        .iter()
        .zip(&r.indicators)
        .map(|(ind, v)| IndicatorView {
            ma: ind.id.clone(),
            linh_vuc: ind.area.clone(),
            ten: ind.name.clone(),
            don_vi_tinh: ind.unit.clone(),
            gia_tri: v.map(Num::as_f64),
            la_ty_le: matches!(ind.method, Method::Ratio { .. }),
            so_nguyen: matches!(v, Some(Num::Int(_))),
        })
        .collect();
    let task_views: Vec<TaskView> = r.tasks.iter().map(|t| task_view(r, t)).collect();

    let steering = r
        .plan
        .areas
        .iter()
        .position(|a| crate::input::text::fold(&a.name).contains("chỉ đạo"));
    let area_view = |a: usize| {
        let area = &r.plan.areas[a];
        let tasks: Vec<TaskView> = r
            .tasks
            .iter()
            .zip(&task_views)
            .filter(|(t, _)| r.plan.tasks[t.task].area == a)
            .map(|(_, v)| v.clone())
            .collect();
        AreaView {
            ma: area.id.clone(),
            ten: area.name.clone(),
            so_nhiem_vu: tasks.len(),
            hoan_thanh: tasks
                .iter()
                .filter(|t| t.trang_thai == "hoan_thanh")
                .count(),
            nhiem_vu: tasks,
            chi_tieu: indicators
                .iter()
                .filter(|i| i.linh_vuc == area.id)
                .cloned()
                .collect(),
        }
    };
    let linh_vuc_chi_dao = steering.map(area_view);
    let linh_vuc = (0..r.plan.areas.len())
        .filter(|&a| Some(a) != steering)
        .map(area_view)
        .collect();

    // Direction: what the units leading the steering area's tasks wrote.
    let steering_leads: Vec<usize> = match steering {
        Some(a) => {
            let mut v: Vec<usize> = r
                .plan
                .tasks
                .iter()
                .filter(|t| t.area == a)
                .flat_map(|t| t.leads.iter().copied())
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        }
        None => Vec::new(),
    };
    let used = |u: &crate::model::merge::UnitResult| u.used.map(|s| (u.unit, &r.submissions[s]));
    let chi_dao_dieu_hanh = statements(
        r.units
            .iter()
            .filter_map(used)
            .filter(|(u, _)| steering_leads.contains(u))
            .filter_map(|(u, s)| s.direction.as_ref().map(|d| (u, d.clone()))),
        r,
    );
    let kho_khan = statements(
        r.units
            .iter()
            .filter_map(used)
            .flat_map(|(u, s)| s.difficulties.iter().map(move |d| (u, d.clone()))),
        r,
    );
    let kien_nghi = statements(
        r.units
            .iter()
            .filter_map(used)
            .flat_map(|(u, s)| s.proposals.iter().map(move |d| (u, d.clone()))),
        r,
    );
    let phuong_huong = statements(
        r.units
            .iter()
            .filter_map(used)
            .flat_map(|(u, s)| s.next_steps.iter().map(move |d| (u, d.clone()))),
        r,
    );

    let han_che = r
        .tasks
        .iter()
        .zip(&task_views)
        .filter(|(t, _)| t.overdue || t.status == Status::ChamTienDo)
        .map(|(_, v)| v.clone())
        .collect();
    let ne = next.end(cfg.cutoff);
    let nhiem_vu_ky_sau = r
        .tasks
        .iter()
        .zip(&task_views)
        .filter(|(t, _)| {
            t.status != Status::HoanThanh && t.due.is_some_and(|d| d > r.end && d <= ne)
        })
        .map(|(_, v)| v.clone())
        .collect();

    let nhiem_vu_chua_hoan_thanh = r
        .tasks
        .iter()
        .zip(&task_views)
        .filter(|(t, _)| t.status != Status::HoanThanh)
        .map(|(_, v)| v.clone())
        .collect();
    let ky_truoc = r.previous.as_ref().map(|p| ProgressView {
        ten: p.period.display_name(),
        ma: p.period.code(),
        hoan_thanh: p
            .statuses
            .iter()
            .filter(|s| **s == Status::HoanThanh)
            .count(),
        hoan_thanh_moi: r
            .completed_since()
            .into_iter()
            .map(|t| task_views[t].clone())
            .collect(),
        cham_moi: r
            .fell_behind()
            .into_iter()
            .map(|t| task_views[t].clone())
            .collect(),
    });
    ReportContext {
        ky,
        co_quan,
        ke_hoach,
        nhiem_vu,
        don_vi,
        van_ban,
        tong_van_ban,
        linh_vuc_chi_dao,
        linh_vuc,
        chi_dao_dieu_hanh,
        han_che,
        kho_khan,
        kien_nghi,
        phuong_huong,
        nhiem_vu_ky_sau,
        ky_truoc,
        nhiem_vu_chua_hoan_thanh,
        chi_tieu: indicators,
    }
}

/// Merges identical texts from several units ("UBND xã A, UBND xã B: …"), keeps registry
/// order of the first writer, and caps the list.
fn statements(items: impl Iterator<Item = (usize, String)>, r: &PeriodReport) -> StatementList {
    let reg = &r.data.registry;
    let mut order: Vec<String> = Vec::new();
    let mut by_text: std::collections::HashMap<String, Vec<usize>> =
        std::collections::HashMap::new();
    let mut writers = std::collections::HashSet::new();
    for (u, text) in items {
        let text = text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        writers.insert(u);
        let e = by_text.entry(text.clone()).or_default();
        if e.is_empty() {
            order.push(text);
        }
        // Items come unit by unit, so a unit repeating a text repeats it last.
        if e.last() != Some(&u) {
            e.push(u);
        }
    }
    let total = order.len();
    let ds = order
        .into_iter()
        .take(MAX_STATEMENTS)
        .map(|text| {
            let units = &by_text[&text];
            Statement {
                don_vi: join_names(units.iter().map(|&u| reg.units[u].name.as_str()), 5),
                noi_dung: text,
                trang_thai_ten: None,
            }
        })
        .collect();
    StatementList {
        ds,
        con_lai: total.saturating_sub(MAX_STATEMENTS),
        so_don_vi: writers.len(),
    }
}

/// At most [`MAX_NAMES`] names; the rest become one last item "N đơn vị khác", so that a
/// province's report names its units without a page of names.
fn capped(mut names: Vec<String>) -> Vec<String> {
    if names.len() > MAX_NAMES {
        let more = names.len() - MAX_NAMES;
        names.truncate(MAX_NAMES);
        names.push(format!(
            "{} đơn vị khác",
            crate::render::format::two_digits(more as i64)
        ));
    }
    names
}

/// "A, B, C và 4 đơn vị khác".
fn join_names<'a>(names: impl Iterator<Item = &'a str>, max: usize) -> String {
    let all: Vec<&str> = names.collect();
    if all.len() <= max {
        return all.join(", ");
    }
    format!(
        "{} và {} đơn vị khác",
        all[..max].join(", "),
        all.len() - max
    )
}

/// "Kế hoạch số 11/KH-NV ngày 03/04/2024 về tự kiểm tra …"; a "V/v …" summary reads
/// "về việc …".
pub fn citation(number: &str, date: Option<NaiveDate>, summary: &str) -> String {
    let mut s = format!("{} số {number}", doc_type(number));
    if let Some(d) = date {
        s.push_str(&format!(" ngày {}", crate::render::format::short_date(d)));
    }
    let summary = summary.trim().trim_end_matches('.');
    if !summary.is_empty() {
        let about = match summary
            .strip_prefix("V/v")
            .or_else(|| summary.strip_prefix("v/v"))
        {
            Some(rest) => format!("về việc {}", rest.trim()),
            None => {
                let lower = crate::render::format::lower_first(summary);
                if lower.starts_with("về ") {
                    lower
                } else {
                    format!("về {lower}")
                }
            }
        };
        s.push(' ');
        s.push_str(&about);
    }
    s
}

fn status_text(s: Status) -> String {
    s.label().to_lowercase()
}

/// The view of one task: lead units named one by one with their results, groups summarised.
fn task_view(r: &PeriodReport, t: &TaskResult) -> TaskView {
    let reg = &r.data.registry;
    let task: &Task = &r.plan.tasks[t.task];
    // Each unit's report on this task, by registry position (a lookup, not a scan: a group
    // can hold thousands of units).
    let mut by_unit: Vec<Option<&crate::model::merge::UnitReport>> = vec![None; reg.units.len()];
    for rep in &t.reports {
        by_unit[rep.unit] = Some(rep);
    }
    let report_of = |u: usize| by_unit[u];
    let mut listed = vec![false; reg.units.len()];
    let mut ket_qua = Vec::new();
    let mut chua_bao_cao = Vec::new();
    let mut nhom = Vec::new();
    let mut lead_names = Vec::new();
    // Documents cited, each number once: the first few as views, all of them counted (a
    // task's coordinators can be thousands of units).
    let mut products: Vec<ProductView> = Vec::new();
    let mut cited: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut add_products = |u: usize, rep: &crate::model::merge::UnitReport| {
        for p in &r.item(rep).products {
            if cited.insert(p.number.as_str()) && products.len() < MAX_PRODUCTS {
                products.push(ProductView {
                    so_ky_hieu: p.number.clone(),
                    ngay: p.date.map(iso),
                    trich_yeu: p.summary.clone(),
                    loai: doc_type(&p.number).to_string(),
                    don_vi: reg.units[u].name.clone(),
                    dan_chieu: citation(&p.number, p.date, &p.summary),
                });
            }
        }
    };
    for reference in &task.lead_refs {
        if let Some(g) = reference.strip_prefix('@') {
            let Some(group) = reg.group(g) else { continue };
            lead_names.push(group.name.clone());
            let members: Vec<usize> = reg.members(g).filter(|&u| !listed[u]).collect();
            if members.is_empty() {
                continue;
            }
            let mut gv = GroupView {
                ten: group.name.clone(),
                tong: members.len(),
                bao_cao: 0,
                hoan_thanh: 0,
                dang_thuc_hien: 0,
                cham_tien_do: 0,
                chua_thuc_hien: 0,
                chua_bao_cao: 0,
                ds_chua_bao_cao: Vec::new(),
                trang_thai_ds: Vec::new(),
                so_van_ban: 0,
                vi_du: Vec::new(),
            };
            for &u in &members {
                listed[u] = true;
                match report_of(u) {
                    None => {
                        gv.chua_bao_cao += 1;
                        gv.ds_chua_bao_cao.push(reg.units[u].name.clone());
                    }
                    Some(rep) => {
                        let item = r.item(rep);
                        gv.bao_cao += 1;
                        gv.so_van_ban += item.products.len();
                        match item.status {
                            Status::HoanThanh => gv.hoan_thanh += 1,
                            Status::DangThucHien => gv.dang_thuc_hien += 1,
                            Status::ChamTienDo => gv.cham_tien_do += 1,
                            _ => gv.chua_thuc_hien += 1,
                        }
                        if gv.vi_du.len() < 2
                            && let Some(text) = &item.result
                        {
                            gv.vi_du.push(Statement {
                                don_vi: reg.units[u].name.clone(),
                                noi_dung: text.clone(),
                                trang_thai_ten: Some(status_text(item.status)),
                            });
                        }
                    }
                }
            }
            gv.trang_thai_ds = [
                (gv.hoan_thanh, Status::HoanThanh),
                (gv.dang_thuc_hien, Status::DangThucHien),
                (gv.cham_tien_do, Status::ChamTienDo),
                (gv.chua_thuc_hien, Status::ChuaThucHien),
            ]
            .into_iter()
            .filter(|(n, _)| *n > 0)
            .map(|(so, st)| StatusCount {
                so,
                ten: status_text(st),
            })
            .collect();
            gv.ds_chua_bao_cao = capped(std::mem::take(&mut gv.ds_chua_bao_cao));
            nhom.push(gv);
        } else if let Some(u) = reg.unit(reference) {
            lead_names.push(reg.units[u].name.clone());
            if listed[u] {
                continue;
            }
            listed[u] = true;
            match report_of(u) {
                None => chua_bao_cao.push(reg.units[u].name.clone()),
                Some(rep) => {
                    let item = r.item(rep);
                    ket_qua.push(Statement {
                        don_vi: reg.units[u].name.clone(),
                        noi_dung: item.result.clone().unwrap_or_default(),
                        trang_thai_ten: Some(status_text(item.status)),
                    });
                    add_products(u, rep);
                }
            }
        }
    }
    if let Some(other) = &task.lead_other {
        lead_names.push(other.clone());
    }
    // "Phòng Tư pháp; các cơ quan, đơn vị thuộc UBND thành phố; UBND các xã, phường".
    for n in lead_names.iter_mut().skip(1) {
        *n = crate::render::format::lower_first(n);
    }
    let mut phoi_hop = Vec::new();
    let mut so_phoi_hop = 0;
    let mut kho_khan = Vec::new();
    for rep in &t.reports {
        let item = r.item(rep);
        if rep.role == Role::Coordinator {
            if let Some(text) = &item.result {
                so_phoi_hop += 1;
                if phoi_hop.len() < MAX_COORDINATORS {
                    phoi_hop.push(Statement {
                        don_vi: reg.units[rep.unit].name.clone(),
                        noi_dung: text.clone(),
                        trang_thai_ten: Some(status_text(item.status)),
                    });
                }
            }
            add_products(rep.unit, rep);
        }
        if let Some(k) = &item.difficulties
            && kho_khan.len() < MAX_STATEMENTS
        {
            kho_khan.push(Statement {
                don_vi: reg.units[rep.unit].name.clone(),
                noi_dung: k.clone(),
                trang_thai_ten: None,
            });
        }
    }
    let chua_bao_cao = capped(chua_bao_cao);
    let san_pham_con_lai = cited.len() - products.len();
    let lead_reports = t.reports.iter().filter(|rep| rep.role == Role::Lead);
    TaskView {
        ma: task.id.clone(),
        nhan: task.label.clone(),
        noi_dung: task.content.clone(),
        trang_thai: t.status.code(),
        trang_thai_ten: status_text(t.status),
        trang_thai_ky_truoc: r.previous_status(t.task).map(status_text),
        qua_han: t.overdue,
        han: t.due.map(iso),
        thoi_han: task.deadline.text.clone(),
        chu_tri: lead_names.join("; "),
        san_pham_ke_hoach: task.product.clone(),
        ket_qua,
        nhom,
        phoi_hop,
        so_phoi_hop,
        san_pham: products,
        san_pham_con_lai,
        chua_bao_cao,
        kho_khan,
        so_chu_tri: task.leads.len(),
        so_chu_tri_bao_cao: lead_reports.clone().count(),
        so_chu_tri_hoan_thanh: lead_reports
            .filter(|rep| r.item(rep).status == Status::HoanThanh)
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::period::CutOff;

    #[test]
    fn document_types_from_numbers() {
        assert_eq!(doc_type("12/KH-UBND"), "Kế hoạch");
        assert_eq!(doc_type("12/2024/QĐ-UBND"), "Quyết định");
        assert_eq!(doc_type("45/BC-TP"), "Báo cáo");
        assert_eq!(doc_type("336/NV"), "Công văn");
        assert_eq!(doc_type("15/UBND-NV"), "Công văn");
        assert_eq!(doc_type("03/TTr-NV"), "Tờ trình");
    }

    #[test]
    fn citations() {
        let d = NaiveDate::from_ymd_opt(2024, 4, 3);
        assert_eq!(
            citation(
                "11/KH-NV",
                d,
                "Tự kiểm tra công tác cải cách hành chính năm 2024"
            ),
            "Kế hoạch số 11/KH-NV ngày 03/04/2024 về tự kiểm tra công tác cải cách hành chính năm 2024"
        );
        assert_eq!(
            citation("336/NV", None, "V/v góp ý quy trình."),
            "Công văn số 336/NV về việc góp ý quy trình"
        );
        assert_eq!(citation("5/QĐ-UBND", None, ""), "Quyết định số 5/QĐ-UBND");
    }

    #[test]
    fn the_next_period_of_each_kind() {
        for (code, name, year) in [
            ("2024-Q1", "quý II năm 2024", 2024),
            ("2024-Q4", "quý I năm 2025", 2025),
            ("2024-6T", "6 tháng cuối năm 2024", 2024),
            ("2024-9T", "quý IV năm 2024", 2024),
            ("2024-NAM", "năm 2025", 2025),
        ] {
            let p = Period::parse(code).unwrap();
            assert_eq!(next_period_name(p), name, "{code}");
            assert_eq!(next_period(p).year, year, "{code}");
        }
        // The second half and the fourth quarter end with the year.
        let nam = Period::parse("2024-NAM").unwrap();
        for code in ["2024-6T", "2024-9T", "2024-Q3"] {
            let next = next_period(Period::parse(code).unwrap());
            assert_eq!(next.end(CutOff::Nd09), nam.end(CutOff::Nd09), "{code}");
        }
    }

    #[test]
    fn long_name_lists_are_cut() {
        assert_eq!(join_names(["A", "B"].into_iter(), 5), "A, B");
        assert_eq!(
            join_names(["A", "B", "C"].into_iter(), 2),
            "A, B và 1 đơn vị khác"
        );
    }
}
