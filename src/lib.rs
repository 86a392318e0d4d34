//! # baocao
//!
//! Compiles the administrative-reform (CCHC) progress files that units drop into a shared
//! folder into the periodic reports Phòng Nội vụ sends upward.
//!
//! ```text
//!  data/                 input/                     model/                          render/
//!  cau-hinh.yaml ─┐
//!  don-vi.yaml  ──┼─ load_data ──────────▶ DataSet ───┐
//!  chi-tieu.yaml ─┤                                   ├─ merge_period ─▶ PeriodReport ─┬─ report_docx ─▶ bao-cao-cchc-<KY>.docx
//!  ke-hoach/*.yaml┘                                   │  (per period)                  ├─ workbook ────▶ phu-luc-cchc-<KY>.xlsx
//!  nop/**/*.yaml ─── inbox::read_inbox ──▶ Inbox ─────┘                                ├─ write_summary ▶ tong-hop-<KY>.json
//!  templates/*.txt ─ templates::read ───────────────────────────────────── (Tera) ─────┴─ reminder_docx, status, forms
//! ```
//!
//! Data flows one way: [`input`] reads files into [`model`] types, [`model`] merges them, and
//! [`render`] turns the merged period into bytes; [`pipeline`] runs the stages in order and
//! [`output`] writes the results. Every problem in every file becomes a
//! [`diagnostics::Diagnostic`], and one bad file never stops the batch. docs/architecture.md
//! says where each rule lives.

pub mod cli;
pub mod diagnostics;
pub mod input;
pub mod model;
pub mod oserror;
pub mod output;
pub mod pipeline;
pub mod render;
pub mod terminal;
pub mod text;
