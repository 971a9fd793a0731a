//! Diffs between two versions of an article: the text layer (`text`) and
//! the claim layer (`claims`). Pure: texts in, typed changes out.

pub mod claims;
pub mod cue;
pub mod text;
pub mod words;

use serde::Serialize;

use crate::extract;
use claims::ClaimChange;
use text::TextChange;

/// Everything that changed between two versions.
#[derive(Debug, Clone, Serialize)]
pub struct VersionDiff {
    pub text: Vec<TextChange>,
    pub claims: Vec<ClaimChange>,
}

/// Diff two versions of an article in both layers.
pub fn diff(old: &str, new: &str) -> VersionDiff {
    let (ox, nx) = (extract::extract(old), extract::extract(new));
    VersionDiff {
        text: text::diff_text(old, new),
        claims: claims::diff_claims(old, &ox, new, &nx),
    }
}

impl VersionDiff {
    /// Drop text changes that touch only whitespace or punctuation.
    pub fn without_trivial(mut self) -> VersionDiff {
        self.text.retain(|c| !c.trivial);
        self
    }
}
