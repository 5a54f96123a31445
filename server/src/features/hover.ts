import { MarkupKind } from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import { provideHover, toRange } from '../core/index.js';

export function registerHover(context: ServerContext): void {
  context.connection.onHover(async (params, token) => {
    const analyzed = await context.analyze(params.textDocument.uri, token);
    if (!analyzed) return null;
    const { analysis, document } = analyzed;
    const hover = provideHover(analysis, document.offsetAt(params.position), context.locale);
    if (!hover) return null;
    return { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: toRange(document, hover.span.start, hover.span.end) };
  });
}
