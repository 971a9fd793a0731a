//! Quotation marks: scanning every mark once, deciding whether it opens or
//! closes, pairing marks paragraph by paragraph (nested single marks inside
//! double ones), and trimming a quote's text.

use super::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Fam {
    Double,
    Single,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Open,
    Close,
    /// A straight double quote whose context does not decide.
    Either,
    /// An apostrophe, not a quotation mark.
    Apos,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Mark {
    pub(super) pos: usize,
    pub(super) len: usize,
    pub(super) fam: Fam,
    pub(super) role: Role,
    /// The character before is an `s` (`Coats’`): a closing single mark may
    /// be a plural possessive.
    pub(super) after_s: bool,
}

pub(super) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '„' | '‘' | '’' | '«' | '»' | '‹' | '›'
    )
}

/// Elided words written with a leading apostrophe ('em, 'til, 'n').
pub(super) fn elision_follows(rest: &str) -> bool {
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .take(6)
        .collect();
    is_one_of(ELISIONS, word.to_lowercase().as_str())
}

/// Find every quotation mark and decide its role from its neighbours.
pub(super) fn scan_marks(text: &str) -> Vec<Mark> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    let n = bytes.len();
    while i < n {
        let b = bytes[i];
        let (c, len) = match b {
            b'"' => ('"', 1),
            b'\'' => ('\'', 1),
            0xE2 if i + 2 < n && bytes[i + 1] == 0x80 => match bytes[i + 2] {
                0x9C => ('“', 3),
                0x9D => ('”', 3),
                0x9E => ('„', 3),
                0x98 => ('‘', 3),
                0x99 => ('’', 3),
                0xB9 => ('‹', 3),
                0xBA => ('›', 3),
                _ => {
                    i += 1;
                    continue;
                }
            },
            0xC2 if i + 1 < n && (bytes[i + 1] == 0xAB || bytes[i + 1] == 0xBB) => {
                (if bytes[i + 1] == 0xAB { '«' } else { '»' }, 2)
            }
            _ => {
                i += 1;
                continue;
            }
        };
        let prev = text[..i].chars().next_back();
        let next = text[i + len..].chars().next();
        let fam = match c {
            '"' | '“' | '”' | '„' | '«' | '»' => Fam::Double,
            _ => Fam::Single,
        };
        let prev_space = prev.is_none_or(|p| p.is_whitespace());
        let next_space = next.is_none_or(|p| p.is_whitespace());
        let left_ctx = prev.is_none_or(|p| {
            p.is_whitespace()
                || matches!(
                    p,
                    '(' | '[' | '{' | '<' | '—' | '–' | '-' | '/' | '*' | '_' | '>'
                )
                || is_quote_char(p)
        });
        let right_ctx = next.is_none_or(|p| {
            p.is_whitespace()
                || matches!(
                    p,
                    '.' | ','
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '>'
                        | '—'
                        | '–'
                        | '-'
                        | '/'
                        | '…'
                        | '*'
                        | '_'
                        | '<'
                )
                || is_quote_char(p)
        });
        let lf = left_ctx && !next_space;
        let rf = right_ctx && !prev_space;
        let role = match fam {
            Fam::Double => {
                if lf && !rf {
                    Role::Open
                } else if rf && !lf {
                    Role::Close
                } else {
                    match c {
                        '“' | '„' | '«' => Role::Open,
                        '”' | '»' => Role::Close,
                        _ => Role::Either,
                    }
                }
            }
            Fam::Single => {
                let p_alnum = prev.is_some_and(|p| p.is_alphanumeric());
                let n_alnum = next.is_some_and(|p| p.is_alphanumeric());
                // Between letters ("Russia’s", "don't") or before digits
                // ("'90s"): an apostrophe.
                if (p_alnum && n_alnum) || (lf && next.is_some_and(|p| p.is_ascii_digit())) {
                    Role::Apos
                } else if lf && !rf {
                    if c == '’' || elision_follows(&text[i + len..]) {
                        Role::Apos
                    } else {
                        Role::Open
                    }
                } else if rf && !lf {
                    Role::Close
                } else {
                    Role::Apos
                }
            }
        };
        let after_s = matches!(prev, Some('s') | Some('S'));
        out.push(Mark {
            pos: i,
            len,
            fam,
            role,
            after_s,
        });
        i += len;
    }
    out
}

/// A pair of marks (or an unclosed opening mark ended by its paragraph).
#[derive(Debug, Clone)]
pub(super) struct Pair {
    pub(super) open: usize,
    /// Byte range between the marks (untrimmed).
    pub(super) raw: Range<usize>,
    /// Offset just past the closing mark (= `raw.end` when unclosed).
    pub(super) close_end: usize,
    pub(super) inner: Vec<InnerPair>,
}

#[derive(Debug, Clone)]
pub(super) struct InnerPair {
    pub(super) open: usize,
    pub(super) raw: Range<usize>,
    pub(super) close_end: usize,
}

pub(super) struct OpenQuote {
    pub(super) mark: Mark,
    pub(super) inner: Vec<InnerPair>,
    pub(super) inner_open: Option<Mark>,
    /// Index in the mark list of the opening mark (for rewinding).
    pub(super) mark_idx: usize,
}

/// Is there another closing single mark ahead (before a new opening one) in
/// the same paragraph? Used to read `s’` as a possessive when the quote
/// closes later. Looks at no more than 64 marks.
pub(super) fn later_single_close(marks: &[Mark], from: usize, para_end: usize) -> bool {
    for m in marks.iter().skip(from).take(64) {
        if m.pos >= para_end {
            return false;
        }
        if m.fam != Fam::Single {
            continue;
        }
        match m.role {
            Role::Close if !m.after_s => return true,
            Role::Open => return false,
            _ => {}
        }
    }
    false
}

/// End the open quote `o`: its text runs to `raw_end`, its closing mark
/// (if any) to `close_end`. The pair is kept unless nothing but whitespace
/// lies between its marks: such a pair quotes nothing, and a run of opening
/// marks would otherwise cost a pair per mark.
pub(super) fn end_quote(
    text: &str,
    pairs: &mut Vec<Pair>,
    o: OpenQuote,
    raw_end: usize,
    close_end: usize,
) {
    let raw = o.mark.pos + o.mark.len..raw_end;
    if !text[raw.clone()].trim().is_empty() {
        pairs.push(Pair {
            open: o.mark.pos,
            raw,
            close_end,
            inner: o.inner,
        });
    }
}

/// Pair the marks paragraph by paragraph (see the module docs).
pub(super) fn pair_marks(text: &str, marks: &[Mark], paras: &[Range<usize>]) -> Vec<Pair> {
    let mut pairs = Vec::new();
    let mut cur: Option<OpenQuote> = None;
    let mut mi = 0usize;
    let mut skip: Option<usize> = None; // position of a consumed continuation mark
    let mut ignored: Option<usize> = None; // a stray single opener ignored on rewind
    let mut pi = 0usize;
    while pi < paras.len() {
        let para = paras[pi].clone();
        let para_first_mark = mi;
        while mi < marks.len() && marks[mi].pos < para.end {
            let m = marks[mi];
            let idx = mi;
            mi += 1;
            if m.pos < para.start || skip == Some(m.pos) || ignored == Some(m.pos) {
                continue;
            }
            match cur.as_mut() {
                None => {
                    let opens = match m.fam {
                        Fam::Double => matches!(m.role, Role::Open | Role::Either),
                        Fam::Single => m.role == Role::Open,
                    };
                    if opens {
                        cur = Some(OpenQuote {
                            mark: m,
                            inner: Vec::new(),
                            inner_open: None,
                            mark_idx: idx,
                        });
                    }
                }
                Some(o) if m.fam == o.mark.fam => {
                    let closes = match m.role {
                        Role::Close => {
                            !(m.fam == Fam::Single
                                && m.after_s
                                && later_single_close(marks, mi, para.end))
                        }
                        Role::Either => true,
                        _ => false,
                    };
                    if closes {
                        let o = cur.take().expect("open quote");
                        end_quote(text, &mut pairs, o, m.pos, m.pos + m.len);
                    } else if m.role == Role::Open {
                        if m.fam == Fam::Double {
                            // A new opening mark while one is open: the
                            // first was never closed; end it here.
                            let o = cur.take().expect("open quote");
                            end_quote(text, &mut pairs, o, m.pos, m.pos);
                        }
                        cur = Some(OpenQuote {
                            mark: m,
                            inner: Vec::new(),
                            inner_open: None,
                            mark_idx: idx,
                        });
                    }
                }
                Some(o) => {
                    // The other family: nested quotes.
                    match (o.inner_open, m.role) {
                        (None, Role::Open) | (None, Role::Either) => o.inner_open = Some(m),
                        (Some(_), Role::Open) => o.inner_open = Some(m),
                        (Some(io), Role::Close) | (Some(io), Role::Either) => {
                            let possessive = m.fam == Fam::Single
                                && m.after_s
                                && later_single_close(marks, mi, para.end);
                            if !possessive {
                                o.inner.push(InnerPair {
                                    open: io.pos,
                                    raw: io.pos + io.len..m.pos,
                                    close_end: m.pos + m.len,
                                });
                                o.inner_open = None;
                            }
                        }
                        _ => {}
                    }
                }
            }
        }
        // End of paragraph with a quote still open.
        if let Some(o) = cur.take() {
            if o.mark.fam == Fam::Single {
                // An unclosed single mark was most likely an apostrophe:
                // forget it and read the rest of the paragraph again.
                if ignored != Some(o.mark.pos) && o.mark.pos >= para.start {
                    ignored = Some(o.mark.pos);
                    mi = o.mark_idx + 1;
                    let _ = para_first_mark;
                    continue;
                }
            } else {
                let mut cont = false;
                if let Some(np) = paras.get(pi + 1) {
                    let first = text[np.start..].chars().next();
                    if first.is_some_and(|c| matches!(c, '“' | '„' | '«' | '"')) {
                        cont = true;
                        skip = Some(np.start);
                    } else if first.is_some_and(|c| c.is_lowercase()) {
                        cont = true;
                    } else {
                        // First double mark of the next paragraph closes?
                        for m in marks.iter().skip(mi).take(256) {
                            if m.pos >= np.end {
                                break;
                            }
                            if m.fam == Fam::Double {
                                cont = m.role == Role::Close;
                                break;
                            }
                        }
                    }
                }
                if cont {
                    cur = Some(OpenQuote {
                        inner_open: None,
                        ..o
                    });
                } else {
                    end_quote(text, &mut pairs, o, para.end, para.end);
                }
            }
        }
        pi += 1;
    }
    if let Some(o) = cur.take() {
        if o.mark.fam == Fam::Double {
            let end = text.len();
            end_quote(text, &mut pairs, o, end, end);
        }
    }
    pairs.sort_by_key(|p| p.open);
    pairs
}

/// Trim quoted text: whitespace at both ends; a trailing `,` `.` `;` `:`
/// inside the closing mark (but `...`, `?`, `!` stay).
pub(super) fn trim_quote(text: &str, r: Range<usize>) -> Range<usize> {
    let (mut s, mut e) = segment::trim_range(text, r.start, r.end);
    loop {
        let t = &text[s..e];
        if t.ends_with("...") || t.ends_with('…') {
            break;
        }
        match t.chars().next_back() {
            Some(c @ (',' | '.' | ';' | ':')) => {
                e -= c.len_utf8();
                let (s2, e2) = segment::trim_range(text, s, e);
                s = s2;
                e = e2;
            }
            _ => break,
        }
        if s >= e {
            break;
        }
    }
    s..e
}

pub(super) fn word_count(t: &str) -> usize {
    t.split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
        .count()
}
