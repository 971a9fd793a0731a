//! Unit tests of `extract::quotes`: small sentences, one rule each (more
//! in `tests_more.rs`).

use super::*;

/// What a test expects of one quote; `None` fields are not checked.
pub(super) struct Want {
    text: &'static str,
    kind: Option<QuoteKind>,
    speaker: Option<Option<&'static str>>,
    title: Option<Option<&'static str>>,
    skind: Option<SpeakerKind>,
    cue: Option<Option<&'static str>>,
    via: Option<Option<&'static str>>,
}

pub(super) fn want(text: &'static str) -> Want {
    Want {
        text,
        kind: None,
        speaker: None,
        title: None,
        skind: None,
        cue: None,
        via: None,
    }
}

impl Want {
    pub(super) fn kind(mut self, k: QuoteKind) -> Self {
        self.kind = Some(k);
        self
    }
    pub(super) fn speaker(mut self, s: Option<&'static str>) -> Self {
        self.speaker = Some(s);
        self
    }
    pub(super) fn title(mut self, s: Option<&'static str>) -> Self {
        self.title = Some(s);
        self
    }
    pub(super) fn skind(mut self, k: SpeakerKind) -> Self {
        self.skind = Some(k);
        self
    }
    pub(super) fn cue(mut self, s: Option<&'static str>) -> Self {
        self.cue = Some(s);
        self
    }
    pub(super) fn via(mut self, s: Option<&'static str>) -> Self {
        self.via = Some(s);
        self
    }
}

pub(super) fn check(input: &str, wants: &[Want]) {
    let qs = quotes(input);
    for w in wants {
        let q = qs
            .iter()
            .find(|q| q.text == w.text)
            .unwrap_or_else(|| panic!("no quote {:?} in {:?}\ngot: {:#?}", w.text, input, qs));
        if let Some(k) = w.kind {
            assert_eq!(q.kind, k, "kind of {:?}", w.text);
        }
        if let Some(s) = w.speaker {
            assert_eq!(q.speaker.as_deref(), s, "speaker of {:?}", w.text);
        }
        if let Some(s) = w.title {
            assert_eq!(q.speaker_title.as_deref(), s, "title of {:?}", w.text);
        }
        if let Some(k) = w.skind {
            assert_eq!(q.speaker_kind, Some(k), "speaker kind of {:?}", w.text);
        }
        if let Some(s) = w.cue {
            assert_eq!(q.cue.as_deref(), s, "cue of {:?}", w.text);
        }
        if let Some(s) = w.via {
            assert_eq!(q.via.as_deref(), s, "via of {:?}", w.text);
        }
    }
}

pub(super) fn valid(input: &str, qs: &[Quote]) {
    let mut last = 0;
    for q in qs {
        assert!(q.start <= q.end && q.end <= input.len());
        assert!(input.is_char_boundary(q.start) && input.is_char_boundary(q.end));
        assert_eq!(q.text, &input[q.start..q.end]);
        assert!(q.start >= last, "sorted by start");
        last = q.start;
    }
}

use QuoteKind::*;
use SpeakerKind as K;

#[test]
fn direct_quotes_and_cue_positions() {
    check(
        "“We are ready,” Maria Santos said.",
        &[want("We are ready")
            .kind(Direct)
            .speaker(Some("Maria Santos"))
            .skind(K::Person)
            .cue(Some("said"))],
    );
    check(
        "“We are ready,” said Gen. Mark Milley, the top U.S. military officer.",
        &[want("We are ready")
            .speaker(Some("Mark Milley"))
            .title(Some("top U.S. military officer"))],
    );
    check(
        "Prime Minister Jacinda Ardern told reporters: “This is a dark day.”",
        &[want("This is a dark day")
            .kind(Direct)
            .speaker(Some("Jacinda Ardern"))
            .title(Some("Prime Minister"))
            .cue(Some("told"))],
    );
    check(
        "\"It is preposterous,\" Michael Carpenter, a former Pentagon official, told VICE News.",
        &[want("It is preposterous")
            .speaker(Some("Michael Carpenter"))
            .title(Some("former Pentagon official"))
            .cue(Some("told"))],
    );
    check(
        "“We’re here to stay,” says Jones.",
        &[want("We’re here to stay")
            .speaker(Some("Jones"))
            .cue(Some("says"))],
    );
    check(
        "“Why?” he asked. Nobody answered.",
        &[want("Why?").speaker(None)],
    );
    check(
        "Alex Grigsby of the Council on Foreign Relations observed last year: \"Russia keeps aiming high.\"",
        &[want("Russia keeps aiming high").speaker(Some("Alex Grigsby")).title(Some("of the Council on Foreign Relations")).cue(Some("observed"))],
    );
    check(
        "On July 9, Donald Trump declared on Twitter: \"We discussed a cyber unit.\"",
        &[want("We discussed a cyber unit")
            .speaker(Some("Donald Trump"))
            .cue(Some("declared"))],
    );
}

#[test]
fn multi_sentence_split_and_multi_paragraph() {
    check(
        "“We tried. We failed,” said Anna Berg.",
        &[want("We tried. We failed").speaker(Some("Anna Berg"))],
    );
    check(
        "Donald Trump likes Russia. “Wouldn’t it be great,” he has mused, “if we got along?”",
        &[
            want("Wouldn’t it be great").speaker(Some("Donald Trump")),
            want("if we got along?").speaker(Some("Donald Trump")),
        ],
    );
    // A split quote: both parts carry the attribution (claims/README.md 5).
    check(
        "“The lights are blinking red,” Dan Coats said. “Today, we are under attack.”",
        &[want("Today, we are under attack")
            .speaker(Some("Dan Coats"))
            .cue(Some("said"))],
    );
    let t = "“First paragraph,” said Mayor Karen Bass. “It goes on.\n\n“And continues.\n\n“And ends.”\n\nThe weather was fine.";
    check(
        t,
        &[want("It goes on.\n\n“And continues.\n\n“And ends").speaker(Some("Karen Bass"))],
    );
    // Next paragraph is narration: the unclosed quote ends with its paragraph.
    let t = "\"This quote never closes, which is the writer's mistake.\n\nThis is narration and stays out.";
    let qs = quotes(t);
    assert!(qs.iter().all(|q| !q.text.contains("narration")), "{qs:#?}");
    check(
        t,
        &[want(
            "This quote never closes, which is the writer's mistake",
        )],
    );
    // A quote paragraph continuing the previous speaker.
    check(
        "“First,” said Jane Roe.\n\n“Second, we must act now.”",
        &[want("Second, we must act now")
            .speaker(Some("Jane Roe"))
            .cue(None)],
    );
}

#[test]
fn partial_quotes_and_terms() {
    // An epithet between commas, credited to no one, is a term.
    check("Lorenz, “the father of chaos,” died in 2008.", &[]);
    check(
        "Alexander Bortnikov spoke. Bortnikov noted, without providing details, that “just recently the services shared data.”",
        &[want("just recently the services shared data").kind(Partial).speaker(Some("Alexander Bortnikov")).cue(Some("noted"))],
    );
    check(
        "Chris Finan declared the plan to be \"strategic idiocy.\"",
        &[want("strategic idiocy")
            .kind(Partial)
            .speaker(Some("Chris Finan"))
            .cue(Some("declared"))],
    );
    // Terms with nobody credited are not quotes.
    for t in [
        "In 2013 they built a Cold War-style “cyber-hotline” between the capitals.",
        "The agency ran what were called \"active measures\" in Europe.",
        "Bortnikov attended a three-day conference on “countering violent extremism.”",
        "The film \"The Godfather\" was shown at the festival.",
        "He wrote the book “The Art of the Deal” in 1987.",
    ] {
        assert!(quotes(t).is_empty(), "{t}: {:#?}", quotes(t));
    }
    // Four words or more with no one credited: a quote without speaker.
    check(
        "The so-called \"war on terror against everyone\" continued.",
        &[want("war on terror against everyone").speaker(None)],
    );
}

#[test]
fn nested_quotes() {
    check(
        "Vladimir Putin spoke in Helsinki. David Kris said: “As President Putin said then, ‘Any specific material will be analyzed.’ At the time, President Trump described this as an ‘incredible offer.’”",
        &[
            want("Any specific material will be analyzed").kind(Nested).speaker(Some("Vladimir Putin")).via(Some("David Kris")).cue(Some("said")),
            want("incredible offer").kind(Nested).speaker(Some("Trump")).via(Some("David Kris")).cue(Some("described")),
        ],
    );
    check(
        "“I told him, ‘You can’t do that,’” said Maria Lopez.",
        &[want("You can’t do that")
            .kind(Nested)
            .speaker(Some("Maria Lopez"))
            .via(Some("Maria Lopez"))],
    );
    // Scare quotes inside quotes are terms.
    let qs = quotes(
        "Alex Grigsby said: \"Russia hopes to bypass an intransigent 'deep state' in Washington.\"",
    );
    assert!(qs.iter().all(|q| q.text != "deep state"), "{qs:#?}");
}

#[test]
fn indirect_speech() {
    // An age between commas inside the reported clause's subject.
    check(
        "Police say the man, 34, was arrested on Monday.",
        &[want("the man, 34, was arrested on Monday")
            .kind(Indirect)
            .speaker(Some("Police"))],
    );
    // No source written as a contraction: passive "We’re told", a question.
    check("We’re told that the dress was taken from her room.", &[]);
    check(
        "Aren’t those the kinds of things that libertarians say they hate?",
        &[],
    );
    // A span of time between the verb and "that"; a less common verb.
    check(
        "American officials have argued for years that it was time to act.",
        &[want("it was time to act")
            .kind(Indirect)
            .cue(Some("have argued"))],
    );
    check(
        "Officials divulged Thursday that the government had allowed two visits.",
        &[want("the government had allowed two visits")
            .kind(Indirect)
            .cue(Some("divulged"))],
    );
    check("He asked for evidence that the vote was rigged.", &[]);
    // The attribution between commas mid-sentence: the clause after it.
    check(
        "Within months, Forte said, the shop was selling cheaper eggs.",
        &[want("the shop was selling cheaper eggs")
            .kind(Indirect)
            .speaker(Some("Forte"))
            .cue(Some("said"))],
    );
    // A that-less clause after a coordinated verb, with initials in it.
    check(
        "Josh Earnest condemned the attack and said the U.S. government was willing to help.",
        &[want("the U.S. government was willing to help")
            .kind(Indirect)
            .speaker(Some("Josh Earnest"))],
    );
    // "According to X, CLAUSE": the clause is not X's title; a
    // description between commas is the title, not part of the clause.
    check(
        "According to Maria Lopez, the ferry will resume on Friday.",
        &[want("the ferry will resume on Friday")
            .kind(Indirect)
            .speaker(Some("Maria Lopez"))
            .title(None)
            .cue(Some("according to"))],
    );
    check(
        "According to Maria Lopez, a port spokeswoman, the ferry resumed on Friday.",
        &[want("the ferry resumed on Friday")
            .kind(Indirect)
            .speaker(Some("Maria Lopez"))
            .title(Some("port spokeswoman"))],
    );
    // Two reported clauses of one cue ("that A, but that B"); a
    // demonstrative "that" after the comma is the narrator's.
    check(
        "Officials said that they had briefed the team, but that they did not know the plan.",
        &[want("they had briefed the team, but that they did not know the plan").kind(Indirect)],
    );
    check(
        "Officials said that they had briefed the team, but that did not stop the leak.",
        &[want("they had briefed the team").kind(Indirect)],
    );
    // A that-less clause whose verb is in the past tense; a plural
    // common noun as the source.
    check(
        "Water officials said the department repaired 75 breaks in January.",
        &[want("the department repaired 75 breaks in January")
            .kind(Indirect)
            .speaker(Some("Water officials"))],
    );
    check(
        "But local elders say they are not being listened to.",
        &[want("they are not being listened to")
            .kind(Indirect)
            .speaker(Some("local elders"))
            .cue(Some("say"))],
    );
    // The cue after the clause, then the speaker with a description
    // that has commas of its own.
    for (text, speaker, title, said) in [
        (
            "Work stops when the ground freezes, said Ian Moss, a spokesman for the city Department of Design and Construction.",
            "Ian Moss",
            "spokesman for the city Department of Design and Construction",
            "Work stops when the ground freezes",
        ),
        (
            "Potholes form when salt seeps into cracks, said Joe Nolan, who works for the Transportation Department, where he is known as the pothole chief.",
            "Joe Nolan",
            "who works for the Transportation Department, where he is known as the pothole chief",
            "Potholes form when salt seeps into cracks",
        ),
    ] {
        check(
            text,
            &[want(said).kind(Indirect).speaker(Some(speaker)).title(Some(title)).cue(Some("said"))],
        );
    }
    check(
        "Officials in Ukraine recently warned that Russian hackers were preparing a major attack, while others disagreed.",
        &[want("Russian hackers were preparing a major attack").kind(Indirect).speaker(Some("Officials in Ukraine")).skind(K::Anonymous).cue(Some("warned"))],
    );
    check(
        "According to one source, the talks collapsed on Friday.",
        &[want("the talks collapsed on Friday")
            .kind(Indirect)
            .speaker(Some("one source"))
            .cue(Some("according to"))],
    );
    check(
        "But, according to at least one source, the talks collapsed on Friday.",
        &[want("the talks collapsed on Friday").speaker(Some("at least one source"))],
    );
    check(
        "The talks collapsed on Friday, according to The Washington Post.",
        &[want("The talks collapsed on Friday")
            .speaker(Some("The Washington Post"))
            .skind(K::Publication)],
    );
    check(
        "Spokespersons for both the CIA and the DEA told The Daily Beast that they had no comment, and the FBI has not responded at all.",
        &[want("they had no comment").speaker(Some("Spokespersons for both the CIA and the DEA")).skind(K::Anonymous).cue(Some("told"))],
    );
    check(
        "The Kremlin said in a statement that the talks were useful.",
        &[want("the talks were useful")
            .speaker(Some("Kremlin"))
            .skind(K::Organisation)],
    );
    check(
        "The Daily Beast reported the story first. The CIA had no comment on the matter, the publication said.",
        &[want("The CIA had no comment on the matter").speaker(Some("The Daily Beast")).skind(K::Publication)],
    );
    check(
        "“We will respond,” Sergei Lavrov said. The Russian official also said that sanctions would fail.",
        &[want("sanctions would fail").speaker(Some("Sergei Lavrov"))],
    );
    check(
        "U.S. officials, speaking on condition of anonymity, said the sanctions could come next week.",
        &[want("the sanctions could come next week").speaker(Some("U.S. officials"))],
    );
    check(
        "In theory, as Michael Daniel suggested, the two countries could cooperate on crime.",
        &[want("the two countries could cooperate on crime")
            .speaker(Some("Michael Daniel"))
            .cue(Some("suggested"))],
    );
    // Not reported speech.
    for t in [
        "The plan that was announced failed.",
        "He called for a global effort.",
        "It became known that he left.",
    ] {
        assert!(
            quotes(t).iter().all(|q| q.kind != Indirect),
            "{t}: {:#?}",
            quotes(t)
        );
    }
}
