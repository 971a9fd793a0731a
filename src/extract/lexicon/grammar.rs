//! Grammar words: the small closed classes (determiners, pronouns,
//! prepositions, auxiliaries, clause openers, name particles, abbreviations)
//! that the speaker and quote rules test words against. Like the lists in
//! `mod.rs`, each is one string of lower-case words separated by
//! whitespace, read into the speakers' word table once per process; the
//! few that are matched as prefixes or pairs are arrays.

/// Particles inside personal names ("Bashar al-Assad", "Ursula von der
/// Leyen"), matched exactly as written (lower case); "al-" is the particle
/// written apart from its name.
pub(crate) const NAME_PARTICLES: &str =
    "al el bin ibn de da di van von der den la le du dos del ben abu al-";

/// Particles joined by a hyphen to a capitalised name ("al-Assad",
/// "bin-Salman"): a word starting with one counts as capitalised.
pub(crate) const NAME_PARTICLE_PREFIXES: &[&str] = &[
    "al-", "el-", "ad-", "as-", "ash-", "at-", "ibn-", "bin-", "abu-",
];

/// The hyphenated particles that also join a run of capitalised words
/// ("Bashar al-Assad") and count as name particles themselves.
pub(crate) const RUN_PARTICLE_PREFIXES: &[&str] = &["al-", "el-"];

/// Auxiliary and modal verbs, with their negative contractions: the verb of
/// a that-less reported clause ("he said the plan would fail").
pub(crate) const AUXILIARIES: &str = "is was were are has have had will would could can may \
    might should must did does do won't wouldn't couldn't can't isn't wasn't weren't aren't \
    hasn't haven't hadn't didn't doesn't shall don't shouldn't";

/// Abbreviations that keep their full stop as part of the word ("Gen.",
/// "Inc.", "No."), so the stop does not end the token; the month
/// abbreviations come from the month table.
pub(crate) const DOT_ABBREVIATIONS: &str =
    "mr mrs ms dr prof gen lt col maj capt sgt adm cmdr cdr brig cpl pvt gov sen rep st mt rev \
    fr hon jr sr inc corp co ltd no vs lieut messrs mme supt det insp amb atty";

/// Ranks that tell a man's name ("Mr Smith", "Sir Keir").
pub(crate) const MALE_RANKS: &str = "mr sir lord";

/// Ranks that tell a woman's name ("Mrs Smith", "Dame Judi").
pub(crate) const FEMALE_RANKS: &str = "mrs ms miss dame lady";

/// Articles: where a description starts ("the Director of National
/// Intelligence").
pub(crate) const ARTICLES: &str = "the a an";

/// Determiners and possessives that end a noun-phrase body when they recur
/// inside it ("the official the …"), matched as written (lower case).
pub(crate) const NP_DETERMINERS: &str = "the a an his her their its our my your this these those";

/// Further determiners that, with [`NP_DETERMINERS`], make a following cue
/// word a noun ("that report", "no comment", "whose statement").
pub(crate) const NOUN_DETERMINERS: &str = "that no any every each such whose";

/// Definite determiners: a noun phrase opened by one is a definite
/// description ("the president", "its spokesman").
pub(crate) const DEFINITE_DETERMINERS: &str = "the his her its their";

/// Word pairs that quantify a noun phrase ("at least one source", "more
/// than a dozen officials").
pub(crate) const QUANTIFIER_PREFIXES: &[(&str, &str)] = &[
    ("at", "least"),
    ("at", "most"),
    ("more", "than"),
    ("fewer", "than"),
    ("less", "than"),
];

/// Prepositions that start a post-modifier of a named person ("Smith of
/// Reuters", "Jones at Harvard").
pub(crate) const PERSON_PP: &str = "of at from";

/// Prepositions that start a post-modifier of a definite description ("the
/// head of the agency").
pub(crate) const DEFINITE_PP: &str = "of at for";

/// Post-modifier starters that take a preposition of their own ("close to",
/// "familiar with", "briefed on").
pub(crate) const PP_ADJECTIVES: &str = "close familiar knowledgeable involved briefed";

/// Noun-phrase stop words that do not end a post-modifier ("officials
/// familiar with the talks", "sources close to the president and …").
pub(crate) const PP_CONTINUERS: &str = "of on for in at the and from with";

/// Date words that may precede a title without being part of it ("last
/// year Prime Minister …").
pub(crate) const DATE_WORDS: &str = "year week month day today yesterday";

/// Capitalised plural group nouns used for unnamed groups ("Republicans",
/// "Democrats", "Americans").
pub(crate) const GROUP_WORDS: &str =
    "republicans democrats conservatives liberals americans russians ukrainians europeans \
    germans britons israelis palestinians iranians chinese officials socialists tories \
    labourites westerners diplomats analysts experts critics sources";

/// Leading words of a clause that are not part of its subject ("And just
/// in September", "As", "Meanwhile").
pub(crate) const CLAUSE_OPENERS: &str =
    "and but or so yet as while when whereas although though because since if meanwhile \
    however also then now still indeed moreover instead even just thus after before once where \
    until unless";

/// Words after a subject's comma that start a clause, not an appositive
/// describing the subject ("Smith, who …", "Smith, according to …").
pub(crate) const NOT_APPOSITIVE: &str =
    "and but according adding who which as in on at when while after before although though \
    because since if";

/// Prepositions (besides [`crate::extract::lexicon::PP_STARTERS`]) whose
/// objects are not subjects ("to the minister", "against the plan").
pub(crate) const OBJECT_PREPOSITIONS: &str =
    "to by about than after before during since like with against over under between among";

/// Words (besides the articles) that open a description of the person
/// just named ("Smith, who …", "Smith, formerly of …").
pub(crate) const DESCRIPTION_OPENERS: &str = "who formerly former then";

/// Relative words that open a relative clause ("who said", "which").
pub(crate) const RELATIVES: &str = "who whose which that";

/// Cue verbs that attribute speech only with their particle, which then
/// belongs to the cue ("put it", "pointed out", "refers to"); sorted by
/// verb. ("According to" is its own kind of cue.)
pub(crate) const CUE_PARTICLES: &[(&str, &str)] = &[
    ("point", "out"),
    ("pointed", "out"),
    ("points", "out"),
    ("put", "it"),
    ("puts", "it"),
    ("putting", "it"),
    ("refer", "to"),
    ("referred", "to"),
    ("referring", "to"),
    ("refers", "to"),
];

/// The particle a cue verb needs ("it" for "puts"), given the verb in
/// lower case.
pub(crate) fn cue_particle(verb: &str) -> Option<&'static str> {
    let i = CUE_PARTICLES.binary_search_by(|(v, _)| v.cmp(&verb)).ok()?;
    Some(CUE_PARTICLES[i].1)
}

/// Mental-state and characterising verbs ("believes", "called", "asked"):
/// not speech before a that-clause.
pub(crate) const NOT_SPEECH_BEFORE_THAT: &str = "\
    believe believes believed think thinks thought fear fears feared worry worries worried \
    hope hopes hoped call calls called calling dub dubbed label labeled labelled brand branded \
    term termed dismiss dismissed describe describes described wonder wondered ask asks asked \
    asking read reads urge urged urges demand demanded demands charge charged accuse accused \
    echoed echo echoes articulated continue continued continues trumpeted recount summed post \
    posted posts tweet comment comments";

/// Subject pronouns, with "there": a clause that opens with one has its
/// own subject ("he said", "there is").
pub(crate) const SUBJECT_PRONOUNS: &str = "he she it they we i there";

/// Words that, with the [`ARTICLES`] and [`SUBJECT_PRONOUNS`], may open a
/// clause as (or before) its subject: possessives and demonstratives ("but
/// this report", "and their lawyer").
pub(crate) const CLAUSE_SUBJECT_STARTS: &str = "his her their its this that these those";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_particles_are_sorted() {
        assert!(CUE_PARTICLES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(cue_particle("puts"), Some("it"));
        assert_eq!(cue_particle("says"), None);
    }
}
