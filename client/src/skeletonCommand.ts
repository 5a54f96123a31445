import * as vscode from 'vscode';
import { SchemasRequest, SkeletonRequest, type SkeletonResult } from '../../server/src/protocol.js';
import { toVscodeRange, type ClientHolder } from './requests.js';

async function applyInOneStep(editor: vscode.TextEditor, result: SkeletonResult): Promise<boolean> {
  return editor.edit((builder) => {
    for (const edit of result.edits) builder.replace(toVscodeRange(edit.range), edit.newText);
  });
}

async function pickSchema(holder: ClientHolder): Promise<string | undefined> {
  const schemas = await holder.client.sendRequest(SchemasRequest);
  const picked = await vscode.window.showQuickPick(
    schemas.map((s) => ({ label: s.name, description: s.id, detail: s.description, id: s.id })),
    { placeHolder: vscode.l10n.t('Choose the kind of report'), matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.id;
}

/** Arguments of `reportWriter.insertChapterSkeleton` for keybindings and scripts; the palette passes none. */
export interface SkeletonOptions {
  /** The schema of a new report, instead of asking. */
  readonly schema?: string;
  /** Only these slots (the checklist's click on a missing chapter). */
  readonly slots?: readonly string[];
  /** The document to write into, instead of the active editor's. */
  readonly uri?: vscode.Uri;
}

/**
 * Report: Insert Chapter Skeleton. In an empty document it writes a whole report of the chosen schema;
 * in an existing report it inserts only the missing chapters, each at its place. One undo step either way.
 */
export async function insertChapterSkeleton(holder: ClientHolder, options: SkeletonOptions = {}): Promise<void> {
  const { slots, uri: target } = options;
  let editor = vscode.window.activeTextEditor;
  if (target && editor?.document.uri.toString() !== target.toString()) editor = await vscode.window.showTextDocument(target);
  if (!editor) {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    editor = await vscode.window.showTextDocument(document);
  }
  if (editor.document.languageId !== 'markdown') {
    if (editor.document.getText().trim() !== '') {
      void vscode.window.showWarningMessage(vscode.l10n.t('Insert Chapter Skeleton works on Markdown reports.'));
      return;
    }
    await vscode.languages.setTextDocumentLanguage(editor.document, 'markdown');
    editor = vscode.window.activeTextEditor ?? editor;
  }
  const uri = editor.document.uri.toString();
  const empty = editor.document.getText().trim() === '';
  const schema = empty ? options.schema ?? (await pickSchema(holder)) : undefined;
  if (empty && !schema) return;
  const language = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
  const result = await holder.client.sendRequest(SkeletonRequest, {
    uri,
    ...(schema && { schema, language }),
    ...(slots && { slots }),
  });
  if (!result || result.edits.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every chapter the schema requires is already in the report.'));
    return;
  }
  if (!(await applyInOneStep(editor, result))) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The document changed while the skeleton was being written; try again.'));
  }
}
