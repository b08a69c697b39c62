import { Body, Controller, Get, Logger, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { natsUrl } from '@lse/testing';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { Writable } from 'node:stream';
import request from 'supertest';
import {
  configureServiceApp,
  HealthRegistry,
  Metrics,
  natsCheck,
  NatsDrainer,
  ServiceKitModule,
} from '../src';

@Controller('things')
class ThingsController {
  private readonly logger = new Logger('Things');
  constructor(private readonly metrics: Metrics) {}

  @Post()
  create(@Body() body: { name: string; email: string }) {
    this.logger.log(
      { complainant: { name: body.name, email: body.email }, step: 'received' },
      'thing received',
    );
    this.metrics.eventsAppended.inc({ category: 'complaint', type: 'ComplaintReceived' });
    return { ok: true };
  }

  @Get('fail')
  fail() {
    throw new Error('boom with maria@example.org');
  }
}

async function serviceApp(logs: Record<string, unknown>[]): Promise<INestApplication> {
  const destination = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n'))
        if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const app = await NestFactory.create(
    {
      module: class TestServiceModule {},
      imports: [ServiceKitModule.forService({ service: 'things', logging: { destination } })],
      controllers: [ThingsController],
    } as never,
    { bufferLogs: true },
  );
  configureServiceApp(app);
  await app.init();
  return app;
}

describe('a service built on the kit', () => {
  const logs: Record<string, unknown>[] = [];
  let app: INestApplication;
  beforeAll(async () => {
    app = await serviceApp(logs);
  });
  afterAll(() => app.close());

  it("puts the caller's correlation id on every request log line and redacts personal data", async () => {
    const res = await request(app.getHttpServer())
      .post('/things')
      .set('x-correlation-id', 'corr-abc')
      .set('Authorization', 'Bearer secret-token-value')
      .send({ name: 'Maria Lopez', email: 'maria@example.org' })
      .expect(201);
    expect(res.headers['x-correlation-id']).toBe('corr-abc');
    const lines = logs.filter((l) => l.correlationId === 'corr-abc');
    expect(lines.map((l) => l.msg)).toEqual(expect.arrayContaining(['thing received', 'request completed']));
    const text = JSON.stringify(logs);
    expect(text).not.toContain('Maria');
    expect(text).not.toContain('maria@example.org');
    expect(text).not.toContain('secret-token-value');
    expect(lines.find((l) => l.msg === 'thing received')).toMatchObject({
      complainant: { name: '[redacted]', email: '[redacted]' },
      step: 'received',
    });
  });

  it('generates a correlation id when none is given', async () => {
    const res = await request(app.getHttpServer())
      .post('/things')
      .send({ name: 'x', email: 'y' })
      .expect(201);
    expect(res.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unexpected error with problem+json and logs it without its message', async () => {
    const res = await request(app.getHttpServer()).get('/things/fail').expect(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(JSON.stringify(logs)).not.toContain('maria@example.org');
  });

  it('exposes the predefined metrics in Prometheus format', async () => {
    const res = await request(app.getHttpServer()).get('/metrics').expect(200);
    for (const name of [
      'command_duration_seconds',
      'events_appended_total',
      'concurrency_conflicts_total',
      'relay_lag_events',
      'consumer_lag_messages',
      'dead_letters_total',
      'http_request_duration_seconds',
    ]) {
      expect(res.text).toContain(`# TYPE ${name} `);
    }
    expect(res.text).toMatch(/events_appended_total\{[^}]*category="complaint"[^}]*\} 2/);
    expect(res.text).toMatch(
      /http_request_duration_seconds_count\{[^}]*route="\/things"[^}]*status="201"[^}]*\} 2/,
    );
  });

  it('reports readiness from registered checks, each bounded by its timeout', async () => {
    await request(app.getHttpServer()).get('/health/ready').expect(200);
    const registry = app.get(HealthRegistry);
    registry.register('hangs', () => new Promise(() => undefined), 100);
    const res = await request(app.getHttpServer()).get('/health/ready').expect(503);
    expect(res.body.checks.hangs).toMatchObject({ status: 'failing', error: 'timed out after 100 ms' });
    await request(app.getHttpServer()).get('/health/live').expect(200);
  });
});

describe('graceful shutdown', () => {
  it('drains a registered NATS connection when the app closes', async () => {
    const app = await serviceApp([]);
    // transport-node re-exports its types from a subpath that node resolution cannot follow.
    const nc = (await connect({ servers: natsUrl() })) as NatsConnection;
    const health = app.get(HealthRegistry);
    health.register(
      'nats',
      natsCheck(() => nc),
    );
    app.get(NatsDrainer).drainOnShutdown('test', () => nc);
    await app.close();
    expect(nc.isClosed()).toBe(true);
    // Readiness now fails: a shutting-down service takes no traffic.
    expect((await health.run()).status).toBe('failing');
  });
});
