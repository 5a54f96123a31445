import * as assert from 'node:assert/strict';
import type { TextDocuments } from 'vscode-languageserver/node.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createReportService } from '../../server/src/core/index.js';
import { createDocumentStates, documentKey } from '../../server/src/documentState.js';
import { defaultReportWriterSettings } from '../../server/src/protocol.js';

const uri = 'file:///state/report.md';
const text = '# 项目总结报告\n\n## 一、项目背景与目标\n\n目标 XX%。\n';

/** The open documents as `TextDocuments` gives them: only `get` is used. */
function openDocuments() {
  const open = new Map<string, TextDocument>();
  // A stand-in for the server's TextDocuments, which needs a connection: the states only call `get`.
  const documents = { get: (key: string) => open.get(key) } as unknown as TextDocuments<TextDocument>;
  return { open, documents };
}

describe('document state: one per open document', () => {
  it('converts an analysis\'s offsets with the text it was made from, after the document has moved on', () => {
    const { open, documents } = openDocuments();
    const live = TextDocument.create(uri, 'markdown', 1, text);
    open.set(uri, live);
    const state = createDocumentStates(documents, () => undefined).stateOf(uri)!;
    const analysis = createReportService().analyze(live)!;
    const analyzed = state.analyzedAt(analysis, 1);
    const goal = text.indexOf('目标 XX%');
    assert.deepEqual(analyzed.document.positionAt(goal), { line: 4, character: 0 });
    // The open document is updated in place, as the server's are: three more lines come before the goal.
    TextDocument.update(live, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\n\n\n' }], 2);
    assert.notDeepEqual(live.positionAt(goal), { line: 4, character: 0 });
    assert.deepEqual(analyzed.document.positionAt(goal), { line: 4, character: 0 });
    assert.equal(analyzed.document.offsetAt({ line: 4, character: 0 }), goal);
    assert.equal(analyzed.document.version, 1);
    assert.equal(state.isCurrent(1), false);
    assert.equal(state.isCurrent(2), true);
  });

  it('drops everything at once on dispose, and replaces a state whose document was closed and opened again', () => {
    const { open, documents } = openDocuments();
    const dropped: string[] = [];
    const states = createDocumentStates(documents, (closed) => dropped.push(closed));
    open.set(uri, TextDocument.create(uri, 'markdown', 1, text));
    const first = states.stateOf(uri)!;
    assert.equal(states.stateOf(uri), first);
    const key = documentKey<string>('test.value');
    first.set(key, 'held');
    first.settings = Promise.resolve(defaultReportWriterSettings);
    // Opened again at the same version number, with other text: a new document object.
    open.set(uri, TextDocument.create(uri, 'markdown', 1, `${text}\n## 二、项目成果\n`));
    const second = states.stateOf(uri)!;
    assert.notEqual(second, first);
    assert.equal(first.isCurrent(1), false, 'the old state is disposed: its requests answer nothing');
    assert.equal(first.get(key), undefined);
    assert.equal(first.settings, undefined);
    assert.deepEqual(dropped, [uri]);
    assert.deepEqual(states.all(), [second]);
    open.delete(uri);
    states.forget(uri);
    assert.deepEqual(states.all(), []);
    assert.deepEqual(dropped, [uri, uri]);
    assert.equal(states.stateOf(uri), undefined);
  });
});
