#!/usr/bin/env bash
# Every measurement of the suite, in one go on one machine, so that the reports in benchmarks/results/ come from the
# same machine and the same code:
#   1. every BenchmarkDotNet class (--filter '*' --job short --iterationCount 15), whose *-report-github.md files are
#      copied into benchmarks/results/;
#   2. cli-batch-timed-run.sh and diff-timed-run.sh, whose output goes to benchmarks/results/*-timed-run.txt (with the
#      machine and date on top) for the hand-written .md next to them;
#   3. peers-timed-run.sh, which writes benchmarks/results/peers-timed-run.md itself.
# It prints where each report went. Expect about half an hour on an idle 2-core machine.
#   bash benchmarks/run-all.sh            the real run, into benchmarks/results/
#   bash benchmarks/run-all.sh --smoke    a quick check of this script (dry job, small counts), into a temporary folder
set -euo pipefail
cd "$(dirname "$0")/.."

smoke=0
quick=0
[ "${1:-}" = "--smoke" ] && smoke=1
# --quick: BenchmarkDotNet's short job with its default 3 iterations instead of 15 (about half the time), same sizes.
[ "${1:-}" = "--quick" ] && quick=1
work=$(mktemp -d "${TMPDIR:-/tmp}/run-all.XXXXXX")
trap 'rm -rf "$work"' EXIT
if [ "$smoke" -eq 1 ]; then
  results=$(mktemp -d "${TMPDIR:-/tmp}/run-all-smoke-results.XXXXXX")
  bdn_job=(--job dry)
  counts=(2000)
  peers=(300 1)
else
  results=benchmarks/results
  bdn_job=(--job short --iterationCount 15)
  [ "$quick" -eq 1 ] && bdn_job=(--job short)
  counts=(100000 1000000)
  peers=(2000 10)
fi

machine() {
  echo "$(grep -m1 '^model name' /proc/cpuinfo | sed 's/^model name[[:space:]]*:[[:space:]]*//'), $(grep -c '^processor' /proc/cpuinfo) logical cores;" \
    "$(. /etc/os-release && echo "$PRETTY_NAME"); .NET SDK $(dotnet --version); $(date -u '+%Y-%m-%d %H:%M UTC'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

written=()
started=$SECONDS

echo "== 1. BenchmarkDotNet: every class (${bdn_job[*]})"
# BenchmarkDotNet builds its own project per job; its default two-minute build timeout is too short on a busy machine.
dotnet run -c Release --project benchmarks/OfferRules.Benchmarks -- --filter '*' "${bdn_job[@]}" --buildTimeout 900 --artifacts "$work/bdn" \
  2>&1 | tee "$work/bdn.log"
# BenchmarkDotNet exits 0 even when a build failed or a benchmark threw, and still writes (empty) reports.
if grep -qE 'Build Error|failed to build|Benchmarks with issues|ExitCode != 0' "$work/bdn.log"; then
  echo "BenchmarkDotNet reported a failed build or benchmark (above): no report copied." >&2
  exit 1
fi
for report in "$work"/bdn/results/*-report-github.md; do
  cp "$report" "$results/"
  written+=("$results/$(basename "$report")")
done

for script in cli-batch-timed-run diff-timed-run; do
  echo "== 2. $script.sh ${counts[*]}"
  {
    echo "# bash benchmarks/$script.sh ${counts[*]}"
    echo "# $(machine)"
    bash "benchmarks/$script.sh" "${counts[@]}"
  } 2>&1 | tee "$results/$script.txt"
  written+=("$results/$script.txt")
done

echo "== 3. peers-timed-run.sh ${peers[*]}"
PEERS_TIMED_RUN_REPORT="$results/peers-timed-run.md" bash benchmarks/peers-timed-run.sh "${peers[@]}"
written+=("$results/peers-timed-run.md")

echo
echo "Done in $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s. Reports:"
printf '  %s\n' "${written[@]}"
[ "$smoke" -eq 0 ] || echo "(--smoke: a temporary folder; nothing in benchmarks/results/ was changed)"
