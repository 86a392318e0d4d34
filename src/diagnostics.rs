//! Problems found in input files: one `Diagnostic` per problem (severity, file, line, column,
//! Vietnamese message, optional hint), collected and sorted, never thrown.

use serde::Serialize;
use std::cmp::Ordering;

/// The stable codes of the kinds of problem (`ma_loi` in the JSON): one constant each, so
/// that a code is written once and tools and tests can rely on it.
pub mod code {
    /// The data folder does not exist.
    pub const THIEU_THU_MUC: &str = "thieu-thu-muc";
    /// A data file (configuration, registry, catalogue) is missing or unreadable.
    pub const THIEU_TEP: &str = "thieu-tep";
    /// No plan file, or no `ke-hoach/` folder.
    pub const THIEU_KE_HOACH: &str = "thieu-ke-hoach";
    /// A file in `ke-hoach/` whose name is not a year.
    pub const TEN_KE_HOACH: &str = "ten-ke-hoach";
    /// An empty file, or one of comments only.
    pub const TEP_RONG: &str = "tep-rong";
    /// A file over the size limit, refused before it is read.
    pub const TEP_QUA_LON: &str = "tep-qua-lon";
    /// A binary file (office document, PDF, image) with a YAML name.
    pub const TEP_NHI_PHAN: &str = "tep-nhi-phan";
    /// A file or folder the operating system would not let us read.
    pub const KHONG_DOC_DUOC: &str = "khong-doc-duoc";
    /// Bytes that are not UTF-8 (nor UTF-16 with a byte-order mark).
    pub const MA_HOA: &str = "ma-hoa";
    /// Characters XML forbids, removed from the text.
    pub const KY_TU_CAM: &str = "ky-tu-cam";
    /// Text typed in a legacy font encoding (TCVN3, VNI).
    pub const BANG_MA_CU: &str = "bang-ma-cu";
    /// A tab in the indentation.
    pub const YAML_TAB: &str = "yaml-tab";
    /// A quoted string that is never closed.
    pub const YAML_THIEU_NHAY: &str = "yaml-thieu-nhay";
    /// A flow list or mapping that is never closed.
    pub const YAML_THIEU_NGOAC: &str = "yaml-thieu-ngoac";
    /// Nesting deeper than a report can be.
    pub const YAML_QUA_SAU: &str = "yaml-qua-sau";
    /// Too many values, or aliases that multiply them.
    pub const YAML_QUA_LON: &str = "yaml-qua-lon";
    /// Any other YAML syntax error.
    pub const YAML_CU_PHAP: &str = "yaml-cu-phap";
    /// Several YAML documents in one file.
    pub const YAML_NHIEU_TAI_LIEU: &str = "yaml-nhieu-tai-lieu";
    /// The same key twice in one mapping.
    pub const KHOA_TRUNG: &str = "khoa-trung";
    /// A key the format does not have.
    pub const KHOA_LA: &str = "khoa-la";
    /// A required key is missing.
    pub const THIEU_KHOA: &str = "thieu-khoa";
    /// A required key has no value.
    pub const THIEU_GIA_TRI: &str = "thieu-gia-tri";
    /// A task of the form left without a status.
    pub const CHUA_DIEN: &str = "chua-dien";
    /// A value of the wrong kind (a list where text is expected, …).
    pub const SAI_KIEU: &str = "sai-kieu";
    /// A value that is not a number where one is expected.
    pub const SAI_SO: &str = "sai-so";
    /// A negative count.
    pub const SO_AM: &str = "so-am";
    /// A date in a form that cannot be read.
    pub const SAI_NGAY: &str = "sai-ngay";
    /// A date that is not in the calendar (30/02).
    pub const NGAY_KHONG_TON_TAI: &str = "ngay-khong-ton-tai";
    /// A value outside the ones a configuration key accepts.
    pub const GIA_TRI_LA: &str = "gia-tri-la";
    /// An id with characters ids may not have.
    pub const MA_SAI_DANG: &str = "ma-sai-dang";
    /// An id declared twice.
    pub const MA_TRUNG: &str = "ma-trung";
    /// A group the registry does not have.
    pub const NHOM_LA: &str = "nhom-la";
    /// A unit the registry does not have.
    pub const DON_VI_LA: &str = "don-vi-la";
    /// A registry without units.
    pub const THIEU_DON_VI: &str = "thieu-don-vi";
    /// A plan whose year differs from its file name.
    pub const NAM_KHONG_KHOP: &str = "nam-khong-khop";
    /// A plan without tasks.
    pub const THIEU_NHIEM_VU: &str = "thieu-nhiem-vu";
    /// A task without a lead unit.
    pub const THIEU_CHU_TRI: &str = "thieu-chu-tri";
    /// A task whose lead is only free text.
    pub const CHU_TRI_KHONG_RO: &str = "chu-tri-khong-ro";
    /// Milestones out of date order.
    pub const MOC_SAI_THU_TU: &str = "moc-sai-thu-tu";
    /// A ratio indicator whose operands are not sums.
    pub const TY_LE_SAI: &str = "ty-le-sai";
    /// An indicator the catalogue does not have.
    pub const CHI_TIEU_LA: &str = "chi-tieu-la";
    /// A file in one unit's folder that names another unit.
    pub const SAI_THU_MUC: &str = "sai-thu-muc";
    /// A file directly in `nop/`, outside every unit's folder.
    pub const NGOAI_THU_MUC: &str = "ngoai-thu-muc";
    /// A report for a year that has no plan.
    pub const KHONG_CO_KE_HOACH: &str = "khong-co-ke-hoach";
    /// A period code that cannot be read.
    pub const KY_SAI: &str = "ky-sai";
    /// The same task twice in one file.
    pub const NHIEM_VU_LAP: &str = "nhiem-vu-lap";
    /// A task the plan does not have.
    pub const NHIEM_VU_LA: &str = "nhiem-vu-la";
    /// A status that is none of the four.
    pub const TRANG_THAI_LA: &str = "trang-thai-la";
    /// Progress outside 0 … 100.
    pub const TIEN_DO_SAI: &str = "tien-do-sai";
    /// A report on a task the unit neither leads nor coordinates.
    pub const NGOAI_NHIEM_VU: &str = "ngoai-nhiem-vu";
    /// A ratio indicator submitted (ratios are computed).
    pub const TY_LE_NOP: &str = "ty-le-nop";
    /// A numerator larger than its denominator.
    pub const TU_SO_LON_HON: &str = "tu-so-lon-hon";
    /// Valid files of one unit that tie for the period.
    pub const BAO_CAO_MAU_THUAN: &str = "bao-cao-mau-thuan";
    /// A date whose year is outside 2000–2099.
    pub const NGAY_NGOAI_KHOANG: &str = "ngay-ngoai-khoang";
    /// A report dated before its period starts, or more than a year after it ends.
    pub const NGAY_BAO_CAO_SAI: &str = "ngay-bao-cao-sai";
    /// A document dated after the report that cites it.
    pub const NGAY_VAN_BAN_SAU: &str = "ngay-van-ban-sau";
    /// A value written in another form than the normal one, read with one meaning (the message shows the normal form).
    pub const DOI_DANG: &str = "doi-dang";
    /// A count with decimals.
    pub const SO_LE: &str = "so-le";
    /// A count with thousands separators (\"1.250\"), which could mean two numbers.
    pub const SO_NGAN_CACH: &str = "so-ngan-cach";
    /// Invisible or direction-changing characters, removed from a text.
    pub const KY_TU_AN: &str = "ky-tu-an";
    /// An id with an invisible character or one that looks like another (a Cyrillic a).
    pub const KY_TU_GIA: &str = "ky-tu-gia";
    /// A first folder under `nop/` that is not a unit's id.
    pub const THU_MUC_LA: &str = "thu-muc-la";
    /// A file that is not a submission (a Word document, a PDF, a picture …).
    pub const KHONG_PHAI_BAO_CAO: &str = "khong-phai-bao-cao";
    /// A pipe, device or socket in the inbox: never opened.
    pub const KHONG_PHAI_TEP: &str = "khong-phai-tep";
    /// A file that kept changing while it was read.
    pub const TEP_DANG_GHI: &str = "tep-dang-ghi";
    /// A `ky_bao_cao` that differs from the period code in the file's name.
    pub const KY_KHAC_TEN_TEP: &str = "ky-khac-ten-tep";
    /// A valid file replaced by another of the same date modified later.
    pub const BAN_THAY_THE: &str = "ban-thay-the";
    /// Two plan files for one year.
    pub const HAI_KE_HOACH: &str = "hai-ke-hoach";
    /// A figure of an indicator the unit is not asked for (`don_vi_bao_cao`): still counted.
    pub const CHI_TIEU_NGOAI: &str = "chi-tieu-ngoai";
    /// A report with no task and no figure.
    pub const BAO_CAO_TRONG: &str = "bao-cao-trong";
    /// A status that contradicts the progress (done below 100 %, not started above 0 %).
    pub const TIEN_DO_MAU_THUAN: &str = "tien-do-mau-thuan";
    /// A workbook that cannot be opened: corrupt, password-protected, an `.xls` renamed, or
    /// far larger unzipped than a form.
    pub const BANG_TINH_HONG: &str = "bang-tinh-hong";
    /// A workbook that is not the form (its hidden sheet or a column is missing).
    pub const KHONG_PHAI_BIEU_MAU: &str = "khong-phai-bieu-mau";
    /// A cell holding a formula's error value (`#REF!`).
    pub const O_LOI: &str = "o-loi";
}

/// How bad a problem is. An error rejects the whole file; a warning keeps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Severity {
    /// "lỗi": the file is rejected.
    #[serde(rename = "loi")]
    Error,
    /// "cảnh báo": the file is kept.
    #[serde(rename = "canh_bao")]
    Warning,
}

impl Severity {
    /// The Vietnamese word shown to people.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
        }
    }
}

/// Where a problem is: a 1-based line and column in a text file (columns count characters),
/// or a row and column of a workbook's sheet; with the length of the value there, when known,
/// so that the whole value can be underlined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Pos {
    pub line: u32,
    pub col: u32,
    /// Characters the value takes on its line (0: unknown).
    pub len: u32,
    /// The sheet, for a position in a workbook.
    pub sheet: Option<&'static str>,
}

impl Pos {
    pub fn new(line: u32, col: u32) -> Self {
        Pos {
            line,
            col,
            len: 0,
            sheet: None,
        }
    }

    /// A value of `len` characters at a line and column.
    pub fn span(line: u32, col: u32, len: u32) -> Self {
        Pos {
            len,
            ..Pos::new(line, col)
        }
    }

    /// A cell of a workbook's sheet (1-based row and column).
    pub fn cell(sheet: &'static str, row: u32, col: u32) -> Self {
        Pos {
            sheet: Some(sheet),
            ..Pos::new(row, col)
        }
    }

    /// The cell's name as a spreadsheet writes it: "Nhiệm vụ!E12".
    pub fn cell_name(&self) -> Option<String> {
        self.sheet
            .map(|s| format!("{s}!{}{}", column_letters(self.col), self.line))
    }
}

/// A 1-based column number as spreadsheet letters: 1 → "A", 27 → "AA".
pub fn column_letters(mut col: u32) -> String {
    let mut out = Vec::new();
    while col > 0 {
        let r = (col - 1) % 26;
        out.push(b'A' + r as u8);
        col = (col - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// `loi` or `canh_bao`.
    #[serde(rename = "muc_do")]
    pub severity: Severity,
    /// Path relative to the data folder, with `/`.
    #[serde(rename = "tep")]
    pub file: String,
    /// 1-based line, when known.
    #[serde(rename = "dong")]
    pub line: Option<u32>,
    /// 1-based column, when known.
    #[serde(rename = "cot")]
    pub col: Option<u32>,
    /// The cell, for a problem in a workbook: "Nhiệm vụ!E12".
    #[serde(rename = "o", skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// What is wrong, in Vietnamese.
    #[serde(rename = "thong_diep")]
    pub message: String,
    /// How to fix it, when there is something useful to say.
    #[serde(rename = "goi_y", skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// A stable code for the kind of problem (for tools and tests).
    #[serde(rename = "ma_loi")]
    pub code: &'static str,
    /// The text of the offending line, for display only.
    #[serde(skip)]
    pub snippet: Option<String>,
    /// Characters the offending value takes on its line (0: unknown), for display only.
    #[serde(skip)]
    pub len: u32,
}

impl Diagnostic {
    pub fn new(severity: Severity, code: &'static str, file: &str, message: String) -> Self {
        Diagnostic {
            severity,
            file: file.to_string(),
            line: None,
            col: None,
            cell: None,
            message,
            hint: None,
            code,
            snippet: None,
            len: 0,
        }
    }

    pub fn error(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, file, message.into())
    }

    pub fn warning(code: &'static str, file: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, file, message.into())
    }

    /// Where the problem is, in words: "trang Nhiệm vụ, ô E12", "dòng 5, cột 9", "dòng 5".
    pub fn place(&self) -> Option<String> {
        if let Some((sheet, cell)) = self.cell.as_deref().and_then(|c| c.rsplit_once('!')) {
            return Some(format!("trang {sheet}, ô {cell}"));
        }
        match (self.line, self.col) {
            (Some(l), Some(c)) => Some(format!("dòng {l}, cột {c}")),
            (Some(l), None) => Some(format!("dòng {l}")),
            _ => None,
        }
    }

    pub fn at(mut self, pos: Option<Pos>) -> Self {
        if let Some(p) = pos {
            self.line = Some(p.line);
            self.col = Some(p.col);
            self.len = p.len;
            self.cell = p.cell_name();
        }
        self
    }

    pub fn hint(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// The order of the JSON (docs/du-lieu.md, `chan_doan`): file (plain string order), then line, then column, entries
    /// without a line first; then severity and message so that the order is total.
    pub fn sort_key_cmp(&self, other: &Self) -> Ordering {
        self.file
            .cmp(&other.file)
            .then(self.line.cmp(&other.line))
            .then(self.col.cmp(&other.col))
            .then(self.severity.cmp(&other.severity))
            .then(self.message.cmp(&other.message))
    }
}

/// A user's text quoted in a message, cut to a readable length: a key or value can be
/// megabytes long in a broken file, and messages must stay one line.
pub fn clip(s: &str) -> String {
    const MAX: usize = 60;
    let one_line: String = s
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if one_line.chars().count() <= MAX {
        one_line
    } else {
        let cut: String = one_line.chars().take(MAX).collect();
        format!("{cut}…")
    }
}

/// Sorts diagnostics in the documented order.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| a.sort_key_cmp(b));
}

/// Counts of errors and warnings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub errors: usize,
    pub warnings: usize,
}

impl Tally {
    pub fn of<'a>(diags: impl IntoIterator<Item = &'a Diagnostic>) -> Self {
        let mut t = Tally::default();
        for d in diags {
            match d.severity {
                Severity::Error => t.errors += 1,
                Severity::Warning => t.warnings += 1,
            }
        }
        t
    }
}
