import * as assert from 'node:assert/strict';
import {
  formatChineseNumeral,
  formatNumbering,
  parseChineseNumeral,
  parseNumbering,
  type NumberingStyle,
} from '../../server/src/core/index.js';

/** Written here independently of the engine: 1 → 一, 10 → 十, 17 → 十七, 40 → 四十, 99 → 九十九. */
const digits = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
function chineseUnder100(n: number): string {
  if (n < 10) return digits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : digits[tens]}十${ones === 0 ? '' : digits[ones]}`;
}

interface Form {
  readonly heading: string;
  readonly style: NumberingStyle;
  readonly values: readonly number[];
  readonly raw: string;
  /** What is left of the heading after the numbering and its separator. */
  readonly rest: string;
}

const forms: readonly Form[] = [
  { heading: '第一章 引言', style: 'chapter-zh', values: [1], raw: '第一章', rest: '引言' },
  { heading: '第1章 引言', style: 'chapter-zh', values: [1], raw: '第1章', rest: '引言' },
  { heading: '第十二章 附录', style: 'chapter-zh', values: [12], raw: '第十二章', rest: '附录' },
  { heading: '第九十九章 附录', style: 'chapter-zh', values: [99], raw: '第九十九章', rest: '附录' },
  { heading: '第三章：项目实施', style: 'chapter-zh', values: [3], raw: '第三章', rest: '项目实施' },
  { heading: '一、项目背景', style: 'enum-zh', values: [1], raw: '一、', rest: '项目背景' },
  { heading: '十一、附录', style: 'enum-zh', values: [11], raw: '十一、', rest: '附录' },
  { heading: '（一）项目背景', style: 'paren-zh', values: [1], raw: '（一）', rest: '项目背景' },
  { heading: '(二)项目目标', style: 'paren-zh', values: [2], raw: '(二)', rest: '项目目标' },
  { heading: '（1）项目背景', style: 'paren-arabic', values: [1], raw: '（1）', rest: '项目背景' },
  { heading: '(12) 附录', style: 'paren-arabic', values: [12], raw: '(12)', rest: '附录' },
  { heading: '2.1 项目范围与边界', style: 'decimal', values: [2, 1], raw: '2.1', rest: '项目范围与边界' },
  { heading: '2.1.3 接口规范', style: 'decimal', values: [2, 1, 3], raw: '2.1.3', rest: '接口规范' },
  { heading: '1. 项目背景', style: 'arabic', values: [1], raw: '1.', rest: '项目背景' },
  { heading: '1、项目背景', style: 'arabic', values: [1], raw: '1、', rest: '项目背景' },
  { heading: '1 项目背景', style: 'arabic', values: [1], raw: '1', rest: '项目背景' },
  { heading: '10. 附录', style: 'arabic', values: [10], raw: '10.', rest: '附录' },
  { heading: 'Chapter 1 Introduction', style: 'chapter-en', values: [1], raw: 'Chapter 1', rest: 'Introduction' },
  { heading: 'Chapter IV Results', style: 'chapter-en', values: [4], raw: 'Chapter IV', rest: 'Results' },
  { heading: 'chapter 9: Conclusion', style: 'chapter-en', values: [9], raw: 'chapter 9', rest: 'Conclusion' },
];

describe('parseNumbering', () => {
  for (const form of forms) {
    it(`reads ${JSON.stringify(form.heading)} as ${form.style} ${form.values.join('.')}`, () => {
      const numbering = parseNumbering(form.heading);
      assert.ok(numbering, 'no numbering found');
      assert.equal(numbering.style, form.style);
      assert.deepEqual(numbering.values, form.values);
      assert.equal(numbering.raw, form.raw);
      assert.equal(form.heading.slice(numbering.length), form.rest, 'length must cover the numbering and its separator');
    });
  }

  it('reads every chapter number 第一章 … 第九十九章 and 第一百零五章', () => {
    for (let n = 1; n <= 99; n++) {
      assert.deepEqual(parseNumbering(`第${chineseUnder100(n)}章 标题`)?.values, [n], `第${chineseUnder100(n)}章`);
    }
    assert.deepEqual(parseNumbering('第一百零五章 标题')?.values, [105]);
  });

  for (const text of ['2024年规划', '2024 年工作回顾', '2.5倍增长', '3.5%的增长', '2.1%', '1.2万元投入', '引言', '项目背景与目标', 'Q1 回顾', '100%完成', '1', 'Chapter one']) {
    it(`finds no numbering in ${JSON.stringify(text)}`, () => {
      assert.equal(parseNumbering(text), undefined);
    });
  }
});

describe('parseNumbering: quantities with a space (pangu spacing)', () => {
  it('finds no numbering in 2.5 倍增长 (a decimal followed by a unit)', () => {
    assert.equal(parseNumbering('2.5 倍增长'), undefined);
    assert.equal(parseNumbering('2024 年规划'), undefined);
  });

  it('finds no numbering in 3 倍增长, 2 万元投入, 5 年规划 or 3 月工作回顾', () => {
    for (const text of ['3 倍增长', '2 万元投入', '5 年规划', '3 月工作回顾']) assert.equal(parseNumbering(text), undefined, text);
  });
});

describe('parseChineseNumeral', () => {
  it('reads 一 … 九十九', () => {
    for (let n = 1; n <= 99; n++) assert.equal(parseChineseNumeral(chineseUnder100(n)), n, chineseUnder100(n));
  });

  it('reads hundreds, 两, 零/〇 and Arabic digits', () => {
    assert.equal(parseChineseNumeral('一百'), 100);
    assert.equal(parseChineseNumeral('一百零五'), 105);
    assert.equal(parseChineseNumeral('一百一十'), 110);
    assert.equal(parseChineseNumeral('三百二十一'), 321);
    assert.equal(parseChineseNumeral('两百'), 200);
    assert.equal(parseChineseNumeral('零'), 0);
    assert.equal(parseChineseNumeral('〇'), 0);
    assert.equal(parseChineseNumeral('12'), 12);
  });

  it('gives NaN for what is not a numeral', () => {
    assert.ok(Number.isNaN(parseChineseNumeral('')));
    assert.ok(Number.isNaN(parseChineseNumeral('abc')));
    assert.ok(Number.isNaN(parseChineseNumeral('第一')));
  });
});

describe('formatChineseNumeral', () => {
  it('writes 1 … 99 as 一 … 九十九', () => {
    for (let n = 1; n <= 99; n++) assert.equal(formatChineseNumeral(n), chineseUnder100(n));
  });

  it('writes 100, 105, 110 and 119 as 一百, 一百零五, 一百一十, 一百一十九', () => {
    assert.equal(formatChineseNumeral(100), '一百');
    assert.equal(formatChineseNumeral(105), '一百零五');
    assert.equal(formatChineseNumeral(110), '一百一十');
    assert.equal(formatChineseNumeral(119), '一百一十九');
  });

  it('round-trips through parseChineseNumeral up to 199', () => {
    for (let n = 0; n <= 199; n++) assert.equal(parseChineseNumeral(formatChineseNumeral(n)), n, `${n} → ${formatChineseNumeral(n)}`);
  });
});

describe('formatNumbering', () => {
  it('writes each style without a sample', () => {
    assert.equal(formatNumbering('chapter-zh', [7]), '第七章');
    assert.equal(formatNumbering('enum-zh', [3]), '三、');
    assert.equal(formatNumbering('paren-zh', [3]), '（三）');
    assert.equal(formatNumbering('paren-arabic', [3]), '（3）');
    assert.equal(formatNumbering('decimal', [3, 2]), '3.2');
    assert.equal(formatNumbering('arabic', [3]), '3.');
    assert.equal(formatNumbering('chapter-en', [3]), 'Chapter 3');
  });

  it('keeps the form of the sample: Arabic digits in 第…章, half-width parentheses, 、 after a digit', () => {
    assert.equal(formatNumbering('chapter-zh', [7], '第3章'), '第7章');
    assert.equal(formatNumbering('chapter-zh', [7], '第三节'), '第七节');
    assert.equal(formatNumbering('paren-zh', [3], '(一)'), '(三)');
    assert.equal(formatNumbering('paren-arabic', [3], '(1)'), '(3)');
    assert.equal(formatNumbering('arabic', [3], '1、'), '3、');
    assert.equal(formatNumbering('chapter-en', [3], 'Part 1'), 'Part 3');
  });

  it('keeps Roman numerals of the sample: Chapter I → Chapter II', () => {
    assert.equal(formatNumbering('chapter-en', [2], 'Chapter I'), 'Chapter II');
    assert.equal(formatNumbering('chapter-en', [9], 'Chapter IV'), 'Chapter IX');
  });

  it('keeps a bare Arabic number bare: 1 → 2, not 2.', () => {
    assert.equal(formatNumbering('arabic', [2], '1'), '2');
  });

  it('writes every parsed form back as it was written, given itself as the sample', () => {
    for (const form of forms) {
      const numbering = parseNumbering(form.heading)!;
      assert.equal(formatNumbering(numbering.style, numbering.values, numbering.raw), numbering.raw, form.heading);
    }
  });

  it('writes numbers that parse back to the same style and values', () => {
    const styles: readonly [NumberingStyle, readonly number[]][] = [
      ['chapter-zh', [12]],
      ['enum-zh', [21]],
      ['paren-zh', [5]],
      ['paren-arabic', [5]],
      ['decimal', [4, 10]],
      ['decimal', [1, 2, 3]],
      ['arabic', [8]],
      ['chapter-en', [6]],
    ];
    for (const [style, values] of styles) {
      const written = formatNumbering(style, values);
      const parsed = parseNumbering(`${written} 标题`);
      assert.equal(parsed?.style, style, written);
      assert.deepEqual(parsed?.values, values, written);
    }
    for (const form of forms) {
      const numbering = parseNumbering(form.heading)!;
      const next = [...numbering.values.slice(0, -1), numbering.values[numbering.values.length - 1]! + 1];
      const written = formatNumbering(numbering.style, next, numbering.raw);
      const parsed = parseNumbering(`${written} 标题`);
      assert.equal(parsed?.style, numbering.style, `${form.heading} → ${written}`);
      assert.deepEqual(parsed?.values, next, `${form.heading} → ${written}`);
    }
  });
});
