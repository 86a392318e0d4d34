//! Injected problems: which unit's file gets which fault in each period, and the files of a
//! unit's folder for a period, with its fault applied.

use crate::rng::{Rng, S_FAULT, S_SUB};
use crate::submissions::{Sub, World, q};
use crate::workbook;
use baocao::input::values;
use baocao::model::period::Period;
use chrono::TimeDelta;
use std::collections::HashMap;
use std::fmt::Write as _;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Fault {
    UnknownTask,
    BadStatus,
    BadProgress,
    RatioSubmitted,
    Negative,
    BadDate,
    MisspeltKey,
    DuplicateTask,
    WrongFolder,
    Empty,
    Tie,
    BrokenYaml,
    NoPlanYear,
    /// Not an error: a second, later valid file.
    Resubmitted,
    /// Not an error: a lock file, a hidden file and a note, all skipped.
    Skipped,
}

impl Fault {
    fn name(self) -> &'static str {
        match self {
            Fault::UnknownTask => "unknown-task",
            Fault::BadStatus => "bad-status",
            Fault::BadProgress => "bad-progress",
            Fault::RatioSubmitted => "ratio-submitted",
            Fault::Negative => "negative",
            Fault::BadDate => "bad-date",
            Fault::MisspeltKey => "misspelt-key",
            Fault::DuplicateTask => "duplicate-task",
            Fault::WrongFolder => "wrong-folder",
            Fault::Empty => "empty",
            Fault::Tie => "tie",
            Fault::BrokenYaml => "broken-yaml",
            Fault::NoPlanYear => "no-plan-year",
            Fault::Resubmitted => "resubmitted (valid)",
            Fault::Skipped => "skipped files (valid)",
        }
    }
    fn errors(self) -> usize {
        match self {
            Fault::Tie => 2,
            Fault::Resubmitted | Fault::Skipped => 0,
            _ => 1,
        }
    }
}

const EVERY_PERIOD: [Fault; 11] = [
    Fault::UnknownTask,
    Fault::BadStatus,
    Fault::BadProgress,
    Fault::RatioSubmitted,
    Fault::Negative,
    Fault::BadDate,
    Fault::MisspeltKey,
    Fault::DuplicateTask,
    Fault::WrongFolder,
    Fault::Empty,
    Fault::Tie,
];

pub fn assign_faults(w: &World) -> HashMap<(usize, usize), Fault> {
    let mut out = HashMap::new();
    let n = w.units.len();
    for p in 0..w.periods.len() {
        let mut rng = Rng::stream(w.seed, &[S_FAULT, p as u64]);
        let mut kinds: Vec<Fault> = EVERY_PERIOD.to_vec();
        if p == 0 {
            kinds.extend([Fault::BrokenYaml, Fault::NoPlanYear, Fault::Skipped]);
        }
        kinds.extend(std::iter::repeat_n(Fault::Resubmitted, (n / 2000).max(1)));
        let year = w.periods[p].year;
        for f in kinds {
            for _ in 0..10 * n {
                let u = rng.below(n);
                if w.missing(u, p) || out.contains_key(&(u, p)) || w.tasks_of(u, year).is_empty() {
                    continue;
                }
                out.insert((u, p), f);
                break;
            }
        }
    }
    out
}

/// A file of a unit's folder: (path relative to nop/<unit>/, content).
type File = (String, Vec<u8>);

/// The files of unit `u` for period `p`. With `--workbooks`, a file without a fault is the
/// unit's workbook form under the same name (`.xlsx`); a faulted one stays YAML.
pub fn files_of(w: &World, u: usize, p: usize, fault: Option<Fault>) -> Vec<File> {
    let period = w.periods[p];
    let code = period.code();
    let mut rng = Rng::stream(w.seed, &[S_SUB, u as u64, p as u64, 99]);
    let mut sub = w.submission(u, p);
    let mut name = match rng.below(100) {
        0..=1 => format!("nam-{}/{code}.yaml", period.year),
        2..=3 => format!("{code}.yml"),
        4 => format!("BC-CCHC-{code}.YAML"),
        _ => format!("{code}.yaml"),
    };
    let extra = match fault {
        None if w.workbooks => {
            return vec![(
                workbook::xlsx_name(&name),
                workbook::workbook(w, u, p, &sub),
            )];
        }
        None => Vec::new(),
        Some(Fault::Empty) => return vec![empty_file(w, u, period)],
        Some(
            f @ (Fault::WrongFolder
            | Fault::Tie
            | Fault::NoPlanYear
            | Fault::Resubmitted
            | Fault::Skipped),
        ) => extra_files(w, u, p, f, &mut rng, &mut sub, &mut name),
        Some(f) => {
            spoil(w, u, period, f, &mut rng, &mut sub);
            Vec::new()
        }
    };
    let mut out = vec![(name, sub.to_yaml().into_bytes())];
    out.extend(extra);
    out
}

/// Applies a fault that only changes the content of the submission.
fn spoil(w: &World, u: usize, period: Period, fault: Fault, rng: &mut Rng, sub: &mut Sub) {
    match fault {
        Fault::UnknownTask => {
            let i = rng.below(sub.tasks.len());
            let ma = sub.tasks[i].ma.clone();
            let letter = ma.rsplit('.').next().unwrap_or("a").to_string();
            sub.tasks[i].ma = format!("{ma}{letter}");
        }
        Fault::BadStatus => {
            let i = rng.below(sub.tasks.len());
            sub.tasks[i].status = q("xong");
        }
        Fault::BadProgress => {
            let i = rng.below(sub.tasks.len());
            sub.tasks[i].tien_do = Some(120);
        }
        Fault::RatioSubmitted => sub.chi_tieu.push(("ty_le_vb_ky_so", "87.5".into())),
        Fault::Negative => {
            if let Some(first) = sub.chi_tieu.first_mut() {
                first.1 = format!("-{}", rng.range(1, 40));
            }
        }
        Fault::BadDate => sub.date = format!("30/02/{}", period.year),
        Fault::MisspeltKey => {
            let i = rng.below(sub.tasks.len());
            sub.tasks[i].ket_qua_key = "ket_qa";
        }
        Fault::DuplicateTask => {
            let i = rng.below(sub.tasks.len());
            let dup = sub.tasks[i].clone();
            sub.tasks.push(dup);
        }
        Fault::BrokenYaml => {
            let i = rng.below(sub.tasks.len());
            sub.tasks[i].ket_qua_plain = true;
            sub.tasks[i].ket_qua = format!(
                "Đã ban hành Kế hoạch: số {}/KH-{} về cải cách hành chính",
                rng.range(1, 99),
                w.units[u].abbr
            );
        }
        Fault::WrongFolder
        | Fault::Empty
        | Fault::Tie
        | Fault::NoPlanYear
        | Fault::Resubmitted
        | Fault::Skipped => unreachable!("{fault:?} does more than change the content"),
    }
}

/// Applies a fault that renames the submission's file or adds files next to it; returns
/// the added files.
fn extra_files(
    w: &World,
    u: usize,
    p: usize,
    fault: Fault,
    rng: &mut Rng,
    sub: &mut Sub,
    name: &mut String,
) -> Vec<File> {
    let period = w.periods[p];
    let code = period.code();
    let mut extra: Vec<File> = Vec::new();
    match fault {
        Fault::WrongFolder => {
            let other = (u + 1 + rng.below(w.units.len() - 1)) % w.units.len();
            let theirs = w.submission(other, p);
            extra.push((
                format!("{}-{code}.yaml", w.units[other].id),
                theirs.to_yaml().into_bytes(),
            ));
        }
        Fault::Tie => {
            let mut second = sub.clone();
            second.header.push_str(" (bổ sung)");
            if let Some(t) = second.tasks.first_mut() {
                t.ket_qua = format!("{} Bổ sung số liệu theo yêu cầu của Sở Nội vụ.", t.ket_qua);
            }
            *name = format!("{code}.yaml");
            extra.push((
                format!("{code}-bo-sung.yaml"),
                second.to_yaml().into_bytes(),
            ));
        }
        Fault::NoPlanYear => {
            // Last year's report, for a year that has no plan here.
            let year = w.plans.keys().min().copied().unwrap_or(period.year) - 1;
            let mut old = sub.clone();
            old.ky = format!("{year}-Q4");
            old.date = format!("{year}-12-16");
            extra.push((format!("{year}-Q4.yaml"), old.to_yaml().into_bytes()));
        }
        Fault::Resubmitted => {
            let first = sub.clone();
            // The first file is a day or more older than the second (which wins).
            let later = values::date(&sub.date, "ngay_bao_cao").expect("generated date")
                + TimeDelta::days(rng.range(1, 5));
            sub.date = later.to_string();
            *name = format!("{code}-lan-2.yaml");
            extra.push((format!("{code}.yaml"), {
                let mut f = first;
                f.date = (later - TimeDelta::days(rng.range(1, 4) + 1)).to_string();
                f.to_yaml().into_bytes()
            }));
        }
        Fault::Skipped => {
            extra.push((
                format!("~${code}.yaml"),
                vec![0xff, 0xfe, 0x00, 0x13, 0x37, 0x00],
            ));
            extra.push((".ghi-chu.yaml".into(), b"not: [valid\n".to_vec()));
            extra.push((
                "ghi-chu.txt".into(),
                "Bản chính đã gửi qua Hệ thống quản lý văn bản.\n"
                    .as_bytes()
                    .to_vec(),
            ));
        }
        _ => unreachable!("{fault:?} only changes the content"),
    }
    extra
}

/// The file of the empty fault: comments only.
fn empty_file(w: &World, u: usize, period: Period) -> File {
    (
        format!("{}.yaml", period.code()),
        format!(
            "# Báo cáo kết quả thực hiện công tác CCHC {} - {}\n# (đơn vị chưa điền nội dung)\n\n",
            period.display_name(),
            w.units[u].name
        )
        .into_bytes(),
    )
}

/// The list of injected faults, one line each, by period then unit, and the number of
/// errors `baocao check` should report for them.
pub fn report(w: &World, faults: &HashMap<(usize, usize), Fault>) -> (String, usize) {
    let mut list: Vec<(&(usize, usize), &Fault)> = faults.iter().collect();
    list.sort_by_key(|((u, p), _)| (*p, *u));
    let mut report = String::new();
    let mut errors = 0;
    for ((u, p), f) in &list {
        errors += f.errors();
        let _ = writeln!(
            report,
            "{} {} nop/{}/ {}",
            w.periods[*p].code(),
            if f.errors() > 0 { "error" } else { "valid" },
            w.units[*u].id,
            f.name()
        );
    }
    (report, errors)
}
