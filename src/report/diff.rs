//! Showing a version diff: for a terminal (colour only when asked) and as
//! one self-contained HTML page with every piece of article text escaped.

use std::fmt::Write;

use crate::diff::claims::{ClaimChange, ClaimChangeKind, ClaimSide};
use crate::diff::text::TextChangeKind;
use crate::diff::words::{word_diff, Op, WordOp};
use crate::diff::VersionDiff;
use crate::report::{sanitize, truncate};

const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const BOLD: &str = "\x1b[1m";
const RESET: &str = "\x1b[0m";

fn paint(s: &str, colour: &str, on: bool) -> String {
    if on {
        format!("{colour}{s}{RESET}")
    } else {
        s.to_string()
    }
}

/// A word diff inline: deletions as `[-…-]`, insertions as `{+…+}`, and in
/// colour when `colour` is set.
pub fn inline_words(words: &[WordOp], colour: bool) -> String {
    let mut out = String::new();
    for w in words {
        let t = sanitize(&w.text);
        match w.op {
            Op::Equal => out.push_str(&t),
            Op::Delete => out.push_str(&paint(&format!("[-{t}-]"), RED, colour)),
            Op::Insert => out.push_str(&paint(&format!("{{+{t}+}}"), GREEN, colour)),
        }
    }
    out
}

/// Name of a claim change for people.
pub fn claim_label(k: ClaimChangeKind) -> &'static str {
    use ClaimChangeKind::*;
    match k {
        QuoteAdded => "quote added",
        QuoteRemoved => "quote removed",
        QuoteReworded => "quote reworded",
        SpeakerChanged => "speaker changed",
        TitleChanged => "speaker title changed",
        AttributionAdded => "attribution added",
        AttributionRemoved => "attribution removed",
        AttributionSoftened => "attribution softened",
        AttributionStrengthened => "attribution strengthened",
        FigureAdded => "figure added",
        FigureRemoved => "figure removed",
        FigureValue => "figure value changed",
        FigureUnit => "figure unit changed",
        FigureQualifier => "figure qualifier changed",
    }
}

/// Whether a change is about a quote (its sides have speakers).
fn is_quote(k: ClaimChangeKind) -> bool {
    use ClaimChangeKind::*;
    !matches!(
        k,
        FigureAdded | FigureRemoved | FigureValue | FigureUnit | FigureQualifier
    )
}

/// Who a quote is credited to, as shown after it: "Michael Carpenter, a
/// former Defense Department official", or "no speaker".
pub fn credit(side: &ClaimSide) -> String {
    match (&side.speaker, &side.speaker_title) {
        (Some(s), Some(t)) => format!("{s}, {t}"),
        (Some(s), None) => s.clone(),
        (None, _) => "no speaker".to_string(),
    }
}

fn claim_line(c: &ClaimChange, colour: bool) -> String {
    let mut line = format!("  {:<26}", claim_label(c.kind));
    let side = |s: &Option<ClaimSide>| {
        s.as_ref()
            .map(|s| format!("\u{201c}{}\u{201d}", sanitize(&truncate(&s.text, 100))))
    };
    if !c.words.is_empty() {
        let _ = write!(line, "\u{201c}{}\u{201d}", inline_words(&c.words, colour));
    } else {
        match (side(&c.old), side(&c.new)) {
            (Some(o), Some(n)) if o == n => line.push_str(&o),
            (Some(o), Some(n)) => {
                let _ = write!(
                    line,
                    "{} → {}",
                    paint(&o, RED, colour),
                    paint(&n, GREEN, colour)
                );
            }
            (Some(o), None) => line.push_str(&paint(&o, RED, colour)),
            (None, Some(n)) => line.push_str(&paint(&n, GREEN, colour)),
            (None, None) => {}
        }
    }
    // Who is quoted, unless the change itself says it (speaker, title or
    // attribution changes print both sides).
    use ClaimChangeKind::*;
    if matches!(c.kind, QuoteAdded | QuoteRemoved | QuoteReworded) {
        if let Some(s) = c.new.as_ref().or(c.old.as_ref()) {
            let _ = write!(line, " — {}", sanitize(&credit(s)));
        }
    }
    if c.from.is_some() || c.to.is_some() {
        let show = |v: &Option<String>| v.as_deref().map_or("none".to_string(), sanitize);
        let _ = write!(line, "  ({} → {})", show(&c.from), show(&c.to));
    }
    line.push('\n');
    line
}

/// The diff for a terminal.
pub fn terminal(d: &VersionDiff, colour: bool) -> String {
    let mut out = String::new();
    let head = |s: &str| paint(s, BOLD, colour);
    let _ = writeln!(
        out,
        "{}",
        head(&format!(
            "Claims: {}",
            super::counted(d.claims.len(), "change")
        ))
    );
    for c in &d.claims {
        out.push_str(&claim_line(c, colour));
    }
    let _ = writeln!(
        out,
        "\n{}",
        head(&format!("Text: {}", super::counted(d.text.len(), "change")))
    );
    for c in &d.text {
        let trivial = if c.trivial { " (trivial)" } else { "" };
        match c.kind {
            TextChangeKind::Added => {
                let n = c
                    .new
                    .as_ref()
                    .map(|s| sanitize(&s.text))
                    .unwrap_or_default();
                let _ = writeln!(out, "+ added{trivial}: {}", paint(&n, GREEN, colour));
            }
            TextChangeKind::Removed => {
                let o = c
                    .old
                    .as_ref()
                    .map(|s| sanitize(&s.text))
                    .unwrap_or_default();
                let _ = writeln!(out, "- removed{trivial}: {}", paint(&o, RED, colour));
            }
            TextChangeKind::Changed => {
                let _ = writeln!(
                    out,
                    "~ changed{trivial}: {}",
                    inline_words(&c.words, colour)
                );
            }
            TextChangeKind::Moved => {
                let (o, n) = (c.old.as_ref().unwrap(), c.new.as_ref().unwrap());
                let body = if c.words.is_empty() {
                    sanitize(&o.text)
                } else {
                    inline_words(&c.words, colour)
                };
                let _ = writeln!(out, "> moved (byte {} → {}): {body}", o.start, n.start);
            }
        }
    }
    out
}

/// Escape text for HTML element content and attribute values.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && c != '\n' && c != '\t' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

fn html_words(words: &[WordOp]) -> String {
    let mut out = String::new();
    for w in words {
        let t = escape_html(&w.text);
        match w.op {
            Op::Equal => out.push_str(&t),
            Op::Delete => {
                let _ = write!(out, "<del>{t}</del>");
            }
            Op::Insert => {
                let _ = write!(out, "<ins>{t}</ins>");
            }
        }
    }
    out
}

/// One claim change as HTML: the quote or figure once when its words did
/// not change (a speaker or title change marks only the credit), with its
/// word diff when they did, struck out or inserted when it went or came.
fn html_claim(c: &ClaimChange) -> String {
    let quoted = |s: &str| format!("\u{201c}{s}\u{201d}");
    let text = if !c.words.is_empty() {
        quoted(&html_words(&c.words))
    } else {
        match (&c.old, &c.new) {
            (Some(o), Some(n)) if o.text == n.text => quoted(&escape_html(&o.text)),
            (Some(o), Some(n)) => format!(
                "<del>{}</del> → <ins>{}</ins>",
                quoted(&escape_html(&o.text)),
                quoted(&escape_html(&n.text))
            ),
            (Some(o), None) => format!("<del>{}</del>", quoted(&escape_html(&o.text))),
            (None, Some(n)) => format!("<ins>{}</ins>", quoted(&escape_html(&n.text))),
            (None, None) => String::new(),
        }
    };
    let who = if !is_quote(c.kind) {
        String::new()
    } else {
        match (&c.old, &c.new) {
            (Some(o), Some(n)) => {
                let (a, b) = (credit(o), credit(n));
                if a == b {
                    escape_html(&a)
                } else {
                    html_words(&word_diff(&a, &b))
                }
            }
            (Some(s), None) | (None, Some(s)) => escape_html(&credit(s)),
            (None, None) => String::new(),
        }
    };
    let who = if who.is_empty() {
        who
    } else {
        format!(" <span class=\"who\">— {who}</span>")
    };
    let detail = if c.from.is_some() || c.to.is_some() {
        format!(
            " <span class=\"detail\">({} → {})</span>",
            escape_html(c.from.as_deref().unwrap_or("none")),
            escape_html(c.to.as_deref().unwrap_or("none"))
        )
    } else {
        String::new()
    };
    format!("{text}{who}{detail}")
}

/// The diff as HTML to put in a page: the claim changes and the text
/// changes, each a heading and a list (`ul.claims`, `ol.text`), every
/// piece of article text escaped. [`html`] wraps it in a page; the web
/// app in its own.
pub fn html_body(d: &VersionDiff) -> String {
    let mut body = String::new();
    let _ = writeln!(
        body,
        "<h2>Claims ({})</h2>\n<ul class=\"claims\">",
        d.claims.len()
    );
    for c in &d.claims {
        let _ = writeln!(
            body,
            "<li><span class=\"kind\">{}</span> {}</li>",
            claim_label(c.kind),
            html_claim(c)
        );
    }
    let _ = writeln!(
        body,
        "</ul>\n<h2>Text ({})</h2>\n<ol class=\"text\">",
        d.text.len()
    );
    for c in &d.text {
        let (label, content) = match c.kind {
            TextChangeKind::Added => (
                "added",
                format!(
                    "<ins>{}</ins>",
                    escape_html(c.new.as_ref().map(|s| s.text.as_str()).unwrap_or(""))
                ),
            ),
            TextChangeKind::Removed => (
                "removed",
                format!(
                    "<del>{}</del>",
                    escape_html(c.old.as_ref().map(|s| s.text.as_str()).unwrap_or(""))
                ),
            ),
            TextChangeKind::Changed => ("changed", html_words(&c.words)),
            TextChangeKind::Moved => (
                "moved",
                if c.words.is_empty() {
                    escape_html(c.old.as_ref().map_or("", |s| s.text.as_str()))
                } else {
                    html_words(&c.words)
                },
            ),
        };
        let trivial = if c.trivial { " trivial" } else { "" };
        let _ = writeln!(
            body,
            "<li class=\"{label}{trivial}\"><span class=\"kind\">{label}</span> {content}</li>"
        );
    }
    body.push_str("</ol>\n");
    body
}

/// The diff as one self-contained HTML page (no scripts, no external
/// resources; a Content-Security-Policy forbids any that slipped in).
pub fn html(d: &VersionDiff, title: &str) -> String {
    let body = html_body(d);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n\
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
<title>{}</title>\n<style>\n\
body {{ font: 16px/1.5 Georgia, serif; max-width: 50em; margin: 2em auto; padding: 0 1em; }}\n\
del {{ background: #fdd; color: #900; }} ins {{ background: #dfd; color: #060; text-decoration: none; }}\n\
.kind {{ font: 12px sans-serif; text-transform: uppercase; color: #555; margin-right: .5em; }}\n\
.trivial {{ opacity: .6; }} .detail {{ color: #555; }} li {{ margin: .4em 0; }}\n\
</style></head><body>\n<h1>{}</h1>\n{body}</body></html>\n",
        escape_html(title),
        escape_html(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_escapes_article_text() {
        let d = crate::diff::diff(
            "Calm words here today.",
            "Calm words here today. <script>alert(1)</script> & more \"stuff\".",
        );
        let page = html(&d, "<b>t</b>");
        assert!(!page.contains("<script>"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("<title>&lt;b&gt;t&lt;/b&gt;</title>"));
    }

    #[test]
    fn added_and_removed_quotes_name_the_speaker() {
        let d = crate::diff::diff(
            "It began. \u{201c}The plan is dead and buried now,\u{201d} Dan Coats, the Director of National Intelligence, said.",
            "It began. \u{201c}We will look at every option there is,\u{201d} Michael Carpenter said.",
        );
        let t = terminal(&d, false);
        assert!(
            t.contains("quote removed") && t.contains("\u{201d} — Dan Coats, "),
            "{t}"
        );
        assert!(
            t.contains("quote added") && t.contains("\u{201d} — Michael Carpenter\n"),
            "{t}"
        );
        let page = html(&d, "t");
        assert!(page.contains("— Dan Coats, "), "{page}");
        assert!(page.contains("— Michael Carpenter</span>"), "{page}");
    }

    #[test]
    fn html_shows_a_requoted_quote_once() {
        let d = crate::diff::diff(
            "It began. \u{201c}The plan is dead and buried now,\u{201d} Dan Coats said.",
            "It began. \u{201c}The plan is dead and buried now,\u{201d} Michael Carpenter said.",
        );
        assert_eq!(d.claims.len(), 1, "{:?}", d.claims);
        let page = html(&d, "t");
        assert_eq!(
            page.matches("The plan is dead and buried now").count(),
            2,
            "{page}"
        );
        assert!(!page.contains("<del>\u{201c}The plan"), "{page}");
        assert!(!page.contains("<del>The plan"), "{page}");
        assert!(
            page.contains("<del>Dan Coats</del><ins>Michael Carpenter</ins>"),
            "{page}"
        );
    }

    #[test]
    fn terminal_without_colour_has_no_escapes() {
        let d = crate::diff::diff("He said no today.", "He said yes today.");
        let t = terminal(&d, false);
        assert!(!t.contains('\x1b'));
        assert!(t.contains("[-no-]{+yes+}"), "{t}");
    }
}
