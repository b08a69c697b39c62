import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { startGateway, TestGateway } from './support/gateway-harness';

/**
 * Logs and metrics hold no personal data (docs/erasure.md#logs-metrics-and-dead-letters): a name
 * planted in a request's body, query and a failing request never reaches a log line or a metric
 * label. (Logs are kept beyond any erasure: crypto-shredding cannot reach them.)
 */
describe('what the gateway logs of a request with personal data', () => {
  let gw: TestGateway;
  let token: string;
  const plant = `Zebulon Quixotl-${randomUUID().slice(0, 8)}`;
  const phone = '+1 415 555 0142';
  beforeAll(async () => {
    gw = await startGateway({ LOG_LEVEL: 'debug' });
    token = await gw.token('intake_officer', 'officer-logs');
  });
  afterAll(() => gw.close());

  it('logs each request by method, path and status, and never the planted name', async () => {
    const authed = (req: request.Test) => req.set('Authorization', `Bearer ${token}`);
    // Accepted: the handler logs the complainant (redacted by field name), the response is stored.
    await authed(request(gw.server as never).post('/api/v1/test/echo'))
      .set('Idempotency-Key', `logs-${plant}`.replace(/ /g, '-'))
      .send({ name: plant, count: 1 })
      .expect(201);
    // Refused by validation, the name beside the invalid field.
    await authed(request(gw.server as never).post('/api/v1/test/echo'))
      .send({ name: plant, count: plant })
      .expect(400);
    // In a query string (paths carry ids only: no personal data in URLs is a rule of the API).
    await authed(request(gw.server as never).get('/api/v1/test/no-roles'))
      .query({ name: plant, phone })
      .expect(403);
    await authed(request(gw.server as never).post('/api/v1/test/echo'))
      .query({ name: plant })
      .send({ name: 'x', count: 2 })
      .expect(201);
    const logged = JSON.stringify(gw.logs);
    // The capture works: the completion lines and the handler's line are there.
    expect(logged).toContain('echo handled');
    expect(logged).toContain('request completed');
    expect(logged).toContain('[redacted]');
    for (const leak of [plant, 'Zebulon', phone, '555 0142', 'Quixotl']) expect(logged).not.toContain(leak);
  });

  it('labels metrics by route pattern, method and status, never by a value of the request', async () => {
    const metrics = await request(gw.server as never)
      .get('/metrics')
      .expect(200);
    expect(metrics.text).toMatch(/route="\/api\/v1\/test\/echo"/);
    expect(metrics.text).not.toContain('Zebulon');
    expect(metrics.text).not.toContain('Quixotl');
  });
});
