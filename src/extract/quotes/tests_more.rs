//! Unit tests of `extract::quotes`, second part: indirect speech, and the
//! rules added for prose the extractor was not built on (split quotes,
//! particles, phrasal cues, plural speech verbs).

use super::tests::*;
use super::*;

use QuoteKind::*;
use SpeakerKind as K;

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

#[test]
fn a_contracted_pronoun_opens_a_that_less_clause() {
    check(
        "Tyler Besecker runs a fish company. He said there’s little room for a profit.",
        &[want("there’s little room for a profit")
            .kind(Indirect)
            .speaker(Some("Tyler Besecker"))
            .cue(Some("said"))],
    );
    check(
        "Ana Ruiz chairs the board. She said it's a risk worth taking.",
        &[want("it's a risk worth taking")
            .kind(Indirect)
            .speaker(Some("Ana Ruiz"))],
    );
}

#[test]
fn a_number_after_and_starts_the_narrators_clause() {
    check(
        "Ana Ruiz said the survey was late, and 40% of the forms were lost.",
        &[want("the survey was late")
            .kind(Indirect)
            .speaker(Some("Ana Ruiz"))],
    );
}
