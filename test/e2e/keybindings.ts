/**
 * `npm run test:keybindings`: the extension's keybindings shadow none of VS Code's own defaults,
 * on macOS, Windows and Linux. The defaults are read from the real VS Code (code-server): a probe
 * extension opens VS Code's "Default Keyboard Shortcuts" document, in a browser that presents
 * itself as each platform in turn (the web workbench resolves keybindings for the platform the
 * browser reports), and the chords are compared with package.json's.
 * KEYBINDINGS_DUMP=<folder> keeps the three default documents there.
 */
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { waitFor } from './runner';
import { e2eTools, freePort, httpStatus } from './tools';

const repoRoot = path.resolve(__dirname, '..', '..', '..');

const PLATFORMS = {
  mac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  win: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
  linux: 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36',
} as const;
type Platform = keyof typeof PLATFORMS;

/** A chord as a canonical string: modifiers sorted, key last, parts of a two-step chord joined by a space. */
export function canonicalChord(key: string): string {
  return key
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .map((part) => {
      const keys = part.split('+');
      const main = keys.pop()!;
      return [...keys.map((k) => (k === 'option' ? 'alt' : k === 'win' || k === 'meta' ? 'meta' : k)).sort(), main].join('+');
    })
    .join(' ');
}

/** Our keybindings per platform, from package.json. */
export function ourChords(pkg: {
  contributes: { keybindings?: Array<Record<string, string>> };
}): Record<Platform, Array<{ command: string; chord: string }>> {
  const out: Record<Platform, Array<{ command: string; chord: string }>> = { mac: [], win: [], linux: [] };
  for (const kb of pkg.contributes.keybindings ?? []) {
    for (const p of Object.keys(out) as Platform[]) {
      const key = kb[p] ?? kb.key;
      if (key) out[p].push({ command: kb.command, chord: canonicalChord(key) });
    }
  }
  return out;
}

/** A probe extension that writes the default keybindings document of its window to a file. */
function buildProbe(dir: string, outDir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'keybindings-probe',
      publisher: 'resolution-drafting',
      version: '0.0.0',
      license: 'MIT',
      description: 'Writes the default keybindings of VS Code',
      engines: { vscode: '^1.90.0' },
      main: './index.js',
      activationEvents: ['onStartupFinished'],
    }),
  );
  fs.writeFileSync(path.join(dir, 'README.md'), '# probe\n');
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'MIT\n');
  fs.writeFileSync(
    path.join(dir, 'index.js'),
    `const fs = require('fs'); const path = require('path'); const vscode = require('vscode');
exports.activate = async () => {
  const out = ${JSON.stringify(outDir)};
  try {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse('vscode://defaultsettings/keybindings.json'));
    fs.writeFileSync(path.join(out, 'defaults-' + Date.now() + '.json'), doc.getText());
  } catch (e) {
    fs.writeFileSync(path.join(out, 'error-' + Date.now() + '.txt'), String((e && e.stack) || e));
  }
};
`,
  );
  const vsix = path.join(dir, '..', 'probe.vsix');
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['package', '--allow-missing-repository', '--out', vsix], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packaging the probe failed:\n${r.stdout}\n${r.stderr}`);
  return vsix;
}

/** The chords of a default keybindings document (JSON with comments). */
export function defaultChords(text: string): Map<string, string[]> {
  const json = text.replace(/^\s*\/\/.*$/gm, '').replace(/,(\s*[\]}])/g, '$1');
  const list = JSON.parse(json) as Array<{ key: string; command: string }>;
  const out = new Map<string, string[]>();
  for (const kb of list) {
    if (!kb.key || kb.command.startsWith('-')) continue;
    const c = canonicalChord(kb.key);
    out.set(c, [...(out.get(c) ?? []), kb.command]);
  }
  return out;
}

async function main(): Promise<void> {
  const tools = e2eTools();
  const run = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-keys-'));
  const dirs = {
    ext: path.join(run, 'ext'),
    data: path.join(run, 'data'),
    out: path.join(run, 'out'),
    ws: path.join(run, 'ws'),
    tmp: path.join(run, 'tmp'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  fs.mkdirSync(path.join(dirs.data, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.data, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'chat.disableAIFeatures': true,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
    }),
  );
  const env = { ...process.env, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: path.join(run, 'cfg'), XDG_DATA_HOME: path.join(run, 'xdg') };
  const port = await freePort();
  const common = ['--user-data-dir', dirs.data, '--extensions-dir', dirs.ext];
  const probe = buildProbe(path.join(run, 'probe'), dirs.out);
  const inst = spawnSync(tools.node24, [tools.codeServerEntry, ...common, '--install-extension', probe], { env, encoding: 'utf8' });
  if (inst.status !== 0) throw new Error(`installing the probe failed: ${inst.stderr}`);
  const server: ChildProcess = spawn(
    tools.node24,
    [
      tools.codeServerEntry,
      ...common,
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      dirs.ws,
    ],
    { env, detached: true, stdio: 'ignore' },
  );
  const stop = () => {
    try {
      if (server.pid) process.kill(-server.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  process.on('exit', stop);
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const ours = ourChords(pkg);
  let passed = 0;
  let failed = 0;
  try {
    await waitFor(
      'code-server',
      () => httpStatus(`http://127.0.0.1:${port}/healthz`),
      (s) => s === 200,
      60000,
    );
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time
    const { chromium } = require(tools.playwrightPath) as typeof import('playwright-core');
    const browser = await chromium.launch({
      executablePath: tools.chromiumPath,
      headless: true,
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
    for (const platform of Object.keys(PLATFORMS) as Platform[]) {
      const before = new Set(fs.readdirSync(dirs.out));
      const context = await browser.newContext({ userAgent: PLATFORMS[platform] });
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.ws)}`);
      const file = await waitFor(
        `the default keybindings as VS Code shows them on ${platform}`,
        async () => fs.readdirSync(dirs.out).find((f) => !before.has(f)),
        (f) => !!f,
        90000,
      );
      await context.close();
      const text = fs.readFileSync(path.join(dirs.out, file!), 'utf8');
      if (file!.startsWith('error')) throw new Error(text);
      if (process.env.KEYBINDINGS_DUMP) fs.writeFileSync(path.join(process.env.KEYBINDINGS_DUMP, `${platform}.json`), text);
      const defaults = defaultChords(text);
      console.log(`  ${platform}: ${defaults.size} default chords read from VS Code`);
      if (defaults.size < 300) throw new Error(`too few default keybindings read on ${platform} (${defaults.size})`);
      for (const { command, chord } of ours[platform]) {
        // A two-step chord also shadows a default that is its first step.
        const first = chord.split(' ')[0];
        const clash = defaults.get(chord) ?? (chord.includes(' ') ? defaults.get(first) : undefined);
        if (clash) {
          failed++;
          console.log(`  ✗ ${platform}: ${command} on ${chord} shadows ${clash.join(', ')}`);
        } else {
          passed++;
          console.log(`  ✓ ${platform}: ${command} on ${chord} is free`);
        }
      }
    }
    await browser.close();
  } catch (e) {
    console.error(`keybindings: ${(e as Error).stack ?? e}`);
    failed++;
  } finally {
    stop();
    fs.rmSync(run, { recursive: true, force: true });
  }
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

if (require.main === module) void main();
