import * as assert from 'node:assert/strict';
import { compileUserPatterns } from '../../server/src/core/index.js';
import { analyzeText, diagnosticsOf, flaggedIn, lineOf, readFixture, report, textsOf } from './util.js';

describe('placeholders: the forms of the spec', () => {
  const forms: readonly (readonly [string, string])[] = [
    ['预计XX完成', 'XX'],
    ['符号××表示', '××'],
    ['编号XXX的合同', 'XXX'],
    ['渗透率达到XX%以上', 'XX%'],
    ['销售额XX万元', 'XX万元'],
    ['XX月上线', 'XX月'],
    ['超过XXGB的历史数据', 'XXGB'],
    ['增长了近XX个百分点', 'XX个百分点'],
    ['功率为XX W的设备', 'XX W'],
    ['预算€XX,XXX。', '€XX,XXX'],
    ['于X月X日完成', 'X月X日'],
    ['于XX年XX月立项', 'XX年XX月'],
    ['负责人：【待补充】', '【待补充】'],
    ['具体数据待补充', '待补充'],
    ['验收时间待定', '待定'],
    ['此处图表待插入', '待插入'],
    ['上线时间TBD', 'TBD'],
    ['TODO: 补充数据', 'TODO'],
    ['聚焦公司某款创新型产品', '某款'],
    ['由某某部门负责', '某某'],
    ['施工总承包单位：某建设集团有限公司', '某建设集团有限公司'],
    ['外部咨询由某公司提供', '某公司'],
    ['Matched funding: £160,000 [confirm with finance].', '[confirm with finance]'],
    ['Engagement score [To be confirmed]', '[To be confirmed]'],
    ['全年客户投诉PPM降至××PPM', '××PPM'],
    ['截止[insert date]之前', '[insert date]'],
    ['负责人{{owner}}', '{{owner}}'],
    // Whole tokens: a unit that begins a word is the word's, not the placeholder's.
    ['XX项目总结报告', 'XX'],
    ['XX年度计划', 'XX'],
    ['完成XX项测试', 'XX项'],
    ['专利号2023107XXXXXX.X已受理', '2023107XXXXXX.X'],
    // One X after a currency sign: a sum still to be written.
    ['Dilapidations, estimated at £Xm, are still being negotiated', '£Xm'],
    ['预计节约¥X万', '¥X万'],
  ];
  for (const [paragraph, expected] of forms) {
    it(`finds ${expected} in ${JSON.stringify(paragraph)}`, () => {
      assert.deepEqual(flaggedIn('placeholder', paragraph), [expected]);
    });
  }

  it('reports a placeholder as a warning naming its text, with the pattern that found it', () => {
    const analysis = analyzeText(report('## 项目背景与目标\n\n销售额XX万元。\n'));
    const [d] = diagnosticsOf(analysis, 'placeholder');
    assert.ok(d);
    assert.equal(d.severity, 'warning');
    assert.ok(d.message.includes('XX万元'), d.message);
    assert.equal(d.data?.kind, 'pattern');
    assert.equal(lineOf(analysis.model.text, d.start), 5);
  });

  it('finds every placeholder of a line, in order', () => {
    assert.deepEqual(flaggedIn('placeholder', '认知度从XX%提升至XX%，增长了近XX个百分点，销售额XX万元。'), ['XX%', 'XX%', 'XX个百分点', 'XX万元']);
  });

  it('finds placeholders in headings, list items, link labels and table cells', () => {
    const text = report(
      '## 项目背景与目标\n\n### 2.1 XX模块\n\n- 里程碑：XX月\n\n[负责人待定](https://example.com)\n\n| 指标 | 值 |\n| --- | --- |\n| 渗透率 | XX% |\n',
    );
    assert.deepEqual(textsOf(analyzeText(text), 'placeholder'), ['XX', 'XX月', '待定', 'XX%']);
  });
});

describe('placeholders: where they are not', () => {
  it('flags nothing in code, URLs, HTML comments or images, only the real placeholders', () => {
    const analysis = analyzeText(readFixture('reports/code-and-links.md'));
    assert.deepEqual(
      diagnosticsOf(analysis, 'placeholder').map((d) => [lineOf(analysis.model.text, d.start), analysis.model.text.slice(d.start, d.end)]),
      [
        [5, 'XX万元'],
        [9, '待定'],
        [29, 'XX%'],
      ],
    );
  });

  const inCode: readonly string[] = [
    '行内代码 `XX TODO 待补充` 不算',
    '```\nXX月 TODO 待定\n```',
    '~~~text\n某某 【待补充】\n~~~',
    '    XX TBD {{owner}}',
    '见 https://example.com/XX',
    '见 <https://x.org/TODO>',
    '见 www.example.com/XX',
    '见 [官网](https://example.com/XX/TODO)',
    '<!-- TODO: 补充 XX -->',
    '正文 <!-- 待补充 --> 正文',
    '![XX](images/XX.png)',
  ];
  for (const body of inCode) {
    it(`flags nothing in ${JSON.stringify(body)}`, () => {
      assert.deepEqual(flaggedIn('placeholder', body), []);
    });
  }

  for (const word of ['XXL码', 'Xbox主机', 'TODOS', 'TODOs', 'MAXX', '某一部门', '某篇测评视频', '在某航天总装企业开展试验', '某部门，有限公司', '数据', '多数', '参数', '2024年3月1日', '$Xbox', 'US$X1 chip']) {
    it(`does not take the ordinary word ${word} for a placeholder`, () => {
      assert.deepEqual(flaggedIn('placeholder', `这是${word}。`), []);
    });
  }

  it('flags nothing in front matter', () => {
    const text = '---\ntitle: 项目总结报告\nowner: XX\nreviewer: 待定\n---\n\n# 项目总结报告\n\n## 项目背景与目标\n\n正文。\n';
    assert.deepEqual(textsOf(analyzeText(text), 'placeholder'), []);
  });
});

describe('placeholders: user patterns', () => {
  it('adds the matches of an extra pattern', () => {
    const text = report('## 项目背景与目标\n\n客户A与客户B签约。\n');
    assert.deepEqual(textsOf(analyzeText(text), 'placeholder'), []);
    const { patterns, invalid } = compileUserPatterns(['客户[A-Z]'], 'en');
    assert.deepEqual(invalid, []);
    const analysis = analyzeText(text, undefined, { extraPlaceholderPatterns: patterns });
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['客户A', '客户B']);
  });

  it('reports an invalid regular expression with a reason and keeps the valid ones', () => {
    const { patterns, invalid } = compileUserPatterns(['(未闭合', '客户[A-Z]', '['], 'en');
    assert.deepEqual(invalid.map((i) => i.pattern), ['(未闭合', '[']);
    for (const i of invalid) assert.ok(i.reason.length > 0);
    assert.equal(patterns.length, 1);
    const analysis = analyzeText(report('## 项目背景与目标\n\n客户A（未闭合\n'), undefined, { extraPlaceholderPatterns: patterns });
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['客户A']);
  });

  it('refuses a pattern that matches the empty string', () => {
    const { patterns, invalid } = compileUserPatterns(['a*', ''], 'en');
    assert.deepEqual(patterns, []);
    assert.deepEqual(invalid.map((i) => i.pattern), ['a*', '']);
  });

  it('does not scan code with extra patterns either', () => {
    const { patterns } = compileUserPatterns(['客户[A-Z]'], 'en');
    const analysis = analyzeText(report('## 项目背景与目标\n\n`客户A` 与客户B\n'), undefined, { extraPlaceholderPatterns: patterns });
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['客户B']);
  });
});

describe('placeholders: user patterns that would stall or break the engine', () => {
  it('runs a catastrophic pattern in time linear in the text: (a+)+$ against a run of a and a !', () => {
    const { patterns, invalid } = compileUserPatterns(['(a+)+$'], 'en');
    assert.deepEqual(invalid, []);
    const analysis = analyzeText(report(`## 项目背景与目标\n\n${'a'.repeat(39)}!\n\n${'a'.repeat(5)}\n`), undefined, { extraPlaceholderPatterns: patterns });
    assert.deepEqual(textsOf(analysis, 'placeholder'), ['aaaaa']);
  });

  it('tells what is wrong with a setting that is not a list, an item that is not a string, too many or too long patterns, and uses the rest', () => {
    assert.deepEqual(compileUserPatterns('TBD', 'en'), { patterns: [], invalid: [{ pattern: '"TBD"', reason: 'the setting must be a list of patterns' }] });
    assert.deepEqual(compileUserPatterns(undefined, 'en'), { patterns: [], invalid: [] });
    const many = Array.from({ length: 52 }, (_, i) => `客户${i}号`);
    const { patterns, invalid } = compileUserPatterns([42, 'x'.repeat(501), ...many], 'zh-cn');
    assert.equal(patterns.length, 48);
    assert.deepEqual(invalid.map((i) => i.reason), ['模式必须是字符串', '模式长 501 个字符，最多允许 500 个', '只使用前 50 个模式', '只使用前 50 个模式', '只使用前 50 个模式', '只使用前 50 个模式']);
  });

  it('refuses what RE2 cannot run in linear time, with its reason: lookbehind, back-references', () => {
    const { patterns, invalid } = compileUserPatterns(['(?<=a)b', '(x)\\1'], 'en');
    assert.deepEqual(patterns, []);
    assert.equal(invalid.length, 2);
  });
});
