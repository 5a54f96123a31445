/**
 * Goals with real figures against their outcomes: directions, units, conversions, synonyms, ranges,
 * baselines, placeholders and vague targets, in a Chinese report, an English one, front matter goals and
 * the example reports.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildGoalCheck, type GoalCheckRow, type ReportAnalysis } from '../../server/src/core/index.js';
import { analyzeText, diagnosticsOf, lineOf, readFixture, report, targetVerdicts, textsByLine, textsOf } from './util.js';

/** [goal line, metric, direction, verdict, reason or achievement, outcome line or null] */
type Row = readonly [number, string, string, string, string | number | null, number | null];

function rows(check: readonly GoalCheckRow[]): Row[] {
  return check.map((g) => [g.line, g.metric, g.target?.direction ?? '-', g.verdict, g.reason ?? g.achievement, g.outcome?.line ?? null]);
}

/** The goal check's rows of a report with this body (and title). */
function goalsOf(body: string, title?: string): readonly GoalCheckRow[] {
  return buildGoalCheck(analyzeText(report(body, title))).goals;
}

function goalAt(analysis: ReportAnalysis, line: number): GoalCheckRow {
  const goal = buildGoalCheck(analysis).goals.find((g) => g.line === line);
  assert.ok(goal, `no goal on line ${line}`);
  return goal;
}

describe('goals: a Chinese report with every kind of target', () => {
  const text = readFixture('goals/政务服务流程再造项目总结报告.md');
  const analysis = analyzeText(text);

  it('reads every goal with its metric, direction, verdict, achievement or reason, and outcome line', () => {
    assert.deepEqual(rows(buildGoalCheck(analysis).goals), [
      [13, '企业开办审批周期', 'at-most', 'met', 1.2, 43], // 审批周期 goal, 流程周期 outcome (a synonym); 3 vs 2.5 个工作日
      [14, '一网通办率', 'at-least', 'met', 1.028, 44],
      [15, '群众满意度', 'increase-by', 'missed', 0.6, 54], // +5 个百分点 wanted, 88% → 91% is +3
      [16, '年调用量', 'at-least', 'met', 1.125, 45], // 1,200万次 vs 1,350万次
      [17, '核心接口平均响应时间', 'at-most', 'met', 1.19, 46], // 500ms vs 0.42秒
      [18, '项目投资', 'at-most', 'met', 1.017, 55], // 1.2亿元 vs 11,800万元
      [19, '等候时间', 'decrease-by', 'met', 1.167, 47], // −30% wanted, 40 → 26 分钟 is −35%
      [20, '数据共享', 'at-least', 'unverifiable', 'placeholder', 56], // XX个部门
      [21, '新增自助终端', 'at-least', 'unverifiable', 'vague', 57], // 数十台
      [22, '证照办理时限', 'at-most', 'met', 1.333, 48], // 两个工作日 (Chinese numeral) vs 1.5个工作日
      [23, '网办率', 'increase-by', 'unverifiable', 'unit-mismatch', 49], // 提升20% vs 提高了15个百分点
      [24, '历史档案数字化', 'at-least', 'no-outcome', null, null], // only the outlook mentions it, as a plan
      [25, '窗口人员配置', 'equal', 'met', 1.029, 58], // 60至80人 vs 72人 (from the middle, 70)
      [26, '建设周期', 'at-most', 'met', 1, 59], // 18个月 vs 1.5年
      [27, '培训周期', 'at-most', 'met', 1.4, 60], // 两周 vs 10天
      [28, '存储容量', 'at-least', 'met', 1.2, 61], // 500TB vs 0.6PB
      [29, '自助办理率', 'equal', 'met', 1, 62], // 60%–70% vs 约65%
      [30, '证照寄送时间', 'at-most', 'unverifiable', 'unit-mismatch', 50], // 3个工作日 vs 4天: never converted
      [31, '数据中心能耗', 'decrease-by', 'met', 1.111, 63], // −15% wanted, 420 → 350万千瓦时 is −16.7%
    ]);
  });

  it('matches the 审批周期 goal with the outcome that calls it 流程周期', () => {
    const goal = goalAt(analysis, 13);
    assert.equal(goal.outcome!.text, '流程周期：企业开办的流程周期由5个工作日缩短至2.5个工作日。');
    assert.deepEqual([goal.target!.value, goal.target!.unit, goal.target!.baseline!.text], [3, '个工作日', '5个工作日']);
    assert.deepEqual([goal.outcome!.value, goal.outcome!.baseline!.value], [2.5, 5]);
  });

  it('flags the placeholder and the vague target, not their outcomes', () => {
    assert.deepEqual([goalAt(analysis, 20).target!.placeholder, goalAt(analysis, 20).outcome!.value], [true, 32]);
    assert.deepEqual([goalAt(analysis, 21).target!.vague, goalAt(analysis, 21).outcome!.value], [true, 45]);
  });

  it('reports the missed goal the report does not admit, on the goal, as information', () => {
    const [d] = diagnosticsOf(analysis, 'goal-missed');
    assert.deepEqual([diagnosticsOf(analysis, 'goal-missed').length, lineOf(text, d!.start), d!.severity], [1, 15, 'information']);
    assert.ok(d!.message.includes('60%') && d!.message.includes('line 54'), d!.message);
  });

  it('warns of the goal with no outcome, on the goal', () => {
    assert.deepEqual([...textsByLine(analysis, 'goal-no-outcome')], [[24, ['档案数字化：完成历史档案数字化10万卷；']]]);
  });

  it('warns of the two outcomes in units the goal cannot be compared with, on the figure', () => {
    assert.deepEqual([...textsByLine(analysis, 'unit-mismatch')], [[49, ['15个百分点']], [50, ['4天']]]);
  });

  it('backs a claim with its figure, and rejects one with no figure or one the missed goal contradicts', () => {
    assert.deepEqual([...textsByLine(analysis, 'unsupported-claim')], [[79, ['达到预期']]]);
    assert.deepEqual([...textsByLine(analysis, 'status-contradiction')], [[54, ['完成了既定目标']]]);
    const supported = text.split('\n')[43]!;
    assert.ok(supported.includes('超出了初期设定的目标'), 'line 44 claims success with a figure that meets its goal');
  });

  it('writes its messages in Chinese for zh-cn', () => {
    const zh = analyzeText(text, undefined, { locale: 'zh-cn' });
    const [missed] = diagnosticsOf(zh, 'goal-missed');
    assert.ok(missed!.message.startsWith('目标“群众满意度”未达成'), missed!.message);
    const [points] = diagnosticsOf(zh, 'unit-mismatch');
    assert.ok(points!.message.includes('百分点与百分比是不同的度量'), points!.message);
  });
});

describe('goals: an English report', () => {
  const text = readFixture('goals/bike-share-closure-report.md');
  const analysis = analyzeText(text);

  it('reads every goal with its metric, direction, verdict and outcome', () => {
    assert.deepEqual(rows(buildGoalCheck(analysis).goals), [
      [9, 'Paid registrations', 'at-least', 'met', 1.17, 29], // matched with "Ticket sales" (a synonym)
      [10, 'cost per trip', 'decrease-by', 'met', 1.167, 30], // −15% wanted, €2.40 → €1.98 is −17.5%
      [11, 'Fleet availability', 'at-least', 'missed', 0.98, 31],
      [12, 'Sponsorship revenue', 'at-least', 'missed', 0.8, 32], // $1.5M vs USD 1.2 million
      [13, 'Rebalancing time', 'at-most', 'met', 1.25, 33], // 45 minutes vs 0.6 hours
      [14, 'Launch budget', 'at-most', 'missed', 0.974, 34], // EUR 4.5 million vs €4.62M
      [15, 'Customer satisfaction', 'at-least', 'unverifiable', 'placeholder', 35],
      [16, 'App downloads', 'at-least', 'unverifiable', 'vague', 36], // "several thousand"
      [17, 'Data residency', '-', 'no-outcome', null, null],
    ]);
  });

  it('reports the missed goals the report does not admit, and not the one it calls "short of the target"', () => {
    assert.deepEqual(diagnosticsOf(analysis, 'goal-missed').map((d) => lineOf(text, d.start)), [11, 14]);
    assert.equal(goalAt(analysis, 12).acknowledged, true);
  });

  it('flags the claims over a placeholder and with no figure', () => {
    assert.deepEqual([...textsByLine(analysis, 'unsupported-claim')], [[35, ['exceeding the target']], [52, ['met all our targets']]]);
  });
});

describe('goals: front matter goals', () => {
  const text = readFixture('goals/frontmatter-goals.md');
  const analysis = analyzeText(text);

  it('reads objects {metric, target, unit, direction} and strings as goals, placed in the front matter', () => {
    assert.deepEqual(rows(buildGoalCheck(analysis).goals), [
      [5, '颗粒物 CADR', 'at-least', 'met', 1.047, 30],
      [9, '整机噪声', 'at-most', 'met', 1.047, 31],
      [12, '量产良率', 'at-least', 'unverifiable', 'placeholder', 32],
      [14, '上市时间', '-', 'no-outcome', null, null],
      [15, '单台物料成本', 'at-most', 'met', 1.019, 33],
    ]);
  });

  it('gives the JSON shape of the CLI: target value, unit and direction, outcome line, text, value and unit', () => {
    const goal = goalAt(analysis, 5);
    assert.deepEqual(
      { value: goal.target!.value, unit: goal.target!.unit, direction: goal.target!.direction, placeholder: goal.target!.placeholder },
      { value: 600, unit: 'm³/h', direction: 'at-least', placeholder: false },
    );
    assert.deepEqual([goal.outcome!.line, goal.outcome!.value, goal.outcome!.unit, goal.achievement], [30, 628, 'm³/h', 1.047]);
  });
});

describe('goals: the example reports', () => {
  const examples = path.join(process.cwd(), 'examples');
  const read = (name: string) => analyzeText(fs.readFileSync(path.join(examples, name), 'utf8'), `file:///examples/${name}`);

  it('leaves the clean example without a single diagnostic, though one goal was missed: the report admits it', () => {
    const analysis = read('clean-项目总结报告.md');
    assert.deepEqual(analysis.diagnostics, []);
    const check = buildGoalCheck(analysis);
    assert.deepEqual(check.totals, { met: 5, missed: 1, unverifiable: 0, noOutcome: 0 });
    const missed = check.goals.find((g) => g.verdict === 'missed')!;
    assert.deepEqual([missed.metric, missed.achievement, missed.acknowledged], ['入职半年内流失率', 0.962, true]);
  });

  it('matches every goal of the examples with its KPI table row', () => {
    for (const [name, totals] of [
      // The sixth goal's deadline (2024年11月底前完成两个厂区的切换上线) is met by the milestone table's 2024-11-08;
      // the first goal's 12类业务数据 is a count of its own, which 4.1 reports (12类业务数据实现自动同步; 38个 are
      // interfaces); the KPI row 质检数据录入差错率 (0.5%以下, XX%) sets a goal no chapter states.
      ['系统集成项目总结报告.md', { met: 7, missed: 1, unverifiable: 1, noOutcome: 0 }],
      ['市场拓展项目总结报告.md', { met: 3, missed: 3, unverifiable: 1, noOutcome: 0 }],
      ['流程优化项目总结报告.md', { met: 3, missed: 1, unverifiable: 1, noOutcome: 0 }],
      ['generic-closure-report.md', { met: 2, missed: 2, unverifiable: 1, noOutcome: 0 }],
    ] as const) {
      const check = buildGoalCheck(read(name));
      assert.deepEqual(check.totals, totals, name);
      // A goal with a row of its own in the KPI or milestone table is judged on that row.
      for (const goal of check.goals.filter((g) => g.verdict === 'met' || g.verdict === 'missed')) {
        const own = goal.target?.direction === 'at-most' && /前$/u.test(goal.target.text) ? 'milestone-table' : /12类/u.test(goal.text) ? 'results' : 'kpi-table';
        assert.equal(goal.outcome?.source, own, `${name}: ${goal.text}`);
      }
    }
  });

  it('has no error-level diagnostic in any example, so the demo exits 0', () => {
    for (const name of fs.readdirSync(examples).filter((f) => f.endsWith('.md'))) {
      assert.deepEqual(read(name).diagnostics.filter((d) => d.severity === 'error'), [], name);
    }
  });
});

describe('goals: where goals are read from', () => {
  it('reads the list after a goal lead-in, not the list of problems before it', () => {
    const text = report(
      '## 一、项目背景与目标\n\n现状问题：\n\n- 审批环节多达8个；\n- 平均耗时12天。\n\n项目目标：\n\n- 审批环节精简至4个；\n- 平均耗时缩短至5天以内。\n\n' +
        '## 二、主要成效\n\n审批环节由8个精简至3个，平均耗时由12天降至4.5天。\n',
    );
    assert.deepEqual(rows(buildGoalCheck(analyzeText(text)).goals), [
      [12, '审批环节', 'at-most', 'met', 1.333, 17],
      [13, '耗时', 'at-most', 'met', 1.111, 17],
    ]);
  });

  it('splits a goal sentence with several targets into one goal per target, keeping a deadline with its target', () => {
    const text = report('## 项目背景与目标\n\n项目目标是到2024年底，将平均处理时长缩短至5分钟以内，并将一次解决率提升至85%以上。\n\n## 项目成果\n\n平均处理时长为4.8分钟，一次解决率达到86%。\n');
    const goals = buildGoalCheck(analyzeText(text)).goals;
    assert.deepEqual(goals.map((g) => [g.text, g.verdict]), [
      ['项目目标是到2024年底，将平均处理时长缩短至5分钟以内', 'met'],
      ['将一次解决率提升至85%以上。', 'met'],
    ]);
  });

  it('reads goals of English prose, each with its metric, and a budget the report admits it overran', () => {
    const text = report(
      '## Background and Objectives\n\nOur goal was to cut average handling time by 20% and lift first-contact resolution to 85%. We also aimed to keep the project budget within $250,000.\n\n' +
        '## Results\n\nAverage handling time fell from 6.5 to 4.8 minutes. First-contact resolution reached 86%. The project cost $262,000, over budget by 5%.\n\n' +
        '## Conclusion\n\nThe project exceeded expectations.\n',
      'Project Closure Report',
    );
    const analysis = analyzeText(text);
    assert.deepEqual(
      buildGoalCheck(analysis).goals.map((g) => [g.metric, g.target?.text, g.verdict, g.achievement, g.acknowledged]),
      [
        ['handling time', 'cut 20%', 'met', 1.308, false],
        ['first-contact resolution', '85%', 'met', 1.012, false],
        ['project budget', 'within $250,000', 'missed', 0.954, true],
      ],
    );
    assert.deepEqual(diagnosticsOf(analysis, 'goal-missed'), []);
    assert.deepEqual([...textsByLine(analysis, 'unsupported-claim')], [[13, ['exceeded expectations']]]);
  });
});

describe('goals: a list of goals where no chapter states them', () => {
  const text = report(
    '2024 年，我局全面完成了年度各项目标任务。\n\n## 一、年度目标任务完成情况\n\n' +
      '年初确定的目标是：全年城镇新增就业 1.2 万人，帮助失业人员再就业 3,000 人，发放创业担保贷款 2 亿元，12333 热线一次接通率不低于 90%。\n\n' +
      '全年城镇新增就业 12,680 人。帮助失业人员再就业 2,860 人，完成年度目标。全年发放创业担保贷款 18,650 万元。热线一次接通率 91.5%。\n\n' +
      '## 二、存在的问题\n\n贷款发放进度较慢。全局 132 项事项全部实现网上可办，其中 98 项实现全程网办。\n\n' +
      '## 三、明年工作打算\n\n明年的目标是：新增就业 1.25 万人以上。\n',
    '2024 年工作总结',
  );
  const analysis = analyzeText(text);

  it('reads the list that says it holds the goals, each figure with a unit a goal, and judges it by the sentences after, not by itself', () => {
    assert.deepEqual(
      targetVerdicts(analysis),
      [
        ['1.2 万人', 'met', '12,680 人'],
        ['3,000 人', 'missed', '2,860 人'],
        ['2 亿元', 'missed', '18,650 万元'],
        ['不低于 90%', 'met', '91.5%'],
      ],
    );
  });

  it('checks the claims before the first chapter, and counts no items that are not goals', () => {
    assert.deepEqual([...textsByLine(analysis, 'unsupported-claim')], [[3, ['全面完成了年度各项目标']]]);
    assert.deepEqual([...textsByLine(analysis, 'status-contradiction')], [[9, ['完成年度目标']]]);
  });
});

describe('goals: the part of the goals chapter that sets them', () => {
  const text = report(
    '## 一、项目概况与目标\n\n### 1.1 项目背景\n\n- 年初呆滞库存 6,850 万元；\n- 销售额同比增长 12%。\n\n### 1.2 项目目标\n\n本项目共设定 4 项考核目标。\n\n' +
      '**（一）成果类**\n\n- 申请发明专利 3 项；\n- 出水 COD ≤ 50 mg/L、氨氮 ≤ 5 mg/L；\n\n同时，项目期内安全事故 0 起。\n\n' +
      '## 二、项目成果\n\n申请发明专利 4 项。COD 均值 19.5 mg/L；氨氮最高 6.3 mg/L，比目标高 1.3 mg/L。项目期内发生安全事故 1 起。\n',
  );
  const goals = buildGoalCheck(analyzeText(text)).goals;

  it('takes every statement with a target there as a goal, with or without 目标, and not the background or the count of goals', () => {
    assert.deepEqual(goals.map((g) => [g.line, g.target?.text]), [
      [16, '3 项'],
      [17, '≤ 50 mg/L'],
      [17, '≤ 5 mg/L'],
      [19, '0 起'],
    ]);
  });

  it('reads the outcome, not the distance to the target, and a zero target as a ceiling', () => {
    assert.deepEqual(goals.map((g) => [g.verdict, g.target?.direction, g.outcome?.figure]), [
      ['met', 'at-least', '4 项'],
      ['met', 'at-most', '19.5 mg/L'],
      ['missed', 'at-most', '6.3 mg/L'],
      ['missed', 'at-most', '1 起'],
    ]);
  });

  it('takes a figure inside a rate\'s name (24 小时随访率) for part of the name, not the target', () => {
    const rate = buildGoalCheck(analyzeText(report('## 项目目标\n\n- 术后 24 小时随访率达到 100%。\n\n## 项目成果\n\n术后 24 小时随访率为 98.2%。\n'))).goals;
    assert.deepEqual(rate.map((g) => [g.target?.text, g.verdict, g.outcome?.figure]), [['100%', 'missed', '98.2%']]);
  });

  it('reads a count of nothing (未发生…事故, no … incidents) as 0 for a zero target, before another count beside it', () => {
    const zh = buildGoalCheck(analyzeText(report('## 项目目标\n\n- 较大及以上安全事故 0 起。\n\n## 项目成果\n\n施工期间未发生较大及以上安全事故，另发生一般安全事故 2 起。\n'))).goals;
    assert.deepEqual(zh.map((g) => [g.target?.direction, g.verdict, g.outcome?.figure]), [['at-most', 'met', '未发生较大及以上安全事故']]);
    const en = buildGoalCheck(
      analyzeText(report('## Objectives\n\n- Have zero data-loss incidents during the migration.\n\n## Results\n\nAcross 19.6 million requests we had no data-loss incidents.\n', 'Project Closure Report')),
    ).goals;
    assert.deepEqual(en.map((g) => [g.target?.direction, g.verdict, g.outcome?.figure]), [['at-most', 'met', 'no data-loss incidents']]);
  });
});

describe('goals: claims of success', () => {
  const claimsOf = (body: string) => [...textsByLine(analyzeText(report(body)), 'unsupported-claim')];

  it('flags a status cell that says met over a placeholder or words, not over a figure or a date', () => {
    const body =
      '## 项目目标\n\n- 满意度达到 90% 以上；\n\n## 项目成果\n\n| 指标 | 目标值 | 实际值 | 状态 |\n| --- | --- | --- | --- |\n' +
      '| 满意度 | 90% | XX% | 达成 |\n| 投诉量 | 下降 30% | 明显下降 | ✅ |\n| 响应时长 | 2 小时 | 1.5 小时 | 达成 |\n| 系统上线 | 2024-06-30 前 | 2024-06-18 | 完成 |\n';
    assert.deepEqual(claimsOf(body), [[11, ['达成']], [12, ['✅']]]);
  });

  it('flags a softer claim (大幅下降) over a placeholder only, and no cost that exceeded expectations', () => {
    const body =
      '## 项目目标\n\n- 投诉量下降 30%。\n\n## 项目成果\n\n投诉由 87 件下降至××件，投诉量大幅下降。处理时间从数天缩短至数小时，大幅提升了效率。\n\n' +
      '## 项目管理\n\n实施成本超出预期。各方协同效果超出预期。\n';
    assert.deepEqual(claimsOf(body), [[9, ['大幅下降']], [13, ['超出预期']]]);
  });
});

describe('goals: names', () => {
  it('takes a baseline in brackets after what the change is compared with (较 2022 年（86 项）下降 50%) for the change\'s baseline', () => {
    const [goal] = goalsOf('## 项目目标\n\n1. 年度偏差数量较 2022 年（86 项）下降 50% 以上。\n\n## 项目成果\n\n| 考核指标 | 目标值 | 实际完成值 | 完成情况 |\n| --- | --- | --- | --- |\n| 年度偏差数量 | 较 2022 年下降 ≥ 50% | 47 项 | 达成 |\n');
    assert.deepEqual([goal!.target?.baseline?.text, goal!.verdict, goal!.outcome?.figure], ['86 项', 'missed', '47 项']);
  });

  it('leaves what a metric is compared with out of its name (亩产较 2022 年提高 10%, 成本比上年降低 5%)', () => {
    const goals = goalsOf('## 项目目标\n\n- 粮食亩产较 2022 年提高 10% 以上；\n- 运维成本比上年降低 5%。\n\n## 项目成果\n\n粮食亩产提高 9%。运维成本降低 6%。\n');
    assert.deepEqual(goals.map((g) => [g.metric, g.verdict]), [['粮食亩产', 'missed'], ['运维成本', 'met']]);
  });
});

describe('goals: claims that count the goals met', () => {
  const body = (claim: string) =>
    `## Objectives\n\n1. Satisfaction of at least 90%.\n2. Turnaround within 3 days.\n3. At least 100 new customers.\n\n## Results\n\nSatisfaction was 93%. Turnaround was 4 days. We added 80 new customers.\n\n## Conclusion\n\n${claim}\n`;
  const claims = (claim: string) => textsByLine(analyzeText(report(body(claim), 'Closure Report')), 'unsupported-claim');

  it('flags a count of goals met that the figures do not allow, in words or digits, and not one they allow', () => {
    assert.deepEqual([...claims('Two of the three objectives have been met.').values()], [['Two of the three objectives have been met']]);
    assert.deepEqual([...claims('All objectives were met.').values()], [['All objectives were met']]);
    assert.deepEqual([...claims('One of the three objectives has been met.').values()], []);
    assert.deepEqual([...claims('The programme exceeded every one of its targets.').values()], [['exceeded every one of its targets']]);
    assert.deepEqual([...claims('The project delivered all of its objectives on time.').values()], [['delivered all of its objectives']]);
    // Satisfaction names one goal, which was met; "all" speaks for the others too, one of which was missed.
    assert.deepEqual([...claims('Satisfaction was high: we met all of our objectives.').values()], [['met all of our objectives']]);
    const zh = textsByLine(analyzeText(report('## 项目目标\n\n1. 满意度达到 90% 以上；\n2. 办理时长不超过 3 天。\n\n## 项目成果\n\n满意度为 93%。办理时长为 4 天。\n\n## 结语\n\n2 项考核目标中 2 项达成。\n')), 'unsupported-claim');
    assert.deepEqual([...zh.values()], [['2 项达成']]);
  });

  it('does not count a goal the report gives no figure for among those that may have been met', () => {
    const text = report(
      '## Objectives\n\n1. Satisfaction of at least 90%.\n2. Turnaround within 3 days.\n3. At least 100 new customers.\n4. Cut complaints by 20%.\n\n' +
        '## Results\n\nSatisfaction was 93%. Turnaround was 4 days. New customers: XX.\n\n## Conclusion\n\nThree of the four objectives have been met.\n',
      'Closure Report',
    );
    assert.deepEqual([...textsByLine(analyzeText(text), 'unsupported-claim').values()].flat(), ['Three of the four objectives have been met']);
  });
});

describe('goals: deadlines', () => {
  const check = (body: string, title?: string) => targetVerdicts(analyzeText(report(body, title)));

  it('judges a deadline against the day the results give, and a deadline beside an amount as a goal of its own', () => {
    assert.deepEqual(check('## 项目目标\n\n- 项目总投资控制在 680 万元以内，四个车间须于 2024 年 9 月 30 日前全部完成上线。\n\n## 项目成果\n\n项目总投资 652 万元。四个车间于 2024 年 10 月 21 日全部完成上线。\n'), [
      ['控制在 680 万元以内', 'met', '652 万元'],
      ['2024 年 9 月 30 日前', 'missed', '2024 年 10 月 21 日'],
    ]);
    assert.deepEqual(check('## Objectives\n\n- Cut over all production traffic by 31 August 2024.\n\n## Results\n\nThe final cutover of all production traffic ran on Saturday 17 August 2024.\n', 'Project Closure Report'), [
      ['31 August 2024', 'met', '17 August 2024'],
    ]);
  });

  it('takes the date the report gives for the deadline\'s event, the latest where it gives several, and no date of another event', () => {
    const zh = (done: string) => check(`## 项目目标\n\n- 新建高标准农田 2.5 万亩；\n- 于 2023 年 12 月底前全面完工。\n\n## 项目实施过程\n\n项目于 2023 年 3 月 8 日开工。${done}\n\n## 项目成果\n\n新建高标准农田 2.53 万亩。\n`);
    assert.deepEqual(zh('全部工程于 2023 年 11 月 28 日完工，2024 年 4 月通过县级初验。')[1], ['2023 年 12 月底前', 'met', '2023 年 11 月 28 日']);
    // 开工 is the start, not the completion the deadline is for.
    assert.deepEqual(zh('工程于 2024 年 2 月开始收尾。')[1]!.slice(0, 2), ['2023 年 12 月底前', 'no-outcome']);
    const en = check('## Objectives\n\n- Go live on all 28 wards by 31 March 2024.\n\n## Implementation\n\nWard 7 went live first in October 2023; the remaining wards went live in four waves. The last ward went live on 14 May 2024.\n\n## Results\n\nAll wards use the system.\n', 'Project Closure Report');
    assert.deepEqual(en, [['31 March 2024', 'missed', '14 May 2024']]);
  });

  it('takes the actual finish of a milestone row, not the plan named again, and keeps a bare completion with its target', () => {
    const milestones = '## 项目目标\n\n- 于 2024 年 6 月底前完成设备导入。\n\n## 项目实施过程\n\n| 阶段 | 计划完成 | 实际完成 |\n| --- | --- | --- |\n| 设备导入 | 2024-06-30 | 2024-06-24 |\n\n## 项目成果\n\n原计划 2024 年 6 月底前完成设备导入。\n';
    assert.deepEqual(check(milestones), [['2024 年 6 月底前', 'met', '2024-06-24']]);
    const bare = check('## Objectives\n\n- Shipping interruption: 2 days or less, to be completed by 30 September 2024.\n\n## Results\n\nThe shipping interruption lasted 1.5 days.\n', 'Project Closure Report');
    assert.deepEqual(bare, [['2 days or less', 'met', '1.5 days']]);
  });

  it('takes a past "by" date of a result for the day it was done by, not for the plan', () => {
    const body = (result: string) => `## Objectives\n\n- Reviewed runbooks for all Tier-1 services by the end of Q2 2024.\n\n## Results\n\n${result}\n`;
    assert.deepEqual(check(body('All 44 Tier-1 services had a reviewed runbook by 28 June 2024.'), 'Project Closure Report'), [['Q2 2024', 'met', '28 June 2024']]);
    assert.deepEqual(check(body('Reviewed runbooks for all Tier-1 services were planned by 28 June 2024.'), 'Project Closure Report').map((g) => g[1]), ['unverifiable']);
  });

  it('keeps the bound of a duration written in parts (within 1 h 20 min) and takes a window counted from an event for no target', () => {
    assert.deepEqual(check('## Objectives\n\n- Hot-water recovery within 1 h 20 min of the morning peak.\n\n## Results\n\nHot-water recovery took 95 minutes.\n', 'Project Closure Report'), [
      ['within 1 h 20 min', 'missed', '95 minutes'],
    ]);
    const window = check('## Objectives\n\n- Publish metadata within 48 hours of capture for at least 95% of items.\n\n## Results\n\nMetadata was published for 97% of items.\n', 'Project Closure Report');
    assert.deepEqual(window, [['at least 95%', 'met', '97%']]);
  });

  it('reads €4.46m and 个日历天, a ceiling named earlier in the clause (within the approved budget of), and "or better" of a metric better higher', () => {
    assert.deepEqual(check('## Objectives\n\n- Deliver the programme within the approved budget of $38.5 million.\n\n## Results\n\nTotal spending on the programme came to $41.2m.\n', 'Project Closure Report'), [
      ['$38.5 million', 'missed', '$41.2m'],
    ]);
    assert.deepEqual(check('## 项目目标\n\n- 单侧封闭时间不超过 90 个日历天。\n\n## 项目成果\n\n单侧封闭时间为 104 个日历天。\n'), [['不超过 90 个日历天', 'missed', '104 个日历天']]);
    assert.deepEqual(check('## Objectives\n\n- Achieve OCR character accuracy of 98% or better.\n\n## Results\n\nOCR character accuracy was 97.4%.\n', 'Project Closure Report'), [
      ['98%', 'missed', '97.4%'],
    ]);
  });

  it('names an English count by what it counts: 128 water points, not the 74 new boreholes among them', () => {
    assert.deepEqual(
      check('## Objectives\n\n- Water points constructed or rehabilitated: at least 120.\n\n## Results\n\nThe programme commissioned 128 water points: 74 new boreholes, 38 rehabilitated boreholes and 16 tanks.\n', 'Project Closure Report'),
      [['at least 120', 'met', '128']],
    );
  });

  it('reads ±2% as a ceiling, 2.0.0 as no number, and a goal by its abbreviation (SRM)', () => {
    assert.deepEqual(check('## 项目目标\n\n- 示值误差不超过 ±2%。\n\n## 项目成果\n\n示值误差为 1.3%。\n'), [['不超过 ±2%', 'met', '1.3%']]);
    assert.deepEqual(check('## Objectives\n\n- Ship 2.0.0 by 31 October 2024.\n\n## Results\n\nWe shipped 2.0.0 on 18 November 2024.\n', 'Project Closure Report'), [['31 October 2024', 'missed', '18 November 2024']]);
    assert.deepEqual(check('## 项目目标\n\n- 2024 年 6 月 30 日前完成供应商关系管理（SRM）系统上线。\n\n## 项目成果\n\n| 指标 | 目标值 | 实际值 |\n| --- | --- | --- |\n| SRM 系统上线 | 2024-06-30 前 | 2024-06-18 |\n'), [
      ['2024 年 6 月 30 日前', 'met', '2024-06-18'],
    ]);
  });
});

describe('goals: two figures that fit equally', () => {
  it('cannot tell where the outcome gives parts without saying they add up (博士 2 名、硕士 5 名 for 6 名)', () => {
    const [goal] = buildGoalCheck(analyzeText(report('## 项目目标\n\n- 培养研究生 6 名。\n\n## 项目成果\n\n项目共培养博士研究生 2 名、硕士研究生 5 名。\n'))).goals;
    assert.deepEqual([goal!.verdict, goal!.reason], ['unverifiable', 'inconclusive']);
  });
});

describe('goals: figures computed from what the report gives', () => {
  it('computes the result from a gap to the target (比目标值低 0.2 个百分点, 14 ms below target), and says so', () => {
    const zh = goalsOf('## 项目目标\n\n- 核心系统月度可用率不低于 99.95%；\n- 单次割接停机时间不超过 4 小时。\n\n## 项目成果\n\n核心系统月度可用率均值比目标值低 0.2 个百分点。单次停机时间最长比目标值少 40 分钟。\n');
    assert.deepEqual(zh.map((g) => [g.verdict, g.outcome?.figure, g.outcome?.computed]), [
      ['missed', '99.75%', { rule: 'gap', from: ['0.2 个百分点'] }],
      ['met', '3.33小时', { rule: 'gap', from: ['40 分钟'] }],
    ]);
    const en = goalsOf('## Objectives\n\n- Keep average response time within 200 ms.\n\n## Results\n\nAverage response time was 14 ms below target.\n', 'Project Closure Report');
    assert.deepEqual(en.map((g) => [g.verdict, g.outcome?.figure, g.evidence[0]?.computed?.rule]), [['met', '186 ms', 'gap']]);
  });

  it('reads a gap that names the target figure (距 30 kWh/t 的目标还差 0.8 kWh/t) as a gap, not as the result', () => {
    const [goal] = goalsOf('## 项目目标\n\n- 吨产品综合电耗不高于 30 kWh/t。\n\n## 项目成果\n\n吨产品综合电耗距 30 kWh/t 的目标还差 0.8 kWh/t。\n');
    assert.deepEqual([goal!.verdict, goal!.outcome?.computed?.rule], ['missed', 'gap']);
  });

  it('prefers the figure a statement writes to one computed from its gap ($262,000, over budget by 5%)', () => {
    const [goal] = goalsOf('## Objectives\n\n- Keep the project budget within $250,000.\n\n## Results\n\nThe project cost $262,000, over budget by 5%.\n', 'Project Closure Report');
    assert.deepEqual([goal!.verdict, goal!.outcome?.figure, goal!.outcome?.computed], ['missed', '$262,000', null]);
  });

  it('reads the actual figure of a KPI row from its deviation column, and reports a status the deviation contradicts', () => {
    const text = report(
      '## 项目目标\n\n- 系统可用率不低于 99.95%。\n\n## 项目成果\n\n| 指标 | 目标值 | 与目标偏差 | 状态 |\n| --- | --- | --- | --- |\n| 系统可用率 | ≥ 99.95% | 低 0.2 个百分点 | 达成 |\n| 平均响应时间 | ≤ 200 ms | −14 ms | 达成 |\n',
    );
    const analysis = analyzeText(text);
    // The second row sets a goal of its own, which no chapter states.
    assert.deepEqual(buildGoalCheck(analysis).goals.map((g) => [g.verdict, g.outcome?.figure]), [['missed', '99.75%'], ['met', '186 ms']]);
    assert.deepEqual([...textsByLine(analysis, 'status-contradiction')], [[11, ['达成']]]);
  });

  it('keeps an aside in brackets inside the name it qualifies, and a subject left unsaid with the figure after it', () => {
    const bracket = goalsOf('## 项目目标\n\n- 营销费用（含优惠券补贴、广告投放）总额控制在 360 万元以内。\n\n## 项目成果\n\n营销费用总额为 348.2 万元。\n');
    assert.deepEqual(bracket.map((g) => [g.metric, g.verdict]), [['营销费用总额', 'met']]);
    const unsaid = goalsOf('## 项目目标\n\n- 门诊患者满意度不低于 92%。\n\n## 项目成果\n\n门诊患者满意度为 93.8%，较上年同期提高 5.1 个百分点。\n');
    assert.deepEqual(unsaid.map((g) => [g.verdict, g.outcome?.figure]), [['met', '93.8%']]);
  });
});

describe('goals: weighing the evidence', () => {
  it('takes the KPI row that names the goal\'s target again, not one of another target', () => {
    const text = report(
      '## Objectives\n\n- Reconcile at least 99.5% of migrated records.\n- Achieve inventory accuracy of at least 98%.\n\n## Results\n\n' +
        '| KPI | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Migrated record reconciliation accuracy | ≥ 99.5% | 99.82% | Achieved |\n',
      'Project Closure Report',
    );
    assert.deepEqual(buildGoalCheck(analyzeText(text)).goals.map((g) => [g.target?.text, g.verdict, g.outcome?.line ?? null]), [
      ['at least 99.5%', 'met', 12],
      ['at least 98%', 'no-outcome', null],
    ]);
  });

  it('cannot tell where two statements that both name the goal well say met and missed', () => {
    const text = report(
      '## 项目目标\n\n- 客户投诉每季度不超过 3 次。\n\n## 项目成果\n\n| 指标 | 目标 | 实际 | 评价 |\n| --- | --- | --- | --- |\n| 客户投诉（次/季度） | ≤ 3 | 2 | 达成 |\n\n客户投诉每季度为 4 次。\n',
    );
    const [goal] = buildGoalCheck(analyzeText(text)).goals;
    assert.deepEqual([goal!.verdict, goal!.reason], ['unverifiable', 'inconclusive']);
  });

  it('takes a figure equal to the target for the result where it names the goal best and nothing makes it the plan', () => {
    const text = report(
      '## 一、项目目标\n\n1. 形成省级工法 2 项，申请专利 5 项。\n\n## 二、项目成果\n\n项目形成《围堰整体吊装施工工法》《线形监控施工工法》2 项省级工法，申请专利若干项。\n',
    );
    assert.deepEqual(targetVerdicts(analyzeText(text)), [
      ['2 项', 'met', '2 项'],
      ['5 项', 'unverifiable', '若干'],
    ]);
    const english = goalsOf('## Objectives\n\n- Migrate all 1,840 tenants.\n\n## Results\n\nWaves 1 to 3 moved 1,812 of the 1,840 tenants.\n', 'Closure Report');
    assert.deepEqual(english.map((g) => [g.verdict, g.outcome?.figure ?? null]), [['missed', '1,812']]);
  });

  it('takes no part of a whole (其中 3 个) for a statement against the whole\'s figure', () => {
    const text = report(
      '## 一、年度目标\n\n1. 新建街道综合养老服务中心 4 个。\n\n## 二、完成情况\n\n| 序号 | 指标 | 目标 | 实际 | 状态 |\n| --- | --- | --- | --- | --- |\n| 1 | 新建街道综合养老服务中心 | 4 个 | 4 个 | 已完成 |\n\n4 个新建街道综合养老服务中心全部建成，其中 3 个于 9 月底前投入运营。\n',
    );
    const [goal] = buildGoalCheck(analyzeText(text)).goals;
    assert.equal(goal!.verdict, 'met');
  });

  it('does not take an average within the target for every item within it, and takes one beyond it for a miss', () => {
    const goalText = '## Objectives\n\n- Train each water user committee within 90 days of commissioning.\n\n## Results\n\n';
    const within = goalsOf(`${goalText}The average time from commissioning to committee training was 74 days.\n`, 'Project Closure Report');
    assert.deepEqual(within.map((g) => [g.verdict, g.reason]), [['unverifiable', 'inconclusive']]);
    const beyond = goalsOf(`${goalText}The average time from commissioning to committee training was 104 days.\n`, 'Project Closure Report');
    assert.deepEqual(beyond.map((g) => g.verdict), ['missed']);
    const noEach = goalsOf('## Objectives\n\n- Train water user committees within 90 days of commissioning.\n\n## Results\n\nThe average time from commissioning to committee training was 74 days.\n', 'Project Closure Report');
    assert.deepEqual(noEach.map((g) => g.verdict), ['met']);
  });

  it('cannot tell, with a note rather than a warning, where a statement mentions the goal without naming it clearly', () => {
    const text = report('## 项目目标\n\n- 预约诊疗率 ≥ 75%。\n\n## 项目成果\n\n预约挂号患者已占门诊总人次的 81.5%。\n');
    const analysis = analyzeText(text);
    const [goal] = buildGoalCheck(analysis).goals;
    assert.deepEqual([goal!.verdict, goal!.reason, goal!.outcome, goal!.alternatives.map((a) => a.line)], ['unverifiable', 'unclear-outcome', null, [9]]);
    assert.deepEqual([...textsByLine(analysis, 'goal-unclear-outcome')], [[5, ['预约诊疗率 ≥ 75%。']]]);
    assert.deepEqual(diagnosticsOf(analysis, 'goal-no-outcome'), []);
  });

  it('reads the actual figures of a scorecard under the goals, and a ceiling from the words before a figure (within a budget of)', () => {
    const text = report(
      '## Summary\n\n### Goals\n\n- Reach a card payment success rate of at least 97.5%.\n- Deliver within a budget of 1,200 engineer-days.\n\n### Scorecard\n\n' +
        '| Goal | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Card payment success rate | ≥ 97.5% | 97.1% | Met |\n| Engineering effort | 1,200 engineer-days | 1,385 engineer-days | Missed |\n\n## Timeline\n\nWork started in January.\n',
      'Post-Mortem: Project Atlas',
    );
    const analysis = analyzeText(text);
    assert.deepEqual(buildGoalCheck(analysis).goals.map((g) => [g.target?.direction, g.verdict, g.outcome?.line ?? null]), [
      ['at-least', 'missed', 14],
      ['at-most', 'missed', 15],
    ]);
    assert.deepEqual([...textsByLine(analysis, 'status-contradiction')], [[14, ['Met']]]);
  });

  it('reads a signed actual of a KPI row as a change (+9 个百分点 against +8 个百分点)', () => {
    const text = report('## 项目目标\n\n- 品牌认知度提升 8 个百分点。\n\n## 项目成果\n\n| 指标 | 目标值 | 实际值 | 状态 |\n| --- | --- | --- | --- |\n| 品牌认知度提升 | +8 个百分点 | +9 个百分点 | 达成 |\n');
    assert.deepEqual(buildGoalCheck(analyzeText(text)).goals.map((g) => [g.verdict, g.achievement]), [['met', 1.125]]);
  });

  it('computes a share from a part of a whole (127 个系统中，124 个…; 11 of the 128 committees) for a goal in %', () => {
    const zh = goalsOf('## 项目目标\n\n- 应用系统迁移上云比例达到 100%。\n\n## 项目成果\n\n一期范围内的 127 个应用系统中，124 个已完成迁移上云，其余 3 个系统转入二期。\n');
    assert.deepEqual(zh.map((g) => [g.verdict, g.outcome?.figure, g.outcome?.computed]), [['missed', '97.6%', { rule: 'share', from: ['124 个', '127 个'] }]]);
    const en = goalsOf('## Objectives\n\n- At least 95% of committees trained on time.\n\n## Results\n\n117 of the 128 committees were trained on time.\n', 'Project Closure Report');
    assert.deepEqual(en.map((g) => [g.verdict, g.outcome?.figure]), [['missed', '91.4%']]);
  });

  it('takes the target of the goal, not a window of time or a number after "the" in its words', () => {
    const zh = goalsOf('## 项目目标\n\n- 结业后 3 个月内开设网店的学员不少于 600 人。\n\n## 项目成果\n\n已有 512 名学员在结业后 3 个月内开设网店。\n');
    assert.deepEqual(zh.map((g) => [g.target?.text, g.verdict, g.outcome?.figure]), [['不少于 600 人', 'missed', '512 名']]);
    const en = goalsOf('## Objectives\n\n- Reduce mean PM2.5 outside the 10 pilot schools by 15%.\n\n## Results\n\nMean PM2.5 outside the 10 pilot schools fell from 16.8 to 14.9 µg/m³.\n', 'Project Closure Report');
    assert.deepEqual(en.map((g) => [g.target?.text, g.verdict]), [['Reduce 15%', 'missed']]);
  });

  it('prefers a figure in a comparable unit to a better named one that is not (43,600 people beside "within 500 m")', () => {
    const text = report(
      '## Objectives\n\n| Indicator | Target |\n| --- | --- |\n| People with access to safe water within 500 m of home | at least 45,000 |\n\n## Results\n\nThe final evaluation estimates that 43,600 people now have access to safe water within 500 m of home.\n',
      'Project Closure Report',
    );
    assert.deepEqual(buildGoalCheck(analyzeText(text)).goals.map((g) => [g.verdict, g.outcome?.figure]), [['missed', '43,600']]);
  });

  it('reads a 结题 table (任务书要求 | 完成情况 | 是否完成), a negated result as nothing, and trusts a row that pairs target and actual', () => {
    const text = report(
      '## 一、考核目标\n\n- 申请发明专利 3 项，其中获得授权 1 项；制定企业标准 1 项。\n- 单件追溯时间不超过 30 分钟。\n\n## 二、考核指标完成情况\n\n' +
        '| 序号 | 考核指标 | 任务书要求 | 完成情况 | 是否完成 |\n| --- | --- | --- | --- | --- |\n| 1 | 申请发明专利 | 3 项 | 4 项 | 是 |\n| 2 | 单件追溯时间 | ≤ 30 分钟 | 约 8 分钟 | 是 |\n\n' +
        '项目执行期间申请发明专利 4 项，其中 2 项已进入实质审查阶段，尚未获得授权。\n',
    );
    assert.deepEqual(goalsOf(text.replace(/^# .*\n\n/u, '')).map((g) => [g.target?.text, g.verdict, g.outcome?.figure ?? null]), [
      ['3 项', 'met', '4 项'],
      ['1 项', 'missed', '尚未获得授权'],
      ['1 项', 'no-outcome', null],
      ['不超过 30 分钟', 'met', '8 分钟'],
    ]);
  });

  it('takes the status of a KPI row with the goal\'s own target as the report\'s word on the goal, and reports it where the figures say otherwise', () => {
    const text = report(
      '## 一、考核目标\n\n- 获得发明专利授权 1 项。\n\n## 二、考核指标完成情况\n\n| 序号 | 考核指标 | 任务书要求 | 完成情况 | 是否完成 |\n| --- | --- | --- | --- | --- |\n| 1 | 授权专利 | 1 项 | 2 项在审 | 是 |\n\n' +
        '项目期间申请发明专利 2 项，尚未获得授权。\n',
    );
    const analysis = analyzeText(text);
    assert.deepEqual(buildGoalCheck(analysis).goals.map((g) => [g.verdict, g.evidence.find((e) => e.kind === 'status')?.agrees]), [['missed', false]]);
    assert.deepEqual([...textsByLine(analysis, 'status-contradiction')], [[11, ['是']]]);
  });

  it('checks the figures of an overall aim (项目总体目标是：…), not its words', () => {
    const goals = goalsOf('## 一、项目目标\n\n项目总体目标是：开发低成本硬碳材料制备技术，建成中试线 1 条，为产业链提供技术支撑。\n\n## 二、项目成果\n\n建成中试线 1 条。\n');
    assert.deepEqual(goals.map((g) => [g.target?.text ?? null, g.verdict]), [['1 条', 'met']]);
  });

  it('reads the goals of a chapter read as the goals alone, whatever its words (What We Set Out to Do, # | Goal | Target)', () => {
    const list = goalsOf('## Background\n\nWarehouse volumes grew.\n\n## What We Set Out to Do\n\n- Achieve picking accuracy of at least 99.9%.\n- Keep capital spend within €7.5 million.\n\n## Results\n\nPicking accuracy reached 99.95%. Capital spend came to €7.2 million.\n', 'Closure Report');
    assert.deepEqual(list.map((g) => [g.target?.text, g.verdict]), [['at least 99.9%', 'met'], ['within €7.5 million', 'met']]);
    const table = goalsOf('## Goals\n\n| # | Goal | Target |\n| --- | --- | --- |\n| 1 | Gross revenue churn | no more than 3.0% |\n\n## Results\n\nGross revenue churn was 2.4%.\n', 'Closure Report');
    assert.deepEqual(table.map((g) => [g.metric, g.target?.text, g.verdict]), [['Gross revenue churn', 'no more than 3.0%', 'met']]);
  });

  it('does not take a median for every tenant, nor an average for each bridge (单座桥梁)', () => {
    const en = goalsOf('## Objectives\n\n- Downtime of 15 minutes or less for every tenant.\n\n## Results\n\nMedian downtime was 6 minutes.\n', 'Closure Report');
    assert.deepEqual(en.map((g) => [g.verdict, g.reason]), [['unverifiable', 'inconclusive']]);
    const zh = goalsOf('## 项目目标\n\n- 单座桥梁平整度指数不超过 2.8 m/km。\n\n## 项目成果\n\n桥梁平整度指数平均为 2.36 m/km。\n');
    assert.deepEqual(zh.map((g) => [g.verdict, g.reason]), [['unverifiable', 'inconclusive']]);
  });

  it('takes the goals a KPI table sets that no chapter states, and a year before the target\'s as the baseline', () => {
    const results = goalsOf('## 一、项目概况与目标\n\n项目目标：总投资控制在 0.86 亿元以内；运营指标见表 3-1。\n\n## 二、指标达成情况\n\n| 指标 | 基线值 | 目标值 | 实际值 | 状态 |\n| --- | --- | --- | --- | --- |\n| 拣选准确率 | 99.52% | ≥ 99.90% | 99.93% | 达成 |\n\n项目总投资 0.83 亿元。\n');
    assert.deepEqual(results.map((g) => [g.target?.text, g.verdict]), [['控制在 0.86 亿元以内', 'met'], ['≥ 99.90%', 'met']]);
    const years = goalsOf('## 回顾目标\n\n| 序号 | 目标项 | 2023 年实际 | 2024 年目标 |\n| --- | --- | --- | --- |\n| 1 | 年度销售额 | 11.02 亿元 | 不低于 12.5 亿元 |\n\n## 评估结果\n\n年度销售额为 12.8 亿元。\n');
    assert.deepEqual(years.map((g) => [g.metric, g.target?.text, g.verdict, g.outcome?.figure]), [['年度销售额', '不低于 12.5 亿元', 'met', '12.8 亿元']]);
  });

  it('reads RAG and marked status cells (Green, Red, ✅ Done), and a cell that lists figures decides only a miss of an each-item target', () => {
    const rag = report(
      '## Objectives\n\n- OEE of at least 75%.\n\n## Results\n\n| Metric | Target | Actual | RAG |\n| --- | --- | --- | --- |\n| OEE | ≥ 75% | 73.4% | Green |\n| p95 latency | ≤ 300 ms | 340 ms | ✅ Done |\n',
      'Closure Report',
    );
    assert.deepEqual([...textsByLine(analyzeText(rag), 'status-contradiction')].map(([line]) => line), [11, 12]);
    const listed = (goal: string) => goalsOf(`## 项目目标\n\n- ${goal}\n\n## 项目成果\n\n| 指标 | 目标值 | 实际值 |\n| --- | --- | --- |\n| 桥梁封闭时间 | ≤ 90 天 | A 桥 104 天 / B 桥 88 天 |\n`);
    assert.deepEqual(listed('单座桥梁封闭时间不超过 90 天。').map((g) => g.verdict), ['missed']);
    assert.deepEqual(listed('桥梁封闭时间不超过 90 天。').map((g) => [g.verdict, g.reason]), [['unverifiable', 'inconclusive']]);
    const tenants = goalsOf('## Goals\n\n| ID | Criterion | Target |\n| --- | --- | --- |\n| SC-2 | Downtime per tenant | ≤ 15 minutes for every tenant |\n\n## Outcome\n\n| Criterion | Target | Actual |\n| --- | --- | --- |\n| Downtime per tenant | ≤ 15 min | median 6 min, p99 22 min |\n', 'Post-mortem');
    assert.deepEqual(tenants.map((g) => g.verdict), ['missed']);
  });

  it('reads what a Chinese verb of doing names after it, and a numeral like 四百三十六 in any unit', () => {
    const goals = goalsOf('## 一、项目目标\n\n- 新建改建农村公路不少于 420 公里。\n\n## 二、项目成果\n\n三年来，全县累计完成新建改建农村公路四百三十六公里，完成率 103.8%。\n');
    assert.deepEqual(goals.map((g) => [g.verdict, g.outcome?.figure]), [['met', '四百三十六公里']]);
  });

  it('reads a KPI row whose target is the goal\'s change as a change, and one nearer the level as the level', () => {
    const row = (actual: string) =>
      goalsOf(`## Objectives\n\n| Measure | Baseline | Target |\n| --- | --- | --- |\n| Annual run cost | £21.4m | Reduce by £6.5m |\n\n## Results\n\n| Measure | Target | Actual |\n| --- | --- | --- |\n| Annual run cost | £6.5m | ${actual} |\n`, 'Closure Report');
    assert.deepEqual(row('£5.8m').map((g) => g.verdict), ['missed']);
    assert.deepEqual(row('£14.2m').map((g) => g.verdict), ['met']);
  });

  it('takes an average written in brackets after the figure as an average, and €3.2m in net revenue as net revenue', () => {
    const each = goalsOf('## Objectives\n\n| Measure | Target |\n| --- | --- |\n| Recovery time, each Tier-1 service | ≤ 2 h |\n\n## Results\n\n| Measure | Target | Actual |\n| --- | --- | --- |\n| Tier-1 recovery time | ≤ 2 h | 1 h 42 min (average) |\n', 'Closure Report');
    assert.deepEqual(each.map((g) => [g.verdict, g.reason]), [['unverifiable', 'inconclusive']]);
    const revenue = goalsOf('## Goals\n\n1. Book €3.2m in net revenue.\n\n## Results\n\n| Metric | Target | Actual |\n| --- | --- | --- |\n| Net revenue | €3.2m | €3.05m |\n', 'Launch Retrospective');
    assert.deepEqual(revenue.map((g) => [g.metric, g.verdict]), [['net revenue', 'missed']]);
  });

  it('reads an English ceiling in money on the work as a budget: what is spent', () => {
    const goals = goalsOf('## Objectives\n\n- Complete the project within the USD 450,000 award.\n\n## Results\n\nTotal spending was USD 438,920, leaving USD 11,080 unspent.\n', 'Final Report');
    assert.deepEqual(goals.map((g) => [g.verdict, g.outcome?.figure]), [['met', 'USD 438,920']]);
  });
});


describe('goals: working days against hours, and English names after the figure', () => {
  const check = (body: string) => buildGoalCheck(analyzeText(report(body, 'Closure Report'))).goals.map((g) => [g.metric, g.target?.text, g.verdict, g.outcome?.figure ?? null]);

  it('judges hours against working days only where any length of a working day gives the same verdict', () => {
    const goal = '## Objectives\n\n1. Provision a new pipeline in no more than 2 working days.\n\n## Results\n\n';
    assert.deepEqual(check(`${goal}Provisioning a new pipeline took 4 hours.\n`).map((g) => g[2]), ['met']);
    assert.deepEqual(check(`${goal}Provisioning a new pipeline took 30 hours.\n`).map((g) => g[2]), ['unverifiable']);
    assert.deepEqual(check(`${goal}Provisioning a new pipeline took 200 hours.\n`).map((g) => g[2]), ['missed']);
  });

  it('names a share by the words after it where those before name nothing (Achieve 99.9% monthly availability), and keeps a date with its year', () => {
    assert.deepEqual(
      check('## Objectives\n\n1. Achieve 99.9% monthly availability for the control plane.\n\nThe project was to finish within $1.2m, with the old servers decommissioned by June 30, 2025.\n\n## Results\n\nMonthly availability was 99.95%. The old servers were decommissioned on August 22, 2025.\n'),
      [
        ['monthly availability', '99.9%', 'met', '99.95%'],
        ['project was to finish', 'within $1.2m', 'unverifiable', null],
        ['with the old servers decommissioned', 'June 30, 2025', 'missed', 'August 22, 2025'],
      ],
    );
  });

  it('takes a result done "by the end of April 2023" for done in April, after a deadline of 31 March', () => {
    assert.deepEqual(
      check('## Objectives\n\n1. Mentoring hubs operational in all 24 schools by 31 March 2023.\n\n## Results\n\nBy the end of April 2023, mentoring hubs were operational in all 24 schools.\n').map((g) => g[2]),
      ['missed'],
    );
  });
});

describe('goals: abbreviations that name two measures', () => {
  it('takes no figure of 晶圆测试（CP）良率 for a goal of 成品测试（FT）良率, and keeps one that gives the same abbreviation', () => {
    const check = (result: string) =>
      buildGoalCheck(analyzeText(report(`## 一、项目目标\n\n1. 芯片成品测试（FT）良率不低于 95%。\n\n## 二、项目成果\n\n${result}\n`))).goals.map((g) => [g.verdict, g.outcome?.figure ?? null]);
    assert.deepEqual(check('量产初期晶圆测试（CP）良率为 96.8%，成品测试数据仍在统计中。'), [['no-outcome', null]]);
    assert.deepEqual(check('量产初期成品测试（FT）良率为 96.8%。'), [['met', '96.8%']]);
  });
});

describe('goals: kinds that exclude one another', () => {
  const check = (result: string) =>
    buildGoalCheck(analyzeText(report(`## 一、项目目标\n\n1. 参加国际学术会议并作口头报告 2 次。\n\n## 二、项目成果\n\n${result}\n`))).goals.map((g) => [g.verdict, g.outcome?.figure ?? null]);

  it('takes no talks at 国内学术会议 for a goal of talks at 国际学术会议', () => {
    assert.deepEqual(check('项目组成员参加全国固态离子学学术会议等国内学术会议 9 人次，作口头报告 4 次。'), [['no-outcome', null]]);
  });

  it('keeps a statement that names the goal\'s kind, or both kinds at once (国内外)', () => {
    assert.deepEqual(check('项目组成员参加国际学术会议 3 人次，作口头报告 3 次。'), [['met', '3 次']]);
    assert.deepEqual(check('项目组成员参加国内外学术会议，作口头报告 1 次。'), [['missed', '1 次']]);
  });

  it('compares no counts of other things: 培训班 46 期 is no result for 3,000 人次', () => {
    const verdicts = buildGoalCheck(analyzeText(report('## 一、项目目标\n\n1. 开展茶农技术培训 3,000 人次。\n\n## 二、项目成果\n\n| 指标 | 目标 | 实际 | 状态 |\n| --- | --- | --- | --- |\n| 茶农技术培训 | 3,000 人次 | 46 期 | 达标 |\n'))).goals;
    assert.deepEqual(verdicts.map((g) => g.verdict), ['unverifiable']);
  });
});

describe('goals: a span a share is counted within', () => {
  it('takes 80% for the target of "Answer 80% of calls within 20 seconds", not the 20 seconds', () => {
    const goals = buildGoalCheck(
      analyzeText(report('## Objectives\n\n1. Answer 80% of calls within 20 seconds.\n\n## Results\n\nCalls answered within 20 seconds rose to 71%, short of the 80% standard.\n', 'Project Closure Report')),
    ).goals;
    assert.deepEqual(goals.map((g) => [g.target?.text, g.verdict, g.outcome?.figure ?? null]), [['80%', 'missed', '71%']]);
  });
});

describe('goals: English figures in words, and spans of time', () => {
  const check = (text: string) => buildGoalCheck(analyzeText(report(text, 'Project Closure Report'))).goals.map((g) => [g.target?.text, g.verdict, g.outcome?.figure ?? null]);

  it('takes the share for the target when the span comes first (within 5 business days for at least 95% of incidents)', () => {
    assert.deepEqual(check('## Objectives\n\n1. Publish postmortems within 5 business days for at least 95% of incidents.\n\n## Results\n\nPostmortems were published within five business days for 91% of incidents.\n'), [['at least 95%', 'missed', '91%']]);
  });

  it('keeps the baseline of a change across a span of time (within four weeks of release, from a baseline of 41,000)', () => {
    assert.deepEqual(
      check('## Objectives\n\n1. Increase weekly downloads by 20% within four weeks of release, from a baseline of 41,000.\n\n## Results\n\nFour weeks after release, weekly downloads stood at 51,200.\n'),
      [['Increase 20%', 'met', '51,200']],
    );
  });

  it('judges a zero target on a count written as a word (one lost-time injury)', () => {
    assert.deepEqual(check('## Objectives\n\n- Zero lost-time injuries across the construction phase.\n\n## Results\n\nThere was one lost-time injury, in March 2023.\n').map((g) => g[1]), ['missed']);
  });
});

describe('goals: deadlines named by what is due', () => {
  it('takes a date beside the deadline\'s own count named again for its outcome', () => {
    const goals = buildGoalCheck(
      analyzeText(
        report(
          '## Objectives\n\n1. Distribute 90,000 decodable readers by 30 June 2024.\n\n## Results\n\nThe Curriculum Centre aligned the decodable readers with the syllabus. Books were printed in Kathmandu and delivered to schools in three rounds, the last of which was completed on 14 June 2024: in total 90,000 readers.\n',
          'Final Report',
        ),
      ),
    ).goals;
    assert.deepEqual(goals.map((g) => [g.verdict, g.outcome?.figure ?? null]), [['met', '14 June 2024']]);
  });

  it('takes no date of another event for a deadline (申报 for 获批), and a cutover for a go-live', () => {
    const verdict = (result: string, goal = '2025 年 6 月底前获批省级一流本科课程') =>
      analyzeText(report(`## 一、建设目标\n\n1. ${goal}。\n\n## 二、建设成效\n\n${result}\n`)).goals.map((g) => g.verdict);
    assert.notDeepEqual(verdict('课程已于 2024 年 11 月由学校推荐申报省级一流本科课程，评审结果尚未公布。'), ['met']);
    assert.deepEqual(verdict('课程于 2025 年 3 月获批省级一流本科课程。'), ['met']);
    assert.deepEqual(verdict('三号仓于 2025 年 6 月 18 日完成切换，三个仓库全部运行在新系统上。', '三个仓库须于 2025 年 6 月 30 日前全部完成新系统上线'), ['met']);
  });

  it('reads the one date column of a table of phases as the days they were done, where the chapter reports what was done', () => {
    const table = '| 阶段 | 时间 | 主要内容 |\n| --- | --- | --- |\n| 开发与部署 | 2024 年 1 月—5 月 | 五个子系统开发 |\n| 上线试运行 | 2024 年 6 月 18 日 | 三个登记大厅同步切换 |\n';
    const verdict = (chapter: string) =>
      analyzeText(report(`## 一、建设目标\n\n1. 2024 年 6 月 30 日前平台上线试运行。\n\n## 二、${chapter}\n\n${table}`)).goals.map((g) => [g.verdict, g.outcome?.reading?.quantity.text ?? null]);
    assert.deepEqual(verdict('建设过程'), [['met', '2024 年 6 月 18 日']]);
    assert.deepEqual(verdict('下一步工作计划'), [['no-outcome', null]]);
  });

  it('takes the day a slipped event took place from the chapter of problems, and no other figure there', () => {
    const body = (challenge: string) =>
      `## Objectives\n\n1. The new platform was to go live by 31 March 2024.\n2. Answer 80% of calls within 20 seconds.\n\n## Results\n\nThe platform is used by all teams.\n\n## What got in the way\n\n${challenge}\n`;
    const verdicts = (challenge: string) => analyzeText(report(body(challenge), 'Final Report')).goals.map((g) => g.verdict);
    assert.deepEqual(verdicts('Go-live slipped: the platform went live on 22 April 2024, after the integration fixes. Calls answered within 20 seconds reached 71%.'), ['missed', 'no-outcome']);
  });

  it('takes the last wave\'s date for a deadline of going live (into live operation; wave 1 live, wave 2 live)', () => {
    const goals = goalsOf(
      '## Objectives\n\n- Bring all 48 robots into live operation by 30 June 2025.\n\n## Delivery\n\n| Milestone | Planned | Actual |\n| --- | --- | --- |\n| Wave 1 (24 robots) live | 31 Jan 2025 | 18 Feb 2025 |\n| Wave 2 (24 robots) live | 30 Jun 2025 | 7 Jul 2025 |\n',
      'Closure Report',
    );
    assert.deepEqual(goals.map((g) => [g.verdict, g.outcome?.line ?? null]), [['missed', 12]]);
  });

  it('reads 竣工验收 as an acceptance, no date of the completion it follows', () => {
    const [goal] = analyzeText(report('## 一、建设目标\n\n1. 于 2023 年 12 月底前全面完工。\n\n## 二、建设成效\n\n全部工程于 2023 年 11 月 28 日完工，2024 年 9 月通过市级竣工验收。\n')).goals;
    assert.deepEqual([goal!.verdict, goal!.outcome?.reading?.quantity.text], ['met', '2023 年 11 月 28 日']);
  });

  it('names a deadline by the event after its date, verb and all (2024 年 9 月 30 日前通过设计定型评审)', () => {
    const [goal] = analyzeText(report('## 一、研发目标\n\n1. 2024 年 9 月 30 日前通过设计定型评审；\n\n## 二、项目成果\n\n设计定型评审于 2024 年 11 月 8 日通过。\n')).goals;
    assert.deepEqual([goal!.goal.metric, goal!.verdict], ['通过设计定型评审', 'missed']);
  });
});

describe('goals: a change from a starting point', () => {
  it('takes "from X" in a sentence with a change in % for the change\'s baseline', () => {
    const goals = buildGoalCheck(
      analyzeText(
        report(
          '## Objectives\n\n1. Reduce p99 write latency by 30% from the 60 ms baseline.\n2. Cut the monthly database bill by at least 25% from $38,400.\n\n## Results\n\np99 write latency is now 48 ms. The monthly bill fell to $28,000.\n',
          'Project Closure Report',
        ),
      ),
    ).goals;
    assert.deepEqual(goals.map((g) => [g.target?.baseline?.text ?? null, g.verdict]), [['60 ms', 'missed'], ['$38,400', 'met']]);
  });

  it('takes a share after 由 for the start of a change in 个百分点, and names the metric before it', () => {
    const [goal] = analyzeText(report('## 一、项目目标\n\n1. 门店运营费用率由 2023 年的 24.6% 下降 1 个百分点。\n\n## 二、项目成果\n\n门店运营费用率由 24.6% 降至 23.9%。\n')).goals;
    assert.deepEqual([goal!.goal.metric, goal!.goal.target?.baseline?.text, goal!.verdict], ['门店运营费用率', '24.6%', 'missed']);
  });

  it('takes no status from a row of another figure when the outcome row\'s own status says neither', () => {
    const text = report(
      '## Objectives\n\n1. Bring p99 read latency to 25 ms or less.\n2. Reduce p99 write latency by 30% from the 60 ms baseline.\n\n## Results\n\n| Metric | Target | Actual | Status |\n| --- | --- | --- | --- |\n| p99 read latency | ≤ 25 ms | 22 ms | Met |\n| p99 write latency | −30% | 48 ms | Partly met |\n',
      'Project Closure Report',
    );
    const analysis = analyzeText(text);
    assert.deepEqual(analysis.goals.map((g) => [g.verdict, g.status?.says ?? null]), [['met', 'met'], ['missed', null]]);
    assert.deepEqual(diagnosticsOf(analysis, 'status-contradiction'), []);
  });

  it('takes the figure before 的基础上 for the start of a change, and a row label\'s unit for its bare figures', () => {
    const [goal] = analyzeText(
      report('## 一、试点目标\n\n1. 次均住院费用在 2023 年 12,480 元的基础上下降 5%。\n\n## 二、试点成效\n\n| 指标 | 基线 | 目标 | 实际 | 状态 |\n| --- | --- | --- | --- | --- |\n| 次均住院费用（元） | 12,480 | 下降5% | 11,920 | 达成 |\n'),
    ).goals;
    assert.deepEqual([goal!.goal.metric, goal!.goal.target?.baseline?.text, goal!.verdict, goal!.outcome?.reading?.quantity.unit.symbol], ['次均住院费用', '12,480 元', 'missed', '元']);
    // The baseline in brackets before 基础上 (在 2024 年基线（每人每小时 120 行）基础上) is one too.
    const [bracketed] = analyzeText(report('## 一、项目目标\n\n1. 拣货效率在 2024 年基线（每人每小时 120 行）基础上提升 30% 以上。\n')).goals;
    assert.equal(bracketed!.goal.target?.baseline?.text, '120 行');
  });

  it('pairs "from A in the before-study to B", and takes that start for a scorecard row\'s level of the same figure', () => {
    const goals = goalsOf(
      '## Objectives\n\n- Reduce average peak-hour travel time by 10%.\n\n## Results\n\n| Measure | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Peak-hour travel time | −10% | 13.1 min | Green |\n\nThe average peak-hour travel time fell from 14.2 minutes in the before-study to 13.1 minutes in the after-study.\n',
      'Closure Report',
    );
    assert.deepEqual(rows(goals).map((r) => [r[3], r[5]]), [['missed', 11]]);
  });

  it('reads signed figures as levels where the target has a bound and a sign (at least +35, ≥ +35 | +38)', () => {
    const goals = goalsOf(
      '## Objectives\n\n- Achieve a claims Net Promoter Score of at least +35.\n\n## Results\n\n| KPI | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Claims NPS | ≥ +35 | +38 | Green |\n',
      'Final Report',
    );
    assert.deepEqual(goals.map((g) => [g.metric, g.target?.direction, g.verdict]), [['claims Net Promoter Score', 'at-least', 'met']]);
  });

  it('cannot tell a change from a range that straddles its target, and judges one beyond it', () => {
    const verdictFor = (actual: string) =>
      goalsOf(`## Objectives\n\n- Reduce vehicle CO2 emissions on the corridors by at least 1,500 tonnes a year.\n\n## Results\n\n| Measure | Target | Actual | Status |\n| --- | --- | --- | --- |\n| CO2 reduction | ≥ 1,500 t/yr | ${actual} | Green |\n`, 'Closure Report')[0]!.verdict;
    assert.deepEqual(['1,200–1,900 t/yr (modelled)', '1,600–1,900 t/yr', '900–1,200 t/yr'].map(verdictFor), ['unverifiable', 'met', 'missed']);
  });

  it('takes the figure after 较测试期的 for the start of a change, and names the metric before it', () => {
    const analysis = analyzeText(
      report('## 一、项目目标\n\n1. 新客获客成本（CAC）较测试期的 42 美元降低 25%。\n\n## 二、项目成果\n\n| 指标 | 目标值 | 实际值 | 状态 |\n| --- | --- | --- | --- |\n| 新客获客成本 | 降低 25% | 33.5 美元 | ✅ |\n'),
    );
    const [goal] = analysis.goals;
    assert.deepEqual([goal!.goal.metric, goal!.goal.target?.baseline?.text, goal!.verdict], ['新客获客成本', '42 美元', 'missed']);
    assert.equal(diagnosticsOf(analysis, 'status-contradiction').length, 1);
  });

  it('keeps a figure after "from" a target where no change is stated (data from at least 80% of participants)', () => {
    const [goal] = analyzeText(report('## Objectives\n\n1. Obtain follow-up data from at least 80% of screened participants.\n\n## Results\n\nFollow-up data were obtained for 74.6% of participants.\n', 'Final Report')).goals;
    assert.deepEqual([goal!.goal.target?.quantity.text, goal!.verdict], ['80%', 'missed']);
    // The up of follow-up is no verb: the goal is a level of at least 80%, not a rise of 80%.
    const [hyphen] = analyzeText(report('## Objectives\n\n1. Obtain 12-month follow-up data from at least 80% of participants.\n\n## Results\n\nFollow-up data were obtained for 74.6% of participants.\n', 'Final Report')).goals;
    assert.deepEqual([hyphen!.goal.target?.direction, hyphen!.verdict], ['at-least', 'missed']);
  });
});

describe('goals: scores, windows and rows that pair a figure with the target', () => {
  it('reads a score out of its scale as one figure (4.3 / 5, at least 4.2 out of 5)', () => {
    const goals = buildGoalCheck(
      analyzeText(report('## Objectives\n\n1. Achieve a CSAT score of at least 4.2 out of 5.\n\n## Results\n\n| Metric | Target | Actual | Status |\n| --- | --- | --- | --- |\n| CSAT | ≥ 4.2 / 5 | 4.3 / 5 | ✅ |\n', 'Project Closure Report')),
    ).goals;
    assert.deepEqual(goals.map((g) => [g.verdict, g.outcome?.figure ?? null]), [['met', '4.3 / 5']]);
  });

  it('names a goal without the number its list item gives it (**O3.**, KR2.1, SC-5)', () => {
    const goals = analyzeText(report('## Objectives\n\n- **O3.** Raise the share of staff trained to at least 60%.\n- KR2.1 Cut cloud spend to $70k or less.\n\n## Results\n\nThe share of staff trained was 64%.\n', 'Final Report')).goals;
    assert.deepEqual(goals.map((g) => /^(?:O3|KR2\.1)\b/u.test(g.goal.metric)), [false, false]);
  });

  it('names an English count by all the words it counts, a point between digits included (PM2.5 sensors)', () => {
    const [goal] = analyzeText(report('## Objectives\n\n1. Deploy at least 60 calibrated low-cost PM2.5 sensors across the city.\n\n## Results\n\n| Metric | Target | Actual |\n| --- | --- | --- |\n| Sensors deployed | ≥ 60 | 58 |\n', 'Final Report')).goals;
    assert.deepEqual([goal!.goal.metric, goal!.verdict], ['calibrated low-cost pm2.5 sensors', 'missed']);
  });

  it('counts what a cell says is done, not what it lists as still pending (1 published, 1 under review)', () => {
    const analysis = analyzeText(
      report('## Objectives\n\n1. Publish at least two peer-reviewed papers.\n\n## Results\n\n| Metric | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Peer-reviewed papers | ≥ 2 | 1 published, 1 under review | Achieved |\n', 'Final Report'),
    );
    assert.deepEqual(analysis.goals.map((g) => [g.verdict, g.outcome?.reading?.quantity.text ?? null]), [['missed', '1']]);
    assert.deepEqual(diagnosticsOf(analysis, 'status-contradiction').length, 1);
  });

  it('names a goal by its label and by the words its figure counts (Lose no data: zero missing or mismatched rows)', () => {
    const [goal] = analyzeText(
      report('## Objectives\n\n1. Lose no data: zero missing or mismatched rows at the final reconciliation.\n\n## Results\n\n| Metric | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Missing or mismatched rows | 0 | 0 | Met |\n', 'Project Closure Report'),
    ).goals;
    assert.deepEqual([goal!.goal.metric, goal!.verdict], ['Lose no data', 'met']);
  });

  it('takes the count for the target of 展期 90 天内接待观众 25 万人次, not the window', () => {
    const [goal] = analyzeText(report('## 一、项目目标\n\n1. 展期 90 天内接待观众 25 万人次。\n\n## 二、项目成果\n\n展期内共接待观众 23.8 万人次。\n')).goals;
    assert.deepEqual([goal!.goal.target?.quantity.text, goal!.verdict], ['25 万人次', 'missed']);
  });

  it('trusts a figure far under its ceiling when a KPI row sets the same figure against the target', () => {
    const text = '## Objectives\n\n1. Keep median first response time under 10 seconds.\n\n## Results\n\nMedian first response time was 1.8 seconds.\n\n';
    const table = '| Metric | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Median first response | < 10 s | 1.8 s | ✅ |\n';
    const verdict = (body: string) => analyzeText(report(body, 'Project Closure Report')).goals.map((g) => [g.verdict, g.reason ?? null]);
    assert.deepEqual(verdict(text), [['unverifiable', 'implausible']]);
    assert.deepEqual(verdict(text + table), [['met', null]]);
  });
});

describe('goals: counts joined under one bound', () => {
  it('reads "at least 30 pharmacy staff and 30 participants" as two goals, each judged on its own count', () => {
    const goals = buildGoalCheck(
      analyzeText(report('## Objectives\n\n1. Conduct qualitative interviews with at least 30 pharmacy staff and 30 participants.\n\n## Results\n\nWe interviewed 34 pharmacy staff and 27 participants.\n', 'Project Closure Report')),
    ).goals;
    assert.deepEqual(goals.map((g) => [g.metric, g.outcome?.figure ?? null]), [['pharmacy staff', '34'], ['participants', '27']]);
  });
});

describe('goals: a municipal summary\'s prose goals', () => {
  it('reads 以…3.2 万户为目标 as a goal of households, 两成 as a fifth, and 事故零发生 as none', () => {
    const text = report(
      '## 一、年度目标任务\n\n全年以新开工改造老旧小区 126 个、惠及居民 3.2 万户为目标。确保单个项目平均施工工期较 2023 年平均水平（186 天）压缩两成，确保全年改造项目安全生产事故零发生。\n\n' +
        '## 二、完成情况\n\n新开工 131 个，惠及居民 30,860 户。单个项目平均施工工期 145 天。全年未发生安全生产事故。\n',
    );
    assert.deepEqual(
      targetVerdicts(analyzeText(text)),
      [
        ['126 个', 'met', '131 个'],
        ['3.2 万户', 'missed', '30,860 户'],
        ['压缩两成', 'met', '145 天'],
        ['确保全年改造项目安全生产事故零发生', 'met', '未发生安全生产事故'],
      ],
    );
  });
});

describe('goals: a zero target written 为零', () => {
  it('reads 全年重大网络安全事件为零 as a target of none, met by a row of 0 起', () => {
    const text = report('## 一、年度目标\n\n1. 全年重大网络安全事件为零。\n\n## 二、目标完成情况\n\n| 指标 | 目标 | 实际 | 状态 |\n| --- | --- | --- | --- |\n| 重大网络安全事件 | 0起 | 0起 | 达成 |\n');
    assert.deepEqual(
      analyzeText(text).goals.map((g) => [g.goal.target?.quantity.value, g.goal.target?.direction, g.verdict]),
      [[0, 'at-most', 'met']],
    );
  });
});

describe('goals: a table of objectives with a status each', () => {
  it('takes the status of the row with the goal\'s code (O2 … | Met) and reports it where the figures say missed', () => {
    const text = report(
      '## Objectives\n\n- **O1.** Recruit at least 40 community pharmacies.\n- **O2.** Obtain follow-up data from at least 80% of screened participants.\n\n' +
        '## Results\n\n| Objective | Status |\n| --- | --- |\n| O1 Pharmacies recruited | Partly met |\n| O2 Follow-up | Met |\n\nWe recruited 38 community pharmacies. Follow-up data were obtained for 74.6% of screened participants.\n',
      'Final Report',
    );
    const analysis = analyzeText(text);
    assert.deepEqual(analysis.goals.map((g) => [g.verdict, g.status?.says ?? null]), [['missed', null], ['missed', 'met']]);
    assert.deepEqual(textsOf(analysis, 'status-contradiction'), ['Met']);
  });
  it('takes the status of a row named like the goal where no code names it (Zero lost-time injuries | Green)', () => {
    const text = report(
      '## 1.0 Executive Summary\n\n| Objective | Status |\n| --- | --- |\n| Zero lost-time injuries | Green |\n\n## 2.0 Objectives\n\n- Zero lost-time injuries on site.\n\n## 3.0 Results\n\nThere was one lost-time injury, in March 2024.\n',
      'Closure Report',
    );
    const analysis = analyzeText(text);
    assert.deepEqual(analysis.goals.map((g) => [g.verdict, g.status?.says ?? null]), [['missed', 'met']]);
  });
});

describe('goals: zero targets in lists', () => {
  it('reads 零损坏 as none, and a cell of nothing in each (零损坏、零事故) as meeting a zero target', () => {
    const text = report('## 一、展览目标\n\n（4）文物零损坏、展期零安全事故；\n\n## 二、展览成效\n\n| 指标 | 目标 | 实际 | 状态 |\n| --- | --- | --- | --- |\n| 文物安全 | 零损坏、零事故 | 零损坏、零事故 | ✅ |\n\n展期内未发生安全事故。\n');
    assert.deepEqual(analyzeText(text).goals.map((g) => [g.goal.target?.quantity.value, g.verdict]), [[0, 'met'], [0, 'met']]);
  });
});

describe('goals: OKR retrospectives', () => {
  it('reads the key results under Objectives and key results, "at or above" as a bound, and MAU as monthly active users', () => {
    const text = report(
      '## Objectives and key results\n\nAgreed in January.\n\n**O1 — Grow.**\n- KR1.1: Crash-free sessions at or above 99.5% in the first 30 days.\n- KR1.2: Reach 250k monthly active users within 6 weeks of launch.\n\n' +
        '## Results\n\n| Key result | Target | Actual |\n| --- | --- | --- |\n| Crash-free sessions | 99.5% | 99.72% |\n| MAU 6 weeks after launch | 250k | 262k |\n',
      'Launch retrospective',
    );
    assert.deepEqual(
      targetVerdicts(analyzeText(text)),
      [
        ['at or above 99.5%', 'met', '99.72%'],
        ['250k', 'met', '262k'],
      ],
    );
  });
});

describe('goals: a target for both of two things', () => {
  it('takes "on both stores" as a target for each: a blended figure below it is a miss, one above it cannot show that both are', () => {
    const check = (result: string) =>
      targetVerdicts(analyzeText(report(`## Objectives\n\n1. Keep app store rating at 4.5 or higher on both stores.\n\n## Results\n\n${result}\n`, 'Launch retrospective')));
    assert.deepEqual(check('| Key result | Target | Result |\n| --- | --- | --- |\n| Store rating | ≥ 4.5 | 4.3 (iOS 4.6 / Android 4.0) |'), [['4.5 or higher', 'missed', '4.3']]);
    assert.deepEqual(check('The blended app store rating was 4.7.'), [['4.5 or higher', 'unverifiable', '4.7']]);
  });
});

