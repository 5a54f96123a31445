/**
 * Shared helpers of the unit tests (not a test file itself). Every analysis gets a fresh service, so the
 * model cache (keyed by uri and version) can never hand one test another test's document. The built-in
 * schema registry is shared (reading the schemas is the slow part); no helper exposes it, so no test can
 * change it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  buildGoalCheck,
  createBuiltinRegistry,
  createReportService,
  createTextDocument,
  defaultSettings,
  LineIndex,
  type AnalysisSettings,
  type BlockModel,
  type DiagnosticCode,
  type ReportAnalysis,
  type ReportDiagnostic,
  type ReportModel,
  type SchemaRegistry,
} from '../../server/src/core/index.js';
import { run } from '../../server/src/cli/run.js';

export const defaultUri = 'file:///r/总结报告.md';

const builtinRegistry = createBuiltinRegistry();

/** Analyzes `text` as the document `uri` with the default settings overridden by `settings`. */
export function analyzeText(
  text: string,
  uri: string = defaultUri,
  settings: Partial<AnalysisSettings> = {},
  registry?: SchemaRegistry,
): ReportAnalysis {
  const service = createReportService({ registry: registry ?? builtinRegistry });
  const analysis = service.analyze(createTextDocument(uri, text), { ...defaultSettings, ...settings });
  if (!analysis) throw new Error('analysis was cancelled without a cancellation token');
  return analysis;
}

/** A file under test/fixtures (mocha runs from the repository root). */
export function fixturePath(relative: string): string {
  return path.join(process.cwd(), 'test/fixtures', relative);
}

export function readFixture(relative: string): string {
  return fs.readFileSync(fixturePath(relative), 'utf8');
}

export interface CliOutput {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** The environment variables that name a language; the command line reads LC_ALL, LC_MESSAGES and LANG. */
const localeVariable = /^(?:LANG|LANGUAGE|LC_\w+)$/;
let cliRunning = false;

/**
 * Runs the command line in this process (`run` of server/src/cli/run.ts, which the binary `dist/cli.js`
 * calls with the process's streams) with `env` as its only locale variables, so that the messages'
 * language is the test's choice; relative paths are taken from `cwd` (by default the repository root,
 * where mocha runs). Only locale variables can be given: anything else (NODE_OPTIONS) needs a real process,
 * `spawnCli`.
 */
export async function runCli(args: readonly string[], env: Readonly<Record<string, string>> = { LANG: 'en_US.UTF-8' }, cwd?: string): Promise<CliOutput> {
  const other = Object.keys(env).filter((name) => !localeVariable.test(name));
  if (other.length) throw new Error(`runCli takes locale variables only, not ${other.join(', ')}: use spawnCli`);
  // The working folder is the process's: one run at a time, or a run would take another's folder for home.
  if (cliRunning) throw new Error('runCli runs one command at a time: await each before the next');
  cliRunning = true;
  let stdout = '';
  let stderr = '';
  const io = { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) }, env: { ...env } };
  const home = process.cwd();
  if (cwd !== undefined) process.chdir(cwd);
  try {
    const status = await run(args, io);
    return { status, stdout, stderr };
  } finally {
    process.chdir(home);
    cliRunning = false;
  }
}

/**
 * Runs the built binary (`dist/cli.js`) as a child process with `env` as its only locale variables: LANG,
 * LANGUAGE and LC_* of the test's own environment are left out. For what only a real process shows: the
 * exit status the binary ends with, its stdout and stderr, NODE_OPTIONS.
 */
export function spawnCli(args: readonly string[], env: Readonly<Record<string, string>> = { LANG: 'en_US.UTF-8' }): CliOutput {
  const inherited = Object.entries(process.env).filter(([name]) => !localeVariable.test(name));
  const result = spawnSync(process.execPath, [path.join(process.cwd(), 'dist/cli.js'), ...args], { encoding: 'utf8', env: { ...Object.fromEntries(inherited), ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** 1-based line of a UTF-16 offset (CR, LF and CRLF all end a line). */
export function lineOf(text: string, offset: number): number {
  return new LineIndex(text).positionAt(offset).line + 1;
}

/** 1-based line and column of a UTF-16 offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const position = new LineIndex(text).positionAt(offset);
  return { line: position.line + 1, column: position.character + 1 };
}

/** Offset of the start of a 1-based line. */
export function lineStart(text: string, line: number): number {
  return new LineIndex(text).lineStart(line - 1);
}

/** The text of a 1-based line, without its line break. */
export function lineText(text: string, line: number): string {
  return new LineIndex(text).lineText(line - 1);
}

export function diagnosticsOf(analysis: ReportAnalysis, code: DiagnosticCode): ReportDiagnostic[] {
  return analysis.diagnostics.filter((d) => d.code === code);
}

/** What a diagnostic (or any span) covers in the text. */
/**
 * The `key` items of all the model's blocks, in document offsets: a block keeps its prose spans,
 * paragraphs and list items relative to its start.
 */
export function inDocument<K extends 'prose' | 'paragraphs' | 'listItems'>(model: ReportModel, key: K): BlockModel[K][number][] {
  return model.blocks.flatMap((block) => block[key].map((item) => ({ ...item, start: block.start + item.start, end: block.start + item.end })));
}

export function textOf(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

/** The covered texts of the diagnostics with `code`, in document order. */
export function textsOf(analysis: ReportAnalysis, code: DiagnosticCode): string[] {
  return diagnosticsOf(analysis, code).map((d) => textOf(analysis.model.text, d));
}

/** `line → covered texts` of the diagnostics with `code`; lines are 1-based. */
export function textsByLine(analysis: ReportAnalysis, code: DiagnosticCode): Map<number, string[]> {
  const index = new LineIndex(analysis.model.text);
  const result = new Map<number, string[]>();
  for (const d of diagnosticsOf(analysis, code)) {
    const line = index.positionAt(d.start).line + 1;
    result.set(line, [...(result.get(line) ?? []), textOf(analysis.model.text, d)]);
  }
  return result;
}

/** Every diagnostic code of an analysis, sorted, for messages of failed assertions. */
/** The texts a check flags in one paragraph of a report's goals chapter. */
export function flaggedIn(code: DiagnosticCode, paragraph: string, settings: Partial<AnalysisSettings> = {}): string[] {
  const analysis = analyzeText(report(`## 项目背景与目标\n\n${paragraph}\n`), undefined, settings);
  assert.equal(analysis.isReport, true);
  return textsOf(analysis, code);
}

export function codesOf(analysis: ReportAnalysis): string[] {
  return analysis.diagnostics.map((d) => d.code).sort();
}

/** A report: the title `# 项目总结报告` followed by the given body. */
export function report(body: string, title = '项目总结报告'): string {
  return `# ${title}\n\n${body}`;
}

/** `## heading` chapters, each with one paragraph of content. */
export function chapters(...headings: string[]): string {
  return headings.map((h) => `## ${h}\n\n内容。\n\n`).join('');
}

/** Every offset of `needle` in `haystack`. */
export function offsetsOf(haystack: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) found.push(i);
  return found;
}

/** Throws unless every diagnostic (and every insertion point) lies within the text. */
export function assertRangesWithin(analysis: ReportAnalysis): void {
  const length = analysis.model.text.length;
  for (const d of analysis.diagnostics) {
    if (!(Number.isInteger(d.start) && Number.isInteger(d.end) && d.start >= 0 && d.start <= d.end && d.end <= length)) {
      throw new Error(`diagnostic ${d.code} [${d.start}, ${d.end}) lies outside the text of length ${length}`);
    }
    if (d.data?.kind === 'missing-chapter' && !(d.data.insertAt >= 0 && d.data.insertAt <= length)) {
      throw new Error(`missing-chapter insertAt ${d.data.insertAt} lies outside the text of length ${length}`);
    }
  }
}

/** A goal whose KPI row gives an actual figure and a status but no target: only the goal can judge the status. */
export const statusOverGoal = [
  '# 项目总结报告',
  '',
  '## 一、项目目标',
  '',
  '- 订单准时交付率达到 95% 以上；',
  '',
  '## 二、项目成果',
  '',
  '各项指标的完成情况见下表。',
  '',
  '| 指标 | 实际值 | 状态 |',
  '| --- | --- | --- |',
  '| 订单准时交付率 | 93.1% | 达成 |',
  '',
  '## 三、结语',
  '',
  '项目按期结束。',
  '',
].join('\n');

/** Each goal of an analysis as [its target as written, its verdict, the outcome's figure or null]. */
export function targetVerdicts(analysis: ReportAnalysis): [string | undefined, string, string | null][] {
  return buildGoalCheck(analysis).goals.map((g) => [g.target?.text, g.verdict, g.outcome?.figure ?? null]);
}

