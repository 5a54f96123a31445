import { keywordPattern } from '../patterns.js';
import type { ChapterSchema } from './types.js';

/**
 * Maps a chapter title to the schema slots it fills. A title is cut at its conjunctions (与, 和, 及, 、,
 * and, &…); in each part the longest alias wins, and on a tie the later one (the head of a Chinese
 * compound: 实施计划 is a plan). Parts naming different slots make a heading fill several:
 * 总结与展望 → conclusion + outlook.
 */
export class SlotClassifier {
  private readonly pattern: RegExp | undefined;
  private readonly owner = new Map<string, string>();
  /**
   * Slots by title: every analysis classifies every chapter again, and a report (or a run over many
   * reports) repeats its titles, while matching the aliases is the costly part.
   */
  private readonly known = new Map<string, readonly string[]>();

  constructor(schema: ChapterSchema) {
    const aliases: string[] = [];
    for (const slot of schema.slots) {
      for (const alias of [slot.title['zh-cn'], slot.title.en, ...slot.aliases]) {
        const written = normalizeTitle(alias);
        if (written === '' || this.owner.has(compact(written))) continue;
        this.owner.set(compact(written), slot.id);
        aliases.push(written);
      }
    }
    aliases.sort((a, b) => b.length - a.length);
    const alternatives = aliases.map(keywordPattern);
    this.pattern = alternatives.length ? new RegExp(alternatives.join('|'), 'gu') : undefined;
  }

  classify(title: string): readonly string[] {
    let slots = this.known.get(title);
    if (slots) return slots;
    const found: string[] = [];
    for (const part of normalizeTitle(title).split(conjunctions)) {
      const slot = this.best(part);
      if (slot !== undefined && !found.includes(slot)) found.push(slot);
    }
    // Edits while a heading is typed make new titles: forgetting all now and then keeps the map small.
    if (this.known.size >= maximumKnownTitles) this.known.clear();
    this.known.set(title, (slots = found));
    return slots;
  }

  private best(part: string): string | undefined {
    if (!this.pattern || part === '') return undefined;
    let best: { slot: string; length: number } | undefined;
    for (const match of part.matchAll(this.pattern)) {
      const slot = this.owner.get(compact(match[0]));
      if (slot === undefined) continue;
      if (!best || match[0].length >= best.length) best = { slot, length: match[0].length };
    }
    return best?.slot;
  }
}

/** Titles a classifier remembers at most; far more than the chapters of the longest report. */
const maximumKnownTitles = 4096;

const classifiers = new WeakMap<ChapterSchema, SlotClassifier>();

/** One classifier per schema: building its pattern costs more than classifying a whole report. */
export function classifierFor(schema: ChapterSchema): SlotClassifier {
  let classifier = classifiers.get(schema);
  if (!classifier) {
    classifier = new SlotClassifier(schema);
    classifiers.set(schema, classifier);
  }
  return classifier;
}

const compact = (text: string): string => text.replace(/\s+/gu, '');

const conjunctions = /\s*(?:与|和|及|以及|暨|、|&|\band\b|\+|\/|／|,|，)\s*/u;

/** Lower case, brackets' content kept, punctuation and extra spaces removed. */
export function normalizeTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/[()（）[\]【】《》「」“”"'‘’:：;；.。!！?？\-—_*`~]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}
