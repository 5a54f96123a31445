import { createConnection, DidChangeWatchedFilesNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createContext, type ServerContext } from './context.js';
import { toLocale } from './core/index.js';
import { registerDiagnostics } from './features/diagnostics.js';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let context: ServerContext | undefined;
let clientPulls = false;
let canWatchFiles = false;

connection.onInitialize((params) => {
  const capabilities = params.capabilities;
  clientPulls = capabilities.textDocument?.diagnostic !== undefined;
  canWatchFiles = capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
  context = createContext(connection, documents, {
    locale: toLocale(params.locale),
    workspaceFolders: params.workspaceFolders ?? [],
    canFetchConfiguration: capabilities.workspace?.configuration === true,
  });
  registerDiagnostics(context, clientPulls);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      ...(clientPulls && { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } }),
    },
    serverInfo: { name: 'report-writer' },
  };
});

connection.onInitialized(() => {
  if (canWatchFiles) {
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      watchers: [{ globPattern: '**/.report-schemas/*.{yaml,yml}' }],
    });
  }
});

connection.onDidChangeConfiguration(() => void context?.reload());
connection.onDidChangeWatchedFiles(() => void context?.reload());
documents.onDidClose((event) => context?.forget(event.document.uri));

documents.listen(connection);
connection.listen();
