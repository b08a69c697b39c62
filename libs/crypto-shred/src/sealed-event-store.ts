// Over 300 lines: one adapter of the whole EventStore interface (each append sealed, each read opened) with the seal's key and people lookups it needs.
import { classifyData, eventRegistry, subjectName, type EventRegistry } from '@lse/contracts';
import {
  canonicalJson,
  DuplicateEventIdError,
  type AppendListener,
  type AppendResult,
  type Checkpoint,
  type EventFilter,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAfterResult,
  type ReadAllOptions,
  type ReadAllPage,
  type ReadStreamOptions,
  type RecordedEvent,
  type VerifyReport,
} from '@lse/event-store';
import type { DataKey } from './leaf-cipher';
import { hasFreeText, nameSpans } from './narrative';
import { mergePeople, peopleOf, SpanFinder, type People } from './people';
import { applyOpen, boxesOf, findMarkers, type FoundMarker } from './open';
import { applySeal, planSeal, type DataKeys, type KeysForAppend, type SealPlan } from './seal';
import { SubjectErasedError } from './subject-keys';

/** How many cases' people a store keeps (`peopleOfCase`). */
const CASE_CACHE = 200;

/** An event read through the sealed store: `erasedPaths` lists the leaves whose subject was erased. */
export type OpenedEvent = RecordedEvent & { erasedPaths?: string[] };

/** A new event whose type the registry knows at another version than the current one. */
export class UnsealableEventError extends Error {
  constructor(type: string, version: number) {
    super(`${type} version ${version} cannot be sealed: only the current version of an event is appended`);
    this.name = 'UnsealableEventError';
  }
}

/**
 * The data subject of a personal leaf no object claims: the case (staff ids such as
 * `approvedBy`, allegation narratives), or, for an event of no case (a FOIA request, a partner's
 * contact), its stream.
 */
export function fallbackSubject(streamId: string, caseId: string | undefined): string {
  return caseId ? subjectName('case', caseId) : `stream:${streamId}`;
}

/**
 * The event store as the services use it (docs/architecture.md#crypto-shredding): every personal
 * and confidential-source leaf is sealed under its data subject's key before `append` (the leaf
 * becomes a marker, the values go to one box per subject in `metadata.sealed`), and opened on
 * every read (the boxes are taken off the metadata again). The hash chain covers the sealed form, so `verify*` (passed through)
 * still holds after a key is destroyed; the relay reads the raw store, so JetStream carries the
 * sealed form too. `onAppended` is passed through: its `appended()` gives the stored, sealed
 * events (the relay's use of it).
 *
 * Types the registry does not know (a test's throwaway events) pass through unsealed.
 */
export class SealedEventStore implements EventStore {
  /** The people each case's events name so far, and the last position read (see `peopleOfCase`). */
  private readonly casePeople = new Map<string, { people: People; position: number }>();

  constructor(
    readonly raw: EventStore,
    readonly keys: DataKeys,
    private readonly registry: EventRegistry = eventRegistry,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    try {
      return await this.appendSealed(streamId, events, expected);
    } catch (error) {
      if (error instanceof DuplicateEventIdError) {
        const original = await this.storedAlready(streamId, events);
        if (original) return original;
      }
      throw error;
    }
  }

  /**
   * Sealed, with the keys it made stored in its own statement (no commit of their own: a commit
   * is the cost of an append on this database). Another append that made a key for one of the
   * same subjects first fails this one writing nothing (unique violation): sealed again, under the
   * key that is stored now.
   */
  private async appendSealed(streamId: string, events: NewEvent[], expected: ExpectedVersion) {
    for (let attempt = 1; ; attempt++) {
      const made: KeysForAppend[] | undefined = this.keys.keysForAppend ? [] : undefined;
      const sealed = await this.seal(streamId, events, made);
      const subjectKeys = made?.flatMap((m) => m.created) ?? [];
      try {
        const result = await this.raw.append(
          streamId,
          sealed,
          expected,
          subjectKeys.length ? { subjectKeys } : {},
        );
        for (const m of made ?? []) m.stored();
        return result;
      } catch (error) {
        if (!isKeyRace(error) || attempt >= 3) throw error;
      }
    }
  }

  /**
   * A retry of an append that committed, whose seal differs from the first attempt's only
   * because the case's people changed in between (a person recorded since is named in its text,
   * so a span moved to their box): the same events opened are the same data. The raw store
   * compares the sealed form; this compares what was sealed. Undefined when any differs.
   */
  private async storedAlready(
    streamId: string,
    events: readonly NewEvent[],
  ): Promise<AppendResult | undefined> {
    const ids = new Set(events.map((e) => e.eventId.toLowerCase()));
    const stored = new Map(
      (await this.raw.readStream(streamId))
        .filter((e) => ids.has(e.eventId.toLowerCase()))
        .map((e) => [e.eventId.toLowerCase(), e]),
    );
    if (stored.size !== ids.size) return undefined;
    const opened = new Map((await this.open([...stored.values()])).map((e) => [e.eventId.toLowerCase(), e]));
    for (const event of events) {
      const was = opened.get(event.eventId.toLowerCase())!;
      if (was.type !== event.type || canonicalJson(was.data) !== canonicalJson(event.data)) return undefined;
    }
    const versions = [...opened.values()].map((e) => e.streamVersion);
    return {
      streamId,
      nextExpectedVersion: Math.max(...versions),
      positions: events.map((e) => opened.get(e.eventId.toLowerCase())!.globalPosition),
      alreadyStored: true,
    };
  }

  /**
   * The events as they are stored: one keyring round trip for all their subjects at most, two
   * when a free text names people of the case (docs/architecture.md#crypto-shredding).
   */
  async seal(streamId: string, events: readonly NewEvent[], made?: KeysForAppend[]): Promise<NewEvent[]> {
    const plans: Array<SealPlan | undefined> = events.map((event) => {
      const definition = this.registry.get(event.type);
      if (!definition) return undefined;
      if (event.schemaVersion !== definition.version)
        throw new UnsealableEventError(event.type, event.schemaVersion);
      return planSeal(definition.schema, event.data, fallbackSubject(streamId, event.metadata.caseId));
    });
    const subjects = plans.flatMap((plan) => plan?.leaves.map((leaf) => leaf.subject) ?? []);
    if (subjects.length === 0) return [...events];
    // `made`: the append stores the keys it needs (keysForAppend); otherwise each is stored first.
    const keys =
      made && this.keys.keysForAppend
        ? await this.forAppend(subjects, made)
        : await this.keys.keysFor(subjects);
    if (plans.some(hasFreeText)) {
      // The people of the append itself, and of the earlier events of its case.
      const people = new Map() as People;
      for (const plan of plans) if (plan) peopleOf(plan.leaves, people);
      const caseId = events.find((event) => event.metadata.caseId)?.metadata.caseId;
      if (caseId) mergePeople(people, await this.peopleOfCase(caseId));
      for (const [subject, key] of await this.namedKeys(people, new Set(keys.keys()))) keys.set(subject, key);
      for (const subject of people.keys()) if (!keys.has(subject)) people.delete(subject);
      const finder = new SpanFinder(people);
      for (const plan of plans) if (plan && hasFreeText(plan)) nameSpans(plan, finder);
    }
    return events.map((event, i) => {
      const plan = plans[i];
      if (!plan || plan.leaves.length === 0) return event;
      const sealed = applySeal(event.data, event.eventId, plan, keys);
      return { ...event, data: sealed.data, metadata: { ...event.metadata, sealed: sealed.boxes } };
    });
  }

  private async forAppend(subjects: readonly string[], made: KeysForAppend[]) {
    const resolved = await this.keys.keysForAppend!(subjects);
    made.push(resolved);
    return resolved.keys;
  }

  /**
   * The keys of the people named who are not subjects of the append already. A person erased
   * meanwhile (known from before a forget reached this process) is left out: their spans stay
   * under the text's own key, as everything did before texts were split.
   */
  private async namedKeys(people: People, have: ReadonlySet<string>) {
    const wanted = [...people.keys()].filter((subject) => !have.has(subject));
    if (wanted.length === 0) return new Map<string, DataKey>();
    try {
      return await this.keys.keysFor(wanted);
    } catch (error) {
      if (!(error instanceof SubjectErasedError)) throw error;
      const out = new Map<string, DataKey>();
      for (const subject of wanted) {
        const one = await this.keys.keysFor([subject]).catch((e: unknown) => {
          if (e instanceof SubjectErasedError) return undefined;
          throw e;
        });
        const key = one?.get(subject);
        if (key) out.set(subject, key);
      }
      return out;
    }
  }

  /**
   * The people the case's events in this store name (`peopleOf` of each event opened, erased
   * values left out), read incrementally: the cache keeps what was read and the last position,
   * so each seal of a narrative reads only the events appended since (one indexed query when
   * there are none). The first read of a case in a process opens and classifies every event of
   * it: measured in libs/crypto-shred/test/narrative-store.spec.ts, a case with a 1,000-worker
   * payroll takes about 0.4 s (0.17 s opening: 1,000 subject keys unwrapped; the rest
   * `classifyData`), so about 2 s for a 5,000-worker one; again, a few milliseconds. Only an
   * append with a non-empty personal free text asks, and only for its own case. At most
   * CASE_CACHE cases are kept (the oldest goes first); `forget()` empties it, so an erased person's
   * names are not used again. An event committed concurrently at a lower position than one
   * already read is missed until the cache is emptied: its names stay under the text's own key.
   */
  async peopleOfCase(caseId: string): Promise<People> {
    const key = caseId.toLowerCase();
    const cached = this.casePeople.get(key) ?? { people: new Map() as People, position: 0 };
    for (let from: number | null = cached.position; from !== null;) {
      const page = await this.raw.readCase(key, { fromPosition: from });
      for (const event of await this.open(page.events)) {
        cached.position = Math.max(cached.position, event.globalPosition);
        const definition = this.registry.get(event.type);
        // Every type is at its first version; an older one would need upcasting first.
        if (!definition || definition.version !== event.schemaVersion) continue;
        try {
          const entries = classifyData(definition.schema, event.data, undefined, { withSubjects: true });
          peopleOf(entries, cached.people, new Set(event.erasedPaths ?? []));
        } catch {
          // Data the schema does not classify (never appended so, but read anyway): no names from it.
        }
      }
      from = page.nextPosition;
    }
    this.casePeople.delete(key);
    this.casePeople.set(key, cached);
    if (this.casePeople.size > CASE_CACHE) this.casePeople.delete(this.casePeople.keys().next().value!);
    return cached.people;
  }

  /** Stored events with their sealed leaves opened (or erased): one keyring round trip at most. */
  async open<E extends RecordedEvent>(events: readonly E[]): Promise<Array<E & { erasedPaths?: string[] }>> {
    const boxes = events.map((event) => boxesOf(event.metadata));
    const found: FoundMarker[][] = events.map((event, i) => (boxes[i] ? findMarkers(event.data) : []));
    const ids = boxes.flatMap((list) => list?.map((box) => box.k) ?? []);
    if (ids.length === 0) return [...events];
    const keys = await this.keys.keysById(ids);
    return events.map((event, i) => {
      const list = boxes[i];
      if (!list) return event;
      const { sealed: _boxes, ...metadata } = event.metadata;
      const opened = applyOpen(event.data, event.eventId, list, found[i], keys);
      const base = { ...event, data: opened.data, metadata: metadata as E['metadata'] };
      return opened.erasedPaths.length ? { ...base, erasedPaths: opened.erasedPaths } : base;
    });
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<OpenedEvent[]> {
    return this.open(await this.raw.readStream(streamId, options));
  }

  streamVersion(streamId: string): Promise<number> {
    return this.raw.streamVersion(streamId);
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllPage> {
    const page = await this.raw.readAll(options);
    return { ...page, events: await this.open(page.events) };
  }

  async readCase(
    caseId: string,
    options?: { fromPosition?: number; limit?: number; asOf?: string | Date },
  ): Promise<ReadAllPage> {
    const page = await this.raw.readCase(caseId, options);
    return { ...page, events: await this.open(page.events) };
  }

  async readAfter(
    checkpoint: Checkpoint,
    options?: EventFilter & { limit?: number },
  ): Promise<ReadAfterResult> {
    const result = await this.raw.readAfter(checkpoint, options);
    return { ...result, events: await this.open(result.events) };
  }

  /**
   * Drops the keyring's cached keys (a key was destroyed elsewhere: `keyring.forget`), so values
   * of an erased subject stop opening now rather than within the cache's TTL.
   */
  forget(): void {
    this.casePeople.clear();
    (this.keys as Partial<{ forget(): void }>).forget?.();
  }

  verifyStream(streamId: string): Promise<VerifyReport> {
    return this.raw.verifyStream(streamId);
  }

  verifyAll(): Promise<VerifyReport> {
    return this.raw.verifyAll();
  }

  verifyCase(caseId: string, recordedUntil?: string): Promise<VerifyReport> {
    return this.raw.verifyCase(caseId, recordedUntil);
  }

  onAppended(listener: AppendListener): () => void {
    return this.raw.onAppended(listener);
  }

  close(): Promise<void> {
    return this.raw.close();
  }
}

/** Another append stored a key for one of this append's subjects first (subject_keys.subject is unique). */
function isKeyRace(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown };
  return e?.code === '23505' && e.constraint === 'subject_keys_subject_key';
}
