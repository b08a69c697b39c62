import { randomBytes } from 'node:crypto';
import { Client, Pool, PoolConfig } from 'pg';
import { testDatabaseUrl } from './connection';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

/** Creates the database named in the URL when it does not exist (parallel callers are fine). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((err: { code?: string }) => {
        if (err.code !== DUPLICATE_DATABASE && err.code !== UNIQUE_VIOLATION) throw err;
      });
    }
  } finally {
    await client.end();
  }
}

export interface TestSchema {
  /** A fresh schema, unique to this suite, so suites can run in parallel. */
  schema: string;
  url: string;
  pool: Pool;
  /** Drops the schema and closes the pool. */
  drop(): Promise<void>;
}

/**
 * A schema of its own for one suite in the test database. The pool's search_path points at it,
 * so unqualified SQL lands there too.
 */
export async function createTestSchema(prefix = 't', poolConfig: PoolConfig = {}): Promise<TestSchema> {
  const url = testDatabaseUrl();
  await ensureDatabase(url);
  const schema = `${prefix}_${randomBytes(6).toString('hex')}`.toLowerCase();
  const pool = new Pool({
    connectionString: url,
    max: 20,
    options: `-c search_path=${schema},public`,
    ...poolConfig,
  });
  await pool.query(`CREATE SCHEMA ${schema}`);
  let dropped = false;
  return {
    schema,
    url,
    pool,
    async drop() {
      if (dropped) return;
      dropped = true;
      try {
        await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await pool.end();
      }
    },
  };
}
