import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ComplaintReceived, EventRegistry, personal, pub } from '@lse/contracts';
import type { EventStore, NewEvent, RecordedEvent } from '@lse/event-store';
import {
  ERASED,
  SealedEventStore,
  SealedValueError,
  SpanFinder,
  applyOpen,
  applySeal,
  findMarkers,
  nameSpans,
  openBox,
  parseMarker,
  peopleOf,
  planSeal,
  type DataKey,
  type SealedBox,
} from '../src';
import v2Fixture from './fixtures/v2-complaint.json';
import { MemoryKeys } from './memory-keys';

const CASE = '7f3c2a10-5b4e-4d6f-8a9b-0c1d2e3f4a5b';
const MARIA = '1a2b3c4d-0000-4000-8000-00000000000a';
const JOSE = '1a2b3c4d-0000-4000-8000-00000000000b';
const ANA = '1a2b3c4d-0000-4000-8000-00000000000c';

/** A case's people and its narrative (free text: `text(5000)` is bounded at 500 and more). */
const Schema = z.object({
  workers: z.array(
    z.object({
      workerId: personal(z.uuid()),
      name: personal(z.string().max(200)),
      phone: personal(z.string().max(40)).optional(),
      email: personal(z.email()).optional(),
    }),
  ),
  description: personal(z.string().max(5000)),
  kind: pub(z.string().max(20)),
});

const workers = [
  { workerId: MARIA, name: 'María García López', phone: '(415) 555-0100', email: 'maria.g@example.org' },
  { workerId: JOSE, name: 'José Pérez', email: 'jose@example.org' },
];
const TEXT =
  'Maria Garcia said PÉREZ, José kept her tips; call her at +1 415 555 0100 or write to ' +
  'maria.g@example.org. José Pérez denied it. The manager was present.';

/** Seals as the store does: the people of the event, the spans naming them, then the boxes. */
async function seal(data: Record<string, unknown>, keys: MemoryKeys, eventId = randomUUID()) {
  const plan = planSeal(Schema, data, `case:${CASE}`);
  const named = nameSpans(plan, new SpanFinder(peopleOf(plan.leaves)));
  const k = await keys.keysFor([...plan.leaves.map((l) => l.subject), ...named]);
  return { eventId, plan, ...applySeal(data, eventId, plan, k) };
}

async function open(data: Record<string, unknown>, boxes: SealedBox[], eventId: string, keys: MemoryKeys) {
  const copy = structuredClone(data);
  return applyOpen(copy, eventId, boxes, findMarkers(copy), await keys.keysById(boxes.map((b) => b.k)));
}

describe('a narrative naming people of the case: each span under the key of the person it names', () => {
  const data = { workers, description: TEXT, kind: 'note' };

  it('round-trips exactly; the text marker is enc:v3, nothing of the names is in clear', async () => {
    const keys = new MemoryKeys();
    const sealed = await seal(data, keys);
    expect(parseMarker(sealed.data.description)?.version).toBe(3);
    const stored = JSON.stringify({ data: sealed.data, boxes: sealed.boxes });
    for (const clear of ['Garcia', 'PÉREZ', '555', 'maria.g', 'manager']) expect(stored).not.toContain(clear);
    // One box per subject: the case (the text with holes), María, José.
    expect(new Set(sealed.boxes.map((b) => b.k))).toEqual(
      new Set([`case:${CASE}`, `worker:${MARIA}`, `worker:${JOSE}`].map((s) => keys.keyIdOf(s))),
    );
    expect(await open(sealed.data, sealed.boxes, sealed.eventId, keys)).toEqual({ data, erasedPaths: [] });
    // The case's own box, opened with the case key alone, holds the text with holes: no name in it.
    const caseKey = keys.bySubject.get(`case:${CASE}`)!;
    const caseBox = sealed.boxes.find((b) => b.k === caseKey.keyId)!;
    const content = JSON.stringify(
      openBox(caseKey.key, sealed.eventId, JSON.stringify(['description']), caseBox),
    );
    expect(content).toContain(' kept her tips; call her at ');
    for (const name of ['Garcia', 'PÉREZ', 'José', '555', 'maria.g']) expect(content).not.toContain(name);
  });

  it("erasing one worker leaves [erased] in each of that worker's spans only, the rest exactly as written", async () => {
    const keys = new MemoryKeys();
    const sealed = await seal(data, keys);
    keys.destroy(`worker:${MARIA}`);
    const opened = await open(sealed.data, sealed.boxes, sealed.eventId, keys);
    expect(opened.data.description).toBe(
      `${ERASED} said PÉREZ, José kept her tips; call her at ${ERASED} or write to ${ERASED}. ` +
        'José Pérez denied it. The manager was present.',
    );
    expect(opened.erasedPaths.sort()).toEqual([
      'description',
      'workers.0.email',
      'workers.0.name',
      'workers.0.phone',
      'workers.0.workerId',
    ]);
    expect((opened.data.workers as Array<{ name: string }>)[1].name).toBe('José Pérez');
  });

  it("the other worker erased instead: only José's spans go", async () => {
    const keys = new MemoryKeys();
    const sealed = await seal(data, keys);
    keys.destroy(`worker:${JOSE}`);
    const opened = await open(sealed.data, sealed.boxes, sealed.eventId, keys);
    expect(opened.data.description).toBe(
      `Maria Garcia said ${ERASED} kept her tips; call her at +1 415 555 0100 or write to ` +
        `maria.g@example.org. ${ERASED} denied it. The manager was present.`,
    );
  });

  it('a surname two people share is split between their keys: it reads while both live, [erased] once either goes', async () => {
    const family = {
      workers: [
        { workerId: MARIA, name: 'Maria Garcia' },
        { workerId: ANA, name: 'Ana Garcia' },
      ],
      description: 'The Garcia family worked Sundays; Ana Garcia was paid in cash.',
      kind: 'note',
    };
    for (const erased of [MARIA, ANA]) {
      const keys = new MemoryKeys();
      const sealed = await seal(family, keys);
      expect((await open(sealed.data, sealed.boxes, sealed.eventId, keys)).data).toEqual(family);
      // Neither box alone holds the shared surname.
      keys.destroy(`worker:${erased}`);
      const opened = await open(sealed.data, sealed.boxes, sealed.eventId, keys);
      expect(opened.data.description).toBe(
        erased === MARIA
          ? `The ${ERASED} family worked Sundays; Ana Garcia was paid in cash.`
          : `The ${ERASED} family worked Sundays; ${ERASED} was paid in cash.`,
      );
    }
  });

  it('erasing the case key erases the whole text, as before', async () => {
    const keys = new MemoryKeys();
    const sealed = await seal(data, keys);
    keys.destroy(`case:${CASE}`);
    const opened = await open(sealed.data, sealed.boxes, sealed.eventId, keys);
    expect(opened.data.description).toBe(ERASED);
    expect(opened.data.workers).toEqual(workers);
  });

  it('a retried seal stores the same bytes; another event id seals differently', async () => {
    const keys = new MemoryKeys();
    const eventId = randomUUID();
    const first = await seal(data, keys, eventId);
    const again = await seal(data, keys, eventId);
    expect({ data: again.data, boxes: again.boxes }).toEqual({ data: first.data, boxes: first.boxes });
    const other = await seal(data, keys);
    expect(other.boxes).not.toEqual(first.boxes);
  });

  it("a person's box (with its fragments) moved to another event does not open; nor does the text's marker moved to another field", async () => {
    const keys = new MemoryKeys();
    const a = await seal(data, keys);
    const b = await seal({ ...data, description: `${TEXT} Again.` }, keys);
    const mariaBox = a.boxes.findIndex((box) => box.k === keys.keyIdOf(`worker:${MARIA}`));
    const swapped = b.boxes.map((box, i) => (i === mariaBox ? a.boxes[mariaBox] : box));
    await expect(open(b.data, swapped, b.eventId, keys)).rejects.toThrow(SealedValueError);
    const moved = { ...a.data, description: 'plain', kind: a.data.description };
    await expect(open(moved, a.boxes, a.eventId, keys)).rejects.toThrow(SealedValueError);
  });

  it('a v3 marker rewritten as v2 does not open as a value (the version is in the check)', async () => {
    const keys = new MemoryKeys();
    const sealed = await seal(data, keys);
    const downgraded = {
      ...sealed.data,
      description: (sealed.data.description as string).replace('enc:v3:', 'enc:v2:'),
    };
    // Its check no longer matches: the box's values no longer line up with its markers.
    await expect(open(downgraded, sealed.boxes, sealed.eventId, keys)).rejects.toThrow(SealedValueError);
  });

  it('a text naming nobody the case knows keeps the plain enc:v2 form', async () => {
    const keys = new MemoryKeys();
    const plain = await seal({ ...data, description: 'The manager kept the tips.' }, keys);
    expect(parseMarker(plain.data.description)?.version).toBe(2);
    expect(plain.boxes).toHaveLength(3);
    expect((await open(plain.data, plain.boxes, plain.eventId, keys)).data.description).toBe(
      'The manager kept the tips.',
    );
  });
});

describe("who counts as a person of the case: workers' and complainants' own values, never staff", () => {
  it('a staff id sealed under the case key (approvedBy) is no name: a text naming it keeps the plain form', async () => {
    const schema = z.object({
      approvedBy: personal(z.string().max(200)),
      name: personal(z.string().max(200)),
      note: personal(z.string().max(5000)),
    });
    const data = {
      approvedBy: 'Ivan Okonkwo',
      name: 'Ivan Okonkwo',
      note: 'Approved by Ivan Okonkwo on Friday.',
    };
    const plan = planSeal(schema, data, `case:${CASE}`);
    const people = peopleOf(plan.leaves);
    expect(people.size).toBe(0);
    expect(nameSpans(plan, new SpanFinder(people)).size).toBe(0);
    const sealed = applySeal(data, randomUUID(), plan, await new MemoryKeys().keysFor([`case:${CASE}`]));
    expect(parseMarker(sealed.data.note)?.version).toBe(2);
  });
});

describe('events sealed before narratives were split (enc:v2) still open unchanged', () => {
  const keys = new Map<string, DataKey>([
    [
      `complainant:0d4c6f3e-8a1b-4c2d-9e0f-123456789abc`,
      { keyId: 'aaaaaaaa-0000-4000-8000-000000000001', key: Buffer.alloc(32, 1) },
    ],
    [`case:${CASE}`, { keyId: 'aaaaaaaa-0000-4000-8000-000000000002', key: Buffer.alloc(32, 2) }],
  ]);
  const byId = new Map([...keys.values()].map((k) => [k.keyId, k.key as Buffer | null]));

  it('a stored v2 complaint opens to its data, the narrative whole under the case key', () => {
    const data = structuredClone(v2Fixture.sealed.data) as Record<string, unknown>;
    const opened = applyOpen(data, v2Fixture.eventId, v2Fixture.sealed.boxes, findMarkers(data), byId);
    expect(opened).toEqual({ data: v2Fixture.data, erasedPaths: [] });
  });

  it('an event with no free text naming anyone seals to the very bytes the v2 sealer stored', () => {
    const plan = planSeal(ComplaintReceived.schema, v2Fixture.data, `case:${CASE}`);
    expect(applySeal(v2Fixture.data, v2Fixture.eventId, plan, keys)).toEqual(v2Fixture.sealed);
  });
});

describe('SealedEventStore: the people of earlier events of the case', () => {
  const registry = new EventRegistry();
  const Hired = registry.define({
    type: 'Hired',
    category: 's',
    version: 1,
    schema: z.object({ workers: Schema.shape.workers }),
  });
  const Noted = registry.define({
    type: 'Noted',
    category: 's',
    version: 1,
    schema: z.object({ note: personal(z.string().max(5000)) }),
  });
  const metadata = {
    caseId: CASE,
    actor: { id: 'ivan@agency.gov', role: 'investigator' },
    correlationId: 'c',
    sourceService: 't',
    occurredAt: '2026-01-01T00:00:00Z',
  };
  function memoryStore(): EventStore & { stored: NewEvent[]; reads: number } {
    const stored: NewEvent[] = [];
    const recorded = (from = 0): RecordedEvent[] =>
      stored
        .map((e, i) => ({
          ...structuredClone<NewEvent>(e),
          streamId: 's-1',
          streamVersion: i + 1,
          globalPosition: i + 1,
          txId: '1',
          recordedAt: '',
          hash: '',
          prevHash: '',
        }))
        .filter((e) => e.globalPosition > from);
    const store = {
      stored,
      reads: 0,
      append: (_s: string, events: NewEvent[]) => {
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
      readCase: (_c: string, o?: { fromPosition?: number }) => {
        store.reads += recorded(o?.fromPosition).length;
        return Promise.resolve({ events: recorded(o?.fromPosition), nextPosition: null });
      },
      readAfter: () => Promise.reject(new Error('unused')),
      verifyStream: () => Promise.reject(new Error('unused')),
      verifyAll: () => Promise.reject(new Error('unused')),
      verifyCase: () => Promise.reject(new Error('unused')),
      onAppended: () => () => undefined,
      close: () => Promise.resolve(),
    };
    return store;
  }
  const event = (type: string, data: Record<string, unknown>): NewEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data,
    metadata,
  });

  it('a note naming a worker recorded in an earlier event seals the name under that worker; erased, it reads [erased]', async () => {
    const raw = memoryStore();
    const keys = new MemoryKeys();
    const store = new SealedEventStore(raw, keys, registry);
    await store.append('s-1', [event(Hired.type, { workers })], 'any');
    await store.append('s-1', [event(Noted.type, { note: 'Met José Pérez at the wash.' })], 'any');
    expect(raw.reads).toBe(1);
    await store.append('s-1', [event(Noted.type, { note: 'María García called.' })], 'any');
    // The second note read only what was appended since the first: the first note.
    expect(raw.reads).toBe(2);
    expect(parseMarker(raw.stored[1].data.note)?.version).toBe(3);
    const notes = () => store.readStream('s-1').then((events) => events.slice(1).map((e) => e.data.note));
    expect(await notes()).toEqual(['Met José Pérez at the wash.', 'María García called.']);
    keys.destroy(`worker:${JOSE}`);
    store.forget();
    expect(await notes()).toEqual([`Met ${ERASED} at the wash.`, 'María García called.']);
    // The erased worker's name is no longer known to the case: a new note keeps the plain form.
    await store.append('s-1', [event(Noted.type, { note: 'Nobody named.' })], 'any');
    expect(parseMarker(raw.stored[3].data.note)?.version).toBe(2);
  });
});
