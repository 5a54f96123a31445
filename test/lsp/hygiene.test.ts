import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocumentSymbol, FoldingRange } from 'vscode-languageserver-protocol';
import type { ServerStatus } from '../../server/src/protocol.js';
import { pullDiagnostics, startServer, type TestServer } from './client.js';

const seeds = ['seed-1-system-integration.md', 'seed-2-market-expansion.md', 'seed-3-process-optimization.md']
  .map((name) => fs.readFileSync(path.join(process.cwd(), 'test/fixtures/corpus', name), 'utf8'));

const status = (server: TestServer) => server.connection.sendRequest('reportWriter/status') as Promise<ServerStatus>;

describe('language server resource hygiene', function () {
  this.timeout(120_000);
  let server: TestServer;
  before(async () => {
    server = await startServer({ settings: { reportDetection: 'always' } });
  });
  after(async () => {
    await server.close();
  });

  it('keeps nothing of 200 reports once they are closed @props', async () => {
    const uris = seeds.flatMap((_, s) => [...Array(67).keys()].map((i) => `file:///hygiene/${s}-${i}/总结报告.md`)).slice(0, 200);
    for (const [i, uri] of uris.entries()) await server.open(uri, seeds[i % 3]!);
    const counts = await Promise.all(uris.map((uri) => pullDiagnostics(server, uri).then((d) => d.length)));
    assert.ok(counts.every((n) => n > 5), 'every report was analysed');
    const open = await status(server);
    assert.deepEqual({ documents: open.documents, models: open.models, analyses: open.analyses }, { documents: 200, models: 200, analyses: 200 });
    for (const uri of uris) await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const closed = await status(server);
    assert.deepEqual({ ...closed, heapUsed: 0 }, { documents: 0, models: 0, analyses: 0, builds: 0, heapUsed: 0 });
  });

  it('drops the analysis of a version an edit overtakes and answers for the new one', async () => {
    // About 2 MB, so that parsing it takes long enough for the next edit to arrive meanwhile.
    let big = '';
    while (big.length < 2_000_000) for (const seed of seeds) big += `${seed}\n\n`;
    const uri = 'file:///hygiene/big/总结报告.md';
    await server.open(uri, big);
    await pullDiagnostics(server, uri);
    const change = (version: number, text: string, whole: boolean) =>
      server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [whole ? { text } : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text }],
      });
    // Every block changes, so version 2 has to be parsed in full…
    await change(2, big.replaceAll('项目', '工程'), true);
    const overtaken = server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } }).then(
      () => 'answered',
      (error: { code?: number; data?: { retriggerRequest?: boolean } }) => `${error.code} ${error.data?.retriggerRequest}`,
    );
    // …and version 3 arrives while it is.
    await change(3, '【待补充】', false);
    const latest = await pullDiagnostics(server, uri);
    assert.equal(await overtaken, '-32802 true', 'the overtaken request ends as ServerCancelled, asking the client to pull again');
    const atStart = latest.filter((d) => d.code === 'placeholder' && d.range.start.line === 0 && d.range.start.character === 0);
    assert.equal(atStart.length, 1, 'the answer is for version 3');
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.equal((await status(server)).models, 0);
  });

  it('answers other requests while the checks of a large report run, between their stages', async () => {
    // 100 goals against 3 000 results: matching them takes a few hundred milliseconds, in stages.
    const report = (shift: number) => {
      let text = '# 项目总结报告\n\n## 一、项目目标\n\n';
      for (let i = 0; i < 100; i++) text += `- 第${i}类业务办理时长不超过 ${i + 10} 分钟。\n`;
      text += '\n## 二、项目成果\n\n';
      for (let i = 0; i < 3000; i++) text += `第${i % 100}类业务在${i}号窗口的办理时长为 ${((i + shift) % 50) + 5} 分钟。\n\n`;
      return text;
    };
    const large = 'file:///hygiene/large/总结报告.md';
    await server.open(large, report(0));
    await pullDiagnostics(server, large);
    // Every result sentence new (the engine keeps what it has read by content): the checks have all the
    // matching to do again. A request sent right behind the pull is answered while they run.
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri: large, version: 2 }, contentChanges: [{ text: report(17) }] });
    const answered: string[] = [];
    const pulled = pullDiagnostics(server, large).then(() => answered.push('large'));
    const probed = status(server).then(() => answered.push('status'));
    await Promise.all([pulled, probed]);
    assert.deepEqual(answered, ['status', 'large']);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: large } });
  });

  it('outlines and folds 12 000 headings nested five deep (VS Code\'s own Markdown outline overflows its stack there) @props', async () => {
    const lines = ['# 项目总结报告', ''];
    for (let i = 0; i < 12_000; i++) lines.push(`${'#'.repeat(2 + (i % 5))} 标题 ${i}`, '', '正文。', '');
    const uri = 'file:///hygiene/headings/总结报告.md';
    await server.open(uri, lines.join('\n'));
    const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
    let count = 0;
    let depth = 0;
    const pending: [DocumentSymbol, number][] = symbols.map((s) => [s, 1]);
    while (pending.length) {
      const [symbol, level] = pending.pop()!;
      count++;
      depth = Math.max(depth, level);
      for (const child of symbol.children ?? []) pending.push([child, level + 1]);
    }
    assert.equal(count, 12_000, 'one symbol per chapter and section');
    assert.equal(depth, 5);
    const folds = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
    assert.equal(folds.length, 12_000, 'a folding range per chapter and section');
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
});
