//! The configuration of the issuing body (`cau-hinh.yaml`): who issues the report, who signs
//! it, who receives it, and the period rules (data cut-off and the days units have to submit).

use crate::model::period::{CutOff, Period, ReportKind};
use chrono::NaiveDate;

/// The configuration of the issuing body (docs/du-lieu.md, `cau-hinh.yaml`).
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// `co_quan_chu_quan`: parent body in capitals, empty when there is none.
    pub parent_body: String,
    /// `co_quan_ban_hanh`: issuing body in capitals ("ỦY BAN NHÂN DÂN THÀNH PHỐ QUẢNG NGÃI").
    pub issuing_body: String,
    /// `ten_co_quan`: the body's name in normal case, for running text.
    pub body_name: String,
    /// `ky_hieu`: the code printed after the number ("BC-UBND").
    pub doc_code: String,
    /// `ky_hieu_cong_van`: the code of the body's letters (công văn, no type code), e.g.
    /// "UBND-NV"; by default [`default_letter_code`] of `ky_hieu` and `luu`.
    pub letter_code: String,
    /// `dia_danh`: the place written before the date.
    pub place: String,
    /// `kinh_gui`: the addressee of the report, if it carries a "Kính gửi" line.
    pub addressee: Option<String>,
    /// `nguoi_ky`: the signature block.
    pub signer: Signer,
    /// `noi_nhan`: recipients, one per line.
    pub recipients: Vec<String>,
    /// `luu`: the archive line after "Lưu:".
    pub archive: String,
    /// `chot_so_lieu`: `nd09` (default) or `lich`.
    pub cutoff: CutOff,
    /// `han_nop`: days after a period's end date by which a unit's report is on time.
    pub submission_days: SubmissionDays,
    /// `han_don_doc`: days after the reminder letter by which the units it reminds send their
    /// report (the letter's new deadline).
    pub reminder_days: u32,
}

/// Days the reminder letter gives units, by default.
pub const REMINDER_DAYS: u32 = 5;

/// The signature block (`nguoi_ky`).
#[derive(Debug, Clone, PartialEq)]
pub struct Signer {
    /// `quyen_han`: "TM. ỦY BAN NHÂN DÂN".
    pub authority: String,
    /// `chuc_vu`: "CHỦ TỊCH".
    pub title: String,
    /// `ho_ten`: the signer's name.
    pub name: String,
}

impl Config {
    /// The last day a unit's report for `p` is on time: the period's end by the cut-off rule,
    /// plus the days `han_nop` gives its kind.
    pub fn submission_deadline(&self, p: Period) -> NaiveDate {
        p.submission_deadline(self.cutoff, self.submission_days.days(p.report_kind()))
    }
}

/// Days after a period's end date by which units submit (`han_nop`), by report kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SubmissionDays {
    pub quarterly: u32,
    pub six_months: u32,
    pub nine_months: u32,
    pub annual: u32,
}

impl Default for SubmissionDays {
    fn default() -> Self {
        SubmissionDays {
            quarterly: 3,
            six_months: 3,
            nine_months: 3,
            annual: 5,
        }
    }
}

impl SubmissionDays {
    pub fn days(&self, kind: ReportKind) -> u32 {
        match kind {
            ReportKind::Quarterly => self.quarterly,
            ReportKind::SixMonths => self.six_months,
            ReportKind::NineMonths => self.nine_months,
            ReportKind::Annual => self.annual,
        }
    }
}

/// "BC-UBND" and "VT, NV." → "UBND-NV": a công văn's code is the body's code and the drafting
/// office's (ND30: công văn carry no type code).
pub fn default_letter_code(doc_code: &str, archive: &str) -> String {
    let body = doc_code.split_once('-').map_or(doc_code, |(_, b)| b).trim();
    let office = archive
        .trim()
        .trim_end_matches('.')
        .split(',')
        .map(str::trim)
        .rfind(|p| !p.is_empty() && *p != "VT")
        .map(|p| p.split('(').next().unwrap_or(p).trim());
    match office {
        Some(o) if !o.is_empty() => format!("{body}-{o}"),
        _ => body.to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn letter_codes() {
        assert_eq!(super::default_letter_code("BC-UBND", "VT, NV."), "UBND-NV");
        assert_eq!(
            super::default_letter_code("BC-UBND", "VT, NV(02b)."),
            "UBND-NV"
        );
        assert_eq!(super::default_letter_code("BC-SNV", "VT."), "SNV");
    }
}
