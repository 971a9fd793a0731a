//! Paragraph and sentence segmentation for English news prose.
//!
//! Everything here works on byte offsets into the original text and runs in
//! linear time. Sentence boundaries survive abbreviations (`Gen.`, `U.S.`,
//! `Dr.`, `Jan.`, `St.`), initials (`Donald J. Trump`) and quotation marks
//! that close a sentence (`… ready.” Then …`).

use std::ops::Range;

use crate::extract::lexicon::is_month_abbreviation;

/// Titles, ranks and other abbreviations after which a full stop never ends
/// a sentence (compared lower case, without the dot); so do the month
/// abbreviations of the lexicon's month table.
const ABBREV_NEVER_END: &[&str] = &[
    "mr", "mrs", "ms", "messrs", "mme", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt",
    "sgt", "adm", "cmdr", "cdr", "brig", "cpl", "pvt", "gov", "sen", "rep", "reps", "sens", "st",
    "ste", "mt", "ft", "rev", "fr", "hon", "pres", "supt", "det", "insp", "amb", "atty", "gens",
    "no", "nos", "vs", "v", "cf", "ca", "approx", "dept", "est", "fig", "vol", "pp", "pg", "ed",
    "eds", "univ", "assn", "bros", "gov't", "govt", "sr", "jr",
];

/// Abbreviations that may also end a sentence: a boundary only when the next
/// word is a typical sentence opener.
const ABBREV_MAY_END: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "etc", "al", "ave", "blvd", "rd",
];

/// Capitalised words that usually open a sentence (used to decide whether a
/// full stop after an ambiguous abbreviation such as `U.S.` ends one).
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "My",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "In",
    "On",
    "At",
    "For",
    "From",
    "With",
    "By",
    "To",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Although",
    "Though",
    "However",
    "Meanwhile",
    "Still",
    "Also",
    "Then",
    "Now",
    "Some",
    "Many",
    "Most",
    "All",
    "One",
    "Both",
    "Each",
    "No",
    "Not",
    "Only",
    "Even",
    "What",
    "Which",
    "Who",
    "Why",
    "How",
    "Where",
    "During",
    "Under",
    "Over",
    "According",
    "Later",
    "Earlier",
    "Despite",
    "Instead",
    "Indeed",
    "Moreover",
    "Such",
    "Another",
    "Other",
    "Last",
    "Next",
    "Among",
    "Because",
    "Until",
    "Unlike",
    "Like",
    "Given",
    "Asked",
];

/// Is `c` a closing quotation mark or bracket that may follow a sentence's
/// final punctuation (`.”`, `?)`)?
pub fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›' | '*' | '_'
    )
}

/// Is `c` an opening quotation mark or bracket?
pub fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '‘' | '(' | '[' | '{' | '«' | '‹' | '„' | '*' | '_'
    )
}

/// Paragraphs of `text`, as trimmed byte ranges in order.
///
/// A paragraph is a line (news text puts one paragraph on a line). Blank
/// lines separate paragraphs too. Hard-wrapped text is tolerated: a single
/// line break joins two lines into one paragraph when the first line does
/// not end a sentence and the next line starts with a lower-case letter.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut line_start = 0;
    // Whether the previous non-blank line was directly before this one.
    let mut prev_adjacent = false;
    let mut i = 0;
    loop {
        let line_end = match memchr_nl(bytes, i) {
            Some(p) => p,
            None => bytes.len(),
        };
        let (s, e) = trim_range(text, line_start, line_end);
        if s < e {
            let joined = if prev_adjacent {
                if let Some(last) = out.last_mut() {
                    if should_join(text, last.clone(), s) {
                        last.end = e;
                        true
                    } else {
                        false
                    }
                } else {
                    false
                }
            } else {
                false
            };
            if !joined {
                out.push(s..e);
            }
            prev_adjacent = true;
        } else {
            prev_adjacent = false;
        }
        if line_end >= bytes.len() {
            break;
        }
        i = line_end + 1;
        line_start = i;
    }
    out
}

fn memchr_nl(bytes: &[u8], from: usize) -> Option<usize> {
    bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b'\n')
        .map(|p| p + from)
}

/// Join a line to the previous paragraph (hard-wrapped text)?
fn should_join(text: &str, prev: Range<usize>, next_start: usize) -> bool {
    let last = text[prev.clone()].chars().next_back();
    let first = text[next_start..].chars().next();
    match (last, first) {
        (Some(l), Some(f)) => {
            !matches!(
                l,
                '.' | '!' | '?' | ':' | '"' | '”' | '’' | '\'' | ')' | ']' | '…' | '*' | '|' | '>'
            ) && f.is_lowercase()
        }
        _ => false,
    }
}

/// Trim Unicode whitespace from both ends of `text[s..e]`.
pub fn trim_range(text: &str, s: usize, e: usize) -> (usize, usize) {
    let slice = &text[s..e];
    let t = slice.trim_start();
    let s2 = s + (slice.len() - t.len());
    let t2 = t.trim_end();
    (s2, s2 + t2.len())
}

/// Sentences of `text` as trimmed byte ranges in order. Each sentence lies
/// inside one paragraph.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in paragraphs(text) {
        sentences_in(text, p, &mut out);
    }
    out
}

/// Append the sentences of the paragraph `para` to `out`.
pub fn sentences_in(text: &str, para: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = para.start;
    let bytes = text.as_bytes();
    let mut i = para.start;
    while i < para.end {
        let b = bytes[i];
        let is_term =
            b == b'.' || b == b'!' || b == b'?' || (b == 0xE2 && text[i..].starts_with('…'));
        if is_term {
            if let Some(end) = sentence_end_at(text, i, para.end) {
                let (s, e) = trim_range(text, start, end);
                if s < e {
                    out.push(s..e);
                }
                start = end;
                i = end;
                continue;
            }
        }
        i += 1;
    }
    let (s, e) = trim_range(text, start, para.end);
    if s < e {
        out.push(s..e);
    }
}

/// If the terminator (`.`, `!`, `?`, `…`) at byte `i` ends a sentence within
/// `text[..limit]`, the byte offset just past it and any closing marks.
pub fn sentence_end_at(text: &str, i: usize, limit: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let limit = limit.min(text.len());
    if i >= limit {
        return None;
    }
    let first = text[i..].chars().next()?;
    let mut j = i + first.len_utf8();
    // Runs of terminators ("?!", "...").
    while j < limit {
        let c = text[j..].chars().next()?;
        if matches!(c, '.' | '!' | '?' | '…') {
            j += c.len_utf8();
        } else {
            break;
        }
    }
    let term_run = &text[i..j];
    let mut after_closers = j;
    while after_closers < limit {
        let c = text[after_closers..].chars().next()?;
        if is_closer(c) {
            after_closers += c.len_utf8();
        } else {
            break;
        }
    }
    if after_closers >= limit {
        return Some(limit);
    }
    let next = text[after_closers..].chars().next()?;
    if !next.is_whitespace() {
        return None;
    }
    // Next visible character.
    let rest = &text[after_closers..limit];
    let trimmed = rest.trim_start();
    if trimmed.is_empty() {
        return Some(limit);
    }
    let nc = trimmed.chars().next()?;
    if nc.is_lowercase() {
        return None;
    }
    if first == '.' && term_run == "." && after_closers == j {
        // A lone full stop right after a word: check for abbreviations.
        let word = word_before(text, i);
        if !word.is_empty() && !full_stop_ends_sentence(word, trimmed) {
            return None;
        }
    }
    let _ = bytes;
    Some(after_closers)
}

/// The word (letters, digits, dots, apostrophes) that ends right before byte
/// `i`.
fn word_before(text: &str, i: usize) -> &str {
    let head = &text[..i];
    let mut s = i;
    for (k, c) in head.char_indices().rev() {
        if c.is_alphanumeric() || c == '.' || c == '\'' || c == '’' {
            s = k;
        } else {
            break;
        }
        if i - k > 40 {
            break;
        }
    }
    &text[s..i]
}

/// Does a full stop after `word` end the sentence, given the text that
/// follows (`next`, starting at the next visible character)?
pub fn full_stop_ends_sentence(word: &str, next: &str) -> bool {
    let next_word: &str = {
        let end = next
            .char_indices()
            .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
            .map(|(k, _)| k)
            .unwrap_or(next.len());
        &next[..end]
    };
    let next_is_opener = SENTENCE_OPENERS.contains(&next_word);
    let next_starts_digit = next.chars().next().is_some_and(|c| c.is_ascii_digit());
    let lower = word.to_lowercase();
    let bare = lower.trim_start_matches(['\'', '’']);
    // Single capital letter: an initial ("Donald J. Trump").
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return next_is_opener;
        }
    }
    if ABBREV_NEVER_END.contains(&bare) || is_month_abbreviation(bare) {
        // "No. 5", "Jan. 5", "Gen. Smith": never; but "no." as a plain word
        // ("she said no.") ends a sentence when followed by an opener.
        if bare == "no" || bare == "v" {
            return !next_starts_digit && next_is_opener;
        }
        return false;
    }
    if ABBREV_MAY_END.contains(&bare) {
        return next_is_opener;
    }
    // Dotted abbreviations: U.S., U.K., a.m., D.C.
    if word.contains('.') {
        return next_is_opener;
    }
    true
}

/// Index of the sentence (in `sents`, sorted) that contains byte `pos`, or
/// the last sentence starting before it.
pub fn sentence_index(sents: &[Range<usize>], pos: usize) -> Option<usize> {
    let k = sents.partition_point(|r| r.start <= pos);
    if k == 0 {
        None
    } else {
        Some(k - 1)
    }
}

/// Index of the paragraph (in `paras`, sorted) that contains byte `pos`, or
/// the last one starting before it.
pub fn paragraph_index(paras: &[Range<usize>], pos: usize) -> Option<usize> {
    sentence_index(paras, pos)
}

/// Scan forward from `from` for the end of the sentence, stopping at
/// `limit`. Returns the offset of the terminator (exclusive of it), so the
/// returned range `from..end` holds the sentence text without its final
/// punctuation and closing marks.
pub fn next_sentence_end(text: &str, from: usize, limit: usize) -> usize {
    let limit = limit.min(text.len());
    let bytes = text.as_bytes();
    let mut i = from;
    while i < limit {
        let b = bytes[i];
        if b == b'\n' {
            return i;
        }
        if (b == b'.' || b == b'!' || b == b'?' || (b == 0xE2 && text[i..].starts_with('…')))
            && sentence_end_at(text, i, limit).is_some()
        {
            return i;
        }
        i += 1;
    }
    limit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        let cases: &[(&str, usize)] = &[
            ("Gen. Alexander Bortnikov spoke. He left.", 2),
            ("The U.S. and Russia met. They talked.", 2),
            ("He returned to the U.S. The trip was long.", 2),
            ("Dr. Smith met Mr. Jones on Jan. 5 in St. Petersburg.", 1),
            ("President Donald J. Trump said so. Then he left.", 2),
            ("It was No. 5 on the list. Really.", 2),
            ("“We are ready.” Then he left.", 2),
            ("“Why?” he asked. Nobody knew.", 2),
            ("Wait... What happened?", 2),
            ("He works at Apple Inc. The company grew.", 2),
            ("He works at Apple Inc. in Cupertino.", 1),
            ("Prices rose 3.5 percent. Then fell.", 2),
        ];
        for (t, n) in cases {
            assert_eq!(sents(t).len(), *n, "{t:?} -> {:?}", sents(t));
        }
    }

    #[test]
    fn paragraphs_split_on_lines_and_join_hard_wraps() {
        let t = "First para.\n\nSecond para\nwrapped here.\nThird.";
        let p: Vec<&str> = paragraphs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            p,
            vec!["First para.", "Second para\nwrapped here.", "Third."]
        );
    }

    #[test]
    fn next_end() {
        let t = "said Gen. Alexander Bortnikov, noting it. Next";
        let e = next_sentence_end(t, 0, t.len());
        assert_eq!(&t[..e], "said Gen. Alexander Bortnikov, noting it");
    }
}
