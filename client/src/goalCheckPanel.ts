import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { GoalCheckRequest, InsertScorecardRequest, type GoalCheckResult } from '../../server/src/protocol.js';
import { renderGoalCheck, revealTarget, type GoalCheckStrings } from './goalCheckHtml.js';
import { coalesce, isMarkdown, toVscodeRange, type ClientHolder } from './requests.js';

export const goalCheckViewType = 'reportWriter.goalCheck';

/** What the webview keeps across reloads (`vscode.setState` in its script): the report it shows, and where it was scrolled. */
export interface GoalCheckState {
  readonly uri?: string;
  readonly scrollY?: number;
}

const webviewOptions: vscode.WebviewOptions = { enableScripts: true, localResourceRoots: [] };

function strings(): GoalCheckStrings {
  const t = vscode.l10n.t;
  return {
    heading: t('Goals against outcomes'),
    goal: t('Goal'),
    target: t('Target'),
    outcome: t('Outcome'),
    actual: t('Actual'),
    verdict: t('Verdict'),
    achievement: t('Achievement'),
    verdicts: { met: t('Met'), missed: t('Missed'), unverifiable: t('Cannot tell'), 'no-outcome': t('No outcome') },
    totals: t('Totals'),
    placeholders: t('Placeholders left'),
    missingChapters: t('Missing chapters'),
    none: t('none'),
    noGoals: t('The report states no goals in its goals chapter.'),
    notAReport: t('Open a project summary report to check its goals.'),
    copyMarkdown: t('Copy as Markdown'),
    insertMarkdown: t('Insert into report'),
    reveal: t('Go to this goal'),
  };
}

/**
 * Report: Check Goals Against Outcomes — a webview beside the editor with one row per goal. It follows
 * the active report and updates as it changes; rows reveal their goal; the scorecard exports as Markdown.
 * A window reload brings it back (`restore`, registered as the view type's serializer).
 */
export class GoalCheckPanel implements vscode.Disposable {
  private static current: GoalCheckPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private result: GoalCheckResult | null = null;

  static show(holder: ClientHolder): GoalCheckPanel {
    const document = vscode.window.activeTextEditor?.document;
    if (GoalCheckPanel.current) {
      GoalCheckPanel.current.panel.reveal(vscode.ViewColumn.Beside, true);
      if (isMarkdown(document)) GoalCheckPanel.current.follow(document.uri);
      return GoalCheckPanel.current;
    }
    const panel = vscode.window.createWebviewPanel(goalCheckViewType, vscode.l10n.t('Goal Check'), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, webviewOptions);
    GoalCheckPanel.current = new GoalCheckPanel(panel, holder, isMarkdown(document) ? document.uri : undefined);
    return GoalCheckPanel.current;
  }

  /** Takes back a panel VS Code kept over a window reload, showing the report it showed then. */
  static restore(panel: vscode.WebviewPanel, holder: ClientHolder, state: GoalCheckState | undefined): GoalCheckPanel {
    GoalCheckPanel.current?.dispose();
    panel.webview.options = webviewOptions;
    const uri = typeof state?.uri === 'string' ? vscode.Uri.parse(state.uri) : vscode.window.activeTextEditor?.document.uri;
    GoalCheckPanel.current = new GoalCheckPanel(panel, holder, uri);
    return GoalCheckPanel.current;
  }

  /** The open panel, for the extension tests. */
  static get instance(): GoalCheckPanel | undefined {
    return GoalCheckPanel.current;
  }

  private constructor(readonly panel: vscode.WebviewPanel, private readonly holder: ClientHolder, private uri: vscode.Uri | undefined) {
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.onMessage(message)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.document.uri.toString() === this.uri?.toString()) void this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (isMarkdown(editor?.document) && editor.document.uri.toString() !== this.uri?.toString()) this.follow(editor.document.uri);
      }),
    );
    void this.update();
  }

  get html(): string {
    return this.panel.webview.html;
  }

  get scorecard(): GoalCheckResult | null {
    return this.result;
  }

  private follow(uri: vscode.Uri): void {
    this.uri = uri;
    void this.update();
  }

  /** Asks the server for the scorecard and renders it; calls during a request collapse into one more. */
  readonly update = coalesce(async () => {
    await this.holder.ready;
    this.result = this.uri ? await this.request(this.uri) : null;
    const lang = vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
    this.panel.title = this.result?.title ? `${vscode.l10n.t('Goal Check')} · ${this.result.title}` : vscode.l10n.t('Goal Check');
    this.panel.webview.html = renderGoalCheck(this.result, {
      nonce: randomBytes(16).toString('base64'),
      cspSource: this.panel.webview.cspSource,
      lang,
      strings: strings(),
      uri: this.uri?.toString(),
    });
  });

  /**
   * The scorecard of `uri`. The server knows only open documents: a panel restored after a window reload
   * may ask before its report's editor is back, so the report is opened first (which the client syncs).
   */
  private async request(uri: vscode.Uri): Promise<GoalCheckResult | null> {
    try {
      await vscode.workspace.openTextDocument(uri);
      return await this.holder.client.sendRequest(GoalCheckRequest, { uri: uri.toString() });
    } catch {
      return null;
    }
  }

  private async onMessage(message: unknown): Promise<void> {
    if (!this.uri || typeof message !== 'object' || message === null) return;
    const type = (message as { type?: unknown }).type;
    if (type === 'reveal') {
      const document = await vscode.workspace.openTextDocument(this.uri);
      const target = revealTarget(message, document.lineCount);
      if (!target) return;
      const position = document.validatePosition(new vscode.Position(target.line, target.character));
      const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(position, position) });
      editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } else if (type === 'copy' && this.result) {
      await vscode.env.clipboard.writeText(this.result.markdown);
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Scorecard copied as Markdown'), 3000);
    } else if (type === 'insert') {
      await this.insertScorecard();
    }
  }

  /**
   * "Insert into report": the server places the scorecard (over the one already there, else at the end of
   * the results chapter, else at the cursor); one undo step, and the editor shows where it went.
   */
  async insertScorecard(): Promise<void> {
    if (!this.uri) return;
    const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: vscode.ViewColumn.One });
    const result = await this.holder.client.sendRequest(InsertScorecardRequest, { uri: this.uri.toString(), position: editor.selection.active });
    const edit = result?.edits[0];
    if (!edit) return;
    const range = toVscodeRange(edit.range);
    if (!(await editor.edit((builder) => builder.replace(range, edit.newText)))) return;
    const leadingLines = /^\n*/.exec(edit.newText)![0].length;
    const start = leadingLines ? new vscode.Position(range.start.line + leadingLines, 0) : range.start;
    editor.selection = new vscode.Selection(start, start);
    editor.revealRange(new vscode.Range(start, start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    GoalCheckPanel.current = undefined;
    for (const d of this.disposables) d.dispose();
    this.panel.dispose();
  }
}
