//! `Hướng dẫn`, the first sheet: the unit, the period, the deadline, how to fill the form in
//! (eight short steps) and what the four statuses mean; all locked.

use super::styles::Styles;
use super::{Form, cell_text, protect};
use crate::model::form;
use crate::model::plan::Role;
use crate::model::status::Status;
use crate::render::format;
use crate::render::xlsx::SIZE;
use crate::render::xlsx::fit::{row_height, wrapped_lines};
use crate::render::xlsx::sheet::MARGIN_SIDE;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};

/// Column widths: the labels and step numbers, then the text.
const LABEL_WIDTH: f64 = 18.0;
const TEXT_WIDTH: f64 = 100.0;

/// What each status means, in the order of the drop-down list.
fn meaning(s: Status) -> &'static str {
    match s {
        Status::Done => "Đã làm xong nhiệm vụ, có sản phẩm theo kế hoạch.",
        Status::InProgress => "Đang làm, chưa xong, còn trong thời hạn của kế hoạch.",
        Status::Behind => "Chưa xong và đã quá thời hạn của kế hoạch, hoặc không kịp thời hạn.",
        Status::NotStarted | Status::NotReported => "Chưa bắt đầu làm.",
    }
}

/// The steps, with the unit's id and the deadline in them.
fn steps(f: &Form) -> Vec<String> {
    let sheets: Vec<String> = form::NARRATIVE_SHEETS
        .iter()
        .map(|(name, _)| format!("“{name}”"))
        .collect();
    vec![
        "Chỉ điền vào các ô nền trắng có khung (các cột có tiêu đề nền xanh nhạt và ba ô đầu trang “Nhiệm vụ”). Các ô nền xám là nội dung của kế hoạch, đã khóa, không sửa được.".into(),
        format!(
            "Trang “{}”: ghi ngày báo cáo, người lập, số ký hiệu báo cáo; với mỗi nhiệm vụ, chọn Tình trạng trong danh sách (bấm vào ô rồi bấm mũi tên), ghi Tiến độ là số từ 0 đến 100 (không ghi dấu %), Kết quả thực hiện, Khó khăn, vướng mắc (nếu có). Cột “Kỳ trước (để tham khảo)” chỉ để đối chiếu, không phải báo cáo kỳ này.",
            form::TASKS_SHEET
        ),
        format!(
            "Trang “{}”: mỗi văn bản đã ban hành ghi một dòng; cột Mã nhiệm vụ chọn mã của nhiệm vụ mà văn bản thực hiện (một nhiệm vụ có nhiều văn bản thì ghi nhiều dòng).",
            form::DOCS_SHEET
        ),
        "Ngày ghi dạng 12/03/2024 (ngày/tháng/năm).".into(),
        format!(
            "Trang “{}”: ghi số nguyên, không có dấu chấm, dấu phẩy ngăn cách hàng nghìn (ghi 1250, không ghi 1.250); chưa có số liệu thì để trống.",
            form::INDICATORS_SHEET
        ),
        format!(
            "Các trang {}: mỗi ý ghi một dòng.",
            format::join_and(&sheets)
        ),
        "Không đổi tên, xóa hay thêm trang; không xóa, chèn hay di chuyển cột; không dùng tệp này cho đơn vị hoặc kỳ báo cáo khác. Chữ bị che thì kéo rộng dòng hoặc cột.".into(),
        format!(
            "Lưu tệp dạng .xlsx (Sổ làm việc Excel), không lưu dạng .xls; chép tệp vào thư mục nop/{}/ của thư mục dùng chung trước ngày {}.",
            f.unit.id,
            format::short_date(f.deadline)
        ),
    ]
}

pub(super) fn guide_sheet(ws: &mut Worksheet, f: &Form, st: &Styles) -> Result<(), XlsxError> {
    ws.set_name(form::GUIDE_SHEET)?;
    ws.set_column_width(0, LABEL_WIDTH)?;
    ws.set_column_width(1, TEXT_WIDTH)?;
    let mut row = 0;
    let title = "HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH";
    ws.merge_range(0, 0, 0, 1, title, &st.title)?;
    ws.set_row_height(0, row_height(1, 14.0) + 8.0)?;
    row += 2;
    let previous = match f.previous {
        Some(p) => format!(
            "cột “Kỳ trước (để tham khảo)” ghi báo cáo hợp lệ {} của đơn vị.",
            p.period.display_name()
        ),
        None => format!(
            "đơn vị chưa có báo cáo hợp lệ nào trước kỳ này trong năm {}.",
            f.period.year
        ),
    };
    let leads = f.tasks.iter().filter(|t| t.2 == Role::Lead).count();
    let scope = if f.tasks.is_empty() {
        format!(
            "không có nhiệm vụ nào của kế hoạch (đơn vị không chủ trì, phối hợp nhiệm vụ nào); {} chỉ tiêu.",
            f.indicators.len()
        )
    } else {
        format!(
            "{} nhiệm vụ (chủ trì {}, phối hợp {}) và {} chỉ tiêu.",
            f.tasks.len(),
            leads,
            f.tasks.len() - leads,
            f.indicators.len()
        )
    };
    let facts = [
        ("Đơn vị:", cell_text(&f.unit.name), &st.line_bold),
        ("Mã đơn vị:", cell_text(&f.unit.id), &st.line),
        (
            "Kỳ báo cáo:",
            format::upper_first(&f.period_and_range()),
            &st.line,
        ),
        (
            "Hạn gửi:",
            format!("ngày {}", format::short_date(f.deadline)),
            &st.line_bold,
        ),
        ("Báo cáo:", scope, &st.line),
        ("Kỳ trước:", format::upper_first(&previous), &st.line),
    ];
    for (label, text, fmt) in facts {
        ws.write_string_with_format(row, 0, label, &st.label)?;
        line(ws, row, &text, fmt)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "CÁCH ĐIỀN", &st.heading)?;
    row += 1;
    for (i, step) in steps(f).iter().enumerate() {
        ws.write_string_with_format(row, 0, format!("{}.", i + 1), &st.step_number)?;
        line(ws, row, step, &st.step)?;
        row += 1;
    }
    row += 1;
    ws.write_string_with_format(row, 0, "TÌNH TRẠNG", &st.heading)?;
    line(ws, row, "Ý nghĩa", &st.heading)?;
    row += 1;
    for s in Status::REPORTABLE {
        ws.write_string_with_format(row, 0, s.label(), &st.step_number)?;
        line(ws, row, meaning(s), &st.step)?;
        row += 1;
    }
    ws.set_paper_size(9).set_landscape();
    ws.set_margins(MARGIN_SIDE, MARGIN_SIDE, 0.6, 0.6, 0.25, 0.25);
    // One page: the whole guide is read at once.
    ws.set_print_fit_to_pages(1, 1);
    ws.set_footer("&C&\"Times New Roman,Regular\"&9Trang &P/&N");
    protect(ws);
    Ok(())
}

/// A text in column B, its row as tall as its wrapped lines.
fn line(ws: &mut Worksheet, row: u32, text: &str, fmt: &Format) -> Result<(), XlsxError> {
    ws.write_string_with_format(row, 1, text, fmt)?;
    let lines = wrapped_lines(text, TEXT_WIDTH, SIZE, false);
    ws.set_row_height(row, row_height(lines, SIZE) + 3.0)?;
    Ok(())
}
