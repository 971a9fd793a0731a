//! Finding a page's main text: score the blocks that read like paragraphs,
//! credit their ancestors, take the best-scoring container and its siblings
//! that score well too, and drop what inside it is not story (share bars,
//! captions, related links, promos), the approach of Mozilla's Readability.
//! When that leaves too little text, it is tried again with fewer rules.
//!
//! Every pass is a loop over the node arena of [`super::tree`]; nothing
//! recurses.

use std::sync::LazyLock;

use regex::Regex;

use super::tree::{Node, Page};

/// Class and id words of blocks that are page furniture, not story.
static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"-ad-|\bads?\b|ad-break|advert|agegate|ai2html|banner|breadcrumb|byline|caption|",
        r"comment|community|consent|cookie|cover-wrap|credit|disqus|donat|extra|footer|gdpr|",
        r"header|legends|masthead|menu|modal|more-stories|\bnav|newsletter|outbrain|pager|",
        r"pagination|paywall|popup|promo|pull-?quote|recommend|related|remark|replies|rss|",
        r"share|sharing|shoutbox|sidebar|signup|skyscraper|social|sponsor|subscri|",
        r"supplemental|taboola|toolbar|trending|tweet|widget|yom-remote|author-?bio|",
        r"\btags?\b|timestamp|dateline|print-only|read-?more|most-?(popular|read)"
    ))
    .unwrap()
});

/// Class and id words that may hold the story even when they also look
/// unlikely ("article-sidebar" is not, "main-content" is).
static MAYBE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"and|article|body|column|content|main|shadow|story").unwrap());

static NEGATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"-ad-|hidden|\bhid\b|banner|byline|caption|combx|comment|com-|contact|credit|footer|",
        r"gdpr|masthead|media|meta|newsletter|outbrain|promo|related|scroll|share|shoutbox|",
        r"sidebar|skyscraper|social|sponsor|shopping|subscri|tags|widget|nav"
    ))
    .unwrap()
});

static POSITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story").unwrap()
});

/// Roles that mark furniture.
fn unlikely_role(role: &str) -> bool {
    matches!(
        role,
        "navigation"
            | "complementary"
            | "contentinfo"
            | "banner"
            | "dialog"
            | "alertdialog"
            | "menu"
            | "menubar"
            | "search"
    )
}

/// Elements never read as story text (the headline is added apart).
fn is_furniture(tag: &str) -> bool {
    matches!(
        tag,
        "nav"
            | "footer"
            | "aside"
            | "header"
            | "figure"
            | "figcaption"
            | "input"
            | "label"
            | "dialog"
            | "menu"
            | "fieldset"
            | "legend"
            | "h1"
    )
}

/// Elements that end a paragraph of text.
pub fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "br"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "section"
            | "article"
            | "main"
            | "tr"
            | "td"
            | "th"
            | "table"
            | "pre"
            | "hr"
            | "dd"
            | "dt"
            | "figcaption"
            | "figure"
            | "form"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "address"
    )
}

/// Which rules a pass applies; later passes drop some, as Readability does.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// Drop blocks whose class or id looks like furniture.
    pub strip_unlikely: bool,
    /// Let class and id words weigh on scores.
    pub weigh_classes: bool,
    /// Drop lists, tables and boxes inside the story that read like links
    /// or furniture.
    pub clean_conditionally: bool,
}

/// The passes, strictest first.
pub const PASSES: [Rules; 4] = [
    Rules {
        strip_unlikely: true,
        weigh_classes: true,
        clean_conditionally: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: true,
        clean_conditionally: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: false,
        clean_conditionally: true,
    },
    Rules {
        strip_unlikely: false,
        weigh_classes: false,
        clean_conditionally: false,
    },
];

/// What each node holds, its subtree summed (dropped parts left out).
#[derive(Debug, Clone, Copy, Default)]
struct Stats {
    /// Non-space characters of text.
    chars: u32,
    /// Of those, inside links.
    link_chars: u32,
    commas: u32,
    paragraphs: u32,
    images: u32,
    items: u32,
    inputs: u32,
    embeds: u32,
    /// Characters of text directly in it, or in inline children.
    direct_chars: u32,
    direct_commas: u32,
    /// Characters of text inside `<p>` elements.
    para_chars: u32,
}

/// The outcome of one pass: the nodes whose text is the story, in
/// document order, and the nodes inside them to leave out.
pub struct Selection {
    pub roots: Vec<usize>,
    /// `dropped[i]`: node `i` is not story.
    pub dropped: Vec<bool>,
}

/// The class/id weight of a node: -25 for furniture words, +25 for story
/// words, both or neither 0.
pub fn class_weight(hint: &str) -> f32 {
    if hint.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if NEGATIVE.is_match(hint) {
        w -= 25.0;
    }
    if POSITIVE.is_match(hint) {
        w += 25.0;
    }
    w
}

/// Furniture words that outweigh a bare "article" beside them
/// ("c-article-most-popular", "article-share").
static STRONG: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"most-?popular|most-?read|related|share|sharing|social|newsletter|promo|recommend|comment|byline|caption|credit")
        .unwrap()
});

/// Words that mark a real story container, whatever else the class says.
static STORY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"body|content|main|story|text").unwrap());

/// True when a node's class or id marks it as furniture.
pub fn is_unlikely(hint: &str) -> bool {
    !hint.is_empty()
        && UNLIKELY.is_match(hint)
        && (!MAYBE.is_match(hint) || (STRONG.is_match(hint) && !STORY.is_match(hint)))
}

fn is_inline(n: &Node) -> bool {
    n.is_text() || !is_block(&n.tag)
}

/// The nodes never read as story: furniture elements and roles, hidden
/// nodes, and (by `rules`) blocks whose class or id says furniture.
pub fn furniture(page: &Page, rules: Rules) -> Vec<bool> {
    let nodes = &page.nodes;
    let mut dropped = vec![false; nodes.len()];
    // Parents come first, so one forward pass passes a drop down.
    for (i, n) in nodes.iter().enumerate().skip(1) {
        if dropped[n.parent] {
            dropped[i] = true;
            continue;
        }
        if n.is_text() {
            continue;
        }
        let role = n.role.as_deref().unwrap_or("");
        let in_table = matches!(&*nodes[n.parent].tag, "td" | "tr" | "table" | "tbody");
        dropped[i] = n.hidden
            || is_furniture(&n.tag)
            || unlikely_role(role)
            || (rules.strip_unlikely
                && n.tag.as_ref() != "a"
                && !in_table
                && n.itemprop.as_deref() != Some("articlebody")
                && is_unlikely(&n.hint));
    }
    dropped
}

fn stats(page: &Page, dropped: &[bool]) -> Vec<Stats> {
    let nodes = &page.nodes;
    let mut st = vec![Stats::default(); nodes.len()];
    let mut in_link = vec![false; nodes.len()];
    for (i, n) in nodes.iter().enumerate().skip(1) {
        in_link[i] = in_link[n.parent] || n.tag.as_ref() == "a";
    }
    // Children come after parents: a backward pass sums subtrees.
    for i in (1..nodes.len()).rev() {
        if dropped[i] {
            continue;
        }
        let n = &nodes[i];
        if n.is_text() {
            let chars = n.text.chars().filter(|c| !c.is_whitespace()).count() as u32;
            let commas = n.text.matches([',', '\u{ff0c}']).count() as u32;
            st[i].chars += chars;
            st[i].commas += commas;
            if in_link[i] {
                st[i].link_chars += chars;
            }
        } else {
            match n.tag.as_ref() {
                "p" => st[i].paragraphs += 1,
                "img" => st[i].images += 1,
                "li" => st[i].items += 1,
                "input" | "select" | "textarea" => st[i].inputs += 1,
                "embed" | "object" | "video" | "audio" => st[i].embeds += 1,
                _ => {}
            }
        }
        if n.tag.as_ref() == "p" {
            st[i].para_chars = st[i].chars;
        }
        let s = st[i];
        let p = &mut st[n.parent];
        p.para_chars += s.para_chars;
        p.chars += s.chars;
        p.link_chars += s.link_chars;
        p.commas += s.commas;
        p.paragraphs += s.paragraphs;
        p.images += s.images;
        p.items += s.items;
        p.inputs += s.inputs;
        p.embeds += s.embeds;
        if is_inline(n) {
            p.direct_chars += s.chars;
            p.direct_commas += s.commas;
        }
    }
    st
}

fn link_density(s: &Stats) -> f32 {
    if s.chars == 0 {
        0.0
    } else {
        s.link_chars as f32 / s.chars as f32
    }
}

fn base_score(tag: &str) -> f32 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Choose the story's nodes under `rules`.
pub fn select(page: &Page, rules: Rules) -> Selection {
    let nodes = &page.nodes;
    let mut dropped = furniture(page, rules);
    let st = stats(page, &dropped);
    let weight = |i: usize| {
        if rules.weigh_classes {
            class_weight(&nodes[i].hint)
        } else {
            0.0
        }
    };

    // Score paragraphs into their ancestors.
    let mut score: Vec<Option<f32>> = vec![None; nodes.len()];
    for (i, n) in nodes.iter().enumerate().skip(1) {
        if dropped[i] || n.is_text() {
            continue;
        }
        let (chars, commas) = match n.tag.as_ref() {
            "p" | "pre" => (st[i].chars, st[i].commas),
            "td" | "div" | "section" | "article" | "main" | "blockquote" | "span" | "font"
            | "center" | "form" | "dd" | "li" => (st[i].direct_chars, st[i].direct_commas),
            _ => continue,
        };
        if chars < 25 {
            continue;
        }
        let points = 1.0 + commas as f32 + (chars as f32 / 100.0).min(3.0);
        let mut a = n.parent;
        let mut level = 0;
        if !matches!(n.tag.as_ref(), "p" | "pre") {
            // A block holding text itself is its own first candidate.
            a = i;
        }
        // A box around one paragraph stands for the paragraph (Readability
        // replaces it by its `<p>`), so the paragraph scores the box's parent.
        while a != 0 && wraps_one_paragraph(nodes, &dropped, a) {
            a = nodes[a].parent;
        }
        while a != 0 && level < 5 {
            let s = score[a].get_or_insert_with(|| base_score(&nodes[a].tag) + weight(a));
            *s += match level {
                0 => points,
                1 => points / 2.0,
                _ => points / (level as f32 * 3.0),
            };
            a = nodes[a].parent;
            level += 1;
        }
    }
    for (i, s) in score.iter_mut().enumerate() {
        if let Some(s) = s {
            *s *= 1.0 - link_density(&st[i]);
        }
    }
    let scored = |i: usize| score[i].unwrap_or(0.0);

    let mut ranked: Vec<usize> = (1..nodes.len()).filter(|&i| score[i].is_some()).collect();
    ranked.sort_by(|&a, &b| scored(b).total_cmp(&scored(a)).then(a.cmp(&b)));
    let Some(&first) = ranked.first() else {
        return Selection {
            roots: Vec::new(),
            dropped,
        };
    };
    let mut top = first;

    // Several near-best candidates under one ancestor: the story is split
    // across them, so take the ancestor.
    let near: Vec<usize> = ranked[1..ranked.len().min(5)]
        .iter()
        .copied()
        .filter(|&c| scored(c) >= 0.75 * scored(top))
        .collect();
    if near.len() >= 3 {
        let mut a = nodes[top].parent;
        for _ in 0..64 {
            if a == 0 {
                break;
            }
            let inside = near.iter().filter(|&&c| is_within(nodes, c, a, 64)).count();
            if inside >= 3 {
                top = a;
                break;
            }
            a = nodes[a].parent;
        }
    }
    // Climb while the parent scores about as well or better.
    let mut last = scored(top);
    let threshold = last / 3.0;
    let mut a = nodes[top].parent;
    while a != 0 {
        match score[a] {
            None => {}
            Some(s) if s < threshold => break,
            Some(s) if s > last => {
                top = a;
                break;
            }
            Some(s) => last = s,
        }
        a = nodes[a].parent;
    }
    // A parent whose extra text is nearly all paragraphs, few of them
    // links, holds more of the story (one split by photos and ads into
    // several boxes); one with bylines, labels and menus besides does not.
    while nodes[top].parent != 0 {
        let (p, t) = (&st[nodes[top].parent], &st[top]);
        let extra = p.chars.saturating_sub(t.chars) as f32;
        let extra_para = p.para_chars.saturating_sub(t.para_chars) as f32;
        if extra_para >= 0.3 * t.para_chars as f32
            && extra_para >= 0.9 * extra
            && link_density(p) < 0.2
        {
            top = nodes[top].parent;
        } else {
            break;
        }
    }
    // An only child stands for its parent.
    while nodes[top].parent != 0 && element_children(nodes, nodes[top].parent, &dropped) == 1 {
        top = nodes[top].parent;
    }

    // Siblings that score well, or read like paragraphs, join the story.
    let parent = nodes[top].parent;
    let top_score = scored(top);
    let threshold = (top_score * 0.2).max(10.0);
    let mut roots = Vec::new();
    for &c in &nodes[parent].children {
        if dropped[c] {
            continue;
        }
        if c == top {
            roots.push(c);
            continue;
        }
        let n = &nodes[c];
        if n.is_text() {
            continue;
        }
        let bonus = if !n.hint.is_empty() && n.hint == nodes[top].hint {
            top_score * 0.2
        } else {
            0.0
        };
        let s = &st[c];
        let p_like = n.tag.as_ref() == "p" || wraps_one_paragraph(nodes, &dropped, c);
        // A box of several paragraphs, few of them links, is more of the
        // story (one split by photos and ads).
        let prose =
            s.para_chars >= 400 && s.para_chars * 10 >= s.chars * 9 && link_density(s) < 0.1;
        let take = score[c].is_some_and(|sc| sc + bonus >= threshold)
            || prose
            || (p_like
                && ((s.chars > 80 && link_density(s) < 0.25)
                    || (s.chars > 0 && s.link_chars == 0 && ends_sentence(page, c))));
        if take {
            roots.push(c);
        }
    }

    if rules.clean_conditionally {
        // Parents first, so a dropped box takes its insides with it.
        for i in 1..nodes.len() {
            if dropped[i] || nodes[i].is_text() || roots.contains(&i) {
                continue;
            }
            if dropped[nodes[i].parent] {
                dropped[i] = true;
                continue;
            }
            if !matches!(
                nodes[i].tag.as_ref(),
                "div" | "section" | "ul" | "ol" | "table" | "form" | "dl"
            ) {
                continue;
            }
            dropped[i] = !keeps(nodes, &st, i, weight(i), scored(i));
        }
    }
    Selection { roots, dropped }
}

/// Whether a box inside the story stays (Readability's "clean
/// conditionally"): few commas, and many links, images, inputs or list
/// items for its text, make it furniture.
fn keeps(nodes: &[Node], st: &[Stats], i: usize, weight: f32, score: f32) -> bool {
    let s = &st[i];
    if weight + score < 0.0 {
        return false;
    }
    if s.commas >= 10 {
        return true;
    }
    let tag = nodes[i].tag.as_ref();
    let list = matches!(tag, "ul" | "ol");
    let p = s.paragraphs as f32;
    let img = s.images as f32;
    let li = s.items as f32 - 100.0;
    let density = link_density(s);
    let furniture = (img > 1.0 && p / img < 0.5)
        || (!list && li > p)
        || (s.inputs as f32 > (p / 3.0).floor())
        || (!list && s.chars < 25 && (s.images == 0 || s.images > 2) && density > 0.0)
        || (!list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
        || (s.embeds == 1 && s.chars < 75)
        || s.embeds > 1;
    !furniture
}

/// True when `i` is a `<div>` or `<section>` whose only content is one
/// `<p>`.
fn wraps_one_paragraph(nodes: &[Node], dropped: &[bool], i: usize) -> bool {
    if !matches!(nodes[i].tag.as_ref(), "div" | "section") {
        return false;
    }
    let mut kids = nodes[i]
        .children
        .iter()
        .filter(|&&c| !dropped[c] && (!nodes[c].is_text() || !nodes[c].text.trim().is_empty()));
    matches!((kids.next(), kids.next()), (Some(&c), None) if nodes[c].tag.as_ref() == "p")
}

fn is_within(nodes: &[Node], mut node: usize, ancestor: usize, max_depth: usize) -> bool {
    for _ in 0..max_depth {
        if node == ancestor {
            return true;
        }
        if node == 0 {
            return false;
        }
        node = nodes[node].parent;
    }
    false
}

fn element_children(nodes: &[Node], i: usize, dropped: &[bool]) -> usize {
    nodes[i]
        .children
        .iter()
        .filter(|&&c| !dropped[c] && (!nodes[c].is_text() || !nodes[c].text.trim().is_empty()))
        .count()
}

/// True when the last text of `i` ends a sentence (a short paragraph of
/// the story, not a label).
fn ends_sentence(page: &Page, i: usize) -> bool {
    let nodes = &page.nodes;
    let mut last = None;
    let mut stack = vec![i];
    // The last text node in document order is the one with the highest index.
    while let Some(n) = stack.pop() {
        if nodes[n].is_text() && !nodes[n].text.trim().is_empty() {
            last = last.max(Some(n));
        }
        stack.extend(nodes[n].children.iter().copied());
    }
    last.is_some_and(|n| {
        let t = nodes[n].text.trim_end();
        t.ends_with('.') || t.ends_with(".\u{201d}") || t.ends_with(".\"")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_words_weigh() {
        assert_eq!(class_weight("article-body"), 25.0);
        assert_eq!(class_weight("share-bar"), -25.0);
        assert_eq!(class_weight("comment-body"), 0.0);
        assert_eq!(class_weight(""), 0.0);
        assert!(is_unlikely("social-share"));
        assert!(is_unlikely("photo-credit"));
        assert!(!is_unlikely("main-content sidebar"));
        assert!(!is_unlikely("canvas"));
        assert!(is_unlikely("c-article-most-popular"));
        assert!(!is_unlikely("article-body share-enabled"));
    }
}
