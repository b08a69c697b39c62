import type { Pool } from 'pg';
import { compareCheckpoints, type Checkpoint } from '@lse/event-store';

export interface CheckpointState {
  name: string;
  at: Checkpoint;
  /** At or past the store's head: everything committed so far has been applied. */
  converged: boolean;
}

/**
 * Every projection and relay checkpoint in every schema of the database, against the event store's
 * head (its last event in (transaction, position) order).
 */
export async function checkpointsAgainstHead(pool: Pool): Promise<CheckpointState[]> {
  const head = (
    await pool.query<{ tx_id: string; position: string }>(
      `SELECT tx_id::text AS tx_id, global_position AS position FROM event_store.events
        ORDER BY tx_id DESC, global_position DESC LIMIT 1`,
    )
  ).rows[0];
  const headAt: Checkpoint = head
    ? { txId: head.tx_id, position: Number(head.position) }
    : { txId: '0', position: 0 };
  const tables = await pool.query<{ schema: string; table: string; key: string }>(
    `SELECT t.table_schema AS schema, t.table_name AS table,
            CASE t.table_name WHEN 'relay_checkpoints' THEN 'relay_name' ELSE 'name' END AS key
       FROM information_schema.tables t
      WHERE t.table_name IN ('projection_checkpoints', 'relay_checkpoints')`,
  );
  const out: CheckpointState[] = [];
  for (const t of tables.rows) {
    const rows = await pool.query<{ name: string; tx_id: string; position: string }>(
      `SELECT ${t.key} AS name, tx_id::text AS tx_id, position::text AS position FROM "${t.schema}"."${t.table}"`,
    );
    for (const r of rows.rows) {
      const at = { txId: r.tx_id, position: Number(r.position) };
      out.push({
        name: `${t.schema}.${t.table}:${r.name}`,
        at,
        converged: compareCheckpoints(at, headAt) >= 0,
      });
    }
  }
  return out;
}

/** Resolves once every checkpoint has caught up with the store (polling), or rejects after `timeoutMs`. */
export async function caughtUp(pool: Pool, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const behind = (await checkpointsAgainstHead(pool)).filter((c) => !c.converged);
    if (behind.length === 0) return;
    if (Date.now() > deadline)
      throw new Error(`not caught up after ${timeoutMs} ms: ${behind.map((c) => c.name).join(', ')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
