//! Reported clauses introduced by "that" ("X said that …", "the report
//! that …") and by "according to X, …".

use super::*;

impl<'a> Ctx<'a> {
    pub(super) fn indirect_that(
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
    pub(super) fn content_noun_that(&self, toks: &[Tok], at: usize) -> Option<Attr> {
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
        let after_hi = floor_boundary(self.text, at + 4 + 200);
        let after = self.text[at + 4..after_hi]
            .split_whitespace()
            .next()
            .unwrap_or("");
        let al = lw(after.trim_matches(|c: char| !c.is_alphanumeric()));
        if is_one_of(THAT_AUXILIARIES, al.as_str())
            || (al.ends_with("ed") && after.chars().next().is_some_and(|c| c.is_lowercase()))
        {
            return None;
        }
        let s_tok = (0..n).find(|&k| toks[k].s == np.written.start)?;
        if s_tok > 0 {
            let v = lw(&t[toks[s_tok - 1].s..toks[s_tok - 1].e]);
            if is_one_of(RELEASE_VERBS, v.as_str()) {
                let subj = subject_before(t, toks, 0, s_tok - 1)?;
                let cue_text = t[toks[s_tok - 1].s..np.written.end].to_string();
                return Some(self.resolve(&subj, Some(&cue_text), at));
            }
            // The noun phrase must not be another verb's object ("debunk
            // the collusion allegations that").
            let ok_before = !toks[s_tok - 1].word
                || is_one_of(NOT_NOUN_OBJECT_BEFORE, v.as_str())
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

    pub(super) fn indirect_according(
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
            if is_one_of(ARTICLES, first.as_str()) {
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
                is_one_of(
                    ACCORDING_OPENERS,
                    w.trim_matches(',').to_lowercase().as_str(),
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
}
