/**
 * A case's state as of now, as an auditor asks for it: read every event of the case, check each
 * stream's hash chain and fold it with the owning decider (intake's evolve). p99 in ms over
 * repeated replays of a 1,000-event and a 10,000-event case.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { COMPLAINT_EVENTS, complaintStreamId, type ComplaintEvent } from '@lse/contracts';
import { migrate, PostgresEventStore, type NewEvent } from '@lse/event-store';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { caseStateAsOf } from '@lse/audit/src/replay/case-state';
import { execute, prepareBenchDatabase } from '../db';
import { BenchSettings, defineSuite } from '../harness';

const SCHEMA = 'bench_replay';
const cases: Record<number, string> = {};

function event(caseId: string, e: ComplaintEvent): NewEvent {
  return (COMPLAINT_EVENTS[e.type] as { create(input: unknown): NewEvent }).create({
    eventId: randomUUID(),
    data: e.data,
    metadata: {
      caseId,
      actor: { id: 'officer-1', role: 'intake_officer' },
      correlationId: randomUUID(),
      sourceService: 'intake',
      occurredAt: '2026-01-16T09:00:00.000Z',
    },
  });
}

async function seed(store: PostgresEventStore, size: number): Promise<string> {
  const caseId = randomUUID();
  const all: NewEvent[] = [event(caseId, { type: 'ComplaintReceived', data: receivedComplaint() })];
  for (let i = 1; i < size; i++)
    all.push(
      event(caseId, {
        type: 'JurisdictionAssessed',
        data: { inJurisdiction: true, statutes: ['FLSA'], reason: `Re-assessed after interview ${i}.` },
      }),
    );
  for (let at = 0; at < all.length; at += 500)
    await store.append(complaintStreamId(caseId), all.slice(at, at + 500), at);
  return caseId;
}

async function p99(settings: BenchSettings, size: number): Promise<number> {
  const pool = new Pool({ connectionString: settings.databaseUrl, max: 2 });
  const store = new PostgresEventStore({ pool, schema: SCHEMA, service: 'bench' });
  try {
    const times: number[] = [];
    const deadline = performance.now() + settings.seconds * 1000;
    while (performance.now() < deadline || times.length < 20) {
      const start = performance.now();
      const state = await caseStateAsOf(store, cases[size], new Date().toISOString());
      times.push(performance.now() - start);
      if (state.events !== size || !state.chain.ok)
        throw new Error(`replayed ${state.events} events, chain ${JSON.stringify(state.chain)}`);
    }
    times.sort((a, b) => a - b);
    return times[Math.min(times.length - 1, Math.ceil(times.length * 0.99) - 1)];
  } finally {
    await pool.end();
  }
}

export default defineSuite({
  name: 'replay',
  async setup(settings) {
    await prepareBenchDatabase(settings.databaseUrl);
    await execute(settings.databaseUrl, `DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    const pool = new Pool({ connectionString: settings.databaseUrl, max: 2 });
    try {
      await migrate(pool, SCHEMA);
      const store = new PostgresEventStore({
        pool,
        schema: SCHEMA,
        service: 'bench',
        categories: ['complaint'],
      });
      cases[1000] = await seed(store, 1000);
      cases[10000] = await seed(store, 10000);
      await pool.query(`VACUUM ANALYZE ${SCHEMA}.events`);
    } finally {
      await pool.end();
    }
  },
  measurements: [
    { name: 'replay.1k', unit: 'ms', measure: (s) => p99(s, 1000) },
    { name: 'replay.10k', unit: 'ms', measure: (s) => p99(s, 10000) },
  ],
  goals: [
    { name: 'replay.1k', maxValue: 20, source: 'issue 7' },
    { name: 'replay.10k', maxValue: 150, source: 'issue 7' },
  ],
});
