import type { EventMetadata, RecordedEvent } from '../port';

/**
 * What verification reads of a stored event: its place and links, whether PostgreSQL found its
 * scheme-2 hash right (`hash_ok`), and, for scheme-1 rows only, the content Node rehashes.
 * Scheme-2 rows leave data and metadata in the database.
 */
export interface LinkRow {
  global_position: string;
  stream_id: string;
  stream_version: string;
  prev_hash: string;
  hash: string;
  hash_scheme: number;
  hash_ok: boolean | null;
  event_id: string;
  type: string;
  schema_version: number;
  recorded_at: Date;
  data: Record<string, unknown> | null;
  metadata: EventMetadata | null;
}

/** The SQL expression recomputing a scheme-2 row's hash (migration 004's event_hash). */
export function hashOf(schema: string, a: string): string {
  return `${schema}.event_hash(${a}.prev_hash, ${a}.stream_version, ${a}.event_id, ${a}.case_id, ${a}.recorded_at,
    ${a}.schema_version, ${a}.stream_id, ${a}.category, ${a}.type, ${a}.data, ${a}.metadata)`;
}

export function linkColumns(schema: string, a: string): string {
  return `${a}.global_position, ${a}.stream_id, ${a}.stream_version, ${a}.prev_hash, ${a}.hash, ${a}.hash_scheme,
    CASE WHEN ${a}.hash_scheme = 2 THEN ${a}.hash = ${hashOf(schema, a)} END AS hash_ok,
    CASE WHEN ${a}.hash_scheme = 1 THEN ${a}.event_id END AS event_id,
    CASE WHEN ${a}.hash_scheme = 1 THEN ${a}.type END AS type,
    CASE WHEN ${a}.hash_scheme = 1 THEN ${a}.schema_version END AS schema_version,
    CASE WHEN ${a}.hash_scheme = 1 THEN ${a}.recorded_at END AS recorded_at,
    CASE WHEN ${a}.hash_scheme = 1 THEN ${a}.data END AS data,
    CASE WHEN ${a}.hash_scheme = 1 THEN ${a}.metadata END AS metadata`;
}

/** A scheme-1 row as the event it was hashed from. */
export function legacyRecorded(r: LinkRow): RecordedEvent {
  return {
    eventId: r.event_id,
    streamId: r.stream_id,
    streamVersion: Number(r.stream_version),
    globalPosition: Number(r.global_position),
    txId: '',
    type: r.type,
    schemaVersion: r.schema_version,
    data: r.data ?? {},
    metadata: r.metadata as EventMetadata,
    recordedAt: r.recorded_at.toISOString(),
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
