//! Load on `claimtrack serve`: the release binary on a store (the seeds
//! by default, or the store at `CLAIMTRACK_SERVE_DB`), 16 client threads
//! for `CLAIMTRACK_SERVE_SECS` seconds (default 10) against `/` and
//! `/claims/{id}`, one connection per request. Prints requests per second
//! and p50/p99 latency per route.
//!
//! ```sh
//! cargo bench --bench serve
//! CLAIMTRACK_SERVE_DB=big.db CLAIMTRACK_SERVE_SECS=30 cargo bench --bench serve
//! ```

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const CLIENTS: usize = 16;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_claimtrack")
}

/// A store of the seeds in a temporary folder.
fn seeds_store(dir: &Path) -> PathBuf {
    let db = dir.join("seeds.db");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let status = Command::new(bin())
        .arg("--db")
        .arg(&db)
        .args(["ingest", "-q"])
        .arg(seeds)
        .stdout(Stdio::null())
        .status()
        .expect("run claimtrack ingest");
    assert!(status.success(), "ingest failed");
    db
}

/// GET `path`; the status and the time it took.
fn get(port: u16, path: &str) -> (u16, Duration, Vec<u8>) {
    let t = Instant::now();
    let mut body = Vec::new();
    let status = (|| -> std::io::Result<u16> {
        let mut s = TcpStream::connect(("127.0.0.1", port))?;
        s.set_read_timeout(Some(Duration::from_secs(60)))?;
        write!(
            s,
            "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
        )?;
        s.read_to_end(&mut body)?;
        let line = body.split(|b| *b == b'\n').next().unwrap_or_default();
        Ok(std::str::from_utf8(line)
            .ok()
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|c| c.parse().ok())
            .unwrap_or(0))
    })()
    .unwrap_or(0);
    (status, t.elapsed(), body)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

fn main() {
    let secs: u64 = std::env::var("CLAIMTRACK_SERVE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10);
    let tmp = std::env::temp_dir().join(format!("claimtrack-serve-bench-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let db = match std::env::var_os("CLAIMTRACK_SERVE_DB") {
        Some(p) => PathBuf::from(p),
        None => seeds_store(&tmp),
    };
    let mut child = Command::new(bin())
        .arg("--db")
        .arg(&db)
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("start claimtrack serve");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let server = Server(child);
    let port: u16 = line
        .trim()
        .trim_end_matches('/')
        .rsplit(':')
        .next()
        .and_then(|p| p.parse().ok())
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"));

    // Claims of the first page, to cycle through.
    let (status, _, body) = get(port, "/api/contested?page=1");
    assert_eq!(status, 200, "GET /api/contested");
    let text = String::from_utf8_lossy(&body);
    let json = &text[text.find("\r\n\r\n").map_or(0, |i| i + 4)..];
    let ids: Vec<i64> = serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
        .iter()
        .filter_map(|c| c["id"].as_i64())
        .collect();
    assert!(!ids.is_empty(), "no contested claim in {}", db.display());
    let ids = Arc::new(ids);

    println!(
        "serve bench: {} ({} contested claims on the first page), {CLIENTS} clients, {secs} s",
        db.display(),
        ids.len()
    );
    let stop = Arc::new(AtomicBool::new(false));
    let start = Instant::now();
    let workers: Vec<_> = (0..CLIENTS)
        .map(|n| {
            let (stop, ids) = (stop.clone(), ids.clone());
            std::thread::spawn(move || {
                let (mut front, mut claims, mut errors) = (Vec::new(), Vec::new(), 0usize);
                let mut i = n;
                while !stop.load(Ordering::Relaxed) {
                    let (path, into) = if i % 2 == 0 {
                        ("/".to_string(), &mut front)
                    } else {
                        (format!("/claims/{}", ids[(i / 2) % ids.len()]), &mut claims)
                    };
                    let (status, took, _) = get(port, &path);
                    if status == 200 {
                        into.push(took);
                    } else {
                        errors += 1;
                    }
                    i += 1;
                }
                (front, claims, errors)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(secs));
    stop.store(true, Ordering::Relaxed);
    let (mut front, mut claims, mut errors) = (Vec::new(), Vec::new(), 0);
    for w in workers {
        let (f, c, e) = w.join().unwrap();
        front.extend(f);
        claims.extend(c);
        errors += e;
    }
    let elapsed = start.elapsed().as_secs_f64();
    drop(server);
    let _ = std::fs::remove_dir_all(&tmp);
    let report = |name: &str, v: &mut Vec<Duration>| {
        v.sort_unstable();
        println!(
            "  {name:<14} {:>8.0} req/s   p50 {:>7.2} ms   p99 {:>7.2} ms   ({} requests)",
            v.len() as f64 / elapsed,
            percentile(v, 0.50).as_secs_f64() * 1e3,
            percentile(v, 0.99).as_secs_f64() * 1e3,
            v.len()
        );
    };
    report("/", &mut front);
    report("/claims/{id}", &mut claims);
    let mut all: Vec<Duration> = front.iter().chain(&claims).copied().collect();
    report("all", &mut all);
    println!("  errors         {errors}");
}
