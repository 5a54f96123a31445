import * as assert from 'node:assert/strict';
import { buildReportModel, type ReportModel, type Section } from '../../server/src/core/index.js';
import { analyzeText, inDocument, lineOf, offsetsOf, readFixture, textOf, textsOf } from './util.js';

const uri = 'file:///r/model.md';

/** Whether some prose span covers the offset. */
function inProse(model: ReportModel, offset: number): boolean {
  return inDocument(model, 'prose').some((span) => span.start <= offset && offset < span.end);
}

/** Whether any character of `needle` (every occurrence) is covered by prose. */
function anyInProse(model: ReportModel, needle: string): boolean {
  const offsets = offsetsOf(model.text, needle);
  assert.ok(offsets.length > 0, `${JSON.stringify(needle)} is not in the text`);
  return offsets.some((start) => [...Array(needle.length).keys()].some((i) => inProse(model, start + i)));
}

/** Whether every character of `needle` (every occurrence) is covered by prose. */
function allInProse(model: ReportModel, needle: string): boolean {
  const offsets = offsetsOf(model.text, needle);
  assert.ok(offsets.length > 0, `${JSON.stringify(needle)} is not in the text`);
  return offsets.every((start) => [...Array(needle.length).keys()].every((i) => inProse(model, start + i)));
}

describe('buildReportModel: title and chapters', () => {
  const text = [
    '# 项目总结报告', // 1
    '',
    '## 第一章 引言', // 3
    '',
    '正文。',
    '',
    '### 1.1 项目背景', // 7
    '',
    '背景。',
    '',
    '#### 1.1.1 细节', // 11
    '',
    '细节。',
    '',
    '### 1.2 项目目标', // 15
    '',
    '## 第二章 项目实施', // 17
    '',
    '实施。',
    '',
  ].join('\n');
  const model = buildReportModel(uri, text);

  it('takes the single # heading as the title and ## as the chapter level', () => {
    assert.equal(model.titleHeading?.text, '项目总结报告');
    assert.equal(model.titleHeading?.depth, 1);
    assert.equal(model.chapterDepth, 2);
    assert.deepEqual(model.chapters.map((c) => c.heading.text), ['第一章 引言', '第二章 项目实施']);
  });

  it('splits each heading into numbering and title', () => {
    const first = model.chapters[0]!.heading;
    assert.equal(first.title, '引言');
    assert.equal(first.numbering?.style, 'chapter-zh');
    assert.deepEqual(first.numbering?.values, [1]);
    assert.equal(textOf(text, first.numberingSpan!), '第一章');
    assert.equal(textOf(text, first), '## 第一章 引言');
    assert.equal(text.slice(first.contentStart, first.contentEnd), '第一章 引言');
  });

  it('nests sections, each running to the next heading of its level or higher', () => {
    const [first, second] = model.chapters as [Section, Section];
    assert.deepEqual(first.sections.map((s) => s.heading.text), ['1.1 项目背景', '1.2 项目目标']);
    assert.deepEqual(first.sections[0]!.sections.map((s) => s.heading.text), ['1.1.1 细节']);
    assert.equal(lineOf(text, first.start), 3);
    assert.equal(first.end, second.start, 'a chapter ends where the next one starts');
    assert.equal(first.end, text.indexOf('## 第二章'));
    const background = first.sections[0]!;
    assert.equal(textOf(text, background), '### 1.1 项目背景\n\n背景。\n\n#### 1.1.1 细节\n\n细节。\n\n');
    assert.equal(textOf(text, background.sections[0]!), '#### 1.1.1 细节\n\n细节。\n\n');
    assert.equal(textOf(text, first.sections[1]!), '### 1.2 项目目标\n\n');
    assert.equal(second.end, text.length, 'the last chapter runs to the end of the document');
  });

  it('marks which sections have content of their own', () => {
    const [first, second] = model.chapters as [Section, Section];
    assert.equal(first.hasContent, true);
    assert.equal(first.sections[0]!.hasContent, true);
    assert.equal(first.sections[1]!.hasContent, false, '1.2 has nothing under it');
    assert.equal(second.hasContent, true);
  });

  it('uses # headings as chapters when there are several of them', () => {
    const several = buildReportModel(uri, '# 第一章 引言\n\n文本。\n\n# 第二章 实施\n\n## 2.1 步骤\n\n步骤。\n');
    assert.equal(several.titleHeading, undefined);
    assert.equal(several.chapterDepth, 1);
    assert.deepEqual(several.chapters.map((c) => c.heading.text), ['第一章 引言', '第二章 实施']);
    assert.deepEqual(several.chapters[1]!.sections.map((s) => s.heading.text), ['2.1 步骤']);
  });

  it('takes a block of unnumbered # headings that opens the document (organisation, then report) for the title', () => {
    const block = buildReportModel(uri, '# Northbridge Hospitals\n# EPMA Programme — Closure Report\n\n## 1. Summary\n\nText.\n\n## 2. Objectives\n\nText.\n');
    assert.equal(block.titleHeading?.text, 'EPMA Programme — Closure Report');
    assert.equal(block.chapterDepth, 2);
    assert.deepEqual(block.chapters.map((c) => c.heading.text), ['1. Summary', '2. Objectives']);
    // Numbered # headings are chapters, and so are # headings that come back after deeper ones.
    const numbered = buildReportModel(uri, '# 一、背景\n# 二、目标\n\n## 2.1 总体目标\n\n## 2.2 具体目标\n');
    assert.deepEqual([numbered.titleHeading, numbered.chapterDepth], [undefined, 1]);
    const later = buildReportModel(uri, '# 机构\n# 报告\n\n## 背景\n\n## 目标\n\n# 附录\n');
    assert.deepEqual([later.titleHeading, later.chapterDepth], [undefined, 1]);
  });

  it('reads setext headings (=== and ---) like ATX headings', () => {
    const setext = '报告标题总结报告\n========\n\n第一章 引言\n------\n\n正文。\n\n第二章 实施\n------\n\n实施。\n';
    const m = buildReportModel(uri, setext);
    assert.equal(m.titleHeading?.text, '报告标题总结报告');
    assert.equal(m.chapterDepth, 2);
    assert.deepEqual(m.chapters.map((c) => c.heading.text), ['第一章 引言', '第二章 实施']);
    assert.equal(textOf(setext, m.chapters[0]!.heading.numberingSpan!), '第一章');
    assert.equal(lineOf(setext, m.chapters[1]!.start), 9);
  });

  it('gives an empty document no headings, chapters or prose', () => {
    const empty = buildReportModel(uri, '');
    assert.equal(empty.titleHeading, undefined);
    assert.equal(empty.chapterDepth, undefined);
    assert.deepEqual(empty.headings, []);
    assert.deepEqual(empty.chapters, []);
    assert.deepEqual(inDocument(empty, 'prose'), []);
    assert.equal(empty.frontMatter, undefined);
  });
});

describe('buildReportModel: lists and tables', () => {
  const text = [
    '# 报告',
    '',
    '- 财务模块: 总账',
    '  - 里程碑: 上线',
    '- 供应链模块',
    '',
    '1. 市场渗透',
    '2. 品牌认知',
    '',
    '| 指标 | 目标值 | 实际值 |',
    '| --- | --- | --- |',
    '| 渗透率 | 20% | **25%** |',
    '| 销售额 | 100万元 | `120万元` |',
    '',
  ].join('\n');
  const model = buildReportModel(uri, text);

  it('extracts list items with their nesting level and kind', () => {
    assert.deepEqual(
      inDocument(model, 'listItems').map((i) => [i.text, i.level, i.ordered]),
      [
        ['财务模块: 总账', 0, false],
        ['里程碑: 上线', 1, false],
        ['供应链模块', 0, false],
        ['市场渗透', 0, true],
        ['品牌认知', 0, true],
      ],
    );
    assert.ok(textOf(text, inDocument(model, 'listItems')[0]!).startsWith('- 财务模块'));
  });

  it('extracts table headers and rows as plain text', () => {
    assert.equal(model.tables.length, 1);
    const table = model.tables[0]!;
    assert.deepEqual(table.header.map((c) => c.text), ['指标', '目标值', '实际值']);
    assert.deepEqual(table.rows.map((r) => r.map((c) => c.text)), [
      ['渗透率', '20%', '25%'],
      ['销售额', '100万元', '120万元'],
    ]);
    assert.equal(lineOf(text, table.start), 10);
    assert.equal(lineOf(text, table.rows[1]![0]!.start), 13);
  });
});

describe('buildReportModel: prose', () => {
  const text = readFixture('reports/code-and-links.md');
  const model = buildReportModel(uri, text);

  it('includes paragraphs, headings, link labels and table cells', () => {
    assert.ok(allInProse(model, '本段有一个真正的占位符'));
    assert.ok(allInProse(model, '第一章 项目背景与目标'));
    assert.ok(allInProse(model, '负责人待定'), 'a link label is prose');
    assert.ok(allInProse(model, '市场渗透率'), 'a table cell is prose');
    assert.ok(allInProse(model, 'XX%'), 'a table cell is prose');
  });

  it('excludes inline code, fenced and indented code', () => {
    assert.ok(!anyInProse(model, '`XX TODO 待补充`'));
    assert.ok(!anyInProse(model, '``某某 TBD``'));
    assert.ok(!anyInProse(model, 'XX月 TODO 待定 某某 【待补充】'));
    assert.ok(!anyInProse(model, 'XXGB {{owner}}'));
    assert.ok(!anyInProse(model, '缩进代码 XX TODO 待补充'));
  });

  it('excludes link URLs and titles, autolinks and bare URLs', () => {
    assert.ok(!anyInProse(model, 'https://example.com/XX/TODO?q=TBD'));
    assert.ok(!anyInProse(model, '标题 TODO'));
    assert.ok(!anyInProse(model, '<https://x.org/TODO>'));
    assert.ok(!anyInProse(model, 'www.example.com/XX'));
    assert.ok(!anyInProse(model, 'https://example.org/TBD/XX'));
  });

  it('excludes HTML comments, block and inline, and images', () => {
    assert.ok(!anyInProse(model, '<!-- TODO: XX 这段是写作提示，不算 -->'));
    assert.ok(!anyInProse(model, '<!-- 待补充 XX -->'));
    assert.ok(!anyInProse(model, '![图片说明 XX](images/XX.png)'));
  });

  it('excludes front matter', () => {
    const withFrontMatter = '---\ntitle: 总结报告\nowner: XX\n---\n\n# 总结报告\n\n正文。\n';
    const m = buildReportModel(uri, withFrontMatter);
    assert.ok(!anyInProse(m, 'owner: XX'));
    assert.ok(allInProse(m, '正文。'));
  });
});

describe('buildReportModel: front matter', () => {
  it('reads the front matter of the seed-3 variant', () => {
    const model = buildReportModel(uri, readFixture('corpus/seed-3-with-frontmatter.md'));
    assert.deepEqual(model.frontMatterProblems, []);
    assert.deepEqual(model.frontMatter?.data, {
      title: '内部流程优化与效率提升项目总结报告',
      type: 'process-optimization',
      owner: '运营管理部·流程优化项目组',
      period: { start: '2024-03-04', end: '2024-11-29' },
      variant: true,
    });
    assert.equal(model.frontMatter?.start, 0);
    assert.equal(lineOf(model.text, model.frontMatter!.end), 11, 'the block ends with the closing --- on line 11');
    const typeRange = model.frontMatter!.valueRange('type')!;
    assert.equal(textOf(model.text, typeRange), 'process-optimization');
    assert.equal(model.frontMatter!.valueRange('missing'), undefined);
    assert.equal(model.titleHeading?.text, '内部流程优化与效率提升项目总结报告');
    assert.equal(lineOf(model.text, model.chapters[0]!.start), 15);
  });
});

describe('buildReportModel: line endings and byte order mark', () => {
  const lf = '# 项目总结报告\n\n## 第一章 引言\n\n正文XX月完成。\n\n- 列表项\n';

  it('gives offsets into the original text of a CRLF document', () => {
    const crlf = lf.replace(/\n/g, '\r\n');
    const model = buildReportModel(uri, crlf);
    const chapter = model.chapters[0]!;
    assert.equal(textOf(crlf, chapter.heading), '## 第一章 引言');
    assert.equal(textOf(crlf, chapter.heading.numberingSpan!), '第一章');
    assert.equal(lineOf(crlf, chapter.start), 3);
    assert.equal(textOf(crlf, inDocument(model, 'paragraphs')[0]!), '正文XX月完成。');
    assert.equal(lineOf(crlf, inDocument(model, 'paragraphs')[0]!.start), 5);
    assert.ok(allInProse(model, '正文XX月完成。'));
    const analysis = analyzeText(crlf);
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['XX月']);
  });

  it('gives offsets into the original text of a CR-only document', () => {
    const cr = lf.replace(/\n/g, '\r');
    const analysis = analyzeText(cr);
    const placeholder = analysis.diagnostics.find((d) => d.code === 'placeholder')!;
    assert.equal(textOf(cr, placeholder), 'XX月');
    assert.equal(lineOf(cr, placeholder.start), 5);
  });

  it('gives offsets into the original text of a document with a byte order mark', () => {
    const bom = `\uFEFF${lf}`;
    const model = buildReportModel(uri, bom);
    assert.equal(textOf(bom, model.titleHeading!), '# 项目总结报告');
    const chapter = model.chapters[0]!;
    assert.equal(textOf(bom, chapter.heading), '## 第一章 引言');
    assert.equal(textOf(bom, chapter.heading.numberingSpan!), '第一章');
    assert.equal(textOf(bom, inDocument(model, 'paragraphs')[0]!), '正文XX月完成。');
    assert.ok(allInProse(model, '正文XX月完成。'));
    assert.deepEqual(textsOf(analyzeText(bom), 'placeholder'), ['XX月']);
  });
});
