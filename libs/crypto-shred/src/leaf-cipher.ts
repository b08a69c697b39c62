import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createSecretKey,
  hkdfSync,
  type KeyObject,
} from 'node:crypto';

/** What an erased string leaf reads as (docs/architecture.md#crypto-shredding). */
export const ERASED = '[erased]';

/** One data subject's key, unwrapped. */
export interface DataKey {
  keyId: string;
  key: Buffer;
}

/**
 * A sealed leaf is a marker, `enc:v2:<k>:<tag>:<check>`: its value is in the event's box `k`
 * (`metadata.sealed[k]`, one per data subject of the event). The tag says what the value was, so
 * an erased leaf keeps its type: `s` a string, `u` a UUID string, `n` a number, `b` a boolean,
 * `j` anything else; upper case when the leaf is optional (an erased optional leaf is left out).
 * The check, an HMAC of the event id under the subject's key (one per box), tells a marker from
 * text someone typed that looks like one; the box's associated data covers the paths of its
 * markers, so a marker moved to another place no longer opens.
 *
 * `enc:v3:` is a free text that names people (narrative.ts): its value in box `k` is the text
 * without their spans, and each span is a fragment in the box of the person it names. The
 * version is in the check (`markerCheck`), so a v3 marker rewritten as v2 does not open.
 */
const MARKER = /^enc:v([23]):(\d{1,4}):([subnjSUBNJ]):([A-Za-z0-9_-]{8})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Marker {
  /** 2: the value is in the box; 3: a text with named spans in other boxes (narrative.ts). */
  version: 2 | 3;
  box: number;
  tag: string;
  check: string;
}

/** A cheap first look before the regular expression: every read walks every string. */
export const isMarkerLike = (value: string): boolean =>
  value.startsWith('enc:v2:') || value.startsWith('enc:v3:');

export function parseMarker(value: unknown): Marker | undefined {
  if (typeof value !== 'string' || !isMarkerLike(value)) return undefined;
  const match = MARKER.exec(value);
  return match
    ? { version: match[1] === '3' ? 3 : 2, box: Number(match[2]), tag: match[3], check: match[4] }
    : undefined;
}

/** The sealed values of one subject in one event, as stored in `metadata.sealed`. */
export interface SealedBox {
  /** The subject's key id. */
  k: string;
  /** base64url of iv | AES-256-GCM ciphertext | auth tag. */
  b: string;
}

/** Sealed data that does not open with its key: a marker moved, a box altered or swapped. */
export class SealedValueError extends Error {
  constructor(readonly where: string) {
    super(`the sealed values of ${where} do not open: they were moved or altered`);
    this.name = 'SealedValueError';
  }
}

export function typeTag(value: unknown, optional: boolean): string {
  const tag =
    typeof value === 'string'
      ? UUID.test(value)
        ? 'u'
        : 's'
      : typeof value === 'number'
        ? 'n'
        : typeof value === 'boolean'
          ? 'b'
          : 'j';
  return optional ? tag.toUpperCase() : tag;
}

// Keys derived from the data key for the IV and the checks: the AES key never doubles as an HMAC key.
const derived = new WeakMap<Buffer, { iv: KeyObject; check: KeyObject; share: KeyObject }>();
function derivedOf(key: Buffer): { iv: KeyObject; check: KeyObject; share: KeyObject } {
  let keys = derived.get(key);
  if (!keys) {
    const derive = (info: string) =>
      createSecretKey(Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, 32)));
    keys = {
      iv: derive('lse crypto-shred v2 iv'),
      check: derive('lse crypto-shred v2 check'),
      share: derive('lse crypto-shred v3 share'),
    };
    derived.set(key, keys);
  }
  return keys;
}

/** The check of a box's markers: 48 bits of HMAC(event id, and the version from 3 on) under the subject's key. */
export function markerCheck(key: Buffer, eventId: string, version: 2 | 3 = 2): string {
  return createHmac('sha256', derivedOf(key).check)
    .update(version === 2 ? eventId.toLowerCase() : `${eventId.toLowerCase()}|v${version}`)
    .digest()
    .subarray(0, 6)
    .toString('base64url');
}

export const marker = (box: number, tag: string, check: string, version: 2 | 3 = 2): string =>
  `enc:v${version}:${box}:${tag}:${check}`;

/**
 * `length` pseudo-random bytes under a subject's key for one share of a span named by several
 * people (narrative.ts): HMAC-SHA256 in counter mode over the event, the text's path and the
 * span. Deterministic, so a retried append seals the same bytes; unknowable without the key.
 */
export function shareBytes(key: Buffer, eventId: string, where: string, length: number): Buffer {
  const blocks: Buffer[] = [];
  for (let n = 0; blocks.length * 32 < length; n++)
    blocks.push(
      createHmac('sha256', derivedOf(key).share).update(`${eventId.toLowerCase()}|${where}|${n}`).digest(),
    );
  return Buffer.concat(blocks).subarray(0, length);
}

/**
 * Seals one subject's values of one event, AES-256-GCM with the event id, the key id and the
 * paths of its markers (`paths`, sorted) as associated data. The IV is synthetic, an HMAC of the associated data and the plaintext:
 * sealing the same event again gives the same bytes, so a retried append still matches what
 * the first attempt stored (the store compares content), and two different plaintexts never
 * share an IV.
 */
export function sealBox(key: DataKey, eventId: string, paths: string, plaintext: unknown): SealedBox {
  const aad = boxAad(eventId, key.keyId, paths);
  const bytes = Buffer.from(JSON.stringify(plaintext), 'utf8');
  const iv = createHmac('sha256', derivedOf(key.key).iv)
    .update(aad)
    .update('\u0000')
    .update(bytes)
    .digest()
    .subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(bytes), cipher.final()]);
  return { k: key.keyId, b: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url') };
}

export function openBox(key: Buffer, eventId: string, paths: string, box: SealedBox): unknown {
  const bytes = Buffer.from(box.b, 'base64url');
  const where = `event ${eventId.toLowerCase()}`;
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError(where);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(boxAad(eventId, box.k, paths), 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    const plain = Buffer.concat([
      decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
      decipher.final(),
    ]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    throw new SealedValueError(where);
  }
}

/** The event, the key and (a digest of) the sorted paths of the box's markers. */
const boxAad = (eventId: string, keyId: string, paths: string) =>
  `lse sealed v2|${eventId.toLowerCase()}|${keyId.toLowerCase()}|${createHash('sha256').update(paths).digest('base64url')}`;

/**
 * A stable stand-in for an erased UUID leaf: derived from the key id and the field's name, so
 * the same worker's `workerId` reads as one pseudonym in every event (allocations still group,
 * money still balances per worker) and tells nothing of the id it replaces. A version-8 UUID.
 */
export function pseudonym(keyId: string, field: string): string {
  const hex = createHash('sha256').update(`lse pseudonym v1|${keyId}|${field}`).digest('hex').slice(0, 32);
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type Erased = { remove: true } | { remove: false; value: unknown };

/** What an erased leaf reads as, by its marker's tag. */
export function erasedValue(tag: string, keyId: string, field: string): Erased {
  switch (tag) {
    case 's':
    case 'S':
      return { remove: false, value: ERASED };
    case 'u':
    case 'U':
      return { remove: false, value: pseudonym(keyId, field) };
    case 'n':
      return { remove: false, value: 0 };
    case 'b':
      return { remove: false, value: false };
    case 'j':
      return { remove: false, value: null };
    default:
      return { remove: true };
  }
}
