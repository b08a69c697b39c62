import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import type { INestApplication } from '@nestjs/common';
import { ClientProxy, ClientProxyFactory, Transport } from '@nestjs/microservices';
import { prefixedSubject } from '@lse/contracts';
import { migrate, PostgresEventStore } from '@lse/event-store';
import { loadConfig, type ServiceReply } from '@lse/service-kit';
import { createTestSchema, natsUrl, type TestSchema } from '@lse/testing';
import { lastValueFrom, timeout } from 'rxjs';
import { createIntakeApp } from '../src/bootstrap';
import { intakeConfigSchema, type IntakeConfig } from '../src/config';
import { migrateIntake } from '../src/migrate';
import { IntakeRuntime } from '../src/runtime/intake-runtime';

export interface RunningIntake {
  app: INestApplication;
  config: IntakeConfig;
  /** Subjects are `<prefix>.intake.<verb>`: this suite's alone on the shared NATS server. */
  prefix: string;
  store: PostgresEventStore;
  runtime: IntakeRuntime;
  logs: string[];
  eventSchema: TestSchema;
  intakeSchema: TestSchema;
  close(): Promise<void>;
}

/** A real intake, in process, on schemas and a subject prefix of its own. */
export async function startIntake(env: Record<string, string> = {}): Promise<RunningIntake> {
  const eventSchema = await createTestSchema('ies');
  await migrate(eventSchema.pool, eventSchema.schema);
  const intakeSchema = await createTestSchema('intake');
  await migrateIntake({ connectionString: intakeSchema.url, schema: intakeSchema.schema });
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const config = loadConfig(intakeConfigSchema, {
    DATABASE_URL: intakeSchema.url,
    NATS_URL: natsUrl(),
    EVENT_STORE_SCHEMA: eventSchema.schema,
    INTAKE_SCHEMA: intakeSchema.schema,
    NATS_SUBJECT_PREFIX: prefix,
    PROJECTION_POLL_MS: '50',
    RELAY_POLL_MS: '50',
    DB_POOL_MAX: '4',
    ...env,
  });
  const logs: string[] = [];
  const logDestination = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString());
      done();
    },
  });
  const app = await createIntakeApp(config, { logDestination });
  const store = new PostgresEventStore({
    pool: eventSchema.pool,
    schema: eventSchema.schema,
    service: 'intake-test',
  });
  return {
    app,
    config,
    prefix,
    store,
    runtime: app.get(IntakeRuntime),
    logs,
    eventSchema,
    intakeSchema,
    async close() {
      await app.close();
      await intakeSchema.drop();
      await eventSchema.drop();
    },
  };
}

export const OFFICER = { id: 'officer-7', role: 'intake_officer' };

/** Sends requests the way the gateway does: the envelope over NATS request/reply. */
export class IntakeClient {
  private readonly client: ClientProxy;

  constructor(private readonly prefix: string) {
    this.client = ClientProxyFactory.create({ transport: Transport.NATS, options: { servers: [natsUrl()] } });
  }

  async send<T = Record<string, unknown>>(
    pattern: string,
    data: unknown,
    options: { idempotencyKey?: string; correlationId?: string; actor?: typeof OFFICER } = {},
  ): Promise<ServiceReply<T>> {
    const request = {
      actor: options.actor ?? OFFICER,
      correlationId: options.correlationId ?? `corr-${randomUUID()}`,
      ...(options.idempotencyKey ? { idempotencyKey: options.idempotencyKey } : {}),
      data,
    };
    return lastValueFrom(
      this.client.send<ServiceReply<T>>(prefixedSubject(this.prefix, pattern), request).pipe(timeout(5000)),
    );
  }

  /** The value of an ok reply; fails the test with the error otherwise. */
  async ok<T = Record<string, unknown>>(
    pattern: string,
    data: unknown,
    options?: Parameters<IntakeClient['send']>[2],
  ): Promise<T> {
    const reply = await this.send<T>(pattern, data, options);
    if (!reply.ok) throw new Error(`${pattern} failed: ${JSON.stringify(reply.error)}`);
    return reply.value;
  }

  close(): Promise<void> {
    return Promise.resolve(this.client.close());
  }
}
