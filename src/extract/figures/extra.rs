//! Figures the token parser does not make, added where no other figure
//! is: half units ("half a century"), spelled fractions ("two-thirds") and
//! bare counts after a verb that counts people ("killed 12.").

use crate::extract::model::{DurationUnit, Figure, FigureKind, Unit};

use crate::extract::lexicon::{
    duration_unit, fraction_denominator, is_measure_unit, number_word, NumberWord as Nw,
    COUNTING_VERBS, MEASURE_UNITS, QUALIFIERS,
};

/// Figures the token parser does not make, added where no other figure
/// is: "half a century", "half an hour", "a half-century" (durations of
/// half a unit); "two-thirds", "one fifth", "about one-tenth" (fractions,
/// kind `other`, with a qualifier written before them); a bare number
/// after a verb that counts people ("killed 12.").
pub(super) fn extra_figures(text: &str, out: &mut Vec<Figure>) {
    static HALF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?-u:\b)half(?:\s+an?\s+|-)(century|decade|year|month|week|day|hour|minute)(?-u:\b)",
        )
        .expect("half regex")
    });
    static BARE_VERB: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(r"(?-u:\b)(?:{})$", counting_verbs())).expect("bare verb regex")
    });
    static FRACTION: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)(?-u:\b)(one|two|three|four|five|six|seven|eight|nine)[- ](half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)(?-u:\b)",
        )
        .expect("fraction regex")
    });
    // "injured some 40", "killed 12": a bare number after a verb that
    // counts people is a count of them (what it counts left unnamed).
    static BARE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!(
            r"(?-u:\b)(?:{})\s+(\d{{1,3}}(?:,\d{{3}})*|\d+)(?-u:\b)",
            counting_verbs()
        ))
        .expect("bare count regex")
    });
    let mut extra = Vec::new();
    measures(text, out, &mut extra);
    for m in BARE.captures_iter(text) {
        let num = m.get(1).expect("number");
        // Only a number that ends its phrase ("killed 12." / "killed 12
        // and"), not one before a noun ("killed 12 soldiers" is a figure
        // already).
        let after = text[num.end()..].trim_start();
        let ends = after.is_empty()
            || after.starts_with(['.', ',', ';', ')', ':'])
            || after.starts_with("and ")
            || after.starts_with("in ")
            || after.starts_with("on ");
        if let (true, Ok(v)) = (ends, num.as_str().replace(',', "").parse::<f64>()) {
            extra.push((num.start(), num.end(), v, None, FigureKind::Count));
        }
    }
    for f in out.iter_mut() {
        // A qualified bare number after such a verb ("injured some 40").
        if f.kind == FigureKind::Other && f.unit.is_none() && f.counts.is_none() {
            // The qualifier is part of the figure; look at the few words
            // before it only (never the whole text: that would be
            // quadratic).
            let mut lo = f.start.saturating_sub(24);
            while !text.is_char_boundary(lo) {
                lo += 1;
            }
            let head = text[lo..f.start].trim_end().to_ascii_lowercase();
            if BARE_VERB.is_match(&head) {
                f.kind = FigureKind::Count;
            }
        }
    }
    if text.contains("alf") {
        for m in HALF.captures_iter(text) {
            let (all, unit) = (m.get(0).expect("match"), &m[1]);
            if let Some(u) = duration_unit(unit.to_ascii_lowercase().as_bytes()) {
                extra.push((all.start(), all.end(), 0.5, Some(u), FigureKind::Duration));
            }
        }
    }
    // The denominators are rare words: find them with a literal scan, then
    // match the fraction in the few bytes before each.
    static DENOMINATOR: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)half|halves|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth",
        )
        .expect("denominator regex")
    });
    let mut seen_to = 0;
    for d in DENOMINATOR.find_iter(text) {
        let mut lo = d.start().saturating_sub(7).max(seen_to);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let hi = (d.end() + 2).min(text.len());
        let hi = (hi..=text.len())
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(text.len());
        seen_to = hi;
        for m in FRACTION.captures_iter(&text[lo..hi]) {
            let all = m.get(0).expect("match");
            let (s0, e0) = (lo + all.start(), lo + all.end());
            let n = match number_word(m[1].to_ascii_lowercase().as_bytes()) {
                Some(Nw::Unit(v)) => f64::from(v),
                _ => continue,
            };
            let denominator = m[2].to_ascii_lowercase();
            let Some(d) = fraction_denominator(denominator.trim_end_matches('s').as_bytes()) else {
                continue;
            };
            // "one third" with "one" as a count of a thing is rare; "the
            // third" (an ordinal) has no number word and never matches.
            extra.push((s0, e0, n / d, None, FigureKind::Other));
        }
    }
    if extra.is_empty() {
        return;
    }
    let mut added = false;
    for (start, end, value, unit, kind) in extra {
        if out.iter().any(|f| f.start < end && start < f.end) {
            continue;
        }
        // A qualifier right before it ("about one-tenth"), in the few
        // bytes before it.
        let mut lo = start.saturating_sub(24);
        while !text.is_char_boundary(lo) {
            lo += 1;
        }
        let head = &text[lo..start].trim_end();
        let lower = head.to_ascii_lowercase();
        let (start, qualifier) = QUALIFIERS
            .iter()
            .find_map(|(words, q)| {
                let phrase = words
                    .iter()
                    .map(|w| std::str::from_utf8(w).unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join(" ");
                let at = lower.strip_suffix(&phrase)?;
                let boundary = at.is_empty() || at.ends_with(|c: char| !c.is_ascii_alphanumeric());
                boundary.then(|| (lo + at.len(), Some(q.to_string())))
            })
            .unwrap_or((start, None));
        if out.iter().any(|f| f.start < end && start < f.end) {
            continue;
        }
        out.push(Figure {
            text: text[start..end].to_string(),
            start,
            end,
            value: Some(value),
            high: None,
            unit: unit.map(Unit::Duration),
            qualifier,
            kind,
            counts: None,
            date: None,
            linked_to: None,
        });
        added = true;
    }
    if added {
        // Keep the order by start; links are indices, so renumber them.
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| out[i].start);
        let mut new_index = vec![0; out.len()];
        for (new, &old) in order.iter().enumerate() {
            new_index[old] = new;
        }
        let mut sorted: Vec<Figure> = order.iter().map(|&i| out[i].clone()).collect();
        for f in &mut sorted {
            f.linked_to = f.linked_to.map(|l| new_index[l]);
        }
        *out = sorted;
    }
}

/// The verbs that count people, as a regex alternation.
fn counting_verbs() -> String {
    COUNTING_VERBS
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("|")
}

/// A figure for each number followed by a unit of measure ("2.4 km",
/// "15kg", "a 40-kilometre drive", "180 °C"): kind `other`, no unit (the
/// contract has none for measures). A count the parser made of a measure
/// ("26.6 megabytes", "25 mg doses") becomes that measure.
type Extra = (usize, usize, f64, Option<DurationUnit>, FigureKind);

fn measures(text: &str, out: &mut [Figure], extra: &mut Vec<Extra>) {
    static MEASURE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        let units: Vec<String> = MEASURE_UNITS
            .split_whitespace()
            .map(regex::escape)
            .collect();
        regex::Regex::new(&format!(
            r"(?i)(?-u:\b)(\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:[ \u{{a0}}]?|-)(?:({})(?-u:\b)|°\s?[CF](?-u:\b))",
            units.join("|")
        ))
        .expect("measure regex")
    });
    for f in out.iter_mut() {
        if f.kind != FigureKind::Count {
            continue;
        }
        let Some(noun) = f.counts.as_deref() else {
            continue;
        };
        let first = noun.split_whitespace().next().unwrap_or("");
        if !is_measure_unit(first) {
            continue;
        }
        // End the figure after the unit word.
        if let Some(at) = text[f.start..f.end].find(first) {
            f.end = f.start + at + first.len();
            f.text = text[f.start..f.end].to_string();
        }
        f.kind = FigureKind::Other;
        f.counts = None;
    }
    for m in MEASURE.captures_iter(text) {
        let (all, num) = (m.get(0).expect("match"), m.get(1).expect("number"));
        if let Ok(v) = num.as_str().replace(',', "").parse::<f64>() {
            extra.push((all.start(), all.end(), v, None, FigureKind::Other));
        }
    }
}
