/**
 * Which outcome statement reports on which goal. A statement scores by how well its names (label, KPI
 * metric, the metric of its figures, its section heading) match the goal's, by whether its figure can be
 * compared with the target, and by where it stands (results chapter and KPI tables before other
 * chapters). A goal without a figure is matched by how much of its wording the statement repeats.
 */
import type { Goal } from './extract.js';
import { beforeWhole, dateUnit, type Reading } from './measure.js';
import { abbreviationsIn, coverage, coverages, kindsIn, otherKind, prepareMetric, similarity, type MetricText } from './metric.js';
import { compatibleUnits, findQuantities, type Quantity } from './numbers.js';
import { eventsIn, phrases } from './phrases.js';
import type { OutcomeStatement } from './outcomes.js';
import { levelFromGap, sameFigure, sameValue, type Target } from './verdict.js';

export interface Candidate {
  readonly statement: OutcomeStatement;
  /** The figure of the statement that speaks of the goal; undefined when it has none. */
  readonly reading: Reading | undefined;
  /**
   * Another figure of the statement that fits the goal as well (its metric no worse named, of the same kind,
   * comparable): the statement does not say which of the two is the goal's.
   */
  readonly rival: Reading | undefined;
  readonly score: number;
}

/** Below these a statement is not about the goal… */
const minimumScore = { numeric: 0.5, wording: 0.3 };
/** …and below these it does not even mention it: between the two, it may speak of it without saying so clearly. */
const mentionScore = { numeric: 0.25, wording: 0.3 };

/** Whether a candidate speaks of its goal clearly enough to be its outcome, rather than only mention it. */
export function isClear(goal: Goal, candidate: Candidate): boolean {
  return candidate.score >= (goal.target ? minimumScore.numeric : minimumScore.wording);
}
const sourceWeight: Record<OutcomeStatement['source'], number> = { 'kpi-table': 1.05, 'milestone-table': 1.05, results: 1, fallback: 0.75 };
/** Statements kept besides a goal's outcome (or, without one, the statements that mention it). */
export const alternativesKept = 3;

/**
 * A statement with its names prepared for comparing: every goal is set against every statement, so
 * they are prepared once per analysis rather than once per goal.
 */
export interface PreparedStatement {
  readonly statement: OutcomeStatement;
  readonly text: MetricText;
  readonly labels: readonly MetricText[];
  /** The metric of each of its readings, in order. */
  readonly metrics: readonly MetricText[];
  /** The abbreviations the words before each reading give, read the first time a goal that has one asks. */
  readonly abbreviations: (readonly string[] | undefined)[];
  /** The exclusive kinds its text and labels name (国内, international), read the first time a goal that names one asks. */
  kinds: ReadonlySet<string> | undefined;
}

export function prepareStatement(statement: OutcomeStatement): PreparedStatement {
  return {
    statement,
    text: prepareMetric(statement.text),
    labels: statement.labels.map(prepareMetric),
    metrics: statement.readings.map((r) => prepareMetric(r.metric)),
    abbreviations: [],
    kinds: undefined,
  };
}

/** A goal with its names prepared, once for all the statements it is set against. */
interface PreparedGoal {
  readonly goal: Goal;
  /** Its place among the goals: where its scores stand in a `ScoredName`'s. */
  readonly index: number;
  readonly names: readonly MetricText[];
  /** The whole goal, which a goal without a figure is matched by. */
  readonly text: MetricText;
  /** Whether its names are looked for in a statement's words (a goal with a figure). */
  readonly inText: boolean;
  /** Of a deadline: the events it names (上线, go-live), which a date of the same event speaks of. */
  readonly events: readonly number[];
  /** The abbreviations its text gives in brackets (FT, SRM). */
  readonly abbreviations: readonly string[];
  /** The exclusive kinds its text names (国际学术会议 → the international kind). */
  readonly kinds: ReadonlySet<string>;
  /** Of a deadline: the other figures its text gives (90,000 of Distribute 90,000 readers by 30 June 2024). */
  readonly figures: readonly Quantity[];
}

/** The events a deadline names (上线, go-live), by their place in goal-phrases.yaml; none for another goal. */
export function deadlineEvents(goal: Goal): number[] {
  return goal.target?.quantity.unit === dateUnit ? eventsIn(goal.text.toLowerCase()) : [];
}

/** Whether a date's clause names one of a deadline's events. */
export function namesEvent(reading: Reading, events: readonly number[]): boolean {
  return reading.events?.some((e) => events.includes(e)) === true;
}

function prepareGoal(goal: Goal, index: number): PreparedGoal {
  return {
    goal,
    index,
    names: goal.names.map(prepareMetric),
    text: prepareMetric(goal.text),
    inText: goal.target !== undefined,
    events: deadlineEvents(goal),
    abbreviations: abbreviationsIn(goal.text),
    kinds: kindsIn(goal.text),
    figures: goal.target?.quantity.unit === dateUnit ? findQuantities(goal.text).filter((q) => q.unit !== dateUnit && q.value !== undefined && /\d/.test(q.text)) : [],
  };
}

/**
 * A name of the statements (a label or a figure's metric) with every goal's similarity to it, by goal
 * index, NaN until that goal first asks: statements repeat their names, and as each statement meets all
 * the goals in turn, its names' scores are read in order from one array rather than looked up in one map
 * per goal.
 */
interface ScoredName {
  readonly name: MetricText;
  readonly scores: Float64Array;
}

/**
 * A section heading's score for each goal, by goal index, all computed: the statements of a section share
 * its heading, and every statement meets every goal. `alike` numbers the headings by their scores: those
 * with the same score for every goal (in a long report, the sections of each round of work, their titles
 * differing only by the round) have the same number.
 */
interface HeadingScores {
  readonly scores: Float64Array;
  readonly alike: number;
}

/** A goal's score against a section heading, a weaker hint of a statement's subject than its labels. */
function headingScore(goal: PreparedGoal, heading: MetricText): number {
  let score = 0;
  for (const name of goal.names) score = Math.max(score, 0.7 * Math.max(similarity(name, heading), goal.inText ? coverage(heading, name) : 0));
  return score;
}

/** The `HeadingScores` of each heading (none for a statement without one), computed once per heading. */
function headingScorer(goals: readonly PreparedGoal[]): (heading: string | undefined) => HeadingScores | undefined {
  const byHeading = new Map<string, HeadingScores>();
  const byScores = new Map<string, number>();
  return (heading) => {
    if (!heading) return undefined;
    let found = byHeading.get(heading);
    if (!found) {
      const name = prepareMetric(heading);
      const scores = new Float64Array(goals.length);
      for (let i = 0; i < goals.length; i++) scores[i] = headingScore(goals[i]!, name);
      // Alike to the bit: the scores' bytes, two to a character, are the key (a typed array is an argument list as it is).
      const bytes: string = Reflect.apply(String.fromCharCode, undefined, new Uint16Array(scores.buffer));
      let alike = byScores.get(bytes);
      if (alike === undefined) byScores.set(bytes, (alike = byScores.size));
      byHeading.set(heading, (found = { scores, alike }));
    }
    return found;
  };
}

/** What one statement's names score: its labels, its heading, and the metric of each of its readings, in order. */
interface StatementNames {
  readonly labels: readonly ScoredName[];
  readonly heading: HeadingScores | undefined;
  readonly metrics: readonly ScoredName[];
}

/** Each statement's `StatementNames`, with one `ScoredName` per distinct label or metric. */
function scoredNames(statements: readonly PreparedStatement[], headings: readonly (HeadingScores | undefined)[], goals: number): StatementNames[] {
  const named = new Map<MetricText, ScoredName>();
  const scored = (name: MetricText): ScoredName => {
    let found = named.get(name);
    if (!found) named.set(name, (found = { name, scores: new Float64Array(goals).fill(NaN) }));
    return found;
  };
  return statements.map((s, i) => ({ labels: s.labels.map(scored), heading: headings[i], metrics: s.metrics.map(scored) }));
}

/** The best similarity of the goal's names to a name (-Infinity for a goal without names). */
function nameScore(goal: PreparedGoal, other: ScoredName): number {
  let score = other.scores[goal.index]!;
  if (Number.isNaN(score)) {
    score = -Infinity;
    for (const name of goal.names) score = Math.max(score, similarity(name, other.name));
    other.scores[goal.index] = score;
  }
  return score;
}

/**
 * How well the statement's names match the goal's (0–1), the best of: its labels, its section heading
 * and — for a goal with a figure — the goal's names found in its words (a goal without a figure has names
 * too general for that: 系统平台).
 */
function statementScore(goal: PreparedGoal, names: StatementNames, inWords: number): number {
  let best = 0;
  for (const label of names.labels) best = Math.max(best, nameScore(goal, label));
  if (goal.inText) best = Math.max(best, inWords);
  if (names.heading) best = Math.max(best, names.heading.scores[goal.index]!);
  return best;
}

/** How well one figure's metric matches the goal; a figure that names no metric takes the statement's subject. */
function readingScore(goal: PreparedGoal, reading: Reading, metric: ScoredName, statementNames: number): number {
  const score = reading.metric ? nameScore(goal, metric) : statementNames;
  // 全部工程于 2023 年 11 月 28 日完工 for 于 2023 年 12 月底前全面完工: the date of the event the deadline is for.
  return namesEvent(reading, goal.events) ? Math.max(score, sameEvent) : score;
}

/** How well a date names a deadline's metric when its clause names the deadline's event. */
const sameEvent = 0.7;

/** Whether the figure can be set against the target at all (the verdict may still be open). */
export function comparable(target: Target, reading: Reading): boolean {
  const t = target.quantity.unit;
  const a = reading.quantity.unit;
  // A placeholder without a unit (（待插入）, XX) says nothing of the figure it stands for.
  if (reading.quantity.placeholder && a.dimension === 'none' && t.dimension !== 'none' && t.dimension !== 'count') return false;
  const base = reading.baseline?.unit ?? target.baseline?.unit;
  if (target.direction === 'increase-by' || target.direction === 'decrease-by') {
    if (reading.kind === 'change') return compatibleUnits(t, a);
    if (!base || !compatibleUnits(base, a)) return false;
    if (t.dimension === 'percent') return true;
    if (t.dimension === 'percentage-point') return a.dimension === 'percent';
    return compatibleUnits(t, a);
  }
  if (reading.kind === 'change') return a.dimension === 'percent' || (base !== undefined && compatibleUnits(base, t));
  return compatibleUnits(t, a);
}

/**
 * How well a figure fits the kind of target: a change goal wants the change the statement states
 * (增长了5个百分点) before a from–to pair, a level goal wants a level, written before computed.
 */
function kindRank(target: Target | undefined, reading: Reading): number {
  if (!target) return 0;
  const change = target.direction === 'increase-by' || target.direction === 'decrease-by';
  if (change) return reading.kind === 'change' ? 2 : reading.baseline ? 1 : 0;
  // A level computed from a gap gives way to one the statement writes ($262,000, over budget by 5%).
  return reading.kind === 'level' ? (reading.quantity.bound ? 1 : reading.computed ? 1.5 : 2) : 0;
}

/** What a statement that names the target again gains: it speaks of this goal. */
const restatedBonus = 0.3;

/** Names this close count as a tie, decided by the kind of figure and whether it compares. */
const nameTie = 0.1;
/**
 * A figure that can be compared with the target beats one that cannot whose metric is named up to this
 * much better (a share in % beside counts for a goal in %; 43,600 people beside "within 500 m").
 */
const fitTie = 0.3;

/** The figure chosen for a goal, with how well its metric matches and whether it compares with the target. */
interface ChosenReading {
  /** The figure's index in the statement's readings (a gap stands for the level it gives: see `readingAt`). */
  readonly reading: number;
  readonly names: number;
  readonly fits: boolean;
  /** The rival's index in the statement's readings, or -1. */
  readonly rival: number;
  /** The statement names the target again: it speaks of this goal. */
  readonly restated: boolean;
}

/**
 * The statement's figure for the goal: best metric, then best kind, then comparable; none when it has no
 * figure. Every goal meets every statement, so the contenders are compared in locals, not objects.
 */
/**
 * Whether a figure can speak of the goal at all: a date only of a deadline, and then not the plan named
 * again (原计划 8 月底前完成; a past "by 28 June 2024" is the day it was done by); a number only of a goal
 * with a number.
 */
function eligible(wantsDate: boolean, reading: Reading, events: readonly number[]): boolean {
  const date = reading.quantity.unit === dateUnit;
  return date ? wantsDate && (reading.quantity.bound === undefined || !phrases.planned.test(reading.lead.toLowerCase())) && !otherEvent(reading, events) : !wantsDate;
}

/** A date of another event than the deadline's (申报 in 2024 年 11 月 for 获批 by June 2025) is none of its dates. */
const otherEvent = (reading: Reading, events: readonly number[]) => events.length > 0 && (reading.events?.length ?? 0) > 0 && !namesEvent(reading, events);

function bestReading(goal: PreparedGoal, statement: PreparedStatement, names: StatementNames, statementNames: number): ChosenReading | undefined {
  const all = statement.statement.readings;
  // Most statements of a long report hold no figure at all.
  if (all.length === 0) return undefined;
  const target = goal.goal.target;
  const wantsDate = target?.quantity.unit === dateUnit;
  // Most statements hold no date and no gap, and most goals are no deadline: then every figure is a contender.
  let readings = all;
  let metrics = names.metrics;
  // Where each of `readings` stands in the statement's own (undefined: the same place).
  let origin: number[] | undefined;
  if (!all.every((r) => r.kind !== 'gap' && eligible(wantsDate, r, goal.events))) {
    // A gap (比目标值低 14 ms) is the level it gives against this goal's target, or no figure for it.
    const kept: Reading[] = [];
    const keptMetrics: ScoredName[] = [];
    const keptOrigin: number[] = [];
    all.forEach((r, i) => {
      const level = r.kind === 'gap' ? target && levelFromGap(target, r) : r;
      if (level && eligible(wantsDate, level, goal.events)) {
        kept.push(level);
        keptMetrics.push(names.metrics[i]!);
        keptOrigin.push(i);
      }
    });
    readings = kept;
    metrics = keptMetrics;
    origin = keptOrigin;
  }
  const at = (i: number) => (origin ? origin[i]! : i);
  const namesOf = (i: number) => readingScore(goal, readings[i]!, metrics[i]!, statementNames);
  const fitsOf = (i: number) => (target && comparable(target, readings[i]!) ? 1 : 0);
  let best = -1;
  let bestNames = 0;
  let bestKind = 0;
  let bestFits = 0;
  for (let i = 0; i < readings.length; i++) {
    const names = namesOf(i);
    const kind = kindRank(target, readings[i]!);
    const fits = fitsOf(i);
    const apart = Math.abs(names - bestNames);
    // The comparable figure wins when it is of a kind no worse, a computed level counting as a level (a
    // change named 个百分点 for a goal in % stays the goal's figure, and its unit the writer's mistake).
    const fitFirst = fits !== bestFits && apart <= fitTie && (fits > bestFits ? Math.ceil(kind) >= Math.ceil(bestKind) : Math.ceil(bestKind) >= Math.ceil(kind));
    const better =
      best < 0 ||
      (fitFirst
        ? fits > bestFits
        : apart > nameTie
          ? names > bestNames
          : kind !== bestKind
            ? kind > bestKind
            : fits !== bestFits
              ? fits > bestFits
              : names > bestNames);
    if (better) {
      best = i;
      bestNames = names;
      bestKind = kind;
      bestFits = fits;
    }
  }
  if (best < 0) return undefined;
  // A single figure has no rival and cannot both restate the target and report on it.
  if (readings.length === 1) return { reading: at(0), names: bestNames, fits: bestFits === 1, rival: -1, restated: false };
  // The other fitting figures of the kind chosen, where the statement has several.
  const others = (except: number) => readings.map((_, i) => i).filter((i) => i !== except && fitsOf(i) === 1 && kindRank(target, readings[i]!) === bestKind);
  const restated = target ? readings.findIndex((r) => restates(target, r)) : -1;
  if (restated >= 0) {
    // The statement names the target again (与 90% 的目标基本持平, 未达到 30% 的目标): the goal's figure is the
    // fitting one nearest to it, whatever the other figures' names.
    const named = readings[restated]!.quantity;
    const gap = (i: number) => {
      const q = readings[i]!.quantity;
      return q.end <= named.start ? named.start - q.end : q.start - named.end;
    };
    const nearest = others(restated).reduce((near, i) => (near < 0 || gap(i) < gap(near) ? i : near), -1);
    // …unless the figure equal to the target names the goal much better than the nearest does, and no word
    // of a plan or a target stands before it: then it is the result that hits the target (2 项省级工法 beside
    // 申请专利若干项 for 形成省级工法 2 项; not 计划接入的 12 座桥梁中，已有 10 座…).
    const again = readings[restated]!;
    const lead = again.lead.toLowerCase();
    const planned = phrases.planned.test(lead) || phrases.goalMarker.test(`${lead} ${again.metric.toLowerCase()}`) || beforeWhole.test(lead);
    if (nearest >= 0 && (planned || namesOf(restated) <= namesOf(nearest) + nameTie)) return { reading: at(nearest), names: Math.max(bestNames, namesOf(nearest)), fits: true, rival: -1, restated: true };
  }
  const rival = bestFits === 1 ? others(best).filter((i) => namesOf(i) >= bestNames - nameTie).pop() : undefined;
  return { reading: at(best), names: bestNames, fits: bestFits === 1, rival: rival === undefined ? -1 : at(rival), restated: false };
}

/** Whether a figure is the target itself, written again in an outcome statement. */
function restates(target: Target, reading: Reading): boolean {
  const t = target.quantity;
  // A 0 in the outcome of a zero target (no incidents) is the result, not the target named again.
  if (t.value === 0 || t.unit === dateUnit) return false;
  return sameFigure(t, reading.quantity) === true;
}

/** What a KPI row loses when its own target is another than the goal's, in the same unit: it is another goal's row. */
const otherTargetPenalty = 0.2;

/**
 * What a KPI row's own target says of the goal: the goal's target again (≥ 99.5% for at least 99.5%) —
 * the row reports on this goal; another figure of the same kind — on another goal; nothing comparable — nothing.
 */
function rowTargetFit(goal: Target, row: Target | undefined): number {
  const same = row && sameValue(goal, row);
  if (same === undefined) return 0;
  if (!same) return -otherTargetPenalty;
  // An amount of money is seldom the same by chance (合计 | 1,200.0 | 1,236.5 for 总投资控制在 1,200 万元以内):
  // the row whose budget it is reports on the goal whatever the row is called.
  return goal.quantity.unit.dimension.startsWith('currency') ? restatedBonus + sameAmountBonus : restatedBonus;
}

/** What a row's own target adds when it is the goal's amount of money (see `rowTargetFit`). */
const sameAmountBonus = 0.2;

/** Whether the words before the statement's figure at `index` give it an abbreviation the goal's do not (CP for a goal of FT). */
function otherAbbreviation(goal: PreparedGoal, prepared: PreparedStatement, index: number): boolean {
  if (goal.abbreviations.length === 0) return false;
  const given = (prepared.abbreviations[index] ??= abbreviationsIn(prepared.statement.readings[index]!.lead));
  return given.some((a) => !goal.abbreviations.includes(a));
}

/** How a statement matches a goal, without the statement: its score and the indices of its figures. */
interface Match {
  readonly score: number;
  /** The index of the goal's figure in the statement's readings, or -1 when it has none. */
  readonly reading: number;
  /** The index of the rival figure, or -1. */
  readonly rival: number;
}

/**
 * How the statement matches the goal; undefined when it scores below `minimum`. `scored` are the
 * statement's names (see `scoredNames`), `inWords` how much of the goal its words hold (see `wordScores`).
 */
function match(goal: PreparedGoal, prepared: PreparedStatement, scored: StatementNames, minimum: number, inWords: number): Match | undefined {
  const { statement } = prepared;
  const target = goal.goal.target;
  const weight = sourceWeight[statement.source];
  // 国内学术会议 reports no talks at 国际学术会议: the statement names another kind of the same thing.
  if (goal.kinds.size > 0 && otherKind(goal.kinds, (prepared.kinds ??= kindsIn([statement.text, ...statement.labels].join(' '))))) return undefined;
  const names = statementScore(goal, scored, inWords);
  const best = bestReading(goal, prepared, scored, names);
  // 晶圆测试（CP）良率 is no result of 成品测试（FT）良率: the abbreviations name two measures.
  if (best && otherAbbreviation(goal, prepared, best.reading)) return undefined;
  let score: number;
  if (!target) {
    // Without a target no gap is a figure: the reading is the statement's own.
    const metric = best && statement.readings[best.reading]!.metric ? best.names : 0;
    score = Math.max(inWords, names, metric) * weight;
  } else {
    // A date beside the deadline's own count named again (delivered … on 14 June 2024: in total 90,000 readers).
    const restated = best?.restated || (best?.fits && goal.figures.some((f) => statement.readings.some((r) => sameFigure(f, r.quantity))));
    const fit = best ? (best.fits ? 0.1 : -0.05) + (restated ? restatedBonus : 0) : -0.15;
    score = (Math.max(names, best ? best.names : 0) + fit + rowTargetFit(target, statement.target)) * weight;
  }
  return score >= minimum ? { score, reading: best ? best.reading : -1, rival: best ? best.rival : -1 } : undefined;
}

/** The statement's figure at `index` as the goal reads it: a gap is the level it gives against the target. */
function readingAt(goal: Goal, statement: OutcomeStatement, index: number): Reading | undefined {
  if (index < 0) return undefined;
  const reading = statement.readings[index]!;
  return reading.kind === 'gap' ? levelFromGap(goal.target!, reading) : reading;
}

function candidateOf(goal: Goal, statement: OutcomeStatement, score: number, reading: number, rival: number): Candidate {
  return { statement, reading: readingAt(goal, statement, reading), rival: readingAt(goal, statement, rival), score };
}

/**
 * How much of each goal each statement's words hold: for a goal with a figure the best of its names found
 * there (times 0.9), for one without the whole goal.
 */
function wordScores(goals: readonly PreparedGoal[], statements: readonly PreparedStatement[]): Float64Array[] {
  const sought = goals.map((goal) => (goal.inText ? goal.names : [goal.text]));
  const found = coverages(statements.map((s) => s.text), sought.flat());
  let next = 0;
  return goals.map((goal, g) => {
    const own = found.slice(next, next + sought[g]!.length);
    next += own.length;
    if (!goal.inText) return own[0]!;
    const scores = new Float64Array(statements.length).fill(-Infinity);
    for (const coverage of own) for (let i = 0; i < scores.length; i++) scores[i] = Math.max(scores[i]!, 0.9 * coverage[i]!);
    return scores;
  });
}

/**
 * Offsets (`start`, `end`) left out, or made relative to `base`: what a goal or a statement says does not
 * depend on where it stands, and a match does not either (only its figures' distances to each other count).
 */
const withoutOffsets = (key: string, value: unknown) => (key === 'start' || key === 'end' ? undefined : value);
const relativeTo = (base: number) => (key: string, value: unknown) => ((key === 'start' || key === 'end') && typeof value === 'number' ? value - base : value);

/** What the matches of a list of goals depend on: their words, names and targets, in order. */
function goalsKey(goals: readonly Goal[]): string {
  return JSON.stringify(
    goals.map((goal) => [goal.text, goal.names, goal.target]),
    withoutOffsets,
  );
}

/**
 * What a statement's matches depend on besides its heading: its source, labels and words — a sentence's
 * figures are read from its words alone — and a table row's figures and target (read from its cells under
 * the table's columns), their offsets relative to the row.
 */
function contentKey(statement: OutcomeStatement): string {
  const own = `${statement.source}\u0000${statement.labels.join('\u0001')}\u0000${statement.text}`;
  if (statement.source === 'results' || statement.source === 'fallback') return own;
  return `${own}\u0000${JSON.stringify([statement.readings, statement.target ?? null], relativeTo(statement.start))}`;
}

/** What a statement's matches depend on: its heading and its `contentKey`. */
const statementKey = (statement: OutcomeStatement, content: string) => `${statement.heading ?? '\u0001'}\u0000${content}`;

/**
 * The matches of statements against lists of goals, kept across analyses: a keystroke changes a sentence
 * or two, and every other statement of the report matches the goals as it did. For each list of goals
 * (the few last met, see `goalSetsKept`) each statement's key holds its matches, flat: goal index, score,
 * figure index and rival index, four numbers a match. Emptied when it grows large.
 */
const matchCache = new Map<string, Map<string, readonly number[]>>();
const goalSetsKept = 4;
const statementsKept = 20_000;

/** Forgets the matches kept across analyses (a benchmark's cold run). */
export function clearMatchCache(): void {
  matchCache.clear();
}

function matchesFor(goals: readonly Goal[]): Map<string, readonly number[]> {
  const key = goalsKey(goals);
  let known = matchCache.get(key);
  if (known) matchCache.delete(key);
  else if (matchCache.size >= goalSetsKept) matchCache.delete(matchCache.keys().next().value!);
  if (!known || known.size >= statementsKept) known = new Map();
  matchCache.set(key, known);
  return known;
}

/**
 * A statement's matches found again without its key: a sentence's readings are shared by every analysis
 * that reads the same words at the same place (see `readSentenceOnce`), and a table row's by every analysis
 * while its table stands still (see outcomes.ts), so the array stands for the words and figures, and what
 * else the key holds (source, heading, labels) is compared as it is.
 */
interface KnownMatches {
  readonly known: Map<string, readonly number[]>;
  readonly source: OutcomeStatement['source'];
  readonly heading: string | undefined;
  readonly labels: readonly string[];
  readonly hits: readonly number[];
}
const byReadings = new WeakMap<readonly Reading[], KnownMatches>();

const sameLabels = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((label, i) => label === b[i]);

/** The matches `known` holds for the statement, or undefined; `contents` holds its `contentKey` once computed. */
function knownMatches(known: Map<string, readonly number[]>, statement: OutcomeStatement, contents: (string | undefined)[], s: number): readonly number[] | undefined {
  const found = byReadings.get(statement.readings);
  if (found && found.known === known && found.source === statement.source && found.heading === statement.heading && sameLabels(found.labels, statement.labels)) {
    return found.hits;
  }
  const hits = known.get(statementKey(statement, (contents[s] = contentKey(statement))));
  if (hits) remember(known, statement, hits);
  return hits;
}

function remember(known: Map<string, readonly number[]>, statement: OutcomeStatement, hits: readonly number[]): void {
  byReadings.set(statement.readings, { known, source: statement.source, heading: statement.heading, labels: statement.labels, hits });
}

/** Where a candidate stands among a goal's: by score, best first, then by place in the document. */
interface Ranked {
  readonly score: number;
  readonly statement: number;
  /** Where its match starts in the statement's hits. */
  readonly hit: number;
}

/**
 * The matches of each statement (see `matchCache`), `contents` their `contentKey`s. Statements alike but
 * for headings that score alike (see `HeadingScores`) have the same matches: they are matched once.
 */
function matchStatements(goals: readonly Goal[], statements: readonly OutcomeStatement[], contents: readonly string[]): (readonly number[])[] {
  const prepared = goals.map(prepareGoal);
  const minimums = goals.map((goal) => (goal.target ? mentionScore.numeric : mentionScore.wording));
  const headingOf = headingScorer(prepared);
  const headings = statements.map((statement) => headingOf(statement.heading));
  // Each statement's first alike, which is matched for all of them.
  const firstOf = new Map<string, number>();
  const firsts: number[] = [];
  const alike = statements.map((_, s) => {
    const key = `${headings[s]?.alike ?? ''}\u0000${contents[s]}`;
    let first = firstOf.get(key);
    if (first === undefined) {
      firstOf.set(key, (first = s));
      firsts.push(s);
    }
    return first;
  });
  const missed = firsts.map((s) => prepareStatement(statements[s]!));
  const names = scoredNames(missed, firsts.map((s) => headings[s]), goals.length);
  const inWords = wordScores(prepared, missed);
  const matched: number[][] = new Array(statements.length);
  firsts.forEach((s, k) => {
    const hits: number[] = (matched[s] = []);
    for (let i = 0; i < prepared.length; i++) {
      const m = match(prepared[i]!, missed[k]!, names[k]!, minimums[i]!, inWords[i]![k]!);
      if (m) hits.push(i, m.score, m.reading, m.rival);
    }
  });
  return alike.map((first) => matched[first]!);
}

/**
 * The statements that report on each goal, best first (the first is its outcome, the rest alternatives).
 * Each statement meets all the goals before the next statement is taken: its names, figures and features
 * are then fetched from memory once, not once per goal, and on a large report the fetching costs more
 * than the comparing. A statement met before with the same goals (see `matchCache`) is not scored again,
 * and only the candidates kept are made.
 */
export function rankOutcomes(goals: readonly Goal[], statements: readonly OutcomeStatement[]): Candidate[][] {
  const known = matchesFor(goals);
  const contents: (string | undefined)[] = new Array(statements.length);
  const found = statements.map((statement, s) => knownMatches(known, statement, contents, s));
  const missing: number[] = [];
  found.forEach((hits, s) => {
    if (!hits) missing.push(s);
  });
  if (missing.length) {
    const matched = matchStatements(goals, missing.map((s) => statements[s]!), missing.map((s) => contents[s]!));
    missing.forEach((s, k) => {
      const statement = statements[s]!;
      found[s] = matched[k]!;
      known.set(statementKey(statement, contents[s]!), matched[k]!);
      remember(known, statement, matched[k]!);
    });
  }
  // The best `alternativesKept + 1` of each goal, as a stable sort by score (best first) and then by start
  // would order them: a later one goes in only before those it strictly precedes.
  const kept = alternativesKept + 1;
  const best = goals.map((): Ranked[] => []);
  found.forEach((hits, s) => {
    const start = statements[s]!.start;
    for (let j = 0; j < hits!.length; j += 4) {
      const list = best[hits![j]!]!;
      const score = hits![j + 1]!;
      let at = list.length;
      while (at > 0) {
        const other = list[at - 1]!;
        if ((other.score - score || start - statements[other.statement]!.start) < 0) at--;
        else break;
      }
      if (at >= kept) continue;
      list.splice(at, 0, { score, statement: s, hit: j });
      if (list.length > kept) list.pop();
    }
  });
  return best.map((list, g) =>
    list.map(({ statement, hit }) => {
      const hits = found[statement]!;
      return candidateOf(goals[g]!, statements[statement]!, hits[hit + 1]!, hits[hit + 2]!, hits[hit + 3]!);
    }),
  );
}
