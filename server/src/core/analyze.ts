import { checkCoveredSlots, checkMissingChapters, checkChapterOrder, checkDuplicateTitles, checkEmptySections, findMissingChapters } from './checks/structure.js';
import type { ClassifiedChapter, CoveredSlot, MissingChapter } from './report/chapters.js';
import { checkStructureCuts } from './checks/bounds.js';
import { checkGoals } from './checks/goals.js';
import { checkNumbering } from './checks/numbering.js';
import { checkTables } from './checks/tables.js';
import { checkPlaceholders, checkVagueQuantities, findPlaceholders } from './checks/textPatterns.js';
import { capFindings, compareDiagnostics, limitDiagnostics, type ReportDiagnostic, type Severity } from './report/diagnostics.js';
import { findUnsupportedClaims } from './goals/claims.js';
import { evaluateGoals, type GoalResult } from './goals/evaluate.js';
import { localize, textLanguage, type Locale } from './report/l10n.js';
import { appendAll, limits } from './report/limits.js';
import type { ReportModel, Span } from './parse/model.js';
import { detection, keywordPattern, type PatternMatch, type TextPattern } from './report/patterns.js';
import { recognizeChapters } from './schema/recognize.js';
import type { SchemaRegistry } from './schema/registry.js';
import type { ChapterSchema } from './schema/types.js';

export interface AnalysisSettings {
  readonly locale: Locale;
  /** `auto`, or the id of the schema to use when front matter names none. */
  readonly schema: string;
  readonly reportDetection: 'auto' | 'always' | 'frontMatterOnly';
  readonly vagueQuantitySeverity: Severity | 'off';
  /** How a required chapter written only as a section of another is noted (`covered-by-section`). */
  readonly coveredBySectionSeverity: Severity | 'off';
  readonly extraPlaceholderPatterns: readonly TextPattern[];
  /** Diagnostics a report gets at most (see `limitDiagnostics`); 0 for all of them, as the command line has. */
  readonly maxNumberOfProblems: number;
}

export const defaultSettings: AnalysisSettings = {
  locale: 'en',
  schema: 'auto',
  reportDetection: 'auto',
  vagueQuantitySeverity: 'information',
  coveredBySectionSeverity: 'information',
  extraPlaceholderPatterns: [],
  maxNumberOfProblems: 0,
};

/** How the schema was chosen: named in front matter, set by the user, guessed from the title, or the default. */
export type SchemaReason = 'front-matter' | 'setting' | 'title' | 'default';

export interface ReportAnalysis {
  readonly model: ReportModel;
  readonly isReport: boolean;
  readonly schema: ChapterSchema;
  readonly schemaReason: SchemaReason;
  readonly title: string | undefined;
  /** The language the report is written in (its title and chapter headings), for text the tool writes into it. */
  readonly language: Locale;
  readonly chapters: readonly ClassifiedChapter[];
  readonly missing: readonly MissingChapter[];
  /** Required slots with no chapter of their own, covered by a section inside another chapter. */
  readonly covered: readonly CoveredSlot[];
  readonly placeholders: readonly PatternMatch[];
  /** Every goal with its outcome and verdict; empty when the document is not a report. */
  readonly goals: readonly GoalResult[];
  /** Empty when the document is not a report. */
  readonly diagnostics: readonly ReportDiagnostic[];
}

function frontMatterString(model: ReportModel, ...keys: string[]): { key: string; value: string } | undefined {
  for (const key of keys) {
    const value = model.frontMatter?.data[key];
    if (typeof value === 'string' && value.trim() !== '') return { key, value: value.trim() };
  }
  return undefined;
}

function documentTitle(model: ReportModel): string | undefined {
  return frontMatterString(model, 'title')?.value ?? model.titleHeading?.text;
}

/** The language a document is written in, from its title and chapter headings; `fallback` when they are empty. */
export function reportLanguage(model: ReportModel, fallback: Locale): Locale {
  return textLanguage(`${documentTitle(model) ?? ''}${model.chapters.map((c) => c.heading.title).join('')}`, fallback);
}

/**
 * The language a document asks for, before it has a report's chapters (Insert Chapter Skeleton): its
 * front matter's `lang` / `language`, else the text it already has, else its file name (新报告.md,
 * closure-report.md); undefined when nothing decides (Untitled-1, notes.md).
 */
export function documentLanguage(model: ReportModel): Locale | undefined {
  const tag = frontMatterString(model, 'lang', 'language')?.value;
  if (tag) return /^zh/i.test(tag) ? 'zh-cn' : /^en/i.test(tag) ? 'en' : undefined;
  const text = `${documentTitle(model) ?? ''}${model.text.slice(model.frontMatter?.end ?? 0)}`;
  if (/\p{L}/u.test(text)) return textLanguage(text, 'en');
  const name = baseName(model.uri);
  if (/\p{Script=Han}/u.test(name)) return 'zh-cn';
  return detection.englishName.test(name.toLowerCase()) ? 'en' : undefined;
}

function baseName(uri: string): string {
  const name = uri.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? '';
  let decoded = name;
  try {
    decoded = decodeURIComponent(name);
  } catch {
    // Not percent-encoded (file:///r/50%off.md): the name is as written.
  }
  return decoded.replace(/\.(md|markdown|mdown|mkd)$/i, '');
}

/** Checks a parsed document against its chapter schema. */
export function analyzeReport(model: ReportModel, registry: SchemaRegistry, settings: AnalysisSettings): ReportAnalysis {
  return runSteps(analyzeSteps(model, registry, settings));
}

/** Runs a generator of steps to its end, giving way to nothing. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The schema the report follows: the one its front matter names (an unknown name is an error, pushed to
 * `diagnostics`), else the setting's, else the one its title suggests, else the generic one.
 */
function chooseSchema(
  model: ReportModel,
  registry: SchemaRegistry,
  settings: AnalysisSettings,
  named: ReturnType<typeof frontMatterString>,
  title: string | undefined,
  diagnostics: ReportDiagnostic[],
): { schema: ChapterSchema; schemaReason: SchemaReason } {
  let schema: ChapterSchema | undefined;
  let schemaReason: SchemaReason = 'default';
  if (named) {
    schema = registry.get(named.value);
    if (schema) schemaReason = 'front-matter';
    else {
      const span = model.frontMatter?.valueRange(named.key) ?? { start: 0, end: 0 };
      diagnostics.push({
        code: 'unknown-schema',
        severity: 'error',
        ...span,
        message: localize(settings.locale, 'unknownSchema', { id: named.value, key: named.key, known: registry.ids().join(', ') }),
      });
    }
  }
  if (!schema && settings.schema !== 'auto') {
    schema = registry.get(settings.schema);
    if (schema) schemaReason = 'setting';
  }
  if (!schema && title) {
    schema = schemaFromTitle(registry, title);
    if (schema) schemaReason = 'title';
  }
  schema ??= registry.get('generic')!;
  return { schema, schemaReason };
}

/**
 * The checks in steps: the generator yields after each stage, so a host (the language server) can answer
 * other requests between them; a stage's work is bounded by `report/limits.ts`, so no step runs away.
 */
export function* analyzeSteps(model: ReportModel, registry: SchemaRegistry, settings: AnalysisSettings): Generator<void, ReportAnalysis> {
  const locale = settings.locale;
  const diagnostics: ReportDiagnostic[] = [];
  const title = documentTitle(model);
  const named = frontMatterString(model, 'schema', 'type');

  /**
   * One stage of the checks; an exception in it (a bug of ours) skips that stage alone, with a note that
   * names it, and the document keeps the other stages' diagnostics.
   */
  const failed = new Set<string>();
  const stage = <T>(name: string, skipped: T, work: () => T): T => {
    if (failed.has(name)) return skipped;
    try {
      return work();
    } catch (error) {
      failed.add(name);
      const detail = error instanceof Error ? error.message : String(error);
      diagnostics.push({ code: 'analysis-limit', severity: 'information', start: 0, end: 0, message: localize(locale, 'limit.failed', { stage: name, detail }) });
      return skipped;
    }
  };

  const { schema, schemaReason } = chooseSchema(model, registry, settings, named, title, diagnostics);
  const chapters: ClassifiedChapter[] = recognizeChapters(model, schema);

  // Front matter that cannot be read still says what the writer meant when a `schema:` or `type:` line is there.
  const brokenNaming = model.frontMatter !== undefined && model.frontMatterProblems.length > 0 &&
    /^(?:schema|type)[ \t]*:/m.test(model.text.slice(model.frontMatter.start, model.frontMatter.end));
  const language = reportLanguage(model, locale);
  const isReport = decideIsReport(model, settings, named !== undefined || brokenNaming, title, chapters);
  const placeholders = isReport ? stage('placeholder', [], () => findPlaceholders(model, settings.extraPlaceholderPatterns)) : [];
  const { missing, covered } = isReport ? findMissingChapters(schema, chapters, model.text.length) : { missing: [], covered: [] };
  if (!isReport) {
    return { model, isReport, schema, schemaReason, title, language, chapters, missing, covered, placeholders, goals: [], diagnostics: [] };
  }

  for (const problem of model.frontMatterProblems) {
    const key = { yaml: 'frontmatter.yaml', 'not-a-mapping': 'frontmatter.notMapping', 'not-closed': 'frontmatter.notClosed', 'too-large': 'frontmatter.tooLarge' }[problem.kind];
    diagnostics.push({ code: 'frontmatter', severity: 'error', start: problem.start, end: problem.end, message: localize(locale, key, { detail: problem.detail, limit: limits.frontMatterCharacters }) });
  }
  // Appended one by one: a check may find more than a spread argument list can hold.
  appendAll(diagnostics, stage('placeholder', [], () => checkPlaceholders(model, settings.extraPlaceholderPatterns, locale)));
  yield;
  if (settings.vagueQuantitySeverity !== 'off') {
    const severity = settings.vagueQuantitySeverity;
    appendAll(diagnostics, stage('vague-quantity', [], () => checkVagueQuantities(model, settings.extraPlaceholderPatterns, severity, locale)));
    yield;
  }
  const fallback: Span = model.titleHeading ?? { start: 0, end: 0 };
  appendAll(diagnostics, stage('structure', [], () => [
    ...checkMissingChapters(schema, missing, fallback, locale, language),
    ...checkCoveredSlots(covered, settings.coveredBySectionSeverity, locale, language),
    ...checkChapterOrder(schema, chapters, locale, language),
    ...checkDuplicateTitles(chapters, locale),
    ...checkNumbering(model.chapters, locale),
    ...checkEmptySections(model.chapters, locale),
  ]));
  appendAll(diagnostics, stage('structure', [], () => checkStructureCuts(model, locale)));
  yield;
  const goals = stage('goals', [], () => evaluateGoals(model, chapters));
  yield;
  const tables = stage('tables', [], () => checkTables(model, locale));
  yield;
  // A status cell the row's own figures contradict is told once, by the table check, in the row's terms.
  const statusCells = new Set(tables.filter((d) => d.code === 'status-contradiction').map((d) => d.start));
  appendAll(diagnostics, stage('goals', [], () => checkGoals(model.text, goals, findUnsupportedClaims(model, chapters, goals), locale)).filter((d) => d.code !== 'status-contradiction' || !statusCells.has(d.start)));
  appendAll(diagnostics, tables);
  diagnostics.sort(compareDiagnostics);
  const shown = limitDiagnostics(capFindings(diagnostics, limits.findingsPerCheck, locale), settings.maxNumberOfProblems, locale);
  return { model, isReport, schema, schemaReason, title, language, chapters, missing, covered, placeholders, goals, diagnostics: shown };
}

/** Keywords' expressions, made once: every analysis tries the title against every schema's keywords. */
const keywordExpressions = new Map<string, RegExp>();

/** Whether a title contains a keyword; Latin keywords only as whole words (`lean` is not in "Clean"). */
function titleHas(lowerTitle: string, keyword: string): boolean {
  let expression = keywordExpressions.get(keyword);
  if (!expression) keywordExpressions.set(keyword, (expression = new RegExp(keywordPattern(keyword), 'u')));
  return expression.test(lowerTitle);
}

/** The schema whose title keywords the title contains; the longest keyword wins. */
function schemaFromTitle(registry: SchemaRegistry, title: string): ChapterSchema | undefined {
  const lower = title.toLowerCase();
  let best: { schema: ChapterSchema; length: number } | undefined;
  for (const schema of registry.all()) {
    for (const keyword of schema.titleKeywords) {
      if (titleHas(lower, keyword) && (!best || keyword.length > best.length)) best = { schema, length: keyword.length };
    }
  }
  return best?.schema;
}

function decideIsReport(
  model: ReportModel,
  settings: AnalysisSettings,
  namesSchema: boolean,
  title: string | undefined,
  chapters: readonly ClassifiedChapter[],
): boolean {
  if (settings.reportDetection === 'always' || namesSchema) return true;
  if (settings.reportDetection === 'frontMatterOnly') return false;
  if (detection.notReports.test(baseName(model.uri))) return false;
  const lowerTitle = title?.toLowerCase() ?? '';
  if (detection.reportTitles.some((t) => titleHas(lowerTitle, t))) return true;
  return new Set(chapters.flatMap((c) => c.slots)).size >= detection.minimumSlots;
}
