import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { CompletionItem, Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, Range } from 'vscode-languageserver-protocol';
import { anyDocument, fuzzSeed, fuzzTimeout, runs } from '../util/documents.js';
import { startServer, type TestServer } from './client.js';

/** Line lengths of a text as LSP counts them (\r\n, \n and \r end lines; UTF-16 code units). */
function lineLengths(text: string): number[] {
  return text.split(/\r\n|\n|\r/).map((line) => line.length);
}

function inside(lines: number[], range: Range, what: string): void {
  const ok = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line]!;
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ok(range.start) && ok(range.end) && ordered, `${what} ${JSON.stringify(range)} outside the document (${lines.length} lines)`);
}

describe('fuzzing the language server over stdio', function () {
  this.timeout(fuzzTimeout(900_000));
  let server: TestServer;
  before(async () => {
    server = await startServer({ settings: { reportDetection: 'always' } });
  });
  after(async () => {
    await server.close();
  });

  it('answers diagnostics, symbols, folding and completion for any document, with ranges inside it, the same way twice @props', async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(anyDocument, fc.nat(), async (text, at) => {
        const uri = `file:///fuzz/${++count}/总结报告.md`;
        await server.open(uri, text);
        const lines = lineLengths(text);
        const pull = async () => ((await server.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as DocumentDiagnosticReport & { items: Diagnostic[] }).items;
        const diagnostics = await pull();
        for (const d of diagnostics) inside(lines, d.range, `diagnostic ${String(d.code)}`);
        const symbols = (await server.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as DocumentSymbol[];
        const pending = [...symbols];
        while (pending.length) {
          const symbol = pending.pop()!;
          inside(lines, symbol.range, 'symbol');
          inside(lines, symbol.selectionRange, 'symbol selection');
          pending.push(...(symbol.children ?? []));
        }
        const folding = (await server.connection.sendRequest('textDocument/foldingRange', { textDocument: { uri } })) as FoldingRange[];
        for (const f of folding) assert.ok(f.startLine <= f.endLine && f.endLine < lines.length, JSON.stringify(f));
        const line = at % lines.length;
        const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: lines[line]! } })) as CompletionItem[];
        for (const item of items) {
          if (item.textEdit && 'range' in item.textEdit) inside(lines, item.textEdit.range, 'completion');
          for (const edit of item.additionalTextEdits ?? []) inside(lines, edit.range, 'completion additional edit');
        }
        assert.deepEqual(await pull(), diagnostics);
        await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
      }),
      { seed: fuzzSeed, numRuns: runs(60, 'FUZZ_LSP_RUNS') },
    );
    assert.equal(server.process.exitCode, null, `server exited: ${server.stderr()}`);
  });
});
