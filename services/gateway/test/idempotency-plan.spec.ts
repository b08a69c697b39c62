import { Pool } from 'pg';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { planEachExecution } from '../src/database/pool';
import { migrateGateway } from '../src/database/migrate';
import { IdempotencyStore } from '../src/idempotency/idempotency.store';

/**
 * Completing a request finds its row by the primary key however large the table has grown since
 * the connection first ran the statement: a plan kept from an empty table scanned the whole table
 * for every batch, and command throughput fell as the table grew.
 */
describe('idempotency writes as the table grows', () => {
  let db: TestSchema;
  let pool: Pool;
  beforeAll(async () => {
    db = await createTestSchema('gwplan');
    await migrateGateway(db.pool);
    // One connection, so every statement below shares its plan cache, configured as the gateway's.
    pool = new Pool({ ...planEachExecution(db.url, `-c search_path=${db.schema},public`), max: 1 });
  });
  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  const seqScans = async () => {
    await pool.query('SELECT pg_stat_force_next_flush()');
    await pool.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await pool.query<{ n: string }>(
      `SELECT seq_scan AS n FROM pg_stat_user_tables WHERE relid = 'gateway_idempotency'::regclass`,
    );
    return Number(rows[0].n);
  };
  const roundTrip = async (store: IdempotencyStore, key: string) => {
    await store.begin({ subject: 's', key, method: 'POST', path: '/x', requestHash: 'h' });
    await store.complete('s', key, { status: 201, headers: {}, body: null });
  };

  it('scans no table to complete requests once it holds 20,000 rows', async () => {
    const store = new IdempotencyStore(pool);
    // Enough executions on the empty table for PostgreSQL to settle on a plan for it.
    for (let i = 0; i < 10; i++) await roundTrip(store, `early-${i}`);
    await pool.query(
      `INSERT INTO gateway_idempotency (subject, key, method, path, request_hash, state)
       SELECT 'other', 'k' || i, 'POST', '/x', 'h', 'completed' FROM generate_series(1, 20000) i`,
    );
    const before = await seqScans();
    for (let i = 0; i < 10; i++) await roundTrip(store, `late-${i}`);
    expect((await seqScans()) - before).toBe(0);
    const { rows } = await pool.query<{ n: string }>(
      `SELECT count(*) AS n FROM gateway_idempotency WHERE key LIKE 'late-%' AND state = 'completed'`,
    );
    expect(Number(rows[0].n)).toBe(10);
  });
});
