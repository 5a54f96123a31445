/**
 * Figures in report prose: 1,200.5, 3.5万元, 2亿元, 三个工作日, 两周, 百分之五十, 60%–70%, 3至5个工作日,
 * €2.5M, 99.9%以上, 约15%. Each becomes a `Quantity`: a value as written, a unit with its dimension, and
 * flags for what keeps it from being compared — a placeholder (XX%), a vague amount (数万元), a bound
 * (以上, 以内), an approximation (约). Units and qualifiers come from server/data/quantities.yaml.
 */
import quantitiesYaml from '../../../data/quantities.yaml';
import type { Span } from '../parse/model.js';
import { parseChineseNumeral } from '../report/numberingStyle.js';
import { characterClass, placeholderPatterns, scanSpans, vagueQuantityPatterns, wordAlternation } from '../report/patterns.js';
import { findDates } from '../report/dates.js';
import { addTo, isLatin, latinLetter, nameAt, nameEndingAt, table, type NameTable } from './nameTable.js';

export interface Unit {
  /** As the report writes it: `万元`, `%`, `m³/h`, `个工作日`, `M yuan`; empty for a bare number. */
  readonly symbol: string;
  /**
   * Figures compare only within one dimension: `percent`, `percentage-point`, `duration`, `workday`,
   * `currency-CNY`, `count` (个) or `count:家`, `none` (a bare number)…
   */
  readonly dimension: string;
  /** Multiplies a value into the dimension's base unit: 小时 → 3600 (seconds), 万元 → 10000 (yuan). */
  readonly factor: number;
}

export type Bound = 'at-least' | 'at-most';

export interface Quantity extends Span {
  /** The figure as written, qualifiers excluded. */
  readonly text: string;
  /** The number as written (3.5 for 3.5万元); the lower end of a range; undefined for placeholders and vague amounts. */
  readonly value: number | undefined;
  readonly range: { readonly min: number; readonly max: number } | undefined;
  readonly unit: Unit;
  readonly approximate: boolean;
  /** 以上 / at least → at-least; 以内, 以下, 低于 → at-most. */
  readonly bound: Bound | undefined;
  /** The bound is an extreme (最高 6.3, a peak of 6.3): a ceiling in a goal, the value seen in a result. */
  readonly extreme: boolean;
  readonly placeholder: boolean;
  readonly vague: boolean;
}

interface UnitEntry {
  dimension: string;
  factor?: number;
  names: string[];
  prefixes?: string[];
}

interface QualifierLists {
  before: string[];
  after: string[];
}

interface QuantitiesFile {
  units: UnitEntry[];
  perUnits: UnitEntry[];
  counts: string[];
  sameCounts: string[][];
  multipliers: { factor: number; names: string[] }[];
  currencyMultipliers: { factor: number; names: string[] }[];
  qualifiers: { approximate: QualifierLists; atLeast: QualifierLists; atMost: QualifierLists; extremes: { atLeast: string[]; atMost: string[] }; notQualifiers: string[] };
}

const data: QuantitiesFile = quantitiesYaml;

/** Each classifier's dimension name: its group's first (名 and 位 count people, as 人 does). */
const countAs = new Map(data.sameCounts.flatMap((group) => group.map((name) => [name, group[0]!] as const)));
const countUnit = (name: string): Unit => ({ symbol: name, dimension: name === '个' ? 'count' : `count:${countAs.get(name) ?? name}`, factor: 1 });

/** The dimension a classifier counts in (项 → count:项, 名 → count:人), or undefined for a word that is none. */
export function countDimension(classifier: string): string | undefined {
  return data.counts.includes(classifier) ? countUnit(classifier).dimension : undefined;
}

const units = table<Unit>([
  ...data.units.flatMap((u) => u.names.map((name) => [name, { symbol: name, dimension: u.dimension, factor: u.factor ?? 1 }] as const)),
  ...data.counts.map((name) => [name, countUnit(name)] as const),
]);
const perUnits = table<Unit>(data.perUnits.flatMap((u) => u.names.map((name) => [name, { symbol: name, dimension: u.dimension, factor: u.factor ?? 1 }] as const)));
const prefixes = table<Unit>(data.units.flatMap((u) => (u.prefixes ?? []).map((name) => [name, { symbol: name, dimension: u.dimension, factor: u.factor ?? 1 }] as const)));
const multipliers = table<number>(data.multipliers.flatMap((m) => m.names.map((name) => [name, m.factor] as const)));
const currencyMultipliers = table<number>(data.currencyMultipliers.flatMap((m) => m.names.map((name) => [name, m.factor] as const)));
const qualifier = (list: readonly string[]) => table<true>(list.map((name) => [name, true] as const));
const approximateBefore = qualifier(data.qualifiers.approximate.before);
const approximateAfter = qualifier(data.qualifiers.approximate.after);
const boundsBefore = table<Bound>([
  ...data.qualifiers.atLeast.before.map((n) => [n, 'at-least'] as const),
  ...data.qualifiers.atMost.before.map((n) => [n, 'at-most'] as const),
]);
const extremesBefore = table<Bound>([
  ...data.qualifiers.extremes.atLeast.map((n) => [n, 'at-least'] as const),
  ...data.qualifiers.extremes.atMost.map((n) => [n, 'at-most'] as const),
]);
const boundsAfter = table<Bound>([
  ...data.qualifiers.atLeast.after.map((n) => [n, 'at-least'] as const),
  ...data.qualifiers.atMost.after.map((n) => [n, 'at-most'] as const),
]);

const noUnit: Unit = { symbol: '', dimension: 'none', factor: 1 };
/** Per cent: the unit of 百分之五十, and of a share the tool computes (124 of 127 → 97.6%). */
export const percent: Unit = { symbol: '%', dimension: 'percent', factor: 1 };

const whiteSpace = /\s/;

const notQualifiers = data.qualifiers.notQualifiers;
const longestNotQualifier = Math.max(0, ...notQualifiers.map((word) => word.length));
/** The words that end in a qualifier but are none, by their last character. */
const notQualifiersByLast = new Map<number, string[]>();
for (const word of notQualifiers) addTo(notQualifiersByLast, word.charCodeAt(word.length - 1), word);

/** Whether the text before `end` ends in a word like 节约, which ends in a qualifier (约) but is none. */
function endsInNotQualifier(text: string, end: number): boolean {
  // Near the start, where a word does not fit, startsWith reads the negative position as 0: keep that reading.
  if (end < longestNotQualifier) return notQualifiers.some((word) => text.startsWith(word, end - word.length));
  return notQualifiersByLast.get(text.charCodeAt(end - 1))?.some((word) => text.startsWith(word, end - word.length)) ?? false;
}

/**
 * The longest name of `list` that ends at `at` (spaces before `at` skipped); Latin names start a word,
 * and a Chinese name is not the end of a longer word (节约 does not end in the qualifier 约).
 */
function nameBefore<T>(text: string, at: number, list: NameTable<T>): { readonly value: T; readonly start: number } | undefined {
  let end = at;
  while (end > 0 && whiteSpace.test(text.charAt(end - 1))) end--;
  if (endsInNotQualifier(text, end)) return undefined;
  return nameEndingAt(text, end, list);
}

export type Sign = '+' | '-';

const signAtEnd = /(?:([+＋])|[-−–])\s*$/u;

/** The sign written right before `at` in `text` (+9 个百分点, −20%, −1.1), spaces allowed; undefined for none. */
export function signBefore(text: string, at: number): Sign | undefined {
  const m = signAtEnd.exec(text.slice(0, at));
  return m ? (m[1] ? '+' : '-') : undefined;
}

/** Skips one optional space (a Latin unit is written `600 m³/h`, `2 days`). */
function skipSpace(text: string, at: number): number {
  return text.charAt(at) === ' ' || text.charAt(at) === '\u00a0' ? at + 1 : at;
}

interface UnitRead {
  readonly unit: Unit;
  readonly end: number;
}

/** A unit after `/` or 每: one of the units, or of those that stand only there (d, a). */
function perUnitAt(text: string, at: number): UnitRead | undefined {
  const named = nameAt(text, at, units) ?? nameAt(text, at, perUnits);
  return named && { unit: named.value, end: at + named.name.length };
}

/** The units of a product, (h·m²) or 人·时, from `at`; undefined unless every part is a unit. */
function productAt(text: string, at: number): UnitRead | undefined {
  const open = text.charAt(at) === '(' || text.charAt(at) === '（';
  let end = open ? at + 1 : at;
  const parts: Unit[] = [];
  for (;;) {
    const part = perUnitAt(text, end);
    if (!part) return undefined;
    parts.push(part.unit);
    end = part.end;
    if (!productJoin.test(text.charAt(end))) break;
    end++;
  }
  // kW/(m³/min): a quotient in brackets.
  const per = open && perSign.test(text.charAt(end)) ? productAt(text, end + 1) : undefined;
  if (per) end = per.end;
  if (open) {
    if (text.charAt(end) !== ')' && text.charAt(end) !== '）') return undefined;
    end++;
  } else if (parts.length > 1 && /[\p{Script=Han}A-Za-z]/u.test(text.charAt(end))) return undefined;
  const product = parts.map((u) => u.dimension).join('·');
  const unit: Unit = {
    symbol: text.slice(at, end),
    dimension: per ? `(${product}/${per.unit.dimension})` : product,
    factor: parts.reduce((f, u) => f * u.factor, 1) / (per?.unit.factor ?? 1),
  };
  return { unit, end };
}

const productJoin = /^[·⋅*×]$/u;
/** What stands between a unit and the unit it is per: mg/L, 元每吨. */
const perSign = new RegExp(`^[/／${characterClass(quantitiesYaml.figureWords.per)}]$`, 'u');
/** dB(A), dB（C）: a weighting or a scale written after the unit, part of its name. */
const unitQualifier = /[(（]([A-Z])[)）]/uy;

/**
 * A unit read further: a qualifier in brackets (dB(A)), then a per-unit (mg/L, m³/d, 元/Wh, 元每吨,
 * m³/(h·m²)). The compound's dimension is `A/B` and its factor the ratio of the two.
 */
function compound(text: string, read: UnitRead): UnitRead {
  let { unit, end } = read;
  if (unit.dimension === 'none' || unit.dimension === 'percent') return read;
  unitQualifier.lastIndex = end;
  const qualified = unitQualifier.exec(text);
  if (qualified) {
    unit = { symbol: `${unit.symbol}${qualified[0]}`, dimension: `${unit.dimension}(${qualified[1]})`, factor: unit.factor };
    end = unitQualifier.lastIndex;
  }
  const denominator = perSign.test(text.charAt(end)) ? productAt(text, end + 1) : undefined;
  if (denominator) {
    unit = {
      symbol: `${unit.symbol}${text.slice(end, denominator.end)}`,
      dimension: `${unit.dimension}/${denominator.unit.dimension}`,
      factor: unit.factor / denominator.unit.factor,
    };
    end = denominator.end;
  }
  return { unit, end };
}

/** After a multiplier: a word in plural that is no unit (2.5m impressions, 1.2m users). */
const countsAfter = /^ [a-z]{2,}s\b/u;

/** A multiplier and/or a unit from `at`: 万元, 万, million yuan, M, m³/h, GB. The longest reading wins. */
function readUnit(text: string, at: number, prefix: Unit | undefined): UnitRead {
  return compound(text, readSimpleUnit(text, at, prefix));
}

function readSimpleUnit(text: string, at: number, prefix: Unit | undefined): UnitRead {
  const start = skipSpace(text, at);
  let best: UnitRead = { unit: prefix ?? noUnit, end: at };
  // A unit of the prefix's own kind (¥1,200元) belongs to the figure; another one (¥5/件) does not.
  const direct = nameAt(text, start, units);
  if (direct && (!prefix || direct.value.dimension === prefix.dimension)) best = { unit: direct.value, end: start + direct.name.length };
  // Written right after the figure, m is a million after a currency sign (€4.46m), and before a count in
  // plural that is no unit (2.5m impressions); 5 m alone and 2.5m high are metres.
  const written = start === at ? nameAt(text, start, currencyMultipliers) : undefined;
  if (written && !prefix) {
    const next = skipSpace(text, start + written.name.length);
    if (countsAfter.test(text.slice(start + written.name.length, next + 24)) && !nameAt(text, next, units)) {
      return { unit: { symbol: written.name, dimension: noUnit.dimension, factor: written.value }, end: start + written.name.length };
    }
  }
  const multiplier = nameAt(text, start, multipliers) ?? (prefix ? written : undefined);
  if (multiplier) {
    const afterMultiplier = start + multiplier.name.length;
    const unit = prefix ? undefined : nameAt(text, skipSpace(text, afterMultiplier), units);
    const end = unit ? skipSpace(text, afterMultiplier) + unit.name.length : afterMultiplier;
    if (end > best.end) {
      const base = prefix ?? unit?.value ?? noUnit;
      const parts = [prefix?.symbol, multiplier.name, unit?.name].filter((part): part is string => !!part);
      best = { unit: { symbol: parts.join(parts.some(isLatin) ? ' ' : ''), dimension: base.dimension, factor: base.factor * multiplier.value }, end };
    }
  }
  return best;
}

/** 以上, 以内, or more, 左右… right after a figure. */
function readAfter(text: string, at: number): { bound: Bound | undefined; approximate: boolean; end: number } {
  let end = at;
  let bound: Bound | undefined;
  let approximate = false;
  for (let step = 0; step < 2; step++) {
    const position = text.charAt(end) === ' ' ? end + 1 : end;
    const b = nameAt(text, position, boundsAfter);
    if (b && !bound) {
      bound = b.value;
      end = position + b.name.length;
      continue;
    }
    const a = nameAt(text, position, approximateAfter);
    if (a && !approximate) {
      approximate = true;
      end = position + a.name.length;
      continue;
    }
    break;
  }
  return { bound, approximate, end };
}

/** 约, 不低于, at least… right before a figure (in either order: 不低于约…, 约不超过…). */
function readBefore(text: string, at: number): { bound: Bound | undefined; extreme: boolean; approximate: boolean; start: number } {
  // A plus sign is the figure's own (at least +35, ≥ +35 for a score that may be negative): the qualifiers stand before it.
  let start = at > 0 && (text[at - 1] === '+' || text[at - 1] === '＋') ? at - 1 : at;
  let bound: Bound | undefined;
  let extreme = false;
  let approximate = false;
  for (let step = 0; step < 2; step++) {
    const b = bound ? undefined : nameBefore(text, start, boundsBefore);
    const e = bound || b ? undefined : nameBefore(text, start, extremesBefore);
    if (b || e) {
      bound = (b ?? e)!.value;
      extreme = e !== undefined;
      start = (b ?? e)!.start;
      continue;
    }
    const a = nameBefore(text, start, approximateBefore);
    if (a && !approximate) {
      approximate = true;
      start = a.start;
      continue;
    }
    break;
  }
  return { bound, extreme, approximate, start };
}

/** Where the qualifiers before a figure begin (约, 不低于, at least): the figure's words start there. */
export function qualifiersStart(text: string, at: number): number {
  return readBefore(text, at).start;
}

const placeholderIds = new Set(['value', 'single-mark', 'bracketed', 'marker', 'insert', 'template-word', 'template-variable', 'pending']);

/** The unit written after the template mark of a placeholder (XX万元 → 万元) or a vague amount (数小时 → 小时). */
function unitOfMark(text: string, start: number, end: number, mark: RegExp): Unit {
  const slice = text.slice(start, end);
  const prefix = nameAt(slice, 0, prefixes);
  const body = prefix ? slice.slice(prefix.name.length) : slice;
  const rest = body.replace(mark, '').replace(/^月$/u, '个月').replace(/^日$/u, '天');
  if (!rest) return prefix?.value ?? noUnit;
  return readUnit(rest, 0, prefix?.value).unit;
}

const placeholderMark = /^\s?(?:[Xx]+|×+)(?:[,，][Xx×]{3})*(?:\.[Xx×]+)?\s?/u;
const figureWords = quantitiesYaml.figureWords;
const vagueMark = new RegExp(`^(?:${wordAlternation(figureWords.vague.before)})?(?:[十百千]+)?(?:${wordAlternation(figureWords.vague.after)})?`, 'u');

const arabic = '\\d{1,3}(?:[,，]\\d{3})+(?!\\d)(?:\\.\\d+)?|\\d+(?:\\.\\d+)?';
const zhNumeral = '[零〇一二两三四五六七八九十百千]+';
const numberSource = `百分之(${arabic}|${zhNumeral})|(${arabic})|(${zhNumeral})`;
const numberPattern = new RegExp(numberSource, 'gu');
const numberAt = new RegExp(numberSource, 'uy');
/** Sticky expressions read at a position of the sentence, without slicing off the rest of it. */
const rangeJoin = new RegExp(`\\s*(?:-|–|—|~|～|${wordAlternation(figureWords.rangeJoin)})\\s*`, 'uy');
const timeOfDay = /[:：]\d/uy;
/** The third part of a version number (the .0 of 2.0.0). */
const versionPart = /\.\d/uy;
const digit = /\d/;
const separators = /[,，]/g;

interface NumberRead {
  readonly value: number;
  readonly end: number;
  readonly percent: boolean;
  readonly chinese: boolean;
}

/** A power of ten after a number: 1×10⁻⁷, 2.5 × 10^-6, 6e-8. */
const powerOfTen = /\s*[×xX*]\s*10(?:\^\s*\(?([-−+]?\d{1,3})\)?|([⁻⁺]?[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}))|[eE]([-+]?\d{1,3})(?![A-Za-z\d])/uy;
const superscripts = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The exponent of the power of ten written at `at`, and where it ends. */
function readExponent(text: string, at: number): { exponent: number; end: number } | undefined {
  powerOfTen.lastIndex = at;
  const m = powerOfTen.exec(text);
  if (!m) return undefined;
  const [, caret, raised, e] = m;
  const exponent = raised
    ? (raised.startsWith('⁻') ? -1 : 1) * Number([...raised.replace(/^[⁻⁺]/u, '')].map((c) => superscripts.indexOf(c)).join(''))
    : Number((caret ?? e)!.replace('−', '-'));
  return { exponent, end: powerOfTen.lastIndex };
}

/** The number at `at` (Arabic with separators, Chinese numerals, 百分之…, a power of ten after it). */
function readNumber(text: string, at: number): NumberRead | undefined {
  numberAt.lastIndex = at;
  const m = numberAt.exec(text);
  if (!m) return undefined;
  const [whole, percent, digits, numeral] = m;
  const written = percent ?? digits ?? numeral!;
  const value = digit.test(written) ? Number(written.replace(separators, '')) : parseChineseNumeral(written);
  if (!Number.isFinite(value)) return undefined;
  const power = digits !== undefined ? readExponent(text, at + whole.length) : undefined;
  if (power) return { value: Number(`${value}e${power.exponent}`), end: power.end, percent: false, chinese: false };
  return { value, end: at + whole.length, percent: percent !== undefined, chinese: digits === undefined && !digit.test(percent ?? '') };
}

/** Dimensions a Chinese numeral may count in (两周, 三个工作日, 四个部门); 一 only for time (一周, 一个月), as 一个 is an article. */
const numeralDimensions = /^(?:duration|workday|calendar-month|effort-day|effort-month|count.*|percent|times)$/;
/** A numeral that can only be a number (四百三十六, 二十五): it counts in any dimension (四百三十六公里). */
const compoundNumeral = /^[一二两三四五六七八九][十百千]|[十百千][一二三四五六七八九]/u;
const timeDimensions = /^(?:duration|workday|calendar-month)$/;
const calendarName = new RegExp(`^(?:${wordAlternation(figureWords.calendarNames)})`, 'u');

const markPatterns = [...placeholderPatterns, ...vagueQuantityPatterns];
const vagueIds = new Set(vagueQuantityPatterns.map((p) => p.id));
/** Before a number that is no quantity: V1.0, Q2, A4, 第3轮, 3.2节, 9:30. */
const notAQuantityAfter = /[A-Za-z_.．:：第]/u;
/** What numbers a table, a figure or a part rather than counting: 第 1—4 项, 表 3-1, Figure 2, Annex 3. */
const reference = new RegExp(`(?:${wordAlternation(figureWords.reference.chinese)}|(?<![a-z])(?:${wordAlternation(figureWords.reference.latin)}))\\s+$`, 'iu');
/** The whole number of a reference (3-1, 2.4) or a list of them (第 1、5、12 项). */
const referenceNumbers = new RegExp(`^[\\d.．\\-–—]+(?:\\s*[、,，${characterClass(figureWords.listJoiners)}]\\s*[\\d.．\\-–—]+)*`, 'u');
/** 见 4.2 节, 详见 5.2, See 4.3: a pointer to a part of the report, not a figure. */
const pointer = new RegExp(`(?:${wordAlternation(figureWords.pointer.chinese)}|(?<![a-z])(?:${wordAlternation(figureWords.pointer.latin)}))\\s*$`, 'iu');
/** 从, 由 or from right before a figure: where a change starts. */
export const fromWord = new RegExp(`(?:${wordAlternation(figureWords.from)})\\s*$`, 'iu');
/** From, with what may stand between it and its figure: from the 60 ms baseline, from the 2023 average of 31,000, 由 2021 年的 28.0 元. */
export const fromBeforeFigure = new RegExp(
  `(?:${wordAlternation(figureWords.from)})\\s*(?:the\\s+(?:[a-z0-9-]+\\s+){0,3}of\\s+|the\\s+|(?:19|20)\\d\\d\\s*年\\s*的?\\s*)?$`,
  'iu',
);
const bareYear = /^(?:19|20)\d\d$/;
const itemOpen = /(?:^|[\s；;。：:，,、])[（(]$/u;

/** Whether the number at `start`–`end` is an item's, in brackets at the start of a text or a clause: （13）全年…, ；(2) … */
function bracketedItem(text: string, start: number, end: number): boolean {
  return /^[)）]/u.test(text.slice(end, end + 1)) && itemOpen.test(text.slice(Math.max(0, start - 2), start));
}

/** Every figure of `text`, in order; offsets are relative to `text` plus `offset`. */
export function findQuantities(text: string, offset = 0): Quantity[] {
  const marks = scanSpans(text, [{ start: 0, end: text.length }], markPatterns);
  // Dates and marks are no numbers; dates are looked for only once the text has a number at all.
  let masked: Span[] | undefined;
  const found: Quantity[] = [];

  const make = (start: number, end: number, fields: Omit<Quantity, 'start' | 'end' | 'text' | 'bound' | 'extreme' | 'approximate'>, more = false): void => {
    const before = readBefore(text, start);
    const after = readAfter(text, end);
    // Written out rather than spread: spreading and then adding fields is slow in V8.
    found.push({
      start: offset + start,
      end: offset + after.end,
      text: text.slice(start, after.end),
      value: fields.value,
      range: fields.range,
      unit: fields.unit,
      placeholder: fields.placeholder,
      vague: fields.vague,
      bound: after.bound ?? before.bound ?? (more ? 'at-least' : text.charAt(start) === '±' ? 'at-most' : undefined),
      extreme: !after.bound && before.extreme,
      approximate: before.approximate || after.approximate || more,
    });
  };

  for (const mark of marks) {
    const vague = vagueIds.has(mark.id);
    if (!vague && !placeholderIds.has(mark.id)) continue;
    const unit = unitOfMark(text, mark.start, mark.end, vague ? vagueMark : placeholderMark);
    make(mark.start, mark.end, { value: undefined, range: undefined, unit, placeholder: !vague, vague });
  }

  numberPattern.lastIndex = 0;
  for (let m = numberPattern.exec(text); m; m = numberPattern.exec(text)) {
    const at = m.index;
    const matchEnd = at + m[0].length;
    masked ??= [...findDates(text), ...marks];
    if (masked.some((s) => at < s.end && matchEnd > s.start)) continue;
    const first = readNumber(text, at);
    if (!first) continue;
    const previous = text.charAt(at - 1);
    // V1.0, Q2, A4, 第3轮, 3.2节, Severity-1, COVID-19 and times (9:30) are not quantities.
    if (notAQuantityAfter.test(previous) && !nameBefore(text, at, prefixes)) continue;
    if (previous === '-' && latinLetter.test(text.charAt(at - 2))) continue;
    // 第 1—4 项: an ordinal with a space after 第; 表 3-1, Figure 2, Annex B.2: the number of a table or a part.
    if (reference.test(text.slice(Math.max(0, at - 10), at)) || pointer.test(text.slice(Math.max(0, at - 6), at))) {
      // …and the whole of its number (3-1, 2.4) or of a list of them (第 1、5、12 项): no part is a figure.
      numberPattern.lastIndex = at + referenceNumbers.exec(text.slice(at))![0].length;
      continue;
    }
    timeOfDay.lastIndex = first.end;
    if (timeOfDay.test(text)) continue;
    // 2.0.0, 1.12.3: a version, not a number.
    versionPart.lastIndex = first.end;
    if (versionPart.test(text)) continue;

    const prefix = nameBefore(text, at, prefixes);
    // ±2%: a tolerance either way, a ceiling on the size of the error.
    const start = prefix && !latinLetter.test(text.charAt(prefix.start - 1)) ? prefix.start : text.charAt(at - 1) === '±' ? at - 1 : at;
    // 3,400余条, 30多天: more than the figure, and not exactly.
    const after = text.charAt(first.end);
    const more = (after === '余' || after === '多') && readUnit(text, first.end + 1, prefix?.value).end > first.end + 1;
    const single = first.percent ? { unit: percent, end: first.end } : readUnit(text, more ? first.end + 1 : first.end, prefix?.value);
    // 从 3 天到 5 天 is a change from one figure to another, no range.
    const joined = fromWord.test(text.slice(Math.max(0, start - 6), start)) ? undefined : readRange(text, first, single, prefix?.value, masked);
    const range = joined?.range;
    const unitRead = joined?.unitRead ?? single;
    const end = unitRead.end + scaleAfter(text, unitRead, first);

    const unit = unitRead.unit;
    if (first.chinese) {
      if (!numeralDimensions.test(unit.dimension) && !(unit.dimension !== 'none' && compoundNumeral.test(m[0]))) continue;
      if (m[0] === '一' && !timeDimensions.test(unit.dimension)) continue;
      // 一季度, 三月: a quarter's or a month's name; a count of them says 个 (三个季度, 五个月).
      if (calendarName.test(text.slice(first.end, first.end + 2))) continue;
    }
    // A Latin letter right after the figure that is no unit (5G, 3D): a name, not a quantity.
    if (latinLetter.test(text.charAt(end)) && end === first.end) continue;
    // A bare year: 2024 in "in 2024" or "2024-2025".
    if (unit.dimension === 'none' && !range && bareYear.test(m[0])) continue;
    // （13）, (2) opening a text or a clause: the number of an item, not a figure.
    if (unit.dimension === 'none' && !range && bracketedItem(text, start, end)) continue;
    make(start, end, { value: range ? range.min : first.value, range, unit, placeholder: false, vague: false }, more);
    numberPattern.lastIndex = end;
  }
  if (latinLetter.test(text)) {
    const read = found.length;
    englishWordFigures(text, found.slice(), offset, (start, end, unit, value) => {
      if (!(masked ??= [...findDates(text), ...marks]).some((s) => start < s.end && end > s.start)) make(start, end, { value, range: undefined, unit, placeholder: false, vague: false });
    });
    if (found.length > read) found.sort((a, b) => a.start - b.start);
  }
  return joinDurations(text, offset, inOrder(found));
}

const englishNumbers = figureWords.english.numbers;
const englishNumber = new RegExp(`(?<![A-Za-z\\-])(?:${englishNumbers.join('|')})(?![A-Za-z\\-])`, 'giu');
const wordBefore = new RegExp(`(?<![A-Za-z.])(?:${wordAlternation(figureWords.english.notAfter)})\\s+$`, 'iu');
const wordAfter = new RegExp(`^\\s+(?!(?:${wordAlternation(figureWords.english.notBefore)})(?![A-Za-z]))[A-Za-z]`, 'iu');

/** The value of an English number written as a word (seven → 7); -1 for another word. */
export function englishNumberValue(word: string): number {
  return englishNumbers.indexOf(word.toLowerCase());
}

/**
 * English numbers written as words that count (two weeks, one lost-time injury, two PhD studentships), and
 * fractions of a change (by a quarter: 25%): see quantities.yaml `figureWords.english`. Those inside a
 * figure already read are skipped.
 */
function englishWordFigures(text: string, found: readonly Quantity[], offset: number, make: (start: number, end: number, unit: Unit, value: number) => void): void {
  const fractions: { start: number; end: number }[] = [];
  fraction.lastIndex = 0;
  for (let m = fraction.exec(text); m; m = fraction.exec(text)) {
    const at = m.index + m[0].length - m[1]!.length;
    const numerator = m[2] ? Math.max(1, englishNumberValue(m[2])) : 1;
    fractions.push({ start: at, end: m.index + m[0].length });
    make(at, m.index + m[0].length, percent, Math.round(numerator * figureWords.english.fractions[m[3]!.toLowerCase()]! * 100) / 100);
  }
  englishNumber.lastIndex = 0;
  for (let m = englishNumber.exec(text); m; m = englishNumber.exec(text)) {
    const at = m.index;
    const end = at + m[0].length;
    if (found.some((q) => at < q.end - offset && end > q.start - offset) || fractions.some((f) => at < f.end && end > f.start)) continue;
    const unitRead = readUnit(text, end, undefined);
    if (unitRead.unit.dimension === 'none' && (wordBefore.test(text.slice(Math.max(0, at - 16), at)) || !wordAfter.test(text.slice(end, end + 16)))) continue;
    make(at, unitRead.unit.dimension === 'none' ? end : unitRead.end, unitRead.unit, englishNumberValue(m[0]));
  }
}

/** A fraction after `by` (by a quarter, by two thirds, by half): quantities.yaml `figureWords.english.fractions`. */
const fraction = new RegExp(
  `(?<![A-Za-z])(?:${wordAlternation(figureWords.english.fractionAfter)})\\s+((?:(an?|one|${englishNumbers.join('|')})[\\s-]+)?(${Object.keys(figureWords.english.fractions).join('|')}))(?![A-Za-z])`,
  'giu',
);

/** A score's scale after it: 4.3 / 5, 4.2 out of 5. */
const scale = /\s*(?:\/|out of)\s*(\d+)(?![\d.,])/iy;

/**
 * The length of the scale written after a score (4.3 out of 5): part of the figure, not a figure of its own.
 * Only after a bare number with decimals, no more than the scale: 3 out of 4 sites is a share.
 */
function scaleAfter(text: string, unitRead: UnitRead, first: NumberRead): number {
  if (unitRead.unit.dimension !== 'none' || Number.isInteger(first.value)) return 0;
  scale.lastIndex = unitRead.end;
  const m = scale.exec(text);
  return m && Number(m[1]) >= first.value ? m[0].length : 0;
}

/** Placeholders and vague amounts come first, then numbers, each in order: sort only when they interleave. */
function inOrder(found: Quantity[]): Quantity[] {
  for (let i = 1; i < found.length; i++) {
    if (found[i]!.start < found[i - 1]!.start) {
      found.sort((a, b) => a.start - b.start);
      break;
    }
  }
  return found;
}

/**
 * 3–5 天, 10%~15%, 2 to 4 weeks: the second number joined to the `first` one, read with `unitRead`, and the
 * unit they share; undefined when no number follows a join, or its unit is another dimension.
 */
function readRange(
  text: string,
  first: NumberRead,
  unitRead: UnitRead,
  prefix: Unit | undefined,
  masked: readonly Span[],
): { range: { min: number; max: number }; unitRead: UnitRead } | undefined {
  const end = unitRead.end;
  rangeJoin.lastIndex = end;
  const join = rangeJoin.exec(text);
  if (!join) return undefined;
  const second = readNumber(text, end + join[0].length);
  if (!second || masked.some((s) => s.start === end + join[0].length)) return undefined;
  const secondUnit = readUnit(text, second.end, prefix);
  const unit = secondUnit.end > second.end ? secondUnit.unit : unitRead.unit;
  if (unitRead.unit.dimension !== 'none' && unit.dimension !== unitRead.unit.dimension) return undefined;
  return {
    range: { min: Math.min(first.value, second.value), max: Math.max(first.value, second.value) },
    unitRead: { unit, end: Math.max(secondUnit.end, second.end) },
  };
}

/** What may stand between the parts of one duration: 7 min 40 s, 1 小时 30 分钟, 2 hours and 15 minutes. */
const durationJoin = new RegExp(`^\\s*(?:${wordAlternation(figureWords.durationJoin)}|,)?\\s*$`, 'u');

/**
 * 7 min 40 s, 1 小时 30 分钟, 2 h 15 min: one duration written in parts, each part in a smaller unit than
 * the one before, is one figure (in the first part's unit).
 */
function joinDurations(text: string, offset: number, found: Quantity[]): Quantity[] {
  let joined: Quantity[] | undefined;
  for (let i = 0; i < found.length; i++) {
    const first = found[i]!;
    let last = first;
    let value = first.value;
    let j = i + 1;
    for (; j < found.length; j++) {
      const next = found[j]!;
      const fits =
        value !== undefined && next.value !== undefined && !first.range && !next.range && last.text.endsWith(last.unit.symbol) &&
        first.unit.dimension === 'duration' && next.unit.dimension === 'duration' && next.unit.factor < last.unit.factor &&
        durationJoin.test(text.slice(last.end - offset, next.start - offset));
      if (!fits) break;
      value = value! + (next.value! * next.unit.factor) / first.unit.factor;
      last = next;
    }
    if (last === first) {
      joined?.push(first);
      continue;
    }
    joined ??= found.slice(0, i);
    joined.push({ ...first, end: last.end, text: text.slice(first.start - offset, last.end - offset), value, bound: last.bound ?? first.bound, extreme: first.extreme || last.extreme, approximate: first.approximate || last.approximate });
    i = j - 1;
  }
  return joined ?? found;
}

/** Whether two figures can be compared: the same dimension; any count with 个 or a bare number. */
export function compatibleUnits(a: Unit, b: Unit): boolean {
  if (a.dimension === b.dimension) return true;
  const counting = (u: Unit) => u.dimension === 'count' || u.dimension === 'none';
  const isCount = (u: Unit) => u.dimension.startsWith('count') || u.dimension === 'none';
  return isCount(a) && isCount(b) && (counting(a) || counting(b));
}

/** A value in its dimension's base unit (seconds, yuan, months…). */
export function inBase(value: number, unit: Unit): number {
  return value * unit.factor;
}
