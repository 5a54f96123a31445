import {
  AlignmentType,
  BorderStyle,
  ExternalHyperlink,
  FootnoteReferenceRun,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
} from 'docx';
import type { Definition, FootnoteDefinition, ListItem, Nodes, PhrasingContent, Root, RootContent, Table as MdTable } from 'mdast';
import styleYaml from '../../../data/export-style.yaml';
import { localize, type Locale } from '../report/l10n.js';
import { wordAlternation } from '../report/patterns.js';
import { readPicture } from './images.js';
import type { HouseStyle, StyleIds } from './style.js';

/** How inline text is marked: the marks of the nodes it is in. */
interface Marks {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly strike?: boolean;
}

export interface ConvertOptions {
  readonly ids: StyleIds;
  readonly style: HouseStyle;
  readonly language: Locale;
  /** Heading depth that stands for a chapter (Heading 1); deeper headings are Heading 2–4. */
  readonly chapterDepth: number;
  /** Offset of the heading that is the document's title: the title block shows it instead. */
  readonly titleOffset: number | undefined;
  /** The bytes of an image the report references by a relative path; undefined when there is none. */
  readImage(url: string): Uint8Array | undefined;
}

/** Widest an image is shown, in pixels at 96 per inch: about 14.5 cm, the text width of A4 with standard margins. */
const maxImageWidth = 550;

/** Twips of indent per level of a list or block quote: two characters of 小四. */
const levelIndent = 420;

/**
 * mdast → Word: one paragraph, table or picture per Markdown block, in the document's styles. Text is
 * kept as written, numbers of headings and ordered lists included; nothing is dropped without a word:
 * Mermaid and HTML blocks stay as text under a note, and a missing image is collected in `missingImages`.
 */
export class Converter {
  readonly footnotes: Record<number, { children: Paragraph[] }> = {};
  readonly missingImages: string[] = [];
  private readonly footnoteNumbers = new Map<string, number>();
  private readonly footnoteDefinitions = new Map<string, FootnoteDefinition>();
  private readonly definitions = new Map<string, Definition>();

  constructor(readonly options: ConvertOptions) {}

  convert(root: Root): (Paragraph | Table)[] {
    this.collectDefinitions(root.children);
    return this.blocks(root.children, 0);
  }

  /** Link and footnote definitions, wherever they stand (a list item or a block quote may hold them). */
  private collectDefinitions(nodes: readonly RootContent[]): void {
    for (const node of nodes) {
      if (node.type === 'definition') this.definitions.set(node.identifier, node);
      else if (node.type === 'footnoteDefinition') this.footnoteDefinitions.set(node.identifier, node);
      else if (node.type === 'list' || node.type === 'listItem' || node.type === 'blockquote') this.collectDefinitions(node.children);
    }
  }

  private blocks(nodes: readonly RootContent[], level: number): (Paragraph | Table)[] {
    const out: (Paragraph | Table)[] = [];
    nodes.forEach((node, i) => out.push(...this.block(node, level, nodes[i - 1], nodes[i + 1])));
    return out;
  }

  private block(node: RootContent, level: number, previous: RootContent | undefined, next: RootContent | undefined): (Paragraph | Table)[] {
    const { ids } = this.options;
    switch (node.type) {
      case 'heading': {
        if (node.position?.start.offset === this.options.titleOffset) return [];
        const rank = Math.min(4, Math.max(1, node.depth - this.options.chapterDepth + 1));
        return [new Paragraph({ style: ids.headings[rank - 1], numbering: false, children: this.inline(node.children, {}) })];
      }
      case 'paragraph': {
        const caption = (next?.type === 'table' && tableCaption.test(plain(node))) || (isPicture(previous) && figureCaption.test(plain(node)));
        const centred = isPicture(node) ? { alignment: AlignmentType.CENTER, indent: { firstLine: 0, firstLineChars: 0 } } : this.indent(level);
        return [new Paragraph({ style: caption ? ids.caption : ids.body, ...centred, children: this.inline(node.children, {}) })];
      }
      case 'list':
        return node.children.flatMap((item, i) => this.listItem(item, level, node.ordered ? `${(node.start ?? 1) + i}.` : '•'));
      case 'blockquote':
        return this.blocks(node.children, level + 1);
      case 'table':
        return [this.table(node)];
      case 'code': {
        const note = node.lang === 'mermaid' ? [this.note('export.note.mermaid')] : [];
        return [...note, ...this.literal(node.value, level)];
      }
      case 'html':
        // A comment is the writer's note to themselves (guidance in a skeleton): not part of the text.
        if (/^\s*<!--[\s\S]*-->\s*$/.test(node.value)) return [];
        return [this.note('export.note.html'), ...this.literal(node.value, level)];
      case 'thematicBreak':
        return [new Paragraph({ style: ids.body, border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '808080', space: 1 } } })];
      default:
        // Definitions and footnote definitions are read where they are used; front matter is the title block.
        return [];
    }
  }

  private indent(level: number): Pick<IParagraphOptions, 'indent'> {
    return level > 0 ? { indent: { left: levelIndent * level } } : {};
  }

  private listItem(item: ListItem, level: number, marker: string): (Paragraph | Table)[] {
    const box = item.checked === true ? '☑ ' : item.checked === false ? '☐ ' : '';
    const out: (Paragraph | Table)[] = [];
    let marked = false;
    for (const child of item.children) {
      if (child.type === 'paragraph' && !marked) {
        marked = true;
        const hanging = this.options.style.body.firstLineChars === 0;
        out.push(new Paragraph({
          style: this.options.ids.body,
          indent: hanging ? { left: levelIndent * (level + 1), hanging: levelIndent } : { left: levelIndent * level },
          children: [new TextRun({ text: `${marker}${hanging ? '\t' : ' '}${box}` }), ...this.inline(child.children, {})],
        }));
      } else {
        out.push(...this.blocks([child], level + 1));
      }
    }
    return out;
  }

  private table(node: MdTable): Table {
    const { ids } = this.options;
    const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
    const borders = ids.table ? {} : { borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border } };
    const rows = node.children.map((row, r) => new TableRow({
      tableHeader: r === 0,
      cantSplit: true,
      children: row.children.map((cell, c) => {
        const align = node.align?.[c];
        const text = plain(cell);
        const alignment = r === 0 || align === 'center' || figure.test(text) ? AlignmentType.CENTER : align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT;
        return new TableCell({
          children: [new Paragraph({ style: ids.tableText, alignment, indent: { firstLine: 0, firstLineChars: 0 }, spacing: { line: 240, before: 40, after: 40 }, children: this.inline(cell.children, r === 0 ? { bold: true } : {}) })],
          verticalAlign: 'center',
          ...(r === 0 && !ids.table && { shading: { type: ShadingType.CLEAR, fill: 'E7E6E6', color: 'auto' } }),
        });
      }),
    }));
    return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE }, ...(ids.table && { style: ids.table }), ...borders });
  }

  /** Code, Mermaid or HTML source as written, one paragraph per line, in the monospace font. */
  private literal(value: string, level: number): Paragraph[] {
    const font = this.options.style.monospace;
    return value.split('\n').map((line) => new Paragraph({
      style: this.options.ids.body,
      indent: { left: levelIndent * level, firstLine: 0, firstLineChars: 0 },
      spacing: { line: 240, after: 0 },
      shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
      children: [new TextRun({ text: line, font: { ascii: font, hAnsi: font } })],
    }));
  }

  /** What the export says about a block it could not render, in the report's language. */
  private note(key: string): Paragraph {
    return new Paragraph({
      style: this.options.ids.body,
      indent: { firstLine: 0, firstLineChars: 0 },
      children: [new TextRun({ text: localize(this.options.language, key), italics: true, color: '7F7F7F' })],
    });
  }

  private inline(nodes: readonly PhrasingContent[], marks: Marks): ParagraphChild[] {
    return nodes.flatMap((node) => this.phrase(node, marks));
  }

  private phrase(node: PhrasingContent, marks: Marks): ParagraphChild[] {
    switch (node.type) {
      case 'text':
        return [new TextRun({ text: joinLines(node.value), ...marks })];
      case 'strong':
        return this.inline(node.children, { ...marks, bold: true });
      case 'emphasis':
        return this.inline(node.children, { ...marks, italics: true });
      case 'delete':
        return this.inline(node.children, { ...marks, strike: true });
      case 'inlineCode': {
        const font = this.options.style.monospace;
        return [new TextRun({ text: node.value, font: { ascii: font, hAnsi: font }, ...marks })];
      }
      case 'break':
        return [new TextRun({ break: 1 })];
      case 'link':
        return this.link(node.url, node.children, marks);
      case 'linkReference': {
        const definition = this.definitions.get(node.identifier);
        return definition ? this.link(definition.url, node.children, marks) : this.inline(node.children, marks);
      }
      case 'image':
        return this.image(node.url, node.alt ?? '');
      case 'imageReference': {
        const definition = this.definitions.get(node.identifier);
        return definition ? this.image(definition.url, node.alt ?? '') : [new TextRun({ text: node.alt ?? '', ...marks })];
      }
      case 'footnoteReference':
        return this.footnote(node.identifier);
      case 'html':
        return [new TextRun({ text: node.value, ...marks })];
      default:
        return [new TextRun({ text: plain(node), ...marks })];
    }
  }

  private link(url: string, children: readonly PhrasingContent[], marks: Marks): ParagraphChild[] {
    if (!/^(?:https?|mailto):/i.test(url)) return this.inline(children, marks);
    const runs = children.map((child) => new TextRun({ text: plain(child), style: this.options.ids.hyperlink, ...marks }));
    return [new ExternalHyperlink({ link: url, children: runs })];
  }

  private image(url: string, alt: string): ParagraphChild[] {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^file:/i.test(url)) return [new TextRun({ text: alt ? `${alt} (${url})` : url })];
    const bytes = this.options.readImage(url);
    const picture = bytes && readPicture(bytes);
    if (!bytes || !picture) {
      this.missingImages.push(url);
      return [];
    }
    const scale = Math.min(1, maxImageWidth / picture.width);
    return [new ImageRun({
      type: picture.type,
      data: bytes,
      transformation: { width: Math.round(picture.width * scale), height: Math.round(picture.height * scale) },
      altText: { name: alt || url, description: alt, title: alt },
    })];
  }

  private footnote(identifier: string): ParagraphChild[] {
    const definition = this.footnoteDefinitions.get(identifier);
    if (!definition) return [new TextRun({ text: `[^${identifier}]` })];
    let number = this.footnoteNumbers.get(identifier);
    if (number === undefined) {
      number = this.footnoteNumbers.size + 1;
      this.footnoteNumbers.set(identifier, number);
      const paragraphs = definition.children.filter((c) => c.type === 'paragraph');
      this.footnotes[number] = { children: paragraphs.map((p) => new Paragraph({ children: this.inline(p.children, {}) })) };
    }
    return [new FootnoteReferenceRun(number)];
  }
}

/** A caption: its word (export-style.yaml `captions`), then a number. */
const tableCaption = new RegExp(`^(?:${wordAlternation(styleYaml.captions.table)})\\s*[\\d一二三四五六七八九十]`);
const figureCaption = new RegExp(`^(?:${wordAlternation(styleYaml.captions.figure)})\\s*[\\d一二三四五六七八九十]`);

/** A table cell that holds a figure: a number, a percentage, an amount, a range, a date; centred. */
const { multipliers, units } = styleYaml.tableFigures;
const figure = new RegExp(
  `^[\\s\\d.,，%％‰+\\-−–—~～<>≤≥×x/:：()（）]*\\d[\\s\\d.,，%％‰+\\-−–—~～<>≤≥×x/:：()（）]*(?:(?:${wordAlternation(multipliers)})?(?:${wordAlternation(units)}))?$`,
  'u',
);

/** A paragraph that is only a picture. */
function isPicture(node: RootContent | undefined): boolean {
  return node?.type === 'paragraph' && node.children.length === 1 && (node.children[0]!.type === 'image' || node.children[0]!.type === 'imageReference');
}

/** The text of a node, markup dropped. */
function plain(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('alt' in node && typeof node.alt === 'string') return node.alt;
  return 'children' in node ? (node.children as Nodes[]).map(plain).join('') : '';
}

/**
 * A paragraph's lines joined as a reader sees them: a line break between Chinese characters is nothing
 * (Chinese has no spaces between words), between Latin words a space.
 */
function joinLines(text: string): string {
  return text.replace(/[ \t]*\r?\n[ \t]*/g, (_, offset: number, whole: string) => {
    const before = whole.charAt(offset - 1);
    const after = whole.charAt(offset + _.length);
    return /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(before) || /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u.test(after) ? '' : ' ';
  });
}
