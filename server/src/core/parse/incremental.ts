import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { definitionsKey, uniqueSorted } from './blockParts.js';
import { changedRange, changeFits, recutBlocks, spansOf, type TextChange } from './blocks.js';
import { unclosedFrontMatter, type FrontMatterProblem } from './frontMatter.js';
import type { BlockModel, HeadingInfo, ReportModel, Section, Span, TextBlock } from './model.js';

/*
 * The model of a document from the models of its blocks, and of its next version from the previous one:
 * only the blocks whose text changed are parsed again (by whichever block parser the seam gives).
 */

/** Parses `text.slice(start, end)` on its own, knowing the labels `defined` (normalized) are defined elsewhere. */
export type BlockParser = (text: string, start: number, end: number, defined: readonly string[]) => BlockModel;

/** The labels a version's link reference definitions define, and their `definitionsKey`. */
export interface Definitions {
  readonly labels: readonly string[];
  readonly key: string;
}

/** A parse of one version of a document: its model, and what the parse of the next version starts from. */
export interface ReportParse {
  readonly model: ReportModel;
  /** Where the document was cut into blocks (see `cutBlocks`). */
  readonly cuts: readonly number[];
  readonly defined: Definitions;
}

/** A line that starts with what looks like a link reference definition's label: `[label]:`. */
const definitionStart = /^[ \t>]*\[((?:[^[\]\\]|\\.){1,999})\]:/gm;

/**
 * The labels the lines of `text` seem to define: a guess that spares parsing again, after a first parse,
 * the blocks that refer to them (see `settleDefinitions`, which corrects it).
 */
function apparentDefinitions(text: string): string[] {
  if (!text.includes(']:')) return [];
  return uniqueSorted(Array.from(text.matchAll(definitionStart), (match) => normalizeIdentifier(match[1]!)));
}

/** A block's model moved by `delta` characters (the text before it grew or shrank). */
function shiftBlock(block: BlockModel, delta: number): BlockModel {
  if (delta === 0) return block;
  // Object literals, not spreads: this runs over every span after an edit, tens of thousands at 5 MB; and
  // with the properties in the order the block parsers give them, so moved and parsed ones share a hidden class.
  const span = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const moved = (t: TextBlock): TextBlock => ({ start: t.start + delta, end: t.end + delta, text: t.text });
  return {
    start: block.start + delta,
    end: block.end + delta,
    frontMatter: block.frontMatter,
    headings: block.headings.map((h) => ({
      start: h.start + delta,
      end: h.end + delta,
      depth: h.depth,
      contentStart: h.contentStart + delta,
      contentEnd: h.contentEnd + delta,
      text: h.text,
      numbering: h.numbering,
      numberingSpan: h.numberingSpan && span(h.numberingSpan),
      title: h.title,
    })),
    paragraphs: block.paragraphs,
    listItems: block.listItems,
    tables: block.tables.map((t) => ({ start: t.start + delta, end: t.end + delta, header: t.header.map(moved), rows: t.rows.map((row) => row.map(moved)) })),
    prose: block.prose,
    contentBlocks: block.contentBlocks,
    open: block.open,
    definitions: block.definitions,
    definedWith: block.definedWith,
    memo: block.memo,
  };
}

/**
 * Parses the blocks that start at `cuts` (see `cutBlocks`), reusing `reuse(start, end)` where it has the
 * block already; yields after each block it parses so a caller can stop early. A block that ends inside an
 * open construct takes the rest of the document with it.
 */
function* parseBlocks(
  text: string,
  cuts: readonly number[],
  reuse: (start: number, end: number) => BlockModel | undefined,
  defined: readonly string[],
  parseBlock: BlockParser,
): Generator<void, BlockModel[]> {
  const blocks: BlockModel[] = [];
  for (const span of spansOf(cuts, text.length)) {
    if (blocks.length && blocks[blocks.length - 1]!.end > span.start) break;
    let block = reuse(span.start, span.end);
    if (!block) {
      block = parseBlock(text, span.start, span.end, defined);
      yield;
    }
    if (block.open && block.end < text.length) {
      block = reuse(span.start, text.length) ?? parseBlock(text, span.start, text.length, defined);
    }
    blocks.push(block);
  }
  return blocks;
}

/**
 * Parses again, in place, the blocks that may hold a link reference and were parsed knowing other
 * definitions than the document's (the blocks' own, all together): parsed or reused for those of the
 * previous version. What a block defines does not depend on what the others define, so one round settles
 * it. Returns the document's labels and their key (`previousKey` when they are the same, so that blocks
 * keep comparing one string with itself).
 */
function* settleDefinitions(text: string, blocks: BlockModel[], previousKey: string, parseBlock: BlockParser): Generator<void, Definitions> {
  const all: string[] = [];
  for (const block of blocks) for (const label of block.definitions) all.push(label);
  const labels = uniqueSorted(all);
  const joined = definitionsKey(labels);
  const key = joined === previousKey ? previousKey : joined;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.definedWith === undefined || block.definedWith === key) continue;
    blocks[i] = parseBlock(text, block.start, block.end, labels);
    yield;
  }
  return { labels, key };
}

/** Most `#` headings a title block holds (`# 机构名` over `# 项目总结报告`). */
const titleBlockLimit = 3;

/**
 * The heading that names the document: the only `#` heading, when it comes first; or the last of a block of
 * unnumbered `#` headings that opens the document with nothing deeper between them (an organisation over the
 * report's name), when no other `#` heading follows and deeper headings (the chapters) do.
 */
function findTitle(headings: readonly HeadingInfo[]): HeadingInfo | undefined {
  let run = 0;
  while (run < headings.length && headings[run]!.depth === 1) run++;
  if (run === 0 || headings.slice(run).some((h) => h.depth === 1)) return undefined;
  if (run === 1) return headings[0];
  const block = headings.slice(0, run);
  if (run > titleBlockLimit || headings.length - run < 2 || block.some((h) => h.numbering)) return undefined;
  return block[run - 1];
}

/**
 * The model of a document from the models of its blocks, in order. `previous`, the model of an earlier
 * version, lends the parts of its arrays that come from the blocks (the same objects) both versions start
 * and end with, so that after an edit only the blocks from the change to the last moved one are gathered.
 */
export function assembleModel(uri: string, text: string, blocks: readonly BlockModel[], previous?: ReportModel): ReportModel {
  const old = previous?.blocks ?? [];
  let head = 0;
  while (head < blocks.length && head < old.length && blocks[head] === old[head]) head++;
  let tail = 0;
  while (tail < blocks.length - head && tail < old.length - head && blocks[blocks.length - 1 - tail] === old[old.length - 1 - tail]) tail++;
  const headings = gather('headings', blocks, previous, head, tail);
  const tables = gather('tables', blocks, previous, head, tail);
  const titleHeading = findTitle(headings);
  const body = titleHeading ? headings.slice(headings.indexOf(titleHeading) + 1) : headings;
  let chapterDepth: number | undefined;
  for (const h of body) if (chapterDepth === undefined || h.depth < chapterDepth) chapterDepth = h.depth;
  // A chapter of `previous` that ends where a heading in the shared leading blocks starts is the same now.
  const kept: Section[] = [];
  if (previous && previous.chapterDepth === chapterDepth && previous.titleHeading === titleHeading) {
    const shared = head < blocks.length ? blocks[head]!.start : text.length;
    for (const chapter of previous.chapters) {
      if (chapter.end >= shared) break;
      kept.push(chapter);
    }
  }
  const chapters = nestSections(body, chapterDepth ?? 1, text.length, blocks, kept);
  const frontMatter = blocks[0]?.frontMatter;
  const frontMatterProblems = frontMatter
    ? frontMatter.problems
    : [unclosedFrontMatter(text)].filter((p): p is FrontMatterProblem => p !== undefined);
  return { uri, text, frontMatter, frontMatterProblems, titleHeading, chapterDepth, headings, chapters, tables, blocks };
}

type Gathered = 'headings' | 'tables';

/**
 * The `key` items of all blocks, in order: those of the first `head` and the last `tail` blocks are a
 * copy of the start and the end of `previous[key]`, since `previous` has these very blocks there too.
 */
function gather<K extends Gathered>(key: K, blocks: readonly BlockModel[], previous: ReportModel | undefined, head: number, tail: number): ReportModel[K][number][] {
  const middle: ReportModel[K][number][] = [];
  // Plain loops: flatMap over tens of thousands of blocks is several times slower.
  for (let i = head; i < blocks.length - tail; i++) for (const item of blocks[i]![key]) middle.push(item);
  if (!previous) return middle;
  let before = 0;
  for (let i = 0; i < head; i++) before += blocks[i]![key].length;
  let after = 0;
  for (let i = blocks.length - tail; i < blocks.length; i++) after += blocks[i]![key].length;
  const all = previous[key];
  return all.slice(0, before).concat(middle, all.slice(all.length - after));
}

/**
 * Builds the chapter → section tree; headings above the first chapter are left out. It starts with the
 * chapters `kept`, and builds the rest from where the last of them ends.
 */
function nestSections(headings: readonly HeadingInfo[], chapterDepth: number, textLength: number, blocks: readonly BlockModel[], kept: readonly Section[]): Section[] {
  type Open = { -readonly [K in keyof Section]: Section[K] };
  const from = kept[kept.length - 1]?.end ?? 0;
  const chapters: Section[] = kept.slice();
  const stack: Open[] = [];
  const sections: Open[] = [];
  for (const heading of headings) {
    if (heading.start < from) continue;
    // A section ends where the next heading of the same or a higher level starts.
    while (stack.length && stack[stack.length - 1]!.heading.depth >= heading.depth) stack.pop()!.end = heading.start;
    if (heading.depth < chapterDepth || (heading.depth > chapterDepth && stack.length === 0)) continue;
    const section: Open = { heading, start: heading.start, end: textLength, sections: [], hasContent: false };
    if (stack.length) stack[stack.length - 1]!.sections.push(section);
    else chapters.push(section);
    stack.push(section);
    sections.push(section);
  }
  // Content belongs to the last section whose heading precedes it.
  let cursor = -1;
  for (const block of blocks) {
    for (const relative of block.contentBlocks) {
      const offset = block.start + relative;
      if (offset < from) continue;
      while (cursor + 1 < sections.length && sections[cursor + 1]!.start <= offset) cursor++;
      const owner = sections[cursor];
      if (owner && offset < owner.end) owner.hasContent = true;
    }
  }
  return chapters;
}

/**
 * The parse of `text`, built in steps: the generator yields after each block it parses. Only the blocks
 * whose text changed since `previous` are parsed again: a block is reused when the same text stands at the
 * same place, or at the place shifted by the change in the document's length; the document is cut again
 * only around the change, and the model's arrays are copied from the previous ones where they can.
 * `change`, when given, says where `text` differs from the previous version (see `TextChange`); without it,
 * or when it cannot fit the two texts, they are compared.
 */
export function* parseIncrementally(
  uri: string, text: string, previous: ReportParse | undefined, change: TextChange | undefined, minimumBlock: number, parseBlock: BlockParser,
): Generator<void, ReportParse> {
  const model = previous?.model;
  const before = model?.text ?? '';
  const { from, to, delta } = change && changeFits(change, before, text) ? change : changedRange(before, text);
  const byStart = new Map(model?.blocks.map((b) => [b.start, b]));
  // Text wholly before `from`, or wholly from `to` on, is the same in both versions: no need to compare it.
  const unchanged = (old: BlockModel, start: number, end: number, shift: number): boolean =>
    (shift === 0 && end <= from) || (shift === delta && start >= to) ||
    text.slice(start, end) === before.slice(old.start, old.end);
  const reuse = (start: number, end: number): BlockModel | undefined => {
    for (const shift of delta === 0 ? [0] : [0, delta]) {
      const old = byStart.get(start - shift);
      if (old && old.end - old.start === end - start && (shift === 0 || !old.frontMatter) && unchanged(old, start, end, shift)) {
        return shiftBlock(old, shift);
      }
    }
    return undefined;
  };
  const cuts = recutBlocks(text, minimumBlock, previous?.cuts ?? [], from, to, delta);
  // A first version has no definitions to go by but those its lines seem to make.
  const blocks = yield* parseBlocks(text, cuts, reuse, previous ? previous.defined.labels : apparentDefinitions(text), parseBlock);
  const defined = yield* settleDefinitions(text, blocks, previous?.defined.key ?? '', parseBlock);
  return { model: assembleModel(uri, text, blocks, model), cuts, defined };
}
