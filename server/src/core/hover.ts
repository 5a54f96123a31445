import type { ReportAnalysis } from './analyze.js';
import { localize, type Locale } from './l10n.js';
import type { Span } from './model.js';

/** On a chapter heading: the slots it fills, whether the schema requires them, and the schema's guidance. */
export function provideHover(analysis: ReportAnalysis, offset: number, locale: Locale): { markdown: string; span: Span } | undefined {
  if (!analysis.isReport) return undefined;
  const chapter = analysis.chapters.find((c) => c.section.heading.start <= offset && offset <= c.section.heading.end);
  if (!chapter) return undefined;
  const { schema } = analysis;
  const lines = chapter.slots.length
    ? chapter.slots.flatMap((id) => {
        const slot = schema.slots.find((s) => s.id === id)!;
        const status = localize(locale, slot.required ? 'hover.required' : 'hover.optional');
        return [`**${slot.title[locale]}** \`${slot.id}\` — ${status}`, ...(slot.guidance ? ['', slot.guidance[locale]] : []), ''];
      })
    : [localize(locale, 'hover.noSlot'), ''];
  lines.push(localize(locale, 'hover.schema', { schema: schema.name[locale], id: schema.id }));
  return { markdown: lines.join('\n'), span: { start: chapter.section.heading.start, end: chapter.section.heading.end } };
}
