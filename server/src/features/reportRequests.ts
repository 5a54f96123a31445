import type { ServerContext } from '../context.js';
import { buildChecklist, buildGoalCheck, buildSkeleton, documentLanguage, goalCheckMarkdown, insertChapters, localize, placeScorecard, toRange, type Locale, type ReportAnalysis, type TextDocumentLike } from '../core/index.js';
import {
  ChecklistRequest,
  DocumentLanguageRequest,
  GoalCheckRequest,
  InsertScorecardRequest,
  SchemasRequest,
  SkeletonRequest,
  StatusRequest,
  type ChecklistResult,
  type EditsResult,
  type GoalCheckResult,
  type ServerStatus,
  type SkeletonResult,
} from '../protocol.js';
import { toTextEdits } from './codeActions.js';

/** The custom requests behind the Report Checklist view, the status bar, Insert Chapter Skeleton and the goal check. */
export function registerReportRequests(context: ServerContext): void {
  const { connection, documents, service, locale } = context;

  connection.onRequest(ChecklistRequest, async (params, token): Promise<ChecklistResult | null> => {
    const analyzed = await context.analyze(params.uri, token);
    if (!analyzed) return null;
    const { analysis, document } = analyzed;
    const checklist = buildChecklist(analysis, locale);
    return {
      uri: params.uri,
      version: document.version,
      ...checklist,
      items: checklist.items.map((item) => ({
        ...item,
        chapters: item.chapters.map((c) => ({ title: c.title, range: toRange(document, c.start, c.end) })),
        emptySections: item.emptySections.map((c) => ({ title: c.title, range: toRange(document, c.start, c.end) })),
      })),
    };
  });

  connection.onRequest(SkeletonRequest, async (params, token): Promise<SkeletonResult | null> => {
    const document = documents.get(params.uri);
    if (!document) return null;
    if (document.getText().trim() === '') {
      const version = document.version;
      const schema = (await context.registryFor(params.uri)).get(params.schema ?? 'generic');
      // Edits for an empty document: typed into meanwhile, it is empty no more.
      if (!schema || document.version !== version) return null;
      const language = params.language ?? documentLanguage(service.getModel(document)) ?? locale;
      return {
        edits: [{ range: toRange(document, 0, document.getText().length), newText: buildSkeleton(schema, language) }],
        chapters: schema.slots.map((s) => s.title[language]),
      };
    }
    // Whatever the detection says, a document the writer asks a skeleton for is a report.
    const analyzed = await context.analyze(params.uri, token, { reportDetection: 'always', ...(params.schema && { schema: params.schema }) });
    if (!analyzed) return null;
    const { analysis } = analyzed;
    const slots = params.slots ?? analysis.missing.map((m) => m.slot.id);
    return {
      edits: toTextEdits(analyzed.document, insertChapters(analysis, slots, { full: true })),
      chapters: analysis.schema.slots.filter((s) => slots.includes(s.id)).map((s) => s.title[analysis.language]),
    };
  });

  connection.onRequest(GoalCheckRequest, async (params, token): Promise<GoalCheckResult | null> => {
    const analyzed = await context.analyze(params.uri, token);
    if (!analyzed) return null;
    return goalCheckResult(analyzed.document, analyzed.analysis, locale);
  });

  connection.onRequest(InsertScorecardRequest, async (params, token): Promise<EditsResult | null> => {
    const analyzed = await context.analyze(params.uri, token);
    if (!analyzed?.analysis.isReport) return null;
    const { analysis, document } = analyzed;
    const fallback = params.position ? document.offsetAt(params.position) : document.getText().length;
    return { edits: toTextEdits(document, [placeScorecard(analysis, fallback)]) };
  });

  connection.onRequest(SchemasRequest, async (params) => {
    await context.ready;
    const uri = params?.uri;
    const schemas = uri !== undefined && context.stateOf(uri) ? (await context.registryFor(uri)).all() : context.knownSchemas();
    return schemas.map((schema) => ({
      id: schema.id,
      name: schema.name[locale],
      names: schema.name,
      description: schema.description?.[locale],
      builtin: schema.source.startsWith('builtin:'),
    }));
  });

  connection.onRequest(DocumentLanguageRequest, (params) => {
    const document = documents.get(params.uri);
    return { language: document ? documentLanguage(service.getModel(document)) ?? null : null };
  });

  connection.onRequest(StatusRequest, (): ServerStatus => ({ ...context.retained(), heapUsed: process.memoryUsage().heapUsed }));
}

/** The goal check of an analysed document as the preview shows it: ranges in the document, words in the UI's language. */
function goalCheckResult(document: TextDocumentLike, analysis: ReportAnalysis, locale: Locale): GoalCheckResult {
  const check = buildGoalCheck(analysis);
  const none = localize(locale, 'goalCheck.none');
  return {
    uri: document.uri,
    version: document.version,
    isReport: analysis.isReport,
    title: analysis.title,
    schema: { id: analysis.schema.id, name: analysis.schema.name[locale] },
    goals: check.goals.map((goal) => ({
      range: toRange(document, goal.span.start, goal.span.end),
      text: goal.text,
      metric: goal.metric || goal.label,
      target: goal.target?.text ?? none,
      outcome: goal.outcome
        ? { range: toRange(document, goal.outcome.span.start, goal.outcome.span.end), text: goal.outcome.text, actual: goal.outcome.figure ?? '' }
        : null,
      verdict: goal.verdict,
      reason: goal.reason ? localize(locale, `goalCheck.reason.${goal.reason}`) : undefined,
      achievement: goal.achievement,
    })),
    totals: check.totals,
    placeholders: check.placeholders,
    missingChapters: check.missingChapterTitles.map((t) => t[analysis.language]),
    // Exported into the report itself, so in the report's language.
    markdown: goalCheckMarkdown(check, analysis.language),
  };
}
