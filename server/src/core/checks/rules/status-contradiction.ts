import type { ReportDiagnostic } from '../../report/diagnostics.js';
import { cellSpan } from '../../goals/columns.js';
import { formatDate } from '../../report/dates.js';
import { lateOnTime } from '../../goals/milestones.js';
import { judged, kpiTableProblems, unsupportedClaims } from '../goals.js';
import type { Rule, RuleContext } from '../rule.js';

const verdictKey = (verdict: 'met' | 'missed') => (verdict === 'met' ? 'goalCheck.verdict.met' : 'goalCheck.verdict.missed');

/** KPI rows whose status cell their own target and actual contradict. */
function rowStatuses(context: RuleContext): ReportDiagnostic[] {
  const { model, message, diagnostic } = context;
  const diagnostics: ReportDiagnostic[] = [];
  for (const p of kpiTableProblems(context)) {
    if (p.kind !== 'status') continue;
    const args = { status: p.cell.text, metric: p.row.metric, actual: p.row.actual?.text ?? '', target: p.row.target?.text ?? '', verdict: message(verdictKey(p.figures)) };
    diagnostics.push(diagnostic(cellSpan(model.text, p.cell), 'kpiTable.status', args));
  }
  return diagnostics;
}

/** Milestone rows marked 按期完成 / on time whose actual finish is after the planned one. */
function milestoneStatuses({ model, diagnostic }: RuleContext): ReportDiagnostic[] {
  return model.tables.flatMap((table) =>
    lateOnTime(table).map((row) =>
      diagnostic(cellSpan(model.text, row.cell), 'milestoneTable.lateOnTime', { status: row.cell.text, phase: row.phase, planned: formatDate(row.planned), actual: formatDate(row.actual) }),
    ),
  );
}

/** Goals whose status (a status cell, `达成`, `✅`) the figures the goal engine read contradict. */
function goalStatuses({ model, goals, message, diagnostic, lineOf }: RuleContext): ReportDiagnostic[] {
  const diagnostics: ReportDiagnostic[] = [];
  for (const result of goals) {
    const { goal, status, verdict } = result;
    const reading = result.outcome?.reading;
    if (!judged(result) || !status || !reading || (verdict !== 'met' && verdict !== 'missed') || status.says === verdict) continue;
    diagnostics.push(
      diagnostic(cellSpan(model.text, status.cell), 'statusContradiction', {
        status: status.cell.text,
        metric: goal.metric,
        actual: reading.quantity.text,
        target: goal.targetText ?? '',
        line: lineOf(goal.start),
        verdict: message(verdictKey(verdict)),
      }),
    );
  }
  return diagnostics;
}

/** Claims of success about a goal the figures say was missed. */
function contradictingClaims(context: RuleContext): ReportDiagnostic[] {
  const { model, diagnostic } = context;
  return unsupportedClaims(context)
    .filter((claim) => claim.problem === 'contradicts')
    .map((claim) => {
      const { goal, outcome } = claim.goal!;
      const args = { claim: model.text.slice(claim.start, claim.end), metric: goal.metric, target: goal.targetText ?? '', actual: outcome?.reading?.quantity.text ?? '' };
      return diagnostic(claim, 'claim.contradicts', args);
    });
}

/**
 * The report's own verdict that its figures contradict: a KPI row's status cell, a goal's status, a claim
 * of success over a missed goal, a milestone marked on time that finished late. A status cell its row contradicts is told once, in the row's terms.
 */
export const statusContradiction: Rule = {
  code: 'status-contradiction',
  defaultSeverity: 'warning',
  messages: ['kpiTable.status', 'statusContradiction', 'claim.contradicts', 'milestoneTable.lateOnTime'],
  run: (context) => {
    const rows = rowStatuses(context);
    const rowCells = new Set(rows.map((d) => d.start));
    return [...goalStatuses(context), ...contradictingClaims(context)].filter((d) => !rowCells.has(d.start)).concat(rows, milestoneStatuses(context));
  },
};
