/**
 * The goal check as data (`buildGoalCheck`), as Markdown (`goalCheckMarkdown`) and in the CLI
 * (`check --goals`, and `goals` in the JSON output); and property checks that no input makes the goal
 * engine throw or point outside the text.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { buildGoalCheck, classifyTable, findQuantities, goalCheckMarkdown, parseDate, placeScorecard } from '../../server/src/core/index.js';
import { anyDocument, fuzzSeed, runs } from '../util/documents.js';
import { analyzeText, fixturePath, readFixture, report, runCli } from './util.js';

describe('goals: buildGoalCheck', () => {
  it('counts the verdicts, the placeholders left and the missing chapters', () => {
    const check = buildGoalCheck(analyzeText(readFixture('corpus/seed-2-market-expansion.md')));
    assert.deepEqual(check.totals, { met: 0, missed: 0, unverifiable: 4, noOutcome: 0 });
    assert.equal(check.placeholders, 14);
    assert.deepEqual([check.missingChapters, check.missingChapterTitles], [[], []]);
  });

  it('lists the slot ids and titles of missing chapters', () => {
    const check = buildGoalCheck(analyzeText(report('## 项目背景与目标\n\n目标是将审批周期缩短至3天。\n\n## 项目成果\n\n审批周期缩短至2天。\n')));
    assert.ok(check.missingChapters.includes('lessons'), check.missingChapters.join());
    assert.equal(check.missingChapterTitles.length, check.missingChapters.length);
    assert.deepEqual(check.goals.map((g) => [g.line, g.verdict, g.achievement]), [[5, 'met', 1.5]]);
  });

  it('is empty for a document that is not a report', () => {
    const check = buildGoalCheck(analyzeText('# Notes\n\nWe aim to cut costs by 20%.\n', 'file:///r/notes.md'));
    assert.deepEqual([check.goals, check.totals.met, check.missingChapters], [[], 0, []]);
  });

  it('is plain data: it survives a JSON round trip unchanged', () => {
    const check = buildGoalCheck(analyzeText(readFixture('goals/政务服务流程再造项目总结报告.md')));
    assert.deepEqual(JSON.parse(JSON.stringify(check)), check);
  });
});

describe('goals: goalCheckMarkdown', () => {
  const text = readFixture('goals/政务服务流程再造项目总结报告.md');
  const check = buildGoalCheck(analyzeText(text));

  it('writes a table a writer can hand in: 指标 | 目标值 | 实际值 | 达成率 | 结论, one row per goal, no line numbers', () => {
    const lines = goalCheckMarkdown(check, 'zh-cn').split('\n');
    assert.equal(lines[0], '| 指标 | 目标值 | 实际值 | 达成率 | 结论 |');
    assert.equal(lines[2], '| 企业开办审批周期 | 3个工作日以内 | 2.5个工作日 | 120% | 达成 |');
    assert.equal(lines.filter((l) => l.startsWith('| ')).length, 2 + check.goals.length);
    assert.deepEqual(lines.slice(2 + check.goals.length), ['']);
    assert.ok(!lines.some((l) => /第 \d+ 行/.test(l)), lines.join('\n'));
  });

  it('copies no placeholder or vague figure: a dash stands there and the verdict says why', () => {
    const lines = goalCheckMarkdown(check, 'zh-cn').split('\n');
    assert.ok(lines.includes('| 数据共享 | — | 32个 | — | 无法判断（占位符） |'), lines.join('\n'));
    assert.ok(lines.includes('| 新增自助终端 | — | 45台 | — | 无法判断（模糊数量） |'), lines.join('\n'));
    assert.ok(lines.includes('| 历史档案数字化 | 10万卷 | — | — | 无成果 |'), lines.join('\n'));
    const inserted = analyzeText(`${text}\n${goalCheckMarkdown(check, 'zh-cn')}`);
    assert.equal(inserted.placeholders.length, analyzeText(text).placeholders.length);
  });

  it('writes the same table in English', () => {
    const lines = goalCheckMarkdown(check, 'en').split('\n');
    assert.equal(lines[0], '| Metric | Target | Actual | Achievement | Verdict |');
    assert.ok(lines.includes('| 网办率 | 提升20% | 15个百分点 | — | Cannot tell (different units) |'), lines.join('\n'));
  });

  it('escapes pipes and line breaks of report text, so each goal stays one row', () => {
    const text = report('## 项目背景与目标\n\n目标如下：\n\n1. 审批|周期：缩短至3天\n   以内；\n\n## 项目成果\n\n审批周期缩短至2天。\n');
    const markdown = goalCheckMarkdown(buildGoalCheck(analyzeText(text)), 'en');
    const row = markdown.split('\n')[2]!;
    assert.ok(row.startsWith('| 审批\\|周期 |'), row);
    assert.equal(row.split(/(?<!\\)\|/).length, 7, row);
  });
});

describe('goals: a scorecard inserted into the report', () => {
  const text = readFixture('goals/政务服务流程再造项目总结报告.md');
  const before = analyzeText(text);
  const edit = placeScorecard(before, 0);
  const after = analyzeText(text.slice(0, edit.start) + edit.newText + text.slice(edit.end));
  const summary = (a: typeof before) => a.goals.map((g) => [g.goal.text, g.verdict, g.outcome?.statement.text]);
  const results = before.chapters.find((c) => c.slots.includes('results'))!.section;

  it('goes to the end of the results chapter', () => {
    assert.ok(edit.start > results.heading.end && edit.start <= results.end, `${edit.start} in ${results.start}–${results.end}`);
    assert.match(edit.newText, /^\n\n\| 指标 \| 目标值 \| 实际值 \| 达成率 \| 结论 \|\n/);
  });

  it('is never read as goals or outcomes, and its cells are not checked as a KPI table', () => {
    assert.deepEqual(summary(after), summary(before));
    const codes = (a: typeof before) => a.diagnostics.map((d) => d.code).sort();
    assert.deepEqual(codes(after), codes(before));
    assert.equal(after.model.tables.filter((t) => classifyTable(t) === 'scorecard').length, 1);
  });

  it('is updated in place when inserted again, in either language', () => {
    const again = placeScorecard(after, 0);
    const table = after.model.tables.find((t) => classifyTable(t) === 'scorecard')!;
    assert.deepEqual([again.start, again.end], [table.start, table.end]);
    const english = goalCheckMarkdown(buildGoalCheck(before), 'en').replace(/\n$/, '');
    const swapped = analyzeText(text.slice(0, edit.start) + `\n\n${english}` + text.slice(edit.end));
    assert.equal(swapped.model.tables.filter((t) => classifyTable(t) === 'scorecard').length, 1);
  });

  it('is a KPI table again once a writer changes its verdicts into words of their own', () => {
    const edited = after.model.text.replace('| 达成 |\n', '| 提前完成 |\n');
    assert.ok(analyzeText(edited).model.tables.some((t) => classifyTable(t) === 'kpi' && t.header[4]?.text === '结论'));
  });

  it('goes where the cursor is when the report has no results chapter', () => {
    const plain = analyzeText(report('## 项目背景与目标\n\n目标是将审批周期缩短至3天。\n'));
    const at = plain.model.text.length - 1;
    assert.deepEqual([placeScorecard(plain, at).start, placeScorecard(plain, at).newText.startsWith('\n| 指标')], [at, true]);
  });
});

describe('goals: the CLI', () => {
  it('adds the goals of each report to the JSON output, in the documented shape', async () => {
    const { status, stdout } = await runCli(['check', '--format', 'json', fixturePath('goals/frontmatter-goals.md')]);
    assert.equal(status, 0);
    const [file] = JSON.parse(stdout).files;
    const [goal] = file.goals;
    assert.deepEqual(
      {
        line: goal.line,
        metric: goal.metric,
        target: { value: goal.target.value, unit: goal.target.unit, direction: goal.target.direction, placeholder: goal.target.placeholder },
        outcome: { line: goal.outcome.line, text: goal.outcome.text, value: goal.outcome.value, unit: goal.outcome.unit },
        verdict: goal.verdict,
        achievement: goal.achievement,
      },
      {
        line: 5,
        metric: '颗粒物 CADR',
        target: { value: 600, unit: 'm³/h', direction: 'at-least', placeholder: false },
        outcome: { line: 30, text: '颗粒物CADR：第三方检测实测为628 m³/h。', value: 628, unit: 'm³/h' },
        verdict: 'met',
        achievement: 1.047,
      },
    );
    assert.equal(file.goals.find((g: { metric: string }) => g.metric === '上市时间').outcome, null);
    assert.deepEqual(file.goalTotals, { met: 3, missed: 0, unverifiable: 1, noOutcome: 1 });
  });

  it('prints the scorecard after the diagnostics with --goals, and not without', async () => {
    const file = path.join(process.cwd(), 'examples/clean-项目总结报告.md');
    const withGoals = await runCli(['check', '--goals', file]);
    assert.equal(withGoals.status, 0);
    const lines = withGoals.stdout.trimEnd().split('\n');
    assert.ok(lines[0]!.endsWith('clean-项目总结报告.md: 6 goals'), lines[0]);
    assert.equal(lines[3], '  L13  missed 96.2%  入职半年内流失率: 25%以下 → 26% (line 52)');
    assert.equal(lines[7], '  Met 5 · missed 1 · cannot tell 0 · no outcome 0 · placeholders left 0');
    assert.equal((await runCli(['check', file])).stdout, '', 'a clean report prints nothing without --goals');
  });

  it('prints the scorecard in Chinese with --locale zh-cn', async () => {
    const { stdout } = await runCli(['check', '--goals', '--locale', 'zh-cn', fixturePath('corpus/seed-3-process-optimization.md')]);
    assert.ok(stdout.includes('  L9  无法判断（占位符）  流程周期：缩短XX% → 数小时（第 95 行）'), stdout);
    assert.ok(stdout.includes('seed-3-process-optimization.md：4 项目标'), stdout);
  });

  it('documents --goals in the usage text of both languages', async () => {
    assert.match((await runCli(['--help'])).stdout, /--goals\s+also print each report's goals/);
    const zh = (await runCli(['--help'], { LC_ALL: 'zh_CN.UTF-8' })).stdout;
    assert.match(zh, /--goals\s+同时列出/);
  });
});

describe('goals: property checks', function () {
  this.timeout(600_000);

  it('reads figures from any string without throwing, each span holding its text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.stringMatching(/^[0-9XxX×.,，%％万亿元个天周年月日至到\-–~ 约以上内下数十百千a-z$€¥]{0,60}$/)), (text) => {
        for (const q of findQuantities(text)) {
          assert.ok(q.start >= 0 && q.start < q.end && q.end <= text.length, `${q.start}..${q.end} in ${text.length}`);
          assert.equal(text.slice(q.start, q.end), q.text);
          assert.ok(q.value === undefined || Number.isFinite(q.value));
        }
        const date = parseDate(text);
        assert.ok(date === undefined || (Number.isInteger(date.first) && date.first <= date.last));
      }),
      { seed: fuzzSeed, numRuns: runs(2000) },
    );
  });

  it('builds the goal check of any document without throwing, with lines and spans inside it and totals that add up @props', () => {
    fc.assert(
      fc.property(anyDocument, (text) => {
        const analysis = analyzeText(text, undefined, { reportDetection: 'always' });
        const check = buildGoalCheck(analysis);
        const lineCount = text.split(/\r\n|\r|\n/).length;
        const inside = (span: { start: number; end: number }, line: number) =>
          span.start >= 0 && span.start <= span.end && span.end <= text.length && line >= 1 && line <= lineCount;
        for (const goal of check.goals) {
          assert.ok(inside(goal.span, goal.line), `goal ${JSON.stringify(goal.span)} line ${goal.line}`);
          for (const o of [goal.outcome, ...goal.alternatives]) if (o) assert.ok(inside(o.span, o.line), `outcome ${JSON.stringify(o.span)}`);
          assert.ok(goal.achievement === null || Number.isFinite(goal.achievement));
          assert.ok(goal.verdict !== 'met' || (goal.target !== null && goal.outcome !== null), 'met needs a target and an outcome');
        }
        const { met, missed, unverifiable, noOutcome } = check.totals;
        assert.equal(met + missed + unverifiable + noOutcome, check.goals.length);
        goalCheckMarkdown(check, 'zh-cn');
      }),
      { seed: fuzzSeed, numRuns: runs(300) },
    );
  });
});
