import request from 'supertest';
import { PROBLEM_TYPE, startGateway, TestGateway } from './support/gateway-harness';
import { TestRoutesController } from './support/test-routes.controller';

describe('errors as problem+json', () => {
  let gw: TestGateway;
  let token: string;
  beforeAll(async () => {
    gw = await startGateway({ BODY_LIMIT_BYTES: String(1024) });
    token = await gw.token('intake_officer');
  });
  afterAll(() => gw.close());

  /** The bytes exactly as given (superagent would JSON-encode a Buffer). */
  const raw = (body: unknown) => body as string;
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

  it('answers the valid JSON body `null` (or a number) with 400 "expected object", not "not valid JSON"', async () => {
    for (const body of ['null', '42', '"text"']) {
      const res = await post('/api/v1/test/echo')
        .set('Content-Type', 'application/json')
        .serialize(raw)
        .send(body)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://lse.example/problems/validation', status: 400 });
      expect(res.body.detail).not.toMatch(/not valid JSON/);
      expect(res.body.errors).toEqual([{ path: '', code: 'invalid_type', message: 'Expected an object.' }]);
    }
    // The same on a real endpoint: refused by its schema before any service is asked.
    const complaint = await post('/api/v1/complaints').set('Content-Type', 'application/json').send('null');
    expect(complaint.status).toBe(400);
    expect(complaint.body.errors[0]).toEqual({
      path: '',
      code: 'invalid_type',
      message: 'Expected an object.',
    });
  });

  it('answers a body in a media type the endpoint does not take with 415, as the document says', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await post('/api/v1/complaints').set('Content-Type', type).send('{"channel": "hotline"}');
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: 'https://lse.example/problems/unsupported-media-type',
        status: 415,
      });
      expect(res.body.detail).toContain('application/json');
    }
    // Hours and wages take CSV too; evidence takes any media type.
    const csv = await post('/api/v1/cases/00000000-0000-4000-8000-000000000001/investigation/hours-and-wages')
      .set('Content-Type', 'application/pdf')
      .send('%PDF');
    expect(csv.status).toBe(415);
    expect(csv.body.detail).toMatch(/text\/csv/);
  });

  it('answers a known path asked with another method with 405 and Allow', async () => {
    const res = await request(gw.server as never)
      .delete('/api/v1/complaints')
      .set('Authorization', `Bearer ${token}`)
      .expect(405);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers.allow).toBe('GET, POST, HEAD');
    expect(res.body).toMatchObject({ type: 'https://lse.example/problems/method-not-allowed', status: 405 });
    const put = await request(gw.server as never)
      .put('/api/v1/complaints/00000000-0000-4000-8000-000000000001/triage')
      .set('Authorization', `Bearer ${token}`)
      .expect(405);
    expect(put.headers.allow).toBe('POST');
    // Without a token too: which methods a path serves is in the public document anyway.
    const anonymous = await request(gw.server as never)
      .patch('/api/v1/whoami')
      .expect(405);
    expect(anonymous.headers.allow).toBe('GET, HEAD');
  });

  it('refuses NUL and lone surrogates in any text of the body with 400 naming the field, before the handler', async () => {
    const before = TestRoutesController.calls;
    for (const [name, reason] of [
      ['Ana\u0000Ruiz', /NUL/],
      ['Ana \ud800', /unpaired surrogate/],
      ['\udc00Ana', /unpaired surrogate/],
    ] as const) {
      // JSON escapes: the bytes are valid UTF-8 and valid JSON, the text is not.
      const res = await post('/api/v1/test/echo')
        .set('Content-Type', 'application/json')
        .send(`{"name": ${JSON.stringify(name)}, "count": 1}`)
        .expect(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ type: 'https://lse.example/problems/validation', status: 400 });
      expect(res.body.errors).toEqual([{ path: 'name', message: expect.stringMatching(reason) }]);
    }
    const nested = await post('/api/v1/complaints')
      .set('Content-Type', 'application/json')
      .send('{"channel": "hotline", "complainants": [{"name": "A"}, {"name": "B\\u0000"}]}')
      .expect(400);
    expect(nested.body.errors).toEqual([
      { path: 'complainants.1.name', message: expect.stringMatching(/NUL/) },
    ]);
    // A paired surrogate is an ordinary character (an emoji).
    await post('/api/v1/test/echo').send({ name: 'Zoë 👩🏽‍🔧', count: 1 }).expect(201);
    expect(TestRoutesController.calls).toBe(before + 1);
  });

  it('refuses NUL in a query or path parameter with 400 naming it', async () => {
    const q = await request(gw.server as never)
      .get('/api/v1/employers?name=Golden%00Gate')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(q.body.errors).toEqual([{ path: 'name', message: expect.stringMatching(/NUL/) }]);
    const p = await request(gw.server as never)
      .get('/api/v1/test/domain/not%00found')
      .set('Authorization', `Bearer ${token}`)
      .expect(400);
    expect(p.body.errors).toEqual([{ path: 'code', message: expect.stringMatching(/NUL/) }]);
  });

  it('refuses a body that is not valid UTF-8 with 400 naming the field, instead of storing U+FFFD', async () => {
    const before = TestRoutesController.calls;
    for (const bad of [[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82]]) {
      const body = Buffer.concat([
        Buffer.from('{"name": "Ana'),
        Buffer.from(bad),
        Buffer.from('", "count": 1}'),
      ]);
      const res = await post('/api/v1/test/echo')
        .set('Content-Type', 'application/json')
        .serialize(raw)
        .send(body)
        .expect(400);
      expect(res.body).toMatchObject({ type: 'https://lse.example/problems/validation', status: 400 });
      expect(res.body.errors).toEqual([{ path: 'name', message: 'is not valid UTF-8' }]);
    }
    expect(TestRoutesController.calls).toBe(before);
    // U+FFFD sent as a character is text like any other.
    const res = await post('/api/v1/test/echo').send({ name: 'Ana \uFFFD', count: 1 }).expect(201);
    expect(res.body.echoed.name).toBe('Ana \uFFFD');
  });

  it('refuses a CSV upload that is not valid UTF-8 or holds NUL, naming the line', async () => {
    const url = '/api/v1/cases/00000000-0000-4000-8000-000000000001/investigation/hours-and-wages';
    const csv = Buffer.concat([
      Buffer.from('worker_ref,worker_name\nE-1,Ana'),
      Buffer.from([0xff]),
      Buffer.from('\n'),
    ]);
    const bad = await post(url).set('Content-Type', 'text/csv').serialize(raw).send(csv).expect(400);
    expect(bad.body.errors).toEqual([{ path: '(body)', message: 'line 2 is not valid UTF-8' }]);
    // The text rule runs after the role check: as a role that may upload hours.
    const investigator = await gw.token('investigator');
    const nul = await request(gw.server as never)
      .post(url)
      .set('Authorization', `Bearer ${investigator}`)
      .set('Content-Type', 'text/csv')
      .send('worker_ref\nE-\u00001\n')
      .expect(400);
    expect(nul.body.errors).toEqual([{ path: '(body)', message: expect.stringMatching(/NUL/) }]);
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
