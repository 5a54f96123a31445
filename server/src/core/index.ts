/**
 * The report engine: everything the language server, the CLI and the tests know about reports. It knows
 * nothing of VS Code or LSP; hosts give it documents (`TextDocumentLike`) and settings.
 *
 * The Word exporter (`./export/index.js`) is not re-exported: hosts import it when a report is exported,
 * so that a server or a `check` run does not load the `docx` package (~80 ms and 8 MB at start).
 */
import { analyzeReport, analyzeSteps, defaultSettings, runSteps, type AnalysisSettings, type ReportAnalysis } from './analyze.js';
import { localize, type Locale } from './report/l10n.js';
import { parseReportSteps, type ReportModel, type ReportParse, type TextChange } from './parse/index.js';
import { createBuiltinRegistry } from './schema/builtin.js';
import type { SchemaRegistry } from './schema/registry.js';
import type { SchemaProblem } from './schema/types.js';
import { LineIndex, type CancellationTokenLike, type TextDocumentLike } from './parse/text.js';
import { clearMatchCache } from './goals/match.js';
import { clearReadCache } from './goals/measure.js';
import { clearMetricCache } from './goals/metric.js';

export * from './analyze.js';
export * from './languageFeatures/checklist.js';
export * from './languageFeatures/completion.js';
export * from './languageFeatures/edits.js';
export * from './languageFeatures/goalStatements.js';
export * from './goals/scorecard.js';
export * from './languageFeatures/goalCheck.js';
export { findDates, parseDate, type CalendarDate } from './report/dates.js';
export type { GoalResult } from './goals/evaluate.js';
export type { Goal } from './goals/extract.js';
export type { Candidate } from './goals/match.js';
export type { Direction, Reading } from './goals/measure.js';
export { compatibleUnits, findQuantities, type Quantity, type Unit } from './goals/numbers.js';
export type { OutcomeStatement } from './goals/outcomes.js';
export type { Reason, Target, Verdict } from './goals/verdict.js';
export * from './languageFeatures/hover.js';
export * from './languageFeatures/outline.js';
export * from './languageFeatures/skeleton.js';
export * from './report/tableKinds.js';
export * from './languageFeatures/writing.js';
export * from './report/diagnostics.js';
export * from './report/l10n.js';
export * from './report/limits.js';
export * from './parse/index.js';
export * from './report/numberingStyle.js';
export * from './report/patterns.js';
export * from './parse/text.js';
export type { ClassifiedChapter, CoveredSlot, MissingChapter } from './report/chapters.js';
export { HeadingReader, normalizeTitle, recognizeChapters, type HeadingReading } from './schema/recognize.js';
export type { SlotEvidence } from './report/chapters.js';
export { SchemaRegistry } from './schema/registry.js';
export { builtinSchemaSources, createBuiltinRegistry } from './schema/builtin.js';
export type { ChapterSchema, SchemaProblem, SlotDefinition } from './schema/types.js';

export interface ReportService {
  readonly registry: SchemaRegistry;
  /** The parsed document, cached per uri and version; a new version parses again only the blocks that changed. */
  getModel(document: TextDocumentLike): ReportModel;
  /**
   * The same, in steps: the generator yields after each block it parses, so a host can give way to other
   * work and abandon the build (`return()`) when a newer version arrives. What was parsed is then lost.
   * `changedSince(version)`, where the host knows it from the edits, says where the text differs from an
   * earlier version's, which spares comparing the two texts; it is checked against the texts' lengths.
   */
  modelSteps(document: TextDocumentLike, changedSince?: (version: number) => TextChange | undefined): Generator<void, ReportModel>;
  /** Parse (cached) and check; undefined when cancelled. */
  analyze(document: TextDocumentLike, settings?: AnalysisSettings, token?: CancellationTokenLike): ReportAnalysis | undefined;
  /**
   * The same, in steps: parses (cached) at once, then yields after each stage of the checks, so a host can
   * answer other requests between them and abandon the analysis when a newer version arrives.
   */
  analyzeSteps(document: TextDocumentLike, settings?: AnalysisSettings): Generator<void, ReportAnalysis>;
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
  cachedUris(): string[];
}

export function createReportService(init: { registry?: SchemaRegistry } = {}): ReportService {
  // Read the built-in schemas on first use, not at construction: the language server constructs its
  // service while answering `initialize`, and reading them (~5 ms, cold) need not delay that answer.
  let registry = init.registry;
  const schemas = (): SchemaRegistry => (registry ??= createBuiltinRegistry());
  const documents = new Map<string, { version: number; parse: ReportParse | undefined }>();
  function* modelSteps(document: TextDocumentLike, changedSince?: (version: number) => TextChange | undefined): Generator<void, ReportModel> {
    let entry = documents.get(document.uri);
    if (entry?.parse && entry.version === document.version) return entry.parse.model;
    if (!entry) documents.set(document.uri, (entry = { version: document.version, parse: undefined }));
    const change = entry.parse ? changedSince?.(entry.version) : undefined;
    const parse = yield* parseReportSteps(document.uri, document.getText(), entry.parse, change);
    // The document may have been closed while the model was built.
    if (documents.get(document.uri) === entry) Object.assign(entry, { version: document.version, parse });
    return parse.model;
  }
  const getModel = (document: TextDocumentLike): ReportModel => runSteps(modelSteps(document));
  return {
    get registry() {
      return schemas();
    },
    getModel,
    modelSteps,
    analyze(document, settings = defaultSettings, token) {
      if (token?.isCancellationRequested) return undefined;
      const model = getModel(document);
      if (token?.isCancellationRequested) return undefined;
      return analyzeReport(model, schemas(), settings);
    },
    analyzeSteps(document, settings = defaultSettings) {
      return analyzeSteps(getModel(document), schemas(), settings);
    },
    forget(uri) {
      documents.delete(uri);
    },
    cachedUris() {
      return [...documents.keys()];
    },
  };
}

/** A schema problem as a located, localized message (1-based line and column). */
export function describeSchemaProblem(problem: SchemaProblem, text: string, locale: Locale): { line: number; column: number; message: string } {
  const position = new LineIndex(text).positionAt(problem.start);
  return { line: position.line + 1, column: position.character + 1, message: localize(locale, problem.key, problem.args) };
}

/**
 * Forgets what the engine keeps across analyses by content (sentence readings, prepared names, goal
 * matches), so the next analysis is as cold as a fresh process's: for benchmarks; the caches bound
 * themselves otherwise.
 */
export function clearContentCaches(): void {
  clearMatchCache();
  clearReadCache();
  clearMetricCache();
}
