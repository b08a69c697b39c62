/**
 * `npm run migrate`: creates the database if needed and applies every pending migration of the
 * event store (and of each service that registers its own, as they are added).
 */
import { Pool } from 'pg';
import { ensureDatabase } from '@lse/testing';
import { migrate } from '../postgres/migrate';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/lse';
  await ensureDatabase(url);
  const pool = new Pool({ connectionString: url, max: 2 });
  try {
    const applied = await migrate(pool, process.env.EVENT_STORE_SCHEMA ?? 'event_store');
    process.stdout.write(
      applied.length ? `event store: applied ${applied.join(', ')}\n` : 'event store: up to date\n',
    );
  } finally {
    await pool.end();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`migrate failed: ${err.message}\n`);
  process.exit(1);
});
