//! The submission reader names YAML keys (`'ngay_bao_cao'`, `(tien_do)`) and YAML syntax in
//! its messages. A clerk who filled a workbook sees columns and cells instead: this pass
//! rewrites the messages of a workbook's diagnostics in the form's own words.

use crate::diagnostics::{Diagnostic, code};
use crate::model::form;

/// Keys of a report and the words the workbook form shows for them.
const LABELS: [(&str, &str); 14] = [
    ("ngay_bao_cao", "Ngày báo cáo"),
    ("nguoi_lap", "Người lập"),
    ("so_ky_hieu", "Số, ký hiệu"),
    ("trang_thai", "Tình trạng"),
    ("tien_do", "Tiến độ (%)"),
    ("ket_qua", "Kết quả thực hiện"),
    ("kho_khan", "Khó khăn, vướng mắc"),
    ("san_pham", "Văn bản"),
    ("trich_yeu", "Trích yếu nội dung"),
    ("ngay", "Ngày ban hành"),
    ("ma", "Mã nhiệm vụ"),
    ("chi_tieu", "Chỉ tiêu"),
    ("nhiem_vu", "Nhiệm vụ"),
    ("ky_bao_cao", "Kỳ báo cáo"),
];

/// Rewrites the diagnostics of a workbook: key names become the form's labels, and hints
/// about YAML syntax become hints about cells.
pub fn relabel(diags: &mut [Diagnostic]) {
    for d in diags {
        d.message = words(&d.message);
        d.hint = match d.code {
            code::CHUA_DIEN | code::TRANG_THAI_LA => Some(format!(
                "Chọn một trong các tình trạng của danh sách trong ô: {}.",
                form::status_labels().join(", ")
            )),
            code::THIEU_GIA_TRI | code::THIEU_KHOA => Some("Điền vào ô này.".into()),
            _ => d.hint.as_deref().map(words),
        };
    }
}

/// A message with every quoted key replaced by its label.
fn words(s: &str) -> String {
    let mut out = s.to_string();
    for (k, label) in LABELS {
        for (from, to) in [
            (format!("'{k}'"), format!("'{label}'")),
            (format!("({k})"), format!("({label})")),
            (format!("\"{k}\""), format!("\"{label}\"")),
        ] {
            out = out.replace(&from, &to);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_become_labels_and_yaml_hints_become_cell_hints() {
        let mut d = vec![
            Diagnostic::error(
                code::SAI_NGAY,
                "x.xlsx",
                "Không đọc được ngày '31/02' (ngay_bao_cao).",
            ),
            Diagnostic::error(
                code::CHUA_DIEN,
                "x.xlsx",
                "Nhiệm vụ '1.a' chưa điền trạng thái (trang_thai).",
            )
            .hint(Some("Trạng thái hợp lệ: hoan_thanh (Hoàn thành)".into())),
        ];
        relabel(&mut d);
        assert_eq!(d[0].message, "Không đọc được ngày '31/02' (Ngày báo cáo).");
        assert_eq!(
            d[1].message,
            "Nhiệm vụ '1.a' chưa điền trạng thái (Tình trạng)."
        );
        assert!(d[1].hint.as_deref().unwrap().contains("Đang thực hiện"));
    }
}
