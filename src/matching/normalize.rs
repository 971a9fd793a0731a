//! Text normalisation for matching: word tokens with their byte spans,
//! folded so that typographic variants compare equal, plus the small
//! helpers built on them (stems, stop words, hashes, squashed strings).
//!
//! Folding rules, each because outlets differ on it without changing what
//! was said:
//! - case, and curly against straight quotation marks and apostrophes;
//! - hyphens inside a word are dropped ("cyber-security" → "cybersecurity");
//!   spaced compounds ("cyber security") are caught by the squashed form;
//! - dots inside abbreviations ("U.S." → "us"), thousands separators
//!   ("3,000" → "3000");
//! - contractions are expanded ("can't" → "can not", "we're" → "we are");
//! - number words up to twenty become digits ("three" → "3"), "&" → "and",
//!   "%" → "percent";
//! - words inside square brackets are editorial insertions, flagged so that
//!   quote comparison can skip them; an ellipsis marks an omission.

/// One word token of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte offset of the token's first byte in the tokenised text.
    pub start: usize,
    /// Byte offset one past its last byte.
    pub end: usize,
    /// The folded form.
    pub norm: String,
    /// Inside square brackets: words an editor inserted into a quote.
    pub editorial: bool,
    /// An ellipsis (an omission) stands right before this token.
    pub after_ellipsis: bool,
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ' | '‘' | '`')
}

fn is_joining_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// The char at byte `pos` of `text` and its length; ASCII without decoding.
#[inline]
fn char_at(text: &str, pos: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(pos)?;
    if b < 0x80 {
        return Some((b as char, 1));
    }
    text[pos..].chars().next().map(|c| (c, c.len_utf8()))
}

/// Calls `emit` for each word token of `text`, in order, with its folded
/// form. The callback form lets hot paths hash tokens without allocating.
pub(crate) fn for_each_token(text: &str, mut emit: impl FnMut(&Token)) {
    let n = text.len();
    let mut i = 0;
    let mut bracket_depth = 0usize;
    let mut pending_ellipsis = false;
    let mut tok = Token {
        start: 0,
        end: 0,
        norm: String::new(),
        editorial: false,
        after_ellipsis: false,
    };
    let mut word = String::new();
    while let Some((c, clen)) = char_at(text, i) {
        if c.is_alphanumeric() {
            // Scan one word, with joiners inside it.
            let start = i;
            word.clear();
            let mut j = i;
            let mut prev = c;
            let mut seg_len = 0usize; // letters since the last abbreviation dot
            while let Some((c, len)) = char_at(text, j) {
                if c.is_ascii_alphanumeric() {
                    word.push(c.to_ascii_lowercase());
                } else if c.is_alphanumeric() {
                    word.extend(c.to_lowercase());
                } else {
                    let next = char_at(text, j + len).map(|p| p.0);
                    let next_alnum = next.is_some_and(char::is_alphanumeric);
                    if is_apostrophe(c) && prev.is_alphanumeric() && next_alnum {
                        word.push('\'');
                    } else if is_joining_hyphen(c) && prev.is_alphanumeric() && next_alnum {
                    } else if (c == ',' || c == '.')
                        && prev.is_ascii_digit()
                        && next.is_some_and(|c| c.is_ascii_digit())
                    {
                        if c == '.' {
                            word.push('.');
                        }
                    } else if c == '.' && seg_len == 1 && prev.is_alphabetic() {
                        // "U.S." / "D.C.": a dot after a single letter.
                        seg_len = 0;
                        j += len;
                        prev = c;
                        if !next_alnum {
                            break;
                        }
                        continue;
                    } else {
                        break;
                    }
                    prev = c;
                    j += len;
                    continue;
                }
                seg_len += 1;
                prev = c;
                j += len;
            }
            tok.start = start;
            tok.end = j.min(n);
            tok.editorial = bracket_depth > 0;
            tok.after_ellipsis = pending_ellipsis;
            pending_ellipsis = false;
            emit_word(&word, &mut tok, &mut emit);
            i = j;
            continue;
        }
        match c {
            '[' => bracket_depth += 1,
            ']' => bracket_depth = bracket_depth.saturating_sub(1),
            '…' => pending_ellipsis = true,
            '.' if text.as_bytes().get(i + 1) == Some(&b'.') => {
                pending_ellipsis = true;
                while text.as_bytes().get(i + 1) == Some(&b'.') {
                    i += 1;
                }
            }
            '&' | '%' => {
                tok.start = i;
                tok.end = i + clen;
                tok.editorial = bracket_depth > 0;
                tok.after_ellipsis = pending_ellipsis;
                pending_ellipsis = false;
                tok.norm.clear();
                tok.norm.push_str(if c == '&' { "and" } else { "percent" });
                emit(&tok);
            }
            _ => {}
        }
        i += clen;
    }
}

/// Emits one scanned word, expanding contractions and number words.
fn emit_word(word: &str, tok: &mut Token, emit: &mut impl FnMut(&Token)) {
    let mut put = |s: &str, tok: &mut Token, first: bool| {
        tok.norm.clear();
        tok.norm.push_str(s);
        if !first {
            tok.after_ellipsis = false;
        }
        emit(tok);
    };
    if let Some(base) = word.strip_suffix("n't") {
        let base = match base {
            "ca" => "can",
            "wo" => "will",
            "sha" => "shall",
            "ai" => "is",
            b => b,
        };
        put(base, tok, true);
        put("not", tok, false);
        return;
    }
    if let Some((base, suffix)) = word.rsplit_once('\'') {
        let expanded = match suffix {
            "re" => Some("are"),
            "ve" => Some("have"),
            "ll" => Some("will"),
            "m" => Some("am"),
            "d" => Some("would"),
            "s" if matches!(
                base,
                "it" | "he" | "she" | "that" | "what" | "there" | "here" | "who" | "where"
            ) =>
            {
                Some("is")
            }
            _ => None,
        };
        if let Some(e) = expanded {
            put(base, tok, true);
            put(e, tok, false);
            return;
        }
    }
    if word == "cannot" {
        put("can", tok, true);
        put("not", tok, false);
        return;
    }
    put(number_word(word).unwrap_or(word), tok, true);
}

/// Digits for a number word, so "three billion" and "3 billion" agree.
fn number_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "zero" => "0",
        "one" => "1",
        "two" => "2",
        "three" => "3",
        "four" => "4",
        "five" => "5",
        "six" => "6",
        "seven" => "7",
        "eight" => "8",
        "nine" => "9",
        "ten" => "10",
        "eleven" => "11",
        "twelve" => "12",
        "thirteen" => "13",
        "fourteen" => "14",
        "fifteen" => "15",
        "sixteen" => "16",
        "seventeen" => "17",
        "eighteen" => "18",
        "nineteen" => "19",
        "twenty" => "20",
        _ => return None,
    })
}

/// All tokens of `text`.
pub(crate) fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    for_each_token(text, |t| out.push(t.clone()));
    out
}

/// The folded words of `text` joined by single spaces: the normal form used
/// for display-independent equality ("Cyber-Security!" → "cybersecurity").
pub fn normalize(text: &str) -> String {
    let mut out = String::new();
    for_each_token(text, |t| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.norm);
    });
    out
}

/// 64-bit FNV-1a: stable across runs and platforms, so keys and token ids
/// can be stored. (std's `DefaultHasher` is not guaranteed stable.)
pub(crate) fn hash_str(s: &str) -> u64 {
    hash_bytes(0xcbf2_9ce4_8422_2325, s.as_bytes())
}

/// FNV-1a continued from `seed`.
pub(crate) fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    let mut h = seed;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    // A final mix so that the high bits (used for index buckets) are good.
    mix64(h)
}

/// A 64-bit finaliser (splitmix64).
pub(crate) fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// English function words: ignored in subjects, titles and content overlap.
pub(crate) fn is_stop_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "about"
            | "after"
            | "against"
            | "all"
            | "also"
            | "am"
            | "an"
            | "and"
            | "any"
            | "are"
            | "as"
            | "at"
            | "be"
            | "been"
            | "before"
            | "being"
            | "both"
            | "but"
            | "by"
            | "can"
            | "could"
            | "did"
            | "do"
            | "does"
            | "for"
            | "from"
            | "had"
            | "has"
            | "have"
            | "he"
            | "her"
            | "here"
            | "him"
            | "his"
            | "how"
            | "i"
            | "if"
            | "in"
            | "into"
            | "is"
            | "it"
            | "its"
            | "it's"
            | "may"
            | "me"
            | "might"
            | "more"
            | "most"
            | "much"
            | "must"
            | "my"
            | "no"
            | "not"
            | "now"
            | "of"
            | "on"
            | "once"
            | "one"
            | "only"
            | "or"
            | "other"
            | "our"
            | "out"
            | "over"
            | "said"
            | "says"
            | "say"
            | "shall"
            | "she"
            | "should"
            | "so"
            | "some"
            | "such"
            | "than"
            | "that"
            | "the"
            | "their"
            | "them"
            | "then"
            | "there"
            | "these"
            | "they"
            | "this"
            | "those"
            | "to"
            | "told"
            | "too"
            | "up"
            | "us"
            | "very"
            | "was"
            | "we"
            | "were"
            | "what"
            | "when"
            | "where"
            | "which"
            | "while"
            | "who"
            | "whom"
            | "why"
            | "will"
            | "with"
            | "would"
            | "you"
            | "your"
    )
}

/// A crude stem: plural "s" dropped, then cut to five characters. Good
/// enough to make "stole"/"stolen", "Russia"/"Russian", "bank"/"banks"
/// meet when comparing what a figure or a title is about.
pub(crate) fn stem(w: &str) -> &str {
    let w = w.strip_suffix("'s").unwrap_or(w);
    let w = if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        &w[..w.len() - 1]
    } else {
        w
    };
    match w.char_indices().nth(5) {
        Some((i, _)) => &w[..i],
        None => w,
    }
}

/// True when a word is a number (digits, possibly with a decimal point).
pub(crate) fn is_numeric(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || c == '.')
}

/// Edit distance of at most one between two words long enough that such a
/// difference is a spelling variant ("analyze"/"analyse", "Dzhokhar"/
/// "Dzokhar"), not a different word.
pub(crate) fn spelling_variant(a: &str, b: &str) -> bool {
    a == b || (a.chars().count() >= 7 && b.chars().count() >= 7 && strsim::levenshtein(a, b) <= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(s: &str) -> Vec<String> {
        tokens(s).into_iter().map(|t| t.norm).collect()
    }

    #[test]
    fn folds_case_marks_and_hyphens() {
        for (a, b) in [
            ("Cyber-Security", "cybersecurity"),
            ("“We’re ready,” he said.", "\"we are ready\" he said"),
            ("It's U.S. policy", "it is us policy"),
            ("He can't and won't", "he can not and will not"),
            ("three billion", "3 billion"),
            ("3,000 people", "3000 people"),
            ("Putin & I", "putin and i"),
            ("on-going", "ongoing"),
            ("$9.4 million", "9.4 million"),
        ] {
            assert_eq!(normalize(a), normalize(b), "{a:?} vs {b:?}");
        }
        assert_eq!(normalize("Russia’s FSB"), "russia's fsb");
    }

    #[test]
    fn token_spans_point_into_the_text() {
        let text = "Gen. Alexander Bortnikov, the FSB's chief — “cyber-security”.";
        for t in tokens(text) {
            assert!(!text[t.start..t.end].is_empty());
        }
        assert_eq!(
            norms(text),
            [
                "gen",
                "alexander",
                "bortnikov",
                "the",
                "fsb's",
                "chief",
                "cybersecurity"
            ]
        );
    }

    #[test]
    fn brackets_are_editorial_and_ellipsis_marks_a_break() {
        let toks = tokens("a ceasefire [in Syria] can... and did");
        let flags: Vec<(String, bool, bool)> = toks
            .into_iter()
            .map(|t| (t.norm, t.editorial, t.after_ellipsis))
            .collect();
        assert_eq!(
            flags,
            [
                ("a".into(), false, false),
                ("ceasefire".into(), false, false),
                ("in".into(), true, false),
                ("syria".into(), true, false),
                ("can".into(), false, false),
                ("and".into(), false, true),
                ("did".into(), false, false),
            ]
        );
    }

    #[test]
    fn stems_meet_across_inflections() {
        assert_eq!(stem("stolen"), stem("stole"));
        assert_eq!(stem("russian"), stem("russia"));
        assert_eq!(stem("banks"), stem("bank"));
        assert_ne!(stem("lurk"), stem("bank"));
    }

    #[test]
    fn spelling_variants() {
        assert!(spelling_variant("dzhokhar", "dzokhar"));
        assert!(spelling_variant("analyze", "analyse"));
        assert!(!spelling_variant("now", "not"));
    }
}
