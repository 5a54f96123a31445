import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { pullDiagnostics, startServer } from './client.js';

/** A report whose front matter names the schema `id`; it has no risk register. */
const report = (id: string) =>
  [
    '---', `schema: ${id}`, '---', '# Project Closure Report', '',
    '## 1. Background and Objectives', '', 'Text.', '', '## 2. Implementation', '', 'Text.', '', '## 3. Results and Benefits', '', 'Text.', '',
    '## 4. Challenges and Issues', '', 'Text.', '', '## 5. Lessons Learned', '', 'Text.', '', '## 6. Conclusion', '', 'Text.', '',
  ].join('\n');

const teamSchema = ['id: team-retro', 'extends: generic', 'slots:', '  - id: risks', '    title: { zh-cn: 风险登记, en: Risk Register }', '    required: true', '    aliases: [risk register]', '    after: challenges', ''].join('\n');

describe('language server: the schemas of a .report-schemas folder below the workspace root', function () {
  it('apply to the reports under that folder, and only to them, as in the CLI; a problem in one is published on its file; the skeleton offers them there only', async () => {
    const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rw-nested-')));
    fs.mkdirSync(path.join(folder, 'team/.report-schemas'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'team/.report-schemas/team.yaml'), teamSchema);
    fs.writeFileSync(path.join(folder, 'team/.report-schemas/broken.yaml'), 'id: broken\nslots: [\n');
    const server = await startServer({ workspaceFolder: folder });
    try {
      const brokenUri = pathToFileURL(path.join(folder, 'team/.report-schemas/broken.yaml')).href;
      const published = new Promise<PublishDiagnosticsParams>((resolve) =>
        server.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
          if (params.uri === brokenUri && params.diagnostics.length) resolve(params);
        }),
      );
      const nested = pathToFileURL(path.join(folder, 'team/q3/closure-report.md')).href;
      await server.open(nested, report('team-retro'));
      const diagnostics = await pullDiagnostics(server, nested);
      assert.deepEqual(diagnostics.filter((d) => d.code === 'unknown-schema'), []);
      assert.ok(diagnostics.some((d) => d.code === 'missing-chapter' && /“Risk Register”/.test(d.message)), JSON.stringify(diagnostics));
      assert.match((await published).diagnostics[0]!.message, /not valid YAML/);

      const elsewhere = pathToFileURL(path.join(folder, 'other/closure-report.md')).href;
      await server.open(elsewhere, report('team-retro'));
      assert.equal((await pullDiagnostics(server, elsewhere)).filter((d) => d.code === 'unknown-schema').length, 1);

      // Insert Chapter Skeleton offers the schemas that apply to the document it writes into.
      const schemaIds = async (uri: string) => ((await server.connection.sendRequest('reportWriter/schemas', { uri })) as { id: string }[]).map((s) => s.id);
      assert.ok((await schemaIds(nested)).includes('team-retro'));
      assert.ok(!(await schemaIds(elsewhere)).includes('team-retro'));
      assert.ok((await schemaIds(elsewhere)).includes('generic'));
    } finally {
      await server.close();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
