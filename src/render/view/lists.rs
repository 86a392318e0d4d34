//! Lists of what units wrote, as the report prints them: statements merged and capped, unit
//! names capped, documents cited by type, number and date.

use crate::model::ids::UnitIdx;
use crate::model::report::PeriodReport;
use crate::render::format;
use chrono::NaiveDate;
use serde::Serialize;

/// At most this many statements are listed in one list; the rest are counted.
pub const MAX_STATEMENTS: usize = 25;
/// Unit names listed in one sentence or cell; the rest are counted.
pub const MAX_NAMES: usize = 30;
/// Documents cited under a task; the rest are counted.
pub const MAX_PRODUCTS: usize = 4;
/// Coordinators' results listed under a task; the rest are counted.
pub const MAX_COORDINATORS: usize = 3;

/// What a unit (or several, when they wrote the same) said.
#[derive(Debug, Clone, Serialize)]
pub struct Statement {
    pub don_vi: String,
    pub noi_dung: String,
    pub trang_thai_ten: Option<String>,
}

/// A list of statements, capped; `con_lai` counts those left out.
#[derive(Debug, Default, Serialize)]
pub struct StatementList {
    pub ds: Vec<Statement>,
    pub con_lai: usize,
    /// Units that wrote something, in all.
    pub so_don_vi: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ProductView {
    pub so_ky_hieu: String,
    pub ngay: Option<String>,
    pub trich_yeu: String,
    /// "Quyết định", "Kế hoạch", … or "Công văn".
    pub loai: String,
    pub don_vi: String,
    /// The citation as running text: "Kế hoạch số 11/KH-NV ngày 03/04/2024 về tự kiểm tra …".
    pub dan_chieu: String,
}

/// Document types by the code in a document number ("12/KH-UBND" → Kế hoạch).
pub fn doc_type(number: &str) -> &'static str {
    const TYPES: [(&str, &str); 16] = [
        ("NQ", "Nghị quyết"),
        ("QĐ", "Quyết định"),
        ("CT", "Chỉ thị"),
        ("QC", "Quy chế"),
        ("QyĐ", "Quy định"),
        ("TB", "Thông báo"),
        ("HD", "Hướng dẫn"),
        ("CTr", "Chương trình"),
        ("KH", "Kế hoạch"),
        ("PA", "Phương án"),
        ("ĐA", "Đề án"),
        ("BC", "Báo cáo"),
        ("BB", "Biên bản"),
        ("TTr", "Tờ trình"),
        ("GM", "Giấy mời"),
        ("CĐ", "Công điện"),
    ];
    let after = number.rsplit('/').next().unwrap_or("");
    let code = after.split('-').next().unwrap_or("").trim();
    if !after.contains('-') {
        return "Công văn";
    }
    TYPES
        .iter()
        .find(|(c, _)| *c == code)
        .map_or("Công văn", |(_, name)| name)
}

/// Merges identical texts from several units ("UBND xã A, UBND xã B: …"), keeps registry
/// order of the first writer, and caps the list.
pub fn statements(
    items: impl Iterator<Item = (UnitIdx, String)>,
    r: &PeriodReport,
) -> StatementList {
    let reg = &r.data.registry;
    let mut order: Vec<String> = Vec::new();
    let mut by_text: std::collections::HashMap<String, Vec<UnitIdx>> =
        std::collections::HashMap::new();
    let mut writers = std::collections::HashSet::new();
    for (u, text) in items {
        let text = text.trim().to_string();
        if text.is_empty() {
            continue;
        }
        writers.insert(u);
        let e = by_text.entry(text.clone()).or_default();
        if e.is_empty() {
            order.push(text);
        }
        // Items come unit by unit, so a unit repeating a text repeats it last.
        if e.last() != Some(&u) {
            e.push(u);
        }
    }
    let total = order.len();
    let ds = order
        .into_iter()
        .take(MAX_STATEMENTS)
        .map(|text| {
            let units = &by_text[&text];
            Statement {
                don_vi: join_names(units.iter().map(|&u| reg[u].name.as_str()), 5),
                noi_dung: text,
                trang_thai_ten: None,
            }
        })
        .collect();
    StatementList {
        ds,
        con_lai: total.saturating_sub(MAX_STATEMENTS),
        so_don_vi: writers.len(),
    }
}

/// The first `max` of a list, and how many were left out: the one rule by which every list
/// of names is cut short, so that a province's report names its units without a page of
/// names.
pub fn cut<T>(items: impl IntoIterator<Item = T>, max: usize) -> (Vec<T>, usize) {
    let mut shown = Vec::new();
    let mut more = 0;
    for item in items {
        if shown.len() < max {
            shown.push(item);
        } else {
            more += 1;
        }
    }
    (shown, more)
}

/// At most [`MAX_NAMES`] names; the rest become one last item "N đơn vị khác" (for a
/// template's `noi` filter: "A, B và 05 đơn vị khác").
pub fn capped(names: Vec<String>) -> Vec<String> {
    let (mut shown, more) = cut(names, MAX_NAMES);
    if more > 0 {
        shown.push(format!("{} đơn vị khác", format::two_digits(more as i64)));
    }
    shown
}

/// "A, B, C và 4 đơn vị khác".
pub fn join_names<'a>(names: impl Iterator<Item = &'a str>, max: usize) -> String {
    let (shown, more) = cut(names, max);
    if more == 0 {
        return shown.join(", ");
    }
    format!("{} và {more} đơn vị khác", shown.join(", "))
}

/// "Kế hoạch số 11/KH-NV ngày 03/04/2024 về tự kiểm tra …"; a "V/v …" summary reads
/// "về việc …".
pub fn citation(number: &str, date: Option<NaiveDate>, summary: &str) -> String {
    let mut s = format!("{} số {number}", doc_type(number));
    if let Some(d) = date {
        s.push_str(&format!(" ngày {}", format::short_date(d)));
    }
    let summary = summary.trim().trim_end_matches('.');
    if !summary.is_empty() {
        let about = match summary
            .strip_prefix("V/v")
            .or_else(|| summary.strip_prefix("v/v"))
        {
            Some(rest) => format!("về việc {}", rest.trim()),
            None => {
                let lower = format::lower_first(summary);
                if lower.starts_with("về ") {
                    lower
                } else {
                    format!("về {lower}")
                }
            }
        };
        s.push(' ');
        s.push_str(&about);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_types_from_numbers() {
        assert_eq!(doc_type("12/KH-UBND"), "Kế hoạch");
        assert_eq!(doc_type("12/2024/QĐ-UBND"), "Quyết định");
        assert_eq!(doc_type("45/BC-TP"), "Báo cáo");
        assert_eq!(doc_type("336/NV"), "Công văn");
        assert_eq!(doc_type("15/UBND-NV"), "Công văn");
        assert_eq!(doc_type("03/TTr-NV"), "Tờ trình");
    }

    #[test]
    fn citations() {
        let d = NaiveDate::from_ymd_opt(2024, 4, 3);
        assert_eq!(
            citation(
                "11/KH-NV",
                d,
                "Tự kiểm tra công tác cải cách hành chính năm 2024"
            ),
            "Kế hoạch số 11/KH-NV ngày 03/04/2024 về tự kiểm tra công tác cải cách hành chính năm 2024"
        );
        assert_eq!(
            citation("336/NV", None, "V/v góp ý quy trình."),
            "Công văn số 336/NV về việc góp ý quy trình"
        );
        assert_eq!(citation("5/QĐ-UBND", None, ""), "Quyết định số 5/QĐ-UBND");
    }

    #[test]
    fn long_name_lists_are_cut() {
        assert_eq!(join_names(["A", "B"].into_iter(), 5), "A, B");
        assert_eq!(
            join_names(["A", "B", "C"].into_iter(), 2),
            "A, B và 1 đơn vị khác"
        );
    }
}
