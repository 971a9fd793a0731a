//! Showing claims: each outlet's version side by side, the reasons they
//! diverge, and word diffs of quotes. For a terminal and as JSON.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;

use serde::Serialize;

use crate::error::Result;
use crate::matching::{Claim, DiffKind, ItemKind, Label, Pair, Reason};
use crate::report::{sanitize, truncate};
use crate::store::matching::ItemView;
use crate::store::Store;

/// A claim with everything a report shows.
#[derive(Debug, Clone, Serialize)]
pub struct ClaimReport {
    pub id: i64,
    pub kind: ItemKind,
    pub contested: bool,
    /// The most serious reason, for contested claims.
    pub severity: Option<Reason>,
    pub reasons: Vec<Reason>,
    /// Distinct outlets (articles without an outlet count one each).
    pub outlets: usize,
    /// Distinct outlets carrying it on their own: not as a word-for-word
    /// reprint of another item of the claim, nor in a rewrite of another
    /// article that carries it.
    pub independent: usize,
    pub items: Vec<ItemView>,
    /// Reprints and rewrites among the items, with outlet names.
    pub copies: Vec<CopyNote>,
    pub pairs: Vec<Pair>,
}

/// How one item of a claim copies another.
#[derive(Debug, Clone, Serialize)]
pub struct CopyNote {
    /// The copying item's article and outlet.
    pub article: i64,
    pub outlet: Option<String>,
    /// `reprint` (the same words, speaker and title: one form) or
    /// `rewrite` (its article derives from the source article).
    pub how: &'static str,
    /// The article copied, and its outlet.
    pub source: i64,
    pub source_outlet: Option<String>,
    /// For a reprint, the byte ranges of the item and of the item it
    /// repeats in their articles.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<(usize, usize)>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_item: Option<(usize, usize)>,
}

impl ClaimReport {
    /// Gather a stored claim's items and pairs, and the reprints and
    /// rewrites among its articles.
    pub fn build(store: &Store, id: i64, claim: &Claim, pairs: Vec<Pair>) -> Result<ClaimReport> {
        let items = claim
            .items
            .iter()
            .map(|i| store.item_view(i))
            .collect::<Result<Vec<_>>>()?;
        let outlet_of: HashMap<i64, Option<String>> = items
            .iter()
            .map(|i| (i.article, i.outlet.clone()))
            .collect();
        let mut copies: Vec<CopyNote> = Vec::new();
        let mut copied: HashSet<(i64, usize)> = HashSet::new();
        for (item, of) in store.claim_reprints(id)? {
            copied.insert((item.article, item.index));
            copies.push(CopyNote {
                article: item.article,
                outlet: outlet_of.get(&item.article).cloned().flatten(),
                how: "reprint",
                source: of.article,
                source_outlet: outlet_of.get(&of.article).cloned().flatten(),
                item: Some((item.start, item.end)),
                source_item: Some((of.start, of.end)),
            });
        }
        let mut derived: HashSet<i64> = HashSet::new();
        let mut articles: Vec<i64> = outlet_of.keys().copied().collect();
        articles.sort_unstable();
        for article in articles {
            let Some(d) = store.derivation_of(article)? else {
                continue;
            };
            if outlet_of.contains_key(&d.source) {
                derived.insert(d.article);
                copies.push(CopyNote {
                    article: d.article,
                    outlet: outlet_of.get(&d.article).cloned().flatten(),
                    how: "rewrite",
                    source: d.source,
                    source_outlet: outlet_of.get(&d.source).cloned().flatten(),
                    item: None,
                    source_item: None,
                });
            }
        }
        let own: Vec<ItemView> = claim
            .items
            .iter()
            .zip(&items)
            .filter(|(r, _)| {
                !copied.contains(&(r.article, r.index)) && !derived.contains(&r.article)
            })
            .map(|(_, v)| v.clone())
            .collect();
        Ok(ClaimReport {
            id,
            kind: claim.kind,
            contested: claim.contested,
            severity: claim.severity,
            reasons: claim.reasons.clone(),
            outlets: outlet_names(&items).len(),
            independent: outlet_names(&own).len(),
            items,
            copies,
            pairs,
        })
    }

    /// The distinct outlets covering the claim, sorted.
    pub fn outlet_names(&self) -> Vec<String> {
        outlet_names(&self.items)
    }

    /// Whether any item comes from an outlet whose name contains `needle`.
    pub fn has_outlet(&self, needle: &str) -> bool {
        let needle = needle.to_lowercase();
        self.items.iter().any(|i| {
            i.outlet
                .as_deref()
                .is_some_and(|o| o.to_lowercase().contains(&needle))
        })
    }
}

/// Distinct outlet names of items; an article without an outlet counts as
/// its own ("article 3").
fn outlet_names(items: &[ItemView]) -> Vec<String> {
    let mut outlets: Vec<String> = items
        .iter()
        .map(|i| {
            i.outlet
                .clone()
                .unwrap_or_else(|| format!("article {}", i.article))
        })
        .collect();
    outlets.sort();
    outlets.dedup();
    outlets
}

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

fn paint(s: &str, c: &str, on: bool) -> String {
    if on {
        format!("{c}{s}{RESET}")
    } else {
        s.to_string()
    }
}

/// What a reason means, for people.
pub fn reason_text(r: Reason) -> &'static str {
    match r {
        Reason::Value => "the figure's value differs",
        Reason::Unit => "the figure's unit differs",
        Reason::Qualifier => "the qualifier differs",
        Reason::Attribution => "the attribution differs",
        Reason::Speaker => "the speaker differs",
        Reason::Wording => "the quote's wording differs",
        Reason::SpeakerTitle => "the speaker's title differs",
    }
}

fn source_line(i: &ItemView) -> String {
    let mut s = match (&i.outlet, &i.title) {
        (Some(o), _) => o.clone(),
        (None, Some(t)) => format!("outlet unknown, \u{2018}{}\u{2019}", truncate(t, 50)),
        (None, None) => "outlet unknown".into(),
    };
    if let Some(d) = &i.published {
        let _ = write!(s, ", {d}");
    }
    let _ = write!(s, " [article {}]", i.article);
    s
}

fn credit(i: &ItemView, full: bool) -> String {
    match i.kind {
        ItemKind::Narration => "the narrator's own words".into(),
        ItemKind::Figure => "figure".into(),
        ItemKind::Quote => {
            let who = i.speaker.clone().unwrap_or_else(|| "unattributed".into());
            let mut s = format!("{} quote, {who}", i.quote_kind.as_deref().unwrap_or("a"));
            if let Some(t) = &i.speaker_title {
                let t = if full { t.clone() } else { truncate(t, 90) };
                let _ = write!(s, " ({t})");
            }
            s
        }
    }
}

/// Outlets named in a list; the rest are counted.
const OUTLETS_SHOWN: usize = 8;

/// Pairs named under a divergence that several pairs share.
const PAIRS_SHOWN: usize = 4;

/// "Paper 01 [article 2], … and 22 more".
fn named_list(names: &[String]) -> String {
    let shown = names.len().min(OUTLETS_SHOWN);
    let mut line = names[..shown].join(", ");
    if names.len() > shown {
        let _ = write!(line, " and {} more", names.len() - shown);
    }
    line
}

fn outlet_of(i: &ItemView) -> String {
    format!(
        "{} [article {}]",
        i.outlet.as_deref().unwrap_or("outlet unknown"),
        i.article
    )
}

/// `sentence` cut to about `width` characters on each side of `needle`,
/// with "…" where it was cut.
fn around(sentence: &str, needle: &str, width: usize) -> String {
    let Some(at) = sentence.find(needle) else {
        return truncate(sentence, 2 * width);
    };
    let before: Vec<char> = sentence[..at].chars().collect();
    let after: Vec<char> = sentence[at + needle.len()..].chars().collect();
    let mut out = String::new();
    if before.len() > width {
        out.push('…');
        out.extend(&before[before.len() - width..]);
    } else {
        out.extend(&before);
    }
    out.push_str(needle);
    if after.len() > width {
        out.extend(&after[..width]);
        out.push('…');
    } else {
        out.extend(&after);
    }
    out
}

/// What makes two items the same version for a reader: the words and who
/// they are credited to.
fn version_key(i: &ItemView) -> (ItemKind, &str, Option<&str>, Option<&str>, Option<&str>) {
    (
        i.kind,
        i.text.as_str(),
        i.speaker.as_deref(),
        i.speaker_title.as_deref(),
        i.quote_kind.as_deref(),
    )
}

/// One claim for a terminal, ranked as in a listing: long texts cut.
pub fn terminal(c: &ClaimReport, rank: usize, colour: bool) -> String {
    render(c, Some(rank), false, colour)
}

/// One claim in full, for `show`: every text, title and sentence whole.
pub fn terminal_full(c: &ClaimReport, colour: bool) -> String {
    render(c, None, true, colour)
}

fn render(c: &ClaimReport, rank: Option<usize>, full: bool, colour: bool) -> String {
    let mut out = String::new();
    let cut = |t: &str, n: usize| if full { t.to_string() } else { truncate(t, n) };
    let what = match c.kind {
        ItemKind::Figure => "figure",
        ItemKind::Quote => "quote",
        ItemKind::Narration => "passage",
    };
    // Every reason the claim has, the most serious first.
    let mut reasons: Vec<Reason> = c.severity.into_iter().collect();
    reasons.extend(c.reasons.iter().filter(|r| Some(**r) != c.severity));
    let status = if c.contested && !reasons.is_empty() {
        let texts: Vec<&str> = reasons.iter().map(|r| reason_text(*r)).collect();
        paint(&format!("CONTESTED: {}", texts.join("; ")), YELLOW, colour)
    } else {
        "restated alike".to_string()
    };
    let independent = if c.independent < c.outlets {
        format!(", {} independent", c.independent)
    } else {
        String::new()
    };
    let rank = rank.map(|r| format!("#{r} ")).unwrap_or_default();
    let outlets = if c.outlets == 1 {
        "1 outlet".to_string()
    } else {
        format!("{} outlets", c.outlets)
    };
    let _ = writeln!(
        out,
        "{}",
        paint(
            &format!("{rank}claim {} ({what}, {outlets}{independent}): ", c.id),
            BOLD,
            colour
        ) + &status
    );
    // Each distinct version once: reprints are named under the item they
    // repeat, other items with the same words and credit under the first.
    let reprinted: HashSet<(i64, usize)> = c
        .copies
        .iter()
        .filter_map(|n| Some((n.article, n.item?.0)))
        .collect();
    let mut groups: Vec<(&ItemView, Vec<&ItemView>)> = Vec::new();
    for i in c
        .items
        .iter()
        .filter(|i| !reprinted.contains(&(i.article, i.start)))
    {
        match groups
            .iter_mut()
            .find(|(first, _)| version_key(first) == version_key(i))
        {
            Some(g) => g.1.push(i),
            None => groups.push((i, Vec::new())),
        }
    }
    for (i, same) in &groups {
        let _ = writeln!(
            out,
            "  {} — {}",
            sanitize(&source_line(i)),
            sanitize(&credit(i, full))
        );
        let _ = writeln!(
            out,
            "      \u{201c}{}\u{201d}",
            sanitize(&cut(&i.text, 240))
        );
        if let Some(sentence) = &i.sentence {
            if sentence.trim() != i.text.trim() {
                let shown = if full {
                    sentence.clone()
                } else {
                    around(sentence, &i.text, 90)
                };
                let _ = writeln!(out, "      in: {}", sanitize(&shown));
            }
        }
        if !same.is_empty() {
            let names: Vec<String> = same.iter().map(|s| outlet_of(s)).collect();
            let _ = writeln!(
                out,
                "      the same in {}: {}",
                same.len(),
                sanitize(&named_list(&names))
            );
        }
        let members: Vec<&ItemView> = std::iter::once(*i).chain(same.iter().copied()).collect();
        let by: Vec<String> = c
            .copies
            .iter()
            .filter(|n| {
                members
                    .iter()
                    .any(|m| n.source == m.article && n.source_item.is_some_and(|s| s.0 == m.start))
            })
            .map(|n| {
                let o = n.outlet.as_deref().unwrap_or("outlet unknown");
                format!("{o} [article {}]", n.article)
            })
            .collect();
        if !by.is_empty() {
            let _ = writeln!(
                out,
                "      reprinted word for word by {}: {}",
                by.len(),
                sanitize(&named_list(&by))
            );
        }
    }
    // Rewrites, unless the item is already named as a reprint.
    let reprinting: HashSet<i64> = reprinted.iter().map(|r| r.0).collect();
    for n in c
        .copies
        .iter()
        .filter(|n| n.how == "rewrite" && !reprinting.contains(&n.article))
    {
        let _ = writeln!(
            out,
            "  rewrite: {} [article {}] derives from {} [article {}]",
            sanitize(n.outlet.as_deref().unwrap_or("outlet unknown")),
            n.article,
            sanitize(n.source_outlet.as_deref().unwrap_or("outlet unknown")),
            n.source
        );
    }
    // Divergent pairs, each divergence once: pairs with the same reasons
    // between the same two versions are one line.
    let text_at = |article: i64, start: usize| {
        c.items
            .iter()
            .find(|i| i.article == article && i.start == start)
            .map(|i| i.text.as_str())
    };
    let mut lines: Vec<(&Pair, Vec<&Pair>)> = Vec::new();
    for p in c.pairs.iter().filter(|p| p.label == Label::Diverges) {
        let key = |q: &Pair| {
            (
                q.reasons.clone(),
                text_at(q.a.article, q.a.start),
                text_at(q.b.article, q.b.start),
            )
        };
        match lines.iter_mut().find(|(first, _)| key(first) == key(p)) {
            Some(l) => l.1.push(p),
            None => lines.push((p, Vec::new())),
        }
    }
    for (p, alike) in &lines {
        let reasons: Vec<&str> = p.reasons.iter().map(|r| reason_text(*r)).collect();
        let mut more = String::new();
        if !alike.is_empty() {
            let named: Vec<String> = alike
                .iter()
                .take(PAIRS_SHOWN)
                .map(|q| format!("{} vs {}", q.a.article, q.b.article))
                .collect();
            let rest = alike.len().saturating_sub(PAIRS_SHOWN);
            let _ = write!(
                more,
                "; alike: {}{}",
                named.join(", "),
                if rest > 0 {
                    format!(" and {rest} more")
                } else {
                    String::new()
                }
            );
        }
        let _ = writeln!(
            out,
            "  article {} vs {}: {} (similarity {:.2}{more})",
            p.a.article,
            p.b.article,
            reasons.join("; "),
            p.score
        );
        if let Some(diff) = &p.diff {
            if diff.iter().any(|d| d.op != DiffKind::Equal) {
                let mut line = String::from("      ");
                for d in diff {
                    let t = sanitize(&d.text);
                    match d.op {
                        DiffKind::Equal => line.push_str(&t),
                        DiffKind::Delete => line.push_str(&paint(&format!("[-{t}-]"), RED, colour)),
                        DiffKind::Insert => {
                            line.push_str(&paint(&format!("{{+{t}+}}"), GREEN, colour))
                        }
                    }
                    line.push(' ');
                }
                let _ = writeln!(out, "{}", line.trim_end());
            }
        }
    }
    out
}
