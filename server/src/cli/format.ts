import {
  buildGoalCheck,
  describeContradiction,
  describeOutcome,
  describeVerdict,
  formatAchievement,
  localize,
  type GoalCheck,
  type GoalCheckRow,
  type Locale,
  type ReportAnalysis,
  type ReportDiagnostic,
  type TextDocumentLike,
} from '../core/index.js';

/** One file in the CLI's JSON output (a public contract: extend, never rename). */
export interface FileResult {
  path: string;
  isReport: boolean;
  schema: string | null;
  title: string | null;
  chapters: { line: number; title: string; slots: string[] }[];
  missingChapters: string[];
  diagnostics: DiagnosticResult[];
  /** Every goal against its outcome (see `GoalCheckRow`); empty for a file that is not a report. */
  goals: readonly GoalCheckRow[];
  goalTotals: GoalCheck['totals'];
  /** Present when the file was not analysed: `binary` or `too-large`. */
  skipped?: 'binary' | 'too-large';
}

export interface DiagnosticResult {
  code: string;
  severity: string;
  /** 1-based; columns count UTF-16 code units; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  /** The exact source text of the range. */
  text: string;
}

export interface SchemaProblemResult {
  path: string;
  line: number;
  column: number;
  message: string;
}

export interface CheckOutput {
  version: 1;
  files: FileResult[];
  schemaProblems: SchemaProblemResult[];
}

function diagnosticResult(document: TextDocumentLike, d: ReportDiagnostic): DiagnosticResult {
  const start = document.positionAt(d.start);
  const end = document.positionAt(d.end);
  return {
    code: d.code,
    severity: d.severity,
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message: d.message,
    text: document.getText().slice(d.start, d.end),
  };
}

const noGoals: GoalCheck['totals'] = { met: 0, missed: 0, unverifiable: 0, noOutcome: 0 };

export function fileResult(path: string, document: TextDocumentLike, analysis: ReportAnalysis): FileResult {
  const check = buildGoalCheck(analysis);
  return {
    path,
    isReport: analysis.isReport,
    schema: analysis.schema.id,
    title: analysis.title ?? null,
    chapters: analysis.chapters.map((c) => ({
      line: document.positionAt(c.section.heading.start).line + 1,
      title: c.section.heading.text,
      slots: [...c.slots],
    })),
    missingChapters: analysis.missing.map((m) => m.slot.id),
    diagnostics: analysis.diagnostics.map((d) => diagnosticResult(document, d)),
    goals: check.goals,
    goalTotals: check.totals,
  };
}

export function skippedResult(path: string, reason: 'binary' | 'too-large'): FileResult {
  return { path, isReport: false, schema: null, title: null, chapters: [], missingChapters: [], diagnostics: [], goals: [], goalTotals: noGoals, skipped: reason };
}

/**
 * Control characters (C0, DEL, C1) and the characters that reorder text on screen (bidirectional
 * embeddings, overrides and isolates, line and paragraph separators), written as `\x1b`, `\n`, `\u202e`:
 * a terminal shows a report's text and file names as text, and a file name with a line break cannot
 * forge a `path:1:1 error …` line.
 */
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

export function inert(text: string): string {
  return text.replace(unsafe, (c) => {
    const code = c.charCodeAt(0);
    return code === 0x0a ? '\\n' : code === 0x0d ? '\\r' : code === 0x09 ? '\\t' : code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
  });
}

/** `path:line:col severity code message`, one line per diagnostic. */
export function formatText(output: CheckOutput): string[] {
  const lines: string[] = [];
  for (const file of output.files) {
    for (const d of file.diagnostics) lines.push(`${file.path}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`);
  }
  return lines;
}

/**
 * The scorecard of every report, for `check --goals`: a heading per report, a line per goal, the totals;
 * each in the language `localeOf` gives its report.
 */
export function formatGoals(output: CheckOutput, localeOf: (file: FileResult) => Locale): string[] {
  const lines: string[] = [];
  for (const file of output.files) {
    if (!file.isReport) continue;
    const locale = localeOf(file);
    if (file.goals.length === 0) {
      lines.push(localize(locale, 'cli.goals.none', { path: file.path }));
      continue;
    }
    lines.push(localize(locale, 'cli.goals.heading', { path: file.path, count: file.goals.length }));
    for (const goal of file.goals) {
      const verdict = describeVerdict(goal, locale) + (goal.achievement === null ? '' : ` ${formatAchievement(goal.achievement)}`);
      lines.push(
        localize(locale, 'cli.goals.row', {
          line: `L${goal.line}`,
          verdict,
          metric: goal.metric,
          target: goal.target?.text ?? localize(locale, 'goalCheck.none'),
          outcome: describeOutcome(goal.outcome, locale),
        }) + describeContradiction(goal, locale),
      );
    }
    lines.push(`  ${localize(locale, 'goalCheck.totals', { ...file.goalTotals, placeholders: file.diagnostics.filter((d) => d.code === 'placeholder').length })}`);
  }
  return lines;
}
