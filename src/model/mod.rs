//! The domain core: the data folder's contents as types (configuration, registry, plan,
//! catalogue, submissions), reporting periods and statuses, and the merge of a plan with the
//! units' submissions into one period. Pure: no I/O; `input` produces these types and
//! `render` reads them.

pub mod catalogue;
pub mod config;
pub mod dataset;
pub mod form;
pub mod ids;
pub mod merge;
pub mod number;
pub mod period;
pub mod plan;
pub mod plan_import;
pub mod previous;
pub mod registry;
pub mod report;
pub mod status;
pub mod submission;
