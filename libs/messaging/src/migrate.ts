import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { applyMigrations } from '@lse/event-store';

/** The relay's own tables, in the service's schema. */
export async function migrateMessaging(pool: Pool, schema: string): Promise<string[]> {
  const dir = join(__dirname, 'migrations');
  const migrations = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((f) => ({ version: `messaging/${f.replace(/\.sql$/, '')}`, sql: readFileSync(join(dir, f), 'utf8') }));
  return applyMigrations(pool, schema, migrations);
}
