//! The model: reporting periods, statuses, and the merge of a plan with the units'
//! submissions into one period. Pure: no I/O.

pub mod merge;
pub mod period;
pub mod status;
