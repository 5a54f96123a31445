import type { ReportAnalysis } from '../analyze.js';
import { placeChapter, type TextEditLike } from './edits.js';
import { findGoalStatements } from './goalStatements.js';
import { localize, textLanguage, type Locale } from '../report/l10n.js';
import type { Section, Span } from '../parse/model.js';
import { formatNumbering } from '../report/numberingStyle.js';
import type { TableKindName } from '../schema/types.js';
import { tableHeaders, tableKindsNamedBy } from '../report/tableKinds.js';
import { chapterNumbering, chapterTitle, tableMarkdown } from './writing.js';

export interface CompletionProposal {
  readonly kind: 'chapter' | 'section' | 'table';
  readonly label: string;
  readonly detail: string;
  /** Markdown shown beside the list: what will be inserted, and why. */
  readonly documentation: string;
  readonly insertText: string;
  readonly isSnippet: boolean;
  /** The text the proposal replaces. */
  readonly replace: Span;
  /** Edits elsewhere that accepting the proposal makes too: a chapter renumbers the later ones it would clash with. */
  readonly additionalEdits: readonly TextEditLike[];
  readonly sortText: string;
}

function lineAt(text: string, offset: number): Span {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const newline = text.indexOf('\n', offset);
  const end = newline < 0 ? text.length : text[newline - 1] === '\r' ? newline - 1 : newline;
  return { start, end };
}

/** The innermost section containing an offset, and its chapter. */
function enclosing(chapters: readonly Section[], offset: number): { chapter: Section | undefined; section: Section | undefined } {
  const chapter = chapters.find((c) => c.start <= offset && offset < c.end) ?? (chapters.length && offset >= chapters[chapters.length - 1]!.start ? chapters[chapters.length - 1] : undefined);
  let section = chapter;
  while (section) {
    const inner: Section | undefined = section.sections.find((s) => s.start <= offset && offset <= s.end);
    if (!inner) break;
    section = inner;
  }
  return { chapter, section };
}

const escapeSnippet = (text: string) => text.replace(/[$}\\]/g, (c) => `\\${c}`);

/**
 * Proposals at an offset: on a chapter heading line the chapters the report lacks (required ones first),
 * numbered in the document's style as the next chapter there, later chapters renumbered where they would
 * clash; the chapter's usual sections on a section heading line; and on an empty line the tables the
 * chapter calls for — a KPI table prefilled with the goals the report states.
 */
export function provideCompletions(analysis: ReportAnalysis, offset: number, locale: Locale): CompletionProposal[] {
  if (!analysis.isReport) return [];
  const { model } = analysis;
  const line = lineAt(model.text, offset);
  const lineText = model.text.slice(line.start, line.end);
  const heading = /^(#{1,6})(?:[ \t]+|$)/.exec(lineText);
  if (heading && offset >= line.start + heading[1]!.length) {
    const replace = { start: line.start + heading[0].length, end: line.end };
    const depth = heading[1]!.length;
    // The heading being typed does not count: it has no title yet.
    const others = model.headings.filter((h) => h !== model.titleHeading && h.start !== line.start);
    const chapterDepth = others.length ? others.reduce((depth, h) => Math.min(depth, h.depth), 6) : 2;
    if (depth === chapterDepth) return chapterProposals(analysis, line, replace, locale);
    if (depth === chapterDepth + 1) return sectionProposals(analysis, line, replace, locale);
    return [];
  }
  if (lineText.trim() !== '') return [];
  return tableProposals(analysis, offset, { start: line.start, end: line.end }, locale);
}

function chapterProposals(analysis: ReportAnalysis, line: Span, replace: Span, locale: Locale): CompletionProposal[] {
  const language = analysis.language;
  const numbering = chapterNumbering(analysis, language);
  const placement = placeChapter(analysis, numbering, line.start);
  // The heading being typed is replaced: its own slot is not in the report yet.
  const present = new Set(analysis.chapters.filter((c) => c.section.start !== line.start).flatMap((c) => c.slots));
  return analysis.schema.slots.flatMap((slot, index): CompletionProposal[] => {
    if (present.has(slot.id)) return [];
    const state = slot.required ? 'missing' : 'absent';
    const label = chapterTitle(slot, language, numbering, placement.number);
    return [{
      kind: 'chapter',
      label,
      detail: localize(locale, `completion.chapter.${state}`),
      documentation: [`\`${slot.id}\``, ...(slot.guidance ? [slot.guidance[language]] : [])].join(' — '),
      insertText: label,
      isSnippet: false,
      replace,
      additionalEdits: placement.edits,
      sortText: `${state === 'missing' ? 0 : 1}${String(index).padStart(3, '0')}`,
    }];
  });
}

function sectionProposals(analysis: ReportAnalysis, line: Span, replace: Span, locale: Locale): CompletionProposal[] {
  const chapter = analysis.chapters.find((c) => c.section.start < line.start && line.start < c.section.end);
  if (!chapter) return [];
  const language = analysis.language;
  const chapterNumber = chapter.section.heading.numbering?.values[0];
  const siblings = chapter.section.sections.filter((s) => s.start < line.start).length;
  return chapter.slots.flatMap((id) => analysis.schema.slots.find((s) => s.id === id)?.sections ?? []).map((section, index) => {
    const prefix = chapterNumber !== undefined ? `${formatNumbering('decimal', [chapterNumber, siblings + 1])} ` : '';
    const label = `${prefix}${section[language]}`;
    return {
      kind: 'section',
      label,
      detail: localize(locale, 'completion.section', { chapter: chapter.section.heading.text }),
      documentation: label,
      insertText: label,
      isSnippet: false,
      replace,
      additionalEdits: [],
      sortText: String(index).padStart(3, '0'),
    };
  });
}

function tableProposals(analysis: ReportAnalysis, offset: number, replace: Span, locale: Locale): CompletionProposal[] {
  const { chapter, section } = enclosing(analysis.model.chapters, offset);
  if (!chapter) return [];
  const classified = analysis.chapters.find((c) => c.section === chapter);
  const kinds = new Set<TableKindName>(
    (classified?.slots ?? []).flatMap((id) => analysis.schema.slots.find((s) => s.id === id)?.tables ?? []),
  );
  const titles = `${chapter.heading.title} ${section?.heading.title ?? ''}`;
  for (const kind of tableKindsNamedBy(titles)) kinds.add(kind);
  const language = textLanguage(titles, analysis.language);
  const proposals: CompletionProposal[] = [];
  if (kinds.has('kpi')) {
    const goals = findGoalStatements(analysis);
    const rows = goals.length
      ? goals.map((g) => [g.label, '', g.target ?? '', '', '', ''])
      : [['', '', '', '', '', '']];
    let stop = 0;
    const snippetRows = rows.map((cells) =>
      `| ${cells.map((cell) => `\${${++stop}:${escapeSnippet(cell)}}`).join(' | ')} |`,
    );
    const headers = tableHeaders.kpi[language];
    proposals.push({
      kind: 'table',
      label: language === 'zh-cn' ? 'KPI 指标表' : 'KPI table',
      detail: goals.length ? localize(locale, 'completion.kpiTable.goals', { count: goals.length }) : localize(locale, 'completion.kpiTable'),
      documentation: `\`\`\`markdown\n${tableMarkdown('kpi', language, rows)}\n\`\`\``,
      insertText: [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, ...snippetRows].join('\n'),
      isSnippet: true,
      replace,
      additionalEdits: [],
      sortText: '0',
    });
  }
  if (kinds.has('milestone')) {
    const headers = tableHeaders.milestone[language];
    const example = language === 'zh-cn'
      ? ['启动与规划', 'YYYY-MM-DD', 'YYYY-MM-DD', 'YYYY-MM-DD', '项目章程批准', '已完成']
      : ['Initiation', 'YYYY-MM-DD', 'YYYY-MM-DD', 'YYYY-MM-DD', 'Charter approved', 'Done'];
    let stop = 0;
    const row = `| ${example.map((cell) => `\${${++stop}:${escapeSnippet(cell)}}`).join(' | ')} |`;
    proposals.push({
      kind: 'table',
      label: language === 'zh-cn' ? '里程碑表' : 'Milestone table',
      detail: localize(locale, 'completion.milestoneTable'),
      documentation: `\`\`\`markdown\n${tableMarkdown('milestone', language, [example])}\n\`\`\``,
      insertText: [`| ${headers.join(' | ')} |`, `| ${headers.map(() => '---').join(' | ')} |`, row].join('\n'),
      isSnippet: true,
      replace,
      additionalEdits: [],
      sortText: '1',
    });
  }
  return proposals;
}
