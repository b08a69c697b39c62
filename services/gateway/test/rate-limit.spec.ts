import { WindowThrottlerStorage } from '../src/rate-limit/window-storage';

describe('rate-limit counters', () => {
  it('counts a tracker in fixed windows, blocks past the limit for the block duration, then starts over', async () => {
    let now = 1_000_000;
    const storage = new WindowThrottlerStorage(() => now);
    const hit = () => storage.increment('sub:a', 60_000, 3, 30_000, 'default');
    const results = [await hit(), await hit(), await hit(), await hit()];
    expect(results.map((r) => [r.totalHits, r.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(results[3]).toMatchObject({ timeToExpire: 60, timeToBlockExpire: 30 });
    // Other trackers are counted on their own.
    expect((await storage.increment('sub:b', 60_000, 3, 30_000, 'default')).isBlocked).toBe(false);
    now += 29_000;
    expect((await hit()).isBlocked).toBe(true);
    now += 2_000; // block over, window still running: the count continues, so still over
    expect(await hit()).toMatchObject({ isBlocked: true, totalHits: 5 });
    now += 60_000; // a new window
    expect(await hit()).toMatchObject({ isBlocked: false, totalHits: 1 });
  });
});
