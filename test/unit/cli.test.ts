/**
 * The command line (`dist/cli.js`, spawned with a controlled environment): the language of its messages,
 * its usage text, and its errors.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './util.js';

describe('cli: errors', () => {
  let workspace: string;

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-cli-'));
    fs.mkdirSync(path.join(workspace, '.report-schemas/folder.yaml'), { recursive: true });
    fs.copyFileSync(path.join(process.cwd(), 'examples/clean-项目总结报告.md'), path.join(workspace, 'report.md'));
  });

  after(() => {
    fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('says in words that a file is not there, in English and in Chinese, with exit status 2', () => {
    const en = runCli(['check', 'no-such-report.md'], { LANG: 'en_US.UTF-8' });
    assert.equal(en.status, 2);
    assert.match(en.stderr, /^report-writer: Cannot read no-such-report\.md: no such file or folder\.$/m);
    const zh = runCli(['check', 'no-such-report.md'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(zh.status, 2);
    assert.match(zh.stderr, /^report-writer: 无法读取 no-such-report\.md：文件或文件夹不存在。$/m);
  });

  it('says that a part of the path is a file, and that a schema file is a folder', () => {
    const notFolder = runCli(['check', 'examples/README.md/report.md']);
    assert.match(notFolder.stderr, /Cannot read examples\/README\.md\/report\.md: a part of the path is a file, not a folder\./);
    const schemaFolder = runCli(['check', path.join(workspace, 'report.md')]);
    assert.equal(schemaFolder.status, 2);
    assert.ok(schemaFolder.stderr.includes(`Cannot read ${path.join(workspace, '.report-schemas/folder.yaml')}: it is a folder, not a file.`), schemaFolder.stderr);
  });

  it('names the cause of a --schemas path that cannot be read', () => {
    const { status, stderr } = runCli(['check', '--schemas', 'no-such-schemas', 'examples/clean-项目总结报告.md']);
    assert.equal(status, 2);
    assert.match(stderr, /^report-writer: Cannot read no-such-schemas: no such file or folder\.$/m);
  });
});

describe('cli: usage', () => {
  for (const args of [['--locale', 'zh-cn', '--help'], ['--help', '--locale', 'zh-cn'], ['check', '--help', '--locale=zh-cn']]) {
    it(`prints the Chinese usage for ${args.join(' ')}`, () => {
      const { status, stdout } = runCli(args, { LANG: 'en_US.UTF-8' });
      assert.equal(status, 0);
      assert.match(stdout, /^用法：report-writer check \[选项\]/);
    });
  }

  it('writes a usage error and the usage in the language of a --locale given after the error', () => {
    const { status, stderr } = runCli(['check', '--bogus', '--locale', 'zh-cn', 'report.md'], { LANG: 'en_US.UTF-8' });
    assert.equal(status, 2);
    assert.match(stderr, /^report-writer: 未知选项“--bogus”。\n\n用法：/);
  });

  it('takes options before the command, and says when the command is missing', () => {
    assert.equal(runCli(['--locale', 'en', 'check', 'examples/clean-项目总结报告.md']).status, 0);
    const { status, stderr } = runCli(['--format', 'json', 'examples/clean-项目总结报告.md']);
    assert.equal(status, 2);
    assert.match(stderr, /^report-writer: Unknown command “examples\/clean-项目总结报告\.md”/);
    assert.match(runCli(['--format', 'json']).stderr, /^report-writer: No command given\./);
  });
});
