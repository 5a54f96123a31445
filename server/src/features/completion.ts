import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import { provideCompletions, toRange, type CompletionProposal, type TextDocumentLike } from '../core/index.js';
import { toTextEdits } from './codeActions.js';

const kinds: Record<CompletionProposal['kind'], CompletionItemKind> = {
  chapter: CompletionItemKind.Module,
  section: CompletionItemKind.Field,
  table: CompletionItemKind.Snippet,
};

function toItem(document: TextDocumentLike, proposal: CompletionProposal): CompletionItem {
  return {
    label: proposal.label,
    kind: kinds[proposal.kind],
    detail: proposal.detail,
    documentation: { kind: MarkupKind.Markdown, value: proposal.documentation },
    sortText: proposal.sortText,
    filterText: proposal.label,
    insertTextFormat: proposal.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: toRange(document, proposal.replace.start, proposal.replace.end), newText: proposal.insertText },
    ...(proposal.additionalEdits.length ? { additionalTextEdits: toTextEdits(document, proposal.additionalEdits) } : {}),
  };
}

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(async (params, token) => {
    const analyzed = await context.analyze(params.textDocument.uri, token);
    if (!analyzed) return [];
    const { analysis, document } = analyzed;
    return provideCompletions(analysis, document.offsetAt(params.position), context.locale).map((p) => toItem(document, p));
  });
}
