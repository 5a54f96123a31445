/**
 * Heading numbering: `第三章`, `三、`, `（三）`, `3.`, `3 `, `3.1`, `Chapter 3`. The parser returns the
 * numbers and the style; the checks decide what is wrong with a sequence of them.
 */
export type NumberingStyle =
  | 'chapter-zh' // 第一章 / 第1章
  | 'enum-zh' // 一、
  | 'paren-zh' // （一） / (一)
  | 'paren-arabic' // （1） / (1)
  | 'decimal' // 2.1 / 2.1.3
  | 'arabic' // 1. / 1、 / 1 (followed by a space)
  | 'chapter-en'; // Chapter 1 / Chapter I

export interface Numbering {
  readonly style: NumberingStyle;
  /** 1.2.3 → [1, 2, 3]; every other style has one value. */
  readonly values: readonly number[];
  /** The numbering as written: `第三章`, `三、`, `（三）`, `3.1`, `Chapter 3`. */
  readonly raw: string;
  /** Length of the prefix including the separator, in UTF-16 code units. */
  readonly length: number;
}

const zhDigits: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const zhUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105, 12 → 12; NaN when it is not a numeral. */
export function parseChineseNumeral(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text.length === 0) return Number.NaN;
  let total = 0;
  let digit = -1;
  for (const ch of text) {
    if (ch in zhDigits) {
      digit = zhDigits[ch]!;
    } else if (ch in zhUnits) {
      total += (digit < 0 ? 1 : digit) * zhUnits[ch]!;
      digit = -1;
    } else {
      return Number.NaN;
    }
  }
  return total + (digit < 0 ? 0 : digit);
}

const zhNumeral = '[零〇一二两三四五六七八九十百千]+';
const roman: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };

function parseRoman(text: string): number {
  let total = 0;
  for (let i = 0; i < text.length; i++) {
    const value = roman[text[i]!]!;
    const next = roman[text[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

const separator = '[\\s\\u3000]*[、.．:：\\-—]?[\\s\\u3000]*';

interface Rule {
  readonly style: NumberingStyle;
  readonly pattern: RegExp;
  readonly values: (match: RegExpExecArray) => number[];
}

const rules: readonly Rule[] = [
  {
    style: 'chapter-zh',
    pattern: new RegExp(`^(第[\\s]*(${zhNumeral}|\\d+)[\\s]*[章篇部分节]+)${separator}`, 'u'),
    values: (m) => [parseChineseNumeral(m[2]!)],
  },
  {
    style: 'chapter-en',
    pattern: new RegExp(`^((?:chapter|part|section)\\s+(\\d+|[IVXLC]+))\\b${separator}`, 'iu'),
    values: (m) => [/^\d+$/.test(m[2]!) ? Number(m[2]) : parseRoman(m[2]!.toUpperCase())],
  },
  {
    style: 'paren-zh',
    pattern: new RegExp(`^([（(](${zhNumeral})[）)])[\\s\\u3000]*[、.．]?[\\s\\u3000]*`, 'u'),
    values: (m) => [parseChineseNumeral(m[2]!)],
  },
  {
    style: 'paren-arabic',
    pattern: /^([（(](\d+)[）)])[\s\u3000]*[、.．]?[\s\u3000]*/u,
    values: (m) => [Number(m[2])],
  },
  {
    style: 'enum-zh',
    pattern: new RegExp(`^((${zhNumeral})[、.．])[\\s\\u3000]*`, 'u'),
    values: (m) => [parseChineseNumeral(m[2]!)],
  },
  {
    // 2.1, 2.1.3, 2.1. — at least two numbers; not a decimal quantity such as "2.5倍".
    style: 'decimal',
    pattern: /^((\d{1,3}(?:[.．]\d{1,3})+)[.．]?)(?:[\s\u3000]+|(?=[^\d.．%‰\s]))(?![倍万亿元%‰])/u,
    values: (m) => m[2]!.split(/[.．]/u).map(Number),
  },
  {
    // 1. / 1、 / 1．, or "1 " followed by text; never a year like "2024年", nor "3 倍增长" or "5 年规划".
    style: 'arabic',
    pattern: /^((\d{1,3})(?:[.、．](?!\d)|(?=[\s\u3000])))[\s\u3000]*(?=\S)(?![倍万亿元年月日号%％‰个])/u,
    values: (m) => [Number(m[2])],
  },
];

/** The numbering at the start of a heading's text, or undefined when it has none. */
export function parseNumbering(headingText: string): Numbering | undefined {
  for (const rule of rules) {
    const match = rule.pattern.exec(headingText);
    if (!match) continue;
    const values = rule.values(match);
    if (values.some((v) => !Number.isFinite(v))) continue;
    return { style: rule.style, values, raw: match[1]!, length: match[0].length };
  }
  return undefined;
}

const zhNames = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一, 105 → 一百零五. */
export function formatChineseNumeral(value: number): string {
  if (value < 10) return zhNames[value]!;
  if (value < 20) return `十${value % 10 ? zhNames[value % 10] : ''}`;
  if (value < 100) return `${zhNames[Math.floor(value / 10)]}十${value % 10 ? zhNames[value % 10] : ''}`;
  const rest = value % 100;
  const hundreds = `${zhNames[Math.floor(value / 100)]}百`;
  if (rest === 0) return hundreds;
  return rest < 10 ? `${hundreds}零${zhNames[rest]}` : `${hundreds}${rest < 20 ? '一' : ''}${formatChineseNumeral(rest)}`;
}

const romanDigits: readonly [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];

function formatRoman(value: number): string {
  let rest = value;
  let text = '';
  for (const [amount, letters] of romanDigits) {
    while (rest >= amount) {
      text += letters;
      rest -= amount;
    }
  }
  return text;
}

/** One example of each style, as messages show it and as the template when a document has none. */
export const numberingExamples: Readonly<Record<NumberingStyle, string>> = {
  'chapter-zh': '第一章',
  'enum-zh': '一、',
  'paren-zh': '（一）',
  'paren-arabic': '（1）',
  decimal: '1.1',
  arabic: '1.',
  'chapter-en': 'Chapter 1',
};

/**
 * Writes a numbering in a style: ('chapter-zh', [7]) → 第七章, ('decimal', [3, 2]) → 3.2. `sample`, an
 * existing numbering of the document, is used as the template, so its form is kept: Arabic digits in
 * 第1章, half-width parentheses, `3、` rather than `3.`, Roman numerals in Chapter IV.
 */
export function formatNumbering(style: NumberingStyle, values: readonly number[], sample?: string): string {
  const template = sample ?? numberingExamples[style];
  if (style === 'decimal') return `${values.join('.')}${/[.．]$/u.test(template) ? template.slice(-1) : ''}`;
  const n = values[values.length - 1]!;
  return template.replace(/[零〇一二两三四五六七八九十百千]+|\d+|\b[IVXLC]+\b/u, (numeral) =>
    /\d/.test(numeral) ? String(n) : /[IVXLC]/.test(numeral) ? formatRoman(n) : formatChineseNumeral(n),
  );
}

/** The style most siblings use; on a tie, the first one's. */
export function dominantStyle(sections: readonly { readonly heading: { readonly numbering: Numbering | undefined } }[]): NumberingStyle | undefined {
  return dominantOf(sections.map((s) => s.heading.numbering));
}

/** The style most of `numberings` have; on a tie, the first one's. */
export function dominantOf(numberings: readonly (Numbering | undefined)[]): NumberingStyle | undefined {
  // Parallel arrays rather than a Map: a level holds one or two styles, and the check runs once per level.
  const styles: NumberingStyle[] = [];
  const counts: number[] = [];
  for (const numbering of numberings) {
    if (!numbering) continue;
    const i = styles.indexOf(numbering.style);
    if (i < 0) {
      styles.push(numbering.style);
      counts.push(1);
    } else counts[i]!++;
  }
  let best = 0;
  for (let i = 1; i < counts.length; i++) if (counts[i]! > counts[best]!) best = i;
  return styles[best];
}
