//! Renderers: each turns a merged period into one output file's bytes. Nothing here reads
//! input files; writing happens in [`output`].

pub mod context;
pub mod docx;
pub mod format;
pub mod forms;
pub mod json;
pub mod letter;
pub mod markup;
pub mod metrics;
pub mod ooxml;
pub mod output;
pub mod templates;
pub mod xlsx;
