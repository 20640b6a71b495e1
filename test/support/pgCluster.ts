/**
 * A throwaway PostgreSQL cluster for tests and benchmarks: initdb in a temporary folder, started
 * with pg_ctl on a Unix socket in that folder only (no TCP: listen_addresses=''), stopped and
 * deleted afterwards. The server binaries are looked up in PG_BIN, then /usr/lib/postgresql/<v>/bin
 * (Debian's `postgresql` package), then PATH. PostgreSQL refuses to run as root: as root the
 * cluster runs as the `postgres` user.
 *
 * The role `drafter` must give a password (scram-sha-256); every other role is trusted.
 *
 * RESOLUTION_TEST_PG=postgres://… uses an existing database instead (nothing is started).
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export interface PgCluster {
  /** A connection string to a fresh, empty database of the cluster. */
  connectionString: string;
  /** Creates another empty database and returns its connection string. */
  createDatabase(name: string): string;
  stop(): void;
}

/** The folder of initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function findPgBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  const debian = '/usr/lib/postgresql';
  if (fs.existsSync(debian)) {
    for (const v of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a))) candidates.push(path.join(debian, v, 'bin'));
  }
  for (const p of (process.env.PATH ?? '').split(path.delimiter)) if (p) candidates.push(p);
  return candidates.find((d) => fs.existsSync(path.join(d, 'initdb')) && fs.existsSync(path.join(d, 'pg_ctl')));
}

/** Why the PostgreSQL tests cannot run here, or undefined when they can. */
export function pgUnavailableReason(): string | undefined {
  if (process.env.RESOLUTION_TEST_PG) return undefined;
  if (!findPgBin()) return "no PostgreSQL server binaries (initdb, pg_ctl) found: install Debian's `postgresql` package or set PG_BIN";
  if (process.getuid?.() === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no `postgres` user to run the server as';
    }
  }
  return undefined;
}

function freePortGuess(): number {
  // The socket lives in a private folder, so the port only names the socket file; any will do.
  return 40000 + (process.pid % 20000);
}

export function startCluster(): PgCluster {
  const external = process.env.RESOLUTION_TEST_PG;
  if (external) {
    return { connectionString: external, createDatabase: () => external, stop: () => undefined };
  }
  const bin = findPgBin();
  if (!bin) throw new Error(pgUnavailableReason());
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'resolution-pg-'));
  const data = path.join(dir, 'data');
  const port = freePortGuess();
  const run = (exe: string, args: string[]) => {
    const cmd = path.join(bin, exe);
    if (asRoot) return execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe', cwd: dir }).toString();
    return execFileSync(cmd, args, { stdio: 'pipe', cwd: dir }).toString();
  };
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  fs.chmodSync(dir, 0o700);
  run('initdb', ['-D', data, '-U', 'resolution', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  // One role signs in with a password (scram-sha-256), as drafters do on a shared server; the rest are trusted.
  const hba = path.join(data, 'pg_hba.conf');
  fs.writeFileSync(hba, `local all drafter scram-sha-256\n${fs.readFileSync(hba, 'utf8')}`);
  const opts = `-c listen_addresses='' -k ${dir} -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=128MB`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const url = (db: string) => `postgres://resolution@localhost/${db}?host=${encodeURIComponent(dir)}&port=${port}`;
  const createDatabase = (name: string) => {
    run('createdb', ['-h', dir, '-p', String(port), '-U', 'resolution', name]);
    return url(name);
  };
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      /* already stopped */
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stop);
  return { connectionString: createDatabase('resolution_test'), createDatabase, stop };
}
