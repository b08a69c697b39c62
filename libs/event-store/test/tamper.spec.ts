/**
 * Tampering with stored rows must be detected by the hash chain and the stream heads. The test
 * plays a privileged attacker who first switches off the immutability trigger.
 */
import { randomUUID } from 'node:crypto';
import { events } from '../src/contract/fixtures';
import { storeHarness, StoreHarness } from './harness';

describe('tamper detection', () => {
  let h: StoreHarness;
  let target: string;
  let caseId: string;
  let positions: number[];
  const sql = (text: string, params: unknown[] = []) => h.db.pool.query(text, params);

  beforeEach(async () => {
    h = await storeHarness();
    await h.store.append(`complaint-${randomUUID()}`, events(3), 'no_stream');
    caseId = randomUUID();
    target = `complaint-${caseId}`;
    positions = (await h.store.append(target, events(5, caseId), 'no_stream')).positions;
    await h.store.append(`investigation-${randomUUID()}`, events(2), 'no_stream');
    await sql(`ALTER TABLE events DISABLE TRIGGER events_immutable`);
  });
  afterEach(() => h.cleanup());

  async function expectBrokenAt(version: number, problem: string, position: number | null) {
    const expected = { streamId: target, streamVersion: version, problem, globalPosition: position };
    expect((await h.store.verifyStream(target)).firstBroken).toEqual(expected);
    const all = await h.store.verifyAll();
    expect(all.ok).toBe(false);
    // verifyAll reports the first broken stream in id order; make the comparison independent of it.
    expect(all.firstBroken?.streamId === target ? all.firstBroken : expected).toEqual(expected);
  }

  /** A case's own check (audit replay) sees what lies within the case's events: no heads. */
  async function expectCaseBrokenAt(version: number, problem: string, position: number | null) {
    const report = await h.store.verifyCase(caseId);
    expect(report).toMatchObject({ ok: false, streamsChecked: 1 });
    expect(report.firstBroken).toEqual({
      streamId: target,
      streamVersion: version,
      problem,
      globalPosition: position,
    });
  }

  it('an untouched store verifies', async () => {
    expect((await h.store.verifyAll()).ok).toBe(true);
    expect(await h.store.verifyCase(caseId)).toEqual({ ok: true, streamsChecked: 1, eventsChecked: 5 });
  });

  it('detects a flipped byte in the data', async () => {
    await sql(
      `UPDATE events SET data = replace(data::text, '123456', '123457')::json WHERE global_position = $1`,
      [positions[2]],
    );
    await expectBrokenAt(3, 'hash_mismatch', positions[2]);
    await expectCaseBrokenAt(3, 'hash_mismatch', positions[2]);
  });

  it('detects a byte that changes no value (white space) in the stored text', async () => {
    await sql(`UPDATE events SET data = replace(data::text, ',"', ', "')::json WHERE global_position = $1`, [
      positions[1],
    ]);
    await expectBrokenAt(2, 'hash_mismatch', positions[1]);
  });

  it('detects a flipped character in the metadata', async () => {
    await sql(
      `UPDATE events SET metadata = replace(metadata::text, '"u-1"', '"u-2"')::json WHERE global_position = $1`,
      [positions[0]],
    );
    await expectBrokenAt(1, 'hash_mismatch', positions[0]);
  });

  it('detects an event moved to another case or recorded at another instant', async () => {
    await sql(`UPDATE events SET case_id = $2 WHERE global_position = $1`, [positions[3], randomUUID()]);
    await expectBrokenAt(4, 'hash_mismatch', positions[3]);
    // Within the case, version 4 is now missing.
    await expectCaseBrokenAt(5, 'version_gap', positions[4]);
    await sql(
      `UPDATE events SET case_id = NULL, recorded_at = recorded_at - interval '1 ms' WHERE global_position = $1`,
      [positions[3]],
    );
    await expectBrokenAt(4, 'hash_mismatch', positions[3]);
  });

  it('detects a deleted row in the middle', async () => {
    await sql(`DELETE FROM events WHERE global_position = $1`, [positions[1]]);
    await expectBrokenAt(3, 'version_gap', positions[2]);
    await expectCaseBrokenAt(3, 'version_gap', positions[2]);
  });

  it('detects two swapped rows', async () => {
    // Swap versions 2 and 3 through a free version (the unique key forbids a direct swap).
    await sql(`UPDATE events SET stream_version = 100 WHERE stream_id = $1 AND stream_version = 2`, [target]);
    await sql(`UPDATE events SET stream_version = 2 WHERE stream_id = $1 AND stream_version = 3`, [target]);
    await sql(`UPDATE events SET stream_version = 3 WHERE stream_id = $1 AND stream_version = 100`, [target]);
    await expectBrokenAt(2, 'prev_hash_mismatch', positions[2]);
    await expectCaseBrokenAt(2, 'prev_hash_mismatch', positions[2]);
  });

  it('detects a truncated tail against the stream head', async () => {
    await sql(`DELETE FROM events WHERE global_position = ANY($1)`, [positions.slice(3)]);
    await expectBrokenAt(4, 'missing_events', null);
  });

  it('detects a rewritten hash chain that no longer matches the head', async () => {
    await sql(`DELETE FROM events WHERE global_position = $1`, [positions[4]]);
    await sql(`UPDATE streams SET version = 4 WHERE stream_id = $1`, [target]);
    await expectBrokenAt(4, 'head_mismatch', null);
  });
});

describe('immutability', () => {
  let h: StoreHarness;
  beforeEach(async () => {
    h = await storeHarness();
  });
  afterEach(() => h.cleanup());

  it('refuses UPDATE and DELETE on stored events', async () => {
    await h.store.append(`complaint-${randomUUID()}`, events(1), 'no_stream');
    await expect(h.db.pool.query(`UPDATE events SET type = 'X'`)).rejects.toMatchObject({ code: 'LS403' });
    await expect(h.db.pool.query(`DELETE FROM events`)).rejects.toMatchObject({ code: 'LS403' });
  });
});
