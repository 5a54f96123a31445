import type { Heading, ListItem, Nodes, Parents, Root, Table, TableCell } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { blockSource, definitionsKey, headingInfo, runsOn, textBlock, uniqueSorted, withoutUrls, type Source } from './blockParts.js';
import { blankCuts, structureCuts } from './bounds.js';
import { readFrontMatter, type FrontMatter } from './frontMatter.js';
import type { BlockModel, HeadingInfo, ListItemInfo, Span, TableInfo, TextBlock } from './model.js';
import { parseMdast } from './remark.js';

/** What the walk over one block's tree gathers; spans in document offsets unless said. */
interface State {
  readonly document: string;
  readonly source: Source;
  /** Document offset of the tree's offset 0 (the block's start, after a leading byte order mark). */
  readonly shift: number;
  frontMatter: FrontMatter | undefined;
  readonly headings: HeadingInfo[];
  /** Relative to the block's start, as `BlockModel` keeps them. */
  readonly paragraphs: TextBlock[];
  readonly listItems: ListItemInfo[];
  readonly tables: TableInfo[];
  readonly prose: Span[];
  readonly contentBlocks: number[];
  readonly definitions: string[];
  /** Nesting level a list item entered now has. */
  level: number;
}

type NodeOf<K extends Nodes['type']> = Extract<Nodes, { type: K }>;
/** Returns `skip` when the model takes nothing from the node's children. */
type Handler<K extends Nodes['type']> = (node: NodeOf<K>, parent: Parents, state: State) => typeof skip | void;
type Handlers = { readonly [K in Nodes['type']]?: Handler<K> };

const skip = 'skip';

function spanOf(node: Nodes, state: State): Span {
  return { start: node.position!.start.offset! + state.shift, end: node.position!.end.offset! + state.shift };
}

function relative(span: Span, state: State): Span {
  return { start: span.start - state.source.base, end: span.end - state.source.base };
}

const ignore = (): typeof skip => skip;

function cell(node: TableCell, state: State): TextBlock {
  const span = spanOf(node, state);
  return textBlock(span.start, span.end, toString(node).trim());
}

/**
 * What the model takes from a node where it is entered, keyed by node type as mdast's own compiler reads
 * its tokens: code, HTML, images and front matter are not prose; a link written as a URL (`<https://…>`)
 * is not either, one written `[label](url)` keeps its label.
 */
const enter: Handlers = {
  code: ignore,
  inlineCode: ignore,
  html: ignore,
  image: ignore,
  imageReference: ignore,
  yaml: ignore,
  definition(node, _parent, state) {
    state.definitions.push(normalizeIdentifier(node.label ?? node.identifier));
    return skip;
  },
  text(node, _parent, state) {
    withoutUrls(state.source, spanOf(node, state), state.prose);
  },
  link(node, _parent, state) {
    return state.source.text.charCodeAt(spanOf(node, state).start - state.source.base) === 91 /* [ */ ? undefined : skip;
  },
  paragraph(node, _parent, state) {
    const span = relative(spanOf(node, state), state);
    state.paragraphs.push(textBlock(span.start, span.end, toString(node)));
  },
  listItem(node, parent, state) {
    const lead = node.children.find((child) => child.type === 'paragraph');
    const span = relative(spanOf(node, state), state);
    const ordered = parent.type === 'list' && parent.ordered === true;
    state.listItems.push({ start: span.start, end: span.end, text: lead ? toString(lead) : '', level: state.level, ordered });
    state.level++;
  },
  table(node, _parent, state) {
    const [head, ...body] = (node as Table).children;
    const span = spanOf(node, state);
    const cells = (row: Table['children'][number]): TextBlock[] => row.children.map((c) => cell(c, state));
    state.tables.push({ start: span.start, end: span.end, header: head ? cells(head) : [], rows: body.map(cells) });
  },
};

const exit: Handlers = {
  listItem(_node: ListItem, _parent, state) {
    state.level--;
  },
};

function walk(node: Nodes, parent: Parents, state: State): void {
  const onEnter = enter[node.type] as Handler<Nodes['type']> | undefined;
  if (onEnter?.(node as never, parent, state) === skip) return;
  if ('children' in node) for (const child of node.children) walk(child, node, state);
  (exit[node.type] as Handler<Nodes['type']> | undefined)?.(node as never, parent, state);
}

/**
 * What the model takes from a node directly in the block (the document level), before it is walked: front
 * matter; headings (those in containers are not the document's); where content starts, for empty sections.
 */
const topLevel: Handlers = {
  yaml(node, _parent, state) {
    const span = spanOf(node, state);
    state.frontMatter = readFrontMatter(state.document, span.start, span.end, node.value);
    return skip;
  },
  heading(node: Heading, _parent, state) {
    const span = spanOf(node, state);
    const first = node.children[0];
    const last = node.children[node.children.length - 1];
    const contentStart = first ? spanOf(first, state).start : span.end;
    const contentEnd = last ? spanOf(last, state).end : span.end;
    state.headings.push(headingInfo(span, node.depth, contentStart, contentEnd, toString(node), state.source));
  },
  html: () => undefined,
  definition: () => undefined,
};

function contentStart(node: Nodes, state: State): void {
  state.contentBlocks.push(spanOf(node, state).start - state.source.base);
}

/**
 * Whether the block ends inside a code block or an HTML node that would, in the whole document, go on past
 * it: the last node, and the last child of each container it ends with (a fence left open inside a list
 * item ends, in the whole document, where the item does, not at the end of the block).
 */
function endsOpen(root: Root, state: State): boolean {
  for (let last: Nodes | undefined = root.children[root.children.length - 1]; last; ) {
    if ((last.type === 'code' || last.type === 'html') && runsOn(last.type, state.source.slice(spanOf(last, state)))) return true;
    last = 'children' in last ? last.children[last.children.length - 1] : undefined;
  }
  return false;
}

/**
 * The model of `text.slice(start, end)` from remark's tree, as it parses in a document whose link
 * reference definitions are its own and those of the labels `defined` (normalized).
 */
export function blockFromMdast(text: string, start: number, end: number, defined: readonly string[]): BlockModel {
  const source = blockSource(text, start, end);
  // micromark drops a leading byte order mark and counts offsets without it.
  const bom = start === 0 && source.text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const value = bom ? source.text.slice(1) : source.text;
  // Nesting and tables past their budgets are blanked (see bounds.ts): the tree keeps the text's offsets.
  const root = parseMdast(blankCuts(value, structureCuts(value)), defined);
  const state: State = {
    document: text, source, shift: start + bom, frontMatter: undefined, headings: [], paragraphs: [], listItems: [], tables: [],
    prose: [], contentBlocks: [], definitions: [], level: 0,
  };
  for (const child of root.children) {
    const onTop = topLevel[child.type] as Handler<Nodes['type']> | undefined;
    if (!onTop) contentStart(child, state);
    if (onTop?.(child as never, root, state) !== skip) walk(child, root, state);
  }
  const definitions = uniqueSorted(state.definitions);
  const { frontMatter, headings, paragraphs, listItems, tables, prose, contentBlocks } = state;
  return {
    start, end, frontMatter, headings, paragraphs, listItems, tables, prose, contentBlocks, open: endsOpen(root, state),
    definitions,
    definedWith: source.text.includes(']') ? definitionsKey([...defined, ...definitions]) : undefined,
    memo: new WeakMap(),
  };
}
