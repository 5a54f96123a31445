import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ReportDiagnostic } from '../../server/src/core/index.js';
import { toLspDiagnostics } from '../../server/src/features/diagnostics.js';

/** LF, CRLF and lone CR line breaks, an empty line, a surrogate pair and a last line without a break. */
const text = '# 标题\r\n\r\n正文XX月。\n- 待补充 😀 TODO\r第五行\r\n末行';

const diagnostic = (start: number, end: number): ReportDiagnostic => ({ code: 'placeholder', severity: 'warning', message: 'm', start, end });

describe('diagnostic positions', () => {
  const document = TextDocument.create('file:///positions.md', 'markdown', 1, text);
  const expected = (d: ReportDiagnostic) => ({ start: document.positionAt(d.start), end: document.positionAt(d.end) });

  it('converts every offset as TextDocument.positionAt does, line breaks included, in document order', () => {
    const diagnostics: ReportDiagnostic[] = [];
    for (let start = 0; start <= text.length; start++) for (const length of [0, 1, 3, 9]) diagnostics.push(diagnostic(start, Math.min(text.length, start + length)));
    assert.deepEqual(toLspDiagnostics(document, diagnostics).map((d) => d.range), diagnostics.map(expected));
  });

  it('converts offsets out of order and out of the text as TextDocument.positionAt does', () => {
    const diagnostics = [diagnostic(30, 31), diagnostic(2, 40), diagnostic(-5, 3), diagnostic(text.length, text.length + 10), diagnostic(8, 9)];
    assert.deepEqual(toLspDiagnostics(document, diagnostics).map((d) => d.range), diagnostics.map(expected));
  });
});
