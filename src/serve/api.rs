//! The JSON API: each answer is what the CLI prints with `--json` for the
//! same store and the same filters (`contested`, `show`, `articles show`,
//! `audit`); errors are `{"error": "…"}` with a 4xx or 5xx status.

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use super::audit::{self, format_of_type, Posted};
use super::error::HttpError;
use super::params::Contested;
use super::pool::{blocking, read};
use super::routes::{load_article, load_claim, parse_id, Pairs};

/// `v` as the CLI prints it: pretty JSON, the characters a terminal could
/// act on escaped, a final newline.
pub fn json<T: Serialize>(v: &T) -> Response {
    match serde_json::to_string_pretty(v) {
        Ok(s) => (
            [(header::CONTENT_TYPE, "application/json")],
            crate::report::json_safe(s) + "\n",
        )
            .into_response(),
        Err(e) => HttpError::internal(format!("cannot write JSON: {e}"))
            .json()
            .into_response(),
    }
}

type ApiResult = Result<Response, HttpError>;

/// `GET /api/contested`: `claimtrack contested --json` with the same filters.
pub async fn contested(State(s): State<super::State>, q: Pairs) -> ApiResult {
    let f = Contested::parse(&q.0).map_err(HttpError::json)?;
    read(&s, move |store| Ok(json(&f.run(store)?.0)))
        .await
        .map_err(HttpError::json)
}

/// `GET /api/claims/{id}`: `claimtrack show ID --json`.
pub async fn claim(State(s): State<super::State>, Path(id): Path<String>) -> ApiResult {
    let id = parse_id("claim", &id).map_err(HttpError::json)?;
    read(&s, move |store| match load_claim(store, id)? {
        Ok(report) => Ok(json(&report)),
        Err(to) => Err(HttpError::not_found(format!(
            "claim {id} was merged into claim {to}: see /api/claims/{to}"
        ))),
    })
    .await
    .map_err(HttpError::json)
}

/// `GET /api/articles/{id}`: `claimtrack articles show ID --json`.
pub async fn article(State(s): State<super::State>, Path(id): Path<String>) -> ApiResult {
    let id = parse_id("article", &id).map_err(HttpError::json)?;
    read(&s, move |store| Ok(json(&load_article(store, id)?)))
        .await
        .map_err(HttpError::json)
}

/// `POST /api/audit`: `claimtrack audit FILE --json` with the body as the
/// draft, its format from the Content-Type (`text/html`,
/// `text/markdown`, `text/plain`) or sniffed; `?save=1` saves it as
/// `audit --save` does; `?name=…` names it in the report (else `draft`).
pub async fn audit(
    State(s): State<super::State>,
    q: Pairs,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult {
    let posted = Posted {
        bytes: body.to_vec(),
        format: headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(format_of_type),
        save: q
            .0
            .iter()
            .any(|(k, v)| k == "save" && !v.is_empty() && v != "0"),
    };
    let name =
        q.0.iter()
            .find(|(k, _)| k == "name")
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
            .unwrap_or("draft")
            .to_string();
    let state = s.clone();
    let result = if posted.save {
        blocking(move || {
            let o = audit::run(&posted, None, &state.db, state.max_bytes)?;
            Ok(audit::report(&name, o))
        })
        .await
    } else {
        read(&s, move |store| {
            let o = audit::run(&posted, Some(store), &state.db, state.max_bytes)?;
            Ok(audit::report(&name, o))
        })
        .await
    };
    result.map_err(HttpError::json)
}

/// Unknown `/api/…` paths.
pub fn not_found(path: &str) -> Response {
    HttpError::new(StatusCode::NOT_FOUND, format!("no such API route: {path}"))
        .json()
        .into_response()
}
