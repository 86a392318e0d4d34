//! The command line: usage text, options, and the marker line that identifies a folder
//! written with given options.

use crate::periods::parse_period;
use baocao::model::period::Period;
use std::path::PathBuf;

pub const USAGE: &str = "\
gen: synthetic data folders for baocao's benchmark (BENCHMARKS.md)

usage: cargo run --release --example gen -- [options] DIR

options:
  --units N          number of reporting units (default 1000, at least 50)
  --tasks N          number of plan tasks (default 45)
  --seed N           seed of the generator (default 1)
  --periods LIST     comma-separated periods (default 2024-Q1,2024-6T)
  --workbooks        write each submission that carries no injected fault as the unit's
                     filled workbook form (nop/<unit>/<same name>.xlsx, laid out as
                     baocao::model::form says) instead of YAML, with the same answers;
                     faulted submissions stay YAML
  --marker           print the first line of DIR/.gen these options would write, and
                     exit (scripts/bench.sh uses it to decide whether DIR can be reused)
  -h, --help         this help

DIR must be empty, missing, or a folder this generator wrote before (it is replaced).";

/// Version of the output format: bump it when the generator's output changes, so that
/// scripts/bench.sh does not reuse a stale folder. 3: the marker says whether submissions
/// are workbooks (`--workbooks`), so that a folder of one kind is never reused as the other.
const FORMAT: u32 = 3;

pub struct Args {
    pub units: usize,
    pub tasks: usize,
    pub seed: u64,
    pub periods: Vec<Period>,
    pub dir: PathBuf,
    /// `--marker`: print the first line of `DIR/.gen` these arguments would write, and exit.
    pub marker_only: bool,
    /// `--workbooks`: faultless submissions as workbook forms (`.xlsx`).
    pub workbooks: bool,
}

pub fn parse_args() -> Result<Args, String> {
    let mut units = 1000;
    let mut tasks = 45;
    let mut seed = 1;
    let mut periods = "2024-Q1,2024-6T".to_string();
    let mut dir = None;
    let mut marker_only = false;
    let mut workbooks = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--units" => {
                units = val("--units")?
                    .parse()
                    .map_err(|e| format!("--units: {e}"))?
            }
            "--tasks" => {
                tasks = val("--tasks")?
                    .parse()
                    .map_err(|e| format!("--tasks: {e}"))?
            }
            "--seed" => seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--periods" => periods = val("--periods")?,
            "--marker" => marker_only = true,
            "--workbooks" => workbooks = true,
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s => {
                if dir.replace(PathBuf::from(s)).is_some() {
                    return Err("only one DIR".into());
                }
            }
        }
    }
    if units < 50 {
        return Err("--units must be at least 50".into());
    }
    if tasks == 0 {
        return Err("--tasks must be at least 1".into());
    }
    let mut ps = Vec::new();
    for s in periods.split(',').filter(|s| !s.trim().is_empty()) {
        let p = parse_period(s).ok_or(format!("bad period '{s}' (e.g. 2024-Q1, 2024-6T)"))?;
        if !ps.contains(&p) {
            ps.push(p);
        }
    }
    if ps.is_empty() {
        return Err("--periods is empty".into());
    }
    Ok(Args {
        units,
        tasks,
        seed,
        periods: ps,
        dir: dir.ok_or("missing DIR")?,
        marker_only,
        workbooks,
    })
}

pub fn marker(a: &Args) -> String {
    let ps: Vec<String> = a.periods.iter().map(|p| p.code()).collect();
    format!(
        "gen format={FORMAT} units={} tasks={} seed={} periods={} workbooks={}",
        a.units,
        a.tasks,
        a.seed,
        ps.join(","),
        if a.workbooks { "yes" } else { "no" }
    )
}
