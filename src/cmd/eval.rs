//! `claimtrack eval [DIR]`: run the extractor on every article of
//! `DIR/seeds/` and score it against `DIR/claims/`.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cmd::{emit, emit_json, exit, Ctx};
use crate::error::{Error, Result};
use crate::eval::{score, Counts, Misses, Prf};
use crate::extract::{self, model::Extraction};
use crate::ingest::{self, Input, Options};
use crate::report::{sanitize, table, truncate};

/// Score extraction against hand-checked expectations.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder holding `seeds/` (articles) and `claims/` (expectations).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// List every missed, spurious and mis-attributed item.
    #[arg(long)]
    pub details: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct ArticleScore {
    article: String,
    counts: Counts,
    quote_text: Prf,
    quote_speaker: Prf,
    figures: Prf,
    #[serde(skip_serializing_if = "Option::is_none")]
    misses: Option<Misses>,
}

#[derive(Debug, Serialize)]
struct Report {
    articles: Vec<ArticleScore>,
    overall: ArticleScore,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let seeds = args.dir.join("seeds");
    let claims = args.dir.join("claims");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&claims)
        .map_err(|e| Error::io(&claims, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    if names.is_empty() {
        return Err(Error::bad_input(&claims, "no expectations (*.json) here"));
    }
    let mut articles = Vec::new();
    let mut total = Counts::default();
    for gold_path in &names {
        let stem = gold_path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let article = find_article(&seeds, &stem)?;
        let bytes = std::fs::read(gold_path).map_err(|e| Error::io(gold_path, e))?;
        let expected: Extraction = serde_json::from_slice(&bytes)
            .map_err(|e| Error::bad_input(gold_path, format!("not an extraction: {e}")))?;
        let loaded = ingest::load(&Input::File(article), &Options::default())?;
        let predicted = extract::extract(&loaded.text);
        let (counts, misses) = score(&expected, &predicted);
        total.add(&counts);
        articles.push(ArticleScore {
            article: stem,
            quote_text: counts.quote_text(),
            quote_speaker: counts.quote_speaker(),
            figures: counts.figures(),
            counts,
            misses: args.details.then_some(misses),
        });
    }
    let report = Report {
        overall: ArticleScore {
            article: "overall".into(),
            quote_text: total.quote_text(),
            quote_speaker: total.quote_speaker(),
            figures: total.figures(),
            counts: total,
            misses: None,
        },
        articles,
    };
    if args.json {
        emit_json(ctx.out, &report)?;
    } else {
        print(&report, ctx)?;
    }
    Ok(exit::OK)
}

/// The article file for an expectation: `seeds/STEM.*` (not a sidecar).
fn find_article(seeds: &Path, stem: &str) -> Result<PathBuf> {
    for ext in ["txt", "md", "markdown", "html", "htm"] {
        let p = seeds.join(format!("{stem}.{ext}"));
        if p.is_file() {
            return Ok(p);
        }
    }
    Err(Error::bad_input(
        seeds.join(stem),
        "expectation has no article of the same name in seeds/",
    ))
}

fn print(report: &Report, ctx: &mut Ctx) -> Result<()> {
    let row = |a: &ArticleScore| {
        let c = &a.counts;
        let f = |p: Prf| format!("{:.2}/{:.2}/{:.2}", p.precision, p.recall, p.f1);
        vec![
            a.article.clone(),
            format!("{}/{}", c.predicted_quotes, c.expected_quotes),
            f(a.quote_text),
            f(a.quote_speaker),
            format!("{}/{}", c.predicted_figures, c.expected_figures),
            f(a.figures),
        ]
    };
    let mut rows: Vec<Vec<String>> = report.articles.iter().map(row).collect();
    rows.push(row(&report.overall));
    emit(
        ctx.out,
        &table(
            &[
                "article",
                "quotes got/want",
                "quote text P/R/F1",
                "with speaker P/R/F1",
                "figures got/want",
                "figures P/R/F1",
            ],
            &rows,
            40,
        ),
    )?;
    for a in &report.articles {
        let Some(m) = &a.misses else { continue };
        let mut out = format!("\n== {}\n", a.article);
        let line = |out: &mut String, tag: &str, start: usize, text: &str, extra: String| {
            out.push_str(&format!(
                "  {tag} @{start}: {}{extra}\n",
                truncate(&sanitize(text), 90)
            ));
        };
        for q in &m.missed_quotes {
            line(
                &mut out,
                "missed quote  ",
                q.start,
                &q.text,
                format!(" [{:?}]", q.speaker),
            );
        }
        for q in &m.spurious_quotes {
            line(
                &mut out,
                "spurious quote",
                q.start,
                &q.text,
                format!(" [{:?}]", q.speaker),
            );
        }
        for (e, p) in &m.wrong_speaker {
            line(
                &mut out,
                "wrong speaker ",
                e.start,
                &e.text,
                format!(" [want {:?}, got {:?}]", e.speaker, p.speaker),
            );
        }
        for f in &m.missed_figures {
            line(
                &mut out,
                "missed figure ",
                f.start,
                &f.text,
                format!(" [{:?} {:?} {:?}]", f.value, f.unit, f.qualifier),
            );
        }
        for f in &m.spurious_figures {
            line(
                &mut out,
                "spurious figure",
                f.start,
                &f.text,
                format!(" [{:?} {:?} {:?}]", f.value, f.unit, f.qualifier),
            );
        }
        emit(ctx.out, &out)?;
    }
    Ok(())
}
