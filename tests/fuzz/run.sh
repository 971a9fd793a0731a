#!/usr/bin/env bash
# Run every fuzz target for SECONDS each (default 20) from a scratch copy of
# the checked-in corpus, so the corpus in git is never changed by a run.
# Installs cargo-fuzz and uses the nightly toolchain (cargo-fuzz needs it).
# Exit status: 0 when no target failed; 1 when one did (the input that broke
# it is copied to tests/fuzz/artifacts/TARGET/ and named in the output).
#
#   bash tests/fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-20}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(extract html html_shapes figures)

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
    rustup toolchain install nightly --profile minimal
fi
if ! cargo fuzz --version >/dev/null 2>&1; then
    cargo install cargo-fuzz --locked
fi

# Safe Rust does not need AddressSanitizer; without it the targets run
# about three times faster. Debug assertions stay on (-O keeps them).
fuzz=(cargo +nightly fuzz run --fuzz-dir tests/fuzz -O -s none)
cargo +nightly fuzz build --fuzz-dir tests/fuzz -O -s none

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
failed=0
for t in "${targets[@]}"; do
    mkdir -p "$scratch/$t"
    dirs=("$scratch/$t" "tests/fuzz/corpus/$t")
    [ -d "tests/fuzz/regressions/$t" ] && dirs+=("tests/fuzz/regressions/$t")
    len=()
    [ "$t" = figures ] || len=(-max_len=8192)
    if "${fuzz[@]}" "$t" "${dirs[@]}" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        "${len[@]}" >"$scratch/$t.log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$scratch/$t.log")
        echo "fuzz $t: ${runs:-?} runs in ${seconds} s, no failures"
    else
        failed=1
        echo "fuzz $t: FAILED"
        grep -a -E "panicked|ERROR|Test unit written|^thread" "$scratch/$t.log" | head -20
    fi
done
exit $failed
