//! Synthetic province-sized data folders for the benchmark of issue 7 (see BENCHMARKS.md).
//!
//! ```text
//! cargo run --release --example gen -- --units 10000 --tasks 45 [--seed N] \
//!     [--periods 2024-Q1,2024-6T] DIR
//! ```
//!
//! Writes a data folder that follows SPEC §2: `DIR/cau-hinh.yaml`, `DIR/don-vi.yaml` (the
//! units in six groups: provincial departments and district offices, public service units,
//! wards, communes, and the unions the plan refers to), `DIR/ke-hoach/<year>.yaml` (the
//! requested number of tasks in seven areas; leads are a mix of unit ids and `@groups`, so
//! that the tasks led by `@xa-phuong` have thousands of lead units), `DIR/chi-tieu.yaml`
//! (42 indicators, sums and ratios) and `DIR/nop/<unit>/<KY>.yaml`, one submission per unit
//! and requested period. Everything is derived from `--seed` with a SplitMix64 generator,
//! so the same arguments give byte-identical folders; files are written in parallel.
//!
//! Realistic noise that is *not* an error: about 10 % of the units have no file in a period;
//! about 2.5 % report late (`ngay_bao_cao` after the deadline); some write dates as
//! `dd/mm/yyyy`, statuses as Vietnamese labels ("Hoàn thành"), use `.yml`, or keep their
//! file in a sub-folder (`nop/<unit>/nam-2024/`); one unit in 2,000 resubmits (a second
//! valid file with a later date, which wins); in the first period one unit's folder also
//! holds an Office lock file (`~$…`), a hidden file and a `.txt` note, which are skipped.
//!
//! Injected errors: one file of each kind below per period, on distinct units chosen from
//! the seed; the generator prints the list (and writes it to `DIR/.gen`). They are the only
//! diagnostics `baocao check --data DIR` should report: 12 errors per period plus 2 in the
//! first period, i.e. 26 for the default two periods.
//!
//! | kind            | what the file does wrong                                | expected code      |
//! | --------------- | ------------------------------------------------------- | ------------------ |
//! | unknown-task    | a task id that is not in the plan ("2.c" typed "2.cc")  | nhiem-vu-la        |
//! | bad-status      | `trang_thai: "xong"`                                    | trang-thai-la      |
//! | bad-progress    | `tien_do: 120`                                          | tien-do-sai        |
//! | ratio-submitted | a `ty_le` indicator submitted                           | ty-le-nop          |
//! | negative        | a negative count                                        | so-am              |
//! | bad-date        | `ngay_bao_cao: 30/02/<year>`                            | impossible date    |
//! | misspelt-key    | `ket_qa:` instead of `ket_qua:`                         | unknown key        |
//! | duplicate-task  | the same task twice in one file                         | nhiem-vu-lap       |
//! | wrong-folder    | another unit's report copied into this unit's folder    | sai-thu-muc        |
//! | empty           | a file of comments only                                 | tep-rong           |
//! | tie             | two valid files with the same `ngay_bao_cao` (2 errors) | tie (mâu thuẫn)    |
//! | broken-yaml     | first period only: an unquoted "a: b" inside `ket_qua`  | YAML syntax        |
//! | no-plan-year    | first period only: a `…-Q4` of a year that has no plan  | khong-co-ke-hoach  |
//!
//! Size: with `--units 10000 --tasks 45` and the two default periods, 18,001 submission files
//! and 198.5 MB (11.0 KB a file), written in about 4 s on two cores; the Python reference
//! benchmark of issue 7 used about 18,000 files and 196 MB. 1,000 units: 1,798 files, 20 MB.

use baocao::model::config::SubmissionDays;
use baocao::model::period::{CutOff, Period, ReportKind};
use baocao::model::status::Status;
use baocao::render::format::{LETTERS, roman, short_date, upper_first};
use chrono::{Datelike, NaiveDate, TimeDelta};
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;
use unicode_normalization::UnicodeNormalization;

const USAGE: &str = "\
gen: synthetic data folders for baocao's benchmark (BENCHMARKS.md)

usage: cargo run --release --example gen -- [options] DIR

options:
  --units N          number of reporting units (default 1000, at least 50)
  --tasks N          number of plan tasks (default 45)
  --seed N           seed of the generator (default 1)
  --periods LIST     comma-separated periods (default 2024-Q1,2024-6T)
  --marker           print the first line of DIR/.gen these options would write, and
                     exit (scripts/bench.sh uses it to decide whether DIR can be reused)
  -h, --help         this help

DIR must be empty, missing, or a folder this generator wrote before (it is replaced).";

/// Version of the output format: bump it when the generator's output changes, so that
/// scripts/bench.sh does not reuse a stale folder.
const FORMAT: u32 = 1;

// ---------------------------------------------------------------------------------------
// Random numbers: SplitMix64, with independent streams derived from (seed, salt, ...).

#[derive(Clone)]
struct Rng(u64);

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Rng {
    fn stream(seed: u64, parts: &[u64]) -> Rng {
        let mut s = mix(seed ^ 0x6A09_E667_F3BC_C908);
        for &p in parts {
            s = mix(s ^ p
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
                .wrapping_add(0x632B_E59B_D9B4_E019));
        }
        Rng(s)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.next() as u128 * n as u128) >> 64) as usize
    }
    /// Inclusive range.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

// Stream salts.
const S_REG: u64 = 1;
const S_PLAN: u64 = 2;
const S_SUB: u64 = 3;
const S_MISSING: u64 = 4;
const S_FAULT: u64 = 5;
const S_DILIGENCE: u64 = 6;

// ---------------------------------------------------------------------------------------
// Periods (SPEC §3): the library's, with the ND09 cut-off and the default `han_nop`.

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

/// A `--periods` entry; years outside 2001..=2099 are refused.
fn parse_period(s: &str) -> Option<Period> {
    Period::parse(s)
        .ok()
        .filter(|p| (2001..=2099).contains(&p.year))
}

/// The last day a report is on time, with `han_nop` as config_yaml writes it.
fn deadline(p: Period) -> NaiveDate {
    p.submission_deadline(
        CutOff::Nd09,
        SubmissionDays::default().days(p.report_kind()),
    )
}

/// Length of the data window in months.
fn months(p: Period) -> f64 {
    (p.end(CutOff::Nd09) - p.start(CutOff::Nd09)).num_days() as f64 / 30.4
}

// ---------------------------------------------------------------------------------------
// Units and groups.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum UKind {
    So,
    Phong,
    Dvsn,
    Phuong,
    Xa,
}

struct Unit {
    id: String,
    name: String,
    kind: UKind,
    /// Issuer code in document numbers ("15/KH-SNV", "15/KH-UBND").
    abbr: &'static str,
    /// Belongs to @co-quan-giai-quyet-tthc.
    tthc: bool,
    /// Workload factor for indicator values.
    size: f64,
}

const GROUPS: [(&str, &str); 6] = [
    (
        "co-quan-chuyen-mon",
        "Các cơ quan chuyên môn thuộc UBND tỉnh và UBND cấp huyện",
    ),
    ("don-vi-su-nghiep", "Các đơn vị sự nghiệp công lập"),
    (
        "co-quan-giai-quyet-tthc",
        "Các cơ quan giải quyết thủ tục hành chính",
    ),
    ("phuong", "UBND các phường, thị trấn"),
    ("xa", "UBND các xã"),
    ("xa-phuong", "UBND các xã, phường, thị trấn"),
];

impl Unit {
    fn in_group(&self, g: &str) -> bool {
        use UKind::*;
        match g {
            "co-quan-chuyen-mon" => matches!(self.kind, So | Phong),
            "don-vi-su-nghiep" => self.kind == Dvsn,
            "co-quan-giai-quyet-tthc" => matches!(self.kind, So | Phong) && self.tthc,
            "phuong" => self.kind == Phuong,
            "xa" => self.kind == Xa,
            "xa-phuong" => matches!(self.kind, Phuong | Xa),
            _ => false,
        }
    }
}

/// Provincial departments: id, name, issuer code.
const SO: [(&str, &str, &str); 19] = [
    ("so-noi-vu", "Sở Nội vụ", "SNV"),
    ("so-tu-phap", "Sở Tư pháp", "STP"),
    ("van-phong-ubnd-tinh", "Văn phòng UBND tỉnh", "VP"),
    ("so-tai-chinh", "Sở Tài chính", "STC"),
    (
        "so-thong-tin-truyen-thong",
        "Sở Thông tin và Truyền thông",
        "STTTT",
    ),
    ("so-ke-hoach-dau-tu", "Sở Kế hoạch và Đầu tư", "SKHĐT"),
    ("so-cong-thuong", "Sở Công Thương", "SCT"),
    ("so-xay-dung", "Sở Xây dựng", "SXD"),
    ("so-giao-thong-van-tai", "Sở Giao thông vận tải", "SGTVT"),
    (
        "so-tai-nguyen-moi-truong",
        "Sở Tài nguyên và Môi trường",
        "STNMT",
    ),
    (
        "so-nong-nghiep-ptnt",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "SNNPTNT",
    ),
    (
        "so-lao-dong-tbxh",
        "Sở Lao động - Thương binh và Xã hội",
        "SLĐTBXH",
    ),
    ("so-giao-duc-dao-tao", "Sở Giáo dục và Đào tạo", "SGDĐT"),
    ("so-y-te", "Sở Y tế", "SYT"),
    (
        "so-van-hoa-the-thao-du-lich",
        "Sở Văn hóa, Thể thao và Du lịch",
        "SVHTTDL",
    ),
    ("so-khoa-hoc-cong-nghe", "Sở Khoa học và Công nghệ", "SKHCN"),
    ("thanh-tra-tinh", "Thanh tra tỉnh", "TTr"),
    ("ban-dan-toc", "Ban Dân tộc tỉnh", "BDT"),
    ("ban-quan-ly-kkt", "Ban Quản lý Khu kinh tế tỉnh", "BQL"),
];

/// Department that usually leads the tasks of each area (index into SO).
const AREA_LEAD: [usize; 7] = [1, 2, 0, 0, 3, 4, 0];

/// Offices of a district's people's committee: id prefix, name, issuer code.
const PHONG: [(&str, &str, &str); 12] = [
    ("phong-noi-vu", "Phòng Nội vụ", "PNV"),
    ("phong-tu-phap", "Phòng Tư pháp", "PTP"),
    (
        "phong-tai-chinh-ke-hoach",
        "Phòng Tài chính - Kế hoạch",
        "TCKH",
    ),
    ("phong-kinh-te-ha-tang", "Phòng Kinh tế và Hạ tầng", "KTHT"),
    (
        "phong-tai-nguyen-moi-truong",
        "Phòng Tài nguyên và Môi trường",
        "TNMT",
    ),
    (
        "phong-lao-dong-tbxh",
        "Phòng Lao động - Thương binh và Xã hội",
        "LĐTBXH",
    ),
    (
        "phong-giao-duc-dao-tao",
        "Phòng Giáo dục và Đào tạo",
        "GDĐT",
    ),
    ("phong-y-te", "Phòng Y tế", "PYT"),
    (
        "phong-van-hoa-thong-tin",
        "Phòng Văn hóa và Thông tin",
        "VHTT",
    ),
    (
        "phong-nong-nghiep-ptnt",
        "Phòng Nông nghiệp và Phát triển nông thôn",
        "NNPTNT",
    ),
    ("thanh-tra-huyen", "Thanh tra", "TTr"),
    ("van-phong-hdnd-ubnd", "Văn phòng HĐND và UBND", "VP"),
];

/// Public service units of a district: id prefix, name, issuer code.
const DVSN: [(&str, &str, &str); 6] = [
    ("trung-tam-y-te", "Trung tâm Y tế", "TTYT"),
    (
        "trung-tam-vhtt-tt",
        "Trung tâm Văn hóa - Thông tin và Thể thao",
        "TTVHTT",
    ),
    (
        "ban-qlda-dtxd",
        "Ban Quản lý dự án đầu tư xây dựng",
        "BQLDA",
    ),
    (
        "trung-tam-gdnn-gdtx",
        "Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên",
        "TTGDNN",
    ),
    (
        "trung-tam-dv-nong-nghiep",
        "Trung tâm Dịch vụ nông nghiệp",
        "TTDVNN",
    ),
    ("ban-quan-ly-cho", "Ban Quản lý chợ", "BQLC"),
];

/// Districts: kind, name.
const DISTRICTS: [(&str, &str); 40] = [
    ("thành phố", "Quảng Ngãi"),
    ("thị xã", "Đức Phổ"),
    ("huyện", "Bình Sơn"),
    ("huyện", "Sơn Tịnh"),
    ("huyện", "Tư Nghĩa"),
    ("huyện", "Nghĩa Hành"),
    ("huyện", "Mộ Đức"),
    ("huyện", "Ba Tơ"),
    ("huyện", "Minh Long"),
    ("huyện", "Sơn Hà"),
    ("huyện", "Sơn Tây"),
    ("huyện", "Trà Bồng"),
    ("huyện", "Lý Sơn"),
    ("huyện", "Núi Thành"),
    ("huyện", "Tam Kỳ"),
    ("huyện", "Hoài Nhơn"),
    ("huyện", "Phù Mỹ"),
    ("huyện", "Tây Sơn"),
    ("huyện", "An Lão"),
    ("huyện", "Vĩnh Thạnh"),
    ("huyện", "Phù Cát"),
    ("huyện", "Tuy Phước"),
    ("huyện", "Vân Canh"),
    ("huyện", "Đồng Xuân"),
    ("huyện", "Sơn Hòa"),
    ("huyện", "Tuy An"),
    ("huyện", "Phú Hòa"),
    ("huyện", "Tây Hòa"),
    ("huyện", "Đông Hòa"),
    ("huyện", "Krông Pa"),
    ("huyện", "Ayun Pa"),
    ("huyện", "Đak Pơ"),
    ("huyện", "Kbang"),
    ("huyện", "Chư Sê"),
    ("huyện", "Đức Cơ"),
    ("huyện", "Ia Grai"),
    ("huyện", "Mang Yang"),
    ("huyện", "Kon Plông"),
    ("huyện", "Đắk Hà"),
    ("huyện", "Ngọc Hồi"),
];

const PLACE_A: [&str; 48] = [
    "Bình", "Tịnh", "Nghĩa", "Phổ", "Đức", "Hành", "Sơn", "Trà", "An", "Hòa", "Phước", "Thạnh",
    "Tân", "Long", "Mỹ", "Xuân", "Thuận", "Hưng", "Thanh", "Quang", "Phú", "Lộc", "Thọ", "Hiệp",
    "Trung", "Hải", "Minh", "Kỳ", "Cát", "Vĩnh", "Hà", "Lâm", "Thắng", "Lợi", "Thịnh", "Khánh",
    "Định", "Hương", "Gia", "Ngọc", "Kim", "Hồng", "Diên", "Cẩm", "Tam", "Điện", "Duy", "Quế",
];

const PLACE_B: [&str; 48] = [
    "Thạnh", "Phong", "Châu", "Hiệp", "Thuận", "Trung", "Phú", "Lâm", "Hải", "Minh", "Nhơn", "Tân",
    "Thành", "Sơn", "Hòa", "Lộc", "Chánh", "Khương", "Dương", "Điền", "Kỳ", "Hưng", "Phước",
    "Quang", "Thắng", "Lợi", "Long", "Xuân", "An", "Bình", "Mỹ", "Hà", "Đông", "Tiến", "Hội",
    "Ninh", "Giang", "Vân", "Tường", "Thọ", "Nghĩa", "Đức", "Kiều", "Phổ", "Lương", "Khánh",
    "Thái", "Hậu",
];

const PLACE_C: [&str; 5] = ["", " Đông", " Tây", " Nam", " Bắc"];

/// ASCII id part of a Vietnamese name: "Sơn Tịnh" → "son-tinh".
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

fn place_name(k: usize, offset: usize) -> String {
    let m = PLACE_A.len() * PLACE_B.len() * PLACE_C.len();
    // 7919 is prime and does not divide m, so this is a permutation of 0..m.
    let i = (k % m * 7919 + offset) % m;
    let round = k / m;
    let a = PLACE_A[i % PLACE_A.len()];
    let b = PLACE_B[(i / PLACE_A.len()) % PLACE_B.len()];
    let c = PLACE_C[i / (PLACE_A.len() * PLACE_B.len())];
    let b = if a == b { "Tân" } else { b };
    if round == 0 {
        format!("{a} {b}{c}")
    } else {
        format!("{a} {b}{c} {}", round + 1)
    }
}

fn district(k: usize) -> (String, String) {
    let (kind, name) = DISTRICTS[k % DISTRICTS.len()];
    let round = k / DISTRICTS.len();
    if round == 0 {
        (format!("{kind} {name}"), slug(name))
    } else {
        (
            format!("{kind} {name} {}", round + 1),
            format!("{}-{}", slug(name), round + 1),
        )
    }
}

fn registry(n: usize, seed: u64) -> Vec<Unit> {
    let mut rng = Rng::stream(seed, &[S_REG]);
    let n_dept = (n * 2 / 100).max(SO.len() + 6).min(n / 2);
    let n_dvsn = (n * 8 / 100).max(5);
    let rest = n - n_dept - n_dvsn;
    let n_phuong = rest * 28 / 100;
    let n_xa = rest - n_phuong;
    let mut units = Vec::with_capacity(n);
    for k in 0..n_dept {
        if let Some(&(id, name, abbr)) = SO.get(k) {
            units.push(Unit {
                id: id.into(),
                name: name.into(),
                kind: UKind::So,
                abbr,
                tthc: k < 2 || rng.chance(0.8),
                size: rng.uniform(3.0, 6.0),
            });
        } else {
            let j = k - SO.len();
            let (pid, pname, abbr) = PHONG[j % PHONG.len()];
            let (dname, did) = district(j / PHONG.len());
            units.push(Unit {
                id: format!("{pid}-{did}"),
                name: format!("{pname} {dname}"),
                kind: UKind::Phong,
                abbr,
                tthc: rng.chance(0.7),
                size: rng.uniform(1.0, 2.0),
            });
        }
    }
    let school_offset = rng.below(1 << 20);
    for k in 0..n_dvsn {
        let per = DVSN.len() * DISTRICTS.len();
        let (id, name, abbr) = if k < per {
            let (pid, pname, abbr) = DVSN[k % DVSN.len()];
            let (dname, did) = district(k / DVSN.len());
            (format!("{pid}-{did}"), format!("{pname} {dname}"), abbr)
        } else {
            let place = place_name(k - per, school_offset);
            (
                format!("truong-thpt-{}", slug(&place)),
                format!("Trường THPT {place}"),
                "THPT",
            )
        };
        units.push(Unit {
            id,
            name,
            kind: UKind::Dvsn,
            abbr,
            tthc: false,
            size: rng.uniform(0.3, 1.2),
        });
    }
    // Wards, then communes; each draws its name offset, then one size per unit.
    for (n, kind, id, name, size) in [
        (
            n_phuong,
            UKind::Phuong,
            "ubnd-phuong",
            "UBND phường",
            (1.2, 2.5),
        ),
        (n_xa, UKind::Xa, "ubnd-xa", "UBND xã", (0.5, 1.2)),
    ] {
        let offset = rng.below(1 << 20);
        for k in 0..n {
            let place = place_name(k, offset);
            units.push(Unit {
                id: format!("{id}-{}", slug(&place)),
                name: format!("{name} {place}"),
                kind,
                abbr: "UBND",
                tthc: false,
                size: rng.uniform(size.0, size.1),
            });
        }
    }
    // Ids are unique by construction; make sure of it anyway.
    let mut seen = HashSet::new();
    for u in &mut units {
        let base = u.id.clone();
        let mut k = 2;
        while !seen.insert(u.id.clone()) {
            u.id = format!("{base}-{k}");
            k += 1;
        }
    }
    units
}

// ---------------------------------------------------------------------------------------
// The plan.

const AREAS: [&str; 7] = [
    "Cải cách thể chế",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính nhà nước",
    "Cải cách chế độ công vụ",
    "Cải cách tài chính công",
    "Xây dựng và phát triển Chính quyền điện tử, Chính quyền số",
    "Công tác chỉ đạo, điều hành và thông tin, tuyên truyền cải cách hành chính",
];

/// Tasks per area for 45 tasks (scaled for other counts).
const AREA_WEIGHTS: [usize; 7] = [7, 12, 6, 6, 4, 6, 4];

const TOPICS: [&[&str]; 7] = [
    &[
        "công tác xây dựng, thẩm định và ban hành văn bản quy phạm pháp luật",
        "công tác kiểm tra, xử lý và rà soát, hệ thống hóa văn bản quy phạm pháp luật",
        "công tác theo dõi tình hình thi hành pháp luật",
        "công tác phổ biến, giáo dục pháp luật và hòa giải ở cơ sở",
        "việc xây dựng, đánh giá xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật",
        "việc công bố danh mục văn bản quy phạm pháp luật hết hiệu lực, ngưng hiệu lực",
        "công tác trợ giúp pháp lý cho người dân",
    ],
    &[
        "công tác kiểm soát thủ tục hành chính",
        "việc rà soát, đánh giá, đơn giản hóa thủ tục hành chính và giấy tờ công dân",
        "việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
        "việc cung cấp dịch vụ công trực tuyến toàn trình trên Cổng Dịch vụ công quốc gia",
        "việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
        "công tác tiếp nhận, xử lý phản ánh, kiến nghị của người dân, doanh nghiệp",
        "việc thanh toán trực tuyến phí, lệ phí trong giải quyết thủ tục hành chính",
        "việc đánh giá chất lượng giải quyết thủ tục hành chính theo Bộ chỉ số phục vụ người dân, doanh nghiệp",
        "việc công khai, minh bạch thông tin về thủ tục hành chính tại Bộ phận Một cửa",
    ],
    &[
        "việc rà soát, sắp xếp tổ chức bộ máy theo hướng tinh gọn, hoạt động hiệu lực, hiệu quả",
        "công tác quản lý biên chế và thực hiện tinh giản biên chế",
        "việc sắp xếp đơn vị hành chính cấp huyện, cấp xã giai đoạn 2023 - 2025",
        "việc thực hiện phân cấp, ủy quyền trong quản lý nhà nước",
        "việc xây dựng, điều chỉnh vị trí việc làm và cơ cấu ngạch công chức, chức danh nghề nghiệp viên chức",
        "việc kiện toàn chức năng, nhiệm vụ, quyền hạn của các cơ quan chuyên môn",
    ],
    &[
        "công tác đào tạo, bồi dưỡng cán bộ, công chức, viên chức",
        "việc chuyển đổi vị trí công tác đối với công chức, viên chức theo quy định",
        "công tác kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính",
        "việc đánh giá, xếp loại chất lượng cán bộ, công chức, viên chức",
        "công tác tuyển dụng, sử dụng và quản lý công chức, viên chức",
        "việc thực hiện văn hóa công vụ và quy tắc ứng xử của cán bộ, công chức, viên chức",
    ],
    &[
        "việc thực hiện cơ chế tự chủ tài chính của các đơn vị sự nghiệp công lập",
        "công tác quản lý, sử dụng tài sản công",
        "việc công khai dự toán, quyết toán ngân sách nhà nước",
        "công tác giải ngân vốn đầu tư công",
        "việc thực hành tiết kiệm, chống lãng phí trong sử dụng ngân sách",
    ],
    &[
        "công tác chuyển đổi số",
        "việc sử dụng chữ ký số trong gửi, nhận văn bản điện tử",
        "việc khai thác, sử dụng Hệ thống quản lý văn bản và điều hành",
        "việc kết nối, chia sẻ dữ liệu với Cơ sở dữ liệu quốc gia về dân cư",
        "việc triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử (Đề án 06)",
        "công tác bảo đảm an toàn, an ninh thông tin mạng",
    ],
    &[
        "công tác thông tin, tuyên truyền cải cách hành chính",
        "công tác kiểm tra cải cách hành chính",
        "việc xác định Chỉ số cải cách hành chính (PAR INDEX)",
        "việc khảo sát, đánh giá mức độ hài lòng của người dân, tổ chức (SIPAS)",
        "việc nhân rộng các sáng kiến, mô hình cải cách hành chính",
        "công tác thi đua, khen thưởng trong thực hiện cải cách hành chính",
    ],
];

const OPENINGS: [&str; 7] = [
    "Tiếp tục triển khai có hiệu quả",
    "Tăng cường",
    "Đẩy mạnh",
    "Nâng cao chất lượng",
    "Tổ chức thực hiện nghiêm túc",
    "Chỉ đạo, hướng dẫn và kiểm tra",
    "Thực hiện đồng bộ các giải pháp nâng cao hiệu quả",
];

const SCOPES: [&str; 5] = [
    "trên địa bàn tỉnh",
    "tại các cơ quan, đơn vị và UBND các xã, phường, thị trấn",
    "trong các cơ quan hành chính nhà nước các cấp",
    "ở cả ba cấp tỉnh, huyện, xã",
    "tại các cơ quan, đơn vị, địa phương",
];

const LEGAL_COMMON: [&str; 2] = [
    "Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    "Quyết định số 1879/QĐ-UBND ngày 15/12/2023 của UBND tỉnh ban hành Kế hoạch cải cách hành chính nhà nước năm 2024",
];

const LEGAL: [&[&str]; 7] = [
    &[
        "Luật Ban hành văn bản quy phạm pháp luật năm 2015 (được sửa đổi, bổ sung năm 2020)",
        "Chỉ thị số 05/CT-UBND ngày 24/3/2022 của Chủ tịch UBND tỉnh",
    ],
    &[
        "Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 và Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông",
        "Quyết định số 766/QĐ-TTg ngày 23/6/2022 của Thủ tướng Chính phủ phê duyệt Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người dân, doanh nghiệp",
    ],
    &[
        "Nghị quyết số 18-NQ/TW ngày 25/10/2017 của Ban Chấp hành Trung ương",
        "Nghị quyết số 35/2023/UBTVQH15 ngày 12/7/2023 của Ủy ban Thường vụ Quốc hội",
    ],
    &[
        "Nghị định số 138/2020/NĐ-CP ngày 27/11/2020 của Chính phủ quy định về tuyển dụng, sử dụng và quản lý công chức",
        "Nghị định số 59/2019/NĐ-CP ngày 01/7/2019 của Chính phủ",
    ],
    &[
        "Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ quy định cơ chế tự chủ tài chính của đơn vị sự nghiệp công lập",
        "Luật Quản lý, sử dụng tài sản công năm 2017",
    ],
    &[
        "Quyết định số 06/QĐ-TTg ngày 06/01/2022 của Thủ tướng Chính phủ phê duyệt Đề án 06",
        "Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư",
    ],
    &[
        "Quyết định số 876/QĐ-BNV ngày 10/11/2022 của Bộ trưởng Bộ Nội vụ",
        "Kế hoạch tuyên truyền cải cách hành chính giai đoạn 2021 - 2025 của UBND tỉnh",
    ],
];

const PURPOSES: [&str; 6] = [
    "nhằm nâng cao chất lượng phục vụ người dân, doanh nghiệp",
    "bảo đảm công khai, minh bạch và đúng quy định của pháp luật",
    "góp phần nâng cao Chỉ số cải cách hành chính (PAR INDEX) và Chỉ số hài lòng (SIPAS) của tỉnh",
    "tạo môi trường đầu tư, kinh doanh thuận lợi, bình đẳng",
    "xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, phục vụ nhân dân",
    "nâng cao hiệu lực, hiệu quả quản lý nhà nước",
];

const TARGETS: [&[&str]; 7] = [
    &[
        "Phấn đấu 100% văn bản quy phạm pháp luật được ban hành đúng thẩm quyền, trình tự, thủ tục",
        "100% văn bản trái pháp luật, có sai sót phát hiện qua kiểm tra được xử lý kịp thời",
    ],
    &[
        "Phấn đấu tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%",
        "Tối thiểu 80% hồ sơ thủ tục hành chính được số hóa khi tiếp nhận và 100% kết quả giải quyết được số hóa",
        "Tỷ lệ hồ sơ trực tuyến toàn trình đạt tối thiểu 50% tổng số hồ sơ tiếp nhận",
    ],
    &[
        "Hoàn thành việc sắp xếp, kiện toàn tổ chức bộ máy đúng lộ trình",
        "Bảo đảm tinh giản biên chế theo đúng chỉ tiêu được giao",
    ],
    &[
        "100% cán bộ, công chức, viên chức được đánh giá, xếp loại đúng quy định",
        "Hoàn thành chỉ tiêu đào tạo, bồi dưỡng được giao trong năm",
    ],
    &[
        "100% đơn vị sự nghiệp công lập xây dựng phương án tự chủ tài chính",
        "Tỷ lệ giải ngân vốn đầu tư công đạt trên 95% kế hoạch",
    ],
    &[
        "100% văn bản đi được ký số và gửi, nhận dưới dạng điện tử, trừ văn bản mật",
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt trên 90%",
    ],
    &[
        "Phấn đấu Chỉ số cải cách hành chính của tỉnh tăng so với năm trước",
        "100% cơ quan, đơn vị, địa phương được kiểm tra công tác cải cách hành chính ít nhất một lần trong năm",
    ],
];

const PRODUCTS: [&[&str]; 7] = [
    &[
        "Văn bản quy phạm pháp luật được ban hành đúng quy định; báo cáo kết quả thực hiện.",
        "Kế hoạch, báo cáo kết quả kiểm tra, rà soát; quyết định công bố danh mục văn bản.",
    ],
    &[
        "Quyết định công bố danh mục thủ tục hành chính; báo cáo kết quả rà soát, đơn giản hóa.",
        "Báo cáo kết quả giải quyết thủ tục hành chính định kỳ hằng quý.",
        "Quy trình nội bộ, quy trình điện tử được cập nhật trên Hệ thống thông tin giải quyết TTHC.",
    ],
    &[
        "Quyết định quy định chức năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức; đề án vị trí việc làm.",
        "Báo cáo kết quả sắp xếp tổ chức bộ máy, tinh giản biên chế.",
    ],
    &[
        "Kế hoạch đào tạo, bồi dưỡng; báo cáo kết quả thực hiện.",
        "Kế hoạch và thông báo kết quả kiểm tra kỷ luật, kỷ cương hành chính.",
    ],
    &[
        "Phương án tự chủ tài chính được phê duyệt; báo cáo công khai ngân sách.",
        "Báo cáo tình hình giải ngân vốn đầu tư công định kỳ.",
    ],
    &[
        "Kế hoạch chuyển đổi số năm; báo cáo kết quả thực hiện các chỉ tiêu chuyển đổi số.",
        "Văn bản điện tử được ký số, gửi nhận trên Hệ thống quản lý văn bản và điều hành.",
    ],
    &[
        "Kế hoạch tuyên truyền, kế hoạch kiểm tra cải cách hành chính; báo cáo kết quả.",
        "Báo cáo tự đánh giá, chấm điểm Chỉ số cải cách hành chính kèm tài liệu kiểm chứng.",
    ],
];

#[derive(Clone)]
enum Ref {
    Unit(usize),
    Group(&'static str),
}

struct Task {
    id: String,
    area: usize,
    topic: &'static str,
    content: String,
    lead: Vec<Ref>,
    coord: Vec<Ref>,
    coord_other: Option<&'static str>,
    product: &'static str,
    mo_ta: String,
    recurring: bool,
    moc: Vec<(NaiveDate, String)>,
}

impl Task {
    /// SPEC §2.2: the last milestone; recurring without milestones → end of the NAM period.
    fn due(&self, year: i32) -> Option<NaiveDate> {
        match self.moc.last() {
            Some((d, _)) => Some(*d),
            None if self.recurring => Some(ymd(year, 12, 14)),
            None => None,
        }
    }
    /// Some(true) lead, Some(false) coordinator, None neither.
    fn role(&self, u: usize, unit: &Unit) -> Option<bool> {
        let hit = |refs: &[Ref]| {
            refs.iter().any(|r| match r {
                Ref::Unit(i) => *i == u,
                Ref::Group(g) => unit.in_group(g),
            })
        };
        if hit(&self.lead) {
            Some(true)
        } else if hit(&self.coord) {
            Some(false)
        } else {
            None
        }
    }
}

/// Largest-remainder split of `total` by `weights`.
fn split(total: usize, weights: &[usize]) -> Vec<usize> {
    let sum: usize = weights.iter().sum();
    let mut out: Vec<usize> = weights.iter().map(|w| total * w / sum).collect();
    let mut rem: Vec<(usize, usize)> = weights
        .iter()
        .enumerate()
        .map(|(i, w)| (total * w % sum, i))
        .collect();
    rem.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let missing = total - out.iter().sum::<usize>();
    for &(_, i) in rem.iter().take(missing) {
        out[i] += 1;
    }
    out
}

#[derive(Clone, Copy)]
enum Pat {
    /// lead dept + every department, public service unit and commune.
    Every,
    /// lead dept + communes and wards.
    LocalLead,
    /// lead dept + the procedure-handling departments + communes and wards.
    Procedures,
    /// lead dept + public service units.
    PublicService,
    /// lead dept, communes and wards coordinate.
    LocalCoord,
    /// wards lead.
    Wards,
    /// communes lead.
    Communes,
    /// lead dept, every department coordinates.
    DeptsCoord,
    /// one or two departments, two coordinators.
    Depts,
}

const PATTERNS: [(Pat, usize); 9] = [
    (Pat::Every, 8),
    (Pat::LocalLead, 4),
    (Pat::Procedures, 3),
    (Pat::PublicService, 4),
    (Pat::LocalCoord, 2),
    (Pat::Wards, 1),
    (Pat::Communes, 1),
    (Pat::DeptsCoord, 7),
    (Pat::Depts, 15),
];

fn push_sentence_parts(rng: &mut Rng, s: &mut String, parts: &[String], min: usize, max: usize) {
    let target = rng.range(min as i64, max as i64) as usize;
    for p in parts {
        if s.chars().count() >= target {
            break;
        }
        if s.chars().count() + p.chars().count() + 1 > max {
            continue;
        }
        s.push_str(p);
    }
}

fn plan(tasks: usize, n_dept: usize, year: i32, seed: u64) -> Vec<Task> {
    let mut rng = Rng::stream(seed, &[S_PLAN, year as u64]);
    let n_areas = if tasks >= 7 { 7 } else { tasks };
    let per_area = split(tasks, &AREA_WEIGHTS[..n_areas]);
    let weights: Vec<usize> = PATTERNS.iter().map(|p| p.1).collect();
    let mut pats: Vec<Pat> = split(tasks, &weights)
        .into_iter()
        .enumerate()
        .flat_map(|(i, k)| std::iter::repeat_n(PATTERNS[i].0, k))
        .collect();
    rng.shuffle(&mut pats);
    let mut out = Vec::with_capacity(tasks);
    for (area, &count) in per_area.iter().enumerate() {
        let topic0 = rng.below(TOPICS[area].len());
        for k in 0..count {
            // Past "y": "a1", "b1", … (not format::letter's "aa"), so ids stay as they were.
            let letter = if k < LETTERS.len() {
                LETTERS[k].to_string()
            } else {
                format!("{}{}", LETTERS[k % LETTERS.len()], k / LETTERS.len())
            };
            let topic = TOPICS[area][(topic0 + k) % TOPICS[area].len()];
            // Text of 150..400 characters.
            let mut content = format!("{} {} {}", rng.pick(&OPENINGS), topic, rng.pick(&SCOPES));
            let legal = if rng.chance(0.5) {
                *rng.pick(LEGAL[area])
            } else {
                *rng.pick(&LEGAL_COMMON)
            };
            let parts = [
                format!(" theo {legal}"),
                format!(", {}", rng.pick(&PURPOSES)),
                format!(". {}", rng.pick(TARGETS[area])),
                format!("; {}", rng.pick(&PURPOSES)),
            ];
            push_sentence_parts(&mut rng, &mut content, &parts, 150, 399);
            while content.chars().count() < 150 {
                content.push_str(", đáp ứng yêu cầu nhiệm vụ được giao");
            }
            content.push('.');

            let area_lead = if rng.chance(0.7) {
                AREA_LEAD[area]
            } else {
                rng.below(SO.len())
            };
            let lead_dept = Ref::Unit(area_lead);
            let other = |rng: &mut Rng, not: &[usize]| loop {
                let d = if rng.chance(0.6) {
                    rng.below(SO.len())
                } else {
                    rng.below(n_dept)
                };
                if !not.contains(&d) {
                    return d;
                }
            };
            let g = Ref::Group;
            let pat = pats[out.len()];
            let (lead, coord) = match pat {
                Pat::Every => (
                    vec![
                        lead_dept,
                        g("co-quan-chuyen-mon"),
                        g("don-vi-su-nghiep"),
                        g("xa-phuong"),
                    ],
                    vec![],
                ),
                Pat::LocalLead => (
                    vec![lead_dept, g("xa-phuong")],
                    vec![Ref::Unit(other(&mut rng, &[area_lead]))],
                ),
                Pat::Procedures => (
                    vec![lead_dept, g("co-quan-giai-quyet-tthc"), g("xa-phuong")],
                    vec![Ref::Unit(other(&mut rng, &[area_lead]))],
                ),
                Pat::PublicService => (
                    vec![lead_dept, g("don-vi-su-nghiep")],
                    vec![Ref::Unit(other(&mut rng, &[area_lead]))],
                ),
                Pat::LocalCoord => (vec![lead_dept], vec![g("xa-phuong")]),
                Pat::Wards => (vec![g("phuong")], vec![lead_dept]),
                Pat::Communes => {
                    let d2 = other(&mut rng, &[area_lead]);
                    (vec![g("xa")], vec![lead_dept, Ref::Unit(d2)])
                }
                Pat::DeptsCoord => (vec![lead_dept], vec![g("co-quan-chuyen-mon")]),
                Pat::Depts => {
                    let mut lead = vec![lead_dept];
                    let mut taken = vec![area_lead];
                    if rng.chance(0.5) {
                        let d = other(&mut rng, &taken);
                        taken.push(d);
                        lead.push(Ref::Unit(d));
                    }
                    let c1 = other(&mut rng, &taken);
                    taken.push(c1);
                    let c2 = other(&mut rng, &taken);
                    (lead, vec![Ref::Unit(c1), Ref::Unit(c2)])
                }
            };
            let coord_other = rng
                .chance(0.4)
                .then_some("Các cơ quan, đơn vị có liên quan");

            // Time limit.
            let r = rng.unit();
            let (mo_ta, recurring, moc) = if r < 0.40 {
                (format!("Thường xuyên trong năm {year}."), true, vec![])
            } else if r < 0.50 {
                let moc = vec![
                    (ymd(year, 3, 10), "Báo cáo kết quả quý I".to_string()),
                    (ymd(year, 6, 10), "Báo cáo kết quả 6 tháng".to_string()),
                    (ymd(year, 9, 10), "Báo cáo kết quả 9 tháng".to_string()),
                    (ymd(year, 12, 10), "Báo cáo kết quả năm".to_string()),
                ];
                (
                    "Thường xuyên; báo cáo định kỳ trước ngày 10 của tháng cuối quý.".to_string(),
                    true,
                    moc,
                )
            } else if r < 0.90 {
                let n = rng.range(1, 3) as usize;
                let mut months: Vec<u32> = (0..n).map(|_| rng.range(1, 12) as u32).collect();
                months.sort();
                months.dedup();
                let whats = [
                    "Ban hành kế hoạch triển khai",
                    "Hoàn thành và báo cáo kết quả",
                    "Tổng kết, đánh giá",
                ];
                let moc: Vec<(NaiveDate, String)> = months
                    .iter()
                    .enumerate()
                    .map(|(i, &m)| {
                        let d = if rng.chance(0.5) {
                            last_day(year, m)
                        } else {
                            ymd(year, m, 15)
                        };
                        let what = if i + 1 == months.len() {
                            whats[1]
                        } else {
                            whats[i.min(2)]
                        };
                        (d, what.to_string())
                    })
                    .collect();
                let mo_ta = if moc.len() == 1 {
                    format!("Hoàn thành trước ngày {}.", short_date(moc[0].0))
                } else {
                    let parts: Vec<String> = moc
                        .iter()
                        .map(|(d, w)| format!("{} trước ngày {}", w, short_date(*d)))
                        .collect();
                    format!("{}.", parts.join("; "))
                };
                (mo_ta, false, moc)
            } else {
                (
                    "Theo tiến độ, hướng dẫn của Trung ương và của tỉnh.".to_string(),
                    false,
                    vec![],
                )
            };
            out.push(Task {
                id: format!("{}.{}", area + 1, letter),
                area,
                topic,
                content,
                lead,
                coord,
                coord_other,
                product: PRODUCTS[area][rng.below(PRODUCTS[area].len())],
                mo_ta,
                recurring,
                moc,
            });
        }
    }
    out
}

fn last_day(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1) - TimeDelta::days(1)
}

// ---------------------------------------------------------------------------------------
// Indicators.

#[derive(Clone, Copy)]
enum IKind {
    /// A flow: per month, scaled by the unit's size and the period's length.
    Flow(f64),
    /// A stock, the same in every period.
    Stock(i64, i64),
    /// A part of an earlier indicator (so never larger than it).
    Part(&'static str, f64, f64),
    /// The difference of two earlier indicators (a ≥ b).
    Diff(&'static str, &'static str),
    /// Computed by baocao: 100 × Σnumerator / Σdenominator; never submitted.
    Ratio(&'static str, &'static str),
}

struct Ind {
    ma: &'static str,
    ten: &'static str,
    dvt: &'static str,
    area: &'static str,
    kind: IKind,
    /// Unit ids and @groups; empty = every unit. Parts use their parent's reporters.
    reporters: &'static [&'static str],
}

const LOCAL_TTHC: &[&str] = &["@co-quan-giai-quyet-tthc", "@xa-phuong"];
const DEPT_LOCAL: &[&str] = &["@co-quan-chuyen-mon", "@xa-phuong"];
const DEPTS: &[&str] = &["@co-quan-chuyen-mon"];
const ALL: &[&str] = &[];

macro_rules! ind {
    ($ma:expr, $ten:expr, $dvt:expr, $lv:expr, $kind:expr, $rep:expr) => {
        Ind {
            ma: $ma,
            ten: $ten,
            dvt: $dvt,
            area: $lv,
            kind: $kind,
            reporters: $rep,
        }
    };
}

#[rustfmt::skip]
const INDICATORS: [Ind; 42] = {
    use IKind::*;
    [
        ind!("vbqppl_ban_hanh", "Số văn bản QPPL được ban hành", "văn bản", "1", Flow(0.3), DEPT_LOCAL),
        ind!("vbqppl_kiem_tra", "Số văn bản QPPL được kiểm tra, rà soát theo quy định", "văn bản", "1", Flow(2.0), DEPT_LOCAL),
        ind!("vbqppl_sai_sot", "Số văn bản phát hiện trái pháp luật, có sai sót hoặc không còn phù hợp", "văn bản", "1", Part("vbqppl_kiem_tra", 0.0, 0.15), DEPT_LOCAL),
        ind!("vbqppl_da_xu_ly", "Số văn bản trái pháp luật, có sai sót đã được xử lý", "văn bản", "1", Part("vbqppl_sai_sot", 0.6, 1.0), DEPT_LOCAL),
        ind!("ty_le_vbqppl_da_xu_ly", "Tỷ lệ văn bản phát hiện sai sót đã được xử lý", "%", "1", Ratio("vbqppl_da_xu_ly", "vbqppl_sai_sot"), ALL),
        ind!("tuyen_truyen_pbgdpl", "Số cuộc tuyên truyền, phổ biến, giáo dục pháp luật", "cuộc", "1", Flow(1.5), DEPT_LOCAL),
        ind!("tthc_ra_soat", "Số TTHC được rà soát, đánh giá", "thủ tục", "2", Flow(2.0), DEPTS),
        ind!("tthc_don_gian_hoa", "Số TTHC được đề xuất đơn giản hóa, cắt giảm", "thủ tục", "2", Part("tthc_ra_soat", 0.1, 0.5), DEPTS),
        ind!("ty_le_tthc_don_gian_hoa", "Tỷ lệ TTHC đề xuất đơn giản hóa trên số TTHC được rà soát", "%", "2", Ratio("tthc_don_gian_hoa", "tthc_ra_soat"), ALL),
        ind!("hs_tiep_nhan", "Số hồ sơ TTHC tiếp nhận", "hồ sơ", "2", Flow(60.0), LOCAL_TTHC),
        ind!("hs_truc_tuyen", "Số hồ sơ TTHC tiếp nhận trực tuyến", "hồ sơ", "2", Part("hs_tiep_nhan", 0.4, 0.9), LOCAL_TTHC),
        ind!("ty_le_hs_truc_tuyen", "Tỷ lệ hồ sơ TTHC tiếp nhận trực tuyến", "%", "2", Ratio("hs_truc_tuyen", "hs_tiep_nhan"), ALL),
        ind!("hs_toan_trinh", "Số hồ sơ dịch vụ công trực tuyến toàn trình", "hồ sơ", "2", Part("hs_truc_tuyen", 0.4, 0.9), LOCAL_TTHC),
        ind!("ty_le_hs_toan_trinh", "Tỷ lệ hồ sơ trực tuyến toàn trình trên tổng số hồ sơ tiếp nhận", "%", "2", Ratio("hs_toan_trinh", "hs_tiep_nhan"), ALL),
        ind!("hs_giai_quyet", "Số hồ sơ TTHC đã giải quyết", "hồ sơ", "2", Part("hs_tiep_nhan", 0.85, 1.0), LOCAL_TTHC),
        ind!("hs_dung_han", "Số hồ sơ giải quyết đúng hạn", "hồ sơ", "2", Part("hs_giai_quyet", 0.9, 1.0), LOCAL_TTHC),
        ind!("ty_le_dung_han", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "2", Ratio("hs_dung_han", "hs_giai_quyet"), ALL),
        ind!("hs_qua_han", "Số hồ sơ giải quyết quá hạn", "hồ sơ", "2", Diff("hs_giai_quyet", "hs_dung_han"), LOCAL_TTHC),
        ind!("hs_phi_le_phi", "Số hồ sơ có nghĩa vụ tài chính (phí, lệ phí)", "hồ sơ", "2", Part("hs_tiep_nhan", 0.3, 0.6), LOCAL_TTHC),
        ind!("hs_thanh_toan_truc_tuyen", "Số hồ sơ thanh toán trực tuyến phí, lệ phí", "hồ sơ", "2", Part("hs_phi_le_phi", 0.2, 0.7), LOCAL_TTHC),
        ind!("ty_le_thanh_toan_truc_tuyen", "Tỷ lệ hồ sơ thanh toán trực tuyến", "%", "2", Ratio("hs_thanh_toan_truc_tuyen", "hs_phi_le_phi"), ALL),
        ind!("hs_so_hoa", "Số hồ sơ TTHC được số hóa khi tiếp nhận", "hồ sơ", "2", Part("hs_tiep_nhan", 0.6, 1.0), LOCAL_TTHC),
        ind!("ty_le_so_hoa", "Tỷ lệ hồ sơ TTHC được số hóa", "%", "2", Ratio("hs_so_hoa", "hs_tiep_nhan"), ALL),
        ind!("pakn_tiep_nhan", "Số phản ánh, kiến nghị về TTHC tiếp nhận", "phản ánh", "2", Flow(1.0), LOCAL_TTHC),
        ind!("pakn_da_xu_ly", "Số phản ánh, kiến nghị về TTHC đã xử lý", "phản ánh", "2", Part("pakn_tiep_nhan", 0.8, 1.0), LOCAL_TTHC),
        ind!("ty_le_pakn_da_xu_ly", "Tỷ lệ phản ánh, kiến nghị đã xử lý", "%", "2", Ratio("pakn_da_xu_ly", "pakn_tiep_nhan"), ALL),
        ind!("dvsn_tong", "Số đơn vị sự nghiệp công lập trực thuộc", "đơn vị", "5", Stock(0, 6), DEPTS),
        ind!("dvsn_tu_chu", "Số đơn vị sự nghiệp công lập tự bảo đảm một phần trở lên chi thường xuyên", "đơn vị", "5", Part("dvsn_tong", 0.2, 0.8), DEPTS),
        ind!("ty_le_dvsn_tu_chu", "Tỷ lệ đơn vị sự nghiệp công lập tự chủ tài chính", "%", "5", Ratio("dvsn_tu_chu", "dvsn_tong"), ALL),
        ind!("luot_boi_duong", "Số lượt cán bộ, công chức, viên chức được đào tạo, bồi dưỡng", "lượt người", "4", Flow(2.0), ALL),
        ind!("chuyen_doi_vi_tri", "Số công chức, viên chức được chuyển đổi vị trí công tác", "người", "4", Flow(0.1), ALL),
        ind!("kiem_tra_ky_luat", "Số cuộc kiểm tra kỷ luật, kỷ cương hành chính", "cuộc", "4", Flow(0.3), ALL),
        ind!("vb_di", "Tổng số văn bản đi", "văn bản", "6", Flow(40.0), ALL),
        ind!("vb_di_dien_tu", "Số văn bản đi được gửi dưới dạng điện tử", "văn bản", "6", Part("vb_di", 0.85, 1.0), ALL),
        ind!("ty_le_vb_dien_tu", "Tỷ lệ văn bản đi được gửi dưới dạng điện tử", "%", "6", Ratio("vb_di_dien_tu", "vb_di"), ALL),
        ind!("vb_ky_so", "Số văn bản đi được ký số", "văn bản", "6", Part("vb_di_dien_tu", 0.8, 1.0), ALL),
        ind!("ty_le_vb_ky_so", "Tỷ lệ văn bản đi được ký số", "%", "6", Ratio("vb_ky_so", "vb_di"), ALL),
        ind!("vb_chi_dao_cchc", "Số văn bản chỉ đạo, điều hành về CCHC được ban hành", "văn bản", "7", Flow(0.5), ALL),
        ind!("kiem_tra_ton_tai", "Số tồn tại, hạn chế được phát hiện qua kiểm tra CCHC", "tồn tại", "7", Flow(0.5), DEPTS),
        ind!("kiem_tra_da_xu_ly", "Số tồn tại, hạn chế đã được khắc phục", "tồn tại", "7", Part("kiem_tra_ton_tai", 0.5, 1.0), DEPTS),
        ind!("ty_le_khac_phuc_sau_kiem_tra", "Tỷ lệ tồn tại, hạn chế đã được khắc phục sau kiểm tra", "%", "7", Ratio("kiem_tra_da_xu_ly", "kiem_tra_ton_tai"), ALL),
        ind!("tin_bai_cchc", "Số tin, bài tuyên truyền về CCHC", "tin, bài", "7", Flow(2.0), DEPT_LOCAL),
    ]
};

fn reports_indicator(ind: &Ind, u: usize, unit: &Unit, units: &[Unit]) -> bool {
    if matches!(ind.kind, IKind::Ratio(..)) {
        return false;
    }
    ind.reporters.is_empty()
        || ind.reporters.iter().any(|r| match r.strip_prefix('@') {
            Some(g) => unit.in_group(g),
            None => units[u].id == *r,
        })
}

// ---------------------------------------------------------------------------------------
// Text of the submissions.

const FAMILY: [&str; 15] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Phan", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ",
    "Ngô", "Dương", "Lý",
];
const MIDDLE: [&str; 12] = [
    "Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hữu", "Đức", "Quốc", "Thu", "Hoài", "Xuân", "Kim",
];
const GIVEN: [&str; 29] = [
    "An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
    "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phúc", "Phương", "Quang", "Sơn", "Tâm", "Thảo",
    "Trang", "Trung", "Tuấn", "Vy", "Yến",
];

const REASONS: [&str; 6] = [
    "khối lượng công việc lớn trong khi nhân lực còn thiếu, phải kiêm nhiệm",
    "phải chờ văn bản hướng dẫn của cơ quan cấp trên",
    "các hệ thống phần mềm chưa được kết nối, đồng bộ dữ liệu",
    "kinh phí thực hiện chưa được bố trí kịp thời",
    "một số cơ quan phối hợp chưa cung cấp đầy đủ thông tin, số liệu",
    "trang thiết bị phục vụ công việc đã xuống cấp, thường xuyên hư hỏng",
];

const KHO_KHAN: [&str; 8] = [
    "Một số thủ tục hành chính chưa đủ điều kiện thực hiện trực tuyến toàn trình do quy định phải nộp bản chính, đối chiếu trực tiếp.",
    "Hạ tầng công nghệ thông tin, trang thiết bị tại Bộ phận Một cửa đã xuống cấp, đường truyền thường xuyên bị gián đoạn.",
    "Số lượng công chức ít nhưng khối lượng công việc lớn, một người phải kiêm nhiệm nhiều việc.",
    "Người dân, nhất là người cao tuổi, chưa quen sử dụng dịch vụ công trực tuyến và thanh toán trực tuyến.",
    "Các hệ thống thông tin chưa kết nối, đồng bộ nên việc cập nhật dữ liệu phải thực hiện thủ công nhiều lần.",
    "Một số văn bản hướng dẫn của cấp trên ban hành chậm nên việc triển khai ở cơ sở còn lúng túng.",
    "Kinh phí bố trí cho công tác cải cách hành chính và chuyển đổi số còn hạn chế.",
    "Việc số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn chậm do thiếu máy quét và nhân lực.",
];

const KIEN_NGHI: [&str; 5] = [
    "Đề nghị Sở Thông tin và Truyền thông hoàn thiện việc kết nối, liên thông giữa Hệ thống quản lý văn bản và Hệ thống thông tin giải quyết thủ tục hành chính của tỉnh.",
    "Đề nghị UBND tỉnh bố trí kinh phí nâng cấp trang thiết bị cho Bộ phận Một cửa cấp xã.",
    "Đề nghị Sở Nội vụ tổ chức các lớp tập huấn nghiệp vụ cải cách hành chính cho công chức làm công tác tham mưu.",
    "Đề nghị các sở, ngành sớm ban hành quy trình nội bộ, quy trình điện tử đối với các thủ tục hành chính mới được công bố.",
    "Đề nghị Văn phòng UBND tỉnh hướng dẫn thống nhất cách tính tỷ lệ hồ sơ trực tuyến toàn trình.",
];

const PHUONG_HUONG: [&str; 7] = [
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
fn date_between(rng: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    let days = (to - from).num_days().max(0);
    from + TimeDelta::days(rng.range(0, days))
}

/// What a submission's text refers to: the unit, the period, the window of its dates.
struct Ctx<'a> {
    unit: &'a Unit,
    period: Period,
    from: NaiveDate,
    to: NaiveDate,
    units: &'a [Unit],
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
    fn result(&self, rng: &mut Rng, task: &Task, status: usize, reason: &str) -> String {
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

    fn product(&self, rng: &mut Rng, task: &Task) -> (String, NaiveDate, String) {
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

    fn direction(&self, rng: &mut Rng) -> String {
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

// ---------------------------------------------------------------------------------------
// Submissions.

#[derive(Clone)]
struct Entry {
    ma: String,
    status: String,
    tien_do: Option<i64>,
    ket_qua_key: &'static str,
    ket_qua: String,
    /// Written unquoted (the broken-yaml fault).
    ket_qua_plain: bool,
    san_pham: Vec<(String, NaiveDate, String)>,
    kho_khan: Option<String>,
}

#[derive(Clone)]
struct Sub {
    header: String,
    don_vi: String,
    ky: String,
    date: String,
    nguoi_lap: String,
    so_ky_hieu: String,
    tasks: Vec<Entry>,
    chi_tieu: Vec<(&'static str, String)>,
    chi_dao: String,
    kho_khan: Vec<String>,
    kien_nghi: Vec<String>,
    phuong_huong: Vec<String>,
}

/// A YAML double-quoted string.
fn q(s: &str) -> String {
    baocao::render::forms::quote(s)
}

impl Sub {
    fn to_yaml(&self) -> String {
        let mut y = String::with_capacity(12 * 1024);
        let _ = writeln!(y, "# {}", self.header);
        let _ = writeln!(y, "don_vi: {}", self.don_vi);
        let _ = writeln!(y, "ky_bao_cao: {}", self.ky);
        let _ = writeln!(y, "ngay_bao_cao: {}", self.date);
        let _ = writeln!(y, "nguoi_lap: {}", q(&self.nguoi_lap));
        let _ = writeln!(y, "so_ky_hieu: {}", q(&self.so_ky_hieu));
        if !self.tasks.is_empty() {
            y.push_str("nhiem_vu:\n");
        }
        for t in &self.tasks {
            let _ = writeln!(y, "  - ma: {}", q(&t.ma));
            let _ = writeln!(y, "    trang_thai: {}", t.status);
            if let Some(p) = t.tien_do {
                let _ = writeln!(y, "    tien_do: {p}");
            }
            if t.ket_qua_plain {
                let _ = writeln!(y, "    {}: {}", t.ket_qua_key, t.ket_qua);
            } else {
                let _ = writeln!(y, "    {}: {}", t.ket_qua_key, q(&t.ket_qua));
            }
            if !t.san_pham.is_empty() {
                y.push_str("    san_pham:\n");
                for (so, d, trich) in &t.san_pham {
                    let _ = writeln!(y, "      - so_ky_hieu: {}", q(so));
                    let _ = writeln!(y, "        ngay: {d}");
                    let _ = writeln!(y, "        trich_yeu: {}", q(trich));
                }
            }
            if let Some(k) = &t.kho_khan {
                let _ = writeln!(y, "    kho_khan: {}", q(k));
            }
        }
        if !self.chi_tieu.is_empty() {
            y.push_str("chi_tieu:\n");
            for (k, v) in &self.chi_tieu {
                let _ = writeln!(y, "  {k}: {v}");
            }
        }
        let _ = writeln!(y, "chi_dao_dieu_hanh: {}", q(&self.chi_dao));
        for (key, list) in [
            ("kho_khan", &self.kho_khan),
            ("kien_nghi", &self.kien_nghi),
            ("phuong_huong", &self.phuong_huong),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(y, "{key}:");
            for s in list {
                let _ = writeln!(y, "  - {}", q(s));
            }
        }
        y
    }
}

struct World {
    seed: u64,
    units: Vec<Unit>,
    /// Plan per year.
    plans: HashMap<i32, Vec<Task>>,
    periods: Vec<Period>,
}

impl World {
    /// Tasks the unit leads or coordinates in the plan of `year`.
    fn tasks_of(&self, u: usize, year: i32) -> Vec<usize> {
        let unit = &self.units[u];
        self.plans[&year]
            .iter()
            .enumerate()
            .filter(|(_, t)| t.role(u, unit).is_some())
            .map(|(i, _)| i)
            .collect()
    }

    fn missing(&self, u: usize, p: usize) -> bool {
        Rng::stream(self.seed, &[S_MISSING, u as u64, p as u64]).chance(0.10)
    }

    /// The normal submission of unit `u` for period `p`.
    fn submission(&self, u: usize, p: usize) -> Sub {
        let unit = &self.units[u];
        let period = self.periods[p];
        let plan = &self.plans[&period.year];
        let mut rng = Rng::stream(self.seed, &[S_SUB, u as u64, p as u64]);
        let end = period.end(CutOff::Nd09);
        let deadline = deadline(period);
        let date = if rng.chance(0.025) {
            deadline + TimeDelta::days(rng.range(1, 12))
        } else {
            date_between(&mut rng, end - TimeDelta::days(6), deadline)
        };
        let ctx = Ctx {
            unit,
            period,
            from: period.start(CutOff::Nd09) + TimeDelta::days(3),
            to: date.min(end),
            units: &self.units,
        };
        let date_text = if rng.chance(0.1) {
            short_date(date)
        } else {
            date.to_string()
        };
        let year_len = 365.0;
        let elapsed = ((end - ymd(period.year - 1, 12, 15)).num_days() as f64 / year_len).min(1.0);
        let mut tasks = Vec::new();
        for t in self.tasks_of(u, period.year) {
            let task = &plan[t];
            let diligence =
                Rng::stream(self.seed, &[S_DILIGENCE, u as u64, t as u64]).uniform(0.75, 1.15);
            let due = task.due(period.year);
            let started = task.moc.first().is_some_and(|(d, _)| *d <= end);
            let r = rng.unit();
            // 0 hoàn thành, 1 đang, 2 chậm, 3 chưa.
            let status = match due {
                Some(d) if d <= end => {
                    if r < 0.82 {
                        0
                    } else if r < 0.93 {
                        2
                    } else {
                        1
                    }
                }
                _ if task.recurring => {
                    if r < 0.92 {
                        1
                    } else {
                        2
                    }
                }
                Some(_) if started => {
                    if r < 0.8 {
                        1
                    } else {
                        2
                    }
                }
                Some(_) => {
                    if r < 0.45 {
                        3
                    } else if r < 0.95 {
                        1
                    } else {
                        0
                    }
                }
                None => {
                    if r < 0.7 {
                        1
                    } else {
                        3
                    }
                }
            };
            let tien_do = match status {
                0 => Some(100),
                1 => {
                    let base = if task.recurring {
                        elapsed * 100.0 * diligence
                    } else {
                        rng.uniform(15.0, 90.0)
                    };
                    Some(((base / 5.0).round() as i64 * 5).clamp(5, 95))
                }
                2 => Some(rng.range(2, 14) * 5),
                _ => Some(0),
            }
            .filter(|_| !rng.chance(0.08));
            let status_text = if rng.chance(0.03) {
                q(Status::REPORTABLE[status].label())
            } else {
                Status::REPORTABLE[status].code().to_string()
            };
            let reason = *rng.pick(&REASONS);
            let ket_qua = ctx.result(&mut rng, task, status, reason);
            let n_products = match status {
                0 if rng.chance(0.5) => rng.range(1, 2),
                1 if rng.chance(0.25) => 1,
                _ => 0,
            };
            let san_pham = (0..n_products)
                .map(|_| ctx.product(&mut rng, task))
                .collect();
            let kho_khan =
                (status == 2 || rng.chance(0.05)).then(|| format!("{}.", upper_first(reason)));
            tasks.push(Entry {
                ma: task.id.clone(),
                status: status_text,
                tien_do,
                ket_qua_key: "ket_qua",
                ket_qua,
                ket_qua_plain: false,
                san_pham,
                kho_khan,
            });
        }
        // Indicators, in catalogue order.
        let mut values: HashMap<&str, i64> = HashMap::new();
        let mut chi_tieu = Vec::new();
        let months = months(period);
        for ind in &INDICATORS {
            if !reports_indicator(ind, u, unit, &self.units) {
                continue;
            }
            let v = match ind.kind {
                IKind::Flow(per_month) => {
                    let x = per_month * months * unit.size * rng.uniform(0.6, 1.4);
                    (x + rng.unit()).floor() as i64
                }
                IKind::Stock(lo, hi) => {
                    Rng::stream(self.seed, &[S_DILIGENCE, u as u64, 1 << 32]).range(lo, hi)
                }
                IKind::Part(of, lo, hi) => {
                    let parent = values.get(of).copied().unwrap_or(0);
                    // Stochastic rounding, never above the parent.
                    let x = parent as f64 * rng.uniform(lo, hi) + rng.unit();
                    (x.floor() as i64).min(parent)
                }
                IKind::Diff(a, b) => {
                    values.get(a).copied().unwrap_or(0) - values.get(b).copied().unwrap_or(0)
                }
                IKind::Ratio(..) => unreachable!(),
            };
            values.insert(ind.ma, v);
            chi_tieu.push((ind.ma, v.to_string()));
        }
        let year = period.year.to_string();
        let mut kho_khan: Vec<String> = Vec::new();
        for _ in 0..rng.range(1, 3) {
            let s = rng.pick(&KHO_KHAN).to_string();
            if !kho_khan.contains(&s) {
                kho_khan.push(s);
            }
        }
        let mut kien_nghi: Vec<String> = Vec::new();
        for _ in 0..rng.range(0, 2) {
            let s = rng.pick(&KIEN_NGHI).to_string();
            // Nobody petitions itself.
            if !kien_nghi.contains(&s) && !s.contains(&unit.name) {
                kien_nghi.push(s);
            }
        }
        let mut phuong_huong: Vec<String> = Vec::new();
        for _ in 0..rng.range(2, 4) {
            let s = rng.pick(&PHUONG_HUONG).replace("{y}", &year);
            if !phuong_huong.contains(&s) {
                phuong_huong.push(s);
            }
        }
        let nguoi_lap = format!(
            "{} {} {}",
            rng.pick(&FAMILY),
            rng.pick(&MIDDLE),
            rng.pick(&GIVEN)
        );
        let so_ky_hieu = format!("{}/BC-{}", rng.range(1, 400), unit.abbr);
        let chi_dao = ctx.direction(&mut rng);
        Sub {
            header: format!(
                "Báo cáo kết quả thực hiện công tác CCHC {} - {}",
                period.display_name(),
                unit.name
            ),
            don_vi: unit.id.clone(),
            ky: period.code(),
            date: date_text,
            nguoi_lap,
            so_ky_hieu,
            tasks,
            chi_tieu,
            chi_dao,
            kho_khan,
            kien_nghi,
            phuong_huong,
        }
    }
}

// ---------------------------------------------------------------------------------------
// Injected problems.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fault {
    UnknownTask,
    BadStatus,
    BadProgress,
    RatioSubmitted,
    Negative,
    BadDate,
    MisspeltKey,
    DuplicateTask,
    WrongFolder,
    Empty,
    Tie,
    BrokenYaml,
    NoPlanYear,
    /// Not an error: a second, later valid file.
    Resubmitted,
    /// Not an error: a lock file, a hidden file and a note, all skipped.
    Skipped,
}

impl Fault {
    fn name(self) -> &'static str {
        match self {
            Fault::UnknownTask => "unknown-task",
            Fault::BadStatus => "bad-status",
            Fault::BadProgress => "bad-progress",
            Fault::RatioSubmitted => "ratio-submitted",
            Fault::Negative => "negative",
            Fault::BadDate => "bad-date",
            Fault::MisspeltKey => "misspelt-key",
            Fault::DuplicateTask => "duplicate-task",
            Fault::WrongFolder => "wrong-folder",
            Fault::Empty => "empty",
            Fault::Tie => "tie",
            Fault::BrokenYaml => "broken-yaml",
            Fault::NoPlanYear => "no-plan-year",
            Fault::Resubmitted => "resubmitted (valid)",
            Fault::Skipped => "skipped files (valid)",
        }
    }
    fn errors(self) -> usize {
        match self {
            Fault::Tie => 2,
            Fault::Resubmitted | Fault::Skipped => 0,
            _ => 1,
        }
    }
}

const EVERY_PERIOD: [Fault; 11] = [
    Fault::UnknownTask,
    Fault::BadStatus,
    Fault::BadProgress,
    Fault::RatioSubmitted,
    Fault::Negative,
    Fault::BadDate,
    Fault::MisspeltKey,
    Fault::DuplicateTask,
    Fault::WrongFolder,
    Fault::Empty,
    Fault::Tie,
];

fn assign_faults(w: &World) -> HashMap<(usize, usize), Fault> {
    let mut out = HashMap::new();
    let n = w.units.len();
    for p in 0..w.periods.len() {
        let mut rng = Rng::stream(w.seed, &[S_FAULT, p as u64]);
        let mut kinds: Vec<Fault> = EVERY_PERIOD.to_vec();
        if p == 0 {
            kinds.extend([Fault::BrokenYaml, Fault::NoPlanYear, Fault::Skipped]);
        }
        kinds.extend(std::iter::repeat_n(Fault::Resubmitted, (n / 2000).max(1)));
        let year = w.periods[p].year;
        for f in kinds {
            for _ in 0..10 * n {
                let u = rng.below(n);
                if w.missing(u, p) || out.contains_key(&(u, p)) || w.tasks_of(u, year).is_empty() {
                    continue;
                }
                out.insert((u, p), f);
                break;
            }
        }
    }
    out
}

/// The files of unit `u` for period `p`: (path relative to nop/<unit>/, content).
fn files_of(w: &World, u: usize, p: usize, fault: Option<Fault>) -> Vec<(String, Vec<u8>)> {
    let period = w.periods[p];
    let code = period.code();
    let mut rng = Rng::stream(w.seed, &[S_SUB, u as u64, p as u64, 99]);
    let mut sub = w.submission(u, p);
    let mut name = match rng.below(100) {
        0..=1 => format!("nam-{}/{code}.yaml", period.year),
        2..=3 => format!("{code}.yml"),
        4 => format!("BC-CCHC-{code}.YAML"),
        _ => format!("{code}.yaml"),
    };
    let mut extra: Vec<(String, Vec<u8>)> = Vec::new();
    match fault {
        None => {}
        Some(Fault::UnknownTask) => {
            let i = rng.below(sub.tasks.len());
            let ma = sub.tasks[i].ma.clone();
            let letter = ma.rsplit('.').next().unwrap_or("a").to_string();
            sub.tasks[i].ma = format!("{ma}{letter}");
        }
        Some(Fault::BadStatus) => {
            let i = rng.below(sub.tasks.len());
            sub.tasks[i].status = q("xong");
        }
        Some(Fault::BadProgress) => {
            let i = rng.below(sub.tasks.len());
            sub.tasks[i].tien_do = Some(120);
        }
        Some(Fault::RatioSubmitted) => sub.chi_tieu.push(("ty_le_vb_ky_so", "87.5".into())),
        Some(Fault::Negative) => {
            if let Some(first) = sub.chi_tieu.first_mut() {
                first.1 = format!("-{}", rng.range(1, 40));
            }
        }
        Some(Fault::BadDate) => sub.date = format!("30/02/{}", period.year),
        Some(Fault::MisspeltKey) => {
            let i = rng.below(sub.tasks.len());
            sub.tasks[i].ket_qua_key = "ket_qa";
        }
        Some(Fault::DuplicateTask) => {
            let i = rng.below(sub.tasks.len());
            let dup = sub.tasks[i].clone();
            sub.tasks.push(dup);
        }
        Some(Fault::WrongFolder) => {
            let other = (u + 1 + rng.below(w.units.len() - 1)) % w.units.len();
            let theirs = w.submission(other, p);
            extra.push((
                format!("{}-{code}.yaml", w.units[other].id),
                theirs.to_yaml().into_bytes(),
            ));
        }
        Some(Fault::Empty) => {
            return vec![(
                format!("{code}.yaml"),
                format!(
                    "# Báo cáo kết quả thực hiện công tác CCHC {} - {}\n# (đơn vị chưa điền nội dung)\n\n",
                    period.display_name(),
                    w.units[u].name
                )
                .into_bytes(),
            )];
        }
        Some(Fault::Tie) => {
            let mut second = sub.clone();
            second.header.push_str(" (bổ sung)");
            if let Some(t) = second.tasks.first_mut() {
                t.ket_qua = format!("{} Bổ sung số liệu theo yêu cầu của Sở Nội vụ.", t.ket_qua);
            }
            name = format!("{code}.yaml");
            extra.push((
                format!("{code}-bo-sung.yaml"),
                second.to_yaml().into_bytes(),
            ));
        }
        Some(Fault::BrokenYaml) => {
            let i = rng.below(sub.tasks.len());
            sub.tasks[i].ket_qua_plain = true;
            sub.tasks[i].ket_qua = format!(
                "Đã ban hành Kế hoạch: số {}/KH-{} về cải cách hành chính",
                rng.range(1, 99),
                w.units[u].abbr
            );
        }
        Some(Fault::NoPlanYear) => {
            // Last year's report, for a year that has no plan here.
            let year = w.plans.keys().min().copied().unwrap_or(period.year) - 1;
            let mut old = sub.clone();
            old.ky = format!("{year}-Q4");
            old.date = format!("{year}-12-16");
            extra.push((format!("{year}-Q4.yaml"), old.to_yaml().into_bytes()));
        }
        Some(Fault::Resubmitted) => {
            let first = sub.clone();
            // The first file is a day or more older than the second (which wins).
            let later = parse_date(&sub.date) + TimeDelta::days(rng.range(1, 5));
            sub.date = later.to_string();
            name = format!("{code}-lan-2.yaml");
            extra.push((format!("{code}.yaml"), {
                let mut f = first;
                f.date = (later - TimeDelta::days(rng.range(1, 4) + 1)).to_string();
                f.to_yaml().into_bytes()
            }));
        }
        Some(Fault::Skipped) => {
            extra.push((
                format!("~${code}.yaml"),
                vec![0xff, 0xfe, 0x00, 0x13, 0x37, 0x00],
            ));
            extra.push((".ghi-chu.yaml".into(), b"not: [valid\n".to_vec()));
            extra.push((
                "ghi-chu.txt".into(),
                "Bản chính đã gửi qua Hệ thống quản lý văn bản.\n"
                    .as_bytes()
                    .to_vec(),
            ));
        }
    }
    let mut out = vec![(name, sub.to_yaml().into_bytes())];
    out.extend(extra);
    out
}

fn parse_date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d/%m/%Y"))
        .expect("generated date")
}

// ---------------------------------------------------------------------------------------
// The fixed files.

fn config_yaml() -> String {
    let mut y =
        "# Cấu hình báo cáo - dữ liệu tổng hợp (examples/gen.rs) để đo hiệu năng ở quy mô cấp tỉnh.
co_quan_chu_quan: \"\"
co_quan_ban_hanh: \"ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI\"
ten_co_quan: \"UBND tỉnh Quảng Ngãi\"
ky_hieu: \"BC-UBND\"
dia_danh: \"Quảng Ngãi\"
kinh_gui: \"Bộ Nội vụ\"
nguoi_ky:
  quyen_han: \"TM. ỦY BAN NHÂN DÂN\"
  chuc_vu: \"CHỦ TỊCH\"
  ho_ten: \"Trần Văn Minh\"
noi_nhan:
  - \"Thường trực Tỉnh ủy\"
  - \"Thường trực HĐND tỉnh\"
  - \"CT, các PCT UBND tỉnh\"
  - \"Các sở, ban, ngành tỉnh\"
  - \"UBND các huyện, thị xã, thành phố\"
  - \"UBND các xã, phường, thị trấn\"
luu: \"VT, NC.\"
chot_so_lieu: nd09
han_nop:
"
        .to_string();
    // The library's defaults, which deadline() uses too.
    let d = SubmissionDays::default();
    for k in [
        ReportKind::Quarterly,
        ReportKind::SixMonths,
        ReportKind::NineMonths,
        ReportKind::Annual,
    ] {
        let _ = writeln!(y, "  {}: {}", k.key(), d.days(k));
    }
    y
}

fn registry_yaml(units: &[Unit]) -> String {
    let mut y = String::with_capacity(units.len() * 120);
    y.push_str("# Danh mục đơn vị - dữ liệu tổng hợp (examples/gen.rs).\nnhom:\n");
    for (id, name) in GROUPS {
        let _ = writeln!(y, "  - ma: {id}\n    ten: {}", q(name));
    }
    y.push_str("don_vi:\n");
    for u in units {
        let groups: Vec<&str> = GROUPS
            .iter()
            .map(|g| g.0)
            .filter(|g| u.in_group(g))
            .collect();
        let _ = writeln!(
            y,
            "  - ma: {}\n    ten: {}\n    nhom: [{}]",
            u.id,
            q(&u.name),
            groups.join(", ")
        );
    }
    y
}

fn refs_yaml(refs: &[Ref], units: &[Unit]) -> String {
    let items: Vec<String> = refs
        .iter()
        .map(|r| match r {
            Ref::Unit(i) => units[*i].id.clone(),
            Ref::Group(g) => q(&format!("@{g}")),
        })
        .collect();
    format!("[{}]", items.join(", "))
}

fn plan_yaml(tasks: &[Task], year: i32, units: &[Unit]) -> String {
    let mut y = String::new();
    let _ = write!(
        y,
        "# Kế hoạch cải cách hành chính năm {year} - dữ liệu tổng hợp (examples/gen.rs).\n\
         so_ky_hieu: \"/KH-UBND\"\n\
         trich_yeu: \"Cải cách hành chính nhà nước tỉnh Quảng Ngãi năm {year}\"\n\
         nam: {year}\n\
         linh_vuc:\n"
    );
    let mut area = usize::MAX;
    for t in tasks {
        if t.area != area {
            area = t.area;
            let _ = writeln!(
                y,
                "  - ma: \"{}\"\n    ten: {}\n    nhiem_vu:",
                area + 1,
                q(AREAS[area])
            );
        }
        let _ = writeln!(y, "      - ma: {}", q(&t.id));
        let _ = writeln!(y, "        noi_dung: {}", q(&t.content));
        let _ = writeln!(y, "        chu_tri: {}", refs_yaml(&t.lead, units));
        let _ = writeln!(y, "        phoi_hop: {}", refs_yaml(&t.coord, units));
        if let Some(o) = t.coord_other {
            let _ = writeln!(y, "        phoi_hop_khac: {}", q(o));
        }
        let _ = writeln!(y, "        san_pham: {}", q(t.product));
        let _ = writeln!(y, "        thoi_han:\n          mo_ta: {}", q(&t.mo_ta));
        if t.recurring {
            y.push_str("          thuong_xuyen: true\n");
        }
        if !t.moc.is_empty() {
            y.push_str("          moc:\n");
            for (d, what) in &t.moc {
                let _ = writeln!(
                    y,
                    "            - ngay: {d}\n              viec: {}",
                    q(what)
                );
            }
        }
    }
    y
}

fn catalogue_yaml() -> String {
    let mut y = String::new();
    y.push_str("# Danh mục chỉ tiêu - dữ liệu tổng hợp (examples/gen.rs).\nchi_tieu:\n");
    for ind in &INDICATORS {
        let _ = writeln!(
            y,
            "  - ma: {}\n    ten: {}\n    don_vi_tinh: {}\n    linh_vuc: \"{}\"",
            ind.ma,
            q(ind.ten),
            q(ind.dvt),
            ind.area
        );
        match ind.kind {
            IKind::Ratio(num, den) => {
                let _ = writeln!(
                    y,
                    "    cach_tinh: ty_le\n    tu_so: {num}\n    mau_so: {den}"
                );
            }
            _ => {
                y.push_str("    cach_tinh: tong\n");
                if !ind.reporters.is_empty() {
                    let items: Vec<String> = ind.reporters.iter().map(|r| q(r)).collect();
                    let _ = writeln!(y, "    don_vi_bao_cao: [{}]", items.join(", "));
                }
            }
        }
    }
    y
}

// ---------------------------------------------------------------------------------------

struct Args {
    units: usize,
    tasks: usize,
    seed: u64,
    periods: Vec<Period>,
    dir: PathBuf,
    /// `--marker`: print the first line of `DIR/.gen` these arguments would write, and exit.
    marker_only: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut units = 1000;
    let mut tasks = 45;
    let mut seed = 1;
    let mut periods = "2024-Q1,2024-6T".to_string();
    let mut dir = None;
    let mut marker_only = false;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut val = |name: &str| it.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--units" => {
                units = val("--units")?
                    .parse()
                    .map_err(|e| format!("--units: {e}"))?
            }
            "--tasks" => {
                tasks = val("--tasks")?
                    .parse()
                    .map_err(|e| format!("--tasks: {e}"))?
            }
            "--seed" => seed = val("--seed")?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--periods" => periods = val("--periods")?,
            "--marker" => marker_only = true,
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            s => {
                if dir.replace(PathBuf::from(s)).is_some() {
                    return Err("only one DIR".into());
                }
            }
        }
    }
    if units < 50 {
        return Err("--units must be at least 50".into());
    }
    if tasks == 0 {
        return Err("--tasks must be at least 1".into());
    }
    let mut ps = Vec::new();
    for s in periods.split(',').filter(|s| !s.trim().is_empty()) {
        let p = parse_period(s).ok_or(format!("bad period '{s}' (e.g. 2024-Q1, 2024-6T)"))?;
        if !ps.contains(&p) {
            ps.push(p);
        }
    }
    if ps.is_empty() {
        return Err("--periods is empty".into());
    }
    Ok(Args {
        units,
        tasks,
        seed,
        periods: ps,
        dir: dir.ok_or("missing DIR")?,
        marker_only,
    })
}

fn marker(a: &Args) -> String {
    let ps: Vec<String> = a.periods.iter().map(|p| p.code()).collect();
    format!(
        "gen format={FORMAT} units={} tasks={} seed={} periods={}",
        a.units,
        a.tasks,
        a.seed,
        ps.join(",")
    )
}

fn prepare_dir(dir: &Path) -> Result<(), String> {
    if dir.exists() {
        let non_empty = std::fs::read_dir(dir)
            .map_err(|e| format!("{}: {e}", dir.display()))?
            .next()
            .is_some();
        if non_empty {
            if !dir.join(".gen").is_file() {
                return Err(format!(
                    "{} is not empty and was not written by gen; refusing to replace it",
                    dir.display()
                ));
            }
            std::fs::remove_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
    }
    std::fs::create_dir_all(dir.join("ke-hoach")).map_err(|e| format!("{}: {e}", dir.display()))?;
    std::fs::write(dir.join(".gen"), "incomplete\n").map_err(|e| e.to_string())?;
    Ok(())
}

/// Files must be NFC (SPEC §2). Their text is this file's literals and the library's period
/// names and status labels, cut and joined, with digits, ASCII and `upper_first` (slug() keeps
/// ASCII only). If each of those characters has combining class 0 and NFC_Quick_Check=Yes,
/// every concatenation of them is NFC, so checking them once here stands in for checking
/// every file (the debug_assert in main() still does, in debug builds).
fn check_nfc(periods: &[Period]) {
    use unicode_normalization::{IsNormalized, char::canonical_combining_class, is_nfc_quick};
    let safe = |c: char| {
        canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
    };
    let names: Vec<String> = periods.iter().map(Period::display_name).collect();
    let texts = std::iter::once(include_str!("gen.rs"))
        .chain(names.iter().map(String::as_str))
        .chain(Status::REPORTABLE.iter().map(|s| s.label()));
    for text in texts {
        if let Some(c) = text
            .chars()
            .find(|&c| !(safe(c) && c.to_uppercase().all(safe)))
        {
            panic!(
                "U+{:04X} in {text:.40?} could make a file not NFC",
                c as u32
            );
        }
    }
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        eprintln!("gen: {}: {e}", path.display());
        std::process::exit(1);
    }
}

fn main() {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("gen: {e}\n\n{USAGE}");
            std::process::exit(2);
        }
    };
    if args.marker_only {
        println!("{}", marker(&args));
        return;
    }
    let started = Instant::now();
    if let Err(e) = prepare_dir(&args.dir) {
        eprintln!("gen: {e}");
        std::process::exit(1);
    }
    let units = registry(args.units, args.seed);
    let n_dept = units
        .iter()
        .filter(|u| matches!(u.kind, UKind::So | UKind::Phong))
        .count();
    let mut plans = HashMap::new();
    for p in &args.periods {
        plans
            .entry(p.year)
            .or_insert_with(|| plan(args.tasks, n_dept, p.year, args.seed));
    }
    let world = World {
        seed: args.seed,
        units,
        plans,
        periods: args.periods.clone(),
    };
    let dir = &args.dir;
    let bytes = AtomicU64::new(0);
    let files = AtomicU64::new(0);
    check_nfc(&args.periods);
    let put = |path: PathBuf, content: &[u8]| {
        debug_assert!(
            std::str::from_utf8(content).map_or(true, unicode_normalization::is_nfc),
            "not NFC: {}",
            path.display()
        );
        write(&path, content);
        bytes.fetch_add(content.len() as u64, Ordering::Relaxed);
        files.fetch_add(1, Ordering::Relaxed);
    };
    put(dir.join("cau-hinh.yaml"), config_yaml().as_bytes());
    put(
        dir.join("don-vi.yaml"),
        registry_yaml(&world.units).as_bytes(),
    );
    put(dir.join("chi-tieu.yaml"), catalogue_yaml().as_bytes());
    let mut years: Vec<&i32> = world.plans.keys().collect();
    years.sort();
    for y in years {
        put(
            dir.join("ke-hoach").join(format!("{y}.yaml")),
            plan_yaml(&world.plans[y], *y, &world.units).as_bytes(),
        );
    }
    let fixed_files = files.load(Ordering::Relaxed);
    let faults = assign_faults(&world);
    let nop = dir.join("nop");
    (0..world.units.len()).into_par_iter().for_each(|u| {
        let folder = nop.join(&world.units[u].id);
        let mut made = false;
        for p in 0..world.periods.len() {
            if world.missing(u, p) {
                continue;
            }
            for (rel, content) in files_of(&world, u, p, faults.get(&(u, p)).copied()) {
                let path = folder.join(&rel);
                if !made || rel.contains('/') {
                    std::fs::create_dir_all(path.parent().unwrap()).unwrap_or_else(|e| {
                        eprintln!("gen: {}: {e}", folder.display());
                        std::process::exit(1);
                    });
                    made = true;
                }
                put(path, &content);
            }
        }
    });

    // Report.
    let mut list: Vec<(&(usize, usize), &Fault)> = faults.iter().collect();
    list.sort_by_key(|((u, p), _)| (*p, *u));
    let mut report = String::new();
    let mut errors = 0;
    for ((u, p), f) in &list {
        errors += f.errors();
        let _ = writeln!(
            report,
            "{} {} nop/{}/ {}",
            world.periods[*p].code(),
            if f.errors() > 0 { "error" } else { "valid" },
            world.units[*u].id,
            f.name()
        );
    }
    write(
        &dir.join(".gen"),
        format!("{}\n# injected errors: {errors}\n{report}", marker(&args)).as_bytes(),
    );
    let files = files.load(Ordering::Relaxed) - fixed_files;
    let mb = bytes.load(Ordering::Relaxed) as f64 / 1e6;
    eprint!("{report}");
    eprintln!(
        "gen: {} units, {} tasks, periods {}, seed {}: {} submission files + {} fixed, {:.1} MB in {:.1} s; {} injected errors",
        world.units.len(),
        args.tasks,
        world
            .periods
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>()
            .join(","),
        args.seed,
        files,
        fixed_files,
        mb,
        started.elapsed().as_secs_f64(),
        errors
    );
}
