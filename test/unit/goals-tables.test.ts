/**
 * KPI and milestone table checks (`kpi-table`, `milestone-table`) on a report whose tables hold one of
 * each problem, and on tables without any.
 */
import * as assert from 'node:assert/strict';
import { buildGoalCheck, provideHover, type ReportAnalysis } from '../../server/src/core/index.js';
import { analyzeText, diagnosticsOf, lineOf, readFixture, report, statusOverGoal, targetVerdicts, textsByLine, textsOf } from './util.js';

/** [line, covered text, message] of the diagnostics with `code`. */
function found(analysis: ReportAnalysis, code: 'kpi-table' | 'milestone-table' | 'status-contradiction'): [number, string, string][] {
  const text = analysis.model.text;
  return diagnosticsOf(analysis, code).map((d) => [lineOf(text, d.start), text.slice(d.start, d.end), d.message]);
}

describe('goals: tables still to fill in', () => {
  it('does not flag the empty row of a fresh KPI or milestone table', () => {
    const text = report([
      '## 项目实施过程', '',
      '| 阶段 | 计划开始 | 计划完成 | 实际完成 | 里程碑 | 状态 |', '| --- | --- | --- | --- | --- | --- |', '|   |   |   |   |   |   |', '',
      '## 项目成果与效益', '',
      '| 指标 | 基线值 | 目标值 | 实际值 | 达成率 | 状态 |', '| --- | --- | --- | --- | --- | --- |', '|   |   |   |   |   |   |',
      '| 满意度 | 80% |  | 92% | | |', '',
    ].join('\n'));
    const analysis = analyzeText(text);
    assert.deepEqual(found(analysis, 'milestone-table'), []);
    assert.deepEqual(found(analysis, 'kpi-table').map(([line, , message]) => [line, message]), [[14, 'The target of “满意度” is empty. Give the figure.']]);
  });
});

describe('goals: milestone tables', () => {
  const analysis = analyzeText(readFixture('goals/tables-项目总结报告.md'));

  it('reads every date form (2024-03-31, 2024/3/31, 2024年3月31日, 2024年3月, Q2 2024) and flags one problem of each kind', () => {
    assert.deepEqual(found(analysis, 'milestone-table'), [
      [19, '2024-03-15', 'The planned start 2024-03-15 is earlier than 2024-04 in the row above: list the phases in order, or correct the date.'],
      [20, '2024-08-15', 'The planned finish 2024-08-15 of “系统联调” is before its start, 2024-09-01.'],
      [21, '2024-10-01', 'Actual date 2024-10-01 of “试运行” is before its planned start, 2024-10-08.'],
      [22, '已完成', '“验收” is marked “已完成” but has no actual date.'],
      [23, '三月中旬', '“三月中旬” in the planned finish column is not a date the tool can read: write 2024-03-31, 2024/3/31, 2024年3月31日, 2024年3月 or Q2 2024.'],
      [23, '2024-02-30', '“2024-02-30” in the actual finish column is not a date the tool can read: write 2024-03-31, 2024/3/31, 2024年3月31日, 2024年3月 or Q2 2024.'],
    ]);
  });

  it('leaves a placeholder in a date cell to the placeholder check', () => {
    const text = report('## 项目实施过程\n\n| 阶段 | 计划开始 | 计划完成 | 实际完成 | 状态 |\n| --- | --- | --- | --- | --- |\n| 上线 | 2024-01-01 | 2024-02-01 | 【待补充】 | 进行中 |\n| 移交 | 2024-02-02 | 2024-03-01 | TBD | 进行中 |\n');
    assert.deepEqual(found(analyzeText(text), 'milestone-table'), []);
  });

  it('accepts phases that overlap, finish early, or are late', () => {
    const text = report(
      '## 项目实施过程\n\n| 阶段 | 计划开始 | 计划完成 | 实际完成 | 状态 |\n| --- | --- | --- | --- | --- |\n' +
        '| 设计 | 2024-01-08 | 2024-02-29 | 2024-02-20 | 已完成 |\n| 开发 | 2024-02-15 | 2024-04-30 | 2024-05-10 | 延期10天 |\n| 测试 | 2024年5月 | Q2 2024 | 2024年6月28日 | 已完成 |\n',
    );
    assert.deepEqual(found(analyzeText(text), 'milestone-table'), []);
  });
});

describe('goals: KPI tables', () => {
  const analysis = analyzeText(readFixture('goals/tables-项目总结报告.md'));

  it('flags statuses the figures contradict as status-contradiction, in the row\'s own terms', () => {
    assert.deepEqual(found(analysis, 'status-contradiction'), [
      [30, '达成', 'Status “达成” contradicts the figures of “订单差错率”: 0.15% against the target 0.1%以下 is missed.'],
      [31, '未达成', 'Status “未达成” contradicts the figures of “项目投资”: 760万元 against the target 800万元以内 is met.'],
    ]);
  });

  it('flags target or actual cells without a number', () => {
    assert.deepEqual(found(analysis, 'kpi-table'), [
      [32, '按期完成', 'The target of “库位利用率” is not a number: “按期完成”. Give the figure.'],
      [33, 'XX天', 'The actual value of “退货处理时长” is not a number: “XX天”. Give the figure.'],
      [34, '—', 'The actual value of “能耗” is empty. Give the figure.'],
    ]);
  });

  it('accepts ✓ where the figures meet the target, and a status it cannot read (待统计)', () => {
    const text = analysis.model.text;
    assert.ok(text.split('\n')[28]!.includes('| ✓ |') && text.split('\n')[32]!.includes('待统计'));
    assert.ok(!found(analysis, 'status-contradiction').some(([line]) => line === 29));
  });

  it('reads English KPI tables: Met, Not met, ✗ against “or less” and “or higher” targets', () => {
    const text = report(
      '## Results\n\n| Metric | Target | Actual | Status |\n| --- | --- | --- | --- |\n' +
        '| Spend | 2.8 M yuan or less | 2.95 M yuan | Met |\n| Fill rate | 97% or higher | 97.8% | Not met |\n| Downtime | 2 days or less | 1.5 days | ✗ |\n| Uptime | 99% or higher | 99.5% | Met |\n',
      'Project Closure Report',
    );
    assert.deepEqual(found(analyzeText(text), 'status-contradiction').map(([line, cell]) => [line, cell]), [[7, 'Met'], [8, 'Not met'], [9, '✗']]);
  });
});

describe('goals: a status the figures contradict', () => {
  it('flags a KPI row\'s status that the goal\'s own target contradicts, where the row states no target', () => {
    const analysis = analyzeText(statusOverGoal);
    assert.deepEqual(found(analysis, 'status-contradiction'), [
      [13, '达成', 'Status “达成” contradicts the figures: “订单准时交付率” (line 5) wanted 95% 以上 and reached 93.1%, which is missed.'],
    ]);
    assert.deepEqual(found(analysis, 'kpi-table'), []);
  });

  it('shows what decided in the scorecard\'s evidence and in the hover on the goal, in both languages', () => {
    const [goal] = buildGoalCheck(analyzeText(statusOverGoal)).goals;
    assert.deepEqual(goal!.evidence.map((e) => [e.kind, e.line, e.figure, e.agrees]), [
      ['outcome', 13, '93.1%', null],
      ['status', 13, '达成', false],
    ]);
    const at = statusOverGoal.indexOf('订单准时交付率');
    const en = provideHover(analyzeText(statusOverGoal, undefined, { locale: 'en' }), at, 'en')!.markdown;
    assert.match(en, /^\*\*Goal\*\* “订单准时交付率”: 95% 以上 — \*\*missed 98%\*\*/);
    assert.match(en, /Decided by line 13: “93\.1%”/);
    assert.match(en, /The report says “达成” \(line 13\), but the figures say otherwise\./);
    const zh = provideHover(analyzeText(statusOverGoal, undefined, { locale: 'zh-cn' }), at, 'zh-cn')!.markdown;
    assert.match(zh, /^\*\*目标\*\*“订单准时交付率”：95% 以上 — \*\*未达成 98%\*\*/);
    assert.match(zh, /报告写明“达成”（第 13 行），但数据显示并非如此。/);
  });

  it('says nothing where the status agrees with the figures', () => {
    assert.deepEqual(found(analyzeText(statusOverGoal.replace('| 达成 |', '| 未达成 |')), 'status-contradiction'), []);
  });

  it('flags a claim of success about a goal the figures say was missed', () => {
    const text = statusOverGoal.replace(/\n## 三、结语[\s\S]*$/u, '\n## 三、结语\n\n订单准时交付率提升至 93.1%，达到预期目标。\n');
    assert.deepEqual(found(analyzeText(text), 'status-contradiction').map(([line, cell]) => [line, cell]), [[13, '达成'], [17, '达到预期目标']]);
  });
});

describe('goals: KPI tables named in other words', () => {
  it('reads a table with a target and an actual column as a KPI table, whatever its first column says', () => {
    const en = analyzeText(
      report(
        '## Results\n\n| Objective | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Escalated chat AHT | 7 min | 7 min 40 s | ❌ |\n| Go-live date | 1 Apr 2024 | 8 Apr 2024 | Missed |\n| CSAT | 85% | 88% | Missed |\n',
        'Project Closure Report',
      ),
    );
    // 7 min 40 s is one figure, AHT is better lower, a date to reach is a deadline: only the CSAT status is wrong.
    assert.deepEqual(found(en, 'status-contradiction').map(([line, cell]) => [line, cell]), [[9, 'Missed']]);
    const zh = analyzeText(report('## 项目成果\n\n| 建设目标 | 目标值 | 完成值 | 完成情况 |\n| --- | --- | --- | --- |\n| 新建机房 | 3 个 | 2 个 | 已完成 |\n| 改造网点 | 10 家 | 按计划推进 | 达成 |\n'));
    assert.deepEqual(found(zh, 'status-contradiction').map(([line, cell]) => [line, cell]), [[7, '已完成']]);
    assert.deepEqual(found(zh, 'kpi-table').map(([line, cell]) => [line, cell]), [[8, '按计划推进']]);
  });

  it('takes the rows of a Key result | Target | Result table under the objectives for the goals, and the prose that gives its results for outcomes', () => {
    const text = report(
      '## Objectives and Key Results\n\n| Key result | Target | Result | Status |\n| --- | --- | --- | --- |\n| KR1 Chargeback rate ≤ 0.40% of card transactions | 0.40% | 0.38% | ✅ Achieved |\n| KR2 Reduce log ingestion to under 2 TB/day | < 2 TB/day | 1.7 TB/day | ✅ Achieved |\n| KR3 Decommission the old gateway by 30 September | 30 Sep | 26 Sep | ✅ Achieved |\n\nLog ingestion dropped to 1.7 TB/day after we sampled debug logs.\n\n## Lessons learned\n\nSample early.\n',
      'Q3 OKR Retrospective',
    );
    const goals = analyzeText(text).goals;
    // 30 Sep has no year: no figure, so no target to judge the row by.
    assert.deepEqual(goals.map((g) => [g.goal.source, g.goal.metric]), [['table', 'KR1 Chargeback rate ≤ 0.40% of card transactions'], ['table', 'KR2 Reduce log ingestion to under 2 TB/day']]);
    // ≤ in the key result's own words bounds the bare 0.40% of its target cell.
    assert.deepEqual(goals.map((g) => g.verdict), ['met', 'met']);
  });

  it('reads a 指标 | 计划 | 完成 | 达成情况 table: 计划 as the target, a 完成 column of figures as the actual', () => {
    const text = report('## 项目目标\n\n- 新增客户不少于 120 家。\n\n## 项目成果\n\n| 指标 | 计划 | 完成 | 达成情况 |\n| --- | --- | --- | --- |\n| 新增客户 | 120 家 | 134 家 | 达成 |\n');
    const [goal] = buildGoalCheck(analyzeText(text)).goals;
    assert.deepEqual([goal!.verdict, goal!.outcome?.figure], ['met', '134 家']);
  });

  it('reads a cell 12,000 张/月 → 3,100 张/月 as a from–to pair, and a change goal against it', () => {
    const text = report('## 项目目标\n\n- 车间纸质单据数量减少 80% 以上。\n\n## 项目成果\n\n| 序号 | 指标 | 目标值 | 实际值 | 状态 |\n| --- | --- | --- | --- | --- |\n| 1 | 车间纸质单据 | 减少 80% 以上 | 12,000 张/月 → 3,100 张/月 | 达成 |\n');
    const analysis = analyzeText(text);
    const [goal] = buildGoalCheck(analysis).goals;
    assert.deepEqual([goal!.verdict, goal!.outcome?.figure, goal!.outcome?.baseline?.text], ['missed', '3,100 张/月', '12,000 张/月']);
    assert.deepEqual(found(analysis, 'status-contradiction').map(([line, cell]) => [line, cell]), [[11, '达成']]);
  });

  it('takes no claim the report denies (未能完全达到预期目标) for a claim of success', () => {
    const text = report('## 项目目标\n\n- 满意度达到 90% 以上。\n\n## 项目成果\n\n满意度为 86%。\n\n## 结语\n\n部分指标未能完全达到预期目标，需持续改进。\n');
    assert.deepEqual(diagnosticsOf(analyzeText(text), 'status-contradiction'), []);
    assert.deepEqual(diagnosticsOf(analyzeText(text), 'unsupported-claim'), []);
  });

  it('cannot tell a target "or better" of a metric whose better way it does not know', () => {
    const text = report('## Objectives\n\n- Achieve an air permeability of 3.0 m³/(h·m²) or better.\n\n## Results\n\nAir permeability was 2.6 m³/(h·m²).\n', 'Project Closure Report');
    const [goal] = analyzeText(text).goals;
    assert.deepEqual([goal!.verdict, goal!.reason], ['unverifiable', 'direction-unknown']);
  });

  it('reads a table of works with 设计工程量 and 完成工程量 as targets and actuals', () => {
    const text = report('## 一、建设目标\n\n主要建设内容：铺设地埋输水管道 186 公里，新打机井 120 眼。\n\n## 二、项目实施\n\n| 建设内容 | 设计工程量 | 完成工程量 | 完成率 |\n| --- | --- | --- | --- |\n| 新打机井 | 120 眼 | 116 眼 | 96.7% |\n| 地埋输水管道 | 186 公里 | 186.5 公里 | 100.3% |\n');
    const verdicts = analyzeText(text).goals.map((g) => [g.goal.target?.quantity.text, g.verdict, g.outcome?.reading?.quantity.value ?? null]);
    assert.deepEqual(verdicts.sort(), [['120 眼', 'missed', 116], ['186 公里', 'met', 186.5]]);
  });

  it('reads Endline and Outcome as the actual column, Commitment as the target beside a Target column of names, 评估 as the status and 通过 as met', () => {
    const contradicted = (table: string, title?: string) => [...textsByLine(analyzeText(report(`## 项目成果\n\n${table}`, title)), 'status-contradiction')].map(([, texts]) => texts);
    assert.deepEqual(contradicted('| Indicator | Target | Endline | Status |\n| --- | --- | --- | --- |\n| Teachers trained | ≥ 95% | 94.2% | Achieved |\n', 'Final Report'), [['Achieved']]);
    assert.deepEqual(contradicted('| Measure | Target | Outcome | RAG |\n| --- | --- | --- | --- |\n| Scan turnaround | ≤ 3 working days | 4.5 working days | Green |\n', 'Closure Report'), [['Green']]);
    // A table of goals and outcomes (Measure | Goal | Outcome | RAG) is a KPI table too; On track and Hit say met.
    const goalOutcome = analyzeText(
      report('## Results\n\n| Measure | Goal | Outcome | RAG |\n| --- | --- | --- | --- |\n| Capital expenditure | ≤ £1.8m | £1.74m | Red |\n| Metadata published | ≥ 95% of items | TBC | On track |\n| Tier-1 partners | ≥ 12 | 9 | Hit |\n', 'Closure Report'),
    );
    assert.deepEqual([...textsByLine(goalOutcome, 'status-contradiction')].map(([, t]) => t), [['Red'], ['Hit']]);
    assert.deepEqual([...textsByLine(goalOutcome, 'unsupported-claim')].map(([, t]) => t), [['On track']]);
    const committed = analyzeText(report('## Results\n\n| Target | Commitment | Result | Status |\n| --- | --- | --- | --- |\n| Sensors deployed | ≥ 60 | 58 | Achieved |\n', 'Final Report'));
    assert.deepEqual([[...textsByLine(committed, 'status-contradiction')].map(([, t]) => t), diagnosticsOf(committed, 'kpi-table')], [[['Achieved']], []]);
    assert.deepEqual(contradicted('| 指标 | 目标 | 实际 | 评估 |\n| --- | --- | --- | --- |\n| 单条有效线索成本 | ≤ 1,200 元 | 1,286 元 | 达成 |\n| 电池寿命 | ≥ 8 年 | 7.6 年 | 通过 |\n| 库存周转天数 | 65 天 | 63 天 | 通过 |\n'), [['达成'], ['通过']]);
  });

  it('checks a sweeping claim (圆满完成各项建设任务, was a success) against every goal, and takes a plan named again for no claim', () => {
    const claims = (results: string, title?: string) => [...textsByLine(analyzeText(report(results, title)), 'unsupported-claim')].map(([, texts]) => texts);
    const zh = '## 项目目标\n\n- 满意度达到 90% 以上。\n\n## 项目成果\n\n满意度为 86%。\n\n## 结语\n\n';
    assert.deepEqual(claims(`${zh}项目圆满完成各项建设任务。\n`), [['圆满完成各项建设任务']]);
    assert.deepEqual(claims(`${zh}各项考核指标均已全面完成。\n`), [['各项考核指标均已全面完成']]);
    assert.deepEqual(claims(`${zh}工程原计划 2024 年 8 月底前完成全部建设任务。\n`), []);
    const en = '## Objectives\n\n- Satisfaction of at least 90%.\n\n## Results\n\nSatisfaction was 86%.\n\n## Conclusion\n\n';
    assert.deepEqual(claims(`${en}By any measure the migration was a success.\n`, 'Closure Report'), [['was a success']]);
  });

  it('reads milestone tables named by 节点, 工序, Release or a bare Planned / Actual, and takes a span of dates for dates', () => {
    const problems = (table: string) => [...textsByLine(analyzeText(report(`## 实施过程\n\n${table}`)), 'milestone-table')].map(([, texts]) => texts);
    assert.deepEqual(problems('| 节点 | 计划时间 | 实际完成时间 |\n| --- | --- | --- |\n| 方案印发 | 2022-10-31 | 2022-11-25 |\n| 评估报告评审 | 2022-09-30 | 2022-12-16 |\n'), [['2022-09-30']]);
    assert.deepEqual(problems('| 工序 | 开始日期 | 完成日期 |\n| --- | --- | --- |\n| 设备安装 | 2023-11-01 | 2023-09-30 |\n'), [['2023-09-30']]);
    assert.deepEqual(problems('| Release | Date |\n| --- | --- |\n| rc.1 | 2024-10-14 |\n| rc.2 | 2024-10-02 |\n'), [['2024-10-02']]);
    assert.deepEqual(problems('| Milestone | Planned | Actual | Status |\n| --- | --- | --- | --- |\n| Certificate issued | 30 Jun 2024 | TBC | Complete |\n'), [['Complete']]);
    assert.deepEqual(problems('| 阶段 | 时间 |\n| --- | --- |\n| 调研 | 2024 年 4 月—5 月 |\n| 开发 | 2024-06-03 至 07-31 |\n| 试运行 | 8 月 1 日—9 月 15 日 |\n'), []);
    assert.deepEqual(problems('| 阶段 | 时间 |\n| --- | --- |\n| 上线 | 30 Feb 2024 |\n'), [['30 Feb 2024']]);
  });
});


describe('goals: actual dates out of order', () => {
  const problems = (rows: string) => [...textsByLine(analyzeText(report(`## 实施过程\n\n| 节点 | 计划完成 | 实际完成 |\n| --- | --- | --- |\n${rows}`)), 'milestone-table')].map(([, texts]) => texts);

  it('flags an actual finish before the one in the row above (an acceptance dated before the last go-live)', () => {
    assert.deepEqual(problems('| 三仓全部上线 | 2025-06-30 | 2025-06-18 |\n| 项目验收 | 2025-07-15 | 2025-06-12 |\n'), [['2025-06-12']]);
  });

  it('takes a step done on time after a late one above for no mistake, but one done before its own plan for one', () => {
    assert.deepEqual(problems('| 平台上线 | 2024-05-31 | 2024-09-10 |\n| 高架桥交工验收 | 2024-06-30 | 2024-08-12 |\n'), []);
    assert.deepEqual(problems('| 平台上线 | 2024-05-31 | 2024-09-10 |\n| 高架桥交工验收 | 2024-06-30 | 2024-04-12 |\n'), [['2024-04-12']]);
  });
});

describe('goals: a milestone marked on time', () => {
  it('says a row marked 按期完成 or On time contradicts an actual finish after its plan, in both languages, and leaves one on time alone', () => {
    const table = '| 序号 | 节点 | 计划完成 | 实际完成 | 状态 |\n| --- | --- | --- | --- | --- |\n| 1 | 主体结构贯通 | 2023-06-30 | 2023-08-12 | 按期完成 |\n| 2 | 设备安装 | 2023-10-31 | 2023-10-28 | 按期完成 |\n';
    const analysis = analyzeText(report(`## 实施过程\n\n${table}`), undefined, { locale: 'en' });
    assert.deepEqual(found(analysis, 'status-contradiction'), [[7, '按期完成', '“主体结构贯通” is marked “按期完成”, but it finished on 2023-08-12, after its planned 2023-06-30.']]);
    const zh = analyzeText(report(`## 实施过程\n\n${table}`), undefined, { locale: 'zh-cn' });
    assert.deepEqual(found(zh, 'status-contradiction').map(([, , m]) => m), ['“主体结构贯通”标为“按期完成”，但实际完成于 2023-08-12，晚于计划的 2023-06-30。']);
  });
});

describe('goals: units a KPI table gives in its headers', () => {
  it('reads the bare figures of 目标值（万元）and Actual ($k) columns in the unit the header names', () => {
    const check = (body: string, title?: string) => targetVerdicts(analyzeText(report(body, title)));
    assert.deepEqual(
      check('## 一、项目目标\n\n1. 项目总投资控制在 1,200 万元以内。\n\n## 二、项目成果\n\n| 指标 | 目标值（万元） | 实际值（万元） |\n| --- | --- | --- |\n| 项目总投资 | 1,200 | 1,236.5 |\n'),
      [['控制在 1,200 万元以内', 'missed', '1,236.5']],
    );
    assert.deepEqual(
      check('## Objectives\n\n1. Keep cloud spend at or below $40k per month.\n\n## Results\n\n| Metric | Target ($k) | Actual ($k) |\n| --- | --- | --- |\n| Cloud spend per month | 40 | 37.5 |\n', 'Closure Report'),
      [['at or below $40k', 'met', '37.5']],
    );
  });
});

describe('goals: the columns of an acceptance report', () => {
  it('reads 合同指标 as the target and 实测值 as the actual', () => {
    const analysis = analyzeText(
      report('## 一、项目目标\n\n1. 静态功耗不高于 30 μA；\n2. 睡眠模式下不高于 5 μA。\n\n## 二、考核指标完成情况\n\n| 序号 | 考核指标 | 合同指标 | 实测值 | 完成情况 |\n| --- | --- | --- | --- | --- |\n| 1 | 静态功耗 | ≤ 30 μA | 34 μA | ✅ 达标 |\n| 2 | 睡眠模式功耗 | ≤ 5 μA | 3.8 μA | 达标 |\n'),
    );
    assert.deepEqual(buildGoalCheck(analysis).goals.map((g) => [g.verdict, g.outcome?.figure ?? null]), [['missed', '34 μA'], ['met', '3.8 μA']]);
    assert.deepEqual(found(analysis, 'status-contradiction').map(([line, text]) => [line, text]), [[12, '✅ 达标']]);
  });
});

describe('goals: budget tables', () => {
  it('reads a budget table (Budget | Actual) as what was spent, its Total against a budget goal of the same amount, and sets no goals from it', () => {
    const analysis = analyzeText(
      report(
        '## 1. Objectives\n\n1. Train at least 150 teachers.\n\nThe programme was to be delivered within the grant amount of $620,000.\n\n' +
          '## 2. Results\n\nWe trained 164 teachers. CI compute spend fell to $36.5k/month.\n\n' +
          '## 3. Financial Report\n\n| Budget line | Budget (USD) | Actual (USD) |\n| --- | --- | --- |\n| Bursaries | 372,000 | 379,640 |\n| Administration | 25,000 | 20,400 |\n| **Total** | **620,000** | **611,480** |\n',
        'Final Report',
      ),
    );
    assert.deepEqual(
      targetVerdicts(analysis),
      [
        ['at least 150', 'met', '164'],
        ['$620,000', 'met', '611,480'],
      ],
    );
    assert.deepEqual(found(analysis, 'kpi-table'), []);
  });
});

describe('goals: KPI rows that cannot be checked, and totals that do not add up', () => {
  const scorecard = (rows: readonly string[], header = '| # | Measure | Target | Actual | Status |') =>
    analyzeText(report(['## Results', '', header, `|${' --- |'.repeat(header.split('|').length - 2)}`, ...rows, ''].join('\n'), 'Closure Report'));

  it('flags a target of change against a level with no baseline, not one whose row gives the level or the change', () => {
    const analysis = scorecard([
      '| 1 | Diesel use per route | −30% | 41 l/day | Green |',
      '| 2 | Energy cost | −20% (≤ €18,400/month) | €17,900/month | Green |',
      '| 3 | Waiting time | −25% | −27% | Green |',
      '| 4 | Cost per claim, from £148 | −25% | £118 | Red |',
      '| 5 | Share of online sales | +5 percentage points | 93.4% | Green |',
      '| 6 | Queue length | −20% | 18.4% | Green |',
    ]);
    assert.deepEqual(textsOf(analysis, 'kpi-table'), ['41 l/day', '93.4%']);
    const [first] = diagnosticsOf(analysis, 'kpi-table');
    assert.match(first!.message, /change \(−30%\).*level \(41 l\/day\).*no baseline/u);
  });

  it('flags row numbers that skip, not a new group or numbering that restarts', () => {
    const skipped = scorecard(['| 1 | A | ≥ 1 | 2 | Met |', '| 2 | B | ≥ 1 | 2 | Met |', '| 4 | C | ≥ 1 | 2 | Met |']);
    assert.deepEqual(textsOf(skipped, 'kpi-table'), ['4']);
    const ids = scorecard(['| SC-11 | A | ≥ 1 | 2 | Met |', '| SC-13 | B | ≥ 1 | 2 | Met |', '| 2.4 | C | ≥ 1 | 2 | Met |', '| 3.2 | D | ≥ 1 | 2 | Met |']);
    assert.deepEqual(textsOf(ids, 'kpi-table'), ['SC-13', '3.2']);
    const fine = scorecard(['| 1.1 | A | ≥ 1 | 2 | Met |', '| 1.2 | B | ≥ 1 | 2 | Met |', '| 2.1 | C | ≥ 1 | 2 | Met |', '| 1.1 | D | ≥ 1 | 2 | Met |']);
    assert.deepEqual(textsOf(fine, 'kpi-table'), []);
  });

  it('flags a total that is not the sum of its rows, counting signs, subtotals and rounding', () => {
    const text = report(
      [
        '## 五、资金使用情况', '',
        '| 资金来源 | 计划（万元） | 实际（万元） | 差异（万元） | 占比 |', '| --- | --- | --- | --- | --- |',
        '| 市级财政 | 1,200 | 1,180 | −20 | 78% |', '| 区级配套 | 300 | 310 | +10 | 21% |', '| 小计 | 1,500 | 1,490 | −10 | 99% |',
        '| 社会捐赠 | 20.4 | 20.35 | −0.05 | 1% |', '| 合计 | 1,520.4 | 1,510.35 | −10.05 | 100% |', '',
        '| Item | Budget (€k) | Actual (€k) |', '| --- | --- | --- |', '| Coaches | 1,150 | 1,180 |', '| Hardware | 540 | 612 |', '| Total | 1,690 | 1,782 |', '',
      ].join('\n'),
    );
    const analysis = analyzeText(text);
    assert.deepEqual(textsOf(analysis, 'table-total'), ['1,782']);
    assert.match(diagnosticsOf(analysis, 'table-total')[0]!.message, /1,782.*1,792/u);
  });
});

describe('goals: milestone tables named in other words', () => {
  it('reads Activity | Planned | Actual as a milestone table by its dates, and a budget table with the same headers as none', () => {
    const analysis = analyzeText(
      report(
        [
          '## Timeline', '',
          '| Activity | Planned | Actual |', '| --- | --- | --- |', '| Baseline survey | Dec 2021 | Jan 2022 |', '| Midline survey | Mar 2023 | Apr 2023 |', '| Endline survey | Jul 2024 | Jul 2022 |', '',
          '## Budget', '',
          '| Item | Planned | Actual |', '| --- | --- | --- |', '| Staff | 1,200 | 1,150 |', '| Travel | 300 | 280 |', '| Equipment | 500 | 20 |', '',
        ].join('\n'),
        'Grant Closure Report',
      ),
    );
    assert.deepEqual(textsOf(analysis, 'milestone-table'), ['Jul 2022']);
  });
});

describe('goals: a KPI table whose first column is named for a role', () => {
  it('reads Outcome | Target | Actual with the outcomes as names and the actual column as actual', () => {
    const text = report(
      '## Objectives\n\n- Rehouse at least 4,500 boxes of records.\n\n## Where we landed\n\n| Outcome | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Boxes rehoused | ≥ 4,500 | 4,612 | Green |\n| Backlog reduction | 60% | 57.3% | Green |\n',
      'Final Report',
    );
    const analysis = analyzeText(text);
    // The second row sets a goal of its own: a reduction of at least 60% (the amount of a decrease is better larger).
    assert.deepEqual(analysis.goals.map((g) => [g.verdict, g.goal.target?.direction, g.outcome?.reading?.quantity.text]), [
      ['met', 'at-least', '4,612'],
      ['missed', 'at-least', '57.3%'],
    ]);
    assert.deepEqual(textsOf(analysis, 'status-contradiction'), ['Green']);
  });
});

describe('goals: goal tables in other words', () => {
  it('reads Goal | Measure | Target with codes in the Goal column, and 序号 | 指标名称 | 考核值', () => {
    const english = analyzeText(
      report(
        '## Goals\n\n| Goal | Measure | Target |\n| --- | --- | --- |\n| A1 | Students enrolled | at least 2,400 |\n| A2 | Tutors trained | at least 600 |\n\n## Findings\n\nWe enrolled 2,517 students and trained 618 tutors.\n\n## Next steps\n\nA second phase is planned.\n',
        'Final Evaluation Report',
      ),
    );
    assert.deepEqual(english.goals.map((g) => [g.goal.metric, g.verdict]), [['Students enrolled', 'met'], ['Tutors trained', 'met']]);
    const chinese = analyzeText(
      report('## 第二章 考核指标\n\n| 序号 | 指标名称 | 考核值 |\n| --- | --- | --- |\n| 1 | 故障预警准确率 | ≥ 85% |\n| 2 | 平均故障间隔时间 | 较基准值 310 小时提升 20% 以上 |\n\n## 第四章 项目成果\n\n故障预警准确率为 88.6%。平均故障间隔时间由 310 小时提升至 382 小时。\n'),
    );
    assert.deepEqual(chinese.goals.map((g) => [g.goal.target?.direction, g.verdict]), [['at-least', 'met'], ['increase-by', 'met']]);
  });

  it('reads a relative change to a share against the level it leads to (+25% from 3.2% is 4.0%)', () => {
    const text = report(
      '## The brief\n\nAt the kickoff we agreed these KPIs:\n\n- 4,000 new newsletter sign-ups\n- a click-through rate of at least 1.2% on paid social\n- lift Instagram engagement rate by 25% from the Q4 2023 average of 3.2%\n\n## The numbers\n\n| Measure | Target | Actual | Status |\n| --- | --- | --- | --- |\n| Newsletter sign-ups | 4,000 | 4,350 | Hit |\n| Paid social CTR | 1.2% | 0.9% | Missed |\n| Instagram engagement rate | +25% | 4.1% | Hit |\n\n## Next steps\n\nA second phase is planned.\n',
      'Campaign Wrap Report',
    );
    // CTR is the click-through rate (metric-synonyms.yaml).
    assert.deepEqual(analyzeText(text).goals.map((g) => g.verdict), ['met', 'missed', 'met']);
  });
});
