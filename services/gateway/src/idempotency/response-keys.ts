import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { KeyWrapping } from '@lse/crypto-shred';
import type { Pool } from 'pg';

/** A stored response body, sealed: the day key's id and iv | AES-256-GCM ciphertext | tag. */
export interface SealedBody {
  keyId: string;
  bytes: Buffer;
}

/** Days a key is kept: the day of a row and the next, so a row's key outlives the row (24 h). */
const KEPT_DAYS = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A stored response whose key is gone or that was altered: it cannot be replayed. */
export class SealedResponseError extends Error {
  constructor() {
    super('a stored idempotent response does not open: its key was destroyed or the row was altered');
    this.name = 'SealedResponseError';
  }
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The keys that seal the bodies of stored idempotent responses
 * (docs/erasure.md#the-gateways-stored-responses). A response can hold anything the route
 * returns, personal data included (a complaint's view with the complainant's name), and the gateway cannot tell whose it is: it does
 * not know the reply's classification. So a body is sealed under a key of its UTC day, one random
 * 256-bit key per day (`gateway_response_keys`, wrapped by the same master key as the subject
 * keys, `KeyWrapping`), and the janitor deletes a day's key once no row of that day can be
 * replayed (rows live 24 h; keys two days). Without the master key no copy is readable; with
 * it, a copy of the rows opens only beside a copy of their day's key taken before the key was
 * deleted (a backup holding both: as for the subject keys' backups). A replay still answers exactly the
 * stored body. The associated data binds a body to its row (token subject and Idempotency-Key),
 * so a body copied onto another row does not open.
 *
 * Rather than seal under the subjects of the response (which the gateway cannot name) or re-read
 * the resource on a replay (which would answer the current state, not the first answer), the
 * window is bounded: erasure of a person does not reach a stored response at once, but its key
 * is deleted about 48 h after the request (49 h at most: the janitor runs hourly), and `IdempotencyStore.forgetResources` lets the
 * erase command drop the stored responses of a case (or complaint) at once.
 */
export class ResponseKeys {
  private readonly byDay = new Map<string, { keyId: string; key: Buffer }>();
  private readonly byId = new Map<string, Buffer>();

  constructor(
    private readonly pool: Pool,
    private readonly wrapping: KeyWrapping,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seals a body under today's key (created on first use; concurrent gateways agree on one). */
  async seal(body: unknown, rowId: string): Promise<SealedBody> {
    const { keyId, key } = await this.today();
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aad(keyId, rowId));
    const plain = Buffer.from(JSON.stringify(body ?? null), 'utf8');
    return { keyId, bytes: Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]) };
  }

  async open(sealed: SealedBody, rowId: string): Promise<unknown> {
    const key = await this.byKeyId(sealed.keyId);
    const { bytes } = sealed;
    if (!key || bytes.length < IV_BYTES + TAG_BYTES) throw new SealedResponseError();
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    decipher.setAAD(aad(sealed.keyId, rowId));
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    try {
      const plain = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8')) as unknown;
    } catch {
      throw new SealedResponseError();
    }
  }

  /** Deletes the keys of days no stored response can still be replayed from; returns how many. */
  async destroyExpired(): Promise<number> {
    const oldestKept = dayOf(this.now() - (KEPT_DAYS - 1) * 86_400_000);
    const result = await this.pool.query(`DELETE FROM gateway_response_keys WHERE day < $1::date`, [
      oldestKept,
    ]);
    for (const [day, { keyId }] of this.byDay) {
      if (day < oldestKept) {
        this.byDay.delete(day);
        this.byId.delete(keyId);
      }
    }
    return result.rowCount ?? 0;
  }

  private async today(): Promise<{ keyId: string; key: Buffer }> {
    const day = dayOf(this.now());
    const cached = this.byDay.get(day);
    if (cached) return cached;
    const keyId = randomUUID();
    const wrapped = await this.wrapping.wrap(randomBytes(32), keyId);
    await this.pool.query(
      `INSERT INTO gateway_response_keys (day, key_id, wrapped_key) VALUES ($1::date, $2, $3) ON CONFLICT (day) DO NOTHING`,
      [day, keyId, wrapped],
    );
    const { rows } = await this.pool.query<{ key_id: string; wrapped_key: Buffer }>(
      `SELECT key_id, wrapped_key FROM gateway_response_keys WHERE day = $1::date`,
      [day],
    );
    if (!rows[0]) throw new Error(`the response key of ${day} was deleted as it was made`);
    const key = {
      keyId: rows[0].key_id,
      key: await this.wrapping.unwrap(rows[0].wrapped_key, rows[0].key_id),
    };
    this.byDay.set(day, key);
    this.byId.set(key.keyId, key.key);
    return key;
  }

  private async byKeyId(keyId: string): Promise<Buffer | undefined> {
    const cached = this.byId.get(keyId);
    if (cached) return cached;
    const { rows } = await this.pool.query<{ wrapped_key: Buffer }>(
      `SELECT wrapped_key FROM gateway_response_keys WHERE key_id = $1`,
      [keyId],
    );
    if (!rows[0]) return undefined;
    const key = await this.wrapping.unwrap(rows[0].wrapped_key, keyId);
    this.byId.set(keyId, key);
    return key;
  }
}

const aad = (keyId: string, rowId: string) =>
  Buffer.from(`lse idempotent response v1|${keyId}|${rowId}`, 'utf8');
