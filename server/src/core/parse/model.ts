/* eslint-disable max-lines -- the block parser and the model's assembly share private types and helpers; issue 17 item 1 moves parsing onto remark, which leaves the assembly alone here */
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { readFrontMatter, unclosedFrontMatter, type FrontMatter, type FrontMatterProblem } from './frontMatter.js';
import { changedRange, changeFits, defaultMinimumBlock, recutBlocks, spansOf, type TextChange } from './blocks.js';
import { markdownEvents, type Event, type Token } from './markdown.js';
import { parseNumbering, type Numbering } from '../report/numberingStyle.js';
import { plainRuns, type PlainList } from './plainRuns.js';

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
  readonly tables: readonly TableInfo[];
  /** The blocks the document was parsed in, in order; what a check keeps per block outlives an edit elsewhere. */
  readonly blocks: readonly BlockModel[];
}

/** Markup that may stand before a heading's number: `**第三章**`, `*3.*`, `[第三章](#…)`, `` `3.` ``. */
const numberingMarkup = /^[*_`[~]{0,3}$/;

/** The source of a block and where it stands in the document; spans are document offsets. */
interface Source {
  readonly text: string;
  readonly base: number;
  slice(span: Span): string;
}

function headingInfo(span: Span, depth: number, contentStart: number, contentEnd: number, text: string, source: Source): HeadingInfo {
  const plain = text.trim();
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
    depth,
    contentStart,
    contentEnd,
    text: plain,
    numbering,
    numberingSpan,
    title: numbering ? plain.slice(numbering.length).trim() : plain,
  };
}

function textBlock(start: number, end: number, text: string): TextBlock {
  return { start, end, text };
}

const bareUrl = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'，。；！？、（）【】「」]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** A text span with its bare URLs and e-mail addresses cut out (the parser does not link them). */
function withoutUrls(source: Source, span: Span, out: Span[]): void {
  const slice = source.slice(span);
  const base = source.base;
  if (!/:\/\/|www\.|@/i.test(slice)) {
    out.push({ start: span.start - base, end: span.end - base });
    return;
  }
  let cursor = span.start;
  for (const match of slice.matchAll(bareUrl)) {
    const start = span.start + match.index;
    if (start > cursor) out.push({ start: cursor - base, end: start - base });
    cursor = start + match[0].length;
  }
  if (cursor < span.end) out.push({ start: cursor - base, end: span.end - base });
}

/** What one block of the document contributes to the model, in document offsets (but paragraphs, list items, `prose` and `contentBlocks`). */
export interface BlockModel extends Span, Pick<ReportModel, 'frontMatter' | 'headings' | 'tables'> {
  /**
   * The block's paragraphs and list items, relative to its start: a moved block shares them. The goal
   * engine reads those of a few chapters (`paragraphsWithin` and `listItemsWithin` in goals/segments.ts
   * place them in the document).
   */
  readonly paragraphs: readonly TextBlock[];
  readonly listItems: readonly ListItemInfo[];
  /**
   * Stretches of prose that checks may scan (text outside code, HTML, URLs and front matter), relative
   * to the block's start: a moved block shares them. Checks scan them per block (see `BlockModel.memo`).
   */
  readonly prose: readonly Span[];
  /** Offsets of top-level blocks that count as content, for empty-section detection, relative to the block's start. */
  readonly contentBlocks: readonly number[];
  /**
   * The block ends inside a fenced code block or an HTML block of kinds 1–5 that never closes: in the
   * whole document that construct would run on into the next block, so the next block may not be cut off.
   */
  readonly open: boolean;
  /** The labels (normalized) its link reference definitions define, sorted, each once. */
  readonly definitions: readonly string[];
  /**
   * For a block that may hold a link reference (it has a `]`): the labels it was parsed knowing to be
   * defined, its own and those given, as `definitionsKey` writes them. It is right for a document whose
   * definitions are those; a block without `]` is right for any (undefined).
   */
  readonly definedWith: string | undefined;
  /**
   * What checks computed from this block alone, keyed by whatever they choose (held weakly), with offsets
   * relative to the block's start: shared by the block's moved copies, so an edit elsewhere keeps it valid.
   */
  readonly memo: WeakMap<object, unknown>;
}

/** A leaf that may leave its block open (see `runsOn`), or none. */
type Leaf = 'code' | 'html' | undefined;

/**
 * One open node of the mdast tree `fromMarkdown` would build, reduced to what the model takes from it. The
 * walk over the events mirrors that compiler: the same text nodes (adjacent data merged, a line ending
 * joining them only inside the nodes mdast lets hold one), the same `toString`, the same positions.
 */
interface Frame {
  readonly kind: string;
  readonly parent: Frame | undefined;
  readonly start: number;
  end: number;
  /** `toString` of the node so far, kept only where the model needs it. */
  text: string;
  readonly collect: boolean;
  /** Whether its text nodes are prose (not under code, HTML, images, definitions or URL-only links). */
  readonly prose: boolean;
  /** mdast's `canContainEols`: whether a line ending in it becomes text. */
  readonly eols: boolean;
  /** Whether its last child is a text node, which the next data then extends. */
  inText: boolean;
  textStart: number;
  textEnd: number;
  /** Start of the first child and end of the last one, -1 before any. */
  firstStart: number;
  lastEnd: number;
  /** The leaf its chain of last children ends with, and where that leaf stands. */
  leaf: Leaf;
  leafStart: number;
  leafEnd: number;
  /** Nesting level a list item directly in it would have. */
  readonly listLevel: number;
  depth: number;
  /** Of a list item: its first paragraph's text. */
  lead: string | undefined;
  rows: TextBlock[][] | undefined;
  cells: TextBlock[] | undefined;
}

function frame(kind: string, parent: Frame | undefined, start: number, collect: boolean, prose: boolean, eols: boolean, listLevel: number): Frame {
  return {
    kind, parent, start, end: start, text: '', collect, prose, eols, inText: false, textStart: 0, textEnd: 0, firstStart: -1, lastEnd: -1,
    leaf: undefined, leafStart: 0, leafEnd: 0, listLevel, depth: 0, lead: undefined, rows: undefined, cells: undefined,
  };
}

/**
 * The nodes in which a line ending becomes text (mdast's `canContainEols`); inline code and HTML stand for
 * the fragments mdast gathers their values in.
 */
const holdsLineEndings = new Set(['emphasis', 'strong', 'atxHeading', 'setextHeading', 'paragraph', 'codeText', 'htmlText']);

/**
 * Constructs whose content the model never looks into: nodes it needs only the span of, and the link
 * destinations, titles and references that mdast keeps out of the tree.
 */
const opaque: Readonly<Record<string, 'code' | 'html' | 'node' | 'outside'>> = {
  codeFenced: 'code',
  codeIndented: 'code',
  htmlFlow: 'html',
  definition: 'node',
  resourceDestinationString: 'outside',
  resourceTitleString: 'outside',
  referenceString: 'outside',
};

/** What may stand between the end of a list item's content and the next item's marker, besides line endings. */
const linePrefixes = new Set<string>(['linePrefix', 'blockQuotePrefix', 'blockQuotePrefixWhitespace', 'blockQuoteMarker', 'listItemIndent']);

/**
 * The list item tokens `fromMarkdown` adds to the events of the list that starts at `start` and ends
 * at the end of `events` (its `prepareList`, less the looseness it also works out): an item starts at its
 * marker and ends before the line endings that follow its content.
 */
function addListItems(events: Event[], start: number): void {
  const end = events.length - 1;
  let containerBalance = -1;
  let item: Token | undefined;
  const insertions: { at: number; event: Event }[] = [];
  for (let index = start; index <= end; index++) {
    const event = events[index]!;
    const type = event[1].type;
    if (type === 'listUnordered' || type === 'listOrdered' || type === 'blockQuote') containerBalance += event[0] === 'enter' ? 1 : -1;
    const atPrefix = containerBalance === 0 && event[0] === 'enter' && type === 'listItemPrefix';
    if (!atPrefix && !(containerBalance === -1 && event[0] === 'exit' && (type === 'listUnordered' || type === 'listOrdered'))) continue;
    if (item) {
      let lineIndex: number | undefined;
      for (let tail = index - 1; tail >= 0; tail--) {
        const [kind, token] = events[tail]!;
        if (token.type === 'lineEnding' || token.type === 'lineEndingBlank') {
          if (kind === 'enter') lineIndex = tail;
        } else if (!linePrefixes.has(token.type)) break;
      }
      item.end = { ...(lineIndex ? events[lineIndex]![1].start : event[1].end) };
      insertions.push({ at: lineIndex || index, event: ['exit', item, event[2]] });
      item = undefined;
    }
    if (atPrefix) {
      // 'listItem' is mdast's token type, not micromark's: this token exists only in this walk.
      item = { type: 'listItem' as string as Token['type'], start: { ...event[1].start }, end: event[1].end };
      insertions.push({ at: index, event: ['enter', item, event[2]] });
    }
  }
  const listEvents = events.splice(start);
  let insertion = 0;
  for (let index = 0; index < listEvents.length; index++) {
    while (insertion < insertions.length && insertions[insertion]!.at === start + index) events.push(insertions[insertion++]!.event);
    events.push(listEvents[index]!);
  }
}

/** The events of `value` with the list items `fromMarkdown` adds; `defined` as for `markdownEvents`. */
function eventsWithListItems(value: string, defined: readonly string[]): Event[] {
  const events: Event[] = [];
  const lists: number[] = [];
  for (const event of markdownEvents(value, defined)) {
    events.push(event);
    const type = event[1].type;
    if (type !== 'listOrdered' && type !== 'listUnordered') continue;
    if (event[0] === 'enter') lists.push(events.length - 1);
    else addListItems(events, lists.pop()!);
  }
  return events;
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

function uniqueSorted(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort();
}

/** Sorted labels, each once, as one string: the same definitions give the same key. */
export function definitionsKey(labels: Iterable<string>): string {
  return uniqueSorted(labels).join('\n');
}

/**
 * Parses `text.slice(start, end)` on its own, as it parses in a document whose link reference definitions
 * are its own and those of the labels `defined` (normalized); it must start at 0 or at a place
 * `splitBlocks` chose.
 */
export function parseBlock(text: string, start: number, end: number, defined: readonly string[] = []): BlockModel {
  return parseBlockIn(text, start, end, true, defined);
}

/**
 * `parseBlock`, taking the block's plain runs (see `plainRuns`) from their lines and having micromark parse
 * only the pieces between them when `byRuns` says so: report prose is mostly such runs, and micromark takes
 * ten times as long over them. Where a piece turns out to leave open what would take in the run after it
 * (see `plainRuns`), the block is parsed again in one piece.
 */
// eslint-disable-next-line max-lines-per-function -- mirrors mdast's compiler over ~18 shared mutable variables; issue 17 item 1 replaces it with remark behind one seam (handler tables)
function parseBlockIn(text: string, start: number, end: number, byRuns: boolean, defined: readonly string[]): BlockModel {
  // A copy, so that what the model keeps of this block does not keep the whole document alive.
  const own = (' ' + text.slice(start, end)).slice(1);
  // micromark drops a leading byte order mark and counts offsets without it.
  const bom = start === 0 && own.charCodeAt(0) === 0xfeff ? 1 : 0;
  const source: Source = { text: own, base: start, slice: (span) => own.slice(span.start - start, span.end - start) };
  const value = bom ? own.slice(1) : own;
  // micromark reads NUL as U+FFFD, a tab as the spaces up to the next tab stop and drops another byte
  // order mark: only then does a token's text differ from the source between its offsets.
  const verbatim = !/[\0\t]/.test(value) && value.charCodeAt(0) !== 0xfeff;
  // Where in `value` the piece micromark parsed starts (its offsets count from there), and where in the document.
  let piece = 0;
  let shift = start + bom;
  const read = (event: Event): string =>
    verbatim ? value.slice(event[1].start.offset + piece, event[1].end.offset + piece) : event[2].sliceSerialize(event[1]);
  // A line ending in a container ends, by its offsets, after the next line's prefix (`>`, a list item's indent).
  const readLineEnding = (event: Event): string => {
    if (!verbatim) return event[2].sliceSerialize(event[1]);
    const at = event[1].start.offset + piece;
    return value.charCodeAt(at) !== 13 ? '\n' : value.charCodeAt(at + 1) === 10 ? '\r\n' : '\r';
  };
  let frontMatter: FrontMatter | undefined;
  const headings: HeadingInfo[] = [];
  const paragraphs: TextBlock[] = [];
  const items: Frame[] = [];
  const tables: TableInfo[] = [];
  const prose: Span[] = [];
  const contentBlocks: number[] = [];
  const definitions: string[] = [];

  const root = frame('root', undefined, shift, false, true, false, 0);
  let top = root;
  let atHardBreak = false;
  let slurpLineEnding = false;
  let inTable = false;
  let numericBase = 0;
  /** Where the last list directly in the block ends, -1 before any: a list run right after it would continue it. */
  let listEnd = -1;
  /** Where the last heading ends, -1 before any: a run after a line that looks like one needs it to be one. */
  let headingEnd = -1;

  const closeText = (f: Frame): void => {
    if (f.inText && f.prose) withoutUrls(source, { start: f.textStart, end: f.textEnd }, prose);
    f.inText = false;
  };
  const beginText = (f: Frame, at: number): void => {
    if (f.inText) return;
    f.inText = true;
    f.textStart = at;
    if (f.firstStart < 0) f.firstStart = at;
  };
  const addText = (f: Frame, piece: string, at: number): void => {
    if (f.collect) f.text += piece;
    f.textEnd = f.lastEnd = at;
    f.leaf = undefined;
  };
  const beginChild = (f: Frame, at: number): void => {
    closeText(f);
    if (f.firstStart < 0) f.firstStart = at;
  };
  /** A child node of `f` ends at `at`: its `toString` is `piece`, its chain of last children ends in `leaf`. */
  const endChild = (f: Frame, at: number, piece: string, leaf: Leaf, leafStart: number, leafEnd: number): void => {
    if (f.collect) f.text += piece;
    f.lastEnd = at;
    f.leaf = leaf;
    f.leafStart = leafStart;
    f.leafEnd = leafEnd;
  };
  const open = (kind: string, at: number, collect: boolean, prose: boolean, listLevel = top.listLevel): Frame => {
    beginChild(top, at);
    if (top === root && kind !== 'atxHeading' && kind !== 'setextHeading') contentBlocks.push(at - start);
    return (top = frame(kind, top, at, collect, prose, holdsLineEndings.has(kind), listLevel));
  };
  /** The node `top` ends at `at`; an inline HTML node is itself where its parent's chain of last children ends. */
  const close = (at: number): Frame => {
    const node = top;
    closeText(node);
    node.end = at;
    top = node.parent!;
    if (node.kind === 'htmlText') endChild(top, at, node.text, 'html', node.start, at);
    else endChild(top, at, node.text, node.firstStart < 0 ? undefined : node.leaf, node.leafStart, node.leafEnd);
    if (top === root && (node.kind === 'listOrdered' || node.kind === 'listUnordered')) listEnd = at;
    return node;
  };
  const openItem = (at: number): void => {
    open('listItem', at, false, top.prose, top.listLevel + 1);
    items.push(top);
  };
  const closeParagraph = (at: number): void => {
    const node = close(at);
    paragraphs.push(textBlock(node.start - start, at - start, node.text));
    if (top.kind === 'listItem' && top.lead === undefined) top.lead = node.text;
  };
  /** A paragraph of plain text from `from` to `to` in `value`: one text node. */
  const plainParagraph = (from: number, to: number): void => {
    const base = start + bom;
    open('paragraph', base + from, true, top.prose);
    beginText(top, base + from);
    addText(top, value.slice(from, to), base + to);
    closeParagraph(base + to);
  };
  const plainList = (list: PlainList): void => {
    const base = start + bom;
    open(list.ordered ? 'listOrdered' : 'listUnordered', base + list.start, false, top.prose);
    for (const item of list.items) {
      openItem(base + item.start);
      plainParagraph(item.textStart, item.end);
      close(base + item.end);
    }
    close(base + list.end);
  };
  /** Whether the block so far ends inside a code block or HTML node that would go on past it. */
  const endsOpen = (): boolean => root.leaf !== undefined && runsOn(root.leaf, source.slice({ start: root.leafStart, end: root.leafEnd }));

  /** Walks the events of the piece of `value` from `piece` on. */
  // eslint-disable-next-line max-lines-per-function -- the event loop of parseBlockIn (see there); becomes enter/exit handler tables with the remark parser
  const walk = (events: Event[]): void => {
    for (let index = 0; index < events.length; index++) {
      const event = events[index]!;
      const token = event[1];
      const type: string = token.type;
      const at = (event[0] === 'enter' ? token.start.offset : token.end.offset) + shift;
      if (event[0] === 'enter') {
        switch (type) {
          case 'paragraph':
          case 'atxHeading':
          case 'setextHeading':
          case 'tableHeader':
          case 'tableData':
            open(type, at, true, top.prose);
            break;
          case 'blockQuote':
          case 'listOrdered':
          case 'listUnordered':
            open(type, at, false, top.prose);
            break;
          case 'tableRow':
            open(type, at, false, top.prose).cells = [];
            break;
          case 'table':
            inTable = true;
            open(type, at, false, top.prose).rows = [];
            break;
          case 'listItem':
            openItem(at);
            break;
          case 'emphasis':
          case 'strong':
            open(type, at, top.collect, top.prose);
            break;
          case 'link':
          case 'autolink':
            // `[label](url)` keeps its label as prose; `<https://…>` is a URL, not prose. mdast tells them
            // apart by the source at the link's start, which is one off after a second byte order mark; it
            // never asks that of a reference (`[label][ref]`), which is no `link` node.
            open(type, at, top.collect, top.prose && (own.charCodeAt(at - start) === 91 /* [ */ || (type === 'link' && isReference(events, index))));
            break;
          case 'image':
          case 'codeText':
          case 'htmlText':
          case 'hardBreakEscape':
          case 'hardBreakTrailing':
          case 'thematicBreak':
            open(type, at, top.collect, false);
            break;
          case 'label':
            // What the brackets of a link hold becomes the link's children; of an image, its `alt`.
            top = frame('label', top, at, top.collect, top.kind === 'link' && top.prose, true, top.listLevel);
            break;
          case 'data':
          case 'characterEscape':
          case 'characterReference':
          case 'autolinkProtocol':
          case 'autolinkEmail':
          case 'codeTextData':
          case 'htmlTextData':
            beginText(top, at);
            break;
          case 'yaml': {
            let yaml = '';
            for (index++; events[index]![1] !== token; index++) {
              const inner = events[index]!;
              if (inner[0] === 'exit') {
                if (inner[1].type === 'lineEnding') yaml += readLineEnding(inner);
                else if ((inner[1].type as string) === 'yamlValue') yaml += read(inner);
              }
            }
            const until = token.end.offset + shift;
            frontMatter = readFrontMatter(text, at, until, yaml.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, ''));
            endChild(top, until, '', undefined, 0, 0);
            break;
          }
          default: {
            const what = opaque[type];
            if (!what) break;
            while (events[++index]![1] !== token) {
              const [kind, inner, context] = events[index]!;
              if (kind === 'enter' && inner.type === 'definitionLabelString') definitions.push(normalizeIdentifier(context.sliceSerialize(inner)));
            }
            if (what === 'outside') break;
            const until = token.end.offset + shift;
            beginChild(top, at);
            if (top === root && what === 'code') contentBlocks.push(at - start);
            endChild(top, until, '', what === 'node' ? undefined : what, at, until);
          }
        }
        continue;
      }
      switch (type) {
        case 'data':
        case 'characterEscapeValue':
        case 'autolinkProtocol':
        case 'autolinkEmail':
        case 'codeTextData':
        case 'htmlTextData':
          addText(top, read(event), at);
          break;
        case 'characterReferenceMarkerNumeric':
          numericBase = 10;
          break;
        case 'characterReferenceMarkerHexadecimal':
          numericBase = 16;
          break;
        case 'characterReferenceValue': {
          const reference = read(event);
          if (top.collect) top.text += numericBase ? decodeNumericCharacterReference(reference, numericBase) : decodeNamedCharacterReference(reference);
          numericBase = 0;
          break;
        }
        case 'characterReference':
          addText(top, '', at);
          break;
        case 'lineEnding':
          if (atHardBreak) {
            top.lastEnd = at;
            atHardBreak = false;
          } else if (!slurpLineEnding && top.eols) {
            beginText(top, token.start.offset + shift);
            addText(top, readLineEnding(event), at);
          }
          break;
        case 'atxHeadingSequence':
          if (!top.depth) top.depth = read(event).length;
          break;
        case 'setextHeadingText':
          slurpLineEnding = true;
          break;
        case 'setextHeadingLineSequence':
          top.depth = read(event).codePointAt(0) === 61 /* = */ ? 1 : 2;
          break;
        case 'label': {
          const label = top;
          closeText(label);
          top = label.parent!;
          top.text = label.text;
          if (top.kind === 'link') {
            top.firstStart = label.firstStart;
            top.lastEnd = label.lastEnd;
            top.leaf = label.leaf;
            top.leafStart = label.leafStart;
            top.leafEnd = label.leafEnd;
          }
          break;
        }
        case 'paragraph':
          closeParagraph(at);
          break;
        case 'atxHeading':
        case 'setextHeading': {
          slurpLineEnding = false;
          const node = close(at);
          if (top === root) {
            headingEnd = at;
            const contentStart = node.firstStart < 0 ? at : node.firstStart;
            const contentEnd = node.firstStart < 0 ? at : node.lastEnd;
            headings.push(headingInfo({ start: node.start, end: at }, node.depth, contentStart, contentEnd, node.text, source));
          }
          break;
        }
        case 'tableHeader':
        case 'tableData': {
          const node = close(at);
          top.cells!.push(textBlock(node.start, at, node.text.trim()));
          break;
        }
        case 'tableRow': {
          top.parent!.rows!.push(top.cells!);
          close(at);
          break;
        }
        case 'table': {
          inTable = false;
          const node = close(at);
          const [header, ...rows] = node.rows!;
          tables.push({ start: node.start, end: at, header: header ?? [], rows });
          break;
        }
        case 'codeText':
          // mdast-util-gfm-table takes the escapes off pipes in code in a table.
          if (inTable) top.text = top.text.replace(/\\([\\|])/g, unescapePipe);
          close(at);
          break;
        case 'hardBreakEscape':
        case 'hardBreakTrailing':
          atHardBreak = true;
          close(at);
          break;
        case 'htmlText':
        case 'image':
        case 'thematicBreak':
        case 'autolink':
        case 'emphasis':
        case 'strong':
        case 'link':
        case 'listItem':
        case 'listOrdered':
        case 'listUnordered':
        case 'blockQuote':
          close(at);
          break;
        default:
          break;
      }
    }
  };

  // micromark's offsets count the source's characters, tabs and NUL too, but not a byte order mark it drops.
  for (const run of byRuns && value.charCodeAt(0) !== 0xfeff ? plainRuns(value, start === 0) : []) {
    walk(eventsWithListItems(value.slice(piece, run.start), defined));
    const last = root.lastEnd;
    if (endsOpen() || (run.kind === 'list' && listEnd >= 0 && listEnd === last) || (run.afterHeading && (headingEnd < 0 || headingEnd !== last))) {
      return parseBlockIn(text, start, end, false, defined);
    }
    if (run.kind === 'paragraph') plainParagraph(run.start, run.end);
    else plainList(run);
    piece = run.end;
    shift = start + bom + piece;
  }
  walk(eventsWithListItems(piece ? value.slice(piece) : value, defined));
  closeText(root);
  // A reference to a label the block itself defines was read as text where the parse did not know of it
  // (in another piece, or given definitions that lack it): parse again knowing it.
  const mayReference = own.includes(']');
  if (mayReference && definitions.some((label) => !defined.includes(label))) return parseBlockIn(text, start, end, byRuns, [...defined, ...definitions]);
  const listItems = items.map((item): ListItemInfo => ({
    start: item.start - start,
    end: item.end - start,
    text: item.lead ?? '',
    level: item.listLevel - 1,
    ordered: item.parent!.kind === 'listOrdered',
  }));
  return {
    start, end, frontMatter, headings, paragraphs, listItems, tables, prose, contentBlocks, open: endsOpen(),
    definitions: uniqueSorted(definitions),
    definedWith: mayReference ? definitionsKey([...defined, ...definitions]) : undefined,
    memo: new WeakMap(),
  };
}

/** Whether the link whose events start at `index` is a reference: no resource follows its label. */
function isReference(events: readonly Event[], index: number): boolean {
  const label = events[index + 1]![1];
  let end = index + 2;
  while (events[end]![1] !== label) end++;
  return events[end + 1]?.[1].type !== 'resource';
}

function unescapePipe(escape: string, character: string): string {
  return character === '|' ? character : escape;
}

/** HTML blocks that blank lines do not end, with what ends them (CommonMark kinds 1–5). */
const htmlUntil: readonly [RegExp, string | RegExp][] = [
  [/^<(?:script|pre|style|textarea)(?=[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
  [/^<!--/, '-->'],
  [/^<\?/, '?>'],
  [/^<!\[CDATA\[/, ']]>'],
  [/^<![A-Za-z]/, '>'],
];

/** Whether a code block or an HTML node left open at the end of its block would, in the whole document, go on past it. */
function runsOn(leaf: 'code' | 'html', source: string): boolean {
  if (leaf === 'code') {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(source);
    if (!opening) return false;
    const lines = source.replace(/(?:\r?\n)+$/, '').split(/\r?\n/);
    const closing = lines.length > 1 ? /^ {0,3}(`+|~+)[ \t]*$/.exec(lines[lines.length - 1]!) : null;
    return !(closing && closing[1]![0] === opening[1]![0] && closing[1]!.length >= opening[1]!.length);
  }
  const html = source.replace(/^ {0,3}/, '');
  for (const [start, end] of htmlUntil) {
    const opening = start.exec(html);
    if (!opening) continue;
    const rest = html.slice(opening[0].length);
    return typeof end === 'string' ? !rest.includes(end) : !end.test(rest);
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
function* settleDefinitions(text: string, blocks: BlockModel[], previousKey: string): Generator<void, { labels: string[]; key: string }> {
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
 * Builds the model of successive versions of one document, parsing again only the blocks whose text
 * changed: a block is reused when the same text stands at the same place, or at the place shifted by the
 * change in the document's length. Only the previous version's model and cuts are kept: the document is
 * cut again only around the change, and the model's arrays are copied from the previous ones where they can.
 */
export class IncrementalModel {
  private model: ReportModel | undefined;
  private cuts: readonly number[] = [];
  /** The labels the link reference definitions of the last version define, and their `definitionsKey`. */
  private defined: { labels: readonly string[]; key: string } = { labels: [], key: '' };

  /** `minimumBlock`: see `splitBlocks`; tests make it small to cut their short documents into many blocks. */
  constructor(private readonly minimumBlock = defaultMinimumBlock) {}

  /**
   * The model of `text`, built in steps: the generator yields after each block it parses. `change`, when
   * given, says where `text` differs from the previous version (see `TextChange`); without it, or when it
   * cannot fit the two texts, they are compared.
   */
  *update(uri: string, text: string, change?: TextChange): Generator<void, ReportModel> {
    const previous = this.model?.text ?? '';
    const { from, to, delta } = change && changeFits(change, previous, text) ? change : changedRange(previous, text);
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
    // A first version has no definitions to go by but those its lines seem to make.
    const blocks = yield* parseBlocks(text, cuts, reuse, this.model ? this.defined.labels : apparentDefinitions(text));
    this.defined = yield* settleDefinitions(text, blocks, this.defined.key);
    this.cuts = cuts;
    this.model = assembleModel(uri, text, blocks, this.model);
    return this.model;
  }

  /** The model of `text`, built at once. */
  build(uri: string, text: string, change?: TextChange): ReportModel {
    const steps = this.update(uri, text, change);
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
