import type { Pool } from 'pg';
import type { VerifyReport } from '../port';
import { canonicalBody, chainHash, contentDigest } from '../canonical';
import { BrokenLink, ChainWalker, StreamHead } from '../verify-chain';
import { eventColumns, EventRow, toRecorded } from './rows';

const PAGE = 10_000;

interface HeadRow {
  stream_id: string;
  version: string;
  last_hash: string;
}

const toHead = (r: HeadRow): StreamHead => ({
  streamId: r.stream_id,
  version: Number(r.version),
  lastHash: r.last_hash,
});

export async function verifyOneStream(pool: Pool, schema: string, streamId: string): Promise<VerifyReport> {
  const heads = await pool.query<HeadRow>(
    `SELECT stream_id, version, last_hash FROM ${schema}.streams WHERE stream_id = $1`,
    [streamId],
  );
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
 * The whole store: a fast pass in global position order (see `scanInPositionOrder`); only when
 * it finds something wrong is the store walked again stream by stream, so that the report names
 * the first broken place in (stream id, version) order, exactly as before.
 */
export async function verifyAllStreams(pool: Pool, schema: string): Promise<VerifyReport> {
  const fast = await scanInPositionOrder(pool, schema);
  return fast ?? verifyAllInStreamOrder(pool, schema);
}

const FAST_PAGE = 20_000;

type FastRow = [
  streamId: string,
  version: string,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: string,
  metadata: string,
  recordedAt: string,
  prevHash: string,
  hash: string,
];

/**
 * One pass over the events table in primary-key order (sequential, unlike the stream-id index),
 * in one REPEATABLE READ snapshot so the heads read at the end match the events read. Rows come
 * as arrays with JSON as text and the instant formatted by PostgreSQL; the next page is fetched
 * while this one is hashed. Returns the report when everything holds, undefined otherwise (the
 * caller then finds the first broken place in stream order).
 */
export async function scanInPositionOrder(pool: Pool, schema: string): Promise<VerifyReport | undefined> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const { rows } = await client.query<{ max: string }>(
      `SELECT coalesce(max(global_position), 0) AS max FROM ${schema}.events`,
    );
    const max = Number(rows[0].max);
    const streams = new Map<string, { version: number; hash: string }>();
    const fetch = (from: number) =>
      client.query<FastRow>({
        text: `SELECT stream_id, stream_version, event_id, type, schema_version, data::text, metadata::text,
                      to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), prev_hash, hash
                 FROM ${schema}.events WHERE global_position > $1 AND global_position <= $2 ORDER BY global_position`,
        values: [from, from + FAST_PAGE],
        rowMode: 'array',
      });
    let checked = 0;
    let next = max > 0 ? fetch(0) : undefined;
    for (let from = 0; next; from += FAST_PAGE) {
      const page = await next;
      next = from + FAST_PAGE < max ? fetch(from + FAST_PAGE) : undefined;
      for (const [
        streamId,
        v,
        eventId,
        type,
        schemaVersion,
        data,
        metadata,
        recordedAt,
        prevHash,
        hash,
      ] of page.rows) {
        const version = Number(v);
        const seen = streams.get(streamId);
        if (version !== (seen ? seen.version + 1 : 1) || prevHash !== (seen ? seen.hash : ''))
          return settle(next);
        const body = canonicalBody({
          eventId,
          streamId,
          type,
          schemaVersion,
          data: JSON.parse(data),
          metadata: JSON.parse(metadata),
          recordedAt,
        });
        if (chainHash(prevHash, version, contentDigest(body)) !== hash) return settle(next);
        if (seen) {
          seen.version = version;
          seen.hash = hash;
        } else streams.set(streamId, { version, hash });
        checked++;
      }
    }
    const heads = await client.query<HeadRow>(`SELECT stream_id, version, last_hash FROM ${schema}.streams`);
    if (heads.rows.length !== streams.size) return undefined;
    for (const head of heads.rows) {
      const walked = streams.get(head.stream_id);
      if (!walked || walked.version !== Number(head.version) || walked.hash !== head.last_hash)
        return undefined;
    }
    return report(streams.size, checked, undefined);
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}

/** Lets a prefetch in flight finish before the connection is reused. */
async function settle(pending: Promise<unknown> | undefined): Promise<undefined> {
  await pending?.catch(() => undefined);
  return undefined;
}

/**
 * Walks every stream in (stream id, version) order, page by page, and checks each against its
 * head. Streams whose head exists without events, or events without a head, are found too.
 */
export async function verifyAllInStreamOrder(pool: Pool, schema: string): Promise<VerifyReport> {
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
  return (
    rows[0] && {
      streamId: rows[0].stream_id,
      streamVersion: 1,
      globalPosition: null,
      problem: 'missing_events',
    }
  );
}

function report(streams: number, events: number, broken: BrokenLink | undefined): VerifyReport {
  return broken
    ? { ok: false, streamsChecked: streams, eventsChecked: events, firstBroken: broken }
    : { ok: true, streamsChecked: streams, eventsChecked: events };
}
