import type { ReportDiagnostic } from '../diagnostics.js';
import { localize, type Locale } from '../l10n.js';
import type { Section } from '../model.js';
import { formatNumbering, type NumberingStyle } from '../numbering.js';

const styleNames: Record<NumberingStyle, string> = {
  'chapter-zh': '第一章',
  'enum-zh': '一、',
  'paren-zh': '（一）',
  'paren-arabic': '（1）',
  decimal: '1.1',
  arabic: '1.',
  'chapter-en': 'Chapter 1',
};

/** The style most siblings use; on a tie, the first one's. */
function dominantStyle(sections: readonly Section[]): NumberingStyle | undefined {
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
    const parentValues = parent?.heading.numbering?.values;
    let previous: number | undefined;
    for (const section of siblings) {
      const numbering = section.heading.numbering;
      if (!numbering || style === undefined) continue;
      const span = section.heading.numberingSpan ?? { start: section.heading.contentStart, end: section.heading.contentEnd };
      if (numbering.style !== style) {
        diagnostics.push({
          code: 'numbering',
          severity: 'warning',
          ...span,
          message: localize(locale, 'numbering.mixed', { actual: numbering.raw, expected: styleNames[style] }),
        });
        continue;
      }
      const value = numbering.values[numbering.values.length - 1]!;
      const expected = previous === undefined ? 1 : previous + 1;
      // A decimal number names its parent: 3.1 under 第三章, 3.1.2 under 3.1.
      const prefix = style === 'decimal' && parentValues ? parentValues : numbering.values.slice(0, -1);
      const expectedValues = [...prefix, expected];
      const replacement = formatNumbering(style, expectedValues, numbering.raw);
      const wrongParent =
        style === 'decimal' && parentValues !== undefined &&
        (numbering.values.length !== parentValues.length + 1 || parentValues.some((v, i) => numbering.values[i] !== v));
      if (wrongParent) {
        diagnostics.push({
          code: 'numbering',
          severity: 'warning',
          ...span,
          message: localize(locale, 'numbering.parent', { actual: numbering.raw, parent: parent!.heading.numbering!.raw, expected: replacement }),
          data: { kind: 'numbering', replacement },
        });
      } else if (previous !== undefined && value === previous) {
        diagnostics.push({
          code: parent ? 'numbering' : 'duplicate-chapter',
          severity: 'warning',
          ...span,
          message: localize(locale, parent ? 'numbering.repeat' : 'duplicateChapter.number', { actual: numbering.raw, expected: replacement }),
          data: { kind: 'numbering', replacement },
        });
      } else if (value !== expected) {
        diagnostics.push({
          code: 'numbering',
          severity: 'warning',
          ...span,
          message: localize(locale, previous === undefined ? 'numbering.first' : 'numbering.gap', { actual: numbering.raw, expected: replacement }),
          data: { kind: 'numbering', replacement },
        });
      }
      previous = value;
    }
    for (const section of siblings) checkLevel(section.sections, section);
  };
  checkLevel(chapters, undefined);
  return diagnostics;
}
