//! Start tags: their attributes as ranges of the bytes, and the edits the post-pass makes to
//! them while the tree is built.

use super::PartKind;
use super::tree::{Elem, NS_MC, Ns, ParaIds, Piece, Tree, classify};
use quick_xml::name::{NamespaceResolver, QName};

/// One attribute of a start tag, as ranges into the tag.
pub(super) struct Attr {
    /// From the whitespace before the name to the closing quote.
    pub(super) full: (usize, usize),
    pub(super) key: (usize, usize),
    pub(super) value: (usize, usize),
}

/// The attributes of a start tag whose name is `name_len` bytes long. Stops quietly at
/// anything malformed (quick-xml has checked the markup structure already).
pub(super) fn scan_attrs(tag: &[u8], name_len: usize) -> Vec<Attr> {
    let mut attrs = Vec::new();
    let mut i = 1 + name_len;
    let is_space = |c: u8| matches!(c, b' ' | b'\t' | b'\r' | b'\n');
    loop {
        let full_start = i;
        while tag.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        let key_start = i;
        while tag
            .get(i)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'=' | b'/' | b'>'))
        {
            i += 1;
        }
        if i == key_start {
            return attrs;
        }
        let key = (key_start, i);
        while tag.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            return attrs;
        }
        i += 1;
        while tag.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        let Some(&quote @ (b'"' | b'\'')) = tag.get(i) else {
            return attrs;
        };
        let value_start = i + 1;
        let Some(len) = tag[value_start..].iter().position(|&c| c == quote) else {
            return attrs;
        };
        i = value_start + len + 1;
        attrs.push(Attr {
            full: (full_start, i),
            key,
            value: (value_start, value_start + len),
        });
    }
}

/// Replaces ranges of `tag` (sorted, not overlapping) with new bytes.
pub(super) fn apply_edits(tag: &[u8], edits: &[((usize, usize), Vec<u8>)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(tag.len() + 16);
    let mut at = 0;
    for ((from, to), with) in edits {
        out.extend_from_slice(&tag[at..*from]);
        out.extend_from_slice(with);
        at = *to;
    }
    out.extend_from_slice(&tag[at..]);
    out
}

pub(super) fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

pub(super) fn escape_text(s: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b'&' => out.extend_from_slice(b"&amp;"),
            b'<' => out.extend_from_slice(b"&lt;"),
            b'>' => out.extend_from_slice(b"&gt;"),
            _ => out.push(b),
        }
    }
    out
}

/// Where a start tag is in the part, and what the reader learnt of it.
pub(super) struct StartTag {
    pub(super) from: usize,
    pub(super) to: usize,
    pub(super) name_len: usize,
    pub(super) ns: Ns,
    /// `<x/>`.
    pub(super) empty: bool,
}

/// A start tag's bytes with the namespace bindings in scope, to resolve its attributes.
pub(super) struct TagView<'t> {
    pub(super) tag: &'t [u8],
    pub(super) name_len: usize,
    pub(super) resolver: &'t NamespaceResolver,
}

impl TagView<'_> {
    /// The namespace and local name of the attribute whose key is at `key`.
    pub(super) fn resolve(&self, key: (usize, usize)) -> (Ns, &[u8]) {
        let (res, local) = self
            .resolver
            .resolve_attribute(QName(&self.tag[key.0..key.1]));
        (classify(&res), local.into_inner())
    }

    /// `<w:trHeight w:val="1" w:hRule="auto"/>`: the header-row sentinel.
    pub(super) fn is_header_sentinel(&self) -> bool {
        let attrs = scan_attrs(self.tag, self.name_len);
        let is = |a: &Attr, name: &[u8], value: &[u8]| {
            self.resolve(a.key) == (Ns::W, name) && &self.tag[a.value.0..a.value.1] == value
        };
        attrs.len() == 2
            && attrs.iter().any(|a| is(a, b"val", b"1"))
            && attrs.iter().any(|a| is(a, b"hRule", b"auto"))
    }
}

impl Tree<'_> {
    /// The element a start tag opens, with the tag edited where it must be: `gridCol/@w:type`
    /// dropped, the header-row sentinel turned into `<w:tblHeader />`, the braces of
    /// `w15:docId` un-doubled, paraIds renumbered; and, in `word/settings.xml`, what
    /// [`SettingsInfo`] records.
    pub(super) fn start_element(
        &mut self,
        start: &StartTag,
        resolver: &NamespaceResolver,
        stack: &[usize],
        kind: PartKind,
        para_ids: &mut ParaIds,
    ) -> Elem {
        let tag = &self.src[start.from..start.to];
        let view = TagView {
            tag,
            name_len: start.name_len,
            resolver,
        };
        let qname = &tag[1..1 + start.name_len];
        let local_at = qname.iter().position(|&c| c == b':').map_or(0, |i| i + 1);
        let local = &qname[local_at..];
        let parent_is_trpr = stack
            .last()
            .and_then(|&p| self.elem(p))
            .is_some_and(|p| p.ns == Ns::W && self.local(p) == b"trPr");
        let wml = matches!(kind, PartKind::Wml { .. });
        let mut edits: Vec<((usize, usize), Vec<u8>)> = Vec::new();
        if wml && start.ns == Ns::W && local == b"gridCol" {
            // CT_TblGridCol declares only w:w; docx-rs adds w:type="dxa".
            for a in scan_attrs(tag, start.name_len) {
                if view.resolve(a.key) == (Ns::W, b"type".as_slice()) {
                    edits.push((a.full, Vec::new()));
                }
            }
        }
        let sentinel = wml
            && start.empty
            && start.ns == Ns::W
            && local == b"trHeight"
            && parent_is_trpr
            && view.is_header_sentinel();
        if kind == (PartKind::Wml { settings: true }) {
            let root = stack.is_empty();
            edits.extend(self.scan_settings(&view, start.ns, local, local_at, root));
        }
        if kind != PartKind::Core && find(tag, b"paraId").is_some() {
            for a in scan_attrs(tag, start.name_len) {
                let (attr_ns, attr_local) = view.resolve(a.key);
                if attr_ns == Ns::WordExt && matches!(attr_local, b"paraId" | b"paraIdParent") {
                    let new = para_ids.renumber(&tag[a.value.0..a.value.1]);
                    edits.push((a.value, new));
                }
            }
        }
        let name_span = Piece::Span(start.from + 1, start.from + 1 + start.name_len);
        let (start_piece, name) = if sentinel {
            let name = [&qname[..local_at], b"tblHeader".as_slice()].concat();
            let new_tag = [b"<".as_slice(), &name, b" />"].concat();
            (Piece::Owned(new_tag.into()), Piece::Owned(name.into()))
        } else if edits.is_empty() {
            (Piece::Span(start.from, start.to), name_span)
        } else {
            edits.sort_by_key(|(range, _)| *range);
            (Piece::Owned(apply_edits(tag, &edits).into()), name_span)
        };
        Elem {
            ns: start.ns,
            name,
            local_at,
            start: start_piece,
            empty: start.empty,
            end: None,
            children: Vec::new(),
        }
    }

    /// What a start tag of `word/settings.xml` tells: the root's markup-compatibility prefix
    /// and `mc:Ignorable`, the prefixes of Word's extension namespaces used; returns the
    /// edit that un-doubles the braces docx-rs writes around the id of `w15:docId`.
    fn scan_settings(
        &mut self,
        view: &TagView,
        ns: Ns,
        local: &[u8],
        local_at: usize,
        root: bool,
    ) -> Vec<((usize, usize), Vec<u8>)> {
        let tag = view.tag;
        let mut edits = Vec::new();
        if root {
            for a in scan_attrs(tag, view.name_len) {
                let key = &tag[a.key.0..a.key.1];
                let value = &tag[a.value.0..a.value.1];
                if let Some(prefix) = key.strip_prefix(b"xmlns:")
                    && value == NS_MC
                {
                    self.settings.mc_prefix = Some(prefix.to_vec());
                } else if view.resolve(a.key) == (Ns::Mc, b"Ignorable".as_slice()) {
                    self.settings.ignorable = Some(a.value);
                }
            }
        }
        if ns == Ns::WordExt && local_at > 0 {
            let prefix = &tag[1..local_at];
            self.settings.ext_prefixes.insert(prefix.to_vec());
        }
        for a in scan_attrs(tag, view.name_len) {
            let key = &tag[a.key.0..a.key.1];
            if key.starts_with(b"xmlns") {
                continue;
            }
            let (attr_ns, attr_local) = view.resolve(a.key);
            if attr_ns == Ns::WordExt
                && let Some(colon) = key.iter().position(|&c| c == b':')
            {
                self.settings.ext_prefixes.insert(key[..colon].to_vec());
            }
            // docx-rs wraps the id of Docx::doc_id in braces itself, so "{GUID}" comes out as
            // "{{GUID}}".
            let value = &tag[a.value.0..a.value.1];
            if ns == Ns::WordExt
                && local == b"docId"
                && attr_ns == Ns::WordExt
                && attr_local == b"val"
                && value.starts_with(b"{{")
                && value.ends_with(b"}}")
            {
                edits.push((a.value, value[1..value.len() - 1].to_vec()));
            }
        }
        edits
    }
}
