import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { settingsSection } from '../../server/src/protocol.js';
import { ChecklistView, revealChapter } from './checklistView.js';
import { exportToWord, type ExportOptions } from './exportCommand.js';
import { GoalCheckPanel, goalCheckViewType, type GoalCheckState } from './goalCheckPanel.js';
import type { ClientHolder } from './requests.js';
import { insertChapterSkeleton, type SkeletonOptions } from './skeletonCommand.js';
import { createStatusBar, nextPlaceholder, nextProblem } from './statusBar.js';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'markdown' }],
    synchronize: { configurationSection: settingsSection },
    outputChannel,
  };
  return new LanguageClient(settingsSection, vscode.l10n.t('Report Writer'), serverOptions, clientOptions);
}

/** What the extension hands to its tests: the time activation took, and the running client. */
export interface ReportWriterApi {
  readonly activationMs: number;
  /** Settles when the language server has answered `initialize`. */
  readonly ready: Promise<void>;
  readonly client: () => LanguageClient | undefined;
  readonly checklist: ChecklistView;
  /** The goal-check preview, when it is open. */
  readonly goalCheck: () => GoalCheckPanel | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<ReportWriterApi> {
  const activationStart = performance.now();
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Report Writer'));
  client = createClient(context, outputChannel);
  // Activation does not wait for the server's handshake: VS Code stays responsive while it starts.
  const serverReady = client.start();
  // A server that fails to start is reported once, below; what waits for it then gets no answers.
  const holder: ClientHolder = { get client() { return client!; }, ready: serverReady.catch(() => undefined) };
  const checklist = new ChecklistView(holder);
  context.subscriptions.push(
    outputChannel,
    checklist,
    vscode.window.registerTreeDataProvider('reportWriter.checklist', checklist),
    createStatusBar(checklist.onDidUpdate),
    vscode.commands.registerCommand('reportWriter.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Report Writer: language server restarted'), 3000);
    }),
    vscode.commands.registerCommand('reportWriter.insertChapterSkeleton', (options?: SkeletonOptions) => insertChapterSkeleton(holder, options)),
    vscode.commands.registerCommand('reportWriter.insertChapter', (uri: vscode.Uri, slot: string) => insertChapterSkeleton(holder, { slots: [slot], uri })),
    vscode.commands.registerCommand('reportWriter.revealChapter', revealChapter),
    vscode.commands.registerCommand('reportWriter.nextPlaceholder', nextPlaceholder),
    vscode.commands.registerCommand('reportWriter.nextProblem', nextProblem),
    vscode.commands.registerCommand('reportWriter.refreshChecklist', () => checklist.refresh()),
    vscode.commands.registerCommand('reportWriter.showGoalCheck', () => GoalCheckPanel.show(holder)),
    vscode.commands.registerCommand('reportWriter.exportDocx', (options?: ExportOptions) => exportToWord(holder, options)),
    vscode.window.registerWebviewPanelSerializer(goalCheckViewType, {
      deserializeWebviewPanel: async (panel, state: GoalCheckState | undefined) => void GoalCheckPanel.restore(panel, holder, state),
    }),
    { dispose: () => GoalCheckPanel.instance?.dispose() },
  );
  const ready = serverReady.then(() => checklist.refresh());
  ready.catch((error: unknown) => outputChannel.appendLine(`${error instanceof Error ? error.message : String(error)}`));
  return { activationMs: performance.now() - activationStart, ready, client: () => client, checklist, goalCheck: () => GoalCheckPanel.instance };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
