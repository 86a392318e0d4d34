//! The plan: tasks in seven areas, their lead and coordinating units (a mix of unit ids and
//! `@groups`) and their time limits, all drawn from the seed.

use crate::plan_text::{
    LEGAL, LEGAL_COMMON, OPENINGS, PRODUCTS, PURPOSES, SCOPES, TARGETS, TOPICS,
};
use crate::registry::{AREA_LEAD, SO, Unit};
use crate::rng::{Rng, S_PLAN};
use baocao::model::period::{last_day_of_month, ymd};
use baocao::render::format::{LETTERS, short_date};
use chrono::NaiveDate;

/// Tasks per area for 45 tasks (scaled for other counts).
const AREA_WEIGHTS: [usize; 7] = [7, 12, 6, 6, 4, 6, 4];

#[derive(Clone)]
pub enum Ref {
    Unit(usize),
    Group(&'static str),
}

pub struct Task {
    pub id: String,
    pub area: usize,
    pub topic: &'static str,
    pub content: String,
    pub lead: Vec<Ref>,
    pub coord: Vec<Ref>,
    pub coord_other: Option<&'static str>,
    pub product: &'static str,
    pub mo_ta: String,
    pub recurring: bool,
    pub moc: Vec<(NaiveDate, String)>,
}

impl Task {
    /// When the task is due: its last milestone; recurring without milestones → end of the
    /// NAM period.
    pub fn due(&self, year: i32) -> Option<NaiveDate> {
        match self.moc.last() {
            Some((d, _)) => Some(*d),
            None if self.recurring => Some(ymd(year, 12, 14)),
            None => None,
        }
    }
    /// Some(true) lead, Some(false) coordinator, None neither.
    pub fn role(&self, u: usize, unit: &Unit) -> Option<bool> {
        let hit = |refs: &[Ref]| {
            refs.iter().any(|r| match r {
                Ref::Unit(i) => *i == u,
                Ref::Group(g) => unit.in_group(g),
            })
        };
        if hit(&self.lead) {
            Some(true)
        } else if hit(&self.coord) {
            Some(false)
        } else {
            None
        }
    }
}

/// Largest-remainder split of `total` by `weights`.
fn split(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    let mut out: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let mut rem: Vec<(usize, usize)> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| (total * w % sum, i))
        .collect();
    rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = total - out.iter().sum::<usize>();
    for &(_, i) in rem.iter().take(missing) {
        out[i] += 1;
    }
    out
}

#[derive(Clone, Copy)]
enum Pat {
    /// lead dept + every department, public service unit and commune.
    Every,
    /// lead dept + communes and wards.
    LocalLead,
    /// lead dept + the procedure-handling departments + communes and wards.
    Procedures,
    /// lead dept + public service units.
    PublicService,
    /// lead dept, communes and wards coordinate.
    LocalCoord,
    /// wards lead.
    Wards,
    /// communes lead.
    Communes,
    /// lead dept, every department coordinates.
    DeptsCoord,
    /// one or two departments, two coordinators.
    Depts,
}

const PATTERNS: [(Pat, usize); 9] = [
    (Pat::Every, 8),
    (Pat::LocalLead, 4),
    (Pat::Procedures, 3),
    (Pat::PublicService, 4),
    (Pat::LocalCoord, 2),
    (Pat::Wards, 1),
    (Pat::Communes, 1),
    (Pat::DeptsCoord, 7),
    (Pat::Depts, 15),
];

fn push_sentence_parts(rng: &mut Rng, s: &mut String, parts: &[String], min: usize, max: usize) {
    let target = rng.range(min as i64, max as i64) as usize;
    for p in parts {
        if s.chars().count() >= target {
            break;
        }
        if s.chars().count() + p.chars().count() + 1 > max {
            continue;
        }
        s.push_str(p);
    }
}

/// Milestones of a task's time limit: (date, what is due).
type Milestones = Vec<(NaiveDate, String)>;

pub fn plan(tasks: usize, n_dept: usize, year: i32, seed: u64) -> Vec<Task> {
    let mut rng = Rng::stream(seed, &[S_PLAN, year as u64]);
    let n_areas = if tasks >= 7 { 7 } else { tasks };
    let per_area = split(tasks, &AREA_WEIGHTS[..n_areas]);
    let weights: Vec<usize> = PATTERNS.iter().map(|p| p.1).collect();
    let mut pats: Vec<Pat> = split(tasks, &weights)
        .into_iter()
        .enumerate()
        .flat_map(|(i, k)| std::iter::repeat_n(PATTERNS[i].0, k))
        .collect();
    rng.shuffle(&mut pats);
    let mut out = Vec::with_capacity(tasks);
    for (area, &count) in per_area.iter().enumerate() {
        let topic0 = rng.below(TOPICS[area].len());
        for k in 0..count {
            let topic = TOPICS[area][(topic0 + k) % TOPICS[area].len()];
            let content = task_content(&mut rng, area, topic);
            let (lead, coord) = task_units(&mut rng, pats[out.len()], area, n_dept);
            let coord_other = rng
                .chance(0.4)
                .then_some("Các cơ quan, đơn vị có liên quan");
            let (mo_ta, recurring, moc) = time_limit(&mut rng, year);
            out.push(Task {
                id: format!("{}.{}", area + 1, task_letter(k)),
                area,
                topic,
                content,
                lead,
                coord,
                coord_other,
                product: PRODUCTS[area][rng.below(PRODUCTS[area].len())],
                mo_ta,
                recurring,
                moc,
            });
        }
    }
    out
}

/// The letter of the `k`-th task of an area.
fn task_letter(k: usize) -> String {
    // Past "y": "a1", "b1", … (not format::letter's "aa"), so ids stay as they were.
    if k < LETTERS.len() {
        LETTERS[k].to_string()
    } else {
        format!("{}{}", LETTERS[k % LETTERS.len()], k / LETTERS.len())
    }
}

/// What the task is: a sentence of 150..400 characters about `topic`.
fn task_content(rng: &mut Rng, area: usize, topic: &str) -> String {
    let mut content = format!("{} {} {}", rng.pick(&OPENINGS), topic, rng.pick(&SCOPES));
    let legal = if rng.chance(0.5) {
        *rng.pick(LEGAL[area])
    } else {
        *rng.pick(&LEGAL_COMMON)
    };
    let parts = [
        format!(" theo {legal}"),
        format!(", {}", rng.pick(&PURPOSES)),
        format!(". {}", rng.pick(TARGETS[area])),
        format!("; {}", rng.pick(&PURPOSES)),
    ];
    push_sentence_parts(rng, &mut content, &parts, 150, 399);
    while content.chars().count() < 150 {
        content.push_str(", đáp ứng yêu cầu nhiệm vụ được giao");
    }
    content.push('.');
    content
}

/// The lead and coordinating units of a task of `area` with pattern `pat`.
fn task_units(rng: &mut Rng, pat: Pat, area: usize, n_dept: usize) -> (Vec<Ref>, Vec<Ref>) {
    let area_lead = if rng.chance(0.7) {
        AREA_LEAD[area]
    } else {
        rng.below(SO.len())
    };
    let lead_dept = Ref::Unit(area_lead);
    let other = |rng: &mut Rng, not: &[usize]| loop {
        let d = if rng.chance(0.6) {
            rng.below(SO.len())
        } else {
            rng.below(n_dept)
        };
        if !not.contains(&d) {
            return d;
        }
    };
    let g = Ref::Group;
    match pat {
        Pat::Every => (
            vec![
                lead_dept,
                g("co-quan-chuyen-mon"),
                g("don-vi-su-nghiep"),
                g("xa-phuong"),
            ],
            vec![],
        ),
        Pat::LocalLead => (
            vec![lead_dept, g("xa-phuong")],
            vec![Ref::Unit(other(rng, &[area_lead]))],
        ),
        Pat::Procedures => (
            vec![lead_dept, g("co-quan-giai-quyet-tthc"), g("xa-phuong")],
            vec![Ref::Unit(other(rng, &[area_lead]))],
        ),
        Pat::PublicService => (
            vec![lead_dept, g("don-vi-su-nghiep")],
            vec![Ref::Unit(other(rng, &[area_lead]))],
        ),
        Pat::LocalCoord => (vec![lead_dept], vec![g("xa-phuong")]),
        Pat::Wards => (vec![g("phuong")], vec![lead_dept]),
        Pat::Communes => {
            let d2 = other(rng, &[area_lead]);
            (vec![g("xa")], vec![lead_dept, Ref::Unit(d2)])
        }
        Pat::DeptsCoord => (vec![lead_dept], vec![g("co-quan-chuyen-mon")]),
        Pat::Depts => {
            let mut lead = vec![lead_dept];
            let mut taken = vec![area_lead];
            if rng.chance(0.5) {
                let d = other(rng, &taken);
                taken.push(d);
                lead.push(Ref::Unit(d));
            }
            let c1 = other(rng, &taken);
            taken.push(c1);
            let c2 = other(rng, &taken);
            (lead, vec![Ref::Unit(c1), Ref::Unit(c2)])
        }
    }
}

/// A task's time limit: its description (`mo_ta`), whether it is recurring, its milestones.
fn time_limit(rng: &mut Rng, year: i32) -> (String, bool, Milestones) {
    let r = rng.unit();
    if r < 0.40 {
        (format!("Thường xuyên trong năm {year}."), true, vec![])
    } else if r < 0.50 {
        let moc = vec![
            (ymd(year, 3, 10), "Báo cáo kết quả quý I".to_string()),
            (ymd(year, 6, 10), "Báo cáo kết quả 6 tháng".to_string()),
            (ymd(year, 9, 10), "Báo cáo kết quả 9 tháng".to_string()),
            (ymd(year, 12, 10), "Báo cáo kết quả năm".to_string()),
        ];
        (
            "Thường xuyên; báo cáo định kỳ trước ngày 10 của tháng cuối quý.".to_string(),
            true,
            moc,
        )
    } else if r < 0.90 {
        let moc = milestones(rng, year);
        let mo_ta = if moc.len() == 1 {
            format!("Hoàn thành trước ngày {}.", short_date(moc[0].0))
        } else {
            let parts: Vec<String> = moc
                .iter()
                .map(|(d, w)| format!("{} trước ngày {}", w, short_date(*d)))
                .collect();
            format!("{}.", parts.join("; "))
        };
        (mo_ta, false, moc)
    } else {
        (
            "Theo tiến độ, hướng dẫn của Trung ương và của tỉnh.".to_string(),
            false,
            vec![],
        )
    }
}

/// One to three milestones in distinct months of `year`, the last one being the deadline.
fn milestones(rng: &mut Rng, year: i32) -> Milestones {
    let n = rng.range(1, 3) as usize;
    let mut months: Vec<u32> = (0..n).map(|_| rng.range(1, 12) as u32).collect();
    months.sort();
    months.dedup();
    let whats = [
        "Ban hành kế hoạch triển khai",
        "Hoàn thành và báo cáo kết quả",
        "Tổng kết, đánh giá",
    ];
    months
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            let d = if rng.chance(0.5) {
                last_day_of_month(year, m)
            } else {
                ymd(year, m, 15)
            };
            let what = if i + 1 == months.len() {
                whats[1]
            } else {
                whats[i.min(2)]
            };
            (d, what.to_string())
        })
        .collect()
}
