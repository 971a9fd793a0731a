//! The figure words: number words, scale words, currencies (symbols, codes,
//! words written after the number and the adjectives before them),
//! duration units and fraction denominators; the word classes the figure
//! parser checks around a number (words that end a counted noun phrase,
//! plurals, count nouns, the words that make a number a year); the
//! qualifiers; and the verbs after which a bare number counts people.
//!
//! Tables of values are slices sorted by word and looked up by binary
//! search (a test keeps them sorted); the word classes are word lists like
//! the other lexicon lists, gathered once into one sorted table. Words are
//! compared as given: the parser passes them lower-cased, except where a
//! table says it is case-sensitive.

use std::sync::LazyLock;

use crate::extract::model::{Currency, DurationUnit};

/// What a number word adds to a spelled-out number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberWord {
    /// 0..=9
    Unit(u8),
    /// 10..=19
    Teen(u8),
    /// 20, 30, ... 90
    Tens(u8),
    Hundred,
    /// thousand, million, billion, trillion (power of ten).
    Scale(i32),
    Dozen,
}

/// The value of `w` in a table sorted by word.
fn lookup<'t, V>(table: &'t [(&str, V)], w: &[u8]) -> Option<&'t V> {
    // Every word of the text is looked up, and most differ from a key in
    // their first byte: compare that before the whole slice.
    let first = *w.first()?;
    let i = table
        .binary_search_by(|(k, _)| {
            let k = k.as_bytes();
            k[0].cmp(&first).then_with(|| k.cmp(w))
        })
        .ok()?;
    Some(&table[i].1)
}

/// Number words, lower case ("fourty" is a common misspelling).
const NUMBER_WORDS: &[(&str, NumberWord)] = &[
    ("billion", NumberWord::Scale(9)),
    ("dozen", NumberWord::Dozen),
    ("eight", NumberWord::Unit(8)),
    ("eighteen", NumberWord::Teen(18)),
    ("eighty", NumberWord::Tens(80)),
    ("eleven", NumberWord::Teen(11)),
    ("fifteen", NumberWord::Teen(15)),
    ("fifty", NumberWord::Tens(50)),
    ("five", NumberWord::Unit(5)),
    ("forty", NumberWord::Tens(40)),
    ("four", NumberWord::Unit(4)),
    ("fourteen", NumberWord::Teen(14)),
    ("fourty", NumberWord::Tens(40)),
    ("hundred", NumberWord::Hundred),
    ("million", NumberWord::Scale(6)),
    ("nine", NumberWord::Unit(9)),
    ("nineteen", NumberWord::Teen(19)),
    ("ninety", NumberWord::Tens(90)),
    ("one", NumberWord::Unit(1)),
    ("seven", NumberWord::Unit(7)),
    ("seventeen", NumberWord::Teen(17)),
    ("seventy", NumberWord::Tens(70)),
    ("six", NumberWord::Unit(6)),
    ("sixteen", NumberWord::Teen(16)),
    ("sixty", NumberWord::Tens(60)),
    ("ten", NumberWord::Teen(10)),
    ("thirteen", NumberWord::Teen(13)),
    ("thirty", NumberWord::Tens(30)),
    ("thousand", NumberWord::Scale(3)),
    ("three", NumberWord::Unit(3)),
    ("trillion", NumberWord::Scale(12)),
    ("twelve", NumberWord::Teen(12)),
    ("twenty", NumberWord::Tens(20)),
    ("two", NumberWord::Unit(2)),
    ("zero", NumberWord::Unit(0)),
];

/// The lengths of the [`NUMBER_WORDS`].
const NUMBER_WORD_LENGTHS: std::ops::RangeInclusive<usize> = 3..=9;

/// A number word ("seven", "forty", "hundred", "million", "dozen").
pub(crate) fn number_word(w: &[u8]) -> Option<NumberWord> {
    // Every word of the text comes here: the lengths of the table's words
    // turn most away before any search.
    if !NUMBER_WORD_LENGTHS.contains(&w.len()) {
        return None;
    }
    lookup(NUMBER_WORDS, w).copied()
}

/// Scale words written after digits with a space, as powers of ten.
const SPACED_SCALES: &[(&str, i32)] = &[
    ("billion", 9),
    ("bln", 9),
    ("bn", 9),
    ("crore", 7),
    ("lakh", 5),
    ("million", 6),
    ("mln", 6),
    ("mn", 6),
    ("thousand", 3),
    ("tn", 12),
    ("trillion", 12),
    ("trn", 12),
];

/// A scale word written after digits with a space (`3 billion`, `5 bn`).
pub(crate) fn spaced_scale(w: &[u8]) -> Option<i32> {
    lookup(SPACED_SCALES, w).copied()
}

/// Scale abbreviations glued to digits: power of ten, and whether the form
/// is "weak" (one letter).
const GLUED_SCALES: &[(&str, (i32, bool))] = &[
    ("b", (9, true)),
    ("bln", (9, false)),
    ("bn", (9, false)),
    ("k", (3, true)),
    ("m", (6, true)),
    ("mln", (6, false)),
    ("mn", (6, false)),
    ("tn", (12, false)),
    ("trn", (12, false)),
];

/// A scale abbreviation glued to digits (`5bn`, `$3m`). The one-letter
/// forms (`m`, `k`, `b`) are "weak": they only count next to a currency,
/// since `50m` alone may well be fifty metres.
pub(crate) fn glued_scale(w: &[u8]) -> Option<(i32, bool)> {
    lookup(GLUED_SCALES, w).copied()
}

/// Currency symbols and their ISO 4217 codes, sorted by char.
const CURRENCY_SYMBOLS: &[(char, Currency)] = &[
    ('$', Currency::new(b"USD")),
    ('£', Currency::new(b"GBP")),
    ('¥', Currency::new(b"JPY")),
    ('₦', Currency::new(b"NGN")),
    ('₩', Currency::new(b"KRW")),
    ('₪', Currency::new(b"ILS")),
    ('€', Currency::new(b"EUR")),
    ('₴', Currency::new(b"UAH")),
    ('₹', Currency::new(b"INR")),
    ('₺', Currency::new(b"TRY")),
    ('₽', Currency::new(b"RUB")),
];

/// The ISO 4217 code of a currency symbol (`$`, `€`, `£` ...).
pub(crate) fn currency_sym(c: char) -> Option<Currency> {
    let i = CURRENCY_SYMBOLS
        .binary_search_by_key(&c, |&(s, _)| s)
        .ok()?;
    Some(CURRENCY_SYMBOLS[i].1)
}

/// Letters glued before `$`, case-sensitive.
const DOLLAR_PREFIXES: &[(&str, Currency)] = &[
    ("A", Currency::new(b"AUD")),
    ("AU", Currency::new(b"AUD")),
    ("C", Currency::new(b"CAD")),
    ("CA", Currency::new(b"CAD")),
    ("CAN", Currency::new(b"CAD")),
    ("HK", Currency::new(b"HKD")),
    ("MX", Currency::new(b"MXN")),
    ("NT", Currency::new(b"TWD")),
    ("NZ", Currency::new(b"NZD")),
    ("R", Currency::new(b"BRL")),
    ("S", Currency::new(b"SGD")),
    ("SG", Currency::new(b"SGD")),
    ("U.S.", Currency::new(b"USD")),
    ("US", Currency::new(b"USD")),
];

/// Letters written glued before `$`: `US$`, `A$`, `HK$` ...
pub(crate) fn dollar_prefix(raw: &str) -> Option<Currency> {
    lookup(DOLLAR_PREFIXES, raw.as_bytes()).copied()
}

/// ISO 4217 codes as written (upper case), and "RMB" for the yuan.
const ISO_CODES: &[(&str, Currency)] = &[
    ("AED", Currency::new(b"AED")),
    ("AUD", Currency::new(b"AUD")),
    ("BRL", Currency::new(b"BRL")),
    ("CAD", Currency::new(b"CAD")),
    ("CHF", Currency::new(b"CHF")),
    ("CNY", Currency::new(b"CNY")),
    ("DKK", Currency::new(b"DKK")),
    ("EGP", Currency::new(b"EGP")),
    ("EUR", Currency::new(b"EUR")),
    ("GBP", Currency::new(b"GBP")),
    ("HKD", Currency::new(b"HKD")),
    ("ILS", Currency::new(b"ILS")),
    ("INR", Currency::new(b"INR")),
    ("JPY", Currency::new(b"JPY")),
    ("KRW", Currency::new(b"KRW")),
    ("MXN", Currency::new(b"MXN")),
    ("NGN", Currency::new(b"NGN")),
    ("NOK", Currency::new(b"NOK")),
    ("NZD", Currency::new(b"NZD")),
    ("PKR", Currency::new(b"PKR")),
    ("PLN", Currency::new(b"PLN")),
    ("RMB", Currency::new(b"CNY")),
    ("RUB", Currency::new(b"RUB")),
    ("SAR", Currency::new(b"SAR")),
    ("SEK", Currency::new(b"SEK")),
    ("SGD", Currency::new(b"SGD")),
    ("TRY", Currency::new(b"TRY")),
    ("UAH", Currency::new(b"UAH")),
    ("USD", Currency::new(b"USD")),
    ("ZAR", Currency::new(b"ZAR")),
];

/// ISO 4217 codes, upper case exactly as written.
pub(crate) fn iso_code(raw: &str) -> Option<Currency> {
    if raw.len() != 3 {
        return None;
    }
    lookup(ISO_CODES, raw.as_bytes()).copied()
}

/// Currency words written after the number, lower case ("dlr", "dlrs":
/// wire copy).
const CURRENCY_WORDS: &[(&str, Currency)] = &[
    ("dirham", Currency::new(b"AED")),
    ("dirhams", Currency::new(b"AED")),
    ("dlr", Currency::new(b"USD")),
    ("dlrs", Currency::new(b"USD")),
    ("dollar", Currency::new(b"USD")),
    ("dollars", Currency::new(b"USD")),
    ("euro", Currency::new(b"EUR")),
    ("euros", Currency::new(b"EUR")),
    ("franc", Currency::new(b"CHF")),
    ("francs", Currency::new(b"CHF")),
    ("hryvnas", Currency::new(b"UAH")),
    ("hryvnia", Currency::new(b"UAH")),
    ("hryvnias", Currency::new(b"UAH")),
    ("hryvnya", Currency::new(b"UAH")),
    ("krona", Currency::new(b"SEK")),
    ("kronor", Currency::new(b"SEK")),
    ("lira", Currency::new(b"TRY")),
    ("liras", Currency::new(b"TRY")),
    ("lire", Currency::new(b"TRY")),
    ("naira", Currency::new(b"NGN")),
    ("peso", Currency::new(b"MXN")),
    ("pesos", Currency::new(b"MXN")),
    ("rand", Currency::new(b"ZAR")),
    ("reais", Currency::new(b"BRL")),
    ("real", Currency::new(b"BRL")),
    ("renminbi", Currency::new(b"CNY")),
    ("riyal", Currency::new(b"SAR")),
    ("riyals", Currency::new(b"SAR")),
    ("rouble", Currency::new(b"RUB")),
    ("roubles", Currency::new(b"RUB")),
    ("ruble", Currency::new(b"RUB")),
    ("rubles", Currency::new(b"RUB")),
    ("rupee", Currency::new(b"INR")),
    ("rupees", Currency::new(b"INR")),
    ("shekel", Currency::new(b"ILS")),
    ("shekels", Currency::new(b"ILS")),
    ("sterling", Currency::new(b"GBP")),
    ("yen", Currency::new(b"JPY")),
    ("yuan", Currency::new(b"CNY")),
    ("zloty", Currency::new(b"PLN")),
    ("zlotys", Currency::new(b"PLN")),
];

/// Currency words written after the number. `pounds` and `won` are handled
/// by the caller because they are ambiguous (weight; the verb).
pub(crate) fn currency_word(w: &[u8]) -> Option<Currency> {
    lookup(CURRENCY_WORDS, w).copied()
}

/// Adjectives before a currency word, case-sensitive: the code they give
/// a dollar (or their own currency), or `None` for one that keeps the
/// currency word's code. "Hong" stands for "Hong Kong" (the caller skips
/// "Kong").
const CURRENCY_ADJECTIVES: &[(&str, Option<Currency>)] = &[
    ("African", None),
    ("American", Some(Currency::new(b"USD"))),
    ("Australian", Some(Currency::new(b"AUD"))),
    ("Brazilian", Some(Currency::new(b"BRL"))),
    ("British", Some(Currency::new(b"GBP"))),
    ("Canadian", Some(Currency::new(b"CAD"))),
    ("Chinese", None),
    ("Egyptian", Some(Currency::new(b"EGP"))),
    ("Hong", Some(Currency::new(b"HKD"))),
    ("Indian", None),
    ("Israeli", None),
    ("Japanese", None),
    ("Korean", None),
    ("Mexican", Some(Currency::new(b"MXN"))),
    ("Nigerian", None),
    ("Pakistani", Some(Currency::new(b"PKR"))),
    ("Polish", None),
    ("Russian", None),
    ("Saudi", None),
    ("Singapore", Some(Currency::new(b"SGD"))),
    ("Singaporean", Some(Currency::new(b"SGD"))),
    ("South", None),
    ("Swedish", None),
    ("Swiss", None),
    ("Taiwan", Some(Currency::new(b"TWD"))),
    ("Taiwanese", Some(Currency::new(b"TWD"))),
    ("Turkish", None),
    ("US", Some(Currency::new(b"USD"))),
    ("Ukrainian", None),
];

/// A word between the number and a currency word that changes or keeps its
/// code (`Canadian dollars`, `US dollars`, `Swiss francs`).
pub(crate) fn currency_adjective(raw: &str) -> Option<Option<Currency>> {
    lookup(CURRENCY_ADJECTIVES, raw.as_bytes()).copied()
}

/// Duration words and their singular unit.
const DURATION_UNITS: &[(&str, DurationUnit)] = &[
    ("centuries", DurationUnit::Century),
    ("century", DurationUnit::Century),
    ("day", DurationUnit::Day),
    ("days", DurationUnit::Day),
    ("decade", DurationUnit::Decade),
    ("decades", DurationUnit::Decade),
    ("hour", DurationUnit::Hour),
    ("hours", DurationUnit::Hour),
    ("hr", DurationUnit::Hour),
    ("hrs", DurationUnit::Hour),
    ("minute", DurationUnit::Minute),
    ("minutes", DurationUnit::Minute),
    ("month", DurationUnit::Month),
    ("months", DurationUnit::Month),
    ("second", DurationUnit::Second),
    ("seconds", DurationUnit::Second),
    ("week", DurationUnit::Week),
    ("weeks", DurationUnit::Week),
    ("year", DurationUnit::Year),
    ("years", DurationUnit::Year),
    ("yr", DurationUnit::Year),
    ("yrs", DurationUnit::Year),
];

/// The unit of a duration word ("years", "hrs" → year, hour).
pub(crate) fn duration_unit(w: &[u8]) -> Option<DurationUnit> {
    lookup(DURATION_UNITS, w).copied()
}

/// Denominators of spelled fractions, without a final "s" ("two-thirds").
const FRACTION_DENOMINATORS: &[(&str, f64)] = &[
    ("eighth", 8.0),
    ("fifth", 5.0),
    ("fourth", 4.0),
    ("half", 2.0),
    ("halve", 2.0),
    ("ninth", 9.0),
    ("quarter", 4.0),
    ("seventh", 7.0),
    ("sixth", 6.0),
    ("tenth", 10.0),
    ("third", 3.0),
];

/// The value of a fraction's denominator word, lower case, without a final
/// "s" ("third" → 3, "halve" → 2).
pub(crate) fn fraction_denominator(w: &[u8]) -> Option<f64> {
    lookup(FRACTION_DENOMINATORS, w).copied()
}

/// Verbs after which a bare number counts people ("killed 12.", "injured
/// some 40").
pub(crate) const COUNTING_VERBS: &str = "killed killing injured injuring wounded wounding \
    arrested detained evacuated rescued hospitalised hospitalized";

/// Units of measure (lengths, weights, areas, volumes, speeds, data,
/// frequencies, power, temperature): a number before one is a measure, a
/// figure of kind `other` with no unit in the contract ("2.4 km", "15kg",
/// "a 40-kilometre drive", "12GB"), never a count of it. Lower case; the
/// match ignores case. Single letters ("m", "g", "W") are left out: they
/// are as often millions, grades or initials.
pub(crate) const MEASURE_UNITS: &str = "km kms kilometre kilometres kilometer kilometers \
    metre metres meter meters mm millimetre millimetres millimeter millimeters cm centimetre \
    centimetres centimeter centimeters mile miles mph kph km/h foot feet ft inch inches yard yards \
    kg kgs kilogram kilograms kilo kilos gram grams mg milligram milligrams tonne tonnes ton tons \
    lb lbs pound pounds ounce ounces oz litre litres liter liters ml millilitre millilitres \
    gallon gallons acre acres hectare hectares sq bpd barrels knots kb mb gb tb kilobyte \
    kilobytes megabyte megabytes gigabyte gigabytes terabyte terabytes ghz mhz khz hz fps kw mw \
    gw kwh mwh gwh watt watts kilowatt kilowatts megawatt megawatts gigawatt gigawatts volt \
    volts celsius fahrenheit";

/// Is `w` (any case) one of the [`MEASURE_UNITS`]?
pub(crate) fn is_measure_unit(w: &str) -> bool {
    static SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| MEASURE_UNITS.split_whitespace().collect());
    w.len() <= 12 && SET.contains(w.to_ascii_lowercase().as_str())
}

/// Function words, pronouns, auxiliaries and adverbs: these end a counted
/// noun phrase, and a capitalised one before a number is not a name.
const STOP_WORDS: &str =
    "a an the this that these those of in on at to for from by with without within about into \
    onto over under after before during since until till between among amongst against across \
    through throughout toward towards upon via per and or but nor so yet if then than as \
    because while whereas although though when where which who whom whose what why how is are \
    was were be been being am has have had having do does did will would shall should can \
    could may might must not no also more most less least fewer each every all both either \
    neither any some many much few several other others another such own only just very too \
    even still already again ever never often now here there ago later earlier old said says \
    say according including like it its itself they them their he him his she her we us our \
    you your i me my nearly almost around roughly approximately up out off down away back \
    respectively total apiece altogether alone else instead today yesterday tomorrow last next \
    once twice however thus hence therefore together well mostly mainly overall combined \
    whether plus mr mrs ms dr top";

/// Lower-case words ending in `s` that are not plural nouns (besides those
/// ending in "ss", "us" and "is").
const NOT_PLURAL: &str =
    "as has was does his hers its ours yours theirs yes always perhaps sometimes whereas \
    besides towards afterwards backwards forwards news gas chaos ethos lens alias atlas canvas \
    bias politics physics economics ethics mathematics nowadays overseas says seems remains \
    goes gets makes takes comes wants needs adds notes shows means";

/// Nouns that count people or things even after a number that looks like a
/// year (`2000 people`).
const STRONG_COUNT_NOUNS: &str =
    "people persons men women children kids soldiers troops officers workers employees staff \
    residents civilians users members students patients deaths cases jobs homes households \
    refugees migrants protesters fighters prisoners hostages victims visitors passengers \
    customers companies firms accounts documents emails messages votes signatures delegates \
    participants miles kilometres kilometers metres meters feet tons tonnes barrels";

/// Plural nouns that do not end in `s`, and collective nouns counted as is.
const IRREGULAR_PLURALS: &str =
    "people men women children police personnel staff crew cattle sheep fish deer aircraft \
    data media feet teeth mice geese alumni bacteria criteria phenomena livestock spacecraft \
    militants others";

/// Singular nouns that end in "men" ("specimen", "abdomen").
const SINGULAR_MEN: &str =
    "specimen abdomen regimen stamen acumen bitumen albumen cerumen foramen gravamen dolmen";

/// Words before a number from 1000 to 1899 that make it a year.
const YEAR_CONTEXT: &str =
    "in since by until till from of the year circa before after during early late mid summer \
    winter spring autumn fall between back";

/// Qualifiers that make sense before a year (`around 2005`).
const YEAR_QUALIFIERS: &str = "about around roughly approximately";

const STOP: u8 = 1;
const NOT_PLURAL_WORD: u8 = 1 << 1;
const STRONG_COUNT: u8 = 1 << 2;
const IRREGULAR_PLURAL: u8 = 1 << 3;
const SINGULAR_MEN_WORD: u8 = 1 << 4;
const YEAR_CONTEXT_WORD: u8 = 1 << 5;
const YEAR_QUALIFIER: u8 = 1 << 6;

/// Every word of the word classes above with the classes (bit set) it is
/// in, sorted by word.
static CLASSES: LazyLock<Vec<(&'static [u8], u8)>> = LazyLock::new(|| {
    let mut v: Vec<(&'static [u8], u8)> = Vec::new();
    for (list, class) in [
        (STOP_WORDS, STOP),
        (NOT_PLURAL, NOT_PLURAL_WORD),
        (STRONG_COUNT_NOUNS, STRONG_COUNT),
        (IRREGULAR_PLURALS, IRREGULAR_PLURAL),
        (SINGULAR_MEN, SINGULAR_MEN_WORD),
        (YEAR_CONTEXT, YEAR_CONTEXT_WORD),
        (YEAR_QUALIFIERS, YEAR_QUALIFIER),
    ] {
        v.extend(list.split_whitespace().map(|w| (w.as_bytes(), class)));
    }
    v.sort_unstable();
    v.dedup_by(|next, kept| {
        let same = next.0 == kept.0;
        if same {
            kept.1 |= next.1;
        }
        same
    });
    v
});

/// Is `w` in any of the word classes `classes`?
fn in_class(w: &[u8], classes: u8) -> bool {
    CLASSES
        .binary_search_by(|(k, _)| (*k).cmp(w))
        .is_ok_and(|i| CLASSES[i].1 & classes != 0)
}

/// Is `w` one of the [`STOP_WORDS`]?
pub(crate) fn is_figure_stop(w: &[u8]) -> bool {
    in_class(w, STOP)
}

/// Lower-case words ending in `s` that are not plural nouns: those ending
/// in "ss", "us" or "is", and the [`NOT_PLURAL`] words.
pub(crate) fn not_plural(w: &[u8]) -> bool {
    if w.ends_with(b"ss") || w.ends_with(b"us") || w.ends_with(b"is") {
        return true;
    }
    in_class(w, NOT_PLURAL_WORD)
}

/// Is `w` one of the [`STRONG_COUNT_NOUNS`]?
pub(crate) fn strong_count_noun(w: &[u8]) -> bool {
    in_class(w, STRONG_COUNT)
}

/// One of the [`IRREGULAR_PLURALS`], or a compound of "men" or "people"
/// ("gunmen", "townspeople"), but for the [`SINGULAR_MEN`].
pub(crate) fn irregular_plural(w: &[u8]) -> bool {
    let compound = (w.len() > 4 && w.ends_with(b"men") && !in_class(w, SINGULAR_MEN_WORD))
        || (w.len() > 6 && w.ends_with(b"people"));
    compound || in_class(w, IRREGULAR_PLURAL)
}

/// Is `w` one of the [`YEAR_CONTEXT`] words?
pub(crate) fn year_context(w: &[u8]) -> bool {
    in_class(w, YEAR_CONTEXT_WORD)
}

/// Is the qualifier `q` one of the [`YEAR_QUALIFIERS`]?
pub(crate) fn year_qualifier(q: &str) -> bool {
    in_class(q.as_bytes(), YEAR_QUALIFIER)
}

/// Qualifiers, longest first, as (words, normalised form).
pub(crate) const QUALIFIERS: &[(&[&[u8]], &str)] = &[
    (&[b"as", b"many", b"as"], "as many as"),
    (&[b"as", b"much", b"as"], "as much as"),
    (&[b"more", b"than"], "more than"),
    (&[b"at", b"least"], "at least"),
    (&[b"up", b"to"], "up to"),
    (&[b"fewer", b"than"], "fewer than"),
    (&[b"less", b"than"], "less than"),
    (&[b"at", b"most"], "at most"),
    (&[b"just", b"over"], "just over"),
    (&[b"just", b"under"], "just under"),
    (&[b"nearly"], "nearly"),
    (&[b"almost"], "almost"),
    (&[b"over"], "over"),
    (&[b"some"], "some"),
    (&[b"about"], "about"),
    (&[b"around"], "around"),
    (&[b"roughly"], "roughly"),
    (&[b"approximately"], "approximately"),
    (&[b"under"], "under"),
];

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted<K: Ord, V>(table: &[(K, V)]) -> bool {
        table.windows(2).all(|w| w[0].0 < w[1].0)
    }

    /// Binary search needs every table sorted by word, each word once.
    #[test]
    fn number_words_fit_the_length_filter() {
        for (w, _) in NUMBER_WORDS {
            assert!(NUMBER_WORD_LENGTHS.contains(&w.len()), "{w}");
        }
    }

    #[test]
    fn tables_are_sorted() {
        assert!(sorted(NUMBER_WORDS));
        assert!(sorted(SPACED_SCALES));
        assert!(sorted(GLUED_SCALES));
        assert!(sorted(CURRENCY_SYMBOLS));
        assert!(sorted(DOLLAR_PREFIXES));
        assert!(sorted(ISO_CODES));
        assert!(sorted(CURRENCY_WORDS));
        assert!(sorted(CURRENCY_ADJECTIVES));
        assert!(sorted(DURATION_UNITS));
        assert!(sorted(FRACTION_DENOMINATORS));
    }

    #[test]
    fn word_classes() {
        assert!(is_figure_stop(b"the") && !is_figure_stop(b"people"));
        assert!(not_plural(b"news") && not_plural(b"boss") && !not_plural(b"officials"));
        assert!(strong_count_noun(b"people") && !strong_count_noun(b"news"));
        assert!(irregular_plural(b"gunmen") && !irregular_plural(b"specimen"));
        assert!(irregular_plural(b"townspeople") && irregular_plural(b"police"));
        assert!(year_context(b"since") && !year_context(b"people"));
        assert!(year_qualifier("about") && !year_qualifier("more than"));
        // A word in two classes keeps both.
        assert!(is_figure_stop(b"others") && irregular_plural(b"others"));
    }
}
