//! `claimtrack serve`: the real binary on a store made from the seeds,
//! driven over HTTP/1.1 by a tiny client on `TcpStream`, and (ignored by
//! default, run by CI) through headless Chromium over WebDriver.

use crate::util::Dir;

mod browser;
mod client;

pub use client::*;

#[test]
fn pages_and_api_answer_as_the_cli_does() {
    let dir = seeded();
    let before = file_bytes(&dir.db());
    let server = Server::start(&dir.db(), &[]);

    // The JSON API is what the CLI prints with --json.
    let cli = dir.run(&["contested", "--json"]).expect_code(0).json();
    let api = server.get("/api/contested");
    api.expect(200);
    assert_eq!(api.header("content-type"), Some("application/json"));
    assert_eq!(api.json(), cli);
    let claims = cli.as_array().unwrap();
    assert!(!claims.is_empty(), "the seeds have contested claims");
    for (query, flags) in [
        ("reason=qualifier", vec!["--reason", "qualifier"]),
        (
            "reason=attribution&reason=value",
            vec!["--reason", "attribution,value"],
        ),
        ("independent=1", vec!["--independent"]),
        (
            "outlet=moscow&since=2021-01-01",
            vec!["--outlet", "moscow", "--since", "2021-01-01"],
        ),
        ("limit=1", vec!["--limit", "1"]),
    ] {
        let mut args = vec!["contested", "--json"];
        args.extend(flags);
        let want = dir.run(&args).expect_code(0).json();
        let got = server.get(&format!("/api/contested?{query}"));
        assert_eq!(got.expect(200).json(), want, "{query}");
    }
    for c in claims {
        let id = c["id"].as_i64().unwrap();
        let want = dir
            .run(&["show", &id.to_string(), "--json"])
            .expect_code(0)
            .json();
        assert_eq!(
            server.get(&format!("/api/claims/{id}")).expect(200).json(),
            want
        );
    }
    for id in 1..=5 {
        let want = dir
            .run(&["articles", "show", &id.to_string(), "--json"])
            .expect_code(0)
            .json();
        assert_eq!(
            server
                .get(&format!("/api/articles/{id}"))
                .expect(200)
                .json(),
            want
        );
    }

    // The front page lists each contested claim with its versions and
    // the differing words marked, and links to each claim.
    let front = server.get("/");
    front
        .expect(200)
        .has("<h1>Contested claims</h1>")
        .has("<del>")
        .has("<ins>");
    for c in claims {
        front.has(&format!("href=\"/claims/{}\"", c["id"]));
    }
    server
        .get("/?reason=qualifier&outlet=&since=&until=&page=1")
        .expect(200)
        .has("qualifier");
    server
        .get("/?page=2")
        .expect(200)
        .has("No contested claim matches");

    // A claim links each member to its place in its article, which holds
    // that anchor.
    for c in claims {
        let id = c["id"].as_i64().unwrap();
        let page = server.get(&format!("/claims/{id}"));
        page.expect(200).has(&format!("<h1>Claim {id}</h1>"));
        for item in c["items"].as_array().unwrap() {
            let anchor = match item["kind"].as_str().unwrap() {
                "quote" => format!("q-{}", item["start"]),
                "figure" => format!("f-{}", item["start"]),
                _ => continue,
            };
            let href = format!("/articles/{}#{anchor}", item["article"]);
            page.has(&format!("href=\"{href}\""));
            server
                .get(&format!("/articles/{}", item["article"]))
                .expect(200)
                .has(&format!("id=\"{anchor}\""));
        }
    }

    // Article: every quote and figure marked at its offset, speakers,
    // versions with a link to the diff.
    let view = server.get("/api/articles/5").json();
    let page = server.get("/articles/5");
    page.expect(200);
    for q in view["quotes"].as_array().unwrap() {
        page.has(&format!("id=\"q-{}\"", q["start"]));
    }
    for f in view["figures"].as_array().unwrap() {
        page.has(&format!("id=\"f-{}\"", f["start"]));
    }
    page.has("Speakers").has("/articles/5/diff?from=1&amp;to=2");
    server
        .get("/articles/5/diff?from=1&to=2")
        .expect(200)
        .has("<del>50</del><ins>40</ins>")
        .has("figure value changed");
    server
        .get("/articles/5/diff")
        .expect(200)
        .has("Version 1 → version 2");

    // Search: quotes and articles, phrases.
    server
        .get("/search?q=Lurk")
        .expect(200)
        .has("<mark>Lurk</mark>")
        .has("href=\"/articles/5\"");
    server
        .get("/search?q=%22working+contacts%22")
        .expect(200)
        .has("We are maintaining working contacts");
    server
        .get("/search?q=%22%22")
        .expect(200)
        .has("Give at least one word");
    server.get("/search").expect(200).has("name=\"q\"");

    let css = server.get("/static/style.css");
    css.expect(200);
    assert!(css.header("content-type").unwrap().starts_with("text/css"));
    server
        .get("/audit")
        .expect(200)
        .has("name=\"draft\"")
        .has("name=\"file\"");

    // Every response carries the security headers, errors too.
    for path in [
        "/",
        "/claims/3",
        "/static/style.css",
        "/nope",
        "/api/claims/x",
    ] {
        let r = server.get(path);
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(
            csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
            "{path}: {csp}"
        );
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(r.header("referrer-policy"), Some("no-referrer"), "{path}");
    }

    // Unknown routes and ids: 404; bad ids and parameters: 400.
    server.get("/nope").expect(404).has("<html lang=\"en\"");
    assert!(server.get("/api/nope").expect(404).json()["error"].is_string());
    server.get("/claims/99999").expect(404);
    server.get("/articles/99999").expect(404);
    server.get("/articles/99999/diff").expect(404);
    server.get("/articles/5/diff?from=1&to=9").expect(404);
    assert!(server.get("/api/claims/99999").expect(404).json()["error"].is_string());
    assert!(server.get("/api/articles/99999").expect(404).json()["error"].is_string());
    for bad in [
        "/claims/abc",
        "/claims/-1",
        "/articles/1e3",
        "/articles/5/diff?from=x",
        "/?page=0",
        "/?page=two",
        "/?since=yesterday",
        "/?reason=colour",
        "/?min_outlets=1",
    ] {
        server.get(bad).expect(400);
    }
    for bad in [
        "/api/claims/abc",
        "/api/contested?reason=colour",
        "/api/contested?page=0",
    ] {
        let e = server.get(bad);
        assert!(e.expect(400).json()["error"].is_string(), "{bad}");
    }

    // Browsing wrote nothing.
    assert!(
        file_bytes(&dir.db()) == before,
        "browsing changed the store"
    );
}

#[test]
fn host_origin_and_size_are_checked() {
    let dir = seeded();
    let server = Server::start(&dir.db(), &["--max-bytes", "20000"]);
    let port = server.port;
    for ok in [
        format!("localhost:{port}"),
        format!("[::1]:{port}"),
        server.host(),
    ] {
        server
            .request("GET", "/", &[("Host", &ok)], b"")
            .expect(200);
    }
    for bad in [
        "evil.example",
        "evil.example:80",
        &format!("evil.example:{port}"),
        "127.0.0.1:1",
    ] {
        server
            .request("GET", "/", &[("Host", bad)], b"")
            .expect(421);
    }
    server
        .request("GET", "/api/contested", &[("Host", "rebound.example")], b"")
        .expect(421);

    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let draft = format!("draft={}", "x".repeat(10));
    for refused in [
        vec![("Sec-Fetch-Site", "cross-site")],
        vec![
            ("Sec-Fetch-Site", "same-site"),
            ("Origin", "http://localhost:1"),
        ],
        vec![("Origin", "http://evil.example")],
    ] {
        let mut headers = form.to_vec();
        headers.extend(refused);
        server
            .request("POST", "/audit", &headers, draft.as_bytes())
            .expect(403);
        server
            .request("POST", "/api/audit", &headers, b"Text.")
            .expect(403);
    }

    // A browser's own form under no-referrer: Origin null, same-origin.
    let own = server.host();
    let origin = format!("http://{own}");
    for allowed in [
        vec![("Sec-Fetch-Site", "same-origin"), ("Origin", "null")],
        vec![("Origin", origin.as_str())],
    ] {
        let mut headers = form.to_vec();
        headers.extend(allowed);
        server
            .request(
                "POST",
                "/audit",
                &headers,
                b"draft=%E2%80%9CWe+never+stole+anything%2C%E2%80%9D+said+Jane+Roe.",
            )
            .expect(200);
    }

    // Over --max-bytes: refused on its declared length, and on what is
    // sent when no length is declared.
    server
        .request("POST", "/api/audit", &[("Content-Length", "20001")], b"")
        .expect(413);
    let big = "word ".repeat(5000);
    server
        .request("POST", "/audit", &form, format!("draft={big}").as_bytes())
        .expect(413);
    let mut chunked = Vec::new();
    for _ in 0..3 {
        chunked.extend_from_slice(format!("{:x}\r\n{}\r\n", 10000, "y".repeat(10000)).as_bytes());
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    server
        .request(
            "POST",
            "/api/audit",
            &[("Transfer-Encoding", "chunked")],
            &chunked,
        )
        .expect(413);
}

#[test]
fn hostile_article_text_is_inert() {
    let dir = seeded();
    let page = dir.write(
        "hostile.html",
        "<html><head><title>Hostile</title><script>alert('head')</script></head><body><article>\
         <h1>Hostile &lt;script&gt;alert(1)&lt;/script&gt; headline</h1>\
         <p>The Lurk group, \u{201c}we never stole <img src=x onerror=alert(2)> anything at all \
         &lt;img src=x onerror=alert(3)&gt; from anybody,\u{201d} said Jane Roe, a spokeswoman \
         for &lt;script&gt;alert(4)&lt;/script&gt; the group, on Monday in a long statement.</p>\
         <p>Officials said 50 people were arrested &lt;a href=javascript:alert(5)&gt;here&lt;/a&gt; \
         in the case, which involved more than 3 billion rubles taken from banks.</p>\
         <script>alert('body')</script></article></body></html>",
    );
    dir.run(&[
        "ingest",
        "-q",
        page.to_str().unwrap(),
        "--url",
        "javascript:alert(6)",
        "--outlet",
        "<img src=x onerror=alert(7)>",
        "--title",
        "<script>alert(8)</script>",
    ])
    .expect_code(0);
    let id = dir.run(&["articles", "--json"]).json()[5]["id"]
        .as_i64()
        .unwrap();
    let server = Server::start(&dir.db(), &[]);
    let inert = |r: &Response| {
        r.expect(200);
        let lower = r.body.to_lowercase();
        for live in [
            "<script",
            "<img",
            "href=\"javascript:",
            "href='javascript:",
            "onerror=alert",
        ] {
            let raw = lower.matches(live).count();
            let escaped_onerror = live == "onerror=alert" && !lower.contains("<img");
            assert!(
                raw == 0 || escaped_onerror,
                "{}: live {live:?} in\n{}",
                r.what,
                r.body
            );
        }
    };
    let article = server.get(&format!("/articles/{id}"));
    inert(&article);
    article
        .has("&lt;script&gt;alert(8)&lt;/script&gt;")
        .has("&lt;img src=x onerror=alert(7)&gt;")
        .has("javascript:alert(6)");
    assert!(
        article.body.contains("&lt;img src=x onerror=alert(3)&gt;"),
        "{}",
        article.body
    );
    inert(&server.get("/search?q=Lurk"));
    inert(&server.get("/search?q=%3Cscript%3E"));
    inert(&server.get("/?drafts=1"));
    for c in server
        .get(&format!("/api/contested?article={id}"))
        .json()
        .as_array()
        .unwrap()
    {
        inert(&server.get(&format!("/claims/{}", c["id"])));
    }
    let mut draft = b"draft=".to_vec();
    draft.extend_from_slice(b"%3Cscript%3Ealert(9)%3C%2Fscript%3E+%E2%80%9CWe+never+stole+anything%2C%E2%80%9D+said+Jane+Roe.");
    let audited = server.request(
        "POST",
        "/audit",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        &draft,
    );
    inert(&audited);
}

/// The tampered draft as a form post: the speaker mismatch is shown in the
/// draft, nothing is stored unless asked.
#[test]
fn audit_form_shows_the_mismatch_and_saves_only_when_asked() {
    let dir = seeded();
    let draft = misattributed_draft();
    let draft_file = dir.write("draft.txt", &draft);
    let cli = dir.run(&["audit", draft_file.to_str().unwrap(), "--json"]);
    cli.expect_code(1);
    let want = cli.json();
    assert!(
        want["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["status"] == "mismatch" && f["kind"] == "speaker"),
        "{want}"
    );
    let before = file_bytes(&dir.db());
    let stored = articles(&dir);
    let server = Server::start(&dir.db(), &[]);

    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let body = format!("draft={}", form_encode(&draft));
    let page = server.request("POST", "/audit", &form, body.as_bytes());
    page.expect(200)
        .has("mismatch: speaker")
        .has("class=\"finding st-mismatch\"")
        .has("Michael Carpenter");

    let boundary = "----claimtrack-test-7MA4YWxkTrZu0gW";
    let multipart = |name: &str, filename: Option<&str>, content: &str| {
        let disposition = match filename {
            Some(f) => {
                format!("form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: text/plain")
            }
            None => format!("form-data; name=\"{name}\""),
        };
        format!("--{boundary}\r\nContent-Disposition: {disposition}\r\n\r\n{content}\r\n")
    };
    let ct = format!("multipart/form-data; boundary={boundary}");
    let pasted = format!("{}--{boundary}--\r\n", multipart("draft", None, &draft));
    server
        .request(
            "POST",
            "/audit",
            &[("Content-Type", &ct)],
            pasted.as_bytes(),
        )
        .expect(200)
        .has("mismatch: speaker");
    let html_draft = format!(
        "<html><body><article><p>{}</p></article></body></html>",
        draft.replace("\n\n", "</p><p>")
    );
    let uploaded = format!(
        "{}{}--{boundary}--\r\n",
        multipart("draft", None, ""),
        multipart("file", Some("draft.html"), &html_draft)
    );
    server
        .request(
            "POST",
            "/audit",
            &[("Content-Type", &ct)],
            uploaded.as_bytes(),
        )
        .expect(200)
        .has("mismatch: speaker");
    let empty = format!("{}--{boundary}--\r\n", multipart("draft", None, "  "));
    server
        .request("POST", "/audit", &[("Content-Type", &ct)], empty.as_bytes())
        .expect(400)
        .has("the draft is empty");
    server
        .request("POST", "/audit", &[("Content-Type", "text/plain")], b"x")
        .expect(415);

    // The API answers as `audit FILE --json`, the draft named as asked
    // (`draft` unless named).
    let unnamed = server
        .request(
            "POST",
            "/api/audit",
            &[("Content-Type", "text/plain")],
            draft.as_bytes(),
        )
        .expect(200)
        .json();
    assert_eq!(unnamed["draft"], "draft");
    let name = want["draft"].as_str().unwrap().to_string();
    assert!(
        name.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"/._-".contains(&b)),
        "{name} needs no escaping in a query"
    );
    let got = server
        .request(
            "POST",
            &format!("/api/audit?name={name}"),
            &[("Content-Type", "text/plain")],
            draft.as_bytes(),
        )
        .expect(200)
        .json();
    assert_eq!(got, want);

    assert!(
        file_bytes(&dir.db()) == before,
        "an audit without save changed the store"
    );
    assert_eq!(articles(&dir), stored);

    let saved = server.request("POST", "/audit", &form, format!("{body}&save=1").as_bytes());
    saved.expect(200).has("Saved: a new draft");
    assert_eq!(articles(&dir), stored + 1);
    let listed = dir.run(&["articles", "--json"]).json();
    let new_id = listed.as_array().unwrap().last().unwrap()["id"]
        .as_i64()
        .unwrap();
    assert!(
        server
            .get(&format!("/api/articles/{new_id}"))
            .expect(200)
            .json()["draft"]
            == true
    );
}

#[test]
fn startup_errors_and_clean_shutdown() {
    let dir = Dir::new();
    let run = dir.run(&["serve", "--addr", "127.0.0.1:0"]);
    run.expect_code(2);
    assert!(
        run.stderr().contains("store.db") && run.stderr().contains("no store here"),
        "{}",
        run.stderr()
    );
    let dir = seeded();
    dir.run(&["serve", "--addr", "not an address"])
        .expect_code(2);

    let mut server = Server::start(&dir.db(), &[]);
    server.get("/").expect(200);
    // SIGTERM: the server stops serving and exits 0.
    let pid = server.child.id() as i32;
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status:?}");
}

/// A wire story carried by a dozen outlets: the front page lists a few
/// carriers of each version and links to the claim for the rest, which
/// lists them all.
#[test]
fn front_page_lists_a_few_carriers_and_the_claim_page_all() {
    let dir = Dir::new();
    for i in 1..=12 {
        let word = if i <= 10 { "working" } else { "close" };
        dir.write(
            &format!("wire/c{i:02}.txt"),
            format!(
                "Paper {i} on the ministry\n\nStory number {i} from our desk.\n\n“We are maintaining {word} contacts with our partners in the region,” Minister Oleg Petrovsky said.\n"
            ),
        );
        dir.write(
            &format!("wire/c{i:02}.meta.json"),
            format!("{{\"outlet\": \"Paper {i}\"}}"),
        );
    }
    let wire = dir.path().join("wire");
    dir.run(&["ingest", "-q", wire.to_str().unwrap()])
        .expect_code(0);
    let claims = dir.run(&["contested", "--json"]).json();
    let id = claims[0]["id"].as_i64().unwrap();
    let server = Server::start(&dir.db(), &[]);
    let front = server.get("/").expect(200).body.clone();
    // Ten outlets carry one version: six are listed, then the rest linked.
    assert!(
        front.contains(&format!("<a href=\"/claims/{id}\">and 4 more</a>")),
        "{front}"
    );
    let page = server
        .get(&format!("/claims/{id}"))
        .expect(200)
        .body
        .clone();
    for i in 1..=12 {
        assert!(
            page.contains(&format!(">Paper {i}</a>")),
            "Paper {i}: {page}"
        );
    }
    assert!(!page.contains("more</a>"), "{page}");
    // The front page is kept while the store is unchanged, and made anew
    // once an ingest changes it under the running server.
    assert_eq!(server.get("/").expect(200).body, front);
    let more = dir.write(
        "c13.txt",
        "Paper 13 on the ministry\n\nStory number 13 from our desk.\n\n“We are maintaining working contacts with our partners in the region,” Minister Oleg Petrovsky said.\n",
    );
    dir.run(&[
        "ingest",
        "-q",
        "--outlet",
        "Paper 13",
        more.to_str().unwrap(),
    ])
    .expect_code(0);
    let id = dir.run(&["contested", "--json"]).json()[0]["id"]
        .as_i64()
        .unwrap();
    let front = server.get("/").expect(200).body.clone();
    assert!(
        front.contains(&format!("<a href=\"/claims/{id}\">and 5 more</a>")),
        "{front}"
    );
}
