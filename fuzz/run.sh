#!/usr/bin/env bash
# Fuzzes one target with AFL++ for a number of minutes: builds Release, instruments OfferRules.dll with SharpFuzz,
# gathers the seeds and runs afl-fuzz. Usage: fuzz/run.sh case|ruleset MINUTES
# Needs afl-fuzz (Debian package afl++) and the sharpfuzz tool (on PATH, or set SHARPFUZZ, or in /tmp/sharpfuzz-tool).
# Results go to artifacts/fuzz/TARGET/ (override with FUZZ_OUT): out/default/{queue,crashes,hangs,fuzzer_stats}.
set -euo pipefail

target=${1:-}
minutes=${2:-}
if [[ ! "$target" =~ ^(case|ruleset)$ || ! "$minutes" =~ ^[0-9]+$ || "$minutes" -eq 0 ]]; then
  echo "Usage: $0 case|ruleset MINUTES" >&2
  exit 2
fi

root=$(cd "$(dirname "$0")/.." && pwd)
work=${FUZZ_OUT:-$root/artifacts/fuzz/$target}
bin=$work/bin
seeds=$work/seeds
out=$work/out

sharpfuzz=${SHARPFUZZ:-$(command -v sharpfuzz || echo /tmp/sharpfuzz-tool/sharpfuzz)}
for tool in afl-fuzz "$sharpfuzz"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "$tool is not installed; see fuzz/README.md." >&2; exit 1; }
done

echo "== build (Release) into $bin"
rm -rf "$bin"
dotnet publish "$root/fuzz/OfferRules.Fuzz/OfferRules.Fuzz.csproj" -c Release -o "$bin" -p:UseAppHost=false --nologo -v quiet

echo "== instrument OfferRules.dll"
"$sharpfuzz" "$bin/OfferRules.dll"

echo "== seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
testdata=$root/tests/OfferRules.Tests/TestData
if [ "$target" = case ]; then
  sources=("$root"/samples/cases/S*.json "$testdata"/bad-cases/* "$testdata"/good-cases/* "$testdata"/fuzz/case/*)
else
  sources=("$root"/fuzz/seeds/ruleset/* "$testdata"/fuzz/ruleset/*)
fi
n=0
for f in "${sources[@]}"; do
  # afl-fuzz refuses seeds over 1 MB; the committed files are all small.
  if [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt 1048576 ]; then
    cp "$f" "$seeds/$(printf '%04d' "$n")-$(basename "$f")"
    n=$((n + 1))
  fi
done
echo "$n seed files"

echo "== afl-fuzz for $minutes minutes"
rm -rf "$out"
export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
afl-fuzz -i "$seeds" -o "$out" -t 10000 -m none -V $((minutes * 60)) -x "$root/fuzz/dictionaries/$target.dict" \
  -- dotnet "$bin/OfferRules.Fuzz.dll" "$target"

stats=$out/default/fuzzer_stats
if [ -f "$stats" ]; then
  grep -E '^(run_time|execs_done|execs_per_sec|corpus_count|saved_crashes|saved_hangs|stability|bitmap_cvg) ' "$stats"
fi
crashes=$(find "$out/default/crashes" -type f -name 'id:*' 2>/dev/null | wc -l)
hangs=$(find "$out/default/hangs" -type f -name 'id:*' 2>/dev/null | wc -l)
echo "$crashes crashes, $hangs hangs (in $out/default/crashes and .../hangs)"
