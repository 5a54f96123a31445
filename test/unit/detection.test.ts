import * as assert from 'node:assert/strict';
import { createReportService, createTextDocument, documentLanguage } from '../../server/src/core/index.js';
import { analyzeText, codesOf, readFixture, report, textsOf } from './util.js';

const readme = readFixture('detection/README.md');
const changelog = readFixture('detection/CHANGELOG.md');

describe('report detection: documentation files', () => {
  it('the README fixture would be checked under another name (so the next tests can fail)', () => {
    const analysis = analyzeText(readme, 'file:///r/notes.md');
    assert.equal(analysis.isReport, true, 'its headings fill goals, implementation, results and challenges');
    assert.ok(textsOf(analysis, 'placeholder').includes('XX月'));
    assert.ok(codesOf(analysis).includes('missing-chapter'));
  });

  for (const uri of ['file:///r/README.md', 'file:///r/readme.md', 'file:///r/docs/README.zh-CN.md', 'file:///C:/work/README.markdown']) {
    it(`treats ${uri} as documentation: not a report, no diagnostics`, () => {
      const analysis = analyzeText(readme, uri);
      assert.equal(analysis.isReport, false);
      assert.deepEqual(analysis.diagnostics, []);
      assert.deepEqual(analysis.placeholders, []);
      assert.deepEqual(analysis.missing, []);
    });
  }

  it('treats CHANGELOG.md as documentation even with XX, TODO and slot headings', () => {
    const forced = analyzeText(changelog, 'file:///r/CHANGELOG.md', { reportDetection: 'always' });
    assert.ok(textsOf(forced, 'placeholder').includes('XX月XX日'), 'checked anyway, it would have placeholders');
    const analysis = analyzeText(changelog, 'file:///r/CHANGELOG.md');
    assert.equal(analysis.isReport, false);
    assert.deepEqual(analysis.diagnostics, []);
  });

  it('treats README.md as documentation even when its title says 总结报告', () => {
    const analysis = analyzeText(report('正文XX。\n'), 'file:///r/README.md');
    assert.equal(analysis.isReport, false);
    assert.deepEqual(analysis.diagnostics, []);
  });

  it('checks README.md whose front matter names a schema', () => {
    const analysis = analyzeText(`---\nschema: generic\n---\n\n${readme}`, 'file:///r/README.md');
    assert.equal(analysis.isReport, true);
    assert.ok(textsOf(analysis, 'placeholder').length > 0);
  });
});

describe('report detection: titles', () => {
  for (const title of ['项目总结报告', 'ERP系统结项报告', '2024年度项目复盘', 'Project Closure Report', 'Incident Post-mortem', 'Sprint 12 Retrospective']) {
    it(`takes a document titled ${title} for a report`, () => {
      const analysis = analyzeText(`# ${title}\n\n正文XX。\n`, 'file:///r/notes.md');
      assert.equal(analysis.isReport, true);
      assert.deepEqual(textsOf(analysis, 'placeholder'), ['XX']);
    });
  }

  it('takes a front matter title for the title', () => {
    const analysis = analyzeText('---\ntitle: 项目总结报告\n---\n\n正文。\n', 'file:///r/notes.md');
    assert.equal(analysis.isReport, true);
    assert.equal(analysis.title, '项目总结报告');
  });

  for (const title of ['会议纪要', 'Release notes', '项目周报']) {
    it(`does not take a document titled ${title}, with no chapters, for a report`, () => {
      const analysis = analyzeText(`# ${title}\n\n正文XX。\n`, 'file:///r/notes.md');
      assert.equal(analysis.isReport, false);
      assert.deepEqual(analysis.diagnostics, []);
    });
  }

  it('checks an English report', () => {
    const text = readFixture('detection/english-report.md');
    const analysis = analyzeText(text, 'file:///r/closure.md');
    assert.equal(analysis.isReport, true);
    assert.equal(analysis.schema.id, 'generic');
    assert.deepEqual(
      analysis.chapters.map((c) => c.slots.join('+')),
      ['overview', 'goals', 'implementation', 'results', 'challenges', 'lessons', 'outlook', 'conclusion'],
    );
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['TBD', 'XX%', '[insert date]']);
    assert.deepEqual(textsOf(analysis, 'vague-quantity'), ['several', 'Dozens of']);
    assert.deepEqual(codesOf(analysis).filter((c) => c !== 'placeholder' && c !== 'vague-quantity'), []);
  });
});

describe('report detection: chapters', () => {
  it('takes three chapters filling slots for a report, without a report title', () => {
    const analysis = analyzeText('# 笔记\n\n## 背景\n\n正文。\n\n## 实施\n\n正文。\n\n## 成果\n\nXX万元。\n', 'file:///r/notes.md');
    assert.equal(analysis.isReport, true);
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['XX万元']);
  });

  it('does not take two chapters filling slots for a report', () => {
    const analysis = analyzeText('# 笔记\n\n## 背景\n\n正文。\n\n## 实施\n\n正文。\n\n## 其他\n\nXX万元。\n', 'file:///r/notes.md');
    assert.equal(analysis.isReport, false);
    assert.deepEqual(analysis.diagnostics, []);
  });

  it('counts different slots, not chapters: three goal-like chapters are one slot', () => {
    const analysis = analyzeText('# 笔记\n\n## 背景\n\n正文。\n\n## 目标\n\n正文。\n\n## 引言\n\nXX。\n', 'file:///r/notes.md');
    assert.equal(analysis.isReport, false);
  });
});

describe('report detection: settings', () => {
  const plain = '# 笔记\n\n正文XX。\n';

  it("checks every document with reportDetection 'always'", () => {
    const notes = analyzeText(plain, 'file:///r/notes.md', { reportDetection: 'always' });
    assert.equal(notes.isReport, true);
    assert.deepEqual(textsOf(notes, 'placeholder'), ['XX']);
    const readmeAlways = analyzeText(readme, 'file:///r/README.md', { reportDetection: 'always' });
    assert.equal(readmeAlways.isReport, true);
    assert.ok(readmeAlways.diagnostics.length > 0);
  });

  it("checks only documents whose front matter names a schema with reportDetection 'frontMatterOnly'", () => {
    const titled = analyzeText(report('正文XX。\n'), 'file:///r/notes.md', { reportDetection: 'frontMatterOnly' });
    assert.equal(titled.isReport, false);
    assert.deepEqual(titled.diagnostics, []);
    const named = analyzeText(`---\ntype: generic\n---\n\n${plain}`, 'file:///r/notes.md', { reportDetection: 'frontMatterOnly' });
    assert.equal(named.isReport, true);
    assert.deepEqual(textsOf(named, 'placeholder'), ['XX']);
  });
});

describe('the language a document asks for (Insert Chapter Skeleton)', () => {
  const language = (uri: string, text = '') => documentLanguage(createReportService().getModel(createTextDocument(uri, text)));

  it('takes an empty file’s language from its name, whatever the editor’s language', () => {
    assert.equal(language('file:///r/新报告.md'), 'zh-cn');
    assert.equal(language('file:///r/%E6%96%B0%E6%8A%A5%E5%91%8A.md'), 'zh-cn');
    assert.equal(language('file:///r/closure-report.md'), 'en');
    assert.equal(language('file:///r/Q3_retrospective.md'), 'en');
  });

  it('decides nothing for a name that says nothing (the writer then chooses)', () => {
    assert.equal(language('untitled:Untitled-1'), undefined);
    assert.equal(language('file:///r/notes.md'), undefined);
    assert.equal(language('file:///r/reporting.md'), undefined);
  });

  it('lets front matter lang and the text already written decide before the name', () => {
    assert.equal(language('file:///r/新报告.md', '---\nlang: en\n---\n'), 'en');
    assert.equal(language('file:///r/closure-report.md', '---\nlanguage: zh-CN\n---\n'), 'zh-cn');
    assert.equal(language('file:///r/closure-report.md', '# 年度复盘\n'), 'zh-cn');
    assert.equal(language('untitled:Untitled-1', 'Notes for the closure report\n'), 'en');
  });
});
