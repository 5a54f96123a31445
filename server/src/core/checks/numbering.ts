import type { ReportDiagnostic } from '../report/diagnostics.js';
import { localize, type Locale } from '../report/l10n.js';
import type { Section } from '../parse/model.js';
import { dominantOf, formatNumbering, numberingExamples, type Numbering, type NumberingStyle } from '../report/numberingStyle.js';

/** One level of sections under the same parent, numbered in the dominant `style`. */
interface Level {
  readonly siblings: readonly Section[];
  readonly parent: Section | undefined;
  readonly style: NumberingStyle;
}

/** Whether a decimal number does not carry its parent's number (3.1 belongs under 第三章, 3.1.2 under 3.1). */
function underWrongParent(values: readonly number[], parentValues: readonly number[]): boolean {
  if (values.length !== parentValues.length + 1) return true;
  for (let i = 0; i < parentValues.length; i++) if (values[i] !== parentValues[i]) return true;
  return false;
}

/** The replacement is written only for a heading with a problem: most are numbered right. */
function report(
  diagnostics: ReportDiagnostic[],
  locale: Locale,
  { siblings, parent, style }: Level,
  section: Section,
  numbering: Numbering,
  expected: number,
  key: string,
  code: 'numbering' | 'duplicate-chapter' = 'numbering',
  args: Record<string, string> = {},
): void {
  const parentValues = parent?.heading.numbering?.values;
  // A decimal number names its parent: 3.1 under 第三章, 3.1.2 under 3.1.
  const prefix = style === 'decimal' && parentValues ? parentValues : numbering.values.slice(0, -1);
  // A heading in another style still counts in the sequence: 第一章, 二、, 第三章 has one problem.
  const sample = numbering.style === style ? numbering.raw : siblings.find((s) => s.heading.numbering?.style === style)?.heading.numbering?.raw;
  const replacement = formatNumbering(style, [...prefix, expected], sample);
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
}

function checkSequence(diagnostics: ReportDiagnostic[], locale: Locale, level: Level, numberings: readonly (Numbering | undefined)[]): void {
  const { siblings, parent, style } = level;
  const parentValues = parent?.heading.numbering?.values;
  let previous: number | undefined;
  for (let i = 0; i < siblings.length; i++) {
    const numbering = numberings[i];
    if (!numbering) continue;
    const section = siblings[i]!;
    const value = numbering.values[numbering.values.length - 1]!;
    const expected = previous === undefined ? 1 : previous + 1;
    const wrongParent = style === 'decimal' && numbering.style === style && parentValues !== undefined && underWrongParent(numbering.values, parentValues);
    if (numbering.style !== style) report(diagnostics, locale, level, section, numbering, expected, 'numbering.mixed', 'numbering', { example: numberingExamples[style] });
    else if (wrongParent) report(diagnostics, locale, level, section, numbering, expected, 'numbering.parent', 'numbering', { parent: parent!.heading.numbering!.raw });
    else if (previous !== undefined && value === previous) {
      report(diagnostics, locale, level, section, numbering, expected, parent ? 'numbering.repeat' : 'duplicateChapter.number', parent ? 'numbering' : 'duplicate-chapter');
    } else if (value !== expected) report(diagnostics, locale, level, section, numbering, expected, previous === undefined ? 'numbering.first' : 'numbering.gap');
    previous = value;
  }
}

function checkLevel(diagnostics: ReportDiagnostic[], locale: Locale, siblings: readonly Section[], parent: Section | undefined): void {
  // Most sections have no subsections: a level without headings has nothing to count.
  if (siblings.length === 0) return;
  // Each heading's numbering is read once, for both passes: on a long report, reading the headings is most
  // of what this check costs.
  const numberings = siblings.map((s) => s.heading.numbering);
  const style = dominantOf(numberings);
  if (style !== undefined) checkSequence(diagnostics, locale, { siblings, parent, style }, numberings);
  for (const section of siblings) checkLevel(diagnostics, locale, section.sections, section);
}

/**
 * Numbering of one level: styles agree, numbers run 1, 2, 3 without gaps or repeats, and decimal numbers
 * carry their parent's number (3.1 belongs under 第三章). Chapter numbers used twice are
 * `duplicate-chapter`; every other problem is `numbering`. Each diagnostic carries the expected number.
 */
export function checkNumbering(chapters: readonly Section[], locale: Locale): ReportDiagnostic[] {
  const diagnostics: ReportDiagnostic[] = [];
  checkLevel(diagnostics, locale, chapters, undefined);
  return diagnostics;
}
