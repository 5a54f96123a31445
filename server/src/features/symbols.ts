import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import { buildOutline, toRange, type OutlineKind, type OutlineNode, type TextDocumentLike } from '../core/index.js';

const kinds: Record<OutlineKind, SymbolKind> = {
  chapter: SymbolKind.Module,
  section: SymbolKind.Namespace,
  goal: SymbolKind.Event,
  'kpi-table': SymbolKind.Struct,
  'milestone-table': SymbolKind.Array,
};

/** Converts the outline without recursion: a report may have 10 000 headings. */
function toSymbols(document: TextDocumentLike, roots: readonly OutlineNode[]): DocumentSymbol[] {
  const convert = (node: OutlineNode): DocumentSymbol => ({
    name: node.name.trim() || '…',
    ...(node.detail !== undefined && { detail: node.detail }),
    kind: kinds[node.kind],
    range: toRange(document, node.start, Math.max(node.end, node.selection.end)),
    selectionRange: toRange(document, node.selection.start, node.selection.end),
    children: [],
  });
  const result = roots.map(convert);
  const pending = roots.map((node, i) => ({ node, symbol: result[i]! }));
  while (pending.length) {
    const { node, symbol } = pending.pop()!;
    for (const child of node.children) {
      const converted = convert(child);
      symbol.children!.push(converted);
      pending.push({ node: child, symbol: converted });
    }
  }
  return result;
}

export function registerDocumentSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol(async (params, token) => {
    const analyzed = await context.analyze(params.textDocument.uri, token);
    if (!analyzed?.analysis.isReport) return [];
    return toSymbols(analyzed.document, buildOutline(analyzed.analysis, context.locale));
  });
}
