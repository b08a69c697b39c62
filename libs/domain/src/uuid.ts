import { createHash } from 'node:crypto';

export const NAMESPACE_DNS = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';
export const NAMESPACE_URL = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';
/** This product's namespace for derived ids (a fixed random v4 UUID; never change it). */
export const NAMESPACE_LSE = '5d0c8a4e-8f7b-4f2e-9b0a-3c6e1d2f4a71';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Name-based UUID version 5 (RFC 9562 section 5.5): SHA-1 of namespace bytes then UTF-8 name. */
export function uuidV5(name: string, namespace: string): string {
  if (!isUuid(namespace)) throw new RangeError(`namespace is not a UUID: ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of an event appended in reaction to another one. It depends only on the cause and on
 * the reaction's name, so a redelivered message yields the same id (an idempotent append), and two
 * different reactions to one event (e.g. investigation and partners both reacting to CaseOpened)
 * still get distinct ids.
 */
export function reactionEventId(causingEventId: string, reaction: string): string {
  return uuidV5(`${reaction}:${causingEventId.toLowerCase()}`, NAMESPACE_LSE);
}
