/**
 * The report engine (server/src/core) must run in the CLI and in tests without VS Code: none of its files
 * may import `vscode` or a `vscode-languageserver*` package.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Module specifiers of the import, export-from, require and import() statements of a source text. */
function importedModules(source: string): string[] {
  const withoutComments = source.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
  const patterns = [
    /\bimport\s+(?:type\s+)?[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g, // import x from 'm', import { a } from 'm', import type …
    /\bexport\s+(?:type\s+)?(?:\*|\{[^}]*\})(?:\s+as\s+\w+)?\s*from\s*(['"])([^'"]+)\1/g, // export * from 'm', export { a } from 'm'
    /\bimport\s*(['"])([^'"]+)\1/g, // import 'm'
    /\b(?:require|import)\s*\(\s*(['"`])([^'"`]+)\1\s*\)/g, // require('m'), import('m'), import x = require('m')
  ];
  const found: string[] = [];
  for (const pattern of patterns) for (const match of withoutComments.matchAll(pattern)) found.push(match[2]!);
  return found;
}

const forbidden = /^(?:vscode|vscode-languageserver(?:-[a-z-]+)?|vscode-languageclient|vscode-jsonrpc)(?:\/.*)?$/;

/** The forbidden modules a source text imports. */
function forbiddenImports(source: string): string[] {
  return importedModules(source).filter((m) => forbidden.test(m));
}

describe('purity: the import detector', () => {
  const samples: readonly (readonly [string, readonly string[]])[] = [
    ["import * as vscode from 'vscode';", ['vscode']],
    ['import { TextDocument } from "vscode-languageserver-textdocument";', ['vscode-languageserver-textdocument']],
    ["import type { Diagnostic } from 'vscode-languageserver';", ['vscode-languageserver']],
    ["import {\n  createConnection,\n  ProposedFeatures,\n} from 'vscode-languageserver/node';", ['vscode-languageserver/node']],
    ["export { Range } from 'vscode-languageserver-types';", ['vscode-languageserver-types']],
    ["export * from 'vscode';", ['vscode']],
    ["const vscode = require('vscode');", ['vscode']],
    ['const lsp = await import("vscode-languageserver-protocol");', ['vscode-languageserver-protocol']],
    ["import 'vscode';", ['vscode']],
    ["import vscode = require('vscode');", ['vscode']],
    ["import { LanguageClient } from 'vscode-languageclient/node';", ['vscode-languageclient/node']],
  ];
  for (const [source, expected] of samples) {
    it(`flags ${JSON.stringify(source)}`, () => {
      assert.deepEqual(forbiddenImports(source), expected);
    });
  }

  const allowed: readonly string[] = [
    "import { parse } from 'yaml';",
    "import { buildReportModel } from './model.js';",
    "import type { Root } from 'mdast';",
    "import { vscode } from './vscode-shim.js';",
    "// import * as vscode from 'vscode';",
    "/* const x = require('vscode'); */",
    "const note = 'It knows nothing of VS Code or LSP';",
    "import { x } from 'vscode-extra-utils';",
  ];
  for (const source of allowed) {
    it(`allows ${JSON.stringify(source)}`, () => {
      assert.deepEqual(forbiddenImports(source), []);
    });
  }

  it('finds every module of a multi-statement source', () => {
    const source = "import a from 'a';\nimport { b } from \"b\";\nexport * from './c.js';\nimport type { D } from 'd';\nconst e = require('e');\n";
    assert.deepEqual(importedModules(source).sort(), ['./c.js', 'a', 'b', 'd', 'e']);
  });
});

describe('purity: server/src/core', () => {
  const coreDir = path.join(process.cwd(), 'server/src/core');
  const files = fs
    .readdirSync(coreDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.[cm]?[jt]s$/.test(f))
    .map((f) => path.join(coreDir, f));

  it('scans the engine sources', () => {
    const names = files.map((f) => path.relative(coreDir, f).split(path.sep).join('/'));
    for (const expected of ['index.ts', 'analyze.ts', 'parse/model.ts', 'checks/structure.ts', 'schema/registry.ts']) {
      assert.ok(names.includes(expected), `${expected} not found`);
    }
    const index = fs.readFileSync(path.join(coreDir, 'index.ts'), 'utf8');
    assert.ok(importedModules(index).includes('./analyze.js'), 'the detector reads the imports of index.ts');
  });

  it('imports neither vscode nor any vscode-languageserver package', () => {
    const offenders = files.flatMap((file) =>
      forbiddenImports(fs.readFileSync(file, 'utf8')).map((m) => `${path.relative(process.cwd(), file)} imports ${m}`),
    );
    assert.deepEqual(offenders, []);
  });
});
