import { Controller, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, Payload, Transport } from '@nestjs/microservices';
import { DomainError, ServiceRequest, toReply } from '@lse/service-kit';
import { natsUrl, startPrivateNats } from '@lse/testing';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { startGateway, TestGateway } from './support/gateway-harness';

const suffix = randomBytes(4).toString('hex');
const ECHO = `test${suffix}.echo`;
const MISSING = `test${suffix}.missing`;
const THROWS = `test${suffix}.throws`;

/** A service as services are written: a NATS message handler replying with the envelope. */
@Controller()
class EchoService {
  @MessagePattern(ECHO)
  echo(@Payload() req: ServiceRequest<{ hello: string }>) {
    return toReply(() => ({ actor: req.actor, correlationId: req.correlationId, data: req.data }));
  }

  /** A handler that throws instead of replying with an envelope (a bug in the service). */
  @MessagePattern(THROWS)
  throws() {
    throw new Error('handler bug with maria@example.org');
  }

  @MessagePattern(MISSING)
  missing() {
    return toReply(() => {
      throw new DomainError('not_found', 'No such complaint.');
    });
  }
}

describe('calling services over NATS request/reply', () => {
  let gw: TestGateway;
  let service: INestMicroservice;
  let silent: NatsConnection;
  let token: string;
  const SILENT = `test${suffix}.silent`;

  beforeAll(async () => {
    gw = await startGateway({ SERVICE_TIMEOUT_MS: '300' });
    token = await gw.token('investigator', 'inv-1');
    service = await NestFactory.createMicroservice(
      { module: class EchoModule {}, controllers: [EchoService] } as never,
      { transport: Transport.NATS, options: { servers: [natsUrl()] }, logger: false },
    );
    await service.listen();
    // Receives requests and never answers.
    silent = await connect({ servers: natsUrl() });
    silent.subscribe(SILENT);
    await silent.flush();
  });
  afterAll(async () => {
    await silent.close();
    await service.close();
    await gw.close();
  });

  const call = (pattern: string) =>
    request(gw.server as never)
      .get(`/api/v1/test/call/${pattern}`)
      .set('Authorization', `Bearer ${token}`)
      .set('x-correlation-id', 'corr-123');

  it('passes the actor and correlation id and returns the value', async () => {
    const res = await call(ECHO).expect(200);
    expect(res.body).toEqual({
      actor: { id: 'inv-1', role: 'investigator' },
      correlationId: 'corr-123',
      data: { hello: 'world' },
    });
  });

  it('maps a failure reply to its status', async () => {
    const res = await call(MISSING).expect(404);
    expect(res.body).toMatchObject({
      type: 'https://lse.example/problems/not-found',
      detail: 'No such complaint.',
    });
  });

  it("answers 502 without the handler's message when the service's handler throws", async () => {
    const res = await call(THROWS).expect(502);
    expect(res.body).toMatchObject({ type: 'https://lse.example/problems/bad-gateway', status: 502 });
    expect(JSON.stringify(res.body)).not.toContain('maria@example.org');
  });

  it('answers 503 at once when nobody serves the subject', async () => {
    const started = Date.now();
    const res = await call(`test${suffix}.nobody`).expect(503);
    expect(res.body).toMatchObject({ type: 'https://lse.example/problems/service-unavailable', status: 503 });
    expect(Date.now() - started).toBeLessThan(300);
  });

  it('answers 504 when the service never replies', async () => {
    const started = Date.now();
    const res = await call(SILENT).expect(504);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'https://lse.example/problems/timeout', status: 504 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('is ready when PostgreSQL and NATS answer, and names the Node.js it runs on', async () => {
    const res = await request(gw.server as never)
      .get('/health/ready')
      .expect(200);
    expect(res.body.checks).toMatchObject({ postgres: { status: 'ok' }, nats: { status: 'ok' } });
    expect(res.body.runtime).toEqual({ node: process.version });
  });
});

describe('without a reachable NATS', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ NATS_URL: 'nats://127.0.0.1:1' });
  });
  afterAll(() => gw.close());

  it('reports not ready with 503 naming the NATS check', async () => {
    const res = await request(gw.server as never)
      .get('/health/ready')
      .expect(503);
    expect(res.body.status).toBe('failing');
    expect(res.body.checks.nats.status).toBe('failing');
    expect(res.body.checks.postgres.status).toBe('ok');
  });

  it('answers service calls with 503, not a hang', async () => {
    const token = await gw.token('auditor');
    const res = await request(gw.server as never)
      .get('/api/v1/test/call/intake.anything')
      .set('Authorization', `Bearer ${token}`)
      .expect(503);
    expect(res.body.type).toBe('https://lse.example/problems/service-unavailable');
  });
});

describe('when NATS goes away and comes back', () => {
  it('answers 503 at once while it is down, then calls go through again', async () => {
    const nats = await startPrivateNats();
    const gw = await startGateway({ NATS_URL: nats.url, SERVICE_TIMEOUT_MS: '2000' });
    const service = await NestFactory.createMicroservice(
      { module: class EchoModule {}, controllers: [EchoService] } as never,
      {
        transport: Transport.NATS,
        options: { servers: [nats.url], reconnect: true, maxReconnectAttempts: -1, reconnectTimeWait: 100 },
        logger: false,
      },
    );
    await service.listen();
    try {
      const token = await gw.token('investigator', 'inv-1');
      const call = () =>
        request(gw.server as never)
          .get(`/api/v1/test/call/${ECHO}`)
          .set('Authorization', `Bearer ${token}`);
      await call().expect(200);

      nats.kill();
      // The client notices the closed socket; then a call does not wait out its 2 s timeout.
      let res = await call();
      for (const until = Date.now() + 5000; res.status !== 503 && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 50));
        res = await call();
      }
      expect(res.status).toBe(503);
      expect(res.body.type).toBe('https://lse.example/problems/service-unavailable');
      const started = Date.now();
      await call().expect(503);
      expect(Date.now() - started).toBeLessThan(500);

      await nats.restart();
      let back = await call();
      for (const until = Date.now() + 10_000; back.status !== 200 && Date.now() < until;) {
        await new Promise((r) => setTimeout(r, 100));
        back = await call();
      }
      expect(back.status).toBe(200);
    } finally {
      await service.close();
      await gw.close();
      await nats.stop();
    }
  }, 30_000);
});
