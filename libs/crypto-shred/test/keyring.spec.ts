import { randomBytes, randomUUID } from 'node:crypto';
import { HoursAndWagesRecorded, toNewEvent } from '@lse/contracts';
import { EX, investigationExamples } from '@lse/contracts/src/investigation/examples';
import { CASE_EVENTS, DurableConsumer, EventRelay } from '@lse/messaging';
import type { RecordedEvent } from '@lse/event-store';
import { eventually, messagingHarness, type MessagingHarness } from '@lse/messaging/test/harness';
import { ERASED, FileMasterKey, MasterKeyError, SealedEventStore, SubjectKeys, pseudonym } from '../src';

/** The keyring and the sealed store on the real PostgreSQL and JetStream (a schema and a category of their own). */
describe('crypto-shredding on PostgreSQL and JetStream', () => {
  let h: MessagingHarness;
  const master = FileMasterKey.fromBase64(randomBytes(32).toString('base64'));
  const keyring = () => new SubjectKeys({ pool: h.db.pool, schema: h.db.schema, wrapping: master });

  beforeAll(async () => {
    h = await messagingHarness();
  });
  afterAll(() => h.cleanup());

  function hoursEvent(caseId: string) {
    return toNewEvent(
      { type: HoursAndWagesRecorded.type, data: investigationExamples().HoursAndWagesRecorded },
      randomUUID(),
      {
        caseId,
        actor: { id: 'ivan@agency.gov', role: 'investigator' },
        correlationId: randomUUID(),
        sourceService: 'investigation',
        occurredAt: '2026-02-01T10:00:00Z',
      },
    );
  }

  it('creates one key per subject however many processes ask at once', async () => {
    const subject = `worker:${randomUUID()}`;
    const rings = Array.from({ length: 8 }, keyring);
    const keys = await Promise.all(rings.map((ring) => ring.keysFor([subject, `case:${EX.caseId}`])));
    const ids = new Set(keys.map((k) => k.get(subject)!.keyId));
    expect(ids.size).toBe(1);
    expect(new Set(keys.map((k) => k.get(subject)!.key.toString('hex'))).size).toBe(1);
    const { rows } = await h.db.pool.query(
      `SELECT count(*)::int AS n FROM ${h.db.schema}.subject_keys WHERE subject = $1`,
      [subject],
    );
    expect(rows[0].n).toBe(1);
  });

  it('a keyring written with another master key refuses to open, saying so', async () => {
    const subject = `worker:${randomUUID()}`;
    await keyring().keysFor([subject]);
    const other = new SubjectKeys({
      pool: h.db.pool,
      schema: h.db.schema,
      wrapping: FileMasterKey.fromBase64(randomBytes(32).toString('base64')),
    });
    await expect(other.keysFor([subject])).rejects.toThrow(MasterKeyError);
  });

  it('stores no plaintext name, relays the sealed form, reads opened; after destroy reads erased and the chain still verifies', async () => {
    const caseId = randomUUID();
    const streamId = `${h.category}-${caseId}`;
    const writerKeys = keyring();
    const store = new SealedEventStore(h.store, writerKeys);
    const event = hoursEvent(caseId);
    await store.append(streamId, [event], 'no_stream');
    // A retry of the same append (same event id and content) is answered as stored before.
    expect((await store.append(streamId, [event], 'no_stream')).alreadyStored).toBe(true);

    const { rows } = await h.db.pool.query<{ data: string }>(
      `SELECT data::text || metadata::text AS data FROM ${h.db.schema}.events WHERE stream_id = $1`,
      [streamId],
    );
    expect(rows[0].data).not.toContain('Planted');
    expect(rows[0].data).not.toContain(EX.workerId);

    const relay = new EventRelay({
      name: `relay-${h.category}`,
      store: h.store,
      nc: h.nc,
      connectionString: h.db.url,
      schema: h.db.schema,
      categories: [h.category],
      pollIntervalMs: 50,
    });
    relay.start();
    try {
      const message = await eventually(
        () =>
          h.jsm.streams
            .getMessage(CASE_EVENTS, { last_by_subj: `events.${h.category}.HoursAndWagesRecorded` })
            .catch(() => null),
        (m) => m !== null,
      );
      const published = new TextDecoder().decode(message!.data);
      expect(published).toContain(event.eventId);
      expect(published).not.toContain('Planted');
      expect(published).not.toContain(EX.workerId);
    } finally {
      await relay.stop();
    }

    const [opened] = await store.readStream(streamId);
    expect(opened.data).toEqual(event.data);
    expect(opened.erasedPaths).toBeUndefined();

    // Another process destroys the worker's key; this one forgets its cache (or waits for the TTL).
    expect(await keyring().destroy(`worker:${EX.workerId}`)).toBe(true);
    writerKeys.forget();
    const [erased] = await store.readStream(streamId);
    const workers = erased.data.workers as Array<{ workerId: string; name: string }>;
    expect(workers[0].name).toBe(ERASED);
    expect(workers[0].workerId).toMatch(/^[0-9a-f-]{36}$/);
    expect(workers[0].workerId).not.toBe(EX.workerId);
    const records = erased.data.records as Array<{ workerId: string }>;
    expect(records.every((r) => r.workerId === workers[0].workerId)).toBe(true);
    const { rows: keyRows } = await h.db.pool.query<{ key_id: string }>(
      `SELECT key_id FROM ${h.db.schema}.subject_keys WHERE subject = $1`,
      [`worker:${EX.workerId}`],
    );
    expect(workers[0].workerId).toBe(pseudonym(keyRows[0].key_id, 'workerId'));
    expect(erased.erasedPaths).toEqual(expect.arrayContaining(['workers.0.name', 'workers.0.workerId']));

    expect((await h.store.verifyStream(streamId)).ok).toBe(true);
    expect((await store.verifyCase(caseId)).ok).toBe(true);
    // New data for an erased subject is refused rather than sealed under a new key.
    await expect(store.append(streamId, [hoursEvent(caseId)], 1)).rejects.toThrow(/erased/);
  });

  it('a durable consumer receives the sealed message and hands its handler the opened event', async () => {
    const caseId = randomUUID();
    const store = new SealedEventStore(h.store, keyring());
    const event = hoursEvent(caseId);
    event.data = {
      ...event.data,
      workers: [{ workerId: caseId, name: 'Consumed Planted-Name' }],
      records: [],
    };
    await store.append(`${h.category}-${caseId}`, [event], 'no_stream');
    const relay = new EventRelay({
      name: `relay2-${h.category}`,
      store: h.store,
      nc: h.nc,
      connectionString: h.db.url,
      schema: h.db.schema,
      categories: [h.category],
      pollIntervalMs: 50,
    });
    const received: RecordedEvent[] = [];
    const consumer = new DurableConsumer({
      nc: h.nc,
      jsm: h.jsm,
      name: `${h.category}-opened`,
      filterSubject: `events.${h.category}.>`,
      types: ['HoursAndWagesRecorded'],
      open: async (e) => (await store.open([e]))[0],
      handle: (e) => {
        received.push(e);
        return Promise.resolve();
      },
    });
    relay.start();
    await consumer.start();
    try {
      await eventually(
        () => Promise.resolve(received.filter((e) => e.eventId === event.eventId)),
        (found) => found.length === 1,
      );
      const [opened] = received.filter((e) => e.eventId === event.eventId);
      expect(opened.data.workers).toEqual([{ workerId: caseId, name: 'Consumed Planted-Name' }]);
      expect(opened.metadata.sealed).toBeUndefined();
      const message = await h.jsm.streams.getMessage(CASE_EVENTS, {
        last_by_subj: `events.${h.category}.HoursAndWagesRecorded`,
      });
      expect(new TextDecoder().decode(message!.data)).not.toContain('Planted');
    } finally {
      await consumer.stop();
      await relay.stop();
      await h.jsm.consumers.delete(CASE_EVENTS, `${h.category}-opened`).catch(() => undefined);
    }
  });

  it('a destroyed key stops opening in another process within its cache TTL', async () => {
    let now = 0;
    const subject = `worker:${randomUUID()}`;
    const reader = new SubjectKeys({
      pool: h.db.pool,
      schema: h.db.schema,
      wrapping: master,
      ttlMs: 30_000,
      now: () => now,
    });
    const { keyId } = (await keyring().keysFor([subject])).get(subject)!;
    expect((await reader.keysById([keyId])).get(keyId)).toBeInstanceOf(Buffer);
    await keyring().destroy(subject);
    now = 29_999;
    expect((await reader.keysById([keyId])).get(keyId)).toBeInstanceOf(Buffer);
    now = 30_000;
    expect((await reader.keysById([keyId])).get(keyId)).toBeNull();
  });
});
