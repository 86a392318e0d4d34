//! The report (BÁO CÁO): letterhead, title, the body the template wrote, recipients and
//! signature in portrait pages; then the two landscape appendices, each numbering its pages
//! from 1.

use crate::model::config::Config;
use crate::render::docx::appendix::{appendix_title, indicator_table, task_table};
use crate::render::docx::{
    DocxError, PAGE_H, PAGE_W, PT14, TEXT_W, add_body_and_signature, centered, landscape_margin,
    letterhead, new_document, pack, portrait_margin, rule, run, section_end, spacing, text_width,
};
use crate::render::markup::Document;
use crate::render::view::ReportContext;
use chrono::NaiveDate;
use docx_rs::{Header, PageNumType, PageOrientationType, PageSize, Paragraph, SectionProperty};

/// Builds the report. `date` is the period's end date: the month and year of the place-and-
/// date line and the document's fixed metadata date.
pub fn render_docx(
    cfg: &Config,
    ctx: &ReportContext,
    doc: &Document,
    date: NaiveDate,
) -> Result<Vec<u8>, DocxError> {
    use chrono::Datelike;
    let trich_yeu = doc
        .setting("trich_yeu")
        .unwrap_or("Kết quả thực hiện công tác cải cách hành chính")
        .to_string();
    let mut d = new_document(date).add_table(letterhead(
        cfg,
        &cfg.doc_code,
        None,
        date.month(),
        date.year(),
    ));

    // Title block.
    d = d
        .add_paragraph(
            centered()
                .line_spacing(spacing(360, 0, 240))
                .add_run(run("BÁO CÁO", PT14).bold()),
        )
        .add_paragraph(
            centered()
                .line_spacing(spacing(0, 0, 240))
                .add_run(run(&trich_yeu, PT14).bold()),
        );
    let title_w = text_width(&trich_yeu, PT14, true).min(TEXT_W as i32);
    d = d.add_paragraph(rule(TEXT_W as i32, (title_w * 2 / 5).max(1500)));
    if let Some(to) = &cfg.addressee {
        d = d.add_paragraph(
            centered()
                .line_spacing(spacing(240, 0, 240))
                .add_run(run(&format!("Kính gửi: {to}"), PT14)),
        );
    }
    let mut recipients: Vec<String> = Vec::new();
    if cfg.addressee.is_some() {
        recipients.push("Như trên".into());
    }
    recipients.extend(cfg.recipients.iter().cloned());
    d = add_body_and_signature(d, doc, cfg, &recipients);

    // Close the portrait section; the header is inherited by the sections that follow.
    let portrait = SectionProperty::new()
        .page_size(PageSize::new().size(PAGE_W, PAGE_H))
        .page_margin(portrait_margin())
        .title_pg()
        .header(Header::new(), "rIdHeader1");
    d = d.add_paragraph(section_end(portrait));

    // Appendix I: the tasks (landscape, pages numbered from 1).
    let appendix_title_text = doc
        .setting("phu_luc_nhiem_vu")
        .unwrap_or("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH")
        .to_string();
    for p in appendix_title("I", &appendix_title_text, cfg, date.year()) {
        d = d.add_paragraph(p);
    }
    d = d.add_table(task_table(ctx));
    let landscape_tasks = SectionProperty::new()
        .page_size(
            PageSize::new()
                .size(PAGE_H, PAGE_W)
                .orient(PageOrientationType::Landscape),
        )
        .page_margin(landscape_margin())
        .page_num_type(PageNumType::new().start(1))
        .title_pg()
        .header(Header::new(), "rIdHeader1");
    d = d.add_paragraph(section_end(landscape_tasks));

    // Appendix II: the indicators.
    let indicators_title = doc
        .setting("phu_luc_chi_tieu")
        .unwrap_or("CÁC CHỈ TIÊU CẢI CÁCH HÀNH CHÍNH")
        .to_string();
    for p in appendix_title("II", &indicators_title, cfg, date.year()) {
        d = d.add_paragraph(p);
    }
    d = d
        .add_table(indicator_table(ctx))
        .add_paragraph(Paragraph::new().size(2))
        .page_size(PAGE_H, PAGE_W)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(landscape_margin())
        .page_num_type(PageNumType::new().start(1))
        .title_pg();
    pack(d, date)
}
