import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';

const MIGRATIONS_DIR = join(__dirname, 'migrations');
const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;
// Two-int advisory lock key space: [event store, migrations]. Other users pick other pairs.
const MIGRATION_LOCK = [0x4c53, 1] as const;

export interface Migration {
  version: string;
  sql: string;
}

/** The store's versioned SQL migrations, in order (file name = version). */
export function eventStoreMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(join(MIGRATIONS_DIR, f), 'utf8') }));
}

export function assertSchemaName(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a valid schema name`);
  return schema;
}

/**
 * Applies the migrations not yet recorded in `<schema>.schema_migrations`, each in its own
 * transaction, under an advisory lock so that concurrent starters do not race. Idempotent.
 */
export async function migrate(pool: Pool, schema = 'event_store'): Promise<string[]> {
  return applyMigrations(pool, assertSchemaName(schema), eventStoreMigrations());
}

export async function applyMigrations(
  pool: Pool,
  schema: string,
  migrations: Migration[],
): Promise<string[]> {
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await client.query(
        `CREATE TABLE IF NOT EXISTS ${schema}.schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
      );
      const done = new Set(
        (await client.query<{ version: string }>(`SELECT version FROM ${schema}.schema_migrations`)).rows.map(
          (r) => r.version,
        ),
      );
      for (const m of migrations) {
        if (done.has(m.version)) continue;
        await inTransaction(client, async () => {
          await client.query(m.sql.replaceAll('${schema}', schema));
          await client.query(`INSERT INTO ${schema}.schema_migrations (version) VALUES ($1)`, [m.version]);
        });
        applied.push(m.version);
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
  return applied;
}

async function inTransaction(client: PoolClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK');
    throw err;
  }
}
