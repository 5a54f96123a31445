import * as assert from 'node:assert/strict';
import { emptySections } from '../../server/src/core/report/chapters.js';
import { analyzeText, chapters, diagnosticsOf, lineOf, readFixture, report, textOf } from './util.js';

const seed1 = readFixture('corpus/seed-1-system-integration.md');

/** Seed 1 without 第七章 经验教训 (lines 115–140). */
function seed1WithoutLessons(): string {
  const lines = seed1.split('\n');
  assert.equal(lines[114], '## 第七章 经验教训');
  assert.equal(lines[140], '## 第八章 未来展望与建议');
  return [...lines.slice(0, 114), ...lines.slice(140)].join('\n');
}

/** The seven required chapters of the generic schema, in order. */
const requiredTitles = ['项目背景与目标', '项目实施过程', '项目成果与效益', '存在问题与挑战', '经验教训', '未来展望与建议', '结语'] as const;

describe('structure: missing chapters', () => {
  it('reports a missing 经验教训 chapter after 存在问题与挑战', () => {
    const text = seed1WithoutLessons();
    const analysis = analyzeText(text);
    const missing = diagnosticsOf(analysis, 'missing-chapter');
    assert.equal(missing.length, 1, missing.map((d) => d.message).join('\n'));
    const [d] = missing as [(typeof missing)[number]];
    assert.equal(d.severity, 'warning');
    assert.deepEqual(d.data, { kind: 'missing-chapter', slot: 'lessons', insertAt: text.indexOf('## 第八章') });
    assert.ok(d.message.includes('第六章 存在问题与挑战'), d.message);
    assert.equal(textOf(text, d), '## 第六章 存在问题与挑战', 'the diagnostic stands on the chapter it follows');
    assert.deepEqual(analysis.missing.map((m) => [m.slot.id, m.after?.section.heading.text, m.before?.section.heading.text]), [
      ['lessons', '第六章 存在问题与挑战', '第八章 未来展望与建议'],
    ]);
  });

  it('names the missing chapter in Chinese when the locale is zh-cn', () => {
    const analysis = analyzeText(seed1WithoutLessons(), undefined, { locale: 'zh-cn' });
    const [d] = diagnosticsOf(analysis, 'missing-chapter');
    assert.ok(d);
    assert.ok(d.message.includes('经验教训'), d.message);
    assert.ok(d.message.includes('第六章 存在问题与挑战'), d.message);
  });

  it('puts a missing first chapter before the first chapter', () => {
    const text = report(chapters(...requiredTitles.slice(1)));
    const analysis = analyzeText(text);
    const [d, ...others] = diagnosticsOf(analysis, 'missing-chapter');
    assert.deepEqual(others, []);
    assert.ok(d);
    assert.deepEqual(d.data, { kind: 'missing-chapter', slot: 'goals', insertAt: text.indexOf('## 项目实施过程') });
    assert.ok(d.message.includes('项目实施过程'), d.message);
  });

  it('puts a missing last chapter at the end of the document', () => {
    const text = report(chapters(...requiredTitles.slice(0, -1)));
    const analysis = analyzeText(text);
    const missing = diagnosticsOf(analysis, 'missing-chapter');
    assert.deepEqual(missing.map((d) => d.data), [{ kind: 'missing-chapter', slot: 'conclusion', insertAt: text.length }]);
  });

  it('reports every required chapter of a report that has a title and no chapters', () => {
    const text = '# 项目总结报告\n\n只有一段话。\n';
    const analysis = analyzeText(text);
    assert.equal(analysis.isReport, true);
    const missing = diagnosticsOf(analysis, 'missing-chapter');
    assert.deepEqual(
      missing.map((d) => (d.data?.kind === 'missing-chapter' ? d.data.slot : '')),
      ['goals', 'implementation', 'results', 'challenges', 'lessons', 'outlook', 'conclusion'],
    );
    for (const d of missing) {
      assert.equal(textOf(text, d), '# 项目总结报告', 'with no chapter to point at, the title is used');
      assert.equal(d.data?.kind === 'missing-chapter' && d.data.insertAt, text.length);
    }
  });

  it('gives an empty document no diagnostics, and only missing chapters when it must be a report', () => {
    const auto = analyzeText('');
    assert.equal(auto.isReport, false);
    assert.deepEqual(auto.diagnostics, []);
    const always = analyzeText('', undefined, { reportDetection: 'always' });
    assert.equal(always.isReport, true);
    assert.deepEqual(always.diagnostics.map((d) => [d.code, d.start, d.end]), Array(7).fill(['missing-chapter', 0, 0]));
  });
});

describe('structure: chapter order', () => {
  it('reports the earlier of two swapped chapters: the one put ahead of its place', () => {
    const text = report(chapters('第一章 项目背景与目标', '第二章 项目实施过程', '第三章 存在问题与挑战', '第四章 项目成果与效益', '第五章 经验教训', '第六章 未来展望与建议', '第七章 结语'));
    const analysis = analyzeText(text);
    const order = diagnosticsOf(analysis, 'chapter-order');
    assert.equal(order.length, 1, order.map((d) => d.message).join('\n'));
    assert.equal(textOf(text, order[0]!), '## 第三章 存在问题与挑战');
    assert.ok(order[0]!.message.includes('after “第四章 项目成果与效益”'), order[0]!.message);
    assert.deepEqual(diagnosticsOf(analysis, 'missing-chapter'), []);
  });

  it('reports seed 1 with 第三章 and 第四章 swapped', () => {
    const lines = seed1.split('\n');
    const swapped = [...lines.slice(0, 43), ...lines.slice(61, 82), ...lines.slice(43, 61), ...lines.slice(82)].join('\n');
    const analysis = analyzeText(swapped);
    const order = diagnosticsOf(analysis, 'chapter-order');
    assert.equal(order.length, 1, order.map((d) => d.message).join('\n'));
    assert.ok(textOf(swapped, order[0]!).includes('项目成果与效益'), 'the results chapter, put before the implementation');
  });

  it('accepts the optional chapters anywhere between implementation and outlook', () => {
    const orders = [
      ['项目背景与目标', '项目实施过程', '项目管理与控制', '项目资源与投入', '成功要素分析', '项目成果与效益', '存在问题与挑战', '经验教训', '未来展望与建议', '结语'],
      ['项目背景与目标', '项目实施过程', '项目成果与效益', '项目管理与控制', '存在问题与挑战', '项目资源与投入', '经验教训', '成功要素分析', '未来展望与建议', '结语'],
      ['项目背景与目标', '项目概述', '项目实施过程', '项目成果与效益', '存在问题与挑战', '经验教训', '成功要素分析', '项目资源与投入', '项目管理与控制', '未来展望与建议', '结语'],
    ];
    for (const order of orders) {
      const analysis = analyzeText(report(chapters(...order)));
      assert.deepEqual(diagnosticsOf(analysis, 'chapter-order').map((d) => d.message), [], order.join(' → '));
    }
  });

  for (const optional of ['项目管理与控制', '项目资源与投入', '成功要素分析']) {
    it(`reports ${optional} before implementation as out of order`, () => {
      const text = report(chapters('项目背景与目标', optional, ...requiredTitles.slice(1)));
      const order = diagnosticsOf(analyzeText(text), 'chapter-order');
      assert.equal(order.length, 1);
      assert.equal(textOf(text, order[0]!), `## ${optional}`);
      assert.ok(order[0]!.message.includes('项目实施过程'), order[0]!.message);
    });
  }

  it('reports an optional chapter after the outlook as out of order', () => {
    const text = report(chapters(...requiredTitles.slice(0, 6), '成功要素分析', '结语'));
    const order = diagnosticsOf(analyzeText(text), 'chapter-order');
    assert.equal(order.length, 1);
    assert.equal(textOf(text, order[0]!), '## 成功要素分析');
  });
});

describe('structure: duplicate chapters', () => {
  it('reports the second chapter with the same title', () => {
    const text = report(chapters(...requiredTitles.slice(0, 5), '经验教训', ...requiredTitles.slice(5)));
    const duplicates = diagnosticsOf(analyzeText(text), 'duplicate-chapter');
    assert.equal(duplicates.length, 1);
    assert.equal(lineOf(text, duplicates[0]!.start), 23);
    assert.equal(textOf(text, duplicates[0]!), '## 经验教训');
  });

  it('compares titles without their numbering', () => {
    const text = report(chapters('第一章 项目背景与目标', '第二章 项目实施过程', '第三章 项目实施过程'));
    const duplicates = diagnosticsOf(analyzeText(text), 'duplicate-chapter');
    assert.deepEqual(duplicates.map((d) => textOf(text, d)), ['## 第三章 项目实施过程']);
  });
});

describe('structure: empty sections', () => {
  const text = [
    '# 项目总结报告',
    '',
    '## 项目背景与目标', // 3: nothing under it
    '',
    '## 项目实施过程', // 5: only an HTML comment
    '',
    '<!-- 按阶段叙述做了什么 -->',
    '',
    '## 项目成果与效益', // 9: only sections
    '',
    '### 成果一', // 11
    '',
    '内容。',
    '',
    '### 成果二', // 15: empty
    '',
    '## 存在问题与挑战',
    '',
    '问题。',
    '',
  ].join('\n');
  const analysis = analyzeText(text, undefined, { reportDetection: 'always' });
  const empty = diagnosticsOf(analysis, 'empty-section');

  it('finds every heading with nothing under it, even with an HTML comment', () => {
    assert.deepEqual(emptySections(analysis.model.chapters).map((s) => [lineOf(text, s.start), s.heading.text]), [
      [3, '项目背景与目标'],
      [5, '项目实施过程'],
      [15, '成果二'],
    ]);
  });

  it('gives several empty sections one information note on the first, not one problem each', () => {
    assert.deepEqual(empty.map((d) => [lineOf(text, d.start), textOf(text, d), d.severity]), [[3, '## 项目背景与目标', 'information']]);
    assert.equal(empty[0]!.message, '3 sections have no content yet, from “项目背景与目标” on: the Report Checklist lists them.');
  });

  it('names a single empty section where it is', () => {
    const one = text.replace('## 项目背景与目标\n', '## 项目背景与目标\n\n背景。\n').replace('<!-- 按阶段叙述做了什么 -->', '过程。');
    const [d, ...rest] = diagnosticsOf(analyzeText(one, undefined, { reportDetection: 'always', locale: 'en' }), 'empty-section');
    assert.deepEqual(rest, []);
    assert.deepEqual([lineOf(one, d!.start), d!.message], [17, '“成果二” has no content yet.']);
  });

  it('does not report a chapter whose content is its sections', () => {
    assert.ok(!empty.some((d) => lineOf(text, d.start) === 9));
  });
});
