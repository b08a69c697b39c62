import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';

/** What an erased string leaf reads as (docs/architecture.md#crypto-shredding). */
export const ERASED = '[erased]';

/** One data subject's key, unwrapped. */
export interface DataKey {
  keyId: string;
  key: Buffer;
}

/**
 * A sealed leaf: `enc:v1:<keyId>:<tag>:<base64url iv|ciphertext|auth tag>`. The tag says what the
 * value was, so an erased leaf can keep its type: `s` a string, `u` a UUID string, `n` a number,
 * `b` a boolean, `j` anything else (an object or array below an unstructured schema); upper
 * case when the leaf is optional (an erased optional leaf is left out).
 */
const SEALED =
  /^enc:v1:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):([subnjSUBNJ]):([A-Za-z0-9_-]{38,})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface SealedLeaf {
  keyId: string;
  tag: string;
  payload: string;
}

export function parseSealed(value: unknown): SealedLeaf | undefined {
  if (typeof value !== 'string' || !value.startsWith('enc:v1:')) return undefined;
  const match = SEALED.exec(value);
  return match ? { keyId: match[1], tag: match[2], payload: match[3] } : undefined;
}

/** A sealed value that does not open with its key: moved to another field or event, or altered. */
export class SealedValueError extends Error {
  constructor(readonly path: string) {
    super(`the sealed value at ${path} does not open: it was moved or altered`);
    this.name = 'SealedValueError';
  }
}

function typeTag(value: unknown, optional: boolean): string {
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

// The IV key is derived from the data key: the AES key never doubles as an HMAC key.
const ivKeys = new WeakMap<Buffer, Buffer>();
function ivKeyOf(key: Buffer): Buffer {
  let ivKey = ivKeys.get(key);
  if (!ivKey) {
    ivKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'lse crypto-shred v1 iv', 32));
    ivKeys.set(key, ivKey);
  }
  return ivKey;
}

/**
 * Seals one leaf under its subject's key, AES-256-GCM with `aad` (the event id and the leaf's
 * path) as associated data. The IV is synthetic, an HMAC of the aad and the plaintext: sealing
 * the same event again gives the same bytes, so a retried append still matches what the first
 * attempt stored (the store compares content), and two different plaintexts never share an IV.
 */
export function sealLeaf(key: DataKey, aad: string, value: unknown, optional: boolean): string {
  const plaintext = Buffer.from(JSON.stringify(value), 'utf8');
  const iv = createHmac('sha256', ivKeyOf(key.key))
    .update(aad)
    .update('\u0000')
    .update(plaintext)
    .digest()
    .subarray(0, IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const payload = Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  return `enc:v1:${key.keyId}:${typeTag(value, optional)}:${payload}`;
}

/** The leaf's value; throws `SealedValueError` when the aad or the bytes are not the sealed ones. */
export function openLeaf(key: Buffer, aad: string, sealed: SealedLeaf, where: string): unknown {
  const bytes = Buffer.from(sealed.payload, 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError(where);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad, 'utf8'));
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

/** What an erased leaf reads as: by the tag of its sealed form (see SEALED). */
export function erasedValue(sealed: SealedLeaf, field: string): Erased {
  switch (sealed.tag) {
    case 's':
    case 'S':
      return { remove: false, value: ERASED };
    case 'u':
    case 'U':
      return { remove: false, value: pseudonym(sealed.keyId, field) };
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
