//! `cau-hinh.yaml`: who issues the report, who signs it, who receives it, and the period rules
//! (cut-off and submission deadlines).

use crate::input::reader::{Ctx, fields, number, text, text_list};
use crate::input::yaml::Node;
use crate::model::period::{CutOff, Period, ReportKind};

/// The configuration of the issuing body (SPEC §2.5).
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
    /// "UBND-NV"; by default the body's code from `ky_hieu` and the drafting office from `luu`.
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
    pub deadlines: Deadlines,
}

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
    pub fn deadline(&self, p: Period) -> chrono::NaiveDate {
        p.deadline(self.cutoff, self.deadlines.days(p.report_kind()))
    }
}

/// Days after a period's end date (`han_nop`), by report kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deadlines {
    pub quarterly: u32,
    pub six_months: u32,
    pub nine_months: u32,
    pub annual: u32,
}

impl Default for Deadlines {
    fn default() -> Self {
        Deadlines {
            quarterly: 3,
            six_months: 3,
            nine_months: 3,
            annual: 5,
        }
    }
}

impl Deadlines {
    pub fn days(&self, kind: ReportKind) -> u32 {
        match kind {
            ReportKind::Quarterly => self.quarterly,
            ReportKind::SixMonths => self.six_months,
            ReportKind::NineMonths => self.nine_months,
            ReportKind::Annual => self.annual,
        }
    }
}

const WHAT: &str = "cấu hình";

/// Reads the configuration; problems go to `ctx`.
pub fn read_config(ctx: &mut Ctx, root: &Node) -> Option<Config> {
    let mut f = fields(ctx, root, WHAT)?;
    let opt_text = |ctx: &mut Ctx, n: Option<&Node>, key: &str| -> Option<String> {
        n.and_then(|n| text(ctx, n, key))
            .map(|s| s.trim().to_string())
    };
    let parent_body =
        opt_text(ctx, f.get("co_quan_chu_quan"), "co_quan_chu_quan").unwrap_or_default();
    let issuing_body = f
        .required(ctx, "co_quan_ban_hanh", "tên cơ quan ban hành")
        .and_then(|n| text(ctx, n, "co_quan_ban_hanh"));
    let body_name = f
        .required(ctx, "ten_co_quan", "tên cơ quan viết thường")
        .and_then(|n| text(ctx, n, "ten_co_quan"));
    let doc_code = opt_text(ctx, f.get("ky_hieu"), "ky_hieu").unwrap_or_else(|| "BC-UBND".into());
    let place = f
        .required(ctx, "dia_danh", "địa danh")
        .and_then(|n| text(ctx, n, "dia_danh"));
    let addressee = opt_text(ctx, f.get("kinh_gui"), "kinh_gui").filter(|s| !s.is_empty());
    let signer = f
        .required(ctx, "nguoi_ky", "người ký")
        .and_then(|n| read_signer(ctx, n));
    let recipients = f
        .get("noi_nhan")
        .map(|n| text_list(ctx, n, "noi_nhan"))
        .unwrap_or_default()
        .into_iter()
        .map(|(s, _)| s.trim().trim_end_matches(';').trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let archive = opt_text(ctx, f.get("luu"), "luu").unwrap_or_else(|| "VT.".into());
    let letter_code = opt_text(ctx, f.get("ky_hieu_cong_van"), "ky_hieu_cong_van")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| default_letter_code(&doc_code, &archive));
    let cutoff = match f.get("chot_so_lieu") {
        None => CutOff::Nd09,
        Some(n) => match text(ctx, n, "chot_so_lieu").as_deref().map(str::trim) {
            Some("nd09") => CutOff::Nd09,
            Some("lich") => CutOff::Calendar,
            Some(other) => {
                ctx.error(
                    "gia-tri-la",
                    n.pos,
                    format!("Cách chốt số liệu '{other}' không hợp lệ."),
                    Some(
                        "Dùng 'nd09' (theo Nghị định 09/2019/NĐ-CP) hoặc 'lich' (theo lịch)."
                            .into(),
                    ),
                );
                CutOff::Nd09
            }
            None => CutOff::Nd09,
        },
    };
    let deadlines = f
        .get("han_nop")
        .map(|n| read_deadlines(ctx, n))
        .unwrap_or_default();
    f.finish(ctx, WHAT);
    Some(Config {
        parent_body,
        issuing_body: issuing_body?.trim().to_string(),
        body_name: body_name?.trim().to_string(),
        doc_code,
        letter_code,
        place: place?.trim().to_string(),
        addressee,
        signer: signer?,
        recipients,
        archive,
        cutoff,
        deadlines,
    })
}

/// "BC-UBND" and "VT, NV." → "UBND-NV": a công văn's code is the body's code and the drafting
/// office's (ND30: công văn carry no type code).
fn default_letter_code(doc_code: &str, archive: &str) -> String {
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

fn read_signer(ctx: &mut Ctx, n: &Node) -> Option<Signer> {
    let mut f = fields(ctx, n, "người ký")?;
    let mut req = |ctx: &mut Ctx, key: &'static str, what: &str| {
        f.required(ctx, key, what)
            .and_then(|n| text(ctx, n, key))
            .map(|s| s.trim().to_string())
    };
    let authority = req(
        ctx,
        "quyen_han",
        "quyền hạn ký, ví dụ \"TM. ỦY BAN NHÂN DÂN\"",
    );
    let title = req(ctx, "chuc_vu", "chức vụ người ký");
    let name = req(ctx, "ho_ten", "họ tên người ký");
    f.finish(ctx, "người ký");
    Some(Signer {
        authority: authority?,
        title: title?,
        name: name?,
    })
}

fn read_deadlines(ctx: &mut Ctx, n: &Node) -> Deadlines {
    let mut d = Deadlines::default();
    let Some(mut f) = fields(ctx, n, "hạn nộp") else {
        return d;
    };
    for (key, slot) in [
        ("quy", &mut d.quarterly),
        ("6t", &mut d.six_months),
        ("9t", &mut d.nine_months),
        ("nam", &mut d.annual),
    ] {
        if let Some(v) = f.get(key) {
            match number(ctx, v, key) {
                Some(crate::input::reader::Num::Int(i)) if (0..=366).contains(&i) => {
                    *slot = i as u32
                }
                Some(_) => ctx.error(
                    "sai-so",
                    v.pos,
                    format!("Hạn nộp '{key}' phải là số ngày nguyên từ 0 đến 366."),
                    None,
                ),
                None => {}
            }
        }
    }
    f.finish(ctx, "hạn nộp");
    d
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
