/**
 * The engine's judgement against answer keys: each keyed report is analysed with the generic schema (the
 * keys speak of its slots) and every metric is counted as a numerator over a denominator, per report and
 * summed over a corpus. No file or console access here: `eval.ts` prints, `floors.ts` holds the ratchet.
 */
import {
  createBuiltinRegistry,
  createReportService,
  createTextDocument,
  defaultSettings,
  LineIndex,
  type AnalysisSettings,
  type ReportAnalysis,
  type Verdict,
} from '../../server/src/core/index.js';
import type { Key, KeyGoal, KeyItem, KeyVerdict, KeyedReport } from './keys.js';

/**
 * `higher`: a rate, held by a floor on its percentage. `lower`: a count of false or wrong calls, held by a
 * ceiling on its numerator (its denominator is what the engine claimed, or the key's goals).
 */
export type Better = 'higher' | 'lower';

export const metrics = [
  { id: 'reports-recognised', label: 'reports recognised', better: 'higher' },
  { id: 'chapter-slots', label: 'chapter slots right', better: 'higher' },
  { id: 'missing-found', label: 'missing slots found', better: 'higher' },
  { id: 'missing-false', label: 'false missing claims (of the engine’s)', better: 'lower' },
  { id: 'missing-false-covered', label: '  of them covered as a section', better: 'lower' },
  { id: 'order-found', label: 'order defects found', better: 'higher' },
  { id: 'order-false', label: 'false order claims (of the engine’s)', better: 'lower' },
  { id: 'placeholders-found', label: 'placeholders found', better: 'higher' },
  { id: 'placeholders-false', label: 'false placeholders (of the engine’s)', better: 'lower' },
  { id: 'vague-found', label: 'vague quantities found', better: 'higher' },
  { id: 'vague-false', label: 'false vague quantities (of the engine’s)', better: 'lower' },
  { id: 'goals-found', label: 'goals found', better: 'higher' },
  { id: 'goals-false', label: 'false goals (of the engine’s)', better: 'lower' },
  { id: 'goals-extra', label: 'extra goals (of the engine’s)', better: 'lower' },
  { id: 'verdicts-right', label: 'verdicts right', better: 'higher' },
  { id: 'wrong-calls', label: 'wrong calls', better: 'lower' },
  { id: 'wrong-met', label: '  met but should not', better: 'lower' },
  { id: 'wrong-missed', label: '  missed but should not', better: 'lower' },
  { id: 'kpi-defects-found', label: 'KPI table defects found', better: 'higher' },
  { id: 'milestone-defects-found', label: 'milestone defects found', better: 'higher' },
  { id: 'unsupported-found', label: 'unsupported claims found', better: 'higher' },
  { id: 'contradictions-found', label: 'status contradictions found', better: 'higher' },
  { id: 'claims-false', label: 'false claims and contradictions (of the engine’s)', better: 'lower' },
  { id: 'no-outcome-right', label: 'goal-no-outcome right (of the engine’s)', better: 'higher' },
] as const satisfies readonly { id: string; label: string; better: Better }[];

export type MetricId = (typeof metrics)[number]['id'];

export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

export type Scores = Readonly<Record<MetricId, Ratio>>;

/** The share in per cent; undefined when there is nothing to share. */
export function percentage(ratio: Ratio): number | undefined {
  return ratio.denominator === 0 ? undefined : (100 * ratio.numerator) / ratio.denominator;
}

/** Met, missed, or "cannot tell" (unverifiable and no-outcome alike). */
type Call = 'met' | 'missed' | 'cannot-tell';

const callOf = (verdict: Verdict | KeyVerdict): Call => (verdict === 'met' || verdict === 'missed' ? verdict : 'cannot-tell');

/** What the engine said about one goal it reported for a key goal. */
export interface EngineCall {
  readonly line: number;
  readonly verdict: Verdict;
  readonly target: string | undefined;
  /** The target's figure as written (30个), to tell apart goals stated on one line. */
  readonly figure: string | undefined;
  /** The target is a date (a deadline): on a line with other goals, it is the key's by-date goal. */
  readonly deadline: boolean;
  /** The engine goal's text, to tell apart goals on one line with the same figure (授权 1 项, 企业标准 1 项). */
  readonly text: string;
  readonly actual: string | undefined;
  readonly outcomeLine: number | undefined;
}

/** What `--detail` shows of a report, worst first (see `missWeight`). */
export type Miss =
  | { readonly kind: 'not-recognised'; readonly line: 1; readonly isReport: boolean }
  | { readonly kind: 'wrong-call'; readonly line: number; readonly goal: KeyGoal; readonly engine: readonly EngineCall[] }
  | { readonly kind: 'goal-not-found'; readonly line: number; readonly goal: KeyGoal }
  | { readonly kind: 'verdict-off'; readonly line: number; readonly goal: KeyGoal; readonly engine: readonly EngineCall[] }
  | { readonly kind: 'false-no-outcome'; readonly line: number; readonly text: string }
  | { readonly kind: 'missed-finding'; readonly line: number; readonly code: string; readonly text: string; readonly why: string }
  | { readonly kind: 'wrong-slots'; readonly line: number; readonly heading: string; readonly key: readonly string[]; readonly engine: readonly string[] | undefined }
  | { readonly kind: 'false-missing'; readonly line: number; readonly slot: string; readonly coveredAs: string | undefined }
  | { readonly kind: 'missed-missing'; readonly line: 1; readonly slot: string }
  | { readonly kind: 'false-order'; readonly line: number; readonly text: string }
  | { readonly kind: 'missed-placeholder'; readonly line: number; readonly text: string }
  | { readonly kind: 'false-claim'; readonly line: number; readonly code: string; readonly text: string };

const missWeight: Record<Miss['kind'], number> = {
  'not-recognised': 0,
  'wrong-call': 1,
  'goal-not-found': 2,
  'wrong-slots': 3,
  'false-missing': 4,
  'missed-missing': 4,
  'false-order': 5,
  'missed-placeholder': 6,
  'verdict-off': 7,
  'false-no-outcome': 8,
  'missed-finding': 9,
  'false-claim': 9,
};

export interface ReportScore {
  readonly name: string;
  readonly scores: Scores;
  readonly misses: readonly Miss[];
}

export interface CorpusScore {
  readonly reports: readonly ReportScore[];
  readonly totals: Scores;
}

/** The settings a keyed report is analysed with: the key's language and the generic schema. */
export function evalSettings(key: Key): AnalysisSettings {
  return { ...defaultSettings, locale: key.language === 'zh' ? 'zh-cn' : 'en', schema: 'generic', reportDetection: 'auto', maxNumberOfProblems: 0 };
}

let registry: ReturnType<typeof createBuiltinRegistry> | undefined;

export function analyzeKeyed(report: KeyedReport): ReportAnalysis {
  registry ??= createBuiltinRegistry();
  const document = createTextDocument(`file:///keyed/${encodeURIComponent(report.name)}`, report.text);
  const analysis = createReportService({ registry }).analyze(document, evalSettings(report.key));
  if (!analysis) throw new Error(`the analysis of ${report.name} was cancelled without a cancellation token`);
  return analysis;
}

export function scoreCorpus(reports: readonly KeyedReport[]): CorpusScore {
  const scored = reports.map((report) => ({ name: report.name, ...scoreReport(report.key, analyzeKeyed(report)) }));
  return { reports: scored, totals: sumScores(scored.map((r) => r.scores)) };
}

export function sumScores(all: readonly Scores[]): Scores {
  const totals = {} as Record<MetricId, Ratio>;
  for (const { id } of metrics) {
    totals[id] = { numerator: all.reduce((n, s) => n + s[id].numerator, 0), denominator: all.reduce((n, s) => n + s[id].denominator, 0) };
  }
  return totals;
}

/** A diagnostic or a goal where the scorer looks at it: its 1-based line and the text it covers. */
interface Finding {
  readonly line: number;
  readonly text: string;
}

const ratio = (numerator: number, denominator: number): Ratio => ({ numerator, denominator });

/** The same line, and one text holds the other (a key's `XX%` in the engine's `提升XX%`, or the reverse). */
const sameItem = (key: KeyItem, found: Finding): boolean =>
  key.line === found.line && found.text !== '' && (found.text.includes(key.text) || key.text.includes(found.text));

export function scoreReport(key: Key, analysis: ReportAnalysis): { scores: Scores; misses: Miss[] } {
  const text = analysis.model.text;
  const index = new LineIndex(text);
  const lineOf = (offset: number) => index.positionAt(offset).line + 1;
  // A string, not a DiagnosticCode: the scorer also counts codes the engine does not have yet.
  const findings = (code: string): Finding[] =>
    analysis.diagnostics.filter((d) => d.code === code).map((d) => ({ line: lineOf(d.start), text: text.slice(d.start, d.end) }));
  const linesOf = (code: string) => new Set(findings(code).map((f) => f.line));
  const misses: Miss[] = [];

  const recognised = analysis.isReport === key.is_report;
  if (!recognised) misses.push({ kind: 'not-recognised', line: 1, isReport: analysis.isReport });

  const engineChapters = new Map(analysis.chapters.map((c) => [lineOf(c.section.heading.start), c.slots]));
  let slotsRight = 0;
  for (const chapter of key.chapters) {
    const engine = engineChapters.get(chapter.line);
    const same = engine !== undefined && engine.length === new Set(chapter.slots).size && engine.every((s) => chapter.slots.includes(s));
    if (same) slotsRight++;
    else misses.push({ kind: 'wrong-slots', line: chapter.line, heading: chapter.heading, key: chapter.slots, engine });
  }

  const keyMissing = new Set(key.missing_slots);
  const engineMissing = new Set(
    analysis.diagnostics.flatMap((d) => (d.code === 'missing-chapter' && d.data?.kind === 'missing-chapter' ? [d.data.slot] : [])),
  );
  const falseMissing = [...engineMissing].filter((slot) => !keyMissing.has(slot));
  const covered = new Map((key.covered_as_section ?? []).map((c) => [c.slot, c] as const));
  for (const slot of falseMissing) {
    const section = covered.get(slot);
    misses.push({ kind: 'false-missing', line: section?.line ?? 1, slot, coveredAs: section?.heading });
  }
  for (const slot of keyMissing) if (!engineMissing.has(slot)) misses.push({ kind: 'missed-missing', line: 1, slot });

  const keyOrder = new Set((key.order_defects ?? []).map((o) => o.line));
  const engineOrder = findings('chapter-order');
  const falseOrder = engineOrder.filter((f) => !keyOrder.has(f.line));
  for (const f of falseOrder) misses.push({ kind: 'false-order', line: f.line, text: f.text });

  const matchItems = (keyItems: readonly KeyItem[] | undefined, code: string) => {
    const found = findings(code);
    return {
      missed: (keyItems ?? []).filter((k) => !found.some((f) => sameItem(k, f))),
      falseCount: found.filter((f) => !(keyItems ?? []).some((k) => sameItem(k, f))).length,
      keyCount: keyItems?.length ?? 0,
      engineCount: found.length,
    };
  };
  const placeholders = matchItems(key.placeholders, 'placeholder');
  for (const k of placeholders.missed) misses.push({ kind: 'missed-placeholder', line: k.line, text: k.text });
  const vague = matchItems(key.vague_quantities, 'vague-quantity');

  const goals = scoreGoals(key, analysis, lineOf, misses);

  const foundOnLine = <T extends KeyItem>(keyItems: readonly T[] | undefined, code: string, matches: (item: T) => boolean): Ratio => {
    const missed = (keyItems ?? []).filter((k) => !matches(k));
    for (const k of missed) misses.push({ kind: 'missed-finding', line: k.line, code, text: k.text, why: 'why' in k ? String(k.why) : '' });
    return ratio((keyItems?.length ?? 0) - missed.length, keyItems?.length ?? 0);
  };
  // A total that is not the sum of its rows is a table defect of the keys' kind too.
  const kpiLines = new Set([...linesOf('kpi-table'), ...linesOf('table-total')]);
  const milestoneLines = linesOf('milestone-table');
  const unsupportedLines = linesOf('unsupported-claim');
  const contradictionLines = linesOf('status-contradiction');
  const kpiFindings = findings('kpi-table');
  // The keys call a success claim the figures contradict either; a finding of either code on a line the
  // key gives neither is false.
  const claimLines = new Set([...(key.unsupported_claims ?? []), ...(key.status_contradictions ?? [])].map((k) => k.line));
  const claimFindings = ['unsupported-claim', 'status-contradiction'].flatMap((code) => findings(code).map((f) => ({ ...f, code })));
  const falseClaims = claimFindings.filter((f) => !claimLines.has(f.line));
  for (const f of falseClaims) misses.push({ kind: 'false-claim', line: f.line, code: f.code, text: f.text });

  const noOutcomeLines = new Set((key.goals ?? []).filter((g) => g.verdict === 'no-outcome').flatMap(goalLines));
  const noOutcome = findings('goal-no-outcome');
  for (const f of noOutcome) if (!noOutcomeLines.has(f.line)) misses.push({ kind: 'false-no-outcome', line: f.line, text: f.text });

  misses.sort((a, b) => missWeight[a.kind] - missWeight[b.kind] || a.line - b.line);
  return {
    misses,
    scores: {
      'reports-recognised': ratio(recognised ? 1 : 0, 1),
      'chapter-slots': ratio(slotsRight, key.chapters.length),
      'missing-found': ratio([...keyMissing].filter((slot) => engineMissing.has(slot)).length, keyMissing.size),
      'missing-false': ratio(falseMissing.length, engineMissing.size),
      'missing-false-covered': ratio(falseMissing.filter((slot) => covered.has(slot)).length, falseMissing.length),
      'order-found': ratio([...keyOrder].filter((line) => engineOrder.some((f) => f.line === line)).length, keyOrder.size),
      'order-false': ratio(falseOrder.length, engineOrder.length),
      'placeholders-found': ratio(placeholders.keyCount - placeholders.missed.length, placeholders.keyCount),
      'placeholders-false': ratio(placeholders.falseCount, placeholders.engineCount),
      'vague-found': ratio(vague.keyCount - vague.missed.length, vague.keyCount),
      'vague-false': ratio(vague.falseCount, vague.engineCount),
      ...goals,
      'kpi-defects-found': foundOnLine(key.kpi_table_defects, 'kpi-table', (k) => kpiLines.has(k.line)),
      'milestone-defects-found': foundOnLine(key.milestone_defects, 'milestone-table', (k) => milestoneLines.has(k.line)),
      'unsupported-found': foundOnLine(key.unsupported_claims, 'unsupported-claim', (k) => unsupportedLines.has(k.line)),
      'contradictions-found': foundOnLine(
        key.status_contradictions,
        'status-contradiction',
        (k) => contradictionLines.has(k.line) || kpiFindings.some((f) => f.line === k.line && f.text === k.text),
      ),
      'claims-false': ratio(falseClaims.length, claimFindings.length),
      'no-outcome-right': ratio(noOutcome.filter((f) => noOutcomeLines.has(f.line)).length, noOutcome.length),
    },
  };
}

/** Every line a key goal is stated on. */
function goalLines(goal: KeyGoal): number[] {
  return [goal.line, ...(goal.also_at ?? [])];
}

type GoalMetric = 'goals-found' | 'goals-false' | 'goals-extra' | 'verdicts-right' | 'wrong-calls' | 'wrong-met' | 'wrong-missed';

/**
 * A key goal is found when the engine reports a goal on one of its lines. The engine may report it more
 * than once (the goal list and a KPI row): its verdict is right when every one of them gives the key's
 * call, and a wrong call when any of them says met or missed where the key does not. Where several key
 * goals share a line (目标：A不少于30个，B1,800人次以上), a key goal takes the engine goals on it whose target
 * figure its text holds (30 for A), and all of them only when none does.
 */
/** A goal's text without spaces and punctuation, to tell whether one holds another. */
const squeeze = (text: string) => text.replace(/[\s,，。；;.]/gu, '');

function scoreGoals(key: Key, analysis: ReportAnalysis, lineOf: (offset: number) => number, misses: Miss[]): Record<GoalMetric, Ratio> {
  const engine = analysis.goals.map((result): EngineCall => ({
    line: lineOf(result.goal.start),
    verdict: result.verdict,
    target: result.goal.targetText,
    figure: result.goal.target?.quantity.text,
    deadline: result.goal.target?.quantity.unit.dimension === 'date',
    text: result.goal.text,
    actual: result.outcome?.reading?.quantity.text,
    outcomeLine: result.outcome ? lineOf(result.outcome.statement.start) : undefined,
  }));
  const keyGoals = key.goals ?? [];
  const notGoalLines = new Set((key.not_goals ?? []).map((n) => n.line));
  const namedLines = new Set([...keyGoals.flatMap(goalLines), ...notGoalLines]);
  let found = 0;
  let right = 0;
  let wrong = 0;
  let wrongMet = 0;
  let wrongMissed = 0;
  const keyGoalsOn = (line: number) => keyGoals.filter((g) => goalLines(g).includes(line)).length;
  const digits = (text: string | undefined) => text?.replace(/[^\d.]/g, '') ?? '';
  // A figure written without digits (压缩两成, 翻一番) is the goal's when the key's text holds it as written.
  const writtenIn = (text: string, figure: string | undefined) => figure !== undefined && !/\d/.test(figure) && figure.trim() !== '' && squeeze(text).includes(squeeze(figure));
  // Whether a figure's number stands as a whole number in a text: 0 起 is not in 80%.
  const holds = (text: string, figure: string) => figure !== '' && new RegExp(`(?<![\\d.])${figure.replace(/\./g, '\\.')}(?![\\d])`).test(text.replace(/[,，\s]/g, ''));
  // The engine goals of a key goal's lines whose figure is the key goal's own: the figure's number as a whole
  // number of the key's text; a deadline is the engine's goal with a date for a target, whatever its digits.
  const ownOf = (goal: KeyGoal) => {
    const byDate = goal.target.direction === 'by-date';
    const lines = goalLines(goal);
    return engine.filter((c) => lines.includes(c.line) && (c.deadline || byDate ? c.deadline === byDate : (holds(goal.text, digits(c.figure)) || writtenIn(goal.text, c.figure))));
  };
  for (const goal of keyGoals) {
    const lines = goalLines(goal);
    const onLines = lines.flatMap((line) => engine.filter((e) => e.line === line));
    const shared = lines.some((line) => keyGoalsOn(line) > 1);
    const own = ownOf(goal);
    // Goals of one line with the same figure: the engine goal whose text is the key's, or holds it.
    const named = own.filter((c) => squeeze(c.text).includes(squeeze(goal.text)) || squeeze(goal.text).includes(squeeze(c.text)));
    // On a line of several goals, an engine goal whose figure is another key goal's speaks for that one, not this.
    const others = shared ? new Set(keyGoals.filter((g) => g !== goal && goalLines(g).some((l) => lines.includes(l))).flatMap(ownOf)) : new Set();
    const calls = shared ? (own.length ? (own.length > 1 && named.length ? named : own) : onLines.filter((c) => !others.has(c))) : onLines;
    if (calls.length === 0) {
      misses.push({ kind: 'goal-not-found', line: goal.line, goal });
      continue;
    }
    found++;
    const expected = callOf(goal.verdict);
    if (calls.every((c) => callOf(c.verdict) === expected)) right++;
    else if (calls.every((c) => c.verdict !== 'met' || expected === 'met') && calls.every((c) => c.verdict !== 'missed' || expected === 'missed')) {
      misses.push({ kind: 'verdict-off', line: goal.line, goal, engine: calls.filter((c) => callOf(c.verdict) !== expected) });
    }
    const saysMet = expected !== 'met' && calls.some((c) => c.verdict === 'met');
    const saysMissed = expected !== 'missed' && calls.some((c) => c.verdict === 'missed');
    if (saysMet) wrongMet++;
    if (saysMissed) wrongMissed++;
    if (saysMet || saysMissed) {
      wrong++;
      misses.push({ kind: 'wrong-call', line: goal.line, goal, engine: calls.filter((c) => callOf(c.verdict) !== expected) });
    }
  }
  // On a line that holds goals too (共确定 10 项目标。其中…的目标是：A，B), an engine goal is a false one only
  // when its figure is a not-goal's and no goal's of that line.
  const isNotGoal = (e: (typeof engine)[number]) => {
    if (!notGoalLines.has(e.line)) return false;
    const goalsThere = keyGoals.filter((g) => goalLines(g).includes(e.line));
    if (goalsThere.length === 0) return true;
    const figure = digits(e.figure);
    const notGoalsThere = (key.not_goals ?? []).filter((n) => n.line === e.line);
    return notGoalsThere.some((n) => holds(n.text, figure)) && !goalsThere.some((g) => holds(g.text, figure));
  };
  return {
    'goals-found': ratio(found, keyGoals.length),
    'goals-false': ratio(engine.filter(isNotGoal).length, engine.length),
    'goals-extra': ratio(engine.filter((e) => !namedLines.has(e.line)).length, engine.length),
    'verdicts-right': ratio(right, keyGoals.length),
    'wrong-calls': ratio(wrong, keyGoals.length),
    'wrong-met': ratio(wrongMet, keyGoals.length),
    'wrong-missed': ratio(wrongMissed, keyGoals.length),
  };
}
