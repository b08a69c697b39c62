// Over 300 lines: one append path (validation, the single and the batched INSERT, the refusal's diagnosis) that shares its SQL and error mapping.
import type { Pool, PoolClient } from 'pg';
import { canonicalJson } from '../canonical';
import {
  DuplicateEventIdError,
  EventTooLargeError,
  InvalidAppendError,
  WrongExpectedVersionError,
} from '../errors';
import {
  MAX_EVENT_BYTES,
  type AppendedEvent,
  type AppendResult,
  type Checkpoint,
  type EventMetadata,
  type ExpectedVersion,
  type NewEvent,
  type NewSubjectKey,
} from '../port';
import { categoryOf } from '../stream-id';

const UNIQUE_VIOLATION = '23505';
const WRONG_EXPECTED_VERSION = 'LS409';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
}

function expectedCode(expected: ExpectedVersion): number {
  if (expected === 'any') return -2;
  if (expected === 'no_stream') return -1;
  if (!Number.isSafeInteger(expected) || expected < 0) {
    throw new InvalidAppendError(`expected version must be 'any', 'no_stream' or an integer >= 0`);
  }
  return expected;
}

function validate(streamId: string, events: readonly NewEvent[]): string | undefined {
  if (events.length === 0) throw new InvalidAppendError('an append needs at least one event');
  const caseId = events[0].metadata?.caseId;
  const ids = new Set<string>();
  for (const e of events) {
    if (!UUID.test(e.eventId)) throw new InvalidAppendError(`event id "${e.eventId}" is not a UUID`);
    if (ids.has(e.eventId)) throw new InvalidAppendError(`event id ${e.eventId} appears twice in one append`);
    ids.add(e.eventId);
    if (!e.type || !Number.isInteger(e.schemaVersion) || e.schemaVersion < 1) {
      throw new InvalidAppendError(`event ${e.eventId} needs a type and a schema version >= 1`);
    }
    if (e.metadata?.caseId !== caseId)
      throw new InvalidAppendError(`events of one append to ${streamId} must share a caseId`);
  }
  if (caseId !== undefined && !UUID.test(caseId))
    throw new InvalidAppendError(`caseId "${caseId}" is not a UUID`);
  return caseId;
}

/** An append checked and ready for the database: what append_events (or append_batch) takes. */
export interface PreparedAppend {
  streamId: string;
  category: string;
  expected: ExpectedVersion;
  expectedCode: number;
  caseId: string | null;
  recordedAt: Date;
  events: readonly NewEvent[];
  /**
   * The events as append_events' json argument. data and metadata are stored, and hashed by
   * PostgreSQL, exactly as serialised here (migration 004).
   */
  payload: string;
  /** Each event's data and metadata as stored (the text in `payload`). */
  stored: Array<{ data: string; metadata: string }>;
  /** Keyring rows stored in the same statement (port.ts `NewSubjectKey`). */
  subjectKeys: readonly NewSubjectKey[];
}

/**
 * The keyring rows of the appends, as a data-modifying WITH in front of the append's SELECT: one
 * statement, hence one transaction and one commit with the events. Without ON CONFLICT: a
 * subject whose key another append created first fails the statement (unique violation), so no
 * event is ever stored sealed under a key that is not.
 */
function withKeys(
  keys: readonly NewSubjectKey[],
  schema: string,
  first: number,
): { text: string; values: unknown[] } {
  if (keys.length === 0) return { text: '', values: [] };
  return {
    text: `WITH new_keys AS (INSERT INTO ${schema}.subject_keys (key_id, subject, wrapped_key)
             SELECT * FROM unnest($${first}::uuid[], $${first + 1}::text[], $${first + 2}::bytea[])) `,
    values: [keys.map((k) => k.keyId), keys.map((k) => k.subject), keys.map((k) => k.wrappedKey)],
  };
}

/** A committed append: its result, and its events as a reader would read them (built on demand). */
export interface Committed {
  result: AppendResult;
  appended: () => readonly AppendedEvent[];
}

/** Validates an append and serialises it, before anything reaches the database. */
export function prepareAppend(
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
  recordedAt: Date,
  subjectKeys: readonly NewSubjectKey[] = [],
): PreparedAppend {
  const category = categoryOf(streamId);
  const caseId = validate(streamId, events);
  const expectedNumber = expectedCode(expected);
  let payload = '[';
  const stored: PreparedAppend['stored'] = [];
  for (const e of events) {
    const data = serialised(e.data, e.eventId);
    const metadata = serialised(e.metadata, e.eventId);
    // At most three UTF-8 bytes per UTF-16 unit: count the bytes only when that bound is over the limit.
    if (data.length + metadata.length > MAX_EVENT_BYTES / 3) {
      const bytes = Buffer.byteLength(data) + Buffer.byteLength(metadata);
      if (bytes > MAX_EVENT_BYTES) throw new EventTooLargeError(e.type, bytes, MAX_EVENT_BYTES);
    }
    stored.push({ data, metadata });
    if (payload.length > 1) payload += ',';
    payload +=
      `{"id":${JSON.stringify(e.eventId)},"type":${JSON.stringify(e.type)},"schemaVersion":${e.schemaVersion},` +
      `"data":${data},"metadata":${metadata}}`;
  }
  payload += ']';
  return {
    streamId,
    category,
    expected,
    expectedCode: expectedNumber,
    caseId: caseId ?? null,
    recordedAt,
    events,
    payload,
    stored,
    subjectKeys,
  };
}

/** JSON text of an event's data or metadata: an object, as the hash and every reader expect. */
function serialised(value: unknown, eventId: string): string {
  const text =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? JSON.stringify(value) : undefined;
  if (text === undefined)
    throw new InvalidAppendError(`event ${eventId}: data and metadata must be JSON objects`);
  return text;
}

/**
 * Appends in one statement on the given connection (the caller's transaction, if it opened one).
 * Retries that resend stored event ids are recognised and answered with the original positions.
 */
export async function appendEvents(
  db: Pool | PoolClient,
  schema: string,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedVersion,
  recordedAt: Date,
  /** Where to look for an earlier append of the same ids; none inside a caller's transaction. */
  reader: Pool | undefined,
): Promise<AppendResult> {
  return (await appendPrepared(db, schema, prepareAppend(streamId, events, expected, recordedAt), reader))
    .result;
}

export async function appendPrepared(
  db: Pool | PoolClient,
  schema: string,
  a: PreparedAppend,
  reader: Pool | undefined,
): Promise<Committed> {
  const keys = withKeys(a.subjectKeys, schema, 7);
  try {
    const { rows } = await db.query<{
      out_position: string;
      out_version: string;
      out_tx_id: string;
      out_prev_hash: string;
      out_hash: string;
      out_before_tx_id: string | null;
      out_before_position: string | null;
    }>({
      // Named: prepared once per connection, not parsed and planned for every append.
      name: `lse.append_events.${schema}${keys.text ? '.keys' : ''}`,
      text: `${keys.text}SELECT out_position, out_version, out_tx_id, out_prev_hash, out_hash, out_before_tx_id, out_before_position
               FROM ${schema}.append_events($1, $2, $3, $4, $5, $6::json)`,
      values: [a.streamId, a.category, a.expectedCode, a.caseId, a.recordedAt, a.payload, ...keys.values],
    });
    return committed(
      a,
      rows.map((r) => ({
        position: Number(r.out_position),
        version: Number(r.out_version),
        txId: r.out_tx_id,
        prevHash: r.out_prev_hash,
        hash: r.out_hash,
        before: checkpointOf(r.out_before_tx_id, r.out_before_position),
      })),
    );
  } catch (err) {
    const pgErr = err as PgError;
    const duplicate = pgErr.code === UNIQUE_VIOLATION && pgErr.constraint === 'events_event_id_key';
    if (pgErr.code !== WRONG_EXPECTED_VERSION && !duplicate) throw err;
    return alreadyCommitted(await refused(schema, a, duplicate ? 'duplicate' : Number(pgErr.detail), reader));
  }
}

/**
 * Several appends in one statement and one transaction (group commit). Each is decided on its
 * own, as `appendPrepared` would decide it: results (or errors) come back in order. If the
 * statement itself fails, every append is retried alone, so one bad append cannot fail others.
 */
export async function appendBatch(
  pool: Pool,
  schema: string,
  appends: readonly PreparedAppend[],
): Promise<Array<PromiseSettledResult<Committed>>> {
  let rows: Array<{
    b_index: number;
    b_position: string | null;
    b_version: string | null;
    b_error: string | null;
    b_actual: string | null;
    b_tx_id: string | null;
    b_prev_hash: string | null;
    b_hash: string | null;
    b_before_tx_id: string | null;
    b_before_position: string | null;
  }>;
  try {
    const batch = `[${appends
      .map(
        (a) =>
          `{"streamId":${JSON.stringify(a.streamId)},"category":${JSON.stringify(a.category)},` +
          `"expected":${a.expectedCode},"caseId":${JSON.stringify(a.caseId)},` +
          `"recordedAt":${JSON.stringify(a.recordedAt.toISOString())},"events":${a.payload}}`,
      )
      .join(',')}]`;
    const keys = withKeys(
      appends.flatMap((a) => a.subjectKeys),
      schema,
      2,
    );
    ({ rows } = await pool.query({
      name: `lse.append_batch.${schema}${keys.text ? '.keys' : ''}`,
      text: `${keys.text}SELECT b_index, b_position, b_version, b_error, b_actual, b_tx_id, b_prev_hash, b_hash, b_before_tx_id,
                    b_before_position
               FROM ${schema}.append_batch($1::json)`,
      values: [batch, ...keys.values],
    }));
  } catch {
    return Promise.allSettled(appends.map((a) => appendPrepared(pool, schema, a, pool)));
  }
  const byIndex = new Map<number, typeof rows>();
  for (const r of rows) byIndex.set(r.b_index, [...(byIndex.get(r.b_index) ?? []), r]);
  return Promise.allSettled(
    appends.map(async (a, i) => {
      const mine = byIndex.get(i) ?? [];
      const error = mine.find((r) => r.b_error !== null);
      if (error)
        return alreadyCommitted(
          await refused(
            schema,
            a,
            error.b_error === 'duplicate' ? 'duplicate' : Number(error.b_actual),
            pool,
          ),
        );
      if (mine.length !== a.events.length)
        throw new Error(`append_batch returned no result for ${a.streamId}`);
      return committed(
        a,
        mine.map((r) => ({
          position: Number(r.b_position),
          version: Number(r.b_version),
          txId: r.b_tx_id!,
          prevHash: r.b_prev_hash!,
          hash: r.b_hash!,
          before: checkpointOf(r.b_before_tx_id, r.b_before_position),
        })),
      );
    }),
  );
}

/** One appended event as append_events and append_batch report it (migration 005). */
interface AppendedRow {
  position: number;
  version: number;
  txId: string;
  prevHash: string;
  hash: string;
  /** The stream's event before the append (null: the append began the stream). */
  before: Checkpoint | null;
}

function checkpointOf(txId: string | null, position: string | null): Checkpoint | null {
  return txId === null ? null : { txId, position: Number(position) };
}

function committed(a: PreparedAppend, rows: AppendedRow[]): Committed {
  rows.sort((x, y) => x.version - y.version);
  const result: AppendResult = {
    streamId: a.streamId,
    nextExpectedVersion: rows[rows.length - 1].version,
    positions: rows.map((r) => r.position),
    alreadyStored: false,
  };
  let events: AppendedEvent[] | undefined;
  return {
    result,
    // The events as a reader gets them: data and metadata parsed from the text stored, recorded_at
    // at the millisecond precision it was given in.
    appended: () =>
      (events ??= rows.map((r, i) => ({
        event: {
          eventId: a.events[i].eventId.toLowerCase(),
          streamId: a.streamId,
          streamVersion: r.version,
          globalPosition: r.position,
          txId: r.txId,
          type: a.events[i].type,
          schemaVersion: a.events[i].schemaVersion,
          data: JSON.parse(a.stored[i].data) as Record<string, unknown>,
          metadata: JSON.parse(a.stored[i].metadata) as EventMetadata,
          recordedAt: a.recordedAt.toISOString(),
          prevHash: r.prevHash,
          hash: r.hash,
        },
        previous: i === 0 ? r.before : { txId: rows[i - 1].txId, position: rows[i - 1].position },
      }))),
  };
}

function alreadyCommitted(result: AppendResult): Committed {
  return { result, appended: () => [] };
}

/**
 * A refused append: a retry of one that already committed looks like a conflict or a duplicate
 * id, and gets the original result; otherwise the typed error.
 */
async function refused(
  schema: string,
  a: PreparedAppend,
  why: 'duplicate' | number,
  reader: Pool | undefined,
): Promise<AppendResult> {
  const original = reader && (await findStored(reader, schema, a.streamId, a.events));
  if (original) return original;
  if (why === 'duplicate') throw new DuplicateEventIdError(a.events[0].eventId);
  throw new WrongExpectedVersionError(a.streamId, a.expected, why);
}

interface StoredRow {
  event_id: string;
  global_position: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  data: unknown;
  case_id: string | null;
}

/**
 * The original result when every event id is stored with the same content (stream, type,
 * schema version, data, case); undefined when none is stored; an error when any differs.
 */
async function findStored(
  db: Pool,
  schema: string,
  streamId: string,
  events: readonly NewEvent[],
): Promise<AppendResult | undefined> {
  const { rows } = await db.query<StoredRow>(
    `SELECT event_id, global_position, stream_id, stream_version, type, schema_version, data, case_id
       FROM ${schema}.events WHERE event_id = ANY($1::uuid[])`,
    [events.map((e) => e.eventId)],
  );
  if (rows.length === 0) return undefined;
  const byId = new Map(rows.map((r) => [r.event_id, r]));
  const positions: number[] = [];
  let lastVersion = 0;
  for (const e of events) {
    const row = byId.get(e.eventId.toLowerCase());
    const same =
      row &&
      row.stream_id === streamId &&
      row.type === e.type &&
      row.schema_version === e.schemaVersion &&
      (row.case_id ?? undefined) === e.metadata.caseId?.toLowerCase() &&
      canonicalJson(row.data) === canonicalJson(e.data);
    if (!same) throw new DuplicateEventIdError(e.eventId);
    positions.push(Number(row.global_position));
    lastVersion = Math.max(lastVersion, Number(row.stream_version));
  }
  return { streamId, nextExpectedVersion: lastVersion, positions, alreadyStored: true };
}
