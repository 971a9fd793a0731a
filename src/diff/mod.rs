//! Diffs between two versions of an article: the text layer (`text`) and
//! the claim layer (`claims`). Pure: texts and extractions in, typed
//! changes out.

pub mod claims;
pub mod text;
