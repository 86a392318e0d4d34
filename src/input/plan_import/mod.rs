//! The plan import (`baocao ke-hoach nhap`): a plan document (`.docx`, `.txt`, `.md`) to a
//! [`Plan`] and the review list of what could not be decided (docs/nhap-ke-hoach.md).
//!
//! ```text
//! bytes ─ document ─▶ blocks ─ layout ─▶ RawPlan ─┬─ ids from labels (here)
//!                                                 ├─ names ─▶ chu_tri, phoi_hop, *_khac
//!                                                 └─ dates ─▶ thoi_han
//!                                                           ─▶ ImportedPlan {plan, review}
//! ```

mod error;

pub mod dates;
pub mod document;
pub mod layout;
pub mod names;
pub mod numbering;
mod text;

use crate::model::ids::AreaIdx;
use crate::model::plan::{Area, Plan, Task, TaskSpec};
use crate::model::plan_import::{ImportedPlan, ReviewItem, ReviewKind, ReviewPlace};
use crate::model::registry::Registry;
use document::Format;
use layout::{FieldKind, LATIN, LETTERS, Label, RawPlan, RawTask};
use names::{Matched, NameIndex, match_names};

pub use error::ImportError;

/// Reads a plan document: `name` is its file name (the extension gives the format), `year`
/// the year asked for (`--nam`), else the year in the title.
pub fn import_plan(
    name: &str,
    bytes: Vec<u8>,
    year: Option<i32>,
    reg: &Registry,
) -> Result<ImportedPlan, ImportError> {
    let format = Format::of(name).ok_or_else(|| {
        ImportError::Format(
            name.rsplit_once('.')
                .map(|(_, e)| e.to_ascii_lowercase())
                .unwrap_or_default(),
        )
    })?;
    let blocks = document::read_blocks(name, bytes, format).map_err(ImportError::Unreadable)?;
    let (blocks, converted) = text::clean(blocks)?;
    let raw = layout::read_layout(&blocks);
    if raw.areas.iter().all(|a| a.tasks.is_empty()) {
        return Err(ImportError::NoTasks);
    }
    let mut review: Vec<ReviewItem> = converted.into_iter().collect();
    let title_year = raw.title.as_deref().and_then(year_in);
    let year = match (year, title_year) {
        (Some(y), Some(t)) if y != t => {
            review.push(item(
                ReviewKind::Decide,
                ReviewPlace::Plan,
                "nam",
                format!(
                    "tên kế hoạch ghi năm {t} nhưng lệnh yêu cầu năm {y} (--nam); đã dùng năm {y}."
                ),
            ));
            y
        }
        (Some(y), _) | (None, Some(y)) => y,
        (None, None) => return Err(ImportError::NoYear),
    };
    let imported = Importer {
        index: NameIndex::new(reg),
        reg,
        year,
        review,
    }
    .plan(raw);
    match text::unclear_field(&imported.plan) {
        Some(start) => Err(ImportError::Legacy(start)),
        None => Ok(imported),
    }
}

/// The last four-digit year (2000–2099) in a text.
fn year_in(text: &str) -> Option<i32> {
    text.split(|c: char| !c.is_ascii_digit())
        .rev()
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse::<i32>().ok())
        .find(|y| (2000..2100).contains(y))
}

/// `chu_tri_khac` of a task whose document names no lead.
const NO_LEAD: &str = "Chưa rõ cơ quan chủ trì";

fn item(kind: ReviewKind, place: ReviewPlace, field: &str, note: String) -> ReviewItem {
    ReviewItem::new(kind, place, field, note)
}

struct Importer<'r> {
    index: NameIndex<'r>,
    reg: &'r Registry,
    year: i32,
    review: Vec<ReviewItem>,
}

impl Importer<'_> {
    fn plan(mut self, mut raw: RawPlan) -> ImportedPlan {
        raw.number = raw.number.filter(|n| !n.is_empty());
        raw.title = raw.title.filter(|t| !t.is_empty());
        self.header(&raw);
        let mut areas: Vec<Area> = Vec::new();
        let mut tasks: Vec<Task> = Vec::new();
        for ra in raw.areas {
            if ra.tasks.is_empty() {
                self.decide(
                    ReviewPlace::Plan,
                    "linh_vuc",
                    format!(
                        "lĩnh vực \"{}. {}\" không có nhiệm vụ nào (nhiệm vụ bắt đầu bằng \"a)\", \"b)\"…), không được nhập.",
                        ra.id, ra.name
                    ),
                );
                continue;
            }
            let mut id = ra.id;
            if areas.iter().any(|a| a.id == id) {
                let next = areas
                    .iter()
                    .filter_map(|a| a.id.parse::<u32>().ok())
                    .max()
                    .unwrap_or(0)
                    + 1;
                self.decide(
                    ReviewPlace::Area(next.to_string()),
                    "ma",
                    format!("số thứ tự lĩnh vực '{id}' lặp lại; lĩnh vực này được mã '{next}'."),
                );
                id = next.to_string();
            }
            if ra.name.is_empty() {
                self.decide(
                    ReviewPlace::Area(id.clone()),
                    "ten",
                    "văn bản không ghi tên lĩnh vực; hãy điền tên.".into(),
                );
            }
            let area = AreaIdx::new(areas.len());
            let ids = self.task_ids(&id, &ra.tasks);
            for (rt, (task_id, label)) in ra.tasks.into_iter().zip(ids) {
                tasks.push(self.task(area, task_id, label, rt));
            }
            areas.push(Area { id, name: ra.name });
        }
        // The review list in plan order: the heading, then area by area, task by task.
        let mut order = vec![ReviewPlace::Plan];
        for (k, a) in areas.iter().enumerate() {
            order.push(ReviewPlace::Area(a.id.clone()));
            order.extend(
                tasks
                    .iter()
                    .filter(|t| t.area.index() == k)
                    .map(|t| ReviewPlace::Task(t.id.clone())),
            );
        }
        self.review.sort_by_key(|r| {
            order
                .iter()
                .position(|p| *p == r.place)
                .unwrap_or(usize::MAX)
        });
        let plan = Plan::new(
            self.year,
            raw.number.unwrap_or_else(|| "/KH-UBND".into()),
            raw.title.unwrap_or_default(),
            None,
            areas,
            tasks,
        );
        ImportedPlan {
            plan,
            review: self.review,
        }
    }

    fn decide(&mut self, place: ReviewPlace, field: &str, note: String) {
        self.review
            .push(item(ReviewKind::Decide, place, field, note));
    }

    fn check(&mut self, place: ReviewPlace, field: &str, note: String) {
        self.review
            .push(item(ReviewKind::Check, place, field, note));
    }

    /// Review items of the plan's heading and of text that belongs to no task.
    fn header(&mut self, raw: &RawPlan) {
        if raw.number.is_none() {
            self.check(
                ReviewPlace::Plan,
                "so_ky_hieu",
                "không thấy dòng \"Số: …\"; đã ghi \"/KH-UBND\".".into(),
            );
        }
        if raw.title.is_none() {
            self.decide(
                ReviewPlace::Plan,
                "trich_yeu",
                "không thấy tên kế hoạch (dòng sau chữ \"KẾ HOẠCH\"); hãy điền trich_yeu.".into(),
            );
        }
        if !raw.section_found {
            self.check(
                ReviewPlace::Plan,
                "linh_vuc",
                "không thấy mục \"II. NHIỆM VỤ …\"; đã đọc nhiệm vụ trong cả văn bản.".into(),
            );
        }
        for (area, text) in &raw.stray {
            let place = area.clone().map_or(ReviewPlace::Plan, ReviewPlace::Area);
            self.check(
                place,
                "linh_vuc",
                format!(
                    "đoạn không thuộc nhiệm vụ nào, không được nhập: \"{}\".",
                    crate::diagnostics::clip(text)
                ),
            );
        }
    }

    /// Each task's id and display label in one area: the label's letter, unless an earlier
    /// task took it (then the next free letter, the label kept); labels that skip letters or
    /// go back are reported, never renumbered.
    fn task_ids(&mut self, area: &str, tasks: &[RawTask]) -> Vec<(String, String)> {
        // Word's automatic letters run a … z; typed ones follow the Vietnamese order.
        let latin = tasks
            .iter()
            .any(|t| matches!(&t.label, Label::Letter(l) if !LETTERS.contains(&l.as_str())));
        let alphabet: &[&str] = if latin { &LATIN } else { &LETTERS };
        let mut used: Vec<usize> = Vec::new();
        let mut out = Vec::new();
        for rt in tasks {
            let last = used.last().copied();
            let next_free = |from: usize| (from..alphabet.len()).find(|p| !used.contains(p));
            let after_last = last.map_or(0, |l| l + 1);
            let (pos, label) = match &rt.label {
                Label::Letter(l) => {
                    let pos = alphabet.iter().position(|x| x == l).unwrap_or(0);
                    let label = format!("{l})");
                    if used.contains(&pos) {
                        let first = out
                            .iter()
                            .find(|(i, _): &&(String, String)| i.ends_with(&format!(".{l}")))
                            .map_or(String::new(), |(i, _)| i.clone());
                        let new = next_free(after_last).or_else(|| next_free(0));
                        let id = new.map_or_else(
                            || format!("{area}.{}", out.len() + 1),
                            |p| format!("{area}.{}", alphabet[p]),
                        );
                        self.decide(
                            ReviewPlace::Task(id.clone()),
                            "nhan",
                            format!(
                                "nhãn \"{label}\" lặp lại nhãn của nhiệm vụ {first}; nhiệm vụ này được mã {id}, vẫn hiển thị nhãn \"{label}\" như văn bản."
                            ),
                        );
                        out.push((id, label));
                        if let Some(p) = new {
                            used.push(p);
                        }
                        continue;
                    }
                    self.label_order(area, l, pos, last, alphabet);
                    (Some(pos), label)
                }
                Label::Other(s) => (next_free(after_last), s.clone()),
                Label::None => (next_free(after_last), String::new()),
            };
            let id = pos.map_or_else(
                || format!("{area}.{}", out.len() + 1),
                |p| format!("{area}.{}", alphabet[p]),
            );
            let label = if label.is_empty() {
                format!("{})", id.rsplit('.').next().unwrap_or(&id))
            } else {
                label
            };
            if let Label::Other(s) = &rt.label {
                self.check(
                    ReviewPlace::Task(id.clone()),
                    "ma",
                    format!(
                        "số thứ tự \"{s}\" không phải chữ cái; nhiệm vụ được mã {id} theo thứ tự."
                    ),
                );
            }
            out.push((id, label));
            used.extend(pos);
        }
        out
    }

    /// A letter that skips letters, or comes before the previous one, is reported.
    fn label_order(
        &mut self,
        area: &str,
        letter: &str,
        pos: usize,
        last: Option<usize>,
        alphabet: &[&str],
    ) {
        let id = format!("{area}.{letter}");
        let expected = last.map_or(0, |l| l + 1);
        if pos > expected {
            let missing: Vec<String> = alphabet[expected..pos]
                .iter()
                .map(|l| format!("\"{l})\""))
                .collect();
            let after = last.map_or("đầu lĩnh vực".to_string(), |l| {
                format!("sau \"{})\"", alphabet[l])
            });
            self.decide(
                ReviewPlace::Task(id.clone()),
                "nhan",
                format!(
                    "{after} là \"{letter})\": văn bản không có mục {}; giữ mã {id} như văn bản.",
                    missing.join(", ")
                ),
            );
        } else if pos < expected {
            self.decide(
                ReviewPlace::Task(id),
                "nhan",
                format!(
                    "nhãn \"{letter})\" đứng sau \"{})\", sai thứ tự chữ cái.",
                    alphabet[expected - 1]
                ),
            );
        }
    }

    /// One task: its fields read, its review items added.
    fn task(&mut self, area: AreaIdx, id: String, label: String, rt: RawTask) -> Task {
        let place = ReviewPlace::Task(id.clone());
        let value = |kind: FieldKind| {
            let v: Vec<&str> = rt
                .fields
                .iter()
                .filter(|f| f.kind == kind)
                .map(|f| f.value.trim())
                .filter(|v| !v.is_empty())
                .collect();
            (!v.is_empty()).then(|| {
                v.join(if kind == FieldKind::Product {
                    " "
                } else {
                    "; "
                })
            })
        };
        let executing = value(FieldKind::Executing);
        let mut lead = value(FieldKind::Lead);
        let mut coord = value(FieldKind::Coord);
        if let Some(ex) = executing {
            let (to, field, role) = if lead.is_some() {
                (&mut coord, "phoi_hop", "phối hợp")
            } else {
                (&mut lead, "chu_tri", "chủ trì")
            };
            *to = Some(to.take().map_or(ex.clone(), |v| format!("{v}; {ex}")));
            self.check(
                place.clone(),
                field,
                format!("dòng \"Cơ quan thực hiện: {ex}\" được ghi là đơn vị {role}."),
            );
        }
        for kind in [
            FieldKind::Lead,
            FieldKind::Coord,
            FieldKind::Product,
            FieldKind::Time,
        ] {
            let lines: Vec<&str> = rt
                .fields
                .iter()
                .filter(|f| f.kind == kind)
                .map(|f| f.label.as_str())
                .collect();
            if lines.len() > 1 {
                self.check(
                    place.clone(),
                    field_name(kind),
                    format!(
                        "văn bản có {} dòng \"{}\"; đã gộp lại.",
                        lines.len(),
                        lines.join("\", \"")
                    ),
                );
            }
        }
        let leads = self.names(&place, lead.as_deref().unwrap_or(""), true);
        let coords = self.names(&place, coord.as_deref().unwrap_or(""), false);
        let product = value(FieldKind::Product).unwrap_or_default();
        if product.is_empty() {
            self.decide(
                place.clone(),
                "san_pham",
                "văn bản không ghi sản phẩm.".into(),
            );
        }
        if rt.content.is_empty() {
            self.decide(
                place.clone(),
                "noi_dung",
                "văn bản không ghi nội dung nhiệm vụ.".into(),
            );
        }
        let time = value(FieldKind::Time).unwrap_or_default();
        let dated = dates::read_time_limit(&time, self.year, &rt.content);
        self.time_review(&place, &dated);
        // The plan file needs a lead; what the document does not name is said, not invented.
        let lead_other = leads
            .other
            .or_else(|| leads.refs.is_empty().then(|| NO_LEAD.to_string()));
        Task::from(TaskSpec {
            id,
            label,
            area,
            content: rt.content,
            lead_refs: leads.refs,
            lead_other,
            coord_refs: coords.refs,
            coord_other: coords.other,
            product,
            time_limit: dated.limit,
        })
        .with_units(self.reg)
    }

    /// Reads a names field and reports what it could not match.
    fn names(&mut self, place: &ReviewPlace, text: &str, lead: bool) -> Matched {
        let m = match_names(&self.index, text, lead);
        let (field, other_field) = if lead {
            ("chu_tri", "chu_tri_khac")
        } else {
            ("phoi_hop", "phoi_hop_khac")
        };
        for u in &m.unmatched {
            if u.generic && !lead {
                continue;
            }
            let closest = if u.closest.is_empty() {
                "không có tên nào gần giống".to_string()
            } else {
                format!("gần nhất: {}", u.closest.join("; "))
            };
            self.decide(
                place.clone(),
                field,
                format!(
                    "\"{}\" không có trong danh mục đơn vị (don-vi.yaml), đã ghi ở {other_field}; {closest}. Nếu là một đơn vị trong danh mục, thêm tên này vào ten_khac của đơn vị đó.",
                    u.text
                ),
            );
        }
        for (text, r) in &m.related {
            self.check(
                place.clone(),
                field,
                format!("\"{text}\" được hiểu là {}.", self.index.describe(*r)),
            );
        }
        for (text, candidates) in &m.ambiguous {
            self.decide(
                place.clone(),
                field,
                format!(
                    "\"{text}\" trùng tên của nhiều đơn vị, nhóm: {}; đã ghi ở {other_field}.",
                    candidates.join("; ")
                ),
            );
        }
        if lead && m.refs.is_empty() {
            self.decide(
                place.clone(),
                "chu_tri",
                "nhiệm vụ chưa có đơn vị chủ trì nào trong danh mục; báo cáo sẽ luôn ghi là chưa báo cáo.".into(),
            );
        }
        m
    }

    /// Review items of a time limit: each milestone, the recurring flag, what has no date.
    fn time_review(&mut self, place: &ReviewPlace, dated: &dates::Dated) {
        let text = &dated.limit.text;
        if text.is_empty() {
            self.decide(
                place.clone(),
                "thoi_han",
                "văn bản không ghi thời gian thực hiện.".into(),
            );
            return;
        }
        for (k, (m, r)) in dated
            .limit
            .milestones
            .iter()
            .zip(&dated.readings)
            .enumerate()
        {
            let year = if m.date.format("%Y").to_string() == self.year.to_string() {
                ""
            } else {
                " (khác năm của kế hoạch)"
            };
            let what = if r.what_from_text {
                format!("việc \"{}\"", m.what)
            } else {
                format!(
                    "việc lấy theo nội dung nhiệm vụ, nên viết gọn lại: \"{}\"",
                    crate::diagnostics::clip(&m.what)
                )
            };
            self.check(
                place.clone(),
                &format!("thoi_han.moc[{}]", k + 1),
                format!(
                    "\"{}\" → ngày {}{year} ({}); {what}.",
                    r.written,
                    dates::show(m.date),
                    r.rule.describe()
                ),
            );
        }
        if dated.sorted {
            self.check(
                place.clone(),
                "thoi_han.moc",
                "các mốc được xếp theo ngày (văn bản nêu theo thứ tự khác).".into(),
            );
        }
        match &dated.recurring_by {
            Some(w) if w != "thường xuyên" => self.check(
                place.clone(),
                "thoi_han.thuong_xuyen",
                format!("ghi là thường xuyên (true) vì văn bản có \"{w}\"."),
            ),
            _ => {}
        }
        if dated.limit.milestones.is_empty() && !dated.limit.recurring {
            self.decide(
                place.clone(),
                "thoi_han",
                format!(
                    "không xác định được ngày từ \"{text}\"; nhiệm vụ chưa có hạn. Thêm mốc (moc) có ngày, hoặc thuong_xuyen: true, nếu cần."
                ),
            );
        }
    }
}

fn field_name(kind: FieldKind) -> &'static str {
    match kind {
        FieldKind::Lead | FieldKind::Executing => "chu_tri",
        FieldKind::Coord => "phoi_hop",
        FieldKind::Product => "san_pham",
        FieldKind::Time => "thoi_han",
    }
}

#[cfg(test)]
pub(crate) mod tests;
