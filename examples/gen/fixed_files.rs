//! The fixed files of the data folder: configuration, unit registry, plans and indicator
//! catalogue, as YAML text.

use crate::indicators::{IKind, INDICATORS};
use crate::plan::{Ref, Task};
use crate::plan_text::AREAS;
use crate::registry::{GROUPS, Unit};
use crate::submissions::q;
use baocao::model::config::SubmissionDays;
use baocao::model::period::ReportKind;
use std::fmt::Write as _;

pub fn config_yaml() -> String {
    let mut y =
        "# Cấu hình báo cáo - dữ liệu tổng hợp (examples/gen/) để đo hiệu năng ở quy mô cấp tỉnh.
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

pub fn registry_yaml(units: &[Unit]) -> String {
    let mut y = String::with_capacity(units.len() * 120);
    y.push_str("# Danh mục đơn vị - dữ liệu tổng hợp (examples/gen/).\nnhom:\n");
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

pub fn plan_yaml(tasks: &[Task], year: i32, units: &[Unit]) -> String {
    let mut y = String::new();
    let _ = write!(
        y,
        "# Kế hoạch cải cách hành chính năm {year} - dữ liệu tổng hợp (examples/gen/).\n\
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

pub fn catalogue_yaml() -> String {
    let mut y = String::new();
    y.push_str("# Danh mục chỉ tiêu - dữ liệu tổng hợp (examples/gen/).\nchi_tieu:\n");
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
