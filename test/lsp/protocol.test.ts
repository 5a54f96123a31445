/**
 * The protocol points of issue 15: the server's life (-32002 before initialize, one initialize, nothing
 * after shutdown) and documents synced in odd ways (a version used twice, text that is not a string).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node.js';
import { fixtureUri, pullDiagnostics, serverPath, startServer, type TestServer } from './client.js';

/** The code of the error a request is answered with; undefined when it succeeds. */
async function errorCode(request: Promise<unknown>): Promise<number | undefined> {
  try {
    await request;
    return undefined;
  } catch (error) {
    return (error as { code?: number }).code;
  }
}

describe('language server: its life by the book', function () {
  let connection: ProtocolConnection;
  let exited: Promise<unknown>;

  before(() => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    exited = new Promise((resolve) => child.once('exit', resolve));
    connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.listen();
  });

  after(async () => {
    await connection.sendNotification('exit');
    await exited;
    connection.dispose();
  });

  it('answers -32002 before initialize, refuses a second initialize, and refuses every request after shutdown', async () => {
    const uri = fixtureUri('corpus/seed-2-market-expansion.md');
    assert.equal(await errorCode(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })), -32002);
    const initialize = { processId: process.pid, rootUri: null, capabilities: { textDocument: { diagnostic: {} } } };
    assert.equal(await errorCode(connection.sendRequest('initialize', initialize)), undefined);
    assert.equal(await errorCode(connection.sendRequest('initialize', initialize)), -32600);
    await connection.sendNotification('initialized', {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# 项目总结报告\n\n目标 XX%\n' } });
    assert.equal(await errorCode(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })), undefined);
    assert.equal(await errorCode(connection.sendRequest('shutdown')), undefined);
    assert.equal(await errorCode(connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })), -32600);
    assert.equal(await errorCode(connection.sendRequest('shutdown')), -32600);
  });
});

describe('language server: documents synced in odd ways', function () {
  // One server for both: each test has a document of its own, and neither changes a setting.
  let server: TestServer;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });

  it('gives fresh diagnostics after a didChange that reuses the version number', async () => {
    const uri = fixtureUri('odd/reused-version.md');
    await server.open(uri, '# 项目总结报告\n\n## 一、项目背景与目标\n\n目标 XX%。\n', 3);
    assert.ok((await pullDiagnostics(server, uri)).some((d) => d.code === 'placeholder'));
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: '# 项目总结报告\n\n## 一、项目背景与目标\n\n目标 12%。\n' }] });
    assert.ok(!(await pullDiagnostics(server, uri)).some((d) => d.code === 'placeholder'));
  });

  it('opens a document whose text is not a string as an empty one, which later edits fill', async () => {
    const uri = fixtureUri('odd/not-a-string.md');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: { bytes: [1, 2] } } });
    assert.deepEqual(await pullDiagnostics(server, uri), []);
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: '# 项目总结报告\n\n目标 XX%。\n' }] });
    assert.ok((await pullDiagnostics(server, uri)).some((d) => d.code === 'placeholder'));
  });
});
