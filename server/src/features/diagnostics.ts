import { DiagnosticSeverity, DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type Diagnostic, type DiagnosticServerCancellationData } from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import { toRange, type ReportDiagnostic, type Severity, type TextDocumentLike } from '../core/index.js';
import { diagnosticSource, diagnosticsDocumentation } from '../protocol.js';

const severities: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(document: TextDocumentLike, d: ReportDiagnostic): Diagnostic {
  return {
    range: toRange(document, d.start, d.end),
    severity: severities[d.severity],
    code: d.code,
    codeDescription: { href: `${diagnosticsDocumentation}#${d.code}` },
    source: diagnosticSource,
    message: d.message,
    ...(d.data && { data: d.data }),
  };
}

/** The document's diagnostics; none for a closed document, undefined when it changed or the request was cancelled. */
export async function provideDiagnostics(context: ServerContext, uri: string, token?: { isCancellationRequested: boolean }): Promise<Diagnostic[] | undefined> {
  const document = context.documents.get(uri);
  if (!document) return [];
  const analysis = await context.analyze(uri, token);
  return analysis?.diagnostics.map((d) => toLspDiagnostic(document, d));
}

/**
 * Pull diagnostics (`textDocument/diagnostic`); clients without pull support get them pushed when a
 * document opens or changes. Settings and schema changes ask the client to pull again.
 */
export function registerDiagnostics(context: ServerContext, clientPulls: boolean): void {
  const { connection, documents } = context;
  if (clientPulls) {
    connection.languages.diagnostics.on(async (params, token) => {
      const items = await provideDiagnostics(context, params.textDocument.uri, token);
      if (items) return { kind: DocumentDiagnosticReportKind.Full, items };
      // Overtaken by an edit: the client asks again, for the version it has now.
      throw new ResponseError<DiagnosticServerCancellationData>(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    });
    context.onReload(() => connection.languages.diagnostics.refresh());
    return;
  }
  const push = async (uri: string) => {
    const document = documents.get(uri);
    if (!document) return;
    const diagnostics = await provideDiagnostics(context, uri);
    if (diagnostics && documents.get(uri)?.version === document.version) await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  };
  documents.onDidChangeContent((event) => void push(event.document.uri));
  documents.onDidClose((event) => void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] }));
  context.onReload(() => documents.all().forEach((d) => void push(d.uri)));
}
