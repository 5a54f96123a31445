/** What the goal rules share: how a message names a goal and a unit, and findings several of them split by code. */
import type { Quantity } from '../goals/numbers.js';
import { findUnsupportedClaims, type UnsupportedClaim } from '../goals/claims.js';
import { kpiProblems, type KpiProblem } from '../goals/kpi.js';
import type { GoalResult } from '../goals/evaluate.js';
import type { Locale } from '../report/l10n.js';
import { localize } from '../report/l10n.js';
import type { RuleContext } from './rule.js';

export function unitName(q: Quantity, locale: Locale): string {
  return q.unit.symbol || localize(locale, 'goalCheck.noUnit');
}

/** A goal in a message: its first 30 characters. */
export const shortText = (text: string) => (text.length > 30 ? `${text.slice(0, 30)}…` : text);

/** A unit that the text states: a placeholder or vague amount without one says nothing about it. */
export const statesUnit = (q: Quantity) => q.unit.dimension !== 'none' || q.value !== undefined;

const claimsKey = {};

/** Claims of success their sentence does not back (`unsupported-claim`) or the figures contradict (`status-contradiction`). */
export function unsupportedClaims(context: RuleContext): readonly UnsupportedClaim[] {
  return context.shared(claimsKey, () => findUnsupportedClaims(context.model, context.chapters, context.goals));
}

const kpiKey = {};

/** KPI tables' problems: cells without a number (`kpi-table`), status cells the row contradicts (`status-contradiction`). */
export function kpiTableProblems(context: RuleContext): readonly KpiProblem[] {
  return context.shared(kpiKey, () => context.model.tables.flatMap((table) => kpiProblems(context.model.text, table)));
}

/**
 * A goal whose outcome the rules judge: one with no outcome is `goal-no-outcome` alone, one whose outcome
 * is unclear `goal-unclear-outcome` alone.
 */
export const judged = (result: GoalResult) => result.verdict !== 'no-outcome' && !(result.reason === 'unclear-outcome' && result.alternatives[0]);
