import type { Connection, TextDocuments, WorkspaceFolder } from 'vscode-languageserver/node.js';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
  analyzeSteps,
  createReportService,
  type AnalysisSettings,
  type ChapterSchema,
  type CancellationTokenLike,
  type Locale,
  type ReportService,
  type SchemaRegistry,
  type TextChange,
} from './core/index.js';
import { createDocumentStates, type Analyzed, type DocumentState } from './documentState.js';
import type { ReportWriterSettings } from './protocol.js';
import { createSettingsCompiler, fetchClientSettings } from './settings.js';
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
  knownSchemas(): ChapterSchema[];
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

/** What `analyze` needs of the context: the states, the engine and how settings and schemas are had. */
interface AnalyzeNeeds {
  readonly service: ReportService;
  readonly stateOf: (uri: string) => DocumentState | undefined;
  readonly ready: Promise<void>;
  readonly settingsOf: (state: DocumentState) => Promise<ReportWriterSettings>;
  readonly registryOf: (state: DocumentState, settings: ReportWriterSettings) => SchemaRegistry;
  readonly compile: (settings: ReportWriterSettings) => AnalysisSettings;
  readonly changedSince: ContextOptions['changedSince'];
}

/** `ServerContext.analyze`, over what it needs. */
function analyzer({ service, stateOf, ready, settingsOf, registryOf, compile, changedSince }: AnalyzeNeeds): ServerContext['analyze'] {
  return async (uri, token, overrides) => {
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
    // Unchanged blocks of the previous version are reused, so even a 5 MB report parses again only what was edited.
    const model = await state.modelOf(() => service.modelSteps(state.document, changedSince && ((earlier) => changedSince(state.document, earlier))));
    if (!model || stale()) return undefined;
    // The model of this version is built: the steps only run the checks, giving way between stages.
    const analysis = await state.inSlices(version, analyzeSteps(model, registry, { ...compile(settings), ...overrides }));
    if (!analysis || stale()) return undefined;
    const analyzed = state.analyzedAt(analysis, version);
    if (!overrides) state.last = { settings, registry, analyzed };
    return analyzed;
  };
}

/** The server's state and the engine behind the features. */
export function createContext(connection: Connection, documents: TextDocuments<TextDocument>, options: ContextOptions): ServerContext {
  const service = createReportService();
  const states = createDocumentStates(documents, (uri) => service.forget(uri));
  const stateOf = states.stateOf;
  const listeners: (() => void)[] = [];
  const analysisSettings = createSettingsCompiler(options.locale, (message) => void connection.window.showWarningMessage(message));
  const schemas = createWorkspaceSchemas(options.workspaceFolders, options.locale);

  const fetchSettings = (scopeUri: string) => fetchClientSettings(connection, scopeUri, options.canFetchConfiguration);

  const settingsOf = (state: DocumentState): Promise<ReportWriterSettings> => (state.settings ??= fetchSettings(state.uri));

  const registryOf = (state: DocumentState, settings: ReportWriterSettings): SchemaRegistry => {
    if (state.registry?.paths !== settings.schemaPaths) state.registry = { paths: settings.schemaPaths, registry: schemas.registryFor(state.uri, settings.schemaPaths) };
    return state.registry.registry;
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
    analyze: analyzer({ service, stateOf, ready, settingsOf, registryOf, compile: (settings) => analysisSettings.compile(settings), changedSince: options.changedSince }),
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
      states.forget(uri);
      service.forget(uri);
    },
    retained() {
      const held = states.all();
      return {
        documents: documents.all().length,
        models: service.cachedUris().length,
        analyses: held.filter((s) => s.last).length,
        builds: held.filter((s) => s.build).length,
      };
    },
    async reload() {
      for (const state of states.all()) state.invalidate();
      analysisSettings.reset();
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
