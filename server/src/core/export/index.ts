/**
 * Export a report to Word (.docx): the report's Markdown as remark's mdast, written with the `docx`
 * package in the house style of the report's language or in an organisation's template. Pure: the host
 * reads the template and the images and writes the result.
 */
import { AlignmentType, Document, Footer, Packer, PageNumber, Paragraph, TextRun, type IStylesOptions } from 'docx';
import type { Root } from 'mdast';
import type { ReportAnalysis } from '../analyze.js';
import { buildGoalCheck } from '../languageFeatures/goalCheck.js';
import { goalCheckMarkdown } from '../goals/scorecard.js';
import { localize } from '../report/l10n.js';
import { markdownProcessor, type Span } from '../parse/index.js';
import { Converter } from './document.js';
import { ExportError } from './errors.js';
import { houseStyle, houseStyleIds, houseStyles, missingFootnoteStyles, twipsPerCm, type HouseStyle, type StyleIds } from './style.js';
import { applyTemplateLayout, readTemplate } from './template.js';

export { ExportError } from './errors.js';
export { readPicture, type Picture } from './images.js';
export { templateStyleIds, type WordTemplate } from './template.js';

export interface ExportOptions {
  /** An organisation's template (.docx) whose styles, page setup, headers and footers the export takes. */
  readonly template?: Uint8Array;
  /** Appends the goal scorecard as a table. */
  readonly withScorecard?: boolean;
  /** The bytes of an image the report references by a relative path (as written); undefined when there is none. */
  readImage(url: string): Uint8Array | undefined;
}

/** What should stop a report from being handed in: placeholders still in it, and the required chapters it lacks. */
export interface ExportBlockers {
  readonly placeholders: readonly (Span & { readonly text: string })[];
  /** Titles, in the report's language. */
  readonly missingChapters: readonly string[];
}

export function exportBlockers(analysis: ReportAnalysis): ExportBlockers {
  const text = analysis.model.text;
  return {
    placeholders: analysis.placeholders.map((p) => ({ start: p.start, end: p.end, text: text.slice(p.start, p.end) })),
    missingChapters: analysis.isReport ? analysis.missing.map((m) => m.slot.title[analysis.language]) : [],
  };
}

/** The engine's Markdown (see `markdownProcessor`), with all of GFM for the document's look. */
const parser = markdownProcessor('all');

/** The front matter value of the first of `keys` given, as text. */
function frontMatterText(analysis: ReportAnalysis, ...keys: string[]): string | undefined {
  for (const key of keys) {
    const value = analysis.model.frontMatter?.data[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (typeof value === 'number') return String(value);
  }
  return undefined;
}

/** The title, centred, and under it who owns the report, the period it covers and its date, from the front matter. */
function titleBlock(analysis: ReportAnalysis, ids: StyleIds): Paragraph[] {
  const language = analysis.language;
  const lines = [
    ['export.meta.owner', frontMatterText(analysis, 'owner', 'author')],
    ['export.meta.period', frontMatterText(analysis, 'period')],
    ['export.meta.date', frontMatterText(analysis, 'date')],
  ] as const;
  return [
    ...(analysis.title ? [new Paragraph({ style: ids.title, alignment: AlignmentType.CENTER, numbering: false, children: [new TextRun(analysis.title)] })] : []),
    ...lines.filter(([, value]) => value).map(([key, value]) => new Paragraph({ style: ids.meta, alignment: AlignmentType.CENTER, children: [new TextRun(localize(language, key, { value: value! }))] })),
  ];
}

/** The page number, centred at the foot of each page: — 1 —. */
function pageNumberFooter(style: HouseStyle): Footer {
  const [before, after] = style.footer.pageNumber.split('{page}') as [string, string];
  const font = { ascii: style.latin, hAnsi: style.latin, eastAsia: style.footer.eastAsia };
  return new Footer({
    children: [new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ children: [before, PageNumber.CURRENT, after], font, size: style.footer.size * 2 })],
    })],
  });
}

/** The report as a .docx file. Throws `ExportError` for a template that is no Word document or images it cannot show. */
export async function exportDocx(analysis: ReportAnalysis, options: ExportOptions): Promise<Uint8Array> {
  const model = analysis.model;
  const style = houseStyle(analysis.language);
  const template = options.template ? readTemplate(options.template) : undefined;
  const ids = template?.styleIds ?? houseStyleIds;
  const converter = new Converter({
    ids,
    style,
    language: analysis.language,
    chapterDepth: model.chapterDepth ?? 1,
    titleOffset: model.titleHeading?.start,
    readImage: options.readImage,
  });
  const children = [...titleBlock(analysis, ids), ...converter.convert(parser.parse(model.text) as Root)];
  if (options.withScorecard && analysis.goals.length > 0) {
    const scorecard = parser.parse(`## ${localize(analysis.language, 'export.scorecard')}\n\n${goalCheckMarkdown(buildGoalCheck(analysis), analysis.language)}`) as Root;
    children.push(...new Converter({ ...converter.options, chapterDepth: 2, titleOffset: undefined }).convert(scorecard));
  }
  if (converter.missingImages.length) throw new ExportError('export.missingImages', { images: converter.missingImages.join(', '), count: converter.missingImages.length });

  const margin = (cm: number) => Math.round(cm * twipsPerCm);
  const styles: IStylesOptions = template ? missingFootnoteStyles(template.styles) : houseStyles(style);
  const document = new Document({
    title: analysis.title ?? '',
    creator: frontMatterText(analysis, 'owner', 'author') ?? '',
    ...(template && { externalStyles: template.styles }),
    styles,
    footnotes: converter.footnotes,
    sections: [{
      properties: {
        page: {
          size: { width: 11906, height: 16838 },
          margin: { top: margin(style.margins.top), bottom: margin(style.margins.bottom), left: margin(style.margins.left), right: margin(style.margins.right) },
        },
      },
      footers: { default: pageNumberFooter(style) },
      children,
    }],
  });
  const packed = await Packer.pack(document, 'uint8array');
  return template ? applyTemplateLayout(packed, template) : packed;
}
