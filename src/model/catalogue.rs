//! The catalogue of numeric indicators (`chi-tieu.yaml`). A `tong` indicator is summed over
//! units; a `ty_le` indicator is the ratio of the sums of two `tong` indicators and is never
//! submitted.

use crate::model::ids::{IndicatorIdx, UnitIdx};
use std::ops::Index;

/// One indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Indicator {
    /// `ma`: id used as a key in submissions.
    pub id: String,
    /// `ten`: its name.
    pub name: String,
    /// `don_vi_tinh`: the unit of measure ("hồ sơ", "%").
    pub measure: String,
    /// `linh_vuc`: the id of the plan area it belongs to.
    pub area: String,
    /// `cach_tinh`: how the city figure is computed.
    pub method: Method,
    /// `don_vi_bao_cao`: the units that report it; `None` when every unit may (the default).
    pub reporters: Option<Vec<UnitIdx>>,
}

impl Indicator {
    /// Whether a unit is asked for this indicator (in its form).
    pub fn asked_of(&self, unit: UnitIdx) -> bool {
        matches!(self.method, Method::Sum)
            && self.reporters.as_ref().is_none_or(|r| r.contains(&unit))
    }

    pub fn is_ratio(&self) -> bool {
        matches!(self.method, Method::Ratio { .. })
    }
}

/// How an indicator's city-level value is computed.
#[derive(Debug, Clone, PartialEq)]
pub enum Method {
    /// `tong`: the sum over accepted submissions.
    Sum,
    /// `ty_le`: 100 × Σ`tu_so` / Σ`mau_so`.
    Ratio {
        numerator: IndicatorIdx,
        denominator: IndicatorIdx,
    },
}

impl Method {
    /// The code of the data format (`cach_tinh`).
    pub fn code(&self) -> &'static str {
        match self {
            Method::Sum => "tong",
            Method::Ratio { .. } => "ty_le",
        }
    }
}

/// The catalogue, in file order.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    items: Vec<Indicator>,
}

impl Catalogue {
    pub fn new(items: Vec<Indicator>) -> Catalogue {
        Catalogue { items }
    }

    pub fn items(&self) -> &[Indicator] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn ids(&self) -> impl DoubleEndedIterator<Item = IndicatorIdx> + Clone + use<> {
        IndicatorIdx::all(self.items.len())
    }

    /// The indicator with this id.
    pub fn find(&self, id: &str) -> Option<IndicatorIdx> {
        self.items
            .iter()
            .position(|i| i.id == id)
            .map(IndicatorIdx::new)
    }
}

impl Index<IndicatorIdx> for Catalogue {
    type Output = Indicator;
    fn index(&self, i: IndicatorIdx) -> &Indicator {
        &self.items[i.index()]
    }
}
