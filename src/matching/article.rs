//! Per-article preparation: the features that scoring compares (folded
//! quote words, figure subjects, sentences) and the blocking keys, computed
//! once per article and independently of every other article, so that it
//! runs in parallel.

use crate::extract::model::{Quote, QuoteKind, SpeakerKind};

use super::block::{anchored_grams, family, key, key2, winnow, GRAM_LEN};
pub(crate) use super::figure::FigureFeatures;
use super::figure::{add_contexts, figure_features, figure_form};
use super::normalize::{for_each_token, hash_str, is_numeric, is_stop_word, mix64, stem};
use super::sentence;
use super::speaker::{Aliases, SpeakerName};
use super::ArticleInput;

/// A quote's words folded for comparison.
#[derive(Debug, Clone)]
pub(crate) struct QuoteFeatures {
    /// Hashes of the folded words, editorial insertions left out.
    pub words: Vec<u32>,
    /// The folded words run together ("cybersecurity" for "cyber security").
    pub squashed: String,
    /// Byte offset in `squashed` where each word starts, then its length.
    pub anchors: Vec<u32>,
    /// Word ranges between ellipses (omissions).
    pub segments: Vec<(u32, u32)>,
    /// Sorted, distinct stems of the content words.
    pub content: Vec<u32>,
    pub speaker: Option<SpeakerName>,
    /// For a nested quote, who relays it.
    pub via: Option<SpeakerName>,
    /// In quotation marks (direct, partial, nested), not reported speech.
    pub verbatim: bool,
}

impl QuoteFeatures {
    pub fn new(q: &Quote, aliases: &Aliases) -> Self {
        let mut words = Vec::new();
        let mut squashed = String::new();
        let mut anchors = Vec::new();
        let mut segments = Vec::new();
        let mut content = Vec::new();
        let mut seg_start = 0u32;
        for_each_token(&q.text, |t| {
            if t.editorial {
                return;
            }
            let i = words.len() as u32;
            if t.after_ellipsis && i > seg_start {
                segments.push((seg_start, i));
                seg_start = i;
            }
            words.push(word_id(&t.norm));
            anchors.push(squashed.len() as u32);
            squashed.push_str(&t.norm);
            if !is_stop_word(&t.norm) {
                content.push(word_id(stem(&t.norm)));
            }
        });
        anchors.push(squashed.len() as u32);
        if (words.len() as u32) > seg_start {
            segments.push((seg_start, words.len() as u32));
        }
        content.sort_unstable();
        content.dedup();
        let speaker = q
            .speaker
            .as_deref()
            .and_then(|s| SpeakerName::parse(s, q.speaker_kind, aliases));
        let via = q
            .via
            .as_deref()
            .and_then(|s| SpeakerName::parse(s, None, aliases));
        QuoteFeatures {
            words,
            squashed,
            anchors,
            segments,
            content,
            speaker,
            via,
            verbatim: q.kind != QuoteKind::Indirect,
        }
    }

    /// The squashed text of words `from..to`.
    pub fn squashed_words(&self, from: u32, to: u32) -> &str {
        &self.squashed[self.anchors[from as usize] as usize..self.anchors[to as usize] as usize]
    }

    /// Blocking keys of the words: anchored grams (or the whole text when
    /// short).
    pub fn gram_keys(&self) -> Vec<u32> {
        let mut grams = Vec::new();
        if self.squashed.len() >= GRAM_LEN {
            anchored_grams(
                self.squashed.as_bytes(),
                &self.anchors[..self.anchors.len() - 1],
                &mut grams,
            );
        } else if !self.squashed.is_empty() {
            grams.push((key(family::WHOLE, self.squashed.as_bytes()), 0));
        }
        let mut keys: Vec<u32> = grams.into_iter().map(|g| g.0).collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Blocking keys of the speaker: the speaker's name with each of the
    /// quote's longest content words, which finds rewordings of one speaker
    /// that share no long run of words. Empty for unnamed speakers.
    pub fn speaker_keys(&self, q: &Quote) -> Vec<u32> {
        let Some(name) = self.speaker.as_ref().filter(|s| !s.anonymous) else {
            return Vec::new();
        };
        let surname = hash_str(name.words.last().map_or("", String::as_str));
        let mut words: Vec<(usize, u32)> = Vec::new();
        for_each_token(&q.text, |t| {
            if !t.editorial && !is_stop_word(&t.norm) {
                words.push((t.norm.len(), word_id(stem(&t.norm))));
            }
        });
        // Longest first: long words are the telling ones.
        words.sort_unstable_by(|a, b| b.cmp(a));
        let mut keys: Vec<u32> = Vec::new();
        for (_, w) in words {
            let k = key2(family::SPEAKER, surname, u64::from(w));
            if !keys.contains(&k) {
                keys.push(k);
            }
            if keys.len() == SPEAKER_KEYS {
                break;
            }
        }
        keys
    }
}

/// Speaker keys per quote.
const SPEAKER_KEYS: usize = 8;

/// A 32-bit id for a folded word.
pub(crate) fn word_id(w: &str) -> u32 {
    (hash_str(w) >> 32) as u32
}

/// Every title each quote's speaker has in the article (see
/// [`Prepared::speaker_titles`]), from (speaker, title) of each quote.
fn speaker_titles(quotes: &[(Option<&str>, Option<&str>)]) -> Vec<Option<String>> {
    quotes
        .iter()
        .map(|&(speaker, _)| {
            let speaker = speaker?;
            let mut titles: Vec<&str> = Vec::new();
            for &(s, t) in quotes {
                if let (Some(s), Some(t)) = (s, t) {
                    if s == speaker && !titles.contains(&t) {
                        titles.push(t);
                    }
                }
            }
            (!titles.is_empty()).then(|| titles.join("; "))
        })
        .collect()
}

/// A narration blocking key: the key and the sentence it starts in.
pub(crate) type NarrationKey = (u32, u32);

/// Everything matching keeps about an article.
#[derive(Debug)]
pub(crate) struct Prepared {
    pub input: ArticleInput,
    /// Figure subjects are kept: recomputing them means tokenising the
    /// article. Quote features are cheap to recompute from the quote and
    /// only needed for the few candidates, so they are not kept.
    pub figures: Vec<FigureFeatures>,
    /// Sentence byte spans.
    pub sentences: Vec<(u32, u32)>,
    pub outlet: Option<SpeakerName>,
    /// Form of each quote and figure (see [`quote_form`], [`figure_form`]).
    pub quote_forms: Vec<u64>,
    pub figure_forms: Vec<u64>,
    /// For each quote and figure that repeats the form of an item added
    /// earlier: that item (internal article index, item index). A reprint
    /// is neither indexed nor probed: the item it repeats stands for it.
    pub quote_reprints: Vec<Option<(u32, u32)>>,
    pub figure_reprints: Vec<Option<(u32, u32)>>,
    /// The keys a store keeps to find this article again (see `sketch`).
    pub sketch: Vec<u32>,
    /// For each quote, every title its speaker is given in the article, in
    /// order, joined by "; " ("CEO of the Cyber Threat Alliance; who was
    /// coordinator …"): a later mention's short title is compared as all
    /// the article says of the speaker.
    pub speaker_titles: Vec<Option<String>>,
}

/// A quote's form: a hash of everything quote scoring reads (its folded
/// words, kind, speaker, relay, title and cue), so two quotes of one form
/// score alike against any third. Stable across runs and builds.
pub(crate) fn quote_form(q: &Quote, f: &QuoteFeatures) -> u64 {
    let mut h = hash_str("quote");
    let mut add = |x: u64| h = mix64(h ^ x);
    add(u64::from(f.verbatim));
    add(hash_str(&format!("{:?}", q.kind)));
    for &w in &f.words {
        add(u64::from(w));
    }
    add(f.words.len() as u64);
    for name in [&f.speaker, &f.via] {
        match name {
            Some(n) => {
                add(u64::from(n.anonymous) | u64::from(n.person) << 1 | 4);
                for w in &n.words {
                    add(hash_str(w));
                }
            }
            None => add(0),
        }
    }
    add(q.speaker_kind.map_or(0, |k| hash_str(&format!("{k:?}"))));
    add(q.speaker_title.as_deref().map_or(0, hash_str));
    add(q.cue.as_deref().map_or(0, hash_str));
    h
}

/// Keys of a freshly prepared article: all are indexed; the narration keys
/// are kept until the article is probed (they cost a tokenisation to redo).
#[derive(Debug, Default)]
pub(crate) struct ArticleKeys {
    pub quotes: Vec<Vec<u32>>,
    pub speakers: Vec<Vec<u32>>,
    pub narration: Vec<NarrationKey>,
    pub figures: Vec<Vec<u32>>,
}

/// One word token of an article.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ArticleToken {
    pub start: u32,
    pub end: u32,
    /// Offset of its folded form in the article's squashed text.
    pub sq: u32,
    pub word: u32,
    pub stem: u32,
    pub flags: u8,
}

pub(crate) const STOP: u8 = 1;
pub(crate) const NUMERIC: u8 = 2;
/// A line break stands before this token.
pub(crate) const BREAK: u8 = 4;
pub(crate) const IN_QUOTE: u8 = 8;
pub(crate) const IN_FIGURE: u8 = 16;
/// The token's stem is its concept group ("detained" → "arrested", see
/// [`crate::extract::lexicon::concept`]): near a figure it stands for the group.
pub(crate) const CONCEPT: u8 = 32;

/// The stem id of a word for figure subjects: its concept group's when it
/// has one, so synonyms of one event or one kind of thing meet.
pub(crate) fn subject_stem(norm: &str) -> (u32, bool) {
    match crate::extract::lexicon::concept(norm) {
        Some(c) => (word_id(c), true),
        None => (word_id(stem(norm)), false),
    }
}

/// An article's tokens and squashed text.
#[derive(Debug, Default)]
pub(crate) struct ArticleText {
    pub tokens: Vec<ArticleToken>,
    pub squashed: String,
    /// Sentence index of each token.
    pub sentence_of: Vec<u32>,
}

/// Merges byte spans into sorted, disjoint intervals.
fn merged(mut spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    spans.retain(|s| s.0 < s.1);
    spans.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for s in spans {
        match out.last_mut() {
            Some(last) if s.0 <= last.1 => last.1 = last.1.max(s.1),
            _ => out.push(s),
        }
    }
    out
}

impl ArticleText {
    /// Tokenises `text`, flagging tokens inside any of `quotes` and
    /// `figures` spans, and assigning each token its sentence.
    pub fn new(
        text: &str,
        sentences: &[(u32, u32)],
        quotes: &[(usize, usize)],
        figures: &[(usize, usize)],
    ) -> Self {
        let mut out = ArticleText::default();
        let mut prev_end = 0usize;
        for_each_token(text, |t| {
            let mut flags = 0u8;
            if is_stop_word(&t.norm) {
                flags |= STOP;
            }
            if is_numeric(&t.norm) {
                flags |= NUMERIC;
            }
            if text
                .get(prev_end..t.start)
                .is_some_and(|gap| gap.contains('\n'))
            {
                flags |= BREAK;
            }
            prev_end = t.end;
            let (stem, concept) = subject_stem(&t.norm);
            if concept {
                flags |= CONCEPT;
            }
            out.tokens.push(ArticleToken {
                start: t.start as u32,
                end: t.end as u32,
                sq: out.squashed.len() as u32,
                word: word_id(&t.norm),
                stem,
                flags,
            });
            out.squashed.push_str(&t.norm);
        });
        for (spans, flag) in [(quotes, IN_QUOTE), (figures, IN_FIGURE)] {
            let spans = merged(spans.to_vec());
            let mut k = 0;
            for tok in &mut out.tokens {
                while k < spans.len() && spans[k].1 <= tok.start as usize {
                    k += 1;
                }
                if k < spans.len() && spans[k].0 < tok.end as usize {
                    tok.flags |= flag;
                }
            }
        }
        let mut s = 0usize;
        out.sentence_of = out
            .tokens
            .iter()
            .map(|t| {
                while s + 1 < sentences.len() && sentences[s].1 <= t.start {
                    s += 1;
                }
                s as u32
            })
            .collect();
        out
    }

    /// End of token `i`'s folded form in the squashed text.
    pub fn sq_end(&self, i: usize) -> u32 {
        self.tokens
            .get(i + 1)
            .map_or(self.squashed.len() as u32, |t| t.sq)
    }

    /// Runs of consecutive narration tokens (outside every quote), as token
    /// index ranges. A run stops at a quote and at a line break.
    pub fn narration_runs(&self, quotes: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let spans = merged(quotes.to_vec());
        let mut runs = Vec::new();
        let mut start: Option<usize> = None;
        let mut k = 0usize;
        for (i, t) in self.tokens.iter().enumerate() {
            // A quote between the previous token and this one breaks the run.
            let mut crossed = false;
            while k < spans.len() && spans[k].1 <= t.start as usize {
                if i > 0 && spans[k].0 >= self.tokens[i - 1].end as usize {
                    crossed = true;
                }
                k += 1;
            }
            let narr = t.flags & IN_QUOTE == 0;
            if let Some(s) = start {
                if !narr || crossed || t.flags & BREAK != 0 {
                    runs.push((s, i));
                    start = None;
                }
            }
            if narr && start.is_none() {
                start = Some(i);
            }
        }
        if let Some(s) = start {
            runs.push((s, self.tokens.len()));
        }
        runs
    }
}

fn spans_of_quotes(quotes: &[Quote], len: usize) -> Vec<(usize, usize)> {
    quotes
        .iter()
        .map(|q| (q.start.min(len), q.end.min(len)))
        .collect()
}

/// The quote spans of an article, clamped to its text.
pub(crate) fn quote_spans(input: &ArticleInput) -> Vec<(usize, usize)> {
    spans_of_quotes(&input.quotes, input.text.len())
}

/// Prepares one article: features for scoring and keys for blocking.
pub(crate) fn prepare(input: ArticleInput, aliases: &Aliases) -> (Prepared, ArticleKeys) {
    let sentences: Vec<(u32, u32)> = sentence::split(&input.text)
        .into_iter()
        .map(|(s, e)| (s as u32, e as u32))
        .collect();
    let qspans = quote_spans(&input);
    let fspans: Vec<(usize, usize)> = input
        .figures
        .iter()
        .map(|f| (f.start.min(input.text.len()), f.end.min(input.text.len())))
        .collect();
    let text = ArticleText::new(&input.text, &sentences, &qspans, &fspans);

    let quotes: Vec<QuoteFeatures> = input
        .quotes
        .iter()
        .map(|q| QuoteFeatures::new(q, aliases))
        .collect();
    let titles = speaker_titles(
        &input
            .quotes
            .iter()
            .map(|q| (q.speaker.as_deref(), q.speaker_title.as_deref()))
            .collect::<Vec<_>>(),
    );
    // All the titles of the speaker are read by scoring too.
    let quote_forms: Vec<u64> = quotes
        .iter()
        .zip(&input.quotes)
        .zip(&titles)
        .map(|((f, q), t)| mix64(quote_form(q, f) ^ t.as_deref().map_or(3, hash_str)))
        .collect();
    let mut keys = ArticleKeys {
        quotes: quotes.iter().map(QuoteFeatures::gram_keys).collect(),
        speakers: quotes
            .iter()
            .zip(&input.quotes)
            .map(|(f, q)| f.speaker_keys(q))
            .collect(),
        ..ArticleKeys::default()
    };

    // Narration keys: winnowed grams of each narration run.
    let mut grams = Vec::new();
    let mut kept = Vec::new();
    for (from, to) in text.narration_runs(&qspans) {
        grams.clear();
        kept.clear();
        let base = text.tokens[from].sq;
        let end = text.sq_end(to - 1);
        let anchors: Vec<u32> = text.tokens[from..to].iter().map(|t| t.sq - base).collect();
        anchored_grams(
            &text.squashed.as_bytes()[base as usize..end as usize],
            &anchors,
            &mut grams,
        );
        winnow(&grams, &mut kept);
        for &(k, i) in &kept {
            keys.narration.push((k, text.sentence_of[from + i]));
        }
    }
    keys.narration.shrink_to_fit();

    let mut figures: Vec<FigureFeatures> = input
        .figures
        .iter()
        .map(|f| figure_features(f, &text))
        .collect();
    add_contexts(&input.figures, &sentences, &mut figures);
    keys.figures = figures.iter().map(FigureFeatures::keys).collect();
    let figure_forms: Vec<u64> = input
        .figures
        .iter()
        .zip(&figures)
        .map(|(f, ff)| figure_form(f, ff))
        .collect();

    let outlet = input
        .outlet
        .as_deref()
        .and_then(|o| SpeakerName::parse(o, Some(SpeakerKind::Publication), aliases));
    (
        Prepared {
            quote_reprints: vec![None; input.quotes.len()],
            figure_reprints: vec![None; input.figures.len()],
            input,
            figures,
            sentences,
            outlet,
            quote_forms,
            figure_forms,
            sketch: Vec::new(),
            speaker_titles: titles,
        },
        keys,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narration_runs_skip_quotes() {
        let text = "Bortnikov said: “We are ready.” Later he left the city.";
        let q = (text.find("We").unwrap(), text.find("ready").unwrap() + 5);
        let sents: Vec<(u32, u32)> = sentence::split(text)
            .into_iter()
            .map(|(s, e)| (s as u32, e as u32))
            .collect();
        let at = ArticleText::new(text, &sents, &[q], &[]);
        let runs = at.narration_runs(&[q]);
        let words: Vec<Vec<&str>> = runs
            .iter()
            .map(|&(a, b)| {
                at.tokens[a..b]
                    .iter()
                    .map(|t| &text[t.start as usize..t.end as usize])
                    .collect()
            })
            .collect();
        assert_eq!(
            words,
            [
                vec!["Bortnikov", "said"],
                vec!["Later", "he", "left", "the", "city"]
            ]
        );
    }

    #[test]
    fn quote_features_squash_compounds() {
        let q = |t: &str| Quote {
            text: t.into(),
            start: 0,
            end: t.len(),
            kind: QuoteKind::Direct,
            speaker: None,
            speaker_as_written: None,
            speaker_title: None,
            speaker_kind: None,
            cue: None,
            via: None,
        };
        let a = QuoteFeatures::new(
            &q("an impenetrable Cyber Security unit"),
            &Aliases::default(),
        );
        let b = QuoteFeatures::new(
            &q("an impenetrable cyber-security unit"),
            &Aliases::default(),
        );
        assert_eq!(a.squashed, b.squashed);
        assert_eq!(a.anchors.len(), a.words.len() + 1);
        let c = QuoteFeatures::new(
            &q("Any specific material ... we are ready"),
            &Aliases::default(),
        );
        assert_eq!(c.segments, [(0, 3), (3, 6)]);
    }
}
