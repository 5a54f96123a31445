/**
 * The command line (run in-process through `run`, as the binary runs it, with a controlled environment): the
 * language of its messages, its usage text, and its errors. The built binary itself is spawned where only a
 * process shows it (here: a failure of the tool, exit status 3; cliExitCodes.test.ts: the exit statuses).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, spawnCli } from './util.js';

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

  it('says in words that a file is not there, or that a part of its path is a file, with exit status 2', async () => {
    const en = await runCli(['check', 'no-such-report.md', 'examples/README.md/report.md'], { LANG: 'en_US.UTF-8' });
    assert.equal(en.status, 2);
    assert.match(en.stderr, /^report-writer: Cannot read no-such-report\.md: no such file or folder\.$/m);
    assert.match(en.stderr, /^report-writer: Cannot read examples\/README\.md\/report\.md: a part of the path is a file, not a folder\.$/m);
    const zh = await runCli(['check', 'no-such-report.md'], { LANG: 'zh_CN.UTF-8' });
    assert.equal(zh.status, 2);
    assert.match(zh.stderr, /^report-writer: 无法读取 no-such-report\.md：文件或文件夹不存在。$/m);
  });

  it('says that a schema file is a folder, with exit status 2', async () => {
    const { status, stderr } = await runCli(['check', path.join(workspace, 'report.md')]);
    assert.equal(status, 2);
    assert.ok(stderr.includes(`Cannot read ${path.join(workspace, '.report-schemas/folder.yaml')}: it is a folder, not a file.`), stderr);
  });

  it('refuses at once schema files that are devices, too large, or links out of the folder holding .report-schemas, with exit status 2', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-cli-'));
    try {
      fs.mkdirSync(path.join(folder, 'reports/.report-schemas'), { recursive: true });
      fs.copyFileSync(path.join(process.cwd(), 'examples/clean-项目总结报告.md'), path.join(folder, 'reports/report.md'));
      fs.writeFileSync(path.join(folder, 'secret.yaml'), 'id: secret\nsecretKeyName: 1\n');
      fs.writeFileSync(path.join(folder, 'reports/.report-schemas/big.yaml'), `id: big\n#${'x'.repeat(1024 * 1024)}\n`);
      fs.symlinkSync('/dev/zero', path.join(folder, 'reports/.report-schemas/zero.yaml'));
      fs.symlinkSync(path.join(folder, 'secret.yaml'), path.join(folder, 'reports/.report-schemas/secret.yaml'));
      const { status, stdout, stderr } = await runCli(['check', path.join(folder, 'reports/report.md')]);
      assert.equal(status, 2);
      const at = (name: string) => `Cannot read ${path.join(folder, 'reports/.report-schemas', name)}`;
      assert.ok(stderr.includes(`${at('zero.yaml')}: it is not a regular file (a device, a pipe or a socket).`), stderr);
      assert.ok(stderr.includes(`${at('big.yaml')}: it is over the 1 MB limit of a schema file.`), stderr);
      assert.ok(stderr.includes(`${at('secret.yaml')}: it is a link to a file outside its folder or workspace.`), stderr);
      assert.doesNotMatch(stdout + stderr, /secretKeyName/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('escapes control characters of the report and of file names in text output: nothing raw reaches the terminal, no line is forged', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-cli-'));
    try {
      const report = '# 项目总结报告\n\n## 一、项目背景与目标\n\n目标 \u001b[31m【待补充\u001b]0;pwned\u0007】\u202e。\n';
      const forged = 'a\nb.md:1:1 error forged x.md';
      fs.writeFileSync(path.join(folder, forged), report);
      const { stdout, stderr } = await runCli(['check', '--locale', 'en', folder]);
      assert.doesNotMatch(stdout + stderr, /[\u001b\u0007\u202e]/);
      assert.ok(stdout.includes('Placeholder “【待补充\\x1b]”'), stdout);
      assert.ok(stdout.split('\n').filter(Boolean).every((line) => line.startsWith(`${path.join(folder, 'a\\nb.md:1:1 error forged x.md')}:`)), stdout);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('skips only a subfolder that cannot be listed, names it, and checks the rest of its parent, with exit status 2', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-cli-'));
    try {
      fs.mkdirSync(path.join(folder, 'reports'));
      fs.copyFileSync(path.join(process.cwd(), 'examples/clean-项目总结报告.md'), path.join(folder, 'reports/report.md'));
      // A folder whose path is too long to list (ENAMETOOLONG) cannot be listed even by root, as an unreadable one can.
      const name = 'd'.repeat(250);
      spawnSync('sh', ['-c', `cd "$1" && for i in $(seq 17); do mkdir ${name} && cd ${name}; done`, 'sh', path.join(folder, 'reports')]);
      const { status, stderr } = await runCli(['check', path.join(folder, 'reports')]);
      assert.equal(status, 2);
      assert.match(stderr, new RegExp(`^report-writer: Cannot read ${path.join(folder, 'reports', name)}(/${name})+: `, 'm'));
      assert.match(stderr, /^1 file, 1 report:/m);
    } finally {
      spawnSync('rm', ['-rf', folder]);
    }
  });

  it('says where the tool itself failed, checks the other files, and exits with status 3, not 1', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-cli-'));
    try {
      fs.copyFileSync(path.join(process.cwd(), 'examples/clean-项目总结报告.md'), path.join(folder, 'internal-failure.md'));
      fs.writeFileSync(path.join(folder, 'other.md'), '# 项目总结报告\n\n## 一、项目背景与目标\n\n目标 XX%。\n');
      const preload = path.join(process.cwd(), 'test/fixtures/failing-analysis.cjs');
      // A real process: the preload breaks Map.prototype.get, which this process must keep.
      const { status, stdout, stderr } = spawnCli(['check', folder], { LANG: 'en_US.UTF-8', NODE_OPTIONS: `--require ${preload}` });
      assert.equal(status, 3);
      assert.match(stderr, new RegExp(`^report-writer: Internal error of report-writer while checking ${path.join(folder, 'internal-failure.md')} \\(please report it\\): Error: simulated failure \\| +at `, 'm'));
      assert.match(stdout, /other\.md:5:4 warning placeholder/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('names the cause of a --schemas path that cannot be read', async () => {
    const { status, stderr } = await runCli(['check', '--schemas', 'no-such-schemas', 'examples/clean-项目总结报告.md']);
    assert.equal(status, 2);
    assert.match(stderr, /^report-writer: Cannot read no-such-schemas: no such file or folder\.$/m);
  });
});

describe('cli: usage', () => {
  for (const args of [['--locale', 'zh-cn', '--help'], ['--help', '--locale', 'zh-cn']]) {
    it(`prints the Chinese usage for ${args.join(' ')}`, async () => {
      const { status, stdout } = await runCli(args, { LANG: 'en_US.UTF-8' });
      assert.equal(status, 0);
      assert.match(stdout, /^用法：report-writer check \[选项\]/);
    });
  }

  it('writes a usage error and the usage in the language of a --locale given after the error', async () => {
    const { status, stderr } = await runCli(['check', '--bogus', '--locale', 'zh-cn', 'report.md'], { LANG: 'en_US.UTF-8' });
    assert.equal(status, 2);
    assert.match(stderr, /^report-writer: 未知选项“--bogus”。\n\n用法：/);
  });

  it('takes options before the command, and says when the command is missing', async () => {
    assert.equal((await runCli(['--locale', 'en', 'check', 'examples/clean-项目总结报告.md'])).status, 0);
    const { status, stderr } = await runCli(['--format', 'json']);
    assert.equal(status, 2);
    assert.match(stderr, /^report-writer: No command given\./);
  });

  it('writes the usage in English when nothing names a language, no report being read', async () => {
    assert.match((await runCli(['--help'], { LANG: 'C.UTF-8' })).stdout, /^Usage: report-writer check/);
  });
});

describe('cli: the language of the messages', () => {
  const chinese = 'examples/市场拓展项目总结报告.md';
  const english = 'examples/generic-closure-report.md';
  const clean = 'examples/clean-项目总结报告.md';

  it('writes a Chinese report\'s messages and the summary in Chinese when LANG=C.UTF-8 names no language', async () => {
    const { status, stdout, stderr } = await runCli(['check', chinese], { LANG: 'C.UTF-8' });
    assert.equal(status, 0);
    assert.match(stdout, /:91:1 warning missing-chapter 缺少必需章节“经验教训”：应位于“第六章 成功要素分析”之后。/);
    assert.ok(!/Missing|Placeholder|Vague/.test(stdout), stdout);
    assert.equal(stderr, '1 个文件，1 份报告：0 个错误，5 个警告，3 条其他提示。\n');
  });

  it('follows LANG when it names a language, whatever the report\'s', async () => {
    const { stdout, stderr } = await runCli(['check', chinese], { LANG: 'en_US.UTF-8' });
    assert.match(stdout, /:91:1 warning missing-chapter Missing required chapter “经验教训”: it belongs after/);
    assert.equal(stderr, '1 file, 1 report: 0 errors, 5 warnings, 3 other notes.\n');
    assert.match((await runCli(['check', english], { LANG: 'zh_CN.UTF-8' })).stdout, /warning placeholder 占位符“TBD”/);
  });

  it('reads LC_ALL before LC_MESSAGES before LANG, and takes C or POSIX there, or none set, as no language', async () => {
    assert.match((await runCli(['check', chinese], { LC_ALL: 'en_GB.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' })).stderr, /^1 file, 1 report/);
    assert.match((await runCli(['check', english], { LC_MESSAGES: 'POSIX', LANG: 'zh_CN.UTF-8' })).stderr, /^1 file, 1 report/);
    assert.match((await runCli(['check', chinese], {})).stderr, /^1 个文件/);
  });

  it('gives each report and its scorecard its own language, and the summary English when the reports differ', async () => {
    const { stdout, stderr } = await runCli(['check', '--goals', clean, english], {});
    assert.match(stdout, /generic-closure-report\.md:\d+:\d+ warning placeholder Placeholder/);
    assert.match(stdout, /clean-项目总结报告\.md：6 项目标\n/);
    assert.match(stdout, /generic-closure-report\.md: 5 goals\n/);
    assert.match(stderr, /^2 files, 2 reports: /);
  });

  it('lets --locale override the report\'s language', async () => {
    assert.match((await runCli(['check', '--locale', 'en', chinese], { LANG: 'C.UTF-8' })).stderr, /^1 file, 1 report/);
  });

  it('writes a missing file\'s message in the language of the reports checked, else English, with exit status 2', async () => {
    const { status, stderr } = await runCli(['check', 'no-such-report.md', clean], { LANG: 'C.UTF-8' });
    assert.equal(status, 2);
    assert.equal(stderr, 'report-writer: 无法读取 no-such-report.md：文件或文件夹不存在。\n1 个文件，1 份报告：0 个错误，0 个警告，0 条其他提示。\n');
    assert.match((await runCli(['check', 'no-such-report.md'], { LANG: 'C.UTF-8' })).stderr, /^report-writer: Cannot read no-such-report\.md: no such file or folder\./);
  });
});

describe('cli: the summary', () => {
  it('says "2 files, 2 reports" for two, "1 file, 1 report" for one', async () => {
    assert.match((await runCli(['check', 'examples/clean-项目总结报告.md', 'examples/流程优化项目总结报告.md'])).stderr, /^2 files, 2 reports: 0 errors, \d+ warnings, \d+ other notes\.\n$/);
    assert.equal((await runCli(['check', 'examples/clean-项目总结报告.md'])).stderr, '1 file, 1 report: 0 errors, 0 warnings, 0 other notes.\n');
  });
});
