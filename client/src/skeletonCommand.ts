import * as vscode from 'vscode';
import { DocumentLanguageRequest, SchemasRequest, SkeletonRequest, type SkeletonResult } from '../../server/src/protocol.js';
import { toVscodeRange, type ClientHolder } from './requests.js';

async function applyInOneStep(editor: vscode.TextEditor, result: SkeletonResult): Promise<boolean> {
  return editor.edit((builder) => {
    for (const edit of result.edits) builder.replace(toVscodeRange(edit.range), edit.newText);
  });
}

type Language = 'zh-cn' | 'en';

const languageNames: Record<Language, string> = { 'zh-cn': '中文', en: 'English' };

/**
 * The kind of report to write. When the document decides its language (front matter `lang`, its file
 * name 新报告.md / closure-report.md) each schema is offered once, in that language; when nothing
 * decides (Untitled-1), each is offered in Chinese and in English.
 */
async function pickSchema(holder: ClientHolder, uri: string, language: Language | null): Promise<{ schema: string; language: Language } | undefined> {
  // The schemas that apply to this document: its own .report-schemas folder's among them.
  const schemas = await holder.client.sendRequest(SchemasRequest, { uri });
  const languages: readonly Language[] = language ? [language] : ['zh-cn', 'en'];
  const items = languages.flatMap((lang) =>
    schemas.map((s) => ({
      label: s.names[lang],
      description: language ? s.id : `${languageNames[lang]} · ${s.id}`,
      detail: s.description,
      schema: s.id,
      language: lang,
    })),
  );
  const picked = await vscode.window.showQuickPick(items, {
    placeHolder: language ? vscode.l10n.t('Choose the kind of report') : vscode.l10n.t('Choose the kind of report and its language'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  return picked && { schema: picked.schema, language: picked.language };
}

/** Arguments of `reportWriter.insertChapterSkeleton` for keybindings and scripts; the palette passes none. */
export interface SkeletonOptions {
  /** The schema of a new report, instead of asking. */
  readonly schema?: string;
  /** The language of a new report (`zh-cn` or `en`), instead of the document's. */
  readonly language?: Language;
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
  let choice: { schema: string; language: Language | undefined } | undefined;
  if (empty) {
    const { language: decided } = await holder.client.sendRequest(DocumentLanguageRequest, { uri });
    const language = options.language ?? decided;
    choice = options.schema ? { schema: options.schema, language: language ?? undefined } : await pickSchema(holder, uri, language);
    if (!choice) return;
  }
  const result = await holder.client.sendRequest(SkeletonRequest, {
    uri,
    ...(choice && { schema: choice.schema, ...(choice.language && { language: choice.language }) }),
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
