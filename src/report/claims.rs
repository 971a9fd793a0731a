//! Showing claims: each outlet's version side by side, the reasons they
//! diverge, and word diffs of quotes. For a terminal and as JSON.

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
    pub items: Vec<ItemView>,
    pub pairs: Vec<Pair>,
}

impl ClaimReport {
    /// Gather a stored claim's items and pairs.
    pub fn build(store: &Store, id: i64, claim: &Claim, pairs: Vec<Pair>) -> Result<ClaimReport> {
        let items = claim
            .items
            .iter()
            .map(|i| store.item_view(i))
            .collect::<Result<Vec<_>>>()?;
        Ok(ClaimReport {
            id,
            kind: claim.kind,
            contested: claim.contested,
            severity: claim.severity,
            reasons: claim.reasons.clone(),
            outlets: outlet_names(&items).len(),
            items,
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

fn credit(i: &ItemView) -> String {
    match i.kind {
        ItemKind::Narration => "the narrator's own words".into(),
        ItemKind::Figure => "figure".into(),
        ItemKind::Quote => {
            let who = i.speaker.clone().unwrap_or_else(|| "unattributed".into());
            let mut s = format!("{} quote, {who}", i.quote_kind.as_deref().unwrap_or("a"));
            if let Some(t) = &i.speaker_title {
                let _ = write!(s, " ({})", truncate(t, 90));
            }
            s
        }
    }
}

/// One claim for a terminal.
pub fn terminal(c: &ClaimReport, rank: usize, colour: bool) -> String {
    let mut out = String::new();
    let what = match c.kind {
        ItemKind::Figure => "figure",
        ItemKind::Quote => "quote",
        ItemKind::Narration => "passage",
    };
    let status = match c.severity {
        Some(r) if c.contested => paint(&format!("CONTESTED: {}", reason_text(r)), YELLOW, colour),
        _ => "restated alike".to_string(),
    };
    let _ = writeln!(
        out,
        "{}",
        paint(
            &format!("#{rank} claim {} ({what}, {} outlets): ", c.id, c.outlets),
            BOLD,
            colour
        ) + &status
    );
    for i in &c.items {
        let _ = writeln!(
            out,
            "  {} — {}",
            sanitize(&source_line(i)),
            sanitize(&credit(i))
        );
        let _ = writeln!(
            out,
            "      \u{201c}{}\u{201d}",
            sanitize(&truncate(&i.text, 240))
        );
    }
    for p in c.pairs.iter().filter(|p| p.label == Label::Diverges) {
        let reasons: Vec<&str> = p.reasons.iter().map(|r| reason_text(*r)).collect();
        let _ = writeln!(
            out,
            "  article {} vs {}: {} (similarity {:.2})",
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
