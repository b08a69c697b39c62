import type { Pool } from 'pg';

export interface HeadAt {
  streamId: string;
  version: number;
  hash: string;
}

/**
 * The oldest transaction id still in flight (xid8, decimal): every transaction below it has
 * ended, so the events below it form a set that can never grow again.
 */
export async function transactionHorizon(pool: Pool): Promise<string> {
  const { rows } = await pool.query<{ xmin: string }>(
    `SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS xmin`,
  );
  return rows[0].xmin;
}

/**
 * Each stream's head counting only events of transactions below `txBound` (optionally only the
 * given streams), in stream id order, with the highest global position among them. Within a
 * stream transaction order is version order, so these heads never change once computed, unless
 * rows are deleted or rewritten: what integrity checkpoints rely on.
 */
export async function headsBelow(
  pool: Pool,
  schema: string,
  txBound: string,
  streamIds?: readonly string[],
): Promise<{ heads: HeadAt[]; events: number; position: number }> {
  const params: unknown[] = [txBound];
  let only = '';
  if (streamIds) {
    params.push(streamIds);
    only = ` AND stream_id = ANY($2::text[])`;
  }
  const { rows } = await pool.query<{
    stream_id: string;
    stream_version: string;
    hash: string;
    n: string;
    p: string;
  }>(
    `SELECT DISTINCT ON (stream_id) stream_id, stream_version, hash,
            count(*) OVER () AS n, max(global_position) OVER () AS p
       FROM ${schema}.events WHERE tx_id < $1::xid8${only}
      ORDER BY stream_id, stream_version DESC`,
    params,
  );
  return {
    heads: rows.map((r) => ({ streamId: r.stream_id, version: Number(r.stream_version), hash: r.hash })),
    events: rows.length ? Number(rows[0].n) : 0,
    position: rows.length ? Number(rows[0].p) : 0,
  };
}
