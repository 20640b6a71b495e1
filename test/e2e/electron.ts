/**
 * `npm run test:vscode`: the shared scenarios in desktop VS Code through @vscode/test-electron.
 * Uses VSCODE_EXECUTABLE when set, otherwise tries to download VS Code; where neither works
 * (no desktop VS Code on this machine, no network) it says plainly that it did not run and exits 0.
 * The extension is installed from the freshly built .vsix into a fresh extensions folder.
 */
import * as cp from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

import { prepareWorkspace } from './workspace';
const repoRoot = path.resolve(__dirname, '..', '..', '..');
const runDir = path.join(repoRoot, '.e2e', 'electron');
const vsix = path.join(repoRoot, 'dist', 'resolution-drafting.vsix');

function notRun(reason: string): never {
  console.log(`test:vscode was NOT run: ${reason}`);
  console.log('Set VSCODE_EXECUTABLE to a desktop VS Code binary (e.g. /usr/share/code/code) to run these scenarios there;');
  console.log('the same scenarios run in the real VS Code through code-server with `npm run test:e2e`.');
  process.exit(0);
}

async function main(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const te = require('@vscode/test-electron') as typeof import('@vscode/test-electron');
  let executable = process.env.VSCODE_EXECUTABLE;
  if (executable && !fs.existsSync(executable)) notRun(`VSCODE_EXECUTABLE=${executable} does not exist`);
  if (!executable) {
    try {
      executable = await te.downloadAndUnzipVSCode({ version: 'stable', timeout: 20000 });
    } catch (e) {
      notRun(
        `no desktop VS Code could be downloaded (${String((e as Error)?.message ?? e).split('\n')[0]}) and VSCODE_EXECUTABLE is not set`,
      );
    }
  }
  if (!fs.existsSync(vsix)) {
    console.error(`${vsix} not found: run \`npm run package\` first`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  fs.rmSync(runDir, { recursive: true, force: true });
  const dirs = {
    userData: path.join(runDir, 'user-data'),
    ext: path.join(runDir, 'extensions'),
    workspace: path.join(runDir, 'workspace'),
    harness: path.join(runDir, 'harness'),
  };
  for (const d of Object.values(dirs)) fs.mkdirSync(d, { recursive: true });
  prepareWorkspace(repoRoot, dirs.workspace);
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(dirs.userData, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'security.workspace.trust.enabled': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
    }),
  );
  // The extension under test comes from the .vsix; the development path is only a harness that loads the suite.
  fs.writeFileSync(
    path.join(dirs.harness, 'package.json'),
    JSON.stringify({
      name: 'resolution-e2e-harness',
      publisher: 'resolution-drafting',
      version: '0.0.0',
      engines: { vscode: '^1.90.0' },
      main: './index.js',
    }),
  );
  fs.writeFileSync(path.join(dirs.harness, 'index.js'), 'exports.activate = () => undefined;\n');
  const [cli, ...cliArgs] = te.resolveCliArgsFromVSCodeExecutablePath(executable!, { reuseMachineInstall: true });
  const inst = cp.spawnSync(
    cli,
    [...cliArgs, '--extensions-dir', dirs.ext, '--user-data-dir', dirs.userData, '--install-extension', vsix],
    {
      encoding: 'utf8',
      shell: process.platform === 'win32',
    },
  );
  if (inst.status !== 0) {
    console.error(`installing the .vsix failed:\n${inst.stdout}\n${inst.stderr}`);
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
  try {
    await te.runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: dirs.harness,
      extensionTestsPath: path.join(__dirname, 'electronSuite.js'),
      launchArgs: [
        dirs.workspace,
        '--extensions-dir',
        dirs.ext,
        '--user-data-dir',
        dirs.userData,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
      ],
    });
  } catch (e) {
    console.error(`test:vscode failed: ${(e as Error)?.message ?? e}`);
    process.exit(1);
  }
}

void main();
