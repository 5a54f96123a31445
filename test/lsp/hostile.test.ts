import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, DocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { fuzzSeed, fuzzTimeout, hostileDocument, runs } from '../util/documents.js';
import { fixtureUri, pullDiagnostics, startServer, type TestServer } from './client.js';

/**
 * Hostile documents (issue 15) through the language server: each is opened beside an ordinary report,
 * and the server must answer the report's requests and the hostile document's own, and stay up. The
 * budgets bound the work; mocha's timeout is the only clock.
 */
describe('fuzzing the language server with hostile documents', function () {
  this.timeout(fuzzTimeout(60_000));
  let server: TestServer;
  const reportUri = fixtureUri('hostile/ordinary.md');

  before(async () => {
    server = await startServer({ settings: { reportDetection: 'always' } });
    await server.open(reportUri, '# 项目总结报告\n\n## 一、项目背景与目标\n\n目标 XX%。\n');
  });

  after(async () => {
    await server.close();
  });

  it('answers an ordinary report while hostile documents grow, and answers them too', async () => {
    let count = 0;
    const size = Number(process.env.FUZZ_HOSTILE_SIZE) || 40;
    await fc.assert(
      fc.asyncProperty(hostileDocument(size), async (text) => {
        const uri = `file:///hostile/${++count}/总结报告.md`;
        await server.open(uri, text);
        const hostile = server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }) as Promise<DocumentDiagnosticReport & { items: Diagnostic[] }>;
        const ordinary = await pullDiagnostics(server, reportUri);
        assert.ok(ordinary.some((d) => d.code === 'placeholder'));
        assert.equal((await hostile).kind, 'full');
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      { seed: fuzzSeed, numRuns: runs(8, 'FUZZ_LSP_RUNS') },
    );
    assert.equal(server.process.exitCode, null, `server exited: ${server.stderr()}`);
  });
});
