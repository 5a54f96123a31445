/**
 * The goal check as plain data — the row types (one row per goal with its target, outcome, verdict and
 * achievement), the words for a verdict, and the scorecard table — for the preview, the CLI and "Export as
 * Markdown". languageFeatures/goalCheck.ts builds the rows from an analysis. No LSP types: lines are
 * 1-based, spans are document offsets.
 */
import { localize, type Locale, type LocalizedText } from '../report/l10n.js';
import type { Span } from '../parse/model.js';
import { scorecardHeader } from '../report/tableKinds.js';
import type { Direction } from './measure.js';
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
