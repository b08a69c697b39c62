import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { DataKey } from './leaf-cipher';
import type { KeyWrapping } from './master-key';
import type { NewSubjectKey } from '@lse/event-store';
import type { DataKeys, KeysForAppend } from './seal';

export interface SubjectKeysOptions {
  pool: Pool;
  /** The event store's schema: the keyring is its table `subject_keys` (migration 006). */
  schema: string;
  wrapping: KeyWrapping;
  /**
   * How long an unwrapped key is used without asking the database again (default 30 s). A key
   * destroyed elsewhere stops opening here within this time at the latest; `forget()` ends it
   * at once.
   */
  ttlMs?: number;
  now?: () => number;
}

/**
 * New data for a subject whose key was destroyed: it was erased and cannot be sealed again. Its
 * `code` is the service-kit error code `subject_erased`, so a command refused by it is answered
 * 409 problem+json saying so (docs/erasure.md), not an unexpected 500.
 */
export class SubjectErasedError extends Error {
  readonly code = 'subject_erased';
  constructor() {
    super(
      "This person's data was erased (their key is destroyed), so nothing new can be recorded about them. Leave them out of the request.",
    );
    this.name = 'SubjectErasedError';
  }
}

interface KeyRow {
  key_id: string;
  subject: string;
  wrapped_key: Buffer | null;
}

interface Cached {
  key: Buffer | null;
  at: number;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]*$/;
export const DEFAULT_KEY_TTL_MS = 30_000;

/**
 * The keyring over PostgreSQL (docs/architecture.md#crypto-shredding): one random 256-bit key per
 * data subject, stored wrapped by the master key, created on first use by whichever process gets
 * there first (INSERT ... ON CONFLICT DO NOTHING, then read the winner). Unwrapped keys are
 * cached per process for `ttlMs`; a whole append asks for all its subjects in one round trip.
 */
export class SubjectKeys implements DataKeys {
  private readonly bySubject = new Map<string, DataKey & { at: number }>();
  private readonly byId = new Map<string, Cached>();
  private readonly ttlMs: number;
  private readonly now: () => number;
  private readonly table: string;

  constructor(private readonly options: SubjectKeysOptions) {
    if (!SCHEMA_NAME.test(options.schema)) throw new Error(`"${options.schema}" is not a valid schema name`);
    this.table = `${options.schema}.subject_keys`;
    this.ttlMs = options.ttlMs ?? DEFAULT_KEY_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  async keysFor(subjects: readonly string[]): Promise<Map<string, DataKey>> {
    const out = new Map<string, DataKey>();
    const missing: string[] = [];
    const now = this.now();
    for (const subject of new Set(subjects)) {
      const cached = this.bySubject.get(subject);
      if (cached && now - cached.at < this.ttlMs) out.set(subject, cached);
      else missing.push(subject);
    }
    if (missing.length === 0) return out;
    const fresh = await Promise.all(
      missing.map(async (subject) => {
        const keyId = randomUUID();
        return { keyId, subject, wrapped: await this.options.wrapping.wrap(randomBytes(32), keyId) };
      }),
    );
    await this.options.pool.query(
      `INSERT INTO ${this.table} (key_id, subject, wrapped_key)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::bytea[]) ON CONFLICT (subject) DO NOTHING`,
      [fresh.map((f) => f.keyId), fresh.map((f) => f.subject), fresh.map((f) => f.wrapped)],
    );
    const { rows } = await this.options.pool.query<KeyRow>(
      `SELECT key_id, subject, wrapped_key FROM ${this.table} WHERE subject = ANY($1::text[])`,
      [missing],
    );
    for (const row of rows) {
      if (!row.wrapped_key) throw new SubjectErasedError();
      const key = { keyId: row.key_id, key: await this.options.wrapping.unwrap(row.wrapped_key, row.key_id) };
      this.bySubject.set(row.subject, { ...key, at: now });
      this.byId.set(row.key_id, { key: key.key, at: now });
      out.set(row.subject, key);
    }
    return out;
  }

  /**
   * An append's keys without a commit of their own (`DataKeys.keysForAppend`): one SELECT for
   * the subjects not cached; a key is made for each one the keyring does not hold, returned to be
   * stored with the append's events, and cached only once the append says it `stored()` them.
   */
  async keysForAppend(subjects: readonly string[]): Promise<KeysForAppend> {
    const keys = new Map<string, DataKey>();
    const missing: string[] = [];
    const now = this.now();
    for (const subject of new Set(subjects)) {
      const cached = this.bySubject.get(subject);
      if (cached && now - cached.at < this.ttlMs) keys.set(subject, cached);
      else missing.push(subject);
    }
    const created: NewSubjectKey[] = [];
    const made: Array<DataKey & { subject: string }> = [];
    if (missing.length > 0) {
      const { rows } = await this.options.pool.query<KeyRow>(
        `SELECT key_id, subject, wrapped_key FROM ${this.table} WHERE subject = ANY($1::text[])`,
        [missing],
      );
      for (const row of rows) {
        if (!row.wrapped_key) throw new SubjectErasedError();
        const key = {
          keyId: row.key_id,
          key: await this.options.wrapping.unwrap(row.wrapped_key, row.key_id),
        };
        this.remember(row.subject, key, now);
        keys.set(row.subject, key);
      }
      for (const subject of missing) {
        if (keys.has(subject)) continue;
        const key = { keyId: randomUUID(), key: randomBytes(32) };
        created.push({
          keyId: key.keyId,
          subject,
          wrappedKey: await this.options.wrapping.wrap(key.key, key.keyId),
        });
        made.push({ ...key, subject });
        keys.set(subject, key);
      }
    }
    return {
      keys,
      created,
      stored: () => {
        const at = this.now();
        for (const { subject, ...key } of made) this.remember(subject, key, at);
      },
    };
  }

  private remember(subject: string, key: DataKey, at: number): void {
    this.bySubject.set(subject, { ...key, at });
    this.byId.set(key.keyId, { key: key.key, at });
  }

  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>> {
    const out = new Map<string, Buffer | null>();
    const missing: string[] = [];
    const now = this.now();
    for (const id of new Set(keyIds)) {
      const cached = this.byId.get(id);
      // A destroyed key stays destroyed: no need to ask again.
      if (cached && (cached.key === null || now - cached.at < this.ttlMs)) out.set(id, cached.key);
      else missing.push(id);
    }
    if (missing.length === 0) return out;
    const { rows } = await this.options.pool.query<KeyRow>(
      `SELECT key_id, subject, wrapped_key FROM ${this.table} WHERE key_id = ANY($1::uuid[])`,
      [missing],
    );
    for (const row of rows) {
      const key = row.wrapped_key ? await this.options.wrapping.unwrap(row.wrapped_key, row.key_id) : null;
      this.byId.set(row.key_id, { key, at: now });
      out.set(row.key_id, key);
    }
    return out;
  }

  /**
   * Destroys the subject's key: every value sealed under it, in the store, in JetStream and in
   * any copy, no longer opens. True when a key was destroyed now. Other processes stop opening
   * within their TTL (or at once when they `forget()`).
   */
  async destroy(subject: string): Promise<boolean> {
    const { rows } = await this.options.pool.query<{ key_id: string }>(
      `UPDATE ${this.table} SET wrapped_key = NULL, destroyed_at = now()
        WHERE subject = $1 AND wrapped_key IS NOT NULL RETURNING key_id`,
      [subject],
    );
    this.bySubject.delete(subject);
    for (const row of rows) this.byId.set(row.key_id, { key: null, at: this.now() });
    return rows.length > 0;
  }

  /**
   * The subject's key as the keyring holds it, without creating one: undefined when nothing was
   * ever sealed for the subject.
   */
  async find(subject: string): Promise<{ keyId: string; destroyed: boolean } | undefined> {
    const { rows } = await this.options.pool.query<{ key_id: string; destroyed: boolean }>(
      `SELECT key_id, wrapped_key IS NULL AS destroyed FROM ${this.table} WHERE subject = $1`,
      [subject],
    );
    return rows[0] ? { keyId: rows[0].key_id, destroyed: rows[0].destroyed } : undefined;
  }

  /**
   * Every case an event sealed a value of this key in: the events whose boxes name the key (the
   * box lists key ids only, so no link table is needed and none can drift from the events). A
   * scan of the events' metadata (stored as `json`, migration 004: cast for the containment), an
   * erasure is rare, and this runs once per erasure.
   */
  async casesOf(keyId: string): Promise<string[]> {
    const { rows } = await this.options.pool.query<{ case_id: string }>(
      `SELECT DISTINCT case_id::text FROM ${this.options.schema}.events
        WHERE case_id IS NOT NULL AND (metadata->'sealed')::jsonb @> jsonb_build_array(jsonb_build_object('k', $1::text))
        ORDER BY 1`,
      [keyId],
    );
    return rows.map((r) => r.case_id);
  }

  /** The subjects (`<kind>:<id>`) whose keys sealed a value in the case's events, and their key ids. */
  async subjectsOfCase(
    caseId: string,
  ): Promise<Array<{ subject: string; keyId: string; destroyed: boolean }>> {
    const { rows } = await this.options.pool.query<{ subject: string; key_id: string; destroyed: boolean }>(
      `SELECT k.subject, k.key_id, k.wrapped_key IS NULL AS destroyed FROM ${this.table} k
        WHERE k.key_id IN (
          SELECT (box->>'k')::uuid FROM ${this.options.schema}.events e,
                 json_array_elements(CASE WHEN json_typeof(e.metadata->'sealed') = 'array'
                                          THEN e.metadata->'sealed' ELSE '[]'::json END) box
           WHERE e.case_id = $1::uuid)
        ORDER BY k.subject`,
      [caseId],
    );
    return rows.map((r) => ({ subject: r.subject, keyId: r.key_id, destroyed: r.destroyed }));
  }

  /** Drops every cached key: the next use reads the keyring again. */
  forget(): void {
    this.bySubject.clear();
    this.byId.clear();
  }
}
