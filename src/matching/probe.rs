//! Probing: how one new article finds its candidates in the indexes of
//! earlier ones (quotes by key and speaker, quote words met in narration,
//! figures by rare key and near-word pairs) and scores them into pairs.

use std::collections::HashMap;

use super::article::{quote_spans, ArticleText, QuoteFeatures};
use super::block::{budget_keys, probe_keys};
use super::score::{
    self, compare_figures, compare_quote_narration, compare_quotes, QuoteSide, Verdict,
};
use super::{
    ItemKind, ItemRef, Label, Matcher, Pair, Probe, ProbeKeys, Reason, NARRATION, RARE_FIGURE_KEY,
};

/// Adds `(fi, fid)` to `cands` for every figure in `hits` (other fid,
/// weight) whose weights add up to 2 or more; returns how many. Empties
/// `hits`.
fn met_twice(hits: &mut Vec<(u32, u32)>, fi: u32, cands: &mut Vec<(u32, u32)>) -> usize {
    hits.sort_unstable();
    let before = cands.len();
    let mut k = 0;
    while k < hits.len() {
        let fid = hits[k].0;
        let mut weight = 0;
        while k < hits.len() && hits[k].0 == fid {
            weight += hits[k].1;
            k += 1;
        }
        if weight >= 2 {
            cands.push((fi, fid));
        }
    }
    hits.clear();
    cands.len() - before
}

/// Speaker keys (speaker with a telling word) two quotes must share to be
/// compared on account of their speaker.
const SPEAKER_HITS: usize = 3;

/// Quote words met in narration are checked only through keys carried by
/// at most this many passages: a quote copied without marks is copied into
/// few articles, while a common phrase that happens to span 16 letters
/// meets quotes everywhere.
const NARRATION_CAP: usize = 16;

/// A narration key carried by at most this many passages is rare enough
/// to count as evidence that two articles share text.
const RARE_NARRATION: usize = 8;

impl Matcher {
    /// Finds and scores the pairs between article `j` and earlier-added ones.
    pub(super) fn probe(&self, j: usize, keys: &ProbeKeys) -> Probe {
        let narration = &keys.narration[..];
        let me = &self.articles[j];
        let cap = self.opts.max_postings;
        let mut out = Probe::default();
        let owned: Vec<QuoteFeatures>;
        let mine: &[QuoteFeatures] = match self.features.get(j) {
            Some(f) => f,
            None => {
                owned = me
                    .input
                    .quotes
                    .iter()
                    .map(|q| QuoteFeatures::new(q, &self.aliases))
                    .collect();
                &owned
            }
        };
        // Candidates: (my quote, other quote passage), (my quote, other
        // article, sentence), (other quote passage, my sentence).
        let mut qq: Vec<(u32, u32)> = Vec::new();
        let mut qn: Vec<(u32, u32, u32)> = Vec::new();
        let mut nq: Vec<(u32, u32)> = Vec::new();
        if self.opts.exhaustive {
            for (pid, p) in self.passages.iter().enumerate() {
                if (p.article as usize) < j && p.local & NARRATION == 0 {
                    for qi in 0..mine.len() {
                        if me.quote_reprints[qi].is_none_or(|(a, _)| a == p.article) {
                            qq.push((qi as u32, pid as u32));
                        }
                    }
                }
            }
        }
        let mut by_speaker: Vec<u32> = Vec::new();
        // Passages of article `j` and later have ids from here on.
        let first_pid = self.passages.partition_point(|p| (p.article as usize) < j) as u32;
        for (qi, f) in mine.iter().enumerate() {
            if self.opts.exhaustive {
                break;
            }
            let only = me.quote_reprints[qi].map(|(a, _)| a);
            by_speaker.clear();
            let sk = f.speaker_keys(&me.input.quotes[qi]);
            for postings in probe_keys(&self.quote_index, &sk, cap, 0, first_pid) {
                postings.for_each(|pid| {
                    let art = self.passages[pid as usize].article;
                    if (art as usize) < j && only.is_none_or(|a| a == art) {
                        by_speaker.push(pid);
                    }
                });
            }
            // The same speaker with three of the quote's telling words (a
            // rewording shares at least that many): fewer is chance for a
            // speaker quoted often.
            by_speaker.sort_unstable();
            for w in by_speaker.windows(SPEAKER_HITS) {
                if w[0] == w[SPEAKER_HITS - 1] {
                    qq.push((qi as u32, w[0]));
                }
            }
        }
        for (qi, f) in mine.iter().enumerate() {
            // A reprint meets everything else through the item it repeats,
            // except the other items of that item's own article, which that
            // item never met; and it is evidence of shared material.
            let only = me.quote_reprints[qi].map(|(a, _)| a);
            if let Some(a) = only {
                *out.links.entry(a).or_default() += 3;
            }
            for postings in probe_keys(&self.quote_index, &f.gram_keys(), cap, 2, first_pid) {
                postings.for_each(|pid| {
                    let p = self.passages[pid as usize];
                    if p.article as usize >= j || only.is_some_and(|a| a != p.article) {
                        return;
                    }
                    if p.local & NARRATION != 0 {
                        if postings.len() <= NARRATION_CAP {
                            qn.push((qi as u32, p.article, p.local & !NARRATION));
                        }
                    } else if !self.opts.exhaustive {
                        qq.push((qi as u32, pid));
                    }
                });
            }
        }
        for &(key, sentence) in narration {
            let postings = self.quote_index.get(key);
            if postings.len() > cap {
                continue;
            }
            // Only rare shared narration is evidence of a rewrite: common
            // phrases meet in unrelated articles.
            let rare = postings.len() <= RARE_NARRATION;
            postings.for_each(|pid| {
                let p = self.passages[pid as usize];
                if p.article as usize >= j {
                    return;
                }
                if p.local & NARRATION != 0 {
                    if rare {
                        *out.links.entry(p.article).or_default() += 1;
                    }
                } else if postings.len() <= NARRATION_CAP {
                    nq.push((pid, sentence));
                }
            });
        }
        qq.sort_unstable();
        qq.dedup();

        qn.sort_unstable();
        qn.dedup();
        nq.sort_unstable();
        nq.dedup();

        // Features of the earlier quotes met, computed once per probe.
        let mut theirs: HashMap<u32, QuoteFeatures> = HashMap::new();
        if self.features.is_empty() {
            for pid in qq.iter().map(|c| c.1).chain(nq.iter().map(|c| c.0)) {
                theirs.entry(pid).or_insert_with(|| {
                    let p = self.passages[pid as usize];
                    let q = &self.articles[p.article as usize].input.quotes[p.local as usize];
                    QuoteFeatures::new(q, &self.aliases)
                });
            }
        }
        let features_of = |pid: u32| -> &QuoteFeatures {
            let p = self.passages[pid as usize];
            match self.features.get(p.article as usize) {
                Some(f) => &f[p.local as usize],
                None => &theirs[&pid],
            }
        };

        // Quote against quote.
        for &(qi, pid) in &qq {
            let p = self.passages[pid as usize];
            // A reprint and the quote it repeats: recorded as a reprint.
            if me.quote_reprints[qi as usize] == Some((p.article, p.local)) {
                continue;
            }
            let (i, oi) = (p.article as usize, p.local as usize);
            let other = &self.articles[i];
            let fa = features_of(pid);
            let a = QuoteSide {
                quote: &other.input.quotes[oi],
                f: fa,
                titles: other.speaker_titles[oi].as_deref(),
            };
            let b = QuoteSide {
                quote: &me.input.quotes[qi as usize],
                f: &mine[qi as usize],
                titles: me.speaker_titles[qi as usize].as_deref(),
            };
            if let Some(v) = compare_quotes(a, b, &self.opts) {
                *out.links.entry(i as u32).or_default() += 3;
                out.pairs.push(self.pair(
                    (i, self.item_ref(i, ItemKind::Quote, oi)),
                    (j, self.item_ref(j, ItemKind::Quote, qi as usize)),
                    v,
                ));
            }
        }

        // My quotes in earlier articles' narration.
        let mut k = 0;
        while k < qn.len() {
            let (qi, art) = (qn[k].0, qn[k].1);
            let mut sentences = Vec::new();
            while k < qn.len() && qn[k].0 == qi && qn[k].1 == art {
                sentences.push(qn[k].2);
                k += 1;
            }
            let i = art as usize;
            let (text, near) = self.narration_window(i, &sentences);
            let side = QuoteSide {
                quote: &me.input.quotes[qi as usize],
                f: &mine[qi as usize],
                titles: me.speaker_titles[qi as usize].as_deref(),
            };
            let outlet = self.articles[i].outlet.as_ref();
            if let Some(hit) = compare_quote_narration(side, &text, &near, outlet, &self.opts) {
                let narr = self.narration_ref(i, &hit);
                let mine = self.item_ref(j, ItemKind::Quote, qi as usize);
                *out.links.entry(art).or_default() += 3;
                out.pairs.push(self.pair((i, narr), (j, mine), hit.verdict));
            }
        }

        // Earlier articles' quotes in my narration.
        if !nq.is_empty() {
            let mut k = 0;
            while k < nq.len() {
                let pid = nq[k].0;
                let mut sentences = Vec::new();
                while k < nq.len() && nq[k].0 == pid {
                    sentences.push(nq[k].1);
                    k += 1;
                }
                let p = self.passages[pid as usize];
                let (i, oi) = (p.article as usize, p.local as usize);
                let other = &self.articles[i];
                let fo = features_of(pid);
                let side = QuoteSide {
                    quote: &other.input.quotes[oi],
                    f: fo,
                    titles: other.speaker_titles[oi].as_deref(),
                };
                let (text, near) = self.narration_window(j, &sentences);
                if let Some(hit) =
                    compare_quote_narration(side, &text, &near, me.outlet.as_ref(), &self.opts)
                {
                    let narr = self.narration_ref(j, &hit);
                    let theirs = self.item_ref(i, ItemKind::Quote, oi);
                    *out.links.entry(i as u32).or_default() += 3;
                    out.pairs
                        .push(self.pair((i, theirs), (j, narr), hit.verdict));
                }
            }
        }

        self.one_title_divergence(j, &mut out.pairs);
        out.pairs.extend(self.figure_pairs(j, &keys.figure_pairs));
        out
    }

    /// A speaker's title differs between two articles once, not once per
    /// quote: the first quote pair of each (other article, speaker, the two
    /// titles) keeps the divergence, later ones with the same two titles
    /// lose it (and restate when nothing else differs), so one fact is not
    /// several claims.
    fn one_title_divergence(&self, j: usize, pairs: &mut [Pair]) {
        let me = &self.articles[j];
        let mut seen: Vec<(i64, &str, Option<&str>, Option<&str>)> = Vec::new();
        let mut order: Vec<usize> = (0..pairs.len()).collect();
        // In the pairs' own order (earlier article's item first), which
        // does not depend on which of the two articles probes the other.
        let mine = |p: &Pair| if p.b.article == me.input.id { p.b } else { p.a };
        let theirs = |p: &Pair| if p.b.article == me.input.id { p.a } else { p.b };
        order.sort_by_key(|&k| {
            let p = &pairs[k];
            (theirs(p).article, p.a.index, p.b.index)
        });
        for k in order {
            let p = &mut pairs[k];
            let (m, t) = (mine(p), theirs(p));
            if m.kind != ItemKind::Quote || t.kind != ItemKind::Quote {
                continue;
            }
            if !p.reasons.contains(&Reason::SpeakerTitle) {
                continue;
            }
            let mine_q = &me.input.quotes[m.index];
            let Some(speaker) = mine_q.speaker.as_deref() else {
                continue;
            };
            let theirs_title = self
                .articles
                .iter()
                .find(|a| a.input.id == t.article)
                .and_then(|a| a.input.quotes.get(t.index))
                .and_then(|q| q.speaker_title.as_deref());
            // The same two titles of the same speaker: one divergence.
            let key = (
                t.article,
                speaker,
                mine_q.speaker_title.as_deref(),
                theirs_title,
            );
            if seen.contains(&key) {
                p.reasons.retain(|r| *r != Reason::SpeakerTitle);
                if p.reasons.is_empty() {
                    p.label = Label::Restates;
                }
            } else {
                seen.push(key);
            }
        }
    }

    fn narration_ref(&self, article: usize, hit: &score::NarrationHit) -> ItemRef {
        ItemRef {
            article: self.articles[article].input.id,
            kind: ItemKind::Narration,
            index: hit.sentence,
            start: hit.start,
            end: hit.end,
        }
    }

    /// The tokens and narration runs of the sentences of article `i` around
    /// `sentences` (one before the first to one after the last), recomputed
    /// on demand: only candidates need them, and only that stretch.
    fn narration_window(&self, i: usize, sentences: &[u32]) -> (ArticleText, Vec<(usize, usize)>) {
        let p = &self.articles[i];
        let text = &p.input.text;
        let n = p.sentences.len();
        if n == 0 {
            return (ArticleText::default(), Vec::new());
        }
        let lo = sentences
            .iter()
            .min()
            .map_or(0, |&s| s.saturating_sub(1) as usize)
            .min(n - 1);
        let hi = sentences
            .iter()
            .max()
            .map_or(0, |&s| s as usize + 1)
            .min(n - 1);
        let (from, to) = (p.sentences[lo].0 as usize, p.sentences[hi].1 as usize);
        let Some(slice) = text.get(from..to) else {
            return (ArticleText::default(), Vec::new());
        };
        let shift = |(a, b): (usize, usize)| (a.clamp(from, to) - from, b.clamp(from, to) - from);
        let spans: Vec<(usize, usize)> = quote_spans(&p.input)
            .into_iter()
            .filter(|&(a, b)| b > from && a < to)
            .map(shift)
            .collect();
        let sents: Vec<(u32, u32)> = p.sentences[lo..=hi]
            .iter()
            .map(|&(a, b)| (a - from as u32, b - from as u32))
            .collect();
        let mut window = ArticleText::new(slice, &sents, &spans, &[]);
        let runs = window.narration_runs(&spans);
        // Back to offsets and sentence numbers of the whole article.
        for t in &mut window.tokens {
            t.start += from as u32;
            t.end += from as u32;
        }
        for s in &mut window.sentence_of {
            *s += lo as u32;
        }
        (window, runs)
    }

    /// Figure pairs between article `j` and earlier ones, at most one pair
    /// per figure and other article (the best), so that two figures of one
    /// sentence ("$81 million … and $12 million …") do not cross-pair.
    fn figure_pairs(&self, j: usize, pair_keys: &[(u32, u32)]) -> Vec<Pair> {
        let me = &self.articles[j];
        let mut cands: Vec<(u32, u32)> = Vec::new(); // (my figure, other fid)
        let mut hits: Vec<(u32, u32)> = Vec::new(); // (other fid, weight)
        let budget = self.opts.figure_budget;
        // Figures of article `j` and later have ids from here on.
        let first_fid = self.figure_refs.partition_point(|r| (r.0 as usize) < j) as u32;
        for (fi, f) in me.figures.iter().enumerate() {
            let only = me.figure_reprints[fi].map(|(a, _)| a);
            let earlier = |fid: u32| {
                let art = self.figure_refs[fid as usize].0;
                (art as usize) < j && only.is_none_or(|a| a == art)
            };
            if self.opts.exhaustive {
                for (fid, &(art, ofi)) in self.figure_refs.iter().enumerate() {
                    if earlier(fid as u32)
                        && self.articles[art as usize].figures[ofi as usize].class == f.class
                    {
                        cands.push((fi as u32, fid as u32));
                    }
                }
                continue;
            }
            let keys = f.keys();
            hits.clear();
            for postings in budget_keys(&self.figure_index, &keys, self.opts.figure_budget, 2) {
                // A rare key alone makes a candidate; a commoner one must
                // be met twice (figures about one thing share several
                // words around them).
                let weight = if postings.len() <= RARE_FIGURE_KEY {
                    2
                } else {
                    1
                };
                postings.for_each(|fid| {
                    if earlier(fid) {
                        hits.push((fid, weight));
                    }
                });
            }
            // Two shared near words at once: a candidate, unless that pair
            // of words is itself common.
            let from = pair_keys.partition_point(|p| p.0 < fi as u32);
            let to = from + pair_keys[from..].partition_point(|p| p.0 == fi as u32);
            let my_pairs = &pair_keys[from..to];
            for &(_, key) in my_pairs {
                let postings = self.pair_index.get(key);
                if postings.len() > self.opts.figure_budget {
                    continue;
                }
                postings.for_each(|fid| {
                    if earlier(fid) {
                        hits.push((fid, 2));
                    }
                });
            }
            let found = met_twice(&mut hits, fi as u32, &mut cands);
            if found > 0 {
                continue;
            }
            // Nothing found: every key may be too common, as for a story
            // reprinted by more outlets than the budget. The two rarest
            // common keys (single words or pairs) are read, the latest
            // `budget` earlier figures of each, and a figure met in both is
            // a candidate: copies of one story carry both keys and the
            // latest of them fall in both windows; unrelated figures that
            // share two common words seldom do.
            let mut common: Vec<_> = keys
                .iter()
                .map(|&k| self.figure_index.get(k))
                .chain(my_pairs.iter().map(|&(_, k)| self.pair_index.get(k)))
                .filter(|p| p.len() > budget)
                .collect();
            common.sort_unstable_by_key(|p| p.len());
            hits.clear();
            for postings in common.iter().take(2) {
                postings.last_before(first_fid, budget).for_each(|fid| {
                    if earlier(fid) {
                        hits.push((fid, 1));
                    }
                });
            }
            met_twice(&mut hits, fi as u32, &mut cands);
        }
        cands.sort_unstable();
        cands.dedup();
        // (other article, agrees, score, my figure, other figure, verdict)
        let mut scored: Vec<(u32, bool, f64, u32, u32, Verdict)> = Vec::new();
        for (fi, fid) in cands {
            let (art, ofi) = self.figure_refs[fid as usize];
            let other = &self.articles[art as usize];
            let v = compare_figures(
                &other.input.figures[ofi as usize],
                &other.figures[ofi as usize],
                &me.input.figures[fi as usize],
                &me.figures[fi as usize],
                &self.opts,
            );
            if let Some(v) = v {
                let agrees = !v
                    .reasons
                    .iter()
                    .any(|r| matches!(r, Reason::Value | Reason::Unit));
                scored.push((art, agrees, v.score, fi, ofi, v));
            }
        }
        // Best first within each other article: agreeing values, then score.
        scored.sort_by(|x, y| {
            x.0.cmp(&y.0)
                .then(y.1.cmp(&x.1))
                .then(y.2.total_cmp(&x.2))
                .then((x.3, x.4).cmp(&(y.3, y.4)))
        });
        let mut out = Vec::new();
        let mut used_mine: Vec<(u32, u32)> = Vec::new();
        let mut used_theirs: Vec<(u32, u32)> = Vec::new();
        for (art, _, _, fi, ofi, v) in scored {
            if used_mine.contains(&(art, fi)) || used_theirs.contains(&(art, ofi)) {
                continue;
            }
            used_mine.push((art, fi));
            used_theirs.push((art, ofi));
            // A reprint and the figure it repeats: recorded as a reprint.
            if me.figure_reprints[fi as usize] == Some((art, ofi)) {
                continue;
            }
            let i = art as usize;
            out.push(self.pair(
                (i, self.item_ref(i, ItemKind::Figure, ofi as usize)),
                (j, self.item_ref(j, ItemKind::Figure, fi as usize)),
                v,
            ));
        }
        out.sort_by_key(|p| (p.a.article, p.a.index, p.b.article, p.b.index));
        out
    }
}
