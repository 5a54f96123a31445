import { AlignmentType, LineRuleType, type IParagraphStyleOptions, type IRunStylePropertiesOptions, type IStylesOptions } from 'docx';
import styleYaml from '../../../data/export-style.yaml';
import type { Locale } from '../report/l10n.js';

interface Font {
  readonly eastAsia: string;
  /** Points. */
  readonly size: number;
  readonly bold?: boolean;
}

/** One language's house style, as `server/data/export-style.yaml` writes it. */
export interface HouseStyle {
  /** BCP 47 tag of the language of Latin text; East Asian text is always zh-CN. */
  readonly language: string;
  readonly latin: string;
  readonly monospace: string;
  /** Centimetres. */
  readonly margins: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly title: Font;
  readonly meta: Font;
  readonly headings: readonly [Font, Font, Font, Font];
  readonly body: Font & { readonly lineSpacing: number; readonly firstLineChars: number; readonly spaceAfter: number };
  readonly table: Font;
  readonly caption: Font;
  readonly footer: Font & { readonly pageNumber: string };
}

export function houseStyle(language: Locale): HouseStyle {
  const styles: Readonly<Record<Locale, HouseStyle>> = styleYaml;
  return styles[language];
}

/**
 * The paragraph styles an export writes with. The house style defines them itself; a template's are
 * found by their names (Word's built-in style names are the same in every language, its ids are not: a
 * Chinese Word calls Heading 1 `1`).
 */
export interface StyleIds {
  readonly title: string;
  readonly headings: readonly [string, string, string, string];
  readonly body: string;
  /** Lines under the title: owner, period, date. */
  readonly meta: string;
  readonly caption: string;
  readonly tableText: string;
  /** A table style, when the document has one to give tables (the house style draws their borders itself). */
  readonly table: string | undefined;
  readonly hyperlink: string;
}

export const houseStyleIds: StyleIds = {
  title: 'Title',
  headings: ['Heading1', 'Heading2', 'Heading3', 'Heading4'],
  body: 'BodyText',
  meta: 'ReportMeta',
  caption: 'Caption',
  tableText: 'TableText',
  table: undefined,
  hyperlink: 'Hyperlink',
};

/** Twentieths of a point per centimetre. */
export const twipsPerCm = 1440 / 2.54;

function run(style: HouseStyle, font: Font): IRunStylePropertiesOptions {
  return {
    font: { ascii: style.latin, hAnsi: style.latin, cs: style.latin, eastAsia: font.eastAsia },
    size: font.size * 2,
    bold: font.bold ?? false,
    color: '000000',
  };
}

/** Lines of `multiple` single spacing, as Word's "auto" line rule measures them (240 = single). */
function lines(multiple: number): { line: number; lineRule: typeof LineRuleType.AUTO } {
  return { line: Math.round(240 * multiple), lineRule: LineRuleType.AUTO };
}

/**
 * The house style as the document's styles. Headings carry no numbering of their own: their numbers are
 * the text the writer wrote (第一章, 一、, 1.1), which Word's automatic numbering would double.
 */
export function houseStyles(style: HouseStyle): IStylesOptions {
  const body = style.body;
  const paragraph = (id: string, name: string, font: Font, extra: Omit<IParagraphStyleOptions, 'id' | 'name' | 'run'> = {}): IParagraphStyleOptions => ({
    id,
    name,
    basedOn: 'Normal',
    next: houseStyleIds.body,
    quickFormat: true,
    run: run(style, font),
    ...extra,
  });
  const heading = (level: 0 | 1 | 2 | 3) => ({
    run: run(style, style.headings[level]),
    paragraph: { spacing: { before: 240, after: 120, ...lines(body.lineSpacing) }, keepNext: true, keepLines: true, outlineLevel: level },
  });
  return {
    default: {
      document: {
        run: { ...run(style, body), language: { value: style.language, eastAsia: 'zh-CN' } },
        paragraph: { spacing: lines(1) },
      },
      title: {
        run: run(style, style.title),
        paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360 } },
      },
      heading1: heading(0),
      heading2: heading(1),
      heading3: heading(2),
      heading4: heading(3),
      hyperlink: { run: { color: '0563C1', underline: {} } },
    },
    paragraphStyles: [
      paragraph(houseStyleIds.body, 'Body Text', body, {
        paragraph: {
          spacing: { after: body.spaceAfter * 20, ...lines(body.lineSpacing) },
          // Word reads the indent in characters; LibreOffice and older readers only in twips (a character
          // of the body font is its size in points × 20).
          ...(body.firstLineChars > 0 && { indent: { firstLineChars: body.firstLineChars * 100, firstLine: body.firstLineChars * body.size * 20 } }),
          alignment: AlignmentType.JUSTIFIED,
        },
      }),
      paragraph(houseStyleIds.meta, 'Report Meta', style.meta, { paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 120 } } }),
      paragraph(houseStyleIds.caption, 'caption', style.caption, { paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 }, keepNext: true } }),
      paragraph(houseStyleIds.tableText, 'Table Text', style.table),
    ],
  };
}

/**
 * The footnote styles the export's footnotes name, for a template that lacks them: Word adds them to a
 * document only once it has a footnote, so most templates have none, and the note numbers would then be
 * full-size digits in the text.
 */
export function missingFootnoteStyles(templateStyles: string): IStylesOptions {
  const has = (id: string) => templateStyles.includes(`w:styleId="${id}"`);
  return {
    paragraphStyles: has('FootnoteText') ? [] : [{ id: 'FootnoteText', name: 'footnote text', basedOn: 'Normal', paragraph: { spacing: { after: 0, ...lines(1) } }, run: { size: 18 } }],
    characterStyles: has('FootnoteReference') ? [] : [{ id: 'FootnoteReference', name: 'footnote reference', run: { superScript: true } }],
  };
}
