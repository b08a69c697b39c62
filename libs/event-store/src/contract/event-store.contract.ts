// Over 300 lines: one contract every EventStore adapter must pass, one describe block of cases that share a harness.
/**
 * The behaviour every EventStore adapter must have. An adapter's test file calls
 * `describeEventStoreContract` with a factory for a fresh, empty store that may append to the
 * categories `complaint` and `investigation` (and not to `collection`).
 */
import { randomUUID } from 'node:crypto';
import {
  DuplicateEventIdError,
  CategoryNotOwnedError,
  EventTooLargeError,
  InvalidAppendError,
  WrongExpectedVersionError,
} from '../errors';
import type { EventStore, RecordedEvent } from '../port';
import { MAX_EVENT_BYTES, START } from '../port';
import { CatchUpSubscription } from '../subscription';
import { anEvent, events } from './fixtures';

export interface ContractHarness {
  store: EventStore;
  cleanup(): Promise<void>;
}

export function describeEventStoreContract(adapter: string, create: () => Promise<ContractHarness>): void {
  describe(`EventStore contract: ${adapter}`, () => {
    let harness: ContractHarness;
    let store: EventStore;
    const stream = () => `complaint-${randomUUID()}`;

    beforeEach(async () => {
      harness = await create();
      store = harness.store;
    });
    afterEach(() => harness.cleanup());

    describe('append with an expected version', () => {
      it('starts a stream at version 1 and returns increasing positions', async () => {
        const id = stream();
        const result = await store.append(id, events(3), 'no_stream');
        expect(result.nextExpectedVersion).toBe(3);
        expect(result.alreadyStored).toBe(false);
        expect(result.positions).toHaveLength(3);
        expect([...result.positions].sort((a, b) => a - b)).toEqual(result.positions);
        const stored = await store.readStream(id);
        expect(stored.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
        expect(await store.streamVersion(id)).toBe(3);
      });

      it('refuses no_stream when the stream exists, with the actual version', async () => {
        const id = stream();
        await store.append(id, events(2), 'no_stream');
        const refusal = store.append(id, events(1), 'no_stream');
        await expect(refusal).rejects.toBeInstanceOf(WrongExpectedVersionError);
        await expect(refusal).rejects.toMatchObject({ actual: 2, code: 'wrong_expected_version' });
        expect(await store.streamVersion(id)).toBe(2);
      });

      it('appends at the exact version and refuses a stale one', async () => {
        const id = stream();
        await store.append(id, events(1), 0);
        await store.append(id, events(1), 1);
        await expect(store.append(id, events(1), 1)).rejects.toMatchObject({ actual: 2 });
        await expect(store.append(stream(), events(1), 5)).rejects.toMatchObject({ actual: 0 });
        expect((await store.readStream(id)).length).toBe(2);
      });

      it('appends with any regardless of the version', async () => {
        const id = stream();
        await store.append(id, events(1), 'any');
        const result = await store.append(id, events(2), 'any');
        expect(result.nextExpectedVersion).toBe(3);
      });

      it('lets exactly one of two concurrent writers at the same version win', async () => {
        const id = stream();
        await store.append(id, events(1), 'no_stream');
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.append(id, events(2), 1)),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
        expect(rejected.every((o) => o.reason instanceof WrongExpectedVersionError)).toBe(true);
        expect((await store.readStream(id)).map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      });

      it('rejects empty appends, malformed ids and malformed stream ids, writing nothing', async () => {
        const id = stream();
        await expect(store.append(id, [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(id, [anEvent({ eventId: 'not-a-uuid' })], 'any')).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
        await expect(store.append('no category', events(1), 'any')).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
        const e = anEvent();
        await expect(store.append(id, [e, e], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.streamVersion(id)).toBe(0);
      });

      it('refuses an event too large to be relayed as one NATS message, writing nothing', async () => {
        const id = stream();
        // Multi-byte text: the limit counts UTF-8 bytes, not characters.
        const big = anEvent({ data: { text: '\u00e9'.repeat(MAX_EVENT_BYTES / 2) } });
        const refused = store.append(id, [anEvent(), big], 'no_stream');
        await expect(refused).rejects.toBeInstanceOf(EventTooLargeError);
        await expect(refused).rejects.toMatchObject({
          code: 'event_too_large',
          details: { eventType: big.type, limit: MAX_EVENT_BYTES },
        });
        expect(await store.streamVersion(id)).toBe(0);
        // Just under the limit is recorded.
        const fits = anEvent({ data: { text: 'x'.repeat(MAX_EVENT_BYTES - 2_000) } });
        await expect(store.append(id, [fits], 'no_stream')).resolves.toMatchObject({
          nextExpectedVersion: 1,
        });
      });

      it('refuses streams of categories the service does not own', async () => {
        await expect(store.append(`collection-${randomUUID()}`, events(1), 'any')).rejects.toBeInstanceOf(
          CategoryNotOwnedError,
        );
      });
    });

    describe('idempotency by event id', () => {
      it('answers a repeated append with the original positions and writes nothing', async () => {
        const id = stream();
        const batch = events(3);
        const first = await store.append(id, batch, 'no_stream');
        const again = await store.append(id, batch, 'no_stream');
        const againAny = await store.append(id, batch, 'any');
        for (const retry of [again, againAny]) {
          expect(retry).toEqual({ ...first, alreadyStored: true });
        }
        expect((await store.readStream(id)).length).toBe(3);
      });

      it('recognises a retry even after the stream moved on', async () => {
        const id = stream();
        const batch = events(1);
        await store.append(id, batch, 0);
        await store.append(id, events(1), 1);
        const retry = await store.append(id, batch, 0);
        expect(retry.alreadyStored).toBe(true);
        expect(retry.nextExpectedVersion).toBe(1);
      });

      it('refuses the same id with different content', async () => {
        const id = stream();
        const e = anEvent();
        await store.append(id, [e], 'no_stream');
        const tampered = { ...e, data: { ...e.data, amountCents: 1 } };
        await expect(store.append(id, [tampered], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
        await expect(store.append(stream(), [e], 'any')).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect((await store.readStream(id)).length).toBe(1);
      });
    });

    describe('reading', () => {
      it('reads a version range and the stream as of an instant', async () => {
        const id = stream();
        await store.append(id, events(5), 'no_stream');
        expect(
          (await store.readStream(id, { fromVersion: 2, toVersion: 4 })).map((e) => e.streamVersion),
        ).toEqual([2, 3, 4]);
        const all = await store.readStream(id);
        const asOf = await store.readStream(id, { asOf: all[0].recordedAt });
        expect(asOf.length).toBeGreaterThanOrEqual(1);
        expect(asOf.every((e) => e.recordedAt <= all[0].recordedAt)).toBe(true);
        expect(await store.readStream(id, { asOf: '2000-01-01T00:00:00Z' })).toEqual([]);
      });

      it('returns what was appended, with actor, correlation and a chained hash', async () => {
        const id = stream();
        const caseId = randomUUID();
        const sent = events(2, caseId);
        await store.append(id, sent, 'no_stream');
        const [a, b] = await store.readStream(id);
        expect(a).toMatchObject({
          eventId: sent[0].eventId,
          type: sent[0].type,
          data: sent[0].data,
          streamId: id,
        });
        expect(a.metadata).toEqual(sent[0].metadata);
        expect(a.prevHash).toBe('');
        expect(b.prevHash).toBe(a.hash);
        expect(a.hash).toMatch(/^[0-9a-f]{64}$/);
      });

      it('pages through all events with filters by category, type and case', async () => {
        const caseId = randomUUID();
        await store.append(`complaint-${caseId}`, events(3, caseId), 'no_stream');
        await store.append(
          `investigation-${caseId}`,
          [anEvent({ caseId, type: 'InvestigationOpened' })],
          'no_stream',
        );
        await store.append(stream(), events(2), 'no_stream');

        const seen: RecordedEvent[] = [];
        let from: number | null = 0;
        while (from !== null) {
          const page = await store.readAll({ fromPosition: from, limit: 2 });
          seen.push(...page.events);
          from = page.nextPosition;
        }
        expect(seen.length).toBe(6);
        expect(seen.map((e) => e.globalPosition)).toEqual(
          [...seen.map((e) => e.globalPosition)].sort((x, y) => x - y),
        );

        expect((await store.readAll({ categories: ['investigation'] })).events.map((e) => e.type)).toEqual([
          'InvestigationOpened',
        ]);
        expect((await store.readAll({ types: ['InvestigationOpened'] })).events).toHaveLength(1);
        const wholeCase = await store.readCase(caseId);
        expect(wholeCase.events.map((e) => e.streamId)).toEqual([
          `complaint-${caseId}`,
          `complaint-${caseId}`,
          `complaint-${caseId}`,
          `investigation-${caseId}`,
        ]);
      });
    });

    describe('catch-up reading', () => {
      it('reads every committed event once, in stream order, and advances its checkpoint', async () => {
        const ids = [stream(), stream(), stream()];
        await Promise.all(
          ids.map(async (id) => {
            for (let i = 0; i < 4; i++) await store.append(id, events(2), 'any');
          }),
        );
        const seen: RecordedEvent[] = [];
        let checkpoint = START;
        // A reader sees only what no transaction still in flight in this database can precede;
        // other suites share the database, so an empty batch may mean "not yet", not "all read".
        const deadline = Date.now() + 10_000;
        while (seen.length < 24 && Date.now() < deadline) {
          const batch = await store.readAfter(checkpoint, { limit: 5 });
          seen.push(...batch.events);
          checkpoint = batch.checkpoint;
          if (batch.events.length === 0) await new Promise((r) => setTimeout(r, 20));
        }
        expect((await store.readAfter(checkpoint, { limit: 5 })).events).toEqual([]);
        expect(seen).toHaveLength(24);
        expect(new Set(seen.map((e) => e.eventId)).size).toBe(24);
        for (const id of ids) {
          expect(seen.filter((e) => e.streamId === id).map((e) => e.streamVersion)).toEqual([
            1, 2, 3, 4, 5, 6, 7, 8,
          ]);
        }
        expect((await store.readAfter(checkpoint)).events).toEqual([]);
      });

      it('moves a filtered checkpoint past events the filter does not match', async () => {
        await store.append(stream(), events(3), 'no_stream');
        const first = await store.readAfter(START, { categories: ['investigation'] });
        expect(first.events).toEqual([]);
        expect(first.checkpoint).not.toEqual(START);
      });

      it('a subscription delivers concurrent appends exactly once each', async () => {
        const seen: RecordedEvent[] = [];
        const sub = new CatchUpSubscription(store, {
          from: START,
          batchSize: 7,
          pollIntervalMs: 20,
          handle: async (batch) => {
            seen.push(...batch);
          },
        });
        sub.start();
        const ids = Array.from({ length: 8 }, stream);
        await Promise.all(
          ids.map(async (id) => {
            for (let i = 0; i < 5; i++) await store.append(id, events(1), 'any');
          }),
        );
        const deadline = Date.now() + 10_000;
        while (seen.length < 40 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        await sub.stop();
        expect(seen).toHaveLength(40);
        expect(new Set(seen.map((e) => e.eventId)).size).toBe(40);
        for (const id of ids) {
          expect(seen.filter((e) => e.streamId === id).map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5]);
        }
      });

      it('retries a failed batch from the same checkpoint without losing it', async () => {
        await store.append(stream(), events(3), 'no_stream');
        let failures = 1;
        const seen: string[] = [];
        const sub = new CatchUpSubscription(store, {
          from: START,
          pollIntervalMs: 20,
          handle: async (batch) => {
            if (batch.length && failures-- > 0) throw new Error('projection down');
            seen.push(...batch.map((e) => e.eventId));
          },
        });
        sub.start();
        const deadline = Date.now() + 5_000;
        while (seen.length < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        await sub.stop();
        expect(seen).toHaveLength(3);
      });
    });

    describe('integrity', () => {
      it('verifies untouched streams and the whole store', async () => {
        const id = stream();
        await store.append(id, events(4), 'no_stream');
        await store.append(stream(), events(2), 'no_stream');
        expect(await store.verifyStream(id)).toMatchObject({ ok: true, eventsChecked: 4 });
        expect(await store.verifyAll()).toMatchObject({ ok: true, streamsChecked: 2, eventsChecked: 6 });
      });
    });
  });
}
