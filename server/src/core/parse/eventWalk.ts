import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { headingInfo, runsOn, textBlock, withoutUrls, type Source } from './blockParts.js';
import { readFrontMatter, type FrontMatter } from './frontMatter.js';
import type { Event } from './markdown.js';
import type { HeadingInfo, ListItemInfo, Span, TableInfo, TextBlock } from './model.js';
import type { PlainList } from './plainRuns.js';

/*
 * The model of a block from micromark's events, as mdast's compiler (mdast-util-from-markdown) would build
 * the tree and fromMdast.ts read it: enter and exit handlers keyed by token type, over a stack of frames.
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
 * What the events of one block build: the frames open now, and what the model takes from the closed ones.
 * The block may be walked in pieces (`piece`, `shift`), with plain runs added between them.
 */
export class BlockWalk {
  frontMatter: FrontMatter | undefined;
  readonly headings: HeadingInfo[] = [];
  readonly paragraphs: TextBlock[] = [];
  readonly items: Frame[] = [];
  readonly tables: TableInfo[] = [];
  readonly prose: Span[] = [];
  readonly contentBlocks: number[] = [];
  readonly definitions: string[] = [];
  readonly root: Frame;
  top: Frame;
  atHardBreak = false;
  slurpLineEnding = false;
  inTable = false;
  numericBase = 0;
  /** Where the last list directly in the block ends, -1 before any: a list run right after it would continue it. */
  listEnd = -1;
  /** Where the last heading ends, -1 before any: a run after a line that looks like one needs it to be one. */
  headingEnd = -1;
  /** Where in `value` the piece micromark parsed starts (its offsets count from there), and where in the document. */
  piece = 0;
  shift: number;
  /**
   * micromark reads NUL as U+FFFD, a tab as the spaces up to the next tab stop and drops another byte
   * order mark: only then does a token's text differ from the source between its offsets.
   */
  private readonly verbatim: boolean;

  /** `value`: the block's text as micromark reads it, which starts `bom` characters into the block (`source`). */
  constructor(readonly text: string, readonly source: Source, readonly value: string, private readonly bom: number) {
    this.verbatim = !/[\0\t]/.test(value) && value.charCodeAt(0) !== 0xfeff;
    this.shift = source.base + bom;
    this.root = this.top = frame('root', undefined, this.shift, false, true, false, 0);
  }

  get start(): number {
    return this.source.base;
  }

  read(event: Event): string {
    return this.verbatim ? this.value.slice(event[1].start.offset + this.piece, event[1].end.offset + this.piece) : event[2].sliceSerialize(event[1]);
  }

  /** A line ending in a container ends, by its offsets, after the next line's prefix (`>`, a list item's indent). */
  readLineEnding(event: Event): string {
    if (!this.verbatim) return event[2].sliceSerialize(event[1]);
    const at = event[1].start.offset + this.piece;
    const value = this.value;
    return value.charCodeAt(at) !== 13 ? '\n' : value.charCodeAt(at + 1) === 10 ? '\r\n' : '\r';
  }

  closeText(f: Frame): void {
    if (f.inText && f.prose) withoutUrls(this.source, { start: f.textStart, end: f.textEnd }, this.prose);
    f.inText = false;
  }

  beginText(f: Frame, at: number): void {
    if (f.inText) return;
    f.inText = true;
    f.textStart = at;
    if (f.firstStart < 0) f.firstStart = at;
  }

  addText(f: Frame, piece: string, at: number): void {
    if (f.collect) f.text += piece;
    f.textEnd = f.lastEnd = at;
    f.leaf = undefined;
  }

  beginChild(f: Frame, at: number): void {
    this.closeText(f);
    if (f.firstStart < 0) f.firstStart = at;
  }

  /** A child node of `f` ends at `at`: its `toString` is `piece`, its chain of last children ends in `leaf`. */
  endChild(f: Frame, at: number, piece: string, leaf: Leaf, leafStart: number, leafEnd: number): void {
    if (f.collect) f.text += piece;
    f.lastEnd = at;
    f.leaf = leaf;
    f.leafStart = leafStart;
    f.leafEnd = leafEnd;
  }

  open(kind: string, at: number, collect: boolean, prose: boolean, listLevel = this.top.listLevel): Frame {
    this.beginChild(this.top, at);
    if (this.top === this.root && kind !== 'atxHeading' && kind !== 'setextHeading') this.contentBlocks.push(at - this.start);
    return (this.top = frame(kind, this.top, at, collect, prose, holdsLineEndings.has(kind), listLevel));
  }

  /** The node `top` ends at `at`; an inline HTML node is itself where its parent's chain of last children ends. */
  close(at: number): Frame {
    const node = this.top;
    this.closeText(node);
    node.end = at;
    const top = (this.top = node.parent!);
    if (node.kind === 'htmlText') this.endChild(top, at, node.text, 'html', node.start, at);
    else this.endChild(top, at, node.text, node.firstStart < 0 ? undefined : node.leaf, node.leafStart, node.leafEnd);
    if (top === this.root && (node.kind === 'listOrdered' || node.kind === 'listUnordered')) this.listEnd = at;
    return node;
  }

  openItem(at: number): void {
    this.open('listItem', at, false, this.top.prose, this.top.listLevel + 1);
    this.items.push(this.top);
  }

  closeParagraph(at: number): void {
    const node = this.close(at);
    this.paragraphs.push(textBlock(node.start - this.start, at - this.start, node.text));
    if (this.top.kind === 'listItem' && this.top.lead === undefined) this.top.lead = node.text;
  }

  /** A paragraph of plain text from `from` to `to` in `value`: one text node. */
  plainParagraph(from: number, to: number): void {
    const base = this.start + this.bom;
    this.open('paragraph', base + from, true, this.top.prose);
    this.beginText(this.top, base + from);
    this.addText(this.top, this.value.slice(from, to), base + to);
    this.closeParagraph(base + to);
  }

  plainList(list: PlainList): void {
    const base = this.start + this.bom;
    this.open(list.ordered ? 'listOrdered' : 'listUnordered', base + list.start, false, this.top.prose);
    for (const item of list.items) {
      this.openItem(base + item.start);
      this.plainParagraph(item.textStart, item.end);
      this.close(base + item.end);
    }
    this.close(base + list.end);
  }

  /** Whether the block so far ends inside a code block or HTML node that would go on past it. */
  endsOpen(): boolean {
    const root = this.root;
    return root.leaf !== undefined && runsOn(root.leaf, this.source.slice({ start: root.leafStart, end: root.leafEnd }));
  }

  /** Walks the events of the piece of `value` from `piece` on. */
  walk(events: Event[]): void {
    for (let index = 0; index < events.length; index++) {
      const event = events[index]!;
      const token = event[1];
      if (event[0] === 'enter') index = onEnter.get(token.type)?.(this, events, index, token.start.offset + this.shift) ?? index;
      else onExit.get(token.type)?.(this, event, token.end.offset + this.shift);
    }
  }

  /** The list items of the block, as the model keeps them. */
  listItems(): ListItemInfo[] {
    return this.items.map((item): ListItemInfo => ({
      start: item.start - this.start,
      end: item.end - this.start,
      text: item.lead ?? '',
      level: item.listLevel - 1,
      ordered: item.parent!.kind === 'listOrdered',
    }));
  }
}

/** Takes the token that `events[index]` enters, at document offset `at`; returns the index of the last event it read, when it read on. */
type Enter = (walk: BlockWalk, events: Event[], index: number, at: number) => number | void;
/** Takes the token that `event` exits, at document offset `at`. */
type Exit = (walk: BlockWalk, event: Event, at: number) => void;

function table<H>(entries: readonly (readonly [readonly string[], H])[]): ReadonlyMap<string, H> {
  return new Map(entries.flatMap(([types, handler]) => types.map((type) => [type, handler] as const)));
}

/** A node that collects its text (for the model) and takes prose from its parent. */
const openCollecting: Enter = (w, events, index, at) => void w.open(events[index]![1].type, at, true, w.top.prose);
const closeNode: Exit = (w, _event, at) => void w.close(at);

/** The link whose events start at `index` is a reference: no resource follows its label. */
function isReference(events: readonly Event[], index: number): boolean {
  const label = events[index + 1]![1];
  let end = index + 2;
  while (events[end]![1] !== label) end++;
  return events[end + 1]?.[1].type !== 'resource';
}

/** Front matter: its YAML read from the events, the rest of them skipped. */
const enterYaml: Enter = (w, events, index, at) => {
  const token = events[index]![1];
  let yaml = '';
  for (index++; events[index]![1] !== token; index++) {
    const inner = events[index]!;
    if (inner[0] === 'exit') {
      if (inner[1].type === 'lineEnding') yaml += w.readLineEnding(inner);
      else if ((inner[1].type as string) === 'yamlValue') yaml += w.read(inner);
    }
  }
  const until = token.end.offset + w.shift;
  w.frontMatter = readFrontMatter(w.text, at, until, yaml.replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, ''));
  w.endChild(w.top, until, '', undefined, 0, 0);
  return index;
};

/** A construct the model does not look into (see `opaque`): skipped, but for the labels of definitions. */
const enterOpaque: Enter = (w, events, index, at) => {
  const token = events[index]![1];
  const what = opaque[token.type]!;
  while (events[++index]![1] !== token) {
    const [kind, inner, context] = events[index]!;
    if (kind === 'enter' && inner.type === 'definitionLabelString') w.definitions.push(normalizeIdentifier(context.sliceSerialize(inner)));
  }
  if (what === 'outside') return index;
  const until = token.end.offset + w.shift;
  w.beginChild(w.top, at);
  if (w.top === w.root && what === 'code') w.contentBlocks.push(at - w.start);
  w.endChild(w.top, until, '', what === 'node' ? undefined : what, at, until);
  return index;
};

const onEnter = table<Enter>([
  [['paragraph', 'atxHeading', 'setextHeading', 'tableHeader', 'tableData'], openCollecting],
  [['blockQuote', 'listOrdered', 'listUnordered'], (w, events, index, at) => void w.open(events[index]![1].type, at, false, w.top.prose)],
  [['tableRow'], (w, _events, _index, at) => void (w.open('tableRow', at, false, w.top.prose).cells = [])],
  [['table'], (w, _events, _index, at) => {
    w.inTable = true;
    w.open('table', at, false, w.top.prose).rows = [];
  }],
  [['listItem'], (w, _events, _index, at) => w.openItem(at)],
  [['emphasis', 'strong'], (w, events, index, at) => void w.open(events[index]![1].type, at, w.top.collect, w.top.prose)],
  // `[label](url)` keeps its label as prose; `<https://…>` is a URL, not prose. mdast tells them apart by
  // the source at the link's start, which is one off after a second byte order mark; it never asks that
  // of a reference (`[label][ref]`), which is no `link` node.
  [['link', 'autolink'], (w, events, index, at) => {
    const type = events[index]![1].type;
    const label = w.source.text.charCodeAt(at - w.start) === 91; /* [ */
    w.open(type, at, w.top.collect, w.top.prose && (label || (type === 'link' && isReference(events, index))));
  }],
  [['image', 'codeText', 'htmlText', 'hardBreakEscape', 'hardBreakTrailing', 'thematicBreak'], (w, events, index, at) => void w.open(events[index]![1].type, at, w.top.collect, false)],
  // What the brackets of a link hold becomes the link's children; of an image, its `alt`.
  [['label'], (w, _events, _index, at) => {
    const top = w.top;
    w.top = frame('label', top, at, top.collect, top.kind === 'link' && top.prose, true, top.listLevel);
  }],
  [['data', 'characterEscape', 'characterReference', 'autolinkProtocol', 'autolinkEmail', 'codeTextData', 'htmlTextData'], (w, _events, _index, at) => w.beginText(w.top, at)],
  [['yaml'], enterYaml],
  [Object.keys(opaque), enterOpaque],
]);

function unescapePipe(escape: string, character: string): string {
  return character === '|' ? character : escape;
}

const onExit = table<Exit>([
  [['data', 'characterEscapeValue', 'autolinkProtocol', 'autolinkEmail', 'codeTextData', 'htmlTextData'], (w, event, at) => w.addText(w.top, w.read(event), at)],
  [['characterReferenceMarkerNumeric'], (w) => void (w.numericBase = 10)],
  [['characterReferenceMarkerHexadecimal'], (w) => void (w.numericBase = 16)],
  [['characterReferenceValue'], (w, event) => {
    const reference = w.read(event);
    if (w.top.collect) w.top.text += w.numericBase ? decodeNumericCharacterReference(reference, w.numericBase) : decodeNamedCharacterReference(reference);
    w.numericBase = 0;
  }],
  [['characterReference'], (w, _event, at) => w.addText(w.top, '', at)],
  [['lineEnding'], (w, event, at) => {
    if (w.atHardBreak) {
      w.top.lastEnd = at;
      w.atHardBreak = false;
    } else if (!w.slurpLineEnding && w.top.eols) {
      w.beginText(w.top, event[1].start.offset + w.shift);
      w.addText(w.top, w.readLineEnding(event), at);
    }
  }],
  [['atxHeadingSequence'], (w, event) => {
    if (!w.top.depth) w.top.depth = w.read(event).length;
  }],
  [['setextHeadingText'], (w) => void (w.slurpLineEnding = true)],
  [['setextHeadingLineSequence'], (w, event) => void (w.top.depth = w.read(event).codePointAt(0) === 61 /* = */ ? 1 : 2)],
  [['label'], (w) => {
    const label = w.top;
    w.closeText(label);
    const top = (w.top = label.parent!);
    top.text = label.text;
    if (top.kind !== 'link') return;
    top.firstStart = label.firstStart;
    top.lastEnd = label.lastEnd;
    top.leaf = label.leaf;
    top.leafStart = label.leafStart;
    top.leafEnd = label.leafEnd;
  }],
  [['paragraph'], (w, _event, at) => w.closeParagraph(at)],
  [['atxHeading', 'setextHeading'], (w, _event, at) => {
    w.slurpLineEnding = false;
    const node = w.close(at);
    if (w.top !== w.root) return;
    w.headingEnd = at;
    const contentStart = node.firstStart < 0 ? at : node.firstStart;
    const contentEnd = node.firstStart < 0 ? at : node.lastEnd;
    w.headings.push(headingInfo({ start: node.start, end: at }, node.depth, contentStart, contentEnd, node.text, w.source));
  }],
  [['tableHeader', 'tableData'], (w, _event, at) => {
    const node = w.close(at);
    w.top.cells!.push(textBlock(node.start, at, node.text.trim()));
  }],
  [['tableRow'], (w, _event, at) => {
    w.top.parent!.rows!.push(w.top.cells!);
    w.close(at);
  }],
  [['table'], (w, _event, at) => {
    w.inTable = false;
    const node = w.close(at);
    const [header, ...rows] = node.rows!;
    w.tables.push({ start: node.start, end: at, header: header ?? [], rows });
  }],
  // mdast-util-gfm-table takes the escapes off pipes in code in a table.
  [['codeText'], (w, _event, at) => {
    if (w.inTable) w.top.text = w.top.text.replace(/\\([\\|])/g, unescapePipe);
    w.close(at);
  }],
  [['hardBreakEscape', 'hardBreakTrailing'], (w, _event, at) => {
    w.atHardBreak = true;
    w.close(at);
  }],
  [['htmlText', 'image', 'thematicBreak', 'autolink', 'emphasis', 'strong', 'link', 'listItem', 'listOrdered', 'listUnordered', 'blockQuote'], closeNode],
]);
