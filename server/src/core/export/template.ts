import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { ExportError } from './errors.js';
import { houseStyleIds, type StyleIds } from './style.js';

/** What an export takes from an organisation's template (.docx): its styles and its page setup, headers and footers. */
export interface WordTemplate {
  /** `word/styles.xml`. */
  readonly styles: string;
  readonly styleIds: StyleIds;
  readonly files: Unzipped;
  /** The last section's properties of its body: page size and margins, columns, header and footer references. */
  readonly sectionProperties: string | undefined;
}

const relationshipType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function readTemplate(bytes: Uint8Array): WordTemplate {
  let files: Unzipped;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new ExportError('export.badTemplate', { reason: error instanceof Error ? error.message : String(error) });
  }
  const styles = files['word/styles.xml'];
  const document = files['word/document.xml'];
  if (!styles || !document) throw new ExportError('export.badTemplate', { reason: 'word/document.xml, word/styles.xml' });
  const text = strFromU8(styles);
  return { styles: text, styleIds: templateStyleIds(text), files, sectionProperties: lastSectionProperties(strFromU8(document)) };
}

function lastSectionProperties(document: string): string | undefined {
  const body = document.slice(0, document.lastIndexOf('</w:body>'));
  const start = body.lastIndexOf('<w:sectPr');
  return start < 0 ? undefined : body.slice(start, body.indexOf('</w:sectPr>', start) + '</w:sectPr>'.length) || undefined;
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

/**
 * The template's styles for the parts of a report, found by their names (`heading 1`, `Title`, `Body
 * Text`…), which Word keeps in English whatever the language of its menus; the house style's ids where
 * the template has no such style.
 */
export function templateStyleIds(styles: string): StyleIds {
  const byName = new Map<string, { id: string; type: string }>();
  for (const match of styles.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attribute(match[1]!, 'w:styleId');
    const name = /<w:name w:val="([^"]*)"/.exec(match[2]!)?.[1];
    if (id && name && !byName.has(name.toLowerCase())) byName.set(name.toLowerCase(), { id, type: attribute(match[1]!, 'w:type') ?? 'paragraph' });
  }
  const find = (...names: string[]) => names.map((n) => byName.get(n)).find((s) => s?.type === 'paragraph')?.id;
  const heading = (level: 1 | 2 | 3 | 4) => find(`heading ${level}`) ?? houseStyleIds.headings[level - 1];
  const body = find('body text', 'normal') ?? houseStyleIds.body;
  const table = byName.get('table grid') ?? [...byName.entries()].find(([name, s]) => s.type === 'table' && name !== 'normal table')?.[1];
  return {
    title: find('title') ?? houseStyleIds.title,
    headings: [heading(1), heading(2), heading(3), heading(4)],
    body,
    meta: find('subtitle') ?? body,
    caption: find('caption') ?? body,
    tableText: find('table text') ?? body,
    table: table?.id,
    hyperlink: [...byName.entries()].find(([name, s]) => name === 'hyperlink' && s.type === 'character')?.[1].id ?? houseStyleIds.hyperlink,
  };
}

const contentTypes: Readonly<Record<string, string>> = {
  header: 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml',
  footer: 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml',
};

const mediaTypes: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  emf: 'image/x-emf',
  wmf: 'image/x-wmf',
  svg: 'image/svg+xml',
};

/**
 * The exported document with the template's page setup, headers and footers: its last section's
 * properties take the place of the export's, and the header and footer parts they name (with the
 * pictures those show) are copied in under new names. A template without footers keeps the export's
 * page-number footer. Its theme comes along too, for styles that name the theme's fonts.
 */
export function applyTemplateLayout(exported: Uint8Array, template: WordTemplate): Uint8Array {
  const files = unzipSync(exported);
  const source = template.sectionProperties;
  const theme = template.files['word/theme/theme1.xml'];
  if (theme && files['word/theme/theme1.xml']) files['word/theme/theme1.xml'] = theme;
  if (!source) return zipSync(files);

  const text = (path: string) => strFromU8(files[path]!);
  const templateRelations = strFromU8(template.files['word/_rels/document.xml.rels'] ?? new Uint8Array());
  let relations = text('word/_rels/document.xml.rels');
  let types = text('[Content_Types].xml');
  let sectionProperties = source;
  let copied = 0;
  for (const reference of source.matchAll(/<w:(header|footer)Reference\b[^>]*\br:id="([^"]+)"[^>]*\/>/g)) {
    const [tag, kind, id] = reference as unknown as [string, 'header' | 'footer', string];
    const target = new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`).exec(templateRelations)?.[0];
    const part = target && attribute(target, 'Target');
    const content = part && template.files[`word/${part}`];
    if (!part || !content) continue;
    const name = `template-${++copied}-${part.split('/').pop()}`;
    files[`word/${name}`] = content;
    const partRelations = template.files[`word/_rels/${part.split('/').pop()}.rels`];
    if (partRelations) files[`word/_rels/${name}.rels`] = strToU8(copyMedia(strFromU8(partRelations), template, files, copied));
    const newId = `rIdTemplate${copied}`;
    relations = relations.replace('</Relationships>', `<Relationship Id="${newId}" Type="${relationshipType}/${kind}" Target="${name}"/></Relationships>`);
    types = types.replace('</Types>', `<Override PartName="/word/${name}" ContentType="${contentTypes[kind]}"/></Types>`);
    sectionProperties = sectionProperties.replace(tag, tag.replace(`r:id="${id}"`, `r:id="${newId}"`));
  }
  const document = text('word/document.xml');
  const ours = lastSectionProperties(document)!;
  if (!/<w:footerReference\b/.test(sectionProperties)) {
    const footers = ours.match(/<w:footerReference\b[^>]*\/>/g) ?? [];
    sectionProperties = sectionProperties.replace(/^<w:sectPr\b[^>]*>/, (open) => open + footers.join(''));
  }
  for (const extension of new Set(Object.keys(files).filter((f) => f.startsWith('word/media/')).map((f) => f.split('.').pop()!.toLowerCase()))) {
    if (mediaTypes[extension] && !new RegExp(`Extension="${extension}"`, 'i').test(types)) {
      types = types.replace('</Types>', `<Default Extension="${extension}" ContentType="${mediaTypes[extension]}"/></Types>`);
    }
  }
  const at = document.lastIndexOf(ours);
  files['word/document.xml'] = strToU8(document.slice(0, at) + sectionProperties + document.slice(at + ours.length));
  files['word/_rels/document.xml.rels'] = strToU8(relations);
  files['[Content_Types].xml'] = strToU8(types);
  return zipSync(files);
}

/** Copies the pictures a header or footer shows; returns its relationships pointing at the copies. */
function copyMedia(relations: string, template: WordTemplate, files: Unzipped, part: number): string {
  return relations.replace(/Target="(media\/[^"]+)"/g, (whole, target: string) => {
    const content = template.files[`word/${target}`];
    if (!content) return whole;
    const name = `media/template-${part}-${target.slice('media/'.length)}`;
    files[`word/${name}`] = content;
    return `Target="${name}"`;
  });
}
