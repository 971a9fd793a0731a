//! Quotes and their attribution.
//!
//! [`quotes`] finds direct, partial and nested quotes (words in quotation
//! marks) and indirect speech ("X said that …", "according to X, …") in one
//! text and credits each to a speaker. The conventions are those of
//! `docs/extraction.md`.
//!
//! How it works, in linear passes over the text:
//!
//! 1. Segment paragraphs and sentences ([`crate::extract::segment`]).
//! 2. Scan quotation marks once, deciding for each whether it opens or
//!    closes from the characters around it (apostrophes such as `Russia’s`,
//!    `'90s` or `Coats’ comments` are recognised and skipped).
//! 3. Pair marks paragraph by paragraph. An unclosed double quote continues
//!    into the next paragraph only when that paragraph opens with a quote
//!    mark (the news convention for multi-paragraph quotes), starts in lower
//!    case (a broken line) or begins with a closing mark; otherwise it ends
//!    with its paragraph. Single marks inside double ones are nested quotes.
//! 4. Collect person names once ([`NameIndex`]).
//! 5. Find indirect speech around cue words outside quotes.
//! 6. Attribute every item in text order, looking only at a bounded window
//!    around it: the cue after the quote (`,” X said`), the cue before it
//!    (`X said: “`), an introducing sentence ending in a colon, or the
//!    previous quote's speaker (a quote paragraph that continues a
//!    speaker's words). Pronouns and definite descriptions ("the
//!    president") are resolved to the nearest fitting person.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::extract::doc::Doc;
use crate::extract::model::{Quote, QuoteKind, SpeakerKind};
use crate::extract::segment::{self, next_sentence_end, sentence_index};
use crate::extract::speakers::is_aux;
use crate::extract::speakers::{
    self, clause_subject, cue_at, gender_fits, lower, lw, parse_np, strip_article, subject_after,
    subject_before, subject_filling, tokenize, Cue, Gender, NameIndex, Np, NpKind, Subject, Tok,
};

/// How far back (bytes) a cue before a quote is looked for.
const PRE_WINDOW: usize = 700;
/// How far forward (bytes) a cue after a quote is looked for.
const POST_WINDOW: usize = 400;
/// How far back (bytes) a pronoun's antecedent is looked for.
const PRONOUN_WINDOW: usize = 2500;

// ---------------------------------------------------------------------------
// Quotation marks.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fam {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A straight double quote whose context does not decide.
    Either,
    /// An apostrophe, not a quotation mark.
    Apos,
}

#[derive(Debug, Clone, Copy)]
struct Mark {
    pos: usize,
    len: usize,
    fam: Fam,
    role: Role,
    /// The character before is an `s` (`Coats’`): a closing single mark may
    /// be a plural possessive.
    after_s: bool,
}

fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '«' | '»' | '‹' | '›'
    )
}

/// Elided words written with a leading apostrophe ('em, 'til, 'n').
fn elision_follows(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(6)
        .collect();
    matches!(
        word.to_lowercase().as_str(),
        "em" | "til" | "cause" | "n" | "tis" | "twas" | "bout" | "nuff" | "cept" | "round" | "s"
    )
}

/// Find every quotation mark and decide its role from its neighbours.
fn scan_marks(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        let (c, len) = match b {
            b'"' => ('"', 1),
            b'\'' => ('\'', 1),
            0xE2 if i + 2 < n && bytes[i + 1] == 0x80 => match bytes[i + 2] {
                0x9C => ('“', 3),
                0x9D => ('”', 3),
                0x9E => ('„', 3),
                0x98 => ('‘', 3),
                0x99 => ('’', 3),
                0xB9 => ('‹', 3),
                0xBA => ('›', 3),
                _ => {
                    i += 1;
                    continue;
                }
            },
            0xC2 if i + 1 < n && (bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB) => {
                (if bytes[i + 1] == 0xAB { '«' } else { '»' }, 2)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let prev = text[..i].chars().next_back();
        let next = text[i + len..].chars().next();
        let fam = match c {
            '"' | '“' | '”' | '„' | '«' | '»' => Fam::Double,
            _ => Fam::Single,
        };
        let prev_space = prev.is_none_or(|p| p.is_whitespace());
        let next_space = next.is_none_or(|p| p.is_whitespace());
        let left_ctx = prev.is_none_or(|p| {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | '*' | '_' | '>'
                )
                || is_quote_char(p)
        });
        let right_ctx = next.is_none_or(|p| {
            p.is_whitespace()
                || matches!(
                    p,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '>'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '…'
                        | '*'
                        | '_'
                        | '<'
                )
                || is_quote_char(p)
        });
        let lf = left_ctx && !next_space;
        let rf = right_ctx && !prev_space;
        let role = match fam {
            Fam::Double => {
                if lf && !rf {
                    Role::Open
                } else if rf && !lf {
                    Role::Close
                } else {
                    match c {
                        '“' | '„' | '«' => Role::Open,
                        '”' | '»' => Role::Close,
                        _ => Role::Either,
                    }
                }
            }
            Fam::Single => {
                let p_alnum = prev.is_some_and(|p| p.is_alphanumeric());
                let n_alnum = next.is_some_and(|p| p.is_alphanumeric());
                // Between letters ("Russia’s", "don't") or before digits
                // ("'90s"): an apostrophe.
                if (p_alnum && n_alnum) || (lf && next.is_some_and(|p| p.is_ascii_digit())) {
                    Role::Apos
                } else if lf && !rf {
                    if c == '’' || elision_follows(&text[i + len..]) {
                        Role::Apos
                    } else {
                        Role::Open
                    }
                } else if rf && !lf {
                    Role::Close
                } else {
                    Role::Apos
                }
            }
        };
        let after_s = matches!(prev, Some('s') | Some('S'));
        out.push(Mark {
            pos: i,
            len,
            fam,
            role,
            after_s,
        });
        i += len;
    }
    out
}

/// A pair of marks (or an unclosed opening mark ended by its paragraph).
#[derive(Debug, Clone)]
struct Pair {
    open: usize,
    /// Byte range between the marks (untrimmed).
    raw: Range<usize>,
    /// Offset just past the closing mark (= `raw.end` when unclosed).
    close_end: usize,
    inner: Vec<InnerPair>,
}

#[derive(Debug, Clone)]
struct InnerPair {
    open: usize,
    raw: Range<usize>,
    close_end: usize,
}

struct OpenQuote {
    mark: Mark,
    inner: Vec<InnerPair>,
    inner_open: Option<Mark>,
    /// Index in the mark list of the opening mark (for rewinding).
    mark_idx: usize,
}

/// Is there another closing single mark ahead (before a new opening one) in
/// the same paragraph? Used to read `s’` as a possessive when the quote
/// closes later. Looks at no more than 64 marks.
fn later_single_close(marks: &[Mark], from: usize, para_end: usize) -> bool {
    for m in marks.iter().skip(from).take(64) {
        if m.pos >= para_end {
            return false;
        }
        if m.fam != Fam::Single {
            continue;
        }
        match m.role {
            Role::Close if !m.after_s => return true,
            Role::Open => return false,
            _ => {}
        }
    }
    false
}

/// End the open quote `o`: its text runs to `raw_end`, its closing mark
/// (if any) to `close_end`. The pair is kept unless nothing but whitespace
/// lies between its marks: such a pair quotes nothing, and a run of opening
/// marks would otherwise cost a pair per mark.
fn end_quote(text: &str, pairs: &mut Vec<Pair>, o: OpenQuote, raw_end: usize, close_end: usize) {
    let raw = o.mark.pos + o.mark.len..raw_end;
    if !text[raw.clone()].trim().is_empty() {
        pairs.push(Pair {
            open: o.mark.pos,
            raw,
            close_end,
            inner: o.inner,
        });
    }
}

/// Pair the marks paragraph by paragraph (see the module docs).
fn pair_marks(text: &str, marks: &[Mark], paras: &[Range<usize>]) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut cur: Option<OpenQuote> = None;
    let mut mi = 0usize;
    let mut skip: Option<usize> = None; // position of a consumed continuation mark
    let mut ignored: Option<usize> = None; // a stray single opener ignored on rewind
    let mut pi = 0usize;
    while pi < paras.len() {
        let para = paras[pi].clone();
        let para_first_mark = mi;
        while mi < marks.len() && marks[mi].pos < para.end {
            let m = marks[mi];
            let idx = mi;
            mi += 1;
            if m.pos < para.start || skip == Some(m.pos) || ignored == Some(m.pos) {
                continue;
            }
            match cur.as_mut() {
                None => {
                    let opens = match m.fam {
                        Fam::Double => matches!(m.role, Role::Open | Role::Either),
                        Fam::Single => m.role == Role::Open,
                    };
                    if opens {
                        cur = Some(OpenQuote {
                            mark: m,
                            inner: Vec::new(),
                            inner_open: None,
                            mark_idx: idx,
                        });
                    }
                }
                Some(o) if m.fam == o.mark.fam => {
                    let closes = match m.role {
                        Role::Close => {
                            !(m.fam == Fam::Single
                                && m.after_s
                                && later_single_close(marks, mi, para.end))
                        }
                        Role::Either => true,
                        _ => false,
                    };
                    if closes {
                        let o = cur.take().expect("open quote");
                        end_quote(text, &mut pairs, o, m.pos, m.pos + m.len);
                    } else if m.role == Role::Open {
                        if m.fam == Fam::Double {
                            // A new opening mark while one is open: the
                            // first was never closed; end it here.
                            let o = cur.take().expect("open quote");
                            end_quote(text, &mut pairs, o, m.pos, m.pos);
                        }
                        cur = Some(OpenQuote {
                            mark: m,
                            inner: Vec::new(),
                            inner_open: None,
                            mark_idx: idx,
                        });
                    }
                }
                Some(o) => {
                    // The other family: nested quotes.
                    match (o.inner_open, m.role) {
                        (None, Role::Open) | (None, Role::Either) => o.inner_open = Some(m),
                        (Some(_), Role::Open) => o.inner_open = Some(m),
                        (Some(io), Role::Close) | (Some(io), Role::Either) => {
                            let possessive = m.fam == Fam::Single
                                && m.after_s
                                && later_single_close(marks, mi, para.end);
                            if !possessive {
                                o.inner.push(InnerPair {
                                    open: io.pos,
                                    raw: io.pos + io.len..m.pos,
                                    close_end: m.pos + m.len,
                                });
                                o.inner_open = None;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        // End of paragraph with a quote still open.
        if let Some(o) = cur.take() {
            if o.mark.fam == Fam::Single {
                // An unclosed single mark was most likely an apostrophe:
                // forget it and read the rest of the paragraph again.
                if ignored != Some(o.mark.pos) && o.mark.pos >= para.start {
                    ignored = Some(o.mark.pos);
                    mi = o.mark_idx + 1;
                    let _ = para_first_mark;
                    continue;
                }
            } else {
                let mut cont = false;
                if let Some(np) = paras.get(pi + 1) {
                    let first = text[np.start..].chars().next();
                    if first.is_some_and(|c| matches!(c, '“' | '„' | '«' | '"')) {
                        cont = true;
                        skip = Some(np.start);
                    } else if first.is_some_and(|c| c.is_lowercase()) {
                        cont = true;
                    } else {
                        // First double mark of the next paragraph closes?
                        for m in marks.iter().skip(mi).take(256) {
                            if m.pos >= np.end {
                                break;
                            }
                            if m.fam == Fam::Double {
                                cont = m.role == Role::Close;
                                break;
                            }
                        }
                    }
                }
                if cont {
                    cur = Some(OpenQuote {
                        inner_open: None,
                        ..o
                    });
                } else {
                    end_quote(text, &mut pairs, o, para.end, para.end);
                }
            }
        }
        pi += 1;
    }
    if let Some(o) = cur.take() {
        if o.mark.fam == Fam::Double {
            let end = text.len();
            end_quote(text, &mut pairs, o, end, end);
        }
    }
    pairs.sort_by_key(|p| p.open);
    pairs
}

/// Trim quoted text: whitespace at both ends; a trailing `,` `.` `;` `:`
/// inside the closing mark (but `...`, `?`, `!` stay).
fn trim_quote(text: &str, r: Range<usize>) -> Range<usize> {
    let (mut s, mut e) = segment::trim_range(text, r.start, r.end);
    loop {
        let t = &text[s..e];
        if t.ends_with("...") || t.ends_with('…') {
            break;
        }
        match t.chars().next_back() {
            Some(c @ (',' | '.' | ';' | ':')) => {
                e -= c.len_utf8();
                let (s2, e2) = segment::trim_range(text, s, e);
                s = s2;
                e = e2;
            }
            _ => break,
        }
        if s >= e {
            break;
        }
    }
    s..e
}

fn word_count(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}

// ---------------------------------------------------------------------------
// Attribution.

/// Who a quote is credited to.
#[derive(Debug, Clone, Default)]
struct Attr {
    speaker: Option<String>,
    as_written: Option<String>,
    title: Option<String>,
    kind: Option<SpeakerKind>,
    cue: Option<String>,
    /// Person id in the name index, for pronoun gender checks.
    person: Option<usize>,
    /// An unnamed single person described by role ("the mayor"): a
    /// possible antecedent of he/she.
    role: bool,
}

impl Attr {
    fn has_speaker(&self) -> bool {
        self.speaker.is_some()
    }
}

/// An attributed item kept for later look-ups (continuations, pronouns).
#[derive(Debug, Clone)]
struct Hist {
    pos: usize,
    end: usize,
    para: usize,
    attr: Attr,
    /// The item was a marked quote (not indirect speech).
    marked: bool,
    kind: QuoteKind,
    /// Attributed by a cue right after it (`“…,” he said,`).
    post_cue: bool,
}

struct Ctx<'a> {
    text: &'a str,
    /// Paragraphs, sentences and tokens, built once.
    doc: Doc<'a>,
    /// Outer quote spans (open mark .. past close mark), sorted.
    spans: Vec<Range<usize>>,
    index: NameIndex,
    hist: Vec<Hist>,
    /// Attribution of the last nested quote (for split nested quotes).
    hist_inner_last: Option<Attr>,
    /// While attributing inside a quote: the quote's own attribution ("I"
    /// and "we" refer to its speaker).
    cur_outer: Option<Attr>,
    /// Attribution of each marked quote (by pair index), once known.
    pair_attr: Vec<Option<Box<Attr>>>,
    /// The quote whose nested quotes are being attributed: mentions inside
    /// it count for pronouns.
    cur_outer_range: Option<Range<usize>>,
    /// Nested quotes attributed so far inside the current outer quote.
    inner_hist: Vec<(usize, Attr)>,
    /// The last [`narrator_cut`] scan: from, sentence end, the cut found
    /// (see [`Ctx::clause_end`]).
    last_cut: std::cell::Cell<(usize, usize, usize)>,
}

/// Longest stretch (bytes) searched forward for the end of a sentence, so
/// that text without full stops cannot make the work quadratic.
const MAX_SENTENCE: usize = 2000;

/// [`next_sentence_end`] looking no further than [`MAX_SENTENCE`] bytes.
fn bounded_sentence_end(t: &str, from: usize, limit: usize) -> usize {
    let lim = floor_boundary(t, limit.min(from.saturating_add(MAX_SENTENCE))).max(from);
    next_sentence_end(t, from, lim)
}

impl<'a> Ctx<'a> {
    /// End of the sentence holding `from` (before its final punctuation),
    /// not past `limit`: a look-up in the sentence list, so that many
    /// anchors in one long sentence cost no rescans.
    fn sentence_end(&self, from: usize, limit: usize) -> usize {
        let t = self.text;
        let limit = limit.min(t.len()).min(from.saturating_add(MAX_SENTENCE));
        if let Some(i) = sentence_index(&self.doc.sents, from) {
            let s = &self.doc.sents[i];
            if s.end > from {
                let body = t[from..s.end]
                    .trim_end_matches(|c: char| segment::is_closer(c) || c.is_whitespace());
                let body = body.trim_end_matches(['.', '!', '?', '…']);
                let e = (from + body.len()).min(limit).max(from);
                return floor_boundary(t, e).max(from);
            }
        }
        bounded_sentence_end(t, from, limit)
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    if i >= text.len() {
        return text.len();
    }
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl<'a> Ctx<'a> {
    fn inside_quote(&self, pos: usize) -> bool {
        let k = self.spans.partition_point(|r| r.start <= pos);
        k > 0 && pos < self.spans[k - 1].end
    }

    fn para_of(&self, pos: usize) -> usize {
        segment::paragraph_index(&self.doc.paras, pos).unwrap_or(0)
    }

    fn sent_start(&self, pos: usize) -> usize {
        match sentence_index(&self.doc.sents, pos) {
            Some(i) => self.doc.sents[i].start.min(pos),
            None => 0,
        }
    }

    /// Turn a speaker noun phrase into an attribution, resolving names,
    /// pronouns, definite descriptions and generic publication words.
    fn resolve(&self, subj: &Subject, cue: Option<&str>, at: usize) -> Attr {
        let t = self.text;
        let np: &Np = &subj.np;
        let written = t[np.written.clone()].to_string();
        // A description after the name says more than a bare rank or office
        // before it ("Senator Mark Warner, a Virginia Democrat,"); a title
        // chain before the name ("CIA Director John Brennan") stands alone.
        let bare = |r: &Range<usize>| !t[r.clone()].trim().contains(char::is_whitespace);
        let title_here = match (&np.title, &subj.appositive) {
            (Some(pre), Some(app)) if bare(pre) => Some(app.clone()),
            (pre, app) => pre.clone().or(app.clone()),
        }
        .map(|r| t[r].trim().to_string())
        .filter(|s| !s.is_empty());
        let cue = cue.map(|c| lower(c).replace('’', "'"));
        let mut a = Attr {
            as_written: Some(written.clone()),
            cue,
            ..Attr::default()
        };
        match np.kind {
            NpKind::Person => {
                let name = &t[np.name.clone()];
                let p = self.index.lookup(name);
                a.speaker = Some(match p {
                    Some(p) => self.index.persons[p].full.clone(),
                    None => clean_speaker(name),
                });
                a.person = p;
                a.kind = Some(SpeakerKind::Person);
                a.title = title_here.or_else(|| p.and_then(|p| self.index.title_of(t, p)));
            }
            NpKind::Pronoun(g) => {
                a.kind = Some(SpeakerKind::Person);
                if let Some((name, p, title)) = self.antecedent(at, g) {
                    a.speaker = Some(name);
                    a.person = p;
                    a.title = title;
                }
            }
            NpKind::Definite => {
                a.kind = Some(SpeakerKind::Person);
                // The head noun: the last word before any post-modifier
                // ("the head of Russia's FSB" → "head").
                let core = ["of ", "for ", "at "]
                    .iter()
                    .filter_map(|p| written.find(&format!(" {p}")))
                    .min()
                    .map(|i| &written[..i])
                    .unwrap_or(&written);
                let head = core.rsplit(' ').next().unwrap_or("").to_lowercase();
                if let Some(prev) = self.anon_antecedent(at, &head) {
                    // "A Reuters spokesperson said … the spokesperson wrote".
                    a.speaker = prev.speaker;
                    a.kind = prev.kind;
                } else if let Some((name, p, title)) = self.definite_antecedent(at, &head) {
                    a.speaker = Some(name);
                    a.person = p;
                    a.title = title;
                } else if let Some(p) = self.next_person(np.written.end) {
                    // A lede that names its speaker only afterwards ("The
                    // head of Russia's FSB said … Gen. Alexander Bortnikov").
                    let role = strip_article(t, np.written.clone());
                    a.speaker = Some(self.index.persons[p].full.clone());
                    a.person = Some(p);
                    a.title = Some(t[role].to_string());
                } else {
                    // An unnamed person described by role ("the mayor"):
                    // later pronouns may refer to it.
                    a.speaker = Some(clean_speaker(&written));
                    a.kind = Some(SpeakerKind::Anonymous);
                    a.title = title_here;
                    a.role = true;
                }
            }
            NpKind::PubGeneric => {
                a.kind = Some(SpeakerKind::Publication);
                a.speaker = self.index.publication_before(self.text, at);
            }
            NpKind::Pub => {
                a.kind = Some(SpeakerKind::Publication);
                a.speaker = Some(clean_speaker(&drop_lower_the(&written)));
            }
            NpKind::Org => {
                a.kind = Some(SpeakerKind::Organisation);
                a.speaker = Some(clean_speaker(&drop_any_the(&written)));
            }
            NpKind::Doc => {
                a.kind = Some(SpeakerKind::Document);
                a.speaker = Some(clean_speaker(&written));
            }
            NpKind::Anon => {
                a.kind = Some(SpeakerKind::Anonymous);
                a.speaker = Some(clean_speaker(&written));
            }
            NpKind::They => {
                a.kind = Some(SpeakerKind::Anonymous);
                // "they" refers to the last plural unnamed source, if any.
                if let Some(h) = self.hist.iter().rev().take(4).find(|h| {
                    h.attr.kind == Some(SpeakerKind::Anonymous) && at.saturating_sub(h.pos) < 1500
                }) {
                    a.speaker = h.attr.speaker.clone();
                }
            }
            NpKind::OrgGeneric => {
                a.kind = Some(SpeakerKind::Organisation);
                a.speaker = Some(clean_speaker(&written));
            }
            NpKind::FirstPerson => {
                // "I told him, ‘…’": inside a quote, its speaker.
                if let Some(o) = &self.cur_outer {
                    a.speaker = o.speaker.clone();
                    a.kind = o.kind;
                    a.person = o.person;
                    a.title = o.title.clone();
                }
            }
            NpKind::Relative => {}
        }
        a
    }

    /// The person a he/she at `at` refers to: the nearest sentence before
    /// it (the pronoun's own sentence first) that mentions a fitting person
    /// outside quotes or holds a quote by one; within it, a quote's speaker
    /// first, then the first mention (the subject).
    fn antecedent(&self, at: usize, g: Gender) -> Option<(String, Option<usize>, Option<String>)> {
        // Inside a quote, look in the quote's own words first.
        if let Some(r) = &self.cur_outer_range {
            if let Some(found) = self.antecedent_from(at, g, r.start) {
                return Some(found);
            }
        }
        self.antecedent_from(at, g, 0)
    }

    /// [`Self::antecedent`], looking no further back than `min_pos`.
    fn antecedent_from(
        &self,
        at: usize,
        g: Gender,
        min_pos: usize,
    ) -> Option<(String, Option<usize>, Option<String>)> {
        let si = sentence_index(&self.doc.sents, at)?;
        let floor = at.saturating_sub(PRONOUN_WINDOW).max(min_pos);
        let mut k = si as isize;
        let mut steps = 0;
        while k >= 0 && steps < 8 {
            let s = &self.doc.sents[k as usize];
            if s.end < floor {
                break;
            }
            let lo = s.start.max(min_pos);
            let hi = if k as usize == si { at } else { s.end };
            if lo >= hi {
                break;
            }
            // Speakers of quotes in this sentence.
            // Nested quotes already attributed in this sentence.
            for (pos, a) in self.inner_hist.iter().rev().take(8) {
                if *pos >= lo && *pos < hi && a.kind == Some(SpeakerKind::Person) {
                    let fits = a
                        .person
                        .is_none_or(|p| gender_fits(&self.index.persons[p], g));
                    if fits && a.speaker.is_some() {
                        return Some((a.speaker.clone()?, a.person, a.title.clone()));
                    }
                }
            }
            for h in self.hist.iter().rev().take(32) {
                // Inside a quote, its own speaker is not "he" or "she".
                let own = self
                    .cur_outer_range
                    .as_ref()
                    .is_some_and(|r| h.pos >= r.start && h.pos <= r.end);
                if h.pos >= hi || own {
                    continue;
                }
                if h.pos < lo {
                    break;
                }
                if (h.attr.kind == Some(SpeakerKind::Person) || h.attr.role)
                    && h.attr.speaker.is_some()
                {
                    let fits = h
                        .attr
                        .person
                        .is_none_or(|p| gender_fits(&self.index.persons[p], g));
                    if fits {
                        return Some((
                            h.attr.speaker.clone()?,
                            h.attr.person,
                            h.attr.title.clone(),
                        ));
                    }
                }
            }
            for m in self.index.mentions_in(self.text, lo, hi).iter().take(64) {
                let in_cur = self
                    .cur_outer_range
                    .as_ref()
                    .is_some_and(|r| r.contains(&m.range.start));
                if self.inside_quote(m.range.start) && !in_cur {
                    continue;
                }
                let p = &self.index.persons[m.person];
                if gender_fits(p, g) {
                    return Some((
                        p.full.clone(),
                        Some(m.person),
                        self.index.title_of(self.text, m.person),
                    ));
                }
            }
            k -= 1;
            steps += 1;
        }
        None
    }

    /// An earlier unnamed source with the same head noun ("A Reuters
    /// spokesperson" for "the spokesperson").
    fn anon_antecedent(&self, at: usize, head: &str) -> Option<Attr> {
        let inner = self.inner_hist.iter().rev().map(|(p, a)| (*p, a));
        let outer = self.hist.iter().rev().take(12).map(|h| (h.pos, &h.attr));
        for (pos, a) in inner.chain(outer) {
            if pos >= at || at - pos > 4 * PRONOUN_WINDOW {
                continue;
            }
            if a.kind == Some(SpeakerKind::Anonymous) {
                let aw = a.as_written.as_deref().unwrap_or("");
                if aw
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(head))
                {
                    return Some(a.clone());
                }
            }
        }
        None
    }

    /// The first person named (outside quotes) after `pos`, within the same
    /// or the next paragraph.
    fn next_person(&self, pos: usize) -> Option<usize> {
        let pi = self.para_of(pos);
        let hi = self
            .doc
            .paras
            .get(pi + 1)
            .map(|p| p.end)
            .unwrap_or(self.doc.paras[pi].end)
            .min(pos + 1200);
        self.index
            .mentions_in(self.text, pos, hi)
            .iter()
            .find(|m| !self.inside_quote(m.range.start))
            .map(|m| m.person)
    }

    /// "the president", "The Russian official": the last person credited
    /// with a quote nearby, else the nearest person mentioned.
    ///
    /// A specific office ("the minister", "the mayor") must match the
    /// person's title, when one is written.
    fn definite_antecedent(
        &self,
        at: usize,
        head: &str,
    ) -> Option<(String, Option<usize>, Option<String>)> {
        let specific = matches!(
            head,
            "president"
                | "minister"
                | "mayor"
                | "governor"
                | "senator"
                | "chancellor"
                | "secretary"
                | "ambassador"
                | "director"
                | "premier"
                | "king"
                | "queen"
                | "prince"
                | "pope"
                | "chairman"
                | "chairwoman"
                | "ceo"
                | "judge"
                | "prosecutor"
                | "commissioner"
                | "leader"
                | "general"
                | "coach"
                | "manager"
                | "editor"
                | "founder"
                | "sheriff"
        );
        let mut first_person: Option<&Hist> = None;
        for h in self.hist.iter().rev().take(12) {
            if at.saturating_sub(h.pos) > 4 * PRONOUN_WINDOW {
                break;
            }
            if h.attr.kind == Some(SpeakerKind::Person) && h.attr.speaker.is_some() {
                if !specific {
                    return Some((h.attr.speaker.clone()?, h.attr.person, h.attr.title.clone()));
                }
                let title = h.attr.title.as_deref().unwrap_or("");
                let aw = h.attr.as_written.as_deref().unwrap_or("");
                if role_names(title, head) || role_names(aw, head) {
                    return Some((h.attr.speaker.clone()?, h.attr.person, h.attr.title.clone()));
                }
                // The most recent person with no written title is the
                // fallback (one with another title is someone else).
                if first_person.is_none() && title.is_empty() {
                    first_person = Some(h);
                }
            }
        }
        if specific {
            // The last speaker has no written title at all: take them.
            if let Some(h) = first_person {
                if h.attr.title.is_none() {
                    return Some((h.attr.speaker.clone()?, h.attr.person, None));
                }
            }
            // A person whose written title names the office.
            let mut found = None;
            for (i, _) in self.index.persons.iter().enumerate().take(200) {
                if self
                    .index
                    .title_of(self.text, i)
                    .is_some_and(|t| role_names(&t, head))
                {
                    if found.is_some() {
                        found = None;
                        break;
                    }
                    found = Some(i);
                }
            }
            if let Some(i) = found {
                let p = &self.index.persons[i];
                return Some((p.full.clone(), Some(i), self.index.title_of(self.text, i)));
            }
        }
        None
    }
}

/// Does a title name the role `head` (as its own word, before any
/// post-modifier)? "Russian President" and "president of the club" do;
/// "coordinator … on President Obama's council" does not.
fn role_names(title: &str, head: &str) -> bool {
    let lower = title.to_lowercase();
    let mut core = lower.as_str();
    for cut in [
        " of ", " on ", " at ", " for ", " in ", ",", " who ", " from ", " to ",
    ] {
        if let Some(p) = core.find(cut) {
            core = &core[..p];
        }
    }
    core.split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| w == head)
}

fn clean_speaker(s: &str) -> String {
    let s = s.trim().trim_end_matches([',', '.', ':', ';']).trim();
    let s = s
        .strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s);
    s.to_string()
}

/// Organisations drop a leading "the" whatever its case ("The FSB" → "FSB").
fn drop_any_the(s: &str) -> String {
    for p in ["the ", "The "] {
        if let Some(r) = s.strip_prefix(p) {
            return r.to_string();
        }
    }
    s.to_string()
}

/// Publications drop only a lower-case "the" ("The Daily Beast" keeps its
/// capital "The", which is part of the name).
fn drop_lower_the(s: &str) -> String {
    s.strip_prefix("the ").unwrap_or(s).to_string()
}

/// What a window search found.
struct Found {
    attr: Attr,
    /// The cue came after the quote.
    post: bool,
}

impl<'a> Ctx<'a> {
    /// A cue right after a quote: `,” X said`, `,” said X`, `” Carpenter
    /// asks.` The window runs from the closing mark to the end of the
    /// sentence or the next quote.
    fn post_cue(
        &self,
        close_end: usize,
        hi: usize,
        ended_with_stop: bool,
        toks: &mut Vec<Tok>,
    ) -> Option<Attr> {
        let t = self.text;
        self.doc.tokens(close_end, hi, toks);
        // Skip leading punctuation: `,” he said`, `— he said`.
        let mut k = 0;
        while k < toks.len() && !toks[k].word {
            let p = &t[toks[k].s..toks[k].e];
            if matches!(p, "," | "—" | "–" | "-") {
                k += 1;
            } else {
                return None;
            }
        }
        if k >= toks.len() {
            return None;
        }
        let lo = k;
        if ended_with_stop && t[close_end..hi].trim_end().ends_with(':') {
            // `.” As The Daily Beast noted: “…`: the next sentence introduces
            // another quote.
            return None;
        }
        // Inverted: "said Gen. Alexander Bortnikov".
        if let Some(c) = cue_at(t, toks, lo, true) {
            if c.according {
                return None;
            }
            let w = lw(&t[toks[lo].s..toks[lo].e]);
            if !speakers_invertable(&w) {
                return None;
            }
            let subj = subject_after(t, toks, c.tok_end, toks.len())?;
            if !subj.np.is_speaker() {
                return None;
            }
            if ended_with_stop && toks.len() - subj.np.tok_end > 6 {
                return None;
            }
            return Some(self.resolve(&subj, Some(&t[c.range.clone()]), close_end));
        }
        // "X[, appositive,] (adverbs) cue": the first cue in the window.
        let limit = toks.len().min(lo + 60);
        for k in lo + 1..limit {
            if !toks[k].word {
                continue;
            }
            // Right after a quote, context verbs count too ("she
            // continued", "the statement read").
            let Some(c) = cue_at(t, toks, k, false) else {
                continue;
            };
            if c.according {
                return None;
            }
            let subj = subject_filling(t, toks, lo, c.tok)?;
            if ended_with_stop && toks.len() - c.tok_end > 6 {
                return None;
            }
            let cue_text = cue_with_aux(t, toks, lo, &c);
            return Some(self.resolve(&subj, Some(&cue_text), close_end));
        }
        None
    }

    /// A cue before a quote within the window `lo..hi` (the quote's own
    /// sentence up to its opening mark). The cue nearest the quote that has
    /// a speaker wins.
    fn pre_cue(&self, lo: usize, hi: usize, strict: bool, toks: &mut Vec<Tok>) -> Option<Attr> {
        let t = self.text;
        self.doc.tokens(lo, hi, toks);
        let n = toks.len();
        let mut tries = 0;
        let mut k = n;
        while k > 0 && tries < 4 {
            k -= 1;
            if !toks[k].word {
                continue;
            }
            let Some(c) = cue_at(t, toks, k, strict) else {
                continue;
            };
            // Context-dependent verbs count only right before the quote.
            if !strict && n - c.tok_end > 5 && !c.according {
                let lw = lw(&t[toks[k].s..toks[k].e]);
                if !speakers::is_cue_word(&lw) {
                    continue;
                }
            }
            tries += 1;
            if let Some(a) = self.attr_for_cue(toks, 0, &c, hi) {
                return Some(a);
            }
        }
        None
    }

    /// The speaker for cue `c` found among `toks` (whose clause starts at
    /// token `lo`).
    fn attr_for_cue(&self, toks: &[Tok], lo: usize, c: &Cue, at: usize) -> Option<Attr> {
        let t = self.text;
        let cue_text = t[c.range.clone()].to_string();
        if c.according {
            let subj = according_np(t, toks, c.tok_end)?;
            return Some(self.resolve(&subj, Some("according to"), at));
        }
        // A participle right after a noun phrase belongs to it ("a question
        // on the Pentagon saying that …").
        let after_comma = c.tok > lo && !toks[c.tok - 1].word;
        if c.participle && !after_comma {
            if let Some(subj) = subject_before(t, toks, lo, c.tok) {
                if subj.appositive.is_none() {
                    return Some(self.resolve(&subj, Some(&cue_text), toks[c.tok].s));
                }
            }
            return None;
        }
        if c.participle {
            // "…, tweeting:" / "…, noting that": the clause's subject, or the
            // speaker of an earlier quote in the same sentence.
            if let Some(h) = self.same_sentence_speaker(t_pos(toks, lo), at) {
                let mut a = h;
                a.cue = Some(lower(&cue_text));
                return Some(a);
            }
            let subj = clause_subject(t, toks, lo, c.tok)?;
            if !matches!(
                subj.np.kind,
                NpKind::Pronoun(_)
                    | NpKind::Person
                    | NpKind::Definite
                    | NpKind::Anon
                    | NpKind::Org
                    | NpKind::Pub
                    | NpKind::PubGeneric
            ) {
                return None;
            }
            return Some(self.resolve(&subj, Some(&cue_text), toks[c.tok].s));
        }
        if let Some(subj) = subject_before(t, toks, lo, c.tok) {
            let cue_full = cue_with_aux(t, toks, lo, c);
            return Some(self.resolve(&subj, Some(&cue_full), toks[c.tok].s));
        }
        // Coordinated verbs share the subject: "X said “…,” but conceded that".
        if c.tok > lo {
            let prev = lw(&t[toks[c.tok - 1].s..toks[c.tok - 1].e]);
            if matches!(
                prev.as_str(),
                "and" | "but" | "or" | "then" | "also" | "later"
            ) || c.tok == lo
            {
                if let Some(mut a) = self.same_sentence_speaker(t_pos(toks, lo), at) {
                    a.cue = Some(lower(&cue_text));
                    return Some(a);
                }
            }
        } else if let Some(mut a) = self.same_sentence_speaker(t_pos(toks, lo), at) {
            a.cue = Some(lower(&cue_text));
            return Some(a);
        }
        // A subject further back in the cue's own clause ("Lavrov hinted …
        // when told X that"), unless a relative word stands for something
        // else ("a report …, which suggested").
        let mut seg_lo = lo;
        for k in (lo..c.tok).rev() {
            if !toks[k].word
                && matches!(&t[toks[k].s..toks[k].e], "," | ";" | ":" | "—" | "(" | ")")
            {
                seg_lo = k + 1;
                break;
            }
        }
        if (seg_lo..c.tok).any(|k| {
            matches!(
                lw(&t[toks[k].s..toks[k].e]).as_str(),
                "which" | "that" | "who" | "whom"
            )
        }) {
            return None;
        }
        let subj = clause_subject(t, toks, seg_lo, c.tok)?;
        if matches!(
            subj.np.kind,
            NpKind::Pronoun(_) | NpKind::Person | NpKind::Definite
        ) {
            return Some(self.resolve(&subj, Some(&cue_text), toks[c.tok].s));
        }
        None
    }

    /// The speaker of the last attributed item in the same sentence as
    /// `at` (starting no earlier than `lo`).
    fn same_sentence_speaker(&self, lo: usize, at: usize) -> Option<Attr> {
        let s = self.sent_start(at).min(lo);
        let h = self.hist.last()?;
        if h.pos >= s.min(at) && h.pos < at && h.attr.has_speaker() {
            let mut a = h.attr.clone();
            a.as_written = h.attr.as_written.clone();
            return Some(a);
        }
        // The previous quote may have begun before the sentence start
        // computed from the segmentation (`?” Carpenter asks.`).
        if h.end >= s
            && h.pos < at
            && h.attr.has_speaker()
            && self.para_of(h.pos) == self.para_of(at)
        {
            return Some(h.attr.clone());
        }
        None
    }

    /// A sentence with no cue that introduces what follows with a colon
    /// ("David Kris, …, articulated the concern …:"): its subject, with its
    /// verb as the cue.
    fn colon_intro(&self, lo: usize, hi: usize, toks: &mut Vec<Tok>) -> Option<Attr> {
        let t = self.text;
        // Only the last colon-separated clause.
        let body = &t[lo..hi];
        let trimmed = body.trim_end();
        let without = trimmed.strip_suffix(':')?;
        let clause_lo = match without.rfind(':') {
            Some(p) => lo + p + 1,
            None => lo,
        };
        let clause_hi = lo + without.len();
        if let Some(a) = self.pre_cue(clause_lo, clause_hi, true, toks) {
            return Some(a);
        }
        self.doc.tokens(clause_lo, clause_hi, toks);
        let subj = clause_subject(t, toks, 0, toks.len())?;
        if !matches!(
            subj.np.kind,
            NpKind::Pronoun(_)
                | NpKind::Person
                | NpKind::Definite
                | NpKind::Anon
                | NpKind::Org
                | NpKind::Pub
                | NpKind::PubGeneric
                | NpKind::Doc
        ) {
            return None;
        }
        let verb = verb_after(t, toks, subj.np.tok_end);
        Some(self.resolve(&subj, verb.as_deref(), t_pos(toks, 0)))
    }

    /// Possessive speech nouns before a quote ("Putin's prior offer, … a
    /// ‘joint working group …’"): the nearest one in the window.
    fn possessive_speech(&self, lo: usize, hi: usize, toks: &mut Vec<Tok>) -> Option<Attr> {
        let t = self.text;
        self.doc.tokens(lo, hi, toks);
        for k in (0..toks.len()).rev() {
            let w = &t[toks[k].s..toks[k].e];
            if !(toks[k].word && speakers::is_speech_noun(w)) {
                continue;
            }
            // Owner within the three words before the noun.
            for j in (k.saturating_sub(3)..k).rev() {
                let wj = &t[toks[j].s..toks[j].e];
                let owner = wj.strip_suffix("'s").or_else(|| wj.strip_suffix("’s"));
                if let Some(o) = owner {
                    if !o.chars().next().is_some_and(|c| c.is_uppercase()) {
                        return None;
                    }
                    // The whole name: capitalised words before the owner.
                    let mut s = j;
                    while s > 0
                        && toks[s - 1].word
                        && t[toks[s - 1].s..toks[s - 1].e]
                            .chars()
                            .next()
                            .is_some_and(|c| c.is_uppercase())
                    {
                        s -= 1;
                    }
                    let np = parse_np(t, toks, s, j + 1);
                    let name_end = toks[j].s + o.len();
                    let (name_range, written) = match np {
                        Some(np) if np.kind == NpKind::Person => {
                            (np.name.start..name_end, np.written.start..name_end)
                        }
                        _ => (toks[j].s..name_end, toks[j].s..name_end),
                    };
                    let subj = Subject {
                        np: Np {
                            written,
                            name: name_range,
                            title: None,
                            kind: NpKind::Person,
                            tok_end: j + 1,
                        },
                        appositive: None,
                    };
                    return Some(self.resolve(&subj, None, toks[j].s));
                }
            }
            return None;
        }
        None
    }
}

fn t_pos(toks: &[Tok], k: usize) -> usize {
    toks.get(k).map(|t| t.s).unwrap_or(0)
}

fn speakers_invertable(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "asked"
            | "asks"
            | "added"
            | "adds"
            | "wrote"
            | "writes"
            | "explained"
            | "explains"
            | "continued"
            | "continues"
            | "recalled"
            | "recalls"
            | "replied"
            | "replies"
            | "remarked"
            | "commented"
            | "noted"
            | "notes"
            | "observed"
            | "observes"
            | "argued"
            | "argues"
            | "insisted"
            | "warned"
            | "warns"
            | "declared"
            | "tweeted"
            | "concluded"
            | "concedes"
            | "conceded"
            | "cautioned"
            | "cautions"
            | "quipped"
            | "joked"
            | "mused"
            | "muses"
            | "countered"
            | "answered"
            | "responded"
            | "stated"
            | "acknowledged"
            | "admitted"
            | "suggested"
            | "suggests"
            | "predicted"
            | "reported"
            | "reports"
            | "claimed"
            | "claims"
            | "announced"
            | "tells"
            | "told"
    ) && !matches!(w, "told" | "tells")
}

/// The cue as written with a perfect auxiliary ("has mused").
fn cue_with_aux(t: &str, toks: &[Tok], lo: usize, c: &Cue) -> String {
    let base = &t[c.range.clone()];
    if c.tok > lo {
        let p = &t[toks[c.tok - 1].s..toks[c.tok - 1].e];
        if matches!(p, "has" | "have" | "had") {
            return format!("{p} {base}");
        }
    }
    base.to_string()
}

/// A name of a thing in marks: Title Case words with no final punctuation,
/// or anything after "titled", "entitled", "called", "named".
fn is_title_of_work(pre: &str, content: &str) -> bool {
    let last = pre
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if matches!(
        lw(last).as_str(),
        "titled" | "entitled" | "called" | "named" | "dubbed" | "headlined"
    ) {
        return true;
    }
    if content.ends_with(['.', '?', '!', '…']) {
        return false;
    }
    let small = |w: &str| {
        matches!(
            lw(w).as_str(),
            "a" | "an"
                | "the"
                | "of"
                | "and"
                | "or"
                | "in"
                | "on"
                | "at"
                | "to"
                | "for"
                | "with"
                | "by"
                | "from"
        )
    };
    let words: Vec<&str> = content.split_whitespace().collect();
    let big: Vec<&&str> = words.iter().filter(|w| !small(w)).collect();
    !big.is_empty()
        && words.len() <= 12
        && big.iter().all(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// The verb after a subject (skipping "who", adverbs, auxiliaries), as
/// the cue of an introduction without a speech verb.
fn verb_after(t: &str, toks: &[Tok], mut k: usize) -> Option<String> {
    let mut n = 0;
    while k < toks.len() && n < 6 {
        let w = &t[toks[k].s..toks[k].e];
        let l = lw(w);
        if !toks[k].word && w == "," {
            // A parenthetical between commas: ", however,".
            if let Some(close) =
                (k + 1..toks.len().min(k + 8)).find(|&m| &t[toks[m].s..toks[m].e] == ",")
            {
                k = close + 1;
                n += 1;
                continue;
            }
        }
        if !toks[k].word
            || l == "who"
            || l.ends_with("ly")
            || matches!(l.as_str(), "has" | "have" | "had" | "also" | "then")
        {
            k += 1;
            n += 1;
            continue;
        }
        if w.chars().next().is_some_and(|c| c.is_lowercase()) {
            return Some(l.to_string());
        }
        return None;
    }
    None
}

/// The source after "according to": a noun phrase up to the next comma,
/// colon or the end of a bare phrase ("our sources there is …"). "TITLE,
/// NAME," gives the name with the title ("the new FSB center’s deputy
/// chief, Nikolai Murashov,").
fn according_np(t: &str, toks: &[Tok], k: usize) -> Option<Subject> {
    let np = parse_np(t, toks, k, toks.len())?;
    let e = np.tok_end;
    if np.kind == NpKind::Definite
        && e + 1 < toks.len()
        && !toks[e].word
        && &t[toks[e].s..toks[e].e] == ","
    {
        if let Some(np2) = parse_np(t, toks, e + 1, toks.len()) {
            let closed = toks
                .get(np2.tok_end)
                .is_some_and(|c| !c.word && &t[c.s..c.e] == ",");
            if np2.kind == NpKind::Person && closed {
                let title = Some(strip_article(t, np.written.clone()));
                return Some(Subject {
                    np: np2,
                    appositive: title,
                });
            }
        }
    }
    Some(Subject {
        np,
        appositive: None,
    })
}

/// Direct or partial: a marked sentence standing alone or introduced by a
/// colon is direct; a fragment inside the narrator's sentence is partial.
fn marked_kind(pre: &str, content: &str) -> QuoteKind {
    let pre_t = pre.trim_end();
    let first = content
        .chars()
        .find(|c| !matches!(c, '(' | '[' | '…' | '.' | '\'' | '‘' | '"' | '“'));
    // Standing alone or after a colon: direct.
    if pre_t.is_empty() || pre_t.ends_with(':') {
        return QuoteKind::Direct;
    }
    // After an opener and a comma ("Meanwhile, “Trump's …"), a capitalised
    // sentence is direct; anything else inside the narrator's sentence is a
    // fragment.
    let starts_upper = first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if starts_upper && pre_t.ends_with([',', '—', '–', '(']) {
        return QuoteKind::Direct;
    }
    QuoteKind::Partial
}

// ---------------------------------------------------------------------------
// Indirect speech.

/// An indirect-speech candidate: the reported clause and how it is credited.
#[derive(Debug, Clone)]
struct Indirect {
    text: Range<usize>,
    attr: Attr,
    /// Inside a marked quote: becomes a nested quote.
    inside: Option<usize>,
}

/// Mental-state and characterising verbs: not speech before a that-clause.
fn not_speech_before_that(w: &str) -> bool {
    matches!(
        w,
        "believe"
            | "believes"
            | "believed"
            | "think"
            | "thinks"
            | "thought"
            | "fear"
            | "fears"
            | "feared"
            | "worry"
            | "worries"
            | "worried"
            | "hope"
            | "hopes"
            | "hoped"
            | "call"
            | "calls"
            | "called"
            | "calling"
            | "dub"
            | "dubbed"
            | "label"
            | "labeled"
            | "labelled"
            | "brand"
            | "branded"
            | "term"
            | "termed"
            | "dismiss"
            | "dismissed"
            | "describe"
            | "describes"
            | "described"
            | "wonder"
            | "wondered"
            | "ask"
            | "asks"
            | "asked"
            | "asking"
            | "read"
            | "reads"
            | "urge"
            | "urged"
            | "urges"
            | "demand"
            | "demanded"
            | "demands"
            | "charge"
            | "charged"
            | "accuse"
            | "accused"
            | "echoed"
            | "echo"
            | "echoes"
            | "articulated"
            | "continue"
            | "continued"
            | "continues"
            | "trumpeted"
            | "recount"
            | "summed"
            | "post"
            | "posted"
            | "posts"
            | "tweet"
            | "comment"
            | "comments"
    )
}

impl<'a> Ctx<'a> {
    /// End of the reported clause starting at `s`: the end of its sentence,
    /// or earlier where the narrator coordinates a clause of their own
    /// (", and the FBI has not …", ", while …", "; …").
    fn clause_end(&self, s: usize, para_end: usize, cut: bool) -> usize {
        let t = self.text;
        let e = self.sentence_end(s, para_end);
        if !cut {
            return e;
        }
        // Where the narrator's words start depends only on the text from
        // `s` to the sentence end, and the first cut at or after a later
        // start in the same sentence is the same cut: many anchors in one
        // long sentence ("said that …, said that …") scan it once.
        let (s0, e0, c0) = self.last_cut.get();
        let cut = if e0 == e && s0 <= s && s <= c0 {
            c0
        } else {
            let c = s + narrator_cut(&t[s..e]);
            self.last_cut.set((s, e, c));
            c
        };
        let (_, e2) = segment::trim_range(t, s, cut);
        e2
    }

    /// Does a marked quote start inside `r`?
    fn has_quote_in(&self, r: &Range<usize>, pairs: &[Pair]) -> bool {
        let k = pairs.partition_point(|p| p.open < r.start);
        if k < pairs.len() && pairs[k].open < r.end {
            return true;
        }
        // Nested quotes inside an outer pair that contains r.
        if k > 0 {
            let p = &pairs[k - 1];
            if p.close_end > r.start {
                return p
                    .inner
                    .iter()
                    .any(|ip| ip.open >= r.start && ip.open < r.end);
            }
        }
        false
    }

    /// Find indirect speech: that-clauses after speech verbs, "according to
    /// X", "as X suggested, …", "…, X said.", "X said they …" and headline
    /// "X Says …". Each candidate is attributed later, in text order, so
    /// that pronouns resolve against earlier quotes.
    fn find_indirect(&self) -> Vec<IndirectCand> {
        let t = self.text;
        let mut out: Vec<IndirectCand> = Vec::new();
        for m in ANCHORS.find_iter(t) {
            let w = m.as_str();
            let form = match w.as_bytes()[0] {
                b't' if w == "that" => Form::That,
                b'a' | b'A' if w.ends_with(" to") => Form::According,
                _ => Form::Say(w.len()),
            };
            out.push(IndirectCand {
                at: m.start(),
                form,
            });
        }
        out
    }
}

/// Anchors of indirect speech, found in one pass: "that", "according to"
/// and speech verbs (capitalised forms for title-case headlines).
static ANCHORS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)(?:that|[Aa]ccording to|said|says|say|alleged|alleges|claimed|claims|insisted|insists|argued|argues|warned|warns|noted|notes|added|adds|wrote|writes|suggested|suggests|suggest|predicted|reported|stated|announced|acknowledged|admitted|conceded|explained|agreed|agree|agrees|denied|told|tells|replied|responded|observed|commented|cautioned|declared|tweeted|Says|Said|Warns|Claims|Tells)(?-u:\b)",
    )
    .expect("anchor regex")
});

#[derive(Debug, Clone, Copy)]
enum Form {
    That,
    According,
    /// A speech verb of this byte length.
    Say(usize),
}

#[derive(Debug, Clone, Copy)]
struct IndirectCand {
    at: usize,
    form: Form,
}

/// Where the narrator's own clause starts inside a reported clause, in one
/// pass: ", while …", ", whereas …", "; …", ", and/but" + a new subject
/// (", and the FBI has not …"), or " and " + a speech verb ("… and accused
/// him"). Returns `body.len()` when there is none.
fn narrator_cut(body: &str) -> usize {
    let b = body.as_bytes();
    let word_after = |i: usize| -> &str {
        let rest = &body[i..];
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .unwrap_or(rest.len());
        &rest[..end]
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b';' if b.get(i + 1) == Some(&b' ') => return i,
            b',' if b.get(i + 1) == Some(&b' ') => {
                let rest = &body[i + 2..];
                if rest.starts_with("while ") || rest.starts_with("whereas ") {
                    return i;
                }
                for conj in ["and ", "but "] {
                    if rest.starts_with(conj) {
                        let w = word_after(i + 2 + conj.len());
                        // "said that A, but that they …": a second reported
                        // clause of the same cue, not the narrator's.
                        if lw(w) == "that" {
                            let after_that = i + 2 + conj.len() + w.len() + 1;
                            let w2 = if after_that < body.len() {
                                word_after(after_that)
                            } else {
                                ""
                            };
                            let subject = opens_clause(w2);
                            if subject {
                                continue;
                            }
                        }
                        let subj_like = opens_clause(w);
                        if subj_like {
                            return i;
                        }
                    }
                }
            }
            b' ' if body[i..].starts_with(" and ") => {
                let w = word_after(i + 5);
                if speakers::is_cue_word(w) && (w.ends_with("ed") || w == "said" || w == "told") {
                    return i;
                }
            }
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Does `after` (the text after an inverted speech verb) hold a name of
/// one to five capitalised words, then a comma and a description ("Joe
/// Carbone, who works for …", "Ian Michaels, a spokesman for …")? A cheap
/// check, no tokenising.
fn name_then_appositive(after: &str) -> bool {
    // Five words end well within 200 bytes: the look is bounded.
    let Some(comma) = after[..floor_boundary(after, 200)].find(',') else {
        return false;
    };
    let (name, rest) = (&after[..comma], &after[comma + 1..]);
    let words: Vec<&str> = name.split_whitespace().collect();
    let next = rest.split_whitespace().next().unwrap_or("");
    (1..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()))
        && next.starts_with(|c: char| c.is_lowercase())
}

/// Can `w` open a clause as (or before) its subject: a determiner, a
/// subject pronoun, a capitalised name?
fn opens_clause(w: &str) -> bool {
    matches!(
        lw(w).as_str(),
        "the"
            | "a"
            | "an"
            | "he"
            | "she"
            | "it"
            | "they"
            | "we"
            | "i"
            | "his"
            | "her"
            | "their"
            | "its"
            | "this"
            | "that"
            | "these"
            | "those"
            | "there"
    ) || w.chars().next().is_some_and(|c| c.is_uppercase())
}

/// At least `n` words in `t`?
fn has_words(t: &str, n: usize) -> bool {
    t.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .take(n)
        .count()
        >= n
}

/// Does any of the `n` words before `pos` (not before `lo`) satisfy `pred`?
/// A cheap backward scan, no tokenising.
fn words_before_any(t: &str, pos: usize, lo: usize, n: usize, pred: impl Fn(&str) -> bool) -> bool {
    let b = t.as_bytes();
    let mut i = pos;
    let mut seen = 0;
    while i > lo && seen < n {
        // Skip non-word bytes (ASCII punctuation and spaces).
        while i > lo && b[i - 1] < 0x80 && !b[i - 1].is_ascii_alphanumeric() {
            i -= 1;
        }
        let e = i;
        while i > lo && (b[i - 1] >= 0x80 || b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'-') {
            i -= 1;
        }
        while i < e && !t.is_char_boundary(i) {
            i += 1;
        }
        if i < e {
            if pred(&t[i..e]) {
                return true;
            }
            seen += 1;
        } else {
            break;
        }
    }
    false
}

impl<'a> Ctx<'a> {
    /// Attribute an indirect candidate (called in text order).
    fn eval_indirect(
        &self,
        c: IndirectCand,
        pairs: &[Pair],
        toks: &mut Vec<Tok>,
    ) -> Option<Indirect> {
        let inside = self.outer_index(c.at, pairs);
        // Inside a quote, only the quote's own text is looked at.
        let (bound_lo, bound_hi) = match inside {
            Some(i) => (pairs[i].raw.start, pairs[i].raw.end),
            None => {
                let p = &self.doc.paras[self.para_of(c.at)];
                (p.start, p.end)
            }
        };
        if inside.is_none() && self.inside_quote(c.at) {
            return None;
        }
        match c.form {
            Form::That => self.indirect_that(c.at, bound_lo, bound_hi, inside, pairs, toks),
            Form::According => {
                self.indirect_according(c.at, bound_lo, bound_hi, inside, pairs, toks)
            }
            Form::Say(len) => self.indirect_say(c.at, len, bound_lo, bound_hi, inside, pairs, toks),
        }
    }

    fn outer_index(&self, pos: usize, pairs: &[Pair]) -> Option<usize> {
        let k = pairs.partition_point(|p| p.open <= pos);
        if k > 0 && pos < pairs[k - 1].raw.end && pos >= pairs[k - 1].raw.start {
            Some(k - 1)
        } else {
            None
        }
    }

    /// Start of the sentence holding `pos`, not before `bound_lo`, computed
    /// by a bounded backward scan (works inside quotes too).
    fn local_sent_start(&self, pos: usize, bound_lo: usize) -> usize {
        let floor = ceil_boundary(self.text, pos.saturating_sub(PRE_WINDOW).max(bound_lo));
        self.sent_start(pos).max(floor)
    }

    fn indirect_that(
        &self,
        at: usize,
        blo: usize,
        bhi: usize,
        inside: Option<usize>,
        pairs: &[Pair],
        toks: &mut Vec<Tok>,
    ) -> Option<Indirect> {
        let t = self.text;
        // First a short look for a speech verb or a content noun before
        // "that"; only then the whole clause is tokenised.
        if !words_before_any(t, at, blo.max(at.saturating_sub(110)), 14, |w| {
            speakers::is_cue_word(w) || speakers::is_content_noun(w)
        }) {
            return None;
        }
        let lo = self.local_sent_start(at, blo);
        let win_lo = ceil_boundary(t, lo.max(at.saturating_sub(300)));
        self.doc.tokens(win_lo, at, toks);
        let n = toks.len();
        if n == 0 {
            return None;
        }
        // Find the governing cue within 14 tokens before "that".
        let mut cue: Option<Cue> = None;
        let floor = n.saturating_sub(14);
        let mut k = n;
        while k > floor {
            k -= 1;
            if !toks[k].word {
                continue;
            }
            let w = lw(&t[toks[k].s..toks[k].e]);
            if w == "that" || w == "which" || w == "who" {
                break;
            }
            let Some(c) = cue_at(t, toks, k, false) else {
                continue;
            };
            if c.according || not_speech_before_that(&w) || !gap_ok(t, toks, &c, n, &w) {
                break;
            }
            cue = Some(c);
            break;
        }
        // The clause after "that".
        let cs = {
            let rest = &t[at + 4..bhi.max(at + 4)];
            let skip = rest.len()
                - rest
                    .trim_start_matches(|c: char| c.is_whitespace() || c == ',')
                    .len();
            at + 4 + skip
        };
        let ce = self.clause_end(cs, bhi, true);
        if ce <= cs || !has_words(&t[cs..ce], 2) {
            return None;
        }
        let clause = cs..ce;
        if self.has_quote_in(&clause, pairs) {
            return None;
        }
        let mut attr: Option<Attr> = cue.and_then(|c| self.attr_for_cue(toks, 0, &c, at));
        if attr.is_none() {
            attr = self.content_noun_that(toks, at);
        }
        let attr = attr?;
        if !attr.has_speaker() && attr.as_written.is_none() {
            return None;
        }
        Some(Indirect {
            text: clause,
            attr,
            inside,
        })
    }

    /// "rumors that", "The official version is that", "rumor had it that",
    /// "made the surprising announcement that".
    fn content_noun_that(&self, toks: &[Tok], at: usize) -> Option<Attr> {
        let t = self.text;
        let n = toks.len();
        let mut end = n;
        let mut cue: Option<String> = None;
        // "… is that", "… had it that"
        if end >= 1
            && matches!(
                lw(&t[toks[end - 1].s..toks[end - 1].e]).as_str(),
                "is" | "was"
            )
        {
            end -= 1;
        } else if end >= 2
            && lw(&t[toks[end - 1].s..toks[end - 1].e]) == "it"
            && lw(&t[toks[end - 2].s..toks[end - 2].e]) == "had"
        {
            cue = Some("had it".to_string());
            end -= 2;
        }
        if end == 0 {
            return None;
        }
        // The noun phrase ending at `end` whose head is a content noun,
        // possibly followed by a prepositional phrase.
        let head_ok = (end.saturating_sub(5)..end)
            .any(|k| speakers::is_content_noun(&t[toks[k].s..toks[k].e]));
        if !head_ok {
            return None;
        }
        let mut best: Option<Np> = None;
        for s in (end.saturating_sub(8)..end).rev() {
            if let Some(np) = parse_np(t, toks, s, end) {
                if np.tok_end == end && matches!(np.kind, NpKind::Doc | NpKind::Anon) {
                    best = Some(np);
                }
            }
        }
        let np = best?;
        // A relative clause ("allegations that have dogged") is not
        // reported content.
        let after = self.text[at + 4..].split_whitespace().next().unwrap_or("");
        let al = lw(after.trim_matches(|c: char| !c.is_alphanumeric()));
        if matches!(
            al.as_str(),
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
        ) || (al.ends_with("ed") && after.chars().next().is_some_and(|c| c.is_lowercase()))
        {
            return None;
        }
        let s_tok = (0..n).find(|&k| toks[k].s == np.written.start)?;
        if s_tok > 0 {
            let v = lw(&t[toks[s_tok - 1].s..toks[s_tok - 1].e]);
            if matches!(
                v.as_str(),
                "made"
                    | "issued"
                    | "released"
                    | "gave"
                    | "offered"
                    | "published"
                    | "makes"
                    | "issues"
            ) {
                let subj = subject_before(t, toks, 0, s_tok - 1)?;
                let cue_text = t[toks[s_tok - 1].s..np.written.end].to_string();
                return Some(self.resolve(&subj, Some(&cue_text), at));
            }
            // The noun phrase must not be another verb's object ("debunk
            // the collusion allegations that").
            let ok_before = !toks[s_tok - 1].word
                || matches!(
                    v.as_str(),
                    "is" | "was"
                        | "were"
                        | "are"
                        | "been"
                        | "be"
                        | "of"
                        | "with"
                        | "and"
                        | "but"
                        | "there"
                )
                || v.chars().next().is_some_and(|c| c.is_uppercase());
            if !ok_before {
                return None;
            }
        }
        let subj = Subject {
            np,
            appositive: None,
        };
        let mut a = self.resolve(&subj, None, at);
        a.cue = cue;
        Some(a)
    }

    fn indirect_according(
        &self,
        at: usize,
        blo: usize,
        bhi: usize,
        inside: Option<usize>,
        pairs: &[Pair],
        toks: &mut Vec<Tok>,
    ) -> Option<Indirect> {
        let t = self.text;
        let lo = self.local_sent_start(at, blo);
        let se = self.sentence_end(at, bhi);
        self.doc.tokens(at, se, toks);
        if toks.len() < 3 {
            return None;
        }
        let mut subj = according_np(t, toks, 2)?;
        let mut e = subj.np.tok_end;
        // An appositive after the name ("According to Maria Lopez, a port
        // spokeswoman, the ferry …") is one only when a comma closes it;
        // else it is the reported clause itself ("According to Maria Lopez,
        // the ferry will resume on Friday.").
        if let Some(app) = subj.appositive.clone() {
            let name_end = toks[e.saturating_sub(1).min(toks.len() - 1)].e;
            if app.start >= name_end {
                match toks.iter().position(|k| k.s >= app.end) {
                    Some(k) if !toks[k].word && &t[toks[k].s..toks[k].e] == "," => e = k,
                    _ => subj.appositive = None,
                }
            }
        }
        // A description between commas after the name is not the clause
        // ("According to Maria Lopez, a port spokeswoman, the ferry …").
        if e + 2 < toks.len() && !toks[e].word && &t[toks[e].s..toks[e].e] == "," {
            let first = lw(&t[toks[e + 1].s..toks[e + 1].e]);
            if matches!(first.as_str(), "a" | "an" | "the") {
                let close = (e + 2..toks.len().min(e + 16)).find(|&k| {
                    !toks[k].word && matches!(&t[toks[k].s..toks[k].e], "," | "." | ";")
                });
                if let Some(k) = close {
                    let verbish = (e + 2..k).any(|j| {
                        toks[j].word
                            && (is_aux(&t[toks[j].s..toks[j].e])
                                || t[toks[j].s..toks[j].e].ends_with("ed"))
                    });
                    if &t[toks[k].s..toks[k].e] == "," && !verbish {
                        e = k;
                    }
                }
            }
        }
        let attr = self.resolve(&subj, Some("according to"), at);
        // Leading: only openers before it ("But, according to …, clause").
        let before = t[lo..at].trim();
        let leading = before.is_empty()
            || before.trim_end_matches(',').split_whitespace().all(|w| {
                matches!(
                    w.trim_matches(',').to_lowercase().as_str(),
                    "and"
                        | "but"
                        | "so"
                        | "yet"
                        | "or"
                        | "however"
                        | "still"
                        | "also"
                        | "then"
                        | "now"
                        | "indeed"
                )
            }) && before.split_whitespace().count() <= 2;
        let clause = if leading {
            // The clause after the source (after its comma, if any).
            let mut k = e;
            while k < toks.len() && !toks[k].word && matches!(&t[toks[k].s..toks[k].e], "," | "—")
            {
                k += 1;
            }
            if k >= toks.len() {
                return None;
            }
            if matches!(&t[toks[k].s..toks[k].e], ":" | "\"" | "“" | "'" | "‘") {
                return None;
            }
            let cs = toks[k].s;
            let ce = self.clause_end(cs, bhi, true);
            cs..ce
        } else {
            // Trailing: "clause, according to X." — X must end the sentence.
            if e < toks.len() {
                return None;
            }
            let head = t[lo..at].trim_end();
            let head = head.strip_suffix(',')?;
            let (cs, ce) = segment::trim_range(t, lo, lo + head.len());
            cs..ce
        };
        if clause.end <= clause.start
            || !has_words(&t[clause.clone()], 3)
            || self.has_quote_in(&clause, pairs)
        {
            return None;
        }
        // A clause that is itself an attributed quote's sentence is not
        // indirect speech ("“…,” Bortnikov said, according to …").
        if self.doc.has_double_quote(&clause) {
            return None;
        }
        Some(Indirect {
            text: clause,
            attr,
            inside,
        })
    }

    /// Forms anchored on a speech verb: headline "X Says …", a
    /// sentence-final "…, X said.", "X said they …", "as X suggested, …" and
    /// "whom X say ordered …".
    #[allow(clippy::too_many_arguments)]
    fn indirect_say(
        &self,
        pos: usize,
        len: usize,
        blo: usize,
        bhi: usize,
        inside: Option<usize>,
        pairs: &[Pair],
        toks: &mut Vec<Tok>,
    ) -> Option<Indirect> {
        let t = self.text;
        let w = &t[pos..pos + len];
        if w.starts_with(|c: char| c.is_uppercase()) {
            // Headline: one title-case line without final punctuation.
            if inside.is_some() {
                return None;
            }
            let para = self.doc.paras[self.para_of(pos)].clone();
            let body = &t[para.clone()];
            if body.ends_with(['.', '!', '?', ':']) || body.len() > 200 {
                return None;
            }
            return headline_says(t, para, toks).map(|h| h.with(self, toks));
        }
        // Cheap checks before any tokenising: what follows the verb decides
        // which form can apply.
        let after = t[pos + len..bhi.max(pos + len)].trim_start();
        let next_word = after
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .next()
            .unwrap_or("");
        let is_subj_pronoun = |w: &str| {
            matches!(
                lw(w).as_str(),
                "he" | "she" | "they" | "it" | "we" | "i" | "there"
            )
        };
        // "told the BBC she was worried": a listener, then the clause.
        let tell = matches!(lw(w).as_str(), "told" | "tells");
        // A that-less clause: a short noun phrase, then an auxiliary or
        // modal verb ("said the sanctions could be …").
        let aux_soon = {
            let mut ok = false;
            let mut words: Vec<&str> = after.split_whitespace().take(10).collect();
            // An age between commas is part of the noun phrase.
            if let Some(i) = words.iter().position(|w| {
                w.len() <= 4
                    && w.ends_with(',')
                    && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
            }) {
                if i >= 1 && words[i - 1].ends_with(',') {
                    words.remove(i);
                    let prev = words[i - 1].trim_end_matches(',');
                    words[i - 1] = prev;
                }
            }
            for (n, x) in words.into_iter().take(8).enumerate() {
                // Initials ("U.S.") are words, not the end of the phrase.
                let initials = x.len() <= 6
                    && x.ends_with('.')
                    && x.split('.')
                        .filter(|p| !p.is_empty())
                        .all(|p| p.len() == 1 && p.starts_with(|c: char| c.is_uppercase()));
                if x.contains([',', ';', ':', '.', '"', '“', '”', '(', '—'])
                    && !is_aux(x.trim_end_matches([',', '.']))
                    && !initials
                {
                    break;
                }
                if n >= 1 && is_aux(x) {
                    ok = true;
                    break;
                }
            }
            ok
        };
        // "said the department repaired …": a short noun phrase, then a
        // verb in the past tense.
        let past_soon = {
            let mut words = after.split_whitespace().take(6);
            let first = words.next().unwrap_or("");
            let np_start = matches!(
                lw(first).as_str(),
                "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these" | "those"
            ) || first.starts_with(|c: char| c.is_uppercase());
            let mut ok = false;
            for (n, x) in words.enumerate() {
                if x.contains([',', ';', ':', '.', '"', '“', '”', '(', '—']) {
                    break;
                }
                if n >= 1
                    && x.len() > 4
                    && x.ends_with("ed")
                    && x.starts_with(|c: char| c.is_lowercase())
                {
                    ok = true;
                    break;
                }
            }
            np_start && ok
        };
        let pronoun_next = is_subj_pronoun(next_word)
            || past_soon
            || (tell
                && after
                    .split_whitespace()
                    .take(5)
                    .skip(1)
                    .any(is_subj_pronoun))
            || aux_soon;
        let comma_next = after.starts_with(',');
        let rel_before = {
            let back = &t[floor_boundary(t, pos.saturating_sub(90))..pos];
            back.contains("who")
        };
        let se_probe = bounded_sentence_end(t, pos, (pos + 80).min(bhi));
        let near_end = se_probe < (pos + 80).min(bhi) || se_probe == bhi;
        let described_name = {
            let hi = floor_boundary(t, (pos + len + 200).min(bhi.max(pos + len)));
            name_then_appositive(&t[pos + len..hi])
        };
        if !(pronoun_next || comma_next || rel_before || near_end || described_name) {
            return None;
        }
        let lo = self.local_sent_start(pos, blo);
        let se = self.sentence_end(pos, bhi);
        if inside.is_none()
            && (se.saturating_sub(pos + len) <= 60 || name_then_appositive(&t[pos + len..se]))
        {
            if let Some(r) = self.trailing_attribution(lo, se, pairs, toks) {
                return Some(r);
            }
        }
        if !(pronoun_next || comma_next || rel_before) {
            return None;
        }
        self.say_clause(lo, pos, se, pairs, toks, inside)
    }

    /// "The CIA … did not respond to questions, the publication said.": the
    /// sentence before the final attribution is reported speech.
    fn trailing_attribution(
        &self,
        lo: usize,
        se: usize,
        pairs: &[Pair],
        toks: &mut Vec<Tok>,
    ) -> Option<Indirect> {
        let t = self.text;
        let s = lo..se;
        if s.end <= s.start + 12 || self.has_quote_in(&s, pairs) || self.doc.has_double_quote(&s) {
            return None;
        }
        let tail_lo = ceil_boundary(t, s.start.max(s.end.saturating_sub(320)));
        let core_end = {
            let b = t[s.clone()].trim_end_matches(['.', '!', '?', '"', '”', '’', ' ']);
            s.start + b.len()
        };
        if core_end <= tail_lo {
            return None;
        }
        let tail = &t[tail_lo..core_end];
        let mut cpos = tail_lo + tail.rfind(", ")?;
        // "…, said Joe Carbone, who works for the city, where …": the
        // attribution starts at an earlier comma when a description (with
        // commas of its own) follows the name.
        for (at, _) in tail.rmatch_indices(", ").skip(1).take(4) {
            let from = tail_lo + at + 2;
            let w = t[from..]
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            if speakers_invertable(lw(w).as_str())
                && name_then_appositive(&t[from + w.len()..core_end])
            {
                cpos = tail_lo + at;
                break;
            }
        }
        self.doc.tokens(cpos + 1, core_end, toks);
        if toks.is_empty() || toks.len() > 40 {
            return None;
        }
        let mut found: Option<(Subject, Cue)> = None;
        if let Some(c) = cue_at(t, toks, 0, true) {
            let w = lw(&t[toks[0].s..toks[0].e]);
            if !c.according && speakers_invertable(w.as_str()) {
                if let Some(mut sub) = subject_after(t, toks, c.tok_end, toks.len()) {
                    let rest = &toks[sub.np.tok_end..];
                    let described = sub.np.kind == NpKind::Person
                        && rest.len() >= 2
                        && !rest[0].word
                        && &t[rest[0].s..rest[0].e] == ","
                        && rest[1].word;
                    if described && sub.appositive.is_none() {
                        // A relative clause describes the speaker too.
                        sub.appositive = Some(rest[1].s..core_end);
                    }
                    if tail_adjunct_ok(t, rest, false) || described {
                        found = Some((sub, c));
                    }
                }
            }
        } else {
            for k in 1..toks.len() {
                if let Some(c) = cue_at(t, toks, k, true) {
                    let w = lw(&t[toks[k].s..toks[k].e]);
                    let tell = matches!(w.as_str(), "told" | "tells");
                    if c.according || c.participle || !(speakers_invertable(w.as_str()) || tell) {
                        break;
                    }
                    if !tail_adjunct_ok(t, &toks[c.tok_end..], tell) {
                        break;
                    }
                    if let Some(sub) = subject_filling(t, toks, 0, c.tok) {
                        found = Some((sub, c));
                    }
                    break;
                }
            }
        }
        let (sub, c) = found?;
        let (cs, ce) = segment::trim_range(t, skip_dateline(t, s.start, cpos), cpos);
        if ce <= cs || !has_words(&t[cs..ce], 3) {
            return None;
        }
        let cue = t[c.range.clone()].to_string();
        let attr = self.resolve(&sub, Some(&cue), cpos);
        Some(Indirect {
            text: cs..ce,
            attr,
            inside: None,
        })
    }

    /// The clause after the speech verb at `pos`: "X said they …", "as X
    /// suggested, clause", "whom X say ordered …".
    fn say_clause(
        &self,
        lo: usize,
        pos: usize,
        se: usize,
        pairs: &[Pair],
        toks: &mut Vec<Tok>,
        inside: Option<usize>,
    ) -> Option<Indirect> {
        let t = self.text;
        let lo = ceil_boundary(t, lo.max(pos.saturating_sub(PRE_WINDOW)));
        let hi = floor_boundary(t, se.min(pos + 600));
        if hi <= pos {
            return None;
        }
        self.doc.tokens(lo, hi, toks);
        let n = toks.len();
        let k = toks.iter().position(|x| x.s == pos)?;
        let w = &t[toks[k].s..toks[k].e];
        let c = cue_at(t, toks, k, false)?;
        // "as X suggested, clause"; an attribution between commas in the
        // middle of a sentence ("Within months, Forte said, Whole Foods
        // was …"; "If …, he noted, they may …"): the clause after it.
        if k + 1 < n && !toks[k + 1].word && &t[toks[k + 1].s..toks[k + 1].e] == "," {
            let as_word = (k.saturating_sub(8)..k)
                .rev()
                .find(|&j| lw(&t[toks[j].s..toks[j].e]) == "as");
            let subj = match as_word {
                Some(j) => subject_before(t, toks, j + 1, k)?,
                None => {
                    let j = (k.saturating_sub(6)..k)
                        .rev()
                        .find(|&j| !toks[j].word && &t[toks[j].s..toks[j].e] == ",")?;
                    subject_filling(t, toks, j + 1, k)?
                }
            };
            if k + 2 >= n {
                return None;
            }
            let cs = toks[k + 2].s;
            let ce = self.clause_end(cs, se, true);
            let clause = cs..ce;
            if ce > cs && has_words(&t[clause.clone()], 3) && !self.has_quote_in(&clause, pairs) {
                let attr = self.resolve(&subj, Some(w), toks[k].s);
                return Some(Indirect {
                    text: clause,
                    attr,
                    inside,
                });
            }
            return None;
        }
        if k + 1 >= n || !toks[k + 1].word {
            return None;
        }
        let nw = lw(&t[toks[k + 1].s..toks[k + 1].e]);
        // "whom X say ordered …": the relative clause is reported.
        let rel = (k.saturating_sub(10)..k)
            .rev()
            .find(|&j| matches!(lw(&t[toks[j].s..toks[j].e]).as_str(), "whom" | "who"));
        if let Some(j) = rel {
            if j + 1 < k && nw.as_str().ends_with("ed") {
                let subj = subject_filling(t, toks, j + 1, k)?;
                let cs = toks[k + 1].s;
                let end_tok = (k + 1..n)
                    .find(|&m| {
                        !toks[m].word
                            && matches!(&t[toks[m].s..toks[m].e], "," | ";" | "—" | "." | ")")
                    })
                    .unwrap_or(n);
                let ce = toks[end_tok - 1].e;
                let clause = cs..ce;
                if has_words(&t[clause.clone()], 3) && !self.has_quote_in(&clause, pairs) {
                    let attr = self.resolve(&subj, Some(w), toks[k].s);
                    return Some(Indirect {
                        text: clause,
                        attr,
                        inside,
                    });
                }
                return None;
            }
        }
        let is_pron = |m: usize| {
            toks[m].word
                && matches!(
                    lw(&t[toks[m].s..toks[m].e]).as_str(),
                    "he" | "she" | "they" | "it" | "we" | "i" | "there"
                )
        };
        let tell = matches!(lw(w).as_str(), "told" | "tells");
        let mut ps = k + 1;
        if !is_pron(ps) {
            let lim = (k + 9).min(n);
            // The clause's verb: an auxiliary or modal after a short noun
            // phrase, with no punctuation or other verb on the way.
            // A verb in the past tense will do ("said the department
            // repaired …"), not right after a determiner.
            let past = |m: usize| {
                let x = &t[toks[m].s..toks[m].e];
                x.len() > 4
                    && x.ends_with("ed")
                    && x.starts_with(|c: char| c.is_lowercase())
                    && !matches!(
                        lw(&t[toks[m - 1].s..toks[m - 1].e]).as_str(),
                        "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "these"
                    )
            };
            // An age between commas is part of the noun phrase ("the man,
            // 34, was arrested").
            let tok = |m: usize| &t[toks[m].s..toks[m].e];
            let age_at = |i: usize| {
                i + 2 < n
                    && tok(i) == ","
                    && tok(i + 1).len() <= 3
                    && tok(i + 1).bytes().all(|b| b.is_ascii_digit())
                    && tok(i + 2) == ","
            };
            let in_age =
                |m: usize| age_at(m) || (m >= 1 && age_at(m - 1)) || (m >= 2 && age_at(m - 2));
            let lim = if (k + 2..lim).any(in_age) {
                (lim + 3).min(n)
            } else {
                lim
            };
            let aux =
                (k + 2..lim).find(|&m| (!toks[m].word && !in_age(m)) || is_aux(tok(m)) || past(m));
            let aux = aux.filter(|&m| toks[m].word)?;
            if (k + 1..aux).any(|m| {
                let x = &t[toks[m].s..toks[m].e];
                (!toks[m].word && !in_age(m))
                    || speakers::is_cue_word(x)
                    || matches!(
                        lw(x).as_str(),
                        "that"
                            | "which"
                            | "who"
                            | "to"
                            | "and"
                            | "or"
                            | "but"
                            | "if"
                            | "whether"
                            | "when"
                            | "because"
                    )
            }) {
                return None;
            }
            if tell {
                // Tell-verbs take a listener first ("told reporters the
                // matter was …"): the clause starts at the last determiner or
                // pronoun before the verb, else at its capitalised subject.
                let det = (k + 2..aux).rev().find(|&m| {
                    is_pron(m)
                        || matches!(
                            lw(&t[toks[m].s..toks[m].e]).as_str(),
                            "the"
                                | "a"
                                | "an"
                                | "this"
                                | "that"
                                | "these"
                                | "those"
                                | "his"
                                | "her"
                                | "their"
                                | "its"
                                | "some"
                                | "no"
                        )
                });
                ps = match det {
                    Some(d) => d,
                    None => {
                        let mut m = aux;
                        while m > k + 2
                            && t[toks[m - 1].s..].starts_with(|c: char| c.is_uppercase())
                        {
                            m -= 1;
                        }
                        if m == aux {
                            return None;
                        }
                        m
                    }
                };
            } else {
                ps = k + 1;
                // "said on Monday it was …": skip a time or place phrase to
                // the clause's subject (the last pronoun or determiner
                // before its verb).
                let first = lw(&t[toks[k + 1].s..toks[k + 1].e]);
                let adjunct = matches!(
                    first.as_str(),
                    "on" | "in"
                        | "at"
                        | "last"
                        | "this"
                        | "late"
                        | "early"
                        | "earlier"
                        | "during"
                        | "yesterday"
                        | "today"
                        | "tonight"
                        | "monday"
                        | "tuesday"
                        | "wednesday"
                        | "thursday"
                        | "friday"
                        | "saturday"
                        | "sunday"
                        | "later"
                        | "recently"
                );
                if adjunct {
                    let subj = (k + 2..aux).rev().find(|&m| {
                        is_pron(m)
                            || matches!(
                                lw(&t[toks[m].s..toks[m].e]).as_str(),
                                "the"
                                    | "a"
                                    | "an"
                                    | "this"
                                    | "these"
                                    | "those"
                                    | "his"
                                    | "her"
                                    | "their"
                                    | "its"
                            )
                    });
                    ps = subj?;
                }
            }
        }
        let a = self.attr_for_cue(toks, 0, &c, toks[k].s)?;
        if !a.has_speaker() {
            return None;
        }
        let cs = toks[ps].s;
        let ce = self.clause_end(cs, se, true);
        let clause = cs..ce;
        if ce > cs && has_words(&t[clause.clone()], 3) && !self.has_quote_in(&clause, pairs) {
            return Some(Indirect {
                text: clause,
                attr: a,
                inside,
            });
        }
        None
    }
}

/// A headline "X Says CLAUSE" found in a title-case line.
struct Headline {
    subj: Subject,
    cue: String,
    at: usize,
    text: Range<usize>,
}

impl Headline {
    fn with(self, ctx: &Ctx, _toks: &mut Vec<Tok>) -> Indirect {
        let attr = ctx.resolve(&self.subj, Some(&self.cue), self.at);
        Indirect {
            text: self.text,
            attr,
            inside: None,
        }
    }
}

fn headline_says(t: &str, s: Range<usize>, toks: &mut Vec<Tok>) -> Option<Headline> {
    tokenize(t, s.start, s.end, toks);
    let words: Vec<&Tok> = toks.iter().filter(|k| k.word).collect();
    if words.len() < 4 {
        return None;
    }
    let caps = words
        .iter()
        .filter(|k| t[k.s..k.e].chars().next().is_some_and(|c| c.is_uppercase()))
        .count();
    if caps * 10 < words.len() * 7 {
        return None;
    }
    for k in 1..toks.len().saturating_sub(2) {
        let w = &t[toks[k].s..toks[k].e];
        if matches!(w, "Says" | "Said" | "Warns" | "Claims" | "Tells") {
            let subj = subject_before(t, toks, 0, k).or_else(|| {
                parse_np(t, toks, 0, k)
                    .filter(|np| np.tok_end == k)
                    .map(|np| Subject {
                        np,
                        appositive: None,
                    })
            })?;
            let cs = toks[k + 1].s;
            let (cs, ce) = segment::trim_range(t, cs, s.end);
            return Some(Headline {
                subj,
                cue: w.to_lowercase(),
                at: toks[k].s,
                text: cs..ce,
            });
        }
    }
    None
}

/// Is the text between cue `c` and "that" (tokens `c.tok_end..n`) a
/// harmless gap: nothing, a parenthetical between commas, the listener of a
/// tell-verb, or a prepositional/time phrase?
fn gap_ok(t: &str, toks: &[Tok], c: &Cue, n: usize, cue_word: &str) -> bool {
    let gap = &toks[c.tok_end..n];
    if gap.is_empty() {
        return true;
    }
    let first = &t[gap[0].s..gap[0].e];
    if first == "," {
        // ", without providing details," / ", however,"
        return !gap[gap.len() - 1].word
            && &t[gap[gap.len() - 1].s..gap[gap.len() - 1].e] == ","
            && gap.len() <= 10;
    }
    if gap
        .iter()
        .any(|k| !k.word && !matches!(&t[k.s..k.e], "," | "." | "’" | "'"))
    {
        return false;
    }
    // No verbs in the gap: "The officers added to the list were members of
    // a unit that …" is not "added that".
    let verbish = gap.iter().any(|k| {
        let w = lw(&t[k.s..k.e]);
        matches!(
            w.as_str(),
            "is" | "was"
                | "were"
                | "are"
                | "has"
                | "have"
                | "had"
                | "be"
                | "been"
                | "by"
                | "and"
                | "will"
                | "would"
        ) || (w.ends_with("ing") && w.len() > 5)
    });
    if verbish {
        return false;
    }
    let lf = lw(first);
    if speakers::is_tell_verb(cue_word) && gap.len() <= 8 {
        return true;
    }
    // "have argued for years that", "said for months that".
    if lf == "for" && gap.len() <= 3 {
        let next = gap.get(1).map(|k| lw(&t[k.s..k.e]));
        if next.is_some_and(|w| {
            matches!(
                w.as_str(),
                "years" | "months" | "weeks" | "days" | "decades" | "some" | "a" | "long"
            )
        }) {
            return true;
        }
    }
    let pp = matches!(
        lf.as_str(),
        "in" | "on"
            | "at"
            | "to"
            | "during"
            | "via"
            | "over"
            | "through"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "recently"
            | "publicly"
            | "privately"
            | "yesterday"
            | "today"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "repeatedly"
            | "again"
            | "separately"
            | "previously"
            | "before"
            | "after"
            | "back"
            | "on monday"
            | "out"
            | "once"
    );
    pp && gap.len() <= 8
}

/// Skip a news-agency dateline at the start of a sentence ("MOSCOW, March 3
/// (Reuters) - ", "WASHINGTON (AP) — ").
fn skip_dateline(t: &str, s: usize, e: usize) -> usize {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)\n]{1,30}\))?\s*[-—–]{1,2}\s*")
            .expect("dateline regex")
    });
    let he = floor_boundary(t, e.min(s + 120)).max(s);
    let head = &t[s..he];
    match DATELINE.find(head) {
        Some(m) if m.end() < e - s => s + m.end(),
        _ => s,
    }
}

/// What may follow the cue of a sentence-final attribution ("…, the
/// publication said." / "…, officials said on Monday." / "…, she told
/// reporters."): nothing, a short time or place phrase, or a listener.
fn tail_adjunct_ok(t: &str, rest: &[Tok], tell: bool) -> bool {
    if rest.is_empty() {
        return true;
    }
    if rest.iter().any(|k| !k.word) {
        return false;
    }
    if tell {
        return rest.len() <= 4;
    }
    let f = lw(&t[rest[0].s..rest[0].e]);
    rest.len() <= 6
        && matches!(
            f.as_str(),
            "in" | "on"
                | "at"
                | "last"
                | "this"
                | "earlier"
                | "during"
                | "via"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "yesterday"
                | "today"
                | "late"
                | "early"
                | "recently"
                | "previously"
                | "afterward"
                | "afterwards"
                | "later"
        )
}

// ---------------------------------------------------------------------------
// The entry point.

/// A marked-quote candidate in text order.
struct MarkedCand {
    pair: usize,
}

/// Extract all quotes from `text`, sorted by start offset: the quotes of
/// [`crate::extract::extract`].
///
/// Pure: no I/O. Every returned quote satisfies `q.text == &text[q.start..q.end]`
/// with offsets on character boundaries. Runs in time linear in the length
/// of the text (each quote looks at a bounded window around it). No-break
/// spaces and zero-width characters in names are folded first (see
/// [`crate::extract::invisible`]).
pub fn quotes(text: &str) -> Vec<Quote> {
    let only_quotes = |t: &str| crate::extract::model::Extraction {
        quotes: scan(t),
        figures: Vec::new(),
    };
    crate::extract::on_readable(text, only_quotes).quotes
}

/// The quotes of a text with nothing to fold.
pub(crate) fn scan(text: &str) -> Vec<Quote> {
    if text.is_empty() {
        return Vec::new();
    }
    let doc = Doc::new(text);
    let marks = scan_marks(text);
    let pairs = pair_marks(text, &marks, &doc.paras);
    let spans: Vec<Range<usize>> = pairs.iter().map(|p| p.open..p.close_end).collect();
    let inside = |pos: usize| {
        let k = spans.partition_point(|r| r.start <= pos);
        !(k > 0 && pos < spans[k - 1].end)
    };
    let index = NameIndex::build(text, &inside);
    let mut ctx = Ctx {
        text,
        doc,
        spans: spans.clone(),
        index,
        hist: Vec::new(),
        hist_inner_last: None,
        cur_outer: None,
        pair_attr: vec![None; pairs.len()],
        cur_outer_range: None,
        inner_hist: Vec::new(),
        last_cut: std::cell::Cell::new((usize::MAX, 0, 0)),
    };

    // Candidates in text order: marked quotes (by opening mark) and
    // indirect forms (by their anchor).
    let ind = ctx.find_indirect();
    let marked: Vec<MarkedCand> = (0..pairs.len()).map(|i| MarkedCand { pair: i }).collect();
    let mut out: Vec<Quote> = Vec::new();
    let mut toks: Vec<Tok> = Vec::new();
    let mut toks2: Vec<Tok> = Vec::new();
    let (mut mi, mut ii) = (0usize, 0usize);
    // Indirect items found so far end here (skip overlapping anchors).
    let mut last_indirect_end = 0usize;
    loop {
        let take_marked = match (marked.get(mi), ind.get(ii)) {
            (Some(m), Some(c)) => pairs[m.pair].open <= c.at,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        if take_marked {
            let pi = marked[mi].pair;
            mi += 1;
            ctx.attribute_pair(&pairs, pi, &mut out, &mut toks, &mut toks2);
        } else {
            let c = ind[ii];
            ii += 1;
            if c.at < last_indirect_end {
                continue;
            }
            ctx.cur_outer = ctx
                .outer_index(c.at, &pairs)
                .and_then(|i| ctx.pair_attr[i].as_deref().cloned());
            let found = ctx.eval_indirect(c, &pairs, &mut toks);
            ctx.cur_outer = None;
            if let Some(r) = found {
                if r.text.start < last_indirect_end || contraction_source(&r.attr) {
                    continue;
                }
                last_indirect_end = r.text.end;
                let (kind, via) = match r.inside {
                    Some(i) => (
                        QuoteKind::Nested,
                        ctx.pair_attr[i].as_ref().and_then(|a| a.speaker.clone()),
                    ),
                    None => (QuoteKind::Indirect, None),
                };
                let q = make_quote(text, r.text.clone(), kind, &r.attr, via);
                if r.inside.is_none() {
                    ctx.hist.push(Hist {
                        pos: r.text.start,
                        end: r.text.end,
                        para: ctx.para_of(r.text.start),
                        attr: r.attr.clone(),
                        marked: false,
                        kind,
                        post_cue: false,
                    });
                }
                out.push(q);
            }
        }
    }
    out.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)));
    out.dedup_by(|b, a| a.start == b.start && a.end == b.end);
    carry_titles(&mut out);
    resolve_orgs(text, &mut out);
    out
}

/// Short names of organisations resolved to their fullest form in the
/// article: an acronym defined in brackets ("the National Press Agency
/// (NPA)" → "National Press Agency") and the first word of a company's
/// name ("Hartwell" after "Hartwell Mining Corp").
fn resolve_orgs(text: &str, quotes: &mut [Quote]) {
    // ASCII word boundaries and classes keep these on the regex crate's
    // lazy DFA (a Unicode `\b` on non-ASCII text falls back to a far slower
    // engine).
    static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)((?:[A-Z][A-Za-z&’'-]*\s+)(?:(?:of|for|and|the|de)\s+|[A-Z][A-Za-z&’'-]*\s+){0,6}[A-Z][A-Za-z&’'-]*)\s+\(([A-Z][A-Z0-9&]{1,9})\)")
            .expect("acronym regex")
    });
    static COMPANY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)([A-Z][A-Za-z&’'-]+)(?:\s+[A-Z][A-Za-z&’'-]*){0,3}\s+(?:Corp|Corporation|Inc|Ltd|Limited|Group|Holdings|Co|Company|Bank|Plc|PLC|LLC|AG|SA|NV)(?-u:\b)\.?")
            .expect("company regex")
    });
    if quotes.iter().all(|q| q.speaker.is_none()) {
        return;
    }
    // Both patterns start with any capital letter; run them only in short
    // windows before what they must end with ("(NPA)", "Corp"), found by
    // fast literal scans.
    static ACRONYM: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(([A-Z][A-Z0-9&]{1,9})\)").expect("acronym regex"));
    static SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?-u:\b)(?:Corp|Corporation|Inc|Ltd|Limited|Group|Holdings|Co|Company|Bank|Plc|PLC|LLC|AG|SA|NV)(?-u:\b)")
            .expect("suffix regex")
    });
    let window = |end: usize| {
        let lo = ceil_boundary(text, end.saturating_sub(160));
        let hi = floor_boundary(text, (end + 1).min(text.len()));
        (lo, hi)
    };
    let mut full: HashMap<String, (String, usize)> = HashMap::new();
    for m in ACRONYM.find_iter(text) {
        let (lo, _) = window(m.start());
        if let Some(c) = DEFINED
            .captures_iter(&text[lo..m.end()])
            .find(|c| c.get(0).is_some_and(|g| lo + g.end() == m.end()))
        {
            let name = c[1]
                .trim_start_matches("The ")
                .trim_start_matches("the ")
                .to_string();
            let at = lo + c.get(0).map_or(0, |g| g.start());
            full.entry(c[2].to_string()).or_insert((name, at));
        }
    }
    for m in SUFFIX.find_iter(text) {
        let (lo, hi) = window(m.end());
        if let Some(c) = COMPANY
            .captures_iter(&text[lo..hi])
            .find(|c| c.get(0).is_some_and(|g| lo + g.end() >= m.end()))
        {
            let g = c.get(0).expect("match");
            let name = g.as_str().trim_end_matches('.').to_string();
            full.entry(c[1].to_string())
                .or_insert((name, lo + g.start()));
        }
    }
    // "the company", "the firm": the organisation last quoted by name, or
    // else last named as a company before the quote.
    let mut last_org: Option<String> = None;
    for q in quotes.iter_mut() {
        let Some(name) = q.speaker.as_deref() else {
            continue;
        };
        let lower = name.to_lowercase();
        let generic = lower.starts_with("the ")
            && matches!(
                &lower[4..],
                "company"
                    | "firm"
                    | "group"
                    | "retailer"
                    | "utility"
                    | "bank"
                    | "startup"
                    | "carrier"
            );
        if generic {
            let named = full
                .values()
                .filter(|(_, at)| *at < q.start)
                .max_by_key(|(_, at)| *at)
                .map(|(n, _)| n.clone());
            if let Some(org) = last_org.clone().or(named) {
                q.speaker = Some(org);
                q.speaker_kind = Some(SpeakerKind::Organisation);
            }
        } else if q.speaker_kind == Some(SpeakerKind::Organisation) {
            last_org = Some(name.to_string());
        }
    }
    if full.is_empty() {
        return;
    }
    for q in quotes.iter_mut() {
        let Some(short) = q.speaker.as_deref() else {
            continue;
        };
        let short = short.trim_start_matches("the ").trim_start_matches("The ");
        if let Some((name, at)) = full.get(short) {
            if *at < q.start && name != short {
                q.speaker = Some(name.clone());
                q.speaker_kind = Some(SpeakerKind::Organisation);
            }
        }
    }
}

/// A source written as a contraction is none: "We’re told that …" is
/// passive, "Aren’t those …" a question.
fn contraction_source(a: &Attr) -> bool {
    a.as_written.as_deref().is_some_and(|w| {
        let w = w.replace('’', "'").to_lowercase();
        !w.contains(' ') && (w.ends_with("'re") || w.ends_with("'m") || w.ends_with("n't"))
    })
}

/// A person's title, once written at one of their quotes (usually at the
/// first full mention), holds for their other quotes that name none:
/// "said Lotfi Azzouz, Tunisia country director for Amnesty International"
/// and later "Azzouz said".
fn carry_titles(quotes: &mut [Quote]) {
    let mut first: std::collections::HashMap<String, String> = std::collections::HashMap::new();
    for q in quotes.iter() {
        if let (Some(SpeakerKind::Person), Some(name), Some(title)) =
            (q.speaker_kind, &q.speaker, &q.speaker_title)
        {
            first.entry(name.clone()).or_insert_with(|| title.clone());
        }
    }
    for q in quotes.iter_mut() {
        if q.speaker_title.is_none() && q.speaker_kind == Some(SpeakerKind::Person) {
            if let Some(t) = q.speaker.as_ref().and_then(|n| first.get(n)) {
                q.speaker_title = Some(t.clone());
            }
        }
    }
}

fn make_quote(
    text: &str,
    r: Range<usize>,
    kind: QuoteKind,
    a: &Attr,
    via: Option<String>,
) -> Quote {
    Quote {
        text: text[r.clone()].to_string(),
        start: r.start,
        end: r.end,
        kind,
        speaker: a.speaker.clone(),
        speaker_as_written: a.as_written.clone(),
        speaker_title: a.title.clone(),
        speaker_kind: if a.speaker.is_some() || a.as_written.is_some() {
            a.kind
        } else {
            None
        },
        cue: a.cue.clone(),
        via,
    }
}

impl<'a> Ctx<'a> {
    /// Attribute one marked quote and its nested quotes; push the results.
    fn attribute_pair(
        &mut self,
        pairs: &[Pair],
        pi: usize,
        out: &mut Vec<Quote>,
        toks: &mut Vec<Tok>,
        toks2: &mut Vec<Tok>,
    ) {
        let t = self.text;
        let p = &pairs[pi];
        let content = trim_quote(t, p.raw.clone());
        if content.start >= content.end || !t[content.clone()].chars().any(|c| c.is_alphabetic()) {
            return;
        }
        let para = self.para_of(p.open);
        let para_r = self.doc.paras[para].clone();
        // Pre window: the sentence up to the opening mark, not before the
        // previous quote of the same paragraph.
        let mut pre_lo = self.sent_start(p.open).max(para_r.start);
        let mut after_prev_quote = false;
        if pi > 0 {
            let prev = &pairs[pi - 1];
            if prev.close_end <= p.open && prev.close_end > pre_lo {
                pre_lo = prev.close_end;
                after_prev_quote = true;
            }
        }
        pre_lo = ceil_boundary(t, pre_lo.max(p.open.saturating_sub(PRE_WINDOW)));
        let pre = &t[pre_lo..p.open];
        // Post window: from the closing mark to the end of the sentence
        // (or the next quote, or the paragraph end).
        let close_para_end = self.doc.paras[self.para_of(p.close_end.saturating_sub(1))].end;
        let mut post_hi = floor_boundary(t, (p.close_end + POST_WINDOW).min(close_para_end));
        if let Some(nx) = pairs.get(pi + 1) {
            if nx.open >= p.close_end {
                post_hi = post_hi.min(nx.open);
            }
        }
        let closed = p.close_end > p.raw.end;
        let post_hi = if closed {
            next_sentence_end(t, p.close_end, post_hi.max(p.close_end))
        } else {
            p.close_end
        };
        let raw_t = t[p.raw.clone()].trim_end();
        let ended_with_stop = raw_t.ends_with('.') && !raw_t.ends_with("...");
        let words = word_count(&t[content.clone()]);
        let mut kind = marked_kind(pre, &t[content.clone()]);

        let mut found: Option<Found> = None;
        if closed && post_hi > p.close_end {
            if let Some(a) = self.post_cue(p.close_end, post_hi, ended_with_stop, toks) {
                found = Some(Found {
                    attr: a,
                    post: true,
                });
            }
        }
        if found.is_none() {
            if let Some(a) = self.pre_cue(pre_lo, p.open, true, toks) {
                found = Some(Found {
                    attr: a,
                    post: false,
                });
            }
        }
        // A split quote: the previous quote's cue sits between the two
        // parts (“A,” he said, “B”): same speaker and cue.
        if after_prev_quote {
            if let Some(h) = self.hist.last() {
                if h.post_cue
                    && h.marked
                    && self.para_of(h.pos) == para
                    && self.sent_start(h.pos) <= p.open
                {
                    let gap = &t[pairs[pi - 1].close_end..p.open];
                    if !gap.contains(['.', '!', '?']) || gap.trim().is_empty() {
                        let same = found
                            .as_ref()
                            .is_none_or(|f| f.attr.speaker == h.attr.speaker);
                        if same {
                            found = Some(Found {
                                attr: h.attr.clone(),
                                post: false,
                            });
                            kind = h.kind;
                        }
                    }
                }
            }
        }
        if found.is_none() {
            // Introductions ending in a colon: in this sentence, or as the
            // last sentence of the previous paragraph for a quote paragraph.
            if pre.trim_end().ends_with(':') {
                if let Some(a) = self.colon_intro(pre_lo, p.open, toks) {
                    found = Some(Found {
                        attr: a,
                        post: false,
                    });
                }
            } else if pre.trim().is_empty() && p.open == para_r.start && para > 0 {
                let prev = self.doc.paras[para - 1].clone();
                if t[prev.clone()].trim_end().ends_with(':') {
                    let lo = ceil_boundary(
                        t,
                        self.sent_start(prev.end.saturating_sub(1))
                            .max(prev.end.saturating_sub(PRE_WINDOW)),
                    );
                    if let Some(a) = self.colon_intro(lo, prev.end, toks) {
                        found = Some(Found {
                            attr: a,
                            post: false,
                        });
                    }
                }
            }
        }
        if found.is_none() && kind == QuoteKind::Partial && words >= 4 {
            // Context verbs ("wondered", "dismissed … as") right before it.
            if let Some(a) = self.pre_cue(pre_lo, p.open, false, toks) {
                found = Some(Found {
                    attr: a,
                    post: false,
                });
            }
        }
        if found.is_none() {
            found = self
                .continuation(p.open, para, pre, words, pairs, pi)
                .map(|attr| Found { attr, post: false });
        }
        if found.is_none() && kind == QuoteKind::Partial && words >= 4 {
            // "Trump trumpeted the possibility of creating “…”": the
            // sentence's subject, when it is a person.
            self.doc.tokens(pre_lo, p.open, toks);
            if let Some(subj) = clause_subject(t, toks, 0, toks.len()) {
                if matches!(subj.np.kind, NpKind::Person | NpKind::Pronoun(_)) {
                    let verb = verb_after(t, toks, subj.np.tok_end);
                    if verb
                        .as_deref()
                        .is_some_and(|v| v.ends_with("ed") || v.ends_with('s'))
                    {
                        found = Some(Found {
                            attr: self.resolve(&subj, verb.as_deref(), p.open),
                            post: false,
                        });
                    }
                }
            }
        }
        if found.is_none() && kind == QuoteKind::Direct && pre.trim().is_empty() {
            // A quoted sentence right after a narrator sentence about a
            // person in the same paragraph ("Smith shrugged. “Nobody
            // knows.”"): that person's words.
            let ss = self.sent_start(p.open);
            if ss > para_r.start {
                let prev_lo = ceil_boundary(
                    t,
                    self.sent_start(ss.saturating_sub(1))
                        .max(para_r.start)
                        .max(ss.saturating_sub(PRE_WINDOW)),
                );
                if !self.inside_quote(prev_lo) && !self.has_quote_in(&(prev_lo..ss), pairs) {
                    self.doc.tokens(prev_lo, ss, toks);
                    if let Some(subj) = clause_subject(t, toks, 0, toks.len()) {
                        if matches!(subj.np.kind, NpKind::Person | NpKind::Pronoun(_)) {
                            let mut a = self.resolve(&subj, None, prev_lo);
                            a.as_written = None;
                            if a.has_speaker() {
                                found = Some(Found {
                                    attr: a,
                                    post: false,
                                });
                            }
                        }
                    }
                }
            }
        }
        if found.is_none()
            && kind == QuoteKind::Direct
            && pre.trim().is_empty()
            && p.open == para_r.start
            && para > 0
        {
            // A quote paragraph right after a paragraph whose last sentence
            // has a source speak ("The Food Standards Agency warned people
            // …" / "“We advise …”"): that source's words.
            let prev = self.doc.paras[para - 1].clone();
            let ss = ceil_boundary(
                t,
                self.sent_start(prev.end.saturating_sub(1))
                    .max(prev.start)
                    .max(prev.end.saturating_sub(PRE_WINDOW)),
            );
            if !self.inside_quote(ss) && !self.has_quote_in(&(ss..prev.end), pairs) {
                self.doc.tokens(ss, prev.end, toks);
                if let Some(subj) = clause_subject(t, toks, 0, toks.len()) {
                    let speaks = verb_after(t, toks, subj.np.tok_end)
                        .is_some_and(|v| speakers::is_cue_word(&v));
                    let source = matches!(
                        subj.np.kind,
                        NpKind::Person | NpKind::Org | NpKind::OrgGeneric | NpKind::Anon
                    );
                    if speaks && source {
                        let mut a = self.resolve(&subj, None, ss);
                        a.as_written = None;
                        if a.has_speaker() {
                            found = Some(Found {
                                attr: a,
                                post: false,
                            });
                        }
                    }
                }
            }
        }
        // Terms: short fragments credited to no one, and titles of works
        // ("his book “The Art of the Deal”").
        let title_case = is_title_of_work(pre, &t[content.clone()]);
        let after_work_noun = matches!(
            lw(pre
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or(""))
            .as_str(),
            "book"
                | "film"
                | "movie"
                | "song"
                | "album"
                | "show"
                | "series"
                | "article"
                | "essay"
                | "documentary"
                | "play"
                | "novel"
                | "poem"
                | "column"
                | "op-ed"
                | "piece"
                | "podcast"
                | "program"
                | "programme"
                | "headline"
                | "memoir"
                | "exhibition"
                | "campaign"
                | "operation"
                | "project"
                | "law"
                | "act"
                | "bill"
                | "doctrine"
        );
        if (found.is_none() && (words <= 3 || title_case)) || (title_case && after_work_noun) {
            return;
        }
        // An epithet between commas that no one is credited with: "Lorenz,
        // “the father of chaos,” died in 2008".
        let between_commas = pre.trim_end().ends_with(',')
            && (raw_t.ends_with(',') || t[p.close_end..].trim_start().starts_with(','));
        if found.is_none() && kind == QuoteKind::Partial && words <= 6 && between_commas {
            return;
        }
        let (attr, post) = match found {
            Some(f) => (f.attr, f.post),
            None => (Attr::default(), false),
        };
        let q = make_quote(t, content.clone(), kind, &attr, None);
        self.hist.push(Hist {
            pos: content.start,
            end: content.end,
            para,
            attr: attr.clone(),
            marked: true,
            kind,
            post_cue: post,
        });
        self.pair_attr[pi] = Some(Box::new(attr.clone()));
        out.push(q);
        // Nested quotes.
        self.cur_outer = Some(attr.clone());
        self.cur_outer_range = Some(p.raw.clone());
        self.inner_hist.clear();
        for (k, ip) in p.inner.iter().enumerate() {
            if let Some(nq) = self.attribute_inner(p, k, ip, &attr, toks2) {
                out.push(nq);
            }
        }
        self.cur_outer = None;
        self.cur_outer_range = None;
    }

    /// A quote with no cue of its own continues the previous speaker: an
    /// earlier quote in the same paragraph, or the last item of the
    /// previous paragraph when this quote opens its paragraph.
    fn continuation(
        &self,
        open: usize,
        para: usize,
        pre: &str,
        words: usize,
        _pairs: &[Pair],
        _pi: usize,
    ) -> Option<Attr> {
        let h = self.hist.last()?;
        if !h.attr.has_speaker() {
            return None;
        }
        let t = self.text;
        let hp = h.para;
        // A plain opener ("Meanwhile,") or a colon introduction whose
        // subject is not a speaker ("… is likely to continue:").
        let pre_plain = pre
            .trim()
            .trim_end_matches([',', ':'])
            .split_whitespace()
            .count()
            <= 2
            || pre.trim_end().ends_with(':');
        let same_para = hp == para && h.end <= open;
        // A photo caption or a subheading between the two paragraphs (a
        // short line with no full stop, no quote) does not end the speech.
        let caption = |k: usize| {
            let body = t[self.doc.paras[k].clone()].trim();
            body.len() <= 160
                && !body.ends_with(['.', '?', '!', '”', '"', ':'])
                && !body.contains(['“', '”', '"'])
        };
        let before = if para >= 2 && hp == para - 2 && caption(para - 1) {
            para - 2
        } else {
            para.saturating_sub(1)
        };
        let prev_para = para > 0 && hp == before && hp < para && pre_plain && {
            // This quote must open the paragraph's first sentence.
            let ps = self.doc.paras[para].start;
            self.sent_start(open) == ps
                || t[ps..open].split_whitespace().count() <= 2
                || t[ps..open].trim_end().ends_with(':')
        };
        if !(same_para || prev_para) {
            return None;
        }
        // Short fragments continue only a marked quote of the same paragraph.
        if words <= 3 && !(same_para && h.marked) {
            return None;
        }
        let mut a = h.attr.clone();
        a.as_written = None;
        a.cue = None;
        Some(a)
    }

    fn attribute_inner(
        &mut self,
        p: &Pair,
        k: usize,
        ip: &InnerPair,
        outer: &Attr,
        toks: &mut Vec<Tok>,
    ) -> Option<Quote> {
        let t = self.text;
        let content = trim_quote(t, ip.raw.clone());
        if content.start >= content.end || !t[content.clone()].chars().any(|c| c.is_alphabetic()) {
            return None;
        }
        let words = word_count(&t[content.clone()]);
        // Window inside the outer quote.
        let outer_lo = p.raw.start;
        let mut lo = self.local_sent_start(ip.open, outer_lo).max(outer_lo);
        let mut prev_inner_attr: Option<Attr> = None;
        if k > 0 {
            let prev = &p.inner[k - 1];
            if prev.close_end > lo {
                lo = prev.close_end;
                prev_inner_attr = self.hist_inner_last.clone();
            }
        }
        let lo = ceil_boundary(t, lo.max(ip.open.saturating_sub(PRE_WINDOW)));
        let mut hi = p.raw.end;
        if let Some(nx) = p.inner.get(k + 1) {
            hi = hi.min(nx.open);
        }
        let post_hi = self.sentence_end(ip.close_end, hi.max(ip.close_end));
        let raw_t = t[ip.raw.clone()].trim_end();
        let ended_with_stop = raw_t.ends_with('.') && !raw_t.ends_with("...");
        let mut attr = None;
        if post_hi > ip.close_end {
            attr = self.post_cue(ip.close_end, post_hi, ended_with_stop, toks);
        }
        if attr.is_none() {
            attr = self.pre_cue(lo, ip.open, true, toks);
        }
        if attr.is_none() {
            attr = prev_inner_attr.map(|mut a| {
                a.as_written = a.as_written.clone();
                a
            });
        }
        if attr.is_none() {
            attr = self.possessive_speech(lo, ip.open, toks);
        }
        self.hist_inner_last = attr.clone();
        let attr = match attr {
            Some(a) => a,
            None if words <= 3 => return None,
            None => Attr::default(),
        };
        if attr.has_speaker() {
            self.inner_hist.push((content.start, attr.clone()));
        }
        let via = outer.speaker.clone();
        Some(make_quote(t, content, QuoteKind::Nested, &attr, via))
    }
}

#[cfg(test)]
mod tests;
