/**
 * The event store port (docs/architecture.md#the-event-store). Services, the relay, projections and the audit
 * tooling depend on this interface only; `PostgresEventStore` is one adapter, and the contract
 * suite in `contract/` is what any other adapter (EventStoreDB / KurrentDB) must pass.
 */

/** Who did it: taken from the verified token, never from the request body. */
export interface Actor {
  id: string;
  role: string;
  org?: string;
}

export interface EventMetadata {
  /** Every stream of a case shares its caseId, so a whole case can be read in global order. */
  caseId?: string;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  sourceService: string;
  /** When it happened in the world, as given by the command (ISO-8601). */
  occurredAt: string;
  [extra: string]: unknown;
}

/**
 * The most bytes an event's data and metadata may take together as stored (UTF-8 JSON): what is
 * left of NATS's 1 MiB message for the envelope the relay publishes (ids, hashes, type) and its
 * headers, with room to spare.
 */
export const MAX_EVENT_BYTES = 1_000_000;

/** An event before it is stored. The id is the caller's: it makes appends idempotent. */
export interface NewEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
}

export interface RecordedEvent extends NewEvent {
  streamId: string;
  /** 1 for the first event of a stream; versions never skip. */
  streamVersion: number;
  /** Allocated before commit, unique and increasing, but not commit-ordered: see `Checkpoint`. */
  globalPosition: number;
  /** Id of the transaction that appended it (PostgreSQL xid8, as a decimal string). */
  txId: string;
  /** When the store accepted it (ISO-8601). `readStream({asOf})` filters on it. */
  recordedAt: string;
  /** sha256(prevHash | version | canonical(event)); the stream's first event chains from ''. */
  hash: string;
  prevHash: string;
}

/**
 * `no_stream`: the stream must not exist; `any`: no check; a number: the stream's current
 * version must be exactly that (0 means no event yet, the same as `no_stream`).
 */
export type ExpectedVersion = 'no_stream' | 'any' | number;

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as the next expected version. */
  nextExpectedVersion: number;
  /** Global positions of the appended events, in order. */
  positions: number[];
  /** True when every event id was already stored with the same content: nothing was written. */
  alreadyStored: boolean;
}

/** An event just committed, with where its stream's previous event stands (null: the stream's first). */
export interface AppendedEvent {
  event: RecordedEvent;
  previous: Checkpoint | null;
}

/** See `EventStore.onAppended`. */
export type AppendListener = (
  streamId: string,
  positions: number[],
  appended: () => readonly AppendedEvent[],
) => void;

export interface ReadStreamOptions {
  fromVersion?: number;
  toVersion?: number;
  /** Only events recorded at or before this instant: the stream as the store knew it then. */
  asOf?: string | Date;
}

export interface EventFilter {
  /** Stream categories: the part of the stream id before the first '-'. */
  categories?: string[];
  types?: string[];
  caseId?: string;
}

export interface ReadAllOptions extends EventFilter {
  /** Exclusive: events with a global position greater than this. */
  fromPosition?: number;
  limit?: number;
  /** Only events recorded at or before this instant. */
  asOf?: string | Date;
}

export interface ReadAllPage {
  events: RecordedEvent[];
  /** Pass as `fromPosition` to read the next page; null when this page was the last. */
  nextPosition: number | null;
}

/**
 * Where a subscriber stands. Positions are allocated before commit, so a later position can
 * commit first; ordering by (txId, position) and reading only below the oldest transaction still
 * in flight gives an order in which nothing can ever be inserted behind a reader.
 */
export interface Checkpoint {
  txId: string;
  position: number;
}

export const START: Checkpoint = Object.freeze({ txId: '0', position: 0 });

export interface ReadAfterResult {
  events: RecordedEvent[];
  /** The checkpoint after the last returned event (unchanged when none were returned). */
  checkpoint: Checkpoint;
}

export type VerifyProblem =
  'hash_mismatch' | 'version_gap' | 'prev_hash_mismatch' | 'head_mismatch' | 'missing_events';

export interface VerifyReport {
  ok: boolean;
  streamsChecked: number;
  eventsChecked: number;
  /** The first broken place, in stream id then version order. */
  firstBroken?: {
    streamId: string;
    streamVersion: number;
    globalPosition: number | null;
    problem: VerifyProblem;
  };
}

/**
 * A keyring row (crypto-shredding, the store's `subject_keys`) created for the events of an append:
 * stored in the append's own statement, so a key exists exactly when the first event sealed under
 * it does, and costs no commit of its own. A concurrent append that created the subject's key
 * first makes this append fail with a unique violation on `subject_keys_subject_key`, writing
 * nothing (the caller seals again under the winner's key).
 */
export interface NewSubjectKey {
  keyId: string;
  subject: string;
  wrappedKey: Buffer;
}

export interface AppendOptions {
  subjectKeys?: readonly NewSubjectKey[];
}

export interface EventStore {
  append(
    streamId: string,
    events: NewEvent[],
    expected: ExpectedVersion,
    options?: AppendOptions,
  ): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** The current version of a stream, 0 when it has no events. */
  streamVersion(streamId: string): Promise<number>;
  readAll(options?: ReadAllOptions): Promise<ReadAllPage>;
  /** Every stream of a case, in global order. */
  readCase(
    caseId: string,
    options?: { fromPosition?: number; limit?: number; asOf?: string | Date },
  ): Promise<ReadAllPage>;
  /** Events that can never again be preceded by a new commit, after the checkpoint. */
  readAfter(checkpoint: Checkpoint, options?: EventFilter & { limit?: number }): Promise<ReadAfterResult>;
  verifyStream(streamId: string): Promise<VerifyReport>;
  verifyAll(): Promise<VerifyReport>;
  /**
   * The hash chains of a case's streams as far as they were recorded at `recordedUntil` (ISO
   * instant; everything when absent): each stream's events of the case from version 1 on.
   */
  verifyCase(caseId: string, recordedUntil?: string): Promise<VerifyReport>;
  /**
   * In-process notice after each local commit; returns an unsubscribe function. `appended()`
   * gives the committed events as a reader would read them (not upcast), without a read.
   */
  onAppended(listener: AppendListener): () => void;
  close(): Promise<void>;
}
