//! `baocao ke-hoach nhap`: the registry, the plan document imported (input), the plan and
//! its review list rendered, the plan read back as `load_data` would read it, then both files
//! written together into `ke-hoach/`.

use super::Fatal;
use crate::input::plan_import::import_plan as read_document;
use crate::input::{load_registry, read_plan_text};
use crate::model::plan::Plan;
use crate::model::plan_import::ReviewKind;
use crate::output::{Folder, Kept, Staging};
use crate::render;
use std::path::{Path, PathBuf};

/// The largest plan document read: a plan is a few hundred kilobytes.
const MAX_DOCUMENT: u64 = 50 * 1024 * 1024;

/// Settings of `ke-hoach nhap`.
#[derive(Debug, Clone)]
pub struct ImportSettings {
    /// The plan document.
    pub file: PathBuf,
    /// `--nam`: the plan's year, else the year in its title.
    pub year: Option<i32>,
    pub data: PathBuf,
    /// `--ghi-de`: replace an existing plan of that year.
    pub overwrite: bool,
}

/// What the import wrote.
#[derive(Debug)]
pub struct ImportOutcome {
    pub year: i32,
    pub areas: usize,
    pub tasks: usize,
    pub plan_path: PathBuf,
    pub review_path: PathBuf,
    /// The review list as the terminal shows it.
    pub review: String,
    /// Items that need a decision, and items decided by a rule.
    pub decide: usize,
    pub check: usize,
    /// An existing plan was replaced (`--ghi-de`).
    pub replaced: bool,
    /// Files that were there before, kept under `ke-hoach/cu/` (the replaced plan, an edited
    /// review list).
    pub kept: Vec<Kept>,
}

/// Imports a plan document into `ke-hoach/<năm>.yaml` and writes its review list beside it
/// (`ke-hoach/<năm>-can-xem-lai.txt`); nothing is written when anything fails.
pub fn import_plan(s: &ImportSettings) -> Result<ImportOutcome, Fatal> {
    let reg = load_registry(&s.data).map_err(|e| Fatal::Data(e.diags))?;
    let name = s
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| s.file.display().to_string());
    let bytes = read_document_bytes(&s.file)?;
    let imported = read_document(&name, bytes, s.year, &reg).map_err(|e| Fatal::Import {
        message: e.message(&s.file.display().to_string()),
        hint: e.hint(),
    })?;
    let plan = &imported.plan;
    let year = plan.year;
    let dir = s.data.join("ke-hoach");
    let existing = ["yaml", "yml"]
        .iter()
        .map(|ext| dir.join(format!("{year}.{ext}")))
        .find(|p| p.exists());
    if let Some(path) = &existing
        && !s.overwrite
    {
        return Err(Fatal::PlanExists {
            path: path.clone(),
            year,
        });
    }
    let plan_path = existing
        .clone()
        .unwrap_or_else(|| dir.join(format!("{year}.yaml")));
    let review_name = format!("{year}-can-xem-lai.txt");
    let review_path = dir.join(&review_name);
    let yaml = render::plan_yaml(plan, &reg, &imported.review, &name, &review_name);
    let rel = format!(
        "ke-hoach/{}",
        plan_path.file_name().unwrap_or_default().to_string_lossy()
    );
    check_reads_back(&rel, &yaml, plan, &reg)?;
    let review = render::review_text(&imported.review, year, &name, &rel);
    // A replaced plan is kept in ke-hoach/cu/, where the plan reader does not look.
    let (folder, _) = Folder::open(&dir)?;
    let mut folder = folder.keep_copies_in("cu");
    let mut stage = Staging::new();
    stage.add_bytes(&plan_path, yaml.as_bytes())?;
    stage.add_bytes(&review_path, &render::review_file(&review))?;
    let committed = folder.commit(stage)?;
    // Read back from the disk, as the next build will.
    let written = std::fs::read_to_string(&plan_path).unwrap_or_default();
    if check_reads_back(&rel, &written, plan, &reg).is_err() {
        return Err(Fatal::Import {
            message: format!(
                "Đã ghi '{}' nhưng đọc lại từ ổ đĩa không được như đã ghi.",
                plan_path.display()
            ),
            hint: Some("Kiểm tra ổ đĩa và thư mục dữ liệu, rồi chạy lại lệnh với --ghi-de.".into()),
        });
    }
    let decide = imported
        .review
        .iter()
        .filter(|r| r.kind == ReviewKind::Decide)
        .count();
    Ok(ImportOutcome {
        year,
        areas: plan.areas().len(),
        tasks: plan.tasks().len(),
        plan_path,
        review_path,
        review,
        decide,
        check: imported.review.len() - decide,
        replaced: existing.is_some(),
        kept: committed.kept,
    })
}

fn read_document_bytes(path: &Path) -> Result<Vec<u8>, Fatal> {
    let fail = |message: String, hint: Option<String>| Fatal::Import { message, hint };
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            fail(
                format!("Không tìm thấy tệp '{shown}'."),
                Some("Kiểm tra đường dẫn; tên tệp có dấu cách thì đặt trong dấu nháy kép.".into()),
            )
        } else {
            unreadable(path, &e)
        }
    })?;
    if !meta.is_file() {
        return Err(fail(
            format!("'{shown}' không phải là một tệp."),
            Some("Chỉ đường dẫn tới văn bản kế hoạch (.docx, .txt, .md).".into()),
        ));
    }
    if meta.len() > MAX_DOCUMENT {
        return Err(fail(
            format!("Tệp '{shown}' quá lớn (trên 50 MB) để là một văn bản kế hoạch."),
            None,
        ));
    }
    std::fs::read(path).map_err(|e| unreadable(path, &e))
}

fn unreadable(path: &Path, e: &std::io::Error) -> Fatal {
    let (reason, todo) = crate::oserror::explain(e);
    Fatal::Import {
        message: format!("Không đọc được tệp '{}': {reason}.", path.display()),
        hint: Some(todo),
    }
}

/// The plan file must read back, with the plan reader, as the plan it was written from.
fn check_reads_back(
    rel: &str,
    text: &str,
    plan: &Plan,
    reg: &crate::model::registry::Registry,
) -> Result<(), Fatal> {
    match read_plan_text(rel, text, plan.year, reg) {
        Ok(back) if same_plan(&back, plan) => Ok(()),
        Ok(_) => Err(Fatal::ImportCheck(Vec::new())),
        Err(diags) => Err(Fatal::ImportCheck(diags)),
    }
}

fn same_plan(a: &Plan, b: &Plan) -> bool {
    let areas = a.areas().len() == b.areas().len()
        && a.areas()
            .iter()
            .zip(b.areas())
            .all(|(x, y)| x.id == y.id && x.name == y.name);
    let tasks = a.tasks().len() == b.tasks().len()
        && a.tasks().iter().zip(b.tasks()).all(|(x, y)| {
            let (tx, ty) = (&x.time_limit, &y.time_limit);
            x.id == y.id
                && x.label == y.label
                && x.area == y.area
                && x.content == y.content
                && x.lead_refs == y.lead_refs
                && x.lead_other == y.lead_other
                && x.coord_refs == y.coord_refs
                && x.coord_other == y.coord_other
                && x.product == y.product
                && tx.text == ty.text
                && tx.recurring == ty.recurring
                && tx.milestones.len() == ty.milestones.len()
                && tx
                    .milestones
                    .iter()
                    .zip(&ty.milestones)
                    .all(|(m, n)| m.date == n.date && m.what == n.what)
        });
    a.year == b.year && a.number == b.number && a.title == b.title && areas && tasks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::plan_import::tests::{FRAGMENTS, document, registry};
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(256)
        ))]

        /// Whatever a document holds, the plan written reads back as the plan imported.
        #[test]
        fn every_imported_plan_reads_back(parts in prop::collection::vec((0..FRAGMENTS.len(), any::<bool>()), 0..60), noise in "\\PC{0,20}") {
            let text = document(&parts, &noise);
            let reg = registry();
            if let Ok(imported) = read_document("k.txt", text.into_bytes(), Some(2024), &reg) {
                let yaml = render::plan_yaml(&imported.plan, &reg, &imported.review, "k.txt", "r.txt");
                let back = check_reads_back("ke-hoach/2024.yaml", &yaml, &imported.plan, &reg);
                prop_assert!(back.is_ok(), "{yaml}\n{back:?}");
            }
        }
    }
}
