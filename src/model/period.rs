//! Reporting periods (kỳ báo cáo): codes, Vietnamese names, data cut-off windows under
//! Nghị định 09/2019/NĐ-CP or the calendar, and submission deadlines.

use chrono::{Days, NaiveDate};
use std::fmt;

/// The kind of a period, which also decides the report template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PeriodKind {
    /// Quý I–IV.
    Quarter(u8),
    /// 6 tháng đầu năm.
    SixMonths,
    /// 9 tháng.
    NineMonths,
    /// Năm.
    Year,
}

/// The family of a period kind, as used for deadlines (`han_nop`) and templates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportKind {
    Quarterly,
    SixMonths,
    NineMonths,
    Annual,
}

impl ReportKind {
    /// The key in `cau-hinh.yaml` `han_nop` and the template name.
    pub fn key(self) -> &'static str {
        match self {
            ReportKind::Quarterly => "quy",
            ReportKind::SixMonths => "6t",
            ReportKind::NineMonths => "9t",
            ReportKind::Annual => "nam",
        }
    }
}

/// How data cut-off windows are drawn (`chot_so_lieu`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CutOff {
    /// Nghị định 09/2019/NĐ-CP: from the 15th of the month before to the 14th of the last month.
    #[default]
    Nd09,
    /// Calendar quarters, halves and years.
    Calendar,
}

impl CutOff {
    /// The code of the configuration (`chot_so_lieu`).
    pub fn code(self) -> &'static str {
        match self {
            CutOff::Nd09 => "nd09",
            CutOff::Calendar => "lich",
        }
    }
}

/// One reporting period: a year and a kind. Periods order by their end: Q1, Q2, 6T, Q3, 9T,
/// Q4, NAM.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub year: i32,
    pub kind: PeriodKind,
}

impl Period {
    fn order_key(&self) -> (i32, u32, u8) {
        let rank = match self.kind {
            PeriodKind::Quarter(_) => 0,
            PeriodKind::SixMonths | PeriodKind::NineMonths => 1,
            PeriodKind::Year => 2,
        };
        (self.year, self.last_month(), rank)
    }
}

impl Ord for Period {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order_key().cmp(&other.order_key())
    }
}

impl PartialOrd for Period {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// Why a period code could not be read; the message says what a valid code looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodError(pub String);

impl fmt::Display for PeriodError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub const CODE_HELP: &str = "Mã kỳ báo cáo có dạng NĂM-KỲ: 2024-Q1, 2024-Q2, 2024-Q3, 2024-Q4 (quý), \
     2024-6T (6 tháng), 2024-9T (9 tháng), 2024-NAM (năm).";

impl Period {
    /// Reads a code such as `2024-Q1`, `2024-6t`, `2024-nam` (any case, surrounding spaces
    /// ignored).
    pub fn parse(code: &str) -> Result<Period, PeriodError> {
        let s = code.trim().to_uppercase();
        let Some((y, k)) = s.split_once('-') else {
            return Err(PeriodError(format!(
                "'{}' không phải mã kỳ báo cáo.",
                crate::diagnostics::clip(code.trim())
            )));
        };
        let year: i32 = match y.parse() {
            Ok(n) if y.len() == 4 && (2000..=2099).contains(&n) => n,
            _ => {
                return Err(PeriodError(format!(
                    "Năm '{}' trong mã kỳ '{}' không hợp lệ.",
                    crate::diagnostics::clip(y),
                    crate::diagnostics::clip(code.trim())
                )));
            }
        };
        let kind = match k {
            "Q1" => PeriodKind::Quarter(1),
            "Q2" => PeriodKind::Quarter(2),
            "Q3" => PeriodKind::Quarter(3),
            "Q4" => PeriodKind::Quarter(4),
            "6T" => PeriodKind::SixMonths,
            "9T" => PeriodKind::NineMonths,
            "NAM" | "NĂM" => PeriodKind::Year,
            _ if k.starts_with('Q') => {
                return Err(PeriodError(format!(
                    "Kỳ '{}' không tồn tại: một năm chỉ có quý Q1 đến Q4.",
                    crate::diagnostics::clip(k)
                )));
            }
            _ => {
                return Err(PeriodError(format!(
                    "Kỳ '{}' trong mã '{}' không hợp lệ.",
                    crate::diagnostics::clip(k),
                    crate::diagnostics::clip(code.trim())
                )));
            }
        };
        Ok(Period { year, kind })
    }

    /// The period code written in a file's name ("2024-Q1.yaml", "bao cao 2024-6t (sua).docx"),
    /// in any case; the first one when there are several.
    pub fn find_in(name: &str) -> Option<Period> {
        let upper = name.to_uppercase();
        let b = upper.as_bytes();
        for (i, _) in upper.match_indices('-') {
            let Some(start) = i.checked_sub(4) else {
                continue;
            };
            let year = &upper[start..i];
            let digit_before = start > 0 && b[start - 1].is_ascii_digit();
            if digit_before || !year.bytes().all(|c| c.is_ascii_digit()) {
                continue;
            }
            let rest = &upper[i + 1..];
            for kind in ["Q1", "Q2", "Q3", "Q4", "6T", "9T", "NAM", "NĂM"] {
                let after = rest.strip_prefix(kind).and_then(|r| r.chars().next());
                if rest.starts_with(kind) && !after.is_some_and(|c| c.is_alphanumeric()) {
                    return Period::parse(&format!("{year}-{kind}")).ok();
                }
            }
        }
        None
    }

    /// The canonical code: `2024-Q1`, `2024-6T`, `2024-9T`, `2024-NAM`.
    pub fn code(&self) -> String {
        let k = match self.kind {
            PeriodKind::Quarter(q) => format!("Q{q}"),
            PeriodKind::SixMonths => "6T".into(),
            PeriodKind::NineMonths => "9T".into(),
            PeriodKind::Year => "NAM".into(),
        };
        format!("{}-{k}", self.year)
    }

    /// The name used in running text: "quý I năm 2024", "6 tháng đầu năm 2024",
    /// "9 tháng năm 2024", "năm 2024".
    pub fn display_name(&self) -> String {
        match self.kind {
            PeriodKind::Year => format!("năm {}", self.year),
            _ => format!("{} năm {}", self.kind_name(), self.year),
        }
    }

    /// The period without its year: "quý I", "6 tháng đầu", "9 tháng", "năm".
    pub fn kind_name(&self) -> &'static str {
        match self.kind {
            PeriodKind::Quarter(1) => "quý I",
            PeriodKind::Quarter(2) => "quý II",
            PeriodKind::Quarter(3) => "quý III",
            PeriodKind::Quarter(_) => "quý IV",
            PeriodKind::SixMonths => "6 tháng đầu",
            PeriodKind::NineMonths => "9 tháng",
            PeriodKind::Year => "năm",
        }
    }

    pub fn report_kind(&self) -> ReportKind {
        match self.kind {
            PeriodKind::Quarter(_) => ReportKind::Quarterly,
            PeriodKind::SixMonths => ReportKind::SixMonths,
            PeriodKind::NineMonths => ReportKind::NineMonths,
            PeriodKind::Year => ReportKind::Annual,
        }
    }

    /// The last month of the period (3, 6, 9 or 12).
    fn last_month(&self) -> u32 {
        match self.kind {
            PeriodKind::Quarter(q) => 3 * q as u32,
            PeriodKind::SixMonths => 6,
            PeriodKind::NineMonths => 9,
            PeriodKind::Year => 12,
        }
    }

    /// The first month of the period (its data window starts in or just before it).
    fn first_month(&self) -> u32 {
        match self.kind {
            PeriodKind::Quarter(q) => 3 * q as u32 - 2,
            _ => 1,
        }
    }

    /// First day of the data window.
    pub fn start(&self, rule: CutOff) -> NaiveDate {
        let m = self.first_month();
        match rule {
            CutOff::Calendar => ymd(self.year, m, 1),
            CutOff::Nd09 if m == 1 => ymd(self.year - 1, 12, 15),
            CutOff::Nd09 => ymd(self.year, m - 1, 15),
        }
    }

    /// Last day of the data window (the period's end date).
    pub fn end(&self, rule: CutOff) -> NaiveDate {
        let m = self.last_month();
        match rule {
            CutOff::Nd09 => ymd(self.year, m, 14),
            CutOff::Calendar => last_day_of_month(self.year, m),
        }
    }

    /// The last day a unit's report is on time: the end date plus `days`.
    pub fn submission_deadline(&self, rule: CutOff, days: u32) -> NaiveDate {
        self.end(rule) + Days::new(days as u64)
    }

    /// The annual period of a year.
    pub fn year(year: i32) -> Period {
        Period {
            year,
            kind: PeriodKind::Year,
        }
    }

    /// The period that follows in its cycle: the next quarter; after the first six months,
    /// the second half (which ends with the year, so its `Year` stands in for it); after nine
    /// months, the fourth quarter; after the year, the next year.
    pub fn next(&self) -> Period {
        let (year, kind) = match self.kind {
            PeriodKind::Quarter(q) if q < 4 => (self.year, PeriodKind::Quarter(q + 1)),
            PeriodKind::Quarter(_) => (self.year + 1, PeriodKind::Quarter(1)),
            PeriodKind::SixMonths => (self.year, PeriodKind::Year),
            PeriodKind::NineMonths => (self.year, PeriodKind::Quarter(4)),
            PeriodKind::Year => (self.year + 1, PeriodKind::Year),
        };
        Period { year, kind }
    }

    /// The next period by name: "quý II năm 2024", "6 tháng cuối năm 2024", "năm 2025".
    pub fn next_name(&self) -> String {
        match self.kind {
            PeriodKind::SixMonths => format!("6 tháng cuối năm {}", self.year),
            _ => self.next().display_name(),
        }
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(&self.code())
    }
}

/// A date known to exist (a constant of the calendar rules, not a user's input).
pub fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid calendar date")
}

/// The last day of a month.
pub fn last_day_of_month(y: i32, m: u32) -> NaiveDate {
    let first_next = if m == 12 {
        ymd(y + 1, 1, 1)
    } else {
        ymd(y, m + 1, 1)
    };
    first_next.pred_opt().expect("has a previous day")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        ymd(y, m, day)
    }

    #[test]
    fn every_code_parses_and_prints_back() {
        let cases = [
            ("2024-Q1", "2024-Q1", "quý I năm 2024"),
            ("2024-q2", "2024-Q2", "quý II năm 2024"),
            (" 2024-Q3 ", "2024-Q3", "quý III năm 2024"),
            ("2024-Q4", "2024-Q4", "quý IV năm 2024"),
            ("2024-6t", "2024-6T", "6 tháng đầu năm 2024"),
            ("2024-9T", "2024-9T", "9 tháng năm 2024"),
            ("2024-nam", "2024-NAM", "năm 2024"),
            ("2024-Năm", "2024-NAM", "năm 2024"),
        ];
        for (input, code, name) in cases {
            let p = Period::parse(input).unwrap();
            assert_eq!(p.code(), code);
            assert_eq!(p.display_name(), name);
        }
    }

    #[test]
    fn bad_codes_say_why() {
        assert!(
            Period::parse("2024-Q5")
                .unwrap_err()
                .0
                .contains("Q1 đến Q4")
        );
        for bad in [
            "2024", "24-Q1", "2024-Q", "2024-12T", "Q1-2024", "", "2024-06",
        ] {
            assert!(Period::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn period_codes_in_file_names() {
        let p = |s: &str| Period::find_in(s).map(|p| p.code());
        assert_eq!(p("2024-Q1.yaml").as_deref(), Some("2024-Q1"));
        assert_eq!(p("bao cao 2024-6t (sua).docx").as_deref(), Some("2024-6T"));
        assert_eq!(p("BC_2024-nam.pdf").as_deref(), Some("2024-NAM"));
        assert_eq!(p("bao-cao-2024-q1.yaml").as_deref(), Some("2024-Q1"));
        assert_eq!(p("2024-Q3.yaml.txt").as_deref(), Some("2024-Q3"));
        assert_eq!(p("12024-Q1.yaml"), None);
        assert_eq!(p("2024-Q12.yaml"), None);
        assert_eq!(p("2024-Q5.yaml"), None);
        assert_eq!(p("bao-cao.yaml"), None);
        assert_eq!(p("1899-Q1.yaml"), None);
    }

    #[test]
    fn nd09_windows() {
        let cases = [
            ("2024-Q1", d(2023, 12, 15), d(2024, 3, 14)),
            ("2024-Q2", d(2024, 3, 15), d(2024, 6, 14)),
            ("2024-Q3", d(2024, 6, 15), d(2024, 9, 14)),
            ("2024-Q4", d(2024, 9, 15), d(2024, 12, 14)),
            ("2024-6T", d(2023, 12, 15), d(2024, 6, 14)),
            ("2024-9T", d(2023, 12, 15), d(2024, 9, 14)),
            ("2024-NAM", d(2023, 12, 15), d(2024, 12, 14)),
        ];
        for (code, start, end) in cases {
            let p = Period::parse(code).unwrap();
            assert_eq!(p.start(CutOff::Nd09), start, "{code}");
            assert_eq!(p.end(CutOff::Nd09), end, "{code}");
        }
    }

    #[test]
    fn calendar_windows_and_year_ends() {
        let cases = [
            ("2024-Q1", d(2024, 1, 1), d(2024, 3, 31)),
            ("2024-Q2", d(2024, 4, 1), d(2024, 6, 30)),
            ("2024-Q3", d(2024, 7, 1), d(2024, 9, 30)),
            ("2024-Q4", d(2024, 10, 1), d(2024, 12, 31)),
            ("2024-6T", d(2024, 1, 1), d(2024, 6, 30)),
            ("2024-9T", d(2024, 1, 1), d(2024, 9, 30)),
            ("2024-NAM", d(2024, 1, 1), d(2024, 12, 31)),
            ("2023-NAM", d(2023, 1, 1), d(2023, 12, 31)),
        ];
        for (code, start, end) in cases {
            let p = Period::parse(code).unwrap();
            assert_eq!(p.start(CutOff::Calendar), start, "{code}");
            assert_eq!(p.end(CutOff::Calendar), end, "{code}");
        }
    }

    #[test]
    fn deadlines_cross_month_and_year_ends() {
        let q1 = Period::parse("2024-Q1").unwrap();
        assert_eq!(q1.submission_deadline(CutOff::Nd09, 3), d(2024, 3, 17));
        let q4 = Period::parse("2024-Q4").unwrap();
        assert_eq!(q4.submission_deadline(CutOff::Calendar, 5), d(2025, 1, 5));
        let nam = Period::parse("2024-NAM").unwrap();
        assert_eq!(nam.submission_deadline(CutOff::Nd09, 5), d(2024, 12, 19));
        assert_eq!(
            nam.submission_deadline(CutOff::Calendar, 0),
            d(2024, 12, 31)
        );
    }

    #[test]
    fn periods_order_by_their_end() {
        let mut v: Vec<Period> = [
            "2024-NAM", "2024-Q3", "2024-9T", "2024-6T", "2024-Q2", "2024-Q4", "2024-Q1",
            "2023-NAM",
        ]
        .iter()
        .map(|c| Period::parse(c).unwrap())
        .collect();
        v.sort();
        let codes: Vec<String> = v.iter().map(Period::code).collect();
        assert_eq!(
            codes,
            [
                "2023-NAM", "2024-Q1", "2024-Q2", "2024-6T", "2024-Q3", "2024-9T", "2024-Q4",
                "2024-NAM"
            ]
        );
    }

    #[test]
    fn the_next_period_of_each_kind() {
        for (code, name, year) in [
            ("2024-Q1", "quý II năm 2024", 2024),
            ("2024-Q4", "quý I năm 2025", 2025),
            ("2024-6T", "6 tháng cuối năm 2024", 2024),
            ("2024-9T", "quý IV năm 2024", 2024),
            ("2024-NAM", "năm 2025", 2025),
        ] {
            let p = Period::parse(code).unwrap();
            assert_eq!(p.next_name(), name, "{code}");
            assert_eq!(p.next().year, year, "{code}");
        }
        // The second half and the fourth quarter end with the year.
        let nam = Period::parse("2024-NAM").unwrap();
        for code in ["2024-6T", "2024-9T", "2024-Q3"] {
            let next = Period::parse(code).unwrap().next();
            assert_eq!(next.end(CutOff::Nd09), nam.end(CutOff::Nd09), "{code}");
        }
    }

    #[test]
    fn report_kinds() {
        let p = |c| Period::parse(c).unwrap();
        assert_eq!(p("2024-Q2").report_kind().key(), "quy");
        assert_eq!(p("2024-6T").report_kind().key(), "6t");
        assert_eq!(p("2024-9T").report_kind().key(), "9t");
        assert_eq!(p("2024-NAM").report_kind().key(), "nam");
    }
}
