import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import { createTextDocument, localize, toRange } from '../core/index.js';
import { diagnosticSource } from '../protocol.js';

/**
 * Problems in workspace schema files are published on those files (they need not be open), so the
 * Problems panel says what is wrong and where; the built-in schemas keep working meanwhile.
 */
export function registerSchemaProblems(context: ServerContext): void {
  let published = new Set<string>();
  const publish = () => {
    const next = new Set<string>();
    for (const { file, text, problems } of context.workspaceSchemas()) {
      const uri = pathToFileURL(file).href;
      const document = createTextDocument(uri, text);
      const diagnostics = problems.map((problem) => ({
        range: toRange(document, problem.start, problem.end),
        severity: DiagnosticSeverity.Error,
        code: 'schema',
        source: diagnosticSource,
        message: localize(context.locale, problem.key, problem.args),
      }));
      next.add(uri);
      void context.connection.sendDiagnostics({ uri, diagnostics });
    }
    for (const uri of published) if (!next.has(uri)) void context.connection.sendDiagnostics({ uri, diagnostics: [] });
    published = next;
  };
  context.onReload(publish);
  context.onSchemasRead(publish);
  void context.ready.then(publish);
}
