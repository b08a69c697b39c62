import { migrateMessaging } from '@lse/messaging';
import { Pool } from 'pg';
import { createAuditDataSource } from './timeline/data-source';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;

/**
 * Applies audit's TypeORM migrations and the relay's checkpoint table (libs/messaging) in its
 * schema (idempotent; an advisory lock per schema makes several starters safe). `npm run migrate`
 * calls this.
 */
export async function migrateAudit(options: {
  connectionString: string;
  schema?: string;
}): Promise<string[]> {
  const schema = options.schema ?? 'audit';
  if (!SCHEMA_NAME.test(schema)) throw new Error(`"${schema}" is not a valid schema name`);
  const pool = new Pool({ connectionString: options.connectionString, max: 2 });
  pool.on('error', () => undefined);
  try {
    const lock = await pool.connect();
    try {
      await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`audit-migrations:${schema}`]);
      await lock.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      const ds = createAuditDataSource({ connectionString: options.connectionString, schema, poolMax: 1 });
      await ds.initialize();
      let applied: string[];
      try {
        applied = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
      } finally {
        await ds.destroy();
      }
      return [...applied, ...(await migrateMessaging(pool, schema))];
    } finally {
      await lock
        .query('SELECT pg_advisory_unlock(hashtext($1))', [`audit-migrations:${schema}`])
        .catch(() => undefined);
      lock.release();
    }
  } finally {
    await pool.end();
  }
}
