//! # baocao
//!
//! Compiles the administrative-reform (CCHC) progress files that units drop into a shared
//! folder into the periodic reports Phòng Nội vụ sends upward.
//!
//! ```text
//!  data/                       input/                 model/                 render/
//!  cau-hinh.yaml ─┐
//!  don-vi.yaml  ──┼─ load_data ──▶ DataSet ─┐
//!  chi-tieu.yaml ─┤                         ├─ merge_period ──▶ PeriodReport ─┬─ render_json ─▶ tong-hop-<KY>.json
//!  ke-hoach/*.yaml┘                         │  (per period)                   └─ …
//!  nop/**/*.yaml ── walk + read_all ──▶ Vec<Submission> (each with its diagnostics)
//! ```
//!
//! [`pipeline`] runs the stages in order; every problem in every file becomes a
//! [`diagnostics::Diagnostic`] and one bad file never stops the batch. `model::period` and
//! `model::status` are the shared vocabulary (period codes, statuses) that `input` uses to
//! check what units wrote.

pub mod cli;
pub mod diagnostics;
pub mod input;
pub mod model;
pub mod pipeline;
pub mod render;
pub mod terminal;
