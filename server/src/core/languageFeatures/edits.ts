import type { ReportAnalysis } from '../analyze.js';
import { dominantStyle } from '../report/numberingStyle.js';
import type { ReportModel, Section } from '../parse/model.js';
import { appendAll } from '../report/limits.js';
import { formatNumbering } from '../report/numberingStyle.js';
import { precedingChapter } from '../report/chapters.js';
import type { TableKindName } from '../schema/types.js';
import { classifyTable } from '../report/tableKinds.js';
import { chapterBlock, chapterNumbering, type ChapterNumbering } from './writing.js';

/** A replacement of `[start, end)` by `newText`, in document offsets. */
export interface TextEditLike {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

/** Gives a chapter the number `value`, and its decimal sections (3.1, 3.1.2) the same first number. */
function renumberChapter(chapter: Section, value: number): TextEditLike[] {
  const edits: TextEditLike[] = [];
  const numbering = chapter.heading.numbering;
  if (numbering && chapter.heading.numberingSpan) {
    edits.push({ ...chapter.heading.numberingSpan, newText: formatNumbering(numbering.style, [value], numbering.raw) });
  }
  const pending = [...chapter.sections];
  while (pending.length) {
    const section = pending.pop()!;
    appendAll(pending, section.sections);
    const n = section.heading.numbering;
    if (n?.style === 'decimal' && section.heading.numberingSpan && n.values[0] !== value) {
      edits.push({ ...section.heading.numberingSpan, newText: formatNumbering('decimal', [value, ...n.values.slice(1)]) });
    }
  }
  return edits;
}

/**
 * A chapter that follows one numbered `previous` keeps its number unless it would clash (is not greater);
 * then it takes `previous + 1`, its decimal sections too. Returns the chapter's number after the edits.
 * Chapters in another style, and every chapter when the document is not numbered, are left alone.
 */
function followChapter(chapter: Section, numbering: ChapterNumbering | undefined, previous: number, edits: TextEditLike[]): number {
  const own = chapter.heading.numbering;
  if (!numbering || own?.style !== numbering.style) return previous;
  const value = own.values[0]!;
  if (value > previous) return value;
  appendAll(edits, renumberChapter(chapter, previous + 1));
  return previous + 1;
}

export interface InsertChaptersOptions {
  /** Write the slots' usual sections and tables (Insert Chapter Skeleton), or heading and guidance only (quick fix). */
  readonly full: boolean;
}

/**
 * Inserts chapters for the given slots where the schema puts them, numbered in the document's style. A
 * following chapter whose number would clash is renumbered (with its decimal sections); other existing
 * numbers are kept, so re-inserting a deleted 第七章 between 第六章 and 第八章 changes nothing else.
 */
export function insertChapters(analysis: ReportAnalysis, slots: readonly string[], options: InsertChaptersOptions): TextEditLike[] {
  const { model } = analysis;
  const language = analysis.language;
  const numbering = chapterNumbering(analysis, language);
  const missing = analysis.missing.filter((m) => slots.includes(m.slot.id));
  const optional = analysis.schema.slots.filter((s) => slots.includes(s.id) && !missing.some((m) => m.slot.id === s.id));
  const placed = [
    ...missing.map((m) => ({ slot: m.slot, after: m.after ? analysis.chapters.indexOf(m.after) : -1 })),
    ...optional.map((slot) => ({ slot, after: precedingChapter(analysis.schema, analysis.chapters, slot.id) })),
  ];
  const schemaOrder = new Map(analysis.schema.slots.map((s, i) => [s.id, i]));
  placed.sort((a, b) => a.after - b.after || schemaOrder.get(a.slot.id)! - schemaOrder.get(b.slot.id)!);

  const existingTables = new Set<TableKindName>(model.tables.map(classifyTable).filter((k): k is TableKindName => k === 'kpi' || k === 'milestone'));
  const depth = model.chapterDepth ?? 2;
  const edits: TextEditLike[] = [];
  let previous = 0;
  let next = 0;
  const insertBlocks = (upTo: number) => {
    const blocks: string[] = [];
    while (next < placed.length && placed[next]!.after < upTo) {
      const { slot } = placed[next++]!;
      previous += 1;
      const tables = options.full ? slot.tables.filter((kind) => !existingTables.has(kind)) : [];
      tables.forEach((kind) => existingTables.add(kind));
      blocks.push(chapterBlock({ slot, language, depth, numbering, number: previous, sections: options.full, tables }));
    }
    return blocks.join('');
  };
  const chapters = model.chapters;
  for (let i = 0; i <= chapters.length; i++) {
    const text = insertBlocks(i);
    const at = i < chapters.length ? chapters[i]!.start : model.text.length;
    if (text) edits.push({ start: at, end: at, newText: i < chapters.length ? text : separatorBefore(model, at) + text.replace(/\n+$/, '\n') });
    if (i === chapters.length) break;
    previous = followChapter(chapters[i]!, numbering, previous, edits);
  }
  return edits;
}

/** A chapter written at a place of the document: its number and the edits that keep the numbering free of clashes. */
export interface ChapterPlacement {
  /** One after the last chapter before the place that is numbered in the document's style (1 when none is). */
  readonly number: number;
  /** Renumbers the chapters after the place whose numbers would clash, as insertChapters does. */
  readonly edits: readonly TextEditLike[];
}

/**
 * Numbers a chapter whose heading line starts at `at` (completion writes one there) in the document's
 * `numbering`. A chapter already starting at `at` is the heading being typed: it is replaced, so it counts
 * neither as before nor as after.
 */
export function placeChapter(analysis: ReportAnalysis, numbering: ChapterNumbering | undefined, at: number): ChapterPlacement {
  const chapters = analysis.model.chapters;
  const before = chapters.filter((c) => c.start < at).map((c) => c.heading.numbering).filter((n) => n && n.style === numbering?.style);
  const number = (before.at(-1)?.values[0] ?? 0) + 1;
  const edits: TextEditLike[] = [];
  let previous = number;
  for (const chapter of chapters) if (chapter.start > at) previous = followChapter(chapter, numbering, previous, edits);
  return { number, edits };
}

/** Blank lines needed before text appended at the end of the document. */
function separatorBefore(model: ReportModel, at: number): string {
  if (at === 0) return '';
  const tail = model.text.slice(Math.max(0, at - 2), at);
  return tail.endsWith('\n\n') ? '' : tail.endsWith('\n') ? '\n' : '\n\n';
}

/**
 * Renumbers every numbered heading in sequence: chapters 1, 2, 3 in their dominant style; sections
 * per parent, decimal ones carrying their parent's new number. Headings in another style are left alone.
 */
export function renumberAll(model: ReportModel, within?: Section): TextEditLike[] {
  const edits: TextEditLike[] = [];
  const pending: { siblings: readonly Section[]; prefix: readonly number[] | undefined }[] = [];
  if (within) {
    const values = within.heading.numbering?.values;
    pending.push({ siblings: within.sections, prefix: values });
  } else {
    pending.push({ siblings: model.chapters, prefix: undefined });
  }
  while (pending.length) {
    const { siblings, prefix } = pending.pop()!;
    const style = dominantStyle(siblings);
    let counter = 0;
    for (const section of siblings) {
      const numbering = section.heading.numbering;
      let values = numbering?.values;
      if (numbering && numbering.style === style) {
        counter += 1;
        const expected = style === 'decimal' && prefix ? [...prefix, counter] : [...numbering.values.slice(0, -1), counter];
        const text = formatNumbering(style, expected, numbering.raw);
        if (text !== numbering.raw && section.heading.numberingSpan) edits.push({ ...section.heading.numberingSpan, newText: text });
        values = style === 'decimal' ? expected : [counter];
      }
      pending.push({ siblings: section.sections, prefix: values });
    }
  }
  return edits.sort((a, b) => a.start - b.start);
}
