//! The `baocao` binary: parse arguments, call the library, print problems, choose the exit
//! status (0 written; 1 rejected files with --strict, or errors found by check; 2 nothing
//! could be built, and no output file was changed).

use baocao::cli::{Cli, Command, vietnamese_error};
use baocao::pipeline::{self, BuildSettings, Fatal};
use baocao::terminal;
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            use clap::error::ErrorKind;
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            eprintln!("lỗi: {}", vietnamese_error(&e));
            eprintln!("Xem hướng dẫn: baocao --help");
            return ExitCode::from(2);
        }
    };
    let code = match cli.command {
        None => run_build(
            BuildSettings {
                data: PathBuf::from("data"),
                out: PathBuf::from("output"),
                periods: Vec::new(),
                templates: None,
            },
            false,
        ),
        Some(Command::Build(a)) => run_build(
            BuildSettings {
                data: a.data.data,
                out: a.out.out,
                periods: a.periods,
                templates: a.templates,
            },
            a.strict,
        ),
        Some(Command::Check(a)) => run_check(&a.data.data, a.period),
        Some(Command::Status(a)) => run_status(&a.data.data, a.period, a.json),
        Some(Command::Forms(a)) => run_forms(&a.data.data, &a.out.out, a.period),
        Some(Command::Remind(a)) => run_remind(
            &a.common.data.data,
            &a.common.out.out,
            a.common.period,
            a.templates.as_deref(),
        ),
    };
    ExitCode::from(code)
}

/// Prints a fatal error and returns exit status 2.
fn fatal(f: Fatal) -> u8 {
    match &f {
        Fatal::Data(diags) => {
            eprintln!("Dữ liệu gốc có lỗi, chưa lập được báo cáo nào:\n");
            terminal::print_diagnostics(diags, true);
        }
        _ => {
            eprintln!("lỗi: {f}");
            if let Some(h) = f.hint() {
                eprintln!("gợi ý: {h}");
            }
        }
    }
    2
}

const MAX_LISTED: usize = 40;

fn run_build(settings: BuildSettings, strict: bool) -> u8 {
    let built = match pipeline::build(&settings) {
        Ok(o) => o,
        Err(f) => return fatal(f),
    };
    let unchanged = &built.written.committed.unchanged;
    let mut rejected = 0;
    for o in &built.periods {
        let listed: Vec<_> = o.diagnostics.iter().take(MAX_LISTED).cloned().collect();
        terminal::print_diagnostics(&listed, false);
        if o.diagnostics.len() > MAX_LISTED {
            eprintln!(
                "… và {} vấn đề khác; chạy 'baocao check --ky {}' để xem đầy đủ.",
                o.diagnostics.len() - MAX_LISTED,
                o.period.code()
            );
        }
        rejected += o.rejected_files;
        println!(
            "Kỳ {} ({}): {}/{} đơn vị có báo cáo hợp lệ; {}.",
            o.period.code(),
            o.period.display_name(),
            o.valid_units,
            o.total_units,
            terminal::tally_text(o.tally)
        );
        for f in &o.files {
            if unchanged.contains(f) {
                println!("  không đổi {}", f.display());
            } else {
                println!("  đã ghi {}", f.display());
            }
        }
    }
    terminal::print_kept(&built.written.committed.kept);
    if strict && rejected > 0 {
        eprintln!("Có {rejected} tệp báo cáo bị từ chối (--strict): mã thoát 1.");
        return 1;
    }
    0
}

fn run_check(data: &std::path::Path, period: Option<baocao::model::period::Period>) -> u8 {
    let outcome = match pipeline::check(data, period) {
        Ok(o) => o,
        Err(f) => return fatal(f),
    };
    terminal::print_diagnostics(&outcome.diagnostics, true);
    let tally = baocao::diagnostics::Tally::of(&outcome.diagnostics);
    println!(
        "Đã kiểm tra {} tệp báo cáo: {}.",
        outcome.files,
        terminal::tally_text(tally)
    );
    u8::from(tally.errors > 0)
}

fn run_forms(
    data: &std::path::Path,
    out: &std::path::Path,
    period: baocao::model::period::Period,
) -> u8 {
    match pipeline::forms(data, out, period) {
        Ok((files, written)) => {
            println!(
                "Đã lập {} biểu mẫu báo cáo {} trong {}.",
                files.len(),
                period.display_name(),
                out.join(period.code()).join("bieu-mau").display()
            );
            terminal::print_kept(&written.committed.kept);
            0
        }
        Err(f) => fatal(f),
    }
}

fn run_remind(
    data: &std::path::Path,
    out: &std::path::Path,
    period: baocao::model::period::Period,
    templates: Option<&std::path::Path>,
) -> u8 {
    match pipeline::remind(data, out, period, templates) {
        Ok(pipeline::Reminder::NotNeeded { units }) => {
            println!(
                "Cả {units} đơn vị đã có báo cáo hợp lệ {}; không cần công văn đôn đốc, không ghi tệp nào.",
                period.display_name()
            );
            0
        }
        Ok(pipeline::Reminder::Written {
            path,
            units,
            written,
        }) => {
            println!(
                "Đã lập công văn đôn đốc {} đơn vị: {}.",
                units.len(),
                units.join(", ")
            );
            println!("  đã ghi {}", path.display());
            terminal::print_kept(&written.committed.kept);
            0
        }
        Err(f) => fatal(f),
    }
}

fn run_status(data: &std::path::Path, period: baocao::model::period::Period, json: bool) -> u8 {
    let format = if json {
        pipeline::StatusFormat::Json
    } else {
        pipeline::StatusFormat::Table {
            color: terminal::stdout_color(),
        }
    };
    match pipeline::status(data, period, format) {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(f) => fatal(f),
    }
}
