//! Word classes: which lexicon lists a word is in, read from one table
//! built once per process from [`crate::extract::lexicon`] so that a word is
//! hashed once whatever the list; lower-casing without allocating; and the
//! tests of a word's shape (capitalised, acronym, name particle,
//! possessive) that the noun-phrase and name code share.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::extract::lexicon::*;

/// FxHash: a fast hasher for the static word table.
#[derive(Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        for chunk in bytes.chunks(8) {
            let mut v = 0u64;
            for (i, &b) in chunk.iter().enumerate() {
                v |= (b as u64) << (8 * i);
            }
            self.hash = (self.hash.rotate_left(5) ^ v).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn finish(&self) -> u64 {
        self.hash
    }
}

// One bit per word list; every lower-case word maps to the lists it is in,
// so a word is hashed once per look-up whatever the list.
pub(super) const F_CUE: u64 = 1 << 0;
pub(super) const F_CUE_CTX: u64 = 1 << 1;
pub(super) const F_INVERTABLE: u64 = 1 << 2;
pub(super) const F_TELL: u64 = 1 << 3;
pub(super) const F_RANKS: u64 = 1 << 4;
pub(super) const F_TITLE_NOUNS: u64 = 1 << 5;
pub(super) const F_TITLE_MODS: u64 = 1 << 6;
pub(super) const F_ANON: u64 = 1 << 7;
pub(super) const F_DOC: u64 = 1 << 8;
pub(super) const F_PUB_NOUNS: u64 = 1 << 9;
pub(super) const F_PUB_WORDS: u64 = 1 << 10;
pub(super) const F_ORG_WORDS: u64 = 1 << 11;
pub(super) const F_PLACES: u64 = 1 << 12;
pub(super) const F_CALENDAR: u64 = 1 << 13;
pub(super) const F_CAP_STOP: u64 = 1 << 14;
pub(super) const F_PP: u64 = 1 << 15;
pub(super) const F_NP_STOP: u64 = 1 << 16;
pub(super) const F_DETS: u64 = 1 << 17;
pub(super) const F_FILLERS: u64 = 1 << 18;
pub(super) const F_MALE: u64 = 1 << 19;
pub(super) const F_FEMALE: u64 = 1 << 20;
pub(super) const F_ORG_HEAD: u64 = 1 << 21;
pub(super) const F_SPEECH_NOUN: u64 = 1 << 22;
pub(super) const F_CONTENT_NOUN: u64 = 1 << 23;
pub(super) const F_PLACE_PREFIX: u64 = 1 << 24;
pub(super) const F_PARTICLE: u64 = 1 << 25;
pub(super) const F_AUX: u64 = 1 << 26;
pub(super) const F_DOT_ABBR: u64 = 1 << 27;
pub(super) const F_NP_DET: u64 = 1 << 28;
pub(super) const F_NOUN_DET: u64 = 1 << 29;
pub(super) const F_DEFINITE: u64 = 1 << 30;
pub(super) const F_PERSON_PP: u64 = 1 << 31;
pub(super) const F_DEFINITE_PP: u64 = 1 << 32;
pub(super) const F_PP_ADJ: u64 = 1 << 33;
pub(super) const F_PP_CONT: u64 = 1 << 34;
pub(super) const F_DATE_WORD: u64 = 1 << 35;
pub(super) const F_GROUP: u64 = 1 << 36;
pub(super) const F_OPENER: u64 = 1 << 37;
pub(super) const F_NOT_APPOS: u64 = 1 << 38;
pub(super) const F_OBJ_PREP: u64 = 1 << 39;
pub(super) const F_ARTICLE: u64 = 1 << 40;
pub(super) const F_DESC_OPENER: u64 = 1 << 41;
pub(super) const F_RELATIVE: u64 = 1 << 42;
pub(super) const F_MALE_RANK: u64 = 1 << 43;
pub(super) const F_FEMALE_RANK: u64 = 1 << 44;
pub(super) const F_NOT_THAT_SPEECH: u64 = 1 << 45;
pub(super) const F_CLAUSE_START: u64 = 1 << 46;
pub(super) const F_SUBJ_PRONOUN: u64 = 1 << 47;

type WordTable = HashMap<&'static [u8], u64, std::hash::BuildHasherDefault<FxHasher>>;

static WORDS: LazyLock<WordTable> = LazyLock::new(|| {
    let mut m = WordTable::default();
    let add = |m: &mut WordTable, list: &'static str, f: u64| {
        for w in list.split_whitespace() {
            *m.entry(w.as_bytes()).or_insert(0) |= f;
        }
    };
    add(&mut m, CUE_VERBS, F_CUE);
    add(&mut m, CUE_NEEDS_CONTEXT, F_CUE_CTX);
    add(&mut m, INVERTABLE, F_INVERTABLE);
    add(&mut m, TELL_VERBS, F_TELL);
    add(&mut m, RANKS, F_RANKS);
    add(&mut m, TITLE_NOUNS, F_TITLE_NOUNS);
    add(&mut m, TITLE_MODS, F_TITLE_MODS);
    add(&mut m, ANON_NOUNS, F_ANON);
    add(&mut m, DOC_NOUNS, F_DOC);
    add(&mut m, PUB_NOUNS, F_PUB_NOUNS);
    add(&mut m, PUB_WORDS, F_PUB_WORDS);
    add(&mut m, ORG_WORDS, F_ORG_WORDS);
    add(&mut m, PLACES, F_PLACES);
    add(&mut m, CALENDAR, F_CALENDAR);
    add(&mut m, CAP_STOP, F_CAP_STOP);
    add(&mut m, PP_STARTERS, F_PP);
    add(&mut m, NP_STOP, F_NP_STOP);
    add(&mut m, DETS, F_DETS);
    add(&mut m, SUBJ_VERB_FILLERS, F_FILLERS);
    add(&mut m, MALE_NAMES, F_MALE);
    add(&mut m, FEMALE_NAMES, F_FEMALE);
    add(&mut m, ORG_HEADS, F_ORG_HEAD);
    add(&mut m, SPEECH_NOUNS, F_SPEECH_NOUN);
    add(&mut m, CONTENT_NOUNS, F_CONTENT_NOUN);
    add(&mut m, PLACE_PREFIXES, F_PLACE_PREFIX);
    add(&mut m, NAME_PARTICLES, F_PARTICLE);
    add(&mut m, AUXILIARIES, F_AUX);
    add(&mut m, DOT_ABBREVIATIONS, F_DOT_ABBR);
    add(&mut m, NP_DETERMINERS, F_NP_DET);
    add(&mut m, NOUN_DETERMINERS, F_NOUN_DET);
    add(&mut m, DEFINITE_DETERMINERS, F_DEFINITE);
    add(&mut m, PERSON_PP, F_PERSON_PP);
    add(&mut m, DEFINITE_PP, F_DEFINITE_PP);
    add(&mut m, PP_ADJECTIVES, F_PP_ADJ);
    add(&mut m, PP_CONTINUERS, F_PP_CONT);
    add(&mut m, DATE_WORDS, F_DATE_WORD);
    add(&mut m, GROUP_WORDS, F_GROUP);
    add(&mut m, CLAUSE_OPENERS, F_OPENER);
    add(&mut m, NOT_APPOSITIVE, F_NOT_APPOS);
    add(&mut m, OBJECT_PREPOSITIONS, F_OBJ_PREP);
    add(&mut m, ARTICLES, F_ARTICLE);
    add(&mut m, DESCRIPTION_OPENERS, F_DESC_OPENER);
    add(&mut m, RELATIVES, F_RELATIVE);
    add(&mut m, MALE_RANKS, F_MALE_RANK);
    add(&mut m, FEMALE_RANKS, F_FEMALE_RANK);
    add(&mut m, NOT_SPEECH_BEFORE_THAT, F_NOT_THAT_SPEECH);
    add(&mut m, CLAUSE_SUBJECT_STARTS, F_CLAUSE_START);
    add(&mut m, SUBJECT_PRONOUNS, F_SUBJ_PRONOUN);
    m
});

/// The lists (bit set of `F_*`) a word belongs to, compared lower case.
pub(super) fn flags(w: &str) -> u64 {
    // No listed word is longer than 20 bytes.
    if w.len() > 20 || w.is_empty() {
        return 0;
    }
    let mut buf = [0u8; 32];
    match lower_bytes(w, &mut buf) {
        Some(l) => WORDS.get(l).copied().unwrap_or(0),
        None => 0,
    }
}

pub(super) fn has(w: &str, f: u64) -> bool {
    flags(w) & f != 0
}

/// Is the word, exactly as written, in one of the lists `f`? The lists
/// are lower-case ASCII, so a word with a capital or any non-ASCII byte
/// (a curly apostrophe) is in none of them.
pub(super) fn has_exact(w: &str, f: u64) -> bool {
    !w.bytes().any(|c| c.is_ascii_uppercase() || c >= 0x80) && has(w, f)
}

/// Lower-case a word into `buf` (ASCII letters lowered, `’` written as
/// `'`); `None` when it does not fit or holds other non-ASCII characters
/// (such words are in none of the lists anyway).
pub(super) fn lower_ascii<'a>(w: &str, buf: &'a mut [u8]) -> Option<&'a str> {
    let l = lower_bytes(w, buf)?;
    std::str::from_utf8(l).ok()
}

/// [`lower_ascii`] without the UTF-8 check (the bytes are ASCII).
fn lower_bytes<'a>(w: &str, buf: &'a mut [u8]) -> Option<&'a [u8]> {
    let b = w.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if n >= buf.len() {
            return None;
        }
        if c < 0x80 {
            buf[n] = c.to_ascii_lowercase();
            i += 1;
        } else if b[i..].starts_with("’".as_bytes()) {
            buf[n] = b'\'';
            i += 3;
        } else {
            return None;
        }
        n += 1;
    }
    Some(&buf[..n])
}

/// A lower-cased word on the stack (see [`lw`]).
#[derive(Clone, Copy)]
pub struct Lw {
    buf: [u8; 32],
    len: u8,
}

impl Lw {
    /// The lower-case word; empty when the word was too long or not ASCII.
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.buf[..self.len as usize]).unwrap_or("")
    }
}

impl std::ops::Deref for Lw {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Lw {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// Lower-case a word without allocating (`’` becomes `'`). Words longer
/// than 32 bytes or with other non-ASCII letters give an empty string.
pub fn lw(w: &str) -> Lw {
    let mut buf = [0u8; 32];
    let len = lower_ascii(w, &mut buf).map(|s| s.len()).unwrap_or(0);
    Lw {
        buf,
        len: len as u8,
    }
}

/// Lower-case form of a word for list look-ups; curly apostrophes become
/// straight ones.
pub fn lower(w: &str) -> String {
    w.replace('’', "'").to_lowercase()
}

/// Is the word a noun of speech ("offer", "remarks", "statement")?
pub fn is_speech_noun(w: &str) -> bool {
    has(w, F_SPEECH_NOUN)
}

/// Is the word a noun of reported content ("rumors", "version")?
pub fn is_content_noun(w: &str) -> bool {
    has(w, F_CONTENT_NOUN)
}

/// Does the verb take its listener as object ("told VICE News")?
pub fn is_tell_verb(w: &str) -> bool {
    has(w, F_TELL)
}

/// May the speaker follow this cue verb, exactly as written ("said
/// Gen. X", "asks Carpenter")? "told" and "tells" never invert.
pub(crate) fn is_invertable(w: &str) -> bool {
    has_exact(w, F_INVERTABLE)
}

/// Is the word a mental-state or characterising verb, exactly as written,
/// which is not speech before a that-clause ("believes that")?
pub(crate) fn is_not_speech_before_that(w: &str) -> bool {
    has_exact(w, F_NOT_THAT_SPEECH)
}

/// May the word open a clause as (or before) its subject (an article, a
/// subject pronoun, a demonstrative)?
pub(crate) fn opens_clause(w: &str) -> bool {
    has(w, F_ARTICLE | F_SUBJ_PRONOUN | F_CLAUSE_START)
}

/// Is the word a subject pronoun ("he", "they") or "there", alone or with
/// its contracted verb ("there's", "they’re")?
pub(crate) fn is_subject_pronoun(w: &str) -> bool {
    has(w.split(['\'', '’']).next().unwrap_or(w), F_SUBJ_PRONOUN)
}

/// Is the word a verb form that attributes speech on its own?
pub fn is_cue_word(w: &str) -> bool {
    has(w, F_CUE)
}

pub(super) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase()) || particle_name(w)
}

/// Arabic-style names written with a lower-case particle ("al-Assad").
fn particle_name(w: &str) -> bool {
    for p in NAME_PARTICLE_PREFIXES {
        if let Some(r) = w.strip_prefix(p) {
            return r.chars().next().is_some_and(|c| c.is_uppercase());
        }
    }
    false
}

pub(super) fn is_acronym(w: &str) -> bool {
    if w.is_ascii() {
        let b = w.as_bytes();
        if b.is_empty() || !b[0].is_ascii_uppercase() {
            return false;
        }
        let mut letters = 0;
        for &c in b {
            if c.is_ascii_lowercase() {
                return false;
            }
            if c.is_ascii_uppercase() {
                letters += 1;
            }
        }
        return letters >= 2;
    }
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
}

/// Particles inside personal names ("Bashar al-Assad", "Ursula von der Leyen").
pub(super) fn is_particle(w: &str) -> bool {
    has_exact(w, F_PARTICLE)
        || (w.len() > 3 && RUN_PARTICLE_PREFIXES.iter().any(|p| w.starts_with(p)))
}

pub(super) fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["’s", "'s"] {
        if let Some(x) = w.strip_suffix(suf) {
            if !x.is_empty() {
                return (x, true);
            }
        }
    }
    (w, false)
}

/// Auxiliary and modal verbs (the verb of a that-less reported clause).
pub(crate) fn is_aux(w: &str) -> bool {
    has(w, F_AUX)
}
