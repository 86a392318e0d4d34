//! Task statuses: the four a unit reports and the fifth ("chưa báo cáo") the city-level merge
//! gives a task no lead unit reported on. Codes and Vietnamese labels.

use serde::Serialize;

/// A task's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    HoanThanh,
    DangThucHien,
    ChamTienDo,
    ChuaThucHien,
    /// Only at city level: no lead unit reported on the task.
    ChuaBaoCao,
}

impl Status {
    /// The statuses in the order of `dem_trang_thai`.
    pub const ALL: [Status; 5] = [
        Status::HoanThanh,
        Status::DangThucHien,
        Status::ChamTienDo,
        Status::ChuaThucHien,
        Status::ChuaBaoCao,
    ];

    /// The four statuses a unit may report.
    pub const REPORTABLE: [Status; 4] = [
        Status::HoanThanh,
        Status::DangThucHien,
        Status::ChamTienDo,
        Status::ChuaThucHien,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Status::HoanThanh => "hoan_thanh",
            Status::DangThucHien => "dang_thuc_hien",
            Status::ChamTienDo => "cham_tien_do",
            Status::ChuaThucHien => "chua_thuc_hien",
            Status::ChuaBaoCao => "chua_bao_cao",
        }
    }

    /// The Vietnamese label: "Hoàn thành", "Đang thực hiện", …
    pub fn label(self) -> &'static str {
        match self {
            Status::HoanThanh => "Hoàn thành",
            Status::DangThucHien => "Đang thực hiện",
            Status::ChamTienDo => "Chậm tiến độ",
            Status::ChuaThucHien => "Chưa thực hiện",
            Status::ChuaBaoCao => "Chưa báo cáo",
        }
    }

    /// Reads a status a unit reported: a code or a Vietnamese label, in any case and either
    /// Unicode form.
    pub fn parse_reported(s: &str) -> Option<Status> {
        let f = crate::input::text::fold(s);
        Status::REPORTABLE
            .into_iter()
            .find(|st| f == st.code() || f == crate::input::text::fold(st.label()))
    }

    /// The hint listing what is accepted.
    pub fn accepted_hint() -> String {
        let list: Vec<String> = Status::REPORTABLE
            .iter()
            .map(|s| format!("{} ({})", s.code(), s.label()))
            .collect();
        format!("Trạng thái hợp lệ: {}.", list.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn codes_and_labels_in_any_case_and_form() {
        let nfd: String = "Đang Thực Hiện".nfd().collect();
        let cases = [
            ("hoan_thanh", Some(Status::HoanThanh)),
            ("HOAN_THANH", Some(Status::HoanThanh)),
            ("Hoàn thành", Some(Status::HoanThanh)),
            ("HOÀN THÀNH", Some(Status::HoanThanh)),
            (" hoàn thành ", Some(Status::HoanThanh)),
            (nfd.as_str(), Some(Status::DangThucHien)),
            ("cham_tien_do", Some(Status::ChamTienDo)),
            ("Chậm tiến độ", Some(Status::ChamTienDo)),
            ("chưa thực hiện", Some(Status::ChuaThucHien)),
            ("chua_bao_cao", None),
            ("Chưa báo cáo", None),
            ("hoan thanh", None),
            ("xong", None),
        ];
        for (input, want) in cases {
            assert_eq!(Status::parse_reported(input), want, "{input}");
        }
    }
}
