import * as assert from 'node:assert/strict';
import { compareDiagnostics, limitDiagnostics, type ReportDiagnostic, type Severity } from '../../server/src/core/index.js';

const severities: readonly Severity[] = ['hint', 'warning', 'information', 'error'];

/** `count` diagnostics, two characters apart, their severities cycling so every kind is spread over the text. */
function diagnostics(count: number): ReportDiagnostic[] {
  return Array.from({ length: count }, (_, i): ReportDiagnostic => ({
    code: 'placeholder',
    severity: severities[i % severities.length]!,
    start: 2 * i,
    end: 2 * i + 1,
    message: `d${i}`,
  })).sort(compareDiagnostics);
}

describe('limitDiagnostics', () => {
  it('leaves a list within the limit, or any list with limit 0, as it is', () => {
    const all = diagnostics(10);
    assert.equal(limitDiagnostics(all, 10, 'en'), all);
    assert.equal(limitDiagnostics(all, 0, 'en'), all);
  });

  it('keeps the most severe first, the first in the document within a severity, and notes the rest where they start', () => {
    const all = diagnostics(40);
    const kept = limitDiagnostics(all, 16, 'en');
    assert.equal(kept.length, 16);
    const bySeverity = (list: readonly ReportDiagnostic[], severity: Severity) => list.filter((d) => d.severity === severity && d.code !== 'too-many-problems');
    // 10 errors, then 5 of the 10 warnings (the first five), no information, no hints.
    assert.deepEqual(bySeverity(kept, 'error'), bySeverity(all, 'error'));
    assert.deepEqual(bySeverity(kept, 'warning'), bySeverity(all, 'warning').slice(0, 5));
    assert.equal(bySeverity(kept, 'information').length + bySeverity(kept, 'hint').length, 0);
    const note = kept.filter((d) => d.code === 'too-many-problems');
    assert.equal(note.length, 1);
    assert.equal(note[0]!.severity, 'information');
    assert.match(note[0]!.message, /^25 more problems .*\(40 in all; .*= 16\)/);
    // At the first diagnostic left out: the hint at offset 0.
    assert.equal(note[0]!.start, all.find((d) => !kept.includes(d))!.start);
    assert.deepEqual([...kept].sort(compareDiagnostics), kept);
  });

  it('says so in Chinese, and with a limit of 1 shows only the note', () => {
    const kept = limitDiagnostics(diagnostics(3), 1, 'zh-cn');
    assert.equal(kept.length, 1);
    assert.match(kept[0]!.message, /还有 3 个问题未显示（共 3 个/);
  });
});
