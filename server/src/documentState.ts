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
