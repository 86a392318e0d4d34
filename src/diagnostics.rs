//! Problems found in input files: one `Diagnostic` per problem (severity, file, line, column,
//! Vietnamese message, optional hint), collected and sorted, never thrown.

use serde::Serialize;
use std::cmp::Ordering;

/// How bad a problem is. An error rejects the whole file; a warning keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Severity {
    /// "lỗi": the file is rejected.
    #[serde(rename = "loi")]
    Error,
    /// "cảnh báo": the file is kept.
    #[serde(rename = "canh_bao")]
    Warning,
}

impl Severity {
    /// The Vietnamese word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        }
    }
}

/// A 1-based line and column in a file (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
}

impl Pos {
    pub fn new(line: u32, col: u32) -> Self {
        Pos { line, col }
    }
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// `loi` or `canh_bao`.
    #[serde(rename = "muc_do")]
    pub severity: Severity,
    /// Path relative to the data folder, with `/`.
    #[serde(rename = "tep")]
    pub file: String,
    /// 1-based line, when known.
    #[serde(rename = "dong")]
    pub line: Option<u32>,
    /// 1-based column, when known.
    #[serde(rename = "cot")]
    pub col: Option<u32>,
    /// What is wrong, in Vietnamese.
    #[serde(rename = "thong_diep")]
    pub message: String,
    /// How to fix it, when there is something useful to say.
    #[serde(rename = "goi_y", skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// A stable code for the kind of problem (for tools and tests).
    #[serde(rename = "ma_loi")]
    pub code: &'static str,
    /// The text of the offending line, for display only.
    #[serde(skip)]
    pub snippet: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, file: &str, message: String) -> Self {
        Diagnostic {
            severity,
            file: file.to_string(),
            line: None,
            col: None,
            message,
            hint: None,
            code,
            snippet: None,
        }
    }

    pub fn error(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, file, message.into())
    }

    pub fn warning(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, file, message.into())
    }

    pub fn at(mut self, pos: Option<Pos>) -> Self {
        if let Some(p) = pos {
            self.line = Some(p.line);
            self.col = Some(p.col);
        }
        self
    }

    pub fn hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The order of SPEC §5.3: file (plain string order), then line, then column, entries
    /// without a line first; then severity and message so that the order is total.
    pub fn sort_key_cmp(&self, other: &Self) -> Ordering {
        self.file
            .cmp(&other.file)
            .then(self.line.cmp(&other.line))
            .then(self.col.cmp(&other.col))
            .then(self.severity.cmp(&other.severity))
            .then(self.message.cmp(&other.message))
    }
}

/// A user's text quoted in a message, cut to a readable length: a key or value can be
/// megabytes long in a broken file, and messages must stay one line.
pub fn clip(s: &str) -> String {
    const MAX: usize = 60;
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// Sorts diagnostics in the documented order.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| a.sort_key_cmp(b));
}

/// Counts of errors and warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Self {
        let mut t = Tally::default();
        for d in diags {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
            }
        }
        t
    }
}
