import { migrateMessaging } from '@lse/messaging';
import { Pool } from 'pg';
import { createInvestigationDataSource } from './read-models/data-source';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

export interface MigrateInvestigationOptions {
  connectionString: string;
  /** The investigation schema; `investigation` in every deployment, one per suite in tests. */
  schema?: string;
}

/**
 * Applies the investigation migrations: read models (TypeORM migrations, run programmatically) and
 * the relay's checkpoint table from libs/messaging, both in the investigation schema. Idempotent
 * and safe for several starters at once (an advisory lock per schema). `npm run migrate` calls this.
 */
export async function migrateInvestigation(
  options: MigrateInvestigationOptions,
): Promise<{ readModels: string[]; messaging: string[] }> {
  const schema = options.schema ?? 'investigation';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a valid schema name`);
  const pool = new Pool({ connectionString: options.connectionString, max: 2 });
  pool.on('error', () => undefined);
  try {
    const lock = await pool.connect();
    let readModels: string[];
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`investigation-migrations:${schema}`]);
      await lock.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      const ds = createInvestigationDataSource({
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
        .query('SELECT pg_advisory_unlock(hashtext($1))', [`investigation-migrations:${schema}`])
        .catch(() => undefined);
      lock.release();
    }
    const messaging = await migrateMessaging(pool, schema);
    return { readModels, messaging };
  } finally {
    await pool.end();
  }
}
