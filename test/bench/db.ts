import { spawn } from 'node:child_process';
import { Client } from 'pg';
import { ensureDatabase } from '@lse/testing';

export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/lse_bench';

/** The benchmark's own database, so that benchmarks never touch development or test data. */
export function benchDatabaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
}

export async function prepareBenchDatabase(url: string): Promise<void> {
  await ensureDatabase(url);
}

/** Runs statements on a short-lived connection. */
export async function execute(url: string, ...statements: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function serverVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0].server_version;
  } finally {
    await client.end();
  }
}

/**
 * Empties tables (and restarts their identities) and then checkpoints, so that every measurement
 * starts from the same state: no leftover rows, no dirty buffers from the previous one.
 */
export async function resetTables(url: string, tables: readonly string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    if (tables.length) await client.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY`);
    // CHECKPOINT needs superuser or pg_checkpoint; without it measurements are only noisier.
    await client.query('CHECKPOINT').catch(() => undefined);
  } finally {
    await client.end();
  }
}

/**
 * Waits (at most `maxMs`) until no autovacuum worker runs, then checkpoints. A suite's work (tens of thousands of rows written,
 * service processes just stopped) leaves vacuum and writeback running for seconds, which the
 * next suite would otherwise measure as its own tail latency. Returns the milliseconds waited.
 */
export async function settle(url: string, maxMs = 30_000): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const start = Date.now();
  try {
    for (;;) {
      const { rows } = await client.query<{ busy: string }>(
        `SELECT count(*) AS busy FROM pg_stat_activity
          WHERE backend_type = 'autovacuum worker'`,
      );
      if (Number(rows[0].busy) === 0 || Date.now() - start > maxMs) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    await client.query('CHECKPOINT').catch(() => undefined);
    return Date.now() - start;
  } finally {
    await client.end();
  }
}

/** libpq environment for command-line tools (pgbench, psql) from a connection URL. */
export function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.hostname) env.PGHOST = decodeURIComponent(u.hostname);
  if (u.port) env.PGPORT = u.port;
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  env.PGDATABASE = decodeURIComponent(u.pathname.slice(1));
  for (const [key, value] of u.searchParams) {
    if (key === 'sslmode') env.PGSSLMODE = value;
  }
  return env;
}

export interface CommandOutput {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function run(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<CommandOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
