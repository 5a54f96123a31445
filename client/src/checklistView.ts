import * as vscode from 'vscode';
import { ChecklistRequest, type ChecklistResult } from '../../server/src/protocol.js';
import { coalesce, countOf, isMarkdown, toVscodeRange, type ClientHolder } from './requests.js';

type Item = ChecklistResult['items'][number];
type Heading = Item['chapters'][number];

/** A row of the view: a slot of the schema, or (under a present one) a section still to write. */
type Node = { readonly item: Item } | { readonly section: Heading; readonly slot: string };

/**
 * Report Checklist (Explorer): the schema's chapters in order, present (click → reveal) or missing
 * (click → insert), with the placeholders left in each and, under it, the sections still to write.
 * Also feeds the status bar.
 */
export class ChecklistView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly updated = new vscode.EventEmitter<ChecklistResult | undefined>();
  /** Fires with every new checklist (undefined when the active editor is not a report). */
  readonly onDidUpdate = this.updated.event;
  private current: ChecklistResult | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly holder: ClientHolder) {
    this.disposables.push(
      this.changed,
      this.updated,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) void this.refresh();
      }),
    );
  }

  get checklist(): ChecklistResult | undefined {
    return this.current;
  }

  /** Asks the server again; while a request is under way, at most one more follows it. */
  readonly refresh = coalesce(async () => {
    const document = vscode.window.activeTextEditor?.document;
    const result = isMarkdown(document)
      ? await this.holder.client.sendRequest(ChecklistRequest, { uri: document.uri.toString() }).catch(() => null)
      : null;
    this.current = result?.isReport ? result : undefined;
    await vscode.commands.executeCommand('setContext', 'reportWriter.isReport', this.current !== undefined);
    this.changed.fire();
    this.updated.fire(this.current);
  });

  getChildren(element?: Node): Node[] {
    if (!element) return (this.current?.items ?? []).map((item) => ({ item }));
    return 'item' in element ? element.item.emptySections.map((section) => ({ section, slot: element.item.slot })) : [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const uri = vscode.Uri.parse(this.current!.uri);
    if ('section' in node) {
      const tree = new vscode.TreeItem(node.section.title);
      tree.id = `${node.slot}:${node.section.range.start.line}`;
      tree.iconPath = new vscode.ThemeIcon('edit');
      tree.description = vscode.l10n.t('still to write');
      tree.command = { command: 'reportWriter.revealChapter', title: vscode.l10n.t('Go to chapter'), arguments: [uri, node.section.range] };
      return tree;
    }
    const { item } = node;
    const tree = new vscode.TreeItem(item.title);
    tree.id = item.slot;
    const kind = item.required ? vscode.l10n.t('required') : vscode.l10n.t('optional');
    if (item.present) {
      tree.iconPath = new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
      tree.description = [
        item.chapters.map((c) => c.title).join(' · '),
        item.placeholders ? countOf(item.placeholders, '1 placeholder', '{0} placeholders') : '',
        item.emptySections.length ? countOf(item.emptySections.length, '1 section to write', '{0} sections to write') : '',
      ].filter(Boolean).join(' — ');
      tree.tooltip = `${item.title} (${kind}): ${item.chapters.map((c) => c.title).join(' · ')}`;
      tree.command = { command: 'reportWriter.revealChapter', title: vscode.l10n.t('Go to chapter'), arguments: [uri, item.chapters[0]!.range] };
      tree.contextValue = 'present';
      tree.collapsibleState = item.emptySections.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    } else {
      tree.iconPath = item.required
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('testing.iconFailed'))
        : new vscode.ThemeIcon('circle-large-outline');
      tree.description = item.required ? vscode.l10n.t('missing — click to insert') : vscode.l10n.t('optional — click to insert');
      tree.tooltip = `${item.title} (${kind})`;
      tree.command = { command: 'reportWriter.insertChapter', title: vscode.l10n.t('Insert chapter'), arguments: [uri, item.slot] };
      tree.contextValue = item.required ? 'missing' : 'absent';
    }
    return tree;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export async function revealChapter(uri: vscode.Uri, range: Heading['range']): Promise<void> {
  const editor = await vscode.window.showTextDocument(uri);
  const target = toVscodeRange(range);
  editor.selection = new vscode.Selection(target.start, target.start);
  editor.revealRange(target, vscode.TextEditorRevealType.AtTop);
}
