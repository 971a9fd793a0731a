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
    particle_of(CUE_PARTICLES, verb)
}

/// Speech verbs with the particle that belongs to the cue when it follows
/// ("summed up", "spoke out", "hit back"), sorted by verb. Unlike
/// [`CUE_PARTICLES`], the verb is a cue without it too.
pub(crate) const PHRASAL_CUES: &[(&str, &str)] = &[
    ("fired", "back"),
    ("fires", "back"),
    ("hit", "back"),
    ("hits", "back"),
    ("laid", "out"),
    ("lays", "out"),
    ("shoots", "back"),
    ("shot", "back"),
    ("speaks", "out"),
    ("spelled", "out"),
    ("spells", "out"),
    ("spoke", "out"),
    ("sum", "up"),
    ("summed", "up"),
    ("sums", "up"),
];

/// The particle that joins `verb` in a phrasal cue ("summed" → "up").
pub(crate) fn phrasal_particle(verb: &str) -> Option<&'static str> {
    particle_of(PHRASAL_CUES, verb)
}

/// The particle of `verb` in a sorted (verb, particle) table.
fn particle_of(table: &[(&str, &'static str)], verb: &str) -> Option<&'static str> {
    let i = table.binary_search_by(|(v, _)| v.cmp(&verb)).ok()?;
    Some(table[i].1)
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

// ---- Word lists of the quote rules ----

/// Perfect auxiliaries, matched as written: kept with the cue verb they
/// precede ("has mused"); with "also" and "then", skipped on the way to the
/// verb after a subject.
pub(crate) const PERFECT_AUXILIARIES: &str = "has have had";

/// Small words that may stay lower case in the title of a work ("The Art
/// of the Deal"), compared lower-cased.
pub(crate) const TITLE_SMALL_WORDS: &str = "a an the of and or in on at to for with by from";

/// Words after which marks hold the name of a thing, not speech
/// ("titled “…”", "dubbed “…”"), compared lower-cased.
pub(crate) const WORK_TITLE_INTRODUCERS: &str = "titled entitled called named dubbed headlined";

/// Relative words that, before a cue in its own clause, stand for
/// something else than the speaker ("a report …, which suggested"),
/// compared lower-cased.
pub(crate) const CLAUSE_RELATIVES: &str = "which that who whom";

/// Words before a cue verb that coordinate it with an earlier one, so it
/// shares that verb's speaker ("X said “…,” but conceded"), compared
/// lower-cased.
pub(crate) const COORDINATED_CUE_LINKS: &str = "and but or then also later";

/// Starts of the short time or place phrase that may follow the cue of a
/// sentence-final attribution ("…, officials said on Monday."), compared
/// lower-cased.
pub(crate) const TAIL_ADJUNCT_STARTS: &str =
    "in on at last this earlier during via monday tuesday wednesday thursday friday saturday \
    sunday yesterday today late early recently previously afterward afterwards later";

/// Words after "for" that make it a time span in the gap between a cue
/// and "that" ("argued for years that"), compared lower-cased.
pub(crate) const FOR_SPANS: &str = "years months weeks days decades some a long";

/// Verb-like words that, in the gap between a cue and "that", show another
/// clause ("added to the list were"), compared lower-cased.
pub(crate) const GAP_VERB_WORDS: &str = "is was were are has have had be been by and will would";

/// Title-case cue verbs of a headline ("Minister Says …"), matched exactly
/// as written (capitalised).
pub(crate) const HEADLINE_CUES: &str = "Says Said Warns Claims Tells";

/// Words elided with a leading apostrophe ('em, 'til, 'n'), whose
/// apostrophe is not a quotation mark; compared lower-cased.
pub(crate) const ELISIONS: &str = "em til cause n tis twas bout nuff cept round s";

/// Head nouns of a generic organisation speaker ("the company", "the
/// bank") that stand for the organisation last named; compared lower-cased.
pub(crate) const GENERIC_ORG_NOUNS: &str =
    "company firm group retailer utility bank startup carrier";

/// Title nouns that name one person ("the president", "the coach"), so a
/// definite description with one refers back to a named person; matched as
/// written (lower case).
pub(crate) const SPECIFIC_TITLES: &str =
    "president minister mayor governor senator chancellor secretary ambassador director premier \
    king queen prince pope chairman chairwoman ceo judge prosecutor commissioner leader \
    general coach manager editor founder sheriff";

/// Determiners and possessives that open the subject of a reported clause
/// after a time phrase ("said on Monday the …"), compared lower-cased.
pub(crate) const CLAUSE_DETERMINERS: &str = "the a an this these those his her their its";

/// Starts of a time or place phrase between a speech verb and its
/// reported clause ("said on Monday it was"), compared lower-cased.
pub(crate) const SAID_ADJUNCT_STARTS: &str =
    "on in at last this late early earlier during yesterday today tonight monday tuesday \
    wednesday thursday friday saturday sunday later recently";

/// Determiners and possessives that may open the reported clause after a
/// tell-verb's listener ("told reporters the matter was"), compared
/// lower-cased.
pub(crate) const LISTENER_DETERMINERS: &str =
    "the a an this that these those his her their its some no";

/// Words that, between a speech verb and an auxiliary, show the auxiliary
/// belongs to another clause ("said that", "said to"), compared lower-cased.
pub(crate) const CLAUSE_LINKS: &str = "that which who to and or but if whether when because";

/// Determiners after which a word in "-ed" is not a past-tense verb ("said
/// the … the revised plan"), compared lower-cased.
pub(crate) const PAST_VERB_DETERMINERS: &str = "the a an its their his her this these";

/// Words that may stand before a leading "according to" ("But, according
/// to …"), compared lower-cased with commas trimmed.
pub(crate) const ACCORDING_OPENERS: &str = "and but so yet or however still also then now indeed";

/// Words before a noun phrase that keep it from being a verb's object
/// (before a that-clause), compared lower-cased.
pub(crate) const NOT_NOUN_OBJECT_BEFORE: &str = "is was were are been be of with and but there";

/// Verbs of issuing ("released a statement that"): with a noun phrase of
/// speech after them, a cue; compared lower-cased.
pub(crate) const RELEASE_VERBS: &str = "made issued released gave offered published makes issues";

/// Auxiliaries and modals right after "that" that make it open a relative
/// clause ("allegations that have dogged"), not reported content; compared
/// lower-cased.
pub(crate) const THAT_AUXILIARIES: &str =
    "is was were are has have had will would could can may might should must";

/// Starts of a prepositional or time phrase allowed in the gap between a
/// cue and "that" ("said on Monday that", "warned repeatedly that"),
/// compared lower-cased.
pub(crate) const GAP_ADJUNCT_STARTS: &str =
    "in on at to during via over through last this earlier later recently publicly privately \
    yesterday today monday tuesday wednesday thursday friday saturday sunday repeatedly again \
    separately previously before after back out once";

/// Nouns of works and named things ("his book “…”", "the law “…”"): marks
/// after one hold a title, not speech; compared lower-cased.
pub(crate) const WORK_NOUNS: &str =
    "book film movie song album show series article essay documentary play novel poem column \
    op-ed piece podcast program programme headline memoir exhibition campaign operation \
    project law act bill doctrine";

/// Is `w`, exactly as written, one of the words of `list` (one of the
/// whitespace-separated lists above)? Callers lower-case `w` first when
/// the list is compared lower-cased.
pub(crate) fn is_one_of(list: &str, w: &str) -> bool {
    list.split_whitespace().any(|x| x == w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_particles_are_sorted() {
        assert!(CUE_PARTICLES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(cue_particle("puts"), Some("it"));
        assert_eq!(cue_particle("says"), None);
        assert!(PHRASAL_CUES.windows(2).all(|w| w[0].0 < w[1].0));
        assert_eq!(phrasal_particle("summed"), Some("up"));
    }
}
