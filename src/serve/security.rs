//! What every request and response goes through: the `Host` check (a page
//! on another site cannot reach this server through a DNS name it
//! controls), refusing cross-site posts (CSRF), the body bound, and the
//! response headers (a strict Content-Security-Policy, no sniffing, no
//! referrer).

use std::net::SocketAddr;

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// The policy on every response: only this server's own styles and
/// scripts, no frames, forms posting here only.
pub const CSP: &str = "default-src 'none'; style-src 'self'; script-src 'self'; \
img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// The `Host` values a request may name.
#[derive(Debug, Clone)]
pub struct Allowed {
    hosts: Vec<String>,
    /// Bound to every interface (0.0.0.0, ::): the names it is reached by
    /// are unknown, so any host with this port.
    any_host_on: Option<u16>,
}

impl Allowed {
    /// For a server bound to `addr`: a loopback address is reached as
    /// `127.0.0.1:PORT`, `localhost:PORT` or `[::1]:PORT`; another address
    /// by itself.
    pub fn for_bound(addr: SocketAddr) -> Allowed {
        let port = addr.port();
        let ip = addr.ip();
        if ip.is_unspecified() {
            return Allowed {
                hosts: Vec::new(),
                any_host_on: Some(port),
            };
        }
        let names = if ip.is_loopback() {
            vec!["127.0.0.1".to_string(), "localhost".into(), "[::1]".into()]
        } else {
            match ip {
                std::net::IpAddr::V4(v4) => vec![v4.to_string()],
                std::net::IpAddr::V6(v6) => vec![format!("[{v6}]")],
            }
        };
        let mut hosts: Vec<String> = names.iter().map(|n| format!("{n}:{port}")).collect();
        // Browsers leave the default port out of `Host`.
        if port == 80 {
            hosts.extend(names);
        }
        Allowed {
            hosts,
            any_host_on: None,
        }
    }

    /// Whether a `Host` header value names this server.
    pub fn host(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        if let Some(port) = self.any_host_on {
            // The port is after the last colon outside an IPv6 literal's
            // brackets; without one it is the default, 80.
            let given = match host.rfind(':') {
                Some(i) if !host[i..].contains(']') => (i > 0).then(|| &host[i + 1..]),
                _ => (!host.is_empty()).then_some("80"),
            };
            return given == Some(port.to_string().as_str());
        }
        self.hosts.contains(&host)
    }

    /// Whether an `Origin` header value is this server.
    fn origin(&self, origin: &str) -> bool {
        origin
            .strip_prefix("http://")
            .is_some_and(|host| self.host(host))
    }
}

fn refuse(status: StatusCode, why: &str) -> Response {
    (status, format!("{why}\n")).into_response()
}

/// Checks a request before it reaches a handler, and sets the security
/// headers on whatever answers it.
pub async fn guard(State(state): State<super::State>, req: Request, next: Next) -> Response {
    let mut response = match check(&state, req.method(), req.headers()) {
        Some(refused) => refused,
        None => next.run(req).await,
    };
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

/// Whether a post comes from this app's own pages (or from a client that
/// is no browser). Browsers say where a request comes from in
/// `Sec-Fetch-Site`: anything but `same-origin` (or `none`, typed by the
/// user) is refused, `same-site` too, since another app on another port
/// of this machine is the same site. Without it, an `Origin` naming
/// another server is refused; `Origin: null` is what a browser sends for
/// a same-origin form under `Referrer-Policy: no-referrer`.
fn same_origin<'a>(
    state: &super::Shared,
    value: &impl Fn(header::HeaderName) -> Option<&'a str>,
) -> bool {
    match value(header::HeaderName::from_static("sec-fetch-site")) {
        Some(site) => site.eq_ignore_ascii_case("same-origin") || site.eq_ignore_ascii_case("none"),
        None => value(header::ORIGIN).is_none_or(|o| o == "null" || state.allowed.origin(o)),
    }
}

/// The refusal a request gets, if any.
fn check(state: &super::Shared, method: &Method, headers: &HeaderMap) -> Option<Response> {
    let value = |name| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    if !value(header::HOST).is_some_and(|h| state.allowed.host(h)) {
        return Some(refuse(
            StatusCode::MISDIRECTED_REQUEST,
            "misdirected request: the Host header does not name this server",
        ));
    }
    if method != Method::GET && method != Method::HEAD && !same_origin(state, &value) {
        return Some(refuse(
            StatusCode::FORBIDDEN,
            "forbidden: a form on another site cannot post here",
        ));
    }
    let declared = value(header::CONTENT_LENGTH).and_then(|n| n.parse::<u64>().ok());
    if declared.is_some_and(|n| n > state.max_bytes as u64) {
        return Some(refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            &format!(
                "payload too large: the limit is {} bytes (--max-bytes)",
                state.max_bytes
            ),
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_hosts() {
        let a = Allowed::for_bound("127.0.0.1:7878".parse().unwrap());
        for ok in [
            "127.0.0.1:7878",
            "localhost:7878",
            "LOCALHOST:7878",
            "[::1]:7878",
        ] {
            assert!(a.host(ok), "{ok}");
        }
        for bad in [
            "evil.example:7878",
            "127.0.0.1:7879",
            "127.0.0.1",
            "",
            "localhost",
        ] {
            assert!(!a.host(bad), "{bad}");
        }
        assert!(a.origin("http://localhost:7878"));
        assert!(!a.origin("http://evil.example"));
        assert!(!a.origin("null"));
    }

    #[test]
    fn other_hosts() {
        let a = Allowed::for_bound("192.168.1.5:80".parse().unwrap());
        assert!(a.host("192.168.1.5:80"));
        assert!(a.host("192.168.1.5"), "the default port is left out");
        assert!(!a.host("localhost:80"));
        assert!(!a.host("evil.example"));
        let b = Allowed::for_bound("192.168.1.5:8080".parse().unwrap());
        assert!(!b.host("192.168.1.5"));
        let any = Allowed::for_bound("0.0.0.0:8080".parse().unwrap());
        assert!(any.host("myhost.lan:8080"));
        assert!(!any.host("myhost.lan:8081"));
        assert!(!any.host(":8080"));
        assert!(any.host("[fe80::1]:8080"));
        assert!(!any.host("[fe80::1]"));
        let any80 = Allowed::for_bound("0.0.0.0:80".parse().unwrap());
        assert!(any80.host("myhost.lan"));
        assert!(any80.host("[fe80::1]"));
        assert!(!any80.host(""));
    }
}
