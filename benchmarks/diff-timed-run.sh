#!/usr/bin/env bash
# A timed run of the library's impact analysis (RuleSetAnalysis.Diff) on generated JSON Lines, in its own process:
# the default policy against a copy with the one-week line moved to five days. Prints the analysis summary and, from
# /usr/bin/time -v, the wall time and the peak memory (maximum resident set size) of each run: it stays flat as the
# input grows, since the analysis streams.
#   bash benchmarks/diff-timed-run.sh [COUNT...]      (default: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-100000}")
[ $# -gt 0 ] || counts=(100000 1000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release benchmarks/OfferRules.Benchmarks -v quiet -nologo >/dev/null
bench=benchmarks/OfferRules.Benchmarks/bin/Release/net10.0/OfferRules.Benchmarks.dll

for count in "${counts[@]}"; do
  dotnet "$bench" generate-jsonl "$count" "$work/cases.jsonl" >/dev/null
  size=$(stat -c %s "$work/cases.jsonl")
  printf '== %s cases (%.1f MB of JSON Lines)\n' "$count" "$(awk -v b="$size" 'BEGIN { print b / 1e6 }')"
  /usr/bin/time -v -o "$work/time" dotnet "$bench" diff - five-days "$work/cases.jsonl"
  grep -E 'Elapsed \(wall clock\)|Maximum resident set size' "$work/time" | sed 's/^\t*/   /'
done
