/**
 * The ratchet: `test/fixtures/keyed/floors.json` holds, for each metric id, the worst score the project's
 * own keyed reports may get: a percentage floor for a rate (`better: 'higher'`), a count ceiling for false
 * and wrong calls (`better: 'lower'`). `npm run eval -- --update-floors` rewrites it from the current scores.
 */
import * as fs from 'node:fs';
import { metrics, type MetricId, type Ratio, type Scores } from './score.js';

export type Floors = Partial<Record<MetricId, number>>;

/** Where the floors live, relative to the repository root. */
export const floorsFile = 'test/fixtures/keyed/floors.json';

export function readFloors(file: string): Floors {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Floors;
}

export function writeFloors(file: string, floors: Floors): void {
  fs.writeFileSync(file, `${JSON.stringify(floors, null, 2)}\n`);
}

/**
 * The floors the scores meet: percentages rounded down to a tenth (so that the scores meet them), counts
 * as they are. A rate with nothing to count (no key item of its kind) gets no floor.
 */
export function floorsOf(scores: Scores): Floors {
  const floors: Floors = {};
  for (const { id, better } of metrics) {
    if (better === 'lower') floors[id] = scores[id].numerator;
    else if (scores[id].denominator > 0) floors[id] = tenthsDown(scores[id]);
  }
  return floors;
}

/**
 * A ratio's percentage rounded down to a tenth, computed from the integers so that no floating-point error
 * takes it below a tenth it reaches: a score meets a floor of tenths exactly when this is not below it.
 */
function tenthsDown({ numerator, denominator }: Ratio): number {
  return Math.floor((1000 * numerator) / denominator) / 10;
}

/** What breaks the ratchet, one sentence per metric; empty when the scores hold every floor and ceiling. */
export function floorViolations(scores: Scores, floors: Floors): string[] {
  const problems: string[] = [];
  const known = new Set<string>(metrics.map((m) => m.id));
  for (const id of Object.keys(floors)) if (!known.has(id)) problems.push(`${id}: no such metric (see test/eval/score.ts)`);
  for (const { id, better } of metrics) {
    const limit = floors[id];
    const { numerator, denominator } = scores[id];
    if (limit === undefined) {
      if (better === 'lower' || denominator > 0) problems.push(`${id}: no floor in ${floorsFile} (npm run eval -- --update-floors)`);
    } else if (better === 'lower') {
      if (numerator > limit) problems.push(`${id}: ${numerator} (of ${denominator}) is above its ceiling of ${limit}`);
    } else if (denominator === 0) {
      problems.push(`${id}: nothing to count (0 of 0), but its floor is ${limit}%`);
    } else if (tenthsDown(scores[id]) < limit) {
      problems.push(`${id}: ${tenthsDown(scores[id])}% (${numerator}/${denominator}) is below its floor of ${limit}%`);
    }
  }
  return problems;
}
