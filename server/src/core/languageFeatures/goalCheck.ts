/**
 * The goal check of an analysed report — one row per goal with its target, outcome, verdict and achievement,
 * the totals, the placeholders left and the missing chapters — for the preview, the CLI and "Export as
 * Markdown", and where "Insert into report" writes the scorecard. The row types and the table are in
 * goals/scorecard.ts. No LSP types: lines are 1-based, spans are document offsets.
 */
import type { ReportAnalysis } from '../analyze.js';
import { LineIndex } from '../parse/text.js';
import { classifyTable } from '../report/tableKinds.js';
import type { GoalResult } from '../goals/evaluate.js';
import type { Candidate } from '../goals/match.js';
import { isoDay } from '../report/dates.js';
import { dateUnit } from '../goals/measure.js';
import type { Quantity } from '../goals/numbers.js';
import type { Verdict } from '../goals/verdict.js';
import { goalCheckMarkdown, type GoalCheck, type GoalCheckComputed, type GoalCheckFigure, type GoalCheckOutcome, type GoalCheckRow, type GoalEvidence } from '../goals/scorecard.js';
import type { TextEditLike } from './edits.js';

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
