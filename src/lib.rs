//! claimtrack: track claims and who made them across news coverage.
//!
//! The library does the work; `main.rs` only parses arguments. Data flows
//! `ingest` (files → text + metadata) → `extract` (text → quotes, figures)
//! → `store` (SQLite) → `matching` → `ops` (what the commands and the web app
//! do) → `report`. The binary's `cmd` modules parse arguments and print.

pub mod audit;
pub mod diff;
pub mod error;
pub mod eval;
pub mod eval_html;
pub mod extract;
#[doc(hidden)]
pub mod fuzz;
pub mod ingest;
pub mod matching;
pub mod ops;
pub mod report;
#[cfg(feature = "serve")]
pub mod serve;
pub mod store;

pub use error::{Error, Result};
