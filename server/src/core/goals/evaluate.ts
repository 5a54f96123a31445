/**
 * Goals against outcomes: every goal with its best outcome, the alternatives, the verdict and the
 * achievement rate. Computed once per analysis (`ReportAnalysis.goals`); diagnostics, the scorecard and
 * the CLI read it.
 */
import type { ClassifiedChapter } from '../checks/structure.js';
import type { ReportModel } from '../model.js';
import { extractGoals, type Goal } from './extract.js';
import { prepareStatement, rankOutcomes, type Candidate, type PreparedStatement } from './match.js';
import { coverage, prepareMetric, similarity } from './metric.js';
import { collectOutcomes, type StatedStatus } from './outcomes.js';
import { judge, type Reason, type Verdict } from './verdict.js';

export interface GoalResult {
  readonly goal: Goal;
  /** The statement that reports on the goal; undefined when none does. */
  readonly outcome: Candidate | undefined;
  /** Other statements that might, best first. */
  readonly alternatives: readonly Candidate[];
  readonly verdict: Verdict;
  readonly reason: Reason | undefined;
  readonly achievement: number | undefined;
  /** The report itself says the goal was missed (未达成 in its KPI row, 距离目标差1个百分点…). */
  readonly acknowledged: boolean;
  /**
   * The report's own verdict on the goal: the status cell of its outcome's KPI row, or of another row
   * that names the goal as well (its figure written apart); undefined when none says.
   */
  readonly status: StatedStatus | undefined;
}

/** How closely an admission of a miss must name the goal's metric to count for it. */
const admissionMatch = 0.6;

function admitsMiss(goal: Goal, outcome: Candidate | undefined, outcomes: readonly PreparedStatement[]): boolean {
  if (outcome?.statement.acknowledgesMiss) return true;
  const names = goal.names.map(prepareMetric);
  return outcomes.some(
    ({ statement, text, labels }) =>
      statement.source !== 'fallback' && statement.acknowledgesMiss && names.some((n) => Math.max(coverage(text, n), ...labels.map((l) => similarity(n, l))) >= admissionMatch),
  );
}

/** How closely a KPI row other than the outcome must name a goal for its status to speak of it. */
const statusMatch = 0.9;

/** The status of the outcome's KPI row, or of a row that names the goal as closely as `statusMatch`. */
function statedStatus(outcome: Candidate | undefined, alternatives: readonly Candidate[]): StatedStatus | undefined {
  if (outcome?.statement.status) return outcome.statement.status;
  return alternatives.find((c) => c.statement.status && c.score >= statusMatch)?.statement.status;
}

/** Goals checked at most (a report sets a handful; matching costs goals × statements). */
const maximumGoals = 100;

export function evaluateGoals(model: ReportModel, chapters: readonly ClassifiedChapter[]): GoalResult[] {
  const goals = extractGoals(model, chapters, maximumGoals).slice(0, maximumGoals);
  if (goals.length === 0) return [];
  const outcomes = collectOutcomes(model, chapters).map(prepareStatement);
  const ranked = rankOutcomes(goals, outcomes);
  return goals.map((goal, i): GoalResult => {
    const [outcome, ...alternatives] = ranked[i]!;
    const status = statedStatus(outcome, alternatives);
    if (!outcome) return { goal, outcome, alternatives, verdict: 'no-outcome', reason: undefined, achievement: undefined, acknowledged: false, status };
    const judged = judge(goal.target, outcome.reading);
    // Two figures of the statement fit the goal equally well and differ (博士 2 名、硕士 5 名 for 培养研究生 6
    // 名): the statement does not say which is the goal's, or that they add up — it cannot tell, even where
    // both would give the same verdict.
    const rival = outcome.rival && judge(goal.target, outcome.rival).verdict;
    const differs = outcome.rival !== undefined && outcome.rival.quantity.value !== outcome.reading?.quantity.value;
    const conflicting = (judged.verdict === 'met' || judged.verdict === 'missed') && (rival === 'met' || rival === 'missed') && (rival !== judged.verdict || differs);
    const { verdict, reason, achievement } = conflicting ? { verdict: 'unverifiable' as const, reason: 'inconclusive' as const, achievement: undefined } : judged;
    return { goal, outcome, alternatives, verdict, reason, achievement, acknowledged: verdict === 'missed' && admitsMiss(goal, outcome, outcomes), status };
  });
}
