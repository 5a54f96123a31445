import type { ReportDiagnostic } from '../report/diagnostics.js';
import type { GoalResult } from '../goals/evaluate.js';
import type { UnsupportedClaim } from '../goals/claims.js';
import { cellSpan } from '../goals/columns.js';
import type { Quantity } from '../goals/numbers.js';
import { formatAchievement } from '../goals/scorecard.js';
import { unitsConflict } from '../goals/verdict.js';
import { localize, type Locale } from '../report/l10n.js';
import { LineIndex } from '../parse/text.js';

function unitName(q: Quantity, locale: Locale): string {
  return q.unit.symbol || localize(locale, 'goalCheck.noUnit');
}

/** A goal in a message: its first 30 characters. */
const shortText = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** A unit that the text states: a placeholder or vague amount without one says nothing about it. */
const statesUnit = (q: Quantity) => q.unit.dimension !== 'none' || q.value !== undefined;

/**
 * Goals with no outcome, missed goals the report does not admit, outcomes in a unit the goal cannot be
 * compared with, a status the figures contradict, and claims of success their sentence does not back (a
 * claim about a goal the figures say was missed contradicts them).
 */
export function checkGoals(text: string, results: readonly GoalResult[], claims: readonly UnsupportedClaim[], locale: Locale): ReportDiagnostic[] {
  // The index counts lines only as far as a message asks (most goals are met or have no outcome).
  const lines = new LineIndex(text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  const diagnostics: ReportDiagnostic[] = [];
  for (const { goal, outcome, alternatives, verdict, reason, achievement, acknowledged, status } of results) {
    if (verdict === 'no-outcome') {
      diagnostics.push({ code: 'goal-no-outcome', severity: 'warning', start: goal.start, end: goal.end, message: localize(locale, 'goal.noOutcome', { goal: shortText(goal.text) }) });
      continue;
    }
    const mention = alternatives[0];
    if (reason === 'unclear-outcome' && mention) {
      diagnostics.push({
        code: 'goal-unclear-outcome',
        severity: 'information',
        start: goal.start,
        end: goal.end,
        message: localize(locale, 'goal.unclearOutcome', { goal: shortText(goal.text), line: lineOf(mention.statement.start), text: shortText(mention.statement.text) }),
      });
      continue;
    }
    const reading = outcome?.reading;
    if (verdict === 'missed' && !acknowledged && reading) {
      diagnostics.push({
        code: 'goal-missed',
        severity: 'information',
        start: goal.start,
        end: goal.end,
        message: localize(locale, 'goal.missed', {
          metric: goal.metric,
          target: goal.targetText ?? '',
          actual: reading.quantity.text,
          line: lineOf(reading.quantity.start),
          achievement: achievement === undefined ? '—' : formatAchievement(achievement),
        }),
      });
    }
    if (status && reading && (verdict === 'met' || verdict === 'missed') && status.says !== verdict) {
      diagnostics.push({
        code: 'status-contradiction',
        severity: 'warning',
        ...cellSpan(text, status.cell),
        message: localize(locale, 'statusContradiction', {
          status: status.cell.text,
          metric: goal.metric,
          actual: reading.quantity.text,
          target: goal.targetText ?? '',
          line: lineOf(goal.start),
          verdict: localize(locale, verdict === 'met' ? 'goalCheck.verdict.met' : 'goalCheck.verdict.missed'),
        }),
      });
    }
    const target = goal.target;
    if (target && reading && statesUnit(target.quantity) && statesUnit(reading.quantity) && unitsConflict(target, reading)) {
      const points = [target.quantity.unit.dimension, reading.quantity.unit.dimension].sort().join() === 'percent,percentage-point';
      diagnostics.push({
        code: 'unit-mismatch',
        severity: 'warning',
        start: reading.quantity.start,
        end: reading.quantity.end,
        message: localize(locale, points ? 'unitMismatch.points' : 'unitMismatch.units', {
          outcome: reading.quantity.text,
          outcomeUnit: unitName(reading.quantity, locale),
          metric: goal.metric,
          line: lineOf(goal.start),
          goalUnit: unitName(target.quantity, locale),
        }),
      });
    }
  }
  for (const claim of claims) diagnostics.push(claimDiagnostic(text, claim, locale));
  return diagnostics;
}

/** A claim of success its sentence does not back, or that the figures contradict. */
function claimDiagnostic(text: string, claim: UnsupportedClaim, locale: Locale): ReportDiagnostic {
  const claimed = text.slice(claim.start, claim.end);
  const args: Record<string, string> =
    claim.problem === 'contradicts'
      ? { claim: claimed, metric: claim.goal!.goal.metric, target: claim.goal!.goal.targetText ?? '', actual: claim.goal!.outcome?.reading?.quantity.text ?? '' }
      : claim.problem === 'count'
        ? { claim: claimed, claimed: String(claim.count!.claimed), possible: String(claim.count!.possible), metric: claim.goal!.goal.metric }
        : { claim: claimed, figure: claim.figure?.text ?? '' };
  const key = { placeholder: 'claim.placeholder', vague: 'claim.vague', 'no-figure': 'claim.noFigure', contradicts: 'claim.contradicts', count: 'claim.count' }[claim.problem];
  const code = claim.problem === 'contradicts' ? 'status-contradiction' : 'unsupported-claim';
  return { code, severity: 'warning', start: claim.start, end: claim.end, message: localize(locale, key, args) };
}
