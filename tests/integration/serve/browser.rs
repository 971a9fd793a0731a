//! The web app in real headless Chromium, driven through chromedriver
//! (WebDriver: JSON over HTTP, spoken with the same tiny client). Ignored
//! by default; CI runs it with `cargo test --test integration -- --ignored
//! browser`. Screenshots go to `target/browser/`.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::{http, misattributed_draft, seeded, Server};

/// The flags Chromium needs here (as `tests/browser/diff_html.sh` uses).
const CHROMIUM_FLAGS: &[&str] = &[
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

/// A chromedriver with one browser session, both ended when dropped.
struct Driver {
    child: Child,
    port: u16,
    session: String,
    _profile: tempfile::TempDir,
}

fn which(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in names {
        for dir in std::env::split_paths(&path).chain([PathBuf::from("/usr/bin")]) {
            let p = dir.join(name);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

impl Driver {
    fn start() -> Driver {
        let driver = which(&["chromedriver"]).expect("chromedriver (Debian: chromium-driver)");
        let browser = which(&["chromium", "chromium-browser"]).expect("chromium");
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let profile = tempfile::tempdir().unwrap();
        let mut d = Driver {
            child,
            port,
            session: String::new(),
            _profile: profile,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ready = std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
                && http(port, "GET", "/status", &[], b"").json()["value"]["ready"] == true;
            if ready {
                break;
            }
            assert!(Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(100));
        }
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|s| s.to_string()).collect();
        args.push(format!("--user-data-dir={}", d._profile.path().display()));
        args.push("--window-size=1280,1000".into());
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": browser, "args": args}
        }}});
        let created = d.call("POST", "/session", Some(caps));
        d.session = created["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {created}"))
            .to_string();
        d
    }

    /// One WebDriver command; its `value`.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let headers = [("Content-Type", "application/json; charset=utf-8")];
        let r = http(self.port, method, path, &headers, body.as_bytes());
        let v = r.json();
        assert!(
            r.status == 200,
            "webdriver {method} {path}: {} {}",
            r.status,
            v
        );
        v["value"].clone()
    }

    fn session(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    fn goto(&self, url: &str) {
        self.session("POST", "/url", Some(json!({ "url": url })));
    }

    fn url(&self) -> String {
        self.session("GET", "/url", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    fn source(&self) -> String {
        self.session("GET", "/source", None)
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// The first element matching a CSS selector, as WebDriver names it.
    fn find_raw(&self, css: &str) -> Value {
        self.session(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        )
    }

    /// The id of the first element matching a CSS selector.
    fn find(&self, css: &str) -> String {
        let v = self.find_raw(css);
        // The element reference is the object's one value.
        v.as_object()
            .and_then(|o| o.values().next())
            .and_then(Value::as_str)
            .unwrap_or_else(|| panic!("no element {css}: {v}"))
            .to_string()
    }

    fn attr(&self, el: &str, name: &str) -> Option<String> {
        self.session("GET", &format!("/element/{el}/attribute/{name}"), None)
            .as_str()
            .map(str::to_string)
    }

    fn click(&self, el: &str) {
        self.session("POST", &format!("/element/{el}/click"), Some(json!({})));
    }

    fn type_text(&self, el: &str, text: &str) {
        self.session(
            "POST",
            &format!("/element/{el}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn resize(&self, width: u32, height: u32) {
        self.session(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        );
    }

    fn scroll_to(&self, css: &str) {
        let el = self.find_raw(css);
        self.session(
            "POST",
            "/execute/sync",
            Some(json!({
                "script": "arguments[0].scrollIntoView({block: 'center'});",
                "args": [el]
            })),
        );
    }

    /// A PNG of the viewport.
    fn screenshot(&self, path: &Path) {
        let b64 = self.session("GET", "/screenshot", None);
        let png = base64(b64.as_str().unwrap_or_default());
        assert!(png.starts_with(b"\x89PNG"), "not a PNG");
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, png).unwrap();
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = http(
                self.port,
                "DELETE",
                &format!("/session/{}", self.session),
                &[],
                b"",
            );
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Standard base64 decoded (padding and line breaks ignored).
fn base64(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0);
    for v in s.bytes().filter_map(value) {
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    out
}

fn shots() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser")
}

#[test]
#[ignore = "needs chromium and chromedriver; CI runs it"]
fn browser_review_a_claim_and_audit_a_draft() {
    let dir = seeded();
    let server = Server::start(&dir.db(), &[]);
    let base = format!("http://127.0.0.1:{}", server.port);
    let d = Driver::start();

    // The front page lists the contested claims; open the first.
    d.goto(&format!("{base}/"));
    assert!(d.source().contains("Contested claims"));
    d.screenshot(&shots().join("contested.png"));
    let first = d.find("ol.claims li.claim h2 a");
    d.click(&first);
    assert!(d.url().contains("/claims/"), "{}", d.url());
    assert!(d.source().contains("Versions"));
    d.screenshot(&shots().join("claim.png"));

    // A member's link opens its article at the quote or figure, which is
    // there, marked and targeted.
    let member = d.find("ul.carried a[href*='#']");
    let href = d.attr(&member, "href").unwrap_or_default();
    let fragment = href.rsplit_once('#').map(|x| x.1.to_string()).unwrap();
    assert!(
        fragment.starts_with("q-") || fragment.starts_with("f-"),
        "{href}"
    );
    d.click(&member);
    assert!(d.url().ends_with(&format!("#{fragment}")), "{}", d.url());
    let target = d.find(":target");
    assert_eq!(d.attr(&target, "id").as_deref(), Some(fragment.as_str()));
    let class = d.attr(&target, "class").unwrap_or_default();
    assert!(
        class.contains("quote") || class.contains("figure"),
        "{class}"
    );
    d.screenshot(&shots().join("article.png"));

    // The audit form: paste a draft with a misattributed quote, submit,
    // and see the mismatch in the draft.
    d.goto(&format!("{base}/audit"));
    let area = d.find("textarea#draft");
    d.type_text(&area, &misattributed_draft());
    d.screenshot(&shots().join("audit-form.png"));
    let submit = d.find("form.audit button[type='submit']");
    d.click(&submit);
    let page = d.source();
    assert!(page.contains("Audit of the draft"), "{page}");
    assert!(page.contains("mismatch: speaker"), "{page}");
    d.scroll_to("mark.st-mismatch");
    d.screenshot(&shots().join("audit.png"));

    // The same pages on a phone-sized window.
    d.resize(412, 900);
    d.goto(&format!("{base}/"));
    d.screenshot(&shots().join("phone-contested.png"));
}
