import { MarkupKind } from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import { provideHover, toRange } from '../core/index.js';

export function registerHover(context: ServerContext): void {
  context.connection.onHover(async (params, token) => {
    const document = context.documents.get(params.textDocument.uri);
    const analysis = await context.analyze(params.textDocument.uri, token);
    const hover = document && analysis && provideHover(analysis, document.offsetAt(params.position), context.locale);
    if (!document || !hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(document, hover.span.start, hover.span.end) };
  });
}
