import { types as pgTypes, type CustomTypesConfig } from 'pg';
import type { EventMetadata, RecordedEvent } from '../port';

const COLUMNS = [
  'global_position',
  'event_id',
  'stream_id',
  'stream_version',
  'type',
  'schema_version',
  'data',
  'metadata',
  'recorded_at',
  'prev_hash',
  'hash',
];

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
  /** ISO text: every event read passes EVENT_TYPES. */
  recorded_at: string;
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
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

const TIMESTAMPTZ = 1184;
const UTC_TIMESTAMPTZ = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(?:\.(\d{1,6}))?\+00$/;
const parseTimestamptz = pgTypes.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => Date;

/**
 * recorded_at straight to the ISO text events carry, without a Date in between when the session
 * prints UTC (replaying a 10,000-event case parses 10,000 of them). Milliseconds are truncated,
 * as Date truncates them.
 */
export function isoInstant(text: string): string {
  const m = UTC_TIMESTAMPTZ.exec(text);
  if (!m) return parseTimestamptz(text).toISOString();
  return `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z`;
}

/** Type parsers for event reads: recorded_at as ISO text (see isoInstant), the rest as pg does. */
const driverParser = pgTypes.getTypeParser as (
  oid: number,
  format?: 'text' | 'binary',
) => (value: string) => unknown;
export const EVENT_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary'
      ? isoInstant
      : driverParser(oid, format)) as CustomTypesConfig['getTypeParser'],
};
