import { randomBytes, randomUUID } from 'node:crypto';
import { HoursAndWagesRecorded, investigationStreamId, toNewEvent } from '@lse/contracts';
import { investigationExamples } from '@lse/contracts/src/investigation/examples';
import { migrate, PostgresEventStore, WrongExpectedVersionError } from '@lse/event-store';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { FileMasterKey, SealedEventStore, SubjectKeys } from '../src';

/**
 * The keys an append needs are stored by the append's own statement (no commit of their own): a
 * key exists exactly when the first event sealed under it does, and two processes making a key for
 * the same subject at once end with one key, every event sealed under it.
 */
describe('keys stored with the append that needs them (PostgreSQL)', () => {
  let db: TestSchema;
  const master = FileMasterKey.fromBase64(randomBytes(32).toString('base64'));
  const keyring = () => new SubjectKeys({ pool: db.pool, schema: db.schema, wrapping: master });
  const raw = (groupCommit: boolean) =>
    new PostgresEventStore({
      pool: db.pool,
      schema: db.schema,
      service: 'investigation',
      categories: ['investigation'],
      groupCommit,
    });

  beforeAll(async () => {
    db = await createTestSchema('keyappend');
    await migrate(db.pool, db.schema);
  });
  afterAll(() => db?.drop());

  /** A payroll of one worker: their name is sealed under `worker:<workerId>`. */
  const payroll = (workerId: string) => {
    const example = investigationExamples().HoursAndWagesRecorded;
    return {
      ...example,
      workers: [{ workerId, name: 'Maria Planted-Worker' }],
      records: example.records.map((r) => ({ ...r, workerId })),
    };
  };
  const hours = (caseId: string, workerId: string) =>
    toNewEvent({ type: HoursAndWagesRecorded.type, data: payroll(workerId) }, randomUUID(), {
      caseId,
      actor: { id: 'ivan@agency.gov', role: 'investigator' },
      correlationId: randomUUID(),
      sourceService: 'investigation',
      occurredAt: '2026-02-01T10:00:00Z',
    });
  const keysOf = async (subject: string) =>
    (
      await db.pool.query<{ key_id: string }>(
        `SELECT key_id FROM ${db.schema}.subject_keys WHERE subject = $1`,
        [subject],
      )
    ).rows.map((r) => r.key_id);

  it('stores the worker key with the first event sealed under it, and none when the append is refused', async () => {
    const caseId = randomUUID();
    const workerId = randomUUID();
    const store = new SealedEventStore(raw(false), keyring());
    // Refused (the stream does not exist at version 3): nothing stored, not even the key.
    await expect(store.append(investigationStreamId(caseId), [hours(caseId, workerId)], 3)).rejects.toThrow(
      WrongExpectedVersionError,
    );
    expect(await keysOf(`worker:${workerId}`)).toEqual([]);
    await store.append(investigationStreamId(caseId), [hours(caseId, workerId)], 'no_stream');
    const [keyId] = await keysOf(`worker:${workerId}`);
    expect(keyId).toBeDefined();
    const [stored] = await db.pool
      .query<{ sealed: Record<string, { k: string }> }>(
        `SELECT metadata->'sealed' AS sealed FROM ${db.schema}.events WHERE stream_id = $1`,
        [investigationStreamId(caseId)],
      )
      .then((r) => r.rows);
    expect(Object.values(stored.sealed).map((box) => box.k)).toContain(keyId);
    // Read back opened, by another process.
    const [read] = await new SealedEventStore(raw(false), keyring()).readStream(
      investigationStreamId(caseId),
    );
    expect(read.data).toEqual(payroll(workerId));
  });

  it.each([
    ['one at a time', false],
    ['group commit', true],
  ])(
    'two processes making the key of one subject at once end with one key, every event under it (%s)',
    async (_, group) => {
      const workerId = randomUUID();
      // Two cases naming one worker: both appends seal under `worker:<workerId>`, each process
      // making its key, neither knowing of the other.
      const cases = [randomUUID(), randomUUID()];
      const streams = cases.map((c) => investigationStreamId(c));
      const stores = streams.map(() => new SealedEventStore(raw(group), keyring()));
      await Promise.all(
        stores.map((store, i) => store.append(streams[i], [hours(cases[i], workerId)], 'no_stream')),
      );
      const keyIds = await keysOf(`worker:${workerId}`);
      expect(keyIds).toHaveLength(1);
      for (const [i, streamId] of streams.entries()) {
        const [read] = await new SealedEventStore(raw(false), keyring()).readStream(streamId);
        expect(read.data).toEqual(payroll(workerId));
        const { rows } = await db.pool.query<{ sealed: Record<string, { k: string }> }>(
          `SELECT metadata->'sealed' AS sealed FROM ${db.schema}.events WHERE stream_id = $1`,
          [streams[i]],
        );
        expect(Object.values(rows[0].sealed).map((box) => box.k)).toContain(keyIds[0]);
      }
    },
  );
});
