/**
 * Integrity: the four tamper cases of issue 7, played by a privileged attacker who switches off
 * the immutability trigger, must each be reported at the first broken place, for the case and for
 * the whole store; a checkpoint export is signed and any change to it breaks the signature.
 */
import { randomUUID } from 'node:crypto';
import { INTEGRITY_STREAM_ID } from '@lse/contracts';
import { eventually } from '@lse/testing';
import { appendComplaint, auditHarness, type AuditHarness } from './harness';
import { exportCheckpoint, verifySignedCheckpoint } from '../src/integrity/export';
import { recordCheckpoint } from '../src/integrity/checkpoints';
import { loadSigningKey } from '../src/integrity/signing-key';
import { verifyIntegrity } from '../src/integrity/verify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('integrity verification', () => {
  let h: AuditHarness;
  let caseId: string;
  let positions: number[];
  const stream = () => `complaint-${caseId}`;

  beforeEach(async () => {
    h = await auditHarness();
    await appendComplaint(h, randomUUID(), 3);
    caseId = randomUUID();
    positions = await appendComplaint(h, caseId, 5);
    await appendComplaint(h, randomUUID(), 2);
    // Other suites' open transactions hold the horizon back: wait until the checkpoint covers ours.
    await eventually(
      () => recordCheckpoint(h.core.store, h.core.dataSource),
      (checkpoint) => checkpoint.data.position >= positions[4],
      { what: 'a checkpoint covering the case', details: (c) => `at ${c.data.position}` },
    );
    await h.sql(`ALTER TABLE events DISABLE TRIGGER events_immutable`);
  });
  afterEach(() => h.cleanup());

  async function expectBroken(streamVersion: number, problem: string, globalPosition: number | null) {
    const expected = { streamId: stream(), streamVersion, problem, globalPosition };
    const forCase = await verifyIntegrity(h.core.store, h.core.dataSource, caseId);
    expect(forCase).toMatchObject({ ok: false, scope: 'case', firstBroken: expected });
    const all = await verifyIntegrity(h.core.store, h.core.dataSource);
    expect(all.ok).toBe(false);
    expect(all.firstBroken?.streamId === stream() ? all.firstBroken : expected).toEqual(expected);
  }

  it('an untouched store and case verify, against the checkpoint too', async () => {
    const all = await verifyIntegrity(h.core.store, h.core.dataSource);
    // 10 complaint events and the checkpoints taken (the integrity stream is chained too).
    expect(all).toMatchObject({
      ok: true,
      eventsChecked: 10 + (await h.core.store.streamVersion(INTEGRITY_STREAM_ID)),
    });
    expect(all.checkpoint?.merkleRoot).toMatch(/^[0-9a-f]{64}$/);
    expect(await verifyIntegrity(h.core.store, h.core.dataSource, caseId)).toMatchObject({
      ok: true,
      eventsChecked: 5,
    });
  });

  it('a flipped byte', async () => {
    await h.sql(
      `UPDATE events SET data = replace(data::text, 'Assessment', 'Assessmenu')::json WHERE global_position = $1`,
      [positions[3]],
    );
    await expectBroken(4, 'hash_mismatch', positions[3]);
  });

  it('a deleted row', async () => {
    await h.sql(`DELETE FROM events WHERE global_position = $1`, [positions[1]]);
    await expectBroken(3, 'version_gap', positions[2]);
  });

  it('two swapped rows', async () => {
    await h.sql(`UPDATE events SET stream_version = 100 WHERE stream_id = $1 AND stream_version = 2`, [
      stream(),
    ]);
    await h.sql(`UPDATE events SET stream_version = 2 WHERE stream_id = $1 AND stream_version = 3`, [
      stream(),
    ]);
    await h.sql(`UPDATE events SET stream_version = 3 WHERE stream_id = $1 AND stream_version = 100`, [
      stream(),
    ]);
    await expectBroken(2, 'prev_hash_mismatch', positions[2]);
  });

  it('a stream truncated after the last checkpoint, its head rewritten to match', async () => {
    await h.sql(`DELETE FROM events WHERE global_position = ANY($1)`, [positions.slice(3)]);
    await h.sql(
      `UPDATE streams SET version = 3, last_hash = (SELECT hash FROM events WHERE stream_id = $1 AND stream_version = 3) WHERE stream_id = $1`,
      [stream()],
    );
    // The chains alone no longer see it...
    expect((await h.core.store.verifyStream(stream())).ok).toBe(true);
    // ... the checkpoint does.
    await expectBroken(4, 'missing_events', null);
  });

  it('a checkpoint whose recorded heads were rewritten is itself reported', async () => {
    await h.sql(`ALTER TABLE events ENABLE TRIGGER events_immutable`);
    await h.core.dataSource.query(`UPDATE ${h.audit.schema}.integrity_checkpoints SET heads = '[]'::jsonb`);
    expect((await verifyIntegrity(h.core.store, h.core.dataSource)).firstBroken?.problem).toBe(
      'checkpoint_mismatch',
    );
  });

  it('exports a checkpoint signed with Ed25519; any change breaks the signature', async () => {
    await h.sql(`ALTER TABLE events ENABLE TRIGGER events_immutable`);
    await appendComplaint(h, randomUUID(), 2);
    let taken = await recordCheckpoint(h.core.store, h.core.dataSource);
    for (const deadline = Date.now() + 20_000; taken.data.events < 12 && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 25));
      taken = await recordCheckpoint(h.core.store, h.core.dataSource);
    }
    expect(taken.appended).toBe(true);
    expect(taken.data.events).toBe(12);
    expect(taken.data.previousRoot).toMatch(/^[0-9a-f]{64}$/);
    // Nothing new: no second checkpoint.
    expect((await recordCheckpoint(h.core.store, h.core.dataSource)).appended).toBe(false);
    const key = loadSigningKey(undefined, mkdtempSync(join(tmpdir(), 'audit-key-')));
    const file = exportCheckpoint(taken.event, key);
    expect(JSON.stringify(file).length).toBeLessThan(2000);
    expect(verifySignedCheckpoint(JSON.parse(JSON.stringify(file)), key.publicKey)).toBe(true);
    expect(verifySignedCheckpoint({ ...file, payload: { ...file.payload, events: 11 } })).toBe(false);
    const other = loadSigningKey(undefined, mkdtempSync(join(tmpdir(), 'audit-key-')));
    expect(verifySignedCheckpoint(file, other.publicKey)).toBe(false);
  });
});
