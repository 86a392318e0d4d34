//! What the plan import (`baocao ke-hoach nhap`) makes of a plan document: the plan, and the
//! review list of what it could not decide or decided by a rule (docs/nhap-ke-hoach.md).

use crate::model::plan::Plan;

/// A plan read from a plan document, with its review list.
#[derive(Debug)]
pub struct ImportedPlan {
    pub plan: Plan,
    /// In plan order: plan-level items first, then area by area, task by task.
    pub review: Vec<ReviewItem>,
}

/// Where a review item points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReviewPlace {
    /// The plan's header (`so_ky_hieu`, `trich_yeu`, `nam`).
    Plan,
    /// An area, by its id.
    Area(String),
    /// A task, by its id.
    Task(String),
}

/// How far the import got with a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ReviewKind {
    /// The import could not decide, or the document itself is odd: someone must look
    /// (a name not in the registry, a time limit without a date, a repeated label).
    Decide,
    /// The import decided by one of its rules: check that the rule read the text right
    /// (a milestone's date, a group read from "… liên quan").
    Check,
}

/// One line of the review list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewItem {
    pub kind: ReviewKind,
    pub place: ReviewPlace,
    /// The key in the plan file, as a path: `chu_tri`, `thoi_han.moc[2]`, `nhan`.
    pub field: String,
    /// What was found and what was done, in Vietnamese.
    pub note: String,
}

impl ReviewItem {
    pub fn new(kind: ReviewKind, place: ReviewPlace, field: &str, note: String) -> ReviewItem {
        ReviewItem {
            kind,
            place,
            field: field.to_string(),
            note,
        }
    }

    /// The place as the list prints it: "1.d", "lĩnh-vực-2", "kế-hoạch".
    pub fn place_label(&self) -> String {
        match &self.place {
            ReviewPlace::Plan => "kế-hoạch".to_string(),
            ReviewPlace::Area(id) => format!("lĩnh-vực-{id}"),
            ReviewPlace::Task(id) => id.clone(),
        }
    }
}
