import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { blockSource, definitionsKey, headingInfo, runsOn, textBlock, uniqueSorted, withoutUrls, type Source } from './blockParts.js';
import { readFrontMatter, type FrontMatter } from './frontMatter.js';
import { eventsWithListItems, type Event } from './markdown.js';
import type { BlockModel, HeadingInfo, ListItemInfo, Span, TableInfo, TextBlock } from './model.js';
import { plainRuns, type PlainList } from './plainRuns.js';

/*
 * The block parser for large documents (see `eventsAbove` in parse/index.ts): the model built straight from
 * micromark's events, taking plain paragraphs and lists from their lines, without remark's tree. It must
 * give exactly what fromMdast.ts gives; the differential tests (test/unit/blockParser.test.ts) hold it to that.
 */

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

/**
 * Parses `text.slice(start, end)` on its own, as it parses in a document whose link reference definitions
 * are its own and those of the labels `defined` (normalized); it must start at 0 or at a place
 * `splitBlocks` chose.
 */
export function blockFromEvents(text: string, start: number, end: number, defined: readonly string[]): BlockModel {
  return parseBlockIn(text, start, end, true, defined);
}

/**
 * `blockFromEvents`, taking the block's plain runs (see `plainRuns`) from their lines and having micromark parse
 * only the pieces between them when `byRuns` says so: report prose is mostly such runs, and micromark takes
 * ten times as long over them. Where a piece turns out to leave open what would take in the run after it
 * (see `plainRuns`), the block is parsed again in one piece.
 */
// eslint-disable-next-line max-lines-per-function -- mirrors mdast's compiler over ~18 shared mutable variables, which its inner walk shares
function parseBlockIn(text: string, start: number, end: number, byRuns: boolean, defined: readonly string[]): BlockModel {
  const source: Source = blockSource(text, start, end);
  const own = source.text;
  // micromark drops a leading byte order mark and counts offsets without it.
  const bom = start === 0 && own.charCodeAt(0) === 0xfeff ? 1 : 0;
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

