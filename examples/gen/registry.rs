//! Units and groups: the registry of reporting units (departments, district offices, public
//! service units, wards and communes), with their names, ids and workload factors.

use crate::rng::{Rng, S_REG};
use std::collections::HashSet;
use unicode_normalization::UnicodeNormalization;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UKind {
    So,
    Phong,
    Dvsn,
    Phuong,
    Xa,
}

pub struct Unit {
    pub id: String,
    pub name: String,
    pub kind: UKind,
    /// Issuer code in document numbers ("15/KH-SNV", "15/KH-UBND").
    pub abbr: &'static str,
    /// Belongs to @co-quan-giai-quyet-tthc.
    tthc: bool,
    /// Workload factor for indicator values.
    pub size: f64,
}

pub const GROUPS: [(&str, &str); 6] = [
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
    pub fn in_group(&self, g: &str) -> bool {
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
pub const SO: [(&str, &str, &str); 19] = [
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
pub const AREA_LEAD: [usize; 7] = [1, 2, 0, 0, 3, 4, 0];

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

pub fn registry(n: usize, seed: u64) -> Vec<Unit> {
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
