import { randomUUID } from 'node:crypto';
import { jetstreamManager, jetstream } from '@nats-io/jetstream';
import { headers as natsHeaders, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Pool } from 'pg';
import { masterKeyFromEnvironment, SealedEventStore, SubjectKeys } from '@lse/crypto-shred';
import { appendEvents, type EventStore, type NewEvent, type RecordedEvent } from '@lse/event-store';
import { CASE_EVENTS } from '@lse/messaging';
import type { CommandRecord } from './load';
import type { FaultSystem } from './system';

export type FaultKind = 'service' | 'nats' | 'postgres' | 'redeliver' | 'hold-append';

/** A small seeded generator, so a failing run can be repeated with FAULT_SEED. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** kill -9 of one service at a random moment, then start it again and wait until it is ready. */
export async function crashService(sys: FaultSystem, service: string, delayMs: number): Promise<void> {
  await sleep(delayMs);
  await sys.crash(service);
}

/** kill -9 of nats-server; it comes back on the same port and store after `downMs`. */
export async function crashNats(sys: FaultSystem, downMs: number): Promise<void> {
  sys.nats.kill();
  await sleep(downMs);
  await sys.nats.restart();
}

/** `pg_ctl stop -m immediate` and start: every connection of every service dies mid-flight. */
export async function restartPostgres(sys: FaultSystem): Promise<void> {
  if (!sys.postgres) throw new Error('no private PostgreSQL to restart');
  await sys.postgres.restartImmediate();
}

/**
 * Redelivery: the last `count` messages on CASE_EVENTS are published again under a new
 * Nats-Msg-Id (so JetStream does not de-duplicate them), as a relay re-publishing after a lost
 * checkpoint or an operator's replay would. Every consumer sees each one a second time.
 */
export async function redeliver(sys: FaultSystem, count: number): Promise<number> {
  const nc: NatsConnection = await connect({ servers: sys.nats.url, maxReconnectAttempts: 0 });
  try {
    const jsm = await jetstreamManager(nc);
    const js = jetstream(nc);
    const info = await jsm.streams.info(CASE_EVENTS);
    let sent = 0;
    for (let seq = info.state.last_seq; seq >= info.state.first_seq && sent < count; seq--) {
      const msg = await jsm.streams.getMessage(CASE_EVENTS, { seq }).catch(() => null);
      if (!msg) continue;
      const h = natsHeaders();
      for (const [name, values] of msg.header ?? [])
        if (name !== 'Nats-Msg-Id') for (const v of values) h.append(name, v);
      await js.publish(msg.subject, msg.data, { headers: h, msgID: `redelivered:${randomUUID()}` });
      sent++;
    }
    return sent;
  } finally {
    await nc.close();
  }
}

/**
 * An append transaction held open while the load goes on: it takes the stream lock of the newest
 * complaint (whose next command then waits on it), pins the transaction horizon every subscriber
 * reads below, and appends a whole opened complaint (received, triaged, opened, copied from an
 * acknowledged one under a new case id and case number) that commits only after `holdMs`. Once
 * committed, its CaseOpened must still reach every projection and be handed off exactly once:
 * a reader that had moved past its position while it was open would miss it.
 */
export async function holdAppend(
  sys: FaultSystem,
  holdMs: number,
  serial: number,
): Promise<CommandRecord | undefined> {
  const pool = new Pool({ connectionString: sys.databaseUrl, application_name: 'fault:held-append', max: 1 });
  pool.on('error', () => undefined);
  const client = await pool.connect();
  try {
    const source = await client.query<{ case_id: string }>(
      `SELECT case_id::text FROM event_store.events WHERE type = 'CaseOpened' ORDER BY global_position DESC LIMIT 1`,
    );
    if (!source.rows.length) return undefined;
    const events = await client.query<{
      event_id: string;
      type: string;
      schema_version: number;
      data: Record<string, unknown>;
      metadata: NewEvent['metadata'];
    }>(
      `SELECT event_id::text, type, schema_version, data, metadata FROM event_store.events
        WHERE stream_id = $1 ORDER BY stream_version`,
      [`complaint-${source.rows[0].case_id}`],
    );
    // Stored events are sealed, each box bound to its event id (docs/erasure.md): a copy under a
    // new id is opened and sealed again, as a service would append it, on a keyring pool of its own
    // (this pool's one connection holds the transaction below).
    const keysPool = new Pool({
      connectionString: sys.databaseUrl,
      application_name: 'fault:held-append-keys',
      max: 1,
    });
    keysPool.on('error', () => undefined);
    const sealing = new SealedEventStore(
      undefined as unknown as EventStore, // open and seal only: nothing is read or appended through it
      new SubjectKeys({ pool: keysPool, schema: 'event_store', wrapping: masterKeyFromEnvironment() }),
    );
    const newest = await client.query<{ stream_id: string }>(
      `SELECT stream_id FROM event_store.events WHERE category = 'complaint' ORDER BY global_position DESC LIMIT 1`,
    );
    const caseId = randomUUID();
    const key = `held-append-${serial}-${randomUUID()}`;
    let copies: NewEvent[];
    try {
      const opened = await sealing.open(
        events.rows.map((e) => ({ ...e, eventId: e.event_id }) as unknown as RecordedEvent),
      );
      copies = await sealing.seal(
        `complaint-${caseId}`,
        opened.map((e, i) => ({
          eventId: randomUUID(),
          type: events.rows[i].type,
          schemaVersion: events.rows[i].schema_version,
          data:
            e.type === 'CaseOpened'
              ? {
                  ...e.data,
                  caseNumber: `LSE-${String(e.data.caseNumber).slice(4, 8)}-${String(900_000 + serial).padStart(6, '0')}`,
                }
              : e.data,
          metadata: { ...e.metadata, caseId, correlationId: key, causationId: key },
        })),
      );
    } finally {
      await keysPool.end().catch(() => undefined);
    }
    await client.query('BEGIN');
    await client.query('SELECT pg_current_xact_id()');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [newest.rows[0].stream_id]);
    await appendEvents(
      client,
      'event_store',
      `complaint-${caseId}`,
      copies,
      'no_stream',
      new Date(),
      undefined,
    );
    await sleep(holdMs);
    await client.query('COMMIT');
    return {
      key,
      step: 'held-append',
      expects: 'CaseOpened',
      category: 'complaint',
      caseId,
      attempts: 1,
      outcome: 'acked',
      lastStatus: 'held-append',
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
    await pool.end().catch(() => undefined);
  }
}
