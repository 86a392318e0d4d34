//! Synthetic province-sized data folders for the benchmark of issue 7 (see BENCHMARKS.md).
//!
//! ```text
//! cargo run --release --example gen -- --units 10000 --tasks 45 [--seed N] \
//!     [--periods 2024-Q1,2024-6T] [--workbooks] DIR
//! ```
//!
//! Writes a data folder as baocao reads it: `DIR/cau-hinh.yaml`, `DIR/don-vi.yaml` (the
//! units in six groups: provincial departments and district offices, public service units,
//! wards, communes, and the unions the plan refers to), `DIR/ke-hoach/<year>.yaml` (the
//! requested number of tasks in seven areas; leads are a mix of unit ids and `@groups`, so
//! that the tasks led by `@xa-phuong` have thousands of lead units), `DIR/chi-tieu.yaml`
//! (42 indicators, sums and ratios) and `DIR/nop/<unit>/<KY>.yaml`, one submission per unit
//! and requested period. Everything is derived from `--seed` with a SplitMix64 generator,
//! so the same arguments give byte-identical folders; files are written in parallel.
//!
//! Realistic noise that is *not* an error: about 10 % of the units have no file in a period;
//! about 2.5 % report late (`ngay_bao_cao` after the deadline); some write dates as
//! `dd/mm/yyyy`, statuses as Vietnamese labels ("Hoàn thành"), use `.yml`, or keep their
//! file in a sub-folder (`nop/<unit>/nam-2024/`); one unit in 2,000 resubmits (a second
//! valid file with a later date, which wins); in the first period one unit's folder also
//! holds an Office lock file (`~$…`), a hidden file and a `.txt` note, which are skipped.
//!
//! Injected errors: one file of each kind below per period, on distinct units chosen from
//! the seed; the generator prints the list (and writes it to `DIR/.gen`). They are the only
//! diagnostics `baocao check --data DIR` should report: 12 errors per period plus 2 in the
//! first period, i.e. 26 for the default two periods.
//!
//! | kind            | what the file does wrong                                | expected code      |
//! | --------------- | ------------------------------------------------------- | ------------------ |
//! | unknown-task    | a task id that is not in the plan ("2.c" typed "2.cc")  | nhiem-vu-la        |
//! | bad-status      | `trang_thai: "xong"`                                    | trang-thai-la      |
//! | bad-progress    | `tien_do: 120`                                          | tien-do-sai        |
//! | ratio-submitted | a `ty_le` indicator submitted                           | ty-le-nop          |
//! | negative        | a negative count                                        | so-am              |
//! | bad-date        | `ngay_bao_cao: 30/02/<year>`                            | impossible date    |
//! | misspelt-key    | `ket_qa:` instead of `ket_qua:`                         | unknown key        |
//! | duplicate-task  | the same task twice in one file                         | nhiem-vu-lap       |
//! | wrong-folder    | another unit's report copied into this unit's folder    | sai-thu-muc        |
//! | empty           | a file of comments only                                 | tep-rong           |
//! | tie             | two valid files with the same `ngay_bao_cao` (2 errors) | tie (mâu thuẫn)    |
//! | broken-yaml     | first period only: an unquoted "a: b" inside `ket_qua`  | YAML syntax        |
//! | no-plan-year    | first period only: a `…-Q4` of a year that has no plan  | khong-co-ke-hoach  |
//!
//! `--workbooks`: every submission that carries no injected fault is written as the unit's
//! filled workbook form, `nop/<unit>/<same name>.xlsx` instead of `.yaml` (`.yml`, `.YAML`),
//! with exactly the same answers, laid out as `baocao::model::form` says (module
//! `workbook`): header answers right of their labels on the tasks sheet, one row per task of
//! the unit, the documents, indicators and narrative sheets, and the hidden sheet `baocao`.
//! The cells are typed as a clerk's spreadsheet types them, drawn from the seed: the report
//! date a date cell or the text "12/03/2024", numbers as number cells or as text, statuses
//! as the drop-down's labels or in another case. Faulted submissions (and the extra files of
//! a fault) stay YAML, so the list of injected errors stays true; `build` gives the same
//! JSON summaries as without `--workbooks`, file names aside (tests/it/workbook_gen.rs).
//! The marker line of `DIR/.gen` says `workbooks=yes` or `no`.
//!
//! Size: with `--units 10000 --tasks 45` and the two default periods, 18,001 submission files
//! and 198.5 MB (11.0 KB a file), written in about 4 s on two cores; the Python reference
//! benchmark of issue 7 used about 18,000 files and 196 MB. 1,000 units: 1,798 files, 20 MB.
//!
//! The generator's modules: `args` (command line), `rng` (random streams), `periods`,
//! `registry` (units and groups), `plan_text` and `plan` (the plan's tasks), `indicators`,
//! `text` and `submissions` (one unit's report for one period), `faults` (injected
//! problems), `fixed_files` (configuration, registry, plans, catalogue), `workbook` (a
//! submission as a filled workbook form) and `output` (writing the folder).

mod args;
mod faults;
mod fixed_files;
mod indicators;
mod output;
mod periods;
mod plan;
mod plan_text;
mod registry;
mod rng;
mod submissions;
mod text;
mod workbook;

use args::{Args, USAGE, marker, parse_args};
use output::{Output, check_nfc, prepare_dir, write, write_fixed_files, write_submissions};
use registry::{UKind, registry};
use std::collections::HashMap;
use std::time::Instant;
use submissions::World;

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    if args.marker_only {
        println!("{}", marker(&args));
        return;
    }
    let started = Instant::now();
    if let Err(e) = prepare_dir(&args.dir) {
        eprintln!("gen: {e}");
        std::process::exit(1);
    }
    let world = build_world(&args);
    let dir = &args.dir;
    let out = Output::default();
    check_nfc(&args.periods);
    write_fixed_files(&out, dir, &world);
    let fixed_files = out.files();
    let faults = faults::assign_faults(&world);
    write_submissions(&out, dir, &world, &faults);

    // Report.
    let (report, errors) = faults::report(&world, &faults);
    write(
        &dir.join(".gen"),
        format!("{}\n# injected errors: {errors}\n{report}", marker(&args)).as_bytes(),
    );
    let files = out.files() - fixed_files;
    let mb = out.bytes() as f64 / 1e6;
    eprint!("{report}");
    eprintln!(
        "gen: {} units, {} tasks, periods {}, seed {}: {} submission files + {} fixed, {:.1} MB in {:.1} s; {} injected errors",
        world.units.len(),
        args.tasks,
        world
            .periods
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>()
            .join(","),
        args.seed,
        files,
        fixed_files,
        mb,
        started.elapsed().as_secs_f64(),
        errors
    );
}

/// The units, the plan of each year the periods fall in, and the periods.
fn build_world(args: &Args) -> World {
    let units = registry(args.units, args.seed);
    let n_dept = units
        .iter()
        .filter(|u| matches!(u.kind, UKind::So | UKind::Phong))
        .count();
    let mut plans = HashMap::new();
    for p in &args.periods {
        plans
            .entry(p.year)
            .or_insert_with(|| plan::plan(args.tasks, n_dept, p.year, args.seed));
    }
    World {
        seed: args.seed,
        units,
        plans,
        periods: args.periods.clone(),
        workbooks: args.workbooks,
    }
}
