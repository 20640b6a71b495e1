/**
 * `npm run test:e2e`: the shared scenarios in the real VS Code (code-server) driven through
 * Debian's Chromium with playwright-core. The extension is installed from the freshly built .vsix.
 * The toolchain comes from test/e2e/setup.sh (cache: RESOLUTION_E2E_CACHE or ~/.cache/resolution-e2e).
 *
 * Environment: E2E_ONLY=<part of a scenario name>[,<another>…], E2E_SCREENSHOTS=<folder> (documentation shots),
 * E2E_KEEP=1 (keep the run folder), E2E_HEADED=1.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { CodeServerDriver } from './codeServerDriver';
import { printSummary, runScenarios, waitFor } from './runner';

import { prepareWorkspace } from './workspace';
import { e2eTools, freePort, httpStatus as get } from './tools';
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const { node24, codeServerEntry, playwrightPath, chromiumPath } = e2eTools(false);
const vsix = path.join(repoRoot, 'dist', 'resolution-drafting.vsix');
const runDir = path.join(repoRoot, '.e2e', 'code-server');
const resultsDir = path.join(repoRoot, 'test-results', process.argv.includes('--api') ? 'e2e-api' : 'e2e');

function fail(message: string): never {
  console.error(`e2e: ${message}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

export interface Session {
  page: Page;
  driver: CodeServerDriver;
  startedAt: number;
  stop(): Promise<void>;
  logFile: string;
}

/** Installs the .vsix into a fresh code-server profile, starts code-server and opens the workbench. */
/** Where the API-driver harness writes its results (`--api`). */
const apiResults = path.join(runDir, 'api-results.txt');

/**
 * A small extension that runs the shared scenarios with the API driver of `test:vscode`
 * (electronDriver.ts) inside code-server's extension host and writes the outcome to a file.
 */
function buildApiHarness(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const f of ['runner.js', 'scenarios.js', 'electronDriver.js']) fs.copyFileSync(path.join(__dirname, f), path.join(dir, f));
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'resolution-e2e-api-harness',
      publisher: 'resolution-drafting',
      version: '0.0.0',
      license: 'MIT',
      description: 'Runs the end-to-end scenarios through the VS Code API',
      engines: { vscode: '^1.90.0' },
      main: './index.js',
      activationEvents: ['onStartupFinished'],
    }),
  );
  fs.writeFileSync(path.join(dir, 'README.md'), '# End-to-end harness\n');
  fs.writeFileSync(
    path.join(dir, 'index.js'),
    `const fs = require('fs');
const file = ${JSON.stringify(apiResults)};
exports.activate = async () => {
  const out = [];
  const log = (m) => { out.push(m); fs.writeFileSync(file, out.join('\\n') + '\\n'); };
  try {
    const { runScenarios, printSummary } = require('./runner');
    const { ElectronDriver } = require('./electronDriver');
    const r = await runScenarios(new ElectronDriver(), { startedAt: Date.now(), coldStartLabel: 'harness start → first squiggle', only: process.env.E2E_ONLY, log });
    printSummary('VS Code API driver in code-server', r, log);
  } catch (e) {
    log('harness failed: ' + ((e && e.stack) || e));
    log('0 passed, 1 failed');
  }
  log('END');
};
`,
  );
  const out = path.join(dir, '..', 'api-harness.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '--out', out], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) fail(`packaging the API harness failed:\n${r.stdout}\n${r.stderr}`);
  return out;
}

export async function startSession(options: { api?: boolean } = {}): Promise<Session> {
  for (const [what, p] of [
    ['Node 24', node24],
    ['code-server', codeServerEntry],
    ['playwright-core', playwrightPath],
    ['Chromium', chromiumPath],
  ]) {
    if (!fs.existsSync(p)) fail(`${what} not found at ${p}: run \`bash test/e2e/setup.sh\` first`);
  }
  if (!fs.existsSync(vsix)) fail(`${vsix} not found: run \`npm run package\` first`);

  fs.rmSync(runDir, { recursive: true, force: true });
  fs.rmSync(resultsDir, { recursive: true, force: true });
  const dirs = {
    tmp: path.join(runDir, 'tmp'),
    config: path.join(runDir, 'xdg', 'config'),
    data: path.join(runDir, 'xdg', 'data'),
    userData: path.join(runDir, 'data'),
    ext: path.join(runDir, 'ext'),
    workspace: path.join(runDir, 'workspace'),
    profile: path.join(runDir, 'chromium'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  prepareWorkspace(repoRoot, dirs.workspace);
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'security.workspace.trust.enabled': false,
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'extensions.ignoreRecommendations': true,
        'update.mode': 'none',
        'chat.disableAIFeatures': true,
        'telemetry.telemetryLevel': 'off',
        'workbench.welcomePage.walkthroughs.openOnInstall': false,
        'workbench.tips.enabled': false,
        'workbench.editor.enablePreview': false,
        'outline.collapseItems': 'alwaysExpand',
        'editor.hover.delay': 200,
        'files.autoSave': 'off',
        'window.restoreWindows': 'none',
        'workbench.colorTheme': 'Default Light Modern',
        'workbench.secondarySideBar.defaultVisibility': 'hidden',
        'workbench.auxiliaryBar.visible': false,
        'chat.commandCenter.enabled': false,
        'window.commandCenter': false,
        'git.enabled': false,
        'git.openRepositoryInParentFolders': 'never',
      },
      null,
      2,
    ),
  );
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs.config, XDG_DATA_HOME: dirs.data };
  // The corpus database's password comes from the secret storage in the scenarios, never from here.
  delete env.PGPASSWORD;
  const port = await freePort();
  const cfg = path.join(runDir, 'cfg.yaml');
  fs.writeFileSync(cfg, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const common = ['--config', cfg, '--user-data-dir', dirs.userData, '--extensions-dir', dirs.ext];

  let t = Date.now();
  const inst = spawnSync(node24, [codeServerEntry, ...common, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (inst.status !== 0) fail(`installing the .vsix failed:\n${inst.stdout}\n${inst.stderr}`);
  const installed = fs.readdirSync(dirs.ext).filter((d) => d.startsWith('resolution-drafting.'));
  if (!installed.length) fail(`the .vsix did not install:\n${inst.stdout}\n${inst.stderr}`);
  console.log(`e2e: installed ${installed[0]} from ${path.relative(repoRoot, vsix)} in ${Date.now() - t} ms`);
  if (options.api) {
    const harness = buildApiHarness(path.join(runDir, 'api-harness'));
    const r = spawnSync(node24, [codeServerEntry, ...common, '--install-extension', harness], { env, encoding: 'utf8' });
    if (r.status !== 0) fail(`installing the API harness failed:\n${r.stdout}\n${r.stderr}`);
  }

  const logFile = path.join(runDir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'w');
  t = Date.now();
  const server: ChildProcess = spawn(
    node24,
    [
      codeServerEntry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--reconnection-grace-time',
      '5',
      dirs.workspace,
    ],
    { env, detached: true, stdio: ['ignore', logFd, logFd] },
  );
  const stopServer = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', stopServer);
  process.on('SIGINT', () => process.exit(130));
  process.on('SIGTERM', () => process.exit(143));

  let context: BrowserContext | undefined;
  try {
    await waitFor(
      `code-server on port ${port}`,
      () => get(`http://127.0.0.1:${port}/healthz`),
      (s) => s === 200,
      60000,
    );
    const codeServerVersion = (
      JSON.parse(fs.readFileSync(path.join(path.dirname(codeServerEntry), '..', '..', 'package.json'), 'utf8')) as { version: string }
    ).version;
    console.log(`e2e: code-server ${codeServerVersion} up in ${Date.now() - t} ms`);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { chromium } = require(playwrightPath) as typeof import('playwright-core');
    context = await chromium.launchPersistentContext(dirs.profile, {
      executablePath: chromiumPath,
      headless: !process.env.E2E_HEADED,
      viewport: { width: 1440, height: 1000 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const page: Page = context.pages()[0] ?? (await context.newPage());
    const startedAt = Date.now();
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
    const docShots = process.env.E2E_SCREENSHOTS ? path.resolve(process.env.E2E_SCREENSHOTS) : undefined;
    const driver = new CodeServerDriver(page, dirs.workspace, docShots, dirs.userData);
    await driver.ready();
    console.log(`e2e: workbench loaded in ${Date.now() - startedAt} ms`);
    const ctx = context;
    return {
      page,
      driver,
      startedAt,
      logFile,
      stop: async () => {
        await ctx.close().catch(() => undefined);
        stopServer();
      },
    };
  } catch (e) {
    await context?.close().catch(() => undefined);
    stopServer();
    throw e;
  }
}

/** `--api`: the scenarios through the VS Code API driver (the one of test:vscode), in code-server. */
async function mainApi(): Promise<void> {
  let session: Session | undefined;
  let exitCode = 1;
  try {
    session = await startSession({ api: true });
    const text = await waitFor(
      'the API harness to finish',
      async () => (fs.existsSync(apiResults) ? fs.readFileSync(apiResults, 'utf8') : ''),
      (t) => /\nEND\n/.test(t),
      10 * 60 * 1000,
    );
    const body = text.replace(/END\n$/, '');
    process.stdout.write(body);
    const m = /(\d+) passed, (\d+) failed\s*$/.exec(body);
    exitCode = m && m[2] === '0' && m[1] !== '0' ? 0 : 1;
  } catch (e) {
    console.error(`e2e: ${(e as Error)?.stack ?? e}`);
    console.log('0 passed, 1 failed');
  } finally {
    await session?.stop();
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  if (process.argv.includes('--api')) return mainApi();
  let session: Session | undefined;
  let exitCode = 1;
  try {
    session = await startSession();
    const { page, driver, startedAt } = session;
    const result = await runScenarios(driver, {
      startedAt,
      only: process.env.E2E_ONLY,
      onFailure: async (scenario, error) => {
        const dir = path.join(resultsDir, scenario.name);
        fs.mkdirSync(dir, { recursive: true });
        await page.screenshot({ path: path.join(dir, 'failure.png') });
        fs.writeFileSync(path.join(dir, 'error.txt'), `${(error as Error)?.stack ?? error}\n`);
        console.log(`      screenshot: ${path.relative(repoRoot, path.join(dir, 'failure.png'))}`);
      },
    });
    printSummary('code-server + Chromium', result);
    exitCode = result.failed ? 1 : 0;
  } catch (e) {
    console.error(`e2e: ${(e as Error)?.stack ?? e}`);
    console.error(`code-server log: ${path.join(runDir, 'code-server.log')}`);
    console.log('0 passed, 1 failed');
    exitCode = 1;
  } finally {
    await session?.stop();
    if (!process.env.E2E_KEEP && exitCode === 0) fs.rmSync(runDir, { recursive: true, force: true });
  }
  process.exit(exitCode);
}

if (require.main === module) void main();
