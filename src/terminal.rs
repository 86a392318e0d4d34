//! What people see in the terminal: diagnostics (with the offending line, via miette), the
//! one-line summaries, and the submission status table.

use crate::diagnostics::{Diagnostic, Severity, Tally};
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
        return one_line(d) + "\n";
    }
    // The hint is printed by us, not as miette's English "help:" line.
    if let Some(h) = &d.hint {
        out.push_str(&format!("  gợi ý: {h}\n"));
    }
    out
}

/// `lỗi: nop/x/2024-Q1.yaml:3:5: message (gợi ý: …)`; for a workbook
/// `lỗi: nop/x/2024-Q1.xlsx (trang Nhiệm vụ, ô G12): message …`.
pub fn one_line(d: &Diagnostic) -> String {
    let mut s = format!("{}: {}", d.severity.label(), d.file);
    if d.cell.is_some() {
        s.push_str(&format!(" ({})", d.place().unwrap_or_default()));
    } else if let Some(l) = d.line {
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
        let rest = &snippet[offset.min(snippet.len())..];
        // The whole value when its length is known, else the word at the column.
        let len = if self.0.len > 0 {
            rest.chars()
                .take(self.0.len as usize)
                .map(char::len_utf8)
                .sum::<usize>()
        } else {
            rest.chars()
                .take_while(|c| !c.is_whitespace())
                .map(char::len_utf8)
                .sum::<usize>()
        }
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

/// Writes to standard output. When the reader has gone (`baocao status | head`), the run
/// ends quietly: nothing more would be read.
pub fn out(text: &str) {
    write_or_leave(&mut std::io::stdout().lock(), text);
}

/// Writes to standard error, like [`out`].
pub fn err(text: &str) {
    write_or_leave(&mut std::io::stderr().lock(), text);
}

fn write_or_leave(w: &mut dyn std::io::Write, text: &str) {
    if w.write_all(text.as_bytes())
        .and_then(|_| w.flush())
        .is_err()
    {
        // A closed pipe or a terminal that went away: no one reads what follows.
        std::process::exit(0);
    }
}

/// Prints diagnostics to stderr: in full, or one line each when there are many.
pub fn print_diagnostics(diags: &[Diagnostic], full: bool) {
    let color = stderr_color();
    for d in diags {
        if full && d.snippet.is_some() {
            err(&render_diagnostic(d, color));
        } else {
            err(&format!("{}\n", one_line(d)));
        }
    }
}

/// A progress bar on stderr that appears only when the work lasts more than about a second
/// and stderr is a terminal.
pub struct Progress {
    bar: indicatif::ProgressBar,
    start: std::time::Instant,
    shown: std::sync::atomic::AtomicBool,
}

impl Progress {
    pub fn new(len: u64, what: &str) -> Progress {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(len),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{msg} {bar:40} {pos}/{len} tệp ({eta} còn lại)",
        ) {
            bar.set_style(style);
        }
        bar.set_message(what.to_string());
        Progress {
            bar,
            start: std::time::Instant::now(),
            shown: std::sync::atomic::AtomicBool::new(false),
        }
    }

    pub fn tick(&self) {
        use std::io::IsTerminal;
        use std::sync::atomic::Ordering;
        if !self.shown.load(Ordering::Relaxed)
            && self.start.elapsed() > std::time::Duration::from_secs(1)
            && !self.shown.swap(true, Ordering::Relaxed)
            && std::io::stderr().is_terminal()
        {
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
        self.bar.inc(1);
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

/// A notice on stderr while a run goes on (waiting for another run's lock, a warning).
pub fn notice(text: &str) {
    err(&format!("{text}\n"));
}
