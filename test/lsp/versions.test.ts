import * as assert from 'node:assert/strict';
import type { CompletionItem, DocumentSymbol, Hover, Range, TextEdit } from 'vscode-languageserver-protocol';
import { startServer, type TestServer } from './client.js';

/**
 * Answers are about the version of the document a request was made at, never the text of a later one.
 * The server must ask the client for a document's settings before its first analysis; the client here
 * holds its answer until an edit (or a close and open) has gone out, so that the edit reaches the server
 * while the requests before it wait. An answer computed from the edited text, or converted with it,
 * shows its positions in the wrong place.
 */

/** Six lines to a chapter, so that six lines inserted at the top put a heading where another stood. */
const chapters = ['1. Background and Objectives', '2. Implementation', '3. Results and Benefits', '4. Lessons Learned', '5. Conclusion'];
const v1 = [
  '# Project Closure Report: Riverside Bike Share',
  '',
  ...chapters.flatMap((title, i) => [`## ${title}`, '', `Paid registrations reached ${20_000 + i} by the end of the first season.`, '', 'The council funded a first season of 40 stations.', '']),
  '## ',
  '',
].join('\n');
const inserted = '## Summary\n\nThe scheme launched on time and within budget.\n\nIt ran for one season.\n\n';
const v2 = v1.replace('## 1.', `${inserted}## 1.`);
const shift = inserted.split('\n').length - 1;

const lineOf = (text: string, prefix: string): number => text.split('\n').findIndex((l) => l.startsWith(prefix));
const slice = (text: string, range: Range): string => {
  assert.equal(range.start.line, range.end.line, JSON.stringify(range));
  return text.split('\n')[range.start.line]!.slice(range.start.character, range.end.character);
};

/** Holds the client's answers to `workspace/configuration` until `release`. */
function holdSettings(server: TestServer): () => void {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  server.connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
    await held;
    return params.items.map(() => null);
  });
  return release;
}

const hover = (server: TestServer, uri: string, line: number, character: number) =>
  server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } }) as Promise<Hover | null>;
const complete = (server: TestServer, uri: string, line: number, character: number) =>
  server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } }) as Promise<CompletionItem[] | null>;
const symbols = (server: TestServer, uri: string) => server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as Promise<DocumentSymbol[]>;

/** Each chapter symbol names the heading that stands at its selection range in `text`. */
function assertSymbolsOf(text: string, answer: readonly DocumentSymbol[]): void {
  for (const symbol of answer.filter((s) => s.name !== '…')) assert.equal(slice(text, symbol.selectionRange), `## ${symbol.name}`, JSON.stringify(symbol.selectionRange));
}

describe('answers are about the version a request was made at', function () {
  let server: TestServer;
  beforeEach(async () => {
    server = await startServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('hover, completion and symbols asked just before an edit answer for their own version, or not at all; asked again, for the edited text', async () => {
    const uri = 'file:///versions/edit/closure-report.md';
    const release = holdSettings(server);
    const implementation = lineOf(v1, '## 2.');
    const typing = lineOf(v1, '## 5.') + shift;
    assert.equal(v1.split('\n')[typing], '## ');
    await server.open(uri, v1);
    const answers = Promise.all([hover(server, uri, implementation, 5), complete(server, uri, typing, 3), symbols(server, uri)]);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: inserted }],
    });
    release();
    const [staleHover, staleItems, staleSymbols] = await answers;

    // Asked at version 1: a hover over “## 2. Implementation”, chapters for the heading being typed.
    if (staleHover) {
      assert.deepEqual(staleHover.range, { start: { line: implementation, character: 0 }, end: { line: implementation, character: '## 2. Implementation'.length } });
      assert.match((staleHover.contents as { value: string }).value, /`implementation`/);
    }
    for (const item of staleItems ?? []) assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: typing, character: 3 }, end: { line: typing, character: 3 } }, item.label);
    assertSymbolsOf(v1, staleSymbols);

    // Asked again at version 2, where everything stands six lines lower.
    const fresh = await hover(server, uri, implementation + shift, 5);
    assert.ok(fresh);
    assert.equal(slice(v2, fresh.range!), '## 2. Implementation');
    const items = await complete(server, uri, typing + shift, 3);
    assert.ok(items?.length);
    for (const item of items) assert.deepEqual((item.textEdit as TextEdit).range, { start: { line: typing + shift, character: 3 }, end: { line: typing + shift, character: 3 } }, item.label);
    const outline = await symbols(server, uri);
    assert.equal(outline[0]!.name, 'Summary');
    assertSymbolsOf(v2, outline);
  });

  it('a document closed and opened again at the same version number with other text is answered about its new text', async () => {
    const uri = 'file:///versions/reopen/closure-report.md';
    const release = holdSettings(server);
    await server.open(uri, v1);
    const before = symbols(server, uri);
    await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    await server.open(uri, v2);
    release();
    assertSymbolsOf(v1, await before);
    const after = await symbols(server, uri);
    assert.equal(after[0]!.name, 'Summary');
    assertSymbolsOf(v2, after);
    const fresh = await hover(server, uri, lineOf(v2, '## 2.'), 5);
    assert.equal(slice(v2, fresh!.range!), '## 2. Implementation');
  });
});
