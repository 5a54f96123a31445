import type { ReportAnalysis } from '../analyze.js';
import { dominantStyle } from '../report/numberingStyle.js';
import type { Locale } from '../report/l10n.js';
import { formatNumbering, type NumberingStyle } from '../report/numberingStyle.js';
import type { SlotDefinition, TableKindName } from '../schema/types.js';
import { tableHeaders } from '../report/tableKinds.js';

/** How a document numbers its chapters: a style and an example of it as written. */
export interface ChapterNumbering {
  readonly style: NumberingStyle;
  readonly sample: string;
}

export function defaultNumbering(language: Locale): ChapterNumbering {
  return language === 'zh-cn' ? { style: 'chapter-zh', sample: '第一章' } : { style: 'arabic', sample: '1.' };
}

/** The document's chapter numbering; undefined when its chapters are not numbered. */
export function chapterNumbering(analysis: ReportAnalysis, language: Locale): ChapterNumbering | undefined {
  const chapters = analysis.model.chapters;
  if (chapters.length === 0) return defaultNumbering(language);
  const style = dominantStyle(chapters);
  if (style === undefined) return undefined;
  const sample = chapters.find((c) => c.heading.numbering?.style === style)!.heading.numbering!.raw;
  return { style, sample };
}

/** `第七章 经验教训`, `7. Lessons Learned`, or the bare title when chapters are not numbered. */
export function chapterTitle(slot: SlotDefinition, language: Locale, numbering: ChapterNumbering | undefined, number: number): string {
  const title = slot.title[language];
  return numbering ? `${formatNumbering(numbering.style, [number], numbering.sample)} ${title}` : title;
}

/** A Markdown table with the tool's headers and the given rows (one empty row when none). */
export function tableMarkdown(kind: TableKindName, language: Locale, rows: readonly (readonly string[])[] = []): string {
  const headers = tableHeaders[kind][language];
  const body = rows.length ? rows : [headers.map(() => ' ')];
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...body.map((r) => line(headers.map((_, i) => r[i] ?? ' ')))].join('\n');
}

export interface ChapterBlockOptions {
  readonly slot: SlotDefinition;
  readonly language: Locale;
  readonly depth: number;
  readonly numbering: ChapterNumbering | undefined;
  readonly number: number;
  /** Write the slot's usual sections (the skeleton), or only the heading and guidance (a quick fix). */
  readonly sections: boolean;
  readonly tables: readonly TableKindName[];
}

/** A chapter as Markdown: heading, guidance as an HTML comment, then the tables and sections asked for. */
export function chapterBlock(options: ChapterBlockOptions): string {
  const { slot, language, depth, numbering, number } = options;
  const parts = [`${'#'.repeat(depth)} ${chapterTitle(slot, language, numbering, number)}`];
  if (slot.guidance) parts.push(`<!-- ${slot.guidance[language]} -->`);
  for (const kind of options.tables) parts.push(tableMarkdown(kind, language));
  if (options.sections) {
    slot.sections.forEach((section, i) => {
      const prefix = numbering ? `${formatNumbering('decimal', [number, i + 1])} ` : '';
      parts.push(`${'#'.repeat(depth + 1)} ${prefix}${section[language]}`);
    });
  }
  return `${parts.join('\n\n')}\n\n`;
}
