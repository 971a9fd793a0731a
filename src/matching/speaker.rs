//! Speakers across articles: whether two names denote the same source
//! ("Bortnikov" / "Alexander Bortnikov", "Dzhokhar" / "Dzokhar", "CIA" /
//! "Central Intelligence Agency"), and whether two titles as written differ
//! materially.

use std::collections::HashMap;

use crate::extract::model::SpeakerKind;

use super::normalize::{for_each_token, is_stop_word, spelling_variant, stem};

/// A speaker name folded for comparison.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SpeakerName {
    /// Folded name words, honorifics and a leading "the" removed.
    pub words: Vec<String>,
    /// An unnamed source ("one source", "officials").
    pub anonymous: bool,
    /// A person (surname rules apply) rather than an organisation.
    pub person: bool,
}

/// Known alternative names, folded: alias → canonical name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Aliases {
    map: HashMap<String, String>,
}

impl Aliases {
    pub fn insert(&mut self, alias: &str, name: &str) {
        self.map.insert(fold(alias), fold(name));
    }

    fn resolve<'a>(&'a self, folded: &'a str) -> &'a str {
        self.map.get(folded).map_or(folded, String::as_str)
    }
}

fn fold(s: &str) -> String {
    let mut out = String::new();
    for_each_token(s, |t| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&t.norm);
    });
    out
}

const HONORIFICS: &[&str] = &[
    "gen",
    "general",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "prof",
    "sir",
    "lt",
    "col",
    "adm",
    "gov",
    "president",
    "the",
];

const NAME_SUFFIXES: &[&str] = &["jr", "sr", "ii", "iii", "iv"];

/// Words that open an unnamed source when the extractor did not say.
const ANONYMOUS_OPENERS: &[&str] = &[
    "a",
    "an",
    "one",
    "some",
    "several",
    "many",
    "our",
    "officials",
    "sources",
    "source",
    "people",
    "rumor",
    "rumors",
    "rumour",
    "rumours",
    "at",
    "two",
    "3",
    "2",
];

impl SpeakerName {
    /// Folds a speaker as extracted. `None` for an empty name.
    pub fn parse(name: &str, kind: Option<SpeakerKind>, aliases: &Aliases) -> Option<Self> {
        let folded = fold(name);
        let folded = aliases.resolve(&folded);
        let mut words: Vec<String> = folded.split(' ').map(str::to_owned).collect();
        let anonymous = match kind {
            Some(k) => k == SpeakerKind::Anonymous,
            None => words
                .first()
                .is_some_and(|w| ANONYMOUS_OPENERS.contains(&w.as_str())),
        };
        if !anonymous {
            while words.len() > 1 && HONORIFICS.contains(&words[0].as_str()) {
                words.remove(0);
            }
            while words.len() > 1 && NAME_SUFFIXES.contains(&words[words.len() - 1].as_str()) {
                words.pop();
            }
            for w in &mut words {
                if let Some(s) = w.strip_suffix("'s") {
                    *w = s.to_owned();
                }
            }
        }
        words.retain(|w| !w.is_empty());
        if words.is_empty() {
            return None;
        }
        let person = matches!(kind, Some(SpeakerKind::Person) | None);
        Some(SpeakerName {
            words,
            anonymous,
            person,
        })
    }

    /// First letters of the name's significant words: "federal security
    /// service" → "fss"; used to meet an acronym ("CIA").
    fn initials(&self) -> String {
        self.words
            .iter()
            .filter(|w| !is_stop_word(w))
            .filter_map(|w| w.chars().next())
            .collect()
    }
}

/// How two speakers relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SpeakerRelation {
    /// The same source.
    Same,
    /// Two different named sources.
    Different,
    /// One named, the other unnamed: the credit changed in kind.
    NamedVsAnonymous,
    /// Both unnamed: their descriptions vary too freely to compare.
    BothAnonymous,
    /// At least one side names nobody.
    Unknown,
}

fn words_close(a: &str, b: &str) -> bool {
    a == b || spelling_variant(a, b) || (a.len() >= 4 && strsim::jaro_winkler(a, b) >= 0.92)
}

fn first_names_agree(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (sa, sb) = (a.chars().count(), b.chars().count());
    if sa == 1 || sb == 1 {
        return a.chars().next() == b.chars().next();
    }
    strsim::jaro_winkler(a, b) >= 0.85
}

/// Whether `a` and `b` name the same source.
pub(crate) fn relate(a: Option<&SpeakerName>, b: Option<&SpeakerName>) -> SpeakerRelation {
    let (Some(a), Some(b)) = (a, b) else {
        return SpeakerRelation::Unknown;
    };
    match (a.anonymous, b.anonymous) {
        (true, true) => return SpeakerRelation::BothAnonymous,
        (true, false) | (false, true) => return SpeakerRelation::NamedVsAnonymous,
        _ => {}
    }
    if same_name(a, b) {
        SpeakerRelation::Same
    } else {
        SpeakerRelation::Different
    }
}

/// Name identity for named sources (also used for an outlet against a
/// speaker).
pub(crate) fn same_name(a: &SpeakerName, b: &SpeakerName) -> bool {
    if a.words == b.words {
        return true;
    }
    let (la, lb) = (a.words.len(), b.words.len());
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    // An acronym against a spelled-out name: "CIA" / "Central Intelligence Agency".
    if short.words.len() == 1 && long.words.len() >= 2 && short.words[0] == long.initials() {
        return true;
    }
    if a.person && b.person {
        let (sa, sb) = (&a.words[la - 1], &b.words[lb - 1]);
        if !words_close(sa, sb) {
            return false;
        }
        if la == 1 || lb == 1 {
            return true;
        }
        return first_names_agree(&a.words[0], &b.words[0]);
    }
    // Organisations: a one-word name met inside the other ("Kaspersky" /
    // "Kaspersky Lab"), or the same words in the same order up to spelling.
    if short.words.len() == 1 {
        return long.words.iter().any(|w| words_close(w, &short.words[0]));
    }
    la == lb && a.words.iter().zip(&b.words).all(|(x, y)| words_close(x, y))
}

/// Words that say when someone held a title, not what it is.
fn is_title_filler(w: &str) -> bool {
    matches!(
        w,
        "former"
            | "formerly"
            | "then"
            | "ex"
            | "currently"
            | "current"
            | "previously"
            | "later"
            | "now"
            | "who"
            | "was"
            | "is"
            | "also"
    )
}

fn title_stems(title: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for_each_token(title, |t| {
        // Years and spans ("in 2009-11", "from 2012 to 2017") say when.
        if is_stop_word(&t.norm)
            || is_title_filler(&t.norm)
            || t.norm.bytes().any(|b| b.is_ascii_digit())
        {
            return;
        }
        let s = crate::extract::lexicon::title_synonym(&t.norm).unwrap_or(stem(&t.norm));
        if !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    });
    out
}

/// Whether `w` is an acronym of consecutive words of `words` ("cia" of
/// "central intelligence agency", "doj" of "department justice").
fn acronym_of(w: &str, words: &[String]) -> bool {
    let n = w.len();
    if !(2..=6).contains(&n) || !w.bytes().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    words.windows(n).any(|run| {
        run.iter()
            .zip(w.bytes())
            .all(|(word, c)| word.as_bytes().first() == Some(&c))
    })
}

/// Words of `x` that say something `y` does not: no word of `y` is the
/// same up to spelling, and the word is no acronym of words of `y`.
fn unmatched(x: &[String], y: &[String]) -> usize {
    x.iter()
        .filter(|w| {
            !y.iter()
                .any(|v| v == *w || strsim::jaro_winkler(w, v) >= 0.9)
                && !acronym_of(w, y)
        })
        .count()
}

/// Whether two titles of one speaker conflict: each says something the
/// other does not ("the former CIA director" against "Director of
/// National Intelligence"). A title that says less than the other restates
/// it ("former assistant attorney general at the National Security
/// Division" within "assistant attorney general at the National Security
/// Division … in 2009-11 and the founder of Culper Partners"). Word order,
/// articles, "former"/"then", years, inflection, acronyms ("CIA" /
/// "Central Intelligence Agency") and synonyms of "head" do not count.
/// `a` and `b` may hold several titles of the speaker, as written in one
/// article, separated by "; ".
pub(crate) fn titles_differ(a: &str, b: &str) -> bool {
    let (sa, sb) = (title_stems(a), title_stems(b));
    if sa.is_empty() || sb.is_empty() {
        return false;
    }
    unmatched(&sa, &sb) > 0 && unmatched(&sb, &sa) > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(n: &str) -> SpeakerName {
        SpeakerName::parse(n, Some(SpeakerKind::Person), &Aliases::default()).unwrap()
    }

    fn org(n: &str) -> SpeakerName {
        SpeakerName::parse(n, Some(SpeakerKind::Organisation), &Aliases::default()).unwrap()
    }

    #[test]
    fn person_names() {
        let same = [
            ("Bortnikov", "Alexander Bortnikov"),
            ("Gen. Alexander Bortnikov", "Alexander Bortnikov"),
            ("Dzhokhar Tsarnaev", "Dzokhar Tsarnaev"),
            ("Donald J. Trump", "Donald Trump"),
            ("Dmitry Peskov", "Dmitri Peskov"),
            ("D. Trump", "Donald Trump"),
        ];
        for (a, b) in same {
            assert!(same_name(&person(a), &person(b)), "{a} = {b}");
        }
        let different = [
            ("Tamerlan Tsarnaev", "Dzhokhar Tsarnaev"),
            ("Vladimir Putin", "Donald Trump"),
            ("Alexander Bortnikov", "Alexander Sukharenko"),
        ];
        for (a, b) in different {
            assert!(!same_name(&person(a), &person(b)), "{a} != {b}");
        }
    }

    #[test]
    fn organisations_and_acronyms() {
        assert!(same_name(&org("CIA"), &org("Central Intelligence Agency")));
        assert!(same_name(&org("Kaspersky"), &org("Kaspersky Lab")));
        assert!(same_name(&org("The Daily Beast"), &org("Daily Beast")));
        assert!(!same_name(
            &org("The Daily Beast"),
            &org("The Washington Post")
        ));
    }

    #[test]
    fn aliases_resolve_before_comparing() {
        let mut aliases = Aliases::default();
        aliases.insert("Putin's top spy", "Alexander Bortnikov");
        let a = SpeakerName::parse("Putin’s Top Spy", Some(SpeakerKind::Person), &aliases);
        assert!(same_name(a.as_ref().unwrap(), &person("Bortnikov")));
    }

    #[test]
    fn relations() {
        let anon = SpeakerName::parse(
            "one source",
            Some(SpeakerKind::Anonymous),
            &Aliases::default(),
        );
        let ours = SpeakerName::parse("our sources", None, &Aliases::default());
        let named = person("Michael Daniel");
        assert_eq!(
            relate(anon.as_ref(), ours.as_ref()),
            SpeakerRelation::BothAnonymous
        );
        assert_eq!(
            relate(anon.as_ref(), Some(&named)),
            SpeakerRelation::NamedVsAnonymous
        );
        assert_eq!(relate(None, Some(&named)), SpeakerRelation::Unknown);
        assert_eq!(
            relate(Some(&named), Some(&person("Daniel"))),
            SpeakerRelation::Same
        );
        assert_eq!(
            relate(Some(&named), Some(&person("David Kris"))),
            SpeakerRelation::Different
        );
    }

    #[test]
    fn material_title_differences() {
        // Each side names an office the other does not.
        assert!(titles_differ(
            "the former CIA director",
            "the Director of National Intelligence"
        ));
        assert!(titles_differ("President", "Prime Minister"));
        assert!(titles_differ(
            "CEO of the Cyber Threat Alliance",
            "formerly the coordinator of cybersecurity strategy on the National Security Council"
        ));
        assert!(titles_differ(
            "spokesman for the FBI",
            "spokesman for the CIA"
        ));
    }

    #[test]
    fn compatible_restatements_of_a_title() {
        // A subset: one title says less.
        assert!(!titles_differ(
            "CEO of the Cyber Threat Alliance, who was coordinator of cybersecurity strategy on President Barack Obama’s National Security Council from 2012 to 2017",
            "formerly the coordinator of cybersecurity strategy on President Barack Obama’s National Security Council"
        ));
        // "former X" against "X in past years", with more roles on one side.
        assert!(!titles_differ(
            "assistant attorney general at the National Security Division of the Department of Justice in 2009-11 and the founder of Culper Partners consulting firm",
            "former assistant attorney general at the National Security Division of the Justice Department"
        ));
        // Acronyms and synonyms of "head".
        assert!(!titles_differ(
            "director of the CIA",
            "head of the Central Intelligence Agency"
        ));
        assert!(!titles_differ(
            "FBI director",
            "chief of the Federal Bureau of Investigation"
        ));
        assert!(!titles_differ(
            "head of Russia’s State Security Service, the FSB",
            "head of Russia's State Security Service, the FSB"
        ));
        assert!(!titles_differ(
            "Russian Foreign Minister",
            "Russia's Foreign Minister"
        ));
        assert!(!titles_differ("U.S. President", "President"));
        assert!(!titles_differ("Russian President", "President"));
    }
}
