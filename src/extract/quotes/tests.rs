//! Unit tests of `extract::quotes`: small sentences, one rule each.

use super::*;

/// What a test expects of one quote; `None` fields are not checked.
struct Want {
    text: &'static str,
    kind: Option<QuoteKind>,
    speaker: Option<Option<&'static str>>,
    title: Option<Option<&'static str>>,
    skind: Option<SpeakerKind>,
    cue: Option<Option<&'static str>>,
    via: Option<Option<&'static str>>,
}

fn want(text: &'static str) -> Want {
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
    fn kind(mut self, k: QuoteKind) -> Self {
        self.kind = Some(k);
        self
    }
    fn speaker(mut self, s: Option<&'static str>) -> Self {
        self.speaker = Some(s);
        self
    }
    fn title(mut self, s: Option<&'static str>) -> Self {
        self.title = Some(s);
        self
    }
    fn skind(mut self, k: SpeakerKind) -> Self {
        self.skind = Some(k);
        self
    }
    fn cue(mut self, s: Option<&'static str>) -> Self {
        self.cue = Some(s);
        self
    }
    fn via(mut self, s: Option<&'static str>) -> Self {
        self.via = Some(s);
        self
    }
}

fn check(input: &str, wants: &[Want]) {
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

fn valid(input: &str, qs: &[Quote]) {
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

#[test]
fn speakers_pronouns_titles_and_kinds() {
    check(
        "Priscilla Moriuchi spent 12 years in intelligence. “It is a risk,” she told VICE News.",
        &[want("It is a risk")
            .speaker(Some("Priscilla Moriuchi"))
            .cue(Some("told"))],
    );
    check(
        "Anna Berg met John Smith. “We disagree on everything,” he said.",
        &[want("We disagree on everything").speaker(Some("John Smith"))],
    );
    check(
        "Michael Daniel, CEO of the Cyber Threat Alliance, commented that “limited cooperation might help.”",
        &[want("limited cooperation might help").speaker(Some("Michael Daniel")).title(Some("CEO of the Cyber Threat Alliance"))],
    );
    check(
        "CIA Director John Brennan said the agency “will not be intimidated by anyone”.",
        &[want("will not be intimidated by anyone")
            .speaker(Some("John Brennan"))
            .title(Some("CIA Director"))],
    );
    check(
        "Gen. Alexander Bortnikov arrived. “We work with the CIA,” Bortnikov said.",
        &[want("We work with the CIA").speaker(Some("Alexander Bortnikov"))],
    );
    check(
        "According to an FSB official: “The first message came in October.”",
        &[want("The first message came in October")
            .speaker(Some("an FSB official"))
            .skind(K::Anonymous)
            .cue(Some("according to"))],
    );
    check(
        "A White House statement said Obama praised the “close cooperation with Moscow”.",
        &[want("close cooperation with Moscow")
            .speaker(Some("A White House statement"))
            .skind(K::Document)],
    );
    check(
        "David Kris, a former official, put it bluntly last week:\n\n“It is hard not to hear an echo here.”",
        &[want("It is hard not to hear an echo here").speaker(Some("David Kris"))],
    );
    check(
        "“The idea is preposterous.”\n\nThe weather was fine.",
        &[want("The idea is preposterous").speaker(None)],
    );
    check(
        "Smith shrugged. “Nobody knows.”",
        &[want("Nobody knows").speaker(Some("Smith")).cue(None)],
    );
    check(
        "Speaking in Manchester, Mr Johnson said: “We are going to get this done.”",
        &[want("We are going to get this done").speaker(Some("Johnson"))],
    );
    // A quote paragraph after a photo caption continues the speaker
    // before the caption; after a narrator sentence it does not.
    check(
        "“The sea is sick,” says Parata.\n\nHori Parata at his farm\n\n“We feel that is ridiculous.”",
        &[
            want("The sea is sick").speaker(Some("Hori Parata")),
            want("We feel that is ridiculous").speaker(Some("Hori Parata")),
        ],
    );
    check(
        "“The sea is sick,” says Parata.\n\nThe tide came in at noon.\n\n“We feel that is ridiculous.”",
        &[
            want("The sea is sick").speaker(Some("Parata")),
            want("We feel that is ridiculous").speaker(None),
        ],
    );
    // Organisations by their fullest name: a company's first word, an
    // acronym defined in brackets.
    check(
        "Hartwell Mining Corp said output fell. “We expect a recovery,” Hartwell said.",
        &[want("We expect a recovery")
            .speaker(Some("Hartwell Mining Corp"))
            .skind(K::Organisation)],
    );
    check(
        "The agency, the National Port Authority (NPA), said so. “We will win,” the NPA said.",
        &[want("We will win").speaker(Some("National Port Authority"))],
    );
    // Date words before a title are not part of it.
    check(
        "In September Russian Foreign Minister Sergei Lavrov said the talks had failed.",
        &[want("the talks had failed").title(Some("Russian Foreign Minister"))],
    );
    check(
        "Last year Russian Prime Minister Dmitry Medvedev said the talks had failed.",
        &[want("the talks had failed").title(Some("Russian Prime Minister"))],
    );
    // "the company" is the company last named.
    check(
        "Hartwell Mining Corp cut output in March. The company said it expects a recovery.",
        &[want("it expects a recovery")
            .speaker(Some("Hartwell Mining Corp"))
            .skind(K::Organisation)],
    );
    // A description after the name wins over a one-word office before
    // it; a longer title chain before the name stands.
    check(
        "“The economy was near the precipice,” said Senator Mark Warner, a Virginia Democrat.",
        &[want("The economy was near the precipice").title(Some("Virginia Democrat"))],
    );
    check(
        "CIA Director John Brennan, a career officer, said the agency would not be intimidated.",
        &[want("the agency would not be intimidated").title(Some("CIA Director"))],
    );
    // A title written at one quote holds for the person's later quotes;
    // a description with its title noun after a place name counts.
    check(
        "“It is meant to frighten tourists,” said Lotfi Azzouz, Tunisia country director for Amnesty International.\n\n“There is worry,” Azzouz said.",
        &[
            want("It is meant to frighten tourists")
                .speaker(Some("Lotfi Azzouz"))
                .title(Some("Tunisia country director for Amnesty International")),
            want("There is worry")
                .speaker(Some("Lotfi Azzouz"))
                .title(Some("Tunisia country director for Amnesty International")),
        ],
    );
    // A quote paragraph after a paragraph in which a source speaks.
    check(
        "The Food Standards Agency warned people to stay away.\n\n“We advise the public not to take any tablets.”",
        &[want("We advise the public not to take any tablets")
            .speaker(Some("Food Standards Agency"))
            .cue(None)],
    );
    check(
        "The Food Standards Agency tested the tablets.\n\n“We advise the public not to take any tablets.”",
        &[want("We advise the public not to take any tablets").speaker(None)],
    );
    // Relatives as sources, alone or with their name after them.
    check(
        "“She was burning up,” her mother said.",
        &[want("She was burning up")
            .speaker(Some("her mother"))
            .skind(K::Anonymous)],
    );
    check(
        "“She was burning up,” said her mother, Fiona Parry.",
        &[want("She was burning up")
            .speaker(Some("Fiona Parry"))
            .title(Some("her mother"))],
    );
    check(
        "“She was burning up,” her mother, Fiona, said in a statement.",
        &[want("She was burning up")
            .speaker(Some("Fiona"))
            .title(Some("her mother"))],
    );
    // Occupations before a name at its first mention are its title,
    // for every later quote too.
    for (job, name) in [
        ("the philosopher", "Luis Ortega"),
        ("skipper", "Wade Lund"),
        ("neuroscientist", "Mira Cole"),
    ] {
        let last = name.split(' ').next_back().unwrap();
        let text = format!(
            "In a new book, {job} {name} looks back. \
             “Nothing lasts,” {last} says. “Not even light.”"
        );
        let title = job.trim_start_matches("the ");
        check(
            &text,
            &[
                want("Nothing lasts").speaker(Some(name)).title(Some(title)),
                want("Not even light")
                    .speaker(Some(name))
                    .title(Some(title)),
            ],
        );
    }
}

#[test]
fn apostrophes_abbreviations_and_initials() {
    let t = "In the '90s, O'Brien's band played rock 'n' roll at the students' union. \"We didn't care,\" O'Brien said.";
    let qs = quotes(t);
    assert_eq!(qs.len(), 1, "{qs:#?}");
    assert_eq!(qs[0].text, "We didn't care");
    check(
        "Dan Coats spoke. Coats’ comments came the same day. “The lights are blinking red,” Coats said.",
        &[want("The lights are blinking red").speaker(Some("Dan Coats"))],
    );
    check(
        "Gen. Alexander Bortnikov, head of the FSB, said: “We work with the U.S. and the E.U. on this. It’s useful.”",
        &[want("We work with the U.S. and the E.U. on this. It’s useful").speaker(Some("Alexander Bortnikov")).title(Some("head of the FSB"))],
    );
    check(
        "President Donald J. Trump said: “It can happen.” Later, Trump said: “It can’t.”",
        &[
            want("It can happen").speaker(Some("Donald J. Trump")),
            want("It can’t").speaker(Some("Donald J. Trump")),
        ],
    );
    check(
        "'It was chaos,' said Tom Jones. 'Absolute chaos, every night.'",
        &[
            want("It was chaos").speaker(Some("Tom Jones")),
            want("Absolute chaos, every night").speaker(Some("Tom Jones")),
        ],
    );
    check(
        "Russia’s officials met on Jan. 5 in St. Petersburg. Dr. Ivan Petrov said: “It went well.”",
        &[want("It went well").speaker(Some("Ivan Petrov"))],
    );
}

#[test]
fn wire_and_broadcast_styles() {
    // Dateline, sentence-final attribution, that-less clauses.
    check(
        "MOSCOW, March 3 (Reuters) - Russia will respond to any new sanctions, Foreign Minister Sergei Lavrov said on Tuesday.",
        &[want("Russia will respond to any new sanctions").kind(Indirect).speaker(Some("Sergei Lavrov")).title(Some("Foreign Minister"))],
    );
    check(
        "The United States said on Monday it was working to extend the truce.",
        &[want("it was working to extend the truce")
            .speaker(Some("United States"))
            .skind(K::Organisation)],
    );
    check(
        "Ms Smith, 45, who runs a bakery in Leeds, told the BBC she was worried.",
        &[want("she was worried")
            .speaker(Some("Smith"))
            .title(Some("who runs a bakery in Leeds"))],
    );
    check(
        "In an interview, Secretary of State Antony Blinken said the United States “will not stand by”.",
        &[want("will not stand by").speaker(Some("Antony Blinken")).title(Some("Secretary of State"))],
    );
    check(
        "“The case has no merit,” Smith's lawyer, John Doe, said.",
        &[want("The case has no merit")
            .speaker(Some("John Doe"))
            .title(Some("Smith's lawyer"))],
    );
    check(
        "“This is a dark day,” Rep. Adam Schiff (D-Calif.) said in a statement.",
        &[want("This is a dark day").speaker(Some("Adam Schiff"))],
    );
    check(
        "Spokesperson Mao Ning answered a question on the Pentagon saying that it could not confirm the data.",
        &[want("it could not confirm the data").speaker(Some("Pentagon"))],
    );
    check(
        "Sweden's foreign ministry said it would summon the ambassador over the leak.",
        &[want("it would summon the ambassador over the leak")
            .speaker(Some("Sweden's foreign ministry"))],
    );
    // Places are not people.
    check(
        "Karen Bradley spoke in Belfast. She was asked about Northern Ireland. “We are not united without it,” she told the conference.",
        &[want("We are not united without it").speaker(Some("Karen Bradley"))],
    );
}

#[test]
fn pronouns_inside_quotes_and_repeated_roles() {
    let t = "Francesca Ebel reports, “At a briefing, spokeswoman Maria Zakharova claimed that Evans was a spy. ‘But we are well aware of it,’ she said. A Reuters spokesperson said the claim was ‘factually incorrect.’ ‘Ryan was not a spy,’ the spokesperson wrote.”";
    check(
        t,
        &[
            want("At a briefing, spokeswoman Maria Zakharova claimed that Evans was a spy. ‘But we are well aware of it,’ she said. A Reuters spokesperson said the claim was ‘factually incorrect.’ ‘Ryan was not a spy,’ the spokesperson wrote")
                .speaker(Some("Francesca Ebel")),
            want("But we are well aware of it").kind(Nested).speaker(Some("Maria Zakharova")).via(Some("Francesca Ebel")),
            want("Ryan was not a spy").speaker(Some("A Reuters spokesperson")),
        ],
    );
    check(
        "“We are united,” Karen Bradley told the conference. During the event the Secretary of State said she was changing the law.",
        &[want("she was changing the law").speaker(Some("Karen Bradley"))],
    );
}

#[test]
fn trimming() {
    check("“We are ready,” he said.", &[want("We are ready")]);
    check("He said: “Are we ready?”", &[want("Are we ready?")]);
    check(
        "He said: “The first message came on October 31, 2016...”",
        &[want("The first message came on October 31, 2016...")],
    );
}

#[test]
fn pathological_inputs_do_not_panic_and_stay_linear() {
    let cases: Vec<String> = vec![
        "\"".repeat(1_000_000),
        "“".repeat(300_000),
        "‘".repeat(300_000),
        "’".repeat(300_000),
        "'".repeat(1_000_000),
        "\u{0}\"\u{0}“\u{0}".repeat(100_000),
        "a".repeat(10_000_000),
        format!("A{}", "b".repeat(5_000_000)),
        "He said that they said that we said that ".repeat(50_000),
        "“a ‘b “c ’d” e’ f".repeat(50_000),
        "Mr. ".repeat(200_000),
        "he said. ".repeat(100_000),
        "\n\n“\n\n".repeat(100_000),
        "according to Smith, according to ".repeat(30_000),
    ];
    for c in &cases {
        let t0 = std::time::Instant::now();
        let qs = quotes(c);
        valid(c, &qs);
        assert!(
            t0.elapsed().as_secs() < 60,
            "too slow on input starting {:?}",
            &c[..c.len().min(40)]
        );
    }
}

mod prop {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn any_string(s in "\\PC*") {
            let qs = quotes(&s);
            valid(&s, &qs);
        }

        #[test]
        fn quote_soup(parts in proptest::collection::vec(prop_oneof![
            Just("\""), Just("'"), Just("“"), Just("”"), Just("‘"), Just("’"), Just("«"), Just("»"),
            Just(" "), Just("\n"), Just("\n\n"), Just("."), Just(","), Just(":"), Just("said"),
            Just("that"), Just("according to"), Just("he"), Just("Smith"), Just("John Smith"),
            Just("Gen."), Just("U.S."), Just("the"), Just("a"), Just("x"), Just("é"), Just("\u{0}"),
        ], 0..200)) {
            let s: String = parts.concat();
            let qs = quotes(&s);
            valid(&s, &qs);
        }
    }
}

/// Throughput over ~50 MB of repeated seed text:
/// `cargo test --release extract::quotes::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .expect("seeds dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    names.sort();
    let seeds: Vec<String> = names
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    let per_round: usize = seeds.iter().map(|s| s.len()).sum();
    let rounds = (50_000_000 / per_round.max(1)).max(1);
    let t0 = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..rounds {
        for s in &seeds {
            n += quotes(s).len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let mb = (rounds * per_round) as f64 / 1e6;
    println!(
        "quotes(): {mb:.1} MB in {secs:.2} s = {:.1} MB/s ({n} quotes)",
        mb / secs
    );
}

#[test]
fn a_quote_split_by_its_attribution_keeps_the_cue_for_both_parts() {
    check(
        "“The roads are closed,” Ana Ruiz says. “Nobody can get in.”",
        &[
            want("The roads are closed")
                .speaker(Some("Ana Ruiz"))
                .cue(Some("says")),
            want("Nobody can get in")
                .speaker(Some("Ana Ruiz"))
                .cue(Some("says")),
        ],
    );
    // A quote paragraph that continues the speaker has no cue of its own.
    check(
        "“The roads are closed,” Ana Ruiz says.\n\n“Nobody can get in.”",
        &[want("Nobody can get in")
            .speaker(Some("Ana Ruiz"))
            .cue(None)],
    );
    // Narration between the parts: not a split quote.
    check(
        "“The roads are closed,” Ana Ruiz says. The storm has cut power to the whole valley since Monday night. “Nobody can get in.”",
        &[want("Nobody can get in").cue(None)],
    );
}

#[test]
fn a_surname_with_its_particle_is_a_speaker() {
    check(
        "Pieter van Dijk chairs the board.\n\n“We will not sell,” van Dijk said.",
        &[want("We will not sell")
            .speaker(Some("Pieter van Dijk"))
            .cue(Some("said"))],
    );
    check(
        "Luis de Miranda is a philosopher.\n\nThe lamps were made for signs, de Miranda writes.",
        &[want("The lamps were made for signs")
            .kind(Indirect)
            .speaker(Some("Luis de Miranda"))],
    );
}

#[test]
fn a_later_mention_takes_the_description_over_a_one_word_office() {
    check(
        "Senator Jane Holt, a Maine Republican, spoke first.\n\nLater, Ms. Holt said that the vote would wait.",
        &[want("the vote would wait")
            .speaker(Some("Jane Holt"))
            .title(Some("Maine Republican"))],
    );
    // A title chain before the name stands.
    check(
        "Health Minister Anna Berg, who took office in May, spoke first.\n\nLater, Ms. Berg said that the clinics would open.",
        &[want("the clinics would open").title(Some("Health Minister"))],
    );
}

#[test]
fn phrasal_cues_and_more_unnamed_sources() {
    check(
        "“We are tired,” Ana Ruiz summed up.",
        &[want("We are tired")
            .speaker(Some("Ana Ruiz"))
            .cue(Some("summed up"))],
    );
    check(
        "“The council ignored us,” one respondent said.",
        &[want("The council ignored us")
            .speaker(Some("one respondent"))
            .skind(K::Anonymous)],
    );
    check(
        "Budget hawks have warned that the debt will keep growing.",
        &[want("the debt will keep growing")
            .kind(Indirect)
            .speaker(Some("Budget hawks"))
            .skind(K::Anonymous)],
    );
}

#[test]
fn plural_and_other_speech_verbs_anchor_reported_clauses() {
    check(
        "Local farmers claim they were never consulted.",
        &[want("they were never consulted")
            .kind(Indirect)
            .speaker(Some("Local farmers"))
            .cue(Some("claim"))],
    );
    check(
        "Ana Ruiz promised it will reopen in May.",
        &[want("it will reopen in May")
            .kind(Indirect)
            .speaker(Some("Ana Ruiz"))
            .cue(Some("promised"))],
    );
}
