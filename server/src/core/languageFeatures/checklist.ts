import type { ReportAnalysis } from '../analyze.js';
import { emptySections } from '../report/chapters.js';
import type { Locale } from '../report/l10n.js';
import type { Span } from '../parse/model.js';

export interface ChecklistChapter extends Span {
  readonly title: string;
}

/** One slot of the schema: is it there, where, and how many placeholders are left in it. */
export interface ChecklistItem {
  readonly slot: string;
  readonly title: string;
  readonly required: boolean;
  readonly present: boolean;
  readonly chapters: readonly ChecklistChapter[];
  readonly placeholders: number;
  /** Sections of its chapters (or the chapters themselves) with nothing written yet: the to-do list. */
  readonly emptySections: readonly ChecklistChapter[];
}

export interface Checklist {
  readonly isReport: boolean;
  readonly schema: { readonly id: string; readonly name: string };
  readonly items: readonly ChecklistItem[];
  /** Placeholders in the whole document, including outside chapters. */
  readonly placeholders: number;
  readonly missingRequired: number;
}

export function buildChecklist(analysis: ReportAnalysis, locale: Locale): Checklist {
  const { schema, placeholders } = analysis;
  const countIn = (span: Span) => placeholders.filter((p) => p.start >= span.start && p.end <= span.end).length;
  const empty = emptySections(analysis.model.chapters);
  const headingOf = (section: (typeof empty)[number]): ChecklistChapter => ({ title: section.heading.text, start: section.heading.start, end: section.heading.end });
  const items = schema.slots.map((slot): ChecklistItem => {
    const chapters = analysis.chapters.filter((c) => c.slots.includes(slot.id));
    return {
      slot: slot.id,
      title: slot.title[analysis.language],
      required: slot.required,
      present: chapters.length > 0,
      chapters: chapters.map((c) => headingOf(c.section)),
      placeholders: chapters.reduce((sum, c) => sum + countIn(c.section), 0),
      emptySections: empty.filter((e) => chapters.some((c) => e.start >= c.section.start && e.start < c.section.end)).map(headingOf),
    };
  });
  return {
    isReport: analysis.isReport,
    schema: { id: schema.id, name: schema.name[locale] },
    items,
    placeholders: placeholders.length,
    missingRequired: analysis.missing.length,
  };
}
