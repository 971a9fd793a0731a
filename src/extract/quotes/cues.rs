//! Cues around a marked quote: the attribution after it (`,” X said`),
//! before it (`X said: “`), an introducing sentence ending in a colon, and
//! possessive speech ("Putin's prior offer").

use super::*;

/// What a window search found.
pub(super) struct Found {
    pub(super) attr: Attr,
    /// The cue came after the quote.
    pub(super) post: bool,
}

impl<'a> Ctx<'a> {
    /// A cue right after a quote: `,” X said`, `,” said X`, `” Carpenter
    /// asks.` The window runs from the closing mark to the end of the
    /// sentence or the next quote.
    pub(super) fn post_cue(
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
    pub(super) fn pre_cue(
        &self,
        lo: usize,
        hi: usize,
        strict: bool,
        toks: &mut Vec<Tok>,
    ) -> Option<Attr> {
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
    pub(super) fn attr_for_cue(&self, toks: &[Tok], lo: usize, c: &Cue, at: usize) -> Option<Attr> {
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
            if is_one_of(COORDINATED_CUE_LINKS, prev.as_str()) || c.tok == lo {
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
        if (seg_lo..c.tok)
            .any(|k| is_one_of(CLAUSE_RELATIVES, lw(&t[toks[k].s..toks[k].e]).as_str()))
        {
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
    pub(super) fn same_sentence_speaker(&self, lo: usize, at: usize) -> Option<Attr> {
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
    pub(super) fn colon_intro(&self, lo: usize, hi: usize, toks: &mut Vec<Tok>) -> Option<Attr> {
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
    pub(super) fn possessive_speech(
        &self,
        lo: usize,
        hi: usize,
        toks: &mut Vec<Tok>,
    ) -> Option<Attr> {
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

pub(super) fn t_pos(toks: &[Tok], k: usize) -> usize {
    toks.get(k).map(|t| t.s).unwrap_or(0)
}

pub(super) fn speakers_invertable(w: &str) -> bool {
    speakers::is_invertable(w)
}

/// The cue as written with a perfect auxiliary ("has mused").
pub(super) fn cue_with_aux(t: &str, toks: &[Tok], lo: usize, c: &Cue) -> String {
    let base = &t[c.range.clone()];
    if c.tok > lo {
        let p = &t[toks[c.tok - 1].s..toks[c.tok - 1].e];
        if is_one_of(PERFECT_AUXILIARIES, p) {
            return format!("{p} {base}");
        }
    }
    base.to_string()
}

/// A name of a thing in marks: Title Case words with no final punctuation,
/// or anything after "titled", "entitled", "called", "named".
pub(super) fn is_title_of_work(pre: &str, content: &str) -> bool {
    let last = pre
        .trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("");
    if is_one_of(WORK_TITLE_INTRODUCERS, lw(last).as_str()) {
        return true;
    }
    if content.ends_with(['.', '?', '!', '…']) {
        return false;
    }
    let small = |w: &str| is_one_of(TITLE_SMALL_WORDS, lw(w).as_str());
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
pub(super) fn verb_after(t: &str, toks: &[Tok], mut k: usize) -> Option<String> {
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
            || (is_one_of(PERFECT_AUXILIARIES, l.as_str()) || matches!(l.as_str(), "also" | "then"))
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
pub(super) fn according_np(t: &str, toks: &[Tok], k: usize) -> Option<Subject> {
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
pub(super) fn marked_kind(pre: &str, content: &str) -> QuoteKind {
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
