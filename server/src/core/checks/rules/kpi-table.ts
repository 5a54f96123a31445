import { cellSpan } from '../../goals/columns.js';
import { kpiTableProblems } from '../goals.js';
import type { Rule } from '../rule.js';

/**
 * A KPI table's target or actual cell without a number, a change for a target against a level with no
 * baseline, and row numbers that skip (a status the row contradicts is `status-contradiction`).
 */
export const kpiTable: Rule = {
  code: 'kpi-table',
  defaultSeverity: 'warning',
  messages: ['kpiTable.empty', 'kpiTable.nonNumeric', 'kpiTable.noBaseline', 'kpiTable.rowGap'],
  run: (context) =>
    kpiTableProblems(context).flatMap((p) => {
      const span = cellSpan(context.model.text, p.cell);
      switch (p.kind) {
        case 'non-numeric':
          return [
            context.diagnostic(span, /^[\s\-–—/]*$/u.test(p.cell.text) ? 'kpiTable.empty' : 'kpiTable.nonNumeric', {
              column: context.message(`column.${p.column}`),
              metric: p.row.metric,
              text: p.cell.text,
            }),
          ];
        case 'no-baseline':
          return [context.diagnostic(span, 'kpiTable.noBaseline', { metric: p.row.metric, target: p.target, actual: p.actual })];
        case 'row-gap':
          return [context.diagnostic(span, 'kpiTable.rowGap', { previous: p.previous, next: p.next })];
        default:
          return [];
      }
    }),
};
