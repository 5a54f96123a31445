// @ts-check
// The lint that keeps the layers honest (see README, "Layout"): the core runs without VS Code, LSP or Node,
// the client talks to the server only through the protocol, no module imports itself back, no promise is
// left floating, and a long file or function says why it is long.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** Editor and protocol packages: the core must run in the CLI and in plain mocha without them. */
const editorPackages = ['vscode', 'vscode-languageserver', 'vscode-languageserver-*', 'vscode-languageclient', 'vscode-jsonrpc']
  .flatMap((name) => [name, `${name}/*`]);

/** Node's built-in modules, bare (`fs`, `fs/promises`) and with the `node:` scheme. */
const nodeModules = [...builtinModules.filter((name) => !name.startsWith('_')).flatMap((name) => [name, `${name}/*`]), 'node:*'];

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
    files: ['server/src/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: editorPackages, message: 'The core runs without VS Code and LSP: take what it needs through a small interface (parse/text.ts), and convert in server/src/features.' },
          { group: nodeModules, message: 'The core runs without Node: do the I/O in the server or the CLI and pass the data in.' },
        ],
      }],
    },
  },
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
