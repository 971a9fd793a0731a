//! Speakers: finding the noun phrase that names who said something, telling
//! its kind (person, organisation, publication, document, anonymous),
//! separating titles and ranks from names, and resolving short names and
//! pronouns to the fullest name in the article.
//!
//! The work is done on small windows of tokens around a quote; the only
//! whole-text pass is [`NameIndex::build`], which collects person names once
//! per text so that later look-ups ("Bortnikov" → "Alexander Bortnikov") are
//! hash-map hits.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use crate::extract::lexicon::*;
use crate::extract::model::SpeakerKind;
use crate::extract::segment;

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
const F_CUE: u32 = 1 << 0;
const F_CUE_CTX: u32 = 1 << 1;
const F_INVERTABLE: u32 = 1 << 2;
const F_TELL: u32 = 1 << 3;
const F_RANKS: u32 = 1 << 4;
const F_TITLE_NOUNS: u32 = 1 << 5;
const F_TITLE_MODS: u32 = 1 << 6;
const F_ANON: u32 = 1 << 7;
const F_DOC: u32 = 1 << 8;
const F_PUB_NOUNS: u32 = 1 << 9;
const F_PUB_WORDS: u32 = 1 << 10;
const F_ORG_WORDS: u32 = 1 << 11;
const F_PLACES: u32 = 1 << 12;
const F_CALENDAR: u32 = 1 << 13;
const F_CAP_STOP: u32 = 1 << 14;
const F_PP: u32 = 1 << 15;
const F_NP_STOP: u32 = 1 << 16;
const F_DETS: u32 = 1 << 17;
const F_FILLERS: u32 = 1 << 18;
const F_MALE: u32 = 1 << 19;
const F_FEMALE: u32 = 1 << 20;
const F_ORG_HEAD: u32 = 1 << 21;
const F_SPEECH_NOUN: u32 = 1 << 22;
const F_CONTENT_NOUN: u32 = 1 << 23;
const F_PLACE_PREFIX: u32 = 1 << 24;

type WordTable = HashMap<&'static [u8], u32, std::hash::BuildHasherDefault<FxHasher>>;

static WORDS: LazyLock<WordTable> = LazyLock::new(|| {
    let mut m = WordTable::default();
    let add = |m: &mut WordTable, list: &'static str, f: u32| {
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
    m
});

/// The lists (bit set of `F_*`) a word belongs to, compared lower case.
fn flags(w: &str) -> u32 {
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

fn has(w: &str, f: u32) -> bool {
    flags(w) & f != 0
}

// ---------------------------------------------------------------------------
// Tokens.

/// A token of a window of text: a word or one punctuation character.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Byte offset of the first byte.
    pub s: usize,
    /// Byte offset one past the last byte.
    pub e: usize,
    /// A word (letters, digits, inner `.'’-&`) rather than punctuation.
    pub word: bool,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{2000}'..='\u{206F}').contains(&c) {
        // General punctuation: quotation marks, dashes, spaces.
        false
    } else {
        c.is_alphanumeric()
    }
}

fn is_inner_char(c: char) -> bool {
    matches!(c, '.' | '\'' | '’' | '-' | '‑' | '&')
}

/// Tokenise `text[lo..hi]` into words and punctuation (whitespace dropped).
///
/// Words keep a final `.` only when they are abbreviations or initials
/// (`Gen.`, `J.`, `U.S.`); a trailing apostrophe (`Coats’`) is split off.
pub fn tokenize(text: &str, lo: usize, hi: usize, out: &mut Vec<Tok>) {
    out.clear();
    let hi = hi.min(text.len());
    if lo >= hi || !text.is_char_boundary(lo) || !text.is_char_boundary(hi) {
        return;
    }
    let bytes = text.as_bytes();
    let mut i = lo;
    while i < hi {
        let b = bytes[i];
        let (c, len) = if b < 0x80 {
            (b as char, 1)
        } else {
            char_at(text, i)
        };
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !is_word_char(c) {
            out.push(Tok {
                s: i,
                e: i + len,
                word: false,
            });
            i += len;
            continue;
        }
        let s = i;
        let mut e = i + len;
        while e < hi {
            let b2 = bytes[e];
            if b2.is_ascii_alphanumeric() {
                e += 1;
                continue;
            }
            let (c2, l2) = if b2 < 0x80 {
                (b2 as char, 1)
            } else {
                char_at(text, e)
            };
            if is_word_char(c2) {
                e += l2;
            } else if c2 == ','
                && bytes[e - 1].is_ascii_digit()
                && e + 1 < hi
                && bytes[e + 1].is_ascii_digit()
            {
                // Thousands separator: "3,000".
                e += 1;
            } else if is_inner_char(c2) {
                // Inner punctuation stays when a word character follows; a
                // final dot stays on abbreviations and initials.
                let n = e + l2;
                let next_word = n < hi && {
                    let b3 = bytes[n];
                    if b3 < 0x80 {
                        b3.is_ascii_alphanumeric()
                    } else {
                        is_word_char(char_at(text, n).0)
                    }
                };
                if next_word {
                    e = n;
                } else {
                    if c2 == '.' && keeps_final_dot(&text[s..e]) {
                        e += 1;
                    }
                    break;
                }
            } else {
                break;
            }
        }
        out.push(Tok { s, e, word: true });
        i = e;
    }
}

/// The (non-ASCII) character at byte `i` and its length.
#[inline]
fn char_at(text: &str, i: usize) -> (char, usize) {
    match text[i..].chars().next() {
        Some(c) => (c, c.len_utf8()),
        None => (' ', 1),
    }
}

/// Does the word keep a final full stop as part of itself (`Gen.`, `J.`,
/// `U.S.`, `Jan.`)?
fn keeps_final_dot(w: &str) -> bool {
    let mut ch = w.chars();
    if let (Some(c), None) = (ch.next(), ch.next()) {
        return c.is_uppercase();
    }
    if w.contains('.') {
        return true;
    }
    let mut buf = [0u8; 16];
    match lower_ascii(w, &mut buf) {
        Some(l) => [
            "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm",
            "cmdr", "cdr", "brig", "cpl", "pvt", "gov", "sen", "rep", "st", "mt", "rev", "fr",
            "hon", "jr", "sr", "inc", "corp", "co", "ltd", "jan", "feb", "mar", "apr", "jun",
            "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "lieut", "messrs", "mme",
            "supt", "det", "insp", "amb", "atty",
        ]
        .contains(&l),
        None => false,
    }
}

/// Lower-case a word into `buf` (ASCII letters lowered, `’` written as
/// `'`); `None` when it does not fit or holds other non-ASCII characters
/// (such words are in none of the lists anyway).
fn lower_ascii<'a>(w: &str, buf: &'a mut [u8]) -> Option<&'a str> {
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

/// Is the word a verb form that attributes speech on its own?
pub fn is_cue_word(w: &str) -> bool {
    has(w, F_CUE)
}

fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase()) || particle_name(w)
}

/// Arabic-style names written with a lower-case particle ("al-Assad").
fn particle_name(w: &str) -> bool {
    for p in [
        "al-", "el-", "ad-", "as-", "ash-", "at-", "ibn-", "bin-", "abu-",
    ] {
        if let Some(r) = w.strip_prefix(p) {
            return r.chars().next().is_some_and(|c| c.is_uppercase());
        }
    }
    false
}

fn is_acronym(w: &str) -> bool {
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
fn is_particle(w: &str) -> bool {
    matches!(
        w,
        "al" | "el"
            | "bin"
            | "ibn"
            | "de"
            | "da"
            | "di"
            | "van"
            | "von"
            | "der"
            | "den"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "del"
            | "ben"
            | "abu"
            | "al-"
    ) || (w.len() > 3 && (w.starts_with("al-") || w.starts_with("el-")))
}

fn strip_possessive(w: &str) -> (&str, bool) {
    for suf in ["’s", "'s"] {
        if let Some(x) = w.strip_suffix(suf) {
            if !x.is_empty() {
                return (x, true);
            }
        }
    }
    (w, false)
}

// ---------------------------------------------------------------------------
// Noun phrases.

/// What a parsed noun phrase refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NpKind {
    /// "he" / "she".
    Pronoun(Gender),
    /// "they".
    They,
    /// "who" (a relative pronoun standing for the noun phrase before it).
    Relative,
    /// A personal name.
    Person,
    /// An organisation by name ("FSB", "the Kremlin").
    Org,
    /// A publication by name ("The Daily Beast").
    Pub,
    /// A publication by a generic word ("the publication").
    PubGeneric,
    /// A document ("A White House statement").
    Doc,
    /// An unnamed source ("one source", "U.S. officials").
    Anon,
    /// A definite description of a person ("the president", "The Russian
    /// official"), resolved like a pronoun.
    Definite,
    /// An organisation by a common noun ("the company").
    OrgGeneric,
    /// "I" / "we": inside a quote, the quote's speaker.
    FirstPerson,
}

/// Grammatical gender of a pronoun or name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// "he", or a man's given name.
    Male,
    /// "she", or a woman's given name.
    Female,
    /// Not known (fits either pronoun).
    Unknown,
}

/// A noun phrase naming a (possible) speaker, as byte ranges into the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    /// The words naming the speaker as written (ranks and capitalised
    /// titles joined to the name kept, "Gen. Alexander Bortnikov").
    pub written: Range<usize>,
    /// The name itself without ranks or titles ("Alexander Bortnikov").
    pub name: Range<usize>,
    /// A title written with the name ("CIA Director", "of the Council on
    /// Foreign Relations").
    pub title: Option<Range<usize>>,
    /// What the phrase refers to.
    pub kind: NpKind,
    /// Index one past the last token consumed.
    pub tok_end: usize,
}

impl Np {
    /// Is this a phrase that can be credited with speech?
    pub fn is_speaker(&self) -> bool {
        !matches!(self.kind, NpKind::Relative)
    }
}

fn wl<'a>(text: &'a str, t: &Tok) -> &'a str {
    &text[t.s..t.e]
}

/// Parse a noun phrase starting at token `i`, not going past token `hi`.
/// Returns `None` when no speaker-like noun phrase starts there.
pub fn parse_np(text: &str, toks: &[Tok], i: usize, hi: usize) -> Option<Np> {
    let hi = hi.min(toks.len());
    if i >= hi || !toks[i].word {
        return None;
    }
    let w0 = wl(text, &toks[i]);
    let mut buf = [0u8; 32];
    let l0 = lower_ascii(w0, &mut buf).unwrap_or("");
    match l0 {
        "he" | "she" => {
            let g = if l0 == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            return Some(Np {
                written: toks[i].s..toks[i].e,
                name: toks[i].s..toks[i].e,
                title: None,
                kind: NpKind::Pronoun(g),
                tok_end: i + 1,
            });
        }
        "i" | "we" => {
            return Some(Np {
                written: toks[i].s..toks[i].e,
                name: toks[i].s..toks[i].e,
                title: None,
                kind: NpKind::FirstPerson,
                tok_end: i + 1,
            })
        }
        "they" => {
            return Some(Np {
                written: toks[i].s..toks[i].e,
                name: toks[i].s..toks[i].e,
                title: None,
                kind: NpKind::They,
                tok_end: i + 1,
            })
        }
        "who" => {
            return Some(Np {
                written: toks[i].s..toks[i].e,
                name: toks[i].s..toks[i].e,
                title: None,
                kind: NpKind::Relative,
                tok_end: i + 1,
            })
        }
        _ => {}
    }
    let mut j = i;
    // Quantifier prefixes: "at least one source", "more than a dozen".
    if j + 1 < hi && toks[j + 1].word {
        let pair = (lw(w0), lw(wl(text, &toks[j + 1])));
        if matches!(
            (pair.0.as_str(), pair.1.as_str()),
            ("at", "least")
                | ("at", "most")
                | ("more", "than")
                | ("fewer", "than")
                | ("less", "than")
        ) {
            j += 2;
        }
    }
    // The written phrase keeps a quantifier prefix ("at least one source").
    let det_start = i;
    let mut det: Option<String> = None;
    if j < hi && toks[j].word && has(wl(text, &toks[j]), F_DETS) {
        det = Some(lw(wl(text, &toks[j])).to_string());
        j += 1;
    } else if j > i {
        return None;
    } else if j + 1 < hi
        && toks[j].word
        && strip_possessive(wl(text, &toks[j])).1
        && toks[j + 1].word
        && !is_cap(wl(text, &toks[j + 1]))
    {
        // A possessive before a common noun acts as a determiner
        // ("Sweden's foreign ministry", "Smith's lawyer").
        det = Some("'s".to_string());
    }
    // Body: words up to a stop word or punctuation.
    let body_start = j;
    let mut k = j;
    let mut last_poss: Option<usize> = None;
    while k < hi && k - body_start < 10 {
        let t = toks[k];
        if !t.word {
            // Parenthesised glosses inside a title: "SVR (foreign intelligence) chief".
            if wl(text, &t) == "(" {
                let close = (k + 1..hi.min(k + 6)).find(|&m| wl(text, &toks[m]) == ")");
                if let Some(m) = close {
                    if m + 1 < hi && toks[m + 1].word && k > body_start {
                        k = m + 1;
                        continue;
                    }
                }
            }
            break;
        }
        let w = wl(text, &t);
        let capw = is_cap(w) || w.chars().next().is_some_and(|c| c.is_ascii_digit());
        if k > body_start
            && matches!(
                w,
                "the"
                    | "a"
                    | "an"
                    | "his"
                    | "her"
                    | "their"
                    | "its"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "these"
                    | "those"
            )
        {
            break;
        }
        if k == body_start && capw && det.is_none() && has(w, F_CAP_STOP) {
            // "As The Daily Beast", "In June": a function word, not a name.
            return None;
        }
        if !capw {
            // "Secretary of State Antony Blinken": "of" inside a
            // capitalised title.
            if w == "of"
                && k > body_start
                && is_cap(wl(text, &toks[k - 1]))
                && k + 1 < hi
                && toks[k + 1].word
                && is_cap(wl(text, &toks[k + 1]))
                && has(wl(text, &toks[k - 1]), F_TITLE_NOUNS)
            {
                k += 1;
                continue;
            }
            // "and" joins two nouns: "agents and analysts", "Current and former".
            if w == "and" || w == "&" {
                let next_ok = k + 1 < hi
                    && toks[k + 1].word
                    && !has(wl(text, &toks[k + 1]), F_NP_STOP)
                    && !is_cue_word(wl(text, &toks[k + 1]));
                if next_ok && k > body_start {
                    k += 1;
                    continue;
                }
                break;
            }
            if has(w, F_NP_STOP) || is_cue_word(w) && !has(w, F_ANON) && !has(w, F_DOC) {
                break;
            }
            if w.ends_with("ly")
                && !has(w, F_ANON)
                && !has(w, F_TITLE_NOUNS)
                && w != "daily"
                && w != "weekly"
            {
                break;
            }
            if has(w, F_PP) {
                break;
            }
        } else if k > body_start && has(w, F_CALENDAR) {
            break;
        }
        if strip_possessive(w).1 {
            last_poss = Some(k);
        }
        k += 1;
    }
    // The phrase ends at its last possible head: a capitalised word or a
    // speaker noun ("the president back-tracked" → "the president";
    // "Trump trumpeted" → "Trump").
    let mut body_end = k;
    while body_end > body_start {
        let w = wl(text, &toks[body_end - 1]);
        let head_ok = is_cap(w)
            || is_acronym(w)
            || has(w, F_ANON)
            || has(w, F_DOC)
            || has(w, F_PUB_NOUNS)
            || has(w, F_TITLE_NOUNS)
            || has(w, F_ORG_HEAD);
        if head_ok {
            break;
        }
        body_end -= 1;
    }
    if body_end == body_start {
        return None;
    }
    // A possessive at the end is a possessor, not a subject ("Daniel’s").
    if last_poss == Some(body_end - 1) {
        return None;
    }
    let last = toks[body_end - 1];
    let last_w = wl(text, &last);
    // A capitalised common noun opening a sentence ("Spokespersons for …",
    // "Police said") is still a common noun.
    let common_cap = body_end == body_start + 1
        && !is_acronym(last_w)
        && has(last_w, F_ANON | F_DOC | F_PUB_NOUNS | F_ORG_HEAD)
        && !has(last_w, F_ORG_WORDS | F_PLACES);
    let mut np = if (is_cap(last_w) || is_acronym(last_w)) && !common_cap {
        proper_np(text, toks, det_start, body_start, body_end, det.as_deref())?
    } else {
        common_np(text, toks, det_start, body_start, body_end, det.as_deref())?
    };
    // Post-modifiers.
    let mut m = np.tok_end;
    if m < hi && toks[m].word {
        let w = wl(text, &toks[m]);
        let lwm = lw(w);
        let pp_ok = match np.kind {
            NpKind::Person => matches!(lwm.as_str(), "of" | "at" | "from"),
            NpKind::Anon => has(w, F_PP),
            NpKind::Doc => has(w, F_PP) || lwm.as_str() == "by",
            NpKind::Definite => matches!(lwm.as_str(), "of" | "at" | "for"),
            _ => false,
        };
        if pp_ok {
            let pp_start = m;
            m += 1;
            if matches!(
                lwm.as_str(),
                "close" | "familiar" | "knowledgeable" | "involved" | "briefed"
            ) && m < hi
                && toks[m].word
            {
                m += 1; // "close to", "familiar with"
            }
            let mut n = 0;
            while m < hi && toks[m].word && n < 12 {
                let w2 = wl(text, &toks[m]);
                let l2 = lw(w2);
                let stop = (has(w2, F_NP_STOP)
                    && !matches!(
                        l2.as_str(),
                        "of" | "on" | "for" | "in" | "at" | "the" | "and" | "from" | "with"
                    ))
                    || (is_cue_word(w2) && !is_cap(w2) && !has(w2, F_ANON) && !has(w2, F_DOC))
                    || (w2.ends_with("ly") && !is_cap(w2));
                if stop {
                    break;
                }
                m += 1;
                n += 1;
            }
            if m > pp_start + 1 {
                let pp = toks[pp_start].s..toks[m - 1].e;
                match np.kind {
                    NpKind::Person => {
                        if np.title.is_none() {
                            np.title = Some(pp);
                        }
                    }
                    _ => {
                        np.written.end = toks[m - 1].e;
                        np.name.end = toks[m - 1].e;
                    }
                }
                np.tok_end = m;
            }
        }
    }
    // Relative clauses belong to unnamed sources as written ("A Russian
    // official who was at the Hamburg summit").
    Some(np)
}

/// Noun phrase ending in a capitalised word: a name, possibly after a title.
fn proper_np(
    text: &str,
    toks: &[Tok],
    det_start: usize,
    body_start: usize,
    body_end: usize,
    det: Option<&str>,
) -> Option<Np> {
    // The trailing run of capitalised words (with initials and particles).
    let mut r = body_end;
    while r > body_start {
        let w = wl(text, &toks[r - 1]);
        let (w, poss) = strip_possessive(w);
        if poss && r != body_end {
            break;
        }
        let title_of = w == "of"
            && r < body_end
            && r - 1 > body_start
            && has(wl(text, &toks[r - 2]), F_TITLE_NOUNS)
            && is_cap(wl(text, &toks[r - 2]));
        if is_cap(w)
            || is_acronym(w)
            || (r < body_end && r - 1 > body_start && is_particle(w))
            || title_of
        {
            r -= 1;
        } else {
            break;
        }
    }
    let run_start = r;
    // Within the run, split off ranks and title words: the name starts
    // after the last title noun / rank.
    let mut name_start = run_start;
    let mut title_end: Option<usize> = None; // token index one past the title
    let mut rank_end: Option<usize> = None;
    for (m, tok) in toks.iter().enumerate().take(body_end).skip(run_start) {
        let w = wl(text, tok);
        if m + 1 < body_end && has(w, F_RANKS) {
            name_start = m + 1;
            rank_end = Some(m + 1);
        } else if m + 1 < body_end && (has(w, F_TITLE_NOUNS) || strip_possessive(w).1) {
            name_start = m + 1;
            title_end = Some(m + 1);
            rank_end = None;
        }
    }
    // "Secretary of State Antony Blinken", "Director of National
    // Intelligence Dan Coats": the title runs on after "of" over
    // institution words, or while more than a first and last name remain.
    if let Some(te) = title_end {
        if te < body_end && wl(text, &toks[te]) == "of" {
            let mut m = te + 1;
            while m + 1 < body_end {
                let w = wl(text, &toks[m]);
                if has(w, F_TITLE_MODS | F_ORG_WORDS | F_PLACES) || body_end - m > 2 {
                    m += 1;
                } else {
                    break;
                }
            }
            if m > te + 1 {
                name_start = m;
                title_end = Some(m);
            }
        }
    }
    // "the Secretary of State", "the Prime Minister": a role, not a name.
    if det == Some("the")
        && (run_start..body_end).any(|m| has(wl(text, &toks[m]), F_TITLE_NOUNS))
        && (run_start..body_end).all(|m| {
            let w = wl(text, &toks[m]);
            w == "of"
                || has(
                    w,
                    F_TITLE_NOUNS | F_TITLE_MODS | F_ORG_WORDS | F_PLACES | F_PLACE_PREFIX,
                )
        })
    {
        let r = toks[det_start].s..toks[body_end - 1].e;
        return Some(Np {
            written: r.clone(),
            name: r,
            title: None,
            kind: NpKind::Definite,
            tok_end: body_end,
        });
    }
    // Skip sentence-opening function words and calendar words.
    while name_start < body_end {
        let w = wl(text, &toks[name_start]);
        if (has(w, F_CAP_STOP) && !(det.is_some() && name_start > body_start)) || has(w, F_CALENDAR)
        {
            name_start += 1;
        } else {
            break;
        }
    }
    if name_start >= body_end {
        return None;
    }
    let name = toks[name_start].s..toks[body_end - 1].e;
    let name_str = &text[name.clone()];
    let ntoks = body_end - name_start;
    // Title: capitalised title words inside the run, or a lower-case title
    // chain before it ("Foreign Ministry spokeswoman Maria Zakharova").
    let mut title: Option<Range<usize>> = None;
    // Date words glued before a title are not part of it ("In September
    // Russian Foreign Minister …", "last year Prime Minister …").
    let title_start = |end: usize| {
        let mut ts = body_start;
        while ts + 1 < end {
            let w = wl(text, &toks[ts]);
            let date_word = has(w, F_CALENDAR)
                || matches!(
                    lw(w).as_str(),
                    "year" | "week" | "month" | "day" | "today" | "yesterday"
                )
                || w.bytes().all(|b| b.is_ascii_digit());
            if !date_word {
                break;
            }
            ts += 1;
        }
        ts
    };
    if let Some(te) = title_end {
        let ts = title_start(te);
        title = Some(toks[ts].s..toks[te - 1].e);
    } else if run_start > body_start {
        let chain_ok = (body_start..run_start).any(|m| has(wl(text, &toks[m]), F_TITLE_NOUNS));
        if chain_ok {
            title = Some(toks[title_start(run_start)].s..toks[run_start - 1].e);
        } else if det.is_none() {
            // Lower-case words before a name that are not a title: not a
            // clean noun phrase ("just in September Lavrov").
            return None;
        }
    }
    let kind = classify_name(text, toks, name_start, body_end, det);
    if kind == NpKind::Person && det.is_some() && title.is_none() {
        // "the Russian Vladimir" is not a phrase; "the FSB" is handled as Org.
        return None;
    }
    let _ = name_str;
    let _ = ntoks;
    // As written: ranks and capitalised titles that sit in the run stay.
    let written_start = match kind {
        NpKind::Person => {
            let ws = if title_end.is_some() && title_end.unwrap() > run_start {
                run_start
            } else if let Some(re) = rank_end {
                // rank right before the name
                let _ = re;
                run_start.max(body_start)
            } else {
                name_start
            };
            // Never start the written form at a sentence-opening function word.
            let mut ws2 = ws;
            while ws2 < name_start && has(wl(text, &toks[ws2]), F_CAP_STOP) {
                ws2 += 1;
            }
            toks[ws2].s
        }
        _ => toks[det_start.min(name_start)].s,
    };
    let (name, written) = match kind {
        NpKind::Person => (name, written_start..toks[body_end - 1].e),
        _ => {
            // Organisations and publications: the whole phrase as written.
            (
                toks[det_start].s..toks[body_end - 1].e,
                toks[det_start].s..toks[body_end - 1].e,
            )
        }
    };
    Some(Np {
        written,
        name,
        title: if kind == NpKind::Person { title } else { None },
        kind,
        tok_end: body_end,
    })
}

/// Classify a capitalised name (tokens `s..e`).
fn classify_name(text: &str, toks: &[Tok], s: usize, e: usize, det: Option<&str>) -> NpKind {
    let mut any_pub = false;
    let mut any_org = false;
    let mut all_acr = true;
    for t in &toks[s..e] {
        let w = strip_possessive(wl(text, t)).0;
        if has(w, F_PUB_WORDS) {
            any_pub = true;
        }
        if has(w, F_ORG_WORDS) {
            any_org = true;
        }
        if !is_acronym(w) {
            all_acr = false;
        }
    }
    let n = e - s;
    let first = wl(text, &toks[s]);
    if any_pub && !(n == 1 && first == "Post") {
        return NpKind::Pub;
    }
    if any_org || all_acr {
        return NpKind::Org;
    }
    let last = strip_possessive(wl(text, &toks[e - 1])).0;
    if (n == 1 && has(first, F_PLACES))
        || (n >= 2 && (has(first, F_PLACE_PREFIX) || has(last, F_PLACES)))
    {
        return NpKind::Org;
    }
    if det.is_some_and(|d| d == "the") {
        return NpKind::Org;
    }
    if n == 1 && is_group_word(first) {
        return NpKind::Anon;
    }
    NpKind::Person
}

/// Capitalised plural group nouns used for unnamed groups ("Republicans",
/// "Democrats", "Americans").
fn is_group_word(w: &str) -> bool {
    let l = lw(w);
    matches!(
        l.as_str(),
        "republicans"
            | "democrats"
            | "conservatives"
            | "liberals"
            | "americans"
            | "russians"
            | "ukrainians"
            | "europeans"
            | "germans"
            | "britons"
            | "israelis"
            | "palestinians"
            | "iranians"
            | "chinese"
            | "officials"
            | "socialists"
            | "tories"
            | "labourites"
            | "westerners"
            | "diplomats"
            | "analysts"
            | "experts"
            | "critics"
            | "sources"
    )
}

/// Noun phrase ending in a lower-case noun: an unnamed source, a document,
/// a generic publication or a definite description.
fn common_np(
    text: &str,
    toks: &[Tok],
    det_start: usize,
    body_start: usize,
    body_end: usize,
    det: Option<&str>,
) -> Option<Np> {
    let head = wl(text, &toks[body_end - 1]);
    let written = toks[det_start].s..toks[body_end - 1].e;
    let definite = matches!(
        det,
        Some("the") | Some("his") | Some("her") | Some("its") | Some("their")
    );
    let n_body = body_end - body_start;
    let kind = if has(head, F_PUB_NOUNS) && definite && n_body <= 2 {
        NpKind::PubGeneric
    } else if has(head, F_DOC) {
        NpKind::Doc
    } else if has(head, F_ANON) || has(head, F_TITLE_NOUNS) {
        let singular_title = has(head, F_TITLE_NOUNS) && !head.ends_with('s');
        if definite && singular_title && det == Some("the") {
            NpKind::Definite
        } else {
            NpKind::Anon
        }
    } else if has(head, F_ORG_HEAD) && det.is_some() {
        NpKind::OrgGeneric
    } else {
        return None;
    };
    // "the FSB’s director": a definite description.
    Some(Np {
        written: written.clone(),
        name: written,
        title: None,
        kind,
        tok_end: body_end,
    })
}

/// Classify the kind of speaker a noun phrase names.
pub fn speaker_kind(kind: NpKind) -> Option<SpeakerKind> {
    Some(match kind {
        NpKind::Pronoun(_) | NpKind::Person | NpKind::Definite => SpeakerKind::Person,
        NpKind::Org | NpKind::OrgGeneric => SpeakerKind::Organisation,
        NpKind::FirstPerson => SpeakerKind::Person,
        NpKind::Pub | NpKind::PubGeneric => SpeakerKind::Publication,
        NpKind::Doc => SpeakerKind::Document,
        NpKind::Anon | NpKind::They => SpeakerKind::Anonymous,
        NpKind::Relative => return None,
    })
}

// ---------------------------------------------------------------------------
// Cues.

/// A cue found in a token window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    /// First token of the cue.
    pub tok: usize,
    /// One past the last token of the cue.
    pub tok_end: usize,
    /// Byte range of the cue as written (for "puts it": both words).
    pub range: Range<usize>,
    /// "according to".
    pub according: bool,
    /// A participle ("tweeting", "noting"): its subject is the clause's.
    pub participle: bool,
}

/// Is there a cue at token `k`? Handles multi-word cues and rejects nouns
/// ("a statement", "the report") and context-dependent verbs.
pub fn cue_at(text: &str, toks: &[Tok], k: usize, strict: bool) -> Option<Cue> {
    let t = toks.get(k)?;
    if !t.word {
        return None;
    }
    let w = wl(text, t);
    let lcue = lw(w);
    let next = |n: usize| toks.get(k + n).filter(|t| t.word).map(|t| lw(wl(text, t)));
    if lcue == "according" {
        if next(1).as_deref() == Some("to") {
            let e = toks[k + 1].e;
            return Some(Cue {
                tok: k,
                tok_end: k + 2,
                range: t.s..e,
                according: true,
                participle: false,
            });
        }
        return None;
    }
    if !has(lcue.as_str(), F_CUE) {
        return None;
    }
    // Capitalised cue words are names or headlines ("State Department",
    // "Says" in a title-case headline, which is read elsewhere).
    if is_cap(w) {
        return None;
    }
    // A determiner before it makes it a noun ("the report", "a statement").
    if k > 0 && toks[k - 1].word {
        let p = lw(wl(text, &toks[k - 1]));
        if matches!(
            p.as_str(),
            "a" | "an"
                | "the"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "your"
                | "this"
                | "that"
                | "these"
                | "those"
                | "no"
                | "any"
                | "every"
                | "each"
                | "such"
                | "whose"
        ) {
            return None;
        }
        if p.ends_with("’s") || p.ends_with("'s") {
            return None;
        }
    }
    let mut end_tok = k + 1;
    let mut range = t.s..t.e;
    if has(lcue.as_str(), F_CUE_CTX) {
        match lcue.as_str() {
            "put" | "puts" | "putting" => {
                if next(1).as_deref() != Some("it") {
                    return None;
                }
                end_tok = k + 2;
                range = t.s..toks[k + 1].e;
            }
            "point" | "points" | "pointed" => {
                if next(1).as_deref() != Some("out") {
                    return None;
                }
                end_tok = k + 2;
                range = t.s..toks[k + 1].e;
            }
            "refer" | "refers" | "referred" | "referring" => {
                if next(1).as_deref() != Some("to") {
                    return None;
                }
                end_tok = k + 2;
                range = t.s..toks[k + 1].e;
            }
            // Context verbs are accepted only where the caller checks the
            // construction (a that-clause, a quote right after).
            _ => {
                if strict {
                    return None;
                }
            }
        }
    }
    let participle = lcue.ends_with("ing");
    Some(Cue {
        tok: k,
        tok_end: end_tok,
        range,
        according: false,
        participle,
    })
}

// ---------------------------------------------------------------------------
// Subjects.

/// A speaker noun phrase found for a cue, with the appositive title if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subject {
    /// The noun phrase.
    pub np: Np,
    /// An appositive between commas ("CEO of the Cyber Threat Alliance").
    pub appositive: Option<Range<usize>>,
}

fn is_filler(w: &str) -> bool {
    has(w, F_FILLERS) || (w.ends_with("ly") && !is_cap(w) && w.len() > 3)
}

/// Split tokens `lo..hi` at top-level commas (not inside parentheses).
fn comma_segments(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Vec<Range<usize>> {
    let mut segs = Vec::new();
    let mut s = lo;
    let mut depth = 0i32;
    for (k, t) in toks.iter().enumerate().take(hi).skip(lo) {
        if t.word {
            continue;
        }
        match wl(text, t) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = (depth - 1).max(0),
            "," | ";" | "—" | "–" if depth == 0 => {
                segs.push(s..k);
                s = k + 1;
            }
            _ => {}
        }
    }
    segs.push(s..hi);
    segs
}

/// Leading words of a clause that are not part of its subject ("And just in
/// September", "As", "Significantly").
fn skip_clause_openers(text: &str, toks: &[Tok], mut k: usize, hi: usize) -> usize {
    while k < hi {
        let t = toks[k];
        if !t.word {
            let p = wl(text, &t);
            if matches!(
                p,
                "(" | ")" | "\"" | "“" | "”" | "'" | "‘" | "’" | ":" | "*" | "#"
            ) {
                k += 1;
                continue;
            }
            break;
        }
        let w = wl(text, &t);
        let l = lw(w);
        let opener = matches!(
            l.as_str(),
            "and"
                | "but"
                | "or"
                | "so"
                | "yet"
                | "as"
                | "while"
                | "when"
                | "whereas"
                | "although"
                | "though"
                | "because"
                | "since"
                | "if"
                | "meanwhile"
                | "however"
                | "also"
                | "then"
                | "now"
                | "still"
                | "indeed"
                | "moreover"
                | "instead"
                | "even"
                | "just"
                | "thus"
                | "after"
                | "before"
                | "once"
                | "where"
                | "until"
                | "unless"
        ) || (w.ends_with("ly") && w.len() > 3 && !has(w, F_ANON));
        if opener {
            k += 1;
        } else {
            break;
        }
    }
    k
}

/// Does a full noun phrase fill tokens `lo..hi` (after clause openers)?
fn np_filling(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Option<Np> {
    let s = skip_clause_openers(text, toks, lo, hi);
    if s >= hi {
        return None;
    }
    let np = parse_np(text, toks, s, hi)?;
    if np.tok_end == hi || paren_fills(text, toks, np.tok_end, hi) {
        return Some(np);
    }
    // Unnamed sources keep a relative clause as written.
    if matches!(np.kind, NpKind::Anon | NpKind::Doc) {
        let w = lw(wl(text, &toks[np.tok_end]));
        if (w == "who" || w == "that" || w == "which") && hi - np.tok_end <= 14 {
            let mut np = np;
            np.written.end = toks[hi - 1].e;
            np.name.end = toks[hi - 1].e;
            np.tok_end = hi;
            return Some(np);
        }
    }
    None
}

/// Are tokens `k..hi` exactly one parenthetical ("(D-Calif.)")?
fn paren_fills(text: &str, toks: &[Tok], k: usize, hi: usize) -> bool {
    k + 2 <= hi
        && hi - k <= 8
        && !toks[k].word
        && wl(text, &toks[k]) == "("
        && !toks[hi - 1].word
        && wl(text, &toks[hi - 1]) == ")"
}

/// Find the subject of a cue among tokens `lo..cue` (the clause before the
/// cue): the noun phrase right before the verb, or, when the verb follows
/// an appositive ("Michael Daniel, CEO of …, commented"), the name before
/// the appositive.
pub fn subject_before(text: &str, toks: &[Tok], lo: usize, cue: usize) -> Option<Subject> {
    let mut hi = cue;
    // Drop auxiliaries and adverbs between subject and verb.
    while hi > lo {
        let t = toks[hi - 1];
        if t.word && is_filler(wl(text, &t)) {
            hi -= 1;
        } else {
            break;
        }
    }
    if hi <= lo {
        return None;
    }
    let trailing_comma = !toks[hi - 1].word && matches!(wl(text, &toks[hi - 1]), "," | "—" | "–");
    if !trailing_comma {
        // Case A: the noun phrase that ends right before the verb.
        let segs = comma_segments(text, toks, lo, hi);
        let last = segs.last()?.clone();
        for s in last.start..last.end {
            if let Some(np) = np_filling(text, toks, s, last.end) {
                if np.kind == NpKind::Relative {
                    // "Bortnikov, who famously dismissed": the phrase before.
                    return relative_antecedent(text, toks, &segs);
                }
                return Some(Subject {
                    np,
                    appositive: None,
                });
            }
            // Only try starting points at word boundaries that could open a
            // phrase; stop at a finite verb-like structure for speed.
            if s - last.start > 16 {
                break;
            }
        }
        return None;
    }
    // Case B: "NAME, APPOSITIVE, [adverbs] cue".
    let segs = comma_segments(text, toks, lo, hi - 1);
    let nseg = segs.len();
    for (idx, seg) in segs.iter().enumerate() {
        if seg.start >= seg.end {
            continue;
        }
        let Some(np) = np_filling(text, toks, seg.start, seg.end) else {
            continue;
        };
        if np.kind == NpKind::Relative {
            continue;
        }
        // Appositive: the following segments up to the cue (an age
        // first is skipped: "Ms Smith, 45, who runs a bakery").
        let mut first_app = idx + 1;
        if first_app + 1 < nseg
            && segs[first_app].len() == 1
            && wl(text, &toks[segs[first_app].start])
                .bytes()
                .all(|b| b.is_ascii_digit())
        {
            first_app += 1;
        }
        let appositive = if first_app < nseg {
            let a = segs[first_app].start;
            let b = segs[nseg - 1].end;
            if a < b {
                let r = toks[a].s..toks[b - 1].e;
                Some(strip_article(text, r))
            } else {
                None
            }
        } else {
            None
        };
        // An appositive must describe, not act: "speaking anonymously to …"
        // or "noting …" is not a title.
        let appositive = appositive.filter(|r| {
            let first = text[r.clone()].split_whitespace().next().unwrap_or("");
            !(first.ends_with("ing") && first != "CEO" && !is_cap(first))
        });
        let mut subj = Subject { np, appositive };
        // "TITLE, NAME, said": the title before the name.
        if subj.np.kind == NpKind::Person && subj.appositive.is_none() && idx > 0 {
            subj.appositive = title_tail(text, toks, segs[idx - 1].clone());
        }
        if subj.np.kind == NpKind::Person || idx + 1 == nseg || subj.appositive.is_some() {
            return Some(subj);
        }
        // An unnamed phrase followed by more segments: accept it, but a
        // later personal name in apposition ("the FSB's deputy chief,
        // Nikolai Murashov,") wins.
        if let Some(next) = segs.get(idx + 1) {
            if let Some(np2) = np_filling(text, toks, next.start, next.end) {
                if np2.kind == NpKind::Person {
                    let title = Some(strip_article(text, subj.np.written.clone()));
                    return Some(Subject {
                        np: np2,
                        appositive: title,
                    });
                }
            }
        }
        return Some(subj);
    }
    None
}

fn relative_antecedent(text: &str, toks: &[Tok], segs: &[Range<usize>]) -> Option<Subject> {
    let n = segs.len();
    if n < 2 {
        return None;
    }
    let prev = segs[n - 2].clone();
    for s in prev.start..prev.end {
        if let Some(np) = np_filling(text, toks, s, prev.end) {
            if np.kind != NpKind::Relative {
                return Some(Subject {
                    np,
                    appositive: None,
                });
            }
        }
        if s - prev.start > 16 {
            break;
        }
    }
    None
}

/// The title at the end of a segment ("after the Director of National
/// Intelligence" → "Director of National Intelligence"), if it contains a
/// title noun.
fn title_tail(text: &str, toks: &[Tok], seg: Range<usize>) -> Option<Range<usize>> {
    if seg.start >= seg.end {
        return None;
    }
    // From the last article to the end.
    let mut s = None;
    for k in (seg.start..seg.end).rev() {
        let l = lw(wl(text, &toks[k]));
        if matches!(l.as_str(), "the" | "a" | "an") {
            s = Some(k + 1);
            break;
        }
    }
    let s = s?;
    if s >= seg.end {
        return None;
    }
    let has_title =
        (s..seg.end).any(|k| has(strip_possessive(wl(text, &toks[k])).0, F_TITLE_NOUNS));
    if !has_title {
        return None;
    }
    Some(toks[s].s..toks[seg.end - 1].e)
}

/// Drop a leading article from a title range ("a former director" →
/// "former director").
pub fn strip_article(text: &str, r: Range<usize>) -> Range<usize> {
    let t = &text[r.clone()];
    for a in ["the ", "a ", "an ", "The ", "A ", "An "] {
        if let Some(rest) = t.strip_prefix(a) {
            if !rest.is_empty() {
                return r.start + a.len()..r.end;
            }
        }
    }
    r
}

/// The subject of a sentence whose cue follows a quote: the tokens
/// `lo..cue` must be exactly a noun phrase, optionally followed by an
/// appositive between commas ("Michael Carpenter, a former …, told").
pub fn subject_filling(text: &str, toks: &[Tok], lo: usize, cue: usize) -> Option<Subject> {
    let mut hi = cue;
    while hi > lo {
        let t = toks[hi - 1];
        if t.word && is_filler(wl(text, &t)) {
            hi -= 1;
        } else {
            break;
        }
    }
    if hi <= lo {
        return None;
    }
    let trailing_comma = !toks[hi - 1].word && wl(text, &toks[hi - 1]) == ",";
    let end = if trailing_comma { hi - 1 } else { hi };
    let segs = comma_segments(text, toks, lo, end);
    let first = segs.first()?.clone();
    if first.start >= first.end {
        return None;
    }
    let np = parse_np(text, toks, first.start, first.end)?;
    if !(np.tok_end == first.end || paren_fills(text, toks, np.tok_end, first.end))
        || np.kind == NpKind::Relative
    {
        return None;
    }
    if segs.len() > 1 && !trailing_comma {
        return None;
    }
    // "Smith's lawyer, John Doe, said": the name, with the role as title.
    if np.kind != NpKind::Person && segs.len() == 2 {
        if let Some(np2) = parse_np(text, toks, segs[1].start, segs[1].end) {
            if np2.kind == NpKind::Person && np2.tok_end == segs[1].end {
                let title = Some(strip_article(text, np.written.clone()));
                return Some(Subject {
                    np: np2,
                    appositive: title,
                });
            }
        }
    }
    let appositive = if segs.len() > 1 {
        let a = segs[1].start;
        let b = segs[segs.len() - 1].end;
        if a < b {
            Some(strip_article(text, toks[a].s..toks[b - 1].e))
        } else {
            None
        }
    } else {
        None
    };
    Some(Subject { np, appositive })
}

/// The speaker after an inverted cue ("said Gen. Alexander Bortnikov,
/// noting …"): a noun phrase starting at token `k`, with a following
/// appositive if it describes the speaker.
pub fn subject_after(text: &str, toks: &[Tok], k: usize, hi: usize) -> Option<Subject> {
    let np = parse_np(text, toks, k, hi)?;
    if np.kind == NpKind::Relative {
        return None;
    }
    // "said her mother, Fiona Parry": an unnamed or definite description,
    // then the name that ends the phrase. The name speaks; the description
    // is its title.
    let e = np.tok_end;
    if matches!(np.kind, NpKind::Anon | NpKind::Definite)
        && e + 1 < hi
        && !toks[e].word
        && wl(text, &toks[e]) == ","
    {
        if let Some(name) = parse_np(text, toks, e + 1, hi) {
            let ends = name.tok_end == hi
                || (!toks[name.tok_end].word
                    && matches!(wl(text, &toks[name.tok_end]), "," | "." | ";"));
            if name.kind == NpKind::Person && ends {
                let title = strip_article(text, np.written.clone());
                return Some(Subject {
                    np: name,
                    appositive: Some(title),
                });
            }
        }
    }
    let mut appositive = None;
    let e = np.tok_end;
    if e + 1 < hi && !toks[e].word && wl(text, &toks[e]) == "," && toks[e + 1].word {
        let first = wl(text, &toks[e + 1]);
        let l = lw(first);
        let describes = !(l.ends_with("ing")
            || matches!(
                l.as_str(),
                "and"
                    | "but"
                    | "according"
                    | "adding"
                    | "who"
                    | "which"
                    | "as"
                    | "in"
                    | "on"
                    | "at"
                    | "when"
                    | "while"
                    | "after"
                    | "before"
                    | "although"
                    | "though"
                    | "because"
                    | "since"
                    | "if"
            ))
            && (has(first, F_DETS)
                || has(first, F_TITLE_NOUNS)
                || has(first, F_TITLE_MODS)
                || is_cap(first)
                || title_noun_soon(text, toks, e + 1, hi));
        if describes && np.kind == NpKind::Person {
            let mut m = e + 1;
            while m < hi && (toks[m].word || !matches!(wl(text, &toks[m]), "," | "." | ";" | ":")) {
                m += 1;
            }
            if m > e + 1 {
                appositive = Some(strip_article(text, toks[e + 1].s..toks[m - 1].e));
            }
        }
    }
    Some(Subject { np, appositive })
}

/// The first subject-like noun phrase of a clause (tokens `lo..hi`), for
/// participle cues ("Later that day he …, tweeting:") and introductions
/// ending in a colon ("David Kris, …, articulated the concern …:").
/// Returns the phrase and the token after it (the verb, if any).
pub fn clause_subject(text: &str, toks: &[Tok], lo: usize, hi: usize) -> Option<Subject> {
    let segs = comma_segments(text, toks, lo, hi);
    for (idx, seg) in segs.iter().enumerate() {
        let s = skip_clause_openers(text, toks, seg.start, seg.end);
        let mut k = s;
        // Skip leading adverbial phrases like "Later that day", "In June of
        // this year" by trying each start in the first few tokens.
        while k < seg.end && k - s < 8 {
            if k > s {
                let p = lw(wl(text, &toks[k - 1]));
                // Objects of prepositions are not subjects.
                if has(&p, F_PP)
                    || matches!(
                        p.as_str(),
                        "to" | "by"
                            | "about"
                            | "than"
                            | "after"
                            | "before"
                            | "during"
                            | "since"
                            | "like"
                            | "with"
                            | "against"
                            | "over"
                            | "under"
                            | "between"
                            | "among"
                    )
                {
                    k += 1;
                    continue;
                }
            }
            if let Some(np) = parse_np(text, toks, k, seg.end) {
                let ok_kind = matches!(
                    np.kind,
                    NpKind::Pronoun(_)
                        | NpKind::Person
                        | NpKind::Definite
                        | NpKind::Anon
                        | NpKind::Org
                        | NpKind::Pub
                        | NpKind::Doc
                        | NpKind::PubGeneric
                );
                if ok_kind && !text[np.written.clone()].starts_with(|c: char| c.is_ascii_digit()) {
                    // The phrase must be followed by a verb-like word, an
                    // appositive comma, or the end of the segment.
                    let after = np.tok_end;
                    let follows_ok = after >= seg.end
                        || toks[after].word && {
                            let w = wl(text, &toks[after]);
                            !is_cap(w) && !has(w, F_PP)
                        };
                    if follows_ok {
                        let mut appositive = None;
                        if after >= seg.end && idx + 1 < segs.len() {
                            // Appositive segments up to the verb segment.
                            let nxt = segs[idx + 1].clone();
                            if nxt.start < nxt.end {
                                let fw = wl(text, &toks[nxt.start]);
                                if np.kind == NpKind::Person
                                    && (has(fw, F_DETS)
                                        || has(fw, F_TITLE_NOUNS)
                                        || has(fw, F_TITLE_MODS)
                                        || lw(fw) == "who"
                                        || is_cap(fw))
                                {
                                    // Up to the segment that holds a verb:
                                    // take all but the last segment.
                                    let last_idx = segs.len() - 1;
                                    if last_idx > idx + 1 {
                                        appositive = Some(strip_article(
                                            text,
                                            toks[nxt.start].s
                                                ..toks
                                                    [segs[last_idx - 1].end.max(nxt.start + 1) - 1]
                                                    .e,
                                        ));
                                    }
                                }
                            }
                        }
                        return Some(Subject { np, appositive });
                    }
                }
            }
            k += 1;
        }
        if idx >= 3 {
            break;
        }
    }
    None
}

// ---------------------------------------------------------------------------
// Name index.

/// One mention of a person (or publication) in the text.
#[derive(Debug, Clone)]
pub struct Mention {
    /// Byte range of the name.
    pub range: Range<usize>,
    /// Index into [`NameIndex::persons`].
    pub person: usize,
}

/// A person known from the text.
#[derive(Debug, Clone)]
pub struct Person {
    /// Fullest form of the name ("Alexander Bortnikov").
    pub full: String,
    /// Title at the first full mention, if written.
    pub title: Option<String>,
    /// Gender from the given name or rank, if known.
    pub gender: Gender,
    /// The first full mention outside quotes: byte offsets of the run's
    /// first token, of the name's first token and of its last token.
    pub first_full: Option<(usize, usize, usize)>,
}

/// Person names of one text, built once: surname → fullest name, and all
/// mentions in order (for pronoun resolution).
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Known persons.
    pub persons: Vec<Person>,
    by_key: HashMap<String, Vec<usize>, std::hash::BuildHasherDefault<FxHasher>>,
    /// Person mentions in text order.
    pub mentions: Vec<Mention>,
    /// Publication mentions in text order (byte range, name as written).
    pub publications: Vec<(Range<usize>, String)>,
    /// Name as written → person, to skip repeated work.
    cache: HashMap<String, usize, std::hash::BuildHasherDefault<FxHasher>>,
    /// Titles read at first full mentions (see [`NameIndex::title_of`]).
    title_cache: std::cell::RefCell<HashMap<usize, Option<String>>>,
}

fn gender_of(first: &str) -> Gender {
    let l = lw(first);
    if has(l.as_str(), F_MALE) {
        Gender::Male
    } else if has(l.as_str(), F_FEMALE) {
        Gender::Female
    } else if l.len() > 3 && (l.ends_with('a') || l.ends_with("ette") || l.ends_with("ine")) {
        // Most given names ending in -a are women's (Anna, Maria, Alina).
        Gender::Female
    } else {
        Gender::Unknown
    }
}

/// Normalise a name for keys: possessive and trailing punctuation removed.
fn clean_name(s: &str) -> String {
    let s = s.trim_matches(|c: char| !c.is_alphanumeric() && c != '.');
    let s = strip_possessive(s).0;
    s.to_string()
}

impl NameIndex {
    /// Scan the whole text once for capitalised runs and record person
    /// names (2–4 words, no organisation or publication words, titles and
    /// ranks stripped) and their mentions.
    pub fn build(text: &str, outside: &dyn Fn(usize) -> bool) -> NameIndex {
        let mut idx = NameIndex::default();
        let mut toks: Vec<Tok> = Vec::new();
        let mut singles: Vec<Range<usize>> = Vec::new();
        let mut full_mentions: Vec<(Range<usize>, usize)> = Vec::new();
        // Runs of two or more capitalised words (single words are looked up
        // lazily, in the windows where they matter).
        let mut runs: Vec<Range<usize>> = Vec::new();
        cap_runs(text, &mut runs);
        for r in runs {
            let (s, e) = (r.start, r.end);
            tokenize(text, s, e, &mut toks);
            let mut k = 0;
            while k < toks.len() {
                let r = run_end(text, &toks[k..]);
                if r >= 2 {
                    idx.consider_run(
                        text,
                        &toks,
                        k,
                        k + r,
                        &mut singles,
                        &mut full_mentions,
                        outside,
                    );
                } else if r == 1 {
                    // A lone capitalised word inside the match (after a
                    // possessive): publications still count.
                    let w = strip_possessive(wl(text, &toks[k])).0;
                    if has(w, F_PUB_WORDS) {
                        idx.publications
                            .push((toks[k].s..toks[k].s + w.len(), w.to_string()));
                    }
                }
                k += r.max(1);
            }
        }
        let mut all: Vec<Mention> = full_mentions
            .into_iter()
            .map(|(r, person)| Mention { range: r, person })
            .collect();
        all.sort_by_key(|m| m.range.start);
        idx.mentions = all;
        idx
    }

    #[allow(clippy::too_many_arguments)]
    fn consider_run(
        &mut self,
        text: &str,
        toks: &[Tok],
        s: usize,
        e: usize,
        singles: &mut Vec<Range<usize>>,
        full: &mut Vec<(Range<usize>, usize)>,
        outside: &dyn Fn(usize) -> bool,
    ) {
        // Most runs are one word: one table look-up decides.
        if e == s + 1 {
            let w0 = wl(text, &toks[s]);
            let (w, poss) = strip_possessive(w0);
            let f = flags(w);
            if f & F_PUB_WORDS != 0 {
                let r = toks[s].s..toks[s].s + w.len();
                self.publications.push((r, w.to_string()));
                return;
            }
            if f & (F_CAP_STOP | F_CALENDAR | F_ORG_WORDS | F_PLACES | F_RANKS | F_TITLE_NOUNS) != 0
                || is_acronym(w)
                || w.len() < 2
            {
                return;
            }
            let _ = poss;
            singles.push(toks[s].s..toks[s].s + w.len());
            return;
        }
        let e = e.min(s + 16);
        let mut fl = [0u32; 16];
        for m in s..e {
            fl[m - s] = flags(strip_possessive(wl(text, &toks[m])).0);
        }
        // Publications.
        let any_pub = fl[..e - s].iter().any(|f| f & F_PUB_WORDS != 0);
        if any_pub {
            let mut ps = s;
            if ps > 0 && toks[ps - 1].word && wl(text, &toks[ps - 1]) == "the" {
                ps = s; // lower-case "the" is dropped
            }
            let r = toks[ps].s..toks[e - 1].e;
            let name = clean_name(&text[r.clone()]);
            self.publications.push((r, name));
            return;
        }
        // Strip titles/ranks: the name starts after the last rank/title word.
        let mut ns = s;
        for m in s..e {
            if m + 1 < e && fl[m - s] & (F_RANKS | F_TITLE_NOUNS) != 0 {
                ns = m + 1;
            }
        }
        while ns < e && fl[ns - s] & (F_CAP_STOP | F_CALENDAR) != 0 {
            ns += 1;
        }
        if ns >= e {
            return;
        }
        if fl[ns - s..e - s]
            .iter()
            .any(|f| f & (F_ORG_WORDS | F_CALENDAR) != 0)
        {
            return;
        }
        // Places: "Northern Ireland", "New York", "South Korea".
        if fl[ns - s] & F_PLACE_PREFIX != 0 || (e - ns >= 2 && fl[e - 1 - s] & F_PLACES != 0) {
            return;
        }
        let words: Vec<&str> = (ns..e)
            .map(|m| strip_possessive(wl(text, &toks[m])).0)
            .collect();
        if words.iter().any(|w| is_acronym(w)) {
            return;
        }
        let range = toks[ns].s..toks[e - 1].e;
        let range = {
            let st = &text[range.clone()];
            let (b, poss) = strip_possessive(st);
            if poss {
                range.start..range.start + b.len()
            } else {
                range
            }
        };
        if words.len() == 1 && ns > s && fl[ns - 1 - s] & F_RANKS != 0 {
            // "Mr Johnson", "Ms Smith", "Dr. Kowalski": a person known by
            // surname; the rank tells the gender.
            let rank = lw(wl(text, &toks[ns - 1]));
            let g = match rank.as_str().trim_end_matches('.') {
                "mr" | "sir" | "lord" => Gender::Male,
                "mrs" | "ms" | "miss" | "dame" | "lady" => Gender::Female,
                _ => Gender::Unknown,
            };
            let w = words[0];
            let last = lower(w);
            let pid = self.find_or_insert(w, &last, &last, w);
            if self.persons[pid].gender == Gender::Unknown {
                self.persons[pid].gender = g;
            }
            full.push((range, pid));
            return;
        }
        if words.len() == 1 {
            let w = words[0];
            if w.chars().count() >= 2 && !has(w, F_PLACES) && !has(w, F_CAP_STOP) {
                singles.push(range);
            }
            return;
        }
        if words.len() > 4 {
            return;
        }
        // Existing person whose tokens include all of these? Or a new one.
        let pid = match self.cache.get(&text[range.clone()]) {
            Some(&p) => p,
            None => {
                let full_name = words.join(" ");
                let last = lower(words[words.len() - 1]);
                let first = lower(words[0]);
                let p = self.find_or_insert(&full_name, &first, &last, words[0]);
                self.cache.insert(text[range.clone()].to_string(), p);
                p
            }
        };
        if outside(range.start) && self.persons[pid].first_full.is_none() {
            // The first full mention; its title is read when needed.
            self.persons[pid].first_full = Some((toks[s].s, toks[ns].s, toks[e - 1].s));
        }
        full.push((range, pid));
    }

    fn find_or_insert(&mut self, full: &str, first: &str, last: &str, first_word: &str) -> usize {
        let tokens: Vec<String> = full.split(' ').map(lower).collect();
        if let Some(cands) = self.by_key.get(last) {
            for &c in cands.iter().take(16) {
                let ctoks: Vec<String> = self.persons[c].full.split(' ').map(lower).collect();
                let subset = tokens.iter().all(|t| ctoks.contains(t));
                let superset = ctoks.iter().all(|t| tokens.contains(t));
                if subset {
                    return c;
                }
                if superset {
                    // A fuller form of the same person.
                    self.persons[c].full = full.to_string();
                    return c;
                }
                // Same surname, one side has an initial: "Donald Trump" vs
                // "Donald J. Trump".
                let strip = |v: &Vec<String>| {
                    v.iter()
                        .filter(|t| !(t.len() == 2 && t.ends_with('.')))
                        .cloned()
                        .collect::<Vec<_>>()
                };
                let a = strip(&tokens);
                let b = strip(&ctoks);
                if a == b {
                    if tokens.len() > ctoks.len() {
                        self.persons[c].full = full.to_string();
                    }
                    return c;
                }
            }
        }
        let id = self.persons.len();
        self.persons.push(Person {
            full: full.to_string(),
            title: None,
            gender: gender_of(first_word),
            first_full: None,
        });
        self.by_key.entry(last.to_string()).or_default().push(id);
        if let Some(stripped) = last.strip_prefix("al-") {
            self.by_key
                .entry(stripped.to_string())
                .or_default()
                .push(id);
        }
        // First names are looked up only when they are no one's surname.
        self.by_key
            .entry(format!("first:{first}"))
            .or_default()
            .push(id);
        id
    }

    /// The person a name refers to: by surname, by full token match, or by
    /// first name.
    pub fn lookup(&self, name: &str) -> Option<usize> {
        let clean = clean_name(name);
        let words: Vec<&str> = clean.split_whitespace().collect();
        let last = lower(words.last()?);
        if let Some(c) = self.by_key.get(&last) {
            if words.len() == 1 {
                return c.first().copied();
            }
            let toks: Vec<String> = words.iter().map(|w| lower(w)).collect();
            for &p in c.iter().take(16) {
                let ptoks: Vec<String> = self.persons[p].full.split(' ').map(lower).collect();
                if toks
                    .iter()
                    .all(|t| ptoks.contains(t) || (t.len() == 2 && t.ends_with('.')))
                {
                    return Some(p);
                }
            }
            return None;
        }
        if words.len() == 1 {
            if let Some(c) = self.by_key.get(&format!("first:{last}")) {
                if c.len() == 1 {
                    return Some(c[0]);
                }
            }
        }
        None
    }

    /// The title written at a person's first full mention, read on demand
    /// (and remembered).
    pub fn title_of(&self, text: &str, p: usize) -> Option<String> {
        let person = self.persons.get(p)?;
        if person.title.is_some() {
            return person.title.clone();
        }
        let (s, ns, last) = person.first_full?;
        if let Some(t) = self.title_cache.borrow().get(&p) {
            return t.clone();
        }
        let lo = ceil_char(text, s.saturating_sub(160));
        let hi = ceil_char(text, (last + 400).min(text.len()));
        let mut toks = Vec::new();
        tokenize(text, lo, hi, &mut toks);
        let find = |pos: usize| toks.iter().position(|t| t.s == pos);
        let title = match (find(s), find(ns), find(last)) {
            (Some(s2), Some(ns2), Some(e2)) => mention_title(text, &toks, s2, ns2, e2 + 1),
            _ => None,
        };
        self.title_cache.borrow_mut().insert(p, title.clone());
        title
    }

    /// The fullest form of a personal name as found in the text.
    pub fn resolve(&self, name: &str) -> String {
        match self.lookup(name) {
            Some(p) => self.persons[p].full.clone(),
            None => clean_name(name),
        }
    }

    /// The nearest publication named before `pos`.
    pub fn publication_before(&self, text: &str, pos: usize) -> Option<String> {
        let k = self.publications.partition_point(|(r, _)| r.start < pos);
        let multi = if k == 0 {
            None
        } else {
            Some(&self.publications[k - 1])
        };
        // One-word publications ("Reuters") in the last few thousand bytes.
        let lo = ceil_char(
            text,
            pos.saturating_sub(4000)
                .max(multi.map(|m| m.0.end).unwrap_or(0)),
        );
        let mut single: Option<String> = None;
        for_each_cap_word(text, lo, pos.min(text.len()), |r| {
            let w = strip_possessive(&text[r.clone()]).0;
            if has(w, F_PUB_WORDS) && is_cap(w) {
                single = Some(w.to_string());
            }
        });
        single.or_else(|| multi.map(|m| m.1.clone()))
    }

    /// Person mentions whose start lies in `lo..hi`: full names from the
    /// index, and single capitalised words that are known surnames (looked
    /// up here, in at most the last 1500 bytes of the window).
    pub fn mentions_in(&self, text: &str, lo: usize, hi: usize) -> Vec<Mention> {
        let a = self.mentions.partition_point(|m| m.range.start < lo);
        let b = self.mentions.partition_point(|m| m.range.start < hi).max(a);
        let mut v: Vec<Mention> = self.mentions[a..b].iter().take(64).cloned().collect();
        let scan_lo = ceil_char(text, lo.max(hi.saturating_sub(1500)));
        let hi = hi.min(text.len());
        let multi: Vec<Range<usize>> = v.iter().map(|m| m.range.clone()).collect();
        for_each_cap_word(text, scan_lo, hi, |r| {
            if multi.iter().any(|m| m.start <= r.start && r.start < m.end) {
                return;
            }
            let w = strip_possessive(&text[r.clone()]).0;
            let key = lw(w);
            if key.is_empty() || has(w, F_CAP_STOP | F_CALENDAR | F_PLACES) {
                return;
            }
            if let Some(&p) = self.by_key.get(key.as_str()).and_then(|c| c.first()) {
                v.push(Mention {
                    range: r.start..r.start + w.len(),
                    person: p,
                });
            }
        });
        v.sort_by_key(|m| m.range.start);
        v
    }
}

/// Call `f` with the byte range of every capitalised word in `lo..hi`.
fn for_each_cap_word(text: &str, lo: usize, hi: usize, mut f: impl FnMut(Range<usize>)) {
    let bytes = text.as_bytes();
    // Callers may bound the scan inside a character; words are whole.
    let hi = ceil_char(text, hi);
    let mut i = lo;
    while i < hi {
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().unwrap_or(' ');
        if !c.is_alphanumeric() {
            i += c.len_utf8();
            continue;
        }
        let we = skip_word(text, i, hi);
        if c.is_uppercase() {
            f(i..we);
        }
        i = we;
    }
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

/// Skip the word starting at `i` (letters, digits, inner `.'’-&`).
fn skip_word(text: &str, i: usize, end: usize) -> usize {
    let b = text.as_bytes();
    let mut k = i;
    while k < end {
        let c = b[k];
        if c.is_ascii_alphanumeric() {
            k += 1;
        } else if c < 0x80 {
            let inner = matches!(c, b'.' | b'\'' | b'-' | b'&');
            if inner && k + 1 < end && b[k + 1].is_ascii_alphanumeric() {
                k += 1;
            } else {
                break;
            }
        } else {
            let ch = text[k..].chars().next().unwrap_or(' ');
            if ch.is_alphanumeric()
                || (ch == '’'
                    && text
                        .get(k + 3..end)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(|d| d.is_alphanumeric()))
            {
                k += ch.len_utf8();
            } else {
                break;
            }
        }
    }
    k.max(i + 1).min(end)
}

/// Token index one past the run of capitalised words (with initials and
/// name particles) that starts at token 0; a possessive ends the run.
fn run_end(text: &str, toks: &[Tok]) -> usize {
    let n = toks.len();
    let mut e = 0;
    while e < n && toks[e].word {
        let w2 = wl(text, &toks[e]);
        let ok = is_cap(w2)
            || is_acronym(w2)
            || (e > 0
                && is_particle(w2)
                && e + 1 < n
                && toks[e + 1].word
                && is_cap(wl(text, &toks[e + 1])));
        if !ok {
            break;
        }
        e += 1;
        if strip_possessive(w2).1 {
            break;
        }
    }
    e
}

/// Byte ranges of runs of two or more capitalised words (joined by single
/// spaces, name particles allowed between them): candidate names. One pass
/// over the bytes; lower-case words are skipped without decoding.
fn cap_runs(text: &str, out: &mut Vec<Range<usize>>) {
    let b = text.as_bytes();
    let n = b.len();
    let upper_at = |i: usize| -> bool {
        if i >= n {
            return false;
        }
        let c = b[i];
        if c < 0x80 {
            c.is_ascii_uppercase()
        } else {
            text.is_char_boundary(i) && text[i..].chars().next().is_some_and(|ch| ch.is_uppercase())
        }
    };
    // End of the word starting at `i`: the next space or separator (a
    // curly apostrophe stays inside: "Obama’s").
    let word_end = |mut i: usize| -> usize {
        while i < n {
            let c = b[i];
            if matches!(
                c,
                b' ' | b'\n'
                    | b'\t'
                    | b'\r'
                    | b','
                    | b';'
                    | b':'
                    | b'!'
                    | b'?'
                    | b'('
                    | b')'
                    | b'['
                    | b']'
                    | b'"'
                    | b'/'
            ) {
                break;
            }
            if c == 0xE2
                && i + 2 < n
                && b[i + 1] == 0x80
                && matches!(b[i + 2], 0x9C | 0x9D | 0x98 | 0x94 | 0x93)
            {
                break;
            }
            i += 1;
        }
        i
    };
    let word_start = |i: usize| -> bool {
        if i == 0 {
            return true;
        }
        let p = b[i - 1];
        if p < 0x80 {
            !p.is_ascii_alphanumeric() && p != b'\'' && p != b'-'
        } else {
            text.is_char_boundary(i)
                && !text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|ch| ch.is_alphanumeric() || ch == '’')
        }
    };
    const PARTICLES: [&[u8]; 18] = [
        b"al ", b"el ", b"bin ", b"ibn ", b"de ", b"da ", b"di ", b"van ", b"von ", b"der ",
        b"den ", b"la ", b"le ", b"du ", b"dos ", b"del ", b"ben ", b"abu ",
    ];
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c < 0x80 && !c.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        if !(upper_at(i) && word_start(i)) {
            i = word_end(i).max(i + 1);
            continue;
        }
        let s = i;
        let mut e = word_end(i);
        let mut words = 1;
        // One space, an optional particle, then a capitalised word.
        while e + 1 < n && b[e] == b' ' {
            let mut j = e + 1;
            if let Some(p) = PARTICLES.iter().find(|p| b[j..].starts_with(p)) {
                j += p.len();
            }
            let hyphen_particle =
                (b[j..].starts_with(b"al-") || b[j..].starts_with(b"el-")) && upper_at(j + 3);
            if !(upper_at(j) || hyphen_particle) {
                break;
            }
            e = word_end(j).max(j + 1);
            words += 1;
        }
        if words >= 2 {
            out.push(s..e);
        }
        i = e.max(i + 1);
    }
}

/// Does a person fit a pronoun's gender?
pub fn gender_fits(p: &Person, g: Gender) -> bool {
    match (p.gender, g) {
        (Gender::Unknown, _) | (_, Gender::Unknown) => true,
        (a, b) => a == b,
    }
}

/// Title written at a mention: capitalised title words in the run, a
/// lower-case title chain right before it, or an appositive after it
/// ("Alexander Bortnikov, the FSB’s director, went").
fn mention_title(text: &str, toks: &[Tok], s: usize, ns: usize, e: usize) -> Option<String> {
    // Title words inside the run.
    let mut tstart = s;
    while tstart < ns && has(wl(text, &toks[tstart]), F_RANKS) {
        tstart += 1;
    }
    while tstart < ns && has(wl(text, &toks[tstart]), F_CAP_STOP) {
        tstart += 1;
    }
    // Extend left over a lower-case title chain.
    let mut cs = tstart;
    while cs > 0 {
        let t = toks[cs - 1];
        if !t.word {
            break;
        }
        let w = wl(text, &t);
        let ok = has(w, F_TITLE_NOUNS)
            || has(w, F_TITLE_MODS)
            || (is_cap(w) && !has(w, F_CAP_STOP))
            || is_acronym(w)
            || strip_possessive(w).1;
        if !ok {
            break;
        }
        cs -= 1;
    }
    // The chain must contain a title noun to count; ranks alone do not.
    let last_title = (cs..ns)
        .rev()
        .find(|&m| has(strip_possessive(wl(text, &toks[m])).0, F_TITLE_NOUNS));
    if let Some(lt) = last_title {
        // Drop ranks at the end of the chain ("President Gen. X" is rare).
        let _ = lt;
        let mut te = ns;
        while te > cs && has(wl(text, &toks[te - 1]), F_RANKS) {
            te -= 1;
        }
        if te > cs {
            let mut ts = cs;
            while ts < te && lw(wl(text, &toks[ts])) == "then" {
                ts += 1;
            }
            if ts < te {
                return Some(text[toks[ts].s..toks[te - 1].e].to_string());
            }
        }
    }
    // Appositive after the name (an age first is skipped: "Ms Smith, 45,
    // who runs a bakery").
    let mut e = e;
    if e + 2 < toks.len()
        && !toks[e].word
        && wl(text, &toks[e]) == ","
        && wl(text, &toks[e + 1]).bytes().all(|b| b.is_ascii_digit())
        && wl(text, &toks[e + 2]) == ","
    {
        e += 2;
    }
    if e + 1 < toks.len() && !toks[e].word && wl(text, &toks[e]) == "," && toks[e + 1].word {
        let first = wl(text, &toks[e + 1]);
        let l = lw(first);
        // A title noun among the first words makes a description too
        // ("Tunisia country director for Amnesty International").
        let title_soon = title_noun_soon(text, toks, e + 1, toks.len());
        let describes = matches!(
            l.as_str(),
            "the" | "a" | "an" | "who" | "formerly" | "former" | "then"
        ) || has(first, F_TITLE_NOUNS)
            || has(first, F_TITLE_MODS)
            || title_soon;
        if describes {
            let mut m = e + 1;
            while m < toks.len()
                && (toks[m].word
                    || !matches!(wl(text, &toks[m]), "," | "." | ";" | ":" | "—" | "(" | ")"))
            {
                m += 1;
                if m - e > 40 {
                    return None;
                }
            }
            // A clause is not a description: "According to Maria Lopez, the
            // ferry will resume" (a relative clause is: "who said …").
            // A verb before any relative word makes it a clause.
            let relative = matches!(l.as_str(), "who" | "whose");
            let clause = !relative
                && (e + 2..m)
                    .take_while(|&j| {
                        !matches!(
                            lw(wl(text, &toks[j])).as_str(),
                            "who" | "whose" | "which" | "that"
                        )
                    })
                    .any(|j| toks[j].word && is_aux(wl(text, &toks[j])));
            if m > e + 1 && !clause {
                let r = strip_article(text, toks[e + 1].s..toks[m - 1].e);
                return Some(text[r].to_string());
            }
        }
    }
    None
}

/// Does one of the first three words from token `k` (before `hi` and any
/// punctuation) name an office ("Tunisia country director for …")?
fn title_noun_soon(text: &str, toks: &[Tok], k: usize, hi: usize) -> bool {
    (k..hi.min(k + 3))
        .take_while(|&j| toks[j].word)
        .any(|j| has(wl(text, &toks[j]), F_TITLE_NOUNS))
}

/// Auxiliary and modal verbs (the verb of a that-less reported clause).
pub(crate) fn is_aux(w: &str) -> bool {
    matches!(
        lw(w).as_str(),
        "is" | "was"
            | "were"
            | "are"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "should"
            | "must"
            | "did"
            | "does"
            | "do"
            | "won't"
            | "wouldn't"
            | "couldn't"
            | "can't"
            | "isn't"
            | "wasn't"
            | "weren't"
            | "aren't"
            | "hasn't"
            | "haven't"
            | "hadn't"
            | "didn't"
            | "doesn't"
            | "shall"
            | "don't"
            | "shouldn't"
    )
}

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
