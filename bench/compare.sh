#!/usr/bin/env bash
# Side-by-side throughput of scriptlint and ripgrep on one generated corpus, in one run.
#   bash bench/compare.sh [--files N] [--megabytes M] [--runs R]
# Prints a Markdown table (the one in BENCHMARKS.md) and the recall of scriptlint against the
# corpus manifest. Needs ripgrep, hyperfine and GNU time: installs them with apt-get if missing.
set -euo pipefail
cd "$(dirname "$0")/.."
files=20000 megabytes=98 runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --files) files=$2; shift 2 ;;
    --megabytes) megabytes=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    *) echo "usage: $0 [--files N] [--megabytes M] [--runs R]" >&2; exit 2 ;;
  esac
done
need=()
command -v rg >/dev/null || need+=(ripgrep)
command -v hyperfine >/dev/null || need+=(hyperfine)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  apt-get update -qq && apt-get install -y -qq "${need[@]}" >/dev/null
fi

cargo build --release --quiet --bin scriptlint --example gen-corpus
bin=$(pwd)/target/release/scriptlint
out=$(pwd)/target/bench-corpus
rm -rf "$out"
./target/release/examples/gen-corpus "$out" --files "$files" --megabytes "$megabytes"
corpus=$out/corpus
bytes=$(find "$corpus" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
count=$(find "$corpus" -type f | wc -l)

six="$bin check --no-config --no-builtin --rules bench/six-phrases.toml --format json $corpus"
builtin="$bin check --no-config --format json $corpus"
robust="rg -U -i -c -f bench/six-robust.txt $corpus"
bounded="rg -U -i -c -f bench/six-robust-bounded.txt $corpus"
literal="rg -i -c -F -f bench/six-literal.txt $corpus"
small="$bin check --no-config examples/calls/refund-good.txt"

hyperfine --style none --warmup 1 --runs "$runs" -i --export-json "$out/times.json" \
  -n rg-robust "$robust" -n rg-robust-bounded "$bounded" -n rg-literal "$literal" \
  -n scriptlint-six "$six" -n scriptlint-builtin "$builtin" \
  -n scriptlint-one-small-file "$small" >/dev/null

rss() { /usr/bin/time -f %M sh -c "$1 >/dev/null 2>&1; true" 2>&1 | tail -n 1; }
declare -A peak
peak[rg-robust]=$(rss "$robust")
peak[rg-robust-bounded]=$(rss "$bounded")
peak[rg-literal]=$(rss "$literal")
peak[scriptlint-six]=$(rss "$six")
peak[scriptlint-builtin]=$(rss "$builtin")
peak[scriptlint-one-small-file]=$(rss "$small")

$six > "$out/six.json" || true
recall=$(python3 bench/recall.py "$out/manifest.json" "$out/six.json" "$corpus" | head -n 1)

python3 - "$out/times.json" "$bytes" "$count" \
  "${peak[rg-robust]}" "${peak[rg-robust-bounded]}" "${peak[rg-literal]}" "${peak[scriptlint-six]}" \
  "${peak[scriptlint-builtin]}" "${peak[scriptlint-one-small-file]}" <<'PY'
import json, sys
times, size, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rss = dict(zip(["rg-robust", "rg-robust-bounded", "rg-literal", "scriptlint-six", "scriptlint-builtin",
                "scriptlint-one-small-file"], sys.argv[4:]))
results = {r["command"]: r for r in json.load(open(times))["results"]}
print(f"corpus: {count} files, {size / 1e6:.1f} MB; best of each command's runs\n")
print("| command | wall time (best) | mean | MB/s | files/s | peak RSS |")
print("| --- | ---: | ---: | ---: | ---: | ---: |")
for name, r in results.items():
    best = min(r["times"])
    small = name.endswith("small-file")
    mbs = "" if small else f"{size / 1e6 / best:.0f}"
    fps = "" if small else f"{count / best:,.0f}"
    print(f"| {name} | {best * 1000:.0f} ms | {r['mean'] * 1000:.0f} ms | {mbs} | {fps} | {int(rss[name]) / 1024:.1f} MB |")
ratio = min(results["rg-robust"]["times"]) / min(results["scriptlint-six"]["times"])
print(f"\nratio rg-robust / scriptlint-six wall time: {ratio:.2f} (>= 1.0: scriptlint is no slower)")
bounded = min(results["rg-robust-bounded"]["times"]) / min(results["scriptlint-six"]["times"])
print(f"ratio rg-robust-bounded / scriptlint-six wall time: {bounded:.2f}")
PY
echo "recall (scriptlint-six vs manifest): $recall"
