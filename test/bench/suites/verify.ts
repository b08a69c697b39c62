/**
 * Whole-store verification (`npm run cases -- verify`): every event's hash recomputed from its
 * stored row and each stream checked against its head, in events per second. The store holds
 * EVENTS events of the bench payload in streams of 50.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { migrate, PostgresEventStore } from '@lse/event-store';
import { execute, prepareBenchDatabase } from '../db';
import { defineSuite } from '../harness';
import { benchData, benchMetadata } from '../payload';

const SCHEMA = 'bench_verify';
const EVENTS = Number(process.env.BENCH_VERIFY_EVENTS ?? 100_000);

export default defineSuite({
  name: 'verify',
  async setup(settings) {
    await prepareBenchDatabase(settings.databaseUrl);
    await execute(settings.databaseUrl, `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    const pool = new Pool({ connectionString: settings.databaseUrl, max: 8 });
    try {
      await migrate(pool, SCHEMA);
      const store = new PostgresEventStore({ pool, schema: SCHEMA, service: 'bench' });
      let n = 0;
      await Promise.all(
        Array.from({ length: 8 }, async () => {
          while (n < EVENTS) {
            const caseId = randomUUID();
            n += 50;
            const events = Array.from({ length: 50 }, (_, i) => ({
              eventId: randomUUID(),
              type: 'ComplaintReceived',
              schemaVersion: 1,
              data: benchData(i),
              metadata: benchMetadata(caseId),
            }));
            await store.append(`complaint-${caseId}`, events, 'no_stream');
          }
        }),
      );
      await pool.query(`VACUUM ANALYZE ${SCHEMA}.events`);
    } finally {
      await pool.end();
    }
  },
  measurements: [
    {
      name: 'verify.all',
      unit: 'events/s',
      async measure(settings) {
        const pool = new Pool({ connectionString: settings.databaseUrl, max: 4 });
        const store = new PostgresEventStore({ pool, schema: SCHEMA, service: 'bench' });
        try {
          const start = performance.now();
          const report = await store.verifyAll();
          const seconds = (performance.now() - start) / 1000;
          if (!report.ok)
            throw new Error(`the bench store does not verify: ${JSON.stringify(report.firstBroken)}`);
          return report.eventsChecked / seconds;
        } finally {
          await pool.end();
        }
      },
    },
  ],
  goals: [{ name: 'verify.all', minValue: 300_000, source: 'issue 7' }],
});
