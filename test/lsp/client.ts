import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node.js';

/** Capabilities of a modern editor: pull diagnostics, hierarchical symbols, snippets, configuration. */
const clientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false },
    diagnostic: { dynamicRegistration: false },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
    completion: { completionItem: { snippetSupport: true } },
    codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor.rewrite'] } } },
    publishDiagnostics: {},
  },
  workspace: { configuration: true, workspaceFolders: true },
};

export interface TestServer {
  readonly connection: ProtocolConnection;
  readonly initializeResult: InitializeResult;
  /** Milliseconds from spawning the server to its answer to `initialize` (for the benchmark). */
  readonly initializeMs: number;
  readonly stderr: () => string;
  readonly process: ChildProcess;
  open(uri: string, text: string, version?: number): Promise<void>;
  close(): Promise<void>;
}

export const serverPath = path.join(process.cwd(), 'dist', 'server.js');

export function fixtureUri(name: string): string {
  return pathToFileURL(path.join(process.cwd(), 'test', 'fixtures', name)).href;
}

/** Spawns `node dist/server.js --stdio` and initializes it as an LSP client would. */
export async function startServer(options: { locale?: string; pull?: boolean; settings?: Record<string, unknown>; workspaceFolder?: string } = {}): Promise<TestServer> {
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  connection.listen();
  const capabilities = options.pull === false
    ? { ...clientCapabilities, textDocument: { ...clientCapabilities.textDocument, diagnostic: undefined } }
    : clientCapabilities;
  const folder = options.workspaceFolder;
  const initializeResult = (await connection.sendRequest('initialize', {
    processId: process.pid,
    locale: options.locale ?? 'en',
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: path.basename(folder) }] : null,
    capabilities,
  })) as InitializeResult;
  const initializeMs = performance.now() - spawnedAt;
  // Like VS Code, the client answers requests only once it is initialized: a server that asks earlier fails.
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => options.settings ?? null));
  connection.onRequest('client/registerCapability', () => null);
  await connection.sendNotification('initialized', {});
  return {
    connection,
    initializeResult,
    initializeMs,
    process: child,
    stderr: () => stderr,
    async open(uri, text, version = 1) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    },
    async close() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      connection.dispose();
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

/** Pulls a document's diagnostics without a previous result id, which always gets a full report. */
export async function pullDiagnostics(server: TestServer, uri: string): Promise<Diagnostic[]> {
  const report = (await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport;
  if (report.kind !== 'full') throw new Error(`expected a full diagnostic report for ${uri}, got ${report.kind}`);
  return report.items;
}
