/**
 * Chapter recognition (schema/recognize.ts): how a heading is read, how the chapters are settled together,
 * sections that cover a required slot, the order defects reported, and the evidence the hover shows.
 */
import * as assert from 'node:assert/strict';
import { createBuiltinRegistry, HeadingReader, provideHover } from '../../server/src/core/index.js';
import { analyzeText, chapters, diagnosticsOf, lineOf, report, textOf } from './util.js';

const generic = new HeadingReader(createBuiltinRegistry().get('generic')!);

describe('recognition: reading a heading', () => {
  const cases: readonly (readonly [string, readonly string[]])[] = [
    // A topic + 总结 / summary is a summary of that topic; 总结 alone is the conclusion.
    ['技术架构总结', ['implementation']],
    ['测试与验证总结', ['implementation']],
    ['Financial Summary', ['resources']],
    ['总结', ['conclusion']],
    ['总结与展望', ['conclusion', 'outlook']],
    // The head decides: the last term in Chinese, the one before a preposition in English.
    ['目标完成情况与主要成果', ['results']],
    ['Results Against Objectives', ['results']],
    // What a heading measures against is its yardstick, not its topic.
    ['Progress against objectives', ['results']],
    ['Performance versus targets', ['results']],
    ['Cost Performance', ['resources']],
    ['Outputs', ['results']],
    ['Money and governance', ['resources', 'management']],
    ['Deviations from the protocol', ['challenges']],
    ['预算执行情况', ['resources']],
    // Specific words outweigh generic ones: 后续 / 下一步 are the outlook, 计划 only with nothing better.
    ['后续研究计划', ['outlook']],
    ['下一步工作计划', ['outlook']],
    ['项目计划', ['overview']],
    ['Delivery Approach', ['implementation']],
    ['What we delivered', ['implementation']],
    ['四、2026 年工作打算', ['outlook']],
    // A weak second part adds no slot; a normal one does.
    ['Objectives and Scope', ['goals']],
    ['问题与建议', ['challenges', 'outlook']],
    // The usual headings of 结题报告 and 复盘 fill their slots.
    ['研究目标', ['goals']],
    ['研究内容', ['implementation']],
    ['实验结果', ['results']],
    // A 结题报告 counts the people it trained among its outputs.
    ['人才培养与学术交流', ['results']],
    // 完成情况 tells what was done and what came of it.
    ['完成情况', ['results', 'implementation']],
    ['存在问题', ['challenges']],
    ['回顾目标', ['goals']],
    ['评估结果', ['results']],
    ['总结经验', ['lessons']],
    ['What Went Wrong', ['challenges']],
    ['What Didn\'t Go Well', ['challenges']],
    ['Root Causes', ['challenges']],
    // The 复盘 step 分析原因 looks at both: why things went well, why they did not.
    ['分析原因', ['challenges', 'success-factors']],
    // …but beside the problems it analyses, it is about their causes.
    ['存在的问题及原因分析', ['challenges']],
    ['What got in the way', ['challenges']],
    ['What was hard', ['challenges']],
    ['How it went', ['implementation', 'results']],
    ['Thank you', ['conclusion']],
    ['Looking forward', ['outlook']],
    ["What we'd change", ['lessons']],
    ['Findings', ['results']],
    ['Programme at a glance', ['overview']],
    ['3. The work', ['implementation']],
    ['What went well, and what didn\'t', ['success-factors', 'challenges']],
    ['Phase III and beyond', ['outlook']],
    // A heading about the report itself is its overview, not the project's purpose.
    ['Purpose of this report', ['overview']],
    ['改进措施', ['outlook']],
    ['Incident & Resolution', ['challenges']],
  ];
  for (const [heading, slots] of cases) {
    it(`reads ${heading} as ${slots.join(' + ')}`, () => {
      assert.deepEqual(generic.classify(heading), slots);
    });
  }

  it('reads appendices and references as no slot, whatever else they say', () => {
    for (const heading of ['附录 项目成果明细', '附件清单', '附：数据口径说明', 'Appendix A: Results Register', 'References']) {
      assert.equal(generic.read(heading).none, true, heading);
    }
    assert.equal(generic.read('附加值分析').none, false, 'a word that only begins with 附');
    assert.equal(generic.read('——车规级电池监测芯片研发及产业化').none, true, 'a subtitle opened by a dash');
  });

  it('says which term decided, and how much it weighs', () => {
    const reading = generic.read('目标完成情况与主要成果');
    assert.deepEqual(reading.terms.map((t) => [t.slot, t.term, t.score]), [['results', '目标完成情况', 3], ['results', '成果', 3]]);
  });
});

describe('recognition: the chapters settled together', () => {
  it('gives a weak heading the slot of what lies beneath it', () => {
    const text = report([
      '## 项目背景与目标', '', '目标是将审批周期缩短至3天。', '',
      '## 工作摘要', '', '### 实施步骤', '', '分三步推进。', '', '### 部署上线', '', '3月上线。', '',
      '| 阶段 | 计划完成 | 实际完成 |', '| --- | --- | --- |', '| 上线 | 2024-03-01 | 2024-03-05 |', '',
      '## 项目成果', '', '审批周期缩短至2天。', '',
    ].join('\n'));
    const analysis = analyzeText(text);
    assert.deepEqual(analysis.chapters.map((c) => [c.section.heading.text, [...c.slots]]), [
      ['项目背景与目标', ['overview', 'goals']],
      ['工作摘要', ['implementation']],
      ['项目成果', ['results']],
    ]);
  });

  it('reports a results chapter put before the implementation, not the implementation after it', () => {
    const text = report(chapters('一、项目背景与目标', '二、项目成果与目标达成情况', '三、主要举措与实施过程', '四、问题与挑战', '五、经验与启示', '六、下一步工作计划', '七、结论'));
    const order = diagnosticsOf(analyzeText(text), 'chapter-order');
    assert.deepEqual(order.map((d) => textOf(text, d)), ['## 二、项目成果与目标达成情况']);
    assert.ok(order[0]!.message.includes('after “三、主要举措与实施过程”'), order[0]!.message);
  });

  it('gives no order warning for chapters in order whose headings use generic words', () => {
    const text = report(chapters('一、项目背景与目标', '二、技术架构总结', '三、项目实施过程', '四、目标完成情况', '五、问题与不足', '六、经验总结', '七、后续工作计划', '八、总结'));
    const analysis = analyzeText(text);
    assert.deepEqual(diagnosticsOf(analysis, 'chapter-order'), []);
    assert.deepEqual(diagnosticsOf(analysis, 'missing-chapter'), []);
    assert.deepEqual(analysis.chapters.map((c) => c.slots.join('+')), ['overview+goals', 'implementation', 'implementation', 'results', 'challenges', 'lessons', 'outlook', 'conclusion']);
  });

  it('reads a Summary by its place: an overview first, a conclusion last', () => {
    const english = (first: string, last: string) =>
      analyzeText(`# Project Closure Report\n\n${['Objectives', 'Implementation', 'Results', 'Challenges', 'Lessons Learned', 'Next Steps'].reduce((text, h) => `${text}## ${h}\n\nText.\n\n`, `## ${first}\n\nText.\n\n`)}## ${last}\n\nText.\n`, 'file:///r/closure.md');
    const analysis = english('Summary', 'Summary');
    assert.deepEqual([analysis.chapters[0]!.slots, analysis.chapters.at(-1)!.slots], [['overview'], ['conclusion']]);
  });

  it('gives a heading\'s second slot to the chapter that is about it first', () => {
    const text = report(chapters('一、项目背景与目标', '二、项目实施过程', '三、项目成效', '四、投资与效益', '五、问题与挑战', '六、经验教训', '七、下一步工作', '八、结语'));
    assert.deepEqual(analyzeText(text).chapters[3]!.slots, ['resources']);
  });

  it('reads a Plan by its place: the scope when it opens the report, what comes next when it closes it', () => {
    const text = report(chapters('1. Project Plan', '2. What We Set Out to Do', '3. Work Carried Out', '4. Results', '5. Issues', '6. What We Learned', '7. Phase 2 Plan', '8. Final Word'), 'Closure Report');
    const analysis = analyzeText(text, 'file:///r/closure.md');
    assert.deepEqual(analysis.chapters.map((c) => c.slots), [['overview'], ['goals'], ['implementation'], ['results'], ['challenges'], ['lessons'], ['outlook'], ['conclusion']]);
    assert.deepEqual([...diagnosticsOf(analysis, 'missing-chapter'), ...diagnosticsOf(analysis, 'chapter-order')], []);
    const zh = analyzeText(report(chapters('一、项目规划', '二、项目目标', '三、实施过程', '四、项目成果', '五、问题与挑战', '六、经验教训', '七、2025 年工作计划', '八、结语')));
    assert.deepEqual(zh.chapters.map((c) => c.slots), [['overview'], ['goals'], ['implementation'], ['results'], ['challenges'], ['lessons'], ['outlook'], ['conclusion']]);
    assert.deepEqual(diagnosticsOf(zh, 'missing-chapter'), []);
  });

  it('reads the headings of retrospectives and grant reports: What Worked Well, What Made the Difference, Learning, 复盘说明', () => {
    const en = analyzeText(report(chapters('I. Summary', 'II. Objectives', 'III. What We Did', 'IV. Results', 'V. Challenges', 'VI. What Made the Difference', 'VII. Learning', 'VIII. Next Steps', 'IX. Closing'), 'Final Report'), 'file:///r/final-report.md');
    assert.deepEqual(en.chapters.map((c) => c.slots), [['overview'], ['goals'], ['implementation'], ['results'], ['challenges'], ['success-factors'], ['lessons'], ['outlook'], ['conclusion']]);
    const zh = analyzeText(report(chapters('复盘说明', '回顾目标', '评估结果', '分析原因', '总结经验', '下一步计划')));
    assert.deepEqual(zh.chapters[0]!.slots, ['overview']);
  });

  it('gives 完成情况 the implementation only when no chapter tells how the work was done', () => {
    const alone = report(chapters('一、项目概况与目标', '二、完成情况', '三、存在问题', '四、经验教训', '五、下一步工作', '六、结语'));
    assert.deepEqual(analyzeText(alone).chapters[1]!.slots, ['results', 'implementation']);
    const beside = report(chapters('一、项目概况与目标', '二、实施过程', '三、完成情况', '四、存在问题', '五、经验教训', '六、下一步工作', '七、结语'));
    assert.deepEqual(analyzeText(beside).chapters[2]!.slots, ['results']);
  });

  it('fills a required slot a heading names only as a modifier, when the heading\'s own slot stands elsewhere', () => {
    const text = report(chapters('1. Objectives', '2. Delivery', '3. Results', '4. Issues and Lessons', '5. Next Steps', '6. Closure Recommendation'), 'Closure Report');
    const analysis = analyzeText(text, 'file:///r/closure.md');
    assert.deepEqual(analysis.chapters.at(-1)!.slots, ['conclusion']);
    assert.deepEqual(diagnosticsOf(analysis, 'missing-chapter'), []);
  });

  it('takes a chapter that states the goals with targets for the goals, when no heading names them', () => {
    const text = report([
      '## 一、项目概况', '', '项目于2024年启动，主要目标如下：', '', '1. 审批时长缩短至3天以内；', '2. 群众满意度达到95%以上。', '',
      '## 二、实施过程', '', '过程。', '', '## 三、项目成果', '', '审批时长缩短至2.5天，满意度为96%。', '',
    ].join('\n'));
    const analysis = analyzeText(text);
    assert.deepEqual(analysis.chapters[0]!.slots, ['overview', 'goals']);
    assert.ok(!analysis.missing.some((m) => m.slot.id === 'goals'));
    assert.ok(analysis.chapters[0]!.evidence.some((e) => e.kind === 'goal-statements'));
  });

  it('settles an ambiguous word by its neighbours: an Introduction before Objectives is the overview, a closing Recommendation after Next Steps the conclusion', () => {
    const both = analyzeText(report(chapters('I. Introduction', 'II. Objectives', 'III. Delivery', 'IV. Results', 'V. Challenges', 'VI. Lessons Learned', 'VII. Next Steps', 'VIII. Recommendation'), 'Closure Report'), 'file:///r/closure.md');
    assert.deepEqual(both.chapters.map((c) => c.slots), [['overview'], ['goals'], ['implementation'], ['results'], ['challenges'], ['lessons'], ['outlook'], ['conclusion']]);
    assert.deepEqual(diagnosticsOf(both, 'missing-chapter'), []);
    const alone = analyzeText(report(chapters('I. Introduction', 'II. Delivery', 'III. Results', 'IV. Challenges', 'V. Lessons Learned', 'VI. Recommendation', 'VII. Conclusion'), 'Closure Report'), 'file:///r/closure.md');
    assert.deepEqual([alone.chapters[0]!.slots, alone.chapters[5]!.slots], [['goals'], ['outlook']]);
  });

  it('reads a retrospective\'s Actions as what comes next, and an evaluation\'s account of its method as no chapter of the project', () => {
    const text = report(chapters('Executive Summary', 'Evaluation Approach', 'Objectives', 'Implementation', 'Results', 'Challenges', 'Lessons Learned', 'Actions', 'Conclusion'), 'End-of-Project Evaluation');
    const analysis = analyzeText(text, 'file:///r/evaluation.md');
    assert.deepEqual(analysis.chapters.map((c) => c.slots), [['overview'], [], ['goals'], ['implementation'], ['results'], ['challenges'], ['lessons'], ['outlook'], ['conclusion']]);
    assert.deepEqual([...diagnosticsOf(analysis, 'missing-chapter'), ...diagnosticsOf(analysis, 'chapter-order')], []);
  });

  it('leaves an appendix out of every check', () => {
    const text = report(chapters('一、项目背景与目标', '二、项目实施过程', '三、项目成果', '四、问题与挑战', '五、经验教训', '六、未来展望', '七、结语', '附录 项目成果明细'));
    const analysis = analyzeText(text);
    assert.deepEqual(analysis.chapters.at(-1)!.slots, []);
    assert.deepEqual(diagnosticsOf(analysis, 'chapter-order'), []);
  });
});

describe('recognition: a required slot covered by a section', () => {
  const text = report([
    '## 一、项目背景与目标', '', '背景。', '',
    '## 二、项目实施过程', '', '过程。', '',
    '## 三、项目成果', '', '成果。', '',
    '## 四、问题与挑战', '', '问题。', '',
    '### 4.3 经验与不足', '', '经验。', '',
    '## 五、未来展望', '', '展望。', '',
    '## 六、结语', '', '结语。', '',
  ].join('\n'));

  it('is not a missing chapter but an information note on the section', () => {
    const analysis = analyzeText(text);
    assert.deepEqual(diagnosticsOf(analysis, 'missing-chapter'), []);
    const [note, ...rest] = diagnosticsOf(analysis, 'covered-by-section');
    assert.deepEqual(rest, []);
    assert.deepEqual([note!.severity, textOf(text, note!), lineOf(text, note!.start)], ['information', '### 4.3 经验与不足', 19]);
    assert.equal(note!.message, '“经验教训” has no chapter of its own: the section “4.3 经验与不足” in “四、问题与挑战” covers it.');
    assert.deepEqual(analysis.covered.map((c) => c.slot.id), ['lessons']);
    assert.deepEqual(analysis.missing, []);
  });

  it('follows the setting: off silences it, warning raises it', () => {
    assert.deepEqual(diagnosticsOf(analyzeText(text, undefined, { coveredBySectionSeverity: 'off' }), 'covered-by-section'), []);
    assert.equal(diagnosticsOf(analyzeText(text, undefined, { coveredBySectionSeverity: 'warning' }), 'covered-by-section')[0]!.severity, 'warning');
  });

  it('is still a missing chapter when no section names the slot', () => {
    const without = text.replace('### 4.3 经验与不足', '### 4.3 其他');
    assert.deepEqual(diagnosticsOf(analyzeText(without), 'missing-chapter').map((d) => d.data), [{ kind: 'missing-chapter', slot: 'lessons', insertAt: without.indexOf('## 五、未来展望') }]);
  });
});

describe('recognition: the evidence in the hover', () => {
  it('names the heading term, the sections and the KPI table that decided', () => {
    const text = report([
      '## 一、项目背景与目标', '', '目标是满意度达到90%。', '',
      '## 二、项目实施过程', '', '过程。', '',
      '## 三、实验结果', '', '### 3.1 指标', '',
      '| 指标 | 目标值 | 实际值 |', '| --- | --- | --- |', '| 满意度 | 90% | 92% |', '',
    ].join('\n'));
    const analysis = analyzeText(text);
    const at = text.indexOf('三、实验结果');
    const en = provideHover(analysis, at, 'en')!.markdown;
    assert.ok(en.includes('**Results and Benefits** `results`'), en);
    assert.ok(en.includes('Recognised by: the heading says “实验结果”; the section “3.1 指标”; a KPI table with actual values in “3.1 指标”.'), en);
    const zh = provideHover(analysis, at, 'zh-cn')!.markdown;
    assert.ok(zh.includes('识别依据：标题含“实验结果”；小节“3.1 指标”；“3.1 指标”中的含实际值的 KPI 表。'), zh);
  });
});
