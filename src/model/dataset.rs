//! Everything of the data folder except the inbox: what every period is built against.

use crate::diagnostics::Diagnostic;
use crate::model::catalogue::Catalogue;
use crate::model::config::Config;
use crate::model::plan::Plan;
use crate::model::registry::Registry;
use std::collections::BTreeMap;

/// The configuration, registry, catalogue and plans of a data folder.
#[derive(Debug)]
pub struct DataSet {
    pub config: Config,
    pub registry: Registry,
    pub catalogue: Catalogue,
    /// Plans by year.
    pub plans: BTreeMap<i32, Plan>,
    /// Warnings found in the files above (they do not stop the run).
    pub warnings: Vec<Diagnostic>,
}
