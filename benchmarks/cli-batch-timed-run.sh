#!/usr/bin/env bash
# A timed run of the real command-line tool on generated JSON Lines: the process, the file reading and the output
# writing included (to a pipe). Prints cases per second and the peak memory (maximum resident set size) of each run:
# it stays flat as the input grows, since the tool streams.
#   PEAK_RSS=proc bash benchmarks/cli-batch-timed-run.sh 100000   (peak memory from /proc, without /usr/bin/time)
#   bash benchmarks/cli-batch-timed-run.sh [COUNT...]      (default: 100000 1000000)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-100000}")
[ $# -gt 0 ] || counts=(100000 1000000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release src/OfferRules.Cli -v quiet -nologo >/dev/null
dotnet build -c Release benchmarks/OfferRules.Benchmarks -v quiet -nologo >/dev/null
cli=src/OfferRules.Cli/bin/Release/net10.0/OfferRules.Cli.dll

# Peak memory is the maximum resident set size of the tool's process: from /usr/bin/time when it is installed, else
# the kernel's high-water mark (VmHWM in /proc/PID/status), read every 20 ms while the process runs.
# PEAK_RSS=proc forces the second way.
measure() { # the tool's arguments; sets seconds, maxrss (KiB) and lines
  if [ "${PEAK_RSS:-}" != proc ] && [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%e %M' -o "$work/time" dotnet "$cli" "$@" | wc -l >"$work/lines" || true
    read -r seconds maxrss <"$work/time"
  else
    rm -f "$work/out"
    mkfifo "$work/out"
    wc -l <"$work/out" >"$work/lines" &
    local counter=$! started ended hwm
    started=$(date +%s.%N)
    dotnet "$cli" "$@" >"$work/out" &
    local pid=$!
    maxrss=0
    while hwm=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) && [ -n "$hwm" ]; do
      [ "$hwm" -gt "$maxrss" ] && maxrss=$hwm
      sleep 0.02
    done
    wait "$pid" || true
    ended=$(date +%s.%N)
    wait "$counter"
    seconds=$(awk -v a="$started" -v b="$ended" 'BEGIN { printf "%.2f", b - a }')
  fi
  lines=$(cat "$work/lines")
}

for count in "${counts[@]}"; do
  dotnet benchmarks/OfferRules.Benchmarks/bin/Release/net10.0/OfferRules.Benchmarks.dll generate-jsonl "$count" "$work/cases.jsonl" >/dev/null
  size=$(stat -c %s "$work/cases.jsonl")
  for mode in --outlook-only ""; do
    # The output goes through a pipe to a line count, so that the disk does not limit the json mode (about 10 KB a case).
    # shellcheck disable=SC2086
    measure evaluate --jsonl "$work/cases.jsonl" $mode
    rate=$(awk -v n="$lines" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
    printf '%-9s cases (%5.1f MB in) %-15s %6.2f s  %8s cases/s  peak memory %5.0f MB\n' \
      "$count" "$(awk -v b="$size" 'BEGIN { print b / 1e6 }')" "${mode:---format json}" "$seconds" "$rate" "$(awk -v k="$maxrss" 'BEGIN { print k / 1024 }')"
  done
done
