/**
 * The ratchet on the engine's accuracy: the project's own keyed reports (test/fixtures/keyed/) must score
 * at least the floors, and at most the ceilings, of test/fixtures/keyed/floors.json. Raising them is one
 * command: `npm run eval -- --update-floors`.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { floorsFile, floorsOf, floorViolations, readFloors, type Floors } from '../eval/floors.js';
import { readKeyedReports } from '../eval/keys.js';
import { metrics, scoreCorpus, sumScores, type Scores } from '../eval/score.js';
import { fixturePath } from './util.js';

describe('eval: the floors of the own keyed reports', () => {
  const floors = readFloors(path.join(process.cwd(), floorsFile));

  it('holds every metric of test/fixtures/keyed at or above its floor, and false or wrong calls at or below their ceiling', function () {
    const reports = readKeyedReports(fixturePath('keyed'));
    if (reports.length === 0) {
      this.test!.title += ' (skipped: test/fixtures/keyed has no keyed reports yet)';
      this.skip();
    }
    const problems = floorViolations(scoreCorpus(reports).totals, floors);
    if (problems.length > 0) assert.fail(`below a floor or above a ceiling of ${floorsFile}:\n${problems.join('\n')}`);
  });

  it('floors.json maps metric ids to numbers', () => {
    const ids = new Set<string>(metrics.map((m) => m.id));
    for (const [id, value] of Object.entries(floors)) {
      assert.ok(ids.has(id), `${id} is not a metric`);
      assert.equal(typeof value, 'number', id);
    }
  });
});

describe('eval: floors and ceilings', () => {
  const scores: Scores = {
    ...sumScores([]),
    'chapter-slots': { numerator: 2, denominator: 3 },
    'wrong-calls': { numerator: 3, denominator: 20 },
  };

  it('sets floors the scores meet: percentages rounded down to a tenth, counts as they are', () => {
    const floors = floorsOf(scores);
    assert.equal(floors['chapter-slots'], 66.6);
    assert.equal(floors['wrong-calls'], 3);
    assert.equal(floors['goals-found'], undefined, 'a rate with nothing to count has no floor');
    assert.deepEqual(floorViolations(scores, floors), []);
  });

  it('names the metric and both numbers when a rate falls or a count rises', () => {
    const floors: Floors = { ...floorsOf(scores), 'chapter-slots': 70, 'wrong-calls': 2 };
    assert.deepEqual(floorViolations(scores, floors), [
      'chapter-slots: 66.6% (2/3) is below its floor of 70%',
      'wrong-calls: 3 (of 20) is above its ceiling of 2',
    ]);
  });

  it('fails on a metric without a floor and on a floor of no metric', () => {
    const { 'wrong-calls': _, ...rest } = floorsOf(scores);
    assert.deepEqual(floorViolations(scores, { ...rest, 'goal-count': 1 } as Floors), [
      'goal-count: no such metric (see test/eval/score.ts)',
      `wrong-calls: no floor in ${floorsFile} (npm run eval -- --update-floors)`,
    ]);
  });
});
