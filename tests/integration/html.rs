//! Reading HTML pages: the story kept, furniture left out, metadata read;
//! each page small and written for the case it tests.

use crate::util::Dir;

/// A story paragraph long enough to score, with a quote and a figure.
const BODY: &str = "<p>The agency said on Monday that the attack had hit more than 122 \
    countries, and that its analysts were still counting the damage, which ran into the \
    millions.</p>\
    <p>\u{201c}We are maintaining working contacts with our partners,\u{201d} Alexander \
    Bortnikov said, adding that the exchange of information would continue for years.</p>\
    <p>Officials in Washington, London and Berlin declined to comment on the report, \
    which was first published by the agency's press office on Monday evening.</p>\
    <p>The investigation, which began last spring, is expected to take at least another \
    six months, according to people familiar with its progress.</p>";

/// Extract from `html` (as `page.html`) and return the quotes' and
/// figures' texts.
fn extract(dir: &Dir, html: &str) -> (Vec<String>, Vec<String>) {
    let page = dir.write("page.html", html);
    let run = dir.run(&["extract", page.to_str().unwrap(), "--json"]);
    run.expect_code(0);
    let json = run.json();
    let texts = |key: &str| {
        json[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| q["text"].as_str().unwrap().to_string())
            .collect::<Vec<_>>()
    };
    (texts("quotes"), texts("figures"))
}

/// Ingest `html` and return the stored article's row.
fn ingest(dir: &Dir, html: &str) -> serde_json::Value {
    let page = dir.write("page.html", html);
    dir.run(&["ingest", "-q", page.to_str().unwrap()])
        .expect_code(0);
    let run = dir.run(&["articles", "--json"]);
    run.expect_code(0);
    run.json()[0].clone()
}

fn has(items: &[String], needle: &str) -> bool {
    items.iter().any(|t| t.contains(needle))
}

#[test]
fn a_page_without_article_keeps_the_story_not_the_menus() {
    let dir = Dir::new();
    let html = format!(
        "<html><head><title>Spy chief speaks | The Outlet</title></head><body>\
         <div class=\"top-menu\"><a href=/>Home</a> <a href=/w>World</a> \
         <a href=/e>Edition: 3 billion rubles club</a></div>\
         <div class=\"gallery-label\">Officials said \u{201c}see our 14 photos\u{201d}</div>\
         <div class=\"story\"><h1>Spy chief speaks</h1>{BODY}</div>\
         <div class=\"footer-links\"><a href=/a>About</a> <a href=/c>Contact</a></div>\
         </body></html>"
    );
    let (quotes, figures) = extract(&dir, &html);
    assert!(
        has(&quotes, "We are maintaining working contacts"),
        "{quotes:?}"
    );
    assert!(!has(&quotes, "see our"), "{quotes:?}");
    assert!(has(&figures, "122 countries"), "{figures:?}");
    assert!(!has(&figures, "3 billion"), "{figures:?}");
    assert_eq!(ingest(&dir, &html)["title"], "Spy chief speaks");
}

#[test]
fn an_article_element_of_teasers_does_not_hide_the_story_outside_it() {
    // Broke: everything in <article> was kept, so the body outside was lost.
    let dir = Dir::new();
    let teasers: String = (1..=6)
        .map(|i| format!("<article class=card><a href=/s{i}>Teaser story number {i}</a></article>"))
        .collect();
    let html = format!(
        "<body><section class=latest>{teasers}</section>\
         <div id=body-text><h1>Spy chief speaks</h1>{BODY}</div></body>"
    );
    let (quotes, figures) = extract(&dir, &html);
    assert!(
        has(&quotes, "We are maintaining working contacts"),
        "{quotes:?}"
    );
    assert!(has(&figures, "six months"), "{figures:?}");
    let row = ingest(&dir, &html);
    assert!(row["words"].as_i64().unwrap() > 90, "{row}");
    assert!(row["words"].as_i64().unwrap() < 130, "{row}");
}

#[test]
fn a_page_inside_one_form_yields_its_story() {
    // Broke: <form> was skipped whole, and an ASP.NET page is one form:
    // "no article text left after removing markup".
    let dir = Dir::new();
    let html = format!(
        "<html><body><form method=post action=page.aspx id=aspnetForm>\
         <input type=hidden name=__VIEWSTATE value=abc>\
         <div id=content><h1>Spy chief speaks</h1>{BODY}</div>\
         </form></body></html>"
    );
    let (quotes, _) = extract(&dir, &html);
    assert!(
        has(&quotes, "We are maintaining working contacts"),
        "{quotes:?}"
    );
    assert!(ingest(&dir, &html)["words"].as_i64().unwrap() > 90);
}

#[test]
fn captions_share_bars_and_related_links_inside_article_are_left_out() {
    let dir = Dir::new();
    let html = format!(
        "<article><h1>Spy chief speaks</h1>\
         <div class=\"share-tools\"><a href=#>Copy</a> <span>Link copied</span> \
         <a href=#>Email</a> <a href=#>Facebook</a> <a href=#>X</a></div>\
         <figure><img src=a.jpg><figcaption>Officials said \u{201c}this is a caption\u{201d} \
         at the 50 people rally. (AP Photo/Jane Roe)</figcaption></figure>\
         {BODY}\
         <div class=\"photo-credit\">Purchase Licensing Rights: 19 Russian nationals</div>\
         <blockquote><p>\u{201c}Any specific material,\u{201d} Putin said at the summit, \
         \u{201c}we are ready to analyze together.\u{201d}</p></blockquote>\
         <div class=related><h3>Read Next</h3><ul><li><a href=/1>Officials say \
         \u{201c}a related story\u{201d} here</a></li><li><a href=/2>Another one</a></li>\
         </ul></div></article>"
    );
    let (quotes, figures) = extract(&dir, &html);
    assert!(
        has(&quotes, "We are maintaining working contacts"),
        "{quotes:?}"
    );
    // A block quote of the story stays.
    assert!(has(&quotes, "ready to analyze together"), "{quotes:?}");
    for furniture in ["this is a caption", "a related story"] {
        assert!(!has(&quotes, furniture), "{furniture}: {quotes:?}");
    }
    for furniture in ["50 people", "19 Russian"] {
        assert!(!has(&figures, furniture), "{furniture}: {figures:?}");
    }
}

#[test]
fn a_date_only_in_json_ld_is_read() {
    let dir = Dir::new();
    let html = format!(
        "<html><head><script type=\"application/ld+json\">\
         {{\"@context\":\"https://schema.org\",\"@graph\":[{{\"@type\":\"WebPage\"}},\
         {{\"@type\":\"NewsArticle\",\"headline\":\"Spy chief speaks\",\
         \"datePublished\":\"2021-05-14T10:00:00+03:00\",\
         \"author\":[{{\"@type\":\"Person\",\"name\":\"Jane Doe\"}}],\
         \"publisher\":{{\"@type\":\"Organization\",\"name\":\"The Outlet\"}}}}]}}\
         </script><script type=\"application/ld+json\">{{not json</script></head>\
         <body><div class=story><h1>Spy chief speaks</h1>{BODY}</div></body></html>"
    );
    let row = ingest(&dir, &html);
    assert_eq!(row["published"], "2021-05-14T10:00:00+03:00", "{row}");
    assert_eq!(row["title"], "Spy chief speaks", "{row}");
    assert_eq!(row["outlet"], "The Outlet", "{row}");
}
