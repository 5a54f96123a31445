import * as vscode from 'vscode';
import { diagnosticSource, type ChecklistResult } from '../../server/src/protocol.js';
import { countOf } from './requests.js';

/** A diagnostic's code as a string: with a `codeDescription` it reaches the client as `{ value, target }`. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return code === undefined ? undefined : String(typeof code === 'object' ? code.value : code);
}

function problemsOf(document: vscode.TextDocument): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(document.uri)
    .filter((d) => d.source === diagnosticSource)
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}


/**
 * Schema name and what is left to do: placeholders while there are any, else the report's other problems.
 * A click steps through them (Report: Go to Next Problem).
 */
export function createStatusBar(onUpdate: vscode.Event<ChecklistResult | undefined>): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('reportWriter.status', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Report Writer');
  item.command = 'reportWriter.nextProblem';
  let checklist: ChecklistResult | undefined;
  const render = () => {
    const document = vscode.window.activeTextEditor?.document;
    if (!checklist || document?.uri.toString() !== checklist.uri) {
      item.hide();
      return;
    }
    const problems = problemsOf(document).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).length;
    const left = checklist.placeholders > 0 ? countOf(checklist.placeholders, '1 placeholder', '{0} placeholders') : problems > 0 ? countOf(problems, '1 problem', '{0} problems') : vscode.l10n.t('no problems');
    item.text = `$(checklist) ${checklist.schema.name} · ${left}`;
    item.tooltip = [
      countOf(checklist.placeholders, '1 placeholder', '{0} placeholders'),
      countOf(checklist.missingRequired, '1 required chapter missing', '{0} required chapters missing'),
      vscode.l10n.t('Click to go to the next problem (placeholders first).'),
    ].join(' · ');
    item.show();
  };
  const subscriptions = [
    onUpdate((updated) => {
      checklist = updated;
      render();
    }),
    // Diagnostics arrive after the checklist: the count of other problems follows them.
    vscode.languages.onDidChangeDiagnostics((event) => {
      if (checklist && event.uris.some((uri) => uri.toString() === checklist!.uri)) render();
    }),
  ];
  return vscode.Disposable.from(item, ...subscriptions);
}

/** Selects the first of `diagnostics` (sorted by position) after the cursor, wrapping around; false when there are none. */
function selectNext(editor: vscode.TextEditor, diagnostics: readonly vscode.Diagnostic[]): boolean {
  if (diagnostics.length === 0) return false;
  const cursor = editor.selection.active;
  const next = diagnostics.find((d) => d.range.start.isAfter(cursor)) ?? diagnostics[0]!;
  editor.selection = new vscode.Selection(next.range.start, next.range.end);
  editor.revealRange(next.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** Report: Go to Next Placeholder — the next placeholder after the cursor, from the document's problems. */
export function nextPlaceholder(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  if (!selectNext(editor, problemsOf(editor.document).filter((d) => codeOf(d) === 'placeholder'))) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No placeholders left.'));
  }
}

/**
 * Report: Go to Next Problem (the status bar's click) — the next placeholder while any is left, then the
 * next of the report's other problems; hints (a setting for vague quantities) are not stepped through.
 */
export function nextProblem(): void {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const problems = problemsOf(editor.document).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
  const placeholders = problems.filter((d) => codeOf(d) === 'placeholder');
  if (!selectNext(editor, placeholders.length ? placeholders : problems)) {
    void vscode.window.showInformationMessage(vscode.l10n.t('The report has no problems left.'));
  }
}
