/** The chapter structure the analysis and the structure rules share: the slots missing or covered, and labels. */
import type { Locale } from '../report/l10n.js';
import { readerFor, sectionCoverage } from '../schema/recognize.js';
import { precedingChapter, type ClassifiedChapter, type CoveredSlot, type MissingChapter } from '../report/chapters.js';
import type { ChapterSchema } from '../schema/types.js';

/** How a message names a chapter: its heading as written. */
export function headingLabel(chapter: ClassifiedChapter): string {
  return chapter.section.heading.text;
}

/** How a message names a slot: its title in the report's language. */
export function slotLabel(schema: ChapterSchema, id: string, language: Locale): string {
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
