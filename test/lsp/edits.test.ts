import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fuzzSeed, fuzzTimeout, runs, seeds } from '../util/documents.js';
import { changeEvents, editBatch } from '../util/textEdits.js';
import { pullDiagnostics, startServer, type TestServer } from './client.js';


describe('language server: incremental edits', function () {
  this.timeout(fuzzTimeout(300_000));
  let server: TestServer;
  before(async () => {
    server = await startServer({ settings: { reportDetection: 'always' } });
  });
  after(async () => {
    await server.close();
  });

  // The server parses again only what the edits it was sent changed (textChanges.ts); versions it never
  // diagnosed in between make it combine the edits of several notifications. Line breaks are \n only:
  // vscode-languageserver-textdocument counts a \r inserted before a \n as a line break of its own, which
  // a document opened with that text does not (the editor's own documents keep one kind of line break).
  const batches = fc.array(fc.tuple(editBatch.map((edits) => edits.map((e) => ({ ...e, insert: e.insert.replace(/\r\n?/g, '\n') }))), fc.boolean()), { minLength: 1, maxLength: 12 });
  it('diagnoses a report edited in batches of range changes as it diagnoses the same text opened afresh @props', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: seeds.length - 1 }), batches, async (seed, sent) => {
        const uri = `file:///edits/${++run}/总结报告.md`;
        let shadow = TextDocument.create(uri, 'markdown', 1, seeds[seed]!);
        await server.open(uri, shadow.getText());
        await pullDiagnostics(server, uri);
        for (const [edits, diagnose] of sent) {
          const contentChanges = changeEvents(shadow.getText(), edits);
          shadow = TextDocument.update(shadow, contentChanges, shadow.version + 1);
          await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: shadow.version }, contentChanges });
          if (diagnose) await pullDiagnostics(server, uri);
        }
        const fresh = `file:///edits/${run}/fresh.md`;
        await server.open(fresh, shadow.getText());
        assert.deepEqual(await pullDiagnostics(server, uri), await pullDiagnostics(server, fresh));
        for (const closed of [uri, fresh]) await server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: closed } });
      }),
      { numRuns: runs(25, 'FUZZ_LSP_RUNS'), seed: fuzzSeed },
    );
  });
});
