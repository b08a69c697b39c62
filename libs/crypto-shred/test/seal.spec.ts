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
  findMarkers,
  parseMarker,
  type SealedBox,
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
  const subjects = plan.leaves.map((l) => l.subject);
  const { data: sealed, boxes } = applySeal(data, eventId, plan, await keys.keysFor(subjects));
  const opened = await openWith(keys, sealed, boxes, eventId);
  return { keys, plan, sealed, boxes, opened, eventId };
}

/** Opens a copy of stored data as the store does: every marker, the keys of the boxes. */
async function openWith(
  keys: MemoryKeys,
  data: Record<string, unknown>,
  boxes: SealedBox[],
  eventId: string,
) {
  // A reader's own copy, as the store's reads give (opening works in place).
  const copy = structuredClone(data);
  return applyOpen(copy, eventId, boxes, findMarkers(copy), await keys.keysById(boxes.map((b) => b.k)));
}

/** The subject whose key sealed the value at `path` of sealed data. */
function sealedUnder(
  keys: MemoryKeys,
  sealed: { data: unknown; boxes: SealedBox[] },
  path: Array<string | number>,
): string | undefined {
  let node: unknown = sealed.data;
  for (const step of path) node = (node as Record<string | number, unknown>)[step];
  const marker = parseMarker(node);
  const keyId = marker && sealed.boxes[marker.box]?.k;
  return [...keys.bySubject].find(([, key]) => key.keyId === keyId)?.[0];
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
    const { keys, sealed, boxes, opened } = await roundTrip(ComplaintReceived.schema, complaint);
    const text = JSON.stringify(sealed);
    expect(text).not.toContain('Planted');
    expect(text).not.toContain(OTHER);
    expect(sealedUnder(keys, { data: sealed, boxes }, ['complainants', 0, 'name'])).toBe(
      `complainant:${OTHER}`,
    );
    expect(sealedUnder(keys, { data: sealed, boxes }, ['complainants', 0, 'interpreterNeeded'])).toBe(
      `complainant:${OTHER}`,
    );
    expect(sealedUnder(keys, { data: sealed, boxes }, ['allegations', 0, 'description'])).toBe(
      `case:${CASE}`,
    );
    // Public leaves stay as they were; only leaves change.
    expect((sealed.complainants as Array<Record<string, unknown>>)[0].role).toBe('worker');
    expect(JSON.stringify(boxes)).not.toContain('Planted');
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
      const { keys, sealed, boxes, opened } = await roundTrip(schema, data);
      expect(JSON.stringify(sealed)).not.toContain('Planted');
      expect(sealedUnder(keys, { data: sealed, boxes }, path)).toBe(`worker:${WORKER}`);
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
    const { keys, sealed, boxes, opened } = await roundTrip(schema, data);
    expect(sealedUnder(keys, { data: sealed, boxes }, ['rows', 1, 'note'])).toBe(`worker:${OTHER}`);
    expect(sealedUnder(keys, { data: sealed, boxes }, ['byWeek', '2026-W01', 'amount'])).toBe(`case:${CASE}`);
    expect(sealed.open).toBe('public text');
    expect(opened.data).toEqual(data);
  });

  it('a retaliation concern names workers in an array: each id is sealed under its own worker', async () => {
    const schema = z.object({ workerIds: personal(z.array(z.string())) });
    const { keys, sealed, boxes } = await roundTrip(schema, { workerIds: [WORKER, OTHER] });
    expect(sealedUnder(keys, { data: sealed, boxes }, ['workerIds', 0])).toBe(`worker:${WORKER}`);
    expect(sealedUnder(keys, { data: sealed, boxes }, ['workerIds', 1])).toBe(`worker:${OTHER}`);
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

  it('moved to another field, a sealed value does not open', async () => {
    const { sealed, boxes, keys, eventId } = await roundTrip(HoursAndWagesRecorded.schema, data);
    const workers = sealed.workers as Array<Record<string, unknown>>;
    // The name's marker taken to another field: the box's values are bound to their paths.
    const moved = { ...sealed, workers: [{ ...workers[0], name: 'x', alias: workers[0].name }] };
    await expect(openWith(keys, moved, boxes, eventId)).rejects.toThrow(SealedValueError);
  });

  it('copied into another event, sealed values do not open', async () => {
    const { sealed, boxes, keys } = await roundTrip(HoursAndWagesRecorded.schema, data);
    await expect(openWith(keys, sealed, boxes, randomUUID())).rejects.toThrow(SealedValueError);
  });

  it("another subject's box in a marker's place does not open", async () => {
    const { sealed, boxes, keys, eventId } = await roundTrip(ComplaintReceived.schema, {
      complainants: [
        {
          complainantId: OTHER,
          name: 'A',
          preferredLanguage: 'es',
          interpreterNeeded: false,
          confidentialityRequested: false,
          role: 'worker',
        },
      ],
      allegations: [{ type: 'unpaid_overtime', description: 'B' }],
    });
    expect(boxes).toHaveLength(2);
    await expect(openWith(keys, sealed, [boxes[1], boxes[0]], eventId)).rejects.toThrow(SealedValueError);
  });

  it('an altered box does not open', async () => {
    const { sealed, boxes, keys, eventId } = await roundTrip(HoursAndWagesRecorded.schema, data);
    const bytes = Buffer.from(boxes[0].b, 'base64url');
    bytes[bytes.length - 20] ^= 1;
    const altered = [{ ...boxes[0], b: bytes.toString('base64url') }, ...boxes.slice(1)];
    await expect(openWith(keys, sealed, altered, eventId)).rejects.toThrow(SealedValueError);
  });

  it('text that only looks sealed (no such box, or a check that fails) is left as it is', async () => {
    const { sealed, boxes, keys, eventId } = await roundTrip(HoursAndWagesRecorded.schema, data);
    const typed = { ...sealed, note: 'enc:v2:0:s:AAAAAAAA', other: 'enc:v2:9:s:AAAAAAAA' };
    const opened = await openWith(keys, typed, boxes, eventId);
    expect(opened.data).toEqual({ ...data, note: 'enc:v2:0:s:AAAAAAAA', other: 'enc:v2:9:s:AAAAAAAA' });
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
    const opened = await openWith(keys, first.sealed, first.boxes, first.eventId);
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
      // Each read parses its own copy, as PostgreSQL's rows are.
      stored.map((e, i) => ({
        ...structuredClone<NewEvent>(e),
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
    expect(raw.stored[0].metadata.sealed).toHaveLength(1);
    expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ name: 'Planted' }, { x: 1 }]);
    const [read] = (await store.readAll()).events;
    expect(read.data).toEqual({ name: 'Planted' });
    expect(read.metadata).toEqual(metadata);
    await expect(
      store.append(
        's-1',
        [{ eventId: randomUUID(), type: Named.type, schemaVersion: 1, data: { name: 'x' }, metadata }],
        'any',
      ),
    ).rejects.toThrow(/only the current version/);
  });
});
