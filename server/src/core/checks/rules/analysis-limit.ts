import { structureCuts, type StructureCuts } from '../../parse/index.js';
import { limits } from '../../report/limits.js';
import type { ReportDiagnostic } from '../../report/diagnostics.js';
import type { Rule } from '../rule.js';

/** The memo key of a block's cuts. */
const cutsKey = {};

/**
 * One note per kind of structure the parser was not given (see parse/bounds.ts): lines nested past the depth
 * limit, table rows past the row limit; each at the first, with how many. Cuts are found per block, as
 * the parser reads the text, and kept in the block's memo. (The analysis writes this code too, for a rule
 * that fails and for a code with more findings than it lists: see `producedElsewhere` in registry.ts.)
 */
export const analysisLimit: Rule = {
  code: 'analysis-limit',
  defaultSeverity: 'information',
  messages: ['limit.nesting', 'limit.tableRows'],
  run: ({ model, diagnostic }) => {
    let deep = { count: 0, first: -1 };
    let rows = { count: 0, first: -1 };
    model.blocks.forEach((block, i) => {
      let cuts = block.memo.get(cutsKey) as StructureCuts | undefined;
      if (!cuts) block.memo.set(cutsKey, (cuts = structureCuts(model.text.slice(block.start, model.blocks[i + 1]?.start ?? model.text.length))));
      if (cuts.deepLines) deep = { count: deep.count + cuts.deepLines, first: deep.first >= 0 ? deep.first : block.start + cuts.firstDeep! };
      if (cuts.tableRows) rows = { count: rows.count + cuts.tableRows, first: rows.first >= 0 ? rows.first : block.start + cuts.firstRow! };
    });
    const notes: ReportDiagnostic[] = [];
    const note = (at: number, key: string, count: number, limit: number) => notes.push(diagnostic({ start: at, end: at }, key, { count, limit }));
    if (deep.count) note(deep.first, 'limit.nesting', deep.count, limits.nestingDepth);
    if (rows.count) note(rows.first, 'limit.tableRows', rows.count, limits.tableRows);
    return notes;
  },
};
