/**
 * The command line's exit codes and the files it takes (`run`, in-process; the built `dist/cli.js` spawned
 * once per exit status, to prove the binary exits with what `run` returns): 0 for no error, 1 for
 * errors found, 2 for usage errors and what cannot be read, which outranks 1; folders walked for
 * Markdown; binary and huge files skipped with a note.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, spawnCli } from './util.js';

const clean = path.join(process.cwd(), 'examples/clean-项目总结报告.md');
const withWarnings = path.join(process.cwd(), 'examples/generic-closure-report.md');
/** Front matter that names no known schema: an `unknown-schema` error. */
const withError = '---\nschema: no-such-schema\n---\n# 项目总结报告\n\n## 一、项目背景与目标\n\n提升效率。\n';

interface JsonOutput {
  files: { path: string; isReport: boolean; skipped?: string; diagnostics: { severity: string; code: string }[] }[];
  schemaProblems: unknown[];
}

describe('cli: exit codes and the files it checks', () => {
  let folder: string;
  const at = (name: string) => path.join(folder, name);
  const write = (name: string, content: string | Uint8Array) => {
    fs.mkdirSync(path.dirname(at(name)), { recursive: true });
    fs.writeFileSync(at(name), content);
  };

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'report-writer-exit-'));
    write('error/report.md', withError);
  });

  after(() => {
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('exits with 0 for a clean report, and with 0 for one with warnings only: warnings never fail the run', async () => {
    assert.equal((await runCli(['check', clean])).status, 0);
    const { status, stdout, stderr } = await runCli(['check', withWarnings]);
    assert.equal(status, 0);
    assert.match(stdout, / warning placeholder /);
    assert.match(stderr, /^1 file, 1 report: 0 errors, [1-9]\d* warnings/);
  });

  it('exits with 1 for an error-level diagnostic, in text and in JSON output', async () => {
    const text = await runCli(['check', at('error/report.md')]);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /report\.md:2:9 error unknown-schema /);
    const json = await runCli(['check', '--format', 'json', at('error/report.md')]);
    assert.equal(json.status, 1);
    const output = JSON.parse(json.stdout) as JsonOutput;
    assert.deepEqual(output.files[0]!.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), ['unknown-schema']);
  });

  it('exits with 1 for a problem in a schema file, the reports being clean', async () => {
    write('schema-problem/.report-schemas/broken.yaml', 'id: Broken Id\nslots: []\n');
    fs.copyFileSync(clean, at('schema-problem/report.md'));
    const { status, stdout } = await runCli(['check', at('schema-problem/report.md')]);
    assert.equal(status, 1);
    assert.match(stdout, /broken\.yaml:1:\d+ error schema /);
  });

  for (const [what, args, message] of [
    ['an unknown option', ['check', '--max-warnings', '0', clean], /Unknown option “--max-warnings”/],
    ['a bad --format', ['check', '--format', 'xml', clean], /Unknown format “xml”: use text or json\./],
    ['a bad --locale', ['check', '--locale', 'fr', clean], /Unknown locale “fr”: use en or zh-cn\./],
    ['an option without its value', ['check', clean, '--schema'], /Option --schema needs a value\./],
    ['an unknown command', ['lint', clean], /Unknown command “lint”/],
    ['no input', ['check'], /No files or folders given\./],
    ['an unknown --schema id', ['check', '--schema', 'no-such-schema', clean], /no-such-schema/],
  ] as const) {
    it(`exits with 2 for ${what}, before checking anything`, async () => {
      const { status, stdout, stderr } = await runCli([...args]);
      assert.equal(status, 2, stderr);
      assert.equal(stdout, '');
      assert.match(stderr, /^report-writer: /);
      assert.match(stderr, message);
    });
  }

  it('exits with 2, not 1, when a file is missing and another has errors, and still checks the other', async () => {
    const { status, stdout, stderr } = await runCli(['check', at('no-such.md'), at('error/report.md')]);
    assert.equal(status, 2);
    assert.match(stderr, /Cannot read .*no-such\.md: no such file or folder\./);
    assert.match(stdout, / error unknown-schema /);
  });

  it('walks a folder for *.md and *.markdown in name order, skipping node_modules, dot-folders and other files', async () => {
    write('walk/b.md', '# b\n');
    write('walk/a/c.markdown', '# c\n');
    write('walk/a/notes.txt', '# not Markdown\n');
    write('walk/node_modules/pkg/README.md', '# skipped\n');
    write('walk/.git/x.md', '# skipped\n');
    const { status, stdout } = await runCli(['check', '--format', 'json', at('walk')]);
    assert.equal(status, 0);
    const output = JSON.parse(stdout) as JsonOutput;
    assert.deepEqual(output.files.map((f) => path.relative(at('walk'), f.path)), [path.join('a', 'c.markdown'), 'b.md']);
  });

  it('checks a file named on the command line whatever its extension', async () => {
    write('named/report.txt', fs.readFileSync(withWarnings));
    const { status, stdout } = await runCli(['check', '--format', 'json', at('named/report.txt')]);
    assert.equal(status, 0);
    const [file] = (JSON.parse(stdout) as JsonOutput).files;
    assert.ok(file!.isReport && file!.diagnostics.length > 0);
  });

  it('says that a folder holds no Markdown files, without failing the run', async () => {
    write('empty/notes.txt', 'text\n');
    const { status, stderr } = await runCli(['check', at('empty')]);
    assert.equal(status, 0);
    assert.match(stderr, /^report-writer: .*empty/m);
  });

  it('skips a binary file and a file over 20 MB unread, with a note each and a skipped entry, without failing the run', async () => {
    write('skip/binary.md', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]));
    write('skip/huge.md', '');
    // Sparse: 21 MB that take no disk, and that the tool must not read.
    fs.truncateSync(at('skip/huge.md'), 21 * 1024 * 1024);
    const { status, stdout, stderr } = await runCli(['check', '--format', 'json', at('skip')]);
    assert.equal(status, 0, stderr);
    const output = JSON.parse(stdout) as JsonOutput;
    assert.deepEqual(output.files.map((f) => [path.basename(f.path), f.skipped]), [['binary.md', 'binary'], ['huge.md', 'too-large']]);
    assert.match(stderr, /binary\.md/);
    assert.match(stderr, /huge\.md.*21\.0 MB/);
  });

  it('the built binary exits with the status run() returns, writing the same stdout and stderr, for 0, 1 and 2', async () => {
    for (const [args, status] of [
      [['check', '--format', 'json', clean], 0],
      [['check', at('error/report.md')], 1],
      [['check', '--format', 'xml', clean], 2],
      [['export', '--bogus', clean], 2],
    ] as const) {
      const spawned = spawnCli(args);
      assert.equal(spawned.status, status, `${args.join(' ')}: ${spawned.stderr}`);
      assert.deepEqual(spawned, await runCli(args), args.join(' '));
    }
  });
});
