/**
 * How alike two metric names are: Chinese character bigrams and English words, after the synonyms of
 * server/data/metric-synonyms.yaml are replaced by one name per group (审批周期 and 流程周期 both become
 * 审批时长). Scores run from 0 (nothing shared) to 1 (the same name).
 */
import synonymsYaml from '../../../data/metric-synonyms.yaml';
import { characterClass, keywordPattern } from '../report/patterns.js';

interface SynonymsFile {
  groups: string[][];
  exclusive: { kinds: string[][][]; both: string[] };
  stopCharacters: string[];
  stopWords: string[];
}

const { groups, exclusive, stopCharacters: stopWordCharacters, stopWords: stopWordList }: SynonymsFile = synonymsYaml;

/** Every synonym, longest first, with the name of its group; one expression finds them all. */
const canonical = new Map<string, string>();
for (const group of groups) for (const name of group) if (!canonical.has(name.toLowerCase())) canonical.set(name.toLowerCase(), group[0]!.toLowerCase());
const synonymPattern = new RegExp([...canonical.keys()].sort((a, b) => b.length - a.length).map(keywordPattern).join('|'), 'gu');

/** Runs of characters that join words but name nothing (的, 与, 和…, spaces among them); bigrams skip them. */
const stopRuns = new RegExp(`[${characterClass(stopWordCharacters)}、，,。；;：:“”"'（）()\\s*_\`\\-—/]+`, 'gu');
const stopWords = new Set(stopWordList);

/** Lower case, synonyms replaced by their group's name. */
function normalizeMetric(name: string): string {
  return name.toLowerCase().replace(synonymPattern, (m) => canonical.get(m) ?? m);
}

/**
 * A name or a text ready to be compared: normalized, and its features — the bigrams of its Chinese runs
 * (a run of one character is a feature too) and its crudely stemmed English words. Every goal is set
 * against every statement, so the Chinese features are numbers (a bigram the number its two UTF-16 code
 * units make, a single character its code unit), sorted, and counted in common without hashing strings.
 */
export interface MetricText {
  readonly name: string;
  readonly han: Float64Array;
  readonly words: ReadonlySet<string>;
}

const hanRun = /\p{Script=Han}+/gu;
const englishWord = /[a-z][a-z0-9-]*/g;
/** The endings a crude stem drops: -es after a hiss, -ies, -ing, -ed, -s (not of -ss, -us, -is). */
const suffix = /(?<=[sxz]|ch|sh)es$|ies$|ing$|ed$|(?<![su]|[^a-z]i)s$/;
const doubled = /([b-df-hj-kmnp-rtv-z])\1$/;

/**
 * A crude stem, the same on both sides: ship, ships, shipped, shipping → ship; close, closed → clos;
 * delivery, deliveries → deliver(y). A short word, or one the cut would leave too short, stays whole.
 */
function stem(word: string): string {
  if (word.length <= 3) return word;
  const cut = word.replace(suffix, (ending) => (ending === 'ies' ? 'y' : ''));
  if (cut.length < 3) return word;
  return (doubled.test(cut) ? cut.slice(0, -1) : cut).replace(/e$/, '');
}

/**
 * The Chinese features of a normalized text whose stop characters are spaces, sorted, each once. They are
 * gathered in a plain array and sorted before duplicates are dropped: a bigram's number is too large for a
 * small integer, so a Set of them would box every one.
 */
function hanFeatures(spaced: string): Float64Array {
  const features: number[] = [];
  for (const run of spaced.match(hanRun) ?? []) {
    if (run.length === 1) features.push(run.charCodeAt(0));
    for (let i = 0; i + 1 < run.length; i++) features.push(run.charCodeAt(i) * 0x10000 + run.charCodeAt(i + 1));
  }
  const sorted = Float64Array.from(features).sort();
  let kept = 0;
  for (const feature of sorted) if (kept === 0 || feature !== sorted[kept - 1]) sorted[kept++] = feature;
  return kept === sorted.length ? sorted : sorted.slice(0, kept);
}

function wordFeatures(normalized: string): Set<string> {
  const found = new Set<string>();
  for (const word of normalized.match(englishWord) ?? []) {
    if (!stopWords.has(word)) found.add(stem(word));
  }
  return found;
}

/**
 * How many Chinese features two texts have in common. Both lists are sorted: when one is much shorter (a
 * name's few features against a sentence's many) each of its values is looked for by binary search from
 * where the last search ended, otherwise the two are merged.
 */
function commonHan(a: Float64Array, b: Float64Array): number {
  const few = a.length <= b.length ? a : b;
  const many = few === a ? b : a;
  let count = 0;
  if (few.length * 8 < many.length) {
    let low = 0;
    for (let i = 0; i < few.length && low < many.length; i++) {
      const value = few[i]!;
      let high = many.length;
      while (low < high) {
        const mid = (low + high) >> 1;
        if (many[mid]! < value) low = mid + 1;
        else high = mid;
      }
      if (low < many.length && many[low] === value) {
        count++;
        low++;
      }
    }
    return count;
  }
  // Without branches: which list moves on is as good as random, and mispredicted branches cost most here.
  for (let i = 0, j = 0; i < few.length && j < many.length; ) {
    const x = few[i]!;
    const y = many[j]!;
    count += +(x === y);
    i += +(x <= y);
    j += +(y <= x);
  }
  return count;
}

/** How many English words two texts have in common (few, if any). */
function commonWords(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0;
  for (const word of a) if (b.has(word)) count++;
  return count;
}

const featureCount = (x: MetricText) => x.han.length + x.words.size;
const shared = (a: MetricText, b: MetricText) => commonHan(a.han, b.han) + commonWords(a.words, b.words);

/**
 * Normalized names and their features, remembered: matching asks for the same sentences and names once
 * per goal. The cache is emptied when it grows large, so a long session does not keep every sentence.
 */
const cache = new Map<string, MetricText>();
const cacheLimit = 20_000;

/** Forgets the names prepared across analyses (a benchmark's cold run). */
export function clearMetricCache(): void {
  cache.clear();
}

/** A name or a text, normalized once (callers that compare it many times keep what this returns). */
export function prepareMetric(text: string): MetricText {
  let found = cache.get(text);
  if (!found) {
    if (cache.size >= cacheLimit) cache.clear();
    const normalized = normalizeMetric(text);
    // Every space in `spaced` stands for stop characters (a space is one), so the name is `spaced` without them.
    const spaced = normalized.replace(stopRuns, ' ');
    found = { name: spaced.replaceAll(' ', ''), han: hanFeatures(spaced), words: wordFeatures(normalized) };
    cache.set(text, found);
  }
  return found;
}

/**
 * How alike two metric names are (0–1): equal → 1, one inside the other → 0.5–1 by how much of the longer
 * it covers (证照 says little about 证照寄送时间), else the Dice coefficient of their features.
 */
export function similarity(x: MetricText, y: MetricText): number {
  if (!x.name || !y.name) return 0;
  if (x.name === y.name) return 1;
  const short = x.name.length <= y.name.length ? x.name : y.name;
  const long = short === x.name ? y.name : x.name;
  if (short.length >= 2 && long.includes(short)) return 0.5 + 0.5 * (short.length / long.length);
  const sizeX = featureCount(x);
  const sizeY = featureCount(y);
  return sizeX && sizeY ? (2 * shared(x, y)) / (sizeX + sizeY) : 0;
}

/** The share of a metric's features that a text contains (0–1): does the text speak of the metric? */
export function coverage(text: MetricText, metric: MetricText): number {
  const need = featureCount(metric);
  return need === 0 ? 0 : shared(metric, text) / need;
}

/**
 * The `coverage` of several metrics in each of many texts, counted in one pass over the texts: a report's
 * goals are looked for in all its statements, and walking each statement's sorted features once along
 * the sorted features of all the goals costs less than searching them once per goal.
 */
export function coverages(texts: readonly MetricText[], metrics: readonly MetricText[]): Float64Array[] {
  // Every feature and word of the metrics with the metrics that have it (a number is never equal to a string).
  const owners = new Map<number | string, number[]>();
  metrics.forEach((metric, m) => {
    for (const feature of [...metric.han, ...metric.words]) {
      const list = owners.get(feature);
      if (list) list.push(m);
      else owners.set(feature, [m]);
    }
  });
  const features = Float64Array.from([...owners.keys()].filter((key) => typeof key === 'number')).sort();
  const holders = Array.from(features, (feature) => owners.get(feature)!);
  const shared = metrics.map(() => new Float64Array(texts.length));
  texts.forEach((text, t) => {
    const han = text.han;
    // Stepping without branches, as in `commonHan`: only the rare common feature takes one.
    for (let i = 0, j = 0; i < han.length && j < features.length; ) {
      const x = han[i]!;
      const y = features[j]!;
      if (x === y) for (const m of holders[j]!) shared[m]![t]!++;
      i += +(x <= y);
      j += +(y <= x);
    }
    for (const word of text.words) for (const m of owners.get(word) ?? []) shared[m]![t]!++;
  });
  shared.forEach((counts, m) => {
    const need = featureCount(metrics[m]!);
    if (need > 0) for (let t = 0; t < counts.length; t++) counts[t] = counts[t]! / need;
  });
  return shared;
}

/** `similarity` of two strings. */
export function metricSimilarity(a: string, b: string): number {
  return similarity(prepareMetric(a), prepareMetric(b));
}

/** `coverage` of a metric by a text, both strings. */
export function mentions(text: string, metric: string): number {
  return coverage(prepareMetric(text), prepareMetric(metric));
}

/** An abbreviation in brackets after what it abbreviates: （SRM）, (DAU), （FT）. */
const abbreviation = /[（(]([A-Z][A-Za-z0-9-]{1,9})[)）]/gu;

/** The abbreviations a text gives in brackets: 成品测试（FT）良率 → FT. */
export function abbreviationsIn(text: string): string[] {
  return [...text.matchAll(abbreviation)].map((m) => m[1]!);
}

/** Each word of `exclusive`: the kind it names as `group:kind`, or '' for a word naming every kind (国内外). */
const kindOf = new Map<string, string>([
  ...exclusive.kinds.flatMap((group, g) => group.flatMap((kind, k) => kind.map((word): [string, string] => [word.toLowerCase(), `${g}:${k}`]))),
  ...exclusive.both.map((word): [string, string] => [word.toLowerCase(), '']),
]);
const kindPattern = new RegExp([...kindOf.keys()].sort((a, b) => b.length - a.length).map(keywordPattern).join('|'), 'gu');

/** The kinds of `exclusive` a text names (国内学术会议 → the domestic kind), as `group:kind` keys. */
export function kindsIn(text: string): Set<string> {
  const kinds = new Set<string>();
  for (const m of text.toLowerCase().matchAll(kindPattern)) {
    const kind = kindOf.get(m[0].replace(/\s+/gu, ' '));
    if (kind) kinds.add(kind);
  }
  return kinds;
}

/**
 * Whether `other` names a kind of a group where `own` names one other kind only: 作口头报告 4 次 at 国内学术会议
 * is no result for a goal of talks at 国际学术会议.
 */
export function otherKind(own: ReadonlySet<string>, other: ReadonlySet<string>): boolean {
  for (const kind of own) {
    const group = kind.slice(0, kind.indexOf(':') + 1);
    if ([...own].some((k) => k !== kind && k.startsWith(group))) continue;
    if (!other.has(kind) && [...other].some((k) => k.startsWith(group))) return true;
  }
  return false;
}
