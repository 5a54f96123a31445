import {
  DiagnosticSeverity,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CodeDescription,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type Position,
} from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import { documentKey, type DocumentState } from '../documentState.js';
import { toRange, type DiagnosticCode, type ReportDiagnostic, type Severity, type TextDocumentLike } from '../core/index.js';
import { diagnosticSource, diagnosticsDocumentation } from '../protocol.js';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** One link object per code, shared by all its diagnostics: a 5 MB report has thousands of each. */
const codeDescriptions = new Map<DiagnosticCode, CodeDescription>();

function codeDescriptionOf(code: DiagnosticCode): CodeDescription {
  let description = codeDescriptions.get(code);
  if (!description) {
    description = { href: `${diagnosticsDocumentation}#${code}` };
    codeDescriptions.set(code, description);
  }
  return description;
}

/** The engine's diagnostics of `document` as LSP diagnostics. */
export function toLspDiagnostics(document: TextDocumentLike, diagnostics: readonly ReportDiagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => {
    const diagnostic: Diagnostic = {
      range: toRange(document, d.start, d.end),
      severity: severities[d.severity],
      code: d.code,
      codeDescription: codeDescriptionOf(d.code),
      source: diagnosticSource,
      message: d.message,
    };
    if (d.data) diagnostic.data = d.data;
    return diagnostic;
  });
}

/** `data` is flat (DiagnosticData): a nested value compares unequal, which costs a full report, never a wrong one. */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/**
 * Whether the engine's diagnostics of `document` are, as LSP diagnostics, the ones `sent`: compared field
 * by field, without building the LSP diagnostics. `source` and `codeDescription` follow from the code.
 */
function sameAsSent(document: TextDocumentLike, diagnostics: readonly ReportDiagnostic[], sent: readonly Diagnostic[]): boolean {
  if (diagnostics.length !== sent.length) return false;
  const at = (offset: number, position: Position): boolean => {
    const { line, character } = document.positionAt(offset);
    return line === position.line && character === position.character;
  };
  return diagnostics.every((d, i) => {
    const other = sent[i]!;
    return (
      d.code === other.code &&
      severities[d.severity] === other.severity &&
      d.message === other.message &&
      at(d.start, other.range.start) &&
      at(d.end, other.range.end) &&
      sameData(d.data, other.data)
    );
  });
}

/** The last report a document's diagnostics were sent in. */
interface SentReport {
  readonly resultId: string;
  /** The engine's diagnostics it was made of, or equal ones: a pull answered from the same analysis compares nothing. */
  readonly source: readonly ReportDiagnostic[];
  readonly items: Diagnostic[];
}

/** The last report sent for a document, kept in its state: closing the document drops it. */
const lastReport = documentKey<SentReport>('diagnostics.lastReport');
let lastResultId = 0;

/**
 * A report with a result id. A pull whose `previousResultId` names the last report of the document, and
 * whose diagnostics are still the same, is answered `unchanged`: an edit that changes no diagnostic does
 * not send thousands of them again. Any other id, of an older report, of another document or of one since
 * closed, gets a full report.
 */
function report(state: DocumentState, document: TextDocumentLike, diagnostics: readonly ReportDiagnostic[], previousResultId: string | undefined): DocumentDiagnosticReport {
  const previous = state.get(lastReport);
  const same = previous?.source === diagnostics;
  if (previous && previousResultId === previous.resultId && (same || sameAsSent(document, diagnostics, previous.items))) {
    state.set(lastReport, { ...previous, source: diagnostics });
    return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: previous.resultId };
  }
  const items = same ? previous.items : toLspDiagnostics(document, diagnostics);
  const resultId = String(++lastResultId);
  state.set(lastReport, { resultId, source: diagnostics, items });
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
}

/**
 * Pull diagnostics (`textDocument/diagnostic`), with result ids; clients without pull support get them
 * pushed when a document opens or changes. Settings and schema changes ask the client to pull again.
 */
export function registerDiagnostics(context: ServerContext, clientPulls: boolean): void {
  const { connection, documents } = context;
  if (clientPulls) {
    connection.languages.diagnostics.on(async (params, token) => {
      const state = context.stateOf(params.textDocument.uri);
      if (!state) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      const analyzed = await context.analyze(state.uri, token);
      if (analyzed) return report(state, analyzed.document, analyzed.analysis.diagnostics, params.previousResultId);
      // Overtaken by an edit: the client asks again, for the version it has now.
      throw new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    });
    context.onReload(() => connection.languages.diagnostics.refresh());
    return;
  }
  const push = async (uri: string) => {
    const analyzed = await context.analyze(uri);
    // Undefined when the document changed meanwhile: the push for its new version follows.
    if (!analyzed) return;
    const { document, analysis } = analyzed;
    await connection.sendDiagnostics({ uri, version: document.version, diagnostics: toLspDiagnostics(document, analysis.diagnostics) });
  };
  documents.onDidChangeContent((event) => void push(event.document.uri));
  documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  context.onReload(() => documents.all().forEach((d) => void push(d.uri)));
}
