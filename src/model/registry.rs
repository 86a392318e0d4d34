//! The units that report (đơn vị) and the groups (nhóm) a plan refers to as `@ma`
//! (`don-vi.yaml`). Registry order is the order of units everywhere in the outputs.

use crate::model::ids::{GroupIdx, UnitIdx};
use std::collections::HashMap;
use std::ops::Index;

/// One reporting unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// `ma`: lowercase ASCII id, also the name of its folder in `nop/`.
    pub id: String,
    /// `ten`: the unit's name ("Phòng Tư pháp").
    pub name: String,
    /// `nhom`: the groups it belongs to, as written.
    pub groups: Vec<GroupIdx>,
    /// `ten_khac`: other names plans use for it ("Phòng Nội vụ thành phố"); the plan import
    /// matches names against `ten` and these (docs/nhap-ke-hoach.md).
    pub other_names: Vec<String>,
}

/// A named group of units.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// `ma`: the id the plan writes as `@ma`.
    pub id: String,
    /// `ten`: its name ("UBND các xã, phường").
    pub name: String,
    /// `ten_khac`: other names plans use for it ("UBND xã, phường").
    pub other_names: Vec<String>,
}

/// A reference to units as a plan or catalogue writes it: one unit, or a group (`@ma`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitRef {
    Unit(UnitIdx),
    Group(GroupIdx),
}

/// All units and groups, with lookups by id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    units: Vec<Unit>,
    groups: Vec<Group>,
    unit_index: HashMap<String, UnitIdx>,
    group_index: HashMap<String, GroupIdx>,
}

impl Registry {
    pub fn new(units: Vec<Unit>, groups: Vec<Group>) -> Self {
        let unit_index = units
            .iter()
            .enumerate()
            .map(|(i, u)| (u.id.clone(), UnitIdx::new(i)))
            .collect();
        let group_index = groups
            .iter()
            .enumerate()
            .map(|(i, g)| (g.id.clone(), GroupIdx::new(i)))
            .collect();
        Registry {
            units,
            groups,
            unit_index,
            group_index,
        }
    }

    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    pub fn groups(&self) -> &[Group] {
        &self.groups
    }

    /// How many units there are.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// Every unit, in registry order.
    pub fn unit_ids(&self) -> impl DoubleEndedIterator<Item = UnitIdx> + Clone + use<> {
        UnitIdx::all(self.units.len())
    }

    /// The unit with this id.
    pub fn find_unit(&self, id: &str) -> Option<UnitIdx> {
        self.unit_index.get(id).copied()
    }

    /// The group with this id (without the `@`).
    pub fn find_group(&self, id: &str) -> Option<GroupIdx> {
        self.group_index.get(id).copied()
    }

    /// Members of a group, in registry order.
    pub fn members(&self, group: GroupIdx) -> impl Iterator<Item = UnitIdx> + '_ {
        self.unit_ids()
            .filter(move |&u| self[u].groups.contains(&group))
    }

    /// The name of what a reference names: a unit's or a group's.
    pub fn ref_name(&self, r: UnitRef) -> &str {
        match r {
            UnitRef::Unit(u) => &self[u].name,
            UnitRef::Group(g) => &self[g].name,
        }
    }

    /// The units references name, in the order written (a group's members in registry order),
    /// each unit once, leaving out `exclude`.
    pub fn expand(&self, refs: &[UnitRef], exclude: &[UnitIdx]) -> Vec<UnitIdx> {
        let mut taken = vec![false; self.units.len()];
        for u in exclude {
            taken[u.index()] = true;
        }
        let mut out = Vec::new();
        let mut add = |u: UnitIdx, out: &mut Vec<UnitIdx>| {
            if !std::mem::replace(&mut taken[u.index()], true) {
                out.push(u);
            }
        };
        for r in refs {
            match *r {
                UnitRef::Unit(u) => add(u, &mut out),
                UnitRef::Group(g) => {
                    for u in self.members(g) {
                        add(u, &mut out);
                    }
                }
            }
        }
        out
    }
}

impl Index<UnitIdx> for Registry {
    type Output = Unit;
    fn index(&self, u: UnitIdx) -> &Unit {
        &self.units[u.index()]
    }
}

impl Index<GroupIdx> for Registry {
    type Output = Group;
    fn index(&self, g: GroupIdx) -> &Group {
        &self.groups[g.index()]
    }
}

/// A valid id: lowercase ASCII letters, digits and '-', starting with a letter or digit.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(is_valid_id("ubnd-xa-tinh-an-tay"));
        assert!(is_valid_id("phong-y-te2"));
        assert!(!is_valid_id("Phong-Y-Te"));
        assert!(!is_valid_id("phòng-y-tế"));
        assert!(!is_valid_id("phong y te"));
        assert!(!is_valid_id(""));
        assert!(!is_valid_id("-x"));
    }

    #[test]
    fn references_expand_in_written_order_each_unit_once() {
        let g = |i| GroupIdx::new(i);
        let unit = |id: &str, groups: Vec<GroupIdx>| Unit {
            id: id.into(),
            name: id.to_uppercase(),
            groups,
            other_names: Vec::new(),
        };
        let reg = Registry::new(
            vec![
                unit("a", vec![g(0)]),
                unit("b", vec![]),
                unit("c", vec![g(0)]),
            ],
            vec![Group {
                id: "x".into(),
                name: "X".into(),
                other_names: Vec::new(),
            }],
        );
        let u = |i| UnitIdx::new(i);
        let refs = [
            UnitRef::Unit(u(1)),
            UnitRef::Group(g(0)),
            UnitRef::Unit(u(0)),
        ];
        assert_eq!(reg.expand(&refs, &[]), [u(1), u(0), u(2)]);
        assert_eq!(reg.expand(&refs, &[u(0)]), [u(1), u(2)]);
        assert_eq!(reg.ref_name(UnitRef::Group(g(0))), "X");
    }
}
