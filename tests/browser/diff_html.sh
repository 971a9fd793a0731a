#!/usr/bin/env bash
# Browser test for `claimtrack diff --html`: the page opens in headless
# Chromium, shows the changes, and article text containing <script> runs
# nothing. Installs Debian's chromium if it is missing. Run from the repo root
# after `cargo build`.
set -euo pipefail

bin=${CLAIMTRACK_BIN:-target/debug/claimtrack}
if ! command -v chromium >/dev/null 2>&1; then
    echo "installing chromium (Debian package)"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
        || { echo "could not install chromium" >&2; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/old.txt" <<'TXT'
The Lurk group was believed to have stolen nearly three billion rubles ($45 million) from banks.
Officials said the inquiry would continue.
TXT
cat > "$work/new.txt" <<'TXT'
The Lurk group was believed to have stolen more than three billion rubles ($45 million) from banks.
Officials said the inquiry would continue. <script>document.body.innerHTML = "PWNED-BY-SCRIPT"; document.title = "PWNED";</script>
<img src=x onerror="document.body.innerHTML='PWNED-BY-ONERROR'">
TXT

"$bin" diff "$work/old.txt" "$work/new.txt" --html "$work/diff.html" >/dev/null

dom=$(timeout 60 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --dump-dom "file://$work/diff.html" 2>/dev/null)

fail() { echo "FAIL: $1" >&2; echo "$dom" | head -40 >&2; exit 1; }
# The page rendered with its structure and the changes marked.
grep -q '<h2>Claims' <<<"$dom" || fail "no claims section"
grep -q 'figure qualifier changed' <<<"$dom" || fail "qualifier change not shown"
grep -q '<del>nearly</del>\|<del>nearly ' <<<"$dom" || fail "deletion not marked"
grep -q '<ins>more than' <<<"$dom" || fail "insertion not marked"
# The hostile text is shown as text, and nothing in it ran.
grep -q '&lt;script&gt;document.body.innerHTML' <<<"$dom" || fail "script text not shown escaped"
grep -q '<title>PWNED' <<<"$dom" && fail "script changed the title"
grep -q '<body>PWNED' <<<"$dom" && fail "script replaced the body"
if grep -q '<script' <<<"$dom"; then fail "a script element reached the DOM"; fi
if grep -q '<img' <<<"$dom"; then fail "an img element reached the DOM"; fi
echo "browser test: ok"
