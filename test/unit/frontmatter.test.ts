import * as assert from 'node:assert/strict';
import { parseDocument } from 'yaml';
import { analyzeText, diagnosticsOf, positionOf, readFixture, textOf, textsOf } from './util.js';

describe('front matter: problems', () => {
  it('reports broken YAML as an error where the YAML parser finds it', () => {
    const text = readFixture('frontmatter/broken-yaml.md');
    const analysis = analyzeText(text);
    const problems = diagnosticsOf(analysis, 'frontmatter');
    assert.equal(problems.length, 1);
    const [d] = problems as [(typeof problems)[number]];
    assert.equal(d.severity, 'error');
    assert.deepEqual(positionOf(text, d.start), { line: 3, column: 8 });
    assert.equal(textOf(text, d), '运');
    assert.ok(d.message.includes('Nested mappings'), d.message);
    // The parser's own position, shifted by the opening --- line.
    const yamlText = text.split('\n').slice(1, 5).join('\n');
    const parserError = parseDocument(yamlText).errors[0]!;
    assert.deepEqual(positionOf(text, d.start), { line: parserError.linePos![0].line + 1, column: parserError.linePos![0].col });
  });

  it('reports broken YAML of a CRLF document on the same line and column', () => {
    const text = readFixture('frontmatter/broken-yaml.md').replace(/\n/g, '\r\n');
    const [d] = diagnosticsOf(analyzeText(text), 'frontmatter');
    assert.ok(d);
    assert.deepEqual(positionOf(text, d.start), { line: 3, column: 8 });
  });

  it('reports a repeated key at the repetition', () => {
    const text = '---\ntitle: 项目总结报告\nowner: 甲\ntitle: 另一个标题\n---\n\n# 项目总结报告\n';
    const [d, ...others] = diagnosticsOf(analyzeText(text), 'frontmatter');
    assert.deepEqual(others, []);
    assert.ok(d);
    assert.equal(positionOf(text, d.start).line, 4);
  });

  it('reports front matter that is not a mapping', () => {
    const text = readFixture('frontmatter/not-a-mapping.md');
    const analysis = analyzeText(text);
    const problems = diagnosticsOf(analysis, 'frontmatter');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 'error');
    assert.deepEqual(positionOf(text, problems[0]!.start), { line: 1, column: 1 });
    assert.ok(problems[0]!.message.toLowerCase().includes('mapping'), problems[0]!.message);
    assert.deepEqual(analysis.model.frontMatter?.data, {});
  });

  it('reports a --- that opens front matter and is never closed', () => {
    const text = readFixture('frontmatter/unclosed.md');
    const analysis = analyzeText(text);
    const problems = diagnosticsOf(analysis, 'frontmatter');
    assert.equal(problems.length, 1);
    assert.equal(problems[0]!.severity, 'error');
    assert.equal(textOf(text, problems[0]!), '---');
    assert.deepEqual(positionOf(text, problems[0]!.start), { line: 1, column: 1 });
    assert.equal(analysis.model.frontMatter, undefined);
  });

  it('reports front matter problems in Chinese when the locale is zh-cn', () => {
    const [d] = diagnosticsOf(analyzeText(readFixture('frontmatter/unclosed.md'), undefined, { locale: 'zh-cn' }), 'frontmatter');
    assert.ok(d && /前置元数据/u.test(d.message), d?.message);
  });

  it('still checks the rest of a report with broken front matter', () => {
    const text = readFixture('frontmatter/broken-yaml.md').replace('正文。', '预算XX万元。');
    const analysis = analyzeText(text);
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['XX万元']);
    assert.ok(diagnosticsOf(analysis, 'missing-chapter').length > 0);
  });

  it('reports nothing about front matter in a document that is not a report', () => {
    const analysis = analyzeText('---\nfoo: [\n---\n\n# 周报\n', 'file:///r/notes.md');
    assert.equal(analysis.isReport, false);
    assert.deepEqual(analysis.diagnostics, []);
  });
});

describe('front matter: values', () => {
  const text = readFixture('frontmatter/valid.md');
  const analysis = analyzeText(text);

  it('reads every value, nested mappings and lists included', () => {
    assert.deepEqual(analysis.model.frontMatter?.data, {
      title: '区域市场拓展项目总结报告',
      type: 'market-expansion',
      owner: '市场部·区域拓展组',
      period: { start: '2024-01-08', end: '2024-12-20' },
      budget: 120,
      tags: ['市场', '品牌'],
      final: false,
      reviewer: 'XX',
    });
    assert.deepEqual(diagnosticsOf(analysis, 'frontmatter'), []);
  });

  it('takes the title and the schema from the front matter', () => {
    assert.equal(analysis.title, '区域市场拓展项目总结报告');
    assert.equal(analysis.schema.id, 'market-expansion');
    assert.equal(analysis.schemaReason, 'front-matter');
  });

  it('does not scan front matter values for placeholders', () => {
    assert.deepEqual(textsOf(analysis, 'placeholder'), []);
  });

  it('locates a value for diagnostics', () => {
    const range = analysis.model.frontMatter!.valueRange('type')!;
    assert.equal(textOf(text, range), 'market-expansion');
    assert.equal(positionOf(text, range.start).line, 3);
  });

  it('accepts empty front matter', () => {
    const empty = analyzeText('---\n---\n\n# 项目总结报告\n');
    assert.deepEqual(diagnosticsOf(empty, 'frontmatter'), []);
    assert.deepEqual(empty.model.frontMatter?.data, {});
  });
});
