/**
 * A catch-up reader must never move past an event whose transaction can still commit. These
 * tests hold an append transaction open while later appends commit, and roll one back.
 */
import { randomUUID } from 'node:crypto';
import { Client, type PoolClient } from 'pg';
import { appendEvents, Checkpoint, RecordedEvent, START } from '../src';
import { events } from '../src/contract/fixtures';
import { storeHarness, StoreHarness } from './harness';

describe('catch-up reading with transactions in flight', () => {
  let h: StoreHarness;
  let held: PoolClient;
  const stream = () => `complaint-${randomUUID()}`;

  beforeEach(async () => {
    h = await storeHarness();
    held = await h.db.pool.connect();
  });
  afterEach(async () => {
    await held.query('ROLLBACK').catch(() => undefined);
    held.release();
    await h.cleanup();
  });

  /**
   * Reads until `expected` events arrived (or a deadline passed). Any transaction in flight in
   * this database, e.g. a parallel suite's, delays delivery for a moment.
   */
  async function drain(from: Checkpoint, expected: number): Promise<{ seen: RecordedEvent[]; checkpoint: Checkpoint }> {
    const seen: RecordedEvent[] = [];
    let checkpoint = from;
    const deadline = Date.now() + 5_000;
    for (;;) {
      const batch = await h.store.readAfter(checkpoint, { limit: 2 });
      seen.push(...batch.events);
      checkpoint = batch.checkpoint;
      if (batch.events.length > 0) continue;
      if (seen.length >= expected || Date.now() > deadline) return { seen, checkpoint };
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  const holdAppend = async (streamId: string) => {
    await held.query('BEGIN');
    return appendEvents(held, h.db.schema, streamId, events(1), 'any', new Date(), undefined);
  };

  it('does not pass a lower position that commits after higher positions became visible', async () => {
    await h.store.append(stream(), events(1), 'no_stream');
    const slow = await holdAppend(stream()); // position p, still in flight
    for (let i = 0; i < 3; i++) await h.store.append(stream(), events(1), 'no_stream'); // p+1.. commit

    const before = await drain(START, 1);
    expect(before.seen).toHaveLength(1); // only the event committed before the held transaction began
    expect(before.seen.some((e) => e.globalPosition > slow.positions[0])).toBe(false);

    await held.query('COMMIT');
    const after = await drain(before.checkpoint, 4);
    expect(after.seen).toHaveLength(4);
    expect(after.seen[0].globalPosition).toBe(slow.positions[0]);
  });

  it('does not pass a higher position held by an older transaction', async () => {
    await held.query('BEGIN');
    await held.query('SELECT pg_current_xact_id()'); // the older transaction id is taken first
    await h.store.append(stream(), events(2), 'no_stream'); // newer transaction, lower positions, committed
    const slow = await appendEvents(held, h.db.schema, stream(), events(1), 'any', new Date(), undefined);

    const before = await drain(START, 0);
    expect(before.seen).toHaveLength(0);

    await held.query('COMMIT');
    const after = await drain(before.checkpoint, 3);
    expect(after.seen).toHaveLength(3);
    // Delivered in transaction order: the older transaction's higher position comes first.
    expect(after.seen[0].globalPosition).toBe(slow.positions[0]);
    expect(after.seen[0].globalPosition).toBeGreaterThan(after.seen[1].globalPosition);
  });

  it('does not pass a transaction of this database that took its id before it appended', async () => {
    await held.query('BEGIN');
    await held.query('SELECT pg_current_xact_id()'); // an id, and no event-store row or lock yet
    await h.store.append(stream(), events(1), 'no_stream'); // newer transaction, committed

    const before = await drain(START, 0);
    expect(before.seen).toHaveLength(0); // the reader cannot know the older one will not append

    const slow = await appendEvents(held, h.db.schema, stream(), events(1), 'any', new Date(), undefined);
    await held.query('COMMIT');
    const after = await drain(before.checkpoint, 2);
    expect(after.seen.map((e) => e.globalPosition)).toEqual([slow.positions[0], slow.positions[0] - 1]);
  });

  it('is not held back by a transaction of another database', async () => {
    const url = new URL(h.db.url);
    url.pathname = '/postgres';
    const other = new Client({ connectionString: url.toString() });
    await other.connect();
    try {
      await other.query('BEGIN');
      await other.query('SELECT pg_current_xact_id()'); // in flight, older than the append below
      const appended = await h.store.append(stream(), events(1), 'no_stream');
      const { seen } = await drain(START, 1);
      expect(seen.map((e) => e.globalPosition)).toEqual(appended.positions);
    } finally {
      await other.query('ROLLBACK').catch(() => undefined);
      await other.end();
    }
  });

  it('passes over rolled-back appends and delivers everything that committed', async () => {
    const rolledBack = await holdAppend(stream());
    await h.store.append(stream(), events(2), 'no_stream');
    expect((await drain(START, 0)).seen).toHaveLength(0);

    await held.query('ROLLBACK');
    const { seen } = await drain(START, 2);
    expect(seen).toHaveLength(2);
    expect(seen.some((e) => e.globalPosition === rolledBack.positions[0])).toBe(false);
  });
});
