import { cellSpan } from '../../goals/columns.js';
import { kpiTableProblems } from '../goals.js';
import type { Rule } from '../rule.js';

/** A KPI table's target or actual cell without a number (a status the row contradicts is `status-contradiction`). */
export const kpiTable: Rule = {
  code: 'kpi-table',
  defaultSeverity: 'warning',
  messages: ['kpiTable.empty', 'kpiTable.nonNumeric'],
  run: (context) =>
    kpiTableProblems(context).flatMap((p) =>
      p.kind === 'non-numeric'
        ? [
            context.diagnostic(cellSpan(context.model.text, p.cell), /^[\s\-–—/]*$/u.test(p.cell.text) ? 'kpiTable.empty' : 'kpiTable.nonNumeric', {
              column: context.message(`column.${p.column}`),
              metric: p.row.metric,
              text: p.cell.text,
            }),
          ]
        : [],
    ),
};
