/**
 * One rule finds a report's workspace schemas, for the CLI and the language server alike: the nearest
 * `.report-schemas` above the report (no higher than its workspace folder), then `--schemas` /
 * `reportWriter.schemaPaths`. Checked on temporary folders through the shared module, the server's
 * registries and the built CLI.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSchemaFolder, schemaSourcesFor } from '../../server/src/schemaFiles.js';
import { createWorkspaceSchemas } from '../../server/src/workspaceSchemas.js';
import { runCli } from './util.js';

const schema = (id: string) => `id: ${id}\nextends: generic\nname: ${id}\n`;
const report = (id: string) => `---\nschema: ${id}\n---\n# Project Closure Report\n\n## 1. Background and Objectives\n\nText.\n`;

describe('schema discovery: one rule for the CLI and the language server', () => {
  /** ws/.report-schemas/root.yaml, ws/team/.report-schemas/team.yaml, reports in ws/team/sub and ws/other, shared/extra.yaml. */
  let top: string;
  let ws: string;
  const at = (...parts: string[]) => path.join(ws, ...parts);
  const write = (file: string, content: string) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  };

  before(() => {
    top = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-discovery-')));
    ws = path.join(top, 'ws');
    write(at('.report-schemas/root.yaml'), schema('root-schema'));
    write(at('team/.report-schemas/team.yaml'), schema('team-schema'));
    write(at('team/sub/report.md'), report('team-schema'));
    write(at('other/report.md'), report('team-schema'));
    write(path.join(top, 'shared/extra.yaml'), schema('extra-schema'));
  });

  after(() => {
    fs.rmSync(top, { recursive: true, force: true });
  });

  it('finds the nearest .report-schemas at or above the report\'s folder', () => {
    assert.equal(findSchemaFolder(at('team/sub/report.md')), at('team/.report-schemas'));
    assert.equal(findSchemaFolder(at('other/report.md')), at('.report-schemas'));
    assert.equal(findSchemaFolder(at('report.md')), at('.report-schemas'));
  });

  it('looks no higher than the workspace folder holding the report, and to the filesystem root for one outside it', () => {
    assert.equal(findSchemaFolder(at('team/sub/report.md'), at('team/sub')), undefined);
    assert.equal(findSchemaFolder(at('team/sub/report.md'), at('team')), at('team/.report-schemas'));
    assert.equal(findSchemaFolder(at('other/report.md'), at('team')), at('.report-schemas'));
  });

  it('lists the folder\'s files first, kept inside the folder that holds it, then the extra locations, each file once', () => {
    const extra = path.join(top, 'shared');
    const { sources, unreadable } = schemaSourcesFor(at('team/sub/report.md'), { extra: [extra, path.join(extra, 'extra.yaml'), path.join(top, 'missing')] });
    assert.deepEqual(sources, [
      { file: at('team/.report-schemas/team.yaml'), root: at('team') },
      { file: path.join(extra, 'extra.yaml'), root: extra },
    ]);
    assert.deepEqual(unreadable.map((u) => [u.path, (u.error as NodeJS.ErrnoException).code]), [[path.join(top, 'missing'), 'ENOENT']]);
  });

  it('gives the language server\'s documents the schemas of their nearest .report-schemas, and schemaPaths relative to their workspace folder', () => {
    const schemas = createWorkspaceSchemas([{ uri: pathToFileURL(ws).href, name: 'ws' }], 'en');
    const ids = (uri: string, schemaPaths: readonly string[] = []) => schemas.registryFor(uri, schemaPaths).ids().filter((id) => id.endsWith('-schema'));
    assert.deepEqual(ids(pathToFileURL(at('team/sub/report.md')).href), ['team-schema']);
    assert.deepEqual(ids(pathToFileURL(at('other/report.md')).href), ['root-schema']);
    assert.deepEqual(ids(pathToFileURL(at('other/report.md')).href, ['../shared']), ['root-schema', 'extra-schema']);
    // A document that is no file stands at the root of the workspace folder.
    assert.deepEqual(ids('untitled:Untitled-1'), ['root-schema']);
    assert.deepEqual(schemas.files().map((f) => path.relative(top, f.file)).sort(), ['shared/extra.yaml', 'ws/.report-schemas/root.yaml', 'ws/team/.report-schemas/team.yaml']);
  });

  it('gives the CLI the same schemas for the same reports', async () => {
    const { status, stdout } = await runCli(['check', '--format', 'json', at('team/sub/report.md'), at('other/report.md')]);
    assert.equal(status, 1);
    const files = (JSON.parse(stdout) as { files: { path: string; schema: string; diagnostics: { code: string }[] }[] }).files;
    assert.equal(files[0]!.schema, 'team-schema');
    assert.deepEqual(files[0]!.diagnostics.filter((d) => d.code === 'unknown-schema'), []);
    assert.deepEqual(files[1]!.diagnostics.filter((d) => d.code === 'unknown-schema').length, 1);
  });

  it('lets the CLI\'s .report-schemas win over --schemas for the same id, as the editor\'s wins over schemaPaths', async () => {
    write(path.join(top, 'again/team.yaml'), schema('team-schema'));
    const { status, stdout } = await runCli(['check', '--format', 'json', '--schemas', path.join(top, 'again'), at('team/sub/report.md')]);
    assert.equal(status, 1);
    const output = JSON.parse(stdout) as { files: { schema: string }[]; schemaProblems: { path: string; message: string }[] };
    assert.equal(output.files[0]!.schema, 'team-schema');
    assert.deepEqual(output.schemaProblems.map((p) => path.basename(p.path)), ['team.yaml']);
    assert.match(output.schemaProblems[0]!.message, /team-schema/);
    assert.ok(path.resolve(output.schemaProblems[0]!.path).startsWith(path.join(top, 'again')), output.schemaProblems[0]!.path);
  });
});
