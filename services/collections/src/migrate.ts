import { migrateMessaging } from '@lse/messaging';
import { Pool } from 'pg';
import { createCollectionsDataSource } from './read-models/data-source';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

export interface MigrateCollectionsOptions {
  connectionString: string;
  /** The collections schema; `collections` in every deployment, one per suite in tests. */
  schema?: string;
}

/**
 * Applies collections' migrations: its read models (TypeORM migrations) and the relay's checkpoint
 * table, both in the collections schema. Idempotent and safe for several starters (advisory lock).
 */
export async function migrateCollections(
  options: MigrateCollectionsOptions,
): Promise<{ readModels: string[]; messaging: string[] }> {
  const schema = options.schema ?? 'collections';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a valid schema name`);
  const pool = new Pool({ connectionString: options.connectionString, max: 2 });
  pool.on('error', () => undefined);
  try {
    const lock = await pool.connect();
    let readModels: string[];
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`collections-migrations:${schema}`]);
      await lock.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      const ds = createCollectionsDataSource({
        connectionString: options.connectionString,
        schema,
        poolMax: 1,
      });
      await ds.initialize();
      try {
        readModels = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
      } finally {
        await ds.destroy();
      }
    } finally {
      await lock
        .query('SELECT pg_advisory_unlock(hashtext($1))', [`collections-migrations:${schema}`])
        .catch(() => undefined);
      lock.release();
    }
    const messaging = await migrateMessaging(pool, schema);
    return { readModels, messaging };
  } finally {
    await pool.end();
  }
}
