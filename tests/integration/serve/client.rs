//! The test side of `claimtrack serve`: the server process, a tiny
//! HTTP/1.1 client on `TcpStream`, and the stores and drafts the tests use.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use serde_json::Value;

use crate::util::{para, seed_text, Dir};

/// A running `claimtrack serve`, killed when dropped.
pub struct Server {
    pub child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// Starts `serve --addr 127.0.0.1:0` on `db` and reads the port from
    /// the line it prints.
    pub fn start(db: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrack"))
            .env_remove("CLAIMTRACK_DB")
            .arg("--db")
            .arg(db)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(extra)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start claimtrack serve");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout"))
            .read_line(&mut line)
            .expect("read the listening line");
        let port = line
            .trim()
            .strip_prefix("listening on http://127.0.0.1:")
            .and_then(|r| r.strip_suffix('/'))
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("unexpected first line: {line:?}"));
        Server { child, port }
    }

    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn get(&self, path: &str) -> Response {
        self.request("GET", path, &[], b"")
    }

    /// One request on its own connection (see [`http`]).
    pub fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Response {
        http(self.port, method, path, headers, body)
    }
}

/// One HTTP/1.1 request to `127.0.0.1:port` on its own connection: `Host`
/// is that address unless `headers` give one.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\nConnection: close\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: 127.0.0.1:{port}\r\n"));
    }
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    let declared = headers.iter().any(|(k, _)| {
        k.eq_ignore_ascii_case("content-length") || k.eq_ignore_ascii_case("transfer-encoding")
    });
    if !declared && (method == "POST" || method == "DELETE" || !body.is_empty()) {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    // The server may answer (413) before reading a body: a failed write
    // is then not the test's failure; the answer says.
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(body);
    Response::read(&mut stream, &format!("{method} {path}"))
}

/// A parsed HTTP response.
pub struct Response {
    pub what: String,
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Response {
    fn read(stream: &mut TcpStream, what: &str) -> Response {
        let mut reader = BufReader::new(stream);
        let mut status_line = String::new();
        reader.read_line(&mut status_line).expect("status line");
        let status = status_line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or_else(|| panic!("{what}: bad status line {status_line:?}"));
        let mut headers = Vec::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("header line");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some((k, v)) = line.split_once(':') {
                headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
            }
        }
        let header = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
        };
        let mut body = Vec::new();
        if let Some(n) = header("content-length").and_then(|n| n.parse::<usize>().ok()) {
            body.resize(n, 0);
            reader.read_exact(&mut body).expect("body");
        } else if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
            loop {
                let mut size = String::new();
                reader.read_line(&mut size).expect("chunk size");
                let n = usize::from_str_radix(size.trim(), 16).expect("chunk size");
                let mut chunk = vec![0; n + 2];
                reader.read_exact(&mut chunk).expect("chunk");
                if n == 0 {
                    break;
                }
                body.extend_from_slice(&chunk[..n]);
            }
        } else {
            let _ = reader.read_to_end(&mut body);
        }
        Response {
            what: what.to_string(),
            status,
            headers,
            body: String::from_utf8_lossy(&body).into_owned(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// Asserts the status, showing the body when it is not.
    pub fn expect(&self, status: u16) -> &Response {
        assert_eq!(
            self.status, status,
            "{}: status {} (wanted {status})\n{}",
            self.what, self.status, self.body
        );
        self
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {}", self.what, self.body))
    }

    pub fn has(&self, needle: &str) -> &Response {
        assert!(
            self.body.contains(needle),
            "{}: no {needle:?} in\n{}",
            self.what,
            self.body
        );
        self
    }
}

/// The seeds ingested, and the Moscow Times piece (seed 004) edited and
/// ingested again: a second version to diff.
pub fn seeded() -> Dir {
    let dir = Dir::new();
    let seeds = dir.seeds("seeds");
    dir.run(&["ingest", "-q", seeds.to_str().unwrap()])
        .expect_code(0);
    let edited = seed_text("004").replacen("50 people", "40 people", 1);
    let path = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name().unwrap().to_string_lossy().starts_with("004")
                && p.extension().is_some_and(|e| e == "txt")
        })
        .unwrap();
    std::fs::write(&path, edited).unwrap();
    dir.run(&["ingest", "-q", path.to_str().unwrap()])
        .expect_code(0);
    dir
}

/// A draft quoting Priscilla Moriuchi's words as Michael Carpenter's.
pub fn misattributed_draft() -> String {
    let p = para("003", "Enabling Russia to gain");
    let moved = p.replacen("she told VICE News", "Michael Carpenter told VICE News", 1);
    assert_ne!(p, moved, "the seed paragraph changed");
    format!(
        "Russia and America: partners?\n\n{}\n\n{moved}\n",
        para("000", "We are maintaining working contacts")
    )
}

/// `s` encoded as a form field value.
pub fn form_encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn file_bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

pub fn articles(dir: &Dir) -> usize {
    dir.run(&["articles", "--json"])
        .expect_code(0)
        .json()
        .as_array()
        .map_or(0, Vec::len)
}
