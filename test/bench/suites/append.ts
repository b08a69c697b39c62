/**
 * Event-store appends through the PostgreSQL adapter, compared with raw pgbench INSERTs of the
 * same payload into an equivalent table (suites/pgbench.ts), measured in the same run.
 *
 * Each writer appends to streams of its own with exact expected versions, starting a new stream
 * every 50 events (a case's stream rarely grows longer), so there is no contention on a stream:
 * what is measured is the store's own cost and any global serialization point it may have.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { migrate, NewEvent, PostgresEventStore } from '@lse/event-store';
import { execute, prepareBenchDatabase, resetTables } from '../db';
import { BenchSettings, defineSuite, Measurement } from '../harness';
import { benchData, benchMetadata } from '../payload';

const SCHEMA = 'bench_store';
const EVENTS_PER_STREAM = 50;
let tables: string[] = [];

function event(caseId: string, seq: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ComplaintReceived',
    schemaVersion: 1,
    data: benchData(seq),
    metadata: benchMetadata(caseId),
  };
}

/** Events appended per second by `writers` concurrent writers, `batch` events per append. */
async function appendRate(
  settings: BenchSettings,
  writers: number,
  batch: number,
  groupCommit = false,
): Promise<number> {
  await resetTables(settings.databaseUrl, tables);
  const pool = new Pool({ connectionString: settings.databaseUrl, max: writers === 1 ? 1 : 16 });
  const store = new PostgresEventStore({
    pool,
    schema: SCHEMA,
    service: 'bench',
    categories: ['bench'],
    groupCommit,
  });
  try {
    // Open every connection before the clock starts (pgbench does not count connecting either).
    const clients = await Promise.all(Array.from({ length: Math.min(writers, 16) }, () => pool.connect()));
    for (const c of clients) c.release();

    let appended = 0;
    const start = performance.now();
    const deadline = start + settings.seconds * 1000;
    const writer = async (): Promise<void> => {
      let seq = 0;
      while (performance.now() < deadline) {
        const caseId = randomUUID();
        const streamId = `bench-${caseId}`;
        let version = 0;
        while (version < EVENTS_PER_STREAM && performance.now() < deadline) {
          const events = Array.from({ length: batch }, () => event(caseId, ++seq));
          const result = await store.append(streamId, events, version === 0 ? 'no_stream' : version);
          version = result.nextExpectedVersion;
          appended += batch;
        }
      }
    };
    await Promise.all(Array.from({ length: writers }, writer));
    return appended / ((performance.now() - start) / 1000);
  } finally {
    await store.close();
    await pool.end();
  }
}

function appendMeasurement(
  name: string,
  writers: number,
  batch: number,
  baseline: string,
  groupCommit = false,
): Measurement {
  return {
    name,
    unit: 'events/s',
    baseline,
    measure: (settings) => appendRate(settings, writers, batch, groupCommit),
  };
}

export default defineSuite({
  name: 'append',
  async setup(settings) {
    await prepareBenchDatabase(settings.databaseUrl);
    // A fresh schema each time, so that the benchmark always runs the current migrations.
    await execute(settings.databaseUrl, `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    const pool = new Pool({ connectionString: settings.databaseUrl, max: 1 });
    try {
      await migrate(pool, SCHEMA);
      const { rows } = await pool.query<{ tablename: string }>(
        `SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename <> 'schema_migrations'`,
        [SCHEMA],
      );
      tables = rows.map((r) => `${SCHEMA}.${r.tablename}`);
    } finally {
      await pool.end();
    }
  },
  measurements: [
    appendMeasurement('append.single.c1', 1, 1, 'pgbench.insert1.c1'),
    appendMeasurement('append.single.c16', 16, 1, 'pgbench.insert1.c16'),
    appendMeasurement('append.batch10.c16', 16, 10, 'pgbench.insert10.c16'),
    appendMeasurement('append.single.c16.group', 16, 1, 'pgbench.insert1.c16', true),
    appendMeasurement('append.batch10.c16.group', 16, 10, 'pgbench.insert10.c16', true),
  ],
  goals: [
    { name: 'append.single.c16', minRatio: 0.5, source: 'issue 2' },
    { name: 'append.batch10.c16', minRatio: 0.6, source: 'issue 2' },
    // No global serialization point: 16 writers append at least 3 times what one does.
    { name: 'append.single.c16', relativeTo: 'append.single.c1', minRatio: 3, source: 'issue 2' },
  ],
});
