import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExportDocxResult } from '../../server/src/protocol.js';
import { activateExtension, workspaceFile } from './util.js';

suite('Report: Export to Word', () => {
  suiteSetup(async () => {
    await activateExtension();
  });

  test('stops at the placeholders of a report and writes nothing', async () => {
    const uri = workspaceFile('系统集成项目总结报告.md');
    await vscode.window.showTextDocument(uri);
    const result = await vscode.commands.executeCommand<ExportDocxResult>('reportWriter.exportDocx', { withScorecard: false });
    assert.equal(result.kind, 'blocked');
    assert.ok(result.kind === 'blocked' && result.placeholders.some((p) => p.text === 'XX月' && p.range.start.line === 30), JSON.stringify(result));
    assert.ok(!fs.existsSync(workspaceFile('系统集成项目总结报告.docx').fsPath));
  });

  test('writes the .docx beside the report when the writer exports anyway', async () => {
    const docx = workspaceFile('系统集成项目总结报告.docx').fsPath;
    try {
      const result = await vscode.commands.executeCommand<ExportDocxResult>('reportWriter.exportDocx', {
        uri: workspaceFile('系统集成项目总结报告.md'),
        withScorecard: true,
        allowPlaceholders: true,
      });
      assert.deepEqual(result, { kind: 'written', path: docx, missingChapters: [] });
      assert.equal(fs.readFileSync(docx).subarray(0, 2).toString(), 'PK');
    } finally {
      fs.rmSync(docx, { force: true });
    }
  });
});
