//! `claimtrack eval [DIR]`: run the extractor on every article with an
//! expectation and score it: the seeds (`DIR/claims/*.json` against
//! `DIR/seeds/`), and the gold splits `DIR/claims/dev/` and
//! `DIR/claims/test/`, where each expectation sits beside its article.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cmd::{emit, emit_json, exit, Ctx};
use claimtrack::error::{Error, Result};
use claimtrack::eval::{score, Counts, Misses, Prf};
use claimtrack::extract::{self, model::Extraction};
use claimtrack::ingest::{self, Input, Options};
use claimtrack::report::{sanitize, table, truncate};

/// Score extraction against hand-checked expectations.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder holding `seeds/` (articles) and `claims/` (expectations, with
    /// the `dev/` and `test/` splits).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// List every missed, spurious and mis-attributed item (seeds and dev
    /// only: the test split is scored, never looked into).
    #[arg(long)]
    pub details: bool,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Serialize)]
struct ArticleScore {
    article: String,
    /// seeds, dev or test.
    split: &'static str,
    counts: Counts,
    quote_text: Prf,
    quote_speaker: Prf,
    indirect_speaker: Prf,
    title_accuracy: f64,
    cue_accuracy: f64,
    figures: Prf,
    #[serde(skip_serializing_if = "Option::is_none")]
    misses: Option<Misses>,
}

impl ArticleScore {
    fn new(article: String, split: &'static str, counts: Counts, misses: Option<Misses>) -> Self {
        ArticleScore {
            article,
            split,
            quote_text: counts.quote_text(),
            quote_speaker: counts.quote_speaker(),
            indirect_speaker: counts.indirect_speaker(),
            title_accuracy: counts.title_accuracy(),
            cue_accuracy: counts.cue_accuracy(),
            figures: counts.figures(),
            counts,
            misses,
        }
    }
}

#[derive(Debug, Serialize)]
struct Report {
    /// Every scored article, seeds first, then dev, then test.
    articles: Vec<ArticleScore>,
    /// Over the seeds.
    overall: ArticleScore,
    /// Over each split present (seeds, dev, test).
    splits: Vec<ArticleScore>,
}

/// Where one split's expectations and articles are.
struct Split {
    name: &'static str,
    gold: PathBuf,
    articles: PathBuf,
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let claims = args.dir.join("claims");
    let splits = [
        Split {
            name: "seeds",
            gold: claims.clone(),
            articles: args.dir.join("seeds"),
        },
        Split {
            name: "dev",
            gold: claims.join("dev"),
            articles: claims.join("dev"),
        },
        Split {
            name: "test",
            gold: claims.join("test"),
            articles: claims.join("test"),
        },
    ];
    let mut articles = Vec::new();
    let mut overall = Vec::new();
    for split in &splits {
        let names = expectations(&split.gold, split.name == "seeds")?;
        if names.is_empty() {
            continue;
        }
        let mut total = Counts::default();
        for gold_path in &names {
            let stem = gold_path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let article = find_article(&split.articles, &stem)?;
            let bytes = std::fs::read(gold_path).map_err(|e| Error::io(gold_path, e))?;
            let expected: Extraction = serde_json::from_slice(&bytes)
                .map_err(|e| Error::bad_input(gold_path, format!("not an extraction: {e}")))?;
            let loaded = ingest::load(&Input::File(article), &Options::default())?;
            let predicted = extract::extract(&loaded.text);
            let (counts, misses) = score(&expected, &predicted);
            total.add(&counts);
            let show = args.details && split.name != "test";
            articles.push(ArticleScore::new(
                stem,
                split.name,
                counts,
                show.then_some(misses),
            ));
        }
        overall.push(ArticleScore::new("overall".into(), split.name, total, None));
    }
    let Some(seeds) = overall.iter().find(|o| o.split == "seeds") else {
        return Err(Error::bad_input(&claims, "no expectations (*.json) here"));
    };
    let report = Report {
        overall: ArticleScore::new("overall".into(), "seeds", seeds.counts.clone(), None),
        articles,
        splits: overall,
    };
    if args.json {
        emit_json(ctx.out, &report)?;
    } else {
        print(&report, ctx)?;
    }
    Ok(exit::OK)
}

/// The expectations (`*.json`) in `dir`, sorted; none when the folder is
/// missing and not required.
fn expectations(dir: &Path, required: bool) -> Result<Vec<PathBuf>> {
    let read = match std::fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io(dir, e)),
    };
    let mut names: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    if names.is_empty() && required {
        return Err(Error::bad_input(dir, "no expectations (*.json) here"));
    }
    Ok(names)
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
        "expectation has no article of the same name beside it (or in seeds/)",
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
            format!("{:.2}", a.indirect_speaker.f1),
            format!("{:.2}", a.title_accuracy),
            format!("{:.2}", a.cue_accuracy),
            format!("{}/{}", c.predicted_figures, c.expected_figures),
            f(a.figures),
        ]
    };
    for (i, split) in report.splits.iter().enumerate() {
        let mut rows: Vec<Vec<String>> = report
            .articles
            .iter()
            .filter(|a| a.split == split.split)
            .map(row)
            .collect();
        let n = rows.len();
        rows.push(row(split));
        let gap = if i == 0 { "" } else { "\n" };
        emit(ctx.out, &format!("{gap}{} ({n} articles)\n", split.split))?;
        emit(
            ctx.out,
            &table(
                &[
                    "article",
                    "quotes got/want",
                    "quote text P/R/F1",
                    "with speaker P/R/F1",
                    "indirect F1",
                    "title",
                    "cue",
                    "figures got/want",
                    "figures P/R/F1",
                ],
                &rows,
                40,
            ),
        )?;
    }
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
        // Matched quotes with one field wrong: (tag, pairs, the field).
        type Field = fn(&claimtrack::extract::model::Quote) -> &Option<String>;
        let wrong: [(&str, &Vec<_>, Field); 3] = [
            ("wrong speaker ", &m.wrong_speaker, |q| &q.speaker),
            ("wrong title   ", &m.wrong_title, |q| &q.speaker_title),
            ("wrong cue     ", &m.wrong_cue, |q| &q.cue),
        ];
        for (tag, pairs, field) in wrong {
            for (e, p) in pairs {
                line(
                    &mut out,
                    tag,
                    e.start,
                    &e.text,
                    format!(" [want {:?}, got {:?}]", field(e), field(p)),
                );
            }
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
