//! The integration tests: one binary, each module a theme, every case a fixture folder of
//! `tests/cases/` laid over `tests/fixtures/base/` (or the sample data) and run through the
//! real `baocao` binary (see [`common`]).
//!
//! `cargo test` runs them; the tests that need LibreOffice or Python's lxml are `#[ignore]`d
//! there and run with `cargo test -- --include-ignored` (as `.ci/run` does).

mod cli;
mod common;
mod docx;
mod form_workbook;
mod forms_and_reminders;
mod fuzz;
mod hostile;
mod inbox;
mod layers;
mod outputs;
mod plan_import;
mod terminal;
mod values;
mod vietnamese;
mod workbook_forms;
mod workbook_gen;
mod xlsx;
