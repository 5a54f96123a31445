import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

/** The sample reports, for mutation. */
export const seeds = ['seed-1-system-integration.md', 'seed-2-market-expansion.md', 'seed-3-process-optimization.md', 'seed-3-with-frontmatter.md']
  .map((name) => fs.readFileSync(path.join(process.cwd(), 'test', 'fixtures', 'corpus', name), 'utf8'));

const numbering = fc.constantFrom('第一章 ', '第3章 ', '三、', '（二）', '(1) ', '2.1 ', '2.1.3 ', '1. ', '10、', 'Chapter IV ', '', '第十二章：', '3 倍');
const titles = fc.constantFrom('项目背景与目标', '实施过程', '项目成果与效益', '存在问题与挑战', '经验教训', '未来展望与建议', '结语', '总结与展望',
  'Lessons Learned', 'Executive Summary', '附录', '', '经验、教训与启示', '**加粗**标题', '`code` 标题');
const phrases = fc.constantFrom('达到XX%的市场渗透率', '节约数万元', '审批周期缩短至3个工作日以内', '满意度达到90%以上', '【待补充】', 'TBD', '某款产品',
  '从数天缩短至数小时', '约60%', 'X月X日', '€XX,XXX', 'https://example.com/XX', '`XX%`', '<!-- TODO -->', '[insert date]', '超出了初期设定的目标',
  '\u0000', '\uFEFF', '\uD800', '🙂', '\r\n', '\t', '\\*', '***', '<script>alert(1)</script>');

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), numbering, titles).map(([depth, n, t]) => `${'#'.repeat(depth)} ${n}${t}`);
const paragraph = fc.array(fc.oneof(phrases, fc.string({ maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 8 })), { maxLength: 6 }).map((parts) => parts.join(''));
const list = fc.tuple(fc.boolean(), fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 6 }))
  .map(([ordered, items, depth]) => items.map((item, i) => `${'  '.repeat(Math.min(i, depth))}${ordered ? `${i + 1}.` : '-'} ${item}`).join('\n'));
const table = fc.tuple(fc.constantFrom(['指标', '基线值', '目标值', '实际值', '达成率', '状态'], ['阶段', '计划开始', '计划完成', '实际完成', '里程碑', '状态'], ['a', 'b']),
  fc.array(fc.array(fc.oneof(phrases, fc.constantFrom('2024-03-31', '2024年3月', 'Q2 2024', '90%', '≥ 600 m³/h', '已完成', '✓', '')), { maxLength: 7 }), { maxLength: 8 }))
  .map(([header, rows]) => [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n'));
const fence = fc.tuple(fc.constantFrom('```', '~~~', '````'), paragraph, fc.boolean()).map(([f, body, closed]) => `${f}\n${body}\n${closed ? f : ''}`);
const frontMatter = fc.oneof(
  fc.constantFrom('---\nschema: generic\ntitle: 项目总结报告\n---', '---\ntype: nope\n---', '---\ntitle: [unclosed\n---', '---\n- a\n- b\n---', '---\n', '---\ngoals:\n  - 满意度达到90%以上\n---'),
  fc.string({ maxLength: 30 }).map((s) => `---\n${s}\n---`),
);

/** Report-shaped documents: front matter, headings in every numbering style, prose with placeholders, lists, tables, fences. */
export const reportDocument = fc.tuple(
  fc.option(frontMatter, { nil: undefined }),
  fc.array(fc.oneof({ weight: 3, arbitrary: heading }, { weight: 4, arbitrary: paragraph }, { weight: 2, arbitrary: list }, { weight: 1, arbitrary: table }, { weight: 1, arbitrary: fence }), { maxLength: 40 }),
  fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\r'),
  fc.boolean(),
).map(([fm, blocks, separator, bom]) => `${bom ? '\uFEFF' : ''}${fm ? `${fm}${separator}` : ''}# 项目总结报告${separator}${blocks.join(separator)}`);

/** A sample report cut, spliced and sprinkled with random text. */
export const mutatedSeed = fc.tuple(
  fc.constantFrom(...seeds),
  fc.array(fc.tuple(fc.nat(), fc.nat({ max: 400 }), fc.oneof(fc.string({ maxLength: 10 }), fc.string({ unit: 'binary', maxLength: 5 }), phrases, fc.constant('\n## '), fc.constant('\n```\n'))), { maxLength: 8 }),
).map(([seed, edits]) => edits.reduce((text, [at, length, insert]) => {
  const start = at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(start + length);
}, seed));

/** Anything at all: random code units (lone surrogates, NULs, control characters). */
export const garbage = fc.oneof(fc.string({ maxLength: 300 }), fc.string({ unit: 'binary', maxLength: 300 }), fc.uint8Array({ maxLength: 500 }).map((bytes) => Buffer.from(bytes).toString('latin1')));

/**
 * Documents that try to fool the block splitter: constructs that run across blank lines (fences, HTML
 * comments, `<pre>`, `<script>`), headings inside them, block quotes and lists holding fences, link
 * reference definitions that resolve references in other chapters.
 */
const tricky = fc.constantFrom(
  '```\n\n# 不是标题\n', '```', '~~~~\n\n## 代码\n~~~', '    ```', '> ```\n> 代码', '- ```\n  代码\n', '<!--\n\n# 注释里\n-->', '<!-- 单行 -->',
  '<!--', '-->', '<pre>\n\n# 预排版\n</pre>', '<script>\n\n# x\n', '</script>', '<?php\n\n# x\n?>', '<![CDATA[\n\n# x\n]]>', '<!DOCTYPE\n\n# x\n>',
  '<div>\n\n# 块\n</div>', '[目标]: https://example.com/XX', '见[目标][目标]和[目标]。', '[多行\n标签]: /x', '> 引用\n\n# 标题', '#不是标题', '#', '###### 六级',
  '####### 七级', '第一章 引言\n=====', '| a | b |\n| - | - |\n| XX% | 1 |', '\t# 缩进', '   # 三格', '---', '***', '\\# 转义',
);
export const blockyDocument = fc.array(fc.oneof({ weight: 3, arbitrary: heading }, { weight: 2, arbitrary: paragraph }, { weight: 3, arbitrary: tricky }, { weight: 1, arbitrary: fence }), { maxLength: 30 })
  .chain((parts) => fc.array(fc.constantFrom('\n\n', '\n', '\r\n\r\n', '\n\n\n', ' \n\n'), { minLength: parts.length, maxLength: parts.length })
    .map((separators) => parts.map((part, i) => part + separators[i]).join('')));

/** An edit to a document: replace `length` characters at `at` (taken modulo the length) with `insert`. */
export const edit = fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.oneof(fc.string({ maxLength: 6 }), tricky, phrases, heading.map((h) => `\n\n${h}\n\n`), fc.constantFrom('\n', '\n\n', '#', '`', '<!--', '-->', '')));

export function applyEdit(text: string, [at, length, insert]: readonly [number, number, string]): string {
  const start = at % (text.length + 1);
  return text.slice(0, start) + insert + text.slice(start + length);
}

export const anyDocument = fc.oneof({ weight: 5, arbitrary: reportDocument }, { weight: 3, arbitrary: mutatedSeed }, { weight: 2, arbitrary: garbage });

/** How many generated documents a property gets: bounded in `npm test`, larger with FUZZ_RUNS (`npm run fuzz`). */
export function runs(inTests: number, variable = 'FUZZ_RUNS'): number {
  const requested = Number(process.env[variable]);
  return Number.isFinite(requested) && requested > 0 ? requested : inTests;
}

/**
 * How long a suite of property tests may take: `bounded` in `npm test`, without limit when FUZZ_RUNS or
 * FUZZ_LSP_RUNS asks for more documents (`npm run fuzz`), whose time grows with them.
 */
export function fuzzTimeout(bounded: number): number {
  return process.env.FUZZ_RUNS || process.env.FUZZ_LSP_RUNS ? 0 : bounded;
}

/** A fixed seed in `npm test` so failures reproduce; FUZZ_SEED overrides it. */
export const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20261126);

/**
 * Hostile documents of issue 15, grown to `size` (a few hundred in `npm test`, FUZZ_HOSTILE_SIZE in
 * `npm run fuzz`): nesting, long lines, many findings, many figures, long tables, big front matter.
 */
export function hostileDocument(size: number): fc.Arbitrary<string> {
  const head = '# 项目总结报告\n\n## 一、项目背景与目标\n\n目标：满意度达到 90%。\n\n## 三、项目成果\n\n';
  const kinds: fc.Arbitrary<string>[] = [
    fc.integer({ min: 1, max: size * 20 }).map((n) => `${'- '.repeat(n)}a`),
    fc.integer({ min: 1, max: size }).map((n) => Array.from({ length: n }, (_, i) => `${'>'.repeat(i % 200)} a`).join('\n')),
    fc.integer({ min: 1, max: size * 200 }).map((n) => `${'很长的一行'.repeat(n)}`),
    fc.integer({ min: 1, max: size * 2 }).map((n) => 'XX% TBD '.repeat(n)),
    fc.integer({ min: 1, max: size }).map((n) => Array.from({ length: n }, (_, i) => `门店${i} 销售额${i}万元 增长${i % 100}%`).join('，')),
    fc.integer({ min: 1, max: size * 10 }).map((n) => `| 指标 | 结果 |\n| --- | --- |\n${'| 满意度 | 9X% |\n'.repeat(n)}`),
    fc.integer({ min: 1, max: size * 10 }).map((n) => `##\n\n`.repeat(n)),
  ];
  const frontMatter = fc.integer({ min: 0, max: size * 10 }).map((n) => (n ? `---\n${Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n')}\n---\n\n` : ''));
  return fc.tuple(frontMatter, fc.array(fc.oneof(...kinds), { minLength: 1, maxLength: 3 })).map(([front, parts]) => `${front}${head}${parts.join('\n\n')}\n`);
}
