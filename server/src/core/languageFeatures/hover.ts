import type { ReportAnalysis } from '../analyze.js';
import type { ClassifiedChapter } from '../report/chapters.js';
import { localize, type Locale } from '../report/l10n.js';
import type { Section, Span } from '../parse/model.js';
import type { SlotEvidence } from '../report/chapters.js';
import { buildGoalCheck } from './goalCheck.js';
import { describeVerdict, formatAchievement, type GoalCheckRow } from '../goals/scorecard.js';

/** The innermost section of `chapter` below the chapter itself that holds `at`, if any. */
function sectionAt(chapter: Section, at: number): Section | undefined {
  let found: Section | undefined;
  let sections = chapter.sections;
  for (;;) {
    const inner = sections.find((s) => s.start <= at && at < s.end);
    if (!inner) return found;
    found = inner;
    sections = inner.sections;
  }
}

/** One piece of evidence in words: the heading's term, a section, a KPI table in 4.2, the chapter's place. */
function describeEvidence(evidence: SlotEvidence, chapter: ClassifiedChapter, locale: Locale): string {
  const where = evidence.at === undefined || evidence.kind === 'section' ? undefined : sectionAt(chapter.section, evidence.at);
  const what = localize(locale, `hover.evidence.${evidence.kind}`, { text: evidence.text });
  return where ? localize(locale, 'hover.evidence.in', { what, section: where.heading.text }) : what;
}

/** A statement in a hover: its first 60 characters. */
const quote = (text: string) => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

/**
 * On a goal: its target and verdict, and what decided it — the outcome's line and figure, the report's own
 * status and whether it agrees with the figures — then the other statements that might report on it.
 */
function goalHover(goal: GoalCheckRow, locale: Locale): string {
  const verdict = describeVerdict(goal, locale);
  const lines = [
    localize(locale, 'hover.goal', {
      metric: goal.metric,
      target: goal.target?.text ?? localize(locale, 'goalCheck.none'),
      verdict: goal.achievement === null ? verdict : `${verdict} ${formatAchievement(goal.achievement)}`,
    }),
    '',
  ];
  const outcome = goal.evidence.find((e) => e.kind === 'outcome');
  lines.push(
    outcome
      ? localize(locale, outcome.figure ? 'hover.goal.outcome' : 'hover.goal.outcomeNoFigure', { line: outcome.line, figure: outcome.figure ?? '', text: quote(outcome.text), weight: outcome.weight })
      : localize(locale, goal.reason === 'unclear-outcome' ? 'hover.goal.unclearOutcome' : 'hover.goal.noOutcome'),
  );
  if (outcome?.computed) lines.push('', localize(locale, `hover.goal.computed.${outcome.computed.rule}`, { from: outcome.computed.from.join(locale === 'zh-cn' ? '、' : ', ') }));
  const status = goal.evidence.find((e) => e.kind === 'status');
  if (status) {
    const key = status.agrees === null ? 'hover.goal.status' : status.agrees ? 'hover.goal.statusAgrees' : 'hover.goal.statusContradicts';
    lines.push('', localize(locale, key, { status: status.figure ?? '', line: status.line }));
  }
  const others = goal.evidence.filter((e) => e.kind === 'alternative').map((e) => localize(locale, 'hover.goal.candidate', { line: e.line, figure: e.figure ?? quote(e.text) }));
  if (others.length) lines.push('', localize(locale, 'hover.goal.alternatives', { candidates: others.join(locale === 'zh-cn' ? '；' : '; ') }));
  return lines.join('\n');
}

/**
 * On a goal: what decided its verdict (see `goalHover`). On a chapter heading: the slots it fills and why
 * (the heading's terms, its sections, its tables, its place), whether the schema requires them, and the
 * schema's guidance.
 */
export function provideHover(analysis: ReportAnalysis, offset: number, locale: Locale): { markdown: string; span: Span } | undefined {
  if (!analysis.isReport) return undefined;
  const chapter = analysis.chapters.find((c) => c.section.heading.start <= offset && offset <= c.section.heading.end);
  if (!chapter) {
    if (!analysis.goals.some(({ goal }) => goal.start <= offset && offset <= goal.end)) return undefined;
    const goal = buildGoalCheck(analysis).goals.find((g) => g.span.start <= offset && offset <= g.span.end)!;
    return { markdown: goalHover(goal, locale), span: goal.span };
  }
  const { schema } = analysis;
  const separator = locale === 'zh-cn' ? '；' : '; ';
  const lines = chapter.slots.length
    ? chapter.slots.flatMap((id) => {
        const slot = schema.slots.find((s) => s.id === id)!;
        const status = localize(locale, slot.required ? 'hover.required' : 'hover.optional');
        const evidence = chapter.evidence.filter((e) => e.slot === id).map((e) => describeEvidence(e, chapter, locale));
        return [
          `**${slot.title[locale]}** \`${slot.id}\` — ${status}`,
          ...(evidence.length ? ['', localize(locale, 'hover.evidence', { evidence: evidence.join(separator) })] : []),
          ...(slot.guidance ? ['', slot.guidance[locale]] : []),
          '',
        ];
      })
    : [localize(locale, 'hover.noSlot'), ''];
  lines.push(localize(locale, 'hover.schema', { schema: schema.name[locale], id: schema.id }));
  return { markdown: lines.join('\n'), span: { start: chapter.section.heading.start, end: chapter.section.heading.end } };
}
