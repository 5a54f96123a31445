import type { TextDocuments } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportAnalysis, ReportModel, SchemaRegistry, TextDocumentLike } from './core/index.js';
import type { ReportWriterSettings } from './protocol.js';

/**
 * An analysis with the version of the document it was made from. Its offsets, and the positions of a
 * request about that version, convert through `document` only: the open document may have moved on.
 */
export interface Analyzed {
  readonly analysis: ReportAnalysis;
  /** The text analysed, at its version. */
  readonly document: TextDocumentLike;
}

/**
 * The document as it was at one version. The open document is updated in place by each edit, so this
 * converts through it while it still has that version (its line index is kept up to date incrementally)
 * and through a copy of the analysed text once it has moved on.
 */
function atVersion(live: TextDocument, version: number, text: string): TextDocumentLike {
  let frozen: TextDocument | undefined;
  const converter = (): TextDocument => (live.version === version ? live : (frozen ??= TextDocument.create(live.uri, live.languageId, version, text)));
  return {
    uri: live.uri,
    version,
    getText: () => text,
    positionAt: (offset) => converter().positionAt(offset),
    offsetAt: (position) => converter().offsetAt(position),
  };
}

/** How long a model build or an analysis runs before it lets other messages (a newer edit, a cancellation, another document's request) through. */
const sliceMilliseconds = 10;

/**
 * Resumes after the event loop has read what arrived meanwhile: a callback of setImmediate runs after the
 * current poll for I/O, so a second one is needed for the next poll to come in between.
 */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));

/** A per-document value of a feature module, kept in the document's state and dropped with it. */
export interface DocumentKey<T> {
  readonly name: string;
  /** Never set: it only keeps keys of different value types apart for the compiler. */
  readonly valueType?: T;
}

export function documentKey<T>(name: string): DocumentKey<T> {
  return { name };
}

/**
 * Everything the server holds for one open document, in one place, dropped at once by `dispose` when
 * the document closes. A request about the document holds on to the state it started with: once that
 * is disposed (closed, or closed and opened again with other text) the request answers nothing.
 */
export class DocumentState {
  /** The document's settings, fetched once until the settings change. */
  settings: Promise<ReportWriterSettings> | undefined;
  /** The schemas that apply to the document (schemaFiles.ts), found once until schemas or settings change. */
  registry: { readonly paths: readonly string[]; readonly registry: SchemaRegistry } | undefined;
  /** The model build under way: requests for the same version share it. */
  build: { readonly version: number; readonly model: Promise<ReportModel | undefined> } | undefined;
  /** The last analysis, shared by every feature asking about its version with the same settings and schemas. */
  last: { readonly settings: ReportWriterSettings; readonly registry: SchemaRegistry; readonly analyzed: Analyzed } | undefined;
  private readonly values = new Map<DocumentKey<unknown>, unknown>();
  private disposed = false;

  constructor(
    readonly document: TextDocument,
    private readonly onDispose: (uri: string) => void,
  ) {}

  get uri(): string {
    return this.document.uri;
  }

  /** True while the document is open at `version`: work for that version is still worth finishing. */
  isCurrent(version: number): boolean {
    return !this.disposed && this.document.version === version;
  }

  /**
   * Runs steps in slices, giving way to other messages between them; steps for a version the document
   * has meanwhile left (an edit, a close) stop and give undefined.
   */
  async inSlices<T>(version: number, steps: Generator<void, T>): Promise<T | undefined> {
    let sliceEnd = Date.now() + sliceMilliseconds;
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      if (Date.now() < sliceEnd) continue;
      await nextTurn();
      if (!this.isCurrent(version)) {
        steps.return(undefined as never);
        return undefined;
      }
      sliceEnd = Date.now() + sliceMilliseconds;
    }
  }

  /** The model of the document's current version, built in slices by `steps` and shared by the requests for that version. */
  modelOf(steps: () => Generator<void, ReportModel>): Promise<ReportModel | undefined> {
    const version = this.document.version;
    if (this.build?.version === version) return this.build.model;
    const build = { version, model: this.inSlices(version, steps()) };
    this.build = build;
    const done = () => {
      if (this.build === build) this.build = undefined;
    };
    build.model.then(done, done);
    return build.model;
  }

  /** The analysis as `Analyzed`, tied to the text it was made from. */
  analyzedAt(analysis: ReportAnalysis, version: number): Analyzed {
    return { analysis, document: atVersion(this.document, version, analysis.model.text) };
  }

  get<T>(key: DocumentKey<T>): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  set<T>(key: DocumentKey<T>, value: T): void {
    this.values.set(key, value);
  }

  /** Forget what follows from the settings and schemas: they changed. */
  invalidate(): void {
    this.settings = undefined;
    this.registry = undefined;
    this.last = undefined;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.invalidate();
    this.build = undefined;
    this.values.clear();
    this.onDispose(this.uri);
  }
}

/**
 * One state per open document, in one map. `stateOf` replaces a state whose document is no longer the
 * open one (closed, and maybe opened again since with a version number that may repeat); `dropped` is
 * called for each state disposed, to drop what others hold for the document (the engine's model).
 */
export function createDocumentStates(documents: TextDocuments<TextDocument>, dropped: (uri: string) => void) {
  const states = new Map<string, DocumentState>();
  return {
    stateOf(uri: string): DocumentState | undefined {
      const document = documents.get(uri);
      const held = states.get(uri);
      if (held && held.document === document) return held;
      held?.dispose();
      if (!document) return undefined;
      const state: DocumentState = new DocumentState(document, (closed) => {
        if (states.get(closed) === state) states.delete(closed);
        dropped(closed);
      });
      states.set(uri, state);
      return state;
    },
    /** Disposes the state of a closed document. */
    forget(uri: string): void {
      states.get(uri)?.dispose();
    },
    all(): DocumentState[] {
      return [...states.values()];
    },
  };
}
