import { randomUUID } from 'node:crypto';
import { collectionStreamId, toNewEvent, type CollectionEvent } from '@lse/contracts';
import { fixedClock } from '@lse/domain';
import { migrate, PostgresEventStore } from '@lse/event-store';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { collectionDecider } from '@lse/collections-domain';
import { InstallmentChecker } from '../src/scheduled/installment-checker';
import { opening, W1, W2, W3 } from '@lse/collections-domain/test/fixtures';

/** Two checkers (two replicas) racing on one real database must record each miss exactly once. */
describe('the scheduled missed-installment check against PostgreSQL', () => {
  let db: TestSchema;
  let store: PostgresEventStore;
  const decider = collectionDecider();

  beforeAll(async () => {
    db = await createTestSchema('coll');
    await migrate(db.pool, db.schema);
    store = new PostgresEventStore({
      pool: db.pool,
      schema: db.schema,
      service: 'collections',
      categories: ['collection'],
    });
  });
  afterAll(async () => db?.drop());

  const meta = (caseId: string) => ({
    caseId,
    actor: { id: 'officer-1', role: 'collections_officer' as const },
    correlationId: randomUUID(),
    sourceService: 'collections',
    occurredAt: '2026-02-15T10:00:00.000Z',
  });

  /** A case with a 3-installment plan, the first installment paid. */
  async function caseWithPlan(): Promise<string> {
    const caseId = randomUUID();
    const planId = randomUUID();
    const installments = [
      { installmentNo: 1, dueOn: '2026-03-01', amountCents: 50_000 },
      { installmentNo: 2, dueOn: '2026-04-01', amountCents: 50_000 },
      { installmentNo: 3, dueOn: '2026-05-01', amountCents: 100_000 },
    ];
    const events = [
      { type: 'CollectionCaseOpened', data: opening() },
      {
        type: 'PaymentPlanEstablished',
        data: { planId, basis: 'voluntary', establishedOn: '2026-02-15', installments },
      },
      {
        type: 'PaymentReceived',
        data: {
          paymentId: randomUUID(),
          debtorId: opening().debtors[0].debtorId,
          amountCents: 50_000,
          receivedOn: '2026-02-20',
          method: 'check',
          planId,
          allocations: [
            { workerId: W1, amountCents: 25_000 },
            { workerId: W2, amountCents: 15_000 },
            { workerId: W3, amountCents: 10_000 },
          ],
        },
      },
    ] as unknown as CollectionEvent[];
    await store.append(
      collectionStreamId(caseId),
      events.map((e) => toNewEvent(e, randomUUID(), meta(caseId))),
      'no_stream',
    );
    return caseId;
  }

  const checker = (caseIds: string[], clockAt: string, withLock: boolean) =>
    new InstallmentChecker({
      store,
      decider,
      clock: fixedClock(clockAt),
      candidates: () => Promise.resolve(caseIds),
      ...(withLock ? { connectionString: db.url, lockName: `test-${db.schema}` } : {}),
      intervalMs: 0,
    });

  const missed = async (caseId: string) =>
    (await store.readStream(collectionStreamId(caseId))).filter((e) => e.type === 'InstallmentMissed');

  it('records nothing before a due date passes, and the missed installment the day after', async () => {
    const caseId = await caseWithPlan();
    expect((await checker([caseId], '2026-04-01T23:00:00Z', false).runOnce()).missedRecorded).toBe(0);
    expect((await checker([caseId], '2026-04-02T01:00:00Z', false).runOnce()).missedRecorded).toBe(1);
    const [event] = await missed(caseId);
    expect(event.data).toEqual({
      planId: expect.any(String),
      installmentNo: 2,
      dueOn: '2026-04-01',
      amountDueCents: 50_000,
    });
    expect(event.metadata).toMatchObject({
      actor: { id: 'service:collections', role: 'system' },
      sourceService: 'collections',
    });
    // A later run does not record it again.
    expect((await checker([caseId], '2026-04-20T01:00:00Z', false).runOnce()).missedRecorded).toBe(0);
    expect(await missed(caseId)).toHaveLength(1);
  });

  it('two replicas racing without the lock: the idempotent append keeps each miss once', async () => {
    const cases = await Promise.all([caseWithPlan(), caseWithPlan(), caseWithPlan()]);
    for (let round = 0; round < 3; round++) {
      const a = checker(cases, '2026-05-02T06:00:00Z', false);
      const b = checker(cases, '2026-05-02T06:00:00Z', false);
      await Promise.all([a.runOnce(), b.runOnce(), a.checkCase(cases[0]), b.checkCase(cases[0])]);
    }
    for (const caseId of cases) {
      const events = await missed(caseId);
      expect(events.map((e) => (e.data as { installmentNo: number }).installmentNo).sort()).toEqual([2, 3]);
      expect((await store.verifyStream(collectionStreamId(caseId))).ok).toBe(true);
    }
  });

  it('two replicas with the leadership lock: whoever runs, the miss is recorded once', async () => {
    const caseId = await caseWithPlan();
    const a = checker([caseId], '2026-04-02T06:00:00Z', true);
    const b = checker([caseId], '2026-04-02T06:00:00Z', true);
    const results = await Promise.all([a.runOnce(), b.runOnce()]);
    expect(results.reduce((s, r) => s + r.missedRecorded, 0)).toBe(1);
    expect(await missed(caseId)).toHaveLength(1);
    // The lock is released after a run: the next run can take it.
    expect((await b.runOnce()).ran).toBe(true);
  });
});
