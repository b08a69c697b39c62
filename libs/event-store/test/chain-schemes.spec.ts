/**
 * Hash scheme 2 (migration 004) is defined in SQL; Node's `eventHash` must compute the same, so an
 * export can be checked without the database. Rows stored under scheme 1, before the migration,
 * must still verify, and a stream begun under scheme 1 continues under scheme 2.
 */
import { randomUUID } from 'node:crypto';
import { createTestSchema, type TestSchema } from '@lse/testing';
import {
  applyMigrations,
  canonicalBody,
  contentDigest,
  eventHash,
  eventStoreMigrations,
  migrate,
  PostgresEventStore,
} from '../src';
import { scanWholeStore } from '../src/postgres/verify';
import { anEvent, events } from '../src/contract/fixtures';
import { storeHarness } from './harness';

describe('hash scheme 2: one definition in SQL, the same in Node', () => {
  it('agrees on awkward JSON, a missing case and sub-millisecond instants', async () => {
    const h = await storeHarness();
    try {
      const caseId = randomUUID();
      const stream = `complaint-${caseId}`;
      const awkward = anEvent({
        caseId,
        data: {
          text: 'Zoë "q" \\ \n\t\u0001 漢字 🙂',
          n: -0.5,
          big: 12345678901234,
          list: [null, { z: 1, a: [] }],
          '': 'e',
        },
      });
      await h.store.append(stream, [awkward, ...events(2, caseId)], 'no_stream');
      await h.store.append(`investigation-${randomUUID()}`, events(1), 'no_stream');
      const { rows } = await h.db.pool.query(
        `SELECT prev_hash, stream_version, event_id, case_id, to_char(recorded_at AT TIME ZONE 'UTC',
                'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at, schema_version, stream_id, category, type,
                data::text AS data_text, metadata::text AS metadata_text, hash, hash_scheme
           FROM events ORDER BY global_position`,
      );
      expect(rows).toHaveLength(4);
      for (const r of rows) {
        expect(r.hash_scheme).toBe(2);
        expect(eventHash(stored(r))).toBe(r.hash);
      }
      const probe = { ...stored(rows[0]), recordedAt: '2026-03-01T12:00:05.123456Z' };
      const { rows: sql } = await h.db.pool.query(
        `SELECT event_hash($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) AS hash`,
        [
          probe.prevHash,
          probe.streamVersion,
          probe.eventId,
          probe.caseId,
          probe.recordedAt,
          probe.schemaVersion,
          probe.streamId,
          probe.category,
          probe.type,
          probe.dataText,
          probe.metadataText,
        ],
      );
      expect(eventHash(probe)).toBe(sql[0].hash);
      expect(eventHash({ ...probe, recordedAt: '2026-03-01T12:00:05.123457Z' })).not.toBe(sql[0].hash);
    } finally {
      await h.cleanup();
    }
  });
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const stored = (r: any) => ({
  prevHash: r.prev_hash,
  streamVersion: Number(r.stream_version),
  eventId: r.event_id,
  caseId: r.case_id,
  recordedAt: r.recorded_at,
  schemaVersion: r.schema_version,
  streamId: r.stream_id,
  category: r.category,
  type: r.type,
  dataText: r.data_text,
  metadataText: r.metadata_text,
});

describe('a store begun under hash scheme 1', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  const stream = `complaint-${randomUUID()}`;
  const other = `complaint-${randomUUID()}`;

  /** An append as the store made them before migration 004: Node digests canonical JSON. */
  async function appendSchemeOne(streamId: string, expected: number, n: number): Promise<void> {
    const recordedAt = new Date().toISOString();
    const payload = events(n).map((e) => ({
      id: e.eventId,
      type: e.type,
      schemaVersion: e.schemaVersion,
      data: e.data,
      metadata: e.metadata,
      digest: contentDigest(canonicalBody({ ...e, streamId, recordedAt })),
    }));
    await db.pool.query(`SELECT * FROM append_events($1, 'complaint', $2, NULL, $3, $4::jsonb)`, [
      streamId,
      expected,
      recordedAt,
      JSON.stringify(payload),
    ]);
  }

  beforeAll(async () => {
    db = await createTestSchema('es');
    await applyMigrations(db.pool, db.schema, eventStoreMigrations().slice(0, 3));
    await appendSchemeOne(stream, -1, 3);
    await appendSchemeOne(other, -1, 2);
    expect(await migrate(db.pool, db.schema)).toEqual(['004_chain_v2', '005_append_returns_chain', '006_subject_keys']);
    store = new PostgresEventStore({
      pool: db.pool,
      schema: db.schema,
      service: 'intake',
      categories: ['complaint'],
    });
    await store.append(stream, events(2), 3);
  });
  afterAll(() => db.drop());

  it('verifies, old rows by scheme 1 and new rows by scheme 2, on the fast path', async () => {
    const { rows } = await db.pool.query(
      `SELECT hash_scheme, count(*)::int AS n FROM events GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { hash_scheme: 1, n: 5 },
      { hash_scheme: 2, n: 2 },
    ]);
    const healthy = { ok: true, streamsChecked: 2, eventsChecked: 7 };
    expect(await scanWholeStore(db.pool, db.schema)).toEqual(healthy);
    expect(await store.verifyAll()).toEqual(healthy);
    expect(await store.verifyStream(stream)).toEqual({ ok: true, streamsChecked: 1, eventsChecked: 5 });
  });

  it('still detects a changed scheme-1 row', async () => {
    await db.pool.query(`ALTER TABLE events DISABLE TRIGGER events_immutable`);
    await db.pool.query(
      `UPDATE events SET data = replace(data::text, '123456', '123457')::json WHERE stream_id = $1 AND stream_version = 2`,
      [stream],
    );
    expect(await scanWholeStore(db.pool, db.schema)).toBeUndefined();
    expect((await store.verifyStream(stream)).firstBroken).toMatchObject({
      streamVersion: 2,
      problem: 'hash_mismatch',
    });
    expect((await store.verifyAll()).firstBroken).toMatchObject({
      streamId: stream,
      streamVersion: 2,
      problem: 'hash_mismatch',
    });
  });
});
