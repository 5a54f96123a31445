import type { TextEdit } from 'vscode-languageserver-protocol';
import { createTextDocument, type TextEditLike } from '../../server/src/core/index.js';

/** Applies edits in document offsets, as an editor would (edits do not overlap; applied back to front). */
export function applyOffsetEdits(text: string, edits: readonly TextEditLike[]): string {
  let result = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) result = result.slice(0, e.start) + e.newText + result.slice(e.end);
  return result;
}

/** Applies LSP text edits to a text, as an editor would. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const document = createTextDocument('file:///x.md', text);
  return applyOffsetEdits(text, edits.map((e) => ({ start: document.offsetAt(e.range.start), end: document.offsetAt(e.range.end), newText: e.newText })));
}
