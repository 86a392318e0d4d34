//! Submissions: one unit's report for one period, drawn from the seed (tasks, indicator
//! values, difficulties, proposals), and its YAML text.

use crate::indicators::{IKind, INDICATORS, reports_indicator};
use crate::periods::{deadline, months};
use crate::plan::Task;
use crate::registry::Unit;
use crate::rng::{Rng, S_DILIGENCE, S_MISSING, S_SUB};
use crate::text::{
    Ctx, FAMILY, GIVEN, KHO_KHAN, KIEN_NGHI, MIDDLE, PHUONG_HUONG, REASONS, date_between,
};
use baocao::model::period::{CutOff, Period, ymd};
use baocao::model::status::Status;
use baocao::render::format::{short_date, upper_first};
use chrono::{NaiveDate, TimeDelta};
use std::collections::HashMap;
use std::fmt::Write as _;

#[derive(Clone)]
pub struct Entry {
    pub ma: String,
    pub status: String,
    pub tien_do: Option<i64>,
    pub ket_qua_key: &'static str,
    pub ket_qua: String,
    /// Written unquoted (the broken-yaml fault).
    pub ket_qua_plain: bool,
    /// The status drawn, as an index of `Status::REPORTABLE` (`status` is its YAML text).
    pub state: usize,
    pub san_pham: Vec<(String, NaiveDate, String)>,
    pub kho_khan: Option<String>,
}

#[derive(Clone)]
pub struct Sub {
    pub header: String,
    pub don_vi: String,
    pub ky: String,
    pub date: String,
    pub nguoi_lap: String,
    pub so_ky_hieu: String,
    pub tasks: Vec<Entry>,
    pub chi_tieu: Vec<(&'static str, String)>,
    pub chi_dao: String,
    pub kho_khan: Vec<String>,
    pub kien_nghi: Vec<String>,
    pub phuong_huong: Vec<String>,
}

/// A YAML double-quoted string.
pub fn q(s: &str) -> String {
    baocao::render::forms::quote(s)
}

impl Sub {
    pub fn to_yaml(&self) -> String {
        let mut y = String::with_capacity(12 * 1024);
        let _ = writeln!(y, "# {}", self.header);
        let _ = writeln!(y, "don_vi: {}", self.don_vi);
        let _ = writeln!(y, "ky_bao_cao: {}", self.ky);
        let _ = writeln!(y, "ngay_bao_cao: {}", self.date);
        let _ = writeln!(y, "nguoi_lap: {}", q(&self.nguoi_lap));
        let _ = writeln!(y, "so_ky_hieu: {}", q(&self.so_ky_hieu));
        if !self.tasks.is_empty() {
            y.push_str("nhiem_vu:\n");
        }
        for t in &self.tasks {
            let _ = writeln!(y, "  - ma: {}", q(&t.ma));
            let _ = writeln!(y, "    trang_thai: {}", t.status);
            if let Some(p) = t.tien_do {
                let _ = writeln!(y, "    tien_do: {p}");
            }
            if t.ket_qua_plain {
                let _ = writeln!(y, "    {}: {}", t.ket_qua_key, t.ket_qua);
            } else {
                let _ = writeln!(y, "    {}: {}", t.ket_qua_key, q(&t.ket_qua));
            }
            if !t.san_pham.is_empty() {
                y.push_str("    san_pham:\n");
                for (so, d, trich) in &t.san_pham {
                    let _ = writeln!(y, "      - so_ky_hieu: {}", q(so));
                    let _ = writeln!(y, "        ngay: {d}");
                    let _ = writeln!(y, "        trich_yeu: {}", q(trich));
                }
            }
            if let Some(k) = &t.kho_khan {
                let _ = writeln!(y, "    kho_khan: {}", q(k));
            }
        }
        if !self.chi_tieu.is_empty() {
            y.push_str("chi_tieu:\n");
            for (k, v) in &self.chi_tieu {
                let _ = writeln!(y, "  {k}: {v}");
            }
        }
        let _ = writeln!(y, "chi_dao_dieu_hanh: {}", q(&self.chi_dao));
        for (key, list) in [
            ("kho_khan", &self.kho_khan),
            ("kien_nghi", &self.kien_nghi),
            ("phuong_huong", &self.phuong_huong),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(y, "{key}:");
            for s in list {
                let _ = writeln!(y, "  - {}", q(s));
            }
        }
        y
    }
}

pub struct World {
    pub seed: u64,
    pub units: Vec<Unit>,
    /// Plan per year.
    pub plans: HashMap<i32, Vec<Task>>,
    pub periods: Vec<Period>,
    /// `--workbooks`: submissions without an injected fault are written as workbook forms.
    pub workbooks: bool,
}

impl World {
    /// Tasks the unit leads or coordinates in the plan of `year`.
    pub fn tasks_of(&self, u: usize, year: i32) -> Vec<usize> {
        let unit = &self.units[u];
        self.plans[&year]
            .iter()
            .enumerate()
            .filter(|(_, t)| t.role(u, unit).is_some())
            .map(|(i, _)| i)
            .collect()
    }

    pub fn missing(&self, u: usize, p: usize) -> bool {
        Rng::stream(self.seed, &[S_MISSING, u as u64, p as u64]).chance(0.10)
    }

    /// The normal submission of unit `u` for period `p`.
    pub fn submission(&self, u: usize, p: usize) -> Sub {
        let unit = &self.units[u];
        let period = self.periods[p];
        let mut rng = Rng::stream(self.seed, &[S_SUB, u as u64, p as u64]);
        let end = period.end(CutOff::Nd09);
        let deadline = deadline(period);
        let date = if rng.chance(0.025) {
            deadline + TimeDelta::days(rng.range(1, 12))
        } else {
            date_between(&mut rng, end - TimeDelta::days(6), deadline)
        };
        let ctx = Ctx {
            unit,
            period,
            from: period.start(CutOff::Nd09) + TimeDelta::days(3),
            to: date.min(end),
            units: &self.units,
        };
        let date_text = if rng.chance(0.1) {
            short_date(date)
        } else {
            date.to_string()
        };
        let tasks = self
            .tasks_of(u, period.year)
            .into_iter()
            .map(|t| self.entry(&mut rng, &ctx, u, t))
            .collect();
        let chi_tieu = self.indicator_values(&mut rng, u, period);
        let (kho_khan, kien_nghi, phuong_huong) = closing_lists(&mut rng, unit, period.year);
        let nguoi_lap = format!(
            "{} {} {}",
            rng.pick(&FAMILY),
            rng.pick(&MIDDLE),
            rng.pick(&GIVEN)
        );
        let so_ky_hieu = format!("{}/BC-{}", rng.range(1, 400), unit.abbr);
        let chi_dao = ctx.direction(&mut rng);
        Sub {
            header: format!(
                "Báo cáo kết quả thực hiện công tác CCHC {} - {}",
                period.display_name(),
                unit.name
            ),
            don_vi: unit.id.clone(),
            ky: period.code(),
            date: date_text,
            nguoi_lap,
            so_ky_hieu,
            tasks,
            chi_tieu,
            chi_dao,
            kho_khan,
            kien_nghi,
            phuong_huong,
        }
    }

    /// What unit `u` reports on task `t` of the plan of `ctx.period`.
    fn entry(&self, rng: &mut Rng, ctx: &Ctx, u: usize, t: usize) -> Entry {
        let period = ctx.period;
        let task = &self.plans[&period.year][t];
        let end = period.end(CutOff::Nd09);
        let year_len = 365.0;
        let elapsed = ((end - ymd(period.year - 1, 12, 15)).num_days() as f64 / year_len).min(1.0);
        let diligence =
            Rng::stream(self.seed, &[S_DILIGENCE, u as u64, t as u64]).uniform(0.75, 1.15);
        let status = draw_status(rng.unit(), task, period.year, end);
        let tien_do = match status {
            0 => Some(100),
            1 => {
                let base = if task.recurring {
                    elapsed * 100.0 * diligence
                } else {
                    rng.uniform(15.0, 90.0)
                };
                Some(((base / 5.0).round() as i64 * 5).clamp(5, 95))
            }
            2 => Some(rng.range(2, 14) * 5),
            _ => Some(0),
        }
        .filter(|_| !rng.chance(0.08));
        let status_text = if rng.chance(0.03) {
            q(Status::REPORTABLE[status].label())
        } else {
            Status::REPORTABLE[status].code().to_string()
        };
        let reason = *rng.pick(&REASONS);
        let ket_qua = ctx.result(rng, task, status, reason);
        let n_products = match status {
            0 if rng.chance(0.5) => rng.range(1, 2),
            1 if rng.chance(0.25) => 1,
            _ => 0,
        };
        let san_pham = (0..n_products).map(|_| ctx.product(rng, task)).collect();
        let kho_khan =
            (status == 2 || rng.chance(0.05)).then(|| format!("{}.", upper_first(reason)));
        Entry {
            ma: task.id.clone(),
            status: status_text,
            tien_do,
            ket_qua_key: "ket_qua",
            ket_qua,
            ket_qua_plain: false,
            state: status,
            san_pham,
            kho_khan,
        }
    }

    /// The values unit `u` reports for `period`, in catalogue order.
    fn indicator_values(
        &self,
        rng: &mut Rng,
        u: usize,
        period: Period,
    ) -> Vec<(&'static str, String)> {
        let unit = &self.units[u];
        let mut values: HashMap<&str, i64> = HashMap::new();
        let mut chi_tieu = Vec::new();
        let months = months(period);
        for ind in &INDICATORS {
            if !reports_indicator(ind, u, unit, &self.units) {
                continue;
            }
            let v = match ind.kind {
                IKind::Flow(per_month) => {
                    let x = per_month * months * unit.size * rng.uniform(0.6, 1.4);
                    (x + rng.unit()).floor() as i64
                }
                IKind::Stock(lo, hi) => {
                    Rng::stream(self.seed, &[S_DILIGENCE, u as u64, 1 << 32]).range(lo, hi)
                }
                IKind::Part(of, lo, hi) => {
                    let parent = values.get(of).copied().unwrap_or(0);
                    // Stochastic rounding, never above the parent.
                    let x = parent as f64 * rng.uniform(lo, hi) + rng.unit();
                    (x.floor() as i64).min(parent)
                }
                IKind::Diff(a, b) => {
                    values.get(a).copied().unwrap_or(0) - values.get(b).copied().unwrap_or(0)
                }
                IKind::Ratio(..) => unreachable!(),
            };
            values.insert(ind.ma, v);
            chi_tieu.push((ind.ma, v.to_string()));
        }
        chi_tieu
    }
}

/// The status of a task drawn from `r` in [0, 1): 0 hoàn thành, 1 đang, 2 chậm, 3 chưa.
fn draw_status(r: f64, task: &Task, year: i32, end: NaiveDate) -> usize {
    let due = task.due(year);
    let started = task.moc.first().is_some_and(|(d, _)| *d <= end);
    match due {
        Some(d) if d <= end => {
            if r < 0.82 {
                0
            } else if r < 0.93 {
                2
            } else {
                1
            }
        }
        _ if task.recurring => {
            if r < 0.92 {
                1
            } else {
                2
            }
        }
        Some(_) if started => {
            if r < 0.8 {
                1
            } else {
                2
            }
        }
        Some(_) => {
            if r < 0.45 {
                3
            } else if r < 0.95 {
                1
            } else {
                0
            }
        }
        None => {
            if r < 0.7 {
                1
            } else {
                3
            }
        }
    }
}

/// The closing lists of a report: difficulties, proposals and directions for the next period.
fn closing_lists(rng: &mut Rng, unit: &Unit, year: i32) -> (Vec<String>, Vec<String>, Vec<String>) {
    let year = year.to_string();
    let mut kho_khan: Vec<String> = Vec::new();
    for _ in 0..rng.range(1, 3) {
        let s = rng.pick(&KHO_KHAN).to_string();
        if !kho_khan.contains(&s) {
            kho_khan.push(s);
        }
    }
    let mut kien_nghi: Vec<String> = Vec::new();
    for _ in 0..rng.range(0, 2) {
        let s = rng.pick(&KIEN_NGHI).to_string();
        // Nobody petitions itself.
        if !kien_nghi.contains(&s) && !s.contains(&unit.name) {
            kien_nghi.push(s);
        }
    }
    let mut phuong_huong: Vec<String> = Vec::new();
    for _ in 0..rng.range(2, 4) {
        let s = rng.pick(&PHUONG_HUONG).replace("{y}", &year);
        if !phuong_huong.contains(&s) {
            phuong_huong.push(s);
        }
    }
    (kho_khan, kien_nghi, phuong_huong)
}
