import type { Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyzeSteps,
  compileUserPatterns,
  createReportService,
  defaultSettings,
  type AnalysisSettings,
  type CancellationTokenLike,
  localize,
  type Locale,
  type ReportModel,
  type ReportService,
  type SchemaRegistry,
  type TextChange,
} from './core/index.js';
import { DocumentState, type Analyzed } from './documentState.js';
import { defaultReportWriterSettings, settingsSection, type ReportWriterSettings } from './protocol.js';
import { createWorkspaceSchemas, toFsPath, type SchemaFile } from './workspaceSchemas.js';

/** What every feature module gets: the connection, the open documents and the engine. */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  /** The engine; its models are cached per open document, its registry holds the built-in schemas only. */
  readonly service: ReportService;
  readonly locale: Locale;
  /** The state of an open document; undefined when it is not open. */
  stateOf(uri: string): DocumentState | undefined;
  /**
   * The engine's verdict on the version the document has when this is called (a request's handler calls
   * it first, so the version its positions are about), with that version's text for converting offsets;
   * undefined when the document is not open, the request was cancelled, or the document changed or
   * closed before the analysis was done. `overrides` (e.g. treating any document as a report) bypass
   * the per-version cache.
   */
  analyze(uri: string, token?: CancellationTokenLike, overrides?: Partial<AnalysisSettings>): Promise<Analyzed | undefined>;
  /** The schemas that apply to an open document (see schemaFiles.ts), the built-in ones when it is not open. */
  registryFor(uri: string): Promise<SchemaRegistry>;
  /** Every schema known to any document: the built-in ones, then the workspace's read so far, each id once. */
  knownSchemas(): ReturnType<SchemaRegistry['all']>;
  /** Settles when the workspace schemas have been read for the first time, after `start`. */
  readonly ready: Promise<void>;
  /** Called once the client has sent `initialized`: from then on the server may ask it for settings. */
  start(): void;
  /** The workspace schema files read so far, with their text and problems. */
  workspaceSchemas(): readonly SchemaFile[];
  /** Disposes the state of a closed document: everything held for it goes at once. */
  forget(uri: string): void;
  /** How many documents the server holds state for (open documents, cached models and analyses, builds under way). */
  retained(): { documents: number; models: number; analyses: number; builds: number };
  /** Forget cached settings and re-read workspace schemas (settings or schema files changed). */
  reload(): Promise<void>;
  /** Called after `reload`, so features can refresh what the client shows. */
  onReload(listener: () => void): void;
  /** Called when workspace schema files have been read: after `ready`, `reload`, or a document under a `.report-schemas` not read before. */
  onSchemasRead(listener: () => void): void;
}

export interface ContextOptions {
  readonly locale: Locale;
  readonly workspaceFolders: readonly WorkspaceFolder[];
  readonly canFetchConfiguration: boolean;
  /** Where a document's text differs from an earlier version's, when its edits say so (textChanges.ts). */
  readonly changedSince?: (document: TextDocument, version: number) => TextChange | undefined;
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

export function createContext(connection: Connection, documents: TextDocuments<TextDocument>, options: ContextOptions): ServerContext {
  const service = createReportService();
  const compiled = new WeakMap<ReportWriterSettings, AnalysisSettings>();
  /** One state per open document: everything held for it, disposed at once when it closes. */
  const states = new Map<string, DocumentState>();
  const listeners: (() => void)[] = [];
  const toldPatterns = new Set<string>();
  const schemas = createWorkspaceSchemas(options.workspaceFolders, options.locale);

  const fetchSettings = (scopeUri: string): Promise<ReportWriterSettings> => {
    if (!options.canFetchConfiguration) return Promise.resolve(defaultReportWriterSettings);
    return connection.workspace.getConfiguration({ scopeUri, section: settingsSection }).then(
      (value: unknown) => readSettings(value),
      (error: unknown) => {
        // A client that cannot answer still gets a working server, with the defaults.
        connection.console.warn(`workspace/configuration failed: ${error instanceof Error ? error.message : String(error)}`);
        return defaultReportWriterSettings;
      },
    );
  };

  /**
   * The state of the open document at `uri`. A state whose document is no longer the open one (closed,
   * and maybe opened again since, with a version number that may repeat) is disposed and replaced.
   */
  const stateOf = (uri: string): DocumentState | undefined => {
    const document = documents.get(uri);
    const held = states.get(uri);
    if (held && held.document !== document) held.dispose();
    if (!document) return undefined;
    const existing = states.get(uri);
    if (existing) return existing;
    const state: DocumentState = new DocumentState(document, (closed) => {
      if (states.get(closed) === state) states.delete(closed);
      service.forget(closed);
    });
    states.set(uri, state);
    return state;
  };

  const settingsOf = (state: DocumentState): Promise<ReportWriterSettings> => (state.settings ??= fetchSettings(state.uri));

  const registryOf = (state: DocumentState, settings: ReportWriterSettings): SchemaRegistry => {
    if (state.registry?.paths !== settings.schemaPaths) state.registry = { paths: settings.schemaPaths, registry: schemas.registryFor(state.uri, settings.schemaPaths) };
    return state.registry.registry;
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

  /** Reads the schemas of each workspace folder's root with the folder's `schemaPaths`, so their problems show before any report is opened. */
  const readRootSchemas = async (): Promise<void> => {
    const schemaPaths = new Map<string, readonly string[]>();
    for (const folder of options.workspaceFolders) {
      const root = toFsPath(folder.uri);
      if (root) schemaPaths.set(root, (await fetchSettings(folder.uri)).schemaPaths);
    }
    schemas.readRoots((root) => schemaPaths.get(root) ?? []);
  };

  /**
   * Runs steps in slices, giving way to other messages between them; steps for a version the document
   * has meanwhile left (an edit, a close) stop and give undefined.
   */
  const inSlices = async <T>(state: DocumentState, version: number, steps: Generator<void, T>): Promise<T | undefined> => {
    let sliceEnd = Date.now() + sliceMilliseconds;
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (Date.now() < sliceEnd) continue;
      await nextTurn();
      if (!state.isCurrent(version)) {
        steps.return(undefined as never);
        return undefined;
      }
      sliceEnd = Date.now() + sliceMilliseconds;
    }
  };

  /**
   * The model of the document's current version, built in slices and shared by the requests for that
   * version. Unchanged blocks of the previous version are reused, so even a 5 MB report parses again
   * only what was edited.
   */
  const modelOf = (state: DocumentState): Promise<ReportModel | undefined> => {
    const { document } = state;
    const version = document.version;
    if (state.build?.version === version) return state.build.model;
    const changedSince = options.changedSince;
    const steps = service.modelSteps(document, changedSince && ((earlier) => changedSince(document, earlier)));
    const build = { version, model: inSlices(state, version, steps) };
    state.build = build;
    const done = () => {
      if (state.build === build) state.build = undefined;
    };
    build.model.then(done, done);
    return build.model;
  };

  // Nothing may be asked of the client before it has sent `initialized` (VS Code rejects it).
  let initialized: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (initialized = resolve)).then(readRootSchemas);

  return {
    connection,
    documents,
    service,
    locale: options.locale,
    ready,
    start: () => initialized(),
    stateOf,
    async analyze(uri, token, overrides) {
      // The version asked about is the one open now: a request's positions are about it.
      const state = stateOf(uri);
      if (!state) return undefined;
      const version = state.document.version;
      const stale = () => token?.isCancellationRequested === true || !state.isCurrent(version);
      await ready;
      if (stale()) return undefined;
      const settings = await settingsOf(state);
      if (stale()) return undefined;
      const registry = registryOf(state, settings);
      const last = state.last;
      if (!overrides && last && last.analyzed.document.version === version && last.settings === settings && last.registry === registry) return last.analyzed;
      const model = await modelOf(state);
      if (!model || stale()) return undefined;
      // The model of this version is built: the steps only run the checks, giving way between stages.
      const analysis = await inSlices(state, version, analyzeSteps(model, registry, { ...toAnalysisSettings(settings), ...overrides }));
      if (!analysis || stale()) return undefined;
      const analyzed = state.analyzedAt(analysis, version);
      if (!overrides) state.last = { settings, registry, analyzed };
      return analyzed;
    },
    async registryFor(uri) {
      await ready;
      const state = stateOf(uri);
      return state ? registryOf(state, await settingsOf(state)) : service.registry;
    },
    knownSchemas() {
      const known = new Map(service.registry.all().map((schema) => [schema.id, schema]));
      for (const registry of schemas.registries()) for (const schema of registry.all()) if (!known.has(schema.id)) known.set(schema.id, schema);
      return [...known.values()];
    },
    workspaceSchemas: () => schemas.files(),
    forget(uri) {
      states.get(uri)?.dispose();
      service.forget(uri);
    },
    retained() {
      const held = [...states.values()];
      return {
        documents: documents.all().length,
        models: service.cachedUris().length,
        analyses: held.filter((s) => s.last).length,
        builds: held.filter((s) => s.build).length,
      };
    },
    async reload() {
      for (const state of states.values()) state.invalidate();
      toldPatterns.clear();
      schemas.clear();
      await readRootSchemas();
      for (const listener of listeners) listener();
    },
    onReload(listener) {
      listeners.push(listener);
    },
    onSchemasRead(listener) {
      schemas.onRead(listener);
    },
  };
}
