'use strict';
// The out-of-process peers of the benchmarks: the default policy's decision in json-rules-engine and in GoRules
// zen-engine, on cases exported by the benchmark program (export-cases), one JSON object per line.
//
//   node run.js decide ENGINE CASES.jsonl DECISIONS.jsonl [--seconds S]
//       Decides every case once and writes one decision line per case ({"status","outlook","confidence","fired"}),
//       then times further passes over all the cases for at least S seconds (default 5; 0 times nothing) with
//       process.hrtime (and the processor time with process.cpuUsage), and prints a summary line of JSON. The first
//       pass is the warm-up.
//   node run.js compare CASES.jsonl DECISIONS.jsonl
//       Checks each decision line against the "expected" decision (OfferRules') on the same line of CASES.jsonl;
//       exits 1 on any difference.
//
// ENGINE is json-rules-engine or zen-engine.

const fs = require('node:fs');
const path = require('node:path');

const OUTLOOKS = ['veryUnlikely', 'unlikely', 'possible', 'likely'];
const CONFIDENCES = ['low', 'medium', 'high'];
const DAY_MS = 86400000;
const JAPAN_MS = 9 * 3600000;

function readLines(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line));
}

function versionOf(pkg) {
  return JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;
}

// Day numbers (days since 1970-01-01) of a contract date ("2025-07-01") and of the evaluation moment in Japan:
// asOf is a date or a date and time with an offset; a case without it is evaluated now, as the library does.
function dayOf(date) {
  return date === undefined || date === null ? null : Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
}

function japanDayOf(asOf) {
  if (asOf !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(asOf)) {
    return dayOf(asOf);
  }

  const instant = asOf === undefined ? Date.now() : Date.parse(asOf);
  return Math.floor((instant + JAPAN_MS) / DAY_MS);
}

// json-rules-engine: one engine per case kind, loaded from json-rules-engine.rules.json. The named conditions (the
// derived facts, the conduct derivation, the five withdrawal conditions and three failure reasons) are shared
// conditions that rules reference by name; every rule's effect is its event. json-rules-engine has no arithmetic, so
// the day numbers and day counts are dynamic facts (functions of the case), as its documentation shows for computed
// facts. The caller folds the events of the rules that held into a decision, as with RulesEngine.
function loadJsonRulesEngine() {
  const { Engine } = require('json-rules-engine');
  const spec = JSON.parse(fs.readFileSync(path.join(__dirname, 'json-rules-engine.rules.json'), 'utf8'));
  const days = {
    declineWithdrawal: {
      declinedDay: (c) => dayOf(c.decline?.declinedOn),
      offeredDay: (c) => dayOf(c.offer?.offeredOn),
      startDay: (c) => dayOf(c.offer?.startsOn),
      daysSinceDecline: (c) => (c.decline?.declinedOn ? japanDayOf(c.asOf) - dayOf(c.decline.declinedOn) : null),
      daysUntilStart: (c) => (c.offer?.startsOn ? dayOf(c.offer.startsOn) - japanDayOf(c.asOf) : null),
    },
    missedEmployerContact: {
      interviewDay: (c) => dayOf(c.missedContact?.interviewedOn),
      firstMissedCallDay: (c) => dayOf(c.missedContact?.firstMissedCallOn),
      daysSinceMissedContact: (c) => {
        const since = c.missedContact?.firstMissedCallOn ?? c.missedContact?.interviewedOn;
        return since ? japanDayOf(c.asOf) - dayOf(since) : null;
      },
    },
  };
  const engines = {};
  for (const [kind, { conditions, rules }] of Object.entries(spec)) {
    const engine = new Engine([], { allowUndefinedFacts: false, pathResolver: propertyPath });
    engine.addOperator('known', (factValue) => factValue !== undefined && factValue !== null);
    for (const [name, condition] of Object.entries(conditions)) {
      engine.setCondition(name, condition);
    }

    for (const [name, compute] of Object.entries(days[kind])) {
      engine.addFact(name, async (params, almanac) => compute(await almanac.factValue('case')));
    }

    const order = new Map();
    rules.forEach((rule, i) => {
      order.set(rule.name, i);
      engine.addRule(rule);
    });
    engines[kind] = { engine, order };
  }

  return async (c) => {
    const { engine, order } = engines[c.kind ?? 'declineWithdrawal'];
    const { results } = await engine.run({ case: c });
    const held = results.map((r) => ({ rule: r.name, effect: r.event.type, value: r.event.params?.value, order: order.get(r.name) }));
    held.sort((a, b) => a.order - b.order);
    return fold(held);
  };
}

// The rules' paths are plain property paths ("$.decline.channel"): the engine's pathResolver option reads them
// directly instead of through JSONPath, which halved the time per case here.
function propertyPath(object, jsonPath) {
  let value = object;
  for (const key of jsonPath.slice(2).split('.')) {
    if (value === undefined || value === null) {
      return undefined;
    }

    value = value[key];
  }

  return value;
}

// The same folding as PolicyOutcome in the C# peers: an invalid rule makes the case invalid; the first terminal rule
// settles the outlook; otherwise base plus adjustments clamped to the scale, then the lowest cap, raised to the
// highest floor; the highest confidence that held.
function fold(held) {
  let invalid = false;
  let terminal = null;
  let score = 0;
  let cap = 3;
  let floor = 0;
  let confidence = 0;
  for (const { effect, value } of held) {
    switch (effect) {
      case 'invalid': invalid = true; break;
      case 'terminal': if (terminal === null) terminal = OUTLOOKS.indexOf(value); break;
      case 'floor': floor = Math.max(floor, OUTLOOKS.indexOf(value)); break;
      case 'base': score += OUTLOOKS.indexOf(value); break;
      case 'adjust': score += value; break;
      case 'cap': cap = Math.min(cap, OUTLOOKS.indexOf(value)); break;
      case 'confidence': confidence = Math.max(confidence, CONFIDENCES.indexOf(value)); break;
      default: break;
    }
  }

  const fired = held.map((h) => h.rule);
  if (invalid) {
    return { status: 'invalid', outlook: null, confidence: null, fired };
  }

  const outlook = terminal ?? Math.max(floor, Math.min(Math.min(Math.max(score, 0), 3), cap));
  return { status: 'evaluated', outlook: OUTLOOKS[outlook], confidence: CONFIDENCES[confidence], fired };
}

// zen-engine: one JSON Decision Model graph (zen-engine.decision.json): a switch on the case kind, an expression node
// per kind for the derived facts and named conditions, a decision table per kind (hit policy "collect", one row per
// rule, in rule order) and one expression node that folds the collected rows into the decision, inside the graph.
function loadZenEngine() {
  const { ZenEngine } = require('@gorules/zen-engine');
  const engine = new ZenEngine();
  const decision = engine.createDecision(fs.readFileSync(path.join(__dirname, 'zen-engine.decision.json')));
  return async (c) => {
    // The graph leaves out the outlook and confidence of an invalid case (zen-engine drops null outputs).
    const { status, outlook, confidence, fired } = (await decision.evaluate(c)).result;
    return { status, outlook: outlook ?? null, confidence: confidence ?? null, fired };
  };
}

const ENGINES = {
  'json-rules-engine': { pkg: 'json-rules-engine', load: loadJsonRulesEngine },
  'zen-engine': { pkg: '@gorules/zen-engine', load: loadZenEngine },
};

async function decide(engineName, casesFile, decisionsFile, seconds) {
  const peer = ENGINES[engineName];
  if (!peer) {
    throw new Error(`Unknown engine '${engineName}': use ${Object.keys(ENGINES).join(' or ')}.`);
  }

  const run = peer.load();
  const cases = readLines(casesFile).map((line) => line.case ?? line);
  const out = [];
  for (const c of cases) {
    const { status, outlook, confidence, fired } = await run(c);
    out.push(JSON.stringify({ status, outlook, confidence, fired }));
  }

  fs.writeFileSync(decisionsFile, out.length > 0 ? `${out.join('\n')}\n` : '');

  // Timed passes over every case, one case at a time, each awaited, as a caller would.
  let passes = 0;
  let best = Infinity;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const budget = BigInt(Math.round(seconds * 1e9));
  while (cases.length > 0 && seconds > 0 && (passes === 0 || process.hrtime.bigint() - start < budget)) {
    const passStart = process.hrtime.bigint();
    for (const c of cases) {
      await run(c);
    }

    best = Math.min(best, Number(process.hrtime.bigint() - passStart) / 1e3 / cases.length);
    passes++;
  }

  const elapsedUs = Number(process.hrtime.bigint() - start) / 1e3;
  const cpu = process.cpuUsage(cpuStart);
  console.log(JSON.stringify({
    engine: engineName,
    version: versionOf(peer.pkg),
    node: process.version,
    cases: cases.length,
    passes,
    meanUsPerCase: passes > 0 ? +(elapsedUs / (passes * cases.length)).toFixed(2) : null,
    bestPassUsPerCase: passes > 0 ? +best.toFixed(2) : null,
    // Processor time (user and system, every thread of the process) over the same passes: less moved by other work
    // on a shared machine than the wall-clock mean.
    cpuUsPerCase: passes > 0 ? +((cpu.user + cpu.system) / (passes * cases.length)).toFixed(2) : null,
  }));
}

function compare(casesFile, decisionsFile) {
  const cases = readLines(casesFile);
  const decisions = readLines(decisionsFile);
  const differences = [];
  if (cases.length !== decisions.length) {
    differences.push(`${decisions.length} decision lines for ${cases.length} cases`);
  }

  for (let i = 0; i < Math.min(cases.length, decisions.length); i++) {
    const expected = cases[i].expected;
    const actual = decisions[i];
    if (!expected) {
      differences.push(`line ${i + 1}: no expected decision (export the cases with export-cases)`);
    } else if (expected.status !== actual.status || expected.outlook !== actual.outlook || expected.confidence !== actual.confidence) {
      differences.push(`line ${i + 1}: ${JSON.stringify({ status: actual.status, outlook: actual.outlook, confidence: actual.confidence })} instead of ${JSON.stringify(expected)} for ${JSON.stringify(cases[i].case)}`);
    }
  }

  if (differences.length > 0) {
    console.error(`${differences.length} of ${cases.length} decisions differ from OfferRules'; the first:`);
    differences.slice(0, 5).forEach((d) => console.error(`  ${d}`));
    process.exitCode = 1;
  } else {
    console.log(`All ${cases.length} decisions equal OfferRules' (status, outlook, confidence).`);
  }
}

async function main(args) {
  const secondsAt = args.indexOf('--seconds');
  const seconds = secondsAt >= 0 ? Number(args.splice(secondsAt, 2)[1]) : 5;
  if (args[0] === 'decide' && args.length === 4 && Number.isFinite(seconds) && seconds >= 0) {
    await decide(args[1], args[2], args[3], seconds);
  } else if (args[0] === 'compare' && args.length === 3) {
    compare(args[1], args[2]);
  } else {
    console.error('Usage: node run.js decide ENGINE CASES.jsonl DECISIONS.jsonl [--seconds S] | node run.js compare CASES.jsonl DECISIONS.jsonl');
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
