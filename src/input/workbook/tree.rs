//! The sheets of a form put together as the tree of a YAML report: the same keys
//! (`don_vi`, `ky_bao_cao`, `ngay_bao_cao`, `nhiem_vu`, `chi_tieu`, …), each value at its
//! cell. A task row left blank is a task not reported; a task row with anything filled in is
//! reported, so a blank status there is "chưa điền". Documents of the documents sheet join
//! their task by its id.

use super::sheet::{Sheet, Table, key};
use super::{Meta, cells, not_the_form};
use crate::diagnostics::{Diagnostic, Pos, code};
use crate::input::yaml::{Node, Value};
use crate::model::form::{self, Col};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

type Book<'a> = Xlsx<Cursor<&'a [u8]>>;

/// Builds the report tree of a workbook form.
pub fn build(
    file: &str,
    book: &mut Book,
    meta: &Meta,
    diags: &mut Vec<Diagnostic>,
) -> Result<Node, Diagnostic> {
    let tasks = sheet(file, book, form::TASKS_SHEET)?;
    let at = |row| Pos::cell(form::TASKS_SHEET, row, 1);
    let mut root: Vec<(Node, Node)> = vec![
        entry("don_vi", Value::Str(meta.unit.clone()), at(form::UNIT_ROW)),
        entry(
            "ky_bao_cao",
            Value::Str(meta.period.clone()),
            at(form::PERIOD_ROW),
        ),
    ];
    let table = tasks
        .table(&form::TASK_COLUMNS)
        .map_err(|missing| missing_columns(file, form::TASKS_SHEET, &missing))?;
    root.extend(header_fields(file, &tasks, table.header, diags));
    let mut items = task_items(file, &table, diags);
    // Optional sheets: a form whose documents or indicators sheet was deleted reads the rest.
    if let Some(docs) = optional(book, form::DOCS_SHEET) {
        let t = docs
            .table(&form::DOC_COLUMNS)
            .map_err(|m| missing_columns(file, form::DOCS_SHEET, &m))?;
        add_documents(file, &t, &mut items, diags);
    }
    if !items.is_empty() {
        let pos = Pos::cell(form::TASKS_SHEET, table.header + 1, 1);
        let seq = items.into_iter().map(|(_, n)| n).collect();
        root.push(entry_node(
            "nhiem_vu",
            Node {
                value: Value::Seq(seq),
                pos,
            },
        ));
    }
    if let Some(ind) = optional(book, form::INDICATORS_SHEET) {
        let t = ind
            .table(&form::INDICATOR_COLUMNS)
            .map_err(|m| missing_columns(file, form::INDICATORS_SHEET, &m))?;
        if let Some(n) = indicators(file, &t, diags) {
            root.push(entry_node("chi_tieu", n));
        }
    }
    for (name, k) in form::NARRATIVE_SHEETS {
        let Some(s) = optional(book, name) else {
            continue;
        };
        let t = s
            .table(&form::NARRATIVE_COLUMNS)
            .map_err(|m| missing_columns(file, name, &m))?;
        if let Some(n) = narrative(file, &t, k == "chi_dao_dieu_hanh", diags) {
            root.push(entry_node(k, n));
        }
    }
    let pos = Pos::cell(form::TASKS_SHEET, 1, 1);
    Ok(Node {
        value: Value::Map(root),
        pos,
    })
}

fn entry(k: &str, value: Value, pos: Pos) -> (Node, Node) {
    (key(k, pos), Node { value, pos })
}

fn entry_node(k: &str, n: Node) -> (Node, Node) {
    (key(k, n.pos), n)
}

/// A sheet the form must have.
fn sheet(file: &str, book: &mut Book, name: &'static str) -> Result<Sheet, Diagnostic> {
    optional(book, name).ok_or_else(|| not_the_form(file, &format!("không có trang \"{name}\"")))
}

fn optional(book: &mut Book, name: &'static str) -> Option<Sheet> {
    let range = book.worksheet_range(name).ok()?;
    Some(Sheet { name, range })
}

fn missing_columns(file: &str, sheet: &str, missing: &[&str]) -> Diagnostic {
    let list = missing
        .iter()
        .map(|l| format!("\"{l}\""))
        .collect::<Vec<_>>()
        .join(", ");
    Diagnostic::error(
        code::KHONG_PHAI_BIEU_MAU,
        file,
        format!("Trang \"{sheet}\" của biểu mẫu thiếu cột {list} (có thể đã bị xóa hoặc đổi tiêu đề), nên không đọc được báo cáo."),
    )
    .hint(Some(
        "Chép các nội dung đã điền sang một biểu mẫu gốc do Phòng Nội vụ gửi (không xóa, không đổi tiêu đề cột), rồi gửi lại.".into(),
    ))
}

/// `ngay_bao_cao`, `nguoi_lap`, `so_ky_hieu`: the first cell right of each label, in the rows
/// above the table. A blank required one is an empty value at its cell (column C when the
/// row has nothing).
fn header_fields(
    file: &str,
    s: &Sheet,
    header: u32,
    diags: &mut Vec<Diagnostic>,
) -> Vec<(Node, Node)> {
    let mut out = Vec::new();
    let last_col = s.range.end().map_or(0, |(_, c)| c);
    for (label, k) in form::HEADER_FIELDS {
        let want = crate::text::fold(label);
        let Some(row) = (0..header).find(|&r| s.label(r, 0).as_deref() == Some(&want)) else {
            continue;
        };
        let col = (1..=last_col)
            .find(|&c| !cells::is_blank(s.get(row, c)))
            .unwrap_or(2);
        let node = s.node(row, col, file, diags);
        if node.value != Value::Null || k == "ngay_bao_cao" {
            out.push((key(k, node.pos), node));
        }
    }
    out
}

/// The task rows with anything filled in, keyed by the task id as written.
fn task_items(file: &str, t: &Table, diags: &mut Vec<Diagnostic>) -> Vec<(String, Node)> {
    let cols = &form::TASK_COLUMNS;
    let mut out = Vec::new();
    for row in t.rows() {
        if t.unanswered(row, cols) {
            continue;
        }
        let mut map = Vec::new();
        let mut id = String::new();
        for (i, c) in cols.iter().enumerate() {
            let Some(node) = t.node(row, i, file, diags) else {
                continue;
            };
            match c.col {
                Col::Key => {
                    id = id_of(&node);
                    map.push((key("ma", node.pos), node));
                }
                Col::Answer(k) => {
                    let node = numeric(k, node, t, row, i, file, diags);
                    // A blank status on a filled row is kept: it is "chưa điền".
                    if node.value != Value::Null || k == "trang_thai" {
                        map.push((key(k, node.pos), node));
                    }
                }
                Col::Shown => {}
            }
        }
        let pos = t.sheet.pos(row, t.cols[0].unwrap_or(0));
        out.push((
            id,
            Node {
                value: Value::Map(map),
                pos,
            },
        ));
    }
    out
}

fn id_of(n: &Node) -> String {
    match &n.value {
        Value::Str(s) => crate::text::fold(s),
        Value::Cell(x) => crate::input::values::plain(*x),
        _ => String::new(),
    }
}

/// Number columns: a number typed as text reads as the number; a cell the spreadsheet turned
/// into a date ("1.5" read as 1 May) is an error that says so; a progress below 1 that came
/// from a percent cell ("40%" is stored as 0,4) is an error with both readings.
fn numeric(
    k: &str,
    node: Node,
    t: &Table,
    row: u32,
    i: usize,
    file: &str,
    diags: &mut Vec<Diagnostic>,
) -> Node {
    let decimal = match k {
        "tien_do" => true,
        "gia_tri" => false,
        _ => return node,
    };
    let cell = t.cols[i].map_or(&Data::Empty, |c| t.sheet.get(row, c));
    if let Data::DateTime(dt) = cell
        && dt.is_datetime()
    {
        let Value::Str(shown) = &node.value else {
            return node;
        };
        diags.push(
            Diagnostic::error(
                code::SAI_SO,
                file,
                format!("Ô số liệu bị bảng tính tự đổi thành ngày ({shown}), không đọc được số."),
            )
            .at(Some(node.pos))
            .hint(Some("Xóa ô, đặt định dạng ô là Số (Number) rồi gõ lại số, không dùng dấu chấm hay dấu phẩy ngăn cách.".into())),
        );
        return Node {
            value: Value::Null,
            pos: node.pos,
        };
    }
    if let (true, Value::Cell(x)) = (decimal, &node.value)
        && *x > 0.0
        && *x < 1.0
    {
        let pct = crate::input::values::plain(x * 100.0);
        diags.push(
            Diagnostic::error(
                code::TIEN_DO_SAI,
                file,
                format!(
                    "Tiến độ ghi {shown}: chưa rõ là {pct}% (ô có dạng phần trăm) hay {shown}%.",
                    shown = crate::input::values::plain(*x).replace('.', ",")
                ),
            )
            .at(Some(node.pos))
            .hint(Some(format!(
                "Nếu là {pct}%, gõ {pct} (không gõ dấu %); tiến độ dưới 1% ghi 0."
            ))),
        );
        return Node {
            value: Value::Null,
            pos: node.pos,
        };
    }
    Node {
        value: cells::number_text(node.value, decimal),
        pos: node.pos,
    }
}

/// Rows of the documents sheet join the task with their id; a document of a task that has no
/// filled row becomes that task's item (its status then reads as not filled in).
fn add_documents(
    file: &str,
    t: &Table,
    items: &mut Vec<(String, Node)>,
    diags: &mut Vec<Diagnostic>,
) {
    let cols = &form::DOC_COLUMNS;
    for row in t.rows() {
        if t.unanswered(row, cols) {
            continue;
        }
        let mut doc = Vec::new();
        let mut id_node = None;
        for (i, c) in cols.iter().enumerate() {
            let (Some(node), Col::Answer(k)) = (t.node(row, i, file, diags), c.col) else {
                continue;
            };
            if k == "ma" {
                id_node = Some(node);
            } else {
                doc.push((key(k, node.pos), node));
            }
        }
        let Some(id_node) = id_node else { continue };
        let doc = Node {
            value: Value::Map(doc),
            pos: id_node.pos,
        };
        let id = id_of(&id_node);
        if id.is_empty() {
            diags.push(
                Diagnostic::error(
                    code::THIEU_GIA_TRI,
                    file,
                    "Văn bản ở dòng này chưa ghi mã nhiệm vụ.",
                )
                .at(Some(id_node.pos))
                .hint(Some("Chọn mã nhiệm vụ trong danh sách của ô.".into())),
            );
            continue;
        }
        let task = match items.iter().position(|(i, _)| *i == id) {
            Some(at) => &mut items[at].1,
            None => {
                let pos = id_node.pos;
                let map = vec![
                    (key("ma", pos), id_node),
                    (
                        key("trang_thai", pos),
                        Node {
                            value: Value::Null,
                            pos,
                        },
                    ),
                ];
                items.push((
                    id,
                    Node {
                        value: Value::Map(map),
                        pos,
                    },
                ));
                &mut items.last_mut().expect("just pushed").1
            }
        };
        push_document(task, doc);
    }
}

fn push_document(task: &mut Node, doc: Node) {
    let Value::Map(map) = &mut task.value else {
        return;
    };
    if let Some((_, list)) = map
        .iter_mut()
        .find(|(k, _)| k.value == Value::Str("san_pham".into()))
        && let Value::Seq(items) = &mut list.value
    {
        items.push(doc);
        return;
    }
    let pos = doc.pos;
    map.push((
        key("san_pham", pos),
        Node {
            value: Value::Seq(vec![doc]),
            pos,
        },
    ));
}

/// `chi_tieu`: each filled value under its indicator's id (the key at the id's cell).
fn indicators(file: &str, t: &Table, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let cols = &form::INDICATOR_COLUMNS;
    let key_at = cols.iter().position(|c| c.col == Col::Key)?;
    let value_at = cols.iter().position(|c| c.col == Col::Answer("gia_tri"))?;
    let mut map = Vec::new();
    for row in t.rows() {
        let Some(v) = t.node(row, value_at, file, diags) else {
            continue;
        };
        if v.value == Value::Null {
            continue;
        }
        let v = numeric("gia_tri", v, t, row, value_at, file, diags);
        let Some(k) = t.node(row, key_at, file, diags) else {
            continue;
        };
        map.push((k, v));
    }
    let pos = t.sheet.pos(t.header, 0);
    (!map.is_empty()).then_some(Node {
        value: Value::Map(map),
        pos,
    })
}

/// A narrative sheet: one text of its rows joined by line breaks, or a list of them.
fn narrative(file: &str, t: &Table, one_text: bool, diags: &mut Vec<Diagnostic>) -> Option<Node> {
    let at = form::NARRATIVE_COLUMNS
        .iter()
        .position(|c| matches!(c.col, Col::Answer(_)))?;
    let rows: Vec<Node> = t
        .rows()
        .filter_map(|r| t.node(r, at, file, diags))
        .filter(|n| n.value != Value::Null)
        .collect();
    let first = rows.first()?.pos;
    if !one_text {
        return Some(Node {
            value: Value::Seq(rows),
            pos: first,
        });
    }
    let text: Vec<String> = rows
        .iter()
        .map(|n| match &n.value {
            Value::Str(s) => s.clone(),
            Value::Cell(x) => crate::input::values::plain(*x),
            _ => String::new(),
        })
        .collect();
    Some(Node {
        value: Value::Str(text.join("\n")),
        pos: first,
    })
}
