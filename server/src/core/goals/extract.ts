/**
 * The goals a report sets: the items of the goal list in its goals chapter, the parts of a sentence that
 * enumerates them (项目的核心目标包括：A；B；C), other sentences of that chapter that call themselves a goal
 * and give a figure, the rows of a KPI table there, and the front matter's `goals:` list. A statement
 * with several targets gives one goal per target.
 */
import type { ClassifiedChapter } from '../report/chapters.js';
import type { ListItemInfo, ReportModel, Section, Span, TableInfo } from '../parse/model.js';
import { kpiColumns } from './columns.js';
import { cellReader, kpiRows, rowActual, rowTarget } from './kpi.js';
import { dateUnit, readSentenceOnce, directionOf, metricName, type Direction, type Reading } from './measure.js';
import { countDimension, findQuantities, qualifiersStart, type Quantity } from './numbers.js';
import phrasesYaml from '../../../data/goal-phrases.yaml';
import { wordAlternation } from '../report/patterns.js';
import { lastVerb, lowerIsBetter, phrases } from './phrases.js';
import { blocksWithin, closing, labelOf, leadParagraph, listItemsWithin, opening, paragraphsWithin, sentencesOf, within } from './segments.js';
import { abbreviationsIn, prepareMetric, similarity, type MetricText } from './metric.js';
import { sameFigure, sameValue, targetOf, type Target } from './verdict.js';

/** The word lists of goal-phrases.yaml this file reads with, each as an alternation source in its order. */
const words = {
  determiners: wordAlternation(phrasesYaml.determiners),
  clauseJoiners: phrasesYaml.joiners.clause.join('|'),
  leadJoiners: wordAlternation(phrasesYaml.joiners.lead),
  means: wordAlternation(phrasesYaml.means),
  orBetter: phrasesYaml.orBetter,
  see: phrasesYaml.pointsElsewhere,
  count: phrasesYaml.goalCount,
  lead: phrasesYaml.enumerationLead,
  heading: phrasesYaml.headingJoiners,
};

export interface Goal extends Span {
  /** The goal as written, white space collapsed. */
  readonly text: string;
  /** A short name: the label before a colon, or the start of the text. */
  readonly label: string;
  /** The normalized name of what the goal measures: 市场渗透率, 流程周期; the label when the text names none. */
  readonly metric: string;
  /** Every name the goal goes by (metric and label), for matching outcomes. */
  readonly names: readonly string[];
  readonly target: Target | undefined;
  /** The target as written: 提升XX%, 30天以内, XX万元. */
  readonly targetText: string | undefined;
  readonly source: 'list' | 'sentence' | 'table' | 'front-matter';
}

const directions: readonly Direction[] = ['at-least', 'at-most', 'increase-by', 'decrease-by', 'equal'];

/**
 * The figure a goal is about, when it gives several: one with a direction word or a bound beats one
 * without, a written number beats a Chinese numeral or a vague amount, one with a unit a bare number, then
 * the first.
 */
function mainReading(readings: readonly Reading[], documentText: string): Reading | undefined {
  let best: { reading: Reading; score: number } | undefined;
  for (const reading of readings) {
    // A distance to a target (比目标高 2%) is no target of its own.
    if (reading.kind === 'gap') continue;
    const q = reading.quantity;
    let score = reading.kind === 'change' || reading.movement || reading.verb || q.bound ? 3 : 0;
    // 结业后 3 个月内开设网店…的学员不少于 600 人: a span of time the clause goes on after is when, not how
    // much; outside the 10 pilot schools: a number after "the" describes what the goal is about.
    // A window loses to a figure with no bound: 展期 90 天内接待观众 25 万人次 is a goal of 25 万人次.
    if (isWindow(documentText, q)) score -= 4;
    else if (definite.test(documentText.slice(Math.max(0, q.start - 8), q.start))) score -= 3;
    // A deadline is the goal's figure only where it states no figure with a direction (于2024年6月前将满意度提升至90%).
    if (q.unit === dateUnit) score -= 2;
    if (q.placeholder || (q.value !== undefined && /\d/.test(q.text))) score += 1;
    if (q.vague || (q.value !== undefined && !/\d/.test(q.text))) score -= 1;
    // 能力提升工程 2.0 全员培训合格率达到 98% 以上: a figure with a unit says more than a bare number.
    if (q.unit.dimension !== 'none') score += 0.5;
    if (!best || score > best.score) best = { reading, score };
  }
  return best?.reading;
}

/** A determiner right before a figure: the 10 pilot schools, its 3 sites. */
const definite = new RegExp(`(?:^|[^a-z])(?:${words.determiners})\\s+$`, 'iu');

/** What makes a duration a span of time (goal-phrases.yaml `window`). */
const windowFrom = new RegExp(`^\\s+(?:${wordAlternation(phrasesYaml.window.from)})\\s`, 'iu');
const windowEnd = wordAlternation(phrasesYaml.window.ends);
const endsWithWindow = new RegExp(`(?:${windowEnd})$`, 'u');
const startsWithWindow = new RegExp(`^\\s*(?:${windowEnd})`, 'u');
/** A share earlier or later in the same clause (80% of calls …). */
const shareBefore = /\d\s?[%％][^.;:!?。；：，,]*$/u;
const shareAfter = /^[^.;:!?。；：，,]*?\d\s?[%％]/u;
const windowThenWords = new RegExp(`^\\s*(?:${windowEnd})?\\s*[\\p{Script=Han}A-Za-z]`, 'u');

/**
 * A span of time the goal counts within, not its target: a duration followed by 内 / 以内 and more of its
 * clause (3 个月内开设网店), or within … of / after / from an event (within 48 hours of capture).
 */
function isWindow(documentText: string, q: Quantity): boolean {
  if (q.bound !== 'at-most' || (q.unit.dimension !== 'duration' && q.unit.dimension !== 'calendar-month' && q.unit.dimension !== 'workday')) return false;
  // within 48 hours of capture, within 90 days after go-live: the span is counted from an event.
  if (windowFrom.test(documentText.slice(q.end, q.end + 8))) return true;
  // Answer 80% of calls within 20 seconds, published within 5 business days for at least 95% of incidents:
  // the share counts what is done within the span.
  if (shareBefore.test(documentText.slice(Math.max(0, q.start - 60), q.start)) || shareAfter.test(documentText.slice(q.end, q.end + 60))) return true;
  if (!endsWithWindow.test(q.text) && !startsWithWindow.test(documentText.slice(q.end, q.end + 3))) return false;
  return windowThenWords.test(documentText.slice(q.end, q.end + 4));
}

/** 提升XX%, 缩短XX%: a change keeps its verb; a level its qualifiers and figure (低于1秒, 30天以内). */
function targetText(documentText: string, reading: Reading): string {
  const q = reading.quantity;
  if (reading.kind === 'level') return documentText.slice(qualifiersStart(documentText, q.start), q.end);
  const verb = lastVerb(reading.lead.toLowerCase());
  if (!verb) return q.text;
  const word = reading.lead.slice(verb.start, verb.end);
  return /[a-z]$/i.test(word) ? `${word} ${q.text}` : `${word}${q.text}`;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/** What a clause without a figure is about: 提升审批效率与资源利用率 → 审批效率与资源利用率. */
function clauseName(clause: string): string {
  let text = clause.trim();
  for (let m = phrases.leadingAction.exec(text.toLowerCase()); m && m[0].length < text.length; m = phrases.leadingAction.exec(text.toLowerCase())) {
    text = text.slice(m[0].length).trim();
  }
  return metricName(text).slice(0, 24);
}

/** Words that join goals in one sentence (…，并为未来业务扩展提供…) or lead into one (最终，通过技术赋能，…). */
const joiner = new RegExp(`^(?:${words.clauseJoiners}|${words.leadJoiners})[,，\\s]*`, 'iu');
const means = new RegExp(`^(?:${words.means})[^，,；;。]{1,16}[，,]\\s*`, 'u');

/** 3.0 m³/(h·m²) or better: which way is better, the goal leaves to the reader. */
const orBetter = new RegExp(wordAlternation([...words.orBetter.either, ...words.orBetter.lower, ...words.orBetter.higher, ...words.orBetter.chinese]), 'iu');
const orLower = new RegExp(wordAlternation(words.orBetter.lower), 'iu');
const orHigher = new RegExp(wordAlternation(words.orBetter.higher), 'iu');

/**
 * A target written "or better" is a floor or a ceiling by the metric's nature: a ceiling for what is
 * better lower (cost, time…), a floor for what is better higher (accuracy, 合格率…); for any other metric
 * the tool cannot tell which, and says so.
 */
function withBetter(target: Target, text: string, metric: string): Target {
  const m = orBetter.exec(text);
  if (!m || target.quantity.bound) return target;
  if (orLower.test(m[0]) || lowerIsBetter(metric.toLowerCase())) return { ...target, direction: 'at-most' };
  if (orHigher.test(m[0]) || phrases.higherIsBetter.test(metric.toLowerCase()) || phrases.higherIsBetter.test(text.toLowerCase())) return target;
  return { ...target, betterUnknown: true };
}

/** A target that holds for every item or period its words name (每个网点, 各批次均, each site). */
function withEach(target: Target, text: string): Target {
  return phrases.each.test(text) ? { ...target, each: true } : target;
}

const hanCharacter = /\p{Script=Han}/u;

/** A goal from the text of `start…end`, or undefined when it is too short to be one. */
function goalAt(model: ReportModel, start: number, end: number, source: Goal['source']): Goal | undefined {
  const raw = model.text.slice(start, end);
  const text = collapse(raw);
  if (text.length < 2) return undefined;
  const labelled = labelOf(raw);
  const bodyStart = start + (labelled?.rest ?? 0);
  const label = labelled?.label ?? text.replace(joiner, '').slice(0, 16);
  const reading = mainReading(readSentenceOnce(model.text.slice(bodyStart, end), bodyStart), model.text);
  // A goal with no figure is named by what its clauses are about (建立统一的数据标准与数据治理体系 → 数据标准与数据治理体系).
  const clauses = reading ? [] : collapse(model.text.slice(bodyStart, end)).split(/[，；;。]|,(?!\d{3})/u).slice(0, 3).map(clauseName).filter(Boolean);
  // A figure right after a label (Next-day delivery: at least 95% of orders) is the label's.
  const labelNames = labelled !== undefined && reading !== undefined && reading.lead.trim() === '';
  const metric = ((labelNames ? labelled.label : reading?.metric) || labelled?.label || clauses[0] || label).trim();
  // A label names a goal without a figure well enough; the clauses of a long sentence only add noise.
  // 供应商关系管理（SRM）系统: a table or a later sentence may call it by the abbreviation alone.
  const abbreviations = abbreviationsIn(raw);
  const target = reading ? withEach(withBetter(targetOf(reading, metric), text, metric), text) : undefined;
  // A ceiling in money that an English goal puts on the work (Complete the project within the USD 450,000
  // award) is a budget: it is on what is spent. A Chinese one names what it limits (县级配套资金不超过…).
  const spent = target?.direction === 'at-most' && target.quantity.unit.dimension.startsWith('currency') && !hanCharacter.test(metric) ? [phrases.moneyCeiling] : [];
  const names = [...new Set([metric, labelled?.label, labelNames ? reading.metric : undefined, ...(labelled ? [] : clauses), ...abbreviations, ...spent].filter((n): n is string => !!n))];
  return {
    start,
    end,
    text,
    label,
    metric,
    names,
    target,
    targetText: reading ? targetText(model.text, reading) : undefined,
    source,
  };
}

/**
 * The lead-in of each top-level list item: the last heading or paragraph outside any list item that
 * ends before it (项目的核心目标包括：, ### 1.2 项目目标). Blocks and items are both in document order.
 */
function leadIns(model: ReportModel, chapter: Span, tops: readonly ListItemInfo[]): Map<ListItemInfo, string> {
  const blocks: { end: number; text: string }[] = outsideItems(paragraphsWithin(model, chapter), tops);
  for (const h of blocksWithin(model.headings, chapter)) blocks.push({ end: h.end, text: h.text });
  blocks.sort((a, b) => a.end - b.end);
  const result = new Map<ListItemInfo, string>();
  let last = '';
  let next = 0;
  for (const top of tops) {
    while (next < blocks.length && blocks[next]!.end <= top.start) last = blocks[next++]!.text;
    result.set(top, last);
  }
  return result;
}

/** A goal statement in its own words: 目标, 预期, 争取, aim… */
function soundsLikeGoal(text: string): boolean {
  return phrases.goalMarker.test(text.toLowerCase());
}

const hasFigure = (text: string) => findQuantities(text).length > 0;

/** Where one goal of an enumeration ends and the next begins: ；/。, or ，并… (a second goal joined to the first). */
const enumerationBreak = new RegExp(`[；;。]|[，,](?=\\s*(?:${words.clauseJoiners})[^，,；;。]{4})`, 'gu');

/** A part that only says where the goals are set out: 见表 3-1, 详见附件 2, see Table 2. */
const pointsElsewhere = new RegExp(
  `(?:${wordAlternation(words.see.see)})\\s*(?:${wordAlternation(words.see.parts)}|第\\s*\\S+\\s*(?:${wordAlternation(words.see.numbered)}))|(?<![a-z])(?:${wordAlternation(words.see.seeLatin)})\\s+(?:${wordAlternation(words.see.partsLatin)})`,
  'iu',
);

/** What leads into an overall aim (项目总体目标是：, the overall objective was:), not a list of goals to check. */
const overallAim = new RegExp(`(?:${wordAlternation(phrasesYaml.overallAim, '\\s+')})`, 'iu');

/** 目标包括：, the objectives were: — the lead of an enumeration of goals. */
const enumerationLead = new RegExp(
  `(?:${wordAlternation(words.lead.nouns)})(?:${wordAlternation(words.lead.verbs)}|\\s+(?:${wordAlternation(words.lead.spacedVerbs)}))?\\s*[:：]`,
  'iu',
);

/** The parts of 项目的核心目标包括：A；B；C, each one goal. */
function enumeration(model: ReportModel, paragraph: Span): Span[] {
  const text = model.text.slice(paragraph.start, paragraph.end);
  const lead = enumerationLead.exec(text);
  if (!lead) return [];
  const from = lead.index + lead[0].length;
  const cuts: [number, number][] = [];
  let start = from;
  enumerationBreak.lastIndex = from;
  for (let m = enumerationBreak.exec(text); m; m = enumerationBreak.exec(text)) {
    cuts.push([start, m.index]);
    start = m.index + m[0].length;
  }
  cuts.push([start, text.length]);
  const parts: Span[] = [];
  for (const [cutStart, cutEnd] of cuts) {
    let body = text.slice(cutStart, cutEnd);
    let at = paragraph.start + cutStart;
    // Strip what leads into the goal (并, 最终，通过技术赋能，) and the punctuation that ends it.
    for (let changed = true; changed; ) {
      const trimmed = body.replace(/^[\s，,]+/u, '').replace(joiner, '').replace(means, '');
      changed = trimmed !== body;
      at += body.length - trimmed.length;
      body = trimmed;
    }
    const length = body.replace(/[.\s]+$/u, '').length;
    if (length > 0) parts.push({ start: at, end: at + length });
  }
  return parts;
}

/**
 * The goals a paragraph lists after saying so (项目的核心目标包括：A；B；C), or undefined when it lists
 * none. Of an overall aim (项目总体目标是：…) only the parts with a figure are goals to check; a part that
 * points to where the goals are (运营指标见表 3-1, see Annex A) is none of them.
 */
function enumeratedGoals(model: ReportModel, paragraph: Span): Span[] | undefined {
  const parts = enumeration(model, paragraph);
  if (!parts.length) return undefined;
  const aim = overallAim.test(model.text.slice(paragraph.start, parts[0]!.start));
  return parts.filter((part) => {
    const text = model.text.slice(part.start, part.end);
    return !((aim && !hasFigure(text)) || pointsElsewhere.test(text));
  });
}

/** Paragraphs that stand outside every one of `items` (both in document order). */
function outsideItems<T extends Span>(blocks: readonly T[], items: readonly Span[]): T[] {
  let next = 0;
  return blocks.filter((block) => {
    while (next < items.length && items[next]!.end <= block.start) next++;
    return !(next < items.length && within(block, items[next]!));
  });
}

/** A target figure: a written number or a placeholder, with a direction word or a bound. */
function isTarget(reading: Reading): boolean {
  const q = reading.quantity;
  // A share in words (三成, 百分之五十) is as written a figure as 30%.
  const written = q.placeholder || /\d/.test(q.text) || (q.value !== undefined && q.unit.dimension === 'percent');
  return reading.kind !== 'gap' && written && (reading.kind === 'change' || reading.movement !== undefined || reading.verb !== undefined || q.bound !== undefined);
}

/** A deadline's name that is no more than its completion (completed, 完成): what completes is named before it. */
const onlyCompletes = (metric: string) => !metric || phrases.completion.test(metric.toLowerCase().trim());

/** Where one statement may hold the next goal: ，；、, and ", and" / " and " (not a `,` that groups digits or comes before a year). */
const targetBreak = new RegExp(`[，；;、]\\s*|,(?!\\d{3}|\\s*(?:19|20)\\d\\d\\b)\\s*|\\s+(?:${wordAlternation(phrasesYaml.targetJoiners)})\\s+`, 'gu');

/**
 * One statement with several targets (审批周期缩短至3天，并将满意度提升至95%; cut handling time by 20% and
 * lift resolution to 85%) as one span per target. A piece without a target of its own stays with the one
 * before it (a baseline, a deadline, a comment), so a statement with one target is left whole.
 */
function targetSpans(model: ReportModel, start: number, end: number, listed = false): Span[] {
  const text = model.text.slice(start, end);
  const pieces: Span[] = [];
  let from = 0;
  // A break inside brackets lists what the bracket qualifies (营销费用（含优惠券补贴、广告投放）总额): no goal ends there.
  let depth = 0;
  let scanned = 0;
  targetBreak.lastIndex = 0;
  for (let m = targetBreak.exec(text); m; m = targetBreak.exec(text)) {
    for (; scanned < m.index; scanned++) depth = Math.max(0, depth + (opening.test(text.charAt(scanned)) ? 1 : closing.test(text.charAt(scanned)) ? -1 : 0));
    if (depth > 0) continue;
    pieces.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  pieces.push({ start: from, end: text.length });
  // One piece is one span: there is nothing to read it for.
  if (pieces.length < 2) return [{ start, end }];
  const spans: { start: number; end: number; target: boolean }[] = [];
  let counted = false;
  for (const piece of pieces) {
    // A deadline that names nothing of its own (…, to be completed by 30 September 2024) stays with the target before it.
    const pieceText = text.slice(piece.start, piece.end);
    const readings = readSentenceOnce(pieceText, 0);
    const own = readings.some((r) =>
      r.quantity.unit === dateUnit ? isTarget(r) && !onlyCompletes(r.metric) : zoneTarget(pieceText, r) || (listed && listedTarget(pieceText, r)),
    );
    // at least 30 pharmacy staff and 30 participants: a count of other things joined to a count target is one too.
    const alone = readings.length === 1 && bareCount(readings[0]!) ? readings[0]! : undefined;
    const target: boolean = own || (counted && alone !== undefined && alone.lead.trim() === '');
    counted = target && alone !== undefined;
    const last = spans[spans.length - 1];
    if (!last || (target && last.target)) spans.push({ start: piece.start, end: piece.end, target });
    else {
      last.end = piece.end;
      last.target ||= target;
    }
  }
  if (spans.length < 2) return [{ start, end }];
  return spans.map((span) => trimJoiner(model, { start: start + span.start, end: start + span.end }));
}

/** A span without the connective it starts with (并将满意度… → 将满意度…). */
function trimJoiner(model: ReportModel, span: Span): Span {
  const text = model.text.slice(span.start, span.end);
  const trimmed = text.replace(joiner, '');
  return { start: span.start + text.length - trimmed.length, end: span.end };
}

/** A heading whose part ends in a goal word names goals (年度目标, 考核指标, Project Objectives), not 目标人群. */
const headingParts = new RegExp(`\\s*(?:${wordAlternation(words.heading.chinese)}|[、&/／+]|\\b(?:${wordAlternation(words.heading.latin)})\\b)\\s*`, 'iu');
const goalPart = (part: string) => phrases.endsWithGoalLead.test(part.toLowerCase().replace(/[\s:：.。]+$/u, ''));
const namesGoals = (title: string) => title.split(headingParts).some(goalPart);
/** Every part of the heading names goals (行动目标与考核指标, Goals and KPIs), none a background or scope. */
const onlyGoals = (title: string) => title.split(headingParts).every(goalPart);

/**
 * The parts of a goals chapter that set its goals: its sections named for goals (### 1.2 项目目标, at any
 * depth), or — without one — all that follows the chapter's first block that speaks of a goal. Inside
 * them every statement with a target figure is a goal, whatever its own words.
 */
function goalZones(model: ReportModel, chapter: Section, slots: readonly string[]): Span[] {
  const named: Span[] = [];
  const pending = [...chapter.sections];
  for (let section = pending.shift(); section; section = pending.shift()) {
    if (namesGoals(section.heading.title)) named.push(section);
    else pending.push(...section.sections);
  }
  if (named.length) return named;
  // 第二章 行动目标与考核指标, Objectives and Indicators: a chapter whose heading names nothing but goals sets
  // them throughout, and so does one read as the goals alone whose heading is one part (What We Set Out to Do).
  const whole = onlyGoals(chapter.heading.title) || (slots.length === 1 && slots[0] === 'goals' && chapter.heading.title.split(headingParts).length === 1);
  if (whole) return [{ start: chapter.heading.end, end: chapter.end }];
  const blocks = [...paragraphsWithin(model, chapter), ...listItemsWithin(model, chapter)].sort((a, b) => a.start - b.start);
  const first = blocks.find((b) => soundsLikeGoal(b.text));
  return first ? [{ start: first.start, end: chapter.end }] : [];
}

/** N 项目标, 12 项考核指标: a figure that counts the goals. */
const countsGoals = new RegExp(
  `^\\s*(?:(?:${wordAlternation(words.count.classifiers)})\\s*)?(?:[^\\s，,；;。]{0,4}?)(?:${wordAlternation(words.count.after)})|^\\s*(?:[a-z-]+\\s+){0,2}(?:${wordAlternation(words.count.afterLatin)})\\b`,
  'iu',
);
/** Goals 1 to 4, 指标 6 项: a figure that numbers or counts the goals after naming them. */
const namesGoalsBefore = new RegExp(
  `(?:${wordAlternation(words.count.before)})\\s*(?:${wordAlternation(words.count.totals)})?\\s*(?:${wordAlternation(words.count.numberSigns)})?\\s*$`,
  'iu',
);

/** What goals are counted in: the classifiers of goal-phrases.yaml `goalCount`, or none (Objectives 1 to 3). */
const goalCountDimensions = new Set(['none', ...words.count.classifiers.map(countDimension).filter((d) => d !== undefined)]);

/** Whether a figure counts or numbers the goals (共设定 12 项目标, Objectives 1 to 3) rather than setting one. */
function countsTheGoals(text: string, reading: Reading): boolean {
  const q = reading.quantity;
  // 惠及居民 3.2 万户为目标 counts households, not goals.
  if (!goalCountDimensions.has(q.unit.dimension)) return false;
  return countsGoals.test(text.slice(q.end)) || namesGoalsBefore.test(text.slice(Math.max(0, q.start - 16), q.start));
}

/**
 * A sentence about the goals (本次改版共设定 12 项目标，其中 9 项列入下表; Objectives 1 to 3 were owned by…):
 * it counts or numbers them, and no other figure of it is a target.
 */
function aboutTheGoals(text: string, readings: readonly Reading[]): boolean {
  return readings.some((r) => countsTheGoals(text, r)) && !readings.some((r) => !countsTheGoals(text, r) && isTarget(r));
}

/**
 * A figure a goal zone takes as a target: one with a direction word or a bound, or a count (申请发明专利 3
 * 项, 培养研究生 6 名), but not a count of the goals themselves.
 */
function zoneTarget(text: string, reading: Reading): boolean {
  const q = reading.quantity;
  if (countsTheGoals(text, reading) || reading.kind === 'gap') return false;
  return isTarget(reading) || (q.value !== undefined && (/\d/.test(q.text) || q.value === 0) && q.unit.dimension.startsWith('count'));
}

/** A number of things named after it (30 participants), as English counts: no unit, only the noun. */
const bareCount = (reading: Reading) => reading.kind === 'level' && reading.quantity.unit.dimension === 'none' && /\d/.test(reading.quantity.text) && reading.metric !== '';

/** In a list of goals introduced as such (目标是：…，发放创业担保贷款 2 亿元), any written figure with a unit is a target. */
const listedTarget = (text: string, reading: Reading) =>
  reading.kind !== 'gap' && reading.quantity.unit.dimension !== 'none' && /\d/.test(reading.quantity.text) && !countsTheGoals(text, reading);

/** Whether a text whose figures are `readings` (read from the text itself) sets a target a goal zone takes. */
const statesTarget = (text: string, readings: readonly Reading[] = readSentenceOnce(text, 0)) => readings.some((r) => zoneTarget(text, r));

/** The goals of `start…end`, one per target it sets (see `targetSpans`). */
function goalsIn(model: ReportModel, start: number, end: number, source: Goal['source'], listed: boolean): Goal[] {
  return targetSpans(model, start, end, listed).flatMap((span) => goalAt(model, span.start, span.end, source) ?? []);
}

/** Goals of one goals chapter, read as filling `slots` (none where that is still to be decided). */
export function chapterGoals(model: ReportModel, chapter: Section, slots: readonly string[] = []): Goal[] {
  const goals: Goal[] = [];
  const add = (start: number, end: number, source: Goal['source'], listed = false) => {
    goals.push(...goalsIn(model, start, end, source, listed));
  };
  const items = listItemsWithin(model, chapter);
  const tops = items.filter((i) => i.level === 0);
  const intros = leadIns(model, chapter, tops);
  const zones = goalZones(model, chapter, slots);
  const inZone = (block: Span) => zones.some((zone) => within(block, zone));

  items.forEach((item, index) => {
    if (item.level !== 0) return;
    const children: ListItemInfo[] = [];
    for (let i = index + 1; i < items.length && items[i]!.level > 0; i++) if (items[i]!.level === 1) children.push(items[i]!);
    const lead = leadParagraph(model, item) ?? item;
    const own = model.text.slice(lead.start, lead.end);
    let figure: boolean | undefined;
    const ownFigure = () => (figure ??= hasFigure(own));
    const isGoal =
      phrases.goalLead.test((intros.get(item) ?? '').toLowerCase()) ||
      (soundsLikeGoal(own) && ownFigure()) ||
      (inZone(item) && (statesTarget(own) || (children.length > 0 && !ownFigure())));
    if (!isGoal) return;
    // 1. 效率目标： with the figures in its sub-items: the sub-items are the goals.
    if (children.length && !ownFigure()) {
      for (const child of children) {
        const childLead = leadParagraph(model, child) ?? child;
        add(childLead.start, childLead.end, 'list');
      }
      return;
    }
    add(lead.start, lead.end, 'list');
  });

  for (const paragraph of outsideItems(paragraphsWithin(model, chapter), tops)) {
    const parts = enumeratedGoals(model, paragraph);
    if (parts) {
      for (const part of parts) add(part.start, part.end, 'sentence', true);
      continue;
    }
    const zoned = inZone(paragraph);
    for (const sentence of sentencesOf(model.text, paragraph.start, paragraph.end)) {
      // The sentence's figures are read once for the three questions asked of them.
      const readings = readSentenceOnce(sentence.text, 0);
      const goal = (soundsLikeGoal(sentence.text) && readings.some(isTarget)) || (zoned && statesTarget(sentence.text, readings));
      if (goal && !aboutTheGoals(sentence.text, readings)) {
        add(sentence.start, sentence.end, 'sentence');
      }
    }
  }

  const read = cellReader(model.text);
  const tables = blocksWithin(model.tables, chapter).map((table) => ({ table, rows: tableGoals(model, table, read) }));
  const scorecards = tables.filter((t) => kpiColumns(t.table).actual !== undefined);
  // A sentence that gives a figure a scorecard of the chapter has as an actual, not as a target (Log
  // ingestion dropped to 1.7 TB/day under a row `< 2 TB/day | 1.7 TB/day`), reports the outcome.
  const reported = scorecards.flatMap((t) => (kpiRows(model.text, t.table) ?? []).map((row) => rowActual(read, row)?.quantity)).filter((q) => q !== undefined);
  const targets = scorecards.flatMap((t) => t.rows.map((g) => g.target!.quantity));
  const kept = goals.filter((g) => !(g.source === 'sentence' && g.target && reported.some((q) => sameFigure(q, g.target!.quantity)) && !targets.some((q) => sameFigure(q, g.target!.quantity))));
  // A table with actual figures beside goals already stated (### Scorecard under ### Goals) reports on
  // them: its rows that restate a stated goal are outcomes, not goals of their own.
  const stated = kept.map((g) => ({ target: g.target, names: g.names.map(prepareMetric) }));
  for (const { table, rows } of tables) {
    const scorecard = kpiColumns(table).actual !== undefined;
    for (const row of rows) if (!scorecard || !stated.some((s) => restated(s, row.target, row.names.map(prepareMetric)))) kept.push(row);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** A goal stated already, written again in a KPI row: the same target value, or names that share a word. */
function restated(stated: { readonly target: Target | undefined; readonly names: readonly MetricText[] }, target: Target | undefined, names: readonly MetricText[]): boolean {
  if (stated.target && target && sameValue(stated.target, target)) return true;
  return stated.names.some((n) => names.some((r) => similarity(n, r) >= 0.3));
}

/** The rows of a KPI table with a target, each a goal. */
function tableGoals(model: ReportModel, table: TableInfo, read = cellReader(model.text)): Goal[] {
  const goals: Goal[] = [];
  for (const row of kpiRows(model.text, table) ?? []) {
    const target = rowTarget(read, row);
    if (!row.target || !target) continue;
    goals.push({
      start: row.start,
      end: row.end,
      text: row.cells.map((c) => c.text).join(' | '),
      label: row.metric,
      metric: row.metric,
      names: [row.metric],
      target: withEach(target, `${row.metric} ${row.target.text}`),
      targetText: row.target.text,
      source: 'table',
    });
  }
  return goals;
}

/** Where a front matter value is written: its first occurrence inside the front matter, else the `goals` key's value. */
function locate(model: ReportModel, needle: string): Span {
  const fm = model.frontMatter!;
  const at = needle ? model.text.indexOf(needle, fm.start) : -1;
  if (at >= 0 && at + needle.length <= fm.end) return { start: at, end: at + needle.length };
  return fm.valueRange('goals') ?? { start: fm.start, end: fm.end };
}

/** A quantity read from front matter, placed where the goal is. */
function frontMatterQuantity(value: unknown, unit: unknown, at: Span): Quantity | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const written = `${value}${typeof unit === 'string' ? unit : ''}`;
  const q = findQuantities(written)[0];
  return q ? { ...q, start: at.start, end: at.end } : undefined;
}

/** `goals:` in front matter: strings read like goal sentences, or `{metric, target, direction, unit?, baseline?}`. */
function frontMatterGoals(model: ReportModel): Goal[] {
  const list = model.frontMatter?.data.goals;
  if (!Array.isArray(list)) return [];
  const goals: Goal[] = [];
  for (const item of list) {
    if (typeof item === 'string' && item.trim()) {
      const span = locate(model, item.trim());
      const found = span.end - span.start === item.trim().length ? goalAt(model, span.start, span.end, 'front-matter') : undefined;
      if (found) goals.push(found);
      continue;
    }
    if (!item || typeof item !== 'object') continue;
    const fields = item as Record<string, unknown>;
    const metric = typeof fields.metric === 'string' ? fields.metric.trim() : typeof fields.name === 'string' ? fields.name.trim() : '';
    if (!metric) continue;
    const span = locate(model, metric);
    const quantity = frontMatterQuantity(fields.target, fields.unit, span);
    const baseline = frontMatterQuantity(fields.baseline, fields.unit, span);
    const named = directions.find((d) => d === fields.direction);
    const reading: Reading | undefined = quantity && { quantity, kind: 'level', movement: undefined, verb: undefined, baseline, metric, lead: '' };
    const direction = named ?? (reading ? directionOf(reading, metric) : 'at-least');
    goals.push({
      ...span,
      text: `${metric}: ${fields.target ?? ''}${typeof fields.unit === 'string' ? fields.unit : ''}`.trim(),
      label: metric,
      metric,
      names: [metric],
      target: quantity ? { quantity, direction, baseline } : undefined,
      targetText: quantity ? quantity.text : undefined,
      source: 'front-matter',
    });
  }
  return goals;
}

/** Chapters whose lists of goals are not this report's: the next period's, or those of lessons and problems. */
const noStatedGoals = new Set(['outlook', 'lessons', 'challenges', 'risks', 'conclusion']);

/**
 * Every goal of the report: front matter first, then the goals chapter(s) in document order. With a
 * `limit`, the goals chapters after the one that reaches it are not read: a caller that keeps only the
 * first goals gets the same ones.
 */
export function extractGoals(model: ReportModel, chapters: readonly ClassifiedChapter[], limit = Infinity): Goal[] {
  const goals = frontMatterGoals(model);
  const known = new Set(goals.map((g) => g.metric));
  for (const chapter of chapters) {
    if (goals.length >= limit) break;
    if (!chapter.slots.includes('goals')) continue;
    for (const goal of chapterGoals(model, chapter.section, chapter.slots)) if (!known.has(goal.metric)) goals.push(goal);
  }
  // 一、年度目标任务完成情况 opening with 年初确定的目标是：A，B，C: where no goals chapter states them, a
  // list of goals introduced as such sets them wherever it stands, except where the report looks ahead or back.
  if (goals.length === 0) {
    for (const chapter of chapters) {
      if (chapter.slots.some((slot) => noStatedGoals.has(slot))) continue;
      for (const paragraph of paragraphsWithin(model, chapter.section)) {
        for (const part of enumeratedGoals(model, paragraph) ?? []) goals.push(...goalsIn(model, part.start, part.end, 'sentence', true));
      }
    }
  }
  // KPI tables elsewhere (指标 | 目标值 | 实际值 under 指标达成情况) set the goals the chapters do not state.
  const read = cellReader(model.text);
  // Their names prepared once: every row of every table is set against every one of them.
  const stated = goals.map((g) => ({ target: g.target, names: g.names.map(prepareMetric) }));
  const goalChapters = chapters.filter((c) => c.slots.includes('goals'));
  for (const table of model.tables) {
    if (goals.length >= limit) break;
    if (goalChapters.some((c) => within(table, c.section))) continue;
    for (const goal of tableGoals(model, table, read)) {
      const names = goal.names.map(prepareMetric);
      if (!stated.some((s) => restated(s, goal.target, names))) goals.push(goal);
    }
  }
  return goals;
}
