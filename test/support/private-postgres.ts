import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { freePort } from '@lse/testing';

export interface PrivatePostgres {
  /** postgres://postgres@127.0.0.1:<port>/postgres; change the path for another database. */
  url: string;
  port: number;
  /** `pg_ctl stop -m immediate` (every backend killed, crash recovery on start) and start again. */
  restartImmediate(): Promise<void>;
  stop(): Promise<void>;
  /** Synchronous immediate stop and removal, for a process 'exit' handler. */
  stopNow(): void;
}

/** The newest PostgreSQL server binaries on this machine (Debian keeps them out of PATH). */
export function postgresBinDir(): string | undefined {
  if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl')) && existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

/**
 * A PostgreSQL cluster of a suite's own (initdb under a temp dir, a free loopback port), so a fault
 * test can restart it in immediate mode without touching the shared cluster other suites use.
 * initdb refuses to run as root; as root the cluster is run by the `postgres` OS user.
 * Returns undefined when no server binaries are installed.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres | undefined> {
  const bin = postgresBinDir();
  if (!bin) return undefined;
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'lse-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const cmd = join(bin, tool);
    // runuser keeps the environment small and needs no password; only root takes this path.
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];
    return execFileSync(file, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: dir,
      timeout: 120_000,
    }).toString();
  };
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o700);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  writeFileSync(
    join(data, 'postgresql.auto.conf'),
    [
      `port = ${port}`,
      `unix_socket_directories = '${dir}'`,
      "listen_addresses = '127.0.0.1'",
      'max_connections = 200',
      'shared_buffers = 64MB',
      // A process crash (what immediate mode is) loses nothing with fsync off: the WAL is in the
      // OS page cache. Only a machine crash would need it, and this cluster is gone after the test.
      'fsync = off',
      'logging_collector = off',
      '',
    ].join('\n'),
  );
  if (asRoot) {
    const { uid, gid } = userIds('postgres');
    chownSync(join(data, 'postgresql.auto.conf'), uid, gid);
  }
  const logFile = join(dir, 'server.log');
  const start = async () => {
    run('pg_ctl', ['-D', data, '-l', logFile, '-w', '-t', '60', 'start']);
    await waitAccepting(url, 60_000);
  };
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await start();
  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    try {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch {
      // already down
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return {
    url,
    port,
    async restartImmediate() {
      run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      await start();
    },
    stop: async () => stopNow(),
    stopNow,
  };
}

function userIds(name: string): { uid: number; gid: number } {
  const out = execFileSync('id', [name]).toString();
  const uid = Number(/uid=(\d+)/.exec(out)?.[1]);
  const gid = Number(/gid=(\d+)/.exec(out)?.[1]);
  if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error(`no OS user ${name}`);
  return { uid, gid };
}

async function waitAccepting(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
