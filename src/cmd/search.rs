//! `claimtrack search TEXT`: full-text search over stored quotes and
//! article text.

use std::io::IsTerminal;

use serde::Serialize;

use crate::cmd::{counted, emit, emit_json, exit, quotes, Ctx};
use claimtrack::error::{Error, Result};
use claimtrack::report::sanitize;
use claimtrack::store::query::{fts_search, ArticleHit, QuoteFilter, QuoteRow};
use claimtrack::store::Store;

/// Find quotes and articles containing all the given words; words in
/// double quotes are a phrase.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to look for: all must occur; `"exact phrase"` (quoted for the
    /// shell too: '"joint unit"') finds those words together, in order.
    /// FTS5 syntax is taken literally.
    #[arg(required = true)]
    pub text: Vec<String>,
    /// Where to look.
    #[arg(long = "in", value_enum, default_value_t = Scope::All)]
    pub scope: Scope,
    /// At most this many articles (the best matches) and quotes.
    #[arg(long)]
    pub limit: Option<usize>,
    /// Print JSON: `{"quotes": [...], "articles": [...]}`.
    #[arg(long)]
    pub json: bool,
}

/// What `search` looks through.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Scope {
    /// Quotes and article text.
    All,
    Quotes,
    Articles,
}

/// What a search found.
#[derive(Debug, Serialize)]
struct Found {
    quotes: Vec<QuoteRow>,
    articles: Vec<ArticleHit>,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let query = fts_search(&args.text.join(" "))
        .ok_or_else(|| Error::Usage("search: give at least one word".into()))?;
    let store = Store::open_existing(&ctx.db)?;
    let mut found = Found {
        quotes: Vec::new(),
        articles: Vec::new(),
    };
    if args.scope != Scope::Articles {
        found.quotes = store.quotes(&QuoteFilter {
            fts: Some(&query),
            ..QuoteFilter::default()
        })?;
        if let Some(n) = args.limit {
            found.quotes.truncate(n);
        }
    }
    if args.scope != Scope::Quotes {
        found.articles = store.search_text(&query, args.limit)?;
    }
    if args.json {
        emit_json(ctx.out, &found)?;
        return Ok(exit::OK);
    }
    if args.scope != Scope::Articles {
        emit(ctx.out, "Quotes\n")?;
        quotes::print(&found.quotes, false, ctx)?;
    }
    if args.scope != Scope::Quotes {
        if args.scope == Scope::All {
            emit(ctx.out, "\nArticles\n")?;
        }
        let colour = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        for hit in &found.articles {
            emit(ctx.out, &article_hit(hit, colour))?;
        }
        emit(
            ctx.out,
            &format!("{}\n", counted(found.articles.len(), "article")),
        )?;
    }
    Ok(exit::OK)
}

/// "article 4  VICE News, 2021-05-14, ‘Title’" and the snippet below it,
/// matches in bold (or between `**` without colour).
fn article_hit(hit: &ArticleHit, colour: bool) -> String {
    let mut about = vec![hit
        .outlet
        .clone()
        .unwrap_or_else(|| "outlet unknown".into())];
    if let Some(d) = &hit.published {
        about.push(d.clone());
    }
    if let Some(t) = &hit.title {
        about.push(format!("\u{2018}{t}\u{2019}"));
    }
    let (open, close) = if colour {
        ("\x1b[1;31m", "\x1b[0m")
    } else {
        ("**", "**")
    };
    let mut snippet = String::new();
    let mut at = 0;
    for &(start, end) in &hit.highlights {
        let (Some(before), Some(matched)) =
            (hit.snippet.get(at..start), hit.snippet.get(start..end))
        else {
            continue;
        };
        snippet.push_str(&sanitize(before));
        snippet.push_str(open);
        snippet.push_str(&sanitize(matched));
        snippet.push_str(close);
        at = end;
    }
    snippet.push_str(&sanitize(hit.snippet.get(at..).unwrap_or_default()));
    // Line breaks of the text are spaces here, and runs of spaces one.
    let snippet = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "article {}  {}\n    {snippet}\n",
        hit.article,
        sanitize(&about.join(", "))
    )
}
