//! Reported clauses around a speech verb without "that": "X said they
//! …", "as X suggested, …", and the clause before a final attribution
//! ("…, the minister said on Sunday").

use super::*;

impl<'a> Ctx<'a> {
    /// Forms anchored on a speech verb: headline "X Says …", a
    /// sentence-final "…, X said.", "X said they …", "as X suggested, …" and
    /// "whom X say ordered …".
    #[allow(clippy::too_many_arguments)]
    pub(super) fn indirect_say(
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
        // The first few words decide; 400 bytes hold them, and text with no
        // spaces cannot make each anchor read to the end.
        let after_hi = floor_boundary(t, (pos + len + 400).min(bhi.max(pos + len)));
        let after = t[pos + len..after_hi].trim_start();
        let next_word = after
            .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .next()
            .unwrap_or("");
        // "there's", "it'll", "they’re": a pronoun with its verb.
        let is_subj_pronoun = |w: &str| speakers::is_subject_pronoun(w);
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
            let np_start = is_one_of(CLAUSE_DETERMINERS, lw(first).as_str())
                || first.starts_with(|c: char| c.is_uppercase());
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
    pub(super) fn trailing_attribution(
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
            let w = t[from..core_end.max(from)]
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
    pub(super) fn say_clause(
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
        // A subject pronoun, alone or with its contracted verb ("there's").
        let is_pron = |m: usize| {
            let x = &t[toks[m].s..toks[m].e];
            toks[m].word && speakers::is_subject_pronoun(x)
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
                    && !is_one_of(
                        PAST_VERB_DETERMINERS,
                        lw(&t[toks[m - 1].s..toks[m - 1].e]).as_str(),
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
                    || is_one_of(CLAUSE_LINKS, lw(x).as_str())
            }) {
                return None;
            }
            if tell {
                // Tell-verbs take a listener first ("told reporters the
                // matter was …"): the clause starts at the last determiner or
                // pronoun before the verb, else at its capitalised subject.
                let det = (k + 2..aux).rev().find(|&m| {
                    is_pron(m)
                        || is_one_of(LISTENER_DETERMINERS, lw(&t[toks[m].s..toks[m].e]).as_str())
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
                let adjunct = is_one_of(SAID_ADJUNCT_STARTS, first.as_str());
                if adjunct {
                    let subj = (k + 2..aux).rev().find(|&m| {
                        is_pron(m)
                            || is_one_of(CLAUSE_DETERMINERS, lw(&t[toks[m].s..toks[m].e]).as_str())
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
