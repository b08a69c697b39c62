import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { CaseOpened, complaintStreamId, prefixedSubject } from '@lse/contracts';
import { migrate, PostgresEventStore, type RecordedEvent } from '@lse/event-store';
import { SealedEventStore, sealedStore } from '@lse/crypto-shred';
import { CASE_EVENTS, ensureStreams } from '@lse/messaging';
import { loadConfig, type ServiceReply } from '@lse/service-kit';
import { createTestSchema, startPrivateNats, type PrivateNats, type TestSchema } from '@lse/testing';
import { DeliverPolicy, jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import type { DestinationStream } from 'pino';
import { lastValueFrom, timeout } from 'rxjs';
import { createInvestigationApp } from '../src/bootstrap';
import { investigationConfigSchema, type InvestigationConfig } from '../src/config';
import { migrateInvestigation } from '../src/migrate';
import { InvestigationRuntime } from '../src/runtime/investigation-runtime';

export interface RunningInvestigation {
  app: INestApplication;
  config: InvestigationConfig;
  nats: PrivateNats;
  nc: NatsConnection;
  prefix: string;
  /** Reads every stream; appends complaint events as intake would. */
  /** The events as the services read them: personal fields opened (docs/architecture.md#crypto-shredding). */
  store: SealedEventStore;
  runtime: InvestigationRuntime;
  evidenceDir: string;
  /** Appends CaseOpened to a complaint stream and publishes it on JetStream, as intake's relay does. */
  openCase(
    caseNumber: string,
    priority?: 'P1' | 'P2' | 'P3' | 'P4',
  ): Promise<{ caseId: string; cause: RecordedEvent }>;
  publish(event: RecordedEvent, msgId?: string): Promise<void>;
  close(): Promise<void>;
}

/** A real investigation service, in process, on schemas, an evidence directory and a nats-server of its own. */
export async function startInvestigation(
  env: Record<string, string> = {},
  /** Where the service logs (a test reads what it logged); stdout otherwise. */
  options: { logDestination?: DestinationStream } = {},
): Promise<RunningInvestigation> {
  const nats = await startPrivateNats();
  const eventSchema: TestSchema = await createTestSchema('ies');
  await migrate(eventSchema.pool, eventSchema.schema);
  const schema = await createTestSchema('inv');
  await migrateInvestigation({ connectionString: schema.url, schema: schema.schema });
  const evidenceDir = mkdtempSync(join(tmpdir(), 'lse-evidence-'));
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const config = loadConfig(investigationConfigSchema, {
    DATABASE_URL: schema.url,
    NATS_URL: nats.url,
    EVENT_STORE_SCHEMA: eventSchema.schema,
    INVESTIGATION_SCHEMA: schema.schema,
    NATS_SUBJECT_PREFIX: prefix,
    EVIDENCE_DIR: evidenceDir,
    PROJECTION_POLL_MS: '50',
    RELAY_POLL_MS: '50',
    DB_POOL_MAX: '4',
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await createInvestigationApp(config, options);
  const store = sealedStore(
    new PostgresEventStore({
      pool: eventSchema.pool,
      schema: eventSchema.schema,
      service: 'intake',
      categories: ['complaint'],
    }),
  );

  const nc: NatsConnection = await connect({ servers: nats.url });
  await ensureStreams(nc);
  const publish = async (event: RecordedEvent, msgId = event.eventId) => {
    await jetstream(nc).publish(`events.complaint.${event.type}`, JSON.stringify(event), { msgID: msgId });
  };
  return {
    app,
    config,
    nats,
    nc,
    prefix,
    store,
    runtime: app.get(InvestigationRuntime),
    evidenceDir,
    publish,
    async openCase(caseNumber, priority = 'P2') {
      const caseId = randomUUID();
      const created = CaseOpened.create({
        eventId: randomUUID(),
        data: { caseNumber, priority, office: 'SF-01', openedAt: '2026-01-16T09:00:00.000Z' },
        metadata: {
          caseId,
          actor: { id: 'officer-1', role: 'intake_officer' },
          correlationId: randomUUID(),
          sourceService: 'intake',
          occurredAt: '2026-01-16T09:00:00.000Z',
        },
      });
      await store.append(complaintStreamId(caseId), [created], 'no_stream');
      const [cause] = await store.readStream(complaintStreamId(caseId));
      await publish(cause);
      return { caseId, cause };
    },
    async close() {
      await app.close();
      await nc.close();
      await nats.stop();
      await schema.drop();
      await eventSchema.drop();
      rmSync(evidenceDir, { recursive: true, force: true });
    },
  };
}

export const SUPERVISOR = { id: 'sue@agency.gov', role: 'supervisor' };
export const OTHER_SUPERVISOR = { id: 'sam@agency.gov', role: 'supervisor' };
export const INVESTIGATOR = { id: 'ivan@agency.gov', role: 'investigator' };

/** Sends requests the way the gateway does: the envelope over NATS request/reply. */
export class InvestigationClient {
  private readonly client: ClientProxy;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [url] } });
  }

  async send<T = Record<string, unknown>>(
    pattern: string,
    data: unknown,
    actor: { id: string; role: string } = INVESTIGATOR,
    idempotencyKey?: string,
  ): Promise<ServiceReply<T>> {
    const request = {
      actor,
      correlationId: `corr-${randomUUID()}`,
      ...(idempotencyKey ? { idempotencyKey } : {}),
      data,
    };
    return lastValueFrom(
      this.client.send<ServiceReply<T>>(prefixedSubject(this.prefix, pattern), request).pipe(timeout(10_000)),
    );
  }

  async ok<T = Record<string, unknown>>(
    pattern: string,
    data: unknown,
    actor?: { id: string; role: string },
  ): Promise<T> {
    const reply = await this.send<T>(pattern, data, actor);
    if (!reply.ok) throw new Error(`${pattern} failed: ${JSON.stringify(reply.error)}`);
    return reply.value;
  }

  close(): Promise<void> {
    return Promise.resolve(this.client.close());
  }
}

/** Shared with every suite (@lse/testing). */
export { eventually } from '@lse/testing';

/** The messages JetStream holds on `subject`, as relayed events. */
export async function publishedOn(nc: NatsConnection, subject: string): Promise<RecordedEvent[]> {
  const consumer = await jetstream(nc).consumers.get(CASE_EVENTS, {
    filter_subjects: subject,
    deliver_policy: DeliverPolicy.All,
  });
  const out: RecordedEvent[] = [];
  const messages = await consumer.fetch({ max_messages: 1000, expires: 1000 });
  for await (const m of messages) out.push(m.json<RecordedEvent>());
  return out;
}
