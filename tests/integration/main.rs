//! Integration tests: drive the real `claimtrack` binary over real files in
//! a fresh temporary folder per test.

mod articles;
mod audit;
mod claims;
mod contested;
mod diff;
mod escaping;
mod everyday;
mod extract;
mod fuzz_corpus;
mod hardening;
mod hardening2;
mod html;
mod ingest;
mod judgments;
#[cfg(feature = "serve")]
mod serve;
mod upgrade;
mod util;
