/** Edits as an LSP client sends them, for the tests of edit tracking and of incremental edits through the server. */
import fc from 'fast-check';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';

/** An edit as generated: where, how much to replace, what to insert; or (`whole`) the text replaced outright. */
export interface Edit {
  readonly at: number;
  readonly length: number;
  readonly insert: string;
  readonly whole: boolean;
}

export const textEdit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 30 }),
  insert: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r', '第三章', '## 四、\n\n', '')),
  whole: fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
});
/** The edits of one didChange notification (none at all now and then). */
export const editBatch = fc.oneof({ weight: 20, arbitrary: fc.array(textEdit, { minLength: 1, maxLength: 3 }) }, { weight: 1, arbitrary: fc.constant([]) });

/** The batch as LSP change events, each placed in the text the ones before it leave. */
export function changeEvents(text: string, edits: readonly Edit[]): TextDocumentContentChangeEvent[] {
  let shadow = TextDocument.create('file:///shadow.md', 'markdown', 0, text);
  return edits.map(({ at, length, insert, whole }) => {
    const current = shadow.getText();
    const start = at % (current.length + 1);
    const event: TextDocumentContentChangeEvent = whole
      ? { text: insert + current }
      : { range: { start: shadow.positionAt(start), end: shadow.positionAt(Math.min(current.length, start + length)) }, text: insert };
    shadow = TextDocument.update(shadow, [event], shadow.version + 1);
    return event;
  });
}
