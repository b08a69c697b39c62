import { eventRegistry, subjectName, type EventRegistry } from '@lse/contracts';
import type {
  AppendListener,
  AppendResult,
  Checkpoint,
  EventFilter,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAfterResult,
  ReadAllOptions,
  ReadAllPage,
  ReadStreamOptions,
  RecordedEvent,
  VerifyReport,
} from '@lse/event-store';
import {
  applyOpen,
  applySeal,
  boxesOf,
  findMarkers,
  planSeal,
  type DataKeys,
  type FoundMarker,
  type SealPlan,
} from './seal';

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
  constructor(
    readonly raw: EventStore,
    readonly keys: DataKeys,
    private readonly registry: EventRegistry = eventRegistry,
  ) {}

  async append(streamId: string, events: NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return this.raw.append(streamId, await this.seal(streamId, events), expected);
  }

  /** The events as they are stored: one keyring round trip for all their subjects at most. */
  async seal(streamId: string, events: readonly NewEvent[]): Promise<NewEvent[]> {
    const plans: Array<SealPlan | undefined> = events.map((event) => {
      const definition = this.registry.get(event.type);
      if (!definition) return undefined;
      if (event.schemaVersion !== definition.version)
        throw new UnsealableEventError(event.type, event.schemaVersion);
      return planSeal(definition.schema, event.data, fallbackSubject(streamId, event.metadata.caseId));
    });
    const subjects = plans.flatMap((plan) => plan?.leaves.map((leaf) => leaf.subject) ?? []);
    if (subjects.length === 0) return [...events];
    const keys = await this.keys.keysFor(subjects);
    return events.map((event, i) => {
      const plan = plans[i];
      if (!plan || plan.leaves.length === 0) return event;
      const sealed = applySeal(event.data, event.eventId, plan, keys);
      return { ...event, data: sealed.data, metadata: { ...event.metadata, sealed: sealed.boxes } };
    });
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
