import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  CollectionCaseOpened,
  ComplaintReceived,
  DeterminationIssued,
  HoursAndWagesRecorded,
  InterviewRecorded,
  ReferralSubmitted,
  confidentialWhen,
  personal,
  pub,
  EventRegistry,
} from '@lse/contracts';
import { investigationExamples, EX } from '@lse/contracts/src/investigation/examples';
import type { EventStore, NewEvent, RecordedEvent } from '@lse/event-store';
import {
  ERASED,
  FileMasterKey,
  MasterKeyError,
  SealedEventStore,
  SealedValueError,
  applyOpen,
  applySeal,
  findSealed,
  parseSealed,
  planSeal,
  pseudonym,
} from '../src';
import { MemoryKeys } from './memory-keys';

const CASE = EX.caseId;
const WORKER = EX.workerId;
const OTHER = '0d4c6f3e-8a1b-4c2d-9e0f-123456789abc';

/** Seals then opens `data` of `schema` with `keys`, as the store does. */
async function roundTrip(schema: z.ZodType, data: Record<string, unknown>, keys = new MemoryKeys()) {
  const eventId = randomUUID();
  const plan = planSeal(schema, data, `case:${CASE}`);
  const sealed = applySeal(data, eventId, plan, await keys.keysFor(plan.leaves.map((l) => l.subject)));
  const found = findSealed(sealed);
  const opened = applyOpen(sealed, eventId, found, await keys.keysById(found.map((f) => f.sealed.keyId)));
  return { keys, plan, sealed, opened, eventId };
}

/** The subject whose key sealed the value at `path` of sealed data. */
function sealedUnder(keys: MemoryKeys, sealed: unknown, path: Array<string | number>): string | undefined {
  let node: unknown = sealed;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  const leaf = parseSealed(node);
  return [...keys.bySubject].find(([, key]) => key.keyId === leaf?.keyId)?.[0];
}

describe('seal and open: every personal and confidential-source leaf, each under its subject', () => {
  const complaint = {
    complainants: [
      {
        complainantId: OTHER,
        name: 'Rosa Planted-Complainant',
        preferredLanguage: 'es',
        interpreterNeeded: true,
        confidentialityRequested: true,
        role: 'worker',
      },
    ],
    allegations: [{ type: 'unpaid_overtime', description: 'Planted narrative of the allegation' }],
  };

  it('a confidential complainant (confidentialWhen raises to confidential_source) is sealed under the complainant key; the allegation under the case key', async () => {
    const { keys, sealed, opened } = await roundTrip(ComplaintReceived.schema, complaint);
    const text = JSON.stringify(sealed);
    expect(text).not.toContain('Planted');
    expect(text).not.toContain(OTHER);
    expect(sealedUnder(keys, sealed, ['complainants', 0, 'name'])).toBe(`complainant:${OTHER}`);
    expect(sealedUnder(keys, sealed, ['complainants', 0, 'interpreterNeeded'])).toBe(`complainant:${OTHER}`);
    expect(sealedUnder(keys, sealed, ['allegations', 0, 'description'])).toBe(`case:${CASE}`);
    // Public leaves stay as they were; only leaves change.
    expect((sealed.complainants as Array<Record<string, unknown>>)[0].role).toBe('worker');
    expect(opened).toEqual({ data: complaint, erasedPaths: [] });
  });

  const workerNames: Array<[string, z.ZodType, Record<string, unknown>, Array<string | number>]> = [
    [
      'HoursAndWagesRecorded',
      HoursAndWagesRecorded.schema,
      investigationExamples().HoursAndWagesRecorded,
      ['workers', 0, 'name'],
    ],
    [
      'DeterminationIssued',
      DeterminationIssued.schema,
      investigationExamples().DeterminationIssued,
      ['workers', 0, 'name'],
    ],
    [
      'InterviewRecorded',
      InterviewRecorded.schema,
      investigationExamples().InterviewRecorded,
      ['interviewee', 'name'],
    ],
    [
      'CollectionCaseOpened',
      CollectionCaseOpened.schema,
      {
        workers: [
          {
            workerId: WORKER,
            name: 'Maria Planted-Worker',
            assessedCents: 100,
            confidentialityRequested: false,
          },
        ],
      },
      ['workers', 0, 'name'],
    ],
    [
      'ReferralSubmitted',
      ReferralSubmitted.schema,
      {
        workers: [
          {
            workerId: WORKER,
            name: 'Maria Planted-Worker',
            preferredLanguage: 'es',
            interpreterNeeded: false,
            confidentialityRequested: false,
            consent: { scopes: ['case_status'] },
          },
        ],
      },
      ['workers', 0, 'name'],
    ],
  ];
  it.each(workerNames)(
    "%s: a worker's name is sealed under that worker's key and opens again",
    async (_type, schema, data, path) => {
      const { keys, sealed, opened } = await roundTrip(schema, data);
      expect(JSON.stringify(sealed)).not.toContain('Planted');
      expect(sealedUnder(keys, sealed, path)).toBe(`worker:${WORKER}`);
      expect(opened.data).toEqual(data);
    },
  );

  it('nested arrays, records, optional fields left out and unstructured values round-trip with their JSON types', async () => {
    const schema = z.object({
      rows: z.array(
        z.object({
          workerId: personal(z.string()),
          hours: personal(z.array(z.number())),
          note: personal(z.string()).optional(),
        }),
      ),
      byWeek: z.record(
        pub(z.string()),
        z.object({ amount: personal(z.number()), flag: personal(z.boolean()) }),
      ),
      extra: personal(z.unknown()),
      open: pub(z.string()),
    });
    const data = {
      rows: [
        { workerId: WORKER, hours: [8, 9.5] },
        { workerId: OTHER, hours: [], note: 'n' },
      ],
      byWeek: { '2026-W01': { amount: 1234, flag: true } },
      extra: { nested: ['x', 1, false] },
      open: 'public text',
    };
    const { keys, sealed, opened } = await roundTrip(schema, data);
    expect(sealedUnder(keys, sealed, ['rows', 1, 'note'])).toBe(`worker:${OTHER}`);
    expect(sealedUnder(keys, sealed, ['byWeek', '2026-W01', 'amount'])).toBe(`case:${CASE}`);
    expect(sealed.open).toBe('public text');
    expect(opened.data).toEqual(data);
  });

  it('a retaliation concern names workers in an array: each id is sealed under its own worker', async () => {
    const schema = z.object({ workerIds: personal(z.array(z.string())) });
    const { keys, sealed } = await roundTrip(schema, { workerIds: [WORKER, OTHER] });
    expect(sealedUnder(keys, sealed, ['workerIds', 0])).toBe(`worker:${WORKER}`);
    expect(sealedUnder(keys, sealed, ['workerIds', 1])).toBe(`worker:${OTHER}`);
  });

  it('sealing is deterministic per event: a retried append stores the same bytes', async () => {
    const keys = new MemoryKeys();
    const plan = planSeal(ComplaintReceived.schema, complaint, `case:${CASE}`);
    const k = await keys.keysFor(plan.leaves.map((l) => l.subject));
    const eventId = randomUUID();
    expect(applySeal(complaint, eventId, plan, k)).toEqual(applySeal(complaint, eventId, plan, k));
    expect(applySeal(complaint, randomUUID(), plan, k)).not.toEqual(applySeal(complaint, eventId, plan, k));
  });
});

describe('associated data binds a ciphertext to its event and field', () => {
  const data = investigationExamples().HoursAndWagesRecorded;

  it('moved to another field, a ciphertext does not open', async () => {
    const { sealed, keys, eventId } = await roundTrip(HoursAndWagesRecorded.schema, data);
    const workers = sealed.workers as Array<Record<string, unknown>>;
    const moved = { ...sealed, workers: [{ ...workers[0], name: workers[0].workerId }] };
    const found = findSealed(moved);
    const ids = await keys.keysById(found.map((f) => f.sealed.keyId));
    expect(() => applyOpen(moved, eventId, found, ids)).toThrow(SealedValueError);
  });

  it('copied into another event, a ciphertext does not open', async () => {
    const { sealed, keys } = await roundTrip(HoursAndWagesRecorded.schema, data);
    const found = findSealed(sealed);
    const ids = await keys.keysById(found.map((f) => f.sealed.keyId));
    expect(() => applyOpen(sealed, randomUUID(), found, ids)).toThrow(SealedValueError);
  });

  it('text that only looks sealed (a key id never issued) is left as it is', async () => {
    const lookalike = `enc:v1:${randomUUID()}:s:${'A'.repeat(40)}`;
    const found = findSealed({ note: lookalike });
    expect(found).toHaveLength(1);
    expect(applyOpen({ note: lookalike }, randomUUID(), found, new Map()).data).toEqual({ note: lookalike });
  });
});

describe('erased: a destroyed key leaves stand-ins that deciders and projections can fold', () => {
  it('strings read [erased], a UUID a stable pseudonym per key and field, an optional number or boolean is left out; erasedPaths lists them', async () => {
    const schema = confidentialWhen(
      'secret',
      z.object({
        workerId: personal(z.string()),
        name: personal(z.string()),
        hours: personal(z.number()).optional(),
        secret: personal(z.boolean()),
        flagged: personal(z.boolean()).optional(),
        amountCents: pub(z.number()),
      }),
    );
    const data = {
      workerId: WORKER,
      name: 'Planted Name',
      hours: 40,
      secret: true,
      flagged: true,
      amountCents: 500,
    };
    const keys = new MemoryKeys();
    const first = await roundTrip(z.object({ w: schema }), { w: data }, keys);
    keys.destroy(`worker:${WORKER}`);
    const found = findSealed(first.sealed);
    const opened = applyOpen(
      first.sealed,
      first.eventId,
      found,
      await keys.keysById(found.map((f) => f.sealed.keyId)),
    );
    const keyId = keys.keyIdOf(`worker:${WORKER}`);
    expect(opened.data).toEqual({
      w: { workerId: pseudonym(keyId, 'workerId'), name: ERASED, secret: false, amountCents: 500 },
    });
    expect(opened.erasedPaths.sort()).toEqual(['w.flagged', 'w.hours', 'w.name', 'w.secret', 'w.workerId']);
    expect(z.uuid().safeParse(pseudonym(keyId, 'workerId')).success).toBe(true);
    // The same worker in another event reads as the same pseudonym: allocations still group.
    const again = await roundTrip(
      z.object({ w: schema }),
      { w: { ...data, name: 'Other' } },
      new MemoryKeys(),
    );
    expect(again.opened.data.w).toEqual({ ...data, name: 'Other' });
    expect(pseudonym(keyId, 'workerId')).toBe(pseudonym(keyId, 'workerId'));
    expect(pseudonym(keyId, 'workerId')).not.toBe(pseudonym(randomUUID(), 'workerId'));
  });
});

describe('the master key', () => {
  it('wraps and unwraps a data key; another master key, or another key id, refuses', async () => {
    const a = FileMasterKey.fromBase64(Buffer.alloc(32, 1).toString('base64'));
    const b = FileMasterKey.fromBase64(Buffer.alloc(32, 2).toString('base64'));
    const dataKey = Buffer.alloc(32, 7);
    const wrapped = await a.wrap(dataKey, 'key-1');
    expect(await a.unwrap(wrapped, 'key-1')).toEqual(dataKey);
    await expect(b.unwrap(wrapped, 'key-1')).rejects.toThrow(MasterKeyError);
    await expect(a.unwrap(wrapped, 'key-2')).rejects.toThrow(MasterKeyError);
  });

  it('refuses a key that is not 32 bytes, and a missing file, saying what to do', () => {
    expect(() => FileMasterKey.fromBase64(Buffer.alloc(16).toString('base64'))).toThrow(/32 random bytes/);
    expect(() => FileMasterKey.load('/nonexistent/master.key')).toThrow(/does not exist: create one/);
  });
});

describe('SealedEventStore over any store', () => {
  function memoryStore(): EventStore & { stored: NewEvent[] } {
    const stored: NewEvent[] = [];
    const recorded = (): RecordedEvent[] =>
      stored.map((e, i) => ({
        ...e,
        streamId: 's-1',
        streamVersion: i + 1,
        globalPosition: i + 1,
        txId: '1',
        recordedAt: '',
        hash: '',
        prevHash: '',
      }));
    return {
      stored,
      append: (_s, events) => {
        stored.push(...events);
        return Promise.resolve({
          streamId: 's-1',
          nextExpectedVersion: stored.length,
          positions: [],
          alreadyStored: false,
        });
      },
      readStream: () => Promise.resolve(recorded()),
      streamVersion: () => Promise.resolve(stored.length),
      readAll: () => Promise.resolve({ events: recorded(), nextPosition: null }),
      readCase: () => Promise.resolve({ events: recorded(), nextPosition: null }),
      readAfter: () => Promise.resolve({ events: recorded(), checkpoint: { txId: '1', position: 1 } }),
      verifyStream: () => Promise.reject(new Error('unused')),
      verifyAll: () => Promise.reject(new Error('unused')),
      verifyCase: () => Promise.reject(new Error('unused')),
      onAppended: () => () => undefined,
      close: () => Promise.resolve(),
    };
  }
  const registry = new EventRegistry();
  const Named = registry.define({
    type: 'Named',
    category: 's',
    version: 2,
    upcasters: { 1: (d) => d },
    schema: z.object({ name: personal(z.string()) }),
  });
  const metadata = {
    caseId: CASE,
    actor: { id: 'a', role: 'system' },
    correlationId: 'c',
    sourceService: 't',
    occurredAt: '2026-01-01T00:00:00Z',
  };

  it('stores sealed data, reads it opened, and passes unknown types through; an older version is refused', async () => {
    const raw = memoryStore();
    const store = new SealedEventStore(raw, new MemoryKeys(), registry);
    await store.append(
      's-1',
      [{ eventId: randomUUID(), type: Named.type, schemaVersion: 2, data: { name: 'Planted' }, metadata }],
      'any',
    );
    await store.append(
      's-1',
      [{ eventId: randomUUID(), type: 'Unknown', schemaVersion: 1, data: { x: 1 }, metadata }],
      'any',
    );
    expect(JSON.stringify(raw.stored[0].data)).not.toContain('Planted');
    expect(raw.stored[1].data).toEqual({ x: 1 });
    expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ name: 'Planted' }, { x: 1 }]);
    expect((await store.readAll()).events[0].data).toEqual({ name: 'Planted' });
    await expect(
      store.append(
        's-1',
        [{ eventId: randomUUID(), type: Named.type, schemaVersion: 1, data: { name: 'x' }, metadata }],
        'any',
      ),
    ).rejects.toThrow(/only the current version/);
  });
});
