import { randomBytes, randomUUID } from 'node:crypto';
import type { NatsConnection } from '@nats-io/nats-core';
import type { JetStreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { migrate, NewEvent, PostgresEventStore } from '@lse/event-store';
import { createTestSchema, natsUrl, TestSchema } from '@lse/testing';
import { CASE_EVENTS, DEAD_LETTERS, ensureStreams, migrateMessaging } from '../src';

export interface MessagingHarness {
  db: TestSchema;
  store: PostgresEventStore;
  nc: NatsConnection;
  jsm: JetStreamManager;
  /** A category unique to this suite, so suites share CASE_EVENTS without seeing each other. */
  category: string;
  connectionString: string;
  cleanup(): Promise<void>;
}

export async function messagingHarness(): Promise<MessagingHarness> {
  const db = await createTestSchema('msg');
  await migrate(db.pool, db.schema);
  await migrateMessaging(db.pool, db.schema);
  const category = `t${randomBytes(5).toString('hex')}`;
  const store = new PostgresEventStore({
    pool: db.pool,
    schema: db.schema,
    service: 'test',
    categories: [category],
  });
  const nc: NatsConnection = await connect({ servers: natsUrl() });
  const jsm = await ensureStreams(nc);
  return {
    db,
    store,
    nc,
    jsm,
    category,
    connectionString: db.url,
    async cleanup() {
      await jsm.streams.purge(CASE_EVENTS, { filter: `events.${category}.>` }).catch(() => undefined);
      await jsm.streams.purge(DEAD_LETTERS, { filter: `deadletter.${category}->` }).catch(() => undefined);
      await nc.drain();
      await db.drop();
    },
  };
}

/** One case for a test file's events unless a test says otherwise. */
const CASE_ID = randomUUID();

export function newEvent(
  type = 'ThingHappened',
  data: Record<string, unknown> = { n: 1 },
  caseId = CASE_ID,
): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata: {
      caseId,
      actor: { id: 'u-1', role: 'intake_officer' },
      correlationId: randomUUID(),
      sourceService: 'test',
      occurredAt: '2026-11-20T10:00:00.000Z',
    },
  };
}

/** Shared with every suite (@lse/testing). */
export { eventually } from '@lse/testing';
