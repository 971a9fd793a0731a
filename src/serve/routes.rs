//! The routes, and the handlers of the pages.

use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, FromRequest, FromRequestParts, Path, Query, Request, State};
use axum::http::request::Parts;
use axum::http::{header, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{middleware, Form, Router};

use super::audit::{self, Posted};
use super::error::HttpError;
use super::html::{Page, STYLE};
use super::params::Contested;
use super::pool::{blocking, read};
use super::{api, article, pages, security};
use crate::report::claims::ClaimReport;
use crate::store::matching::ClaimFate;
use crate::store::query::{fts_search, QuoteFilter};
use crate::store::view::ArticleView;
use crate::store::Store;

/// Every route of the app, behind the security guard and the body bound.
pub fn router(state: super::State) -> Router {
    let limit = state.max_bytes;
    Router::new()
        .route("/", get(contested))
        .route("/claims/{id}", get(claim))
        .route("/articles/{id}", get(article_page))
        .route("/articles/{id}/diff", get(diff))
        .route("/audit", get(audit_form).post(audit_post))
        .route("/search", get(search))
        .route("/static/style.css", get(style))
        .route("/api/contested", get(api::contested))
        .route("/api/claims/{id}", get(api::claim))
        .route("/api/articles/{id}", get(api::article))
        .route("/api/audit", post(api::audit))
        .fallback(not_found)
        .layer(DefaultBodyLimit::max(limit))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            security::guard,
        ))
        .with_state(state)
}

/// Query pairs in order, repeated names kept (`reason=a&reason=b`); a
/// query that cannot be read is a 400.
pub struct Pairs(pub Vec<(String, String)>);

impl<S: Send + Sync> FromRequestParts<S> for Pairs {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let api = parts.uri.path().starts_with("/api/");
        match Query::<Vec<(String, String)>>::from_request_parts(parts, state).await {
            Ok(Query(v)) => Ok(Pairs(v)),
            Err(e) => {
                let e = HttpError::bad_request(e.body_text());
                Err(if api { e.json() } else { e })
            }
        }
    }
}

/// A positive id from a path, else a 400 naming it.
pub fn parse_id(what: &str, s: &str) -> Result<i64, HttpError> {
    s.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| HttpError::bad_request(format!("{what} id {s:?} is not a number")))
}

/// A live claim's report; `Err(to)` when it was merged into claim `to`.
pub fn load_claim(store: &Store, id: i64) -> Result<Result<ClaimReport, i64>, HttpError> {
    let missing = || HttpError::not_found(format!("no claim {id}"));
    match store.claim_fate(id)? {
        None => return Err(missing()),
        Some(ClaimFate::MergedInto(to)) => return Ok(Err(to)),
        Some(ClaimFate::Gone) => {
            return Err(HttpError::not_found(format!(
                "claim {id} is gone: the articles that carried it changed"
            )))
        }
        Some(ClaimFate::Live) => {}
    }
    let (id, claim, pairs) = store.claim(id)?.ok_or_else(missing)?;
    Ok(Ok(ClaimReport::build(store, id, &claim, pairs)?))
}

/// A stored article, or a 404.
pub fn load_article(store: &Store, id: i64) -> Result<ArticleView, HttpError> {
    store
        .article_view(id)?
        .ok_or_else(|| HttpError::not_found(format!("no article {id}")))
}

type PageResult = Result<Response, HttpError>;

async fn contested(State(s): State<super::State>, uri: Uri, q: Pairs) -> PageResult {
    let mut f = Contested::parse(&q.0)?;
    f.page = Some(f.page.unwrap_or(1));
    let key = uri.query().unwrap_or("").to_string();
    if let Some(page) = s.pages.get(&key) {
        return Ok(html_response(page));
    }
    let state = s.clone();
    read(&s, move |store| {
        let stamp = state.pages.stamp();
        let (claims, more) = f.run(store)?;
        let page = pages::contested(&f, &claims, more).0.into_string();
        state.pages.put(key, stamp, &page);
        Ok(html_response(page))
    })
    .await
}

fn html_response(page: String) -> Response {
    ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], page).into_response()
}

async fn claim(State(s): State<super::State>, Path(id): Path<String>) -> PageResult {
    let id = parse_id("claim", &id)?;
    read(&s, move |store| {
        Ok(match load_claim(store, id)? {
            Ok(report) => pages::claim(&report).into_response(),
            Err(to) => Redirect::to(&format!("/claims/{to}")).into_response(),
        })
    })
    .await
}

async fn article_page(State(s): State<super::State>, Path(id): Path<String>) -> PageResult {
    let id = parse_id("article", &id)?;
    read(&s, move |store| {
        Ok(article::page(&load_article(store, id)?).into_response())
    })
    .await
}

async fn diff(State(s): State<super::State>, Path(id): Path<String>, q: Pairs) -> PageResult {
    let id = parse_id("article", &id)?;
    let version = |name: &str| -> Result<Option<i64>, HttpError> {
        match q
            .0
            .iter()
            .rev()
            .find(|(k, v)| k == name && !v.trim().is_empty())
        {
            None => Ok(None),
            Some((_, v)) => v.trim().parse().map(Some).map_err(|_| {
                HttpError::bad_request(format!("{name}: {v:?} is not a version number"))
            }),
        }
    };
    let (from, to) = (version("from")?, version("to")?);
    read(&s, move |store| {
        let view = load_article(store, id)?;
        let versions = store.versions(id)?;
        let latest = versions.last().map_or(0, |v| v.seq);
        let to = to.unwrap_or(latest);
        let from = from.unwrap_or(to - 1);
        let pick = |seq: i64| {
            versions.iter().find(|v| v.seq == seq).ok_or_else(|| {
                HttpError::not_found(format!(
                    "article {id} has no version {seq} (it has {latest} version{})",
                    if latest == 1 { "" } else { "s" }
                ))
            })
        };
        let (a, b) = (pick(from)?, pick(to)?);
        let d = crate::diff::diff(&a.text, &b.text);
        let title = view.title.unwrap_or_else(|| format!("Article {id}"));
        Ok(pages::diff(
            id,
            &title,
            from,
            to,
            latest,
            crate::report::diff::html_body(&d),
        )
        .into_response())
    })
    .await
}

/// Results of each kind shown at most.
const SEARCH_LIMIT: usize = 50;

async fn search(State(s): State<super::State>, q: Pairs) -> PageResult {
    let text =
        q.0.iter()
            .rev()
            .find(|(k, _)| k == "q")
            .map(|(_, v)| v.clone())
            .unwrap_or_default();
    let Some(fts) = fts_search(&text) else {
        return Ok(pages::search(&text, None, SEARCH_LIMIT).into_response());
    };
    read(&s, move |store| {
        let mut quotes = store.quotes(&QuoteFilter {
            fts: Some(&fts),
            ..QuoteFilter::default()
        })?;
        quotes.truncate(SEARCH_LIMIT);
        let articles = store.search_text(&fts, Some(SEARCH_LIMIT))?;
        Ok(pages::search(&text, Some((&quotes, &articles)), SEARCH_LIMIT).into_response())
    })
    .await
}

async fn audit_form() -> Page {
    audit::form(None)
}

/// `POST /audit`: a urlencoded or multipart form.
async fn audit_post(State(s): State<super::State>, req: Request) -> PageResult {
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_string();
    let posted: Posted = match audit::media_type(&content_type).as_str() {
        "application/x-www-form-urlencoded" => {
            let Form(pairs) = Form::<Vec<(String, String)>>::from_request(req, &s)
                .await
                .map_err(|e| HttpError::new(e.status(), e.body_text()))?;
            audit::from_form(pairs)
        }
        "multipart/form-data" => {
            let body = Bytes::from_request(req, &s)
                .await
                .map_err(|e| HttpError::new(e.status(), e.body_text()))?;
            audit::from_multipart(&content_type, &body)?
        }
        _ => {
            return Err(HttpError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "post the audit form (urlencoded or multipart)",
            ))
        }
    };
    let state = s.clone();
    let outcome = if posted.save {
        blocking(move || {
            let o = audit::run(&posted, None, &state.db, state.max_bytes)?;
            Ok(audit::result(&o).into_response())
        })
        .await
    } else {
        read(&s, move |store| {
            let o = audit::run(&posted, Some(store), &state.db, state.max_bytes)?;
            Ok(audit::result(&o).into_response())
        })
        .await
    };
    match outcome {
        Err(e) if e.status == StatusCode::BAD_REQUEST => {
            Ok((StatusCode::BAD_REQUEST, audit::form(Some(&e.message))).into_response())
        }
        other => other,
    }
}

async fn style() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "max-age=300"),
        ],
        STYLE,
    )
        .into_response()
}

async fn not_found(uri: Uri) -> Response {
    let path = uri.path();
    if path.starts_with("/api/") || path == "/api" {
        return api::not_found(path);
    }
    HttpError::not_found(format!("nothing at {path}")).into_response()
}
