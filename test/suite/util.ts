import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReportWriterApi } from '../../client/src/extension.js';

const extensionId = 'report-writer.report-writer';

/** Activates the extension and waits until its language server has answered `initialize`. */
export async function activateExtension(): Promise<ReportWriterApi> {
  const extension = vscode.extensions.getExtension<ReportWriterApi>(extensionId);
  assert.ok(extension, `${extensionId} is installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

export function workspaceFile(name: string): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, name);
}

/** Resolves with the document's report-writer diagnostics once `accept` likes them; waits on events, not time. */
export function diagnosticsOf(uri: vscode.Uri, accept: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const ours = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'report-writer');
  return new Promise((resolve) => {
    if (accept(ours())) return resolve(ours());
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString()) || !accept(ours())) return;
      subscription.dispose();
      resolve(ours());
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

export function labelOf(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}
