import { createRuleContext, ruleSeverity, type AnalysisFacts } from './checks/context.js';
import { rules } from './checks/registry.js';
import type { AnalysisSettings, SchemaReason } from './checks/rule.js';
import { findMissingChapters } from './checks/structure.js';
import { findPlaceholders } from './checks/textPatterns.js';
import type { ClassifiedChapter, CoveredSlot, MissingChapter } from './report/chapters.js';
import { capFindings, compareDiagnostics, limitDiagnostics, type ReportDiagnostic } from './report/diagnostics.js';
import { evaluateGoals, type GoalResult } from './goals/evaluate.js';
import { localize, textLanguage, type Locale } from './report/l10n.js';
import { appendAll, limits } from './report/limits.js';
import type { ReportModel } from './parse/model.js';
import { LineIndex } from './parse/text.js';
import { detection, keywordPattern, type PatternMatch } from './report/patterns.js';
import { recognizeChapters } from './schema/recognize.js';
import type { SchemaRegistry } from './schema/registry.js';
import type { ChapterSchema } from './schema/types.js';

export { defaultSettings, type AnalysisSettings, type SchemaReason } from './checks/rule.js';

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

/** The schema the report follows: the one its front matter names, else the setting's, else the one its title suggests, else the generic one. */
function chooseSchema(
  registry: SchemaRegistry,
  settings: AnalysisSettings,
  named: ReturnType<typeof frontMatterString>,
  title: string | undefined,
): { schema: ChapterSchema; schemaReason: SchemaReason } {
  // A name the registry does not know is the `unknown-schema` rule's.
  const fromFrontMatter = named && registry.get(named.value);
  if (fromFrontMatter) return { schema: fromFrontMatter, schemaReason: 'front-matter' };
  const fromSetting = settings.schema !== 'auto' ? registry.get(settings.schema) : undefined;
  if (fromSetting) return { schema: fromSetting, schemaReason: 'setting' };
  const fromTitle = title ? schemaFromTitle(registry, title) : undefined;
  if (fromTitle) return { schema: fromTitle, schemaReason: 'title' };
  return { schema: registry.get('generic')!, schemaReason: 'default' };
}

/**
 * The checks in steps: the goal evaluation, then each rule of the registry (checks/registry.ts), with a
 * yield after each, so a host (the language server) can answer other requests between them; a stage's
 * work is bounded by `report/limits.ts`, so no step runs away.
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

  const { schema, schemaReason } = chooseSchema(registry, settings, named, title);
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

  const goals = stage('goals', [], () => evaluateGoals(model, chapters));
  yield;
  const facts: AnalysisFacts = { model, schema, schemaReason, namedSchema: named, schemas: registry, chapters, missing, covered, goals, settings, locale, language };
  // Shared by the rules of this analysis: what one computes for others, and the line index.
  const cache = new Map<object, unknown>();
  let lines: LineIndex | undefined;
  const lineIndex = () => (lines ??= new LineIndex(model.text));
  for (const rule of rules) {
    const severity = ruleSeverity(rule, settings);
    if (severity === 'off') continue;
    // Appended one by one: a rule may find more than a spread argument list can hold.
    appendAll(diagnostics, stage(rule.code, [], () => rule.run(createRuleContext(facts, rule, severity, cache, lineIndex))));
    yield;
  }
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
