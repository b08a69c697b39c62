/**
 * The fast whole-store pass (PostgreSQL recomputes every hash in one parallel scan) must accept
 * every healthy store on its own (else verifyAll silently falls back to the slow walk) and must
 * never accept a tampered one.
 */
import { randomUUID } from 'node:crypto';
import { scanWholeStore } from '../src/postgres/verify';
import { events } from '../src/contract/fixtures';
import { storeHarness, StoreHarness } from './harness';

describe('verifyAll fast pass (in PostgreSQL)', () => {
  let h: StoreHarness;
  beforeEach(async () => {
    h = await storeHarness();
  });
  afterEach(() => h.cleanup());

  it('accepts a healthy store with interleaved streams and awkward JSON', async () => {
    const a = `complaint-${randomUUID()}`;
    const b = `investigation-${randomUUID()}`;
    await h.store.append(a, events(3), 'no_stream');
    await h.store.append(b, events(2), 'no_stream');
    const awkward = events(1).map((e) => ({
      ...e,
      data: {
        text: 'Zoë "quoted" \\ back\nline\t\u0001 ünïcödé 漢字 🙂',
        n: -0.5,
        big: 12345678901234,
        list: [null, true, { z: 1, a: [] }],
        '': 'empty key',
      },
    }));
    await h.store.append(a, awkward, 3);
    await h.store.append(b, events(2), 2);
    expect(await scanWholeStore(h.db.pool, h.db.schema)).toEqual({
      ok: true,
      streamsChecked: 2,
      eventsChecked: 8,
    });
    expect(await scanWholeStore(h.db.pool, h.db.schema)).toEqual(await h.store.verifyAll());
  });

  it('does not accept a changed row or a head that no longer matches', async () => {
    const a = `complaint-${randomUUID()}`;
    const { positions } = await h.store.append(a, events(3), 'no_stream');
    await h.db.pool.query(`ALTER TABLE events DISABLE TRIGGER events_immutable`);
    await h.db.pool.query(
      `UPDATE events SET metadata = replace(metadata::text, '"u-1"', '"someone-else"')::json WHERE global_position = $1`,
      [positions[1]],
    );
    expect(await scanWholeStore(h.db.pool, h.db.schema)).toBeUndefined();
    expect((await h.store.verifyAll()).firstBroken).toMatchObject({
      streamId: a,
      streamVersion: 2,
      problem: 'hash_mismatch',
    });
  });

  it('does not accept a head without events', async () => {
    await h.db.pool.query(
      `INSERT INTO streams (stream_id, category, version, last_hash) VALUES ('complaint-x', 'complaint', 1, 'x')`,
    );
    expect(await scanWholeStore(h.db.pool, h.db.schema)).toBeUndefined();
  });

  it('does not accept a duplicated row that replaces a deleted one', async () => {
    const a = `complaint-${randomUUID()}`;
    const { positions } = await h.store.append(a, events(3), 'no_stream');
    await h.db.pool.query(`ALTER TABLE events DISABLE TRIGGER events_immutable`);
    await h.db.pool.query(
      `ALTER TABLE events DROP CONSTRAINT events_stream_version_key, DROP CONSTRAINT events_event_id_key`,
    );
    // Version 2 stored twice, version 3 gone: as many rows as the head says.
    await h.db.pool.query(
      `INSERT INTO events (event_id, stream_id, category, stream_version, type, schema_version, data, metadata,
                           case_id, recorded_at, prev_hash, hash, hash_scheme)
       SELECT event_id, stream_id, category, stream_version, type, schema_version, data, metadata, case_id,
              recorded_at, prev_hash, hash, hash_scheme FROM events WHERE global_position = $1`,
      [positions[1]],
    );
    await h.db.pool.query(`DELETE FROM events WHERE global_position = $1`, [positions[2]]);
    expect(await scanWholeStore(h.db.pool, h.db.schema)).toBeUndefined();
    expect((await h.store.verifyAll()).ok).toBe(false);
  });
});
