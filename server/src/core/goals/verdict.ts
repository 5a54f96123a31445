/**
 * Whether an outcome meets a target. Figures are compared in their dimension's base unit; a bound
 * (达到99%以上) or a range leaves the verdict open unless every value it allows falls on the same side.
 */
import quantitiesYaml from '../../../data/quantities.yaml';
import type { Direction, Reading } from './measure.js';
import { directionOf } from './measure.js';
import { compatibleUnits, inBase, type Quantity, type Unit } from './numbers.js';

export type Verdict = 'met' | 'missed' | 'unverifiable' | 'no-outcome';
/**
 * Why a verdict is `unverifiable`; `inconclusive` when both figures are there but allow either answer,
 * `implausible` when they are so far apart that the outcome is most likely another figure than the goal's.
 */
export type Reason = 'placeholder' | 'vague' | 'no-number' | 'unit-mismatch' | 'inconclusive' | 'implausible' | 'direction-unknown' | 'unclear-outcome';

const plausible = quantitiesYaml.plausibleAchievement;

export interface Target {
  /** The figure as the goal writes it (value, unit, range, placeholder and vague flags). */
  readonly quantity: Quantity;
  readonly direction: Direction;
  /** Where the metric stood before (现状45天), when the goal says. */
  readonly baseline: Quantity | undefined;
  /** The goal says "or better" of a metric whose better way the tool does not know (air permeability). */
  readonly betterUnknown?: boolean;
  /** The target holds for every item or period (每个网点, each water point): an average cannot show it met. */
  readonly each?: boolean;
}

export interface Judgement {
  readonly verdict: Verdict;
  readonly reason: Reason | undefined;
  /** Actual over target for at-least, target over actual for at-most, achieved over wanted change. */
  readonly achievement: number | undefined;
}

export function targetOf(reading: Reading, metric: string): Target {
  return { quantity: reading.quantity, direction: directionOf(reading, metric), baseline: reading.baseline };
}

const unverifiable = (reason: Reason): Judgement => ({ verdict: 'unverifiable', reason, achievement: undefined });

/** Lowest and highest value a figure allows, in base units: 99%以上 is [99, ∞). */
function interval(q: Quantity, value: number): [number, number] {
  const [lo, hi] = q.range ? [q.range.min, q.range.max] : [value, value];
  const base: [number, number] = [inBase(lo, q.unit), inBase(hi, q.unit)];
  if (q.bound === 'at-least') return [base[0], Infinity];
  if (q.bound === 'at-most') return [-Infinity, base[1]];
  return base;
}

/** One value for the achievement rate: the figure as written (the middle of a range). */
function representative(q: Quantity): number {
  return inBase(q.range ? (q.range.min + q.range.max) / 2 : q.value!, q.unit);
}

const tolerance = 1e-9;

function decide(direction: Direction, actual: [number, number], want: [number, number]): 'met' | 'missed' | undefined {
  const [lo, hi] = actual;
  const atLeast = want[0] - Math.abs(want[0]) * tolerance;
  const atMost = want[1] + Math.abs(want[1]) * tolerance;
  switch (direction) {
    case 'at-most':
      return hi <= atMost ? 'met' : lo > atMost ? 'missed' : undefined;
    case 'equal':
      return lo >= atLeast && hi <= atMost ? 'met' : hi < atLeast || lo > atMost ? 'missed' : undefined;
    default:
      return lo >= atLeast ? 'met' : hi < atLeast ? 'missed' : undefined;
  }
}

function rate(direction: Direction, actual: number, wanted: number): number | undefined {
  // Against a target of 0 (0 起) there is no rate: the verdict is all there is.
  if (wanted === 0) return undefined;
  const value = direction === 'at-most' ? wanted / actual : actual / wanted;
  return Number.isFinite(value) ? value : undefined;
}

/** The least a working day holds (a shift of work) and the most calendar time working days span (weekends). */
const workdayHoursAtLeast = 8;
const workdaysSpanAtMost = (days: number) => days * 1.4 + 2;

/** The seconds a figure in working days or in hours can stand for: 2 工作日 is 16 hours of work to about 5 calendar days. */
function secondsOf(q: Quantity, value: number): [number, number] {
  return q.unit.dimension === 'workday' ? [value * workdayHoursAtLeast * 3600, workdaysSpanAtMost(value) * 86400] : [inBase(value, q.unit), inBase(value, q.unit)];
}

/**
 * 不超过 2 个工作日 against ~4 hours, ≤ 48 h against 1 working day: working days and hours compare only where
 * every length a working day can have gives the same verdict; undefined for other units.
 */
function workdaysAgainstDuration(target: Target, a: Quantity): Judgement | undefined {
  const t = target.quantity;
  const kinds = new Set([t.unit.dimension, a.unit.dimension]);
  if (kinds.size !== 2 || !kinds.has('workday') || !kinds.has('duration') || t.range || a.range || t.value === undefined || a.value === undefined) return undefined;
  if (target.direction !== 'at-most' && target.direction !== 'at-least') return undefined;
  const [wantLo, wantHi] = secondsOf(t, t.value);
  const [lo, hi] = secondsOf(a, a.value);
  const [aLo, aHi] = [a.bound === 'at-most' ? -Infinity : lo, a.bound === 'at-least' ? Infinity : hi];
  const verdict =
    target.direction === 'at-most' ? (aHi <= wantLo ? 'met' : aLo > wantHi ? 'missed' : undefined) : aLo >= wantHi ? 'met' : aHi < wantLo ? 'missed' : undefined;
  return verdict ? { verdict, reason: undefined, achievement: undefined } : unverifiable('unit-mismatch');
}

/** A level goal (at least, at most, equal) against a level, or a change applied to the goal's baseline. */
function judgeLevel(target: Target, reading: Reading): Judgement {
  const t = target.quantity;
  let a = reading.quantity;
  if (reading.kind === 'change') {
    const base = target.baseline ?? reading.baseline;
    if (!base || base.value === undefined || !compatibleUnits(base.unit, t.unit)) return unverifiable('inconclusive');
    const sign = reading.movement === 'down' ? -1 : 1;
    let value: number;
    if (a.unit.dimension === 'percent') value = base.value * (1 + (sign * a.value!) / 100);
    else if (a.unit.dimension === 'percentage-point' && base.unit.dimension === 'percent') value = base.value + sign * a.value!;
    else if (compatibleUnits(a.unit, base.unit)) value = base.value + (sign * inBase(a.value!, a.unit)) / base.unit.factor;
    else return unverifiable('unit-mismatch');
    a = { ...base, value, range: undefined, bound: undefined };
  }
  if (!compatibleUnits(a.unit, t.unit)) return workdaysAgainstDuration(target, a) ?? unverifiable('unit-mismatch');
  const want: [number, number] = t.range ? [inBase(t.range.min, t.unit), inBase(t.range.max, t.unit)] : [inBase(t.value!, t.unit), inBase(t.value!, t.unit)];
  // 最高 6.3 mg/L as a result is the largest value seen, not a bound on it; a result's "by the end of April
  // 2023" names when it was done, as a writer who had done it by March would have said.
  if (a.extreme || (a.unit.dimension === 'date' && a.bound === 'at-most')) a = { ...a, bound: undefined };
  const verdict = decide(target.direction, interval(a, a.value!), target.direction === 'at-most' && t.range ? [want[1], want[1]] : want);
  // An average within the target does not show that every item is; one beyond it shows that some item is.
  if (!verdict || (verdict === 'met' && target.each && reading.average)) return unverifiable('inconclusive');
  // Against a band (60至80人) the rate is measured from its middle; against a bound, from the bound.
  const wanted = target.direction === 'at-most' ? want[1] : target.direction === 'equal' ? (want[0] + want[1]) / 2 : want[0];
  // A date met or missed has no rate (days since 1970 divided by each other say nothing).
  return { verdict, reason: undefined, achievement: t.unit.dimension === 'date' ? undefined : rate(target.direction, representative(a), wanted) };
}

/** How much the metric changed, in the unit of the target's change (% relative, 个百分点, or absolute). */
function achievedChange(target: Target, reading: Reading): number | Reason {
  const t = target.quantity;
  const a = reading.quantity;
  const wanted = target.direction === 'decrease-by' ? -1 : 1;
  if (reading.kind === 'change') {
    if (!compatibleUnits(a.unit, t.unit)) return 'unit-mismatch';
    const moved = reading.movement === 'down' ? -1 : 1;
    return wanted * moved * inBase(a.value!, a.unit);
  }
  const base = reading.baseline ?? target.baseline;
  if (!base) return 'inconclusive';
  if (base.placeholder) return 'placeholder';
  if (base.vague) return 'vague';
  if (!compatibleUnits(base.unit, a.unit)) return 'unit-mismatch';
  const from = inBase(base.value!, base.unit);
  const to = inBase(a.value!, a.unit);
  if (t.unit.dimension === 'percent') return from === 0 ? 'inconclusive' : (wanted * (to - from) * 100) / from;
  if (t.unit.dimension === 'percentage-point') return a.unit.dimension === 'percent' ? wanted * (to - from) : 'unit-mismatch';
  return compatibleUnits(t.unit, a.unit) ? wanted * (to - from) : 'unit-mismatch';
}

/**
 * Whether two figures are the same value (≥ 99.5% and 99.5%, 1.2 亿元 and 12,000 万元); undefined when they
 * cannot be compared (no value, a range, different units).
 */
export function sameFigure(x: Quantity, y: Quantity): boolean | undefined {
  if (x.value === undefined || y.value === undefined || x.range || y.range || !compatibleUnits(x.unit, y.unit)) return undefined;
  const wanted = inBase(x.value, x.unit);
  return Math.abs(inBase(y.value, y.unit) - wanted) <= Math.abs(wanted) * tolerance;
}

/** Whether two targets want the same value (≥ 99.5% and at least 99.5%); undefined when they cannot be compared. */
export function sameValue(a: Target, b: Target): boolean | undefined {
  return sameFigure(a.quantity, b.quantity);
}

/**
 * The verdict on one goal target against one outcome figure. Placeholders and vague amounts on either
 * side make it unverifiable before anything is computed, and so does an achievement rate beyond
 * `plausibleAchievement` (quantities.yaml) after — unless the report itself sets the figure against the
 * target (`paired`: a KPI row that names the goal's target beside its actual figure).
 */
export function judge(target: Target | undefined, reading: Reading | undefined, paired = false): Judgement {
  const judgement = judgeFigures(target, reading);
  const rate = judgement.achievement;
  // A wrong "met" is the worst answer: a rate no report achieves means the wrong figure was taken. A
  // result of nothing (尚未获得授权, 0 项) is no misread figure: nothing was achieved.
  const nothing = reading?.quantity.value === 0;
  if (rate !== undefined && !nothing && !paired && (rate > plausible || rate < 1 / plausible)) return unverifiable('implausible');
  return judgement;
}

function judgeFigures(target: Target | undefined, reading: Reading | undefined): Judgement {
  if (!target || !reading) return unverifiable('no-number');
  if (target.betterUnknown) return unverifiable('direction-unknown');
  const t = target.quantity;
  const a = reading.quantity;
  if (t.placeholder || a.placeholder) return unverifiable('placeholder');
  if (t.vague || a.vague) return unverifiable('vague');
  if (t.value === undefined || a.value === undefined) return unverifiable('no-number');
  if (reading.pending) return unverifiable('inconclusive');
  if (reading.listed) return judgeListed(target, reading, reading.listed);
  if (target.direction !== 'increase-by' && target.direction !== 'decrease-by') return judgeLevel(target, reading);

  const change = achievedChange(target, reading);
  if (typeof change === 'string') return unverifiable(change);
  const wanted = inBase(t.range ? t.range.min : t.value, t.unit);
  // A range (1,200–1,900 t saved) changed by as little as one end and as much as the other.
  const other = a.range ? achievedChange(target, { ...reading, quantity: { ...a, value: a.range.max } }) : change;
  const actual: [number, number] =
    reading.kind === 'change' && a.bound === 'at-least' ? [change, Infinity] : typeof other === 'number' ? [Math.min(change, other), Math.max(change, other)] : [change, change];
  const verdict = decide('at-least', actual, [wanted, wanted]);
  if (!verdict) return unverifiable('inconclusive');
  return { verdict, reason: undefined, achievement: wanted === 0 ? undefined : change / wanted };
}

/** A computed figure as a writer would write it: 99.75%, 186 ms, €4.2. */
function formatFigure(value: number, unit: Unit): string {
  const number = String(Math.abs(value) >= 1 ? Number(value.toFixed(2)) : Number(value.toPrecision(3)));
  if (/^(?:[$€£¥]|US\$)$/u.test(unit.symbol)) return `${unit.symbol}${number}`;
  return /^[A-Za-z]/.test(unit.symbol) ? `${number} ${unit.symbol}` : `${number}${unit.symbol}`;
}

/**
 * The level a gap gives against this target (比目标值低 0.2 个百分点 of ≥ 99.95% → 99.75%; 14 ms below
 * a 200 ms target → 186 ms; 3.2% above a budget → budget × 1.032); undefined when it gives none: a change
 * goal, a range or a date, a gap in another dimension, or a gap in % of a target in % (relative or in
 * points, the words do not say).
 */
export function levelFromGap(target: Target, gap: Reading): Reading | undefined {
  const t = target.quantity;
  const g = gap.quantity;
  const level = target.direction === 'at-least' || target.direction === 'at-most' || target.direction === 'equal';
  if (!level || !gap.side || t.value === undefined || g.value === undefined || t.range || g.range || t.unit.dimension === 'date' || t.placeholder || g.placeholder) return undefined;
  const worseUp = target.direction === 'at-most';
  if ((gap.side === 'worse' || gap.side === 'better') && target.direction === 'equal') return undefined;
  const up = gap.side === 'above' || (gap.side === 'worse' && worseUp) || (gap.side === 'better' && !worseUp);
  const sign = up ? 1 : -1;
  let value: number;
  if (g.unit.dimension === 'percentage-point' && t.unit.dimension === 'percent') value = t.value + sign * g.value;
  else if (g.unit.dimension === 'percent' && t.unit.dimension !== 'percent' && t.unit.dimension !== 'percentage-point') value = t.value * (1 + (sign * g.value) / 100);
  else if (t.unit.dimension !== 'percent' && compatibleUnits(g.unit, t.unit)) value = t.value + (sign * inBase(g.value, g.unit)) / t.unit.factor;
  else return undefined;
  const quantity: Quantity = { ...g, text: formatFigure(value, t.unit), value, unit: t.unit, range: undefined, bound: undefined, extreme: false };
  return { ...gap, kind: 'level', side: undefined, quantity, computed: { rule: 'gap', from: [g] } };
}

/**
 * A cell's list of figures against the target: a miss where the target holds for each item and one of
 * them misses it, the target of none met where every item is none; else "cannot tell" — the cell does not
 * say which figure, or whether they add up.
 */
function judgeListed(target: Target, reading: Reading, others: readonly Quantity[]): Judgement {
  // Nothing of each (零损坏、零事故) is nothing in all: a zero target is met whichever item is its own.
  const zeros = [reading.quantity, ...others].every((q) => q.value === 0);
  if (target.quantity.value === 0 && zeros) return judgeFigures(target, { ...reading, listed: undefined });
  if (!target.each) return unverifiable('inconclusive');
  const missed = [reading.quantity, ...others].map((quantity) => judgeFigures(target, { ...reading, quantity, listed: undefined })).find((j) => j.verdict === 'missed');
  return missed ?? unverifiable('inconclusive');
}

/**
 * Whether the goal and the outcome are written in units that cannot be compared (% against 个百分点,
 * 天 against 万元). A change goal in % compares with any from–to pair (the relative change is computed),
 * so only the pair itself could disagree, which is no conflict with the goal.
 */
export function unitsConflict(target: Target, reading: Reading): boolean {
  const t = target.quantity.unit;
  const a = reading.quantity.unit;
  const change = target.direction === 'increase-by' || target.direction === 'decrease-by';
  if (change && reading.kind === 'level') {
    if (t.dimension === 'percent') return false;
    if (t.dimension === 'percentage-point') return a.dimension !== 'percent';
  }
  if (!change && reading.kind === 'change' && a.dimension === 'percent') return false;
  return !compatibleUnits(t, a);
}
