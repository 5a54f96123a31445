/**
 * Export to Word (`exportDocx`): the produced .docx is unzipped and its XML read back — styles, East
 * Asian fonts and language, headings numbered as written, table header rows, the page-number footer,
 * footnotes, pictures, notes for what Word cannot draw, and an organisation's template applied.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AlignmentType, Document, Header, Packer, Paragraph } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { ExportError, exportBlockers, exportDocx, readPicture, templateStyleIds, type ExportOptions } from '../../server/src/core/export/index.js';
import type { ReportAnalysis } from '../../server/src/core/index.js';
import { analyzeText } from './util.js';

/** The parts of a .docx, as text. */
type Parts = Record<string, string>;

function unzip(bytes: Uint8Array): Parts {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
}

async function exported(analysis: ReportAnalysis, options: Partial<ExportOptions> = {}): Promise<Parts> {
  return unzip(await exportDocx(analysis, { readImage: () => undefined, ...options }));
}

/** The paragraphs of document.xml, each with its style and text. */
function paragraphs(document: string): { style: string | undefined; text: string; xml: string }[] {
  return [...document.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map(([xml, inner]) => ({
    style: /<w:pStyle w:val="([^"]*)"/.exec(inner!)?.[1],
    text: [...inner!.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    xml,
  }));
}

function style(styles: string, id: string): string {
  const match = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  assert.ok(match, `no style ${id}`);
  return match[0];
}

const chinese = `---
title: 智慧园区项目总结报告
owner: 信息中心 王伟
period: 2024年1月—2024年12月
date: 2025-01-15
---

# 智慧园区项目总结报告

## 第一章 项目概述

本项目于2024年启动，**目标**是建设统一的园区管理平台，*覆盖*全部楼宇，接口见 \`/api/v1\`，详见[官网](https://example.com)。[^1]

### 一、建设内容

1. 统一身份认证
2. 能耗监测

- 楼宇自控
  - 照明

## 第二章 项目成果

表1 关键指标

| 指标 | 目标 | 实际 |
| --- | --- | --- |
| 工单响应时间 | 30分钟 | 25分钟 |
| 能耗下降 | 10% | 12% |

\`\`\`mermaid
graph TD; A-->B
\`\`\`

<div>自定义区块</div>

<!-- 写作提示：删除本段 -->

[^1]: 数据来源：园区运营中心。
`;

describe('export: house style of a Chinese report', () => {
  let parts: Parts;
  let body: ReturnType<typeof paragraphs>;

  before(async () => {
    parts = await exported(analyzeText(chinese, 'file:///r/智慧园区项目总结报告.md'));
    body = paragraphs(parts['word/document.xml']!);
  });

  it('sets East Asian fonts as eastAsia, Latin runs in Times New Roman, and the East Asian language zh-CN', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(parts['word/styles.xml']!)![0];
    assert.match(defaults, /<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="仿宋" w:hAnsi="Times New Roman"\/>/);
    assert.match(defaults, /<w:lang w:val="zh-CN" w:eastAsia="zh-CN"\/>/);
    assert.match(style(parts['word/styles.xml']!, 'Heading1'), /w:eastAsia="黑体"/);
  });

  it('writes the title block from the front matter, centred, and does not repeat the # title', () => {
    assert.deepEqual(body.slice(0, 4).map((p) => [p.style, p.text]), [
      ['Title', '智慧园区项目总结报告'],
      ['ReportMeta', '项目负责人：信息中心 王伟'],
      ['ReportMeta', '项目周期：2024年1月—2024年12月'],
      ['ReportMeta', '日期：2025-01-15'],
    ]);
    assert.match(style(parts['word/styles.xml']!, 'Title'), /<w:jc w:val="center"\/>[\s\S]*<w:sz w:val="44"\/>/);
    assert.equal(body.filter((p) => p.text === '智慧园区项目总结报告').length, 1);
  });

  it('keeps heading numbers as written and switches Word numbering off on every heading', () => {
    const headings = body.filter((p) => p.style?.startsWith('Heading'));
    assert.deepEqual(headings.map((p) => [p.style, p.text]), [['Heading1', '第一章 项目概述'], ['Heading2', '一、建设内容'], ['Heading1', '第二章 项目成果']]);
    for (const heading of headings) assert.match(heading.xml, /<w:numId w:val="0"\/>/);
    assert.doesNotMatch(style(parts['word/styles.xml']!, 'Heading1'), /<w:numPr>/);
  });

  it('writes body text with 1.5 line spacing and a first-line indent of two characters', () => {
    const text = style(parts['word/styles.xml']!, 'BodyText');
    assert.match(text, /<w:spacing [^>]*w:line="360" w:lineRule="auto"\/>/);
    // In characters for Word, in twips (2 × 14 pt × 20) for readers that ignore characters (LibreOffice).
    assert.match(text, /<w:ind (?=[^>]*w:firstLineChars="200")(?=[^>]*w:firstLine="560")[^>]*\/>/);
    const paragraph = body.find((p) => p.text.startsWith('本项目于2024年启动'))!;
    assert.equal(paragraph.style, 'BodyText');
    assert.match(paragraph.xml, /<w:b\/>[\s\S]*目标/);
    assert.match(paragraph.xml, /<w:i\/>[\s\S]*覆盖/);
    assert.match(paragraph.xml, /w:ascii="Consolas"[\s\S]*\/api\/v1/);
    assert.match(paragraph.xml, /<w:hyperlink [^>]*r:id="[^"]+"[^>]*>[\s\S]*官网/);
    assert.match(parts['word/_rels/document.xml.rels']!, /Target="https:\/\/example\.com" TargetMode="External"/);
  });

  it('writes list items with their numbers and bullets as text, nested items further in', () => {
    assert.deepEqual(body.filter((p) => /^(?:\d\.|•) /.test(p.text)).map((p) => p.text), ['1. 统一身份认证', '2. 能耗监测', '• 楼宇自控', '• 照明']);
    const nested = body.find((p) => p.text === '• 照明')!;
    assert.match(nested.xml, /<w:ind w:left="420"\/>/);
  });

  it('repeats the table header row on every page, draws borders, centres numbers, and styles the caption above it', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(parts['word/document.xml']!)![0];
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    assert.equal(rows.length, 3);
    assert.match(rows[0]!, /<w:tblHeader\/>/);
    assert.doesNotMatch(rows[1]!, /<w:tblHeader\/>/);
    assert.match(table, /<w:tblBorders>[\s\S]*<w:insideH w:val="single"/);
    const cells = paragraphs(rows[1]!);
    assert.deepEqual(cells.map((c) => [c.text, /<w:jc w:val="(\w+)"/.exec(c.xml)![1]]), [['工单响应时间', 'left'], ['30分钟', 'center'], ['25分钟', 'center']]);
    assert.equal(body.find((p) => p.text === '表1 关键指标')!.style, 'Caption');
  });

  it('keeps Mermaid and HTML blocks as text under a note, and leaves out HTML comments', () => {
    const texts = body.map((p) => p.text);
    const mermaid = texts.indexOf('［Mermaid 图：Word 无法绘制，以下为其源码。］');
    assert.ok(mermaid >= 0, texts.join('\n'));
    assert.equal(texts[mermaid + 1], 'graph TD; A--&gt;B');
    assert.ok(texts.includes('［HTML：未转换，按原文保留。］'));
    assert.ok(texts.includes('&lt;div&gt;自定义区块&lt;/div&gt;'));
    assert.ok(!texts.some((t) => t.includes('写作提示')));
  });

  it('writes footnotes as Word footnotes', () => {
    assert.match(parts['word/document.xml']!, /<w:footnoteReference w:id="1"\/>/);
    assert.match(parts['word/footnotes.xml']!, /<w:footnote w:id="1">[\s\S]*数据来源：园区运营中心。/);
  });

  it('sets A4 with standard margins and the page number — 1 — in the footer', () => {
    const section = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(parts['word/document.xml']!)![0];
    assert.match(section, /<w:pgSz w:w="11906" w:h="16838"/);
    assert.match(section, /<w:pgMar w:top="1440" w:right="1797" w:bottom="1440" w:left="1797"/);
    const footer = Object.entries(parts).find(([name]) => /^word\/footer\d*\.xml$/.test(name))![1];
    assert.match(footer, /<w:jc w:val="center"\/>/);
    assert.match(footer, /<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
  });
});

describe('export: other reports and options', () => {
  it('gives an English report the English house style: en-US, no first-line indent, English labels', async () => {
    const parts = await exported(analyzeText('---\nauthor: Jane Doe\n---\n\n# Bike Share Closure Report\n\n## 1. Objectives\n\nWe aimed to serve 10,000 riders.\n', 'file:///r/closure-report.md'));
    assert.match(parts['word/styles.xml']!, /<w:lang w:val="en-US" w:eastAsia="zh-CN"\/>/);
    assert.doesNotMatch(style(parts['word/styles.xml']!, 'BodyText'), /firstLineChars/);
    assert.deepEqual(paragraphs(parts['word/document.xml']!).slice(0, 3).map((p) => p.text), ['Bike Share Closure Report', 'Owner: Jane Doe', '1. Objectives']);
  });

  it('appends the goal scorecard as a table when asked', async () => {
    const text = '# 项目总结报告\n\n## 项目目标\n\n目标是将审批周期缩短至3天。\n\n## 项目成果\n\n审批周期缩短至2天。\n';
    const without = paragraphs((await exported(analyzeText(text)))['word/document.xml']!);
    assert.ok(!without.some((p) => p.text === '目标达成情况'));
    const parts = await exported(analyzeText(text), { withScorecard: true });
    const document = parts['word/document.xml']!;
    assert.equal(paragraphs(document).find((p) => p.text === '目标达成情况')?.style, 'Heading1');
    assert.match(document, /<w:tblHeader\/>[\s\S]*指标[\s\S]*审批周期[\s\S]*150%[\s\S]*达成/);
  });

  it('embeds a picture referenced by a relative path, at most 550 pixels wide, and names a missing one', async () => {
    // A 1000 × 500 PNG header is all `readPicture` reads.
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x03, 0xe8, 0, 0, 0x01, 0xf4, 8, 2, 0, 0, 0]);
    assert.deepEqual(readPicture(png), { type: 'png', width: 1000, height: 500 });
    const analysis = analyzeText('# 项目总结报告\n\n## 项目成果\n\n![架构图](images/架构.png)\n\n图1 系统架构\n');
    const asked: string[] = [];
    const parts = await exported(analysis, { readImage: (url) => (asked.push(url), png) });
    assert.deepEqual(asked, ['images/架构.png']);
    assert.match(parts['word/document.xml']!, /<wp:extent cx="5238750" cy="2619375"\/>/);
    assert.ok(Object.keys(parts).some((name) => name.startsWith('word/media/')));
    assert.equal(paragraphs(parts['word/document.xml']!).find((p) => p.text === '图1 系统架构')?.style, 'Caption');
    await assert.rejects(exportDocx(analysis, { readImage: () => undefined }), (error: unknown) => {
      assert.ok(error instanceof ExportError);
      assert.equal(error.describe('zh-cn'), '1 张图片缺失或不是 PNG、JPEG、GIF、BMP 格式：images/架构.png。');
      return true;
    });
  });

  it('resolves a link whose definition stands in a list item, and writes a table nested in a list', async () => {
    const parts = await exported(analyzeText('# 项目总结报告\n\n## 项目成果\n\n- 见[平台][p]。\n\n  [p]: https://example.com/platform\n\n  | 指标 | 实际 |\n  | --- | --- |\n  | 可用率 | 99.9% |\n'));
    assert.match(parts['word/_rels/document.xml.rels']!, /Target="https:\/\/example\.com\/platform"/);
    assert.match(parts['word/document.xml']!, /<w:tbl>[\s\S]*可用率[\s\S]*<\/w:tbl>/);
  });

  it('lists the placeholders left and the required chapters missing', () => {
    const blockers = exportBlockers(analyzeText('# 项目总结报告\n\n## 项目背景\n\n于XX月完成。\n\n## 项目成果\n\n完成率XX%。\n'));
    assert.deepEqual(blockers.placeholders.map((p) => p.text), ['XX月', 'XX%']);
    assert.ok(blockers.missingChapters.includes('经验教训'), blockers.missingChapters.join());
  });

  const keyed = path.join(process.cwd(), '../shared/corpus/keyed');
  const reports = [
    ...fs.readdirSync('examples').filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => path.join('examples', f)),
    ...(fs.existsSync(keyed) ? fs.readdirSync(keyed).filter((f) => f.endsWith('.md') && f !== 'KEYS.md').map((f) => path.join(keyed, f)) : []),
  ];
  it(`exports every sample and keyed report (${reports.length}) into a document with its chapters as headings`, async () => {
    for (const file of reports) {
      const analysis = analyzeText(fs.readFileSync(file, 'utf8'), `file://${path.resolve(file)}`);
      const document = (await exported(analysis, { withScorecard: true }))['word/document.xml']!;
      const headings = paragraphs(document).filter((p) => p.style === 'Heading1').map((p) => p.text);
      assert.ok(headings.length >= analysis.model.chapters.length, `${file}: ${headings.length} headings for ${analysis.model.chapters.length} chapters`);
      assert.ok(document.endsWith('</w:sectPr></w:body></w:document>'), file);
    }
  });
});

describe('export: an organisation template', () => {
  let template: Uint8Array;

  before(async () => {
    const document = new Document({
      styles: { default: { heading1: { run: { font: 'Arial', color: 'C00000', size: 40 } }, title: { run: { font: 'Georgia', size: 56 } } } },
      sections: [{
        properties: { page: { margin: { top: 2000, bottom: 1800, left: 1500, right: 1500 } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, text: 'ACME 集团 内部文件' })] }) },
        children: [new Paragraph('模板')],
      }],
    });
    template = await Packer.pack(document, 'uint8array');
  });

  it("takes the template's styles, page setup and header, and keeps the page-number footer it lacks", async () => {
    const parts = await exported(analyzeText(chinese), { template });
    assert.match(style(parts['word/styles.xml']!, 'Heading1'), /<w:color w:val="C00000"\/>[\s\S]*<w:sz w:val="40"\/>|<w:sz w:val="40"\/>[\s\S]*<w:color w:val="C00000"\/>/);
    assert.match(style(parts['word/styles.xml']!, 'Title'), /Georgia/);
    const section = /<w:sectPr[\s\S]*<\/w:sectPr>/.exec(parts['word/document.xml']!)![0];
    assert.match(section, /<w:pgMar w:top="2000" w:right="1500" w:bottom="1800" w:left="1500"/);
    const headerId = /<w:headerReference w:type="default" r:id="(\w+)"\/>/.exec(section)![1];
    const target = new RegExp(`Id="${headerId}"[^>]*Target="([^"]+)"`).exec(parts['word/_rels/document.xml.rels']!)![1];
    assert.match(parts[`word/${target}`]!, /ACME 集团 内部文件/);
    assert.match(parts['[Content_Types].xml']!, new RegExp(`PartName="/word/${target}" ContentType="[^"]*header\\+xml"`));
    assert.match(section, /<w:footerReference w:type="default"/);
    assert.equal(paragraphs(parts['word/document.xml']!).find((p) => p.text === '第一章 项目概述')?.style, 'Heading1');
  });

  it('adds the footnote styles a template lacks, so note numbers stay superscript', async () => {
    const files = unzipSync(template);
    files['word/styles.xml'] = strToU8(strFromU8(files['word/styles.xml']!).replace(/<w:style [^>]*w:styleId="Footnote(?:Reference|Text)"[^>]*>[\s\S]*?<\/w:style>/g, ''));
    const parts = await exported(analyzeText(chinese), { template: zipSync(files) });
    assert.match(style(parts['word/styles.xml']!, 'FootnoteReference'), /<w:vertAlign w:val="superscript"\/>/);
    assert.match(style(parts['word/styles.xml']!, 'FootnoteText'), /<w:sz w:val="18"\/>/);
    assert.equal(parts['word/styles.xml']!.match(/w:styleId="Heading1"/g)!.length, 1);
  });

  it('finds the styles of a Chinese Word template by their names, not their ids', () => {
    const styles = '<w:styles><w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/></w:style>'
      + '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/></w:style>'
      + '<w:style w:type="paragraph" w:styleId="2"><w:name w:val="heading 2"/></w:style>'
      + '<w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style>'
      + '<w:style w:type="table" w:styleId="a5"><w:name w:val="Table Grid"/></w:style></w:styles>';
    const ids = templateStyleIds(styles);
    assert.deepEqual([ids.title, ...ids.headings, ids.body, ids.table], ['a3', '1', '2', 'Heading3', 'Heading4', 'a', 'a5']);
  });

  it('says a template that is no Word document is not one', async () => {
    await assert.rejects(exportDocx(analyzeText(chinese), { template: new TextEncoder().encode('not a zip'), readImage: () => undefined }), (error: unknown) => {
      assert.ok(error instanceof ExportError);
      assert.match(error.describe('en'), /^The template is not a Word document \(\.docx\): /);
      return true;
    });
  });
});
