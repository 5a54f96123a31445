import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * `npm run test:electron`: the extension suite in desktop VS Code, downloaded by @vscode/test-electron.
 * Needs network access to update.code.visualstudio.com; where that is closed, `npm run test:e2e` runs the
 * same suite in code-server.
 */
async function main(): Promise<void> {
  const root = process.cwd();
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'out', 'test', 'suite', 'index.js'),
    launchArgs: [path.join(root, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
