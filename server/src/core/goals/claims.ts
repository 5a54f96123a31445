/**
 * Claims of success (超出了初期设定的目标, 完成了既定目标, 远超预期, exceeded the target) in the results and
 * conclusion chapters, and whether their sentence backs them: a claim is unsupported when its figure is
 * a placeholder or vague, when the goal it speaks of was missed, or when it gives no figure and the goals
 * it speaks of (or, failing any, all goals) are not shown to be met.
 */
import type { ClassifiedChapter } from '../report/chapters.js';
import type { BlockModel, ReportModel, Span } from '../parse/model.js';
import type { GoalResult } from './evaluate.js';
import { mentions, metricSimilarity } from './metric.js';
import { cellSpan } from './columns.js';
import { cellReader, kpiRows, rowStatus } from './kpi.js';
import { englishNumberValue, findQuantities, type Quantity } from './numbers.js';
import { parseChineseNumeral } from '../report/numberingStyle.js';
import { phrases } from './phrases.js';
import { blocksOverlapping, labelOf, sentencesOf, within, type Segment } from './segments.js';

export interface UnsupportedClaim extends Span {
  /** The sentence that makes the claim. */
  readonly sentence: Segment;
  readonly problem: 'placeholder' | 'vague' | 'no-figure' | 'contradicts' | 'count';
  /** The placeholder or vague figure. */
  readonly figure: Quantity | undefined;
  /** The goal the claim speaks of that was missed. */
  readonly goal: GoalResult | undefined;
  /** Of a count claim: how many goals it says were met, and how many at most the figures allow. */
  readonly count?: { readonly claimed: number; readonly possible: number };
}

/**
 * Where a report claims no success: the goals, the problems and lessons, what comes next. Elsewhere (an
 * executive summary or overview, results, conclusion, implementation, governance…) a claim of success is
 * checked.
 */
const noClaimChapters = new Set(['goals', 'challenges', 'lessons', 'risks', 'outlook']);
/** How closely a sentence must name a goal to speak of it. */
const relatedMatch = 0.6;

/** Where the clause holding the claim begins: after the last ，；: before it. */
const clauseBreak = /[，,；;：:]/gu;

/**
 * The goals a claim speaks of: those its own clause names (…均达到目标), else those named before it in
 * the sentence (渗透率已达到XX%,超出了初期设定的目标) — never those named after it, which the sentence
 * reports on its own (渠道建设目标超额完成，销售额完成目标的90.5%).
 */
function relatedGoals(sentence: Segment, claim: Span, label: string | undefined, results: readonly GoalResult[]): GoalResult[] {
  const before = sentence.text.slice(0, claim.end - sentence.start);
  const clause = clauseStart(before, claim.start - sentence.start);
  const named = (text: string) =>
    results.filter((r) => r.goal.names.some((name) => mentions(text, name) >= relatedMatch || (label !== undefined && metricSimilarity(name, label) >= relatedMatch)));
  const inClause = named(before.slice(clause));
  if (inClause.length) return inClause;
  const reported = results.filter((r) => r.outcome?.reading && within(r.outcome.statement, sentence) && r.outcome.reading.quantity.end <= claim.start);
  return [...new Set([...reported, ...named(before)])];
}

/** Where the clause that holds `at` begins: after the last ，；: before it. */
function clauseStart(text: string, at: number): number {
  let start = 0;
  clauseBreak.lastIndex = 0;
  for (let m = clauseBreak.exec(text); m && m.index < at; m = clauseBreak.exec(text)) start = m.index + 1;
  return start;
}

/** A figure found in a block, placed in the document: its block starts at `at`. */
const placed = (figure: Quantity, at: number): Quantity => ({ ...figure, start: figure.start + at, end: figure.end + at });

/** The number a count claim gives (7, 七, seven, all → every goal with a target); undefined for another word. */
function claimedCount(written: string, goals: number): number | undefined {
  const word = written.toLowerCase();
  if (/^\d+$/u.test(word)) return Number(word);
  if (word === 'all') return goals;
  const english = englishNumberValue(word);
  if (english >= 0) return english;
  const chinese = parseChineseNumeral(word);
  return Number.isFinite(chinese) ? chinese : undefined;
}

/**
 * A claim that so many goals were met (11 项考核指标中 7 项达成, ten of the 14 objectives have been met)
 * that the figures cannot allow it: more than the goals not shown to be missed.
 */
function judgeCount(written: string, results: readonly GoalResult[]): Omit<UnsupportedClaim, 'start' | 'end' | 'sentence'> | undefined {
  const judged = results.filter((r) => r.goal.target);
  const claimed = claimedCount(written, judged.length);
  const missed = judged.filter((r) => r.verdict === 'missed');
  // A goal the report gives no figure for (none, a placeholder, a vague amount) is not shown met either.
  const unshown = judged.filter((r) => r.verdict === 'no-outcome' || (r.verdict === 'unverifiable' && (r.reason === 'placeholder' || r.reason === 'vague' || r.reason === 'no-number')));
  const possible = judged.length - missed.length - unshown.length;
  if (claimed === undefined || missed.length === 0 || claimed <= possible) return undefined;
  return { problem: 'count', figure: undefined, goal: missed[0], count: { claimed, possible } };
}

/** `figures`: the sentence's, relative to its block's start, which is `at`. */
function judgeClaim(
  soft: boolean,
  sentence: Segment,
  claim: Span,
  label: string | undefined,
  figures: readonly Quantity[],
  at: number,
  results: readonly GoalResult[],
): Omit<UnsupportedClaim, 'start' | 'end' | 'sentence'> | undefined {
  const placeholder = figures.find((q) => q.placeholder);
  if (placeholder) return { problem: 'placeholder', figure: placed(placeholder, at), goal: undefined };
  // A softer claim beside a vague amount (数天缩短至数小时，大幅提升了…) is how writers describe real gains.
  if (soft) return undefined;
  const vague = figures.find((q) => q.vague);
  if (vague) return { problem: 'vague', figure: placed(vague, at), goal: undefined };
  // A claim for every goal (delivered all of its objectives … under budget) is judged on all of them below.
  const forAll = phrases.claimAll.test(sentence.text.slice(claim.start - sentence.start, claim.end - sentence.start).toLowerCase());
  const related = forAll ? [] : relatedGoals(sentence, claim, label, results);
  const missed = related.find((r) => r.verdict === 'missed');
  if (missed) return { problem: 'contradicts', figure: undefined, goal: missed };
  if (figures.some((q) => q.value !== undefined)) return undefined;
  const backing = related.length ? related : results.filter((r) => r.goal.target);
  return backing.length && backing.every((r) => r.verdict === 'met') ? undefined : { problem: 'no-figure', figure: undefined, goal: undefined };
}

/**
 * Any of the claims, anywhere in a paragraph: most paragraphs make none, and one scan of the paragraph
 * saves splitting it into sentences and trying every claim on each. It misses no claim a sentence holds:
 * what stands around a sentence in its paragraph (white space, a sentence end) passes the claims' edge
 * tests (`(?<!\w)`, `\b`, `(?!的)`) as the start or end of the text does. The Chinese and the English
 * claims are two expressions: V8 skips quickly to where one of them can start, but not to where either can.
 */
const allClaims: readonly { readonly pattern: RegExp; readonly soft: boolean; readonly count?: boolean }[] = [
  ...phrases.countClaims.map((pattern) => ({ pattern, soft: false, count: true })),
  ...phrases.claims.map((pattern) => ({ pattern, soft: false })),
  ...phrases.softClaims.map((pattern) => ({ pattern, soft: true })),
];
const anyClaim: readonly RegExp[] = [true, false].map((chinese) => {
  const group = allClaims.map((c) => c.pattern).filter((pattern) => /\p{Script=Han}/u.test(pattern.source) === chinese);
  // Named groups go: two count claims may name the same group, which one expression cannot.
  return new RegExp(group.map((pattern) => `(?:${pattern.source.replace(/\(\?<(?![=!])\w+>/gu, '(?:')})`).join('|'), 'iu');
});

/** A claim a sentence makes, found from the text alone; offsets are relative to its block's start. */
interface FoundClaim {
  /** The index of its paragraph in the block. */
  readonly paragraph: number;
  readonly label: string | undefined;
  readonly sentence: Segment;
  readonly claim: Span;
  /** The figures of the sentence. */
  readonly figures: readonly Quantity[];
  /** A softer claim (大幅下降), checked only against a placeholder or vague figure. */
  readonly soft: boolean;
  /** Of a claim that a number of goals were met: the number as written. */
  readonly count: string | undefined;
}

/**
 * The claims the paragraphs of a block make, in order, with the figures of their sentences. They depend
 * on the block's text alone, so they are kept in its memo, and after an edit only the edited block is read
 * again.
 */
function blockClaims(text: string, block: BlockModel): readonly FoundClaim[] {
  let found = block.memo.get(anyClaim) as readonly FoundClaim[] | undefined;
  if (found) return found;
  const own: FoundClaim[] = [];
  const relative = (span: Span) => ({ start: span.start - block.start, end: span.end - block.start });
  block.paragraphs.forEach((paragraph, index) => {
    const paragraphText = text.slice(block.start + paragraph.start, block.start + paragraph.end);
    if (!anyClaim.some((claim) => claim.test(paragraphText))) return;
    const label = labelOf(paragraphText)?.label;
    for (const sentence of sentencesOf(text, block.start + paragraph.start, block.start + paragraph.end)) {
      for (const { pattern, soft, count } of allClaims) {
        pattern.lastIndex = 0;
        const m = pattern.exec(sentence.text);
        // 实施成本超出预期 is about a cost, not a success.
        if (!m || phrases.claimNotAfter.test(sentence.text.slice(Math.max(0, m.index - 8), m.index))) continue;
        // 工程原计划 2024 年 8 月底前完成全部建设任务: the plan named again, not a claim.
        if (phrases.claimPlanned.test(sentence.text.slice(clauseStart(sentence.text, m.index), m.index))) continue;
        const claim = { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length };
        const figures = findQuantities(sentence.text, sentence.start - block.start);
        own.push({ paragraph: index, label, sentence: { ...relative(sentence), text: sentence.text }, claim: relative(claim), figures, soft, count: count ? m.groups?.met : undefined });
        break;
      }
    }
  });
  block.memo.set(anyClaim, (found = own));
  return found;
}

/**
 * A KPI row whose status says met (达成, ✅, Achieved) over an actual value that is a placeholder, a vague
 * amount or no figure (明显下降, —): the status claims what the row does not show.
 */
function statusClaims(model: ReportModel): UnsupportedClaim[] {
  const claims: UnsupportedClaim[] = [];
  const read = cellReader(model.text);
  for (const table of model.tables) {
    for (const row of kpiRows(model.text, table) ?? []) {
      // Without an actual column the row has nothing to show (a 偏差 column says it in other words).
      if (!row.status || !row.actual || rowStatus(row) !== 'met') continue;
      const figure = read(row.actual)?.quantity;
      // Words or a dash stand where the figure should (明显下降, —); a date (2024-06-18) is a figure of its own.
      const words = !/\d/.test(row.actual.text);
      const problem = figure?.placeholder ? 'placeholder' : figure?.vague ? 'vague' : words && figure?.value === undefined ? 'no-figure' : undefined;
      if (!problem) continue;
      const sentence = { start: row.start, end: row.end, text: model.text.slice(row.start, row.end) };
      claims.push({ ...cellSpan(model.text, row.status), sentence, problem, figure: problem === 'no-figure' ? undefined : figure, goal: undefined });
    }
  }
  return claims;
}

export function findUnsupportedClaims(model: ReportModel, chapters: readonly ClassifiedChapter[], results: readonly GoalResult[]): UnsupportedClaim[] {
  const claims: UnsupportedClaim[] = statusClaims(model);
  const zones: Span[] = chapters.filter((c) => c.slots.length > 0 && !c.slots.some((slot) => noClaimChapters.has(slot))).map((c) => c.section);
  // What stands before the first chapter (a summary under the title) speaks for the whole report.
  if (model.chapters.length) zones.unshift({ start: 0, end: model.chapters[0]!.start });
  for (const zone of zones) {
    for (const block of blocksOverlapping(model.blocks, zone)) {
      const at = block.start;
      for (const found of blockClaims(model.text, block)) {
        const paragraph = block.paragraphs[found.paragraph]!;
        if (!within({ start: paragraph.start + at, end: paragraph.end + at }, zone)) continue;
        const sentence = { start: found.sentence.start + at, end: found.sentence.end + at, text: found.sentence.text };
        const claim = { start: found.claim.start + at, end: found.claim.end + at };
        const problem =
          found.count === undefined ? judgeClaim(found.soft, sentence, claim, found.label, found.figures, at, results) : judgeCount(found.count, results);
        if (problem) claims.push({ ...claim, sentence, ...problem });
      }
    }
  }
  return claims.sort((a, b) => a.start - b.start);
}
