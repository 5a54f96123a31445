/**
 * The lint rules that hold the layers (eslint.config.mjs) fail on a violation: the core imports neither
 * VS Code, LSP nor Node, its layers import downwards only, the client reaches the server only through the
 * protocol, parsing is imported only through its seam, and no promise floats.
 * `npm test` runs the lint over the sources; these tests prove the rules are on and say what they say.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Snippets placed, by their path, in a layer of the repository (they are not written to disk). */
const probes = {
  editor: {
    filePath: 'server/src/core/report/lintProbe.ts',
    code: "import type { Diagnostic } from 'vscode-languageserver';\nimport * as vscode from 'vscode';\nexport type D = [Diagnostic, typeof vscode];\n",
  },
  node: {
    filePath: 'server/src/core/export/lintProbe.ts',
    code: "import * as fs from 'node:fs';\nimport path from 'path';\nexport const io = [fs, path];\n",
  },
  upwards: {
    filePath: 'server/src/core/goals/lintProbe.ts',
    code: "import { checkNumbering } from '../checks/numbering.js';\nimport { limits } from '../report/limits.js';\nexport const x = [checkNumbering, limits];\n",
  },
  reportValue: {
    filePath: 'server/src/core/report/lintProbe.ts',
    code: "import type { Section } from '../parse/model.js';\nimport { buildReportModel } from '../parse/model.js';\nexport type S = Section;\nexport const build = buildReportModel;\n",
  },
  parserSeam: {
    filePath: 'server/src/core/checks/lintProbe.ts',
    code: "import { markdownEvents } from '../parse/markdown.js';\nimport { parseReport, type ReportModel } from '../parse/index.js';\n" +
      "import type { Span } from '../parse/model.js';\nimport { LineIndex } from '../parse/text.js';\nexport const x = [markdownEvents, parseReport, LineIndex];\nexport type T = [ReportModel, Span];\n",
  },
  server: {
    filePath: 'server/src/features/lintProbe.ts',
    code: "import * as fs from 'node:fs';\nimport type { Diagnostic } from 'vscode-languageserver';\nexport type D = [Diagnostic, typeof fs];\n",
  },
  client: {
    filePath: 'client/src/lintProbe.ts',
    code: "import { settingsSection } from '../../server/src/protocol.js';\nimport { limits } from '../../server/src/core/index.js';\nexport const x = [settingsSection, limits];\n",
  },
  floating: {
    filePath: 'server/src/features/lintProbe.ts',
    code: 'async function save(): Promise<void> {}\nexport function run(): void {\n  save();\n}\n',
  },
} as const;

/**
 * Lints the probes with ESLint's Node API in a child process: the TypeScript program of the type-aware rules
 * (a few hundred MB) stays out of this process, whose LSP tests time the server's answers. The probes are
 * not on disk, so the tsconfig's project does not hold them: the floating-promise probe, the only one a
 * type-aware rule reads, gets a default one; the import probes are linted without types, which saves the
 * program of the whole core the client probe imports. No-cycle is not under test here.
 */
const child = `
import { ESLint } from 'eslint';
const probes = JSON.parse(process.env.LINT_PROBES);
const typed = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: [probes.floating.filePath] } } },
    rules: { 'import-x/no-cycle': 'off' },
  },
});
const untyped = new ESLint({
  cwd: process.cwd(),
  overrideConfig: {
    languageOptions: { parserOptions: { projectService: false, project: null } },
    rules: { 'import-x/no-cycle': 'off', '@typescript-eslint/no-floating-promises': 'off' },
  },
});
const found = {};
for (const [name, probe] of Object.entries(probes)) {
  const [result] = await (name === 'floating' ? typed : untyped).lintText(probe.code, { filePath: probe.filePath });
  found[name] = result.messages.map((m) => (m.ruleId ?? 'parser') + ': ' + m.message);
}
process.stdout.write(JSON.stringify(found));
`;

describe('lint: the layers are enforced', function () {
  // ESLint builds a TypeScript program for the type-aware rules: a few seconds.
  this.timeout(60_000);
  let found: Record<keyof typeof probes, string[]>;
  before(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', child], {
      cwd: process.cwd(),
      env: { ...process.env, LINT_PROBES: JSON.stringify(probes) },
    });
    found = JSON.parse(stdout) as typeof found;
  });

  it('reports a core module that imports vscode-languageserver or vscode', () => {
    assert.equal(found.editor.length, 2, found.editor.join('\n'));
    for (const message of found.editor) assert.match(message, /^@typescript-eslint\/no-restricted-imports: '(?:vscode-languageserver|vscode)' import is restricted.*runs without VS Code and LSP/);
  });

  it('reports a core module that imports a Node built-in, with or without node:', () => {
    assert.deepEqual(found.node.map((m) => m.split(':')[0]), ['@typescript-eslint/no-restricted-imports', '@typescript-eslint/no-restricted-imports']);
    assert.match(found.node[0]!, /runs without Node/);
  });

  it('reports a core layer that imports one above it, and lets it import those below', () => {
    assert.equal(found.upwards.length, 1, found.upwards.join('\n'));
    assert.match(found.upwards[0]!, /^@typescript-eslint\/no-restricted-imports: '\.\.\/checks\/numbering\.js' import is restricted.*import downwards only \(report < parse < goals < schema < checks/);
  });

  it('lets report/ take types from the model, and no values', () => {
    assert.equal(found.reportValue.length, 1, found.reportValue.join('\n'));
    assert.match(found.reportValue[0]!, /^@typescript-eslint\/no-restricted-imports: '\.\.\/parse\/model\.js' import is restricted.*report may import only types from here/);
  });

  it('reports a module outside core/parse that imports the parser past its seam (parse/index.ts)', () => {
    assert.equal(found.parserSeam.length, 1, found.parserSeam.join('\n'));
    assert.match(found.parserSeam[0]!, /^@typescript-eslint\/no-restricted-imports: '\.\.\/parse\/markdown\.js' import is restricted.*behind one seam/);
  });

  it('lets the server, outside the core, import the LSP and Node', () => {
    assert.deepEqual(found.server, []);
  });

  it('reports a client module that imports the server past its protocol', () => {
    assert.equal(found.client.length, 1, found.client.join('\n'));
    assert.match(found.client[0]!, /^@typescript-eslint\/no-restricted-imports: '\.\.\/\.\.\/server\/src\/core\/index\.js' import is restricted.*only through server\/src\/protocol\.ts/);
  });

  it('reports a floating promise', () => {
    assert.equal(found.floating.length, 1, found.floating.join('\n'));
    assert.match(found.floating[0]!, /^@typescript-eslint\/no-floating-promises: Promises must be awaited/);
  });
});
