//! What the commands and the web app do, as library calls: select the
//! claims to report, ingest a batch of inputs, audit a draft, name the
//! lineage. Each takes a store and plain options and returns values (or
//! reports progress through a trait), so the command line and the server
//! print the same results their own way.

pub mod audit;
pub mod contested;
pub mod ingest;
pub mod lineage;
