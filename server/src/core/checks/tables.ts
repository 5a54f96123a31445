import type { ReportDiagnostic } from '../report/diagnostics.js';
import { cellSpan } from '../goals/columns.js';
import { formatDate } from '../goals/dates.js';
import { kpiProblems } from '../goals/kpi.js';
import { milestoneProblems } from '../goals/milestones.js';
import { localize, type Locale } from '../report/l10n.js';
import type { ReportModel } from '../parse/model.js';

/** KPI tables: target and actual cells without a number (kpi-table), status cells the row's figures contradict (status-contradiction). */
function checkKpiTables(model: ReportModel, locale: Locale): ReportDiagnostic[] {
  return model.tables.flatMap((table) =>
    kpiProblems(model.text, table).map((p): ReportDiagnostic => {
      const message =
        p.kind === 'non-numeric'
          ? localize(locale, /^[\s\-–—/]*$/u.test(p.cell.text) ? 'kpiTable.empty' : 'kpiTable.nonNumeric', { column: localize(locale, `column.${p.column}`), metric: p.row.metric, text: p.cell.text })
          : localize(locale, 'kpiTable.status', {
              status: p.cell.text,
              metric: p.row.metric,
              actual: p.row.actual?.text ?? '',
              target: p.row.target?.text ?? '',
              verdict: localize(locale, p.figures === 'met' ? 'goalCheck.verdict.met' : 'goalCheck.verdict.missed'),
            });
      return { code: p.kind === 'status' ? 'status-contradiction' : 'kpi-table', severity: 'warning', ...cellSpan(model.text, p.cell), message };
    }),
  );
}

/** Milestone tables: unreadable dates, phases out of order, finishes before starts, done without a date. */
function checkMilestoneTables(model: ReportModel, locale: Locale): ReportDiagnostic[] {
  return model.tables.flatMap((table) =>
    milestoneProblems(table).map((p): ReportDiagnostic => {
      const column = 'column' in p ? localize(locale, `column.${p.column}`) : '';
      let message: string;
      switch (p.kind) {
        case 'unparseable':
          message = localize(locale, 'milestoneTable.unparseable', { text: p.cell.text, column });
          break;
        case 'backwards':
          message = localize(locale, 'milestoneTable.backwards', { column, date: formatDate(p.date), previous: formatDate(p.previous) });
          break;
        case 'finish-before-start':
          message = localize(locale, 'milestoneTable.finishBeforeStart', { column, date: formatDate(p.date), start: formatDate(p.start), phase: p.phase });
          break;
        case 'actual-before-start':
          message = localize(locale, 'milestoneTable.actualBeforeStart', { date: formatDate(p.date), start: formatDate(p.start), phase: p.phase });
          break;
        case 'done-without-date':
          message = localize(locale, 'milestoneTable.doneWithoutDate', { phase: p.phase, status: p.cell.text });
          break;
      }
      return { code: 'milestone-table', severity: 'warning', ...cellSpan(model.text, p.cell), message };
    }),
  );
}

export function checkTables(model: ReportModel, locale: Locale): ReportDiagnostic[] {
  return [...checkKpiTables(model, locale), ...checkMilestoneTables(model, locale)];
}
