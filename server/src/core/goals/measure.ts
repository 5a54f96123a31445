/**
 * What a figure says in its sentence: a level (达到99%, 缩短至3天, 28天), a change (缩短了60%, 提升XX%,
 * reduced by 20%) or a baseline (现状45天, 从A…), which metric it measures, and — for a goal — which way
 * the goal wants it to go.
 */
import { compatibleUnits, findQuantities, fromBeforeFigure, fromWord, percent, qualifiersStart, type Quantity, type Unit } from './numbers.js';
import phrasesYaml from '../../../data/goal-phrases.yaml';
import { characterClass, wordAlternation } from '../report/patterns.js';
import { alternation, eventsIn, lastVerb, lowerIsBetter, phrases, trimFillers } from './phrases.js';
import { findDates } from '../report/dates.js';
import { clauseScanner } from './segments.js';

const { englishNames, partOf, deadline, rateName, fromTo } = phrasesYaml;
const dateClauseLead = new RegExp(`^[${characterClass(phrasesYaml.dateClauseLeads)}]+`, 'u');

/**
 * The words of an English name after a figure (goal-phrases.yaml `englishNames`): after a link word and an
 * optional determiner, one to `most` words, none of them a stop word.
 */
function englishNameAfter(links: readonly string[], determiners: readonly string[], stops: readonly string[], most: number): RegExp {
  return new RegExp(
    `\\s+(?:${wordAlternation(links)})\\s+(?:(?:${wordAlternation(determiners)})\\s+)?((?:(?!(?:${wordAlternation(stops)})\\b)[a-z][a-z0-9-]*\\s*){1,${most}})`,
    'iy',
  );
}

export type Direction = 'at-least' | 'at-most' | 'increase-by' | 'decrease-by' | 'equal';
export type Movement = 'up' | 'down';
export type GapSide = 'above' | 'below' | 'worse' | 'better';

export interface Reading {
  readonly quantity: Quantity;
  /**
   * A level reached or wanted, a change (by how much), or a gap: the distance to the target (比目标值低
   * 0.2 个百分点, 14 ms below target), which gives a level only against a goal's target (see `side`).
   */
  readonly kind: 'level' | 'change' | 'gap';
  /** A gap's side of the target: above or below it, or worse or better than it (差, short of; beat). */
  readonly side?: GapSide;
  /** The figure counts things not done yet (2 项进入实质审查 for 授权专利): it decides nothing. */
  readonly pending?: boolean;
  /** The figure counts a part of a whole the sentence counted before it (4 个…全部建成，其中 3 个…). */
  readonly part?: boolean;
  /**
   * The other figures of the same kind a table cell lists beside this one (北区 104 天 / 南区 88 天; 5 Sep;
   * 19 Sep): they decide only a miss of a target for each item.
   */
  readonly listed?: readonly Quantity[];
  /** The figure is an average (平均 11 天, an average of 74 days): it does not show that each item meets a target. */
  readonly average?: boolean;
  /** Of a date: the events its clause names (上线, go-live), by their place in goal-phrases.yaml `events`. */
  readonly events?: readonly number[];
  /** A level the tool computed rather than read: from a gap and the target, and the figures it took. */
  readonly computed?: { readonly rule: 'gap' | 'share'; readonly from: readonly Quantity[] };
  /** Which way the words say the metric moved or should move (提升 → up, 缩短 → down). */
  readonly movement: Movement | undefined;
  /** 达到/实现 (reach) or 节约 (save): a level with no direction of its own. */
  readonly verb: 'reach' | 'save' | undefined;
  /** The figure it moved from: A of 从A缩短至B, or 现状45天 in the same sentence. */
  readonly baseline: Quantity | undefined;
  /** The name of what is measured, from the words around the figure; may be empty. */
  readonly metric: string;
  /** The words of the clause before the figure (预期品牌认知度提升), for showing the target as written. */
  readonly lead: string;
}

/** What follows a figure that is part of a rate's name: 小时随访率, 天内复购率 (a 的 would make it the rate's value). */
const windowOfRate = new RegExp(`^\\s*(?:${wordAlternation(rateName.within)})?[^\\s\\d的，,；;。：:（(、%％]{0,6}?(?:${wordAlternation(rateName.rates)})`, 'u');

/** What stands between A and B of 从A缩短至B (or "from A to B"). */
const toBetween = new RegExp(`^\\s*(?:${wordAlternation(fromTo.level)})?\\s*[,，]?\\s*([^，,；;。]{0,8}?)\\s*(?:${wordAlternation(fromTo.average)})?\\s*$`, 'u');
const justTo = new RegExp(`^(?:${wordAlternation(fromTo.to)})$`, 'u');
/** From A in the before-study to B: after a "from", words with no figure before a closing "to" (at most 30 characters). */
const farTo = new RegExp(`^[^，,；;。\\d]{0,30}?(?<=\\s|\\p{Script=Han})(?:${wordAlternation(fromTo.to)})\\s*$`, 'iu');
/** 12,000 张 → 3,100 张, 45%->65%: an arrow makes a from–to pair on its own. */
const arrow = /^(?:→|->|⟶|➔|➝|=>)$/u;
const startsWithTo = new RegExp(`^\\s*(?:${wordAlternation(fromTo.chineseTo)})`, 'u');
const latinLetter = /[a-z]/i;
const twoHan = /\p{Script=Han}{2}/u;

function lower(text: string): string {
  return text.toLowerCase();
}

/** What a count counts, right after the figure, up to an adverb or punctuation (read where the figure ends). */
const countedNoun = new RegExp(`([\\p{Script=Han}]{2,16}?)(?=${wordAlternation(phrasesYaml.countedNounEnds)}|[，,；;。：:（(、\\s]|$)`, 'uy');
/** 的 and a noun right after the figure. */
const nounOf = /\s*的([^，,；;。：:（(、\s]{2,20})/uy;

/**
 * The noun after a figure: XX%的市场渗透率 → 市场渗透率, XX万元的销售额目标 → 销售额, and what a count
 * counts: 数家核心销售渠道合作伙伴 → 核心销售渠道合作伙伴 (up to an adverb: 38个接口全部上线 → 接口).
 */
function nounAfter(text: string, at: number, counted: boolean): string {
  if (counted) {
    countedNoun.lastIndex = at;
    const m = countedNoun.exec(text);
    if (m) {
      const verb = lastVerb(m[1]!);
      return metricName(verb ? m[1]!.slice(0, verb.start) : m[1]!);
    }
  }
  nounOf.lastIndex = at;
  const m = nounOf.exec(text);
  if (!m) return '';
  // Stop at a verb: 数万元的年度采购成本节约 keeps 节约 (a saving is the metric), 的满意度达到… stops at 达到.
  const noun = m[1]!;
  const verb = lastVerb(lower(noun));
  return trimFillers(verb && verb.kind !== 'save' ? noun.slice(0, verb.start) : noun);
}

/**
 * The words an English count counts: 128 water points, 74 new boreholes, 60 low-cost PM2.5 sensors (up to a
 * preposition, a verb or punctuation; a point between digits is part of a word).
 */
const countedWords = new RegExp(
  `\\s+(?!(?:${wordAlternation(englishNames.notCounted)})\\b)((?:(?!(?:${wordAlternation(englishNames.countStops)})\\b)[a-z][a-z0-9-]*(?:\\.\\d[a-z0-9-]*)*\\s*){1,4})`,
  'iy',
);

/** What a bare English number counts, as a metric name; '' when no word follows it. */
function englishCount(text: string, at: number): string {
  countedWords.lastIndex = at;
  const m = countedWords.exec(text);
  return m ? trimFillers(m[1]!.trim().toLowerCase()) : '';
}

/** What an English amount of money is: €3.2m in net revenue, $2m of savings → net revenue, savings. */
const amountOf = englishNameAfter(englishNames.amountLinks, englishNames.amountDeterminers, englishNames.amountStops, 4);

function englishAmountOf(text: string, at: number): string {
  amountOf.lastIndex = at;
  const m = amountOf.exec(text);
  return m ? trimFillers(m[1]!.trim().toLowerCase()) : '';
}

/** What an English share is of: 99.5% of migrated records → migrated records (up to a preposition, a verb or punctuation). */
const shareOf = englishNameAfter(englishNames.shareLinks, englishNames.shareDeterminers, englishNames.shareStops, 5);

/**
 * The metric of an English share: its lead's words (an action dropped) and what it is a share of —
 * Reconcile at least 99.5% of migrated records → reconcile migrated records; '' when no "of" follows.
 */
function englishShare(text: string, at: number, lead: string): string {
  shareOf.lastIndex = at;
  const m = shareOf.exec(text);
  if (!m) return '';
  const of = trimFillers(m[1]!.trim().toLowerCase());
  return of ? trimFillers(`${metricName(lead)} ${of}`) : '';
}

/** The part of a name after its last 的: 公司品牌在目标区域的认知度 → 认知度 (a shorter name matches better). */
function headNoun(name: string): string {
  const at = name.lastIndexOf('的');
  const head = at >= 0 ? name.slice(at + 1) : name;
  return head.length >= 3 ? head : name;
}

/**
 * 将/把/使/让/令 with at least two characters after it (to the end, on one line). Every one is found, the
 * last one counts: one search that backtracks from the end would retry at every start of the name.
 */
const disposal = new RegExp(`(?:${phrasesYaml.disposal.join('|')})(?=(.{2,})$)`, 'gu');

/** 帮助公司将库存周转率 → 库存周转率: the object of 将/把/使/让 is what moves. */
function afterDisposal(name: string): string {
  let object = name;
  disposal.lastIndex = 0;
  for (let m = disposal.exec(name); m; m = disposal.exec(name)) object = m[1]!;
  return object;
}

/** A name that starts with a preposition (从提交到到账, 在项目周期内) describes a span or a setting, not a metric. */
const notAName = new RegExp(`^(?:${phrasesYaml.notAName.join('|')})(?![a-z])`, 'iu');

/** A metric's name from the words around a figure: fillers stripped, the head noun kept; empty for a span or a setting. */
export function metricName(raw: string): string {
  // An aside in brackets qualifies the name, it is not part of it: 脱贫户（含监测户）学员占比.
  const plain = raw.replace(/（[^（）]*）|\([^()]*\)|【[^【】]*】/gu, '');
  // 亩产较 2022 年: what the metric is compared with is no part of its name.
  const name = trimFillers(headNoun(afterDisposal(trimFillers(plain.replace(phrases.comparedWith, '')))));
  return notAName.test(name) ? '' : name;
}

const upToFrom = new RegExp(`^(.*)(?:${fromTo.from.join('|')})`, 'isu');

const fromIn = (lead: string) => upToFrom.test(lead);

/** The words before 从/由/from in a lead (审批时长从 → 审批时长). */
function beforeFrom(lead: string): string {
  const m = upToFrom.exec(lead);
  return m ? m[1]! : lead;
}

/** The metric named before a verb (Chinese: 满意度达到) or, failing that, after it (English: reduce the cost by). */
function metricAround(lead: string, verb = lastVerb(lower(lead))): string {
  if (!verb) return metricName(lead);
  const object = lead.slice(verb.end).replace(phrases.endsWithTo, '').replace(phrases.endsWithBy, '');
  // 全县累计完成新建改建农村公路 436 公里, 实现营业收入 5 亿元: what is done or reached is named after
  // the verb; before it stands who did it.
  // (A verb inside a noun leaves a suffix after it: 保持率 is no 保持 + 率.)
  const named = verb.kind === 'reach' ? metricName(object) : '';
  return (twoHan.test(named) ? named : '') || metricName(lead.slice(0, verb.start)) || metricName(object);
}

/**
 * The farthest back a figure's words are read: a metric's name is a few words, and a clause without
 * punctuation (a pasted log of thousands of lines) must not make every figure read all of it again.
 */
const leadAtMost = 120;

/** Where the words read before a figure at `end` begin: at most `leadAtMost` back, at a word's start. */
function leadStart(text: string, end: number): number {
  if (end <= leadAtMost) return 0;
  const space = text.indexOf(' ', end - leadAtMost);
  return space >= 0 && space < end ? space + 1 : end - leadAtMost;
}

/** Which side of the target a gap's words put the result on; undefined when they do not say. */
export function gapSide(words: string): GapSide | undefined {
  for (const side of ['worse', 'better', 'above', 'below'] as const) if (phrases.gapSides[side].test(words)) return side;
  return undefined;
}

/** Between a whole and its part: 127 个应用系统中，124 个…; 共 48 家网点，其中 45 家… */
const partOfBefore = new RegExp(
  `^\\s*[\\p{Script=Han}A-Za-z\\s]{0,16}?(?:${wordAlternation(partOf.within)}|[，,]\\s*(?:${wordAlternation(partOf.among)}))\\s*[，,]?\\s*(?:${wordAlternation(partOf.have)})?\\s*$`,
  'u',
);
/** The words between a part and its whole: of the, out of. */
const partOfWords = `(?:${wordAlternation(partOf.after, '\\s+')})\\s+(?:(?:${wordAlternation(partOf.determiners)})\\s+)?`;
/** Between a part and its whole: 11 of the 128 committees, 3 out of 4 sites. */
const partOfAfter = new RegExp(`^\\s+${partOfWords}$`, 'iu');
/** A lead that ends where the whole a part is counted of stands (1,812 of the 1,840 tenants). */
export const beforeWhole = new RegExp(`(?<![a-z])${partOfWords}$`, 'iu');

/** A clause that opens with 其中 (of which): what it counts is a part of what was counted before. */
const opensPart = new RegExp(`^\\s*(?:${wordAlternation(partOf.among)})\\s*[，,]?\\s*$`, 'iu');

/** Marks the readings that count a part of a whole counted before them in the sentence, in a unit they share. */
function markParts(readings: Reading[]): void {
  readings.forEach((reading, i) => {
    if (!opensPart.test(reading.lead)) return;
    const whole = readings.slice(0, i).some((r) => r.quantity.end <= reading.quantity.start && compatibleUnits(r.quantity.unit, reading.quantity.unit));
    if (whole) readings[i] = { ...reading, part: true };
  });
}

/**
 * A part of a whole as a share (127 个应用系统中，124 个已完成迁移 → 97.6%; 11 of the 128 committees →
 * 8.6%), for a goal in %. Its name is what the whole counts and what the part did.
 */
function shareReadings(text: string, offset: number, quantities: readonly Quantity[]): Reading[] {
  const shares: Reading[] = [];
  for (let i = 1; i < quantities.length; i++) {
    const a = quantities[i - 1]!;
    const b = quantities[i]!;
    const between = text.slice(a.end - offset, b.start - offset);
    const [whole, part] = partOfBefore.test(between) ? [a, b] : partOfAfter.test(between) ? [b, a] : [];
    if (!whole || !part || whole.value === undefined || part.value === undefined || whole.range || part.range || whole.placeholder || part.placeholder) continue;
    const counting = (u: Unit) => u.dimension.startsWith('count') || u.dimension === 'none';
    if (!counting(whole.unit) || !counting(part.unit) || !compatibleUnits(whole.unit, part.unit) || whole.value <= 0 || part.value > whole.value) continue;
    const value = (100 * part.value) / whole.value;
    const after = Math.max(part.end, whole.end) - offset;
    const clauseEnd = text.slice(after).search(/[，,；;。]/u);
    const did = text.slice(after, clauseEnd < 0 ? text.length : after + clauseEnd);
    const counted = whole === b && latinLetter.test(between) ? '' : englishCount(text, whole.end - offset) || nounAfter(text, whole.end - offset, true);
    const quantity: Quantity = { ...part, text: `${Number(value.toFixed(1))}%`, value, unit: percent, approximate: whole.approximate || part.approximate, bound: undefined, extreme: false };
    shares.push({ quantity, kind: 'level', movement: undefined, verb: undefined, baseline: undefined, metric: metricName(`${counted}${did}`), lead: '', computed: { rule: 'share', from: [part, whole] } });
  }
  return shares;
}

/** The general count a count of nothing is in (0 起 and 未发生…事故 compare). */
const countOfNothing: Unit = { symbol: '', dimension: 'count', factor: 1 };

/**
 * 未发生较大及以上安全事故, 零投诉, no data-loss incidents occurred: the figure 0 of what is named, where
 * no written figure stands.
 */
function noneReadings(text: string, offset: number, quantities: readonly Quantity[]): Reading[] {
  const readings: Reading[] = [];
  for (const pattern of phrases.none) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      // What is counted may stand before the match, read back from its noun.
      const start = offset + Math.min(m.index, m.indices?.[1]?.[0] ?? m.index);
      const end = offset + m.index + m[0].length;
      if (quantities.some((q) => q.start < end && start < q.end) || readings.some((r) => r.quantity.start < end && start < r.quantity.end)) continue;
      const quantity: Quantity = { start, end, text: text.slice(start - offset, end - offset), value: 0, range: undefined, unit: countOfNothing, approximate: false, bound: undefined, extreme: false, placeholder: false, vague: false };
      readings.push({ quantity, kind: 'level', movement: undefined, verb: undefined, baseline: undefined, metric: m[1]!.trim(), lead: '' });
    }
  }
  return readings;
}

/** Calendar dates compare as days (since 1970-01-01); a date's range is the days it covers (a month, a quarter). */
export const dateUnit: Unit = { symbol: '', dimension: 'date', factor: 1 };

/** The most days a date read as a figure may cover: a quarter. */
const longestDate = 92;

/** 前, 之前, before right after a date, or by, before, no later than right before it: a deadline. */
const deadlineAfter = new RegExp(`^\\s*(?:${wordAlternation(deadline.after)}|(?:${wordAlternation(deadline.afterLatin)})\\b)`, 'iu');
const deadlineBefore = new RegExp(
  `(?:\\b(?:${wordAlternation(deadline.before)})|${wordAlternation(deadline.beforePhrases)})\\s+(?:(?:${wordAlternation(deadline.periodEnd, '\\s+')})\\s+)?$`,
  'iu',
);

/**
 * The dates of a sentence that have a year, each as a figure: a deadline (2024 年 6 月 30 日前, by 31 August
 * 2024) is a ceiling, another date (于 2024 年 6 月 26 日通车) the day something happened. What it is the date
 * of is named by its clause, without the date.
 */
function dateReadings(text: string, offset: number): Reading[] {
  const readings: Reading[] = [];
  const clauseAt = clauseScanner(text);
  for (const match of findDates(text)) {
    // A year alone (2023 年) is too coarse to hold a deadline to; a quarter is the coarsest kept.
    if (!match.date || match.date.last - match.date.first > longestDate) continue;
    const after = deadlineAfter.exec(text.slice(match.end));
    const deadline = after !== null || deadlineBefore.test(text.slice(Math.max(0, match.start - 24), match.start));
    const end = match.end + (after ? after[0].length : 0);
    const { first, last } = match.date;
    const quantity: Quantity = {
      start: offset + match.start,
      end: offset + end,
      text: text.slice(match.start, end).trim(),
      value: first,
      range: first === last ? undefined : { min: first, max: last },
      unit: dateUnit,
      approximate: false,
      bound: deadline ? 'at-most' : undefined,
      extreme: false,
      placeholder: false,
      vague: false,
    };
    const begin = Math.max(clauseAt(match.start), leadStart(text, match.start));
    const following = text.slice(end, end + leadAtMost);
    const clauseEnd = following.search(/[，,；;。]/u);
    const clause = `${text.slice(begin, match.start)}${clauseEnd < 0 ? following : following.slice(0, clauseEnd)}`;
    // A name that says only that something is done (完成, completed) names nothing that can be matched.
    // What is due may start with its verb (通过设计定型评审): a date's clause names an event, not a span.
    const named = clause.replace(dateClauseLead, '');
    const metric = metricName(named) || (notAName.test(named.trim()) ? trimFillers(named.trim()) : '');
    const events = eventsIn(clause.toLowerCase());
    readings.push({ quantity, kind: 'level', movement: undefined, verb: undefined, baseline: undefined, metric: phrases.completion.test(metric.toLowerCase()) ? '' : metric, lead: text.slice(begin, match.start), events });
  }
  return readings;
}

/** Four digits: a year, without which no date is read as a figure. */
const year = /\d{4}/;

/**
 * Every figure of a sentence with what it means there: its numbers, its counts of nothing (未发生…事故)
 * and its dates. Baselines are not returned on their own: they are the `baseline` of the figure they lead
 * to. `offset` is the sentence's document offset.
 */
export function readSentence(text: string, offset: number): Reading[] {
  const quantities = findQuantities(text, offset);
  const figures = readFigures(text, offset, quantities);
  const nothing = noneReadings(text, offset, quantities);
  // A date that can be held to has a year: four digits.
  const dates = year.test(text) ? dateReadings(text, offset) : [];
  if (nothing.length === 0 && dates.length === 0) return figures;
  return [...figures, ...nothing, ...dates].sort((a, b) => a.quantity.start - b.quantity.start);
}


/** A figure moved by `delta` characters. */
function shiftQuantity(quantity: Quantity, delta: number): Quantity {
  return { ...quantity, start: quantity.start + delta, end: quantity.end + delta };
}

/** A reading moved by `delta` characters: its figure, baseline, listed figures and the figures it was computed from. */
function shiftReading(reading: Reading, delta: number): Reading {
  const moved: { -readonly [K in keyof Reading]: Reading[K] } = { ...reading, quantity: shiftQuantity(reading.quantity, delta) };
  if (reading.baseline) moved.baseline = shiftQuantity(reading.baseline, delta);
  if (reading.listed) moved.listed = reading.listed.map((q) => shiftQuantity(q, delta));
  if (reading.computed) moved.computed = { ...reading.computed, from: reading.computed.from.map((q) => shiftQuantity(q, delta)) };
  return moved;
}

/**
 * The readings of sentences read before, by their text and then by the offsets they were read at: what a
 * sentence says depends on its words alone, and a keystroke changes one sentence of thousands. A text
 * met at a new offset is moved from where it was read before; one written many times (达成 in a status
 * column) keeps a few of its places. Emptied when it holds `readCacheLimit` readings.
 */
const readCache = new Map<string, Map<number, readonly Reading[]>>();
let readCacheSize = 0;
const readCacheLimit = 40_000;

/** Forgets the readings kept across analyses (a benchmark's cold run). */
export function clearReadCache(): void {
  readCache.clear();
  readCacheSize = 0;
}
/** Offsets kept of one text: beyond them, its places are forgotten and it is moved from the last. */
const placesKept = 16;

/**
 * `readSentence`, remembered by the sentence's text: read again only when the text is new, and moved when
 * it stands elsewhere than where it was read. What it returns is shared: it must not be changed.
 */
export function readSentenceOnce(text: string, offset: number): readonly Reading[] {
  let places = readCache.get(text);
  const known = places?.get(offset);
  if (known) return known;
  let readings: readonly Reading[];
  if (places) {
    const [from, read] = places.entries().next().value!;
    readings = read.map((r) => shiftReading(r, offset - from));
    if (places.size >= placesKept) {
      readCacheSize -= places.size;
      places.clear();
    }
  } else {
    if (readCacheSize >= readCacheLimit) {
      readCache.clear();
      readCacheSize = 0;
    }
    readings = readSentence(text, offset);
    readCache.set(text, (places = new Map()));
  }
  places.set(offset, readings);
  readCacheSize++;
  return readings;
}

/**
 * A figure whose clause names nothing (满意度为 93.8%，较上年提高 5.1 个百分点) goes on with the subject
 * of the figure before it: Chinese and English leave a subject they keep unsaid. An average says so
 * before it in its clause (平均封闭施工 11 个日历天) or right after it (12 days on average).
 */
function carrySubjects(text: string, offset: number, readings: Reading[]): void {
  for (let i = 0; i < readings.length; i++) {
    const reading = readings[i]!;
    const metric = !reading.metric && i > 0 ? readings[i - 1]!.metric : reading.metric;
    const after = reading.quantity.end - offset;
    const average = phrases.averageBefore.test(lower(reading.lead)) || phrases.averageAfter.test(lower(text.slice(after, after + 16)));
    if (metric !== reading.metric || average) readings[i] = { ...reading, metric, ...(average ? { average } : {}) };
  }
}

type Pairs = Map<Quantity, { baseline: Quantity; movement: Movement | undefined }>;

/** 从A缩短至B, 由A提升到B, from A to B: A is the baseline of B. Adds each A to `isBaseline`. */
function pairFigures(text: string, offset: number, quantities: readonly Quantity[], clauseAt: (at: number) => number, isBaseline: Set<Quantity>): Pairs {
  const pairedWith: Pairs = new Map();
  for (let i = 1; i < quantities.length; i++) {
    const a = quantities[i - 1]!;
    const b = quantities[i]!;
    const aStart = a.start - offset;
    const between = text.slice(a.end - offset, qualifiersStart(text, b.start - offset));
    const m = toBetween.exec(between);
    const aFigure = qualifiersStart(text, aStart);
    const fromBefore = fromWord.test(text.slice(Math.max(clauseAt(aStart), aFigure - 8), aFigure));
    const far = !m && fromBefore && farTo.test(between);
    if (!m && !far) continue;
    const words = m ? lower(m[1]!) : '';
    const verb = lastVerb(words);
    const movement = verb?.kind === 'increase' ? 'up' : verb?.kind === 'decrease' ? 'down' : undefined;
    const to = phrases.endsWithTo.test(words) || (verb !== undefined && phrases.verbWithTo.test(verb.word));
    if (!far && !(movement && to) && !(fromBefore && justTo.test(words.trim())) && !arrow.test(words.trim())) continue;
    const baseline = a.unit.dimension === 'none' && b.unit.dimension !== 'none' ? { ...a, unit: b.unit } : a;
    const byValues = a.value !== undefined && b.value !== undefined && a.value !== b.value ? (b.value > a.value ? 'up' : 'down') : undefined;
    pairedWith.set(b, { baseline, movement: movement ?? byValues });
    isBaseline.add(a);
  }
  return pairedWith;
}

/** What a figure counts or measures, named right after it (120 users, 35% of orders, 3 万元的设备). */
/** Achieve 99.9% monthly availability: where the words before a share name nothing, the words after it do. */
function namedAfter(text: string, after: number, plainLead: string): string {
  return latinLetter.test(plainLead) && !metricAround(plainLead) ? englishCount(text, after) : '';
}

function figureNoun(text: string, after: number, quantity: Quantity, plainLead: string): string {
  return quantity.unit.dimension === 'none' && quantity.value !== undefined
    ? englishCount(text, after) || nounAfter(text, after, false)
    : quantity.unit.dimension === 'percent'
      ? englishShare(text, after, plainLead) || nounAfter(text, after, false) || namedAfter(text, after, plainLead)
      : quantity.unit.dimension.startsWith('currency')
        ? englishAmountOf(text, after) || nounAfter(text, after, false)
        : nounAfter(text, after, quantity.unit.dimension.startsWith('count'));
}

/**
 * A figure after "from" without a "to" figure, in a sentence that states a change in % or 个百分点 (by 30%
 * from the 60 ms baseline, 由 2021 年的 28.0 元/m²·年下降 10%): the starting point of the change.
 */
function startsChange(text: string, offset: number, quantity: Quantity, quantities: readonly Quantity[]): boolean {
  const at = quantity.start - offset;
  if (!fromBeforeFigure.test(text.slice(Math.max(0, at - 40), at))) return false;
  return quantities.some((q) => q !== quantity && (q.unit.dimension === 'percent' || q.unit.dimension === 'percentage-point'));
}

function readFigures(text: string, offset: number, quantities: readonly Quantity[]): Reading[] {
  // The figures are read in order: each scanner reads the sentence's clauses once for all of them (once
  // for the pairs, once again for the readings).
  const clauseAt = clauseScanner(text);
  const hardClauseAt = clauseScanner(text, false);
  const readings: Reading[] = [];
  const isBaseline = new Set<Quantity>();
  const pairedWith = pairFigures(text, offset, quantities, clauseAt, isBaseline);

  for (const quantity of quantities) {
    if (isBaseline.has(quantity)) continue;
    // 24 小时随访率, 2 小时内出具率, 30 天复购率: the figure names the measure, it is not its value.
    if (windowOfRate.test(text.slice(quantity.end - offset, quantity.end - offset + 12))) continue;
    const at = quantity.start - offset;
    const figureStart = qualifiersStart(text, at);
    const begin = Math.max(clauseAt(at), leadStart(text, figureStart));
    const lead = text.slice(begin, figureStart);
    const after = quantity.end - offset;

    // 现状45天, (项目前为12%), up from 91%: a starting point. Asides in brackets are no part of the words read.
    const plainLead = lead.replace(/（[^（）]*）|\([^()]*\)/gu, '');
    const lowerLead = lower(plainLead);
    // 较 2022 年（86 项）: a figure that opens an aside is read with the words before the bracket.
    const opensAside = plainLead.trim() === '' && /[（(]\s*$/u.test(text.slice(Math.max(0, begin - 2), begin));
    if (
      phrases.baseline.test(opensAside ? lower(text.slice(Math.max(0, begin - 24), begin)) : lowerLead) ||
      phrases.baselineAfter.test(text.slice(after, after + 8)) ||
      startsChange(text, offset, quantity, quantities)
    ) {
      isBaseline.add(quantity);
      continue;
    }

    const noun = figureNoun(text, after, quantity, plainLead);

    // 比目标高 1.5 dB(A), 2% below target: the distance to the target, not a result of its own.
    const gapBefore = phrases.gapBefore.exec(lowerLead);
    const gapAfter = gapBefore ? null : phrases.gapAfter.exec(text.slice(after, after + 40));
    if (gapBefore || gapAfter) {
      const side = gapSide(lower((gapBefore ?? gapAfter)![0]));
      const named = gapBefore ? plainLead.slice(0, gapBefore.index) : plainLead;
      if (side) readings.push({ quantity, kind: 'gap', side, movement: undefined, verb: undefined, baseline: undefined, metric: (gapAfter ? '' : noun) || metricAround(named), lead });
      continue;
    }

    const pair = pairedWith.get(quantity);
    if (pair) {
      const baselineAt = pair.baseline.start - offset;
      const before = beforeFrom(text.slice(hardClauseAt(baselineAt), qualifiersStart(text, baselineAt)));
      const between = text.slice(pair.baseline.end - offset, qualifiersStart(text, at));
      readings.push({ quantity, kind: 'level', movement: pair.movement, verb: undefined, baseline: pair.baseline, metric: noun || metricAround(before), lead: between });
      continue;
    }

    const verb = lastVerb(lowerLead);
    if (!verb) {
      readings.push({ quantity, kind: 'level', movement: undefined, verb: undefined, baseline: undefined, metric: noun || metricName(lead), lead });
      continue;
    }
    const gap = plainLead.slice(verb.end);
    if (verb.kind === 'increase' || verb.kind === 'decrease') {
      // 缩短至3天, 提升到80%, 提升至每人每小时120行, reduce to 3 days: the level reached.
      const levelReached = phrases.verbWithTo.test(verb.word) || phrases.endsWithTo.test(lower(gap)) || startsWithTo.test(gap);
      readings.push({
        quantity,
        kind: levelReached ? 'level' : 'change',
        movement: verb.kind === 'increase' ? 'up' : 'down',
        verb: undefined,
        baseline: undefined,
        // 门店运营费用率由 2023 年的 24.6% 下降: what changes is named before its starting point.
        metric: noun || (fromIn(plainLead) ? metricAround(beforeFrom(plainLead)) : metricAround(plainLead, verb)),
        lead,
      });
      continue;
    }
    // A saving names what is saved after the verb (节约运营成本XX万元, 节约数万元的纸张成本): that is the metric.
    let metric = noun || metricAround(plainLead, verb);
    if (verb.kind === 'save') {
      const saved = noun || metricName(gap) || metricName(plainLead.slice(0, verb.start));
      metric = saved ? `${saved}${latinLetter.test(verb.word) ? ' saving' : '节约'}` : '';
    }
    readings.push({ quantity, kind: 'level', movement: undefined, verb: verb.kind, baseline: undefined, metric, lead });
  }

  markParts(readings);
  readings.push(...shareReadings(text, offset, quantities));
  carrySubjects(text, offset, readings);
  return isBaseline.size === 0 ? readings : withBaselines(readings, isBaseline);
}

/**
 * A baseline written apart from its figure (缩短至30天以内（现状45天）) belongs to the figure before it; a
 * change's, to the change after it as well (较 2022 年（86 项）下降 50%).
 */
function withBaselines(readings: readonly Reading[], isBaseline: ReadonlySet<Quantity>): Reading[] {
  // Only a figure that could have the baseline stands between (within four weeks of release does not).
  const between = (from: number, to: number, baseline: Quantity) =>
    readings.some((r) => r.quantity.start > from && r.quantity.start < to && compatibleUnits(r.quantity.unit, baseline.unit));
  return readings.map((reading) => {
    if (reading.baseline) return reading;
    // A relative change (by 30% from the 2022 baseline of €7.40) applies to a baseline in any unit.
    // A change in 个百分点 starts from a share (由 24.6% 下降 1 个百分点).
    const points = reading.kind === 'change' && reading.quantity.unit.dimension === 'percentage-point';
    const relative = (reading.kind === 'change' && reading.quantity.unit.dimension === 'percent') || points;
    const startsFrom = (b: Quantity) => !points || b.unit.dimension === 'percent';
    const at = reading.quantity.start;
    const next =
      [...isBaseline].find((b) => b.start > at && (relative || compatibleUnits(b.unit, reading.quantity.unit)) && startsFrom(b) && !between(at, b.start, b)) ??
      (relative ? [...isBaseline].reverse().find((b) => b.end <= at && startsFrom(b) && !between(b.start, at, b)) : undefined);
    return next ? { ...reading, baseline: next } : reading;
  });
}

/** 'within' or 控制在 earlier in the figure's clause, with words between. */
const ceilingBefore = new RegExp(`(?:${alternation(phrasesYaml.ceilingBefore)})[^,，;；]*$`, 'iu');

/**
 * The direction a goal's figure asks for: its words (提升XX% → increase-by, 缩短至 → at-most, 达到 →
 * at-least), its bound (以上, 以内), a range (60至80人: within it), else what the metric is (costs and
 * durations are ceilings).
 */
export function directionOf(reading: Reading, metric: string): Direction {
  const { quantity } = reading;
  if (reading.kind === 'change') return reading.movement === 'down' ? 'decrease-by' : 'increase-by';
  if (quantity.bound) return quantity.bound;
  // A date to reach (Go-live date: 1 Apr 2024) is a deadline, written with 前 or not.
  if (quantity.unit === dateUnit) return 'at-most';
  if (quantity.range) return 'equal';
  // 0 起, zero incidents: nothing can be fewer, so the target is a ceiling.
  if (quantity.value === 0) return 'at-most';
  if (reading.movement) return reading.movement === 'up' ? 'at-least' : 'at-most';
  // within the approved budget of $38.5 million, 控制在批复预算 680 万元: a ceiling named before the figure.
  if (ceilingBefore.test(reading.lead)) return 'at-most';
  if (reading.verb) return 'at-least';
  // What is named before the figure counts too: within a budget of 1,200 engineer-days.
  return lowerIsBetter(lower(metric)) || lowerIsBetter(lower(reading.lead)) ? 'at-most' : 'at-least';
}
