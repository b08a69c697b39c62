import { hash } from 'node:crypto';
import { canonicalJson } from '@lse/canonical-json';

export { canonicalJson } from '@lse/canonical-json';

/** What a scheme-1 event's hash covers besides its place in the chain (rows before migration 004). */
export interface HashedContent {
  eventId: string;
  streamId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: unknown;
  recordedAt: string;
}

export function canonicalBody(e: HashedContent): string {
  return canonicalJson({
    eventId: e.eventId,
    streamId: e.streamId,
    type: e.type,
    schemaVersion: e.schemaVersion,
    data: e.data,
    metadata: e.metadata,
    recordedAt: e.recordedAt,
  });
}

/** sha256 of an event's canonical body, hex: what the chain links. */
export function contentDigest(body: string): string {
  return hash('sha256', body, 'hex');
}

/** Scheme 1: hash = sha256(prevHash | version | contentDigest), hex. */
export function chainHash(prevHash: string, streamVersion: number, digest: string): string {
  return hash('sha256', `${prevHash}|${streamVersion}|${digest}`, 'hex');
}

/** Everything a scheme-2 hash covers: the row as stored, with data and metadata as their JSON text. */
export interface StoredEventText {
  prevHash: string;
  streamVersion: number;
  eventId: string;
  caseId: string | null;
  recordedAt: string;
  schemaVersion: number;
  streamId: string;
  category: string;
  type: string;
  dataText: string;
  metadataText: string;
}

const lengthPrefixed = (s: string) => `${Buffer.byteLength(s)}:${s}`;

/**
 * Scheme 2 (migration 004), hex: sha256 over the bytes the row stores, so that PostgreSQL
 * recomputes it natively (`event_hash` in SQL is the definition used by append and verification;
 * this is the same computation for checking an export without the database). recorded_at enters
 * as seconds since the epoch with six decimals, as PostgreSQL's extract(epoch) prints it.
 */
export function eventHash(e: StoredEventText): string {
  const micros = BigInt(Date.parse(e.recordedAt)) * 1000n + BigInt(subMillisecondMicros(e.recordedAt));
  const seconds = micros / 1_000_000n;
  const fraction = (micros % 1_000_000n).toString().padStart(6, '0');
  return hash(
    'sha256',
    `${e.prevHash}|${e.streamVersion}|${e.eventId.toLowerCase()}|${e.caseId?.toLowerCase() ?? ''}|` +
      `${seconds}.${fraction}|${e.schemaVersion}|` +
      lengthPrefixed(e.streamId) +
      lengthPrefixed(e.category) +
      lengthPrefixed(e.type) +
      lengthPrefixed(e.dataText) +
      e.metadataText,
    'hex',
  );
}

/** Microseconds beyond the millisecond in an ISO instant ("...:05.123456Z" -> 456); Date drops them. */
function subMillisecondMicros(iso: string): number {
  const m = /\.\d{3}(\d{1,3})/.exec(iso);
  return m ? Number(m[1].padEnd(3, '0')) : 0;
}
