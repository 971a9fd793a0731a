//! Resolving a speaker noun phrase to a speaker: names to their fullest
//! form, pronouns and definite descriptions ("the president") to the
//! nearest fitting person, anonymous heads to an earlier source.

use super::*;

impl<'a> Ctx<'a> {
    pub(super) fn inside_quote(&self, pos: usize) -> bool {
        let k = self.spans.partition_point(|r| r.start <= pos);
        k > 0 && pos < self.spans[k - 1].end
    }

    pub(super) fn para_of(&self, pos: usize) -> usize {
        segment::paragraph_index(&self.doc.paras, pos).unwrap_or(0)
    }

    pub(super) fn sent_start(&self, pos: usize) -> usize {
        match sentence_index(&self.doc.sents, pos) {
            Some(i) => self.doc.sents[i].start.min(pos),
            None => 0,
        }
    }

    /// Turn a speaker noun phrase into an attribution, resolving names,
    /// pronouns, definite descriptions and generic publication words.
    pub(super) fn resolve(&self, subj: &Subject, cue: Option<&str>, at: usize) -> Attr {
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
    pub(super) fn antecedent(
        &self,
        at: usize,
        g: Gender,
    ) -> Option<(String, Option<usize>, Option<String>)> {
        // Inside a quote, look in the quote's own words first.
        if let Some(r) = &self.cur_outer_range {
            if let Some(found) = self.antecedent_from(at, g, r.start) {
                return Some(found);
            }
        }
        self.antecedent_from(at, g, 0)
    }

    /// [`Self::antecedent`], looking no further back than `min_pos`.
    pub(super) fn antecedent_from(
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
    pub(super) fn anon_antecedent(&self, at: usize, head: &str) -> Option<Attr> {
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
    pub(super) fn next_person(&self, pos: usize) -> Option<usize> {
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
    pub(super) fn definite_antecedent(
        &self,
        at: usize,
        head: &str,
    ) -> Option<(String, Option<usize>, Option<String>)> {
        let specific = is_one_of(SPECIFIC_TITLES, head);
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
pub(super) fn role_names(title: &str, head: &str) -> bool {
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

pub(super) fn clean_speaker(s: &str) -> String {
    let s = s.trim().trim_end_matches([',', '.', ':', ';']).trim();
    let s = s
        .strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .unwrap_or(s);
    s.to_string()
}

/// Organisations drop a leading "the" whatever its case ("The FSB" → "FSB").
pub(super) fn drop_any_the(s: &str) -> String {
    for p in ["the ", "The "] {
        if let Some(r) = s.strip_prefix(p) {
            return r.to_string();
        }
    }
    s.to_string()
}

/// Publications drop only a lower-case "the" ("The Daily Beast" keeps its
/// capital "The", which is part of the name).
pub(super) fn drop_lower_the(s: &str) -> String {
    s.strip_prefix("the ").unwrap_or(s).to_string()
}
