import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { splitBlocks, type BlockModel } from '../../server/src/core/index.js';
import { blockFromEvents } from '../../server/src/core/parse/events.js';
import { blockFromMdast } from '../../server/src/core/parse/fromMdast.js';
import { anyDocument, blockyDocument, fuzzSeed, fuzzTimeout, runs } from '../util/documents.js';

/**
 * A block's model without its memo, a fresh WeakMap every time, and with its front matter's `valueRange`,
 * a new closure every time, replaced by what it answers.
 */
function comparable(block: BlockModel): Record<string, unknown> {
  const { memo: _memo, frontMatter, ...rest } = block;
  if (!frontMatter) return rest;
  const { valueRange, ...matter } = frontMatter;
  const ranges = Object.keys(frontMatter.data).concat('nosuchkey').map((key) => valueRange(key));
  return { ...rest, frontMatter: { ...matter, ranges } };
}

/**
 * The block as the parser for large documents builds it from micromark's events and as the main path builds
 * it from remark's tree, compared part by part: assert's diff of two whole models of a long document takes minutes.
 */
function assertSameAsMdast(text: string, start: number, end: number, defined: readonly string[] = []): void {
  const actual: Record<string, unknown> = comparable(blockFromEvents(text, start, end, defined));
  const expected: Record<string, unknown> = comparable(blockFromMdast(text, start, end, defined));
  assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort());
  for (const key of Object.keys(expected)) assert.deepEqual(actual[key], expected[key], `${key} of block [${start}, ${end}) of ${JSON.stringify(text)}`);
}

/** Inline Markdown whose text mdast builds in its own ways: escapes, references, breaks, links, code, HTML. */
const inline = fc.constantFrom(
  '*强调*', '**加粗**', '_a_', '__b__', '***c***', '*未闭合', 'a*b*c', '`代码`', '`` a ` b ``', '` x `', '`多\n行`', '\\*', '\\|', '\\\\', '\\[',
  '&amp;', '&copy;', '&#35;', '&#x4E2D;', '&#0;', '&#xD800;', '&nosuch;', '&AMP', '[链接](https://example.com/a "标题")', '[链接](<a b> \'t\')',
  '[空]()', '![图 *说明*](img.png)', '![](x)', '[![图](i)](u)', '<https://example.com/XX>', '<a@b.co>', 'https://example.com/x', 'a@b.co', 'www.x.cn',
  '[ref]', '[文字][ref]', '[ref][]', '![ref]', '[未定义][nope]', '<b>粗</b>', '<!-- 注 -->', '<script>', '<?x?>', '<![CDATA[x]]>', '<!X y>',
  '  \n', '\\\n', ' \n', '\n', '\r\n', '\r', '\t', '\u0000', '\uFEFF', '😀', '\u00A0', ' ', '第三章', '3.1 ', 'X%', '|', '#', '=', '-',
);
const line = fc.array(fc.oneof({ weight: 3, arbitrary: inline }, { weight: 2, arbitrary: fc.string({ maxLength: 8 }) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) }), { maxLength: 6 })
  .map((parts) => parts.join(''));
const cell = fc.oneof(line.map((l) => l.replace(/[\r\n|]/g, ' ')), fc.constantFrom('`a\\|b`', 'a \\| b', '`\\\\|`', '**x**', '', '&lt;'));
/** Block constructs, several of them containers for the others. */
const block: fc.Memo<string> = fc.memo((n) => {
  const leaf = fc.oneof(
    line,
    fc.tuple(fc.integer({ min: 1, max: 7 }), line, fc.boolean()).map(([depth, text, closed]) => `${'#'.repeat(depth)} ${text}${closed ? ' ##' : ''}`),
    fc.tuple(line, fc.constantFrom('===', '---', '=', '-  ')).map(([text, under]) => `${text}\n${under}`),
    fc.tuple(fc.constantFrom('```', '~~~', '````', '   ```', '``` js'), line, fc.boolean()).map(([fence, body, closed]) => `${fence}\n${body}\n${closed ? fence.trim().slice(0, 4) : ''}`),
    fc.tuple(fc.array(cell, { minLength: 1, maxLength: 4 }), fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 4 })).map(([head, rows]) =>
      [`| ${head.join(' | ')} |`, `|${head.map(() => ' :-- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')}`)].join('\n')),
    fc.constantFrom('[ref]: https://example.com/r "标题"', '[ref]:\n  /x', '    缩进代码', '\t制表代码', '***', '- - -', '<div>\n块\n</div>', '<!--\n注释', '<pre>',
      '<script>\nx', '<?php', '<![CDATA[', '<!DOCTYPE', '---\ntitle: x\n---', '>', '-', '1.', ''),
  );
  if (n <= 1) return leaf;
  const inner = fc.array(block(n - 1), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('\n'));
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    { weight: 1, arbitrary: inner.map((body) => body.split('\n').map((l) => `> ${l}`).join('\n')) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '2) ', '-\t'), fc.array(inner, { minLength: 1, maxLength: 3 }), fc.boolean())
      .map(([marker, items, loose]) => items.map((body) => marker + body.split('\n').join(`\n${' '.repeat(marker.length)}`)).join(loose ? '\n\n' : '\n')) },
    { weight: 1, arbitrary: fc.tuple(inner, line).map(([body, lazy]) => `- ${body}\n${lazy}`) },
  );
});
const markdownDocument = fc.tuple(
  fc.array(block(3), { maxLength: 12 }),
  fc.constantFrom('\n\n', '\n', '\r\n', '\r\n\r\n', '\r', '\n\n\n'),
  fc.constantFrom('', '\uFEFF', '\uFEFF\uFEFF', '---\nschema: generic\n---\n', '\uFEFF---\na: &amp;\n\n b\r\n---\n'),
).map(([blocks, separator, head]) => head + blocks.join(separator));

/**
 * Prose the block parser takes from the lines (see `plainRuns`) next to what looks like it but is not plain:
 * paragraphs and one-line lists around nested and lazy lists, fences, HTML blocks, front matter and
 * definitions that hold blank lines and plain lines.
 */
const proseLine = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('项目进展顺利，完成率 95%。', '成本降低 XX万元', 'plain text', '第三章 成果', '2023 年', 'a ~ b', 'x = 1', '5 > 3 是真', 'a!b', '数十项') },
  { weight: 2, arbitrary: fc.constantFrom('1986. 年', '2) 项', 'trailing ', 'hard  ', ' lead', '    indent', 'a\tb', '*强调*', 'a_b', '[链接]', 'x]', '&amp;', '<b>', 'a\\', '|', '`c`', 'a*强调*b', '全角**加粗**', 'x<y', 'a|b', 'a\\*b', 'a&b;') },
  { weight: 1, arbitrary: fc.constantFrom('#', '# 标题', '> 引用', '===', '---', '***', '- ', '-', '1.', '```', '~~~', '<!--', '<pre>', ':', '=', '+', 'a\rb', '\u0000', '') },
);
const proseLines = fc.array(proseLine, { minLength: 1, maxLength: 3 }).map((lines) => lines.join('\n'));
const proseList = fc.tuple(
  fc.constantFrom('- ', '* ', '+ ', '1. ', '2) ', '10. ', '-  ', '-\t'),
  fc.array(fc.oneof({ weight: 4, arbitrary: proseLine }, { weight: 1, arbitrary: proseLines.map((l) => l.replace(/\n/g, '\n  ')) }), { minLength: 1, maxLength: 4 }),
  fc.constantFrom('\n', '\n\n', '\r\n'),
).map(([marker, items, separator]) => items.map((item) => marker + item).join(separator));
const proseBlock = fc.oneof(
  { weight: 4, arbitrary: proseLines },
  { weight: 3, arbitrary: proseList },
  { weight: 2, arbitrary: fc.tuple(proseList, fc.constantFrom('  - 子项', '  续行', '懒行', '- 另一项', '1. 另一项', '    代码')).map(([list, tail]) => `${list}\n${tail}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '<pre>', '<!--', '<script>', '<div>', '- ```', '> ```', '    代码', '<?x', '<!X'), proseLines, fc.constantFrom('```', '~~~', '</pre>', '-->', '</script>', '', '?>', '>'))
    .map(([open, body, close]) => `${open}\n\n${body}\n\n${close}`) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('# 标题', '## 第三章 成果', '###### 六', '####### 七', '#', '# 标题 #', '    # 代码', '> # 引用', '<div>\n# 标题', '```\n# 标题'), fc.oneof(proseLines, proseList))
    .map(([heading, body]) => `${heading}\n${body}`) },
  { weight: 1, arbitrary: fc.constantFrom('- 项\n  - 子项\n\n- 项', '- 项\n懒行\n\n- 项', '1. 项\n   续\n\n1. 项', '* 项\n\n  续\n\n* 项', '[ref]: /x', '[a][ref]', '> 引用\n\n正文', '# 标题', '| a |\n| - |', '---\na: 1\n\n正文\n---') },
);
const proseDocument = fc.tuple(
  fc.constantFrom('', '\uFEFF', '---\ntitle: 报告\n---\n\n', '---\na: 1\n\n正文\n'),
  fc.array(fc.tuple(proseBlock, fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n \n', '\n\n\n', '\n\t\n')), { maxLength: 10 }),
).map(([head, blocks]) => head + blocks.map(([block, separator]) => block + separator).join(''));

const fixtures = path.join(process.cwd(), 'test', 'fixtures');
function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(file) : entry.name.endsWith('.md') ? [file] : [];
  });
}

describe('the two block parsers: remark\'s tree and micromark\'s events', function () {
  this.timeout(fuzzTimeout(600_000));

  it('builds the model of every fixture, whole and in blocks, exactly as remark\'s tree gives it', () => {
    for (const file of markdownFiles(fixtures)) {
      const text = fs.readFileSync(file, 'utf8');
      assertSameAsMdast(text, 0, text.length);
      for (const span of splitBlocks(text)) assertSameAsMdast(text, span.start, span.end);
    }
  });

  it('finds the tables the GFM extension finds where a head row is refused early (next line no delimiter row)', () => {
    const cases: [text: string, tables: number][] = [
      ['| 指标 | 目标 |\n| --- | --- |\n| 成本 | 10% |', 1],
      ['| 指标 | 目标 |\r\n| :-- | --: |\r\n| 成本 | 10% |', 1],
      ['| 指标 | 目标 |\r| --- | --- |\r| 成本 | 10% |', 1],
      ['\uFEFF| 指标 |\n| --- |', 1],
      ['\uFEFF\n| 指标 |\n| --- |', 1],
      ['段落第一行\n| 指标 | 目标 |\n| --- | --- |', 1],
      ['> | 指标 | 目标 |\n> | --- | --- |\n> | 成本 | 10% |', 1],
      ['- | 指标 | 目标 |\n  | --- | --- |', 1],
      ['1. 说明\n   | 指标 |\n   |\t--- |', 1],
      ['| 指标 | 目标 |\n| 成本 | 10% |', 0],
      ['| 指标 | 目标 |\n- --- | --- |', 0],
      ['| 指标 | 目标 |', 0],
      ['| 指标 | 目标 |\n\n| --- | --- |', 0],
      ['> | 指标 |\n| --- |', 0],
    ];
    for (const [text, tables] of cases) {
      assertSameAsMdast(text, 0, text.length);
      assert.equal(blockFromEvents(text, 0, text.length, []).tables.length, tables, JSON.stringify(text));
    }
  });

  it('takes plain paragraphs and lists from their lines exactly as micromark would parse them in place @props', () => {
    fc.assert(
      fc.property(proseDocument, (text) => {
        assertSameAsMdast(text, 0, text.length);
        for (const span of splitBlocks(text, 0)) assertSameAsMdast(text, span.start, span.end);
      }),
      { seed: fuzzSeed, numRuns: runs(1000) },
    );
  });

  it('ends a plain paragraph at a heading or a plain list that interrupts it, and only there', () => {
    for (const text of ['正文\n- 项\n- 项\n\n正文\n# 标题\n正文', '正文\n#\n正文\n#标题', '正文\n- +\n- 项', '正文\n* * *\n\n正文', '正文\n-\n\n正文', '正文\n- \n- 项', '正文\n1. 项\n\n正文\n2. 项']) {
      assertSameAsMdast(text, 0, text.length);
    }
  });

  it('takes plain runs from a block with tabs, NUL or a second byte order mark elsewhere', () => {
    for (const text of ['表\t格\n\n正文段落\n\n- 项\n- 项\n\n\t代码', '\u0000\n\n正文\n\n1. 项', '\uFEFF\uFEFF标题\n\n正文\n\n正文']) {
      assertSameAsMdast(text, 0, text.length);
    }
  });

  it('resolves a reference to a definition that micromark parsed in another piece of the block', () => {
    for (const text of ['[a]: /x\n\n正文段落\n\n见[a]。', '见[a]和[文字][a]。\n\n正文段落\n\n[a]: /x "标题"', '# 标题\n正文\n\n- 项\n\n[^1]: 说明\n\n脚注[^1]']) {
      assertSameAsMdast(text, 0, text.length);
      // Resolved, a reference leaves its link text in the paragraph, not its brackets.
      assert.ok(!blockFromEvents(text, 0, text.length, []).paragraphs.some((p) => /\[(?:a|\^1)\]/.test(p.text)), JSON.stringify(text));
    }
  });

  it('resolves a reference to a label defined in another block of the document, on both paths', () => {
    for (const text of ['见[a]和[文字][a]。', '# [a]\n\n```\n[a]\n```', '> - 见[A]\n', '[b]: /y\n\n见[a]和[b]。', '\uFEFF见[a]。']) {
      // Labels are given normalized, as micromark-util-normalize-identifier writes them.
      assertSameAsMdast(text, 0, text.length, ['A']);
      const block = blockFromMdast(text, 0, text.length, ['A']);
      assert.ok(!block.paragraphs.some((p) => /\[a\]/i.test(p.text)) && !block.headings.some((h) => h.text.includes('[')), JSON.stringify(text));
      assert.equal(block.definedWith, block.definitions.includes('B') ? 'A\nB' : 'A');
    }
  });

  it('builds the same model from the events as from remark\'s tree for generated Markdown, from any start to any end @props', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: markdownDocument }, { weight: 1, arbitrary: anyDocument }, { weight: 1, arbitrary: blockyDocument }), fc.nat(), fc.nat(), (text, a, b) => {
        assertSameAsMdast(text, 0, text.length);
        const start = a % (text.length + 1);
        assertSameAsMdast(text, start, start + (b % (text.length - start + 1)));
      }),
      { seed: fuzzSeed, numRuns: runs(500) },
    );
  });
});
