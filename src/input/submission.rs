//! One unit's progress report for one period (`nop/**/<tệp>.yaml`): read, then checked against
//! the registry, the plan of its year and the indicator catalogue. Every problem becomes a
//! diagnostic on the file; any error rejects the whole file.

use crate::diagnostics::{Diagnostic, Pos, clip};
use crate::input::indicators::{Catalogue, Method};
use crate::input::plan::{Plan, Role};
use crate::input::reader::{
    Ctx, Fields, Num, date, fields, key_text, list, number, text, text_list,
};
use crate::input::registry::Registry;
use crate::input::text::legacy_encoding;
use crate::input::yaml::{self, Limits, Node, Value};
use crate::model::period::Period;
use crate::model::status::Status;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What a submission is checked against.
pub struct Reference<'a> {
    pub registry: &'a Registry,
    pub plans: &'a BTreeMap<i32, Plan>,
    pub catalogue: &'a Catalogue,
}

/// Where a file sits in the inbox.
#[derive(Debug, Clone, Copy, Default)]
pub struct Placement {
    /// The unit whose folder holds the file: the deepest folder between `nop/` and the file
    /// whose name is a unit id.
    pub folder_unit: Option<usize>,
    /// The file lies directly in `nop/`.
    pub at_root: bool,
}

/// A read submission. Fields that could not be read are `None` or empty; `diags` says why.
#[derive(Debug, Clone, Default)]
pub struct Submission {
    /// Path relative to the data folder, with `/`.
    pub file: String,
    pub placement: Placement,
    /// `don_vi`, resolved to a registry position.
    pub unit: Option<usize>,
    /// `ky_bao_cao`, when it reads as a period whose year has a plan.
    pub period: Option<Period>,
    /// `ngay_bao_cao`.
    pub date: Option<NaiveDate>,
    /// `nguoi_lap`.
    pub preparer: Option<String>,
    /// `so_ky_hieu`: the unit's own report number.
    pub number: Option<String>,
    /// `nhiem_vu`: reported tasks, in file order.
    pub tasks: Vec<TaskReport>,
    /// `chi_tieu`: catalogue position and value, in file order.
    pub indicators: Vec<(usize, Num)>,
    /// `chi_dao_dieu_hanh`.
    pub direction: Option<String>,
    /// `kho_khan`.
    pub difficulties: Vec<String>,
    /// `kien_nghi`.
    pub proposals: Vec<String>,
    /// `phuong_huong`.
    pub next_steps: Vec<String>,
    pub diags: Vec<Diagnostic>,
}

/// One task as a unit reported it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskReport {
    /// Position of the task in its year's plan.
    pub task: usize,
    pub status: Status,
    /// `tien_do`: percent 0..100.
    pub progress: Option<Num>,
    /// `ket_qua`.
    pub result: Option<String>,
    /// `san_pham`: documents issued.
    pub products: Vec<Product>,
    /// `kho_khan`.
    pub difficulties: Option<String>,
}

/// A document a unit issued for a task.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// `so_ky_hieu`: "12/2024/QĐ-UBND".
    pub number: String,
    /// `ngay`.
    pub date: Option<NaiveDate>,
    /// `trich_yeu`.
    pub summary: String,
}

impl Submission {
    /// No error among its diagnostics.
    pub fn is_valid(&self) -> bool {
        !self.diags.iter().any(Diagnostic::is_error)
    }

    /// The unit a file counts for: its folder's unit, else the unit it names.
    pub fn owner(&self) -> Option<usize> {
        self.placement.folder_unit.or(self.unit)
    }

    /// Drops what only the reports of its own period print (results, documents, narratives),
    /// keeping the statuses, progress and figures that other periods' merges use.
    pub fn drop_texts(&mut self) {
        for t in &mut self.tasks {
            t.result = None;
            t.products = Vec::new();
            t.difficulties = None;
        }
        self.direction = None;
        self.difficulties = Vec::new();
        self.proposals = Vec::new();
        self.next_steps = Vec::new();
        self.preparer = None;
    }

    /// A file that failed before its content could be read (encoding, size, I/O).
    pub fn unreadable(file: &str, placement: Placement, diag: Diagnostic) -> Self {
        Submission {
            file: file.to_string(),
            placement,
            diags: vec![diag],
            ..Default::default()
        }
    }
}

const WHAT: &str = "báo cáo";

/// Parses and checks one submission's text.
pub fn read_submission(
    file: &str,
    text_: &str,
    placement: Placement,
    refs: &Reference,
    mut diags: Vec<Diagnostic>,
) -> Submission {
    let mut sub = Submission {
        file: file.to_string(),
        placement,
        ..Default::default()
    };
    let root = match yaml::parse_cleaning(file, text_, Limits::SUBMISSION) {
        Ok((Some(root), cleaned)) => {
            if let Some(&pos) = cleaned.first() {
                diags.push(
                    Diagnostic::warning(
                        "ky-tu-cam",
                        file,
                        format!(
                            "{} đoạn chữ chứa ký tự điều khiển (viết bằng mã thoát như \\0, \\u000B) không được phép trong văn bản; các ký tự này đã được loại bỏ.",
                            cleaned.len()
                        ),
                    )
                    .at(Some(pos))
                    .hint(Some("Xóa các mã thoát này khỏi đoạn chữ.".into())),
                );
            }
            root
        }
        Ok((None, _)) => {
            diags.push(
                Diagnostic::error(
                    "tep-rong",
                    file,
                    "Tệp không có nội dung báo cáo (tệp trống hoặc chỉ có dòng chú thích #).",
                )
                    .hint(Some("Điền báo cáo theo biểu mẫu do Phòng Nội vụ gửi (lệnh baocao forms), rồi lưu lại.".into())),
            );
            sub.diags = diags;
            return sub;
        }
        Err(d) => {
            let mut ctx = Ctx::new(file, Some(text_));
            ctx.push(d);
            diags.extend(ctx.diags);
            sub.diags = diags;
            return sub;
        }
    };
    let mut ctx = Ctx::new(file, Some(text_));
    ctx.diags = diags;
    read_root(&mut ctx, &root, refs, &mut sub);
    check_legacy_text(&mut ctx, &root);
    sub.diags = ctx.diags;
    // Thousands of submissions stay in memory: no spare capacity.
    sub.tasks.shrink_to_fit();
    for t in &mut sub.tasks {
        t.products.shrink_to_fit();
    }
    sub.indicators.shrink_to_fit();
    sub
}

fn read_root(ctx: &mut Ctx, root: &Node, refs: &Reference, sub: &mut Submission) {
    let Some(mut f) = fields(ctx, root, WHAT) else {
        if let (Value::Seq(_), Some(d)) = (&root.value, ctx.diags.last_mut()) {
            d.hint = Some("Báo cáo bắt đầu bằng các dòng \"don_vi: ...\", \"ky_bao_cao: ...\", không phải một danh sách \"- ...\".".into());
        }
        return;
    };
    // Unit and its folder.
    if let Some(n) = f.required(ctx, "don_vi", "mã đơn vị báo cáo") {
        sub.unit = read_unit(ctx, n, refs.registry, sub.placement);
    }
    if sub.placement.at_root {
        ctx.push(
            Diagnostic::warning(
                "ngoai-thu-muc",
                ctx.file,
                "Tệp nằm ngay trong thư mục nop/, không nằm trong thư mục của đơn vị.".to_string(),
            )
            .hint(Some(match sub.unit {
                Some(u) => format!("Chuyển tệp vào thư mục nop/{}/.", refs.registry.units[u].id),
                None => {
                    "Chuyển tệp vào thư mục mang mã của đơn vị, ví dụ nop/phong-tu-phap/.".into()
                }
            })),
        );
    }
    // Period.
    let mut plan = None;
    if let Some(n) = f.required(ctx, "ky_bao_cao", "kỳ báo cáo")
        && let Some(raw) = text(ctx, n, "ky_bao_cao")
    {
        match Period::parse(&raw) {
            Ok(p) => match refs.plans.get(&p.year) {
                Some(pl) => {
                    sub.period = Some(p);
                    plan = Some(pl);
                }
                None => ctx.error(
                    "khong-co-ke-hoach",
                    n.pos,
                    format!(
                        "Chưa có kế hoạch CCHC năm {} (tệp ke-hoach/{}.yaml), nên không tổng hợp được báo cáo kỳ {}.",
                        p.year,
                        p.year,
                        p.code()
                    ),
                    Some(format!(
                        "Kiểm tra lại năm trong ky_bao_cao; các năm đã có kế hoạch: {}.",
                        refs.plans.keys().map(|y| y.to_string()).collect::<Vec<_>>().join(", ")
                    )),
                ),
            },
            Err(e) => ctx.error(
                "ky-sai",
                n.pos,
                format!("Kỳ báo cáo không hợp lệ: {e}"),
                Some(crate::model::period::CODE_HELP.into()),
            ),
        }
    }
    sub.date = f
        .required(ctx, "ngay_bao_cao", "ngày báo cáo")
        .and_then(|n| date(ctx, n, "ngay_bao_cao"));
    sub.preparer = opt_text(ctx, &mut f, "nguoi_lap");
    sub.number = opt_text(ctx, &mut f, "so_ky_hieu");
    if let Some(items) = f.get("nhiem_vu").and_then(|n| list(ctx, n, "nhiem_vu")) {
        read_tasks(ctx, items, plan, sub);
    }
    if let Some(n) = f.get("chi_tieu") {
        read_indicators(ctx, n, refs.catalogue, sub);
    }
    sub.direction = opt_text(ctx, &mut f, "chi_dao_dieu_hanh");
    sub.difficulties = opt_list(ctx, &mut f, "kho_khan");
    sub.proposals = opt_list(ctx, &mut f, "kien_nghi");
    sub.next_steps = opt_list(ctx, &mut f, "phuong_huong");
    f.finish(ctx, WHAT);
}

fn opt_text(ctx: &mut Ctx, f: &mut Fields, key: &'static str) -> Option<String> {
    f.get(key)
        .and_then(|n| text(ctx, n, key))
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

fn opt_list(ctx: &mut Ctx, f: &mut Fields, key: &'static str) -> Vec<String> {
    f.get(key)
        .map(|n| text_list(ctx, n, key))
        .unwrap_or_default()
        .into_iter()
        .map(|(s, _)| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

fn read_unit(ctx: &mut Ctx, n: &Node, reg: &Registry, placement: Placement) -> Option<usize> {
    let raw = text(ctx, n, "don_vi")?;
    let id = raw.trim();
    let Some(unit) = reg.unit(id) else {
        let folder = placement.folder_unit.map(|u| reg.units[u].id.as_str());
        let hint = reg
            .suggest_unit(id)
            .or(folder)
            .map(|s| format!("có phải ý bạn là '{s}'?"))
            .or_else(|| Some("Mã đơn vị phải đúng như trong danh mục don-vi.yaml.".into()));
        ctx.error(
            "don-vi-la",
            n.pos,
            format!("Đơn vị '{}' không có trong danh mục đơn vị.", clip(id)),
            hint,
        );
        return None;
    };
    if let Some(folder) = placement.folder_unit.filter(|&f| f != unit) {
        ctx.error(
            "sai-thu-muc",
            n.pos,
            format!(
                "Tệp nằm trong thư mục của đơn vị '{}' nhưng ghi don_vi: {}; không đơn vị nào được báo cáo thay đơn vị khác.",
                reg.units[folder].id, id
            ),
            Some(format!(
                "Nếu đây là báo cáo của {}, chuyển tệp vào thư mục nop/{}/.",
                reg.units[unit].name, id
            )),
        );
    }
    Some(unit)
}

fn read_tasks(ctx: &mut Ctx, items: &[Node], plan: Option<&Plan>, sub: &mut Submission) {
    let mut seen: Vec<(usize, Pos)> = Vec::new();
    for item in items {
        let Some(mut f) = fields(ctx, item, "nhiệm vụ") else {
            continue;
        };
        let id_node = f.required(ctx, "ma", "mã nhiệm vụ");
        let status_node = match f.entry("trang_thai") {
            // A form left blank: say so plainly.
            Some((k, v)) if v.value == Value::Null => {
                let id = id_node.map(key_text).unwrap_or_default();
                ctx.error(
                    "chua-dien",
                    k.pos,
                    format!(
                        "Nhiệm vụ '{}' chưa điền trạng thái (trang_thai).",
                        clip(id.trim())
                    ),
                    Some(Status::accepted_hint()),
                );
                None
            }
            _ => f.required(ctx, "trang_thai", "trạng thái"),
        };
        let progress_node = f.get("tien_do");
        let result = f
            .get("ket_qua")
            .and_then(|n| text(ctx, n, "ket_qua"))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let products = f
            .get("san_pham")
            .map(|n| read_products(ctx, n))
            .unwrap_or_default();
        let difficulties = f
            .get("kho_khan")
            .and_then(|n| text(ctx, n, "kho_khan"))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        f.finish(ctx, "nhiệm vụ");

        let task = id_node.and_then(|n| {
            let id = text(ctx, n, "ma")?;
            let id = id.trim();
            let plan = plan?;
            match plan.task(id) {
                Some(t) => {
                    if let Some((_, first)) = seen.iter().find(|(x, _)| *x == t) {
                        ctx.error(
                            "nhiem-vu-lap",
                            n.pos,
                            format!(
                                "Nhiệm vụ '{id}' được báo cáo hai lần trong tệp (lần đầu ở dòng {}).",
                                first.line
                            ),
                            Some("Gộp kết quả vào một mục nhiệm vụ duy nhất.".into()),
                        );
                        return None;
                    }
                    seen.push((t, n.pos));
                    Some(t)
                }
                None => {
                    let hint = crate::input::reader::did_you_mean(
                        id,
                        plan.tasks.iter().map(|t| t.id.as_str()),
                    )
                    .map(|s| format!("có phải ý bạn là '{s}'?"))
                    .or_else(|| task_list_hint(plan, id));
                    ctx.error(
                        "nhiem-vu-la",
                        n.pos,
                        format!("Nhiệm vụ '{}' không có trong kế hoạch năm {}.", clip(id), plan.year),
                        hint,
                    );
                    None
                }
            }
        });
        let status = status_node.and_then(|n| {
            let raw = text(ctx, n, "trang_thai")?;
            let st = Status::parse_reported(&raw);
            if st.is_none() {
                let codes = Status::REPORTABLE.map(|s| s.code());
                let hint = crate::input::reader::did_you_mean(&raw, codes)
                    .map(|s| format!("có phải ý bạn là '{s}'? {}", Status::accepted_hint()))
                    .unwrap_or_else(Status::accepted_hint);
                ctx.error(
                    "trang-thai-la",
                    n.pos,
                    format!("Trạng thái '{}' không hợp lệ.", clip(raw.trim())),
                    Some(hint),
                );
            }
            st
        });
        let progress = progress_node.and_then(|n| {
            let v = number(ctx, n, "tien_do")?;
            if !(0.0..=100.0).contains(&v.as_f64()) {
                ctx.error(
                    "tien-do-sai",
                    n.pos,
                    format!(
                        "Tiến độ {} nằm ngoài khoảng 0 đến 100 (%).",
                        clip(&crate::input::reader::key_text(n))
                    ),
                    Some("Tiến độ là phần trăm công việc đã làm, từ 0 đến 100.".into()),
                );
                return None;
            }
            Some(v)
        });
        if let (Some(task), Some(status), Some(unit), Some(plan)) = (task, status, sub.unit, plan) {
            if plan.tasks[task].role_of(unit) == Role::Other {
                let t = &plan.tasks[task];
                ctx.warn(
                    "ngoai-nhiem-vu",
                    id_node.map_or(item.pos, |n| n.pos),
                    format!(
                        "Đơn vị không chủ trì cũng không phối hợp thực hiện nhiệm vụ '{}' theo kế hoạch; kết quả vẫn được ghi nhận nhưng không quyết định trạng thái của nhiệm vụ.",
                        t.id
                    ),
                    None,
                );
            }
            sub.tasks.push(TaskReport {
                task,
                status,
                progress,
                result,
                products,
                difficulties,
            });
        }
    }
}

/// Lists the tasks of the area an unknown id seems to belong to ("2.n" → area 2).
fn task_list_hint(plan: &Plan, id: &str) -> Option<String> {
    let area = id.split('.').next()?.trim();
    let a = plan.areas.iter().position(|a| a.id == area)?;
    let ids: Vec<&str> = plan
        .tasks
        .iter()
        .filter(|t| t.area == a)
        .map(|t| t.id.as_str())
        .collect();
    Some(format!(
        "Các nhiệm vụ của lĩnh vực {} trong kế hoạch: {}.",
        plan.areas[a].id,
        ids.join(", ")
    ))
}

fn read_products(ctx: &mut Ctx, n: &Node) -> Vec<Product> {
    let Some(items) = list(ctx, n, "san_pham") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let Some(mut f) = fields(ctx, item, "sản phẩm") else {
            continue;
        };
        let number_ = f
            .required(ctx, "so_ky_hieu", "số, ký hiệu văn bản")
            .and_then(|n| text(ctx, n, "so_ky_hieu"));
        let d = f.get("ngay").and_then(|n| date(ctx, n, "ngay"));
        let summary = f
            .get("trich_yeu")
            .and_then(|n| text(ctx, n, "trich_yeu"))
            .unwrap_or_default();
        f.finish(ctx, "sản phẩm");
        if let Some(number_) = number_ {
            out.push(Product {
                number: number_.trim().to_string(),
                date: d,
                summary: summary.trim().to_string(),
            });
        }
    }
    out
}

fn read_indicators(ctx: &mut Ctx, n: &Node, cat: &Catalogue, sub: &mut Submission) {
    let Some(f) = fields(ctx, n, "chỉ tiêu") else {
        return;
    };
    let Value::Map(entries) = &n.value else {
        return;
    };
    let _ = f;
    let mut values: Vec<(usize, Num, Pos)> = Vec::new();
    for (k, v) in entries {
        let id = key_text(k);
        let id = id.trim();
        let Some(i) = cat.get(id) else {
            let hint = cat.suggest(id).map(|s| format!("có phải ý bạn là '{s}'?"));
            ctx.error(
                "chi-tieu-la",
                k.pos,
                format!(
                    "Chỉ tiêu '{}' không có trong danh mục chỉ tiêu (chi-tieu.yaml).",
                    clip(id)
                ),
                hint,
            );
            continue;
        };
        let ind = &cat.items[i];
        if let Method::Ratio {
            numerator,
            denominator,
        } = ind.method
        {
            ctx.error(
                "ty-le-nop",
                k.pos,
                format!(
                    "'{id}' là chỉ tiêu tỷ lệ, được tính tự động từ '{}' và '{}'; đơn vị không nộp trực tiếp.",
                    cat.items[numerator].id, cat.items[denominator].id
                ),
                Some(format!(
                    "Xóa dòng '{id}' và ghi hai số liệu '{}' và '{}'.",
                    cat.items[numerator].id, cat.items[denominator].id
                )),
            );
            continue;
        }
        if v.value == Value::Null {
            continue;
        }
        let Some(num) = number(ctx, v, id) else {
            continue;
        };
        if num.as_f64() < 0.0 {
            ctx.error(
                "so-am",
                v.pos,
                format!("Số liệu '{id}' không được âm ({}).", clip(&key_text(v))),
                None,
            );
            continue;
        }
        values.push((i, num, v.pos));
    }
    for ind in &cat.items {
        if let Method::Ratio {
            numerator,
            denominator,
        } = ind.method
        {
            let get = |j: usize| values.iter().find(|(i, ..)| *i == j);
            if let (Some(num), Some(den)) = (get(numerator), get(denominator))
                && num.1.as_f64() > den.1.as_f64()
            {
                ctx.warn(
                    "tu-so-lon-hon",
                    num.2,
                    format!(
                        "'{}' ({}) lớn hơn '{}' ({}), nên {} vượt 100%.",
                        cat.items[numerator].id,
                        key_text_num(num.1),
                        cat.items[denominator].id,
                        key_text_num(den.1),
                        ind.name.to_lowercase()
                    ),
                    Some("Kiểm tra lại hai số liệu này.".into()),
                );
            }
        }
    }
    sub.indicators = values.into_iter().map(|(i, n, _)| (i, n)).collect();
}

fn key_text_num(n: Num) -> String {
    match n {
        Num::Int(i) => i.to_string(),
        Num::Float(f) => f.to_string(),
    }
}

/// Warns once per file when some text looks typed in a legacy font encoding.
fn check_legacy_text(ctx: &mut Ctx, root: &Node) {
    fn first(n: &Node) -> Option<(&Node, &'static str)> {
        match &n.value {
            Value::Str(s) => legacy_encoding(s).map(|enc| (n, enc)),
            Value::Seq(items) => items.iter().find_map(first),
            Value::Map(entries) => entries.iter().find_map(|(_, v)| first(v)),
            _ => None,
        }
    }
    if let Some((n, enc)) = first(root) {
        let Value::Str(s) = &n.value else { return };
        let sample: String = s.chars().take(40).collect();
        ctx.warn(
            "bang-ma-cu",
            n.pos,
            format!("Văn bản \"{sample}\" có vẻ được gõ bằng bảng mã cũ {enc}, sẽ hiển thị sai trong báo cáo."),
            Some("Dùng Unikey (Công cụ chuyển mã) chuyển đoạn văn bản từ bảng mã cũ sang Unicode dựng sẵn, rồi lưu tệp bằng UTF-8.".into()),
        );
    }
}
