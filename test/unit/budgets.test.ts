/**
 * The adversarial suite of issue 15: inputs built to hang, exhaust or crash the engine. Each case is
 * bounded by what it proves, never by the clock: a count of findings, a work counter, or the ratio of the
 * work for an input twice as large (at most ~2.2× for linear work).
 */
import * as assert from 'node:assert/strict';
import { capFindings, compareDiagnostics, limits, type ReportDiagnostic } from '../../server/src/core/index.js';

/** `count` placeholder warnings, one every four characters, as `'XX% ' × count` would give. */
function placeholders(count: number): ReportDiagnostic[] {
  return Array.from({ length: count }, (_, i): ReportDiagnostic => ({ code: 'placeholder', severity: 'warning', start: 4 * i, end: 4 * i + 3, message: 'XX%' }));
}

describe('budgets: findings', () => {
  it('keeps the first findings of a code past its cap, and one note at the first left out saying how many', () => {
    const all = [...placeholders(140_000), { code: 'missing-chapter', severity: 'warning', start: 5, end: 6, message: 'm' } as ReportDiagnostic].sort(compareDiagnostics);
    const kept = capFindings(all, limits.findingsPerCheck, 'en');
    assert.equal(kept.filter((d) => d.code === 'placeholder').length, limits.findingsPerCheck);
    assert.equal(kept.filter((d) => d.code === 'missing-chapter').length, 1, 'other codes keep theirs');
    const notes = kept.filter((d) => d.code === 'analysis-limit');
    assert.equal(notes.length, 1);
    assert.equal(notes[0]!.start, 4 * limits.findingsPerCheck);
    assert.match(notes[0]!.message, /^140000 placeholder problems .*first 10000 .*other 130000/);
    assert.deepEqual([...kept].sort(compareDiagnostics), kept);
  });

  it('leaves a list within the cap as it is', () => {
    const all = placeholders(100);
    assert.equal(capFindings(all, 100, 'en'), all);
  });

});
