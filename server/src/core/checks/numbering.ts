import type { ReportDiagnostic } from '../diagnostics.js';
import { localize, type Locale } from '../l10n.js';
import type { Section } from '../model.js';
import { formatNumbering, numberingExamples, type Numbering, type NumberingStyle } from '../numbering.js';

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
  const checkSequence = (siblings: readonly Section[], parent: Section | undefined, style: NumberingStyle) => {
    const sample = siblings.find((s) => s.heading.numbering?.style === style)?.heading.numbering?.raw;
    const parentValues = parent?.heading.numbering?.values;
    // The replacement is written only for a heading with a problem: most are numbered right.
    const report = (section: Section, numbering: Numbering, expected: number, key: string, code: 'numbering' | 'duplicate-chapter' = 'numbering', args: Record<string, string> = {}) => {
      // A decimal number names its parent: 3.1 under 第三章, 3.1.2 under 3.1.
      const prefix = style === 'decimal' && parentValues ? parentValues : numbering.values.slice(0, -1);
      // A heading in another style still counts in the sequence: 第一章, 二、, 第三章 has one problem.
      const replacement = formatNumbering(style, [...prefix, expected], numbering.style === style ? numbering.raw : sample);
      // Without the number's own span (a number the source spells differently), report on the heading but
      // offer no replacement: writing it over the whole heading would delete the title.
      const located = section.heading.numberingSpan;
      diagnostics.push({
        code,
        severity: 'warning',
        ...(located ?? { start: section.heading.contentStart, end: section.heading.contentEnd }),
        message: localize(locale, key, { actual: numbering.raw, expected: replacement, ...args }),
        ...(located && { data: { kind: 'numbering' as const, replacement } }),
      });
    };
    let previous: number | undefined;
    for (const section of siblings) {
      const numbering = section.heading.numbering;
      if (!numbering) continue;
      const value = numbering.values[numbering.values.length - 1]!;
      const expected = previous === undefined ? 1 : previous + 1;
      const wrongParent =
        style === 'decimal' && numbering.style === style && parentValues !== undefined &&
        (numbering.values.length !== parentValues.length + 1 || parentValues.some((v, i) => numbering.values[i] !== v));
      if (numbering.style !== style) report(section, numbering, expected, 'numbering.mixed', 'numbering', { example: numberingExamples[style] });
      else if (wrongParent) report(section, numbering, expected, 'numbering.parent', 'numbering', { parent: parent!.heading.numbering!.raw });
      else if (previous !== undefined && value === previous) report(section, numbering, expected, parent ? 'numbering.repeat' : 'duplicateChapter.number', parent ? 'numbering' : 'duplicate-chapter');
      else if (value !== expected) report(section, numbering, expected, previous === undefined ? 'numbering.first' : 'numbering.gap');
      previous = value;
    }
  };
  const checkLevel = (siblings: readonly Section[], parent: Section | undefined) => {
    // Most sections have no subsections: a level without headings has nothing to count.
    if (siblings.length === 0) return;
    const style = dominantStyle(siblings);
    if (style !== undefined) checkSequence(siblings, parent, style);
    for (const section of siblings) checkLevel(section.sections, section);
  };
  checkLevel(chapters, undefined);
  return diagnostics;
}
