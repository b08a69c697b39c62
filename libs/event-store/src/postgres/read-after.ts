import type { Pool } from 'pg';
import type { Checkpoint, EventFilter, ReadAfterResult } from '../port';
import { filterClauses } from './filters';
import { EVENT_TYPES, eventColumns, EventRow, toRecorded } from './rows';

/** Larger than any position: "every event of this transaction". */
const ALL_POSITIONS = Number.MAX_SAFE_INTEGER;

/**
 * The oldest transaction that can still write to this database's tables: the statement
 * snapshot's xmax (every transaction id assigned later is at least that), lowered to any id the
 * snapshot saw in flight, except those seen running in another database. A transaction of another
 * database can never write here, so other databases' long or slow transactions (the server-wide
 * pg_snapshot_xmin) do not hold readers back. An in-flight id whose database is unknown (it ended
 * meanwhile, or a prepared transaction) counts as this database's.
 *
 * Why pg_stat_activity's pairing of id and database is safe: it is read in the same statement,
 * after the snapshot was taken; an id in the snapshot was assigned before, by a backend holding
 * its status slot since, so the slot can only show another database's backend once that
 * transaction has ended. Its 32-bit ids are unique among transactions in flight.
 */
const HORIZON = `SELECT coalesce(
    (SELECT min(x) FROM pg_snapshot_xip(pg_current_snapshot()) x
      WHERE xid(x) NOT IN (
        SELECT a.backend_xid FROM pg_stat_get_activity(NULL) a
         WHERE a.backend_xid IS NOT NULL
           AND a.datid <> (SELECT oid FROM pg_database WHERE datname = current_database()))),
    pg_snapshot_xmax(pg_current_snapshot())) AS xmin`;

/**
 * The catch-up read. Global positions are allocated before commit, so position order is not
 * commit order: a reader that moved past position p could miss an event at p - 1 whose
 * transaction commits later. Every transaction below the horizon (see HORIZON) has ended or
 * belongs to another database, and every transaction that can still write here has an id >= it,
 * so reading only tx_id < horizon in (tx_id, position) order never lets a new commit land behind
 * the checkpoint. The horizon and the events come from one statement, hence one snapshot.
 *
 * When fewer rows than asked come back, everything below the horizon has been seen, so the
 * checkpoint moves to (horizon - 1, all positions) even if the filter matched nothing: a filtered
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
  const { rows } = await pool.query<EventRow & { horizon: string }>({
    text: `WITH h AS MATERIALIZED (${HORIZON})
     SELECT h.xmin::text AS horizon, r.* FROM h LEFT JOIN LATERAL (
       SELECT ${eventColumns('e')}
         FROM ${schema}.events e WHERE ${where.join(' AND ')}
        ORDER BY e.tx_id, e.global_position LIMIT $3
     ) r ON true`,
    values: params,
    types: EVENT_TYPES,
  });
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
