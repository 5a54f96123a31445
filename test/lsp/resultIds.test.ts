import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Diagnostic, DocumentDiagnosticReport, FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './client.js';

const seed1 = fs.readFileSync(path.join(process.cwd(), 'test/fixtures/corpus/seed-1-system-integration.md'), 'utf8');
/** `- 启动与规划阶段 (XX月至XX月):`, whose two placeholders move when a character is inserted before them. */
const placeholderLine = 30;

function pull(server: TestServer, uri: string, previousResultId?: string): Promise<DocumentDiagnosticReport> {
  return server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri }, previousResultId }) as Promise<DocumentDiagnosticReport>;
}

async function pullFull(server: TestServer, uri: string, previousResultId?: string): Promise<FullDocumentDiagnosticReport> {
  const report = await pull(server, uri, previousResultId);
  assert.equal(report.kind, 'full');
  assert.ok(report.resultId, 'a full report of an open document has a resultId');
  return report as FullDocumentDiagnosticReport;
}

function change(server: TestServer, uri: string, version: number, line: number, character: number, length: number, text: string): Promise<void> {
  return server.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character: character + length } }, text }],
  });
}

/** A paragraph line of seed 1 that carries no diagnostic, so that a character of it can change without changing any. */
function undiagnosedProseLine(diagnostics: readonly Diagnostic[]): number {
  const diagnosed = new Set(diagnostics.flatMap((d) => [d.range.start.line, d.range.end.line]));
  const line = seed1.split('\n').findIndex((text, i) => /^[\u4e00-\u9fff]{2}/.test(text) && !diagnosed.has(i));
  assert.ok(line >= 0);
  return line;
}

describe('pull diagnostics with result ids', function () {
  let server: TestServer;
  let opened = 0;
  /** A fresh uri per test, so that no test sees another's results. */
  let uri: string;
  before(async () => {
    server = await startServer();
  });
  after(async () => {
    await server.close();
  });
  beforeEach(() => {
    uri = `file:///result-ids/${++opened}/总结报告.md`;
  });

  it('answers unchanged, with the same resultId, when an edit in prose changes no diagnostic', async () => {
    await server.open(uri, seed1);
    const first = await pullFull(server, uri);
    assert.deepEqual(await pull(server, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId }, 'same version');
    await change(server, uri, 2, undiagnosedProseLine(first.items), 1, 1, '甲');
    assert.deepEqual(await pull(server, uri, first.resultId), { kind: 'unchanged', resultId: first.resultId }, 'next version, same diagnostics');
  });

  it('answers a full report with a new resultId when an edit moves a diagnostic', async () => {
    await server.open(uri, seed1);
    const first = await pullFull(server, uri);
    await change(server, uri, 2, placeholderLine, 2, 0, '甲');
    const second = await pullFull(server, uri, first.resultId);
    assert.notEqual(second.resultId, first.resultId);
    const starts = (report: FullDocumentDiagnosticReport) =>
      report.items.filter((d) => d.code === 'placeholder' && d.range.start.line === placeholderLine).map((d) => d.range.start.character);
    assert.deepEqual(starts(second), starts(first).map((c) => c + 1));
    await change(server, uri, 3, placeholderLine, 2, 1, '');
    const third = await pullFull(server, uri, second.resultId);
    assert.deepEqual(third.items, first.items, 'back to the diagnostics of the first report, which the client no longer holds');
    assert.notEqual(third.resultId, first.resultId);
  });

  it('answers a full report for a resultId it did not give for that document', async () => {
    await server.open(uri, seed1);
    const other = `${uri}.copy.md`;
    await server.open(other, seed1);
    const first = await pullFull(server, uri);
    await pullFull(server, uri, 'not-a-result-id');
    await pullFull(server, other, first.resultId);
  });

  it('answers a full report for the resultId of a document that has been closed and opened again', async () => {
    await server.open(uri, seed1);
    const first = await pullFull(server, uri);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.open(uri, seed1);
    await pullFull(server, uri, first.resultId);
  });

  it('answers the pull after a settings change with a full report when the diagnostics differ, else unchanged', async () => {
    let settings: Record<string, unknown> = { vagueQuantities: { severity: 'hint' } };
    server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => settings));
    const refreshed = () => new Promise<void>((resolve) => server.connection.onRequest('workspace/diagnostic/refresh', () => resolve()));
    await server.open(uri, seed1);
    const first = await pullFull(server, uri);
    assert.ok(first.items.some((d) => d.code === 'vague-quantity'));

    settings = { vagueQuantities: { severity: 'off' } };
    let refresh = refreshed();
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await refresh;
    const second = await pullFull(server, uri, first.resultId);
    assert.equal(second.items.filter((d) => d.code === 'vague-quantity').length, 0);

    refresh = refreshed();
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await refresh;
    assert.deepEqual(await pull(server, uri, second.resultId), { kind: 'unchanged', resultId: second.resultId });
  });
});
