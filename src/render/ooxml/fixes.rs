//! The fixes that bring docx-rs output to the schema: structural repairs of misplaced
//! `w:rPr`, tracked-row markers and `mc:Ignorable`, then every container's children sorted
//! into schema order ([`super::order`]); and the fixed dates of `docProps/core.xml`.

use super::order::{RPR_HOMES, order_of};
use super::tags::{apply_edits, escape_text};
use super::tree::{NS_MC, Node, Ns, Piece, Tree, entry_matches};

impl Tree<'_> {
    // -----------------------------------------------------------------------------------------
    // WordprocessingML fixes and sorting
    // -----------------------------------------------------------------------------------------

    /// Applies the structural fixes and sorts every container, outside-in.
    pub(super) fn canonicalize(&mut self, settings: bool) {
        let Some(root) = self.root else { return };
        let mut stack = vec![root];
        while let Some(id) = stack.pop() {
            self.fix_children(id);
            self.sort_children(id, settings);
            stack.extend(
                self.children(id)
                    .iter()
                    .copied()
                    .filter(|&c| matches!(self.nodes[c], Node::Elem(_))),
            );
        }
    }

    /// The fixes that change the children of element `id`.
    fn fix_children(&mut self, id: usize) {
        let Some(e) = self.elem(id) else { return };
        if e.ns != Ns::W {
            return;
        }
        let local = self.local(e).to_vec();
        match local.as_slice() {
            // CT_TrPr's ins/del are CT_TrackChange, which has no content; docx-rs writes a
            // w:r into them for TableRow::insert/delete.
            b"trPr" => {
                for c in self.children(id).to_vec() {
                    if (self.is_w(c, b"ins") || self.is_w(c, b"del"))
                        && let Some(e) = self.elem_mut(c)
                    {
                        e.children.clear();
                    }
                }
            }
            // The run properties of docDefaults/pPrDefault/pPr/rPr belong in rPrDefault/rPr.
            b"docDefaults" => {
                let moved = self
                    .child_w(id, b"pPrDefault")
                    .and_then(|d| self.child_w(d, b"pPr"))
                    .map(|p| self.take_rpr_content(p))
                    .unwrap_or_default();
                if !moved.is_empty() {
                    let prefix = self.prefix_of(id);
                    let default = match self.child_w(id, b"rPrDefault") {
                        Some(d) => d,
                        None => {
                            let d = self.new_w_elem(&prefix, "rPrDefault");
                            self.insert_child(id, None, d);
                            d
                        }
                    };
                    self.merge_into_rpr(default, None, moved, &prefix);
                }
            }
            _ => {}
        }
        // A w:pPr outside w:p (CT_PPrGeneral, CT_PPrBase) has no w:rPr: drop it, and move any
        // content to the rPr of the style / level / table style condition.
        if local.as_slice() != b"p" && self.child_w(id, b"pPr").is_some() {
            for p in self.children(id).to_vec() {
                if !self.is_w(p, b"pPr") {
                    continue;
                }
                let moved = self.take_rpr_content(p);
                let rprs: Vec<usize> = self
                    .children(p)
                    .iter()
                    .copied()
                    .filter(|&c| self.is_w(c, b"rPr"))
                    .collect();
                if let Some(e) = self.elem_mut(p) {
                    e.children.retain(|c| !rprs.contains(c));
                }
                if !moved.is_empty() && RPR_HOMES.contains(&local.as_slice()) {
                    let prefix = self.prefix_of(p);
                    self.merge_into_rpr(id, Some(p), moved, &prefix);
                }
            }
        }
    }

    /// Empties the w:rPr children of `ppr` and returns their element children.
    fn take_rpr_content(&mut self, ppr: usize) -> Vec<usize> {
        let mut moved = Vec::new();
        for r in self.children(ppr).to_vec() {
            if self.is_w(r, b"rPr") && self.has_element_children(r) {
                let kids = std::mem::take(&mut self.elem_mut(r).expect("element").children);
                moved.extend(
                    kids.into_iter()
                        .filter(|&k| matches!(self.nodes[k], Node::Elem(_))),
                );
            }
        }
        moved
    }

    /// Adds `moved` to the w:rPr child of `home`, skipping properties the rPr already sets.
    /// A missing rPr is created right after `after` (the pPr: in CT_Style, CT_Lvl and
    /// CT_TblStylePr the rPr comes right after the pPr), or first if `after` is `None`.
    fn merge_into_rpr(
        &mut self,
        home: usize,
        after: Option<usize>,
        moved: Vec<usize>,
        prefix: &[u8],
    ) {
        let rpr = match self.child_w(home, b"rPr") {
            Some(r) => r,
            None => {
                let r = self.new_w_elem(prefix, "rPr");
                self.insert_child(home, after, r);
                r
            }
        };
        for m in moved {
            let key = self.elem(m).map(|e| (e.ns, self.local(e).to_vec()));
            let present = self.children(rpr).iter().any(|&c| {
                self.elem(c)
                    .is_some_and(|e| Some((e.ns, self.local(e).to_vec())) == key)
            });
            if !present {
                self.add_child(rpr, m);
            }
        }
    }

    /// Inserts `child` into `parent` right after its child `after`, or first.
    fn insert_child(&mut self, parent: usize, after: Option<usize>, child: usize) {
        if let Some(e) = self.elem_mut(parent) {
            let at = after
                .and_then(|a| e.children.iter().position(|&c| c == a))
                .map_or(0, |i| i + 1);
            e.children.insert(at, child);
        }
    }

    fn add_child(&mut self, parent: usize, child: usize) {
        if let Some(e) = self.elem_mut(parent) {
            e.children.push(child);
        }
    }

    /// Stable-sorts the element children of `id` by their rank in the container's order list.
    /// Text and comments between them stay where they are.
    fn sort_children(&mut self, id: usize, settings: bool) {
        let Some(e) = self.elem(id) else { return };
        if e.ns != Ns::W {
            return;
        }
        let local = self.local(e);
        let Some(order) = order_of(local) else { return };
        let star = order.iter().position(|&entry| entry == "*");
        let ext_last = settings && local == b"settings";

        let mut slots: Vec<usize> = Vec::new(); // positions of element children
        let mut ranked: Vec<(usize, usize)> = Vec::new(); // (rank, node)
        let mut prev = 0usize; // rank of the preceding element sibling
        for (pos, &c) in e.children.iter().enumerate() {
            let Some(child) = self.elem(c) else { continue };
            let child_local = self.local(child);
            let rank = match order
                .iter()
                .position(|entry| entry_matches(entry, child.ns, child_local))
            {
                Some(r) => r,
                // Word puts its extension elements (w15:docId, ...) at the end of settings.
                None if ext_last && child.ns == Ns::WordExt => order.len(),
                None => star.unwrap_or(prev),
            };
            prev = rank;
            slots.push(pos);
            ranked.push((rank, c));
        }
        if ranked.windows(2).all(|w| w[0].0 <= w[1].0) {
            return;
        }
        ranked.sort_by_key(|&(rank, _)| rank);
        let e = self.elem_mut(id).expect("element");
        for (pos, (_, c)) in slots.into_iter().zip(ranked) {
            e.children[pos] = c;
        }
    }

    /// Declares `mc:Ignorable` for the Word extension namespaces used in `w:settings`
    /// (docx-rs writes `w15:docId` without it).
    pub(super) fn declare_ignorable(&mut self) {
        let Some(root) = self.root else { return };
        let info = &self.settings;
        if info.ext_prefixes.is_empty() {
            return;
        }
        let Some(e) = self.elem(root) else { return };
        let tag = self.bytes(&e.start).to_vec();
        let mut tokens: Vec<Vec<u8>> = match info.ignorable {
            Some((from, to)) => tag[from..to]
                .split(|c| c.is_ascii_whitespace())
                .filter(|t| !t.is_empty())
                .map(<[u8]>::to_vec)
                .collect(),
            None => Vec::new(),
        };
        let missing: Vec<Vec<u8>> = info
            .ext_prefixes
            .iter()
            .filter(|p| !tokens.contains(p))
            .cloned()
            .collect();
        if missing.is_empty() {
            return;
        }
        tokens.extend(missing);
        let value = tokens.join(b" ".as_slice());
        let new_tag = match info.ignorable {
            Some(range) => apply_edits(&tag, &[(range, value)]),
            None => {
                let close = if e.empty {
                    tag.len() - 2
                } else {
                    tag.len() - 1
                };
                let mut insert = Vec::new();
                let prefix = match &info.mc_prefix {
                    Some(p) => p.clone(),
                    None => {
                        insert.extend_from_slice(b" xmlns:mc=\"");
                        insert.extend_from_slice(NS_MC);
                        insert.push(b'"');
                        b"mc".to_vec()
                    }
                };
                insert.push(b' ');
                insert.extend_from_slice(&prefix);
                insert.extend_from_slice(b":Ignorable=\"");
                insert.extend_from_slice(&value);
                insert.push(b'"');
                apply_edits(&tag, &[((close, close), insert)])
            }
        };
        if let Some(e) = self.elem_mut(root) {
            e.start = Piece::Owned(new_tag.into());
        }
    }

    // -----------------------------------------------------------------------------------------
    // docProps/core.xml
    // -----------------------------------------------------------------------------------------

    pub(super) fn set_core_dates(&mut self, date: &str) {
        let text = Piece::Owned(escape_text(date).into());
        let targets: Vec<usize> = (0..self.nodes.len())
            .filter(|&i| {
                self.elem(i).is_some_and(|e| {
                    e.ns == Ns::DcTerms && matches!(self.local(e), b"created" | b"modified")
                })
            })
            .collect();
        for t in targets {
            let text_node = self.push(Node::Raw(text.clone()));
            if let Some(e) = self.elem_mut(t) {
                e.children = vec![text_node];
            }
        }
    }
}
