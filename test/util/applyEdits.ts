import type { TextEdit } from 'vscode-languageserver-protocol';
import { createTextDocument } from '../../server/src/core/index.js';

/** Applies LSP text edits to a text, as an editor would (edits do not overlap; applied back to front). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const document = createTextDocument('file:///x.md', text);
  const offsets = edits
    .map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let result = text;
  for (const e of offsets) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}
