//! Auditing a draft in the browser: the form (paste or upload), reading
//! the posted draft (urlencoded or multipart), running the same audit as
//! `claimtrack audit`, and the draft shown with each finding inline.

use maud::{html, Markup};

use super::error::HttpError;
use super::html::{diff_ops, layout, Nav, Page};
use crate::audit::{Audit, Finding, Status};
use crate::ingest::{self, format::Format, Options, Prepared};
use crate::matching::{ItemKind, Label};
use crate::ops::audit::Saved;
use crate::ops::audit::{located, save, Report};
use crate::store::{Outcome, Store};

/// A draft as posted.
#[derive(Debug, Default)]
pub struct Posted {
    pub bytes: Vec<u8>,
    /// The format the upload's name or the request's type says, if any.
    pub format: Option<Format>,
    pub save: bool,
}

/// The media type of a `Content-Type` value, parameters left out, in
/// lower case (`text/html; charset=utf-8` → `text/html`).
pub fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

/// The format a media type names, if any (`text/html`, `text/markdown`,
/// `text/plain`).
pub fn format_of_type(content_type: &str) -> Option<Format> {
    match media_type(content_type).as_str() {
        "text/html" | "application/xhtml+xml" => Some(Format::Html),
        "text/markdown" | "text/x-markdown" => Some(Format::Markdown),
        "text/plain" => Some(Format::Text),
        _ => None,
    }
}

/// The draft of a urlencoded form: `draft` (pasted text) and `save`.
pub fn from_form(pairs: Vec<(String, String)>) -> Posted {
    let mut p = Posted::default();
    for (k, v) in pairs {
        match k.as_str() {
            "draft" => p.bytes = v.into_bytes(),
            "save" => p.save = !v.is_empty() && v != "0",
            _ => {}
        }
    }
    p
}

/// The draft of a multipart form: the `file` part when one was chosen,
/// else the `draft` field; `save`.
pub fn from_multipart(content_type: &str, body: &[u8]) -> Result<Posted, HttpError> {
    let boundary = content_type
        .split(';')
        .filter_map(|p| p.trim().strip_prefix("boundary="))
        .next()
        .map(|b| b.trim_matches('"'))
        .filter(|b| !b.is_empty())
        .ok_or_else(|| HttpError::bad_request("multipart form without a boundary"))?;
    let delimiter = format!("--{boundary}").into_bytes();
    let mut posted = Posted::default();
    let mut pasted = Vec::new();
    let mut file: Option<(Vec<u8>, Option<Format>)> = None;
    let mut rest = body;
    let first = find(rest, &delimiter)
        .ok_or_else(|| HttpError::bad_request("multipart form without parts"))?;
    rest = &rest[first + delimiter.len()..];
    loop {
        if rest.starts_with(b"--") {
            break;
        }
        let rest_after_crlf = rest
            .strip_prefix(b"\r\n")
            .ok_or_else(|| HttpError::bad_request("malformed multipart form"))?;
        let head_end = find(rest_after_crlf, b"\r\n\r\n")
            .ok_or_else(|| HttpError::bad_request("malformed multipart part"))?;
        let head = String::from_utf8_lossy(&rest_after_crlf[..head_end]).into_owned();
        let content = &rest_after_crlf[head_end + 4..];
        let end = find(content, &[b"\r\n".as_slice(), &delimiter].concat())
            .ok_or_else(|| HttpError::bad_request("multipart form not closed"))?;
        let value = &content[..end];
        rest = &content[end + 2 + delimiter.len()..];
        let (name, filename) = disposition(&head);
        match name.as_deref() {
            Some("draft") => pasted = value.to_vec(),
            Some("save") => posted.save = !value.is_empty() && value != b"0",
            Some("file") if !value.is_empty() => {
                let by_name = filename
                    .as_deref()
                    .and_then(|f| f.rsplit_once('.'))
                    .and_then(|(_, ext)| Format::from_extension(ext));
                let by_type = head
                    .lines()
                    .find_map(|l| {
                        l.split_once(':')
                            .filter(|(k, _)| k.trim().eq_ignore_ascii_case("content-type"))
                    })
                    .and_then(|(_, v)| format_of_type(v))
                    .filter(|f| *f != Format::Text);
                file = Some((value.to_vec(), by_name.or(by_type)));
            }
            _ => {}
        }
    }
    match file {
        Some((bytes, format)) => {
            posted.bytes = bytes;
            posted.format = format;
        }
        None => posted.bytes = pasted,
    }
    Ok(posted)
}

/// `name` and `filename` of a part's Content-Disposition.
fn disposition(head: &str) -> (Option<String>, Option<String>) {
    let mut name = None;
    let mut filename = None;
    for line in head.lines() {
        let Some((k, v)) = line.split_once(':') else {
            continue;
        };
        if !k.trim().eq_ignore_ascii_case("content-disposition") {
            continue;
        }
        for param in v.split(';').skip(1) {
            if let Some((pk, pv)) = param.split_once('=') {
                let pv = pv.trim().trim_matches('"').to_string();
                match pk.trim() {
                    "name" => name = Some(pv),
                    "filename" => filename = Some(pv),
                    _ => {}
                }
            }
        }
    }
    (name, filename)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || hay.len() < needle.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// What an audit gives back: the draft as read, the audit, where it was saved.
pub struct Audited {
    pub draft: Prepared,
    pub audit: Audit,
    pub saved: Option<Saved>,
}

/// Reads and audits a posted draft as `claimtrack audit` does, and saves
/// it (as `audit --save`) when asked: only then is the store opened for
/// writing. `read` is a read-only connection, for an audit that does not save.
pub fn run(
    posted: &Posted,
    read: Option<&Store>,
    db: &std::path::Path,
    max_bytes: usize,
) -> Result<Audited, HttpError> {
    if posted.bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(HttpError::bad_request(
            "the draft is empty: paste it or choose a file",
        ));
    }
    let opts = Options {
        format: posted.format,
        max_bytes: max_bytes as u64,
        keep_source: true,
        ..Options::default()
    };
    let draft = ingest::prepare_bytes("draft", &posted.bytes, &opts)?;
    if !posted.save {
        let store = read.ok_or_else(|| HttpError::internal("no store connection"))?;
        let audit = located(store, &draft)?;
        return Ok(Audited {
            draft,
            audit,
            saved: None,
        });
    }
    let mut store = Store::open_writable(db, || {
        eprintln!(
            "claimtrack: {}: another claimtrack is writing to this store; waiting for it to finish",
            crate::report::sanitize(&db.display().to_string())
        )
    })?;
    let audit = located(&store, &draft)?;
    let saved = save(&mut store, &draft)?;
    Ok(Audited {
        draft,
        audit,
        saved: Some(saved),
    })
}

/// What `claimtrack audit --json` prints for this audit of the draft
/// named `name` (`failed` at the default level, mismatch).
pub fn report(name: &str, o: Audited) -> axum::response::Response {
    super::api::json(&Report {
        draft: name.to_string(),
        failed: o.audit.fails(Some(Status::Mismatch)),
        audit: o.audit,
        saved: o.saved,
    })
}

/// `GET /audit`, and the form again with an error.
pub fn form(error: Option<&str>) -> Page {
    layout(
        "Audit a draft",
        Nav::Audit,
        html! {
            h1 { "Audit a draft" }
            p.lead { "Every quote and figure of the draft is checked against the stored coverage: was it said, by whom, in these words? Nothing is stored unless you ask." }
            @if let Some(e) = error { p.error role="alert" { (e) } }
            (form_body())
        },
    )
}

fn form_body() -> Markup {
    html! {
        form.audit method="post" action="/audit" enctype="multipart/form-data" {
            label for="draft" { "Paste the draft (text, Markdown or HTML)" }
            textarea #draft name="draft" rows="14" {}
            label for="file" { "…or choose a file" }
            input #file type="file" name="file" accept=".txt,.text,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html";
            label.check { input type="checkbox" name="save" value="1"; " Save as a draft in the store (as " code { "audit --save" } ")" }
            button type="submit" { "Audit" }
        }
    }
}

fn status_class(s: Status) -> String {
    format!("st-{}", s.name())
}

fn verdict(f: &Finding) -> String {
    match f.kind {
        Some(k) => format!("{}: {}", f.status.name(), k.name()),
        None => f.status.name().to_string(),
    }
}

/// The draft's text with each finding marked where it is, its verdict
/// beside it, linked to its details below. Findings inside one already
/// marked are not marked again (their details are listed all the same).
fn inline(text: &str, findings: &[Finding]) -> Markup {
    let mut order: Vec<(usize, &Finding)> = findings.iter().enumerate().collect();
    order.sort_by_key(|(_, f)| (f.start, std::cmp::Reverse(f.end)));
    let mut pieces: Vec<(&str, Option<(usize, &Finding)>)> = Vec::new();
    let mut at = 0;
    for (n, f) in order {
        let fits = f.start >= at
            && f.start < f.end
            && f.end <= text.len()
            && text.is_char_boundary(f.start)
            && text.is_char_boundary(f.end);
        if fits {
            pieces.push((&text[at..f.start], None));
            pieces.push((&text[f.start..f.end], Some((n, f))));
            at = f.end;
        }
    }
    pieces.push((text.get(at..).unwrap_or(""), None));
    html! {
        @for (words, finding) in pieces {
            @match finding {
                None => (words),
                Some((n, f)) => {
                    mark class=(format!("finding {}", status_class(f.status))) id=(format!("at-{n}")) { (words) }
                    a class=(format!("verdict {}", status_class(f.status))) href=(format!("#finding-{n}")) { (verdict(f)) }
                }
            }
        }
    }
}

/// The result page of `POST /audit`.
pub fn result(o: &Audited) -> Page {
    let c = &o.audit.summary;
    let text = &o.draft.loaded.text;
    layout(
        "Audit",
        Nav::Audit,
        html! {
            h1 { "Audit of the draft" }
            p.summary {
                (c.items) " items: "
                span.st-ok { (c.ok) " ok" } ", "
                span.st-mismatch { (c.mismatch) " mismatch" } ", "
                span.st-unverified { (c.unverified) " unverified" } ", "
                span.st-unattributed { (c.unattributed) " unattributed" } ", "
                span.st-anonymous { (c.anonymous) " anonymous" }
                "; checked against " (o.audit.compared) " stored articles."
            }
            @if let Some(s) = &o.saved {
                p.saved role="status" {
                    "Saved: "
                    (match s.outcome { Outcome::New => "a new draft, ", Outcome::Updated => "a new version of ", Outcome::Unchanged => "unchanged, " })
                    a href=(format!("/articles/{}", s.article)) { "article " (s.article) }
                    "."
                }
            }
            h2 { "The draft" }
            div.draft-text { (inline(text, &o.audit.findings)) }
            h2 { "Findings" }
            ol.findings {
                @for (n, f) in o.audit.findings.iter().enumerate() {
                    li id=(format!("finding-{n}")) class=(status_class(f.status)) {
                        p {
                            span class=(format!("badge {}", status_class(f.status))) { (verdict(f)) }
                            " line " (f.line) " · "
                            (match f.item { ItemKind::Quote => "quote", ItemKind::Figure => "figure", ItemKind::Narration => "prose" })
                            " “" (f.text) "”"
                            @if let Some(s) = &f.speaker { " — " (s) @if let Some(t) = &f.speaker_title { " (" (t) ")" } }
                            " " a href=(format!("#at-{n}")) { "in the draft" }
                        }
                        @if let Some(d) = &f.diff { p.diff { "Words: " (diff_ops(d)) } }
                        @if f.sources.is_empty() && f.status != Status::Ok { p { "Not found in the stored coverage." } }
                        ul.sources {
                            @for s in f.sources.iter().take(4) {
                                li {
                                    (match s.label { Label::Restates => "found in ", Label::Diverges => "otherwise in " })
                                    a href=(format!("/articles/{}", s.article)) { (s.outlet.as_deref().unwrap_or("outlet unknown")) ", article " (s.article) }
                                    ": “" (s.text) "”"
                                    @if let Some(sp) = &s.speaker { " — " (sp) @if let Some(t) = &s.speaker_title { " (" (t) ")" } }
                                    @if !s.reasons.is_empty() {
                                        " " span.why { "[" (s.reasons.iter().map(|r| crate::audit::MismatchKind::from(*r).name()).collect::<Vec<_>>().join(", ")) "]" }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            h2 { "Audit another draft" }
            (form_body())
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const CT: &str = "multipart/form-data; boundary=XyZ";

    fn part(name: &str, filename: Option<&str>, content: &str) -> String {
        let file = filename
            .map(|f| format!("; filename=\"{f}\""))
            .unwrap_or_default();
        format!(
            "--XyZ\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n{content}\r\n"
        )
    }

    #[test]
    fn multipart_takes_the_file_over_the_pasted_draft() {
        let body = format!(
            "{}{}{}--XyZ--\r\n",
            part("draft", None, "pasted"),
            part("file", Some("d.md"), "# uploaded\r\n\r\ntext"),
            part("save", None, "1")
        );
        let p = from_multipart(CT, body.as_bytes()).unwrap();
        assert_eq!(p.bytes, b"# uploaded\r\n\r\ntext");
        assert_eq!(p.format, Some(Format::Markdown));
        assert!(p.save);
        let body = format!(
            "{}{}--XyZ--\r\n",
            part("draft", None, "pasted"),
            part("file", Some("x.txt"), "")
        );
        let p = from_multipart(CT, body.as_bytes()).unwrap();
        assert_eq!(p.bytes, b"pasted");
        assert!(!p.save);
    }

    #[test]
    fn malformed_multipart_is_a_400_never_a_panic() {
        let good = format!("{}--XyZ--\r\n", part("draft", None, "words"));
        for cut in 0..good.len() {
            if let Err(e) = from_multipart(CT, &good.as_bytes()[..cut]) {
                assert_eq!(e.status, axum::http::StatusCode::BAD_REQUEST);
            }
        }
        assert!(from_multipart("multipart/form-data", good.as_bytes()).is_err());
        assert!(from_multipart(CT, b"\xff\xfe--XyZ\r\n\r\n").is_err());
    }

    #[test]
    fn media_types_name_formats() {
        assert_eq!(
            format_of_type("text/html; charset=utf-8"),
            Some(Format::Html)
        );
        assert_eq!(format_of_type("TEXT/MARKDOWN"), Some(Format::Markdown));
        assert_eq!(format_of_type("text/plain"), Some(Format::Text));
        assert_eq!(format_of_type("application/octet-stream"), None);
    }
}
