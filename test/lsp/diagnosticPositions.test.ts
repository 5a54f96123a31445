import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createTextDocument, type ReportDiagnostic, type TextDocumentLike } from '../../server/src/core/index.js';
import { toLspDiagnostics } from '../../server/src/features/diagnostics.js';

/** LF, CRLF and lone CR line breaks, an empty line, a surrogate pair and a last line without a break. */
const text = '# 标题\r\n\r\n正文XX月。\n- 待补充 😀 TODO\r第五行\r\n末行';

const diagnostic = (start: number, end: number): ReportDiagnostic => ({ code: 'placeholder', severity: 'warning', message: 'm', start, end });

/**
 * The LSP position of an offset, counted the slow way the specification describes: lines end at CR, LF
 * or CRLF, characters are UTF-16 code units, an offset inside a CRLF is the end of its line (no position
 * lies inside a line break), and an offset outside the text is clamped to it.
 */
function specPosition(offset: number): { line: number; character: number } {
  let at = Math.max(0, Math.min(offset, text.length));
  if (text[at - 1] === '\r' && text[at] === '\n') at -= 1;
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < at; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line += 1;
      lineStart = i + 1;
    } else if (c === '\r' && i + 1 < at) {
      line += 1;
      lineStart = i + 2;
      i += 1;
    }
  }
  return { line, character: at - lineStart };
}

const expected = (d: ReportDiagnostic) => ({ start: specPosition(d.start), end: specPosition(d.end) });

/** The server's own documents (the core's line index) and vscode-languageserver-textdocument's. */
const documents: [string, TextDocumentLike][] = [
  ['the core document', createTextDocument('file:///positions.md', text)],
  ['TextDocument', TextDocument.create('file:///positions.md', 'markdown', 1, text)],
];

describe('diagnostic positions', () => {
  for (const [name, document] of documents) {
    it(`converts every offset of ${name} as the specification counts, line breaks included, in document order`, () => {
      const diagnostics: ReportDiagnostic[] = [];
      for (let start = 0; start <= text.length; start++) for (const length of [0, 1, 3, 9]) diagnostics.push(diagnostic(start, Math.min(text.length, start + length)));
      assert.deepEqual(toLspDiagnostics(document, diagnostics).map((d) => d.range), diagnostics.map(expected));
    });

    it(`converts offsets of ${name} out of order and out of the text as the specification counts`, () => {
      const diagnostics = [diagnostic(30, 31), diagnostic(2, 40), diagnostic(-5, 3), diagnostic(text.length, text.length + 10), diagnostic(8, 9)];
      assert.deepEqual(toLspDiagnostics(document, diagnostics).map((d) => d.range), diagnostics.map(expected));
    });
  }
});
