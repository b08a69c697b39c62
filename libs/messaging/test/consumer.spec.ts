import { randomUUID } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import type { RecordedEvent } from '@lse/event-store';
import { DEAD_LETTERS, DurableConsumer, EventRelay, failureReason, HEADERS, reactionEvent } from '../src';
import { eventually, messagingHarness, MessagingHarness, newEvent } from './harness';

describe('durable consumer', () => {
  let h: MessagingHarness;
  let relay: EventRelay;
  const consumers: DurableConsumer[] = [];

  beforeEach(async () => {
    h = await messagingHarness();
    relay = new EventRelay({
      name: `relay-${h.category}`,
      store: h.store,
      nc: h.nc,
      connectionString: h.db.url,
      schema: h.db.schema,
      categories: [h.category],
      pollIntervalMs: 50,
    });
    relay.start();
  });
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((c) => c.stop()));
    for (const name of [
      `${h.category}-ok`,
      `${h.category}-poison`,
      `${h.category}-react`,
      `${h.category}-parallel`,
      `${h.category}-lost`,
    ]) {
      await h.jsm.consumers.delete('CASE_EVENTS', name).catch(() => undefined);
    }
    await relay.stop();
    await h.cleanup();
  });

  function consumer(
    suffix: string,
    handle: (e: RecordedEvent, d: { deliveryCount: number }) => Promise<void>,
    concurrency?: number,
    ackWaitMs?: number,
    maxDeliver = 3,
  ) {
    const c = new DurableConsumer({
      concurrency,
      ackWaitMs,
      nc: h.nc,
      jsm: h.jsm,
      name: `${h.category}-${suffix}`,
      filterSubject: `events.${h.category}.>`,
      types: ['Wanted'],
      maxDeliver,
      backoffMs: [50, 100],
      handle,
    });
    consumers.push(c);
    return c;
  }

  it('redelivers after a failure and acknowledges only after the handler succeeds', async () => {
    const seen: Array<{ id: string; attempt: number }> = [];
    const c = consumer('ok', async (e, d) => {
      seen.push({ id: e.eventId, attempt: d.deliveryCount });
      if (d.deliveryCount === 1) throw new Error('database briefly unavailable');
    });
    await c.start();
    const wanted = newEvent('Wanted');
    await h.store.append(`${h.category}-${randomUUID()}`, [newEvent('Ignored'), wanted], 'no_stream');
    await eventually(
      async () => seen.length,
      (n) => n >= 2,
    );
    expect(seen).toEqual([
      { id: wanted.eventId, attempt: 1 },
      { id: wanted.eventId, attempt: 2 },
    ]);
    expect(
      await eventually(
        () => c.lag(),
        (n) => n === 0,
      ),
    ).toBe(0);
  });

  it('says of a failure only its class and code, never its message (personal values)', () => {
    const zod = Object.assign(new Error('Expected number, received "Zebulon"'), { name: 'ZodError' });
    const coded = Object.assign(new Error('worker Zebulon was erased'), {
      name: 'SubjectErasedError',
      code: 'subject_erased',
    });
    const odd = Object.assign(new Error('x'), { name: 'Zebulon Quixotl', code: 'has spaces' });
    expect(failureReason(zod)).toBe('ZodError');
    expect(failureReason(coded)).toBe('SubjectErasedError [subject_erased]');
    expect(failureReason(odd)).toBe('Error');
    expect(failureReason('Zebulon')).toBe('non-error thrown (string)');
  });

  it('parks a poison message on the dead-letter subject with the reason after bounded redelivery', async () => {
    let attempts = 0;
    const c = consumer('poison', async () => {
      attempts++;
      throw new Error('amount is not a number for Zebulon Quixotl');
    });
    await c.start();
    const poison = newEvent('Wanted');
    await h.store.append(`${h.category}-${randomUUID()}`, [poison], 'no_stream');
    const dead = await eventually(
      () =>
        h.jsm.streams
          .getMessage(DEAD_LETTERS, { last_by_subj: `deadletter.${h.category}-poison` })
          .catch(() => null),
      (m) => m !== null,
    );
    expect(attempts).toBe(3);
    // The class only: an error's message may quote personal values (docs/erasure.md).
    expect(dead?.header.get(HEADERS.failureReason)).toBe('Error');
    const headerText = [...(dead?.header.keys() ?? [])].map((k) => dead?.header.get(k)).join('|');
    expect(headerText).not.toContain('Zebulon');
    expect(dead?.json<RecordedEvent>().eventId).toBe(poison.eventId);
    expect(
      await eventually(
        () => c.lag(),
        (n) => n === 0,
      ),
    ).toBe(0);
  });

  /** Deliveries of the next message that reach a process which dies before acknowledging it. */
  async function loseDeliveries(name: string, count: number, ackWaitMs: number): Promise<void> {
    const raw = await jetstream(h.nc).consumers.get('CASE_EVENTS', name);
    for (let i = 0; i < count; i++) {
      const msg = await raw.next({ expires: 5_000 });
      expect(msg?.info.deliveryCount).toBe(i + 1); // not acknowledged: redelivered after ack wait
      await new Promise((r) => setTimeout(r, ackWaitMs + 100));
    }
  }

  it('never lets the server drop a message whose deliveries were lost with crashed processes', async () => {
    const ackWaitMs = 300;
    const maxDeliver = 2;
    const handled: number[] = [];
    const lostConsumer = () =>
      consumer('lost', async (_e, d) => void handled.push(d.deliveryCount), undefined, ackWaitMs, maxDeliver);
    const setup = lostConsumer();
    await setup.start(); // creates the durable consumer
    await setup.stop();
    const first = newEvent('Wanted');
    const second = newEvent('Wanted');
    await h.store.append(`${h.category}-${randomUUID()}`, [first], 'no_stream');
    // More lost deliveries than maxDeliver + 1: a server-side limit there would have dropped it.
    await loseDeliveries(`${h.category}-lost`, 3, ackWaitMs);
    const c = lostConsumer();
    await c.start();
    await eventually(
      async () => handled.length,
      (n) => n === 1,
    );
    expect(handled).toEqual([4]);
    await c.stop();

    // Lost more than twice maxDeliver times: parked unhandled (it may be what kills the process).
    await h.store.append(`${h.category}-${randomUUID()}`, [second], 'no_stream');
    await loseDeliveries(`${h.category}-lost`, 4, ackWaitMs);
    const again = lostConsumer();
    await again.start();
    const dead = await eventually(
      () =>
        h.jsm.streams
          .getMessage(DEAD_LETTERS, { last_by_subj: `deadletter.${h.category}-lost` })
          .catch(() => null),
      (m) => m !== null,
    );
    expect(dead?.json<RecordedEvent>().eventId).toBe(second.eventId);
    expect(dead?.header.get(HEADERS.failureReason)).toBe('NeverAcknowledged');
    expect(handled).toEqual([4]);
  }, 60_000);

  it('makes a redelivered reaction a no-op through its derived event id', async () => {
    const reactions: boolean[] = [];
    const c = consumer('react', async (cause) => {
      const result = await h.store.append(
        `${h.category}-reaction-${cause.metadata.caseId}`,
        [
          reactionEvent(cause, 'react', 'test', '2026-11-20T10:00:01.000Z', {
            type: 'Reacted',
            schemaVersion: 1,
            data: {},
          }),
        ],
        'any',
      );
      reactions.push(result.alreadyStored);
    });
    await c.start();
    const cause = newEvent('Wanted');
    await h.store.append(`${h.category}-${randomUUID()}`, [cause], 'no_stream');
    await eventually(
      async () => reactions.length,
      (n) => n === 1,
    );
    // Inject a redelivery: publish the same cause again under a fresh message id.
    const [recorded] = (await h.store.readAll({ types: ['Wanted'] })).events;
    await jetstream(h.nc).publish(`events.${h.category}.Wanted`, JSON.stringify(recorded), {
      msgID: randomUUID(),
    });
    await eventually(
      async () => reactions.length,
      (n) => n === 2,
    );
    expect(reactions).toEqual([false, true]);
    const reacted = await h.store.readAll({ types: ['Reacted'] });
    expect(reacted.events).toHaveLength(1);
    expect(reacted.events[0].metadata).toMatchObject({
      causationId: cause.eventId,
      correlationId: cause.metadata.correlationId,
    });
  });

  it('with concurrency, handles different cases at once and the messages of one case one at a time, in order', async () => {
    const one = randomUUID();
    const active = new Map<string, number>();
    let most = 0;
    let overlapInCase = false;
    const handled: Array<{ caseId: string; n: unknown }> = [];
    const c = consumer(
      'parallel',
      async (e) => {
        const caseId = e.metadata.caseId!;
        active.set(caseId, (active.get(caseId) ?? 0) + 1);
        if (active.get(caseId)! > 1) overlapInCase = true;
        most = Math.max(
          most,
          [...active.values()].reduce((a, b) => a + b, 0),
        );
        await new Promise((r) => setTimeout(r, 100));
        active.set(caseId, active.get(caseId)! - 1);
        handled.push({ caseId, n: e.data.n });
      },
      4,
    );
    await c.start();
    // One case with three events, four other cases with one each.
    await h.store.append(
      `${h.category}-${one}`,
      [1, 2, 3].map((n) => newEvent('Wanted', { n }, one)),
      'no_stream',
    );
    for (let i = 0; i < 4; i++) {
      const other = randomUUID();
      await h.store.append(`${h.category}-${other}`, [newEvent('Wanted', { n: i }, other)], 'no_stream');
    }
    await eventually(
      async () => handled.length,
      (n) => n === 7,
    );
    expect(handled).toHaveLength(7);
    expect(overlapInCase).toBe(false);
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
    expect(handled.filter((x) => x.caseId === one).map((x) => x.n)).toEqual([1, 2, 3]);
    expect(
      await eventually(
        () => c.lag(),
        (n) => n === 0,
      ),
    ).toBe(0);
  });
});
