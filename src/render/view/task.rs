//! The view of one task: its lead units named one by one with what each reported, groups of
//! lead units summarised in a sentence, the coordinators' results and the documents cited.

use crate::model::ids::UnitIdx;
use crate::model::plan::{Role, Task};
use crate::model::registry::UnitRef;
use crate::model::report::{PeriodReport, TaskResult, UnitReport};
use crate::model::status::{Status, StatusCounts};
use crate::render::format::{self, iso_date as iso};
use crate::render::view::lists::{
    MAX_COORDINATORS, MAX_PRODUCTS, MAX_STATEMENTS, ProductView, Statement, capped, citation,
    doc_type,
};
use serde::Serialize;
use std::collections::HashSet;

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

/// Each unit's report on one task, by registry position (a lookup, not a scan: a group can
/// hold thousands of units), and which units are already listed.
struct Lookup<'r> {
    by_unit: Vec<Option<&'r UnitReport>>,
    listed: Vec<bool>,
}

/// Documents cited under a task, each number once: the first few as views, all of them
/// counted (a task's coordinators can be thousands of units).
struct Cited<'r> {
    views: Vec<ProductView>,
    numbers: HashSet<&'r str>,
}

impl<'r> Cited<'r> {
    fn add(&mut self, r: &PeriodReport<'r>, u: UnitIdx, rep: &UnitReport) {
        for p in &r.item(rep).products {
            if self.numbers.insert(p.number.as_str()) && self.views.len() < MAX_PRODUCTS {
                self.views.push(ProductView {
                    so_ky_hieu: p.number.clone(),
                    ngay: p.date.map(iso),
                    trich_yeu: p.summary.clone(),
                    loai: doc_type(&p.number).to_string(),
                    don_vi: r.unit(u).name.clone(),
                    dan_chieu: citation(&p.number, p.date, &p.summary),
                });
            }
        }
    }
}

/// A unit's statement of its result on a task.
fn statement(r: &PeriodReport, u: UnitIdx, text: &str, status: Status) -> Statement {
    Statement {
        don_vi: r.unit(u).name.clone(),
        noi_dung: text.to_string(),
        trang_thai_ten: Some(status.text()),
    }
}

/// The view of one task: lead units named one by one with their results, groups summarised.
pub fn task_view(r: &PeriodReport, t: &TaskResult) -> TaskView {
    let reg = &r.data.registry;
    let task: &Task = r.task(t);
    let mut look = Lookup {
        by_unit: vec![None; reg.len()],
        listed: vec![false; reg.len()],
    };
    for rep in &t.reports {
        look.by_unit[rep.unit.index()] = Some(rep);
    }
    let mut cited = Cited {
        views: Vec::new(),
        numbers: HashSet::new(),
    };
    let mut ket_qua = Vec::new();
    let mut chua_bao_cao = Vec::new();
    let mut nhom = Vec::new();
    for reference in &task.lead_refs {
        match *reference {
            UnitRef::Group(g) => {
                let members: Vec<UnitIdx> =
                    reg.members(g).filter(|u| !look.listed[u.index()]).collect();
                if !members.is_empty() {
                    nhom.push(group_view(r, &reg[g].name, &members, &mut look));
                }
            }
            UnitRef::Unit(u) => {
                if std::mem::replace(&mut look.listed[u.index()], true) {
                    continue;
                }
                match look.by_unit[u.index()] {
                    None => chua_bao_cao.push(r.unit(u).name.clone()),
                    Some(rep) => {
                        let item = r.item(rep);
                        let text = item.result.as_deref().unwrap_or_default();
                        ket_qua.push(statement(r, u, text, item.status));
                        cited.add(r, u, rep);
                    }
                }
            }
        }
    }
    let (phoi_hop, so_phoi_hop, kho_khan) = coordinators(r, t, &mut cited);
    let san_pham_con_lai = cited.numbers.len() - cited.views.len();
    let lead_reports = t.reports.iter().filter(|rep| rep.role == Role::Lead);
    TaskView {
        ma: task.id.clone(),
        nhan: task.label.clone(),
        noi_dung: task.content.clone(),
        trang_thai: t.status.code(),
        trang_thai_ten: t.status.text(),
        trang_thai_ky_truoc: r.previous_status(t.task).map(Status::text),
        qua_han: t.overdue,
        han: t.due.map(iso),
        thoi_han: task.time_limit.text.clone(),
        chu_tri: lead_names_in_text(task.lead_names(reg)),
        san_pham_ke_hoach: task.product.clone(),
        ket_qua,
        nhom,
        phoi_hop,
        so_phoi_hop,
        san_pham: cited.views,
        san_pham_con_lai,
        chua_bao_cao: capped(chua_bao_cao),
        kho_khan,
        so_chu_tri: task.leads.len(),
        so_chu_tri_bao_cao: lead_reports.clone().count(),
        so_chu_tri_hoan_thanh: lead_reports
            .filter(|rep| r.item(rep).status == Status::Done)
            .count(),
    }
}

/// "Phòng Tư pháp; các cơ quan, đơn vị thuộc UBND thành phố; UBND các xã, phường".
fn lead_names_in_text(names: Vec<&str>) -> String {
    let mut out: Vec<String> = Vec::with_capacity(names.len());
    for (i, n) in names.into_iter().enumerate() {
        out.push(if i == 0 {
            n.to_string()
        } else {
            format::lower_first(n)
        });
    }
    out.join("; ")
}

/// The lead units of one group (those not listed already), summarised.
fn group_view(r: &PeriodReport, name: &str, members: &[UnitIdx], look: &mut Lookup) -> GroupView {
    let mut counts = StatusCounts::default();
    let mut missing = Vec::new();
    let mut docs = 0;
    let mut examples = Vec::new();
    for &u in members {
        look.listed[u.index()] = true;
        match look.by_unit[u.index()] {
            None => {
                counts.add(Status::NotReported);
                missing.push(r.unit(u).name.clone());
            }
            Some(rep) => {
                let item = r.item(rep);
                docs += item.products.len();
                counts.add(item.status);
                if examples.len() < 2
                    && let Some(text) = &item.result
                {
                    examples.push(statement(r, u, text, item.status));
                }
            }
        }
    }
    GroupView {
        ten: name.to_string(),
        tong: members.len(),
        bao_cao: members.len() - counts.chua_bao_cao,
        hoan_thanh: counts.hoan_thanh,
        dang_thuc_hien: counts.dang_thuc_hien,
        cham_tien_do: counts.cham_tien_do,
        chua_thuc_hien: counts.chua_thuc_hien,
        chua_bao_cao: counts.chua_bao_cao,
        ds_chua_bao_cao: capped(missing),
        trang_thai_ds: counts
            .non_zero(&Status::REPORTABLE)
            .map(|(st, so)| StatusCount { so, ten: st.text() })
            .collect(),
        so_van_ban: docs,
        vi_du: examples,
    }
}

/// The coordinators' results (the first few, and how many wrote one), and every reporting
/// unit's difficulties (the first few).
fn coordinators<'r>(
    r: &PeriodReport<'r>,
    t: &'r TaskResult,
    cited: &mut Cited<'r>,
) -> (Vec<Statement>, usize, Vec<Statement>) {
    let mut phoi_hop = Vec::new();
    let mut so_phoi_hop = 0;
    let mut kho_khan = Vec::new();
    for rep in &t.reports {
        let item = r.item(rep);
        if rep.role == Role::Coordinator {
            if let Some(text) = &item.result {
                so_phoi_hop += 1;
                if phoi_hop.len() < MAX_COORDINATORS {
                    phoi_hop.push(statement(r, rep.unit, text, item.status));
                }
            }
            cited.add(r, rep.unit, rep);
        }
        if let Some(k) = &item.difficulties
            && kho_khan.len() < MAX_STATEMENTS
        {
            kho_khan.push(Statement {
                don_vi: r.unit(rep.unit).name.clone(),
                noi_dung: k.clone(),
                trang_thai_ten: None,
            });
        }
    }
    (phoi_hop, so_phoi_hop, kho_khan)
}
