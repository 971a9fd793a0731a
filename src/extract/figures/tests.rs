//! Unit tests of `extract::figures`: small sentences, one rule each.

use super::*;
use crate::extract::model::{FigureKind, Unit};

/// (text of figure, kind, value, high, unit, qualifier, counts, date)
type Exp<'a> = (
    &'a str,
    FigureKind,
    Option<f64>,
    Option<f64>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
    Option<&'a str>,
);

fn check(input: &str, exp: &[Exp]) {
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

fn money<'a>(t: &'a str, v: f64, u: &'a str, q: Option<&'a str>) -> Exp<'a> {
    (t, Money, Some(v), None, Some(u), q, None, None)
}
fn count<'a>(t: &'a str, v: f64, c: &'a str, q: Option<&'a str>) -> Exp<'a> {
    (t, Count, Some(v), None, None, q, Some(c), None)
}
fn dur<'a>(t: &'a str, v: f64, u: &'a str, q: Option<&'a str>) -> Exp<'a> {
    (t, Duration, Some(v), None, Some(u), q, None, None)
}
fn pct<'a>(t: &'a str, v: f64, q: Option<&'a str>) -> Exp<'a> {
    (t, Percent, Some(v), None, Some("%"), q, None, None)
}
fn date<'a>(t: &'a str, d: &'a str) -> Exp<'a> {
    (t, Date, None, None, None, None, None, Some(d))
}
fn year(t: &str, v: f64) -> Exp<'_> {
    (t, Year, Some(v), None, None, None, None, None)
}
fn years(t: &str, v: f64, h: f64) -> Exp<'_> {
    (t, Year, Some(v), Some(h), None, None, None, None)
}
fn other<'a>(t: &'a str, v: f64, q: Option<&'a str>) -> Exp<'a> {
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

#[test]
fn durations() {
    check(
        "spent six months with",
        &[dur("six months", 6.0, "month", None)],
    );
    check(
        "sentenced to 11 years in prison",
        &[dur("11 years", 11.0, "year", None)],
    );
    check(
        "40 minutes of their two-hour meeting",
        &[
            dur("40 minutes", 40.0, "minute", None),
            dur("two-hour", 2.0, "hour", None),
        ],
    );
    check(
        "a three-day conference",
        &[dur("three-day", 3.0, "day", None)],
    );
    check(
        "This story is over 5 years old.",
        &[dur("over 5 years", 5.0, "year", Some("over"))],
    );
    check(
        "a 45-year-old man",
        &[dur("45-year-old", 45.0, "year", None)],
    );
    check(
        "In the past five years",
        &[dur("five years", 5.0, "year", None)],
    );
    check(
        "up to 10 years in jail",
        &[dur("up to 10 years", 10.0, "year", Some("up to"))],
    );
    check("two decades", &[dur("two decades", 20.0, "year", None)]);
    check(
        "two and a half years",
        &[dur("two and a half years", 2.5, "year", None)],
    );
    check(
        "nearly a year and a half",
        &[dur("nearly a year and a half", 1.5, "year", Some("nearly"))],
    );
    check("one year later", &[dur("one year", 1.0, "year", None)]);
    check("One day, he left", &[]);
    check(
        "for 10 to 20 years",
        &[(
            "10 to 20 years",
            Duration,
            Some(10.0),
            Some(20.0),
            Some("year"),
            None,
            None,
            None,
        )],
    );
}

#[test]
fn dates() {
    check(
        "came on October 31, 2016...",
        &[date("October 31, 2016", "2016-10-31")],
    );
    check(
        "on 31 October 2016 the",
        &[date("31 October 2016", "2016-10-31")],
    );
    check(
        "Helsinki, on July 16, 2018.",
        &[date("July 16, 2018", "2018-07-16")],
    );
    check(
        "On Oct. 31, 2016, we",
        &[date("Oct. 31, 2016", "2016-10-31")],
    );
    check(
        "the 1st of May, 2019",
        &[date("1st of May, 2019", "2019-05-01")],
    );
    check("Sept. 11, 2001", &[date("Sept. 11, 2001", "2001-09-11")]);
    check("in October 2016 not", &[date("October 2016", "2016-10")]);
    check(
        "In February 2015 Bortnikov",
        &[date("February 2015", "2015-02")],
    );
    check("the July 2018 summit", &[date("July 2018", "2018-07")]);
    check("in July of 2018", &[date("July of 2018", "2018-07")]);
    check("on 2016-10-31 at", &[date("2016-10-31", "2016-10-31")]);
    check("May 14, 2021", &[date("May 14, 2021", "2021-05-14")]);
    check(
        "July 15-16, 2018",
        &[date("July 15-16, 2018", "2018-07-15")],
    );
    // Relative or incomplete dates are not figures.
    check("On Nov. 1, a law went into effect", &[]);
    check("in June of this year and last March", &[]);
    check("in October, and on Monday", &[]);
    check("on 5 May the", &[]);
    check("February 30, 2016", &[year("2016", 2016.0)]);
}

// The calendar decided, not a table of month lengths: February 29 of a
// common year and 31 February (read as "February 2016") were dates.
#[test]
fn impossible_calendar_dates_are_not_dates() {
    let table: &[(&str, &[Exp])] = &[
        ("on February 29, 2021 it", &[year("2021", 2021.0)]),
        ("on 29 February 2021 it", &[year("2021", 2021.0)]),
        ("on 2021-02-29 it", &[]),
        ("on April 31, 2020 it", &[year("2020", 2020.0)]),
        ("on 31 April 2020 it", &[year("2020", 2020.0)]),
        ("on 31 February 2016 it", &[year("2016", 2016.0)]),
        ("on 30th of February, 2016 it", &[year("2016", 2016.0)]),
        ("on 2016-04-31 it", &[]),
        ("on 2016-02-30 it", &[]),
        ("from June 30-31, 2018 on", &[year("2018", 2018.0)]),
        ("on 31/02/2021 it", &[]),
        // Real days at the edges stay dates.
        (
            "on February 29, 2020 it",
            &[date("February 29, 2020", "2020-02-29")],
        ),
        ("on 29 Feb 2000 it", &[date("29 Feb 2000", "2000-02-29")]),
        ("on 2024-02-29 it", &[date("2024-02-29", "2024-02-29")]),
        (
            "on December 31, 1999 it",
            &[date("December 31, 1999", "1999-12-31")],
        ),
        (
            "on April 30, 2020 it",
            &[date("April 30, 2020", "2020-04-30")],
        ),
    ];
    for (input, exp) in table {
        check(input, exp);
    }
}

// A month is a whole month name or abbreviation, never a word that
// happens to start like one.
#[test]
fn month_words_are_exact() {
    let table: &[(&str, &[Exp])] = &[
        ("Junk 5, 2021 was", &[year("2021", 2021.0)]),
        ("Mayor 5, 2021 was", &[year("2021", 2021.0)]),
        ("Octo 31, 2016 was", &[year("2016", 2016.0)]),
        ("Sept. 5, 2016 was", &[date("Sept. 5, 2016", "2016-09-05")]),
        ("Sep 5, 2016 was", &[date("Sep 5, 2016", "2016-09-05")]),
        ("Jan. 5, 2016 was", &[date("Jan. 5, 2016", "2016-01-05")]),
        ("JUNE 5, 2016 was", &[date("JUNE 5, 2016", "2016-06-05")]),
    ];
    for (input, exp) in table {
        check(input, exp);
    }
    for (word, want) in [
        ("October", Some((10, false))),
        ("oct", Some((10, true))),
        ("SEPT", Some((9, true))),
        ("may", Some((5, false))),
        ("Junk", None),
        ("Mayor", None),
        ("Septem", None),
        ("", None),
    ] {
        assert_eq!(month_number(word), want, "{word:?}");
    }
}

#[test]
fn years_and_decades() {
    check("In 2013 the United States", &[year("2013", 2013.0)]);
    check("Russia's 2014 aggression", &[year("2014", 2014.0)]);
    check("our 2016 elections", &[year("2016", 2016.0)]);
    check("But 2016 was also the year", &[year("2016", 2016.0)]);
    check(
        "as far back as 2010, and in early 2012",
        &[year("2010", 2010.0), year("2012", 2012.0)],
    );
    check(
        "in 1812 and in 1500",
        &[year("1812", 1812.0), year("1500", 1500.0)],
    );
    check("the 1990s", &[years("1990s", 1990.0, 1999.0)]);
    check(
        "in the mid-1990s when",
        &[years("mid-1990s", 1990.0, 1999.0)],
    );
    check("in the 2010s the", &[years("2010s", 2010.0, 2019.0)]);
    check("the 1980's", &[years("1980's", 1980.0, 1989.0)]);
    check("the ’90s", &[years("’90s", 1990.0, 1999.0)]);
    check("2016's vote", &[year("2016", 2016.0)]);
    check(
        "2,000 people",
        &[count("2,000 people", 2000.0, "people", None)],
    );
    check("1499 is not", &[]);
    check(
        "around 2005 the",
        &[(
            "around 2005",
            Year,
            Some(2005.0),
            None,
            None,
            Some("around"),
            None,
            None,
        )],
    );
    check("the summer of 2016", &[year("2016", 2016.0)]);
    check("a 2016-era policy", &[year("2016", 2016.0)]);
    check("year 3000 and 999", &[]);
    check(
        "Over 2016 and 2017 it grew",
        &[year("2016", 2016.0), year("2017", 2017.0)],
    );
}

#[test]
fn ranges() {
    check("in 2009-11 and", &[years("2009-11", 2009.0, 2011.0)]);
    check("2009–2011", &[years("2009–2011", 2009.0, 2011.0)]);
    check(
        "from 2012 to 2017,",
        &[years("from 2012 to 2017", 2012.0, 2017.0)],
    );
    check(
        "between 2012 and 2017",
        &[years("between 2012 and 2017", 2012.0, 2017.0)],
    );
    check(
        "between 10 and 20",
        &[(
            "between 10 and 20",
            Other,
            Some(10.0),
            Some(20.0),
            None,
            None,
            None,
            None,
        )],
    );
    check(
        "between 10 and 20 people",
        &[(
            "between 10 and 20 people",
            Count,
            Some(10.0),
            Some(20.0),
            None,
            None,
            Some("people"),
            None,
        )],
    );
    check(
        "10-20 people",
        &[(
            "10-20 people",
            Count,
            Some(10.0),
            Some(20.0),
            None,
            None,
            Some("people"),
            None,
        )],
    );
    check(
        "$5-10 million",
        &[(
            "$5-10 million",
            Money,
            Some(5e6),
            Some(1e7),
            Some("USD"),
            None,
            None,
            None,
        )],
    );
    check(
        "$5 million to $10 million",
        &[(
            "$5 million to $10 million",
            Money,
            Some(5e6),
            Some(1e7),
            Some("USD"),
            None,
            None,
            None,
        )],
    );
    check(
        "$500,000 to $1 million",
        &[(
            "$500,000 to $1 million",
            Money,
            Some(5e5),
            Some(1e6),
            Some("USD"),
            None,
            None,
            None,
        )],
    );
    check("1990-91", &[years("1990-91", 1990.0, 1991.0)]);
    check("10 to 20", &[]);
    check("2019-18", &[]);
}

#[test]
fn offsets_are_exact_with_unicode() {
    let s = "Ünïcödé — “nearly €5bn” and “12 Россия officials” then 50 people 🎉.";
    for f in figures(s) {
        assert_eq!(&s[f.start..f.end], f.text);
    }
    assert!(figures(s).iter().any(|f| f.text == "nearly €5bn"));
    assert!(figures(s).iter().any(|f| f.text == "50 people"));
}

#[test]
fn pathological_inputs() {
    let huge = "9".repeat(1_000_000);
    assert!(figures(&huge).is_empty());
    let huge = format!("${} million and 5 people", "1".repeat(400));
    let f = figures(&huge);
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].text, "5 people");
    let commas = format!("1{} people", ",000".repeat(300));
    assert!(figures(&commas).is_empty());
    assert!(figures("\0\0 12\0people $\0 5")
        .iter()
        .all(|f| f.text.is_ascii()));
    let long_line = "word 12 people. ".repeat(20_000);
    let f = figures(&long_line);
    assert_eq!(f.len(), 20_000);
    let no_space = "a".repeat(200_000);
    assert!(figures(&no_space).is_empty());
    assert!(figures("").is_empty());
    assert!(figures("$").is_empty());
    assert!(figures("Oct.").is_empty());
    assert!(figures("between").is_empty());
    assert!(figures("5-").is_empty());
    assert!(figures("'90").is_empty());
}

#[test]
fn ordered_and_non_overlapping() {
    let s =
        "In October 2014, Tsurikov, who had stolen over $9.4 million, was sentenced to 11 years; \
             12 people and 3 billion rubles ($45 million) from 2012 to 2017.";
    let f = figures(s);
    for w in f.windows(2) {
        assert!(w[0].end <= w[1].start, "{:?} / {:?}", w[0].text, w[1].text);
    }
    assert_eq!(f.len(), 7);
}

mod prop {
    use super::super::figures;
    use proptest::prelude::*;

    fn check_invariants(s: &str) {
        let f = figures(s);
        let mut last_end = 0;
        for fig in &f {
            assert!(s.is_char_boundary(fig.start) && s.is_char_boundary(fig.end));
            assert!(fig.start < fig.end && fig.start >= last_end);
            assert_eq!(&s[fig.start..fig.end], fig.text);
            if let Some(l) = fig.linked_to {
                assert!(l < f.len());
            }
            last_end = fig.end;
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn never_panics_on_any_string(s in "\\PC*") {
            check_invariants(&s);
        }

        #[test]
        fn never_panics_on_numberish_strings(
            s in "([0-9]{1,25}|[,.\\-–/:%$€£'’ ]|million|bn|m|s|years|people|from|to|between|and|October|Oct|nearly|more than|\\(|\\)|one|two-|hour|twenty|hundred|a| |\n|é|\u{0}){0,40}"
        ) {
            check_invariants(&s);
        }

        /// Token soup from the words the rules look at, glued or spaced
        /// at random: reaches the end-of-input edges of every rule.
        #[test]
        fn never_panics_on_token_soup(
            parts in proptest::collection::vec(
                (proptest::sample::select(VOCAB), proptest::bool::ANY),
                0..30,
            )
        ) {
            let mut s = String::new();
            for (w, space) in parts {
                s.push_str(w);
                if space {
                    s.push(' ');
                }
            }
            check_invariants(&s);
        }
    }

    const VOCAB: &[&str] = &[
        "0",
        "1",
        "5",
        "12",
        "99",
        "2016",
        "1990",
        "2,000",
        "3.5",
        "007",
        "123456789012345678901234",
        "$",
        "€",
        "£",
        "US",
        "A",
        "Rs",
        ".",
        "-",
        "–",
        "—",
        "'",
        "’",
        "s",
        "m",
        "bn",
        "k",
        "%",
        "per",
        "cent",
        "percent",
        "million",
        "billion",
        "thousand",
        "hundred",
        "dozen",
        "a",
        "an",
        "half",
        "and",
        "to",
        "from",
        "between",
        "of",
        "those",
        "the",
        "one",
        "two",
        "forty",
        "twelve",
        "zero",
        "years",
        "year",
        "old",
        "hour",
        "days",
        "people",
        "officials",
        "rubles",
        "dollars",
        "pounds",
        "sterling",
        "won",
        "U",
        ".S",
        ",",
        "(",
        ")",
        "/",
        ":",
        "October",
        "Oct",
        "May",
        "31",
        "st",
        "th",
        "nearly",
        "more",
        "than",
        "at",
        "least",
        "some",
        "over",
        "under",
        "up",
        "mid",
        "G",
        "é",
        "日本",
        "\u{0}",
        "\n",
        " ",
        "🎉",
        "1000000",
        "Canadian",
        "Hong",
        "Kong",
    ];
}

/// Throughput check: `cargo test --release -- --ignored --nocapture speed`.
#[test]
#[ignore]
fn speed() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let mut seed = String::new();
    for d in [dir.as_path(), std::path::Path::new("/work/main/seeds")] {
        if let Ok(rd) = std::fs::read_dir(d) {
            let mut paths: Vec<_> = rd.flatten().map(|e| e.path()).collect();
            paths.sort();
            for p in paths {
                if p.extension().is_some_and(|x| x == "txt") {
                    seed.push_str(&std::fs::read_to_string(&p).unwrap_or_default());
                    seed.push('\n');
                }
            }
            if !seed.is_empty() {
                break;
            }
        }
    }
    if seed.is_empty() {
        seed = "In October 2014, a man who stole over $9.4 million from 122 countries was \
                sentenced to 11 years; 3 billion rubles ($45 million) from 2012 to 2017.\n"
            .repeat(50);
    }
    let reps = (50 << 20) / seed.len() + 1;
    let big = seed.repeat(reps);
    let t = std::time::Instant::now();
    let n = figures(&big).len();
    let dt = t.elapsed().as_secs_f64();
    let mb = big.len() as f64 / 1e6;
    println!(
        "figures: {n} in {mb:.1} MB, {dt:.3} s, {:.1} MB/s (one call)",
        mb / dt
    );
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        n += figures(&seed).len();
    }
    let dt = t.elapsed().as_secs_f64();
    println!(
        "figures: {n} in {mb:.1} MB, {dt:.3} s, {:.1} MB/s (per article)",
        mb / dt
    );
}

fn measure<'a>(t: &'a str, v: f64, q: Option<&'a str>) -> Exp<'a> {
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
