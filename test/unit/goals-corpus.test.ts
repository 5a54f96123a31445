/**
 * The goals of the three seed reports against the reference table of CORPUS-README.md ("Goals (goals
 * chapter) vs outcomes (results chapter)"): every goal is found at its line with its exact text, none is
 * `met` (the README can tell none of them), and the outcome found is one the README names. The claims of
 * success over `XX` are unsupported; the seeds have no tables, so no table or missed-goal diagnostics.
 */
import * as assert from 'node:assert/strict';
import { buildGoalCheck, type GoalCheck, type ReportAnalysis, type Verdict } from '../../server/src/core/index.js';
import { analyzeText, diagnosticsOf, lineOf, readFixture, textsByLine } from './util.js';

interface ReferenceGoal {
  readonly line: number;
  /** Exactly as the README quotes it. */
  readonly text: string;
  /** The metric name the engine should give; only for goals with a figure. */
  readonly metric?: string;
  /** Lines of the outcomes the README names for it (empty: none in the results chapter). */
  readonly outcomes: readonly number[];
  readonly verdict: Verdict;
  readonly reason?: string;
}

const seed1: readonly ReferenceGoal[] = [
  { line: 7, text: '实现财务、供应链、生产、销售、客户关系管理(CRM)五大核心业务模块的无缝集成', outcomes: [], verdict: 'no-outcome' },
  { line: 7, text: '建立统一的数据标准与数据治理体系,确保数据的准确性与一致性', outcomes: [67], verdict: 'unverifiable', reason: 'no-number' },
  { line: 7, text: '优化关键业务流程,提升审批效率与资源利用率', outcomes: [66, 79, 80], verdict: 'unverifiable', reason: 'no-number' },
  { line: 7, text: '为管理层提供实时、精准的经营数据分析与决策支持', outcomes: [68], verdict: 'unverifiable', reason: 'no-number' },
  { line: 7, text: '提升整体运营效率,降低运营成本', outcomes: [81, 74], verdict: 'unverifiable', reason: 'no-number' },
  { line: 7, text: '为未来业务扩展提供灵活可伸缩的系统平台', outcomes: [], verdict: 'no-outcome' },
];

const seed2: readonly ReferenceGoal[] = [
  { line: 9, text: '市场渗透: 在目标区域市场实现产品/服务的有效覆盖与销售网络的搭建,争取在数月内达到XX%的市场渗透率。', metric: '市场渗透率', outcomes: [84], verdict: 'unverifiable', reason: 'placeholder' },
  { line: 10, text: '品牌认知: 显著提升公司品牌在目标区域消费者心中的知名度与美誉度,预期品牌认知度提升XX%。', metric: '品牌认知度', outcomes: [90], verdict: 'unverifiable', reason: 'placeholder' },
  { line: 11, text: '销售增长: 在目标区域实现销售业绩的突破,在项目周期内达成XX万元的销售额目标。', metric: '销售额', outcomes: [85], verdict: 'unverifiable', reason: 'placeholder' },
  { line: 12, text: '渠道建立: 成功建立并运营数家核心销售渠道合作伙伴,形成稳定的分销体系。', metric: '核心销售渠道合作伙伴', outcomes: [102], verdict: 'unverifiable', reason: 'vague' },
];

const seed3: readonly ReferenceGoal[] = [
  { line: 9, text: '流程效率提升: 识别并优化数个核心业务流程(如采购审批、报销流程、项目立项审批等),使流程周期平均缩短XX%。', metric: '流程周期', outcomes: [95, 96, 97], verdict: 'unverifiable', reason: 'placeholder' },
  { line: 10, text: '成本节约: 通过流程优化,减少不必要的资源消耗与人工干预,预期每年节约运营成本XX万元。', metric: '运营成本节约', outcomes: [102, 103], verdict: 'unverifiable', reason: 'placeholder' },
  { line: 11, text: '员工满意度: 提升员工对新流程的满意度与接受度,降低因流程复杂导致的抱怨,预期满意度达到XX%以上。', metric: '满意度', outcomes: [113], verdict: 'unverifiable', reason: 'placeholder' },
  { line: 12, text: '数据准确性与透明度: 建立统一的流程管理平台,实现流程状态的实时追踪与数据可视化,提升决策的及时性与准确性。', outcomes: [118, 108], verdict: 'unverifiable', reason: 'no-number' },
];

interface Seed {
  readonly file: string;
  readonly goals: readonly ReferenceGoal[];
  readonly shift: number;
  /** line → texts of the unsupported claims. */
  readonly claims: readonly (readonly [number, string])[];
}

const seeds: readonly Seed[] = [
  { file: 'corpus/seed-1-system-integration.md', goals: seed1, shift: 0, claims: [] },
  // L90 从XX%提升至XX%，增长了近XX个百分点，显著提升了品牌影响力: a softer claim, over the placeholders.
  { file: 'corpus/seed-2-market-expansion.md', goals: seed2, shift: 0, claims: [[84, '超出了初期设定的目标'], [85, '完成了既定销售目标'], [90, '显著提升']] },
  { file: 'corpus/seed-3-process-optimization.md', goals: seed3, shift: 0, claims: [[113, '远超项目预期目标']] },
  { file: 'corpus/seed-3-with-frontmatter.md', goals: seed3, shift: 12, claims: [[113, '远超项目预期目标']] },
];

for (const seed of seeds) {
  describe(`goals of ${seed.file} against CORPUS-README`, () => {
    let analysis: ReportAnalysis;
    let check: GoalCheck;
    before(() => {
      analysis = analyzeText(readFixture(seed.file));
      check = buildGoalCheck(analysis);
    });

    it('finds exactly the goals of the reference table, at their lines, with their exact text', () => {
      assert.deepEqual(
        check.goals.map((g) => [g.line, g.text]),
        seed.goals.map((g) => [g.line + seed.shift, g.text]),
      );
    });

    it('calls no goal met, and gives each the verdict and reason of the reference table', () => {
      assert.deepEqual(
        check.goals.map((g) => [g.line, g.verdict, g.reason ?? undefined]),
        seed.goals.map((g) => [g.line + seed.shift, g.verdict, g.reason]),
      );
      assert.equal(check.totals.met, 0);
      assert.equal(check.totals.missed, 0);
    });

    it('names the metric of every goal that has a figure', () => {
      check.goals.forEach((g, i) => {
        const expected = seed.goals[i]!.metric;
        if (expected) assert.equal(g.metric, expected, g.text);
      });
    });

    it('matches every goal with an outcome the README names, or with none where it names none', () => {
      check.goals.forEach((g, i) => {
        const allowed = seed.goals[i]!.outcomes.map((line) => line + seed.shift);
        if (allowed.length === 0) assert.equal(g.outcome, null, `${g.text} → ${g.outcome?.text}`);
        else assert.ok(g.outcome && allowed.includes(g.outcome.line), `${g.text} → ${g.outcome?.line}: ${g.outcome?.text}`);
      });
    });

    it('flags the claims of success over placeholders as unsupported, on the claim, and no other claim', () => {
      assert.deepEqual(
        [...textsByLine(analysis, 'unsupported-claim')],
        seed.claims.map(([line, text]) => [line + seed.shift, [text]]),
      );
    });

    it('has no KPI table, milestone table or missed-goal diagnostics (the seeds have no tables and no figures to miss)', () => {
      for (const code of ['kpi-table', 'milestone-table', 'goal-missed'] as const) assert.deepEqual(diagnosticsOf(analysis, code), [], code);
    });
  });
}

describe('goals of the seeds: the other goal diagnostics', () => {
  it('warns of no outcome for the two seed-1 goals the results chapter does not report on, on the goal', () => {
    const text = readFixture('corpus/seed-1-system-integration.md');
    const analysis = analyzeText(text);
    assert.deepEqual(
      diagnosticsOf(analysis, 'goal-no-outcome').map((d) => [lineOf(text, d.start), text.slice(d.start, d.end)]),
      [
        [7, '实现财务、供应链、生产、销售、客户关系管理(CRM)五大核心业务模块的无缝集成'],
        [7, '为未来业务扩展提供灵活可伸缩的系统平台'],
      ],
    );
  });

  it('reports the % goal of seed 2 against the 个百分点 outcome as a unit mismatch, on the outcome figure', () => {
    const analysis = analyzeText(readFixture('corpus/seed-2-market-expansion.md'));
    assert.deepEqual([...textsByLine(analysis, 'unit-mismatch')], [[90, ['XX个百分点']]]);
  });

  it('does not take the 远超预期 of seed 1 (costs and effort in the challenges and lessons chapters) for a claim of success', () => {
    const text = readFixture('corpus/seed-1-system-integration.md');
    assert.ok(text.split('\n')[104]!.includes('远超预期') && text.split('\n')[118]!.includes('远超预期'));
    assert.deepEqual(diagnosticsOf(analyzeText(text), 'unsupported-claim'), []);
  });

  it('splits the enumeration of seed 1 at ；and at ，并 — six goals, the fifth and sixth apart', () => {
    const goals = buildGoalCheck(analyzeText(readFixture('corpus/seed-1-system-integration.md'))).goals;
    assert.equal(goals.length, 6);
    assert.equal(goals[4]!.text, '提升整体运营效率,降低运营成本');
    assert.equal(goals[5]!.text, '为未来业务扩展提供灵活可伸缩的系统平台');
  });
});
