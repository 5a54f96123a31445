import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, codeOf, diagnosticsOf, labelOf, workspaceFile } from './util.js';

suite('Chapter completion in VS Code', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('completes 第六章 经验教训 before 第六章 once 第七章 is deleted, and accepting it leaves the chapters numbered 第一章 to 第九章', async () => {
    const uri = workspaceFile('系统集成项目总结报告.md');
    const editor = await vscode.window.showTextDocument(uri);
    const document = editor.document;
    const lines = () => document.getText().split('\n');
    const seven = lines().findIndex((l) => l.startsWith('## 第七章'));
    const eight = lines().findIndex((l) => l.startsWith('## 第八章'));
    await editor.edit((b) => b.delete(new vscode.Range(seven, 0, eight, 0)));
    try {
      const six = lines().findIndex((l) => l.startsWith('## 第六章'));
      assert.ok(await editor.edit((b) => b.insert(new vscode.Position(six, 0), '## \n\n')));
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, new vscode.Position(six, 3));
      const labels = list.items.map(labelOf);
      const lessons = list.items.find((i) => labelOf(i) === '第六章 经验教训');
      assert.ok(lessons, labels.join(', '));
      assert.ok(!labels.some((l) => l.endsWith('存在问题与挑战')), `a chapter already in the report is offered: ${labels.join(', ')}`);
      const range = lessons.range instanceof vscode.Range ? lessons.range : lessons.range?.replacing;
      const text = lessons.insertText;
      assert.ok(range && typeof text === 'string', JSON.stringify(lessons));
      const additional = lessons.additionalTextEdits ?? [];
      assert.ok(additional.length > 0, 'the item renumbers the chapters after it');
      assert.ok(await editor.edit((b) => {
        b.replace(range, text);
        for (const edit of additional) b.replace(edit.range, edit.newText);
      }));
      const chapters = lines().filter((l) => l.startsWith('## '));
      assert.deepEqual(chapters.map((h) => h.split(' ')[1]), ['第一章', '第二章', '第三章', '第四章', '第五章', '第六章', '第七章', '第八章', '第九章']);
      assert.deepEqual(chapters.slice(5, 7), ['## 第六章 经验教训', '## 第七章 存在问题与挑战']);
      assert.ok(lines().includes('### 7.1 技术难题'), 'the old 第六章 takes its sections along');
    } finally {
      await vscode.commands.executeCommand('workbench.action.files.revert');
      // The next suite expects the report's own problems, not the ones of the edited text.
      await diagnosticsOf(uri, (d) => !d.some((x) => codeOf(x) === 'missing-chapter'));
    }
  });
});
