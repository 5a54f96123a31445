import type { ReportDiagnostic } from '../diagnostics.js';
import { localize, type Locale } from '../l10n.js';
import type { Section } from '../model.js';
import { formatNumbering, numberingExamples, type NumberingStyle } from '../numbering.js';

/** The style most siblings use; on a tie, the first one's. */
export function dominantStyle(sections: readonly Section[]): NumberingStyle | undefined {
  const counts = new Map<NumberingStyle, number>();
  for (const s of sections) if (s.heading.numbering) counts.set(s.heading.numbering.style, (counts.get(s.heading.numbering.style) ?? 0) + 1);
  let best: NumberingStyle | undefined;
  for (const [style, count] of counts) if (best === undefined || count > counts.get(best)!) best = style;
  return best;
}

/**
 * Numbering of one level: styles agree, numbers run 1, 2, 3 without gaps or repeats, and decimal numbers
 * carry their parent's number (3.1 belongs under 第三章). Chapter numbers used twice are
 * `duplicate-chapter`; every other problem is `numbering`. Each diagnostic carries the expected number.
 */
export function checkNumbering(chapters: readonly Section[], locale: Locale): ReportDiagnostic[] {
  const diagnostics: ReportDiagnostic[] = [];
  const checkLevel = (siblings: readonly Section[], parent: Section | undefined) => {
    const style = dominantStyle(siblings);
    const sample = siblings.find((s) => s.heading.numbering?.style === style)?.heading.numbering?.raw;
    const parentValues = parent?.heading.numbering?.values;
    let previous: number | undefined;
    for (const section of siblings) {
      const numbering = section.heading.numbering;
      if (!numbering || style === undefined) continue;
      // Without the number's own span (a number the source spells differently), report on the heading but
      // offer no replacement: writing it over the whole heading would delete the title.
      const located = section.heading.numberingSpan;
      const span = located ?? { start: section.heading.contentStart, end: section.heading.contentEnd };
      const report = (key: string, replacement: string, code: 'numbering' | 'duplicate-chapter' = 'numbering', args: Record<string, string> = {}) =>
        diagnostics.push({
          code,
          severity: 'warning',
          ...span,
          message: localize(locale, key, { actual: numbering.raw, expected: replacement, ...args }),
          ...(located && { data: { kind: 'numbering' as const, replacement } }),
        });
      const value = numbering.values[numbering.values.length - 1]!;
      const expected = previous === undefined ? 1 : previous + 1;
      // A decimal number names its parent: 3.1 under 第三章, 3.1.2 under 3.1.
      const prefix = style === 'decimal' && parentValues ? parentValues : numbering.values.slice(0, -1);
      const expectedValues = [...prefix, expected];
      // A heading in another style still counts in the sequence: 第一章, 二、, 第三章 has one problem.
      const replacement = formatNumbering(style, expectedValues, numbering.style === style ? numbering.raw : sample);
      const wrongParent =
        style === 'decimal' && numbering.style === style && parentValues !== undefined &&
        (numbering.values.length !== parentValues.length + 1 || parentValues.some((v, i) => numbering.values[i] !== v));
      if (numbering.style !== style) report('numbering.mixed', replacement, 'numbering', { example: numberingExamples[style] });
      else if (wrongParent) report('numbering.parent', replacement, 'numbering', { parent: parent!.heading.numbering!.raw });
      else if (previous !== undefined && value === previous) report(parent ? 'numbering.repeat' : 'duplicateChapter.number', replacement, parent ? 'numbering' : 'duplicate-chapter');
      else if (value !== expected) report(previous === undefined ? 'numbering.first' : 'numbering.gap', replacement);
      previous = value;
    }
    for (const section of siblings) checkLevel(section.sections, section);
  };
  checkLevel(chapters, undefined);
  return diagnostics;
}
