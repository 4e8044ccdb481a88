#!/usr/bin/env bash
# Renders the HTML report of the example scripts in headless Chromium and checks the page a
# trainer would see: every script is there, findings are highlighted in place with their
# explanations, the scorecards show, nothing is loaded from the network, and text from the
# files is escaped (no script runs). Writes a screenshot when given a path.
#   bash tests/browser/check-report.sh [SCREENSHOT.png]
set -euo pipefail
cd "$(dirname "$0")/../.."
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "check-report: chromium is not installed (apt-get install chromium)" >&2
  exit 1
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/scripts"
cp -r examples/calls examples/emails "$work/scripts/"
# A script whose text would run if the report did not escape it.
printf 'Agent: <script>document.title="escaped-not"</script> Hold on.\n' > "$work/scripts/inject.txt"
cargo build --quiet --release
bin=$(pwd)/target/release/scriptlint
(cd "$work" && "$bin" check --no-config --format html scripts > report.html) || test $? -eq 1
if grep -Eq '(src|href)="(https?:)?//' "$work/report.html"; then
  echo "check-report: the page loads something from the network" >&2
  exit 1
fi
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
       --disable-background-networking --disable-component-update --disable-sync
       --user-data-dir="$work/profile")
"$browser" "${flags[@]}" --dump-dom "file://$work/report.html" > "$work/dom.html" 2>/dev/null
python3 - "$work/dom.html" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
def need(cond, what):
    if not cond:
        sys.exit(f"check-report: {what}")
need("<title>scriptlint report</title>" in dom, "the page did not render (or a script changed its title)")
sections = re.findall(r'<section class="file" id="file-\d+">', dom)
need(len(sections) >= 10, f"expected every script, found {len(sections)} sections")
need(len(re.findall(r'<mark class="error"', dom)) >= 10, "error findings are not highlighted in place")
need('title="policy-excuse: ' in dom, "highlights carry no explanation")
need(dom.count('class="scorecard"') == len(sections), "a script has no courtesy scorecard")
need("&lt;script&gt;" in dom, "text from the files was not escaped")
print(f"check-report: {len(sections)} scripts rendered with findings in place")
PY
if [ $# -ge 1 ]; then
  "$browser" "${flags[@]}" --window-size=1100,3400 --screenshot="$1" "file://$work/report.html" 2>/dev/null
  echo "check-report: screenshot in $1"
fi
