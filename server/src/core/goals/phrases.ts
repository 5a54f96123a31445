/**
 * The word lists of server/data/goal-phrases.yaml as regular expressions. Every expression expects
 * lower-cased text (Latin words match as whole words, see `keywordPattern`); Chinese is unaffected.
 */
import phrasesYaml from '../../../data/goal-phrases.yaml';
import { keywordPattern, wordAlternation } from '../report/patterns.js';

interface PhrasesFile {
  verbs: { increase: string[]; decrease: string[]; reach: string[]; save: string[] };
  to: string[];
  by: string[];
  baseline: string[];
  baselineAfter: string[];
  goalMarkers: string[];
  goalLeads: string[];
  fillers: string[];
  keep: string[];
  actions: string[];
  completion: string[];
  lowerIsBetter: string[];
  higherIsBetter: string[];
  decreaseAmounts: string[];
  future: string[];
  acknowledged: string[];
  gapBefore: string[];
  none: string[];
  gapAfter: string[];
  gapSides: Record<'above' | 'below' | 'worse' | 'better', string[]>;
  claims: string[];
  softClaims: string[];
  claimNotAfter: string[];
  claimAll: string[];
  claimPlanned: string[];
  each: string[];
  planned: string[];
  average: { before: string[]; after: string[] };
  moneyCeiling: string;
  events: string[][];
  countClaims: string[];
  verbEndsWithTo: string[];
  baselineTail: { after: string[]; afterYear: string[]; yearSuffixes: string[]; named: string[] };
  comparedWith: string[];
}

const data: PhrasesFile = phrasesYaml;

/** An alternation of the words, longest first, as a regular expression source. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(keywordPattern).join('|');
}

export type VerbKind = 'increase' | 'decrease' | 'reach' | 'save';

const verbKinds = new Map<string, VerbKind>();
for (const kind of ['increase', 'decrease', 'reach', 'save'] as const) for (const word of data.verbs[kind]) verbKinds.set(word.toLowerCase(), kind);

const anyVerb = new RegExp(alternation([...verbKinds.keys()]), 'gu');

/** The last verb in `lower` (lower-cased text): its kind and where it ends. */
export function lastVerb(lower: string): { kind: VerbKind; word: string; start: number; end: number } | undefined {
  let found: { kind: VerbKind; word: string; start: number; end: number } | undefined;
  anyVerb.lastIndex = 0;
  for (let m = anyVerb.exec(lower); m; m = anyVerb.exec(lower)) {
    const kind = verbKinds.get(m[0]);
    // The up of follow-up, the cut of cut-over: a word joined by a hyphen is another word.
    const joined = lower.charAt(m.index - 1) === '-' || lower.charAt(m.index + m[0].length) === '-';
    if (kind && !(joined && /^[a-z]/.test(m[0]))) found = { kind, word: m[0], start: m.index, end: m.index + m[0].length };
  }
  return found;
}

/** Text ending with one of the words, spaces after it allowed. */
const endsWith = (words: readonly string[]) => new RegExp(`(?:${alternation(words)})\\s*$`, 'u');
/** Text containing one of the words. */
const contains = (words: readonly string[]) => new RegExp(alternation(words), 'u');
/** A year as written before a baseline or a comparison: 2023 年, 2023 年度, 2023 年底. */
const writtenYear = `(?:19|20)\\d\\d\\s*年(?:${wordAlternation(data.baselineTail.yearSuffixes)})?`;
/** A time or state named before 的 after a word of comparison: 较测试期的, 相比改造前的. */
const namedState = `(?:${wordAlternation(data.baselineTail.named)})\\s*\\p{Script=Han}{1,8}?的`;

const namesDecrease = endsWith(data.decreaseAmounts);
const lowerWords = contains(data.lowerIsBetter);

/** Whether a metric (lower-cased) is better lower: a cost, a time, a backlog — not the amount of a decrease of one (Backlog reduction). */
export function lowerIsBetter(lower: string): boolean {
  return lowerWords.test(lower) && !namesDecrease.test(lower.trim());
}

export const phrases = {
  /** 至, 到, 为, to: after a change verb, the figure is the level reached. */
  endsWithTo: endsWith(data.to),
  /** 了, by: after a change verb, the figure is the change. */
  endsWithBy: endsWith(data.by),
  /** A verb that already holds its 至 (降至, 增至). */
  verbWithTo: new RegExp(`(?:${wordAlternation(data.verbEndsWithTo)})$`, 'u'),
  baseline: new RegExp(
    `(?:(?:${alternation(data.baseline)})(?:\\s*(?:${writtenYear}(?=\\s*(?:[（(]|${wordAlternation(data.baselineTail.afterYear)}))|[（(]|${wordAlternation(data.baselineTail.after)}|:|：))*|${namedState})\\s*$`,
    'u',
  ),
  /** Right after a figure (or the bracket it closes), the words that make it a starting point (的基础上). */
  baselineAfter: new RegExp(`^\\s*[）)]?\\s*(?:${alternation(data.baselineAfter)})`, 'u'),
  /** What a name is compared with, at its end (亩产较 2022 年, 成本比上年): no part of the name. */
  comparedWith: new RegExp(`(?:(?:${wordAlternation(data.comparedWith)})\\s*(?:${writtenYear}|${alternation(data.baseline)})|${namedState})[^，,；;。]{0,6}$`, 'u'),
  goalMarker: contains(data.goalMarkers),
  goalLead: contains(data.goalLeads),
  /** Text ending with a goal word (年度目标, 考核指标, objectives). */
  endsWithGoalLead: endsWith(data.goalLeads),
  higherIsBetter: contains(data.higherIsBetter),
  future: contains(data.future),
  acknowledged: contains(data.acknowledged),
  /** The words before a figure that make it a distance to the target (比目标高, above target by). */
  gapBefore: new RegExp(data.gapBefore.map((source) => `(?:${source})`).join('|'), 'iu'),
  /** A count of nothing without a figure (未发生…事故, zero … incidents): group 1 names what is counted. */
  none: data.none.map((source) => new RegExp(source, 'giud')),
  /** The words after a figure that make it a distance to the target (above target). */
  gapAfter: new RegExp(data.gapAfter.map((source) => `(?:${source})`).join('|'), 'iu'),
  /** The words of a gap that say which side of the target the result is on. */
  gapSides: {
    above: contains(data.gapSides.above),
    below: contains(data.gapSides.below),
    worse: contains(data.gapSides.worse),
    better: contains(data.gapSides.better),
  },
  claims: data.claims.map((source) => new RegExp(source, 'giu')),
  /** Claims flagged only over a placeholder or a vague figure (大幅下降, improved markedly). */
  softClaims: data.softClaims.map((source) => new RegExp(source, 'giu')),
  /** Claims that a number of the goals were met: the group `met` holds the number. */
  countClaims: data.countClaims.map((source) => new RegExp(source, 'giu')),
  /** Text ending with what a claim after it is about when it is no success (实施成本, the effort). */
  claimNotAfter: new RegExp(`(?:${alternation(data.claimNotAfter)})\\s*$`, 'iu'),
  /** A claim's words that make it a claim for every goal (all of its objectives, 各项目标). */
  claimAll: contains(data.claimAll),
  /** Words earlier in a claim's clause that make it a plan named again (原计划…完成全部建设任务). */
  claimPlanned: contains(data.claimPlanned),
  /** A goal's words that make its target hold for every item or period (每个网点, each site). */
  each: new RegExp(data.each.map((source) => `(?:${source})`).join('|'), 'iu'),
  /** Words before a deadline that make it the plan named again, not the day something was done by. */
  planned: contains(data.planned),
  /** Words before a figure (in its clause) that make it an average. */
  averageBefore: contains(data.average.before),
  /** Words right after a figure that make it an average (on average), or an average's word in brackets: 1 h 42 min (average). */
  averageAfter: new RegExp(`^\\s*(?:${alternation(data.average.after)}|[(（]\\s*(?:${alternation(data.average.before)}))`, 'iu'),
  /** A name that says only that something is done (completed, 完成): the whole text is one of these words. */
  completion: new RegExp(`^(?:${alternation(data.completion)})$`, 'u'),
  /** The name a money ceiling goes by as well: what is spent. */
  moneyCeiling: data.moneyCeiling,
  /** 建立, 优化, achieve… at the start of a clause. */
  leadingAction: new RegExp(`^(?:${alternation(data.actions)})`, 'u'),
};

const eventWords = data.events.flatMap((words, event) => words.map((word) => ({ word: word.toLowerCase(), event })));
const anyEvent = new RegExp(alternation(eventWords.map((e) => e.word)), 'gu');
const eventOf = new Map(eventWords.map((e) => [e.word, e.event]));

/**
 * The events (goal-phrases.yaml `events`, by their place in the list) that lower-cased text names. Of two
 * event words written together the last is the event (竣工验收 is an acceptance, 上线验收 too).
 */
export function eventsIn(lower: string): number[] {
  const named: number[] = [];
  let end = -1;
  for (const m of lower.matchAll(anyEvent)) {
    const event = eventOf.get(m[0]);
    if (event === undefined) continue;
    if (end === m.index && hanText.test(m[0])) named.pop();
    named.push(event);
    end = m.index + m[0].length;
  }
  return [...new Set(named)];
}

const hanText = /^\p{Script=Han}/u;

interface Filler {
  readonly word: string;
  /** Its place in the list, longest first: the first filler that fits either end is stripped. */
  readonly rank: number;
  /** A Latin filler is a whole word: `the` is not stripped from `theme`. */
  readonly latin: boolean;
}

const asciiLetter = /[a-z]/i;

const fillers: readonly Filler[] = [...data.fillers]
  .sort((a, b) => b.length - a.length)
  .map((word, rank) => ({ word, rank, latin: /^[a-z]/i.test(word) }));

/**
 * The fillers by their first or their last character, in rank order: a name is trimmed for every figure
 * of every statement, and only the few fillers that start (end) with its first (last) character can fit.
 */
function fillersBy(code: (word: string) => number): Map<number, Filler[]> {
  const index = new Map<number, Filler[]>();
  for (const filler of fillers) {
    const key = code(filler.word);
    const list = index.get(key);
    if (list) list.push(filler);
    else index.set(key, [filler]);
  }
  return index;
}

const fillersByFirst = fillersBy((word) => word.charCodeAt(0));
const fillersByLast = fillersBy((word) => word.charCodeAt(word.length - 1));

const markup = /[*_`~]/g;
/** Punctuation and white space trimmed from both ends of a name. */
const edge = /[\s,，、；;:：.。（(）)“”"'‘’\-—]/u;

function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && edge.test(text.charAt(start))) start++;
  while (end > start && edge.test(text.charAt(end - 1))) end--;
  return text.slice(start, end);
}

/** The first filler (by rank) that `lower` starts with, unless it starts with a word to keep (使用率). */
function leadingFiller(lower: string): Filler | undefined {
  const candidates = fillersByFirst.get(lower.charCodeAt(0));
  if (!candidates || data.keep.some((word) => lower.startsWith(word))) return undefined;
  return candidates.find((f) => lower.startsWith(f.word) && (!f.latin || !asciiLetter.test(lower.charAt(f.word.length))));
}

/** The first filler (by rank) that `lower` ends with, leaving something before it. */
function trailingFiller(lower: string): Filler | undefined {
  return fillersByLast
    .get(lower.charCodeAt(lower.length - 1))
    ?.find((f) => lower.endsWith(f.word) && lower.length > f.word.length && (!f.latin || !asciiLetter.test(lower.charAt(lower.length - f.word.length - 1))));
}

/** The number an item of a list of goals is given before its words: O3., KR2.1, G5:, SC-5 (its code), (a). */
const itemNumber = /^(?:([A-Z]{1,3})[-‐–]?(\d+(?:\.\d+)*)|\(?[a-z]\))[.:：)]?(?:\s+|$)/u;

/** The code an item's number gives it (**O4.** → O4, SC-5 → SC5), the same wherever the item is named; undefined without one. */
export function itemCodeOf(text: string): string | undefined {
  const m = itemNumber.exec(text.replace(markup, '').trim());
  return m?.[1] ? `${m[1]}${m[2]}` : undefined;
}

/** Whether a text is nothing but an item's code (A1, SC-5, KR2.1): it numbers a row, it is no figure. */
export function isItemCode(text: string): boolean {
  const trimmed = text.trim();
  const m = itemNumber.exec(trimmed);
  return m?.[1] !== undefined && m[0].trimEnd().length === trimmed.length;
}

/** Strips an item's number, filler words (预期, 平均, the…) and punctuation from both ends of a metric name. */
export function trimFillers(name: string): string {
  let text = name.replace(markup, '').trim().replace(itemNumber, '');
  for (let changed = true; changed && text; ) {
    changed = false;
    text = trimEdges(text);
    const lower = text.toLowerCase();
    const leading = leadingFiller(lower);
    const trailing = trailingFiller(lower);
    if (leading && (!trailing || leading.rank <= trailing.rank)) {
      text = text.slice(leading.word.length);
      changed = true;
    } else if (trailing) {
      text = text.slice(0, text.length - trailing.word.length);
      changed = true;
    }
  }
  return text.trim();
}
