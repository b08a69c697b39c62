import request from 'supertest';
import { PROBLEM_TYPE, startGateway, TestGateway } from './support/gateway-harness';

describe('errors as problem+json', () => {
  let gw: TestGateway;
  let token: string;
  beforeAll(async () => {
    gw = await startGateway({ BODY_LIMIT_BYTES: String(1024) });
    token = await gw.token('intake_officer');
  });
  afterAll(() => gw.close());

  const post = (path: string) =>
    request(gw.server as never)
      .post(path)
      .set('Authorization', `Bearer ${token}`);

  it('lists each invalid field for a validation error', async () => {
    const res = await post('/api/v1/test/echo').send({ name: '', count: 1.5 }).expect(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://lse.example/problems/validation',
      title: expect.any(String),
      status: 400,
      detail: expect.any(String),
    });
    expect((res.body.errors as { path: string }[]).map((e) => e.path).sort()).toEqual(['count', 'name']);
    for (const e of res.body.errors) expect(e.message).toEqual(expect.any(String));
    expect(JSON.stringify(res.body)).not.toMatch(/\bat \S+\.(ts|js)/);
  });

  it('answers malformed JSON with 400', async () => {
    const res = await post('/api/v1/test/echo')
      .set('Content-Type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(res.body).toMatchObject({ type: 'https://lse.example/problems/bad-request', status: 400 });
    expect(JSON.stringify(res.body)).not.toContain('"name"');
  });

  // Node 24's JSON.parse messages quote the text around the error, and NestJS 12 hands
  // body-parser's message on: the detail must stay a fixed text.
  it('never quotes a malformed JSON body back, nor the body of one too large', async () => {
    const res = await post('/api/v1/test/echo')
      .set('Content-Type', 'application/json')
      .send('{"name": Maria Lopez}')
      .expect(400);
    expect(res.body).toEqual({
      type: 'https://lse.example/problems/bad-request',
      title: expect.any(String),
      status: 400,
      detail: 'The request body is not valid JSON.',
    });
    const big = await post('/api/v1/test/echo')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ name: 'Maria Lopez'.repeat(200) }))
      .expect(413);
    expect(big.body.detail).toBe('The request body exceeds the size limit.');
  });

  it('answers a path that is not valid percent-encoding with 400, without quoting it', async () => {
    const res = await request(gw.server as never)
      .get('/api/v1/complaints/%E0%A4%A')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(res.body).toMatchObject({ type: 'https://lse.example/problems/bad-request', status: 400 });
    expect(JSON.stringify(res.body)).not.toContain('%E0');
  });

  it('answers a body over the limit with 413 before the handler runs', async () => {
    const res = await post('/api/v1/test/echo')
      .send({ name: 'x'.repeat(2000), count: 1 })
      .expect(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ type: 'https://lse.example/problems/payload-too-large', status: 413 });
  });

  it('answers an unexpected error with a generic 500 and logs no message or personal data', async () => {
    const res = await request(gw.server as never)
      .get('/api/v1/test/boom')
      .set('Authorization', `Bearer ${token}`)
      .expect(500);
    expect(res.body).toMatchObject({
      type: 'https://lse.example/problems/internal',
      status: 500,
      detail: 'An unexpected error occurred.',
    });
    expect(JSON.stringify(res.body)).not.toContain('maria');
    const logged = JSON.stringify(gw.logs);
    expect(logged).toContain('unexpected error');
    expect(logged).not.toContain('maria@example.org');
  });

  it.each([
    ['not_found', 404, 'not-found'],
    ['forbidden', 403, 'forbidden'],
    ['conflict', 409, 'conflict'],
    ['wrong_expected_version', 409, 'concurrency-conflict'],
    ['invalid_transition', 422, 'invalid-transition'],
    ['validation', 400, 'validation'],
    ['unavailable', 503, 'service-unavailable'],
    ['timeout', 504, 'timeout'],
  ])('maps the domain error code %s to %i', async (code, status, slug) => {
    const res = await request(gw.server as never)
      .get(`/api/v1/test/domain/${code}`)
      .set('Authorization', `Bearer ${token}`)
      .expect(status);
    expect(res.body).toMatchObject({
      type: `https://lse.example/problems/${slug}`,
      status,
      detail: `domain error ${code}`,
    });
  });

  it('answers an unknown route with 404 problem+json', async () => {
    const res = await request(gw.server as never)
      .get('/api/v1/nothing-here')
      .set('Authorization', `Bearer ${token}`)
      .expect(404);
    expect(res.body.type).toMatch(PROBLEM_TYPE);
  });
});

describe('rate limiting per subject', () => {
  let gw: TestGateway;
  beforeAll(async () => {
    gw = await startGateway({ RATE_LIMIT: '3', RATE_LIMIT_WINDOW_MS: '60000' });
  });
  afterAll(() => gw.close());

  it('answers 429 problem+json once a subject exceeds its limit, without affecting others', async () => {
    const first = await gw.token('auditor', 'busy-user');
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push(
        (
          await request(gw.server as never)
            .get('/api/v1/whoami')
            .set('Authorization', `Bearer ${first}`)
        ).status,
      );
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await request(gw.server as never)
      .get('/api/v1/whoami')
      .set('Authorization', `Bearer ${first}`)
      .expect(429);
    expect(limited.body).toMatchObject({ type: 'https://lse.example/problems/rate-limited', status: 429 });
    const other = await gw.token('auditor', 'quiet-user');
    await request(gw.server as never)
      .get('/api/v1/whoami')
      .set('Authorization', `Bearer ${other}`)
      .expect(200);
    // Health is never throttled.
    for (let i = 0; i < 5; i++)
      await request(gw.server as never)
        .get('/health/live')
        .expect(200);
  });
});
