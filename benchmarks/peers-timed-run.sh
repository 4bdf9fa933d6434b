#!/usr/bin/env bash
# A timed run of the out-of-process peers (benchmarks/peers-js: json-rules-engine and GoRules zen-engine in Node.js)
# next to OfferRules' Decide and full Evaluate in a plain .NET timed loop, on the same generated cases, written to
# benchmarks/results/peers-timed-run.md. Correctness first: each engine must give OfferRules' decision (status,
# outlook, confidence) on every equivalence case (10,000 generated cases, valid and invalid, plus every boundary case)
# and on every timed case, or the script fails and writes no timings.
#   bash benchmarks/peers-timed-run.sh [COUNT] [SECONDS]   (default: 2000 cases, at least 10 s per implementation)
# PEERS_TIMED_RUN_REPORT=FILE writes the report elsewhere (run-all.sh --smoke does).
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-2000}
seconds=${2:-10}
report=${PEERS_TIMED_RUN_REPORT:-benchmarks/results/peers-timed-run.md}
work=$(mktemp -d "${TMPDIR:-/tmp}/peers-timed-run.XXXXXX")
trap 'rm -rf "$work"' EXIT
engines=(json-rules-engine zen-engine)
harness=benchmarks/peers-js

if [ ! -d "$harness/node_modules" ]; then
  (cd "$harness" && npm install --no-audit --no-fund) >"$work/npm.log" 2>&1 || { cat "$work/npm.log" >&2; echo "npm install in $harness failed." >&2; exit 1; }
fi

dotnet build -c Release benchmarks/OfferRules.Benchmarks -v quiet -nologo >/dev/null
bench=benchmarks/OfferRules.Benchmarks/bin/Release/net10.0/OfferRules.Benchmarks.dll
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

echo "== correctness: every engine against OfferRules on the equivalence cases"
dotnet "$bench" export-cases 10000 "$work/equivalence.jsonl" --equivalence
equivalence_cases=$(wc -l <"$work/equivalence.jsonl")
for engine in "${engines[@]}"; do
  node "$harness/run.js" decide "$engine" "$work/equivalence.jsonl" "$work/$engine.equivalence.jsonl" --seconds 0 >/dev/null
  printf '%-18s ' "$engine"
  node "$harness/run.js" compare "$work/equivalence.jsonl" "$work/$engine.equivalence.jsonl" \
    || { echo "$engine does not decide like OfferRules: no timings written." >&2; exit 1; }
done

echo "== timed: $count evaluated cases, at least $seconds s each"
dotnet "$bench" export-cases "$count" "$work/timed.jsonl"
for engine in "${engines[@]}"; do
  node "$harness/run.js" decide "$engine" "$work/timed.jsonl" "$work/$engine.timed.jsonl" --seconds "$seconds" >"$work/$engine.summary"
  cat "$work/$engine.summary"
  node "$harness/run.js" compare "$work/timed.jsonl" "$work/$engine.timed.jsonl" >/dev/null \
    || { echo "$engine does not decide like OfferRules on the timed cases: no timings written." >&2; exit 1; }
done
dotnet "$bench" timed-loop "$count" "$seconds" | tee "$work/offerrules.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

field() { node -p "JSON.parse(require('fs').readFileSync('$1', 'utf8')).$2"; }
us() { awk -v n="$1" '$1 == n { print $2 }' "$work/offerrules.txt"; }
best() { awk -v n="$1" '$1 == n { print $3 }' "$work/offerrules.txt"; }
passes() { awk -v n="$1" '$1 == n { print $4 }' "$work/offerrules.txt"; }
cpu_us() { awk -v n="$1" '$1 == n { print $5 }' "$work/offerrules.txt"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { r = a / b; printf (r >= 100 ? "%.0f×" : r >= 10 ? "%.1f×" : "%.2f×"), r }'; }
decide_us=$(us decide)
evaluate_us=$(us evaluate)
decide_cpu=$(cpu_us decide)
evaluate_cpu=$(cpu_us evaluate)
cpu=$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//')
logical=$(grep -c '^processor' /proc/cpuinfo)
physical=$(grep '^core id' /proc/cpuinfo | sort -u | wc -l)

{
  echo "# Timed run of the out-of-process peers (json-rules-engine, zen-engine)"
  echo
  echo "\`bash benchmarks/peers-timed-run.sh $count $seconds\`, $(date -u '+%Y-%m-%d %H:%M UTC'). Written by the script; do not edit by hand."
  echo
  echo "- Machine: $cpu, $logical logical cores ($physical physical), $(nproc) available to this run;"
  echo "  load average $load_before before and $load_after after the run."
  echo "- $(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r); .NET SDK $(dotnet --version); Node.js $(node --version)."
  echo "- json-rules-engine $(field "$work/json-rules-engine.summary" version), @gorules/zen-engine $(field "$work/zen-engine.summary" version) (pinned in \`benchmarks/peers-js/package.json\`)."
  echo
  echo "**Correctness first.** Before timing, each engine decided the $equivalence_cases equivalence cases (10,000 generated"
  echo "cases, valid and invalid, and every boundary case, exported by \`OfferRules.Benchmarks export-cases 10000 FILE"
  echo "--equivalence\`) and gave OfferRules' status, outlook and confidence on every one; it did so again on the $count timed"
  echo "cases. A single difference stops the script before anything is written."
  echo
  echo "| Implementation | How it was timed | µs per case (mean) | Best pass | Passes | Time ÷ OfferRules \`Decide\` | Time ÷ OfferRules \`Evaluate\` | Processor µs per case | Processor time ÷ \`Decide\` | Processor time ÷ \`Evaluate\` |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  echo "| OfferRules \`Decide\` (decision only) | .NET timed loop in process | $decide_us | $(best decide) | $(passes decide) | 1 | – | $decide_cpu | 1 | – |"
  echo "| OfferRules \`Evaluate\` (en, every part read) | .NET timed loop in process | $evaluate_us | $(best evaluate) | $(passes evaluate) | $(ratio "$evaluate_us" "$decide_us") | 1 | $evaluate_cpu | $(ratio "$evaluate_cpu" "$decide_cpu") | 1 |"
  for engine in "${engines[@]}"; do
    mean=$(field "$work/$engine.summary" meanUsPerCase)
    cpu=$(field "$work/$engine.summary" cpuUsPerCase)
    echo "| $engine | Node.js, \`process.hrtime\` | $mean | $(field "$work/$engine.summary" bestPassUsPerCase) | $(field "$work/$engine.summary" passes) | $(ratio "$mean" "$decide_us") | $(ratio "$mean" "$evaluate_us") | $cpu | $(ratio "$cpu" "$decide_cpu") | $(ratio "$cpu" "$evaluate_cpu") |"
  done
  echo
  echo "How it was measured and how to read it:"
  echo
  echo "- **The same cases.** All four rows use the benchmarks' first $count evaluated cases (\`BenchmarkData.EvaluatedCases\`, the"
  echo "  set whose first 512 \`DecisionBenchmarks\` uses). The Node.js harness reads them from JSON Lines and parses them"
  echo "  before the loop; the .NET loop uses the same cases as objects. Neither side times parsing."
  echo "- **Timing.** Each implementation runs one pass over every case first (the warm-up, and for the engines the pass"
  echo "  whose decisions are checked), then passes until $seconds s have gone; the mean is the total time over the cases"
  echo "  decided, the best pass the fastest single pass, and the processor time is the user and system time of the whole"
  echo "  process (every thread: garbage collection, JIT, zen-engine's worker) over the same passes, per case. The engines"
  echo "  decide one case at a time and await each, as a caller would. The OfferRules rows are a plain \`Stopwatch\` loop"
  echo "  in the benchmark program (\`timed-loop\`), **not**"
  echo "  BenchmarkDotNet: the BenchmarkDotNet figures for OfferRules, RulesEngine and NRules are in"
  echo "  [\`OfferRules.Benchmarks.DecisionBenchmarks-report-github.md\`](OfferRules.Benchmarks.DecisionBenchmarks-report-github.md)."
  echo "- **OfferRules' full evaluation does more work than the peers.** \`Evaluate\` renders findings, conditions, missing"
  echo "  facts and \"what would help\" (re-deciding the case for the values of unknown facts), dates an action plan with a"
  echo "  call slot, and fills the drafts, caveats and fallbacks; the peers only decide and list the rules that held. The"
  echo "  like-for-like comparison is the \`Decide\` column; the \`Evaluate\` column sets their bare decision against our"
  echo "  full result, so a ratio there understates the gap in equal work."
  echo "- **Out of process, other runtime.** The engines run in Node.js, OfferRules in .NET; the ratios compare the"
  echo "  engines as a caller of each would use them, not the languages."
  echo "- **A shared machine.** Other work may have run at the same time (see the load average): read ratios, prefer the"
  echo "  best pass when the load was high, and re-run on a quiet machine before quoting absolute times."
} >"$report"
echo "Wrote $report"
