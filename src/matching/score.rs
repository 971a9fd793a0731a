//! Scoring and labelling one candidate pair: two quotes, a quote and
//! another article's narration, or two figures.

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::extract::model::{Figure, Quote, QuoteKind, SpeakerKind};

use super::article::{ArticleText, QuoteFeatures};
use super::block::GRAM_LEN;
pub(crate) use super::figure::compare_figures;
use super::figure::values_agree;
use super::normalize::{for_each_token, spelling_variant};
use super::speaker::{relate, same_name, titles_differ, SpeakerName, SpeakerRelation};
use super::{Basis, DiffKind, DiffOp, Options, Reason};

/// The outcome of comparing two items that speak of the same thing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Verdict {
    pub basis: Basis,
    pub score: f64,
    pub reasons: Vec<Reason>,
    pub diff: Option<Vec<DiffOp>>,
}

/// A quote with its features.
#[derive(Clone, Copy)]
pub(crate) struct QuoteSide<'a> {
    pub quote: &'a Quote,
    pub f: &'a QuoteFeatures,
    /// Every title the speaker has in the quote's article (see
    /// `Prepared::speaker_titles`); the quote's own title when not known.
    pub titles: Option<&'a str>,
}

impl QuoteSide<'_> {
    fn title(&self) -> Option<&str> {
        self.titles.or(self.quote.speaker_title.as_deref())
    }
}

/// Fewest words a quote needs to be found inside another text: below
/// this, a run of words is too common to mean the same quote.
const MIN_CONTAINED_WORDS: usize = 3;
/// Fewest words of a quote found in another article's narration.
pub(crate) const MIN_NARRATION_WORDS: usize = 6;

/// How many values two sorted slices share.
pub(crate) fn count_sorted_common<T: Ord>(a: &[T], b: &[T]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

fn sorted_unique(words: &[u32]) -> Vec<u32> {
    let mut v = words.to_vec();
    v.sort_unstable();
    v.dedup();
    v
}

/// Finds `needle` in `hay` starting and ending on word boundaries
/// (`anchors` are the word starts of `hay`, with its length last), at or
/// after byte `from`. Returns the byte range.
fn find_on_words(hay: &str, anchors: &[u32], needle: &str, from: usize) -> Option<(usize, usize)> {
    if needle.is_empty() {
        return None;
    }
    let mut pos = from;
    while let Some(off) = hay.get(pos..).and_then(|h| h.find(needle)) {
        let s = pos + off;
        let e = s + needle.len();
        if anchors.binary_search(&(s as u32)).is_ok() && anchors.binary_search(&(e as u32)).is_ok()
        {
            return Some((s, e));
        }
        pos = s + hay[s..].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// Whether the shorter quote's words lie, in order, inside the longer one
/// (each part between ellipses in turn). Returns the score.
fn containment(short: &QuoteFeatures, long: &QuoteFeatures) -> Option<f64> {
    let n = short.words.len();
    if n < MIN_CONTAINED_WORDS || short.squashed.len() < GRAM_LEN || short.content.len() < 2 {
        return None;
    }
    let mut from = 0;
    for &(a, b) in &short.segments {
        // A one-word part between ellipses is too weak to place; skip it.
        if b - a < 2 {
            continue;
        }
        let (_, e) = find_on_words(
            &long.squashed,
            &long.anchors,
            short.squashed_words(a, b),
            from,
        )?;
        from = e;
    }
    Some(0.8 + 0.2 * (n as f64 / 12.0).min(1.0))
}

/// Approximate search of `short` inside `long`: the smallest word edit
/// distance of `short` to any stretch of `long` (Sellers' algorithm).
/// Returns (similarity = 1 - distance / len(short), start, end) of the
/// best stretch in `long`.
pub(crate) fn best_stretch(short: &[u32], long: &[u32]) -> Option<(f64, usize, usize)> {
    let (n, m) = (short.len(), long.len());
    if n == 0 || m == 0 || n * m > 400_000 {
        return None;
    }
    // prev[j] = distance of short[..i] to a stretch of long ending at j;
    // start[j] = where that stretch begins.
    let mut prev: Vec<u32> = vec![0; m + 1];
    let mut prev_start: Vec<u32> = (0..=m as u32).collect();
    let mut cur = vec![0u32; m + 1];
    let mut cur_start = vec![0u32; m + 1];
    for (i, &w) in short.iter().enumerate() {
        cur[0] = i as u32 + 1;
        cur_start[0] = 0;
        for j in 1..=m {
            let sub = prev[j - 1] + u32::from(long[j - 1] != w);
            let del = prev[j] + 1;
            let ins = cur[j - 1] + 1;
            if sub <= del && sub <= ins {
                cur[j] = sub;
                cur_start[j] = prev_start[j - 1];
            } else if del <= ins {
                cur[j] = del;
                cur_start[j] = prev_start[j];
            } else {
                cur[j] = ins;
                cur_start[j] = cur_start[j - 1];
            }
        }
        std::mem::swap(&mut prev, &mut cur);
        std::mem::swap(&mut prev_start, &mut cur_start);
    }
    let (end, dist) = prev
        .iter()
        .enumerate()
        .skip(1)
        .min_by_key(|&(j, d)| (*d, j))
        .map(|(j, d)| (j, *d))?;
    let sim = 1.0 - f64::from(dist) / n as f64;
    Some((sim.max(0.0), prev_start[end] as usize, end))
}

/// A word slice that `strsim`'s generic functions can iterate.
struct Words<'a>(&'a [u32]);

impl<'a> IntoIterator for &Words<'a> {
    type Item = &'a u32;
    type IntoIter = std::slice::Iter<'a, u32>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Word-level similarity of two quotes: normalised Levenshtein over words
/// (order matters) and Sørensen–Dice over word sets (order does not, so
/// reordered clauses still meet); the larger.
fn word_similarity(a: &[u32], b: &[u32]) -> f64 {
    let max = a.len().max(b.len());
    if max == 0 {
        return 1.0;
    }
    let lev = 1.0 - strsim::generic_levenshtein(&Words(a), &Words(b)) as f64 / max as f64;
    let (sa, sb) = (sorted_unique(a), sorted_unique(b));
    let dice = 2.0 * count_sorted_common(&sa, &sb) as f64 / (sa.len() + sb.len()) as f64;
    lev.max(dice)
}

/// Display words of a text, aligned with the folded words that
/// `QuoteFeatures` keeps (editorial insertions skipped). A contraction
/// folds into two words; its text is shown once.
fn display_words(text: &str) -> Vec<String> {
    // (start, end) of each shown word; a word keeps the punctuation after
    // it up to the next word ("Agency," not "Agency").
    let mut spans: Vec<Option<(usize, usize)>> = Vec::new();
    let mut last_span = (usize::MAX, usize::MAX);
    let mut starts = Vec::new();
    for_each_token(text, |t| {
        starts.push(t.start);
        if t.editorial {
            return;
        }
        if (t.start, t.end) == last_span {
            spans.push(None);
        } else {
            spans.push(Some((t.start, t.end)));
        }
        last_span = (t.start, t.end);
    });
    spans
        .into_iter()
        .map(|span| {
            let Some((a, b)) = span else {
                return String::new();
            };
            // Token starts are in order: the next word by binary search.
            let next = starts
                .get(starts.partition_point(|&s| s < b))
                .copied()
                .unwrap_or(text.len());
            let tail = text.get(b..next).unwrap_or("");
            let punct: String = tail
                .chars()
                .take_while(|c| !c.is_whitespace() && !c.is_alphanumeric())
                .collect();
            format!("{}{punct}", &text[a..b])
        })
        .collect()
}

fn join(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !w.is_empty())
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ")
}

/// A word diff from `a` to `b`, and whether any change is substantive
/// (more than a split compound or a one-letter spelling variant).
pub(crate) fn word_diff(
    a_ids: &[u32],
    a_show: &[String],
    b_ids: &[u32],
    b_show: &[String],
) -> (Vec<DiffOp>, bool) {
    let mut ops = Vec::new();
    let mut substantive = false;
    let push = |ops: &mut Vec<DiffOp>, op: DiffKind, words: &[String]| {
        let text = join(words);
        if !text.is_empty() {
            ops.push(DiffOp { op, text });
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, a_ids, b_ids) {
        let (tag, ra, rb) = op.as_tag_tuple();
        let (wa, wb) = (&a_show[ra.clone()], &b_show[rb.clone()]);
        match tag {
            DiffTag::Equal => push(&mut ops, DiffKind::Equal, wb),
            DiffTag::Delete | DiffTag::Insert | DiffTag::Replace => {
                push(&mut ops, DiffKind::Delete, wa);
                push(&mut ops, DiffKind::Insert, wb);
                let fold = |ws: &[String]| {
                    ws.iter()
                        .map(|w| super::normalize::normalize(w).replace(' ', ""))
                        .collect::<String>()
                };
                let (fa, fb) = (fold(wa), fold(wb));
                if !(fa == fb || spelling_variant(&fa, &fb)) {
                    substantive = true;
                }
            }
        }
    }
    (ops, substantive)
}

/// Whether a changed word of a diff is a number (digits or a number word).
fn changes_number(ops: &[DiffOp]) -> bool {
    ops.iter()
        .filter(|o| o.op != DiffKind::Equal)
        .flat_map(|o| o.text.split_whitespace())
        .any(|w| {
            w.bytes().any(|b| b.is_ascii_digit())
                || crate::extract::lexicon::number_word(
                    w.trim_matches(|c: char| !c.is_alphabetic())
                        .to_lowercase()
                        .as_bytes(),
                )
                .is_some()
        })
}

/// Whether the figures inside two quotes of the same words disagree: the
/// figures of each kind and unit, in order, compared by value ("partners
/// from 122 countries" against "from 150 countries"). Quotes with a
/// different number of figures of a kind are compared on the rest only.
fn numbers_differ(a: &Quote, b: &Quote) -> bool {
    let (fa, fb) = (
        crate::extract::figures::figures(&a.text),
        crate::extract::figures::figures(&b.text),
    );
    let of = |fs: &[Figure], k: &Figure| -> Vec<usize> {
        fs.iter()
            .enumerate()
            .filter(|(_, f)| f.kind == k.kind && f.unit == k.unit)
            .map(|(i, _)| i)
            .collect()
    };
    let mut seen = Vec::new();
    for f in &fa {
        if seen
            .iter()
            .any(|s: &&Figure| s.kind == f.kind && s.unit == f.unit)
        {
            continue;
        }
        seen.push(f);
        let (ia, ib) = (of(&fa, f), of(&fb, f));
        if ia.len() != ib.len() {
            continue;
        }
        if ia
            .iter()
            .zip(&ib)
            .any(|(&i, &j)| values_agree(&fa[i], &fb[j], 1.0, 1.0) == Some(false))
        {
            return true;
        }
    }
    false
}

/// Whether `nested` is a quote that `outer`'s speaker relays: Putin's
/// words inside Kris's quote are credited to Putin, and Kris is the one who
/// cites them; pairing the inner with the outer words is no divergence.
fn relays(nested: QuoteSide, outer: QuoteSide) -> bool {
    nested.quote.kind == QuoteKind::Nested
        && match (nested.f.via.as_ref(), outer.f.speaker.as_ref()) {
            (Some(v), Some(s)) => !s.anonymous && same_name(v, s),
            _ => false,
        }
}

/// Reasons that come from who the words are credited to.
fn credit_reasons(a: QuoteSide, b: QuoteSide, reasons: &mut Vec<Reason>) {
    if relays(a, b) || relays(b, a) {
        return;
    }
    match relate(a.f.speaker.as_ref(), b.f.speaker.as_ref()) {
        SpeakerRelation::Same => {
            if let (Some(ta), Some(tb)) = (a.title(), b.title()) {
                if titles_differ(ta, tb) {
                    reasons.push(Reason::SpeakerTitle);
                }
            }
        }
        SpeakerRelation::Different => reasons.push(Reason::Speaker),
        SpeakerRelation::NamedVsAnonymous => reasons.push(Reason::Attribution),
        // "according to our sources, <narrator's clause>" against the same
        // words in quotation marks from "one source": reported words became
        // a source's verbatim ones.
        SpeakerRelation::BothAnonymous if a.f.verbatim != b.f.verbatim => {
            reasons.push(Reason::Attribution)
        }
        SpeakerRelation::BothAnonymous | SpeakerRelation::Unknown => {}
    }
}

/// Compares two quotes from different articles. `None` when they do not
/// speak of the same thing.
pub(crate) fn compare_quotes(a: QuoteSide, b: QuoteSide, opts: &Options) -> Option<Verdict> {
    let (fa, fb) = (a.f, b.f);
    if fa.words.is_empty() || fb.words.is_empty() {
        return None;
    }
    // Cheap rejection first: quotes that share (almost) no content word
    // are not the same quote, whatever the finer measures would say.
    let shared_content = count_sorted_common(&fa.content, &fb.content);
    if shared_content < 2.min(fa.content.len()).min(fb.content.len()) && fa.squashed != fb.squashed
    {
        return None;
    }
    let both_verbatim = fa.verbatim && fb.verbatim;
    let mut diff_windows: Option<((usize, usize), (usize, usize))> = None;
    let (basis, score) = if fa.squashed == fb.squashed {
        // One word alone ("extremist") is a term unless the same person said it.
        if fa.words.len() < 2
            && relate(fa.speaker.as_ref(), fb.speaker.as_ref()) != SpeakerRelation::Same
        {
            return None;
        }
        (Basis::Exact, 1.0)
    } else if let Some(s) = if fa.squashed.len() <= fb.squashed.len() {
        containment(fa, fb)
    } else {
        containment(fb, fa)
    } {
        (Basis::Contained, s)
    } else {
        if fa.words.len() < MIN_CONTAINED_WORDS || fb.words.len() < MIN_CONTAINED_WORDS {
            return None;
        }
        // Cheap rejection before the quadratic measures.
        if shared_content < 2 {
            return None;
        }
        let sim = word_similarity(&fa.words, &fb.words);
        let (short, long, short_is_a) = if fa.words.len() <= fb.words.len() {
            (fa, fb, true)
        } else {
            (fb, fa, false)
        };
        // A partial quote with small changes inside a longer one.
        let stretch = if short.words.len() * 4 < long.words.len() * 3 && short.words.len() >= 4 {
            best_stretch(&short.words, &long.words)
        } else {
            None
        };
        let content_dice =
            2.0 * shared_content as f64 / (fa.content.len() + fb.content.len()) as f64;
        if sim >= opts.quote_similarity {
            (Basis::Similar, sim)
        } else if let Some((s, from, to)) = stretch.filter(|s| s.0 >= opts.quote_similarity) {
            let whole_short = (0, short.words.len());
            diff_windows = Some(if short_is_a {
                (whole_short, (from, to))
            } else {
                ((from, to), whole_short)
            });
            (Basis::Similar, s)
        } else if !both_verbatim
            && shared_content >= 3
            && content_dice >= opts.paraphrase_similarity
            && relate(fa.speaker.as_ref(), fb.speaker.as_ref()) == SpeakerRelation::Same
        {
            // Reported speech is the narrator's wording: the same speaker on
            // the same matter in other words is a restatement, not a change.
            (Basis::Paraphrase, content_dice)
        } else {
            return None;
        }
    };

    let mut reasons = Vec::new();
    let mut diff = None;
    if basis == Basis::Similar {
        let (sa, sb) = (display_words(&a.quote.text), display_words(&b.quote.text));
        if sa.len() == fa.words.len() && sb.len() == fb.words.len() {
            let ((a0, a1), (b0, b1)) =
                diff_windows.unwrap_or(((0, fa.words.len()), (0, fb.words.len())));
            let (ops, substantive) = word_diff(
                &fa.words[a0..a1],
                &sa[a0..a1],
                &fb.words[b0..b1],
                &sb[b0..b1],
            );
            // Quotation marks promise the speaker's words: a change in them
            // is a divergence. Reported speech promises no wording.
            if substantive && both_verbatim {
                reasons.push(Reason::Wording);
            }
            if substantive && changes_number(&ops) && numbers_differ(a.quote, b.quote) {
                reasons.push(Reason::Value);
            }
            diff = Some(ops);
        }
    }
    if basis == Basis::Paraphrase && numbers_differ(a.quote, b.quote) {
        reasons.push(Reason::Value);
    }
    credit_reasons(a, b, &mut reasons);
    reasons.sort();
    reasons.dedup();
    Some(Verdict {
        basis,
        score: score.clamp(0.0, 1.0),
        reasons,
        diff,
    })
}

/// Where a quote's words were found in another article's narration.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct NarrationHit {
    pub verdict: Verdict,
    /// Byte span in the narration article.
    pub start: usize,
    pub end: usize,
    /// Sentence index of the span's start.
    pub sentence: usize,
}

/// Compares a quote with the narration of another article: the quote's
/// words (or most of them) told by that article's narrator, or the
/// narrator's words quoted. Correctly credited when the quote's speaker is
/// the narrating outlet ("The Daily Beast noted …" quoting the Beast's own
/// prose); otherwise an attribution divergence.
pub(crate) fn compare_quote_narration(
    q: QuoteSide,
    text: &ArticleText,
    runs: &[(usize, usize)],
    outlet: Option<&SpeakerName>,
    opts: &Options,
) -> Option<NarrationHit> {
    let f = q.f;
    if f.words.len() < MIN_NARRATION_WORDS || f.content.len() < 3 {
        return None;
    }
    let mut best: Option<(Basis, f64, usize, usize)> = None; // token range in `text`
    for &(from, to) in runs {
        let base = text.tokens[from].sq as usize;
        let end = text.sq_end(to - 1) as usize;
        let hay = &text.squashed[base..end];
        let anchors: Vec<u32> = text.tokens[from..to]
            .iter()
            .map(|t| t.sq - base as u32)
            .chain(std::iter::once((end - base) as u32))
            .collect();
        // The quote verbatim in the narration (each part between ellipses).
        let mut pos = 0;
        let mut span: Option<(usize, usize)> = None;
        for &(a, b) in &f.segments {
            if b - a < 2 && f.segments.len() > 1 {
                continue;
            }
            match find_on_words(hay, &anchors, f.squashed_words(a, b), pos) {
                Some((s, e)) => {
                    span = Some((span.map_or(s, |sp| sp.0), e));
                    pos = e;
                }
                None => {
                    span = None;
                    break;
                }
            }
        }
        if let Some((s, e)) = span {
            let ts = anchors.binary_search(&(s as u32)).unwrap_or(0);
            let te = anchors.binary_search(&(e as u32)).unwrap_or(to - from);
            best = Some((Basis::Exact, 1.0, from + ts, from + te));
            break;
        }
        let words: Vec<u32> = text.tokens[from..to].iter().map(|t| t.word).collect();
        // The narration inside the quote: the narrator took part of it.
        if words.len() >= MIN_NARRATION_WORDS + 2 {
            let run_sq = hay;
            if let Some(_hit) = find_on_words(&f.squashed, &f.anchors, run_sq, 0) {
                let s = 0.8 + 0.2 * (words.len() as f64 / 12.0).min(1.0);
                if best.as_ref().is_none_or(|b| b.1 < s) {
                    best = Some((Basis::Contained, s, from, to));
                }
                continue;
            }
        }
        // Most of the quote's words, in order, in a stretch of narration.
        if let Some((s, a, b)) = best_stretch(&f.words, &words) {
            if s >= opts.narration_similarity && best.as_ref().is_none_or(|x| x.1 < s) {
                best = Some((Basis::Similar, s, from + a, from + b));
            }
        }
    }
    let (basis, score, t0, t1) = best?;
    if t1 <= t0 {
        return None;
    }
    let credited_to_outlet = match (q.f.speaker.as_ref(), outlet) {
        (Some(s), Some(o)) => !s.anonymous && same_name(s, o),
        // Unknown outlet: a publication quoting prose is most likely quoting
        // its own article; nothing to flag without knowing.
        (Some(_), None) => q.quote.speaker_kind == Some(SpeakerKind::Publication),
        (None, _) => false,
    };
    let reasons = if credited_to_outlet {
        Vec::new()
    } else {
        vec![Reason::Attribution]
    };
    Some(NarrationHit {
        verdict: Verdict {
            basis,
            score,
            reasons,
            diff: None,
        },
        start: text.tokens[t0].start as usize,
        end: text.tokens[t1 - 1].end as usize,
        sentence: text.sentence_of[t0] as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::speaker::Aliases;

    pub(crate) fn quote(
        text: &str,
        kind: QuoteKind,
        speaker: Option<&str>,
        title: Option<&str>,
    ) -> Quote {
        Quote {
            text: text.into(),
            start: 0,
            end: text.len(),
            kind,
            speaker: speaker.map(Into::into),
            speaker_as_written: speaker.map(Into::into),
            speaker_title: title.map(Into::into),
            speaker_kind: speaker.map(|s| {
                if s.starts_with(char::is_lowercase) || s.starts_with("One ") {
                    SpeakerKind::Anonymous
                } else {
                    SpeakerKind::Person
                }
            }),
            cue: Some("said".into()),
            via: None,
        }
    }

    fn cmp(a: &Quote, b: &Quote) -> Option<Verdict> {
        let al = Aliases::default();
        let (fa, fb) = (QuoteFeatures::new(a, &al), QuoteFeatures::new(b, &al));
        compare_quotes(
            QuoteSide {
                quote: a,
                f: &fa,
                titles: None,
            },
            QuoteSide {
                quote: b,
                f: &fb,
                titles: None,
            },
            &Options::default(),
        )
    }

    use QuoteKind::*;

    #[test]
    fn punctuation_and_case_only_restate() {
        let a = quote(
            "We are ready to analyze together.",
            Direct,
            Some("Vladimir Putin"),
            None,
        );
        let b = quote(
            "we are READY to analyze — together",
            Direct,
            Some("Putin"),
            None,
        );
        let v = cmp(&a, &b).unwrap();
        assert_eq!(
            (v.basis, v.score, v.reasons.as_slice()),
            (Basis::Exact, 1.0, &[][..])
        );
        let c = quote(
            "the joint working group on cyber-security",
            Direct,
            Some("Putin"),
            None,
        );
        let d = quote(
            "the joint working group on cybersecurity",
            Direct,
            Some("Putin"),
            None,
        );
        assert_eq!(cmp(&c, &d).unwrap().basis, Basis::Exact);
    }

    #[test]
    fn partial_quote_is_contained() {
        let a = quote(
            "Putin & I discussed forming an impenetrable Cyber Security unit so that election hacking will be guarded",
            Direct,
            Some("Donald J. Trump"),
            Some("President"),
        );
        let b = quote(
            "an impenetrable cybersecurity unit",
            Partial,
            Some("Donald Trump"),
            Some("U.S. President"),
        );
        let v = cmp(&a, &b).unwrap();
        assert_eq!(v.basis, Basis::Contained);
        assert!(v.reasons.is_empty(), "{v:?}");
        // Ellipsis: both parts inside, in order.
        let c = quote(
            "Putin & I discussed ... election hacking will be guarded",
            Direct,
            Some("Trump"),
            None,
        );
        assert_eq!(cmp(&a, &c).unwrap().basis, Basis::Contained);
    }

    #[test]
    fn changed_words_diverge_on_wording_with_a_diff() {
        let a = quote(
            "We are maintaining working contacts with the Central Intelligence Agency and the FBI",
            Direct,
            Some("Alexander Bortnikov"),
            None,
        );
        let b = quote(
            "We are maintaining close contacts with the Central Intelligence Agency and the FBI",
            Direct,
            Some("Bortnikov"),
            None,
        );
        let v = cmp(&a, &b).unwrap();
        assert_eq!(v.basis, Basis::Similar);
        assert_eq!(v.reasons, [Reason::Wording]);
        let diff = v.diff.unwrap();
        assert!(diff.contains(&DiffOp {
            op: DiffKind::Delete,
            text: "working".into()
        }));
        assert!(diff.contains(&DiffOp {
            op: DiffKind::Insert,
            text: "close".into()
        }));
        assert!(v.score > 0.85 && v.score < 1.0);
    }

    #[test]
    fn spelling_variants_and_brackets_are_not_wording() {
        let a = quote(
            "we are ready to analyze the material together with our colleagues in Washington",
            Direct,
            Some("Putin"),
            None,
        );
        let b = quote(
            "we are ready to analyse the material together with our colleagues [in the U.S.] in Washington",
            Direct,
            Some("Putin"),
            None,
        );
        let v = cmp(&a, &b).unwrap();
        assert!(v.reasons.is_empty(), "{v:?}");
    }

    #[test]
    fn other_speaker_and_anonymous_credit() {
        let text = "The idea of a joint cybersecurity unit between the United States and Russia is preposterous";
        let a = quote(text, Direct, Some("Michael Carpenter"), None);
        let b = quote(text, Direct, Some("Alina Polyakova"), None);
        assert_eq!(cmp(&a, &b).unwrap().reasons, [Reason::Speaker]);
        let c = quote(text, Direct, Some("a former official"), None);
        assert_eq!(cmp(&a, &c).unwrap().reasons, [Reason::Attribution]);
        let d = quote(text, Indirect, Some("our sources"), None);
        let e = quote(text, Partial, Some("One source"), None);
        assert_eq!(cmp(&d, &e).unwrap().reasons, [Reason::Attribution]);
        // Reported and quoted by the same person: no divergence.
        let f = quote(text, Indirect, Some("Carpenter"), None);
        assert!(cmp(&a, &f).unwrap().reasons.is_empty());
    }

    #[test]
    fn speaker_title_divergence() {
        let text =
            "given Russia's interference in our electoral process any engagement would be limited";
        let a = quote(
            text,
            Partial,
            Some("Michael Daniel"),
            Some("CEO of the Cyber Threat Alliance, who was coordinator of cybersecurity strategy"),
        );
        let b = quote(
            text,
            Partial,
            Some("Michael Daniel"),
            Some("formerly the coordinator of cybersecurity strategy"),
        );
        // One title says less than the other: a restatement.
        assert!(cmp(&a, &b).unwrap().reasons.is_empty());
        let c = quote(text, Partial, Some("Michael Daniel"), None);
        assert!(cmp(&a, &c).unwrap().reasons.is_empty());
        // Another office: a divergence.
        let d = quote(
            text,
            Partial,
            Some("Michael Daniel"),
            Some("director of the National Security Agency"),
        );
        assert_eq!(cmp(&a, &d).unwrap().reasons, [Reason::SpeakerTitle]);
    }

    #[test]
    fn paraphrase_of_the_same_speaker_restates() {
        let a = quote(
            "such contacts should always occur, regardless of the foreign policy situation",
            Indirect,
            Some("Alexander Bortnikov"),
            None,
        );
        let b = quote(
            "such contacts should exist no matter the foreign policy situation",
            Indirect,
            Some("Bortnikov"),
            None,
        );
        let v = cmp(&a, &b).unwrap();
        assert!(
            matches!(v.basis, Basis::Paraphrase | Basis::Similar),
            "{v:?}"
        );
        assert!(v.reasons.is_empty());
        let c = quote(
            "such contacts should exist no matter the foreign policy situation",
            Indirect,
            Some("Sergei Lavrov"),
            None,
        );
        assert!(cmp(&a, &c).is_none());
    }

    #[test]
    fn unrelated_quotes_do_not_pair() {
        let a = quote(
            "The warning lights are blinking red again",
            Direct,
            Some("Dan Coats"),
            None,
        );
        let b = quote("Putin is not our friend", Direct, Some("Republicans"), None);
        assert!(cmp(&a, &b).is_none());
        let c = quote("extremist", Partial, None, None);
        let d = quote("extremist", Partial, Some("Roskomnadzor"), None);
        assert!(cmp(&c, &d).is_none());
    }

    #[test]
    fn best_stretch_finds_a_fuzzy_partial() {
        let long: Vec<u32> = (0..30).collect();
        let mut short: Vec<u32> = (10..20).collect();
        short[4] = 999;
        let (s, a, b) = best_stretch(&short, &long).unwrap();
        assert_eq!((a, b), (10, 20));
        assert!((s - 0.9).abs() < 1e-9);
    }
}
