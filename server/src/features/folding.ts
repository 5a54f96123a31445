import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import { appendAll, type Section, type TextDocumentLike } from '../core/index.js';

/** One range per chapter and section, from its heading to its last non-blank line. */
function foldingRanges(document: TextDocumentLike, chapters: readonly Section[]): FoldingRange[] {
  const text = document.getText();
  const ranges: FoldingRange[] = [];
  const pending = [...chapters];
  while (pending.length) {
    const section = pending.pop()!;
    appendAll(pending, section.sections);
    let end = section.end;
    while (end > section.start && /\s/.test(text[end - 1]!)) end--;
    const startLine = document.positionAt(section.start).line;
    const endLine = document.positionAt(end).line;
    if (endLine > startLine) ranges.push({ startLine, endLine, kind: FoldingRangeKind.Region });
  }
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

export function registerFoldingRanges(context: ServerContext): void {
  context.connection.onFoldingRanges(async (params, token) => {
    const analyzed = await context.analyze(params.textDocument.uri, token);
    if (!analyzed?.analysis.isReport) return [];
    return foldingRanges(analyzed.document, analyzed.analysis.model.chapters);
  });
}
