//! A task's time limit as written ("Quý I/2024 ban hành các Kế hoạch; định kỳ báo cáo kết
//! quả thực hiện.") to `thoi_han`: the text kept verbatim in `mo_ta`, dated milestones where
//! the text allows, `thuong_xuyen` where it says the work recurs. Each rule is one function
//! below and one line of docs/nhap-ke-hoach.md; what no rule dates goes on the review list.

use crate::model::plan::{Milestone, TimeLimit};
use chrono::{Datelike, NaiveDate};

/// Which rule dated a milestone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// "ngày 31/01/2024", "31/01/2024", "ngày 31 tháng 01 năm 2024", "ngày 01/3" (plan year).
    Date,
    /// "quý I/2024", "quý I năm 2024", "trong quý II": the quarter's last day.
    Quarter,
    /// "tháng 6/2024", "tháng 12 năm 2024", "tháng 6 và tháng 12/2024": the month's last day.
    Month,
    /// "6 tháng đầu năm": 30/06; "9 tháng đầu năm": 30/09; "6 tháng cuối năm": 31/12.
    Months,
    /// "cuối năm 2024": 31/12.
    YearEnd,
    /// "hoàn thành trong năm 2024" (with "hoàn thành", "chậm nhất", "trước"): 31/12.
    WithinYear,
}

impl Rule {
    /// How the review list names the rule.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::Date => "ngày ghi trong văn bản",
            Rule::Quarter => "ngày cuối quý",
            Rule::Month => "ngày cuối tháng",
            Rule::Months => "ngày cuối của số tháng ghi trong văn bản",
            Rule::YearEnd => "ngày cuối năm",
            Rule::WithinYear => "hoàn thành trong năm: ngày cuối năm",
        }
    }
}

/// A milestone and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub date: NaiveDate,
    pub rule: Rule,
    /// The words that gave the date, as written.
    pub written: String,
    /// Whether the milestone's `viec` came from the time limit's own words (else from the
    /// task's content).
    pub what_from_text: bool,
}

/// A time limit read.
#[derive(Debug, Clone)]
pub struct Dated {
    pub limit: TimeLimit,
    /// One per milestone, in the milestones' order.
    pub readings: Vec<Reading>,
    /// The words that made the task recurring ("thường xuyên", "định kỳ", "trong năm").
    pub recurring_by: Option<String>,
    /// The milestones were sorted by date (the text gives them in another order).
    pub sorted: bool,
}

/// Words that make a task recurring (`thuong_xuyen: true`).
const RECURRING: [&str; 12] = [
    "thường xuyên",
    "định kỳ",
    "hằng quý",
    "hàng quý",
    "hằng tháng",
    "hàng tháng",
    "hằng năm",
    "hàng năm",
    "hằng tuần",
    "hàng tuần",
    "liên tục",
    "suốt năm",
];

/// Words that say the work must be done by then ("hoàn thành trong năm 2024").
const COMPLETION: [&str; 4] = ["hoàn thành", "chậm nhất", "trước", "xong"];

/// Reads a time limit; `year` is the plan's, used where the text gives no year; `content` is
/// the task's text, which names a milestone whose time limit says only when.
pub fn read_time_limit(text: &str, year: i32, content: &str) -> Dated {
    let text = text.trim();
    let lower = text.to_lowercase();
    let mut recurring_by = RECURRING
        .iter()
        .find(|w| lower.contains(**w))
        .map(|w| w.to_string());
    let mut found: Vec<(Milestone, Reading)> = Vec::new();
    for clause in clauses(text) {
        let toks = tokens(clause);
        let mut spans = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            match date_at(&toks, i, year, clause) {
                Some(Found::Date(date, rule, end)) => {
                    let start = extend_back(&toks, i);
                    spans.push((toks[start].start, toks[end - 1].end, date, rule));
                    i = end;
                }
                Some(Found::Recurring(end)) => {
                    recurring_by.get_or_insert_with(|| "trong năm".to_string());
                    i = end;
                }
                None => i += 1,
            }
        }
        let rest = what_is_left(clause, &spans);
        for (s, e, date, rule) in &spans {
            let (what, from_text) = match &rest {
                Some(w) => (w.clone(), true),
                None => (from_content(content), false),
            };
            found.push((
                Milestone { date: *date, what },
                Reading {
                    date: *date,
                    rule: *rule,
                    written: clause[*s..*e].trim().to_string(),
                    what_from_text: from_text,
                },
            ));
        }
    }
    let sorted = found.windows(2).any(|w| w[0].0.date > w[1].0.date);
    found.sort_by_key(|(m, _)| m.date);
    let (milestones, readings) = found.into_iter().unzip();
    Dated {
        limit: TimeLimit {
            text: text.to_string(),
            recurring: recurring_by.is_some(),
            milestones,
        },
        readings,
        recurring_by,
        sorted,
    }
}

/// The text cut at ";" and at a full stop that ends a sentence.
fn clauses(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let sentence_end = c == '.'
            && chars.get(k + 1).is_some_and(|x| x.1 == ' ')
            && chars.get(k + 2).is_some_and(|x| x.1.is_uppercase());
        if c == ';' || sentence_end {
            out.push(&text[start..i]);
            start = i + 1;
        }
    }
    out.push(&text[start..]);
    out.into_iter().filter(|c| !c.trim().is_empty()).collect()
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Word(String),
    Num(u32, usize),
    Punct(char),
}

#[derive(Debug, Clone)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

fn tokens(s: &str) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    for (i, c) in s.char_indices() {
        let end = i + c.len_utf8();
        let extend = out.last_mut().filter(|t| t.end == i).filter(|t| {
            matches!(
                (&t.kind, c.is_alphabetic(), c.is_ascii_digit()),
                (Kind::Word(_), true, _) | (Kind::Num(..), _, true)
            )
        });
        if let Some(t) = extend {
            t.end = end;
            match &mut t.kind {
                Kind::Word(w) => w.extend(c.to_lowercase()),
                Kind::Num(n, len) => {
                    *n = n
                        .saturating_mul(10)
                        .saturating_add(c.to_digit(10).unwrap_or(0));
                    *len += 1;
                }
                Kind::Punct(_) => {}
            }
            continue;
        }
        let kind = if c.is_alphabetic() {
            Kind::Word(c.to_lowercase().collect())
        } else if c.is_ascii_digit() {
            Kind::Num(c.to_digit(10).unwrap_or(0), 1)
        } else if c.is_whitespace() {
            continue;
        } else {
            Kind::Punct(c)
        };
        out.push(Tok {
            kind,
            start: i,
            end,
        });
    }
    out
}

fn word(toks: &[Tok], i: usize, w: &str) -> bool {
    matches!(toks.get(i), Some(Tok { kind: Kind::Word(x), .. }) if x == w)
}

fn num(toks: &[Tok], i: usize) -> Option<(u32, usize)> {
    match toks.get(i) {
        Some(Tok {
            kind: Kind::Num(n, len),
            ..
        }) => Some((*n, *len)),
        _ => None,
    }
}

fn punct(toks: &[Tok], i: usize) -> Option<char> {
    match toks.get(i) {
        Some(Tok {
            kind: Kind::Punct(c),
            ..
        }) => Some(*c),
        _ => None,
    }
}

/// A four-digit year from 2000 to 2099.
fn year_at(toks: &[Tok], i: usize) -> Option<i32> {
    num(toks, i)
        .filter(|&(n, len)| len == 4 && (2000..2100).contains(&n))
        .map(|(n, _)| n as i32)
}

/// "/2024" or "năm 2024" at `i`: the year and the index after it.
fn year_suffix(toks: &[Tok], i: usize) -> Option<(i32, usize)> {
    if punct(toks, i) == Some('/') || punct(toks, i) == Some('-') || word(toks, i, "năm") {
        year_at(toks, i + 1).map(|y| (y, i + 2))
    } else {
        None
    }
}

/// The first year written after token `i` in the clause ("tháng 6 và tháng 12/2024").
fn later_year(toks: &[Tok], i: usize) -> Option<i32> {
    // Within a few words: "tháng 6 và tháng 12/2024".
    (i..toks.len().min(i + 12)).find_map(|k| year_at(toks, k))
}

enum Found {
    Date(NaiveDate, Rule, usize),
    Recurring(usize),
}

/// A date expression starting at token `i`, by the first rule that reads one.
fn date_at(toks: &[Tok], i: usize, year: i32, clause: &str) -> Option<Found> {
    full_date(toks, i, year)
        .or_else(|| quarter(toks, i, year))
        .or_else(|| month(toks, i, year))
        .or_else(|| months(toks, i, year))
        .or_else(|| year_end(toks, i, year))
        .map(|(d, r, e)| Found::Date(d, r, e))
        .or_else(|| within_year(toks, i, year, clause))
}

/// Rule [`Rule::Date`].
fn full_date(toks: &[Tok], i: usize, year: i32) -> Option<(NaiveDate, Rule, usize)> {
    if word(toks, i, "ngày") && word(toks, i + 2, "tháng") && word(toks, i + 4, "năm") {
        let (d, _) = num(toks, i + 1)?;
        let (m, _) = num(toks, i + 3)?;
        let y = year_at(toks, i + 5)?;
        return NaiveDate::from_ymd_opt(y, m, d).map(|x| (x, Rule::Date, i + 6));
    }
    let (d, dl) = num(toks, i)?;
    let sep = punct(toks, i + 1).filter(|c| matches!(c, '/' | '-' | '.'))?;
    let (m, ml) = num(toks, i + 2)?;
    if dl > 2 || ml > 2 {
        return None;
    }
    if punct(toks, i + 3) == Some(sep)
        && let Some(y) = year_at(toks, i + 4)
    {
        return NaiveDate::from_ymd_opt(y, m, d).map(|x| (x, Rule::Date, i + 5));
    }
    // "ngày 01/3": a day and month after "ngày", in the plan's year.
    if i > 0 && word(toks, i - 1, "ngày") && sep == '/' {
        return NaiveDate::from_ymd_opt(year, m, d).map(|x| (x, Rule::Date, i + 3));
    }
    None
}

/// Rule [`Rule::Quarter`].
fn quarter(toks: &[Tok], i: usize, year: i32) -> Option<(NaiveDate, Rule, usize)> {
    if !word(toks, i, "quý") {
        return None;
    }
    let q = match toks.get(i + 1).map(|t| &t.kind) {
        Some(Kind::Word(w)) => ["i", "ii", "iii", "iv"].iter().position(|r| r == w)? as u32 + 1,
        Some(Kind::Num(n @ 1..=4, 1)) => *n,
        _ => return None,
    };
    let (y, end) =
        year_suffix(toks, i + 2).unwrap_or((later_year(toks, i + 2).unwrap_or(year), i + 2));
    month_end(y, q * 3).map(|d| (d, Rule::Quarter, end))
}

/// Rule [`Rule::Month`].
fn month(toks: &[Tok], i: usize, year: i32) -> Option<(NaiveDate, Rule, usize)> {
    if !word(toks, i, "tháng") || (i > 0 && num(toks, i - 1).is_some()) {
        return None;
    }
    let (m, len) = num(toks, i + 1)?;
    if len > 2 || !(1..=12).contains(&m) {
        return None;
    }
    let (y, end) =
        year_suffix(toks, i + 2).unwrap_or((later_year(toks, i + 2).unwrap_or(year), i + 2));
    month_end(y, m).map(|d| (d, Rule::Month, end))
}

/// Rule [`Rule::Months`]: "6 tháng đầu năm", "9 tháng đầu năm", "6 tháng cuối năm".
fn months(toks: &[Tok], i: usize, year: i32) -> Option<(NaiveDate, Rule, usize)> {
    let (n, _) = num(toks, i)?;
    if !word(toks, i + 1, "tháng") {
        return None;
    }
    // "6 tháng" alone is a duration; only "đầu năm" or "cuối năm" make it a date.
    let last = word(toks, i + 2, "cuối");
    if !(word(toks, i + 2, "đầu") || last) || !word(toks, i + 3, "năm") {
        return None;
    }
    let (y, end) = year_at(toks, i + 4).map_or((year, i + 4), |y| (y, i + 5));
    let m = match (n, last) {
        (6, false) => 6,
        (6, true) => 12,
        (9, false) => 9,
        _ => return None,
    };
    month_end(y, m).map(|d| (d, Rule::Months, end))
}

/// Rule [`Rule::YearEnd`].
fn year_end(toks: &[Tok], i: usize, year: i32) -> Option<(NaiveDate, Rule, usize)> {
    if !(word(toks, i, "cuối") && word(toks, i + 1, "năm")) {
        return None;
    }
    let (y, end) = year_at(toks, i + 2).map_or((year, i + 2), |y| (y, i + 3));
    NaiveDate::from_ymd_opt(y, 12, 31).map(|d| (d, Rule::YearEnd, end))
}

/// Rule [`Rule::WithinYear`] when the clause says the work must be finished; otherwise "trong
/// năm" makes the task recurring.
fn within_year(toks: &[Tok], i: usize, year: i32, clause: &str) -> Option<Found> {
    if !(word(toks, i, "trong") && word(toks, i + 1, "năm")) {
        return None;
    }
    let (y, end) = year_at(toks, i + 2).map_or((year, i + 2), |y| (y, i + 3));
    let before = clause[..toks[i].start].to_lowercase();
    if COMPLETION.iter().any(|w| before.contains(w)) {
        NaiveDate::from_ymd_opt(y, 12, 31).map(|d| Found::Date(d, Rule::WithinYear, end))
    } else {
        Some(Found::Recurring(end))
    }
}

fn month_end(year: i32, month: u32) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    }?;
    first_next.pred_opt()
}

/// Words before a date that belong to it: "chậm nhất là ngày", "trong", "hoàn thành".
const LEAD_IN: [&str; 12] = [
    "chậm", "nhất", "là", "ngày", "trong", "vào", "trước", "đến", "hạn", "hoàn", "thành", "xong",
];

fn extend_back(toks: &[Tok], mut i: usize) -> usize {
    while i > 0 && matches!(&toks[i - 1].kind, Kind::Word(w) if LEAD_IN.contains(&w.as_str())) {
        i -= 1;
    }
    i
}

/// The clause without its dates: what is due then ("ban hành các Kế hoạch"), first letter in
/// capitals; `None` when no word is left.
fn what_is_left(clause: &str, spans: &[(usize, usize, NaiveDate, Rule)]) -> Option<String> {
    let mut rest = String::new();
    let mut at = 0;
    for (s, e, ..) in spans {
        rest.push_str(&clause[at..*s]);
        rest.push(' ');
        at = *e;
    }
    rest.push_str(&clause[at..]);
    let words: Vec<&str> = rest.split_whitespace().collect();
    let mut a = 0;
    let mut b = words.len();
    let filler = |w: &str| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        w.is_empty() || LEAD_IN.contains(&w.as_str()) || w == "và"
    };
    while a < b && filler(words[a]) {
        a += 1;
    }
    while b > a && filler(words[b - 1]) {
        b -= 1;
    }
    let what = words[a..b]
        .join(" ")
        .trim_end_matches(['.', ',', ';', ':'])
        .to_string();
    what.chars()
        .any(char::is_alphabetic)
        .then(|| crate::input::plan_import::names::capitalise(&what))
}

/// A milestone's `viec` when the time limit names none: the task's first sentence.
fn from_content(content: &str) -> String {
    let first = content
        .split("; ")
        .next()
        .unwrap_or(content)
        .split(". ")
        .next()
        .unwrap_or(content);
    first.trim().trim_end_matches('.').to_string()
}

/// `dd/mm/yyyy`, as the review list shows dates.
pub fn show(d: NaiveDate) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests;
