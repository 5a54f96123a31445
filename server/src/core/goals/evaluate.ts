/**
 * Goals against outcomes: every goal with its best outcome, the alternatives, the verdict and the
 * achievement rate. Computed once per analysis (`ReportAnalysis.goals`); diagnostics, the scorecard and
 * the CLI read it.
 */
import type { ClassifiedChapter } from '../report/chapters.js';
import type { ReportModel } from '../parse/model.js';
import { extractGoals, type Goal } from './extract.js';
import { alternativesKept, comparable, deadlineEvents, isClear, namesEvent, prepareStatement, rankOutcomes, type Candidate } from './match.js';
import { coverage, prepareMetric, similarity, type MetricText } from './metric.js';
import { collectOutcomes, statusRows, type OutcomeStatement, type StatedStatus, type StatusRow } from './outcomes.js';
import { dateUnit, type Reading } from './measure.js';
import { compatibleUnits, inBase } from './numbers.js';
import { itemCodeOf } from './phrases.js';
import { judge, sameFigure, sameValue, type Reason, type Target, type Verdict } from './verdict.js';

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

function admitsMiss(goal: Goal, outcome: Candidate | undefined, outcomes: readonly OutcomeStatement[]): boolean {
  if (outcome?.statement.acknowledgesMiss) return true;
  const names = goal.names.map(prepareMetric);
  return outcomes.some((statement) => {
    if (statement.source === 'fallback' || !statement.acknowledgesMiss) return false;
    const { text, labels } = prepareStatement(statement);
    return names.some((n) => Math.max(coverage(text, n), ...labels.map((l) => similarity(n, l))) >= admissionMatch);
  });
}

/** How closely a KPI row other than the outcome must name a goal for its status to speak of it. */
const statusMatch = 0.9;
/** …or as closely as this where the row names the goal's own target again (授权发明专利 | 1 项 for 获得授权 1 项). */
const pairedStatusMatch = 0.5;

/** Whether a KPI row names the goal's own target again. */
const pairs = (goal: Goal, c: Candidate) => goal.target !== undefined && c.statement.target !== undefined && sameValue(goal.target, c.statement.target) === true;

/**
 * The actual figure of a KPI row whose target cell is the goal's change (Annual run-cost saving | £6.5m
 * | £5.8m for "reduce by £6.5m"): a change as well, unless it lies nearer the level the change leads to
 * from the goal's baseline (£14.9m) than the change itself.
 */
function rowChange(target: Target, reading: Reading | undefined): Reading | undefined {
  const direction = target.direction;
  if ((direction !== 'increase-by' && direction !== 'decrease-by') || reading?.kind !== 'level' || reading.baseline) return reading;
  const t = target.quantity;
  const a = reading.quantity;
  if (t.value === undefined || a.value === undefined || t.range || !compatibleUnits(t.unit, a.unit)) return reading;
  const actual = inBase(a.value, a.unit);
  const change = inBase(t.value, t.unit);
  const sign = direction === 'decrease-by' ? -1 : 1;
  const b = target.baseline;
  // A change in % is relative, whatever the baseline's unit (+25% from 3.2% leads to 4.0%); another adds to a baseline of its unit.
  const level =
    b?.value === undefined
      ? undefined
      : t.unit.dimension === 'percent'
        ? compatibleUnits(b.unit, a.unit) ? inBase(b.value, b.unit) * (1 + (sign * t.value) / 100) : undefined
        : compatibleUnits(b.unit, t.unit) ? inBase(b.value, b.unit) + sign * change : undefined;
  const distance = (x: number, y: number) => Math.abs(Math.log(Math.max(x, 1e-9) / Math.max(y, 1e-9)));
  if (level !== undefined && level > 0 && distance(actual, level) < distance(actual, change)) return reading;
  return { ...reading, kind: 'change', movement: direction === 'decrease-by' ? 'down' : 'up' };
}

/**
 * The status of the outcome's KPI row, or of a row that names the goal as closely as `statusMatch`
 * (`pairedStatusMatch` for a row with the goal's target).
 */
function statedStatus(goal: Goal, outcome: Candidate | undefined, alternatives: readonly Candidate[]): StatedStatus | undefined {
  if (outcome?.statement.status) return outcome.statement.status;
  // A status speaks of the figure beside it: a row that does not name the goal's target is not the goal's
  // when it gives another figure than the outcome (p99 read latency | 22 ms | Met for write latency at 48 ms).
  const own = outcome?.reading?.quantity;
  const sameFigureAs = (c: Candidate) => !own || !c.reading || sameFigure(own, c.reading.quantity) !== false;
  return alternatives.find((c) => c.statement.status && ((c.score >= statusMatch && sameFigureAs(c)) || (c.score >= pairedStatusMatch && pairs(goal, c))))
    ?.statement.status;
}

const isChange = (target: Target) => target.direction === 'increase-by' || target.direction === 'decrease-by';

/**
 * The status a table of objectives gives the goal (O4 12-month follow-up | Met, Zero lost-time injuries |
 * Green): the row with the goal's list code, or the one row that names the goal as closely as `statusMatch`
 * — its name is the goal's, holds it, or is held by the goal's words.
 */
function listedStatus(goal: Goal, names: readonly MetricText[], rows: readonly StatusRow[]): StatedStatus | undefined {
  const code = itemCodeOf(goal.text);
  const byCode = code ? rows.filter((r) => itemCodeOf(r.label) === code) : [];
  if (byCode.length === 1) return byCode[0]!.status;
  const text = prepareMetric(goal.text);
  const byName = rows.filter((r) => {
    const label = prepareMetric(r.label);
    return coverage(text, label) >= statusMatch || names.some((n) => similarity(label, n) >= statusMatch || coverage(label, n) >= statusMatch);
  });
  return byName.length === 1 ? byName[0]!.status : undefined;
}

/**
 * Whether two goals want different things of one figure: both a level (or both a change) in one unit,
 * with different values. Goals that want the same value are one goal written twice (a list item and its
 * KPI row); a level and a change of one metric (达到 90%, 提升 5 个百分点) can both be judged on one figure.
 */
function rivalGoals(a: Goal, b: Goal, aNames: readonly MetricText[], bNames: readonly MetricText[]): boolean {
  const x = a.target;
  const y = b.target;
  const same = x && y && isChange(x) === isChange(y) ? sameValue(x, y) : undefined;
  // The same value under other names (制定企业标准 1 项, 获得授权 1 项) is another goal all the same.
  return same === false || (same === true && !aNames.some((m) => bNames.some((n) => similarity(m, n) >= sameGoalNames)));
}

/** Names this alike make two goals with one target one goal written twice. */
const sameGoalNames = 0.5;

/**
 * Each figure reports on one goal: the goals take their candidates best score first, and a figure another
 * goal has taken is no outcome of a rival goal (a KPI row `≥ 99.5% | 99.82%` is the outcome of the 99.5%
 * goal, not of the 98% one that names it less well). A goal left with no candidate has no outcome.
 */
function assignFigures(goals: readonly Goal[], ranked: readonly Candidate[][]): Candidate[][] {
  // Each goal's names prepared once: a goal meets every goal that takes a figure it wants.
  const names = goals.map((goal) => goal.names.map(prepareMetric));
  const pairs = ranked.flatMap((list, goal) => list.map((candidate) => ({ goal, candidate })));
  pairs.sort((a, b) => b.candidate.score - a.candidate.score || a.goal - b.goal);
  const owners = new Map<string, number[]>();
  const keyOf = (c: Candidate) => (c.reading ? `${c.statement.start}:${c.reading.quantity.start}` : undefined);
  const taken = new Set<Candidate>();
  const lost = new Set<Candidate>();
  const decided = new Set<number>();
  for (const { goal, candidate } of pairs) {
    if (decided.has(goal)) continue;
    const key = keyOf(candidate);
    const owned = key === undefined ? undefined : owners.get(key);
    if (owned?.some((other) => rivalGoals(goals[other]!, goals[goal]!, names[other]!, names[goal]!))) {
      lost.add(candidate);
      continue;
    }
    decided.add(goal);
    taken.add(candidate);
    if (key !== undefined) owners.set(key, [...(owned ?? []), goal]);
  }
  return ranked.map((list) => {
    const first = list.find((c) => taken.has(c));
    return first ? [first, ...list.filter((c) => c !== first && !lost.has(c))] : [];
  });
}

/**
 * The candidates with the first whose figure can decide in front: a figure of things not done yet (a
 * KPI row's 2 项在审) may name the goal best, but a statement that gives the result (尚未获得授权) decides;
 * and a figure in another unit than the target's gives way to a row that names the target again.
 */
function deciding(goal: Goal, candidates: readonly Candidate[]): Candidate[] {
  const first = candidates.findIndex((c) => !c.reading?.pending);
  const ordered = first <= 0 ? [...candidates] : [candidates[first]!, ...candidates.filter((_, i) => i !== first)];
  // A figure in another unit ($36.5k/month for a budget of $1.2m) gives way to a table row that names the
  // goal's target again beside a figure that can be set against it (the budget table's Total).
  const [best] = ordered;
  const target = goal.target;
  if (!best?.reading || !target || comparable(target, best.reading)) return ordered;
  const fitting = ordered.find((c) => c.reading && comparable(target, c.reading) && c.statement.target !== undefined && sameValue(target, c.statement.target) === true);
  return fitting ? [fitting, ...ordered.filter((c) => c !== fitting)] : ordered;
}

/**
 * Of the dates the report gives for a deadline's event (went live first in October 2023; the last ward
 * went live on 14 May 2024), the latest: the event is done by the deadline only when it is done throughout.
 * Other candidates keep their order.
 */
function latestOfEvent(goal: Goal, candidates: readonly Candidate[]): Candidate[] {
  const [first] = candidates;
  const events = deadlineEvents(goal);
  if (!first || events.length === 0) return [...candidates];
  const ofEvent = (c: Candidate) => c.reading?.quantity.unit === dateUnit && c.reading.quantity.bound === undefined && namesEvent(c.reading, events);
  if (!ofEvent(first)) return [...candidates];
  // Of the same thing: a date that names the event of something else (美西海外仓启用 for 独立站上线) is none.
  const names = goal.names.map(prepareMetric);
  const alike = (c: Candidate) => Math.max(0, ...names.map((n) => similarity(prepareMetric(c.reading!.metric), n)));
  const least = alike(first) * sameThing;
  const last = (c: Candidate) => c.reading!.quantity.range?.max ?? c.reading!.quantity.value!;
  const latest = candidates.filter((c) => ofEvent(c) && alike(c) >= least).reduce((a, b) => (last(b) > last(a) ? b : a), first);
  return [latest, ...candidates.filter((c) => c !== latest)];
}

/**
 * A level with no starting point, for a goal of change (a scorecard's 13.1 min for "reduce by 10%"), starts
 * where the report says the same figure started elsewhere (fell from 14.2 minutes to 13.1 minutes).
 */
function startedElsewhere(goal: Goal, reading: Reading | undefined, alternatives: readonly Candidate[]): Reading | undefined {
  if (!goal.target || !isChange(goal.target) || reading?.kind !== 'level' || reading.baseline) return reading;
  const same = alternatives.find((c) => c.reading?.kind === 'level' && c.reading.baseline && sameFigure(c.reading.quantity, reading.quantity) === true);
  return same ? { ...reading, baseline: same.reading!.baseline } : reading;
}

/** How alike the first date's name another date's must be to name the same thing's event. */
const sameThing = 0.8;

/** How close to the outcome's score another statement must come for its opposite verdict to count. */
const contenderShare = 0.8;
/** …and how well it must name the goal at all: a weak match's figure is no word of the report on the goal. */
const contenderScore = 0.9;

/** Goals checked at most (a report sets a handful; matching costs goals × statements). */
const maximumGoals = 100;

export function evaluateGoals(model: ReportModel, chapters: readonly ClassifiedChapter[]): GoalResult[] {
  const goals = extractGoals(model, chapters, maximumGoals).slice(0, maximumGoals);
  if (goals.length === 0) return [];
  // A sentence that states a goal (a list of this year's goals opening the results chapter) reports none.
  const stated = goals.filter((g) => g.source === 'sentence' || g.source === 'list');
  const outcomes = collectOutcomes(model, chapters).filter((o) => o.source === 'kpi-table' || o.source === 'milestone-table' || !stated.some((g) => g.start < o.end && o.start < g.end));
  const all = rankOutcomes(goals, outcomes);
  const ranked = assignFigures(goals, all.map((list, i) => list.filter((c) => isClear(goals[i]!, c))));
  const listed = statusRows(model);
  return goals.map((goal, i): GoalResult => {
    const [outcome, ...alternatives] = latestOfEvent(goal, deciding(goal, ranked[i]!));
    const status = statedStatus(goal, outcome, alternatives) ?? (outcome && listed.length ? listedStatus(goal, goal.names.map(prepareMetric), listed) : undefined);
    if (!outcome) {
      // Statements that mention the goal without naming it clearly: the report may well give its result.
      // (A clear one whose figure a rival goal took is no mention.)
      const mentions = all[i]!.filter((c) => !isClear(goal, c)).slice(0, alternativesKept);
      const verdict = mentions.length ? 'unverifiable' : 'no-outcome';
      return { goal, outcome, alternatives: mentions, verdict, reason: mentions.length ? 'unclear-outcome' : undefined, achievement: undefined, acknowledged: false, status };
    }
    // A KPI row that names the goal's target beside its actual figure pairs them itself; so does one that
    // names them beside the outcome's own figure (Median first response | < 10 s | 1.8 s for the text's 1.8 seconds).
    const paired = pairs(goal, outcome);
    const reading = outcome.reading;
    const pairedElsewhere = reading !== undefined && alternatives.some((c) => pairs(goal, c) && c.reading && sameFigure(c.reading.quantity, reading.quantity) === true);
    const started = startedElsewhere(goal, reading, alternatives);
    const judged = judge(goal.target, paired ? rowChange(goal.target!, started) : started, paired || pairedElsewhere);
    // Two figures of the statement fit the goal equally well and differ (博士 2 名、硕士 5 名 for 培养研究生 6
    // 名): the statement does not say which is the goal's, or that they add up — it cannot tell, even where
    // both would give the same verdict.
    const rival = outcome.rival && judge(goal.target, outcome.rival).verdict;
    const differs = outcome.rival !== undefined && outcome.rival.quantity.value !== outcome.reading?.quantity.value;
    const decided = (v: Verdict | false | undefined) => v === 'met' || v === 'missed';
    // Another statement that speaks of the goal nearly as well and says the opposite (a KPI row's 2 against
    // the text's 5 次): the report disagrees with itself, and the tool cannot tell which is right.
    const contender = alternatives.find(
      // A part of a whole (其中 3 个) says nothing against the whole's figure.
      (c) => c.score >= contenderScore && c.score >= outcome.score * contenderShare && c.reading && !c.reading.part && decided(judge(goal.target, c.reading).verdict),
    );
    const contradicted = contender !== undefined && decided(judged.verdict) && judge(goal.target, contender.reading).verdict !== judged.verdict;
    const conflicting = contradicted || (decided(judged.verdict) && decided(rival) && (rival !== judged.verdict || differs));
    const { verdict, reason, achievement } = conflicting ? { verdict: 'unverifiable' as const, reason: 'inconclusive' as const, achievement: undefined } : judged;
    return { goal, outcome, alternatives, verdict, reason, achievement, acknowledged: verdict === 'missed' && admitsMiss(goal, outcome, outcomes), status };
  });
}
