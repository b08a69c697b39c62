/**
 * Cross-service handoff (issue 8): a commit in one service -> the reaction committed in another.
 * intake and investigation run as their own processes (as `npm start` runs them) on a database and
 * a nats-server of their own. Complaints ready to open (received and triaged, appended as intake
 * would) are seeded first; then `intake.openCase` is sent over NATS at HANDOFF_RATE per second,
 * open loop. Intake commits CaseOpened; its relay publishes it to JetStream; investigation's
 * durable consumer commits InvestigationOpened. A handoff's latency is InvestigationOpened's
 * recorded_at minus CaseOpened's (both stamped just before their commits by the same machine's
 * clock, at millisecond resolution). The baseline is the database's share of the same handoff
 * (two raw commits one after the other, pgbench -R at the same rate; suites/pgbench.ts).
 *
 * Each run also prints CPU milliseconds per handoff by process (intake, investigation, their
 * PostgreSQL backends, nats-server, this driver; from /proc), which depends far less than
 * latency on what else runs on the machine. BENCH_HANDOFF_RATE offers another rate (diagnosis
 * only: the goal and the baseline are at HANDOFF_RATE).
 *
 * BENCH_SERVICE_NODE_OPTIONS is passed to the service processes as NODE_OPTIONS, e.g.
 * `--require ./test/bench/profile/cpu-profile.js` with BENCH_PROFILE_WINDOW=1 and PROFILE_DIR to
 * profile them over each measured window (`--cpu-prof` is not allowed in NODE_OPTIONS).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { Client, Pool } from 'pg';
import { lastValueFrom, timeout } from 'rxjs';
import { COMPLAINT_EVENTS, complaintStreamId, INTAKE_PATTERNS, type ComplaintEvent } from '@lse/contracts';
import { PostgresEventStore, type NewEvent } from '@lse/event-store';
import { complaintDecider, type ComplaintState } from '@lse/intake-domain';
import { receivedComplaint } from '@lse/intake-domain/test/fixtures';
import { freePort, startPrivateNats, type PrivateNats } from '@lse/testing';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { migrateAll } from '../../../scripts/migrate';
import { scanSubject } from '../../support/jetstream';
import { SERVICES } from '../../../scripts/lib/services';
import { Supervisor } from '../../../scripts/lib/supervisor';
import { defineSuite, quantile, sharedSample, type BenchSettings } from '../harness';
import { cpuWindow, findPid } from '../profile/proc-cpu';
import { HANDOFF_RATE } from './pgbench';

const EVENT_STORE = 'event_store';
/** BENCH_HANDOFF_RATE: another offered rate, for diagnosis only (the goal and baseline are at HANDOFF_RATE). */
const RATE = Number(process.env.BENCH_HANDOFF_RATE ?? HANDOFF_RATE);
const WARMUP_SECONDS = 1;
const DRAIN_TIMEOUT_MS = 60_000;

interface System {
  databaseUrl: string;
  dbName: string;
  nats: PrivateNats;
  supervisor: Supervisor;
  logs: string[];
  stop(): Promise<void>;
}

interface HandoffSample {
  /** Ascending, ms. */
  latencies: number[];
  /** Where the time went, ascending ms: CaseOpened commit -> on JetStream (relay), -> InvestigationOpened (consumer). */
  relay: number[];
  consumer: number[];
  /** The first and the last tenth of the run compared. */
  trend: string;
  /** CaseOpened per second actually committed (the offered rate, unless intake fell behind). */
  committedRate: number;
}

let system: System | undefined;
let pool: Pool | undefined;
let client: ClientProxy | undefined;
let nc: NatsConnection | undefined;
/** Complaints received and triaged, not yet opened. */
const ready: string[] = [];

/** intake and investigation as their own processes, on a database and a nats-server of their own. */
async function startHandoffSystem(databaseUrl: string): Promise<System> {
  const url = new URL(databaseUrl);
  const dbName = `lse_bench_handoff_${randomBytes(4).toString('hex')}`;
  url.pathname = `/${dbName}`;
  const systemUrl = url.toString();
  await migrateAll(systemUrl);
  const nats = await startPrivateNats();
  const services = SERVICES.filter((s) => s.name === 'intake' || s.name === 'investigation');
  const ports: Record<string, number> = {};
  for (const s of services) ports[s.name] = await freePort();
  const logs: string[] = [];
  const env: NodeJS.ProcessEnv = { DATABASE_URL: systemUrl, NATS_URL: nats.url, LOG_LEVEL: 'warn' };
  if (process.env.BENCH_SERVICE_NODE_OPTIONS) env.NODE_OPTIONS = process.env.BENCH_SERVICE_NODE_OPTIONS;
  const supervisor = new Supervisor({
    services,
    env,
    ports,
    output: (service, line) => {
      logs.push(`${service}: ${line}`);
      if (logs.length > 100) logs.shift();
    },
  });
  const stop = async () => {
    await supervisor.stopAll();
    await nats.stop();
    const admin = new URL(systemUrl);
    admin.pathname = '/postgres';
    const c = new Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    } finally {
      await c.end();
    }
  };
  try {
    await supervisor.startAll();
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message}\n${logs.slice(-20).join('\n')}`);
  }
  return { databaseUrl: systemUrl, dbName, nats, supervisor, logs, stop };
}

/** `count` complaints received and triaged, appended as intake's handlers would append them. */
async function seedReadyComplaints(store: PostgresEventStore, count: number): Promise<string[]> {
  const decider = complaintDecider();
  const ids: string[] = [];
  const one = async () => {
    const caseId = randomUUID();
    const now = new Date().toISOString();
    const actor = { id: 'bench-officer', role: 'intake_officer' };
    const received = decider.decide(
      { type: 'ReceiveComplaint', caseId, now, complaint: receivedComplaint({ receivedAt: now }) },
      decider.initialState,
    );
    const state = received.reduce<ComplaintState>((s, e) => decider.evolve(s, e), decider.initialState);
    const triaged = decider.decide(
      { type: 'ScoreTriage', caseId, now, priorCases: { caseNumbers: [] } },
      state,
    );
    const events = [...received, ...triaged].map((e: ComplaintEvent) =>
      (COMPLAINT_EVENTS[e.type] as { create(input: unknown): NewEvent }).create({
        eventId: randomUUID(),
        data: e.data,
        metadata: { caseId, actor, correlationId: randomUUID(), sourceService: 'intake', occurredAt: now },
      }),
    );
    await store.append(complaintStreamId(caseId), events, 'no_stream');
    ids.push(caseId);
  };
  let started = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (started < count) {
        started++;
        await one();
      }
    }),
  );
  return ids;
}

/** Until intake's read models have caught up with the seeded complaints (so they load nothing during a run). */
async function waitForIntakeProjection(db: Pool): Promise<void> {
  const deadline = Date.now() + 180_000;
  const { rows } = await db.query<{ p: string }>(
    `SELECT max(global_position)::text AS p FROM ${EVENT_STORE}.events`,
  );
  const last = Number(rows[0].p ?? 0);
  for (;;) {
    const at = await db.query<{ p: string }>(
      `SELECT position::text AS p FROM intake.projection_checkpoints WHERE name = 'intake_read_models'`,
    );
    if (Number(at.rows[0]?.p ?? 0) >= last) return;
    if (Date.now() > deadline) throw new Error('intake did not project the seeded complaints within 180 s');
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function openCase(caseId: string): Promise<boolean> {
  const reply = await lastValueFrom(
    client!
      .send<{ ok: boolean }>(INTAKE_PATTERNS.openCase, {
        actor: { id: 'bench-officer', role: 'intake_officer' },
        correlationId: randomUUID(),
        data: { caseId, input: {} },
      })
      .pipe(timeout(30_000)),
  );
  return reply.ok;
}

/** Opens cases at `rate` per second for `seconds`, open loop; resolves with the ids opened. */
async function offer(seconds: number, rate: number, strict = true): Promise<string[]> {
  const total = Math.round(seconds * rate);
  if (ready.length < total) throw new Error(`only ${ready.length} seeded complaints left, ${total} needed`);
  const batch = ready.splice(0, total);
  const sent: Array<Promise<string | undefined>> = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / rate;
    const wait = due - performance.now();
    // Sleep (rather than spin) until due: the services need the cores more than the driver.
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    const caseId = batch[i];
    sent.push(
      openCase(caseId).then(
        (ok) => (ok ? caseId : undefined),
        () => undefined, // a timeout: counted as not opened
      ),
    );
  }
  const opened = (await Promise.all(sent)).filter((id): id is string => id !== undefined);
  if (strict && opened.length < total * 0.99)
    throw new Error(`only ${opened.length} of ${total} cases opened`);
  return opened;
}

/** Waits for every InvestigationOpened, then the latency of each handoff from the two commits. */
async function handoffs(caseIds: string[]): Promise<HandoffSample> {
  const db = pool!;
  const deadline = Date.now() + DRAIN_TIMEOUT_MS;
  for (;;) {
    const { rows } = await db.query<{ n: string }>(
      `SELECT count(*)::text AS n FROM ${EVENT_STORE}.events WHERE type = 'InvestigationOpened' AND case_id = ANY($1::uuid[])`,
      [caseIds],
    );
    const done = Number(rows[0].n);
    if (done === caseIds.length) break;
    if (Date.now() > deadline)
      throw new Error(
        `${caseIds.length - done} of ${caseIds.length} handoffs missing after ${DRAIN_TIMEOUT_MS} ms`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
  const { rows } = await db.query<{ ms: number; opened_at: Date; reacted_at: Date; event_id: string }>(
    `SELECT extract(epoch FROM i.recorded_at - c.recorded_at)::float8 * 1000 AS ms, c.recorded_at AS opened_at,
            i.recorded_at AS reacted_at, c.event_id::text AS event_id
       FROM ${EVENT_STORE}.events c
       JOIN ${EVENT_STORE}.events i ON i.case_id = c.case_id AND i.type = 'InvestigationOpened'
      WHERE c.type = 'CaseOpened' AND c.case_id = ANY($1::uuid[])`,
    [caseIds],
  );
  if (rows.length !== caseIds.length) throw new Error(`${rows.length} handoffs for ${caseIds.length} cases`);
  const times = rows.map((r) => r.opened_at.getTime());
  const span = (Math.max(...times) - Math.min(...times)) / 1000;
  const published = await publishedAt(new Set(rows.map((r) => r.event_id)));
  const relay: number[] = [];
  const consumer: number[] = [];
  for (const r of rows) {
    const at = published.get(r.event_id);
    if (at === undefined) continue;
    relay.push(at - r.opened_at.getTime());
    consumer.push(r.reacted_at.getTime() - at);
  }
  const up = (a: number, b: number) => a - b;
  // A queue that grows through the run (the system below the offered rate) shows as later
  // handoffs taking longer than the first ones: the first and the last tenth, by commit time.
  const byTime = [...rows].sort((a, b) => a.opened_at.getTime() - b.opened_at.getTime());
  const tenth = Math.max(1, Math.floor(rows.length / 10));
  const mid = (part: typeof rows) => quantile(part.map((r) => r.ms).sort(up), 0.5);
  const trend = `first tenth p50 ${mid(byTime.slice(0, tenth)).toFixed(0)} ms, last tenth p50 ${mid(byTime.slice(-tenth)).toFixed(0)} ms`;
  return {
    trend,
    latencies: rows.map((r) => r.ms).sort(up),
    relay: relay.sort(up),
    consumer: consumer.sort(up),
    committedRate: span > 0 ? (rows.length - 1) / span : rows.length,
  };
}

/** When JetStream stored each of these CaseOpened (ms since the epoch), by event id. */
async function publishedAt(eventIds: ReadonlySet<string>): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  await scanSubject(nc!, 'events.complaint.CaseOpened', (m) => {
    const id = m.json<{ eventId: string }>().eventId;
    if (eventIds.has(id)) found.set(id, Number(m.info.timestampNanos) / 1e6);
    return found.size === eventIds.size;
  });
  return found;
}

/**
 * With BENCH_PROFILE_WINDOW=1 and the SIGUSR2 preload of test/bench/profile/cpu-profile.js in
 * BENCH_SERVICE_NODE_OPTIONS, each service is profiled over the measured window only.
 */
function signalServices(): void {
  if (process.env.BENCH_PROFILE_WINDOW !== '1') return;
  for (const s of system!.supervisor.services.values()) s.child?.kill('SIGUSR2');
}

/** CPU per handoff by process and by the PostgreSQL backends serving each (Linux /proc). */
function handoffCpu() {
  const services = system!.supervisor.services;
  return cpuWindow({
    processes: {
      intake: services.get('intake')?.child?.pid,
      investigation: services.get('investigation')?.child?.pid,
      'nats-server': findPid(new RegExp(`nats-server .*-p ${new URL(system!.nats.url).port}\\b`)),
      driver: process.pid,
    },
    pool: pool!,
    database: system!.dbName,
  });
}

async function measureHandoffs(settings: BenchSettings): Promise<HandoffSample> {
  const cpu = handoffCpu();
  await cpu.start();
  signalServices();
  const opened = await offer(settings.seconds, RATE);
  const sample = await handoffs(opened);
  signalServices();
  const used = await cpu.stop(sample.latencies.length);
  const l = sample.latencies;
  process.stderr.write(
    `         handoff: ${l.length} handoffs, CaseOpened committed at ${sample.committedRate.toFixed(0)}/s` +
      ` (offered ${RATE}/s); p50 ${quantile(l, 0.5).toFixed(1)} p90 ${quantile(l, 0.9).toFixed(1)}` +
      ` p99 ${quantile(l, 0.99).toFixed(1)} max ${l[l.length - 1].toFixed(1)} ms;` +
      ` commit -> JetStream p50 ${leg(sample.relay, 0.5)} p99 ${leg(sample.relay, 0.99)},` +
      ` JetStream -> reaction commit p50 ${leg(sample.consumer, 0.5)} p99 ${leg(sample.consumer, 0.99)} ms;` +
      ` ${sample.trend}\n` +
      `         CPU ms per handoff (measured window and drain): ${used.text}\n`,
  );
  return sample;
}

const leg = (sorted: number[], q: number) => (sorted.length ? quantile(sorted, q).toFixed(0) : '?');

const handoff = sharedSample(measureHandoffs);

export default defineSuite({
  name: 'handoff',
  async setup(settings) {
    system = await startHandoffSystem(settings.databaseUrl);
    pool = new Pool({ connectionString: system.databaseUrl, max: 8, application_name: 'bench-handoff' });
    nc = await connect({ servers: system.nats.url });
    client = ClientProxyFactory.create({
      transport: Transport.NATS,
      options: { servers: [system.nats.url] },
    });
    const store = new PostgresEventStore({
      pool,
      schema: EVENT_STORE,
      service: 'intake',
      categories: ['complaint'],
    });
    const needed = Math.round(RATE * (settings.seconds * settings.runs + WARMUP_SECONDS));
    ready.push(...(await seedReadyComplaints(store, needed)));
    await waitForIntakeProjection(pool);
    // Warm up: connections, JIT, statement plans, the consumer's first pull.
    await handoffs(await offer(WARMUP_SECONDS, RATE, false));
  },
  async teardown() {
    await client?.close();
    await nc?.close();
    await pool?.end();
    await system?.stop();
    client = pool = system = nc = undefined;
    ready.length = 0;
  },
  measurements: [
    {
      name: 'handoff.p50',
      unit: 'ms',
      baseline: 'pgbench.handoff.p50',
      measure: handoff('p50', (s) => quantile(s.latencies, 0.5)),
    },
    {
      name: 'handoff.p99',
      unit: 'ms',
      baseline: 'pgbench.handoff.p99',
      measure: handoff('p99', (s) => quantile(s.latencies, 0.99)),
    },
    { name: 'handoff.count', unit: 'handoffs', measure: handoff('count', (s) => s.latencies.length) },
  ],
  goals: [
    { name: 'handoff.p50', maxValue: 5, source: 'issue 8' },
    { name: 'handoff.p99', maxValue: 25, source: 'issue 8' },
  ],
});
