/**
 * A subscription woken by an append lets the appends of the next milliseconds gather, so a busy
 * projection handles them in one batch (one transaction) instead of one per append.
 */
import { randomUUID } from 'node:crypto';
import { CatchUpSubscription, START } from '../src';
import { events } from '../src/contract/fixtures';
import { storeHarness, StoreHarness } from './harness';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('catch-up subscription gathering appends', () => {
  let h: StoreHarness;
  beforeEach(async () => {
    h = await storeHarness();
  });
  afterEach(() => h.cleanup());

  async function batchesFor(gatherMs: number): Promise<number[]> {
    const batches: number[] = [];
    const sub = new CatchUpSubscription(h.store, {
      from: START,
      gatherMs,
      pollIntervalMs: 10_000, // only appends wake it
      handle: async (batch) => {
        if (batch.length) batches.push(batch.length);
      },
    });
    sub.start();
    await sleep(100); // caught up with nothing, waiting
    for (let i = 0; i < 3; i++) {
      await h.store.append(`complaint-${randomUUID()}`, events(1), 'no_stream');
      await sleep(30);
    }
    // Past one poll: an append whose notice came while a concurrent transaction elsewhere in the
    // database still held its read back (read-after.ts) is read at the next poll, not lost.
    const deadline = Date.now() + 12_000;
    while (batches.reduce((a, b) => a + b, 0) < 3 && Date.now() < deadline) await sleep(20);
    await sub.stop();
    return batches;
  }

  it('handles appends a few milliseconds apart in one batch', async () => {
    // A window far wider than the three appends take, even on a loaded machine (400 ms was not).
    expect(await batchesFor(1_500)).toEqual([3]);
  });

  it('reads at once with gatherMs 0', async () => {
    const batches = await batchesFor(0);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(3);
    expect(batches[0]).toBe(1);
  });
});
