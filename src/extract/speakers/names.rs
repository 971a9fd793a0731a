//! The name index: person names of one text collected once (titles and
//! ranks stripped, short forms joined to the fullest form), their mentions in
//! order for resolving short names and pronouns, and the publications named.

use std::collections::HashMap;
use std::ops::Range;

use super::capitals::{cap_runs, ceil_char, for_each_cap_word, run_end};
use super::np::Gender;
use super::titles::mention_title;
use super::tokens::{tokenize, wl, Tok};
use super::words::{
    flags, has, is_acronym, is_cap, lower, lw, strip_possessive, FxHasher, F_CALENDAR, F_CAP_STOP,
    F_FEMALE, F_FEMALE_RANK, F_MALE, F_MALE_RANK, F_ORG_WORDS, F_PLACES, F_PLACE_PREFIX,
    F_PUB_WORDS, F_RANKS, F_TITLE_NOUNS,
};

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
        let mut fl = [0u64; 16];
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
            let rank = flags(rank.as_str().trim_end_matches('.'));
            let g = if rank & F_MALE_RANK != 0 {
                Gender::Male
            } else if rank & F_FEMALE_RANK != 0 {
                Gender::Female
            } else {
                Gender::Unknown
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

/// Does a person fit a pronoun's gender?
pub fn gender_fits(p: &Person, g: Gender) -> bool {
    match (p.gender, g) {
        (Gender::Unknown, _) | (_, Gender::Unknown) => true,
        (a, b) => a == b,
    }
}
