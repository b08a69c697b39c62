import { sealedStore } from '@lse/crypto-shred';
import { randomUUID } from 'node:crypto';
import { agreementStreamId, referralStreamId, toNewEvent, type ReferralEvent } from '@lse/contracts';
import { migrate, PostgresEventStore, START, type RecordedEvent } from '@lse/event-store';
import { Metrics } from '@lse/service-kit';
import { createTestSchema, eventually, type TestSchema } from '@lse/testing';
import type { DataSource } from 'typeorm';
import { draft, PARTNER_A, submitted } from '@lse/partners-domain/test/fixtures';
import { migratePartners } from '../src/migrate';
import { ReferralReactions } from '../src/reactions/referral-reactions';
import { createPartnersDataSource } from '../src/read-models/data-source';
import { rebuildPartnersReadModels } from '../src/read-models/projector';

/**
 * Services react in their own time: the collection case can close (closing the referral) before
 * the investigation's InvestigationClosed reaches partners. Every milestone is still decided.
 */
describe('referral milestones in any order', () => {
  let events: TestSchema;
  let partners: TestSchema;
  let dataSource: DataSource;
  let store: PostgresEventStore;
  let reactions: ReferralReactions;

  const meta = (caseId?: string) => ({
    ...(caseId ? { caseId } : {}),
    actor: { id: 'liaison-1', role: 'partner_liaison' as const },
    correlationId: 'corr-order',
    sourceService: 'partners',
    occurredAt: '2026-03-01T00:00:00Z',
  });

  beforeAll(async () => {
    events = await createTestSchema('pes');
    await migrate(events.pool, events.schema);
    partners = await createTestSchema('partners');
    await migratePartners({ connectionString: partners.url, schema: partners.schema });
    dataSource = await createPartnersDataSource({
      connectionString: partners.url,
      schema: partners.schema,
      poolMax: 4,
    }).initialize();
    store = new PostgresEventStore({
      pool: events.pool,
      schema: events.schema,
      service: 'partners',
      categories: ['agreement', 'referral'],
    });
    const clock = { now: () => new Date('2026-03-10T15:00:00Z') };
    reactions = new ReferralReactions(
      sealedStore(store),
      dataSource,
      clock,
      new Metrics('partners-test', { defaultMetrics: false }),
    );
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await partners?.drop();
    await events?.drop();
  });

  /** Another service's event about the case, as the reaction receives it from JetStream. */
  let position = 0;
  const cause = (caseId: string, streamId: string, type: string, data: unknown): RecordedEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion: 1,
    data: data as Record<string, unknown>,
    metadata: { ...meta(caseId), sourceService: streamId.split('-')[0] },
    streamId,
    streamVersion: 1,
    globalPosition: ++position,
    txId: '1',
    recordedAt: '2026-03-10T15:00:00.000Z',
    hash: '',
    prevHash: '',
  });

  it('shares the investigation closing that arrives after the collection case closed the referral', async () => {
    const agreementId = randomUUID();
    await store.append(
      agreementStreamId(agreementId),
      [
        toNewEvent(
          { type: 'AgreementDrafted', data: draft({ sharingLevel: 'status_and_outcome' }) },
          randomUUID(),
          meta(),
        ),
        toNewEvent(
          { type: 'AgreementSigned', data: { signedOn: '2026-01-01', signatories: ['Director'] } },
          randomUUID(),
          meta(),
        ),
      ],
      'no_stream',
    );
    const caseId = randomUUID();
    const workers = submitted().workers.map((w) => ({
      ...w,
      consent: { scopes: ['status', 'outcome'] as const },
    }));
    await store.append(
      referralStreamId(caseId),
      [
        toNewEvent(
          { type: 'ReferralSubmitted', data: submitted({ workers: workers as never, agreementId }) },
          randomUUID(),
          meta(caseId),
        ),
      ],
      'no_stream',
    );
    // The agreement must be in the read model the reaction looks partners' agreements up in.
    await eventually(
      async () =>
        (await store.readAfter(START, { categories: ['agreement'], limit: 1000 })).events.filter(
          (e) => e.streamId === agreementStreamId(agreementId),
        ).length,
      (seen) => seen >= 2,
      { what: 'the transaction horizon to pass the agreement', timeoutMs: 20_000 },
    );
    await rebuildPartnersReadModels(dataSource, store);

    await reactions.handle(
      cause(caseId, `complaint-${caseId}`, 'CaseOpened', {
        caseNumber: 'LSE-2026-000777',
        openedAt: '2026-03-01T10:00:00Z',
      }),
    );
    await reactions.handle(
      cause(caseId, `investigation-${caseId}`, 'InvestigationOpened', { openedAt: '2026-03-01T10:00:01Z' }),
    );
    // Reversed: collections closes first, and that closes the referral ...
    await reactions.handle(
      cause(caseId, `collection-${caseId}`, 'CollectionCaseClosed', {
        reason: 'paid_in_full',
        closedOn: '2026-03-09',
      }),
    );
    // ... then the investigation's closing arrives.
    await reactions.handle(
      cause(caseId, `investigation-${caseId}`, 'InvestigationClosed', {
        reason: 'Resolved',
        closedAt: '2026-03-10T09:00:00Z',
      }),
    );

    const recorded = await store.readStream(referralStreamId(caseId));
    const decided = recorded
      .map((r) => ({ type: r.type, data: r.data }) as ReferralEvent)
      .filter((e) => e.type === 'StatusSharedWithPartner' || e.type === 'DisclosureWithheld')
      .map((e) => [e.type, (e.data as { milestone: string }).milestone]);
    expect(decided).toEqual([
      ['StatusSharedWithPartner', 'case_opened'],
      ['StatusSharedWithPartner', 'investigation_opened'],
      ['StatusSharedWithPartner', 'case_closed'],
      ['StatusSharedWithPartner', 'investigation_closed'],
    ]);
    const last = recorded.at(-1)!;
    expect(last.data).toMatchObject({
      partnerId: PARTNER_A,
      milestone: 'investigation_closed',
      fields: { status: 'investigation_closed', closureReason: 'resolved' },
    });
    expect(recorded.map((r) => r.type)).toContain('ReferralClosed');
  });
});
