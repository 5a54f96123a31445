/**
 * The goal check as plain data — one row per goal with its target, outcome, verdict and achievement,
 * the totals, the placeholders left and the missing chapters — for the preview, the CLI and "Export as
 * Markdown". No LSP types: lines are 1-based, spans are document offsets.
 */
import type { ReportAnalysis } from '../analyze.js';
import { localize, type Locale, type LocalizedText } from '../report/l10n.js';
import type { Span } from '../parse/model.js';
import type { TextEditLike } from '../languageFeatures/edits.js';
import { classifyTable, scorecardHeader } from '../report/tableKinds.js';
import { LineIndex } from '../parse/text.js';
import type { GoalResult } from './evaluate.js';
import type { Candidate } from './match.js';
import { isoDay } from './dates.js';
import { dateUnit, type Direction } from './measure.js';
import type { Quantity } from './numbers.js';
import type { Reason, Verdict } from './verdict.js';

export interface GoalCheckFigure {
  /** The number as written (3.5 for 3.5万元); null for a placeholder, a vague amount or a date. */
  readonly value: number | null;
  /** A calendar date's first and last day (2024年11月底前: 2024-11-01 – 2024-11-30); null for a number. */
  readonly date: { readonly first: string; readonly last: string } | null;
  readonly unit: string;
  /** The figure as written: XX%以上, 30天以内, 28天. */
  readonly text: string;
  readonly range: { readonly min: number; readonly max: number } | null;
  readonly placeholder: boolean;
  readonly vague: boolean;
  readonly approximate: boolean;
}

export interface GoalCheckTarget extends GoalCheckFigure {
  readonly direction: Direction;
  readonly baseline: GoalCheckFigure | null;
}

export interface GoalCheckOutcome extends GoalCheckFigure {
  readonly line: number;
  readonly span: Span;
  /** The sentence, or the KPI row's cells joined by ` | `. */
  readonly text: string;
  /** The figure as written, or null when the statement has none. */
  readonly figure: string | null;
  readonly baseline: GoalCheckFigure | null;
  /** Found outside the results chapter and KPI tables. */
  readonly lowConfidence: boolean;
  readonly source: 'results' | 'kpi-table' | 'milestone-table' | 'fallback';
  readonly score: number;
  /** The figure was computed, not read: how, and from which written figures; null for a figure as written. */
  readonly computed: GoalCheckComputed | null;
}

/**
 * How a computed figure came about: `gap` — the target and the distance to it (比目标值低 0.2 个百分点);
 * `share` — a part of a whole (124 of 127 → 97.6%), `from` the part and the whole.
 */
export interface GoalCheckComputed {
  readonly rule: 'gap' | 'share';
  readonly from: readonly string[];
}

/**
 * One thing that decided a goal's verdict, or might have: the outcome whose figure was judged, the report's
 * own status for the goal (a KPI status cell), and the other statements that might report on it.
 */
export interface GoalEvidence {
  readonly kind: 'outcome' | 'status' | 'alternative';
  readonly line: number;
  /** The figure as written (an outcome's, or null when its statement has none), or the status cell. */
  readonly figure: string | null;
  /** The statement, or the KPI row's cells joined by ` | `. */
  readonly text: string;
  /** How well the statement names the goal (the match score); 1 for a status. */
  readonly weight: number;
  /** A status: whether it agrees with the verdict of the figures; null when the figures cannot tell. */
  readonly agrees: boolean | null;
  /** The figure was computed, not read (see `GoalCheckOutcome.computed`). */
  readonly computed: GoalCheckComputed | null;
}

export interface GoalCheckRow {
  readonly line: number;
  readonly span: Span;
  readonly text: string;
  readonly label: string;
  readonly metric: string;
  readonly target: GoalCheckTarget | null;
  readonly outcome: GoalCheckOutcome | null;
  readonly alternatives: readonly GoalCheckOutcome[];
  readonly verdict: Verdict;
  readonly reason: Reason | null;
  /** Rounded to three decimals: 1.047 is 104.7%. */
  readonly achievement: number | null;
  /** The report says itself that the goal was missed. */
  readonly acknowledged: boolean;
  readonly source: 'list' | 'sentence' | 'table' | 'front-matter';
  /** What decided the verdict, and what else might have: the outcome first, then the status, then the alternatives. */
  readonly evidence: readonly GoalEvidence[];
}

export interface GoalCheck {
  readonly goals: readonly GoalCheckRow[];
  readonly totals: { readonly met: number; readonly missed: number; readonly unverifiable: number; readonly noOutcome: number };
  /** Placeholders still in the report. */
  readonly placeholders: number;
  /** Slot ids of the required chapters the report lacks. */
  readonly missingChapters: readonly string[];
  readonly missingChapterTitles: readonly LocalizedText[];
}

function figure(q: Quantity): GoalCheckFigure {
  if (q.unit === dateUnit) {
    const first = q.range?.min ?? q.value!;
    const last = q.range?.max ?? q.value!;
    return { value: null, date: { first: isoDay(first), last: isoDay(last) }, unit: '', text: q.text, range: null, placeholder: false, vague: false, approximate: false };
  }
  return {
    value: q.value ?? null,
    date: null,
    unit: q.unit.symbol,
    text: q.text,
    range: q.range ?? null,
    placeholder: q.placeholder,
    vague: q.vague,
    approximate: q.approximate,
  };
}

const round = (value: number) => Math.round(value * 1000) / 1000;

function outcomeRow(candidate: Candidate, lineOf: (offset: number) => number): GoalCheckOutcome {
  const { statement, reading } = candidate;
  const q = reading?.quantity;
  return {
    ...(q ? figure(q) : { value: null, date: null, unit: '', range: null, placeholder: false, vague: false, approximate: false }),
    line: lineOf(statement.start),
    span: { start: statement.start, end: statement.end },
    text: statement.text,
    figure: q?.text ?? null,
    baseline: reading?.baseline ? figure(reading.baseline) : null,
    lowConfidence: statement.source === 'fallback',
    source: statement.source,
    score: round(candidate.score),
    computed: computedOf(candidate),
  };
}

function computedOf(candidate: Candidate): GoalCheckComputed | null {
  const computed = candidate.reading?.computed;
  return computed ? { rule: computed.rule, from: computed.from.map((q) => q.text) } : null;
}

function goalRow(result: GoalResult, lineOf: (offset: number) => number): GoalCheckRow {
  const { goal } = result;
  const target = goal.target;
  return {
    line: lineOf(goal.start),
    span: { start: goal.start, end: goal.end },
    text: goal.text,
    label: goal.label,
    metric: goal.metric,
    target: target
      ? { ...figure(target.quantity), text: goal.targetText ?? target.quantity.text, direction: target.direction, baseline: target.baseline ? figure(target.baseline) : null }
      : null,
    outcome: result.outcome ? outcomeRow(result.outcome, lineOf) : null,
    alternatives: result.alternatives.map((c) => outcomeRow(c, lineOf)),
    verdict: result.verdict,
    reason: result.reason ?? null,
    achievement: result.achievement === undefined ? null : round(result.achievement),
    acknowledged: result.acknowledged,
    source: goal.source,
    evidence: goalEvidence(result, lineOf),
  };
}

function candidateEvidence(kind: 'outcome' | 'alternative', candidate: Candidate, lineOf: (offset: number) => number): GoalEvidence {
  const { statement, reading } = candidate;
  return { kind, line: lineOf(statement.start), figure: reading?.quantity.text ?? null, text: statement.text, weight: round(candidate.score), agrees: null, computed: computedOf(candidate) };
}

function goalEvidence(result: GoalResult, lineOf: (offset: number) => number): GoalEvidence[] {
  const evidence: GoalEvidence[] = [];
  if (result.outcome) evidence.push(candidateEvidence('outcome', result.outcome, lineOf));
  const { status, verdict } = result;
  if (status) {
    const decided = verdict === 'met' || verdict === 'missed';
    evidence.push({ kind: 'status', line: lineOf(status.cell.start), figure: status.cell.text.trim(), text: status.cell.text.trim(), weight: 1, agrees: decided ? status.says === verdict : null, computed: null });
  }
  for (const candidate of result.alternatives) evidence.push(candidateEvidence('alternative', candidate, lineOf));
  return evidence;
}

/** The scorecard of a report; empty for a document that is not one. */
export function buildGoalCheck(analysis: ReportAnalysis): GoalCheck {
  const lines = new LineIndex(analysis.model.text);
  const lineOf = (offset: number) => lines.positionAt(offset).line + 1;
  const goals = analysis.goals.map((r) => goalRow(r, lineOf));
  const count = (verdict: Verdict) => goals.filter((g) => g.verdict === verdict).length;
  return {
    goals,
    totals: { met: count('met'), missed: count('missed'), unverifiable: count('unverifiable'), noOutcome: count('no-outcome') },
    placeholders: analysis.placeholders.length,
    missingChapters: analysis.missing.map((m) => m.slot.id),
    missingChapterTitles: analysis.missing.map((m) => m.slot.title),
  };
}

/** 96.2% for an achievement rate of 0.962. */
export function formatAchievement(rate: number): string {
  return `${(rate * 100).toFixed(1).replace(/\.0$/, '')}%`;
}

const verdictKeys: Record<Verdict, string> = {
  met: 'goalCheck.verdict.met',
  missed: 'goalCheck.verdict.missed',
  unverifiable: 'goalCheck.verdict.unverifiable',
  'no-outcome': 'goalCheck.verdict.noOutcome',
};

/** The verdict in words, with its reason when it is `unverifiable`: 无法判断（占位符）. */
export function describeVerdict(row: Pick<GoalCheckRow, 'verdict' | 'reason'>, locale: Locale): string {
  const verdict = localize(locale, verdictKeys[row.verdict]);
  return row.reason ? localize(locale, 'goalCheck.withReason', { verdict, reason: localize(locale, `goalCheck.reason.${row.reason}`) }) : verdict;
}

/** The report's own status for the goal where it disagrees with the figures: 报告写明“达成”（第 13 行）; else ''. */
export function describeContradiction(goal: GoalCheckRow, locale: Locale): string {
  const status = goal.evidence.find((e) => e.kind === 'status' && e.agrees === false);
  return status ? localize(locale, 'goalCheck.statusSays', { status: status.figure ?? '', line: status.line }) : '';
}

/** What the scorecard shows as the outcome: the figure and its line, or the start of the sentence. */
export function describeOutcome(outcome: GoalCheckOutcome | null, locale: Locale): string {
  if (!outcome) return localize(locale, 'goalCheck.none');
  const what = outcome.figure ?? (outcome.text.length > 40 ? `${outcome.text.slice(0, 40)}…` : outcome.text);
  return localize(locale, 'goalCheck.outcomeAt', { what, line: outcome.line });
}

/** A table cell: no pipes, no line breaks. */
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s+/g, ' ').trim();

/** A figure as the scorecard shows it: a dash for none, a placeholder or a vague amount (the report's own text has those). */
function shownFigure(figure: Pick<GoalCheckFigure, 'placeholder' | 'vague'> | null, text: string | null | undefined): string {
  return !figure || !text || figure.placeholder || figure.vague ? '—' : text;
}

/**
 * The scorecard as a table a writer can hand in — 指标 | 目标值 | 实际值 | 达成率 | 结论, or Metric | Target |
 * Actual | Achievement | Verdict — one row per goal. It carries no line numbers and copies no placeholder or
 * vague figure (a dash stands there, and the verdict says why), and `classifyTable` knows it by its header,
 * so the report's checks never read it as goals or outcomes of its own.
 */
export function goalCheckMarkdown(check: GoalCheck, locale: Locale): string {
  const header = scorecardHeader(locale);
  const capitalize = (text: string) => (locale === 'en' ? text.charAt(0).toUpperCase() + text.slice(1) : text);
  const rows = check.goals.map((g) => [
    g.metric || g.label,
    shownFigure(g.target, g.target?.text),
    shownFigure(g.outcome, g.outcome?.figure),
    g.achievement === null ? '—' : formatAchievement(g.achievement),
    capitalize(describeVerdict(g, locale)),
  ]);
  return [header, header.map(() => '---'), ...rows].map((r) => `| ${r.map(cell).join(' | ')} |`).join('\n') + '\n';
}

/**
 * Where "Insert into report" writes the scorecard: over a scorecard already in the report (so inserting
 * again updates it), else at the end of the results chapter, else at `fallback` (the cursor). The table is
 * in the report's language.
 */
export function placeScorecard(analysis: ReportAnalysis, fallback: number): TextEditLike {
  const { model } = analysis;
  const table = goalCheckMarkdown(buildGoalCheck(analysis), analysis.language).replace(/\n$/, '');
  const existing = model.tables.find((t) => classifyTable(t) === 'scorecard');
  if (existing) return { start: existing.start, end: existing.end, newText: table };
  const results = analysis.chapters.find((c) => c.slots.includes('results'))?.section;
  if (!results) return { start: fallback, end: fallback, newText: `\n${table}\n` };
  let end = results.end;
  while (end > results.start && /\s/.test(model.text[end - 1]!)) end--;
  return { start: end, end, newText: `\n\n${table}` };
}
