import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver/node.js';
import type { ServerContext } from '../context.js';
import {
  insertChapters,
  localize,
  renumberAll,
  toRange,
  type ReportAnalysis,
  type TextDocumentLike,
  type TextEditLike,
} from '../core/index.js';
import { diagnosticSource } from '../protocol.js';

export function toTextEdits(document: TextDocumentLike, edits: readonly TextEditLike[]): TextEdit[] {
  return edits.map((e) => ({ range: toRange(document, e.start, e.end), newText: e.newText }));
}

function action(title: string, document: TextDocumentLike, edits: readonly TextEditLike[], diagnostics: Diagnostic[], preferred: boolean): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    isPreferred: preferred,
    edit: { changes: { [document.uri]: toTextEdits(document, edits) } },
  };
}

/** Quick fixes for the diagnostics the client sends back, computed from the current analysis. */
function quickFixes(context: ServerContext, document: TextDocumentLike, analysis: ReportAnalysis, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  const locale = context.locale;
  let renumberOffered = false;
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== diagnosticSource) continue;
    const data = diagnostic.data as { kind?: string; slot?: string; replacement?: string } | undefined;
    if (diagnostic.code === 'missing-chapter' && data?.slot) {
      const missing = analysis.missing.find((m) => m.slot.id === data.slot);
      if (!missing) continue;
      const edits = insertChapters(analysis, [missing.slot.id], { full: false });
      const title = localize(locale, 'action.insertChapter', { chapter: missing.slot.title[analysis.language] });
      actions.push(action(title, document, edits, [diagnostic], true));
    } else if (data?.kind === 'numbering' && data.replacement !== undefined) {
      const actual = document.getText().slice(document.offsetAt(diagnostic.range.start), document.offsetAt(diagnostic.range.end));
      const start = document.offsetAt(diagnostic.range.start);
      const end = document.offsetAt(diagnostic.range.end);
      actions.push(action(localize(locale, 'action.renumber', { actual, expected: data.replacement }), document, [{ start, end, newText: data.replacement }], [diagnostic], true));
      if (!renumberOffered) {
        renumberOffered = true;
        const edits = renumberAll(analysis.model);
        if (edits.length) actions.push(action(localize(locale, 'action.renumberAll'), document, edits, [diagnostic], false));
      }
    }
  }
  return actions;
}

/** On a chapter heading with numbered sections: renumber just those sections. */
function sectionRenumbering(context: ServerContext, document: TextDocumentLike, analysis: ReportAnalysis, offset: number): CodeAction[] {
  const chapter = analysis.model.chapters.find((c) => c.heading.start <= offset && offset <= c.heading.end);
  if (!chapter) return [];
  const edits = renumberAll(analysis.model, chapter);
  if (edits.length === 0) return [];
  return [{
    title: localize(context.locale, 'action.renumberSections', { chapter: chapter.heading.text }),
    kind: CodeActionKind.RefactorRewrite,
    edit: { changes: { [document.uri]: toTextEdits(document, edits) } },
  }];
}

export function registerCodeActions(context: ServerContext): void {
  context.connection.onCodeAction(async (params, token) => {
    const analyzed = await context.analyze(params.textDocument.uri, token);
    if (!analyzed?.analysis.isReport) return [];
    const { analysis, document } = analyzed;
    return [
      ...quickFixes(context, document, analysis, params.context.diagnostics),
      ...sectionRenumbering(context, document, analysis, document.offsetAt(params.range.start)),
    ];
  });
}
