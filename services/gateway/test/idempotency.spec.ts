import request from 'supertest';
import { IdempotencyJanitor } from '../src/idempotency/idempotency-janitor';
import { IdempotencyStore } from '../src/idempotency/idempotency.store';
import { startGateway, TestGateway } from './support/gateway-harness';
import { TestRoutesController } from './support/test-routes.controller';

describe('Idempotency-Key on POST', () => {
  let gw: TestGateway;
  let token: string;
  beforeAll(async () => {
    gw = await startGateway({ IDEMPOTENCY_WAIT_MS: '100' });
    token = await gw.token('intake_officer', 'officer-1');
  });
  afterAll(() => gw.close());
  beforeEach(() => {
    TestRoutesController.calls = 0;
  });

  const post = (path: string, key?: string, as = token) => {
    const req = request(gw.server as never)
      .post(path)
      .set('Authorization', `Bearer ${as}`);
    return key ? req.set('Idempotency-Key', key) : req;
  };

  it('replays the first response for the same key and body without calling the handler again', async () => {
    const first = await post('/api/v1/test/echo', 'key-replay').send({ name: 'a', count: 1 }).expect(201);
    expect(first.headers['idempotency-replayed']).toBeUndefined();
    const second = await post('/api/v1/test/echo', 'key-replay').send({ count: 1, name: 'a' }).expect(201);
    expect(second.headers['idempotency-replayed']).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(TestRoutesController.calls).toBe(1);
  });

  it('runs the handler each time without a key', async () => {
    await post('/api/v1/test/echo').send({ name: 'a', count: 1 }).expect(201);
    await post('/api/v1/test/echo').send({ name: 'a', count: 1 }).expect(201);
    expect(TestRoutesController.calls).toBe(2);
  });

  it('answers 422 problem+json for the same key with a different body', async () => {
    await post('/api/v1/test/echo', 'key-mismatch').send({ name: 'a', count: 1 }).expect(201);
    const res = await post('/api/v1/test/echo', 'key-mismatch').send({ name: 'b', count: 1 }).expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({
      type: 'https://lse.example/problems/idempotency-key-reused',
      status: 422,
    });
    expect(TestRoutesController.calls).toBe(1);
  });

  it('scopes keys to the token subject', async () => {
    const other = await gw.token('intake_officer', 'officer-2');
    await post('/api/v1/test/echo', 'key-shared').send({ name: 'a', count: 1 }).expect(201);
    const res = await post('/api/v1/test/echo', 'key-shared', other)
      .send({ name: 'a', count: 1 })
      .expect(201);
    expect(res.headers['idempotency-replayed']).toBeUndefined();
    expect(TestRoutesController.calls).toBe(2);
  });

  it('keeps the route status on replay', async () => {
    await post('/api/v1/test/slow', 'key-status').send({}).expect(202);
    const res = await post('/api/v1/test/slow', 'key-status').send({}).expect(202);
    expect(res.headers['idempotency-replayed']).toBe('true');
  });

  it('answers 409 request-in-progress to a concurrent request that outwaits its patience', async () => {
    const [a, b] = await Promise.all([
      post('/api/v1/test/slow', 'key-concurrent').send({}),
      new Promise((r) => setTimeout(r, 50)).then(() => post('/api/v1/test/slow', 'key-concurrent').send({})),
    ]);
    expect(a.status).toBe(202);
    expect(b.status).toBe(409);
    expect(b.body).toMatchObject({ type: 'https://lse.example/problems/request-in-progress', status: 409 });
    expect(TestRoutesController.calls).toBe(1);
  });

  it('frees the key when the request fails, so a retry runs', async () => {
    await post('/api/v1/test/fails', 'key-fails').send({}).expect(422);
    await post('/api/v1/test/fails', 'key-fails').send({}).expect(422);
    expect(TestRoutesController.calls).toBe(2);
  });

  it('rejects a malformed key', async () => {
    await post('/api/v1/test/echo', 'has space').send({ name: 'a', count: 1 }).expect(400);
    expect(TestRoutesController.calls).toBe(0);
  });

  it('decides each claim of a batch on its own, a key repeated within the batch included', async () => {
    const store = new IdempotencyStore(gw.db.pool);
    const req = (key: string, requestHash = 'h') => ({
      subject: 'batch-subject',
      key,
      method: 'POST',
      path: '/api/v1/x',
      requestHash,
    });
    await store.begin(req('done'));
    await store.complete('batch-subject', 'done', { status: 201, headers: { etag: '"1"' }, body: { n: 1 } });
    // Submitted in one tick: one statement decides them all.
    const outcomes = await Promise.all([
      store.begin(req('fresh')),
      store.begin(req('twice')),
      store.begin(req('twice')),
      store.begin(req('done')),
      store.begin(req('done', 'another body')),
    ]);
    expect(outcomes).toEqual([
      { kind: 'started' },
      { kind: 'started' },
      { kind: 'in_progress' },
      { kind: 'replay', response: { status: 201, headers: { etag: '"1"' }, body: { n: 1 } } },
      { kind: 'mismatch' },
    ]);
  });

  it('frees the claims a crashed gateway process held when it starts again, and only those', async () => {
    const req = (key: string) => ({
      subject: 'crash-subject',
      key,
      method: 'POST',
      path: '/x',
      requestHash: 'h',
    });
    const crashed = new IdempotencyStore(gw.db.pool, 'gw-host:3000');
    const other = new IdempotencyStore(gw.db.pool, 'gw-host:3001');
    expect(await crashed.begin(req('held-by-crashed'))).toEqual({ kind: 'started' });
    expect(await other.begin(req('held-by-other'))).toEqual({ kind: 'started' });
    await crashed.begin(req('finished-by-crashed'));
    await crashed.complete('crash-subject', 'finished-by-crashed', {
      status: 201,
      headers: {},
      body: { n: 1 },
    });
    // The process dies mid-request: a retry of its request is in progress, as before.
    expect(await other.begin(req('held-by-crashed'))).toEqual({ kind: 'in_progress' });

    const restarted = new IdempotencyStore(gw.db.pool, 'gw-host:3000');
    await new IdempotencyJanitor(restarted).onModuleInit();
    expect(await restarted.begin(req('held-by-crashed'))).toEqual({ kind: 'started' });
    // Another process's claim and a completed response are kept.
    expect(await restarted.begin(req('held-by-other'))).toEqual({ kind: 'in_progress' });
    expect(await restarted.begin(req('finished-by-crashed'))).toMatchObject({ kind: 'replay' });
    expect(await restarted.releaseOwnClaims()).toBe(1);
  });

  it('writes claims and completions of one batch together, each decided on its own', async () => {
    const store = new IdempotencyStore(gw.db.pool);
    const req = (key: string) => ({
      subject: 'mixed-subject',
      key,
      method: 'POST',
      path: '/api/v1/x',
      requestHash: 'h',
    });
    const stored = (n: number) => ({ status: 201, headers: {}, body: { n } });
    await Promise.all([store.begin(req('a')), store.begin(req('b')), store.begin(req('c'))]);
    // One tick, one statement: a's completion, a retry of a (the statement must not write a's
    // row twice; the retry finds it completed), a new claim.
    const [, retryOfA, d] = await Promise.all([
      store.complete('mixed-subject', 'a', stored(1)),
      store.begin(req('a')),
      store.begin(req('d')),
    ]);
    expect(retryOfA).toEqual({ kind: 'replay', response: stored(1) });
    expect(d).toEqual({ kind: 'started' });
    // A completion PostgreSQL refuses fails alone: not the claim, not the other completion.
    const [bDone, cDone, e] = await Promise.allSettled([
      // (The body is sealed, so PostgreSQL sees only bytes; a header is still jsonb.)
      store.complete('mixed-subject', 'b', { status: 201, headers: { etag: 'nul \u0000' }, body: { n: 2 } }),
      store.complete('mixed-subject', 'c', stored(3)),
      store.begin(req('e')),
    ]);
    expect(bDone.status).toBe('rejected');
    expect(cDone.status).toBe('fulfilled');
    expect(e).toEqual({ status: 'fulfilled', value: { kind: 'started' } });
    const { rows } = await gw.db.pool.query<{ key: string; state: string }>(
      `SELECT key, state FROM gateway_idempotency WHERE subject = 'mixed-subject' ORDER BY key`,
    );
    expect(rows.map((r) => `${r.key}:${r.state}`)).toEqual([
      'a:completed',
      'b:in_progress',
      'c:completed',
      'd:in_progress',
      'e:in_progress',
    ]);
  });

  it('deletes keys older than 24 hours', async () => {
    await post('/api/v1/test/echo', 'key-old').send({ name: 'a', count: 1 }).expect(201);
    await gw.db.pool.query(
      `UPDATE gateway_idempotency SET created_at = now() - interval '25 hours' WHERE key = 'key-old'`,
    );
    expect(await new IdempotencyStore(gw.db.pool).purgeExpired()).toBe(1);
    const again = await post('/api/v1/test/echo', 'key-old').send({ name: 'a', count: 1 }).expect(201);
    expect(again.headers['idempotency-replayed']).toBeUndefined();
    expect(TestRoutesController.calls).toBe(2);
  });
});
