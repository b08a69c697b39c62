import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';

export const MIGRATIONS_DIR = join(__dirname, '..', 'migrations');

/**
 * Applies the gateway's versioned SQL files (`NNNN_name.sql`, in name order) that are not yet
 * recorded, each in its own transaction. An advisory lock makes concurrent start-ups safe.
 * Tables land in the pool's search_path (the test harness gives each suite its own schema).
 */
export async function migrateGateway(pool: Pool, dir = MIGRATIONS_DIR): Promise<string[]> {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  const client = await pool.connect();
  const applied: string[] = [];
  try {
    await client.query("SELECT pg_advisory_lock(hashtext('lse_gateway_migrations'))");
    await client.query(
      'CREATE TABLE IF NOT EXISTS gateway_schema_migrations (version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await client.query<{ version: string }>('SELECT version FROM gateway_schema_migrations')).rows.map(
        (r) => r.version,
      ),
    );
    for (const file of files) {
      const version = file.replace(/\.sql$/, '');
      if (done.has(version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(readFileSync(join(dir, file), 'utf8'));
        await client.query('INSERT INTO gateway_schema_migrations (version) VALUES ($1)', [version]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      applied.push(version);
    }
  } finally {
    await client
      .query("SELECT pg_advisory_unlock(hashtext('lse_gateway_migrations'))")
      .catch(() => undefined);
    client.release();
  }
  return applied;
}
