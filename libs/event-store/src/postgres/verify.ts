import type { Pool } from 'pg';
import type { VerifyReport } from '../port';
import { BrokenLink, ChainWalker, StreamHead } from '../verify-chain';
import { eventColumns, EventRow, toRecorded } from './rows';

const PAGE = 10_000;

interface HeadRow {
  stream_id: string;
  version: string;
  last_hash: string;
}

const toHead = (r: HeadRow): StreamHead => ({ streamId: r.stream_id, version: Number(r.version), lastHash: r.last_hash });

export async function verifyOneStream(pool: Pool, schema: string, streamId: string): Promise<VerifyReport> {
  const heads = await pool.query<HeadRow>(`SELECT stream_id, version, last_hash FROM ${schema}.streams WHERE stream_id = $1`, [
    streamId,
  ]);
  const walker = new ChainWalker(streamId);
  let after = 0;
  let checked = 0;
  for (;;) {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${eventColumns()} FROM ${schema}.events WHERE stream_id = $1 AND stream_version > $2
        ORDER BY stream_version LIMIT ${PAGE}`,
      [streamId, after],
    );
    for (const row of rows) {
      const broken = walker.step(toRecorded(row));
      checked++;
      if (broken) return report(1, checked, broken);
      after = Number(row.stream_version);
    }
    if (rows.length < PAGE) break;
  }
  if (checked === 0 && heads.rowCount === 0) return report(0, 0, undefined);
  return report(1, checked, walker.finish(heads.rows[0] && toHead(heads.rows[0])));
}

/**
 * Walks every stream in (stream id, version) order, page by page, and checks each against its
 * head. Streams whose head exists without events, or events without a head, are found too.
 */
export async function verifyAllStreams(pool: Pool, schema: string): Promise<VerifyReport> {
  let walker: ChainWalker | undefined;
  let head: StreamHead | undefined;
  let afterStream = '';
  let afterVersion = 0;
  let streams = 0;
  let checked = 0;
  let found: BrokenLink | undefined;
  scan: for (;;) {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${eventColumns()} FROM ${schema}.events WHERE (stream_id, stream_version) > ($1, $2)
        ORDER BY stream_id, stream_version LIMIT ${PAGE}`,
      [afterStream, afterVersion],
    );
    const heads = await loadHeads(pool, schema, [...new Set(rows.map((r) => r.stream_id))]);
    for (const row of rows) {
      if (walker?.streamId !== row.stream_id) {
        found = walker?.finish(head);
        if (found) break scan;
        walker = new ChainWalker(row.stream_id);
        head = heads.get(row.stream_id);
        streams++;
      }
      checked++;
      found = walker.step(toRecorded(row));
      if (found) break scan;
      afterStream = row.stream_id;
      afterVersion = Number(row.stream_version);
    }
    if (rows.length < PAGE) {
      found = walker?.finish(head);
      break;
    }
  }
  const headless = await firstHeadWithoutEvents(pool, schema);
  if (headless && (!found || headless.streamId < found.streamId)) found = headless;
  return report(streams, checked, found);
}

async function loadHeads(pool: Pool, schema: string, streamIds: string[]): Promise<Map<string, StreamHead>> {
  if (streamIds.length === 0) return new Map();
  const { rows } = await pool.query<HeadRow>(
    `SELECT stream_id, version, last_hash FROM ${schema}.streams WHERE stream_id = ANY($1::text[])`,
    [streamIds],
  );
  return new Map(rows.map((r) => [r.stream_id, toHead(r)]));
}

async function firstHeadWithoutEvents(pool: Pool, schema: string): Promise<BrokenLink | undefined> {
  const { rows } = await pool.query<{ stream_id: string }>(
    `SELECT s.stream_id FROM ${schema}.streams s
      WHERE NOT EXISTS (SELECT 1 FROM ${schema}.events e WHERE e.stream_id = s.stream_id)
      ORDER BY s.stream_id LIMIT 1`,
  );
  return rows[0] && { streamId: rows[0].stream_id, streamVersion: 1, globalPosition: null, problem: 'missing_events' };
}

function report(streams: number, events: number, broken: BrokenLink | undefined): VerifyReport {
  return broken
    ? { ok: false, streamsChecked: streams, eventsChecked: events, firstBroken: broken }
    : { ok: true, streamsChecked: streams, eventsChecked: events };
}
