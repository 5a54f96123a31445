// Bundles the TypeScript sources (ESM, because remark is ESM-only) into CommonJS files that Node and the
// VS Code extension host load with require(). YAML data files are embedded as text so the bundles carry
// their schemas, patterns and messages with them.
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const production = process.argv.includes('--production');
const withTests = process.argv.includes('--tests');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  loader: { '.yaml': 'text' },
};

function testEntries(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => path.join(dir, f));
}

async function main() {
  const builds = [
    esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
    esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
    esbuild.build({ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  ];
  if (withTests) {
    const entries = ['unit', 'lsp', 'suite', 'bench', 'electron', 'e2e'].flatMap((dir) => testEntries(path.join('test', dir)));
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
