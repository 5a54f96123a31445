/**
 * Which slots of a schema a report's chapters fill, decided by the whole document rather than heading by
 * heading. Each heading is read for terms of the slots, weighted by how specific they are and by where they
 * stand in it (the head of a Chinese compound, the words before an English preposition); what lies under
 * a heading (its sections, a KPI table, dated phases) and where the chapter stands add evidence; then one
 * assignment of readings to the chapter sequence takes the most evidence while putting the fewest chapters
 * out of the schema's order. Weights and word lists: server/schemas/recognition.yaml and each slot's terms.
 */
import recognitionYaml from '../../../schemas/recognition.yaml';
import { chapterGoals } from '../goals/extract.js';
import { blocksWithin } from '../goals/segments.js';
import { kpiColumns } from '../goals/columns.js';
import type { ReportModel, Section } from '../parse/model.js';
import { escapeRegExp, keywordPattern } from '../report/patterns.js';
import { classifyTable } from '../report/tableKinds.js';
import type { RecognizedChapter, SlotEvidence } from '../report/chapters.js';
import type { ChapterSchema, SlotDefinition } from './types.js';

interface RecognitionData {
  readonly weights: { readonly strong: number; readonly normal: number; readonly weak: number };
  readonly conjunctions: readonly string[];
  readonly prepositions: readonly string[];
  readonly modifier: number;
  readonly yardstick: { readonly words: readonly string[]; readonly from: string; readonly to: string };
  readonly secondSlot: number;
  readonly ambiguous: Readonly<Record<string, readonly string[]>>;
  readonly together: Readonly<Record<string, readonly string[]>>;
  readonly noSlot: readonly string[];
  readonly evidence: {
    readonly section: number;
    readonly sectionsAtMost: number;
    readonly kpiTable: { readonly slot: string; readonly weight: number };
    readonly milestoneTable: { readonly slot: string; readonly weight: number };
    readonly goalStatements: { readonly slot: string; readonly weight: number };
    readonly first: Readonly<Record<string, number>>;
    readonly last: Readonly<Record<string, number>>;
  };
  readonly orderPenalty: number;
  readonly coveredBySection: number;
}

const data: RecognitionData = recognitionYaml;

type TermKind = 'strong' | 'normal' | 'weak' | 'yielding';

interface Term {
  readonly slot: string;
  readonly kind: TermKind;
  readonly weight: number;
  /** A term that names all its slots at once (分析原因), rather than one of them by place. */
  readonly together?: boolean;
}

/** One term found in a heading, and how much it says for its slot there. */
export interface HeadingTerm {
  readonly slot: string;
  readonly term: string;
  readonly score: number;
  /** Other slots the part names as strongly (Summary: the overview or the conclusion, by its place). */
  readonly tied: readonly string[];
  /** The term names its slot and the tied ones together (分析原因: challenges and success factors). */
  readonly together: boolean;
  /** Every slot the part names, with its best score there (modifiers at their reduced weight). */
  readonly all: ReadonlyMap<string, number>;
}

/** What a heading says: the slots it names (strongest part first kept in the order written) and why. */
export interface HeadingReading {
  /** The heading starts with a word of `noSlot` (附录, Appendix): it fills no slot, whatever else it says. */
  readonly none: boolean;
  readonly slots: readonly string[];
  /** The best term of each part that names a slot. */
  readonly terms: readonly HeadingTerm[];
  /** The best score of each slot the heading names. */
  readonly scores: ReadonlyMap<string, number>;
  /** Slots the heading names as strongly as its first one: where the chapter stands decides between them. */
  readonly tied: readonly string[];
}

/** Lower case, brackets' content kept, punctuation and extra spaces removed. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[()（）[\]【】《》「」“”"'‘’:：;；.。!！?？\-—_*`~]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

const compact = (text: string): string => text.replace(/\s+/gu, '');

/** ——车规级…芯片研发及产业化: a heading opened by a dash is the title's subtitle, no chapter of the report. */
const subtitle = /^\s*(?:——|—|--)/u;

const conjunctions = new RegExp(`\\s*(?:${data.conjunctions.map((c) => (/^[a-z]+$/i.test(c) ? `\\b${c}\\b` : escapeRegExp(c))).join('|')})\\s*`, 'u');
const preposition = new RegExp(`(?<![a-z])(?:${data.prepositions.join('|')})(?![a-z])`, 'u');
const yardstick = new RegExp(data.yardstick.words.map((w) => (/^[a-z]+$/.test(w) ? `(?<![a-z])${w}(?![a-z])` : escapeRegExp(w))).join('|'), 'u');
/** A single Chinese character of `noSlot` (附) only before something that is not Chinese: 附：说明, not 附加值. */
const noSlotStart = new RegExp(
  `^(?:${data.noSlot.map((w) => (/^[a-z]/i.test(w) ? `${escapeRegExp(w.toLowerCase())}(?![a-z])` : w.length === 1 ? `${escapeRegExp(w)}(?!\\p{Script=Han})` : escapeRegExp(w))).join('|')})`,
  'u',
);

/** Titles a reader remembers at most; far more than the headings of the longest report. */
const maximumKnownTitles = 4096;

/** Reads headings against one schema's slot terms. */
export class HeadingReader {
  /** Terms by their text without spaces (how a match is looked up): the slots each names. */
  private readonly terms = new Map<string, Term[]>();
  private readonly pattern: RegExp | undefined;
  /** Readings by title: every analysis reads every heading again, and reports repeat their titles. */
  private readonly known = new Map<string, HeadingReading>();

  constructor(schema: ChapterSchema) {
    const { strong, normal, weak } = data.weights;
    const lists: [TermKind, number, (slot: SlotDefinition) => readonly string[]][] = [
      ['strong', strong, (slot) => slot.strong],
      ['normal', normal, (slot) => [slot.title['zh-cn'], slot.title.en, ...slot.aliases].filter((t) => !conjunctions.test(normalizeTitle(t)))],
      ['yielding', normal, (slot) => slot.yielding],
      ['weak', weak, (slot) => slot.weak],
    ];
    // A term belongs to the first slot and the strongest kind that lists it.
    const written: string[] = [];
    for (const [kind, weight, termsOf] of lists) {
      for (const slot of schema.slots) {
        for (const term of termsOf(slot)) {
          const normalized = normalizeTitle(term);
          const key = compact(normalized);
          if (key === '' || this.terms.has(key)) continue;
          this.terms.set(key, [{ slot: slot.id, kind, weight }]);
          written.push(normalized);
        }
      }
    }
    const known = new Set(schema.slots.map((s) => s.id));
    const several: [Readonly<Record<string, readonly string[]>>, TermKind, boolean][] = [[data.ambiguous, 'yielding', false], [data.together, 'normal', true]];
    for (const [table, kind, together] of several) {
      for (const [term, slots] of Object.entries(table)) {
        const normalized = normalizeTitle(term);
        const meanings = slots.filter((slot) => known.has(slot)).map((slot): Term => ({ slot, kind, weight: normal, together }));
        if (meanings.length === 0) continue;
        if (!this.terms.has(compact(normalized))) written.push(normalized);
        this.terms.set(compact(normalized), meanings);
      }
    }
    const alternatives = written.sort((a, b) => b.length - a.length).map(keywordPattern);
    this.pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'gu') : undefined;
  }

  read(title: string): HeadingReading {
    let reading = this.known.get(title);
    if (reading) return reading;
    reading = this.readNew(title);
    if (this.known.size >= maximumKnownTitles) this.known.clear();
    this.known.set(title, reading);
    return reading;
  }

  /** The slots a title names, in the order written. */
  classify(title: string): readonly string[] {
    return this.read(title).slots;
  }

  private readNew(title: string): HeadingReading {
    const normalized = normalizeTitle(title);
    const parts = normalized.split(conjunctions).map((part) => this.readPart(part));
    const scores = new Map<string, number>();
    const named = narrowTogether(parts.filter((p): p is HeadingTerm => p !== undefined));
    for (const part of named) for (const [slot, score] of part.all) if (score > (scores.get(slot) ?? 0)) scores.set(slot, score);
    const strongest = Math.max(0, ...named.map((p) => p.score));
    const primary = named.find((p) => p.score === strongest);
    const slots: string[] = [];
    for (const part of named) {
      if (part !== primary && part.score < data.secondSlot) continue;
      for (const slot of part.together ? [part.slot, ...part.tied] : [part.slot]) if (!slots.includes(slot)) slots.push(slot);
    }
    return { none: noSlotStart.test(normalized) || subtitle.test(title), slots, terms: named, scores, tied: primary && !primary.together ? primary.tied : [] };
  }

  /**
   * The slot one part of a heading names. Weak and yielding terms count only when the part has no other
   * term (技术架构总结 is about the architecture); the head — the last term, or in English the last before
   * a preposition — weighs fully, the others as modifiers.
   */
  private readPart(part: string): HeadingTerm | undefined {
    if (!this.pattern || part === '') return undefined;
    const found: { term: string; index: number; meanings: Term[] }[] = [];
    const measured = yardstick.exec(part)?.index ?? part.length;
    for (const match of part.matchAll(this.pattern)) {
      const terms = this.terms.get(compact(match[0]));
      const meanings = terms && match.index > measured ? terms.map((t) => (t.slot === data.yardstick.from ? { ...t, slot: data.yardstick.to } : t)) : terms;
      if (meanings) found.push({ term: match[0], index: match.index, meanings });
    }
    const decisive = found.filter((f) => f.meanings.some((m) => m.kind === 'strong' || m.kind === 'normal'));
    const kept = decisive.length ? decisive : found;
    if (kept.length === 0) return undefined;
    const cut = preposition.exec(part)?.index ?? part.length;
    const beforeCut = kept.filter((f) => f.index < cut);
    const heads = beforeCut.length ? beforeCut : kept;
    const head = heads[heads.length - 1]!;
    const best = new Map<string, { term: string; score: number; head: boolean }>();
    for (const f of kept) {
      for (const meaning of f.meanings) {
        const score = meaning.weight * (f === head ? 1 : data.modifier);
        const held = best.get(meaning.slot);
        if (!held || score > held.score || (score === held.score && f === head)) best.set(meaning.slot, { term: f.term.trim(), score, head: f === head });
      }
    }
    // The strongest slot; on a tie the head's, then the first listed.
    let chosen: [string, { term: string; score: number; head: boolean }] | undefined;
    for (const entry of best) if (!chosen || entry[1].score > chosen[1].score || (entry[1].score === chosen[1].score && entry[1].head && !chosen[1].head)) chosen = entry;
    const [slot, { term, score }] = chosen!;
    const tied = [...best].filter(([other, b]) => other !== slot && b.score === score && b.term === term).map(([other]) => other);
    const together = kept.some((f) => f.term.trim() === term && f.meanings.some((m) => m.together));
    return { slot, term, score, tied, together, all: new Map([...best].map(([other, b]) => [other, b.score])) };
  }
}

/**
 * A term naming several slots together beside a part that names one of them speaks of that part:
 * 存在的问题及原因分析 analyses the causes of the problems, not what went well.
 */
function narrowTogether(parts: HeadingTerm[]): HeadingTerm[] {
  return parts.map((part) => {
    if (!part.together) return part;
    const named = new Set(parts.filter((other) => other !== part).map((other) => other.slot));
    const shared = [part.slot, ...part.tied].filter((slot) => named.has(slot));
    if (shared.length === 0) return part;
    return { ...part, slot: shared[0]!, tied: [], together: false, all: new Map([...part.all].filter(([slot]) => named.has(slot))) };
  });
}

const readers = new WeakMap<ChapterSchema, HeadingReader>();

/** One reader per schema: building its pattern costs more than reading a whole report. */
export function readerFor(schema: ChapterSchema): HeadingReader {
  let reader = readers.get(schema);
  if (!reader) {
    reader = new HeadingReader(schema);
    readers.set(schema, reader);
  }
  return reader;
}

/** A way to read one chapter: the slots, the evidence for them, and how much it weighs in all. */
interface Candidate {
  readonly slots: readonly string[];
  readonly score: number;
}

/** What lies under a chapter and where it stands, as evidence for slots. */
function bodyEvidence(model: ReportModel, schema: ChapterSchema, reader: HeadingReader, chapter: Section, index: number, count: number): SlotEvidence[] {
  const evidence: SlotEvidence[] = [];
  const known = new Set(schema.slots.map((s) => s.id));
  const sectionTotals = new Map<string, number>();
  for (const section of chapter.sections) {
    const reading = reader.read(section.heading.title);
    if (reading.none) continue;
    for (const term of reading.terms) {
      const total = sectionTotals.get(term.slot) ?? 0;
      const weight = Math.min(term.score * data.evidence.section, data.evidence.sectionsAtMost - total);
      if (weight <= 0) continue;
      sectionTotals.set(term.slot, total + weight);
      evidence.push({ slot: term.slot, kind: 'section', text: section.heading.text, weight, at: section.start });
    }
  }
  for (const table of blocksWithin(model.tables, chapter)) {
    const kind = classifyTable(table);
    if (kind === 'kpi' && kpiColumns(table).actual !== undefined && known.has(data.evidence.kpiTable.slot)) {
      evidence.push({ slot: data.evidence.kpiTable.slot, kind: 'kpi-table', text: '', weight: data.evidence.kpiTable.weight, at: table.start });
    } else if (kind === 'milestone' && known.has(data.evidence.milestoneTable.slot)) {
      evidence.push({ slot: data.evidence.milestoneTable.slot, kind: 'milestone-table', text: '', weight: data.evidence.milestoneTable.weight, at: table.start });
    }
  }
  const position = [...(index === 0 ? Object.entries(data.evidence.first) : []), ...(index === count - 1 ? Object.entries(data.evidence.last) : [])];
  for (const [slot, weight] of position) if (known.has(slot)) evidence.push({ slot, kind: 'position', text: '', weight, at: undefined });
  return evidence;
}

/** What the first meaning of an ambiguous word wins by when nothing else decides. */
const tieBreak = 0.01;

/** The readings worth weighing for one chapter: what its heading names, and each slot any evidence points at. */
function candidatesOf(heading: HeadingReading, evidence: readonly SlotEvidence[]): Candidate[] {
  if (heading.none) return [{ slots: [], score: 0 }];
  const weightOf = (slot: string) => (heading.scores.get(slot) ?? 0) + evidence.filter((e) => e.slot === slot).reduce((sum, e) => sum + e.weight, 0);
  const candidates: Candidate[] = [{ slots: [], score: 0 }];
  if (heading.slots.length) candidates.push({ slots: heading.slots, score: heading.slots.reduce((sum, slot) => sum + weightOf(slot), 0) });
  // Where a chapter stands only weighs for what its heading or body points at: it names no slot itself.
  const pointed = new Set([...heading.scores.keys(), ...evidence.filter((e) => e.kind !== 'position').map((e) => e.slot)]);
  for (const slot of pointed) {
    if (heading.slots.length === 1 && heading.slots[0] === slot) continue;
    // A heading that names its slots clearly is read otherwise only at a cost: what it says is the best
    // evidence. A weak heading (工作摘要) gives way to what lies beneath it, and a tied one to its place.
    if (heading.tied.includes(slot)) {
      candidates.push({ slots: [slot], score: weightOf(slot) - tieBreak });
      continue;
    }
    const denied = heading.slots.reduce((sum, s) => {
      const score = s === slot ? 0 : heading.scores.get(s) ?? 0;
      return sum + (score >= data.weights.normal ? score : 0);
    }, 0);
    candidates.push({ slots: [slot], score: weightOf(slot) - denied });
  }
  return candidates;
}

/** How many chapters fill each slot. */
function countSlots(chapters: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const slots of chapters) for (const slot of slots) counts.set(slot, (counts.get(slot) ?? 0) + 1);
  return counts;
}

/**
 * A required slot no chapter fills, that a heading names all the same (as a modifier: Closure
 * Recommendation names the conclusion too), goes to that chapter when what the chapter was read as is
 * filled by another chapter as well: the report keeps every slot it has a chapter for. So does any slot an
 * ambiguous word names (an Introduction before a chapter of Objectives is the overview).
 */
function fillGaps(schema: ChapterSchema, settled: (readonly string[])[], headings: readonly HeadingReading[]): void {
  for (const slot of schema.slots) {
    const counts = countSlots(settled);
    if (counts.has(slot.id)) continue;
    let best = -1;
    for (let i = 0; i < settled.length; i++) {
      const score = headings[i]!.scores.get(slot.id) ?? 0;
      if (score === 0 || headings[i]!.none || !(slot.required || headings[i]!.tied.includes(slot.id))) continue;
      const elsewhere = settled[i]!.every((own) => counts.get(own)! > 1);
      if (elsewhere && (best < 0 || score > (headings[best]!.scores.get(slot.id) ?? 0))) best = i;
    }
    if (best >= 0) settled[best] = [slot.id];
  }
}

/**
 * When no chapter fills the goals slot: the first chapter before the results (by the schema's order) that
 * states goals with targets, and where the first of them stands.
 */
function statedGoals(model: ReportModel, schema: ChapterSchema, settled: readonly (readonly string[])[], ranks: ReadonlyMap<string, number>): { index: number; at: number } | undefined {
  const slot = data.evidence.goalStatements.slot;
  const own = ranks.get(slot);
  if (own === undefined || !schema.slots.some((s) => s.id === slot) || settled.some((slots) => slots.includes(slot))) return undefined;
  for (let i = 0; i < settled.length; i++) {
    // Goals are stated before what comes after them in the schema's order (the results, the lessons).
    if (settled[i]!.some((s) => (ranks.get(s) ?? -1) > own)) return undefined;
    const goal = chapterGoals(model, model.chapters[i]!).find((g) => g.target !== undefined);
    if (goal) return { index: i, at: goal.start };
  }
  return undefined;
}

/**
 * The schema's order as ranks of the slots that have a fixed place (a slot with `between` floats in its
 * window and is checked on its own).
 */
export function slotRanks(schema: ChapterSchema): Map<string, number> {
  const ranks = new Map<string, number>();
  schema.slots.forEach((slot, index) => {
    if (!slot.between) ranks.set(slot.id, index);
  });
  return ranks;
}

/**
 * Reads every chapter of the report against the schema and settles them together: the assignment with the
 * most evidence, less `orderPenalty` for each chapter that falls below the highest place reached so far.
 */
export function recognizeChapters(model: ReportModel, schema: ChapterSchema): RecognizedChapter[] {
  const reader = readerFor(schema);
  const chapters = model.chapters;
  const ranks = slotRanks(schema);
  const rankRange = (slots: readonly string[]): [number, number] | undefined => {
    const placed = slots.map((s) => ranks.get(s)).filter((r): r is number => r !== undefined);
    return placed.length ? [placed.reduce((a, b) => Math.min(a, b)), placed.reduce((a, b) => Math.max(a, b))] : undefined;
  };
  // A floating slot stands before the slot that closes its window (an overview before the implementation).
  const closes = new Map<string, number>();
  for (const slot of schema.slots) {
    const rank = slot.between?.[1] ? ranks.get(slot.between[1]) : undefined;
    if (rank !== undefined) closes.set(slot.id, rank);
  }
  const ceilingOf = (slots: readonly string[]): number => Math.min(Infinity, ...slots.map((s) => closes.get(s) ?? Infinity));
  const readings = chapters.map((chapter, index) => {
    const heading = reader.read(chapter.heading.title);
    const evidence = heading.none ? [] : bodyEvidence(model, schema, reader, chapter, index, chapters.length);
    const candidates = candidatesOf(heading, evidence);
    return { heading, evidence, candidates, ranges: candidates.map((c) => rankRange(c.slots)), ceilings: candidates.map((c) => ceilingOf(c.slots)) };
  });

  // Viterbi over (chapter, highest rank reached so far): −1 before any ranked chapter.
  type Step = { score: number; from: number; candidate: number };
  const states = schema.slots.length + 1;
  let best: (Step | undefined)[] = Array.from({ length: states }, (_, i) => (i === 0 ? { score: 0, from: -1, candidate: -1 } : undefined));
  const trail: (Step | undefined)[][] = [];
  for (const { candidates, ranges, ceilings } of readings) {
    const next: (Step | undefined)[] = Array.from({ length: states }, () => undefined);
    best.forEach((step, state) => {
      if (!step) return;
      const highest = state - 1;
      candidates.forEach((candidate, c) => {
        const range = ranges[c];
        const inOrder = (!range || range[0] >= highest) && highest < ceilings[c]!;
        const to = range && inOrder ? Math.max(highest, range[1]) + 1 : state;
        const score = step.score + candidate.score - (inOrder ? 0 : data.orderPenalty);
        const held = next[to];
        if (!held || score > held.score) next[to] = { score, from: state, candidate: c };
      });
    });
    trail.push(next);
    best = next;
  }
  let state = best.reduce((at, step, i) => (step && (at < 0 || step.score > best[at]!.score) ? i : at), -1);
  const chosen = new Array<number>(trail.length);
  for (let i = trail.length - 1; i >= 0; i--) {
    const step = trail[i]![state]!;
    chosen[i] = step.candidate;
    state = step.from;
  }

  // A heading's second slot gives way to a chapter that is about that slot alone or first: 投资与效益
  // beside a results chapter is about the money, 背景与目标 beside an overview chapter about the goals.
  const chosenSlots = chosen.map((c, i) => readings[i]!.candidates[c]!.slots);
  const primaryOf = (i: number): string | undefined => {
    const slots = chosenSlots[i]!;
    const scores = readings[i]!.heading.scores;
    return slots.reduce<string | undefined>((best, slot) => (best === undefined || (scores.get(slot) ?? 0) > (scores.get(best) ?? 0) ? slot : best), undefined);
  };
  const primaries = chosenSlots.map((_, i) => primaryOf(i));
  const primaryCounts = countSlots(primaries.map((p) => (p === undefined ? [] : [p])));
  const settled = chosenSlots.map((slots, i) =>
    slots.length < 2 ? slots : slots.filter((slot) => slot === primaries[i] || !primaryCounts.has(slot)),
  );

  fillGaps(schema, settled, readings.map((r) => r.heading));
  const goalsAt = statedGoals(model, schema, settled, ranks);
  if (goalsAt) {
    const { index, at } = goalsAt;
    settled[index] = [...settled[index]!, data.evidence.goalStatements.slot];
    readings[index]!.evidence.push({ slot: data.evidence.goalStatements.slot, kind: 'goal-statements', text: '', weight: data.evidence.goalStatements.weight, at });
  }

  return chapters.map((section, i) => {
    const { heading, evidence } = readings[i]!;
    const slots = settled[i]!;
    const headingEvidence: SlotEvidence[] = heading.terms.flatMap((t) =>
      [t.slot, ...t.tied].map((slot): SlotEvidence => ({ slot, kind: 'heading', text: t.term, weight: t.score, at: undefined })),
    );
    return { section, slots, evidence: [...headingEvidence, ...evidence].filter((e) => slots.includes(e.slot)) };
  });
}

/**
 * The section that covers a slot no chapter fills: the first section below a chapter (at any depth) whose
 * heading names the slot with at least `coveredBySection` weight (### 5.3 经验与不足 covers the lessons).
 */
export function sectionCoverage(reader: HeadingReader, chapters: readonly Section[], slot: string): { section: Section; chapter: Section } | undefined {
  for (const chapter of chapters) {
    const pending = [...chapter.sections].reverse();
    while (pending.length) {
      const section = pending.pop()!;
      const reading = reader.read(section.heading.title);
      if (!reading.none && reading.slots.includes(slot) && (reading.scores.get(slot) ?? 0) >= data.coveredBySection) return { section, chapter };
      for (let i = section.sections.length - 1; i >= 0; i--) pending.push(section.sections[i]!);
    }
  }
  return undefined;
}
