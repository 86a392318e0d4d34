//! Renderers: each turns a merged period into one output file's bytes. Nothing here reads
//! input files; writing happens in [`output`].

pub mod json;
pub mod output;
