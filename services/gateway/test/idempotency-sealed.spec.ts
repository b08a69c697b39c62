import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { masterKeyFromEnvironment } from '@lse/crypto-shred';
import { IdempotencyStore } from '../src/idempotency/idempotency.store';
import { resourceIdsOf } from '../src/idempotency/resource-ids';
import { ResponseKeys, SealedResponseError } from '../src/idempotency/response-keys';
import { startGateway, TestGateway } from './support/gateway-harness';
import { TestRoutesController } from './support/test-routes.controller';

/** docs/erasure.md#the-gateways-stored-responses */
describe('stored idempotent responses hold no personal data in clear', () => {
  let gw: TestGateway;
  let token: string;
  beforeAll(async () => {
    gw = await startGateway({ IDEMPOTENCY_WAIT_MS: '100' });
    token = await gw.token('intake_officer', 'officer-sealed');
  });
  afterAll(() => gw.close());

  const echo = (key: string, name: string) =>
    request(gw.server as never)
      .post('/api/v1/test/echo')
      .set('Authorization', `Bearer ${token}`)
      .set('Idempotency-Key', key)
      .send({ name, count: 1 });
  const rowText = async (key: string) =>
    (
      await gw.db.pool.query<{ row: string }>(
        `SELECT row_to_json(g)::text AS row FROM gateway_idempotency g WHERE key = $1`,
        [key],
      )
    ).rows.map((r) => r.row);

  it('keeps the body sealed, and a retry with the same key is answered exactly as the first time', async () => {
    const plant = `Zebulon Quixotl-${randomUUID().slice(0, 8)}`;
    TestRoutesController.calls = 0;
    const first = await echo('sealed-1', plant).expect(201);
    expect(first.body.echoed.name).toBe(plant);
    const stored = await rowText('sealed-1');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toContain('"state":"completed"');
    expect(stored[0]).not.toContain(plant);
    expect(stored[0]).not.toContain('Zebulon');
    const again = await echo('sealed-1', plant).expect(201);
    expect(again.headers['idempotency-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(TestRoutesController.calls).toBe(1);
  });

  it('refuses a sealed body copied onto another row (bound to its subject and key)', async () => {
    await echo('sealed-2', 'Copied Person').expect(201);
    await echo('sealed-3', 'Other Person').expect(201);
    await gw.db.pool.query(
      `UPDATE gateway_idempotency SET sealed_body = (SELECT sealed_body FROM gateway_idempotency WHERE key = 'sealed-2'),
              body_key = (SELECT body_key FROM gateway_idempotency WHERE key = 'sealed-2')
        WHERE key = 'sealed-3'`,
    );
    const keys = new ResponseKeys(gw.db.pool, masterKeyFromEnvironment());
    const { rows } = await gw.db.pool.query<{ subject: string; body_key: string; sealed_body: Buffer }>(
      `SELECT subject, body_key, sealed_body FROM gateway_idempotency WHERE key = 'sealed-3'`,
    );
    await expect(
      keys.open(
        { keyId: rows[0].body_key, bytes: rows[0].sealed_body },
        JSON.stringify([rows[0].subject, 'sealed-3']),
      ),
    ).rejects.toBeInstanceOf(SealedResponseError);
  });

  it('deletes the key of a day two days later, and no response of that day opens any more', async () => {
    let now = Date.parse('2001-03-01T12:00:00Z'); // in the past: the real days' keys stay;
    const keys = new ResponseKeys(gw.db.pool, masterKeyFromEnvironment(), () => now);
    const sealed = await keys.seal({ name: 'Old Person' }, 'row-old');
    await expect(keys.open(sealed, 'row-old')).resolves.toEqual({ name: 'Old Person' });
    now += 86_400_000; // the next day: still kept (a row of the day before may be 23 h old)
    expect(await keys.destroyExpired()).toBe(0);
    await expect(keys.open(sealed, 'row-old')).resolves.toEqual({ name: 'Old Person' });
    now += 86_400_000;
    expect(await keys.destroyExpired()).toBe(1);
    const { rows } = await gw.db.pool.query(`SELECT 1 FROM gateway_response_keys WHERE key_id = $1`, [
      sealed.keyId,
    ]);
    expect(rows).toHaveLength(0);
    const elsewhere = new ResponseKeys(gw.db.pool, masterKeyFromEnvironment(), () => now);
    await expect(elsewhere.open(sealed, 'row-old')).rejects.toBeInstanceOf(SealedResponseError);
    await expect(keys.open(sealed, 'row-old')).rejects.toBeInstanceOf(SealedResponseError);
  });

  it("drops at once the stored responses of an erased case's requests, by the ids in path and Location", async () => {
    const store = new IdempotencyStore(gw.db.pool);
    const caseId = randomUUID();
    const req = (key: string, path: string) => ({
      subject: 'eraser',
      key,
      method: 'POST',
      path,
      requestHash: 'h',
    });
    await store.begin(req('on-case', `/api/v1/cases/${caseId}/interviews`));
    await store.begin(req('made-case', '/api/v1/complaints'));
    await store.begin(req('elsewhere', `/api/v1/cases/${randomUUID()}/interviews`));
    const body = { name: 'Erased Person' };
    await store.complete(
      'eraser',
      'on-case',
      { status: 201, headers: {}, body },
      `/api/v1/cases/${caseId}/interviews`,
    );
    await store.complete(
      'eraser',
      'made-case',
      { status: 201, headers: { location: `/api/v1/cases/${caseId.toUpperCase()}` }, body },
      '/api/v1/complaints',
    );
    await store.complete('eraser', 'elsewhere', { status: 201, headers: {}, body }, '/api/v1/cases/x');
    expect(await store.forgetResources([caseId])).toBe(2);
    const { rows } = await gw.db.pool.query<{ key: string }>(
      `SELECT key FROM gateway_idempotency WHERE subject = 'eraser'`,
    );
    expect(rows.map((r) => r.key)).toEqual(['elsewhere']);
    expect(resourceIdsOf('/api/v1/cases/x', {})).toEqual([]);
  });
});
