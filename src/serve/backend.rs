//! What the web app calls of the commands' orchestration, in one place:
//! the same functions the CLI runs, so the pages and the JSON API show
//! what `contested`, `show` and `audit` print.

pub use crate::cmd::audit::{check, Report, Saved};
pub use crate::cmd::contested::{reports, Filter};
