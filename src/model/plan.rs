//! One year's reform plan (`ke-hoach/<năm>.yaml`): areas (lĩnh vực), tasks (nhiệm vụ) with
//! their lead and coordinating units, product and time limit.

use crate::model::ids::{AreaIdx, TaskIdx, UnitIdx};
use crate::model::registry::{Registry, UnitRef};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::ops::Index;

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
    areas: Vec<Area>,
    /// Every task, in plan order (area by area).
    tasks: Vec<Task>,
    task_index: HashMap<String, TaskIdx>,
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
    pub area: AreaIdx,
    /// `noi_dung`: the task text.
    pub content: String,
    /// `chu_tri`: lead units and groups as written.
    pub lead_refs: Vec<UnitRef>,
    /// `chu_tri_khac`: lead text the registry cannot express.
    pub lead_other: Option<String>,
    /// `phoi_hop`: coordinating units and groups as written.
    pub coord_refs: Vec<UnitRef>,
    /// `phoi_hop_khac`: free-text coordinators.
    pub coord_other: Option<String>,
    /// `san_pham`: the expected product.
    pub product: String,
    /// `thoi_han`: the time limit as the plan sets it.
    pub time_limit: TimeLimit,
    /// Lead units expanded (groups in registry order), in plan order, each once.
    pub leads: Vec<UnitIdx>,
    /// Coordinating units expanded the same way, without the leads.
    pub coordinators: Vec<UnitIdx>,
    /// The role of every registry unit in this task, by registry position.
    roles: Vec<Role>,
}

/// A task's time limit (`thoi_han`), as the plan writes it.
#[derive(Debug, Clone, Default)]
pub struct TimeLimit {
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

/// What a unit is to a task.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Lead,
    Coordinator,
    Other,
}

impl Role {
    /// The code in the JSON (`vai_tro`).
    pub fn code(self) -> &'static str {
        match self {
            Role::Lead => "chu_tri",
            Role::Coordinator => "phoi_hop",
            Role::Other => "khac",
        }
    }

    /// The word in running text and tables.
    pub fn label(self) -> &'static str {
        match self {
            Role::Lead => "chủ trì",
            Role::Coordinator => "phối hợp",
            Role::Other => "đơn vị khác",
        }
    }
}

impl Task {
    /// Expands the lead and coordinating references against the registry: the lead units in
    /// plan order, each once; the coordinators the same way, without the leads.
    pub fn with_units(mut self, reg: &Registry) -> Task {
        self.leads = reg.expand(&self.lead_refs, &[]);
        self.coordinators = reg.expand(&self.coord_refs, &self.leads);
        self.roles = vec![Role::Other; reg.len()];
        for u in &self.coordinators {
            self.roles[u.index()] = Role::Coordinator;
        }
        for u in &self.leads {
            self.roles[u.index()] = Role::Lead;
        }
        self
    }

    /// The task's due date: its last milestone; for a recurring task without milestones, the
    /// end of the annual period (`year_end`); otherwise none (docs/du-lieu.md, `ke-hoach`).
    pub fn due_date(&self, year_end: NaiveDate) -> Option<NaiveDate> {
        match self.time_limit.milestones.iter().map(|m| m.date).max() {
            Some(d) => Some(d),
            None if self.time_limit.recurring => Some(year_end),
            None => None,
        }
    }

    /// The role of a unit in this task.
    pub fn role_of(&self, unit: UnitIdx) -> Role {
        self.roles.get(unit.index()).copied().unwrap_or(Role::Other)
    }

    /// The lead units as the plan names them: a group by its name, a unit by its name, then
    /// the free text.
    pub fn lead_names<'a>(&'a self, reg: &'a Registry) -> Vec<&'a str> {
        let mut names: Vec<&str> = self.lead_refs.iter().map(|r| reg.ref_name(*r)).collect();
        names.extend(self.lead_other.as_deref());
        names
    }
}

/// The fields of a task as read, before its units are expanded ([`Task::with_units`]).
pub struct TaskSpec {
    pub id: String,
    pub label: String,
    pub area: AreaIdx,
    pub content: String,
    pub lead_refs: Vec<UnitRef>,
    pub lead_other: Option<String>,
    pub coord_refs: Vec<UnitRef>,
    pub coord_other: Option<String>,
    pub product: String,
    pub time_limit: TimeLimit,
}

impl From<TaskSpec> for Task {
    fn from(s: TaskSpec) -> Task {
        Task {
            id: s.id,
            label: s.label,
            area: s.area,
            content: s.content,
            lead_refs: s.lead_refs,
            lead_other: s.lead_other,
            coord_refs: s.coord_refs,
            coord_other: s.coord_other,
            product: s.product,
            time_limit: s.time_limit,
            leads: Vec::new(),
            coordinators: Vec::new(),
            roles: Vec::new(),
        }
    }
}

impl Plan {
    pub fn new(
        year: i32,
        number: String,
        title: String,
        issued: Option<NaiveDate>,
        areas: Vec<Area>,
        tasks: Vec<Task>,
    ) -> Plan {
        let task_index = tasks
            .iter()
            .enumerate()
            .map(|(i, t)| (t.id.clone(), TaskIdx::new(i)))
            .collect();
        Plan {
            year,
            number,
            title,
            issued,
            areas,
            tasks,
            task_index,
        }
    }

    /// The task with this id.
    pub fn find_task(&self, id: &str) -> Option<TaskIdx> {
        self.task_index.get(id).copied()
    }

    pub fn tasks(&self) -> &[Task] {
        &self.tasks
    }

    pub fn areas(&self) -> &[Area] {
        &self.areas
    }

    pub fn task_ids(&self) -> impl DoubleEndedIterator<Item = TaskIdx> + Clone + use<> {
        TaskIdx::all(self.tasks.len())
    }

    pub fn area_ids(&self) -> impl DoubleEndedIterator<Item = AreaIdx> + Clone + use<> {
        AreaIdx::all(self.areas.len())
    }

    /// The tasks of an area, in plan order.
    pub fn tasks_of(&self, area: AreaIdx) -> impl Iterator<Item = TaskIdx> + '_ {
        self.task_ids().filter(move |&t| self[t].area == area)
    }

    /// "2. Cải cách thủ tục hành chính".
    pub fn area_label(&self, area: AreaIdx) -> String {
        let a = &self[area];
        format!("{}. {}", a.id, a.name)
    }
}

impl Index<TaskIdx> for Plan {
    type Output = Task;
    fn index(&self, t: TaskIdx) -> &Task {
        &self.tasks[t.index()]
    }
}

impl Index<AreaIdx> for Plan {
    type Output = Area;
    fn index(&self, a: AreaIdx) -> &Area {
        &self.areas[a.index()]
    }
}
