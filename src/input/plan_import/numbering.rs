//! Word's automatic numbering: the labels Word draws before a paragraph ("1.", "a)", "II.")
//! that its text does not hold. They are rebuilt from `word/numbering.xml` for paragraphs
//! with `w:numPr`, or whose style (`word/styles.xml`) has one, so that an auto-numbered plan
//! reads like a typed one (docs/nhap-ke-hoach.md).

use quick_xml::events::{BytesStart, Event};
use std::collections::HashMap;

/// One level of a list: its first number, number format and label pattern ("%1.", "%2)").
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
}

/// The lists of a document and the counters of the paragraphs numbered so far.
#[derive(Debug, Default)]
pub struct Numbering {
    /// `w:abstractNum` by id: its levels.
    abstracts: HashMap<String, Vec<Level>>,
    /// `w:num` by id: its abstract list and start overrides by level.
    nums: HashMap<String, (String, HashMap<usize, u32>)>,
    /// Styles that number their paragraphs: style id → (num id, level).
    styles: HashMap<String, (String, usize)>,
    /// The current number of each level, by num id (0: not used yet).
    counters: HashMap<String, [u32; 9]>,
}

/// A paragraph's numbering as `w:pPr` gives it.
#[derive(Debug, Clone, Default)]
pub struct ParaNum {
    pub num_id: Option<String>,
    pub level: Option<usize>,
    pub style: Option<String>,
}

fn val(e: &BytesStart) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == b"val")
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .map(|a| String::from_utf8_lossy(&a.value).into_owned())
}

impl Numbering {
    /// Reads `numbering.xml` and `styles.xml` (either may be missing or empty).
    pub fn read(numbering: &str, styles: &str) -> Numbering {
        let mut n = Numbering::default();
        n.read_lists(numbering);
        n.read_styles(styles);
        n
    }

    fn read_lists(&mut self, xml: &str) {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut abstract_id: Option<String> = None;
        let mut num_id: Option<String> = None;
        let mut level: Option<usize> = None;
        while let Ok(ev) = reader.read_event() {
            let (e, empty) = match ev {
                Event::Start(e) => (e, false),
                Event::Empty(e) => (e, true),
                Event::End(e) => {
                    match e.local_name().as_ref() {
                        b"abstractNum" => abstract_id = None,
                        b"num" => num_id = None,
                        b"lvl" | b"lvlOverride" => level = None,
                        _ => {}
                    }
                    continue;
                }
                Event::Eof => break,
                _ => continue,
            };
            match e.local_name().as_ref() {
                b"abstractNum" if !empty => abstract_id = attr(&e, b"abstractNumId"),
                b"num" if !empty => {
                    num_id = attr(&e, b"numId");
                    if let Some(id) = &num_id {
                        self.nums.entry(id.clone()).or_default();
                    }
                }
                b"lvl" | b"lvlOverride" if !empty => {
                    level = attr(&e, b"ilvl")
                        .and_then(|v| v.parse().ok())
                        .filter(|l| *l < 9);
                }
                name => self.list_element(name, &e, &abstract_id, &num_id, level),
            }
        }
    }

    /// An element inside `w:abstractNum` or `w:num`.
    fn list_element(
        &mut self,
        name: &[u8],
        e: &BytesStart,
        abstract_id: &Option<String>,
        num_id: &Option<String>,
        level: Option<usize>,
    ) {
        if let (Some(num), b"abstractNumId") = (num_id, name) {
            if let (Some(v), Some(entry)) = (val(e), self.nums.get_mut(num)) {
                entry.0 = v;
            }
            return;
        }
        if let (Some(num), Some(l), b"startOverride") = (num_id, level, name) {
            if let (Some(v), Some(entry)) =
                (val(e).and_then(|v| v.parse().ok()), self.nums.get_mut(num))
            {
                entry.1.insert(l, v);
            }
            return;
        }
        let (Some(id), Some(l)) = (abstract_id, level) else {
            return;
        };
        let levels = self.abstracts.entry(id.clone()).or_default();
        if levels.len() <= l {
            levels.resize(l + 1, Level::default());
        }
        let lvl = &mut levels[l];
        match name {
            b"start" => lvl.start = val(e).and_then(|v| v.parse().ok()).unwrap_or(1),
            b"numFmt" => lvl.format = val(e).unwrap_or_default(),
            b"lvlText" => lvl.text = val(e).unwrap_or_default(),
            _ => {}
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut reader = quick_xml::Reader::from_str(xml);
        let mut style: Option<String> = None;
        let mut num = ParaNum::default();
        while let Ok(ev) = reader.read_event() {
            match ev {
                Event::Start(e) if e.local_name().as_ref() == b"style" => {
                    style = attr(&e, b"styleId");
                    num = ParaNum::default();
                }
                Event::End(e) if e.local_name().as_ref() == b"style" => {
                    if let (Some(s), Some(id)) = (style.take(), num.num_id.take()) {
                        self.styles.insert(s, (id, num.level.unwrap_or(0)));
                    }
                }
                Event::Start(e) | Event::Empty(e) if style.is_some() => {
                    num.property(&e);
                }
                Event::Eof => break,
                _ => {}
            }
        }
    }

    /// The label Word draws before a paragraph, counting it; `None` when it has none.
    pub fn label(&mut self, p: &ParaNum) -> Option<String> {
        let from_style = p.style.as_ref().and_then(|s| self.styles.get(s)).cloned();
        let num_id = p
            .num_id
            .clone()
            .or_else(|| from_style.as_ref().map(|s| s.0.clone()))?;
        if num_id == "0" {
            return None;
        }
        let level = p
            .level
            .or_else(|| from_style.map(|s| s.1))
            .unwrap_or(0)
            .min(8);
        let (abstract_id, overrides) = self.nums.get(&num_id)?;
        let levels = self.abstracts.get(abstract_id)?;
        let counters = self.counters.entry(num_id.clone()).or_insert([0; 9]);
        let start = |l: usize| {
            overrides
                .get(&l)
                .copied()
                .or_else(|| levels.get(l).map(|x| x.start))
                .unwrap_or(1)
        };
        counters[level] = if counters[level] == 0 {
            start(level)
        } else {
            counters[level] + 1
        };
        for c in counters.iter_mut().skip(level + 1) {
            *c = 0;
        }
        let lvl = levels.get(level)?;
        if lvl.format == "bullet" {
            return Some("-".into());
        }
        if lvl.format == "none" {
            return None;
        }
        let mut label = lvl.text.clone();
        for l in (0..=level).rev() {
            let n = if counters[l] == 0 {
                start(l)
            } else {
                counters[l]
            };
            let fmt = levels.get(l).map_or("decimal", |x| x.format.as_str());
            label = label.replace(&format!("%{}", l + 1), &format_number(n, fmt));
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

impl ParaNum {
    /// Takes what an element inside `w:pPr` says about numbering.
    pub fn property(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"numId" => self.num_id = val(e),
            b"ilvl" => self.level = val(e).and_then(|v| v.parse().ok()),
            b"pStyle" => self.style = val(e),
            _ => {}
        }
    }
}

/// A number as Word writes it in a list format.
fn format_number(n: u32, format: &str) -> String {
    match format {
        "lowerLetter" => letters(n),
        "upperLetter" => letters(n).to_uppercase(),
        "lowerRoman" => crate::text::roman(n).to_lowercase(),
        "upperRoman" => crate::text::roman(n),
        "decimalZero" => format!("{n:02}"),
        _ => n.to_string(),
    }
}

/// Word's letters: a … z, then aa … zz, and so on.
fn letters(n: u32) -> String {
    if n == 0 {
        return String::new();
    }
    let letter = char::from(b'a' + ((n - 1) % 26) as u8);
    std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LISTS: &str = r#"<w:numbering xmlns:w="w">
        <w:abstractNum w:abstractNumId="7">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="8">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        </w:abstractNum>
        <w:abstractNum w:abstractNumId="9">
          <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val=""/></w:lvl>
        </w:abstractNum>
        <w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num>
        <w:num w:numId="2"><w:abstractNumId w:val="8"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="2"/></w:lvlOverride></w:num>
        <w:num w:numId="3"><w:abstractNumId w:val="9"/></w:num>
      </w:numbering>"#;

    const STYLES: &str = r#"<w:styles xmlns:w="w"><w:style w:styleId="Muc"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style></w:styles>"#;

    fn num(id: &str, level: usize) -> ParaNum {
        ParaNum {
            num_id: Some(id.into()),
            level: Some(level),
            style: None,
        }
    }

    #[test]
    fn labels_as_word_draws_them() {
        let mut n = Numbering::read(LISTS, STYLES);
        let got: Vec<Option<String>> = [
            num("1", 0),
            num("1", 1),
            num("1", 1),
            num("1", 0),
            num("1", 1),
            num("3", 0),
            num("0", 0),
        ]
        .iter()
        .map(|p| n.label(p))
        .collect();
        let want = [
            Some("1."),
            Some("a)"),
            Some("b)"),
            Some("2."),
            Some("a)"),
            Some("-"),
            None,
        ];
        assert_eq!(got, want.map(|s| s.map(String::from)));
        let styled = ParaNum {
            style: Some("Muc".into()),
            ..ParaNum::default()
        };
        assert_eq!(n.label(&styled).as_deref(), Some("II."));
        assert_eq!(n.label(&styled).as_deref(), Some("III."));
        assert_eq!(n.label(&ParaNum::default()), None);
    }

    #[test]
    fn number_formats() {
        assert_eq!(letters(1), "a");
        assert_eq!(letters(27), "aa");
        assert_eq!(crate::text::roman(14), "XIV");
        assert_eq!(format_number(4, "upperRoman"), "IV");
        assert_eq!(format_number(3, "decimalZero"), "03");
    }
}
