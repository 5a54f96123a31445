import type { ReportDiagnostic, Severity } from '../report/diagnostics.js';
import { localize, type Locale } from '../report/l10n.js';
import type { Section, Span } from '../parse/model.js';
import { normalizeTitle, readerFor, sectionCoverage, slotRanks } from '../schema/recognize.js';
import { emptySections, precedingChapter, type ClassifiedChapter, type CoveredSlot, type MissingChapter } from '../report/chapters.js';
import type { ChapterSchema } from '../schema/types.js';

function headingLabel(chapter: ClassifiedChapter): string {
  return chapter.section.heading.text;
}

function slotLabel(schema: ChapterSchema, id: string, language: Locale): string {
  return schema.slots.find((s) => s.id === id)?.title[language] ?? id;
}

/**
 * The required slots no chapter fills: missing, unless a section inside another chapter names the slot
 * (### 5.3 经验与不足), which covers it.
 */
export function findMissingChapters(
  schema: ChapterSchema,
  chapters: readonly ClassifiedChapter[],
  documentEnd: number,
): { missing: MissingChapter[]; covered: CoveredSlot[] } {
  const present = new Set(chapters.flatMap((c) => c.slots));
  const missing: MissingChapter[] = [];
  const covered: CoveredSlot[] = [];
  const reader = readerFor(schema);
  for (const slot of schema.slots) {
    if (!slot.required || present.has(slot.id)) continue;
    const coverage = sectionCoverage(reader, chapters.map((c) => c.section), slot.id);
    if (coverage) {
      covered.push({ slot, ...coverage });
      continue;
    }
    const afterIndex = precedingChapter(schema, chapters, slot.id);
    const after = afterIndex >= 0 ? chapters[afterIndex] : undefined;
    const before = chapters[afterIndex + 1];
    missing.push({ slot, after, before, insertAt: before ? before.section.start : documentEnd });
  }
  return { missing, covered };
}

/** A note for each required slot covered by a section only: at most information (a setting may silence it). */
export function checkCoveredSlots(covered: readonly CoveredSlot[], severity: Severity | 'off', locale: Locale, language: Locale): ReportDiagnostic[] {
  if (severity === 'off') return [];
  return covered.map(({ slot, section, chapter }) => ({
    code: 'covered-by-section',
    severity,
    start: section.heading.start,
    end: section.heading.end,
    message: localize(locale, 'coveredBySection', { chapter: slot.title[language], section: section.heading.text, parent: chapter.heading.text }),
    data: { kind: 'covered-by-section', slot: slot.id },
  }));
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
 * the first chapter filling `a` and before the first filling `b`. The others: the longest chain of chapters
 * in order stays, and each chapter outside it is reported — on a tie, the earlier one (a results chapter
 * put before the implementation is what stands out, not the implementation after it).
 */
export function checkChapterOrder(schema: ChapterSchema, chapters: readonly ClassifiedChapter[], locale: Locale, language: Locale): ReportDiagnostic[] {
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

  chapters.forEach((chapter, position) => {
    for (const slot of chapter.slots.filter((s) => floating.has(s))) {
      const [afterId, beforeId] = floating.get(slot)!;
      const afterAt = afterId === null ? -1 : firstFilling(afterId);
      const beforeAt = beforeId === null ? -1 : firstFilling(beforeId);
      if (afterAt > position) report(chapter, slot, chapters[afterAt]!, afterId!, 'chapterOrder.after');
      else if (beforeAt >= 0 && beforeAt < position) report(chapter, slot, chapters[beforeAt]!, beforeId!, 'chapterOrder.before');
    }
  });

  const ranks = slotRanks(schema);
  const placed = chapters
    .map((chapter) => {
      const own = chapter.slots.filter((s) => ranks.has(s));
      if (own.length === 0) return undefined;
      const values = own.map((s) => ranks.get(s)!);
      const low = Math.min(...values);
      const high = Math.max(...values);
      return { chapter, low, high, lowSlot: own[values.indexOf(low)]!, highSlot: own[values.indexOf(high)]! };
    })
    .filter((p) => p !== undefined);
  const kept = orderedChain(placed, ranks.size === 0 ? 0 : Math.max(...ranks.values()) + 1);
  // The chain is in document order: one pointer finds each chapter's neighbours in it.
  let after = 0;
  placed.forEach((item, i) => {
    while (after < kept.length && kept[after]! < i) after++;
    if (kept[after] === i) return;
    const previous = after > 0 ? kept[after - 1] : undefined;
    const next = kept[after];
    if (previous !== undefined && item.low < placed[previous]!.high) {
      report(item.chapter, item.lowSlot, placed[previous]!.chapter, placed[previous]!.highSlot, 'chapterOrder.before');
    } else if (next !== undefined) {
      report(item.chapter, item.highSlot, placed[next]!.chapter, placed[next]!.lowSlot, 'chapterOrder.after');
    }
  });
  return diagnostics.sort((a, b) => a.start - b.start);
}

/**
 * The indices, ascending, of the longest chain of items in order (each item's `low` at least the `high`
 * before it), preferring later items on a tie. Ranks are few (a schema's slots), so this is linear in the items.
 */
function orderedChain(items: readonly { readonly low: number; readonly high: number }[], rankCount: number): number[] {
  const length = new Array<number>(items.length).fill(0);
  const successor = new Array<number>(items.length).fill(-1);
  // Per rank: the longest chain found so far starting at an item whose low is that rank, and that item.
  const byLow: { length: number; index: number }[] = Array.from({ length: rankCount }, () => ({ length: 0, index: -1 }));
  for (let i = items.length - 1; i >= 0; i--) {
    const { low, high } = items[i]!;
    let best = { length: 0, index: -1 };
    for (let r = high; r < rankCount; r++) {
      const candidate = byLow[r]!;
      if (candidate.length > best.length || (candidate.length === best.length && candidate.index > best.index)) best = candidate;
    }
    length[i] = best.length + 1;
    successor[i] = best.index;
    // Scanning from the end, the first item of a length is the latest: keep it on a tie.
    if (length[i]! > byLow[low]!.length) byLow[low] = { length: length[i]!, index: i };
  }
  let start = -1;
  for (let i = 0; i < items.length; i++) if (start < 0 || length[i]! >= length[start]!) start = i;
  const chain: number[] = [];
  for (let i = start; i >= 0; i = successor[i]!) chain.push(i);
  return chain;
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
