//! Unit tests of `extract::figures`, second part: durations, dates,
//! years, ranges, and the properties every output keeps (exact offsets,
//! order, bounded work on hostile input).

use super::tests::*;
use super::*;
use crate::extract::model::FigureKind;

use FigureKind::*;

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
