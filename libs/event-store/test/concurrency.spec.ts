/**
 * No global serialization point: an append in flight blocks only its own stream. Throughput at
 * 1 and 16 writers is measured by `npm run bench -- --only append` (append.scaling.c16_over_c1).
 */
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import { appendEvents } from '../src';
import { events } from '../src/contract/fixtures';
import { storeHarness, StoreHarness } from './harness';

describe('concurrent appends', () => {
  let h: StoreHarness;
  let held: PoolClient;

  beforeEach(async () => {
    h = await storeHarness();
    held = await h.db.pool.connect();
  });
  afterEach(async () => {
    await held.query('ROLLBACK').catch(() => undefined);
    held.release();
    await h.cleanup();
  });

  it('appends to 16 other streams while one append transaction is held open', async () => {
    const busy = `complaint-${randomUUID()}`;
    await h.store.append(busy, events(1), 'no_stream');
    await held.query('BEGIN');
    await appendEvents(held, h.db.schema, busy, events(1), 1, new Date(), undefined);

    const others = Array.from({ length: 16 }, () => `complaint-${randomUUID()}`);
    let timer: NodeJS.Timeout | undefined;
    const results = await Promise.race([
      Promise.all(others.map((id) => h.store.append(id, events(3), 'no_stream'))),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('appends to other streams were blocked')), 5_000);
      }),
    ]).finally(() => clearTimeout(timer)); // a pending 5 s timer kept the jest worker from exiting
    expect(results.every((r) => r.nextExpectedVersion === 3)).toBe(true);

    // The same stream waits for the held transaction, then sees its outcome.
    let settled = false;
    const sameStream = h.store.append(busy, events(1), 'any').finally(() => (settled = true));
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    await held.query('COMMIT');
    expect((await sameStream).nextExpectedVersion).toBe(3);
  });

  it('keeps versions gapless under 16 writers racing on 4 streams', async () => {
    const streams = Array.from({ length: 4 }, () => `complaint-${randomUUID()}`);
    await Promise.all(
      Array.from({ length: 16 }, async (_, w) => {
        for (let i = 0; i < 10; i++) await h.store.append(streams[w % 4], events(2), 'any');
      }),
    );
    for (const id of streams) {
      const versions = (await h.store.readStream(id)).map((e) => e.streamVersion);
      expect(versions).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
      expect((await h.store.verifyStream(id)).ok).toBe(true);
    }
  });
});
