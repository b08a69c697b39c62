import type { Pool, PoolClient } from 'pg';
import { MasterKeyError, type KeyWrapping } from './master-key';

/**
 * A table of keys wrapped by the master key, with the key id as the wrap's associated data:
 * every event-store schema's `subject_keys` (migration 006) and the gateway's
 * `gateway_response_keys` (stored responses' day keys).
 */
export interface Keyring {
  schema: string;
  table: 'subject_keys' | 'gateway_response_keys';
}

export interface KeyringRotation extends Keyring {
  /** Live keys unwrapped with the current master key and wrapped anew with the new one. */
  rewrapped: number;
  /** Live keys that already open with the new master key (a run before this one). */
  alreadyNew: number;
  /** Destroyed keys (`wrapped_key` NULL): left NULL. */
  destroyed: number;
}

const KEYRING_TABLES = ['subject_keys', 'gateway_response_keys'] as const;

/** Every keyring of the database: the tables above that have `key_id` and `wrapped_key`. */
export async function findKeyrings(pool: Pick<Pool, 'query'>): Promise<Keyring[]> {
  const { rows } = await pool.query<Keyring>(
    `SELECT t.table_schema AS schema, t.table_name AS table FROM information_schema.tables t
      WHERE t.table_name = ANY($1::text[]) AND t.table_type = 'BASE TABLE'
        AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema
                     AND c.table_name = t.table_name AND c.column_name = 'wrapped_key')
        AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = t.table_schema
                     AND c.table_name = t.table_name AND c.column_name = 'key_id')
      ORDER BY 1, 2`,
    [KEYRING_TABLES],
  );
  return rows;
}

/** A key that opens with neither master key: nothing is written. */
export class UnknownWrappingError extends MasterKeyError {
  constructor(keyring: Keyring, keyId: string) {
    super(
      `key ${keyId} of ${keyring.schema}.${keyring.table} opens with neither the current nor the new master key: ` +
        'is LSE_MASTER_KEY_FILE (or --from) the key this keyring was written with? Nothing was changed.',
    );
    this.name = 'UnknownWrappingError';
  }
}

/**
 * Re-wraps every live key of the keyrings from the current master key to a new one
 * (docs/erasure.md#rotating-the-master-key). Each keyring in a transaction of its own that locks
 * the table against writers (a service creating a key waits), reads every row, and re-wraps each
 * live key: one that already opens with the new key (the key id is the wrap's associated data, so
 * a wrapped key opens only on its own row) is left as it is, so a second run changes nothing. A
 * key that opens with neither refuses the whole run: every keyring is checked under its lock
 * before any is written, and all are rolled back. Destroyed keys stay NULL.
 */
export async function rotateMasterKey(
  pool: Pool,
  keyrings: readonly Keyring[],
  current: KeyWrapping,
  next: KeyWrapping,
): Promise<KeyringRotation[]> {
  const open: Array<{ client: PoolClient; plan: Plan }> = [];
  try {
    for (const keyring of keyrings) {
      const client = await pool.connect();
      open.push({ client, plan: { keyring, updates: [], alreadyNew: 0, destroyed: 0 } });
      await client.query('BEGIN');
      const plan = open[open.length - 1].plan;
      await planRotation(client, plan, current, next);
    }
    // Every keyring checked: write them, one transaction each.
    for (const { client, plan } of open) {
      const { schema, table } = plan.keyring;
      if (plan.updates.length)
        await client.query(
          `UPDATE ${quoted(schema)}.${quoted(table)} k SET wrapped_key = u.wrapped
             FROM unnest($1::uuid[], $2::bytea[]) AS u(key_id, wrapped)
            WHERE k.key_id = u.key_id AND k.wrapped_key IS NOT NULL`,
          [plan.updates.map((u) => u.keyId), plan.updates.map((u) => u.wrapped)],
        );
      await client.query('COMMIT');
    }
    return open.map(({ plan }) => ({
      ...plan.keyring,
      rewrapped: plan.updates.length,
      alreadyNew: plan.alreadyNew,
      destroyed: plan.destroyed,
    }));
  } catch (err) {
    await Promise.all(open.map(({ client }) => client.query('ROLLBACK').catch(() => undefined)));
    throw err;
  } finally {
    for (const { client } of open) client.release();
  }
}

interface Plan {
  keyring: Keyring;
  updates: Array<{ keyId: string; wrapped: Buffer }>;
  alreadyNew: number;
  destroyed: number;
}

async function planRotation(
  client: PoolClient,
  plan: Plan,
  current: KeyWrapping,
  next: KeyWrapping,
): Promise<void> {
  const table = `${quoted(plan.keyring.schema)}.${quoted(plan.keyring.table)}`;
  // Writers wait (a key created meanwhile would be wrapped by the current key and missed); readers do not.
  await client.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
  const { rows } = await client.query<{ key_id: string; wrapped_key: Buffer | null }>(
    `SELECT key_id::text, wrapped_key FROM ${table} ORDER BY key_id`,
  );
  for (const row of rows) {
    if (row.wrapped_key === null) {
      plan.destroyed += 1;
      continue;
    }
    if (await opens(next, row.wrapped_key, row.key_id)) {
      plan.alreadyNew += 1;
      continue;
    }
    const key = await current.unwrap(row.wrapped_key, row.key_id).catch(() => undefined);
    if (!key) throw new UnknownWrappingError(plan.keyring, row.key_id);
    plan.updates.push({ keyId: row.key_id, wrapped: await next.wrap(key, row.key_id) });
    key.fill(0);
  }
}

async function opens(wrapping: KeyWrapping, wrapped: Buffer, keyId: string): Promise<boolean> {
  try {
    (await wrapping.unwrap(wrapped, keyId)).fill(0);
    return true;
  } catch {
    return false;
  }
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
