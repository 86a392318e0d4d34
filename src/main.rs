//! The `baocao` binary: parse arguments, call the library, print problems, choose the exit
//! status (0 written; 1 rejected files with --strict, or errors found by check; 2 nothing
//! could be built, and no output file was changed). Everything printed goes through
//! `terminal::out` and `terminal::err`, which end the run quietly when the reader has gone
//! (`baocao status | head`).

use baocao::cli::{COMMANDS, Cli, Command, PlanCommand, vietnamese_error};
use baocao::model::period::Period;
use baocao::pipeline::{self, BuildSettings, Fatal};
use baocao::terminal::{self, err, out};
use clap::Parser;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => return ExitCode::from(argument_error(&e)),
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
            a.ngay.unwrap_or_else(|| chrono::Local::now().date_naive()),
        ),
        Some(Command::Feedback(a)) => run_feedback(&a.data.data, &a.out.out, a.period),
        Some(Command::KeHoach(p)) => match p.command {
            PlanCommand::Nhap(a) => run_import(&pipeline::ImportSettings {
                file: a.file,
                year: a.year,
                data: a.data.data,
                overwrite: a.overwrite,
            }),
        },
    };
    ExitCode::from(code)
}

/// Prints clap's help, or its error in Vietnamese with where to read the help; 2 on an error.
fn argument_error(e: &clap::Error) -> u8 {
    use clap::error::ErrorKind;
    if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        out(&e.render().to_string());
        return 0;
    }
    err(&format!("lỗi: {}\n", vietnamese_error(e)));
    // The help of the command that was typed, when one was.
    let command = std::env::args()
        .skip(1)
        .find(|a| COMMANDS.contains(&a.as_str()));
    match command {
        Some(c) => err(&format!("Xem hướng dẫn: baocao {c} --help\n")),
        None => err("Xem hướng dẫn: baocao --help\n"),
    }
    2
}

/// Prints a fatal error and returns exit status 2.
fn fatal(f: Fatal) -> u8 {
    match &f {
        Fatal::Data(diags) => {
            err("Dữ liệu gốc có lỗi, chưa lập được báo cáo nào:\n\n");
            terminal::print_diagnostics(diags, true);
        }
        _ => {
            err(&format!("lỗi: {f}\n"));
            if let Some(h) = f.hint() {
                err(&format!("gợi ý: {h}\n"));
            }
        }
    }
    2
}

/// "Dùng mẫu câu chữ trong thư mục …" when the templates do not come built in.
fn say_templates(dir: Option<&Path>) {
    if let Some(d) = dir {
        out(&format!(
            "Dùng mẫu câu chữ trong thư mục {}.\n",
            d.display()
        ));
    }
}

const MAX_LISTED: usize = 40;

fn run_build(settings: BuildSettings, strict: bool) -> u8 {
    let built = match pipeline::build(&settings) {
        Ok(o) => o,
        Err(f) => return fatal(f),
    };
    say_templates(built.templates.as_deref());
    let unchanged = &built.written.committed.unchanged;
    let mut rejected = 0;
    for o in &built.periods {
        let listed: Vec<_> = o.diagnostics.iter().take(MAX_LISTED).cloned().collect();
        terminal::print_diagnostics(&listed, false);
        if o.diagnostics.len() > MAX_LISTED {
            err(&format!(
                "… và {} vấn đề khác; chạy 'baocao check --ky {}' để xem đầy đủ.\n",
                o.diagnostics.len() - MAX_LISTED,
                o.period.code()
            ));
        }
        rejected += o.rejected_files;
        out(&format!(
            "Kỳ {} ({}): {}/{} đơn vị có báo cáo hợp lệ; {}.\n",
            o.period.code(),
            o.period.display_name(),
            o.valid_units,
            o.total_units,
            terminal::tally_text(o.tally)
        ));
        for f in &o.files {
            if unchanged.contains(f) {
                out(&format!("  không đổi {}\n", f.display()));
            } else {
                out(&format!("  đã ghi {}\n", f.display()));
            }
        }
    }
    print_kept(&built.written.committed.kept);
    if strict && rejected > 0 {
        err(&format!(
            "Có {rejected} tệp báo cáo bị từ chối (--strict): mã thoát 1.\n"
        ));
        return 1;
    }
    0
}

fn run_check(data: &Path, period: Option<Period>) -> u8 {
    let outcome = match pipeline::check(data, period) {
        Ok(o) => o,
        Err(f) => return fatal(f),
    };
    terminal::print_diagnostics(&outcome.diagnostics, true);
    let tally = baocao::diagnostics::Tally::of(&outcome.diagnostics);
    out(&format!(
        "Đã kiểm tra {} tệp báo cáo: {}.\n",
        outcome.files,
        terminal::tally_text(tally)
    ));
    u8::from(tally.errors > 0)
}

fn run_forms(data: &Path, out_dir: &Path, period: Period) -> u8 {
    match pipeline::forms(data, out_dir, period) {
        Ok(forms) => {
            out(&format!(
                "Đã lập biểu mẫu báo cáo {} cho {} đơn vị, mỗi đơn vị một tệp YAML và một tệp Excel (.xlsx), trong {}.\n",
                period.display_name(),
                forms.units,
                out_dir.join(period.code()).join("bieu-mau").display()
            ));
            print_kept(&forms.written.committed.kept);
            0
        }
        Err(f) => fatal(f),
    }
}

fn run_remind(
    data: &Path,
    out_dir: &Path,
    period: Period,
    templates: Option<&Path>,
    date: chrono::NaiveDate,
) -> u8 {
    match pipeline::remind(data, out_dir, period, templates, date) {
        Ok(pipeline::Reminder::NotNeeded { units }) => {
            out(&format!(
                "Cả {units} đơn vị đã có báo cáo hợp lệ {}; không cần công văn đôn đốc, không ghi tệp nào.\n",
                period.display_name()
            ));
            0
        }
        Ok(pipeline::Reminder::Written {
            path,
            units,
            templates,
            written,
        }) => {
            say_templates(templates.as_deref());
            out(&format!(
                "Đã lập công văn đôn đốc {} đơn vị: {}.\n",
                units.len(),
                units.join(", ")
            ));
            out(&format!("  đã ghi {}\n", path.display()));
            print_kept(&written.committed.kept);
            0
        }
        Err(f) => fatal(f),
    }
}

fn run_feedback(data: &Path, out_dir: &Path, period: Period) -> u8 {
    match pipeline::feedback(data, out_dir, period) {
        Ok(fb) => {
            out(&format!(
                "Đã lập {} phiếu phản hồi {} cho các đơn vị có báo cáo cần sửa hoặc cần lưu ý; {} đơn vị có báo cáo không có vấn đề gì, {} đơn vị chưa gửi (xem lệnh remind).\n",
                fb.notes.len(),
                period.display_name(),
                fb.fine,
                fb.silent
            ));
            let unchanged = &fb.written.committed.unchanged;
            for p in &fb.notes {
                let done = if unchanged.contains(p) {
                    "không đổi"
                } else {
                    "đã ghi"
                };
                out(&format!("  {done} {}\n", p.display()));
            }
            print_kept(&fb.written.committed.kept);
            for p in &fb.stale_kept {
                out(&format!(
                    "Chú ý: đơn vị của phiếu {} nay không còn gì cần sửa, nhưng phiếu đã được sửa tay nên được giữ lại; xóa phiếu nếu không cần nữa.\n",
                    p.display()
                ));
            }
            0
        }
        Err(f) => fatal(f),
    }
}

fn run_import(settings: &pipeline::ImportSettings) -> u8 {
    match pipeline::import_plan(settings) {
        Ok(o) => {
            out(&format!(
                "Đã nhập kế hoạch năm {} từ {}: {} lĩnh vực, {} nhiệm vụ{}.\n",
                o.year,
                settings.file.display(),
                o.areas,
                o.tasks,
                if o.replaced {
                    " (thay kế hoạch cũ)"
                } else {
                    ""
                }
            ));
            out(&format!("  đã ghi {}\n", o.plan_path.display()));
            out(&format!("  đã ghi {}\n", o.review_path.display()));
            for k in &o.kept {
                out(&format!(
                    "  tệp cũ {} được giữ lại thành {}\n",
                    k.target.display(),
                    k.copy.display()
                ));
            }
            out(&format!(
                "Cần quyết định {} mục, nên soát lại {} mục:\n\n",
                o.decide, o.check
            ));
            out(&o.review);
            0
        }
        Err(Fatal::Data(diags)) => {
            err("Danh mục đơn vị (don-vi.yaml) có lỗi, chưa nhập được kế hoạch:\n\n");
            terminal::print_diagnostics(&diags, true);
            2
        }
        Err(Fatal::ImportCheck(diags)) => {
            terminal::print_diagnostics(&diags, true);
            fatal(Fatal::ImportCheck(Vec::new()))
        }
        Err(f) => fatal(f),
    }
}

fn run_status(data: &Path, period: Period, json: bool) -> u8 {
    let format = if json {
        pipeline::StatusFormat::Json
    } else {
        pipeline::StatusFormat::Table {
            color: terminal::stdout_color(),
        }
    };
    match pipeline::status(data, period, format) {
        Ok(text) => {
            out(&text);
            0
        }
        Err(f) => fatal(f),
    }
}

/// The files kept instead of overwritten, on stdout after what was written.
fn print_kept(kept: &[baocao::output::Kept]) {
    for k in kept {
        let why = if k.edited {
            "đã được sửa sau khi baocao ghi"
        } else {
            "không rõ có phải do baocao ghi không (chưa có trong sổ các tệp baocao đã ghi)"
        };
        out(&format!(
            "Chú ý: tệp {} {why}; tệp đó không bị ghi đè mà được giữ lại thành {}.\n",
            k.target.display(),
            k.copy.display()
        ));
    }
    if !kept.is_empty() {
        out(
            "  Tệp mới lập đã nằm ở tên cũ; nếu cần, chép các chỗ đã sửa từ bản giữ lại sang tệp mới.\n",
        );
    }
}
