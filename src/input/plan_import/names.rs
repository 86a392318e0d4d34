//! Unit names as a plan writes them ("Phòng Tư pháp và các cơ quan, đơn vị thành phố; UBND
//! xã, phường") to registry references: the text is cut at ";", "," and "và", the longest run
//! of pieces that is a unit's or group's `ten` or `ten_khac` is taken, and what is left is
//! kept as text (`chu_tri_khac`, `phoi_hop_khac`) with the closest names for the review list.
//! Names are compared normalised: see [`name_key`] and docs/nhap-ke-hoach.md.

use crate::model::registry::{Registry, UnitRef};
use std::collections::HashMap;

/// The most pieces (cut at ",", "và") one name spans, and the longest name compared for
/// suggestions: bounds that keep a hostile document from making the matching quadratic.
const MAX_PIECES: usize = 16;
const MAX_NAME: usize = 200;

/// Every name of the registry's units and groups, by normalised key.
pub struct NameIndex<'r> {
    reg: &'r Registry,
    keys: HashMap<String, Vec<UnitRef>>,
    /// (key, reference) of every name, for suggestions.
    all: Vec<(String, UnitRef)>,
}

impl<'r> NameIndex<'r> {
    pub fn new(reg: &'r Registry) -> NameIndex<'r> {
        let mut all = Vec::new();
        for (i, u) in reg.units().iter().enumerate() {
            let r = UnitRef::Unit(crate::model::ids::UnitIdx::new(i));
            for name in std::iter::once(&u.name).chain(&u.other_names) {
                all.push((name_key(name), r));
            }
        }
        for (i, g) in reg.groups().iter().enumerate() {
            let r = UnitRef::Group(crate::model::ids::GroupIdx::new(i));
            for name in std::iter::once(&g.name).chain(&g.other_names) {
                all.push((name_key(name), r));
            }
        }
        let mut keys: HashMap<String, Vec<UnitRef>> = HashMap::new();
        for (k, r) in &all {
            let refs = keys.entry(k.clone()).or_default();
            if !refs.contains(r) {
                refs.push(*r);
            }
        }
        NameIndex { reg, keys, all }
    }

    /// The references whose names normalise like `text` (more than one: an ambiguous name).
    fn lookup(&self, text: &str) -> Option<&[UnitRef]> {
        self.keys.get(&name_key(text)).map(Vec::as_slice)
    }

    /// How a reference is written in the plan file: a unit's id, or "@" and a group's id.
    pub fn id(&self, r: UnitRef) -> String {
        match r {
            UnitRef::Unit(u) => self.reg[u].id.clone(),
            UnitRef::Group(g) => format!("@{}", self.reg[g].id),
        }
    }

    /// "Phòng Tư pháp (phong-tu-phap)".
    pub fn describe(&self, r: UnitRef) -> String {
        format!("{} ({})", self.reg.ref_name(r), self.id(r))
    }

    /// Up to three registry names closest to `text`, each reference once, closest first.
    pub fn closest(&self, text: &str) -> Vec<String> {
        // Names are short: a long text is cut, so that comparing stays cheap.
        let key: String = name_key(text).chars().take(MAX_NAME).collect();
        let mut scored: Vec<(f64, UnitRef)> = self
            .all
            .iter()
            .map(|(k, r)| {
                let s = strsim::sorensen_dice(&key, k).max(strsim::normalized_levenshtein(&key, k));
                (s, *r)
            })
            .filter(|(s, _)| *s >= 0.4)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut out: Vec<UnitRef> = Vec::new();
        for (_, r) in scored {
            if !out.contains(&r) {
                out.push(r);
            }
            if out.len() == 3 {
                break;
            }
        }
        out.into_iter().map(|r| self.describe(r)).collect()
    }
}

/// The normalised form names are compared in: NFC, lowercase, old-style tone marks in the
/// new style ("uỷ" = "ủy", "hoá" = "hóa"), "Ủy ban nhân dân" = "UBND", "Hội đồng nhân dân" =
/// "HĐND", "thủ tục hành chính" = "TTHC", "TP." = "thành phố", "&" = "và", every dash alike,
/// commas, stops and other punctuation left out, a leading "các" left out.
pub fn name_key(s: &str) -> String {
    let mut t = crate::text::nfc_str(s).to_lowercase();
    const TONES: [(&str, &str); 15] = [
        ("oà", "òa"),
        ("oá", "óa"),
        ("oả", "ỏa"),
        ("oã", "õa"),
        ("oạ", "ọa"),
        ("oè", "òe"),
        ("oé", "óe"),
        ("oẻ", "ỏe"),
        ("oẽ", "õe"),
        ("oẹ", "ọe"),
        ("uỳ", "ùy"),
        ("uý", "úy"),
        ("uỷ", "ủy"),
        ("uỹ", "ũy"),
        ("uỵ", "ụy"),
    ];
    for (old, new) in TONES {
        if t.contains(old) {
            t = t.replace(old, new);
        }
    }
    let spaced: String = t
        .chars()
        .map(|c| match c {
            '&' => " và ".to_string(),
            '-' | '–' | '—' | '‐' | '‑' => " - ".to_string(),
            c if c.is_alphanumeric() => c.to_string(),
            _ => " ".to_string(),
        })
        .collect();
    let mut words: Vec<&str> = spaced.split_whitespace().collect();
    const PHRASES: [(&[&str], &[&str]); 4] = [
        (&["ủy", "ban", "nhân", "dân"], &["ubnd"]),
        (&["hội", "đồng", "nhân", "dân"], &["hđnd"]),
        (&["thủ", "tục", "hành", "chính"], &["tthc"]),
        (&["tp"], &["thành", "phố"]),
    ];
    for (long, short) in PHRASES {
        let mut i = 0;
        while i + long.len() <= words.len() {
            if words[i..i + long.len()] == *long {
                words.splice(i..i + long.len(), short.iter().copied());
                i += short.len();
            } else {
                i += 1;
            }
        }
    }
    if words.first() == Some(&"các") {
        words.remove(0);
    }
    words.join(" ")
}

/// What a names field gave.
#[derive(Debug, Default)]
pub struct Matched {
    /// The references found, in the order written, each once.
    pub refs: Vec<UnitRef>,
    /// What is not in the registry, as written (first letter in capitals), for `*_khac`.
    pub other: Option<String>,
    /// The phrases of `other`, each with whether it names units in general ("Các cơ quan có
    /// liên quan") and the closest registry names.
    pub unmatched: Vec<Unmatched>,
    /// Lead phrases "X liên quan" read as the group or unit X.
    pub related: Vec<(String, UnitRef)>,
    /// Names that fit more than one unit or group, and those.
    pub ambiguous: Vec<(String, Vec<String>)>,
}

#[derive(Debug)]
pub struct Unmatched {
    pub text: String,
    pub generic: bool,
    pub closest: Vec<String>,
}

/// A piece of a names field: byte range in the field's text.
type Piece = (usize, usize);

/// Reads a names field. For lead units (`lead`), a phrase ending in "(có) liên quan" that is
/// not a name itself is read as the name before it ("Các cơ quan chuyên môn liên quan" → the
/// group of specialised agencies), since a task needs someone to lead it.
pub fn match_names(index: &NameIndex, text: &str, lead: bool) -> Matched {
    let text = text.trim().trim_end_matches(['.', ';', ',']).trim_end();
    let mut m = Matched::default();
    let mut runs: Vec<Vec<Piece>> = Vec::new();
    for segment in segments(text) {
        let general = general_phrases(text, &segment);
        let mut next_general = general.iter().peekable();
        let mut run: Vec<Piece> = Vec::new();
        let mut i = 0;
        while i < segment.len() {
            // A phrase "các …, … (có) liên quan" is one phrase: no name is read inside it
            // (for a lead, it may name a group as a whole). Names before it end before it.
            while next_general.next_if(|g| g.1 < i).is_some() {}
            let (end, whole) = match next_general.peek() {
                Some(&&(s, e)) if s <= i => (e + 1, true),
                Some(&&(s, _)) => (s, false),
                None => (segment.len(), false),
            };
            let found = if whole && !lead {
                None
            } else {
                longest_name(index, text, &segment[i..end], lead, whole, &mut m)
            };
            match found {
                Some(taken) => {
                    if !run.is_empty() {
                        runs.push(std::mem::take(&mut run));
                    }
                    i += taken;
                }
                None if whole => {
                    run.extend_from_slice(&segment[i..end]);
                    i = end;
                }
                None => {
                    run.push(segment[i]);
                    i += 1;
                }
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
    }
    let mut other: Vec<String> = Vec::new();
    for run in &runs {
        let written = tidy(&text[run[0].0..run[run.len() - 1].1]);
        if written.is_empty() {
            continue;
        }
        other.push(written);
        for phrase in phrases(text, run) {
            let generic = is_generic(&phrase);
            let closest = if generic {
                Vec::new()
            } else {
                index.closest(&phrase)
            };
            m.unmatched.push(Unmatched {
                text: phrase,
                generic,
                closest,
            });
        }
    }
    if !other.is_empty() {
        m.other = Some(capitalise(&other.join(", ")));
    }
    m
}

/// The longest run of pieces at the start of `pieces` that is a name (with `whole`, only all
/// of them); adds its reference to `m` and returns how many pieces it took.
fn longest_name(
    index: &NameIndex,
    text: &str,
    pieces: &[Piece],
    lead: bool,
    whole: bool,
    m: &mut Matched,
) -> Option<usize> {
    let shortest = if whole { pieces.len() } else { 1 };
    let longest = if whole {
        pieces.len()
    } else {
        pieces.len().min(MAX_PIECES)
    };
    if whole && pieces.len() > MAX_PIECES {
        return None;
    }
    for j in (shortest..=longest).rev() {
        let span = &text[pieces[0].0..pieces[j - 1].1];
        let (refs, related) = match index.lookup(span) {
            Some(refs) => (refs, false),
            None => match strip_related(span)
                .filter(|_| lead)
                .and_then(|s| index.lookup(s))
            {
                Some(refs) => (refs, true),
                None => continue,
            },
        };
        if refs.len() > 1 {
            m.ambiguous.push((
                tidy(span),
                refs.iter().map(|r| index.describe(*r)).collect(),
            ));
            return None;
        }
        let r = refs[0];
        if related {
            m.related.push((tidy(span), r));
        }
        if !m.refs.contains(&r) {
            m.refs.push(r);
        }
        return Some(j);
    }
    None
}

/// The phrases of a segment that name units in general and end in "liên quan" ("các cơ
/// quan, đơn vị, địa phương có liên quan"): from the last piece before that starts with
/// "các" or "những" to the piece with "liên quan", as piece positions (inclusive).
fn general_phrases(text: &str, segment: &[Piece]) -> Vec<(usize, usize)> {
    let lower = |k: usize| text[segment[k].0..segment[k].1].to_lowercase();
    let mut out = Vec::new();
    for k in 0..segment.len() {
        if !lower(k).contains("liên quan") {
            continue;
        }
        let start = (0..=k)
            .rev()
            .take(MAX_PIECES)
            .take_while(|&s| out.last().is_none_or(|&(_, e)| s > e))
            .find(|&s| {
                let w = lower(s);
                w.starts_with("các ") || w.starts_with("những ")
            });
        if let Some(s) = start {
            out.push((s, k));
        }
    }
    out
}

/// The field cut at ";" (and line breaks) into segments, each cut at "," and the word "và"
/// into pieces (byte ranges, separators left out).
fn segments(text: &str) -> Vec<Vec<Piece>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ';')))
    {
        if c == ';' || c == '\n' {
            let pieces = pieces(text, start, i);
            if !pieces.is_empty() {
                out.push(pieces);
            }
            start = i + c.len_utf8();
        }
    }
    out
}

fn pieces(text: &str, from: usize, to: usize) -> Vec<Piece> {
    let seg = &text[from..to];
    let lower = seg.to_lowercase();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    for (i, c) in seg.char_indices() {
        if c == ',' {
            cuts.push((i, i + 1));
        }
    }
    // " và " as a word; lowercasing keeps the byte offsets of Vietnamese letters.
    if lower.len() == seg.len() {
        let mut at = 0;
        while let Some(p) = lower[at..].find(" và ") {
            cuts.push((at + p, at + p + " và ".len()));
            at += p + " và ".len();
        }
    }
    cuts.sort();
    let mut out = Vec::new();
    let mut start = 0;
    for (a, b) in cuts
        .into_iter()
        .chain(std::iter::once((seg.len(), seg.len())))
    {
        if a < start {
            continue;
        }
        let (s, e) = trim_range(seg, start, a);
        if s < e {
            out.push((from + s, from + e));
        }
        start = b;
    }
    out
}

fn trim_range(s: &str, a: usize, b: usize) -> (usize, usize) {
    let piece = &s[a..b];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    (a + lead, (b - trail).max(a + lead))
}

/// A run of unmatched pieces cut where a piece starts with "các" or "những": "Ban Pháp chế
/// HĐND thành phố, các cơ quan, đơn vị có liên quan" → two phrases.
fn phrases(text: &str, run: &[Piece]) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    for k in 1..=run.len() {
        let new_phrase = k == run.len() || {
            let w = text[run[k].0..run[k].1].to_lowercase();
            w.starts_with("các ") || w.starts_with("những ")
        };
        if new_phrase {
            let p = tidy(&text[run[start].0..run[k - 1].1]);
            if !p.is_empty() {
                out.push(p);
            }
            start = k;
        }
    }
    out
}

/// Names units in general rather than one unit: "Các cơ quan, đơn vị có liên quan", "Các
/// cơ quan, đơn vị được kiểm tra".
fn is_generic(phrase: &str) -> bool {
    let f = phrase.to_lowercase();
    f.starts_with("các ") || f.starts_with("những ") || f.contains("liên quan")
}

/// "Các cơ quan chuyên môn liên quan" → "Các cơ quan chuyên môn" ("có liên quan" too).
fn strip_related(span: &str) -> Option<&str> {
    let lower = span.to_lowercase();
    if lower.len() != span.len() {
        return None;
    }
    let rest = lower.trim_end().strip_suffix("liên quan")?;
    let rest = rest.trim_end();
    let rest = rest.strip_suffix(" có").unwrap_or(rest).trim_end();
    (!rest.is_empty()).then(|| &span[..rest.len()])
}

/// Connecting words and punctuation taken off both ends.
fn tidy(s: &str) -> String {
    let mut t = s.trim().trim_matches([',', ';', '.', ':']).trim();
    while let Some(rest) = ["và ", "cùng "].iter().find_map(|w| strip_word(t, w)) {
        t = rest.trim_start();
    }
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(" ,", ",")
}

/// `t` without the lowercase word `w` it starts with, in any case.
fn strip_word<'t>(t: &'t str, w: &str) -> Option<&'t str> {
    let n = w.chars().count();
    let end = t.char_indices().nth(n).map_or(t.len(), |(i, _)| i);
    (t[..end].to_lowercase() == w).then(|| &t[end..])
}

/// The first letter in capitals.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
