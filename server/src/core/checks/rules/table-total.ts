import { cellSpan } from '../../goals/columns.js';
import { tableTotals } from '../../goals/totals.js';
import type { Rule } from '../rule.js';

/** A total (合计, Total) or subtotal (小计) row whose figure is not the sum of the rows it adds up. */
export const tableTotal: Rule = {
  code: 'table-total',
  defaultSeverity: 'warning',
  messages: ['tableTotal.sum'],
  run: (context) =>
    context.model.tables.flatMap((table) =>
      tableTotals(table).map((p) => context.diagnostic(cellSpan(context.model.text, p.cell), 'tableTotal.sum', { column: p.column, total: p.total, sum: p.sum })),
    ),
};
