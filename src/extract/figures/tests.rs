//! Unit tests of `extract::figures`: small sentences, one rule each
//! (durations, dates, years and output properties in `tests_time.rs`).

use super::*;
use crate::extract::model::{FigureKind, Unit};

/// (text of figure, kind, value, high, unit, qualifier, counts, date)
pub(super) type Exp<'a> = (
    &'a str,
    FigureKind,
    Option<f64>,
    Option<f64>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

pub(super) fn check(input: &str, exp: &[Exp]) {
    let got = figures(input);
    let brief: Vec<String> = got
        .iter()
        .map(|f| {
            format!(
                "{:?} {:?} v={:?} h={:?} u={:?} q={:?} c={:?} d={:?}",
                f.text, f.kind, f.value, f.high, f.unit, f.qualifier, f.counts, f.date
            )
        })
        .collect();
    assert_eq!(got.len(), exp.len(), "input: {input:?}\ngot: {brief:#?}");
    for (f, e) in got.iter().zip(exp) {
        let ctx = format!("input: {input:?}\ngot: {brief:#?}");
        assert_eq!(f.text, e.0, "{ctx}");
        assert_eq!(f.kind, e.1, "{ctx}");
        assert_eq!(f.value, e.2, "{ctx}");
        assert_eq!(f.high, e.3, "{ctx}");
        assert_eq!(f.unit.as_ref().map(Unit::as_str), e.4, "{ctx}");
        assert_eq!(f.qualifier.as_deref(), e.5, "{ctx}");
        assert_eq!(f.counts.as_deref(), e.6, "{ctx}");
        assert_eq!(f.date.as_deref(), e.7, "{ctx}");
        assert_eq!(&input[f.start..f.end], f.text, "{ctx}");
    }
}

use FigureKind::*;

pub(super) fn money<'a>(t: &'a str, v: f64, u: &'a str, q: Option<&'a str>) -> Exp<'a> {
    (t, Money, Some(v), None, Some(u), q, None, None)
}
pub(super) fn count<'a>(t: &'a str, v: f64, c: &'a str, q: Option<&'a str>) -> Exp<'a> {
    (t, Count, Some(v), None, None, q, Some(c), None)
}
pub(super) fn dur<'a>(t: &'a str, v: f64, u: &'a str, q: Option<&'a str>) -> Exp<'a> {
    (t, Duration, Some(v), None, Some(u), q, None, None)
}
pub(super) fn pct<'a>(t: &'a str, v: f64, q: Option<&'a str>) -> Exp<'a> {
    (t, Percent, Some(v), None, Some("%"), q, None, None)
}
pub(super) fn date<'a>(t: &'a str, d: &'a str) -> Exp<'a> {
    (t, Date, None, None, None, None, None, Some(d))
}
pub(super) fn year(t: &str, v: f64) -> Exp<'_> {
    (t, Year, Some(v), None, None, None, None, None)
}
pub(super) fn years(t: &str, v: f64, h: f64) -> Exp<'_> {
    (t, Year, Some(v), Some(h), None, None, None, None)
}
pub(super) fn other<'a>(t: &'a str, v: f64, q: Option<&'a str>) -> Exp<'a> {
    (t, Other, Some(v), None, None, q, None, None)
}

#[test]
fn money_symbols_and_scales() {
    check(
        "a group that had stolen over $9.4 million from a processor",
        &[money("over $9.4 million", 9_400_000.0, "USD", Some("over"))],
    );
    check(
        "It cost $45 million.",
        &[money("$45 million", 45e6, "USD", None)],
    );
    check("a €5bn deal", &[money("€5bn", 5e9, "EUR", None)]);
    check("tickets at £3 each", &[money("£3", 3.0, "GBP", None)]);
    check("a £3.5m fine", &[money("£3.5m", 3_500_000.0, "GBP", None)]);
    check(
        "paid US$12,500 in fees",
        &[money("US$12,500", 12_500.0, "USD", None)],
    );
    check("worth USD 5m", &[money("USD 5m", 5e6, "USD", None)]);
    check(
        "a $1.2 trillion budget",
        &[money("$1.2 trillion", 1.2e12, "USD", None)],
    );
    check(
        "escaped \\$45 million",
        &[money("$45 million", 45e6, "USD", None)],
    );
    check(
        "raised ¥300 billion",
        &[money("¥300 billion", 3e11, "JPY", None)],
    );
    check(
        "a bill of Rs 500 crore",
        &[money("Rs 500 crore", 5e9, "INR", None)],
    );
    check("$US2 billion", &[money("$US2 billion", 2e9, "USD", None)]);
    check("A$3 billion", &[money("A$3 billion", 3e9, "AUD", None)]);
}

#[test]
fn money_words() {
    check(
        "stole more than 3 billion rubles from banks",
        &[money(
            "more than 3 billion rubles",
            3e9,
            "RUB",
            Some("more than"),
        )],
    );
    check(
        "nearly three billion roubles were taken",
        &[money(
            "nearly three billion roubles",
            3e9,
            "RUB",
            Some("nearly"),
        )],
    );
    check(
        "5 million dollars",
        &[money("5 million dollars", 5e6, "USD", None)],
    );
    check("200 euros", &[money("200 euros", 200.0, "EUR", None)]);
    check(
        "2.5 billion yuan",
        &[money("2.5 billion yuan", 2.5e9, "CNY", None)],
    );
    check(
        "50 million US dollars",
        &[money("50 million US dollars", 5e7, "USD", None)],
    );
    check(
        "3 million Canadian dollars",
        &[money("3 million Canadian dollars", 3e6, "CAD", None)],
    );
    check(
        "10 million pounds",
        &[money("10 million pounds", 1e7, "GBP", None)],
    );
    check(
        "400 pounds sterling",
        &[money("400 pounds sterling", 400.0, "GBP", None)],
    );
    check(
        "100 million EUR",
        &[money("100 million EUR", 1e8, "EUR", None)],
    );
    check("5 billion won", &[money("5 billion won", 5e9, "KRW", None)]);
}

#[test]
fn money_link() {
    let f = figures("stole more than 3 billion rubles ($45 million) from banks");
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].unit.as_ref().map(Unit::as_str), Some("RUB"));
    assert_eq!(f[1].text, "$45 million");
    assert_eq!(f[1].linked_to, Some(0));
    assert_eq!(f[0].linked_to, None);
    let f = figures("nearly three billion rubles (\\$45 million) from banks");
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].linked_to, Some(0));
    let f = figures("In 2016 a fine of €5bn (about $5.5bn) was paid");
    assert_eq!(f.len(), 3);
    assert_eq!(f[2].text, "about $5.5bn");
    assert_eq!(f[2].qualifier.as_deref(), Some("about"));
    assert_eq!(f[2].linked_to, Some(1));
    let f = figures("a fine of 400 million euros, or $440 million, was paid");
    assert_eq!(f[1].linked_to, Some(0));
    // A list of amounts is not a restatement.
    let f = figures("$81 million from one bank and $12 million from another");
    assert_eq!(f.len(), 2);
    assert_eq!(f[1].linked_to, None);
    let f = figures("The £3bn ($3.7bn; €3.4bn) deal");
    assert_eq!(f.len(), 3);
    assert_eq!((f[1].linked_to, f[2].linked_to), (Some(0), Some(0)));
    let f = figures("€5bn and $3bn");
    assert_eq!(f[1].linked_to, None);
}

#[test]
fn counts() {
    check(
        "partners from 122 countries.",
        &[count("122 countries", 122.0, "countries", None)],
    );
    check(
        "a total of 50 people.",
        &[count("50 people", 50.0, "people", None)],
    );
    check(
        "19 Russian nationals are among the 69 cybercriminals most wanted",
        &[
            count("19 Russian nationals", 19.0, "Russian nationals", None),
            count("69 cybercriminals", 69.0, "cybercriminals", None),
        ],
    );
    check(
        "an attack on at least seven federal MPs and 31 lawmakers in regional parliaments",
        &[
            count(
                "at least seven federal MPs",
                7.0,
                "federal MPs",
                Some("at least"),
            ),
            count("31 lawmakers", 31.0, "lawmakers", None),
        ],
    );
    check(
        "the day that 12 Russian military intelligence officials were indicted",
        &[count(
            "12 Russian military intelligence officials",
            12.0,
            "Russian military intelligence officials",
            None,
        )],
    );
    check(
        "Two brothers from Chechnya",
        &[count("Two brothers", 2.0, "brothers", None)],
    );
    check(
        "the four people arrested",
        &[count("four people", 4.0, "people", None)],
    );
    check(
        "cuts in two key task forces of",
        &[count("two key task forces", 2.0, "key task forces", None)],
    );
    check(
        "some 2,000 cyber-criminals",
        &[count(
            "some 2,000 cyber-criminals",
            2000.0,
            "cyber-criminals",
            Some("some"),
        )],
    );
    check(
        "forty-two U.S. officials",
        &[count(
            "forty-two U.S. officials",
            42.0,
            "U.S. officials",
            None,
        )],
    );
    check(
        "two hundred soldiers",
        &[count("two hundred soldiers", 200.0, "soldiers", None)],
    );
    check(
        "three hundred and fifty delegates",
        &[count(
            "three hundred and fifty delegates",
            350.0,
            "delegates",
            None,
        )],
    );
    check(
        "a million people",
        &[count("a million people", 1e6, "people", None)],
    );
    check(
        "half a million refugees",
        &[count("half a million refugees", 5e5, "refugees", None)],
    );
    check(
        "a dozen reporters",
        &[count("a dozen reporters", 12.0, "reporters", None)],
    );
    check(
        "twelve jurors",
        &[count("twelve jurors", 12.0, "jurors", None)],
    );
    check(
        "more than 2000 people",
        &[count(
            "more than 2000 people",
            2000.0,
            "people",
            Some("more than"),
        )],
    );
    check(
        "2000 people marched",
        &[count("2000 people", 2000.0, "people", None)],
    );
    check(
        "fewer than 10 journalists",
        &[count(
            "fewer than 10 journalists",
            10.0,
            "journalists",
            Some("fewer than"),
        )],
    );
    check(
        "as many as 300 troops",
        &[count(
            "as many as 300 troops",
            300.0,
            "troops",
            Some("as many as"),
        )],
    );
    check(
        "the 12 Mueller indictments, which",
        &[count(
            "12 Mueller indictments",
            12.0,
            "Mueller indictments",
            None,
        )],
    );
    check(
        "1500 sailors",
        &[count("1500 sailors", 1500.0, "sailors", None)],
    );
    check(
        "two of those charged were freed",
        &[count("two of those charged", 2.0, "those charged", None)],
    );
    check(
        "five of the victims",
        &[count("five of the victims", 5.0, "the victims", None)],
    );
    check(
        "11 aircraft carriers",
        &[count(
            "11 aircraft carriers",
            11.0,
            "aircraft carriers",
            None,
        )],
    );
    check(
        "1.2m visitors",
        &[count("1.2m visitors", 1_200_000.0, "visitors", None)],
    );
}

#[test]
fn not_counts() {
    check("One is left to wonder if he is right.", &[]);
    check("one of the largest exporters", &[]);
    check("according to at least one source, he", &[]);
    check("one source told us", &[]);
    check("the first message; a third secretary", &[]);
    check("he met Putin at the G20 summit", &[]);
    check("since the 9/11 attacks", &[]);
    check("a number of additions and several others", &[]);
    check(
        "thousands of engineers and hundreds of thousands of users",
        &[],
    );
    check("billions of dollars worldwide", &[]);
    check("Nine of the 12", &[]);
    check("Windows 10 and iPhone 15 users", &[]);
    check("the Big Three carmakers", &[]);
    check("Section 230 protections", &[]);
    check("the April 15 Boston Marathon bombings", &[]);
    check("a 3-2 vote", &[]);
    // "two-thirds of voters" is a fraction now (an `other` figure): see
    // `spelled_fractions_are_figures`.
    check("the NotPetya attack and the COVID-19 pandemic", &[]);
    check(
        "call +1 202 555 0100 or (202) 555-0199 or 202-555-0143",
        &[],
    );
    check("at 11:30 or 3 p.m. or 11am", &[]);
    check("see https://example.com/2021/05/14/story-a73900 now", &[]);
    check("visit www.site.com/page?id=2016&x=50 today", &[]);
    check("version 1.2.3 and 21st and 3rd", &[]);
    check("agent 007 and code 0100", &[]);
    check("Chapter 11 bankruptcy", &[]);
    check("No. 5 on the list", &[]);
    check("the 50m sprint", &[]);
    check("in his 20s", &[]);
    check("one-on-one talks", &[]);
    check("a 10-member team", &[]);
}

#[test]
fn numbers_spelled() {
    check("twelve years", &[dur("twelve years", 12.0, "year", None)]);
    check(
        "forty-two days",
        &[dur("forty-two days", 42.0, "day", None)],
    );
    check(
        "two hundred voters",
        &[count("two hundred voters", 200.0, "voters", None)],
    );
    check(
        "three billion rubles",
        &[money("three billion rubles", 3e9, "RUB", None)],
    );
    check(
        "two thousand five hundred and six votes",
        &[count(
            "two thousand five hundred and six votes",
            2506.0,
            "votes",
            None,
        )],
    );
    check(
        "ninety-nine problems",
        &[count("ninety-nine problems", 99.0, "problems", None)],
    );
    check(
        "one million dollars",
        &[money("one million dollars", 1e6, "USD", None)],
    );
}

#[test]
fn digits() {
    check(
        "1,234,567 votes",
        &[count("1,234,567 votes", 1_234_567.0, "votes", None)],
    );
    check(
        "2.5 million users",
        &[count("2.5 million users", 2_500_000.0, "users", None)],
    );
    check(
        "about 2,000 were hurt",
        &[other("about 2,000", 2000.0, Some("about"))],
    );
    // A count whose noun is left out (claims/README.md, decision 19).
    check(
        "injured some 250.",
        &[(
            "some 250",
            Count,
            Some(250.0),
            None,
            None,
            Some("some"),
            None,
            None,
        )],
    );
    check("a bare 17 here", &[]);
    check("the 9.4 figure", &[]);
    check("3 million were hurt", &[other("3 million", 3e6, None)]);
    check("2,000 were hurt", &[other("2,000", 2000.0, None)]);
}

#[test]
fn percents() {
    check("up 5%", &[pct("5%", 5.0, None)]);
    check("rose 5 percent", &[pct("5 percent", 5.0, None)]);
    check("five per cent of", &[pct("five per cent", 5.0, None)]);
    check(
        "almost 12.5 per cent",
        &[pct("almost 12.5 per cent", 12.5, Some("almost"))],
    );
    check("a 5pc rise", &[pct("5pc", 5.0, None)]);
    check(
        "by 2 percentage points",
        &[pct("2 percentage points", 2.0, None)],
    );
    check("one percent of", &[pct("one percent", 1.0, None)]);
    check(
        "grew 5-10% a year",
        &[(
            "5-10%",
            Percent,
            Some(5.0),
            Some(10.0),
            Some("%"),
            None,
            None,
            None,
        )],
    );
    check(
        "from 5% to 10%",
        &[(
            "from 5% to 10%",
            Percent,
            Some(5.0),
            Some(10.0),
            Some("%"),
            None,
            None,
            None,
        )],
    );
}

#[test]
fn half_a_unit_is_a_duration() {
    check(
        "for half a century",
        &[dur("half a century", 50.0, "year", None)],
    );
    check(
        "a half-century later",
        &[dur("half-century", 50.0, "year", None)],
    );
    check("in half an hour", &[dur("half an hour", 0.5, "hour", None)]);
    check(
        "Half a century later",
        &[dur("Half a century", 50.0, "year", None)],
    );
    check("half the time", &[]);
}

#[test]
fn bare_counts_after_verbs_that_count_people() {
    check(
        "The blast injured some 40 and killed 12.",
        &[
            (
                "some 40",
                Count,
                Some(40.0),
                None,
                None,
                Some("some"),
                None,
                None,
            ),
            ("12", Count, Some(12.0), None, None, None, None, None),
        ],
    );
}

#[test]
fn spelled_fractions_are_figures() {
    let f = figures("Two-thirds of voters agreed, about one-tenth did not, and one fifth left.");
    let got: Vec<(&str, Option<f64>, Option<&str>)> = f
        .iter()
        .map(|f| {
            (
                f.text.as_str(),
                f.value.map(|v| (v * 1000.0).round() / 1000.0),
                f.qualifier.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("Two-thirds", Some(0.667), None),
            ("about one-tenth", Some(0.1), Some("about")),
            ("one fifth", Some(0.2), None)
        ]
    );
    assert!(f.iter().all(|f| f.kind == FigureKind::Other));
}

#[test]
fn n_or_m_is_a_range() {
    let f = figures("Police found four or five buyers, and 1 or 2 days later, three or so.");
    let got: Vec<(&str, Option<f64>, Option<f64>)> = f
        .iter()
        .map(|f| (f.text.as_str(), f.value, f.high))
        .collect();
    assert_eq!(got[0], ("four or five buyers", Some(4.0), Some(5.0)));
    assert_eq!(got[1], ("1 or 2 days", Some(1.0), Some(2.0)));
}

#[test]
fn wire_dollars_men_plurals_and_decades_in_years() {
    check(
        "It lent 40 mln dlrs and 12 Australian dlrs.",
        &[
            money("40 mln dlrs", 40e6, "USD", None),
            money("12 Australian dlrs", 12.0, "AUD", None),
        ],
    );
    check(
        "Two gunmen and 40 policemen were seen.",
        &[
            count("Two gunmen", 2.0, "gunmen", None),
            count("40 policemen", 40.0, "policemen", None),
        ],
    );
    check(
        "It lasted seven decades.",
        &[dur("seven decades", 70.0, "year", None)],
    );
    check(
        "after two centuries",
        &[dur("two centuries", 200.0, "year", None)],
    );
    // Nouns that end in "men" but are singular are not plurals.
    check("One specimen was found.", &[]);
}

pub(super) fn measure<'a>(t: &'a str, v: f64, q: Option<&'a str>) -> Exp<'a> {
    (t, Other, Some(v), None, None, q, None, None)
}

#[test]
fn measures_with_their_units_are_other_figures() {
    check("The road is 2.4 km long.", &[measure("2.4 km", 2.4, None)]);
    check("The box weighs 15kg.", &[measure("15kg", 15.0, None)]);
    check("It was 180 °C inside.", &[measure("180 °C", 180.0, None)]);
    check(
        "A 40-kilometre drive.",
        &[measure("40-kilometre", 40.0, None)],
    );
    check("It has 12GB of memory.", &[measure("12GB", 12.0, None)]);
    // (A measure was once left out: "5km" is now a figure.)
    check("a 5km run", &[measure("5km", 5.0, None)]);
    check(
        "They walked 6,000 miles.",
        &[measure("6,000 miles", 6000.0, None)],
    );
    // The parser's count of a measure becomes the measure.
    check("Take 25 mg doses.", &[measure("25 mg", 25.0, None)]);
    // Not measures: single letters and plain nouns.
    check(
        "The G7 met 12 soldiers.",
        &[count("12 soldiers", 12.0, "soldiers", None)],
    );
}
