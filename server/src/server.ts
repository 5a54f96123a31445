import { createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node.js';
import { createContext, type ServerContext } from './context.js';
import { localize, toLocale } from './core/index.js';
import { registerCodeActions } from './features/codeActions.js';
import { registerCompletion } from './features/completion.js';
import { registerDiagnostics } from './features/diagnostics.js';
import { registerExportDocx } from './features/exportDocx.js';
import { registerFoldingRanges } from './features/folding.js';
import { registerHover } from './features/hover.js';
import { createLifecycle } from './features/lifecycle.js';
import { registerReportRequests } from './features/reportRequests.js';
import { registerSchemaProblems } from './features/schemaProblems.js';
import { registerDocumentSymbols } from './features/symbols.js';
import { createTrackedDocuments } from './textChanges.js';

// Over IPC inside VS Code, or `node dist/server.js --stdio` for any other LSP client.
const lifecycle = createLifecycle();
const connection = createConnection(ProposedFeatures.all, { messageStrategy: lifecycle.strategy });
lifecycle.register(connection);
const tracked = createTrackedDocuments();
const documents = new TextDocuments(tracked);
let context: ServerContext | undefined;
let canWatchFiles = false;

connection.onInitialize((params) => {
  const capabilities = params.capabilities;
  const clientPulls = capabilities.textDocument?.diagnostic !== undefined;
  canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  context = createContext(connection, documents, {
    locale: toLocale(params.locale),
    workspaceFolders: params.workspaceFolders ?? [],
    canFetchConfiguration: capabilities.workspace?.configuration === true,
    changedSince: tracked.changedSince,
  });
  registerDiagnostics(context, clientPulls);
  registerSchemaProblems(context);
  registerDocumentSymbols(context);
  registerFoldingRanges(context);
  registerCompletion(context);
  registerCodeActions(context);
  registerHover(context);
  registerReportRequests(context);
  registerExportDocx(context);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...(clientPulls && { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } }),
      documentSymbolProvider: { label: localize(context.locale, 'outline.provider') },
      foldingRangeProvider: true,
      completionProvider: { triggerCharacters: [' ', '#'] },
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'] },
      hoverProvider: true,
    },
    serverInfo: { name: 'report-writer' },
  };
});

connection.onInitialized(() => {
  context?.start();
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/.report-schemas/*.{yaml,yml}' }],
    });
  }
});

connection.onDidChangeConfiguration(() => void context?.reload());
connection.onDidChangeWatchedFiles(() => void context?.reload());
documents.onDidClose((event) => context?.forget(event.document.uri));

// A failed request must not take the server down with it: log it and keep serving.
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`));

documents.listen(connection);
connection.listen();
