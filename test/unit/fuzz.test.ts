import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  buildOutline,
  buildChecklist,
  createReportService,
  createTextDocument,
  defaultSettings,
  provideCompletions,
  type OutlineNode,
  type ReportAnalysis,
} from '../../server/src/core/index.js';
import { anyDocument, fuzzSeed, fuzzTimeout, runs } from '../util/documents.js';

const service = createReportService();
let version = 0;

/** A fresh parse every time (a new version), so the second analysis really recomputes everything. */
function analyze(text: string): ReportAnalysis {
  return service.analyze(createTextDocument('file:///fuzz/总结报告.md', text, ++version), { ...defaultSettings, locale: 'zh-cn', reportDetection: 'always' })!;
}

function within(text: string, start: number, end: number, what: string): void {
  assert.ok(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length, `${what} [${start}, ${end}) outside 0..${text.length}`);
}

function checkOutline(text: string, nodes: readonly OutlineNode[]): void {
  const pending = [...nodes];
  while (pending.length) {
    const node = pending.pop()!;
    within(text, node.start, node.end, `outline ${node.kind}`);
    within(text, node.selection.start, node.selection.end, `outline selection ${node.kind}`);
    pending.push(...node.children);
  }
}

describe('fuzzing the engine with generated and mutated documents', function () {
  this.timeout(fuzzTimeout(600_000));

  it('never throws, keeps every range inside the document, and answers the same twice @props', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const first = analyze(text);
        for (const d of first.diagnostics) within(text, d.start, d.end, `diagnostic ${d.code}`);
        checkOutline(text, buildOutline(first, 'en'));
        for (const item of buildChecklist(first, 'en').items) for (const c of item.chapters) within(text, c.start, c.end, 'checklist chapter');
        for (const offset of [0, text.length >> 1, text.length]) {
          for (const p of provideCompletions(first, offset, 'en')) {
            within(text, p.replace.start, p.replace.end, 'completion');
            for (const e of p.additionalEdits) within(text, e.start, e.end, 'completion additional edit');
          }
        }
        const second = analyze(text);
        assert.deepEqual(second.diagnostics, first.diagnostics);
      }),
      { seed: fuzzSeed, numRuns: runs(600) },
    );
  });
});
