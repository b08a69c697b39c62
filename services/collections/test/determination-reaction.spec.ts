import { randomUUID } from 'node:crypto';
import { COMPLAINT_EVENTS, DeterminationIssued, collectionStreamId } from '@lse/contracts';
import { investigationExamples } from '@lse/contracts/src/investigation/examples';
import { migrate, PostgresEventStore, type RecordedEvent } from '@lse/event-store';
import { createTestSchema, type TestSchema } from '@lse/testing';
import { collectionDecider } from '@lse/collections-domain';
import { receivedComplaint, PLANTED_NAME } from '@lse/intake-domain/test/fixtures';
import { reactToDetermination } from '../src/reactions/determination/determination-reaction';

/** DeterminationIssued -> CollectionCaseOpened on the real event store, redelivered safely. */
describe('the reaction to DeterminationIssued', () => {
  let db: TestSchema;
  let writer: PostgresEventStore;
  let collections: PostgresEventStore;
  const decider = collectionDecider();
  const now = () => new Date('2026-03-02T10:00:00Z');

  beforeAll(async () => {
    db = await createTestSchema('collr');
    await migrate(db.pool, db.schema);
    writer = new PostgresEventStore({
      pool: db.pool,
      schema: db.schema,
      service: 'test',
      categories: ['complaint', 'investigation'],
    });
    collections = new PostgresEventStore({
      pool: db.pool,
      schema: db.schema,
      service: 'collections',
      categories: ['collection'],
    });
  });
  afterAll(async () => db?.drop());

  const meta = (caseId: string) => ({
    caseId,
    actor: { id: 'sue@agency.gov', role: 'supervisor' as const },
    correlationId: randomUUID(),
    sourceService: 'test',
    occurredAt: '2026-03-01T17:00:00Z',
  });

  async function determination(
    caseId: string,
    workers: Array<{ name: string; totalCents: number }>,
  ): Promise<RecordedEvent> {
    const complaint = receivedComplaint();
    await writer.append(
      `complaint-${caseId}`,
      [
        COMPLAINT_EVENTS.ComplaintReceived.create({
          eventId: randomUUID(),
          data: complaint,
          metadata: meta(caseId),
        }),
        COMPLAINT_EVENTS.CaseOpened.create({
          eventId: randomUUID(),
          data: {
            caseNumber: 'LSE-2026-000777',
            priority: 'P2',
            office: 'OAK-02',
            openedAt: '2026-01-20T10:00:00Z',
          },
          metadata: meta(caseId),
        }),
      ],
      'no_stream',
    );
    const { caseNumber: _ignored, ...example } = investigationExamples().DeterminationIssued;
    const ws = workers.map((w) => ({
      workerId: randomUUID(),
      name: w.name,
      unpaidWagesCents: w.totalCents,
      liquidatedDamagesCents: 0,
      totalCents: w.totalCents,
    }));
    const total = ws.reduce((s, w) => s + w.totalCents, 0);
    const event = DeterminationIssued.create({
      eventId: randomUUID(),
      data: {
        ...example,
        caseId,
        workers: ws,
        civilPenalties: [],
        totals: {
          unpaidWagesCents: total,
          liquidatedDamagesCents: 0,
          civilPenaltiesCents: 0,
          totalCents: total,
        },
        // The example's literal types widen to string; the contract validates the data at create().
      } as never,
      metadata: meta(caseId),
    });
    await writer.append(`investigation-${caseId}`, [event], 'no_stream');
    return (await writer.readStream(`investigation-${caseId}`))[0];
  }

  it('opens the case once, however often the determination is delivered', async () => {
    const caseId = randomUUID();
    const cause = await determination(caseId, [
      { name: PLANTED_NAME, totalCents: 12_345 },
      { name: 'Jose Open-Worker', totalCents: 0 },
      { name: 'Luis Open-Worker', totalCents: 655 },
    ]);
    const deps = { store: collections, decider, now };
    const outcomes = await Promise.all([
      reactToDetermination(cause, deps),
      reactToDetermination(cause, deps),
    ]);
    expect(outcomes.sort()).toEqual(['already_open', 'opened']);
    expect(await reactToDetermination(cause, deps)).toBe('already_open');
    const events = await collections.readStream(collectionStreamId(caseId));
    expect(events.map((e) => e.type)).toEqual(['CollectionCaseOpened']);
    expect(events[0].metadata).toMatchObject({
      causationId: cause.eventId,
      sourceService: 'collections',
      actor: { role: 'system' },
    });
    expect(events[0].data).toMatchObject({
      caseNumber: 'LSE-2026-000777',
      office: 'OAK-02',
      naics: receivedComplaint().employer.naics,
      openedOn: '2026-03-01',
      totalAssessedCents: 13_000,
      // Nobody is owed nothing; the complainant who asked for confidentiality stays confidential here.
      workers: [
        expect.objectContaining({
          name: PLANTED_NAME,
          assessedCents: 12_345,
          confidentialityRequested: true,
        }),
        expect.objectContaining({
          name: 'Luis Open-Worker',
          assessedCents: 655,
          confidentialityRequested: false,
        }),
      ],
    });
  });

  it('opens nothing when nobody is owed anything', async () => {
    const caseId = randomUUID();
    const cause = await determination(caseId, [{ name: 'Jose Open-Worker', totalCents: 0 }]);
    expect(await reactToDetermination(cause, { store: collections, decider, now })).toBe('nothing_owed');
    expect(await collections.readStream(collectionStreamId(caseId))).toEqual([]);
  });
});
