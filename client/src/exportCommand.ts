import * as path from 'node:path';
import * as vscode from 'vscode';
import { ExportDocxRequest, settingsSection, type ExportDocxParams, type ExportDocxResult } from '../../server/src/protocol.js';
import { countOf, isMarkdown, toVscodeRange, type ClientHolder } from './requests.js';

/** Arguments of `reportWriter.exportDocx` for keybindings, scripts and tests; the palette passes none and is asked. */
export interface ExportOptions {
  /** The report, instead of the active editor's. */
  readonly uri?: vscode.Uri;
  /** Append the goal scorecard, instead of asking. */
  readonly withScorecard?: boolean;
  /** Export even with placeholders left, as the confirm button does. */
  readonly allowPlaceholders?: boolean;
}

/**
 * Whether to append the goal scorecard: two choices, so that Enter exports at once; undefined when the
 * writer cancels. The last choice comes first next time.
 */
let scorecardFirst = false;

async function askScorecard(): Promise<boolean | undefined> {
  const plain = { label: vscode.l10n.t('Export'), withScorecard: false };
  const scorecard = { label: vscode.l10n.t('Export and append the goal scorecard as a table'), withScorecard: true };
  const picked = await vscode.window.showQuickPick(scorecardFirst ? [scorecard, plain] : [plain, scorecard], { title: vscode.l10n.t('Export to Word') });
  if (picked) scorecardFirst = picked.withScorecard;
  return picked?.withScorecard;
}

/** `reportWriter.export.template` as a file path: relative paths are read from the report's workspace folder. */
function templatePath(document: vscode.TextDocument): string | undefined {
  const setting = vscode.workspace.getConfiguration(settingsSection, document.uri).get<string>('export.template', '').trim();
  if (!setting) return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri.fsPath ?? path.dirname(document.uri.fsPath);
  return path.resolve(folder, setting);
}

/** A pick of the placeholders left: moving through it shows each in the editor, choosing one selects it. */
async function showPlaceholders(document: vscode.TextDocument, placeholders: Extract<ExportDocxResult, { kind: 'blocked' }>['placeholders']): Promise<void> {
  const items = placeholders.map((p) => ({
    label: p.text,
    description: vscode.l10n.t('line {0}, column {1}', p.range.start.line + 1, p.range.start.character + 1),
    range: toVscodeRange(p.range),
  }));
  const editor = await vscode.window.showTextDocument(document);
  const reveal = (item: (typeof items)[number] | undefined) => {
    if (!item) return;
    editor.selection = new vscode.Selection(item.range.start, item.range.end);
    editor.revealRange(item.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };
  const pick = vscode.window.createQuickPick<(typeof items)[number]>();
  pick.items = items;
  pick.title = vscode.l10n.t('Placeholders left in the report');
  pick.onDidChangeActive((active) => reveal(active[0]));
  pick.onDidAccept(() => {
    reveal(pick.selectedItems[0]);
    pick.hide();
  });
  pick.onDidHide(() => pick.dispose());
  pick.show();
}

function missingNote(missing: readonly string[]): string {
  return missing.length ? ` ${vscode.l10n.t('Required chapters missing: {0}.', missing.join(', '))}` : '';
}

/**
 * What follows an export, not awaited by the command so that it returns the result at once: open or
 * reveal the .docx; or, when placeholders stopped it, list them or export anyway.
 */
async function followUp(holder: ClientHolder, document: vscode.TextDocument, params: ExportDocxParams, result: ExportDocxResult): Promise<void> {
  if (result.kind === 'failed') {
    void vscode.window.showErrorMessage(result.message);
    return;
  }
  if (result.kind === 'blocked') {
    const show = vscode.l10n.t('Show Placeholders');
    const anyway = vscode.l10n.t('Export Anyway');
    const message = countOf(result.placeholders.length, '1 placeholder is still in the report: not exported.', '{0} placeholders are still in the report: not exported.') + missingNote(result.missingChapters);
    const answer = await vscode.window.showWarningMessage(message, show, anyway);
    if (answer === show) await showPlaceholders(document, result.placeholders);
    if (answer === anyway) await run(holder, document, { ...params, allowPlaceholders: true });
    return;
  }
  const open = vscode.l10n.t('Open');
  const reveal = vscode.l10n.t('Reveal');
  const file = vscode.Uri.file(result.path);
  const answer = await vscode.window.showInformationMessage(vscode.l10n.t('Exported {0}.', path.basename(result.path)) + missingNote(result.missingChapters), open, reveal);
  if (answer === open) await vscode.env.openExternal(file);
  if (answer === reveal) await vscode.commands.executeCommand(vscode.env.uiKind === vscode.UIKind.Desktop ? 'revealFileInOS' : 'revealInExplorer', file);
}

async function run(holder: ClientHolder, document: vscode.TextDocument, params: ExportDocxParams): Promise<ExportDocxResult | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting to Word…') },
    () => holder.client.sendRequest(ExportDocxRequest, params),
  );
  if (result) void followUp(holder, document, params, result);
  return result ?? undefined;
}

/**
 * Report: Export to Word. The server writes the .docx beside the report (a report that is no file asks
 * where); the command returns the server's answer, for scripts and tests.
 */
export async function exportToWord(holder: ClientHolder, options: ExportOptions = {}): Promise<ExportDocxResult | undefined> {
  const document = options.uri ? await vscode.workspace.openTextDocument(options.uri) : vscode.window.activeTextEditor?.document;
  if (!isMarkdown(document)) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Export to Word works on Markdown reports.'));
    return undefined;
  }
  const withScorecard = options.withScorecard ?? (await askScorecard());
  if (withScorecard === undefined) return undefined;
  let out: string | undefined;
  if (document.uri.scheme !== 'file') {
    const target = await vscode.window.showSaveDialog({ filters: { Word: ['docx'] }, saveLabel: vscode.l10n.t('Export') });
    if (!target) return undefined;
    out = target.fsPath;
  }
  const template = templatePath(document);
  return run(holder, document, {
    uri: document.uri.toString(),
    withScorecard,
    ...(options.allowPlaceholders && { allowPlaceholders: true }),
    ...(out && { out }),
    ...(template && { template }),
  });
}
