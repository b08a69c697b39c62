import { Pool } from 'pg';
import type { DataSource } from 'typeorm';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

export interface ServiceSchemaMigration {
  /** Names the advisory lock: `<service>-migrations:<schema>`. */
  service: string;
  connectionString: string;
  schema: string;
  /** The service's TypeORM data source on `schema` (read models; migrations only, never synchronize). */
  dataSource(options: { connectionString: string; schema: string; poolMax: number }): DataSource;
  /** More migrations in the same schema once the read models are done (e.g. the relay's checkpoints). */
  then?(pool: Pool, schema: string): Promise<string[]>;
}

/**
 * Applies a service's migrations in its schema: its TypeORM read-model migrations, then `then`.
 * Idempotent, and safe for several starters at once (an advisory lock per service and schema).
 */
export async function migrateServiceSchema(
  m: ServiceSchemaMigration,
): Promise<{ readModels: string[]; then: string[] }> {
  if (!SCHEMA_NAME.test(m.schema)) throw new Error(`"${m.schema}" is not a valid schema name`);
  const lockName = `${m.service}-migrations:${m.schema}`;
  const pool = new Pool({ connectionString: m.connectionString, max: 2 });
  pool.on('error', () => undefined);
  try {
    const lock = await pool.connect();
    let readModels: string[];
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [lockName]);
      await lock.query(`CREATE SCHEMA IF NOT EXISTS ${m.schema}`);
      const ds = m.dataSource({ connectionString: m.connectionString, schema: m.schema, poolMax: 1 });
      await ds.initialize();
      try {
        readModels = (await ds.runMigrations({ transaction: 'each' })).map((x) => x.name);
      } finally {
        await ds.destroy();
      }
    } finally {
      await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [lockName]).catch(() => undefined);
      lock.release();
    }
    return { readModels, then: m.then ? await m.then(pool, m.schema) : [] };
  } finally {
    await pool.end();
  }
}
