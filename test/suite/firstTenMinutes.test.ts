/**
 * What a writer meets first in VS Code: stepping through placeholders and problems, a skeleton in the
 * document's language, the scorecard inserted into the report, the outline and the checklist.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ReportWriterApi } from '../../client/src/extension.js';
import { activateExtension, codeOf, diagnosticsOf, workspaceFile } from './util.js';

const report = '智慧园区项目总结报告.md';

/** The editor of `name`, with the cursor at the top and the report's diagnostics in. */
async function openReport(name: string): Promise<vscode.TextEditor> {
  const uri = workspaceFile(name);
  const editor = await vscode.window.showTextDocument(uri);
  await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'placeholder'));
  editor.selection = new vscode.Selection(0, 0, 0, 0);
  return editor;
}

suite('The first ten minutes in VS Code', () => {
  let api: ReportWriterApi;

  suiteSetup(async () => {
    api = await activateExtension();
  });

  test('Go to Next Placeholder selects each placeholder in turn, then wraps around', async () => {
    const editor = await openReport(report);
    const text = () => editor.document.getText(editor.selection);
    await vscode.commands.executeCommand('reportWriter.nextPlaceholder');
    assert.deepEqual([editor.selection.start.line, text()], [31, 'XX%']);
    await vscode.commands.executeCommand('reportWriter.nextPlaceholder');
    assert.deepEqual([editor.selection.start.line, text()], [31, '待补充']);
    await vscode.commands.executeCommand('reportWriter.nextPlaceholder');
    assert.equal(text(), 'XX%', 'after the last placeholder comes the first');
  });

  test('Go to Next Problem (the status bar) visits placeholders first, then the other problems', async () => {
    const editor = await openReport('bike-share-closure-report.md');
    const uri = editor.document.uri;
    const problems = (await diagnosticsOf(uri, (d) => d.length > 0)).filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint);
    const placeholders = problems.filter((d) => codeOf(d) === 'placeholder');
    assert.ok(placeholders.length > 0 && problems.length > placeholders.length, problems.map(codeOf).join());
    await vscode.commands.executeCommand('reportWriter.nextProblem');
    assert.ok(editor.selection.isEqual(new vscode.Selection(placeholders[0]!.range.start, placeholders[0]!.range.end)));

    // Once the placeholders are written, the next problem of another kind is selected.
    const edit = new vscode.WorkspaceEdit();
    for (const p of [...placeholders].reverse()) edit.replace(uri, p.range, '12');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const left = await diagnosticsOf(uri, (d) => !d.some((x) => codeOf(x) === 'placeholder'));
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      await vscode.commands.executeCommand('reportWriter.nextProblem');
      const first = left.filter((d) => d.severity !== vscode.DiagnosticSeverity.Hint).sort((a, b) => a.range.start.compareTo(b.range.start))[0]!;
      assert.ok(editor.selection.isEqual(new vscode.Selection(first.range.start, first.range.end)), `${codeOf(first)} at ${first.range.start.line}`);
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('lists vague quantities in the Problems panel (information, not hint)', async () => {
    const uri = workspaceFile('系统集成项目总结报告.md');
    await vscode.window.showTextDocument(uri);
    const vague = (await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'vague-quantity'))).filter((d) => codeOf(d) === 'vague-quantity');
    assert.ok(vague.length > 0);
    for (const d of vague) assert.equal(d.severity, vscode.DiagnosticSeverity.Information);
  });

  test('writes a skeleton in the language of the file’s name, not of the editor', async () => {
    for (const [name, title] of [['季度复盘.md', '# XX项目总结报告'], ['closure-report.md', '# XX Project Closure Report']] as const) {
      const uri = workspaceFile(name);
      await vscode.workspace.fs.writeFile(uri, new Uint8Array());
      try {
        const editor = await vscode.window.showTextDocument(uri);
        await vscode.commands.executeCommand('reportWriter.insertChapterSkeleton', { schema: 'generic' });
        assert.ok(editor.document.getText().includes(`\n${title}\n`), editor.document.getText().slice(0, 120));
        // A fresh skeleton is a to-do list: the title's placeholder and one note for the empty sections.
        const problems = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'empty-section'));
        assert.deepEqual(problems.map(codeOf).sort(), ['empty-section', 'placeholder']);
        assert.equal(editor.document.getText(problems.find((d) => codeOf(d) === 'placeholder')!.range), 'XX');
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
        await vscode.workspace.fs.delete(uri);
      }
    }
  });

  test('Insert into report puts a clean scorecard at the end of the results chapter, and nothing reads it as new evidence', async () => {
    const editor = await openReport(report);
    const uri = editor.document.uri;
    const before = (await diagnosticsOf(uri, (d) => d.length > 0)).map(codeOf).sort();
    await vscode.commands.executeCommand('reportWriter.showGoalCheck');
    const panel = api.goalCheck();
    assert.ok(panel);
    try {
      await panel.update();
      const totals = panel.scorecard?.totals;
      assert.deepEqual(totals, { met: 2, missed: 1, unverifiable: 1, noOutcome: 0 });
      await panel.insertScorecard();
      const lines = editor.document.getText().split('\n');
      const header = lines.indexOf('| 指标 | 目标值 | 实际值 | 达成率 | 结论 |');
      assert.ok(header > lines.indexOf('## 三、项目成果与效益') && header < lines.indexOf('## 四、存在问题与挑战'), `scorecard at line ${header}`);
      assert.equal(lines[header + 2], '| 平台可用性 | 99.9%以上 | 99.95% | 100.1% | 达成 |');
      assert.equal(lines[header + 4], '| 年度能耗 | 降低10% | — | — | 无法判断（占位符） |');
      assert.ok(!lines.some((l) => /第 \d+ 行/.test(l)));
      // The report's problems and verdicts are what they were: no new placeholder, no KPI-table warning.
      // (The note on the empty 5.1 has moved down by the table once the new version's diagnostics are in.)
      const after = await diagnosticsOf(uri, (d) => d.some((x) => codeOf(x) === 'empty-section' && x.range.start.line > header));
      assert.deepEqual(after.map(codeOf).sort(), before);
      await panel.update();
      assert.deepEqual(panel.scorecard?.totals, totals);
      assert.ok(panel.scorecard?.goals.every((g) => !g.outcome || g.outcome.range.start.line < header), 'an outcome was taken from the scorecard');
    } finally {
      panel.dispose();
      await vscode.window.showTextDocument(uri);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  });

  test('outlines tables by their kind and goals with their verdict', async () => {
    const uri = workspaceFile(report);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
    const all = symbols.flatMap(function flat(s: vscode.DocumentSymbol): vscode.DocumentSymbol[] {
      return [s, ...s.children.flatMap(flat)];
    });
    const named = (name: string) => all.find((s) => s.name === name && s.kind !== vscode.SymbolKind.String);
    assert.equal(named('Milestone table')?.kind ?? named('里程碑表')?.kind, vscode.SymbolKind.Array);
    const kpi = named('KPI table') ?? named('KPI 表');
    assert.ok(kpi, all.map((s) => s.name).join(', '));
    assert.equal(kpi.detail, '指标 | 目标值 | 实际值 | 状态');
    const goal = named('工单响应时间');
    assert.ok(goal && /missed|未达成/.test(goal.detail), goal?.detail);
  });

  test('lists the sections still to write under their chapter in the Report Checklist', async () => {
    await vscode.window.showTextDocument(workspaceFile(report));
    await api.checklist.refresh();
    const rows = api.checklist.getChildren();
    const lessons = rows.find((r) => 'item' in r && r.item.slot === 'lessons')!;
    const item = api.checklist.getTreeItem(lessons);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.ok(typeof item.label === 'string' && !/[✓✗]/.test(item.label), String(item.label));
    assert.deepEqual(api.checklist.getChildren(lessons).map((c) => api.checklist.getTreeItem(c).label), ['5.1 经验', '5.2 教训']);
  });
});
