//! What the web app calls of the commands' orchestration, in one place:
//! the same library calls the CLI makes, so the pages and the JSON API
//! show what `contested`, `show` and `audit` print.

pub use crate::ops::audit::{check, save, Report};
pub use crate::ops::contested::{parse_day, parse_reason, reports, Filter};
