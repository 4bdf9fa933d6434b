#!/usr/bin/env bash
# Writes the holiday oracle: every Japanese public holiday from 2000 to 2099 according to two independent npm
# packages, into tests/OfferRules.Tests/TestData/holiday-oracle.tsv. JapaneseHolidayCalendarOracleTests compares the
# built-in calendar with that file on every day of those years; the test runs offline, from the committed file.
#   eng/holiday-oracle.sh          regenerate the file (needs npm and the npm registry)
# The packages are pinned and installed into a temporary folder with no lockfile; nothing is left in the repository.
#   @holiday-jp/holiday_jp  a table of holidays from 1970; its table ends in 2050
#   japanese-holidays       computes the holidays by the rules of the National Holidays Act, for any year
set -euo pipefail
cd "$(dirname "$0")/.."

holiday_jp_version=2.5.1
japanese_holidays_version=1.0.10
out=tests/OfferRules.Tests/TestData/holiday-oracle.tsv

work=$(mktemp -d "${TMPDIR:-/tmp}/offerrules-holiday-oracle-XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-save --no-package-lock --no-audit --no-fund --silent \
  "@holiday-jp/holiday_jp@$holiday_jp_version" "japanese-holidays@$japanese_holidays_version" >/dev/null)

cat >"$work/oracle.js" <<'JS'
const [holidayJpVersion, japaneseHolidaysVersion] = process.argv.slice(2);
const table = require('@holiday-jp/holiday_jp/lib/holidays'); // { "YYYY-MM-DD": { name, ... } }
const rules = require('japanese-holidays');
const first = 2000, last = 2099;
const years = Object.keys(table).map(d => Number(d.slice(0, 4)));
const tableLast = Math.min(last, Math.max(...years));
const pad = n => String(n).padStart(2, '0');
const byRules = new Map();
for (let y = first; y <= last; y++) {
  for (const h of rules.getHolidaysOf(y, true)) byRules.set(`${y}-${pad(h.month)}-${pad(h.date)}`, h.name);
}
const dates = new Set([...byRules.keys(), ...Object.keys(table).filter(d => Number(d.slice(0, 4)) >= first && Number(d.slice(0, 4)) <= last)]);
const lines = [
  `# Japanese public holidays ${first}-${last} from two independent npm packages. Written by eng/holiday-oracle.sh; do not edit.`,
  `# columns: date, the name in @holiday-jp/holiday_jp, the name in japanese-holidays ('-' when that source has no holiday on the date)`,
  `# source\t@holiday-jp/holiday_jp\t${holidayJpVersion}\t${first}\t${tableLast}`,
  `# source\tjapanese-holidays\t${japaneseHolidaysVersion}\t${first}\t${last}`,
];
for (const d of [...dates].sort()) {
  const year = Number(d.slice(0, 4));
  const a = year <= tableLast ? (table[d] ? table[d].name : '-') : '-';
  lines.push(`${d}\t${a}\t${byRules.get(d) ?? '-'}`);
}
process.stdout.write(lines.join('\n') + '\n');
JS

(cd "$work" && node oracle.js "$holiday_jp_version" "$japanese_holidays_version") >"$out"
echo "Wrote $out: $(grep -vc '^#' "$out") dates."
