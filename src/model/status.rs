//! Task statuses: the four a unit reports and the fifth ("chưa báo cáo") the city-level merge
//! gives a task no lead unit reported on. Codes, Vietnamese labels, and counts by status.

use serde::Serialize;

/// A task's status. The serialised names are the codes of the data format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Status {
    /// `hoan_thanh`.
    #[serde(rename = "hoan_thanh")]
    Done,
    /// `dang_thuc_hien`.
    #[serde(rename = "dang_thuc_hien")]
    InProgress,
    /// `cham_tien_do`.
    #[serde(rename = "cham_tien_do")]
    Behind,
    /// `chua_thuc_hien`.
    #[serde(rename = "chua_thuc_hien")]
    NotStarted,
    /// `chua_bao_cao`: only at city level, no lead unit reported on the task.
    #[serde(rename = "chua_bao_cao")]
    NotReported,
}

impl Status {
    /// The statuses in the order of `dem_trang_thai`.
    pub const ALL: [Status; 5] = [
        Status::Done,
        Status::InProgress,
        Status::Behind,
        Status::NotStarted,
        Status::NotReported,
    ];

    /// The four statuses a unit may report.
    pub const REPORTABLE: [Status; 4] = [
        Status::Done,
        Status::InProgress,
        Status::Behind,
        Status::NotStarted,
    ];

    /// The code of the data format: `hoan_thanh`, `dang_thuc_hien`, …
    pub fn code(self) -> &'static str {
        match self {
            Status::Done => "hoan_thanh",
            Status::InProgress => "dang_thuc_hien",
            Status::Behind => "cham_tien_do",
            Status::NotStarted => "chua_thuc_hien",
            Status::NotReported => "chua_bao_cao",
        }
    }

    /// The Vietnamese label: "Hoàn thành", "Đang thực hiện", …
    pub fn label(self) -> &'static str {
        match self {
            Status::Done => "Hoàn thành",
            Status::InProgress => "Đang thực hiện",
            Status::Behind => "Chậm tiến độ",
            Status::NotStarted => "Chưa thực hiện",
            Status::NotReported => "Chưa báo cáo",
        }
    }

    /// The label in running text: "hoàn thành", "đang thực hiện", …
    pub fn text(self) -> String {
        self.label().to_lowercase()
    }

    /// The position in [`Status::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How many tasks (or reports) have each status; serialised as `dem_trang_thai`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub hoan_thanh: usize,
    pub dang_thuc_hien: usize,
    pub cham_tien_do: usize,
    pub chua_thuc_hien: usize,
    pub chua_bao_cao: usize,
}

impl StatusCounts {
    /// Counts the statuses of an iterator.
    pub fn of(statuses: impl IntoIterator<Item = Status>) -> StatusCounts {
        let mut c = StatusCounts::default();
        for s in statuses {
            *c.slot(s) += 1;
        }
        c
    }

    fn slot(&mut self, s: Status) -> &mut usize {
        match s {
            Status::Done => &mut self.hoan_thanh,
            Status::InProgress => &mut self.dang_thuc_hien,
            Status::Behind => &mut self.cham_tien_do,
            Status::NotStarted => &mut self.chua_thuc_hien,
            Status::NotReported => &mut self.chua_bao_cao,
        }
    }

    pub fn add(&mut self, s: Status) {
        *self.slot(s) += 1;
    }

    pub fn get(&self, s: Status) -> usize {
        match s {
            Status::Done => self.hoan_thanh,
            Status::InProgress => self.dang_thuc_hien,
            Status::Behind => self.cham_tien_do,
            Status::NotStarted => self.chua_thuc_hien,
            Status::NotReported => self.chua_bao_cao,
        }
    }

    pub fn total(&self) -> usize {
        Status::ALL.iter().map(|s| self.get(*s)).sum()
    }

    /// The non-zero counts of `statuses`, in their order.
    pub fn non_zero<'a>(
        &'a self,
        statuses: &'a [Status],
    ) -> impl Iterator<Item = (Status, usize)> + 'a {
        statuses
            .iter()
            .map(|s| (*s, self.get(*s)))
            .filter(|(_, n)| *n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_follow_the_serialised_names_and_the_order_of_all() {
        for (i, s) in Status::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
            assert_eq!(
                serde_json::to_string(s).unwrap(),
                format!("\"{}\"", s.code())
            );
        }
        let c = StatusCounts::of([Status::Done, Status::Done, Status::NotReported]);
        assert_eq!((c.hoan_thanh, c.chua_bao_cao, c.total()), (2, 1, 3));
    }
}
