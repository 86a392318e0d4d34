//! A plan as the YAML of `ke-hoach/<năm>.yaml`, laid out like the shipped plan (keys in the
//! order docs/nhap-ke-hoach.md gives, a blank line between areas, what needs a decision as
//! comments above its task), and the plan import's review list as text.

use crate::model::plan::{Plan, Task};
use crate::model::plan_import::{ReviewItem, ReviewKind, ReviewPlace};
use crate::model::registry::{Registry, UnitRef};
use crate::render::forms::quote;
use std::fmt::Write;

/// The plan file: `source` is the document it was imported from, `review_file` the name of
/// the review list beside it.
pub fn plan_yaml(
    plan: &Plan,
    reg: &Registry,
    review: &[ReviewItem],
    source: &str,
    review_file: &str,
) -> String {
    let mut out = String::new();
    let decide = review
        .iter()
        .filter(|r| r.kind == ReviewKind::Decide)
        .count();
    let _ = writeln!(
        out,
        "# Kế hoạch cải cách hành chính năm {}, nhập từ \"{}\" bằng lệnh \"baocao ke-hoach nhap\".",
        plan.year,
        one_line(source)
    );
    out.push_str(
        "# Nội dung, sản phẩm, thời gian chép nguyên văn; đơn vị chủ trì, phối hợp ghi bằng mã trong\n\
         # don-vi.yaml, phần không có trong danh mục ghi ở chu_tri_khac, phoi_hop_khac.\n",
    );
    let _ = writeln!(
        out,
        "# Danh sách cần xem lại: {review_file} ({decide} mục cần quyết định, {} mục nên soát lại).",
        review.len() - decide
    );
    let _ = writeln!(out, "so_ky_hieu: {}", quote(&plan.number));
    let _ = writeln!(out, "trich_yeu: {}", quote(&plan.title));
    let _ = writeln!(out, "nam: {}", plan.year);
    if let Some(d) = plan.issued {
        let _ = writeln!(out, "ngay_ban_hanh: {}", d.format("%Y-%m-%d"));
    }
    out.push_str("linh_vuc:\n");
    for (k, area) in plan.area_ids().enumerate() {
        if k > 0 {
            out.push('\n');
        }
        let _ = writeln!(out, "  - ma: {}", quote(&plan[area].id));
        let _ = writeln!(out, "    ten: {}", quote(&plan[area].name));
        for item in review.iter().filter(|r| {
            r.kind == ReviewKind::Decide && r.place == ReviewPlace::Area(plan[area].id.clone())
        }) {
            let _ = writeln!(
                out,
                "    # xem lại ({}): {}",
                item.field,
                one_line(&item.note)
            );
        }
        out.push_str("    nhiem_vu:\n");
        for t in plan.tasks_of(area) {
            write_task(&mut out, &plan[t], reg, review);
        }
    }
    out
}

fn write_task(out: &mut String, t: &Task, reg: &Registry, review: &[ReviewItem]) {
    let place = ReviewPlace::Task(t.id.clone());
    for item in review
        .iter()
        .filter(|r| r.kind == ReviewKind::Decide && r.place == place)
    {
        let _ = writeln!(
            out,
            "      # xem lại ({}): {}",
            item.field,
            one_line(&item.note)
        );
    }
    let _ = writeln!(out, "      - ma: {}", quote(&t.id));
    let default_label = format!("{})", t.id.rsplit('.').next().unwrap_or(&t.id));
    if t.label != default_label {
        let _ = writeln!(out, "        nhan: {}", quote(&t.label));
    }
    let _ = writeln!(out, "        noi_dung: {}", quote(&t.content));
    let _ = writeln!(out, "        chu_tri: {}", refs(&t.lead_refs, reg));
    if let Some(o) = &t.lead_other {
        let _ = writeln!(out, "        chu_tri_khac: {}", quote(o));
    }
    let _ = writeln!(out, "        phoi_hop: {}", refs(&t.coord_refs, reg));
    if let Some(o) = &t.coord_other {
        let _ = writeln!(out, "        phoi_hop_khac: {}", quote(o));
    }
    let _ = writeln!(out, "        san_pham: {}", quote(&t.product));
    let tl = &t.time_limit;
    out.push_str("        thoi_han:\n");
    let _ = writeln!(out, "          mo_ta: {}", quote(&tl.text));
    if tl.recurring {
        out.push_str("          thuong_xuyen: true\n");
    }
    if !tl.milestones.is_empty() {
        out.push_str("          moc:\n");
        for m in &tl.milestones {
            let _ = writeln!(out, "            - ngay: {}", m.date.format("%Y-%m-%d"));
            let _ = writeln!(out, "              viec: {}", quote(&m.what));
        }
    }
}

/// `[phong-tu-phap, "@xa-phuong"]`: unit ids plain where YAML reads them as text, groups
/// quoted (a plain `@` cannot start a YAML value).
fn refs(refs: &[UnitRef], reg: &Registry) -> String {
    let items: Vec<String> = refs
        .iter()
        .map(|r| match *r {
            UnitRef::Unit(u) => plain_or_quoted(&reg[u].id),
            UnitRef::Group(g) => quote(&format!("@{}", reg[g].id)),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn plain_or_quoted(id: &str) -> String {
    let plain = id.starts_with(|c: char| c.is_ascii_lowercase())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !matches!(
            id,
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if plain { id.to_string() } else { quote(id) }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The review list as the terminal shows it: a heading, then the items that need a decision,
/// then those decided by a rule, one line each ("3.d chu_tri: …").
pub fn review_text(review: &[ReviewItem], year: i32, source: &str, plan_file: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "DANH SÁCH CẦN XEM LẠI: KẾ HOẠCH CCHC NĂM {year}");
    let _ = writeln!(out, "Nhập từ: {}", one_line(source));
    let _ = writeln!(out, "Tệp kế hoạch: {plan_file}");
    out.push_str(
        "Mỗi dòng: mã nhiệm vụ, tên trường trong tệp kế hoạch, việc cần xem. Sửa thẳng trong tệp kế \
         hoạch rồi chạy \"baocao check\" để kiểm tra.\n",
    );
    if review.is_empty() {
        out.push_str("\nKhông có mục nào cần xem lại.\n");
        return out;
    }
    for (kind, heading) in [
        (
            ReviewKind::Decide,
            "CẦN QUYẾT ĐỊNH: văn bản thiếu, lạ, hoặc có tên chưa có trong danh mục",
        ),
        (
            ReviewKind::Check,
            "NÊN SOÁT LẠI: chương trình đã tự xác định theo quy tắc",
        ),
    ] {
        let items: Vec<&ReviewItem> = review.iter().filter(|r| r.kind == kind).collect();
        if items.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n{heading} ({} mục)", items.len());
        for r in items {
            let _ = writeln!(
                out,
                "{} {}: {}",
                r.place_label(),
                r.field,
                one_line(&r.note)
            );
        }
    }
    out
}

/// The review list as the file beside the plan: UTF-8 with a BOM and CRLF line ends, so
/// that Notepad shows it right.
pub fn review_file(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(text.replace('\n', "\r\n").as_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_plain_unless_yaml_would_misread_them() {
        assert_eq!(plain_or_quoted("phong-tu-phap"), "phong-tu-phap");
        assert_eq!(plain_or_quoted("no"), "\"no\"");
        assert_eq!(plain_or_quoted("123"), "\"123\"");
    }

    #[test]
    fn review_file_for_notepad() {
        let item = ReviewItem::new(
            ReviewKind::Decide,
            ReviewPlace::Task("7.d".into()),
            "nhan",
            "nhãn lặp lại.".into(),
        );
        let text = review_text(&[item], 2024, "kh.txt", "ke-hoach/2024.yaml");
        assert!(text.contains("\n7.d nhan: nhãn lặp lại.\n"), "{text}");
        let bytes = review_file(&text);
        assert!(bytes.starts_with(b"\xEF\xBB\xBFDANH"));
        assert!(
            !String::from_utf8(bytes)
                .unwrap()
                .replace("\r\n", "")
                .contains('\n')
        );
    }
}
