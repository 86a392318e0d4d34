//! Text of the submissions: names, difficulties, proposals and directions to pick from, and
//! the sentences of results, products and direction written for one unit and period.

use crate::plan::Task;
use crate::registry::{SO, Unit};
use crate::rng::Rng;
use baocao::model::period::{CutOff, Period};
use baocao::render::format::{roman, short_date, upper_first};
use chrono::{Datelike, NaiveDate, TimeDelta};
use std::fmt::Write as _;

pub const FAMILY: [&str; 15] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý",
];
pub const MIDDLE: [&str; 12] = [
    "Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Đức", "Quốc", "Thu", "Hoài", "Xuân", "Kim",
];
pub const GIVEN: [&str; 29] = [
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quang", "Sơn", "Tâm", "Thảo",
    "Trang", "Trung", "Tuấn", "Vy", "Yến",
];

pub const REASONS: [&str; 6] = [
    "khối lượng công việc lớn trong khi nhân lực còn thiếu, phải kiêm nhiệm",
    "phải chờ văn bản hướng dẫn của cơ quan cấp trên",
    "các hệ thống phần mềm chưa được kết nối, đồng bộ dữ liệu",
    "kinh phí thực hiện chưa được bố trí kịp thời",
    "một số cơ quan phối hợp chưa cung cấp đầy đủ thông tin, số liệu",
    "trang thiết bị phục vụ công việc đã xuống cấp, thường xuyên hư hỏng",
];

pub const KHO_KHAN: [&str; 8] = [
    "Một số thủ tục hành chính chưa đủ điều kiện thực hiện trực tuyến toàn trình do quy định phải nộp bản chính, đối chiếu trực tiếp.",
    "Hạ tầng công nghệ thông tin, trang thiết bị tại Bộ phận Một cửa đã xuống cấp, đường truyền thường xuyên bị gián đoạn.",
    "Số lượng công chức ít nhưng khối lượng công việc lớn, một người phải kiêm nhiệm nhiều việc.",
    "Người dân, nhất là người cao tuổi, chưa quen sử dụng dịch vụ công trực tuyến và thanh toán trực tuyến.",
    "Các hệ thống thông tin chưa kết nối, đồng bộ nên việc cập nhật dữ liệu phải thực hiện thủ công nhiều lần.",
    "Một số văn bản hướng dẫn của cấp trên ban hành chậm nên việc triển khai ở cơ sở còn lúng túng.",
    "Kinh phí bố trí cho công tác cải cách hành chính và chuyển đổi số còn hạn chế.",
    "Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm do thiếu máy quét và nhân lực.",
];

pub const KIEN_NGHI: [&str; 5] = [
    "Đề nghị Sở Thông tin và Truyền thông hoàn thiện việc kết nối, liên thông giữa Hệ thống quản lý văn bản và Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
    "Đề nghị UBND tỉnh bố trí kinh phí nâng cấp trang thiết bị cho Bộ phận Một cửa cấp xã.",
    "Đề nghị Sở Nội vụ tổ chức các lớp tập huấn nghiệp vụ cải cách hành chính cho công chức làm công tác tham mưu.",
    "Đề nghị các sở, ngành sớm ban hành quy trình nội bộ, quy trình điện tử đối với các thủ tục hành chính mới được công bố.",
    "Đề nghị Văn phòng UBND tỉnh hướng dẫn thống nhất cách tính tỷ lệ hồ sơ trực tuyến toàn trình.",
];

pub const PHUONG_HUONG: [&str; 7] = [
    "Tiếp tục thực hiện có hiệu quả các nhiệm vụ cải cách hành chính theo Kế hoạch năm {y}.",
    "Đẩy mạnh tuyên truyền, hướng dẫn người dân nộp hồ sơ trực tuyến, thanh toán trực tuyến.",
    "Nâng cao tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
    "Tăng cường kỷ luật, kỷ cương hành chính, văn hóa công vụ trong cán bộ, công chức, viên chức.",
    "Tổ chức tự kiểm tra công tác cải cách hành chính theo kế hoạch.",
    "Khắc phục các tồn tại, hạn chế được chỉ ra qua đánh giá Chỉ số cải cách hành chính năm trước.",
    "Đẩy mạnh ứng dụng chữ ký số, xử lý văn bản, hồ sơ công việc trên môi trường điện tử.",
];

const DOC_KINDS: [(&str, &str); 4] = [
    ("Kế hoạch", "KH"),
    ("Quyết định", "QĐ"),
    ("Báo cáo", "BC"),
    ("Thông báo", "TB"),
];

fn pct(a: i64, b: i64) -> String {
    if b == 0 {
        return "100".into();
    }
    let x = (1000 * a + b / 2) / b;
    if x % 10 == 0 {
        format!("{}", x / 10)
    } else {
        format!("{},{}", x / 10, x % 10)
    }
}

/// A date within [from, to] (to ≥ from).
pub fn date_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let days = (to - from).num_days().max(0);
    from + TimeDelta::days(rng.range(0, days))
}

/// What a submission's text refers to: the unit, the period, the window of its dates.
pub struct Ctx<'a> {
    pub unit: &'a Unit,
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub units: &'a [Unit],
}

impl Ctx<'_> {
    fn doc_no(&self, rng: &mut Rng, code: &str) -> String {
        format!("{}/{}-{}", rng.range(1, 420), code, self.unit.abbr)
    }
    fn doc(&self, rng: &mut Rng, k: usize) -> (String, NaiveDate) {
        let (name, code) = DOC_KINDS[k];
        let d = date_between(rng, self.from, self.to);
        (
            format!(
                "{name} số {} ngày {}",
                self.doc_no(rng, code),
                short_date(d)
            ),
            d,
        )
    }
    fn superior_doc(&self, rng: &mut Rng) -> String {
        let d = date_between(rng, self.from, self.to);
        match rng.below(3) {
            0 => format!(
                "Công văn số {}/SNV-CCHC ngày {} của Sở Nội vụ",
                rng.range(100, 3000),
                short_date(d)
            ),
            1 => format!(
                "Kế hoạch số {}/KH-UBND ngày {} của UBND tỉnh",
                rng.range(10, 250),
                short_date(d)
            ),
            _ => format!(
                "Công văn số {}/UBND-NC ngày {} của UBND tỉnh",
                rng.range(100, 6000),
                short_date(d)
            ),
        }
    }
    /// A quarter after the one the report closes in (for work not started yet), or the
    /// same one or the next (for work under way).
    fn quarter_ahead(&self, rng: &mut Rng, strictly: bool) -> String {
        let now = (self.to.month() - 1) / 3 + 1;
        let q = now + rng.range(strictly as i64, 1 + strictly as i64) as u32;
        if q > 4 {
            format!("quý {}/{}", roman(q - 4), self.period.year + 1)
        } else {
            format!("quý {}/{}", roman(q), self.period.year)
        }
    }
    fn other_unit_name(&self, rng: &mut Rng) -> &str {
        &self.units[rng.below(SO.len())].name
    }

    /// One clause of a result (lowercase start, no final punctuation).
    fn clause(&self, rng: &mut Rng, kind: usize, topic: &str) -> String {
        match kind {
            0 => format!(
                "ban hành {} về {} năm {}",
                self.doc(rng, 0).0,
                topic,
                self.period.year
            ),
            1 => format!(
                "tổ chức {:02} hội nghị, lớp tập huấn về {} cho {} lượt cán bộ, công chức",
                rng.range(1, 5),
                topic,
                rng.range(20, 300)
            ),
            2 => {
                let a = rng.range(40, 1500);
                let b = a - rng.range(0, a / 25);
                format!(
                    "từ ngày {} đến ngày {}, tiếp nhận {} hồ sơ, giải quyết đúng hạn {} hồ sơ (đạt {}%)",
                    short_date(self.period.start(CutOff::Nd09)),
                    short_date(self.to.min(self.period.end(CutOff::Nd09))),
                    a,
                    b,
                    pct(b, a)
                )
            }
            3 => format!(
                "rà soát {} văn bản, quy trình nội bộ; đề xuất sửa đổi, bổ sung {:02} nội dung chưa phù hợp",
                rng.range(5, 60),
                rng.range(1, 9)
            ),
            4 => format!(
                "thực hiện chế độ báo cáo định kỳ theo {}",
                self.superior_doc(rng)
            ),
            5 => format!(
                "kết quả thực hiện đạt {}% kế hoạch đề ra",
                pct(rng.range(450, 1000), 1000)
            ),
            6 => format!(
                "tiếp tục đôn đốc các bộ phận chuyên môn triển khai, dự kiến hoàn thành trong {}",
                self.quarter_ahead(rng, false)
            ),
            7 => format!(
                "ban hành {} về việc kiện toàn Tổ công tác thực hiện {}",
                self.doc(rng, 1).0,
                topic
            ),
            8 => format!(
                "phối hợp với {} kiểm tra {:02} cơ quan, đơn vị, qua đó chấn chỉnh {:02} tồn tại, hạn chế",
                self.other_unit_name(rng),
                rng.range(1, 12),
                rng.range(1, 6)
            ),
            9 => format!(
                "đăng tải {:02} tin, bài về {} trên Trang thông tin điện tử của đơn vị",
                rng.range(1, 25),
                topic
            ),
            // 11 and 12 only pad status 3's list: they are this clause too.
            10..=12 => format!("báo cáo kết quả thực hiện tại {}", self.doc(rng, 2).0),
            _ => unreachable!("clause kind {kind}"),
        }
    }

    /// `ket_qua`: 100..400 characters. `reason`: why a late task is late.
    pub fn result(&self, rng: &mut Rng, task: &Task, status: usize, reason: &str) -> String {
        let topic = task.topic;
        // Clause kinds that fit the status; 2 (dossier counts) only for procedures.
        let mut kinds: Vec<usize> = match status {
            0 | 1 => vec![0, 1, 3, 4, 5, 7, 8, 9, 10],
            2 => vec![0, 3, 4, 5, 6, 8],
            _ => vec![4, 11, 12], // 11, 12: clause 10 (see clause())
        };
        if task.area == 1 && status < 3 {
            kinds.push(2);
        }
        rng.shuffle(&mut kinds);
        let mut kinds = kinds.into_iter();
        let mut s = match status {
            0 => format!(
                "Đã hoàn thành nhiệm vụ; {}",
                self.clause(rng, kinds.next().unwrap_or(0), topic)
            ),
            1 => format!(
                "Đang triển khai thực hiện; {}",
                self.clause(rng, kinds.next().unwrap_or(0), topic)
            ),
            2 => format!("Chưa hoàn thành theo tiến độ đề ra do {reason}"),
            _ => format!(
                "Chưa thực hiện; nhiệm vụ dự kiến triển khai trong {} theo Kế hoạch",
                self.quarter_ahead(rng, true)
            ),
        };
        let target = rng.range(100, 400) as usize;
        let mut in_sentence = 1;
        for kind in kinds {
            if s.chars().count() >= target {
                break;
            }
            let c = self.clause(rng, kind, topic);
            let sep_new = in_sentence >= 2;
            let piece = if sep_new {
                format!(". {}", upper_first(&c))
            } else {
                format!("; {c}")
            };
            if s.chars().count() + piece.chars().count() + 1 > 400 {
                continue;
            }
            s.push_str(&piece);
            in_sentence = if sep_new { 1 } else { in_sentence + 1 };
        }
        while s.chars().count() < 100 {
            s.push_str(", bảo đảm đúng tiến độ và yêu cầu đề ra");
        }
        s.push('.');
        s
    }

    pub fn product(&self, rng: &mut Rng, task: &Task) -> (String, NaiveDate, String) {
        let k = rng.below(DOC_KINDS.len());
        let (_, code) = DOC_KINDS[k];
        let d = date_between(rng, self.from, self.to);
        let summary = match k {
            0 => format!("Triển khai {} năm {}", task.topic, self.period.year),
            1 => format!("Về việc ban hành Quy chế phối hợp thực hiện {}", task.topic),
            2 => format!(
                "Kết quả thực hiện {} {}",
                task.topic,
                self.period.display_name()
            ),
            _ => format!("Kết luận kiểm tra {} tại cơ quan, đơn vị", task.topic),
        };
        (self.doc_no(rng, code), d, upper_first(&summary))
    }

    pub fn direction(&self, rng: &mut Rng) -> String {
        let (kh, _) = self.doc(rng, 0);
        let mut s = format!(
            "{} ban hành {} về cải cách hành chính năm {}, xác định {:02} nhiệm vụ trọng tâm; ban hành {:02} văn bản chỉ đạo, đôn đốc triển khai thực hiện.",
            self.unit.name,
            kh,
            self.period.year,
            rng.range(8, 30),
            rng.range(2, 12)
        );
        if rng.chance(0.7) {
            let d = date_between(rng, self.from, self.to);
            let _ = write!(
                s,
                " Tổ chức quán triệt các nhiệm vụ cải cách hành chính tại hội nghị cán bộ, công chức ngày {}.",
                short_date(d)
            );
        }
        if rng.chance(0.6) {
            s.push_str(" Người đứng đầu trực tiếp chỉ đạo, kiểm tra việc thực hiện; gắn kết quả cải cách hành chính với đánh giá, xếp loại cán bộ, công chức cuối năm.");
        }
        s
    }
}
