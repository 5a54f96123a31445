/**
 * The goal engine's work grows with the document, not with its square: a results paragraph pasted from a
 * log (thousands of lines, no punctuation) is one clause, and every figure in it must not read all of it
 * again. Measured by the words each figure's reading holds, never by time.
 */
import * as assert from 'node:assert/strict';
import { readSentence } from '../../server/src/core/goals/measure.js';

function logLines(count: number): string {
  let text = '';
  for (let i = 0; i < count; i++) text += `2024-01-01 门店${i} 销售额123万元 增长45% `;
  return text;
}

/** The characters the readings of a sentence hold in their lead and metric: the work they cost downstream. */
function readingWork(text: string): number {
  return readSentence(text, 0).reduce((sum, r) => sum + r.lead.length + r.metric.length, 0);
}

describe('goals: work per document', () => {
  it('reads a clause of 400 log lines with at most 2.2 times the work of 200', () => {
    const single = readingWork(logLines(200));
    const double = readingWork(logLines(400));
    assert.ok(single > 0);
    assert.ok(double / single <= 2.2, `work grew ${(double / single).toFixed(2)}× for twice the lines`);
  });

  it('still reads the words right before a figure in a long clause', () => {
    const last = readSentence(`${logLines(50)}门店合计销售额 6150 万元`, 0).at(-1)!;
    assert.ok(last.lead.endsWith('门店合计销售额 ') && last.lead.length <= 120, last.lead);
  });
});
