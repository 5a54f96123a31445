/**
 * The lint rules that hold the layers (eslint.config.mjs) fail on a violation: the core imports neither
 * VS Code, LSP nor Node, its layers import downwards only, the client reaches the server only through the
 * protocol, and no promise floats.
 * `npm test` runs the lint over the sources; these tests prove the rules are on and say what they say.
 */
import * as assert from 'node:assert/strict';
import { ESLint } from 'eslint';

/** Lint findings (rule: message) of `code`, as if it were the file `filePath` of the repository. */
async function lint(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => `${m.ruleId ?? 'parser'}: ${m.message}`);
}

let eslint: ESLint;

describe('lint: the layers are enforced', function () {
  // The first lint builds a TypeScript program for the type-aware rules.
  this.timeout(60_000);
  before(() => {
    // The probes are not on disk, so the tsconfig's project does not hold them: they get a default one.
    const probes = ['server/src/core/report/lintProbe.ts', 'server/src/core/export/lintProbe.ts', 'server/src/core/goals/lintProbe.ts', 'server/src/features/lintProbe.ts', 'client/src/lintProbe.ts'];
    eslint = new ESLint({
      cwd: process.cwd(),
      overrideConfig: {
        languageOptions: { parserOptions: { projectService: { allowDefaultProject: probes } } },
        // Not under test here, and it would read the whole core the client probe imports.
        rules: { 'import-x/no-cycle': 'off' },
      },
    });
  });

  it('reports a core module that imports vscode-languageserver or vscode', async () => {
    const found = await lint("import type { Diagnostic } from 'vscode-languageserver';\nimport * as vscode from 'vscode';\nexport type D = [Diagnostic, typeof vscode];\n", 'server/src/core/report/lintProbe.ts');
    assert.equal(found.length, 2, found.join('\n'));
    for (const message of found) assert.match(message, /^@typescript-eslint\/no-restricted-imports: '(?:vscode-languageserver|vscode)' import is restricted.*runs without VS Code and LSP/);
  });

  it('reports a core module that imports a Node built-in, with or without node:', async () => {
    const found = await lint("import * as fs from 'node:fs';\nimport path from 'path';\nexport const io = [fs, path];\n", 'server/src/core/export/lintProbe.ts');
    assert.deepEqual(found.map((m) => m.split(':')[0]), ['@typescript-eslint/no-restricted-imports', '@typescript-eslint/no-restricted-imports']);
    assert.match(found[0]!, /runs without Node/);
  });

  it('reports a core layer that imports one above it, and lets it import those below', async () => {
    const found = await lint("import { checkNumbering } from '../checks/numbering.js';\nimport { limits } from '../report/limits.js';\nexport const x = [checkNumbering, limits];\n", 'server/src/core/goals/lintProbe.ts');
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^@typescript-eslint\/no-restricted-imports: '\.\.\/checks\/numbering\.js' import is restricted.*import downwards only \(report < parse < goals < schema < checks/);
  });

  it('lets report/ take types from the model, and no values', async () => {
    const found = await lint("import type { Section } from '../parse/model.js';\nimport { buildReportModel } from '../parse/model.js';\nexport type S = Section;\nexport const build = buildReportModel;\n", 'server/src/core/report/lintProbe.ts');
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^@typescript-eslint\/no-restricted-imports: '\.\.\/parse\/model\.js' import is restricted.*report may import only types from here/);
  });

  it('lets the server, outside the core, import the LSP and Node', async () => {
    const found = await lint("import * as fs from 'node:fs';\nimport type { Diagnostic } from 'vscode-languageserver';\nexport type D = [Diagnostic, typeof fs];\n", 'server/src/features/lintProbe.ts');
    assert.deepEqual(found, []);
  });

  it('reports a client module that imports the server past its protocol', async () => {
    const found = await lint("import { settingsSection } from '../../server/src/protocol.js';\nimport { limits } from '../../server/src/core/index.js';\nexport const x = [settingsSection, limits];\n", 'client/src/lintProbe.ts');
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^@typescript-eslint\/no-restricted-imports: '\.\.\/\.\.\/server\/src\/core\/index\.js' import is restricted.*only through server\/src\/protocol\.ts/);
  });

  it('reports a floating promise', async () => {
    const found = await lint('async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n', 'server/src/features/lintProbe.ts');
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(found[0]!, /^@typescript-eslint\/no-floating-promises: Promises must be awaited/);
  });
});
