import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  appendAll,
  compileUserPatterns,
  createReportService,
  defaultSettings,
  type AnalysisSettings,
  type CancellationTokenLike,
  localize,
  type Locale,
  type ReportAnalysis,
  type ReportModel,
  type ReportService,
  type TextChange,
} from './core/index.js';
import { defaultReportWriterSettings, settingsSection, type ReportWriterSettings } from './protocol.js';
import { describeError, listSchemaFiles, readSchemaFile, type SchemaSource } from './schemaFiles.js';

/** What every feature module gets: the connection, the open documents and the engine. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly service: ReportService;
  readonly locale: Locale;
  /**
   * The engine's verdict on an open document; undefined when it is not open or the request was cancelled.
   * `overrides` (e.g. treating any document as a report) bypass the per-version cache.
   */
  analyze(uri: string, token?: CancellationTokenLike, overrides?: Partial<AnalysisSettings>): Promise<ReportAnalysis | undefined>;
  /** Settles when the workspace schemas have been read for the first time, after `start`. */
  readonly ready: Promise<void>;
  /** Called once the client has sent `initialized`: from then on the server may ask it for settings. */
  start(): void;
  /** The workspace schema files last read, with their text. */
  workspaceSchemas(): readonly { readonly file: string; readonly text: string }[];
  /** Drops everything cached for a closed document. */
  forget(uri: string): void;
  /** How many documents the server holds state for (open documents, cached models and analyses, builds under way). */
  retained(): { documents: number; models: number; analyses: number; builds: number };
  /** Forget cached settings and re-read workspace schemas (settings or schema files changed). */
  reload(): Promise<void>;
  /** Called after `reload`, so features can refresh what the client shows. */
  onReload(listener: () => void): void;
}

export interface ContextOptions {
  readonly locale: Locale;
  readonly workspaceFolders: readonly WorkspaceFolder[];
  readonly canFetchConfiguration: boolean;
  /** Where a document's text differs from an earlier version's, when its edits say so (textChanges.ts). */
  readonly changedSince?: (document: TextDocument, version: number) => TextChange | undefined;
}

function toFsPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** How long a model build or an analysis runs before it lets other messages (a newer edit, a cancellation, another document's request) through. */
const sliceMilliseconds = 10;

/**
 * Resumes after the event loop has read what arrived meanwhile: a callback of setImmediate runs after the
 * current poll for I/O, so a second one is needed for the next poll to come in between.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

const severities: readonly string[] = ['off', 'hint', 'information', 'warning'];

/**
 * The client's settings, each of the wrong type or out of range replaced by its default: a hand-edited
 * settings.json (`"extraPatterns": "TBD"`, `"maxNumberOfProblems": "many"`) must not fail every analysis.
 * `extraPatterns` is kept as it is: `compileUserPatterns` says what is wrong with it.
 */
function readSettings(value: unknown): ReportWriterSettings {
  const given = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const defaults = defaultReportWriterSettings;
  const field = (object: unknown, key: string): unknown => (typeof object === 'object' && object !== null ? (object as Record<string, unknown>)[key] : undefined);
  const oneOf = <T extends string>(candidate: unknown, allowed: readonly string[], fallback: T): T => (typeof candidate === 'string' && allowed.includes(candidate) ? (candidate as T) : fallback);
  const maximum = given.maxNumberOfProblems;
  const schemaPaths = given.schemaPaths;
  return {
    schema: typeof given.schema === 'string' ? given.schema : defaults.schema,
    schemaPaths: Array.isArray(schemaPaths) ? schemaPaths.filter((p): p is string => typeof p === 'string') : defaults.schemaPaths,
    placeholders: { extraPatterns: (field(given.placeholders, 'extraPatterns') ?? defaults.placeholders.extraPatterns) as readonly string[] },
    vagueQuantities: { severity: oneOf(field(given.vagueQuantities, 'severity'), severities, defaults.vagueQuantities.severity) },
    coveredBySection: { severity: oneOf(field(given.coveredBySection, 'severity'), severities, defaults.coveredBySection.severity) },
    reportDetection: oneOf(given.reportDetection, ['auto', 'always', 'frontMatterOnly'], defaults.reportDetection),
    maxNumberOfProblems: typeof maximum === 'number' && Number.isFinite(maximum) && maximum >= 0 ? Math.floor(maximum) : defaults.maxNumberOfProblems,
  };
}

// eslint-disable-next-line max-lines-per-function -- the per-document state (models, analyses, builds, settings) lives in its closures; issue 17 item 4 gathers it into one state per document, which splits this
export function createContext(connection: Connection, documents: TextDocuments<TextDocument>, options: ContextOptions): ServerContext {
  const service = createReportService();
  const settingsCache = new Map<string, Promise<ReportWriterSettings>>();
  const compiled = new WeakMap<ReportWriterSettings, AnalysisSettings>();
  /** One analysis per document version and settings object: every feature of a keystroke shares it. */
  const analyses = new Map<string, { version: number; settings: ReportWriterSettings; analysis: ReportAnalysis }>();
  /** The model build under way per document: requests for the same version share it. */
  const builds = new Map<string, { version: number; model: Promise<ReportModel | undefined> }>();
  const listeners: (() => void)[] = [];
  const toldPatterns = new Set<string>();
  let workspaceSchemaFiles: { file: string; text: string }[] = [];

  const settingsFor = (uri: string): Promise<ReportWriterSettings> => {
    if (!options.canFetchConfiguration) return Promise.resolve(defaultReportWriterSettings);
    let cached = settingsCache.get(uri);
    if (!cached) {
      cached = connection.workspace
        .getConfiguration({ scopeUri: uri, section: settingsSection })
        .then(
          (value: unknown) => readSettings(value),
          (error: unknown) => {
            // A client that cannot answer still gets a working server, with the defaults.
            connection.console.warn(`workspace/configuration failed: ${error instanceof Error ? error.message : String(error)}`);
            return defaultReportWriterSettings;
          },
        );
      settingsCache.set(uri, cached);
    }
    return cached;
  };

  const toAnalysisSettings = (settings: ReportWriterSettings): AnalysisSettings => {
    const done = compiled.get(settings);
    if (done) return done;
    const { patterns, invalid } = compileUserPatterns(settings.placeholders.extraPatterns, options.locale);
    for (const problem of invalid) {
      // Once per pattern and reason until the settings change: every document has its own settings object.
      const message = localize(options.locale, 'pattern.invalid', problem);
      if (!toldPatterns.has(message)) void connection.window.showWarningMessage(message);
      toldPatterns.add(message);
    }
    const result: AnalysisSettings = {
      ...defaultSettings,
      locale: options.locale,
      schema: settings.schema,
      reportDetection: settings.reportDetection,
      vagueQuantitySeverity: settings.vagueQuantities.severity,
      coveredBySectionSeverity: settings.coveredBySection.severity,
      maxNumberOfProblems: settings.maxNumberOfProblems,
      extraPlaceholderPatterns: patterns,
    };
    compiled.set(settings, result);
    return result;
  };

  /**
   * `.report-schemas/*.yaml` of each workspace folder, whose links must stay inside the folder, plus the
   * files and folders of `schemaPaths`. A file refused or unreadable is a problem on the file.
   */
  const loadWorkspaceSchemas = async (): Promise<void> => {
    const sources: SchemaSource[] = [];
    for (const folder of options.workspaceFolders) {
      const root = toFsPath(folder.uri);
      if (!root) continue;
      const settings = await settingsFor(folder.uri);
      const locations: [string, string | undefined][] = [[path.join(root, '.report-schemas'), root], ...settings.schemaPaths.map((p): [string, undefined] => [path.resolve(root, p), undefined])];
      for (const [location, within] of locations) {
        try {
          appendAll(sources, listSchemaFiles(location, within));
        } catch {
          // A folder without .report-schemas, or a schemaPaths entry that does not exist yet: nothing to load.
        }
      }
    }
    for (const { file } of workspaceSchemaFiles) service.registry.delete(file);
    workspaceSchemaFiles = [];
    for (const source of sources) {
      const { file } = source;
      try {
        const text = readSchemaFile(source);
        service.registry.set(file, text);
        workspaceSchemaFiles.push({ file, text });
      } catch (error) {
        const reason = describeError(error, options.locale);
        service.registry.setRead(file, { draft: undefined, problems: [{ source: file, start: 0, end: 0, key: 'schema.unreadable', args: { reason } }] });
        workspaceSchemaFiles.push({ file, text: '' });
      }
    }
  };

  /**
   * Builds the model of the document's current version in slices, giving way to other messages between
   * them; a build whose document has meanwhile changed or closed stops and gives undefined. Unchanged
   * blocks of the previous version are reused, so even a 5 MB report parses again only what was edited.
   */
  const buildModel = (document: TextDocument): Promise<ReportModel | undefined> => {
    const changedSince = options.changedSince;
    return inSlices(document, service.modelSteps(document, changedSince && ((earlier) => changedSince(document, earlier))));
  };

  /**
   * Runs steps in slices, giving way to other messages between them; steps whose document has meanwhile
   * changed or closed stop and give undefined.
   */
  const inSlices = async <T>(document: TextDocument, steps: Generator<void, T>): Promise<T | undefined> => {
    const { uri, version } = document;
    let sliceEnd = Date.now() + sliceMilliseconds;
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (Date.now() < sliceEnd) continue;
      await nextTurn();
      if (documents.get(uri)?.version !== version) {
        steps.return(undefined as never);
        return undefined;
      }
      sliceEnd = Date.now() + sliceMilliseconds;
    }
  };

  const modelOf = (document: TextDocument): Promise<ReportModel | undefined> => {
    const running = builds.get(document.uri);
    if (running?.version === document.version) return running.model;
    const build = { version: document.version, model: buildModel(document) };
    builds.set(document.uri, build);
    const done = () => {
      if (builds.get(document.uri) === build) builds.delete(document.uri);
    };
    build.model.then(done, done);
    return build.model;
  };

  // Nothing may be asked of the client before it has sent `initialized` (VS Code rejects it).
  let initialized: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (initialized = resolve)).then(loadWorkspaceSchemas);

  return {
    connection,
    documents,
    service,
    locale: options.locale,
    ready,
    start: () => initialized(),
    async analyze(uri, token, overrides) {
      await ready;
      const document = documents.get(uri);
      if (!document || token?.isCancellationRequested) return undefined;
      const settings = await settingsFor(uri);
      if (token?.isCancellationRequested) return undefined;
      const cached = analyses.get(uri);
      if (!overrides && cached && cached.version === document.version && cached.settings === settings) return cached.analysis;
      const version = document.version;
      if (!(await modelOf(document)) || token?.isCancellationRequested || document.version !== version) return undefined;
      // The model of this version is cached now: the steps only run the checks, giving way between stages.
      const analysis = await inSlices(document, service.analyzeSteps(document, { ...toAnalysisSettings(settings), ...overrides }));
      if (!analysis || token?.isCancellationRequested) return undefined;
      if (!overrides) analyses.set(uri, { version: document.version, settings, analysis });
      return analysis;
    },
    workspaceSchemas: () => workspaceSchemaFiles,
    forget(uri) {
      analyses.delete(uri);
      settingsCache.delete(uri);
      builds.delete(uri);
      service.forget(uri);
    },
    retained: () => ({ documents: documents.all().length, models: service.cachedUris().length, analyses: analyses.size, builds: builds.size }),
    async reload() {
      settingsCache.clear();
      toldPatterns.clear();
      analyses.clear();
      await loadWorkspaceSchemas();
      for (const listener of listeners) listener();
    },
    onReload(listener) {
      listeners.push(listener);
    },
  };
}
