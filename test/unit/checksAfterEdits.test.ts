import * as assert from 'node:assert/strict';
import { createReportService, createTextDocument, defaultSettings, type ReportAnalysis } from '../../server/src/core/index.js';
import { readFixture } from './util.js';

const settings = { ...defaultSettings, locale: 'zh-cn' as const, reportDetection: 'always' as const };
const seeds = ['seed-1-system-integration.md', 'seed-2-market-expansion.md', 'seed-3-process-optimization.md'];
const original = seeds.map((seed) => readFixture(`corpus/${seed}`)).join('\n');

/** What an analysis reports, in a form that compares by value. */
const reported = (analysis: ReportAnalysis) => JSON.stringify({ diagnostics: analysis.diagnostics, placeholders: analysis.placeholders, chapters: analysis.chapters.map((c) => c.slots) });

describe('checks after an edit: what blocks remember gives what a fresh analysis gives', () => {
  const claim = original.indexOf('远超预期');
  const edits: [string, string][] = [
    ['a character replaced inside a claim', `${original.slice(0, claim)}未${original.slice(claim + 1)}`],
    ['a claim written into a paragraph', `${original.slice(0, claim)}已超额完成，${original.slice(claim)}`],
    ['a character inserted at the top, moving every block', `记${original}`],
    ['a character deleted in the middle', original.slice(0, original.length >> 1) + original.slice((original.length >> 1) + 1)],
    ['a heading renamed', original.replace('## 第九章 结语', '## 第九章 总结与展望')],
  ];

  for (const [what, edited] of edits) {
    it(`reports the same after ${what}`, () => {
      const warm = createReportService();
      warm.analyze(createTextDocument('file:///r/a.md', original, 1), settings);
      const afterEdit = warm.analyze(createTextDocument('file:///r/a.md', edited, 2), settings)!;
      const fresh = createReportService().analyze(createTextDocument('file:///r/a.md', edited, 1), settings)!;
      assert.equal(reported(afterEdit), reported(fresh));
      // Back to the first version: the remembered results of the edited blocks must not linger.
      const back = warm.analyze(createTextDocument('file:///r/a.md', original, 3), settings)!;
      assert.equal(reported(back), reported(createReportService().analyze(createTextDocument('file:///r/a.md', original, 1), settings)!));
    });
  }

  it('finds claims in the edited document at all', () => {
    const analysis = createReportService().analyze(createTextDocument('file:///r/a.md', edits[1]![1], 1), settings)!;
    assert.ok(analysis.diagnostics.some((d) => d.code === 'unsupported-claim'));
  });
});
