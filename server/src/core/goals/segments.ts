/**
 * Pieces of report text the goal engine reads: the sentences of a block, the clause around a figure, and
 * the label before a colon (`市场渗透率: …`). Offsets are document offsets.
 */
import phrasesYaml from '../../../data/goal-phrases.yaml';
import type { ListItemInfo, ReportModel, Span, TextBlock } from '../parse/model.js';
import { wordAlternation } from '../report/patterns.js';

export interface Segment extends Span {
  readonly text: string;
}

/**
 * Ends a sentence: 。！？；, and a Latin . ! ? ; followed by white space or the end — not the point of
 * 3.5, of an initial or a.m. (a single letter), nor of an abbreviation (e.g., approx., etc.).
 */
const sentenceEnd = new RegExp(`[。！？；]+|[!?;]+(?=\\s|$)|(?<!(?:^|[\\s.])[A-Za-z])(?<!\\b(?:${wordAlternation(phrasesYaml.abbreviations)}))\\.(?=\\s|$)`, 'gu');

/** The sentences of `start…end` in the document, trimmed; empty ones are left out. */
export function sentencesOf(text: string, start: number, end: number): Segment[] {
  const slice = text.slice(start, end);
  const result: Segment[] = [];
  let from = 0;
  const push = (to: number) => {
    const raw = slice.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) result.push({ start: start + from + lead, end: start + from + lead + body.length, text: body });
  };
  sentenceEnd.lastIndex = 0;
  for (let m = sentenceEnd.exec(slice); m; m = sentenceEnd.exec(slice)) {
    push(m.index + m[0].length);
    from = m.index + m[0].length;
  }
  push(slice.length);
  return result;
}

/** Separates clauses: Chinese and Latin commas (not a thousands separator), colons, semicolons, brackets, 、. */
const clauseSeparator = /[，；;。：！？!?、（）()【】]|,(?!\d{3})|:(?!\d)/gu;
/** The same without 、 and brackets, which part a list inside a clause (从不确定性高、平均数周缩短至…). */
const hardSeparator = /[，；;。：！？!?]|,(?!\d{3})|:(?!\d)/gu;

/** Brackets that open and close an aside: 营销费用（含优惠券补贴、广告投放）总额. */
export const opening = /[（(【]/u;
export const closing = /[）)】]/u;

/**
 * Where the clause holding a position begins, for the figures of one text asked in order; `soft`
 * separators (、, brackets) count unless false. A bracket opens a clause of its own (现状45天 in
 * 缩短至30天（现状45天）), and the clause around it goes on after it closes: 脱贫户（含监测户）学员占比 is one
 * name. Each call goes on scanning from where the last one stopped, so a sentence of many figures is read
 * once, not once per figure; a position before the last one asked starts the scan again.
 */
export function clauseScanner(text: string, soft = true): (at: number) => number {
  const separator = soft ? clauseSeparator : hardSeparator;
  // The expression is shared by every scanner: each search sets where it starts.
  const separatorFrom = (from: number): RegExpExecArray | null => {
    separator.lastIndex = from;
    return separator.exec(text);
  };
  let start = 0;
  let last = 0;
  const outer: number[] = [];
  // The next separator not yet taken; null once there is none left.
  let next: RegExpExecArray | null = separatorFrom(0);
  return (at) => {
    if (at < last) {
      start = 0;
      outer.length = 0;
      next = separatorFrom(0);
    }
    last = at;
    for (; next && next.index < at; next = separatorFrom(next.index + next[0].length)) {
      // A separator inside brackets (营销费用（含优惠券补贴、广告投放）总额) parts the aside, not the clause around it.
      if (closing.test(next[0]) && outer.length) start = outer.pop()!;
      else {
        if (opening.test(next[0])) outer.push(start);
        start = next.index + next[0].length;
      }
    }
    return start;
  };
}

const labelled = /^\s*(?:[*_]{1,3})?([^:：,，。；;*_\n]{2,40}?)(?:[*_]{1,3})?\s*[:：]\s*/u;

/** `市场渗透率: …` → 市场渗透率 and where the rest begins; undefined when the text has no such label. */
export function labelOf(text: string): { label: string; rest: number } | undefined {
  const m = labelled.exec(text);
  if (!m) return undefined;
  const label = m[1]!.trim();
  // "例如:" or a clause that happens to end in a colon is no label; a label is a name, not a sentence.
  if (/[。.!?！？]/u.test(label) || label.split(/\s+/).length > 6 || (!/[a-z]/i.test(label) && label.length > 24)) return undefined;
  return { label, rest: m[0].length };
}

/** The first paragraph of a list item (its own words, without the marker and nested lists). */
export function leadParagraph(model: ReportModel, item: Span): TextBlock | undefined {
  return paragraphsWithin(model, item)[0];
}

/** Whether `inner` lies within `outer`. */
export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** The index of the first of `blocks` (in document order) that `before` is false for, found by binary search. */
function firstNotBefore<T extends Span>(blocks: readonly T[], before: (block: T) => boolean): number {
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(blocks[mid]!)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The blocks (in document order) that lie within `outer`. */
export function blocksWithin<T extends Span>(blocks: readonly T[], outer: Span): T[] {
  const found: T[] = [];
  for (let i = firstNotBefore(blocks, (b) => b.start < outer.start); i < blocks.length && blocks[i]!.start < outer.end; i++) {
    if (blocks[i]!.end <= outer.end) found.push(blocks[i]!);
  }
  return found;
}

/**
 * The `key` items of the blocks that lie wholly within `outer`, in order, placed in the document (blocks
 * keep them relative to their start), as `blocksWithin` finds them.
 */
function placedWithin<T extends TextBlock>(model: ReportModel, key: 'paragraphs' | 'listItems', outer: Span, place: (item: T, start: number, end: number) => T): T[] {
  const found: T[] = [];
  for (const block of blocksOverlapping(model.blocks, outer)) {
    for (const item of block[key] as readonly T[]) {
      const start = block.start + item.start;
      const end = block.start + item.end;
      if (start >= outer.start && start < outer.end && end <= outer.end) found.push(place(item, start, end));
    }
  }
  return found;
}

/** The paragraphs wholly within `outer`, in document offsets. */
export function paragraphsWithin(model: ReportModel, outer: Span): TextBlock[] {
  return placedWithin<TextBlock>(model, 'paragraphs', outer, (p, start, end) => ({ start, end, text: p.text }));
}

/** The list items wholly within `outer`, in document offsets. */
export function listItemsWithin(model: ReportModel, outer: Span): ListItemInfo[] {
  return placedWithin<ListItemInfo>(model, 'listItems', outer, (i, start, end) => ({ start, end, text: i.text, level: i.level, ordered: i.ordered }));
}

/** The blocks (in document order, none overlapping another) that overlap `outer`. */
export function blocksOverlapping<T extends Span>(blocks: readonly T[], outer: Span): T[] {
  const found: T[] = [];
  for (let i = firstNotBefore(blocks, (b) => b.end <= outer.start); i < blocks.length && blocks[i]!.start < outer.end; i++) found.push(blocks[i]!);
  return found;
}
