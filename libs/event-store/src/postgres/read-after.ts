import type { Pool } from 'pg';
import type { Checkpoint, EventFilter, ReadAfterResult } from '../port';
import { filterClauses } from './filters';
import { eventColumns, EventRow, toRecorded } from './rows';

/** Larger than any position: "every event of this transaction". */
const ALL_POSITIONS = Number.MAX_SAFE_INTEGER;

/**
 * The catch-up read. Global positions are allocated before commit, so position order is not
 * commit order: a reader that moved past position p could miss an event at p - 1 whose
 * transaction commits later. Every transaction below the snapshot's xmin has ended, and every
 * transaction that can still commit has an id >= xmin, so reading only tx_id < xmin in
 * (tx_id, position) order never lets a new commit land behind the checkpoint.
 *
 * When fewer rows than asked come back, everything below the horizon has been seen, so the
 * checkpoint moves to (xmin - 1, all positions) even if the filter matched nothing: a filtered
 * reader does not rescan the same events forever.
 */
export async function readAfter(
  pool: Pool,
  schema: string,
  checkpoint: Checkpoint,
  filter: EventFilter,
  limit: number,
): Promise<ReadAfterResult> {
  const params: unknown[] = [checkpoint.txId, checkpoint.position, limit];
  const where = [
    '(e.tx_id, e.global_position) > ($1::xid8, $2::bigint)',
    'e.tx_id < h.xmin',
    ...filterClauses(filter, params).map((c) => `e.${c}`),
  ];
  const { rows } = await pool.query<EventRow & { horizon: string }>(
    `WITH h AS MATERIALIZED (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS xmin)
     SELECT h.xmin::text AS horizon, r.* FROM h LEFT JOIN LATERAL (
       SELECT ${eventColumns('e')}
         FROM ${schema}.events e WHERE ${where.join(' AND ')}
        ORDER BY e.tx_id, e.global_position LIMIT $3
     ) r ON true`,
    params,
  );
  const found = rows.filter((r) => r.event_id !== null);
  const events = found.map(toRecorded);
  if (events.length === limit) {
    const last = events[events.length - 1];
    return { events, checkpoint: { txId: last.txId, position: last.globalPosition } };
  }
  const horizon = BigInt(rows[0].horizon) - 1n;
  const reached = { txId: horizon.toString(), position: ALL_POSITIONS };
  // Never move backwards (a checkpoint can be ahead of a horizon seen through another connection).
  return { events, checkpoint: compare(reached, checkpoint) > 0 ? reached : checkpoint };
}

export function compare(a: Checkpoint, b: Checkpoint): number {
  const ta = BigInt(a.txId);
  const tb = BigInt(b.txId);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.position - b.position;
}
