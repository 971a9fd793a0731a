//! Attributing a marked quote: the cue after it, the cue before it, an
//! introducing sentence, or the speaker of the quote it continues; then
//! the quotes nested inside it.

use super::*;

impl<'a> Ctx<'a> {
    /// Attribute one marked quote and its nested quotes; push the results.
    pub(super) fn attribute_pair(
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
        // A quote that ends its sentence and has its cue before it
        // ("Coats said: “…terms.” He added that “…”"): the cue after it
        // starts another sentence and belongs to what follows.
        let pre_first = found.is_some() && ended_with_stop;
        if found.is_none() || pre_first {
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
        let after_work_noun = is_one_of(
            WORK_NOUNS,
            lw(pre
                .trim_end()
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or(""))
            .as_str(),
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
    pub(super) fn continuation(
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
        // "“…,” de Miranda writes. “…”": a quote split by its attribution
        // keeps the attribution's words for both parts.
        let split = same_para && h.marked && h.post_cue && pre.trim().is_empty() && {
            // After the previous quote's closing mark: the attribution only.
            let gap =
                t[h.end.min(open)..open].trim_start_matches([',', '.', '!', '?', '”', '"', '’']);
            gap.split_whitespace().count() <= 8 && !gap.contains(['“', '”', '"'])
        };
        if !split {
            a.as_written = None;
            a.cue = None;
        }
        Some(a)
    }

    pub(super) fn attribute_inner(
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
