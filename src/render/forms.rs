//! Pre-filled submission forms (`<out>/<KY>/bieu-mau/<đơn vị>.yaml`): for one unit and one
//! period, exactly the tasks it leads or coordinates (each with its text, product and time
//! limit as comments) and the indicators it reports, the header filled in, ready to be
//! completed and dropped into `nop/<đơn vị>/`.

use crate::model::dataset::DataSet;
use crate::model::ids::UnitIdx;
use crate::model::period::Period;
use crate::model::plan::{Plan, Role};
use crate::model::status::Status;
use crate::render::format;
use std::fmt::Write;

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

/// Wraps a comment text at about `width` characters, each line starting with `prefix`.
fn comment(out: &mut String, prefix: &str, text: &str, width: usize) {
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + word.chars().count() + 1 > width {
            let _ = writeln!(out, "{prefix}{line}");
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        let _ = writeln!(out, "{prefix}{line}");
    }
}

/// The form of one unit for one period.
pub fn render_form(data: &DataSet, plan: &Plan, period: Period, unit: UnitIdx) -> String {
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

    let tasks: Vec<(&crate::model::plan::Task, Role)> = plan
        .tasks()
        .iter()
        .map(|t| (t, t.role_of(unit)))
        .filter(|(_, r)| *r != Role::Other)
        .collect();
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
        for (t, role) in tasks {
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
            let _ = writeln!(o, "  - ma: {}", quote(&t.id));
            let _ = writeln!(o, "    trang_thai:               # {status_codes}");
            o.push_str("    tien_do:                  # 0 - 100\n");
            o.push_str("    ket_qua: \"\"\n");
        }
    }

    let asked: Vec<&crate::model::catalogue::Indicator> = data
        .catalogue
        .items()
        .iter()
        .filter(|i| i.asked_of(unit))
        .collect();
    if asked.is_empty() {
        o.push_str("\nchi_tieu: {}\n");
    } else {
        o.push_str("\n# Số liệu của đơn vị trong kỳ (để trống nếu không có). Các tỷ lệ được tính tự động.\nchi_tieu:\n");
        for ind in asked {
            let _ = writeln!(o, "  # {} ({})", ind.name, ind.measure);
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
    }
}
