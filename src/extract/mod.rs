//! Extraction: quotes and figures from article text. Pure functions: text
//! in, values out, no I/O.

pub mod figures;
pub mod model;
pub mod quotes;
pub mod segment;
pub mod speakers;

use model::Extraction;

/// Extract every quote and figure from `text`.
pub fn extract(text: &str) -> Extraction {
    Extraction {
        quotes: quotes::quotes(text),
        figures: figures::figures(text),
    }
}
