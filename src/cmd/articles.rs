//! `claimtrack articles`: what the store holds; `articles set` corrects an
//! article's metadata and `articles rm` removes articles, keeping pairs and
//! claims consistent.

use crate::cmd::{counted, emit, emit_json, exit, Ctx};
use claimtrack::error::{Error, Result};
use claimtrack::ingest::meta;
use claimtrack::report::{or_dash, sanitize, table};
use claimtrack::store::articles::{ArticleMeta, FieldChange, MetaEdit};
use claimtrack::store::matching::Rematch;
use claimtrack::store::{self, Store};

/// List stored articles, or correct or remove one.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Args {
    #[command(subcommand)]
    pub action: Option<Action>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// What to do to stored articles (listing them when none is given).
#[derive(Debug, clap::Subcommand)]
pub enum Action {
    /// Correct an article's metadata; an empty value clears a field.
    Set(SetArgs),
    /// Remove articles with their versions, quotes, figures and pairs.
    Rm(RmArgs),
    /// One article: metadata, versions, lineage, its quotes and figures
    /// (with `--json`, also its text).
    Show(ShowArgs),
}

/// `articles show ARTICLE`.
#[derive(Debug, clap::Args)]
pub struct ShowArgs {
    /// The article: its id, URL or file path.
    pub article: String,
    /// Print JSON: metadata, text, quotes, figures, versions, lineage.
    #[arg(long)]
    pub json: bool,
}

/// `articles set ARTICLE --outlet …`.
#[derive(Debug, clap::Args)]
pub struct SetArgs {
    /// The article: its id, URL or file path.
    pub article: String,
    /// Outlet that published it.
    #[arg(long)]
    pub outlet: Option<String>,
    /// Its headline.
    #[arg(long)]
    pub title: Option<String>,
    /// Publication date, e.g. 2021-05-14 or "May 14, 2021".
    #[arg(long)]
    pub published: Option<String>,
    /// Its URL.
    #[arg(long)]
    pub url: Option<String>,
    /// Its author.
    #[arg(long)]
    pub author: Option<String>,
    /// Print what changed as JSON.
    #[arg(long)]
    pub json: bool,
}

/// `articles rm ARTICLE…`.
#[derive(Debug, clap::Args)]
pub struct RmArgs {
    /// The articles: ids, URLs or file paths.
    #[arg(required = true)]
    pub articles: Vec<String>,
    /// Print what was removed as JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    match &args.action {
        None => list(args.json, ctx),
        Some(Action::Set(a)) => set(a, ctx),
        Some(Action::Rm(a)) => rm(a, ctx),
        Some(Action::Show(a)) => show(a, ctx),
    }
}

fn show(args: &ShowArgs, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let id = resolve(&store, &args.article)?;
    let view = store
        .article_view(id)?
        .ok_or_else(|| Error::Usage(format!("no article {id} (see `claimtrack articles`)")))?;
    if args.json {
        emit_json(ctx.out, &view)?;
    } else {
        emit(ctx.out, &sanitize_lines(&summary(&view)))?;
    }
    Ok(exit::OK)
}

/// Each line made safe for a terminal, line breaks kept.
fn sanitize_lines(s: &str) -> String {
    s.lines().map(|l| sanitize(l) + "\n").collect()
}

/// A few lines about an article, for people.
fn summary(v: &store::view::ArticleView) -> String {
    let mut out = format!(
        "article {}{}: {}\n",
        v.id,
        if v.draft { " (draft)" } else { "" },
        v.title.as_deref().unwrap_or("(no title)")
    );
    let field = |name: &str, value: &Option<String>| {
        value
            .as_deref()
            .map(|x| format!("  {name:<10}{x}\n"))
            .unwrap_or_default()
    };
    out += &field("outlet", &v.outlet);
    out += &field("published", &v.published);
    out += &field("author", &v.author);
    out += &field("url", &v.url);
    out += &field("path", &v.path);
    out += &format!(
        "  {:<10}{} (latest {}, {} words)\n",
        "versions",
        v.versions.len(),
        v.version,
        v.words
    );
    let mut speakers: Vec<&str> = v
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .collect();
    speakers.sort_unstable();
    speakers.dedup();
    out += &format!(
        "  {:<10}{}, {}, {}\n",
        "found",
        counted(v.quotes.len(), "quote"),
        counted(v.figures.len(), "figure"),
        counted(speakers.len(), "speaker")
    );
    if let Some(l) = &v.lineage.derives_from {
        out += &format!(
            "  derives from article {} ({}, {:.0}% of its sentences)\n",
            l.article,
            l.name.outlet.as_deref().unwrap_or("outlet unknown"),
            l.share * 100.0
        );
    }
    for l in &v.lineage.derived_by {
        out += &format!(
            "  rewritten by article {} ({})\n",
            l.article,
            l.name.outlet.as_deref().unwrap_or("outlet unknown")
        );
    }
    out
}

fn list(json: bool, ctx: &mut Ctx) -> Result<u8> {
    let store = Store::open_existing(&ctx.db)?;
    let rows = store.articles()?;
    if json {
        emit_json(ctx.out, &rows)?;
        return Ok(exit::OK);
    }
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|a| {
            vec![
                a.id.to_string(),
                or_dash(&a.outlet),
                or_dash(&a.published),
                a.versions.to_string(),
                a.words.to_string(),
                a.title
                    .clone()
                    .or_else(|| a.url.clone())
                    .or_else(|| {
                        a.path.as_deref().map(|p| {
                            std::path::Path::new(p)
                                .file_name()
                                .map_or(p.to_string(), |n| n.to_string_lossy().into_owned())
                        })
                    })
                    .unwrap_or_else(|| "-".into()),
            ]
        })
        .collect();
    emit(
        ctx.out,
        &table(
            &["id", "outlet", "date", "versions", "words", "title"],
            &body,
            70,
        ),
    )?;
    emit(ctx.out, &format!("{}\n", counted(rows.len(), "article")))?;
    Ok(exit::OK)
}

/// Opens the store to change it: an existing store only (a mistyped
/// `--db` is not made a new store), waiting for any other writer.
fn open_for_change(ctx: &Ctx) -> Result<Store> {
    drop(Store::open_existing(&ctx.db)?);
    Store::open_writable(&ctx.db, || {
        eprintln!(
            "claimtrack: {}: another claimtrack is writing to this store; waiting for it to finish",
            sanitize(&ctx.db.display().to_string())
        )
    })
}

/// The article an id, URL or path names.
fn resolve(store: &Store, reference: &str) -> Result<i64> {
    store.find_article(reference)?.ok_or_else(|| {
        Error::Usage(format!(
            "no article {reference} (see `claimtrack articles`)"
        ))
    })
}

/// A flag's value as an edit: absent keeps, empty clears.
fn edit_of(v: &Option<String>) -> Option<Option<String>> {
    v.as_ref()
        .map(|s| Some(s.trim().to_string()).filter(|s| !s.is_empty()))
}

fn set(args: &SetArgs, ctx: &mut Ctx) -> Result<u8> {
    let published = match args.published.as_deref().map(str::trim) {
        None => None,
        Some("") => Some(None),
        Some(p) => Some(Some(meta::normalise_date(p).ok_or_else(|| {
            Error::Usage(format!("--published {p:?} is not a date like 2021-05-14"))
        })?)),
    };
    let edit = MetaEdit {
        outlet: edit_of(&args.outlet),
        title: edit_of(&args.title),
        published,
        url: edit_of(&args.url),
        author: edit_of(&args.author),
    };
    if edit == MetaEdit::default() {
        return Err(Error::Usage(
            "articles set: give at least one of --outlet, --title, --published, --url, --author"
                .into(),
        ));
    }
    let mut store = open_for_change(ctx)?;
    let id = resolve(&store, &args.article)?;
    let edited = store
        .edit_article(id, &edit)
        .map_err(|e| store::store_error(&ctx.db, e))?;
    if args.json {
        emit_json(ctx.out, &edited)?;
        return Ok(exit::OK);
    }
    if edited.changes.is_empty() {
        emit(ctx.out, &format!("article {id}: nothing changed\n"))?;
        return Ok(exit::OK);
    }
    for c in &edited.changes {
        emit(ctx.out, &format!("article {id}: {}\n", change_line(c)))?;
    }
    if let Some(m) = &edited.matching {
        emit(
            ctx.out,
            &format!(
                "matched again: article {id}{}; {}\n",
                others(&edited.rematched),
                claims_line(m)
            ),
        )?;
    }
    Ok(exit::OK)
}

fn rm(args: &RmArgs, ctx: &mut Ctx) -> Result<u8> {
    let mut store = open_for_change(ctx)?;
    let mut ids = Vec::new();
    for r in &args.articles {
        let id = resolve(&store, r)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    let removed = store
        .remove_articles(&ids)
        .map_err(|e| store::store_error(&ctx.db, e))?;
    if args.json {
        emit_json(ctx.out, &removed)?;
        return Ok(exit::OK);
    }
    for a in &removed.articles {
        emit(ctx.out, &format!("removed {}\n", described(a)))?;
    }
    let again = if removed.rematched.is_empty() {
        String::new()
    } else {
        format!("matched again: {}; ", listed(&removed.rematched))
    };
    emit(
        ctx.out,
        &format!("{again}{}\n", claims_line(&removed.matching)),
    )?;
    Ok(exit::OK)
}

/// "article 4 (The Moscow Times, ‘Title’, 2021-05-14): 1 version, 2 quotes, 11 figures".
fn described(a: &ArticleMeta) -> String {
    let mut about = vec![a.outlet.clone().unwrap_or_else(|| "outlet unknown".into())];
    if let Some(t) = &a.title {
        about.push(format!("\u{2018}{t}\u{2019}"));
    }
    if let Some(d) = &a.published {
        about.push(d.clone());
    }
    format!(
        "article {} ({}): {}, {}, {}",
        a.id,
        about.join(", "),
        counted(a.versions as usize, "version"),
        counted(a.quotes as usize, "quote"),
        counted(a.figures as usize, "figure")
    )
}

fn change_line(c: &FieldChange) -> String {
    let show = |v: &Option<String>| v.as_ref().map_or("none".to_string(), |v| format!("{v:?}"));
    format!("{} {} → {}", c.field, show(&c.from), show(&c.to))
}

/// " and article 2, article 5", or " and 40 other articles" for many.
fn others(ids: &[i64]) -> String {
    match ids.len() {
        0 => String::new(),
        n if n > 8 => format!(" and {}", counted(n, "other article")),
        _ => format!(" and {}", listed(ids)),
    }
}

/// "article 2, article 5", or "40 articles" for many.
fn listed(ids: &[i64]) -> String {
    if ids.len() > 8 {
        return counted(ids.len(), "article");
    }
    ids.iter()
        .map(|a| format!("article {a}"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn claims_line(m: &Rematch) -> String {
    format!(
        "the store holds {}, {} contested",
        counted(m.claims, "claim"),
        m.contested
    )
}
