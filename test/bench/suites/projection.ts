/**
 * Projection rebuild into PostgreSQL (issue 8): audit's case timeline rebuilt from position 0 by
 * the code `npm run cases -- rebuild timeline` runs (rebuildTimeline, audit's own projector), over
 * a store of EVENTS events in events/s. The store holds cases as the services write them: each case
 * a complaint stream and an investigation stream of EVENTS_PER_STREAM events each, every event
 * with its case id (so each becomes a timeline row). Baseline for context: raw pgbench 10-row
 * inserts at 16 clients from the same run.
 *
 * The seeded store is kept between runs of the bench (schema bench_projection) while its size and
 * the event store's migrations are unchanged: seeding 100k events through the store takes longer
 * than the measurement.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { migrateAudit } from '@lse/audit/src/migrate';
import { createAuditDataSource } from '@lse/audit/src/read-models/data-source';
import { rebuildTimeline } from '@lse/audit/src/read-models/projector';
import { migrate, PostgresEventStore, type NewEvent } from '@lse/event-store';
import { execute, prepareBenchDatabase } from '../db';
import { defineSuite } from '../harness';
import { benchData, benchMetadata } from '../payload';

const STORE_SCHEMA = 'bench_projection';
const AUDIT_SCHEMA = 'bench_projection_audit';
const EVENTS = Number(process.env.BENCH_PROJECTION_EVENTS ?? 100_000);
const EVENTS_PER_STREAM = 10;
const STREAMS: Array<{ category: string; types: string[]; source: string }> = [
  {
    category: 'complaint',
    types: ['ComplaintReceived', 'JurisdictionAssessed', 'LimitationsAssessed', 'TriageScored', 'CaseOpened'],
    source: 'intake',
  },
  {
    category: 'investigation',
    types: [
      'InvestigationOpened',
      'InvestigatorAssigned',
      'EvidenceRecorded',
      'HoursRecorded',
      'FindingsProposed',
    ],
    source: 'investigation',
  },
];

let dataSource: DataSource | undefined;
let pool: Pool | undefined;
let store: PostgresEventStore | undefined;

function streamEvents(caseId: string, stream: (typeof STREAMS)[number]): NewEvent[] {
  return Array.from({ length: EVENTS_PER_STREAM }, (_, i) => ({
    eventId: randomUUID(),
    type: stream.types[i % stream.types.length],
    schemaVersion: 1,
    data: benchData(i),
    metadata: { ...benchMetadata(caseId), sourceService: stream.source },
  }));
}

async function seed(db: Pool): Promise<void> {
  const writer = new PostgresEventStore({
    pool: db,
    schema: STORE_SCHEMA,
    service: 'bench',
    categories: STREAMS.map((s) => s.category),
  });
  const cases = Math.ceil(EVENTS / (EVENTS_PER_STREAM * STREAMS.length));
  let started = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (started < cases) {
        started++;
        const caseId = randomUUID();
        for (const stream of STREAMS)
          await writer.append(`${stream.category}-${caseId}`, streamEvents(caseId, stream), 'no_stream');
      }
    }),
  );
  await db.query(`VACUUM ANALYZE ${STORE_SCHEMA}.events`);
}

/** True when the store holds the seeded events under the current migrations. */
async function seeded(db: Pool): Promise<boolean> {
  const applied = await migrate(db, STORE_SCHEMA);
  if (applied.length) return false;
  const { rows } = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${STORE_SCHEMA}.events`);
  return (
    Number(rows[0].n) ===
    Math.ceil(EVENTS / (EVENTS_PER_STREAM * STREAMS.length)) * EVENTS_PER_STREAM * STREAMS.length
  );
}

export default defineSuite({
  name: 'projection',
  async setup(settings) {
    await prepareBenchDatabase(settings.databaseUrl);
    pool = new Pool({ connectionString: settings.databaseUrl, max: 8 });
    if (!(await seeded(pool).catch(() => false))) {
      process.stderr.write(
        `         projection: seeding ${EVENTS} events into ${STORE_SCHEMA} (kept for later runs)\n`,
      );
      await execute(settings.databaseUrl, `DROP SCHEMA IF EXISTS ${STORE_SCHEMA} CASCADE`);
      await migrate(pool, STORE_SCHEMA);
      await seed(pool);
    }
    await execute(settings.databaseUrl, `DROP SCHEMA IF EXISTS ${AUDIT_SCHEMA} CASCADE`);
    await migrateAudit({ connectionString: settings.databaseUrl, schema: AUDIT_SCHEMA });
    dataSource = createAuditDataSource({
      connectionString: settings.databaseUrl,
      schema: AUDIT_SCHEMA,
      poolMax: 2,
    });
    await dataSource.initialize();
    store = new PostgresEventStore({ pool, schema: STORE_SCHEMA, service: 'audit' });
  },
  async teardown() {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await pool?.end();
    dataSource = pool = store = undefined;
  },
  measurements: [
    {
      name: 'projection.rebuild',
      unit: 'events/s',
      baseline: 'pgbench.insert10.c16',
      async measure() {
        const start = performance.now();
        const done = await rebuildTimeline(dataSource!, store!);
        const seconds = (performance.now() - start) / 1000;
        const { rows } = await pool!.query<{ n: string }>(
          `SELECT count(*)::text AS n FROM ${AUDIT_SCHEMA}.case_timeline`,
        );
        if (done.events < EVENTS || Number(rows[0].n) !== done.events)
          throw new Error(
            `rebuilt ${rows[0].n} timeline rows from ${done.events} events, expected ${EVENTS}`,
          );
        return done.events / seconds;
      },
    },
  ],
  goals: [{ name: 'projection.rebuild', minValue: 25_000, source: 'issue 8' }],
});
