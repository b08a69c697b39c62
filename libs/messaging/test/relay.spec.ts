import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { PostgresEventStore } from '@lse/event-store';
import { CASE_EVENTS, EventRelay } from '../src';
import { eventually, messagingHarness, MessagingHarness, newEvent } from './harness';

describe('event relay', () => {
  let h: MessagingHarness;
  const relays: EventRelay[] = [];

  beforeEach(async () => {
    h = await messagingHarness();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
    await h.cleanup();
  });

  function relay(fast = false): EventRelay {
    const r = new EventRelay({
      publishOnCommit: fast,
      name: `relay-${h.category}`,
      store: h.store,
      nc: h.nc,
      connectionString: h.db.url,
      schema: h.db.schema,
      categories: [h.category],
      pollIntervalMs: 50,
      standbyRetryMs: 100,
    });
    relays.push(r);
    return r;
  }

  const subjectCount = async () =>
    (await h.jsm.streams.info(CASE_EVENTS, { subjects_filter: `events.${h.category}.>` })).state.subjects ??
    {};
  const total = async () => Object.values(await subjectCount()).reduce((a, b) => a + b, 0);

  it('publishes each owned event once on events.<category>.<type> with Nats-Msg-Id = event id', async () => {
    const first = newEvent('ComplaintReceived');
    await h.store.append(`${h.category}-${randomUUID()}`, [first, newEvent('CaseOpened')], 'no_stream');
    const r = relay();
    r.start();
    expect(await eventually(total, (n) => n === 2)).toBe(2);
    expect(Object.keys(await subjectCount()).sort()).toEqual([
      `events.${h.category}.CaseOpened`,
      `events.${h.category}.ComplaintReceived`,
    ]);
    const stored = await h.jsm.streams.getMessage(CASE_EVENTS, {
      last_by_subj: `events.${h.category}.ComplaintReceived`,
    });
    expect(stored?.header.get('Nats-Msg-Id')).toBe(first.eventId);
    expect(stored?.json<{ eventId: string; hash: string }>()).toMatchObject({ eventId: first.eventId });

    // A re-publish of the same event id is de-duplicated by the server.
    const ack = await jetstream(h.nc).publish(`events.${h.category}.ComplaintReceived`, '{}', {
      msgID: first.eventId,
    });
    expect(ack.duplicate).toBe(true);
  });

  it('resumes from its stored checkpoint after a restart without re-publishing', async () => {
    const stream = `${h.category}-${randomUUID()}`;
    await h.store.append(stream, [newEvent(), newEvent()], 'no_stream');
    const r1 = relay();
    r1.start();
    await eventually(total, (n) => n === 2);
    await r1.stop();
    relays.splice(relays.indexOf(r1), 1);

    await h.store.append(stream, [newEvent()], 2);
    const r2 = relay();
    r2.start();
    await eventually(
      async () => r2.publishedCount,
      (n) => n === 1,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(r2.publishedCount).toBe(1);
    expect(await total()).toBe(3);
  });

  it('lets one replica relay at a time and another take over when it stops', async () => {
    const a = relay();
    const b = relay();
    a.start();
    await eventually(async () => a.isLeader, Boolean);
    b.start();
    await h.store.append(`${h.category}-${randomUUID()}`, [newEvent()], 'no_stream');
    await eventually(total, (n) => n === 1);
    expect([a.isLeader, b.isLeader]).toEqual([true, false]);

    await a.stop();
    relays.splice(relays.indexOf(a), 1);
    await h.store.append(`${h.category}-${randomUUID()}`, [newEvent(), newEvent()], 'no_stream');
    expect(await eventually(total, (n) => n === 3)).toBe(3);
    expect(b.isLeader).toBe(true);
    // The count follows the checkpoint write, which follows the publish the total already sees.
    expect(
      await eventually(
        async () => b.publishedCount,
        (n) => n === 2,
      ),
    ).toBe(2);
  });

  it('writes its checkpoint without waiting for the WAL flush (the relay is the only writer on its connection)', async () => {
    const r = relay();
    r.start();
    await eventually(
      async () => r.isLeader,
      (leader) => leader,
    );
    await h.store.append(`${h.category}-${randomUUID()}`, [newEvent()], 'no_stream');
    expect(await eventually(total, (n) => n === 1)).toBe(1);
    const leader = (
      r as unknown as {
        leadership: { connection(): { query(sql: string): Promise<{ rows: Array<{ s: string }> }> } };
      }
    ).leadership;
    const { rows } = await leader.connection().query(`SELECT current_setting('synchronous_commit') AS s`);
    expect(rows[0].s).toBe('off');
  });

  describe('publishing its own appends ahead of the catch-up read', () => {
    /** CASE_EVENTS sequence numbers of these events, in the order of `ids`. */
    const sequences = async (ids: string[]) => {
      const consumer = await jetstream(h.nc).consumers.get(CASE_EVENTS, {
        filter_subjects: `events.${h.category}.>`,
      });
      const seqs = new Map<string, number>();
      for await (const m of await consumer.fetch({ max_messages: 100, expires: 1000 }))
        seqs.set(m.json<{ eventId: string }>().eventId, m.seq);
      return ids.map((id) => seqs.get(id));
    };
    const leader = async () => {
      const r = relay(true);
      r.start();
      await eventually(async () => r.isLeader, Boolean);
      await new Promise((resolve) => setTimeout(resolve, 100)); // its checkpoint is loaded
      return r;
    };
    /** An older transaction in flight: nothing committed after it is below the catch-up horizon. */
    const holdHorizon = async () => {
      const held = await h.db.pool.connect();
      await held.query('BEGIN');
      await held.query('SELECT pg_current_xact_id()');
      return async () => {
        await held.query('ROLLBACK');
        held.release();
      };
    };

    it('publishes local appends while the catch-up read is held back, and not again once it passes', async () => {
      const r = await leader();
      const stream = `${h.category}-${randomUUID()}`;
      const first = newEvent();
      const second = newEvent();
      const release = await holdHorizon();
      let last: Awaited<ReturnType<typeof h.store.readStream>>[number];
      try {
        await h.store.append(stream, [first], 'no_stream');
        await h.store.append(stream, [second], 1); // its predecessor is published: it goes too
        expect(await eventually(total, (n) => n === 2)).toBe(2);
        const [a, b] = await sequences([first.eventId, second.eventId]);
        expect(a).toBeLessThan(b!);
        // Published ahead of the checkpoint: asserted while the horizon is still held, since the
        // catch-up read may pass the events the moment it is released.
        last = (await h.store.readStream(stream))[1];
        expect(BigInt(r.position.txId)).toBeLessThan(BigInt(last.txId));
      } finally {
        await release();
      }
      await eventually(async () => BigInt(r.position.txId) >= BigInt(last.txId), Boolean);
      expect(BigInt(r.position.txId)).toBeGreaterThanOrEqual(BigInt(last.txId));
      expect(r.publishedCount).toBe(2);
    });

    it('leaves an event whose stream predecessor is not published yet to the catch-up read, in order', async () => {
      const r = await leader();
      // Another process's store: its appends do not reach this relay's fast path.
      const elsewhere = new PostgresEventStore({
        pool: h.db.pool,
        schema: h.db.schema,
        service: 'test',
        categories: [h.category],
      });
      const stream = `${h.category}-${randomUUID()}`;
      const first = newEvent();
      const second = newEvent();
      const release = await holdHorizon();
      try {
        await elsewhere.append(stream, [first], 'no_stream');
        await h.store.append(stream, [second], 1);
        await new Promise((resolve) => setTimeout(resolve, 300));
        expect(await total()).toBe(0); // the second would have overtaken the first
      } finally {
        await release();
      }
      expect(await eventually(total, (n) => n === 2)).toBe(2);
      const [a, b] = await sequences([first.eventId, second.eventId]);
      expect(a).toBeLessThan(b!);
      expect(r.publishedCount).toBe(2);
    });
  });
});
