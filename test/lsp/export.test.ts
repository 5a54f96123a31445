/**
 * `reportWriter/exportDocx` over stdio: placeholders stop the export and are located for the editor;
 * the writer's confirmation overrides the stop; the .docx goes beside the report or where asked.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExportDocxRequest, type ExportDocxParams, type ExportDocxResult } from '../../server/src/protocol.js';
import { startServer, type TestServer } from './client.js';

describe('language server: export to Word', function () {
  let server: TestServer;
  let folder: string;
  let report: string;
  let uri: string;
  const text = fs.readFileSync(path.join(process.cwd(), 'examples/市场拓展项目总结报告.md'), 'utf8');
  const send = (params: Partial<ExportDocxParams> = {}) => server.connection.sendRequest(ExportDocxRequest, { uri, ...params }) as Promise<ExportDocxResult>;

  before(async () => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-export-lsp-'));
    report = path.join(folder, '市场拓展.md');
    fs.writeFileSync(report, text);
    uri = pathToFileURL(report).href;
    server = await startServer({ locale: 'zh-cn' });
    await server.open(uri, text);
  });

  after(async () => {
    await server.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('stops at the placeholders left, with their ranges, and names the missing required chapters', async () => {
    const result = await send();
    assert.equal(result.kind, 'blocked');
    if (result.kind !== 'blocked') return;
    assert.deepEqual(result.placeholders.map((p) => [p.range.start.line, p.range.start.character, p.text]), [[65, 23, 'XX%'], [65, 29, '【待补充】'], [112, 45, 'XX万元']]);
    assert.deepEqual(result.missingChapters, ['经验教训']);
    assert.ok(!fs.existsSync(path.join(folder, '市场拓展.docx')));
  });

  it('writes beside the report when the writer confirms, still naming the missing chapters', async () => {
    const result = await send({ allowPlaceholders: true });
    assert.deepEqual(result, { kind: 'written', path: path.join(folder, '市场拓展.docx'), missingChapters: ['经验教训'] });
    assert.equal(fs.readFileSync(path.join(folder, '市场拓展.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('writes where it is told, and says in the editor\'s language why a template cannot be read', async () => {
    const out = path.join(folder, '交付.docx');
    assert.equal((await send({ allowPlaceholders: true, withScorecard: true, out })).kind, 'written');
    assert.ok(fs.existsSync(out));
    const failed = await send({ allowPlaceholders: true, template: path.join(folder, '无此模板.docx') });
    assert.deepEqual(failed, { kind: 'failed', message: `无法读取 ${path.join(folder, '无此模板.docx')}：文件或文件夹不存在。` });
  });

  it('asks for a path for a report that is no file', async () => {
    await server.open('untitled:Untitled-1', '# 项目总结报告\n\n## 项目背景\n\n内容。\n');
    assert.deepEqual(await server.connection.sendRequest(ExportDocxRequest, { uri: 'untitled:Untitled-1' }), { kind: 'failed', message: '报告尚未保存为文件：请选择 .docx 的保存位置。' });
  });
});
