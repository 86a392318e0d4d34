//! Pre-filled submission forms (`<out>/<KY>/bieu-mau/<đơn vị>.yaml`): for one unit and one
//! period, exactly the tasks it leads or coordinates (each with its text, product and time
//! limit as comments) and the indicators it reports, the header filled in, ready to be
//! completed and dropped into `nop/<đơn vị>/`. Above each task and indicator, what the unit's
//! previous report said of it, as a comment (never as a value). The workbook form
//! (`render::form_xlsx`) lists the same tasks and indicators, through [`unit_tasks`] and
//! [`asked_indicators`].

use crate::model::catalogue::Indicator;
use crate::model::dataset::DataSet;
use crate::model::ids::{IndicatorIdx, TaskIdx, UnitIdx};
use crate::model::period::Period;
use crate::model::plan::{Plan, Role, Task};
use crate::model::previous::PreviousReport;
use crate::model::status::Status;
use crate::model::submission::TaskReport;
use crate::render::format;
use std::fmt::Write;

/// The tasks of a unit's form: those it leads or coordinates (directly or through a group),
/// in plan order, with its role.
pub fn unit_tasks(plan: &Plan, unit: UnitIdx) -> Vec<(TaskIdx, &Task, Role)> {
    plan.task_ids()
        .zip(plan.tasks())
        .map(|(i, t)| (i, t, t.role_of(unit)))
        .filter(|(_, _, r)| *r != Role::Other)
        .collect()
}

/// The indicators of a unit's form: those it is asked for, in catalogue order (never a
/// ratio, which is computed).
pub fn asked_indicators(data: &DataSet, unit: UnitIdx) -> Vec<(IndicatorIdx, &Indicator)> {
    data.catalogue
        .ids()
        .zip(data.catalogue.items())
        .filter(|(_, ind)| ind.asked_of(unit))
        .collect()
}

/// Words of a previous result the forms show.
pub const PREVIOUS_WORDS: usize = 40;

/// "Đang thực hiện, 40%": a task's status and progress as a report gave them.
pub fn status_progress(t: &TaskReport) -> String {
    match t.progress {
        Some(p) => format!(
            "{}, {}%",
            t.status.label(),
            format::number(p.as_f64(), None)
        ),
        None => t.status.label().to_string(),
    }
}

/// A report's result on a task, shortened to [`PREVIOUS_WORDS`] words; none when empty.
pub fn previous_result(t: &TaskReport) -> Option<String> {
    t.result
        .as_deref()
        .map(|r| format::shorten(r, PREVIOUS_WORDS))
        .filter(|r| !r.is_empty())
}

/// A YAML double-quoted string; control characters and the line breaks YAML would fold
/// are written as escapes, so any text reads back unchanged.
pub fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Wraps a comment text at about `width` characters: the first line starts with `prefix`,
/// the next ones with its `#` and spaces as wide as the rest of it ("  # Nội dung: " is
/// followed by "  #          "), so that a wrapped line never looks like a new item.
fn comment(out: &mut String, prefix: &str, text: &str, width: usize) {
    let hash = prefix.find('#').map_or(0, |i| i + 1);
    let indent = format!(
        "{}{}",
        &prefix[..hash],
        " ".repeat(prefix[hash..].chars().count())
    );
    let mut lead = prefix;
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + word.chars().count() + 1 > width {
            let _ = writeln!(out, "{lead}{line}");
            lead = &indent;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{lead}{line}");
    }
}

/// "  # Kỳ trước (quý I năm 2024): Đang thực hiện, 40%; kết quả: …" above a task: what the
/// unit's previous report said of it; nothing when the unit has no previous report.
fn previous_task_comment(out: &mut String, previous: Option<&PreviousReport>, task: TaskIdx) {
    let Some(prev) = previous else { return };
    let prefix = format!("  # Kỳ trước ({}): ", prev.period.display_name());
    let text = match prev.task(task) {
        None => "đơn vị không báo cáo nhiệm vụ này.".to_string(),
        Some(t) => match previous_result(t) {
            Some(r) => format!("{}; kết quả: {r}", status_progress(t)),
            None => format!("{}.", status_progress(t)),
        },
    };
    // Lines of about 100 characters, as the other comments.
    let width = 100usize.saturating_sub(prefix.chars().count()).max(40);
    comment(out, &prefix, &text, width);
}

/// The form of one unit for one period, with what its previous report said (if it has one)
/// as comments.
pub fn render_form(
    data: &DataSet,
    plan: &Plan,
    period: Period,
    unit: UnitIdx,
    previous: Option<&PreviousReport>,
) -> String {
    let u = &data.registry[unit];
    let cfg = &data.config;
    let rule = cfg.cutoff;
    let deadline = cfg.submission_deadline(period);
    let codes: Vec<String> = Status::REPORTABLE
        .iter()
        .map(|s| format!("{} ({})", s.code(), s.label()))
        .collect();
    let status_codes = Status::REPORTABLE.map(|s| s.code()).join(" | ");
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {}",
        format::upper(&period.display_name())
    );
    let _ = writeln!(o, "# Đơn vị: {}", u.name);
    let _ = writeln!(
        o,
        "# Số liệu tính từ ngày {} đến ngày {}; hạn gửi: ngày {}.",
        format::short_date(period.start(rule)),
        format::short_date(period.end(rule)),
        format::short_date(deadline)
    );
    let _ = writeln!(
        o,
        "# Gửi báo cáo: lưu tệp này (mã hóa UTF-8) vào thư mục nop/{}/ của thư mục dùng chung.",
        u.id
    );
    o.push_str("#\n# Cách điền:\n");
    comment(
        &mut o,
        "# - ",
        &format!(
            "trang_thai của mỗi nhiệm vụ là một trong các mã: {}.",
            codes.join(", ")
        ),
        92,
    );
    o.push_str(
        "# - tien_do: phần trăm khối lượng công việc đã làm, từ 0 đến 100 (không ghi dấu %).\n",
    );
    o.push_str("# - ket_qua: kết quả cụ thể trong kỳ; văn bản đã ban hành ghi vào san_pham (so_ky_hieu,\n#   ngay, trich_yeu).\n");
    o.push_str("# - Ngày ghi dạng 12/03/2024 hoặc 2024-03-12. Số liệu ghi liền, không dấu chấm ngăn cách\n#   hàng nghìn (1200, không phải 1.200).\n");
    o.push_str(
        "# - Đoạn chữ đặt trong dấu nháy kép \"...\"; dấu nháy kép bên trong viết là \\\".\n",
    );
    o.push_str("# - Dòng bắt đầu bằng dấu # là chú thích, không cần xóa.\n\n");

    let _ = writeln!(o, "don_vi: {}", u.id);
    let _ = writeln!(o, "ky_bao_cao: {}", period.code());
    let _ = writeln!(
        o,
        "ngay_bao_cao: {}        # sửa thành ngày lập báo cáo",
        format::short_date(deadline)
    );
    o.push_str("nguoi_lap: \"\"                 # họ tên người lập\n");
    o.push_str(
        "so_ky_hieu: \"\"                # số, ký hiệu báo cáo của đơn vị, ví dụ \"25/BC-TP\"\n",
    );

    let tasks = unit_tasks(plan, unit);
    if tasks.is_empty() {
        o.push_str("\n# Đơn vị không được giao chủ trì hay phối hợp nhiệm vụ nào của Kế hoạch.\nnhiem_vu: []\n");
    } else {
        let _ = writeln!(
            o,
            "\n# Các nhiệm vụ của Kế hoạch {} mà đơn vị chủ trì hoặc phối hợp ({} nhiệm vụ).",
            plan.number,
            tasks.len()
        );
        o.push_str("nhiem_vu:\n");
        let mut area = None;
        for (idx, t, role) in tasks {
            if Some(t.area) != area {
                area = Some(t.area);
                let a = &plan[t.area];
                let _ = writeln!(o, "\n  # ===== {}. {} =====", a.id, format::upper(&a.name));
            }
            let role = match role {
                Role::Lead => "ĐƠN VỊ CHỦ TRÌ",
                _ => "ĐƠN VỊ PHỐI HỢP",
            };
            let _ = writeln!(o, "\n  # {} {} — {role}", t.id, t.label);
            comment(&mut o, "  # Nội dung: ", &t.content, 86);
            if !t.product.is_empty() {
                comment(&mut o, "  # Sản phẩm: ", &t.product, 86);
            }
            if !t.time_limit.text.is_empty() {
                comment(&mut o, "  # Thời hạn: ", &t.time_limit.text, 86);
            }
            previous_task_comment(&mut o, previous, idx);
            let _ = writeln!(o, "  - ma: {}", quote(&t.id));
            let _ = writeln!(o, "    trang_thai:               # {status_codes}");
            o.push_str("    tien_do:                  # 0 - 100\n");
            o.push_str("    ket_qua: \"\"\n");
        }
    }

    let asked = asked_indicators(data, unit);
    if asked.is_empty() {
        o.push_str("\nchi_tieu: {}\n");
    } else {
        o.push_str("\n# Số liệu của đơn vị trong kỳ (để trống nếu không có). Các tỷ lệ được tính tự động.\nchi_tieu:\n");
        for (idx, ind) in asked {
            let _ = writeln!(o, "  # {} ({})", ind.name, ind.measure);
            if let Some(prev) = previous {
                let value = prev
                    .indicator(idx)
                    .map_or("đơn vị không báo cáo.".to_string(), |v| {
                        v.to_string()
                    });
                let _ = writeln!(o, "  # Kỳ trước ({}): {value}", prev.period.display_name());
            }
            let _ = writeln!(o, "  {}:", ind.id);
        }
    }
    o.push_str("\n# Công tác chỉ đạo, điều hành cải cách hành chính của đơn vị trong kỳ.\nchi_dao_dieu_hanh: \"\"\n");
    o.push_str("# Khó khăn, vướng mắc; đề xuất, kiến nghị; phương hướng kỳ tới: mỗi ý một dòng \"- ...\".\n");
    o.push_str("kho_khan: []\nkien_nghi: []\nphuong_huong: []\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_escapes_what_yaml_needs() {
        assert_eq!(quote("a \"b\" \\ c"), "\"a \\\"b\\\" \\\\ c\"");
        assert_eq!(quote("1.a"), "\"1.a\"");
    }

    #[test]
    fn quoted_text_reads_back_unchanged() {
        for text in [
            "Hoàn thành: 100%  \t",
            "dòng 1\r\ndòng 2\u{2028}dòng 3\u{85}",
            "\u{feff}# không phải chú thích: {a: [b]}",
            "\u{7}\u{1b}[0m",
        ] {
            let back: String = serde_saphyr::from_str(&quote(text)).expect("valid YAML");
            assert_eq!(back, text);
        }
    }

    #[test]
    fn comments_wrap() {
        let mut o = String::new();
        comment(&mut o, "# ", "một hai ba bốn năm", 8);
        assert_eq!(o, "# một hai\n# ba bốn\n# năm\n");
        let mut o = String::new();
        comment(&mut o, "  # - ", "một hai ba bốn năm", 8);
        assert_eq!(o, "  # - một hai\n  #   ba bốn\n  #   năm\n");
    }
}
