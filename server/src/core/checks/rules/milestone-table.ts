import { cellSpan } from '../../goals/columns.js';
import { formatDate } from '../../report/dates.js';
import { milestoneProblems, type MilestoneProblem } from '../../goals/milestones.js';
import type { Rule, RuleContext } from '../rule.js';

function messageOf(p: MilestoneProblem, context: RuleContext): [string, Record<string, string>] {
  const column = 'column' in p ? context.message(`column.${p.column}`) : '';
  switch (p.kind) {
    case 'unparseable':
      return ['milestoneTable.unparseable', { text: p.cell.text, column }];
    case 'backwards':
      return ['milestoneTable.backwards', { column, date: formatDate(p.date), previous: formatDate(p.previous) }];
    case 'finish-before-start':
      return ['milestoneTable.finishBeforeStart', { column, date: formatDate(p.date), start: formatDate(p.start), phase: p.phase }];
    case 'actual-before-start':
      return ['milestoneTable.actualBeforeStart', { date: formatDate(p.date), start: formatDate(p.start), phase: p.phase }];
    case 'done-without-date':
      return ['milestoneTable.doneWithoutDate', { phase: p.phase, status: p.cell.text }];
  }
}

/** Milestone tables: unreadable dates, phases out of order, finishes before starts, done without a date. */
export const milestoneTable: Rule = {
  code: 'milestone-table',
  defaultSeverity: 'warning',
  messages: ['milestoneTable.unparseable', 'milestoneTable.backwards', 'milestoneTable.finishBeforeStart', 'milestoneTable.actualBeforeStart', 'milestoneTable.doneWithoutDate'],
  run: (context) =>
    context.model.tables.flatMap((table) =>
      milestoneProblems(table).map((p) => {
        const [key, args] = messageOf(p, context);
        return context.diagnostic(cellSpan(context.model.text, p.cell), key, args);
      }),
    ),
};
