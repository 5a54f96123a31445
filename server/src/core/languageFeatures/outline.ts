import type { ReportAnalysis } from '../analyze.js';
import { describeVerdict } from '../goals/scorecard.js';
import { localize, type Locale } from '../report/l10n.js';
import type { Section, Span } from '../parse/model.js';
import { classifyTable } from '../report/tableKinds.js';

export type OutlineKind = 'chapter' | 'section' | 'goal' | 'kpi-table' | 'milestone-table';

export interface OutlineNode extends Span {
  readonly kind: OutlineKind;
  readonly name: string;
  /** Chapters: the slots they fill; goals: the target and the verdict; tables: their rows. */
  readonly detail: string | undefined;
  /** What the editor highlights and reveals: the heading, the goal text, the table's header row. */
  readonly selection: Span;
  readonly children: OutlineNode[];
}

/**
 * The report's outline: chapters → sections → goals (with their verdict), KPI tables and milestone tables
 * (named for what they are), each item under the innermost section that contains it. Iterative, so
 * 10 000 headings do not exhaust the stack. `locale` is the language of the names the tool gives.
 */
export function buildOutline(analysis: ReportAnalysis, locale: Locale): OutlineNode[] {
  const { model, schema } = analysis;
  const slotsOf = new Map(analysis.chapters.map((c) => [c.section, c.slots]));
  const titleOf = (id: string) => schema.slots.find((s) => s.id === id)?.title;

  const roots: OutlineNode[] = [];
  const byStart: { section: Section; node: OutlineNode }[] = [];
  const pending: { section: Section; parent: OutlineNode[]; chapter: boolean }[] = model.chapters
    .map((section) => ({ section, parent: roots, chapter: true }))
    .reverse();
  while (pending.length) {
    const { section, parent, chapter } = pending.pop()!;
    const slots = slotsOf.get(section) ?? [];
    const node: OutlineNode = {
      kind: chapter ? 'chapter' : 'section',
      name: section.heading.text,
      detail: chapter && slots.length ? slots.map((s) => titleOf(s)?.[analysis.language] ?? s).join(' · ') : undefined,
      start: section.start,
      end: trimEnd(model.text, section.start, section.end),
      selection: { start: section.heading.start, end: section.heading.end },
      children: [],
    };
    parent.push(node);
    byStart.push({ section, node });
    for (let i = section.sections.length - 1; i >= 0; i--) pending.push({ section: section.sections[i]!, parent: node.children, chapter: false });
  }
  byStart.sort((a, b) => a.section.start - b.section.start);

  /** The innermost section node containing an offset: the last section starting before it that still covers it. */
  const ownerOf = (offset: number): OutlineNode | undefined => {
    let low = 0;
    let high = byStart.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (byStart[mid]!.section.start <= offset) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    for (let i = found; i >= 0; i--) if (offset < byStart[i]!.section.end) return byStart[i]!.node;
    return undefined;
  };

  const items: OutlineNode[] = [];
  for (const { goal, verdict, reason } of analysis.goals) {
    const target = goal.targetText ?? goal.target?.quantity.text;
    items.push({
      kind: 'goal',
      name: goal.label,
      detail: [target, describeVerdict({ verdict, reason: reason ?? null }, locale)].filter(Boolean).join(' · '),
      start: goal.start,
      end: goal.end,
      selection: goal,
      children: [],
    });
  }
  for (const table of model.tables) {
    const kind = classifyTable(table);
    if (kind !== 'kpi' && kind !== 'milestone') continue;
    const header = { start: table.header[0]?.start ?? table.start, end: table.header[table.header.length - 1]?.end ?? table.end };
    items.push({
      kind: kind === 'kpi' ? 'kpi-table' : 'milestone-table',
      name: localize(locale, kind === 'kpi' ? 'outline.kpiTable' : 'outline.milestoneTable'),
      detail: table.header.map((c) => c.text).join(' | '),
      start: table.start,
      end: table.end,
      selection: header,
      children: [],
    });
  }
  items.sort((a, b) => a.start - b.start);
  for (const item of items) {
    const owner = ownerOf(item.start);
    if (owner) owner.children.push(item);
    else roots.push(item);
  }
  for (const { node } of byStart) node.children.sort((a, b) => a.start - b.start);
  return roots;
}

/** A section's end without the blank lines before the next heading. */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}
