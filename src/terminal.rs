//! What people see in the terminal: diagnostics (with the offending line, via miette), the
//! one-line summaries, and the submission status table.

use crate::diagnostics::{Diagnostic, Severity, Tally};
use crate::render::format::{iso_date, short_date};
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use std::fmt;
use std::io::IsTerminal;

/// Renders one diagnostic for a terminal, with its line of text when known.
pub fn render_diagnostic(d: &Diagnostic, color: bool) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme).with_width(100);
    let mut out = String::new();
    if handler.render_report(&mut out, &Rendered(d)).is_err() {
        out = one_line(d);
    }
    out
}

/// `lỗi: nop/x/2024-Q1.yaml:3:5: message (gợi ý: …)`.
pub fn one_line(d: &Diagnostic) -> String {
    let mut s = format!("{}: {}", d.severity.label(), d.file);
    if let Some(l) = d.line {
        s.push_str(&format!(":{l}"));
        if let Some(c) = d.col {
            s.push_str(&format!(":{c}"));
        }
    }
    s.push_str(&format!(": {}", d.message));
    if let Some(h) = &d.hint {
        s.push_str(&format!(" (gợi ý: {h})"));
    }
    s
}

/// Whether stderr is a terminal that wants colour.
pub fn stderr_color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

pub fn stdout_color() -> bool {
    std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// "12 lỗi, 3 cảnh báo" (or "không có lỗi nào").
pub fn tally_text(t: Tally) -> String {
    match (t.errors, t.warnings) {
        (0, 0) => "không có lỗi hay cảnh báo nào".into(),
        (e, 0) => format!("{e} lỗi"),
        (0, w) => format!("{w} cảnh báo"),
        (e, w) => format!("{e} lỗi, {w} cảnh báo"),
    }
}

struct Rendered<'a>(&'a Diagnostic);

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.0.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.0
            .hint
            .as_ref()
            .map(|h| Box::new(format!("gợi ý: {h}")) as Box<dyn fmt::Display>)
    }

    fn url<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        None
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.0.snippet.as_ref().map(|_| self as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let snippet = self.0.snippet.as_ref()?;
        let col = self.0.col.unwrap_or(1).max(1) as usize;
        let offset: usize = snippet.chars().take(col - 1).map(char::len_utf8).sum();
        let len = snippet[offset.min(snippet.len())..]
            .chars()
            .take_while(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum::<usize>()
            .max(1);
        Some(Box::new(std::iter::once(LabeledSpan::new_with_span(
            Some(self.0.severity.label().to_string()),
            SourceSpan::new(offset.into(), len),
        ))))
    }
}

impl SourceCode for Rendered<'_> {
    fn read_span<'a>(
        &'a self,
        _span: &SourceSpan,
        _before: usize,
        _after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text = self.0.snippet.as_deref().unwrap_or("");
        let line = self.0.line.unwrap_or(1).max(1) as usize - 1;
        let col = self.0.col.unwrap_or(1).max(1) as usize - 1;
        Ok(Box::new(MietteSpanContents::new_named(
            self.0.file.clone(),
            text.as_bytes(),
            SourceSpan::new(0.into(), text.len()),
            line,
            col,
            1,
        )))
    }
}

/// Prints diagnostics to stderr: in full, or one line each when there are many.
pub fn print_diagnostics(diags: &[Diagnostic], full: bool) {
    let color = stderr_color();
    for d in diags {
        if full && d.snippet.is_some() {
            eprint!("{}", render_diagnostic(d, color));
        } else {
            eprintln!("{}", one_line(d));
        }
    }
}

/// The submission status of every unit in a period, as an aligned table with totals.
pub fn status_table(r: &crate::model::merge::PeriodReport, color: bool) -> String {
    use crate::model::merge::UnitState;
    let reg = &r.data.registry;
    let header = [
        "STT",
        "Đơn vị",
        "Nộp",
        "Ngày báo cáo",
        "Đúng hạn",
        "Tình trạng",
        "Nhiệm vụ",
    ];
    let mut rows: Vec<([String; 7], UnitState, bool)> = Vec::new();
    for (i, u) in r.units.iter().enumerate() {
        let shown = u.shown.map(|s| &r.submissions[s]);
        let errors = r.unit_tally(u).errors;
        let state = match u.state {
            UnitState::Invalid => format!("Không hợp lệ ({errors} lỗi)"),
            s => s.label().to_string(),
        };
        let on_time = match u.state {
            UnitState::Valid if u.on_time => "đúng hạn",
            UnitState::Valid => "nộp trễ",
            _ => "",
        };
        let tasks = u
            .used
            .map_or(String::new(), |s| r.submissions[s].tasks.len().to_string());
        rows.push((
            [
                (i + 1).to_string(),
                reg.units[u.unit].name.clone(),
                if u.files.is_empty() {
                    "chưa".into()
                } else {
                    "rồi".into()
                },
                shown
                    .and_then(|s| s.date)
                    .map(short_date)
                    .unwrap_or_default(),
                on_time.to_string(),
                state,
                tasks,
            ],
            u.state,
            u.is_late(),
        ));
    }
    let width = |s: &str| s.chars().count();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for (cells, ..) in &rows {
        for (w, c) in widths.iter_mut().zip(cells) {
            *w = (*w).max(width(c));
        }
    }
    let line = |cells: &[String]| -> String {
        cells
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(i, (c, w))| {
                let pad = " ".repeat(w - width(c));
                if i == 0 || i == 6 {
                    format!("{pad}{c}")
                } else {
                    format!("{c}{pad}")
                }
            })
            .collect::<Vec<_>>()
            .join("  ")
            .trim_end()
            .to_string()
    };
    let paint = |s: String, code: &str| {
        if color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s
        }
    };
    let mut out = format!(
        "Tình hình nộp báo cáo {} (hạn nộp {}):\n\n",
        r.period.display_name(),
        short_date(r.deadline)
    );
    out.push_str(&paint(line(&header.map(String::from)), "1"));
    out.push('\n');
    out.push_str(&"-".repeat(widths.iter().sum::<usize>() + 2 * (widths.len() - 1)));
    out.push('\n');
    for (cells, state, late) in &rows {
        let text = line(cells);
        let text = match state {
            UnitState::Valid if *late => paint(text, "33"),
            UnitState::Valid => text,
            UnitState::NotSubmitted => paint(text, "2"),
            UnitState::Invalid | UnitState::Conflict => paint(text, "31"),
        };
        out.push_str(&text);
        out.push('\n');
    }
    let c = r.unit_counts();
    out.push_str(&format!(
        "\nTổng số {} đơn vị: {} đã nộp ({} hợp lệ đúng hạn, {} nộp trễ, {} không hợp lệ, {} mâu thuẫn), {} chưa nộp.\n",
        c.tong, c.da_nop, c.dung_han, c.nop_tre, c.khong_hop_le, c.mau_thuan, c.chua_nop,
    ));
    out
}

/// The submission status of every unit, as JSON for other programs.
pub fn status_json(r: &crate::model::merge::PeriodReport) -> String {
    use crate::model::merge::UnitState;
    let reg = &r.data.registry;
    let units: Vec<serde_json::Value> = r
        .units
        .iter()
        .map(|u| {
            let shown = u.shown.map(|s| &r.submissions[s]);
            let tally = r.unit_tally(u);
            serde_json::json!({
                "ma": reg.units[u.unit].id,
                "ten": reg.units[u.unit].name,
                "da_nop": !u.files.is_empty(),
                "ngay_bao_cao": shown.and_then(|s| s.date).map(iso_date),
                "dung_han": u.on_time,
                "hop_le": u.state == UnitState::Valid,
                "tinh_trang": u.state.code(),
                "so_loi": tally.errors,
                "so_canh_bao": tally.warnings,
                "so_nhiem_vu_bao_cao": u.used.map_or(0, |s| r.submissions[s].tasks.len()),
                "tep": shown.map(|s| s.file.as_str()),
            })
        })
        .collect();
    let c = r.unit_counts();
    let v = serde_json::json!({
        "ky": r.period.code(),
        "han_nop": iso_date(r.deadline),
        "tong": {
            "don_vi": c.tong,
            "da_nop": c.da_nop,
            "hop_le_dung_han": c.dung_han,
            "nop_tre": c.nop_tre,
            "khong_hop_le": c.khong_hop_le,
            "mau_thuan": c.mau_thuan,
            "chua_nop": c.chua_nop,
        },
        "don_vi": units,
    });
    serde_json::to_string_pretty(&v).expect("JSON")
}
