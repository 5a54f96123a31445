/**
 * Chapters as the layers share them: what schema/recognize.ts decides a chapter fills (and why), what the
 * structure checks find missing or covered, and where a chapter of a slot belongs. Kept here, below the
 * schema, goal and check layers, so that none of them imports another to name a chapter.
 */
import type { Section } from '../parse/model.js';
import type { ChapterSchema, SlotDefinition } from '../schema/types.js';

/** Why a chapter fills its slots: its heading's terms and what lies beneath it, for the hover. */
export interface SlotEvidence {
  readonly slot: string;
  readonly kind: 'heading' | 'section' | 'kpi-table' | 'milestone-table' | 'goal-statements' | 'position';
  /** The term, the section's heading, or nothing for a table or a position. */
  readonly text: string;
  readonly weight: number;
  /** Where it stands: the section's or the table's start. */
  readonly at: number | undefined;
}

/** A chapter with the slots it fills and the evidence for them. */
export interface RecognizedChapter {
  readonly section: Section;
  readonly slots: readonly string[];
  readonly evidence: readonly SlotEvidence[];
}

/** The name the checks and the goal engine use for a recognized chapter. */
export type ClassifiedChapter = RecognizedChapter;

/** A required slot with no chapter of its own, covered by a section inside another chapter. */
export interface CoveredSlot {
  readonly slot: SlotDefinition;
  readonly section: Section;
  /** The chapter the section stands in. */
  readonly chapter: Section;
}

/** A required chapter the report lacks, and where it belongs. */
export interface MissingChapter {
  readonly slot: SlotDefinition;
  /** Where to insert it: the start of the chapter it should precede, or the end of the document. */
  readonly insertAt: number;
  readonly after: ClassifiedChapter | undefined;
  readonly before: ClassifiedChapter | undefined;
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
