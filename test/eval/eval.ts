/**
 * The engine's accuracy on keyed reports (answer keys: /work/shared/corpus/keyed/KEYS.md). Corpora: the
 * shared one, `../shared/corpus/keyed/` from the repository root when it exists, and the project's own,
 * `test/fixtures/keyed/` (nothing is printed for it while it holds no keyed report).
 *
 *   npm run eval                          one table per corpus, one row per metric
 *   npm run eval -- --detail              and each report's worst misses
 *   npm run eval -- --json                one JSON array instead: an object per corpus
 *   npm run eval -- --dir PATH [--dir …]  these folders instead of the two corpora
 *   npm run eval -- --update-floors       rewrite test/fixtures/keyed/floors.json from the own corpus's scores
 *
 * A measurement, not a test: the exit code is 0 whatever the scores (the floors are held by
 * test/unit/evalFloors.test.ts), 1 on a missing or unreadable key, 2 on a bad option.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { floorsFile, floorsOf, writeFloors } from './floors.js';
import { readKeyedReports, type KeyGoal } from './keys.js';
import { metrics, percentage, scoreCorpus, type CorpusScore, type EngineCall, type Miss, type Ratio } from './score.js';

/** The repository root: this script runs as out/test/eval/eval.js. */
const root = path.resolve(path.dirname(process.argv[1] ?? '.'), '../../..');
const ownDir = path.join(root, 'test/fixtures/keyed');

interface Corpus {
  readonly name: string;
  readonly dir: string;
}

function parseOptions(): { json: boolean; detail: boolean; updateFloors: boolean; dirs: string[] } {
  try {
    const { values } = parseArgs({
      options: {
        json: { type: 'boolean', default: false },
        detail: { type: 'boolean', default: false },
        'update-floors': { type: 'boolean', default: false },
        dir: { type: 'string', multiple: true, default: [] },
      },
    });
    return { json: values.json, detail: values.detail, updateFloors: values['update-floors'], dirs: values.dir };
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: npm run eval -- [--json] [--detail] [--dir PATH]… [--update-floors]`);
    process.exit(2);
  }
}

const percent = (r: Ratio): string => {
  const share = percentage(r);
  return share === undefined ? '—' : `${share.toFixed(1)}%`;
};

function table(corpus: Corpus, score: CorpusScore): string {
  const rows = metrics.map((m) => [m.label, `${score.totals[m.id].numerator}/${score.totals[m.id].denominator}`, percent(score.totals[m.id])]);
  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length)));
  const lines = rows.map(([label, count, share]) => `  ${label!.padEnd(widths[0]!)}  ${count!.padStart(widths[1]!)}  ${share!.padStart(widths[2]!)}`);
  const count = score.reports.length;
  return [`${corpus.name}: ${count} keyed report${count === 1 ? '' : 's'} in ${corpus.dir}`, ...lines].join('\n');
}

const list = (slots: readonly string[] | undefined) => (slots === undefined ? 'no chapter' : `[${slots.join(', ')}]`);

function keyFigure(goal: KeyGoal): string {
  const target = `${goal.target.direction} ${goal.target.value ?? '?'} ${goal.target.unit}`;
  const outcome = goal.outcome ? `, actual ${goal.outcome.actual?.value ?? '?'} ${goal.outcome.actual?.unit ?? ''} (L${goal.outcome.line})`.trimEnd() : '';
  return `${goal.verdict}: ${target}${outcome}`;
}

function engineFigure(call: EngineCall): string {
  const outcome = call.outcomeLine === undefined ? '' : `, actual ${call.actual ?? '?'} (L${call.outcomeLine})`;
  return `${call.verdict} at L${call.line}: target ${call.target ?? '?'}${outcome}`;
}

function describeMiss(miss: Miss): string {
  switch (miss.kind) {
    case 'not-recognised':
      return miss.isReport ? 'taken for a report, but the key says it is not one' : 'not recognised as a report';
    case 'wrong-call':
      return `wrong call ${miss.goal.id} (L${miss.line}) ${miss.goal.text}\n        key    ${keyFigure(miss.goal)}\n        engine ${miss.engine.map(engineFigure).join('; ')}`;
    case 'verdict-off':
      return `verdict off ${miss.goal.id} (L${miss.line}) ${miss.goal.text}\n        key    ${keyFigure(miss.goal)}\n        engine ${miss.engine.map(engineFigure).join('; ')}`;
    case 'false-no-outcome':
      return `false goal-no-outcome L${miss.line} ${miss.text}`;
    case 'missed-finding':
      return `missed ${miss.code} L${miss.line} ${miss.text}${miss.why ? ` — ${miss.why}` : ''}`;
    case 'goal-not-found':
      return `goal not found ${miss.goal.id} (L${[miss.goal.line, ...(miss.goal.also_at ?? [])].join(', L')}) ${miss.goal.text}`;
    case 'wrong-slots':
      return `wrong slots L${miss.line} ${miss.heading}: engine ${list(miss.engine)}, key ${list(miss.key)}`;
    case 'false-missing':
      return `false missing claim: ${miss.slot}${miss.coveredAs === undefined ? '' : ` (covered as a section at L${miss.line} ${miss.coveredAs})`}`;
    case 'false-claim':
      return `false ${miss.code} L${miss.line} ${miss.text}`;
    case 'missed-missing':
      return `missing slot not reported: ${miss.slot}`;
    case 'false-order':
      return `false order claim L${miss.line} ${miss.text}`;
    case 'missed-placeholder':
      return `missed placeholder L${miss.line} ${miss.text}`;
  }
}

function details(score: CorpusScore): string {
  return score.reports
    .filter((r) => r.misses.length > 0)
    .map((r) => [`  ${r.name}`, ...r.misses.map((m) => `    ${describeMiss(m)}`)].join('\n'))
    .join('\n');
}

function asJson(corpus: Corpus, score: CorpusScore, detail: boolean): object {
  const values = (scores: CorpusScore['totals'], withShare: boolean) =>
    Object.fromEntries(metrics.map((m) => [m.id, withShare ? { ...scores[m.id], percentage: percentage(scores[m.id]) ?? null, better: m.better } : scores[m.id]]));
  return {
    corpus: corpus.name,
    dir: corpus.dir,
    reports: score.reports.length,
    metrics: values(score.totals, true),
    perReport: score.reports.map((r) => ({ file: r.name, metrics: values(r.scores, false), ...(detail ? { misses: r.misses } : {}) })),
  };
}

function main(): void {
  const options = parseOptions();
  if (options.updateFloors) {
    const reports = readKeyedReports(ownDir);
    if (reports.length === 0) {
      console.error(`no keyed reports in ${ownDir}: no floors to set`);
      process.exit(1);
    }
    writeFloors(path.join(root, floorsFile), floorsOf(scoreCorpus(reports).totals));
    console.log(`${floorsFile}: floors set from ${reports.length} keyed reports`);
    return;
  }
  const shared = path.resolve(root, '../shared/corpus/keyed');
  const corpora: Corpus[] = options.dirs.length > 0
    ? options.dirs.map((dir) => ({ name: dir, dir: path.resolve(dir) }))
    : [...(fs.existsSync(shared) ? [{ name: 'shared', dir: shared }] : []), { name: 'own', dir: ownDir }];
  const scored = corpora
    .map((corpus) => ({ corpus, reports: readKeyedReports(corpus.dir) }))
    .filter((c) => c.reports.length > 0)
    .map(({ corpus, reports }) => ({ corpus, score: scoreCorpus(reports) }));
  if (options.json) {
    console.log(JSON.stringify(scored.map(({ corpus, score }) => asJson(corpus, score, options.detail)), null, 2));
    return;
  }
  if (scored.length === 0) console.error(`no keyed reports in ${corpora.map((c) => c.dir).join(' or ')}`);
  const parts = scored.map(({ corpus, score }) => (options.detail ? `${table(corpus, score)}\n\n${details(score)}` : table(corpus, score)));
  if (parts.length > 0) console.log(parts.join('\n\n'));
}

try {
  main();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
