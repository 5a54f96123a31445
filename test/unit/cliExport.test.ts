/**
 * `report-writer export`: where the .docx goes, the exit status, placeholders stopping the export and
 * `--allow-placeholders` overriding it, a template that cannot be used.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './util.js';

describe('cli: export', () => {
  let workspace: string;
  const file = (name: string) => path.join(workspace, name);

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-export-'));
    fs.copyFileSync('examples/clean-项目总结报告.md', file('clean.md'));
    fs.copyFileSync('examples/系统集成项目总结报告.md', file('系统集成.md'));
    fs.writeFileSync(file('not-a-template.docx'), 'plain text');
  });

  after(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('writes the .docx beside the report with exit status 0', async () => {
    const { status, stdout } = await runCli(['export', file('clean.md')], { LANG: 'en_US.UTF-8' });
    assert.equal(status, 0);
    assert.equal(stdout, `Exported ${file('clean.docx')}\n`);
    assert.equal(fs.readFileSync(file('clean.docx')).subarray(0, 2).toString(), 'PK');
  });

  it('stops at placeholders with exit status 1, listing each with its line and column, and writes nothing', async () => {
    const { status, stderr } = await runCli(['export', '--locale', 'zh-cn', file('系统集成.md')]);
    assert.equal(status, 1);
    assert.match(stderr, new RegExp(`^report-writer: ${file('系统集成.md').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:42:39 占位符“【待补充】”$`, 'm'));
    assert.match(stderr, /^report-writer: 报告中仍有 6 个占位符，未导出。请补全，或加上 --allow-placeholders 仍然导出。$/m);
    assert.ok(!fs.existsSync(file('系统集成.docx')));
  });

  it('exports anyway with --allow-placeholders, to --out, with the scorecard', async () => {
    const out = file('交付/报告.docx');
    fs.mkdirSync(path.dirname(out));
    const { status, stderr } = await runCli(['export', '--allow-placeholders', '--with-scorecard', `--out=${out}`, file('系统集成.md')]);
    assert.equal(status, 0, stderr);
    assert.ok(fs.statSync(out).size > 5000);
  });

  it('exits with 2 for a template that cannot be read or is no .docx, an unknown option, or two reports', async () => {
    const missing = await runCli(['export', '--template', file('无此模板.docx'), file('clean.md')]);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /Cannot read .*无此模板\.docx: no such file or folder\./);
    const broken = await runCli(['export', '--template', file('not-a-template.docx'), file('clean.md')]);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /Cannot export .*clean\.docx: The template is not a Word document \(\.docx\): /);
    assert.equal((await runCli(['export', '--bogus', file('clean.md')])).status, 2);
    const two = await runCli(['export', file('clean.md'), file('系统集成.md')]);
    assert.equal(two.status, 2);
    assert.match(two.stderr, /^report-writer: Give exactly one report to export \(2 given\)\.\n\nUsage: report-writer export/);
  });

  it('prints its usage for export --help, and check --help points to it', async () => {
    const help = await runCli(['--locale', 'zh-cn', 'export', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^用法：report-writer export \[选项\] <报告\.md>/);
    assert.match(help.stdout, /--allow-placeholders/);
    assert.match((await runCli(['--help'])).stdout, /report-writer export \[options\] <report\.md>/);
  });
});
