// @ts-check
// The lint that keeps the layers honest (see README, "Layout"): the core runs without VS Code, LSP or Node,
// its layers import downwards only, the client talks to the server only through the protocol, no module
// imports itself back, no promise is left floating, and a long file or function says why it is long.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Editor and protocol packages: the core must run in the CLI and in plain mocha without them. */
const editorPackages = ['vscode', 'vscode-languageserver', 'vscode-languageserver-*', 'vscode-languageclient', 'vscode-jsonrpc']
  .flatMap((name) => [name, `${name}/*`]);

/** Node's built-in modules, bare (`fs`, `fs/promises`) and with the `node:` scheme. */
const nodeModules = [...builtinModules.filter((name) => !name.startsWith('_')).flatMap((name) => [name, `${name}/*`]), 'node:*'];

const editorAndNode = [
  { group: editorPackages, message: 'The core runs without VS Code and LSP: take what it needs through a small interface (parse/text.ts), and convert in server/src/features.' },
  { group: nodeModules, message: 'The core runs without Node: do the I/O in the server or the CLI and pass the data in.' },
];

/**
 * Parsing sits behind one seam (server/src/core/parse/index.ts): outside core/parse/, nothing imports the
 * parser's modules but the seam, the model's types, and the text and YAML helpers parse/ also holds (report/,
 * the bottom layer, is held tighter by its own rule).
 */
const parserSeam = [
  { regex: '(?:^|/)parse/(?!(?:index|model|text|yamlDocument)\\.js$)', message: 'Parsing is behind one seam: import it from parse/index.ts.' },
  { regex: '(?:^|/)parse/model\\.js$', allowTypeImports: true, message: 'parse/model.ts holds the model\'s types; parse with parse/index.ts.' },
];

/**
 * The core's layers, bottom up; each imports only those below it. report/ is the bottom, yet it names the
 * model's and the schema's types (import type from parse/model.ts and schema/types.ts): that is how it holds
 * the vocabulary the layers share. languageFeatures/ and export/ take the analysis' type from analyze.ts.
 */
const layers = ['report', 'parse', 'goals', 'schema', 'checks', 'analyze', 'languageFeatures', 'export'];

/** Specifiers a module of `layer` may import for types only, and those it may not import at all (regexes). */
function layerRule(layer) {
  // From a layer's subfolder (checks/rules/) the core is more than one `../` away.
  const up = layer === 'analyze' ? '\\./' : '(?:\\.\\./)+';
  let higher = layers.slice(layers.indexOf(layer) + 1);
  const typesOnly = [];
  const banned = [`^${up}index\\.js$`];
  if (layer === 'report') {
    higher = higher.filter((l) => l !== 'parse' && l !== 'schema');
    typesOnly.push('^\\.\\./(?:parse/model|schema/types)\\.js$');
    banned.push('^\\.\\./(?:parse/(?!model\\.js$)|schema/(?!types\\.js$))');
  }
  if (layer === 'languageFeatures' || layer === 'export') typesOnly.push('^\\.\\./analyze\\.js$');
  else if (higher.includes('analyze')) banned.push(`^${up}analyze\\.js$`);
  const folders = higher.filter((l) => l !== 'analyze');
  if (folders.length) banned.push(`^${up}(?:${folders.join('|')})/`);
  const order = layers.join(' < ');
  return [
    { regex: banned.join('|'), message: `The core's layers import downwards only (${order}); ${layer} cannot import this.` },
    ...typesOnly.map((regex) => ({ regex, allowTypeImports: true, message: `${layer} may import only types from here (${order}).` })),
  ];
}

function coreLayers() {
  const files = (layer) => (layer === 'analyze' ? ['server/src/core/analyze.ts'] : [`server/src/core/${layer}/**/*.ts`]);
  return [
    // index.ts, the barrel, exports from every layer.
    { files: ['server/src/core/**/*.ts'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...editorAndNode, ...parserSeam] }] } },
    ...layers.map((layer) => ({
      files: files(layer),
      rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [...editorAndNode, ...layerRule(layer), ...(layer === 'parse' || layer === 'report' ? [] : parserSeam)] }] },
    })),
    // The server's glue and the CLI, outside the core.
    { files: ['server/src/**/*.ts'], ignores: ['server/src/core/**'], rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: parserSeam }] } },
  ];
}

const size = {
  'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
  'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      // import-x reads the modules an import leads to with these, to follow the chain that could close a cycle.
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      // Cycles run through our own modules only: not following imports into node_modules saves most of its time.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    rules: size,
  },
  {
    // Tests are long lists of cases in describe() blocks: files have a looser bound and functions none.
    files: ['test/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 1000, skipBlankLines: true, skipComments: true }] },
  },
  ...coreLayers(),
  {
    files: ['client/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/server/src/**', '!**/server/src/protocol.js'], message: 'The client knows the server only through server/src/protocol.ts.' },
        ],
      }],
    },
  },
);
