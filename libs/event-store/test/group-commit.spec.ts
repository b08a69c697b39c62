/**
 * Group commit: appends submitted together share one statement and one transaction, and each is
 * still decided exactly as it would be alone.
 */
import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError, WrongExpectedVersionError } from '../src';
import { anEvent, events } from '../src/contract/fixtures';
import { storeHarness, StoreHarness } from './harness';

describe('group commit', () => {
  let h: StoreHarness;
  const stream = () => `complaint-${randomUUID()}`;

  beforeEach(async () => {
    h = await storeHarness({ groupCommit: true });
  });
  afterEach(() => h.cleanup());

  const transactionsOf = async (streamIds: string[]) => {
    const { rows } = await h.db.pool.query<{ n: string }>(
      `SELECT count(DISTINCT tx_id)::text AS n FROM ${h.db.schema}.events WHERE stream_id = ANY($1)`,
      [streamIds],
    );
    return Number(rows[0].n);
  };

  it('commits concurrent appends to many streams together, each with its own gapless chain', async () => {
    const ids = Array.from({ length: 20 }, stream);
    const results = await Promise.all(ids.map((id) => h.store.append(id, events(2), 'no_stream')));
    expect(results.map((r) => r.nextExpectedVersion)).toEqual(ids.map(() => 2));
    expect(await transactionsOf(ids)).toBeLessThan(ids.length);
    for (const id of ids) {
      expect((await h.store.readStream(id)).map((e) => e.streamVersion)).toEqual([1, 2]);
      expect((await h.store.verifyStream(id)).ok).toBe(true);
    }
    // Positions are distinct and increase within each append.
    const positions = results.flatMap((r) => r.positions);
    expect(new Set(positions).size).toBe(positions.length);
    expect((await h.store.verifyAll()).ok).toBe(true);
  });

  it('decides each append of a batch on its own: conflicts, retries and reused ids', async () => {
    const existing = stream();
    const retried = events(2);
    const first = await h.store.append(existing, retried, 'no_stream');
    const reused = retried[0];
    const fresh = [stream(), stream()];

    const outcomes = await Promise.allSettled([
      h.store.append(fresh[0], events(1), 'no_stream'),
      h.store.append(existing, events(1), 'no_stream'), // stale: the stream exists
      h.store.append(existing, retried, 'no_stream'), // a retry of the first append
      h.store.append(fresh[1], [{ ...anEvent(), eventId: reused.eventId }], 'no_stream'), // id reused
      h.store.append(existing, events(1), 2), // right version: appended
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
    const value = (i: number) => (outcomes[i] as PromiseFulfilledResult<{ nextExpectedVersion: number }>).value;
    const reason = (i: number) => (outcomes[i] as PromiseRejectedResult).reason as unknown;
    expect(value(0).nextExpectedVersion).toBe(1);
    expect(reason(1)).toBeInstanceOf(WrongExpectedVersionError);
    expect(value(2)).toEqual({ ...first, alreadyStored: true });
    expect(reason(3)).toBeInstanceOf(DuplicateEventIdError);
    expect(value(4).nextExpectedVersion).toBe(3);
    expect(await h.store.streamVersion(fresh[1])).toBe(0);
    // Decided in one statement, not one by one after a failed batch.
    expect(await transactionsOf([fresh[0], existing])).toBe(2); // the first append's, and the batch's
    expect((await h.store.readStream(existing)).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
    expect((await h.store.verifyAll()).ok).toBe(true);
  });

  it('orders appends to one stream within a batch: versions stay gapless, one no_stream wins', async () => {
    const id = stream();
    const any = await Promise.all(Array.from({ length: 5 }, () => h.store.append(id, events(1), 'any')));
    expect(any.map((r) => r.nextExpectedVersion).sort()).toEqual([1, 2, 3, 4, 5]);

    const other = stream();
    const racing = await Promise.allSettled([
      h.store.append(other, events(1), 'no_stream'),
      h.store.append(other, events(1), 'no_stream'),
    ]);
    expect(racing.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await h.store.streamVersion(other)).toBe(1);
    expect((await h.store.verifyAll()).ok).toBe(true);
  });
});
