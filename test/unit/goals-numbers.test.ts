/**
 * Figures, units and dates as the goal engine reads them (server/src/core/goals/numbers.ts, dates.ts).
 */
import * as assert from 'node:assert/strict';
import { compatibleUnits, findDates, findQuantities, parseDate, type Quantity } from '../../server/src/core/index.js';

/** What a test expects of a figure: only the fields it names are compared. */
interface Expected {
  text: string;
  value?: number | undefined;
  unit?: string;
  dimension?: string;
  factor?: number;
  range?: { min: number; max: number };
  bound?: 'at-least' | 'at-most';
  approximate?: boolean;
  placeholder?: boolean;
  vague?: boolean;
}

function shape(q: Quantity, expected: Expected): Expected {
  const actual: Record<string, unknown> = { text: q.text };
  for (const key of Object.keys(expected) as (keyof Expected)[]) {
    if (key === 'text') continue;
    if (key === 'unit') actual.unit = q.unit.symbol;
    else if (key === 'dimension') actual.dimension = q.unit.dimension;
    else if (key === 'factor') actual.factor = q.unit.factor;
    else actual[key] = q[key as keyof Quantity];
  }
  return actual as unknown as Expected;
}

function assertFigures(sentence: string, expected: Expected[]): void {
  const found = findQuantities(sentence);
  assert.equal(found.length, expected.length, `${sentence}: ${found.map((q) => q.text).join(' / ')}`);
  found.forEach((q, i) => {
    assert.deepEqual(shape(q, expected[i]!), expected[i], sentence);
    assert.equal(sentence.slice(q.start, q.end), q.text, 'the span is where the figure is written');
  });
}

describe('goals: numbers', () => {
  const cases: readonly (readonly [string, string, Expected[]])[] = [
    ['thousands separators and decimals', '销售额1,200.5万元，另有1，200台', [
      { text: '1,200.5万元', value: 1200.5, unit: '万元', dimension: 'currency-CNY', factor: 10000 },
      { text: '1，200台', value: 1200, dimension: 'count:台' },
    ]],
    ['万 and 亿 multipliers', '投资3.5万元和2亿元，覆盖3.5万人次', [
      { text: '3.5万元', value: 3.5, factor: 10000, dimension: 'currency-CNY' },
      { text: '2亿元', value: 2, factor: 100000000, dimension: 'currency-CNY' },
      { text: '3.5万人次', value: 3.5, factor: 10000, dimension: 'count:人次' },
    ]],
    ['Chinese numerals before a unit', '三个工作日、两周、十五天、一周内', [
      { text: '三个工作日', value: 3, dimension: 'workday' },
      { text: '两周', value: 2, dimension: 'duration', factor: 604800 },
      { text: '十五天', value: 15, dimension: 'duration', factor: 86400 },
      { text: '一周内', value: 1, dimension: 'duration', bound: 'at-most' },
    ]],
    ['百分之 as per cent', '百分之五十的门店', [{ text: '百分之五十', value: 50, dimension: 'percent' }]],
    ['classifiers of sessions and wells', '举办培训班 46 期，新打机井 120 眼', [
      { text: '46 期', value: 46, dimension: 'count:期' },
      { text: '120 眼', value: 120, dimension: 'count:眼' },
    ]],
    ['energy in kWh, MWh, GWh and TWh', 'Net export of 67,900 MWh against 68 GWh', [
      { text: '67,900 MWh', value: 67900, dimension: 'energy', factor: 1000 },
      { text: '68 GWh', value: 68, dimension: 'energy', factor: 1000000 },
    ]],
    ['emissions as tonnes of CO2 equivalent', 'avoided 3.41 ktCO2e against 3,500 tCO2e; 减排 1,200 吨二氧化碳', [
      { text: '3.41 ktCO2e', value: 3.41, dimension: 'mass', factor: 1000000 },
      { text: '3,500 tCO2e', value: 3500, dimension: 'mass', factor: 1000 },
      { text: '1,200 吨二氧化碳', value: 1200, dimension: 'mass', factor: 1000 },
    ]],
    ['per cent and percentage points are different units', '提升15%，增长了3个百分点，约12％', [
      { text: '15%', dimension: 'percent' },
      { text: '3个百分点', dimension: 'percentage-point' },
      { text: '12％', dimension: 'percent', approximate: true },
    ]],
    ['currency symbols and codes', '$1.2M, €2.5 million, USD 300, ¥800, 3.5 million yuan, EUR 40', [
      { text: '$1.2M', value: 1.2, dimension: 'currency-USD', factor: 1000000 },
      { text: '€2.5 million', value: 2.5, dimension: 'currency-EUR', factor: 1000000 },
      { text: 'USD 300', value: 300, dimension: 'currency-USD' },
      { text: '¥800', value: 800, dimension: 'currency-CNY' },
      { text: '3.5 million yuan', value: 3.5, dimension: 'currency-CNY', factor: 1000000 },
      { text: 'EUR 40', value: 40, dimension: 'currency-EUR' },
    ]],
    ['durations in Chinese', '2秒、30分钟、4小时、5天、3个工作日、6个月、2年、500毫秒', [
      { text: '2秒', factor: 1 },
      { text: '30分钟', factor: 60 },
      { text: '4小时', factor: 3600 },
      { text: '5天', factor: 86400 },
      { text: '3个工作日', dimension: 'workday' },
      { text: '6个月', dimension: 'calendar-month', factor: 1 },
      { text: '2年', dimension: 'calendar-month', factor: 12 },
      { text: '500毫秒', dimension: 'duration', factor: 0.001 },
    ]],
    ['durations in English', '45 minutes, 2 days or less, 3 weeks, 5 working days, 200ms', [
      { text: '45 minutes', factor: 60 },
      { text: '2 days or less', factor: 86400, bound: 'at-most' },
      { text: '3 weeks', factor: 604800 },
      { text: '5 working days', dimension: 'workday' },
      { text: '200ms', factor: 0.001 },
    ]],
    ['counts and physical units', '38个接口、15家经销商、600 m³/h、3.5GB、45人天', [
      { text: '38个', dimension: 'count' },
      { text: '15家', dimension: 'count:家' },
      { text: '600 m³/h', value: 600, dimension: 'volume/duration' },
      { text: '3.5GB', dimension: 'data', factor: 1e9 },
      { text: '45人天', dimension: 'effort-day' },
    ]],
    ['compound units and weightings', '5 mg/L、2 万 m³/d、55 dB(A)、3.0 m³/(h·m²)、0.8 元/Wh、38 箱/人·时、3 元每吨', [
      { text: '5 mg/L', dimension: 'mass/volume', factor: 0.001 },
      { text: '2 万 m³/d', value: 2, dimension: 'volume/duration', factor: 10000 / 86400 },
      { text: '55 dB(A)', dimension: 'sound-level(A)' },
      { text: '3.0 m³/(h·m²)', dimension: 'volume/duration·area', factor: 1 / 3600 },
      { text: '0.8 元/Wh', dimension: 'currency-CNY/energy', factor: 1000 },
      { text: '38 箱/人·时', dimension: 'count:箱/count:人·duration', factor: 1 / 3600 },
      { text: '3 元每吨', dimension: 'currency-CNY/mass', factor: 0.001 },
    ]],
    ['micrometres, hertz, tonnes of coal equivalent and a quotient in brackets', '粗糙度 0.8 μm，主频 2.4 GHz，节约 1,250 tce，比功率 6.2 kW/(m³/min)', [
      { text: '0.8 μm', dimension: 'length', factor: 1e-6 },
      { text: '2.4 GHz', dimension: 'frequency', factor: 1e9 },
      { text: '1,250 tce', value: 1250, dimension: 'mass', factor: 1000 },
      { text: '6.2 kW/(m³/min)', dimension: 'power/(volume/duration)' },
    ]],
    ['volts, amperes, per mille and 节', '精度 ±2 mV，静态功耗 30 μA，轻伤事故频率 1‰，串联 16 节', [
      { text: '±2 mV', dimension: 'voltage', factor: 0.001 },
      { text: '30 μA', dimension: 'current', factor: 1e-6 },
      { text: '1‰', dimension: 'percent', factor: 0.1 },
      { text: '16 节', dimension: 'count:节' },
    ]],
    ['scientific notation', '漏率 1×10⁻⁷，误差 2.5 x 10^-6，6e-8', [
      { text: '1×10⁻⁷', value: 1e-7 },
      { text: '2.5 x 10^-6', value: 2.5e-6 },
      { text: '6e-8', value: 6e-8 },
    ]],
    ['bounds and approximations', '达到99%以上，不超过500ms，约15%，低于2秒，3,400余条, at least 95%', [
      { text: '99%以上', bound: 'at-least', approximate: false },
      { text: '500ms', bound: 'at-most' },
      { text: '15%', approximate: true },
      { text: '2秒', bound: 'at-most' },
      { text: '3,400余条', value: 3400, bound: 'at-least', approximate: true },
      { text: '95%', bound: 'at-least' },
    ]],
    ['ranges', '60%–70%，3至5个工作日，2-3周, 3 to 5 days', [
      { text: '60%–70%', range: { min: 60, max: 70 }, dimension: 'percent' },
      { text: '3至5个工作日', range: { min: 3, max: 5 }, dimension: 'workday' },
      { text: '2-3周', range: { min: 2, max: 3 }, dimension: 'duration' },
      { text: '3 to 5 days', range: { min: 3, max: 5 }, dimension: 'duration' },
    ]],
    ['placeholders are flagged, with their unit', '达到XX%，XX万元，××个百分点，€XX,XXX', [
      { text: 'XX%', value: undefined, placeholder: true, dimension: 'percent' },
      { text: 'XX万元', placeholder: true, dimension: 'currency-CNY', factor: 10000 },
      { text: '××个百分点', placeholder: true, dimension: 'percentage-point' },
      { text: '€XX,XXX', placeholder: true, dimension: 'currency-EUR' },
    ]],
    ['vague amounts are flagged, with their unit', '数十项，数万元，数个工作日，近千项，several', [
      { text: '数十项', value: undefined, vague: true, dimension: 'count:项' },
      { text: '数万元', vague: true, dimension: 'currency-CNY', factor: 10000 },
      { text: '数个工作日', vague: true, dimension: 'workday' },
      { text: '近千项', vague: true, dimension: 'count:项' },
      { text: 'several', vague: true, dimension: 'none' },
    ]],
  ];
  for (const [what, sentence, expected] of cases) {
    it(`reads ${what}`, () => assertFigures(sentence, expected));
  }

  it('reads no figure in dates, versions, ordinals, times, names or articles', () => {
    const text = '2024年3月31日、2024-03-31、Q2 2024、4月19日、V1.0、第3轮、9:30、5G网络、统一的平台、一个系统、in 2024';
    assert.deepEqual(findQuantities(text).map((q) => q.text), []);
  });

  it('reads no figure in a pointer to a part of the report or in a list of item numbers', () => {
    const text = '见 4.2 节；详见5.2；See 4.3；第 1、5、12、13 项由门诊部牵头考核';
    assert.deepEqual(findQuantities(text).map((q) => q.text), []);
    assert.deepEqual(findQuantities('见表 3-1，合计 12 项').map((q) => q.text), ['12 项']);
  });

  it('reads a numeral that can only be a number in any unit, a single numeral only in time and counts', () => {
    assert.deepEqual(findQuantities('累计四百三十六公里，三十吨').map((q) => [q.text, q.value]), [['四百三十六公里', 436], ['三十吨', 30]]);
    assert.deepEqual(findQuantities('三米宽，十分重要').map((q) => q.text), []);
  });

  it('reads an English number word that counts or has a unit, not one that points, compares or numbers', () => {
    assert.deepEqual(
      findQuantities('There was one lost-time injury; the award funded two PhD studentships for three years, at least five papers and one in five screened.').map((q) => [q.text, q.value, q.unit.dimension, q.bound]),
      [['one', 1, 'none', undefined], ['two', 2, 'none', undefined], ['three years', 3, 'calendar-month', undefined], ['five', 5, 'none', 'at-least']],
    );
    assert.deepEqual(findQuantities('One of the sites, the two wards, Phase Two and no one else; one or two teams; ten of the 14 objectives').map((q) => q.text), ['14']);
  });

  it('reads a fraction after "by" as a change in percent (by a quarter, by two thirds, by half), not one elsewhere', () => {
    assert.deepEqual(
      findQuantities('Cut stops by a quarter, waste by two thirds and queues by half.').map((q) => [q.text, q.value, q.unit.dimension]),
      [['a quarter', 25, 'percent'], ['two thirds', 66.66, 'percent'], ['half', 50, 'percent']],
    );
    assert.deepEqual(findQuantities('Half of the staff came for a quarter of the day.'), []);
  });

  it('reads a Chinese numeral before 期 as a phase\'s name, and digits before it as a count', () => {
    assert.deepEqual(findQuantities('在瓯江一期、瓯江二期和南麂三个海上风电场开展示范应用，二期工程').map((q) => q.text), ['三个']);
    assert.deepEqual(findQuantities('举办培训班 46 期').map((q) => [q.text, q.unit.dimension]), [['46 期', 'count:期']]);
  });

  it('reads no figure in the code of a standard (BS 4971, GB/T 778) nor in an item\'s number in brackets (（13）)', () => {
    assert.deepEqual(findQuantities('Within BS 4971 range; ISO 14001; 符合 GB/T 778 要求').map((q) => q.text), []);
    assert.deepEqual(findQuantities('（13）全年有效投诉为零；(2) 满意度 90%，共 12 项（3 项在审）').map((q) => q.text), ['90%', '12 项', '3 项']);
  });

  it('reads m written on a figure as a million before a count in plural, and as metres otherwise', () => {
    assert.deepEqual(
      findQuantities('2.5m impressions, 1.2m households, a 2.5m wall, 500 m of pipe, €4.46m').map((q) => [q.text, q.unit.dimension, q.unit.factor]),
      [['2.5m', 'none', 1000000], ['1.2m', 'none', 1000000], ['2.5m', 'length', 1], ['500 m', 'length', 1], ['€4.46m', 'currency-EUR', 1000000]],
    );
  });

  it('does not read 节约 as “about” (约), nor 最近 as “nearly” (近)', () => {
    const [saving] = findQuantities('每年节约20万元');
    assert.equal(saving!.approximate, false);
    const [recent] = findQuantities('最近3个月');
    assert.equal(recent!.approximate, false);
  });

  it('offsets figures by the offset it is given', () => {
    const [q] = findQuantities('提升20%', 100);
    assert.deepEqual([q!.start, q!.end], [102, 105]);
  });
});

describe('goals: units', () => {
  const unit = (text: string) => findQuantities(text)[0]!.unit;

  it('converts seconds, minutes, hours, days and weeks into one another', () => {
    assert.ok(compatibleUnits(unit('2小时'), unit('90分钟')));
    assert.ok(compatibleUnits(unit('两周'), unit('10天')));
    assert.ok(compatibleUnits(unit('0.42秒'), unit('500ms')));
  });

  it('never converts working days, months or years into days', () => {
    assert.ok(!compatibleUnits(unit('3个工作日'), unit('4天')));
    assert.ok(!compatibleUnits(unit('6个月'), unit('180天')));
    assert.ok(compatibleUnits(unit('18个月'), unit('1.5年')), 'months and years convert among themselves');
  });

  it('never compares per cent with percentage points, nor currencies with each other', () => {
    assert.ok(!compatibleUnits(unit('20%'), unit('15个百分点')));
    assert.ok(!compatibleUnits(unit('$5'), unit('5元')));
    assert.ok(compatibleUnits(unit('1.2亿元'), unit('11,800万元')));
  });

  it('compares a count with the same classifier, with 个 and with a bare number, not with another classifier', () => {
    assert.ok(compatibleUnits(unit('15家'), unit('17家')));
    assert.ok(compatibleUnits(unit('15家'), unit('17个')));
    assert.ok(compatibleUnits(unit('15家'), unit('17')));
    assert.ok(!compatibleUnits(unit('15家'), unit('17人')));
  });
});

describe('goals: dates', () => {
  const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const forms: readonly (readonly [string, string, string])[] = [
    ['2024-03-31', '2024-03-31', '2024-03-31'],
    ['2024/3/31', '2024-03-31', '2024-03-31'],
    ['2024.3.31', '2024-03-31', '2024-03-31'],
    ['2024年3月31日', '2024-03-31', '2024-03-31'],
    ['2024年3月', '2024-03-01', '2024-03-31'],
    ['2024年2月底', '2024-02-01', '2024-02-29'],
    ['Q2 2024', '2024-04-01', '2024-06-30'],
    ['2024年第三季度', '2024-07-01', '2024-09-30'],
    ['30 September 2024', '2024-09-30', '2024-09-30'],
    ['September 2024', '2024-09-01', '2024-09-30'],
  ];
  for (const [cell, first, last] of forms) {
    it(`reads ${cell} as ${first}…${last}`, () => {
      assert.deepEqual(parseDate(cell), { first: day(first), last: day(last) });
    });
  }

  it('reads no date in a day that does not exist, a date without a year, words, or two dates', () => {
    for (const cell of ['2024-02-30', '2024-13-01', '4月19日', '三月中旬', '待定', '2024-03-01至2024-03-31']) assert.equal(parseDate(cell), undefined, cell);
  });

  it('finds dates inside prose, longest first', () => {
    const text = '于2024年11月底前完成，4月19日签字';
    assert.deepEqual(findDates(text).map((d) => text.slice(d.start, d.end)), ['2024年11月底', '4月19日']);
  });
});
