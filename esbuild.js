// Bundles the TypeScript sources (ESM, because remark is ESM-only) into CommonJS files that Node and the
// VS Code extension host load with require(). YAML data files (schemas, patterns, messages) are parsed here,
// at build time, checked against their JSON Schemas (server/data/schemas, scripts/validate-data.cjs) and
// embedded as JSON, so the bundles carry them with them.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');
const { isDeepStrictEqual } = require('util');
const { checkAllData } = require('./scripts/validate-data.cjs');

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');
// For `npm run coverage`: code no test reaches stays in the bundles, so it counts as not covered instead of
// vanishing from the report (c8 maps what V8 saw back to server/src and client/src through the source maps).
const coverage = process.argv.includes('--coverage');

/**
 * `import data from './x.yaml'` gives the file's parsed value. Parsing the ~57 KB of data files with the
 * yaml package when a process starts took ~100 ms of the server's spawn -> initialize time (cold code);
 * JSON.parse of the same data takes ~1 ms. Every data file is parsed and checked against its schema once,
 * before the bundles are built (`data`); importing a YAML file that is not one of them fails the build.
 */
function yamlData(data) {
  return {
    name: 'yaml-data',
    setup(build) {
      build.onLoad({ filter: /\.ya?ml$/ }, (args) => {
        if (!data.has(args.path)) {
          return { errors: [{ text: 'is imported as data but is no data file checked against a schema (scripts/validate-data.cjs)', location: { file: args.path } }] };
        }
        const value = data.get(args.path);
        const json = JSON.stringify(value);
        if (!isDeepStrictEqual(JSON.parse(json), value)) return { errors: [{ text: 'holds a value JSON cannot carry', location: { file: args.path } }] };
        return { contents: `export default JSON.parse(${JSON.stringify(json)});`, loader: 'js' };
      });
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  ...(coverage && { treeShaking: false }),
};

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

async function main() {
  // Throws, naming each file, field and what was expected, when a data file does not match its schema.
  common.plugins = [yamlData(checkAllData())];
  const builds = [
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  ];
  if (withTests) {
    // mocha runs every out/test/**/*.test.js: the bundle of a test deleted or renamed since must not run on.
    fs.rmSync('out/test', { recursive: true, force: true });
    const entries = ['unit', 'lsp', 'suite', 'bench', 'electron', 'e2e', 'eval', 'render'].flatMap((dir) => testEntries(path.join('test', dir)));
    builds.push(esbuild.build({
      ...common,
      sourcemap: true,
      entryPoints: entries,
      outdir: 'out/test',
      outbase: 'test',
      external: ['vscode', 'mocha', 'playwright-core'],
    }));
  }
  await Promise.all(builds);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
