import type { EventMetadata, RecordedEvent } from '../port';

const COLUMNS = ['global_position', 'event_id', 'stream_id', 'stream_version', 'type', 'schema_version',
  'data', 'metadata', 'recorded_at', 'prev_hash', 'hash'];

/** Columns every read selects, in the shape `toRecorded` maps; `alias` qualifies them. */
export function eventColumns(alias?: string): string {
  const q = alias ? `${alias}.` : '';
  return [...COLUMNS.map((c) => q + c), `${q}tx_id::text AS tx_id`].join(', ');
}

export const EVENT_COLUMNS = eventColumns();

export interface EventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  tx_id: string;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

export function toRecorded(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: Number(row.stream_version),
    globalPosition: Number(row.global_position),
    txId: row.tx_id,
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
