//! `claimtrack audit DRAFT`: check a draft's quotes and figures against the
//! stored coverage before publication, and exit non-zero when something
//! reaches the `--fail-on` level, so that it can gate a publishing pipeline.

use std::path::PathBuf;

use crate::cmd::{emit, emit_json, exit, Ctx, FormatArg};
use claimtrack::audit::{self, Audit, Finding, Source, Status};
use claimtrack::error::Result;
use claimtrack::extract::model::SpeakerKind;
use claimtrack::ingest::{self, Input, Options};
use claimtrack::matching::{ItemKind, Label};
use claimtrack::ops;
use claimtrack::report::{sanitize, truncate};
use claimtrack::store::{self, Outcome, Store};

/// Check a draft's quotes and figures against the stored coverage.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The draft: a text, Markdown or HTML file, or `-` for stdin.
    pub draft: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    /// Exit 1 when a finding is at or above this level
    /// (anonymous < unattributed < unverified < mismatch; none: never).
    #[arg(long, value_enum, default_value_t = FailOn::Mismatch)]
    pub fail_on: FailOn,
    /// Also store the draft as an article (as `ingest` would) after the audit.
    #[arg(long)]
    pub save: bool,
    /// Read the draft as this format instead of going by extension.
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// Refuse a draft larger than this many bytes.
    #[arg(long, default_value_t = ingest::DEFAULT_MAX_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub max_bytes: u64,
}

/// The `--fail-on` levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Never fail on findings.
    None,
    /// Fail on anything not ok.
    Anonymous,
    /// Fail on unattributed, unverified and mismatched items.
    Unattributed,
    /// Fail on unverified and mismatched items.
    Unverified,
    /// Fail on mismatched items only.
    Mismatch,
}

impl FailOn {
    /// The least severe status that fails, if any.
    pub fn status(self) -> Option<Status> {
        match self {
            FailOn::None => None,
            FailOn::Anonymous => Some(Status::Anonymous),
            FailOn::Unattributed => Some(Status::Unattributed),
            FailOn::Unverified => Some(Status::Unverified),
            FailOn::Mismatch => Some(Status::Mismatch),
        }
    }
}

pub fn run(args: &Args, ctx: &mut Ctx) -> Result<u8> {
    let input = if args.draft.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::File(args.draft.clone())
    };
    let opts = Options {
        format: args.format.map(Into::into),
        max_bytes: args.max_bytes,
        max_bytes_flag: true,
        keep_source: true,
        ..Options::default()
    };
    let draft = ingest::prepare(&input, &opts)?;
    for w in &draft.loaded.warnings {
        eprintln!("claimtrack: warning: {}", sanitize(w));
    }
    let mut store = if args.save {
        Store::open_writable(&ctx.db, || {
            eprintln!(
                "claimtrack: {}: another claimtrack is writing to this store; waiting for it to finish",
                sanitize(&ctx.db.display().to_string())
            )
        })?
    } else {
        Store::open_existing(&ctx.db)?
    };
    let report = ops::audit::run(
        &mut store,
        input.display(),
        &draft,
        args.save,
        args.fail_on.status(),
    )
    .map_err(|e| store::store_error(&ctx.db, e))?;
    if args.json {
        emit_json(ctx.out, &report)?;
    } else {
        emit(ctx.out, &human(&report.draft, &report.audit))?;
        if let Some(s) = &report.saved {
            let what = match s.outcome {
                Outcome::New => "new draft, article",
                Outcome::Updated => "new version of article",
                Outcome::Unchanged => "unchanged, article",
            };
            emit(ctx.out, &format!("saved: {what} {}\n", s.article))?;
        }
    }
    Ok(if report.failed {
        exit::PROBLEMS
    } else {
        exit::OK
    })
}

/// The report for people: findings grouped by status, worst first, then
/// the summary line.
fn human(name: &str, a: &Audit) -> String {
    let mut out = format!(
        "{}: {} checked against {}\n",
        sanitize(name),
        claimtrack::report::counted(a.summary.items, "item"),
        claimtrack::report::counted(a.compared, "stored article")
    );
    for id in &a.excluded {
        out.push_str(&format!(
            "left out article {id}: it is this draft as stored before (same URL or file)\n"
        ));
    }
    for status in Status::ALL.iter().rev() {
        let group: Vec<&Finding> = a.findings.iter().filter(|f| f.status == *status).collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!(
            "\n{} ({})\n",
            status.name().to_uppercase(),
            group.len()
        ));
        for f in group {
            finding(&mut out, f);
        }
    }
    let c = &a.summary;
    out.push_str(&format!(
        "\n{}: {} ok, {} mismatch, {} unverified, {} unattributed, {} anonymous\n",
        claimtrack::report::counted(c.items, "item"),
        c.ok,
        c.mismatch,
        c.unverified,
        c.unattributed,
        c.anonymous
    ));
    out
}

fn finding(out: &mut String, f: &Finding) {
    let line = f.line;
    let what = match f.item {
        ItemKind::Quote => "quote",
        ItemKind::Figure => "figure",
        ItemKind::Narration => "prose",
    };
    let mut head = format!(
        "  line {line:<4} {what:<6} \"{}\"",
        sanitize(&truncate(&f.text, 90))
    );
    if let Some(s) = &f.speaker {
        head.push_str(&format!(" — {}", sanitize(s)));
        if f.speaker_kind == Some(SpeakerKind::Anonymous) {
            head.push_str(" (anonymous)");
        }
    } else if f.item == ItemKind::Quote {
        head.push_str(" — no speaker");
    }
    out.push_str(&head);
    out.push('\n');
    let pad = "              ";
    if let Some(k) = f.kind {
        let others: Vec<&str> = f
            .reasons
            .iter()
            .map(|&r| audit::MismatchKind::from(r).name())
            .filter(|n| *n != k.name())
            .collect();
        if others.is_empty() {
            out.push_str(&format!("{pad}mismatch: {}\n", k.name()));
        } else {
            out.push_str(&format!(
                "{pad}mismatch: {} (also {})\n",
                k.name(),
                others.join(", ")
            ));
        }
    }
    if f.kind == Some(audit::MismatchKind::Title) {
        if let Some(s) = f.sources.iter().find(|s| {
            s.reasons
                .contains(&claimtrack::matching::Reason::SpeakerTitle)
        }) {
            out.push_str(&sanitize(&format!(
                "{pad}title: \"{}\" here, \"{}\" in article {}\n",
                f.speaker_title.as_deref().unwrap_or("-"),
                s.speaker_title.as_deref().unwrap_or("-"),
                s.article
            )));
        }
    }
    if let Some(d) = &f.diff {
        out.push_str(&format!(
            "{pad}words: {}\n",
            sanitize(&truncate(&audit::diff_line(d, 4), 160))
        ));
    }
    if f.sources.is_empty() {
        if f.status != Status::Ok {
            out.push_str(&format!("{pad}not found in stored coverage\n"));
        }
        return;
    }
    // Ok items show where they were found, and any source that tells it
    // otherwise (contested coverage); problems show the sources that say
    // otherwise first. A few at most.
    let shown: Vec<&Source> = if f.status == Status::Ok {
        f.sources
            .iter()
            .take(1)
            .chain(
                f.sources
                    .iter()
                    .skip(1)
                    .filter(|s| s.label == Label::Diverges)
                    .take(2),
            )
            .collect()
    } else {
        f.sources.iter().take(3).collect()
    };
    for s in &shown {
        out.push_str(&format!(
            "{pad}{}
",
            source_line(f, s)
        ));
    }
    let more = f.sources.len() - shown.len();
    if more > 0 {
        out.push_str(&format!(
            "{pad}… and {} more\n",
            claimtrack::report::counted(more, "source")
        ));
    }
}

fn source_line(f: &Finding, s: &Source) -> String {
    let verb = match (s.label, f.status) {
        (Label::Restates, _) if s.item == ItemKind::Quote && s.speaker.is_none() => {
            "found with no speaker in"
        }
        (Label::Restates, _) => "found in",
        (Label::Diverges, Status::Mismatch) => "otherwise in",
        (Label::Diverges, _) => "differs in",
    };
    let mut where_ = vec![
        s.outlet.clone().unwrap_or_else(|| "-".into()),
        format!("article {}", s.article),
    ];
    if let Some(t) = &s.title {
        where_.push(format!("\"{}\"", truncate(t, 50)));
    }
    if let Some(p) = &s.published {
        where_.push(p.clone());
    }
    let who = match (s.item, &s.speaker) {
        (ItemKind::Narration, _) => " (the narrator's words)".to_string(),
        (_, Some(sp)) => format!(" — {sp}"),
        _ => String::new(),
    };
    let reasons = if s.reasons.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = s
            .reasons
            .iter()
            .map(|&r| audit::MismatchKind::from(r).name())
            .collect();
        format!(" [{}]", names.join(", "))
    };
    sanitize(&format!(
        "{verb} {}: \"{}\"{who}{reasons}",
        where_.join(", "),
        truncate(&s.text, 80)
    ))
}
