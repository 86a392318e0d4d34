//! Reading the data folder: each format read and checked on its own (configuration, unit
//! registry, plans, indicator catalogue, the inbox of submissions, the templates' files), every
//! problem a diagnostic, the results model types.
//!
//! Bytes become text in [`decode`], text a positioned tree in [`yaml`], the tree typed values
//! field by field in [`reader`]; one module per file format does the rest.

pub mod catalogue;
pub mod chars;
pub mod config;
pub mod decode;
pub mod hint;
pub mod inbox;
pub mod legacy;
pub mod plan;
pub mod plan_import;
pub mod reader;
pub mod registry;
pub mod submission;
pub mod templates;
pub mod values;
pub mod workbook;
pub mod yaml;

use crate::diagnostics::{Diagnostic, code};
use crate::model::dataset::DataSet;
use crate::model::registry::Registry;
use reader::Ctx;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use yaml::{Limits, Node};

/// The data folder could not be used: nothing can be built. Carries every problem found.
#[derive(Debug)]
pub struct DataError {
    pub diags: Vec<Diagnostic>,
}

/// Loads configuration, registry, catalogue and plans. Any error among them is fatal.
pub fn load_data(dir: &Path) -> Result<DataSet, DataError> {
    let mut diags = Vec::new();
    if !dir.is_dir() {
        return Err(DataError {
            diags: vec![Diagnostic::error(
                code::THIEU_THU_MUC,
                &dir.display().to_string(),
                format!("Không tìm thấy thư mục dữ liệu '{}'.", dir.display()),
            )
            .hint(Some("Chỉ đường dẫn tới thư mục dữ liệu bằng --data, ví dụ: baocao build --data D:\\CCHC\\du-lieu".into()))],
        });
    }
    // `--data data/nop` or `--data data/ke-hoach`: the data folder is one level up.
    if !dir.join("cau-hinh.yaml").exists()
        && let Some(parent) = dir.parent().filter(|p| p.join("cau-hinh.yaml").is_file())
    {
        let shown = if parent.as_os_str().is_empty() {
            ".".to_string()
        } else {
            parent.display().to_string()
        };
        return Err(DataError {
            diags: vec![Diagnostic::error(
                code::THIEU_TEP,
                &dir.display().to_string(),
                format!(
                    "Thư mục '{}' không phải thư mục dữ liệu: không có tệp cau-hinh.yaml.",
                    dir.display()
                ),
            )
            .hint(Some(format!(
                "Thư mục dữ liệu là thư mục chứa cau-hinh.yaml, don-vi.yaml, ke-hoach/ và nop/, có vẻ là thư mục bên trên: --data {shown}"
            )))],
        });
    }
    let config = load_one(dir, "cau-hinh.yaml", &mut diags, config::read_config);
    let registry = load_one(dir, "don-vi.yaml", &mut diags, registry::read_registry);
    let empty = Registry::default();
    let catalogue = load_one(dir, "chi-tieu.yaml", &mut diags, |ctx, root| {
        catalogue::read_catalogue(ctx, root, registry.as_ref().unwrap_or(&empty))
    });
    let mut plans = BTreeMap::new();
    if let Some(reg) = &registry {
        for (year, path) in plan_files(dir, &mut diags) {
            let rel = format!(
                "ke-hoach/{}",
                path.file_name().unwrap_or_default().to_string_lossy()
            );
            if let Some(plan) = read_file(&path, &rel, &mut diags, |ctx, root| {
                plan::read_plan(ctx, root, year, reg)
            }) {
                plans.insert(year, plan);
            }
        }
        if plans.is_empty() && !diags.iter().any(Diagnostic::is_error) {
            diags.push(
                Diagnostic::error(
                    code::THIEU_KE_HOACH,
                    "ke-hoach",
                    "Chưa có kế hoạch nào trong thư mục ke-hoach/.",
                )
                .hint(Some(
                    "Mỗi năm một tệp, đặt tên theo năm: ke-hoach/2024.yaml.".into(),
                )),
            );
        }
    }
    let (errors, warnings): (Vec<_>, Vec<_>) = diags.into_iter().partition(Diagnostic::is_error);
    match (config, registry, catalogue) {
        (Some(config), Some(registry), Some(catalogue)) if errors.is_empty() => Ok(DataSet {
            config,
            registry,
            catalogue,
            plans,
            warnings,
        }),
        _ => {
            let mut all = errors;
            all.extend(warnings);
            crate::diagnostics::sort(&mut all);
            Err(DataError { diags: all })
        }
    }
}

/// Loads only the registry (`don-vi.yaml`): what the plan import needs.
pub fn load_registry(dir: &Path) -> Result<Registry, DataError> {
    let mut diags = Vec::new();
    let registry = load_one(dir, "don-vi.yaml", &mut diags, registry::read_registry);
    match registry {
        Some(r) if !diags.iter().any(Diagnostic::is_error) => Ok(r),
        _ => {
            crate::diagnostics::sort(&mut diags);
            Err(DataError { diags })
        }
    }
}

/// Reads a plan from its text as `load_data` reads `ke-hoach/<year>.yaml` (`rel` names it in
/// the diagnostics): the check the plan import makes of what it is about to write.
pub fn read_plan_text(
    rel: &str,
    text: &str,
    year: i32,
    reg: &Registry,
) -> Result<crate::model::plan::Plan, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let plan = parse_and_read(rel, text.to_string(), &mut diags, |ctx, root| {
        plan::read_plan(ctx, root, year, reg)
    });
    match plan {
        Some(p) if !diags.iter().any(Diagnostic::is_error) => Ok(p),
        _ => Err(diags),
    }
}

fn load_one<T>(
    dir: &Path,
    name: &str,
    diags: &mut Vec<Diagnostic>,
    read: impl FnOnce(&mut Ctx, &Node) -> Option<T>,
) -> Option<T> {
    read_file(&dir.join(name), name, diags, read)
}

/// Reads, decodes and parses one data file, then hands its tree to `read`.
fn read_file<T>(
    path: &Path,
    rel: &str,
    diags: &mut Vec<Diagnostic>,
    read: impl FnOnce(&mut Ctx, &Node) -> Option<T>,
) -> Option<T> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let msg = if e.kind() == std::io::ErrorKind::NotFound {
                format!("Không tìm thấy tệp {rel} trong thư mục dữ liệu.")
            } else {
                format!(
                    "Không đọc được tệp {rel}: {}.",
                    crate::oserror::explain(&e).0
                )
            };
            diags.push(Diagnostic::error(code::THIEU_TEP, rel, msg));
            return None;
        }
    };
    let (text, warnings) = match decode::decode(rel, &bytes) {
        Ok(x) => x,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    diags.extend(warnings);
    parse_and_read(rel, text, diags, read)
}

/// Parses decoded text as YAML and hands its tree to `read`.
fn parse_and_read<T>(
    rel: &str,
    text: String,
    diags: &mut Vec<Diagnostic>,
    read: impl FnOnce(&mut Ctx, &Node) -> Option<T>,
) -> Option<T> {
    let mut ctx = Ctx::new(rel, Some(&text));
    let value = match yaml::parse(rel, &text, Limits::DATA) {
        Ok(Some(root)) => read(&mut ctx, &root),
        Ok(None) => {
            ctx.push(Diagnostic::error(
                code::TEP_RONG,
                rel,
                format!("Tệp {rel} rỗng."),
            ));
            None
        }
        Err(d) => {
            ctx.push(d);
            None
        }
    };
    diags.extend(ctx.diags);
    value
}

/// `ke-hoach/<năm>.yaml` files, by year; other names are reported.
fn plan_files(dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<(i32, PathBuf)> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir.join("ke-hoach")) else {
        diags.push(
            Diagnostic::error(
                code::THIEU_KE_HOACH,
                "ke-hoach",
                "Không tìm thấy thư mục ke-hoach/.",
            )
            .hint(Some(
                "Tạo thư mục ke-hoach/ và đặt kế hoạch của từng năm vào đó: ke-hoach/2024.yaml."
                    .into(),
            )),
        );
        return out;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        let name = p
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string();
        if name.starts_with('.') || name.starts_with("~$") || !p.is_file() {
            continue;
        }
        let Some(stem) = name
            .strip_suffix(".yaml")
            .or_else(|| name.strip_suffix(".yml"))
        else {
            continue;
        };
        match stem.parse::<i32>() {
            Ok(y) if stem.len() == 4 => {
                if let Some((_, other)) = out.iter().find(|(year, _)| *year == y) {
                    let other = other.file_name().unwrap_or_default().to_string_lossy();
                    diags.push(
                        Diagnostic::error(
                            code::HAI_KE_HOACH,
                            &format!("ke-hoach/{name}"),
                            format!(
                                "Có hai tệp kế hoạch cho năm {y}: ke-hoach/{other} và ke-hoach/{name}; không biết dùng tệp nào."
                            ),
                        )
                        .hint(Some(
                            "Giữ một tệp, xóa hoặc chuyển tệp kia ra khỏi thư mục ke-hoach/."
                                .into(),
                        )),
                    );
                    continue;
                }
                out.push((y, p))
            }
            _ => diags.push(
                Diagnostic::warning(
                    code::TEN_KE_HOACH,
                    &format!("ke-hoach/{name}"),
                    format!(
                        "Tệp kế hoạch '{name}' không được đọc vì tên tệp không phải là một năm."
                    ),
                )
                .hint(Some(
                    "Đặt tên tệp theo năm của kế hoạch, ví dụ 2024.yaml.".into(),
                )),
            ),
        }
    }
    out
}
