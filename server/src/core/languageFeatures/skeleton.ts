import type { Locale } from '../report/l10n.js';
import type { ChapterSchema, TableKindName } from '../schema/types.js';
import { chapterBlock, defaultNumbering } from './writing.js';

const untitled: Record<Locale, string> = { 'zh-cn': 'XX项目总结报告', en: 'XX Project Closure Report' };

/**
 * A whole report to start from: front matter naming the schema, a title, every chapter of the schema
 * with its guidance and usual sections, and each table kind once, in the first chapter that lists it.
 * The title is a placeholder on purpose, so the Problems panel asks for it.
 */
export function buildSkeleton(schema: ChapterSchema, language: Locale): string {
  const title = untitled[language];
  const numbering = defaultNumbering(language);
  const written = new Set<TableKindName>();
  const chapters = schema.slots.map((slot, i) => {
    const tables = slot.tables.filter((kind) => !written.has(kind));
    tables.forEach((kind) => written.add(kind));
    return chapterBlock({ slot, language, depth: 2, numbering, number: i + 1, sections: true, tables });
  });
  return `---\nschema: ${schema.id}\ntitle: ${title}\n---\n\n# ${title}\n\n${chapters.join('').replace(/\n+$/, '\n')}`;
}
