import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node.js';
import { settingsSection } from '../../server/src/protocol.js';

let client: LanguageClient | undefined;

function createClient(context: vscode.ExtensionContext, outputChannel: vscode.OutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
      { language: 'markdown', scheme: 'vscode-remote' },
    ],
    synchronize: { configurationSection: settingsSection },
    outputChannel,
  };
  return new LanguageClient(settingsSection, vscode.l10n.t('Report Writer'), serverOptions, clientOptions);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const outputChannel = vscode.window.createOutputChannel(vscode.l10n.t('Report Writer'));
  context.subscriptions.push(outputChannel);
  client = createClient(context, outputChannel);
  context.subscriptions.push(
    vscode.commands.registerCommand('reportWriter.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Report Writer: language server restarted'), 3000);
    }),
  );
  await client.start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
