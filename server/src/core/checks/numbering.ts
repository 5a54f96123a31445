import type { DiagnosticData } from '../report/diagnostics.js';
import type { Section, Span } from '../parse/model.js';
import { dominantOf, formatNumbering, numberingExamples, type Numbering, type NumberingStyle } from '../report/numberingStyle.js';
import type { RuleContext } from './rule.js';

/**
 * A heading numbered wrong, as the walk finds it: the `numbering` rule reports those of its code, the
 * `duplicate-chapter` rule the chapter numbers used twice.
 */
export interface NumberingFinding extends Span {
  readonly code: 'numbering' | 'duplicate-chapter';
  readonly key: string;
  readonly args: Readonly<Record<string, string>>;
  readonly data?: DiagnosticData;
}

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
  findings: NumberingFinding[],
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
  const span = located ?? { start: section.heading.contentStart, end: section.heading.contentEnd };
  const message = { key, args: { actual: numbering.raw, expected: replacement, ...args } };
  findings.push({ code, start: span.start, end: span.end, ...message, ...(located && { data: { kind: 'numbering' as const, replacement } }) });
}

function checkSequence(findings: NumberingFinding[], level: Level, numberings: readonly (Numbering | undefined)[]): void {
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
    if (numbering.style !== style) report(findings, level, section, numbering, expected, 'numbering.mixed', 'numbering', { example: numberingExamples[style] });
    else if (wrongParent) report(findings, level, section, numbering, expected, 'numbering.parent', 'numbering', { parent: parent!.heading.numbering!.raw });
    else if (previous !== undefined && value === previous) {
      report(findings, level, section, numbering, expected, parent ? 'numbering.repeat' : 'duplicateChapter.number', parent ? 'numbering' : 'duplicate-chapter');
    } else if (value !== expected) report(findings, level, section, numbering, expected, previous === undefined ? 'numbering.first' : 'numbering.gap');
    previous = value;
  }
}

function checkLevel(findings: NumberingFinding[], siblings: readonly Section[], parent: Section | undefined): void {
  // Most sections have no subsections: a level without headings has nothing to count.
  if (siblings.length === 0) return;
  // Each heading's numbering is read once, for both passes: on a long report, reading the headings is most
  // of what this check costs.
  const numberings = siblings.map((s) => s.heading.numbering);
  const style = dominantOf(numberings);
  if (style !== undefined) checkSequence(findings, { siblings, parent, style }, numberings);
  for (const section of siblings) checkLevel(findings, section.sections, section);
}

/** The walk's findings are shared by the two rules that report them: the key of the analysis' cache. */
const findingsKey = {};

/**
 * Numbering of one level: styles agree, numbers run 1, 2, 3 without gaps or repeats, and decimal numbers
 * carry their parent's number (3.1 belongs under 第三章). Chapter numbers used twice are
 * `duplicate-chapter`; every other problem is `numbering`. Each finding carries the expected number.
 */
export function numberingFindings(context: RuleContext): readonly NumberingFinding[] {
  return context.shared(findingsKey, () => {
    const findings: NumberingFinding[] = [];
    checkLevel(findings, context.model.chapters, undefined);
    return findings;
  });
}
