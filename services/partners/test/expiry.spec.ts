import { sealedStore } from '@lse/crypto-shred';
import { randomUUID } from 'node:crypto';
import { agreementStreamId, toNewEvent } from '@lse/contracts';
import { migrate, PostgresEventStore, START } from '@lse/event-store';
import { createTestSchema, eventually, type TestSchema } from '@lse/testing';
import type { DataSource } from 'typeorm';
import { draft } from '@lse/partners-domain/test/fixtures';
import { isoDate } from '@lse/domain';
import { AgreementExpiry, expiryEventId } from '../src/scheduled/agreement-expiry';
import { migratePartners } from '../src/migrate';
import { createPartnersDataSource } from '../src/read-models/data-source';
import { rebuildPartnersReadModels } from '../src/read-models/projector';

/** The scheduled expiry against the real PostgreSQL: two replicas racing append one expiry. */
describe('agreement expiry with several replicas', () => {
  let events: TestSchema;
  let partners: TestSchema;
  let dataSource: DataSource;
  const replicas: Array<{ store: PostgresEventStore; expiry: AgreementExpiry }> = [];
  const clock = { now: () => new Date('2028-01-02T08:00:00Z') };

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
    for (let i = 0; i < 2; i++) {
      // Each replica has its own store and pool, as separate processes would.
      const store = new PostgresEventStore({
        connectionString: events.url,
        schema: events.schema,
        service: 'partners',
        categories: ['agreement'],
      });
      replicas.push({ store, expiry: new AgreementExpiry(sealedStore(store), dataSource, clock) });
    }
  });
  afterAll(async () => {
    for (const r of replicas) await r.store.close();
    await dataSource?.destroy();
    await partners?.drop();
    await events?.drop();
  });

  const meta = {
    actor: { id: 'liaison-1', role: 'partner_liaison' as const },
    correlationId: 'c',
    sourceService: 'partners',
    occurredAt: '2026-01-01T00:00:00Z',
  };
  async function signed(expiresOn: string): Promise<string> {
    const id = randomUUID();
    await replicas[0].store.append(
      agreementStreamId(id),
      [
        toNewEvent(
          { type: 'AgreementDrafted', data: draft({ expiresOn: isoDate(expiresOn) }) },
          randomUUID(),
          meta,
        ),
        toNewEvent(
          { type: 'AgreementSigned', data: { signedOn: '2026-01-01', signatories: ['Director'] } },
          randomUUID(),
          meta,
        ),
      ],
      'no_stream',
    );
    return id;
  }
  const expiries = async (id: string) =>
    (await replicas[0].store.readStream(agreementStreamId(id))).filter((e) => e.type === 'AgreementExpired');

  it('two checkers racing on the same agreements append exactly one AgreementExpired each', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, () => signed('2028-01-01')));
    const results = await Promise.all(
      ids.map((id) => Promise.all(replicas.map((r) => r.expiry.expireOne(id, clock.now())))),
    );
    for (const [i, id] of ids.entries()) {
      expect(results[i].filter(Boolean)).toHaveLength(1);
      const stored = await expiries(id);
      expect(stored).toHaveLength(1);
      expect(stored[0].eventId).toBe(expiryEventId(id, '2028-01-01'));
      expect(stored[0].data).toEqual({ expiresOn: '2028-01-01', recordedOn: '2028-01-02' });
    }
    // Running again changes nothing.
    expect(await replicas[1].expiry.expireOne(ids[0], clock.now())).toBe(false);
    expect(await expiries(ids[0])).toHaveLength(1);
  });

  it('scheduled passes on both replicas expire what is due, once, and leave the rest in force', async () => {
    const due = await signed('2027-12-31');
    const onTheDay = await signed('2028-01-02');
    const later = await signed('2028-01-03');
    // A rebuild reads below the transaction horizon, which another suite's open transaction on the
    // same database holds back: wait until the catch-up read sees all six events, or the rebuild
    // may stop short of them and nominate nothing.
    const ours = new Set([due, onTheDay, later].map(agreementStreamId));
    const visible = async () =>
      (await replicas[0].store.readAfter(START, { categories: ['agreement'], limit: 1000 })).events.filter(
        (e) => ours.has(e.streamId),
      ).length;
    await eventually(visible, (seen) => seen >= 6, {
      what: 'the transaction horizon to pass the agreements',
      timeoutMs: 20_000,
      details: (seen) => `${seen} of 6 events read`,
    });
    await rebuildPartnersReadModels(dataSource, replicas[0].store);
    const [a, b] = await Promise.all(replicas.map((r) => r.expiry.checkOnce(clock.now())));
    const recorded = [...a, ...b];
    expect(recorded).toEqual(expect.arrayContaining([due, onTheDay]));
    expect(new Set(recorded).size).toBe(recorded.length);
    expect(await expiries(due)).toHaveLength(1);
    expect(await expiries(onTheDay)).toHaveLength(1);
    expect(await expiries(later)).toHaveLength(0);
  });
});
