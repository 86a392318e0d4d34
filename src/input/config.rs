//! Reads `cau-hinh.yaml` into a [`Config`]: who issues the report, who signs it, who
//! receives it, and the period rules.

use crate::diagnostics::code;
use crate::input::reader::{Ctx, fields, integer, text};
use crate::input::yaml::Node;
use crate::model::config::{Config, REMINDER_DAYS, Signer, SubmissionDays, default_letter_code};
use crate::model::period::CutOff;

const WHAT: &str = "cấu hình";

/// Reads the configuration; problems go to `ctx`.
pub fn read_config(ctx: &mut Ctx, root: &Node) -> Option<Config> {
    let mut f = fields(ctx, root, WHAT)?;
    let parent_body = f.opt_text(ctx, "co_quan_chu_quan").unwrap_or_default();
    let issuing_body = f
        .required(ctx, "co_quan_ban_hanh", "tên cơ quan ban hành")
        .and_then(|n| text(ctx, n, "co_quan_ban_hanh"));
    let body_name = f
        .required(ctx, "ten_co_quan", "tên cơ quan viết thường")
        .and_then(|n| text(ctx, n, "ten_co_quan"));
    let doc_code = f
        .opt_text(ctx, "ky_hieu")
        .unwrap_or_else(|| "BC-UBND".into());
    let place = f
        .required(ctx, "dia_danh", "địa danh")
        .and_then(|n| text(ctx, n, "dia_danh"));
    let addressee = f.opt_text(ctx, "kinh_gui");
    let signer = f
        .required(ctx, "nguoi_ky", "người ký")
        .and_then(|n| read_signer(ctx, n));
    let recipients = f
        .opt_list(ctx, "noi_nhan")
        .into_iter()
        .map(|s| s.trim_end_matches(';').trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let archive = f.opt_text(ctx, "luu").unwrap_or_else(|| "VT.".into());
    let letter_code = f
        .opt_text(ctx, "ky_hieu_cong_van")
        .unwrap_or_else(|| default_letter_code(&doc_code, &archive));
    let cutoff = match f.get("chot_so_lieu") {
        None => CutOff::Nd09,
        Some(n) => match text(ctx, n, "chot_so_lieu").as_deref().map(str::trim) {
            Some("nd09") => CutOff::Nd09,
            Some("lich") => CutOff::Calendar,
            Some(other) => {
                ctx.error(
                    code::GIA_TRI_LA,
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
    let submission_days = f
        .get("han_nop")
        .map(|n| read_submission_days(ctx, n))
        .unwrap_or_default();
    let reminder_days = match f.get("han_don_doc") {
        None => REMINDER_DAYS,
        Some(n) => match integer(ctx, n, "han_don_doc") {
            Some(i) if (1..=60).contains(&i) => i as u32,
            Some(_) => {
                ctx.error(
                    code::SAI_SO,
                    n.pos,
                    "Hạn gửi lại sau công văn đôn đốc (han_don_doc) phải là số ngày từ 1 đến 60."
                        .into(),
                    None,
                );
                REMINDER_DAYS
            }
            None => REMINDER_DAYS,
        },
    };
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
        submission_days,
        reminder_days,
    })
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

fn read_submission_days(ctx: &mut Ctx, n: &Node) -> SubmissionDays {
    let mut d = SubmissionDays::default();
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
            match integer(ctx, v, key) {
                Some(i) if (0..=366).contains(&i) => *slot = i as u32,
                Some(_) => ctx.error(
                    code::SAI_SO,
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
