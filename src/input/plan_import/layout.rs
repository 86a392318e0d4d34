//! Blocks to a plan as the document writes it: the number and title from the heading, then
//! only the tasks' section (the roman heading that names "nhiệm vụ", usually "II."), read in
//! either of the two layouts plans use (docs/nhap-ke-hoach.md):
//!
//! - text: areas "1. Cải cách thể chế:", tasks "a)", "b)" …, each followed by lines
//!   "- Cơ quan chủ trì: …", "- Cơ quan phối hợp: …", "- Cơ quan thực hiện: …",
//!   "- Sản phẩm: …", "- Thời gian thực hiện: …" in any order and wording;
//! - a table with the columns STT / Nhiệm vụ / Cơ quan chủ trì / Cơ quan phối hợp / Sản phẩm /
//!   Thời gian, an area being a row with only a number and a name.
//!
//! Nothing is interpreted here: names, dates and ids are read in the modules beside this one.

use crate::input::plan_import::document::Block;

/// A plan as written, before names, dates and ids are read.
#[derive(Debug, Default)]
pub struct RawPlan {
    /// "Số: /KH-UBND" → "/KH-UBND".
    pub number: Option<String>,
    /// The line after "KẾ HOẠCH".
    pub title: Option<String>,
    pub areas: Vec<RawArea>,
    /// Text of the tasks' section that belongs to no task, with the area it is in.
    pub stray: Vec<(Option<String>, String)>,
    /// Whether a tasks' section heading was found (else the whole document was read).
    pub section_found: bool,
}

#[derive(Debug)]
pub struct RawArea {
    pub id: String,
    pub name: String,
    pub tasks: Vec<RawTask>,
}

#[derive(Debug)]
pub struct RawTask {
    pub label: Label,
    pub content: String,
    pub fields: Vec<RawField>,
}

/// A task's label as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Label {
    /// "a)", "đ)" (or "a" in a table): the letter.
    Letter(String),
    /// Anything else a table's STT column holds ("1", "1.2").
    Other(String),
    /// No label (a table row with an empty STT).
    None,
}

#[derive(Debug, Clone)]
pub struct RawField {
    pub kind: FieldKind,
    /// The label as written ("Cơ quan chủ trì thực hiện").
    pub label: String,
    pub value: String,
}

/// What a task's line or column gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    Lead,
    Coord,
    /// "Cơ quan thực hiện": lead when the task names no lead, else coordinating.
    Executing,
    Product,
    Time,
}

impl FieldKind {
    /// Names (lists of units) are joined with "; ", other texts with a space.
    fn joiner(self) -> &'static str {
        match self {
            FieldKind::Lead | FieldKind::Coord | FieldKind::Executing => "; ",
            FieldKind::Product | FieldKind::Time => " ",
        }
    }
}

/// The letters plans number tasks with, in order (no f, j, w, z; đ after d).
pub const LETTERS: [&str; 23] = [
    "a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t",
    "u", "v", "x", "y",
];

/// The letters Word's automatic numbering uses: a … z.
pub const LATIN: [&str; 26] = [
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s",
    "t", "u", "v", "w", "x", "y", "z",
];

/// A task's letter: Vietnamese (with đ) or Latin.
fn is_letter(l: &str) -> bool {
    LETTERS.contains(&l) || LATIN.contains(&l)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Before,
    Tasks,
    After,
}

/// Reads the blocks of a plan document.
pub fn read_layout(blocks: &[Block]) -> RawPlan {
    let heading = tasks_heading(blocks);
    let mut p = Parser {
        plan: RawPlan {
            section_found: heading.is_some(),
            ..RawPlan::default()
        },
        section: if heading.is_some() {
            Section::Before
        } else {
            Section::Tasks
        },
        heading,
        line_no: 0,
        after_ke_hoach: false,
        title_open: false,
        in_field: false,
    };
    for block in blocks {
        match block {
            Block::Para(text) => {
                for line in text.split('\n') {
                    p.line(line);
                }
            }
            Block::Table(rows) => match columns(rows) {
                Some((header, cols)) if p.section != Section::After => {
                    for row in &rows[header + 1..] {
                        p.row(&cols, row);
                    }
                }
                _ => {
                    for cell in rows.iter().flatten() {
                        for line in cell.split('\n') {
                            p.line(line);
                        }
                    }
                }
            },
        }
    }
    p.plan
}

/// The line number (counting every line and table cell line) of the tasks' section heading:
/// "II." naming "nhiệm vụ", else the first roman heading naming "nhiệm vụ", else "II.".
fn tasks_heading(blocks: &[Block]) -> Option<usize> {
    let mut headings = Vec::new();
    let mut n = 0;
    let mut visit = |line: &str| {
        n += 1;
        if let Some((numeral, rest)) = roman_heading(line) {
            headings.push((n, numeral, fold(&rest).contains("nhiệm vụ")));
        }
    };
    for block in blocks {
        match block {
            Block::Para(text) => text.split('\n').for_each(&mut visit),
            Block::Table(rows) if columns(rows).is_none() => rows
                .iter()
                .flatten()
                .flat_map(|c| c.split('\n'))
                .for_each(&mut visit),
            Block::Table(_) => {}
        }
    }
    headings
        .iter()
        .find(|h| h.1 == "II" && h.2)
        .or_else(|| headings.iter().find(|h| h.2))
        .or_else(|| headings.iter().find(|h| h.1 == "II"))
        .map(|h| h.0)
}

struct Parser {
    plan: RawPlan,
    section: Section,
    heading: Option<usize>,
    line_no: usize,
    /// The previous line was "KẾ HOẠCH": this one is the title.
    after_ke_hoach: bool,
    /// The previous line was the title: a line in lower case after it continues it.
    title_open: bool,
    /// The last line was a field's: a continuation line belongs to it.
    in_field: bool,
}

impl Parser {
    fn line(&mut self, raw: &str) {
        self.line_no += 1;
        let line = squash(raw);
        if line.is_empty() {
            return;
        }
        if roman_heading(&line).is_some() {
            if Some(self.line_no) == self.heading {
                self.section = Section::Tasks;
            } else if self.section == Section::Tasks && self.heading.is_some() {
                self.section = Section::After;
            }
            return;
        }
        if (self.section == Section::Before
            || (self.section == Section::Tasks && self.plan.areas.is_empty()))
            && self.header(&line)
        {
            return;
        }
        if self.section == Section::Tasks {
            self.task_line(&line);
        }
    }

    /// The number and title lines of the document's heading; true when `line` was one.
    fn header(&mut self, line: &str) -> bool {
        if std::mem::take(&mut self.after_ke_hoach) && self.plan.title.is_none() {
            self.plan.title = Some(line.trim_end_matches('.').trim().to_string());
            self.title_open = true;
            return true;
        }
        // A title on two lines: the second starts in lower case ("năm 2025").
        if std::mem::take(&mut self.title_open)
            && line.starts_with(char::is_lowercase)
            && let Some(title) = &mut self.plan.title
        {
            title.push(' ');
            title.push_str(line.trim_end_matches('.').trim());
            return true;
        }
        let folded = fold(line);
        if folded == "kế hoạch" {
            self.after_ke_hoach = true;
            return true;
        }
        // "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025" on one line: the rest is the title.
        if self.plan.title.is_none()
            && let Some(rest) = line.strip_prefix("KẾ HOẠCH ")
            && !rest.chars().any(char::is_lowercase)
        {
            self.plan.title = Some(rest.trim().to_string());
            return true;
        }
        if self.plan.number.is_none()
            && let Some((label, value)) = line.split_once(':')
            && fold(label) == "số"
        {
            self.plan.number = Some(value.trim().to_string());
            return true;
        }
        false
    }

    fn task_line(&mut self, line: &str) {
        if let Some((id, name)) = area_heading(line) {
            self.plan.areas.push(RawArea {
                id,
                name,
                tasks: Vec::new(),
            });
            self.in_field = false;
            return;
        }
        let body = strip_bullet(line);
        if let Some((letter, content)) = task_label(body) {
            self.new_task(Label::Letter(letter), content.to_string());
            return;
        }
        if let Some(field) = field_line(body) {
            match self.current_task() {
                Some(task) => {
                    task.fields.push(field);
                    self.in_field = true;
                }
                None => self.stray(line),
            }
            return;
        }
        let in_field = self.in_field;
        match self.current_task() {
            Some(task) if in_field => {
                let last = task.fields.last_mut().expect("a field was read");
                append(&mut last.value, line, last.kind.joiner());
            }
            Some(task) => append(&mut task.content, line, " "),
            None => self.stray(line),
        }
    }

    /// One row of a task table.
    fn row(&mut self, cols: &Columns, row: &[String]) {
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.get(i))
                .map(|c| c.trim())
                .unwrap_or_default()
        };
        let numbering = row.iter().all(|c| {
            let c = c.trim().trim_start_matches('(').trim_end_matches(')');
            c.is_empty() || c.chars().all(|ch| ch.is_ascii_digit())
        });
        if numbering {
            return;
        }
        let stt = squash(cell(cols.stt));
        let task = cell(Some(cols.task));
        let fields: Vec<RawField> = cols
            .fields
            .iter()
            .filter_map(|&(kind, i, ref label)| {
                let value = join_cell(cell(Some(i)), kind.joiner());
                (!value.is_empty()).then(|| RawField {
                    kind,
                    label: label.clone(),
                    value,
                })
            })
            .collect();
        if fields.is_empty() {
            // An area: its number and name, in one cell or two.
            let text = squash(&format!("{stt} {}", join_cell(task, " ")));
            if let Some((id, name)) = area_heading(&text).or_else(|| area_row(&stt, task)) {
                self.plan.areas.push(RawArea {
                    id,
                    name,
                    tasks: Vec::new(),
                });
            } else if !text.is_empty() {
                self.stray(&text);
            }
            return;
        }
        let letter = stt.trim_end_matches([')', '.']).to_string();
        let label = if is_letter(&letter) {
            Label::Letter(letter)
        } else if stt.is_empty() {
            Label::None
        } else {
            Label::Other(stt)
        };
        self.new_task(label, join_cell(task, " "));
        if let Some(t) = self.current_task() {
            t.fields = fields;
        }
        self.in_field = false;
    }

    fn new_task(&mut self, label: Label, content: String) {
        if self.plan.areas.is_empty() {
            self.plan.areas.push(RawArea {
                id: "1".into(),
                name: String::new(),
                tasks: Vec::new(),
            });
        }
        let area = self.plan.areas.last_mut().expect("an area");
        area.tasks.push(RawTask {
            label,
            content: squash(&content),
            fields: Vec::new(),
        });
        self.in_field = false;
    }

    fn current_task(&mut self) -> Option<&mut RawTask> {
        self.plan.areas.last_mut()?.tasks.last_mut()
    }

    fn stray(&mut self, line: &str) {
        let area = self.plan.areas.last().map(|a| a.id.clone());
        self.plan.stray.push((area, line.to_string()));
    }
}

/// Appends a continuation line; after a line that ends in a separator, with a space.
fn append(to: &mut String, line: &str, joiner: &str) {
    if to.ends_with([';', ',', ':']) {
        to.push(' ');
    } else if !to.is_empty() {
        to.push_str(joiner);
    }
    to.push_str(line);
}

/// A cell's lines joined: names with "; ", text with a space.
fn join_cell(cell: &str, joiner: &str) -> String {
    cell.split('\n')
        .map(squash)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(joiner)
}

/// Whitespace collapsed to single spaces, trimmed.
pub fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercase, whitespace collapsed.
pub fn fold(s: &str) -> String {
    squash(&s.to_lowercase())
}

/// A bullet ("-", "–", "•", "+", "*") and the space after it taken off.
fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    match t.chars().next() {
        Some('-' | '–' | '—' | '•' | '+' | '*' | '·') => {
            t[t.chars().next().unwrap().len_utf8()..].trim_start()
        }
        _ => t,
    }
}

/// "a) text" → ("a", "text"): one letter of [`LETTERS`] or [`LATIN`] and ")".
fn task_label(line: &str) -> Option<(String, &str)> {
    let mut chars = line.char_indices();
    let (_, c) = chars.next()?;
    let (i, close) = chars.next()?;
    let letter = c.to_string();
    if close != ')' || !is_letter(&letter) {
        return None;
    }
    let rest = &line[i + 1..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((letter, rest.trim()))
}

/// "1. Cải cách thể chế:" → ("1", "Cải cách thể chế"): a number of one or two digits, "."
/// or ")", and a name that starts with a capital letter.
fn area_heading(line: &str) -> Option<(String, String)> {
    let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = line[digits.len()..].strip_prefix(['.', ')'])?;
    if !rest.starts_with(' ') {
        return None;
    }
    let name = rest.trim().trim_end_matches([':', '.']).trim();
    name.chars()
        .next()
        .filter(|c| c.is_uppercase())
        .map(|_| (digits.trim_start_matches('0').to_string(), name.to_string()))
}

/// A table's area row written as a roman or arabic number in STT and the name beside it.
fn area_row(stt: &str, name: &str) -> Option<(String, String)> {
    let stt = stt.trim_end_matches(['.', ')']);
    let id = if stt.chars().all(|c| c.is_ascii_digit()) && !stt.is_empty() {
        stt.trim_start_matches('0').to_string()
    } else {
        roman_value(stt)?.to_string()
    };
    let name = squash(name).trim_end_matches([':', '.']).trim().to_string();
    (!name.is_empty()).then_some((id, name))
}

fn roman_value(s: &str) -> Option<usize> {
    const NUMERALS: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
    NUMERALS.iter().position(|n| *n == s).map(|i| i + 1)
}

/// "II. NHIỆM VỤ CỤ THỂ" → ("II", "NHIỆM VỤ CỤ THỂ"): a roman numeral, a stop, and a title
/// mostly in capitals.
fn roman_heading(line: &str) -> Option<(String, String)> {
    let line = line.trim();
    let numeral: String = line
        .chars()
        .take_while(|c| matches!(c, 'I' | 'V' | 'X'))
        .collect();
    roman_value(&numeral)?;
    let rest = line[numeral.len()..].strip_prefix(['.', ':', '/', '-', ')'])?;
    let letters: Vec<char> = rest.chars().filter(|c| c.is_alphabetic()).collect();
    let upper = letters.iter().filter(|c| c.is_uppercase()).count();
    (letters.len() >= 3 && upper * 10 >= letters.len() * 6)
        .then(|| (numeral, rest.trim().to_string()))
}

/// "- Cơ quan chủ trì thực hiện: …": a short label that starts like a task's field, ":" and
/// the value.
fn field_line(line: &str) -> Option<RawField> {
    let (label, value) = line.split_once(':')?;
    if label.chars().count() > 60 {
        return None;
    }
    let kind = field_kind(label)?;
    Some(RawField {
        kind,
        label: squash(label),
        value: squash(value),
    })
}

/// The kind of a field label or table heading ("Thời gian hoàn thành" → time).
fn field_kind(label: &str) -> Option<FieldKind> {
    let f = fold(label);
    const STARTS: [&str; 10] = [
        "cơ quan",
        "đơn vị",
        "chủ trì",
        "phối hợp",
        "sản phẩm",
        "kết quả",
        "thời gian",
        "thời hạn",
        "tiến độ",
        "hoàn thành",
    ];
    if !STARTS.iter().any(|s| f.starts_with(s)) {
        return None;
    }
    if ["thời gian", "thời hạn", "tiến độ", "hoàn thành"]
        .iter()
        .any(|s| f.starts_with(s))
    {
        Some(FieldKind::Time)
    } else if f.starts_with("sản phẩm") || f.starts_with("kết quả") {
        Some(FieldKind::Product)
    } else if f.contains("chủ trì") {
        Some(FieldKind::Lead)
    } else if f.contains("phối hợp") {
        Some(FieldKind::Coord)
    } else if f.contains("thực hiện") {
        Some(FieldKind::Executing)
    } else {
        None
    }
}

/// The columns of a task table.
#[derive(Debug)]
struct Columns {
    stt: Option<usize>,
    task: usize,
    /// The field columns: kind, position, heading.
    fields: Vec<(FieldKind, usize, String)>,
}

/// The header row of a task table and its columns: a row with a "Nhiệm vụ" (or "Nội dung")
/// column and a lead ("chủ trì") or executing ("thực hiện") column.
fn columns(rows: &[Vec<String>]) -> Option<(usize, Columns)> {
    rows.iter().enumerate().take(3).find_map(|(r, row)| {
        let mut stt = None;
        let mut task = None;
        let mut fields = Vec::new();
        for (i, cell) in row.iter().enumerate() {
            let f = fold(cell);
            if f.is_empty() {
                continue;
            }
            if stt.is_none() && matches!(f.trim_end_matches('.'), "stt" | "tt" | "số tt") {
                stt = Some(i);
            } else if task.is_none() && (f.starts_with("nhiệm vụ") || f.starts_with("nội dung"))
            {
                task = Some(i);
            } else if let Some(kind) = field_kind(cell) {
                fields.push((kind, i, squash(cell)));
            }
        }
        let leads = fields
            .iter()
            .any(|f| matches!(f.0, FieldKind::Lead | FieldKind::Executing));
        match task {
            Some(task) if leads => Some((r, Columns { stt, task, fields })),
            _ => None,
        }
    })
}

#[cfg(test)]
mod tests;
