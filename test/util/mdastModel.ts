import type { Heading, List, ListItem, Nodes, Paragraph, Root, Table, Yaml } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { readFrontMatter, type FrontMatter } from '../../server/src/core/parse/frontMatter.js';
import { definitionsKey, type BlockModel, type HeadingInfo, type ListItemInfo, type Span, type TableInfo, type TextBlock } from '../../server/src/core/parse/model.js';
import { parseNumbering } from '../../server/src/core/report/numberingStyle.js';

/*
 * The block parser as it was when it walked an mdast tree: the reference the event-based `parseBlock` must
 * match exactly. It is a frozen copy, helpers included, on purpose: sharing `withoutUrls` or `runsOn` with
 * the code under test would leave those parts compared with themselves.
 */

const options = {
  extensions: [gfmTable(), frontmatter(['yaml'])],
  mdastExtensions: [gfmTableFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
};

function parseMarkdown(text: string): Root {
  return fromMarkdown(text, options);
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

/** `parseBlock` by way of an mdast tree. */
export function mdastParseBlock(text: string, start: number, end: number): BlockModel {
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
  const definitions: string[] = [];

  const cell = (node: Nodes): TextBlock => textBlock(spanOf(node), toString(node).trim());

  const visit = (node: Nodes, listLevel: number): void => {
    switch (node.type) {
      case 'code':
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
        return;
      case 'definition':
        definitions.push(normalizeIdentifier(node.label ?? node.identifier));
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
        paragraphs.push(textBlock({ start: spanOf(node).start - start, end: spanOf(node).end - start }, toString(node)));
        break;
      case 'list':
        for (const item of (node as List).children) {
          const lead = (item as ListItem).children.find((c): c is Paragraph => c.type === 'paragraph');
          const span = spanOf(item);
          listItems.push({ start: span.start - start, end: span.end - start, text: lead ? toString(lead) : '', level: listLevel, ordered: (node as List).ordered === true });
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
    else if (child.type !== 'html' && child.type !== 'definition') contentBlocks.push(spanOf(child).start - start);
    visit(child, 0);
  }
  // The last node, and the last child of each container it ends with: a fence left open inside a list
  // item ends, in the whole document, where the item does, not at the end of the block.
  let open = false;
  for (let last: Nodes | undefined = root.children[root.children.length - 1]; last && !open; ) {
    open = runsOn(last, source.slice(spanOf(last)));
    last = 'children' in last ? last.children[last.children.length - 1] : undefined;
  }
  const relativeProse = prose.map((span) => ({ start: span.start - start, end: span.end - start }));
  const unique = [...new Set(definitions)].sort();
  const definedWith = text.slice(start, end).includes(']') ? definitionsKey(unique) : undefined;
  return {
    start, end, frontMatter, headings, paragraphs, listItems, tables, prose: relativeProse, contentBlocks, open,
    definitions: unique, definedWith, memo: new WeakMap(),
  };
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
