#!/usr/bin/env bash
# Times rapidfuzz's all-pairs `process.cdist` against claimtrack's matcher
# over the quotes of one synthetic corpus, and prints both times and their
# ratio.
#
#   bash bench/compare_rapidfuzz.sh            # 3,000 articles, ~30,000 quotes
#   N=1000 SCORER=token_set_ratio bash bench/compare_rapidfuzz.sh   # slower scorer: fewer articles
#
# What each side computes:
# - rapidfuzz: process.cdist(quotes, quotes, scorer=fuzz.<SCORER>,
#   score_cutoff=CUTOFF, dtype=uint8, workers=-1): the score of every quote
#   against every quote, exhaustively (a dense N_quotes² matrix), on all
#   cores. It says how alike two strings are, nothing more.
# - claimtrack: matching::match_all over the same articles: blocking through
#   inverted indexes (only candidate pairs are compared), then each
#   candidate scored and labelled restates/diverges with reasons (wording,
#   speaker, title, ...), plus narration, claims and lineage. Timed on the
#   whole articles (quotes, figures, narration) and on the articles with
#   their figures removed. Best of three runs each, rayon on all cores.
#
# Environment: N (articles, default 3000), SCORER (ratio | token_set_ratio |
# any rapidfuzz.fuzz scorer, default ratio), CUTOFF (default 80), VENV
# (virtual environment, default target/rapidfuzz-venv), CARGO_TARGET_DIR.
set -euo pipefail

cd "$(dirname "$0")/.."
N="${N:-3000}"
SCORER="${SCORER:-ratio}"
CUTOFF="${CUTOFF:-80}"
TARGET="${CARGO_TARGET_DIR:-target}"
VENV="${VENV:-$TARGET/rapidfuzz-venv}"
QUOTES="$TARGET/bench-quotes-$N.jsonl"

if [ ! -x "$VENV/bin/python" ]; then
    echo "creating virtual environment $VENV" >&2
    python3 -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check rapidfuzz numpy

echo "building examples/export_quotes (release)" >&2
cargo build --quiet --release --example export_quotes
echo "generating $N articles, exporting quotes, timing claimtrack" >&2
RUST_OUT="$("$TARGET/release/examples/export_quotes" "$N" "$QUOTES")"
field() { printf '%s\n' "$RUST_OUT" | sed -n "s/^$1=//p"; }

echo "timing rapidfuzz cdist ($SCORER, cutoff $CUTOFF)" >&2
RF_OUT="$("$VENV/bin/python" - "$QUOTES" "$SCORER" "$CUTOFF" <<'PY'
import json, os, sys, time
import numpy as np
import rapidfuzz
from rapidfuzz import fuzz, process

path, scorer_name, cutoff = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(path, encoding="utf-8") as f:
    quotes = [json.loads(line) for line in f]
scorer = getattr(fuzz, scorer_name)
t = time.perf_counter()
m = process.cdist(quotes, quotes, scorer=scorer, score_cutoff=cutoff,
                  dtype=np.uint8, workers=-1)
secs = time.perf_counter() - t
# Pairs of different quotes scoring at or above the cutoff (upper triangle).
pairs = int(np.count_nonzero(np.triu(m, k=1) >= cutoff)) if cutoff > 0 else -1
print(f"rapidfuzz_version={rapidfuzz.__version__}")
print(f"cdist_s={secs:.3f}")
print(f"cdist_pairs={pairs}")
print(f"cdist_matrix_mb={m.nbytes / 1e6:.0f}")
print(f"cores={os.cpu_count()}")
PY
)"
rf() { printf '%s\n' "$RF_OUT" | sed -n "s/^$1=//p"; }

Q="$(field quotes)"
FULL="$(field match_all_s)"
QONLY="$(field quotes_only_s)"
CDIST="$(rf cdist_s)"
python3 - "$N" "$Q" "$SCORER" "$CUTOFF" "$CDIST" "$(rf cdist_pairs)" "$(rf cdist_matrix_mb)" \
    "$FULL" "$(field match_all_pairs)" "$QONLY" "$(field quote_quote_pairs)" \
    "$(rf rapidfuzz_version)" "$(rf cores)" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
(n, q, scorer, cutoff, cdist, cpairs, cmb, full, fpairs, qonly, qqpairs,
 version, cores, load) = sys.argv[1:]
n, q, cdist, full, qonly = int(n), int(q), float(cdist), float(full), float(qonly)
comparisons = q * (q - 1) // 2
print(f"compare: {n:,} synthetic articles, {q:,} quotes ({comparisons:,} quote pairs); "
      f"{cores} cores, load average {load} at the end")
rows = [
    ("rapidfuzz " + version + f" cdist fuzz.{scorer} (all pairs, cutoff {cutoff})",
     cdist, f"{int(cpairs):,} quote pairs >= {cutoff}, {cmb} MB matrix"),
    ("claimtrack match_all, quotes only (blocked)", qonly,
     f"{int(qqpairs):,} quote-quote pairs"),
    ("claimtrack match_all, quotes + figures (blocked)", full,
     f"{int(fpairs):,} pairs of all kinds"),
]
w = max(len(r[0]) for r in rows)
print(f"{'':{w}}  {'seconds':>8}  {'vs cdist':>8}  found")
for name, secs, found in rows:
    print(f"{name:{w}}  {secs:8.2f}  {cdist / secs:7.1f}x  {found}")
print(f"cdist / claimtrack (quotes only): {cdist / qonly:.1f}x; "
      f"cdist / claimtrack (whole articles): {cdist / full:.1f}x")
PY
