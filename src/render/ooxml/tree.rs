//! The tree the post-pass works on: element boundaries over the original bytes of a part
//! (parsed with quick-xml only to find them), so that the output is assembled from slices of
//! the input plus the few new bytes the fixes make.

use super::PartKind;
use super::tags::StartTag;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::collections::{BTreeSet, HashMap};

// ---------------------------------------------------------------------------------------------
// Namespaces
// ---------------------------------------------------------------------------------------------

pub(super) const NS_W: &[u8] = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main";
pub(super) const NS_M: &[u8] = b"http://schemas.openxmlformats.org/officeDocument/2006/math";
pub(super) const NS_SL: &[u8] = b"http://schemas.openxmlformats.org/schemaLibrary/2006/main";
pub(super) const NS_MC: &[u8] = b"http://schemas.openxmlformats.org/markup-compatibility/2006";
pub(super) const NS_DCTERMS: &[u8] = b"http://purl.org/dc/terms/";
/// w14, w15, w16cid, ...: Word's extension namespaces (not in ISO 29500).
pub(super) const NS_WORD_EXT_PREFIX: &[u8] = b"http://schemas.microsoft.com/office/word/";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ns {
    W,
    Math,
    SchemaLibrary,
    Mc,
    DcTerms,
    WordExt,
    Other,
}

pub(super) fn classify(result: &ResolveResult<'_>) -> Ns {
    let ResolveResult::Bound(ns) = result else {
        return Ns::Other;
    };
    match ns.as_ref() {
        NS_W => Ns::W,
        NS_M => Ns::Math,
        NS_SL => Ns::SchemaLibrary,
        NS_MC => Ns::Mc,
        NS_DCTERMS => Ns::DcTerms,
        uri if uri.starts_with(NS_WORD_EXT_PREFIX) => Ns::WordExt,
        _ => Ns::Other,
    }
}

/// Whether an entry of an order list (`name`, `m:name` or `sl:name`) names this element.
pub(super) fn entry_matches(entry: &str, ns: Ns, local: &[u8]) -> bool {
    match entry.split_once(':') {
        None => ns == Ns::W && entry.as_bytes() == local,
        Some(("m", name)) => ns == Ns::Math && name.as_bytes() == local,
        Some(("sl", name)) => ns == Ns::SchemaLibrary && name.as_bytes() == local,
        Some(_) => false,
    }
}

// ---------------------------------------------------------------------------------------------
// Paragraph ids
// ---------------------------------------------------------------------------------------------

/// Maps the paraIds docx-rs drew from its thread-local counter to 1, 2, 3, ... in order of
/// first appearance, shared by all parts of one package.
#[derive(Default)]
pub(super) struct ParaIds {
    pub(super) map: HashMap<Vec<u8>, Vec<u8>>,
}

impl ParaIds {
    pub(super) fn renumber(&mut self, old: &[u8]) -> Vec<u8> {
        if let Some(new) = self.map.get(old) {
            return new.clone();
        }
        let new = format!("{:08x}", self.map.len() + 1).into_bytes();
        self.map.insert(old.to_vec(), new.clone());
        new
    }
}

// ---------------------------------------------------------------------------------------------
// The tree: element boundaries over the original bytes
// ---------------------------------------------------------------------------------------------

/// Bytes of the output: a range of the part's source, or new bytes.
#[derive(Clone, Debug)]
pub(super) enum Piece {
    Span(usize, usize),
    Owned(Box<[u8]>),
}

#[derive(Debug)]
pub(super) struct Elem {
    pub(super) ns: Ns,
    /// The qualified name.
    pub(super) name: Piece,
    /// Where the local name starts in `name` (after the colon).
    pub(super) local_at: usize,
    /// The start tag, or the whole element if it was written `<x/>`.
    pub(super) start: Piece,
    /// `start` is an empty-element tag (`<x/>`).
    pub(super) empty: bool,
    /// The end tag (`None` for `<x/>`).
    pub(super) end: Option<Piece>,
    pub(super) children: Vec<usize>,
}

#[derive(Debug)]
pub(super) enum Node {
    /// Text, whitespace, comments, processing instructions, the XML declaration.
    Raw(Piece),
    Elem(Elem),
}

/// What was learnt about the root start tag of `word/settings.xml` while parsing.
#[derive(Default)]
pub(super) struct SettingsInfo {
    /// Prefixes of Word extension namespaces used in the part.
    pub(super) ext_prefixes: BTreeSet<Vec<u8>>,
    /// The prefix the root binds to the markup-compatibility namespace.
    pub(super) mc_prefix: Option<Vec<u8>>,
    /// The value range (inside the start tag) of the root's `mc:Ignorable`.
    pub(super) ignorable: Option<(usize, usize)>,
}

pub(super) struct Tree<'a> {
    pub(super) src: &'a [u8],
    pub(super) nodes: Vec<Node>,
    /// The top level: declaration, comments, the root element, whitespace.
    pub(super) top: Vec<usize>,
    pub(super) root: Option<usize>,
    pub(super) settings: SettingsInfo,
}

impl<'a> Tree<'a> {
    pub(super) fn bytes<'s>(&'s self, piece: &'s Piece) -> &'s [u8] {
        match piece {
            Piece::Span(from, to) => &self.src[*from..*to],
            Piece::Owned(bytes) => bytes,
        }
    }

    pub(super) fn elem(&self, id: usize) -> Option<&Elem> {
        match &self.nodes[id] {
            Node::Elem(e) => Some(e),
            Node::Raw(_) => None,
        }
    }

    pub(super) fn elem_mut(&mut self, id: usize) -> Option<&mut Elem> {
        match &mut self.nodes[id] {
            Node::Elem(e) => Some(e),
            Node::Raw(_) => None,
        }
    }

    pub(super) fn local<'s>(&'s self, e: &'s Elem) -> &'s [u8] {
        &self.bytes(&e.name)[e.local_at..]
    }

    /// Whether node `id` is the element `w:{local}`.
    pub(super) fn is_w(&self, id: usize, local: &[u8]) -> bool {
        self.elem(id)
            .is_some_and(|e| e.ns == Ns::W && self.local(e) == local)
    }

    pub(super) fn children(&self, id: usize) -> &[usize] {
        self.elem(id).map_or(&[], |e| &e.children)
    }

    /// The first child of `id` that is the element `w:{local}`.
    pub(super) fn child_w(&self, id: usize, local: &[u8]) -> Option<usize> {
        self.children(id)
            .iter()
            .copied()
            .find(|&c| self.is_w(c, local))
    }

    pub(super) fn has_element_children(&self, id: usize) -> bool {
        self.children(id)
            .iter()
            .any(|&c| matches!(self.nodes[c], Node::Elem(_)))
    }

    pub(super) fn push(&mut self, node: Node) -> usize {
        self.nodes.push(node);
        self.nodes.len() - 1
    }

    /// A new, empty element `{prefix}{local}` in the `w:` namespace.
    pub(super) fn new_w_elem(&mut self, prefix: &[u8], local: &str) -> usize {
        let name = [prefix, local.as_bytes()].concat();
        let start = [b"<".as_slice(), &name, b">"].concat();
        let end = [b"</".as_slice(), &name, b">"].concat();
        self.push(Node::Elem(Elem {
            ns: Ns::W,
            local_at: prefix.len(),
            name: Piece::Owned(name.into()),
            start: Piece::Owned(start.into()),
            empty: false,
            end: Some(Piece::Owned(end.into())),
            children: Vec::new(),
        }))
    }

    pub(super) fn prefix_of(&self, id: usize) -> Vec<u8> {
        self.elem(id)
            .map(|e| self.bytes(&e.name)[..e.local_at].to_vec())
            .unwrap_or_default()
    }

    // -----------------------------------------------------------------------------------------
    // Parsing
    // -----------------------------------------------------------------------------------------

    pub(super) fn parse(
        src: &'a [u8],
        kind: PartKind,
        para_ids: &mut ParaIds,
    ) -> Result<Self, String> {
        let mut tree = Tree {
            src,
            nodes: Vec::with_capacity(src.len() / 24),
            top: Vec::new(),
            root: None,
            settings: SettingsInfo::default(),
        };
        let mut reader = NsReader::from_reader(src);
        let config = reader.config_mut();
        config.check_end_names = true;
        config.expand_empty_elements = false;
        config.trim_text(false);
        let mut stack: Vec<usize> = Vec::new();
        let mut last = 0usize;
        loop {
            let p0 = usize::try_from(reader.buffer_position()).map_err(|e| e.to_string())?;
            let (resolved, event) = match reader.read_resolved_event() {
                Ok(ok) => ok,
                Err(e) => return Err(format!("{e}")),
            };
            let ns = classify(&resolved);
            let p1 = usize::try_from(reader.buffer_position()).map_err(|e| e.to_string())?;
            if p0 > last {
                tree.append(&stack, Node::Raw(Piece::Span(last, p0)));
            }
            last = p1;
            match event {
                Event::Start(ref e) | Event::Empty(ref e) => {
                    let start = StartTag {
                        from: p0,
                        to: p1,
                        name_len: e.name().as_ref().len(),
                        ns,
                        empty: matches!(event, Event::Empty(_)),
                    };
                    let elem =
                        tree.start_element(&start, reader.resolver(), &stack, kind, para_ids);
                    let id = tree.append(&stack, Node::Elem(elem));
                    if stack.is_empty() {
                        if tree.root.is_some() {
                            return Err("có nhiều hơn một phần tử gốc".to_owned());
                        }
                        tree.root = Some(id);
                    }
                    if !start.empty {
                        stack.push(id);
                    }
                }
                Event::End(_) => {
                    let id = stack
                        .pop()
                        .ok_or_else(|| format!("vị trí {p0}: thẻ đóng thừa"))?;
                    if let Some(e) = tree.elem_mut(id) {
                        e.end = Some(Piece::Span(p0, p1));
                    }
                }
                Event::Eof => break,
                _ => {
                    tree.append(&stack, Node::Raw(Piece::Span(p0, p1)));
                }
            }
        }
        if !stack.is_empty() {
            return Err("tệp kết thúc khi còn thẻ chưa đóng".to_owned());
        }
        if tree.root.is_none() {
            return Err("không có phần tử gốc".to_owned());
        }
        if last < src.len() {
            tree.append(&stack, Node::Raw(Piece::Span(last, src.len())));
        }
        Ok(tree)
    }

    /// Adds a node as the last child of the innermost open element (or at the top level).
    /// Adjacent raw ranges are merged.
    pub(super) fn append(&mut self, stack: &[usize], node: Node) -> usize {
        let siblings_last = match stack.last() {
            Some(&parent) => self.children(parent).last().copied(),
            None => self.top.last().copied(),
        };
        if let (Node::Raw(Piece::Span(from, to)), Some(prev)) = (&node, siblings_last)
            && let Node::Raw(Piece::Span(_, prev_to)) = &mut self.nodes[prev]
            && *prev_to == *from
        {
            *prev_to = *to;
            return prev;
        }
        let id = self.push(node);
        match stack.last() {
            Some(&parent) => {
                if let Some(e) = self.elem_mut(parent) {
                    e.children.push(id);
                }
            }
            None => self.top.push(id),
        }
        id
    }

    // -----------------------------------------------------------------------------------------
    // Output
    // -----------------------------------------------------------------------------------------

    pub(super) fn write(&self) -> Vec<u8> {
        enum Step {
            Open(usize),
            Close(usize),
        }
        let mut out = Vec::with_capacity(self.src.len() + 1024);
        let mut steps: Vec<Step> = self.top.iter().rev().map(|&id| Step::Open(id)).collect();
        while let Some(step) = steps.pop() {
            match step {
                Step::Open(id) => match &self.nodes[id] {
                    Node::Raw(piece) => out.extend_from_slice(self.bytes(piece)),
                    Node::Elem(e) => {
                        let start = self.bytes(&e.start);
                        if e.children.is_empty() {
                            out.extend_from_slice(start);
                            if let Some(end) = &e.end {
                                out.extend_from_slice(self.bytes(end));
                            }
                            continue;
                        }
                        if e.empty {
                            // `<x a="1" />` that gained children: `<x a="1">`.
                            let open = start.strip_suffix(b"/>").unwrap_or(start);
                            out.extend_from_slice(open.trim_ascii_end());
                            out.push(b'>');
                        } else {
                            out.extend_from_slice(start);
                        }
                        steps.push(Step::Close(id));
                        steps.extend(e.children.iter().rev().map(|&c| Step::Open(c)));
                    }
                },
                Step::Close(id) => {
                    if let Some(e) = self.elem(id) {
                        match &e.end {
                            Some(end) => out.extend_from_slice(self.bytes(end)),
                            None => {
                                out.extend_from_slice(b"</");
                                out.extend_from_slice(self.bytes(&e.name));
                                out.push(b'>');
                            }
                        }
                    }
                }
            }
        }
        out
    }
}
