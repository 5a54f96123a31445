import type { ReportDiagnostic } from '../diagnostics.js';
import { localize, type Locale } from '../l10n.js';
import type { Section, Span } from '../model.js';
import { normalizeTitle } from '../schema/classify.js';
import type { ChapterSchema, SlotDefinition } from '../schema/types.js';

/** A chapter with the slots its title fills. */
export interface ClassifiedChapter {
  readonly section: Section;
  readonly slots: readonly string[];
}

/** A required chapter the report lacks, and where it belongs. */
export interface MissingChapter {
  readonly slot: SlotDefinition;
  /** Where to insert it: the start of the chapter it should precede, or the end of the document. */
  readonly insertAt: number;
  readonly after: ClassifiedChapter | undefined;
  readonly before: ClassifiedChapter | undefined;
}

function headingLabel(chapter: ClassifiedChapter): string {
  return chapter.section.heading.text;
}

function slotLabel(schema: ChapterSchema, id: string, language: Locale): string {
  return schema.slots.find((s) => s.id === id)?.title[language] ?? id;
}

/** Positions of the slots in the schema's order. */
function slotIndex(schema: ChapterSchema): Map<string, number> {
  return new Map(schema.slots.map((slot, index) => [slot.id, index]));
}

/** Index of the chapter a slot's chapter belongs after: the last one filling an earlier slot (-1: first). */
export function precedingChapter(schema: ChapterSchema, chapters: readonly ClassifiedChapter[], slot: string): number {
  const index = slotIndex(schema);
  const own = index.get(slot)!;
  for (let i = chapters.length - 1; i >= 0; i--) if (chapters[i]!.slots.some((s) => index.get(s)! < own)) return i;
  return -1;
}

export function findMissingChapters(schema: ChapterSchema, chapters: readonly ClassifiedChapter[], documentEnd: number): MissingChapter[] {
  const present = new Set(chapters.flatMap((c) => c.slots));
  const missing: MissingChapter[] = [];
  for (const slot of schema.slots) {
    if (!slot.required || present.has(slot.id)) continue;
    const afterIndex = precedingChapter(schema, chapters, slot.id);
    const after = afterIndex >= 0 ? chapters[afterIndex] : undefined;
    const before = chapters[afterIndex + 1];
    missing.push({ slot, after, before, insertAt: before ? before.section.start : documentEnd });
  }
  return missing;
}

export function checkMissingChapters(
  schema: ChapterSchema,
  missing: readonly MissingChapter[],
  fallback: Span,
  locale: Locale,
  language: Locale,
): ReportDiagnostic[] {
  return missing.map(({ slot, after, before, insertAt }) => {
    const anchor = after ?? before;
    const span = anchor ? { start: anchor.section.heading.start, end: anchor.section.heading.end } : fallback;
    // The chapter is named in the report's language, the rest of the message in the writer's.
    const args = { chapter: slot.title[language], schema: schema.name[locale] };
    const message = after
      ? localize(locale, 'missingChapter.after', { ...args, after: headingLabel(after) })
      : before
        ? localize(locale, 'missingChapter.before', { ...args, before: headingLabel(before) })
        : localize(locale, 'missingChapter.none', args);
    return { code: 'missing-chapter', severity: 'warning', ...span, message, data: { kind: 'missing-chapter', slot: slot.id, insertAt } };
  });
}

/**
 * Chapters must follow the schema's slot order. A slot with `between: [a, b]` may stand anywhere after
 * the first chapter filling `a` and before the first filling `b`; the others are checked in sequence.
 */
export function checkChapterOrder(schema: ChapterSchema, chapters: readonly ClassifiedChapter[], locale: Locale, language: Locale): ReportDiagnostic[] {
  const index = slotIndex(schema);
  const floating = new Map(schema.slots.filter((s) => s.between).map((s) => [s.id, s.between!]));
  // Where each slot is first filled, found in one pass: asked of every chapter with a floating slot, a search
  // through all the chapters for a slot none fills made this quadratic.
  const firstFillings = new Map<string, number>();
  chapters.forEach((chapter, i) => {
    for (const slot of chapter.slots) if (!firstFillings.has(slot)) firstFillings.set(slot, i);
  });
  const firstFilling = (id: string) => firstFillings.get(id) ?? -1;
  const diagnostics: ReportDiagnostic[] = [];
  const report = (chapter: ClassifiedChapter, slot: string, other: ClassifiedChapter, otherSlot: string, key: string) =>
    diagnostics.push({
      code: 'chapter-order',
      severity: 'warning',
      start: chapter.section.heading.start,
      end: chapter.section.heading.end,
      message: localize(locale, key, {
        chapter: headingLabel(chapter),
        slot: slotLabel(schema, slot, language),
        other: headingLabel(other),
        otherSlot: slotLabel(schema, otherSlot, language),
      }),
    });

  let highest: { chapter: ClassifiedChapter; slot: string; rank: number } | undefined;
  chapters.forEach((chapter, position) => {
    const ordered = chapter.slots.filter((s) => !floating.has(s));
    for (const slot of chapter.slots.filter((s) => floating.has(s))) {
      const [afterId, beforeId] = floating.get(slot)!;
      const afterAt = afterId === null ? -1 : firstFilling(afterId);
      const beforeAt = beforeId === null ? -1 : firstFilling(beforeId);
      if (afterAt > position) report(chapter, slot, chapters[afterAt]!, afterId!, 'chapterOrder.after');
      else if (beforeAt >= 0 && beforeAt < position) report(chapter, slot, chapters[beforeAt]!, beforeId!, 'chapterOrder.before');
    }
    if (ordered.length === 0) return;
    const ranks = ordered.map((s) => index.get(s)!);
    const low = Math.min(...ranks);
    const high = Math.max(...ranks);
    if (highest && high < highest.rank) {
      report(chapter, ordered[ranks.indexOf(high)]!, highest.chapter, highest.slot, 'chapterOrder.before');
    } else if (!highest || low > highest.rank) {
      highest = { chapter, slot: ordered[ranks.indexOf(low)]!, rank: low };
    }
  });
  return diagnostics;
}

/** The same chapter title twice. (The same chapter number twice is reported by the numbering check.) */
export function checkDuplicateTitles(chapters: readonly ClassifiedChapter[], locale: Locale): ReportDiagnostic[] {
  const seen = new Map<string, ClassifiedChapter>();
  const diagnostics: ReportDiagnostic[] = [];
  for (const chapter of chapters) {
    const key = normalizeTitle(chapter.section.heading.title);
    if (key === '') continue;
    const first = seen.get(key);
    if (first) {
      diagnostics.push({
        code: 'duplicate-chapter',
        severity: 'warning',
        start: chapter.section.heading.start,
        end: chapter.section.heading.end,
        message: localize(locale, 'duplicateChapter.title', { chapter: headingLabel(chapter), first: headingLabel(first) }),
      });
    } else {
      seen.set(key, chapter);
    }
  }
  return diagnostics;
}

/** A heading with nothing under it (HTML comments, such as skeleton guidance, do not count). */
/** Sections (and chapters) with neither text nor subsections of their own: what is still to be written. */
export function emptySections(chapters: readonly Section[]): Section[] {
  const empty: Section[] = [];
  const pending = [...chapters].reverse();
  while (pending.length) {
    const section = pending.pop()!;
    if (!section.hasContent && section.sections.length === 0) empty.push(section);
    for (let i = section.sections.length - 1; i >= 0; i--) pending.push(section.sections[i]!);
  }
  return empty;
}

/**
 * One empty section is named where it is; several (a fresh skeleton has twenty) are one to-do note on the
 * first of them, and the Report Checklist lists them all.
 */
export function checkEmptySections(chapters: readonly Section[], locale: Locale): ReportDiagnostic[] {
  const empty = emptySections(chapters);
  const first = empty[0];
  if (!first) return [];
  const message = empty.length === 1
    ? localize(locale, 'emptySection', { heading: first.heading.text })
    : localize(locale, 'emptySection.many', { count: empty.length, heading: first.heading.text });
  return [{ code: 'empty-section', severity: 'information', start: first.heading.start, end: first.heading.end, message }];
}
