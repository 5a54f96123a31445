/**
 * Calendar dates as reports write them: 2024-03-31, 2024/3/31, 2024.3.31, 2024年3月31日, 2024年3月(底),
 * 2024年第二季度, Q2 2024, 30 September 2024, September 2024. A date is a stretch of days (a month is its
 * first to its last day), so "before" is certain only when one stretch ends before the other begins.
 */
import { parseChineseNumeral } from './numberingStyle.js';
import type { Span } from '../parse/model.js';

/** Days since 1970-01-01 (UTC) of the first and the last day the date covers. */
export interface CalendarDate {
  readonly first: number;
  readonly last: number;
}

export interface DateMatch extends Span {
  /** Undefined when the text is a date without a year (4月19日), or not a real day (2024-02-30). */
  readonly date: CalendarDate | undefined;
}

const dayMs = 86_400_000;

function day(year: number, month: number, date: number): number | undefined {
  if (month < 1 || month > 12 || date < 1) return undefined;
  const time = Date.UTC(year, month - 1, date);
  return new Date(time).getUTCDate() === date ? time / dayMs : undefined;
}

function months(year: number, from: number, to: number): CalendarDate | undefined {
  const first = day(year, from, 1);
  const next = to === 12 ? day(year + 1, 1, 1) : day(year, to + 1, 1);
  return first === undefined || next === undefined ? undefined : { first, last: next - 1 };
}

function single(year: number, month: number, date: number): CalendarDate | undefined {
  const d = day(year, month, date);
  return d === undefined ? undefined : { first: d, last: d };
}

const englishMonths = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const monthName = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?';

function englishMonth(name: string): number {
  return englishMonths.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}

/** A part of a month: 上旬 is days 1–10, 底 the last days… kept as the whole month, which is safe for ordering. */
const monthPart = '(?:底|末|初|中旬|上旬|下旬|中)?';
const quarterNumeral = '([1-4一二三四])';

interface Rule {
  readonly pattern: RegExp;
  readonly read: (m: RegExpExecArray) => CalendarDate | undefined;
}

const rules: readonly Rule[] = [
  // 2024-03-31, 2024/3/31, 2024.3.31
  { pattern: /(?<![\d.])(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?![\d])/gu, read: (m) => single(+m[1]!, +m[3]!, +m[4]!) },
  // 2024年3月31日, 2024年3月, 2024年3月底, 2024年第二季度, 2024年上半年, 2024年底, 2024年
  {
    pattern: new RegExp(`(?<!\\d)(\\d{4})\\s*年\\s*(?:(\\d{1,2})\\s*月\\s*(?:(\\d{1,2})\\s*[日号]|${monthPart})|第?${quarterNumeral}季度|([上下])半年|(底|末|初|年底|年末|年初|年中))?`, 'gu'),
    read: (m) => {
      const year = +m[1]!;
      if (m[2]) return m[3] ? single(year, +m[2], +m[3]) : months(year, +m[2], +m[2]);
      if (m[4]) {
        const q = parseChineseNumeral(m[4]);
        return months(year, q * 3 - 2, q * 3);
      }
      if (m[5]) return m[5] === '上' ? months(year, 1, 6) : months(year, 7, 12);
      if (m[6]) return /底|末/u.test(m[6]) ? months(year, 12, 12) : /初/u.test(m[6]) ? months(year, 1, 1) : months(year, 6, 7);
      return months(year, 1, 12);
    },
  },
  // 2024-03, 2024/3 (a month)
  { pattern: /(?<![\d.])(\d{4})[-/](\d{1,2})(?![\d/-])/gu, read: (m) => months(+m[1]!, +m[2]!, +m[2]!) },
  // Q2 2024, Q2-2024, 2024 Q2, 2024Q2
  {
    pattern: /(?<![A-Za-z0-9])(?:Q([1-4])[\s-]*(\d{4})|(\d{4})[\s-]*Q([1-4]))(?![A-Za-z0-9])/gu,
    read: (m) => {
      const q = +(m[1] ?? m[4]!);
      return months(+(m[2] ?? m[3]!), q * 3 - 2, q * 3);
    },
  },
  // 30 September 2024, 30th Sept. 2024
  {
    pattern: new RegExp(`(?<![A-Za-z0-9])(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName},?\\s+(\\d{4})(?![\\d])`, 'giu'),
    read: (m) => single(+m[3]!, englishMonth(m[2]!), +m[1]!),
  },
  // September 30, 2024
  {
    pattern: new RegExp(`(?<![A-Za-z])${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?![\\d])`, 'giu'),
    read: (m) => single(+m[3]!, englishMonth(m[1]!), +m[2]!),
  },
  // September 2024
  {
    pattern: new RegExp(`(?<![A-Za-z])${monthName}\\s+(\\d{4})(?![\\d])`, 'giu'),
    read: (m) => {
      const month = englishMonth(m[1]!);
      return months(+m[2]!, month, month);
    },
  },
  // 4月19日, 11月底, 9月 — no year: not a quantity, but not a date that can be ordered either.
  { pattern: new RegExp(`(?<![\\d年])(\\d{1,2})\\s*月\\s*(?:\\d{1,2}\\s*[日号]|${monthPart})`, 'gu'), read: () => undefined },
  // 30 Sep, September 30th — no year either (capitalised, so that "may 5" is no date).
  { pattern: new RegExp(`(?<![A-Za-z0-9])(\\d{1,2})(?:st|nd|rd|th)?\\s+${monthName}(?![A-Za-z])`, 'gu'), read: () => undefined },
  { pattern: new RegExp(`(?<![A-Za-z])${monthName}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d])`, 'gu'), read: () => undefined },
  // 第二季度 without a year
  { pattern: /第[1-4一二三四]季度/gu, read: () => undefined },
];

/** Every date in a text, longest first where two overlap; offsets are relative to `text` plus `offset`. */
export function findDates(text: string, offset = 0): DateMatch[] {
  const found: DateMatch[] = [];
  for (const { pattern, read } of rules) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (m[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      found.push({ start: offset + m.index, end: offset + m.index + m[0].trimEnd().length, date: read(m) });
    }
  }
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: DateMatch[] = [];
  for (const match of found) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end) continue;
    kept.push(match);
  }
  return kept;
}

/**
 * The date a table cell holds: exactly one date with a year, and nothing else but words (计划, 左右) and
 * punctuation around it. Undefined when the cell holds no such date or more than one.
 */
export function parseDate(cell: string): CalendarDate | undefined {
  const dates = findDates(cell);
  if (dates.length !== 1 || !dates[0]!.date) return undefined;
  const rest = cell.slice(0, dates[0]!.start) + cell.slice(dates[0]!.end);
  return /\d/u.test(rest) ? undefined : dates[0]!.date;
}

/** Whether `a` certainly lies before `b`: it ends before `b` begins. */
export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return a.last < b.first;
}

/** A day (days since 1970-01-01) as 2024-03-31. */
export function isoDay(day: number): string {
  return new Date(day * dayMs).toISOString().slice(0, 10);
}

/** 2024-03-31, or 2024-03 / 2024 for a date that covers a month or a year, for messages. */
export function formatDate(date: CalendarDate): string {
  const first = isoDay(date.first);
  const last = isoDay(date.last);
  if (first === last) return first;
  if (first.slice(0, 7) === last.slice(0, 7)) return first.slice(0, 7);
  return `${first} – ${last}`;
}
