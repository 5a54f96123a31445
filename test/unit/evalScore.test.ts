/**
 * The scorer of `npm run eval` (test/eval/score.ts): a small report and a key that agrees with the engine
 * on some points and not on others, so that every count is known.
 */
import * as assert from 'node:assert/strict';
import type { DiagnosticCode, ReportAnalysis, ReportDiagnostic } from '../../server/src/core/index.js';
import type { Key, KeyGoal } from '../eval/keys.js';
import { analyzeKeyed, metrics, percentage, scoreReport, sumScores, type MetricId, type Ratio, type Scores } from '../eval/score.js';
import { lineStart } from './util.js';

// Line numbers are on the right; the engine's findings, checked by the first test, in the comments.
const text = [
  '# 项目总结报告', //                                   1
  '',
  '## 一、项目目标', //                                  3  goals
  '',
  '1. 用户满意度达到 90% 以上', //                       5  goal, met (92%)
  '2. 系统可用率不低于 99.9%', //                        6  goal, missed (99.5%)
  '3. 培训员工不少于 200 人次', //                       7  goal, no outcome
  '4. 门店覆盖率达到 80%', //                            8  goal, met (85%)
  '5. 成本降低 10%', //                                  9  goal, no outcome
  '6. 开设新店 3 家', //                                10  goal, no outcome
  '',
  '## 二、实施过程', //                                 12  implementation
  '',
  '项目于 XX 月启动，共走访数十家门店，若干城市。', //  14  placeholder XX 月; vague 数十家, 若干
  '',
  '## 三、项目成果', //                                 16  results; missing challenges
  '',
  '用户满意度达到 92%。系统可用率为 99.5%。门店覆盖率达到 85%。',
  '',
  '## 四、经验教训', //                                 20  lessons; missing outlook, conclusion
  '',
  '### 4.1 收尾', //                                    22  the key: covers the conclusion; the engine: no slot
  '',
  '无。',
  '',
].join('\n');

const goal = (id: string, line: number, verdict: KeyGoal['verdict'], alsoAt: number[] = []): KeyGoal => ({
  id,
  line,
  also_at: alsoAt,
  text: '',
  metric: '',
  target: { value: 0, unit: '%', direction: 'at-least' },
  verdict,
  why: '',
});

/** The key with only these goals (no chapters, items or not-goals to score). */
const goalsOnly = (goals: KeyGoal[]): Key => ({
  ...key,
  chapters: [],
  covered_as_section: [],
  missing_slots: [],
  placeholders: [],
  vague_quantities: [],
  not_goals: [],
  goals,
});

/** Goals found, verdicts right and wrong calls of a report scored against a key with only these goals. */
function goalCounts(name: string, text: string, goals: KeyGoal[]): Record<string, [number, number]> {
  const only = goalsOnly(goals);
  return counts(scoreReport(only, analyzeKeyed({ name, text, key: only })).scores, ['goals-found', 'verdicts-right', 'wrong-calls']);
}

const key: Key = {
  file: 'synthetic.md',
  language: 'zh',
  is_report: true,
  chapters: [
    { line: 3, heading: '一、项目目标', slots: ['goals'] },
    { line: 12, heading: '二、实施过程', slots: ['management'] }, // the engine says implementation
    { line: 16, heading: '三、项目成果', slots: ['results'] },
    { line: 20, heading: '四、经验教训', slots: ['lessons'] },
  ],
  covered_as_section: [{ slot: 'conclusion', line: 22, heading: '4.1 收尾' }],
  missing_slots: ['challenges', 'outlook', 'success-factors'],
  order_defects: [{ line: 16, slot: 'results', before: 'implementation' }],
  placeholders: [{ line: 14, text: 'XX' }, { line: 18, text: '92%' }],
  vague_quantities: [{ line: 14, text: '走访数十家门店' }],
  goals: [
    goal('G1', 5, 'met'),
    goal('G2', 6, 'met'), // the engine says missed
    goal('G3', 7, 'no-outcome'),
    goal('G4', 18, 'met', [8]), // found through also_at
    goal('G5', 14, 'unverifiable'), // not found
  ],
  not_goals: [{ line: 9, text: '成本降低 10%', why: '' }],
};

const analysis = analyzeKeyed({ name: key.file, text, key });

function counts(scores: Scores, ids: readonly MetricId[]): Record<string, [number, number]> {
  return Object.fromEntries(ids.map((id) => [id, [scores[id].numerator, scores[id].denominator]]));
}

/** A diagnostic covering the first `covered` on `line`. */
function diagnosticAt(code: string, line: number, covered: string): ReportDiagnostic {
  const start = text.indexOf(covered, lineStart(text, line));
  // `status-contradiction` is a code the engine does not have yet; the scorer already counts it.
  return { code: code as DiagnosticCode, severity: 'warning', start, end: start + covered.length, message: '' };
}

describe('eval: scoring a report against its key', () => {
  const { scores, misses } = scoreReport(key, analysis);

  it('counts chapters, missing slots and order defects', () => {
    assert.deepEqual(counts(scores, ['reports-recognised', 'chapter-slots', 'missing-found', 'missing-false', 'missing-false-covered', 'order-found', 'order-false']), {
      'reports-recognised': [1, 1],
      'chapter-slots': [3, 4],
      'missing-found': [2, 3],
      'missing-false': [1, 3],
      'missing-false-covered': [1, 1],
      'order-found': [0, 1],
      'order-false': [0, 0],
    });
  });

  it('matches placeholders and vague quantities on their line when one text holds the other', () => {
    assert.deepEqual(counts(scores, ['placeholders-found', 'placeholders-false', 'vague-found', 'vague-false']), {
      'placeholders-found': [1, 2],
      'placeholders-false': [0, 1],
      'vague-found': [1, 1],
      'vague-false': [1, 2],
    });
  });

  it('finds goals on their line or also_at, and judges every engine goal found for one', () => {
    assert.deepEqual(counts(scores, ['goals-found', 'goals-false', 'goals-extra', 'verdicts-right', 'wrong-calls', 'wrong-met', 'wrong-missed', 'no-outcome-right']), {
      'goals-found': [4, 5],
      'goals-false': [1, 6],
      'goals-extra': [1, 6],
      'verdicts-right': [3, 5],
      'wrong-calls': [1, 5],
      'wrong-met': [0, 5],
      'wrong-missed': [1, 5],
      'no-outcome-right': [1, 3],
    });
  });

  it('lists the misses worst first: wrong calls, goals not found, slots, missing slots not reported, false claims, placeholders, goal-no-outcome warnings the key has no goal for', () => {
    assert.deepEqual(misses.map((m) => [m.kind, m.line]), [
      ['wrong-call', 6],
      ['goal-not-found', 14],
      ['wrong-slots', 12],
      ['missed-missing', 1],
      ['false-missing', 22],
      ['missed-placeholder', 18],
      ['false-no-outcome', 9],
      ['false-no-outcome', 10],
    ]);
    const wrong = misses[0]!;
    assert.ok(wrong.kind === 'wrong-call');
    assert.deepEqual(wrong.engine.map((c) => [c.line, c.verdict, c.actual, c.outcomeLine]), [[6, 'missed', '99.5%', 18]]);
  });

  it('finds table defects, claims and contradictions by the diagnostic on their line', () => {
    const withTableKey: Key = {
      ...key,
      kpi_table_defects: [{ line: 6, text: '99.9%', problem: '' }],
      milestone_defects: [{ line: 7, text: '200', problem: '' }],
      unsupported_claims: [{ line: 18, text: '92%', why: '' }, { line: 5, text: '90%', why: '' }],
      status_contradictions: [{ line: 18, text: '85%', why: '' }, { line: 6, text: '99.9%', why: '' }, { line: 14, text: 'XX', why: '' }],
    };
    const injected: ReportAnalysis = {
      ...analysis,
      diagnostics: [
        ...analysis.diagnostics,
        diagnosticAt('kpi-table', 6, '99.9%'),
        diagnosticAt('unsupported-claim', 18, '92%'),
        diagnosticAt('status-contradiction', 18, '85%'),
        // A kpi-table diagnostic counts for a contradiction only when it covers the key's text.
        diagnosticAt('kpi-table', 14, 'XX 月'),
      ],
    };
    const scored = scoreReport(withTableKey, injected);
    assert.deepEqual(
      scored.misses.filter((m) => m.kind === 'missed-finding').map((m) => m.kind === 'missed-finding' && [m.code, m.line]),
      [['milestone-table', 7], ['unsupported-claim', 5], ['status-contradiction', 14]],
    );
    assert.deepEqual(counts(scored.scores, ['kpi-defects-found', 'milestone-defects-found', 'unsupported-found', 'contradictions-found']), {
      'kpi-defects-found': [1, 1],
      'milestone-defects-found': [0, 1],
      'unsupported-found': [1, 2],
      'contradictions-found': [2, 3],
    });
  });

  it('gives each of two goals on one line the engine goal whose target figure it holds', () => {
    const twoOnALine = '# 项目总结报告\n\n## 一、项目目标\n\n项目目标：门店覆盖不少于30家；用户满意度达到90%以上。\n\n## 二、项目成果\n\n门店覆盖达到32家。用户满意度为85%。\n';
    assert.deepEqual(goalCounts('two.md', twoOnALine, [{ ...goal('G1', 5, 'met'), text: '门店覆盖不少于30家' }, { ...goal('G2', 5, 'missed'), text: '用户满意度达到90%以上' }]), {
      'goals-found': [2, 2],
      'verdicts-right': [2, 2],
      'wrong-calls': [0, 2],
    });
  });

  it('gives each of two goals on one line with the same figure the engine goal of its own words', () => {
    const text = '# 项目总结报告\n\n## 一、项目目标\n\n- 获得授权 1 项；制定企业标准 1 项。\n\n## 二、项目成果\n\n制定企业标准 1 项。尚未获得授权。\n';
    const goals = [
      { ...goal('G1', 5, 'missed'), text: '获得授权 1 项', target: { value: 1, unit: '项', direction: 'at-least' as const } },
      { ...goal('G2', 5, 'met'), text: '制定企业标准 1 项', target: { value: 1, unit: '项', direction: 'at-least' as const } },
    ];
    assert.deepEqual(goalCounts('same-figure.md', text, goals), {
      'goals-found': [2, 2],
      'verdicts-right': [2, 2],
      'wrong-calls': [0, 2],
    });
  });

  it('gives a key deadline on a line with another goal the engine goal with a date, whatever its digits', () => {
    const text = '# 项目总结报告\n\n## 一、项目目标\n\n- 完成全部 48 家网点改造，于 2024 年 10 月底前全部完成。\n\n## 二、项目成果\n\n全部 48 家网点改造完毕，最后一家网点于 2024 年 11 月 22 日完成改造。\n';
    const goals = [
      { ...goal('G1', 5, 'met'), text: '完成全部 48 家网点改造', target: { value: 48, unit: '家', direction: 'at-least' as const } },
      { ...goal('G2', 5, 'missed'), text: '于 2024 年 10 月底前全部完成', target: { value: '2024-10-31', unit: 'date', direction: 'by-date' as const } },
    ];
    assert.deepEqual(goalCounts('deadline.md', text, goals), {
      'goals-found': [2, 2],
      'verdicts-right': [2, 2],
      'wrong-calls': [0, 2],
    });
  });

  it('counts a key chapter wrong when the engine has no chapter on its line', () => {
    const sectionKey: Key = { ...key, chapters: [{ line: 22, heading: '4.1 收尾', slots: ['conclusion'] }] };
    const result = scoreReport(sectionKey, analysis);
    assert.deepEqual(counts(result.scores, ['chapter-slots']), { 'chapter-slots': [0, 1] });
    assert.deepEqual(result.misses.find((m) => m.kind === 'wrong-slots'), { kind: 'wrong-slots', line: 22, heading: '4.1 收尾', key: ['conclusion'], engine: undefined });
  });

  it('counts a document the engine does not take for a report as not recognised', () => {
    const notes = '# 周会记录\n\n讨论了下周安排。\n';
    const result = scoreReport({ ...key, chapters: [], goals: [] }, analyzeKeyed({ name: 'notes.md', text: notes, key }));
    assert.deepEqual(counts(result.scores, ['reports-recognised']), { 'reports-recognised': [0, 1] });
    assert.equal(result.misses[0]?.kind, 'not-recognised');
  });
});

describe('eval: totals', () => {
  it('adds numerators and denominators; a share of nothing has no percentage', () => {
    const one = Object.fromEntries(metrics.map((m) => [m.id, { numerator: 1, denominator: 2 }])) as Record<MetricId, Ratio>;
    const total = sumScores([one, { ...one, 'chapter-slots': { numerator: 0, denominator: 3 } }]);
    assert.deepEqual(total['chapter-slots'], { numerator: 1, denominator: 5 });
    assert.deepEqual(total['wrong-calls'], { numerator: 2, denominator: 4 });
    assert.equal(percentage(total['chapter-slots']), 20);
    assert.equal(percentage(sumScores([])['goals-found']), undefined);
  });
});
