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

/**
 * `npm test` builds before every run: when nothing a build read has changed since it last ran in the same
 * mode, and what it wrote is still there as it wrote it, it is not run again. The stamp
 * (node_modules/.cache/esbuild/build.json) holds the mode, and the size and mtime of every file read (the
 * metafile's inputs, the data files and schemas checkAllData reads, this script) and written; any
 * difference, a test file added or a file deleted, and everything is built afresh.
 */
const stampFile = path.join('node_modules', '.cache', 'esbuild', 'build.json');

function stat(file) {
  try {
    const s = fs.statSync(file);
    return `${s.size}:${s.mtimeMs}`;
  } catch {
    return 'missing';
  }
}

function listed(dir) {
  return fs.existsSync(dir) ? fs.readdirSync(dir, { recursive: true }).map((f) => path.join(dir, String(f))).filter((f) => fs.statSync(f).isFile()) : [];
}

/** Files every build reads besides the metafile's inputs: this script, the data check and what it reads and writes. */
function fixedInputs() {
  return ['esbuild.js', 'scripts/validate-data.cjs', 'server/src/yaml.d.ts', 'package.json', 'tsconfig.json',
    ...['server/data', 'server/schemas', 'server/l10n'].flatMap(listed)].sort();
}

function currentStamp(mode, files) {
  return { mode, files: Object.fromEntries(files.map((f) => [f, stat(f)])) };
}

function upToDate(mode, entries) {
  let old;
  try {
    old = JSON.parse(fs.readFileSync(stampFile, 'utf8'));
  } catch {
    return false;
  }
  if (!isDeepStrictEqual(old.mode, mode)) return false;
  // Every entry point must have been an input last time: a test file added is built.
  if (entries.some((e) => !(e in old.files))) return false;
  return isDeepStrictEqual(old, currentStamp(mode, Object.keys(old.files)));
}

async function main() {
  const mode = { production, withTests, coverage };
  const tests = withTests ? ['unit', 'lsp', 'suite', 'bench', 'electron', 'e2e', 'eval', 'render'].flatMap((dir) => testEntries(path.join('test', dir))) : [];
  const entries = ['client/src/extension.ts', 'server/src/server.ts', 'server/src/cli.ts', ...tests];
  if (upToDate(mode, entries)) return;
  fs.rmSync(stampFile, { force: true });
  // Throws, naming each file, field and what was expected, when a data file does not match its schema.
  common.plugins = [yamlData(checkAllData())];
  const builds = [
    esbuild.build({ ...common, metafile: true, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.build({ ...common, metafile: true, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
    esbuild.build({ ...common, metafile: true, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  ];
  if (withTests) {
    // mocha runs every out/test/**/*.test.js: the bundle of a test deleted or renamed since must not run on.
    fs.rmSync('out/test', { recursive: true, force: true });
    builds.push(esbuild.build({
      ...common,
      metafile: true,
      sourcemap: true,
      // The maps point at the sources in the repository, where the tests run: without a copy of every
      // source (node_modules included) in each of the ~60 bundles' maps, the test build writes half as much.
      sourcesContent: false,
      entryPoints: tests,
      outdir: 'out/test',
      outbase: 'test',
      external: ['vscode', 'mocha', 'playwright-core'],
    }));
  }
  const results = await Promise.all(builds);
  const files = new Set(fixedInputs());
  for (const { metafile } of results) {
    for (const file of [...Object.keys(metafile.inputs), ...Object.keys(metafile.outputs)]) {
      // Inputs a plugin names with a namespace (`ns:path`) are files only without one.
      if (!/^[\w-]+:/.test(file)) files.add(file);
    }
  }
  fs.mkdirSync(path.dirname(stampFile), { recursive: true });
  fs.writeFileSync(stampFile, JSON.stringify(currentStamp(mode, [...files].sort())));
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
