//! The merged period as JSON (`tong-hop-<KY>.json`; the rules in docs/du-lieu.md), for other programs. Field
//! names are the public contract; extra fields carry names, labels and the documents cited.

use crate::diagnostics::Diagnostic;
use crate::model::number::Num;
use crate::model::report::{PeriodReport, TaskResult, UnitCounts, UnitResult, UnitState};
use crate::model::status::{Status, StatusCounts};
use crate::render::format::iso_date as iso;
use serde::Serialize;

#[derive(Serialize)]
struct Summary<'a> {
    ky: String,
    ten_ky: String,
    tu_ngay: String,
    den_ngay: String,
    han_nop: String,
    chot_so_lieu: &'static str,
    ke_hoach: PlanRef<'a>,
    tong_so_nhiem_vu: usize,
    dem_trang_thai: StatusCounts,
    /// The previous period of the cycle, and what changed since.
    ky_truoc: Option<String>,
    hoan_thanh_tu_ky_truoc: Vec<&'a str>,
    cham_tien_do_tu_ky_truoc: Vec<&'a str>,
    qua_han: usize,
    dem_don_vi: UnitCounts,
    nhiem_vu: Vec<TaskJson<'a>>,
    don_vi: Vec<UnitJson<'a>>,
    chi_tieu: Vec<IndicatorJson<'a>>,
    chan_doan: &'a [Diagnostic],
}

#[derive(Serialize)]
struct PlanRef<'a> {
    nam: i32,
    so_ky_hieu: &'a str,
    trich_yeu: &'a str,
}

#[derive(Serialize)]
struct TaskJson<'a> {
    ma: &'a str,
    nhan: &'a str,
    linh_vuc: &'a str,
    trang_thai: Status,
    trang_thai_ky_truoc: Option<Status>,
    qua_han: bool,
    han: Option<String>,
    chu_tri: Vec<&'a str>,
    bao_cao: Vec<ReportJson<'a>>,
    chua_bao_cao: Vec<&'a str>,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    don_vi: &'a str,
    vai_tro: &'static str,
    trang_thai: Status,
    tien_do: Option<Num>,
    ket_qua: Option<&'a str>,
    san_pham: Vec<ProductJson<'a>>,
    kho_khan: Option<&'a str>,
}

#[derive(Serialize)]
struct ProductJson<'a> {
    so_ky_hieu: &'a str,
    ngay: Option<String>,
    trich_yeu: &'a str,
}

/// One unit's standing for the period: the `don_vi` entries of the summary, and of
/// `baocao status --json`.
#[derive(Serialize)]
pub struct UnitJson<'a> {
    ma: &'a str,
    ten: &'a str,
    da_nop: bool,
    dung_han: bool,
    ngay_bao_cao: Option<String>,
    tep: Option<&'a str>,
    hop_le: bool,
    tinh_trang: &'static str,
    so_tep: usize,
    /// The unit's other files for the period (replaced, broken, not a report), by path.
    tep_khac: Vec<&'a str>,
    so_nhiem_vu_bao_cao: usize,
}

impl<'a> UnitJson<'a> {
    pub fn of(r: &PeriodReport<'a>, u: &UnitResult) -> UnitJson<'a> {
        let unit = r.unit(u.unit);
        let shown = r.shown(u);
        UnitJson {
            ma: &unit.id,
            ten: &unit.name,
            da_nop: u.submitted(),
            dung_han: u.on_time,
            ngay_bao_cao: shown.and_then(|s| s.date).map(iso),
            tep: shown.map(|s| s.file.as_str()),
            hop_le: u.state == UnitState::Valid,
            tinh_trang: u.state.code(),
            so_tep: u.files.len(),
            tep_khac: u.others(r.inbox),
            so_nhiem_vu_bao_cao: r.used(u).map_or(0, |s| s.tasks.len()),
        }
    }
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    ma: &'a str,
    ten: &'a str,
    don_vi_tinh: &'a str,
    cach_tinh: &'static str,
    gia_tri: Option<Num>,
}

/// Writes the period's summary as pretty-printed JSON with a final newline.
pub fn write_json(r: &PeriodReport, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let data = r.data;
    let summary = Summary {
        ky: r.period.code(),
        ten_ky: r.period.display_name(),
        tu_ngay: iso(r.start),
        den_ngay: iso(r.end),
        han_nop: iso(r.submission_deadline),
        chot_so_lieu: data.config.cutoff.code(),
        ke_hoach: PlanRef {
            nam: r.plan.year,
            so_ky_hieu: &r.plan.number,
            trich_yeu: &r.plan.title,
        },
        tong_so_nhiem_vu: r.tasks.len(),
        dem_trang_thai: r.counts,
        ky_truoc: r.previous.as_ref().map(|p| p.period.code()),
        hoan_thanh_tu_ky_truoc: r
            .completed_since()
            .into_iter()
            .map(|t| r.plan[t].id.as_str())
            .collect(),
        cham_tien_do_tu_ky_truoc: r
            .fell_behind()
            .into_iter()
            .map(|t| r.plan[t].id.as_str())
            .collect(),
        qua_han: r.overdue,
        dem_don_vi: r.unit_counts(),
        nhiem_vu: r.tasks.iter().map(|t| task_json(r, t)).collect(),
        don_vi: r.units.iter().map(|u| UnitJson::of(r, u)).collect(),
        chi_tieu: data
            .catalogue
            .items()
            .iter()
            .zip(&r.indicators)
            .map(|(ind, v)| IndicatorJson {
                ma: &ind.id,
                ten: &ind.name,
                don_vi_tinh: &ind.measure,
                cach_tinh: ind.method.code(),
                gia_tri: *v,
            })
            .collect(),
        chan_doan: &r.diagnostics,
    };
    serde_json::to_writer_pretty(&mut *out, &summary)?;
    out.write_all(b"\n")
}

fn task_json<'a>(r: &PeriodReport<'a>, t: &TaskResult) -> TaskJson<'a> {
    let reg = &r.data.registry;
    let task = r.task(t);
    TaskJson {
        ma: &task.id,
        nhan: &task.label,
        linh_vuc: &r.plan[task.area].id,
        trang_thai: t.status,
        trang_thai_ky_truoc: r.previous_status(t.task),
        qua_han: t.overdue,
        han: t.due.map(iso),
        chu_tri: task.leads.iter().map(|&u| reg[u].id.as_str()).collect(),
        bao_cao: t
            .reports
            .iter()
            .map(|ur| {
                let item = r.item(ur);
                ReportJson {
                    don_vi: &reg[ur.unit].id,
                    vai_tro: ur.role.code(),
                    trang_thai: item.status,
                    tien_do: item.progress,
                    ket_qua: item.result.as_deref(),
                    san_pham: item
                        .products
                        .iter()
                        .map(|p| ProductJson {
                            so_ky_hieu: &p.number,
                            ngay: p.date.map(iso),
                            trich_yeu: &p.summary,
                        })
                        .collect(),
                    kho_khan: item.difficulties.as_deref(),
                }
            })
            .collect(),
        chua_bao_cao: t.missing.iter().map(|&u| reg[u].id.as_str()).collect(),
    }
}
