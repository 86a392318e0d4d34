//! `baocao ke-hoach nhap`: a plan document to `ke-hoach/<năm>.yaml` and its review list
//! (docs/nhap-ke-hoach.md).
//!
//! Fixtures: `tests/fixtures/ke-hoach-2024.txt` is the seed plan's text (the 2024 CCHC plan of
//! Quảng Ngãi city, the plan `data/ke-hoach/2024.yaml` encodes by hand);
//! `tests/fixtures/ke-hoach-2024-bang.md` is the same plan's section II laid out as a task
//! table (one row per task; an area is a row with a roman number and a name; "Cơ quan thực
//! hiện" in the coordinating column where the task names a lead, as the text layout reads
//! it). The `.docx` forms of both are built in `documents.rs`.

mod documents;

use crate::common::{BIN, root, run_on, stderr, stdout};
use documents::{Folder, assert_code, pack, para, seed_docx, table_docx};
use serde_json::Value;
use std::process::Command;

/// Every field of a plan file as (place, path, value): the heading, each area's name, each
/// task's keys, each milestone's date and work.
fn fields(plan: &Value) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut put = |place: &str, path: &str, v: &Value| {
        let v = match v {
            Value::String(s) if s.is_empty() => Value::Null,
            Value::Array(a) if a.is_empty() => Value::Null,
            v => v.clone(),
        };
        out.push((place.to_string(), path.to_string(), v.to_string()));
    };
    for k in ["so_ky_hieu", "trich_yeu", "nam"] {
        put("kế-hoạch", k, &plan[k]);
    }
    for area in plan["linh_vuc"].as_array().unwrap() {
        let place = format!("lĩnh-vực-{}", area["ma"].as_str().unwrap());
        put(&place, "ten", &area["ten"]);
        for t in area["nhiem_vu"].as_array().unwrap() {
            let id = t["ma"].as_str().unwrap();
            let label = match &t["nhan"] {
                Value::Null => Value::String(format!("{})", id.rsplit('.').next().unwrap())),
                l => l.clone(),
            };
            put(id, "nhan", &label);
            for k in [
                "noi_dung",
                "chu_tri",
                "chu_tri_khac",
                "phoi_hop",
                "phoi_hop_khac",
                "san_pham",
            ] {
                put(id, k, &t[k]);
            }
            let th = &t["thoi_han"];
            put(id, "thoi_han.mo_ta", &th["mo_ta"]);
            put(
                id,
                "thoi_han.thuong_xuyen",
                &Value::Bool(th["thuong_xuyen"] == Value::Bool(true)),
            );
            for (k, m) in th["moc"].as_array().into_iter().flatten().enumerate() {
                put(id, &format!("thoi_han.moc[{}].ngay", k + 1), &m["ngay"]);
                put(id, &format!("thoi_han.moc[{}].viec", k + 1), &m["viec"]);
            }
        }
    }
    out
}

#[test]
fn the_seed_imports_as_the_shipped_plan_but_for_what_the_review_names() {
    let f = Folder::sample();
    let o = f.import(&root().join("tests/fixtures/ke-hoach-2024.txt"), &[]);
    assert_code(&o, 0);
    assert!(
        stdout(&o).contains("7 lĩnh vực, 40 nhiệm vụ"),
        "{}",
        stdout(&o)
    );
    let shipped: Value = serde_saphyr::from_str(
        &std::fs::read_to_string(root().join("data/ke-hoach/2024.yaml")).unwrap(),
    )
    .unwrap();
    let imported = fields(&f.plan(2024));
    let expected = fields(&shipped);
    let key = |x: &(String, String, String)| (x.0.clone(), x.1.clone());
    let mut keys: Vec<(String, String)> = expected.iter().map(key).collect();
    keys.extend(
        imported
            .iter()
            .map(key)
            .filter(|k| !keys.contains(k))
            .collect::<Vec<_>>(),
    );
    let value = |set: &[(String, String, String)], k: &(String, String)| {
        set.iter().find(|x| key(x) == *k).map(|x| x.2.clone())
    };
    let review = f.review(2024);
    let mut differing = Vec::new();
    for k in &keys {
        let (a, b) = (value(&expected, k), value(&imported, k));
        if a == b {
            continue;
        }
        let named = review
            .iter()
            .any(|(place, field, _)| *place == k.0 && k.1.starts_with(field.as_str()));
        assert!(
            named,
            "{} {} differs and is not on the review list:\n  shipped  {a:?}\n  imported {b:?}",
            k.0, k.1
        );
        differing.push(format!("{} {}", k.0, k.1));
    }
    let equal = keys.len() - differing.len();
    eprintln!(
        "{equal}/{} fields equal; differing: {differing:#?}",
        keys.len()
    );
    // Measured: 396 of 410 fields equal; the 14 that differ are 13 milestone works (`viec`)
    // the shipped plan words by hand, and 3.d's chu_tri_khac.
    assert!(keys.len() >= 400, "{} fields", keys.len());
    assert!(differing.len() <= 14, "{differing:#?}");
    let not_works: Vec<_> = differing.iter().filter(|d| !d.ends_with(".viec")).collect();
    assert!(not_works.len() <= 1, "{not_works:#?}");
    // The seed's quirks are reported, not fixed.
    let line = |place: &str, field: &str| {
        review
            .iter()
            .find(|r| r.0 == place && r.1 == field)
            .map(|r| r.2.clone())
            .unwrap_or_else(|| panic!("no review item {place} {field}"))
    };
    assert!(line("7.d", "nhan").contains("\"c)\" lặp lại"));
    assert!(line("2.o", "nhan").contains("\"n)\""));
    assert!(line("1.d", "phoi_hop").contains("Ban Pháp chế HĐND thành phố"));
    // The plan reads back: check loads it with the registry.
    std::fs::copy(
        root().join("data/cau-hinh.yaml"),
        f.data().join("cau-hinh.yaml"),
    )
    .unwrap();
    std::fs::copy(
        root().join("data/chi-tieu.yaml"),
        f.data().join("chi-tieu.yaml"),
    )
    .unwrap();
    std::fs::create_dir_all(f.data().join("nop")).unwrap();
    let check = run_on(&f.data(), &["check"]);
    assert_code(&check, 0);
}

#[test]
fn the_same_plan_as_docx_paragraphs_a_table_and_a_word_table_gives_the_same_plan() {
    let text = Folder::sample();
    assert_code(
        &text.import(&root().join("tests/fixtures/ke-hoach-2024.txt"), &[]),
        0,
    );
    let expected = text.plan_body(2024);
    let docs: [(&str, Vec<u8>); 3] = [
        ("ke-hoach-2024.docx", seed_docx()),
        (
            "ke-hoach-2024-bang.md",
            std::fs::read(root().join("tests/fixtures/ke-hoach-2024-bang.md")).unwrap(),
        ),
        ("ke-hoach-2024-bang.docx", table_docx()),
    ];
    for (name, bytes) in docs {
        let f = Folder::sample();
        let doc = f.doc(name, bytes);
        assert_code(&f.import(&doc, &[]), 0);
        let got = f.plan_body(2024);
        if got != expected {
            let first = got
                .lines()
                .zip(expected.lines())
                .find(|(a, b)| a != b)
                .map(|(a, b)| format!("got      {a}\nexpected {b}"));
            panic!("{name} gives another plan:\n{}", first.unwrap_or_default());
        }
    }
}

#[test]
fn words_automatic_numbering_gives_the_labels_word_draws() {
    use docx_rs::{
        AbstractNumbering, IndentLevel, Level, LevelJc, LevelText, NumberFormat, Numbering,
        NumberingId, Start,
    };
    let level = |l: usize, fmt: &str, text: &str| {
        Level::new(
            l,
            Start::new(1),
            NumberFormat::new(fmt),
            LevelText::new(text),
            LevelJc::new("left"),
        )
    };
    let mut d = docx_rs::Docx::new()
        .add_abstract_numbering(
            AbstractNumbering::new(5)
                .add_level(level(0, "decimal", "%1."))
                .add_level(level(1, "lowerLetter", "%2)")),
        )
        .add_numbering(Numbering::new(5, 5));
    let numbered =
        |text: &str, l: usize| para(text).numbering(NumberingId::new(5), IndentLevel::new(l));
    d = d
        .add_paragraph(para("KẾ HOẠCH"))
        .add_paragraph(para("Cải cách hành chính năm 2025"))
        .add_paragraph(para("II. NHIỆM VỤ CỤ THỂ"))
        .add_paragraph(numbered("Cải cách thể chế:", 0));
    for k in 1..=6 {
        d = d
            .add_paragraph(numbered(&format!("Nhiệm vụ {k}."), 1))
            .add_paragraph(para("- Cơ quan chủ trì: Phòng Tư pháp."))
            .add_paragraph(para("- Thời gian thực hiện: Quý I/2025."));
    }
    d = d
        .add_paragraph(numbered("Cải cách thủ tục hành chính", 0))
        .add_paragraph(numbered("Niêm yết thủ tục.", 1))
        .add_paragraph(para("- Cơ quan chủ trì: Văn phòng HĐND và UBND."));
    let f = Folder::base();
    let doc = f.doc("kh.docx", pack(d));
    assert_code(&f.import(&doc, &[]), 0);
    let plan = f.plan(2025);
    let ids: Vec<&str> = plan["linh_vuc"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["nhiem_vu"].as_array().unwrap())
        .map(|t| t["ma"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["1.a", "1.b", "1.c", "1.d", "1.e", "1.f", "2.a"]);
    assert_eq!(plan["linh_vuc"][1]["ten"], "Cải cách thủ tục hành chính");
    assert_eq!(
        plan["linh_vuc"][1]["nhiem_vu"][0]["chu_tri"],
        serde_json::json!(["van-phong"])
    );
    assert!(
        !f.review(2025).iter().any(|r| r.1 == "nhan"),
        "{:?}",
        f.review(2025)
    );
}

#[test]
fn an_existing_plan_is_never_replaced_without_ghi_de() {
    let f = Folder::base();
    let plan = f.data().join("ke-hoach/2024.yaml");
    std::fs::create_dir_all(plan.parent().unwrap()).unwrap();
    std::fs::copy(root().join("tests/fixtures/base/ke-hoach/2024.yaml"), &plan).unwrap();
    let before = std::fs::read(&plan).unwrap();
    let doc = f.doc("kh.txt", small_plan("2024", "Quý I/2024."));
    let o = f.import(&doc, &[]);
    assert_code(&o, 2);
    assert!(stderr(&o).contains("--ghi-de"), "{}", stderr(&o));
    assert_eq!(std::fs::read(&plan).unwrap(), before);
    assert!(!f.data().join("ke-hoach/2024-can-xem-lai.txt").exists());
    let o = f.import(&doc, &["--ghi-de"]);
    assert_code(&o, 0);
    assert!(stdout(&o).contains("thay kế hoạch cũ"), "{}", stdout(&o));
    assert!(f.plan_text(2024).contains("Rà soát văn bản"));
    assert!(f.data().join("ke-hoach/2024-can-xem-lai.txt").exists());
    // The replaced plan is kept where the plan reader does not look, with its bytes.
    let kept: Vec<_> = std::fs::read_dir(f.data().join("ke-hoach/cu"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    let name = kept[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(name.starts_with("2024 (bản cũ "), "{name}");
    assert_eq!(std::fs::read(&kept[0]).unwrap(), before);
    assert!(stdout(&o).contains("được giữ lại"), "{}", stdout(&o));
    std::fs::create_dir_all(f.data().join("nop")).unwrap();
    for name in ["chi-tieu.yaml", "cau-hinh.yaml"] {
        let from = root().join("tests/fixtures/base").join(name);
        std::fs::copy(from, f.data().join(name)).unwrap();
    }
    let check = run_on(&f.data(), &["check"]);
    assert_code(&check, 0);
    assert!(stderr(&check).is_empty(), "{}", stderr(&check));
}

/// A one-area plan of the base registry's units, with the time limit given.
fn small_plan(year: &str, time: &str) -> String {
    format!(
        "Số: 05/KH-UBND\nKẾ HOẠCH\nCải cách hành chính năm {year}\nI. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n\
         II. NHIỆM VỤ CỤ THỂ\n1. Cải cách thể chế:\na) Rà soát văn bản.\n- Cơ quan chủ trì: Phòng Tư pháp.\n\
         - Sản phẩm: Báo cáo.\n- Thời gian thực hiện: {time}\nIII. TỔ CHỨC THỰC HIỆN\n"
    )
}

#[test]
fn names_not_in_the_registry_are_kept_and_listed_with_the_closest() {
    let f = Folder::base();
    let doc = f.doc(
        "kh.txt",
        "KẾ HOẠCH\nCải cách hành chính năm 2025\nII. NHIỆM VỤ\n1. Cải cách thể chế:\n\
         a) Rà soát văn bản.\n- Cơ quan chủ trì: Phòng Tư pháp; UBND xã, phường.\n\
         - Cơ quan phối hợp: Ban Pháp chế HĐND, Phòng Nội vụ và các cơ quan có liên quan.\n\
         - Sản phẩm: Báo cáo.\n- Thời gian thực hiện: Thường xuyên.\n\
         b) Kiểm tra.\n- Cơ quan chủ trì: Sở Nội vụ.\n- Sản phẩm: Kết luận.\n- Thời gian thực hiện: Quý II/2025.\n",
    );
    assert_code(&f.import(&doc, &[]), 0);
    let plan = f.plan(2025);
    let a = &plan["linh_vuc"][0]["nhiem_vu"][0];
    assert_eq!(a["chu_tri"], serde_json::json!(["phong-tu-phap"]));
    assert_eq!(a["chu_tri_khac"], "UBND xã, phường");
    assert_eq!(a["phoi_hop"], serde_json::json!(["phong-noi-vu"]));
    assert_eq!(
        a["phoi_hop_khac"],
        "Ban Pháp chế HĐND, các cơ quan có liên quan"
    );
    let b = &plan["linh_vuc"][0]["nhiem_vu"][1];
    assert_eq!(b["chu_tri"], serde_json::json!([]));
    assert_eq!(b["chu_tri_khac"], "Sở Nội vụ");
    let review = f.review(2025);
    let lines = |place: &str, field: &str| -> Vec<String> {
        review
            .iter()
            .filter(|r| r.0 == place && r.1 == field)
            .map(|r| r.2.clone())
            .collect()
    };
    let lead = lines("1.a", "chu_tri").join("\n");
    assert!(
        lead.contains("\"UBND xã, phường\"") && lead.contains("UBND các xã, phường (@xa-phuong)"),
        "{lead}"
    );
    let coord = lines("1.a", "phoi_hop").join("\n");
    assert!(coord.contains("\"Ban Pháp chế HĐND\""), "{coord}");
    assert!(
        !coord.contains("các cơ quan có liên quan"),
        "general phrases are not listed: {coord}"
    );
    let lead_b = lines("1.b", "chu_tri").join("\n");
    assert!(lead_b.contains("Phòng Nội vụ (phong-noi-vu)"), "{lead_b}");
    assert!(lead_b.contains("chưa có đơn vị chủ trì"), "{lead_b}");
    // The names the plan writes beside the registry's comments in the plan file too.
    assert!(
        f.plan_text(2025)
            .contains("# xem lại (chu_tri): \"Sở Nội vụ\"")
    );
}

#[test]
fn each_time_limit_rule() {
    let cases: [(&str, &[&str], bool); 11] = [
        ("Chậm nhất là ngày 31/01/2025.", &["2025-01-31"], false),
        ("Quý I/2025 ban hành kế hoạch.", &["2025-03-31"], false),
        ("Trong quý II năm 2025.", &["2025-06-30"], false),
        ("Tháng 6/2025.", &["2025-06-30"], false),
        (
            "Tháng 6 và tháng 12/2025.",
            &["2025-06-30", "2025-12-31"],
            false,
        ),
        ("6 tháng đầu năm.", &["2025-06-30"], false),
        ("Thường xuyên.", &[], true),
        ("Báo cáo kết quả hằng quý.", &[], true),
        ("Trong năm 2025.", &[], true),
        ("Hoàn thành trong năm 2025.", &["2025-12-31"], false),
        ("Đầu năm 2025.", &[], false),
    ];
    let mut text = String::from(
        "KẾ HOẠCH\nCải cách hành chính năm 2025\nII. NHIỆM VỤ\n1. Cải cách thể chế:\n",
    );
    let letters = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l"];
    for ((time, _, _), l) in cases.iter().zip(letters) {
        text.push_str(&format!(
            "{l}) Nhiệm vụ {l}.\n- Cơ quan chủ trì: Phòng Tư pháp.\n- Sản phẩm: Báo cáo.\n- Thời gian thực hiện: {time}\n"
        ));
    }
    let f = Folder::base();
    let doc = f.doc("kh.txt", text);
    assert_code(&f.import(&doc, &[]), 0);
    let plan = f.plan(2025);
    let review = f.review(2025);
    for (k, ((time, dates, recurring), l)) in cases.iter().zip(letters).enumerate() {
        let t = &plan["linh_vuc"][0]["nhiem_vu"][k];
        assert_eq!(t["thoi_han"]["mo_ta"], *time, "kept verbatim");
        let got: Vec<&str> = t["thoi_han"]["moc"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|m| m["ngay"].as_str().unwrap())
            .collect();
        assert_eq!(got, *dates, "{time}");
        assert_eq!(
            t["thoi_han"]["thuong_xuyen"] == Value::Bool(true),
            *recurring,
            "{time}"
        );
        let id = format!("1.{l}");
        let undated = review.iter().any(|r| r.0 == id && r.1 == "thoi_han");
        assert_eq!(
            undated,
            dates.is_empty() && !recurring,
            "{time}: review {review:?}"
        );
        for n in 1..=dates.len() {
            let field = format!("thoi_han.moc[{n}]");
            assert!(
                review.iter().any(|r| r.0 == id && r.1 == field),
                "{time}: no {field} on the review list"
            );
        }
    }
    let works: Vec<&str> = plan["linh_vuc"][0]["nhiem_vu"][1]["thoi_han"]["moc"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["viec"].as_str().unwrap())
        .collect();
    assert_eq!(works, ["Ban hành kế hoạch"]);
}

#[test]
fn the_year_comes_from_the_title_or_nam() {
    let f = Folder::base();
    let doc = f.doc("kh.txt", small_plan("2025", "Quý I."));
    let o = f.import(&doc, &["--nam", "2026"]);
    assert_code(&o, 0);
    assert!(f.plan_text(2026).contains("nam: 2026"));
    assert!(
        f.plan_text(2026).contains("ngay: 2026-03-31"),
        "a quarter without a year is the plan's"
    );
    assert!(
        f.review(2026)
            .iter()
            .any(|r| r.0 == "kế-hoạch" && r.1 == "nam")
    );
    let doc = f.doc("kh2.txt", small_plan("mới", "Quý I."));
    let o = f.import(&doc, &[]);
    assert_code(&o, 2);
    assert!(stderr(&o).contains("--nam"), "{}", stderr(&o));
}

#[test]
fn what_cannot_be_read_writes_nothing() {
    let f = Folder::base();
    let cases: [(&str, &[u8], &str); 4] = [
        ("kh.doc", b"\xD0\xCF\x11\xE0", ".docx"),
        ("kh.docx", b"PK\x03\x04 not a zip", "Word (.docx)"),
        (
            "kh.txt",
            b"KE HOACH\nkhong co nhiem vu",
            "Không tìm thấy nhiệm vụ",
        ),
        ("kh.md", b"\xFF\xFE\x00", ""),
    ];
    for (name, bytes, says) in cases {
        let doc = f.doc(name, bytes);
        let o = f.import(&doc, &["--nam", "2025"]);
        assert_code(&o, 2);
        assert!(stderr(&o).contains(says), "{name}: {}", stderr(&o));
    }
    let o = f.import(&f.tmp.path().join("khong-co.docx"), &[]);
    assert_code(&o, 2);
    assert!(stderr(&o).contains("Không tìm thấy tệp"), "{}", stderr(&o));
    assert!(!f.data().join("ke-hoach").exists(), "nothing written");
}

#[test]
fn the_command_explains_itself_in_vietnamese() {
    let o = Command::new(BIN)
        .args(["ke-hoach", "nhap", "--help"])
        .output()
        .unwrap();
    assert_code(&o, 0);
    let help = stdout(&o);
    for s in [
        "Cách dùng: baocao ke-hoach nhap TỆP",
        "--ghi-de",
        "--nam <NĂM>",
        "Ví dụ:",
        "(mặc định: data)",
    ] {
        assert!(help.contains(s), "{s} in {help}");
    }
    for english in ["Usage", "Options", "Arguments", "[default"] {
        assert!(!help.contains(english), "{english} in {help}");
    }
    let o = Command::new(BIN).arg("ke-hoach").output().unwrap();
    assert_code(&o, 2);
    assert!(stderr(&o).contains("ke-hoach nhap"), "{}", stderr(&o));
}
