import type { Heading, List, ListItem, Nodes, Paragraph, Root, Table, Yaml } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { readFrontMatter, unclosedFrontMatter, type FrontMatter, type FrontMatterProblem } from './frontMatter.js';
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
}

type SpanOf = (node: Nodes) => Span;

/** Where a node stands in the document; `shift` is 1 when a byte order mark was left out of the parse. */
function spanReader(shift: number): SpanOf {
  return (node) => ({ start: (node.position?.start.offset ?? 0) + shift, end: (node.position?.end.offset ?? 0) + shift });
}

/** Markup that may stand before a heading's number: `**第三章**`, `*3.*`, `[第三章](#…)`, `` `3.` ``. */
const numberingMarkup = /^[*_`[~]{0,3}$/;

function headingInfo(node: Heading, text: string, spanOf: SpanOf): HeadingInfo {
  const span = spanOf(node);
  const first = node.children[0];
  const last = node.children[node.children.length - 1];
  const contentStart = first ? spanOf(first).start : span.end;
  const contentEnd = last ? spanOf(last).end : span.end;
  const plain = toString(node).trim();
  const numbering = parseNumbering(plain);
  const source = text.slice(contentStart, contentEnd);
  const at = numbering ? source.indexOf(numbering.raw) : -1;
  const numberingSpan =
    numbering && at >= 0 && numberingMarkup.test(source.slice(0, at))
      ? { start: contentStart + at, end: contentStart + at + numbering.raw.length }
      : undefined;
  return {
    ...span,
    depth: node.depth,
    contentStart,
    contentEnd,
    text: plain,
    numbering,
    numberingSpan,
    title: numbering ? plain.slice(numbering.length).trim() : plain,
  };
}

/** `[label](url)` keeps its label as prose; `<https://…>` is a URL, not prose. */
function isUrlLink(node: Nodes, text: string, spanOf: SpanOf): boolean {
  if (node.type !== 'link') return false;
  return text.charCodeAt(spanOf(node).start) !== 91; /* [ */
}

const bareUrl = /(?:[a-z][a-z0-9+.-]*:\/\/|www\.)[^\s<>"'，。；！？、（）【】「」]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/** A text span with its bare URLs and e-mail addresses cut out (the parser does not link them). */
function withoutUrls(text: string, span: Span, out: Span[]): void {
  const slice = text.slice(span.start, span.end);
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

/** Parses a document once and builds its schema-independent model. */
export function buildReportModel(uri: string, text: string): ReportModel {
  // micromark drops a leading byte order mark and counts offsets without it.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const spanOf = spanReader(bom);
  const root: Root = parseMarkdown(bom ? text.slice(1) : text);
  let frontMatter: FrontMatter | undefined;
  const headingNodes: Heading[] = [];
  const paragraphs: TextBlock[] = [];
  const listItems: ListItemInfo[] = [];
  const tables: TableInfo[] = [];
  const prose: Span[] = [];
  /** Offsets of top-level blocks that count as content, for empty-section detection. */
  const contentBlocks: number[] = [];

  const cell = (node: Nodes): TextBlock => ({ ...spanOf(node), text: toString(node).trim() });

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
        withoutUrls(text, spanOf(node), prose);
        return;
      case 'link':
        if (isUrlLink(node, text, spanOf)) return;
        break;
      case 'paragraph':
        paragraphs.push({ ...spanOf(node), text: toString(node) });
        break;
      case 'list':
        for (const item of (node as List).children) {
          const lead = (item as ListItem).children.find((c): c is Paragraph => c.type === 'paragraph');
          listItems.push({
            ...spanOf(item),
            text: lead ? toString(lead) : '',
            level: listLevel,
            ordered: (node as List).ordered === true,
          });
          visit(item, listLevel + 1);
        }
        return;
      case 'table': {
        const [head, ...body] = (node as Table).children;
        tables.push({
          ...spanOf(node),
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
    if (child.type === 'heading') headingNodes.push(child);
    else if (child.type !== 'html' && child.type !== 'definition') contentBlocks.push(spanOf(child).start);
    visit(child, 0);
  }

  const headings = headingNodes.map((node) => headingInfo(node, text, spanOf));
  const topLevel = headings.filter((h) => h.depth === 1);
  const titleHeading = topLevel.length === 1 && headings[0] === topLevel[0] ? topLevel[0] : undefined;
  const body = headings.filter((h) => h !== titleHeading);
  const chapterDepth = body.length ? Math.min(...body.map((h) => h.depth)) : undefined;
  const chapters = nestSections(body, chapterDepth ?? 1, text.length, contentBlocks);

  const frontMatterProblems = frontMatter
    ? frontMatter.problems
    : [unclosedFrontMatter(text)].filter((p): p is FrontMatterProblem => p !== undefined);

  return {
    uri,
    text,
    frontMatter,
    frontMatterProblems,
    titleHeading,
    chapterDepth,
    headings,
    chapters,
    paragraphs,
    listItems,
    tables,
    prose,
  };
}

/** Builds the chapter → section tree; headings above the first chapter are left out. */
function nestSections(headings: readonly HeadingInfo[], chapterDepth: number, textLength: number, contentBlocks: readonly number[]): Section[] {
  type Open = { -readonly [K in keyof Section]: Section[K] };
  const chapters: Open[] = [];
  const stack: Open[] = [];
  const sections: Open[] = [];
  for (const heading of headings) {
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
  for (const offset of contentBlocks) {
    while (cursor + 1 < sections.length && sections[cursor + 1]!.start <= offset) cursor++;
    const owner = sections[cursor];
    if (owner && offset < owner.end) owner.hasContent = true;
  }
  return chapters;
}
