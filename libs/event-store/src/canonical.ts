import { createHash } from 'node:crypto';

/**
 * Canonical JSON: object keys sorted by code unit, no white space, undefined members dropped.
 * The same value always gives the same text, whether it comes from the caller or back out of
 * jsonb, which is what lets a hash be recomputed from stored rows.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold a non-finite number');
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((k) => record[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** What an event's hash covers besides its place in the chain. */
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
  return createHash('sha256').update(body, 'utf8').digest('hex');
}

/**
 * hash = sha256(prevHash | version | contentDigest), hex. The PostgreSQL adapter computes the
 * same expression in SQL at append time; verification recomputes it here from stored rows.
 */
export function chainHash(prevHash: string, streamVersion: number, digest: string): string {
  return createHash('sha256').update(`${prevHash}|${streamVersion}|${digest}`, 'utf8').digest('hex');
}
