//! The workbook form (`baocao forms` → `<đơn vị>.xlsx`), as a contract between the writer
//! (`render::form_xlsx`) and the reader (`input::workbook`): the sheets, the labels of the
//! header cells and of the table columns, and the hidden sheet that says which unit, period
//! and plan year a workbook was made for (docs/bieu-mau-excel.md).
//!
//! The reader finds a table by its header row and a column by its label, never by a fixed
//! letter, so that a column deleted or moved by hand is found or named; the hidden sheet is
//! the only thing it trusts for the unit and the period (never the file name).

/// The form's version, in the hidden sheet. A reader accepts the versions it knows.
pub const VERSION: u32 = 1;

/// The hidden sheet: label in column A, value in column B, one row each.
pub const META_SHEET: &str = "baocao";
/// A1 of the hidden sheet: what this sheet is.
pub const META_TITLE: &str = "Biểu mẫu báo cáo CCHC lập bằng baocao; không sửa trang này.";
/// The rows of the hidden sheet (from row 2): the form's version (a number), the unit's id,
/// the period's code and the plan's year (a number).
pub const META_VERSION: &str = "phien_ban";
pub const META_UNIT: &str = "don_vi";
pub const META_PERIOD: &str = "ky_bao_cao";
pub const META_YEAR: &str = "nam_ke_hoach";

/// The sheets, in the order the writer makes them.
pub const GUIDE_SHEET: &str = "Hướng dẫn";
pub const TASKS_SHEET: &str = "Nhiệm vụ";
pub const DOCS_SHEET: &str = "Văn bản";
pub const INDICATORS_SHEET: &str = "Chỉ tiêu";
/// The narrative sheets: name and the submission key they fill. `chi_dao_dieu_hanh` is one
/// text (its rows joined by line breaks); the others are lists, one item per row.
pub const NARRATIVE_SHEETS: [(&str, &str); 4] = [
    ("Chỉ đạo điều hành", "chi_dao_dieu_hanh"),
    ("Khó khăn", "kho_khan"),
    ("Kiến nghị", "kien_nghi"),
    ("Phương hướng", "phuong_huong"),
];

/// The header block of the tasks sheet: a label in column A, the unit's answer in the first
/// cell to its right (the writer merges the label over A:B and puts the answer in C). Each
/// entry: the label and the submission key.
pub const HEADER_FIELDS: [(&str, &str); 3] = [
    ("Ngày báo cáo:", "ngay_bao_cao"),
    ("Người lập:", "nguoi_lap"),
    ("Số, ký hiệu báo cáo:", "so_ky_hieu"),
];
/// The rows of the tasks sheet that show the unit and the period (the positions that
/// diagnostics about `don_vi` and `ky_bao_cao` point at): row 2 and row 3, column A.
pub const UNIT_ROW: u32 = 2;
pub const PERIOD_ROW: u32 = 3;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Col {
    /// Written by the form and locked: shown to help, never read.
    Shown,
    /// Written by the form and locked, read to know the row (a task's or an indicator's id).
    Key,
    /// The unit's answer: the submission key it fills.
    Answer(&'static str),
}

/// A column of a table: its header label (the reader matches it after trimming, in any
/// case, either Unicode form) and what it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub label: &'static str,
    pub col: Col,
}

const fn shown(label: &'static str) -> Column {
    Column {
        label,
        col: Col::Shown,
    }
}

const fn key(label: &'static str) -> Column {
    Column {
        label,
        col: Col::Key,
    }
}

const fn answer(label: &'static str, key: &'static str) -> Column {
    Column {
        label,
        col: Col::Answer(key),
    }
}

/// The tasks sheet: one row per task of the unit (lead or coordinating), in plan order.
pub const TASK_COLUMNS: [Column; 10] = [
    key("Mã nhiệm vụ"),
    shown("Nhiệm vụ"),
    shown("Vai trò"),
    shown("Sản phẩm theo kế hoạch"),
    shown("Thời hạn"),
    shown("Kỳ trước (để tham khảo)"),
    answer("Tình trạng", "trang_thai"),
    answer("Tiến độ (%)", "tien_do"),
    answer("Kết quả thực hiện", "ket_qua"),
    answer("Khó khăn, vướng mắc", "kho_khan"),
];

/// The documents sheet: one row per document issued; a task may have several rows.
pub const DOC_COLUMNS: [Column; 4] = [
    answer("Mã nhiệm vụ", "ma"),
    answer("Số, ký hiệu văn bản", "so_ky_hieu"),
    answer("Ngày ban hành", "ngay"),
    answer("Trích yếu nội dung", "trich_yeu"),
];

/// The indicators sheet: one row per indicator the unit reports, in catalogue order.
pub const INDICATOR_COLUMNS: [Column; 5] = [
    key("Mã chỉ tiêu"),
    shown("Chỉ tiêu"),
    shown("Đơn vị tính"),
    shown("Kỳ trước (để tham khảo)"),
    answer("Số liệu", "gia_tri"),
];

/// A narrative sheet: one row per point.
pub const NARRATIVE_COLUMNS: [Column; 2] = [shown("STT"), answer("Nội dung", "noi_dung")];

/// Empty rows the writer leaves open on the documents sheet and on each narrative sheet.
pub const DOC_ROWS: u32 = 200;
pub const NARRATIVE_ROWS: u32 = 30;

/// The labels of `trang_thai` offered by the drop-down list: those of
/// [`Status::REPORTABLE`](crate::model::status::Status::REPORTABLE), in that order.
pub fn status_labels() -> [&'static str; 4] {
    crate::model::status::Status::REPORTABLE.map(|s| s.label())
}

/// Role labels of the tasks sheet.
pub const ROLE_LEAD: &str = "Chủ trì";
pub const ROLE_COORDINATOR: &str = "Phối hợp";

/// The first rows searched for a table's header row.
pub const HEADER_SEARCH_ROWS: u32 = 30;
