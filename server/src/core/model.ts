import type { Heading, List, ListItem, Nodes, Paragraph, Root, Table, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readFrontMatter, unclosedFrontMatter, type FrontMatter, type FrontMatterProblem } from './frontMatter.js';
import { changedRange, defaultMinimumBlock, recutBlocks, spansOf } from './blocks.js';
import { parseMarkdown } from './markdown.js';
import { parseNumbering, type Numbering } from './numbering.js';

/** A span of the document as UTF-16 offsets, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface HeadingInfo extends Span {
  readonly depth: number;
  /** The heading's content, after the `#` marks. */
  readonly contentStart: number;
  readonly contentEnd: number;
  /** Plain text of the heading (markup removed), numbering included. */
  readonly text: string;
  readonly numbering: Numbering | undefined;
  /** Where the numbering stands in the document, when it can be located in the source. */
  readonly numberingSpan: Span | undefined;
  /** The text without its numbering. */
  readonly title: string;
}

/** A chapter or a section: a heading and everything up to the next heading of the same or a higher level. */
export interface Section extends Span {
  readonly heading: HeadingInfo;
  readonly sections: Section[];
  /** True when something other than headings and HTML comments stands under the heading. */
  hasContent: boolean;
}

export interface TextBlock extends Span {
  readonly text: string;
}

export interface ListItemInfo extends TextBlock {
  /** Nesting level, 0 for an item of a top-level list. */
  readonly level: number;
  readonly ordered: boolean;
}

export interface TableInfo extends Span {
  readonly header: readonly TextBlock[];
  readonly rows: readonly (readonly TextBlock[])[];
}

/** What a Markdown document is made of, independent of any chapter schema. */
export interface ReportModel {
  readonly uri: string;
  readonly text: string;
  readonly frontMatter: FrontMatter | undefined;
  readonly frontMatterProblems: readonly FrontMatterProblem[];
  /** The single top-level `#` heading that names the document, when there is one. */
  readonly titleHeading: HeadingInfo | undefined;
  /** The heading level used for chapters (the shallowest below the title). */
  readonly chapterDepth: number | undefined;
  readonly headings: readonly HeadingInfo[];
  readonly chapters: readonly Section[];
  readonly paragraphs: readonly TextBlock[];
  readonly listItems: readonly ListItemInfo[];
  readonly tables: readonly TableInfo[];
  /** Stretches of prose that checks may scan: text outside code, HTML, URLs and front matter. */
  readonly prose: readonly Span[];
  /** The blocks the document was parsed in, in order; what a check keeps per block outlives an edit elsewhere. */
  readonly blocks: readonly BlockModel[];
}

type SpanOf = (node: Nodes) => Span;

/** Markup that may stand before a heading's number: `**第三章**`, `*3.*`, `[第三章](#…)`, `` `3.` ``. */
const numberingMarkup = /^[*_`[~]{0,3}$/;

/** The source of a block and where it stands in the document; spans are document offsets. */
interface Source {
  readonly text: string;
  readonly base: number;
  slice(span: Span): string;
}

function headingInfo(node: Heading, source: Source, spanOf: SpanOf): HeadingInfo {
  const span = spanOf(node);
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const contentStart = first ? spanOf(first).start : span.end;
  const contentEnd = last ? spanOf(last).end : span.end;
  const plain = toString(node).trim();
  const numbering = parseNumbering(plain);
  const content = source.slice({ start: contentStart, end: contentEnd });
  const at = numbering ? content.indexOf(numbering.raw) : -1;
  const numberingSpan =
    numbering && at >= 0 && numberingMarkup.test(content.slice(0, at))
      ? { start: contentStart + at, end: contentStart + at + numbering.raw.length }
      : undefined;
  // Object literals with the properties always in this order, not spreads: V8 gives each spread-built
  // object its own hidden class, which makes every later read of a heading's properties slow.
  return {
    start: span.start,
    end: span.end,
    depth: node.depth,
    contentStart,
    contentEnd,
    text: plain,
    numbering,
    numberingSpan,
    title: numbering ? plain.slice(numbering.length).trim() : plain,
  };
}

function textBlock(span: Span, text: string): TextBlock {
  return { start: span.start, end: span.end, text };
}

/** `[label](url)` keeps its label as prose; `<https://…>` is a URL, not prose. */
function isUrlLink(node: Nodes, source: Source, spanOf: SpanOf): boolean {
  if (node.type !== 'link') return false;
  return source.text.charCodeAt(spanOf(node).start - source.base) !== 91; /* [ */
}

const bareUrl = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'，。；！？、（）【】「」]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** A text span with its bare URLs and e-mail addresses cut out (the parser does not link them). */
function withoutUrls(source: Source, span: Span, out: Span[]): void {
  const slice = source.slice(span);
  if (!/:\/\/|www\.|@/i.test(slice)) {
    out.push(span);
    return;
  }
  let cursor = span.start;
  for (const match of slice.matchAll(bareUrl)) {
    const start = span.start + match.index;
    if (start > cursor) out.push({ start: cursor, end: start });
    cursor = start + match[0].length;
  }
  if (cursor < span.end) out.push({ start: cursor, end: span.end });
}

/** What one block of the document contributes to the model, in document offsets. */
export interface BlockModel extends Span, Pick<ReportModel, 'frontMatter' | 'headings' | 'paragraphs' | 'listItems' | 'tables' | 'prose'> {
  /** Offsets of top-level blocks that count as content, for empty-section detection. */
  readonly contentBlocks: readonly number[];
  /**
   * The block ends inside a fenced code block or an HTML block of kinds 1–5 that never closes: in the
   * whole document that construct would run on into the next block, so the next block may not be cut off.
   */
  readonly open: boolean;
  /**
   * What checks computed from this block alone, keyed by whatever they choose (held weakly), with offsets
   * relative to the block's start: shared by the block's moved copies, so an edit elsewhere keeps it valid.
   */
  readonly memo: WeakMap<object, unknown>;
}

/** Parses `text.slice(start, end)` on its own; it must start at 0 or at a place `splitBlocks` chose. */
export function parseBlock(text: string, start: number, end: number): BlockModel {
  // A copy, so that what the model keeps of this block does not keep the whole document alive.
  const own = (' ' + text.slice(start, end)).slice(1);
  // micromark drops a leading byte order mark and counts offsets without it.
  const bom = start === 0 && own.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source: Source = { text: own, base: start, slice: (span) => own.slice(span.start - start, span.end - start) };
  const shift = start + bom;
  const spanOf: SpanOf = (node) => ({ start: (node.position?.start.offset ?? 0) + shift, end: (node.position?.end.offset ?? 0) + shift });
  const root: Root = parseMarkdown(bom ? own.slice(1) : own);
  let frontMatter: FrontMatter | undefined;
  const headings: HeadingInfo[] = [];
  const paragraphs: TextBlock[] = [];
  const listItems: ListItemInfo[] = [];
  const tables: TableInfo[] = [];
  const prose: Span[] = [];
  const contentBlocks: number[] = [];

  const cell = (node: Nodes): TextBlock => textBlock(spanOf(node), toString(node).trim());

  const visit = (node: Nodes, listLevel: number): void => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'definition':
        return;
      case 'yaml':
        return;
      case 'text':
        withoutUrls(source, spanOf(node), prose);
        return;
      case 'link':
        if (isUrlLink(node, source, spanOf)) return;
        break;
      case 'paragraph':
        paragraphs.push(textBlock(spanOf(node), toString(node)));
        break;
      case 'list':
        for (const item of (node as List).children) {
          const lead = (item as ListItem).children.find((c): c is Paragraph => c.type === 'paragraph');
          const span = spanOf(item);
          listItems.push({ start: span.start, end: span.end, text: lead ? toString(lead) : '', level: listLevel, ordered: (node as List).ordered === true });
          visit(item, listLevel + 1);
        }
        return;
      case 'table': {
        const [head, ...body] = (node as Table).children;
        const span = spanOf(node);
        tables.push({
          start: span.start,
          end: span.end,
          header: head ? head.children.map(cell) : [],
          rows: body.map((row) => row.children.map(cell)),
        });
        break;
      }
      default:
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child, listLevel);
  };

  for (const child of root.children) {
    if (child.type === 'yaml') {
      const span = spanOf(child);
      frontMatter = readFrontMatter(text, span.start, span.end, (child as Yaml).value);
      continue;
    }
    if (child.type === 'heading') headings.push(headingInfo(child, source, spanOf));
    else if (child.type !== 'html' && child.type !== 'definition') contentBlocks.push(spanOf(child).start);
    visit(child, 0);
  }
  // The last node, and the last child of each container it ends with: a fence left open inside a list
  // item ends, in the whole document, where the item does, not at the end of the block.
  let open = false;
  for (let last: Nodes | undefined = root.children[root.children.length - 1]; last && !open; ) {
    open = runsOn(last, source.slice(spanOf(last)));
    last = 'children' in last ? last.children[last.children.length - 1] : undefined;
  }
  return { start, end, frontMatter, headings, paragraphs, listItems, tables, prose, contentBlocks, open, memo: new WeakMap() };
}

/** HTML blocks that blank lines do not end, with what ends them (CommonMark kinds 1–5). */
const htmlUntil: readonly [RegExp, string | RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, '-->'],
  [/^<\?/, '?>'],
  [/^<!\[CDATA\[/, ']]>'],
  [/^<![A-Za-z]/, '>'],
];

/** Whether a top-level node left open at the end of its block would, in the whole document, go on past it. */
function runsOn(node: Nodes, source: string): boolean {
  if (node.type === 'code') {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(source);
    if (!opening) return false;
    const lines = source.replace(/(?:\r?\n)+$/, '').split(/\r?\n/);
    const closing = lines.length > 1 ? /^ {0,3}(`+|~+)[ \t]*$/.exec(lines[lines.length - 1]!) : null;
    return !(closing && closing[1]![0] === opening[1]![0] && closing[1]!.length >= opening[1]!.length);
  }
  if (node.type === 'html') {
    const html = source.replace(/^ {0,3}/, '');
    for (const [start, end] of htmlUntil) {
      const opening = start.exec(html);
      if (!opening) continue;
      const rest = html.slice(opening[0].length);
      return typeof end === 'string' ? !rest.includes(end) : !end.test(rest);
    }
  }
  return false;
}

/** A block's model moved by `delta` characters (the text before it grew or shrank). */
function shiftBlock(block: BlockModel, delta: number): BlockModel {
  if (delta === 0) return block;
  // Object literals, not spreads: this runs over every span after an edit, tens of thousands at 5 MB; and
  // with the properties in the order `parseBlock` gives them, so moved and parsed ones share a hidden class.
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
    paragraphs: block.paragraphs.map(moved),
    listItems: block.listItems.map((l) => ({ start: l.start + delta, end: l.end + delta, text: l.text, level: l.level, ordered: l.ordered })),
    tables: block.tables.map((t) => ({ start: t.start + delta, end: t.end + delta, header: t.header.map(moved), rows: t.rows.map((row) => row.map(moved)) })),
    prose: block.prose.map(span),
    contentBlocks: block.contentBlocks.map((offset) => offset + delta),
    open: block.open,
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
): Generator<void, BlockModel[]> {
  const blocks: BlockModel[] = [];
  for (const span of spansOf(cuts, text.length)) {
    if (blocks.length && blocks[blocks.length - 1]!.end > span.start) break;
    let block = reuse(span.start, span.end);
    if (!block) {
      block = parseBlock(text, span.start, span.end);
      yield;
    }
    if (block.open && block.end < text.length) {
      block = reuse(span.start, text.length) ?? parseBlock(text, span.start, text.length);
    }
    blocks.push(block);
  }
  return blocks;
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
  const paragraphs = gather('paragraphs', blocks, previous, head, tail);
  const listItems = gather('listItems', blocks, previous, head, tail);
  const tables = gather('tables', blocks, previous, head, tail);
  const prose = gather('prose', blocks, previous, head, tail);
  let titleHeading: HeadingInfo | undefined;
  for (const h of headings) {
    if (h.depth !== 1) continue;
    if (titleHeading || h !== headings[0]) {
      titleHeading = undefined;
      break;
    }
    titleHeading = h;
  }
  const body = titleHeading ? headings.slice(1) : headings;
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
  return { uri, text, frontMatter, frontMatterProblems, titleHeading, chapterDepth, headings, chapters, paragraphs, listItems, tables, prose, blocks };
}

type Gathered = 'headings' | 'paragraphs' | 'listItems' | 'tables' | 'prose';

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
    for (const offset of block.contentBlocks) {
      if (offset < from) continue;
      while (cursor + 1 < sections.length && sections[cursor + 1]!.start <= offset) cursor++;
      const owner = sections[cursor];
      if (owner && offset < owner.end) owner.hasContent = true;
    }
  }
  return chapters;
}

/**
 * Builds the model of successive versions of one document, parsing again only the blocks whose text
 * changed: a block is reused when the same text stands at the same place, or at the place shifted by the
 * change in the document's length. Only the previous version's model and cuts are kept: the document is
 * cut again only around the change, and the model's arrays are copied from the previous ones where they can.
 */
export class IncrementalModel {
  private model: ReportModel | undefined;
  private cuts: readonly number[] = [];

  /** `minimumBlock`: see `splitBlocks`; tests make it small to cut their short documents into many blocks. */
  constructor(private readonly minimumBlock = defaultMinimumBlock) {}

  /** The model of `text`, built in steps: the generator yields after each block it parses. */
  *update(uri: string, text: string): Generator<void, ReportModel> {
    const previous = this.model?.text ?? '';
    const { from, to, delta } = changedRange(previous, text);
    const byStart = new Map(this.model?.blocks.map((b) => [b.start, b]));
    // Text wholly before `from`, or wholly from `to` on, is the same in both versions: no need to compare it.
    const unchanged = (old: BlockModel, start: number, end: number, shift: number): boolean =>
      (shift === 0 && end <= from) || (shift === delta && start >= to) ||
      text.slice(start, end) === previous.slice(old.start, old.end);
    const reuse = (start: number, end: number): BlockModel | undefined => {
      for (const shift of delta === 0 ? [0] : [0, delta]) {
        const old = byStart.get(start - shift);
        if (old && old.end - old.start === end - start && (shift === 0 || !old.frontMatter) && unchanged(old, start, end, shift)) {
          return shiftBlock(old, shift);
        }
      }
      return undefined;
    };
    const cuts = recutBlocks(text, this.minimumBlock, this.cuts, from, to, delta);
    const blocks = yield* parseBlocks(text, cuts, reuse);
    this.cuts = cuts;
    this.model = assembleModel(uri, text, blocks, this.model);
    return this.model;
  }

  /** The model of `text`, built at once. */
  build(uri: string, text: string): ReportModel {
    const steps = this.update(uri, text);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /** How many blocks the last version was cut into. */
  get blockCount(): number {
    return this.model?.blocks.length ?? 0;
  }
}

/** Parses a document and builds its schema-independent model. */
export function buildReportModel(uri: string, text: string): ReportModel {
  return new IncrementalModel().build(uri, text);
}
