import * as vscode from 'vscode';
import type { ChecklistResult } from '../../server/src/protocol.js';

/** Schema name and placeholders left; click → next placeholder. */
export function createStatusBar(onUpdate: vscode.Event<ChecklistResult | undefined>): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('reportWriter.status', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Report Writer');
  item.command = 'reportWriter.nextPlaceholder';
  const subscription = onUpdate((checklist) => {
    if (!checklist) {
      item.hide();
      return;
    }
    item.text = `$(checklist) ${checklist.schema.name} · ${vscode.l10n.t('{0} placeholders', checklist.placeholders)}`;
    item.tooltip = vscode.l10n.t('Go to the next placeholder ({0} left, {1} required chapters missing)', checklist.placeholders, checklist.missingRequired);
    item.show();
  });
  return vscode.Disposable.from(item, subscription);
}

/** Selects the next placeholder after the cursor (wrapping around), from the Problems of the document. */
export function nextPlaceholder(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const placeholders = vscode.languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'report-writer' && d.code === 'placeholder')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
  if (placeholders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left.'));
    return;
  }
  const cursor = editor.selection.active;
  const next = placeholders.find((d) => d.range.start.isAfter(cursor)) ?? placeholders[0]!;
  editor.selection = new vscode.Selection(next.range.start, next.range.end);
  editor.revealRange(next.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}
