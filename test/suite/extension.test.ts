import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReportWriterApi } from '../../client/src/extension.js';
import { activateExtension, codeOf, diagnosticsOf, labelOf, workspaceFile } from './util.js';

suite('Report Writer in VS Code', () => {
  let api: ReportWriterApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('activates quickly and starts its language server', () => {
    console.log(`activation took ${api.activationMs.toFixed(1)} ms (host: ${process.release.name} ${process.version}, uiKind ${vscode.env.uiKind})`);
    assert.ok(api.client()?.isRunning());
  });

  test('shows the XX月 placeholders of the system integration report in the Problems panel', async () => {
    const uri = workspaceFile('系统集成项目总结报告.md');
    await vscode.window.showTextDocument(uri);
    const diagnostics = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'placeholder'));
    const line31 = diagnostics.filter((d) => codeOf(d) === 'placeholder' && d.range.start.line === 30);
    assert.equal(line31.length, 2);
    assert.equal(line31[0]!.severity, vscode.DiagnosticSeverity.Warning);
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'missing-chapter').length, 0);
  });

  test('outlines the nine chapters with their sections', async () => {
    const uri = workspaceFile('系统集成项目总结报告.md');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const chapters = symbols.filter((s) => s.kind === vscode.SymbolKind.Module);
    assert.equal(chapters.length, 9);
    assert.equal(chapters[6]!.name, '第七章 经验教训');
    assert.deepEqual(chapters[1]!.children.filter((c) => c.kind === vscode.SymbolKind.Namespace).map((c) => c.name), ['2.1 项目范围与边界', '2.2 主要阶段与关键里程碑']);
  });

  test('reports a missing chapter after 第七章 is deleted and puts it back with the quick fix', async () => {
    const uri = workspaceFile('系统集成项目总结报告.md');
    const editor = await vscode.window.showTextDocument(uri);
    const document = editor.document;
    const start = document.getText().split('\n').findIndex((l) => l.startsWith('## 第七章'));
    const end = document.getText().split('\n').findIndex((l) => l.startsWith('## 第八章'));
    await editor.edit((b) => b.delete(new vscode.Range(start, 0, end, 0)));
    try {
      const diagnostics = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'missing-chapter'));
      const missing = diagnostics.find((d) => codeOf(d) === 'missing-chapter')!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find((a) => a.kind?.value === 'quickfix' && a.title.includes('经验教训'));
      assert.ok(fix?.edit, JSON.stringify(actions.map((a) => [a.title, a.kind?.value, Boolean(a.edit)])));
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const lines = document.getText().split('\n');
      const six = lines.indexOf('## 第六章 存在问题与挑战');
      const seven = lines.indexOf('## 第七章 经验教训');
      const eight = lines.indexOf('## 第八章 未来展望与建议');
      assert.ok(six < seven && seven < eight, `${six} ${seven} ${eight}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('completes the chapter heading and a KPI table prefilled with the goals', async () => {
    const uri = workspaceFile('市场拓展项目总结报告.md');
    const editor = await vscode.window.showTextDocument(uri);
    const lines = editor.document.getText().split('\n');
    const line = lines.indexOf('### 4.1 市场份额与销售业绩') + 1;
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(line, 0));
    const kpi = list.items.find((i) => labelOf(i) === 'KPI 指标表');
    assert.ok(kpi, list.items.map(labelOf).join(', '));
    const text = kpi.insertText instanceof vscode.SnippetString ? kpi.insertText.value : String(kpi.insertText);
    for (const goal of ['市场渗透', '品牌认知', '销售增长', '渠道建立']) assert.ok(text.includes(goal), text);
  });

  test('feeds the Report Checklist view with every slot of the schema', async () => {
    await vscode.window.showTextDocument(workspaceFile('市场拓展项目总结报告.md'));
    await api.checklist.refresh();
    const checklist = api.checklist.checklist;
    assert.ok(checklist);
    assert.equal(checklist.schema.id, 'market-expansion');
    assert.deepEqual(checklist.items.filter((i) => !i.present).map((i) => i.slot), ['management', 'resources']);
    assert.equal(api.checklist.getChildren().length, 11);
  });

  test('Insert Chapter Skeleton writes a whole report into an empty document in one undo step', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('reportWriter.insertChapterSkeleton', { schema: 'generic' });
    const text = document.getText();
    assert.match(text, /^---\nschema: generic\n/);
    assert.equal(text.split('\n').filter((l) => /^## /.test(l)).length, 11, 'one chapter per slot of the generic schema');
    const diagnostics = await diagnosticsOf(document.uri, (d) => d.length > 0);
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'missing-chapter').length, 0);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), '');
  });

  test('explains a chapter heading and a goal on hover: the slot and its evidence, the outcome that decided', async () => {
    const uri = workspaceFile('bike-share-closure-report.md');
    const document = await vscode.workspace.openTextDocument(uri);
    const hoverAt = async (line: number, character: number) => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    assert.match(await hoverAt(2, 6), /`goals`[\s\S]*Recognised by: the heading says “objectives”/);
    const fleet = document.getText().split('\n').findIndex((l) => l.startsWith('3. Fleet availability'));
    const goal = await hoverAt(fleet, 5);
    assert.match(goal, /\*\*Goal\*\* “Fleet availability”: 95% or higher — \*\*missed 98%\*\*/);
    assert.match(goal, /Decided by line 31: “93\.1%”/);
  });

  test('opens the goal check beside the report with one row per goal', async () => {
    await vscode.window.showTextDocument(workspaceFile('bike-share-closure-report.md'));
    await vscode.commands.executeCommand('reportWriter.showGoalCheck');
    const panel = api.goalCheck();
    assert.ok(panel);
    await panel.update();
    const scorecard = panel.scorecard;
    assert.ok(scorecard?.isReport);
    assert.deepEqual(scorecard.totals, { met: 3, missed: 3, unverifiable: 2, noOutcome: 1 });
    assert.equal((panel.html.match(/<tr tabindex="0"/g) ?? []).length, 9);
    assert.match(panel.html, /Content-Security-Policy" content="default-src 'none';/);
  });

  test('shows hostile report text in the goal check as text, never as markup', async () => {
    await vscode.window.showTextDocument(workspaceFile('xss-总结报告.md'));
    const panel = api.goalCheck();
    assert.ok(panel);
    await panel.update();
    assert.equal(panel.scorecard?.goals.length, 2);
    const html = panel.html;
    assert.ok(!/<img|<svg|<a\s|onerror=|onload=|href=/i.test(html.replace(/&lt;[^]*?&gt;/g, '')), 'executable markup in the preview');
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    panel.dispose();
  });

  test('leaves the workspace README alone', async () => {
    const uri = workspaceFile('README.md');
    await vscode.window.showTextDocument(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    assert.equal((symbols ?? []).filter((s) => s.kind === vscode.SymbolKind.Module).length, 0);
    assert.equal(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'report-writer').length, 0);
  });
});
