//! Speakers: finding the noun phrase that names who said something, telling
//! its kind (person, organisation, publication, document, anonymous),
//! separating titles and ranks from names, and resolving short names and
//! pronouns to the fullest name in the article.
//!
//! The work is done on small windows of tokens around a quote; the only
//! whole-text pass is [`NameIndex::build`], which collects person names once
//! per text so that later look-ups ("Bortnikov" → "Alexander Bortnikov") are
//! hash-map hits.
//!
//! The pieces, in the order a quote's attribution uses them: `words`
//! (which word lists a word is in), `tokens` (a window cut into words),
//! `cues` (the verb of speech), `np` and `proper` (the noun phrase naming
//! a speaker), `subjects` (the phrase that goes with a cue), and `names`,
//! `capitals` and `titles` (the names of the whole text and their titles).

use crate::extract::segment;

mod capitals;
mod cues;
mod names;
mod np;
mod proper;
mod subjects;
mod titles;
mod tokens;
mod words;

pub use cues::{cue_at, Cue};
pub use names::{gender_fits, Mention, NameIndex, Person};
pub use np::{parse_np, speaker_kind, Gender, Np, NpKind};
pub use subjects::{
    clause_subject, strip_article, subject_after, subject_before, subject_filling, Subject,
};
pub use tokens::{tokenize, Tok};
pub(crate) use words::{
    is_aux, is_invertable, is_not_speech_before_that, is_subject_pronoun, opens_clause,
};
pub use words::{
    is_content_noun, is_cue_word, is_speech_noun, is_tell_verb, lower, lw, FxHasher, Lw,
};

/// Is the text a sentence-like segment ending at `pos`? Helper used by the
/// quote module to check a window's end; re-exported for convenience.
pub fn sentence_ends_before(text: &str, pos: usize) -> bool {
    let head = text[..pos].trim_end();
    head.ends_with(['.', '!', '?', '…'])
        || head.is_empty()
        || segment::is_closer(head.chars().next_back().unwrap_or(' '))
}

#[cfg(test)]
mod tests;
