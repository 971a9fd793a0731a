//! Errors as responses: an HTML page for the pages, `{"error": "…"}` for
//! the API, with the status that says what went wrong.

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};

/// A request that could not be answered as asked.
#[derive(Debug)]
pub struct HttpError {
    pub status: StatusCode,
    pub message: String,
    /// Answer as JSON (the API) rather than a page.
    pub json: bool,
}

impl HttpError {
    pub fn new(status: StatusCode, message: impl Into<String>) -> HttpError {
        HttpError {
            status,
            message: message.into(),
            json: false,
        }
    }

    pub fn not_found(message: impl Into<String>) -> HttpError {
        HttpError::new(StatusCode::NOT_FOUND, message)
    }

    pub fn bad_request(message: impl Into<String>) -> HttpError {
        HttpError::new(StatusCode::BAD_REQUEST, message)
    }

    pub fn internal(message: impl Into<String>) -> HttpError {
        HttpError::new(StatusCode::INTERNAL_SERVER_ERROR, message)
    }

    /// The same error, answered as JSON.
    pub fn json(mut self) -> HttpError {
        self.json = true;
        self
    }
}

impl From<crate::Error> for HttpError {
    fn from(e: crate::Error) -> HttpError {
        let status = match e {
            crate::Error::Usage(_) | crate::Error::BadInput { .. } => StatusCode::BAD_REQUEST,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        HttpError::new(status, crate::report::sanitize(&e.to_string()))
    }
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        if self.json {
            let body = serde_json::json!({ "error": self.message });
            return (
                self.status,
                [(header::CONTENT_TYPE, "application/json")],
                format!("{body}\n"),
            )
                .into_response();
        }
        let title = self
            .status
            .canonical_reason()
            .unwrap_or("Error")
            .to_string();
        let page = super::html::layout(
            &title,
            super::html::Nav::None,
            maud::html! {
                h1 { (title) }
                p.error { (self.message) }
                p { a href="/" { "Back to the contested claims" } }
            },
        );
        (self.status, page).into_response()
    }
}
